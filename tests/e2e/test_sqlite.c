/* test_sqlite.c -- the real binary against SQLite files, as a container
 * entrypoint would run it: exec handoff, exit statuses, signals, herds of
 * processes on one file, and every bad input leaving the ledger unchanged. */
#include <check.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "e2e.h"
#include "harness.h"

static char *dir;
static char url[4200];
static char helpers[4096];

#define RUN(r, ...) h_run((r), dir, NULL, (const char *const[]){__VA_ARGS__, NULL}, 20000)

static void setup(void)
{
    const char *b = getenv("SG_HELPERS");
    dir = h_tmpdir();
    ck_assert_ptr_nonnull(dir);
    snprintf(url, sizeof url, "sqlite:///%s/app.db", dir + 1);
    snprintf(helpers, sizeof helpers, "%s", b && *b ? b : "build/tests/helpers");
    const char *sb = getenv("SG_BIN");
    if (sb && sb[0] != '/') {
        char cwd[2048], abs[4096];
        ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
        snprintf(abs, sizeof abs, "%s/%s", cwd, sb);
        setenv("SG_BIN", abs, 1);
    }
    if (helpers[0] != '/') {
        char cwd[2048];
        ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%s/%s", cwd, helpers);
        snprintf(helpers, sizeof helpers, "%s", tmp);
    }
    h_write(dir, "migrations/001_users.sql",
            "-- migrate:up\n"
            "CREATE TABLE audit (version TEXT NOT NULL);\n"
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
            "INSERT INTO audit VALUES ('001');\n"
            "-- migrate:down\n"
            "DROP TABLE users;\nDROP TABLE audit;\n");
    h_write(dir, "migrations/002_orders.up.sql",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id));\n"
            "CREATE INDEX orders_user ON orders(user_id);\n"
            "INSERT INTO audit VALUES ('002');\n");
    h_write(dir, "migrations/002_orders.down.sql", "DROP TABLE orders;\n");
    h_write(dir, "migrations/010_backfill.sql",
            "-- migrate:up\n"
            "INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');\n"
            "INSERT INTO audit VALUES ('010');\n");
    h_write(dir, "migrations/README.txt", "not a migration: ignored\n");
}

static void teardown(void)
{
    char *o = h_sh("rm -rf '%s'", dir);
    free(o);
    free(dir);
}

static char *q(const char *sql)
{
    return h_sh("sqlite3 '%s/app.db' \"%s\" 2>&1", dir, sql);
}

static int ledger_count(void)
{
    char *o = q("SELECT count(*) FROM schemagate_migrations");
    int n = atoi(o);
    if (strstr(o, "no such table"))
        n = -1;
    free(o);
    return n;
}

START_TEST(test_up_applies_in_numeric_order_and_records_checksums)
{
    struct h_result r;
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "status %d: %s", r.status, r.err);
    char *o = q("SELECT group_concat(version, ',') FROM audit");
    ck_assert_str_eq(o, "001,002,010");
    free(o);
    o = q("SELECT version || ' ' || name || ' ' || length(checksum) || ' ' || dirty FROM "
          "schemagate_migrations ORDER BY CAST(version AS INTEGER)");
    ck_assert_str_eq(o, "1 users 64 0\n2 orders 64 0\n10 backfill 64 0");
    free(o);
    ck_assert_msg(h_has(r.err, "applied 010_backfill.sql"), "%s", r.err);
    ck_assert_str_eq(r.out, "");
    h_result_free(&r);
}
END_TEST

START_TEST(test_second_up_takes_the_fast_path_and_changes_nothing)
{
    struct h_result r;
    RUN(&r, "-u", url, "up");
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.err, "nothing to do"), "%s", r.err);
    ck_assert_msg(!h_has(r.err, "acquired lock"), "fast path must not lock: %s", r.err);
    ck_assert_int_eq(ledger_count(), 3);
    h_result_free(&r);
}
END_TEST

START_TEST(test_exec_keeps_pid_and_passes_exit_status)
{
    struct h_result r;
    RUN(&r, "-u", url, "up", "--", "sh", "-c", "echo $$; exit 42");
    ck_assert_int_eq(r.status, 42);
    ck_assert_int_eq(atoi(r.out), r.pid);
    h_result_free(&r);
    RUN(&r, "-u", url, "up", "--", "sh", "-c", "kill -TERM $$");
    ck_assert_int_eq(r.status, 128 + SIGTERM);
    h_result_free(&r);
}
END_TEST

START_TEST(test_exec_program_inherits_only_fds_0_to_2)
{
    struct h_result r;
    char prog[4200];
    snprintf(prog, sizeof prog, "%s/fdcheck", helpers);
    RUN(&r, "-u", url, "up", "--", prog);
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    ck_assert_str_eq(r.out, "fds: 0 1 2\n");
    h_result_free(&r);
}
END_TEST

START_TEST(test_exec_program_inherits_the_original_signal_state)
{
    char *direct = h_sh("'%s/sigsetup' grep -E '^Sig(Blk|Ign)' /proc/self/status", helpers);
    char *via = h_sh("cd '%s' && '%s/sigsetup' '%s' -q -u '%s' up -- grep -E '^Sig(Blk|Ign)' "
                     "/proc/self/status",
                     dir, helpers, getenv("SG_BIN"), url);
    ck_assert_msg(h_has(direct, "SigBlk:\t0000000000004200"), "sigsetup: %s", direct);
    ck_assert_str_eq(via, direct);
    free(direct);
    free(via);
}
END_TEST

START_TEST(test_exec_failure_is_127_for_missing_and_126_for_not_executable)
{
    struct h_result r;
    RUN(&r, "-u", url, "up", "--", "/nonexistent/program");
    ck_assert_int_eq(r.status, 127);
    ck_assert_msg(h_has(r.err, "unable to exec /nonexistent/program"), "%s", r.err);
    h_result_free(&r);
    h_write(dir, "notexec.sh", "#!/bin/sh\necho hi\n");
    RUN(&r, "-u", url, "up", "--", "./notexec.sh");
    ck_assert_int_eq(r.status, 126);
    h_result_free(&r);
}
END_TEST

