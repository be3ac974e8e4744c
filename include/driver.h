/* driver.h -- the one seam between the engine and a database. Each backend
 * is one file in src/drivers/ exporting one `const struct sg_driver`; the
 * engine reaches a database only through the sg_drv_* wrappers below.
 *
 * Contract shared by every operation: return 0 (or the documented value) on
 * success, -1 on failure with `err` set at the moment of failure. A failure
 * that loses the session (connection dropped, backend terminated) sets code
 * SG_EX_UNAVAILABLE; the caller must then close the connection and never
 * carry on with another one (the lock went with the session). */
#ifndef SG_DRIVER_H
#define SG_DRIVER_H

#include <stddef.h>
#include "config.h"
#include "error.h"
#include "migration.h"

struct sg_conn { /* first member of every driver's connection */
    const struct sg_driver *driver;
};

struct sg_connect_opts {
    const char *application_name; /* "schemagate <host> <pid>" unless the URL sets one */
    long long statement_timeout_ms; /* 0 = none; bounds each migration statement */
    long long ddl_lock_timeout_ms; /* 0 = none; table-lock wait inside migrations */
};

/* The advisory lock, derived by lock.c from the driver's scope string. */
struct sg_lock {
    long long key; /* PostgreSQL advisory key; SQLite lock-file byte */
    char name[65]; /* MySQL GET_LOCK name, <= 64 ASCII characters */
    char desc[96]; /* what logs and status show */
};

struct sg_ledger_row {
    char version[SG_VERSION_MAX + 1];
    char *name;
    char checksum[65];
    char *applied_at; /* UTC, ISO 8601 */
    long long execution_ms;
    char *applied_by;
    int dirty; /* a non-transactional migration started but did not finish */
    long long dirty_done; /* statements of it known to have completed */
};

struct sg_ledger {
    int exists; /* the ledger table exists */
    struct sg_ledger_row *v;
    size_t n; /* sorted by version */
};

void sg_ledger_free(struct sg_ledger *l);
/* Appends a row (strings copied). For drivers. */
int sg_ledger_push(struct sg_ledger *l, const char *version, const char *name, const char *checksum,
                   const char *applied_at, long long execution_ms, const char *applied_by,
                   int dirty, long long dirty_done);
/* Sorts rows by version. For drivers, after reading. */
void sg_ledger_sort(struct sg_ledger *l);

/* One unit of work: run a migration's up section and insert its ledger row,
 * or run its down section and delete the row -- atomically where the backend
 * and the migration allow it, else bracketed by a dirty marker. */
struct sg_step {
    const struct sg_migration *m;
    int down;
    const char *applied_by; /* "host:pid" */
    long long lock_timeout_ms; /* table-lock timeout for this step, 0 = none */
};

/* Ledger edits without running SQL (repair, baseline, adopt). */
enum sg_ledger_op {
    SG_LEDGER_INSERT, /* record version as applied (clean) */
    SG_LEDGER_DELETE, /* forget version */
    SG_LEDGER_CLEAN /* clear the dirty flag of version */
};

#define SG_CAP_TRANSACTIONAL_DDL 1u /* DDL rolls back with its transaction */
#define SG_CAP_LOCK_SESSION_ID 2u /* session_id() is meaningful (pooler check) */
#define SG_CAP_NAMED_LOCK 4u /* the lock is known by l->name (GET_LOCK), not l->key */

struct sg_driver {
    const char *name; /* "postgres" */
    const char *const *schemes; /* {"postgres", "postgresql", NULL} */
    unsigned caps;

    /* Opens one session. Unreachable/refused/auth errors: code 69 (and
     * err->sqlstate where known, e.g. "53300", "57P03", "1040" so the engine
     * can decide to retry); bad parameters: code 78. */
    struct sg_conn *(*connect)(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err);
    /* Ends the session (releasing every lock it holds). NULL is a no-op. */
    void (*close)(struct sg_conn *c);
    /* Writes into buf a string naming what the ledger belongs to: database,
     * schema and table (SQLite: the database file). lock.c hashes it. */
    int (*scope)(struct sg_conn *c, const char *table, char *buf, size_t size,
                 struct sg_error *err);
    /* Tries the lock once, without waiting and without leaving a statement
     * open: 1 acquired, 0 held by someone else, -1 error (close the session:
     * the lock may have been granted just as the error fired). */
    int (*try_lock)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    int (*unlock)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    /* Describes the current holder ("pid 4242 (schemagate web-1 7) from
     * 10.0.0.5 for 12 s"); 0 with buf "" when unknown. */
    int (*lock_holder)(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                       struct sg_error *err);
    /* Still holding the lock on this same session? 1 yes, 0 no, -1 error. */
    int (*lock_held)(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err);
    /* Reads the ledger; a missing table gives exists = 0, not an error. */
    int (*ledger_read)(struct sg_conn *c, const char *table, struct sg_ledger *out,
                       struct sg_error *err);
    /* Creates the ledger table if missing. Called only under the lock. */
    int (*ledger_create)(struct sg_conn *c, const char *table, struct sg_error *err);
    /* Runs one step (see struct sg_step). SQL errors: code 65 with
     * "FILE:LINE[:COL]: message (SQLSTATE)". */
    int (*apply)(struct sg_conn *c, const char *table, const struct sg_step *s,
                 struct sg_error *err);
    int (*ledger_edit)(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                       const struct sg_migration *m, const char *version, const char *applied_by,
                       struct sg_error *err);
    /* Server-side session id (backend pid, connection id); -1 on error. */
    long long (*session_id)(struct sg_conn *c, struct sg_error *err);
    /* Cancels whatever the session is running. Async-signal-safe; may be NULL. */
    void (*interrupt)(struct sg_conn *c);
    /* Called once the lock is held, before anything is written: session
     * settings for migrating (timeouts) and refusals of environments that
     * break the lock (hot standby, Galera). Kept off the connect path so a
     * no-op start and a waiter's poll cost one connection and one query.
     * Optional. */
    int (*prepare)(struct sg_conn *c, struct sg_error *err);
    /* Reads another tool's history table (`adopt`): column `version` and,
     * with with_dirty, column `dirty` of `table` (a validated identifier)
     * into out (name/checksum empty). A missing table gives exists = 0.
     * Optional (NULL: adopt is not supported by this driver). */
    int (*read_versions)(struct sg_conn *c, const char *table, int with_dirty,
                         struct sg_ledger *out, struct sg_error *err);
};

/* The backends; each is defined only when compiled in (SG_HAVE_<NAME>). */
extern const struct sg_driver sg_driver_sqlite;
extern const struct sg_driver sg_driver_postgres;
extern const struct sg_driver sg_driver_mysql;

/* The registry: the driver whose schemes include `scheme`, or NULL. */
const struct sg_driver *sg_driver_find(const char *scheme);
/* Writes the compiled-in schemes, comma separated, for error messages. */
void sg_driver_schemes(char *buf, size_t size);

/* Opens a session with the driver for url->scheme (code 78 if none). */
struct sg_conn *sg_drv_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err);
static inline void sg_drv_close(struct sg_conn *c)
{
    if (c)
        c->driver->close(c);
}

#endif
