/* test_sqlsplit.c -- the statement splitter against each dialect's own
 * client behaviour (psql, mysql, sqlite3): where statements end, what is
 * skipped, where errors point, and that huge sections stay linear. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "exitcodes.h"
#include "sqlsplit.h"

Suite *sqlsplit_suite(void);

#define PG SG_DIALECT_POSTGRES
#define MY SG_DIALECT_MYSQL
#define LITE SG_DIALECT_SQLITE

struct split_case {
    enum sg_dialect d;
    const char *sql;
    const char *want[6]; /* expected statement texts, NULL-terminated */
};

static const struct split_case split_cases[] = {
    /* Every dialect */
    {PG, "SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}},
    {MY, "SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}},
    {LITE, "SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}},
    {PG, "", {NULL}},
    {PG, " \n\t;;\n-- only a comment;\n/* and; another */ ; ", {NULL}},
    {MY, " ;; # hash;\n-- dash;\n/* block; */", {NULL}},
    {LITE, "\n-- x;\n/* y; */;\n", {NULL}},
    {PG, "SELECT 1 -- trailing;\n  ;\n", {"SELECT 1"}},
    {PG, "  /* lead */ -- lead\n SELECT 1 /* mid */ + 2 ;", {"SELECT 1 /* mid */ + 2"}},
    {PG, "INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT 2",
     {"INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2"}},
    {PG, "SELECT \"a;\"\"b\" FROM t; SELECT 2", {"SELECT \"a;\"\"b\" FROM t", "SELECT 2"}},
    /* PostgreSQL strings: only E'' knows backslashes */
    {PG, "SELECT 'a\\'; SELECT 2", {"SELECT 'a\\'", "SELECT 2"}},
    {PG, "SELECT E'it\\'s; ok'; SELECT 2", {"SELECT E'it\\'s; ok'", "SELECT 2"}},
    {PG, "SELECT e'\\\\'; SELECT 2", {"SELECT e'\\\\'", "SELECT 2"}},
    {PG, "SELECT E'a''\\'; b'; SELECT 2", {"SELECT E'a''\\'; b'", "SELECT 2"}},
    {PG, "SELECT CASE WHEN x THEN 1 ELSE'a;b' END; SELECT 2",
     {"SELECT CASE WHEN x THEN 1 ELSE'a;b' END", "SELECT 2"}},
    /* psql tracks standard_conforming_strings through the file */
    {PG, "SET standard_conforming_strings = off; SELECT 'it\\'s; ok'; SELECT 2",
     {"SET standard_conforming_strings = off", "SELECT 'it\\'s; ok'", "SELECT 2"}},
    {PG, "SET SESSION standard_conforming_strings TO 'off'; SELECT 'a\\'; b'; SET "
         "standard_conforming_strings = on; SELECT 'c\\'; SELECT 3",
     {"SET SESSION standard_conforming_strings TO 'off'", "SELECT 'a\\'; b'",
      "SET standard_conforming_strings = on", "SELECT 'c\\'", "SELECT 3"}},
    {PG, "SET = off; SELECT 'a\\'; SELECT 2", {"SET = off", "SELECT 'a\\'", "SELECT 2"}},
    {PG, "SET SESSION TO 0; SELECT 'a\\'; SELECT 2",
     {"SET SESSION TO 0", "SELECT 'a\\'", "SELECT 2"}},
    /* PostgreSQL dollar quotes and parameters */
    {PG, "DO $body$ BEGIN x; $$ y; $$ END $body$; SELECT 1",
     {"DO $body$ BEGIN x; $$ y; $$ END $body$", "SELECT 1"}},
    {PG, "SELECT $a$x;$A$;$a$; SELECT 1", {"SELECT $a$x;$A$;$a$", "SELECT 1"}},
    {PG, "PREPARE q AS SELECT $1; EXECUTE q(1)", {"PREPARE q AS SELECT $1", "EXECUTE q(1)"}},
    {PG, "SELECT a$$b; SELECT 2", {"SELECT a$$b", "SELECT 2"}},
    {PG, "SELECT $$a$$$$b;$$; SELECT 2", {"SELECT $$a$$$$b;$$", "SELECT 2"}},
    {PG, "SELECT 1$; SELECT 2", {"SELECT 1$", "SELECT 2"}},
    {PG, "SELECT $$x$$abc$; SELECT 2", {"SELECT $$x$$abc$", "SELECT 2"}}, /* closer taken whole */
    /* PostgreSQL block comments nest */
    {PG, "/* a /* b; */ c; */ SELECT 1; SELECT /* x /* y */ ; */ 2",
     {"SELECT 1", "SELECT /* x /* y */ ; */ 2"}},
    {PG, "SELECT 1 /**/; SELECT 2", {"SELECT 1", "SELECT 2"}},
    /* psql keeps SQL-standard bodies and parenthesised lists together */
    {PG,
     "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; "
     "SELECT f()",
     {"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
      "SELECT f()"}},
    {PG,
     "create or replace procedure p() language sql begin atomic select case when true then 1 "
     "end; end; call p()",
     {"create or replace procedure p() language sql begin atomic select case when true then 1 "
      "end; end",
      "call p()"}},
    {PG, "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b); "
         "SELECT 2",
     {"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b)",
      "SELECT 2"}},
    {PG, "BEGIN; CREATE TABLE t (x int); COMMIT;", {"BEGIN", "CREATE TABLE t (x int)", "COMMIT"}},
    {PG, "SELECT ')'; SELECT 2", {"SELECT ')'", "SELECT 2"}},
    /* SQLite */
    {LITE, "SELECT [a;b], `c;d`, \"e;f\", 'g;h'; SELECT 2",
     {"SELECT [a;b], `c;d`, \"e;f\", 'g;h'", "SELECT 2"}},
    {LITE, "SELECT [a]]; SELECT 2", {"SELECT [a]]", "SELECT 2"}},
    {LITE, "/* a /* b */ SELECT 1; SELECT 2", {"SELECT 1", "SELECT 2"}},
    {LITE, "SELECT $$; SELECT 2$$", {"SELECT $$", "SELECT 2$$"}},
    {LITE, "SELECT E'\\'; SELECT 2", {"SELECT E'\\'", "SELECT 2"}},
    {LITE, "# not a comment; SELECT 2", {"# not a comment", "SELECT 2"}},
    {LITE,
     "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END; "
     "SELECT 2",
     {"CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; DELETE FROM u; END",
      "SELECT 2"}},
    {LITE, "create temp trigger tr before delete on t begin select 1; end;drop table t",
     {"create temp trigger tr before delete on t begin select 1; end", "drop table t"}},
    {LITE, "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;\vEND; SELECT 2",
     {"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;\vEND; SELECT 2"}},
    {LITE, "CREATE TABLE trigger_log (x); CREATE TABLE end (y)",
     {"CREATE TABLE trigger_log (x)", "CREATE TABLE end (y)"}},
    /* MySQL */
    {MY, "SELECT 'a\\';b', \"c\"\";d\"; SELECT 2", {"SELECT 'a\\';b', \"c\"\";d\"", "SELECT 2"}},
    {MY, "SELECT `a;``b`; SELECT 2", {"SELECT `a;``b`", "SELECT 2"}},
    {MY, "# c;\nSELECT 1; -- c;\nSELECT 2 #x;", {"SELECT 1", "SELECT 2"}},
    {MY, "SELECT 1--1; SELECT 2 --\t;\n", {"SELECT 1--1", "SELECT 2"}},
    {MY, "/* a /* b */ SELECT 1; SELECT $$x; SELECT 2", {"SELECT 1", "SELECT $$x", "SELECT 2"}},
    {MY, "/*!40101 SET NAMES utf8 */; /*M!100100 SET x=1 */; SELECT /*+ hint */ 1 /* c */",
     {"/*!40101 SET NAMES utf8 */", "/*M!100100 SET x=1 */", "SELECT /*+ hint */ 1"}},
    {MY, "SELECT E'\\'; x'; SELECT 2", {"SELECT E'\\'; x'", "SELECT 2"}},
    {MY,
     "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\n"
     "CALL p();",
     {"CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()"}},
    {MY, "  delimiter //  ignored rest\nSELECT 1//SELECT '//' //\n  DeLiMiTeR ;\nSELECT 3",
     {"SELECT 1", "SELECT '//'", "SELECT 3"}},
    {MY, "DELIMITER ';;'\nSELECT 1;;SELECT 2;", {"SELECT 1", "SELECT 2;"}},
    {MY, "SELECT 1\nDELIMITER $$\n; SELECT 2", {"SELECT 1\nDELIMITER $$", "SELECT 2"}},
    {MY, "DELIMITERS; SELECT 2", {"DELIMITERS", "SELECT 2"}},
    /* MySQL without DELIMITER: the server's grammar keeps a stored program's
     * body whole when a file arrives as one query (golang-migrate, dbmate) */
    {MY,
     "CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF; SELECT 2; END; CALL p()",
     {"CREATE PROCEDURE p() BEGIN IF x THEN SELECT 1; END IF; SELECT 2; END", "CALL p()"}},
    {MY,
     "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = CASE WHEN 1 THEN 2 "
     "END; END;\nSELECT 1",
     {"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = CASE WHEN 1 THEN 2 "
      "END; END",
      "SELECT 1"}},
    {MY, "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1; SELECT 1",
     {"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1", "SELECT 1"}},
    {MY,
     "CREATE DEFINER=`root`@`%` PROCEDURE p() lbl: BEGIN l2: LOOP LEAVE l2; END LOOP l2; "
     "WHILE 0 DO SELECT 1; END WHILE; REPEAT SELECT 2; UNTIL 1 END REPEAT; CASE 1 WHEN 1 THEN "
     "SELECT 3; END CASE; END lbl; SELECT 4",
     {"CREATE DEFINER=`root`@`%` PROCEDURE p() lbl: BEGIN l2: LOOP LEAVE l2; END LOOP l2; "
      "WHILE 0 DO SELECT 1; END WHILE; REPEAT SELECT 2; UNTIL 1 END REPEAT; CASE 1 WHEN 1 THEN "
      "SELECT 3; END CASE; END lbl",
      "SELECT 4"}},
    {MY, "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
     {"BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"}},
    /* ...but BEGIN alone starts a transaction, and a table named `event` is a table */
    {MY, "BEGIN; SELECT 1; COMMIT", {"BEGIN", "SELECT 1", "COMMIT"}},
    {MY, "CREATE TABLE t (event INT, x INT); SELECT 1", {"CREATE TABLE t (event INT, x INT)", "SELECT 1"}},
    {MY, "SELECT CASE WHEN a THEN 1 END FROM t; SELECT 2",
     {"SELECT CASE WHEN a THEN 1 END FROM t", "SELECT 2"}},
    {MY, "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1; SELECT f()",
     {"CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1", "SELECT f()"}},
    {MY, "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END; SELECT 1",
     {"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; END", "SELECT 1"}},
    /* Found by tests/integration/test_splitdiff.c against MariaDB (issue 13;
     * tests/fuzz/corpus/sqlsplit/mysql_compound_bodies.sql holds them all):
     * a keyword after `.` or `@` is a name (NEW.end, @end) ... */
    {MY, "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.end = 1; SET "
         "NEW.case = 2; END; SELECT 1",
     {"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.end = 1; SET NEW.case = 2; "
      "END",
      "SELECT 1"}},
    {MY, "CREATE PROCEDURE p() BEGIN SET @end = 1; SELECT t . begin FROM t; END; SELECT 1",
     {"CREATE PROCEDURE p() BEGIN SET @end = 1; SELECT t . begin FROM t; END", "SELECT 1"}},
    /* ... and so are BEGIN and END where a value is expected ... */
    {MY, "CREATE PROCEDURE p() BEGIN UPDATE t SET end = 1 WHERE begin > 0; SELECT begin, end "
         "FROM t; END; SELECT 1",
     {"CREATE PROCEDURE p() BEGIN UPDATE t SET end = 1 WHERE begin > 0; SELECT begin, end FROM t; "
      "END",
      "SELECT 1"}},
    /* ... an END and its `;` close nothing after them ... */
    {MY, "CREATE PROCEDURE p() BEGIN BEGIN SELECT 1; END; IF 1 THEN SELECT 2; END IF; END; "
         "SELECT 3",
     {"CREATE PROCEDURE p() BEGIN BEGIN SELECT 1; END; IF 1 THEN SELECT 2; END IF; END",
      "SELECT 3"}},
    {MY, "CREATE PROCEDURE p(i INT) BEGIN SELECT CASE i WHEN 3 THEN 1 ELSE 0 END; CASE WHEN i > "
         "0 THEN SELECT 1; ELSE SELECT 2; END CASE; END; SELECT 9",
     {"CREATE PROCEDURE p(i INT) BEGIN SELECT CASE i WHEN 3 THEN 1 ELSE 0 END; CASE WHEN i > 0 "
      "THEN SELECT 1; ELSE SELECT 2; END CASE; END",
      "SELECT 9"}},
    /* ... and a body may be one IF, LOOP, WHILE, REPEAT, CASE or FOR, no BEGIN */
    {MY, "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW IF NEW.id < 0 THEN SET NEW.id = 0; "
         "END IF; SELECT 1",
     {"CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW IF NEW.id < 0 THEN SET NEW.id = 0; END IF",
      "SELECT 1"}},
    {MY, "CREATE PROCEDURE a() WHILE 0 DO SELECT 1; END WHILE; CREATE PROCEDURE b() l: LOOP "
         "LEAVE l; END LOOP; CREATE PROCEDURE c() REPEAT SELECT 1; UNTIL 1 END REPEAT; SELECT 2",
     {"CREATE PROCEDURE a() WHILE 0 DO SELECT 1; END WHILE",
      "CREATE PROCEDURE b() l: LOOP LEAVE l; END LOOP",
      "CREATE PROCEDURE c() REPEAT SELECT 1; UNTIL 1 END REPEAT", "SELECT 2"}},
    {MY, "CREATE PROCEDURE d() FOR i IN 1..2 DO SELECT i; END FOR; CREATE PROCEDURE IF NOT "
         "EXISTS e() CASE WHEN 1 THEN SELECT 1; END CASE; SELECT 2",
     {"CREATE PROCEDURE d() FOR i IN 1..2 DO SELECT i; END FOR",
      "CREATE PROCEDURE IF NOT EXISTS e() CASE WHEN 1 THEN SELECT 1; END CASE", "SELECT 2"}},
    /* IF() and REPEAT() are functions, IF [NOT] EXISTS is DDL: no block */
    {MY, "CREATE FUNCTION f(x INT) RETURNS INT RETURN IF(x > 0, REPEAT('a', 2), 0); SELECT 1",
     {"CREATE FUNCTION f(x INT) RETURNS INT RETURN IF(x > 0, REPEAT('a', 2), 0)", "SELECT 1"}},
    {MY, "CREATE PROCEDURE p() BEGIN DROP TABLE IF EXISTS x; IF (SELECT 1) = IF(1, 1, 0) THEN "
         "SELECT 2; ELSEIF NOT EXISTS (SELECT 1) THEN SELECT 4; END IF; END; SELECT 5",
     {"CREATE PROCEDURE p() BEGIN DROP TABLE IF EXISTS x; IF (SELECT 1) = IF(1, 1, 0) THEN SELECT "
      "2; ELSEIF NOT EXISTS (SELECT 1) THEN SELECT 4; END IF; END",
      "SELECT 5"}},
    /* COPY that reads no rows from the client is plain SQL */
    {PG, "COPY t TO STDOUT; COPY (SELECT 1 FROM stdin) TO STDOUT; COPY t FROM '/tmp/stdin'",
     {"COPY t TO STDOUT", "COPY (SELECT 1 FROM stdin) TO STDOUT", "COPY t FROM '/tmp/stdin'"}},
    {MY, "CREATE TABLE event (id INT); CREATE VIEW v AS SELECT 1 AS procedure_x; SELECT 1",
     {"CREATE TABLE event (id INT)", "CREATE VIEW v AS SELECT 1 AS procedure_x", "SELECT 1"}},
};

static void assert_split(const struct split_case *c, const char *sql, size_t len)
{
    struct sg_stmt *v = (struct sg_stmt *)1;
    struct sg_error err;
    size_t n = 99, k, want_n = 0;

    memset(&err, 0, sizeof err);
    ck_assert_msg(sg_sql_split(sql, len, c->d, "t.sql", 1, &v, &n, &err) == 0, "[%s] %s",
                  c->sql, err.msg);
    while (c->want[want_n])
        want_n++;
    ck_assert_msg(n == want_n, "[%s]: %zu statements, want %zu", c->sql, n, want_n);
    for (k = 0; k < n; k++) {
        const char *w = c->want[k];

        ck_assert_msg(v[k].len == strlen(w) && memcmp(sql + v[k].off, w, v[k].len) == 0,
                      "[%s] statement %zu is [%.*s], want [%s]", c->sql, k, (int)v[k].len,
                      sql + v[k].off, w);
    }
    free(v);
}

START_TEST(test_statements_end_at_the_delimiter_outside_quotes_and_comments)
{
    const struct split_case *c = &split_cases[_i];
    size_t len = strlen(c->sql);
    char *copy = malloc(len ? len : 1);

    /* An exact-size copy with no NUL after it: the splitter must stay
     * inside len (ASan builds catch a stray read). */
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, c->sql, len);
    assert_split(c, copy, len);
    free(copy);
}
END_TEST

START_TEST(test_dollar_quoted_body_is_one_statement)
{
    static const char sql[] =
        "CREATE FUNCTION touch() RETURNS trigger AS $$\n"
        "BEGIN\n"
        "  NEW.updated_at := now(); -- not the end;\n"
        "  RETURN NEW;\n"
        "END;\n"
        "$$ LANGUAGE plpgsql;\n"
        "\n"
        "CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\n";
    struct sg_stmt *v;
    struct sg_error err;
    size_t n;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(sg_sql_split(sql, sizeof sql - 1, PG, "f.sql", 3, &v, &n, &err), 0);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(v[0].off, 0);
    ck_assert_uint_eq(v[0].len, (size_t)(strstr(sql, " LANGUAGE plpgsql") - sql) + 17);
    ck_assert_int_eq(v[0].line, 3);
    ck_assert_int_eq(v[1].line, 10);
    ck_assert_int_eq(v[1].col, 1);
    free(v);
}
END_TEST

START_TEST(test_statement_position_is_its_first_byte_counted_from_first_line)
{
    static const char sql[] = "\n  -- lead\n\t/* c\n */ SELECT 1;  SELECT\n2;\n\n  x";
    struct sg_stmt *v;
    struct sg_error err;
    size_t n;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(sg_sql_split(sql, sizeof sql - 1, PG, "f.sql", 40, &v, &n, &err), 0);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(v[0].off, (size_t)(strstr(sql, "SELECT 1") - sql));
    ck_assert_int_eq(v[0].line, 43);
    ck_assert_int_eq(v[0].col, 5);
    ck_assert_int_eq(v[1].line, 43);
    ck_assert_int_eq(v[1].col, 16);
    ck_assert_uint_eq(v[1].len, 8);
    ck_assert_int_eq(v[2].line, 46);
    ck_assert_int_eq(v[2].col, 3);
    free(v);
}
END_TEST

struct error_case {
    enum sg_dialect d;
    const char *sql;
    const char *msg;
};

static const struct error_case error_cases[] = {
    {PG, "SELECT 1;\n\nSELECT $$ x;\n\n", "m.sql:12: unterminated dollar-quoted string"},
    {PG, "SELECT $a$ x $A$;", "m.sql:10: unterminated dollar-quoted string"},
    {PG, "SELECT 1;\nSELECT 'abc;\nSELECT 2;", "m.sql:11: unterminated quoted string"},
    {PG, "SELECT E'abc\\';", "m.sql:10: unterminated quoted string"},
    {PG, "SELECT \"x;", "m.sql:10: unterminated quoted identifier"},
    {PG, "SELECT 1;\n/* a /* b */ SELECT 2;", "m.sql:11: unterminated block comment"},
    {PG, "SELECT 1 /* x", "m.sql:10: unterminated block comment"},
    {LITE, "SELECT [x;", "m.sql:10: unterminated quoted identifier"},
    {LITE, "SELECT `x;", "m.sql:10: unterminated quoted identifier"},
    {LITE, "/*/ SELECT 1;", "m.sql:10: unterminated block comment"},
    {MY, "SELECT 'a\\';", "m.sql:10: unterminated quoted string"},
    {MY, "SELECT \"a", "m.sql:10: unterminated quoted string"},
    {MY, "\n\nSELECT `a", "m.sql:12: unterminated quoted identifier"},
    {MY, "SELECT 1; /* x", "m.sql:10: unterminated block comment"},
    {MY, "SELECT 1;\nDELIMITER\nSELECT 2;", "m.sql:11: DELIMITER must be followed by a delimiter string"},
    {MY, "DELIMITER \\\\", "m.sql:10: DELIMITER cannot contain a backslash"},
    {MY, "DELIMITER 0123456789abcdef", "m.sql:10: DELIMITER longer than 15 bytes"},
    /* psql streams the lines after COPY ... FROM stdin as rows; as SQL they
     * are a syntax error at the first row (issue 13: Pagila's pg_dump) */
    {PG, "SET x = 1;\nCOPY public.\"actor\" (actor_id, name) FROM stdin;\n1\tA\n\\.\n",
     "m.sql:11: COPY ... FROM stdin needs psql to send the rows that follow it; load them with "
     "INSERT (pg_dump --inserts)"},
    {PG, "copy t from STDIN with (format csv)",
     "m.sql:10: COPY ... FROM stdin needs psql to send the rows that follow it; load them with "
     "INSERT (pg_dump --inserts)"},
};

START_TEST(test_unterminated_constructs_are_errors_naming_the_opening_line)
{
    const struct error_case *c = &error_cases[_i];
    struct sg_stmt *v = (struct sg_stmt *)1;
    struct sg_error err;
    size_t n = 99;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(sg_sql_split(c->sql, strlen(c->sql), c->d, "m.sql", 10, &v, &n, &err), -1);
    ck_assert_ptr_null(v);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(err.code, SG_EX_DATA);
    ck_assert_str_eq(err.msg, c->msg);
}
END_TEST

START_TEST(test_split_never_reads_past_len)
{
    static const char sql[] = "SELECT 1; SELECT 'unterminated";
    struct sg_stmt *v;
    struct sg_error err;
    size_t n;

    memset(&err, 0, sizeof err);
    ck_assert_int_eq(sg_sql_split(sql, 8, PG, "f.sql", 1, &v, &n, &err), 0);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(v[0].len, 8);
    free(v);
    ck_assert_int_eq(sg_sql_split(sql, 0, MY, "f.sql", 1, &v, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    free(v);
    ck_assert_int_eq(sg_sql_split(NULL, 0, LITE, "f.sql", 1, &v, &n, &err), 0);
    ck_assert_uint_eq(n, 0);
    free(v);
}
END_TEST

/* A quadratic step anywhere (rescanning for line numbers, growing the array
 * by a constant, naive dollar-tag search) turns these into minutes. */
START_TEST(test_huge_sections_split_in_linear_time)
{
    static const char unit[] = "SELECT 1;\n";
    const size_t count = 2000000, ulen = sizeof unit - 1;
    size_t len = count * ulen, k, n;
    char *sql = malloc(len);
    struct sg_stmt *v;
    struct sg_error err;

    ck_assert_ptr_nonnull(sql);
    for (k = 0; k < count; k++)
        memcpy(sql + k * ulen, unit, ulen);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(sg_sql_split(sql, len, (enum sg_dialect)_i, "big.sql", 1, &v, &n, &err), 0);
    ck_assert_uint_eq(n, count);
    ck_assert_uint_eq(v[count - 1].off, len - ulen);
    ck_assert_int_eq(v[count - 1].line, (int)count);
    free(v);

    /* One statement: a dollar quote with a 64 KiB tag whose body is full
     * of near-misses of that tag (only PostgreSQL has dollar quotes; the
     * others see plain text). */
    {
        const size_t tag = 65536;
        size_t p = 0;

        sql[p++] = '$';
        memset(sql + p, 'a', tag), p += tag;
        sql[p++] = '$';
        while (p + tag + 2 < len - tag - 2) {
            sql[p++] = '$';
            memset(sql + p, 'a', tag - 1), p += tag - 1;
        }
        sql[p++] = '$';
        memset(sql + p, 'a', tag), p += tag;
        sql[p++] = '$';
        ck_assert_int_eq(sg_sql_split(sql, p, (enum sg_dialect)_i, "big.sql", 1, &v, &n, &err), 0);
        ck_assert_uint_eq(n, 1);
        ck_assert_uint_eq(v[0].len, p);
        free(v);
    }
    free(sql);
}
END_TEST

struct keyword_case {
    const char *stmt;
    const char *kw;
};

static const struct keyword_case keyword_cases[] = {
    {"select 1", "SELECT"},
    {"  /* c */ -- d\n\tCreate table t", "CREATE"},
    {"/* a /* nested */ b */ drop table t", "DROP"},
    {"# mysql comment\nupdate t set x = 1", "UPDATE"},
    {"insert_x into", "INSERT_X"},
    {"WITH1 x", "WITH"},
    {"(SELECT 1)", ""},
    {"", ""},
    {"  -- only a comment", ""},
    {"/* unterminated", ""},
};

START_TEST(test_keyword_is_the_first_word_upper_cased_after_comments)
{
    const struct keyword_case *c = &keyword_cases[_i];
    char kw[32];

    memset(kw, 'x', sizeof kw);
    sg_sql_keyword(c->stmt, strlen(c->stmt), kw, sizeof kw);
    ck_assert_str_eq(kw, c->kw);
}
END_TEST

START_TEST(test_keyword_is_truncated_to_the_buffer_and_stays_within_len)
{
    char kw[4] = "zzz";

    sg_sql_keyword("create table", 12, kw, sizeof kw);
    ck_assert_str_eq(kw, "CRE");
    sg_sql_keyword("create table", 2, kw, sizeof kw);
    ck_assert_str_eq(kw, "CR");
    sg_sql_keyword("create", 6, kw, 1);
    ck_assert_str_eq(kw, "");
    kw[0] = 'q';
    sg_sql_keyword("create", 6, kw, 0);
    ck_assert_int_eq(kw[0], 'q');
}
END_TEST

struct txn_case {
    enum sg_dialect d;
    const char *stmt;
    int want;
};

static const struct txn_case txn_cases[] = {
    {PG, "BEGIN", 1},
    {PG, "begin transaction isolation level serializable", 1},
    {PG, "Start Transaction", 1},
    {PG, "START/* c */TRANSACTION READ ONLY", 1},
    {PG, "COMMIT", 1},
    {PG, "commit prepared 'x'", 1},
    {PG, "END", 1},
    {PG, "ROLLBACK TO SAVEPOINT a", 1},
    {PG, "abort", 1},
    {PG, "SAVEPOINT a", 1},
    {PG, "RELEASE SAVEPOINT a", 1},
    {PG, "PREPARE TRANSACTION 'x'", 1},
    {PG, "  -- open one\n/* really */ begin", 1},
    {PG, "PREPARE q AS SELECT 1", 0},
    {PG, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", 0},
    {PG, "SET LOCAL lock_timeout = '1s'", 0},
    {PG, "/* BEGIN */ SELECT 1", 0},
    {PG, "-- COMMIT\nSELECT 1", 0},
    {PG, "SELECT 'BEGIN'", 0},
    {PG, "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END", 0},
    {PG, "BEGINNING", 0},
    {PG, "begin_x", 0},
    {PG, "START", 0},
    {PG, "XA START 'x'", 0},
    {PG, "", 0},
    {MY, "BEGIN WORK", 1},
    {MY, "# c\nCOMMIT", 1},
    {MY, "-- c\nROLLBACK", 1},
    {MY, "START TRANSACTION WITH CONSISTENT SNAPSHOT", 1},
    {MY, "XA START 'x'", 1},
    {MY, "xa commit 'x'", 1},
    {MY, "/*!40000 COMMIT */", 1},
    {MY, "/*!START*/ TRANSACTION", 1},
    {MY, "BEGIN NOT ATOMIC SELECT 1; END", 0},
    {MY, "LOCK TABLES t WRITE", 0},
    {MY, "UNLOCK TABLES", 0},
    {MY, "SET autocommit = 0", 0},
    {MY, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", 0},
    {MY, "#BEGIN\nSELECT 1", 0},
    {MY, "START SLAVE", 0},
    {LITE, "BEGIN IMMEDIATE", 1},
    {LITE, "END TRANSACTION", 1},
    {LITE, "release sp", 1},
    {LITE, "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END", 0},
    {LITE, "# BEGIN", 0},
};

START_TEST(test_txn_control_is_recognised_per_dialect_and_not_fooled_by_comments)
{
    const struct txn_case *c = &txn_cases[_i];

    ck_assert_msg(sg_sql_is_txn_control(c->stmt, strlen(c->stmt), c->d) == c->want,
                  "[%s] dialect %d: want %d", c->stmt, (int)c->d, c->want);
}
END_TEST

START_TEST(test_txn_control_stays_within_len)
{
    ck_assert_int_eq(sg_sql_is_txn_control("BEGINNING", 5, PG), 1);
    ck_assert_int_eq(sg_sql_is_txn_control("START TRANSACTION", 8, PG), 0);
    ck_assert_int_eq(sg_sql_is_txn_control(NULL, 0, PG), 0);
}
END_TEST

struct position_case {
    const char *sql;
    size_t off;
    int line, col;
};

static const struct position_case position_cases[] = {
    {"abc", 0, 7, 1},        {"abc", 2, 7, 3},       {"a\nbc", 1, 7, 2},
    {"a\nbc", 2, 8, 1},      {"a\nbc", 4, 8, 3},     {"\n\n\n", 3, 10, 1},
    {"a\r\nb", 3, 8, 1},     {"\xc3\xa9x", 2, 7, 3}, {"", 0, 7, 1},
};

START_TEST(test_position_maps_a_byte_offset_to_line_and_byte_column)
{
    const struct position_case *c = &position_cases[_i];
    int line = 0, col = 0;

    sg_sql_position(c->sql, c->off, 7, &line, &col);
    ck_assert_int_eq(line, c->line);
    ck_assert_int_eq(col, c->col);
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

START_TEST(test_a_character_position_maps_to_its_byte_offset)
{
    const char *s = "SELECT 'h\xc3\xa9' x"; /* two bytes for one character */

    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), 0, 1), 0);
    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), 10, 1), 11);
    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), 10, 0), 10);
    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), 99, 1), strlen(s));
    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), 99, 0), strlen(s));
    ck_assert_uint_eq(sg_sql_char_offset(s, strlen(s), -1, 0), 0);
}
END_TEST

