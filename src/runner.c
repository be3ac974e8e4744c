/* runner.c -- the engine behind every command. The order of operations is
 * the product: read files, connect, fast path, lock, re-read the ledger
 * under the lock, verify, apply one migration per transaction, release.
 * Nothing read before the lock is ever acted upon. */
#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "lock.h"
#include "log.h"

#define HOLDER_LOG_EVERY_MS 10000

/* The errors that mean "not ready yet": worth waiting for. A driver leaves
 * sqlstate empty for network-level failures (refused, DNS, timeout). Auth
 * failures, unknown databases or an unopenable SQLite file are not worth it:
 * retrying them only delays the message. */
static int transient(const struct sg_error *e)
{
    static const char *const retry[] = {"08001", "08006", "53300", "57P01", "57P02",
                                        "57P03", "1040",  "1203",  "2002",  "2003",
                                        "2005",  "2006",  "2013",  NULL};

    if (e->code != SG_EX_UNAVAILABLE)
        return 0;
    if (e->sqlstate[0] == '\0')
        return 1;
    for (size_t i = 0; retry[i]; i++)
        if (strcmp(e->sqlstate, retry[i]) == 0)
            return 1;
    return 0;
}

struct sg_conn *sg_session_open(struct sg_ctx *ctx, struct sg_error *err)
{
    const struct sg_options *o = ctx->o;
    struct sg_connect_opts co = {
        .application_name = ctx->app_name,
        .statement_timeout_ms = o->statement_timeout_ms,
        .ddl_lock_timeout_ms = o->ddl_lock_timeout_ms,
    };
    long long start = sg_now_ms();
    unsigned attempt = 0;

    for (;;) {
        long long t0 = sg_now_ms();
        struct sg_conn *c;

        sg_error_clear(err);
        /* A session being opened holds nothing: a signal may end us there. */
        sg_signals_exit_while(1, "connecting");
        c = sg_drv_connect(&ctx->url, &co, err);
        sg_signals_exit_while(0, NULL);
        if (c) {
            sg_signals_watch(c);
            sg_log(SG_LOG_DEBUG, "connected",
                   SG_F(SG_S("url", ctx->url.redacted), SG_S("driver", c->driver->name),
                        SG_I("ms", sg_now_ms() - t0)),
                   "connected to %s in %lld ms", ctx->url.redacted, sg_now_ms() - t0);
            return c;
        }
        if (sg_signal_pending())
            return NULL;
        long long waited = sg_now_ms() - start;
        if (!transient(err) || waited >= o->wait_for_db_ms)
            return NULL;
        long long d = sg_backoff_ms(attempt++, 100, 2000);
        if (d > o->wait_for_db_ms - waited)
            d = o->wait_for_db_ms - waited;
        sg_log(SG_LOG_INFO, "connect_retry",
               SG_F(SG_S("error", err->msg), SG_I("attempt", attempt), SG_I("delay_ms", d)),
               "database not ready (%s); retrying in %lld ms", err->msg, d);
        if (sg_sleep_ms(d) < 0)
            return NULL;
    }
}

/* Ends a session (and with it every lock it holds). */
static void drop(struct sg_conn **cp)
{
    sg_signals_watch(NULL);
    sg_drv_close(*cp);
    *cp = NULL;
}

/* Everything on disk applied with matching checksums, nothing dirty? */
static int up_to_date(const struct sg_plan *p, const char *to)
{
    if (p->dirty || p->changed)
        return 0;
    if (!to)
        return p->pending == 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].state == SG_STATE_PENDING && sg_version_cmp(p->v[i].m->version, to) <= 0)
            return 0;
    return 1;
}

