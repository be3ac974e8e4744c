/* test_migration.c -- file-name grammar, version order, sections and
 * directives, checksums, and loading a directory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checksum.h"
#include "exitcodes.h"
#include "migration.h"
#include "unit.h"

static const struct {
    const char *fname, *version, *name;
    int layout;
} names[] = {
    {"20240101120000_create_users.sql", "20240101120000", "create_users", 0},
    {"001_init.up.sql", "1", "init", 1},
    {"001_init.down.sql", "1", "init", 2},
    {"0_zero.sql", "0", "zero", 0},
    {"00000000000000000042_x.sql", "42", "x", 0},
    {"12_with.dots-and-dashes.sql", "12", "with.dots-and-dashes", 0},
    {"README.md", NULL, NULL, -2},
    {".hidden.sql", NULL, NULL, -2},
    {"schema.sql", NULL, NULL, -1},
    {"12.sql", NULL, NULL, -1},
    {"12_.sql", NULL, NULL, -1},
    {"123456789012345678901_too_long.sql", NULL, NULL, -1},
    {"12_bad name.sql", NULL, NULL, -1},
    {"12_semi;colon.sql", NULL, NULL, -1},
    {"x12_a.sql", NULL, NULL, -1},
    /* What the peers read (tests/corpus/PEERS.md): dbmate's VERSION-name,
     * golang-migrate's any-case extension -- and what it reads that we do
     * not, refused rather than skipped. */
    {"00000000000000-initial-schema.sql", "0", "initial-schema", 0},
    {"0200_x.up.SQL", "200", "x", 1},
    {"0200_x.Down.sql", "200", "x.Down", 0}, /* dbmate's: any name before .sql */
    {"12-x.up.sql", NULL, NULL, -1},
    {"0200_x.up.txt", NULL, NULL, -3},
    {"7_x.down.sql.bak", NULL, NULL, -3},
    {"12_x.SQL", NULL, NULL, -2},
    {"notes.up.txt", NULL, NULL, -2},
};

START_TEST(test_file_names_follow_both_layouts)
{
    char version[SG_VERSION_MAX + 1] = "";
    char *name = NULL;
    int layout = sg_migration_name_parse(names[_i].fname, version, &name);
    ck_assert_msg(layout == names[_i].layout, "%s: layout %d", names[_i].fname, layout);
    if (layout >= 0) {
        ck_assert_str_eq(version, names[_i].version);
        ck_assert_str_eq(name, names[_i].name);
    }
    free(name);
}
END_TEST

START_TEST(test_versions_compare_as_numbers_not_strings)
{
    char a[SG_VERSION_MAX + 1], b[SG_VERSION_MAX + 1];
    ck_assert_int_lt(sg_version_cmp("2", "10"), 0);
    ck_assert_int_gt(sg_version_cmp("20240101000000", "99"), 0);
    ck_assert_int_eq(sg_version_cmp("7", "7"), 0);
    ck_assert_int_eq(sg_version_canon("0042", a), 0);
    ck_assert_str_eq(a, "42");
    ck_assert_int_eq(sg_version_canon("99999999999999999999", b), 0);
    ck_assert_int_gt(sg_version_cmp(b, "18446744073709551615"), 0); /* beyond 64 bits */
    ck_assert_int_eq(sg_version_canon("-1", a), -1);
    ck_assert_int_eq(sg_version_canon("", a), -1);
    ck_assert_int_eq(sg_version_canon("123456789012345678901", a), -1);
}
END_TEST

static int parse(struct sg_migration *m, const char *file, const char *text, int layout,
                 struct sg_error *err)
{
    memset(m, 0, sizeof *m);
    m->up.lock_timeout_ms = m->down.lock_timeout_ms = -1;
    m->file = strdup(file);
    m->name = strdup("x");
    return sg_migration_parse(m, text, strlen(text), layout, err);
}

START_TEST(test_dbmate_sections_and_their_lines)
{
    struct sg_migration m;
    struct sg_error err = {0};
    const char *text = "-- a comment\n\n-- migrate:up\nCREATE TABLE t (x int);\n"
                       "-- migrate:down\nDROP TABLE t;\n";
    ck_assert_int_eq(parse(&m, "1_x.sql", text, 0, &err), 0);
    ck_assert_str_eq(m.up.sql, "CREATE TABLE t (x int);\n");
    ck_assert_int_eq(m.up.line, 4);
    ck_assert_str_eq(m.down.sql, "DROP TABLE t;\n");
    ck_assert_int_eq(m.down.line, 6);
    ck_assert_int_eq(m.up.no_transaction, 0);
    char hex[65];
    sg_sha256_hex(m.up.sql, m.up.len, hex);
    ck_assert_str_eq(m.checksum, hex);
    sg_migration_clear(&m);
}
END_TEST

