/* exitcodes.h -- every exit status schemagate can return, in one place.
 * Values follow sysexits(3) so shell scripts and orchestrators can tell a
 * retryable failure (69, 75) from one that needs a human (65, 78). The same
 * table is printed by --help and documented in README.md. */
#ifndef SG_EXITCODES_H
#define SG_EXITCODES_H

enum sg_exit {
    SG_EX_OK = 0,
    SG_EX_USAGE = 64, /* bad command line */
    SG_EX_DATA = 65, /* bad migration file, SQL error, checksum drift, dirty */
    SG_EX_NOINPUT = 66, /* migrations directory missing or unreadable */
    SG_EX_UNAVAILABLE = 69, /* database unreachable, refused, auth failed */
    SG_EX_SOFTWARE = 70, /* internal error, or the lock was lost */
    SG_EX_OSERR = 71, /* an operating-system call failed */
    SG_EX_TEMPFAIL = 75, /* lock or wait timeout: safe to retry */
    SG_EX_CONFIG = 78, /* bad setting, URL or unsupported environment */
    SG_EX_CANNOT_EXEC = 126,
    SG_EX_NOT_FOUND = 127,
    SG_EX_SIGNAL_BASE = 128 /* 128 + N: stopped by signal N */
};

/* The one table of exit statuses, with the line that explains each: --help
 * prints it, and tests/docs/check.sh holds README.md and the man page to
 * the same words. X(status as text, meaning). */
#define SG_EXIT_TABLE(X)                                                                           \
    X("0", "success; after up -- PROGRAM, the status is PROGRAM's")                                \
    X("64", "usage: a bad command line (unknown option, stray word, bad --to)")                    \
    X("65", "data: bad migration file, SQL error (rolled back), changed file, dirty")              \
    X("66", "no input: migrations directory missing, unreadable or empty")                         \
    X("69", "database unavailable: unreachable, refused, auth failed, session lost")               \
    X("70", "internal error, or the lock lost while held (lock -- COMMAND, or a lease)")           \
    X("71", "an operating-system call failed")                                                     \
    X("75", "temporary: the lock, a table lock or wait timed out; safe to retry")                  \
    X("78", "configuration: bad setting, URL or file permission; unsupported setup")               \
    X("126", "PROGRAM could not be executed")                                                      \
    X("127", "PROGRAM was not found")                                                              \
    X("128+N", "stopped by signal N (143: SIGTERM)")

#endif