START_TEST(test_twenty_processes_on_one_file_apply_each_migration_once)
{
    pid_t pids[20];
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    /* A slow first migration keeps the others waiting on the lock. */
    h_write(dir, "migrations/005_slow.sql",
            "-- migrate:up\n"
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 300000) "
            "INSERT INTO audit SELECT '005' FROM c WHERE x = 1;\n");
    for (int i = 0; i < 20; i++)
        pids[i] = h_spawn(dir, NULL, args, NULL);
    for (int i = 0; i < 20; i++)
        ck_assert_int_eq(h_wait(pids[i], 60000), 0);
    char *o = q("SELECT group_concat(version, ',') FROM (SELECT version FROM audit ORDER BY rowid)");
    ck_assert_str_eq(o, "001,002,005,010");
    free(o);
    ck_assert_int_eq(ledger_count(), 4);
}
END_TEST

/* Starts a holder stuck in a slow migration and waits until it holds the lock. */
static pid_t start_slow_holder(const char *log)
{
    const char *const args[] = {"-u", url, "up", NULL};
    h_write(dir, "migrations/020_slow.sql",
            "-- migrate:up\n"
            "CREATE TABLE slow_marker (x INTEGER);\n"
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000000) "
            "SELECT count(*) FROM c;\n");
    pid_t holder = h_spawn(dir, NULL, args, log);
    for (int i = 0; i < 500; i++) {
        char *o = h_sh("grep -c 'applying 020_slow' '%s'", log);
        int n = atoi(o);
        free(o);
        if (n > 0)
            break;
        usleep(10000);
    }
    return holder;
}

START_TEST(test_sigterm_while_waiting_for_the_lock_exits_143_within_a_second)
{
    char log[4200], wlog[4200];
    snprintf(log, sizeof log, "%s/holder.log", dir);
    snprintf(wlog, sizeof wlog, "%s/waiter.log", dir);
    pid_t holder = start_slow_holder(log);
    const char *const args[] = {"-u", url, "up", "--", "true", NULL};
    pid_t waiter = h_spawn(dir, NULL, args, wlog);
    for (int i = 0; i < 500; i++) {
        char *o = h_sh("grep -c 'waiting for lock' '%s'", wlog);
        int n = atoi(o);
        free(o);
        if (n > 0)
            break;
        usleep(10000);
    }
    char *w = h_sh("cat '%s'", wlog);
    ck_assert_msg(h_has(w, "waiting for lock") && h_has(w, "held by pid"), "%s", w);
    free(w);
    long long t0 = h_now_ms();
    kill(waiter, SIGTERM);
    int st = h_wait(waiter, 5000);
    long long took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "waiter took %lld ms to stop", took);
    /* The holder, stopped mid-migration, rolls back and frees the lock. */
    t0 = h_now_ms();
    kill(holder, SIGTERM);
    st = h_wait(holder, 5000);
    took = h_now_ms() - t0;
    ck_assert_int_eq(st, 143);
    ck_assert_msg(took < 1000, "holder took %lld ms to stop", took);
    char *o = q("SELECT count(*) FROM sqlite_schema WHERE name = 'slow_marker'");
    ck_assert_str_eq(o, "0");
    free(o);
    o = q("SELECT count(*) FROM schemagate_migrations WHERE version = '20'");
    ck_assert_str_eq(o, "0");
    free(o);
}
END_TEST

