/* cli.c -- getopt_long("+...") over global and command options, then the
 * environment twins, then defaults. Values are validated here so a bad
 * setting is a one-line configuration error naming it, before any I/O. */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "exitcodes.h"

enum {
    OPT_TABLE = 256,
    OPT_LOCK_TIMEOUT,
    OPT_LOG_FORMAT,
    OPT_TO,
    OPT_FORMAT,
    OPT_TIMEOUT,
    OPT_NAME,
    OPT_WAIT_FOR_DB,
    OPT_LOCK_KEY,
    OPT_DDL_LOCK_TIMEOUT,
    OPT_DDL_RETRIES,
    OPT_STATEMENT_TIMEOUT,
    OPT_APPLIED,
    OPT_NOT_APPLIED,
    OPT_FROM,
    OPT_SCRUB_ENV,
    OPT_ALLOW_INSECURE,
    OPT_LOG_LEVEL
};

static const struct option longopts[] = {
    {"database-url", required_argument, NULL, 'u'},
    {"migrations-dir", required_argument, NULL, 'd'},
    {"table", required_argument, NULL, OPT_TABLE},
    {"lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT},
    {"lock-key", required_argument, NULL, OPT_LOCK_KEY},
    {"wait-for-db", required_argument, NULL, OPT_WAIT_FOR_DB},
    {"ddl-lock-timeout", required_argument, NULL, OPT_DDL_LOCK_TIMEOUT},
    {"ddl-retries", required_argument, NULL, OPT_DDL_RETRIES},
    {"statement-timeout", required_argument, NULL, OPT_STATEMENT_TIMEOUT},
    {"log-format", required_argument, NULL, OPT_LOG_FORMAT},
    {"log-level", required_argument, NULL, OPT_LOG_LEVEL},
    {"scrub-env", required_argument, NULL, OPT_SCRUB_ENV},
    {"allow-insecure-files", no_argument, NULL, OPT_ALLOW_INSECURE},
    {"to", required_argument, NULL, OPT_TO},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"name", required_argument, NULL, OPT_NAME},
    {"from", required_argument, NULL, OPT_FROM},
    {"applied", no_argument, NULL, OPT_APPLIED},
    {"not-applied", no_argument, NULL, OPT_NOT_APPLIED},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static const struct {
    const char *word;
    enum sg_command cmd;
} commands[] = {{"up", SG_CMD_UP},
                {"status", SG_CMD_STATUS},
                {"validate", SG_CMD_VALIDATE},
                {"new", SG_CMD_NEW},
                {"wait", SG_CMD_WAIT},
                {"lock", SG_CMD_LOCK},
                {"down", SG_CMD_DOWN},
                {"redo", SG_CMD_REDO},
                {"repair", SG_CMD_REPAIR},
                {"baseline", SG_CMD_BASELINE},
                {"adopt", SG_CMD_ADOPT},
                {"help", SG_CMD_HELP},
                {"version", SG_CMD_VERSION}};

void sg_cli_usage(void)
{
    fputs(
        "Usage: schemagate [OPTION]... COMMAND [ARG]... [-- PROGRAM [ARG]...]\n"
        "Apply SQL migrations exactly once under a database lock, then exec PROGRAM.\n"
        "\n"
        "Commands:\n"
        "  up [--to VERSION] [-- PROGRAM...]   apply pending migrations, then exec PROGRAM\n"
        "  status [--format text|json]         list migrations: applied/pending/changed/missing\n"
        "  validate                            parse every file (and compare checksums with a "
        "URL)\n"
        "  new NAME                            create DIR/YYYYMMDDHHMMSS_NAME.sql\n"
        "  wait [--timeout D] [-- PROGRAM...]  wait until all migrations are applied, then exec\n"
        "  lock [--name N] [--timeout D] -- COMMAND...  run COMMAND while holding the lock\n"
        "  down [N]                            roll back the last N (default 1) migrations\n"
        "  redo                                down 1, then up\n"
        "  repair VERSION --applied|--not-applied  clear a dirty migration\n"
        "  baseline VERSION                    record migrations up to VERSION without running "
        "them\n"
        "  adopt --from golang-migrate|dbmate  import another tool's history\n"
        "\n"
        "Options (environment twin in brackets; a flag wins over the environment):\n"
        "  -u, --database-url=URL      [DATABASE_URL, or DATABASE_URL_FILE] required\n"
        "                              sqlite:path.db, sqlite:///abs.db, postgres://..., "
        "mysql://...\n"
        "  -d, --migrations-dir=DIR    [SCHEMAGATE_MIGRATIONS_DIR] default ./migrations\n"
        "      --table=NAME            [SCHEMAGATE_TABLE] default schemagate_migrations\n"
        "      --lock-timeout=D        [SCHEMAGATE_LOCK_TIMEOUT] default 0 = wait for ever\n"
        "      --lock-key=N            [SCHEMAGATE_LOCK_KEY] override the derived lock key\n"
        "      --wait-for-db=D         [SCHEMAGATE_WAIT_FOR_DB] retry connecting, default 30s\n"
        "      --ddl-lock-timeout=D    [SCHEMAGATE_DDL_LOCK_TIMEOUT] table-lock wait, default 5s\n"
        "      --ddl-retries=N         [SCHEMAGATE_DDL_RETRIES] default 5\n"
        "      --statement-timeout=D   [SCHEMAGATE_STATEMENT_TIMEOUT] default 0 = none\n"
        "      --timeout=D             [SCHEMAGATE_TIMEOUT] wait/lock: give up after D (75)\n"
        "      --scrub-env=VAR,...     [SCHEMAGATE_SCRUB_ENV] unset these before exec\n"
        "      --allow-insecure-files  [SCHEMAGATE_ALLOW_INSECURE_FILES=1] accept secret files\n"
        "                              readable by group/others, and migration files or dirs\n"
        "                              writable by group/others, foreign-owned, or symlinked\n"
        "                              from outside the directory\n"
        "      --log-format=text|json  [SCHEMAGATE_LOG_FORMAT] default text\n"
        "      --log-level=LEVEL       [SCHEMAGATE_LOG_LEVEL] debug|info|warn|error, default info\n"
        "  -q, --quiet                 only errors;  -v, --verbose  debug\n"
        "  -h, --help                  this help;    -V, --version  print the version\n"
        "Durations: 500ms, 30s, 5m, 1h (a bare number is seconds).\n"
        "\n"
        "Exit status:\n"
        "  0 ok, 64 usage, 65 data (bad migration file, SQL error, checksum drift, dirty),\n"
        "  66 no migrations dir, 69 database unavailable, 70 internal or lock lost,\n"
        "  71 OS error, 75 lock/wait timeout (retryable), 78 configuration,\n"
        "  126/127 PROGRAM not runnable/not found, 128+N stopped by signal N.\n"
        "  After `up -- PROGRAM` succeeds, the process is PROGRAM: its status is PROGRAM's.\n",
        stdout);
}

void sg_cli_version(void)
{
    printf("schemagate %s\n", SG_VERSION);
}

void sg_cli_free(struct sg_options *o)
{
    if (o->database_url) {
        explicit_bzero(o->database_url, strlen(o->database_url));
        free(o->database_url);
    }
    memset(o, 0, sizeof *o);
}

/* An argument echoed in an error may be a mistyped URL or a password: echo
 * an option's name but never its value, and a word only if it looks like one. */
static const char *safe_arg(const char *arg, char safe[64])
{
    size_t n = strcspn(arg, "=");

    if (arg[0] == '-') {
        snprintf(safe, 64, "%.*s%s", (int)(n < 48 ? n : 48), arg, arg[n] ? "=..." : "");
    } else {
        int plain = n < 40 && arg[n] == '\0';
        for (const char *c = arg; plain && *c; c++)
            plain = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
        snprintf(safe, 64, "%s", plain ? arg : "...");
    }
    return safe;
}

static int duration(const char *flag, const char *env, const char *def, long long *out,
                    struct sg_error *err)
{
    const char *v = flag ? flag : getenv(env);
    const char *what = flag ? "option" : env;

    if (!v || !*v)
        v = def;
    return sg_duration_parse(v, what, out, err);
}

int sg_cli_parse(int argc, char **argv, struct sg_options *o, struct sg_error *err)
{
    const char *f_url = NULL, *f_dir = NULL, *f_table = NULL, *f_lock_timeout = NULL;
    const char *f_wait_db = NULL, *f_ddl_lt = NULL, *f_ddl_retries = NULL, *f_stmt = NULL;
    const char *f_log_format = NULL, *f_log_level = NULL, *f_lock_key = NULL, *f_timeout = NULL;
    const char *f_scrub = NULL;
    int verbosity = 0, c;
    const char *v;
    char safe[64];

    memset(o, 0, sizeof *o);
    o->repair_applied = -1;
    optind = 0; /* full re-initialisation of GNU getopt */
    opterr = 0;
    for (;;) {
        c = getopt_long(argc, argv, "+:u:d:qvhV", longopts, NULL);
        if (c == -1) {
            if (optind > 1 && optind <= argc && strcmp(argv[optind - 1], "--") == 0) {
                if (optind < argc)
                    o->program = argv + optind;
                break;
            }
            if (optind >= argc)
                break;
            const char *word = argv[optind++];
            if (o->command == SG_CMD_NONE) {
                for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                    if (strcmp(word, commands[i].word) == 0)
                        o->command = commands[i].cmd;
                if (o->command == SG_CMD_NONE)
                    return sg_error_set(err, SG_EX_USAGE,
                                        "unknown command '%s' (see schemagate --help)",
                                        safe_arg(word, safe));
            } else if (!o->arg) {
                o->arg = word;
            } else {
                return sg_error_set(err, SG_EX_USAGE, "unexpected argument '%s'",
                                    safe_arg(word, safe));
            }
            continue;
        }
        switch (c) {
        case 'u': f_url = optarg; break;
        case 'd': f_dir = optarg; break;
        case OPT_TABLE: f_table = optarg; break;
        case OPT_LOCK_TIMEOUT: f_lock_timeout = optarg; break;
        case OPT_LOCK_KEY: f_lock_key = optarg; break;
        case OPT_WAIT_FOR_DB: f_wait_db = optarg; break;
        case OPT_DDL_LOCK_TIMEOUT: f_ddl_lt = optarg; break;
        case OPT_DDL_RETRIES: f_ddl_retries = optarg; break;
        case OPT_STATEMENT_TIMEOUT: f_stmt = optarg; break;
        case OPT_LOG_FORMAT: f_log_format = optarg; break;
        case OPT_LOG_LEVEL: f_log_level = optarg; break;
        case OPT_SCRUB_ENV: f_scrub = optarg; break;
        case OPT_ALLOW_INSECURE: o->allow_insecure_files = 1; break;
        case OPT_TO: o->to_version = optarg; break;
        case OPT_FORMAT: o->format = optarg; break;
        case OPT_TIMEOUT: f_timeout = optarg; break;
        case OPT_NAME: o->lock_name = optarg; break;
        case OPT_FROM: o->adopt_from = optarg; break;
        case OPT_APPLIED: o->repair_applied = 1; break;
        case OPT_NOT_APPLIED: o->repair_applied = 0; break;
        case 'q': verbosity--; break;
        case 'v': verbosity++; break;
        case 'h': o->command = SG_CMD_HELP; return 0;
        case 'V': o->command = SG_CMD_VERSION; return 0;
        case ':':
            return sg_error_set(err, SG_EX_USAGE, "option %s needs a value",
                                safe_arg(argv[optind - 1], safe));
        default:
            return sg_error_set(err, SG_EX_USAGE, "unknown option %s (see schemagate --help)",
                                safe_arg(argv[optind - 1], safe));
        }
    }
    if (o->command == SG_CMD_HELP || o->command == SG_CMD_VERSION)
        return 0;
    if (o->command == SG_CMD_NONE)
        return sg_error_set(err, SG_EX_USAGE, "no command given (see schemagate --help)");

    /* Logging first, so later errors are rendered as the user asked. */
    v = f_log_format ? f_log_format : getenv("SCHEMAGATE_LOG_FORMAT");
    if (!v || !*v || strcmp(v, "text") == 0)
        o->log_format = SG_LOG_TEXT;
    else if (strcmp(v, "json") == 0)
        o->log_format = SG_LOG_JSON;
    else
        return sg_error_set(err, SG_EX_CONFIG, "%s: unknown log format '%.20s' (text or json)",
                            f_log_format ? "--log-format" : "SCHEMAGATE_LOG_FORMAT", v);
    v = f_log_level ? f_log_level : getenv("SCHEMAGATE_LOG_LEVEL");
    o->log_level = SG_LOG_INFO;
    if (v && *v) {
        if (strcmp(v, "debug") == 0)
            o->log_level = SG_LOG_DEBUG;
        else if (strcmp(v, "info") == 0)
            o->log_level = SG_LOG_INFO;
        else if (strcmp(v, "warn") == 0)
            o->log_level = SG_LOG_WARN;
        else if (strcmp(v, "error") == 0)
            o->log_level = SG_LOG_ERROR;
        else if (strcmp(v, "quiet") == 0)
            o->log_level = SG_LOG_QUIET;
        else
            return sg_error_set(err, SG_EX_CONFIG,
                                "%s: unknown log level '%.20s' (debug, info, warn, error)",
                                f_log_level ? "--log-level" : "SCHEMAGATE_LOG_LEVEL", v);
    }
    if (verbosity > 0)
        o->log_level = SG_LOG_DEBUG;
    else if (verbosity < 0)
        o->log_level = SG_LOG_ERROR;

    /* Database URL: flag, then DATABASE_URL, then DATABASE_URL_FILE. */
    v = getenv("SCHEMAGATE_ALLOW_INSECURE_FILES");
    if (v && strcmp(v, "1") == 0)
        o->allow_insecure_files = 1;
    if (f_url) {
        o->database_url = strdup(f_url);
        o->database_url_source = "--database-url";
    } else {
        const char *env = getenv("DATABASE_URL"), *file = getenv("DATABASE_URL_FILE");
        if (env && *env && file && *file)
            return sg_error_set(err, SG_EX_CONFIG,
                                "both DATABASE_URL and DATABASE_URL_FILE are set; set one");
        if (env && *env) {
            o->database_url = strdup(env);
            o->database_url_source = "DATABASE_URL";
        } else if (file && *file) {
            if (!(o->database_url = sg_url_read_file(file, o->allow_insecure_files, err)))
                return -1;
            o->database_url_source = "DATABASE_URL_FILE";
        }
    }
    o->migrations_dir = f_dir ? f_dir : getenv("SCHEMAGATE_MIGRATIONS_DIR");
    if (!o->migrations_dir || !*o->migrations_dir)
        o->migrations_dir = "./migrations";
    o->table = f_table ? f_table : getenv("SCHEMAGATE_TABLE");
    if (!o->table || !*o->table)
        o->table = "schemagate_migrations";
    if (!sg_ident_valid(o->table))
        return sg_error_set(err, SG_EX_CONFIG,
                            "%s: '%.70s' is not a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at "
                            "most 63 characters)",
                            f_table ? "--table" : "SCHEMAGATE_TABLE", o->table);
    o->scrub_env = f_scrub ? f_scrub : getenv("SCHEMAGATE_SCRUB_ENV");

    if (duration(f_lock_timeout, "SCHEMAGATE_LOCK_TIMEOUT", "0", &o->lock_timeout_ms, err) < 0 ||
        duration(f_wait_db, "SCHEMAGATE_WAIT_FOR_DB", "30s", &o->wait_for_db_ms, err) < 0 ||
        duration(f_ddl_lt, "SCHEMAGATE_DDL_LOCK_TIMEOUT", "5s", &o->ddl_lock_timeout_ms, err) < 0 ||
        duration(f_stmt, "SCHEMAGATE_STATEMENT_TIMEOUT", "0", &o->statement_timeout_ms, err) < 0 ||
        duration(f_timeout, "SCHEMAGATE_TIMEOUT", "0", &o->timeout_ms, err) < 0)
        return -1;

    v = f_ddl_retries ? f_ddl_retries : getenv("SCHEMAGATE_DDL_RETRIES");
    o->ddl_retries = 5;
    if (v && *v) {
        char *end;
        o->ddl_retries = strtoll(v, &end, 10);
        if (*end || o->ddl_retries < 0 || o->ddl_retries > 1000 || !(*v >= '0' && *v <= '9'))
            return sg_error_set(err, SG_EX_CONFIG, "%s: '%.20s' is not a number from 0 to 1000",
                                f_ddl_retries ? "--ddl-retries" : "SCHEMAGATE_DDL_RETRIES", v);
    }
    v = f_lock_key ? f_lock_key : getenv("SCHEMAGATE_LOCK_KEY");
    if (v && *v) {
        char *end;
        o->lock_key = strtoll(v, &end, 10);
        if (*end || !((*v >= '0' && *v <= '9') || *v == '-'))
            return sg_error_set(err, SG_EX_CONFIG, "%s: '%.24s' is not a 64-bit integer",
                                f_lock_key ? "--lock-key" : "SCHEMAGATE_LOCK_KEY", v);
        o->has_lock_key = 1;
    }
    if (o->format && strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0)
        return sg_error_set(err, SG_EX_USAGE, "--format: expected text or json");
    if (o->program && o->command != SG_CMD_UP && o->command != SG_CMD_WAIT &&
        o->command != SG_CMD_LOCK)
        return sg_error_set(err, SG_EX_USAGE, "only up, wait and lock take -- PROGRAM");
    if (o->command == SG_CMD_LOCK && !o->program)
        return sg_error_set(err, SG_EX_USAGE, "lock needs -- COMMAND [ARG]...");
    return 0;
}
