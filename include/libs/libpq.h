/* libs/libpq.h -- the functions of libpq.so.5 that drivers/postgres.c calls, in
 * a table bound at the driver's first connect (dynlib.h). The driver includes
 * this after <libpq-fe.h>; from then on each call is a call through sg_libpq,
 * typed from the library's own declaration. The list is checked both ways: a
 * function the driver calls without a macro here fails the link (the binary
 * does not link the library), and a macro without its entry in the list fails
 * to compile. */
#ifndef SG_LIBS_LIBPQ_H
#define SG_LIBS_LIBPQ_H

#include <libpq-fe.h>

#include "dynlib.h"

#define SG_LIBPQ_FUNCS(X)                                                                          \
    X(PQbackendPID)                                                                                \
    X(PQcancel)                                                                                    \
    X(PQclear)                                                                                     \
    X(PQconnectPoll)                                                                               \
    X(PQconnectStartParams)                                                                        \
    X(PQconnectionNeedsPassword)                                                                   \
    X(PQconninfo)                                                                                  \
    X(PQconninfoFree)                                                                              \
    X(PQconninfoParse)                                                                             \
    X(PQconsumeInput)                                                                              \
    X(PQerrorMessage)                                                                              \
    X(PQescapeIdentifier)                                                                          \
    X(PQescapeLiteral)                                                                             \
    X(PQexec)                                                                                      \
    X(PQexecParams)                                                                                \
    X(PQfinish)                                                                                    \
    X(PQfreeCancel)                                                                                \
    X(PQfreemem)                                                                                   \
    X(PQgetCancel)                                                                                 \
    X(PQgetCopyData)                                                                               \
    X(PQgetisnull)                                                                                 \
    X(PQgetResult)                                                                                 \
    X(PQgetvalue)                                                                                  \
    X(PQisBusy)                                                                                    \
    X(PQnfields)                                                                                   \
    X(PQntuples)                                                                                   \
    X(PQparameterStatus)                                                                           \
    X(PQputCopyEnd)                                                                                \
    X(PQresultErrorField)                                                                          \
    X(PQresultStatus)                                                                              \
    X(PQsendQuery)                                                                                 \
    X(PQserverVersion)                                                                             \
    X(PQsetNoticeReceiver)                                                                         \
    X(PQsocket)                                                                                    \
    X(PQstatus)                                                                                    \
    X(PQtransactionStatus)

struct sg_libpq {
    SG_LIBPQ_FUNCS(SG_DYNLIB_FIELD)
};

/* Filled by src/libs/libpq.c; valid once sg_dynlib_load("postgres") succeeded. */
extern struct sg_libpq sg_libpq;

#ifndef SG_LIBPQ_TABLE /* src/libs/libpq.c names the functions themselves */
#define PQbackendPID (sg_libpq.PQbackendPID)
#define PQcancel (sg_libpq.PQcancel)
#define PQclear (sg_libpq.PQclear)
#define PQconnectPoll (sg_libpq.PQconnectPoll)
#define PQconnectStartParams (sg_libpq.PQconnectStartParams)
#define PQconnectionNeedsPassword (sg_libpq.PQconnectionNeedsPassword)
#define PQconninfo (sg_libpq.PQconninfo)
#define PQconninfoFree (sg_libpq.PQconninfoFree)
#define PQconninfoParse (sg_libpq.PQconninfoParse)
#define PQconsumeInput (sg_libpq.PQconsumeInput)
#define PQerrorMessage (sg_libpq.PQerrorMessage)
#define PQescapeIdentifier (sg_libpq.PQescapeIdentifier)
#define PQescapeLiteral (sg_libpq.PQescapeLiteral)
#define PQexec (sg_libpq.PQexec)
#define PQexecParams (sg_libpq.PQexecParams)
#define PQfinish (sg_libpq.PQfinish)
#define PQfreeCancel (sg_libpq.PQfreeCancel)
#define PQfreemem (sg_libpq.PQfreemem)
#define PQgetCancel (sg_libpq.PQgetCancel)
#define PQgetCopyData (sg_libpq.PQgetCopyData)
#define PQgetisnull (sg_libpq.PQgetisnull)
#define PQgetResult (sg_libpq.PQgetResult)
#define PQgetvalue (sg_libpq.PQgetvalue)
#define PQisBusy (sg_libpq.PQisBusy)
#define PQnfields (sg_libpq.PQnfields)
#define PQntuples (sg_libpq.PQntuples)
#define PQparameterStatus (sg_libpq.PQparameterStatus)
#define PQputCopyEnd (sg_libpq.PQputCopyEnd)
#define PQresultErrorField (sg_libpq.PQresultErrorField)
#define PQresultStatus (sg_libpq.PQresultStatus)
#define PQsendQuery (sg_libpq.PQsendQuery)
#define PQserverVersion (sg_libpq.PQserverVersion)
#define PQsetNoticeReceiver (sg_libpq.PQsetNoticeReceiver)
#define PQsocket (sg_libpq.PQsocket)
#define PQstatus (sg_libpq.PQstatus)
#define PQtransactionStatus (sg_libpq.PQtransactionStatus)
#endif

#endif
