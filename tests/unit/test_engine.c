/* test_engine.c -- the engine and the apply protocol over the fake driver:
 * polling, the fast path, verification, the one-transaction and tracked
 * protocols, rollback and unlock on every failure path (a countdown fails
 * the Nth driver call), repair, baseline and adopt. No server. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apply.h"
#include "clock.h"
#include "engine.h"
#include "exitcodes.h"
#include "fake_driver.h"
#include "handoff.h"
#include "log.h"
#include "record.h"
#include "status.h"
#include "unit.h"

extern void (*fake_on_release)(void);
extern struct sg_ledger fake_foreign;

static char dir[256];
static struct sg_engine eng;

static void put(const char *name, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    struct sg_error e = {0};

    snprintf(dir, sizeof dir, "%s/sg-engine-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    chmod(dir, 0755);
    fake_reset();
    fake_on_release = NULL;
    sg_ledger_free(&fake_foreign);
    memset(&eng, 0, sizeof eng);
    eng.table = "ledger";
    eng.ddl_retries = 3;
    eng.wait_for_db_ms = 2000;
    snprintf(eng.applied_by, sizeof eng.applied_by, "test:1");
    snprintf(eng.app_name, sizeof eng.app_name, "schemagate test");
    ck_assert_int_eq(sg_url_parse("fake://u@h/db", &eng.url, &e), 0);
    eng.has_url = 1;
    sg_log_setup(SG_LOG_QUIET, SG_LOG_TEXT);
}

static void teardown(void)
{
    char cmd[300];

    sg_engine_free(&eng);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static void load(void)
{
    struct sg_error e = {0};

    sg_migrations_free(&eng.set);
    ck_assert_msg(sg_migrations_load(dir, &eng.set, &e) == 0, "%s", e.msg);
}

/* Three migrations: two transactional, one tracked. */
static void three(void)
{
    put("001_a.sql", "-- migrate:up\nAPPLY a1;\nAPPLY a2;\n-- migrate:down\nAPPLY undo_a;\n");
    put("002_b.sql", "-- migrate:up\nAPPLY b;\n-- migrate:down\nAPPLY undo_b;\n");
    put("003_c.sql", "-- migrate:up transaction:false\nAPPLY c1;\nVACUUM;\nAPPLY c2;\n"
                     "-- migrate:down transaction:false\nVACUUM;\nAPPLY undo_c;\n");
    load();
}

#define UP_OK()                                                                                    \
    do {                                                                                           \
        struct sg_error e_ = {0};                                                                  \
        ck_assert_msg(sg_cmd_up(&eng, NULL, &e_) == 0, "%s (%d)", e_.msg, e_.code);             \
    } while (0)

START_TEST(test_up_applies_each_migration_once_and_frees_the_lock)
{
    three();
    UP_OK();
    ck_assert_str_eq(fake_effects(), "a1,a2,b,c1,vacuum,c2");
    ck_assert_uint_eq(fake.ledger.n, 3);
    ck_assert_int_eq(fake_row("3")->dirty, 0);
    ck_assert_int_eq(fake.lock_owner, 0);
    ck_assert_int_eq(fake.opened, fake.closed);
    /* A second up is the fast path: no lock taken, nothing run again. */
    int tries = fake.try_locks;
    UP_OK();
    ck_assert_int_eq(fake.try_locks, tries);
    ck_assert_str_eq(fake_effects(), "a1,a2,b,c1,vacuum,c2");
}
END_TEST

