/* test_modes.c -- the deploy modes against a real PostgreSQL: waiting for
 * the database to come up, `wait` followers, and `lock` noticing that its
 * session (and so its lock) is gone. Skips without SG_TEST_PG_URL. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "e2e.h"
#include "harness.h"

static char *dir;
static char url[1024];
static char db[64];
static const char *base;

static char *psql(const char *sql)
{
    return h_sh("psql -X -q -At '%s' -c \"%s\" 2>&1", url, sql);
}

static void setup(void)
{
    static int n;
    base = getenv("SG_TEST_PG_URL");
    if (!base)
        return;
    dir = h_tmpdir();
    /* A database per test: nothing leaks between them. */
    snprintf(db, sizeof db, "sg_modes_%d_%d", (int)getpid(), n++);
    free(h_sh("psql -X -q '%s' -c 'CREATE DATABASE %s' 2>&1", base, db));
    const char *slash = strrchr(base, '/');
    snprintf(url, sizeof url, "%.*s/%s", (int)(slash - base), base, db);
    h_write(dir, "migrations/001_audit.sql",
            "-- migrate:up\nCREATE TABLE audit (version text NOT NULL);\n"
            "INSERT INTO audit VALUES ('001');\n");
    h_write(dir, "migrations/002_users.sql",
            "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n"
            "INSERT INTO audit VALUES ('002');\n");
}

static void teardown(void)
{
    if (!base)
        return;
    free(h_sh("rm -rf '%s'", dir));
    free(dir);
    free(h_sh("psql -X -q '%s' -c 'DROP DATABASE IF EXISTS %s WITH (FORCE)' 2>&1", base, db));
}

#define SKIP_WITHOUT_PG()                                                                   \
    do {                                                                                    \
        if (!base) {                                                                        \
            fprintf(stderr, "skip: SG_TEST_PG_URL is not set\n");                           \
            ck_assert_msg(h_skip_allowed(), "no server (SG_TEST_ALLOW_SKIP=1 skips)");        \
            return;                                                                         \
        }                                                                                   \
    } while (0)

#define RUN(r, ...) h_run((r), dir, NULL, (const char *const[]){__VA_ARGS__, NULL}, 60000)

