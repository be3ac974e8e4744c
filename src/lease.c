/* lease.c -- the lease lock of lease.h. Every statement computes time with
 * the server's clock (driver clock_ms_sql), never ours: a client's clock
 * and a server's cannot be compared. Acquiring is one UPDATE that only an
 * expired lease matches, bumping the token; a SELECT then says whose it is.
 * The heartbeat renews from its own session, so it never waits on the
 * migration; the migration's transactions renew it last (the fence), which
 * both fences and renews. A renewal that finds the row changed, or cannot
 * be made before the lease would end, marks the lease lost: every session's
 * stop callback then interrupts what runs, and the engine exits 70. */
#include "lease.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "exitcodes.h"
#include "log.h"

struct sg_lease {
    char table[80]; /* "<ledger>_lease" */
    char holder[200]; /* who, plus a random nonce: unique to this process */
    char key[72]; /* the lock's name, as the row's key */
    long long lease_ms;
    long long token; /* ours while held; the last one we had after */
    int held;
    atomic_int lost;
    char why[300]; /* written by the heartbeat before it sets lost */
    const struct sg_url *url;
    struct sg_connect_opts opts;
    /* heartbeat */
    pthread_t thread;
    int running;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int quit;
};

static atomic_int any_lost, hb_quit;

static int hb_stop(void)
{
    return atomic_load(&hb_quit);
}

int sg_lease_lost_any(void)
{
    return atomic_load(&any_lost);
}

struct sg_lease *sg_lease_new(const char *table, long long lease_ms, const char *who,
                              const struct sg_url *url, const struct sg_connect_opts *o)
{
    struct sg_lease *ls = calloc(1, sizeof *ls);
    unsigned long long nonce = 0;

    if (!ls)
        return NULL;
    if (getrandom(&nonce, sizeof nonce, 0) != (ssize_t)sizeof nonce)
        nonce = (unsigned long long)sg_now_ms() ^ ((unsigned long long)getpid() << 32);
    snprintf(ls->table, sizeof ls->table, "%s_lease", table);
    snprintf(ls->holder, sizeof ls->holder, "%.170s %016llx", who, nonce);
    ls->lease_ms = lease_ms > 0 ? lease_ms : SG_LEASE_DEFAULT_MS;
    ls->url = url;
    ls->opts = *o;
    ls->opts.stop = hb_stop;
    pthread_mutex_init(&ls->mu, NULL);
    pthread_cond_init(&ls->cv, NULL);
    return ls;
}

int sg_lease_lost(const struct sg_lease *ls, char *why, size_t size)
{
    if (!ls || !atomic_load(&ls->lost))
        return 0;
    if (why)
        snprintf(why, size, "%s", ls->why);
    return 1;
}

/* ---- SQL ----------------------------------------------------------------- */

/* The server's time in ms, as an SQL expression. */
#define NOW(c) ((c)->driver->clock_ms_sql)

/* "UPDATE <table> SET " ... callers append the rest. */
static int head(struct sg_conn *c, const struct sg_lease *ls, const char *verb, struct sg_buf *b,
                struct sg_error *err)
{
    sg_buf_str(b, verb);
    return sg_drv_table_sql(c, ls->table, b, err);
}

static void where_mine(struct sg_conn *c, const struct sg_lease *ls, struct sg_buf *b)
{
    sg_buf_str(b, " WHERE lock_key = ");
    sg_drv_quote(c, ls->key, b);
    sg_buf_str(b, " AND holder = ");
    sg_drv_quote(c, ls->holder, b);
    sg_buf_fmt(b, " AND token = %lld", ls->token);
}

/* The renewal: matches only our unexpired lease. */
static int renew_sql(struct sg_conn *c, const struct sg_lease *ls, struct sg_buf *b,
                     struct sg_error *err)
{
    if (head(c, ls, "UPDATE ", b, err) < 0)
        return -1;
    /* beat changes the row even within one ms: MySQL's ROW_COUNT() counts
     * changed rows, not matched ones. */
    sg_buf_fmt(b, " SET expires_ms = %s + %lld, beat = beat + 1", NOW(c), ls->lease_ms);
    where_mine(c, ls, b);
    sg_buf_fmt(b, " AND expires_ms > %s", NOW(c));
    return 0;
}

static int run(struct sg_conn *c, struct sg_buf *b, struct sg_error *err)
{
    int rc;

    if (b->oom)
        rc = sg_error_set(err, SG_EX_OSERR, "out of memory");
    else
        rc = sg_drv_exec(c, b->p, b->n, NULL, err);
    sg_buf_free(b);
    return rc;
}