START_TEST(test_a_transactional_migration_is_one_exec_with_its_row_and_fence)
{
    put("001_a.sql", "-- migrate:up\nAPPLY a1;\nAPPLY a2;\n");
    load();
    fake_driver.txn_age_sql = "AGE";
    int execs = fake.execs;
    UP_OK();
    /* begin; section; ledger row; fence; commit -- in one exec. */
    ck_assert_msg(strstr(fake.last_sql, "BEGIN") && strstr(fake.last_sql, "APPLY a2") &&
                      strstr(fake.last_sql, "INSERT INTO \"ledger\"") &&
                      strstr(fake.last_sql, "NOW, AGE, 'test:1', false") &&
                      strstr(fake.last_sql, "FENCE;COMMIT"),
                  "%s", fake.last_sql);
    ck_assert_int_eq(fake.execs - execs, 2); /* CREATE TABLE IF NOT EXISTS, then it */
    /* Without the server's clock: the section, then the row with the time
     * measured here, its fence and COMMIT. */
    put("002_b.sql", "-- migrate:up\nAPPLY b;\n");
    load();
    fake_driver.txn_age_sql = NULL;
    execs = fake.execs;
    UP_OK();
    ck_assert_int_eq(fake.execs - execs, 3);
    ck_assert_msg(strncmp(fake.last_sql, "RESET VAR;INSERT INTO \"ledger\"", 30) == 0 &&
                      strstr(fake.last_sql, "FENCE;COMMIT"),
                  "%s", fake.last_sql);
    ck_assert_str_eq(fake_effects(), "a1,a2,b");
}
END_TEST

START_TEST(test_up_to_stops_at_the_version_given)
{
    struct sg_error e = {0};
    three();
    ck_assert_int_eq(sg_cmd_up(&eng, "2", &e), 0);
    ck_assert_str_eq(fake_effects(), "a1,a2,b");
    ck_assert_ptr_null(fake_row("3"));
}
END_TEST

START_TEST(test_a_failing_statement_rolls_back_and_names_file_line_col)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up\nAPPLY a;\n");
    put("002_b.sql", "-- migrate:up\nAPPLY b1;\n  FAIL;\nAPPLY b3;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strstr(e.msg, "002_b.sql:3:3: fake failure"), "%s", e.msg);
    ck_assert_str_eq(fake_effects(), "a");
    ck_assert_ptr_null(fake_row("2"));
    ck_assert_int_eq(fake.lock_owner, 0);
}
END_TEST

START_TEST(test_transaction_control_is_refused_before_anything_runs)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up\nAPPLY a;\nBEGIN;\nAPPLY b;\nCOMMIT;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strstr(e.msg, "001_a.sql:3: BEGIN cannot run inside the migration's "
                                "transaction") &&
                      strstr(e.msg, "transaction:false"),
                  "%s", e.msg);
    ck_assert_str_eq(fake_effects(), "");
}
END_TEST

START_TEST(test_a_statement_that_cannot_run_in_a_transaction_makes_it_tracked)
{
    /* The fake's VACUUM fails inside a transaction, as SQLite's does. */
    put("001_a.sql", "-- migrate:up\nAPPLY a;\nVACUUM;\n");
    load();
    UP_OK();
    ck_assert_str_eq(fake_effects(), "a,vacuum");
    ck_assert_int_eq(fake_row("1")->dirty, 0);
}
END_TEST

START_TEST(test_transaction_control_runs_under_transaction_false)
{
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nBEGIN;\nAPPLY b;\nCOMMIT;\n");
    load();
    UP_OK();
    ck_assert_str_eq(fake_effects(), "a,b");
    ck_assert_int_eq(fake_row("1")->dirty, 0);
}
END_TEST

START_TEST(test_a_tracked_failure_leaves_a_dirty_row_counting_what_ran)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nAPPLY b;\nFAIL;\nAPPLY d;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strstr(e.msg, "001_a.sql:4:1:") &&
                      strstr(e.msg, "migration 1 is left dirty: 2 of 4 statement(s)"),
                  "%s", e.msg);
    ck_assert_int_eq(fake_row("1")->dirty, 1);
    ck_assert_int_eq(fake_row("1")->dirty_done, 2);
    /* Every later run refuses, naming how far it got. */
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_msg(strstr(e.msg, "is dirty") && strstr(e.msg, "after 2 statement(s)"), "%s",
                  e.msg);
}
END_TEST

START_TEST(test_a_tracked_first_statement_refused_leaves_nothing_dirty)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nFAIL;\nAPPLY b;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(!strstr(e.msg, "dirty"), "%s", e.msg);
    ck_assert_ptr_null(fake_row("1"));
}
END_TEST

