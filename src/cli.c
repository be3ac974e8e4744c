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
#include "migration.h"
#include "sqlsplit.h"

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
    OPT_LOG_LEVEL,
    OPT_DIALECT,
    OPT_ALLOW_EMPTY,
    OPT_LOCK_MODE,
    OPT_LEASE
};

static const struct option longopts[] = {
    {"database-url", required_argument, NULL, 'u'},
    {"migrations-dir", required_argument, NULL, 'd'},
    {"table", required_argument, NULL, OPT_TABLE},
    {"lock-timeout", required_argument, NULL, OPT_LOCK_TIMEOUT},
    {"lock-key", required_argument, NULL, OPT_LOCK_KEY},
    {"lock-mode", required_argument, NULL, OPT_LOCK_MODE},
    {"lease", required_argument, NULL, OPT_LEASE},
    {"wait-for-db", required_argument, NULL, OPT_WAIT_FOR_DB},
    {"ddl-lock-timeout", required_argument, NULL, OPT_DDL_LOCK_TIMEOUT},
    {"ddl-retries", required_argument, NULL, OPT_DDL_RETRIES},
    {"statement-timeout", required_argument, NULL, OPT_STATEMENT_TIMEOUT},
    {"log-format", required_argument, NULL, OPT_LOG_FORMAT},
    {"log-level", required_argument, NULL, OPT_LOG_LEVEL},
    {"scrub-env", required_argument, NULL, OPT_SCRUB_ENV},
    {"allow-insecure-files", no_argument, NULL, OPT_ALLOW_INSECURE},
    {"allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY},
    {"to", required_argument, NULL, OPT_TO},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"dialect", required_argument, NULL, OPT_DIALECT},
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
        "  validate [--dialect D]              check every file as up would (and, with a URL,\n"
        "                                      compare checksums); D: postgres, mysql, sqlite\n"
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
        "      --lock-mode=M           [SCHEMAGATE_LOCK_MODE] auto|session|lease, default auto:\n"
        "                              the server's session lock, or a lease behind a pooler\n"
        "                              and on Galera or multi-primary group replication\n"
        "      --lease=D               [SCHEMAGATE_LEASE] lease length, default 30s\n"
        "      --wait-for-db=D         [SCHEMAGATE_WAIT_FOR_DB] retry connecting, default 30s\n"
        "      --ddl-lock-timeout=D    [SCHEMAGATE_DDL_LOCK_TIMEOUT] table-lock wait, default 5s\n"
        "      --ddl-retries=N         [SCHEMAGATE_DDL_RETRIES] default 5\n"
        "      --statement-timeout=D   [SCHEMAGATE_STATEMENT_TIMEOUT] default 0 = none\n"
        "      --timeout=D             [SCHEMAGATE_TIMEOUT] wait/lock: give up after D (75)\n"
        "      --scrub-env=VAR,...     [SCHEMAGATE_SCRUB_ENV] unset these before exec\n"
        "      --allow-insecure-files  [SCHEMAGATE_ALLOW_INSECURE_FILES=1] warn instead of\n"
        "                              refusing: migration files or dirs others can write on a\n"
        "                              writable mount or symlinked from outside the directory,\n"
        "                              secret files others can read or write\n"
        "      --allow-empty           [SCHEMAGATE_ALLOW_EMPTY=1] a migrations directory with\n"
        "                              no migration is not an error (it is, 66, by default)\n"
        "      --log-format=text|json  [SCHEMAGATE_LOG_FORMAT] default text\n"
        "      --log-level=LEVEL       [SCHEMAGATE_LOG_LEVEL] debug|info|warn|error, default info\n"
        "  -q, --quiet                 only errors;  -v, --verbose  debug\n"
        "  -h, --help                  this help;    -V, --version  print the version\n"
        "Durations: 500ms, 30s, 5m, 1h (a bare number is seconds).\n"
        "\n"
        "Exit status:\n",
        stdout);
#define SG_HELP_EXIT(code, meaning) printf("  %-6s %s\n", code, meaning);
    SG_EXIT_TABLE(SG_HELP_EXIT)
#undef SG_HELP_EXIT
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

