/* test_postgres.c -- PostgreSQL-specific behaviour of the driver, against the
 * server tests/lib/pg.sh started (SG_TEST_PG_URL, else the first postgres
 * URL of SG_TEST_URLS). A second, plain libpq session plays the operator or
 * the application: terminating backends, holding table locks, reading
 * pg_stat_activity. Migrations go through the core (it_apply, sg_apply),
 * as the engine runs them. Compiled without the driver, the suite is one
 * test that fails unless SG_TEST_ALLOW_SKIP=1. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "integration.h"
#include "record.h"

#ifdef SG_HAVE_POSTGRES

#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <libpq-fe.h>

#include "apply.h"
#include "exitcodes.h"

#define ERRFMT(e) "%s (code %d, sqlstate %s)", (e).msg, (e).code, (e).sqlstate

static const char *pg_url(void)
{
    const char *u = getenv("SG_TEST_PG_URL");
    return u && *u ? u : it_url_for("postgres,postgresql");
}

/* The URL with "?query" (or "&query") appended. */
static const char *url_with(const char *query)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%s%c%s", pg_url(), strchr(pg_url(), '?') ? '&' : '?', query);
    return buf;
}

/* host:port part of the URL ("127.0.0.1:5432"). */
static const char *hostport(void)
{
    static char buf[256];
    const char *at = strchr(pg_url(), '@'), *s = at ? at + 1 : strstr(pg_url(), "//") + 2;
    snprintf(buf, sizeof buf, "%.*s", (int)strcspn(s, "/?"), s);
    return buf;
}

static PGconn *adm_open(const char *app)
{
    PGconn *c = PQconnectdb(pg_url());

    ck_assert_msg(PQstatus(c) == CONNECTION_OK, "admin connect: %s", PQerrorMessage(c));
    if (app) {
        char sql[200];
        snprintf(sql, sizeof sql, "SET application_name = '%s'", app);
        PQclear(PQexec(c, sql));
    }
    return c;
}

/* Runs sql (printf-style) on c; returns the first value (owned, "" if no
 * row). Fails the test on error. */
__attribute__((format(printf, 2, 3))) static char *adm(PGconn *c, const char *fmt, ...)
{
    char sql[2048];
    va_list ap;
    PGresult *r;
    char *v;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    r = PQexec(c, sql);
    ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK,
                  "admin SQL failed: %s: %s", sql, PQerrorMessage(c));
    v = strdup(PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0
                   ? PQgetvalue(r, 0, 0)
                   : "");
    PQclear(r);
    return v;
}

/* adm() for a single value that is only compared. */
static int adm_is(PGconn *c, const char *want, const char *sql)
{
    char *v = adm(c, "%s", sql);
    int ok = strcmp(v, want) == 0;
    if (!ok)
        fprintf(stderr, "  %s -> '%s' (want '%s')\n", sql, v, want);
    free(v);
    return ok;
}

/* The backend pid of the session whose application_name is app. */
static long long pid_of(PGconn *op, const char *app)
{
    char *v = adm(op, "SELECT pid FROM pg_stat_activity WHERE application_name = '%s'", app);
    long long pid = atoll(v);

    free(v);
    return pid;
}

/* Runs m up through the core with both timeouts and some retries. */
static int apply_with(struct sg_conn *c, const char *t, const struct sg_migration *m,
                      long long lock_ms, long long stmt_ms, long long retries, struct sg_error *e)
{
    struct sg_apply_opts o = {.table = t,
                              .applied_by = "it-host:42",
                              .lock_timeout_ms = lock_ms,
                              .statement_timeout_ms = stmt_ms,
                              .retries = retries};

    sg_error_clear(e);
    return sg_apply(c, &o, m, 0, e);
}

static struct sg_conn *ledger_conn(const char **table)
{
    struct sg_conn *c = it_connect(pg_url(), NULL, NULL);
    struct sg_error e = {0};

    *table = it_name("sg_ledger");
    ck_assert_msg(sg_ledger_create(c, *table, &e) == 0, ERRFMT(e));
    return c;
}

static void apply_ok(struct sg_conn *c, const char *t, const char *version, const char *text)
{
    struct sg_migration *m = it_migration(version, "setup", text);
    struct sg_error e = {0};

    ck_assert_msg(it_apply(c, t, m, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(m);
}

/* ---- the lock --------------------------------------------------------- */

START_TEST(test_terminated_holder_frees_the_lock)
{
    const char *app = it_name("sg-it-holder");
    struct sg_conn *a = it_connect(pg_url(), app, NULL), *b = it_connect(pg_url(), NULL, NULL);
    PGconn *op = adm_open(NULL);
    struct sg_lock l;
    struct sg_error e = {0};
    long long pid;

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &l, &e), 0);
    pid = pid_of(op, app);
    ck_assert_int_gt(pid, 0);
    free(adm(op, "SELECT pg_terminate_backend(%lld)", pid));
    ck_assert_int_eq(it_try_lock_within(b, &l, 5000), 1);
    /* The holder learns it lost the session, as "unavailable". */
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), -1);
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE, ERRFMT(e));
    sg_drv_close(a);
    sg_drv_close(b);
    PQfinish(op);
}
END_TEST

