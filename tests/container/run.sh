#!/usr/bin/env bash
# tests/container/run.sh -- schemagate the way users meet it: in a container.
#
# Builds the top-level Dockerfile and the example app's image with podman,
# starts a throwaway PostgreSQL on 127.0.0.1, and checks what issue 6 promises:
# five replicas started at once apply each migration exactly once; in every one
# the app is PID 1 and runs as uid 10001; `podman stop` of a replica waiting for
# the lock ends it with status 143 well inside the 10 s grace period. Also: the
# image's shape (non-root USER, ENTRYPOINT, no compiler), exit statuses passing
# through, and the SQLite local-dev setup on a named volume.
#
# Skips (exit 0, with the reason) where podman is missing; CI installs it with
# `tests/lib/deps.sh container`. The debootstrapped base image is cached (see
# podman.sh). Last line: "N passed, M failed"; non-zero exit on any failure.
set -u
cd "$(dirname "$0")/../.."
. tests/container/podman.sh

if ! why=$(podman_check); then
    echo "container tests: SKIPPED: $why"
    exit 0
fi

UID_APP=10001
IMAGE=localhost/schemagate:latest
APP_IMAGE=localhost/schemagate-example:latest
NAME=sgct-$$            # prefix of every container and volume made here
STOP_LIMIT_MS=${SG_STOP_LIMIT_MS:-3000}

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $*"; }
fail() { failed=$((failed + 1)); echo "FAIL - $*"; }
check() { # description command... : passes when the command succeeds
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}
now_ms() { date +%s%3N; }

