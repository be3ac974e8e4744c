/* test_log.c -- every line on stderr is one line: text or one JSON object,
 * whatever a file name or a server message holds (CWE-117). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "unit.h"

/* Runs fn with stderr captured; returns what it wrote (owned). */
static char *capture(void (*fn)(void))
{
    char tmp[] = "/tmp/sg-log-XXXXXX";
    int fd = mkstemp(tmp), saved = dup(STDERR_FILENO);
    static char buf[65536];
    ssize_t n;

    ck_assert_int_ge(fd, 0);
    dup2(fd, STDERR_FILENO);
    fn();
    dup2(saved, STDERR_FILENO);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    unlink(tmp);
    buf[n > 0 ? n : 0] = '\0';
    return strdup(buf);
}

static void text_lines(void)
{
    sg_log_setup(SG_LOG_INFO, SG_LOG_TEXT);
    sg_log(SG_LOG_DEBUG, "hidden", SG_NOFIELDS, "not shown");
    sg_log(SG_LOG_INFO, "applied", SG_F(SG_S("file", "x")), "applied %s", "001_a.sql");
    sg_log(SG_LOG_WARN, "w", SG_NOFIELDS, "careful");
    sg_log(SG_LOG_ERROR, "fatal", SG_NOFIELDS, "evil\nschemagate: forged\x1b[31m");
}

START_TEST(test_text_lines_carry_the_level_and_escape_control_bytes)
{
    char *o = capture(text_lines);
    ck_assert_str_eq(o, "schemagate: applied 001_a.sql\n"
                        "schemagate: warning: careful\n"
                        "schemagate: fatal: evil\\x0aschemagate: forged\\x1b[31m\n");
    free(o);
}
END_TEST

static void json_lines(void)
{
    char big[3000];

    memset(big, '\x01', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    sg_log_setup(SG_LOG_DEBUG, SG_LOG_JSON);
    sg_log(SG_LOG_INFO, "applied", SG_F(SG_S("file", "a\"b\\c"), SG_I("ms", 12)), "applied %s",
           "x");
    sg_log(SG_LOG_ERROR, "fatal", SG_F(SG_S("error", big)), "%s", big);
}

START_TEST(test_json_lines_are_complete_objects_even_when_truncated)
{
    char *o = capture(json_lines), *save = NULL;
    int lines = 0;

    for (char *l = strtok_r(o, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(l);
        lines++;
        ck_assert_msg(strncmp(l, "{\"ts\":\"", 7) == 0 && n > 2 && l[n - 1] == '}', "%.200s",
                      l);
        for (size_t i = 0; i < n; i++)
            ck_assert_msg((unsigned char)l[i] >= 0x20, "raw control byte at %zu", i);
    }
    ck_assert_int_eq(lines, 2);
    free(o);
    o = capture(json_lines);
    ck_assert_msg(strstr(o, "\"event\":\"applied\",\"msg\":\"applied x\",\"file\":\"a\\\"b\\\\c\","
                            "\"ms\":12}\n"),
                  "%s", o);
    ck_assert_msg(strstr(o, "\"level\":\"error\""), "%s", o);
    free(o);
}
END_TEST

Suite *log_suite(void)
{
    Suite *s = suite_create("log");
    TCase *tc = tcase_create("log");

    tcase_add_test(tc, test_text_lines_carry_the_level_and_escape_control_bytes);
    tcase_add_test(tc, test_json_lines_are_complete_objects_even_when_truncated);
    suite_add_tcase(s, tc);
    return s;
}
