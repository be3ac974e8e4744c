/* sqlite.c -- the embedded backend. The lock is an OFD byte-range lock on a
 * file beside the database (released by the kernel when the process dies,
 * never by an unrelated close()), and each migration additionally runs in
 * BEGIN IMMEDIATE with a re-check of the ledger inside the transaction, so
 * the write lock itself guarantees exactly-once even if the lock file were
 * bypassed. The only file that includes <sqlite3.h>. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "sqlsplit.h"

struct sq_conn {
    struct sg_conn base;
    sqlite3 *db;
    char *path; /* database file */
    char *lock_path; /* <db>.schemagate-lock */
    int lock_fd; /* -1 until the first try_lock */
    int held;
    long long held_key;
};

#define SQ(c) ((struct sq_conn *)(c))

static void sq_close(struct sg_conn *c)
{
    struct sq_conn *s = SQ(c);

    if (!s)
        return;
    /* sqlite3_close_v2 finalises lazily; we never leave statements open. */
    sqlite3_close_v2(s->db);
    if (s->lock_fd >= 0)
        close(s->lock_fd); /* releases the OFD lock */
    free(s->path);
    free(s->lock_path);
    free(s);
}

/* Network filesystems break SQLite's locking (sqlite.org/howtocorrupt.html §2.1). */
static int sq_check_fs(const char *path, struct sg_error *err)
{
    struct statfs fs;
    char dir[PATH_MAX];
    const char *slash = strrchr(path, '/');

    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash == path ? 1 : slash - path), path);
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

static struct sg_conn *sq_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct sq_conn *s;
    int rc;

    (void)o;
    if (url->nparams > 0) {
        sg_error_set(err, SG_EX_CONFIG, "database URL: sqlite takes no parameter ('%.40s')",
                     url->params[0].key);
        return NULL;
    }
    if (sq_check_fs(url->path, err) < 0)
        return NULL;
    if (!(s = calloc(1, sizeof *s))) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        return NULL;
    }
    s->base.driver = &sg_driver_sqlite;
    s->lock_fd = -1;
    s->path = strdup(url->path);
    if (!s->path || asprintf(&s->lock_path, "%s.schemagate-lock", url->path) < 0) {
        s->lock_path = NULL;
        sq_close(&s->base);
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        return NULL;
    }
    rc = sqlite3_open_v2(s->path, &s->db,
                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err->sqlstate, sizeof err->sqlstate, "%d", rc);
        sg_error_set(err, SG_EX_UNAVAILABLE, "unable to open sqlite database %s: %s", s->path,
                     s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_extended_result_codes(s->db, 1);
    /* Readers and writers outside schemagate (the app) may hold the file briefly. */
    sqlite3_busy_timeout(s->db, 250);
    return &s->base;
}

