/* libs/libsqlite3.h -- the functions of libsqlite3.so.0 that drivers/sqlite.c calls, in
 * a table bound at the driver's first connect (dynlib.h). The driver includes
 * this after <sqlite3.h>; from then on each call is a call through sg_libsqlite3,
 * typed from the library's own declaration. The list is checked both ways: a
 * function the driver calls without a macro here fails the link (the binary
 * does not link the library), and a macro without its entry in the list fails
 * to compile. */
#ifndef SG_LIBS_LIBSQLITE3_H
#define SG_LIBS_LIBSQLITE3_H

#include <sqlite3.h>

#include "dynlib.h"

#define SG_LIBSQLITE3_FUNCS(X)                                                                     \
    X(sqlite3_busy_handler)                                                                        \
    X(sqlite3_close_v2)                                                                            \
    X(sqlite3_column_count)                                                                        \
    X(sqlite3_column_text)                                                                         \
    X(sqlite3_errmsg)                                                                              \
    X(sqlite3_error_offset)                                                                        \
    X(sqlite3_errstr)                                                                              \
    X(sqlite3_extended_errcode)                                                                    \
    X(sqlite3_extended_result_codes)                                                               \
    X(sqlite3_finalize)                                                                            \
    X(sqlite3_get_autocommit)                                                                      \
    X(sqlite3_interrupt)                                                                           \
    X(sqlite3_open_v2)                                                                             \
    X(sqlite3_prepare_v2)                                                                          \
    X(sqlite3_step)

struct sg_libsqlite3 {
    SG_LIBSQLITE3_FUNCS(SG_DYNLIB_FIELD)
};

/* Filled by src/libs/libsqlite3.c; valid once sg_dynlib_load("sqlite") succeeded. */
extern struct sg_libsqlite3 sg_libsqlite3;

#ifndef SG_LIBSQLITE3_TABLE /* src/libs/libsqlite3.c names the functions themselves */
#define sqlite3_busy_handler (sg_libsqlite3.sqlite3_busy_handler)
#define sqlite3_close_v2 (sg_libsqlite3.sqlite3_close_v2)
#define sqlite3_column_count (sg_libsqlite3.sqlite3_column_count)
#define sqlite3_column_text (sg_libsqlite3.sqlite3_column_text)
#define sqlite3_errmsg (sg_libsqlite3.sqlite3_errmsg)
#define sqlite3_error_offset (sg_libsqlite3.sqlite3_error_offset)
#define sqlite3_errstr (sg_libsqlite3.sqlite3_errstr)
#define sqlite3_extended_errcode (sg_libsqlite3.sqlite3_extended_errcode)
#define sqlite3_extended_result_codes (sg_libsqlite3.sqlite3_extended_result_codes)
#define sqlite3_finalize (sg_libsqlite3.sqlite3_finalize)
#define sqlite3_get_autocommit (sg_libsqlite3.sqlite3_get_autocommit)
#define sqlite3_interrupt (sg_libsqlite3.sqlite3_interrupt)
#define sqlite3_open_v2 (sg_libsqlite3.sqlite3_open_v2)
#define sqlite3_prepare_v2 (sg_libsqlite3.sqlite3_prepare_v2)
#define sqlite3_step (sg_libsqlite3.sqlite3_step)
#endif

#endif
