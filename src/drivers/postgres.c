/* postgres.c -- the PostgreSQL backend (libpq). The advisory lock lives on
 * the one session that also runs every migration and writes the ledger, so
 * the server frees it exactly when that session can no longer commit; a
 * waiter polls with pg_try_advisory_lock and never keeps a statement open.
 * exec() sends text with the simple-query protocol, so a transactional
 * migration, its ledger row and the lock fence travel as one round trip.
 * The only file that includes <libpq-fe.h>. */
#include "driver.h"

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>
#include "libs/libpq.h" /* its functions, bound at the first connect (issue 16) */

#include "clock.h"
#include "exitcodes.h"
#include "log.h"

/* Client-side defaults, applied only when the URL does not set them
 * (issue 3): a dead peer is noticed in about 25 s instead of 2 h 11 min. */
static const char *const pg_defaults[][2] = {
    {"keepalives", "1"},
    {"keepalives_idle", "10"},
    {"keepalives_interval", "5"},
    {"keepalives_count", "3"},
    {"tcp_user_timeout", "30000"},
    {"connect_timeout", "10"},
    /* Migration files are UTF-8; error positions are counted in characters. */
    {"client_encoding", "UTF8"},
};
#define PG_NDEFAULTS (sizeof pg_defaults / sizeof pg_defaults[0])

/* SQLSTATEs our own fence raises (RAISE ... USING ERRCODE). */
#define PG_STATE_PID "SGPID" /* the statement ran on another backend: a pooler */
#define PG_STATE_LCK "SGLCK" /* the backend no longer holds the advisory lock */

#define PG_POOLER_HINT                                                                             \
    "a transaction pooler (PgBouncer pool_mode=transaction or statement) is between schemagate "   \
    "and the server, and session advisory locks do not work through it: use --lock-mode=lease "    \
    "(or auto), or a direct URL to PostgreSQL (or a session pooler)"

struct pg_conn {
    struct sg_conn base;
    PGconn *db;
    PGcancel *volatile cancel; /* read by interrupt() from a signal handler */
    /* The backend every statement must run on: PQbackendPID() until a
     * statement reports pg_backend_pid() (pid_known). Behind PgBouncer and
     * its kin they differ, and the reported one becomes the anchor. */
    int pid;
    int pid_known;
    int locked; /* we hold lock_key on this session */
    long long lock_key;
    int char_pos; /* error positions count UTF-8 characters, not bytes */
    long long failed_at; /* sg_now_ms() when the last failed exec was sent */
    char *database; /* current_database() and current_schema(): NULL until */
    char *schema; /* a statement has brought them back (pg_probe()) */
};

#define PG(c) ((struct pg_conn *)(c))

/* ---- small helpers ---------------------------------------------------- */

/* The session is gone: the connection, or the server said so. */
static int pg_gone(const struct pg_conn *p, const char *state)
{
    return PQstatus(p->db) != CONNECTION_OK || strncmp(state, "08", 2) == 0 ||
           strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
           strcmp(state, "57P03") == 0;
}

static const char *pg_field(const PGresult *res, int code)
{
    const char *s = res ? PQresultErrorField(res, code) : NULL;
    return s ? s : "";
}

/* Fills err from a failed result of one of our own statements (or the
 * connection's error when res has none). A lost session is always 69. */
static int pg_fail(struct pg_conn *p, const PGresult *res, struct sg_error *err, int code,
                   const char *what)
{
    char msg[400];
    const char *state = pg_field(res, PG_DIAG_SQLSTATE);
    const char *primary = pg_field(res, PG_DIAG_MESSAGE_PRIMARY);

    sg_oneline(msg, sizeof msg, *primary ? primary : PQerrorMessage(p->db));
    snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    if (pg_gone(p, state))
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "lost the database session while trying to %s: %s", what, msg);
    if (strcmp(state, "42501") == 0)
        code = SG_EX_CONFIG; /* the role lacks a privilege: a setting to fix */
    return sg_error_set(err, code, "unable to %s: %s%s%s%s", what, msg, *state ? " (" : "", state,
                        *state ? ")" : "");
}

/* Runs a parameterised statement of ours. Returns the result when its
 * status is `want`, else NULL with err set. */
static PGresult *pg_query(struct pg_conn *p, const char *sql, int n, const char *const *vals,
                          ExecStatusType want, const char *what, struct sg_error *err)
{
    PGresult *res = PQexecParams(p->db, sql, n, NULL, vals, NULL, NULL, 0);

    if (res && PQresultStatus(res) == want)
        return res;
    pg_fail(p, res, err, SG_EX_SOFTWARE, what);
    PQclear(res);
    return NULL;
}

/* Records the backend pid a statement reported; the first is the anchor. */
static void pg_anchor(struct pg_conn *p, long long pid)
{
    if (!p->pid_known) {
        p->base.proxied = pid != PQbackendPID(p->db);
        p->pid = (int)pid;
        p->pid_known = 1;
    }
}

static int pg_moved(const struct pg_conn *p, long long pid, struct sg_error *err)
{
    return sg_error_set(err, SG_EX_CONFIG,
                        "the backend changed between statements (pid %d, then %lld): %s", p->pid,
                        pid, PG_POOLER_HINT);
}

/* Keeps the backend pid, current_database() and current_schema() (NULL:
 * none on the search_path) from columns col to col + 2 of res's first row. */
