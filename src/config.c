/* config.c -- database URLs, durations and identifiers. Pure string work:
 * the only I/O is reading a URL from a secret file. Nothing here ever puts a
 * password into an error message. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcodes.h"
#include "log.h"
#include "trust.h"

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);

    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Percent-decodes s[0..n) into a new string; NULL on a bad escape or a
 * decoded NUL (which would silently truncate what a client library sees). */
static char *pct_decode(const char *s, size_t n, int plus_is_space)
{
    char *out = malloc(n + 1), *o = out;

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%') {
            if (i + 2 >= n) {
                free(out);
                return NULL;
            }
            int h = hexval((unsigned char)s[i + 1]), l = hexval((unsigned char)s[i + 2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0)) {
                free(out);
                return NULL;
            }
            *o++ = (char)(h * 16 + l);
            i += 2;
        } else if (plus_is_space && s[i] == '+') {
            *o++ = ' ';
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

void sg_url_free(struct sg_url *u)
{
    if (!u)
        return;
    if (u->password)
        explicit_bzero(u->password, strlen(u->password));
    if (u->raw)
        explicit_bzero(u->raw, strlen(u->raw));
    free(u->raw);
    free(u->scheme);
    free(u->user);
    free(u->password);
    free(u->hosts);
    free(u->host);
    free(u->path);
    for (size_t i = 0; i < u->nparams; i++) {
        free(u->params[i].key);
        if (u->params[i].value)
            explicit_bzero(u->params[i].value, strlen(u->params[i].value));
        free(u->params[i].value);
    }
    free(u->params);
    free(u->redacted);
    memset(u, 0, sizeof *u);
}

/* *dst = a copy of s (NULL stays NULL); 0, or -1 when out of memory. */
static int dup_or_null(char **dst, const char *s)
{
    return s && !(*dst = strdup(s)) ? -1 : 0;
}

int sg_url_dup(const struct sg_url *u, struct sg_url *out)
{
    memset(out, 0, sizeof *out);
    out->port = u->port;
    if (u->nparams && !(out->params = calloc(u->nparams, sizeof *out->params)))
        return -1;
    out->nparams = u->nparams;
    for (size_t i = 0; i < u->nparams; i++)
        if (dup_or_null(&out->params[i].key, u->params[i].key) < 0 ||
            dup_or_null(&out->params[i].value, u->params[i].value) < 0)
            goto fail;
    if (dup_or_null(&out->raw, u->raw) < 0 || dup_or_null(&out->scheme, u->scheme) < 0 ||
        dup_or_null(&out->user, u->user) < 0 || dup_or_null(&out->password, u->password) < 0 ||
        dup_or_null(&out->hosts, u->hosts) < 0 || dup_or_null(&out->host, u->host) < 0 ||
        dup_or_null(&out->path, u->path) < 0 || dup_or_null(&out->redacted, u->redacted) < 0)
        goto fail;
    return 0;
fail:
    sg_url_free(out);
    return -1;
}

const char *sg_url_param(const struct sg_url *u, const char *key)
{
    for (size_t i = 0; i < u->nparams; i++)
        if (strcmp(u->params[i].key, key) == 0)
            return u->params[i].value;
    return NULL;
}

int sg_url_param_ms(const struct sg_url *u, const char *key, long long min_ms, long long max_ms,
                    const char *range, long long *ms, struct sg_error *err)
{
    const char *v = sg_url_param(u, key);
    char what[96];
    long long got;

    if (!v)
        return 0;
    snprintf(what, sizeof what, "database URL parameter %s", key);
    if (sg_duration_parse(v, what, &got, err) < 0)
        return -1;
    if (got < min_ms || got > max_ms)
        return sg_error_set(err, SG_EX_CONFIG, "database URL: %s must be %s", key, range);
    *ms = got;
    return 0;
}

/* Is the raw query key k[0..n) one whose value is a secret? Client
 * libraries percent-decode keys (libpq: "passw%6Frd" is "password"), so the
 * decision is made on the decoded key; one that cannot be decoded is treated
 * as secret. Any "*password*" key counts (libpq's sslpassword too), except
 * the path-valued "*file" ones (passfile, password-file). */
static int is_secret_key(const char *k, size_t n)
{
    char *d = pct_decode(k, n, 1);
    int secret;

    if (!d)
        return 1;
    size_t dn = strlen(d);
    secret = strcasecmp(d, "pass") == 0 || strcasecmp(d, "pwd") == 0 ||
             ((strcasestr(d, "password") || strcasestr(d, "passwd")) &&
              !(dn >= 4 && strcasecmp(d + dn - 4, "file") == 0));
    free(d);
    return secret;
}

char *sg_url_redact(const char *s)
{
    size_t n = strlen(s);
    /* Worst case: every byte kept plus "***" per parameter. */
    char *out = malloc(n * 2 + 8), *o = out;
    const char *p = s, *auth, *at, *end;

    if (!out)
        return NULL;
    const char *colon = strchr(s, ':');
    if (!colon) {
        /* Not a URL: it may be a bare password typed in the wrong place. */
        strcpy(out, "***");
        return out;
    }
    /* scheme: */
    memcpy(o, s, (size_t)(colon - s) + 1);
    o += colon - s + 1;
    p = colon + 1;
    if (p[0] == '/' && p[1] == '/') {
        *o++ = '/';
        *o++ = '/';
        auth = p + 2;
        end = auth + strcspn(auth, "/?#");
        /* The last '@' before the path ends the userinfo (passwords may hold '@'
         * only percent-encoded, but be forgiving when redacting). */
        at = NULL;
        for (const char *q = auth; q < end; q++)
            if (*q == '@')
                at = q;
        if (at) {
            const char *uc = memchr(auth, ':', (size_t)(at - auth));
            if (uc) {
                memcpy(o, auth, (size_t)(uc - auth));
                o += uc - auth;
                memcpy(o, ":***", 4);
                o += 4;
            } else {
                memcpy(o, auth, (size_t)(at - auth));
                o += at - auth;
            }
            p = at;
        } else {
            p = auth;
        }
    }
    /* Copy the rest, blanking password-like query parameters. */
    const char *q = strchr(p, '?');
    if (!q) {
        strcpy(o, p);
        return out;
    }
    memcpy(o, p, (size_t)(q - p) + 1);
    o += q - p + 1;
    p = q + 1;
    while (*p) {
        size_t len = strcspn(p, "&");
        const char *eq = memchr(p, '=', len);
        if (eq && is_secret_key(p, (size_t)(eq - p))) {
            memcpy(o, p, (size_t)(eq - p) + 1);
            o += eq - p + 1;
            memcpy(o, "***", 3);
            o += 3;
        } else {
            memcpy(o, p, len);
            o += len;
        }
        p += len;
        if (*p == '&')
            *o++ = *p++;
    }
    *o = '\0';
    return out;
}

static int parse_query(struct sg_url *u, const char *q, struct sg_error *err)
{
    while (*q) {
        size_t len = strcspn(q, "&");
        if (len > 0) {
            const char *eq = memchr(q, '=', len);
            size_t klen = eq ? (size_t)(eq - q) : len;
            struct sg_param *np = realloc(u->params, (u->nparams + 1) * sizeof *np);
            if (!np)
                return sg_error_set(err, SG_EX_OSERR, "out of memory");
            u->params = np;
            char *k = pct_decode(q, klen, 1);
            char *v = eq ? pct_decode(eq + 1, len - klen - 1, 1) : strdup("");
            if (!k || !v || !*k) {
                free(k);
                free(v);
                return sg_error_set(err, SG_EX_CONFIG,
                                    "database URL: malformed query parameter %zu", u->nparams + 1);
            }
            u->params[u->nparams].key = k;
            u->params[u->nparams].value = v;
            u->nparams++;
        }
        q += len;
        if (*q == '&')
            q++;
    }
    return 0;
}

/* Splits the first host of an authority into host and port. */
static int parse_host(struct sg_url *u, struct sg_error *err)
{
    const char *h = u->hosts, *end = h + strcspn(h, ",");
    const char *portp = NULL;

    if (*h == '[') {
        const char *rb = memchr(h, ']', (size_t)(end - h));
        if (!rb)
            return sg_error_set(err, SG_EX_CONFIG, "database URL: unterminated [ in host");
        u->host = dup_range(h + 1, (size_t)(rb - h - 1));
        if (rb + 1 < end && rb[1] == ':')
            portp = rb + 2;
    } else {
        const char *c = memchr(h, ':', (size_t)(end - h));
        u->host = dup_range(h, (size_t)((c ? c : end) - h));
        if (c)
            portp = c + 1;
    }
    if (!u->host)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    if (portp && portp < end) {
        long port = 0;
        for (const char *c = portp; c < end; c++) {
            if (!isdigit((unsigned char)*c) || port > 65535)
                return sg_error_set(err, SG_EX_CONFIG, "database URL: invalid port");
            port = port * 10 + (*c - '0');
        }
        if (port < 1 || port > 65535)
            return sg_error_set(err, SG_EX_CONFIG, "database URL: port out of range");
        u->port = (int)port;
    }
    return 0;
}

/* sqlite:rel/path.db, sqlite:///abs/path.db, sqlite:/abs/path.db */
static int parse_sqlite_path(struct sg_url *u, const char *p, const char *rest_end,
                             struct sg_error *err)
{
    const char *path = p;

    if (p[0] == '/' && p[1] == '/') {
        if (p[2] != '/')
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: sqlite URLs are sqlite:relative/path.db or "
                                "sqlite:///absolute/path.db");
        path = p + 2;
    }
    if (path == rest_end)
        return sg_error_set(err, SG_EX_CONFIG, "database URL: sqlite URL has no file path");
    if (!(u->path = pct_decode(path, (size_t)(rest_end - path), 0)))
        return sg_error_set(err, SG_EX_CONFIG, "database URL: malformed %% escape in path");
    return 0;
}

