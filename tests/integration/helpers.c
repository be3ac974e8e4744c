/* helpers.c -- what every integration suite needs: the URLs under test,
 * sessions, unique names, migrations built through the real parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "apply.h"
#include "record.h"
#include "config.h"
#include "integration.h"
#include "lock.h"

#define IT_MAX_URLS 16

static char *urls[IT_MAX_URLS];
static size_t nurls;
static int urls_read;

static void read_urls(void)
{
    const char *env = getenv("SG_TEST_URLS");
    char *copy, *save = NULL, *tok;

    if (urls_read)
        return;
    urls_read = 1;
    if (!env)
        return;
    copy = strdup(env);
    for (tok = strtok_r(copy, " \t\n", &save); tok && nurls < IT_MAX_URLS;
         tok = strtok_r(NULL, " \t\n", &save))
        urls[nurls++] = strdup(tok);
    free(copy);
}

size_t it_url_count(void)
{
    read_urls();
    return nurls;
}

const char *it_url(size_t i)
{
    read_urls();
    return i < nurls ? urls[i] : NULL;
}

const char *it_url_for(const char *schemes)
{
    read_urls();
    for (size_t i = 0; i < nurls; i++) {
        size_t sl = strcspn(urls[i], ":");
        const char *s = schemes;
        while (*s) {
            size_t n = strcspn(s, ",");
            if (n == sl && strncmp(s, urls[i], n) == 0)
                return urls[i];
            s += n;
            if (*s == ',')
                s++;
        }
    }
    return NULL;
}

struct sg_conn *it_connect_opts(const char *url, const struct sg_connect_opts *o,
                                struct sg_error *err)
{
    struct sg_url u;
    struct sg_error e = {0};
    struct sg_conn *c;

    if (sg_url_parse(url, &u, err ? err : &e) < 0) {
        ck_assert_msg(err != NULL, "bad test URL: %s", e.msg);
        return NULL;
    }
    c = sg_drv_connect(&u, o, err ? err : &e);
    sg_url_free(&u);
    ck_assert_msg(c || err, "connect failed: %s (code %d)", e.msg, e.code);
    return c;
}

struct sg_conn *it_connect(const char *url, const char *app, struct sg_error *err)
{
    struct sg_error e = {0};
    struct sg_conn *c;
    char name[64];
    struct sg_connect_opts o = {0};

    snprintf(name, sizeof name, "schemagate-it %d", (int)getpid());
    o.application_name = app ? app : name;
    c = it_connect_opts(url, &o, err);
    /* As the engine readies a session once it holds the lock. */
    if (c && sg_drv_prepare(c, err ? err : &e) < 0) {
        ck_assert_msg(err != NULL, "session set-up failed: %s (code %d)", e.msg, e.code);
        sg_drv_close(c);
        return NULL;
    }
    return c;
}

const char *it_name(const char *prefix)
{
    static char buf[8][64];
    static unsigned n;
    char *b = buf[n % 8];

    snprintf(b, sizeof buf[0], "%s_%d_%u", prefix, (int)getpid(), n);
    n++;
    return b;
}

struct sg_migration *it_migration(const char *version, const char *name, const char *text)
{
    struct sg_migration *m = calloc(1, sizeof *m);
    struct sg_error e = {0};
    char file[256];

    ck_assert_ptr_nonnull(m);
    snprintf(m->version, sizeof m->version, "%s", version);
    m->name = strdup(name);
    snprintf(file, sizeof file, "%s_%s.sql", version, name);
    m->file = strdup(file);
    m->up.lock_timeout_ms = m->down.lock_timeout_ms = -1;
    ck_assert_msg(sg_migration_parse(m, text, strlen(text), 0, &e) == 0,
                  "test migration does not parse: %s", e.msg);
    return m;
}

void it_migration_free(struct sg_migration *m)
{
    if (!m)
        return;
    sg_migration_clear(m);
    free(m);
}

void it_lock_for(struct sg_conn *c, const char *table, struct sg_lock *out)
{
    char scope[512];
    struct sg_error e = {0};

    ck_assert_msg(c->driver->scope(c, table, scope, sizeof scope, &e) == 0, "scope: %s", e.msg);
    sg_lock_derive(scope, out);
}

int it_apply(struct sg_conn *c, const char *table, const struct sg_migration *m, int down,
             long long lock_timeout_ms, struct sg_error *err)
{
    struct sg_apply_opts o = {
        .table = table, .applied_by = "it-host:42", .lock_timeout_ms = lock_timeout_ms};

    sg_error_clear(err);
    return sg_apply(c, &o, m, down, err);
}

int it_ledger_write(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                    const struct sg_migration *m, const char *version, struct sg_error *err)
{
    struct sg_ledger_row row;

    memset(&row, 0, sizeof row);
    snprintf(row.version, sizeof row.version, "%s", version);
    snprintf(row.checksum, sizeof row.checksum, "%s", m ? m->checksum : "");
    row.name = m ? m->name : (char *)"";
    row.applied_by = (char *)"it-host:1";
    sg_error_clear(err);
    return sg_ledger_write(c, table, op, &row, err);
}

int it_skip_allowed(void)
{
    const char *v = getenv("SG_TEST_ALLOW_SKIP");
    return v && strcmp(v, "1") == 0;
}

const struct sg_ledger_row *it_row(struct sg_conn *c, const char *table, const char *version,
                                   struct sg_ledger *l)
{
    struct sg_error e = {0};

    ck_assert_msg(sg_ledger_read(c, table, 0, l, &e) == 0, "ledger_read: %s", e.msg);
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].version, version) == 0)
            return &l->v[i];
    return NULL;
}

int it_try_lock_within(struct sg_conn *c, const struct sg_lock *l, long long ms)
{
    long long end = it_now_ms() + ms;
    struct sg_error e = {0};
    int r;

    for (;;) {
        r = c->driver->try_lock(c, l, &e);
        ck_assert_msg(r >= 0, "try_lock: %s", e.msg);
        if (r == 1 || it_now_ms() >= end)
            return r;
        it_sleep_ms(20);
    }
}

long long it_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void it_sleep_ms(long long ms)
{
    struct timespec ts = {.tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000L};

    while (nanosleep(&ts, &ts) < 0)
        ;
}
