/* test_conformance.c -- what the engine relies on from every driver, written
 * once and looped over each URL in SG_TEST_URLS (one loop index per URL).
 * Only portable SQL appears here; backend-specific behaviour lives in the
 * backend's own suite. Every test makes its own ledger and tables. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply.h"
#include "record.h"
#include "exitcodes.h"
#include "integration.h"

#define URL it_url((size_t)_i)
#define ERRFMT(e) "%s (code %d, sqlstate %s)", (e).msg, (e).code, (e).sqlstate

static void close_all(struct sg_conn *a, struct sg_conn *b)
{
    sg_drv_close(a);
    sg_drv_close(b);
}

START_TEST(test_lock_is_exclusive_across_two_sessions)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger");
    struct sg_lock la, lb;
    struct sg_error e = {0};

    it_lock_for(a, t, &la);
    it_lock_for(b, t, &lb);
    ck_assert_msg(la.key == lb.key, "two sessions derive different keys for one ledger");
    ck_assert_int_eq(a->driver->try_lock(a, &la, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &lb, &e), 0);
    ck_assert_int_eq(b->driver->try_lock(b, &lb, &e), 0);
    ck_assert_msg(a->driver->unlock(a, &la, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_try_lock_within(b, &lb, 2000), 1);
    ck_assert_int_eq(a->driver->try_lock(a, &la, &e), 0);
    close_all(a, b);
}
END_TEST

START_TEST(test_lock_is_freed_when_the_holders_session_closes)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger");
    struct sg_lock l;
    struct sg_error e = {0};

    it_lock_for(a, t, &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &l, &e), 0);
    sg_drv_close(a);
    /* The server ends the session asynchronously: allow it a moment. */
    ck_assert_int_eq(it_try_lock_within(b, &l, 5000), 1);
    sg_drv_close(b);
}
END_TEST

START_TEST(test_distinct_ledgers_get_distinct_keys_and_do_not_block)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    struct sg_lock l1, l2;
    struct sg_error e = {0};

    it_lock_for(a, it_name("sg_ledger_one"), &l1);
    it_lock_for(b, it_name("sg_ledger_two"), &l2);
    ck_assert_msg(l1.key != l2.key, "two ledger tables share a lock key");
    ck_assert_int_eq(a->driver->try_lock(a, &l1, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &l2, &e), 1);
    close_all(a, b);
}
END_TEST

START_TEST(test_taking_the_lock_twice_on_one_session_needs_one_unlock)
{
    /* Session locks stack on PostgreSQL: a driver must not let them. */
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    struct sg_lock l;
    struct sg_error e = {0};

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_msg(a->driver->unlock(a, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_try_lock_within(b, &l, 2000), 1);
    close_all(a, b);
}
END_TEST

START_TEST(test_lock_held_is_true_only_on_the_holding_session)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    struct sg_lock l;
    struct sg_error e = {0};

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), 0);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), 1);
    ck_assert_int_eq(b->driver->lock_held(b, &l, &e), 0);
    ck_assert_msg(a->driver->unlock(a, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), 0);
    close_all(a, b);
}
END_TEST

START_TEST(test_lock_holder_can_be_asked_by_a_waiter)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b = it_connect(URL, NULL, NULL);
    struct sg_lock l;
    struct sg_error e = {0};
    char holder[256] = "x";

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    /* Every backend can name the holder: a pid or a connection id. */
    ck_assert_msg(strstr(holder, "pid ") || strstr(holder, "connection "),
                  "holder not named: '%s'", holder);
    ck_assert_int_eq(a->driver->unlock(a, &l, &e), 0);
    ck_assert_int_eq(b->driver->lock_holder(b, &l, holder, sizeof holder, &e), 0);
    if (strcmp(a->driver->name, "sqlite") != 0) /* the file keeps its last note */
        ck_assert_msg(holder[0] == '\0', "a free lock has a holder: '%s'", holder);
    close_all(a, b);
}
END_TEST