static int sq_fail(struct sq_conn *s, struct sg_error *err, int code, const char *what)
{
    int ec = sqlite3_extended_errcode(s->db);

    snprintf(err->sqlstate, sizeof err->sqlstate, "%d", ec);
    return sg_error_set(err, code, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* Runs a statement without results, retrying while the file is busy. */
static int sq_exec(struct sq_conn *s, const char *sql, struct sg_error *err)
{
    for (;;) {
        int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return 0;
        if ((rc & 0xff) == SQLITE_BUSY && !sg_signal_pending())
            continue; /* the busy timeout already slept */
        if (sg_signal_pending())
            return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(), "interrupted");
        return sq_fail(s, err, SG_EX_UNAVAILABLE, sql);
    }
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

static int sq_lock_fd(struct sq_conn *s, struct sg_error *err)
{
    if (s->lock_fd >= 0)
        return 0;
    s->lock_fd = open(s->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (s->lock_fd < 0)
        return sg_error_set(err, SG_EX_UNAVAILABLE, "unable to open lock file %s: %s", s->lock_path,
                            strerror(errno));
    return 0;
}

static struct flock sq_region(const struct sg_lock *l, short type)
{
    struct flock fl;

    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    /* Distinct keys lock distinct bytes; byte 0..4095 stays for the holder note. */
    fl.l_start = (off_t)(4096 + ((unsigned long long)l->key & 0x3fffffffffffULL));
    fl.l_len = 1;
    return fl;
}

static int sq_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    struct flock fl = sq_region(l, F_WRLCK);
    char note[256], host[128] = "?";

    if (sq_lock_fd(s, err) < 0)
        return -1;
    /* OFD locks belong to the open file description: they conflict between
     * two connections of one process and survive unrelated close() calls. */
    if (fcntl(s->lock_fd, F_OFD_SETLK, &fl) < 0) {
        if (errno == EAGAIN || errno == EACCES)
            return 0;
        return sg_error_set(err, SG_EX_OSERR, "unable to lock %s: %s", s->lock_path,
                            strerror(errno));
    }
    s->held = 1;
    s->held_key = l->key;
    gethostname(host, sizeof host - 1);
    int n = snprintf(note, sizeof note, "pid %ld on %s since %lld\n", (long)getpid(), host,
                     (long long)time(NULL));
    /* Best effort: the note only helps waiters say who holds the lock. */
    if (n > 0 && pwrite(s->lock_fd, note, (size_t)n, 0) == n)
        (void)!ftruncate(s->lock_fd, n);
    return 1;
}

static int sq_unlock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    struct flock fl = sq_region(l, F_UNLCK);

    if (s->lock_fd < 0 || !s->held)
        return 0;
    if (fcntl(s->lock_fd, F_OFD_SETLK, &fl) < 0)
        return sg_error_set(err, SG_EX_OSERR, "unable to unlock %s: %s", s->lock_path,
                            strerror(errno));
    s->held = 0;
    return 0;
}

static int sq_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    (void)err;
    return SQ(c)->held && SQ(c)->held_key == l->key;
}

static int sq_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    char note[256];
    long pid;
    char host[128];
    long long since;

    (void)l;
    buf[0] = '\0';
    if (sq_lock_fd(s, err) < 0)
        return -1;
    ssize_t n = pread(s->lock_fd, note, sizeof note - 1, 0);
    if (n <= 0)
        return 0;
    note[n] = '\0';
    if (sscanf(note, "pid %ld on %127s since %lld", &pid, host, &since) == 3)
        snprintf(buf, size, "pid %ld on %s for %lld s", pid, host, (long long)time(NULL) - since);
    return 0;
}

