/* clock.c -- monotonic time, sleeps that a termination signal cuts short,
 * waits on a socket that a stop callback cuts short, and jittered backoff. */
#include "clock.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>

#include "handoff.h"

long long sg_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int sg_sleep_ms(long long ms)
{
    struct timespec ts;

    if (sg_signal_pending())
        return -1;
    ts.tv_sec = (time_t)(ms / 1000);
    ts.tv_nsec = (long)(ms % 1000) * 1000000L;
    /* A handled signal ends nanosleep with EINTR; that is the early return. */
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        if (sg_signal_pending())
            return -1;
    return 0;
}

int sg_wait_fd(int fd, short events, long long until, int (*stop)(void), long long slice_ms)
{
    struct pollfd pfd = {.fd = fd, .events = events, .revents = 0};

    if (fd < 0)
        return -1;
    for (;;) {
        long long now, slice = slice_ms;
        int r;

        if (stop && stop())
            return SG_WAIT_STOPPED;
        now = sg_now_ms();
        if (until && now >= until)
            return 0;
        if (until && until - now < slice)
            slice = until - now;
        r = poll(&pfd, 1, (int)(slice < 1 ? 1 : slice));
        if (r > 0)
            return pfd.revents;
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

long long sg_backoff_ms(unsigned attempt, long long base_ms, long long cap_ms)
{
    long long d = base_ms;

    for (unsigned i = 0; i < attempt && d < cap_ms; i++)
        d *= 2;
    if (d > cap_ms)
        d = cap_ms;
    /* Equal jitter: never below half the step, so a herd spreads out without
     * anyone spinning. random() is seeded per process in main. */
    return d / 2 + (d > 1 ? random() % (d / 2 + 1) : 0);
}
