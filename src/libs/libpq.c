/* libs/libpq.c -- libpq.so.5's table and how to bind it (dynlib.h). */
#define SG_LIBPQ_TABLE
#include "libs/libpq.h"

struct sg_libpq sg_libpq;

static int bind_all(void *handle, const char **missing)
{
#define BIND(f) SG_DYNLIB_BIND(sg_libpq, handle, missing, f)
    SG_LIBPQ_FUNCS(BIND)
#undef BIND
    return 0;
}

const struct sg_dynlib sg_dynlib_libpq = {
    .driver = "postgres",
    .soname = "libpq.so.5",
    .package = "libpq5",
    .bind = bind_all,
};