static int pg_where(struct pg_conn *p, const PGresult *res, int col, struct sg_error *err)
{
    const char *db = PQgetvalue(res, 0, col + 1);
    const char *schema = PQgetisnull(res, 0, col + 2) ? NULL : PQgetvalue(res, 0, col + 2);

    pg_anchor(p, atoll(PQgetvalue(res, 0, col)));
    if (p->schema)
        return 0;
    if (!schema)
        return sg_error_set(err, SG_EX_CONFIG,
                            "no schema of the search_path exists in database %s: create one or "
                            "set search_path for the migrating role",
                            db ? db : "?");
    free(p->database);
    p->database = strdup(db ? db : "");
    p->schema = strdup(schema);
    if (!p->database || !p->schema) {
        free(p->schema);
        p->schema = NULL;
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    return 0;
}

/* The backend pid, current_database(), current_schema() and whether
 * `table` (NULL: none) exists there: one statement that cannot fail on a
 * missing table, so a process polling a database nobody has migrated yet
 * leaves no error per poll in the server's log. */
static int pg_probe(struct pg_conn *p, const char *table, int *exists, struct sg_error *err)
{
    char *t = table ? PQescapeIdentifier(p->db, table, strlen(table)) : NULL;
    const char *vals[1] = {t};
    PGresult *res;
    int rc;

    if (table && !t)
        return sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
    res = pg_query(p,
                   "SELECT pg_catalog.pg_backend_pid(), pg_catalog.current_database(), "
                   "pg_catalog.current_schema(), pg_catalog.to_regclass(pg_catalog.quote_ident("
                   "pg_catalog.current_schema()) || '.' || $1::text) IS NOT NULL",
                   1, vals, PGRES_TUPLES_OK, "read the current schema", err);
    PQfreemem(t);
    if (!res)
        return -1;
    rc = pg_where(p, res, 0, err);
    if (exists)
        *exists = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
    PQclear(res);
    return rc;
}

/* The 64-bit key as pg_locks shows it: classid = high 32 bits, objid = low
 * 32 bits, objsubid = 1 (the int8 form of the advisory-lock functions). */
static void pg_key_split(long long key, char classid[16], char objid[16])
{
    uint64_t k = (uint64_t)key;

    snprintf(classid, 16, "%u", (unsigned)(k >> 32));
    snprintf(objid, 16, "%u", (unsigned)(k & 0xffffffffu));
}

static void pg_notice(void *arg, const PGresult *res)
{
    const char *sev = pg_field(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    char msg[400];

    (void)arg;
    sg_oneline(msg, sizeof msg, pg_field(res, PG_DIAG_MESSAGE_PRIMARY));
    sg_log(strcmp(sev, "WARNING") == 0 ? SG_LOG_WARN : SG_LOG_DEBUG, "db_notice",
           SG_F(SG_S("severity", sev), SG_S("sqlstate", pg_field(res, PG_DIAG_SQLSTATE))),
           "server %s: %s", *sev ? sev : "NOTICE", msg);
}

/* ---- session ---------------------------------------------------------- */

static void pg_close(struct sg_conn *c)
{
    struct pg_conn *p = PG(c);
    PGcancel *cc;

    /* The signal handler reads cancel: hide it before freeing it. */
    cc = p->cancel;
    p->cancel = NULL;
    PQfreeCancel(cc);
    PQfinish(p->db); /* ends the session: the server frees every lock it held */
    free(p->database);
    free(p->schema);
    free(p);
}

/* Best-effort SQLSTATE for a failed connection attempt: libpq keeps only the
 * text of the server's startup error, so match the (English) messages. */
static const char *pg_connect_state(PGconn *db, const char *msg)
{
    static const struct {
        const char *needle, *state;
    } map[] = {
        {"too many clients", "53300"},
        {"remaining connection slots are reserved", "53300"},
        {"the database system is starting up", "57P03"},
        {"the database system is shutting down", "57P03"},
        {"the database system is in recovery mode", "57P03"},
        {"the database system is not yet accepting connections", "57P03"},
        {"password authentication failed", "28P01"},
        {"no pg_hba.conf entry", "28000"},
        {"pg_hba.conf rejects", "28000"},
        {"does not exist", "3D000"},
    };

    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strstr(msg, map[i].needle)) {
            if (strcmp(map[i].state, "3D000") == 0 && strstr(msg, "role \""))
                return "28000";
            return map[i].state;
        }
    if (PQconnectionNeedsPassword(db))
        return "28P01";
    return "08006";
}

/* Sent in the start-up packet (no round trip), winning over ALTER
 * ROLE/DATABASE ... SET, with which a role could cancel a ledger read or a
 * migration. Only what every server since 9.6 knows (an unknown parameter
 * refuses the connection); newer ones are set by pg_prepare(). */
#define PG_START_OPTIONS                                                                           \
    "-c statement_timeout=0 -c lock_timeout=0 -c idle_in_transaction_session_timeout=0"

/* PQconnectdbParams with our notice receiver in place before the start-up,
 * so a server's WARNING during it (a role's stale setting) is a log line
 * like any other, not raw text on stderr. PQconnectPoll ignores
 * connect_timeout: the deadline is kept here, per host named. */
static PGconn *pg_connectdb(const char *const *kw, const char *const *val)
{
    PGconn *db = PQconnectStartParams(kw, val, 1);
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    long long limit = 0;
    int hosts = 1;

    if (!db || PQstatus(db) == CONNECTION_BAD)
        return db;
    PQsetNoticeReceiver(db, pg_notice, NULL);
    PQconninfoOption *ci = PQconninfo(db);
    for (PQconninfoOption *o = ci; o && o->keyword; o++) {
        if (strcmp(o->keyword, "connect_timeout") == 0 && o->val)
            limit = atoll(o->val) * 1000;
        if (strcmp(o->keyword, "host") == 0 && o->val)
            for (const char *c = o->val; *c; c++)
                hosts += *c == ',';
    }
    PQconninfoFree(ci);
    long long deadline = limit > 0 ? sg_now_ms() + limit * hosts : 0;
    while (st != PGRES_POLLING_OK && st != PGRES_POLLING_FAILED) {
        int r = sg_wait_fd(PQsocket(db), st == PGRES_POLLING_READING ? POLLIN : POLLOUT, deadline,
                           NULL, 1000);
        if (r == 0) {
            PQfinish(db);
            return NULL; /* reported as a timeout by the caller */
        }
        if (r < 0)
            break;
        st = PQconnectPoll(db);
    }
    return db;
}

/* Opens a libpq connection to `conninfo` with our defaults underneath
 * whatever the URL sets. Returns NULL with err set. */
static PGconn *pg_open(const char *conninfo, const char *app_name, const char *password,
                       struct sg_error *err)
{
    const char *kw[PG_NDEFAULTS + 5], *val[PG_NDEFAULTS + 5];
    PQconninfoOption *opts;
    char *perr = NULL, msg[400], *options;
    const char *base = NULL;
    size_t n = 0, at_options;
    int n2;
    PGconn *db;

    opts = PQconninfoParse(conninfo, &perr);
    if (!opts) {
        sg_oneline(msg, sizeof msg, perr ? perr : "out of memory");
        sg_scrub(msg, password);
        PQfreemem(perr);
        return sg_error_set(err, SG_EX_CONFIG, "database URL: %s", msg), NULL;
    }
    /* Our defaults go before dbname: with expand_dbname, what the URL sets
     * comes later and wins (libpq: "the last value is used"). */
    for (size_t i = 0; i < PG_NDEFAULTS; i++) {
        kw[n] = pg_defaults[i][0];
        val[n++] = pg_defaults[i][1];
    }
    kw[n] = "application_name";
    val[n++] = app_name;
    /* The URL's (or PGOPTIONS') options, then ours: later -c settings win. */
    for (const PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "options") == 0 && o->val && *o->val)
            base = o->val;
    if (!base)
        base = getenv("PGOPTIONS"); /* what libpq would use: we append, not replace */
    n2 = asprintf(&options, "%s%s" PG_START_OPTIONS, base ? base : "", base && *base ? " " : "");
    PQconninfoFree(opts);
    if (n2 < 0)
        return sg_error_set(err, SG_EX_OSERR, "unable to connect: out of memory"), NULL;
    kw[n] = "dbname";
    val[n++] = conninfo;
    /* After dbname: it replaces the URL's options, which it contains. */
    at_options = n;
    kw[n] = "options";
    val[n++] = options;
    kw[n] = NULL;
    val[n] = NULL;
    db = pg_connectdb(kw, val);
    if (db && PQstatus(db) != CONNECTION_OK &&
        strstr(PQerrorMessage(db), "unsupported startup parameter")) {
        /* A proxy that turns away `options` (PgBouncer without
         * ignore_startup_parameters): connect as the URL says;
         * pg_prepare() sets the timeouts before anything is written. */
        sg_log(SG_LOG_DEBUG, "pg_options_refused", SG_NOFIELDS,
               "the server or proxy refused start-up options; connecting without them");
        PQfinish(db);
        kw[at_options] = NULL;
        val[at_options] = NULL;
        db = pg_connectdb(kw, val);
    }
    free(options);
    if (!db)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "unable to connect to PostgreSQL: no answer within connect_timeout"),
               NULL;
    if (PQstatus(db) != CONNECTION_OK) {
        const char *raw = PQerrorMessage(db);
        int code = SG_EX_UNAVAILABLE;

        sg_oneline(msg, sizeof msg, raw);
        sg_scrub(msg, password);
        if (strstr(raw, "invalid ") && (strstr(raw, " value") || strstr(raw, "option")))
            code = SG_EX_CONFIG; /* a bad parameter value in the URL */
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", pg_connect_state(db, raw));
        sg_error_set(err, code, "unable to connect to PostgreSQL: %s", msg);
        PQfinish(db);
        return NULL;
    }
    return db;
}

