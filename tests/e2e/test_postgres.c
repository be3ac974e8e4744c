/* test_postgres.c -- the real binary against the PostgreSQL server that
 * tests/lib/pg.sh started (SG_TEST_PG_URL), each test in a database of its
 * own: herds of replicas, kill -9 and SIGTERM of holders and waiters,
 * CREATE INDEX CONCURRENTLY while replicas wait, hostile role settings,
 * dirty migrations and repair, table-lock timeouts. The server is watched
 * through psql (pg_stat_activity, pg_locks), never through sleeps alone. */
#include <check.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "e2e.h"
#include "harness.h"

static char *dir;
static char url[512]; /* the test's own database */
static char admin[512]; /* the server's postgres database */
static char dbname[64];

#define RUN(r, ...) h_run((r), dir, NULL, (const char *const[]){__VA_ARGS__, NULL}, 120000)

/* Under valgrind (make valgrind) every copy is ~20x slower: smaller herds. */
static int herd(int n)
{
    const char *v = getenv("SG_VALGRIND");
    return v && *v && *v != '0' ? (n > 8 ? 8 : n) : n;
}

/* Runs SQL (printf-style) through psql on the test database (or `on`);
 * returns its trimmed output, errors included (owned). */
__attribute__((format(printf, 2, 3))) static char *sqlon(const char *on, const char *fmt, ...)
{
    static unsigned n;
    char path[4200], sql[4096];
    va_list ap;
    FILE *f;

    va_start(ap, fmt);
    vsnprintf(sql, sizeof sql, fmt, ap);
    va_end(ap);
    snprintf(path, sizeof path, "%s/q%u-%d.sql", dir, n++, (int)getpid());
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(sql, f);
    fclose(f);
    char *o =
        h_sh("psql -X -q -At -v ON_ERROR_STOP=1 -d '%s' -f '%s' 2>&1; rm -f '%s'", on, path, path);
    return o;
}
#define sql(...) sqlon(url, __VA_ARGS__)

/* True once `query` prints `want`, polling every 20 ms for up to ms. */
static int eventually(const char *want, long long ms, const char *query)
{
    long long end = h_now_ms() + ms;
    for (;;) {
        char *o = sql("%s", query);
        int ok = strcmp(o, want) == 0;
        free(o);
        if (ok)
            return 1;
        if (h_now_ms() > end)
            return 0;
        usleep(20000);
    }
}

static int log_has(const char *log, const char *needle, long long ms)
{
    long long end = h_now_ms() + ms;
    for (;;) {
        char *o = h_sh("cat '%s' 2>/dev/null", log);
        int ok = h_has(o, needle);
        free(o);
        if (ok)
            return 1;
        if (h_now_ms() > end)
            return 0;
        usleep(20000);
    }
}

static void setup(void)
{
    const char *base = getenv("SG_TEST_PG_URL");
    char *o;

    dir = h_tmpdir();
    ck_assert_ptr_nonnull(dir);
    chmod(dir, 0755);
    snprintf(admin, sizeof admin, "%s", base);
    snprintf(dbname, sizeof dbname, "sg_e2e_%d", (int)getpid());
    o = sqlon(admin, "CREATE DATABASE %s", dbname);
    ck_assert_msg(*o == '\0', "CREATE DATABASE: %s", o);
    free(o);
    /* Same server and user, our database. */
    snprintf(url, sizeof url, "%.*s/%s", (int)(strrchr(base, '/') - base), base, dbname);
    /* The audit table shows what really ran, and how often; the flag table
     * makes a migration wait until the test lets it go. */
    o = sql("CREATE TABLE audit (version text NOT NULL, at timestamptz NOT NULL DEFAULT "
            "clock_timestamp(), pid int NOT NULL DEFAULT pg_backend_pid());"
            "CREATE TABLE flags (k text PRIMARY KEY);"
            "GRANT ALL ON audit, flags TO PUBLIC;");
    ck_assert_msg(*o == '\0', "%s", o);
    free(o);
    h_write(dir, "migrations/001_users.sql",
            "-- migrate:up\n"
            "CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL);\n"
            "INSERT INTO audit (version) VALUES ('001');\n"
            "-- migrate:down\nDROP TABLE users;\n");
    h_write(dir, "migrations/002_orders.sql",
            "-- migrate:up\n"
            "CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint REFERENCES users);\n"
            "INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM "
            "generate_series(1, 5000) g;\n"
            "INSERT INTO audit (version) VALUES ('002');\n");
}

static void teardown(void)
{
    char *o = sqlon(admin, "DROP DATABASE IF EXISTS %s WITH (FORCE)", dbname);
    free(o);
    o = h_sh("rm -rf '%s'", dir);
    free(o);
    free(dir);
}

