/* postgres.c -- the PostgreSQL backend (libpq). The advisory lock lives on
 * the one session that also runs every migration and writes the ledger, so
 * the server frees it exactly when that session can no longer commit. Waiting
 * is polling with pg_try_advisory_lock (no open statement or snapshot while a
 * replica waits), a transactional migration is one simple-query round trip
 * that also re-checks, server-side, that this backend still holds the lock,
 * and a non-transactional one runs statement by statement between a committed
 * dirty marker and its removal. The only file that includes <libpq-fe.h>. */
#include "driver.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libpq-fe.h>

#include "clock.h"
#include "exitcodes.h"
#include "handoff.h"
#include "log.h"
#include "sqlsplit.h"

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

/* SQLSTATEs our own server-side lock check raises (RAISE ... USING ERRCODE). */
#define PG_STATE_PID "SGPID" /* the statement ran on another backend: a pooler */
#define PG_STATE_LCK "SGLCK" /* the backend no longer holds the advisory lock */

#define PG_POOLER_HINT                                                                             \
    "a transaction-pooling proxy (PgBouncer pool_mode=transaction or statement) is between "       \
    "schemagate and the server, and session advisory locks do not work through it: use a "         \
    "direct URL to PostgreSQL (or a session-pooling one) for schemagate"

struct pg_conn {
    struct sg_conn base;
    PGconn *db;
    PGcancel *volatile cancel; /* read by interrupt() from a signal handler */
    /* The backend pid every statement must run on. Until a statement has
     * reported pg_backend_pid() (pid_known), it is PQbackendPID(): the
     * server's own pid on a direct connection, a proxy's made-up one behind
     * PgBouncer and its kin -- there the first pid a statement reports
     * becomes the anchor, and every later statement is checked against it
     * (see pg_anchor()). */
    int pid;
    int pid_known;
    long long seen_pid; /* pid observed by the last round trip, or -1 */
    int locked; /* we hold lock_key on this session */
    long long lock_key;
    int char_pos; /* error positions count UTF-8 characters, not bytes */
    char *conninfo; /* the URL (secret), for the lock-wait diagnosis */
    char *database; /* current_database() and current_schema(): NULL until */
    char *schema; /* a statement has brought them back (pg_where()) */
    char app_name[128];
    long long statement_timeout_ms;
};

/* The last ledger read of this process found no ledger table. The next
 * session then asks whether it exists before reading it, so that a process
 * polling a database nobody has migrated yet (`wait`, a herd's waiters
 * before the holder creates the table) leaves one "relation does not exist"
 * in the server log, not one per poll. */
static int pg_ledger_absent;

#define PG(c) ((struct pg_conn *)(c))

extern const struct sg_driver sg_driver_postgres;

/* ---- small helpers ---------------------------------------------------- */

/* Copies at most the first line of s into buf, tabs and newlines folded. */
static void pg_oneline(char *buf, size_t size, const char *s)
{
    size_t n = 0;

    if (!s)
        s = "";
    while (*s == ' ' || *s == '\n')
        s++;
    for (; *s && n + 1 < size; s++) {
        if (*s == '\n') {
            /* libpq's multi-host errors continue on indented lines: keep
             * them, folded; drop its "\tIs the server running" hints. */
            while (s[1] == '\t' || s[1] == ' ')
                s++;
            if (!s[1])
                break;
            if (n + 3 >= size)
                break;
            buf[n++] = ';';
            buf[n++] = ' ';
            continue;
        }
        buf[n++] = *s == '\t' ? ' ' : *s;
    }
    while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == ';'))
        n--;
    buf[n] = '\0';
}

/* Replaces every occurrence of secret in buf by "***" (in place, shrinking). */
static void pg_scrub(char *buf, const char *secret)
{
    size_t sl;
    char *p;

    if (!secret || (sl = strlen(secret)) < 1)
        return;
    while ((p = strstr(buf, secret)) != NULL) {
        if (sl >= 3) {
            memcpy(p, "***", 3);
            memmove(p + 3, p + sl, strlen(p + sl) + 1);
        } else {
            /* Too short to scrub without making a mess: drop the message. */
            strcpy(buf, "(message withheld: it may contain the password)");
            return;
        }
    }
}

static int pg_lost(const struct pg_conn *p)
{
    return PQstatus(p->db) != CONNECTION_OK;
}

static const char *pg_field(const PGresult *res, int code)
{
    const char *s = res ? PQresultErrorField(res, code) : NULL;
    return s ? s : "";
}

/* Fills err from a failed result (or the connection's error when res has
 * none). A lost session is always code 69, whatever `code` says. */
static int pg_fail(struct pg_conn *p, const PGresult *res, struct sg_error *err, int code,
                   const char *what)
{
    char msg[400];
    const char *state = pg_field(res, PG_DIAG_SQLSTATE);
    const char *primary = pg_field(res, PG_DIAG_MESSAGE_PRIMARY);

    pg_oneline(msg, sizeof msg, *primary ? primary : PQerrorMessage(p->db));
    if (err)
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    if (pg_lost(p) || strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
        strcmp(state, "57P02") == 0 || strcmp(state, "57P03") == 0)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "lost the database session while trying to %s: %s", what, msg);
    if (strcmp(state, "57014") == 0 && sg_signal_pending())
        code = SG_EX_SIGNAL_BASE + sg_signal_pending();
    return sg_error_set(err, code, "unable to %s: %s%s%s%s", what, msg, *state ? " (" : "", state,
                        *state ? ")" : "");
}

/* Runs a parameterised statement. Returns the result when its status is
 * `want`, else NULL with err set (and the result cleared). */
static PGresult *pg_query(struct pg_conn *p, const char *sql, int n, const char *const *vals,
                          ExecStatusType want, const char *what, struct sg_error *err)
{
    PGresult *res = PQexecParams(p->db, sql, n, NULL, vals, NULL, NULL, 0);

    p->seen_pid = -1;
    if (res && PQresultStatus(res) == want)
        return res;
    pg_fail(p, res, err, SG_EX_SOFTWARE, what);
    PQclear(res);
    return NULL;
}

/* Records the backend pid a statement reported. The first one fixes the
 * anchor: on a direct connection it equals PQbackendPID(); behind a proxy
 * it is the server backend this client was given, as on the old set-up
 * statement, and what follows is checked against it. */
static void pg_anchor(struct pg_conn *p, long long pid)
{
    if (!p->pid_known) {
        p->pid = (int)pid;
        p->pid_known = 1;
    }
    p->seen_pid = pid;
}

/* Keeps current_database() and current_schema() from columns col and
 * col + 1 of res's first row (schema NULL: no schema of the search_path
 * exists). */