START_TEST(test_role_timeouts_do_not_break_waiting_or_migrating)
{
    PGconn *op = adm_open(NULL);
    const char *role = it_name("sg_role");
    char url[1024], text[512];
    struct sg_conn *holder, *w;
    const char *t = it_name("sg_ledger");
    struct sg_lock l;
    struct sg_ledger led = {0};
    struct sg_error e = {0};
    long long end;

    free(adm(op, "CREATE ROLE %s LOGIN", role));
    free(adm(op, "GRANT CREATE ON SCHEMA public TO %s", role));
    free(adm(op,
             "ALTER ROLE %s SET lock_timeout = '1s'; ALTER ROLE %s SET statement_timeout = '1s'; "
             "ALTER ROLE %s SET idle_session_timeout = '1s'; ALTER ROLE %s SET "
             "idle_in_transaction_session_timeout = '1s'",
             role, role, role, role));
    snprintf(url, sizeof url, "postgres://%s@%s/postgres", role, hostport());
    /* The holder, as the engine makes it: lock, then prepare(). */
    holder = it_connect(url, NULL, NULL);
    it_lock_for(holder, t, &l);
    ck_assert_int_eq(holder->driver->try_lock(holder, &l, &e), 1);
    ck_assert_msg(holder->driver->prepare(holder, &e) == 0, ERRFMT(e));
    /* Waiters, as the engine polls: a session per poll (ledger read, then
     * try_lock), none kept between polls, for 3.5 s, with the holder idle
     * the whole time: longer than every role timeout. */
    end = it_now_ms() + 3500;
    while (it_now_ms() < end) {
        w = it_connect(url, NULL, NULL);
        ck_assert_msg(w->driver->ledger_read(w, t, 0, &led, &e) == 0, ERRFMT(e));
        sg_ledger_free(&led);
        int r = w->driver->try_lock(w, &l, &e);
        ck_assert_msg(r == 0, "waiter got %d: %s (code %d)", r, e.msg, e.code);
        sg_drv_close(w);
        it_sleep_ms(1300);
    }
    ck_assert_int_eq(holder->driver->lock_held(holder, &l, &e), 1);
    ck_assert_msg(holder->driver->unlock(holder, &l, &e) == 0, ERRFMT(e));
    sg_drv_close(holder);
    w = it_connect(url, NULL, NULL);
    ck_assert_int_eq(it_try_lock_within(w, &l, 2000), 1);
    /* Before prepare(), from the start-up packet alone: no role timeout. A
     * migration longer than the role's statement_timeout runs. */
    ck_assert_msg(sg_ledger_create(w, t, &e) == 0, ERRFMT(e));
    snprintf(text, sizeof text, "%s",
             "-- migrate:up\nDO $$BEGIN IF current_setting('lock_timeout') <> '0' OR "
             "current_setting('statement_timeout') <> '0' OR "
             "current_setting('idle_in_transaction_session_timeout') <> '0' THEN RAISE "
             "'timeouts % % %', current_setting('lock_timeout'), "
             "current_setting('statement_timeout'), "
             "current_setting('idle_in_transaction_session_timeout'); END IF; END$$;\n"
             "SELECT pg_sleep(1.3);\n");
    apply_ok(w, t, "1", text);
    /* After prepare(), idle longer than the role's idle_session_timeout. */
    ck_assert_msg(w->driver->prepare(w, &e) == 0, ERRFMT(e));
    it_sleep_ms(1300);
    ck_assert_int_eq(w->driver->lock_held(w, &l, &e), 1);
    snprintf(text, sizeof text, "%s",
             "-- migrate:up\nDO $$BEGIN IF current_setting('idle_session_timeout') <> '0' THEN "
             "RAISE 'idle_session_timeout %', current_setting('idle_session_timeout'); END IF; "
             "END$$;\n");
    if (atoi(PQparameterStatus(op, "server_version")) >= 14)
        apply_ok(w, t, "2", text);
    sg_drv_close(w);
    PQfinish(op);
}
END_TEST

START_TEST(test_advisory_polling_is_not_subject_to_the_ddl_lock_timeout)
{
    struct sg_conn *a = it_connect(pg_url(), NULL, NULL), *b = it_connect(pg_url(), NULL, NULL);
    struct sg_buf set = {0};
    struct sg_lock l;
    struct sg_error e = {0};

    /* b's session carries the tightest timeouts a tracked migration sets. */
    b->driver->timeouts_sql(b, 50, 50, 0, &set);
    ck_assert_msg(set.n > 0 && sg_drv_exec(b, set.p, set.n, NULL, &e) == 0, ERRFMT(e));
    sg_buf_free(&set);
    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(it_try_lock_within(b, &l, 1000), 0);
    sg_drv_close(a);
    ck_assert_int_eq(it_try_lock_within(b, &l, 5000), 1);
    sg_drv_close(b);
}
END_TEST

START_TEST(test_lock_holder_names_pid_application_and_ages)
{
    char app[64], pidstr[32];
    struct sg_conn *a, *b = it_connect(pg_url(), NULL, NULL);
    struct sg_lock l;
    struct sg_error e = {0};
    char holder[256];

    snprintf(app, sizeof app, "holder-app-%d", (int)getpid());
    a = it_connect(pg_url(), app, NULL);
    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    {
        PGconn *op = adm_open(NULL);
        snprintf(pidstr, sizeof pidstr, "pid %lld (", pid_of(op, app));
        PQfinish(op);
    }
    ck_assert_msg(strstr(holder, pidstr) && strstr(holder, app) &&
                      strstr(holder, "from 127.0.0.1") && strstr(holder, "session open") &&
                      strstr(holder, "idle for"),
                  "holder: '%s'", holder);
    sg_drv_close(a);
    it_sleep_ms(200);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    ck_assert_str_eq(holder, "");
    sg_drv_close(b);
}
END_TEST

START_TEST(test_scope_is_database_schema_and_table)
{
    PGconn *op = adm_open(NULL);
    const char *schema = it_name("sg_schema");
    char want[256], q[128];
    struct sg_conn *a = it_connect(pg_url(), NULL, NULL), *b;
    char scope[256];
    struct sg_lock la, lb;
    struct sg_error e = {0};

    ck_assert_msg(a->driver->scope(a, "ledger", scope, sizeof scope, &e) == 0, ERRFMT(e));
    ck_assert_str_eq(scope, "\"postgres\".\"public\".\"ledger\"");
    /* Another schema through the URL: its own key, its own ledger. */
    free(adm(op, "CREATE SCHEMA %s", schema));
    snprintf(q, sizeof q, "options=-c%%20search_path%%3D%s", schema);
    b = it_connect(url_with(q), NULL, NULL);
    ck_assert_msg(b->driver->scope(b, "ledger", scope, sizeof scope, &e) == 0, ERRFMT(e));
    snprintf(want, sizeof want, "\"postgres\".\"%s\".\"ledger\"", schema);
    ck_assert_str_eq(scope, want);
    it_lock_for(a, "ledger", &la);
    it_lock_for(b, "ledger", &lb);
    ck_assert_int_eq(a->driver->try_lock(a, &la, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &lb, &e), 1);
    ck_assert_msg(sg_ledger_create(b, "ledger", &e) == 0, ERRFMT(e));
    snprintf(want, sizeof want, "SELECT to_regclass('%s.ledger') IS NOT NULL", schema);
    ck_assert(adm_is(op, "t", want));
    sg_drv_close(a);
    sg_drv_close(b);
    PQfinish(op);
}
END_TEST

