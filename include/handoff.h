/* handoff.h -- signals while schemagate runs, and the exec into the app.
 * PID 1 in a container has no default signal actions, so handlers are
 * installed for TERM, INT, HUP and QUIT; they only record the signal and
 * cancel the running statement (async-signal-safe). Before exec, the signal
 * mask and dispositions schemagate inherited are restored. */
#ifndef SG_HANDOFF_H
#define SG_HANDOFF_H

struct sg_conn;

/* Saves the inherited signal state and installs the handlers. */
int sg_signals_install(void);
/* The termination signal received so far, or 0. */
int sg_signal_pending(void);
/* Returns the signal received since the last call and forgets it (for
 * forwarding each one to a child), or 0. *from_terminal (if given) tells
 * whether the kernel sent it (a terminal's ^C or ^\, which reached the
 * whole foreground process group) rather than kill(2). */
int sg_signal_take(int *from_terminal);
/* While set, a termination signal exits at once (128+N) with a one-line
 * message: for blocking connects, where nothing is held yet. */
void sg_signals_exit_while(int connecting, const char *what);
/* The connection whose statement a signal should cancel (NULL for none). */
void sg_signals_watch(struct sg_conn *c);
/* Restores the inherited mask and dispositions (before exec or fork). */
void sg_signals_restore(void);

/* Removes each comma-separated variable in `list` from the environment. */
void sg_env_scrub(const char *list);

/* Flushes stdio, restores signal state and execvp()s argv. Returns only on
 * failure, with the exit status to use (127 not found, 126 otherwise). */
int sg_exec(char *const argv[]);

#endif
