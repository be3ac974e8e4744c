/* engine.c -- the engine behind every command that takes the lock. The
 * order of operations is the product: read files, connect, fast path, lock,
 * re-read the ledger under the lock, verify, apply (apply.c), release.
 * Nothing read before the lock is ever acted upon. */
#include "engine.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "apply.h"
#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "lock.h"
#include "log.h"
#include "record.h"

#define HOLDER_LOG_EVERY_MS 10000

void sg_engine_free(struct sg_engine *e)
{
    sg_lease_free(e->lease, NULL);
    e->lease = NULL;
    sg_migrations_free(&e->set);
    sg_url_free(&e->url);
}

/* Every session's stop callback: a signal, or a lease found lost. */
static int stop_requested(void)
{
    return sg_signal_pending() || sg_lease_lost_any();
}

static const char *const mode_names[] = {"auto", "session", "lease"};

int sg_session_mode(struct sg_engine *e, struct sg_conn *c, struct sg_error *err)
{
    char why[256] = "";

    if (!e->mode_decided) {
        int ok = 1;
        if (e->lock_mode != SG_LOCK_LEASE && c->driver->session_lock_ok &&
            (ok = c->driver->session_lock_ok(c, e->lock_mode == SG_LOCK_SESSION, why, sizeof why,
                                             err)) < 0)
            return -1;
        /* 2: a proxy in front, which may or may not keep sessions; an
         * explicit session mode goes on, and the driver's checks refuse a
         * transaction pooler before anything is written. */
        if (ok == 2 && e->lock_mode == SG_LOCK_SESSION)
            ok = 1;
        if (!ok && e->lock_mode == SG_LOCK_SESSION)
            return sg_error_set(err, SG_EX_CONFIG,
                                "%s; --lock-mode=session cannot work here: use --lock-mode=lease "
                                "(or auto), or a direct URL to the server",
                                why);
        if (ok != 1 || e->lock_mode == SG_LOCK_LEASE) {
            if (!c->driver->clock_ms_sql)
                return sg_error_set(err, SG_EX_CONFIG,
                                    "--lock-mode=lease is not available for %s: its lock is "
                                    "the file's own",
                                    c->driver->name);
            struct sg_connect_opts o = {.application_name = e->app_name, .stop = stop_requested};
            if (!(e->lease = sg_lease_new(e->table, e->lease_ms, e->app_name, &e->url, &o)))
                return sg_error_set(err, SG_EX_OSERR, "out of memory");
            sg_log(SG_LOG_INFO, "lock_mode",
                   SG_F(SG_S("mode", "lease"), SG_S("requested", mode_names[e->lock_mode]),
                        SG_S("reason", *why ? why : "--lock-mode=lease")),
                   "using a lease lock (%lld ms)%s%s",
                   e->lease_ms > 0 ? e->lease_ms : SG_LEASE_DEFAULT_MS, *why ? ": " : "", why);
        }
        e->mode_decided = 1;
    }
    c->lease = e->lease;
    if (e->lease)
        c->idle_txn_ms = e->lease_ms > 0 ? e->lease_ms : SG_LEASE_DEFAULT_MS;
    return 0;
}

int sg_session_verdict(struct sg_engine *e, int rc, struct sg_error *err)
{
    char why[300];

    if (rc >= 0 || !e->lease)
        return rc;
    /* The heartbeat saw it, or a fence did (a holder resumed after a stall
     * finds its fence failing before its heartbeat has run). */
    if (!sg_lease_lost(e->lease, why, sizeof why)) {
        if (!strstr(err->msg, SG_LEASE_LOST_MSG))
            return rc;
        snprintf(why, sizeof why, "a transaction's fence found it expired or taken over");
    }
    err->code = SG_EX_SOFTWARE;
    return sg_error_prefix(err, "lease lost (%s)", why);
}

