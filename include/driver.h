/* driver.h -- the one seam between the core and a database: primitives only.
 * A driver knows how to talk to its server: open a session, run SQL and say
 * where it failed, take and describe the lock, read the ledger and render
 * its writes in the server's dialect. The product's rules -- what a
 * migration may hold, one transaction or statement by statement, the dirty
 * marker, resume, FILE:LINE:COL, exit statuses -- live once, in apply.c and
 * engine.c. Each backend is one file in src/drivers/ exporting one
 * `const struct sg_driver`; docs/ARCHITECTURE.md says how to add one.
 *
 * Contract shared by every operation: return 0 (or the documented value) on
 * success, -1 on failure with `err` set at the moment of failure. Codes a
 * driver sets: 65 (SQL error), 69 (the session is lost: connection dropped,
 * backend terminated -- the caller must close it and never carry on with
 * another one, the lock went with the session), 75 (a lock wait timed out
 * or deadlocked: nothing of the statement happened, a retry may succeed),
 * 70 (the lock is no longer held), 78 (bad setting), 71 (out of memory). A
 * driver never reads the pending signal: it asks the stop callback it was
 * given, and reports an interrupted statement as an error like any other;
 * the core turns it into 128+N. */
#ifndef SG_DRIVER_H
#define SG_DRIVER_H

#include <stddef.h>

#include "buf.h"
#include "config.h"
#include "error.h"
#include "ledger.h"
#include "lock.h"
#include "lockfile.h"
#include "sqlsplit.h"

/* Rows of a SELECT, each cell as text (NULL for SQL NULL). */
struct sg_rows {
    size_t n, ncols;
    char **cell; /* n * ncols, row-major; owned */
};
/* Appends a row of ncols cells (copied). 0, or -1 when out of memory. */
int sg_rows_push(struct sg_rows *r, const char *const *cells, size_t ncols);
const char *sg_rows_get(const struct sg_rows *r, size_t row, size_t col);
void sg_rows_free(struct sg_rows *r);
/* Reads the rows of a ledger read (SG_LEDGER_COLUMNS) into out, sorted,
 * with exists set. 0, or -1 when out of memory (out then freed). */
int sg_rows_ledger(const struct sg_rows *r, struct sg_ledger *out, struct sg_error *err);

struct sg_lease;

struct sg_conn { /* first member of every driver's connection */
    const struct sg_driver *driver;
    int (*stop)(void); /* nonzero: give up what you are waiting for (never NULL) */
    unsigned split_flags; /* SG_SPLIT_* the session's settings imply (PostgreSQL:
                             standard_conforming_strings = off), set at connect */
    /* Set by the driver: a pooler answers for the server (PostgreSQL: the
     * backend key of the start-up is not the backend's pid), so the session
     * may not be one server session for its whole life. */
    int proxied;
    /* Set by the core in lease mode (lease.h): the lock is a lease, and the
     * driver must not rely on the server session staying the same (no
     * backend pinning, no session-level settings). */
    struct sg_lease *lease;
    /* Set by the core in lease mode: end a transaction of ours that stays
     * idle this long (a stalled holder), where the server can; 0: never. */
    long long idle_txn_ms;
};

struct sg_connect_opts {
    const char *application_name; /* "schemagate <host> <pid>" unless the URL sets one */
    /* How long the session's statements may wait for a lock another
     * connection holds before failing with 75 (--ddl-lock-timeout); 0: the
     * driver's default. Where the server bounds such waits itself (lock
     * timeouts), timeouts_sql sets them for migrations; SQLite's busy
     * wait is the client's, for every statement. */
    long long lock_wait_ms;
    /* Asked while a driver waits (a busy file, a poll slice): nonzero means
     * the caller was told to stop. NULL: never. */
    int (*stop)(void);
};

#define SG_CAP_TRANSACTIONAL_DDL 1u /* DDL rolls back with its transaction */
#define SG_CAP_NAMED_LOCK 2u /* the lock is known by l->name (GET_LOCK), not l->key */
#define SG_CAP_TXN_CLOCK                                                                           \
    4u /* ledger_sql renders execution_ms < 0 as the server's own
                               measure of the transaction's age, so a whole transactional
                               migration and its ledger row can go in one exec */