/* A migration that waits (inside its transaction, statement after
 * statement, each seeing the latest commits) while flags holds `k`. */
static void write_gate(const char *file, const char *k, const char *before, const char *after,
                       int no_tx)
{
    char text[2048];
    snprintf(text, sizeof text,
             "-- migrate:up%s\n%s"
             "DO $$BEGIN FOR i IN 1..1200 LOOP EXIT WHEN NOT EXISTS (SELECT 1 FROM flags WHERE "
             "k = '%s'); PERFORM pg_sleep(0.05); END LOOP; END$$;\n%s",
             no_tx ? " transaction:false" : "", before, k, after);
    h_write(dir, file, text);
}

#define GATE_RUNNING                                                                               \
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = "        \
    "'active' AND query LIKE '%FOR i IN 1..1200%' AND pid <> pg_backend_pid()"

static int ledger_has(const char *version)
{
    char *o = sql("SELECT count(*) FROM schemagate_migrations WHERE version = '%s'", version);
    int n = atoi(o);
    free(o);
    return n;
}

static int audit_count(const char *version)
{
    char *o = sql("SELECT count(*) FROM audit WHERE version = '%s'", version);
    int n = atoi(o);
    free(o);
    return n;
}

START_TEST(test_fifty_copies_apply_each_migration_exactly_once_and_all_exec)
{
    enum { MAXN = 50 };
    int N = herd(MAXN);
    pid_t pids[MAXN];
    char script[4200];
    const char *const args[] = {"-u", url, "up", "--", "sh", "-c", script, NULL};

    h_write(dir, "migrations/003_slow.sql",
            "-- migrate:up\nSELECT pg_sleep(0.5);\nINSERT INTO audit (version) VALUES ('003');\n");
    snprintf(script, sizeof script, "touch '%s/exec.'$$", dir);
    for (int i = 0; i < N; i++)
        pids[i] = h_spawn(dir, NULL, args, NULL);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(h_wait(pids[i], 150000), 0);
    char *o = sql("SELECT string_agg(version, ',' ORDER BY at) FROM audit");
    ck_assert_str_eq(o, "001,002,003");
    free(o);
    o = sql("SELECT count(*) FROM schemagate_migrations WHERE NOT dirty");
    ck_assert_str_eq(o, "3");
    free(o);
    /* Every copy exec'd its program, under its own pid. */
    o = h_sh("ls '%s' | grep -c '^exec\\.'", dir);
    ck_assert_int_eq(atoi(o), N);
    free(o);
    for (int i = 0; i < N; i++) {
        o = h_sh("test -e '%s/exec.%d' && echo y", dir, (int)pids[i]);
        ck_assert_msg(strcmp(o, "y") == 0, "copy %d did not exec as itself", (int)pids[i]);
        free(o);
    }
    /* No session of ours is left behind. */
    ck_assert(eventually("0", 3000,
                         "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE "
                         "'schemagate %'"));
}
END_TEST

START_TEST(test_kill_9_of_the_holder_mid_migration_leaves_nothing_and_the_next_copy_finishes)
{
    char hlog[4200], wlog[4200];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    long long t0;
    char *o;

    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    free(sql("INSERT INTO flags VALUES ('slow')"));
    write_gate(
        "migrations/005_gated.sql", "slow",
        "CREATE TABLE partial_marker (x int);\nINSERT INTO audit (version) VALUES ('005');\n", "",
        0);
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the holder never reached 005");
    o = sql("SELECT pid FROM pg_stat_activity WHERE query LIKE '%%FOR i IN 1..1200%%' AND pid <> "
            "pg_backend_pid()");
    int backend = atoi(o);
    free(o);
    pid_t waiter = h_spawn(dir, NULL, args, wlog);
    ck_assert_msg(log_has(wlog, "waiting for lock", 10000), "the waiter never waited");

    kill(holder, SIGKILL);
    ck_assert_int_eq(h_wait(holder, 5000), 137);
    /* The server notices the dead client mid-statement (the driver sets
     * client_connection_check_interval) and rolls everything back. */
    t0 = h_now_ms();
    char q[256];
    snprintf(q, sizeof q, "SELECT count(*) FROM pg_stat_activity WHERE pid = %d", backend);
    ck_assert_msg(eventually("0", 15000, q), "the dead holder's backend lives on");
    printf("e2e-postgres: killed holder's backend gone after %lld ms\n", h_now_ms() - t0);
    ck_assert_int_eq(ledger_has("5"), 0);
    ck_assert_int_eq(audit_count("005"), 0);
    o = sql("SELECT to_regclass('partial_marker') IS NULL");
    ck_assert_str_eq(o, "t");
    free(o);
    /* The waiter takes over (and is held at the same gate); let it go. */
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the waiter never took over");
    free(sql("DELETE FROM flags"));
    ck_assert_int_eq(h_wait(waiter, 30000), 0);
    ck_assert_int_eq(ledger_has("5"), 1);
    ck_assert_int_eq(audit_count("005"), 1);
}
END_TEST

