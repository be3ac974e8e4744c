/* sqlite.c -- the embedded backend. The lock is the core's lock file beside
 * the database (lockfile.h). A transactional migration runs inside BEGIN
 * IMMEDIATE with its ledger row, whose primary key refuses a second copy,
 * so the write lock itself guarantees exactly-once even if the lock file
 * were bypassed. Scripts run through SQLite's own parser, one prepared
 * statement after another. The only file that includes <sqlite3.h>. */
#include "driver.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include "libs/libsqlite3.h" /* its functions, bound at the first connect (issue 16) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>

#include "clock.h"
#include "exitcodes.h"
#include "log.h"

struct sq_conn {
    struct sg_conn base;
    sqlite3 *db;
    long long busy_ms; /* how long a statement waits for another writer, then 75 */
    long long busy_default; /* busy_ms at connect (--ddl-lock-timeout) */
    long long busy_since; /* monotonic ms the current wait began, 0 when none */
    int busy_logged;
    char *path; /* database file, directories resolved */
    struct sg_lockfile lock;
};

#define SQ(c) ((struct sq_conn *)(c))

static void sq_close(struct sg_conn *c)
{
    struct sq_conn *s = SQ(c);

    /* sqlite3_close_v2 finalises lazily; we never leave statements open. */
    sqlite3_close_v2(s->db);
    sg_lockfile_close(&s->lock);
    free(s->path);
    free(s);
}

/* Network filesystems break SQLite's locking (sqlite.org/howtocorrupt.html §2.1). */
static int sq_check_fs(const char *path, const char *dir, struct sg_error *err)
{
    struct statfs fs;

    if (statfs(dir, &fs) < 0) {
        snprintf(err->sqlstate, sizeof err->sqlstate, "%d", SQLITE_CANTOPEN);
        return sg_error_set(err, SG_EX_UNAVAILABLE, "unable to open sqlite database %s: %s", path,
                            strerror(errno));
    }
    switch ((unsigned long)fs.f_type) {
    case 0x6969UL: /* NFS */
    case 0x517BUL: /* SMB */
    case 0xFF534D42UL: /* CIFS */
    case 0xFE534D42UL: /* SMB2 */
        return sg_error_set(err, SG_EX_CONFIG,
                            "sqlite database %s is on a network filesystem, where file locks "
                            "are unreliable; keep it on a local disk or volume",
                            path);
    default: return 0;
    }
}

/* The database path with its directories resolved: SQLite's NOFOLLOW
 * (which we keep for the file itself) refuses a symlink anywhere in the
 * path, and /app/data -> /data on a read-only root is common. */
static char *sq_resolve(const char *path, struct sg_error *err)
{
    const char *slash = strrchr(path, '/');
    char *dir, *real, *out = NULL;
    struct stat st;

    if (!(dir = slash ? strndup(path, (size_t)(slash == path ? 1 : slash - path)) : strdup(".")))
        return sg_error_set(err, SG_EX_OSERR, "out of memory"), NULL;
    if (sq_check_fs(path, dir, err) < 0) {
        free(dir);
        return NULL;
    }
    real = realpath(dir, NULL);
    if (!real) {
        snprintf(err->sqlstate, sizeof err->sqlstate, "%d", SQLITE_CANTOPEN);
        sg_error_set(err, SG_EX_UNAVAILABLE, "unable to open sqlite database %s: directory %s: %s",
                     path, dir, strerror(errno));
    } else if (asprintf(&out, "%s/%s", strcmp(real, "/") == 0 ? "" : real,
                        slash ? slash + 1 : path) < 0) {
        out = NULL;
        sg_error_set(err, SG_EX_OSERR, "out of memory");
    } else if (lstat(out, &st) == 0 && S_ISLNK(st.st_mode)) {
        sg_error_set(err, SG_EX_CONFIG,
                     "sqlite database %s is a symlink: point the URL at the file itself", path);
        free(out);
        out = NULL;
    }
    free(dir);
    free(real);
    return out;
}

/* SQLite's busy handler: another connection (the app) holds the lock this
 * statement needs. Sleep a little and try again, up to busy_ms, logging
 * once after a second so a long wait is never silent; 0 gives up (BUSY). */
