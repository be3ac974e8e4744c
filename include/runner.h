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
#include "migration.h"

struct sg_ctx {
    const struct sg_options *o;
    struct sg_url url;            /* parsed database URL (empty when none given) */
    int has_url;
    struct sg_migration_set set;  /* loaded before any connection */
    char applied_by[160];         /* "host:pid" */
    char app_name[160];           /* "schemagate host pid" */
};

/* The state of one version, as status reports it. */
enum sg_state { SG_STATE_APPLIED, SG_STATE_PENDING, SG_STATE_CHANGED, SG_STATE_MISSING,
                SG_STATE_DIRTY };

struct sg_plan_item {
    enum sg_state state;
    const struct sg_migration *m;    /* NULL for missing */
    const struct sg_ledger_row *row; /* NULL for pending */
};

struct sg_plan {
    struct sg_plan_item *v;
    size_t n;
    size_t pending, applied, changed, missing, dirty;
    const struct sg_plan_item *first_changed, *first_dirty;
};

/* Merges disk and ledger in version order. Borrowing: the plan points into
 * set and ledger, which must outlive it. */
int sg_plan_build(const struct sg_migration_set *set, const struct sg_ledger *l,
                  struct sg_plan *out, struct sg_error *err);
void sg_plan_free(struct sg_plan *p);
const char *sg_state_name(enum sg_state s);

/* Opens a session, retrying transient failures (refused, DNS, too many
 * connections, starting up) with jittered backoff for o->wait_for_db_ms. */
struct sg_conn *sg_session_open(struct sg_ctx *ctx, struct sg_error *err);

int sg_cmd_up(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_status(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_validate(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_new(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_wait(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_down(struct sg_ctx *ctx, long long n, struct sg_error *err);
int sg_cmd_repair(struct sg_ctx *ctx, struct sg_error *err);
int sg_cmd_baseline(struct sg_ctx *ctx, struct sg_error *err);
/* Runs o->program as a child under the lock; returns its exit status (>= 0),
 * or -1 with err set. */
int sg_cmd_lock(struct sg_ctx *ctx, struct sg_error *err);

#endif
