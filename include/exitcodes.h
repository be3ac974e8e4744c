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

#endif
