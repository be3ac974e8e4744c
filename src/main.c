/* main.c -- reads like the product: parse, load the files, connect, lock,
 * apply, release, exec. The only place that turns an error into an exit
 * status, and the only place that logs it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "engine.h"
#include "exitcodes.h"
#include "handoff.h"
#include "log.h"
#include "status.h"
#include "supervise.h"

/* Kubernetes reads the file at the container's terminationMessagePath
 * (/dev/termination-log unless the pod says otherwise) into the pod's
 * status: `kubectl describe pod` then says why without the logs. Only an
 * existing, writable file is written; the message is the redacted line. */
static void termination_message(const char *msg, int code)
{
    const char *path = getenv("SCHEMAGATE_TERMINATION_LOG");
    char line[700];
    int fd, n;

    if (!path || !*path)
        path = "/dev/termination-log";
    fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
    if (fd < 0)
        return;
    n = snprintf(line, sizeof line, "schemagate: %s (exit %d)\n", msg, code);
    if (n > 0)
        (void)!write(fd, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1));
    close(fd);
}

static int needs_url(enum sg_command c)
{
    return c != SG_CMD_NEW && c != SG_CMD_VALIDATE;
}

static int needs_migrations(enum sg_command c)
{
    return c != SG_CMD_NEW && c != SG_CMD_LOCK;
}

/* The engine's settings, from the command line; its URL and migrations. */
static int engine_setup(const struct sg_options *o, struct sg_engine *e, struct sg_error *err)
{
    char host[128] = "unknown";

    e->table = o->table;
    e->lock_timeout_ms = o->lock_timeout_ms;
    e->wait_for_db_ms = o->wait_for_db_ms;
    e->ddl_lock_timeout_ms = o->ddl_lock_timeout_ms;
    e->statement_timeout_ms = o->statement_timeout_ms;
    e->ddl_retries = o->ddl_retries;
    e->has_lock_key = o->has_lock_key;
    e->lock_key = o->lock_key;
    e->lock_mode = (enum sg_lock_mode)o->lock_mode;
    e->lease_ms = o->lease_ms;
    gethostname(host, sizeof host - 1);
    snprintf(e->applied_by, sizeof e->applied_by, "%s:%ld", host, (long)getpid());
    snprintf(e->app_name, sizeof e->app_name, "schemagate %s %ld", host, (long)getpid());

    if (o->database_url) {
        if (sg_url_parse(o->database_url, &e->url, err) < 0)
            return sg_error_prefix(err, "%s", o->database_url_source);
        /* Before password-file= fills in the password: that one is not in argv. */
        if (e->url.password && strcmp(o->database_url_source, "--database-url") == 0)
            sg_log(SG_LOG_WARN, "password_in_argv", SG_NOFIELDS,
                   "the --database-url password is visible to every local user in "
                   "/proc/PID/cmdline; use DATABASE_URL_FILE or password-file= instead");
        if (sg_url_load_password_file(&e->url, o->allow_insecure_files, err) < 0)
            return -1;
        e->has_url = 1;
    } else if (needs_url(o->command)) {
        return sg_error_set(err, SG_EX_CONFIG,
                            "no database URL: set --database-url, DATABASE_URL or "
                            "DATABASE_URL_FILE");
    }
    if (needs_migrations(o->command) &&
        sg_migrations_load_flags(o->migrations_dir,
                                 o->allow_insecure_files ? SG_MIG_ALLOW_INSECURE : 0, &e->set,
                                 err) < 0)
        return -1;
    /* An image built without its migrations must not start the app as if
     * all were well (dbmate: "no migration files found"). */
    if (needs_migrations(o->command) && e->set.n == 0 && !o->allow_empty &&
        o->command != SG_CMD_STATUS && o->command != SG_CMD_REPAIR)
        return sg_error_set(err, SG_EX_NOINPUT,
                            "no migration files in %s; if it is empty on purpose, pass "
                            "--allow-empty (SCHEMAGATE_ALLOW_EMPTY=1)",
                            o->migrations_dir);
    for (size_t i = 0; i < e->set.n; i++)
        if (e->set.v[i].hardlinked)
            sg_log(SG_LOG_WARN, "migration_hardlinked", SG_F(SG_S("file", e->set.v[i].file)),
                   "%s has other hard links: whoever can write one of them can change it",
                   e->set.v[i].file);
    return 0;
}

