/* fake_driver.c -- the in-memory database of fake_driver.h. It implements
 * the real struct sg_driver, so the engine and apply.c run unchanged over
 * it; only the server is pretend. */
#include "fake_driver.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"
#include "sqlsplit.h"

struct fake_state fake;

struct fake_conn {
    struct sg_conn base;
    int id;
    int dead;
    int in_txn;
    int locked; /* LOCK TABLES: only "t" may be touched, not the ledger */
    int var; /* SET VAR: session state a file may leave behind */
    char effects[FAKE_MAX][32]; /* the snapshot taken at BEGIN */
    size_t neffects;
    struct sg_ledger ledger;
};

#define FC(c) ((struct fake_conn *)(c))

static int next_id;

static void copy_ledger(struct sg_ledger *dst, const struct sg_ledger *src)
{
    sg_ledger_free(dst);
    dst->exists = src->exists;
    for (size_t i = 0; i < src->n; i++) {
        const struct sg_ledger_row *r = &src->v[i];
        sg_ledger_push(dst, r->version, r->name, r->checksum, r->applied_at, r->execution_ms,
                       r->applied_by, r->dirty, r->dirty_done);
    }
}

void fake_reset(void)
{
    static int registered;

    sg_ledger_free(&fake.ledger);
    memset(&fake, 0, sizeof fake);
    fake.connect_code = SG_EX_UNAVAILABLE;
    fake_driver.caps = SG_CAP_TRANSACTIONAL_DDL;
    fake_driver.txn_age_sql = NULL;
    fake_driver.dialect = SG_DIALECT_SQLITE;
    fake.fail_code = SG_EX_UNAVAILABLE;
    if (!registered++)
        sg_driver_register(&fake_driver);
}

const struct sg_ledger_row *fake_row(const char *version)
{
    for (size_t i = 0; i < fake.ledger.n; i++)
        if (strcmp(fake.ledger.v[i].version, version) == 0)
            return &fake.ledger.v[i];
    return NULL;
}

const char *fake_effects(void)
{
    static char buf[FAKE_MAX * 33];
    size_t n = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < fake.neffects; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "," : "", fake.effects[i]);
    return buf;
}

/* Counts a primitive call and fails it when the countdown says so. */
static int fault(struct sg_conn *c, struct sg_error *err)
{
    fake.calls++;
    if (!fake.fail_call ||
        !(fake.calls == fake.fail_call || (fake.fail_persist && fake.calls >= fake.fail_call)))
        return 0;
    if (c && fake.fail_code == SG_EX_UNAVAILABLE)
        FC(c)->dead = 1;
    return sg_error_set(err, fake.fail_code, "injected failure at call %ld", fake.calls);
}

static int never(void)
{
    return 0;
}

static struct sg_conn *fk_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct fake_conn *f;

    (void)url;
    if (fault(NULL, err) < 0)
        return NULL;
    if (fake.connect_failures > 0) {
        fake.connect_failures--;
        sg_error_set(err, fake.connect_code, "fake server not ready");
        return NULL;
    }
    f = calloc(1, sizeof *f);
    f->base.driver = &fake_driver;
    f->base.stop = o && o->stop ? o->stop : never;
    f->id = ++next_id;
    fake.opened++;
    return &f->base;
}

static void fk_close(struct sg_conn *c)
{
    if (!c)
        return;
    if (fake.lock_owner == FC(c)->id)
        fake.lock_owner = 0; /* the session's end frees its lock */
    if (FC(c)->in_txn) { /* and rolls back its transaction */
        memcpy(fake.effects, FC(c)->effects, sizeof fake.effects);
        fake.neffects = FC(c)->neffects;
        copy_ledger(&fake.ledger, &FC(c)->ledger);
    }
    sg_ledger_free(&FC(c)->ledger);
    fake.closed++;
    free(c);
}

static int fk_transient(const struct sg_error *err)
{
    return err->code == SG_EX_UNAVAILABLE;
}

static void effect(const char *w)
{
    if (fake.neffects < FAKE_MAX)
        snprintf(fake.effects[fake.neffects++], sizeof fake.effects[0], "%s", w);
}

static struct sg_ledger_row *row_mut(const char *version)
{
    return (struct sg_ledger_row *)fake_row(version);
}