/* Refuses to go on from a ledger a human must look at first. */
static int verify(struct sg_ctx *ctx, const struct sg_plan *p, struct sg_error *err)
{
    if (p->first_dirty) {
        const struct sg_plan_item *it = p->first_dirty;
        return sg_error_set(err, SG_EX_DATA,
                            "migration %s (%s) is dirty: it failed or was interrupted after %lld "
                            "statement(s); inspect the database, then run 'schemagate repair %s "
                            "--applied' or '--not-applied'",
                            it->row->version, it->m ? it->m->file : it->row->name,
                            it->row->dirty_done, it->row->version);
    }
    if (p->first_changed) {
        const struct sg_plan_item *it = p->first_changed;
        return sg_error_set(err, SG_EX_DATA,
                            "%s was changed after it was applied (checksum %.12s, recorded "
                            "%.12s); restore it and add a new migration instead",
                            it->m->file, it->m->checksum, it->row->checksum);
    }
    (void)ctx;
    return 0;
}

static void log_ahead(const struct sg_plan *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].state == SG_STATE_MISSING)
            sg_log(SG_LOG_INFO, "database_ahead",
                   SG_F(SG_S("version", p->v[i].row->version), SG_S("name", p->v[i].row->name)),
                   "version %s (%s) is recorded but has no file here: the database is ahead "
                   "(rolling deploy)",
                   p->v[i].row->version, p->v[i].row->name);
}

/* Reads the ledger and builds the plan. */
static int read_plan(struct sg_ctx *ctx, struct sg_conn *c, struct sg_ledger *l, struct sg_plan *p,
                     struct sg_error *err)
{
    sg_ledger_free(l);
    sg_plan_free(p);
    if (c->driver->ledger_read(c, ctx->o->table, l, err) < 0)
        return -1;
    return sg_plan_build(&ctx->set, l, p, err);
}

static int make_lock(struct sg_ctx *ctx, struct sg_conn *c, const char *name, struct sg_lock *lk,
                     struct sg_error *err)
{
    char scope[512];

    if (ctx->o->has_lock_key && !name) {
        sg_lock_from_key(ctx->o->lock_key, lk);
        return 0;
    }
    if (c->driver->scope(c, ctx->o->table, scope, sizeof scope, err) < 0)
        return -1;
    if (name) {
        /* `lock --name`: a key of its own, never equal to up's. */
        char named[640];
        snprintf(named, sizeof named, "%s\nlock:%s", scope, name);
        sg_lock_derive(named, lk);
    } else {
        sg_lock_derive(scope, lk);
    }
    if (c->driver->caps & SG_CAP_NAMED_LOCK)
        snprintf(lk->desc, sizeof lk->desc, "%s", lk->name);
    return 0;
}

enum acquire_result { ACQ_ERROR = -1, ACQ_LOCKED = 0, ACQ_UP_TO_DATE = 1 };

/* A waiter holds nothing, so a session lost while it polls (server restart,
 * failover, terminated backend, network blip) is not fatal: close it (which
 * also drops a lock granted as the error fired), back off, and poll again on
 * a new session (sg_session_open waits up to --wait-for-db for the server).
 * 1 = poll again, 0 = not a lost session, -1 = stopped (err set). */
static int waiter_lost(struct sg_conn **cp, unsigned *attempt, long long start,
                       long long timeout_ms, struct sg_error *err)
{
    if (err->code != SG_EX_UNAVAILABLE || sg_signal_pending())
        return 0;
    drop(cp);
    if (timeout_ms > 0 && sg_now_ms() - start >= timeout_ms)
        return 0;
    long long d = sg_backoff_ms((*attempt)++, 50, 1000);
    sg_log(SG_LOG_INFO, "wait_session_lost", SG_F(SG_S("error", err->msg), SG_I("delay_ms", d)),
           "%s; polling again in %lld ms on a new session", err->msg, d);
    if (sg_sleep_ms(d) < 0) {
        sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                     "stopped by signal %d while waiting for the lock", sg_signal_pending());
        return -1;
    }
    return 1;
}

/* Polls for the lock. With fast_path, every poll first re-reads the ledger
 * and returns ACQ_UP_TO_DATE as soon as nothing is left to do, so waiters
 * start the app the moment the holder is done. Between polls a waiter holds
 * no connection: 200 replicas must not pin 200 server sessions. */
static enum acquire_result acquire(struct sg_ctx *ctx, struct sg_conn **cp, const char *name,
                                   int fast_path, long long timeout_ms, struct sg_lock *lk,
                                   struct sg_ledger *l, struct sg_plan *p, struct sg_error *err)
{
    long long start = sg_now_ms(), last_log = start;
    unsigned attempt = 0;