holder_pid=
cleanup() {
    local c
    [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
    for c in $(podman ps -a --filter "name=^$NAME-" --format '{{.Names}}' 2>/dev/null); do
        podman rm -f -t 0 "$c" >/dev/null 2>&1
    done
    podman volume rm -f "$NAME-data" >/dev/null 2>&1
}
trap cleanup EXIT

# --- set-up: base image, the two images, a PostgreSQL -----------------------
if ! podman_setup; then
    fail "podman set-up (base image $SG_BASE_IMAGE)"
    finish
fi
log=$(mktemp "${TMPDIR:-/tmp}/sg-container.XXXXXX")
t0=$(now_ms)
if podman build --isolation chroot -t "$IMAGE" . >"$log" 2>&1; then
    ok "podman build . -> $IMAGE ($(( ($(now_ms) - t0) / 1000 )) s)"
else
    tail -n 30 "$log"
    fail "podman build . (log above)"
    finish
fi
t0=$(now_ms)
if podman build --isolation chroot --build-arg SCHEMAGATE_IMAGE="$IMAGE" -t "$APP_IMAGE" \
        migrations-example >"$log" 2>&1; then
    ok "podman build migrations-example -> $APP_IMAGE ($(( ($(now_ms) - t0) / 1000 )) s)"
else
    tail -n 30 "$log"
    fail "podman build migrations-example (log above)"
    finish
fi
rm -f "$log"

size_mb() { echo "$(( $(podman image inspect --format '{{.Size}}' "$1") / 1000000 ))"; }
echo "# image size: $IMAGE $(size_mb "$IMAGE") MB, $APP_IMAGE $(size_mb "$APP_IMAGE") MB" \
     "(base $SG_BASE_IMAGE $(size_mb "$SG_BASE_IMAGE") MB)"

. tests/lib/pg.sh
if ! pg_start -c max_connections=100 >/dev/null; then
    fail "start PostgreSQL on 127.0.0.1"
    finish
fi
db_url() { echo "${PGTEST_URL%/*}/$1"; }
psql_db() { psql -X -q -At -v ON_ERROR_STOP=1 "$(db_url "$1")" -c "$2"; }
RUN=("${PODMAN_RUN[@]}" --network host)

lock_key() { # database -> the key `schemagate status` reports for the example app
    "${RUN[@]}" --rm -e DATABASE_URL="$(db_url "$1")" --entrypoint schemagate "$APP_IMAGE" status 2>&1 |
        sed -n 's/.*lock key \(-\{0,1\}[0-9][0-9]*\).*/\1/p'
}
# Holds advisory lock KEY from outside, as another replica in the middle of a
# long migration would: one psql session, kept open by pg_sleep.
hold_lock() { # database key
    local i
    PGAPPNAME=$NAME-holder psql -X -q -At "$(db_url "$1")" \
        -c "SELECT pg_advisory_lock($2)" -c "SELECT pg_sleep(600)" </dev/null >/dev/null 2>&1 &
    holder_pid=$!
    for i in $(seq 1 100); do
        [ "$(psql_db "$1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && return 0
        sleep 0.1
    done
    return 1
}
release_lock() {
    psql_db postgres "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '$NAME-holder'" >/dev/null
    kill "$holder_pid" 2>/dev/null
    wait "$holder_pid" 2>/dev/null
    holder_pid=
}
count_logs() { # pattern container... -> how many of the containers logged it
    local pat=$1 c n=0
    shift
    for c in "$@"; do podman logs "$c" 2>&1 | grep -q -- "$pat" && n=$((n + 1)); done
    echo "$n"
}

# --- the image itself ---------------------------------------------------------
has() { grep -q -- "$2" <<<"$1"; } # text pattern
check "image USER is $UID_APP:$UID_APP" \
    test "$(podman image inspect --format '{{.Config.User}}' "$IMAGE")" = "$UID_APP:$UID_APP"
check "image ENTRYPOINT is [\"schemagate\"]" \
    test "$(podman image inspect --format '{{json .Config.Entrypoint}}' "$IMAGE")" = '["schemagate"]'
out=$("${RUN[@]}" --rm "$IMAGE" --version 2>&1)
check "the image runs: $out" has "$out" '^schemagate [0-9]'
check "no compiler, make or -dev headers in the image" \
    "${RUN[@]}" --rm --entrypoint sh "$IMAGE" -c \
    '! command -v cc && ! command -v gcc && ! command -v make && ! test -e /usr/include/libpq-fe.h'
out=$("${RUN[@]}" --rm --entrypoint schemagate "$APP_IMAGE" -u nosuch://x status 2>&1)
drivers=$(sed -n 's/.*(compiled in: \(.*\)).*/\1/p' <<<"$out")
check "drivers compiled in: ${drivers:-$out}" \
    sh -c "echo '$drivers' | grep -qw postgres && echo '$drivers' | grep -qw mysql && echo '$drivers' | grep -qw sqlite"
out=$(podman image inspect --format '{{.Config.Env}}' "$IMAGE" "$APP_IMAGE")
check "no database URL or password baked into either image" \
    sh -c "! echo '$out' | grep -Eiq 'DATABASE_URL|PASSWORD'"

# --- five replicas at once ----------------------------------------------------
# They start together against an empty database. To be sure they really
# contend (a container starts in about as long as the migrations take), the
# lock is first held from outside until all five are polling for it; then it
# is released and they race. They run hardened as the Kubernetes manifests ask
# (read-only root without a /tmp, no capabilities, no-new-privileges).
psql_db postgres "CREATE DATABASE sg_herd" || fail "create database sg_herd"
HERD_URL=$(db_url sg_herd)
herd=()
for i in 1 2 3 4 5; do
    herd+=("$NAME-app$i")
    podman create --runtime runc --network host --name "$NAME-app$i" \
        --read-only --read-only-tmpfs=false --cap-drop=ALL --security-opt=no-new-privileges \
        -e DATABASE_URL="$HERD_URL" -e BIND=127.0.0.1:$((PGTEST_PORT + 100 + i)) \
        -e WEB_CONCURRENCY=1 "$APP_IMAGE" >/dev/null || fail "podman create $NAME-app$i"
done
key=$(lock_key sg_herd)
gated=
if [ -n "$key" ] && hold_lock sg_herd "$key"; then gated=1; fi
starts=()
for c in "${herd[@]}"; do podman start "$c" >/dev/null & starts+=($!); done
wait "${starts[@]}" # not a bare wait: the lock holder is a background child too
if [ -n "$gated" ]; then
    for _ in $(seq 1 150); do
        [ "$(count_logs 'waiting for lock' "${herd[@]}")" -eq 5 ] && break
        sleep 0.1
    done
    check "all 5 replicas are waiting for lock $key at once" \
        test "$(count_logs 'waiting for lock' "${herd[@]}")" -eq 5
    release_lock
else
    fail "could not hold the herd's lock from outside (key '$key'); the replicas race ungated"
fi

# HTTP from inside a replica (host network: its 127.0.0.1 is the host's), with
# the image's python3, so the host needs no HTTP client.
http() { # container method port path [json] -> the body, or "error: ..."
    podman exec "$1" python3 -c 'import sys, urllib.request
m, port, path = sys.argv[1:4]
data = sys.argv[4].encode() if len(sys.argv) > 4 else None
req = urllib.request.Request("http://127.0.0.1:%s%s" % (port, path), data=data, method=m,
                             headers={"Content-Type": "application/json"})
try: print(urllib.request.urlopen(req, timeout=5).read().decode())
except Exception as e: print("error:", e)' "${@:2}" 2>/dev/null
}
healthz() { # replica number -> the JSON, or nothing
    local out
    out=$(http "$NAME-app$1" GET $((PGTEST_PORT + 100 + $1)) /healthz)
    case "$out" in "{"*) echo "$out" ;; esac
}
up=0
for _ in $(seq 1 120); do
    up=0
    for i in 1 2 3 4 5; do
        [ -n "$(healthz "$i")" ] && up=$((up + 1))
    done
    [ "$up" -eq 5 ] && break
    sleep 0.5
done
if [ "$up" -eq 5 ]; then
    ok "5 replicas started at once; all 5 apps answer /healthz"
else
    fail "only $up of 5 apps answer /healthz; logs:"
    for i in 1 2 3 4 5; do podman logs "$NAME-app$i" 2>&1 | sed "s/^/  app$i: /" | head -n 20; done
fi

nfiles=$(ls migrations-example/migrations/*.sql | wc -l)
ledger=$(psql_db sg_herd "SELECT count(*), count(DISTINCT version) FROM schemagate_migrations" 2>&1)
check "ledger holds each of the $nfiles migrations once ($ledger)" test "$ledger" = "$nfiles|$nfiles"
audit=$(psql_db sg_herd "SELECT count(*), count(DISTINCT detail) FROM audit_log" 2>&1)
check "audit_log: each migration's own insert ran exactly once ($audit rows|distinct)" \
    test "$audit" = "$nfiles|$nfiles"
all_logs=$(for i in 1 2 3 4 5; do podman logs "$NAME-app$i" 2>&1; done)
applying=$(echo "$all_logs" | grep -c 'schemagate: applying ')
check "across the 5 logs, 'applying' appears once per migration ($applying)" test "$applying" -eq "$nfiles"
# The losers either saw the work done before locking (the usual case) or got
# the lock just after the winner released it and found nothing left to apply.
won=$(count_logs 'schemagate: applying ' "${herd[@]}")
idle=$(( $(count_logs 'another replica finished' "${herd[@]}") + $(count_logs 'applied 0 migration' "${herd[@]}") ))
check "one replica migrated; the other 4 waited, then found nothing to do ($won, $idle)" \
    test "$won|$idle" = "1|4"

for i in 1 2 3 4 5; do
    c=$NAME-app$i
    status=$(podman exec "$c" cat /proc/1/status 2>&1)
    cmd=$(podman exec "$c" cat /proc/1/cmdline 2>/dev/null | tr '\0' ' ')
    h=$(healthz "$i")
    if echo "$status" | grep -Eq "^Uid:[[:space:]]+$UID_APP[[:space:]]+$UID_APP[[:space:]]+$UID_APP[[:space:]]+$UID_APP\$" &&
       echo "$status" | grep -Eq "^Gid:[[:space:]]+$UID_APP[[:space:]]" &&
       case "$cmd" in *gunicorn*app:app*) true ;; *) false ;; esac &&
       echo "$h" | grep -q '"master_pid": *1[,}]' && echo "$h" | grep -q "\"uid\": *$UID_APP[,}]"; then
        ok "app$i: PID 1 is the app ($cmd), uid/gid $UID_APP; /healthz says master_pid 1"
    else
        fail "app$i: PID 1 is not the app as uid $UID_APP: cmdline '$cmd'; $(echo "$status" | grep -E '^(Name|Uid)' | tr '\n\t' '  '); healthz $h"
    fi
done
# The app works against the migrated schema: a user, an order, the counts.
p2=$((PGTEST_PORT + 102)) p3=$((PGTEST_PORT + 103))
user=$(http "$NAME-app2" POST "$p2" /users '{"email": "Ada@Example.org", "name": "Ada"}')
uid=$(sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' <<<"$user")
http "$NAME-app3" POST "$p3" "/users/$uid/orders" '{"total_cents": 4200}' >/dev/null
counts=$(http "$NAME-app2" GET "$p2" /)
check "the app writes and reads through the new schema ($(grep -o '"\(orders\|users\)": *[0-9]*' <<<"$counts" | tr '\n' ' '))" \
    sh -c "echo '$counts' | grep -q '\"orders\": *1' && echo '$counts' | grep -q '\"users\": *1'"

t0=$(now_ms)
podman stop -t 10 "$NAME-app1" >/dev/null
ms=$(( $(now_ms) - t0 ))
code=$(podman inspect --format '{{.State.ExitCode}}' "$NAME-app1")
check "podman stop of a running app: gunicorn (PID 1) gets SIGTERM itself, exits $code in $ms ms" \
    test "$code" -eq 0 -a "$ms" -lt 9000

# --- podman stop while waiting for the lock -----------------------------------
psql_db postgres "CREATE DATABASE sg_stop" || fail "create database sg_stop"
STOP_URL=$(db_url sg_stop)
key=$(lock_key sg_stop)
if [ -z "$key" ]; then
    fail "schemagate status prints 'lock key N'"
else
    ok "schemagate status prints lock key $key"
    held=0
    hold_lock sg_stop "$key" && held=1
    check "the outside session holds advisory lock $key" test "$held" = 1

    c=$NAME-waiter
    "${RUN[@]}" -d --name "$c" -e DATABASE_URL="$STOP_URL" -e SCHEMAGATE_LOG_FORMAT=json \
        "$APP_IMAGE" >/dev/null
    waiting=
    for _ in $(seq 1 100); do
        podman logs "$c" 2>&1 | grep -q '"event":"lock_waiting"' && { waiting=1; break; }
        sleep 0.1
    done
    check "a replica started while the lock is held logs lock_waiting" test -n "$waiting"
    sleep 1 # well into the polling loop, between two polls or inside one
    t0=$(now_ms)
    podman stop -t 10 "$c" >/dev/null
    ms=$(( $(now_ms) - t0 ))
    code=$(podman inspect --format '{{.State.ExitCode}}' "$c")
    echo "# podman stop of the waiting replica: exit status $code after $ms ms (grace period 10000 ms)"
    check "podman stop while waiting for the lock: exit status 143 ($code)" test "$code" = 143
    check "... within ${STOP_LIMIT_MS} ms of podman stop ($ms ms), well inside the 10 s grace period" \
        test "$ms" -lt "$STOP_LIMIT_MS"
    check "... with a fatal log line naming the signal" \
        sh -c "podman logs '$c' 2>&1 | grep '\"event\":\"fatal\"' | grep -q '\"exit\":143'"
    tables=$(psql_db sg_stop "SELECT count(*) FROM pg_tables WHERE tablename IN ('schemagate_migrations', 'audit_log')")
    check "... having applied nothing (no ledger, no audit_log: $tables tables)" test "$tables" = 0
    ghosts=$(psql_db sg_stop "SELECT count(*) FROM pg_stat_activity WHERE datname = 'sg_stop' AND application_name LIKE 'schemagate%'")
    check "... and leaving no session behind on the server ($ghosts)" test "$ghosts" = 0

    # Release: the next replica migrates sg_stop and starts the app.
    release_lock
    out=$("${RUN[@]}" --rm -e DATABASE_URL="$STOP_URL" "$APP_IMAGE" \
          sh -c 'echo "pid=$$ uid=$(id -u)"' 2>&1)
    check "after the holder is gone, the next replica migrates and execs its command as PID 1" \
        sh -c "echo '$out' | grep -q 'applied $nfiles migration' && echo '$out' | grep -q '^pid=1 uid=$UID_APP\$'"
fi

# --- exit statuses through the handoff -----------------------------------------
"${RUN[@]}" --rm -e DATABASE_URL="$HERD_URL" "$APP_IMAGE" sh -c 'exit 7' >/dev/null 2>&1
check "the app's exit status is the container's (7)" test $? -eq 7
"${RUN[@]}" --rm -e DATABASE_URL="$HERD_URL" "$APP_IMAGE" no-such-program >/dev/null 2>&1
check "a PROGRAM that does not exist: 127" test $? -eq 127
"${RUN[@]}" --rm "$APP_IMAGE" true >/dev/null 2>&1
check "no DATABASE_URL: 78 (configuration)" test $? -eq 78

# --- local development: SQLite on a named volume --------------------------------
podman volume create "$NAME-data" >/dev/null
show='import sqlite3; c = sqlite3.connect("/data/app.db"); print("rows", c.execute("SELECT count(*) FROM schemagate_migrations").fetchone()[0], c.execute("SELECT count(*) FROM audit_log").fetchone()[0])'
out1=$("${RUN[@]}" --rm -v "$NAME-data:/data" -e DATABASE_URL=sqlite:///data/app.db "$APP_IMAGE" python3 -c "$show" 2>&1)
out2=$("${RUN[@]}" --rm -v "$NAME-data:/data" -e DATABASE_URL=sqlite:///data/app.db "$APP_IMAGE" python3 -c "$show" 2>&1)
check "SQLite on a named volume: the first run applies $nfiles as uid $UID_APP" \
    has "$out1" "rows $nfiles $nfiles"
check "SQLite on a named volume: the second run has nothing to do" \
    sh -c "echo '$out2' | grep -q 'nothing to do' && echo '$out2' | grep -q 'rows $nfiles $nfiles'"

finish
