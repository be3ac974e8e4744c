/* harness.h -- running the real schemagate binary the way a container would,
 * for the end-to-end Check suites. The binary is $SG_BIN (set by tests/run.sh). */
#ifndef SG_TEST_HARNESS_H
#define SG_TEST_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

struct h_result {
    int status;     /* exit status, or 128+N when killed by signal N */
    char *out;      /* captured stdout (NUL-terminated, owned) */
    char *err;      /* captured stderr */
    long long ms;   /* wall time */
    pid_t pid;      /* the process that ran */
};

/* Runs schemagate with args (NULL-terminated, without argv[0]) in directory
 * cwd, with the current environment plus env ("K=V" entries, NULL-terminated;
 * "K=" with nothing after '=' unsets K). Waits at most timeout_ms (then
 * SIGKILL, status 137). Returns r->status. */
int h_run(struct h_result *r, const char *cwd, const char *const env[],
          const char *const args[], long long timeout_ms);
void h_result_free(struct h_result *r);

/* Starts schemagate in the background; stdout+stderr go to outfile
 * (NULL: /dev/null). Returns the pid. */
pid_t h_spawn(const char *cwd, const char *const env[], const char *const args[],
              const char *outfile);
/* Waits for pid at most timeout_ms; returns status as above, or -1 on timeout
 * (the process is then killed). */
int h_wait(pid_t pid, long long timeout_ms);

/* Runs `sh -c cmd` (printf-style) and returns its stdout, trimmed of one
 * trailing newline (owned; "" on failure, never NULL). */
char *h_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A fresh directory under $TMPDIR (owned string), removed by h_cleanup(). */
char *h_tmpdir(void);
/* Writes dir/name with content (creating dir/subdirs as needed), mode 0644. */
void h_write(const char *dir, const char *name, const char *content);
/* "sqlite:///<dir>/app.db"-style helpers are left to suites. */
long long h_now_ms(void);
/* A suite whose server is missing fails unless SG_TEST_ALLOW_SKIP=1. */
int h_skip_allowed(void);

/* Substring test that prints both strings on failure when used in ck_assert_msg. */
int h_has(const char *hay, const char *needle);

#endif
