/* test_mysql.c -- the real binary against the MariaDB server that
 * tests/lib/mariadb.sh started (SG_TEST_MYSQL_URL), each test in a database
 * of its own: a herd of 50 replicas, kill -9 and SIGTERM of holders and
 * waiters, dirty DDL migrations and repair, table-lock timeouts. The server
 * is watched through the mariadb client (information_schema.PROCESSLIST),
 * never through sleeps alone. */
#include <check.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "e2e.h"
#include "harness.h"

static char *dir;
static char url[512]; /* the test's own database */
static char dbname[64];
/* The server, from SG_TEST_MYSQL_URL (mysql://user:password@host:port/db). */
static char my_user[128], my_pw[128], my_host[128], my_port[16], my_admin_db[64];

#define RUN(r, ...) h_run((r), dir, NULL, (const char *const[]){__VA_ARGS__, NULL}, 90000)

/* Under valgrind (make valgrind) every copy is ~20x slower: a smaller herd. */
static int herd(int n)
{
    const char *v = getenv("SG_VALGRIND");
    return v && *v && *v != '0' ? (n > 8 ? 8 : n) : n;
}

/* Splits the test URL; only the plain form tests/lib/mariadb.sh exports. */
static void parse_base(const char *u)
{
    const char *p = strstr(u, "://"), *at, *colon, *slash;

    ck_assert_ptr_nonnull(p);
    p += 3;
    at = strchr(p, '@');
    ck_assert_ptr_nonnull(at);
    colon = memchr(p, ':', (size_t)(at - p));
    ck_assert_ptr_nonnull(colon);
    snprintf(my_user, sizeof my_user, "%.*s", (int)(colon - p), p);
    snprintf(my_pw, sizeof my_pw, "%.*s", (int)(at - colon - 1), colon + 1);
    slash = strchr(at, '/');
    ck_assert_ptr_nonnull(slash);
    colon = memchr(at, ':', (size_t)(slash - at));
    snprintf(my_host, sizeof my_host, "%.*s", (int)((colon ? colon : slash) - at - 1), at + 1);
    snprintf(my_port, sizeof my_port, "%.*s", colon ? (int)(slash - colon - 1) : 4,
             colon ? colon + 1 : "3306");
    snprintf(my_admin_db, sizeof my_admin_db, "%.*s", (int)strcspn(slash + 1, "?"), slash + 1);
}

/* Runs SQL (printf-style) through the mariadb client on database `db`;
 * returns its trimmed output, errors included (owned). */
__attribute__((format(printf, 2, 3))) static char *sqlon(const char *db, const char *fmt, ...)
{
    static unsigned n;
    char path[4200], q[4096];
    va_list ap;
    FILE *f;

    va_start(ap, fmt);
    vsnprintf(q, sizeof q, fmt, ap);
    va_end(ap);
    snprintf(path, sizeof path, "%s/q%u-%d.sql", dir, n++, (int)getpid());
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(q, f);
    fclose(f);
    return h_sh("MYSQL_PWD='%s' mariadb --no-defaults -h'%s' -P'%s' -u'%s' -N -B '%s' < '%s' "
                "2>&1; rm -f '%s'",
                my_pw, my_host, my_port, my_user, db, path, path);
}
#define sql(...) sqlon(dbname, __VA_ARGS__)

/* Starts a background client session running `q` (which should end in a
 * long SLEEP); returns at once. */
static void sql_background(const char *q)
{
    char *o = h_sh("MYSQL_PWD='%s' mariadb --no-defaults -h'%s' -P'%s' -u'%s' -N -B '%s' -e \"%s\" "
                   ">/dev/null 2>&1 </dev/null & echo",
                   my_pw, my_host, my_port, my_user, dbname, q);
    free(o);
}

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

/* Sessions on the test database running exactly `info` (an SQL text). */
static char running_q[512];
static const char *running(const char *info)
{
    snprintf(running_q, sizeof running_q,
             "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND "
             "INFO = '%s' AND ID <> CONNECTION_ID()",
             info);
    return running_q;
}

static const char *others_q =
    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND "
    "ID <> CONNECTION_ID()";

#define DIGITS                                                                                     \
    "(SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "     \
    "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL "       \
    "SELECT 9)"

