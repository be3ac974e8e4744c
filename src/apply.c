/* apply.c -- the migration protocol of apply.h, once for every backend.
 * A migration either runs in one transaction with its ledger row (sent as
 * one script: one round trip where the server takes scripts), or is
 * tracked statement by statement between a committed dirty row and its
 * removal. Drivers only run SQL and render ledger rows; every decision and
 * every message about a migration is made here. */
#include "apply.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "lease.h"
#include "log.h"
#include "record.h"
#include "sqlsplit.h"

/* One migration, one direction, and what its split said. */
struct run {
    struct sg_conn *c;
    const struct sg_apply_opts *o;
    const struct sg_migration *m;
    int down;
    const struct sg_section *sec;
    const char *file;
    struct sg_stmt *st;
    size_t n;
    unsigned flags; /* SG_SPLIT_* */
    int tracked; /* statement by statement, between dirty marks */
    int marked; /* tracked: our dirty row is in the ledger */
    long long lock_ms;
    long long t0;
};

static enum sg_dialect dialect(const struct run *r)
{
    return r->c->driver->dialect;
}

/* The first words of a statement, on one line, for messages. */
static void lead(const char *s, size_t len, char *out, size_t size)
{
    size_t k = 0;
    int words = 0, blank = 0;

    for (size_t i = 0; i < len && k + 4 < size && k < 60; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            blank = 1;
            continue;
        }
        if (blank && k > 0) {
            if (++words >= 3)
                break;
            out[k++] = ' ';
        }
        blank = 0;
        if (ch == '(' || ch == ';')
            break;
        out[k++] = ch;
    }
    out[k] = '\0';
}

/* "FILE:LINE:COL" of byte `off` of the section; the column counts UTF-8
 * characters, as editors do. */
static void where(const struct run *r, size_t off, char *buf, size_t size)
{
    int line, col, chars = 1;

    if (off > r->sec->len)
        off = r->sec->len;
    sg_sql_position(r->sec->sql, off, r->sec->line, &line, &col);
    for (size_t i = off - (size_t)(col - 1); i < off; i++)
        if (((unsigned char)r->sec->sql[i] & 0xC0) != 0x80)
            chars++;
    snprintf(buf, size, "%s:%d:%d", r->file, line, chars);
}

/* Byte offset in the section of line `line` (1-based) of statement i. */
static size_t stmt_line_off(const struct run *r, size_t i, int line)
{
    size_t off = r->st[i].off, end = r->st[i].off + r->st[i].len;

    for (int l = 1; l < line && off < end; off++)
        if (r->sec->sql[off] == '\n')
            l++;
    return off;
}

/* ---- the rule ------------------------------------------------------------ */

/* What the rule decided for a section. */
struct plan {
    const struct sg_section *sec; /* the section as it will be sent */
    struct sg_section lf; /* MySQL: the section without the CR of CRLF */
    struct sg_stmt *st;
    size_t n;
    unsigned flags; /* SG_SPLIT_* */
    int tracked;
    size_t autocommit_at; /* a statement that cannot run in a transaction, or n */
};

static void plan_free(struct plan *p)
{
    free(p->st);
    free(p->lf.sql);
    p->st = NULL;
    p->lf.sql = NULL;
}

/* The mysql client drops the CR of every CRLF it reads, string literals
 * included (client/readline.cc): a routine's body stored from a CRLF file
 * must not hold them. Lines stay where they were. */
static int mysql_lf(const struct sg_section *sec, struct plan *p, struct sg_error *err)
{
    size_t n = 0;

    p->sec = sec;
    if (!memmem(sec->sql, sec->len, "\r\n", 2))
        return 0;
    p->lf = *sec;
    if (!(p->lf.sql = malloc(sec->len + 1)))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    for (size_t i = 0; i < sec->len; i++)
        if (!(sec->sql[i] == '\r' && i + 1 < sec->len && sec->sql[i + 1] == '\n'))
            p->lf.sql[n++] = sec->sql[i];
    p->lf.sql[n] = '\0';
    p->lf.len = n;
    p->sec = &p->lf;
    return 0;
}