/* The 'quoted' value that follows `after` in s, into out. */
static void quoted_after(const char *s, const char *after, char *out, size_t size)
{
    const char *p = strstr(s, after);
    size_t n = 0;

    out[0] = '\0';
    if (!p || !(p = strchr(p + strlen(after), '\'')))
        return;
    for (p++; *p && *p != '\'' && n + 1 < size; p++)
        out[n++] = *p;
    out[n] = '\0';
}

/* The ledger statements record.c writes, as this fake understands them. */
static int ledger_stmt(char *s, struct sg_error *err)
{
    char v[32];
    struct sg_ledger_row *r;

    if (strncmp(s, "CREATE TABLE", 12) == 0) {
        fake.ledger.exists = 1;
        return 0;
    }
    if (strncmp(s, "INSERT INTO", 11) == 0) {
        /* VALUES ('v', 'name', 'checksum', NOW, ms, 'by', true|false, 0) */
        char val[8][80];
        const char *p = strstr(s, "VALUES (");
        int k = 0;
        for (p = p ? p + 8 : s + strlen(s); *p && *p != ')' && k < 8; k++) {
            size_t n = 0;
            while (*p == ' ')
                p++;
            if (*p == '\'')
                for (p++; *p && *p != '\''; p++)
                    val[k][n < 79 ? n++ : n] = *p;
            else
                for (; *p && *p != ',' && *p != ')'; p++)
                    val[k][n < 79 ? n++ : n] = *p;
            val[k][n] = '\0';
            while (*p && *p != ',' && *p != ')')
                p++;
            if (*p == ',')
                p++;
        }
        if (k < 8)
            return sg_error_set(err, SG_EX_DATA, "the fake cannot read: %.60s", s);
        if (row_mut(val[0]))
            return sg_error_set(err, SG_EX_DATA, "duplicate ledger version %s", val[0]);
        sg_ledger_push(&fake.ledger, val[0], val[1], val[2], "2026-01-01T00:00:00Z",
                       atoll(val[4]), val[5], strcmp(val[6], "true") == 0, 0);
        sg_ledger_sort(&fake.ledger);
        return 0;
    }
    quoted_after(s, "WHERE version = ", v, sizeof v);
    if (!(r = row_mut(v)))
        return 0; /* an UPDATE or DELETE that matches nothing */
    if (strncmp(s, "DELETE", 6) == 0) {
        free(r->name);
        free(r->applied_at);
        free(r->applied_by);
        memmove(r, r + 1, (size_t)(fake.ledger.v + fake.ledger.n - r - 1) * sizeof *r);
        fake.ledger.n--;
    } else if (strstr(s, "SET dirty = true")) {
        r->dirty = 1;
        r->dirty_done = 0;
    } else if (strstr(s, "SET dirty_done = ")) {
        r->dirty_done = atoll(strstr(s, "SET dirty_done = ") + 17);
    } else if (strstr(s, "SET dirty = false")) {
        r->dirty = 0;
        r->dirty_done = 0;
    }
    return 0;
}