START_TEST(test_lock_timeout_exits_75)
{
    char log[4200];
    snprintf(log, sizeof log, "%s/holder.log", dir);
    pid_t holder = start_slow_holder(log);
    struct h_result r;
    RUN(&r, "-u", url, "--lock-timeout=300ms", "up");
    ck_assert_msg(r.status == 75, "%d %s", r.status, r.err);
    ck_assert_msg(h_has(r.err, "not acquired within 300 ms (timeout)"), "%s", r.err);
    h_result_free(&r);
    kill(holder, SIGKILL);
    h_wait(holder, 5000);
    /* kill -9 of the holder: the kernel frees the lock, SQLite rolls back. */
    h_write(dir, "migrations/020_slow.sql", "-- migrate:up\nCREATE TABLE slow_marker (x INTEGER);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    ck_assert_int_eq(ledger_count(), 4);
    h_result_free(&r);
}
END_TEST

START_TEST(test_failing_second_statement_leaves_nothing_of_the_first)
{
    struct h_result r;
    h_write(dir, "migrations/011_broken.sql",
            "-- migrate:up\n"
            "CREATE TABLE half (x INTEGER);\n"
            "\n"
            "INSERT INTO no_such_table VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "011_broken.sql:4:"), "names file and line: %s", r.err);
    ck_assert_msg(h_has(r.err, "no such table: no_such_table"), "%s", r.err);
    char *o = q("SELECT count(*) FROM sqlite_schema WHERE name = 'half'");
    ck_assert_str_eq(o, "0");
    free(o);
    /* What came before it stays applied; nothing after it ran. */
    ck_assert_int_eq(ledger_count(), 3);
    h_result_free(&r);
}
END_TEST

/* Bad inputs: the exit status, a message naming the culprit, and an unchanged ledger. */
static const struct {
    const char *file, *content, *expect;
    int status;
} bad_files[] = {
    {"migrations/011_x.sql", "-- migrate:up\nSELECT 1;\n", NULL, 0},
    {"migrations/010_again.sql", "-- migrate:up\nSELECT 1;\n", "two migrations with version 10", 65},
    {"migrations/12bad.sql", "SELECT 1;\n", "12bad.sql: not a migration file name", 65},
    {"migrations/013_nul.sql", "-- migrate:up\nSELECT 1;\n\001", NULL, 0},
    {"migrations/014_upper.sql", "-- MIGRATE:UP\nSELECT 1;\n",
     "014_upper.sql:1: '-- MIGRATE:UP' is not a marker: write '-- migrate:up'", 65},
    {"migrations/015_nomarker.sql", "CREATE TABLE t (x INTEGER);\n",
     "015_nomarker.sql:1: SQL before -- migrate:up", 65},
    {"migrations/016_directive.sql", "-- migrate:up transaction:maybe\nSELECT 1;\n",
     "016_directive.sql:1: unknown directive 'transaction:maybe'", 65},
    {"migrations/017_txn.sql", "-- migrate:up\nBEGIN;\nCREATE TABLE t (x INTEGER);\nCOMMIT;\n",
     "017_txn.sql:2: BEGIN cannot run inside the migration's transaction", 65},
    {"migrations/018_quote.up.sql", "SELECT 'unterminated;\n", "018_quote.up.sql:1:", 65},
    {"migrations/019_orphan.down.sql", "SELECT 1;\n", "019_orphan.down.sql: down migration without", 65},
};

START_TEST(test_each_bad_file_gives_its_status_and_leaves_the_ledger_unchanged)
{
    struct h_result r;
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 0);
    h_result_free(&r);
    char *before = q("SELECT group_concat(version || checksum) FROM schemagate_migrations");
    if (_i == 3) {
        /* A NUL byte cannot be written with h_write: append one. */
        free(h_sh("printf -- '-- migrate:up\\nSELECT 1;\\n\\000\\n' > '%s/migrations/013_nul.sql'", dir));
    } else {
        h_write(dir, bad_files[_i].file, bad_files[_i].content);
    }
    RUN(&r, "-u", url, "up");
    if (_i == 0) {
        ck_assert_int_eq(r.status, 0); /* the control row: a good file applies */
    } else if (_i == 3) {
        ck_assert_int_eq(r.status, 65);
        ck_assert_msg(h_has(r.err, "013_nul.sql: contains a NUL byte"), "%s", r.err);
    } else {
        ck_assert_msg(r.status == bad_files[_i].status, "%s: status %d: %s", bad_files[_i].file,
                      r.status, r.err);
        ck_assert_msg(h_has(r.err, bad_files[_i].expect), "expected '%s' in: %s",
                      bad_files[_i].expect, r.err);
        char *after = q("SELECT group_concat(version || checksum) FROM schemagate_migrations");
        ck_assert_str_eq(before, after);
        free(after);
        /* One fatal line: a grep-able message, not a dump. */
        char *f = strstr(r.err, "fatal: ");
        ck_assert_msg(f && !strstr(f + 1, "fatal: ") && strchr(f, '\n') == r.err + strlen(r.err) - 1,
                      "one fatal line at the end: %s", r.err);
    }
    free(before);
    h_result_free(&r);
}
END_TEST

START_TEST(test_changed_applied_file_is_refused_with_65)
{
    struct h_result r;
    RUN(&r, "-u", url, "up");
    h_result_free(&r);
    h_write(dir, "migrations/002_orders.up.sql", "CREATE TABLE orders (id INTEGER);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "002_orders.up.sql was changed after it was applied"), "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "status");
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.out, "changed    2 "), "%s", r.out);
    h_result_free(&r);
    RUN(&r, "-u", url, "validate");
    ck_assert_int_eq(r.status, 65);
    h_result_free(&r);
}
END_TEST

static const struct {
    const char *args[6];
    int status;
    const char *expect;
} bad_settings[] = {
    {{"up", NULL}, 78, "no database URL"},
    {{"-u", "oracle://x/y", "up", NULL}, 78, "unknown scheme 'oracle' (compiled in: sqlite"},
    {{"-u", "URL", "--lock-timeout=5 minutes", "up", NULL}, 78, "invalid duration"},
    {{"-u", "URL", "--table=drop table", "up", NULL}, 78, "--table: 'drop table' is not a plain identifier"},
    {{"-u", "URL", "-d", "nowhere", "up", NULL}, 66, "unable to open migrations directory nowhere"},
    {{"-u", "URL", "frobnicate", NULL}, 64, "unknown command 'frobnicate'"},
    {{"-u", "URL", "--bogus", "up", NULL}, 64, "unknown option --bogus"},
    {{"-u", "sqlite:///nonexistent-dir/x.db", "up", NULL}, 69, "nonexistent-dir/x.db"},
    {{"-u", "URL", "status", "--format", "xml", NULL}, 64, "--format"},
    {{"-u", "URL", "repair", "1", NULL}, 64, "--applied or --not-applied"},
};

