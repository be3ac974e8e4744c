/* libs/libmariadb.c -- libmariadb.so.3's table and how to bind it (dynlib.h). */
#define SG_LIBMARIADB_TABLE
#include "libs/libmariadb.h"

struct sg_libmariadb sg_libmariadb;

static int bind_all(void *handle, const char **missing)
{
#define BIND(f) SG_DYNLIB_BIND(sg_libmariadb, handle, missing, f)
    SG_LIBMARIADB_FUNCS(BIND)
#undef BIND
    return 0;
}

const struct sg_dynlib sg_dynlib_libmariadb = {
    .driver = "mysql",
    .soname = "libmariadb.so.3",
    .package = "libmariadb3",
    .bind = bind_all,
};
