/* engine.h -- the order of operations that is the product: connect
 * (retrying while the database starts), take the lock (polling, fast path
 * re-checked on every poll), plan what is pending from the ledger read AFTER
 * the lock, apply (apply.h), release. One function per command that takes
 * the lock; status.h and supervise.h hold the others. The engine knows
 * nothing of the command line: main.c fills a struct sg_engine and passes
 * each command its typed arguments. */
#ifndef SG_ENGINE_H
#define SG_ENGINE_H

#include "config.h"
#include "driver.h"
#include "error.h"
#include "lease.h"
#include "ledger.h"
#include "lock.h"
#include "migration.h"

struct sg_engine {
    /* settings */
    const char *table; /* the ledger, a validated identifier */
    long long lock_timeout_ms; /* waiting for the migration lock; 0 = for ever */
    long long wait_for_db_ms; /* retry connecting for this long */
    long long ddl_lock_timeout_ms; /* table-lock wait inside migrations; 0 = none */
    long long statement_timeout_ms; /* 0 = none */
    long long ddl_retries;
    int has_lock_key; /* lock_key overrides the derived key */
    long long lock_key;
    enum sg_lock_mode lock_mode; /* --lock-mode */
    long long lease_ms; /* --lease */
    /* state */
    struct sg_url url; /* parsed database URL (empty when none given) */
    int has_url;
    struct sg_migration_set set; /* loaded before any connection */
    char applied_by[160]; /* "host:pid" */
    char app_name[160]; /* "schemagate host pid" */
    unsigned ledger_flags; /* SG_LEDGER_PROBE once a read found no ledger */
    int mode_decided; /* lock_mode resolved (auto: session or lease) */
    struct sg_lease *lease; /* the lease, once lease mode is decided */
};

/* Frees what the engine owns (url, set, lease). */
void sg_engine_free(struct sg_engine *e);

/* Opens a session, retrying transient failures (refused, DNS, too many
 * connections, starting up) with jittered backoff for e->wait_for_db_ms. */
struct sg_conn *sg_session_open(struct sg_engine *e, struct sg_error *err);
/* Ends the session (freeing its locks); *cp becomes NULL. */
void sg_session_close(struct sg_conn **cp);
/* Reads the ledger on c, remembering whether it exists for the next read. */
int sg_session_read(struct sg_engine *e, struct sg_conn *c, struct sg_ledger *l,
                    struct sg_error *err);
/* Resolves the lock mode for session c (auto: the session lock where it
 * covers the work, else a lease, saying why) and attaches the lease to c
 * in lease mode. --lock-mode=session where the session lock cannot cover
 * the work is 78. */
int sg_session_mode(struct sg_engine *e, struct sg_conn *c, struct sg_error *err);
/* After a failed command: when the lease was lost, says so (code 70). */
int sg_session_verdict(struct sg_engine *e, int rc, struct sg_error *err);
/* The lock of the ledger (name: a key of its own, for `lock --name`). */
int sg_session_lock_id(struct sg_engine *e, struct sg_conn *c, const char *name, struct sg_lock *lk,
                       struct sg_error *err);

/* Polls for the lock named `name` on a session opened as needed; 0 with
 * *cp holding it, -1 with err set (75 on timeout, 128+N on a signal). */
int sg_session_lock(struct sg_engine *e, struct sg_conn **cp, const char *name,
                    long long timeout_ms, struct sg_lock *lk, struct sg_error *err);
void sg_session_unlock(struct sg_conn *c, const struct sg_lock *lk);

/* up: apply everything pending (up to and including version `to` when not
 * NULL; canonical form). */
int sg_cmd_up(struct sg_engine *e, const char *to, struct sg_error *err);
/* down: roll back the last n applied migrations. */
int sg_cmd_down(struct sg_engine *e, long long n, struct sg_error *err);
/* repair: clear the dirty mark of `version`, recording it as applied or
 * forgetting it (so it runs again). */
int sg_cmd_repair(struct sg_engine *e, const char *version, int applied, struct sg_error *err);
/* baseline: record every migration up to `version` as applied without
 * running it. */
int sg_cmd_baseline(struct sg_engine *e, const char *version, struct sg_error *err);

enum sg_adopt_from { SG_ADOPT_GOLANG_MIGRATE, SG_ADOPT_DBMATE };
/* adopt: fill an empty ledger from another tool's schema_migrations. */
int sg_cmd_adopt(struct sg_engine *e, enum sg_adopt_from from, struct sg_error *err);

#endif
