/* test_online.c -- issue 9: a migration never queues the application's
 * traffic behind its table lock. Another session holds a lock on a table
 * (an open transaction that read it); a migration altering it gives up
 * after --ddl-lock-timeout, retries, and exits 75, while a third session's
 * SELECT on that table is never blocked for much longer than the timeout.
 * Looped over PostgreSQL and MariaDB; each skips without its server. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "e2e.h"
#include "harness.h"

static int pg;           /* this iteration: PostgreSQL (1) or MariaDB (0) */
static char *dir;
static char url[1024], db[64];

#define RUN(r, ...) h_run((r), dir, NULL, (const char *const[]){__VA_ARGS__, NULL}, 120000)

/* The shell command for one client session running sql. */
static void client(char *buf, size_t size, const char *sql)
{
    if (pg)
        snprintf(buf, size, "psql -X -q -At '%s' -c \"%s\"", url, sql);
    else
        snprintf(buf, size,
                 "mariadb --no-defaults -h 127.0.0.1 -P %s -uroot -p\"$MYTEST_PASSWORD\" -N -B "
                 "-D %s -e \"%s\"",
                 getenv("MYTEST_PORT"), db, sql);
}

static char *sql(const char *q)
{
    char cmd[4096];
    client(cmd, sizeof cmd, q);
    return h_sh("%s 2>&1", cmd);
}

/* Sets up a fresh database for this backend; 0 when its server is absent. */
static int start(int iteration)
{
    static int n;
    const char *base = getenv(iteration == 0 ? "SG_TEST_PG_URL" : "SG_TEST_MYSQL_URL");
    pg = iteration == 0;
    if (!base) {
        fprintf(stderr, "skip: %s is not set\n", pg ? "SG_TEST_PG_URL" : "SG_TEST_MYSQL_URL");
        ck_assert_msg(h_skip_allowed(), "no server (SG_TEST_ALLOW_SKIP=1 skips)");
        return 0;
    }
    dir = h_tmpdir();
    snprintf(db, sizeof db, "sg_online_%d_%d", (int)getpid(), n++);
    const char *slash = strrchr(base, '/');
    const char *q = strchr(slash, '?');
    snprintf(url, sizeof url, "%.*s/%s%s", (int)(slash - base), base, db, q ? q : "");
    if (pg)
        free(h_sh("psql -X -q '%s' -c 'CREATE DATABASE %s' 2>&1", base, db));
    else
        free(h_sh("mariadb --no-defaults -h 127.0.0.1 -P %s -uroot -p\"$MYTEST_PASSWORD\" -e "
                  "'CREATE DATABASE %s' 2>&1", getenv("MYTEST_PORT"), db));
    free(sql("CREATE TABLE orders (id INT PRIMARY KEY); INSERT INTO orders VALUES (1)"));
    h_write(dir, "migrations/001_note.sql",
            "-- migrate:up\nALTER TABLE orders ADD COLUMN note VARCHAR(100);\n");
    return 1;
}

static void finish(void)
{
    free(h_sh("rm -rf '%s'", dir));
    free(dir);
    dir = NULL;
}

/* Starts a session that reads orders in an open transaction for `secs`. */
static pid_t blocker(int secs)
{
    char cmd[4096], q[512];
    if (pg)
        snprintf(q, sizeof q, "BEGIN; SELECT count(*) FROM orders; SELECT pg_sleep(%d); COMMIT;", secs);
    else
        snprintf(q, sizeof q, "START TRANSACTION; SELECT count(*) FROM orders; DO SLEEP(%d); COMMIT;", secs);
    client(cmd, sizeof cmd, q);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    /* Wait until the transaction has read the table and sleeps inside it. */
    for (int i = 0; i < 200; i++) {
        char *o = pg ? sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND "
                           "query LIKE 'BEGIN; SELECT count(*) FROM orders%'")
                     : sql("SELECT count(*) FROM information_schema.PROCESSLIST WHERE "
                           "INFO LIKE 'DO SLEEP%'");
        int n = atoi(o);
        free(o);
        if (n > 0)
            break;
        usleep(25000);
    }
    return pid;
}

/* Runs SELECTs on orders until `until` (ms clock); returns the slowest, in ms. */
static long long probe_reads(long long until)
{
    char cmd[4096];
    long long worst = 0;
    client(cmd, sizeof cmd, "SELECT count(*) FROM orders");
    while (h_now_ms() < until) {
        long long t0 = h_now_ms();
        free(h_sh("%s 2>&1", cmd));
        long long d = h_now_ms() - t0;
        if (d > worst)
            worst = d;
        usleep(20000);
    }
    return worst;
}