START_TEST(test_each_bad_setting_gives_its_status_and_a_one_line_error)
{
    struct h_result r;
    const char *args[8] = {0};
    for (int i = 0; i < 6 && bad_settings[_i].args[i]; i++)
        args[i] = strcmp(bad_settings[_i].args[i], "URL") == 0 ? url : bad_settings[_i].args[i];
    h_run(&r, dir, (const char *const[]){"DATABASE_URL=", "DATABASE_URL_FILE=", NULL}, args, 20000);
    ck_assert_msg(r.status == bad_settings[_i].status, "case %d: status %d: %s", _i, r.status,
                  r.err);
    ck_assert_msg(h_has(r.err, bad_settings[_i].expect), "case %d: expected '%s' in: %s", _i,
                  bad_settings[_i].expect, r.err);
    ck_assert_msg(strncmp(r.err, "schemagate: fatal: ", 19) == 0, "%s", r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_environment_twins_and_flag_precedence)
{
    struct h_result r;
    char env_url[4300];
    snprintf(env_url, sizeof env_url, "DATABASE_URL=%s", url);
    /* Environment alone works; a flag beats it. */
    h_run(&r, dir, (const char *const[]){env_url, "SCHEMAGATE_TABLE=env_ledger", NULL},
          (const char *const[]){"up", NULL}, 20000);
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    char *o = q("SELECT count(*) FROM env_ledger");
    ck_assert_str_eq(o, "3");
    free(o);
    h_run(&r, dir, (const char *const[]){env_url, "SCHEMAGATE_TABLE=env_ledger", NULL},
          (const char *const[]){"--table=flag_ledger", "status", NULL}, 20000);
    ck_assert_msg(h_has(r.out, "0 applied, 3 pending"), "%s", r.out);
    h_result_free(&r);
    h_run(&r, dir, (const char *const[]){"SCHEMAGATE_LOCK_TIMEOUT=soon", NULL},
          (const char *const[]){"-u", url, "up", NULL}, 20000);
    ck_assert_int_eq(r.status, 78);
    ck_assert_msg(h_has(r.err, "SCHEMAGATE_LOCK_TIMEOUT"), "names the setting: %s", r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_database_url_file_must_not_be_group_or_world_readable)
{
    struct h_result r;
    char path[4200], env[4300];
    snprintf(path, sizeof path, "%s/url", dir);
    h_write(dir, "url", url);
    snprintf(env, sizeof env, "DATABASE_URL_FILE=%s", path);
    h_run(&r, dir, (const char *const[]){"DATABASE_URL=", env, NULL},
          (const char *const[]){"up", "--", "sh", "-c", "echo ${DATABASE_URL_FILE:-unset}", NULL}, 20000);
    ck_assert_int_eq(r.status, 78);
    ck_assert_msg(h_has(r.err, "readable by every user (mode 0644)"), "%s", r.err);
    h_result_free(&r);
    chmod(path, 0640); /* a group may read it (libpq accepts a root key at 0640) */
    h_run(&r, dir, (const char *const[]){"DATABASE_URL=", env, NULL},
          (const char *const[]){"up", NULL}, 20000);
    ck_assert_msg(r.status == 0 && !h_has(r.err, "warning"), "%s", r.err);
    h_result_free(&r);
    chmod(path, 0600);
    h_run(&r, dir, (const char *const[]){"DATABASE_URL=", env, NULL},
          (const char *const[]){"up", "--", "sh", "-c", "echo ${DATABASE_URL_FILE:-unset}", NULL}, 20000);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_str_eq(r.out, "unset\n"); /* scrubbed before exec */
    h_result_free(&r);
}
END_TEST

START_TEST(test_status_json_and_json_logs)
{
    struct h_result r;
    h_run(&r, dir, NULL, (const char *const[]){"-u", url, "--to", "2", "--log-format=json", "up", NULL}, 20000);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.err, "{\"ts\":\"") && h_has(r.err, "\"event\":\"applied\"") &&
                      h_has(r.err, "\"version\":\"2\""), "%s", r.err);
    ck_assert_msg(!h_has(r.err, "\"version\":\"10\""), "--to 2 stops before 10: %s", r.err);
    for (char *l = r.err; *l; l = strchr(l, '\n') + 1)
        ck_assert_msg(*l == '{', "every line is an object: %s", l);
    h_result_free(&r);
    RUN(&r, "-u", url, "status", "--format", "json");
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.out, "\"applied\":2,\"pending\":1") &&
                      h_has(r.out, "{\"version\":\"10\",\"name\":\"backfill\",\"state\":\"pending\""),
                  "%s", r.out);
    h_result_free(&r);
}
END_TEST

START_TEST(test_down_redo_and_missing_files)
{
    struct h_result r;
    RUN(&r, "-u", url, "up");
    h_result_free(&r);
    /* 010 has no down section: refused before anything is rolled back. */
    RUN(&r, "-u", url, "down");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "010_backfill.sql has no down section"), "%s", r.err);
    h_result_free(&r);
    ck_assert_int_eq(ledger_count(), 3);
    char *gone = h_sh("echo '%s/migrations/010_backfill.sql'", dir);
    unlink(gone);
    free(gone);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(h_has(r.out, "missing    10"), "%s", r.out);
    h_result_free(&r);
    /* The database is ahead of the files: a rolling deploy, not an error. */
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 0);
    h_result_free(&r);
    char *o = q("DELETE FROM schemagate_migrations WHERE version = '10'");
    free(o);
    RUN(&r, "-u", url, "redo");
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_msg(h_has(r.err, "rolled back 002_orders.up.sql") &&
                      h_has(r.err, "applied 002_orders.up.sql"), "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "down", "2");
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_int_eq(ledger_count(), 0);
    o = q("SELECT count(*) FROM sqlite_schema WHERE name IN ('users', 'orders', 'audit')");
    ck_assert_str_eq(o, "0");
    free(o);
    h_result_free(&r);
}
END_TEST

START_TEST(test_new_creates_a_timestamped_file_with_both_sections)
{
    struct h_result r;
    RUN(&r, "new", "add_email");
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.out, "./migrations/") && h_has(r.out, "_add_email.sql"), "%s", r.out);
    char *o = h_sh("cd '%s' && cat \"$(cat <<'X'\n%sX\n)\"", dir, r.out);
    ck_assert_str_eq(o, "-- migrate:up\n\n\n-- migrate:down\n");
    free(o);
    h_result_free(&r);
    RUN(&r, "new", "bad name");
    ck_assert_int_eq(r.status, 64);
    h_result_free(&r);
    /* Two in one second: two versions, never a clash (issue 14). */
    RUN(&r, "new", "one");
    ck_assert_int_eq(r.status, 0);
    h_result_free(&r);
    RUN(&r, "new", "two");
    ck_assert_int_eq(r.status, 0);
    h_result_free(&r);
    RUN(&r, "-u", url, "validate");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    /* In a golang-migrate directory, new writes that layout. */
    h_write(dir, "golang/1_init.up.sql", "SELECT 1;\n");
    RUN(&r, "-d", "golang", "new", "more");
    ck_assert_msg(r.status == 0 && h_has(r.out, "_more.up.sql\n") && h_has(r.out, "_more.down.sql\n"),
                  "%s", r.out);
    h_result_free(&r);
}
END_TEST