START_TEST(test_directives_on_the_up_line)
{
    struct sg_migration m;
    struct sg_error err = {0};
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up transaction:false lock_timeout:30s\n"
                                           "CREATE INDEX CONCURRENTLY i ON t (x);\n", 0, &err), 0);
    ck_assert_int_eq(m.up.no_transaction, 1);
    ck_assert_int_eq(m.up.lock_timeout_ms, 30000);
    sg_migration_clear(&m);
    ck_assert_int_eq(parse(&m, "1_x.up.sql", "-- migrate:up transaction:false\nVACUUM;\n", 1, &err), 0);
    ck_assert_int_eq(m.up.no_transaction, 1);
    ck_assert_str_eq(m.up.sql, "-- migrate:up transaction:false\nVACUUM;\n");
    sg_migration_clear(&m);
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up lock_timeout:soon\nSELECT 1;\n", 0, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_DATA);
    ck_assert_msg(strstr(err.msg, "1_x.sql:1:") != NULL, "%s", err.msg);
    sg_migration_clear(&m);
}
END_TEST

/* dbmate: each section has its own options (issue 13). */
START_TEST(test_directives_on_the_down_line_are_the_down_sections)
{
    struct sg_migration m;
    struct sg_error err = {0};
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up\nSELECT 1;\n"
                                           "-- migrate:down transaction:false lock_timeout:2s\n"
                                           "VACUUM;\n", 0, &err), 0);
    ck_assert_int_eq(m.up.no_transaction, 0);
    ck_assert_int_eq(m.up.lock_timeout_ms, -1);
    ck_assert_int_eq(m.down.no_transaction, 1);
    ck_assert_int_eq(m.down.lock_timeout_ms, 2000);
    sg_migration_clear(&m);
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up transaction:false\nVACUUM;\n"
                                           "-- migrate:down\nSELECT 1;\n", 0, &err), 0);
    ck_assert_int_eq(m.up.no_transaction, 1);
    ck_assert_int_eq(m.down.no_transaction, 0);
    sg_migration_clear(&m);
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down bogus\n", 0,
                           &err), -1);
    ck_assert_msg(strstr(err.msg, "1_x.sql:3: unknown directive 'bogus'"), "%s", err.msg);
    sg_migration_clear(&m);
    /* A golang .down.sql file's leading marker: the error names that file
     * (found by fuzz_migration: it named the .up.sql). */
    memset(&m, 0, sizeof m);
    m.up.lock_timeout_ms = m.down.lock_timeout_ms = -1;
    m.file = strdup("1_x.up.sql");
    m.down_file = strdup("1_x.down.sql");
    m.name = strdup("x");
    const char *down = "-- migrate:down bogus\nDROP TABLE t;\n";
    ck_assert_int_eq(sg_migration_parse(&m, down, strlen(down), 2, &err), -1);
    ck_assert_msg(strstr(err.msg, "1_x.down.sql:1: unknown directive 'bogus'"), "%s", err.msg);
    sg_migration_clear(&m);
}
END_TEST

/* dbmate 2.29 and later: several up/down pairs in one file. schemagate runs
 * all the up sections as one (dbmate's README: "either succeeds or fails as
 * a whole"), lines and columns still the file's own. */
START_TEST(test_several_sections_in_one_file_run_as_one)
{
    struct sg_migration m;
    struct sg_error err = {0};
    const char *text = "-- migrate:up\nCREATE TABLE a (x int);\n-- migrate:down\nDROP TABLE a;\n"
                       "-- migrate:up\nCREATE TABLE b (x int);\n-- migrate:down\nDROP TABLE b;\n";

    ck_assert_int_eq(parse(&m, "1_x.sql", text, 0, &err), 0);
    ck_assert_int_eq(m.up.line, 2);
    ck_assert_str_eq(m.up.sql, "CREATE TABLE a (x int);\n               \n             \n"
                               "             \nCREATE TABLE b (x int);\n");
    ck_assert_int_eq(m.down.line, 4);
    ck_assert_str_eq(m.down.sql, "DROP TABLE a;\n             \n                       \n"
                                 "               \nDROP TABLE b;\n");
    sg_migration_clear(&m);
    /* Options must agree: they describe the one section schemagate runs. */
    ck_assert_int_eq(parse(&m, "1_x.sql",
                           "-- migrate:up\nSELECT 1;\n-- migrate:up transaction:false\nVACUUM;\n", 0,
                           &err),
                     -1);
    ck_assert_msg(strstr(err.msg, "1_x.sql:3: this -- migrate:up has other options than the one "
                                  "on line 1"),
                  "%s", err.msg);
    sg_migration_clear(&m);
    ck_assert_int_eq(parse(&m, "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n"
                                          "SELECT 2;\n-- migrate:down\nSELECT 3;\n", 0, &err),
                     -1);
    ck_assert_msg(strstr(err.msg, "1_x.sql:5: -- migrate:down after another -- migrate:down"),
                  "%s", err.msg);
    sg_migration_clear(&m);
}
END_TEST