static struct sg_conn *pg_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct pg_conn *p = sg_driver_conn_new(sizeof *p, &sg_driver_postgres, o, err);
    const char *ce, *se, *scs;

    if (!p)
        return NULL;
    p->db = pg_open(url->raw, o && o->application_name ? o->application_name : "schemagate",
                    url->password, err);
    if (!p->db)
        goto fail;
    /* No round trip here: the timeouts went in the start-up packet, the pid
     * came in BackendKeyData, the database and schema come with the first
     * ledger read or lock scope, the rest waits for pg_prepare(). */
    p->pid = PQbackendPID(p->db);
    ce = PQparameterStatus(p->db, "client_encoding");
    se = PQparameterStatus(p->db, "server_encoding");
    /* Positions count characters of the server's encoding; with SQL_ASCII
     * (no conversion) or a single-byte client they are bytes. */
    p->char_pos = ce && strcmp(ce, "UTF8") == 0 && !(se && strcmp(se, "SQL_ASCII") == 0);
    /* The splitter reads '...' as this server will (backslash escapes). */
    scs = PQparameterStatus(p->db, "standard_conforming_strings");
    if (scs && strcmp(scs, "off") == 0)
        p->base.split_flags = SG_SPLIT_PG_BACKSLASH;
    p->cancel = PQgetCancel(p->db);
    if (!p->cancel) {
        sg_error_set(err, SG_EX_OSERR, "unable to prepare query cancellation: out of memory");
        goto fail;
    }
    return &p->base;
fail:
    pg_close(&p->base);
    return NULL;
}

/* Network failures (no SQLSTATE), refusals and a server starting, shutting
 * down or full are worth waiting for; authentication and a missing database not. */
static int pg_transient(const struct sg_error *err)
{
    static const char *const retry[] = {"08001", "08006", "53300", "57P01", "57P02", "57P03", NULL};

    return sg_driver_transient_in(err, retry);
}

static void pg_interrupt(struct sg_conn *c)
{
    PGcancel *cc = c ? PG(c)->cancel : NULL;
    char buf[128];

    /* PQcancel is documented as safe to call from a signal handler. */
    if (cc)
        PQcancel(cc, buf, sizeof buf);
}

/* The settings a migrating session runs with, as a select list: the
 * timeouts of the start-up packet (which a proxy may refuse) and the newer
 * idle_session_timeout (14+) and transaction_timeout (17+), which could not
 * go there. client_connection_check_interval (14+) makes the server abort
 * a statement of ours -- and free the lock -- within seconds of our death. */
