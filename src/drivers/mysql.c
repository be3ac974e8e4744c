/* mysql.c -- the MySQL/MariaDB backend, on MariaDB Connector/C (Debian's
 * libmariadb). The lock is GET_LOCK() on the very session that runs the
 * migrations, so it ends with that session (SEMANTICS §0.1).
 *
 * Every statement goes through Connector/C's non-blocking API and a 100 ms
 * poll loop: a termination signal is seen within a slice, and since nothing
 * useful can be sent from a signal handler, the running statement is then
 * stopped with KILL QUERY from a second, short connection. MySQL commits DDL
 * implicitly, so a migration holding DDL cannot roll back: it is recorded
 * dirty before it starts and clean after; a DML-only migration runs in one
 * transaction with its ledger row. Values never reach SQL text except as
 * hex literals with a character-set introducer, which no charset or
 * sql_mode can reinterpret. */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <unistd.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "clock.h"
#include "config.h"
#include "driver.h"
#include "error.h"
#include "exitcodes.h"
#include "handoff.h"
#include "log.h"
#include "migration.h"
#include "sqlsplit.h"

#define MY_SLICE_MS 100 /* poll slice: how soon a signal is noticed */
#define MY_QUERY_TIMEOUT_MS 60000 /* lock, ledger and session queries (not migrations) */
#define MY_KILL_GRACE_MS 3000 /* after KILL QUERY, how long the statement may take to end */
#define MY_CLEANUP_TIMEOUT_MS 2000 /* queries started after a signal (unlock, close) */
#define MY_CONNECT_TIMEOUT_S 10
#define MY_RW_TIMEOUT_S 60 /* blocking calls only (close, the KILL connection) */
#define MY_KILL_TIMEOUT_S 2

extern const struct sg_driver sg_driver_mysql;

enum my_ssl { MY_SSL_DISABLED, MY_SSL_REQUIRED, MY_SSL_VERIFY_CA, MY_SSL_VERIFY_IDENTITY };
static const char *const my_ssl_names[] = {"DISABLED", "REQUIRED", "VERIFY_CA", "VERIFY_IDENTITY"};

/* What a session is opened with; kept for the KILL QUERY connection. */
struct my_params {
    char *host; /* NULL: the library default (localhost) */
    char *user;
    char *password; /* secret: zeroed when freed */
    char *db;
    char *socket;
    char *ssl_ca, *ssl_cert, *ssl_key;
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
    int mariadb;
    long long stmt_timeout_ms; /* per migration statement, 0 = none */
    long long lwt_orig, ilwt_orig; /* lock_wait_timeout, innodb_lock_wait_timeout at connect (s) */
    long long lwt_cur; /* what this session runs with now (s) */
    /* Set when a statement other than the first of a dirty-tracked migration
     * timed out waiting for a table lock: the engine's retry of the same
     * step resumes at statement resume_at instead of starting over. */
    char resume_version[SG_VERSION_MAX + 1];
    int resume_down;
    size_t resume_at;
};

/* One driven call: its deadline and what a signal did to it. */
struct my_op {
    struct my_conn *c; /* the session to KILL QUERY on a signal; NULL: just abandon */
    long long deadline; /* monotonic ms; 0 = none */
    int ignore_signal; /* the signal came before this op (cleanup): deadline only */
    int sig; /* signal that interrupted the op */
    int timed_out;
    long long abandon_at; /* after a KILL QUERY: give up on the answer at this time */
};

/* A failed call, captured before anything else touches the handle. */
struct my_err {
    unsigned num;
    char state[6];
    char msg[320];
    int sig;
    int timed_out;
};

/* ---------------------------------------------------------------- text -- */

/* A growable SQL text. Allocation failure is sticky and checked once at the end. */
struct my_buf {
    char *p;
    size_t n, cap;
    int oom;
};

static void b_add(struct my_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void b_str(struct my_buf *b, const char *s)
{
    b_add(b, s, strlen(s));
}

static void b_fmt(struct my_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void b_fmt(struct my_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        b->oom = 1;
        return;
    }
    b_add(b, tmp, (size_t)n);
}

/* A string value as _utf8mb4 X'...': only hex digits reach the server, and
 * the introducer fixes the character set whatever SET NAMES a migration ran. */
static void b_val(struct my_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    char pair[2];

    b_str(b, "_utf8mb4 X'");
    for (const unsigned char *u = (const unsigned char *)(s ? s : ""); *u; u++) {
        pair[0] = hex[*u >> 4];
        pair[1] = hex[*u & 15];
        b_add(b, pair, 2);
    }
    b_str(b, "'");
}

/* An identifier in backticks, backticks doubled (the engine validates table
 * names already; this is the second fence). */
static void b_ident(struct my_buf *b, const char *s)
{
    b_str(b, "`");
    for (; *s; s++)
        b_add(b, *s == '`' ? "``" : s, *s == '`' ? 2 : 1);
    b_str(b, "`");
}

static void b_free(struct my_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
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

/* Waits for what a _start/_cont call asked for (status), in slices, and
 * returns the events for the next _cont. A signal KILLs the running query
 * (op->c) or abandons the call; a deadline abandons it. */
static int my_wait(MYSQL *db, struct my_op *op, int status)
{
    for (;;) {
        long long now = sg_now_ms();
        int sig = op->ignore_signal ? 0 : sg_signal_pending();

        if (sig && !op->sig) {
            op->sig = sig;
            if (!op->c)
                return my_abandon(db);
            my_kill_query(op->c);
            op->abandon_at = sg_now_ms() + MY_KILL_GRACE_MS;
            now = sg_now_ms();
        }
        if (op->abandon_at && now >= op->abandon_at)
            return my_abandon(db);
        if (op->deadline && now >= op->deadline) {
            op->timed_out = 1;
            if (op->c)
                my_kill_query(op->c);
            return my_abandon(db);
        }
        long long slice = MY_SLICE_MS;
        if (op->deadline && op->deadline - now < slice)
            slice = op->deadline - now;
        if (op->abandon_at && op->abandon_at - now < slice)
            slice = op->abandon_at - now;
        if (slice < 1)
            slice = 1;
        struct pollfd pfd = {.fd = mysql_get_socket(db), .events = 0, .revents = 0};
        if (status & MYSQL_WAIT_READ)
            pfd.events |= POLLIN;
        if (status & MYSQL_WAIT_WRITE)
            pfd.events |= POLLOUT;
        if (status & MYSQL_WAIT_EXCEPT)
            pfd.events |= POLLPRI;
        int r = poll(&pfd, 1, (int)slice);
        if (r < 0 && errno != EINTR)
            return my_abandon(db);
        if (r <= 0)
            continue;
        int ev = 0;
        if (pfd.revents & (POLLIN | POLLHUP | POLLERR))
            ev |= status & MYSQL_WAIT_READ;
        if (pfd.revents & (POLLOUT | POLLHUP | POLLERR))
            ev |= status & MYSQL_WAIT_WRITE;
        if (pfd.revents & POLLPRI)
            ev |= status & MYSQL_WAIT_EXCEPT;
        /* POLLNVAL, or an error on an event not asked for: let the library see it. */
        return ev ? ev : (status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT));
    }
}

static void my_capture(MYSQL *db, const struct my_op *op, struct my_err *me)
{
    const char *st = mysql_sqlstate(db);

    me->num = mysql_errno(db);
    snprintf(me->state, sizeof me->state, "%s", st ? st : "HY000");
    snprintf(me->msg, sizeof me->msg, "%s", mysql_error(db));
    me->sig = op ? op->sig : 0;
    me->timed_out = op ? op->timed_out : 0;
    /* One line: server messages may quote a multi-line statement. */
    for (char *p = me->msg; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
}

/* Sends one query text (one statement, or several separated by `;`) and
 * consumes every result it produces, so the session is ready for the next.
 * The first nres result sets are stored in res[] (caller frees them);
 * the rest are freed. 0, or -1 with me filled. */
static int my_run(struct my_conn *c, struct my_op *op, const char *q, size_t len, MYSQL_RES **res,
                  int nres, struct my_err *me)
{
    MYSQL *db = c->db;
    MYSQL_RES *r;
    int rc, st, got = 0;

    for (int i = 0; i < nres; i++)
        res[i] = NULL;
    st = mysql_real_query_start(&rc, db, q, (unsigned long)len);
    while (st)
        st = mysql_real_query_cont(&rc, db, my_wait(db, op, st));
    if (rc)
        goto fail;
    for (;;) {
        st = mysql_store_result_start(&r, db);
        while (st)
            st = mysql_store_result_cont(&r, db, my_wait(db, op, st));
        if (r) {
            if (got < nres)
                res[got++] = r;
            else
                mysql_free_result(r);
        } else if (mysql_field_count(db) != 0) {
            goto fail;
        }
        if (!mysql_more_results(db))
            break;
        st = mysql_next_result_start(&rc, db);
        while (st)
            st = mysql_next_result_cont(&rc, db, my_wait(db, op, st));
        if (rc > 0)
            goto fail;
        if (rc < 0)
            break;
    }
    /* MySQL ends a killed SLEEP() with a result, not an error: the statement
     * still did not run to its end. */
    if (op->sig) {
        my_capture(db, op, me);
        for (int i = 0; i < got; i++) {
            mysql_free_result(res[i]);
            res[i] = NULL;
        }
        return -1;
    }
    return 0;
fail:
    my_capture(db, op, me);
    for (int i = 0; i < got; i++) {
        mysql_free_result(res[i]);
        res[i] = NULL;
    }
    return -1;
}

/* An op for the tool's own short queries. */
static struct my_op my_short_op(struct my_conn *c)
{
    struct my_op op = {.c = c, .deadline = sg_now_ms() + MY_QUERY_TIMEOUT_MS};

    if (sg_signal_pending()) {
        /* Cleanup after a signal (unlock, a last ledger write): allowed, briefly. */
        op.ignore_signal = 1;
        op.deadline = sg_now_ms() + MY_CLEANUP_TIMEOUT_MS;
    }
    return op;
}

/* ----------------------------------------------------------- errors -- */

static int my_session_lost(unsigned num)
{
    switch (num) {
    case ER_SERVER_SHUTDOWN:
    case ER_CONNECTION_KILLED:
    case 1152: /* ER_ABORTING_CONNECTION */
    case 4031: /* MySQL 8: ER_CLIENT_INTERACTION_TIMEOUT */ return 1;
    default: return num >= CR_MIN_ERROR && num < 3000;
    }
}

/* Fills err from a failed call: a signal gives 128+N, a lost session 69,
 * lock waits 75, anything else `code`. `ctx` (may be "") is prefixed. */
static int my_fail(struct sg_error *err, const struct my_err *me, int code, const char *ctx)
{
    const char *sep = *ctx ? ": " : "";

    if (me->sig)
        return sg_error_set(err, SG_EX_SIGNAL_BASE + me->sig, "%s%sstopped by signal %d", ctx, sep,
                            me->sig);
    if (me->timed_out)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "%s%sno answer from the server within %d s; session abandoned", ctx,
                            sep, MY_QUERY_TIMEOUT_MS / 1000);
    if (my_session_lost(me->num))
        code = SG_EX_UNAVAILABLE;
    else if (me->num == ER_LOCK_WAIT_TIMEOUT || me->num == ER_LOCK_DEADLOCK)
        code = SG_EX_TEMPFAIL;
    snprintf(err->sqlstate, sizeof err->sqlstate, "%u", me->num);
    return sg_error_set(err, code, "%s%s%s (MySQL error %u, SQLSTATE %s)", ctx, sep, me->msg,
                        me->num, me->state);
}

/* Runs one of the tool's own statements; -1 with err set (context ctx). */
static int my_exec(struct my_conn *c, const struct my_buf *b, MYSQL_RES **res, int nres,
                   const char *ctx, struct sg_error *err)
{
    struct my_err me = {0};
    struct my_op op;

    if (b->oom)
        return sg_error_set(err, SG_EX_OSERR, "%s: out of memory", ctx);
    op = my_short_op(c);
    if (my_run(c, &op, b->p, b->n, res, nres, &me) < 0)
        return my_fail(err, &me, SG_EX_DATA, ctx);
    return 0;
}

/* The first column of the first row of a one-row result, or NULL (SQL NULL
 * or no row). Frees nothing. */
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
    if (p->password)
        explicit_bzero(p->password, strlen(p->password));
    free(p->host);
    free(p->user);
    free(p->password);
    free(p->db);
    free(p->socket);
    free(p->ssl_ca);
    free(p->ssl_cert);
    free(p->ssl_key);
    free(p->app_name);
    memset(p, 0, sizeof *p);
}

