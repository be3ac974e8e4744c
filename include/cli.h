/* cli.h -- the command line and its environment twins. A flag wins over the
 * environment, which wins over the default. Parsing stops at the command
 * and again at "--", after which everything is the program to exec. */
#ifndef SG_CLI_H
#define SG_CLI_H

#include "error.h"
#include "log.h"
#include "migration.h"

enum sg_command {
    SG_CMD_NONE,
    SG_CMD_UP,
    SG_CMD_STATUS,
    SG_CMD_VALIDATE,
    SG_CMD_NEW,
    SG_CMD_WAIT,
    SG_CMD_LOCK,
    SG_CMD_DOWN,
    SG_CMD_REDO,
    SG_CMD_REPAIR,
    SG_CMD_BASELINE,
    SG_CMD_ADOPT,
    SG_CMD_HELP,
    SG_CMD_VERSION
};

struct sg_options {
    enum sg_command command;
    char *database_url; /* owned; secret */
    const char *database_url_source; /* "--database-url", "DATABASE_URL", ... for messages */
    const char *migrations_dir;
    const char *table;
    long long lock_timeout_ms; /* 0 = for ever */
    long long wait_for_db_ms; /* retry connecting for this long */
    long long timeout_ms; /* wait/lock --timeout, 0 = for ever */
    long long ddl_lock_timeout_ms;
    long long statement_timeout_ms;
    long long ddl_retries;
    int has_lock_key;
    long long lock_key;
    int lock_mode; /* --lock-mode: an enum sg_lock_mode */
    long long lease_ms; /* --lease */
    enum sg_log_level log_level;
    enum sg_log_format log_format;
    int json; /* status --format=json */
    int dialect; /* --dialect: an enum sg_dialect, or -1 */
    const char *to_version; /* up --to, canonical (points into to_buf), or NULL */
    char to_buf[SG_VERSION_MAX + 1];
    const char *lock_name; /* lock --name */
    int adopt_golang; /* adopt --from: 1 golang-migrate, 0 dbmate */
    const char *scrub_env; /* --scrub-env list */
    int allow_insecure_files; /* --allow-insecure-files */
    int allow_empty; /* --allow-empty */
    int repair_applied; /* repair: 1 --applied, 0 --not-applied */
    char version[SG_VERSION_MAX + 1]; /* repair/baseline VERSION, canonical */
    long long count; /* down N (default 1) */
    const char *name; /* new NAME */
    char **program; /* argv after "--", NULL-terminated, or NULL */
};

/* Parses argv and the environment into o, and checks every command's
 * arguments: code 64 for usage errors (the only source of 64), 78 for bad
 * values. */
int sg_cli_parse(int argc, char **argv, struct sg_options *o, struct sg_error *err);
void sg_cli_free(struct sg_options *o);
void sg_cli_usage(void); /* --help, to stdout */
void sg_cli_version(void); /* --version, to stdout */

#endif
