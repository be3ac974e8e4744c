# pg.sh -- a throwaway PostgreSQL server for test scripts (sourced by bash).
#
#   . tests/lib/pg.sh
#   pg_start [-c name=value ...]   # initdb + start; exports PGTEST_*; stops on exit
#   pg_psql "SELECT 1"             # psql -X -q -At against it, as postgres
#   pg_stop                        # idempotent
#
# Exports PGTEST_DIR (temp dir: data/, log, socket), PGTEST_PORT, PGTEST_URL
# (postgres://postgres@127.0.0.1:PORT/postgres, trust auth), PGTEST_PW_URL
# (a superuser "sg_pw" that must authenticate with SCRAM, password in
# PGTEST_PW_PASSWORD) and PGTEST_BIN (the server's bin dir). The server
# listens on 127.0.0.1 only, fsync is off, the socket lives in PGTEST_DIR.
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
# One server per script process.

pg__as() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg__bindir() {
    local d
    for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return 0
    fi
    d=$(command -v initdb 2>/dev/null) && { dirname "$d"; return 0; }
    return 1
}

# A TCP port nobody listens on (the start below retries if we lose a race).
pg__free_port() {
    local p _
    for _ in $(seq 1 50); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

pg_start() {
    local extra=() try
    while [ $# -gt 0 ]; do
        case "$1" in
        -c) extra+=(-c "$2"); shift 2 ;;
        -c*) extra+=(-c "${1#-c}"); shift ;;
        *) echo "pg_start: unknown argument $1" >&2; return 64 ;;
        esac
    done
    PGTEST_BIN=$(pg__bindir) || { echo "pg_start: no PostgreSQL server binaries (install postgresql)" >&2; return 69; }
    PGTEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sg-pg.XXXXXX") || return 71
    chmod 0755 "$PGTEST_DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$PGTEST_DIR"
    pg__install_trap
    if ! pg__as "$PGTEST_BIN/initdb" -D "$PGTEST_DIR/data" -U postgres -A trust -E UTF8 \
            --locale=C --no-sync >"$PGTEST_DIR/initdb.log" 2>&1; then
        cat "$PGTEST_DIR/initdb.log" >&2
        return 70
    fi
    # SCRAM for the password user (first match wins), trust for everyone else.
    pg__as sh -c "{ printf 'host all sg_pw 127.0.0.1/32 scram-sha-256\n'; cat '$PGTEST_DIR/data/pg_hba.conf'; } > '$PGTEST_DIR/hba.tmp' && mv '$PGTEST_DIR/hba.tmp' '$PGTEST_DIR/data/pg_hba.conf'"
    for try in 1 2 3 4 5; do
        PGTEST_PORT=$(pg__free_port) || return 71
        if pg__as "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -l "$PGTEST_DIR/log" -w -t 60 \
                -o "-c listen_addresses=127.0.0.1 -c port=$PGTEST_PORT -c unix_socket_directories='$PGTEST_DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c log_min_messages=warning ${extra[*]}" \
                start >/dev/null 2>&1; then
            break
        fi
        if [ "$try" = 5 ]; then
            echo "pg_start: the server did not start; its log:" >&2
            tail -n 30 "$PGTEST_DIR/log" >&2
            return 69
        fi
    done
    PGTEST_URL="postgres://postgres@127.0.0.1:$PGTEST_PORT/postgres"
    PGTEST_PW_PASSWORD="sg-pw-$RANDOM$RANDOM"
    PGTEST_PW_URL="postgres://sg_pw@127.0.0.1:$PGTEST_PORT/postgres"
    export PGTEST_DIR PGTEST_PORT PGTEST_URL PGTEST_BIN PGTEST_PW_URL PGTEST_PW_PASSWORD
    pg_psql "CREATE ROLE sg_pw LOGIN SUPERUSER PASSWORD '$PGTEST_PW_PASSWORD'" >/dev/null
}

pg_psql() {
    psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d postgres \
        -c "$1"
}

pg_stop() {
    [ -n "${PGTEST_DIR:-}" ] || return 0
    if [ -f "$PGTEST_DIR/data/postmaster.pid" ]; then
        pg__as "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -m immediate -w -t 30 stop \
            >/dev/null 2>&1
    fi
    rm -rf "$PGTEST_DIR"
    PGTEST_DIR=
}

# Runs pg_stop on exit, after whatever EXIT trap the caller already set.
pg__install_trap() {
    local old
    old=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
    case "$old" in
    *pg_stop*) ;;
    '') trap 'pg_stop' EXIT ;;
    *)
        # shellcheck disable=SC2064 # the caller's trap text is fixed here on purpose
        trap "$old; pg_stop" EXIT
        ;;
    esac
}
