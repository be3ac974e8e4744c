# shellcheck shell=bash
# tests/lib/pgbouncer.sh -- a throwaway PgBouncer in front of the pg.sh server,
# for test scripts (sourced by bash, after pg_start).
#
#   . tests/lib/pg.sh; . tests/lib/pgbouncer.sh
#   pg_start
#   pgbouncer_start MODE [POOL_SIZE] [setting=value ...]
#                         # MODE: transaction | session; POOL_SIZE defaults to 5;
#                         # settings are added to [pgbouncer] as they are
#   pgbouncer_stop [MODE] # that pooler, or every one; idempotent; also on EXIT
#
# One pooler per mode may run at a time, so a transaction and a session pooler
# can run side by side. Each listens on 127.0.0.1 on a free port, has no Unix
# socket, and forwards every database to 127.0.0.1:PGTEST_PORT with trust auth
# for the user postgres (the admin console, database "pgbouncer", is open to
# postgres too: SHOW POOLS, SHOW SERVERS). server_round_robin=1, and the pool
# is warmed to POOL_SIZE server connections before pgbouncer_start returns, so
# consecutive transactions of one client land on different backends, as they
# do under load. max_client_conn is 500: 200 clients with room to spare (the
# pooler's open-files limit is raised to fit when the hard limit allows).
#
# Exports, for the pooler started last:
#   PGBOUNCER_URL    postgres://postgres@127.0.0.1:PORT/postgres (the pg.sh database)
#   PGBOUNCER_PORT   its port
#   PGBOUNCER_DIR    its temp dir (pgbouncer.ini, users.txt, pgbouncer.log, pgbouncer.pid)
#   PGBOUNCER_MODE   its pool mode
#   PGBOUNCER_PID    its pid
# and for each running pooler, whichever was last:
#   PGBOUNCER_TRANSACTION_URL, PGBOUNCER_SESSION_URL (empty when not running)
# PgBouncer refuses to run as root, so as root it runs as the `postgres` user.

PGBOUNCER_MAX_CLIENTS=500

_pgbouncer_log() { printf 'pgbouncer.sh: %s\n' "$*" >&2; }

