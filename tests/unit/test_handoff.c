/* test_handoff.c -- signals while schemagate works and the exec into the
 * app: what was inherited is what the app gets (tini's restore_signals),
 * a signal cancels the watched statement, exec failures are 126/127. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcodes.h"
#include "fake_driver.h"
#include "handoff.h"
#include "log.h"
#include "unit.h"

START_TEST(test_install_unblocks_term_and_restore_gives_back_what_was_inherited)
{
    sigset_t set, now;
    struct sigaction sa;

    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGINT, SIG_IGN);
    ck_assert_int_eq(sg_signals_install(), 0);
    sigprocmask(SIG_SETMASK, NULL, &now);
    ck_assert_int_eq(sigismember(&now, SIGTERM), 0); /* we must hear TERM */
    ck_assert_int_eq(sigismember(&now, SIGUSR1), 1); /* the rest is untouched */
    sigaction(SIGPIPE, NULL, &sa);
    ck_assert_ptr_eq((void *)sa.sa_handler, (void *)SIG_IGN);
    sg_signals_restore();
    sigprocmask(SIG_SETMASK, NULL, &now);
    ck_assert_int_eq(sigismember(&now, SIGTERM), 1);
    sigaction(SIGINT, NULL, &sa);
    ck_assert_ptr_eq((void *)sa.sa_handler, (void *)SIG_IGN);
    sigaction(SIGPIPE, NULL, &sa);
    ck_assert_ptr_eq((void *)sa.sa_handler, (void *)SIG_DFL);
}
END_TEST

static int interrupts;
static void count_interrupt(struct sg_conn *c)
{
    (void)c;
    interrupts++;
}

START_TEST(test_a_signal_is_recorded_and_cancels_the_watched_statement)
{
    struct sg_driver d = fake_driver;
    struct sg_conn c = {.driver = &d};

    d.interrupt = count_interrupt;
    ck_assert_int_eq(sg_signals_install(), 0);
    sg_signals_watch(&c);
    ck_assert_int_eq(sg_signal_pending(), 0);
    raise(SIGTERM);
    ck_assert_int_eq(sg_signal_pending(), SIGTERM);
    ck_assert_int_eq(interrupts, 1);
    raise(SIGINT); /* the first signal is the one reported */
    ck_assert_int_eq(sg_signal_pending(), SIGTERM);
    int tty = -1;
    ck_assert_int_eq(sg_signal_take(&tty), SIGTERM);
    ck_assert_int_eq(tty, 0); /* raise(): from a process, not a terminal */
    ck_assert_int_eq(sg_signal_pending(), 0);
    sg_signals_watch(NULL);
    raise(SIGHUP);
    ck_assert_int_eq(interrupts, 2); /* SIGINT; not SIGHUP: nothing watched */
    ck_assert_int_eq(sg_signal_take(NULL), SIGHUP);
}
END_TEST

START_TEST(test_a_signal_while_connecting_exits_at_once_with_128_plus_n)
{
    ck_assert_int_eq(sg_signals_install(), 0);
    sg_signals_exit_while(1, "connecting");
    raise(SIGTERM);
    ck_abort_msg("still running after SIGTERM while connecting");
}
END_TEST

START_TEST(test_env_scrub_removes_each_listed_variable)
{
    setenv("SG_A", "1", 1);
    setenv("SG_B", "2", 1);
    setenv("SG_C", "3", 1);
    sg_env_scrub("SG_A,,SG_C,SG_MISSING");
    ck_assert_ptr_null(getenv("SG_A"));
    ck_assert_str_eq(getenv("SG_B"), "2");
    ck_assert_ptr_null(getenv("SG_C"));
    sg_env_scrub(NULL);
}
END_TEST

START_TEST(test_exec_failure_is_127_not_found_and_126_not_runnable)
{
    char *missing[] = {(char *)"/nonexistent/schemagate-app", NULL};
    char path[] = "/tmp/sg-noexec-XXXXXX";
    int fd = mkstemp(path);
    char *noexec[] = {path, NULL};

    sg_log_setup(SG_LOG_QUIET, SG_LOG_TEXT);
    ck_assert_int_eq(sg_exec(missing), SG_EX_NOT_FOUND);
    ck_assert_int_ge(fd, 0);
    close(fd);
    chmod(path, 0644);
    ck_assert_int_eq(sg_exec(noexec), SG_EX_CANNOT_EXEC);
    unlink(path);
}
END_TEST

Suite *handoff_suite(void)
{
    Suite *s = suite_create("handoff");
    TCase *tc = tcase_create("handoff");

    tcase_add_test(tc, test_install_unblocks_term_and_restore_gives_back_what_was_inherited);
    tcase_add_test(tc, test_a_signal_is_recorded_and_cancels_the_watched_statement);
    tcase_add_exit_test(tc, test_a_signal_while_connecting_exits_at_once_with_128_plus_n, 143);
    tcase_add_test(tc, test_env_scrub_removes_each_listed_variable);
    tcase_add_test(tc, test_exec_failure_is_127_not_found_and_126_not_runnable);
    suite_add_tcase(s, tc);
    return s;
}
