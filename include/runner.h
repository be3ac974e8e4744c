/* runner.h -- the engine: connect (retrying while the database starts),
 * take the lock (polling, fast path re-checked on every poll), plan what is
 * pending from the ledger read AFTER the lock, apply, release. Each command
 * of the CLI is one function here; main.c only parses, dispatches, execs. */
#ifndef SG_RUNNER_H
#define SG_RUNNER_H

#include "cli.h"
#include "config.h"
#include "driver.h"
#include "error.h"
#include "ledger.h"
#include "migration.h"

struct sg_ctx {
    const struct sg_options *o;
    struct sg_url url; /* parsed database URL (empty when none given) */
    int has_url;
    struct sg_migration_set set; /* loaded before any connection */
    char applied_by[160]; /* "host:pid" */
    char app_name[160]; /* "schemagate host pid" */
};

/* Opens a session, retrying transient failures (refused, DNS, too many
 * connections, starting up) with jittered backoff for o->wait_for_db_ms. */
struct sg_conn *sg_session_open(struct sg_ctx *ctx, struct sg_error *err);

/* Polls for the lock (named: a key of its own; NULL: up's key) on a session
 * opened as needed; 0 with *cp holding it, -1 with err set (75 on timeout,
 * 128+N on a signal). */
int sg_session_lock(struct sg_ctx *ctx, struct sg_conn **cp, const char *name, long long timeout_ms,
                    struct sg_lock *lk, struct sg_error *err);
void sg_session_unlock(struct sg_conn *c, const struct sg_lock *lk);
/* Ends the session (freeing its locks); *cp becomes NULL. */
void sg_session_close(struct sg_conn **cp);

int sg_cmd_up(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_status(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_validate(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_new(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_wait(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_down(struct sg_ctx *ctx, long long n, struct sg_error *err);
int sg_cmd_repair(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_baseline(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_adopt(struct sg_ctx *ctx, struct sg_error *err);
/* Runs o->program as a child under the lock; returns its exit status (>= 0),
 * or -1 with err set. */
int sg_cmd_lock(struct sg_ctx *ctx, struct sg_error *err);

#endif
