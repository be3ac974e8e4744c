/* migration.c -- reading a migrations directory into memory: file-name
 * grammar, up/down sections and directives, checksums. Every file is read
 * through the descriptor that was checked, once, before any lock is taken. */
#include "migration.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checksum.h"
#include "config.h"
#include "exitcodes.h"
#include "log.h"
#include "trust.h"

enum { LAYOUT_DBMATE = 0, LAYOUT_UP = 1, LAYOUT_DOWN = 2 };

#define SG_MIGRATION_MAX_BYTES (1LL << 30)

int sg_version_canon(const char *s, char out[SG_VERSION_MAX + 1])
{
    size_t n = 0;

    while (s[n] >= '0' && s[n] <= '9')
        n++;
    if (n == 0 || n > SG_VERSION_MAX || s[n] != '\0')
        return -1;
    while (*s == '0' && n > 1) {
        s++;
        n--;
    }
    memcpy(out, s, n);
    out[n] = '\0';
    return 0;
}

int sg_version_cmp(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);

    /* Canonical forms have no leading zeros: the longer one is larger. */
    if (la != lb)
        return la < lb ? -1 : 1;
    return strcmp(a, b);
}

static int has_suffix(const char *s, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

/* golang-migrate's file name, `^[0-9]+_.*\.(up|down)\..*$`, with an
 * extension other than sql: golang-migrate would apply it. */
static int golang_other_ext(const char *fname)
{
    const char *p = fname, *dir;

    if (!isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p != '_')
        return 0;
    for (dir = strstr(p, ".up."); dir; dir = strstr(dir + 1, ".up."))
        if (strcasecmp(dir + 4, "sql") != 0)
            return 1;
    for (dir = strstr(p, ".down."); dir; dir = strstr(dir + 1, ".down."))
        if (strcasecmp(dir + 6, "sql") != 0)
            return 1;
    return 0;
}

/* s ends with ".up.sql" (dir "up") in golang-migrate's sense: the
 * direction as written, the extension in any case. */
static int has_golang_suffix(const char *s, size_t n, const char *dir)
{
    size_t d = strlen(dir), m = d + 5; /* ".up.sql" */
    return n >= m && s[n - m] == '.' && strncmp(s + n - m + 1, dir, d) == 0 && s[n - 4] == '.' &&
           strcasecmp(s + n - 3, "sql") == 0;
}

int sg_migration_name_parse(const char *fname, char version[SG_VERSION_MAX + 1], char **name)
{
    size_t n = strlen(fname), digits = 0, end;
    int layout;
    char v[SG_VERSION_MAX + 1];

    *name = NULL;
    if (fname[0] == '.')
        return -2;
    /* golang-migrate takes any case of the extension (and any extension:
     * see golang_other_ext); dbmate only a lowercase .sql. */
    if (has_golang_suffix(fname, n, "up")) {
        layout = LAYOUT_UP;
        end = n - 7;
    } else if (has_golang_suffix(fname, n, "down")) {
        layout = LAYOUT_DOWN;
        end = n - 9;
    } else if (has_suffix(fname, n, ".sql")) {
        layout = LAYOUT_DBMATE;
        end = n - 4;
    } else {
        return golang_other_ext(fname) ? -3 : -2;
    }
    while (digits < end && isdigit((unsigned char)fname[digits]))
        digits++;
    /* VERSION_name; dbmate also takes VERSION-name. */
    if (digits == 0 || digits > SG_VERSION_MAX || digits + 1 >= end ||
        !(fname[digits] == '_' || (fname[digits] == '-' && layout == LAYOUT_DBMATE)))
        return -1;
    for (size_t i = digits + 1; i < end; i++) {
        unsigned char c = (unsigned char)fname[i];
        if (!(isalnum(c) || c == '_' || c == '-' || c == '.') || c >= 0x80)
            return -1;
    }
    memcpy(v, fname, digits);
    v[digits] = '\0';
    if (sg_version_canon(v, version) < 0)
        return -1;
    *name = strndup(fname + digits + 1, end - digits - 1);
    return *name ? layout : -1;
}

void sg_migration_clear(struct sg_migration *m)
{
    free(m->name);
    free(m->file);
    free(m->down_file);
    free(m->up.sql);
    free(m->down.sql);
    memset(m, 0, sizeof *m);
}

void sg_migrations_free(struct sg_migration_set *set)
{
    for (size_t i = 0; i < set->n; i++)
        sg_migration_clear(&set->v[i]);
    free(set->v);
    set->v = NULL;
    set->n = 0;
}

/* Is the line "-- migrate:WORD ..."? Returns a pointer past WORD, or NULL. */
static const char *marker(const char *line, size_t len, const char *word)
{
    size_t i = 0, w = strlen(word);

    if (len < 2 || line[0] != '-' || line[1] != '-')
        return NULL;
    i = 2;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (len - i < 8 + w || memcmp(line + i, "migrate:", 8) != 0 ||
        memcmp(line + i + 8, word, w) != 0)
        return NULL;
    i += 8 + w;
    if (i < len && !isspace((unsigned char)line[i]))
        return NULL;
    return line + i;
}

/* A line that a reader would take for a marker but dbmate would not (its
 * markers are lowercase, at the start of the line): "-- MIGRATE:UP",
 * "  -- migrate:up". Returns the word it imitates ("up"/"down"), or NULL. */
static const char *near_marker(const char *line, size_t len)
{
    size_t i = 0;

    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (len - i < 2 || line[i] != '-' || line[i + 1] != '-')
        return NULL;
    for (i += 2; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
        ;
    if (len - i < 10 || strncasecmp(line + i, "migrate:", 8) != 0)
        return NULL;
    if (strncasecmp(line + i + 8, "up", 2) == 0 &&
        (len - i == 10 || isspace((unsigned char)line[i + 10])))
        return "up";
    if (len - i >= 12 && strncasecmp(line + i + 8, "down", 4) == 0 &&
        (len - i == 12 || isspace((unsigned char)line[i + 12])))
        return "down";
    return NULL;
}

/* Parses the directives after "-- migrate:up" or "-- migrate:down" (until
 * end of line) into that section. */
static int directives(const char *file, struct sg_section *sec, const char *p, const char *end,
                      int line, struct sg_error *err)
{
    while (p < end) {
        while (p < end && isspace((unsigned char)*p))
            p++;
        const char *w = p;
        while (p < end && !isspace((unsigned char)*p))
            p++;
        size_t n = (size_t)(p - w);
        if (n == 0)
            break;
        if (n == 17 && memcmp(w, "transaction:false", n) == 0) {
            sec->no_transaction = 1;
        } else if (n == 16 && memcmp(w, "transaction:true", n) == 0) {
            sec->no_transaction = 0;
        } else if (n > 13 && memcmp(w, "lock_timeout:", 13) == 0) {
            char d[32];
            struct sg_error derr;
            if (n - 13 >= sizeof d)
                goto bad;
            memcpy(d, w + 13, n - 13);
            d[n - 13] = '\0';
            if (sg_duration_parse(d, "lock_timeout", &sec->lock_timeout_ms, &derr) < 0)
                return sg_error_set(err, SG_EX_DATA, "%s:%d: %s", file, line, derr.msg);
        } else {
bad:
            return sg_error_set(err, SG_EX_DATA,
                                "%s:%d: unknown directive '%.*s' (known: transaction:false, "
                                "lock_timeout:DURATION)",
                                file, line, (int)(n > 60 ? 60 : n), w);
        }
    }
    return 0;
}

static int set_section(struct sg_section *s, const char *buf, size_t len, int line,
                       const char *file, struct sg_error *err)
{
    s->sql = malloc(len + 1);
    if (!s->sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory reading %s", file);
    memcpy(s->sql, buf, len);
    s->sql[len] = '\0';
    s->len = len;
    s->line = line;
    s->file = file;
    return 0;
}

/* The checksums of the up section: normalised line endings (as Flyway's
 * line-based CRC ignores them) and, for ledgers that predate that, raw. */
static int checksums(struct sg_migration *m, struct sg_error *err)
{
    char *lf;
    size_t n = 0;

    /* Without a CR the two are one digest: hash once (issue 16, start-up). */
    if (!memchr(m->up.sql, '\r', m->up.len)) {
        sg_sha256_hex(m->up.sql, m->up.len, m->checksum);
        memcpy(m->checksum_raw, m->checksum, sizeof m->checksum_raw);
        return 0;
    }
    if (!(lf = malloc(m->up.len + 1)))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    for (size_t i = 0; i < m->up.len; i++) {
        char c = m->up.sql[i];
        if (c == '\r') {
            if (i + 1 < m->up.len && m->up.sql[i + 1] == '\n')
                continue;
            c = '\n';
        }
        lf[n++] = c;
    }
    sg_sha256_hex(lf, n, m->checksum);
    sg_sha256_hex(m->up.sql, m->up.len, m->checksum_raw);
    free(lf);
    return 0;
}

/* A marker line of a dbmate file. */
struct mark {
    int down;
    int line;
    size_t at, body; /* offset of the marker line, and of the line after it */
    struct sg_section dir; /* its directives */
};

#define MAX_MARKS 64

/* A section made of several ranges of the file (dbmate 2.29 lets one file
 * hold several up/down pairs): the bytes of the file from the first range
 * on, with everything outside the ranges blanked but its newlines kept,
 * so lines and columns stay the file's own. */
static int gather(struct sg_section *sec, const char *buf, size_t len, const struct mark *mk,
                  size_t nmk, int down, const char *file, struct sg_error *err)
{
    size_t first = 0, last = 0, n, k;
    int found = 0;
    char *t;

    /* From the first section of this kind to the end of its last one: with
     * one up and one down, exactly the bytes between the markers. */
    for (k = 0; k < nmk; k++)
        if (mk[k].down == down) {
            if (!found) {
                first = mk[k].body;
                sec->line = mk[k].line + 1;
            }
            found = 1;
            last = k + 1 < nmk ? mk[k + 1].at : len;
        }
    if (!found)
        return 0; /* no such section */
    n = last - first;
    if (!(t = malloc(n + 1)))
        return sg_error_set(err, SG_EX_OSERR, "out of memory reading %s", file);
    memcpy(t, buf + first, n);
    /* Blank, keeping newlines, what lies between: the other kind's markers
     * and bodies, and our own later markers. */
    for (k = 0; k < nmk; k++) {
        size_t from = mk[k].at, to = mk[k].down == down ? mk[k].body
                                     : k + 1 < nmk      ? mk[k + 1].at
                                                        : len;
        if (from < first || from >= last)
            continue;
        for (size_t b = from; b < to && b < last; b++)
            if (t[b - first] != '\n')
                t[b - first] = ' ';
    }
    t[n] = '\0';
    sec->sql = t;
    sec->len = n;
    sec->file = file;
    return 0;
}

/* The directives of every marker of one kind must agree: they describe one
 * section as schemagate runs it. */
static int merge_directives(struct sg_section *sec, const struct mark *mk, size_t nmk, int down,
                            const char *file, struct sg_error *err)
{
    const struct mark *first = NULL;

    for (size_t k = 0; k < nmk; k++) {
        if (mk[k].down != down)
            continue;
        if (!first) {
            first = &mk[k];
            sec->no_transaction = first->dir.no_transaction;
            sec->lock_timeout_ms = first->dir.lock_timeout_ms;
        } else if (mk[k].dir.no_transaction != first->dir.no_transaction ||
                   mk[k].dir.lock_timeout_ms != first->dir.lock_timeout_ms) {
            return sg_error_set(err, SG_EX_DATA,
                                "%s:%d: this -- migrate:%s has other options than the one on line "
                                "%d; schemagate runs a file's sections as one: give them the same "
                                "options, or put them in files of their own",
                                file, mk[k].line, down ? "down" : "up", first->line);
        }
    }
    return 0;
}

/* Finds the markers of a dbmate file (or the stray ones of a golang .up.sql
 * file) and checks what may stand where. */
static int find_marks(const char *buf, size_t len, int layout, const char *file, struct mark *mk,
                      size_t *nmk, struct sg_error *err)
{
    const char *p = buf, *end = buf + len;
    int line = 1;

    *nmk = 0;
    for (; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p)), *eol = nl ? nl : end, *rest, *near;
        size_t ll = (size_t)(eol - p);
        int down = 0;

        if ((rest = marker(p, ll, "up")) || ((rest = marker(p, ll, "down")) && (down = 1))) {
            if (layout == LAYOUT_UP && down)
                return sg_error_set(err, SG_EX_DATA,
                                    "%s:%d: -- migrate:down in a .up.sql file (put it in the "
                                    ".down.sql file)",
                                    file, line);
            if (layout == LAYOUT_UP) {
                /* A leading marker of a golang file is a comment to SQL,
                 * but its directives count. */
                if (line == 1 && directives(file, &mk[0].dir, rest, eol, line, err) < 0)
                    return -1;
                p = nl ? nl + 1 : end;
                continue;
            }
            if (down && (*nmk == 0 || mk[*nmk - 1].down))
                return sg_error_set(err, SG_EX_DATA, "%s:%d: -- migrate:down %s", file, line,
                                    *nmk == 0 ? "before -- migrate:up"
                                              : "after another -- migrate:down: a section has one");
            if (*nmk == MAX_MARKS)
                return sg_error_set(err, SG_EX_DATA, "%s:%d: more than %d markers", file, line,
                                    MAX_MARKS);
            struct mark *k = &mk[(*nmk)++];
            k->down = down;
            k->line = line;
            k->at = (size_t)(p - buf);
            k->body = nl ? (size_t)(nl + 1 - buf) : len;
            k->dir.lock_timeout_ms = -1;
            k->dir.no_transaction = 0;
            if (directives(file, &k->dir, rest, eol, line, err) < 0)
                return -1;
        } else if (layout == LAYOUT_DBMATE && (near = near_marker(p, ll))) {
            return sg_error_set(err, SG_EX_DATA,
                                "%s:%d: '%.*s' is not a marker: write '-- migrate:%s', lowercase "
                                "at the start of the line",
                                file, line, (int)(ll > 40 ? 40 : ll), p, near);
        } else if (layout == LAYOUT_DBMATE && *nmk == 0) {
            /* Before the up marker only blank lines and comments may stand. */
            const char *q = p;
            while (q < eol && isspace((unsigned char)*q))
                q++;
            if (q < eol && !(eol - q >= 2 && q[0] == '-' && q[1] == '-'))
                return sg_error_set(err, SG_EX_DATA, "%s:%d: SQL before -- migrate:up", file, line);
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

int sg_migration_parse(struct sg_migration *m, const char *buf, size_t len, int layout,
                       struct sg_error *err)
{
    const char *file = layout == LAYOUT_DOWN ? m->down_file : m->file;
    struct mark mk[MAX_MARKS];
    size_t nmk = 0;

    if (memchr(buf, '\0', len))
        return sg_error_set(err, SG_EX_DATA, "%s: contains a NUL byte", file);
    /* A UTF-8 byte-order mark is not SQL: psql skips it, and so do we (it
     * is not part of the section, nor of the checksum). */
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    if (layout == LAYOUT_DOWN) {
        /* A leading "-- migrate:down ..." line may carry directives. */
        const char *nl = memchr(buf, '\n', len), *eol = nl ? nl : buf + len;
        const char *rest = marker(buf, (size_t)(eol - buf), "down");
        if (rest && directives(m->down_file, &m->down, rest, eol, 1, err) < 0)
            return -1;
        return set_section(&m->down, buf, len, 1, m->down_file, err);
    }
    mk[0].dir.no_transaction = 0;
    mk[0].dir.lock_timeout_ms = -1;
    if (find_marks(buf, len, layout, file, mk, &nmk, err) < 0)
        return -1;
    if (layout == LAYOUT_UP) {
        /* The whole file is the up section. */
        m->up.no_transaction = mk[0].dir.no_transaction;
        m->up.lock_timeout_ms = mk[0].dir.lock_timeout_ms;
        if (set_section(&m->up, buf, len, 1, file, err) < 0)
            return -1;
        return checksums(m, err);
    }
    if (nmk == 0)
        return sg_error_set(err, SG_EX_DATA,
                            "%s: no '-- migrate:up' line (dbmate layout needs one; or name it "
                            "VERSION_name.up.sql)",
                            file);
    if (merge_directives(&m->up, mk, nmk, 0, file, err) < 0 ||
        merge_directives(&m->down, mk, nmk, 1, file, err) < 0 ||
        gather(&m->up, buf, len, mk, nmk, 0, file, err) < 0 ||
        gather(&m->down, buf, len, mk, nmk, 1, file, err) < 0)
        return -1;
    /* A section of only comments or blanks is a no-op, applied and recorded
     * like any other (golang-migrate's advice for an empty release; dbmate
     * applies it). Statements are judged later, in the target's dialect. */
    return checksums(m, err);
}

/* The file-trust rule (trust.h) for the migrations directory or a file:
 * a refusal is code 78 (the deployment, not the SQL, needs fixing) unless
 * --allow-insecure-files makes it a warning; a warning is logged. */
static int check_trust(int fd, const struct stat *st, enum sg_trust_kind kind, const char *what,
                       unsigned flags, struct sg_error *err)
{
    char msg[400];
    enum sg_trust t = sg_trust_judge(fd, st, kind, what, msg, sizeof msg);

    if (t == SG_TRUST_REFUSE && !(flags & SG_MIG_ALLOW_INSECURE))
        return sg_error_set(err, SG_EX_CONFIG, "%s, or pass --allow-insecure-files", msg);
    if (t != SG_TRUST_OK)
        sg_log(SG_LOG_WARN, "untrusted_file", SG_F(SG_S("file", what)), "%s", msg);
    return 0;
}

/* Opens the symlink `name` in the directory whose canonical path is
 * dirreal, provided it resolves to a file inside that directory (Kubernetes
 * ConfigMap volumes link every file into ..data/). The last component is
 * opened with O_NOFOLLOW, and the path of what was opened is read back from
 * /proc when available, so a link swapped meanwhile is noticed. */
static int open_link_inside(const char *dirreal, const char *name, int oflags, struct sg_error *err)
{
    char *path = NULL, *target = NULL, proc[64], back[PATH_MAX + 1], msg[300];
    size_t dl = strlen(dirreal);
    int fd = -1;
    ssize_t bl;

    if (dl == 1) /* the root directory: everything absolute is inside */
        dl = 0;
    if (asprintf(&path, "%s/%s", dirreal, name) < 0) {
        path = NULL;
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    if (!(target = realpath(path, NULL))) {
        if (errno == EACCES)
            sg_error_set(err, SG_EX_NOINPUT, "unable to open %s: %s", name,
                         sg_trust_unreadable(path, SG_TRUST_FILE, msg, sizeof msg));
        else
            sg_error_set(err, SG_EX_NOINPUT, "unable to open %s: symlink to nowhere (%s)", name,
                         strerror(errno));
        goto out;
    }
    if (strncmp(target, dirreal, dl) != 0 || target[dl] != '/') {
        sg_error_set(err, SG_EX_CONFIG,
                     "%s: symlink leads outside the migrations directory (to %.200s); copy the "
                     "file in or pass --allow-insecure-files",
                     name, target);
        goto out;
    }
    if ((fd = open(target, oflags | O_NOFOLLOW)) < 0) {
        sg_error_set(err, SG_EX_NOINPUT, "unable to open %s (%s): %s", name, target,
                     errno == EACCES ? sg_trust_unreadable(target, SG_TRUST_FILE, msg, sizeof msg)
                                     : strerror(errno));
        goto out;
    }
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    if ((bl = readlink(proc, back, sizeof back - 1)) > 0) {
        back[bl] = '\0';
        if (strcmp(back, target) != 0) {
            sg_error_set(err, SG_EX_CONFIG, "%s: changed while it was being checked", name);
            close(fd);
            fd = -1;
        }
    }
out:
    free(path);
    free(target);
    return fd;
}

/* Reads a whole file through the descriptor that was checked. */
static char *read_at(int dirfd, const char *dirreal, const char *dir, const char *name,
                     unsigned flags, size_t *len, int *hardlinked, struct sg_error *err)
{
    struct stat st;
    char *buf = NULL;
    size_t cap, n = 0;
    const int oflags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    int fd = openat(dirfd, name, oflags | O_NOFOLLOW);

    if (fd < 0 && errno == ELOOP) {
        if (flags & SG_MIG_ALLOW_INSECURE)
            fd = openat(dirfd, name, oflags);
        else if ((fd = open_link_inside(dirreal, name, oflags, err)) < 0)
            return NULL;
    }
    if (fd < 0) {
        char path[PATH_MAX], msg[300];
        int e = errno;

        snprintf(path, sizeof path, "%s/%s", dirreal, name);
        sg_error_set(err, SG_EX_NOINPUT, "unable to open %s/%s: %s", dir, name,
                     e == EACCES ? sg_trust_unreadable(path, SG_TRUST_FILE, msg, sizeof msg)
                                 : strerror(e));
        return NULL;
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        sg_error_set(err, SG_EX_DATA, "%s: not a regular file", name);
        goto out;
    }
    if (check_trust(fd, &st, SG_TRUST_FILE, name, flags, err) < 0)
        goto out;
    if (st.st_nlink > 1)
        *hardlinked = 1;
    /* No server takes a bigger batch (PostgreSQL's query-string limit,
     * MySQL's max_allowed_packet and SQLite's SQLITE_MAX_SQL_LENGTH are all
     * 1 GB), and reading it would only exhaust memory first. */
    if (st.st_size > SG_MIGRATION_MAX_BYTES) {
        sg_error_set(err, SG_EX_DATA,
                     "%s: larger than 1 GiB (%lld bytes); no database takes a batch that large, "
                     "split it",
                     name, (long long)st.st_size);
        goto out;
    }
    cap = (size_t)st.st_size + 1;
    if (!(buf = malloc(cap))) {
        sg_error_set(err, SG_EX_OSERR, "out of memory reading %s (%lld bytes)", name,
                     (long long)st.st_size);
        goto out;
    }
    for (;;) {
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            sg_error_set(err, SG_EX_NOINPUT, "unable to read %s: %s", name, strerror(errno));
            free(buf);
            buf = NULL;
            goto out;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n + 1 == cap) {
            /* The file grew while we read it: keep going, it is read once. */
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                sg_error_set(err, SG_EX_OSERR, "out of memory reading %s", name);
                free(buf);
                buf = NULL;
                goto out;
            }
            buf = nb;
        }
    }
    buf[n] = '\0';
    *len = n;
out:
    close(fd);
    return buf;
}

static int mig_cmp(const void *a, const void *b)
{
    return sg_version_cmp(((const struct sg_migration *)a)->version,
                          ((const struct sg_migration *)b)->version);
}

/* Finds (or adds) the migration for version; *added tells which. */
static struct sg_migration *slot(struct sg_migration_set *set, const char *version, int *added,
                                 struct sg_error *err)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].version, version) == 0) {
            *added = 0;
            return &set->v[i];
        }
    if (set->n % 64 == 0) {
        struct sg_migration *nv = realloc(set->v, (set->n + 64) * sizeof *nv);
        if (!nv) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            return NULL;
        }
        set->v = nv;
    }
    struct sg_migration *m = &set->v[set->n++];
    memset(m, 0, sizeof *m);
    memcpy(m->version, version, strlen(version) + 1);
    m->up.lock_timeout_ms = m->down.lock_timeout_ms = -1;
    *added = 1;
    return m;
}