static int my_dup(char **dst, const char *s)
{
    if (!s)
        return 0;
    *dst = strdup(s);
    return *dst ? 0 : -1;
}

static const char *const my_known_params[] = {"ssl-mode",         "ssl-ca", "ssl-cert",
                                              "ssl-key",          "socket", "connect-timeout",
                                              "application-name", NULL};

static int my_params_parse(const struct sg_url *u, const struct sg_connect_opts *o,
                           struct my_params *p, struct sg_error *err)
{
    const char *mode = NULL;

    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < u->nparams; i++) {
        const char *k = u->params[i].key;
        size_t j;
        for (j = 0; my_known_params[j]; j++)
            if (strcmp(k, my_known_params[j]) == 0)
                break;
        if (!my_known_params[j]) {
            char alt[64];
            snprintf(alt, sizeof alt, "%s", k);
            for (char *a = alt; *a; a++)
                if (*a == '_')
                    *a = '-';
            for (j = 0; my_known_params[j]; j++)
                if (strcasecmp(alt, my_known_params[j]) == 0)
                    break;
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: unknown parameter '%.64s'%s%s%s (mysql URLs take "
                                "ssl-mode, ssl-ca, ssl-cert, ssl-key, socket, connect-timeout, "
                                "application-name)",
                                k, my_known_params[j] ? "; did you mean '" : "",
                                my_known_params[j] ? my_known_params[j] : "",
                                my_known_params[j] ? "'" : "");
        }
        for (size_t m = 0; m < i; m++)
            if (strcmp(u->params[m].key, k) == 0)
                return sg_error_set(err, SG_EX_CONFIG, "database URL: parameter '%s' given twice",
                                    k);
    }
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

    mode = sg_url_param(u, "ssl-mode");
    if (mode) {
        size_t j;
        for (j = 0; j < sizeof my_ssl_names / sizeof my_ssl_names[0]; j++)
            if (strcasecmp(mode, my_ssl_names[j]) == 0)
                break;
        if (j == sizeof my_ssl_names / sizeof my_ssl_names[0])
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: ssl-mode '%.32s' is not one of DISABLED, "
                                "REQUIRED, VERIFY_CA, VERIFY_IDENTITY (PREFERRED is refused: it "
                                "falls back to cleartext)",
                                mode);
        p->ssl = (enum my_ssl)j;
    } else if (sg_url_param(u, "ssl-ca")) {
        p->ssl = MY_SSL_VERIFY_CA; /* as mysql(1) does when only --ssl-ca is given */
    } else if (sg_url_param(u, "ssl-cert") || sg_url_param(u, "ssl-key")) {
        p->ssl = MY_SSL_REQUIRED;
    } else {
        p->ssl = MY_SSL_DISABLED;
    }
    if (p->ssl >= MY_SSL_VERIFY_CA && !sg_url_param(u, "ssl-ca"))
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: ssl-mode=%s needs ssl-ca=/path/to/ca.pem (the "
                            "client library verifies nothing without it)",
                            my_ssl_names[p->ssl]);
    if (p->ssl == MY_SSL_DISABLED &&
        (sg_url_param(u, "ssl-ca") || sg_url_param(u, "ssl-cert") || sg_url_param(u, "ssl-key")))
        return sg_error_set(err, SG_EX_CONFIG,
                            "database URL: ssl-mode=DISABLED contradicts ssl-ca/ssl-cert/ssl-key");
    if (!sg_url_param(u, "ssl-cert") != !sg_url_param(u, "ssl-key"))
        return sg_error_set(err, SG_EX_CONFIG, "database URL: ssl-cert and ssl-key go together");

    p->connect_timeout_s = MY_CONNECT_TIMEOUT_S;
    const char *ct = sg_url_param(u, "connect-timeout");
    if (ct) {
        long long ms;
        if (sg_duration_parse(ct, "database URL parameter connect-timeout", &ms, err) < 0)
            return -1;
        if (ms <= 0 || ms > 3600000LL)
            return sg_error_set(err, SG_EX_CONFIG,
                                "database URL: connect-timeout must be between 1s and 1h");
        p->connect_timeout_s = (unsigned)((ms + 999) / 1000);
    }
    p->port = (unsigned)u->port;
    const char *app = sg_url_param(u, "application-name");
    if (!app && o)
        app = o->application_name;
    if (my_dup(&p->host, (u->host && *u->host) ? u->host : NULL) < 0 ||
        my_dup(&p->user, u->user) < 0 || my_dup(&p->password, u->password) < 0 ||
        my_dup(&p->db, u->path) < 0 || my_dup(&p->socket, sock) < 0 ||
        my_dup(&p->ssl_ca, sg_url_param(u, "ssl-ca")) < 0 ||
        my_dup(&p->ssl_cert, sg_url_param(u, "ssl-cert")) < 0 ||
        my_dup(&p->ssl_key, sg_url_param(u, "ssl-key")) < 0 || my_dup(&p->app_name, app) < 0) {
        my_params_free(p);
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    }
    return 0;
}

