/* status.c -- the commands that take no lock: status, validate, new, wait.
 * They read the ledger and change nothing. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "status.h"

#include "apply.h"
#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "lock.h"
#include "log.h"

/* Writes s as a JSON string to f. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static int read_ledger(struct sg_engine *e, struct sg_ledger *l, struct sg_error *err)
{
    struct sg_conn *c = sg_session_open(e, err);
    int rc;

    if (!c)
        return -1;
    rc = sg_session_read(e, c, l, err);
    sg_session_close(&c);
    return rc;
}

static void print_json(const struct sg_engine *e, const struct sg_plan *p, const char *lockdesc,
                       const struct sg_lease_info *li)
{
    printf("{\"lock_key\":");
    json_str(stdout, lockdesc);
    printf(",\"lease\":");
    if (li->found) {
        printf("{\"holder\":");
        json_str(stdout, li->expires_in_ms > 0 ? li->holder : "");
        printf(",\"token\":%lld,\"expires_in_ms\":%lld,\"held_ms\":%lld}", li->token,
               li->expires_in_ms > 0 ? li->expires_in_ms : 0,
               li->expires_in_ms > 0 ? li->held_ms : 0);
    } else {
        printf("null");
    }
    printf(",\"table\":");
    json_str(stdout, e->table);
    printf(",\"applied\":%zu,\"pending\":%zu,\"changed\":%zu,\"missing\":%zu,\"dirty\":%zu,"
           "\"migrations\":[",
           p->applied, p->pending, p->changed, p->missing, p->dirty);
    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        printf("%s{\"version\":", i ? "," : "");
        json_str(stdout, it->m ? it->m->version : it->row->version);
        printf(",\"name\":");
        json_str(stdout, it->m ? it->m->name : it->row->name);
        printf(",\"state\":\"%s\",\"file\":", sg_state_name(it->state));
        if (it->m)
            json_str(stdout, it->m->file);
        else
            printf("null");
        printf(",\"applied_at\":");
        if (it->row)
            json_str(stdout, it->row->applied_at);
        else
            printf("null");
        if (it->row)
            printf(",\"execution_ms\":%lld,\"applied_by\":", it->row->execution_ms);
        else
            printf(",\"execution_ms\":null,\"applied_by\":");
        if (it->row)
            json_str(stdout, it->row->applied_by);
        else
            printf("null");
        printf("}");
    }
    printf("]}\n");
}

static void print_text(const struct sg_plan *p, const char *lockdesc,
                       const struct sg_lease_info *li)
{
    printf("%-10s %-20s %-24s %s\n", "STATE", "VERSION", "APPLIED AT", "NAME");
    for (size_t i = 0; i < p->n; i++) {
        const struct sg_plan_item *it = &p->v[i];
        /* Every item has a file, a ledger row, or both. */
        const char *version = it->m ? it->m->version : it->row ? it->row->version : "?";
        const char *name = it->m ? it->m->name : it->row ? it->row->name : "?";
        printf("%-10s %-20s %-24s %s\n", sg_state_name(it->state), version,
               it->row ? it->row->applied_at : "-", name);
    }
    printf("\n%zu applied, %zu pending, %zu changed, %zu missing, %zu dirty; lock key %s\n",
           p->applied, p->pending, p->changed, p->missing, p->dirty, lockdesc);
    if (li->found && li->expires_in_ms > 0)
        printf("lease: held by %s (token %lld) for %lld s, expires in %lld ms\n", li->holder,
               li->token, li->held_ms / 1000, li->expires_in_ms);
    else if (li->found)
        printf("lease: free (last token %lld)\n", li->token);
}

int sg_cmd_status(struct sg_engine *e, int json, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    char lockdesc[96] = "";
    struct sg_lease_info li = {0};

    {
        struct sg_conn *c = sg_session_open(e, err);
        struct sg_lock lk;
        if (!c)
            return -1;
        int rc = sg_session_read(e, c, &l, err);
        if (rc == 0)
            rc = sg_session_lock_id(e, c, NULL, &lk, err);
        if (rc == 0)
            snprintf(lockdesc, sizeof lockdesc, "%s",
                     c->driver->caps & SG_CAP_NAMED_LOCK ? lk.name : lk.desc);
        if (rc == 0)
            rc = sg_lease_info(c, e->table, &lk, &li, err);
        sg_session_close(&c);
        if (rc < 0) {
            sg_ledger_free(&l);
            return -1;
        }
    }
    if (sg_plan_build(&e->set, &l, &p, err) < 0) {
        sg_ledger_free(&l);
        return -1;
    }
    if (json)
        print_json(e, &p, lockdesc, &li);
    else
        print_text(&p, lockdesc, &li);
    fflush(stdout);
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return 0;
}

/* Every section passes the rule of apply.c in dialect d (-1: in at least
 * one dialect, since without a URL the target is unknown). */