static void pg_settings(struct pg_conn *p, char *buf, size_t size)
{
    int ver = PQserverVersion(p->db);

    snprintf(buf, size,
             "pg_catalog.set_config('statement_timeout', '0', false), "
             "pg_catalog.set_config('lock_timeout', '0', false), "
             "pg_catalog.set_config('idle_in_transaction_session_timeout', '0', false)%s%s",
             ver >= 140000 ? ", pg_catalog.set_config('idle_session_timeout', '0', false), "
                             "CASE WHEN pg_catalog.current_setting("
                             "'client_connection_check_interval') = '0' THEN "
                             "pg_catalog.set_config('client_connection_check_interval', '2s', "
                             "false) END"
                           : "",
             ver >= 170000 ? ", pg_catalog.set_config('transaction_timeout', '0', false)" : "");
}

/* Once the lock is held, before anything is written: one round trip that
 * refuses a hot standby (the fast path may read one; it cannot be
 * migrated) and applies pg_settings(). A pooler that moved us after
 * try_lock is caught here, before the first write. */
static int pg_prepare(struct sg_conn *c, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    long long pid;
    char set[700], sql[900];
    PGresult *res;
    int rc;

    if (c->lease && c->proxied)
        snprintf(set, sizeof set, "NULL"); /* see pg_timeouts_sql() */
    else
        pg_settings(p, set, sizeof set);
    snprintf(sql, sizeof sql,
             "SELECT pg_catalog.pg_is_in_recovery(), pg_catalog.pg_backend_pid(), "
             "pg_catalog.current_database(), pg_catalog.current_schema(), %s",
             set);
    res = pg_query(p, sql, 0, NULL, PGRES_TUPLES_OK, "set up the session", err);
    if (!res) {
        err->code = SG_EX_UNAVAILABLE;
        return -1;
    }
    if (strcmp(PQgetvalue(res, 0, 0), "t") == 0) {
        PQclear(res);
        return sg_error_set(err, SG_EX_CONFIG,
                            "the database is a hot standby (read-only, in recovery): point the "
                            "URL at the primary (with several hosts, add "
                            "target_session_attrs=read-write)");
    }
    pid = atoll(PQgetvalue(res, 0, 1));
    rc = p->pid_known && pid != p->pid && !c->lease ? pg_moved(p, pid, err)
                                                    : pg_where(p, res, 1, err);
    PQclear(res);
    return rc;
}

/* ---- SQL -------------------------------------------------------------- */

/* A CREATE/REINDEX/DROP ... CONCURRENTLY: it commits as it goes, so a
 * failure can leave an INVALID index behind -- reported, not dropped: the
 * drop would wait behind the sessions that made the build fail. */
static int pg_concurrently(const char *s, size_t len)
{
    char kw[16];

    sg_sql_keyword(s, len, kw, sizeof kw);
    if (strcmp(kw, "CREATE") != 0 && strcmp(kw, "REINDEX") != 0 && strcmp(kw, "DROP") != 0)
        return 0;
    for (size_t i = 0; i + 12 <= len; i++)
        if (strncasecmp(s + i, "concurrently", 12) == 0)
            return 1;
    return 0;
}

/* Collects every result of the text just sent: counts the statements that
 * completed and keeps the first error. A signal's cancel (interrupt())
 * makes the server answer 57014. A stop that turns up while we wait also
 * cancels, for the signal that came just before the text was sent; one
 * already pending at the start is the core cleaning up, left to run. */
static void pg_collect(struct pg_conn *p, int stopped, size_t *n, PGresult **bad)
{
    PGresult *res;

    for (;;) {
        while (PQisBusy(p->db)) {
            int r = sg_wait_fd(PQsocket(p->db), POLLIN, 0, stopped ? NULL : p->base.stop, 250);

            if (r == SG_WAIT_STOPPED) {
                stopped = 1;
                pg_interrupt(&p->base);
            } else if (r < 0 || !PQconsumeInput(p->db)) {
                break; /* PQgetResult reports the lost connection */
            }
        }
        if (!(res = PQgetResult(p->db)))
            return;
        switch (PQresultStatus(res)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY: (*n)++; break;
        case PGRES_COPY_IN:
            /* No data travels with a migration: end the COPY with an error. */
            PQputCopyEnd(p->db, "COPY FROM STDIN is not supported in migrations");
            break;
        case PGRES_COPY_OUT: {
            char *buf;
            while (PQgetCopyData(p->db, &buf, 0) > 0)
                PQfreemem(buf);
            break;
        }
        default:
            if (!*bad) {
                *bad = res;
                res = NULL;
            }
            break;
        }
        PQclear(res);
        if (PQstatus(p->db) == CONNECTION_BAD)
            return;
    }
}

/* The message of an error in text[0..len) we sent: the server's own, the
 * SQLSTATE and a hint; the core adds FILE:LINE:COL from err->pos. */
static int pg_exec_error(struct pg_conn *p, const PGresult *res, const char *text, size_t len,
                         struct sg_error *err)
{
    const char *state = pg_field(res, PG_DIAG_SQLSTATE);
    const char *pos = pg_field(res, PG_DIAG_STATEMENT_POSITION);
    const char *primary = pg_field(res, PG_DIAG_MESSAGE_PRIMARY);
    char msg[300], hint[200];
    int code = SG_EX_DATA;