/* The row: holder, token, ms until it expires, ms since it was taken. 1
 * found, 0 no row, -1 error (a missing table is code 66). */
struct row {
    char holder[200];
    long long token, left_ms, age_ms;
};

static int read_row(struct sg_conn *c, const struct sg_lease *ls, struct row *r,
                    struct sg_error *err)
{
    struct sg_buf b = {0};
    struct sg_rows rows = {0};
    int rc;

    sg_buf_str(&b, "SELECT holder, token, expires_ms - ");
    sg_buf_fmt(&b, "%s, %s - acquired_ms FROM ", NOW(c), NOW(c));
    if (sg_drv_table_sql(c, ls->table, &b, err) < 0) {
        sg_buf_free(&b);
        return -1;
    }
    sg_buf_str(&b, " WHERE lock_key = ");
    sg_drv_quote(c, ls->key, &b);
    if (b.oom) {
        sg_buf_free(&b);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    rc = c->driver->select(c, b.p, &rows, err);
    sg_buf_free(&b);
    if (rc < 0)
        return -1;
    rc = rows.n > 0;
    if (rc) {
        const char *h = sg_rows_get(&rows, 0, 0);
        snprintf(r->holder, sizeof r->holder, "%s", h ? h : "");
        r->token = atoll(sg_rows_get(&rows, 0, 1) ? sg_rows_get(&rows, 0, 1) : "0");
        r->left_ms = atoll(sg_rows_get(&rows, 0, 2) ? sg_rows_get(&rows, 0, 2) : "0");
        r->age_ms = atoll(sg_rows_get(&rows, 0, 3) ? sg_rows_get(&rows, 0, 3) : "0");
    }
    sg_rows_free(&rows);
    return rc;
}

/* Makes sure the row exists. The table is created only when missing: on
 * Galera even CREATE TABLE IF NOT EXISTS is DDL replicated in total order,
 * which aborts other nodes' transactions, and waiters must not cause that
 * while another node migrates. Two creators racing are harmless. */
static int ensure_row(struct sg_conn *c, const struct sg_lease *ls, struct row *r,
                      struct sg_error *err)
{
    struct sg_buf b = {0};
    struct sg_error ignored = {0};
    int got = read_row(c, ls, r, err);