START_TEST(test_a_tracked_down_is_bracketed_by_the_dirty_mark)
{
    struct sg_error e = {0};
    three();
    UP_OK();
    ck_assert_int_eq(sg_cmd_down(&eng, 1, &e), 0);
    ck_assert_str_eq(fake_effects(), "a1,a2,b,c1,vacuum,c2,vacuum,undo_c");
    ck_assert_ptr_null(fake_row("3"));
    /* A failing tracked down is left dirty, like a failing up. */
    put("003_c.sql", "-- migrate:up transaction:false\nAPPLY c1;\nVACUUM;\nAPPLY c2;\n"
                     "-- migrate:down transaction:false\nVACUUM;\nFAIL;\n");
    load();
    UP_OK();
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(sg_cmd_down(&eng, 1, &e), -1);
    ck_assert_msg(strstr(e.msg, "003_c.sql:") && strstr(e.msg, "left dirty: 1 of 2"), "%s",
                  e.msg);
    ck_assert_int_eq(fake_row("3")->dirty, 1);
}
END_TEST

START_TEST(test_a_lock_timeout_is_retried_and_a_tracked_one_resumes)
{
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nBUSY;\nAPPLY c;\n");
    load();
    fake.busy = 2;
    UP_OK();
    /* "a" ran once: the retries resumed at the statement that never started. */
    ck_assert_str_eq(fake_effects(), "a,busy,c");
    ck_assert_int_eq(fake_row("1")->dirty, 0);
}
END_TEST

START_TEST(test_lock_timeouts_give_up_with_75_after_the_retries)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up\nAPPLY a;\nBUSY;\n");
    load();
    fake.busy = 100;
    eng.ddl_retries = 1;
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_TEMPFAIL);
    ck_assert_msg(strstr(e.msg, "gave up after 2 attempt(s)") &&
                      strstr(e.msg, "blocked by pid 99 (fake blocker)"),
                  "%s", e.msg);
    ck_assert_str_eq(fake_effects(), "");
    ck_assert_ptr_null(fake_row("1"));
}
END_TEST

START_TEST(test_a_tracked_migration_that_gives_up_stays_dirty_with_65)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nBUSY;\n");
    load();
    fake.busy = 100;
    eng.ddl_retries = 1;
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strstr(e.msg, "stays dirty"), "%s", e.msg);
    ck_assert_int_eq(fake_row("1")->dirty, 1);
    ck_assert_int_eq(fake_row("1")->dirty_done, 1);
}
END_TEST

START_TEST(test_a_lost_session_mid_migration_keeps_the_dirty_row)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nCRASH;\nAPPLY c;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_UNAVAILABLE);
    ck_assert_int_eq(fake_row("1")->dirty, 1);
    ck_assert_int_eq(fake.lock_owner, 0); /* closing the session freed it */
}
END_TEST