    for (;;) {
        struct sg_conn *c = *cp;
        if (!c && !(c = *cp = sg_session_open(ctx, err)))
            return ACQ_ERROR;
        if (fast_path) {
            if (read_plan(ctx, c, l, p, err) < 0) {
                int w = waiter_lost(cp, &attempt, start, timeout_ms, err);
                if (w > 0)
                    continue;
                return ACQ_ERROR;
            }
            if (l->exists && up_to_date(p, ctx->o->to_version)) {
                if (attempt > 0)
                    sg_log(SG_LOG_INFO, "lock_skipped",
                           SG_F(SG_I("waited_ms", sg_now_ms() - start)),
                           "another replica finished the migrations after %lld ms; not locking",
                           sg_now_ms() - start);
                return ACQ_UP_TO_DATE;
            }
            /* Before the lock a dirty row may be the holder's migration in
             * progress: only a changed file is final here. Dirty is judged
             * under the lock, where nobody else can be running. */
            if (p->first_changed && verify(ctx, p, err) < 0)
                return ACQ_ERROR;
        }
        if (attempt == 0 && make_lock(ctx, c, name, lk, err) < 0)
            return ACQ_ERROR;
        int r = c->driver->try_lock(c, lk, err);
        if (r < 0) {
            int w = waiter_lost(cp, &attempt, start, timeout_ms, err);
            if (w > 0)
                continue;
            /* The lock may have been granted as the error fired: end the session. */
            drop(cp);
            return ACQ_ERROR;
        }
        if (r == 1 && c->driver->prepare && c->driver->prepare(c, err) < 0) {
            drop(cp);
            return ACQ_ERROR;
        }
        if (r == 1) {
            sg_log(SG_LOG_INFO, "lock_acquired",
                   SG_F(SG_S("lock", lk->desc), SG_I("waited_ms", sg_now_ms() - start)),
                   "acquired lock %s after %lld ms", lk->desc, sg_now_ms() - start);
            return ACQ_LOCKED;
        }
        long long now = sg_now_ms();
        if (attempt == 0 || now - last_log >= HOLDER_LOG_EVERY_MS) {
            char holder[256] = "";
            struct sg_error herr = {0};
            if (c->driver->lock_holder)
                c->driver->lock_holder(c, lk, holder, sizeof holder, &herr);
            sg_log(SG_LOG_INFO, "lock_waiting",
                   SG_F(SG_S("lock", lk->desc), SG_S("holder", holder),
                        SG_I("waited_ms", now - start)),
                   "waiting for lock %s held by %s (%lld s so far)", lk->desc,
                   *holder ? holder : "another session", (now - start) / 1000);
            if (attempt > 0)
                last_log = now;
        }
        if (timeout_ms > 0 && now - start >= timeout_ms)
            return sg_error_set(err, SG_EX_TEMPFAIL,
                                "lock %s not acquired within %lld ms (timeout)", lk->desc,
                                timeout_ms),
                   ACQ_ERROR;
        drop(cp);
        long long d = sg_backoff_ms(attempt++, 50, 1000);
        if (timeout_ms > 0 && d > timeout_ms - (now - start))
            d = timeout_ms - (now - start);
        if (sg_sleep_ms(d) < 0)
            return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                                "stopped by signal %d while waiting for the lock",
                                sg_signal_pending()),
                   ACQ_ERROR;
    }
}

static void release(struct sg_conn *c, const struct sg_lock *lk)
{
    struct sg_error e = {0};

    if (c->driver->unlock(c, lk, &e) < 0)
        sg_log(SG_LOG_WARN, "unlock_failed", SG_F(SG_S("error", e.msg)),
               "unable to release lock %s: %s (closing the session releases it)", lk->desc, e.msg);
}