/* "options=-c%20a%3Db%20-c%20..." for a URL, from "-c a=b -c ...". */
static const char *options_param(const char *opts)
{
    static char buf[512];
    size_t n = snprintf(buf, sizeof buf, "options=");
    for (const char *s = opts; *s && n + 4 < sizeof buf; s++)
        n += *s == ' '   ? (size_t)snprintf(buf + n, 4, "%%20")
             : *s == '=' ? (size_t)snprintf(buf + n, 4, "%%3D")
             : *s == ',' ? (size_t)snprintf(buf + n, 4, "%%2C")
                         : (size_t)snprintf(buf + n, 2, "%c", *s);
    return buf;
}

/* Fails (in the migration) unless the session's statement_timeout is 0. */
static const char *const no_statement_timeout =
    "-- migrate:up\nDO $$BEGIN IF current_setting('statement_timeout') <> '0' THEN RAISE "
    "'statement_timeout %', current_setting('statement_timeout'); END IF; END$$;\n";

START_TEST(test_session_settings_follow_the_urls_options_and_pgoptions)
{
    PGconn *op = adm_open(NULL);
    const char *schema = it_name("sg_opts");
    char opts[256], want[256], scope[256];
    struct sg_conn *a;
    struct sg_error e = {0};

    free(adm(op, "CREATE SCHEMA %s", schema));
    snprintf(want, sizeof want, "\"postgres\".\"%s\".\"ledger\"", schema);
    /* The URL's own options are kept; ours come after them and win. */
    snprintf(opts, sizeof opts, "-c statement_timeout=7s -c search_path=%s", schema);
    a = it_connect_opts(url_with(options_param(opts)), &(struct sg_connect_opts){0}, NULL);
    ck_assert_msg(a->driver->scope(a, "ledger", scope, sizeof scope, &e) == 0, ERRFMT(e));
    ck_assert_str_eq(scope, want);
    ck_assert_msg(sg_ledger_create(a, "ledger", &e) == 0, ERRFMT(e));
    apply_ok(a, "ledger", "1", no_statement_timeout);
    sg_drv_close(a);
    /* So are PGOPTIONS, which libpq reads when the URL has none. */
    snprintf(opts, sizeof opts, "-c statement_timeout=7s -c search_path=%s", schema);
    setenv("PGOPTIONS", opts, 1);
    a = it_connect(pg_url(), NULL, NULL);
    unsetenv("PGOPTIONS");
    ck_assert_msg(a->driver->scope(a, "ledger", scope, sizeof scope, &e) == 0, ERRFMT(e));
    ck_assert_str_eq(scope, want);
    apply_ok(a, "ledger", "2", no_statement_timeout);
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

START_TEST(test_the_ledger_is_current_schemas_even_when_a_later_schema_has_one)
{
    PGconn *op = adm_open(NULL);
    const char *first = it_name("sg_first"), *later = it_name("sg_later");
    char opts[256], path[512], scope[256], want[256];
    struct sg_conn *a;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    free(adm(op, "CREATE SCHEMA %s; CREATE SCHEMA %s", first, later));
    /* A ledger with one row in the later schema only. */
    snprintf(opts, sizeof opts, "-c search_path=%s", later);
    a = it_connect_opts(url_with(options_param(opts)), &(struct sg_connect_opts){0}, NULL);
    ck_assert_msg(sg_ledger_create(a, "ledger", &e) == 0, ERRFMT(e));
    apply_ok(a, "ledger", "1", "-- migrate:up\nSELECT 1;\n");
    sg_drv_close(a);
    /* search_path = first, later: the ledger is first's, which is missing. */
    snprintf(opts, sizeof opts, "-c search_path=%s,%s", first, later);
    snprintf(path, sizeof path, "%s", url_with(options_param(opts)));
    a = it_connect(path, NULL, NULL);
    ck_assert_msg(a->driver->ledger_read(a, "ledger", 0, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(l.exists, 0);
    ck_assert_msg(a->driver->scope(a, "ledger", scope, sizeof scope, &e) == 0, ERRFMT(e));
    snprintf(want, sizeof want, "\"postgres\".\"%s\".\"ledger\"", first);
    ck_assert_str_eq(scope, want);
    ck_assert_msg(sg_ledger_create(a, "ledger", &e) == 0, ERRFMT(e));
    sg_drv_close(a);
    /* Once first has one, a new session reads first's (empty), not later's. */
    a = it_connect(path, NULL, NULL);
    ck_assert_msg(a->driver->ledger_read(a, "ledger", 0, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(l.exists, 1);
    ck_assert_uint_eq(l.n, 0);
    sg_ledger_free(&l);
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

START_TEST(test_a_missing_ledger_reads_as_absent_on_every_new_session)
{
    const char *t = it_name("sg_ledger");
    struct sg_conn *a;
    struct sg_ledger l = {0};
    struct sg_lock lk;
    struct sg_error e = {0};
    char scope[256];

    for (unsigned i = 0; i < 2; i++) {
        /* First the read that fails (42P01), then (the engine having seen
         * no ledger) the probe: both "absent", the session still usable. */
        a = it_connect(pg_url(), NULL, NULL);
        ck_assert_msg(a->driver->ledger_read(a, t, i ? SG_LEDGER_PROBE : 0, &l, &e) == 0,
                      ERRFMT(e));
        ck_assert_int_eq(l.exists, 0);
        ck_assert_msg(a->driver->scope(a, t, scope, sizeof scope, &e) == 0, ERRFMT(e));
        it_lock_for(a, t, &lk);
        ck_assert_int_eq(a->driver->lock_held(a, &lk, &e), 0);
        if (i == 1)
            ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
        sg_drv_close(a);
    }
    /* The probe finds it and reads it; then plain reads again. */
    a = it_connect(pg_url(), NULL, NULL);
    ck_assert_msg(a->driver->ledger_read(a, t, SG_LEDGER_PROBE, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(l.exists, 1);
    apply_ok(a, t, "1", "-- migrate:up\nSELECT 1;\n");
    sg_drv_close(a);
    a = it_connect(pg_url(), NULL, NULL);
    ck_assert_ptr_nonnull(it_row(a, t, "1", &l));
    ck_assert_int_eq(l.exists, 1);
    sg_ledger_free(&l);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_no_schema_of_the_search_path_is_a_configuration_error)
{
    char opts[128], scope[256];
    struct sg_conn *a;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    snprintf(opts, sizeof opts, "-c search_path=%s", it_name("sg_nosuch"));
    /* Refused by whatever needs the schema first: the ledger read... */
    a = it_connect_opts(url_with(options_param(opts)), &(struct sg_connect_opts){0}, NULL);
    ck_assert_int_eq(a->driver->ledger_read(a, "ledger", 0, &l, &e), -1);
    ck_assert_msg(e.code == SG_EX_CONFIG && strstr(e.msg, "no schema of the search_path"),
                  ERRFMT(e));
    sg_drv_close(a);
    /* ... or the lock's scope. */
    a = it_connect_opts(url_with(options_param(opts)), &(struct sg_connect_opts){0}, NULL);
    ck_assert_int_eq(a->driver->scope(a, "ledger", scope, sizeof scope, &e), -1);
    ck_assert_msg(e.code == SG_EX_CONFIG && strstr(e.msg, "no schema of the search_path"),
                  ERRFMT(e));
    sg_drv_close(a);
}
END_TEST

START_TEST(test_the_lock_is_taken_on_the_backends_pid_from_the_start)
{
    PGconn *op = adm_open(NULL);
    char app[64], want[64], holder[256];
    struct sg_conn *a, *b = it_connect(pg_url(), NULL, NULL);
    struct sg_lock l;
    struct sg_error e = {0};

    /* try_lock is the session's first statement: the pid it is checked
     * against is BackendKeyData's, which is the backend's own. */
    snprintf(app, sizeof app, "sg-it-pid-%d", (int)getpid());
    a = it_connect(pg_url(), app, NULL);
    it_lock_for(b, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), 1);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    snprintf(want, sizeof want, "pid %lld (%s)", pid_of(op, app), app);
    ck_assert_msg(strncmp(holder, want, strlen(want)) == 0, "holder '%s', want '%s'", holder, want);
    sg_drv_close(a);
    sg_drv_close(b);
    PQfinish(op);
}
END_TEST

static struct sg_conn *volatile alarm_conn;

static void on_alarm(int sig)
{
    (void)sig;
    if (alarm_conn)
        alarm_conn->driver->interrupt(alarm_conn);
}

START_TEST(test_interrupt_from_a_signal_handler_cancels_the_migration)
{
    const char *t;
    struct sg_conn *a = ledger_conn(&t);
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};
    struct itimerval it = {.it_value = {.tv_sec = 0, .tv_usec = 300000}};
    long long t0;

    m = it_migration("1", "slow",
                     "-- migrate:up\nCREATE TABLE sg_slow_x (i int);\n"
                     "SELECT pg_sleep(30);\n");
    alarm_conn = a;
    signal(SIGALRM, on_alarm);
    setitimer(ITIMER_REAL, &it, NULL);
    t0 = it_now_ms();
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    alarm_conn = NULL;
    ck_assert_msg(it_now_ms() - t0 < 5000, "took %lld ms", it_now_ms() - t0);
    ck_assert_str_eq(e.sqlstate, "57014");
    /* Rolled back, and the session is still usable. */
    ck_assert_ptr_null(it_row(a, t, "1", &l));
    sg_ledger_free(&l);
    apply_ok(a, t, "2", "-- migrate:up\nCREATE TABLE sg_slow_x (i int);\n");
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_migration_releasing_the_lock_is_rolled_back)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *op = adm_open(NULL);
    char text[256], q[128];
    struct sg_migration *m;
    struct sg_lock l;
    struct sg_ledger led = {0};
    struct sg_error e = {0};

    it_lock_for(a, t, &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i int);\nSELECT pg_advisory_unlock_all();\n", x);
    m = it_migration("3", "unlocks", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_SOFTWARE && strstr(e.msg, "no longer holds"), ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "3", &led));
    sg_ledger_free(&led);
    snprintf(q, sizeof q, "SELECT to_regclass('%s') IS NULL", x);
    ck_assert(adm_is(op, "t", q));
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

START_TEST(test_a_migrations_settings_and_role_do_not_reach_the_next_one)
{
    const char *t, *role = it_name("sg_nobody");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *op = adm_open(NULL);
    char text[768];

    free(adm(op, "CREATE ROLE %s NOLOGIN", role));
    /* The ledger row is written after the file's SETs: as the session's
     * own role (the role set here could not write it), on a clean slate. */
    snprintf(text, sizeof text,
             "-- migrate:up\nSET lock_timeout = '5s';\nSET search_path = pg_catalog;\n"
             "SET ROLE %s;\n",
             role);
    apply_ok(a, t, "1", text);
    snprintf(text, sizeof text, "-- migrate:up transaction:false\nSET ROLE %s;\n", role);
    apply_ok(a, t, "2", text);
    apply_ok(a, t, "3",
             "-- migrate:up\nDO $$BEGIN IF current_setting('lock_timeout') <> '0' OR "
             "current_user <> session_user OR current_setting('search_path') NOT LIKE '%public%' "
             "THEN RAISE 'leaked: % % %', current_setting('lock_timeout'), current_user, "
             "current_setting('search_path'); END IF; END$$;\n");
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

/* ---- error positions -------------------------------------------------- */

START_TEST(test_error_position_maps_to_file_line_and_character_column)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    char text[512], want[256];
    struct sg_migration *m;
    struct sg_error e = {0};

    /* Line 4, and "emial" starts at character 19 (byte 21: ü and é are two
     * bytes each). The comment has multibyte text too. */
    snprintf(text, sizeof text,
             "-- migrate:up\n-- é ü 日本\nCREATE TABLE %s (a int);\n"
             "SELECT 'ü', 'é',  emial FROM %s;\n",
             x, x);
    m = it_migration("20240102", "add_email", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    printf("  position: %s\n", e.msg);
    snprintf(want, sizeof want,
             "20240102_add_email.sql:4:19: column \"emial\" does not exist (42703)");
    ck_assert_msg(strncmp(e.msg, want, strlen(want)) == 0, "got '%s', want '%s'", e.msg, want);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_str_eq(e.sqlstate, "42703");
    it_migration_free(m);

    /* Two statements on one line, the second one failing. */
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s_b (a int);\n\nSELECT 1; SELECT nope FROM %s_b;\n", x,
             x);
    m = it_migration("20240103", "two", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(strncmp(e.msg, "20240103_two.sql:4:18: column \"nope\"", 36) == 0, "got '%s'",
                  e.msg);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_error_without_position_names_the_failing_statement)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    char text[512];
    struct sg_migration *m;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i int PRIMARY KEY);\nINSERT INTO %s VALUES (1);\n"
             "\n  INSERT INTO %s VALUES (1);\n",
             x, x, x);
    m = it_migration("5", "dup", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(strncmp(e.msg, "5_dup.sql:5:3: duplicate key value", 34) == 0 &&
                      strstr(e.msg, "(23505)"),
                  "got '%s'", e.msg);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* ---- non-transactional migrations ------------------------------------- */

START_TEST(test_create_index_concurrently_runs_in_a_transaction_false_migration)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *op = adm_open(NULL);
    char text[512], q[256];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i int);\n", x);
    apply_ok(a, t, "1", text);
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\n"
             "CREATE INDEX CONCURRENTLY %s_i ON %s (i);\n"
             "-- a comment between; with a semicolon\n"
             "CREATE INDEX CONCURRENTLY IF NOT EXISTS %s_i2 ON %s (i) -- trailing\n",
             x, x, x, x);
    m = it_migration("2", "cic", text);
    ck_assert_msg(it_apply(a, t, m, 0, 5000, &e) == 0, ERRFMT(e));
    snprintf(q, sizeof q,
             "SELECT bool_and(indisvalid)::text || count(*) FROM pg_index WHERE indexrelid IN "
             "('%s_i'::regclass, '%s_i2'::regclass)",
             x, x);
    ck_assert(adm_is(op, "true2", q));
    r = it_row(a, t, "2", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    ck_assert_int_eq(r->dirty_done, 0);
    sg_ledger_free(&l);
    /* And the session timeouts were put back. */
    it_migration_free(m);
    m = it_migration("3", "check",
                     "-- migrate:up\nDO $$BEGIN IF current_setting('lock_timeout') <> '0' THEN "
                     "RAISE 'lock_timeout %', current_setting('lock_timeout'); END IF; END$$;\n");
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

START_TEST(test_create_index_concurrently_in_a_plain_migration_runs_statement_by_statement)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *op = adm_open(NULL);
    char text[512], q[256];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i int);\n", x);
    apply_ok(a, t, "1", text);
    /* No transaction:false: the core sees a statement that cannot run in a
     * transaction and tracks the migration (it used to fail with 25001). */
    snprintf(text, sizeof text, "-- migrate:up\n\nCREATE INDEX CONCURRENTLY %s_i ON %s (i);\n", x,
             x);
    m = it_migration("2", "cic_tx", text);
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    snprintf(q, sizeof q, "SELECT indisvalid FROM pg_index WHERE indexrelid = '%s_i'::regclass", x);
    ck_assert(adm_is(op, "t", q));
    r = it_row(a, t, "2", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(op);
}
END_TEST

START_TEST(test_enum_value_used_in_its_own_transaction_hints_and_works_without_one)
{
    const char *t, *x = it_name("sg_mood");
    struct sg_conn *a = ledger_conn(&t);
    char text[512];
    struct sg_migration *m;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TYPE %s AS ENUM ('ok');\n", x);
    apply_ok(a, t, "1", text);
    snprintf(text, sizeof text,
             "-- migrate:up\nALTER TYPE %s ADD VALUE 'sad';\nSELECT 'sad'::%s;\n", x, x);
    m = it_migration("2", "add_sad", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(strstr(e.msg, "2_add_sad.sql:3:") && strstr(e.msg, "(55P04)") &&
                      strstr(e.msg, "transaction:false"),
                  ERRFMT(e));
    it_migration_free(m);
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nALTER TYPE %s ADD VALUE 'sad';\n"
             "SELECT 'sad'::%s;\n",
             x, x);
    m = it_migration("2", "add_sad", text);
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_failing_non_transactional_migration_leaves_a_dirty_marker)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i int);\n"
             "CREATE INDEX CONCURRENTLY %s_i ON %s (nope);\nVACUUM %s;\n",
             x, x, x, x);
    m = it_migration("4", "cic_bad", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && strncmp(e.msg, "4_cic_bad.sql:3:", 16) == 0 &&
                      strstr(e.msg, "(42703)"),
                  ERRFMT(e));
    r = it_row(a, t, "4", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 1);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_statement_timeout_bounds_each_statement_not_the_migration)
{
    struct sg_conn *a = it_connect(pg_url(), NULL, NULL);
    const char *t = it_name("sg_ledger");
    struct sg_migration *ok, *slow, *slow_notx;
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ok = it_migration("1", "three_short",
                      "-- migrate:up\nSELECT pg_sleep(0.25);\nSELECT pg_sleep(0.25);\n"
                      "SELECT pg_sleep(0.25);\n");
    ck_assert_msg(apply_with(a, t, ok, 0, 400, 0, &e) == 0, ERRFMT(e));
    slow = it_migration("2", "one_long", "-- migrate:up\nSELECT 1;\nSELECT pg_sleep(1);\n");
    ck_assert_int_eq(apply_with(a, t, slow, 0, 400, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && strstr(e.msg, "2_one_long.sql:3:1:") &&
                      strstr(e.msg, "(57014)"),
                  ERRFMT(e));
    slow_notx = it_migration("3", "one_long_notx",
                             "-- migrate:up transaction:false\nSELECT pg_sleep(0.25);\n"
                             "SELECT pg_sleep(0.25);\nSELECT pg_sleep(1);\n");
    ck_assert_int_eq(apply_with(a, t, slow_notx, 0, 400, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && strstr(e.msg, "3_one_long_notx.sql:4:1:") &&
                      strstr(e.msg, "(57014)"),
                  ERRFMT(e));
    it_migration_free(ok);
    it_migration_free(slow);
    it_migration_free(slow_notx);
    sg_drv_close(a);
}
END_TEST

/* ---- table-lock timeouts (issue 9) ------------------------------------ */

/* A thread that, after delay_ms, times one SELECT on table from its own
 * session (the application's traffic). */
struct reader {
    pthread_t th;
    char table[128];
    long long delay_ms, took_ms;
    int ok;
};

static void *reader_main(void *arg)
{
    struct reader *r = arg;
    char sql[256];
    PGconn *c = PQconnectdb(pg_url());
    PGresult *res;
    long long t0;

    it_sleep_ms(r->delay_ms);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", r->table);
    t0 = it_now_ms();
    res = PQexec(c, sql);
    r->took_ms = it_now_ms() - t0;
    r->ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    PQclear(res);
    PQfinish(c);
    return NULL;
}

static void reader_start(struct reader *r, const char *table, long long delay_ms)
{
    memset(r, 0, sizeof *r);
    snprintf(r->table, sizeof r->table, "%s", table);
    r->delay_ms = delay_ms;
    ck_assert_int_eq(pthread_create(&r->th, NULL, reader_main, r), 0);
}

START_TEST(test_table_lock_timeout_gives_75_naming_the_table_and_the_blocker)
{
    const char *t, *x = it_name("sg_orders");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *blocker = adm_open("it-blocker");
    char text[512], pidtxt[32];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};
    long long t0;
    struct reader rd;

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i int);\n", x);
    apply_ok(a, t, "1", text);
    /* The application: an open transaction that read the table. */
    free(adm(blocker, "BEGIN"));
    free(adm(blocker, "SELECT count(*) FROM %s", x));
    snprintf(pidtxt, sizeof pidtxt, "pid %d (it-blocker)", PQbackendPID(blocker));
    snprintf(text, sizeof text, "-- migrate:up\nALTER TABLE %s ADD COLUMN note text;\n", x);
    m = it_migration("2", "add_note", text);
    reader_start(&rd, x, 200);
    t0 = it_now_ms();
    ck_assert_int_eq(it_apply(a, t, m, 0, 800, &e), -1);
    ck_assert_msg(it_now_ms() - t0 < 3000, "took %lld ms", it_now_ms() - t0);
    printf("  75: %s\n", e.msg);
    ck_assert_msg(e.code == SG_EX_TEMPFAIL, ERRFMT(e));
    /* The core prefixes its retry summary ("gave up after 1 attempt(s)"). */
    ck_assert_msg(strstr(e.msg, "safe to retry") && strstr(e.msg, "2_add_note.sql:2:1:") &&
                      strstr(e.msg, "(55P03)") && strstr(e.msg, "table ") && strstr(e.msg, x) &&
                      strstr(e.msg, pidtxt) && strstr(e.msg, "idle in transaction"),
                  "got '%s' (want the table %s and %s)", e.msg, x, pidtxt);
    /* The third session was held up for at most about the lock timeout. */
    pthread_join(rd.th, NULL);
    ck_assert_msg(rd.ok && rd.took_ms < 1000, "the application's SELECT took %lld ms", rd.took_ms);
    ck_assert_ptr_null(it_row(a, t, "2", &l));
    sg_ledger_free(&l);
    /* Once the application commits, the same migration goes through. */
    free(adm(blocker, "COMMIT"));
    ck_assert_msg(it_apply(a, t, m, 0, 800, &e) == 0, ERRFMT(e));
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(blocker);
}
END_TEST