/* Sets every option a session needs before connecting. 0 or -1. */
static int my_set_options(MYSQL *db, const struct my_params *p, unsigned connect_timeout_s,
                          int nonblock)
{
    my_bool off = 0, on = 1;
    unsigned int cto = connect_timeout_s, rw = MY_RW_TIMEOUT_S, no_infile = 0;

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
    if (p->socket) {
        unsigned int proto = MYSQL_PROTOCOL_SOCKET;
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

static const char *my_host_for_lib(const struct my_params *p)
{
    if (p->socket)
        return "localhost";
    return p->host;
}

/* Close-on-exec for the session socket (the `lock` command runs a child
 * under the lock), and TCP keepalive so a dead server is noticed in about a
 * minute even while a long statement runs (Linux defaults take 2 h 11 min). */
static void my_tune_socket(MYSQL *db)
{
    my_socket fd = mysql_get_socket(db);
    struct sockaddr_storage ss;
    socklen_t sl = sizeof ss;
    int one = 1, idle = 30, intvl = 10, cnt = 3;

    if (fd < 0)
        return;
    int fl = fcntl(fd, F_GETFD);
    if (fl >= 0)
        fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
    if (getsockname(fd, (struct sockaddr *)&ss, &sl) < 0 ||
        (ss.ss_family != AF_INET && ss.ss_family != AF_INET6))
        return;
    /* Best effort: a failure leaves the kernel defaults, which still work. */
    (void)setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
    (void)setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
}

/* Connects db (options already set) without blocking, honouring signals and
 * p->connect_timeout_s. 0, or -1 with me filled. */
static int my_connect_nb(MYSQL *db, const struct my_params *p, struct my_err *me)
{
    struct my_op op = {.deadline = sg_now_ms() + (long long)p->connect_timeout_s * 1000};
    MYSQL *ret = NULL;
    int st;

    st =
        mysql_real_connect_start(&ret, db, my_host_for_lib(p), p->user, p->password, p->db, p->port,
                                 p->socket, CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS);
    while (st)
        st = mysql_real_connect_cont(&ret, db, my_wait(db, &op, st));
    if (!ret) {
        my_capture(db, &op, me);
        return -1;
    }
    return 0;
}

static int my_connect_fail(struct sg_error *err, const struct sg_url *u, const struct my_err *me,
                           unsigned timeout_s)
{
    if (me->sig)
        return sg_error_set(err, SG_EX_SIGNAL_BASE + me->sig,
                            "stopped by signal %d while connecting to %s", me->sig, u->redacted);
    snprintf(err->sqlstate, sizeof err->sqlstate, "%u", me->num);
    if (me->timed_out)
        return sg_error_set(err, SG_EX_UNAVAILABLE,
                            "unable to connect to %s: no answer within %u s (connect-timeout)",
                            u->redacted, timeout_s);
    /* The server's text never holds the password ("using password: YES"). */
    return sg_error_set(err, SG_EX_UNAVAILABLE, "unable to connect to %s: %s (MySQL error %u)",
                        u->redacted, me->msg, me->num);
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

/* Galera and multi-primary Group Replication do not carry GET_LOCK across
 * nodes: two replicas on two nodes would both "hold" the lock. */
static int my_check_topology(struct my_conn *c, MYSQL_RES *vars, struct sg_error *err)
{
    const char *wsrep = my_var(vars, "wsrep_on");
    const char *single = my_var(vars, "group_replication_single_primary_mode");

    if (wsrep && (strcasecmp(wsrep, "ON") == 0 || strcmp(wsrep, "1") == 0))
        return sg_error_set(err, SG_EX_CONFIG,
                            "refusing a Galera cluster (wsrep_on=ON): GET_LOCK is local to one "
                            "node, so replicas connected to different nodes would migrate at "
                            "once; point schemagate at one fixed node with wsrep_on=OFF for its "
                            "session is not enough either -- use a non-Galera primary");
    if (single && (strcasecmp(single, "OFF") == 0 || strcmp(single, "0") == 0)) {
        struct my_buf b = {0};
        MYSQL_RES *r = NULL;
        b_str(&b, "SELECT COUNT(*) FROM performance_schema.replication_group_members "
                  "WHERE MEMBER_STATE = 'ONLINE'");
        int rc = my_exec(c, &b, &r, 1, "checking group replication", err);
        b_free(&b);
        if (rc < 0)
            return -1;
        const char *n = my_cell(r, 0);
        int online = n && atol(n) > 0;
        mysql_free_result(r);
        if (online)
            return sg_error_set(err, SG_EX_CONFIG,
                                "refusing multi-primary group replication "
                                "(group_replication_single_primary_mode=OFF): GET_LOCK is "
                                "local to one member, so replicas on different members would "
                                "migrate at once; use single-primary mode and the primary's "
                                "address");
    }
    return 0;
}

static void my_close(struct sg_conn *sc)
{
    struct my_conn *c = (struct my_conn *)sc;

    if (!c)
        return;
    if (c->db)
        mysql_close(c->db);
    my_params_free(&c->p);
    free(c);
}

static int my_lib_ready;

static struct sg_conn *my_connect(const struct sg_url *u, const struct sg_connect_opts *o,
                                  struct sg_error *err)
{
    struct my_conn *c;
    struct my_err me = {0};
    MYSQL_RES *res[2] = {NULL, NULL};
    struct my_buf b = {0};

    if (sg_signal_pending()) {
        sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                     "stopped by signal %d before connecting", sg_signal_pending());
        return NULL;
    }
    if (!(c = calloc(1, sizeof *c))) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        return NULL;
    }
    c->base.driver = &sg_driver_mysql;
    if (my_params_parse(u, o, &c->p, err) < 0) {
        free(c);
        return NULL;
    }
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
    if (my_set_options(c->db, &c->p, c->p.connect_timeout_s, 1) < 0) {
        sg_error_set(err, SG_EX_CONFIG, "unable to set MySQL client options: %s",
                     mysql_error(c->db));
        goto fail;
    }
    if (my_connect_nb(c->db, &c->p, &me) < 0) {
        my_connect_fail(err, u, &me, c->p.connect_timeout_s);
        goto fail;
    }
    my_tune_socket(c->db);
    if (c->p.ssl != MY_SSL_DISABLED && !mysql_get_ssl_cipher(c->db)) {
        sg_error_set(err, SG_EX_UNAVAILABLE,
                     "unable to connect to %s: ssl-mode=%s but the session is not encrypted",
                     u->redacted, my_ssl_names[c->p.ssl]);
        goto fail;
    }
    c->mariadb = mariadb_connection(c->db) ? 1 : 0;
    c->stmt_timeout_ms = o ? o->statement_timeout_ms : 0;

    /* One round trip for everything the session needs to know. */
    if (c->stmt_timeout_ms > 0) {
        if (c->mariadb)
            b_fmt(&b, "SET SESSION max_statement_time = %lld.%03lld;", c->stmt_timeout_ms / 1000,
                  c->stmt_timeout_ms % 1000);
        else
            /* MySQL bounds only read-only SELECTs this way (README). */
            b_fmt(&b, "SET SESSION max_execution_time = %lld;", c->stmt_timeout_ms);
    }
    b_str(&b, "SELECT CONNECTION_ID(), @@hostname, @@port, @@server_id, "
              "@@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout;"
              "SHOW GLOBAL VARIABLES WHERE Variable_name IN "
              "('wsrep_on', 'group_replication_single_primary_mode')");
    if (my_exec(c, &b, res, 2, "unable to set up the session", err) < 0)
        goto fail;
    MYSQL_ROW row = res[0] ? mysql_fetch_row(res[0]) : NULL;
    if (!row || !row[0] || mysql_num_fields(res[0]) < 6) {
        sg_error_set(err, SG_EX_SOFTWARE, "unexpected answer while setting up the session");
        goto fail;
    }
    c->id = strtoul(row[0], NULL, 10);
    snprintf(c->server, sizeof c->server, "%s:%s/%s", row[1] ? row[1] : "", row[2] ? row[2] : "",
             row[3] ? row[3] : "");
    c->lwt_orig = row[4] ? atoll(row[4]) : 0;
    c->ilwt_orig = row[5] ? atoll(row[5]) : 0;
    c->lwt_cur = -1;
    if (my_check_topology(c, res[1], err) < 0)
        goto fail;
    mysql_free_result(res[0]);
    mysql_free_result(res[1]);
    b_free(&b);
    return &c->base;
fail:
    mysql_free_result(res[0]);
    mysql_free_result(res[1]);
    b_free(&b);
    my_close(&c->base);
    return NULL;
}

/* Stops the statement running on c from a second connection to the same
 * server (KILL QUERY cannot be sent from a signal handler, nor on a session
 * that is busy). Best effort: on failure the caller abandons the socket. */
static void my_kill_query(struct my_conn *c)
{
    MYSQL *k = mysql_init(NULL);
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    char q[96], here[160];

    if (!k)
        return;
    if (my_set_options(k, &c->p, MY_KILL_TIMEOUT_S, 0) != 0)
        goto out;
    {
        unsigned int t = MY_KILL_TIMEOUT_S;
        mysql_options(k, MYSQL_OPT_READ_TIMEOUT, &t);
        mysql_options(k, MYSQL_OPT_WRITE_TIMEOUT, &t);
    }
    if (!mysql_real_connect(k, my_host_for_lib(&c->p), c->p.user, c->p.password, c->p.db, c->p.port,
                            c->p.socket, 0))
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

/* ------------------------------------------------------------ lock -- */

static int my_scope(struct sg_conn *sc, const char *table, char *buf, size_t size,
                    struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    MYSQL_RES *r = NULL;
    int rc = -1;

    b_str(&b, "SELECT DATABASE()");
    if (my_exec(c, &b, &r, 1, "unable to read the current database", err) < 0)
        goto out;
    const char *db = my_cell(r, 0);
    if (!db) {
        sg_error_set(err, SG_EX_CONFIG, "no current database: name one in the database URL");
        goto out;
    }
    /* GET_LOCK names are server-wide: the database must be part of it.
     * Pinned by a golden test (changing it splits a fleet mid-deploy). */
    int n = snprintf(buf, size, "mysql:%s.%s", db, table);
    if (n < 0 || (size_t)n >= size) {
        sg_error_set(err, SG_EX_CONFIG, "database and table names too long for the lock scope");
        goto out;
    }
    rc = 0;
out:
    mysql_free_result(r);
    b_free(&b);
    return rc;
}

/* Runs `SELECT <expr>` where expr mentions the lock name once as %s, and
 * returns its single value as 1/0, 2 for NULL, or -1. */
static int my_lock_query(struct my_conn *c, const char *before, const struct sg_lock *l,
                         const char *after, const char *ctx, struct sg_error *err)
{
    struct my_buf b = {0};
    MYSQL_RES *r = NULL;
    int rc = -1;

    b_str(&b, before);
    b_val(&b, l->name);
    b_str(&b, after);
    if (my_exec(c, &b, &r, 1, ctx, err) < 0)
        goto out;
    const char *v = my_cell(r, 0);
    rc = !v ? 2 : strcmp(v, "1") == 0 ? 1 : 0;
out:
    mysql_free_result(r);
    b_free(&b);
    return rc;
}

static int my_try_lock(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    /* Timeout 0: never a statement left waiting on the server. */
    int r = my_lock_query(c, "SELECT GET_LOCK(", l, ", 0)", "unable to take the lock", err);

    if (r == 2)
        return sg_error_set(err, SG_EX_SOFTWARE, "GET_LOCK(%s) returned NULL", l->name);
    return r;
}

static int my_lock_held(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    int r = my_lock_query(c, "SELECT IS_USED_LOCK(", l, ") = CONNECTION_ID()",
                          "unable to check the lock", err);

    return r == 2 ? 0 : r;
}

static int my_unlock(struct sg_conn *sc, const struct sg_lock *l, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    int r = my_lock_query(c, "SELECT RELEASE_LOCK(", l, ")", "unable to release the lock", err);

    if (r < 0)
        return -1;
    if (r != 1)
        return sg_error_set(err, SG_EX_SOFTWARE, "lock %s was not held by this session", l->desc);
    /* GET_LOCK nests within a session (MySQL 5.7+, MariaDB 10.0.2+): drain it. */
    for (int i = 0; i < 64; i++) {
        r = my_lock_held(sc, l, err);
        if (r <= 0)
            return r;
        if (my_lock_query(c, "SELECT RELEASE_LOCK(", l, ")", "unable to release the lock", err) < 0)
            return -1;
    }
    return 0;
}

static int my_lock_holder(struct sg_conn *sc, const struct sg_lock *l, char *buf, size_t size,
                          struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    int rc = -1;

    buf[0] = '\0';
    b_str(&b, "SELECT l.id, p.USER, p.HOST, p.TIME, p.COMMAND FROM (SELECT IS_USED_LOCK(");
    b_val(&b, l->name);
    b_str(&b, ") AS id) l LEFT JOIN information_schema.PROCESSLIST p ON p.ID = l.id");
    if (my_exec(c, &b, &r, 1, "unable to look up the lock holder", err) < 0)
        goto out;
    rc = 0;
    if (!r || !(row = mysql_fetch_row(r)) || !row[0])
        goto out; /* free right now */
    char id[32];
    snprintf(id, sizeof id, "%s", row[0]);
    if (!row[1]) {
        /* Without the PROCESS privilege only our own user's sessions show. */
        snprintf(buf, size, "connection %s", id);
        goto out;
    }
    char prog[128] = "";
    {
        /* The holder's program_name attribute ("schemagate host pid"), where
         * performance_schema records it (MySQL 8; MariaDB with it enabled). */
        struct my_buf q = {0};
        MYSQL_RES *a = NULL;
        struct sg_error ignored = {0};
        b_str(&q, "SELECT ATTR_VALUE FROM performance_schema.session_connect_attrs "
                  "WHERE ATTR_NAME = 'program_name' AND PROCESSLIST_ID = ");
        b_str(&q, id);
        if (strspn(id, "0123456789") == strlen(id) && my_exec(c, &q, &a, 1, "", &ignored) == 0) {
            const char *v = my_cell(a, 0);
            if (v)
                snprintf(prog, sizeof prog, " (%.100s)", v);
        }
        mysql_free_result(a);
        b_free(&q);
    }
    snprintf(buf, size, "connection %s%s user %.64s from %.80s for %s s", id, prog, row[1],
             row[2] ? row[2] : "?", row[3] ? row[3] : "?");
out:
    mysql_free_result(r);
    b_free(&b);
    return rc;
}

static long long my_session_id(struct sg_conn *sc, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    MYSQL_RES *r = NULL;
    long long id = -1;

    b_str(&b, "SELECT CONNECTION_ID()");
    if (my_exec(c, &b, &r, 1, "unable to read the connection id", err) == 0) {
        const char *v = my_cell(r, 0);
        if (v)
            id = atoll(v);
        else
            sg_error_set(err, SG_EX_SOFTWARE, "CONNECTION_ID() returned nothing");
    }
    mysql_free_result(r);
    b_free(&b);
    return id;
}

/* ---------------------------------------------------------- ledger -- */

static int my_ledger_create(struct sg_conn *sc, const char *table, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    int rc;

    b_str(&b, "CREATE TABLE IF NOT EXISTS ");
    b_ident(&b, table);
    b_str(&b, " (version VARCHAR(20) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, "
              "checksum CHAR(64) NOT NULL, "
              "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "
              "execution_ms BIGINT NOT NULL, applied_by VARCHAR(255) NOT NULL, "
              "dirty BOOLEAN NOT NULL DEFAULT FALSE, dirty_done INT NOT NULL DEFAULT 0) "
              "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    rc = my_exec(c, &b, NULL, 0, "unable to create the ledger table", err);
    b_free(&b);
    return rc;
}

static int my_ledger_read(struct sg_conn *sc, const char *table, struct sg_ledger *out,
                          struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    struct my_err me = {0};
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    int rc = -1;

    memset(out, 0, sizeof *out);
    /* applied_at holds UTC_TIMESTAMP() (written explicitly, never the
     * session time zone). */
    b_str(&b, "SELECT version, name, checksum, DATE_FORMAT(applied_at, '%Y-%m-%dT%H:%i:%sZ'), "
              "execution_ms, applied_by, dirty, dirty_done FROM ");
    b_ident(&b, table);
    if (b.oom)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    struct my_op op = my_short_op(c);
    if (my_run(c, &op, b.p, b.n, &r, 1, &me) < 0) {
        if (me.num == ER_NO_SUCH_TABLE && !me.sig && !me.timed_out)
            rc = 0; /* no ledger yet */
        else
            my_fail(err, &me, SG_EX_DATA, "unable to read the ledger");
        goto out;
    }
    out->exists = 1;
    while (r && (row = mysql_fetch_row(r))) {
        if (sg_ledger_push(out, row[0], row[1], row[2], row[3], row[4] ? atoll(row[4]) : 0, row[5],
                           row[6] && atoi(row[6]) != 0, row[7] ? atoll(row[7]) : 0) < 0) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            sg_ledger_free(out);
            goto out;
        }
    }
    sg_ledger_sort(out);
    rc = 0;
out:
    mysql_free_result(r);
    b_free(&b);
    return rc;
}

static void b_insert_row(struct my_buf *b, const char *table, const char *version, const char *name,
                         const char *checksum, long long ms, const char *applied_by, int dirty)
{
    b_str(b, "INSERT INTO ");
    b_ident(b, table);
    b_str(b, " (version, name, checksum, applied_at, execution_ms, applied_by, dirty, "
             "dirty_done) VALUES (");
    b_val(b, version);
    b_str(b, ", ");
    b_val(b, name);
    b_str(b, ", ");
    b_val(b, checksum);
    b_fmt(b, ", UTC_TIMESTAMP(), %lld, ", ms);
    b_val(b, applied_by);
    b_fmt(b, ", %d, 0)", dirty ? 1 : 0);
}

static void b_where_version(struct my_buf *b, const char *version)
{
    b_str(b, " WHERE version = ");
    b_val(b, version);
}

static int my_ledger_edit(struct sg_conn *sc, const char *table, enum sg_ledger_op op,
                          const struct sg_migration *m, const char *version, const char *applied_by,
                          struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    const char *v = version ? version : m ? m->version : NULL;
    int rc;

    if (!v)
        return sg_error_set(err, SG_EX_SOFTWARE, "ledger edit without a version");
    switch (op) {
    case SG_LEDGER_INSERT:
        b_insert_row(&b, table, v, m ? m->name : "", m ? m->checksum : "", 0,
                     applied_by ? applied_by : "", 0);
        break;
    case SG_LEDGER_DELETE:
        b_str(&b, "DELETE FROM ");
        b_ident(&b, table);
        b_where_version(&b, v);
        break;
    case SG_LEDGER_CLEAN:
        b_str(&b, "UPDATE ");
        b_ident(&b, table);
        b_str(&b, " SET dirty = 0");
        b_where_version(&b, v);
        break;
    default: return sg_error_set(err, SG_EX_SOFTWARE, "unknown ledger edit %d", (int)op);
    }
    /* COMMIT: durable even if some migration left autocommit off. */
    b_str(&b, "; COMMIT");
    rc = my_exec(c, &b, NULL, 0, "unable to update the ledger", err);
    b_free(&b);
    return rc;
}

/* Another tool's history (adopt): dbmate keeps version VARCHAR(128),
 * golang-migrate version BIGINT and dirty BOOLEAN. */
static int my_read_versions(struct sg_conn *sc, const char *table, int with_dirty,
                            struct sg_ledger *out, struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    struct my_buf b = {0};
    struct my_err me = {0};
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    int rc = -1;

    memset(out, 0, sizeof *out);
    b_str(&b, with_dirty ? "SELECT CAST(version AS CHAR), dirty <> 0 FROM "
                         : "SELECT CAST(version AS CHAR), 0 FROM ");
    b_ident(&b, table);
    if (b.oom)
        return sg_error_set(err, SG_EX_OSERR, "out of memory");
    struct my_op op = my_short_op(c);
    if (my_run(c, &op, b.p, b.n, &r, 1, &me) < 0) {
        if (me.num == ER_NO_SUCH_TABLE && !me.sig && !me.timed_out)
            rc = 0;
        else
            my_fail(err, &me, SG_EX_DATA, "unable to read the history table");
        goto out;
    }
    out->exists = 1;
    while (r && (row = mysql_fetch_row(r)))
        if (sg_ledger_push(out, row[0], "", "", "", 0, "", row[1] && strcmp(row[1], "1") == 0, 0) <
            0) {
            sg_error_set(err, SG_EX_OSERR, "out of memory");
            sg_ledger_free(out);
            goto out;
        }
    rc = 0;
out:
    mysql_free_result(r);
    b_free(&b);
    return rc;
}

/* ----------------------------------------------------------- apply -- */

/* The first one or two words of a statement, upper-cased, looking inside
 * MySQL executable comments (slash-star-bang NNNNN) as the server does. */
static void my_words(const char *s, size_t len, char *w1, char *w2, size_t size)
{
    char *dst[2] = {w1, w2};
    size_t i = 0;

    w1[0] = w2[0] = '\0';
    for (int w = 0; w < 2; w++) {
        for (;;) {
            while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                               s[i] == '\f' || s[i] == '('))
                i++;
            if (i + 1 < len && s[i] == '/' && s[i + 1] == '*') {
                if (i + 2 < len &&
                    (s[i + 2] == '!' || (s[i + 2] == 'M' && i + 3 < len && s[i + 3] == '!'))) {
                    i += s[i + 2] == '!' ? 3 : 4;
                    while (i < len && s[i] >= '0' && s[i] <= '9')
                        i++;
                    continue;
                }
                const char *e = NULL;
                for (size_t j = i + 2; j + 1 < len; j++)
                    if (s[j] == '*' && s[j + 1] == '/') {
                        e = s + j;
                        break;
                    }
                i = e ? (size_t)(e - s) + 2 : len;
                continue;
            }
            if (s[i] == '#' || (i + 2 < len && s[i] == '-' && s[i + 1] == '-' &&
                                (s[i + 2] == ' ' || s[i + 2] == '\t' || s[i + 2] == '\n'))) {
                while (i < len && s[i] != '\n')
                    i++;
                continue;
            }
            break;
        }
        size_t k = 0;
        while (i < len && k + 1 < size &&
               ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
                (k > 0 && s[i] >= '0' && s[i] <= '9'))) {
            char ch = s[i++];
            dst[w][k++] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 32) : ch;
        }
        dst[w][k] = '\0';
        if (k == 0)
            return;
    }
}

