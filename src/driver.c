/* driver.c -- the registry mapping URL schemes to the drivers linked in. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct sg_conn *sg_drv_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                               struct sg_error *err)
{
    const struct sg_driver *d = sg_driver_find(url->scheme);

    if (!d) {
        char schemes[256];
        sg_driver_schemes(schemes, sizeof schemes);
        sg_error_set(err, SG_EX_CONFIG, "database URL: unknown scheme '%.32s' (compiled in: %s)",
                     url->scheme, schemes);
        return NULL;
    }
    return d->connect(url, o, err);
}