/* //[user[:password]@]host[:port][,host...]/database: the userinfo ends at
 * the LAST '@' of the authority, so an unencoded '@' stays in the password. */
static int parse_authority(struct sg_url *u, const char *p, const char *rest_end,
                           struct sg_error *err)
{
    if (p[0] != '/' || p[1] != '/')
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: expected %s://[user[:password]@]host[:port]/database",
                            u->scheme);
    const char *auth = p + 2;
    const char *auth_end = auth + strcspn(auth, "/?");
    const char *at = NULL;
    for (const char *c = auth; c < auth_end; c++)
        if (*c == '@')
            at = c;
    if (at) {
        const char *uc = memchr(auth, ':', (size_t)(at - auth));
        const char *uend = uc ? uc : at;
        if (!(u->user = pct_decode(auth, (size_t)(uend - auth), 0)) ||
            (uc && !(u->password = pct_decode(uc + 1, (size_t)(at - uc - 1), 0))))
            /* Never echo the userinfo: it holds the password. */
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: malformed %% escape in user or password");
        auth = at + 1;
    }
    if (!(u->hosts = dup_range(auth, (size_t)(auth_end - auth))))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    if (*u->hosts && parse_host(u, err) < 0)
        return -1;
    if (*auth_end == '/' &&
        !(u->path = pct_decode(auth_end + 1, (size_t)(rest_end - auth_end - 1), 0)))
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: malformed %% escape in database name");
    return 0;
}