/* True if the statement certainly keeps a transaction open: plain DML.
 * Anything else (DDL, CALL, LOCK, account or server statements, SET
 * autocommit...) may commit implicitly and makes the migration dirty-tracked. */
static int my_is_dml(const char *s, size_t len)
{
    static const char *const dml[] = {"INSERT", "UPDATE",  "DELETE",   "REPLACE", "SELECT",
                                      "WITH",   "VALUES",  "TABLE",    "DO",      "LOAD",
                                      "SHOW",   "EXPLAIN", "DESCRIBE", "DESC",    NULL};
    char w1[24], w2[24];

    my_words(s, len, w1, w2, sizeof w1);
    if (strcmp(w1, "LOAD") == 0)
        return strcmp(w2, "DATA") == 0 || strcmp(w2, "XML") == 0;
    if (strcmp(w1, "SET") == 0) {
        static const char *const bad[] = {"PASSWORD",  "ROLE",   "DEFAULT", "TRANSACTION",
                                          "STATEMENT", "GLOBAL", NULL};
        for (int i = 0; bad[i]; i++)
            if (strcmp(w2, bad[i]) == 0)
                return 0;
        /* SET autocommit = 1 commits. */
        for (size_t i = 0; i + 10 <= len; i++)
            if (strncasecmp(s + i, "autocommit", 10) == 0)
                return 0;
        return 1;
    }
    for (int i = 0; dml[i]; i++)
        if (strcmp(w1, dml[i]) == 0)
            return 1;
    return 0;
}

