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

void sg_oneline(char *buf, size_t size, const char *s)
{
    size_t n = 0;

    if (!s)
        s = "";
    while (*s == ' ' || *s == '\n')
        s++;
    for (; *s && n + 1 < size; s++) {
        if (*s == '\n') {
            /* libpq's multi-host errors continue on indented lines: keep
             * them, folded; drop its "\tIs the server running" hints. */
            while (s[1] == '\t' || s[1] == ' ')
                s++;
            if (!s[1] || n + 3 >= size)
                break;
            buf[n++] = ';';
            buf[n++] = ' ';
            continue;
        }
        buf[n++] = *s == '\t' ? ' ' : *s;
    }
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == ';'))
        n--;
    buf[n] = '\0';
}

void sg_scrub(char *buf, const char *secret)
{
    size_t sl;
    char *p;

    if (!secret || (sl = strlen(secret)) < 1)
        return;
    while ((p = strstr(buf, secret)) != NULL) {
        if (sl < 3) {
            /* Too short to scrub without making a mess: drop the message. */
            strcpy(buf, "(message withheld: it may contain the password)");
            return;
        }
        memcpy(p, "***", 3);
        memmove(p + 3, p + sl, strlen(p + sl) + 1);
    }
}
