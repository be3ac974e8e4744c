/* fuzz_sqlsplit.c -- libFuzzer target for the statement splitter. Every
 * input is split as all three dialects; any result must be a well-formed
 * list of statements, and any failure must leave no output behind. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"
#include "sqlsplit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void check_stmt(const char *sql, size_t size, const struct sg_stmt *st, int first_line)
{
    char kw[64], tiny[2];
    int line, col;

    assert(st->len > 0);
    assert(st->off <= size && st->len <= size - st->off);
    assert(!is_blank(sql[st->off]) && !is_blank(sql[st->off + st->len - 1]));
    assert(st->line >= first_line && st->col >= 1);
    sg_sql_position(sql, st->off, first_line, &line, &col);
    assert(line == st->line && col == st->col);

    sg_sql_keyword(sql + st->off, st->len, kw, sizeof kw);
    assert(strlen(kw) < sizeof kw);
    sg_sql_keyword(sql + st->off, st->len, tiny, sizeof tiny);
    assert(strlen(tiny) <= 1 && strncmp(kw, tiny, strlen(tiny)) == 0);
    for (size_t i = 0; kw[i]; i++)
        assert((kw[i] >= 'A' && kw[i] <= 'Z') || kw[i] == '_');
    for (int d = SG_DIALECT_POSTGRES; d <= SG_DIALECT_SQLITE; d++) {
        int t = sg_sql_is_txn_control(sql + st->off, st->len, (enum sg_dialect)d);

        assert(t == 0 || t == 1);
    }
}

/* A statement's text, split again on its own, is that one statement:
 * whatever ended it was outside its bytes. (Not for MySQL, where an
 * earlier DELIMITER line may have changed what ends a statement.) */
static void check_resplit(const char *sql, const struct sg_stmt *st, enum sg_dialect d)
{
    struct sg_stmt *v;
    struct sg_error err;
    size_t n;
    char *copy = malloc(st->len);

    if (!copy)
        return;
    memcpy(copy, sql + st->off, st->len);
    memset(&err, 0, sizeof err);
    if (sg_sql_split(copy, st->len, d, "re.sql", st->line, &v, &n, &err) == 0) {
        assert(n == 1 && v[0].off == 0 && v[0].len == st->len);
        assert(v[0].line == st->line);
        free(v);
    } else {
        assert(0 && "a statement that split cleanly fails on its own");
    }
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, never NUL-terminated, so ASan sees any read past
     * the end. */
    char *sql = malloc(size ? size : 1);
    const int first_line = 1 + (size ? data[0] % 50 : 0);

    if (!sql)
        return 0;
    if (size)
        memcpy(sql, data, size);

    for (int d = SG_DIALECT_POSTGRES; d <= SG_DIALECT_SQLITE; d++) {
        struct sg_stmt *v = (struct sg_stmt *)1;
        struct sg_error err;
        size_t n = 12345;
        size_t prev_end = 0;

        memset(&err, 0, sizeof err);
        if (sg_sql_split(sql, size, (enum sg_dialect)d, "fuzz.sql", first_line, &v, &n, &err) <
            0) {
            assert(v == NULL && n == 0);
            assert(err.code == SG_EX_DATA || err.code == SG_EX_OSERR);
            assert(strncmp(err.msg, "fuzz.sql:", 9) == 0 || err.code == SG_EX_OSERR);
            continue;
        }
        assert(n == 0 || v != NULL);
        for (size_t k = 0; k < n; k++) {
            assert(v[k].off >= prev_end);
            if (k > 0)
                assert(v[k].line >= v[k - 1].line);
            check_stmt(sql, size, &v[k], first_line);
            if (d != SG_DIALECT_MYSQL)
                check_resplit(sql, &v[k], (enum sg_dialect)d);
            prev_end = v[k].off + v[k].len;
        }
        free(v);
    }

    {
        char kw[16];

        sg_sql_keyword(sql, size, kw, sizeof kw);
        for (int d = SG_DIALECT_POSTGRES; d <= SG_DIALECT_SQLITE; d++)
            (void)sg_sql_is_txn_control(sql, size, (enum sg_dialect)d);
    }
    free(sql);
    return 0;
}