/* Maps "... at line N" in a server message to the file line. */
static int my_err_line(const struct my_err *me, int stmt_line)
{
    const char *p = strstr(me->msg, " at line ");
    const char *last = NULL;

    while (p) {
        last = p;
        p = strstr(p + 1, " at line ");
    }
    if (last && (me->num == ER_PARSE_ERROR || me->num == ER_SYNTAX_ERROR)) {
        long n = strtol(last + 9, NULL, 10);
        if (n >= 1 && n < 1000000)
            return stmt_line + (int)n - 1;
    }
    return stmt_line;
}

/* One token of a statement: a word or identifier (backticks removed,
 * `db`.`t` joined), or a single punctuation byte. Skips blanks and
 * comments, and enters executable comments as the server does. */
static size_t my_token(const char *s, size_t len, size_t i, char *tok, size_t size)
{
    size_t k = 0;

    tok[0] = '\0';
    for (;;) {
        while (i < len &&
               (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            i++;
        if (i + 2 < len && s[i] == '/' && s[i + 1] == '*' && s[i + 2] == '!') {
            for (i += 3; i < len && s[i] >= '0' && s[i] <= '9'; i++)
                ;
            continue;
        }
        if (i + 1 < len && s[i] == '/' && s[i + 1] == '*') {
            for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++)
                ;
            i += 2;
            continue;
        }
        if (i + 1 < len && s[i] == '*' && s[i + 1] == '/') {
            i += 2;
            continue;
        }
        if (i < len && (s[i] == '#' || (i + 2 < len && s[i] == '-' && s[i + 1] == '-' &&
                                        (s[i + 2] == ' ' || s[i + 2] == '\t')))) {
            while (i < len && s[i] != '\n')
                i++;
            continue;
        }
        break;
    }
    if (i >= len)
        return len;
    for (;;) {
        if (s[i] == '`') {
            for (i++; i < len; i++) {
                if (s[i] == '`') {
                    if (i + 1 < len && s[i + 1] == '`')
                        i++;
                    else
                        break;
                }
                if (k + 1 < size)
                    tok[k++] = s[i];
            }
            i++;
        } else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                   (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '$' ||
                   (unsigned char)s[i] >= 0x80) {
            while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                               (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '$' ||
                               (unsigned char)s[i] >= 0x80)) {
                if (k + 1 < size)
                    tok[k++] = s[i];
                i++;
            }
        } else if (k == 0) {
            tok[k++] = s[i++];
            break;
        } else {
            break;
        }
        /* db.table */
        if (i < len && s[i] == '.' && k + 1 < size) {
            tok[k++] = '.';
            i++;
            continue;
        }
        break;
    }
    tok[k] = '\0';
    return i;
}