START_TEST(test_help_and_version_go_to_stdout)
{
    struct h_result r;
    RUN(&r, "--help");
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(h_has(r.out, "Usage: schemagate [OPTION]... COMMAND") &&
                      h_has(r.out, "  75     temporary: the lock"), "%s", r.out);
    ck_assert_str_eq(r.err, "");
    h_result_free(&r);
    RUN(&r, "--version");
    ck_assert_msg(strncmp(r.out, "schemagate ", 11) == 0, "%s", r.out);
    h_result_free(&r);
}
END_TEST

START_TEST(test_wait_execs_once_applied_and_times_out_with_75)
{
    struct h_result r;
    RUN(&r, "-u", url, "wait", "--timeout=300ms", "--", "true");
    ck_assert_int_eq(r.status, 75);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    h_result_free(&r);
    RUN(&r, "-u", url, "wait", "--", "sh", "-c", "exit 7");
    ck_assert_int_eq(r.status, 7);
    h_result_free(&r);
}
END_TEST

START_TEST(test_lock_runs_a_command_under_the_lock_and_passes_its_status)
{
    struct h_result r;
    /* lock needs no migrations directory. */
    RUN(&r, "-u", url, "-d", "/nonexistent", "lock", "--", "sh", "-c", "echo child; exit 3");
    ck_assert_msg(r.status == 3, "%d %s", r.status, r.err);
    ck_assert_str_eq(r.out, "child\n");
    h_result_free(&r);
    RUN(&r, "-u", url, "lock", "--", "/nonexistent/tool");
    ck_assert_int_eq(r.status, 127);
    h_result_free(&r);
    RUN(&r, "-u", url, "lock");
    ck_assert_int_eq(r.status, 64);
    h_result_free(&r);
}
END_TEST

START_TEST(test_lock_is_exclusive_forwards_sigterm_and_times_out_with_75)
{
    char log[4200];
    snprintf(log, sizeof log, "%s/lock.log", dir);
    const char *const args[] = {"-u", url, "lock", "--",
                                "sh", "-c", "trap 'echo got-term; exit 9' TERM; sleep 20 & wait", NULL};
    pid_t holder = h_spawn(dir, NULL, args, log);
    for (int i = 0; i < 500; i++) {
        char *o = h_sh("grep -c 'under lock' '%s'", log);
        int n = atoi(o);
        free(o);
        if (n > 0)
            break;
        usleep(10000);
    }
    struct h_result r;
    RUN(&r, "-u", url, "lock", "--timeout=300ms", "--", "true");
    ck_assert_msg(r.status == 75, "%d %s", r.status, r.err);
    h_result_free(&r);
    /* Another name is another lock; up's key is distinct from lock's default. */
    RUN(&r, "-u", url, "lock", "--name=other", "--timeout=300ms", "--", "true");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "--lock-timeout=300ms", "up");
    ck_assert_msg(r.status == 0, "%d %s", r.status, r.err);
    h_result_free(&r);
    kill(holder, SIGTERM);
    ck_assert_int_eq(h_wait(holder, 5000), 9);
    char *o = h_sh("cat '%s'", log);
    ck_assert_msg(h_has(o, "got-term") && h_has(o, "forwarding signal 15"), "%s", o);
    free(o);
}
END_TEST

/* ^C on a terminal reaches the whole foreground process group: the child
 * already has it, so `lock` must not forward it again (issue 14). A kill
 * from another process is forwarded as before. */
START_TEST(test_a_terminal_interrupt_reaches_the_child_of_lock_once)
{
    char count[4200], cmd[4500], urlarg[4300];
    int master;
    pid_t pid;

    snprintf(count, sizeof count, "%s/ints", dir);
    snprintf(cmd, sizeof cmd,
             "trap 'echo int >> %s' INT; trap 'exit 7' TERM; echo ready; "
             "while :; do sleep 0.05; done",
             count);
    snprintf(urlarg, sizeof urlarg, "--database-url=%s", url);
    pid = forkpty(&master, NULL, NULL, NULL);
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (chdir(dir) != 0)
            _exit(126);
        execl(getenv("SG_BIN"), "schemagate", urlarg, "lock", "--", "sh", "-c", cmd,
              (char *)NULL);
        _exit(127);
    }
    /* Wait for the child to be running under the lock. */
    char buf[4096];
    size_t got = 0;
    long long t0 = h_now_ms();
    while (got < sizeof buf - 1 && !strstr(buf, "ready") && h_now_ms() - t0 < 10000) {
        ssize_t n = read(master, buf + got, sizeof buf - 1 - got);
        if (n <= 0)
            break;
        got += (size_t)n;
        buf[got] = '\0';
    }
    ck_assert_msg(strstr(buf, "ready"), "the child never started: %s", buf);
    ck_assert_int_eq(write(master, "\003", 1), 1); /* ^C */
    usleep(500000);
    kill(pid, SIGTERM); /* from a process: forwarded */
    ck_assert_int_eq(h_wait(pid, 10000), 7);
    /* Signals merge while pending, so the child's count cannot tell a
     * doubled ^C; schemagate's own account of what it forwarded can. */
    for (;;) {
        ssize_t n = got < sizeof buf - 1 ? read(master, buf + got, sizeof buf - 1 - got) : 0;
        if (n <= 0)
            break;
        got += (size_t)n;
        buf[got] = '\0';
    }
    ck_assert_msg(strstr(buf, "signal 2 came from the terminal") &&
                      !strstr(buf, "forwarding signal 2") && strstr(buf, "forwarding signal 15"),
                  "%s", buf);
    char *o = h_sh("wc -l < '%s'", count);
    ck_assert_msg(atoi(o) >= 1, "the child never saw ^C");
    free(o);
    close(master);
}
END_TEST