#define SG_CAP_ATOMIC_STMT 8u /* a failed statement changed nothing: failed_cleanly not asked */

/* ledger_read flags */
#define SG_LEDGER_PROBE 1u /* the last read found no ledger: check cheaply before reading */

struct sg_driver {
    const char *name; /* "postgres" */
    const char *const *schemes; /* {"postgres", "postgresql", NULL} */
    enum sg_dialect dialect; /* which splitter and rules the core uses */
    unsigned caps;
    const char *begin_sql; /* opens a write transaction: "BEGIN", "START TRANSACTION" */

    /* -- session -- */

    /* Opens one session (o is never NULL and o->stop is set: the registry
     * sees to it). Unreachable/refused/auth errors: code 69 with
     * err->sqlstate where known; bad parameters: code 78. */
    struct sg_conn *(*connect)(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err);
    /* Ends the session (releasing every lock it holds); sg_drv_close takes NULL. */
    void (*close)(struct sg_conn *c);
    /* Is this connect failure worth retrying (server starting, refused,
     * too many connections)? Auth failures and unknown databases are not.
     * Optional: NULL never retries (a file that cannot be opened now). */
    int (*transient)(const struct sg_error *err);
    /* Called once the lock is held, before anything is written: session
     * settings for migrating and refusals of environments that break the
     * lock (hot standby, Galera). Kept off the connect path so a no-op start
     * and a waiter's poll cost one connection and one query. Optional. */
    int (*prepare)(struct sg_conn *c, struct sg_error *err);
    /* Cancels whatever the session is running. Async-signal-safe; may be NULL. */
    void (*interrupt)(struct sg_conn *c);

    /* -- SQL -- */

    /* Runs sql[0..len): one statement or a script of several, parsed by the
     * server (or, for SQLite, by the library), stopping at the first error.
     * sql[len] must be readable (callers pass slices of NUL-terminated
     * buffers). Results are discarded. *done gets the number of statements
     * that completed (never NULL: sg_drv_exec passes one of its own when
     * its caller does not). On failure err->msg is the server's message alone (no
     * file, no position), with err->sqlstate, err->pos/err->line where the
     * server says, and the codes of the contract above. */
    int (*exec)(struct sg_conn *c, const char *sql, size_t len, size_t *done, struct sg_error *err);
    /* Is a transaction open on the session (after a statement of the
     * migration's own, or after a failure)? 1 yes, 0 no. */
    int (*in_transaction)(struct sg_conn *c);
    /* Renders statements that set the table-lock wait (lock_ms) and the
     * statement time limit (stmt_ms) for what follows; 0 means none (the
     * session's value at connect). `local`: only until the end of the
     * current transaction, where the dialect can. Appends complete
     * statements, each followed by `;`, or nothing when the backend has no
     * such setting (or, with local, when nothing needs setting). */
    void (*timeouts_sql)(struct sg_conn *c, long long lock_ms, long long stmt_ms, int local,
                         struct sg_buf *out);
    /* Did statement stmt[0..len), which failed with err, change nothing
     * (refused while parsing, resolving names, checking privileges or
     * waiting for a lock)? 1 yes, 0 it may have. NULL: never known (or,
     * with SG_CAP_ATOMIC_STMT, always yes). */
    int (*failed_cleanly)(struct sg_conn *c, const char *stmt, size_t len,
                          const struct sg_error *err);
    /* Renders statements, each followed by `;`, that give the session back
     * the state it had before a migration (PostgreSQL: RESET ALL and the
     * role -- never DISCARD ALL, which would drop the lock; MySQL: the
     * current database and the session variables files set): what one file
     * changes with SET, USE or SET ROLE must not reach the next one or the
     * ledger. Appends nothing when there is nothing to reset. Optional. */
    void (*reset_sql)(struct sg_conn *c, struct sg_buf *out);
    /* After a lock wait timed out on `table` (as written in the statement,
     * may be ""), describes who holds it into buf ("" when unknown). Optional. */
    void (*blocker)(struct sg_conn *c, const char *table, char *buf, size_t size);

