/* fuzz_migration.c -- libFuzzer target for migration file names and file
 * bodies. The first byte picks what the rest is: a file name (for
 * sg_migration_name_parse and the version helpers) or a file body parsed as
 * each of the three layouts (dbmate, golang .up.sql, golang .down.sql).
 * Bodies are handed over in an exact-size buffer with no terminating NUL,
 * so ASan sees any read past the end. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "checksum.h"
#include "exitcodes.h"
#include "migration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void check_version(const char *v)
{
    char again[SG_VERSION_MAX + 1];
    size_t n = strlen(v);

    assert(n >= 1 && n <= SG_VERSION_MAX);
    for (size_t i = 0; i < n; i++)
        assert(is_digit(v[i]));
    assert(n == 1 || v[0] != '0');
    assert(sg_version_canon(v, again) == 0 && strcmp(again, v) == 0);
    assert(sg_version_cmp(v, v) == 0);
}

static void fuzz_name(const uint8_t *data, size_t size)
{
    char *fname = malloc(size + 1), version[SG_VERSION_MAX + 1], *name = (char *)1;
    int layout;

    if (!fname)
        return;
    memcpy(fname, data, size);
    fname[size] = '\0';
    layout = sg_migration_name_parse(fname, version, &name);
    assert(layout >= -3 && layout <= 2);
    if (layout >= 0) {
        size_t n = strlen(fname);
        const char *suffix = layout == 1 ? ".up.sql" : layout == 2 ? ".down.sql" : ".sql";

        /* "sql" in any case, as golang-migrate matches it. */
        assert(n > strlen(suffix) && strcasecmp(fname + n - strlen(suffix), suffix) == 0);
        check_version(version);
        assert(name && *name && strstr(fname, name));
        for (const char *c = name; *c; c++)
            assert((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || is_digit(*c) ||
                   *c == '_' || *c == '-' || *c == '.');
        free(name);
    } else {
        assert(name == NULL);
    }

    /* The version helpers on the raw text, split at the first '_'. */
    {
        char a[SG_VERSION_MAX + 1], b[SG_VERSION_MAX + 1];
        char *us = strchr(fname, '_');

        if (us)
            *us = '\0';
        if (sg_version_canon(fname, a) == 0) {
            check_version(a);
            if (us && sg_version_canon(us + 1, b) == 0) {
                int ab = sg_version_cmp(a, b), ba = sg_version_cmp(b, a);

                assert((ab < 0 && ba > 0) || (ab > 0 && ba < 0) || (ab == 0 && ba == 0));
                assert((ab == 0) == (strcmp(a, b) == 0));
            }
        }
    }
    free(fname);
}

/* A section must be a NUL-terminated copy of bytes of the input, starting
 * at its recorded line -- except that where a file holds several sections
 * of one direction (dbmate 2.29), what lies between them is blanked: each
 * byte is the input's or a space standing for one, and lines stay put. */
static int same_or_blanked(const char *in, const char *sec, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (sec[i] != in[i] && !(sec[i] == ' ' && in[i] != '\n'))
            return 0;
    return 1;
}

static void check_section(const struct sg_section *s, const char *buf, size_t size,
                          const char *file)
{
    assert(s->sql && s->sql[s->len] == '\0' && s->len <= size);
    assert(s->file == file);
    assert(s->line >= 1);
    if (s->len == 0)
        return; /* an empty section, maybe after a marker at the very end */
    /* A UTF-8 byte-order mark is skipped, as psql does. */
    if (s->line == 1 && size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 && s->len <= size - 3 &&
        same_or_blanked(buf + 3, s->sql, s->len))
        return;
    /* Find it: up and down sections start right after a newline (or at 0). */
    for (size_t off = 0, line = 1; off + s->len <= size; off++) {
        if ((off == 0 || buf[off - 1] == '\n') && (int)line == s->line) {
            assert(same_or_blanked(buf + off, s->sql, s->len));
            return;
        }
        if (off < size && buf[off] == '\n')
            line++;
    }
    assert(0 && "section not found at its line");
}

static void fuzz_body(const uint8_t *data, size_t size, int layout)
{
    char *buf = malloc(size ? size : 1);
    struct sg_migration m;
    struct sg_error err;
    char hex[65];

    if (!buf)
        return;
    if (size)
        memcpy(buf, data, size);
    memset(&m, 0, sizeof m);
    memset(&err, 0, sizeof err);
    m.up.lock_timeout_ms = m.down.lock_timeout_ms = -1;
    m.name = strdup("fuzz");
    m.file = strdup(layout == 0 ? "1_fuzz.sql" : "1_fuzz.up.sql");
    m.down_file = layout == 2 ? strdup("1_fuzz.down.sql") : NULL;
    if (!m.name || !m.file || (layout == 2 && !m.down_file)) {
        sg_migration_clear(&m);
        free(buf);
        return;
    }
    if (sg_migration_parse(&m, buf, size, layout, &err) == 0) {
        size_t bom = size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        assert(err.code == 0);
        if (layout == 2) {
            check_section(&m.down, buf, size, m.down_file);
            assert(m.down.len == size - bom && m.up.sql == NULL);
        } else {
            check_section(&m.up, buf, size, m.file);
            /* Raw bytes, and with CRLF and lone CR as LF (the checksum
             * ignores line endings); without a CR the two are one. */
            sg_sha256_hex(m.up.sql, m.up.len, hex);
            assert(strcmp(hex, m.checksum_raw) == 0);
            char *lf = malloc(m.up.len + 1);
            size_t n = 0;
            assert(lf);
            for (size_t i = 0; i < m.up.len; i++)
                if (m.up.sql[i] != '\r')
                    lf[n++] = m.up.sql[i];
                else if (i + 1 == m.up.len || m.up.sql[i + 1] != '\n')
                    lf[n++] = '\n';
            sg_sha256_hex(lf, n, hex);
            free(lf);
            assert(strcmp(hex, m.checksum) == 0);
            if (m.down.sql) {
                assert(layout == 0);
                check_section(&m.down, buf, size, m.file);
                assert(m.down.sql != m.up.sql);
            }
            if (layout == 1)
                assert(m.up.len == size - bom && m.up.line == 1);
        }
        assert(m.up.no_transaction == 0 || m.up.no_transaction == 1);
        assert(m.up.lock_timeout_ms >= -1 && m.down.lock_timeout_ms >= -1);
    } else {
        const char *file = layout == 2 ? m.down_file : m.file;

        assert(err.code == SG_EX_DATA || err.code == SG_EX_OSERR);
        assert(strncmp(err.msg, file, strlen(file)) == 0 || err.code == SG_EX_OSERR);
        assert(memchr(err.msg, '\0', sizeof err.msg));
    }
    sg_migration_clear(&m);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    /* 0: a file name; 1, 2, 3: a body as dbmate, golang up, golang down. */
    switch (data[0] & 3) {
    case 0: fuzz_name(data + 1, size - 1); break;
    case 1: fuzz_body(data + 1, size - 1, 0); break;
    case 2: fuzz_body(data + 1, size - 1, 1); break;
    default: fuzz_body(data + 1, size - 1, 2); break;
    }
    return 0;
}