static int pg_set_where(struct pg_conn *p, const PGresult *res, int col, struct sg_error *err)
{
    const char *db = PQgetvalue(res, 0, col);
    const char *schema = PQgetisnull(res, 0, col + 1) ? NULL : PQgetvalue(res, 0, col + 1);

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

/* Fetches the database and schema when no statement has brought them yet
 * (a ledger read usually has: see pg_ledger_read). */
static int pg_where(struct pg_conn *p, struct sg_error *err)
{
    PGresult *res;
    int rc;

    if (p->schema)
        return 0;
    res = pg_query(p,
                   "SELECT pg_catalog.pg_backend_pid(), pg_catalog.current_database(), "
                   "pg_catalog.current_schema()",
                   0, NULL, PGRES_TUPLES_OK, "read the current schema", err);
    if (!res)
        return -1;
    pg_anchor(p, atoll(PQgetvalue(res, 0, 0)));
    rc = pg_set_where(p, res, 1, err);
    PQclear(res);
    return rc;
}

/* "schema"."table", quoted by the server's rules; NULL with err set. */
static char *pg_qualify(struct pg_conn *p, const char *table, struct sg_error *err)
{
    char *s, *t, *q = NULL;

    if (pg_where(p, err) < 0)
        return NULL;
    s = PQescapeIdentifier(p->db, p->schema, strlen(p->schema));
    t = PQescapeIdentifier(p->db, table, strlen(table));
    if (s && t && (q = malloc(strlen(s) + strlen(t) + 2)) != NULL)
        sprintf(q, "%s.%s", s, t);
    else
        sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
    PQfreemem(s);
    PQfreemem(t);
    return q;
}

/* The 64-bit key as pg_locks shows it: classid = high 32 bits, objid = low
 * 32 bits, objsubid = 1 (the int8 form of the advisory-lock functions). */
static void pg_key_split(long long key, char classid[16], char objid[16])
{
    uint64_t k = (uint64_t)key;

    snprintf(classid, 16, "%u", (unsigned)(k >> 32));
    snprintf(objid, 16, "%u", (unsigned)(k & 0xffffffffu));
}

/* A boolean condition, for embedding in our own statements, that is true
 * only on the backend that took the lock and while it still holds it. The
 * values are integers we produced, never user input. */
static void pg_lock_cond(const struct pg_conn *p, char *buf, size_t size)
{
    char cls[16], obj[16];

    if (!p->locked) {
        snprintf(buf, size, "true");
        return;
    }
    pg_key_split(p->lock_key, cls, obj);
    snprintf(buf, size,
             "(pg_catalog.pg_backend_pid() = %d AND EXISTS (SELECT 1 FROM pg_catalog.pg_locks "
             "WHERE locktype = 'advisory' AND pid = %d AND classid = %s AND objid = %s AND "
             "objsubid = 1 AND granted))",
             p->pid, p->pid, cls, obj);
}

static void pg_notice(void *arg, const PGresult *res)
{
    const char *sev = pg_field(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    char msg[400];

    (void)arg;
    pg_oneline(msg, sizeof msg, pg_field(res, PG_DIAG_MESSAGE_PRIMARY));
    sg_log(strcmp(sev, "WARNING") == 0 ? SG_LOG_WARN : SG_LOG_DEBUG, "db_notice",
           SG_F(SG_S("severity", sev), SG_S("sqlstate", pg_field(res, PG_DIAG_SQLSTATE))),
           "server %s: %s", *sev ? sev : "NOTICE", msg);
}

/* ---- connect ---------------------------------------------------------- */

static void pg_close(struct sg_conn *c)
{
    struct pg_conn *p = PG(c);
    PGcancel *cc;

    if (!p)
        return;
    /* The signal handler reads cancel: hide it before freeing it. */
    cc = p->cancel;
    p->cancel = NULL;
    PQfreeCancel(cc);
    PQfinish(p->db); /* ends the session: the server frees every lock it held */
    if (p->conninfo) {
        explicit_bzero(p->conninfo, strlen(p->conninfo));
        free(p->conninfo);
    }
    free(p->database);
    free(p->schema);
    free(p);
}

static int pg_has_option(const PQconninfoOption *o, const char *key)
{
    for (; o && o->keyword; o++)
        if (strcmp(o->keyword, key) == 0)
            return o->val && *o->val;
    return 0;
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

/* Session settings sent in the start-up packet, so that no round trip is
 * spent on them: they win over the role's and the database's settings
 * (ALTER ROLE/DATABASE ... SET), which a server applies before the client's.
 * A role's lock_timeout or statement_timeout must not cancel a ledger read
 * or a migration. Only parameters every supported server (9.6 and later)
 * knows: an unknown one would make the server refuse the connection. The
 * ones that newer servers add (idle_session_timeout, transaction_timeout,
 * client_connection_check_interval) are set by pg_prepare(), once the lock
 * is held and the server's version is known. */
#define PG_START_OPTIONS                                                                           \
    "-c statement_timeout=0 -c lock_timeout=0 -c idle_in_transaction_session_timeout=0"

/* A proxy that turns away the start-up packet's `options` (PgBouncer
 * without ignore_startup_parameters = options: "unsupported startup
 * parameter: options=..."). */
static int pg_options_refused(const char *msg)
{
    return strstr(msg, "unsupported startup parameter") != NULL;
}

/* Opens a libpq connection to `conninfo` with our defaults underneath
 * whatever the URL sets, and PG_START_OPTIONS after the URL's own options
 * (or PGOPTIONS): later -c settings win. Returns NULL with err set. */
static PGconn *pg_open(const char *conninfo, const char *app_name, const char *connect_timeout,
                       const char *password, struct sg_error *err)
{
    const char *kw[PG_NDEFAULTS + 5], *val[PG_NDEFAULTS + 5];
    PQconninfoOption *opts;
    char *perr = NULL, msg[400], *options = NULL;
    const char *base = NULL;
    size_t n = 0, at_options;
    PGconn *db;

    opts = PQconninfoParse(conninfo, &perr);
    if (!opts) {
        pg_oneline(msg, sizeof msg, perr ? perr : "out of memory");
        pg_scrub(msg, password);
        PQfreemem(perr);
        return sg_error_set(err, SG_EX_CONFIG, "database URL: %s", msg), NULL;
    }
    /* Our defaults go before dbname: with expand_dbname, values from the
     * URL that follow override them -- and we add only what the URL lacks. */
    for (size_t i = 0; i < PG_NDEFAULTS; i++)
        if (!pg_has_option(opts, pg_defaults[i][0])) {
            kw[n] = pg_defaults[i][0];
            val[n++] = strcmp(pg_defaults[i][0], "connect_timeout") == 0 && connect_timeout
                           ? connect_timeout
                           : pg_defaults[i][1];
        }
    if (app_name && *app_name && !pg_has_option(opts, "application_name")) {
        kw[n] = "application_name";
        val[n++] = app_name;
    }
    for (const PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "options") == 0 && o->val && *o->val)
            base = o->val;
    if (!base)
        base = getenv("PGOPTIONS"); /* what libpq would use: we append, not replace */
    if (asprintf(&options, "%s%s" PG_START_OPTIONS, base ? base : "", base && *base ? " " : "") <
        0) {
        PQconninfoFree(opts);
        return sg_error_set(err, SG_EX_OSERR, "unable to connect: out of memory"), NULL;
    }
    PQconninfoFree(opts);
    kw[n] = "dbname";
    val[n++] = conninfo;
    /* After dbname: it replaces the URL's options, which it contains. */
    at_options = n;
    kw[n] = "options";
    val[n++] = options;
    kw[n] = NULL;
    val[n] = NULL;
    db = PQconnectdbParams(kw, val, 1);
    if (db && PQstatus(db) != CONNECTION_OK && pg_options_refused(PQerrorMessage(db))) {
        /* Behind such a proxy, connect as the URL says; pg_prepare() sets
         * the timeouts before anything is written. */
        sg_log(SG_LOG_DEBUG, "pg_options_refused", SG_NOFIELDS,
               "the server or proxy refused start-up options; connecting without them");
        PQfinish(db);
        kw[at_options] = NULL;
        val[at_options] = NULL;
        db = PQconnectdbParams(kw, val, 1);
    }
    free(options);
    if (!db)
        return sg_error_set(err, SG_EX_OSERR, "unable to connect: out of memory"), NULL;
    if (PQstatus(db) != CONNECTION_OK) {
        const char *raw = PQerrorMessage(db);
        int code = SG_EX_UNAVAILABLE;

        pg_oneline(msg, sizeof msg, raw);
        pg_scrub(msg, password);
        if (strstr(raw, "invalid ") && (strstr(raw, " value") || strstr(raw, "option")))
            code = SG_EX_CONFIG; /* a bad parameter value in the URL */
        if (err) {
            snprintf(err->sqlstate, sizeof err->sqlstate, "%s", pg_connect_state(db, raw));
            sg_error_set(err, code, "unable to connect to PostgreSQL: %s", msg);
        }
        PQfinish(db);
        return NULL;
    }
    return db;
}

static struct sg_conn *pg_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err);

/* ---- results of a simple-query string --------------------------------- */

/* While a migration runs, a second, short-lived session can look at what
 * blocks it: pg_blocking_pids() only knows while the wait lasts, and the
 * migrating session is busy waiting. The lock itself never moves. */
struct pg_watch {
    long long every_ms; /* 0: no watching */
    long long next_at;
    long long started;
    PGconn *diag;
    int diag_failed;
    char table[128]; /* what we waited for, last time we waited */
    char blocker[300]; /* who held it */
};

struct pg_run {
    int nok; /* statements that completed before the error */
    PGresult *last; /* the last tuples result (owned) */
    PGresult *error; /* the first error result (owned), or NULL */
};

static void pg_run_clear(struct pg_run *r)
{
    PQclear(r->last);
    PQclear(r->error);
    memset(r, 0, sizeof *r);
}

static void pg_watch_sample(struct pg_conn *p, struct pg_watch *w)
{
    static const char *const q =
        "SELECT coalesce((SELECT pg_catalog.string_agg(DISTINCT CASE WHEN c.oid IS NOT NULL "
        "THEN CASE WHEN c.relkind IN ('i', 'I') THEN 'index ' ELSE 'table ' END || "
        "c.oid::pg_catalog.regclass::text WHEN l.locktype = 'virtualxid' THEN 'an older "
        "transaction to end' WHEN l.locktype = 'transactionid' THEN 'a row locked by another "
        "transaction' ELSE l.locktype || ' lock' END, ', ') FROM pg_catalog.pg_locks l LEFT JOIN "
        "pg_catalog.pg_class c ON c.oid = l.relation WHERE l.pid = $1::int AND NOT l.granted), "
        "''), "
        "coalesce((SELECT pg_catalog.string_agg(pg_catalog.format('pid %s (%s) from %s, %s, "
        "transaction open %s s, query started %s s ago', a.pid, coalesce(a.application_name, "
        "''), coalesce(pg_catalog.host(a.client_addr), 'local socket'), coalesce(a.state, '?'), "
        "coalesce(pg_catalog.floor(EXTRACT(epoch FROM pg_catalog.now() - a.xact_start))::text, "
        "'?'), "
        "coalesce(pg_catalog.floor(EXTRACT(epoch FROM pg_catalog.now() - a.query_start))::text, "
        "'?')), '; ') FROM pg_catalog.pg_stat_activity a WHERE a.pid = ANY "
        "(pg_catalog.pg_blocking_pids($1::int))), '')";
    char pid[16], app[160];
    const char *vals[1] = {pid};
    PGresult *res;

    if (w->diag_failed || sg_signal_pending())
        return;
    if (!w->diag) {
        snprintf(app, sizeof app, "%.100s (lock diagnosis)", p->app_name);
        w->diag = pg_open(p->conninfo, app, "2", NULL, NULL);
        if (!w->diag) {
            w->diag_failed = 1; /* e.g. max_connections: naming the blocker is best effort */
            return;
        }
        PQsetNoticeReceiver(w->diag, pg_notice, NULL);
    }
    snprintf(pid, sizeof pid, "%d", p->pid);
    res = PQexecParams(w->diag, q, 1, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 && *PQgetvalue(res, 0, 1)) {
        snprintf(w->table, sizeof w->table, "%s", PQgetvalue(res, 0, 0));
        snprintf(w->blocker, sizeof w->blocker, "%s", PQgetvalue(res, 0, 1));
        sg_log(SG_LOG_INFO, "migration_blocked",
               SG_F(SG_S("waiting_for", w->table), SG_S("blocker", w->blocker)),
               "migration is waiting for %s, blocked by %s", w->table, w->blocker);
    } else if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        w->diag_failed = 1;
    }
    PQclear(res);
}