START_TEST(test_a_changed_file_stops_every_replica)
{
    struct sg_error e = {0};
    three();
    UP_OK();
    put("002_b.sql", "-- migrate:up\nAPPLY b_changed;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strstr(e.msg, "002_b.sql was changed after it was applied"), "%s", e.msg);
}
END_TEST

START_TEST(test_a_start_after_another_replica_finished_takes_no_lock)
{
    struct sg_conn *holder;
    struct sg_lock l = {0};
    struct sg_error e = {0};

    three();
    holder = sg_drv_connect(&eng.url, NULL, &e);
    ck_assert_int_eq(sg_drv_try_lock(holder, &l, &e), 1);
    fake.release_after_polls = 3;
    fake_on_release = NULL;
    /* The holder applies everything, then lets go: the waiter's next fast
     * path read finds nothing to do. */
    ck_assert_int_eq(sg_ledger_create(holder, "ledger", &e), 0);
    {
        struct sg_apply_opts o = {.table = "ledger", .applied_by = "other:2"};
        for (size_t i = 0; i < eng.set.n; i++)
            ck_assert_int_eq(sg_apply(holder, &o, &eng.set.v[i], 0, &e), 0);
    }
    int tries = fake.try_locks;
    UP_OK();
    ck_assert_int_eq(fake.try_locks, tries); /* up to date before even trying */
    ck_assert_str_eq(fake_effects(), "a1,a2,b,c1,vacuum,c2");
    sg_drv_close(holder);
}
END_TEST

static void apply_all_as_other(void)
{
    for (size_t i = 0; i < eng.set.n; i++)
        sg_ledger_push(&fake.ledger, eng.set.v[i].version, eng.set.v[i].name,
                       eng.set.v[i].checksum, "x", 0, "other", 0, 0);
    sg_ledger_sort(&fake.ledger);
    fake.ledger.exists = 1;
}

START_TEST(test_a_waiter_holds_no_session_between_polls_and_skips_the_lock_at_the_end)
{
    struct sg_conn *holder;
    struct sg_lock l = {0};
    struct sg_error e = {0};

    three();
    holder = sg_drv_connect(&eng.url, NULL, &e);
    ck_assert_int_eq(sg_drv_try_lock(holder, &l, &e), 1);
    fake.release_after_polls = 3;
    fake_on_release = apply_all_as_other;
    int opened = fake.opened;
    UP_OK();
    /* One session per poll, each closed before the next. */
    ck_assert_int_ge(fake.opened - opened, 3);
    ck_assert_int_eq(fake.opened - 1, fake.closed);
    ck_assert_str_eq(fake_effects(), "");
    sg_drv_close(holder);
}
END_TEST

START_TEST(test_the_lock_timeout_gives_75_naming_the_holder)
{
    struct sg_conn *holder;
    struct sg_lock l = {0};
    struct sg_error e = {0};

    three();
    holder = sg_drv_connect(&eng.url, NULL, &e);
    ck_assert_int_eq(sg_drv_try_lock(holder, &l, &e), 1);
    eng.lock_timeout_ms = 300;
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_TEMPFAIL);
    ck_assert_msg(strstr(e.msg, "not acquired within 300 ms"), "%s", e.msg);
    ck_assert_str_eq(fake_effects(), "");
    sg_drv_close(holder);
}
END_TEST

START_TEST(test_connect_retries_transient_failures_only)
{
    struct sg_error e = {0};
    three();
    fake.connect_failures = 2;
    UP_OK();
    ck_assert_str_eq(fake_effects(), "a1,a2,b,c1,vacuum,c2");

    fake_reset();
    fake.connect_failures = 1;
    fake.connect_code = SG_EX_CONFIG;
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_CONFIG);
    ck_assert_int_eq(fake.connect_failures, 0); /* tried once, not retried */
}
END_TEST

/* Fail every driver call in turn: whatever fails, the lock is free after,
 * every session is closed, and the ledger never claims what did not run. */
START_TEST(test_a_failure_at_any_call_leaves_no_lock_and_a_truthful_ledger)
{
    int failures = 0;

    for (long n = 1; n < 400; n++) {
        struct sg_error e = {0};
        fake_reset();
        if (n >= 200)
            fake_driver.txn_age_sql = "AGE"; /* the one-exec path too */
        three();
        fake.fail_call = n >= 200 ? n - 199 : n;
        int rc = sg_cmd_up(&eng, NULL, &e);
        ck_assert_msg(fake.lock_owner == 0, "call %ld: lock left held", n);
        ck_assert_msg(fake.opened == fake.closed, "call %ld: %d sessions open", n,
                      fake.opened - fake.closed);
        if (rc == 0) {
            if (fake.calls < fake.fail_call)
                n = n < 200 ? 199 : 400; /* the countdown outlived the run: all covered */
            continue;
        }
        failures++;
        ck_assert_msg(e.code != 0 && e.msg[0], "call %ld: failed without an error", n);
        /* Applied rows match effects; a dirty row only for the tracked one. */
        const struct sg_ledger_row *a = fake_row("1"), *b = fake_row("2"), *c = fake_row("3");
        const char *fx = fake_effects();
        ck_assert_msg(!a == !strstr(fx, "a1"), "call %ld: 001 %s, effects %s", n,
                      a ? "recorded" : "absent", fx);
        ck_assert_msg(!b == !strstr(fx, ",b"), "call %ld: 002 %s, effects %s", n,
                      b ? "recorded" : "absent", fx);
        if (c && !c->dirty)
            ck_assert_msg(strstr(fx, "c2") != NULL, "call %ld: 003 clean, effects %s", n, fx);
        if (!c)
            ck_assert_msg(strstr(fx, "c1") == NULL, "call %ld: 003 ran unrecorded: %s", n, fx);
    }
    ck_assert_int_gt(failures, 10);
}
END_TEST