static const char *section_file(const struct sg_migration *m, int down)
{
    const struct sg_section *sec = down ? &m->down : &m->up;
    return sec->file ? sec->file : down && m->down_file ? m->down_file : m->file;
}

/* Splits a section with dialect d and applies the rule: transaction
 * control is refused unless the section says transaction:false (the same
 * message on every backend); a statement that cannot run in a transaction
 * (VACUUM, CREATE INDEX CONCURRENTLY: Flyway's list) or, without
 * transactional DDL, one that commits implicitly makes the migration
 * tracked. Nothing runs. */
static int plan(const struct sg_migration *m, int down, enum sg_dialect d, unsigned caps,
                unsigned split_in, struct plan *p, struct sg_error *err)
{
    const struct sg_section *sec = down ? &m->down : &m->up;
    const char *file = section_file(m, down);

    memset(p, 0, sizeof *p);
    p->flags = split_in;
    p->sec = sec;
    if (!sec->sql)
        return sg_error_set(err, SG_EX_DATA, "%s has no %s section", m->file, down ? "down" : "up");
    if (d == SG_DIALECT_MYSQL && mysql_lf(sec, p, err) < 0)
        return -1;
    sec = p->sec;
    if (sg_sql_split_ex(sec->sql, sec->len, d, file, sec->line, &p->st, &p->n, &p->flags, err) <
        0) {
        plan_free(p);
        return -1;
    }
    p->tracked = sec->no_transaction;
    p->autocommit_at = p->n;
    for (size_t i = 0; i < p->n; i++) {
        const char *s = sec->sql + p->st[i].off;
        size_t len = p->st[i].len;
        char what[64];

        if (!sec->no_transaction && sg_sql_is_txn_control(s, len, d)) {
            lead(s, len, what, sizeof what);
            sg_error_set(err, SG_EX_DATA,
                         "%s:%d: %s cannot run inside the migration's transaction: schemagate "
                         "runs each migration in one; remove it, or mark the migration "
                         "'-- migrate:%s transaction:false' to run it statement by statement",
                         file, p->st[i].line, what, down ? "down" : "up");
            plan_free(p);
            return -1;
        }
        if (sg_sql_needs_autocommit(s, len, d) && p->autocommit_at == p->n) {
            p->autocommit_at = i;
            p->tracked = 1;
        }
        if (!(caps & SG_CAP_TRANSACTIONAL_DDL) && sg_sql_commits_implicitly(s, len, d))
            p->tracked = 1;
    }
    return 0;
}

int sg_apply_check(const struct sg_migration *m, int down, enum sg_dialect d, unsigned split_flags,
                   struct sg_error *err)
{
    struct plan p;
    int rc = plan(m, down, d, d == SG_DIALECT_MYSQL ? 0 : SG_CAP_TRANSACTIONAL_DDL, split_flags, &p,
                  err);

    plan_free(&p);
    return rc;
}

/* ---- ledger writes ------------------------------------------------------- */

static void row_of(const struct run *r, struct sg_ledger_row *row, int dirty, long long done)
{
    memset(row, 0, sizeof *row);
    snprintf(row->version, sizeof row->version, "%s", r->m->version);
    snprintf(row->checksum, sizeof row->checksum, "%s", r->m->checksum);
    row->name = r->m->name;
    row->applied_by = (char *)r->o->applied_by;
    row->dirty = dirty;
    row->dirty_done = done;
    row->execution_ms = sg_now_ms() - r->t0;
}

/* Appends the rendered write (and a `;`) to b. */
static int render(const struct run *r, enum sg_ledger_op op, const struct sg_ledger_row *row,
                  struct sg_buf *b, struct sg_error *err)
{
    if (sg_ledger_sql(r->c, r->o->table, op, row, b, err) < 0)
        return -1;
    sg_buf_str(b, ";");
    return 0;
}