/* Commits `c`'s open transaction wait_ms after `query` first says true
 * (the migration has recorded its progress and is waiting for the lock). */
struct committer {
    pthread_t th;
    PGconn *c;
    char query[256];
    long long wait_ms;
    int saw;
};

static void *committer_main(void *arg)
{
    struct committer *k = arg;
    PGconn *op = PQconnectdb(pg_url());

    for (long long end = it_now_ms() + 10000; !k->saw && it_now_ms() < end; it_sleep_ms(20)) {
        PGresult *r = PQexec(op, k->query);
        k->saw = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
                 strcmp(PQgetvalue(r, 0, 0), "t") == 0;
        PQclear(r);
    }
    it_sleep_ms(k->wait_ms);
    PQclear(PQexec(k->c, "COMMIT"));
    PQfinish(op);
    return NULL;
}

START_TEST(test_non_transactional_retry_resumes_at_the_statement_that_timed_out)
{
    const char *t, *x = it_name("sg_x"), *y = it_name("sg_y");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *blocker = adm_open("it-blocker"), *op = adm_open(NULL);
    char text[512], q[128];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};
    struct committer k = {.wait_ms = 600};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i int);\n", y);
    apply_ok(a, t, "1", text);
    free(adm(blocker, "BEGIN"));
    free(adm(blocker, "SELECT count(*) FROM %s", y));
    /* Without retries: gave up with two statements applied, so 65 (not
     * 75: the migration is partly applied), dirty at the third. */
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i int);\n"
             "INSERT INTO %s VALUES (1);\nALTER TABLE %s ADD COLUMN j int;\n",
             x, x, y);
    m = it_migration("2", "resume", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 300, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && strstr(e.msg, "2_resume.sql:4:1:") &&
                      strstr(e.msg, "(55P03)") && strstr(e.msg, "stays dirty"),
                  ERRFMT(e));
    r = it_row(a, t, "2", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 2);
    sg_ledger_free(&l);
    it_migration_free(m);
    /* With retries, the blocker commits while we back off: only the
     * statement that timed out runs again. */
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s_2 (i int);\n"
             "INSERT INTO %s_2 VALUES (1);\nALTER TABLE %s ADD COLUMN j int;\n",
             x, x, y);
    m = it_migration("3", "resume", text);
    k.c = blocker;
    snprintf(k.query, sizeof k.query, "SELECT dirty AND dirty_done = 2 FROM %s WHERE version = '3'",
             t);
    ck_assert_int_eq(pthread_create(&k.th, NULL, committer_main, &k), 0);
    ck_assert_msg(apply_with(a, t, m, 300, 0, 5, &e) == 0, ERRFMT(e));
    pthread_join(k.th, NULL);
    ck_assert(k.saw);
    snprintf(q, sizeof q, "SELECT count(*) FROM %s_2", x);
    ck_assert(adm_is(op, "1", q));
    r = it_row(a, t, "3", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(blocker);
    PQfinish(op);
}
END_TEST

