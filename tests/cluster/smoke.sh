#!/usr/bin/env bash
# tests/cluster/smoke.sh -- proves the lease-lock test infrastructure works here:
# tests/lib/pgbouncer.sh in front of tests/lib/pg.sh, and tests/lib/galera.sh.
#
#   PgBouncer: a query goes through a transaction pooler; consecutive
#   transactions of one client land on different backends (round robin over
#   a warm pool); the pid in PgBouncer's BackendKeyData is not the server
#   backend's (tests/cluster/pidcheck.c, skipped without a C compiler and
#   libpq); 200 clients at once are accepted; a session pooler runs beside it
#   and keeps one backend per client.
#   Galera: 3 nodes, wsrep_on=ON and Synced in a cluster of 3 on each; every
#   GALERA_URLS entry answers over TCP with the password; a row written on
#   node 1 is read on nodes 2 and 3, and one written on node 3 on node 1.
#   Then everything is stopped and checked gone.
#
# Last line: "N passed, M failed"; non-zero exit on any failure. About 25 s
# (40 s on 2 busy cores).
# shellcheck disable=SC2016,SC2034 # check's eval conditions are quoted to run later
set -u
cd "$(dirname "$0")/../.." || exit 70
. tests/lib/pg.sh
. tests/lib/pgbouncer.sh
. tests/lib/galera.sh

passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
check() { # description command...
    local what=$1
    shift
    if "$@"; then ok "$what"; else not_ok "$what"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

work=$(mktemp -d "${TMPDIR:-/tmp}/sg-cluster.XXXXXX")
trap 'rm -rf "$work"' EXIT
# through URL SQL: one psql session, one line per result row
through() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# --- PgBouncer ---------------------------------------------------------------
# shellcheck disable=SC2119 # no server options
if ! pg_start; then
    not_ok "pg_start"
    finish
fi
ok "pg_start (port $PGTEST_PORT)"
if ! pgbouncer_start transaction; then
    not_ok "pgbouncer_start transaction"
    finish
fi
ok "pgbouncer_start transaction (port $PGBOUNCER_PORT)"
tx_url=$PGBOUNCER_TRANSACTION_URL tx_pid=$PGBOUNCER_PID tx_dir=$PGBOUNCER_DIR

r=$(through "$tx_url" "SELECT 40 + 2" 2>&1)
check "a query goes through the transaction pooler ($r)" [ "$r" = 42 ]

# Ten statements, each its own transaction, in one client session.
args=()
for _ in $(seq 1 10); do args+=(-c "SELECT pg_backend_pid()"); done
n=$(psql -X -q -At -d "$tx_url" "${args[@]}" | sort -u | wc -l)
check "transaction pooling: one client's 10 transactions ran on $n backends (> 1)" [ "$n" -gt 1 ]

# shellcheck disable=SC2046 # pkg-config's flags are words
if cc -o "$work/pidcheck" tests/cluster/pidcheck.c $(pkg-config --cflags --libs libpq 2>/dev/null) \
    2>"$work/cc.log"; then
    read -r key real < <("$work/pidcheck" "$PGTEST_URL")
    check "direct: PQbackendPID equals pg_backend_pid() ($key, $real)" [ "${key:-x}" = "${real:-y}" ]
    read -r key real < <("$work/pidcheck" "$tx_url")
    check "through PgBouncer: PQbackendPID ($key) is not pg_backend_pid() ($real)" \
        eval '[ -n "${real:-}" ] && [ "${key:-}" != "$real" ]'
else
    echo "skip - no C compiler or libpq: PQbackendPID not checked ($(head -n 1 "$work/cc.log"))"
fi

limit=$(awk '/Max open files/ { print $4 }' "/proc/$tx_pid/limits")
check "pooler's open-files limit $limit fits $PGBOUNCER_MAX_CLIENTS clients" \
    eval '[ "$limit" = unlimited ] || [ "$limit" -gt "$PGBOUNCER_MAX_CLIENTS" ]'

# 200 clients connected at once: each runs a query, then stays connected
# until the hold file goes (the admin console counts them meanwhile; its own
# connection is one of the clients it lists).
: >"$work/hold"
pids=()
for i in $(seq 1 200); do
    psql -X -q -At -d "$tx_url" -c "SELECT $i" \
        -c "\\! while [ -e '$work/hold' ]; do sleep 0.1; done" >/dev/null 2>"$work/c$i.err" &
    pids+=($!)
done
peak=0
for _ in $(seq 1 150); do # 30 s
    c=$(through "${tx_url%/*}/pgbouncer" "SHOW CLIENTS" 2>/dev/null | wc -l)
    [ "$c" -gt "$peak" ] && peak=$c
    [ "$peak" -gt 200 ] && break
    sleep 0.2
done
rm -f "$work/hold"
fails=0
for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
check "200 clients at once through the transaction pooler: $fails failed, $((peak - 1)) connected together" \
    eval '[ "$fails" = 0 ] && [ "$peak" -gt 200 ]'
[ "$fails" = 0 ] || cat "$work"/c*.err | sort | uniq -c | head -5

if pgbouncer_start session 3; then
    ok "pgbouncer_start session beside it (port $PGBOUNCER_PORT)"
    args=()
    for _ in $(seq 1 10); do args+=(-c "SELECT pg_backend_pid()"); done
    n=$(psql -X -q -At -d "$PGBOUNCER_SESSION_URL" "${args[@]}" | sort -u | wc -l)
    check "session pooling: one client's 10 transactions ran on one backend ($n)" [ "$n" = 1 ]
    r=$(through "$tx_url" "SELECT 1" 2>&1)
    check "the transaction pooler still answers" [ "$r" = 1 ]
else
    not_ok "pgbouncer_start session beside the transaction pooler"
fi
pgbouncer_stop
check "pgbouncer_stop: both poolers gone" \
    eval '! kill -0 "$tx_pid" 2>/dev/null && [ ! -d "$tx_dir" ] && [ -z "$PGBOUNCER_SESSION_URL" ]'
pg_stop

# --- Galera ------------------------------------------------------------------
if ! galera_start 3; then
    not_ok "galera_start 3"
    finish
fi
ok "galera_start 3 (client ports $GALERA_PORTS)"
read -r -a ports <<<"$GALERA_PORTS"
read -r -a urls <<<"$GALERA_URLS"
for k in 1 2 3; do
    r=$(galera_sql "$k" "SELECT @@wsrep_on" 2>&1)
    check "node $k: wsrep_on=ON ($r)" [ "$r" = 1 ]
    r=$(galera_sql "$k" "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME)
        FROM information_schema.GLOBAL_STATUS
        WHERE VARIABLE_NAME IN ('wsrep_cluster_size', 'wsrep_local_state_comment')" 2>&1)
    check "node $k: Synced in a cluster of 3 ($r)" [ "$r" = "3,Synced" ]
    # The URL as a client would use it: TCP, root, the password, sgtest.
    r=$(mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "${ports[k - 1]}" -uroot \
        --password="$GALERA_PASSWORD" -N -B -e "SELECT DATABASE()" sgtest 2>&1)
    check "node $k: ${urls[k - 1]%%:*}://...:${ports[k - 1]}/sgtest answers over TCP ($r)" \
        [ "$r" = sgtest ]
done
galera_sql 1 "CREATE TABLE sgtest.smoke (id INT PRIMARY KEY, v VARCHAR(20));
    INSERT INTO sgtest.smoke VALUES (1, 'from node 1')"
for k in 2 3; do
    # wsrep_sync_wait: the read waits until this node has applied what the
    # cluster committed before it (replication is synchronous, applying is not).
    r=$(galera_sql "$k" "SET SESSION wsrep_sync_wait = 1; SELECT v FROM sgtest.smoke WHERE id = 1" 2>&1)
    check "node $k reads the row written on node 1 ($r)" [ "$r" = "from node 1" ]
done
galera_sql 3 "INSERT INTO sgtest.smoke VALUES (3, 'from node 3')"
r=$(galera_sql 1 "SET SESSION wsrep_sync_wait = 1; SELECT v FROM sgtest.smoke WHERE id = 3" 2>&1)
check "node 1 reads the row written on node 3 ($r)" [ "$r" = "from node 3" ]
gpids=$GALERA_PIDS gdir=$GALERA_DIR
galera_stop
left=
for p in $gpids; do kill -0 "$p" 2>/dev/null && left="$left $p"; done
check "galera_stop: no node left (${left:-none}), its dir removed" \
    eval '[ -z "$left" ] && [ ! -d "$gdir" ]'

finish