/* Why to stop before sending more: a signal (128+N) or a lease the
 * heartbeat found lost (70). 0 when neither; else the code, with what
 * filled ("stopped by signal 15", "stopped: lease lost (...)"). */
static int halted(const struct sg_conn *c, char *what, size_t size)
{
    char why[300];
    int sig = sg_signal_pending();

    if (sig) {
        snprintf(what, size, "stopped by signal %d", sig);
        return SG_EX_SIGNAL_BASE + sig;
    }
    if (c->lease && sg_lease_lost(c->lease, why, sizeof why)) {
        snprintf(what, size, "stopped: lease lost (%s)", why);
        return SG_EX_SOFTWARE;
    }
    return 0;
}

static void rollback(struct sg_conn *c);

/* Runs a ledger write, followed by the fence, in one exec. */
static int record(const struct run *r, enum sg_ledger_op op, int dirty, long long done,
                  struct sg_error *err)
{
    struct sg_ledger_row row;
    struct sg_buf b = {0}, fence = {0};
    int rc = -1;

    row_of(r, &row, dirty, done);
    sg_lock_fence_sql(r->c, &fence);
    /* The fence must judge the write in the same transaction: where it
     * does not run inside one already, open one (on MySQL each statement
     * of a text would otherwise commit on its own). */
    int wrap = fence.n && !sg_drv_in_transaction(r->c);
    if (wrap)
        sg_buf_fmt(&b, "%s;", r->c->driver->begin_sql);
    if (render(r, op, &row, &b, err) < 0)
        goto out;
    if (fence.n)
        sg_buf_add(&b, fence.p, fence.n);
    if (wrap)
        sg_buf_str(&b, "COMMIT;");
    if (b.oom || fence.oom) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    rc = sg_drv_exec(r->c, b.p, b.n, NULL, err);
    if (rc < 0 && wrap)
        rollback(r->c);
out:
    sg_buf_free(&b);
    sg_buf_free(&fence);
    return rc;
}

static void reset_sql(const struct run *r, struct sg_buf *b)
{
    if (r->c->driver->reset_sql)
        r->c->driver->reset_sql(r->c, b);
}

/* Gives the session back its state after a migration that ran outside one
 * transaction (or whose transaction failed: MySQL's SET is not undone). */
static void reset_session(const struct run *r)
{
    struct sg_buf b = {0};
    struct sg_error e = {0};

    reset_sql(r, &b);
    if (b.n && !b.oom && sg_drv_exec(r->c, b.p, b.n, NULL, &e) < 0)
        sg_log(SG_LOG_WARN, "reset_failed", SG_F(SG_S("error", e.msg)),
               "unable to reset the session after %s: %s", r->file, e.msg);
    sg_buf_free(&b);
}

/* Counts the statements of text we rendered ourselves. */
static size_t count(const struct run *r, const struct sg_buf *b)
{
    struct sg_stmt *v = NULL;
    size_t n = 0;

    if (b->n && sg_sql_split(b->p, b->n, dialect(r), "(schemagate)", 1, &v, &n, NULL) < 0)
        n = 0;
    free(v);
    return n;
}

static void rollback(struct sg_conn *c)
{
    struct sg_error ignored = {0};

    if (sg_drv_in_transaction(c) && sg_drv_exec(c, "ROLLBACK", 8, NULL, &ignored) < 0)
        sg_log(SG_LOG_WARN, "rollback_failed", SG_F(SG_S("error", ignored.msg)),
               "ROLLBACK failed: %s (closing the session rolls back)", ignored.msg);
}

