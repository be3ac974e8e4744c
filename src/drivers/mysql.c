/* mysql.c -- the MySQL/MariaDB backend, on MariaDB Connector/C (Debian's
 * libmariadb). The lock is GET_LOCK() on the very session that runs the
 * migrations, so it ends with that session (SEMANTICS §0.1).
 *
 * Every query goes through Connector/C's non-blocking API and a 100 ms poll
 * loop: when the core's stop callback says so, the running statement is
 * stopped with KILL QUERY from a second, short connection (nothing useful
 * can be sent from a signal handler: no interrupt entry). Values never
 * reach SQL text except as hex literals with a character-set introducer,
 * which no charset or sql_mode can reinterpret. The only file that
 * includes <mysql.h>. */
#include "driver.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include "libs/libmariadb.h" /* its functions, bound at the first connect (issue 16) */

#include "clock.h"
#include "exitcodes.h"
#include "log.h"

#define MY_SLICE_MS 100 /* poll slice: how soon a stop is noticed */
#define MY_QUERY_TIMEOUT_MS 60000 /* the driver's own queries: lock, ledger, scope */
#define MY_KILL_GRACE_MS 3000 /* after KILL QUERY, how long the statement may take to end */
#define MY_CLEANUP_TIMEOUT_MS 2000 /* queries started after a stop (rollback, unlock) */
#define MY_CONNECT_TIMEOUT_S 10
#define MY_RW_TIMEOUT_S 60 /* blocking calls only (close) */
#define MY_KILL_TIMEOUT_S 2

enum my_ssl { MY_SSL_DISABLED, MY_SSL_REQUIRED, MY_SSL_VERIFY_CA, MY_SSL_VERIFY_IDENTITY };
static const char *const my_ssl_names[] = {"DISABLED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY"};

/* What a session is opened with; kept for the KILL QUERY connection. */
struct my_params {
    struct sg_url url; /* a copy: user, password, path (the database) */
    const char *host; /* in url, or "localhost" for a socket; NULL: the default */
    const char *socket, *ssl_ca, *ssl_cert, *ssl_key; /* in url */
    char *app_name;
    unsigned port; /* 0: 3306 */
    enum my_ssl ssl;
    unsigned connect_timeout_s;
};

struct my_conn {
    struct sg_conn base;
    MYSQL *db;
    struct my_params p;
    unsigned long id; /* CONNECTION_ID() */
    char server[160]; /* @@hostname:@@port/@@server_id, to aim KILL QUERY at the same server */
    char dbname[192]; /* DATABASE() at connect: scope and the ledger's qualifier */
    int mariadb;
    long long lwt_orig, ilwt_orig; /* lock_wait_timeout, innodb_lock_wait_timeout at connect (s) */
    long long stmt_orig_ms; /* the statement time limit when prepared: MariaDB's
                               max_statement_time, MySQL's max_execution_time */
    struct sg_buf reset; /* reset_sql: USE and the variables files set, as at connect */
};

#define MY(c) ((struct my_conn *)(c))

/* One driven call: its deadline and what a stop did to it. */
struct my_op {
    struct my_conn *c; /* the session to KILL QUERY on a stop; NULL: just abandon */
    int (*stop)(void);
    long long deadline, limit_ms; /* monotonic ms and as a duration; 0 = none */
    int ignore_stop; /* the stop came before this op (cleanup): deadline only */
    int stopped, timed_out;
    long long abandon_at; /* after a KILL QUERY: give up on the answer at this time */
    size_t n, n_at_stop; /* statements completed, in all and when the stop came */
};

/* ---------------------------------------------------------------- text -- */

/* A string value as _utf8mb4 X'...': only hex digits reach the server, and
 * the introducer fixes the character set whatever SET NAMES a migration ran. */
static void my_val(struct sg_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    char pair[2];

    sg_buf_str(b, "_utf8mb4 X'");
    for (const unsigned char *u = (const unsigned char *)(s ? s : ""); *u; u++) {
        pair[0] = hex[*u >> 4];
        pair[1] = hex[*u & 15];
        sg_buf_add(b, pair, 2);
    }
    sg_buf_str(b, "'");
}

/* ------------------------------------------------------- non-blocking -- */

static int my_abandon(MYSQL *db)
{
    my_socket fd = mysql_get_socket(db);

    /* Makes any read or write the library is in the middle of fail at once;
     * the session is lost, which also releases its locks server-side. */
    if (fd >= 0)
        shutdown(fd, SHUT_RDWR);
    return MYSQL_WAIT_TIMEOUT;
}

static void my_kill_query(struct my_conn *c);

/* An op on session c with a deadline of ms (0: none). One started when the
 * caller was already told to stop is cleanup (a rollback, an unlock): it
 * runs, but briefly, and is not killed. */
static struct my_op my_op_new(struct my_conn *c, long long ms)
{
    struct my_op op = {.c = c, .stop = c->base.stop, .limit_ms = ms};

    if (c->base.stop()) {
        op.ignore_stop = 1;
        op.limit_ms = MY_CLEANUP_TIMEOUT_MS;
    }
    if (op.limit_ms > 0)
        op.deadline = sg_now_ms() + op.limit_ms;
    return op;
}

/* Waits for what a _start/_cont call asked for (status) and returns the
 * events for the next _cont. A stop KILLs the running query (op->c) or
 * abandons the call; a deadline abandons it. */
static int my_wait(MYSQL *db, struct my_op *op, int status)
{
    short want = (short)(((status & MYSQL_WAIT_READ) ? POLLIN : 0) |
                         ((status & MYSQL_WAIT_WRITE) ? POLLOUT : 0) |
                         ((status & MYSQL_WAIT_EXCEPT) ? POLLPRI : 0));
    int re, ev = 0;

    for (;;) {
        long long until = op->abandon_at && (!op->deadline || op->abandon_at < op->deadline)
                              ? op->abandon_at
                              : op->deadline;
        re = sg_wait_fd(mysql_get_socket(db), want, until,
                        op->ignore_stop || op->stopped ? NULL : op->stop, MY_SLICE_MS);
        if (re != SG_WAIT_STOPPED)
            break;
        op->stopped = 1;
        op->n_at_stop = op->n;
        if (!op->c)
            return my_abandon(db);
        my_kill_query(op->c);
        op->abandon_at = sg_now_ms() + MY_KILL_GRACE_MS;
    }
    if (re == 0 && (!op->abandon_at || sg_now_ms() < op->abandon_at)) {
        op->timed_out = 1;
        if (op->c)
            my_kill_query(op->c);
    }
    if (re <= 0)
        return my_abandon(db);
    if (re & (POLLIN | POLLHUP | POLLERR))
        ev |= status & MYSQL_WAIT_READ;
    if (re & (POLLOUT | POLLHUP | POLLERR))
        ev |= status & MYSQL_WAIT_WRITE;
    if (re & POLLPRI)
        ev |= status & MYSQL_WAIT_EXCEPT;
    /* POLLNVAL, or an error on an event not asked for: let the library see it. */
    return ev ? ev : (status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT));
}