START_TEST(test_failed_non_transactional_migration_stays_dirty_until_repair)
{
    struct h_result r;
    h_write(dir, "migrations/011_nontx.sql",
            "-- migrate:up transaction:false\n"
            "CREATE TABLE nontx (x INTEGER);\n"
            "INSERT INTO nontx VALUES (1);\n"
            "INSERT INTO no_such_table VALUES (1);\n"
            "INSERT INTO nontx VALUES (3);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "011_nontx.sql:4:"), "%s", r.err);
    h_result_free(&r);
    char *o = q("SELECT dirty || ' ' || dirty_done FROM schemagate_migrations WHERE version = '11'");
    ck_assert_str_eq(o, "1 2");
    free(o);
    /* Every later up refuses, naming the migration and how far it got. */
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "migration 11 (011_nontx.sql) is dirty") &&
                      h_has(r.err, "after 2 statement(s)") && h_has(r.err, "repair 11"), "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(h_has(r.out, "dirty      11"), "%s", r.out);
    h_result_free(&r);
    RUN(&r, "-u", url, "repair", "10", "--applied");
    ck_assert_int_eq(r.status, 65); /* 10 is not dirty */
    h_result_free(&r);
    /* The operator finishes the job by hand, then records it as applied. */
    free(q("INSERT INTO nontx VALUES (3)"));
    RUN(&r, "-u", url, "repair", "11", "--applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_msg(h_has(r.err, "nothing to do"), "%s", r.err);
    h_result_free(&r);
    /* A first statement refused before it changed anything leaves nothing
     * dirty: the migration stays pending (issue 14). */
    h_write(dir, "migrations/012_again.sql",
            "-- migrate:up transaction:false\nINSERT INTO no_such_table VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(!h_has(r.err, "dirty"), "%s", r.err);
    o = q("SELECT count(*) FROM schemagate_migrations WHERE version = '12'");
    ck_assert_msg(strcmp(o, "0") == 0, "%s: %s", o, r.err);
    free(o);
    h_result_free(&r);
    /* --not-applied forgets the row, so the migration runs again. */
    h_write(dir, "migrations/012_again.sql",
            "-- migrate:up transaction:false\nCREATE TABLE IF NOT EXISTS again_t (x INTEGER);\n"
            "INSERT INTO no_such_table VALUES (1);\n");
    RUN(&r, "-u", url, "up");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "migration 12 is left dirty: 1 of 2 statement(s)"), "%s", r.err);
    h_result_free(&r);
    free(q("CREATE TABLE no_such_table (x INTEGER)"));
    RUN(&r, "-u", url, "repair", "12", "--not-applied");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 012_again.sql"), "%s", r.err);
    h_result_free(&r);
}
END_TEST

/* Issue 13: a release with nothing to migrate is a comment-only file
 * (golang-migrate's advice; dbmate applies it). Applied, recorded, rolled
 * back -- never refused. */
START_TEST(test_comment_only_migrations_are_recorded_no_ops)
{
    struct h_result r;
    char *o;

    h_write(dir, "migrations/030_noop.sql",
            "-- migrate:up\n-- nothing to do in this release\n\n-- migrate:down\n");
    h_write(dir, "migrations/031_noop.up.sql", "-- a golang-migrate no-op\n");
    h_write(dir, "migrations/031_noop.down.sql", "");
    RUN(&r, "-u", url, "validate");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 030_noop.sql") &&
                      h_has(r.err, "applied 031_noop.up.sql"),
                  "%d %s", r.status, r.err);
    h_result_free(&r);
    o = q("SELECT group_concat(version || ':' || dirty, ' ') FROM schemagate_migrations "
          "WHERE version IN ('30', '31')");
    ck_assert_str_eq(o, "30:0 31:0");
    free(o);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(r.status == 0 && h_has(r.out, " 0 pending"), "%s", r.out);
    h_result_free(&r);
    RUN(&r, "-u", url, "down", "2");
    ck_assert_msg(r.status == 0 && h_has(r.err, "rolled back 031_noop.up.sql") &&
                      h_has(r.err, "rolled back 030_noop.sql"),
                  "%d %s", r.status, r.err);
    h_result_free(&r);
    o = q("SELECT count(*) FROM schemagate_migrations WHERE version IN ('30', '31')");
    ck_assert_str_eq(o, "0");
    free(o);
}
END_TEST

/* validate and up share one path: what validate passes, up does not refuse
 * for a parse or policy reason, and the other way round (issues 13, 14). */
