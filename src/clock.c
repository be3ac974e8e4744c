/* clock.c -- monotonic time and sleeps that a termination signal cuts short. */
#include "clock.h"

#include <errno.h>
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
