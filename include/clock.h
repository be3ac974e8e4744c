/* clock.h -- monotonic time, interruptible sleeps and waits, and backoff. */
#ifndef SG_CLOCK_H
#define SG_CLOCK_H

/* Milliseconds on the monotonic clock. */
long long sg_now_ms(void);
/* Sleeps up to ms, returning early (-1) when a termination signal arrived. */
int sg_sleep_ms(long long ms);

/* sg_wait_fd: stop() said to give up. */
#define SG_WAIT_STOPPED (-2)
/* Waits until fd is ready for `events` (poll(2) bits), in slices of at most
 * slice_ms so that stop (NULL: never asked) is asked between them: how a
 * driver waits on its client library's socket. Returns the revents (> 0),
 * 0 once `until` (sg_now_ms() time; 0: none) has come, SG_WAIT_STOPPED, or
 * -1 when fd < 0 or poll failed. */
int sg_wait_fd(int fd, short events, long long until, int (*stop)(void), long long slice_ms);

/* Jittered exponential backoff: the delay for attempt n (0-based), between
 * base_ms and cap_ms, with "equal jitter" (half fixed, half random). */
long long sg_backoff_ms(unsigned attempt, long long base_ms, long long cap_ms);

#endif
