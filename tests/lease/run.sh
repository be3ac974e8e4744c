#!/usr/bin/env bash
# lease/run.sh -- the lease lock (issue 15) against real components, all
# started here on 127.0.0.1: PostgreSQL, PgBouncer in transaction and session
# pool mode in front of it, and a three-node MariaDB Galera cluster.
#   pooler    40 replicas at once through a transaction pooler (pool of 5), with
#             --lock-mode=auto and =lease: none fails, each migration applied
#             exactly once, no advisory lock left on a pooled backend; session
#             locks through it are refused (78); through a session pooler the
#             session lock still works; 200 replicas keep the server sessions
#             bounded; lock -- COMMAND holds the lease
#   fence     a holder SIGSTOPped in a transactional migration for longer than
#             its lease: another replica takes over and finishes; after SIGCONT
#             the stalled holder commits nothing and exits 70 -- directly and
#             through the transaction pooler
#   kill      kill -9 of the holder: a waiter takes over within the lease plus
#             its poll interval
#   galera    30 replicas spread over the three nodes: each migration applied
#             exactly once, every node shows the same ledger; --lock-mode=session
#             is refused there (78)
# Usage: tests/lease/run.sh [SECTION...] (default: all). Ends with
# "N passed, M failed". SG_LEASE_KEEP=1 keeps the work directory.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=${B:-build}
BIN=${SG_BIN:-$ROOT/$B/schemagate}
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
check() { # description condition...
    local d=$1
    shift
    if "$@"; then ok "$d"; else not_ok "$d"; fi
}
sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(pooler fence kill galera)
want() {
    local s
    for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done
    return 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/sg-lease.XXXXXX")
chmod 0755 "$work"
cleanup() {
    declare -F pgbouncer_stop >/dev/null && pgbouncer_stop 2>/dev/null
    declare -F pg_stop >/dev/null && pg_stop 2>/dev/null
    declare -F galera_stop >/dev/null && galera_stop 2>/dev/null
    [ -n "${SG_LEASE_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# An audit row per migration proves exactly-once; 002 is slow so replicas
# really wait behind the holder.
migrations() { # dir sleep-sql
    mkdir -p "$1"
    printf -- '-- migrate:up\nCREATE TABLE audit (version VARCHAR(20) NOT NULL);\nINSERT INTO audit VALUES (%s);\n' "'1'" >"$1/001_audit.sql"
    printf -- '-- migrate:up\nCREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200));\n%s\nINSERT INTO audit VALUES (%s);\n' "$2" "'2'" >"$1/002_users.sql"
    printf -- '-- migrate:up\nINSERT INTO users (id, email) VALUES (1, %s);\nINSERT INTO audit VALUES (%s);\n' "'a@example.com'" "'3'" >"$1/003_seed.sql"
}

# Starts n replicas at once over the given URLs (round robin); prints the
# number that failed. Logs in $work/TAG.I.log.
herd() { # n tag dir extra-args url...
    local n=$1 tag=$2 dir=$3 extra=$4 i pids=() fails=0
    shift 4
    local urls=("$@")
    for i in $(seq 1 "$n"); do
        # shellcheck disable=SC2086
        "$BIN" -u "${urls[$((i % ${#urls[@]}))]}" -d "$dir" $extra up -- sh -c 'exit 0' \
            >"$work/$tag.$i.log" 2>&1 &
        pids+=($!)
    done
    for i in "${pids[@]}"; do wait "$i" || fails=$((fails + 1)); done
    echo "$fails"
}

show_fatal() { grep -h 'fatal' "$work/$1".*.log 2>/dev/null | sort | uniq -c | head -5; }

# --- PostgreSQL, directly and through PgBouncer -------------------------------
# Each case has a database of its own (the poolers forward every database).
pg_db() { # name: a fresh database
    pg_psql "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
    pg_psql "CREATE DATABASE $1" >/dev/null
}
in_db() { echo "${2%/*}/$1"; } # name url: the URL for that database
pg_in() { # db sql
    psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d "$1" -c "$2"
}
pg_audit() { pg_in "$1" "SELECT string_agg(version, ',' ORDER BY version) FROM audit"; }

if want pooler || want fence || want kill; then
    . tests/lib/pg.sh
    . tests/lib/pgbouncer.sh
    pg_start -c max_connections=100 >/dev/null || not_ok "pg: server did not start"
fi

if want pooler && [ -n "${PGTEST_URL:-}" ]; then
    migrations "$work/pgm" "SELECT pg_sleep(1);"
    if pgbouncer_start transaction 5 >/dev/null; then
        for mode in auto lease; do
            db=pool_$mode
            pg_db "$db"
            fails=$(herd 40 "pool-$mode" "$work/pgm" "--lock-mode=$mode" "$(in_db "$db" "$PGBOUNCER_TRANSACTION_URL")")
            [ "$fails" -eq 0 ] && ok "pooler/$mode: 40 replicas through a transaction pooler, none failed" ||
                { not_ok "pooler/$mode: $fails of 40 replicas failed"; show_fatal "pool-$mode"; }
            got=$(pg_audit "$db")
            check "pooler/$mode: each migration applied exactly once ($got)" [ "$got" = "1,2,3" ]
            check "pooler/$mode: the lease was used" grep -q "lease .* taken" "$work"/pool-$mode.*.log
        done
        # 200 replicas through the pooler: the server sessions stay bounded
        # (the herd's bound, 25; the pool holds 5, heartbeats come on top).
        pg_db pool_herd
        ( peak=0
          while [ ! -e "$work/herd.done" ]; do
              n=$(pg_psql "SELECT count(*) FROM pg_stat_activity WHERE datname = 'pool_herd'")
              [ "${n:-0}" -gt "$peak" ] && peak=$n
              sleep 0.05
          done
          echo "$peak" >"$work/herd.peak" ) &
        sampler=$!
        fails=$(herd 200 "pool-herd" "$work/pgm" "" "$(in_db pool_herd "$PGBOUNCER_TRANSACTION_URL")")
        touch "$work/herd.done"
        wait "$sampler"
        [ "$fails" -eq 0 ] && ok "pooler/herd: 200 replicas through the pooler, none failed" ||
            { not_ok "pooler/herd: $fails of 200 replicas failed"; show_fatal pool-herd; }
        check "pooler/herd: each migration applied exactly once" [ "$(pg_audit pool_herd)" = "1,2,3" ]
        peak=$(cat "$work/herd.peak")
        check "pooler/herd: peak server sessions $peak <= 25" [ "$peak" -le 25 ]
        # lock -- COMMAND holds the lease: two at once run one after the other.
        pg_db pool_lock
        lurl=$(in_db pool_lock "$PGBOUNCER_TRANSACTION_URL")
        for i in 1 2; do
            "$BIN" -u "$lurl" -d "$work/pgm" lock -- sh -c "echo start $i >>'$work/lock.seq'; sleep 1; echo end $i >>'$work/lock.seq'" \
                >"$work/pool-lock.$i.log" 2>&1 &
        done
        wait
        seq=$(tr '\n' ' ' <"$work/lock.seq")
        check "pooler/lock: lock -- COMMAND takes the lease; two never overlap ($seq)" \
            [ "$(sed -n '1s/start //p;2s/end //p' "$work/lock.seq" | uniq | wc -l)" = 1 ]
        check "pooler/lock: ... and said so" grep -q "lease .* taken" "$work/pool-lock.1.log"
        check "pooler: no advisory lock left on a pooled backend" \
            [ "$(pg_psql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")" = 0 ]
        # The pooler's warm pool (its own database): a cold pool of one
        # backend cannot be told from a session pooler (docs/locking.md).
        "$BIN" -u "$PGBOUNCER_TRANSACTION_URL" -d "$work/pgm" \
            --lock-mode=session up >"$work/pool-session.log" 2>&1
        rc=$?
        check "pooler: --lock-mode=session through a transaction pooler is refused (78, got $rc)" \
            [ "$rc" = 78 ]
        check "pooler: nothing applied by the refused run" \
            [ "$(pg_in postgres "SELECT to_regclass('audit') IS NULL")" = t ]
    else
        not_ok "pooler: pgbouncer (transaction) did not start"
    fi
    if pgbouncer_start session 5 >/dev/null; then
        pg_db pool_sess2
        "$BIN" -u "$(in_db pool_sess2 "$PGBOUNCER_SESSION_URL")" -d "$work/pgm" \
            --lock-mode=session up >"$work/pool-sess2.log" 2>&1
        rc=$?
        check "pooler: a session pooler keeps the session lock working (--lock-mode=session, rc $rc)" \
            [ "$rc" = 0 ]
        check "pooler: ... and applied everything once" [ "$(pg_audit pool_sess2)" = "1,2,3" ]
        pgbouncer_stop session
    else
        not_ok "pooler: pgbouncer (session) did not start"
    fi
fi

# A holder stalled (SIGSTOP) in its transactional migration for longer than
# its lease: the migration's text keeps running on the server, but its fence
# finds the lease expired or taken over and the transaction rolls back.
fence_case() { # tag url schema
    local tag=$1 url=$2 f=${1//\//-} h t rc_h rc_t
    local dir=$work/$f
    mkdir -p "$dir"
    printf -- '-- migrate:up\nCREATE TABLE audit (version VARCHAR(20) NOT NULL);\nINSERT INTO audit VALUES (%s);\n' "'1'" >"$dir/001_audit.sql"
    printf -- '-- migrate:up\nINSERT INTO audit VALUES (%s);\nSELECT pg_sleep(5);\n' "'2'" >"$dir/002_slow.sql"
    "$BIN" -u "$url" -d "$dir" --lock-mode=lease --lease=3s up >"$work/$f.holder.log" 2>&1 &
    h=$!
    # Stop it once it is inside 002 (its text is on the server).
    for _ in $(seq 1 100); do
        grep -q "applying 002_slow.sql" "$work/$f.holder.log" && break
        sleep 0.05
    done
    sleep 0.3
    kill -STOP "$h"
    "$BIN" -u "$url" -d "$dir" --lock-mode=lease --lease=3s up >"$work/$f.taker.log" 2>&1 &
    t=$!
    wait "$t"
    rc_t=$?
    kill -CONT "$h"
    wait "$h"
    rc_h=$?
    check "$tag: the replica that took over finished (rc $rc_t)" [ "$rc_t" = 0 ]
    check "$tag: the stalled holder exits 70 after SIGCONT (rc $rc_h)" [ "$rc_h" = 70 ]
    check "$tag: ... saying the lease was lost" grep -q "lease lost" "$work/$f.holder.log"
    check "$tag: each migration applied exactly once ($(pg_audit "$3"))" [ "$(pg_audit "$3")" = "1,2" ]
    check "$tag: each recorded once, clean" \
        [ "$(pg_in "$3" "SELECT string_agg(version || ':' || dirty, ',' ORDER BY version) FROM schemagate_migrations")" = "1:false,2:false" ]
}

if want fence && [ -n "${PGTEST_URL:-}" ]; then
    pg_db fence_direct
    fence_case fence/direct "$(in_db fence_direct "$PGTEST_URL")" fence_direct
    if [ -n "${PGBOUNCER_TRANSACTION_URL:-}" ] || pgbouncer_start transaction 5 >/dev/null; then
        pg_db fence_pool
        fence_case fence/pooler "$(in_db fence_pool "$PGBOUNCER_TRANSACTION_URL")" fence_pool
    else
        not_ok "fence: pgbouncer did not start"
    fi
fi

# kill -9 of the holder: nothing releases the lease; a waiter takes over when
# it expires (lease 3 s; a poll is at most 1 s apart).
if want kill && [ -n "${PGTEST_URL:-}" ]; then
    pg_db kill9
    url=$(in_db kill9 "$PGTEST_URL")
    dir=$work/kill9
    mkdir -p "$dir"
    printf -- '-- migrate:up\nCREATE TABLE audit (version VARCHAR(20) NOT NULL);\nINSERT INTO audit VALUES (%s);\nSELECT pg_sleep(2);\n' "'1'" >"$dir/001_audit.sql"
    "$BIN" -u "$url" -d "$dir" --lock-mode=lease --lease=3s up >"$work/kill.holder.log" 2>&1 &
    h=$!
    for _ in $(seq 1 100); do
        grep -q "applying 001_audit.sql" "$work/kill.holder.log" && break
        sleep 0.05
    done
    kill -9 "$h"
    wait "$h" 2>/dev/null
    t0=$(date +%s%N)
    "$BIN" -u "$url" -d "$dir" --lock-mode=lease --lease=3s up >"$work/kill.taker.log" 2>&1
    rc=$?
    waited=$(sed -n 's/.*acquired lock .* after \([0-9]*\) ms.*/\1/p' "$work/kill.taker.log")
    echo "# kill: the waiter took over after ${waited:-?} ms"
    check "kill: a waiter took over and applied it (rc $rc)" [ "$rc" = 0 ]
    check "kill: within the lease plus a poll interval (${waited:-?} ms <= 4500)" \
        [ -n "$waited" ] && [ "$waited" -le 4500 ]
    check "kill: applied exactly once" [ "$(pg_audit kill9)" = 1 ]
    : "$t0"
fi

if declare -F pgbouncer_stop >/dev/null; then pgbouncer_stop 2>/dev/null; fi
if declare -F pg_stop >/dev/null; then pg_stop 2>/dev/null; fi

# --- Galera ---------------------------------------------------------------------
if want galera; then
    . tests/lib/galera.sh
    if ! "$BIN" -u mysql://x@127.0.0.1/x status 2>&1 | grep -q "unknown scheme" && galera_start 3 >/dev/null; then
        migrations "$work/gm" "DO SLEEP(1);"
        read -r -a urls <<<"$GALERA_URLS"
        "$BIN" -u "${urls[0]}" -d "$work/gm" --lock-mode=session up >"$work/galera-session.log" 2>&1
        rc=$?
        check "galera: --lock-mode=session is refused (78, got $rc)" [ "$rc" = 78 ]
        check "galera: ... naming Galera" grep -q "Galera" "$work/galera-session.log"
        fails=$(herd 30 galera "$work/gm" "" "${urls[@]}")
        [ "$fails" -eq 0 ] && ok "galera: 30 replicas over 3 nodes, none failed" ||
            { not_ok "galera: $fails of 30 replicas failed"; show_fatal galera; }
        check "galera: auto took the lease" grep -q "using a lease lock.*Galera" "$work"/galera.*.log
        for k in 1 2 3; do
            got=$(galera_sql "$k" "SELECT GROUP_CONCAT(version ORDER BY version) FROM sgtest.audit")
            check "galera: node $k: each migration applied exactly once ($got)" [ "$got" = "1,2,3" ]
            led=$(galera_sql "$k" "SELECT GROUP_CONCAT(CONCAT(version, ':', dirty) ORDER BY version) FROM sgtest.schemagate_migrations")
            check "galera: node $k: the same ledger ($led)" [ "$led" = "1:0,2:0,3:0" ]
        done
        galera_stop
    else
        not_ok "galera: the cluster did not start (or no mysql driver)"
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