START_TEST(test_repair_applied_and_not_applied)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nFAIL;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(fake_row("1")->dirty, 1);
    ck_assert_int_eq(sg_cmd_repair(&eng, "1", 0, &e), 0);
    ck_assert_ptr_null(fake_row("1"));
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(sg_cmd_repair(&eng, "1", 1, &e), 0);
    ck_assert_int_eq(fake_row("1")->dirty, 0);
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(sg_cmd_repair(&eng, "1", 1, &e), -1);
    ck_assert_msg(strstr(e.msg, "not dirty"), "%s", e.msg);
    ck_assert_int_eq(fake.lock_owner, 0);
}
END_TEST

START_TEST(test_baseline_records_without_running)
{
    struct sg_error e = {0};
    three();
    ck_assert_int_eq(sg_cmd_baseline(&eng, "2", &e), 0);
    ck_assert_str_eq(fake_effects(), "");
    ck_assert_ptr_nonnull(fake_row("2"));
    ck_assert_str_eq(fake_row("2")->checksum, eng.set.v[1].checksum);
    UP_OK();
    ck_assert_str_eq(fake_effects(), "c1,vacuum,c2");
}
END_TEST

START_TEST(test_adopt_from_golang_migrate_and_dbmate)
{
    struct sg_error e = {0};
    three();
    fake_foreign.exists = 1;
    sg_ledger_push(&fake_foreign, "00002", "", "", "", 0, "", 0, 0);
    ck_assert_msg(sg_cmd_adopt(&eng, SG_ADOPT_GOLANG_MIGRATE, &e) == 0, "%s", e.msg);
    ck_assert_uint_eq(fake.ledger.n, 2);
    UP_OK();
    ck_assert_str_eq(fake_effects(), "c1,vacuum,c2");
    /* A ledger with rows is never adopted into. */
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(sg_cmd_adopt(&eng, SG_ADOPT_DBMATE, &e), -1);
    ck_assert_msg(strstr(e.msg, "already records"), "%s", e.msg);

    fake_reset();
    sg_ledger_free(&fake_foreign);
    fake_foreign.exists = 1;
    sg_ledger_push(&fake_foreign, "1", "", "", "", 0, "", 0, 0);
    sg_ledger_push(&fake_foreign, "3", "", "", "", 0, "", 0, 0);
    ck_assert_int_eq(sg_cmd_adopt(&eng, SG_ADOPT_DBMATE, &e), 0);
    UP_OK();
    ck_assert_str_eq(fake_effects(), "b");
}
END_TEST

START_TEST(test_a_signal_stops_before_the_next_migration_leaving_nothing_dirty)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up\nAPPLY a;\nSIGNAL;\n");
    put("002_b.sql", "-- migrate:up transaction:false\nAPPLY b;\n");
    load();
    ck_assert_int_eq(sg_signals_install(), 0);
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(sg_signal_pending(), SIGTERM);
    ck_assert_int_eq(e.code, SG_EX_SIGNAL_BASE + SIGTERM);
    ck_assert_ptr_nonnull(fake_row("1")); /* it had finished: committed */
    ck_assert_ptr_null(fake_row("2"));
    ck_assert_str_eq(fake_effects(), "a,signal");
    ck_assert_int_eq(fake.lock_owner, 0);
}
END_TEST

