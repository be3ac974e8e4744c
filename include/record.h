/* record.h -- the ledger's SQL, written once: which statement records,
 * advances, cleans or forgets a migration, and how the ledger (or another
 * tool's history) is read -- rendered with each driver's words for its
 * dialect (quoting, the qualified table, the current time). */
#ifndef SG_RECORD_H
#define SG_RECORD_H

#include "buf.h"
#include "driver.h"
#include "error.h"
#include "ledger.h"

/* Creates the ledger table if missing. Called only under the lock. */
int sg_ledger_create(struct sg_conn *c, const char *table, struct sg_error *err);

/* Renders one write to the ledger as one statement without a trailing `;`.
 * SG_LEDGER_INSERT with row->execution_ms < 0 takes the server's measure of
 * the transaction's age (driver txn_age_sql; 0 without it). */
int sg_ledger_sql(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                  const struct sg_ledger_row *row, struct sg_buf *out, struct sg_error *err);

/* Runs one ledger write on its own (repair, baseline, adopt). */
int sg_ledger_write(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                    const struct sg_ledger_row *row, struct sg_error *err);

/* Reads the ledger (flags: SG_LEDGER_PROBE); a missing table gives
 * exists = 0. */
int sg_ledger_read(struct sg_conn *c, const char *table, unsigned flags, struct sg_ledger *out,
                   struct sg_error *err);

/* Reads another tool's history (adopt): column version and, with
 * with_dirty, dirty of `table` (a validated identifier). A missing table
 * gives exists = 0. */
int sg_history_read(struct sg_conn *c, const char *table, int with_dirty, struct sg_ledger *out,
                    struct sg_error *err);

#endif
