/* ledger.c -- the ledger rows drivers read, and the plan: disk merged with
 * the ledger in version order. */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"

void sg_ledger_free(struct sg_ledger *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].name);
        free(l->v[i].applied_at);
        free(l->v[i].applied_by);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

int sg_ledger_push(struct sg_ledger *l, const char *version, const char *name, const char *checksum,
                   const char *applied_at, long long execution_ms, const char *applied_by,
                   int dirty, long long dirty_done)
{
    struct sg_ledger_row *r;

    if (l->n % 64 == 0) {
        struct sg_ledger_row *nv = realloc(l->v, (l->n + 64) * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
    }
    r = &l->v[l->n];
    memset(r, 0, sizeof *r);
    snprintf(r->version, sizeof r->version, "%s", version ? version : "");
    snprintf(r->checksum, sizeof r->checksum, "%s", checksum ? checksum : "");
    r->name = dup_or_empty(name);
    r->applied_at = dup_or_empty(applied_at);
    r->applied_by = dup_or_empty(applied_by);
    r->execution_ms = execution_ms;
    r->dirty = dirty;
    r->dirty_done = dirty_done;
    l->n++;
    if (!r->name || !r->applied_at || !r->applied_by)
        return -1;
    return 0;
}

static int row_cmp(const void *a, const void *b)
{
    return sg_version_cmp(((const struct sg_ledger_row *)a)->version,
                          ((const struct sg_ledger_row *)b)->version);
}

void sg_ledger_sort(struct sg_ledger *l)
{
    if (l->n > 1)
        qsort(l->v, l->n, sizeof *l->v, row_cmp);
}

const char *sg_state_name(enum sg_state s)
{
    switch (s) {
    case SG_STATE_APPLIED: return "applied";
    case SG_STATE_PENDING: return "pending";
    case SG_STATE_CHANGED: return "changed";
    case SG_STATE_MISSING: return "missing";
    case SG_STATE_DIRTY: return "dirty";
    }
    return "?";
}

void sg_plan_free(struct sg_plan *p)
{
    free(p->v);
    memset(p, 0, sizeof *p);
}

int sg_plan_build(const struct sg_migration_set *set, const struct sg_ledger *l,
                  struct sg_plan *out, struct sg_error *err)
{
    size_t i = 0, j = 0, k = 0;

    memset(out, 0, sizeof *out);
    if (set->n + l->n == 0)
        return 0;
    if (!(out->v = calloc(set->n + l->n, sizeof *out->v)))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    /* Both lists are sorted by version: a merge. */
    while (i < set->n || j < l->n) {
        struct sg_plan_item *it = &out->v[k++];
        int c = i >= set->n ? 1
                : j >= l->n ? -1
                            : sg_version_cmp(set->v[i].version, l->v[j].version);
        if (c < 0) {
            it->state = SG_STATE_PENDING;
            it->m = &set->v[i++];
            out->pending++;
        } else if (c > 0) {
            it->state = SG_STATE_MISSING;
            it->row = &l->v[j++];
            out->missing++;
        } else {
            it->m = &set->v[i++];
            it->row = &l->v[j++];
            if (it->row->dirty) {
                it->state = SG_STATE_DIRTY;
                out->dirty++;
                if (!out->first_dirty)
                    out->first_dirty = it;
            } else if (strcmp(it->m->checksum, it->row->checksum) != 0 &&
                       strcmp(it->m->checksum_raw, it->row->checksum) != 0) {
                it->state = SG_STATE_CHANGED;
                out->changed++;
                if (!out->first_changed)
                    out->first_changed = it;
            } else {
                it->state = SG_STATE_APPLIED;
                out->applied++;
            }
        }
    }
    /* A dirty row whose file is gone is still dirty. */
    for (size_t x = 0; x < k; x++)
        if (out->v[x].state == SG_STATE_MISSING && out->v[x].row->dirty) {
            out->v[x].state = SG_STATE_DIRTY;
            out->missing--;
            out->dirty++;
            if (!out->first_dirty)
                out->first_dirty = &out->v[x];
        }
    out->n = k;
    return 0;
}