START_TEST(test_concurrent_index_left_invalid_by_a_timeout_is_reported)
{
    const char *t, *x = it_name("sg_x");
    struct sg_conn *a = ledger_conn(&t);
    PGconn *blocker = adm_open("it-writer"), *op = adm_open(NULL);
    char text[512], q[256];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i int);\n", x);
    apply_ok(a, t, "1", text);
    /* A writer's open transaction: CIC gets past its first lock, creates
     * the (invalid) index, then times out waiting for the writer. */
    free(adm(blocker, "BEGIN"));
    free(adm(blocker, "INSERT INTO %s VALUES (1)", x));
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY %s_i ON %s (i);\n", x, x);
    m = it_migration("2", "cic_wait", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 300, &e), -1);
    printf("  cic: %s\n", e.msg);
    /* Reported, not dropped: the index stays for a human to drop, the
     * migration stays dirty and is not retried blindly. */
    ck_assert_msg(e.code == SG_EX_DATA && strstr(e.msg, "(55P03)") &&
                      strstr(e.msg, "INVALID index") && strstr(e.msg, "DROP INDEX CONCURRENTLY") &&
                      strstr(e.msg, "it-writer"),
                  ERRFMT(e));
    snprintf(q, sizeof q,
             "SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('%s_i') AND NOT "
             "indisvalid",
             x);
    ck_assert(adm_is(op, "1", q));
    r = it_row(a, t, "2", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 0);
    sg_ledger_free(&l);
    free(adm(blocker, "COMMIT"));
    it_migration_free(m);
    sg_drv_close(a);
    PQfinish(blocker);
    PQfinish(op);
}
END_TEST

