/* fuzz_url.c -- libFuzzer target for database URLs and durations. Every
 * input is parsed as a URL, redacted, parsed again with a password-file
 * parameter appended, and parsed as a duration and an identifier. The
 * properties checked are the ones a leak or a misparse would break: no
 * parsed password survives redaction or reaches an error message, the
 * redacted URL still parses and carries only "***" secrets, and the raw URL
 * rewritten for a password-file parses back to the same URL. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "exitcodes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Every byte that needs percent-encoding, and one of each URL delimiter. */
static const char file_password[] = "pw:@/?#%&+= x\xc3\xa9";
static char pwfile[64];

static void cleanup(void)
{
    if (pwfile[0])
        unlink(pwfile);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    FILE *f;
    int fd;

    (void)argc;
    (void)argv;
    snprintf(pwfile, sizeof pwfile, "/tmp/sg-fuzz-pw.XXXXXX");
    fd = mkstemp(pwfile);
    assert(fd >= 0);
    f = fdopen(fd, "w");
    assert(f);
    fprintf(f, "%s\n", file_password);
    fclose(f);
    atexit(cleanup);
    return 0;
}

/* The same key rule as config.c's is_secret_key, on decoded keys. */
static int secret_key(const char *k)
{
    size_t n = strlen(k);

    return strcasecmp(k, "pass") == 0 || strcasecmp(k, "pwd") == 0 ||
           ((strcasestr(k, "password") || strcasestr(k, "passwd")) &&
            !(n >= 4 && strcasecmp(k + n - 4, "file") == 0));
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, nl = strlen(needle);

    for (const char *p = hay; nl && (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* A secret that does not occur in the input outside the secrets' own
 * spans (`bare`, the input with those spans blanked) must not appear in
 * `out`. Redaction only cuts text out and puts "***" in, so a secret with
 * a '*' may be formed anew across a cut; too-short secrets collide with
 * ordinary text. */
static void assert_hidden(const char *bare, const char *out, const char *secret)
{
    if (!secret || strlen(secret) < 4 || strchr(secret, '*') || strstr(bare, secret))
        return;
    assert(strstr(out, secret) == NULL);
}

static int hexv(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Decodes a query key as config.c does ('+' is a space); NULL if malformed. */
static char *decode_key(const char *k, size_t n)
{
    char *d = malloc(n + 1), *o = d;

    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (k[i] == '%') {
            if (i + 2 >= n || hexv(k[i + 1]) < 0 || hexv(k[i + 2]) < 0 ||
                (k[i + 1] == '0' && k[i + 2] == '0')) {
                free(d);
                return NULL;
            }
            *o++ = (char)(hexv(k[i + 1]) * 16 + hexv(k[i + 2]));
            i += 2;
        } else {
            *o++ = k[i] == '+' ? ' ' : k[i];
        }
    }
    *o = '\0';
    return d;
}

/* The input of a URL that parsed, with the userinfo password and every
 * secret parameter's value replaced by a control byte (which no URL that
 * parses contains). An independent reading of the grammar in config.c. */
static char *blank_secrets(const char *s)
{
    char *b = strdup(s), *colon, *q;

    if (!b)
        return NULL;
    colon = strchr(b, ':');
    if (colon && colon[1] == '/' && colon[2] == '/' && strncmp(b, "sqlite:", 7) != 0) {
        char *auth = colon + 3, *end = auth + strcspn(auth, "/?"), *at = NULL, *uc;
        for (char *c = auth; c < end; c++)
            if (*c == '@')
                at = c;
        if (at && (uc = memchr(auth, ':', (size_t)(at - auth))))
            memset(uc + 1, 1, (size_t)(at - uc - 1));
    }
    if (colon && (q = strchr(colon + 1, '?'))) {
        for (q++; *q;) {
            size_t len = strcspn(q, "&");
            char *eq = memchr(q, '=', len), *k;
            if (eq && (k = decode_key(q, (size_t)(eq - q)))) {
                if (secret_key(k))
                    memset(eq + 1, 1, len - (size_t)(eq - q) - 1);
                free(k);
            }
            q += len;
            if (*q == '&')
                q++;
        }
    }
    return b;
}

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static void check_redacted(const char *s, const struct sg_url *u)
{
    struct sg_url r;
    struct sg_error err = {0};
    char *bare = blank_secrets(s);

    assert(u->redacted);
    if (bare) {
        assert_hidden(bare, u->redacted, u->password);
        for (size_t i = 0; i < u->nparams; i++)
            if (secret_key(u->params[i].key))
                assert_hidden(bare, u->redacted, u->params[i].value);
        free(bare);
    }
    /* The redacted URL is still a URL, and what it carries is "***". */
    if (sg_url_parse(u->redacted, &r, &err) == 0) {
        assert(r.password == NULL || strcmp(r.password, "***") == 0);
        assert((r.password == NULL) == (u->password == NULL));
        assert(same(r.user, u->user) && same(r.hosts, u->hosts) && same(r.path, u->path));
        assert(r.nparams == u->nparams);
        for (size_t i = 0; i < r.nparams; i++)
            if (secret_key(r.params[i].key))
                assert(strcmp(r.params[i].value, "***") == 0 || !*u->params[i].value);
        sg_url_free(&r);
    } else {
        /* Only a failure the original also had could explain this. */
        assert(0 && "a URL that parses redacts into one that does not");
    }
}

/* Appends password-file=PWFILE and checks the rewritten raw URL. */
static void check_password_file(const char *s, const struct sg_url *orig)
{
    struct sg_url u, back;
    struct sg_error err = {0};
    size_t n = strlen(s);
    char *s2 = malloc(n + sizeof pwfile + 32);

    if (!s2)
        return;
    sprintf(s2, "%s%cpassword-file=%s", s, strchr(s, '?') ? '&' : '?', pwfile);
    if (sg_url_parse(s2, &u, &err) < 0) {
        free(s2);
        return;
    }
    memset(&err, 0, sizeof err);
    if (sg_url_load_password_file(&u, 0, &err) < 0) {
        assert(err.code == SG_EX_CONFIG || err.code == SG_EX_OSERR);
        assert(strstr(err.msg, file_password) == NULL);
        sg_url_free(&u);
        free(s2);
        return;
    }
    assert(strcmp(u.password, file_password) == 0);
    assert(strstr(u.raw, "password-file") == NULL || count(s, "password-file") > 0);
    assert(strstr(s, file_password) || !strstr(u.redacted, file_password));
    assert(u.nparams == orig->nparams);
    memset(&err, 0, sizeof err);
    if (sg_url_parse(u.raw, &back, &err) < 0) {
        assert(0 && "the raw URL rewritten for password-file does not parse");
    }
    assert(back.password && strcmp(back.password, file_password) == 0);
    assert(same(back.user, orig->user) && same(back.hosts, orig->hosts));
    assert(same(back.host, orig->host) && back.port == orig->port);
    assert(same(back.path, orig->path) && same(back.scheme, orig->scheme));
    assert(back.nparams == orig->nparams);
    for (size_t i = 0; i < back.nparams; i++) {
        assert(strcmp(back.params[i].key, orig->params[i].key) == 0);
        assert(strcmp(back.params[i].value, orig->params[i].value) == 0);
    }
    sg_url_free(&back);
    sg_url_free(&u);
    free(s2);
}

/* Error messages must not echo the input (it may hold a password), except
 * the scheme. Every '~' of the input becomes a canary no message text
 * contains; a failed parse may show the canary only if the scheme has it. */
static void check_error_echo(const char *s)
{
    static const char canary[] = "Zq7Kx";
    size_t n = 0;
    char *c, *o;
    struct sg_url u;
    struct sg_error err = {0};

    if (!strchr(s, '~'))
        return;
    for (const char *p = s; *p; p++)
        n += *p == '~' ? sizeof canary - 1 : 1;
    if (!(c = malloc(n + 1)))
        return;
    for (o = c; *s; s++) {
        if (*s == '~') {
            memcpy(o, canary, sizeof canary - 1);
            o += sizeof canary - 1;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    if (sg_url_parse(c, &u, &err) == 0) {
        sg_url_free(&u);
    } else if (strstr(err.msg, canary)) {
        const char *colon = strchr(c, ':');
        char *in_scheme = colon ? memmem(c, (size_t)(colon - c), canary, sizeof canary - 1) : NULL;

        assert(in_scheme && "a URL parse error echoes the input");
    }
    free(c);
}

static void check_duration(const char *s)
{
    struct sg_error err = {0};
    long long ms = -7;

    if (sg_duration_parse(s, "fuzz", &ms, &err) == 0) {
        assert(ms >= 0 && ms <= 3153600000000LL);
        assert(s[0] >= '0' && s[0] <= '9');
    } else {
        assert(err.code == SG_EX_CONFIG);
        assert(strncmp(err.msg, "fuzz:", 5) == 0);
        assert(ms == -7);
    }
}

static void check_ident(const char *s)
{
    size_t n = strlen(s);
    int ok = n >= 1 && n <= 63 &&
             ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');

    for (size_t i = 0; ok && i < n; i++)
        ok = (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
             (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
    assert(!!sg_ident_valid(s) == ok);
}

static size_t ats_in_authority(const char *s)
{
    const char *a = strstr(s, "://");
    size_t n = 0;

    if (a)
        for (a += 3; *a && *a != '/' && *a != '?'; a++)
            n += *a == '@';
    return n;
}

/* raw is the input, except that an unencoded '@' in the userinfo is
 * percent-encoded (libpq ends the userinfo at the first '@'): then raw
 * has one '@' there and parses to the same parts. */
static void check_raw(const char *s, const struct sg_url *u)
{
    struct sg_url again;
    struct sg_error err = {0};

    if (strcmp(u->raw, s) == 0)
        return;
    assert(ats_in_authority(s) >= 2 && ats_in_authority(u->raw) == 1);
    assert(sg_url_parse(u->raw, &again, &err) == 0);
    assert(same(again.user, u->user) && same(again.password, u->password) &&
           same(again.hosts, u->hosts) && same(again.path, u->path) && again.port == u->port &&
           again.nparams == u->nparams && strcmp(again.raw, u->raw) == 0);
    sg_url_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    struct sg_url u;
    struct sg_error err = {0};
    char *r;

    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0'; /* a C string ends at its first NUL, as argv and getenv do */

    r = sg_url_redact(s);
    assert(r);
    free(r);

    if (sg_url_parse(s, &u, &err) == 0) {
        assert(err.code == 0);
        assert(u.raw && u.scheme && *u.scheme);
        check_raw(s, &u);
        for (const char *c = u.scheme; *c; c++)
            assert(!(*c >= 'A' && *c <= 'Z'));
        assert(u.nparams == 0 || u.params);
        for (size_t i = 0; i < u.nparams; i++)
            assert(u.params[i].key && *u.params[i].key && u.params[i].value);
        assert(u.port >= 0 && u.port <= 65535);
        check_redacted(s, &u);
        check_password_file(s, &u);
        sg_url_free(&u);
    } else {
        assert(err.code == SG_EX_CONFIG || err.code == SG_EX_OSERR);
        assert(memchr(err.msg, '\0', sizeof err.msg));
        /* sg_url_free on the zeroed struct left behind must be harmless. */
        sg_url_free(&u);
    }
    check_error_echo(s);
    check_duration(s);
    check_ident(s);
    free(s);
    return 0;
}