static int sq_busy(void *arg, int count)
{
    struct sq_conn *s = arg;
    long long now = sg_now_ms();

    if (count == 0) {
        s->busy_since = now;
        s->busy_logged = 0;
    }
    if (s->base.stop() || now - s->busy_since >= s->busy_ms)
        return 0;
    if (!s->busy_logged && now - s->busy_since >= 1000) {
        s->busy_logged = 1;
        sg_log(SG_LOG_INFO, "database_busy", SG_F(SG_S("database", s->path)),
               "sqlite database %s is locked by another connection; waiting up to %lld ms", s->path,
               s->busy_ms);
    }
    long long left = s->busy_ms - (now - s->busy_since);
    struct timespec ts = {0, (left < 20 ? left : 20) * 1000000L};
    nanosleep(&ts, NULL);
    return 1;
}

static struct sg_conn *sq_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct sq_conn *s;
    int rc;

    if (url->nparams > 0) {
        sg_error_set(err, SG_EX_CONFIG, "database URL: sqlite takes no parameter ('%.40s')",
                     url->params[0].key);
        return NULL;
    }
    if (!(s = sg_driver_conn_new(sizeof *s, &sg_driver_sqlite, o, err)))
        return NULL;
    s->busy_ms = s->busy_default = o && o->lock_wait_ms > 0 ? o->lock_wait_ms : 5000;
    if (!(s->path = sq_resolve(url->path, err)) || sg_lockfile_init(&s->lock, s->path, err) < 0)
        goto fail;
    rc = sqlite3_open_v2(s->path, &s->db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err->sqlstate, sizeof err->sqlstate, "%d", rc);
        sg_error_set(err, SG_EX_UNAVAILABLE, "unable to open sqlite database %s: %s", s->path,
                     s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    /* Readers and writers outside schemagate (the app) may hold the file:
     * wait for them, bounded, saying so, and stop when told to. */
    sqlite3_busy_handler(s->db, sq_busy, s);
    return &s->base;
fail:
    sq_close(&s->base);
    return NULL;
}

/* The database is unusable, not the SQL: the session is as good as lost. */
static int sq_code(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL: return SG_EX_UNAVAILABLE;
    default: return SG_EX_DATA;
    }
}

/* Runs a script statement by statement with SQLite's own parser (which
 * knows trigger bodies), retrying a statement while the file is busy (the
 * app may hold it briefly) unless told to stop. */
static int sq_run(struct sg_conn *c, const char *sql, size_t len, size_t *done,
                  struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    const char *p = sql, *end = sql + len;
    int rc = SQLITE_OK;

    *done = 0;
    if (len >= INT_MAX)
        return sg_error_set(err, SG_EX_DATA, "the SQL text is larger than SQLite takes (2 GiB)");
    while (p < end) {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;

        /* Telling SQLite the text ends in a NUL spares it a copy of the
         * whole rest of the script per statement (quadratic on big files). */
        rc = sqlite3_prepare_v2(s->db, p, (int)(end - p) + !*end, &st, &tail);
        if (rc != SQLITE_OK) {
            int off = sqlite3_error_offset(s->db);
            err->pos = off >= 0 ? (long long)(p - sql) + off + 1 : 0;
            goto fail;
        }
        if (!st) /* only blanks or comments remained */
            break;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            goto fail;
        (*done)++;
        p = tail;
    }
    return 0;
fail:
    rc = sqlite3_extended_errcode(s->db);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%d", rc);
    if ((rc & 0xff) == SQLITE_BUSY && !c->stop())
        /* Nothing of the statement ran: a retry may succeed. */
        return sg_error_set(err, SG_EX_TEMPFAIL,
                            "sqlite database %s is locked by another connection, which held it "
                            "for more than %lld ms (sqlite %d)",
                            s->path, s->busy_ms, rc);
    return sg_error_set(err, sq_code(rc), "%s (sqlite %d)", sqlite3_errmsg(s->db), rc);
}

static int sq_in_transaction(struct sg_conn *c)
{
    return !sqlite3_get_autocommit(SQ(c)->db);
}