    /* -- lock -- */

    /* Writes into buf a string naming what the ledger belongs to: database,
     * schema and table (SQLite: the database file). lock.c hashes it. */
    int (*scope)(struct sg_conn *c, const char *table, char *buf, size_t size,
                 struct sg_error *err);
    /* Tries the lock once, without waiting and without leaving a statement
     * open: 1 acquired, 0 held by someone else, -1 error (close the session:
     * the lock may have been granted just as the error fired). Taking it
     * again on the session that holds it returns 1 and does not stack. */
    int (*try_lock)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    int (*unlock)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    /* Still holding the lock, on this same server session? 1 yes, 0 no, -1
     * error (a session that moved under us, behind a pooler, is code 78). */
    int (*lock_held)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    /* Describes the current holder ("pid 4242 (schemagate web-1 7) from
     * 10.0.0.5 for 12 s"); 0 with buf "" when unknown. */
    int (*lock_holder)(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                       struct sg_error *err);
    /* The server's wall clock in ms since the epoch, as an SQL expression
     * evaluated when the statement runs (not when its transaction began):
     * the lease's only clock. NULL: no lease on this backend. */
    const char *clock_ms_sql;
    /* Appends one statement, followed by `;`, that runs `update` and fails
     * with `msg` in its error unless the update changed a row -- inside a
     * transaction, so the failure rolls it back. Optional (a dialect that
     * cannot raise outside stored programs). */
    void (*guard_sql)(struct sg_conn *c, const char *update, const char *msg, struct sg_buf *out);
    /* Does the server's session lock cover the work here? 1 yes; 0 no, with
     * why filled (Galera, multi-primary group replication); 2 perhaps not,
     * with why filled (a pooler in front, which may or may not keep the
     * session: auto takes a lease); -1 error. Asked once a lock is needed.
     * `strict` (an explicit --lock-mode=session): spend round trips to turn
     * a 2 into a 0 where the driver can. Optional: 1. */
    int (*session_lock_ok)(struct sg_conn *c, int strict, char *why, size_t size,
                           struct sg_error *err);
    /* Renders one statement, followed by `;`, that fails (exec: code 70, or
     * 78 when a pooler moved the session) unless this session still holds
     * the lock it took: the fence a migration's transaction runs last before
     * COMMIT, and a tracked one after each ledger write. Appends nothing
     * when no lock is held. Optional: a lock nothing in the database can
     * take away (SQLite's), or a dialect with no way to fail a statement on
     * a condition outside stored programs (MySQL: the engine checks
     * lock_held after the run instead). */
    void (*fence_sql)(struct sg_conn *c, struct sg_buf *out);

    /* -- ledger: the dialect's words; record.c writes the SQL with them -- */

    /* The ledger's columns in the dialect's types, as they follow the table
     * name in CREATE TABLE IF NOT EXISTS. */
    const char *ledger_columns;
    /* Appends the table's name quoted and qualified (schema, database), so
     * a file's search_path or USE cannot move the ledger. Optional: the
     * name alone, quoted as standard SQL ("..."). Callers use sg_drv_table_sql. */
    int (*table_sql)(struct sg_conn *c, const char *table, struct sg_buf *out,
                     struct sg_error *err);
    /* Appends s as a string literal no setting of the session can misread.
     * Optional: standard SQL's '...'. Callers use sg_drv_quote. */
    void (*quote)(struct sg_conn *c, const char *s, struct sg_buf *out);
    const char *now_sql; /* the time for applied_at, in UTC */
    const char *applied_at_sql; /* reads applied_at as "YYYY-MM-DDTHH:MM:SSZ" */
    /* The age of the current transaction in ms, measured by the server, or
     * NULL: with it a transactional migration and its ledger row are one
     * exec (one round trip). */
    const char *txn_age_sql;
    /* Runs one SELECT of ours and returns every row, each cell as text (NULL
     * for SQL NULL). A table that does not exist is code 66, so a reader can
     * tell an empty history from a failure. */
    int (*select)(struct sg_conn *c, const char *sql, struct sg_rows *out, struct sg_error *err);
    /* Reads the ledger itself, where the backend does it better than
     * record.c's SELECT (one round trip that also anchors the session).
     * Optional; a missing table gives exists = 0, not an error. */
    int (*ledger_read)(struct sg_conn *c, const char *table, unsigned flags, struct sg_ledger *out,
                       struct sg_error *err);
};