START_TEST(test_ledger_read_without_the_table_reports_it_missing)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_read(a, it_name("sg_ledger"), 0, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(l.exists, 0);
    ck_assert_uint_eq(l.n, 0);
    sg_ledger_free(&l);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_ledger_create_is_idempotent_and_starts_empty)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger");
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(sg_ledger_read(a, t, 0, &l, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(l.exists, 1);
    ck_assert_uint_eq(l.n, 0);
    sg_ledger_free(&l);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_apply_commits_the_migration_and_its_ledger_row)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *u = it_name("sg_users");
    char text[512], text2[512];
    struct sg_migration *m1, *m2;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (id INTEGER PRIMARY KEY, email VARCHAR(100));\n"
             "INSERT INTO %s (id, email) VALUES (1, 'a@example.com');\n"
             "-- migrate:down\nDROP TABLE %s;\n",
             u, u, u);
    snprintf(text2, sizeof text2, "-- migrate:up\nINSERT INTO %s (id) VALUES (2);\n", u);
    m1 = it_migration("20240101000000", "users", text);
    m2 = it_migration("20240102000000", "more_users", text2);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m1, 0, 0, &e) == 0, ERRFMT(e));
    /* The second only works if the first really committed its table. */
    ck_assert_msg(it_apply(a, t, m2, 0, 0, &e) == 0, ERRFMT(e));
    r = it_row(a, t, "20240101000000", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_str_eq(r->name, "users");
    ck_assert_str_eq(r->checksum, m1->checksum);
    ck_assert_str_eq(r->applied_by, "it-host:42");
    ck_assert_int_eq(r->dirty, 0);
    ck_assert_msg(strlen(r->applied_at) == 20 && r->applied_at[10] == 'T' &&
                      r->applied_at[19] == 'Z',
                  "applied_at '%s' is not YYYY-MM-DDTHH:MM:SSZ", r->applied_at);
    ck_assert_msg(r->execution_ms >= 0, "execution_ms %lld", r->execution_ms);
    ck_assert_uint_eq(l.n, 2);
    ck_assert_str_eq(l.v[0].version, "20240101000000"); /* sorted */
    sg_ledger_free(&l);
    it_migration_free(m1);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_failing_statement_names_its_file_and_line)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512], want[128];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    /* File lines: 1 marker, 2 comment, 3 CREATE, 4 blank, 5 the bad SELECT. */
    snprintf(text, sizeof text,
             "-- migrate:up\n-- a comment\nCREATE TABLE %s (i INTEGER);\n\n"
             "SELECT no_such_column FROM %s;\n",
             x, x);
    m = it_migration("7", "bad", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    snprintf(want, sizeof want, "7_bad.sql:5:");
    ck_assert_msg(strncmp(e.msg, want, strlen(want)) == 0, "message '%s' does not start '%s'",
                  e.msg, want);
    if (a->driver->caps & SG_CAP_TRANSACTIONAL_DDL) {
        ck_assert_ptr_null(it_row(a, t, "7", &l));
    } else {
        /* DDL committed implicitly (MySQL): recorded dirty, never as done. */
        const struct sg_ledger_row *r = it_row(a, t, "7", &l);
        ck_assert_ptr_nonnull(r);
        ck_assert_int_eq(r->dirty, 1);
        ck_assert_int_eq(r->dirty_done, 1);
    }
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_failing_second_statement_leaves_nothing_of_the_first)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512], again[256];
    struct sg_migration *m, *m2;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    if (!(a->driver->caps & SG_CAP_TRANSACTIONAL_DDL)) {
        sg_drv_close(a);
        return; /* DDL commits implicitly there: the dirty marker covers it */
    }
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\nINSERT INTO %s (nope) VALUES (1);\n", x,
             x);
    snprintf(again, sizeof again, "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n", x);
    m = it_migration("8", "half", text);
    m2 = it_migration("9", "again", again);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "8_half.sql:3:", 13) == 0, "message '%s'", e.msg);
    ck_assert_ptr_null(it_row(a, t, "8", &l));
    sg_ledger_free(&l);
    /* The table of the first statement was rolled back with it. */
    ck_assert_msg(it_apply(a, t, m2, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(m);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_transaction_control_is_refused_before_anything_runs)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512], again[256];
    struct sg_migration *m, *m2;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i INTEGER);\nCOMMIT;\n", x);
    snprintf(again, sizeof again, "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n", x);
    m = it_migration("10", "commits", text);
    m2 = it_migration("11", "again", again);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "10_commits.sql:3", 16) == 0, "message '%s'", e.msg);
    ck_assert_ptr_null(it_row(a, t, "10", &l));
    sg_ledger_free(&l);
    ck_assert_msg(it_apply(a, t, m2, 0, 0, &e) == 0, "the CREATE ran anyway: " ERRFMT(e));
    it_migration_free(m);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_down_runs_the_down_section_and_removes_the_row)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n-- migrate:down\nDROP TABLE %s;\n", x,
             x);
    m = it_migration("12", "updown", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 1, 0, &e) == 0, ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "12", &l));
    sg_ledger_free(&l);
    /* Up again works only if down really dropped the table. */
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_non_transactional_migration_is_recorded_clean)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i INTEGER);\n"
             "INSERT INTO %s (i) VALUES (1);\n",
             x, x);
    m = it_migration("13", "notx", text);
    ck_assert_int_eq(m->up.no_transaction, 1);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    r = it_row(a, t, "13", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    ck_assert_str_eq(r->checksum, m->checksum);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_failing_non_transactional_migration_stays_dirty_at_the_statement_reached)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i INTEGER);\n"
             "INSERT INTO %s (nope) VALUES (1);\n",
             x, x);
    m = it_migration("14", "notx_bad", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "14_notx_bad.sql:3:", 18) == 0, "message '%s'", e.msg);
    r = it_row(a, t, "14", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 1);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_ledger_edits_insert_clean_and_delete_rows)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m, *bad;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n", x);
    m = it_migration("15", "baseline", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_ledger_write(a, t, SG_LEDGER_INSERT, m, "15", &e) == 0, ERRFMT(e));
    r = it_row(a, t, "15", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    ck_assert_str_eq(r->checksum, m->checksum);
    ck_assert_str_eq(r->name, "baseline");
    sg_ledger_free(&l);

    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s_b (i INTEGER);\nSELECT nope;\n", x);
    bad = it_migration("16", "dirty", text);
    ck_assert_int_eq(it_apply(a, t, bad, 0, 0, &e), -1);
    r = it_row(a, t, "16", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    sg_ledger_free(&l);
    ck_assert_msg(it_ledger_write(a, t, SG_LEDGER_CLEAN, bad, "16", &e) == 0, ERRFMT(e));
    r = it_row(a, t, "16", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    ck_assert_msg(it_ledger_write(a, t, SG_LEDGER_DELETE, NULL, "16", &e) == 0, ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "16", &l));
    ck_assert_uint_eq(l.n, 1);
    sg_ledger_free(&l);
    it_migration_free(m);
    it_migration_free(bad);
    sg_drv_close(a);
}
END_TEST

/* ---- the rules of apply.c, asserted on every backend (issue 12) ---------- */

START_TEST(test_transaction_control_gets_the_same_message_on_every_backend)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512], again[256];
    struct sg_migration *m, *m2;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\nBEGIN;\nINSERT INTO %s (i) VALUES "
             "(1);\nCOMMIT;\n",
             x, x);
    snprintf(again, sizeof again, "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n", x);
    m = it_migration("30", "txn", text);
    m2 = it_migration("31", "again", again);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_str_eq(e.msg, "30_txn.sql:3: BEGIN cannot run inside the migration's transaction: "
                            "schemagate runs each migration in one; remove it, or mark the "
                            "migration '-- migrate:up transaction:false' to run it statement by "
                            "statement");
    ck_assert_ptr_null(it_row(a, t, "30", &l));
    sg_ledger_free(&l);
    ck_assert_msg(it_apply(a, t, m2, 0, 0, &e) == 0, "the CREATE ran anyway: " ERRFMT(e));
    it_migration_free(m);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_transaction_control_runs_under_transaction_false_and_defers_progress)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char ok[512], bad[512];
    struct sg_migration *m, *m2;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(ok, sizeof ok,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i INTEGER);\nBEGIN;\nINSERT INTO %s "
             "(i) VALUES (1);\nINSERT INTO %s (i) VALUES (2);\nCOMMIT;\n",
             x, x, x);
    m = it_migration("32", "own_txn", ok);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    r = it_row(a, t, "32", &l);
    ck_assert_msg(r && !r->dirty, "32 not recorded clean");
    sg_ledger_free(&l);
    /* A failure inside the file's own transaction rolls it back: the count
     * stops where that transaction began. */
    snprintf(bad, sizeof bad,
             "-- migrate:up transaction:false\nINSERT INTO %s (i) VALUES (3);\nBEGIN;\nINSERT INTO "
             "%s (i) VALUES (4);\nINSERT INTO %s (nope) VALUES (5);\nCOMMIT;\n",
             x, x, x);
    m2 = it_migration("33", "own_txn_fails", bad);
    ck_assert_int_eq(it_apply(a, t, m2, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "33_own_txn_fails.sql:5:", 23) == 0 &&
                      strstr(e.msg, "left dirty: 1 of 5 statement(s)"),
                  "%s", e.msg);
    r = it_row(a, t, "33", &l);
    ck_assert_msg(r && r->dirty && r->dirty_done == 1, "33: dirty %d done %lld", r ? r->dirty : -1,
                  r ? r->dirty_done : -1);
    sg_ledger_free(&l);
    it_migration_free(m);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_tracked_down_is_dirty_until_done_on_every_backend)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[768];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\nCREATE TABLE %s_b (i INTEGER);\n"
             "-- migrate:down transaction:false\nDROP TABLE %s_b;\nDROP TABLE %s_nope;\n",
             x, x, x, x);
    m = it_migration("34", "down_fails", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 1, 0, &e), -1);
    ck_assert_msg(strncmp(e.msg, "34_down_fails.sql:6:", 20) == 0 &&
                      strstr(e.msg, "left dirty: 1 of 2"),
                  "%s", e.msg);
    r = it_row(a, t, "34", &l);
    ck_assert_msg(r && r->dirty && r->dirty_done == 1, "34 after a failed down");
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* VACUUM (OPTIMIZE TABLE on MySQL, which has no VACUUM) cannot run in a
 * transaction: it runs in a transaction:false down, and in a migration
 * without the directive, on every backend. */