static int encode_userinfo(struct sg_url *u);

int sg_url_parse(const char *s, struct sg_url *u, struct sg_error *err)
{
    const char *colon, *p;

    memset(u, 0, sizeof *u);
    if (!s || !*s)
        return sg_error_set(err, SG_EX_CONFIG, "database URL is empty");
    for (const char *c = s; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            return sg_error_set(err, SG_EX_CONFIG, "database URL contains a control character");
    colon = strchr(s, ':');
    if (!colon || colon == s)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL has no scheme (expected e.g. sqlite:app.db or "
                            "postgres://user@host/db)");
    for (p = s; p < colon; p++)
        if (!isalnum((unsigned char)*p) && *p != '+' && *p != '-' && *p != '.')
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL has no scheme (expected e.g. sqlite:app.db or "
                                "postgres://user@host/db)");
    if (!(u->raw = strdup(s)) || !(u->redacted = sg_url_redact(s)) ||
        !(u->scheme = dup_range(s, (size_t)(colon - s))))
        goto oom;
    for (char *c = u->scheme; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    if (strcmp(u->scheme, "sqlite3") == 0)
        u->scheme[6] = '\0';

    p = colon + 1;
    const char *qmark = strchr(p, '?');
    const char *hash = strchr(p, '#');
    if (hash && (!qmark || hash < qmark)) {
        sg_url_free(u);
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: '#' is not allowed; "
                            "percent-encode it in a password as %%23");
    }
    const char *rest_end = qmark ? qmark : p + strlen(p);

    if ((strcmp(u->scheme, "sqlite") == 0 ? parse_sqlite_path(u, p, rest_end, err)
                                          : parse_authority(u, p, rest_end, err)) < 0) {
        sg_url_free(u);
        return -1;
    }
    if (qmark && parse_query(u, qmark + 1, err) < 0) {
        sg_url_free(u);
        return -1;
    }
    if (encode_userinfo(u) < 0)
        goto oom;
    return 0;
oom:
    sg_url_free(u);
    return sg_error_set(err, SG_EX_OSERR, "out of memory");
}

/* Reads a small secret file: a regular file (symlinks are followed, as
 * Kubernetes secret volumes link into ..data, and the file actually opened is
 * checked) that the file-trust rule (trust.h) accepts, or allow_insecure; at
 * most 64 KiB, no NUL byte; one trailing newline (and CR) is stripped. `what`
 * names the setting in messages. Returns a malloc'd string or NULL (code 78). */
static char *read_secret_file(const char *path, const char *what, int allow_insecure, size_t *lenp,
                              struct sg_error *err)
{
    struct stat st;
    char *buf = NULL;
    ssize_t n = 0;
    size_t len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    char name[300], msg[400];

    if (fd < 0) {
        int e = errno;
        /* The usual Kubernetes trap: a Secret volume's files are root's,
         * mode 0400 by the README of old, and the pod runs as another uid. */
        if (e == EACCES)
            sg_error_set(err, SG_EX_CONFIG, "unable to open %s %s: %s", what, path,
                         sg_trust_unreadable(path, SG_TRUST_SECRET, msg, sizeof msg));
        else
            sg_error_set(err, SG_EX_CONFIG, "unable to open %s %s: %s", what, path, strerror(e));
        return NULL;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        sg_error_set(err, SG_EX_CONFIG, "%s %s is not a regular file", what, path);
        goto out;
    }
    snprintf(name, sizeof name, "%s %s", what, path);
    switch (sg_trust_judge(fd, &st, SG_TRUST_SECRET, name, msg, sizeof msg)) {
    case SG_TRUST_REFUSE:
        if (!allow_insecure) {
            sg_error_set(err, SG_EX_CONFIG, "%s, or pass --allow-insecure-files", msg);
            goto out;
        }
        /* fall through */
    case SG_TRUST_WARN:
        sg_log(SG_LOG_WARN, "untrusted_secret", SG_F(SG_S("file", path)), "%s", msg);
        break;
    case SG_TRUST_OK: break;
    }
    if (st.st_size > 65536) {
        sg_error_set(err, SG_EX_CONFIG, "%s %s is larger than 64 KiB", what, path);
        goto out;
    }
    /* One byte more than fstat promised, to notice a file that grew. */
    buf = malloc((size_t)st.st_size + 2);
    if (!buf) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    while (
        len < (size_t)st.st_size + 1 &&
        ((n = read(fd, buf + len, (size_t)st.st_size + 1 - len)) > 0 || (n < 0 && errno == EINTR)))
        if (n > 0)
            len += (size_t)n;
    if (n < 0 || len > (size_t)st.st_size || memchr(buf, '\0', len)) {
        if (n < 0)
            sg_error_set(err, SG_EX_CONFIG, "unable to read %s %s: %s", what, path,
                         strerror(errno));
        else if (len > (size_t)st.st_size)
            sg_error_set(err, SG_EX_CONFIG, "%s %s changed while it was read", what, path);
        else
            sg_error_set(err, SG_EX_CONFIG, "%s %s contains a NUL byte", what, path);
        explicit_bzero(buf, len);
        free(buf);
        buf = NULL;
        goto out;
    }
    buf[len] = '\0';
    if (len > 0 && buf[len - 1] == '\n')
        buf[--len] = '\0';
    if (len > 0 && buf[len - 1] == '\r')
        buf[--len] = '\0';
    if (lenp)
        *lenp = len;
out:
    close(fd);
    return buf;
}

char *sg_url_read_file(const char *path, int allow_insecure, struct sg_error *err)
{
    return read_secret_file(path, "DATABASE_URL_FILE", allow_insecure, NULL, err);
}

/* Appends s[0..n) to *o percent-encoding everything but RFC 3986's
 * unreserved characters, so any password survives every URL parser. */
static char *pct_encode_to(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";

    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            *o++ = (char)c;
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    return o;
}

/* We end the userinfo at the last '@' of the authority, as dbmate does;
 * libpq ends it at the first, and would take the rest of the password for
 * a host name -- and print it. With an unencoded '@' in the userinfo, raw
 * is rewritten with user and password percent-encoded, so a client
 * library reads what we read. 0, or -1 when out of memory. */
static int encode_userinfo(struct sg_url *u)
{
    char *auth = strstr(u->raw, "://"), *at = NULL, *raw, *o;
    int n = 0;

    if (!auth || !u->user)
        return 0;
    auth += 3;
    for (char *c = auth, *end = auth + strcspn(auth, "/?"); c < end; c++)
        if (*c == '@') {
            at = c;
            n++;
        }
    if (n < 2)
        return 0;
    size_t ul = strlen(u->user), pl = u->password ? strlen(u->password) : 0;
    if (!(raw = o = malloc(strlen(u->raw) + 3 * (ul + pl) + 2)))
        return -1;
    memcpy(o, u->raw, (size_t)(auth - u->raw));
    o = pct_encode_to(o + (auth - u->raw), u->user, ul);
    if (u->password) {
        *o++ = ':';
        o = pct_encode_to(o, u->password, pl);
    }
    strcpy(o, at);
    explicit_bzero(u->raw, strlen(u->raw));
    free(u->raw);
    u->raw = raw;
    return 0;
}

/* The URL `raw` with the password in its userinfo (percent-encoded) and
 * without its password-file parameter. NULL when out of memory. */
static char *raw_with_password(const char *rawurl, const char *pw, size_t pwlen)
{
    const char *auth = strstr(rawurl, "://") + 3;
    const char *auth_end = auth + strcspn(auth, "/?");
    const char *at = NULL;
    for (const char *c = auth; c < auth_end; c++)
        if (*c == '@')
            at = c;
    const char *qmark = strchr(auth_end, '?');
    size_t rawlen = strlen(rawurl);
    char *raw = malloc(rawlen + pwlen * 3 + 3), *o = raw;

    if (!raw)
        return NULL;
    memcpy(o, rawurl, (size_t)(auth - rawurl));
    o += auth - rawurl;
    if (at) {
        memcpy(o, auth, (size_t)(at - auth));
        o += at - auth;
    }
    *o++ = ':';
    o = pct_encode_to(o, pw, pwlen);
    *o++ = '@';
    const char *h = at ? at + 1 : auth;
    const char *rest_end = qmark ? qmark : rawurl + rawlen;
    memcpy(o, h, (size_t)(rest_end - h));
    o += rest_end - h;
    if (qmark) {
        /* Copy every parameter but password-file (matched on its decoded key). */
        const char *q = qmark + 1;
        char sep = '?';
        while (*q) {
            size_t len = strcspn(q, "&");
            const char *eq = memchr(q, '=', len);
            size_t klen = eq ? (size_t)(eq - q) : len;
            char *k = len ? pct_decode(q, klen, 1) : NULL;
            if (len && !(k && strcmp(k, "password-file") == 0)) {
                *o++ = sep;
                sep = '&';
                memcpy(o, q, len);
                o += len;
            }
            free(k);
            q += len;
            if (*q == '&')
                q++;
        }
    }
    *o = '\0';
    return raw;
}

int sg_url_load_password_file(struct sg_url *u, int allow_insecure, struct sg_error *err)
{
    const char *path = NULL;
    size_t idx = 0, pwlen = 0, count = 0;
    char *pw = NULL, *raw = NULL;

    for (size_t i = 0; i < u->nparams; i++)
        if (strcmp(u->params[i].key, "password-file") == 0) {
            path = u->params[i].value;
            idx = i;
            count++;
        }
    if (!path)
        return 0;
    if (count > 1)
        return sg_error_set(err, SG_EX_CONFIG, "database URL: password-file given twice");
    if (!*path)
        return sg_error_set(err, SG_EX_CONFIG, "database URL: password-file needs a path");
    if (strcmp(u->scheme, "sqlite") == 0)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: password-file is meaningless for sqlite");
    if (u->password)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: both a password and password-file are given; use one");
    for (size_t i = 0; i < u->nparams; i++)
        if (is_secret_key(u->params[i].key, strlen(u->params[i].key)))
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: both %s= and password-file are given; use one",
                                u->params[i].key);
    if (!(pw = read_secret_file(path, "database URL password-file", allow_insecure, &pwlen, err)))
        return -1;

    /* Rewrite raw, which drivers may hand to their client library as is
     * (libpq rejects an unknown "password-file" parameter). */
    if (!strstr(u->raw, "://")) {
        sg_error_set(err, SG_EX_CONFIG, "database URL: password-file needs a //host URL");
        goto fail;
    }
    if (!(raw = raw_with_password(u->raw, pw, pwlen)))
        goto oom;
    size_t rawlen = strlen(u->raw);
    free(u->params[idx].key);
    free(u->params[idx].value);
    memmove(&u->params[idx], &u->params[idx + 1], (u->nparams - idx - 1) * sizeof *u->params);
    u->nparams--;
    explicit_bzero(u->raw, rawlen);
    free(u->raw);
    u->raw = raw;
    u->password = pw;
    return 0;
oom:
    sg_error_set(err, SG_EX_OSERR, "out of memory");
fail:
    explicit_bzero(pw, pwlen);
    free(pw);
    return -1;
}

