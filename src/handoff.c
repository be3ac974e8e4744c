/* handoff.c -- termination signals while schemagate works, and the exec
 * into the application. Modelled on tini's restore_signals(): whatever mask
 * and dispositions we inherited are what the app gets. */
#include "handoff.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"
#include "exitcodes.h"
#include "log.h"

static const int term_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT};
#define NSIG_TERM (sizeof term_signals / sizeof term_signals[0])

static volatile sig_atomic_t pending;
static volatile sig_atomic_t pending_from_kernel; /* a terminal's ^C, not kill() */
static struct sg_conn *volatile watched;
static sigset_t saved_mask;
static struct sigaction saved_act[NSIG_TERM];
static struct sigaction saved_pipe;
static int installed;
/* While a blocking connect runs there is nothing to roll back and no lock
 * to release: a termination signal ends the process from the handler. */
static volatile sig_atomic_t exit_on_signal;
static char exit_line[2][256]; /* [0] up to the signal number, [1] after it */

static void on_signal(int signo, siginfo_t *info, void *ctx)
{
    int saved = errno;
    struct sg_conn *c = watched;

    (void)ctx;
    if (exit_on_signal) {
        char num[4] = {(char)('0' + signo / 10), (char)('0' + signo % 10), 0, 0};
        const char *n = signo >= 10 ? num : num + 1;
        /* write(2) and _exit(2) only: both async-signal-safe. */
        (void)!write(STDERR_FILENO, exit_line[0], strlen(exit_line[0]));
        (void)!write(STDERR_FILENO, n, strlen(n));
        (void)!write(STDERR_FILENO, exit_line[1], strlen(exit_line[1]));
        _exit(SG_EX_SIGNAL_BASE + signo);
    }
    if (!pending) {
        pending = signo;
        pending_from_kernel = info && info->si_code == SI_KERNEL;
    }
    /* Cancel the running statement so the wait or migration ends now; the
     * driver's interrupt is async-signal-safe (PQcancel, sqlite3_interrupt). */
    if (c && c->driver->interrupt)
        c->driver->interrupt(c);
    errno = saved;
}

int sg_signals_install(void)
{
    struct sigaction sa;
    sigset_t unblock;

    if (installed)
        return 0;
    sigprocmask(SIG_SETMASK, NULL, &saved_mask);
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    /* No SA_RESTART: a blocking sleep or poll must return so we can stop. */
    sigemptyset(&unblock);
    for (size_t i = 0; i < NSIG_TERM; i++) {
        if (sigaction(term_signals[i], &sa, &saved_act[i]) < 0)
            return -1;
        sigaddset(&unblock, term_signals[i]);
    }
    /* A dead server socket must be an error return, not a silent death. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, &saved_pipe);
    /* A parent may have blocked TERM; while we hold a lock we must hear it. */
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    installed = 1;
    return 0;
}

int sg_signal_pending(void)
{
    return pending;
}

int sg_signal_take(int *from_terminal)
{
    int s = pending;

    if (from_terminal)
        *from_terminal = pending_from_kernel;
    pending = 0;
    pending_from_kernel = 0;
    return s;
}

void sg_signals_exit_while(int connecting, const char *what)
{
    if (connecting) {
        if (sg_log_format() == SG_LOG_JSON) {
            char when[40];
            struct timespec ts;
            struct tm tm;
            clock_gettime(CLOCK_REALTIME, &ts);
            gmtime_r(&ts.tv_sec, &tm);
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
            snprintf(exit_line[0], sizeof exit_line[0],
                     "{\"ts\":\"%s.%03ldZ\",\"level\":\"error\",\"event\":\"fatal\","
                     "\"msg\":\"stopped while %s\",\"signal\":",
                     when, ts.tv_nsec / 1000000, what);
            snprintf(exit_line[1], sizeof exit_line[1], "}\n");
        } else {
            snprintf(exit_line[0], sizeof exit_line[0], "schemagate: fatal: stopped by signal ");
            snprintf(exit_line[1], sizeof exit_line[1], " while %s\n", what);
        }
        if (sg_signal_pending())
            _exit(SG_EX_SIGNAL_BASE + sg_signal_pending());
    }
    exit_on_signal = connecting;
}

void sg_signals_watch(struct sg_conn *c)
{
    watched = c;
}

void sg_signals_restore(void)
{
    if (!installed)
        return;
    watched = NULL;
    for (size_t i = 0; i < NSIG_TERM; i++)
        sigaction(term_signals[i], &saved_act[i], NULL);
    sigaction(SIGPIPE, &saved_pipe, NULL);
    sigprocmask(SIG_SETMASK, &saved_mask, NULL);
    installed = 0;
}

void sg_env_scrub(const char *list)
{
    char name[256];

    while (list && *list) {
        size_t n = strcspn(list, ",");
        if (n > 0 && n < sizeof name) {
            memcpy(name, list, n);
            name[n] = '\0';
            unsetenv(name);
        }
        list += n;
        if (*list == ',')
            list++;
    }
}

int sg_exec(char *const argv[])
{
    int e;

    fflush(NULL);
    sg_signals_restore();
    execvp(argv[0], argv);
    e = errno;
    /* Put our handlers back? No: we are about to exit with a status. */
    sg_log(SG_LOG_ERROR, "exec_failed", SG_F(SG_S("program", argv[0]), SG_S("error", strerror(e))),
           "unable to exec %s: %s", argv[0], strerror(e));
    return e == ENOENT ? SG_EX_NOT_FOUND : SG_EX_CANNOT_EXEC;
}