START_TEST(test_a_statement_that_needs_autocommit_runs_in_a_transaction_false_down)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    int my = a->driver->dialect == SG_DIALECT_MYSQL;
    char vac[128], text[768];
    struct sg_migration *m, *bad;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    if (a->driver->dialect == SG_DIALECT_SQLITE)
        snprintf(vac, sizeof vac, "VACUUM");
    else
        snprintf(vac, sizeof vac, "%s %s", my ? "OPTIMIZE TABLE" : "VACUUM", x);
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\n"
             "-- migrate:down transaction:false\nDELETE FROM %s;\n%s;\n",
             x, x, vac);
    m = it_migration("35", "vacuum_down", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 1, 0, &e) == 0, ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "35", &l));
    sg_ledger_free(&l);
    /* Without the directive too: such a statement makes the migration run
     * statement by statement (as Flyway detects it), on every backend. */
    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s_v (i INTEGER);\n%s;\n", x, vac);
    bad = it_migration("36", "vacuum_txn", text);
    ck_assert_msg(it_apply(a, t, bad, 0, 0, &e) == 0, ERRFMT(e));
    it_migration_free(bad);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_errors_are_framed_file_line_col)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL);
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_error e = {0};
    int line = 0, col = 0;

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INTEGER);\nINSERT INTO %s (i) VALUES (1);\n"
             "  SELECT i FROM %s WHERE no_such_col = 1;\n",
             x, x, x);
    m = it_migration("37", "framed", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(sscanf(e.msg, "37_framed.sql:%d:%d: ", &line, &col) == 2, "%s", e.msg);
    ck_assert_msg(line == 4 && col >= 3, "%s", e.msg);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

struct release_arg {
    struct sg_conn *c;
    long long after_ms;
};

static void *release_later(void *p)
{
    struct release_arg *r = p;
    struct sg_error e = {0};

    it_sleep_ms(r->after_ms);
    sg_drv_exec(r->c, "COMMIT", 6, NULL, &e);
    return NULL;
}

/* A lock timeout on the second statement of a tracked migration: retried,
 * and the retry resumes there -- the first statement never runs twice. */
START_TEST(test_a_lock_timeout_is_retried_and_a_tracked_migration_resumes)
{
    struct sg_conn *a = it_connect(URL, NULL, NULL), *b;
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512], setup[256], hold[256];
    struct sg_migration *m, *s;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};
    struct sg_apply_opts o = {.table = t, .applied_by = "it", .lock_timeout_ms = 200, .retries = 20};
    pthread_t th;

    if (a->driver->dialect == SG_DIALECT_SQLITE) {
        sg_drv_close(a); /* no table-lock timeout on SQLite */
        return;
    }
    b = it_connect(URL, NULL, NULL);
    snprintf(setup, sizeof setup, "-- migrate:up\nCREATE TABLE %s (i INTEGER PRIMARY KEY);\n"
                                  "INSERT INTO %s (i) VALUES (1);\n", x, x);
    s = it_migration("38", "setup", setup);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, s, 0, 0, &e) == 0, ERRFMT(e));
    /* b holds the row until released. */
    snprintf(hold, sizeof hold, "%s;UPDATE %s SET i = 1 WHERE i = 1", b->driver->begin_sql, x);
    ck_assert_msg(sg_drv_exec(b, hold, strlen(hold), NULL, &e) == 0, ERRFMT(e));
    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s_once (i INTEGER);\n"
             "UPDATE %s SET i = 2 WHERE i = 1;\n",
             x, x);
    m = it_migration("39", "resumes", text);
    struct release_arg ra = {b, 900};
    ck_assert_int_eq(pthread_create(&th, NULL, release_later, &ra), 0);
    int rc = sg_apply(a, &o, m, 0, &e);
    pthread_join(th, NULL);
    ck_assert_msg(rc == 0, "the retry did not resume: " ERRFMT(e));
    r = it_row(a, t, "39", &l);
    ck_assert_msg(r && !r->dirty, "39 not recorded clean");
    sg_ledger_free(&l);
    it_migration_free(m);
    it_migration_free(s);
    close_all(a, b);
}
END_TEST

