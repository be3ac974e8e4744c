/* main.c -- reads like the product: parse, load the files, connect, lock,
 * apply, release, exec. The only place that turns an error into an exit
 * status, and the only place that logs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "exitcodes.h"
#include "handoff.h"
#include "log.h"
#include "runner.h"

static int needs_url(enum sg_command c)
{
    return c != SG_CMD_NEW && c != SG_CMD_VALIDATE;
}

static int needs_migrations(enum sg_command c)
{
    return c != SG_CMD_NEW && c != SG_CMD_LOCK;
}

static void ctx_free(struct sg_ctx *ctx)
{
    sg_migrations_free(&ctx->set);
    sg_url_free(&ctx->url);
}

int main(int argc, char **argv)
{
    struct sg_options o;
    struct sg_error err = {0};
    struct sg_ctx ctx;
    char host[128] = "unknown";
    int rc;

    memset(&ctx, 0, sizeof ctx);
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
    gethostname(host, sizeof host - 1);
    ctx.o = &o;
    snprintf(ctx.applied_by, sizeof ctx.applied_by, "%s:%ld", host, (long)getpid());
    snprintf(ctx.app_name, sizeof ctx.app_name, "schemagate %s %ld", host, (long)getpid());

    if (o.database_url) {
        if (sg_url_parse(o.database_url, &ctx.url, &err) < 0) {
            sg_error_prefix(&err, "%s", o.database_url_source);
            goto fail;
        }
        if (sg_url_load_password_file(&ctx.url, o.allow_insecure_files, &err) < 0)
            goto fail;
        ctx.has_url = 1;
        if (ctx.url.password && strcmp(o.database_url_source, "--database-url") == 0)
            sg_log(SG_LOG_WARN, "password_in_argv", SG_NOFIELDS,
                   "the --database-url password is visible to every local user in "
                   "/proc/PID/cmdline; use DATABASE_URL_FILE or password-file= instead");
    } else if (needs_url(o.command)) {
        sg_error_set(&err, SG_EX_CONFIG,
                     "no database URL: set --database-url, DATABASE_URL or DATABASE_URL_FILE");
        goto fail;
    }
    if (needs_migrations(o.command) &&
        sg_migrations_load_flags(o.migrations_dir,
                                 o.allow_insecure_files ? SG_MIG_ALLOW_INSECURE : 0, &ctx.set,
                                 &err) < 0)
        goto fail;
    for (size_t i = 0; i < ctx.set.n; i++)
        if (ctx.set.v[i].hardlinked)
            sg_log(SG_LOG_WARN, "migration_hardlinked", SG_F(SG_S("file", ctx.set.v[i].file)),
                   "%s has other hard links: whoever can write one of them can change it",
                   ctx.set.v[i].file);

    switch (o.command) {
    case SG_CMD_UP: rc = sg_cmd_up(&ctx, &err); break;
    case SG_CMD_STATUS: rc = sg_cmd_status(&ctx, &err); break;
    case SG_CMD_VALIDATE: rc = sg_cmd_validate(&ctx, &err); break;
    case SG_CMD_NEW: rc = sg_cmd_new(&ctx, &err); break;
    case SG_CMD_WAIT: rc = sg_cmd_wait(&ctx, &err); break;
    case SG_CMD_REPAIR: rc = sg_cmd_repair(&ctx, &err); break;
    case SG_CMD_BASELINE: rc = sg_cmd_baseline(&ctx, &err); break;
    case SG_CMD_ADOPT: rc = sg_cmd_adopt(&ctx, &err); break;
    case SG_CMD_DOWN:
    case SG_CMD_REDO: {
        long long n = 1;
        if (o.arg) {
            char *end;
            n = strtoll(o.arg, &end, 10);
            if (*end || n < 1 || o.command == SG_CMD_REDO) {
                rc = sg_error_set(&err, SG_EX_USAGE, "down takes a positive count (default 1)");
                break;
            }
        }
        rc = sg_cmd_down(&ctx, n, &err);
        if (rc == 0 && o.command == SG_CMD_REDO)
            rc = sg_cmd_up(&ctx, &err);
        break;
    }
    case SG_CMD_LOCK: {
        int status = sg_cmd_lock(&ctx, &err);
        if (status < 0)
            goto fail;
        ctx_free(&ctx);
        sg_cli_free(&o);
        return status;
    }
    default: rc = sg_error_set(&err, SG_EX_USAGE, "command not available");
    }
    if (rc < 0)
        goto fail;

    if (o.program) {
        char **program = o.program;
        char scrub[1024];
        /* Free everything first: the app inherits none of our memory or fds. */
        snprintf(scrub, sizeof scrub, "DATABASE_URL_FILE%s%s", o.scrub_env ? "," : "",
                 o.scrub_env ? o.scrub_env : "");
        ctx_free(&ctx);
        sg_log(SG_LOG_INFO, "exec", SG_F(SG_S("program", program[0])), "exec %s", program[0]);
        sg_cli_free(&o);
        sg_env_scrub(scrub);
        return sg_exec(program);
    }
    ctx_free(&ctx);
    sg_cli_free(&o);
    return 0;

fail:
    if (sg_signal_pending())
        err.code = SG_EX_SIGNAL_BASE + sg_signal_pending();
    if (err.code == 0)
        err.code = SG_EX_SOFTWARE;
    sg_log(SG_LOG_ERROR, "fatal", SG_F(SG_I("exit", err.code)), "%s", err.msg);
    ctx_free(&ctx);
    sg_cli_free(&o);
    return err.code;
}
