/* clock.h -- monotonic time, interruptible sleeps and backoff. */
#ifndef SG_CLOCK_H
#define SG_CLOCK_H

/* Milliseconds on the monotonic clock. */
long long sg_now_ms(void);
/* Sleeps up to ms, returning early (-1) when a termination signal arrived. */
int sg_sleep_ms(long long ms);

/* Jittered exponential backoff: the delay for attempt n (0-based), between
 * base_ms and cap_ms, with "equal jitter" (half fixed, half random). */
long long sg_backoff_ms(unsigned attempt, long long base_ms, long long cap_ms);

#endif
