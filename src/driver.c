/* driver.c -- the registry mapping URL schemes to the drivers linked in, and
 * what every driver may use that is not its client library's. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

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

int sg_drv_table_sql(struct sg_conn *c, const char *table, struct sg_buf *out, struct sg_error *err)
{
    if (c->driver->table_sql)
        return c->driver->table_sql(c, table, out, err);
    sg_buf_quoted(out, table, '"');
    return out->oom ? sg_error_set(err, SG_EX_OSERR, "out of memory") : 0;
}

void sg_drv_quote(struct sg_conn *c, const char *s, struct sg_buf *out)
{
    if (c->driver->quote)
        c->driver->quote(c, s, out);
    else
        sg_buf_quoted(out, s, '\'');
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

int sg_rows_ledger(const struct sg_rows *r, struct sg_ledger *out, struct sg_error *err)
{
    out->exists = 1;
    for (size_t i = 0; i < r->n; i++) {
        const char *dirty = sg_rows_get(r, i, 6), *ms = sg_rows_get(r, i, 4);
        const char *done = sg_rows_get(r, i, 7);
        if (sg_ledger_push(out, sg_rows_get(r, i, 0), sg_rows_get(r, i, 1), sg_rows_get(r, i, 2),
                           sg_rows_get(r, i, 3), ms ? atoll(ms) : 0, sg_rows_get(r, i, 5),
                           dirty && (strcmp(dirty, "1") == 0 || *dirty == 't'),
                           done ? atoll(done) : 0) < 0) {
            sg_ledger_free(out);
            return sg_error_set(err, SG_EX_OSERR, "out of memory");
        }
    }
    sg_ledger_sort(out);
    return 0;
}

void sg_rows_free(struct sg_rows *r)
{
    for (size_t i = 0; i < r->n * r->ncols; i++)
        free(r->cell[i]);
    free(r->cell);
    memset(r, 0, sizeof *r);
}

void *sg_driver_conn_new(size_t size, const struct sg_driver *d, const struct sg_connect_opts *o,
                         struct sg_error *err)
{
    struct sg_conn *c = calloc(1, size);

    if (!c) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        return NULL;
    }
    c->driver = d;
    c->stop = o->stop;
    return c;
}

int sg_driver_transient_in(const struct sg_error *err, const char *const *numbers)
{
    if (err->code != SG_EX_UNAVAILABLE || err->sys_errno == EINTR)
        return 0;
    if (!err->sqlstate[0])
        return 1;
    for (size_t i = 0; numbers[i]; i++)
        if (strcmp(err->sqlstate, numbers[i]) == 0)
            return 1;
    return 0;
}

void sg_driver_socket_tune(int fd, int idle_s, int intvl_s, int cnt)
{
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    int one = 1, fl;

    if (fd < 0)
        return;
    if ((fl = fcntl(fd, F_GETFD)) >= 0)
        fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0 ||
        (ss.ss_family != AF_INET && ss.ss_family != AF_INET6))
        return;
    /* A failure leaves the kernel defaults, which still work. */
    (void)setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle_s, sizeof idle_s);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl_s, sizeof intvl_s);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
}
