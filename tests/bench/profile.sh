#!/usr/bin/env bash
# tests/bench/profile.sh -- where a no-op start spends its instructions and
# its memory: the evidence behind the "what bounds it" notes of `make bench`.
# Runs callgrind on a no-op `schemagate up` (SQLite and PostgreSQL, 100
# migrations applied) and on the floor, sums the cost per shared object and
# per step, then reads the resident pages per mapping of a schemagate that
# is parked polling for a lock another session holds.
#
#   B=build tests/bench/profile.sh      (after `make bench` built build/bench/)
set -u
cd "$(dirname "$0")/../.." || exit 1
B=${B:-build}
case "$B" in /*) ;; *) B=$PWD/$B ;; esac
SG=$B/schemagate
BB=$B/bench
N=${BENCH_NOOP_MIGRATIONS:-100}
command -v valgrind >/dev/null || { echo "profile: valgrind is needed" >&2; exit 1; }
[ -x "$SG" ] && [ -x "$BB/floor_pg" ] && [ -x "$BB/floor_sqlite" ] ||
    { echo "profile: run make bench first (it builds $BB)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-profile.XXXXXX")
chmod 0755 "$tmp"
trap 'kill $HOLD_PID 2>/dev/null; pg_stop; rm -rf "$tmp"' EXIT
HOLD_PID=
. tests/lib/pg.sh
trap 'kill $HOLD_PID 2>/dev/null; pg_stop; rm -rf "$tmp"' EXIT
pg_start >/dev/null || exit 1
PG="postgres://postgres@127.0.0.1:$PGTEST_PORT/postgres?sslmode=disable"

mkdir -p "$tmp/m"
for ((i = 1; i <= N; i++)); do
    printf -- '-- migrate:up\nCREATE TABLE bench_%d (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n-- migrate:down\nDROP TABLE bench_%d;\n' \
        "$i" "$i" >"$tmp/m/$(printf '%06d' "$i")_bench_$i.sql"
done
"$SG" -q -u "$PG" -d "$tmp/m" up
"$SG" -q -u "sqlite://$tmp/p.db" -d "$tmp/m" up

cg() { # name argv... -> callgrind profile in $tmp/cg.name
    local name=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$name" "$@" >/dev/null 2>&1
}
cg version "$SG" --version
cg floor_pg "$BB/floor_pg" "$PG" "SELECT version FROM schemagate_migrations"
cg sg_pg "$SG" -u "$PG" -d "$tmp/m" up
cg floor_sqlite "$BB/floor_sqlite" "$tmp/p.db" "SELECT version FROM schemagate_migrations LIMIT 1"
cg sg_sqlite "$SG" -u "sqlite://$tmp/p.db" -d "$tmp/m" up

# Self cost per shared object.
by_object() {
    callgrind_annotate --inclusive=no --threshold=100 "$tmp/cg.$1" 2>/dev/null |
        awk '/^ *[0-9,]+ .*\[/ { gsub(",", "", $1); n = $1; match($0, /\[[^]]*\]$/)
             d = substr($0, RSTART + 1, RLENGTH - 2); sub(".*/", "", d); s[d] += n; t += n }
             END { for (k in s) if (s[k] * 50 >= t) printf "    %11d %5.1f%%  %s\n", s[k], 100 * s[k] / t, k
                   printf "    %11d total\n", t }' | sort -rn
}
# Inclusive cost of the steps that matter.
steps() {
    callgrind_annotate --inclusive=yes --threshold=100 "$tmp/cg.$1" 2>/dev/null |
        grep -E ' (\./elf/\./elf/rtld\.c:_dl_start|[^ ]*main\.c:main|[^ ]*:sg_migrations_load[a-z_]*|[^ ]*:sg_sha256_hex|\?\?\?:OPENSSL_init_crypto|\?\?\?:EVP_MD_fetch|[^ ]*:sg_sql_split|[^ ]*:(pg|sq)_connect|[^ ]*:(pg|sq)_ledger_read|[^ ]*:sg_plan_build) \[' |
        sed -e 's/ \[.*//' -e 's/^/    /'
}
for p in version floor_pg sg_pg floor_sqlite sg_sqlite; do
    echo "== $p: instructions by shared object (>= 2%)"
    by_object "$p"
    case "$p" in sg_*) echo "  -- inclusive, by step"; steps "$p" ;; esac
done

# Resident pages by mapping: park a schemagate polling for a lock that a
# psql session holds (fixed key), with migrations pending.
pg_psql "CREATE DATABASE prof_rss" >/dev/null
psql -X -q -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d prof_rss \
    -c "SELECT pg_advisory_lock(4242)" -c "SELECT pg_sleep(20)" >/dev/null 2>&1 &
HOLD_PID=$!
sleep 0.5
"$SG" -q --lock-key=4242 -u "${PG/\/postgres\?/\/prof_rss?}" -d "$tmp/m" up 2>/dev/null &
sgpid=$!
sleep 1.5
echo "== resident memory of a waiting schemagate (pid $sgpid), KB"
grep -E '^(Rss|Anonymous):' "/proc/$sgpid/smaps_rollup" | sed 's/^/    /'
awk '/^[0-9a-f]+-/ { name = $6 } /^Rss:/ { r[name == "" ? "[anonymous]" : name] += $2 }
     END { for (n in r) if (r[n] >= 150) printf "    %6d %s\n", r[n], n }' "/proc/$sgpid/smaps" | sort -rn
kill "$sgpid" "$HOLD_PID" 2>/dev/null
wait 2>/dev/null
HOLD_PID=
