/* test_mysql.c -- what only the MySQL/MariaDB driver promises, against the
 * real server tests/run.sh starts (SG_TEST_MYSQL_URL, or the mysql URL in
 * SG_TEST_URLS): lock names per database, the lock dying with the holder's
 * connection, the dirty marker around DDL, DELIMITER, rollback of DML-only
 * migrations, table-lock timeouts naming the blocker, SIGTERM killing the
 * running statement, URL parameters, TLS modes and the Galera refusal. The
 * last two start servers of their own through tests/lib/mariadb.sh.
 * Migrations run through the core (sg_apply, via it_apply), as the engine
 * runs them; the driver's primitives are called directly where they alone
 * are under test. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "integration.h"
#include "record.h"

#ifdef SG_HAVE_MYSQL

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <mysql.h>

#include "apply.h"
#include "config.h"
#include "exitcodes.h"
#include "handoff.h"
#include "lock.h"

#define ERRFMT(e) "%s (code %d, sqlstate %s)", (e).msg, (e).code, (e).sqlstate

static const char *base_url(void)
{
    const char *u = getenv("SG_TEST_MYSQL_URL");

    return u && *u ? u : it_url_for("mysql,mariadb");
}

/* The base URL with its database replaced and a query appended (either may be NULL). */
static char *url_with(const char *db, const char *query)
{
    struct sg_url u;
    struct sg_error e = {0};
    char *out = malloc(2048);

    ck_assert_msg(sg_url_parse(base_url(), &u, &e) == 0, "%s", e.msg);
    const char *raw = base_url();
    const char *slash = strchr(strstr(raw, "://") + 3, '/');
    ck_assert_ptr_nonnull(slash);
    snprintf(out, 2048, "%.*s/%s%s%s", (int)(slash - raw), raw, db ? db : u.path, query ? "?" : "",
             query ? query : "");
    sg_url_free(&u);
    return out;
}

/* A plain Connector/C session for blockers and checks, outside the driver. */
static MYSQL *raw_connect_to(const char *url)
{
    struct sg_url u;
    struct sg_error e = {0};
    MYSQL *db = mysql_init(NULL);

    ck_assert_ptr_nonnull(db);
    ck_assert_msg(sg_url_parse(url, &u, &e) == 0, "%s", e.msg);
    ck_assert_msg(mysql_real_connect(db, u.host, u.user, u.password, u.path, (unsigned)u.port, NULL,
                                     CLIENT_MULTI_STATEMENTS) != NULL,
                  "raw connect: %s", mysql_error(db));
    sg_url_free(&u);
    return db;
}

static MYSQL *raw_connect(void)
{
    return raw_connect_to(base_url());
}

