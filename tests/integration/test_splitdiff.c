/* test_splitdiff.c -- sg_sql_split against the servers' own parsers (issue
 * 13). Every file of tests/corpus and of the fuzzers' seed corpora is sent
 * whole, as one multi-statement query, the way golang-migrate and dbmate send
 * it: PostgreSQL's simple Query (one PGresult per statement), MySQL's
 * CLIENT_MULTI_STATEMENTS (one result per statement, mysql_next_result),
 * SQLite's sqlite3_prepare_v2 tail loop (which also gives each statement's
 * bytes). The count the server saw must be the count the splitter returns.
 *
 * A set's files run in order in a fresh database, so that they succeed and
 * every statement is counted. Where a file fails anyway, only what the
 * server really parsed is compared, and the failure is pinned to one of the
 * splitter's statements:
 * - PostgreSQL parses the whole string before running any of it, so a
 *   syntax error leaves no result to count; its position (an offset into
 *   the whole string) names the statement. The prefix that ends where the
 *   splitter's next statement starts must then fail the same way, and the
 *   prefix before the failing statement must run as that many statements.
 *   Prefixes end in a probe that raises an error, so the implicit
 *   transaction rolls everything back and the database is as it was.
 * - MySQL runs statement by statement and stops at the first error: the
 *   statements before it are counted, and the splitter's statement at that
 *   index, sent alone in the same state, must fail with the same error.
 * - SQLite: the tail loop's boundaries are compared one by one; an error's
 *   offset must fall inside the splitter's statement at that index.
 *
 * Differences that are the server's, not the splitter's, are normalised
 * where they are stated, never silently: MariaDB answers comment-only text
 * after the last `;` with one more (empty) result, which the splitter, like
 * the mysql client, drops; a blank query is not sent (PostgreSQL and
 * SQLite would run nothing, MariaDB would say "Query was empty").
 *
 * Excluded, with the reason printed in the run:
 * - pgdump/pagila-data.sql: its 21 `COPY ... FROM stdin;` statements are
 *   followed by rows that reach the server only through the COPY protocol
 *   (psql streams them); sent as one Query, the rows would be parsed as
 *   SQL. pagila-insert-data.sql (the same tool's INSERT form) is compared.
 * - MySQL files whose split holds a DELIMITER line (SG_SPLIT_CLIENT): it is
 *   a mysql-client command the server has never seen, so the file cannot be
 *   sent as it stands (two fuzz seeds).
 * - PostgreSQL files holding a NUL byte (a Query is a C string).
 * - fuzz/migration seeds whose first byte is 0: that target reads them as
 *   file names, not SQL. tests/fuzz/corpus/url: URLs, not SQL.
 *
 * The summary of each set (files compared in full, compared up to an
 * error, excluded, statements) is printed; every mismatch is listed and
 * fails the test. The SQLite half needs no server and also runs in
 * `make check`. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "config.h"
#include "integration.h"
#include "sqlsplit.h"

#ifdef SG_HAVE_POSTGRES
#include <libpq-fe.h>
#endif
#ifdef SG_HAVE_MYSQL
#include <mysql.h>
#endif

/* ---- sets ---------------------------------------------------------------- */

enum {
    SD_GOLANG = 1, /* NNN_x.up.sql in version order, then .down.sql in reverse */
    SD_EACH_FRESH = 2, /* every file in a database of its own */
    SD_FUZZ_KIND = 4, /* fuzz_migration seeds: byte 0 is the input kind */
    SD_DIALECT_ANY = 8 /* seeds written for any dialect: failures are expected */
};

struct sd_set {
    const char *name;
    const char *dirs[3]; /* relative to the repository root, applied in this order */
    const char *const *files; /* an explicit order inside dirs[0], or NULL: every file */
    unsigned how;
    const char *setup; /* run in the fresh database first */
};

/* Harbor's 0030/0040 alter golang-migrate's history table (SOURCE.md). */
static const char harbor_setup[] =
    "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)";

/* Supabase's files grant to and alter roles that its image (supabase_admin)
 * and its first init script create; that script stops at the pgjwt
 * extension on a bare server, so the roles are made here (the script then
 * stops at its first CREATE ROLE instead). Files needing the extensions it
 * ships (pgjwt, pgsodium, pg_graphql, ...) fail and are compared up to the
 * error. */
static const char supabase_setup[] =
    "DO $$ DECLARE r text; BEGIN FOREACH r IN ARRAY ARRAY['supabase_admin', 'anon',"
    " 'authenticated', 'service_role', 'authenticator', 'supabase_auth_admin',"
    " 'supabase_storage_admin', 'supabase_functions_admin', 'supabase_replication_admin',"
    " 'supabase_read_only_user', 'supabase_realtime_admin', 'dashboard_user', 'pgbouncer']"
    " LOOP IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN"
    " EXECUTE format('CREATE ROLE %I', r); END IF; END LOOP; END $$";