    sg_oneline(msg, sizeof msg, *primary ? primary : PQerrorMessage(p->db));
    snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    if (*pos)
        err->pos = 1 + (long long)sg_sql_char_offset(text, len, atoll(pos) - 1, p->char_pos);
    if (pg_gone(p, state))
        return sg_error_set(err, SG_EX_UNAVAILABLE, "lost the database session: %s%s%s%s", msg,
                            *state ? " (" : "", state, *state ? ")" : "");
    if (strcmp(state, PG_STATE_PID) == 0)
        return sg_error_set(err, SG_EX_CONFIG,
                            "it ran on another backend than the one holding the lock: %s",
                            PG_POOLER_HINT);
    if (strcmp(state, PG_STATE_LCK) == 0)
        return sg_error_set(err, SG_EX_SOFTWARE,
                            "this session no longer holds the advisory lock (did a migration "
                            "call pg_advisory_unlock_all() or DISCARD ALL?)");
    if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0)
        code = SG_EX_TEMPFAIL; /* issue 9: nothing happened, the core retries */
    sg_error_set(err, code, "%s%s%s%s", msg, *state ? " (" : "", state, *state ? ")" : "");
    if (strcmp(state, "55P04") == 0) {
        sg_error_append(err, "a value added by ALTER TYPE ... ADD VALUE is usable only after "
                             "its transaction commits: use it in a later migration, or mark "
                             "this one '-- migrate:up transaction:false'");
    } else if (*pg_field(res, PG_DIAG_MESSAGE_HINT)) {
        sg_oneline(hint, sizeof hint, pg_field(res, PG_DIAG_MESSAGE_HINT));
        sg_error_append(err, "hint: %s", hint);
    }
    /* Class 42 (syntax, names, privileges) fails before anything is built. */
    if (pg_concurrently(text, len) && strncmp(state, "42", 2) != 0)
        sg_error_append(err, "it may have left an INVALID index: drop it (DROP INDEX "
                             "CONCURRENTLY ...) before running the migration again");
    return -1;
}

/* The simple-query protocol: the server parses the text, runs statement
 * after statement (one implicit transaction unless the text says BEGIN)
 * and stops at the first error. */
static int pg_exec(struct sg_conn *c, const char *sql, size_t len, size_t *done,
                   struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    PGresult *bad = NULL;
    char *text;
    long long t0;
    int rc = 0;

    *done = 0;
    /* libpq takes a C string; the core's text ends at len. */
    if (!(text = malloc(len + 1)))
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    memcpy(text, sql, len);
    text[len] = '\0';
    if (!PQsendQuery(p->db, text)) {
        rc = pg_fail(p, NULL, err, SG_EX_UNAVAILABLE, "send the statement");
        free(text);
        return rc;
    }
    t0 = sg_now_ms();
    pg_collect(p, c->stop(), done, &bad);
    if (bad || PQstatus(p->db) != CONNECTION_OK) {
        rc = pg_exec_error(p, bad, text, len, err);
        p->failed_at = t0;
    }
    PQclear(bad);
    free(text);
    return rc;
}

static int pg_in_transaction(struct sg_conn *c)
{
    PGTransactionStatusType ts = PQtransactionStatus(PG(c)->db);

    return ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR;
}

static void pg_timeouts_sql(struct sg_conn *c, long long lock_ms, long long stmt_ms, int local,
                            struct sg_buf *out)
{
    lock_ms = lock_ms > 0 ? lock_ms : 0;
    stmt_ms = stmt_ms > 0 ? stmt_ms : 0;
    /* Both are 0 from the start-up packet: a default migration sets nothing. */
    if (local) {
        if (lock_ms)
            sg_buf_fmt(out, "SET LOCAL lock_timeout = %lld;", lock_ms);
        if (stmt_ms)
            sg_buf_fmt(out, "SET LOCAL statement_timeout = %lld;", stmt_ms);
        /* A stalled lease holder's transaction must not outlive its lease. */
        if (c->idle_txn_ms)
            sg_buf_fmt(out, "SET LOCAL idle_in_transaction_session_timeout = %lld;",
                       c->idle_txn_ms);
        return;
    }
    /* Behind a pooler a session setting would stay on whichever server
     * connection ran it, for another client: lease mode sets none. */
    if (c->lease && c->proxied)
        return;
    sg_buf_fmt(out,
               "SELECT pg_catalog.set_config('lock_timeout', '%lld', false), "
               "pg_catalog.set_config('statement_timeout', '%lld', false);",
               lock_ms, stmt_ms);
}

/* What a file SETs (search_path, standard_conforming_strings, ...) ends
 * with RESET ALL, which also undoes pg_settings(), so they follow; the role
 * is not part of RESET ALL. Never DISCARD ALL: it drops the advisory lock. */
static void pg_reset_sql(struct sg_conn *c, struct sg_buf *out)
{
    char set[700];

    pg_settings(PG(c), set, sizeof set);
    sg_buf_fmt(out, "RESET ALL;RESET ROLE;SELECT %s;", set);
}

static int pg_failed_cleanly(struct sg_conn *c, const char *stmt, size_t len,
                             const struct sg_error *err)
{
    /* A statement is atomic in PostgreSQL, except the CONCURRENTLY forms. */
    (void)c;
    (void)err;
    return !pg_concurrently(stmt, len);
}

/* Who is "pid 123 (app) from 10.0.0.5, idle in transaction, ...". */
#define PG_WHO                                                                                     \
    "pg_catalog.format('pid %s (%s) from %s, %s, transaction open %s s, query started %s s "       \
    "ago', a.pid, coalesce(a.application_name, ''), coalesce(pg_catalog.host(a.client_addr), "     \
    "'local socket'), coalesce(a.state, '?'), coalesce(pg_catalog.floor(EXTRACT(epoch FROM "       \
    "pg_catalog.now() - a.xact_start))::text, '?'), coalesce(pg_catalog.floor(EXTRACT(epoch "      \
    "FROM pg_catalog.now() - a.query_start))::text, '?'))"

/* Our wait ended with the rollback, so pg_blocking_pids() knows nothing
 * any more: name the (three oldest) sessions holding a lock on the table
 * whose transaction began before our failed text was sent (the others
 * queued behind us), else any, else the oldest other open transaction of
 * the database. Best effort: a query that fails says nothing. */