START_TEST(test_validate_judges_files_as_up_does_in_the_target_dialect)
{
    struct h_result r;

    /* Valid MySQL, not valid PostgreSQL: `\'` is an escape only there. */
    h_write(dir, "mysql/001_my.sql", "-- migrate:up\nINSERT INTO t VALUES ('it\\'s');\n");
    h_write(dir, "mysql/002_hash.sql", "-- migrate:up\n# don't\nSELECT `a'b` FROM t;\n");
    RUN(&r, "-d", "mysql", "validate");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-d", "mysql", "validate", "--dialect=mysql");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-d", "mysql", "validate", "--dialect=postgres");
    ck_assert_msg(r.status == 65 && h_has(r.err, "001_my.sql:2:"), "%d %s", r.status, r.err);
    h_result_free(&r);
    RUN(&r, "-d", "mysql", "validate", "--dialect=oracle");
    ck_assert_int_eq(r.status, 64);
    h_result_free(&r);
    /* What up refuses, validate refuses, before any connection. */
    h_write(dir, "txn/001_txn.sql", "-- migrate:up\nBEGIN;\nSELECT 1;\nCOMMIT;\n");
    RUN(&r, "-d", "txn", "validate");
    ck_assert_msg(r.status == 65 && h_has(r.err, "001_txn.sql:2: BEGIN cannot run inside"), "%d %s",
                  r.status, r.err);
    h_result_free(&r);
    RUN(&r, "-d", "txn", "-u", url, "validate");
    ck_assert_msg(r.status == 65 && h_has(r.err, "001_txn.sql:2: BEGIN cannot run inside"), "%d %s",
                  r.status, r.err);
    h_result_free(&r);
    /* And up refuses it before applying anything of the set. */
    h_write(dir, "txn/000_first.sql", "-- migrate:up\nCREATE TABLE first_t (x INTEGER);\n");
    RUN(&r, "-d", "txn", "-u", url, "--table=txn_ledger", "up");
    ck_assert_msg(r.status == 65 && !h_has(r.err, "applied 000_first.sql"), "%d %s", r.status,
                  r.err);
    h_result_free(&r);
}
END_TEST

/* Tell Kubernetes why: the fatal line also goes to the termination log
 * when that file exists (and only then), so `kubectl describe pod` shows
 * it. SCHEMAGATE_TERMINATION_LOG stands for /dev/termination-log here. */
START_TEST(test_a_fatal_error_is_written_to_the_termination_log)
{
    struct h_result r;
    char path[4200], env[4300], *o;

    snprintf(path, sizeof path, "%s/termination-log", dir);
    snprintf(env, sizeof env, "SCHEMAGATE_TERMINATION_LOG=%s", path);
    h_write(dir, "migrations/040_bad.sql", "-- migrate:up\nSELECT * FROM no_such_table;\n");
    /* No file: nothing is created. */
    h_run(&r, dir, (const char *const[]){env, NULL},
          (const char *const[]){"-u", "sqlite:app.db?password-file=/x", "up", NULL}, 20000);
    ck_assert_int_eq(r.status, 78);
    h_result_free(&r);
    o = h_sh("test -e '%s' && echo exists || echo absent", path);
    ck_assert_str_eq(o, "absent");
    free(o);
    h_write(dir, "termination-log", "stale\n");
    h_run(&r, dir, (const char *const[]){env, NULL},
          (const char *const[]){"-u", url, "up", NULL}, 20000);
    ck_assert_int_eq(r.status, 65);
    h_result_free(&r);
    o = h_sh("cat '%s'", path);
    ck_assert_msg(h_has(o, "schemagate: 040_bad.sql:2:") && h_has(o, "no such table") &&
                      h_has(o, "(exit 65)") && !h_has(o, "stale"),
                  "%s", o);
    free(o);
}
END_TEST

/* Run a shell command as a user who is neither root nor the file's owner
 * (root ignores permissions). */
static char *as_nobody(const char *cmd)
{
    if (geteuid() == 0)
        return h_sh("setpriv --reuid=65534 --regid=65534 --clear-groups sh -c '%s' 2>&1; "
                    "echo status=$?",
                    cmd);
    return h_sh("sh -c '%s' 2>&1; echo status=$?", cmd);
}

/* SQLite the way containers lay it out (issue 14): a symlinked directory in
 * the path works; a lock file that cannot be created is a prompt, named
 * error, not a poll for ever; another writer holding the file is waited
 * for, said, and bounded. */
START_TEST(test_sqlite_paths_lock_files_and_busy_writers)
{
    struct h_result r;
    char *o;

    free(h_sh("mkdir -p '%s/real' && ln -s real '%s/link'", dir, dir));
    RUN(&r, "-u", "sqlite:link/app.db", "up");
    ck_assert_msg(r.status == 0, "a symlinked directory: %s", r.err);
    h_result_free(&r);
    o = h_sh("ls '%s/real'", dir);
    ck_assert_msg(h_has(o, "app.db"), "%s", o);
    free(o);

    /* A directory this user cannot write: no lock file. */
    free(h_sh("mkdir -p '%s/ro' && cp '%s/real/app.db' '%s/ro/app.db' && chmod 0666 '%s/ro/app.db' "
              "&& chmod 0755 '%s' && chmod 0555 '%s/ro'",
              dir, dir, dir, dir, dir, dir));
    h_write(dir, "migrations/050_more.sql", "-- migrate:up\nCREATE TABLE more_t (x INTEGER);\n");
    free(h_sh("chmod 0755 '%s/migrations' && chmod 0644 '%s'/migrations/*", dir, dir));
    char cmd[4600];
    snprintf(cmd, sizeof cmd, "cd %s && %s -u sqlite:ro/app.db --lock-timeout=3s up", dir,
             getenv("SG_BIN"));
    long long t0 = h_now_ms();
    o = as_nobody(cmd);
    ck_assert_msg(h_has(o, "unable to open lock file") && h_has(o, "must be writable by this user") &&
                      h_has(o, "status=78"),
                  "%s", o);
    ck_assert_msg(h_now_ms() - t0 < 2500, "not prompt: %lld ms", h_now_ms() - t0);
    free(o);
    free(h_sh("chmod 0755 '%s/ro'", dir));

    /* Another writer holds the file: a logged, bounded wait, then 75. */
    free(h_sh("(echo 'BEGIN EXCLUSIVE;'; sleep 6) | sqlite3 '%s/real/app.db' >/dev/null 2>&1 &",
              dir));
    usleep(300000);
    t0 = h_now_ms();
    RUN(&r, "-u", "sqlite:real/app.db", "--ddl-lock-timeout=500ms", "--lock-timeout=2s", "up");
    ck_assert_msg(r.status == 75 && h_has(r.err, "locked by another connection") &&
                      h_has(r.err, "--lock-timeout"),
                  "%d %s", r.status, r.err);
    ck_assert_msg(r.ms < 5000, "%lld ms", r.ms);
    h_result_free(&r);
    usleep(6000000 - (useconds_t)((h_now_ms() - t0) * 1000 > 5900000 ? 5900000 : (h_now_ms() - t0) * 1000));
    RUN(&r, "-u", "sqlite:real/app.db", "up");
    ck_assert_msg(r.status == 0 && h_has(r.err, "applied 050_more.sql"), "%d %s", r.status, r.err);
    h_result_free(&r);
}
END_TEST