START_TEST(test_sigterm_exits_143_within_a_second_and_leaves_no_session_behind)
{
    char hlog[4200], wlog[4200], q[256];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    long long t0, took;
    int st;

    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    free(sql("INSERT INTO flags VALUES ('slow')"));
    write_gate("migrations/005_gated.sql", "slow", "CREATE TABLE partial_marker (x int);\n", "", 0);
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the holder never reached 005");
    pid_t waiter = h_spawn(dir, NULL, args, wlog);
    ck_assert_msg(log_has(wlog, "held by pid", 10000), "the waiter never named the holder");

    /* A waiter. */
    t0 = h_now_ms();
    kill(waiter, SIGTERM);
    st = h_wait(waiter, 5000);
    took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "the waiter took %lld ms to stop", took);
    snprintf(q, sizeof q,
             "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'schemagate %% "
             "%d%%'",
             (int)waiter);
    ck_assert_msg(eventually("0", 1000, q), "the waiter left a session on the server");

    /* The holder, mid-migration: cancelled, rolled back, lock freed. */
    t0 = h_now_ms();
    kill(holder, SIGTERM);
    st = h_wait(holder, 5000);
    took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "the holder took %lld ms to stop", took);
    snprintf(q, sizeof q,
             "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'schemagate %% "
             "%d%%'",
             (int)holder);
    ck_assert_msg(eventually("0", 1000, q), "the holder left a session on the server");
    ck_assert(eventually("0", 1000, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
    ck_assert_int_eq(ledger_has("5"), 0);
    char *o = sql("SELECT to_regclass('partial_marker') IS NULL");
    ck_assert_str_eq(o, "t");
    free(o);
}
END_TEST

START_TEST(test_create_index_concurrently_completes_while_twenty_waiters_wait)
{
    enum { MAXN = 20 };
    int N = herd(MAXN);
    pid_t holder, pids[MAXN];
    char hlog[4200];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};

    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    free(sql("INSERT INTO flags VALUES ('cic')"));
    write_gate("migrations/003_index.sql", "cic", "",
               "CREATE INDEX CONCURRENTLY users_email ON users (email);\n", 1);
    holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the holder never reached 003");
    for (int i = 0; i < N; i++)
        pids[i] = h_spawn(dir, NULL, args, NULL);
    /* Let every waiter start polling, then let the holder build the index:
     * a waiter holding a snapshot would make the build wait for ever. */
    usleep(1500000);
    free(sql("DELETE FROM flags"));
    ck_assert_int_eq(h_wait(holder, 60000), 0);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(h_wait(pids[i], 60000), 0);
    char *o = sql("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass");
    ck_assert_str_eq(o, "t");
    free(o);
    o = sql("SELECT dirty FROM schemagate_migrations WHERE version = '3'");
    ck_assert_str_eq(o, "f");
    free(o);
}
END_TEST

START_TEST(test_a_role_with_lock_timeout_still_lets_waiters_wait)
{
    char role[64], rurl[600], hlog[4200], wlog[4200];
    const char *const args[] = {"-u", rurl, "--ddl-lock-timeout=100ms", "up", "--", "true", NULL};
    char *o;

    snprintf(role, sizeof role, "sg_e2e_role_%d", (int)getpid());
    o = sql("CREATE ROLE %s LOGIN; GRANT CREATE ON SCHEMA public TO %s;"
            "GRANT CREATE ON DATABASE %s TO %s;"
            "ALTER ROLE %s SET lock_timeout = '1s'; ALTER ROLE %s SET statement_timeout = '1s';"
            "ALTER ROLE %s SET idle_session_timeout = '1s';",
            role, role, dbname, role, role, role, role);
    ck_assert_msg(*o == '\0', "%s", o);
    free(o);
    snprintf(rurl, sizeof rurl, "postgres://%s@%s", role, strstr(url, "@") + 1);
    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    free(sql("INSERT INTO flags VALUES ('slow')"));
    write_gate("migrations/005_gated.sql", "slow", "", "", 0);
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the holder never reached 005");
    pid_t waiter = h_spawn(dir, NULL, args, wlog);
    /* Longer than every role timeout: the holder's statement and the waiter's wait survive. */
    usleep(3000000);
    free(sql("DELETE FROM flags"));
    ck_assert_int_eq(h_wait(holder, 30000), 0);
    ck_assert_int_eq(h_wait(waiter, 30000), 0);
    o = h_sh("cat '%s'", wlog);
    ck_assert_msg(h_has(o, "waiting for lock"), "%s", o);
    free(o);
    ck_assert_int_eq(ledger_has("5"), 1);
}
END_TEST

