/* error.h -- the error record every layer fills in and main.c turns into an
 * exit status. Inner layers set it once, at the moment of failure, with the
 * detail only they know; outer layers may prefix context. */
#ifndef SG_ERROR_H
#define SG_ERROR_H

#include <stddef.h>

struct sg_error {
    int code; /* an enum sg_exit value; 0 while no error is set */
    int sys_errno; /* errno at failure, or 0 */
    char sqlstate[8]; /* SQLSTATE (or MySQL errno as text) when the database failed */
    /* Where the database placed an error in SQL we sent (drivers' exec):
     * pos is 1 + the byte offset in the text sent, 0 when unknown; line is
     * the 1-based line inside the failing statement when only that is known
     * (MySQL's "at line N"), else 0. apply.c turns them into FILE:LINE:COL. */
    long long pos;
    int line;
    char msg[512]; /* one line, lowercase, no trailing period, never a password */
};

/* Sets code and a printf-style message (control characters are escaped
 * when logged, not here). Always returns -1 so callers can `return sg_error_set(...)`. */
int sg_error_set(struct sg_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prepends "CONTEXT: " to an already-set message, keeping code. Returns -1. */
int sg_error_prefix(struct sg_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends "; MORE" to an already-set message, keeping code. Returns -1. */
int sg_error_append(struct sg_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void sg_error_clear(struct sg_error *err);

/* Copies s into buf as one line: a client library's multi-line message
 * (continuation lines folded in with "; ", its indented hints dropped),
 * tabs as blanks. */
void sg_oneline(char *buf, size_t size, const char *s);

/* Replaces every occurrence of secret in buf by "***" (in place); a secret
 * too short to find safely withholds the whole message instead. */
void sg_scrub(char *buf, const char *secret);

#endif