static int check_files(const struct sg_engine *e, int d, struct sg_error *err)
{
    static const enum sg_dialect all[] = {SG_DIALECT_POSTGRES, SG_DIALECT_MYSQL, SG_DIALECT_SQLITE};

    for (size_t i = 0; i < e->set.n; i++)
        for (int down = 0; down < 2; down++) {
            const struct sg_migration *m = &e->set.v[i];
            struct sg_error first = {0}, other = {0};
            if (down && !m->down.sql)
                continue;
            if (d >= 0) {
                if (sg_apply_check(m, down, (enum sg_dialect)d, 0, err) < 0)
                    return -1;
                continue;
            }
            int ok = 0;
            for (size_t k = 0; k < sizeof all / sizeof all[0] && !ok; k++)
                ok = sg_apply_check(m, down, all[k], 0, k ? &other : &first) == 0;
            if (!ok) {
                *err = first;
                return sg_error_append(err, "(no dialect accepts it; --dialect or a database "
                                            "URL checks for one)");
            }
        }
    return 0;
}

int sg_cmd_validate(struct sg_engine *e, int dialect, struct sg_error *err)
{
    struct sg_ledger l = {0};
    struct sg_plan p = {0};
    int rc = 0;

    if (e->has_url) {
        const struct sg_driver *drv = sg_driver_find(e->url.scheme);
        if (drv)
            dialect = (int)drv->dialect;
    }
    /* The files parsed while loading; their statements are judged here
     * exactly as `up` will judge them. */
    if (check_files(e, dialect, err) < 0)
        return -1;
    if (!e->has_url) {
        sg_log(SG_LOG_INFO, "valid", SG_F(SG_I("migrations", e->set.n)),
               "%zu migration file(s) are valid", e->set.n);
        return 0;
    }
    if (read_ledger(e, &l, err) < 0 || sg_plan_build(&e->set, &l, &p, err) < 0) {
        sg_ledger_free(&l);
        return -1;
    }
    if (p.first_changed || p.first_dirty) {
        /* One fatal line, naming the first problem and how many there are. */
        const struct sg_plan_item *it = p.first_dirty ? p.first_dirty : p.first_changed;
        rc = sg_error_set(err, SG_EX_DATA, "%s: %s%s", it->m ? it->m->file : it->row->name,
                          it->state == SG_STATE_DIRTY ? "dirty in the database"
                                                      : "changed after it was applied",
                          p.changed + p.dirty > 1 ? " (and others: see status)" : "");
    } else {
        sg_log(SG_LOG_INFO, "valid",
               SG_F(SG_I("migrations", e->set.n), SG_I("applied", p.applied),
                    SG_I("pending", p.pending)),
               "%zu migration file(s) are valid; %zu applied with matching checksums, %zu pending",
               e->set.n, p.applied, p.pending);
    }
    sg_plan_free(&p);
    sg_ledger_free(&l);
    return rc;
}

/* What `new` learns from the directory: whether it already holds
 * golang-migrate files (then `new` writes that layout too), and whether a
 * version is taken (two `new` in one second would collide). */
static int dir_uses_golang(DIR *d)
{
    struct dirent *e;
    int golang = 0, dbmate = 0;

    rewinddir(d);
    while ((e = readdir(d))) {
        char version[SG_VERSION_MAX + 1], *name = NULL;
        int layout = sg_migration_name_parse(e->d_name, version, &name);
        free(name);
        golang += layout == 1 || layout == 2;
        dbmate += layout == 0;
    }
    /* A mixed directory keeps dbmate's one file per migration. */
    return golang > 0 && dbmate == 0;
}

static int version_taken(DIR *d, const char *stamp)
{
    struct dirent *e;
    size_t n = strlen(stamp);

    rewinddir(d);
    while ((e = readdir(d)))
        if (strncmp(e->d_name, stamp, n) == 0 && e->d_name[n] == '_')
            return 1;
    return 0;
}

/* Creates dir/file with body, refusing to overwrite. */
static int create(const char *dir, const char *file, const char *body, struct sg_error *err)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, file), fd;
    size_t len = strlen(body);

    if (n < 0 || (size_t)n >= sizeof path)
        return sg_error_set(err, SG_EX_CONFIG, "new: path too long");
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return sg_error_set(err, errno == ENOENT ? SG_EX_NOINPUT : SG_EX_OSERR,
                            "unable to create %s: %s", path, strerror(errno));
    if (write(fd, body, len) != (ssize_t)len || close(fd) < 0) {
        unlink(path);
        return sg_error_set(err, SG_EX_OSERR, "unable to write %s: %s", path, strerror(errno));
    }
    printf("%s\n", path);
    return 0;
}