static void pg_watch_end(struct pg_watch *w)
{
    if (w && w->diag) {
        PQfinish(w->diag);
        w->diag = NULL;
    }
}

/* Collects every result of the query just sent: counts the statements that
 * completed, keeps the last row set and the first error. Waits on the socket
 * itself so the watch can sample while a statement blocks; a signal's cancel
 * (interrupt()) makes the server answer with 57014. */
static void pg_collect(struct pg_conn *p, struct pg_run *r, struct pg_watch *w)
{
    memset(r, 0, sizeof *r);
    for (;;) {
        while (PQisBusy(p->db)) {
            struct pollfd pfd = {.fd = PQsocket(p->db), .events = POLLIN};
            int timeout = -1;

            if (w && w->every_ms > 0) {
                long long left = w->next_at - sg_now_ms();
                if (left <= 0) {
                    pg_watch_sample(p, w);
                    w->next_at = sg_now_ms() + w->every_ms;
                    continue;
                }
                timeout = left > INT_MAX ? INT_MAX : (int)left;
            }
            if (pfd.fd < 0)
                break;
            if (poll(&pfd, 1, timeout) < 0 && errno != EINTR)
                break;
            if (!PQconsumeInput(p->db))
                break; /* PQgetResult reports the lost connection */
        }
        PGresult *res = PQgetResult(p->db);
        if (!res)
            break;
        switch (PQresultStatus(res)) {
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
            r->nok++;
            PQclear(res);
            break;
        case PGRES_TUPLES_OK:
            r->nok++;
            PQclear(r->last);
            r->last = res;
            break;
        case PGRES_COPY_IN:
            /* No data travels with a migration: end the COPY with an error. */
            PQputCopyEnd(p->db, "COPY FROM STDIN is not supported in migrations");
            PQclear(res);
            break;
        case PGRES_COPY_OUT: {
            char *buf;
            while (PQgetCopyData(p->db, &buf, 0) > 0)
                PQfreemem(buf);
            PQclear(res);
            break;
        }
        default:
            if (!r->error)
                r->error = res;
            else
                PQclear(res);
            if (PQstatus(p->db) == CONNECTION_BAD)
                return;
            break;
        }
    }
}

/* Sends a whole simple-query string and collects its results. */
static int pg_simple(struct pg_conn *p, const char *sql, struct pg_run *r, struct pg_watch *w)
{
    p->seen_pid = -1;
    if (!PQsendQuery(p->db, sql)) {
        memset(r, 0, sizeof *r);
        return -1;
    }
    pg_collect(p, r, w);
    return r->error ? -1 : 0;
}

/* ROLLBACK if a transaction is still open after a failure. */
static void pg_rollback(struct pg_conn *p)
{
    PGTransactionStatusType ts = PQtransactionStatus(p->db);

    if (ts == PQTRANS_INERROR || ts == PQTRANS_INTRANS) {
        PGresult *res = PQexec(p->db, "ROLLBACK");
        PQclear(res);
    }
}

/* ---- connect, continued ----------------------------------------------- */

static struct sg_conn *pg_connect(const struct sg_url *url, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct pg_conn *p = calloc(1, sizeof *p);

    if (!p) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        return NULL;
    }
    p->base.driver = &sg_driver_postgres;
    p->seen_pid = -1;
    if (o && o->application_name)
        snprintf(p->app_name, sizeof p->app_name, "%s", o->application_name);
    else
        snprintf(p->app_name, sizeof p->app_name, "schemagate");
    p->statement_timeout_ms = o ? o->statement_timeout_ms : 0;
    p->conninfo = strdup(url->raw);
    if (!p->conninfo) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto fail;
    }
    p->db = pg_open(url->raw, p->app_name, NULL, url->password, err);
    if (!p->db)
        goto fail;
    PQsetNoticeReceiver(p->db, pg_notice, NULL);
    /* No round trip here: the timeouts went in the start-up packet, the pid
     * came in BackendKeyData (confirmed by the first statement, pg_anchor()),
     * the database and schema come back with the first ledger read or lock
     * scope (pg_where()), and what only matters to a session about to write
     * -- hot standby, the newer servers' timeouts -- waits for pg_prepare(). */
    p->pid = PQbackendPID(p->db);
    {
        const char *ce = PQparameterStatus(p->db, "client_encoding");
        const char *se = PQparameterStatus(p->db, "server_encoding");
        /* Positions count characters of the server's encoding; with
         * SQL_ASCII (no conversion) or a single-byte client they are bytes. */
        p->char_pos = ce && strcmp(ce, "UTF8") == 0 && !(se && strcmp(se, "SQL_ASCII") == 0);
    }
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

/* ---- lock ------------------------------------------------------------- */

static int pg_scope(struct sg_conn *c, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    size_t n = 0;

    if (pg_where(p, err) < 0)
        return -1;
    const char *parts[3] = {p->database, p->schema, table};
    /* "db"."schema"."table" with identifier quoting: unambiguous for any
     * names. Pinned: changing it changes every fleet's key. */
    for (int i = 0; i < 3; i++) {
        if (i && n + 1 < size)
            buf[n++] = '.';
        if (n + 1 < size)
            buf[n++] = '"';
        for (const char *s = parts[i]; *s && n + 2 < size; s++) {
            if (*s == '"')
                buf[n++] = '"';
            buf[n++] = *s;
        }
        if (n + 1 < size)
            buf[n++] = '"';
    }
    if (n + 1 >= size)
        return sg_error_set(err, SG_EX_SOFTWARE, "lock scope too long");
    buf[n] = '\0';
    return 0;
}

