/* dynlib.h -- the client libraries, opened only when a URL of their scheme is
 * used (issue 16). The binary keeps every driver, but a SQLite start-up no
 * longer maps libpq, libmariadb and the dozen libraries they pull in: each is
 * dlopen'ed at the first connect of its driver, and its functions are bound
 * into a typed table declared from the library's own header
 * (include/libs/lib*.h), so the compiler checks every signature and a driver's
 * source reads as if it were linked (its calls are macros into the table).
 * A missing library is a configuration of the image, not something a retry
 * fixes: exit 78, naming the Debian package to install. */
#ifndef SG_DYNLIB_H
#define SG_DYNLIB_H

#include "error.h"

/* One client library, described by src/libs/lib*.c. */
struct sg_dynlib {
    const char *driver; /* the driver that calls it: "postgres" */
    const char *soname; /* what dlopen is given: "libpq.so.5" */
    const char *package; /* the Debian package that installs it: "libpq5" */
    /* dlsym's every function into the library's table; on failure returns -1
     * with *missing set to the name it did not find. */
    int (*bind)(void *handle, const char **missing);
};

/* Opens and binds the client library of the driver named `driver`, once per
 * process (thread-safe; later calls return at once). `scheme` is the URL's,
 * for the message. A driver without a library of its own (a test's fake)
 * succeeds. Returns 0, or -1 with err set (78: library or one of its
 * functions missing, naming the package). */
int sg_dynlib_load(const char *driver, const char *scheme, struct sg_error *err);

/* For include/libs/lib*.h and src/libs/lib*.c: a table field typed from the
 * library's declaration of f, and the statement binding it from `handle`. */
#define SG_DYNLIB_FIELD(f) __typeof__(f) *f;
#define SG_DYNLIB_BIND(table, handle, missing, f)                                                  \
    if (!((table).f = (__typeof__((table).f))sg_dynlib_sym(handle, #f))) {                         \
        *(missing) = #f;                                                                           \
        return -1;                                                                                 \
    }

/* dlsym, for SG_DYNLIB_BIND. */
void *sg_dynlib_sym(void *handle, const char *name);

#endif