    if (got != 0 && !(got < 0 && err->code == SG_EX_NOINPUT))
        return got;
    if (got < 0) {
        sg_error_clear(err);
        if (head(c, ls, "CREATE TABLE IF NOT EXISTS ", &b, err) < 0)
            return sg_buf_free(&b), -1;
        sg_buf_str(&b, " (lock_key VARCHAR(100) NOT NULL PRIMARY KEY, holder VARCHAR(255) NOT "
                       "NULL, token BIGINT NOT NULL, expires_ms BIGINT NOT NULL, acquired_ms "
                       "BIGINT NOT NULL, beat BIGINT NOT NULL)");
        /* Racing creators: PostgreSQL's IF NOT EXISTS is not race-free
         * (23505 on pg_type); whoever lost finds the table made. */
        if (run(c, &b, err) < 0 && read_row(c, ls, r, &ignored) < 0)
            return -1;
        sg_error_clear(err);
    }
    if (head(c, ls, "INSERT INTO ", &b, err) < 0)
        return sg_buf_free(&b), -1;
    sg_buf_str(&b, " (lock_key, holder, token, expires_ms, acquired_ms, beat) VALUES (");
    sg_drv_quote(c, ls->key, &b);
    sg_buf_str(&b, ", '', 0, 0, 0, 0)");
    /* A racer's duplicate key, or a certification conflict, is fine. */
    struct sg_error ins = {0};
    if (run(c, &b, &ins) < 0 && ins.code != SG_EX_DATA && ins.code != SG_EX_TEMPFAIL) {
        *err = ins;
        return -1;
    }
    got = read_row(c, ls, r, err);
    if (got == 0) /* another Galera node's row, not applied here yet: poll again */
        sg_log(SG_LOG_DEBUG, "lease_row_pending", SG_F(SG_S("error", ins.msg)),
               "the lease row of %s is not visible yet%s%s", ls->key, *ins.msg ? ": " : "",
               ins.msg);
    return got;
}

/* ---- heartbeat ----------------------------------------------------------- */

static void mark_lost(struct sg_lease *ls, const char *what, const char *detail)
{
    if (atomic_load(&ls->lost))
        return;
    snprintf(ls->why, sizeof ls->why, "%s%s", what, detail);
    atomic_store(&ls->lost, 1);
    atomic_store(&any_lost, 1);
    sg_log(SG_LOG_WARN, "lease_lost", SG_F(SG_S("lock", ls->key), SG_S("error", ls->why)),
           "lease %s lost: %s", ls->key, ls->why);
}

/* One renewal on hc: 1 renewed, 0 no longer ours, -1 error. */
static int renew(struct sg_conn *hc, struct sg_lease *ls, struct sg_error *err)
{
    struct sg_buf b = {0};
    struct row r;

    if (renew_sql(hc, ls, &b, err) < 0) {
        sg_buf_free(&b);
        return -1;
    }
    if (run(hc, &b, err) < 0)
        return -1;
    int got = read_row(hc, ls, &r, err);
    if (got < 0)
        return -1;
    return got && r.token == ls->token && strcmp(r.holder, ls->holder) == 0 && r.left_ms > 0;
}

static void *heartbeat(void *arg)
{
    struct sg_lease *ls = arg;
    struct sg_conn *hc = NULL;
    long long every = ls->lease_ms / 3, last_ok = sg_now_ms();

    pthread_mutex_lock(&ls->mu);
    while (!ls->quit && !atomic_load(&ls->lost)) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += every / 1000;
        until.tv_nsec += (every % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        if (pthread_cond_timedwait(&ls->cv, &ls->mu, &until) != ETIMEDOUT || ls->quit)
            continue;
        pthread_mutex_unlock(&ls->mu);
        struct sg_error e = {0};
        if (!hc)
            hc = sg_drv_connect(ls->url, &ls->opts, &e);
        int r = hc ? renew(hc, ls, &e) : -1;
        if (r == 1) {
            last_ok = sg_now_ms();
        } else if (r == 0) {
            mark_lost(ls, "another process took it over, or it expired", "");
        } else {
            sg_drv_close(hc);
            hc = NULL;
            /* Ours by our own clock only while a renewal could still land. */
            if (sg_now_ms() - last_ok >= ls->lease_ms - every / 2)
                mark_lost(ls, "not renewed in time: ", e.msg);
            else
                sg_log(SG_LOG_WARN, "lease_renew_failed", SG_F(SG_S("error", e.msg)),
                       "unable to renew lease %s: %s; trying again", ls->key, e.msg);
        }
        pthread_mutex_lock(&ls->mu);
    }
    pthread_mutex_unlock(&ls->mu);
    sg_drv_close(hc);
    return NULL;
}

static void hb_start(struct sg_lease *ls)
{
    sigset_t all, old;

    ls->quit = 0;
    atomic_store(&hb_quit, 0);
    /* Signals are the main thread's: the heartbeat takes none. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    ls->running = pthread_create(&ls->thread, NULL, heartbeat, ls) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!ls->running)
        sg_log(SG_LOG_WARN, "lease_no_heartbeat", SG_NOFIELDS,
               "unable to start the lease heartbeat; only migrations renew the lease");
}

static void hb_stop_join(struct sg_lease *ls)
{
    if (!ls->running)
        return;
    pthread_mutex_lock(&ls->mu);
    ls->quit = 1;
    atomic_store(&hb_quit, 1);
    pthread_cond_signal(&ls->cv);
    pthread_mutex_unlock(&ls->mu);
    pthread_join(ls->thread, NULL);
    ls->running = 0;
}

/* ---- the lease as a lock ------------------------------------------------- */

static int lease_try(struct sg_conn *c, struct sg_lease *ls, const struct sg_lock *l,
                     struct sg_error *err)
{
    struct sg_buf b = {0};
    struct row r;

    if (ls->held)
        return 1;
    snprintf(ls->key, sizeof ls->key, "%s", l->name);
    int got = ensure_row(c, ls, &r, err);
    if (got <= 0)
        return got;
    if (r.left_ms > 0)
        return 0; /* live: no write, so a poll costs one read */
    if (head(c, ls, "UPDATE ", &b, err) < 0)
        return sg_buf_free(&b), -1;
    sg_buf_str(&b, " SET holder = ");
    sg_drv_quote(c, ls->holder, &b);
    sg_buf_fmt(&b, ", token = token + 1, expires_ms = %s + %lld, acquired_ms = %s, beat = 0",
               NOW(c), ls->lease_ms, NOW(c));
    sg_buf_str(&b, " WHERE lock_key = ");
    sg_drv_quote(c, ls->key, &b);
    sg_buf_fmt(&b, " AND expires_ms <= %s", NOW(c));
    if (run(c, &b, err) < 0) {
        /* Galera's certification conflict, a deadlock: another won the race. */
        if (err->code == SG_EX_TEMPFAIL) {
            sg_error_clear(err);
            return 0;
        }
        return -1;
    }
    if (read_row(c, ls, &r, err) < 0)
        return -1;
    if (strcmp(r.holder, ls->holder) != 0 || r.token <= ls->token || r.left_ms <= 0)
        return 0;
    ls->token = r.token;
    ls->held = 1;
    atomic_store(&ls->lost, 0);
    hb_start(ls);
    sg_log(SG_LOG_INFO, "lease_acquired",
           SG_F(SG_S("lock", ls->key), SG_I("token", ls->token), SG_I("lease_ms", ls->lease_ms)),
           "lease %s taken (token %lld, %lld ms, renewed every %lld ms)", ls->key, ls->token,
           ls->lease_ms, ls->lease_ms / 3);
    return 1;
}

static int lease_release(struct sg_conn *c, struct sg_lease *ls, struct sg_error *err)
{
    struct sg_buf b = {0};

    hb_stop_join(ls);
    if (!ls->held)
        return 0;
    ls->held = 0;
    if (head(c, ls, "UPDATE ", &b, err) < 0)
        return sg_buf_free(&b), -1;
    sg_buf_str(&b, " SET expires_ms = 0");
    where_mine(c, ls, &b);
    return run(c, &b, err);
}

void sg_lease_free(struct sg_lease *ls, struct sg_conn *c)
{
    struct sg_error ignored = {0};

    if (!ls)
        return;
    if (c && ls->held && !atomic_load(&ls->lost))
        (void)lease_release(c, ls, &ignored);
    hb_stop_join(ls);
    pthread_mutex_destroy(&ls->mu);
    pthread_cond_destroy(&ls->cv);
    free(ls);
}

int sg_lease_info(struct sg_conn *c, const char *table, const struct sg_lock *l,
                  struct sg_lease_info *out, struct sg_error *err)
{
    struct sg_lease probe;
    struct row r;
    int got;

    memset(out, 0, sizeof *out);
    if (!c->driver->clock_ms_sql)
        return 0;
    memset(&probe, 0, sizeof probe);
    snprintf(probe.table, sizeof probe.table, "%s_lease", table);
    snprintf(probe.key, sizeof probe.key, "%s", l->name);
    got = read_row(c, &probe, &r, err);
    if (got < 0 && err->code == SG_EX_NOINPUT) {
        sg_error_clear(err);
        return 0;
    }
    if (got <= 0)
        return got;
    out->found = 1;
    snprintf(out->holder, sizeof out->holder, "%s", r.holder);
    out->token = r.token;
    out->expires_in_ms = r.left_ms;
    out->held_ms = r.age_ms;
    return 0;
}

/* ---- dispatch ------------------------------------------------------------ */

int sg_lock_try(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return c->lease ? lease_try(c, c->lease, l, err) : sg_drv_try_lock(c, l, err);
}

int sg_lock_release(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    return c->lease ? lease_release(c, c->lease, err) : sg_drv_unlock(c, l, err);
}

int sg_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct sg_lease *ls = c->lease;
    char why[300];

    if (!ls)
        return sg_drv_lock_held(c, l, err);
    if (sg_lease_lost(ls, why, sizeof why))
        return sg_error_set(err, SG_EX_SOFTWARE, "lease lost: %s", why), 0;
    return ls->held;
}

void sg_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size)
{
    struct sg_lease *ls = c->lease;
    struct sg_error ignored = {0};
    struct row r;

    if (!ls) {
        sg_drv_lock_holder(c, l, buf, size);
        return;
    }
    buf[0] = '\0';
    snprintf(ls->key, sizeof ls->key, "%s", l->name);
    if (read_row(c, ls, &r, &ignored) == 1 && r.left_ms > 0)
        snprintf(buf, size, "%.170s (lease token %lld, for %lld s, expires in %lld ms)", r.holder,
                 r.token, r.age_ms / 1000, r.left_ms);
}

void sg_lock_fence_sql(struct sg_conn *c, struct sg_buf *out)
{
    struct sg_lease *ls = c->lease;
    struct sg_buf u = {0};
    struct sg_error ignored = {0};

    if (!ls) {
        if (c->driver->fence_sql)
            c->driver->fence_sql(c, out);
        return;
    }
    if (!ls->held || !c->driver->guard_sql || renew_sql(c, ls, &u, &ignored) < 0 || u.oom) {
        sg_buf_free(&u);
        return;
    }
    c->driver->guard_sql(c, u.p, SG_LEASE_LOST_MSG, out);
    sg_buf_free(&u);
}
