/* test_cli.c -- the command line: --help byte for byte (as dumb-init tests
 * it), and a table of argument lists with the status and message each must
 * give. Every usage error (64) comes from here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "exitcodes.h"
#include "unit.h"

#define GOLDEN_HELP "tests/unit/golden/help.txt"

/* Reads a whole file (NUL-terminated, owned), or NULL. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;

    if (!f)
        return NULL;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            buf = realloc(buf, cap);
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

START_TEST(test_help_is_printed_to_stdout_byte_for_byte)
{
    char tmp[] = "/tmp/sg-help-XXXXXX";
    int fd = mkstemp(tmp), saved = dup(STDOUT_FILENO);
    size_t got_len, want_len;

    ck_assert_int_ge(fd, 0);
    fflush(stdout);
    dup2(fd, STDOUT_FILENO);
    sg_cli_usage();
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    close(fd);
    char *got = slurp(tmp, &got_len), *want = slurp(GOLDEN_HELP, &want_len);
    unlink(tmp);
    ck_assert_msg(want != NULL, "cannot read %s (run from the repository root)", GOLDEN_HELP);
    ck_assert_msg(got_len == want_len && memcmp(got, want, got_len) == 0,
                  "--help differs from %s:\n%s", GOLDEN_HELP, got);
    free(got);
    free(want);
}
END_TEST

struct cli_case {
    const char *argv[8]; /* after "schemagate" */
    int code; /* 0 ok, else the error's code */
    const char *msg; /* substring of the message, or of a parsed field */
};

static const struct cli_case cases[] = {
    {{"up"}, 0, NULL},
    {{"-u", "sqlite:x.db", "up", "--", "gunicorn", "app:app"}, 0, NULL},
    /* A forgotten `--`: the program would never start. */
    {{"up", "./start.sh"}, SG_EX_USAGE, "unexpected argument '...' after up: to run a program"},
    {{"up", "gunicorn"}, SG_EX_USAGE, "put -- before it (schemagate up -- gunicorn"},
    {{"up", "a", "b"}, SG_EX_USAGE, "unexpected argument 'a' after up"},
    {{"wait", "app"}, SG_EX_USAGE, "unexpected argument 'app' after wait"},
    {{"status", "x"}, SG_EX_USAGE, "after status"},
    {{"up", "--to=002"}, 0, "to=2"},
    {{"up", "--to", "000002"}, 0, "to=2"},
    {{"up", "--to=abc"}, SG_EX_USAGE, "--to: 'abc' is not a version"},
    {{"up", "--to=2x"}, SG_EX_USAGE, "is not a version"},
    {{"status", "--to=2"}, SG_EX_USAGE, "--to applies to up only"},
    {{"down"}, 0, "count=1"},
    {{"down", "3"}, 0, "count=3"},
    {{"down", "0"}, SG_EX_USAGE, "positive count"},
    {{"down", "-1"}, SG_EX_USAGE, "unknown option -1"},
    {{"down", "2x"}, SG_EX_USAGE, "positive count"},
    {{"redo", "2"}, SG_EX_USAGE, "after redo"},
    {{"repair", "0042", "--applied"}, 0, "version=42"},
    {{"repair", "42"}, SG_EX_USAGE, "--applied or --not-applied"},
    {{"repair", "--applied"}, SG_EX_USAGE, "repair needs a VERSION"},
    {{"repair", "v1", "--applied"}, SG_EX_USAGE, "repair needs a VERSION"},
    {{"baseline", "7"}, 0, "version=7"},
    {{"baseline"}, SG_EX_USAGE, "baseline needs a VERSION"},
    {{"adopt", "--from=dbmate"}, 0, NULL},
    {{"adopt", "--from=flyway"}, SG_EX_USAGE, "adopt needs --from"},
    {{"new", "add_users"}, 0, "name=add_users"},
    {{"new"}, SG_EX_USAGE, "new needs a NAME"},
    {{"new", "bad name"}, SG_EX_USAGE, "not a valid migration name"},
    {{"status", "--format=yaml"}, SG_EX_USAGE, "--format"},
    {{"lock"}, SG_EX_USAGE, "lock needs -- COMMAND"},
    {{"status", "--", "x"}, SG_EX_USAGE, "only up, wait and lock take -- PROGRAM"},
    {{"frobnicate"}, SG_EX_USAGE, "unknown command 'frobnicate'"},
    {{"up", "--nope"}, SG_EX_USAGE, "unknown option --nope"},
    {{"up", "--table"}, SG_EX_USAGE, "needs a value"},
    {{NULL}, SG_EX_USAGE, "no command given"},
    /* Never echo what may be a password. */
    {{"postgres://u:s3cret@h/db"}, SG_EX_USAGE, "unknown command '...'"},
    {{"up", "--lock-timeout=forever"}, SG_EX_CONFIG, "invalid duration"},
    {{"up", "--table=a-b"}, SG_EX_CONFIG, "not a plain identifier"},
    {{"up", "--ddl-retries=1001"}, SG_EX_CONFIG, "0 to 1000"},
    {{"up", "--log-format=xml"}, SG_EX_CONFIG, "unknown log format"},
};