START_TEST(test_baseline_records_without_running)
{
    struct h_result r;
    RUN(&r, "-u", url, "baseline", "2");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    char *o = q("SELECT count(*) FROM sqlite_schema WHERE name = 'users'");
    ck_assert_str_eq(o, "0"); /* not run */
    free(o);
    ck_assert_int_eq(ledger_count(), 2);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(h_has(r.out, "2 applied, 1 pending"), "%s", r.out);
    h_result_free(&r);
}
END_TEST

START_TEST(test_adopt_imports_golang_migrate_and_dbmate_history)
{
    struct h_result r;
    free(q("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); "
           "INSERT INTO schema_migrations VALUES (2, 1)"));
    RUN(&r, "-u", url, "adopt", "--from=golang-migrate");
    ck_assert_int_eq(r.status, 65);
    ck_assert_msg(h_has(r.err, "left version 2 dirty"), "%s", r.err);
    h_result_free(&r);
    free(q("UPDATE schema_migrations SET dirty = 0"));
    RUN(&r, "-u", url, "adopt", "--from=golang-migrate");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    char *o = q("SELECT group_concat(version) FROM schemagate_migrations");
    ck_assert_str_eq(o, "1,2");
    free(o);
    RUN(&r, "-u", url, "adopt", "--from=dbmate");
    ck_assert_int_eq(r.status, 65); /* the ledger is no longer empty */
    h_result_free(&r);
    /* dbmate: one row per applied version, as strings. */
    free(q("DROP TABLE schema_migrations; DELETE FROM schemagate_migrations; "
           "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); "
           "INSERT INTO schema_migrations VALUES ('001'), ('010')"));
    RUN(&r, "-u", url, "adopt", "--from=dbmate");
    ck_assert_msg(r.status == 0, "%s", r.err);
    h_result_free(&r);
    RUN(&r, "-u", url, "status");
    ck_assert_msg(h_has(r.out, "applied    1 ") && h_has(r.out, "pending    2 ") &&
                      h_has(r.out, "applied    10 "), "%s", r.out);
    h_result_free(&r);
    RUN(&r, "-u", url, "adopt", "--from=flyway");
    ck_assert_int_eq(r.status, 64);
    h_result_free(&r);
}
END_TEST

Suite *sqlite_e2e_suite(void)
{
    Suite *s = suite_create("e2e-sqlite");
    TCase *tc = tcase_create("sqlite");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_up_applies_in_numeric_order_and_records_checksums);
    tcase_add_test(tc, test_second_up_takes_the_fast_path_and_changes_nothing);
    tcase_add_test(tc, test_exec_keeps_pid_and_passes_exit_status);
    tcase_add_test(tc, test_exec_program_inherits_only_fds_0_to_2);
    tcase_add_test(tc, test_exec_program_inherits_the_original_signal_state);
    tcase_add_test(tc, test_exec_failure_is_127_for_missing_and_126_for_not_executable);
    tcase_add_test(tc, test_twenty_processes_on_one_file_apply_each_migration_once);
    tcase_add_test(tc, test_sigterm_while_waiting_for_the_lock_exits_143_within_a_second);
    tcase_add_test(tc, test_lock_timeout_exits_75);
    tcase_add_test(tc, test_failing_second_statement_leaves_nothing_of_the_first);
    tcase_add_loop_test(tc, test_each_bad_file_gives_its_status_and_leaves_the_ledger_unchanged, 0,
                        (int)(sizeof bad_files / sizeof bad_files[0]));
    tcase_add_test(tc, test_changed_applied_file_is_refused_with_65);
    tcase_add_loop_test(tc, test_each_bad_setting_gives_its_status_and_a_one_line_error, 0,
                        (int)(sizeof bad_settings / sizeof bad_settings[0]));
    tcase_add_test(tc, test_environment_twins_and_flag_precedence);
    tcase_add_test(tc, test_database_url_file_must_not_be_group_or_world_readable);
    tcase_add_test(tc, test_status_json_and_json_logs);
    tcase_add_test(tc, test_down_redo_and_missing_files);
    tcase_add_test(tc, test_new_creates_a_timestamped_file_with_both_sections);
    tcase_add_test(tc, test_help_and_version_go_to_stdout);
    tcase_add_test(tc, test_wait_execs_once_applied_and_times_out_with_75);
    tcase_add_test(tc, test_lock_runs_a_command_under_the_lock_and_passes_its_status);
    tcase_add_test(tc, test_lock_is_exclusive_forwards_sigterm_and_times_out_with_75);
    tcase_add_test(tc, test_a_terminal_interrupt_reaches_the_child_of_lock_once);
    tcase_add_test(tc, test_failed_non_transactional_migration_stays_dirty_until_repair);
    tcase_add_test(tc, test_baseline_records_without_running);
    tcase_add_test(tc, test_comment_only_migrations_are_recorded_no_ops);
    tcase_add_test(tc, test_validate_judges_files_as_up_does_in_the_target_dialect);
    tcase_add_test(tc, test_a_fatal_error_is_written_to_the_termination_log);
    tcase_add_test(tc, test_sqlite_paths_lock_files_and_busy_writers);
    tcase_add_test(tc, test_adopt_imports_golang_migrate_and_dbmate_history);
    suite_add_tcase(s, tc);
    return s;
}