START_TEST(test_dirty_migration_blocks_later_runs_until_repair)
{
    struct h_result r;
    char *o;

    h_write(dir, "migrations/003_nontx.sql",
            "-- migrate:up transaction:false\n"
            "CREATE TABLE nontx (x int);\n"
            "INSERT INTO nontx VALUES (1);\n"
            "INSERT INTO no_such_table VALUES (1);\n"
            "INSERT INTO nontx VALUES (3);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "003_nontx.sql:4:13: relation \"no_such_table\" does not exist "
                               "(42P01)"),
                  "%s", r.err);
    h_result_free(&r);
    o = sql("SELECT dirty || ' ' || dirty_done FROM schemagate_migrations WHERE version = '3'");
    ck_assert_str_eq(o, "true 2");
    free(o);
    RUN(&r, "-u", url, "up", "--", "true");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "is dirty") && h_has(r.err, "repair 3"), "%s", r.err);
    h_result_free(&r);
    /* The operator finishes it by hand and records it. */
    free(sql("INSERT INTO nontx VALUES (3)"));
    RUN(&r, "-u", url, "repair", "3", "--applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "nothing to do"), "%d %s", r.status, r.err);
    h_result_free(&r);
    /* A first statement refused before it changed anything leaves nothing
     * dirty: the migration stays pending (issue 14). */
    h_write(dir, "migrations/004_again.sql",
            "-- migrate:up transaction:false\nINSERT INTO missing_too VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(!h_has(r.err, "dirty"), "%s", r.err);
    ck_assert_int_eq(ledger_has("4"), 0);
    h_result_free(&r);
    /* --not-applied: forget it, fix the cause, run it again. */
    h_write(dir, "migrations/004_again.sql",
            "-- migrate:up transaction:false\nCREATE TABLE IF NOT EXISTS again_t (x int);\n"
            "INSERT INTO missing_too VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "migration 4 is left dirty: 1 of 2 statement(s)"), "%s", r.err);
    h_result_free(&r);
    free(sql("CREATE TABLE missing_too (x int)"));
    RUN(&r, "-u", url, "repair", "4", "--not-applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 004_again.sql"), "%s", r.err);
    h_result_free(&r);
    o = sql("SELECT count(*) FROM missing_too");
    ck_assert_str_eq(o, "1");
    free(o);
}
END_TEST

START_TEST(test_table_lock_timeout_retries_then_exits_75_naming_the_blocker)
{
    struct h_result r;
    char *o;

    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    /* The application: a transaction that read orders and stays open. */
    o = h_sh("PGAPPNAME=sg-e2e-app psql -X -q -d '%s' -c 'BEGIN' -c 'SELECT count(*) FROM "
             "orders' -c 'SELECT pg_sleep(60)' >/dev/null 2>&1 & echo $!",
             url);
    pid_t app = atoi(o);
    free(o);
    ck_assert(eventually("1", 10000,
                         "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                         "'sg-e2e-app' AND state = 'active'"));
    h_write(dir, "migrations/003_note.sql",
            "-- migrate:up\nALTER TABLE orders ADD COLUMN note text;\n");
    long long t0 = h_now_ms();
    RUN(&r, "-u", url, "--ddl-lock-timeout=200ms", "--ddl-retries=2", "up");
    ck_assert_msg(r.status == 75, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "003_note.sql:2:1:") && h_has(r.err, "(55P03)") &&
                      h_has(r.err, "table orders") && h_has(r.err, "(sg-e2e-app)"),
                  "%s", r.err);
    ck_assert_msg(h_has(r.err, "retrying"), "no retry was logged: %s", r.err);
    printf("e2e-postgres: 2 retries then 75 after %lld ms\n", h_now_ms() - t0);
    h_result_free(&r);
    kill(app, SIGTERM);
    free(sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
             "'sg-e2e-app'"));
    RUN(&r, "-u", url, "--ddl-lock-timeout=200ms", "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    ck_assert_int_eq(ledger_has("3"), 1);
}
END_TEST

/* The number after `prefix` in text ("" if absent), into out. */
static void number_after(const char *text, const char *prefix, char *out, size_t size)
{
    const char *p = strstr(text, prefix);
    out[0] = '\0';
    if (p)
        snprintf(out, size, "%.*s", (int)strspn(p + strlen(prefix), "-0123456789"),
                 p + strlen(prefix));
}

START_TEST(test_status_and_pg_locks_show_the_key_the_logs_show)
{
    struct h_result r;
    char upkey[32], stkey[32], lkkey[32], hlog[4200];
    const char *const args[] = {"-u", url, "lock", "--", "sleep", "30", NULL};

    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    number_after(r.err, "acquired lock ", upkey, sizeof upkey);
    h_result_free(&r);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    number_after(r.out, "lock key ", stkey, sizeof stkey);
    h_result_free(&r);
    ck_assert_msg(*upkey && strcmp(upkey, stkey) == 0, "up locked '%s', status shows '%s'", upkey,
                  stkey);
    /* What an operator types to see who holds a key (README). */
    snprintf(hlog, sizeof hlog, "%s/lock.log", dir);
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert(log_has(hlog, "acquired lock ", 10000));
    char *o = h_sh("cat '%s'", hlog);
    number_after(o, "acquired lock ", lkkey, sizeof lkkey);
    free(o);
    ck_assert_msg(eventually(lkkey, 10000,
                             "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks "
                             "WHERE locktype = 'advisory' AND objsubid = 1 AND granted"),
                  "pg_locks never showed key %s", lkkey);
    kill(holder, SIGTERM);
    ck_assert_int_eq(h_wait(holder, 5000), 143);
}
END_TEST

/* Starts PgBouncer with pool_mode `mode` in front of the test's server and
 * writes a URL to the test database through it into burl. 0 when pgbouncer
 * is not installed. Stopped by pgbouncer_stop(). PgBouncer turns away the
 * start-up packet's `options` (it tracks no such parameter), so the driver's
 * fallback runs too. */
/* A TCP port on 127.0.0.1 that nothing listens on right now. */
static int free_port(void)
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

static int pgbouncer_start(const char *mode, char *burl, size_t size)
{
    char *bin = h_sh("command -v pgbouncer || ls /usr/sbin/pgbouncer 2>/dev/null");
    const char *base = getenv("SG_TEST_PG_URL"), *hp = strchr(base, '@');
    char host[128], port[16], ini[8192];
    int bport = free_port();
    char *o;

    if (!*bin) {
        printf("e2e-postgres: pgbouncer not installed: skipping the pooler test\n");
        free(bin);
        return 0;
    }
    hp = hp ? hp + 1 : strstr(base, "//") + 2;
    snprintf(host, sizeof host, "%.*s", (int)strcspn(hp, ":/"), hp);
    snprintf(port, sizeof port, "%.*s", (int)strcspn(hp + strlen(host) + 1, "/"),
             hp + strlen(host) + 1);
    /* Round robin over a warm pool: consecutive transactions of one client
     * land on different backends, as they do under load in production. */
    snprintf(ini, sizeof ini,
             "[databases]\n* = host=%s port=%s\n[pgbouncer]\nlisten_addr = 127.0.0.1\n"
             "listen_port = %d\nunix_socket_dir =\nauth_type = trust\nauth_file = %s/users.txt\n"
             "pool_mode = %s\nserver_round_robin = 1\ndefault_pool_size = 5\n"
             "logfile = %s/pgb.log\npidfile = %s/pgb.pid\n",
             host, port, bport, dir, mode, dir, dir);
    h_write(dir, "pgb.ini", ini);
    h_write(dir, "users.txt", "\"postgres\" \"\"\n");
    o = h_sh("cd '%s' && chmod 644 pgb.ini users.txt && if [ \"$(id -u)\" = 0 ]; then chown "
             "postgres . && runuser -u postgres -- %s -d pgb.ini; else %s -d pgb.ini; fi 2>&1",
             dir, bin, bin);
    free(o);
    free(bin);
    snprintf(burl, size, "postgres://postgres@127.0.0.1:%d/%s", bport, dbname);
    /* -d returns before the listener is surely up: wait until it answers. */
    o = h_sh("for i in $(seq 1 100); do psql -X -q -d '%s' -c 'SELECT 1' >/dev/null 2>&1 && "
             "exit 0; sleep 0.05; done; echo not-ready; cat '%s/pgb.log'",
             burl, dir);
    ck_assert_msg(!h_has(o, "not-ready"), "pgbouncer did not start: %s", o);
    free(o);
    o = h_sh("for i in 1 2 3 4; do psql -X -q -d '%s' -c 'SELECT pg_sleep(0.5)' >/dev/null "
             "2>&1 & done; wait",
             burl);
    free(o);
    return 1;
}

static void pgbouncer_stop(void)
{
    char *o = h_sh("kill $(cat '%s/pgb.pid') 2>/dev/null", dir);
    free(o);
}

/* auto behind a transaction pooler: the lease, and no advisory lock left
 * on a pooled backend. */
START_TEST(test_transaction_pooling_pgbouncer_takes_a_lease_in_auto_mode)
{
    char burl[512];
    struct h_result r;
    char *o;

    if (!pgbouncer_start("transaction", burl, sizeof burl))
        return;
    RUN(&r, "-u", burl, "--wait-for-db=0", "up", "--", "true");
    pgbouncer_stop();
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "using a lease lock") && h_has(r.err, "pooler"), "%s", r.err);
    h_result_free(&r);
    o = sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
    ck_assert_str_eq(o, "0");
    free(o);
    o = sql("SELECT count(*) FROM schemagate_migrations");
    ck_assert_str_ne(o, "0");
    free(o);
    o = sql("SELECT token > 0 AND expires_ms = 0 FROM schemagate_migrations_lease");
    ck_assert_str_eq(o, "t");
    free(o);
}
END_TEST

