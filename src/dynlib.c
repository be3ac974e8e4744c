/* dynlib.c -- opening a driver's client library at its first connect. The
 * libraries are named by their sonames, as a linked program would find them,
 * and opened RTLD_LOCAL (nothing they export can interpose on a later
 * library). They stay open until exit or exec.
 *
 * RTLD_LAZY, not RTLD_NOW: every function a driver calls is bound by dlsym
 * at load, so a missing one is still found before the first connect; the
 * libraries built with BIND_NOW (libpq, libmariadb, libsqlite3, OpenSSL)
 * are still bound at load, glibc honours their flag; and the others
 * (Kerberos, GMP, zlib, whose PLT is not read-only in either mode) are bound
 * as they would be in a linked program. RTLD_NOW made the loader resolve
 * their ~1600 PLT slots at every PostgreSQL start: 1.7 M instructions, 11 %
 * of a no-op start (issue 16, callgrind). */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "exitcodes.h"

/* Weak: a library whose driver is not built (make DRIVERS=...) is absent,
 * and the engine and its unit tests link without any client library. */
extern const struct sg_dynlib sg_dynlib_libsqlite3 __attribute__((weak));
extern const struct sg_dynlib sg_dynlib_libpq __attribute__((weak));
extern const struct sg_dynlib sg_dynlib_libmariadb __attribute__((weak));

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct sg_dynlib *loaded[3];

void *sg_dynlib_sym(void *handle, const char *name)
{
    return dlsym(handle, name);
}

static int load(const struct sg_dynlib *lib, const char *scheme, struct sg_error *err)
{
    const char *missing = NULL;
    const char *why;
    void *h;

    for (size_t i = 0; i < sizeof loaded / sizeof loaded[0]; i++)
        if (loaded[i] == lib)
            return 0;
    if (!(h = dlopen(lib->soname, RTLD_LAZY | RTLD_LOCAL))) {
        why = dlerror();
        return sg_error_set(err, SG_EX_CONFIG,
                            "unable to load %s, the client library for %s:// URLs: %s; install "
                            "the Debian package %s",
                            lib->soname, scheme, why ? why : "not found", lib->package);
    }
    if (lib->bind(h, &missing) < 0) {
        /* The table may be half filled: it is never used unless bound whole. */
        dlclose(h);
        return sg_error_set(err, SG_EX_CONFIG,
                            "unable to load %s, the client library for %s:// URLs: it has no "
                            "function %s (too old); install the Debian package %s",
                            lib->soname, scheme, missing, lib->package);
    }
    for (size_t i = 0; i < sizeof loaded / sizeof loaded[0]; i++)
        if (!loaded[i]) {
            loaded[i] = lib;
            break;
        }
    return 0;
}

int sg_dynlib_load(const char *driver, const char *scheme, struct sg_error *err)
{
    const struct sg_dynlib *const libs[] = {&sg_dynlib_libsqlite3, &sg_dynlib_libpq,
                                            &sg_dynlib_libmariadb};
    int rc = 0;

    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        if (!libs[i] || strcmp(libs[i]->driver, driver) != 0)
            continue;
        pthread_mutex_lock(&load_lock);
        rc = load(libs[i], scheme, err);
        pthread_mutex_unlock(&load_lock);
        break;
    }
    return rc;
}