START_TEST(test_lines_before_a_statement_are_those_after_the_previous_delimiter)
{
    const char *s = "SELECT 1;\n-- why\n\nSELECT x;  /* a\nb */ UPDATE t SET c = 1";

    ck_assert_int_eq(sg_sql_lines_before(s, strlen(s), MY, 0), 0);
    ck_assert_int_eq(sg_sql_lines_before(s, strlen(s), MY, 1), 2);
    ck_assert_int_eq(sg_sql_lines_before(s, strlen(s), MY, 2), 1);
    ck_assert_int_eq(sg_sql_lines_before(s, strlen(s), MY, 3), 0);
}
END_TEST

START_TEST(test_quoting_doubles_the_quote_inside)
{
    struct sg_buf b = {0};

    sg_buf_quoted(&b, "it's", '\'');
    sg_buf_quoted(&b, "", '\'');
    sg_buf_quoted(&b, "a\"b\"\"", '"');
    sg_buf_quoted(&b, "`x`", '`');
    ck_assert_str_eq(b.p, "'it''s'''\"a\"\"b\"\"\"\"\"```x```");
    sg_buf_free(&b);
}
END_TEST

Suite *sqlsplit_suite(void)
{
    Suite *s = suite_create("sqlsplit");
    TCase *tc = tcase_create("split");
    TCase *big = tcase_create("linear");
    TCase *cls = tcase_create("classify");

    tcase_add_loop_test(tc, test_statements_end_at_the_delimiter_outside_quotes_and_comments, 0,
                        NCASES(split_cases));
    tcase_add_test(tc, test_dollar_quoted_body_is_one_statement);
    tcase_add_test(tc, test_statement_position_is_its_first_byte_counted_from_first_line);
    tcase_add_loop_test(tc, test_unterminated_constructs_are_errors_naming_the_opening_line, 0,
                        NCASES(error_cases));
    tcase_add_test(tc, test_split_never_reads_past_len);
    suite_add_tcase(s, tc);

    tcase_set_timeout(big, 60);
    tcase_add_loop_test(big, test_huge_sections_split_in_linear_time, SG_DIALECT_POSTGRES,
                        SG_DIALECT_SQLITE + 1);
    suite_add_tcase(s, big);

    tcase_add_loop_test(cls, test_keyword_is_the_first_word_upper_cased_after_comments, 0,
                        NCASES(keyword_cases));
    tcase_add_test(cls, test_keyword_is_truncated_to_the_buffer_and_stays_within_len);
    tcase_add_loop_test(cls, test_txn_control_is_recognised_per_dialect_and_not_fooled_by_comments,
                        0, NCASES(txn_cases));
    tcase_add_test(cls, test_txn_control_stays_within_len);
    tcase_add_loop_test(cls, test_position_maps_a_byte_offset_to_line_and_byte_column, 0,
                        NCASES(position_cases));
    tcase_add_test(cls, test_a_character_position_maps_to_its_byte_offset);
    tcase_add_test(cls, test_quoting_doubles_the_quote_inside);
    tcase_add_test(cls, test_lines_before_a_statement_are_those_after_the_previous_delimiter);
    suite_add_tcase(s, cls);
    return s;
}