static void setup(void)
{
    const char *base = getenv("SG_TEST_MYSQL_URL");
    char *o;

    parse_base(base);
    dir = h_tmpdir();
    ck_assert_ptr_nonnull(dir);
    chmod(dir, 0755);
    snprintf(dbname, sizeof dbname, "sg_e2e_%d", (int)getpid());
    o = sqlon(my_admin_db, "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s", dbname, dbname);
    ck_assert_msg(*o == '\0', "CREATE DATABASE: %s", o);
    free(o);
    snprintf(url, sizeof url, "mysql://%s:%s@%s:%s/%s", my_user, my_pw, my_host, my_port, dbname);
    /* The audit table shows what really ran, in which order, how often. */
    o = sql("CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, version VARCHAR(20) NOT "
            "NULL) ENGINE=InnoDB");
    ck_assert_msg(*o == '\0', "%s", o);
    free(o);
    h_write(dir, "migrations/001_users.sql",
            "-- migrate:up\n"
            "CREATE TABLE users (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT "
            "NULL) ENGINE=InnoDB;\n"
            "INSERT INTO audit (version) VALUES ('001');\n"
            "-- migrate:down\nDROP TABLE users;\n");
    h_write(dir, "migrations/002_orders.sql",
            "-- migrate:up\n"
            "CREATE TABLE orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, user_id BIGINT, "
            "FOREIGN KEY (user_id) REFERENCES users (id)) ENGINE=InnoDB;\n"
            "INSERT INTO users (email) SELECT CONCAT('u', a.n * 1000 + b.n * 100 + c.n * 10 + "
            "d.n, '@example.com') FROM " DIGITS " a, " DIGITS " b, " DIGITS " c, " DIGITS
            " d WHERE a.n < 5;\n"
            "INSERT INTO audit (version) VALUES ('002');\n");
}

static void teardown(void)
{
    char *o = sqlon(my_admin_db, "DROP DATABASE IF EXISTS %s", dbname);
    free(o);
    o = h_sh("rm -rf '%s'", dir);
    free(o);
    free(dir);
}

static int ledger_has(const char *version, const char *extra)
{
    char *o = sql("SELECT COUNT(*) FROM schemagate_migrations WHERE version = '%s'%s", version,
                  extra ? extra : "");
    int n = atoi(o);
    free(o);
    return n;
}

static int audit_count(const char *version)
{
    char *o = sql("SELECT COUNT(*) FROM audit WHERE version = '%s'", version);
    int n = atoi(o);
    free(o);
    return n;
}

START_TEST(test_fifty_copies_apply_each_migration_exactly_once_and_all_exec)
{
    enum { MAXN = 50 };
    const int N = herd(MAXN);
    pid_t pids[MAXN];
    char script[4200];
    const char *const args[] = {"-u", url, "up", "--", "sh", "-c", script, NULL};

    h_write(dir, "migrations/003_slow.sql",
            "-- migrate:up\nDO SLEEP(0.5);\nINSERT INTO audit (version) VALUES ('003');\n");
    snprintf(script, sizeof script, "touch '%s/exec.'$$", dir);
    for (int i = 0; i < N; i++)
        pids[i] = h_spawn(dir, NULL, args, NULL);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(h_wait(pids[i], 120000), 0);
    char *o = sql("SELECT GROUP_CONCAT(version ORDER BY id) FROM audit");
    ck_assert_str_eq(o, "001,002,003");
    free(o);
    o = sql("SELECT COUNT(*) FROM schemagate_migrations WHERE NOT dirty");
    ck_assert_str_eq(o, "3");
    free(o);
    o = h_sh("ls '%s' | grep -c '^exec\\.'", dir);
    ck_assert_int_eq(atoi(o), N);
    free(o);
    for (int i = 0; i < N; i++) {
        o = h_sh("test -e '%s/exec.%d' && echo y", dir, (int)pids[i]);
        ck_assert_msg(strcmp(o, "y") == 0, "copy %d did not exec as itself", (int)pids[i]);
        free(o);
    }
    /* No session of ours is left behind. */
    ck_assert(eventually("0", 3000, others_q));
}
END_TEST