/* The flags as typed, before the environment fills the gaps. */
struct flags {
    const char *url, *dir, *table, *lock_timeout, *wait_db, *ddl_lt, *ddl_retries, *stmt;
    const char *log_format, *log_level, *lock_key, *timeout, *scrub, *to, *format, *from;
    const char *dialect, *lock_mode, *lease;
    const char *words[4]; /* positional words after the command */
    int nwords, verbosity, applied; /* applied: 1 --applied, 0 --not-applied, -1 unset */
};

static int command_word(const char *word, struct sg_options *o, struct sg_error *err)
{
    char safe[64];

    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(word, commands[i].word) == 0) {
            o->command = commands[i].cmd;
            return 0;
        }
    return sg_error_set(err, SG_EX_USAGE, "unknown command '%s' (see schemagate --help)",
                        safe_arg(word, safe));
}

static void take_flag(int c, struct flags *f, struct sg_options *o)
{
    switch (c) {
    case 'u': f->url = optarg; break;
    case 'd': f->dir = optarg; break;
    case OPT_TABLE: f->table = optarg; break;
    case OPT_LOCK_TIMEOUT: f->lock_timeout = optarg; break;
    case OPT_LOCK_KEY: f->lock_key = optarg; break;
    case OPT_LOCK_MODE: f->lock_mode = optarg; break;
    case OPT_LEASE: f->lease = optarg; break;
    case OPT_WAIT_FOR_DB: f->wait_db = optarg; break;
    case OPT_DDL_LOCK_TIMEOUT: f->ddl_lt = optarg; break;
    case OPT_DDL_RETRIES: f->ddl_retries = optarg; break;
    case OPT_STATEMENT_TIMEOUT: f->stmt = optarg; break;
    case OPT_LOG_FORMAT: f->log_format = optarg; break;
    case OPT_LOG_LEVEL: f->log_level = optarg; break;
    case OPT_SCRUB_ENV: f->scrub = optarg; break;
    case OPT_ALLOW_INSECURE: o->allow_insecure_files = 1; break;
    case OPT_ALLOW_EMPTY: o->allow_empty = 1; break;
    case OPT_TO: f->to = optarg; break;
    case OPT_FORMAT: f->format = optarg; break;
    case OPT_DIALECT: f->dialect = optarg; break;
    case OPT_TIMEOUT: f->timeout = optarg; break;
    case OPT_NAME: o->lock_name = optarg; break;
    case OPT_FROM: f->from = optarg; break;
    case OPT_APPLIED: f->applied = 1; break;
    case OPT_NOT_APPLIED: f->applied = 0; break;
    case 'q': f->verbosity--; break;
    case 'v': f->verbosity++; break;
    default: break;
    }
}

/* getopt_long with a leading '+': options, the command, its words, and
 * "--" after which everything is the program. */
static int parse_argv(int argc, char **argv, struct flags *f, struct sg_options *o,
                      struct sg_error *err)
{
    char safe[64];
    int c;

    optind = 0; /* full re-initialisation of GNU getopt */
    opterr = 0;
    for (;;) {
        c = getopt_long(argc, argv, "+:u:d:qvhV", longopts, NULL);
        if (c == -1) {
            if (optind > 1 && optind <= argc && strcmp(argv[optind - 1], "--") == 0) {
                if (optind < argc)
                    o->program = argv + optind;
                return 0;
            }
            if (optind >= argc)
                return 0;
            const char *word = argv[optind++];
            if (o->command == SG_CMD_NONE) {
                if (command_word(word, o, err) < 0)
                    return -1;
            } else if (f->nwords < (int)(sizeof f->words / sizeof f->words[0])) {
                f->words[f->nwords++] = word;
            } else {
                return sg_error_set(err, SG_EX_USAGE, "unexpected argument '%s'",
                                    safe_arg(word, safe));
            }
            continue;
        }
        switch (c) {
        case 'h': o->command = SG_CMD_HELP; return 0;
        case 'V': o->command = SG_CMD_VERSION; return 0;
        case ':':
            return sg_error_set(err, SG_EX_USAGE, "option %s needs a value",
                                safe_arg(argv[optind - 1], safe));
        case '?':
            return sg_error_set(err, SG_EX_USAGE, "unknown option %s (see schemagate --help)",
                                safe_arg(argv[optind - 1], safe));
        default: take_flag(c, f, o);
        }
    }
}

