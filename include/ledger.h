/* ledger.h -- what the ledger says against what is on disk: the merge of
 * migration files and ledger rows into applied / pending / changed /
 * missing / dirty, on which every command decides. Pure: no database. */
#ifndef SG_LEDGER_H
#define SG_LEDGER_H

#include "driver.h"
#include "error.h"
#include "migration.h"

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