static void raw_q(MYSQL *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void raw_q(MYSQL *db, const char *fmt, ...)
{
    char q[2048];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(q, sizeof q, fmt, ap);
    va_end(ap);
    ck_assert_msg(mysql_query(db, q) == 0, "%s: %s", q, mysql_error(db));
    do {
        MYSQL_RES *r = mysql_store_result(db);
        mysql_free_result(r);
    } while (mysql_next_result(db) == 0);
}

/* The first cell of a query as a number (-1 for NULL or no row). */
static long long raw_val(MYSQL *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static long long raw_val(MYSQL *db, const char *fmt, ...)
{
    char q[2048];
    va_list ap;
    long long v = -1;

    va_start(ap, fmt);
    vsnprintf(q, sizeof q, fmt, ap);
    va_end(ap);
    ck_assert_msg(mysql_query(db, q) == 0, "%s: %s", q, mysql_error(db));
    MYSQL_RES *r = mysql_store_result(db);
    ck_assert_ptr_nonnull(r);
    MYSQL_ROW row = mysql_fetch_row(r);
    if (row && row[0])
        v = atoll(row[0]);
    mysql_free_result(r);
    return v;
}

static struct sg_conn *conn(void)
{
    return it_connect(base_url(), NULL, NULL);
}

/* A session that stops (KILL QUERY) when a termination signal is pending,
 * as the engine's sessions do. */
static struct sg_conn *stoppable_conn(void)
{
    struct sg_connect_opts o = {.application_name = "schemagate-it", .stop = sg_signal_pending};
    struct sg_error e = {0};
    struct sg_conn *c = it_connect_opts(base_url(), &o, NULL);

    ck_assert_msg(sg_drv_prepare(c, &e) == 0, "%s", e.msg);
    return c;
}

static int has(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}

/* The server's id of a driver session (the seam has no session id): the
 * holder of a named lock only that session takes. */
static long long conn_id(struct sg_conn *c)
{
    MYSQL *raw = raw_connect();
    const char *name = it_name("sg_id");
    struct sg_error e = {0};
    char q[128];

    snprintf(q, sizeof q, "DO GET_LOCK('%s', 0)", name);
    ck_assert_msg(sg_drv_exec(c, q, strlen(q), NULL, &e) == 0, ERRFMT(e));
    long long id = raw_val(raw, "SELECT IS_USED_LOCK('%s')", name);
    snprintf(q, sizeof q, "DO RELEASE_LOCK('%s')", name);
    ck_assert_msg(sg_drv_exec(c, q, strlen(q), NULL, &e) == 0, ERRFMT(e));
    mysql_close(raw);
    ck_assert_int_gt(id, 0);
    return id;
}

/* Runs m up through the core with the engine's other options. */
static int apply_opts(struct sg_conn *c, const char *table, const struct sg_migration *m,
                      long long lock_ms, long long stmt_ms, long long retries, struct sg_error *e)
{
    struct sg_apply_opts o = {.table = table,
                              .applied_by = "it-host:42",
                              .lock_timeout_ms = lock_ms,
                              .statement_timeout_ms = stmt_ms,
                              .retries = retries};

    sg_error_clear(e);
    return sg_apply(c, &o, m, 0, e);
}

/* -------------------------------------------------------------- lock -- */

START_TEST(test_lock_scope_and_name_are_pinned)
{
    char *url = url_with("sgtest", NULL);
    struct sg_conn *a = it_connect(url, NULL, NULL);
    struct sg_error e = {0};
    char scope[256];
    struct sg_lock l;

    free(url);

    ck_assert_msg(a->driver->scope(a, "schema_migrations", scope, sizeof scope, &e) == 0,
                  ERRFMT(e));
    /* Changing either splits a fleet mid-deploy: old and new replicas would
     * take different locks. */
    ck_assert_str_eq(scope, "mysql:sgtest.schema_migrations");
    sg_lock_derive(scope, &l);
    ck_assert_str_eq(l.name, "schemagate:485d6f46a972a255037ef452d57456b77d1e859c");
    sg_drv_close(a);
}
END_TEST

START_TEST(test_lock_names_for_two_databases_differ_and_fit_in_64_characters)
{
    char *u1 = url_with("sgtest", NULL), *u2 = url_with("sgtest2", NULL);
    struct sg_conn *a = it_connect(u1, NULL, NULL);
    struct sg_conn *b = it_connect(u2, NULL, NULL);
    struct sg_lock la, lb;
    struct sg_error e = {0};
    /* The longest table name the engine accepts. */
    const char *t = "t23456789012345678901234567890123456789012345678901234567890123";

    it_lock_for(a, t, &la);
    it_lock_for(b, t, &lb);
    ck_assert_str_ne(la.name, lb.name);
    ck_assert_uint_le(strlen(la.name), 64);
    ck_assert_uint_le(strlen(lb.name), 64);
    /* GET_LOCK is server-wide: the two databases must not block each other. */
    ck_assert_int_eq(a->driver->try_lock(a, &la, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &lb, &e), 1);
    sg_drv_close(a);
    sg_drv_close(b);
    free(u1);
    free(u2);
}
END_TEST

START_TEST(test_killing_the_holders_connection_frees_the_lock)
{
    struct sg_conn *a = conn(), *b = conn();
    struct sg_lock l;
    struct sg_error e = {0};
    MYSQL *admin = raw_connect();

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &l, &e), 0);
    long long id = conn_id(a);
    raw_q(admin, "KILL %lld", id);
    ck_assert_int_eq(it_try_lock_within(b, &l, 5000), 1);
    /* The killed session knows it lost everything: 69, never a silent reconnect. */
    ck_assert_int_eq(a->driver->lock_held(a, &l, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_UNAVAILABLE);
    mysql_close(admin);
    sg_drv_close(a);
    sg_drv_close(b);
}
END_TEST

START_TEST(test_lock_holder_names_the_holding_connection)
{
    struct sg_conn *a = conn(), *b = conn();
    struct sg_lock l;
    struct sg_error e = {0};
    char holder[256], want[64];

    it_lock_for(a, it_name("sg_ledger"), &l);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    ck_assert_str_eq(holder, "");
    ck_assert_int_eq(a->driver->try_lock(a, &l, &e), 1);
    ck_assert_msg(b->driver->lock_holder(b, &l, holder, sizeof holder, &e) == 0, ERRFMT(e));
    snprintf(want, sizeof want, "connection %lld", conn_id(a));
    ck_assert_msg(has(holder, want) && has(holder, "user root") && has(holder, " s"), "holder '%s'",
                  holder);
    sg_drv_close(a);
    sg_drv_close(b);
}
END_TEST

/* ------------------------------------------------------------- apply -- */

START_TEST(test_a_failing_second_ddl_statement_leaves_the_migration_dirty_with_a_precise_message)
{
    struct sg_conn *a = conn();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    /* Lines: 1 marker, 2 CREATE, 3 blank, 4 the same CREATE again. */
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INT);\n\nCREATE TABLE %s (i INT);\n", x, x);
    m = it_migration("20", "twice", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "20_twice.sql:4:1: ", 18) == 0, "message '%s'", e.msg);
    ck_assert_msg(has(e.msg, "MySQL error 1050") && has(e.msg, "42S01") &&
                      has(e.msg, "migration 20 is left dirty") &&
                      has(e.msg, "1 of 2 statement(s) were applied") && has(e.msg, "at line 4") &&
                      has(e.msg, "repair 20 --applied"),
                  "message '%s'", e.msg);
    r = it_row(a, t, "20", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 1);
    sg_ledger_free(&l);
    /* repair --applied: the engine cleans the row. */
    ck_assert_msg(it_ledger_write(a, t, SG_LEDGER_CLEAN, m, "20", &e) == 0, ERRFMT(e));
    r = it_row(a, t, "20", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_dirty_done_counts_the_statements_that_completed)
{
    struct sg_conn *a = conn();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INT);\nALTER TABLE %s ADD COLUMN j INT;\n"
             "ALTER TABLE %s ADD COLUMN j INT;\nALTER TABLE %s ADD COLUMN k INT;\n",
             x, x, x, x);
    m = it_migration("21", "three", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(strncmp(e.msg, "21_three.sql:4:1: ", 18) == 0 &&
                      has(e.msg, "2 of 4 statement(s)"),
                  "message '%s'", e.msg);
    r = it_row(a, t, "21", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 2);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_syntax_error_in_the_first_statement_leaves_nothing_behind)
{
    struct sg_conn *a = conn();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_x");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    /* The statement starts on line 2; the server blames its line 4, the ")". */
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (\n  i INT,\n  j INT DEFAULT DEFAULT\n);\n"
             "CREATE TABLE %s_b (i INT);\n",
             x, x);
    m = it_migration("22", "typo", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "22_typo.sql:5:1: ", 17) == 0 && has(e.msg, "MySQL error 1064"),
                  "message '%s'", e.msg);
    ck_assert_msg(!has(e.msg, "dirty"), "message '%s'", e.msg);
    ck_assert_ptr_null(it_row(a, t, "22", &l));
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_stored_procedure_with_delimiter_applies)
{
    struct sg_conn *a = conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_p"), *p = it_name("sg_fill");
    char text[2048];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\n"
             "CREATE TABLE %s (i INT);\n"
             "DELIMITER $$\n"
             "CREATE PROCEDURE %s(IN n INT)\n"
             "BEGIN\n"
             "  DECLARE k INT DEFAULT 0;\n"
             "  WHILE k < n DO\n"
             "    INSERT INTO %s VALUES (k); -- a comment; with a semicolon\n"
             "    SET k = k + 1;\n"
             "  END WHILE;\n"
             "  SELECT COUNT(*) FROM %s;\n"
             "  SELECT 'two result sets';\n"
             "END$$\n"
             "DELIMITER ;\n"
             "CALL %s(3);\n"
             "INSERT INTO %s VALUES (100);\n"
             "-- migrate:down\n"
             "DROP PROCEDURE %s;\nDROP TABLE %s;\n",
             x, p, x, x, p, x, p, x);
    m = it_migration("23", "procedure", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(raw_val(raw, "SELECT COUNT(*) FROM %s", x), 4);
    r = it_row(a, t, "23", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    ck_assert_msg(it_apply(a, t, m, 1, 0, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(raw_val(raw,
                             "SELECT COUNT(*) FROM information_schema.ROUTINES "
                             "WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME = '%s'",
                             p),
                     0);
    mysql_close(raw);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_failing_dml_only_migration_rolls_back_clean)
{
    struct sg_conn *a = conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_d");
    char text[512], dml[512];
    struct sg_migration *m1, *m2, *m3;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (id INT PRIMARY KEY) ENGINE=InnoDB;\n", x);
    snprintf(dml, sizeof dml,
             "-- migrate:up\nINSERT INTO %s VALUES (1);\nUPDATE %s SET id = 2;\n"
             "INSERT INTO %s VALUES (2);\n",
             x, x, x);
    m1 = it_migration("24", "table", text);
    m2 = it_migration("25", "rows", dml);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m1, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m2, 0, 0, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_msg(strncmp(e.msg, "25_rows.sql:4:1: ", 17) == 0 && has(e.msg, "MySQL error 1062") &&
                      !has(e.msg, "dirty"),
                  "message '%s'", e.msg);
    ck_assert_ptr_null(it_row(a, t, "25", &l));
    sg_ledger_free(&l);
    ck_assert_int_eq(raw_val(raw, "SELECT COUNT(*) FROM %s", x), 0);

    /* A dump-style executable comment does not make it DDL: the row is
     * written by the one transaction (dirty_done stays 0). */
    snprintf(dml, sizeof dml,
             "-- migrate:up\n/*!40101 SET NAMES utf8mb4 */;\nINSERT INTO %s VALUES (7);\n", x);
    m3 = it_migration("26", "dump", dml);
    ck_assert_msg(it_apply(a, t, m3, 0, 0, &e) == 0, ERRFMT(e));
    r = it_row(a, t, "26", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    ck_assert_int_eq(r->dirty_done, 0);
    sg_ledger_free(&l);
    mysql_close(raw);
    it_migration_free(m1);
    it_migration_free(m2);
    it_migration_free(m3);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_an_open_transaction_left_by_a_migration_is_an_error)
{
    struct sg_conn *a = conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_o");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    /* Without transaction:false, transaction control is refused before
     * anything runs. */
    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (i INT) ENGINE=InnoDB;\n"
             "START TRANSACTION;\nINSERT INTO %s VALUES (1);\n",
             x, x);
    m = it_migration("27", "open", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA &&
                      has(e.msg, "27_open.sql:3: START TRANSACTION cannot run inside the "
                                 "migration's transaction"),
                  ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "27", &l));
    sg_ledger_free(&l);
    ck_assert_int_eq(raw_val(raw,
                             "SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                             "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '%s'",
                             x),
                     0);
    mysql_close(raw);
    it_migration_free(m);

    snprintf(text, sizeof text,
             "-- migrate:up transaction:false\nCREATE TABLE %s (i INT) ENGINE=InnoDB;\n"
             "START TRANSACTION;\nINSERT INTO %s VALUES (1);\n",
             x, x);
    m = it_migration("27", "open", text);
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && has(e.msg, "leaves a transaction open"), ERRFMT(e));
    sg_drv_close(a); /* rolls the INSERT back */
    a = conn();
    r = it_row(a, t, "27", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* ------------------------------------------------------------ exec -- */

START_TEST(test_exec_counts_completed_statements_and_the_line_within_the_failing_one)
{
    struct sg_conn *a = conn();
    struct sg_error e = {0};
    size_t done = 99;
    /* The server says "at line 4", counting from the comment. */
    const char *sql = "SELECT 1;\n-- a note\nSELECT\n  1 +\nFROM nowhere;\nSELECT 3";

    ck_assert_int_eq(sg_drv_exec(a, sql, strlen(sql), &done, &e), -1);
    ck_assert_uint_eq(done, 1);
    ck_assert_int_eq(e.code, SG_EX_DATA);
    ck_assert_str_eq(e.sqlstate, "1064");
    ck_assert_int_eq(e.line, 3);
    ck_assert_int_eq(e.pos, 0);
    ck_assert_msg(has(e.msg, "(MySQL error 1064, SQLSTATE 42000)") && !has(e.msg, ".sql:"),
                  ERRFMT(e));
    ck_assert_msg(sg_drv_exec(a, "SELECT 1;SELECT 2;DO 3", 22, &done, &e) == 0, ERRFMT(e));
    ck_assert_uint_eq(done, 3);
    ck_assert_int_eq(sg_drv_in_transaction(a), 0);
    ck_assert_msg(sg_drv_exec(a, "START TRANSACTION", 17, NULL, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(sg_drv_in_transaction(a), 1);
    ck_assert_msg(sg_drv_exec(a, "ROLLBACK", 8, NULL, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(sg_drv_in_transaction(a), 0);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_parse_error_after_a_comment_in_a_dml_migration_names_its_own_line)
{
    struct sg_conn *a = conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_c");
    char text[512];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    raw_q(raw, "CREATE TABLE %s (i INT, j INT) ENGINE=InnoDB", x);
    /* One script with the first INSERT; the server counts lines from the
     * comment, the file from line 1. */
    snprintf(text, sizeof text,
             "-- migrate:up\nINSERT INTO %s VALUES (1, 1);\n-- the second row\nINSERT INTO %s\n"
             "VALUES (2,,);\n",
             x, x);
    m = it_migration("28", "comment", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    ck_assert_msg(strncmp(e.msg, "28_comment.sql:5:1: ", 20) == 0 && has(e.msg, "1064"), ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "28", &l));
    sg_ledger_free(&l);
    ck_assert_int_eq(raw_val(raw, "SELECT COUNT(*) FROM %s", x), 0);
    mysql_close(raw);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* What the session looks like to the next migration: database, checks, charset. */
static void expect_session_reset(struct sg_conn *a, MYSQL *raw, const char *probe)
{
    struct sg_error e = {0};
    char q[256];

    raw_q(raw, "DELETE FROM sgtest.%s", probe);
    snprintf(q, sizeof q,
             "INSERT INTO sgtest.%s SELECT DATABASE(), @@foreign_key_checks, "
             "@@character_set_client",
             probe);
    ck_assert_msg(sg_drv_exec(a, q, strlen(q), NULL, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(raw_val(raw,
                             "SELECT COUNT(*) FROM sgtest.%s WHERE d = 'sgtest' AND f = 1 AND "
                             "cs = 'utf8mb4'",
                             probe),
                     1);
}

START_TEST(test_a_migration_that_changes_database_is_reset_and_recorded_in_its_own)
{
    char *url = url_with("sgtest", NULL);
    struct sg_conn *a = it_connect(url, NULL, NULL);
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_elsewhere"), *p = it_name("sg_probe");
    char text[512];
    struct sg_migration *m, *m2;
    struct sg_error e = {0};

    free(url);
    raw_q(raw, "CREATE TABLE sgtest.%s (d VARCHAR(64), f INT, cs VARCHAR(64))", p);
    /* Tracked (USE commits implicitly, as far as schemagate knows). */
    snprintf(text, sizeof text,
             "-- migrate:up\nUSE sgtest2;\nSET foreign_key_checks = 0, NAMES latin1;\n"
             "CREATE TABLE %s (i INT);\n",
             x);
    m = it_migration("29", "use", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m, 0, 0, &e) == 0, ERRFMT(e));
    ck_assert_int_eq(
        raw_val(raw, "SELECT COUNT(*) FROM sgtest.%s WHERE version = '29' AND NOT dirty", t), 1);
    ck_assert_int_eq(raw_val(raw,
                             "SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                             "TABLE_SCHEMA = 'sgtest2' AND TABLE_NAME = '%s'",
                             x),
                     1);
    expect_session_reset(a, raw, p);
    /* One transaction: the reset goes with its ledger row. */
    snprintf(text, sizeof text,
             "-- migrate:up\nSET foreign_key_checks = 0, NAMES latin1;\nINSERT INTO sgtest.%s "
             "VALUES ('m', 0, 'x');\n",
             p);
    m2 = it_migration("30", "set", text);
    ck_assert_msg(it_apply(a, t, m2, 0, 0, &e) == 0, ERRFMT(e));
    expect_session_reset(a, raw, p);
    raw_q(raw, "DROP TABLE sgtest2.%s", x);
    mysql_close(raw);
    it_migration_free(m);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_tracked_migration_runs_with_its_timeouts_and_restores_the_sessions)
{
    struct sg_conn *a = conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_w");
    const char *cols = "@@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout, "
                       "CAST(@@SESSION.max_statement_time * 1000 AS SIGNED)";
    char text[1024], q[512];
    struct sg_migration *m;
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (id INT AUTO_INCREMENT PRIMARY KEY, lwt INT, "
             "ilwt INT, mst INT);\nINSERT INTO %s (lwt, ilwt, mst) SELECT %s;\n",
             x, x, cols);
    m = it_migration("38", "waits", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(apply_opts(a, t, m, 2500, 1500, 0, &e) == 0, ERRFMT(e));
    snprintf(q, sizeof q, "INSERT INTO %s (lwt, ilwt, mst) SELECT %s", x, cols);
    ck_assert_msg(sg_drv_exec(a, q, strlen(q), NULL, &e) == 0, ERRFMT(e));
    /* Seconds, rounded up; then what a fresh session has. */
    ck_assert_int_eq(raw_val(raw, "SELECT CONCAT(lwt, ilwt, mst) FROM %s WHERE id = 1", x), 331500);
    ck_assert_int_eq(raw_val(raw,
                             "SELECT lwt = @@SESSION.lock_wait_timeout AND ilwt = "
                             "@@SESSION.innodb_lock_wait_timeout AND mst = 0 FROM %s "
                             "WHERE id = 2",
                             x),
                     1);
    mysql_close(raw);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* ---------------------------------------------- table-lock timeouts -- */

/* Starts `sh -c script` with the base URL's parts in the environment
 * (MY_HOST, MY_PORT, MY_USER, MYSQL_PWD, MY_DB) and stdout to `out` (or
 * /dev/null). The child execs at once, so valgrind and Check leave it alone. */
static pid_t sh_spawn(const char *script, const char *out)
{
    struct sg_url u;
    struct sg_error e = {0};
    char port[16];

    ck_assert_int_eq(sg_url_parse(base_url(), &u, &e), 0);
    snprintf(port, sizeof port, "%d", u.port ? u.port : 3306);
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            close(fd);
        }
        setenv("MY_HOST", u.host ? u.host : "127.0.0.1", 1);
        setenv("MY_PORT", port, 1);
        setenv("MY_USER", u.user ? u.user : "root", 1);
        setenv("MYSQL_PWD", u.password ? u.password : "", 1);
        setenv("MY_DB", u.path ? u.path : "", 1);
        execl("/bin/sh", "sh", "-c", script, (char *)NULL);
        _exit(127);
    }
    sg_url_free(&u);
    return pid;
}

/* After delay_ms, times a SELECT on table x from a third session (the
 * mariadb client); returns the pid, writing milliseconds to `out`. */
static pid_t time_select_later(const char *x, long long delay_ms, const char *out)
{
    char script[512];

    snprintf(script, sizeof script,
             "sleep %lld.%03lld; t0=$(date +%%s%%N); mariadb --no-defaults -h\"$MY_HOST\" "
             "-P\"$MY_PORT\" -u\"$MY_USER\" \"$MY_DB\" -N -e 'SELECT COUNT(*) FROM %s' "
             ">/dev/null || exit 1; echo $(( ($(date +%%s%%N) - t0) / 1000000 ))",
             delay_ms / 1000, delay_ms % 1000, x);
    return sh_spawn(script, out);
}

static long long read_number(const char *path)
{
    FILE *f = fopen(path, "r");
    long long v = -1;

    if (f) {
        if (fscanf(f, "%lld", &v) != 1)
            v = -1;
        fclose(f);
    }
    return v;
}

START_TEST(test_a_table_lock_wait_times_out_with_75_naming_the_blocker)
{
    struct sg_conn *a = conn();
    MYSQL *blocker = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_busy");
    char text[512], alter[512], want[64];
    struct sg_migration *m1, *m2;
    struct sg_ledger l = {0};
    struct sg_error e = {0};
    int status;

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (id INT PRIMARY KEY, v INT) ENGINE=InnoDB;\n"
             "INSERT INTO %s VALUES (1, 1);\n",
             x, x);
    snprintf(alter, sizeof alter, "-- migrate:up\nALTER TABLE %s ADD COLUMN w INT;\n", x);
    m1 = it_migration("30", "busy", text);
    m2 = it_migration("31", "alter", alter);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m1, 0, 0, &e) == 0, ERRFMT(e));
    /* The classic outage: an application transaction that read the table. */
    raw_q(blocker, "START TRANSACTION; SELECT * FROM %s", x);
    long long bid = (long long)mysql_thread_id(blocker);

    char out[64];
    snprintf(out, sizeof out, "/tmp/sg-mytest-reader.%d", (int)getpid());
    pid_t reader = time_select_later(x, 300, out);
    long long t0 = it_now_ms();
    ck_assert_int_eq(it_apply(a, t, m2, 0, 1000, &e), -1);
    long long took = it_now_ms() - t0;
    ck_assert_msg(e.code == SG_EX_TEMPFAIL, ERRFMT(e));
    ck_assert_str_eq(e.sqlstate, "1205");
    snprintf(want, sizeof want, "likely blocker: connection %lld ", bid);
    /* it_apply allows no retry: the core says so first, then FILE:LINE:COL. */
    ck_assert_msg(
        has(e.msg, "gave up after 1 attempt(s), safe to retry later: 31_alter.sql:2:1: ") &&
            has(e.msg, want),
        "message '%s'", e.msg);
    ck_assert_msg(took >= 900 && took < 5000, "waited %lld ms for a 1 s lock timeout", took);
    /* Nothing ran: not dirty, so the engine may retry the whole migration. */
    ck_assert_ptr_null(it_row(a, t, "31", &l));
    sg_ledger_free(&l);
    /* The application's own reads queued behind the ALTER at most ~1 s. */
    ck_assert_int_eq(waitpid(reader, &status, 0), reader);
    long long waited = read_number(out);
    unlink(out);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0 && waited >= 0 && waited <= 1500,
                  "a concurrent SELECT waited %lld ms (status %d)", waited, status);

    /* Once the blocker commits, the next attempt succeeds. */
    raw_q(blocker, "COMMIT");
    ck_assert_msg(it_apply(a, t, m2, 0, 1000, &e) == 0, ERRFMT(e));
    mysql_close(blocker);
    it_migration_free(m1);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_table_lock_timeout_after_ddl_ran_resumes_at_that_statement_on_retry)
{
    struct sg_conn *a = conn();
    MYSQL *blocker = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_busy"), *y = it_name("sg_new");
    const char *z = it_name("sg_new");
    char text[512], two[512];
    struct sg_migration *m1, *m2, *m3;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (id INT) ENGINE=InnoDB;\n", x);
    m1 = it_migration("35", "busy", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m1, 0, 0, &e) == 0, ERRFMT(e));
    raw_q(blocker, "START TRANSACTION; SELECT * FROM %s", x);

    /* Without a retry left: the first statement ran, the second never
     * started; the migration stays dirty at 1 and the run is no longer
     * retryable as a whole (65). */
    snprintf(two, sizeof two,
             "-- migrate:up\nCREATE TABLE %s (i INT);\nALTER TABLE %s ADD COLUMN w INT;\n", y, x);
    m2 = it_migration("36", "two", two);
    ck_assert_int_eq(apply_opts(a, t, m2, 1000, 0, 0, &e), -1);
    ck_assert_msg(e.code == SG_EX_DATA && has(e.msg, "migration 36 stays dirty") &&
                      has(e.msg, "36_two.sql:3:1: Lock wait timeout") &&
                      has(e.msg, "1 of 2 statement(s)") && has(e.msg, "a retry resumes here"),
                  ERRFMT(e));
    r = it_row(a, t, "36", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 1);
    sg_ledger_free(&l);

    /* With retries: the blocker goes away after ~2 s; the retry does not
     * run the CREATE again (it would fail: the table exists), the ALTER. */
    snprintf(two, sizeof two,
             "-- migrate:up\nCREATE TABLE %s (i INT);\nALTER TABLE %s ADD COLUMN v INT;\n", z, x);
    m3 = it_migration("37", "resumed", two);
    char kill[160];
    snprintf(kill, sizeof kill,
             "sleep 2; mariadb --no-defaults -h\"$MY_HOST\" -P\"$MY_PORT\" -u\"$MY_USER\" "
             "-e 'KILL %lu'",
             mysql_thread_id(blocker));
    pid_t k = sh_spawn(kill, NULL);
    ck_assert_msg(apply_opts(a, t, m3, 1000, 0, 10, &e) == 0, ERRFMT(e));
    waitpid(k, NULL, 0);
    r = it_row(a, t, "37", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 0);
    sg_ledger_free(&l);
    mysql_close(blocker);
    MYSQL *raw = raw_connect();
    ck_assert_int_eq(raw_val(raw,
                             "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE "
                             "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '%s' AND "
                             "COLUMN_NAME = 'v'",
                             x),
                     1);
    mysql_close(raw);
    it_migration_free(m1);
    it_migration_free(m2);
    it_migration_free(m3);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_a_row_lock_wait_in_a_dml_migration_times_out_with_75)
{
    struct sg_conn *a = conn();
    MYSQL *blocker = raw_connect();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_rows");
    char text[512], upd[512];
    struct sg_migration *m1, *m2;
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    snprintf(text, sizeof text,
             "-- migrate:up\nCREATE TABLE %s (id INT PRIMARY KEY, v INT) ENGINE=InnoDB;\n"
             "INSERT INTO %s VALUES (1, 1);\n",
             x, x);
    snprintf(upd, sizeof upd, "-- migrate:up\nUPDATE %s SET v = 2 WHERE id = 1;\n", x);
    m1 = it_migration("32", "rows", text);
    m2 = it_migration("33", "update", upd);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    ck_assert_msg(it_apply(a, t, m1, 0, 0, &e) == 0, ERRFMT(e));
    raw_q(blocker, "START TRANSACTION; UPDATE %s SET v = 5 WHERE id = 1", x);
    ck_assert_int_eq(it_apply(a, t, m2, 0, 1000, &e), -1);
    ck_assert_msg(e.code == SG_EX_TEMPFAIL && has(e.msg, "likely blocker: connection"), ERRFMT(e));
    ck_assert_ptr_null(it_row(a, t, "33", &l));
    sg_ledger_free(&l);
    /* The advisory lock is untouched by the table-lock timeout. */
    struct sg_lock lk;
    struct sg_conn *b = conn();
    it_lock_for(a, t, &lk);
    ck_assert_int_eq(a->driver->try_lock(a, &lk, &e), 1);
    ck_assert_int_eq(b->driver->try_lock(b, &lk, &e), 0);
    sg_drv_close(b);
    raw_q(blocker, "ROLLBACK");
    ck_assert_msg(it_apply(a, t, m2, 0, 1000, &e) == 0, ERRFMT(e));
    mysql_close(blocker);
    it_migration_free(m1);
    it_migration_free(m2);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_the_statement_timeout_bounds_a_migration_statement)
{
    struct sg_conn *a = conn();
    const char *t = it_name("sg_ledger");
    struct sg_migration *m = it_migration("34", "slow", "-- migrate:up\nSELECT SLEEP(5);\n");
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    long long t0 = it_now_ms();
    ck_assert_int_eq(apply_opts(a, t, m, 0, 500, 0, &e), -1);
    ck_assert_msg(it_now_ms() - t0 < 3000, "took %lld ms", it_now_ms() - t0);
    ck_assert_msg(e.code == SG_EX_DATA && strncmp(e.msg, "34_slow.sql:2:1: ", 17) == 0, ERRFMT(e));
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* ----------------------------------------------------------- signals -- */

static pid_t term_me_in(long long ms)
{
    char script[128];

    snprintf(script, sizeof script, "sleep %lld.%03lld; kill -TERM %d", ms / 1000, ms % 1000,
             (int)getpid());
    return sh_spawn(script, NULL);
}

/* Sends us SIGTERM as soon as session id runs a statement matching `like`,
 * so that the signal lands during it (not before: a stop that comes before
 * a statement starts is another case). */
static pid_t term_me_when_running(long long id, const char *like)
{
    char script[768];

    snprintf(script, sizeof script,
             "q=\"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %lld AND "
             "INFO LIKE '%s'\"; until [ \"$(mariadb --no-defaults -h\"$MY_HOST\" -P\"$MY_PORT\" "
             "-u\"$MY_USER\" -N -e \"$q\")\" = 1 ]; do sleep 0.02; done; kill -TERM %d",
             id, like, (int)getpid());
    return sh_spawn(script, NULL);
}

static long long running_queries_of(MYSQL *raw, long long id)
{
    return raw_val(raw,
                   "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %lld AND "
                   "COMMAND = 'Query'",
                   id);
}

START_TEST(test_sigterm_during_a_statement_kills_it_and_gives_143)
{
    struct sg_conn *a = stoppable_conn();
    MYSQL *raw = raw_connect();
    const char *t = it_name("sg_ledger");
    struct sg_migration *m = it_migration("40", "sleepy", "-- migrate:up\nSELECT SLEEP(30);\n");
    struct sg_ledger l = {0};
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    long long id = conn_id(a);
    ck_assert_int_eq(sg_signals_install(), 0);
    pid_t k = term_me_when_running(id, "%SLEEP(30)%");
    long long t0 = it_now_ms();
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    long long took = it_now_ms() - t0;
    waitpid(k, NULL, 0);
    ck_assert_msg(e.code == SG_EX_SIGNAL_BASE + SIGTERM, ERRFMT(e));
    ck_assert_msg(took < 2500, "took %lld ms to stop", took);
    /* KILL QUERY reached the server: the session is idle again, not sleeping on. */
    ck_assert_int_eq(running_queries_of(raw, id), 0);
    ck_assert_ptr_null(it_row(a, t, "40", &l));
    sg_ledger_free(&l);
    mysql_close(raw);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

START_TEST(test_sigterm_during_ddl_leaves_the_migration_dirty_and_gives_143)
{
    struct sg_conn *a = stoppable_conn();
    const char *t = it_name("sg_ledger"), *x = it_name("sg_s");
    char text[256];
    struct sg_migration *m;
    struct sg_ledger l = {0};
    const struct sg_ledger_row *r;
    struct sg_error e = {0};

    snprintf(text, sizeof text, "-- migrate:up\nCREATE TABLE %s (i INT);\nSELECT SLEEP(30);\n", x);
    m = it_migration("41", "ddl_sleepy", text);
    ck_assert_msg(sg_ledger_create(a, t, &e) == 0, ERRFMT(e));
    long long id = conn_id(a);
    ck_assert_int_eq(sg_signals_install(), 0);
    pid_t k = term_me_when_running(id, "%SLEEP(30)%");
    ck_assert_int_eq(it_apply(a, t, m, 0, 0, &e), -1);
    waitpid(k, NULL, 0);
    ck_assert_msg(e.code == SG_EX_SIGNAL_BASE + SIGTERM && has(e.msg, "left dirty"), ERRFMT(e));
    r = it_row(a, t, "41", &l);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(r->dirty, 1);
    ck_assert_int_eq(r->dirty_done, 1);
    sg_ledger_free(&l);
    it_migration_free(m);
    sg_drv_close(a);
}
END_TEST

/* A TCP port that accepts connections and never says anything. */
static int silent_listener(int *port)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    socklen_t sl = sizeof sa;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    ck_assert_int_ge(fd, 0);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    ck_assert_int_eq(listen(fd, 16), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sa, &sl), 0);
    *port = ntohs(sa.sin_port);
    return fd;
}

START_TEST(test_connect_timeout_and_sigterm_while_connecting)
{
    int port, fd = silent_listener(&port);
    char url[256];
    struct sg_error e = {0};

    snprintf(url, sizeof url, "mysql://root:pw@127.0.0.1:%d/sgtest?connect-timeout=1", port);
    long long t0 = it_now_ms();
    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE && has(e.msg, "no answer within 1 s"), ERRFMT(e));
    ck_assert_msg(it_now_ms() - t0 < 2500, "took %lld ms", it_now_ms() - t0);
    ck_assert_msg(!has(e.msg, ":pw@"), "password in '%s'", e.msg);

    /* The driver asks its stop callback and gives up; the engine turns the
     * pending signal into 128+N. */
    snprintf(url, sizeof url, "mysql://root:pw@127.0.0.1:%d/sgtest?connect-timeout=30", port);
    ck_assert_int_eq(sg_signals_install(), 0);
    pid_t k = term_me_in(300);
    struct sg_connect_opts o = {.application_name = "it", .stop = sg_signal_pending};
    t0 = it_now_ms();
    ck_assert_ptr_null(it_connect_opts(url, &o, &e));
    waitpid(k, NULL, 0);
    ck_assert_int_eq(sg_signal_pending(), SIGTERM);
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE && has(e.msg, "stopped while connecting"), ERRFMT(e));
    ck_assert_msg(!sg_driver_mysql.transient(&e), "a stop is not worth a retry");
    ck_assert_msg(it_now_ms() - t0 < 1000, "took %lld ms", it_now_ms() - t0);
    close(fd);
}
END_TEST

/* --------------------------------------------------------------- URL -- */

static void expect_config_error(const char *query, const char *needle)
{
    char *url = url_with(NULL, query);
    struct sg_error e = {0};

    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_CONFIG && has(e.msg, needle), "%s: %s (code %d)", query, e.msg,
                  e.code);
    free(url);
}

START_TEST(test_unknown_or_bad_url_parameters_are_configuration_errors)
{
    expect_config_error("frobnicate=1", "unknown parameter 'frobnicate'");
    expect_config_error("ssl_mode=REQUIRED", "did you mean 'ssl-mode'");
    expect_config_error("sslmode=require", "unknown parameter 'sslmode'");
    expect_config_error("ssl-mode=PREFERRED", "PREFERRED is refused");
    expect_config_error("ssl-mode=VERIFY_CA", "needs ssl-ca");
    expect_config_error("ssl-mode=VERIFY_IDENTITY", "needs ssl-ca");
    expect_config_error("connect-timeout=soon", "connect-timeout");
    expect_config_error("socket=relative.sock", "absolute path");
    expect_config_error("ssl-cert=/x.pem", "go together");
    expect_config_error("connect-timeout=1&connect-timeout=2", "given twice");
}
END_TEST

START_TEST(test_a_database_is_required)
{
    struct sg_url u;
    struct sg_error e = {0};
    char url[512];

    ck_assert_int_eq(sg_url_parse(base_url(), &u, &e), 0);
    snprintf(url, sizeof url, "mysql://%s:%s@%s:%d", u.user, u.password, u.host, u.port);
    sg_url_free(&u);
    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_CONFIG && has(e.msg, "names no database"), ERRFMT(e));
}
END_TEST