struct pending_file {
    char *fname;
    int layout;
};

static int fname_cmp(const void *a, const void *b)
{
    return strcmp(((const struct pending_file *)a)->fname, ((const struct pending_file *)b)->fname);
}

int sg_migrations_load(const char *dir, struct sg_migration_set *out, struct sg_error *err)
{
    return sg_migrations_load_flags(dir, 0, out, err);
}

/* Opens the migrations directory (configuration: the path may be a
 * symlink; the directory it names must be safe). *dirreal gets its
 * canonical path. Returns the DIR, or NULL with err set. */
static DIR *open_dir(const char *dir, unsigned flags, char **dirreal, struct sg_error *err)
{
    char what[300], msg[300];
    struct stat dst;
    DIR *d = NULL;
    int dirfd;

    if (!(*dirreal = realpath(dir, NULL))) {
        sg_error_set(err, SG_EX_NOINPUT, "unable to open migrations directory %s: %s", dir,
                     errno == EACCES ? sg_trust_unreadable(dir, SG_TRUST_DIR, msg, sizeof msg)
                                     : strerror(errno));
        return NULL;
    }
    dirfd = open(*dirreal, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (dirfd < 0)
        sg_error_set(err, SG_EX_NOINPUT, "unable to open migrations directory %s: %s", dir,
                     errno == EACCES ? sg_trust_unreadable(dir, SG_TRUST_DIR, msg, sizeof msg)
                                     : strerror(errno));
    else if (fstat(dirfd, &dst) < 0)
        sg_error_set(err, SG_EX_NOINPUT, "unable to stat migrations directory %s: %s", dir,
                     strerror(errno));
    else if (snprintf(what, sizeof what, "migrations directory %s", dir) < 0 ||
             check_trust(dirfd, &dst, SG_TRUST_DIR, what, flags, err) < 0)
        ; /* err is set */
    else if (!(d = fdopendir(dirfd)))
        sg_error_set(err, SG_EX_NOINPUT, "unable to read migrations directory %s: %s", dir,
                     strerror(errno));
    if (!d) {
        if (dirfd >= 0)
            close(dirfd);
        free(*dirreal);
        *dirreal = NULL;
    }
    return d;
}

/* Collects the migration file names of d, sorted, so errors and reads are
 * deterministic. 0, or -1 with err set (*files then freed by the caller). */
static int collect(DIR *d, const char *dir, struct pending_file **files, size_t *nfiles,
                   struct sg_error *err)
{
    struct dirent *e;

    while ((errno = 0, e = readdir(d))) {
        char version[SG_VERSION_MAX + 1], *name;
        int layout = sg_migration_name_parse(e->d_name, version, &name);
        free(name);
        if (layout == -2)
            continue;
        if (layout == -3)
            return sg_error_set(
                err, SG_EX_DATA,
                "%s: golang-migrate would apply this file, but schemagate reads "
                "only .sql files: rename it to .up.sql/.down.sql, or move it out of "
                "the migrations directory",
                e->d_name);
        /* A directory is never a migration, whatever its name (as dbmate). */
        struct stat st;
        if (e->d_type == DT_DIR ||
            ((e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) &&
             fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode)))
            continue;
        if (layout == -1) {
            return sg_error_set(err, SG_EX_DATA,
                                "%s: not a migration file name (expected VERSION_name.sql or "
                                "VERSION_name.up.sql, VERSION 1-20 digits, name [A-Za-z0-9_.-])",
                                e->d_name);
        }
        if (*nfiles % 64 == 0) {
            struct pending_file *nf = realloc(*files, (*nfiles + 64) * sizeof *nf);
            if (!nf)
                return sg_error_set(err, SG_EX_OSERR, "out of memory");
            *files = nf;
        }
        if (!((*files)[*nfiles].fname = strdup(e->d_name)))
            return sg_error_set(err, SG_EX_OSERR, "out of memory");
        (*files)[(*nfiles)++].layout = layout;
    }
    if (errno)
        return sg_error_set(err, SG_EX_NOINPUT, "unable to read migrations directory %s: %s", dir,
                            strerror(errno));
    if (*nfiles > 1)
        qsort(*files, *nfiles, sizeof **files, fname_cmp);
    return 0;
}