int sg_cmd_new(const char *dir, const char *name, struct sg_error *err)
{
    char file[512], stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    DIR *d = opendir(dir);
    int golang, rc = -1;

    if (!d)
        return sg_error_set(err, errno == ENOENT ? SG_EX_NOINPUT : SG_EX_OSERR,
                            "unable to open migrations directory %s: %s", dir, strerror(errno));
    golang = dir_uses_golang(d);
    /* The next second with no migration of that version yet. */
    for (int tries = 0;; tries++, now++) {
        gmtime_r(&now, &tm);
        strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm);
        if (!version_taken(d, stamp))
            break;
        if (tries > 3600) {
            sg_error_set(err, SG_EX_OSERR, "new: no free version in the next hour");
            goto out;
        }
    }
    if (golang) {
        snprintf(file, sizeof file, "%s_%s.up.sql", stamp, name);
        if (create(dir, file, "", err) < 0)
            goto out;
        snprintf(file, sizeof file, "%s_%s.down.sql", stamp, name);
        if (create(dir, file, "", err) < 0)
            goto out;
    } else {
        snprintf(file, sizeof file, "%s_%s.sql", stamp, name);
        if (create(dir, file, "-- migrate:up\n\n\n-- migrate:down\n\n", err) < 0)
            goto out;
    }
    rc = 0;
out:
    fflush(stdout);
    closedir(d);
    return rc;
}

/* A dirty row is a migration in progress while another process holds the
 * lock, and one that failed for good when nobody does. 1 for good, 0 in
 * progress, -1 with err set. The lock is let go at once if we got it. */
static int dirty_for_good(struct sg_engine *e, struct sg_error *err)
{
    struct sg_conn *c = sg_session_open(e, err);
    struct sg_lock lk;
    int r;

    if (!c)
        return -1;
    r = sg_session_mode(e, c, err);
    if (r == 0)
        r = sg_session_lock_id(e, c, NULL, &lk, err);
    if (r == 0)
        r = sg_lock_try(c, &lk, err);
    if (r == 1)
        sg_session_unlock(c, &lk);
    sg_session_close(&c);
    return r;
}

int sg_cmd_wait(struct sg_engine *e, long long timeout_ms, struct sg_error *err)
{
    long long start = sg_now_ms(), last_log = 0;
    unsigned attempt = 0;

    for (;;) {
        struct sg_ledger l = {0};
        struct sg_plan p = {0};
        int done = 0;

        if (read_ledger(e, &l, err) < 0 || sg_plan_build(&e->set, &l, &p, err) < 0) {
            sg_ledger_free(&l);
            return -1;
        }
        if (p.first_changed || (p.first_dirty && dirty_for_good(e, err) != 0)) {
            int rc = -1;
            if (p.first_changed)
                rc = sg_error_set(err, SG_EX_DATA, "%s was changed after it was applied",
                                  p.first_changed->m->file);
            else if (err->code == 0)
                rc = sg_error_set(err, SG_EX_DATA,
                                  "migration %s is dirty and nobody is applying it: it failed "
                                  "or was interrupted after %lld statement(s); waiting would "
                                  "never end -- inspect the database, then run 'schemagate "
                                  "repair %s --applied' or '--not-applied'",
                                  p.first_dirty->row->version, p.first_dirty->row->dirty_done,
                                  p.first_dirty->row->version);
            sg_plan_free(&p);
            sg_ledger_free(&l);
            return rc;
        }
        if (l.exists && p.pending == 0 && p.dirty == 0) {
            for (size_t i = 0; i < p.n; i++)
                if (p.v[i].state == SG_STATE_MISSING)
                    sg_log(SG_LOG_INFO, "database_ahead",
                           SG_F(SG_S("version", p.v[i].row->version)),
                           "version %s is recorded but has no file here: the database is ahead "
                           "(rolling deploy)",
                           p.v[i].row->version);
            sg_log(SG_LOG_INFO, "schema_ready",
                   SG_F(SG_I("applied", p.applied), SG_I("waited_ms", sg_now_ms() - start)),
                   "schema is current (%zu applied) after %lld ms", p.applied, sg_now_ms() - start);
            done = 1;
        }
        size_t pending = p.pending + p.dirty;
        sg_plan_free(&p);
        sg_ledger_free(&l);
        if (done)
            return 0;
        long long now = sg_now_ms();
        if (now - last_log >= 10000 || attempt == 0) {
            sg_log(SG_LOG_INFO, "waiting_for_schema",
                   SG_F(SG_I("pending", pending), SG_I("waited_ms", now - start)),
                   "waiting for %zu migration(s) to be applied by another process (%lld s so far)",
                   pending, (now - start) / 1000);
            last_log = now;
        }
        if (timeout_ms > 0 && now - start >= timeout_ms)
            return sg_error_set(err, SG_EX_TEMPFAIL,
                                "%zu migration(s) still pending after %lld ms (--timeout)", pending,
                                timeout_ms);
        long long d = sg_backoff_ms(attempt++, 50, 1000);
        if (timeout_ms > 0 && d > timeout_ms - (now - start))
            d = timeout_ms - (now - start);
        if (sg_sleep_ms(d) < 0)
            return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                                "stopped by signal %d while waiting", sg_signal_pending());
    }
}
