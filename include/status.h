/* status.h -- the commands that take no lock: status, validate, new, wait.
 * They read the ledger (or nothing) and change nothing in the database. */
#ifndef SG_STATUS_H
#define SG_STATUS_H

#include "engine.h"
#include "error.h"

/* Prints every migration's state to stdout, as text or one JSON object. */
int sg_cmd_status(struct sg_engine *e, int json, struct sg_error *err);
/* The files are valid: they parsed while loading, and every section passes
 * the rule of apply.c in the URL's dialect, or `dialect` (an enum
 * sg_dialect), or -1: at least one. With a URL, their checksums match the
 * ledger and nothing is dirty. */
int sg_cmd_validate(struct sg_engine *e, int dialect, struct sg_error *err);
/* Creates DIR/YYYYMMDDHHMMSS_NAME.sql and prints its path. */
int sg_cmd_new(const char *dir, const char *name, struct sg_error *err);
/* Waits until every migration on disk is applied (timeout_ms 0: for ever). */
int sg_cmd_wait(struct sg_engine *e, long long timeout_ms, struct sg_error *err);

#endif