static int sq_table_exists(struct sq_conn *s, const char *table, int *exists, struct sg_error *err)
{
    sqlite3_stmt *st = NULL;
    int rc;

    for (;;) {
        rc = sqlite3_prepare_v2(
            s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        *exists = rc == SQLITE_ROW;
        sqlite3_finalize(st);
        st = NULL;
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            return 0;
        if ((rc & 0xff) != SQLITE_BUSY || sg_signal_pending())
            return sq_fail(s, err, SG_EX_UNAVAILABLE, "unable to read the sqlite schema");
    }
}

static int sq_ledger_read(struct sg_conn *c, const char *table, struct sg_ledger *out,
                          struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    sqlite3_stmt *st = NULL;
    char *sql;
    int rc;

    memset(out, 0, sizeof *out);
    if (sq_table_exists(s, table, &out->exists, err) < 0)
        return -1;
    if (!out->exists)
        return 0;
    sql = sqlite3_mprintf("SELECT version, name, checksum, applied_at, execution_ms, applied_by, "
                          "dirty, dirty_done FROM \"%w\"",
                          table);
    if (!sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    for (;;) {
        sg_ledger_free(out);
        out->exists = 1;
        rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            if ((rc = sqlite3_step(st)) != SQLITE_ROW)
                break;
            if (sg_ledger_push(out, (const char *)sqlite3_column_text(st, 0),
                               (const char *)sqlite3_column_text(st, 1),
                               (const char *)sqlite3_column_text(st, 2),
                               (const char *)sqlite3_column_text(st, 3),
                               sqlite3_column_int64(st, 4),
                               (const char *)sqlite3_column_text(st, 5), sqlite3_column_int(st, 6),
                               sqlite3_column_int64(st, 7)) < 0) {
                rc = SQLITE_NOMEM;
                break;
            }
        }
        sqlite3_finalize(st);
        st = NULL;
        if (rc == SQLITE_DONE)
            break;
        if ((rc & 0xff) != SQLITE_BUSY || sg_signal_pending()) {
            sqlite3_free(sql);
            sg_ledger_free(out);
            return sq_fail(s, err, SG_EX_UNAVAILABLE, "unable to read the ledger");
        }
    }
    sqlite3_free(sql);
    sg_ledger_sort(out);
    return 0;
}

static int sq_read_versions(struct sg_conn *c, const char *table, int with_dirty,
                            struct sg_ledger *out, struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    sqlite3_stmt *st = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    if (sq_table_exists(s, table, &out->exists, err) < 0 || !out->exists)
        return out->exists ? -1 : 0;
    char *sql = sqlite3_mprintf(with_dirty ? "SELECT CAST(version AS TEXT), dirty FROM \"%w\""
                                           : "SELECT CAST(version AS TEXT), 0 FROM \"%w\"",
                                table);
    if (!sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    sqlite3_free(sql);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        const char *v = (const char *)sqlite3_column_text(st, 0);
        if (sg_ledger_push(out, v ? v : "", "", "", "", 0, "", sqlite3_column_int(st, 1), 0) < 0)
            rc = SQLITE_NOMEM;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        sg_ledger_free(out);
        return sq_fail(s, err, SG_EX_DATA, "unable to read the history table");
    }
    return 0;
}

static int sq_ledger_create(struct sg_conn *c, const char *table, struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    char *sql = sqlite3_mprintf("CREATE TABLE IF NOT EXISTS \"%w\" ("
                                "version TEXT NOT NULL PRIMARY KEY, "
                                "name TEXT NOT NULL, "
                                "checksum TEXT NOT NULL, "
                                "applied_at TEXT NOT NULL DEFAULT "
                                "(strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')), "
                                "execution_ms INTEGER NOT NULL DEFAULT 0, "
                                "applied_by TEXT NOT NULL DEFAULT '', "
                                "dirty INTEGER NOT NULL DEFAULT 0, "
                                "dirty_done INTEGER NOT NULL DEFAULT 0)",
                                table);
    int rc;

    if (!sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    rc = sq_exec(s, sql, err);
    sqlite3_free(sql);
    return rc;
}

/* Runs one parameterised ledger statement: ?1 version, ?2 name, ?3 checksum,
 * ?4 execution_ms, ?5 applied_by, ?6 dirty, ?7 dirty_done. */
static int sq_ledger_stmt(struct sq_conn *s, const char *fmt, const char *table,
                          const struct sg_migration *m, const char *version, long long ms,
                          const char *by, int dirty, long long done, struct sg_error *err)
{
    sqlite3_stmt *st = NULL;
    char *sql = sqlite3_mprintf(fmt, table);
    int rc;

    if (!sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    for (;;) {
        rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, version, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, m ? m->name : "", -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, m ? m->checksum : "", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 4, ms);
            sqlite3_bind_text(st, 5, by ? by : "", -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 6, dirty);
            sqlite3_bind_int64(st, 7, done);
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        st = NULL;
        if (rc == SQLITE_DONE)
            break;
        if ((rc & 0xff) != SQLITE_BUSY || sg_signal_pending()) {
            sqlite3_free(sql);
            return sq_fail(s, err, SG_EX_DATA, "unable to write the ledger");
        }
    }
    sqlite3_free(sql);
    return 0;
}

#define SQ_INSERT                                                                                  \
    "INSERT INTO \"%w\" (version, name, checksum, execution_ms, applied_by, dirty, "               \
    "dirty_done) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
#define SQ_UPDATE                                                                                  \
    "UPDATE \"%w\" SET execution_ms = ?4, dirty = ?6, dirty_done = ?7 WHERE version = ?1 "         \
    "AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?5 IS NOT NULL"
#define SQ_DELETE                                                                                  \
    "DELETE FROM \"%w\" WHERE version = ?1 AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?4 IS "       \
    "NOT NULL AND ?5 IS NOT NULL AND ?6 IS NOT NULL AND ?7 IS NOT NULL"

/* Sets err to "FILE:LINE:COL: message (sqlite N)" for a failure at p. */
static int sq_sql_error(struct sq_conn *s, const struct sg_section *sec, const char *p,
                        struct sg_error *err)
{
    int line, col, ec = sqlite3_extended_errcode(s->db);
    int off = sqlite3_error_offset(s->db);

    if (off > 0)
        p += off;
    sg_sql_position(sec->sql, (size_t)(p - sec->sql), sec->line, &line, &col);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%d", ec);
    return sg_error_set(
        err,
        ec == SQLITE_INTERRUPT && sg_signal_pending() ? SG_EX_SIGNAL_BASE + sg_signal_pending()
                                                      : SG_EX_DATA,
        "%s:%d:%d: %s (sqlite %d)", sec->file, line, col, sqlite3_errmsg(s->db), ec);
}

/* Skips blanks and comments, so an error is reported at its statement. */
static const char *sq_skip_blank(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == ';')
            p++;
        if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            if (!e)
                return p; /* let SQLite report the unterminated comment */
            p = e + 2;
        } else {
            return p;
        }
    }
}

