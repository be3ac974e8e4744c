/* record.c -- the ledger's SQL of record.h. The columns and the statements
 * are the product's; only the words of each dialect come from the driver:
 * a string literal, the table's qualified name, the current time. */
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"

int sg_ledger_sql(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                  const struct sg_ledger_row *r, struct sg_buf *out, struct sg_error *err)
{
    const struct sg_driver *d = c->driver;
    struct sg_buf t = {0};
    long long ms = r->execution_ms > 0 ? r->execution_ms : 0;

    if (sg_drv_table_sql(c, table, &t, err) < 0) {
        sg_buf_free(&t);
        return -1;
    }
    switch (op) {
    case SG_LEDGER_INSERT:
        sg_buf_fmt(out,
                   "INSERT INTO %s (version, name, checksum, applied_at, execution_ms, "
                   "applied_by, dirty, dirty_done) VALUES (",
                   t.p);
        sg_drv_quote(c, r->version, out);
        sg_buf_str(out, ", ");
        sg_drv_quote(c, r->name ? r->name : "", out);
        sg_buf_str(out, ", ");
        sg_drv_quote(c, r->checksum, out);
        if (r->execution_ms < 0 && d->txn_age_sql)
            sg_buf_fmt(out, ", %s, %s, ", d->now_sql, d->txn_age_sql);
        else
            sg_buf_fmt(out, ", %s, %lld, ", d->now_sql, ms);
        sg_drv_quote(c, r->applied_by ? r->applied_by : "", out);
        sg_buf_fmt(out, ", %s, 0)", r->dirty ? "true" : "false");
        break;
    case SG_LEDGER_DELETE: sg_buf_fmt(out, "DELETE FROM %s", t.p); break;
    case SG_LEDGER_DIRTY: sg_buf_fmt(out, "UPDATE %s SET dirty = true, dirty_done = 0", t.p); break;
    case SG_LEDGER_PROGRESS:
        sg_buf_fmt(out, "UPDATE %s SET dirty_done = %lld", t.p, r->dirty_done);
        break;
    case SG_LEDGER_CLEAN:
        sg_buf_fmt(out, "UPDATE %s SET dirty = false, dirty_done = 0", t.p);
        break;
    case SG_LEDGER_DONE:
        sg_buf_fmt(out,
                   "UPDATE %s SET dirty = false, dirty_done = 0, execution_ms = %lld, "
                   "applied_at = %s",
                   t.p, ms, d->now_sql);
        break;
    }
    if (op != SG_LEDGER_INSERT) {
        sg_buf_str(out, " WHERE version = ");
        sg_drv_quote(c, r->version, out);
    }
    sg_buf_free(&t);
    if (out->oom)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    return 0;
}

int sg_ledger_create(struct sg_conn *c, const char *table, struct sg_error *err)
{
    struct sg_buf b = {0};
    int rc = -1;

    sg_buf_str(&b, "CREATE TABLE IF NOT EXISTS ");
    if (sg_drv_table_sql(c, table, &b, err) == 0) {
        sg_buf_fmt(&b, " %s", c->driver->ledger_columns);
        if (b.oom)
            sg_error_set(err, SG_EX_OSERR, "out of memory");
        else if ((rc = sg_drv_exec(c, b.p, b.n, NULL, err)) < 0)
            sg_error_prefix(err, "unable to create the ledger table %s", table);
    }
    sg_buf_free(&b);
    return rc;
}

int sg_ledger_write(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                    const struct sg_ledger_row *row, struct sg_error *err)
{
    struct sg_buf b = {0};
    int rc = -1;

    if (sg_ledger_sql(c, table, op, row, &b, err) == 0)
        rc = sg_drv_exec(c, b.p, b.n, NULL, err);
    sg_buf_free(&b);
    return rc;
}

/* SELECT cols FROM table into rows; a missing table is exists = 0. */
static int select_from(struct sg_conn *c, const char *cols, const char *table, struct sg_rows *rows,
                       int *exists, struct sg_error *err)
{
    struct sg_buf b = {0};
    int rc;

    sg_buf_fmt(&b, "SELECT %s FROM ", cols);
    if (sg_drv_table_sql(c, table, &b, err) < 0) {
        sg_buf_free(&b);
        return -1;
    }
    if (b.oom) {
        sg_buf_free(&b);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    rc = c->driver->select(c, b.p, rows, err);
    sg_buf_free(&b);
    *exists = rc == 0;
    if (rc < 0 && err->code == SG_EX_NOINPUT) {
        sg_error_clear(err);
        return 0;
    }
    return rc;
}

int sg_ledger_read(struct sg_conn *c, const char *table, unsigned flags, struct sg_ledger *out,
                   struct sg_error *err)
{
    struct sg_rows rows = {0};
    char cols[256];
    int rc;

    memset(out, 0, sizeof *out);
    if (c->driver->ledger_read)
        return c->driver->ledger_read(c, table, flags, out, err);
    snprintf(cols, sizeof cols, SG_LEDGER_COLUMNS("%s"), c->driver->applied_at_sql);
    rc = select_from(c, cols, table, &rows, &out->exists, err);
    if (rc == 0 && out->exists)
        rc = sg_rows_ledger(&rows, out, err);
    sg_rows_free(&rows);
    if (rc < 0)
        sg_ledger_free(out);
    return rc;
}

int sg_history_read(struct sg_conn *c, const char *table, int with_dirty, struct sg_ledger *out,
                    struct sg_error *err)
{
    struct sg_rows rows = {0};
    int rc;

    memset(out, 0, sizeof *out);
    rc = select_from(c, with_dirty ? "version, dirty" : "version", table, &rows, &out->exists, err);
    for (size_t i = 0; rc == 0 && i < rows.n; i++) {
        const char *v = sg_rows_get(&rows, i, 0),
                   *dirty = with_dirty ? sg_rows_get(&rows, i, 1) : NULL;
        /* golang-migrate's dirty is boolean (t/f, 1/0, true/false). */
        int d = dirty && (strcmp(dirty, "1") == 0 || *dirty == 't' || *dirty == 'T');
        if (sg_ledger_push(out, v ? v : "", "", "", "", 0, "", d, 0) < 0)
            rc = sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    sg_rows_free(&rows);
    if (rc < 0) {
        if (err->code != SG_EX_OSERR && err->code != SG_EX_UNAVAILABLE)
            err->code = SG_EX_DATA; /* an unexpected history table */
        sg_ledger_free(out);
    }
    return rc;
}