static void pg_blocker(struct sg_conn *c, const char *table, char *buf, size_t size)
{
    static const char *const holders =
        "SELECT pg_catalog.string_agg(w, '; ') FROM (SELECT " PG_WHO " AS w FROM "
        "pg_catalog.pg_stat_activity a WHERE a.pid IN (SELECT l.pid FROM pg_catalog.pg_locks l "
        "WHERE l.granted AND l.pid <> pg_catalog.pg_backend_pid() AND l.relation = "
        "coalesce(pg_catalog.to_regclass($1), pg_catalog.to_regclass(pg_catalog.quote_ident("
        "$1)))::pg_catalog.oid) AND ($2::bigint IS NULL OR a.xact_start < "
        "pg_catalog.clock_timestamp() - $2::bigint * interval '1 millisecond') ORDER BY "
        "a.xact_start LIMIT 3) b";
    static const char *const oldest =
        "SELECT " PG_WHO " FROM pg_catalog.pg_stat_activity a WHERE a.datname = "
        "pg_catalog.current_database() AND a.pid <> pg_catalog.pg_backend_pid() AND "
        "a.xact_start IS NOT NULL ORDER BY a.xact_start LIMIT 1";
    struct pg_conn *p = PG(c);
    char ago[24];
    const char *vals[2] = {table, ago};
    PGresult *res;

    buf[0] = '\0';
    snprintf(ago, sizeof ago, "%lld", sg_now_ms() - p->failed_at);
    for (int pass = p->failed_at ? 0 : 1; *table && !*buf && pass < 2; pass++) {
        vals[1] = pass ? NULL : ago;
        res = PQexecParams(p->db, holders, 2, NULL, vals, NULL, NULL, 0);
        if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
            !PQgetisnull(res, 0, 0))
            snprintf(buf, size, "waited for table %s, blocked by %s", table, PQgetvalue(res, 0, 0));
        PQclear(res);
    }
    if (*buf)
        return;
    res = PQexecParams(p->db, oldest, 0, NULL, NULL, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        snprintf(buf, size, "likely blocker: %s", PQgetvalue(res, 0, 0));
    PQclear(res);
}

/* ---- lock ------------------------------------------------------------- */

static int pg_scope(struct sg_conn *c, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *d, *s, *t;
    int n = -1;

    if (!p->schema && pg_probe(p, NULL, NULL, err) < 0)
        return -1;
    /* "db"."schema"."table" with identifier quoting: unambiguous for any
     * names. Pinned: changing it changes every fleet's key. */
    d = PQescapeIdentifier(p->db, p->database, strlen(p->database));
    s = PQescapeIdentifier(p->db, p->schema, strlen(p->schema));
    t = PQescapeIdentifier(p->db, table, strlen(table));
    if (d && s && t)
        n = snprintf(buf, size, "%s.%s.%s", d, s, t);
    PQfreemem(d);
    PQfreemem(s);
    PQfreemem(t);
    if (n < 0 || (size_t)n >= size)
        return sg_error_set(err, SG_EX_SOFTWARE, "unable to name the lock scope of %s", table);
    return 0;
}

static int pg_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char key[24], pid[16];
    const char *vals[2] = {key, pid};
    PGresult *res;
    long long seen;
    int got;

    if (p->locked && p->lock_key == l->key)
        return 1; /* session locks stack: never take it twice */
    snprintf(key, sizeof key, "%lld", l->key);
    /* Only the backend we connected to may take it: behind a transaction
     * pooler this statement may run elsewhere, and a lock taken there would
     * leak into the pool. */
    for (;;) {
        snprintf(pid, sizeof pid, "%d", p->pid);
        res = pg_query(p,
                       "SELECT CASE WHEN pg_catalog.pg_backend_pid() = $2::int THEN "
                       "pg_catalog.pg_try_advisory_lock($1::bigint) END, "
                       "pg_catalog.pg_backend_pid()",
                       2, vals, PGRES_TUPLES_OK, "take the advisory lock", err);
        if (!res)
            return -1;
        seen = atoll(PQgetvalue(res, 0, 1));
        if (!PQgetisnull(res, 0, 0))
            break;
        PQclear(res);
        if (p->pid_known)
            return pg_moved(p, seen, err);
        /* The first statement behind a proxy (whose BackendKeyData pid is
         * its own) took no lock: anchor on the backend it ran on and try
         * again, which checks that the next statement runs there too (a
         * session pooler), not elsewhere (a transaction pooler). */
        pg_anchor(p, seen);
    }
    pg_anchor(p, seen);
    got = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    if (got) {
        p->locked = 1;
        p->lock_key = l->key;
    }
    return got;
}

static int pg_unlock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char key[24];
    const char *vals[1] = {key};
    PGresult *res;
    int ok;

    snprintf(key, sizeof key, "%lld", l->key);
    res = pg_query(p, "SELECT pg_catalog.pg_advisory_unlock($1::bigint)", 1, vals, PGRES_TUPLES_OK,
                   "release the advisory lock", err);
    if (!res)
        return -1;
    ok = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    if (p->lock_key == l->key)
        p->locked = 0;
    if (!ok)
        return sg_error_set(err, SG_EX_SOFTWARE,
                            "advisory lock %lld was not held by this session when releasing it",
                            l->key);
    return 0;
}

static int pg_lock_held(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char cls[16], obj[16];
    const char *vals[2] = {cls, obj};
    PGresult *res;
    long long seen;
    int held;

    pg_key_split(l->key, cls, obj);
    res = pg_query(p,
                   "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' "
                   "AND pid = pg_catalog.pg_backend_pid() AND classid = $1::oid AND objid = "
                   "$2::oid AND objsubid = 1 AND granted), pg_catalog.pg_backend_pid()",
                   2, vals, PGRES_TUPLES_OK, "check the advisory lock", err);
    if (!res)
        return -1;
    held = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    seen = atoll(PQgetvalue(res, 0, 1));
    PQclear(res);
    if (seen != p->pid)
        return pg_moved(p, seen, err);
    return held;
}