int sg_duration_parse(const char *s, const char *what, long long *ms, struct sg_error *err)
{
    const char *p = s;
    unsigned long long v = 0;
    long long mult;

    if (!s || !*s)
        return sg_error_set(err, SG_EX_CONFIG, "%s: empty duration", what);
    while (*p >= '0' && *p <= '9') {
        if (v > (unsigned long long)LLONG_MAX / 10)
            goto bad;
        v = v * 10 + (unsigned)(*p - '0');
        p++;
    }
    if (p == s)
        goto bad;
    if (*p == '\0' || strcmp(p, "s") == 0)
        mult = 1000;
    else if (strcmp(p, "ms") == 0)
        mult = 1;
    else if (strcmp(p, "m") == 0)
        mult = 60000;
    else if (strcmp(p, "h") == 0)
        mult = 3600000;
    else
        goto bad;
    /* Cap at ~100 years: far beyond any sane wait, and no overflow later. */
    if (v > 3153600000000ULL / (unsigned long long)mult)
        goto bad;
    *ms = (long long)v * mult;
    return 0;
bad:
    return sg_error_set(err, SG_EX_CONFIG,
                        "%s: invalid duration '%.40s' (use e.g. 500ms, 30s, 5m, 1h; 0 = none)",
                        what, s);
}