static int logging(const struct flags *f, struct sg_options *o, struct sg_error *err)
{
    const char *v = f->log_format ? f->log_format : getenv("SCHEMAGATE_LOG_FORMAT");

    if (!v || !*v || strcmp(v, "text") == 0)
        o->log_format = SG_LOG_TEXT;
    else if (strcmp(v, "json") == 0)
        o->log_format = SG_LOG_JSON;
    else
        return sg_error_set(err, SG_EX_CONFIG, "%s: unknown log format '%.20s' (text or json)",
                            f->log_format ? "--log-format" : "SCHEMAGATE_LOG_FORMAT", v);
    v = f->log_level ? f->log_level : getenv("SCHEMAGATE_LOG_LEVEL");
    o->log_level = SG_LOG_INFO;
    if (v && *v) {
        static const struct {
            const char *name;
            enum sg_log_level level;
        } levels[] = {{"debug", SG_LOG_DEBUG},
                      {"info", SG_LOG_INFO},
                      {"warn", SG_LOG_WARN},
                      {"error", SG_LOG_ERROR},
                      {"quiet", SG_LOG_QUIET}};
        size_t i;
        for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
            if (strcmp(v, levels[i].name) == 0)
                break;
        if (i == sizeof levels / sizeof levels[0])
            return sg_error_set(err, SG_EX_CONFIG,
                                "%s: unknown log level '%.20s' (debug, info, warn, error)",
                                f->log_level ? "--log-level" : "SCHEMAGATE_LOG_LEVEL", v);
        o->log_level = levels[i].level;
    }
    if (f->verbosity > 0)
        o->log_level = SG_LOG_DEBUG;
    else if (f->verbosity < 0)
        o->log_level = SG_LOG_ERROR;
    return 0;
}