/* Runs every statement of a section with SQLite's own parser (it knows
 * trigger bodies), refusing transaction control inside our transaction. On
 * success *count is the number of statements run. `progress` (if not NULL)
 * is called after each statement. */
static int sq_run_section(struct sq_conn *s, const struct sg_section *sec, int in_txn,
                          int (*progress)(struct sq_conn *, long long, void *), void *arg,
                          struct sg_error *err)
{
    const char *p = sec->sql;
    long long done = 0;

    while (*p) {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;
        int rc;

        p = sq_skip_blank(p);
        rc = sqlite3_prepare_v2(s->db, p, -1, &st, &tail);
        if (rc != SQLITE_OK)
            return sq_sql_error(s, sec, p, err);
        if (!st) /* only blanks or comments remained */
            break;
        char kw[16];
        sg_sql_keyword(p, (size_t)(tail - p), kw, sizeof kw);
        if (in_txn && (sg_sql_is_txn_control(p, (size_t)(tail - p), SG_DIALECT_SQLITE) ||
                       strcmp(kw, "VACUUM") == 0)) {
            int line, col;
            sqlite3_finalize(st);
            sg_sql_position(sec->sql, (size_t)(p - sec->sql), sec->line, &line, &col);
            return sg_error_set(err, SG_EX_DATA,
                                "%s:%d: %s cannot run inside the migration's transaction; "
                                "remove it, or mark the migration '-- migrate:up "
                                "transaction:false'",
                                sec->file, line, kw);
        }
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        if (rc != SQLITE_DONE) {
            sq_sql_error(s, sec, p, err);
            sqlite3_finalize(st);
            return -1;
        }
        sqlite3_finalize(st);
        done++;
        if (progress && progress(s, done, arg) < 0)
            return -1;
        p = tail;
    }
    return 0;
}

struct sq_progress {
    const char *table;
    const char *version;
    struct sg_error *err;
};

static int sq_mark_progress(struct sq_conn *s, long long done, void *arg)
{
    struct sq_progress *pr = arg;

    return sq_ledger_stmt(s, SQ_UPDATE, pr->table, NULL, pr->version, 0, NULL, 1, done, pr->err);
}