/* ---- connecting ------------------------------------------------------- */

START_TEST(test_application_name_is_ours_unless_the_url_sets_one)
{
    PGconn *op = adm_open(NULL);
    char app[64], q[256], other[64];
    struct sg_conn *a, *b;

    snprintf(app, sizeof app, "sg-it-app-%d", (int)getpid());
    snprintf(other, sizeof other, "from-url-%d", (int)getpid());
    a = it_connect(pg_url(), app, NULL);
    snprintf(q, sizeof q, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '%s'",
             app);
    ck_assert(adm_is(op, "1", q));
    snprintf(q, sizeof q, "application_name=%s&keepalives_idle=7&connect_timeout=3", other);
    b = it_connect(url_with(q), app, NULL);
    snprintf(q, sizeof q,
             "SELECT count(*) FROM pg_stat_activity WHERE application_name IN ('%s', '%s')", app,
             other);
    ck_assert(adm_is(op, "2", q));
    sg_drv_close(a);
    sg_drv_close(b);
    PQfinish(op);
}
END_TEST

START_TEST(test_password_comes_from_pgpassfile_and_a_wrong_one_is_69_without_leaking)
{
    const char *pw = getenv("PGTEST_PW_PASSWORD"), *pwurl = getenv("PGTEST_PW_URL");
    char path[256], line[512], bad[1024];
    struct sg_error e = {0};
    struct sg_conn *c;
    FILE *f;

    if (!pw || !pwurl) {
        printf("postgres: PGTEST_PW_URL unset (tests/lib/pg.sh sets it): skipping\n");
        return;
    }
    snprintf(path, sizeof path, "/tmp/sg-it-pgpass-%d", (int)getpid());
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    snprintf(line, sizeof line, "%s:*:sg_pw:%s\n", hostport(), pw);
    fputs(line, f);
    fclose(f);
    chmod(path, 0600);
    setenv("PGPASSFILE", path, 1);
    c = it_connect(pwurl, NULL, &e);
    ck_assert_msg(c != NULL, ERRFMT(e));
    sg_drv_close(c);
    unsetenv("PGPASSFILE");
    unlink(path);

    snprintf(bad, sizeof bad, "postgres://sg_pw:Canary-Pw-%d@%s/postgres", (int)getpid(),
             hostport());
    c = it_connect(bad, NULL, &e);
    ck_assert_ptr_null(c);
    ck_assert_int_eq(e.code, SG_EX_UNAVAILABLE);
    ck_assert_str_eq(e.sqlstate, "28P01");
    ck_assert_msg(!strstr(e.msg, "Canary-Pw"), "password leaked: %s", e.msg);
}
END_TEST