/* Database URL: flag, then DATABASE_URL, then DATABASE_URL_FILE. */
static int database_url(const struct flags *f, struct sg_options *o, struct sg_error *err)
{
    const char *v = getenv("SCHEMAGATE_ALLOW_INSECURE_FILES");

    if (v && strcmp(v, "1") == 0)
        o->allow_insecure_files = 1;
    if (f->url) {
        o->database_url = strdup(f->url);
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
    if ((f->url || o->database_url_source) && !o->database_url)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    return 0;
}

static int lock_mode(const struct flags *f, struct sg_options *o, struct sg_error *err)
{
    static const char *const modes[] = {"auto", "session", "lease"};
    const char *v = f->lock_mode ? f->lock_mode : getenv("SCHEMAGATE_LOCK_MODE");
    size_t i = 0;

    if (v && *v) {
        while (i < 3 && strcmp(v, modes[i]) != 0)
            i++;
        if (i == 3)
            return sg_error_set(err, SG_EX_CONFIG, "%s: '%.24s' is not auto, session or lease",
                                f->lock_mode ? "--lock-mode" : "SCHEMAGATE_LOCK_MODE", v);
    }
    o->lock_mode = (int)i;
    if (duration(f->lease, "SCHEMAGATE_LEASE", "30s", &o->lease_ms, err) < 0)
        return -1;
    if (o->lease_ms < 3000 || o->lease_ms > 3600000)
        return sg_error_set(err, SG_EX_CONFIG,
                            "%s: the lease must be between 3s and 1h (it is renewed every third)",
                            f->lease ? "--lease" : "SCHEMAGATE_LEASE");
    return 0;
}

static int settings(const struct flags *f, struct sg_options *o, struct sg_error *err)
{
    const char *v;

    o->migrations_dir = f->dir ? f->dir : getenv("SCHEMAGATE_MIGRATIONS_DIR");
    if (!o->migrations_dir || !*o->migrations_dir)
        o->migrations_dir = "./migrations";
    o->table = f->table ? f->table : getenv("SCHEMAGATE_TABLE");
    if (!o->table || !*o->table)
        o->table = "schemagate_migrations";
    if (!sg_ident_valid(o->table))
        return sg_error_set(err, SG_EX_CONFIG,
                            "%s: '%.70s' is not a plain identifier ([A-Za-z_][A-Za-z0-9_]*, at "
                            "most 63 characters)",
                            f->table ? "--table" : "SCHEMAGATE_TABLE", o->table);
    o->scrub_env = f->scrub ? f->scrub : getenv("SCHEMAGATE_SCRUB_ENV");
    v = getenv("SCHEMAGATE_ALLOW_EMPTY");
    if (v && strcmp(v, "1") == 0)
        o->allow_empty = 1;
    if (duration(f->lock_timeout, "SCHEMAGATE_LOCK_TIMEOUT", "0", &o->lock_timeout_ms, err) < 0 ||
        duration(f->wait_db, "SCHEMAGATE_WAIT_FOR_DB", "30s", &o->wait_for_db_ms, err) < 0 ||
        duration(f->ddl_lt, "SCHEMAGATE_DDL_LOCK_TIMEOUT", "5s", &o->ddl_lock_timeout_ms, err) <
            0 ||
        duration(f->stmt, "SCHEMAGATE_STATEMENT_TIMEOUT", "0", &o->statement_timeout_ms, err) < 0 ||
        duration(f->timeout, "SCHEMAGATE_TIMEOUT", "0", &o->timeout_ms, err) < 0)
        return -1;
    v = f->ddl_retries ? f->ddl_retries : getenv("SCHEMAGATE_DDL_RETRIES");
    o->ddl_retries = 5;
    if (v && *v) {
        char *end;
        o->ddl_retries = strtoll(v, &end, 10);
        if (*end || o->ddl_retries < 0 || o->ddl_retries > 1000 || !(*v >= '0' && *v <= '9'))
            return sg_error_set(err, SG_EX_CONFIG, "%s: '%.20s' is not a number from 0 to 1000",
                                f->ddl_retries ? "--ddl-retries" : "SCHEMAGATE_DDL_RETRIES", v);
    }
    if (lock_mode(f, o, err) < 0)
        return -1;
    v = f->lock_key ? f->lock_key : getenv("SCHEMAGATE_LOCK_KEY");
    if (v && *v) {
        char *end;
        o->lock_key = strtoll(v, &end, 10);
        if (*end || !((*v >= '0' && *v <= '9') || *v == '-'))
            return sg_error_set(err, SG_EX_CONFIG, "%s: '%.24s' is not a 64-bit integer",
                                f->lock_key ? "--lock-key" : "SCHEMAGATE_LOCK_KEY", v);
        o->has_lock_key = 1;
    }
    return 0;
}

/* How many positional words each command takes: at least, at most. */
static void arity(enum sg_command c, int *min, int *max)
{
    *min = *max = 0;
    if (c == SG_CMD_NEW || c == SG_CMD_REPAIR || c == SG_CMD_BASELINE)
        *min = *max = 1;
    else if (c == SG_CMD_DOWN)
        *max = 1;
}

static const char *command_name(enum sg_command c)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].cmd == c)
            return commands[i].word;
    return "?";
}