/* Applies one step, retrying table-lock timeouts (code 75) with backoff. */
static int apply_step(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_step *st,
                      struct sg_error *err)
{
    for (long long attempt = 0;; attempt++) {
        sg_error_clear(err);
        if (c->driver->apply(c, ctx->o->table, st, err) == 0)
            return 0;
        if (sg_signal_pending() && err->code < SG_EX_SIGNAL_BASE)
            return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                                "stopped by signal %d while applying %s; rolled back",
                                sg_signal_pending(), st->m->file);
        if (sg_signal_pending())
            return -1; /* the driver said what state it left (dirty, rolled back) */
        if (err->code != SG_EX_TEMPFAIL)
            return -1;
        if (attempt >= ctx->o->ddl_retries)
            return sg_error_prefix(err, "gave up after %lld attempt(s), safe to retry later",
                                   attempt + 1);
        long long d = sg_backoff_ms((unsigned)attempt, 500, 10000);
        sg_log(SG_LOG_WARN, "ddl_retry",
               SG_F(SG_S("version", st->m->version), SG_S("error", err->msg),
                    SG_I("attempt", attempt + 1), SG_I("delay_ms", d)),
               "%s; retrying in %lld ms (%lld of %lld)", err->msg, d, attempt + 1,
               ctx->o->ddl_retries);
        if (sg_sleep_ms(d) < 0)
            return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                                "stopped by signal %d", sg_signal_pending());
    }
}

static int check_session(struct sg_conn *c, long long sid, struct sg_error *err)
{
    if (!(c->driver->caps & SG_CAP_LOCK_SESSION_ID))
        return 0;
    long long now = c->driver->session_id(c, err);
    if (now < 0)
        return -1;
    if (now != sid)
        return sg_error_set(err, SG_EX_CONFIG,
                            "the database session changed under us (%lld, then %lld): a "
                            "transaction-pooling proxy such as PgBouncer breaks session locks; "
                            "use a direct database URL for schemagate",
                            sid, now);
    return 0;
}

static int run_up(struct sg_ctx *ctx, struct sg_conn **cp, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    struct sg_lock lk;
    int rc = -1;
    long long t0 = sg_now_ms(), sid = 0;
    size_t napplied = 0;

    enum acquire_result a = acquire(ctx, cp, NULL, 1, ctx->o->lock_timeout_ms, &lk, &l, &p, err);
    struct sg_conn *c = *cp;
    if (a == ACQ_ERROR)
        goto out;
    if (a == ACQ_UP_TO_DATE) {
        log_ahead(&p);
        sg_log(SG_LOG_INFO, "up_to_date", SG_F(SG_I("applied", p.applied)),
               "nothing to do: %zu migration(s) applied", p.applied);
        rc = 0;
        goto out;
    }
    if ((c->driver->caps & SG_CAP_LOCK_SESSION_ID) && (sid = c->driver->session_id(c, err)) < 0)
        goto out_locked;
    /* The ledger is created under the lock, never before it (flyway#1014). */
    if (c->driver->ledger_create(c, ctx->o->table, err) < 0)
        goto out_locked;
    if (read_plan(ctx, c, &l, &p, err) < 0 || verify(ctx, &p, err) < 0)
        goto out_locked;
    log_ahead(&p);
    const char *max_applied = NULL;
    for (size_t i = 0; i < p.n; i++)
        if (p.v[i].state != SG_STATE_PENDING)
            max_applied = p.v[i].row->version;
    for (size_t i = 0; i < p.n; i++) {
        const struct sg_migration *m = p.v[i].m;
        if (p.v[i].state != SG_STATE_PENDING)
            continue;
        if (ctx->o->to_version && sg_version_cmp(m->version, ctx->o->to_version) > 0)
            break;
        if (max_applied && sg_version_cmp(m->version, max_applied) < 0)
            sg_log(SG_LOG_WARN, "out_of_order", SG_F(SG_S("version", m->version)),
                   "applying %s out of order: version %s is already applied", m->file, max_applied);
        struct sg_step st = {
            .m = m,
            .applied_by = ctx->applied_by,
            .lock_timeout_ms =
                m->lock_timeout_ms >= 0 ? m->lock_timeout_ms : ctx->o->ddl_lock_timeout_ms,
        };
        long long ts = sg_now_ms();
        sg_log(SG_LOG_INFO, "applying",
               SG_F(SG_S("version", m->version), SG_S("name", m->name), SG_S("file", m->file)),
               "applying %s%s", m->file, m->no_transaction ? " (without a transaction)" : "");
        if (apply_step(ctx, c, &st, err) < 0)
            goto out_locked;
        sg_log(
            SG_LOG_INFO, "applied",
            SG_F(SG_S("version", m->version), SG_S("name", m->name), SG_I("ms", sg_now_ms() - ts)),
            "applied %s in %lld ms", m->file, sg_now_ms() - ts);
        napplied++;
    }
    if (check_session(c, sid, err) < 0)
        goto out_locked;
    int held = c->driver->lock_held(c, &lk, err);
    if (held < 0)
        goto out_locked;
    if (!held) {
        /* A migration ran DISCARD ALL / RELEASE_ALL_LOCKS, or the session was replaced. */
        sg_error_set(err, SG_EX_SOFTWARE,
                     "lock %s was lost while migrating (did a migration release it?)", lk.desc);
        goto out_locked;
    }
    sg_log(SG_LOG_INFO, "up_done", SG_F(SG_I("applied", napplied), SG_I("ms", sg_now_ms() - t0)),
           "applied %zu migration(s) in %lld ms", napplied, sg_now_ms() - t0);
    rc = 0;
out_locked:
    if (c && rc == 0)
        release(c, &lk);
    /* On failure the session is closed by the caller, which frees the lock. */
out:
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return rc;
}