/* A CRLF checkout (git autocrlf, a Windows editor) is not a change: the
 * checksum normalises line endings, as Flyway's does; the raw one is kept
 * for ledgers written before (issue 14). */
START_TEST(test_line_endings_do_not_change_the_checksum)
{
    struct sg_migration lf, crlf;
    struct sg_error err = {0};

    ck_assert_int_eq(parse(&lf, "1_x.sql", "-- migrate:up\nSELECT 1;\nSELECT 2;\n", 0, &err), 0);
    ck_assert_int_eq(parse(&crlf, "1_x.sql", "-- migrate:up\r\nSELECT 1;\r\nSELECT 2;\r\n", 0, &err),
                     0);
    ck_assert_str_eq(lf.checksum, crlf.checksum);
    ck_assert_str_eq(lf.checksum, lf.checksum_raw);
    ck_assert_str_ne(crlf.checksum, crlf.checksum_raw);
    sg_migration_clear(&lf);
    sg_migration_clear(&crlf);
}
END_TEST

START_TEST(test_checksum_is_sha256_of_the_up_section)
{
    char hex[65];
    /* echo -n abc | sha256sum */
    sg_sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    struct sg_migration a, b;
    struct sg_error err = {0};
    parse(&a, "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n", 0, &err);
    parse(&b, "1_x.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 3;\n", 0, &err);
    ck_assert_str_eq(a.checksum, b.checksum); /* the down section does not count */
    sg_migration_clear(&b);
    parse(&b, "1_x.sql", "-- migrate:up\nSELECT 1; \n", 0, &err);
    ck_assert_str_ne(a.checksum, b.checksum);
    sg_migration_clear(&a);
    sg_migration_clear(&b);
}
END_TEST

static char *mkdir_with(const char *const files[][2])
{
    char tmpl[] = "/tmp/sg-unit-XXXXXX";
    char *d = strdup(mkdtemp(tmpl));
    for (size_t i = 0; files[i][0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", d, files[i][0]);
        FILE *f = fopen(path, "w");
        fputs(files[i][1], f);
        fclose(f);
    }
    return d;
}

static void rmdir_all(char *d)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    ck_assert_int_eq(system(cmd), 0);
    free(d);
}