START_TEST(test_bad_url_parameters_are_configuration_errors)
{
    struct sg_error e = {0};

    ck_assert_ptr_null(it_connect(url_with("no_such_param=1"), NULL, &e));
    ck_assert_msg(e.code == SG_EX_CONFIG, ERRFMT(e));
    ck_assert_ptr_null(it_connect(url_with("sslmode=bogus"), NULL, &e));
    ck_assert_msg(e.code == SG_EX_CONFIG, ERRFMT(e));
}
END_TEST

START_TEST(test_unreachable_server_is_unavailable_and_multi_host_urls_work)
{
    struct sg_error e = {0};
    char url[512];
    struct sg_conn *c;

    ck_assert_ptr_null(it_connect("postgres://postgres@127.0.0.1:1/postgres", NULL, &e));
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE, ERRFMT(e));
    snprintf(url, sizeof url,
             "postgresql://postgres@127.0.0.1:1,%s/postgres?target_session_attrs=read-write",
             hostport());
    c = it_connect(url, NULL, &e);
    ck_assert_msg(c != NULL, ERRFMT(e));
    sg_drv_close(c);
}
END_TEST

/* A TCP port on 127.0.0.1 that nothing listens on right now. */
static int it_free_port(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), port;

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    port = ntohs(a.sin_port);
    close(fd);
    return port;
}