static void sq_rollback(struct sq_conn *s)
{
    /* Errors inside a transaction do not abort it in SQLite: always roll back. */
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_apply(struct sg_conn *c, const char *table, const struct sg_step *step,
                    struct sg_error *err)
{
    struct sq_conn *s = SQ(c);
    const struct sg_migration *m = step->m;
    const struct sg_section *sec = step->down ? &m->down : &m->up;
    long long t0 = sg_now_ms();

    if (!sec->sql)
        return sg_error_set(err, SG_EX_DATA, "%s: no down section", m->file);
    if (m->no_transaction && !step->down) {
        struct sq_progress pr = {table, m->version, err};
        if (sq_ledger_stmt(s, SQ_INSERT, table, m, m->version, 0, step->applied_by, 1, 0, err) < 0)
            return -1;
        if (sq_run_section(s, sec, 0, sq_mark_progress, &pr, err) < 0)
            return -1; /* stays dirty: the operator decides with repair */
        return sq_ledger_stmt(s, SQ_UPDATE, table, m, m->version, sg_now_ms() - t0, NULL, 0, 0,
                              err);
    }
    if (sq_exec(s, "BEGIN IMMEDIATE", err) < 0)
        return -1;
    /* Re-check inside the write transaction: exactly-once even without the lock file. */
    if (!step->down) {
        sqlite3_stmt *st = NULL;
        char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" WHERE version = ?1", table);
        int rc = sql ? sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) : SQLITE_NOMEM;
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, m->version, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        sqlite3_free(sql);
        if (rc == SQLITE_ROW) {
            sq_rollback(s);
            return 0;
        }
        if (rc != SQLITE_DONE) {
            sq_fail(s, err, SG_EX_UNAVAILABLE, "unable to read the ledger");
            sq_rollback(s);
            return -1;
        }
    }
    if (sq_run_section(s, sec, 1, NULL, NULL, err) < 0)
        goto fail;
    if (step->down) {
        if (sq_ledger_stmt(s, SQ_DELETE, table, m, m->version, 0, "", 0, 0, err) < 0)
            goto fail;
    } else if (sq_ledger_stmt(s, SQ_INSERT, table, m, m->version, sg_now_ms() - t0,
                              step->applied_by, 0, 0, err) < 0) {
        goto fail;
    }
    if (sq_exec(s, "COMMIT", err) < 0)
        goto fail;
    return 0;
fail:
    sq_rollback(s);
    return -1;
}

static int sq_ledger_edit(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                          const struct sg_migration *m, const char *version, const char *applied_by,
                          struct sg_error *err)
{
    struct sq_conn *s = SQ(c);

    switch (op) {
    case SG_LEDGER_INSERT:
        return sq_ledger_stmt(s, SQ_INSERT, table, m, version, 0, applied_by, 0, 0, err);
    case SG_LEDGER_DELETE: return sq_ledger_stmt(s, SQ_DELETE, table, m, version, 0, "", 0, 0, err);
    case SG_LEDGER_CLEAN:
        return sq_ledger_stmt(s,
                              "UPDATE \"%w\" SET dirty = 0, dirty_done = 0 WHERE version = ?1 "
                              "AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?4 IS NOT NULL AND ?5 "
                              "IS NOT NULL AND ?6 IS NOT NULL AND ?7 IS NOT NULL",
                              table, m, version, 0, "", 0, 0, err);
    }
    return sg_error_set(err, SG_EX_SOFTWARE, "unknown ledger operation");
}

static long long sq_session_id(struct sg_conn *c, struct sg_error *err)
{
    (void)c;
    (void)err;
    return (long long)getpid();
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
    .caps = SG_CAP_TRANSACTIONAL_DDL,
    .connect = sq_connect,
    .close = sq_close,
    .scope = sq_scope,
    .try_lock = sq_try_lock,
    .unlock = sq_unlock,
    .lock_holder = sq_lock_holder,
    .lock_held = sq_lock_held,
    .ledger_read = sq_ledger_read,
    .ledger_create = sq_ledger_create,
    .apply = sq_apply,
    .ledger_edit = sq_ledger_edit,
    .session_id = sq_session_id,
    .interrupt = sq_interrupt,
    .read_versions = sq_read_versions,
};