/* One statement; 0 or -1 with err set. */
static int run1(struct fake_conn *f, char *s, struct sg_error *err)
{
    if (strncmp(s, "BEGIN", 5) == 0) {
        if (f->in_txn)
            return sg_error_set(err, SG_EX_DATA, "already in a transaction");
        f->in_txn = 1;
        memcpy(f->effects, fake.effects, sizeof f->effects);
        f->neffects = fake.neffects;
        copy_ledger(&f->ledger, &fake.ledger);
        return 0;
    }
    if (strcmp(s, "COMMIT") == 0 || strcmp(s, "ROLLBACK") == 0) {
        if (s[0] == 'R' && f->in_txn) {
            memcpy(fake.effects, f->effects, sizeof fake.effects);
            fake.neffects = f->neffects;
            copy_ledger(&fake.ledger, &f->ledger);
        }
        f->in_txn = 0;
        return 0;
    }
    if (strncmp(s, "APPLY ", 6) == 0) {
        effect(s + 6);
        return 0;
    }
    if (strcmp(s, "FAIL") == 0)
        return sg_error_set(err, SG_EX_DATA, "fake failure (F0001)");
    if (strcmp(s, "BUSY") == 0) {
        if (fake.busy > 0) {
            fake.busy--;
            return sg_error_set(err, SG_EX_TEMPFAIL, "lock timeout (F0002)");
        }
        effect("busy");
        return 0;
    }
    if (strcmp(s, "SIGNAL") == 0) { /* as if `kill -TERM` arrived now */
        raise(SIGTERM);
        effect("signal");
        return 0;
    }
    if (strcmp(s, "CRASH") == 0) {
        f->dead = 1;
        return sg_error_set(err, SG_EX_UNAVAILABLE, "server closed the connection");
    }
    if (strcmp(s, "VACUUM") == 0) {
        if (f->in_txn)
            return sg_error_set(err, SG_EX_DATA, "cannot VACUUM from within a transaction");
        effect("vacuum");
        return 0;
    }
    if (strcmp(s, "SET VAR") == 0 || strcmp(s, "RESET VAR") == 0) {
        f->var = s[0] == 'S';
        return 0;
    }
    if (strcmp(s, "CHECK VAR") == 0)
        return f->var ? sg_error_set(err, SG_EX_DATA, "session state leaked (F0003)") : 0;
    if (strncmp(s, "LOCK TABLES", 11) == 0) {
        f->locked = 1;
        return 0;
    }
    if (strcmp(s, "UNLOCK TABLES") == 0) {
        f->locked = 0;
        return 0;
    }
    if (strstr(s, "\"ledger\"")) {
        if (f->locked)
            return sg_error_set(err, SG_EX_DATA,
                                "Table 'ledger' was not locked with LOCK TABLES (1100)");
        return ledger_stmt(s, err);
    }
    if (strcmp(s, "FENCE") == 0)
        return fake.lock_owner == f->id ? 0
                                        : sg_error_set(err, SG_EX_SOFTWARE, "fake lock lost");
    if (strncmp(s, "TIMEOUTS", 8) == 0)
        return 0;
    return sg_error_set(err, SG_EX_DATA, "syntax error near \"%.20s\"", s);
}

static int fk_exec(struct sg_conn *c, const char *sql, size_t len, size_t *done,
                   struct sg_error *err)
{
    struct fake_conn *f = FC(c);
    struct sg_stmt *st = NULL;
    size_t n = 0;
    int rc = 0;

    if (done)
        *done = 0;
    fake.execs++;
    snprintf(fake.last_sql, sizeof fake.last_sql, "%.*s", (int)len, sql);
    if (fault(c, err) < 0)
        return -1;
    if (f->dead)
        return sg_error_set(err, SG_EX_UNAVAILABLE, "no connection to the server");
    if (sg_sql_split(sql, len, SG_DIALECT_SQLITE, "(fake)", 1, &st, &n, err) < 0)
        return -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *s = strndup(sql + st[i].off, st[i].len);
        rc = run1(f, s, err);
        free(s);
        if (rc < 0)
            err->pos = (long long)st[i].off + 1;
        else if (done)
            *done = i + 1;
    }
    free(st);
    return rc;
}

static int fk_in_transaction(struct sg_conn *c)
{
    return FC(c)->in_txn;
}

static void fk_timeouts_sql(struct sg_conn *c, long long lock_ms, long long stmt_ms, int local,
                            struct sg_buf *out)
{
    (void)c;
    if (!local)
        sg_buf_fmt(out, "TIMEOUTS %lld %lld;", lock_ms, stmt_ms);
}

static int fk_failed_cleanly(struct sg_conn *c, const char *stmt, size_t len,
                             const struct sg_error *err)
{
    (void)c;
    (void)err;
    return !(len >= 5 && strncmp(stmt, "CRASH", 5) == 0);
}

static void fk_reset_sql(struct sg_conn *c, struct sg_buf *out)
{
    (void)c;
    sg_buf_str(out, "RESET VAR;");
}

static void fk_blocker(struct sg_conn *c, const char *table, char *buf, size_t size)
{
    (void)c;
    snprintf(buf, size, "waited for %s, blocked by pid 99 (fake blocker)", *table ? table : "?");
}

static int fk_scope(struct sg_conn *c, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    if (fault(c, err) < 0)
        return -1;
    snprintf(buf, size, "fake:%s", table);
    return 0;
}

/* Called as the foreign holder lets go. */
void (*fake_on_release)(void);