static int pg_try_lock(struct sg_conn *c, const struct sg_lock *l, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char key[24], pid[16];
    const char *vals[2] = {key, pid};
    PGresult *res;
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
        p->seen_pid = atoll(PQgetvalue(res, 0, 1));
        if (!PQgetisnull(res, 0, 0))
            break;
        PQclear(res);
        if (p->pid_known)
            return sg_error_set(err, SG_EX_CONFIG,
                                "the backend changed between statements (pid %d, then %lld): %s",
                                p->pid, p->seen_pid, PG_POOLER_HINT);
        /* The first statement of a session behind a proxy, whose
         * BackendKeyData pid is its own: no lock was taken. Anchor on the
         * backend this statement ran on and try again, which checks that the
         * next statement runs there too (a session pooler), not elsewhere (a
         * transaction pooler). */
        pg_anchor(p, p->seen_pid);
    }
    pg_anchor(p, p->seen_pid);
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
    p->seen_pid = atoll(PQgetvalue(res, 0, 1));
    PQclear(res);
    if (p->seen_pid != p->pid)
        return sg_error_set(err, SG_EX_CONFIG,
                            "the backend changed between statements (pid %d, then %lld): %s",
                            p->pid, p->seen_pid, PG_POOLER_HINT);
    return held;
}

static int pg_lock_holder(struct sg_conn *c, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char cls[16], obj[16];
    const char *vals[2] = {cls, obj};
    PGresult *res;

    buf[0] = '\0';
    pg_key_split(l->key, cls, obj);
    /* backend_start says how long the holder's session has existed (it took
     * the lock at some point since); state_change how long it has been in its
     * current state (e.g. active: running one migration statement). */
    res = pg_query(p,
                   "SELECT l.pid, a.application_name, pg_catalog.host(a.client_addr), a.state, "
                   "pg_catalog.floor(EXTRACT(epoch FROM pg_catalog.now() - "
                   "a.backend_start))::bigint, pg_catalog.floor(EXTRACT(epoch FROM "
                   "pg_catalog.now() - a.state_change))::bigint, a.backend_start IS NULL "
                   "FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON "
                   "a.pid = l.pid WHERE l.locktype = 'advisory' AND l.database = (SELECT oid "
                   "FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()) "
                   "AND l.classid = $1::oid AND l.objid = $2::oid AND l.objsubid = 1 AND "
                   "l.granted LIMIT 1",
                   2, vals, PGRES_TUPLES_OK, "find the advisory lock's holder", err);
    if (!res)
        return -1;
    if (PQntuples(res) == 1) {
        const char *app = PQgetvalue(res, 0, 1);
        int hidden = strcmp(PQgetvalue(res, 0, 6), "t") == 0;
        int n = snprintf(buf, size, "pid %s", PQgetvalue(res, 0, 0));

        if (n > 0 && (size_t)n < size && *app)
            n += snprintf(buf + n, size - (size_t)n, " (%s)", app);
        if (n > 0 && (size_t)n < size) {
            if (hidden)
                snprintf(buf + n, size - (size_t)n,
                         ", details hidden (connect as the same role, or grant "
                         "pg_read_all_stats, to see them)");
            else
                snprintf(buf + n, size - (size_t)n, " from %s, session open %s s, %s for %s s",
                         PQgetisnull(res, 0, 2) ? "local socket" : PQgetvalue(res, 0, 2),
                         PQgetvalue(res, 0, 4),
                         PQgetisnull(res, 0, 3) ? "?" : PQgetvalue(res, 0, 3),
                         PQgetisnull(res, 0, 5) ? "?" : PQgetvalue(res, 0, 5));
        }
    }
    PQclear(res);
    return 0;
}

/* ---- ledger ----------------------------------------------------------- */

#define PG_LEDGER_COLS                                                                             \
    "version, name, checksum, pg_catalog.to_char(applied_at AT TIME ZONE 'UTC', "                  \
    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), execution_ms, applied_by, dirty, dirty_done"

/* Whether the ledger exists, with the pid, database and schema: one
 * statement that cannot fail on a missing table. */
static int pg_ledger_probe(struct pg_conn *p, const char *table, int *exists, struct sg_error *err)
{
    char *t = PQescapeIdentifier(p->db, table, strlen(table));
    const char *vals[1] = {t};
    PGresult *res;
    int rc;

    if (!t)
        return sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
    res = pg_query(p,
                   "SELECT pg_catalog.pg_backend_pid(), pg_catalog.current_database(), "
                   "pg_catalog.current_schema(), pg_catalog.to_regclass(pg_catalog.quote_ident("
                   "pg_catalog.current_schema()) || '.' || $1::text) IS NOT NULL",
                   1, vals, PGRES_TUPLES_OK, "read the ledger", err);
    PQfreemem(t);
    if (!res)
        return -1;
    pg_anchor(p, atoll(PQgetvalue(res, 0, 0)));
    rc = pg_set_where(p, res, 1, err);
    *exists = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
    PQclear(res);
    return rc;
}

/* One round trip, which is the whole of a no-op start and half of a
 * waiter's poll: a simple query of two SELECTs. The first cannot fail: the
 * backend pid (the pooler check's anchor, pg_anchor()), current_database()
 * and current_schema() (the lock scope), and whether the table named
 * unqualified -- the schema being unknown on a new session, it is resolved
 * through the search_path -- is the one in current_schema(), where the
 * ledger lives. If it is another schema's (the search_path's first schema
 * has none, a later one has one), the read is redone qualified. The second
 * reads the ledger; a missing table makes it fail with 42P01
 * (undefined_table), which is exists = 0, and the first result is still
 * there. That error comes back in the result, never through the notice
 * receiver, so the user sees nothing; the server logs it, and
 * pg_ledger_absent keeps it to one per process. Both are reads in one
 * implicit transaction, which the error merely ends. No parameters in a
 * simple query: the names are quoted with PQescapeIdentifier() and
 * PQescapeLiteral(). */
static int pg_ledger_read(struct sg_conn *c, const char *table, struct sg_ledger *out,
                          struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *t = NULL, *lit = NULL, *sql = NULL;
    PGresult *r[2] = {NULL, NULL}, *x;
    int rc = -1, qualified, nr;

    memset(out, 0, sizeof *out);
    if (pg_ledger_absent && !p->schema) {
        int exists = 0;
        if (pg_ledger_probe(p, table, &exists, err) < 0)
            return -1;
        if (!exists)
            return 0;
    }
again:
    qualified = p->schema != NULL;
    if (qualified) {
        t = pg_qualify(p, table, err);
        if (!t)
            goto out;
    } else {
        char *q = PQescapeIdentifier(p->db, table, strlen(table));
        lit = q ? PQescapeLiteral(p->db, q, strlen(q)) : NULL;
        t = q ? strdup(q) : NULL;
        PQfreemem(q);
        if (!lit || !t) {
            sg_error_set(err, SG_EX_SOFTWARE, "unable to quote the ledger table name %s", table);
            goto out;
        }
    }
    if ((qualified ? asprintf(&sql,
                              "SELECT pg_catalog.pg_backend_pid(), NULL, NULL, true; SELECT %s "
                              "FROM %s",
                              PG_LEDGER_COLS, t)
                   : asprintf(&sql,
                              "SELECT pg_catalog.pg_backend_pid(), "
                              "pg_catalog.current_database(), pg_catalog.current_schema(), "
                              "pg_catalog.to_regclass(%s) IS NOT DISTINCT FROM "
                              "pg_catalog.to_regclass(pg_catalog.quote_ident("
                              "pg_catalog.current_schema()) || '.' || %s); SELECT %s FROM %s",
                              lit, lit, PG_LEDGER_COLS, t)) < 0) {
        sql = NULL;
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    p->seen_pid = -1;
    nr = 0;
    if (PQsendQuery(p->db, sql))
        while ((x = PQgetResult(p->db)) != NULL) {
            if (nr < 2)
                r[nr++] = x;
            else
                PQclear(x);
        }
    if (PQresultStatus(r[0]) != PGRES_TUPLES_OK || PQntuples(r[0]) != 1) {
        pg_fail(p, r[0], err, SG_EX_SOFTWARE, "read the ledger");
        goto out;
    }
    pg_anchor(p, atoll(PQgetvalue(r[0], 0, 0)));
    if (!qualified) {
        if (pg_set_where(p, r[0], 1, err) < 0)
            goto out;
        if (strcmp(PQgetvalue(r[0], 0, 3), "t") != 0) {
            /* The search_path found another schema's table (or none). */
            PQclear(r[0]);
            PQclear(r[1]);
            r[0] = r[1] = NULL;
            free(t);
            t = NULL;
            PQfreemem(lit);
            lit = NULL;
            free(sql);
            sql = NULL;
            goto again; /* now qualified */
        }
    }
    if (PQresultStatus(r[1]) != PGRES_TUPLES_OK) {
        if (r[1] && strcmp(pg_field(r[1], PG_DIAG_SQLSTATE), "42P01") == 0) {
            pg_ledger_absent = 1;
            rc = 0;
        } else {
            pg_fail(p, r[1], err, SG_EX_SOFTWARE, "read the ledger");
        }
        goto out;
    }
    pg_ledger_absent = 0;
    out->exists = 1;
    for (int i = 0; i < PQntuples(r[1]); i++)
        if (sg_ledger_push(
                out, PQgetvalue(r[1], i, 0), PQgetvalue(r[1], i, 1), PQgetvalue(r[1], i, 2),
                PQgetvalue(r[1], i, 3), atoll(PQgetvalue(r[1], i, 4)), PQgetvalue(r[1], i, 5),
                strcmp(PQgetvalue(r[1], i, 6), "t") == 0, atoll(PQgetvalue(r[1], i, 7))) < 0) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            goto out;
        }
    sg_ledger_sort(out);
    rc = 0;
out:
    if (rc < 0)
        sg_ledger_free(out);
    PQclear(r[0]);
    PQclear(r[1]);
    free(sql);
    free(t);
    PQfreemem(lit);
    return rc;
}