/* Runs the command; for `lock`, *status gets the child's exit status. */
static int dispatch(const struct sg_options *o, struct sg_engine *e, int *status,
                    struct sg_error *err)
{
    switch (o->command) {
    case SG_CMD_UP: return sg_cmd_up(e, o->to_version, err);
    case SG_CMD_STATUS: return sg_cmd_status(e, o->json, err);
    case SG_CMD_VALIDATE: return sg_cmd_validate(e, o->dialect, err);
    case SG_CMD_NEW: return sg_cmd_new(o->migrations_dir, o->name, err);
    case SG_CMD_WAIT: return sg_cmd_wait(e, o->timeout_ms, err);
    case SG_CMD_REPAIR: return sg_cmd_repair(e, o->version, o->repair_applied, err);
    case SG_CMD_BASELINE: return sg_cmd_baseline(e, o->version, err);
    case SG_CMD_ADOPT:
        return sg_cmd_adopt(e, o->adopt_golang ? SG_ADOPT_GOLANG_MIGRATE : SG_ADOPT_DBMATE, err);
    case SG_CMD_DOWN: return sg_cmd_down(e, o->count, err);
    case SG_CMD_REDO:
        if (sg_cmd_down(e, 1, err) < 0)
            return -1;
        return sg_cmd_up(e, NULL, err);
    case SG_CMD_LOCK:
        *status = sg_cmd_lock(e, o->lock_name, o->timeout_ms ? o->timeout_ms : o->lock_timeout_ms,
                              o->program, o->scrub_env, err);
        return *status < 0 ? -1 : 0;
    default: return sg_error_set(err, SG_EX_SOFTWARE, "command not available");
    }
}

int main(int argc, char **argv)
{
    struct sg_options o;
    struct sg_error err = {0};
    struct sg_engine e;
    int status = 0;

    memset(&e, 0, sizeof e);
    if (sg_cli_parse(argc, argv, &o, &err) < 0)
        goto fail;
    if (o.command == SG_CMD_HELP) {
        sg_cli_usage();
        return 0;
    }
    if (o.command == SG_CMD_VERSION) {
        sg_cli_version();
        return 0;
    }
    sg_log_setup(o.log_level, o.log_format);
    if (sg_signals_install() < 0) {
        sg_error_set(&err, SG_EX_OSERR, "unable to install signal handlers");
        goto fail;
    }
    srandom((unsigned)getpid() ^ (unsigned)time(NULL) ^ (unsigned)clock());
    if (engine_setup(&o, &e, &err) < 0 || dispatch(&o, &e, &status, &err) < 0)
        goto fail;
    if (o.command == SG_CMD_LOCK) {
        sg_engine_free(&e);
        sg_cli_free(&o);
        return status;
    }
    if (o.program) {
        char **program = o.program;
        char scrub[1024];
        /* Free everything first: the app inherits none of our memory or fds. */
        snprintf(scrub, sizeof scrub, "DATABASE_URL_FILE%s%s", o.scrub_env ? "," : "",
                 o.scrub_env ? o.scrub_env : "");
        sg_engine_free(&e);
        sg_log(SG_LOG_INFO, "exec", SG_F(SG_S("program", program[0])), "exec %s", program[0]);
        sg_cli_free(&o);
        sg_env_scrub(scrub);
        return sg_exec(program);
    }
    sg_engine_free(&e);
    sg_cli_free(&o);
    return 0;

fail:
    /* 128+N: the one place a signal becomes an exit status. */
    if (sg_signal_pending())
        err.code = SG_EX_SIGNAL_BASE + sg_signal_pending();
    if (err.code == 0)
        err.code = SG_EX_SOFTWARE;
    sg_log(SG_LOG_ERROR, "fatal", SG_F(SG_I("exit", err.code)), "%s", err.msg);
    termination_message(err.msg, err.code);
    sg_engine_free(&e);
    sg_cli_free(&o);
    return err.code;
}