START_TEST(test_ssl_required_against_a_server_without_tls_is_refused_not_downgraded)
{
    char *url = url_with(NULL, "ssl-mode=REQUIRED");
    struct sg_error e = {0};

    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE, ERRFMT(e));
    free(url);
}
END_TEST

static void pct_encode(const char *s, char *out, size_t size)
{
    size_t k = 0;

    for (; *s && k + 4 < size; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~')
            out[k++] = (char)ch;
        else
            k += (size_t)snprintf(out + k, size - k, "%%%02X", ch);
    }
    out[k] = '\0';
}

START_TEST(test_percent_encoded_passwords_sockets_and_the_mariadb_scheme_connect)
{
    const char *user = getenv("MYTEST_USER"), *pw = getenv("MYTEST_USER_PASSWORD");
    const char *sock = getenv("MYTEST_SOCKET");
    struct sg_url u;
    struct sg_error e = {0};
    char url[1024], enc[256];
    struct sg_conn *c;

    ck_assert_int_eq(sg_url_parse(base_url(), &u, &e), 0);
    /* mariadb:// is the same driver. */
    snprintf(url, sizeof url, "mariadb://%s:%s@%s:%d/%s", u.user, u.password, u.host, u.port,
             u.path);
    c = it_connect(url, NULL, &e);
    ck_assert_msg(c != NULL, ERRFMT(e));
    ck_assert_str_eq(c->driver->name, "mysql");
    sg_drv_close(c);
    if (user && pw) {
        pct_encode(pw, enc, sizeof enc);
        snprintf(url, sizeof url, "mysql://%s:%s@%s:%d/sgtest", user, enc, u.host, u.port);
        c = it_connect(url, NULL, &e);
        ck_assert_msg(c != NULL, "password %s: %s (code %d)", enc, e.msg, e.code);
        sg_drv_close(c);
        snprintf(url, sizeof url, "mysql://%s:canary-Zq9@%s:%d/sgtest", user, u.host, u.port);
        ck_assert_ptr_null(it_connect(url, NULL, &e));
        ck_assert_msg(e.code == SG_EX_UNAVAILABLE && strcmp(e.sqlstate, "1045") == 0, ERRFMT(e));
        ck_assert_msg(!has(e.msg, "canary-Zq9"), "password in '%s'", e.msg);
    } else {
        printf("mysql: MYTEST_USER unset, password-user test skipped\n");
    }
    if (sock) {
        snprintf(url, sizeof url, "mysql://%s:%s@/%s?socket=%s", u.user, u.password, u.path, sock);
        c = it_connect(url, NULL, &e);
        ck_assert_msg(c != NULL, ERRFMT(e));
        sg_drv_close(c);
    } else {
        printf("mysql: MYTEST_SOCKET unset, socket test skipped\n");
    }
    sg_url_free(&u);
}
END_TEST