/* Another tool's history (adopt): dbmate's and golang-migrate's
 * schema_migrations keep version (text or bigint) and, for golang-migrate,
 * a boolean dirty. */
static int pg_read_versions(struct sg_conn *c, const char *table, int with_dirty,
                            struct sg_ledger *out, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *q = pg_qualify(p, table, err), *sql = NULL;
    const char *vals[1];
    PGresult *res = NULL;
    int rc = -1;

    memset(out, 0, sizeof *out);
    if (!q)
        return -1;
    vals[0] = q;
    res = pg_query(p, "SELECT pg_catalog.to_regclass($1) IS NOT NULL", 1, vals, PGRES_TUPLES_OK,
                   "read the history table", err);
    if (!res)
        goto out;
    out->exists = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    res = NULL;
    if (!out->exists) {
        rc = 0;
        goto out;
    }
    if (asprintf(&sql,
                 with_dirty ? "SELECT version::text, coalesce(dirty::text, 'false') IN ('t', "
                              "'true', '1') FROM %s"
                            : "SELECT version::text, false FROM %s",
                 q) < 0) {
        sql = NULL;
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    res = pg_query(p, sql, 0, NULL, PGRES_TUPLES_OK, "read the history table", err);
    if (!res) {
        if (err)
            err->code = SG_EX_DATA;
        goto out;
    }
    for (int i = 0; i < PQntuples(res); i++)
        if (sg_ledger_push(out, PQgetvalue(res, i, 0), "", "", "", 0, "",
                           strcmp(PQgetvalue(res, i, 1), "t") == 0, 0) < 0) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            goto out;
        }
    rc = 0;
out:
    if (rc < 0)
        sg_ledger_free(out);
    PQclear(res);
    free(sql);
    free(q);
    return rc;
}

