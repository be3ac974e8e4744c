/* log.c -- one line per decision on stderr, as text or JSON. Every string
 * is escaped (control bytes as \xNN in text, JSON escapes in JSON) so a file
 * name or server message cannot forge a log line (CWE-117). */
#include "log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static enum sg_log_level log_level = SG_LOG_INFO;
static enum sg_log_format log_format = SG_LOG_TEXT;

void sg_log_setup(enum sg_log_level level, enum sg_log_format format)
{
    log_level = level;
    log_format = format;
}

enum sg_log_level sg_log_level(void)
{
    return log_level;
}
enum sg_log_format sg_log_format(void)
{
    return log_format;
}

static const char *level_name(enum sg_log_level l)
{
    switch (l) {
    case SG_LOG_DEBUG: return "debug";
    case SG_LOG_INFO: return "info";
    case SG_LOG_WARN: return "warn";
    default: return "error";
    }
}

/* Appends s to buf[*pos..size), escaped for the format; stops before
 * size - 64 so a JSON line can always be closed. 1 if s was cut short. */
static int put_escaped(char *buf, size_t size, size_t *pos, const char *s, int json)
{
    for (; *s && *pos + 64 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (json && (c == '"' || c == '\\')) {
            buf[(*pos)++] = '\\';
            buf[(*pos)++] = (char)c;
        } else if (json && c == '\n') {
            memcpy(buf + *pos, "\\n", 2);
            *pos += 2;
        } else if (c < 0x20 || c == 0x7f) {
            *pos += (size_t)snprintf(buf + *pos, size - *pos, json ? "\\u%04x" : "\\x%02x", c);
        } else {
            buf[(*pos)++] = (char)c;
        }
    }
    buf[*pos] = '\0';
    return *s != '\0';
}

static void put_raw(char *buf, size_t size, size_t *pos, const char *s)
{
    size_t n = strlen(s);

    if (*pos >= size)
        return;
    if (n >= size - *pos)
        n = size - *pos - 1;
    memcpy(buf + *pos, s, n);
    *pos += n;
    buf[*pos] = '\0';
}

void sg_log(enum sg_log_level level, const char *event, const struct sg_field *fields,
            const char *fmt, ...)
{
    char msg[1024], line[4096], num[32];
    size_t pos = 0;
    va_list ap;

    if (level < log_level)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    if (log_format == SG_LOG_TEXT) {
        put_raw(line, sizeof line, &pos, "schemagate: ");
        if (level == SG_LOG_ERROR)
            put_raw(line, sizeof line, &pos, "fatal: ");
        else if (level == SG_LOG_WARN)
            put_raw(line, sizeof line, &pos, "warning: ");
        put_escaped(line, sizeof line, &pos, msg, 0);
    } else {
        struct timespec ts;
        struct tm tm;
        char when[40];

        clock_gettime(CLOCK_REALTIME, &ts);
        gmtime_r(&ts.tv_sec, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
        snprintf(num, sizeof num, ".%03ldZ", ts.tv_nsec / 1000000);
        put_raw(line, sizeof line, &pos, "{\"ts\":\"");
        put_raw(line, sizeof line, &pos, when);
        put_raw(line, sizeof line, &pos, num);
        put_raw(line, sizeof line, &pos, "\",\"level\":\"");
        put_raw(line, sizeof line, &pos, level_name(level));
        put_raw(line, sizeof line, &pos, "\",\"event\":\"");
        put_escaped(line, sizeof line, &pos, event, 1);
        put_raw(line, sizeof line, &pos, "\",\"msg\":\"");
        int cut = put_escaped(line, sizeof line, &pos, msg, 1);
        put_raw(line, sizeof line, &pos, "\"");
        /* A line cut short keeps its fields out but stays one JSON object. */
        for (const struct sg_field *f = fields; !cut && f && f->key; f++) {
            if (pos + 128 >= sizeof line)
                break;
            put_raw(line, sizeof line, &pos, ",\"");
            put_escaped(line, sizeof line, &pos, f->key, 1);
            put_raw(line, sizeof line, &pos, "\":");
            if (f->s) {
                put_raw(line, sizeof line, &pos, "\"");
                cut = put_escaped(line, sizeof line, &pos, f->s, 1);
                put_raw(line, sizeof line, &pos, "\"");
            } else {
                snprintf(num, sizeof num, "%lld", f->i);
                put_raw(line, sizeof line, &pos, num);
            }
        }
        put_raw(line, sizeof line, &pos, "}");
    }
    /* One write per line so concurrent replicas sharing a stream never interleave. */
    if (pos > sizeof line - 2)
        pos = sizeof line - 2;
    line[pos++] = '\n';
    for (size_t off = 0; off < pos;) {
        ssize_t w = write(STDERR_FILENO, line + off, pos - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
}