/* After a lock wait timed out on statement i: who holds the table. */
static void name_blocker(const struct run *r, size_t i, struct sg_error *err)
{
    char table[192], who[400];

    if (!r->c->driver->blocker || i >= r->n)
        return;
    sg_sql_target_table(r->sec->sql + r->st[i].off, r->st[i].len, dialect(r), table, sizeof table);
    r->c->driver->blocker(r->c, table, who, sizeof who);
    if (*who)
        sg_error_append(err, "%s", who);
}

/* Where in the section the driver placed an error in statement i, sent
 * alone (err->pos counts from the statement's first byte), or NONE. */
static size_t stmt_pos(const struct run *r, size_t i, const struct sg_error *err)
{
    if (i >= r->n || err->pos <= 0 || (size_t)(err->pos - 1) > r->st[i].len)
        return (size_t)-1;
    return r->st[i].off + (size_t)(err->pos - 1);
}

/* Frames a failure of the migration's own statement i (or at byte `off`
 * of the section when off != (size_t)-1) as FILE:LINE:COL: message. */
static int frame(const struct run *r, size_t i, size_t off, struct sg_error *err)
{
    char at[300];

    if (off == (size_t)-1)
        off = i < r->n ? stmt_line_off(r, i, err->line > 0 ? err->line : 1) : 0;
    where(r, off, at, sizeof at);
    return sg_error_prefix(err, "%s", at);
}

/* ---- one transaction ----------------------------------------------------- */

/* The part of the text sent where an exec error points. */
enum part { PART_PREFIX, PART_SECTION, PART_SUFFIX };

static enum part locate(const struct run *r, const struct sg_error *e, size_t done, size_t plen,
                        size_t npre, size_t *stmt, size_t *off)
{
    *stmt = (size_t)-1;
    *off = (size_t)-1;
    if (e->pos > 0) {
        size_t p = (size_t)(e->pos - 1);
        if (p < plen)
            return PART_PREFIX;
        if (p - plen <= r->sec->len) {
            *off = p - plen;
            for (size_t i = 0; i < r->n; i++)
                if (r->st[i].off <= *off)
                    *stmt = i;
            return PART_SECTION;
        }
        /* past the section: fall back on the statement count */
    }
    if (done < npre)
        return PART_PREFIX;
    if (done - npre < r->n) {
        *stmt = done - npre;
        return PART_SECTION;
    }
    *stmt = done - npre - r->n;
    return PART_SUFFIX;
}

/* A transactional migration failed after `done` statements of the text
 * sent (whose prefix is plen bytes and npre statements): roll back and
 * say where. */
static void txn_failed(const struct run *r, struct sg_error *err, size_t done, size_t plen,
                       size_t npre)
{
    size_t stmt, off;
    enum part part = locate(r, err, done, plen, npre, &stmt, &off);

    if (err->code != SG_EX_UNAVAILABLE) {
        rollback(r->c);
        reset_session(r);
    }
    if (sg_signal_pending()) {
        sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                     "%s: stopped by signal %d; rolled back, nothing of it was applied", r->file,
                     sg_signal_pending());
    } else if (part == PART_SECTION) {
        if (err->code == SG_EX_TEMPFAIL)
            name_blocker(r, stmt, err);
        frame(r, stmt, off, err);
    } else if (part == PART_SUFFIX) {
        sg_error_prefix(err, "%s was rolled back: unable to %s it in the ledger", r->file,
                        r->down ? "remove" : "record");
    } else {
        sg_error_prefix(err, "%s: unable to start its transaction", r->file);
    }
}

/* BEGIN; timeouts; the section; the ledger row; the fence; COMMIT. Where
 * the server measures the transaction's age itself (driver txn_age_sql) and
 * the section needs no client-side splitting, all of it is one exec; else
 * the section runs first and the ledger part follows with the time
 * measured here. Either way nothing is committed unless everything ran. */
