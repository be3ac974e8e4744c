/* clock.h -- monotonic time and interruptible sleeps. */
#ifndef SG_CLOCK_H
#define SG_CLOCK_H

/* Milliseconds on the monotonic clock. */
long long sg_now_ms(void);
/* Sleeps up to ms, returning early (-1) when a termination signal arrived. */
int sg_sleep_ms(long long ms);

#endif