START_TEST(test_kill_9_of_the_holder_frees_the_lock_and_another_copy_finishes)
{
    char log[2][4200];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    pid_t pid[2];
    int h = -1;

    /* DML only: one transaction, which the server rolls back when the
     * holder's session ends. */
    h_write(dir, "migrations/005_slow.sql",
            "-- migrate:up\nINSERT INTO audit (version) VALUES ('005');\nDO SLEEP(3);\n");
    /* Two copies at once: one holds the lock, the other waits from the start. */
    for (int i = 0; i < 2; i++) {
        snprintf(log[i], sizeof log[i], "%s/copy%d.log", dir, i);
        pid[i] = h_spawn(dir, NULL, args, log[i]);
    }
    ck_assert_msg(eventually("1", 30000, running("DO SLEEP(3)")), "nobody reached 005");
    for (int i = 0; i < 2 && h < 0; i++)
        if (log_has(log[i], "applying 005_slow.sql", 0))
            h = i;
    ck_assert_msg(h >= 0, "the holder did not log applying 005");
    ck_assert_msg(log_has(log[1 - h], "waiting for lock", 10000), "the other copy never waited");

    kill(pid[h], SIGKILL);
    ck_assert_int_eq(h_wait(pid[h], 5000), 137);
    /* The server ends the dead client's session when its statement ends
     * (MySQL notices a closed socket only when it next reads or writes):
     * the transaction rolls back, GET_LOCK is released, the waiter goes on. */
    long long t0 = h_now_ms();
    ck_assert_int_eq(h_wait(pid[1 - h], 60000), 0);
    printf("e2e-mysql: waiter finished %lld ms after kill -9 of the holder\n", h_now_ms() - t0);
    ck_assert_int_eq(ledger_has("5", " AND NOT dirty"), 1);
    ck_assert_int_eq(audit_count("005"), 1);
    char *o = h_sh("cat '%s'", log[1 - h]);
    ck_assert_msg(h_has(o, "held by connection"), "the waiter never named the holder: %s", o);
    free(o);
}
END_TEST

START_TEST(test_sigterm_of_a_waiter_and_of_the_holder_exits_143_within_a_second)
{
    char hlog[4200], wlog[4200];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    long long t0, took;
    int st;

    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    h_write(dir, "migrations/005_slow.sql",
            "-- migrate:up\nINSERT INTO audit (version) VALUES ('005');\nDO SLEEP(30);\n");
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, running("DO SLEEP(30)")), "the holder never reached 005");
    pid_t waiter = h_spawn(dir, NULL, args, wlog);
    ck_assert_msg(log_has(wlog, "held by connection", 10000), "the waiter never named the holder");

    /* A waiter: it holds no statement on the server, it just stops. */
    t0 = h_now_ms();
    kill(waiter, SIGTERM);
    st = h_wait(waiter, 5000);
    took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "the waiter took %lld ms to stop", took);

    /* The holder, mid-statement: KILL QUERY from a second connection, the
     * transaction rolls back, the session ends, the lock is free. */
    t0 = h_now_ms();
    kill(holder, SIGTERM);
    st = h_wait(holder, 5000);
    took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "the holder took %lld ms to stop", took);
    ck_assert_msg(eventually("0", 1000, others_q), "a session was left on the server");
    ck_assert_int_eq(ledger_has("5", NULL), 0);
    ck_assert_int_eq(audit_count("005"), 0);
    char *o = h_sh("cat '%s'", hlog);
    ck_assert_msg(h_has(o, "signal 15"), "%s", o);
    free(o);
}
END_TEST

START_TEST(test_dirty_migration_blocks_up_with_65_until_repair)
{
    struct h_result r;
    char *o;

    h_write(dir, "migrations/003_ddl.sql",
            "-- migrate:up\n"
            "CREATE TABLE t3 (x INT) ENGINE=InnoDB;\n"
            "INSERT INTO t3 VALUES (1);\n"
            "INSERT INTO no_such_table VALUES (1);\n"
            "INSERT INTO t3 VALUES (3);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "003_ddl.sql:4:1: Table '") &&
                      h_has(r.err, "no_such_table' doesn't exist (MySQL error 1146, SQLSTATE "
                                   "42S02)") &&
                      h_has(r.err, "migration 3 is left dirty: 2 of 4 statement(s)") &&
                      h_has(r.err, "at line 4"),
                  "%s", r.err);
    h_result_free(&r);
    o = sql("SELECT CONCAT(dirty, ' ', dirty_done) FROM schemagate_migrations WHERE version = "
            "'3'");
    ck_assert_str_eq(o, "1 2");
    free(o);
    RUN(&r, "-u", url, "up", "--", "true");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "is dirty") && h_has(r.err, "repair 3"), "%s", r.err);
    h_result_free(&r);
    /* The operator finishes it by hand and records it. */
    free(sql("INSERT INTO t3 VALUES (3)"));
    RUN(&r, "-u", url, "repair", "3", "--applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "nothing to do"), "%d %s", r.status, r.err);
    h_result_free(&r);
    ck_assert_int_eq(ledger_has("3", " AND NOT dirty"), 1);

    /* --not-applied: undo what ran, fix the cause, run it again. */
    h_write(dir, "migrations/004_again.sql",
            "-- migrate:up\nCREATE TABLE t4 (x INT);\nINSERT INTO missing_too VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 65 && h_has(r.err, "1 of 2"), "%d %s", r.status, r.err);
    h_result_free(&r);
    free(sql("DROP TABLE t4; CREATE TABLE missing_too (x INT)"));
    RUN(&r, "-u", url, "repair", "4", "--not-applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 004_again.sql"), "%s", r.err);
    h_result_free(&r);
    o = sql("SELECT COUNT(*) FROM missing_too");
    ck_assert_str_eq(o, "1");
    free(o);
}
END_TEST

