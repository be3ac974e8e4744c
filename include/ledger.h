/* ledger.h -- the version table's rows, and what the ledger says against
 * what is on disk: the merge of migration files and ledger rows into
 * applied / pending / changed / missing / dirty, on which every command
 * decides. Pure: no database (drivers fill a struct sg_ledger). */
#ifndef SG_LEDGER_H
#define SG_LEDGER_H

#include <stddef.h>

#include "error.h"
#include "migration.h"

struct sg_ledger_row {
    char version[SG_VERSION_MAX + 1];
    char *name;
    char checksum[65];
    char *applied_at; /* UTC, ISO 8601 */
    long long execution_ms;
    char *applied_by;
    int dirty; /* a migration run statement by statement started but did not finish */
    long long dirty_done; /* statements of it known to have completed */
};

struct sg_ledger {
    int exists; /* the ledger table exists */
    struct sg_ledger_row *v;
    size_t n; /* sorted by version */
};

void sg_ledger_free(struct sg_ledger *l);
/* Appends a row (strings copied). For drivers. */
int sg_ledger_push(struct sg_ledger *l, const char *version, const char *name, const char *checksum,
                   const char *applied_at, long long execution_ms, const char *applied_by,
                   int dirty, long long dirty_done);
/* Sorts rows by version. For drivers, after reading. */
void sg_ledger_sort(struct sg_ledger *l);
/* The columns a ledger read selects, in sg_ledger_push's order, with the
 * dialect's applied_at_sql (a string literal, or "%s" for a format). */
#define SG_LEDGER_COLUMNS(applied_at)                                                              \
    "version, name, checksum, " applied_at ", execution_ms, applied_by, dirty, dirty_done"

/* The writes to the ledger, rendered by each driver in its dialect
 * (record.h). Values come from a struct sg_ledger_row. */
enum sg_ledger_op {
    SG_LEDGER_INSERT, /* a new row: version, name, checksum, execution_ms, applied_by,
                         dirty (applied_at = now); execution_ms < 0 means the server's
                         measure of its transaction's age (driver txn_age_sql) */
    SG_LEDGER_DELETE, /* forget version */
    SG_LEDGER_DIRTY, /* dirty = true, dirty_done = 0 (a tracked down starting) */
    SG_LEDGER_PROGRESS, /* dirty_done = row->dirty_done */
    SG_LEDGER_CLEAN, /* dirty = false, dirty_done = 0 (repair --applied, nothing ran) */
    SG_LEDGER_DONE /* a tracked up finished: CLEAN, with execution_ms and applied_at = now */
};

/* The state of one version, as status reports it. */
enum sg_state {
    SG_STATE_APPLIED,
    SG_STATE_PENDING,
    SG_STATE_CHANGED,
    SG_STATE_MISSING,
    SG_STATE_DIRTY
};

struct sg_plan_item {
    enum sg_state state;
    const struct sg_migration *m; /* NULL for missing */
    const struct sg_ledger_row *row; /* NULL for pending */
};

struct sg_plan {
    struct sg_plan_item *v;
    size_t n;
    size_t pending, applied, changed, missing, dirty;
    const struct sg_plan_item *first_changed, *first_dirty;
};

/* Merges disk and ledger in version order. Borrowing: the plan points into
 * set and ledger, which must outlive it. */
int sg_plan_build(const struct sg_migration_set *set, const struct sg_ledger *l,
                  struct sg_plan *out, struct sg_error *err);
void sg_plan_free(struct sg_plan *p);
const char *sg_state_name(enum sg_state s);

#endif