static int run_txn(struct run *r, struct sg_error *err)
{
    struct sg_conn *c = r->c;
    struct sg_buf pre = {0}, suf = {0}, all = {0};
    struct sg_ledger_row row;
    size_t npre, done = 0;
    int rc = -1, whole = !(r->flags & SG_SPLIT_CLIENT);
    int one = whole && c->driver->txn_age_sql;

    sg_buf_str(&pre, c->driver->begin_sql);
    sg_buf_str(&pre, ";");
    c->driver->timeouts_sql(c, r->lock_ms, r->o->statement_timeout_ms, 1, &pre);
    sg_buf_str(&pre, "\n");
    npre = count(r, &pre);

    if (whole) {
        sg_buf_add(&all, pre.p, pre.n);
        sg_buf_add(&all, r->sec->sql, r->sec->len);
        /* A newline first: the section may end inside a line comment. */
        sg_buf_str(&all, (r->flags & SG_SPLIT_OPEN_END) ? "\n;" : "\n");
    }
    if (one) {
        reset_sql(r, &all); /* SET, USE, SET ROLE of the file end with it */
        row_of(r, &row, 0, 0);
        row.execution_ms = -1; /* the server's own measure */
        if (render(r, r->down ? SG_LEDGER_DELETE : SG_LEDGER_INSERT, &row, &all, err) < 0)
            goto out;
        sg_lock_fence_sql(c, &all);
        sg_buf_str(&all, "COMMIT");
    }
    if (pre.oom || all.oom) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }

    /* A stop that came before the text was sent leaves nothing behind. */
    char what[360];
    int code = halted(c, what, sizeof what);
    if (code) {
        sg_error_set(err, code, "%s: %s before it started; nothing changed", r->file, what);
        goto out;
    }
    if (whole) {
        if (sg_drv_exec(c, all.p, all.n, &done, err) < 0)
            goto failed;
    } else {
        /* The file holds client commands (DELIMITER): statement by statement. */
        if (sg_drv_exec(c, pre.p, pre.n, &done, err) < 0)
            goto failed;
        for (size_t i = 0; i < r->n; i++) {
            if (sg_drv_exec(c, r->sec->sql + r->st[i].off, r->st[i].len, NULL, err) < 0) {
                done = npre + i;
                err->pos = 0; /* relative to the statement, not to a text we track */
                goto failed;
            }
        }
        done = npre + r->n;
    }
    if (!one) {
        reset_sql(r, &suf);
        row_of(r, &row, 0, 0);
        if (render(r, r->down ? SG_LEDGER_DELETE : SG_LEDGER_INSERT, &row, &suf, err) < 0)
            goto out_rollback;
        sg_lock_fence_sql(c, &suf);
        sg_buf_str(&suf, "COMMIT");
        if (suf.oom) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            goto out_rollback;
        }
        size_t d2 = 0;
        if (sg_drv_exec(c, suf.p, suf.n, &d2, err) < 0) {
            done = npre + r->n + d2;
            err->pos = 0;
            goto failed;
        }
    }
    rc = 0;
    goto out;

failed:
    txn_failed(r, err, done, pre.n, npre);
    goto out;
out_rollback:
    rollback(c);
out:
    sg_buf_free(&pre);
    sg_buf_free(&suf);
    sg_buf_free(&all);
    return rc;
}

/* ---- tracked ------------------------------------------------------------- */

/* Adds what the ledger now says to a failure of a tracked migration. */
static void dirty_note(const struct run *r, size_t known, size_t failed, struct sg_error *err)
{
    char what[64] = "";

    if (failed < r->n)
        lead(r->sec->sql + r->st[failed].off, r->st[failed].len, what, sizeof what);
    sg_error_append(err,
                    "migration %s is left dirty: %zu of %zu statement(s) were applied before the "
                    "failing one at line %d (%s); fix the database by hand, then run 'schemagate "
                    "repair %s --applied' or '--not-applied'",
                    r->m->version, known, r->n, failed < r->n ? r->st[failed].line : 0, what,
                    r->m->version);
}