/* Reads and parses one file into its migration (a golang .up.sql and
 * .down.sql pair share one). */
static int load_file(DIR *d, const char *dirreal, const char *dir, const struct pending_file *f,
                     unsigned flags, struct sg_migration_set *out, struct sg_error *err)
{
    char version[SG_VERSION_MAX + 1], *name = NULL, *buf;
    int layout = sg_migration_name_parse(f->fname, version, &name), added, prc;
    struct sg_migration *m = slot(out, version, &added, err);
    size_t len = 0;

    if (!m) {
        free(name);
        return -1;
    }
    /* Only a golang .up.sql/.down.sql pair of one name may share a version. */
    int dup = !added &&
              (layout == LAYOUT_DBMATE || strcmp(m->name, name) != 0 ||
               (layout == LAYOUT_UP && m->file) ||
               (layout == LAYOUT_DOWN &&
                (m->down_file || (m->file && !has_suffix(m->file, strlen(m->file), ".up.sql")))));
    if (dup) {
        sg_error_set(err, SG_EX_DATA, "two migrations with version %s: %s and %s", version,
                     m->file ? m->file : m->down_file, f->fname);
        free(name);
        return -1;
    }
    if (added)
        m->name = name;
    else
        free(name);
    if (layout == LAYOUT_DOWN)
        m->down_file = strdup(f->fname);
    else
        m->file = strdup(f->fname);
    if (!(layout == LAYOUT_DOWN ? m->down_file : m->file))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    if (!(buf = read_at(dirfd(d), dirreal, dir, f->fname, flags, &len, &m->hardlinked, err)))
        return -1;
    prc = sg_migration_parse(m, buf, len, layout, err);
    free(buf);
    return prc;
}

int sg_migrations_load_flags(const char *dir, unsigned flags, struct sg_migration_set *out,
                             struct sg_error *err)
{
    struct pending_file *files = NULL;
    size_t nfiles = 0;
    char *dirreal = NULL;
    DIR *d;
    int rc = -1;

    memset(out, 0, sizeof *out);
    if (!(d = open_dir(dir, flags, &dirreal, err)))
        return -1;
    if (collect(d, dir, &files, &nfiles, err) < 0)
        goto out;
    for (size_t i = 0; i < nfiles; i++)
        if (load_file(d, dirreal, dir, &files[i], flags, out, err) < 0)
            goto out;
    for (size_t i = 0; i < out->n; i++)
        if (!out->v[i].file) {
            sg_error_set(err, SG_EX_DATA, "%s: down migration without its .up.sql file",
                         out->v[i].down_file);
            goto out;
        }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, mig_cmp);
    rc = 0;
out:
    for (size_t i = 0; i < nfiles; i++)
        free(files[i].fname);
    free(files);
    free(dirreal);
    closedir(d);
    if (rc < 0)
        sg_migrations_free(out);
    return rc;
}