/* ------------------------------------------- servers of our own -- */

struct own_server {
    pid_t pid;
    char dir[64];
    char url[512];
};

/* Starts a MariaDB through tests/lib/mariadb.sh with extra mariadbd options,
 * after running `prep` (bash, in the scratch dir passed as $1). It stops by
 * itself as soon as this test process is gone. 0, or -1 if it could not. */
static int own_server_start(struct own_server *s, const char *prep, const char *opts)
{
    const char *lib = getenv("SG_MARIADB_SH") ? getenv("SG_MARIADB_SH") : "tests/lib/mariadb.sh";
    char envf[128], script[2048];

    memset(s, 0, sizeof s[0]);
    if (access(lib, R_OK) != 0) {
        printf("mysql: %s not found, own-server test skipped\n", lib);
        return -1;
    }
    snprintf(s->dir, sizeof s->dir, "/tmp/sg-mytest.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(s->dir));
    chmod(s->dir, 0755);
    snprintf(envf, sizeof envf, "%s/url", s->dir);
    snprintf(script, sizeof script,
             ". \"$0\" || exit 1; watch=$2; cd \"$1\" || exit 1; %s\n"
             "mariadb_start %s || exit 1\n"
             "echo \"$MYTEST_URL\" > \"$1/url.tmp\" && mv \"$1/url.tmp\" \"$1/url\"\n"
             "while kill -0 \"$watch\" 2>/dev/null && [ ! -e \"$1/stop\" ]; do sleep 0.2; done\n",
             prep ? prep : "", opts);
    char watch[32];
    snprintf(watch, sizeof watch, "%d", (int)getpid());
    s->pid = fork();
    ck_assert_int_ne(s->pid, -1);
    if (s->pid == 0) {
        setsid();
        execl("/bin/bash", "bash", "-c", script, lib, s->dir, watch, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 600; i++) {
        FILE *f = fopen(envf, "r");
        if (f) {
            if (fgets(s->url, sizeof s->url, f))
                s->url[strcspn(s->url, "\n")] = '\0';
            fclose(f);
            if (*s->url)
                return 0;
        }
        if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
            s->pid = 0;
            break;
        }
        it_sleep_ms(50);
    }
    ck_abort_msg("own MariaDB server did not start (options %s)", opts);
    return -1;
}

static void own_server_stop(struct own_server *s)
{
    char path[128];

    if (s->pid > 0) {
        snprintf(path, sizeof path, "%s/stop", s->dir);
        FILE *f = fopen(path, "w");
        if (f)
            fclose(f);
        waitpid(s->pid, NULL, 0);
    }
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->dir);
    if (system(cmd) != 0)
        printf("mysql: could not remove %s\n", s->dir);
}