static const char *const pagila_files[] = {"pagila-schema.sql", "pagila-data.sql", NULL};
static const char *const pagila_insert_files[] = {"pagila-insert-data.sql", NULL};
static const char *const chinook_files[] = {"chinook-schema.sql", "chinook-data.sql", NULL};

static const struct sd_set pg_sets[] = {
    {"mattermost/postgres", {"tests/corpus/mattermost/postgres"}, NULL, SD_GOLANG, NULL},
    {"harbor", {"tests/corpus/harbor/postgresql"}, NULL, SD_GOLANG, harbor_setup},
    {"supabase-postgres",
     {"tests/corpus/supabase-postgres/init-scripts", "tests/corpus/supabase-postgres/migrations"},
     NULL,
     0,
     supabase_setup},
    {"river/main", {"tests/corpus/river/main"}, NULL, SD_GOLANG, NULL},
    {"river/commit_required", {"tests/corpus/river/commit_required"}, NULL, SD_GOLANG, NULL},
    {"svix", {"tests/corpus/svix/migrations"}, NULL, SD_GOLANG, NULL},
    {"pgdump/pagila", {"tests/corpus/pgdump"}, pagila_files, 0, NULL},
    {"pgdump/pagila-insert", {"tests/corpus/pgdump"}, pagila_insert_files, 0, NULL},
    {"fuzz/sqlsplit", {"tests/fuzz/corpus/sqlsplit"}, NULL, SD_EACH_FRESH | SD_DIALECT_ANY, NULL},
    {"fuzz/migration",
     {"tests/fuzz/corpus/migration"},
     NULL,
     SD_EACH_FRESH | SD_FUZZ_KIND | SD_DIALECT_ANY,
     NULL},
};

static const struct sd_set my_sets[] = {
    {"mattermost/mysql", {"tests/corpus/mattermost/mysql"}, NULL, SD_GOLANG, NULL},
    {"mysqldump/chinook", {"tests/corpus/mysqldump"}, chinook_files, 0, NULL},
    {"mysqldump/mysqlnothx", {"tests/corpus/mysqldump/mysqlnothx"}, NULL, SD_EACH_FRESH, NULL},
    {"fuzz/sqlsplit", {"tests/fuzz/corpus/sqlsplit"}, NULL, SD_EACH_FRESH | SD_DIALECT_ANY, NULL},
    {"fuzz/migration",
     {"tests/fuzz/corpus/migration"},
     NULL,
     SD_EACH_FRESH | SD_FUZZ_KIND | SD_DIALECT_ANY,
     NULL},
};

static const struct sd_set sq_sets[] = {
    {"fuzz/sqlsplit", {"tests/fuzz/corpus/sqlsplit"}, NULL, SD_EACH_FRESH | SD_DIALECT_ANY, NULL},
    {"fuzz/migration",
     {"tests/fuzz/corpus/migration"},
     NULL,
     SD_EACH_FRESH | SD_FUZZ_KIND | SD_DIALECT_ANY,
     NULL},
    {"migrations-example", {"migrations-example/migrations"}, NULL, 0, NULL},
};

/* SG_SPLITDIFF_DIR=dir compares only that directory's files, each in a
 * fresh database, for every dialect: for exploring a suspected difference. */
static struct sd_set explore_set = {"SG_SPLITDIFF_DIR", {NULL}, NULL, SD_EACH_FRESH | SD_DIALECT_ANY,
                                    NULL};

static const struct sd_set *pick(const struct sd_set *sets, int i)
{
    const char *dir = getenv("SG_SPLITDIFF_DIR");

    if (dir && *dir) {
        explore_set.dirs[0] = dir;
        return &explore_set;
    }
    return &sets[i];
}

static int nsets(int n)
{
    const char *dir = getenv("SG_SPLITDIFF_DIR");

    return dir && *dir ? 1 : n;
}

/* Files no server can be asked about as they stand (see the file header). */
static const struct {
    enum sg_dialect d;
    const char *path;
    const char *why;
} excluded[] = {
    {SG_DIALECT_POSTGRES, "tests/corpus/pgdump/pagila-data.sql",
     "COPY ... FROM stdin: its rows reach the server only through the COPY protocol"},
};

static const char kind0_why[] = "fuzz_migration seeds of kind 0 are file names, not SQL";

/* ---- one set's files -------------------------------------------------- */

struct sd_file {
    char path[512];
    char *text; /* NUL-terminated; len bytes of SQL */
    size_t len;
};

/* The outcome of one set, and the mismatches found. */
struct sd_tally {
    const char *dialect;
    const char *set;
    size_t files, full, partial, skipped, stmts, mismatches;
    size_t names; /* kind-0 fuzz seeds, summed up in one line */
    char *log; /* one line per mismatch */
    size_t loglen;
};