int sg_cmd_up(struct sg_ctx *ctx, struct sg_error *err)
{
    struct sg_conn *c = NULL;
    int rc = run_up(ctx, &c, err);

    drop(&c);
    return rc;
}

/* Runs fn under the lock with a freshly read, verified-by-fn plan. */
typedef int (*locked_fn)(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_plan *p, void *arg,
                         struct sg_error *err);

static int with_lock(struct sg_ctx *ctx, locked_fn fn, void *arg, struct sg_error *err)
{
    struct sg_conn *c = NULL;
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    struct sg_lock lk;
    int rc = -1;

    if (acquire(ctx, &c, NULL, 0, ctx->o->lock_timeout_ms, &lk, &l, &p, err) != ACQ_LOCKED)
        goto out;
    if (c->driver->ledger_create(c, ctx->o->table, err) < 0 || read_plan(ctx, c, &l, &p, err) < 0)
        goto out;
    rc = fn(ctx, c, &p, arg, err);
    if (rc == 0)
        release(c, &lk);
out:
    drop(&c);
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return rc;
}

static int do_down(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_plan *p, void *arg,
                   struct sg_error *err)
{
    long long n = *(long long *)arg, done = 0;

    if (p->first_dirty || p->first_changed)
        return verify(ctx, p, err);
    /* Check every step first: refuse before rolling anything back. */
    for (size_t i = p->n, k = 0; i-- > 0 && (long long)k < n;) {
        const struct sg_plan_item *it = &p->v[i];
        if (it->state == SG_STATE_PENDING)
            continue;
        if (it->state == SG_STATE_MISSING)
            return sg_error_set(err, SG_EX_DATA,
                                "version %s (%s) is recorded but its file is missing: cannot roll "
                                "it back",
                                it->row->version, it->row->name);
        if (!it->m->down.sql)
            return sg_error_set(err, SG_EX_DATA, "%s has no down section: cannot roll it back",
                                it->m->file);
        k++;
    }
    for (size_t i = p->n; i-- > 0 && done < n;) {
        const struct sg_plan_item *it = &p->v[i];
        if (it->state == SG_STATE_PENDING)
            continue;
        struct sg_step st = {.m = it->m,
                             .down = 1,
                             .applied_by = ctx->applied_by,
                             .lock_timeout_ms = ctx->o->ddl_lock_timeout_ms};
        long long t0 = sg_now_ms();
        sg_log(SG_LOG_INFO, "rolling_back", SG_F(SG_S("version", it->m->version)),
               "rolling back %s", it->m->file);
        if (apply_step(ctx, c, &st, err) < 0)
            return -1;
        sg_log(SG_LOG_INFO, "rolled_back",
               SG_F(SG_S("version", it->m->version), SG_I("ms", sg_now_ms() - t0)),
               "rolled back %s in %lld ms", it->m->file, sg_now_ms() - t0);
        done++;
    }
    if (done == 0)
        sg_log(SG_LOG_INFO, "nothing_to_roll_back", SG_NOFIELDS,
               "no applied migration to roll back");
    return 0;
}