START_TEST(test_a_hot_standby_is_refused)
{
    const char *dir = getenv("PGTEST_DIR"), *bin = getenv("PGTEST_BIN");
    char cmd[2048], url[256], sdir[512];
    const char *as = getuid() == 0 ? "runuser -u postgres -- " : "";
    int port = it_free_port();
    struct sg_error e = {0};

    if (!dir || !bin) {
        printf("postgres: PGTEST_DIR/PGTEST_BIN unset: skipping the standby test\n");
        return;
    }
    /* A hot standby needs max_connections (and friends) >= the primary's. */
    PGconn *op = adm_open(NULL);
    char *maxc = adm(op, "SHOW max_connections");
    PQfinish(op);
    snprintf(sdir, sizeof sdir, "%s/standby-%d", dir, (int)getpid());
    snprintf(cmd, sizeof cmd,
             "%s%s/pg_basebackup -d '%s' -D '%s' -R -X stream -c fast >/dev/null 2>&1 && "
             "%s%s/pg_ctl -D '%s' -l '%s.log' -w -t 60 -o \"-c port=%d -c "
             "listen_addresses=127.0.0.1 -c unix_socket_directories='%s' -c max_connections=%s\" "
             "start >/dev/null",
             as, bin, pg_url(), sdir, as, bin, sdir, sdir, port, dir, maxc);
    free(maxc);
    ck_assert_msg(system(cmd) == 0, "could not start a standby: %s", cmd);
    snprintf(url, sizeof url, "postgres://postgres@127.0.0.1:%d/postgres", port);
    /* Reading it is harmless (a no-op start may); the refusal comes once
     * the lock is held, before anything is written. */
    struct sg_conn *c = it_connect_opts(url, &(struct sg_connect_opts){0}, &e);
    struct sg_ledger led = {0};
    struct sg_lock l;
    int read = -1, locked = -1, prepared = 0;
    if (c) {
        read = c->driver->ledger_read(c, it_name("sg_ledger"), 0, &led, &e);
        sg_ledger_free(&led);
        it_lock_for(c, "sg_ledger", &l);
        locked = c->driver->try_lock(c, &l, &e);
        prepared = c->driver->prepare(c, &e);
        sg_drv_close(c);
    }
    snprintf(cmd, sizeof cmd, "%s%s/pg_ctl -D '%s' -m immediate -w stop >/dev/null; rm -rf '%s'",
             as, bin, sdir, sdir);
    (void)!system(cmd);
    ck_assert_int_eq(read, 0);
    ck_assert_int_eq(locked, 1);
    ck_assert_int_eq(prepared, -1);
    ck_assert_msg(e.code == SG_EX_CONFIG && strstr(e.msg, "standby"), ERRFMT(e));
}
END_TEST

START_TEST(test_no_postgres_url)
{
    printf("postgres: no postgres URL in SG_TEST_PG_URL or SG_TEST_URLS: skipping\n");
}
END_TEST

Suite *postgres_suite(void)
{
    Suite *s = suite_create("postgres");
    TCase *tc = tcase_create("postgres");

    tcase_set_timeout(tc, IT_TIMEOUT);
    if (!pg_url()) {
        tcase_add_test(tc, test_no_postgres_url);
    } else {
        tcase_add_test(tc, test_terminated_holder_frees_the_lock);
        tcase_add_test(tc, test_role_timeouts_do_not_break_waiting_or_migrating);
        tcase_add_test(tc, test_advisory_polling_is_not_subject_to_the_ddl_lock_timeout);
        tcase_add_test(tc, test_lock_holder_names_pid_application_and_ages);
        tcase_add_test(tc, test_scope_is_database_schema_and_table);
        tcase_add_test(tc, test_interrupt_from_a_signal_handler_cancels_the_migration);
        tcase_add_test(tc, test_a_migration_releasing_the_lock_is_rolled_back);
        tcase_add_test(tc, test_a_migrations_settings_and_role_do_not_reach_the_next_one);
        tcase_add_test(tc, test_error_position_maps_to_file_line_and_character_column);
        tcase_add_test(tc, test_error_without_position_names_the_failing_statement);
        tcase_add_test(tc, test_create_index_concurrently_runs_in_a_transaction_false_migration);
        tcase_add_test(
            tc, test_create_index_concurrently_in_a_plain_migration_runs_statement_by_statement);
        tcase_add_test(tc, test_enum_value_used_in_its_own_transaction_hints_and_works_without_one);
        tcase_add_test(tc, test_failing_non_transactional_migration_leaves_a_dirty_marker);
        tcase_add_test(tc, test_statement_timeout_bounds_each_statement_not_the_migration);
        tcase_add_test(tc, test_table_lock_timeout_gives_75_naming_the_table_and_the_blocker);
        tcase_add_test(tc, test_non_transactional_retry_resumes_at_the_statement_that_timed_out);
        tcase_add_test(tc, test_concurrent_index_left_invalid_by_a_timeout_is_reported);
        tcase_add_test(tc, test_application_name_is_ours_unless_the_url_sets_one);
        tcase_add_test(tc,
                       test_password_comes_from_pgpassfile_and_a_wrong_one_is_69_without_leaking);
        tcase_add_test(tc, test_bad_url_parameters_are_configuration_errors);
        tcase_add_test(tc, test_unreachable_server_is_unavailable_and_multi_host_urls_work);
        tcase_add_test(tc, test_a_hot_standby_is_refused);
        tcase_add_test(tc, test_session_settings_follow_the_urls_options_and_pgoptions);
        tcase_add_test(tc, test_the_ledger_is_current_schemas_even_when_a_later_schema_has_one);
        tcase_add_test(tc, test_a_missing_ledger_reads_as_absent_on_every_new_session);
        tcase_add_test(tc, test_no_schema_of_the_search_path_is_a_configuration_error);
        tcase_add_test(tc, test_the_lock_is_taken_on_the_backends_pid_from_the_start);
    }
    suite_add_tcase(s, tc);
    return s;
}

#else /* !SG_HAVE_POSTGRES */

START_TEST(test_postgres_driver_not_compiled_in)
{
    /* A suite that tested nothing must not pass unless the caller says so. */
    printf("postgres: driver not compiled in (libpq-dev missing)\n");
    ck_assert_msg(it_skip_allowed(), "postgres driver not built; set SG_TEST_ALLOW_SKIP=1 to skip");
}
END_TEST

Suite *postgres_suite(void)
{
    Suite *s = suite_create("postgres");
    TCase *tc = tcase_create("postgres");

    tcase_add_test(tc, test_postgres_driver_not_compiled_in);
    suite_add_tcase(s, tc);
    return s;
}

#endif