START_TEST(test_arguments_give_the_documented_status_and_message)
{
    const struct cli_case *c = &cases[_i];
    char *argv[10] = {(char *)"schemagate"};
    int argc = 1;
    struct sg_options o;
    struct sg_error e = {0};
    char fields[256];

    unsetenv("DATABASE_URL");
    unsetenv("DATABASE_URL_FILE");
    for (int i = 0; c->argv[i]; i++)
        argv[argc++] = (char *)c->argv[i];
    int rc = sg_cli_parse(argc, argv, &o, &e);
    snprintf(fields, sizeof fields, "to=%s count=%lld version=%s name=%s",
             o.to_version ? o.to_version : "-", o.count, o.version, o.name ? o.name : "-");
    if (c->code == 0) {
        ck_assert_msg(rc == 0, "[%d] %s", _i, e.msg);
        if (c->msg)
            ck_assert_msg(strstr(fields, c->msg), "[%d] %s", _i, fields);
    } else {
        ck_assert_msg(rc == -1 && e.code == c->code, "[%d] rc %d code %d: %s", _i, rc, e.code,
                      e.msg);
        ck_assert_msg(strstr(e.msg, c->msg), "[%d] '%s' lacks '%s'", _i, e.msg, c->msg);
        ck_assert_msg(!strstr(e.msg, "s3cret"), "[%d] echoed a secret: %s", _i, e.msg);
    }
    sg_cli_free(&o);
}
END_TEST

START_TEST(test_a_flag_wins_over_its_environment_twin)
{
    char *argv[] = {(char *)"schemagate", (char *)"--table=from_flag", (char *)"up", NULL};
    char *argv2[] = {(char *)"schemagate", (char *)"up", NULL};
    struct sg_options o;
    struct sg_error e = {0};

    setenv("SCHEMAGATE_TABLE", "from_env", 1);
    setenv("SCHEMAGATE_LOCK_TIMEOUT", "2m", 1);
    setenv("DATABASE_URL", "sqlite:env.db", 1);
    unsetenv("DATABASE_URL_FILE");
    ck_assert_int_eq(sg_cli_parse(3, argv, &o, &e), 0);
    ck_assert_str_eq(o.table, "from_flag");
    ck_assert_int_eq(o.lock_timeout_ms, 120000);
    ck_assert_str_eq(o.database_url, "sqlite:env.db");
    ck_assert_str_eq(o.database_url_source, "DATABASE_URL");
    sg_cli_free(&o);
    ck_assert_int_eq(sg_cli_parse(2, argv2, &o, &e), 0);
    ck_assert_str_eq(o.table, "from_env");
    sg_cli_free(&o);
    setenv("DATABASE_URL_FILE", "/nonexistent", 1);
    ck_assert_int_eq(sg_cli_parse(2, argv2, &o, &e), -1);
    ck_assert_int_eq(e.code, SG_EX_CONFIG);
    ck_assert_msg(strstr(e.msg, "both DATABASE_URL and DATABASE_URL_FILE"), "%s", e.msg);
    sg_cli_free(&o);
}
END_TEST

START_TEST(test_help_and_version_stop_parsing)
{
    char *argv[] = {(char *)"schemagate", (char *)"--help", (char *)"--bogus", NULL};
    char *argv2[] = {(char *)"schemagate", (char *)"-V", NULL};
    struct sg_options o;
    struct sg_error e = {0};

    ck_assert_int_eq(sg_cli_parse(3, argv, &o, &e), 0);
    ck_assert_int_eq(o.command, SG_CMD_HELP);
    ck_assert_int_eq(sg_cli_parse(2, argv2, &o, &e), 0);
    ck_assert_int_eq(o.command, SG_CMD_VERSION);
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("cli");

    tcase_add_test(tc, test_help_is_printed_to_stdout_byte_for_byte);
    tcase_add_loop_test(tc, test_arguments_give_the_documented_status_and_message, 0,
                        (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_a_flag_wins_over_its_environment_twin);
    tcase_add_test(tc, test_help_and_version_stop_parsing);
    suite_add_tcase(s, tc);
    return s;
}