static void tally_mismatch(struct sd_tally *t, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void tally_mismatch(struct sd_tally *t, const char *path, const char *fmt, ...)
{
    char line[2048];
    int k;
    va_list ap;

    k = snprintf(line, sizeof line, "  %s %s: %s: ", t->dialect, t->set, path);
    va_start(ap, fmt);
    vsnprintf(line + k, sizeof line - (size_t)k, fmt, ap);
    va_end(ap);
    fprintf(stderr, "splitdiff: mismatch:%s\n", line + 1);
    t->log = realloc(t->log, t->loglen + strlen(line) + 2);
    ck_assert_ptr_nonnull(t->log);
    memcpy(t->log + t->loglen, line, strlen(line));
    t->loglen += strlen(line);
    t->log[t->loglen++] = '\n';
    t->log[t->loglen] = '\0';
    t->mismatches++;
}

static void tally_skip(struct sd_tally *t, const char *path, const char *why)
{
    if (why == kind0_why) {
        t->names++;
        t->skipped++;
        return;
    }
    printf("splitdiff: %s %s: excluded %s: %s\n", t->dialect, t->set, path, why);
    t->skipped++;
}

static void tally_finish(struct sd_tally *t)
{
    if (t->names)
        printf("splitdiff: %s %s: excluded %zu seeds: %s\n", t->dialect, t->set, t->names,
               kind0_why);
    printf("splitdiff: %s %s: %zu files: %zu agree in full, %zu agree up to the server's error, "
           "%zu excluded; %zu statements compared; %zu mismatches\n",
           t->dialect, t->set, t->files, t->full, t->partial, t->skipped, t->stmts, t->mismatches);
    fflush(stdout);
    ck_assert_msg(t->mismatches == 0, "%zu files where the server and the splitter disagree:\n%s",
                  t->mismatches, t->log ? t->log : "");
    free(t->log);
}

static int read_whole(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;

    if (!f)
        return -1;
    for (;;) {
        if (cap - n < 65536) {
            cap = cap ? cap * 2 : 65536;
            buf = realloc(buf, cap + 1);
            ck_assert_ptr_nonnull(buf);
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);

    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Appends dir's regular files matching `suffix` (NULL: any) to v, sorted
 * by name (versions are zero-padded in every set), reversed if asked. */
static void list_dir(const char *dir, const char *suffix, int reverse, struct sd_file **v,
                     size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t k = 0;

    ck_assert_msg(d != NULL, "cannot open %s: %s (run from the repository root)", dir,
                  strerror(errno));
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || (suffix && !has_suffix(e->d_name, suffix)))
            continue;
        if (!suffix && (has_suffix(e->d_name, ".md") || strncmp(e->d_name, "LICENSE", 7) == 0))
            continue;
        if (e->d_type == DT_DIR)
            continue;
        names = realloc(names, (k + 1) * sizeof *names);
        ck_assert_ptr_nonnull(names);
        names[k++] = strdup(e->d_name);
    }
    closedir(d);
    if (k)
        qsort(names, k, sizeof *names, by_name);
    *v = realloc(*v, (*n + k + 1) * sizeof **v);
    ck_assert_ptr_nonnull(*v);
    for (size_t i = 0; i < k; i++) {
        struct sd_file *f = &(*v)[(*n)++];

        snprintf(f->path, sizeof f->path, "%s/%s", dir, names[reverse ? k - 1 - i : i]);
        f->text = NULL;
        f->len = 0;
        free(names[reverse ? k - 1 - i : i]);
    }
    free(names);
}

static size_t set_files(const struct sd_set *s, struct sd_file **v)
{
    size_t n = 0;

    *v = NULL;
    if (s->files) {
        for (size_t i = 0; s->files[i]; i++) {
            *v = realloc(*v, (n + 1) * sizeof **v);
            ck_assert_ptr_nonnull(*v);
            snprintf((*v)[n].path, sizeof (*v)[n].path, "%s/%s", s->dirs[0], s->files[i]);
            (*v)[n].text = NULL;
            n++;
        }
        return n;
    }
    for (size_t d = 0; d < 3 && s->dirs[d]; d++) {
        if (s->how & SD_GOLANG) {
            list_dir(s->dirs[d], ".up.sql", 0, v, &n);
            list_dir(s->dirs[d], ".down.sql", 1, v, &n);
        } else {
            list_dir(s->dirs[d], NULL, 0, v, &n);
        }
    }
    return n;
}

/* Loads f's SQL; returns the reason to leave it out, or NULL. */
static const char *load(const struct sd_set *s, enum sg_dialect d, struct sd_file *f)
{
    char *text;
    size_t len;

    for (size_t i = 0; i < sizeof excluded / sizeof excluded[0]; i++)
        if (excluded[i].d == d && strcmp(excluded[i].path, f->path) == 0)
            return excluded[i].why;
    ck_assert_msg(read_whole(f->path, &text, &len) == 0, "cannot read %s: %s", f->path,
                  strerror(errno));
    if (s->how & SD_FUZZ_KIND) {
        if (len == 0 || text[0] == 0) {
            free(text);
            return kind0_why;
        }
        memmove(text, text + 1, len); /* the NUL terminator too */
        len--;
    }
    if (d == SG_DIALECT_POSTGRES && memchr(text, '\0', len)) {
        free(text);
        return "holds a NUL byte, which a PostgreSQL Query cannot carry";
    }
    f->text = text;
    f->len = len;
    return NULL;
}

static int is_blank_text(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return 0;
    return 1;
}

/* The first statement (0-based) that contains byte b: the last one that
 * starts at or before it. n if b is before the first. */
static size_t stmt_at(const struct sg_stmt *st, size_t n, size_t b)
{
    size_t j = n;

    for (size_t k = 0; k < n && st[k].off <= b; k++)
        j = k;
    return j;
}

/* Where the next statement starts (or the end of the text): the splitter's
 * statement k with its delimiter and what follows it up to the next one. */
static size_t stmt_next(const struct sg_stmt *st, size_t n, size_t k, size_t len)
{
    return k + 1 < n ? st[k + 1].off : len;
}

static int split(enum sg_dialect d, const struct sd_file *f, struct sg_stmt **st, size_t *n,
                 unsigned *flags, struct sg_error *err)
{
    memset(err, 0, sizeof *err);
    *flags = 0;
    return sg_sql_split_ex(f->text, f->len, d, f->path, 1, st, n, flags, err);
}

/* ---- PostgreSQL ----------------------------------------------------------- */

#ifdef SG_HAVE_POSTGRES

static const char pg_probe[] =
    "\n;DO $splitdiff$BEGIN RAISE EXCEPTION 'splitdiff probe'; END$splitdiff$";

struct pg_outcome {
    size_t ok; /* statements that ran before the first error */
    int err; /* an error ended it */
    int probe; /* ...and it was the probe's */
    char state[6];
    char msg[512];
    long long pos; /* byte offset of the error's statement position, or -1 */
};

static void pg_quiet(void *arg, const char *msg)
{
    (void)arg;
    (void)msg;
}

static const char *pg_url(void)
{
    const char *u = getenv("SG_TEST_PG_URL");

    return u && *u ? u : it_url_for("postgres,postgresql");
}

static PGconn *pg_connect(const char *db)
{
    const char *keys[] = {"dbname", "dbname", "application_name", NULL};
    const char *vals[] = {pg_url(), db, "schemagate-splitdiff", NULL};
    PGconn *c = PQconnectdbParams(keys, vals, 1);

    ck_assert_msg(PQstatus(c) == CONNECTION_OK, "connect to %s: %s", db ? db : "(url)",
                  PQerrorMessage(c));
    PQsetNoticeProcessor(c, pg_quiet, NULL);
    return c;
}

static void pg_must(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);

    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK,
                  "%s: %s", sql, PQerrorMessage(c));
    PQclear(r);
}