/* Removes the dirty mark of a tracked migration of which nothing ran. */
static int unmark(const struct run *r)
{
    struct sg_error e = {0};
    int rc = record(r, r->down ? SG_LEDGER_CLEAN : SG_LEDGER_DELETE, 0, 0, &e);

    if (rc < 0)
        sg_log(SG_LOG_WARN, "unmark_failed", SG_F(SG_S("error", e.msg)),
               "unable to clear the dirty mark of %s: %s", r->file, e.msg);
    return rc;
}

static void timeouts(struct run *r, long long lock_ms, long long stmt_ms)
{
    struct sg_buf b = {0};
    struct sg_error e = {0};

    r->c->driver->timeouts_sql(r->c, lock_ms, stmt_ms, 0, &b);
    if (b.n && !b.oom && sg_drv_exec(r->c, b.p, b.n, NULL, &e) < 0)
        sg_log(SG_LOG_WARN, "timeouts_failed", SG_F(SG_S("error", e.msg)),
               "unable to set the migration's timeouts: %s", e.msg);
    sg_buf_free(&b);
}

/* Where a tracked run stands. */
struct track {
    size_t i; /* the statement running or failed */
    size_t known; /* statements known to have run */
    size_t recorded; /* what the ledger says of them (dirty_done) */
    size_t txn_from; /* the file opened a transaction at this statement, or NONE */
    int locked; /* inside the file's LOCK TABLES region (MySQL) */
};
#define NONE ((size_t)-1)

/* Ends the file's LOCK TABLES region, so the ledger can be written. */
static void unlock_tables(const struct run *r)
{
    struct sg_error e = {0};

    if (sg_drv_exec(r->c, "UNLOCK TABLES", 13, NULL, &e) < 0)
        sg_log(SG_LOG_WARN, "unlock_tables_failed", SG_F(SG_S("error", e.msg)),
               "UNLOCK TABLES failed: %s", e.msg);
}

/* Records that `at` statements are known to have run (best effort: the
 * failure being reported matters more than this write). */
static void progress_to(const struct run *r, struct track *t, size_t at)
{
    struct sg_error e = {0};

    if (t->recorded != at && record(r, SG_LEDGER_PROGRESS, 1, (long long)at, &e) == 0)
        t->recorded = at;
    t->known = at;
}

/* A signal before statement t->i: stop there. 0 when nothing ran and the
 * mark is gone (not dirty), -1 when the migration stays dirty. */
static int stop_before(struct run *r, struct track *t, struct sg_error *err)
{
    char what[360];
    int code = halted(r->c, what, sizeof what);

    sg_error_set(err, code, "%s:%d: %s before this statement", r->file, r->st[t->i].line, what);
    if (t->locked)
        unlock_tables(r);
    if (t->known == 0 && t->txn_from == NONE && unmark(r) == 0) {
        r->marked = 0;
        sg_error_append(err, "nothing of it ran; migration %s is not dirty", r->m->version);
        return 0;
    }
    progress_to(r, t, t->known);
    return -1;
}

/* Statement t->i failed with err. Returns 0 when the ledger says nothing
 * (the mark was removed) or a retry may resume (*resume set), -1 when the
 * migration stays dirty (t->i and t->known say where). */