static int my_session_lost(const struct my_conn *c, unsigned num)
{
    switch (num) {
    case ER_SERVER_SHUTDOWN:
    case ER_CONNECTION_KILLED:
    case ER_ABORTING_CONNECTION: return 1;
    case 4031: return !c->mariadb; /* MySQL 8: ER_CLIENT_INTERACTION_TIMEOUT */
    default: return num >= CR_MIN_ERROR && num < 3000;
    }
}

/* Fills err from op's failed call on c, after ctx ("" or a context): the
 * server's message with its numbers; 69 for a lost session, 75 for lock
 * waits, else 65 (a stopped statement too: the core makes it 128+N). */
static int my_fail(const struct my_conn *c, const struct my_op *op, const char *ctx,
                   struct sg_error *err)
{
    unsigned num = mysql_errno(c->db);
    const char *sep = *ctx ? ": " : "", *state = mysql_sqlstate(c->db);
    int lost = my_session_lost(c, num);

    err->pos = 0;
    err->line = 0;
    err->sqlstate[0] = '\0';
    if (op->stopped)
        return sg_error_set(err, lost ? SG_EX_UNAVAILABLE : SG_EX_DATA,
                            "%s%sstopped (KILL QUERY sent)%s", ctx, sep,
                            lost ? "; it did not end in time, session abandoned" : "");
    if (op->timed_out)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "%s%sno answer from the server within %lld s; session abandoned", ctx,
                            sep, (op->limit_ms + 999) / 1000);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%u", num);
    /* Our own statement refused for a privilege: the account's setup. */
    int denied = *ctx && (num == ER_TABLEACCESS_DENIED_ERROR || num == ER_DBACCESS_DENIED_ERROR ||
                          num == ER_SPECIFIC_ACCESS_DENIED_ERROR);
    sg_error_set(err,
                 lost                                                     ? SG_EX_UNAVAILABLE
                 : num == ER_LOCK_WAIT_TIMEOUT || num == ER_LOCK_DEADLOCK ? SG_EX_TEMPFAIL
                 : denied                                                 ? SG_EX_CONFIG
                                                                          : SG_EX_DATA,
                 "%s%s%s (MySQL error %u, SQLSTATE %s)", ctx, sep, mysql_error(c->db), num,
                 state ? state : "HY000");
    /* One line: server messages may quote a multi-line statement. */
    for (char *p = err->msg; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return -1;
}

/* Sends one query text and consumes every result, so the session is ready
 * for the next: the first nres result sets go to res[] (caller frees
 * them), the rest are freed; op->n counts them as statements (right but
 * for CALL, which the core never batches). 0, or -1 with err set. */
static int my_run(struct my_conn *c, struct my_op *op, const char *q, size_t len, MYSQL_RES **res,
                  int nres, const char *ctx, struct sg_error *err)
{
    MYSQL *db = c->db;
    MYSQL_RES *r;
    int rc, st, got = 0;

    for (int i = 0; i < nres; i++)
        res[i] = NULL;
    st = mysql_real_query_start(&rc, db, q, (unsigned long)len);
    while (st)
        st = mysql_real_query_cont(&rc, db, my_wait(db, op, st));
    while (!rc) {
        st = mysql_store_result_start(&r, db);
        while (st)
            st = mysql_store_result_cont(&r, db, my_wait(db, op, st));
        if (!r && mysql_field_count(db) != 0) {
            rc = 1;
            break;
        }
        if (r && got < nres)
            res[got++] = r;
        else
            mysql_free_result(r);
        op->n++;
        if (!mysql_more_results(db))
            break;
        st = mysql_next_result_start(&rc, db);
        while (st)
            st = mysql_next_result_cont(&rc, db, my_wait(db, op, st));
        if (rc < 0) { /* no more results after all */
            rc = 0;
            break;
        }
    }
    /* A killed SLEEP() ends with a result, not an error, and the script
     * goes on: a stopped op failed whatever the server answered. */
    if (!rc && !op->stopped)
        return 0;
    for (int i = 0; i < got; i++) {
        mysql_free_result(res[i]);
        res[i] = NULL;
    }
    return my_fail(c, op, ctx, err);
}

/* Runs one of the driver's own queries; -1 with err set (context ctx). */
static int my_query(struct my_conn *c, const struct sg_buf *b, MYSQL_RES **res, int nres,
                    const char *ctx, struct sg_error *err)
{
    struct my_op op = my_op_new(c, MY_QUERY_TIMEOUT_MS);

    if (b->oom || !b->p)
        return sg_error_set(err, SG_EX_OSERR, "%s: out of memory", ctx);
    return my_run(c, &op, b->p, b->n, res, nres, ctx, err);
}

/* Column col of the first row of a result, or NULL (SQL NULL or no row). */
static const char *my_cell(MYSQL_RES *r, unsigned col)
{
    MYSQL_ROW row;

    if (!r || mysql_num_fields(r) <= col || !(row = mysql_fetch_row(r)))
        return NULL;
    return row[col];
}

/* ------------------------------------------------------ URL and open -- */

static void my_params_free(struct my_params *p)
{
    sg_url_free(&p->url); /* zeroes the password */
    free(p->app_name);
    memset(p, 0, sizeof *p);
}

static const char *const my_known_params[] = {"ssl-mode",         "ssl-ca", "ssl-cert",
                                              "ssl-key",          "socket", "connect-timeout",
                                              "application-name", NULL};

