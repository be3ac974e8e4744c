/* libs/libmariadb.h -- the functions of libmariadb.so.3 that drivers/mysql.c calls, in
 * a table bound at the driver's first connect (dynlib.h). The driver includes
 * this after <mysql.h>; from then on each call is a call through sg_libmariadb,
 * typed from the library's own declaration. The list is checked both ways: a
 * function the driver calls without a macro here fails the link (the binary
 * does not link the library), and a macro without its entry in the list fails
 * to compile. */
#ifndef SG_LIBS_LIBMARIADB_H
#define SG_LIBS_LIBMARIADB_H

#include <mysql.h>

#include "dynlib.h"

#define SG_LIBMARIADB_FUNCS(X)                                                                     \
    X(mariadb_connection)                                                                          \
    X(mysql_close)                                                                                 \
    X(mysql_data_seek)                                                                             \
    X(mysql_errno)                                                                                 \
    X(mysql_error)                                                                                 \
    X(mysql_fetch_row)                                                                             \
    X(mysql_field_count)                                                                           \
    X(mysql_free_result)                                                                           \
    X(mysql_get_socket)                                                                            \
    X(mysql_get_ssl_cipher)                                                                        \
    X(mysql_init)                                                                                  \
    X(mysql_more_results)                                                                          \
    X(mysql_next_result_cont)                                                                      \
    X(mysql_next_result_start)                                                                     \
    X(mysql_num_fields)                                                                            \
    X(mysql_options)                                                                               \
    X(mysql_optionsv)                                                                              \
    X(mysql_query)                                                                                 \
    X(mysql_real_connect)                                                                          \
    X(mysql_real_connect_cont)                                                                     \
    X(mysql_real_connect_start)                                                                    \
    X(mysql_real_query_cont)                                                                       \
    X(mysql_real_query_start)                                                                      \
    X(mysql_server_end)                                                                            \
    X(mysql_server_init)                                                                           \
    X(mysql_sqlstate)                                                                              \
    X(mysql_store_result)                                                                          \
    X(mysql_store_result_cont)                                                                     \
    X(mysql_store_result_start)                                                                    \
    X(mysql_thread_id)

struct sg_libmariadb {
    SG_LIBMARIADB_FUNCS(SG_DYNLIB_FIELD)
};

/* Filled by src/libs/libmariadb.c; valid once sg_dynlib_load("mysql") succeeded. */
extern struct sg_libmariadb sg_libmariadb;

#ifndef SG_LIBMARIADB_TABLE /* src/libs/libmariadb.c names the functions themselves */
#define mariadb_connection (sg_libmariadb.mariadb_connection)
#define mysql_close (sg_libmariadb.mysql_close)
#define mysql_data_seek (sg_libmariadb.mysql_data_seek)
#define mysql_errno (sg_libmariadb.mysql_errno)
#define mysql_error (sg_libmariadb.mysql_error)
#define mysql_fetch_row (sg_libmariadb.mysql_fetch_row)
#define mysql_field_count (sg_libmariadb.mysql_field_count)
#define mysql_free_result (sg_libmariadb.mysql_free_result)
#define mysql_get_socket (sg_libmariadb.mysql_get_socket)
#define mysql_get_ssl_cipher (sg_libmariadb.mysql_get_ssl_cipher)
#define mysql_init (sg_libmariadb.mysql_init)
#define mysql_more_results (sg_libmariadb.mysql_more_results)
#define mysql_next_result_cont (sg_libmariadb.mysql_next_result_cont)
#define mysql_next_result_start (sg_libmariadb.mysql_next_result_start)
#define mysql_num_fields (sg_libmariadb.mysql_num_fields)
#define mysql_options (sg_libmariadb.mysql_options)
#define mysql_optionsv (sg_libmariadb.mysql_optionsv)
#define mysql_query (sg_libmariadb.mysql_query)
#define mysql_real_connect (sg_libmariadb.mysql_real_connect)
#define mysql_real_connect_cont (sg_libmariadb.mysql_real_connect_cont)
#define mysql_real_connect_start (sg_libmariadb.mysql_real_connect_start)
#define mysql_real_query_cont (sg_libmariadb.mysql_real_query_cont)
#define mysql_real_query_start (sg_libmariadb.mysql_real_query_start)
#define mysql_server_end (sg_libmariadb.mysql_server_end)
#define mysql_server_init (sg_libmariadb.mysql_server_init)
#define mysql_sqlstate (sg_libmariadb.mysql_sqlstate)
#define mysql_store_result (sg_libmariadb.mysql_store_result)
#define mysql_store_result_cont (sg_libmariadb.mysql_store_result_cont)
#define mysql_store_result_start (sg_libmariadb.mysql_store_result_start)
#define mysql_thread_id (sg_libmariadb.mysql_thread_id)
#endif

#endif
