/* buf.c -- the growable buffer of buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for n more bytes and the NUL; 0, or -1 (and oom set). */
static int reserve(struct sg_buf *b, size_t n)
{
    if (b->oom)
        return -1;
    if (n > ((size_t)-1 >> 1) - b->n - 1) {
        b->oom = 1;
        return -1;
    }
    if (b->n + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1)
        cap *= 2;
    char *np = realloc(b->p, cap);
    if (!np) {
        b->oom = 1;
        return -1;
    }
    b->p = np;
    b->cap = cap;
    return 0;
}

void sg_buf_add(struct sg_buf *b, const void *s, size_t n)
{
    if (reserve(b, n) < 0)
        return;
    if (n)
        memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void sg_buf_str(struct sg_buf *b, const char *s)
{
    sg_buf_add(b, s, strlen(s));
}

void sg_buf_fmt(struct sg_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if (reserve(b, (size_t)n) < 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void sg_buf_quoted(struct sg_buf *b, const char *s, char q)
{
    sg_buf_add(b, &q, 1);
    for (const char *p; (p = strchr(s, q)) != NULL; s = p + 1) {
        sg_buf_add(b, s, (size_t)(p - s) + 1);
        sg_buf_add(b, &q, 1);
    }
    sg_buf_str(b, s);
    sg_buf_add(b, &q, 1);
}

void sg_buf_reset(struct sg_buf *b)
{
    b->n = 0;
    b->oom = 0;
    if (b->p)
        b->p[0] = '\0';
}

void sg_buf_free(struct sg_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}