static int my_params_ssl(const struct sg_url *u, struct my_params *p, struct sg_error *err)
{
    const char *mode = sg_url_param(u, "ssl-mode");
    const char *ca = sg_url_param(u, "ssl-ca"), *cert = sg_url_param(u, "ssl-cert");
    const char *key = sg_url_param(u, "ssl-key");
    size_t n = sizeof my_ssl_names / sizeof my_ssl_names[0], j;

    if (mode) {
        for (j = 0; j < n; j++)
            if (strcasecmp(mode, my_ssl_names[j]) == 0)
                break;
        if (j == n)
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: ssl-mode '%.32s' is not one of DISABLED, "
                                "REQUIRED, VERIFY_CA, VERIFY_IDENTITY (PREFERRED is refused: it "
                                "falls back to cleartext)",
                                mode);
        p->ssl = (enum my_ssl)j;
    } else {
        /* Only --ssl-ca means VERIFY_CA to mysql(1) too. */
        p->ssl = ca ? MY_SSL_VERIFY_CA : (cert || key) ? MY_SSL_REQUIRED : MY_SSL_DISABLED;
    }
    if (p->ssl >= MY_SSL_VERIFY_CA && !ca)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: ssl-mode=%s needs ssl-ca=/path/to/ca.pem (the "
                            "client library verifies nothing without it)",
                            my_ssl_names[p->ssl]);
    if (p->ssl == MY_SSL_DISABLED && (ca || cert || key))
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: ssl-mode=DISABLED contradicts ssl-ca/ssl-cert/ssl-key");
    if (!cert != !key)
        return sg_error_set(err, SG_EX_CONFIG, "database URL: ssl-cert and ssl-key go together");
    return 0;
}

static int my_params_parse(const struct sg_url *u, const struct sg_connect_opts *o,
                           struct my_params *p, struct sg_error *err)
{
    memset(p, 0, sizeof *p);
    if (sg_url_check_params(u, my_known_params, err) < 0)
        return -1;
    if (u->hosts && strchr(u->hosts, ','))
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: several hosts are not supported for mysql; name "
                            "the primary only");
    if (!u->path || !*u->path)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL names no database (expected "
                            "%s://user:password@host:port/DATABASE)",
                            u->scheme);
    const char *sock = sg_url_param(u, "socket");
    if (sock && (!*sock || sock[0] != '/'))
        return sg_error_set(err, SG_EX_CONFIG, "database URL: socket must be an absolute path");
    if (sock && u->host && *u->host && strcmp(u->host, "localhost") != 0)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: socket=%.200s cannot be combined with host '%.100s' "
                            "(leave the host empty or use localhost)",
                            sock, u->host);
    if (my_params_ssl(u, p, err) < 0)
        return -1;
    long long cto = MY_CONNECT_TIMEOUT_S * 1000LL;
    if (sg_url_param_ms(u, "connect-timeout", 1, 3600000, "between 1s and 1h", &cto, err) < 0)
        return -1;
    p->connect_timeout_s = (unsigned)((cto + 999) / 1000);
    p->port = (unsigned)u->port;
    const char *app = sg_url_param(u, "application-name");
    if (!app && o)
        app = o->application_name;
    if (sg_url_dup(u, &p->url) < 0 || (app && !(p->app_name = strdup(app)))) {
        my_params_free(p);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    p->socket = sg_url_param(&p->url, "socket");
    /* The library takes its socket for "localhost" only. */
    p->host = p->socket ? "localhost" : p->url.host && *p->url.host ? p->url.host : NULL;
    p->ssl_ca = sg_url_param(&p->url, "ssl-ca");
    p->ssl_cert = sg_url_param(&p->url, "ssl-cert");
    p->ssl_key = sg_url_param(&p->url, "ssl-key");
    return 0;
}

