/* libs/libsqlite3.c -- libsqlite3.so.0's table and how to bind it (dynlib.h). */
#define SG_LIBSQLITE3_TABLE
#include "libs/libsqlite3.h"

struct sg_libsqlite3 sg_libsqlite3;

static int bind_all(void *handle, const char **missing)
{
#define BIND(f) SG_DYNLIB_BIND(sg_libsqlite3, handle, missing, f)
    SG_LIBSQLITE3_FUNCS(BIND)
#undef BIND
    return 0;
}

const struct sg_dynlib sg_dynlib_libsqlite3 = {
    .driver = "sqlite",
    .soname = "libsqlite3.so.0",
    .package = "libsqlite3-0",
    .bind = bind_all,
};