START_TEST(test_sigterm_during_ddl_leaves_it_dirty_for_the_next_run)
{
    char hlog[4200];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    struct h_result r;

    snprintf(hlog, sizeof hlog, "%s/holder.log", dir);
    h_write(dir, "migrations/005_ddl_slow.sql",
            "-- migrate:up\nCREATE TABLE t5 (x INT);\nDO SLEEP(30);\n");
    pid_t holder = h_spawn(dir, NULL, args, hlog);
    ck_assert_msg(eventually("1", 20000, running("DO SLEEP(30)")), "the holder never reached 005");
    long long t0 = h_now_ms();
    kill(holder, SIGTERM);
    ck_assert_int_eq(h_wait(holder, 5000), 143);
    ck_assert_msg(h_now_ms() - t0 < 1000, "took %lld ms", h_now_ms() - t0);
    ck_assert_int_eq(ledger_has("5", " AND dirty AND dirty_done = 1"), 1);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 65 && h_has(r.err, "005_ddl_slow.sql") && h_has(r.err, "dirty"),
                  "%d %s", r.status, r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_table_lock_timeout_retries_then_exits_75_naming_the_blocker)
{
    struct h_result r;
    char want[64];

    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    /* The application: a transaction that read users and stays open. */
    sql_background("START TRANSACTION; SELECT COUNT(*) FROM users; SELECT SLEEP(120)");
    ck_assert(eventually("1", 10000, running("SELECT SLEEP(120)")));
    char *id = sql("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT "
                   "SLEEP(120)'");
    h_write(dir, "migrations/003_nick.sql",
            "-- migrate:up\nALTER TABLE users ADD COLUMN nick VARCHAR(20);\n");
    long long t0 = h_now_ms();
    RUN(&r, "-u", url, "--ddl-lock-timeout=500ms", "--ddl-retries=2", "up");
    ck_assert_msg(r.status == 75, "%d %s", r.status, r.err);
    snprintf(want, sizeof want, "likely blocker: connection %s ", id);
    ck_assert_msg(h_has(r.err, "003_nick.sql:2:1: Lock wait timeout exceeded") &&
                      h_has(r.err, "(MySQL error 1205") && h_has(r.err, want),
                  "%s", r.err);
    ck_assert_msg(h_has(r.err, "retrying"), "no retry was logged: %s", r.err);
    printf("e2e-mysql: 2 retries then 75 after %lld ms\n", h_now_ms() - t0);
    h_result_free(&r);
    /* Nothing ran, so nothing is dirty: a redeploy just tries again. */
    ck_assert_int_eq(ledger_has("3", NULL), 0);
    free(sql("KILL %s", id));
    free(id);
    RUN(&r, "-u", url, "--ddl-lock-timeout=500ms", "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    ck_assert_int_eq(ledger_has("3", " AND NOT dirty"), 1);
}
END_TEST

START_TEST(test_a_ddl_migration_retries_only_the_statement_that_timed_out)
{
    struct h_result r;
    char log[4200];
    const char *const args[] = {"-u", url, "--ddl-lock-timeout=300ms", "--ddl-retries=20",
                                "up", NULL};

    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    sql_background("START TRANSACTION; SELECT COUNT(*) FROM users; SELECT SLEEP(120)");
    ck_assert(eventually("1", 10000, running("SELECT SLEEP(120)")));
    char *id = sql("SELECT ID FROM information_schema.PROCESSLIST WHERE INFO = 'SELECT "
                   "SLEEP(120)'");
    h_write(dir, "migrations/003_two.sql",
            "-- migrate:up\nCREATE TABLE t_new (x INT);\n"
            "ALTER TABLE users ADD COLUMN nick VARCHAR(20);\n");
    snprintf(log, sizeof log, "%s/up.log", dir);
    pid_t up = h_spawn(dir, NULL, args, log);
    ck_assert_msg(log_has(log, "retrying", 20000), "no retry was logged");
    /* Meanwhile the migration is dirty at its first statement. */
    ck_assert_int_eq(ledger_has("3", " AND dirty AND dirty_done = 1"), 1);
    free(sql("KILL %s", id));
    free(id);
    ck_assert_int_eq(h_wait(up, 60000), 0);
    /* Finished: clean, dirty_done back to 0 as on every backend. */
    ck_assert_int_eq(ledger_has("3", " AND NOT dirty AND dirty_done = 0"), 1);
    char *o = h_sh("cat '%s'", log);
    ck_assert_msg(h_has(o, "a retry resumes here") && h_has(o, "applied 003_two.sql"), "%s", o);
    free(o);
}
END_TEST

/* Issue 8 and 16: a no-op start is one connection and one statement (the
 * ledger read), as on PostgreSQL. Counted by the server: the general log,
 * to a table, and only the rows of the session that connected to this
 * test's database after the log was turned on. The DML-only migration runs
 * in one transaction, with the session timeouts MariaDB knows. */
START_TEST(test_a_no_op_start_is_one_statement)
{
    struct h_result r;
    char *o, *old_output, *old_log;

    h_write(dir, "migrations/003_dml.sql",
            "-- migrate:up\nINSERT INTO audit (version) VALUES ('003');\n");
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    ck_assert_int_eq(audit_count("003"), 1);

    old_output = sql("SELECT @@GLOBAL.log_output");
    old_log = sql("SELECT @@GLOBAL.general_log");
    o = sqlon(my_admin_db, "SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1");
    ck_assert_msg(*o == '\0', "%s", o);
    free(o);
    RUN(&r, "-u", url, "up", "--", "true");
    /* On another database: this session's rows must not match below. */
    free(sqlon(my_admin_db, "SET GLOBAL general_log = %s; SET GLOBAL log_output = '%s'", old_log,
               old_output));
    free(old_output);
    free(old_log);
    ck_assert_msg(r.status == 0 && h_has(r.err, "nothing to do"), "%d %s", r.status, r.err);
    h_result_free(&r);
    /* Every command packet of that session but its Connect and Quit. */
    o = sql("SELECT GROUP_CONCAT(command_type, ': ', LEFT(argument, 60) SEPARATOR ' | ') FROM "
            "mysql.general_log WHERE command_type NOT IN ('Connect', 'Quit') AND thread_id IN "
            "(SELECT thread_id FROM mysql.general_log WHERE command_type = 'Connect' AND "
            "argument LIKE '%% on %s %%')",
            dbname);
    printf("e2e-mysql: no-op start: %s\n", o);
    ck_assert_msg(strncmp(o, "Query: SELECT ", 14) == 0 && !strchr(o, '|'),
                  "a no-op start sent more than one statement: %s", o);
    free(o);
}
END_TEST

START_TEST(test_no_mysql_server)
{
    printf("e2e-mysql: SG_TEST_MYSQL_URL is unset (tests/run.sh starts a server): skipped\n");
}
END_TEST

/* localhost:PORT names a TCP port (issue 14): the client library would
 * take "localhost" for its default socket and ignore the port -- here
 * reaching no server at all, elsewhere perhaps another one. */
START_TEST(test_localhost_with_a_port_connects_to_that_port)
{
    char lurl[512];
    struct h_result r;

    snprintf(lurl, sizeof lurl, "mysql://%s:%s@localhost:%s/%s", my_user, my_pw, my_port, dbname);
    RUN(&r, "-u", lurl, "--wait-for-db=0", "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    ck_assert_int_eq(audit_count("001"), 1);
}
END_TEST

Suite *mysql_e2e_suite(void)
{
    Suite *s = suite_create("e2e-mysql");
    TCase *tc = tcase_create("mysql");
    const char *u = getenv("SG_TEST_MYSQL_URL");

    tcase_set_timeout(tc, 300);
    if (!u || !*u) {
        tcase_add_test(tc, test_no_mysql_server);
    } else {
        tcase_add_checked_fixture(tc, setup, teardown);
        tcase_add_test(tc, test_fifty_copies_apply_each_migration_exactly_once_and_all_exec);
        tcase_add_test(tc, test_kill_9_of_the_holder_frees_the_lock_and_another_copy_finishes);
        tcase_add_test(tc, test_sigterm_of_a_waiter_and_of_the_holder_exits_143_within_a_second);
        tcase_add_test(tc, test_dirty_migration_blocks_up_with_65_until_repair);
        tcase_add_test(tc, test_sigterm_during_ddl_leaves_it_dirty_for_the_next_run);
        tcase_add_test(tc, test_table_lock_timeout_retries_then_exits_75_naming_the_blocker);
        tcase_add_test(tc, test_a_ddl_migration_retries_only_the_statement_that_timed_out);
        tcase_add_test(tc, test_localhost_with_a_port_connects_to_that_port);
        tcase_add_test(tc, test_a_no_op_start_is_one_statement);
    }
    suite_add_tcase(s, tc);
    return s;
}