/* The table a statement works on, as written (ALTER TABLE t, CREATE INDEX
 * i ON t, DROP TABLE t, RENAME TABLE t, TRUNCATE t, INSERT INTO t, UPDATE t,
 * DELETE FROM t, ...), or "" when it cannot tell. Names the table in a
 * lock-timeout message; the server's message does not. */
static void my_target_table(const char *s, size_t len, char *out, size_t size)
{
    static const char *const skip[] = {"IF",     "NOT",       "EXISTS",
                                       "IGNORE", "ONLINE",    "LOW_PRIORITY",
                                       "QUICK",  "TEMPORARY", "NO_WRITE_TO_BINLOG",
                                       "LOCAL",  "ONLY",      NULL};
    char tok[192], first[24] = "";
    size_t i = 0;
    int take = 0;

    out[0] = '\0';
    for (int n = 0; n < 64 && i < len; n++) {
        i = my_token(s, len, i, tok, sizeof tok);
        if (!tok[0])
            return;
        int kw = 0;
        for (int j = 0; skip[j]; j++)
            if (strcasecmp(tok, skip[j]) == 0)
                kw = 1;
        if (take && !kw) {
            if (strcmp(tok, "(") == 0 || strcmp(tok, ",") == 0 || strcmp(tok, ";") == 0)
                return;
            snprintf(out, size, "%s", tok);
            return;
        }
        if (n == 0) {
            snprintf(first, sizeof first, "%.23s", tok);
            if (strcasecmp(tok, "UPDATE") == 0 || strcasecmp(tok, "TRUNCATE") == 0)
                take = 1;
            continue;
        }
        if (strcasecmp(tok, "TABLE") == 0 || strcasecmp(tok, "TABLES") == 0 ||
            strcasecmp(tok, "INTO") == 0 || strcasecmp(tok, "FROM") == 0 ||
            (strcasecmp(tok, "ON") == 0 &&
             (strcasecmp(first, "CREATE") == 0 || strcasecmp(first, "DROP") == 0)))
            take = 1;
    }
}

/* Best effort, after a lock wait timeout: who is in the way. MariaDB names
 * metadata-lock holders only with the metadata_lock_info plugin, MySQL 8 in
 * performance_schema.metadata_locks; where neither answers, name the oldest
 * open transaction, which in the classic outage is the blocker. */
static void my_blocker(struct my_conn *c, const char *table, char *buf, size_t size)
{
    struct my_buf b = {0};
    MYSQL_RES *r = NULL;
    MYSQL_ROW row;
    struct sg_error ignored = {0};
    char schema[192] = "", name[192] = "";
    static const char *const cols =
        "p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), p.TIME, "
        "LEFT(REPLACE(REPLACE(IFNULL(p.INFO, ''), CHAR(10), ' '), CHAR(13), ' '), 80) ";
    const char *how = "likely blocker:";

    buf[0] = '\0';
    if (table && *table) {
        const char *dot = strchr(table, '.');
        if (dot) {
            snprintf(schema, sizeof schema, "%.*s", (int)(dot - table), table);
            snprintf(name, sizeof name, "%s", dot + 1);
        } else {
            snprintf(name, sizeof name, "%s", table);
        }
        /* MariaDB with metadata_lock_info. */
        b_str(&b, "SELECT m.THREAD_ID, ");
        b_str(&b, cols);
        b_str(&b, "FROM information_schema.METADATA_LOCK_INFO m "
                  "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = m.THREAD_ID "
                  "LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = "
                  "m.THREAD_ID WHERE m.THREAD_ID <> CONNECTION_ID() AND m.TABLE_SCHEMA = ");
        if (*schema)
            b_val(&b, schema);
        else
            b_str(&b, "DATABASE()");
        b_str(&b, " AND m.TABLE_NAME = ");
        b_val(&b, name);
        b_str(&b, " ORDER BY t.trx_started IS NULL, t.trx_started, p.TIME DESC LIMIT 1");
        if (my_exec(c, &b, &r, 1, "", &ignored) == 0 && r && (row = mysql_fetch_row(r)) && row[0]) {
            how = "blocked by";
            goto found;
        }
        mysql_free_result(r);
        r = NULL;
        b_free(&b);
        /* MySQL 8. */
        b_str(&b, "SELECT th.PROCESSLIST_ID, ");
        b_str(&b, cols);
        b_str(&b, "FROM performance_schema.metadata_locks m "
                  "JOIN performance_schema.threads th ON th.THREAD_ID = m.OWNER_THREAD_ID "
                  "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = th.PROCESSLIST_ID "
                  "LEFT JOIN information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = "
                  "th.PROCESSLIST_ID WHERE m.OBJECT_TYPE = 'TABLE' AND m.LOCK_STATUS = "
                  "'GRANTED' AND th.PROCESSLIST_ID <> CONNECTION_ID() AND m.OBJECT_SCHEMA = ");
        if (*schema)
            b_val(&b, schema);
        else
            b_str(&b, "DATABASE()");
        b_str(&b, " AND m.OBJECT_NAME = ");
        b_val(&b, name);
        b_str(&b, " ORDER BY t.trx_started IS NULL, t.trx_started, p.TIME DESC LIMIT 1");
        if (my_exec(c, &b, &r, 1, "", &ignored) == 0 && r && (row = mysql_fetch_row(r)) && row[0]) {
            how = "blocked by";
            goto found;
        }
        mysql_free_result(r);
        r = NULL;
        b_free(&b);
    }
    b_str(&b, "SELECT t.trx_mysql_thread_id, ");
    b_str(&b, cols);
    b_str(&b, "FROM information_schema.INNODB_TRX t "
              "LEFT JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
              "WHERE t.trx_mysql_thread_id <> CONNECTION_ID() ORDER BY t.trx_started LIMIT 1");
    if (my_exec(c, &b, &r, 1, "", &ignored) == 0 && r && (row = mysql_fetch_row(r)) && row[0])
        goto found;
    snprintf(buf, size,
             "%s%s%sblocker unknown (no other open transaction visible; naming it "
             "needs the PROCESS privilege)",
             *name ? "waited for table " : "", name, *name ? "; " : "");
    goto out;
found:
    /* row: id, user, host, command, transaction age, time in state, query */
    {
        struct my_buf m = {0};
        int idle = row[3] && strcmp(row[3], "Sleep") == 0;
        if (*name) {
            b_str(&m, "waited for table ");
            b_str(&m, name);
            b_str(&m, "; ");
        }
        b_str(&m, how);
        b_str(&m, " connection ");
        b_str(&m, row[0]);
        b_fmt(&m, " (%.32s@%.64s)", row[1] ? row[1] : "?", row[2] ? row[2] : "?");
        if (row[4])
            b_fmt(&m, ", in a transaction open for %.20s s", row[4]);
        if (idle && row[5])
            b_fmt(&m, ", idle for %.20s s", row[5]);
        if (!idle && row[6] && *row[6]) {
            b_str(&m, ", running: ");
            b_str(&m, row[6]);
        }
        if (!m.oom && m.p) {
            size_t n = m.n < size - 1 ? m.n : size - 1;
            memcpy(buf, m.p, n);
            buf[n] = '\0';
        }
        b_free(&m);
    }
out:
    mysql_free_result(r);
    b_free(&b);
}

