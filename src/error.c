/* error.c -- filling in struct sg_error. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int sg_error_set(struct sg_error *err, int code, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return -1;
    err->code = code;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

int sg_error_prefix(struct sg_error *err, const char *fmt, ...)
{
    char ctx[256], old[sizeof err->msg];
    va_list ap;

    if (!err)
        return -1;
    va_start(ap, fmt);
    vsnprintf(ctx, sizeof ctx, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    /* Truncation is acceptable: the message stays one NUL-terminated line. */
    size_t n = strlen(ctx);
    if (n > sizeof err->msg - 3)
        n = sizeof err->msg - 3;
    memcpy(err->msg, ctx, n);
    memcpy(err->msg + n, ": ", 2);
    n += 2;
    size_t m = strnlen(old, sizeof old - 1);
    if (m > sizeof err->msg - 1 - n)
        m = sizeof err->msg - 1 - n;
    memcpy(err->msg + n, old, m);
    err->msg[n + m] = '\0';
    return -1;
}

int sg_error_append(struct sg_error *err, const char *fmt, ...)
{
    va_list ap;
    size_t n;

    if (!err)
        return -1;
    n = strnlen(err->msg, sizeof err->msg - 1);
    if (n + 3 >= sizeof err->msg)
        return -1;
    memcpy(err->msg + n, "; ", 2);
    n += 2;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof err->msg - n, fmt, ap);
    va_end(ap);
    return -1;
}

void sg_error_clear(struct sg_error *err)
{
    memset(err, 0, sizeof *err);
}