START_TEST(test_blocked_migration_retries_then_exits_75_and_never_stalls_readers)
{
    if (!start(_i))
        return;
    pid_t b = blocker(30);
    char log[4200];
    snprintf(log, sizeof log, "%s/up.log", dir);
    const char *const args[] = {"-u", url, "--ddl-lock-timeout=500ms", "--ddl-retries=2", "up", NULL};
    long long t0 = h_now_ms();
    pid_t up = h_spawn(dir, NULL, args, log);
    /* Readers arriving while the ALTER waits must not queue behind it for long. */
    long long worst = probe_reads(t0 + 3000);
    int st = h_wait(up, 60000);
    long long took = h_now_ms() - t0;
    char *l = h_sh("cat '%s'", log);
    ck_assert_msg(st == 75, "status %d: %s", st, l);
    ck_assert_msg(h_has(l, "retrying in") && h_has(l, "(2 of 2)"), "two retries logged: %s", l);
    ck_assert_msg(h_has(l, "orders"), "names the table: %s", l);
    ck_assert_msg(took < 30000, "gave up after %lld ms, before the blocker ended", took);
    ck_assert_msg(worst < 2000, "a reader was blocked for %lld ms", worst);
    free(l);
    char *o = pg ? sql("SELECT count(*) FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'note'")
                 : sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'orders' AND column_name = 'note'");
    ck_assert_str_eq(o, "0");
    free(o);
    /* Once the blocker is gone, the next run succeeds. */
    kill(b, SIGTERM);
    waitpid(b, NULL, 0);
    if (pg)
        free(sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()"));
    else
        free(h_sh("for id in $(%s); do mariadb --no-defaults -h 127.0.0.1 -P %s -uroot -p\"$MYTEST_PASSWORD\" -e \"KILL $id\"; done 2>&1",
                  "mariadb --no-defaults -h 127.0.0.1 -P $MYTEST_PORT -uroot -p\"$MYTEST_PASSWORD\" -N -B -e \"SELECT id FROM information_schema.processlist WHERE info LIKE 'DO SLEEP%%'\"",
                  getenv("MYTEST_PORT")));
    struct h_result r;
    RUN(&r, "-u", url, "--ddl-lock-timeout=500ms", "up");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    finish();
}
END_TEST

START_TEST(test_lock_timeout_directive_lets_a_migration_wait)
{
    if (!start(_i))
        return;
    h_write(dir, "migrations/001_note.sql",
            "-- migrate:up lock_timeout:0\nALTER TABLE orders ADD COLUMN note VARCHAR(100);\n");
    pid_t b = blocker(2);
    struct h_result r;
    RUN(&r, "-u", url, "--ddl-lock-timeout=200ms", "--ddl-retries=0", "up");
    ck_assert_msg(r.status == 0, "%d: %s", r.status, r.err);
    ck_assert_msg(r.ms >= 1000, "it waited for the blocker (%lld ms)", r.ms);
    h_result_free(&r);
    waitpid(b, NULL, 0);
    finish();
}
END_TEST

START_TEST(test_advisory_lock_wait_is_not_subject_to_the_ddl_lock_timeout)
{
    if (!start(_i))
        return;
    h_write(dir, "migrations/000_slow.sql",
            pg ? "-- migrate:up\nSELECT pg_sleep(2);\n" : "-- migrate:up\nDO SLEEP(2);\n");
    char log[4200];
    snprintf(log, sizeof log, "%s/holder.log", dir);
    const char *const args[] = {"-u", url, "--ddl-lock-timeout=200ms", "up", NULL};
    pid_t holder = h_spawn(dir, NULL, args, log);
    for (int i = 0; i < 400; i++) {
        char *o = h_sh("grep -c 'applying 000_slow' '%s'", log);
        int n = atoi(o);
        free(o);
        if (n > 0)
            break;
        usleep(10000);
    }
    struct h_result r;
    RUN(&r, "-u", url, "--ddl-lock-timeout=200ms", "up", "--", "true");
    ck_assert_msg(r.status == 0, "%d: %s", r.status, r.err);
    ck_assert_msg(r.ms >= 1000, "it waited for the holder (%lld ms)", r.ms);
    h_result_free(&r);
    ck_assert_int_eq(h_wait(holder, 30000), 0);
    finish();
}
END_TEST

START_TEST(test_statement_timeout_bounds_one_statement)
{
    if (!start(_i))
        return;
    h_write(dir, "migrations/002_slow.sql",
            pg ? "-- migrate:up\nSELECT pg_sleep(5);\n" : "-- migrate:up\nSELECT SLEEP(5) FROM orders;\n");
    struct h_result r;
    RUN(&r, "-u", url, "--statement-timeout=500ms", "up");
    ck_assert_msg(r.status == 65 || r.status == 75, "%d: %s", r.status, r.err);
    ck_assert_msg(r.ms < 4500, "the statement was cut short (%lld ms)", r.ms);
    ck_assert_msg(h_has(r.err, "002_slow.sql"), "%s", r.err);
    h_result_free(&r);
    finish();
}
END_TEST

Suite *online_e2e_suite(void)
{
    Suite *s = suite_create("e2e-online");
    TCase *tc = tcase_create("online");

    tcase_set_timeout(tc, 180);
    tcase_add_loop_test(tc, test_blocked_migration_retries_then_exits_75_and_never_stalls_readers, 0, 2);
    tcase_add_loop_test(tc, test_lock_timeout_directive_lets_a_migration_wait, 0, 2);
    tcase_add_loop_test(tc, test_advisory_lock_wait_is_not_subject_to_the_ddl_lock_timeout, 0, 2);
    tcase_add_loop_test(tc, test_statement_timeout_bounds_one_statement, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}
