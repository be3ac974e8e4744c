# shellcheck shell=bash
# tests/lib/mariadb.sh -- a throwaway MariaDB server for the tests, sourced by bash.
#
#   . tests/lib/mariadb.sh
#   mariadb_start [--mariadbd-option=value ...]   # e.g. --max-connections=100
#   mariadb_sql "SELECT 1"                        # as root, over the socket
#   mariadb_stop                                  # also runs on EXIT unless a trap is set
#
# mariadb_start runs mariadb-install-db into a fresh temp dir (as the `mysql`
# user when run as root), starts mariadbd listening on 127.0.0.1 only, on a free
# port, with its socket in the temp dir, and exports:
#   MYTEST_DIR      the temp dir (data/, mysqld.sock, mysqld.log)
#   MYTEST_PORT     the TCP port
#   MYTEST_SOCKET   the Unix socket
#   MYTEST_PASSWORD root's password (root@127.0.0.1 and root@localhost, mysql_native_password)
#   MYTEST_URL      mysql://root:PASSWORD@127.0.0.1:PORT/sgtest (database created; sgtest2 too)
#   MYTEST_USER, MYTEST_USER_PASSWORD
#                   a non-root user (ALL on sg%.*, PROCESS) whose password needs
#                   percent-encoding in a URL, for password and privilege tests
# Everything is fsync-free and small: it is a test server, started in about 2 s.

MYTEST_PASSWORD=${MYTEST_PASSWORD:-sg-root-pw}
MYTEST_USER=sguser
# Every character a URL parser could trip on: @ : / % ? & # and a space.
MYTEST_USER_PASSWORD='p@ss:w/rd%?&# x'

_mariadb_log() { printf 'mariadb.sh: %s\n' "$*" >&2; }

_mariadb_free_port() {
    # A random high port nobody listens on; mariadbd itself is the final judge
    # (mariadb_start retries on a bind failure).
    local p _
    for _ in $(seq 1 50); do
        p=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

mariadb_sql() {
    mariadb --no-defaults --protocol=socket --socket="$MYTEST_SOCKET" -uroot \
        --password="$MYTEST_PASSWORD" -N -B -e "$1"
}

mariadb_start() {
    local sbin bin as_user=() owner pid ok _
    sbin=$(command -v mariadbd || echo /usr/sbin/mariadbd)
    bin=$(command -v mariadb-install-db || true)
    if [ ! -x "$sbin" ] || [ -z "$bin" ]; then
        _mariadb_log "mariadbd / mariadb-install-db not found (apt-get install mariadb-server)"
        return 1
    fi
    MYTEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sg-mariadb.XXXXXX") || return 1
    chmod 0755 "$MYTEST_DIR"
    if [ "$(id -u)" = 0 ]; then
        owner=mysql
        chown mysql: "$MYTEST_DIR"
        as_user=(--user=mysql)
    fi
    MYTEST_SOCKET=$MYTEST_DIR/mysqld.sock
    if ! mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$MYTEST_DIR/data" \
        --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
        >"$MYTEST_DIR/install.log" 2>&1; then
        _mariadb_log "mariadb-install-db failed:"
        cat "$MYTEST_DIR/install.log" >&2
        return 1
    fi
    for _ in 1 2 3 4 5; do
        MYTEST_PORT=$(_mariadb_free_port) || return 1
        : >"$MYTEST_DIR/mysqld.log"
        [ -n "$owner" ] && chown "$owner": "$MYTEST_DIR/mysqld.log"
        "$sbin" --no-defaults "${as_user[@]}" --datadir="$MYTEST_DIR/data" \
            --socket="$MYTEST_SOCKET" --port="$MYTEST_PORT" --bind-address=127.0.0.1 \
            --pid-file="$MYTEST_DIR/mysqld.pid" --log-error="$MYTEST_DIR/mysqld.log" \
            --skip-name-resolve --skip-log-bin --innodb-buffer-pool-size=32M \
            --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 \
            --innodb-doublewrite=0 --sync-frm=0 --character-set-server=utf8mb4 \
            "$@" >/dev/null 2>&1 </dev/null &
        pid=$!
        ok=
        for _ in $(seq 1 300); do
            if ! kill -0 "$pid" 2>/dev/null; then
                break
            fi
            if [ -S "$MYTEST_SOCKET" ] && mariadb-admin --no-defaults --protocol=socket \
                --socket="$MYTEST_SOCKET" -uroot --connect-timeout=2 ping >/dev/null 2>&1; then
                ok=1
                break
            fi
            sleep 0.05
        done
        [ -n "$ok" ] && break
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        if grep -q "Address already in use" "$MYTEST_DIR/mysqld.log"; then
            continue
        fi
        _mariadb_log "mariadbd did not start:"
        tail -n 30 "$MYTEST_DIR/mysqld.log" >&2
        return 1
    done
    if [ -z "$ok" ]; then
        _mariadb_log "no free port found"
        return 1
    fi
    MYTEST_PID=$pid
    # root has no password yet (install-db --auth-root-authentication-method=normal).
    local q="ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('$MYTEST_PASSWORD');
        CREATE USER IF NOT EXISTS root@'127.0.0.1';
        ALTER USER root@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('$MYTEST_PASSWORD');
        GRANT ALL ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;
        CREATE USER $MYTEST_USER@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('${MYTEST_USER_PASSWORD//\'/\'\'}');
        GRANT ALL ON \`sg%\`.* TO $MYTEST_USER@'%';
        GRANT PROCESS ON *.* TO $MYTEST_USER@'%';
        DELETE FROM mysql.global_priv WHERE Host NOT IN ('localhost', '127.0.0.1', '%');
        FLUSH PRIVILEGES;
        CREATE DATABASE sgtest; CREATE DATABASE sgtest2;"
    if ! mariadb --no-defaults --protocol=socket --socket="$MYTEST_SOCKET" -uroot -e "$q"; then
        _mariadb_log "could not set up users"
        mariadb_stop
        return 1
    fi
    MYTEST_URL="mysql://root:$MYTEST_PASSWORD@127.0.0.1:$MYTEST_PORT/sgtest"
    export MYTEST_DIR MYTEST_PORT MYTEST_SOCKET MYTEST_PASSWORD MYTEST_URL MYTEST_PID \
        MYTEST_USER MYTEST_USER_PASSWORD
    if [ -z "$(trap -p EXIT)" ]; then
        trap mariadb_stop EXIT
    fi
    return 0
}

mariadb_stop() {
    local _
    if [ -n "$MYTEST_PID" ] && kill -0 "$MYTEST_PID" 2>/dev/null; then
        kill "$MYTEST_PID" 2>/dev/null
        for _ in $(seq 1 200); do
            kill -0 "$MYTEST_PID" 2>/dev/null || break
            sleep 0.05
        done
        kill -9 "$MYTEST_PID" 2>/dev/null
        wait "$MYTEST_PID" 2>/dev/null
    fi
    if [ -n "$MYTEST_DIR" ] && [ -d "$MYTEST_DIR" ]; then
        rm -rf "$MYTEST_DIR"
    fi
    MYTEST_PID=
    MYTEST_DIR=
    return 0
}