START_TEST(test_galera_needs_a_lease_and_a_plain_server_does_not)
{
    struct own_server s;
    struct sg_error e = {0};
    struct sg_conn *c;

    /* wsrep_on=OFF (every plain MariaDB) passes the same detection query. */
    char ok_why[256] = "";
    c = conn();
    ck_assert_int_eq(c->driver->session_lock_ok(c, 1, ok_why, sizeof ok_why, &e), 1);
    sg_drv_close(c);
    /* wsrep_on=ON without a provider is enough for the server to report it. */
    if (own_server_start(&s, NULL, "--wsrep-on=ON --wsrep-provider=none --binlog-format=ROW") < 0)
        return;
    /* GET_LOCK is local to a node there: the session lock does not cover
     * the work (auto takes a lease; --lock-mode=session refuses, 78). */
    c = it_connect_opts(s.url, &(struct sg_connect_opts){.application_name = "it"}, &e);
    ck_assert_msg(c != NULL, ERRFMT(e));
    char why[256] = "";
    ck_assert_int_eq(c->driver->session_lock_ok(c, 1, why, sizeof why, &e), 0);
    ck_assert_msg(has(why, "Galera") && has(why, "wsrep_on=ON"), "%s", why);
    sg_drv_close(c);
    own_server_stop(&s);
}
END_TEST

