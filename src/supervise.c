/* supervise.c -- `lock`: run another tool's migration command (Django,
 * Alembic, Flyway...) as a child while this process holds the advisory
 * lock, watching the lock's session the whole time: a lock that is lost
 * while the child runs means the child must stop, or two could migrate. */
#include "supervise.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "log.h"

#define WATCH_EVERY_MS 1000
#define CHILD_GRACE_MS 10000

static int decode(int st)
{
    return WIFEXITED(st) ? WEXITSTATUS(st) : SG_EX_SIGNAL_BASE + WTERMSIG(st);
}

/* Sends SIGTERM, then SIGKILL after the grace period; returns the status. */
static int stop_child(pid_t pid)
{
    long long t0 = sg_now_ms();
    int st;

    kill(pid, SIGTERM);
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            return decode(st);
        if (w < 0)
            return SG_EX_SOFTWARE;
        if (sg_now_ms() - t0 >= CHILD_GRACE_MS) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return decode(st);
        }
        usleep(20000);
    }
}

int sg_cmd_lock(struct sg_engine *e, const char *name, long long timeout_ms, char *const *program,
                const char *scrub_env, struct sg_error *err)
{
    struct sg_conn *c = NULL;
    struct sg_lock lk;
    long long t0, last_check;
    int status = -1, st;
    pid_t pid;

    if (!name)
        name = "default";
    if (sg_session_lock(e, &c, name, timeout_ms, &lk, err) < 0)
        goto out;
    /* While the child runs, a signal is forwarded, not used to cancel our queries. */
    sg_signals_watch(NULL);
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        sg_error_set(err, SG_EX_OSERR, "unable to fork: %s", strerror(errno));
        goto out;
    }
    if (pid == 0) {
        /* The child is a migration tool: it may need the credentials, so only
         * what the user asked to scrub is removed. */
        sg_env_scrub(scrub_env);
        sg_signals_restore();
        execvp(program[0], program);
        int errnum = errno;
        sg_log(SG_LOG_ERROR, "exec_failed", SG_F(SG_S("program", program[0])),
               "unable to exec %s: %s", program[0], strerror(errnum));
        _exit(errnum == ENOENT ? SG_EX_NOT_FOUND : SG_EX_CANNOT_EXEC);
    }
    sg_log(SG_LOG_INFO, "child_started", SG_F(SG_S("program", program[0]), SG_I("pid", pid)),
           "running %s (pid %ld) under lock %s", program[0], (long)pid, lk.desc);
    t0 = last_check = sg_now_ms();
    for (;;) {
        int from_terminal = 0, sig = sg_signal_take(&from_terminal);
        /* A terminal's ^C already reached the child, which shares our
         * process group: forwarding it would deliver it twice. */
        if (sig && from_terminal && getpgid(pid) == getpgrp()) {
            sg_log(SG_LOG_INFO, "signal_from_terminal", SG_F(SG_I("signal", sig)),
                   "signal %d came from the terminal, which sent it to %s too", sig, program[0]);
            sig = 0;
        }
        if (sig) {
            sg_log(SG_LOG_INFO, "signal_forwarded", SG_F(SG_I("signal", sig)),
                   "forwarding signal %d to %s", sig, program[0]);
            kill(pid, sig);
        }
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            status = decode(st);
            break;
        }
        if (sg_now_ms() - last_check >= WATCH_EVERY_MS) {
            struct sg_error le = {0};
            int held = sg_lock_held(c, &lk, &le);
            last_check = sg_now_ms();
            if (held != 1) {
                sg_log(SG_LOG_ERROR, "lock_lost", SG_F(SG_S("error", le.msg)),
                       "lock %s lost while %s runs (%s); stopping it", lk.desc, program[0],
                       held < 0 ? le.msg : "no longer held");
                int cs = stop_child(pid);
                sg_error_set(err, SG_EX_SOFTWARE,
                             "lock lost while %s ran; it was stopped (status %d)", program[0], cs);
                goto out;
            }
        }
        /* Returns early when a signal arrives, so forwarding is prompt. */
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
    }
    sg_log(SG_LOG_INFO, "child_exited",
           SG_F(SG_S("program", program[0]), SG_I("status", status), SG_I("ms", sg_now_ms() - t0)),
           "%s exited with status %d after %lld ms", program[0], status, sg_now_ms() - t0);
    sg_session_unlock(c, &lk);
out:
    sg_session_close(&c);
    return status;
}
