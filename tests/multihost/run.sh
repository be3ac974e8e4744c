#!/usr/bin/env bash
# tests/multihost/run.sh -- replicas on different "hosts" against one
# PostgreSQL server (issue 5, "Multi-host behaviour").
#
# Builds a small network out of Linux network namespaces created here:
#
#   <P>db   the database host: bridge br0 10.231.0.1/24, PostgreSQL on :5432
#   <P>a1   app host 1, 10.231.0.11/24 \
#   <P>a2   app host 2, 10.231.0.12/24  } one veth each, plugged into br0
#   <P>a3   app host 3, 10.231.0.13/24 /
#
# No address exists outside these namespaces; the test talks to the server
# through its Unix socket (a path in the temp dir), which no iptables rule
# touches. Every namespace, process and file made here is removed on exit.
#
#   1. herd: 3 replicas on each of 3 hosts start together; every migration is
#      applied exactly once (each one inserts an audit row) and all 9 exec.
#   2. partition: the lock holder's host is cut off (iptables DROP of
#      everything from the other side, on both sides: silence, no RST) in the
#      middle of a slow transactional migration. The server must free the lock
#      within 30 s (measured and printed), a replica on another host finishes
#      the work, nothing is applied twice, and the cut-off holder exits
#      non-zero without ever reconnecting and carrying on.
#   3. restart: `pg_ctl restart -m fast` while the holder is mid-migration and
#      8 replicas wait for the lock: everyone converges, nothing twice; the
#      holder that lost its session exits 69 (or 0 after starting afresh).
#   4. restart with waiters mid-poll: as 3, but every waiter's poll is held
#      in flight on the server (an ACCESS EXCLUSIVE lock on the ledger taken
#      by the test queues their ledger reads) when the server goes down, the
#      way a slow link or a busy server would -- a waiter's poll cut short by
#      a restart must be retried, not fatal.
#
# Server settings: tcp_keepalives_idle=5 interval=2 count=3, tcp_user_timeout
# 10 s, client_connection_check_interval=1s, so a silent client is noticed
# in about 10 s even while its backend runs pg_sleep. Client settings are
# schemagate's defaults (keepalives 10/5/3, tcp_user_timeout 30 s).
#
# Skips (exit 0, "0 passed, 0 failed") when not root, when `ip netns` does not
# work here, or without PostgreSQL server binaries. Last line: "N passed,
# M failed"; non-zero exit on any failure. About 50 s. SG_BIN picks the
# binary (default build/schemagate); SG_MH_KEEP=1 keeps the temp dir (logs).
set -u
cd "$(dirname "$0")/../.." || exit 1
SG=${SG_BIN:-$PWD/build/schemagate}

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*"; }
check() { # description command...
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}
skip() {
    echo "multihost tests: SKIPPED: $*"
    echo "0 passed, 0 failed"
    exit 0
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- preconditions -----------------------------------------------------------
[ "$(id -u)" = 0 ] || skip "needs root (network namespaces, iptables)"
command -v ip >/dev/null || skip "no ip(8) (iproute2)"
P=sgmh$$
if ! ip netns add "${P}probe" 2>/dev/null; then
    skip "ip netns is not available here (no CAP_SYS_ADMIN or no netns support)"
fi
ip netns del "${P}probe"
PGBIN=
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { PGBIN=$d; break; }
done
[ -n "$PGBIN" ] || skip "no PostgreSQL server binaries (install postgresql)"
command -v psql >/dev/null || skip "no psql"
HAVE_IPT=1
command -v iptables >/dev/null || HAVE_IPT=0
if [ ! -x "$SG" ]; then
    fail "$SG is missing (run make)"
    finish
fi

DBNS=${P}db
APPS=("${P}a1" "${P}a2" "${P}a3")
DBADDR=10.231.0.1
appaddr() { echo "10.231.0.1$1"; } # host 1..3
PORT=5432

T=$(mktemp -d "${TMPDIR:-/tmp}/sg-mh.XXXXXX")
chmod 0755 "$T"
PGD=$T/pg
pids=()

cleanup() {
    local p ns
    set +e
    exec 2>/dev/null # no "Killed" notices for our own subshells
    for p in "${pids[@]}"; do kill -9 "$p"; done
    if [ -f "$PGD/data/postmaster.pid" ]; then
        ip netns exec "$DBNS" runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD/data" \
            -m immediate -w -t 20 stop >/dev/null 2>&1
    fi
    for ns in "${APPS[@]}" "$DBNS"; do
        ip netns list 2>/dev/null | grep -qw "^$ns" || continue
        # Only processes inside our own namespaces: ours by construction.
        for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
        ip netns del "$ns" 2>/dev/null
    done
    [ -n "${SG_MH_KEEP:-}" ] && { echo "kept $T"; return; }
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the network ---------------------------------------------------------------
net_up() {
    local i ns
    ip netns add "$DBNS" || return 1
    ip -n "$DBNS" link set lo up
    ip -n "$DBNS" link add br0 type bridge || return 1
    ip -n "$DBNS" addr add "$DBADDR/24" dev br0
    ip -n "$DBNS" link set br0 up
    for i in 1 2 3; do
        ns=${APPS[$((i - 1))]}
        ip netns add "$ns" || return 1
        ip -n "$ns" link set lo up
        ip link add eth0 netns "$ns" type veth peer name "h$i" netns "$DBNS" || return 1
        ip -n "$DBNS" link set "h$i" master br0 up
        ip -n "$ns" addr add "$(appaddr "$i")/24" dev eth0
        ip -n "$ns" link set eth0 up
    done
}

# Silence between host i and the database in both directions: each side drops
# what it receives from the other, so both kernels think they sent it.
partition() {
    ip netns exec "${APPS[$(($1 - 1))]}" iptables -I INPUT -s "$DBADDR" -j DROP &&
        ip netns exec "$DBNS" iptables -I INPUT -s "$(appaddr "$1")" -j DROP
}
heal() {
    ip netns exec "${APPS[$(($1 - 1))]}" iptables -D INPUT -s "$DBADDR" -j DROP
    ip netns exec "$DBNS" iptables -D INPUT -s "$(appaddr "$1")" -j DROP
}

# --- the server ------------------------------------------------------------------
pg_ctl_ns() { ip netns exec "$DBNS" runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGD/data" "$@"; }
pg_up() {
    mkdir -p "$PGD" && chown postgres: "$PGD" || return 1
    if ! runuser -u postgres -- "$PGBIN/initdb" -D "$PGD/data" -U postgres -A trust -E UTF8 \
            --locale=C --no-sync >"$PGD/initdb.log" 2>&1; then
        cat "$PGD/initdb.log"
        return 1
    fi
    echo "host all all 10.231.0.0/24 trust" >>"$PGD/data/pg_hba.conf"
    if ! pg_ctl_ns -l "$PGD/log" -w -t 60 -o "-c listen_addresses=$DBADDR -c port=$PORT \
-c unix_socket_directories=$PGD -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
-c max_connections=100 -c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 \
-c tcp_keepalives_count=3 -c tcp_user_timeout=10000 -c client_connection_check_interval=1s \
-c log_line_prefix='%m [%p] %h '" start >/dev/null 2>&1; then
        tail -n 30 "$PGD/log"
        return 1
    fi
}
# psql over the Unix socket (not subject to the partitions).
q() { # db sql
    psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGD" -p "$PORT" -U postgres -d "$1" -c "$2" 2>&1
}

# --- replicas ---------------------------------------------------------------------
# A replica waits for its start file, then execs schemagate inside its host.
cat >"$T/barrier.sh" <<'EOF'
#!/bin/sh
go=$1; shift
while [ ! -e "$go" ]; do sleep 0.01; done
exec "$@"
EOF
chmod 0755 "$T/barrier.sh"

# start_replica NAME HOST DB DIR GOFILE [OPTION...]: PROGRAM writes $T/NAME.exec;
# $T/NAME.rc gets "status end-time"; stderr goes to $T/NAME.log, the pid of
# schemagate (and of the program it execs) to $T/NAME.pid.
start_replica() {
    local name=$1 host=$2 db=$3 dir=$4 go=$5
    shift 5
    (
        # ip netns exec, barrier.sh, schemagate and the program share one pid.
        ip netns exec "${APPS[$((host - 1))]}" "$T/barrier.sh" "$go" "$SG" \
            -u "postgres://postgres@$DBADDR:$PORT/$db" -d "$dir" "$@" \
            up -- sh -c 'echo "$1" >"$0"' "$T/$name.exec" "$name" 2>"$T/$name.log" &
        echo $! >"$T/$name.pid"
        wait $!
        echo "$? $(now)" >"$T/$name.rc"
    ) &
    pids+=("$!")
}
# wait_done TIMEOUT NAME...: all have an rc file (0) or time out (1).
wait_done() {
    local limit=$1 n all
    shift
    local end=$((SECONDS + limit))
    while :; do
        all=1
        for n in "$@"; do [ -f "$T/$n.rc" ] || { all=0; break; }; done
        [ $all = 1 ] && return 0
        [ $SECONDS -ge $end ] && return 1
        sleep 0.2
    done
}
rc_of() { [ -f "$T/$1.rc" ] && cut -d' ' -f1 "$T/$1.rc" || echo none; }
show_log() { echo "--- $1 (status $(rc_of "$1"))"; sed 's/^/    /' "$T/$1.log" 2>/dev/null | tail -n "${2:-12}"; }

# every_exec NAME...: each exited 0 and its program ran.
every_exec() {
    local n bad=0
    for n in "$@"; do
        if [ "$(rc_of "$n")" != 0 ] || [ ! -s "$T/$n.exec" ]; then
            bad=1
            show_log "$n"
        fi
    done
    return $bad
}
# exactly_once DB N: versions 1..N each audited exactly once and recorded once, clean.
exactly_once() {
    local db=$1 n=$2 dup rows ledger
    dup=$(q "$db" "SELECT string_agg(version || ' x' || c, ', ') FROM (SELECT version, count(*) c FROM audit GROUP BY version HAVING count(*) <> 1) d")
    rows=$(q "$db" "SELECT count(DISTINCT version) FROM audit")
    ledger=$(q "$db" "SELECT count(*) FILTER (WHERE NOT dirty) || '/' || count(*) FROM schemagate_migrations")
    if [ -n "$dup" ] || [ "$rows" != "$n" ] || [ "$ledger" != "$n/$n" ]; then
        [ -z "$dup" ] && [ "$rows" -lt "$n" ] 2>/dev/null &&
            echo "    $db: no double apply, but unfinished: nobody is left to apply the rest"
        echo "    $db: audit duplicates [$dup], audited versions $rows (want $n), clean/all ledger rows $ledger"
        q "$db" "SELECT version, by, at FROM audit ORDER BY at" | sed 's/^/    audit: /'
        return 1
    fi
}
# The schemagate backend holding the advisory lock in DB: "pid client-addr application-name".
lock_holder() {
    q "$1" "SELECT a.pid || ' ' || host(a.client_addr) || ' ' || a.application_name FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.datname = '$1'"
}
# wait_sleeping DB TIMEOUT: the holder is inside pg_sleep; prints its lock_holder line.
wait_sleeping() {
    local db=$1 end=$((SECONDS + $2)) h
    while [ $SECONDS -lt $end ]; do
        h=$(q "$db" "SELECT a.pid || ' ' || host(a.client_addr) || ' ' || a.application_name FROM pg_stat_activity a JOIN pg_locks l USING (pid) WHERE l.locktype = 'advisory' AND l.granted AND a.datname = '$db' AND a.state = 'active' AND a.query LIKE '%pg_sleep%'")
        if [ -n "$h" ]; then
            echo "$h"
            return 0
        fi
        sleep 0.1
    done
    return 1
}
host_of_addr() { echo "${1##*.1}"; } # 10.231.0.1N -> N

new_db() { # db: a database with the audit table and the "slow" sequence
    q postgres "CREATE DATABASE $1" >/dev/null &&
        q "$1" "CREATE TABLE audit (version text NOT NULL, by text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp()); CREATE SEQUENCE slow_attempt" >/dev/null
}
# mig DIR FILE BODY...: one dbmate-style migration file.
mig() {
    local dir=$1 file=$2
    shift 2
    mkdir -p "$dir"
    printf '%s\n' "$@" >"$dir/$file"
}
audit() { echo "INSERT INTO audit (version, by) VALUES ('$1', current_setting('application_name'));"; }
# A transactional migration that sleeps SLOW seconds the first time it runs and
# 1 s on every later attempt (a sequence is not rolled back).
slow_mig() { # dir file version slow
    mig "$1" "$2" "-- migrate:up" \
        "SELECT pg_sleep(CASE WHEN nextval('slow_attempt') = 1 THEN $4 ELSE 1 END);" \
        "ALTER TABLE items ADD COLUMN v$3 int;" "$(audit "$3")"
}
base_migs() { # dir: 1 creates items, 3 adds a row
    mig "$1" 001_items.sql "-- migrate:up" "CREATE TABLE items (id serial PRIMARY KEY, note text);" "$(audit 1)"
    mig "$1" 003_after.sql "-- migrate:up" "INSERT INTO items (note) VALUES ('three');" "$(audit 3)"
}

# --- set up -------------------------------------------------------------------------
if ! net_up; then
    fail "network namespaces and veths could not be created"
    finish
fi
if ! pg_up; then
    fail "PostgreSQL did not start inside $DBNS"
    finish
fi
echo "# PostgreSQL $(q postgres 'SHOW server_version') in $DBNS on $DBADDR:$PORT; app hosts ${APPS[*]}"
T0=$(now)

# --- 1. herd across hosts ---------------------------------------------------------------
test_herd() {
    local dir=$T/m1 names=() h r n
    new_db t1 || { fail "herd: create database"; return; }
    mig "$dir" 001_accounts.sql "-- migrate:up" "CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL);" "$(audit 1)"
    mig "$dir" 002_seed.sql "-- migrate:up" "SELECT pg_sleep(1);" \
        "INSERT INTO accounts (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 100) g;" "$(audit 2)"
    mig "$dir" 003_index.sql "-- migrate:up transaction:false" \
        "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);" "$(audit 3)"
    mig "$dir" 004_flag.sql "-- migrate:up" "ALTER TABLE accounts ADD COLUMN active boolean NOT NULL DEFAULT true;" "$(audit 4)"
    for h in 1 2 3; do
        for r in 1 2 3; do
            n=herd-h$h-r$r
            names+=("$n")
            start_replica "$n" "$h" t1 "$dir" "$T/go1" --wait-for-db=30s
        done
    done
    sleep 0.3
    touch "$T/go1"
    if ! wait_done 60 "${names[@]}"; then
        fail "herd: not every replica finished within 60 s"
    fi
    check "herd: 9 replicas on 3 hosts all exec'd" every_exec "${names[@]}"
    check "herd: each of 4 migrations applied exactly once" exactly_once t1 4
    echo "# herd: applied by $(q t1 "SELECT string_agg(DISTINCT applied_by, ', ') FROM schemagate_migrations"); $(grep -l 'waiting for lock' "$T"/herd-*.log 2>/dev/null | wc -l) replica(s) logged a wait"
    grep -h 'waiting for lock' "$T"/herd-*.log 2>/dev/null | head -n 1 | sed 's/^/#   /'
}

# --- 2. partition the holder's host -------------------------------------------------------
replica_by_pid() { # pid name...: the replica whose schemagate had this pid
    local pid=$1 n
    shift
    for n in "$@"; do
        [ "$(cat "$T/$n.pid" 2>/dev/null)" = "$pid" ] && { echo "$n"; return 0; }
    done
    return 1
}
replica_host() { local n=${1#*-h}; echo "${n%%-*}"; } # part-h2-r1 -> 2
holder_gave_up() { # name: non-zero status, never exec'd, never recorded 002
    local rc
    rc=$(rc_of "$1")
    [ "$rc" != 0 ] && [ "$rc" != none ] && [ ! -e "$T/$1.exec" ] && ! grep -q 'applied 002_slow' "$T/$1.log"
}
on_other_host() { [ -n "$1" ] && [ "$(replica_host "$1")" != "$2" ]; }

test_partition() {
    local dir=$T/m2 names=() h r n line hpid haddr happ hhost tcut trel tnew newh relsec holder applier
    if [ "$HAVE_IPT" = 0 ]; then
        echo "# partition: SKIPPED: no iptables"
        return
    fi
    new_db t2 || { fail "partition: create database"; return; }
    base_migs "$dir"
    slow_mig "$dir" 002_slow.sql 2 90
    for h in 1 2 3; do
        for r in 1 2; do
            n=part-h$h-r$r
            names+=("$n")
            start_replica "$n" "$h" t2 "$dir" "$T/go2" --wait-for-db=90s
        done
    done
    touch "$T/go2"
    if ! line=$(wait_sleeping t2 20); then
        fail "partition: no replica reached the slow migration"
        return
    fi
    read -r hpid haddr happ <<<"$line"
    holder=$(replica_by_pid "${happ##* }" "${names[@]}")
    hhost=$(host_of_addr "$haddr")
    sleep 1 # well inside the migration
    partition "$hhost" || { fail "partition: iptables rules could not be added"; return; }
    tcut=$(now)
    echo "# partition: host $hhost ($haddr) cut off while its replica ${holder:-?} (backend $hpid) runs 002_slow.sql"
    # The server frees the lock when it notices the silent client.
    trel=
    while [ "$(elapsed "$tcut" "$(now)" | cut -d. -f1)" -lt 60 ]; do
        if [ -z "$(q t2 "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $hpid")" ]; then
            trel=$(now)
            break
        fi
        sleep 0.2
    done
    if [ -z "$trel" ]; then
        fail "partition: backend $hpid still holds the lock 60 s after the cut"
        heal "$hhost"
        return
    fi
    relsec=$(elapsed "$tcut" "$trel")
    echo "# partition: the server freed the lock ${relsec} s after the cut (server tcp_keepalives 5 s + 3 x 2 s, tcp_user_timeout 10 s, client_connection_check_interval 1 s)"
    grep -h "\[$hpid\]" "$PGD/log" | tail -n 3 | sed 's/^/#   server: /'
    check "partition: lock freed within 30 s of the cut (${relsec} s)" awk -v s="$relsec" 'BEGIN { exit !(s <= 30) }'
    # Someone on another host takes over.
    tnew=
    for _ in $(seq 1 100); do
        newh=$(lock_holder t2)
        [ -n "$newh" ] && { tnew=$(now); break; }
        [ "$(q t2 "SELECT count(*) FROM schemagate_migrations")" = 3 ] && { tnew=$(now); break; }
        sleep 0.1
    done
    [ -n "$tnew" ] && echo "# partition: next holder (${newh:-already done}) $(elapsed "$tcut" "$tnew") s after the cut"
    # The cut-off holder must find out on its own and give up.
    if [ -n "$holder" ] && wait_done 50 "$holder"; then
        echo "# partition: the cut-off holder exited $(rc_of "$holder") $(elapsed "$tcut" "$(cut -d' ' -f2 "$T/$holder.rc")") s after the cut (client keepalives / tcp_user_timeout)"
    fi
    heal "$hhost"
    if ! wait_done 90 "${names[@]}"; then
        fail "partition: not every replica finished within 90 s of the heal"
    fi
    local others=()
    for n in "${names[@]}"; do [ "$n" = "$holder" ] || others+=("$n"); done
    if [ -z "$holder" ]; then
        fail "partition: could not tell which replica was the holder ($happ)"
    else
        check "partition: the cut-off holder exited non-zero ($(rc_of "$holder")), never recording 002 nor exec'ing" \
            holder_gave_up "$holder"
        show_log "$holder" 6
    fi
    check "partition: every other replica (5, on 3 hosts) exec'd" every_exec "${others[@]}"
    check "partition: each migration applied exactly once" exactly_once t2 3
    applier=$(replica_by_pid "$(q t2 "SELECT applied_by FROM schemagate_migrations WHERE version = '2'" | sed 's/.*://')" "${names[@]}")
    check "partition: another host (${applier:-?}) finished the slow migration" on_other_host "$applier" "$hhost"
    echo "# partition: attempts at the slow migration: $(q t2 "SELECT last_value FROM slow_attempt")"
}

# --- 3/4. restart the server while replicas wait ----------------------------------------------
# The holder whose session the restart ended: exits 69 (session lost) and never
# execs -- or, should schemagate ever restart from scratch, exits 0 after exec.
holder_lost() {
    case "$(rc_of "$1")" in
    69) [ ! -e "$T/$1.exec" ] ;;
    0) [ -s "$T/$1.exec" ] ;;
    *) show_log "$1"; return 1 ;;
    esac
}

# test_restart DB PIN: PIN=1 holds every waiter's poll in flight on the server.
test_restart() {
    local db=$1 pin=$2 dir=$T/m-$1 names=() h r n line hpid haddr happ holder tr label pinpid=
    label=restart
    [ "$pin" = 1 ] && label="restart, polls in flight"
    new_db "$db" || { fail "$label: create database"; return; }
    base_migs "$dir"
    slow_mig "$dir" 002_slow.sql 2 30
    for h in 1 2 3; do
        for r in 1 2 3; do
            n=$db-h$h-r$r
            names+=("$n")
            start_replica "$n" "$h" "$db" "$dir" "$T/go-$db" --wait-for-db=60s
        done
    done
    touch "$T/go-$db"
    if ! line=$(wait_sleeping "$db" 20); then
        fail "$label: no replica reached the slow migration"
        return
    fi
    read -r hpid haddr happ <<<"$line"
    holder=$(replica_by_pid "${happ##* }" "${names[@]}")
    sleep 1.5 # the waiters are in their poll loop
    if [ "$pin" = 1 ]; then
        # A pending ACCESS EXCLUSIVE request queues every later ledger read.
        psql -X -q -h "$PGD" -p "$PORT" -U postgres -d "$db" \
            -c "BEGIN; LOCK TABLE schemagate_migrations IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(120);" \
            >/dev/null 2>&1 &
        pinpid=$!
        pids+=("$pinpid")
        local end=$((SECONDS + 10)) inflight=0
        while [ $SECONDS -lt $end ]; do
            inflight=$(q "$db" "SELECT count(*) FROM pg_stat_activity WHERE datname = '$db' AND application_name LIKE 'schemagate %' AND wait_event_type = 'Lock' AND pid <> $hpid")
            [ "$inflight" -ge 6 ] && break
            sleep 0.2
        done
        echo "# $label: $inflight waiter poll(s) in flight at the restart"
    fi
    tr=$(now)
    if ! pg_ctl_ns -m fast -w -t 60 restart >/dev/null 2>&1; then
        fail "$label: pg_ctl restart failed"
        tail -n 20 "$PGD/log"
        return
    fi
    echo "# $label: server restarted in $(elapsed "$tr" "$(now)") s; the holder ${holder:-?} (backend $hpid) was in 002_slow.sql"
    [ -n "$pinpid" ] && wait "$pinpid" 2>/dev/null
    if ! wait_done 75 "${names[@]}"; then
        fail "$label: not every replica finished within 75 s of the restart"
    fi
    local others=()
    for n in "${names[@]}"; do [ "$n" = "$holder" ] || others+=("$n"); done
    if [ -z "$holder" ]; then
        fail "$label: could not tell which replica was the holder ($happ)"
    else
        check "$label: the holder that lost its session exited $(rc_of "$holder") (69 without exec, or 0 after a fresh start)" \
            holder_lost "$holder"
    fi
    check "$label: all 8 waiters converged and exec'd" every_exec "${others[@]}"
    check "$label: each migration applied exactly once" exactly_once "$db" 3
}

test_herd
test_partition
test_restart t3 0
test_restart t4 1
echo "# total $(elapsed "$T0" "$(now)") s"
finish