static int fk_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    (void)l;
    fake.try_locks++;
    if (fault(c, err) < 0)
        return -1;
    if (FC(c)->dead)
        return sg_error_set(err, SG_EX_UNAVAILABLE, "no connection to the server");
    if (fake.lock_owner == 0 || fake.lock_owner == FC(c)->id) {
        fake.lock_owner = FC(c)->id;
        return 1;
    }
    if (fake.release_after_polls > 0 && --fake.release_after_polls == 0) {
        fake.lock_owner = 0;
        if (fake_on_release)
            fake_on_release();
    }
    return 0;
}

static int fk_unlock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    (void)l;
    if (fault(c, err) < 0)
        return -1;
    if (fake.lock_owner != FC(c)->id)
        return sg_error_set(err, SG_EX_SOFTWARE, "lock not held");
    fake.lock_owner = 0;
    fake.unlocks++;
    return 0;
}

static int fk_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    (void)l;
    if (fault(c, err) < 0)
        return -1;
    return fake.lock_owner == FC(c)->id;
}

static int fk_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    (void)c;
    (void)l;
    (void)err;
    snprintf(buf, size, "%s", fake.lock_owner ? "pid 4242 (fake holder)" : "");
    return 0;
}

static void fk_fence_sql(struct sg_conn *c, struct sg_buf *out)
{
    if (fake.lock_owner == FC(c)->id)
        sg_buf_str(out, "FENCE;");
}

static int fk_ledger_read(struct sg_conn *c, const char *table, unsigned flags,
                          struct sg_ledger *out, struct sg_error *err)
{
    (void)table;
    (void)flags;
    memset(out, 0, sizeof *out);
    if (fault(c, err) < 0)
        return -1;
    if (FC(c)->dead)
        return sg_error_set(err, SG_EX_UNAVAILABLE, "no connection to the server");
    copy_ledger(out, &fake.ledger);
    return 0;
}

static int fk_table_sql(struct sg_conn *c, const char *table, struct sg_buf *out,
                        struct sg_error *err)
{
    (void)c;
    (void)err;
    sg_buf_fmt(out, "\"%s\"", table);
    return 0;
}

static void fk_quote(struct sg_conn *c, const char *v, struct sg_buf *out)
{
    (void)c;
    sg_buf_fmt(out, "'%s'", v);
}

struct sg_ledger fake_foreign;

/* Only another tool's history is read with SELECT here (the ledger has
 * fk_ledger_read); a missing one is code 66. */
static int fk_select(struct sg_conn *c, const char *sql, struct sg_rows *out,
                     struct sg_error *err)
{
    memset(out, 0, sizeof *out);
    if (fault(c, err) < 0)
        return -1;
    if (!strstr(sql, "schema_migrations"))
        return sg_error_set(err, SG_EX_DATA, "the fake selects only schema_migrations");
    if (!fake_foreign.exists)
        return sg_error_set(err, SG_EX_NOINPUT, "no such table: schema_migrations");
    for (size_t i = 0; i < fake_foreign.n; i++) {
        const char *cells[2] = {fake_foreign.v[i].version, fake_foreign.v[i].dirty ? "t" : "f"};
        sg_rows_push(out, cells, strstr(sql, "dirty") ? 2 : 1);
    }
    return 0;
}

static const char *const fk_schemes[] = {"fake", NULL};

struct sg_driver fake_driver = {
    .name = "fake",
    .schemes = fk_schemes,
    .dialect = SG_DIALECT_SQLITE,
    .caps = SG_CAP_TRANSACTIONAL_DDL,
    .begin_sql = "BEGIN",
    .connect = fk_connect,
    .close = fk_close,
    .transient = fk_transient,
    .exec = fk_exec,
    .in_transaction = fk_in_transaction,
    .timeouts_sql = fk_timeouts_sql,
    .failed_cleanly = fk_failed_cleanly,
    .reset_sql = fk_reset_sql,
    .blocker = fk_blocker,
    .scope = fk_scope,
    .try_lock = fk_try_lock,
    .unlock = fk_unlock,
    .lock_held = fk_lock_held,
    .lock_holder = fk_lock_holder,
    .fence_sql = fk_fence_sql,
    .ledger_columns = "(version, name, checksum, applied_at, execution_ms, applied_by, dirty, "
                      "dirty_done)",
    .table_sql = fk_table_sql,
    .quote = fk_quote,
    .now_sql = "NOW",
    .applied_at_sql = "applied_at",
    .select = fk_select,
    .ledger_read = fk_ledger_read,
};