START_TEST(test_transaction_pooling_pgbouncer_with_session_locks_is_refused_with_78)
{
    char burl[512];
    struct h_result r;
    char *o;

    if (!pgbouncer_start("transaction", burl, sizeof burl))
        return;
    RUN(&r, "-u", burl, "--wait-for-db=0", "--lock-mode=session", "up", "--", "true");
    pgbouncer_stop();
    ck_assert_msg(r.status == 78, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "pooler") && h_has(r.err, "direct URL") &&
                      h_has(r.err, "--lock-mode=lease"),
                  "%s", r.err);
    h_result_free(&r);
    /* Refused before taking anything: no lock leaked into the pool, no ledger. */
    o = sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
    ck_assert_str_eq(o, "0");
    free(o);
    o = sql("SELECT to_regclass('schemagate_migrations') IS NULL");
    ck_assert_str_eq(o, "t");
    free(o);
}
END_TEST

/* Session pooling keeps one server backend per client: the lock works, and
 * PgBouncer's own BackendKeyData pid must not be taken for a pooler swap. */
START_TEST(test_session_pooling_pgbouncer_works)
{
    char burl[512];
    struct h_result r;
    char *o;

    if (!pgbouncer_start("session", burl, sizeof burl))
        return;
    RUN(&r, "-u", burl, "--wait-for-db=0", "up", "--", "true");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 2 migration"), "%d %s", r.status,
                  r.err);
    h_result_free(&r);
    RUN(&r, "-u", burl, "--wait-for-db=0", "up", "--", "true");
    ck_assert_msg(r.status == 0 && h_has(r.err, "nothing to do"), "%d %s", r.status, r.err);
    h_result_free(&r);
    /* With --lock-key, try_lock is the session's first statement. */
    RUN(&r, "-u", burl, "--wait-for-db=0", "--lock-key=4242", "lock", "--", "true");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    pgbouncer_stop();
    ck_assert_int_eq(ledger_has("2"), 1);
    o = sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
    ck_assert_str_eq(o, "0");
    free(o);
}
END_TEST