static void sq_timeouts_sql(struct sg_conn *c, long long lock_ms, long long stmt_ms, int local,
                            struct sg_buf *out)
{
    /* SQLite's lock wait is the client's busy handler, not SQL: set it for
     * what follows directly. It has no statement time limit. */
    SQ(c)->busy_ms = lock_ms > 0 ? lock_ms : SQ(c)->busy_default;
    (void)stmt_ms;
    (void)local;
    (void)out;
}

static int sq_scope(struct sg_conn *c, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    char real[PATH_MAX];
    struct sq_conn *s = SQ(c);

    /* realpath names one file however the URL spelt it (relative, ./, symlinked dir). */
    const char *p = realpath(s->path, real) ? real : s->path;
    (void)err;
    snprintf(buf, size, "sqlite:%s:%s", p, table);
    return 0;
}

static int sq_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return sg_lockfile_try(&SQ(c)->lock, l->key, err);
}

static int sq_unlock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return sg_lockfile_release(&SQ(c)->lock, l->key, err);
}

static int sq_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    (void)err;
    return sg_lockfile_held(&SQ(c)->lock, l->key);
}

static int sq_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    (void)l;
    return sg_lockfile_holder(&SQ(c)->lock, buf, size, err);
}

/* One SELECT of ours, every row as text; "no such table" is code 66. */
static int sq_select(struct sg_conn *c, const char *sql, struct sg_rows *out, struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    sqlite3_stmt *st = NULL;
    const char *cells[16];
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

    memset(out, 0, sizeof *out);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        int n = sqlite3_column_count(st);
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        for (int j = 0; j < n && j < 16; j++)
            cells[j] = (const char *)sqlite3_column_text(st, j);
        if (sg_rows_push(out, cells, (size_t)(n < 16 ? n : 16)) < 0)
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return 0;
    sg_rows_free(out);
    if (strncmp(sqlite3_errmsg(s->db), "no such table", 13) == 0)
        return sg_error_set(err, SG_EX_NOINPUT, "%s", sqlite3_errmsg(s->db));
    rc = sqlite3_extended_errcode(s->db);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%d", rc);
    /* A busy file after the busy handler's wait fails the read like a lost
     * session: a waiter polls again. */
    if ((rc & 0xff) == SQLITE_BUSY)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "unable to read: sqlite database %s is locked by another connection, "
                            "which held it for more than %lld ms",
                            s->path, s->busy_ms);
    return sg_error_set(err, SG_EX_UNAVAILABLE, "unable to read: %s", sqlite3_errmsg(s->db));
}

static void sq_interrupt(struct sg_conn *c)
{
    /* sqlite3_interrupt only sets a flag: safe from a signal handler. */
    sqlite3_interrupt(SQ(c)->db);
}

static const char *const sq_schemes[] = {"sqlite", "sqlite3", NULL};

const struct sg_driver sg_driver_sqlite = {
    .name = "sqlite",
    .schemes = sq_schemes,
    .dialect = SG_DIALECT_SQLITE,
    /* A failing statement undoes its own changes (statement journal). */
    .caps = SG_CAP_TRANSACTIONAL_DDL | SG_CAP_ATOMIC_STMT,
    /* IMMEDIATE: the write lock is taken at BEGIN, not at the first write. */
    .begin_sql = "BEGIN IMMEDIATE",
    .connect = sq_connect,
    .close = sq_close,
    .interrupt = sq_interrupt,
    .exec = sq_run,
    .in_transaction = sq_in_transaction,
    .timeouts_sql = sq_timeouts_sql,
    .scope = sq_scope,
    .try_lock = sq_try_lock,
    .unlock = sq_unlock,
    .lock_held = sq_lock_held,
    .lock_holder = sq_lock_holder,
    .ledger_columns = "(version TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT "
                      "NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', "
                      "'now')), execution_ms INTEGER NOT NULL DEFAULT 0, applied_by TEXT NOT NULL "
                      "DEFAULT '', dirty INTEGER NOT NULL DEFAULT 0, dirty_done INTEGER NOT NULL "
                      "DEFAULT 0)",
    .now_sql = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    .applied_at_sql = "applied_at",
    .select = sq_select,
};