/* Sets every option a session needs before connecting. 0 or -1. */
static int my_set_options(MYSQL *db, const struct my_params *p, unsigned connect_timeout_s,
                          unsigned rw_timeout_s, int nonblock)
{
    my_bool off = 0, on = 1;
    unsigned int cto = connect_timeout_s, rw = rw_timeout_s, no_infile = 0;

    /* A reconnect would silently drop the lock and carry on without it. */
    if (mysql_options(db, MYSQL_OPT_RECONNECT, &off) ||
        mysql_options(db, MYSQL_OPT_CONNECT_TIMEOUT, &cto) ||
        mysql_options(db, MYSQL_OPT_READ_TIMEOUT, &rw) ||
        mysql_options(db, MYSQL_OPT_WRITE_TIMEOUT, &rw) ||
        /* LOAD DATA LOCAL lets a hostile server read client files. */
        mysql_options(db, MYSQL_OPT_LOCAL_INFILE, &no_infile) ||
        mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4"))
        return -1;
    if (nonblock && mysql_options(db, MYSQL_OPT_NONBLOCK, 0))
        return -1;
    /* The library takes "localhost" for its socket and ignores a port: a
     * URL that names a port means TCP. */
    if (p->socket || (p->port && p->host && strcmp(p->host, "localhost") == 0)) {
        unsigned int proto = p->socket ? MYSQL_PROTOCOL_SOCKET : MYSQL_PROTOCOL_TCP;
        if (mysql_options(db, MYSQL_OPT_PROTOCOL, &proto))
            return -1;
    }
    if (p->app_name && mysql_optionsv(db, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", p->app_name))
        return -1;
    /* Connector/C has no SSL_MODE: ENFORCE refuses a cleartext session, the
     * CA makes OpenSSL verify the chain, VERIFY_SERVER_CERT adds the host
     * name check. Test against the library actually linked (SEMANTICS §4.2). */
    if (p->ssl != MY_SSL_DISABLED) {
        my_bool verify_host = p->ssl == MY_SSL_VERIFY_IDENTITY ? on : off;
        if (mysql_options(db, MYSQL_OPT_SSL_ENFORCE, &on) ||
            mysql_options(db, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify_host) ||
            (p->ssl_ca && mysql_options(db, MYSQL_OPT_SSL_CA, p->ssl_ca)) ||
            (p->ssl_cert && mysql_options(db, MYSQL_OPT_SSL_CERT, p->ssl_cert)) ||
            (p->ssl_key && mysql_options(db, MYSQL_OPT_SSL_KEY, p->ssl_key)))
            return -1;
    }
    return 0;
}

/* Connects c->db (options already set) without blocking, honouring the stop
 * callback and the connect timeout; err set on failure. */
static int my_connect_nb(struct my_conn *c, const struct sg_url *u, struct sg_error *err)
{
    const struct my_params *p = &c->p;
    struct my_op op = {.stop = c->base.stop, .limit_ms = (long long)p->connect_timeout_s * 1000};
    MYSQL *ret = NULL;
    int st;

    op.deadline = sg_now_ms() + op.limit_ms;
    st = mysql_real_connect_start(&ret, c->db, p->host, p->url.user, p->url.password, p->url.path,
                                  p->port, p->socket,
                                  CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS);
    while (st)
        st = mysql_real_connect_cont(&ret, c->db, my_wait(c->db, &op, st));
    if (ret)
        return 0;
    if (op.stopped) {
        err->sys_errno = EINTR; /* never retried (sg_driver_transient_in) */
        return sg_error_set(err, SG_EX_UNAVAILABLE, "stopped while connecting to %s", u->redacted);
    }
    /* No number for a timeout: a server still starting is worth a retry. */
    if (op.timed_out)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "unable to connect to %s: no answer within %u s (connect-timeout)",
                            u->redacted, p->connect_timeout_s);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%u", mysql_errno(c->db));
    /* The server's text never holds the password ("using password: YES"). */
    return sg_error_set(err, SG_EX_UNAVAILABLE, "unable to connect to %s: %s (MySQL error %u)",
                        u->redacted, mysql_error(c->db), mysql_errno(c->db));
}

static const char *my_var(MYSQL_RES *vars, const char *name)
{
    MYSQL_ROW row;

    if (!vars)
        return NULL;
    mysql_data_seek(vars, 0);
    while ((row = mysql_fetch_row(vars)))
        if (row[0] && strcasecmp(row[0], name) == 0)
            return row[1] ? row[1] : "";
    return NULL;
}

/* Galera and multi-primary group replication do not carry GET_LOCK across
 * nodes: two replicas on two nodes would both "hold" it. Asked only when a
 * lock is needed, so a no-op start stays one statement. */
static int my_session_lock_ok(struct sg_conn *sc, int strict, char *why, size_t size,
                              struct sg_error *err)
{
    struct my_conn *c = MY(sc);
    struct sg_buf b = {0};
    MYSQL_RES *r[2] = {NULL, NULL};
    int rc;

    (void)strict; /* nothing here is uncertain */
    sg_buf_str(&b, "SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                   "('wsrep_on', 'group_replication_single_primary_mode');"
                   "SELECT COUNT(*) FROM information_schema.PLUGINS WHERE PLUGIN_NAME = "
                   "'group_replication' AND PLUGIN_STATUS = 'ACTIVE'");
    rc = my_query(c, &b, r, 2, "checking the topology", err);
    sg_buf_free(&b);
    if (rc == 0) {
        const char *wsrep = my_var(r[0], "wsrep_on");
        const char *single = my_var(r[0], "group_replication_single_primary_mode");
        const char *gr = my_cell(r[1], 0);
        rc = 1;
        if (wsrep && (strcasecmp(wsrep, "ON") == 0 || strcmp(wsrep, "1") == 0)) {
            snprintf(why, size,
                     "a Galera cluster (wsrep_on=ON), where GET_LOCK is local to one node");
            rc = 0;
        } else if (gr && atol(gr) > 0 && single &&
                   (strcasecmp(single, "OFF") == 0 || strcmp(single, "0") == 0)) {
            snprintf(why, size,
                     "multi-primary group replication, where GET_LOCK is local to one member");
            rc = 0;
        }
    }
    mysql_free_result(r[0]);
    mysql_free_result(r[1]);
    return rc;
}

/* The session variables a migration file commonly sets (mysqldump output
 * sets all of these) and reset_sql restores. Not autocommit (setting it
 * commits), isolation (refused inside a transaction) nor sql_log_bin (needs
 * a privilege): a failing reset would fail every migration. */
static const char *const my_reset_vars[] = {"sql_mode",
                                            "foreign_key_checks",
                                            "unique_checks",
                                            "time_zone",
                                            "character_set_client",
                                            "character_set_connection",
                                            "character_set_results",
                                            "collation_connection",
                                            NULL};

/* Renders c->reset from the session's values at connect. */
static void my_reset_prepare(struct my_conn *c, MYSQL_RES *vars)
{
    const char *sep = "SET SESSION ";

    if (c->dbname[0]) {
        sg_buf_str(&c->reset, "USE ");
        sg_buf_quoted(&c->reset, c->dbname, '`');
        sg_buf_str(&c->reset, ";");
    }
    for (int i = 0; my_reset_vars[i]; i++) {
        const char *v = my_var(vars, my_reset_vars[i]);
        if (!v || (!*v && i > 0)) /* only sql_mode may be empty */
            continue;
        sg_buf_fmt(&c->reset, "%s%s = ", sep, my_reset_vars[i]);
        my_val(&c->reset, v);
        sep = ", ";
    }
    if (*sep == ',')
        sg_buf_str(&c->reset, ";");
}

/* Once the lock is held, before anything is written, in one round trip:
 * the server's identity (to aim KILL QUERY at it), the lock waits,
 * statement limit and variables to restore. Kept off the connect path: a
 * waiter's poll is one statement. */
static int my_prepare(struct sg_conn *sc, struct sg_error *err)
{
    struct my_conn *c = MY(sc);
    MYSQL_RES *res[2] = {NULL, NULL};
    struct sg_buf b = {0};
    MYSQL_ROW row;
    const char *v;
    int rc = -1;

    sg_buf_str(&b, "SELECT CONNECTION_ID(), @@hostname, @@port, @@server_id, "
                   "@@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout;"
                   "SHOW SESSION VARIABLES WHERE Variable_name IN "
                   "('max_statement_time', 'max_execution_time', 'sql_mode', 'foreign_key_checks', "
                   "'unique_checks', 'time_zone', 'character_set_client', "
                   "'character_set_connection', 'character_set_results', 'collation_connection')");
    if (my_query(c, &b, res, 2, "unable to set up the session", err) < 0)
        goto out;
    row = res[0] ? mysql_fetch_row(res[0]) : NULL;
    if (!row || !row[0] || mysql_num_fields(res[0]) < 6) {
        sg_error_set(err, SG_EX_SOFTWARE, "unexpected answer while setting up the session");
        goto out;
    }
    c->id = strtoul(row[0], NULL, 10);
    snprintf(c->server, sizeof c->server, "%s:%s/%s", row[1] ? row[1] : "", row[2] ? row[2] : "",
             row[3] ? row[3] : "");
    c->lwt_orig = row[4] ? atoll(row[4]) : 31536000;
    c->ilwt_orig = row[5] ? atoll(row[5]) : 50;
    if ((v = my_var(res[1], "max_statement_time")))
        c->stmt_orig_ms = (long long)(strtod(v, NULL) * 1000 + 0.5);
    else if ((v = my_var(res[1], "max_execution_time")))
        c->stmt_orig_ms = atoll(v);
    sg_buf_reset(&c->reset);
    my_reset_prepare(c, res[1]);
    rc = 0;
out:
    for (int i = 0; i < 2; i++)
        mysql_free_result(res[i]);
    sg_buf_free(&b);
    return rc;
}

static void my_close(struct sg_conn *sc)
{
    struct my_conn *c = MY(sc);

    if (c->db)
        mysql_close(c->db);
    sg_buf_free(&c->reset);
    my_params_free(&c->p);
    free(c);
}

static int my_lib_ready;

static struct sg_conn *my_connect(const struct sg_url *u, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct my_conn *c = sg_driver_conn_new(sizeof *c, &sg_driver_mysql, o, err);

    if (!c)
        return NULL;
    if (c->base.stop()) {
        err->sys_errno = EINTR;
        sg_error_set(err, SG_EX_UNAVAILABLE, "stopped before connecting to %s", u->redacted);
        goto fail;
    }
    if (my_params_parse(u, o, &c->p, err) < 0)
        goto fail;
    if (!my_lib_ready) {
        if (mysql_library_init(0, NULL, NULL)) {
            sg_error_set(err, SG_EX_SOFTWARE, "unable to initialise the MySQL client library");
            goto fail;
        }
        /* Frees the library's globals at exit so valgrind stays quiet; an
         * exec replaces the process and needs nothing. */
        atexit(mysql_server_end);
        my_lib_ready = 1;
    }
    if (!(c->db = mysql_init(NULL))) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto fail;
    }
    if (my_set_options(c->db, &c->p, c->p.connect_timeout_s, MY_RW_TIMEOUT_S, 1) < 0) {
        sg_error_set(err, SG_EX_CONFIG, "unable to set MySQL client options: %s",
                     mysql_error(c->db));
        goto fail;
    }
    if (my_connect_nb(c, u, err) < 0)
        goto fail;
    /* Keepalive: a dead server is noticed in about a minute. */
    sg_driver_socket_tune(mysql_get_socket(c->db), 30, 10, 3);
    if (c->p.ssl != MY_SSL_DISABLED && !mysql_get_ssl_cipher(c->db)) {
        /* CR_SSL_CONNECTION_ERROR: a setting to fix, not a server to wait for. */
        snprintf(err->sqlstate, sizeof err->sqlstate, "%d", CR_SSL_CONNECTION_ERROR);
        sg_error_set(err, SG_EX_UNAVAILABLE,
                     "unable to connect to %s: ssl-mode=%s but the session is not encrypted",
                     u->redacted, my_ssl_names[c->p.ssl]);
        goto fail;
    }
    c->mariadb = mariadb_connection(c->db) ? 1 : 0;
    /* No round trip here: a no-op start is this connection and one ledger
     * read. The id came with the handshake, the database with the URL;
     * what only a session about to migrate needs waits for my_prepare(). */
    c->id = mysql_thread_id(c->db);
    snprintf(c->dbname, sizeof c->dbname, "%s", c->p.url.path);
    return &c->base;
fail:
    my_close(&c->base);
    return NULL;
}

/* Stops the statement running on c from a second connection to the same
 * server (KILL QUERY cannot be sent from a signal handler, nor on a session
 * that is busy). Best effort: on failure the caller abandons the socket. */
static void my_kill_query(struct my_conn *c)
{
    MYSQL *k;
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    char q[96], here[160];

    /* Before my_prepare() the server is unknown and nothing long runs: the
     * caller abandons the socket instead. */
    if (!c->server[0] || !(k = mysql_init(NULL)))
        return;
    if (my_set_options(k, &c->p, MY_KILL_TIMEOUT_S, MY_KILL_TIMEOUT_S, 0) != 0)
        goto out;
    if (!mysql_real_connect(k, c->p.host, c->p.url.user, c->p.url.password, c->p.url.path,
                            c->p.port, c->p.socket, 0))
        goto out;
    /* Behind a proxy the second connection may reach another server, where
     * the same id is someone else's query. */
    if (mysql_query(k, "SELECT @@hostname, @@port, @@server_id") || !(r = mysql_store_result(k)) ||
        !(row = mysql_fetch_row(r)))
        goto out;
    snprintf(here, sizeof here, "%s:%s/%s", row[0] ? row[0] : "", row[1] ? row[1] : "",
             row[2] ? row[2] : "");
    if (strcmp(here, c->server) != 0) {
        sg_log(SG_LOG_WARN, "kill_skipped", SG_NOFIELDS,
               "not sending KILL QUERY: the second connection reached another server");
        goto out;
    }
    snprintf(q, sizeof q, "KILL QUERY %lu", c->id);
    if (mysql_query(k, q))
        sg_log(SG_LOG_WARN, "kill_failed", SG_NOFIELDS, "KILL QUERY %lu failed: %s", c->id,
               mysql_error(k));
out:
    mysql_free_result(r);
    mysql_close(k);
}

/* Too many connections, refused, unknown host (DNS not ready), gone away or
 * lost while the server starts. */
static int my_transient(const struct sg_error *err)
{
    static const char *const again[] = {"1040", "1203", "2002", "2003",
                                        "2005", "2006", "2013", NULL};

    return sg_driver_transient_in(err, again);
}

/* ------------------------------------------------------------- SQL -- */

/* MySQL counts "at line N" from where its statement starts: just after the
 * previous `;` and blanks, so comments before the statement count. The core
 * counts from the statement's first word; convert. 0 when there is no N. */
static int my_err_line(const char *sql, size_t len, size_t done, const char *msg)
{
    const char *at = NULL;

    for (const char *q = strstr(msg, " at line "); q; q = strstr(q + 1, " at line "))
        at = q;
    long line = at ? strtol(at + 9, NULL, 10) : 0;
    if (line < 1 || line > 1000000)
        return 0;
    line -= sg_sql_lines_before(sql, len, SG_DIALECT_MYSQL, done);
    return line >= 1 ? (int)line : 1;
}

/* A migration statement has no client deadline: it may rightly run for
 * hours, and a dead server is noticed by TCP keepalive. */
static int my_exec(struct sg_conn *sc, const char *sql, size_t len, size_t *done,
                   struct sg_error *err)
{
    struct my_conn *c = MY(sc);
    struct my_op op = my_op_new(c, 0);
    int rc = my_run(c, &op, sql, len, NULL, 0, "", err);

    *done = op.stopped ? op.n_at_stop : op.n;
    if (rc < 0 && !op.stopped &&
        (strcmp(err->sqlstate, "1064") == 0 || strcmp(err->sqlstate, "1149") == 0))
        err->line = my_err_line(sql, len, *done, err->msg);
    return rc;
}

static int my_in_transaction(struct sg_conn *sc)
{
    return (MY(sc)->db->server_status & SERVER_STATUS_IN_TRANS) != 0;
}

static void my_timeouts_sql(struct sg_conn *sc, long long lock_ms, long long stmt_ms, int local,
                            struct sg_buf *out)
{
    struct my_conn *c = MY(sc);
    long long st = stmt_ms > 0 ? stmt_ms : c->stmt_orig_ms;
    char w[3][32];

    /* No SET LOCAL here: the values hold for the session until set again,
     * so 0 restores what the session had when prepared (DEFAULT before).
     * GET_LOCK ignores both waits; they bound how long a migration queues
     * the application's queries behind its table lock (issue 9). */
    (void)local;
    snprintf(w[0], sizeof w[0], "%lld", (lock_ms + 999) / 1000);
    for (int i = 1; i < 3; i++) {
        long long orig = i == 1 ? c->lwt_orig : c->ilwt_orig;
        if (orig)
            snprintf(w[i], sizeof w[i], "%lld", orig);
        else
            snprintf(w[i], sizeof w[i], "DEFAULT");
    }
    sg_buf_fmt(out, "SET SESSION lock_wait_timeout = %s, SESSION innodb_lock_wait_timeout = %s",
               lock_ms > 0 ? w[0] : w[1], lock_ms > 0 ? w[0] : w[2]);
    if (c->mariadb)
        sg_buf_fmt(out, ", SESSION max_statement_time = %lld.%03lld", st / 1000, st % 1000);
    /* A stalled lease holder's transaction must not outlive its lease
     * (MariaDB 10.3 and later; seconds). */
    if (c->mariadb && sc->idle_txn_ms)
        sg_buf_fmt(out, ", SESSION idle_transaction_timeout = %lld",
                   (sc->idle_txn_ms + 999) / 1000);
    if (!c->mariadb)
        /* MySQL bounds only read-only SELECTs this way (README). */
        sg_buf_fmt(out, ", SESSION max_execution_time = %lld", st);
    sg_buf_str(out, ";");
}

/* Rendered at connect: no round trip, and inside a migration's transaction
 * nothing of it commits. User variables (@x) are left alone: MySQL cannot
 * list them portably. */
static void my_reset_sql(struct sg_conn *sc, struct sg_buf *out)
{
    const struct sg_buf *r = &MY(sc)->reset;

    if (r->n && !r->oom)
        sg_buf_add(out, r->p, r->n);
}

/* MariaDB runs a compound statement outside stored programs (10.1 and
 * later); MySQL cannot raise outside one, so it gets no guard. */
static void my_guard_sql(struct sg_conn *sc, const char *update, const char *msg,
                         struct sg_buf *out)
{
    if (!MY(sc)->mariadb)
        return;
    sg_buf_fmt(out,
               "BEGIN NOT ATOMIC %s; IF ROW_COUNT() = 0 THEN SIGNAL SQLSTATE '45000' SET "
               "MESSAGE_TEXT = '%s'; END IF; END;",
               update, msg);
}

/* Errors the server raises while parsing, resolving names, checking
 * privileges or definitions, or waiting for a lock -- before the statement
 * changed anything (DDL is atomic in InnoDB; a lock-wait timeout rolls back
 * the statement). Not 1051 (DROP TABLE a, missing: MySQL 5.7 drops a first),
 * nor data errors, which MyISAM leaves half done. */
static int my_failed_cleanly(struct sg_conn *sc, const char *stmt, size_t len,
                             const struct sg_error *err)
{
    static const int clean[] = {
        /* syntax, names, definitions */
        ER_PARSE_ERROR, ER_SYNTAX_ERROR, ER_UNKNOWN_DATA_TYPE, ER_NO_SUCH_TABLE, ER_BAD_FIELD_ERROR,
        ER_BAD_DB_ERROR, ER_NON_UNIQ_ERROR, ER_TABLE_EXISTS_ERROR, ER_DUP_FIELDNAME, ER_DUP_KEYNAME,
        ER_CANT_DROP_FIELD_OR_KEY, ER_KEY_COLUMN_DOES_NOT_EXIST, ER_MULTIPLE_PRI_KEY,
        ER_TOO_LONG_KEY, ER_TOO_LONG_IDENT, ER_WRONG_FIELD_SPEC, ER_INVALID_DEFAULT,
        ER_WRONG_AUTO_KEY, ER_WRONG_KEY_COLUMN, ER_BLOB_KEY_WITHOUT_LENGTH, ER_WRONG_SUB_KEY,
        ER_UNKNOWN_STORAGE_ENGINE, ER_UNKNOWN_CHARACTER_SET, ER_UNKNOWN_COLLATION,
        ER_SP_DOES_NOT_EXIST, ER_SP_ALREADY_EXISTS, ER_TRG_ALREADY_EXISTS, ER_TRG_DOES_NOT_EXIST,
        /* foreign keys (1005: errno 150, incorrectly formed), ALGORITHM=/LOCK= refused */
        ER_CANT_CREATE_TABLE, ER_CANNOT_ADD_FOREIGN, ER_FK_NO_INDEX_PARENT,
        ER_FK_CANNOT_OPEN_PARENT, 1826 /* duplicate constraint name */, 1845, 1846,
        /* privileges */
        ER_TABLEACCESS_DENIED_ERROR, ER_COLUMNACCESS_DENIED_ERROR, ER_DBACCESS_DENIED_ERROR,
        ER_SPECIFIC_ACCESS_DENIED_ERROR, ER_PROCACCESS_DENIED_ERROR,
        /* lock waits */
        ER_LOCK_WAIT_TIMEOUT, ER_LOCK_DEADLOCK};
    int num = atoi(err->sqlstate);

    (void)sc;
    (void)stmt;
    (void)len;
    for (size_t i = 0; num && i < sizeof clean / sizeof clean[0]; i++)
        if (clean[i] == num)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ blocker -- */

/* row: id, user, host, command, transaction age, time in state, query. */
static void my_blocker_describe(MYSQL_ROW row, const char *name, const char *how, char *buf,
                                size_t size)
{
    struct sg_buf m = {0};
    int idle = row[3] && strcmp(row[3], "Sleep") == 0;

    if (*name)
        sg_buf_fmt(&m, "waited for table %s; ", name);
    sg_buf_fmt(&m, "%s connection %s (%.32s@%.64s)", how, row[0], row[1] ? row[1] : "?",
               row[2] ? row[2] : "?");
    if (row[4])
        sg_buf_fmt(&m, ", in a transaction open for %.20s s", row[4]);
    if (idle && row[5])
        sg_buf_fmt(&m, ", idle for %.20s s", row[5]);
    if (!idle && row[6] && *row[6])
        sg_buf_fmt(&m, ", running: %s", row[6]);
    if (!m.oom && m.p)
        snprintf(buf, size, "%s", m.p);
    sg_buf_free(&m);
}

/* Runs one blocker query (reset afterwards); on a row, describes it. */
static int my_blocker_try(struct my_conn *c, struct sg_buf *q, const char *name, const char *how,
                          char *buf, size_t size)
{
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    struct sg_error ignored = {0};
    int found = 0;

    if (my_query(c, q, &r, 1, "", &ignored) == 0 && r && (row = mysql_fetch_row(r)) && row[0]) {
        my_blocker_describe(row, name, how, buf, size);
        found = 1;
    }
    mysql_free_result(r);
    sg_buf_reset(q);
    return found;
}

/* Best effort, after a lock wait timeout: who is in the way. MariaDB names
 * metadata-lock holders only with the metadata_lock_info plugin, MySQL 8 in
 * performance_schema.metadata_locks; where neither answers, name the oldest
 * open transaction, which in the classic outage is the blocker. */
static void my_blocker(struct sg_conn *sc, const char *table, char *buf, size_t size)
{
    static const char cols[] =
        ", p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), p.TIME, "
        "LEFT(REPLACE(REPLACE(IFNULL(p.INFO, ''), CHAR(10), ' '), CHAR(13), ' '), 80) ";
    static const char *const mdl[2][3] = {
        {"SELECT m.THREAD_ID",
         "FROM information_schema.METADATA_LOCK_INFO m "
         "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = m.THREAD_ID "
         "LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = m.THREAD_ID "
         "WHERE m.THREAD_ID <> CONNECTION_ID() AND m.TABLE_NAME = ",
         " AND m.TABLE_SCHEMA = "},
        {"SELECT th.PROCESSLIST_ID",
         "FROM performance_schema.metadata_locks m "
         "JOIN performance_schema.threads th ON th.THREAD_ID = m.OWNER_THREAD_ID "
         "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = th.PROCESSLIST_ID "
         "LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = th.PROCESSLIST_ID "
         "WHERE m.OBJECT_TYPE = 'TABLE' AND m.LOCK_STATUS = 'GRANTED' AND "
         "th.PROCESSLIST_ID <> CONNECTION_ID() AND m.OBJECT_NAME = ",
         " AND m.OBJECT_SCHEMA = "}};
    struct my_conn *c = MY(sc);
    struct sg_buf q = {0};
    char schema[192] = "", name[192] = "";
    const char *dot = table ? strchr(table, '.') : NULL;

    buf[0] = '\0';
    if (dot)
        snprintf(schema, sizeof schema, "%.*s", (int)(dot - table), table);
    snprintf(name, sizeof name, "%s", dot ? dot + 1 : table ? table : "");
    for (int i = 0; *name && i < 2; i++) {
        sg_buf_str(&q, mdl[i][0]);
        sg_buf_str(&q, cols);
        sg_buf_str(&q, mdl[i][1]);
        my_val(&q, name);
        sg_buf_str(&q, mdl[i][2]);
        if (*schema)
            my_val(&q, schema);
        else
            sg_buf_str(&q, "DATABASE()");
        sg_buf_str(&q, " ORDER BY t.trx_started IS NULL, t.trx_started, p.TIME DESC LIMIT 1");
        if (my_blocker_try(c, &q, name, "blocked by", buf, size))
            goto out;
    }
    sg_buf_str(&q, "SELECT t.trx_mysql_thread_id");
    sg_buf_str(&q, cols);
    sg_buf_str(&q, "FROM information_schema.INNODB_TRX t "
                   "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
                   "WHERE t.trx_mysql_thread_id <> CONNECTION_ID() ORDER BY t.trx_started LIMIT 1");
    if (!my_blocker_try(c, &q, name, "likely blocker:", buf, size))
        snprintf(buf, size,
                 "%s%s%sblocker unknown (no other open transaction visible; naming it "
                 "needs the PROCESS privilege)",
                 *name ? "waited for table " : "", name, *name ? "; " : "");
out:
    sg_buf_free(&q);
}

/* ------------------------------------------------------------ lock -- */

static int my_scope(struct sg_conn *sc, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    struct my_conn *c = MY(sc);

    if (!c->dbname[0])
        return sg_error_set(err, SG_EX_CONFIG, "no current database: name one in the database URL");
    /* GET_LOCK names are server-wide: the database must be part of it.
     * Pinned by a golden test (changing it splits a fleet mid-deploy). */
    int n = snprintf(buf, size, "mysql:%s.%s", c->dbname, table);
    if (n < 0 || (size_t)n >= size)
        return sg_error_set(err, SG_EX_CONFIG,
                            "database and table names too long for the lock scope");
    return 0;
}

/* Runs `SELECT <before><name><after>` and returns its single value as 1/0,
 * 2 for NULL, or -1. */
static int my_lock_query(struct my_conn *c, const char *before, const struct sg_lock *l,
                         const char *after, const char *ctx, struct sg_error *err)
{
    struct sg_buf b = {0};
    MYSQL_RES *r = NULL;
    int rc = -1;

    sg_buf_str(&b, before);
    my_val(&b, l->name);
    sg_buf_str(&b, after);
    if (my_query(c, &b, &r, 1, ctx, err) == 0) {
        const char *v = my_cell(r, 0);
        rc = !v ? 2 : strcmp(v, "1") == 0 ? 1 : 0;
    }
    mysql_free_result(r);
    sg_buf_free(&b);
    return rc;
}

static int my_try_lock(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    /* Timeout 0: never a statement left waiting on the server. */
    int r = my_lock_query(MY(sc), "SELECT GET_LOCK(", l, ", 0)", "unable to take the lock", err);

    if (r == 2)
        return sg_error_set(err, SG_EX_SOFTWARE, "GET_LOCK(%s) returned NULL", l->name);
    return r;
}

static int my_lock_held(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    int r = my_lock_query(MY(sc), "SELECT IS_USED_LOCK(", l, ") = CONNECTION_ID()",
                          "unable to check the lock", err);

    return r == 2 ? 0 : r;
}

static int my_unlock(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    /* GET_LOCK nests within a session (MySQL 5.7+, MariaDB 10.0.2+): release
     * until this session no longer holds it. */
    for (int i = 0; i < 64; i++) {
        int r = my_lock_query(MY(sc), "SELECT RELEASE_LOCK(", l, ")", "unable to release the lock",
                              err);
        if (r < 0)
            return -1;
        if (r != 1 && i == 0)
            return sg_error_set(err, SG_EX_SOFTWARE, "lock %s was not held by this session",
                                l->desc);
        if (r != 1)
            break;
    }
    return 0;
}

static int my_lock_holder(struct sg_conn *sc, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    struct my_conn *c = MY(sc);
    struct sg_buf b = {0};
    struct sg_error ignored = {0};
    MYSQL_RES *r = NULL, *a = NULL;
    MYSQL_ROW row;
    const char *prog;
    int rc = -1;

    buf[0] = '\0';
    sg_buf_str(&b, "SELECT l.id, p.USER, p.HOST, p.TIME FROM (SELECT IS_USED_LOCK(");
    my_val(&b, l->name);
    sg_buf_str(&b, ") AS id) l LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.id");
    if (my_query(c, &b, &r, 1, "unable to look up the lock holder", err) < 0)
        goto out;
    rc = 0;
    if (!r || !(row = mysql_fetch_row(r)) || !row[0] || row[0][strspn(row[0], "0123456789")])
        goto out; /* free right now */
    if (!row[1]) {
        /* Without the PROCESS privilege only our own user's sessions show. */
        snprintf(buf, size, "connection %.20s", row[0]);
        goto out;
    }
    /* The holder's program_name ("schemagate host pid"), where
     * performance_schema records it (MySQL 8; MariaDB with it enabled). */
    sg_buf_reset(&b);
    sg_buf_fmt(&b,
               "SELECT ATTR_VALUE FROM performance_schema.session_connect_attrs "
               "WHERE ATTR_NAME = 'program_name' AND PROCESSLIST_ID = %.20s",
               row[0]);
    prog = my_query(c, &b, &a, 1, "", &ignored) == 0 ? my_cell(a, 0) : NULL;
    snprintf(buf, size, "connection %.20s%s%.100s%s user %.64s from %.80s for %s s", row[0],
             prog ? " (" : "", prog ? prog : "", prog ? ")" : "", row[1], row[2] ? row[2] : "?",
             row[3] ? row[3] : "?");
out:
    mysql_free_result(a);
    mysql_free_result(r);
    sg_buf_free(&b);
    return rc;
}

/* ---------------------------------------------------------- ledger -- */

/* One SELECT of ours, every row as text; a missing table is code 66. */
static int my_select(struct sg_conn *sc, const char *sql, struct sg_rows *out, struct sg_error *err)
{
    struct my_conn *c = MY(sc);
    struct my_op op = my_op_new(c, MY_QUERY_TIMEOUT_MS);
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    int rc = 0;

    memset(out, 0, sizeof *out);
    if (my_run(c, &op, sql, strlen(sql), &r, 1, "unable to read", err) < 0)
        return !op.stopped && !op.timed_out && mysql_errno(c->db) == ER_NO_SUCH_TABLE
                   ? (err->code = SG_EX_NOINPUT, -1)
                   : -1;
    while (r && rc == 0 && (row = mysql_fetch_row(r)))
        if (sg_rows_push(out, (const char *const *)row, mysql_num_fields(r)) < 0)
            rc = sg_error_set(err, SG_EX_OSERR, "out of memory");
    mysql_free_result(r);
    if (rc < 0)
        sg_rows_free(out);
    return rc;
}

/* Qualified with the database of the URL: a migration may USE another
 * database, and its ledger row must not follow it there. */
static int my_table_sql(struct sg_conn *sc, const char *table, struct sg_buf *out,
                        struct sg_error *err)
{
    (void)err;
    if (MY(sc)->dbname[0]) {
        sg_buf_quoted(out, MY(sc)->dbname, '`');
        sg_buf_str(out, ".");
    }
    sg_buf_quoted(out, table, '`');
    return 0;
}

static void my_quote(struct sg_conn *sc, const char *v, struct sg_buf *out)
{
    (void)sc;
    my_val(out, v);
}

static const char *const my_schemes[] = {"mysql", "mariadb", NULL};

const struct sg_driver sg_driver_mysql = {
    .name = "mysql",
    .schemes = my_schemes,
    .dialect = SG_DIALECT_MYSQL,
    /* No SG_CAP_TRANSACTIONAL_DDL: DDL commits implicitly, so the core
     * tracks a migration holding DDL statement by statement. */
    .caps = SG_CAP_NAMED_LOCK,
    .begin_sql = "START TRANSACTION",
    .connect = my_connect,
    .prepare = my_prepare,
    .close = my_close,
    .transient = my_transient,
    .exec = my_exec,
    .in_transaction = my_in_transaction,
    .timeouts_sql = my_timeouts_sql,
    .failed_cleanly = my_failed_cleanly,
    .reset_sql = my_reset_sql,
    .blocker = my_blocker,
    .scope = my_scope,
    .try_lock = my_try_lock,
    .unlock = my_unlock,
    .lock_held = my_lock_held,
    .lock_holder = my_lock_holder,
    .ledger_columns = "(version VARCHAR(20) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, "
                      "checksum CHAR(64) NOT NULL, applied_at DATETIME NOT NULL DEFAULT "
                      "CURRENT_TIMESTAMP, execution_ms BIGINT NOT NULL, applied_by VARCHAR(255) "
                      "NOT NULL, dirty BOOLEAN NOT NULL DEFAULT FALSE, dirty_done INT NOT NULL "
                      "DEFAULT 0) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
    .table_sql = my_table_sql,
    .quote = my_quote,
    /* applied_at holds UTC (written explicitly, never the session's zone). */
    .now_sql = "UTC_TIMESTAMP()",
    .clock_ms_sql = "CAST(UNIX_TIMESTAMP(NOW(6)) * 1000 AS SIGNED)",
    .guard_sql = my_guard_sql,
    .session_lock_ok = my_session_lock_ok,
    .applied_at_sql = "DATE_FORMAT(applied_at, '%Y-%m-%dT%H:%i:%sZ')",
    .select = my_select,
};