/* Round trips the server logged for the role since byte `off` of its log,
 * per backend in order of appearance: "3 2 2 1". log_statement logs a
 * simple query before it can fail and an extended one when it executes:
 * the driver's reads never fail at Parse. */
static char *statements_per_session(const char *log, long off)
{
    return h_sh("tail -c +%ld '%s' | awk '/LOG:  (statement|execute)/ { "
                "match($0, /\\[[0-9]+\\]/); p = substr($0, RSTART + 1, RLENGTH - 2); "
                "if (!(p in n)) o[++k] = p; n[p]++ } END { for (i = 1; i <= k; i++) "
                "printf \"%%s%%d\", (i > 1 ? \" \" : \"\"), n[o[i]] }'",
                off + 1, log);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

/* Issue 8 and the herd of issue 5: a no-op start is one connection and one
 * statement; a waiter's poll is a ledger read and a try_lock (plus, on the
 * first poll, a look at who holds the lock). Counted by the server, for one
 * role that has log_statement = all. */
START_TEST(test_a_no_op_start_is_one_statement_and_a_poll_two)
{
    const char *pgdir = getenv("PGTEST_DIR");
    char role[64], rurl[600], log[4200], wlog[4200];
    const char *const hargs[] = {"-u", url, "up", "--", "true", NULL};
    const char *const wargs[] = {"-u", rurl, "up", "--", "true", NULL};
    struct h_result r;
    long off;
    char *o;

    if (!pgdir || !*pgdir) {
        printf("e2e-postgres: PGTEST_DIR unset (tests/lib/pg.sh sets it): skipping the "
               "statement count\n");
        return;
    }
    snprintf(log, sizeof log, "%s/log", pgdir);
    snprintf(role, sizeof role, "sg_e2e_count_%d", (int)getpid());
    o = sql("CREATE ROLE %s LOGIN SUPERUSER; ALTER ROLE %s SET log_statement = 'all'", role,
            role);
    ck_assert_msg(*o == '\0', "%s", o);
    free(o);
    snprintf(rurl, sizeof rurl, "postgres://%s@%s", role, strstr(url, "@") + 1);
    RUN(&r, "-u", rurl, "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);

    off = file_size(log);
    RUN(&r, "-u", rurl, "up", "--", "true");
    ck_assert_msg(r.status == 0 && h_has(r.err, "nothing to do"), "%d %s", r.status, r.err);
    h_result_free(&r);
    usleep(200000);
    o = statements_per_session(log, off);
    printf("e2e-postgres: no-op start, statements: %s\n", o);
    ck_assert_str_eq(o, "1");
    free(o);

    /* A waiter, while a holder (another role, not logged) is held at a gate. */
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    free(sql("INSERT INTO flags VALUES ('slow')"));
    write_gate("migrations/005_gated.sql", "slow", "", "", 0);
    pid_t holder = h_spawn(dir, NULL, hargs, NULL);
    ck_assert_msg(eventually("1", 20000, GATE_RUNNING), "the holder never reached 005");
    off = file_size(log);
    pid_t waiter = h_spawn(dir, NULL, wargs, wlog);
    ck_assert_msg(log_has(wlog, "waiting for lock", 10000), "the waiter never waited");
    usleep(2000000);
    free(sql("DELETE FROM flags"));
    ck_assert_int_eq(h_wait(holder, 30000), 0);
    ck_assert_int_eq(h_wait(waiter, 30000), 0);
    usleep(200000);
    o = statements_per_session(log, off);
    printf("e2e-postgres: a waiter's sessions, statements each: %s\n", o);
    /* First poll: read, try_lock, holder; then read + try_lock; the last
     * one finds the holder done: read. */
    size_t n = strlen(o);
    ck_assert_msg(n >= 5 && strncmp(o, "3 ", 2) == 0 && strcmp(o + n - 2, " 1") == 0, "%s", o);
    for (size_t i = 2; i + 2 < n; i += 2)
        ck_assert_msg(o[i] == '2' && o[i + 1] == ' ', "%s", o);
    free(o);
    o = h_sh("cat '%s'", wlog);
    ck_assert_msg(h_has(o, "another replica finished"), "%s", o);
    free(o);
}
END_TEST

/* Reading a database nobody has migrated yet is not an error the user
 * sees, however the driver learns that the ledger is missing. */
START_TEST(test_status_and_wait_on_a_fresh_database_say_nothing_of_a_missing_table)
{
    struct h_result r;

    RUN(&r, "-u", url, "status");
    ck_assert_msg(r.status == 0 && h_has(r.out, "pending"), "%d %s %s", r.status, r.out, r.err);
    ck_assert_msg(!h_has(r.err, "does not exist") && !h_has(r.out, "does not exist"), "%s",
                  r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "wait", "--timeout", "1500ms");
    ck_assert_msg(r.status == 75, "%d %s", r.status, r.err);
    ck_assert_msg(!h_has(r.err, "does not exist"), "%s", r.err);
    h_result_free(&r);
}
END_TEST

/* The test's URL as another role (trust auth: no password). */
static void role_url(char *out, size_t size, const char *role)
{
    const char *auth = strstr(url, "://") + 3, *at = strchr(auth, '@');

    snprintf(out, size, "%.*s%s@%s", (int)(auth - url), url, role, at ? at + 1 : auth);
}

/* A role that may not read the ledger: a setting to fix (78), not an
 * internal error (70) -- issue 14. */
START_TEST(test_a_ledger_privilege_error_is_a_configuration_error)
{
    struct h_result r;
    char rurl[600], role[64], *o;

    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    snprintf(role, sizeof role, "sg_noread_%d", (int)getpid());
    o = sql("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN", role, role);
    free(o);
    role_url(rurl, sizeof rurl, role);
    RUN(&r, "-u", rurl, "status");
    o = sql("DROP ROLE IF EXISTS sg_noread_%d", (int)getpid());
    free(o);
    ck_assert_msg(r.status == 78, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "permission denied") && h_has(r.err, "42501"), "%s", r.err);
    h_result_free(&r);
}
END_TEST

/* A server WARNING during the start-up (here: a role's setting that went
 * stale) is a log line like any other: with --log-format=json every line
 * of stderr is one JSON object (issue 14: libpq printed it raw). */
START_TEST(test_a_start_up_warning_is_a_json_log_line)
{
    struct h_result r;
    char rurl[600], role[64], *o;

    snprintf(role, sizeof role, "sg_warn_%d", (int)getpid());
    o = sql("DROP ROLE IF EXISTS %s; CREATE ROLE %s LOGIN SUPERUSER;"
            "CREATE TEXT SEARCH CONFIGURATION %s_cfg (COPY = pg_catalog.english);"
            "ALTER ROLE %s SET default_text_search_config = 'public.%s_cfg';"
            "DROP TEXT SEARCH CONFIGURATION %s_cfg",
            role, role, role, role, role, role);
    free(o);
    role_url(rurl, sizeof rurl, role);
    RUN(&r, "-u", rurl, "--log-format=json", "up");
    o = sql("DROP OWNED BY %s; DROP ROLE %s", role, role);
    free(o);
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "\"event\":\"db_notice\"") && h_has(r.err, "default_text_search"),
                  "%s", r.err);
    for (const char *line = r.err; line && *line; line = strchr(line, '\n')) {
        line += *line == '\n';
        ck_assert_msg(!*line || line[0] == '{', "a line of stderr is not JSON: %.120s", line);
    }
    h_result_free(&r);
}
END_TEST