START_TEST(test_directory_loads_in_version_order_pairing_golang_files)
{
    const char *const files[][2] = {
        {"10_ten.sql", "-- migrate:up\nSELECT 10;\n"},
        {"2_two.up.sql", "SELECT 2;\n"},
        {"2_two.down.sql", "SELECT -2;\n"},
        {"1_one.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\n\n"},
        {"notes.txt", "ignored"},
        {NULL, NULL}};
    char *d = mkdir_with(files);
    struct sg_migration_set set;
    struct sg_error err = {0};
    ck_assert_msg(sg_migrations_load(d, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 3);
    ck_assert_str_eq(set.v[0].version, "1");
    /* An empty down is a no-op down, as in dbmate and golang-migrate. */
    ck_assert_ptr_nonnull(set.v[0].down.sql);
    ck_assert_str_eq(set.v[0].down.sql, "\n");
    ck_assert_str_eq(set.v[1].file, "2_two.up.sql");
    ck_assert_str_eq(set.v[1].down_file, "2_two.down.sql");
    ck_assert_str_eq(set.v[1].down.sql, "SELECT -2;\n");
    ck_assert_str_eq(set.v[2].version, "10");
    sg_migrations_free(&set);
    rmdir_all(d);
}
END_TEST

static const struct {
    const char *files[3][2];
    const char *expect;
    int code;
} bad_dirs[] = {
    {{{"1_a.sql", "-- migrate:up\nSELECT 1;\n"}, {"01_b.sql", "-- migrate:up\nSELECT 1;\n"}, {NULL, NULL}},
     "two migrations with version 1", SG_EX_DATA},
    {{{"1_a.up.sql", "SELECT 1;\n"}, {"1_a.sql", "-- migrate:up\nSELECT 1;\n"}, {NULL, NULL}},
     "two migrations with version 1", SG_EX_DATA},
    {{{"1_a.up.sql", "SELECT 1;\n"}, {"1_b.down.sql", "SELECT 1;\n"}, {NULL, NULL}},
     "two migrations with version 1", SG_EX_DATA},
    {{{"schema.sql", "SELECT 1;\n"}, {NULL, NULL}, {NULL, NULL}}, "schema.sql: not a migration", SG_EX_DATA},
    {{{"1_a.sql", "SELECT 1;\n-- migrate:up\n"}, {NULL, NULL}, {NULL, NULL}}, "1_a.sql:1: SQL before -- migrate:up", SG_EX_DATA},
    {{{"1_a.sql", "-- migrate:down\nSELECT 1;\n"}, {NULL, NULL}, {NULL, NULL}},
     "1_a.sql:1: -- migrate:down before -- migrate:up", SG_EX_DATA},
    {{{"1_a.up.sql", "SELECT 1;\n-- migrate:down\n"}, {NULL, NULL}, {NULL, NULL}},
     "1_a.up.sql:2: -- migrate:down in a .up.sql file", SG_EX_DATA},
};

START_TEST(test_bad_directories_name_the_file)
{
    char *d = mkdir_with(bad_dirs[_i].files);
    struct sg_migration_set set;
    struct sg_error err = {0};
    ck_assert_int_eq(sg_migrations_load(d, &set, &err), -1);
    ck_assert_int_eq(err.code, bad_dirs[_i].code);
    ck_assert_msg(strstr(err.msg, bad_dirs[_i].expect) != NULL, "%s", err.msg);
    ck_assert_int_eq(set.n, 0);
    rmdir_all(d);
}
END_TEST

START_TEST(test_a_byte_order_mark_is_skipped_and_a_directory_named_like_a_migration_ignored)
{
    const char *const files[][2] = {{"1_bom.sql", "\xEF\xBB\xBF-- migrate:up\nSELECT 1;\n"},
                                    {"2_bom.up.sql", "\xEF\xBB\xBFSELECT 2;\n"},
                                    {NULL, NULL}};
    char *d = mkdir_with(files);
    struct sg_migration_set set;
    struct sg_error err = {0};
    char sub[600];

    snprintf(sub, sizeof sub, "%s/3_dir.sql", d);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    ck_assert_msg(sg_migrations_load(d, &set, &err) == 0, "%s", err.msg);
    ck_assert_int_eq(set.n, 2);
    ck_assert_str_eq(set.v[0].up.sql, "SELECT 1;\n");
    ck_assert_str_eq(set.v[1].up.sql, "SELECT 2;\n");
    sg_migrations_free(&set);
    rmdir(sub);
    rmdir_all(d);
}
END_TEST

START_TEST(test_missing_directory_is_66)
{
    struct sg_migration_set set;
    struct sg_error err = {0};
    ck_assert_int_eq(sg_migrations_load("/nonexistent/migrations", &set, &err), -1);
    ck_assert_int_eq(err.code, SG_EX_NOINPUT);
}
END_TEST

Suite *migration_suite(void)
{
    Suite *s = suite_create("migration");
    TCase *tc = tcase_create("migration");

    tcase_add_loop_test(tc, test_file_names_follow_both_layouts, 0,
                        (int)(sizeof names / sizeof names[0]));
    tcase_add_test(tc, test_versions_compare_as_numbers_not_strings);
    tcase_add_test(tc, test_dbmate_sections_and_their_lines);
    tcase_add_test(tc, test_directives_on_the_up_line);
    tcase_add_test(tc, test_directives_on_the_down_line_are_the_down_sections);
    tcase_add_test(tc, test_checksum_is_sha256_of_the_up_section);
    tcase_add_test(tc, test_directory_loads_in_version_order_pairing_golang_files);
    tcase_add_loop_test(tc, test_bad_directories_name_the_file, 0,
                        (int)(sizeof bad_dirs / sizeof bad_dirs[0]));
    tcase_add_test(tc, test_missing_directory_is_66);
    tcase_add_test(tc, test_line_endings_do_not_change_the_checksum);
    tcase_add_test(tc, test_several_sections_in_one_file_run_as_one);
    tcase_add_test(tc, test_a_byte_order_mark_is_skipped_and_a_directory_named_like_a_migration_ignored);
    suite_add_tcase(s, tc);
    return s;
}