/* Character position `pos` (1-based, as the server counts) of text to a
 * byte offset. */
static long long pg_char_to_byte(const char *text, size_t len, long pos)
{
    long chars = 0;

    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80 && ++chars == pos)
            return (long long)i;
    }
    return (long long)len;
}

/* Sends sql (NUL-terminated) as one Query and counts its results. */
static void pg_send(PGconn *c, const char *sql, struct pg_outcome *o)
{
    PGresult *r;

    memset(o, 0, sizeof *o);
    o->pos = -1;
    if (!PQsendQuery(c, sql)) {
        o->err = 1;
        snprintf(o->msg, sizeof o->msg, "%s", PQerrorMessage(c));
        return;
    }
    while ((r = PQgetResult(c)) != NULL) {
        switch (PQresultStatus(r)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
            if (!o->err)
                o->ok++;
            break;
        case PGRES_COPY_IN:
            PQputCopyEnd(c, "splitdiff sends no COPY data");
            break;
        case PGRES_COPY_OUT: {
            char *buf;
            while (PQgetCopyData(c, &buf, 0) > 0)
                PQfreemem(buf);
            break;
        }
        case PGRES_FATAL_ERROR:
            if (!o->err) {
                const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE);
                const char *m = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
                const char *p = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION);

                o->err = 1;
                snprintf(o->state, sizeof o->state, "%s", st ? st : "");
                snprintf(o->msg, sizeof o->msg, "%s", m ? m : PQresultErrorMessage(r));
                if (p)
                    o->pos = pg_char_to_byte(sql, strlen(sql), atol(p));
                o->probe = strcmp(o->state, "P0001") == 0 && strcmp(o->msg, "splitdiff probe") == 0;
            }
            break;
        default:
            break;
        }
        PQclear(r);
    }
    if (PQtransactionStatus(c) != PQTRANS_IDLE)
        pg_must(c, "ROLLBACK");
}

/* text[0..lim) then the probe: the statements before lim run and are
 * rolled back. */
static void pg_send_prefix(PGconn *c, const char *text, size_t lim, struct pg_outcome *o)
{
    char *q = malloc(lim + sizeof pg_probe);

    ck_assert_ptr_nonnull(q);
    memcpy(q, text, lim);
    memcpy(q + lim, pg_probe, sizeof pg_probe);
    pg_send(c, q, o);
    free(q);
}