struct sg_conn *sg_session_open(struct sg_engine *e, struct sg_error *err)
{
    struct sg_connect_opts co = {.application_name = e->app_name,
                                 .lock_wait_ms = e->ddl_lock_timeout_ms,
                                 .stop = stop_requested};
    const struct sg_driver *d = sg_driver_find(e->url.scheme);
    long long start = sg_now_ms();
    unsigned attempt = 0;

    for (;;) {
        long long t0 = sg_now_ms();
        struct sg_conn *c;

        sg_error_clear(err);
        /* A session being opened holds nothing: a signal may end us there. */
        sg_signals_exit_while(1, "connecting");
        c = sg_drv_connect(&e->url, &co, err);
        sg_signals_exit_while(0, NULL);
        if (c) {
            sg_signals_watch(c);
            sg_log(SG_LOG_DEBUG, "connected",
                   SG_F(SG_S("url", e->url.redacted), SG_S("driver", c->driver->name),
                        SG_I("ms", sg_now_ms() - t0)),
                   "connected to %s in %lld ms", e->url.redacted, sg_now_ms() - t0);
            return c;
        }
        if (sg_signal_pending())
            return NULL;
        long long waited = sg_now_ms() - start;
        if (!d || !d->transient || !d->transient(err) || waited >= e->wait_for_db_ms)
            return NULL;
        long long delay = sg_backoff_ms(attempt++, 100, 2000);
        if (delay > e->wait_for_db_ms - waited)
            delay = e->wait_for_db_ms - waited;
        sg_log(SG_LOG_INFO, "connect_retry",
               SG_F(SG_S("error", err->msg), SG_I("attempt", attempt), SG_I("delay_ms", delay)),
               "database not ready (%s); retrying in %lld ms", err->msg, delay);
        if (sg_sleep_ms(delay) < 0)
            return NULL;
    }
}