/* The backends; each is defined only when linked in (make DRIVERS=...). */
extern const struct sg_driver sg_driver_sqlite;
extern const struct sg_driver sg_driver_postgres;
extern const struct sg_driver sg_driver_mysql;

/* Adds a driver to the registry (tests' fake driver). 0, or -1 when full. */
int sg_driver_register(const struct sg_driver *d);
/* The registry: the driver whose schemes include `scheme`, or NULL. */
const struct sg_driver *sg_driver_find(const char *scheme);
/* Writes the compiled-in schemes, comma separated, for error messages. */
void sg_driver_schemes(char *buf, size_t size);

/* -- what every driver may use: the parts of a backend that are not its
 * client library's (driver.c) -- */

/* A driver's connection of `size` bytes, zeroed, its sg_conn first with
 * driver d and o->stop set. NULL with err set (71). */
void *sg_driver_conn_new(size_t size, const struct sg_driver *d, const struct sg_connect_opts *o,
                         struct sg_error *err);
/* The usual `transient`: a failure to connect (69) that was not a stop
 * (sys_errno EINTR) and carries no error number, or one in `numbers`
 * (NULL-terminated), is worth a retry. */
int sg_driver_transient_in(const struct sg_error *err, const char *const *numbers);
/* Close-on-exec for a client library's socket (the `lock` command runs a
 * child under the lock), and on TCP a keepalive that notices a dead server
 * after idle_s + intvl_s * cnt seconds even while a long statement runs
 * (Linux defaults take 2 h 11 min). Best effort. */
void sg_driver_socket_tune(int fd, int idle_s, int intvl_s, int cnt);

/* The wrappers the core calls; each carries the contract of its entry. */

/* Opens a session with the driver for url->scheme (code 78 if none). */
struct sg_conn *sg_drv_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err);

/* The entries table_sql and quote, or their standard SQL defaults. */
int sg_drv_table_sql(struct sg_conn *c, const char *table, struct sg_buf *out,
                     struct sg_error *err);
void sg_drv_quote(struct sg_conn *c, const char *s, struct sg_buf *out);

static inline void sg_drv_close(struct sg_conn *c)
{
    if (c)
        c->driver->close(c);
}

static inline int sg_drv_exec(struct sg_conn *c, const char *sql, size_t len, size_t *done,
                              struct sg_error *err)
{
    size_t ignored;

    return c->driver->exec(c, sql, len, done ? done : &ignored, err);
}

static inline int sg_drv_in_transaction(struct sg_conn *c)
{
    return c->driver->in_transaction(c);
}

static inline int sg_drv_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return c->driver->try_lock(c, l, err);
}

static inline int sg_drv_unlock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return c->driver->unlock(c, l, err);
}

static inline int sg_drv_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return c->driver->lock_held(c, l, err);
}

/* Never fails: "" when the driver cannot say. */
static inline void sg_drv_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf,
                                      size_t size)
{
    struct sg_error ignored = {0};

    buf[0] = '\0';
    if (c->driver->lock_holder && c->driver->lock_holder(c, l, buf, size, &ignored) < 0)
        buf[0] = '\0';
}

static inline int sg_drv_scope(struct sg_conn *c, const char *table, char *buf, size_t size,
                               struct sg_error *err)
{
    return c->driver->scope(c, table, buf, size, err);
}

static inline int sg_drv_prepare(struct sg_conn *c, struct sg_error *err)
{
    return c->driver->prepare ? c->driver->prepare(c, err) : 0;
}

#endif
