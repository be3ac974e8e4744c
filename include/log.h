/* log.h -- decision logging to stderr only (stdout belongs to the app).
 * Text lines read `schemagate: applied 20240101_users (12 ms)`; JSON lines are
 * one object each with ts, level, event, msg and the event's fields. Every
 * string is escaped, so a hostile file name cannot forge a log line. */
#ifndef SG_LOG_H
#define SG_LOG_H

#include <stdarg.h>

enum sg_log_level { SG_LOG_DEBUG, SG_LOG_INFO, SG_LOG_WARN, SG_LOG_ERROR, SG_LOG_QUIET };
enum sg_log_format { SG_LOG_TEXT, SG_LOG_JSON };

/* One structured field. Build with SG_S / SG_I inside SG_F(...). */
struct sg_field {
    const char *key; /* NULL ends a list */
    const char *s; /* string value, or NULL for an integer field */
    long long i;
};
#define SG_S(k, v)                                                                                 \
    {                                                                                              \
        .key = (k), .s = (v), .i = 0                                                               \
    }
#define SG_I(k, v)                                                                                 \
    {                                                                                              \
        .key = (k), .s = NULL, .i = (long long)(v)                                                 \
    }
#define SG_F(...) ((const struct sg_field[]){__VA_ARGS__, {NULL, NULL, 0}})
#define SG_NOFIELDS ((const struct sg_field *)0)

void sg_log_setup(enum sg_log_level level, enum sg_log_format format);
enum sg_log_level sg_log_level(void);
enum sg_log_format sg_log_format(void);

/* Logs one event. `event` is a stable snake_case name (documented in the
 * README); `fmt` builds the human message. */
void sg_log(enum sg_log_level level, const char *event, const struct sg_field *fields,
            const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