/* May prefixes be replayed? Not once a statement before `upto` may have
 * committed: the state would no longer be the file's starting state. */
static int pg_replayable(const struct sd_file *f, const struct sg_stmt *st, size_t upto)
{
    for (size_t k = 0; k < upto; k++)
        if (sg_sql_is_txn_control(f->text + st[k].off, st[k].len, SG_DIALECT_POSTGRES))
            return 0;
    return 1;
}

/* The server failed with o after the text's first `lim` bytes (lim = the
 * whole file, or a prefix ending at the splitter's statement n); pins the
 * error to the splitter's statement j and checks the boundaries around it.
 * Returns the number of statements compared, or -1 after a mismatch. */
static long pg_pin(PGconn *c, struct sd_tally *t, const struct sd_file *f,
                   const struct sg_stmt *st, size_t n, const struct pg_outcome *o)
{
    size_t j = o->pos >= 0 ? stmt_at(st, n, (size_t)o->pos) : o->ok;
    struct pg_outcome o2;
    int replay = pg_replayable(f, st, j < n ? j + 1 : n);

    if (j >= n) {
        tally_mismatch(t, f->path,
                       "the server failed (%s %s, at byte %lld) after %zu statements, but the "
                       "splitter found only %zu",
                       o->state, o->msg, o->pos, o->ok, n);
        return -1;
    }
    if (o->ok != 0 && o->ok != j) {
        tally_mismatch(t, f->path,
                       "the server ran %zu statements, then failed (%s %s) in what the "
                       "splitter calls statement %zu (line %d)",
                       o->ok, o->state, o->msg, j + 1, st[j].line);
        return -1;
    }
    if (!replay)
        return (long)j;
    /* The splitter's statement j, delimiter included, holds the error. */
    if (j + 1 < n) {
        pg_send_prefix(c, f->text, st[j + 1].off, &o2);
        if (o2.probe || o2.ok != o->ok || strcmp(o2.state, o->state) != 0 ||
            strcmp(o2.msg, o->msg) != 0 || o2.pos != o->pos) {
            tally_mismatch(t, f->path,
                           "cut after the splitter's statement %zu (line %d), the text gives "
                           "%zu statements then [%s %s at %lld], not [%s %s at %lld]",
                           j + 1, st[j].line, o2.ok, o2.state, o2.msg, o2.pos, o->state, o->msg,
                           o->pos);
            return -1;
        }
    }
    /* A parse error ran nothing: the statements before it are counted on
     * their own (and pinned again if one of them fails). */
    if (o->ok == 0 && j > 0) {
        pg_send_prefix(c, f->text, st[j].off, &o2);
        if (o2.probe) {
            if (o2.ok != j) {
                tally_mismatch(t, f->path,
                               "the text before the splitter's statement %zu (line %d) runs as "
                               "%zu statements, the splitter found %zu",
                               j + 1, st[j].line, o2.ok, j);
                return -1;
            }
            return (long)j;
        }
        return pg_pin(c, t, f, st, j, &o2);
    }
    return (long)j;
}

static void pg_file(PGconn *c, struct sd_tally *t, const struct sd_set *s, struct sd_file *f)
{
    struct sg_stmt *st = NULL;
    size_t n = 0;
    unsigned flags;
    struct sg_error err;
    struct pg_outcome o;

    t->files++;
    if (split(SG_DIALECT_POSTGRES, f, &st, &n, &flags, &err) < 0) {
        /* The splitter refuses (an unterminated quote or comment, COPY ...
         * FROM stdin): the server must fail too. */
        pg_send(c, f->text, &o);
        if (!o.err)
            tally_mismatch(t, f->path, "the splitter refuses it (%s), the server ran %zu statements%s",
                           err.msg, o.ok, o.err ? " then failed" : "");
        else
            t->partial++;
        return;
    }
    pg_send(c, f->text, &o);
    if (!o.err) {
        if (o.ok != n)
            tally_mismatch(t, f->path, "the server ran %zu statements, the splitter found %zu",
                           o.ok, n);
        else {
            t->full++;
            t->stmts += n;
        }
    } else {
        long k = pg_pin(c, t, f, st, n, &o);

        if (k >= 0) {
            t->partial++;
            t->stmts += (size_t)k;
            if (!(s->how & SD_DIALECT_ANY))
                printf("splitdiff: postgres %s: %s fails on the server (%s %s); %ld statements "
                       "compared before it\n",
                       t->set, f->path, o.state, o.msg, k);
        }
    }
    free(st);
}