static int tracked_failure(struct run *r, struct track *t, size_t *resume, struct sg_error *err)
{
    struct sg_conn *c = r->c;
    size_t i = t->i, at = t->txn_from != NONE ? t->txn_from : i;
    int clean = 0;

    if (err->code == SG_EX_UNAVAILABLE) {
        frame(r, i, stmt_pos(r, i, err), err);
        return -1;
    }
    if (t->locked)
        unlock_tables(r); /* else no ledger write can say how far it got */
    if (t->txn_from != NONE)
        rollback(c); /* the file's own transaction went with the failure */
    else if (c->driver->caps & SG_CAP_ATOMIC_STMT)
        clean = 1;
    else if (c->driver->failed_cleanly)
        clean = c->driver->failed_cleanly(c, r->sec->sql + r->st[i].off, r->st[i].len, err);
    size_t off = stmt_pos(r, i, err);
    if (err->code == SG_EX_TEMPFAIL)
        name_blocker(r, i, err);
    frame(r, i, off, err);
    t->i = at;
    if (sg_signal_pending())
        err->code = SG_EX_SIGNAL_BASE + sg_signal_pending();
    if (at == 0 && clean && unmark(r) == 0) {
        /* Refused before it changed anything: nothing is dirty, and a lock
         * timeout stays retryable as a whole. */
        r->marked = 0;
        if (sg_signal_pending())
            sg_error_append(err, "stopped by signal %d; migration %s is not dirty",
                            sg_signal_pending(), r->m->version);
        return 0;
    }
    if (err->code == SG_EX_TEMPFAIL && clean) {
        progress_to(r, t, at);
        *resume = at;
        sg_error_append(err,
                        "%zu of %zu statement(s) of migration %s were applied and this one did "
                        "not start: a retry resumes here, and if schemagate gives up the "
                        "migration stays dirty ('schemagate repair %s')",
                        at, r->n, r->m->version, r->m->version);
        return 0;
    }
    if (err->code == SG_EX_TEMPFAIL)
        err->code = SG_EX_DATA; /* partly applied: not safe to retry blindly */
    progress_to(r, t, at);
    return -1;
}

/* The dirty protocol. *resume: statements known to have run (a retry
 * after a lock timeout starts there); set on a retryable failure. */
static int run_tracked(struct run *r, size_t *resume, struct sg_error *err)
{
    struct sg_conn *c = r->c;
    struct track t = {.known = *resume, .recorded = *resume, .txn_from = NONE};
    int rc = -1;

    if (!r->marked) {
        /* A stop that came before anything ran leaves nothing behind. */
        char what[360];
        int code = halted(c, what, sizeof what);
        if (code)
            return sg_error_set(err, code, "%s: %s before it started; nothing changed", r->file,
                                what);
        if (record(r, r->down ? SG_LEDGER_DIRTY : SG_LEDGER_INSERT, 1, 0, err) < 0)
            return sg_error_prefix(err, "%s: unable to mark it dirty before running it", r->file);
        r->marked = 1;
    }
    timeouts(r, r->lock_ms, r->o->statement_timeout_ms);
    for (t.i = *resume; t.i < r->n; t.i++) {
        if (halted(c, NULL, 0)) {
            if (stop_before(r, &t, err) == 0)
                goto out;
            goto dirty;
        }
        if (sg_drv_exec(c, r->sec->sql + r->st[t.i].off, r->st[t.i].len, NULL, err) < 0) {
            if (tracked_failure(r, &t, resume, err) == 0)
                goto out;
            goto dirty;
        }
        t.locked += sg_sql_table_locks(r->sec->sql + r->st[t.i].off, r->st[t.i].len, dialect(r));
        t.locked = t.locked > 0;
        if (sg_drv_in_transaction(c)) {
            /* The file opened a transaction: progress waits for its end. */
            if (t.txn_from == NONE)
                t.txn_from = t.i;
            continue;
        }
        t.txn_from = NONE;
        t.known = t.i + 1;
        if (t.locked)
            continue; /* the ledger is out of reach until UNLOCK TABLES */
        if (t.i + 1 == r->n)
            continue; /* the last count goes with the clean-up below */
        if (record(r, SG_LEDGER_PROGRESS, 1, (long long)t.known, err) < 0) {
            sg_error_prefix(err, "%s:%d: statement %zu of %zu ran, but the ledger could not say so",
                            r->file, r->st[t.i].line, t.i + 1, r->n);
            goto dirty;
        }
        t.recorded = t.known;
    }
    if (t.txn_from != NONE) {
        rollback(c);
        sg_error_set(err, SG_EX_DATA,
                     "%s: the migration leaves a transaction open (BEGIN without COMMIT); it "
                     "was rolled back",
                     r->file);
        t.i = t.txn_from;
        goto dirty;
    }
    if (t.locked)
        unlock_tables(r); /* the file forgot UNLOCK TABLES */
    reset_session(r);
    timeouts(r, 0, 0);
    if (record(r, r->down ? SG_LEDGER_DELETE : SG_LEDGER_DONE, 0, 0, err) < 0) {
        sg_error_prefix(err, "%s: all %zu statement(s) ran but migration %s stays dirty", r->file,
                        r->n, r->m->version);
        goto out;
    }
    r->marked = 0;
    rc = 0;
    goto out;
dirty:
    dirty_note(r, t.known, t.i, err);
out:
    if (rc < 0 && err->code != SG_EX_UNAVAILABLE) {
        reset_session(r);
        timeouts(r, 0, 0);
    }
    return rc;
}