START_TEST(test_with_metadata_lock_info_the_real_blocker_is_named)
{
    struct own_server s;
    struct sg_error e = {0};
    char want[96];

    /* MariaDB names metadata-lock holders only through this plugin. */
    if (own_server_start(&s, NULL, "--plugin-load-add=metadata_lock_info") < 0)
        return;
    struct sg_conn *a = it_connect(s.url, NULL, NULL);
    MYSQL *decoy = raw_connect_to(s.url), *holder = raw_connect_to(s.url);
    struct sg_migration *m =
        it_migration("37", "alter", "-- migrate:up\nALTER TABLE `busy` ADD COLUMN w INT;\n");

    raw_q(decoy, "CREATE TABLE other (i INT) ENGINE=InnoDB; CREATE TABLE busy (i INT) "
                 "ENGINE=InnoDB");
    /* The oldest open transaction is not the one in the way. */
    raw_q(decoy, "START TRANSACTION; SELECT * FROM other");
    it_sleep_ms(1100);
    raw_q(holder, "START TRANSACTION; SELECT * FROM busy");
    ck_assert_msg(sg_ledger_create(a, "sg_ledger", &e) == 0, ERRFMT(e));
    ck_assert_int_eq(it_apply(a, "sg_ledger", m, 0, 1000, &e), -1);
    snprintf(want, sizeof want, "waited for table busy; blocked by connection %lu ",
             mysql_thread_id(holder));
    ck_assert_msg(e.code == SG_EX_TEMPFAIL && has(e.msg, want), ERRFMT(e));
    mysql_close(decoy);
    mysql_close(holder);
    it_migration_free(m);
    sg_drv_close(a);
    own_server_stop(&s);
}
END_TEST