static void pg_set(const struct sd_set *s)
{
    struct sd_tally t = {.dialect = "postgres", .set = s->name};
    struct sd_file *v;
    size_t n = set_files(s, &v);
    PGconn *admin = pg_connect(NULL), *c = NULL;
    char db[64];
    int seq = 0;

    for (size_t i = 0; i < n; i++) {
        const char *why = load(s, SG_DIALECT_POSTGRES, &v[i]);

        if (why) {
            t.files++;
            tally_skip(&t, v[i].path, why);
            continue;
        }
        if (!c || (s->how & SD_EACH_FRESH)) {
            char q[128];

            if (c) {
                PQfinish(c);
                snprintf(q, sizeof q, "DROP DATABASE %s", db);
                pg_must(admin, q);
            }
            snprintf(db, sizeof db, "splitdiff_%d_%d", (int)getpid(), seq++);
            snprintf(q, sizeof q, "CREATE DATABASE %s", db);
            pg_must(admin, q);
            c = pg_connect(db);
            if (s->setup)
                pg_must(c, s->setup);
        }
        pg_file(c, &t, s, &v[i]);
        free(v[i].text);
    }
    if (c) {
        char q[128];

        PQfinish(c);
        snprintf(q, sizeof q, "DROP DATABASE %s", db);
        pg_must(admin, q);
    }
    PQfinish(admin);
    free(v);
    tally_finish(&t);
}

START_TEST(test_postgres_parses_each_corpus_file_into_the_splitters_statements)
{
    pg_set(pick(pg_sets, _i));
}
END_TEST

#endif /* SG_HAVE_POSTGRES */

/* ---- MySQL / MariaDB ------------------------------------------------------ */

#ifdef SG_HAVE_MYSQL

struct my_outcome {
    size_t stmts; /* statements the server parsed, the failing one included */
    unsigned err; /* the first error's number, 0 if none */
    char msg[512];
};

static const char *my_url(void)
{
    const char *u = getenv("SG_TEST_MYSQL_URL");

    return u && *u ? u : it_url_for("mysql,mariadb");
}

static MYSQL *my_connect(void)
{
    struct sg_url u;
    struct sg_error e = {0};
    MYSQL *m = mysql_init(NULL);

    ck_assert_msg(sg_url_parse(my_url(), &u, &e) == 0, "%s", e.msg);
    ck_assert_msg(mysql_real_connect(m, u.host, u.user, u.password, NULL, (unsigned)u.port, NULL,
                                     CLIENT_MULTI_STATEMENTS) != NULL,
                  "connect: %s", mysql_error(m));
    sg_url_free(&u);
    return m;
}

/* The session's Questions counter: one per statement the client sent,
 * each statement of a multi-statement query included, the statements a
 * CALL runs inside the procedure not (MariaDB "Server Status Variables").
 * Results cannot be counted instead: a CALL returns one per SELECT it ran,
 * plus its own. */
static long long my_questions(MYSQL *m)
{
    MYSQL_RES *r;
    MYSQL_ROW row;
    long long v;

    ck_assert_msg(mysql_query(m, "SHOW SESSION STATUS LIKE 'Questions'") == 0, "%s",
                  mysql_error(m));
    r = mysql_store_result(m);
    ck_assert_ptr_nonnull(r);
    row = mysql_fetch_row(r);
    ck_assert_ptr_nonnull(row);
    v = atoll(row[1]);
    mysql_free_result(r);
    return v;
}

static void my_send(MYSQL *m, const char *sql, size_t len, struct my_outcome *o)
{
    long long q0 = my_questions(m);

    memset(o, 0, sizeof *o);
    if (mysql_real_query(m, sql, (unsigned long)len) != 0) {
        o->err = mysql_errno(m);
        snprintf(o->msg, sizeof o->msg, "%s", mysql_error(m));
    } else {
        for (;;) {
            MYSQL_RES *r = mysql_store_result(m);
            int s;

            if (r)
                mysql_free_result(r);
            s = mysql_next_result(m);
            if (s < 0)
                break;
            if (s > 0) {
                o->err = mysql_errno(m);
                snprintf(o->msg, sizeof o->msg, "%s", mysql_error(m));
                break;
            }
        }
    }
    /* The second SHOW counts itself. */
    o->stmts = (size_t)(my_questions(m) - q0 - 1);
}

static void my_must(MYSQL *m, const char *sql)
{
    struct my_outcome o;

    my_send(m, sql, strlen(sql), &o);
    ck_assert_msg(o.err == 0, "%s: %s", sql, o.msg);
}

/* 1 if the text after the splitter's last statement and its delimiter is
 * comments (MariaDB runs that as one more, empty, statement). */
static int my_trailing_comment(const struct sd_file *f, const struct sg_stmt *st, size_t n,
                               unsigned flags)
{
    size_t i = 0;

    if (n > 0) {
        if (flags & SG_SPLIT_OPEN_END)
            return 0;
        i = st[n - 1].off + st[n - 1].len + 1; /* past the ';' */
    }
    for (; i < f->len; i++)
        if (!strchr(" \t\r\n\f\v;", f->text[i]))
            return 1;
    return 0;
}

