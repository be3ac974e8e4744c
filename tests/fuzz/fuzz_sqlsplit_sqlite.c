/* fuzz_sqlsplit_sqlite.c -- differential libFuzzer target: the SQLite
 * splitter against SQLite's own idea of where a statement ends,
 * sqlite3_complete() (src/complete.c, what the sqlite3 shell splits with;
 * the splitter copies its trigger state machine). Each statement's `;` must
 * complete the text from the statement's start, no `;` inside it may, and
 * text the splitter refuses as unterminated must not be complete. The
 * parser itself (sqlite3_prepare_v2) is compared on the seed corpora by
 * tests/integration/test_splitdiff.c; it needs the schema to exist, which
 * random input does not provide. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sqlsplit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* sqlite3_complete on s[from..to] (inclusive), as its own string. */
static int complete(const char *s, size_t from, size_t to, char *buf)
{
    memcpy(buf, s + from, to - from + 1);
    buf[to - from + 1] = '\0';
    return sqlite3_complete(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct sg_stmt *v;
    struct sg_error err;
    size_t n;
    unsigned flags = 0;
    char *sql, *buf;

    /* sqlite3_complete reads a C string. */
    if (memchr(data, 0, size))
        return 0;
    sql = malloc(size + 1);
    buf = malloc(size + 1);
    if (!sql || !buf) {
        free(sql);
        free(buf);
        return 0;
    }
    memcpy(sql, data, size);
    sql[size] = '\0';
    memset(&err, 0, sizeof err);
    if (sg_sql_split_ex(sql, size, SG_DIALECT_SQLITE, "fuzz.sql", 1, &v, &n, &flags, &err) < 0) {
        assert(!sqlite3_complete(sql) && "the splitter refuses a text sqlite3_complete accepts");
        goto out;
    }
    for (size_t k = 0; k < n; k++) {
        size_t end = v[k].off + v[k].len, semi = end, inner = 0;
        int last_open = k + 1 == n && (flags & SG_SPLIT_OPEN_END);

        /* No `;` inside the statement completes it (64 looked at, to stay
         * linear enough for the fuzzer). */
        for (size_t q = v[k].off; q < end && inner < 64; q++)
            if (sql[q] == ';') {
                inner++;
                assert(!complete(sql, v[k].off, q, buf) && "a statement ends earlier for SQLite");
            }
        if (last_open) {
            assert(!complete(sql, v[k].off, size - 1, buf) &&
                   "an open last statement is complete for SQLite");
            break;
        }
        /* Its delimiter, after blanks and comments. */
        while (semi < size && sql[semi] != ';') {
            if (sql[semi] == '-' && sql[semi + 1] == '-') {
                while (semi < size && sql[semi] != '\n')
                    semi++;
            } else if (sql[semi] == '/' && sql[semi + 1] == '*') {
                const char *e = strstr(sql + semi + 2, "*/");
                assert(e != NULL);
                semi = (size_t)(e - sql) + 2;
            } else {
                semi++;
            }
        }
        assert(semi < size);
        assert(complete(sql, v[k].off, semi, buf) && "SQLite does not end the statement there");
    }
    free(v);
out:
    free(sql);
    free(buf);
    return 0;
}