START_TEST(test_tls_modes_verify_what_they_promise)
{
    struct own_server s;
    struct sg_error e = {0};
    struct sg_conn *c;
    char url[1024], base[512];

    if (system("command -v openssl >/dev/null 2>&1") != 0) {
        printf("mysql: openssl not installed, TLS test skipped\n");
        return;
    }
    /* A CA, a server certificate for the wrong address (127.0.0.2), one for
     * the right one (127.0.0.1), and an unrelated CA. */
    const char *prep =
        "gen() { openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj \"/CN=$1\" "
        "-keyout $1.key -out $1.pem >/dev/null 2>&1; }; gen ca && gen other && "
        "leaf() { openssl req -newkey rsa:2048 -nodes -subj /CN=server -keyout $1.key "
        "-out $1.csr >/dev/null 2>&1 && printf 'subjectAltName=IP:%s\\n' $2 > $1.ext && "
        "openssl x509 -req -in $1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 "
        "-extfile $1.ext -out $1.pem >/dev/null 2>&1; }; "
        "leaf wrong 127.0.0.2 && leaf right 127.0.0.1 && cp wrong.pem server.pem && "
        "cp wrong.key server.key && chmod 0644 *.key *.pem || exit 1\n";
    if (own_server_start(&s, prep,
                         "--ssl-ca=\"$1/ca.pem\" --ssl-cert=\"$1/server.pem\" "
                         "--ssl-key=\"$1/server.key\"") < 0)
        return;
    snprintf(base, sizeof base, "%s", s.url);

    snprintf(url, sizeof url, "%s?ssl-mode=REQUIRED", base);
    c = it_connect(url, NULL, &e);
    ck_assert_msg(c != NULL, "REQUIRED: " ERRFMT(e));
    sg_drv_close(c);

    snprintf(url, sizeof url, "%s?ssl-mode=VERIFY_CA&ssl-ca=%s/ca.pem", base, s.dir);
    c = it_connect(url, NULL, &e);
    ck_assert_msg(c != NULL, "VERIFY_CA: " ERRFMT(e));
    sg_drv_close(c);

    snprintf(url, sizeof url, "%s?ssl-ca=%s/other.pem", base, s.dir); /* implies VERIFY_CA */
    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE, "VERIFY_CA, wrong CA: " ERRFMT(e));

    snprintf(url, sizeof url, "%s?ssl-mode=VERIFY_IDENTITY&ssl-ca=%s/ca.pem", base, s.dir);
    ck_assert_ptr_null(it_connect(url, NULL, &e));
    ck_assert_msg(e.code == SG_EX_UNAVAILABLE, "VERIFY_IDENTITY, wrong name: " ERRFMT(e));

    /* The right certificate, reloaded in place. */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cd %s && cp right.pem server.pem && cp right.key server.key", s.dir);
    ck_assert_int_eq(system(cmd), 0);
    c = it_connect(base, NULL, &e);
    ck_assert_msg(c != NULL, ERRFMT(e));
    sg_drv_close(c);
    {
        struct sg_url u;
        MYSQL *db = mysql_init(NULL);
        ck_assert_int_eq(sg_url_parse(base, &u, &e), 0);
        ck_assert_ptr_nonnull(
            mysql_real_connect(db, u.host, u.user, u.password, u.path, (unsigned)u.port, NULL, 0));
        raw_q(db, "FLUSH SSL");
        mysql_close(db);
        sg_url_free(&u);
    }
    c = it_connect(url, NULL, &e);
    ck_assert_msg(c != NULL, "VERIFY_IDENTITY, right name: " ERRFMT(e));
    sg_drv_close(c);
    own_server_stop(&s);
}
END_TEST