static void my_file(MYSQL *m, struct sd_tally *t, const struct sd_set *s, struct sd_file *f)
{
    struct sg_stmt *st = NULL;
    size_t n = 0, extra;
    unsigned flags;
    struct sg_error err;
    struct my_outcome o, o2;

    t->files++;
    if (split(SG_DIALECT_MYSQL, f, &st, &n, &flags, &err) < 0) {
        my_send(m, f->text, f->len, &o);
        if (!o.err)
            tally_mismatch(t, f->path, "the splitter refuses it (%s), the server ran all %zu statements",
                           err.msg, o.stmts);
        else
            t->partial++;
        return;
    }
    if (flags & SG_SPLIT_CLIENT) {
        tally_skip(t, f->path, "holds a DELIMITER line, a mysql-client command the server never sees");
        free(st);
        return;
    }
    if (is_blank_text(f->text, f->len)) {
        /* Not sent: MariaDB answers an empty query with error 1065. */
        if (n != 0)
            tally_mismatch(t, f->path, "a blank file split into %zu statements", n);
        else
            t->full++;
        free(st);
        return;
    }
    extra = (size_t)my_trailing_comment(f, st, n, flags);
    my_send(m, f->text, f->len, &o);
    if (!o.err) {
        if (o.stmts != n + extra)
            tally_mismatch(t, f->path, "the server ran %zu statements, the splitter found %zu%s",
                           o.stmts, n, extra ? " (+1 for the comment after the last ';')" : "");
        else {
            t->full++;
            t->stmts += n;
        }
        free(st);
        return;
    }
    /* The server ran o.stmts - 1 statements, then statement o.stmts failed. */
    if (o.stmts == 0 || o.stmts > n) {
        tally_mismatch(t, f->path,
                       "the server failed (%u %s) at its statement %zu; the splitter found %zu",
                       o.err, o.msg, o.stmts, n);
    } else {
        const struct sg_stmt *sj = &st[o.stmts - 1];

        my_send(m, f->text + sj->off, sj->len, &o2);
        if (o2.err != o.err || o2.stmts != 1) {
            tally_mismatch(t, f->path,
                           "the server failed at statement %zu (%u %s); the splitter's "
                           "statement %zu (line %d) alone gives %s%u %s",
                           o.stmts, o.err, o.msg, o.stmts, sj->line,
                           o2.err ? "" : "success, ", o2.err, o2.msg);
        } else {
            t->partial++;
            t->stmts += o.stmts - 1;
            if (!(s->how & SD_DIALECT_ANY))
                printf("splitdiff: mysql %s: %s fails on the server at statement %zu (line %d: "
                       "%u %s)\n",
                       t->set, f->path, o.stmts, sj->line, o.err, o.msg);
        }
    }
    free(st);
}

static void my_set(const struct sd_set *s)
{
    struct sd_tally t = {.dialect = "mysql", .set = s->name};
    struct sd_file *v;
    size_t n = set_files(s, &v);
    MYSQL *m = my_connect();
    char db[64] = "", q[128];
    int seq = 0;

    for (size_t i = 0; i < n; i++) {
        const char *why = load(s, SG_DIALECT_MYSQL, &v[i]);

        if (why) {
            t.files++;
            tally_skip(&t, v[i].path, why);
            continue;
        }
        if (!db[0] || (s->how & SD_EACH_FRESH)) {
            if (db[0]) {
                snprintf(q, sizeof q, "DROP DATABASE %s", db);
                my_must(m, q);
            }
            /* A fresh session too: the last file's session variables,
             * LOCK TABLES or open transaction must not leak. */
            mysql_close(m);
            m = my_connect();
            snprintf(db, sizeof db, "splitdiff_%d_%d", (int)getpid(), seq++);
            snprintf(q, sizeof q, "CREATE DATABASE %s", db);
            my_must(m, q);
            ck_assert_msg(mysql_select_db(m, db) == 0, "%s", mysql_error(m));
            if (s->setup)
                my_must(m, s->setup);
        }
        my_file(m, &t, s, &v[i]);
        free(v[i].text);
    }
    if (db[0]) {
        mysql_close(m);
        m = my_connect();
        snprintf(q, sizeof q, "DROP DATABASE %s", db);
        my_must(m, q);
    }
    mysql_close(m);
    free(v);
    tally_finish(&t);
}

START_TEST(test_mysql_runs_each_corpus_file_as_the_splitters_statements)
{
    my_set(pick(my_sets, _i));
}
END_TEST

#endif /* SG_HAVE_MYSQL */

/* ---- SQLite ---------------------------------------------------------------- */