START_TEST(test_unreachable_database_is_retried_then_69_with_the_last_error)
{
    SKIP_WITHOUT_PG();
    struct h_result r;
    /* Port 1 on loopback: refused at once, every time. */
    RUN(&r, "-u", "postgres://u:Secret-pw@127.0.0.1:1/x", "--wait-for-db=1500ms", "up");
    ck_assert_int_eq(r.status, 69);
    ck_assert_msg(r.ms >= 1400 && r.ms < 5000, "retried for %lld ms", r.ms);
    ck_assert_msg(h_has(r.err, "retrying in") && h_has(r.err, "fatal:"), "%s", r.err);
    ck_assert_msg(!h_has(r.err, "Secret-pw"), "password leaked: %s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", "postgres://u@127.0.0.1:1/x", "--wait-for-db=0", "up");
    ck_assert_int_eq(r.status, 69);
    ck_assert_msg(!h_has(r.err, "retrying in"), "0 means no retry: %s", r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_wrong_password_is_not_retried)
{
    SKIP_WITHOUT_PG();
    const char *port = getenv("PGTEST_PORT");
    if (!port || !getenv("PGTEST_PW_URL")) {
        fprintf(stderr, "skip: no password user on the test server\n");
        return;
    }
    char bad[1024];
    snprintf(bad, sizeof bad, "postgres://sg_pw:Wrong-canary@127.0.0.1:%s/postgres", port);
    struct h_result r;
    RUN(&r, "-u", bad, "up");
    ck_assert_msg(r.status == 69, "%d: %s", r.status, r.err);
    ck_assert_msg(r.ms < 3000 && !h_has(r.err, "retrying in"), "%lld ms: %s", r.ms, r.err);
    ck_assert_msg(h_has(r.err, "authentication") && !h_has(r.err, "Wrong-canary"), "%s", r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_up_waits_for_a_database_that_is_starting)
{
    SKIP_WITHOUT_PG();
    const char *pgdir = getenv("PGTEST_DIR"), *bin = getenv("PGTEST_BIN");
    ck_assert_ptr_nonnull(pgdir);
    ck_assert_ptr_nonnull(bin);
    const char *as = getuid() == 0 ? "runuser -u postgres --" : "";
    char *o = h_sh("%s '%s/pg_ctl' -D '%s/data' -w stop -m fast 2>&1", as, bin, pgdir);
    free(o);
    char log[4200];
    snprintf(log, sizeof log, "%s/up.log", dir);
    const char *const args[] = {"-u", url, "--wait-for-db=30s", "up", "--", "true", NULL};
    pid_t pid = h_spawn(dir, NULL, args, log);
    sleep(2);
    /* Start it again with the options it had (postmaster.opts keeps them). */
    o = h_sh("cd '%s/data' && opts=$(sed -e 's/^[^ ]* //' postmaster.opts) && "
             "eval %s \"'%s/pg_ctl'\" -D '%s/data' -l '%s/log' -w -o \\\"$opts\\\" start 2>&1",
             pgdir, as, bin, pgdir, pgdir);
    int st = h_wait(pid, 60000);
    char *l = h_sh("cat '%s'", log);
    ck_assert_msg(st == 0, "status %d; pg_ctl: %s; log: %s", st, o, l);
    ck_assert_msg(h_has(l, "database not ready") && h_has(l, "applied 002_users.sql"), "%s", l);
    free(o);
    free(l);
}
END_TEST

START_TEST(test_wait_follower_execs_once_a_job_has_migrated_and_tolerates_a_database_ahead)
{
    SKIP_WITHOUT_PG();
    char log[4200];
    snprintf(log, sizeof log, "%s/wait.log", dir);
    const char *const args[] = {"-u", url, "wait", "--", "sh", "-c", "exit 5", NULL};
    pid_t follower = h_spawn(dir, NULL, args, log);
    usleep(500000);
    char *o = psql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'schemagate%' AND state = 'active'");
    ck_assert_str_eq(o, "0"); /* waiting followers hold no running statement */
    free(o);
    o = psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'");
    ck_assert_str_eq(o, "0"); /* and no lock */
    free(o);
    struct h_result r;
    RUN(&r, "-u", url, "up"); /* the job */
    ck_assert_int_eq(r.status, 0);
    h_result_free(&r);
    ck_assert_int_eq(h_wait(follower, 10000), 5);
    /* A newer version in the database than on disk: a rolling deploy. */
    h_write(dir, "old/001_audit.sql",
            "-- migrate:up\nCREATE TABLE audit (version text NOT NULL);\n"
            "INSERT INTO audit VALUES ('001');\n");
    RUN(&r, "-u", url, "-d", "old", "wait", "--timeout=5s", "--", "true");
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_msg(h_has(r.err, "database is ahead"), "%s", r.err);
    h_result_free(&r);
    /* A changed applied file is data drift: 65, not a wait. */
    h_write(dir, "migrations/002_users.sql", "-- migrate:up\nCREATE TABLE users (id bigint);\n");
    RUN(&r, "-u", url, "wait", "--timeout=5s", "--", "true");
    ck_assert_int_eq(r.status, 65);
    h_result_free(&r);
}
END_TEST

START_TEST(test_lock_stops_the_child_and_exits_70_when_its_session_is_terminated)
{
    SKIP_WITHOUT_PG();
    char log[4200], marker[4200];
    snprintf(log, sizeof log, "%s/lock.log", dir);
    snprintf(marker, sizeof marker, "%s/child-got-term", dir);
    char script[8600];
    snprintf(script, sizeof script, "trap 'touch %s; exit 0' TERM; sleep 60 & wait", marker);
    const char *const args[] = {"-u", url, "lock", "--", "sh", "-c", script, NULL};
    pid_t pid = h_spawn(dir, NULL, args, log);
    char *o = NULL;
    for (int i = 0; i < 500; i++) {
        free(o);
        o = psql("SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) "
                 "WHERE l.locktype = 'advisory' AND a.application_name LIKE 'schemagate%'");
        if (strcmp(o, "1") == 0)
            break;
        usleep(10000);
    }
    ck_assert_str_eq(o, "1");
    free(o);
    long long t0 = h_now_ms();
    free(psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'schemagate%'"));
    int st = h_wait(pid, 20000);
    long long took = h_now_ms() - t0;
    char *l = h_sh("cat '%s'", log);
    ck_assert_msg(st == 70, "status %d: %s", st, l);
    ck_assert_msg(h_has(l, "lock lost"), "%s", l);
    ck_assert_msg(access(marker, F_OK) == 0, "the child was sent SIGTERM");
    ck_assert_msg(took < 5000, "noticed after %lld ms", took);
    free(l);
}
END_TEST

/* A listener that accepts TCP connections and never answers: a server
 * that hangs during start-up. */
static int black_hole(int *port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    ck_assert_int_eq(listen(fd, 64), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    *port = ntohs(a.sin_port);
    return fd;
}

START_TEST(test_sigterm_while_connecting_exits_143_within_a_second)
{
    int port, fd = black_hole(&port);
    char u[128], d[4200];
    const char *scheme = _i == 0 ? "postgres" : "mysql";
    snprintf(u, sizeof u, "%s://u@127.0.0.1:%d/x", scheme, port);
    char *tmp = h_tmpdir();
    snprintf(d, sizeof d, "%s/m", tmp);
    h_write(tmp, "m/001_a.sql", "-- migrate:up\nSELECT 1;\n");
    const char *const args[] = {"-u", u, "-d", d, "up", NULL};
    pid_t pid = h_spawn(tmp, NULL, args, NULL);
    usleep(700000);
    long long t0 = h_now_ms();
    kill(pid, SIGTERM);
    int st = h_wait(pid, 15000);
    long long took = h_now_ms() - t0;
    ck_assert_msg(st == 143, "%s: status %d", scheme, st);
    ck_assert_msg(took < 1000, "%s: stopped after %lld ms", scheme, took);
    close(fd);
    free(h_sh("rm -rf '%s'", tmp));
    free(tmp);
}
END_TEST

Suite *modes_e2e_suite(void)
{
    Suite *s = suite_create("e2e-modes");
    TCase *tc = tcase_create("modes");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_unreachable_database_is_retried_then_69_with_the_last_error);
    tcase_add_test(tc, test_wrong_password_is_not_retried);
    tcase_add_test(tc, test_up_waits_for_a_database_that_is_starting);
    tcase_add_test(tc, test_wait_follower_execs_once_a_job_has_migrated_and_tolerates_a_database_ahead);
    tcase_add_test(tc, test_lock_stops_the_child_and_exits_70_when_its_session_is_terminated);
    tcase_add_loop_test(tc, test_sigterm_while_connecting_exits_143_within_a_second, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}