int sg_ident_valid(const char *s)
{
    size_t n = 0;

    if (!s || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (; s[n]; n++)
        if (!(isalnum((unsigned char)s[n]) || s[n] == '_') || (unsigned char)s[n] >= 0x80)
            return 0;
    return n <= 63;
}

int sg_url_check_params(const struct sg_url *u, const char *const *known, struct sg_error *err)
{
    char list[256] = "";
    size_t n = 0;

    for (size_t j = 0; known[j] && n < sizeof list; j++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", j ? ", " : "", known[j]);
    for (size_t i = 0; i < u->nparams; i++) {
        const char *k = u->params[i].key;
        size_t j;
        for (j = 0; known[j] && strcmp(k, known[j]) != 0; j++)
            ;
        if (!known[j]) {
            /* ssl_mode for ssl-mode, SSL-MODE for ssl-mode: say so. */
            char alt[64];
            snprintf(alt, sizeof alt, "%s", k);
            for (char *a = alt; *a; a++)
                *a = *a == '_' ? '-' : *a;
            for (j = 0; known[j] && strcasecmp(alt, known[j]) != 0; j++)
                ;
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: unknown parameter '%.64s'%s%s%s (%s URLs take %s)",
                                k, known[j] ? "; did you mean '" : "", known[j] ? known[j] : "",
                                known[j] ? "'" : "", u->scheme, *list ? list : "none");
        }
        for (size_t m = 0; m < i; m++)
            if (strcmp(u->params[m].key, k) == 0)
                return sg_error_set(err, SG_EX_CONFIG, "database URL: parameter '%s' given twice",
                                    k);
    }
    return 0;
}