static void sq_file(sqlite3 *db, struct sd_tally *t, const struct sd_file *f)
{
    struct sg_stmt *st = NULL;
    size_t n = 0, k = 0;
    unsigned flags;
    struct sg_error err;
    const char *p = f->text, *end = f->text + f->len;
    int serr = 0, refused;
    long long eoff = -1;
    char emsg[512] = "";

    t->files++;
    refused = split(SG_DIALECT_SQLITE, f, &st, &n, &flags, &err) < 0;
    while (p < end) {
        sqlite3_stmt *ps = NULL;
        const char *tail = NULL;
        int rc;

        if (sqlite3_prepare_v2(db, p, (int)(end - p), &ps, &tail) != SQLITE_OK) {
            serr = 1;
            eoff = sqlite3_error_offset(db);
            if (eoff >= 0)
                eoff += p - f->text;
            snprintf(emsg, sizeof emsg, "%s", sqlite3_errmsg(db));
            break;
        }
        if (!ps)
            break; /* only blanks and comments are left */
        /* SQLite's statement k is [p, tail): the splitter's must lie in it. */
        if (!refused && k < n &&
            (f->text + st[k].off < p || f->text + st[k].off + st[k].len > tail)) {
            tally_mismatch(t, f->path,
                           "SQLite's statement %zu is bytes %td-%td, the splitter's is %zu-%zu "
                           "(line %d)",
                           k + 1, p - f->text, tail - f->text, st[k].off, st[k].off + st[k].len,
                           st[k].line);
            sqlite3_finalize(ps);
            goto out;
        }
        k++;
        while ((rc = sqlite3_step(ps)) == SQLITE_ROW)
            ;
        sqlite3_finalize(ps);
        if (rc != SQLITE_DONE) {
            serr = 2; /* parsed, ran and failed: it counts */
            break;
        }
        p = tail;
    }
    if (refused) {
        if (!serr)
            tally_mismatch(t, f->path, "the splitter refuses it (%s), SQLite ran %zu statements",
                           err.msg, k);
        else
            t->partial++;
    } else if (!serr) {
        if (k != n)
            tally_mismatch(t, f->path, "SQLite ran %zu statements, the splitter found %zu", k, n);
        else {
            t->full++;
            t->stmts += n;
        }
    } else if (serr == 2) {
        t->partial++;
        t->stmts += k;
    } else if (k >= n) {
        tally_mismatch(t, f->path, "SQLite failed (%s) after %zu statements, the splitter found %zu",
                       emsg, k, n);
    } else if (eoff >= 0 &&
               ((size_t)eoff < st[k].off || (size_t)eoff >= stmt_next(st, n, k, f->len + 1))) {
        tally_mismatch(t, f->path,
                       "SQLite's error (%s) is at byte %lld, outside the splitter's statement %zu "
                       "(bytes %zu-%zu)",
                       emsg, eoff, k + 1, st[k].off, stmt_next(st, n, k, f->len));
    } else {
        t->partial++;
        t->stmts += k;
    }
out:
    free(st);
}

static void sq_set(const struct sd_set *s)
{
    struct sd_tally t = {.dialect = "sqlite", .set = s->name};
    struct sd_file *v;
    size_t n = set_files(s, &v);
    sqlite3 *db = NULL;

    for (size_t i = 0; i < n; i++) {
        const char *why = load(s, SG_DIALECT_SQLITE, &v[i]);

        if (why) {
            t.files++;
            tally_skip(&t, v[i].path, why);
            continue;
        }
        if (!db || (s->how & SD_EACH_FRESH)) {
            sqlite3_close(db);
            ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
        }
        sq_file(db, &t, &v[i]);
        free(v[i].text);
    }
    sqlite3_close(db);
    free(v);
    tally_finish(&t);
}

START_TEST(test_sqlite_prepares_each_corpus_file_as_the_splitters_statements)
{
    sq_set(pick(sq_sets, _i));
}
END_TEST

START_TEST(test_no_server_for_the_differential_test)
{
    printf("splitdiff: %s\n", (const char *)"no server URL (SG_TEST_PG_URL, SG_TEST_MYSQL_URL): "
                                            "skipping that half");
    ck_assert_msg(it_skip_allowed(), "no server to compare with; set SG_TEST_ALLOW_SKIP=1 to skip");
}
END_TEST

Suite *splitdiff_suite(void)
{
    Suite *s = suite_create("splitdiff");
    TCase *tc = tcase_create("splitdiff");
    int missing = 0;

    tcase_set_timeout(tc, IT_TIMEOUT * 3);
    tcase_add_loop_test(tc, test_sqlite_prepares_each_corpus_file_as_the_splitters_statements, 0,
                        nsets((int)(sizeof sq_sets / sizeof sq_sets[0])));
#ifdef SG_HAVE_POSTGRES
    if (pg_url())
        tcase_add_loop_test(tc, test_postgres_parses_each_corpus_file_into_the_splitters_statements,
                            0, nsets((int)(sizeof pg_sets / sizeof pg_sets[0])));
    else
        missing = 1;
#else
    missing = 1;
#endif
#ifdef SG_HAVE_MYSQL
    if (my_url())
        tcase_add_loop_test(tc, test_mysql_runs_each_corpus_file_as_the_splitters_statements, 0,
                            nsets((int)(sizeof my_sets / sizeof my_sets[0])));
    else
        missing = 1;
#else
    missing = 1;
#endif
    if (missing)
        tcase_add_test(tc, test_no_server_for_the_differential_test);
    suite_add_tcase(s, tc);
    return s;
}