START_TEST(test_a_signal_inside_a_tracked_migration_stops_at_the_next_statement)
{
    struct sg_error e = {0};
    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nSIGNAL;\nAPPLY c;\n");
    load();
    ck_assert_int_eq(sg_signals_install(), 0);
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_SIGNAL_BASE + SIGTERM);
    ck_assert_msg(strstr(e.msg, "stopped by signal 15") && strstr(e.msg, "left dirty: 2 of 3"),
                  "%s", e.msg);
    ck_assert_int_eq(fake_row("1")->dirty, 1);
    ck_assert_int_eq(fake_row("1")->dirty_done, 2);
    ck_assert_str_eq(fake_effects(), "a,signal");
}
END_TEST

/* MySQL's LOCK TABLES (every mysqldump has it): inside the region only the
 * locked tables may be touched, so progress waits for UNLOCK TABLES, and a
 * failure there unlocks first to record how far it got (issue 13). */
START_TEST(test_lock_tables_regions_defer_the_ledger_until_unlock)
{
    struct sg_error e = {0};

    fake_driver.dialect = SG_DIALECT_MYSQL;
    fake_driver.caps = 0; /* DDL commits: tracked */
    put("001_dump.sql", "-- migrate:up\nAPPLY a;\nLOCK TABLES t WRITE;\nAPPLY b;\nAPPLY c;\n"
                        "UNLOCK TABLES;\nAPPLY d;\n");
    put("002_bad.sql", "-- migrate:up\nAPPLY e;\nLOCK TABLES t WRITE;\nAPPLY f;\nFAIL;\n"
                       "UNLOCK TABLES;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    ck_assert_int_eq(fake_row("1")->dirty, 0);
    ck_assert_msg(strstr(e.msg, "002_bad.sql:5:1:") && strstr(e.msg, "left dirty: 3 of 5"), "%s",
                  e.msg);
    ck_assert_int_eq(fake_row("2")->dirty, 1);
    ck_assert_int_eq(fake_row("2")->dirty_done, 3);
    ck_assert_str_eq(fake_effects(), "a,b,c,d,e,f");
}
END_TEST

/* Each migration starts from the same session state: what one sets (a
 * pg_dump's search_path, a USE) does not reach the next (issue 13). */
START_TEST(test_session_state_does_not_leak_into_the_next_migration)
{
    put("001_a.sql", "-- migrate:up\nSET VAR;\n");
    put("002_b.sql", "-- migrate:up\nCHECK VAR;\nSET VAR;\n");
    put("003_c.sql", "-- migrate:up transaction:false\nCHECK VAR;\nSET VAR;\n");
    put("004_d.sql", "-- migrate:up\nCHECK VAR;\n");
    load();
    UP_OK();
    ck_assert_uint_eq(fake.ledger.n, 4);
}
END_TEST

/* wait on a dirty migration: while another process holds the lock it is in
 * progress (keep waiting); when nobody does, it failed -- say so, 65 at
 * once, instead of waiting for ever or a retryable 75 (issue 14). */
START_TEST(test_wait_says_dirty_at_once_unless_someone_is_applying_it)
{
    struct sg_error e = {0};
    struct sg_conn *holder;
    struct sg_lock l = {0};

    put("001_a.sql", "-- migrate:up transaction:false\nAPPLY a;\nFAIL;\n");
    load();
    ck_assert_int_eq(sg_cmd_up(&eng, NULL, &e), -1);
    memset(&e, 0, sizeof e);
    holder = sg_drv_connect(&eng.url, NULL, &e);
    ck_assert_int_eq(sg_drv_try_lock(holder, &l, &e), 1);
    ck_assert_int_eq(sg_cmd_wait(&eng, 400, &e), -1);
    ck_assert_msg(e.code == SG_EX_TEMPFAIL, "in progress: keep waiting: %d %s", e.code, e.msg);
    sg_drv_close(holder);
    memset(&e, 0, sizeof e);
    long long t0 = sg_now_ms();
    ck_assert_int_eq(sg_cmd_wait(&eng, 10000, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && strstr(e.msg, "migration 1 is dirty and nobody is "
                                                        "applying it"),
                  "%d %s", e.code, e.msg);
    ck_assert_int_lt(sg_now_ms() - t0, 2000);
    ck_assert_int_eq(fake.lock_owner, 0);
}
END_TEST

/* MySQL: CRs of CRLF are dropped before sending, as the mysql client does
 * (a routine body must not store them); other dialects send bytes as they
 * are (issue 13). */
START_TEST(test_crlf_reaches_mysql_as_lf_and_others_unchanged)
{
    put("001_a.sql", "-- migrate:up\r\nAPPLY x\r\ny;\r\n");
    load();
    fake_driver.dialect = SG_DIALECT_MYSQL;
    fake_driver.caps = 0;
    UP_OK();
    ck_assert_str_eq(fake_effects(), "x\ny");
    fake_reset();
    fake_driver.dialect = SG_DIALECT_POSTGRES;
    UP_OK();
    ck_assert_str_eq(fake_effects(), "x\r\ny");
}
END_TEST

Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *tc = tcase_create("fake driver");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_up_applies_each_migration_once_and_frees_the_lock);
    tcase_add_test(tc, test_a_transactional_migration_is_one_exec_with_its_row_and_fence);
    tcase_add_test(tc, test_up_to_stops_at_the_version_given);
    tcase_add_test(tc, test_a_failing_statement_rolls_back_and_names_file_line_col);
    tcase_add_test(tc, test_transaction_control_is_refused_before_anything_runs);
    tcase_add_test(tc, test_a_statement_that_cannot_run_in_a_transaction_makes_it_tracked);
    tcase_add_test(tc, test_transaction_control_runs_under_transaction_false);
    tcase_add_test(tc, test_a_tracked_failure_leaves_a_dirty_row_counting_what_ran);
    tcase_add_test(tc, test_a_tracked_first_statement_refused_leaves_nothing_dirty);
    tcase_add_test(tc, test_a_tracked_down_is_bracketed_by_the_dirty_mark);
    tcase_add_test(tc, test_a_lock_timeout_is_retried_and_a_tracked_one_resumes);
    tcase_add_test(tc, test_lock_timeouts_give_up_with_75_after_the_retries);
    tcase_add_test(tc, test_a_tracked_migration_that_gives_up_stays_dirty_with_65);
    tcase_add_test(tc, test_a_lost_session_mid_migration_keeps_the_dirty_row);
    tcase_add_test(tc, test_a_changed_file_stops_every_replica);
    tcase_add_test(tc, test_a_start_after_another_replica_finished_takes_no_lock);
    tcase_add_test(tc, test_a_waiter_holds_no_session_between_polls_and_skips_the_lock_at_the_end);
    tcase_add_test(tc, test_the_lock_timeout_gives_75_naming_the_holder);
    tcase_add_test(tc, test_connect_retries_transient_failures_only);
    tcase_add_test(tc, test_a_failure_at_any_call_leaves_no_lock_and_a_truthful_ledger);
    tcase_add_test(tc, test_repair_applied_and_not_applied);
    tcase_add_test(tc, test_baseline_records_without_running);
    tcase_add_test(tc, test_adopt_from_golang_migrate_and_dbmate);
    tcase_add_test(tc, test_a_signal_stops_before_the_next_migration_leaving_nothing_dirty);
    tcase_add_test(tc, test_a_signal_inside_a_tracked_migration_stops_at_the_next_statement);
    tcase_add_test(tc, test_lock_tables_regions_defer_the_ledger_until_unlock);
    tcase_add_test(tc, test_session_state_does_not_leak_into_the_next_migration);
    tcase_add_test(tc, test_wait_says_dirty_at_once_unless_someone_is_applying_it);
    tcase_add_test(tc, test_crlf_reaches_mysql_as_lf_and_others_unchanged);
    suite_add_tcase(s, tc);
    return s;
}