START_TEST(test_no_mysql_server)
{
    printf("mysql: SG_TEST_MYSQL_URL unset and no mysql URL in SG_TEST_URLS: skipped "
           "(tests/run.sh starts one)\n");
    ck_assert_msg(it_skip_allowed(), "no MySQL server to test; set SG_TEST_ALLOW_SKIP=1 to skip");
}
END_TEST

Suite *mysql_suite(void)
{
    Suite *s = suite_create("mysql");
    TCase *tc = tcase_create("mysql");

    tcase_set_timeout(tc, IT_TIMEOUT);
    if (!base_url()) {
        tcase_add_test(tc, test_no_mysql_server);
    } else {
        tcase_add_test(tc, test_lock_scope_and_name_are_pinned);
        tcase_add_test(tc, test_lock_names_for_two_databases_differ_and_fit_in_64_characters);
        tcase_add_test(tc, test_killing_the_holders_connection_frees_the_lock);
        tcase_add_test(tc, test_lock_holder_names_the_holding_connection);
        tcase_add_test(
            tc,
            test_a_failing_second_ddl_statement_leaves_the_migration_dirty_with_a_precise_message);
        tcase_add_test(tc, test_dirty_done_counts_the_statements_that_completed);
        tcase_add_test(tc, test_a_syntax_error_in_the_first_statement_leaves_nothing_behind);
        tcase_add_test(tc, test_a_stored_procedure_with_delimiter_applies);
        tcase_add_test(tc, test_a_failing_dml_only_migration_rolls_back_clean);
        tcase_add_test(tc, test_an_open_transaction_left_by_a_migration_is_an_error);
        tcase_add_test(tc,
                       test_exec_counts_completed_statements_and_the_line_within_the_failing_one);
        tcase_add_test(tc,
                       test_a_parse_error_after_a_comment_in_a_dml_migration_names_its_own_line);
        tcase_add_test(tc, test_a_migration_that_changes_database_is_reset_and_recorded_in_its_own);
        tcase_add_test(tc,
                       test_a_tracked_migration_runs_with_its_timeouts_and_restores_the_sessions);
        tcase_add_test(tc, test_a_table_lock_wait_times_out_with_75_naming_the_blocker);
        tcase_add_test(tc,
                       test_a_table_lock_timeout_after_ddl_ran_resumes_at_that_statement_on_retry);
        tcase_add_test(tc, test_a_row_lock_wait_in_a_dml_migration_times_out_with_75);
        tcase_add_test(tc, test_the_statement_timeout_bounds_a_migration_statement);
        tcase_add_test(tc, test_sigterm_during_a_statement_kills_it_and_gives_143);
        tcase_add_test(tc, test_sigterm_during_ddl_leaves_the_migration_dirty_and_gives_143);
        tcase_add_test(tc, test_connect_timeout_and_sigterm_while_connecting);
        tcase_add_test(tc, test_unknown_or_bad_url_parameters_are_configuration_errors);
        tcase_add_test(tc, test_a_database_is_required);
        tcase_add_test(tc,
                       test_ssl_required_against_a_server_without_tls_is_refused_not_downgraded);
        tcase_add_test(tc, test_percent_encoded_passwords_sockets_and_the_mariadb_scheme_connect);
        tcase_add_test(tc, test_galera_needs_a_lease_and_a_plain_server_does_not);
        tcase_add_test(tc, test_with_metadata_lock_info_the_real_blocker_is_named);
        tcase_add_test(tc, test_tls_modes_verify_what_they_promise);
    }
    suite_add_tcase(s, tc);
    return s;
}

#else /* !SG_HAVE_MYSQL */

START_TEST(test_mysql_driver_not_compiled_in)
{
    printf("mysql: driver not compiled in (libmariadb-dev missing): skipped\n");
    ck_assert_msg(it_skip_allowed(),
                  "the mysql driver is not compiled in; set SG_TEST_ALLOW_SKIP=1 to skip");
}
END_TEST

Suite *mysql_suite(void)
{
    Suite *s = suite_create("mysql");
    TCase *tc = tcase_create("mysql");

    tcase_add_test(tc, test_mysql_driver_not_compiled_in);
    suite_add_tcase(s, tc);
    return s;
}

#endif