/* ---- the step ------------------------------------------------------------ */

int sg_apply(struct sg_conn *c, const struct sg_apply_opts *o, const struct sg_migration *m,
             int down, struct sg_error *err)
{
    struct run r;
    struct plan p;
    size_t resume = 0;
    int rc = -1;

    memset(&r, 0, sizeof r);
    r.c = c;
    r.o = o;
    r.m = m;
    r.down = down;
    r.sec = down ? &m->down : &m->up;
    r.file = section_file(m, down);
    r.lock_ms = r.sec->lock_timeout_ms >= 0 ? r.sec->lock_timeout_ms : o->lock_timeout_ms;
    {
        if (plan(m, down, c->driver->dialect, c->driver->caps, c->split_flags, &p, err) < 0)
            return -1;
        r.sec = p.sec;
        r.st = p.st;
        r.n = p.n;
        r.flags = p.flags;
        r.tracked = p.tracked;
        if (p.autocommit_at < p.n && !r.sec->no_transaction) {
            char what[64];
            lead(r.sec->sql + p.st[p.autocommit_at].off, p.st[p.autocommit_at].len, what,
                 sizeof what);
            sg_log(SG_LOG_INFO, "statement_by_statement",
                   SG_F(SG_S("file", r.file), SG_I("line", p.st[p.autocommit_at].line)),
                   "%s runs statement by statement: %s (line %d) cannot run inside a "
                   "transaction",
                   r.file, what, p.st[p.autocommit_at].line);
        }
    }
    for (long long attempt = 0;; attempt++) {
        sg_error_clear(err);
        r.t0 = sg_now_ms();
        rc = r.tracked ? run_tracked(&r, &resume, err) : run_txn(&r, err);
        if (rc == 0 || sg_signal_pending() || err->code != SG_EX_TEMPFAIL)
            break;
        if (attempt >= o->retries) {
            if (resume > 0) {
                err->code = SG_EX_DATA;
                sg_error_prefix(err, "gave up after %lld attempt(s); migration %s stays dirty",
                                attempt + 1, m->version);
            } else {
                sg_error_prefix(err, "gave up after %lld attempt(s), safe to retry later",
                                attempt + 1);
            }
            break;
        }
        long long d = sg_backoff_ms((unsigned)attempt, 500, 10000);
        sg_log(SG_LOG_WARN, "ddl_retry",
               SG_F(SG_S("version", m->version), SG_S("error", err->msg),
                    SG_I("attempt", attempt + 1), SG_I("delay_ms", d)),
               "%s; retrying in %lld ms (%lld of %lld)", err->msg, d, attempt + 1, o->retries);
        if (sg_sleep_ms(d) < 0) {
            sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                         "%s: stopped by signal %d while waiting to retry", r.file,
                         sg_signal_pending());
            break;
        }
    }
    plan_free(&p);
    return rc;
}