static int pg_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    char cls[16], obj[16];
    const char *vals[2] = {cls, obj};
    PGresult *res;

    buf[0] = '\0';
    pg_key_split(l->key, cls, obj);
    /* backend_start says how long the holder's session has existed (it took
     * the lock at some point since); state_change how long it has been in its
     * current state (e.g. active: running one migration statement). */
    res = pg_query(PG(c),
                   "SELECT 'pid ' || l.pid || coalesce(' (' || nullif(a.application_name, '') || "
                   "')', '') || CASE WHEN a.backend_start IS NULL THEN ', details hidden (connect "
                   "as the same role, or grant pg_read_all_stats, to see them)' ELSE "
                   "pg_catalog.format(' from %s, session open %s s, %s for %s s', "
                   "coalesce(pg_catalog.host(a.client_addr), 'local socket'), "
                   "pg_catalog.floor(EXTRACT(epoch FROM pg_catalog.now() - a.backend_start)), "
                   "coalesce(a.state, '?'), coalesce(pg_catalog.floor(EXTRACT(epoch FROM "
                   "pg_catalog.now() - a.state_change))::text, '?')) END FROM pg_catalog.pg_locks "
                   "l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = "
                   "'advisory' AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE "
                   "datname = pg_catalog.current_database()) AND l.classid = $1::oid AND "
                   "l.objid = $2::oid AND l.objsubid = 1 AND l.granted LIMIT 1",
                   2, vals, PGRES_TUPLES_OK, "find the advisory lock's holder", err);
    if (!res)
        return -1;
    if (PQntuples(res) == 1)
        snprintf(buf, size, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return 0;
}

/* Server-side, so it runs in the migration's own transaction: fails unless
 * the statement runs on the anchored backend and that backend still holds
 * the lock (a migration may release it, a pooler may move us). The values
 * are integers we produced, never user input. */
static void pg_fence_sql(struct sg_conn *c, struct sg_buf *out)
{
    struct pg_conn *p = PG(c);
    char cls[16], obj[16];

    if (!p->locked)
        return;
    pg_key_split(p->lock_key, cls, obj);
    sg_buf_fmt(out,
               "DO $sg$BEGIN IF pg_catalog.pg_backend_pid() <> %d THEN RAISE EXCEPTION "
               "USING ERRCODE = '" PG_STATE_PID "', MESSAGE = 'schemagate: backend changed'; "
               "END IF; IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = "
               "'advisory' AND pid = %d AND classid = %s AND objid = %s AND objsubid = 1 AND "
               "granted) THEN RAISE EXCEPTION USING ERRCODE = '" PG_STATE_LCK "', MESSAGE = "
               "'schemagate: advisory lock lost'; END IF; END$sg$;",
               p->pid, p->pid, cls, obj);
}

/* ---- ledger ----------------------------------------------------------- */

#define PG_APPLIED_AT                                                                              \
    "pg_catalog.to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* Every row of res as text (NULL for SQL NULL) into out, freed on failure. */
static int pg_rows(const PGresult *res, struct sg_rows *out, struct sg_error *err)
{
    const char *cells[16];
    int nf = PQnfields(res) < 16 ? PQnfields(res) : 16;

    for (int i = 0; i < PQntuples(res); i++) {
        for (int j = 0; j < nf; j++)
            cells[j] = PQgetisnull(res, i, j) ? NULL : PQgetvalue(res, i, j);
        if (sg_rows_push(out, cells, (size_t)nf) < 0) {
            sg_rows_free(out);
            return sg_error_set(err, SG_EX_OSERR, "out of memory");
        }
    }
    return 0;
}

/* One round trip, the whole of a no-op start and half of a waiter's poll:
 * two SELECTs in one implicit transaction. The first cannot fail: the
 * backend pid (the pooler anchor), the database and schema (the lock
 * scope), and it narrows the search_path to current_schema(), so the second
 * reads the ledger there, never another schema's further down the path. A
 * missing table (42P01) is exists = 0; the engine then probes first. */
static int pg_ledger_read(struct sg_conn *c, const char *table, unsigned flags,
                          struct sg_ledger *out, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    PGresult *r[2] = {NULL, NULL}, *x;
    struct sg_rows rows = {0};
    char *t, *sql = NULL;
    int rc = -1, nr = 0, exists = 0;

    memset(out, 0, sizeof *out);
    if (flags & SG_LEDGER_PROBE) {
        if (pg_probe(p, table, &exists, err) < 0)
            return -1;
        if (!exists)
            return 0;
    }
    if (!(t = PQescapeIdentifier(p->db, table, strlen(table))))
        return sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
    if (asprintf(&sql,
                 "SELECT pg_catalog.pg_backend_pid(), pg_catalog.current_database(), "
                 "pg_catalog.current_schema(), pg_catalog.set_config('search_path', "
                 "coalesce(pg_catalog.quote_ident(pg_catalog.current_schema()), 'pg_catalog'), "
                 "true); SELECT %s FROM %s",
                 SG_LEDGER_COLUMNS(PG_APPLIED_AT), t) < 0)
        sql = NULL;
    PQfreemem(t);
    if (!sql)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    if (PQsendQuery(p->db, sql))
        while ((x = PQgetResult(p->db)) != NULL) {
            if (nr < 2)
                r[nr++] = x;
            else
                PQclear(x);
        }
    free(sql);
    if (PQresultStatus(r[0]) != PGRES_TUPLES_OK || PQntuples(r[0]) != 1) {
        pg_fail(p, r[0], err, SG_EX_SOFTWARE, "read the ledger");
        goto out;
    }
    if (pg_where(p, r[0], 0, err) < 0)
        goto out;
    if (PQresultStatus(r[1]) == PGRES_TUPLES_OK) {
        if ((rc = pg_rows(r[1], &rows, err)) == 0)
            rc = sg_rows_ledger(&rows, out, err);
    } else if (r[1] && strcmp(pg_field(r[1], PG_DIAG_SQLSTATE), "42P01") == 0)
        rc = 0;
    else
        pg_fail(p, r[1], err, SG_EX_SOFTWARE, "read the ledger");
out:
    if (rc < 0)
        sg_ledger_free(out);
    sg_rows_free(&rows);
    PQclear(r[0]);
    PQclear(r[1]);
    return rc;
}

