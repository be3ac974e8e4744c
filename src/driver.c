/* driver.c -- the registry mapping URL schemes to the drivers linked in. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"
#include "exitcodes.h"

/* Weak: a driver that is not linked in (make DRIVERS=...) is simply absent,
 * and the engine and its unit tests link without any client library. */
extern const struct sg_driver sg_driver_sqlite __attribute__((weak));
extern const struct sg_driver sg_driver_postgres __attribute__((weak));
extern const struct sg_driver sg_driver_mysql __attribute__((weak));

#define SG_MAX_DRIVERS 8
static const struct sg_driver *drivers[SG_MAX_DRIVERS + 1];
static size_t ndrivers;

static void registry_init(void)
{
    if (ndrivers)
        return;
    if (&sg_driver_sqlite)
        drivers[ndrivers++] = &sg_driver_sqlite;
    if (&sg_driver_postgres)
        drivers[ndrivers++] = &sg_driver_postgres;
    if (&sg_driver_mysql)
        drivers[ndrivers++] = &sg_driver_mysql;
}

int sg_driver_register(const struct sg_driver *d)
{
    registry_init();
    if (ndrivers >= SG_MAX_DRIVERS)
        return -1;
    drivers[ndrivers++] = d;
    return 0;
}

const struct sg_driver *sg_driver_find(const char *scheme)
{
    registry_init();
    for (size_t i = 0; i < ndrivers; i++)
        for (const char *const *s = drivers[i]->schemes; *s; s++)
            if (strcmp(*s, scheme) == 0)
                return drivers[i];
    return NULL;
}

void sg_driver_schemes(char *buf, size_t size)
{
    size_t pos = 0;

    registry_init();
    buf[0] = '\0';
    for (size_t i = 0; i < ndrivers; i++)
        for (const char *const *s = drivers[i]->schemes; *s; s++) {
            int n = snprintf(buf + pos, size - pos, "%s%s", pos ? ", " : "", *s);
            if (n < 0 || (size_t)n >= size - pos)
                return;
            pos += (size_t)n;
        }
}

static int never(void)
{
    return 0;
}

struct sg_conn *sg_drv_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err)
{
    const struct sg_driver *d = sg_driver_find(url->scheme);
    struct sg_connect_opts opts = {0};

    if (!d) {
        char schemes[256];
        sg_driver_schemes(schemes, sizeof schemes);
        sg_error_set(err, SG_EX_CONFIG, "database URL: unknown scheme '%.32s' (compiled in: %s)",
                     url->scheme, schemes);
        return NULL;
    }
    /* Its client library is opened now, not at start-up: a SQLite run never
     * maps libpq or libmariadb (issue 16). */
    if (sg_dynlib_load(d->name, url->scheme, err) < 0)
        return NULL;
    /* Drivers get options with a stop callback always set. */
    if (o)
        opts = *o;
    if (!opts.stop)
        opts.stop = never;
    return d->connect(url, &opts, err);
}

int sg_rows_push(struct sg_rows *r, const char *const *cells, size_t ncols)
{
    char **nc;

    if (r->n && r->ncols != ncols)
        return -1;
    if (!(nc = realloc(r->cell, (r->n + 1) * ncols * sizeof *nc)))
        return -1;
    r->cell = nc;
    r->ncols = ncols;
    for (size_t j = 0; j < ncols; j++) {
        nc[r->n * ncols + j] = cells[j] ? strdup(cells[j]) : NULL;
        if (cells[j] && !nc[r->n * ncols + j]) {
            while (j-- > 0)
                free(nc[r->n * ncols + j]);
            return -1;
        }
    }
    r->n++;
    return 0;
}

const char *sg_rows_get(const struct sg_rows *r, size_t row, size_t col)
{
    return row < r->n && col < r->ncols ? r->cell[row * r->ncols + col] : NULL;
}

void sg_rows_free(struct sg_rows *r)
{
    for (size_t i = 0; i < r->n * r->ncols; i++)
        free(r->cell[i]);
    free(r->cell);
    memset(r, 0, sizeof *r);
}