START_TEST(test_no_urls_configured)
{
    /* A suite that tested nothing must not pass: SG_TEST_ALLOW_SKIP=1 says
     * the caller knows (make check runs without servers). */
    printf("conformance: SG_TEST_URLS is empty: no driver to test (tests/run.sh sets it)\n");
    ck_assert_msg(it_skip_allowed(), "no database to test; set SG_TEST_ALLOW_SKIP=1 to skip");
}
END_TEST

Suite *conformance_suite(void)
{
    Suite *s = suite_create("conformance");
    TCase *tc = tcase_create("driver");
    int n = (int)it_url_count();

    tcase_set_timeout(tc, IT_TIMEOUT);
    if (n == 0) {
        tcase_add_test(tc, test_no_urls_configured);
    } else {
        for (int i = 0; i < n; i++)
            printf("conformance: loop index %d is %.*s\n", i, (int)strcspn(it_url((size_t)i), ":"),
                   it_url((size_t)i));
        tcase_add_loop_test(tc, test_lock_is_exclusive_across_two_sessions, 0, n);
        tcase_add_loop_test(tc, test_lock_is_freed_when_the_holders_session_closes, 0, n);
        tcase_add_loop_test(tc, test_distinct_ledgers_get_distinct_keys_and_do_not_block, 0, n);
        tcase_add_loop_test(tc, test_taking_the_lock_twice_on_one_session_needs_one_unlock, 0, n);
        tcase_add_loop_test(tc, test_lock_held_is_true_only_on_the_holding_session, 0, n);
        tcase_add_loop_test(tc, test_lock_holder_can_be_asked_by_a_waiter, 0, n);
        tcase_add_loop_test(tc, test_ledger_read_without_the_table_reports_it_missing, 0, n);
        tcase_add_loop_test(tc, test_ledger_create_is_idempotent_and_starts_empty, 0, n);
        tcase_add_loop_test(tc, test_apply_commits_the_migration_and_its_ledger_row, 0, n);
        tcase_add_loop_test(tc, test_a_failing_statement_names_its_file_and_line, 0, n);
        tcase_add_loop_test(tc, test_a_failing_second_statement_leaves_nothing_of_the_first, 0, n);
        tcase_add_loop_test(tc, test_transaction_control_is_refused_before_anything_runs, 0, n);
        tcase_add_loop_test(tc, test_down_runs_the_down_section_and_removes_the_row, 0, n);
        tcase_add_loop_test(tc, test_non_transactional_migration_is_recorded_clean, 0, n);
        tcase_add_loop_test(
            tc, test_failing_non_transactional_migration_stays_dirty_at_the_statement_reached, 0,
            n);
        tcase_add_loop_test(tc, test_ledger_edits_insert_clean_and_delete_rows, 0, n);
        tcase_add_loop_test(tc, test_transaction_control_gets_the_same_message_on_every_backend,
                            0, n);
        tcase_add_loop_test(
            tc, test_transaction_control_runs_under_transaction_false_and_defers_progress, 0, n);
        tcase_add_loop_test(tc, test_a_tracked_down_is_dirty_until_done_on_every_backend, 0, n);
        tcase_add_loop_test(
            tc, test_a_statement_that_needs_autocommit_runs_in_a_transaction_false_down, 0, n);
        tcase_add_loop_test(tc, test_errors_are_framed_file_line_col, 0, n);
        tcase_add_loop_test(tc, test_a_lock_timeout_is_retried_and_a_tracked_migration_resumes,
                            0, n);
    }
    suite_add_tcase(s, tc);
    return s;
}