static void pg_quote(struct sg_conn *c, const char *v, struct sg_buf *out)
{
    char *q = PQescapeLiteral(PG(c)->db, v, strlen(v));

    if (q)
        sg_buf_str(out, q);
    else
        out->oom = 1; /* an encoding libpq cannot quote: the write fails */
    PQfreemem(q);
}

/* "schema"."table", quoted by the server's rules. */
static int pg_table_sql(struct sg_conn *c, const char *table, struct sg_buf *out,
                        struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *s, *t;

    if (!p->schema && pg_probe(p, NULL, NULL, err) < 0)
        return -1;
    s = PQescapeIdentifier(p->db, p->schema, strlen(p->schema));
    t = PQescapeIdentifier(p->db, table, strlen(table));
    if (s && t)
        sg_buf_fmt(out, "%s.%s", s, t);
    PQfreemem(s);
    PQfreemem(t);
    if (!s || !t)
        return sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
    return 0;
}

/* One SELECT of ours, every row as text; a missing table (42P01) is 66. */
static int pg_select(struct sg_conn *c, const char *sql, struct sg_rows *out, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    PGresult *res = PQexec(p->db, sql);
    int rc;

    memset(out, 0, sizeof *out);
    if (PQresultStatus(res) == PGRES_TUPLES_OK)
        rc = pg_rows(res, out, err);
    else if (strcmp(pg_field(res, PG_DIAG_SQLSTATE), "42P01") == 0)
        rc = sg_error_set(err, SG_EX_NOINPUT, "no such table");
    else
        rc = pg_fail(p, res, err, SG_EX_DATA, "read");
    PQclear(res);
    return rc;
}

/* PgBouncer and its kin answer the start-up with a backend key of their own
 * in every pool mode, so a pid that differs from pg_backend_pid() says a
 * pooler is in front. A session pooler would keep the advisory lock, a
 * transaction pooler lose it; `auto` takes the lease, safe behind both. */
static int pg_session_lock_ok(struct sg_conn *c, int strict, char *why, size_t size,
                              struct sg_error *err)
{
    struct pg_conn *p = PG(c);

    if (!p->pid_known && pg_probe(p, NULL, NULL, err) < 0)
        return -1;
    if (!c->proxied)
        return 1;
    /* A transaction pooler moves a session between backends: a few probes
     * see it (a cold, one-backend pool may not; the fence at each commit
     * still checks the backend). A session pooler never moves. */
    for (int i = 0; strict && i < 3; i++) {
        PGresult *res = pg_query(p, "SELECT pg_catalog.pg_backend_pid()", 0, NULL, PGRES_TUPLES_OK,
                                 "probe the backend", err);
        long long pid = res ? atoll(PQgetvalue(res, 0, 0)) : -1;
        PQclear(res);
        if (!res)
            return -1;
        if (pid != p->pid) {
            snprintf(why, size,
                     "a transaction pooler answers for the server: statements ran on different "
                     "backends (pid %d, then %lld)",
                     p->pid, pid);
            return 0;
        }
    }
    snprintf(why, size,
             "a connection pooler answers for the server (its backend key %d is not the "
             "server backend's pid %d)",
             PQbackendPID(p->db), p->pid);
    return 2;
}

static void pg_guard_sql(struct sg_conn *c, const char *update, const char *msg, struct sg_buf *out)
{
    (void)c;
    sg_buf_fmt(out,
               "DO $sg$BEGIN %s; IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'SGLSE', "
               "MESSAGE = '%s'; END IF; END$sg$;",
               update, msg);
}

static const char *const pg_schemes[] = {"postgres", "postgresql", NULL};

const struct sg_driver sg_driver_postgres = {
    .name = "postgres",
    .schemes = pg_schemes,
    .dialect = SG_DIALECT_POSTGRES,
    .caps = SG_CAP_TRANSACTIONAL_DDL,
    .begin_sql = "BEGIN",
    .connect = pg_connect,
    .close = pg_close,
    .transient = pg_transient,
    .prepare = pg_prepare,
    .interrupt = pg_interrupt,
    .exec = pg_exec,
    .in_transaction = pg_in_transaction,
    .timeouts_sql = pg_timeouts_sql,
    .failed_cleanly = pg_failed_cleanly,
    .reset_sql = pg_reset_sql,
    .blocker = pg_blocker,
    .scope = pg_scope,
    .try_lock = pg_try_lock,
    .unlock = pg_unlock,
    .lock_held = pg_lock_held,
    .lock_holder = pg_lock_holder,
    .fence_sql = pg_fence_sql,
    .ledger_columns = "(version varchar(20) NOT NULL PRIMARY KEY, name varchar(255) NOT NULL, "
                      "checksum char(64) NOT NULL, applied_at timestamptz NOT NULL DEFAULT "
                      "pg_catalog.now(), execution_ms bigint NOT NULL, applied_by varchar(255) "
                      "NOT NULL, dirty boolean NOT NULL DEFAULT false, dirty_done integer NOT "
                      "NULL DEFAULT 0)",
    .table_sql = pg_table_sql,
    .quote = pg_quote,
    .now_sql = "pg_catalog.now()",
    .applied_at_sql = PG_APPLIED_AT,
    .txn_age_sql = "pg_catalog.round(EXTRACT(epoch FROM pg_catalog.clock_timestamp() - "
                   "pg_catalog.now()) * 1000)::bigint",
    .clock_ms_sql = "(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint",
    .guard_sql = pg_guard_sql,
    .session_lock_ok = pg_session_lock_ok,
    .select = pg_select,
    .ledger_read = pg_ledger_read,
};