int sg_cmd_down(struct sg_ctx *ctx, long long n, struct sg_error *err)
{
    return with_lock(ctx, do_down, &n, err);
}

static int do_repair(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_plan *p, void *arg,
                     struct sg_error *err)
{
    const char *version = arg;

    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        const char *v = it->m ? it->m->version : it->row->version;
        if (strcmp(v, version) != 0)
            continue;
        if (it->state != SG_STATE_DIRTY)
            return sg_error_set(err, SG_EX_DATA, "version %s is %s, not dirty: nothing to repair",
                                version, sg_state_name(it->state));
        enum sg_ledger_op op = ctx->o->repair_applied ? SG_LEDGER_CLEAN : SG_LEDGER_DELETE;
        if (c->driver->ledger_edit(c, ctx->o->table, op, it->m, version, ctx->applied_by, err) < 0)
            return -1;
        sg_log(SG_LOG_INFO, "repaired",
               SG_F(SG_S("version", version),
                    SG_S("as", ctx->o->repair_applied ? "applied" : "not-applied")),
               "version %s recorded as %s", version,
               ctx->o->repair_applied ? "applied" : "not applied (it will run again)");
        return 0;
    }
    return sg_error_set(err, SG_EX_DATA, "version %s is not in the ledger", version);
}

int sg_cmd_repair(struct sg_ctx *ctx, struct sg_error *err)
{
    char v[SG_VERSION_MAX + 1];

    if (!ctx->o->arg || sg_version_canon(ctx->o->arg, v) < 0)
        return sg_error_set(err, SG_EX_USAGE, "repair needs a VERSION (1 to 20 digits)");
    if (ctx->o->repair_applied < 0)
        return sg_error_set(err, SG_EX_USAGE, "repair needs --applied or --not-applied");
    return with_lock(ctx, do_repair, v, err);
}

static int do_baseline(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_plan *p, void *arg,
                       struct sg_error *err)
{
    const char *to = arg;
    size_t n = 0;

    if (p->first_dirty || p->first_changed)
        return verify(ctx, p, err);
    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        if (it->state != SG_STATE_PENDING || sg_version_cmp(it->m->version, to) > 0)
            continue;
        if (c->driver->ledger_edit(c, ctx->o->table, SG_LEDGER_INSERT, it->m, it->m->version,
                                   ctx->applied_by, err) < 0)
            return -1;
        n++;
    }
    sg_log(SG_LOG_INFO, "baselined", SG_F(SG_S("version", to), SG_I("recorded", n)),
           "recorded %zu migration(s) up to %s as applied without running them", n, to);
    return 0;
}

int sg_cmd_baseline(struct sg_ctx *ctx, struct sg_error *err)
{
    char v[SG_VERSION_MAX + 1];

    if (!ctx->o->arg || sg_version_canon(ctx->o->arg, v) < 0)
        return sg_error_set(err, SG_EX_USAGE, "baseline needs a VERSION (1 to 20 digits)");
    return with_lock(ctx, do_baseline, v, err);
}

int sg_session_lock(struct sg_ctx *ctx, struct sg_conn **cp, const char *name, long long timeout_ms,
                    struct sg_lock *lk, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    enum acquire_result a = acquire(ctx, cp, name, 0, timeout_ms, lk, &l, &p, err);

    sg_plan_free(&p);
    sg_ledger_free(&l);
    return a == ACQ_LOCKED ? 0 : -1;
}

void sg_session_unlock(struct sg_conn *c, const struct sg_lock *lk)
{
    release(c, lk);
}

void sg_session_close(struct sg_conn **cp)
{
    drop(cp);
}