/* Makes the session's table-lock waits match the step (issue 9): a table
 * lock is waited for at most this long, so a migration never queues the
 * application's queries behind it for longer. GET_LOCK ignores both. */
static int my_set_lock_timeout(struct my_conn *c, long long ms, struct sg_error *err)
{
    long long lwt = ms > 0 ? (ms + 999) / 1000 : c->lwt_orig;
    long long ilwt = ms > 0 ? (ms + 999) / 1000 : c->ilwt_orig;
    struct my_buf b = {0};
    int rc;

    if (lwt < 1)
        lwt = 1;
    if (ilwt < 1)
        ilwt = 1;
    if (c->lwt_cur == lwt * 100000000LL + ilwt)
        return 0;
    b_fmt(&b, "SET SESSION lock_wait_timeout = %lld, SESSION innodb_lock_wait_timeout = %lld", lwt,
          ilwt);
    rc = my_exec(c, &b, NULL, 0, "unable to set the table-lock timeout", err);
    b_free(&b);
    if (rc == 0)
        c->lwt_cur = lwt * 100000000LL + ilwt;
    return rc;
}

/* The statement in a message: at most 60 bytes of it, on one line. */
static void my_snippet(const char *s, size_t len, char *out, size_t size)
{
    size_t k = 0;

    for (size_t i = 0; i < len && k + 4 < size && k < 60; i++)
        out[k++] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ? ' ' : s[i];
    if (k < len && k + 4 <= size) {
        memcpy(out + k, "...", 3);
        k += 3;
    }
    out[k] = '\0';
}

/* Runs one migration statement (killable, no client deadline: it may
 * legitimately take hours; a dead server is caught by keepalive). */
static int my_run_stmt(struct my_conn *c, const char *sql, const struct sg_stmt *st,
                       struct my_err *me)
{
    struct my_op op = {.c = c};

    return my_run(c, &op, sql + st->off, st->len, NULL, 0, me);
}

struct my_apply {
    struct my_conn *c;
    const char *table;
    const struct sg_step *s;
    const struct sg_section *sec;
    const char *file;
    struct sg_stmt *stmts;
    size_t n;
    long long t0;
};

/* err for a failed migration statement i: "FILE:LINE: message (...)". */
static int my_stmt_fail(struct my_apply *a, size_t i, const struct my_err *me, struct sg_error *err)
{
    char where[300];
    int line = my_err_line(me, a->stmts[i].line);

    snprintf(where, sizeof where, "%s:%d", a->file, line);
    if (me->sig)
        return sg_error_set(err, SG_EX_SIGNAL_BASE + me->sig,
                            "%s: stopped by signal %d (KILL QUERY sent)", where, me->sig);
    my_fail(err, me, SG_EX_DATA, where);
    if (err->code == SG_EX_TEMPFAIL) {
        char who[320], table[192];
        my_target_table(a->sec->sql + a->stmts[i].off, a->stmts[i].len, table, sizeof table);
        my_blocker(a->c, table, who, sizeof who);
        size_t l = strlen(err->msg);
        snprintf(err->msg + l, sizeof err->msg - l, "; %s", who);
    }
    return -1;
}

/* Appends the dirty-state explanation to a failure (keeping its code). */
static void my_dirty_note(struct my_apply *a, size_t done, size_t failed, struct sg_error *err)
{
    const struct sg_migration *m = a->s->m;
    char snip[72];
    size_t l = strlen(err->msg);

    my_snippet(a->sec->sql + a->stmts[failed].off, a->stmts[failed].len, snip, sizeof snip);
    snprintf(err->msg + l, sizeof err->msg - l,
             "; migration %s is left dirty: %zu of %zu statement(s) were applied before the "
             "failing one at line %d (%s); fix the database by hand, then run 'schemagate "
             "repair %s --applied' or '--not-applied'",
             m->version, done, a->n, a->stmts[failed].line, snip, m->version);
}

static int my_ledger_progress(struct my_apply *a, const char *set, long long v, const char *tail,
                              struct sg_error *err)
{
    struct my_buf b = {0};
    int rc;

    b_str(&b, "UPDATE ");
    b_ident(&b, a->table);
    b_fmt(&b, " SET %s%lld", set, v);
    b_where_version(&b, a->s->m->version);
    if (tail)
        b_str(&b, tail);
    rc = my_exec(a->c, &b, NULL, 0, "unable to update the ledger", err);
    b_free(&b);
    return rc;
}

/* DML only: START TRANSACTION; statements; ledger row; COMMIT. Any failure
 * rolls back everything, migration and row together. */
static int my_apply_txn(struct my_apply *a, struct sg_error *err)
{
    const struct sg_migration *m = a->s->m;
    struct my_buf b = {0};
    struct my_err me = {0};
    int rc = -1;

    b_str(&b, "START TRANSACTION");
    if (my_exec(a->c, &b, NULL, 0, "unable to start a transaction", err) < 0)
        goto out;
    for (size_t i = 0; i < a->n; i++) {
        if (my_run_stmt(a->c, a->sec->sql, &a->stmts[i], &me) < 0) {
            my_stmt_fail(a, i, &me, err);
            goto rollback;
        }
    }
    b_free(&b);
    if (a->s->down) {
        b_str(&b, "DELETE FROM ");
        b_ident(&b, a->table);
        b_where_version(&b, m->version);
    } else {
        b_insert_row(&b, a->table, m->version, m->name, m->checksum, sg_now_ms() - a->t0,
                     a->s->applied_by, 0);
    }
    b_str(&b, "; COMMIT");
    /* No client deadline: committing a large data migration takes its time. */
    struct my_op op = {.c = a->c};
    if (b.oom) {
        sg_error_set(err, SG_EX_OSERR, "out of memory");
        goto rollback;
    }
    if (my_run(a->c, &op, b.p, b.n, NULL, 0, &me) < 0) {
        my_fail(err, &me, SG_EX_DATA, "unable to record the migration");
        goto rollback;
    }
    rc = 0;
    goto out;
rollback:
    /* After a signal or a lost session, closing the session rolls back. */
    if (err->code != SG_EX_UNAVAILABLE && err->code < SG_EX_SIGNAL_BASE) {
        struct sg_error e2 = {0};
        b_free(&b);
        b_str(&b, "ROLLBACK");
        if (my_exec(a->c, &b, NULL, 0, "rollback", &e2) < 0)
            sg_log(SG_LOG_WARN, "rollback_failed", SG_F(SG_S("error", e2.msg)),
                   "ROLLBACK failed: %s (the session will be closed)", e2.msg);
    }
out:
    b_free(&b);
    return rc;
}

/* Errors the server raises while parsing, resolving names or checking
 * privileges, or while waiting for a lock -- before the statement changed
 * anything. Not 1051 (DROP TABLE a, missing: MySQL 5.7 drops a first). */
static int my_refused_before_running(unsigned num)
{
    switch (num) {
    case ER_PARSE_ERROR:
    case ER_SYNTAX_ERROR:
    case ER_UNKNOWN_DATA_TYPE:
    case ER_NO_SUCH_TABLE:
    case ER_BAD_FIELD_ERROR:
    case ER_TABLE_EXISTS_ERROR:
    case ER_DUP_FIELDNAME:
    case ER_DUP_KEYNAME:
    case ER_CANT_DROP_FIELD_OR_KEY:
    case ER_TABLEACCESS_DENIED_ERROR:
    case ER_DBACCESS_DENIED_ERROR:
    case ER_SPECIFIC_ACCESS_DENIED_ERROR:
    case ER_LOCK_WAIT_TIMEOUT:
    case ER_LOCK_DEADLOCK: return 1;
    default: return 0;
    }
}

