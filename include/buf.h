/* buf.h -- a growable byte buffer for building SQL text. Allocation failure
 * is sticky: callers append freely and check `oom` once at the end, so a
 * long chain of appends has one error path, not one per call. */
#ifndef SG_BUF_H
#define SG_BUF_H

#include <stddef.h>

struct sg_buf {
    char *p; /* NUL-terminated while !oom; NULL until the first append */
    size_t n; /* bytes, without the NUL */
    size_t cap;
    int oom; /* an append failed: the contents are incomplete */
};

void sg_buf_add(struct sg_buf *b, const void *s, size_t n);
void sg_buf_str(struct sg_buf *b, const char *s);
void sg_buf_fmt(struct sg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s between two q, each q in it doubled: SQL's quoting of a string
 * literal (q = '\''), an identifier ('"'; MySQL's '`'). */
void sg_buf_quoted(struct sg_buf *b, const char *s, char q);
/* Empties b, keeping its memory. */
void sg_buf_reset(struct sg_buf *b);
/* Frees b's memory; b is empty and usable again. */
void sg_buf_free(struct sg_buf *b);

#endif