/* A server that accepts the connection and never answers: connect_timeout
 * holds (the start-up is driven by PQconnectPoll, which ignores it). */
START_TEST(test_connect_timeout_holds_against_a_silent_server)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    char surl[128];
    struct h_result r;

    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(listen(fd, 4), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    snprintf(surl, sizeof surl, "postgres://u@127.0.0.1:%d/d?connect_timeout=1",
             ntohs(a.sin_port));
    long long t0 = h_now_ms();
    RUN(&r, "-u", surl, "--wait-for-db=0", "status");
    long long took = h_now_ms() - t0;
    close(fd);
    ck_assert_msg(r.status == 69 && h_has(r.err, "connect_timeout"), "%d %s", r.status, r.err);
    ck_assert_msg(took < 5000, "took %lld ms", took);
    h_result_free(&r);
}
END_TEST

START_TEST(test_no_postgres_server)
{
    printf("e2e-postgres: SG_TEST_PG_URL is unset (tests/run.sh starts a server): skipped\n");
}
END_TEST

Suite *postgres_e2e_suite(void)
{
    Suite *s = suite_create("e2e-postgres");
    TCase *tc = tcase_create("postgres");
    const char *u = getenv("SG_TEST_PG_URL");

    tcase_set_timeout(tc, 300);
    if (!u || !*u) {
        tcase_add_test(tc, test_no_postgres_server);
    } else {
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_add_test(tc, test_fifty_copies_apply_each_migration_exactly_once_and_all_exec);
        tcase_add_test(
            tc, test_kill_9_of_the_holder_mid_migration_leaves_nothing_and_the_next_copy_finishes);
        tcase_add_test(tc, test_sigterm_exits_143_within_a_second_and_leaves_no_session_behind);
        tcase_add_test(tc, test_create_index_concurrently_completes_while_twenty_waiters_wait);
        tcase_add_test(tc, test_a_role_with_lock_timeout_still_lets_waiters_wait);
        tcase_add_test(tc, test_dirty_migration_blocks_later_runs_until_repair);
        tcase_add_test(tc, test_table_lock_timeout_retries_then_exits_75_naming_the_blocker);
        tcase_add_test(tc, test_status_and_pg_locks_show_the_key_the_logs_show);
        tcase_add_test(tc, test_transaction_pooling_pgbouncer_with_session_locks_is_refused_with_78);
        tcase_add_test(tc, test_transaction_pooling_pgbouncer_takes_a_lease_in_auto_mode);
        tcase_add_test(tc, test_a_ledger_privilege_error_is_a_configuration_error);
        tcase_add_test(tc, test_a_start_up_warning_is_a_json_log_line);
        tcase_add_test(tc, test_connect_timeout_holds_against_a_silent_server);
        tcase_add_test(tc, test_session_pooling_pgbouncer_works);
        tcase_add_test(tc, test_a_no_op_start_is_one_statement_and_a_poll_two);
        tcase_add_test(tc, test_status_and_wait_on_a_fresh_database_say_nothing_of_a_missing_table);
    }
    suite_add_tcase(s, tc);
    return s;
}
