/* config.h -- pure parsers for settings: database URLs (with redaction),
 * durations and identifiers. No I/O except reading secret files
 * (sg_url_read_file, sg_url_load_password_file). */
#ifndef SG_CONFIG_H
#define SG_CONFIG_H

#include <stddef.h>
#include "error.h"

struct sg_param {
    char *key; /* percent-decoded */
    char *value; /* percent-decoded */
};

/* A parsed database URL. All strings are owned by the struct; fields the URL
 * does not have are NULL. `raw` holds the URL as given (it may contain the
 * password): hand it only to a client library, never to a log. */
struct sg_url {
    char *raw;
    char *scheme; /* lower-cased: "sqlite", "postgres", "mysql", ... */
    char *user; /* percent-decoded */
    char *password; /* percent-decoded; secret */
    char *hosts; /* authority after '@', verbatim ("h1:5432,h2", "[::1]:3306") */
    char *host; /* first host, without port or brackets */
    int port; /* port of the first host, 0 if absent */
    char *path; /* sqlite: the file path; others: database name (decoded) */
    struct sg_param *params;
    size_t nparams;
    char *redacted; /* raw with the password replaced by "***" */
};

/* Parses `s` into `out` (zeroed first). A parse error never echoes the
 * password: the message names the setting and the problem only. */
int sg_url_parse(const char *s, struct sg_url *out, struct sg_error *err);
void sg_url_free(struct sg_url *u);
/* Copies u into out (a deep copy: free it with sg_url_free). 0, or -1 when
 * out of memory (out is then empty). */
int sg_url_dup(const struct sg_url *u, struct sg_url *out);
/* Refuses a query parameter not in `known` (NULL-terminated), suggesting
 * the one meant (ssl_mode for ssl-mode), or one given twice: code 78. */
int sg_url_check_params(const struct sg_url *u, const char *const *known, struct sg_error *err);

/* Returns the value of query parameter `key`, or NULL. */
const char *sg_url_param(const struct sg_url *u, const char *key);
/* Parses query parameter `key` as a duration into *ms, left as it is when
 * the URL has no such parameter. Outside [min_ms, max_ms] is code 78,
 * naming the bounds as `range` says them ("between 1s and 1h"). */
int sg_url_param_ms(const struct sg_url *u, const char *key, long long min_ms, long long max_ms,
                    const char *range, long long *ms, struct sg_error *err);

/* Returns a malloc'd copy of the URL `s` with any password (userinfo or a
 * password= parameter) replaced by "***". Never fails on malformed input:
 * what cannot be parsed is elided. NULL only on allocation failure. */
char *sg_url_redact(const char *s);

/* Reads a URL from a file (DATABASE_URL_FILE): a regular file that is not
 * readable by group or others unless allow_insecure; one trailing newline is
 * stripped. Returns a malloc'd string or NULL with err set (code 78). */
char *sg_url_read_file(const char *path, int allow_insecure, struct sg_error *err);

/* Resolves a "password-file=/path" query parameter of a parsed URL: reads
 * the password with the rules of sg_url_read_file, sets u->password, drops
 * the parameter from u->params and rewrites u->raw with the password
 * percent-encoded in its userinfo (drivers may pass raw to their client
 * library, which knows no password-file). u->redacted keeps the path.
 * A URL that also carries a password is refused. 0 when there is no such
 * parameter or it was resolved; -1 with err set (code 78). */
int sg_url_load_password_file(struct sg_url *u, int allow_insecure, struct sg_error *err);

/* Parses "0", "250ms", "30s", "5m", "1h" (and a bare number as seconds)
 * into milliseconds. Returns 0, or -1 with err set (code 78) naming `what`. */
int sg_duration_parse(const char *s, const char *what, long long *ms, struct sg_error *err);

/* True if `s` is a plain SQL identifier: [A-Za-z_][A-Za-z0-9_]{0,62}. */
int sg_ident_valid(const char *s);

#endif
