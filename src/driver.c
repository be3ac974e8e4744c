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
        sg_error_set(err, SG_EX_CONFIG, "database URL: unknown scheme '%.32s' (compiled in: %s)",
                     url->scheme, schemes);
        return NULL;
    }
    return d->connect(url, o, err);
}