/* adopt: import another tool's history so a team switches with no re-run. */
static int do_adopt(struct sg_ctx *ctx, struct sg_conn *c, const struct sg_plan *p, void *arg,
                    struct sg_error *err)
{
    const char *from = arg;
    int golang = strcmp(from, "golang-migrate") == 0;
    struct sg_ledger foreign = {0};
    size_t n = 0;
    int rc = -1;

    if (p->n != p->pending)
        return sg_error_set(err, SG_EX_DATA,
                            "the ledger %s already records migrations: adopt only fills an empty "
                            "ledger",
                            ctx->o->table);
    if (!c->driver->read_versions)
        return sg_error_set(err, SG_EX_CONFIG, "adopt is not supported by the %s driver",
                            c->driver->name);
    if (c->driver->read_versions(c, "schema_migrations", golang, &foreign, err) < 0)
        return -1;
    if (!foreign.exists) {
        rc = sg_error_set(err, SG_EX_DATA, "no schema_migrations table to adopt from %s", from);
        goto out;
    }
    /* Canonicalise: golang-migrate stores a bigint, dbmate a string of digits. */
    for (size_t i = 0; i < foreign.n; i++) {
        char v[SG_VERSION_MAX + 1];
        if (sg_version_canon(foreign.v[i].version, v) < 0) {
            rc = sg_error_set(err, SG_EX_DATA,
                              "schema_migrations holds version '%.30s', not 1 to "
                              "20 digits",
                              foreign.v[i].version);
            goto out;
        }
        memcpy(foreign.v[i].version, v, sizeof v);
    }
    sg_ledger_sort(&foreign);
    if (golang) {
        if (foreign.n != 1) {
            rc = sg_error_set(err, SG_EX_DATA,
                              "a golang-migrate schema_migrations table holds one "
                              "row; this one holds %zu",
                              foreign.n);
            goto out;
        }
        if (foreign.v[0].dirty) {
            rc = sg_error_set(err, SG_EX_DATA,
                              "golang-migrate left version %s dirty: fix it with `migrate force` "
                              "first",
                              foreign.v[0].version);
            goto out;
        }
        /* golang-migrate keeps only the current version: everything up to it ran. */
        for (size_t i = 0; i < ctx->set.n; i++) {
            const struct sg_migration *m = &ctx->set.v[i];
            if (sg_version_cmp(m->version, foreign.v[0].version) > 0)
                break;
            if (c->driver->ledger_edit(c, ctx->o->table, SG_LEDGER_INSERT, m, m->version,
                                       ctx->applied_by, err) < 0)
                goto out;
            n++;
        }
    } else {
        for (size_t i = 0, j = 0; i < foreign.n; i++) {
            while (j < ctx->set.n &&
                   sg_version_cmp(ctx->set.v[j].version, foreign.v[i].version) < 0)
                j++;
            const struct sg_migration *m =
                j < ctx->set.n && strcmp(ctx->set.v[j].version, foreign.v[i].version) == 0
                    ? &ctx->set.v[j]
                    : NULL;
            if (!m)
                sg_log(SG_LOG_WARN, "adopt_without_file",
                       SG_F(SG_S("version", foreign.v[i].version)),
                       "version %s is recorded by dbmate but has no file here; recorded as missing",
                       foreign.v[i].version);
            if (c->driver->ledger_edit(c, ctx->o->table, SG_LEDGER_INSERT, m, foreign.v[i].version,
                                       ctx->applied_by, err) < 0)
                goto out;
            n++;
        }
    }
    sg_log(SG_LOG_INFO, "adopted", SG_F(SG_S("from", from), SG_I("recorded", n)),
           "recorded %zu migration(s) from %s's schema_migrations as applied", n, from);
    rc = 0;
out:
    sg_ledger_free(&foreign);
    return rc;
}

int sg_cmd_adopt(struct sg_ctx *ctx, struct sg_error *err)
{
    const char *from = ctx->o->adopt_from;

    if (!from || (strcmp(from, "golang-migrate") != 0 && strcmp(from, "dbmate") != 0))
        return sg_error_set(err, SG_EX_USAGE, "adopt needs --from=golang-migrate or --from=dbmate");
    return with_lock(ctx, do_adopt, (void *)from, err);
}