/* Does any statement before `upto` manage a transaction itself? */
static int my_has_txn_control(const struct my_apply *a, size_t upto)
{
    for (size_t i = 0; i < upto; i++)
        if (sg_sql_is_txn_control(a->sec->sql + a->stmts[i].off, a->stmts[i].len, SG_DIALECT_MYSQL))
            return 1;
    return 0;
}

/* DDL or transaction:false: the ledger row goes dirty first (committed),
 * statements run in autocommit with dirty_done advanced after each, and the
 * row is cleaned (or, going down, deleted) at the end. One extra round trip
 * per statement buys an exact dirty_done after a crash; DDL is slow anyway. */
static int my_apply_dirty(struct my_apply *a, struct sg_error *err)
{
    struct my_conn *c = a->c;
    const struct sg_migration *m = a->s->m;
    struct my_buf b = {0};
    struct my_err me = {0};
    size_t first = 0;
    int rc = -1;

    if (c->resume_at > 0 && strcmp(c->resume_version, m->version) == 0 &&
        c->resume_down == a->s->down) {
        /* The engine's retry after a table-lock timeout on this session:
         * statements before resume_at ran, the one at it never started. */
        first = c->resume_at;
    } else if (a->s->down) {
        if (my_ledger_progress(a, "dirty = 1, dirty_done = ", 0, "; COMMIT", err) < 0)
            goto out;
    } else {
        b_insert_row(&b, a->table, m->version, m->name, m->checksum, 0, a->s->applied_by, 1);
        b_str(&b, "; COMMIT");
        if (my_exec(c, &b, NULL, 0, "unable to mark the migration dirty", err) < 0)
            goto out;
    }
    c->resume_at = 0;
    for (size_t i = first; i < a->n; i++) {
        if (my_run_stmt(c, a->sec->sql, &a->stmts[i], &me) == 0) {
            /* The last statement's count is written with the clean-up below. */
            if (i + 1 < a->n &&
                my_ledger_progress(a, "dirty_done = ", (long long)(i + 1), NULL, err) < 0) {
                sg_error_prefix(err,
                                "%s:%d: statement %zu of %zu ran, but migration %s stays "
                                "dirty with an older count",
                                a->file, a->stmts[i].line, i + 1, a->n, m->version);
                goto out;
            }
            continue;
        }
        my_stmt_fail(a, i, &me, err);
        if (me.sig || me.timed_out)
            goto dirty;
        /* Nothing ran if the very first statement was refused before it
         * started: the migration is not dirty, and a lock timeout stays
         * retryable as a whole. */
        if (i == 0 && my_refused_before_running(me.num)) {
            struct sg_error e2 = {0};
            b_free(&b);
            if (a->s->down) {
                b_str(&b, "UPDATE ");
                b_ident(&b, a->table);
                b_str(&b, " SET dirty = 0, dirty_done = 0");
            } else {
                b_str(&b, "DELETE FROM ");
                b_ident(&b, a->table);
            }
            b_where_version(&b, m->version);
            b_str(&b, "; COMMIT");
            if (my_exec(c, &b, NULL, 0, "", &e2) == 0)
                goto out;
        }
        /* A later statement that never got its table lock did not start
         * either: the engine may retry it alone on this session (issue 9),
         * unless the migration manages its own transactions, which a
         * deadlock would have rolled back behind our back. */
        if (err->code == SG_EX_TEMPFAIL && i > 0 && !my_has_txn_control(a, i)) {
            snprintf(c->resume_version, sizeof c->resume_version, "%s", m->version);
            c->resume_down = a->s->down;
            c->resume_at = i;
            size_t l = strlen(err->msg);
            snprintf(err->msg + l, sizeof err->msg - l,
                     "; %zu of %zu statement(s) of migration %s were applied and this one did "
                     "not start: a retry resumes here, and if schemagate gives up the migration "
                     "stays dirty ('schemagate repair %s')",
                     i, a->n, m->version, m->version);
            goto out;
        }
        if (err->code == SG_EX_TEMPFAIL)
            err->code = SG_EX_DATA;
dirty:
        my_dirty_note(a, i, i, err);
        goto out;
    }
    if (c->db->server_status & SERVER_STATUS_IN_TRANS) {
        sg_error_set(err, SG_EX_DATA,
                     "%s: the migration leaves a transaction open (START TRANSACTION without "
                     "COMMIT); migration %s is left dirty with all %zu statement(s) run: "
                     "inspect, then run 'schemagate repair %s --applied' or '--not-applied'",
                     a->file, m->version, a->n, m->version);
        goto out;
    }
    b_free(&b);
    if (a->s->down) {
        b_str(&b, "DELETE FROM ");
        b_ident(&b, a->table);
        b_where_version(&b, m->version);
    } else {
        b_str(&b, "UPDATE ");
        b_ident(&b, a->table);
        b_fmt(&b,
              " SET dirty = 0, dirty_done = %zu, execution_ms = %lld, "
              "applied_at = UTC_TIMESTAMP()",
              a->n, sg_now_ms() - a->t0);
        b_where_version(&b, m->version);
    }
    b_str(&b, "; COMMIT");
    if (my_exec(c, &b, NULL, 0, "unable to record the migration", err) < 0) {
        sg_error_prefix(err, "%s: all %zu statement(s) ran but migration %s stays dirty", a->file,
                        a->n, m->version);
        goto out;
    }
    rc = 0;
out:
    b_free(&b);
    return rc;
}

static int my_apply(struct sg_conn *sc, const char *table, const struct sg_step *s,
                    struct sg_error *err)
{
    struct my_conn *c = (struct my_conn *)sc;
    const struct sg_migration *m = s->m;
    struct my_apply a = {.c = c, .table = table, .s = s};
    int dirty = m->no_transaction, rc = -1;

    a.sec = s->down ? &m->down : &m->up;
    a.file = a.sec->file ? a.sec->file : (s->down && m->down_file) ? m->down_file : m->file;
    if (sg_signal_pending())
        return sg_error_set(err, SG_EX_SIGNAL_BASE + sg_signal_pending(),
                            "stopped by signal %d before %s", sg_signal_pending(), a.file);
    if (!a.sec->sql)
        return sg_error_set(err, SG_EX_DATA, "%s has no %s section", a.file,
                            s->down ? "down" : "up");
    if (sg_sql_split(a.sec->sql, a.sec->len, SG_DIALECT_MYSQL, a.file, a.sec->line, &a.stmts, &a.n,
                     err) < 0)
        return -1;
    for (size_t i = 0; i < a.n; i++) {
        const char *st = a.sec->sql + a.stmts[i].off;
        if (!m->no_transaction && sg_sql_is_txn_control(st, a.stmts[i].len, SG_DIALECT_MYSQL)) {
            char snip[72];
            my_snippet(st, a.stmts[i].len, snip, sizeof snip);
            sg_error_set(err, SG_EX_DATA,
                         "%s:%d: transaction control (%s) is not allowed here: schemagate "
                         "brackets each migration itself; remove it, or mark the migration "
                         "transaction:false",
                         a.file, a.stmts[i].line, snip);
            goto out;
        }
        if (!my_is_dml(st, a.stmts[i].len))
            dirty = 1;
    }
    if (my_set_lock_timeout(c, s->lock_timeout_ms, err) < 0)
        goto out;
    a.t0 = sg_now_ms();
    rc = dirty ? my_apply_dirty(&a, err) : my_apply_txn(&a, err);
out:
    free(a.stmts);
    return rc;
}

static const char *const my_schemes[] = {"mysql", "mariadb", NULL};

const struct sg_driver sg_driver_mysql = {
    .name = "mysql",
    .schemes = my_schemes,
    .caps = SG_CAP_LOCK_SESSION_ID | SG_CAP_NAMED_LOCK,
    .connect = my_connect,
    .close = my_close,
    .scope = my_scope,
    .try_lock = my_try_lock,
    .unlock = my_unlock,
    .lock_holder = my_lock_holder,
    .lock_held = my_lock_held,
    .ledger_read = my_ledger_read,
    .ledger_create = my_ledger_create,
    .apply = my_apply,
    .ledger_edit = my_ledger_edit,
    .session_id = my_session_id,
    /* NULL: a signal handler can do nothing useful with a MySQL session;
     * the poll loop above notices the signal and sends KILL QUERY. */
    .interrupt = NULL,
    .read_versions = my_read_versions,
};