/* Each command's own words and options, typed. */
static int command_args(const struct flags *f, struct sg_options *o, struct sg_error *err)
{
    const char *cmd = command_name(o->command);
    const char *w = f->nwords ? f->words[0] : NULL;
    char safe[64];
    int min, max;

    arity(o->command, &min, &max);
    if (f->nwords > max)
        return sg_error_set(err, SG_EX_USAGE,
                            "unexpected argument '%s' after %s: to run a program, put -- before "
                            "it (schemagate %s -- %s ...)",
                            safe_arg(f->words[max], safe), cmd, cmd, safe_arg(f->words[max], safe));
    switch (o->command) {
    case SG_CMD_NEW:
        if (!w || !*w)
            return sg_error_set(err, SG_EX_USAGE, "new needs a NAME");
        {
            char path[128], version[SG_VERSION_MAX + 1], *parsed = NULL;
            int n = snprintf(path, sizeof path, "1_%s.sql", w);
            int bad = n < 0 || (size_t)n >= sizeof path ||
                      sg_migration_name_parse(path, version, &parsed) != 0;
            free(parsed);
            if (bad)
                return sg_error_set(err, SG_EX_USAGE,
                                    "new: '%s' is not a valid migration name ([A-Za-z0-9_.-]+)",
                                    safe_arg(w, safe));
        }
        o->name = w;
        break;
    case SG_CMD_DOWN:
        o->count = 1;
        if (w) {
            char *end;
            o->count = strtoll(w, &end, 10);
            if (*end || o->count < 1 || !(*w >= '0' && *w <= '9'))
                return sg_error_set(err, SG_EX_USAGE, "down takes a positive count (default 1)");
        }
        break;
    case SG_CMD_REPAIR:
    case SG_CMD_BASELINE:
        if (!w || sg_version_canon(w, o->version) < 0)
            return sg_error_set(err, SG_EX_USAGE, "%s needs a VERSION (1 to 20 digits)", cmd);
        if (o->command == SG_CMD_REPAIR && f->applied < 0)
            return sg_error_set(err, SG_EX_USAGE, "repair needs --applied or --not-applied");
        o->repair_applied = f->applied;
        break;
    case SG_CMD_ADOPT:
        if (!f->from || (strcmp(f->from, "golang-migrate") != 0 && strcmp(f->from, "dbmate") != 0))
            return sg_error_set(err, SG_EX_USAGE,
                                "adopt needs --from=golang-migrate or --from=dbmate");
        o->adopt_golang = strcmp(f->from, "golang-migrate") == 0;
        break;
    default: break;
    }
    if (f->to) {
        if (o->command != SG_CMD_UP)
            return sg_error_set(err, SG_EX_USAGE, "--to applies to up only");
        if (sg_version_canon(f->to, o->to_buf) < 0)
            return sg_error_set(err, SG_EX_USAGE,
                                "--to: '%s' is not a version (1 to 20 digits, as in the file "
                                "names)",
                                safe_arg(f->to, safe));
        o->to_version = o->to_buf;
    }
    o->dialect = -1;
    if (f->dialect) {
        static const struct {
            const char *name;
            enum sg_dialect d;
        } names[] = {{"postgres", SG_DIALECT_POSTGRES}, {"postgresql", SG_DIALECT_POSTGRES},
                     {"mysql", SG_DIALECT_MYSQL},       {"mariadb", SG_DIALECT_MYSQL},
                     {"sqlite", SG_DIALECT_SQLITE},     {"sqlite3", SG_DIALECT_SQLITE}};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(f->dialect, names[i].name) == 0)
                o->dialect = (int)names[i].d;
        if (o->dialect < 0)
            return sg_error_set(err, SG_EX_USAGE,
                                "--dialect: '%s' is not postgres, mysql or sqlite",
                                safe_arg(f->dialect, safe));
    }
    if (f->format) {
        if (strcmp(f->format, "text") != 0 && strcmp(f->format, "json") != 0)
            return sg_error_set(err, SG_EX_USAGE, "--format: expected text or json");
        o->json = strcmp(f->format, "json") == 0;
    }
    if (o->program && o->command != SG_CMD_UP && o->command != SG_CMD_WAIT &&
        o->command != SG_CMD_LOCK)
        return sg_error_set(err, SG_EX_USAGE, "only up, wait and lock take -- PROGRAM");
    if (o->command == SG_CMD_LOCK && !o->program)
        return sg_error_set(err, SG_EX_USAGE, "lock needs -- COMMAND [ARG]...");
    return 0;
}

int sg_cli_parse(int argc, char **argv, struct sg_options *o, struct sg_error *err)
{
    struct flags f;

    memset(o, 0, sizeof *o);
    memset(&f, 0, sizeof f);
    f.applied = -1;
    if (parse_argv(argc, argv, &f, o, err) < 0)
        return -1;
    if (o->command == SG_CMD_HELP || o->command == SG_CMD_VERSION)
        return 0;
    if (o->command == SG_CMD_NONE)
        return sg_error_set(err, SG_EX_USAGE, "no command given (see schemagate --help)");
    /* Logging first, so later errors are rendered as the user asked. */
    if (logging(&f, o, err) < 0 || command_args(&f, o, err) < 0 || database_url(&f, o, err) < 0 ||
        settings(&f, o, err) < 0)
        return -1;
    return 0;
}
