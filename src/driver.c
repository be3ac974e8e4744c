/* driver.c -- the registry mapping URL schemes to the drivers compiled in,
 * and the ledger container every driver fills. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"

static const struct sg_driver *const drivers[] = {
#ifdef SG_HAVE_SQLITE
    &sg_driver_sqlite,
#endif
#ifdef SG_HAVE_POSTGRES
    &sg_driver_postgres,
#endif
#ifdef SG_HAVE_MYSQL
    &sg_driver_mysql,
#endif
    NULL};

const struct sg_driver *sg_driver_find(const char *scheme)
{
    for (size_t i = 0; drivers[i]; i++)
        for (const char *const *s = drivers[i]->schemes; *s; s++)
            if (strcmp(*s, scheme) == 0)
                return drivers[i];
    return NULL;
}

void sg_driver_schemes(char *buf, size_t size)
{
    size_t pos = 0;

    buf[0] = '\0';
    for (size_t i = 0; drivers[i]; i++)
        for (const char *const *s = drivers[i]->schemes; *s; s++) {
            int n = snprintf(buf + pos, size - pos, "%s%s", pos ? ", " : "", *s);
            if (n < 0 || (size_t)n >= size - pos)
                return;
            pos += (size_t)n;
        }
}

struct sg_conn *sg_drv_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err)
{
    const struct sg_driver *d = sg_driver_find(url->scheme);

    if (!d) {
        char schemes[256];
        sg_driver_schemes(schemes, sizeof schemes);
        sg_error_set(err, SG_EX_CONFIG,
                     "database URL: unknown scheme '%.32s' (compiled in: %s)", url->scheme,
                     schemes);
        return NULL;
    }
    return d->connect(url, o, err);
}

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

int sg_ledger_push(struct sg_ledger *l, const char *version, const char *name,
                   const char *checksum, const char *applied_at, long long execution_ms,
                   const char *applied_by, int dirty, long long dirty_done)
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