# A TCP port on 127.0.0.1 nobody listens on (pgbouncer_start retries if it
# loses a race for it).
_pgbouncer_free_port() {
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

declare -gA _PGBOUNCER_PGID

pgbouncer_start() {
    local mode=${1:-} pool=${2:-5} bin dir port ok need var url i as=() warm _
    case "$mode" in
    transaction | session) ;;
    *) _pgbouncer_log "pgbouncer_start: MODE must be transaction or session, not '$mode'"; return 64 ;;
    esac
    case "$pool" in '' | *[!0-9]* | 0) _pgbouncer_log "pgbouncer_start: bad pool size '$pool'"; return 64 ;; esac
    shift $(($# < 2 ? $# : 2))
    var=PGBOUNCER_${mode^^}_URL
    if [ -n "${!var:-}" ]; then
        _pgbouncer_log "pgbouncer_start: a $mode pooler is already running"
        return 64
    fi
    if [ -z "${PGTEST_PORT:-}" ]; then
        _pgbouncer_log "pgbouncer_start: no PostgreSQL server (run pg_start first)"
        return 69
    fi
    bin=$(command -v pgbouncer || ls /usr/sbin/pgbouncer 2>/dev/null) || {
        _pgbouncer_log "pgbouncer not found (apt-get install pgbouncer)"
        return 69
    }
    # Open files: every client and every server connection is one, plus a few.
    need=$((PGBOUNCER_MAX_CLIENTS + pool + 64))
    [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/sg-pgbouncer.XXXXXX") || return 71
    chmod 0755 "$dir"
    _PGBOUNCER_DIRS="${_PGBOUNCER_DIRS:-}${_PGBOUNCER_DIRS:+ }$mode:$dir"
    _pgbouncer_install_trap
    printf '"postgres" ""\n' >"$dir/users.txt"
    for _ in 1 2 3 4 5; do
        port=$(_pgbouncer_free_port) || break
        {
            printf '[databases]\n* = host=127.0.0.1 port=%s\n\n[pgbouncer]\n' "$PGTEST_PORT"
            printf 'listen_addr = 127.0.0.1\nlisten_port = %s\nunix_socket_dir =\n' "$port"
            printf 'auth_type = trust\nauth_file = %s/users.txt\nadmin_users = postgres\n' "$dir"
            printf 'pool_mode = %s\nserver_round_robin = 1\ndefault_pool_size = %s\n' "$mode" "$pool"
            printf 'max_client_conn = %s\n' "$PGBOUNCER_MAX_CLIENTS"
            printf 'logfile = %s/pgbouncer.log\npidfile = %s/pgbouncer.pid\n' "$dir" "$dir"
            for i in "$@"; do printf '%s\n' "$i"; done
        } >"$dir/pgbouncer.ini"
        : >"$dir/pgbouncer.log"
        : >"$dir/launch.log"
        rm -f "$dir/pgbouncer.pid"
        [ "$(id -u)" = 0 ] && chown -R postgres: "$dir"
        # In the foreground (-q: its log goes to pgbouncer.log only) and in a
        # process group of its own (set -m), so a pooler that dies is seen at
        # once and pgbouncer_stop reaches runuser and pgbouncer alike. The
        # soft open-files limit is raised as the pooler's user: runuser's
        # pam_limits resets it (to 1024 on Debian).
        # shellcheck disable=SC2016 # expanded by that sh
        _PGBOUNCER_PGID[$mode]=$(
            set -m
            cd "$dir" || exit
            "${as[@]}" sh -c 'n=$(ulimit -n)
                if [ "$n" != unlimited ] && [ "$n" -lt "$1" ] && ! ulimit -n "$1" 2>/dev/null; then
                    echo "pgbouncer.sh: cannot raise the open-files limit ($n, hard $(ulimit -Hn)) to $1"
                    exit 71
                fi
                exec "$2" -q "$3"' sh "$need" "$bin" "$dir/pgbouncer.ini" >"$dir/launch.log" 2>&1 </dev/null &
            echo $!
        )
        url="postgres://postgres@127.0.0.1:$port/postgres"
        ok=
        for _ in $(seq 1 200); do # 10 s
            kill -0 "${_PGBOUNCER_PGID[$mode]}" 2>/dev/null || break
            if PGCONNECT_TIMEOUT=2 psql -X -q -At -d "$url" -c 'SELECT 1' >/dev/null 2>&1; then
                ok=1
                break
            fi
            sleep 0.05
        done
        [ -n "$ok" ] && break
        _pgbouncer_kill "$mode"
        grep -q "Address already in use" "$dir/pgbouncer.log" && continue
        break
    done
    if [ -z "$ok" ]; then
        _pgbouncer_log "pgbouncer ($mode) did not start; its log:"
        cat "$dir/pgbouncer.log" "$dir/launch.log" >&2
        pgbouncer_stop "$mode"
        return 69
    fi
    # Warm the pool: POOL_SIZE clients at once, each holding a server connection.
    # (Waits for these only: a bare `wait` would also wait for the caller's jobs.)
    warm=()
    for i in $(seq 1 "$pool"); do
        psql -X -q -At -d "$url" -c 'SELECT pg_sleep(0.2)' >/dev/null 2>&1 &
        warm+=($!)
    done
    wait "${warm[@]}"
    PGBOUNCER_URL=$url PGBOUNCER_PORT=$port PGBOUNCER_DIR=$dir PGBOUNCER_MODE=$mode
    PGBOUNCER_PID=$(cat "$dir/pgbouncer.pid")
    printf -v "$var" '%s' "$url"
    export PGBOUNCER_URL PGBOUNCER_PORT PGBOUNCER_DIR PGBOUNCER_MODE PGBOUNCER_PID "${var?}"
    return 0
}

_pgbouncer_kill() { # mode
    local pgid=${_PGBOUNCER_PGID[$1]:-} _
    [ -n "$pgid" ] || return 0
    # SIGTERM is an immediate shutdown up to PgBouncer 1.22 (1.23 made it wait
    # for clients); SIGKILL after 3 s covers both.
    kill -TERM -- "-$pgid" 2>/dev/null
    for _ in $(seq 1 60); do
        kill -0 -- "-$pgid" 2>/dev/null || break
        sleep 0.05
    done
    kill -KILL -- "-$pgid" 2>/dev/null
    _PGBOUNCER_PGID[$1]=
    return 0
}

pgbouncer_stop() { # [mode]
    local e m d keep=
    for e in ${_PGBOUNCER_DIRS:-}; do
        m=${e%%:*} d=${e#*:}
        if [ -n "${1:-}" ] && [ "$1" != "$m" ]; then
            keep="$keep${keep:+ }$e"
            continue
        fi
        _pgbouncer_kill "$m"
        rm -rf "$d"
        printf -v "PGBOUNCER_${m^^}_URL" '%s' ''
        if [ "${PGBOUNCER_DIR:-}" = "$d" ]; then
            PGBOUNCER_URL='' PGBOUNCER_PORT='' PGBOUNCER_DIR='' PGBOUNCER_MODE='' PGBOUNCER_PID=''
        fi
    done
    _PGBOUNCER_DIRS=$keep
    return 0
}

# Runs pgbouncer_stop on exit, before whatever EXIT trap the caller already
# set (pg.sh's pg_stop among them: the pooler goes before its server).
_pgbouncer_install_trap() {
    local old
    old=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
    case "$old" in
    *pgbouncer_stop*) ;;
    '') trap 'pgbouncer_stop' EXIT ;;
    *)
        # shellcheck disable=SC2064 # the caller's trap text is fixed here on purpose
        trap "pgbouncer_stop; $old" EXIT
        ;;
    esac
}