static int pg_ledger_create(struct sg_conn *c, const char *table, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *q = pg_qualify(p, table, err), *sql = NULL;
    PGresult *res;
    int rc = -1;

    if (!q)
        return -1;
    if (asprintf(&sql,
                 "CREATE TABLE IF NOT EXISTS %s (version varchar(20) NOT NULL PRIMARY KEY, "
                 "name varchar(255) NOT NULL, checksum char(64) NOT NULL, applied_at "
                 "timestamptz NOT NULL DEFAULT pg_catalog.now(), execution_ms bigint NOT NULL, "
                 "applied_by varchar(255) NOT NULL, dirty boolean NOT NULL DEFAULT false, "
                 "dirty_done integer NOT NULL DEFAULT 0)",
                 q) < 0) {
        free(q);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    res = PQexec(p->db, sql);
    p->seen_pid = -1;
    if (PQresultStatus(res) == PGRES_COMMAND_OK) {
        rc = 0;
    } else {
        pg_fail(p, res, err, SG_EX_SOFTWARE, "create the ledger table");
    }
    PQclear(res);
    free(sql);
    free(q);
    return rc;
}

static int pg_ledger_edit(struct sg_conn *c, const char *table, enum sg_ledger_op op,
                          const struct sg_migration *m, const char *version, const char *applied_by,
                          struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    char *q = pg_qualify(p, table, err), *sql = NULL;
    const char *vals[4] = {version, m ? m->name : "", m ? m->checksum : "",
                           applied_by ? applied_by : ""};
    int n, rc;
    PGresult *res;

    if (!q)
        return -1;
    switch (op) {
    case SG_LEDGER_INSERT:
        rc = asprintf(&sql,
                      "INSERT INTO %s (version, name, checksum, execution_ms, applied_by) "
                      "VALUES ($1, $2, $3, 0, $4)",
                      q);
        n = 4;
        break;
    case SG_LEDGER_DELETE:
        rc = asprintf(&sql, "DELETE FROM %s WHERE version = $1", q);
        n = 1;
        break;
    case SG_LEDGER_CLEAN:
        rc = asprintf(&sql, "UPDATE %s SET dirty = false, dirty_done = 0 WHERE version = $1", q);
        n = 1;
        break;
    default: free(q); return sg_error_set(err, SG_EX_SOFTWARE, "unknown ledger operation");
    }
    if (rc < 0) {
        free(q);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    res = pg_query(p, sql, n, vals, PGRES_COMMAND_OK, "edit the ledger", err);
    PQclear(res);
    free(sql);
    free(q);
    return res ? 0 : -1;
}

static long long pg_session_id(struct sg_conn *c, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    PGresult *res;
    long long pid;

    /* PQbackendPID() is cached client-side and cannot see a pooler swap the
     * backend. The pid observed by our last round trip can, for free. */
    if (p->seen_pid > 0)
        return p->seen_pid;
    res = pg_query(p, "SELECT pg_catalog.pg_backend_pid()", 0, NULL, PGRES_TUPLES_OK,
                   "read the backend pid", err);
    if (!res)
        return -1;
    pid = atoll(PQgetvalue(res, 0, 0));
    PQclear(res);
    p->seen_pid = pid;
    return pid;
}

static void pg_interrupt(struct sg_conn *c)
{
    struct pg_conn *p = PG(c);
    PGcancel *cc;
    char buf[128];

    if (!p)
        return;
    cc = p->cancel;
    /* PQcancel is documented as safe to call from a signal handler. */
    if (cc)
        PQcancel(cc, buf, sizeof buf);
}

/* Once the lock is held, before anything is written: one round trip that
 * refuses a hot standby (the fast path may read one: harmless, but it
 * cannot be migrated) and makes the session safe to migrate on.
 *
 * - statement_timeout, lock_timeout, idle_in_transaction_session_timeout
 *   are already 0 from the start-up packet; set again here for the case a
 *   proxy dropped or refused the packet's options.
 * - idle_session_timeout (14+) and transaction_timeout (17+), which a role
 *   or database may set, exist only on newer servers, so they could not go
 *   in the start-up packet. Before this point they cannot matter: a poll's
 *   session runs a few statements of a few milliseconds each, back to back,
 *   each its own transaction, and is closed (a waiter keeps no session
 *   between polls); a role would need a timeout shorter than one of them.
 *   If one did fire, the session ends, which frees the lock, and the
 *   runner polls again or fails cleanly: nothing was written yet.
 * - client_connection_check_interval (14+, unless already set): if we are
 *   killed mid-statement, the server aborts the statement -- and frees the
 *   lock -- within seconds instead of running it to the end (SEMANTICS 1.3:
 *   "statement keeps running"). Only long statements need it: migrations,
 *   all of which run after this point.
 * - a role's statement_timeout cannot cancel a try_lock that never waits,
 *   nor a ledger read of milliseconds; its lock_timeout could hold up the
 *   ledger read only behind an ACCESS EXCLUSIVE lock on the ledger itself --
 *   and both are 0 from the start-up packet anyway, except behind a proxy
 *   that refused it (pg_open()).
 * The pid this statement ran on must still be the anchor: a pooler that
 * moved us after try_lock is caught here, before the first write. */
static int pg_prepare(struct sg_conn *c, struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    int ver = PQserverVersion(p->db);
    long long pid;
    char sql[1024];
    PGresult *res;
    int rc;

    snprintf(sql, sizeof sql,
             "SELECT pg_catalog.pg_is_in_recovery(), pg_catalog.pg_backend_pid(), "
             "pg_catalog.current_database(), pg_catalog.current_schema(), "
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
    res = pg_query(p, sql, 0, NULL, PGRES_TUPLES_OK, "set up the session", err);
    if (!res) {
        if (err && err->code != SG_EX_UNAVAILABLE && err->code < SG_EX_SIGNAL_BASE)
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
    if (p->pid_known && pid != p->pid) {
        PQclear(res);
        return sg_error_set(err, SG_EX_CONFIG,
                            "the backend changed between statements (pid %d, then %lld): %s",
                            p->pid, pid, PG_POOLER_HINT);
    }
    pg_anchor(p, pid);
    rc = pg_set_where(p, res, 2, err);
    PQclear(res);
    return rc;
}

/* ---- apply ------------------------------------------------------------ */

/* Byte offset in s[0..len) of the n-th character (0-based), UTF-8 aware. */
static size_t pg_char_to_byte(const char *s, size_t len, long long n, int chars)
{
    size_t i = 0;

    if (!chars)
        return n < 0 ? 0 : (size_t)n > len ? len : (size_t)n;
    for (long long k = 0; i < len && k < n; k++) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* Line and column (in characters when `chars`) of byte `off` of a section. */
static void pg_position(const struct sg_section *sec, size_t off, int chars, int *line, int *col)
{
    int bcol;

    sg_sql_position(sec->sql, off, sec->line, line, &bcol);
    if (chars && bcol > 1) {
        size_t bol = off - (size_t)(bcol - 1);
        int c = 1;
        for (size_t i = bol; i < off; i++)
            if (((unsigned char)sec->sql[i] & 0xC0) != 0x80)
                c++;
        bcol = c;
    }
    *col = bcol;
}

struct pg_fail_at {
    const struct sg_section *sec;
    size_t base; /* byte offset of the sent text's user part within sec->sql */
    size_t sent_len; /* its length in bytes */
    long long prefix; /* characters we sent before it */
    const struct sg_stmt *stmt; /* the statement that failed, when known */
};

/* The message for an error in a migration's own SQL:
 * "FILE:LINE:COL: message (SQLSTATE)[; hint]". */
static int pg_sql_error(struct pg_conn *p, const PGresult *res, const struct pg_fail_at *at,
                        int transactional, const struct pg_watch *w, const char *extra,
                        struct sg_error *err)
{
    const struct sg_section *sec = at->sec;
    const char *state = pg_field(res, PG_DIAG_SQLSTATE);
    const char *posf = pg_field(res, PG_DIAG_STATEMENT_POSITION);
    char msg[300], hint[400];
    int line = sec->line, col = 1, code = SG_EX_DATA;
    long long pos = *posf ? atoll(posf) - 1 - at->prefix : -1;
    const char *user = sec->sql + at->base;

    pg_oneline(msg, sizeof msg,
               *pg_field(res, PG_DIAG_MESSAGE_PRIMARY) ? pg_field(res, PG_DIAG_MESSAGE_PRIMARY)
                                                       : PQerrorMessage(p->db));
    hint[0] = '\0';
    if (pos >= 0) {
        size_t off = pg_char_to_byte(user, at->sent_len, pos, p->char_pos);
        pg_position(sec, at->base + off, p->char_pos, &line, &col);
    } else if (at->stmt) {
        pg_position(sec, at->stmt->off, p->char_pos, &line, &col);
    }
    if (err)
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", state);
    if (pg_lost(p))
        return sg_error_set(err, SG_EX_UNAVAILABLE, "%s:%d:%d: lost the database session: %s",
                            sec->file, line, col, msg);
    if (strcmp(state, "57014") == 0 && sg_signal_pending())
        code = SG_EX_SIGNAL_BASE + sg_signal_pending();
    if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0) {
        code = SG_EX_TEMPFAIL; /* issue 9: the engine retries the migration */
        if (w && w->blocker[0])
            snprintf(hint, sizeof hint, "; waited for %.100s, blocked by %.180s",
                     w->table[0] ? w->table : "a lock", w->blocker);
    } else if (strcmp(state, "25001") == 0 && transactional) {
        snprintf(hint, sizeof hint,
                 "; this statement cannot run inside a transaction: put it in its own migration "
                 "marked '-- migrate:up transaction:false'");
    } else if (strcmp(state, "55P04") == 0 && transactional) {
        snprintf(hint, sizeof hint,
                 "; a value added by ALTER TYPE ... ADD VALUE is usable only after its "
                 "transaction commits: use it in a later migration, or mark this one "
                 "'-- migrate:up transaction:false'");
    } else if (*pg_field(res, PG_DIAG_MESSAGE_HINT)) {
        char h[200];
        pg_oneline(h, sizeof h, pg_field(res, PG_DIAG_MESSAGE_HINT));
        snprintf(hint, sizeof hint, "; hint: %s", h);
    }
    return sg_error_set(err, code, "%s:%d:%d: %s%s%s%s%s%s", sec->file, line, col, msg,
                        *state ? " (" : "", state, *state ? ")" : "", hint, extra ? extra : "");
}

/* Refuses statement-level transaction control before anything runs; returns
 * the statements in *out. */
static int pg_split(const struct sg_section *sec, struct sg_stmt **out, size_t *n,
                    struct sg_error *err)
{
    if (sg_sql_split(sec->sql, sec->len, SG_DIALECT_POSTGRES, sec->file, sec->line, out, n, err) <
        0)
        return -1;
    for (size_t i = 0; i < *n; i++) {
        const struct sg_stmt *s = &(*out)[i];
        if (sg_sql_is_txn_control(sec->sql + s->off, s->len, SG_DIALECT_POSTGRES)) {
            char kw[24];
            sg_sql_keyword(sec->sql + s->off, s->len, kw, sizeof kw);
            sg_error_set(err, SG_EX_DATA,
                         "%s:%d: %s is not allowed in a migration: schemagate runs each "
                         "migration in its own transaction (or, with '-- migrate:up "
                         "transaction:false', each statement on its own)",
                         sec->file, s->line, kw);
            free(*out);
            *out = NULL;
            return -1;
        }
    }
    return 0;
}

static void pg_watch_begin(struct pg_watch *w, long long lock_timeout_ms)
{
    memset(w, 0, sizeof *w);
    /* Sample at least twice per lock timeout so any wait that ends in 55P03
     * was seen; without a timeout, look every 10 s and log who blocks. */
    w->every_ms = lock_timeout_ms > 0 ? lock_timeout_ms / 2 : 10000;
    if (w->every_ms < 50)
        w->every_ms = 50;
    w->started = sg_now_ms();
    w->next_at = w->started + w->every_ms;
}

/* Our own statements after the migration's: the error belongs to us. */
static int pg_suffix_error(struct pg_conn *p, const PGresult *res, const struct sg_migration *m,
                           int step, struct sg_error *err)
{
    const char *state = pg_field(res, PG_DIAG_SQLSTATE);

    if (strcmp(state, PG_STATE_PID) == 0)
        return sg_error_set(err, SG_EX_CONFIG,
                            "%s was rolled back: it ran on another backend than the one holding "
                            "the lock: %s",
                            m->file, PG_POOLER_HINT);
    if (strcmp(state, PG_STATE_LCK) == 0)
        return sg_error_set(err, SG_EX_SOFTWARE,
                            "%s was rolled back: this session no longer holds the advisory lock "
                            "(did the migration call pg_advisory_unlock_all() or DISCARD?)",
                            m->file);
    if (strcmp(state, "23505") == 0 && step == 0)
        return sg_error_set(err, SG_EX_SOFTWARE,
                            "%s was rolled back: version %s is already in the ledger", m->file,
                            m->version);
    {
        char what[300];
        snprintf(what, sizeof what, "%s %s in the ledger",
                 step == 0   ? "record"
                 : step == 1 ? "check the lock before committing"
                             : "commit",
                 m->file);
        return pg_fail(p, res, err, strcmp(state, "55P03") == 0 ? SG_EX_TEMPFAIL : SG_EX_DATA,
                       what);
    }
}

static char *pg_literal(struct pg_conn *p, const char *s)
{
    return PQescapeLiteral(p->db, s, strlen(s));
}

/* One round trip: BEGIN; timeouts; the section; the ledger row; a
 * server-side check that this backend still holds the lock; COMMIT. */
static int pg_apply_txn(struct pg_conn *p, const char *q, const struct sg_step *step,
                        struct sg_error *err)
{
    const struct sg_migration *m = step->m;
    const struct sg_section *sec = step->down ? &m->down : &m->up;
    struct sg_stmt *stmts = NULL;
    size_t nstmts = 0;
    char *prefix = NULL, *suffix = NULL, *sql = NULL;
    char *lv = NULL, *ln = NULL, *lc = NULL, *lb = NULL;
    char check[512];
    int nprefix = 1, rc = -1;
    struct pg_run r = {0};
    struct pg_watch w;
    size_t plen, slen;

    if (pg_split(sec, &stmts, &nstmts, err) < 0)
        return -1;
    lv = pg_literal(p, m->version);
    ln = pg_literal(p, m->name ? m->name : "");
    lc = pg_literal(p, m->checksum);
    lb = pg_literal(p, step->applied_by ? step->applied_by : "");
    if (!lv || !ln || !lc || !lb) {
        pg_fail(p, NULL, err, SG_EX_SOFTWARE, "quote the ledger values");
        goto out;
    }
    {
        char lt[64] = "", st[64] = "";
        if (step->lock_timeout_ms > 0) {
            snprintf(lt, sizeof lt, "SET LOCAL lock_timeout = %lld;", step->lock_timeout_ms);
            nprefix++;
        }
        if (p->statement_timeout_ms > 0) {
            snprintf(st, sizeof st, "SET LOCAL statement_timeout = %lld;", p->statement_timeout_ms);
            nprefix++;
        }
        /* ASCII only: its length in bytes is its length in characters. */
        if (asprintf(&prefix, "BEGIN;%s%s\n", lt, st) < 0)
            prefix = NULL;
    }
    if (p->locked) {
        char cls[16], obj[16];
        pg_key_split(p->lock_key, cls, obj);
        snprintf(check, sizeof check,
                 "DO $sg$BEGIN IF pg_catalog.pg_backend_pid() <> %d THEN RAISE EXCEPTION "
                 "USING ERRCODE = '" PG_STATE_PID "', MESSAGE = 'schemagate: backend changed'; "
                 "END IF; IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = "
                 "'advisory' AND pid = %d AND classid = %s AND objid = %s AND objsubid = 1 AND "
                 "granted) THEN RAISE EXCEPTION USING ERRCODE = '" PG_STATE_LCK "', MESSAGE = "
                 "'schemagate: advisory lock lost'; END IF; END$sg$",
                 p->pid, p->pid, cls, obj);
    } else {
        snprintf(check, sizeof check, "SELECT 1");
    }
    /* A newline first: the section may end inside a -- comment. */
    if (step->down) {
        if (asprintf(&suffix, "\n;DELETE FROM %s WHERE version = %s;%s;COMMIT", q, lv, check) < 0)
            suffix = NULL;
    } else if (asprintf(&suffix,
                        "\n;INSERT INTO %s (version, name, checksum, execution_ms, applied_by) "
                        "VALUES (%s, %s, %s, pg_catalog.round(EXTRACT(epoch FROM "
                        "pg_catalog.clock_timestamp() - pg_catalog.now()) * 1000)::bigint, %s);"
                        "%s;COMMIT",
                        q, lv, ln, lc, lb, check) < 0) {
        suffix = NULL;
    }
    if (!prefix || !suffix) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    plen = strlen(prefix);
    slen = strlen(suffix);
    sql = malloc(plen + sec->len + slen + 1);
    if (!sql) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto out;
    }
    memcpy(sql, prefix, plen);
    memcpy(sql + plen, sec->sql, sec->len);
    memcpy(sql + plen + sec->len, suffix, slen + 1);

    pg_watch_begin(&w, step->lock_timeout_ms);
    if (pg_simple(p, sql, &r, &w) == 0) {
        rc = 0;
        p->seen_pid = p->locked ? p->pid : -1; /* the check ran in this round trip */
    } else if (!r.error) {
        pg_fail(p, NULL, err, SG_EX_UNAVAILABLE, "send the migration");
    } else {
        int f = r.nok - nprefix; /* index of the failed statement among the section's */
        struct pg_fail_at at = {sec, 0, sec->len, (long long)plen, NULL};

        if (f >= 0 && (size_t)f < nstmts)
            at.stmt = &stmts[f];
        if (f >= 0 && (size_t)f >= nstmts && !pg_lost(p) &&
            !*pg_field(r.error, PG_DIAG_STATEMENT_POSITION))
            pg_suffix_error(p, r.error, m, f - (int)nstmts, err);
        else
            pg_sql_error(p, r.error, &at, 1, &w, NULL, err);
        pg_rollback(p);
    }
    pg_watch_end(&w);
out:
    pg_run_clear(&r);
    PQfreemem(lv);
    PQfreemem(ln);
    PQfreemem(lc);
    PQfreemem(lb);
    free(prefix);
    free(suffix);
    free(sql);
    free(stmts);
    return rc;
}

/* The invalid indexes of the database, as one comma-separated string. */
static char *pg_invalid_indexes(struct pg_conn *p)
{
    PGresult *res = PQexec(p->db, "SELECT coalesce(pg_catalog.string_agg(indexrelid::"
                                  "pg_catalog.regclass::text, ',' ORDER BY indexrelid), '') "
                                  "FROM pg_catalog.pg_index WHERE NOT indisvalid");
    char *s = NULL;

    p->seen_pid = -1;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
        s = strdup(PQgetvalue(res, 0, 0));
    PQclear(res);
    return s;
}

static int pg_is_concurrently(const char *s, size_t len)
{
    char kw[16];

    sg_sql_keyword(s, len, kw, sizeof kw);
    if (strcmp(kw, "CREATE") != 0 && strcmp(kw, "REINDEX") != 0)
        return 0;
    for (size_t i = 0; i + 12 <= len; i++)
        if (strncasecmp(s + i, "concurrently", 12) == 0)
            return 1;
    return 0;
}

/* After a failed CREATE INDEX CONCURRENTLY: an index that became invalid
 * is what it left behind. Drop it so the statement can be retried; if that
 * fails too, say what the operator must drop. Writes a message tail. */
static int pg_cleanup_invalid(struct pg_conn *p, const char *before, char *tail, size_t size)
{
    char *after = pg_invalid_indexes(p);
    char *save = NULL, *tok;
    int stuck = 0;

    tail[0] = '\0';
    if (!after || !before)
        goto out;
    for (tok = strtok_r(after, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t tl = strlen(tok);
        const char *b = before;
        int old = 0;
        while ((b = strstr(b, tok)) != NULL) {
            if ((b == before || b[-1] == ',') && (b[tl] == ',' || b[tl] == '\0'))
                old = 1;
            b += tl;
        }
        if (old)
            continue;
        char *sql = NULL;
        PGresult *res = NULL;
        if (asprintf(&sql, "DROP INDEX CONCURRENTLY IF EXISTS %s", tok) >= 0) {
            res = PQexec(p->db, sql);
            free(sql);
        }
        size_t n = strlen(tail);
        if (PQresultStatus(res) == PGRES_COMMAND_OK) {
            snprintf(tail + n, size - n, "; dropped the invalid index %s it left behind", tok);
        } else {
            stuck = 1;
            snprintf(tail + n, size - n,
                     "; it left the invalid index %s: drop it (DROP INDEX CONCURRENTLY %s) "
                     "before running the migration again",
                     tok, tok);
        }
        PQclear(res);
    }
out:
    free(after);
    return stuck;
}

/* Runs each statement alone (CREATE INDEX CONCURRENTLY, VACUUM, ...),
 * between a committed dirty row and its removal. */
static int pg_apply_notxn(struct pg_conn *p, const char *q, const struct sg_step *step,
                          struct sg_error *err)
{
    const struct sg_migration *m = step->m;
    const struct sg_section *sec = step->down ? &m->down : &m->up;
    struct sg_stmt *stmts = NULL;
    size_t nstmts = 0, start = 0;
    char cond[512], *sql = NULL, ms[24], done[24], pid[16];
    long long t0 = sg_now_ms();
    int rc = -1, timeouts = 0;
    PGresult *res = NULL;

    if (pg_split(sec, &stmts, &nstmts, err) < 0)
        return -1;
    pg_lock_cond(p, cond, sizeof cond);
    snprintf(pid, sizeof pid, "%d", p->pid);

    /* 1. The dirty marker, committed before anything runs. A row left dirty
     * by this same migration (the engine retrying after a lock timeout)
     * resumes after the statements known to have completed. */
    if (step->down) {
        const char *vals[1] = {m->version};
        if (asprintf(&sql,
                     "UPDATE %s SET dirty = true, dirty_done = 0 WHERE version = $1 AND %s "
                     "RETURNING dirty_done",
                     q, cond) < 0)
            goto oom;
        res = pg_query(p, sql, 1, vals, PGRES_TUPLES_OK, "mark the migration dirty", err);
    } else {
        const char *vals[4] = {m->version, m->name ? m->name : "", m->checksum,
                               step->applied_by ? step->applied_by : ""};
        if (asprintf(&sql,
                     "INSERT INTO %s AS t (version, name, checksum, execution_ms, applied_by, "
                     "dirty, dirty_done) SELECT $1, $2, $3, 0, $4, true, 0 WHERE %s ON "
                     "CONFLICT (version) DO UPDATE SET applied_by = EXCLUDED.applied_by WHERE "
                     "t.dirty AND t.checksum = EXCLUDED.checksum RETURNING t.dirty_done",
                     q, cond) < 0)
            goto oom;
        res = pg_query(p, sql, 4, vals, PGRES_TUPLES_OK, "mark the migration dirty", err);
    }
    free(sql);
    sql = NULL;
    if (!res)
        goto out;
    if (PQntuples(res) != 1) {
        PQclear(res);
        res = NULL;
        struct sg_lock l = {.key = p->lock_key};
        int held = p->locked ? pg_lock_held(&p->base, &l, err) : 1;
        if (held < 0)
            goto out;
        if (!held)
            sg_error_set(err, SG_EX_SOFTWARE, "%s: this session no longer holds the advisory lock",
                         m->file);
        else if (step->down)
            sg_error_set(err, SG_EX_SOFTWARE, "%s: version %s is not in the ledger", m->file,
                         m->version);
        else
            sg_error_set(err, SG_EX_SOFTWARE, "%s: version %s is already in the ledger", m->file,
                         m->version);
        goto out;
    }
    start = (size_t)atoll(PQgetvalue(res, 0, 0));
    PQclear(res);
    res = NULL;

    /* 2. Session timeouts for the statements (reset at the end). */
    if (step->lock_timeout_ms > 0 || p->statement_timeout_ms > 0) {
        char lt[24], st[24];
        const char *vals[2] = {lt, st};
        snprintf(lt, sizeof lt, "%lld", step->lock_timeout_ms > 0 ? step->lock_timeout_ms : 0);
        snprintf(st, sizeof st, "%lld", p->statement_timeout_ms);
        timeouts = 1;
        res = pg_query(p,
                       "SELECT pg_catalog.set_config('lock_timeout', $1, false), "
                       "pg_catalog.set_config('statement_timeout', $2, false)",
                       2, vals, PGRES_TUPLES_OK, "set the migration's timeouts", err);
        if (!res)
            goto out;
        PQclear(res);
        res = NULL;
    }

    /* 3. Each statement alone: a multi-statement string would be an
     * implicit transaction block, which CONCURRENTLY refuses. */
    if (asprintf(&sql, "UPDATE %s SET dirty_done = $2 WHERE version = $1 AND %s", q, cond) < 0)
        goto oom;
    for (size_t i = start; i < nstmts; i++) {
        const struct sg_stmt *s = &stmts[i];
        char *one = strndup(sec->sql + s->off, s->len);
        char *before = NULL;
        struct pg_run r;
        struct pg_watch w;

        if (!one)
            goto oom;
        if (sg_signal_pending()) {
            free(one);
            sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                         "%s:%d: stopped by a signal before this statement (the migration "
                         "stays dirty)",
                         sec->file, s->line);
            goto out;
        }
        if (pg_is_concurrently(one, s->len))
            before = pg_invalid_indexes(p);
        pg_watch_begin(&w, step->lock_timeout_ms);
        if (pg_simple(p, one, &r, &w) < 0) {
            struct pg_fail_at at = {sec, s->off, s->len, 0, s};
            char tail[600] = "";
            int stuck = 0;

            if (!r.error) {
                pg_fail(p, NULL, err, SG_EX_UNAVAILABLE, "send a statement");
            } else {
                if (before && !pg_lost(p))
                    stuck = pg_cleanup_invalid(p, before, tail, sizeof tail);
                pg_sql_error(p, r.error, &at, 0, &w, tail, err);
            }
            if (stuck && err && err->code == SG_EX_TEMPFAIL)
                err->code = SG_EX_DATA; /* not safe to retry until a human drops it */
            pg_watch_end(&w);
            pg_run_clear(&r);
            free(before);
            free(one);
            goto out;
        }
        pg_watch_end(&w);
        pg_run_clear(&r);
        free(before);
        free(one);
        snprintf(done, sizeof done, "%zu", i + 1);
        {
            const char *vals[2] = {m->version, done};
            res = pg_query(p, sql, 2, vals, PGRES_COMMAND_OK, "record progress in the ledger", err);
        }
        if (!res)
            goto out;
        if (strcmp(PQcmdTuples(res), "1") != 0) {
            sg_error_set(err, SG_EX_SOFTWARE,
                         "%s:%d: this session no longer holds the advisory lock (or the "
                         "backend changed: %s)",
                         sec->file, s->line, PG_POOLER_HINT);
            goto out;
        }
        PQclear(res);
        res = NULL;
    }
    free(sql);
    sql = NULL;

    /* 4. Clean. */
    snprintf(ms, sizeof ms, "%lld", sg_now_ms() - t0);
    if (step->down) {
        const char *vals[1] = {m->version};
        if (asprintf(&sql, "DELETE FROM %s WHERE version = $1 AND %s", q, cond) < 0)
            goto oom;
        res = pg_query(p, sql, 1, vals, PGRES_COMMAND_OK, "remove the ledger row", err);
    } else {
        const char *vals[2] = {m->version, ms};
        if (asprintf(&sql,
                     "UPDATE %s SET dirty = false, dirty_done = 0, execution_ms = $2, "
                     "applied_at = pg_catalog.now() WHERE version = $1 AND %s",
                     q, cond) < 0)
            goto oom;
        res = pg_query(p, sql, 2, vals, PGRES_COMMAND_OK, "mark the migration clean", err);
    }
    if (!res)
        goto out;
    if (strcmp(PQcmdTuples(res), "1") != 0) {
        sg_error_set(err, SG_EX_SOFTWARE,
                     "%s: this session no longer holds the advisory lock; the migration stays "
                     "dirty",
                     m->file);
        goto out;
    }
    rc = 0;
    goto out;
oom:
    sg_error_set(err, SG_EX_OSERR, "out of memory");
out:
    PQclear(res);
    if (timeouts && !pg_lost(p)) {
        PGresult *z = PQexec(p->db, "SET lock_timeout = 0; SET statement_timeout = 0");
        PQclear(z);
        /* A simple query may return the first result only: drain the rest. */
        while ((z = PQgetResult(p->db)) != NULL)
            PQclear(z);
    }
    p->seen_pid = -1;
    free(sql);
    free(stmts);
    return rc;
}

static int pg_apply(struct sg_conn *c, const char *table, const struct sg_step *step,
                    struct sg_error *err)
{
    struct pg_conn *p = PG(c);
    const struct sg_migration *m = step->m;
    const struct sg_section *sec = step->down ? &m->down : &m->up;
    char *q;
    int rc;

    if (!sec->sql)
        return sg_error_set(err, SG_EX_DATA, "%s: no down section", m->file);
    q = pg_qualify(p, table, err);
    if (!q)
        return -1;
    rc = m->no_transaction ? pg_apply_notxn(p, q, step, err) : pg_apply_txn(p, q, step, err);
    free(q);
    return rc;
}

static const char *const pg_schemes[] = {"postgres", "postgresql", NULL};

const struct sg_driver sg_driver_postgres = {
    .name = "postgres",
    .schemes = pg_schemes,
    .caps = SG_CAP_TRANSACTIONAL_DDL | SG_CAP_LOCK_SESSION_ID,
    .connect = pg_connect,
    .close = pg_close,
    .scope = pg_scope,
    .try_lock = pg_try_lock,
    .unlock = pg_unlock,
    .lock_holder = pg_lock_holder,
    .lock_held = pg_lock_held,
    .ledger_read = pg_ledger_read,
    .ledger_create = pg_ledger_create,
    .apply = pg_apply,
    .ledger_edit = pg_ledger_edit,
    .session_id = pg_session_id,
    .interrupt = pg_interrupt,
    .prepare = pg_prepare,
    .read_versions = pg_read_versions,
};