/* Ends a session (and with it every lock it holds). */
static void drop(struct sg_conn **cp)
{
    struct sg_error ignored = {0};

    /* A lease outlives the session: give it back (a session lock goes
     * with the session). */
    if (*cp && (*cp)->lease && !sg_lease_lost((*cp)->lease, NULL, 0))
        (void)sg_lock_release(*cp, NULL, &ignored);
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
static int verify(const struct sg_plan *p, struct sg_error *err)
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

int sg_session_read(struct sg_engine *e, struct sg_conn *c, struct sg_ledger *l,
                    struct sg_error *err)
{
    if (sg_ledger_read(c, e->table, e->ledger_flags, l, err) < 0)
        return -1;
    /* A process polling a database nobody has migrated yet checks cheaply
     * for the ledger from now on (no error per poll in the server's log). */
    e->ledger_flags = l->exists ? 0 : SG_LEDGER_PROBE;
    return 0;
}

/* Reads the ledger and builds the plan. */
static int read_plan(struct sg_engine *e, struct sg_conn *c, struct sg_ledger *l, struct sg_plan *p,
                     struct sg_error *err)
{
    sg_ledger_free(l);
    sg_plan_free(p);
    if (sg_session_read(e, c, l, err) < 0)
        return -1;
    return sg_plan_build(&e->set, l, p, err);
}

int sg_session_lock_id(struct sg_engine *e, struct sg_conn *c, const char *name, struct sg_lock *lk,
                       struct sg_error *err)
{
    char scope[512];

    if (e->has_lock_key && !name) {
        sg_lock_from_key(e->lock_key, lk);
        return 0;
    }
    if (sg_drv_scope(c, e->table, scope, sizeof scope, err) < 0)
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
    if (timeout_ms > 0 && sg_now_ms() - start >= timeout_ms) {
        /* The wait timed out, whatever ended its last poll: retryable. */
        err->code = SG_EX_TEMPFAIL;
        sg_error_prefix(err, "lock not acquired within %lld ms (--lock-timeout); last poll",
                        timeout_ms);
        return -1;
    }
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
static enum acquire_result acquire(struct sg_engine *e, struct sg_conn **cp, const char *name,
                                   const char *to, int fast_path, long long timeout_ms,
                                   struct sg_lock *lk, struct sg_ledger *l, struct sg_plan *p,
                                   struct sg_error *err)
{
    long long start = sg_now_ms(), last_log = start;
    unsigned attempt = 0;

    for (;;) {
        struct sg_conn *c = *cp;
        if (!c && !(c = *cp = sg_session_open(e, err)))
            return ACQ_ERROR;
        if (fast_path) {
            if (read_plan(e, c, l, p, err) < 0) {
                int w = waiter_lost(cp, &attempt, start, timeout_ms, err);
                if (w > 0)
                    continue;
                return ACQ_ERROR;
            }
            if (l->exists && up_to_date(p, to)) {
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
            if (p->first_changed && verify(p, err) < 0)
                return ACQ_ERROR;
        }
        if (sg_session_mode(e, c, err) < 0)
            return ACQ_ERROR;
        if (attempt == 0 && sg_session_lock_id(e, c, name, lk, err) < 0)
            return ACQ_ERROR;
        int r = sg_lock_try(c, lk, err);
        if (r < 0) {
            int w = waiter_lost(cp, &attempt, start, timeout_ms, err);
            if (w > 0)
                continue;
            /* The lock may have been granted as the error fired: end the session. */
            drop(cp);
            return ACQ_ERROR;
        }
        if (r == 1 && sg_drv_prepare(c, err) < 0) {
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
            char holder[256];
            sg_lock_holder(c, lk, holder, sizeof holder);
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

    if (sg_lock_release(c, lk, &e) < 0)
        sg_log(SG_LOG_WARN, "unlock_failed", SG_F(SG_S("error", e.msg)),
               "unable to release lock %s: %s (closing the session releases it)", lk->desc, e.msg);
}

static struct sg_apply_opts apply_opts(const struct sg_engine *e)
{
    struct sg_apply_opts o = {
        .table = e->table,
        .applied_by = e->applied_by,
        .lock_timeout_ms = e->ddl_lock_timeout_ms,
        .statement_timeout_ms = e->statement_timeout_ms,
        .retries = e->ddl_retries,
    };
    return o;
}

/* The lock is held and c is the session holding it: is it still ours?
 * (A migration may run DISCARD ALL / RELEASE_ALL_LOCKS, or a pooler may
 * have moved the session.) */
static int still_held(struct sg_conn *c, const struct sg_lock *lk, struct sg_error *err)
{
    int held = sg_lock_held(c, lk, err);

    if (held < 0)
        return -1;
    if (!held)
        return sg_error_set(err, SG_EX_SOFTWARE,
                            "lock %s was lost while migrating (did a migration release it?)",
                            lk->desc);
    return 0;
}

static int run_up(struct sg_engine *e, const char *to, struct sg_conn **cp, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    struct sg_lock lk;
    struct sg_apply_opts ao = apply_opts(e);
    int rc = -1;
    long long t0 = sg_now_ms();
    size_t napplied = 0;

    enum acquire_result a = acquire(e, cp, NULL, to, 1, e->lock_timeout_ms, &lk, &l, &p, err);
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
    /* The ledger is created under the lock, never before it (flyway#1014). */
    if (sg_ledger_create(c, e->table, err) < 0)
        goto out;
    if (read_plan(e, c, &l, &p, err) < 0 || verify(&p, err) < 0)
        goto out;
    log_ahead(&p);
    /* Judge every pending file before applying any: a bad one found later
     * would leave the set half applied. validate runs the same check. */
    for (size_t i = 0; i < p.n; i++)
        if (p.v[i].state == SG_STATE_PENDING &&
            !(to && sg_version_cmp(p.v[i].m->version, to) > 0) &&
            sg_apply_check(p.v[i].m, 0, c->driver->dialect, c->split_flags, err) < 0)
            goto out;
    const char *max_applied = NULL;
    for (size_t i = 0; i < p.n; i++)
        if (p.v[i].state != SG_STATE_PENDING)
            max_applied = p.v[i].row->version;
    for (size_t i = 0; i < p.n; i++) {
        const struct sg_migration *m = p.v[i].m;
        if (p.v[i].state != SG_STATE_PENDING)
            continue;
        if (to && sg_version_cmp(m->version, to) > 0)
            break;
        if (max_applied && sg_version_cmp(m->version, max_applied) < 0)
            sg_log(SG_LOG_WARN, "out_of_order", SG_F(SG_S("version", m->version)),
                   "applying %s out of order: version %s is already applied", m->file, max_applied);
        long long ts = sg_now_ms();
        sg_log(SG_LOG_INFO, "applying",
               SG_F(SG_S("version", m->version), SG_S("name", m->name), SG_S("file", m->file)),
               "applying %s%s", m->file, m->up.no_transaction ? " (without a transaction)" : "");
        if (sg_apply(c, &ao, m, 0, err) < 0)
            goto out;
        sg_log(
            SG_LOG_INFO, "applied",
            SG_F(SG_S("version", m->version), SG_S("name", m->name), SG_I("ms", sg_now_ms() - ts)),
            "applied %s in %lld ms", m->file, sg_now_ms() - ts);
        napplied++;
    }
    if (still_held(c, &lk, err) < 0)
        goto out;
    sg_log(SG_LOG_INFO, "up_done", SG_F(SG_I("applied", napplied), SG_I("ms", sg_now_ms() - t0)),
           "applied %zu migration(s) in %lld ms", napplied, sg_now_ms() - t0);
    release(c, &lk);
    rc = 0;
    /* On failure the session is closed by the caller, which frees the lock. */
out:
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return rc;
}

int sg_cmd_up(struct sg_engine *e, const char *to, struct sg_error *err)
{
    struct sg_conn *c = NULL;
    int rc = sg_session_verdict(e, run_up(e, to, &c, err), err);

    drop(&c);
    return rc;
}

/* Runs fn under the lock with a freshly read plan. */
typedef int (*locked_fn)(struct sg_engine *e, struct sg_conn *c, const struct sg_plan *p,
                         const void *arg, struct sg_error *err);

static int with_lock(struct sg_engine *e, locked_fn fn, const void *arg, struct sg_error *err)
{
    struct sg_conn *c = NULL;
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    struct sg_lock lk;
    int rc = -1;

    if (acquire(e, &c, NULL, NULL, 0, e->lock_timeout_ms, &lk, &l, &p, err) != ACQ_LOCKED)
        goto out;
    if (sg_ledger_create(c, e->table, err) < 0 || read_plan(e, c, &l, &p, err) < 0)
        goto out;
    rc = fn(e, c, &p, arg, err);
    if (rc == 0)
        rc = still_held(c, &lk, err);
    if (rc == 0)
        release(c, &lk);
out:
    rc = sg_session_verdict(e, rc, err);
    drop(&c);
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return rc;
}

static int do_down(struct sg_engine *e, struct sg_conn *c, const struct sg_plan *p, const void *arg,
                   struct sg_error *err)
{
    long long n = *(const long long *)arg, done = 0;
    struct sg_apply_opts ao = apply_opts(e);

    if (p->first_dirty || p->first_changed)
        return verify(p, err);
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
        long long t0 = sg_now_ms();
        sg_log(SG_LOG_INFO, "rolling_back", SG_F(SG_S("version", it->m->version)),
               "rolling back %s", it->m->file);
        if (sg_apply(c, &ao, it->m, 1, err) < 0)
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

int sg_cmd_down(struct sg_engine *e, long long n, struct sg_error *err)
{
    return with_lock(e, do_down, &n, err);
}

/* A ledger row for migration m (or for a version without a file). */
static void row_for(const struct sg_engine *e, const struct sg_migration *m, const char *version,
                    struct sg_ledger_row *row)
{
    memset(row, 0, sizeof *row);
    snprintf(row->version, sizeof row->version, "%s", version);
    snprintf(row->checksum, sizeof row->checksum, "%s", m ? m->checksum : "");
    row->name = m ? m->name : (char *)"";
    row->applied_by = (char *)e->applied_by;
}

struct repair_arg {
    const char *version;
    int applied;
};

static int do_repair(struct sg_engine *e, struct sg_conn *c, const struct sg_plan *p,
                     const void *arg, struct sg_error *err)
{
    const struct repair_arg *a = arg;
    struct sg_ledger_row row;

    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        const char *v = it->m ? it->m->version : it->row->version;
        if (strcmp(v, a->version) != 0)
            continue;
        if (it->state != SG_STATE_DIRTY)
            return sg_error_set(err, SG_EX_DATA, "version %s is %s, not dirty: nothing to repair",
                                a->version, sg_state_name(it->state));
        row_for(e, it->m, a->version, &row);
        if (sg_ledger_write(c, e->table, a->applied ? SG_LEDGER_CLEAN : SG_LEDGER_DELETE, &row,
                            err) < 0)
            return -1;
        sg_log(
            SG_LOG_INFO, "repaired",
            SG_F(SG_S("version", a->version), SG_S("as", a->applied ? "applied" : "not-applied")),
            "version %s recorded as %s", a->version,
            a->applied ? "applied" : "not applied (it will run again)");
        return 0;
    }
    return sg_error_set(err, SG_EX_DATA, "version %s is not in the ledger", a->version);
}

int sg_cmd_repair(struct sg_engine *e, const char *version, int applied, struct sg_error *err)
{
    struct repair_arg a = {version, applied};

    return with_lock(e, do_repair, &a, err);
}

static int do_baseline(struct sg_engine *e, struct sg_conn *c, const struct sg_plan *p,
                       const void *arg, struct sg_error *err)
{
    const char *to = arg;
    struct sg_ledger_row row;
    size_t n = 0;

    if (p->first_dirty || p->first_changed)
        return verify(p, err);
    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        if (it->state != SG_STATE_PENDING || sg_version_cmp(it->m->version, to) > 0)
            continue;
        row_for(e, it->m, it->m->version, &row);
        if (sg_ledger_write(c, e->table, SG_LEDGER_INSERT, &row, err) < 0)
            return -1;
        n++;
    }
    sg_log(SG_LOG_INFO, "baselined", SG_F(SG_S("version", to), SG_I("recorded", n)),
           "recorded %zu migration(s) up to %s as applied without running them", n, to);
    return 0;
}

int sg_cmd_baseline(struct sg_engine *e, const char *version, struct sg_error *err)
{
    return with_lock(e, do_baseline, version, err);
}

int sg_session_lock(struct sg_engine *e, struct sg_conn **cp, const char *name,
                    long long timeout_ms, struct sg_lock *lk, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    enum acquire_result a = acquire(e, cp, name, NULL, 0, timeout_ms, lk, &l, &p, err);

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

/* Records one adopted version as applied. */
static int adopt_one(struct sg_engine *e, struct sg_conn *c, const struct sg_migration *m,
                     const char *version, struct sg_error *err)
{
    struct sg_ledger_row row;

    row_for(e, m, version, &row);
    return sg_ledger_write(c, e->table, SG_LEDGER_INSERT, &row, err);
}

/* Canonicalises another tool's versions: golang-migrate stores a bigint,
 * dbmate a string of digits. */
static int canon_foreign(struct sg_ledger *foreign, struct sg_error *err)
{
    for (size_t i = 0; i < foreign->n; i++) {
        char v[SG_VERSION_MAX + 1];
        if (sg_version_canon(foreign->v[i].version, v) < 0)
            return sg_error_set(err, SG_EX_DATA,
                                "schema_migrations holds version '%.30s', not 1 to 20 digits",
                                foreign->v[i].version);
        memcpy(foreign->v[i].version, v, sizeof v);
    }
    sg_ledger_sort(foreign);
    return 0;
}

/* golang-migrate keeps only the current version: everything up to it ran. */
static int adopt_golang(struct sg_engine *e, struct sg_conn *c, const struct sg_ledger *foreign,
                        size_t *n, struct sg_error *err)
{
    if (foreign->n != 1)
        return sg_error_set(err, SG_EX_DATA,
                            "a golang-migrate schema_migrations table holds one row; this one "
                            "holds %zu",
                            foreign->n);
    if (foreign->v[0].dirty)
        return sg_error_set(err, SG_EX_DATA,
                            "golang-migrate left version %s dirty: fix it with `migrate force` "
                            "first",
                            foreign->v[0].version);
    for (size_t i = 0; i < e->set.n; i++) {
        const struct sg_migration *m = &e->set.v[i];
        if (sg_version_cmp(m->version, foreign->v[0].version) > 0)
            break;
        if (adopt_one(e, c, m, m->version, err) < 0)
            return -1;
        (*n)++;
    }
    return 0;
}

/* dbmate keeps one row per applied version. */
static int adopt_dbmate(struct sg_engine *e, struct sg_conn *c, const struct sg_ledger *foreign,
                        size_t *n, struct sg_error *err)
{
    for (size_t i = 0, j = 0; i < foreign->n; i++) {
        while (j < e->set.n && sg_version_cmp(e->set.v[j].version, foreign->v[i].version) < 0)
            j++;
        const struct sg_migration *m =
            j < e->set.n && strcmp(e->set.v[j].version, foreign->v[i].version) == 0 ? &e->set.v[j]
                                                                                    : NULL;
        if (!m)
            sg_log(SG_LOG_WARN, "adopt_without_file", SG_F(SG_S("version", foreign->v[i].version)),
                   "version %s is recorded by dbmate but has no file here; recorded as missing",
                   foreign->v[i].version);
        if (adopt_one(e, c, m, foreign->v[i].version, err) < 0)
            return -1;
        (*n)++;
    }
    return 0;
}

/* adopt: import another tool's history so a team switches with no re-run. */
static int do_adopt(struct sg_engine *e, struct sg_conn *c, const struct sg_plan *p,
                    const void *arg, struct sg_error *err)
{
    enum sg_adopt_from from = *(const enum sg_adopt_from *)arg;
    const char *tool = from == SG_ADOPT_GOLANG_MIGRATE ? "golang-migrate" : "dbmate";
    struct sg_ledger foreign = {0};
    size_t n = 0;
    int rc = -1;

    if (p->n != p->pending)
        return sg_error_set(err, SG_EX_DATA,
                            "the ledger %s already records migrations: adopt only fills an empty "
                            "ledger",
                            e->table);
    if (sg_history_read(c, "schema_migrations", from == SG_ADOPT_GOLANG_MIGRATE, &foreign, err) < 0)
        return -1;
    if (!foreign.exists) {
        rc = sg_error_set(err, SG_EX_DATA, "no schema_migrations table to adopt from %s", tool);
        goto out;
    }
    if (canon_foreign(&foreign, err) < 0)
        goto out;
    if ((from == SG_ADOPT_GOLANG_MIGRATE ? adopt_golang : adopt_dbmate)(e, c, &foreign, &n, err) <
        0)
        goto out;
    sg_log(SG_LOG_INFO, "adopted", SG_F(SG_S("from", tool), SG_I("recorded", n)),
           "recorded %zu migration(s) from %s's schema_migrations as applied", n, tool);
    rc = 0;
out:
    sg_ledger_free(&foreign);
    return rc;
}

int sg_cmd_adopt(struct sg_engine *e, enum sg_adopt_from from, struct sg_error *err)
{
    return with_lock(e, do_adopt, &from, err);
}
