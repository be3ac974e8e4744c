#!/usr/bin/env bash
# tests/bench/run.sh -- `make bench`: what schemagate costs at every container
# start, against the floor (one connection + one query, in C) and a peer
# (dbmate), on throwaway servers started by the same helpers as the tests.
# Prints a table and writes $B/bench-results.json. Numbers, not assertions:
# it fails only when a case cannot run at all.
#
#   B=build tests/bench/run.sh
#
# Knobs (environment): BENCH_RUNS (interleaved rounds of the no-op case, 21),
# BENCH_NOOP_MIGRATIONS (100), BENCH_MIGRATIONS (1000), BENCH_APPLY_RUNS (4),
# BENCH_HERD (200), BENCH_HERD_SLEEP (seconds the holder's migration takes,
# 5: long enough for every replica to be polling when it ends), DBMATE (a dbmate binary to use instead of installing one), BENCH_JSON,
# BENCH_CASES (a subset of "noop apply herd", all by default), BENCH_KEEP (a
# directory to copy the herd's logs into, for a post-mortem).
#
# Helpers built here with the project's flags: timeit.c (fork/exec/wait4:
# wall, CPU, peak RSS), floor_{pg,mysql,sqlite}.c, pgsample.c (sessions
# every 10 ms), herd.c (forks N replicas, then releases them at once).
# profile.sh is the companion that shows where a no-op start goes.
#
# Method, so the figures can be trusted:
# - every timing is one fork+exec+wait of the real program by timeit.c;
#   the tools are interleaved round by round (rotating who goes first), so a
#   burst of load on this shared machine hits all of them alike; medians;
# - a no-op start is timed with 100 migrations applied and with 1, each
#   against a floor reading the same ledger: the difference is what each
#   applied migration costs (its file read, hashed and checked); a build
#   with only the SQLite driver runs in the same rotation as a control;
# - dbmate is the Go binary shipped in the npm package, run directly (not
#   through its node wrapper, which would add node's own start-up to it);
#   the ratio uses `dbmate migrate` (its cheapest path: `up` also checks the
#   database exists, over a second connection), and `up` is shown beside it;
# - every URL says sslmode=disable on PostgreSQL: the server has no TLS, and
#   lib/pq would otherwise refuse while libpq would first ask for TLS;
# - round trips are counted by the server: PostgreSQL logs every simple
#   Query and every extended-protocol Execute (log_statement=all, for one
#   database only), MariaDB logs every command packet (general_log to a
#   table; a multi-statement packet is one row). Connection set-up is not a
#   statement and is not counted. "Per migration" is the difference between
#   applying N and applying 10, divided by N-10: exact, whatever the fixed
#   cost of an `up`. strace of the client's send() calls cross-checks it.
set -u
cd "$(dirname "$0")/../.." || exit 1
ROOT=$PWD
B=${B:-build}
case "$B" in /*) ;; *) B=$ROOT/$B ;; esac
SG=$B/schemagate
BB=$B/bench
RUNS=${BENCH_RUNS:-21}
NOOP_N=${BENCH_NOOP_MIGRATIONS:-100}
APPLY_N=${BENCH_MIGRATIONS:-1000}
APPLY_RUNS=${BENCH_APPLY_RUNS:-4}
HERD_N=${BENCH_HERD:-200}
HERD_SLEEP=${BENCH_HERD_SLEEP:-5}
JSON=${BENCH_JSON:-$B/bench-results.json}
CASES=" ${BENCH_CASES:-noop apply herd} "
want() { case "$CASES" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
RSS_TARGET_KB=8192

# Nothing from the caller's environment may steer the tools measured.
unset DATABASE_URL DATABASE_URL_FILE PGSERVICE PGOPTIONS PGAPPNAME
for v in $(compgen -e); do
    case "$v" in SCHEMAGATE_* | DBMATE_*) unset "$v" ;; esac
done

note() { printf 'bench: %s\n' "$*" >&2; }
die() { note "$*"; exit 1; }

[ -x "$SG" ] || die "$SG not built (run make first)"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-bench.XXXXXX") || die "no temp dir"
chmod 0755 "$tmp"
cleanup() {
    [ -n "${SAMPLER_PID:-}" ] && kill "$SAMPLER_PID" 2>/dev/null
    pg_stop 2>/dev/null
    mariadb_stop 2>/dev/null
    rm -rf "$tmp"
    [ -n "${SQDIR:-}" ] && [ "$SQDIR" != "$tmp" ] && rm -rf "$SQDIR"
}
trap cleanup EXIT
. tests/lib/pg.sh
. tests/lib/mariadb.sh
trap cleanup EXIT # the helpers may have replaced it

# ---- results: "path<TAB>json value" lines, nested into JSON at the end ----
RES=$tmp/results.tsv
: >"$RES"
put() { printf '%s\t%s\n' "$1" "$2" >>"$RES"; }                  # raw JSON value
puts() { put "$1" "\"$(printf '%s' "$2" | sed 's/\\/\\\\/g; s/"/\\"/g')\""; }
TARGETS=$tmp/targets.tsv # name, figure, target, met|missed|n/a
: >"$TARGETS"
target() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$TARGETS"; }
# verdict VALUE OP LIMIT -> met / missed / n/a (awk does the float compare)
verdict() {
    case "$1" in '' | n/a | -) echo n/a; return ;; esac
    awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
        ok = (op == "<=") ? v <= l : (op == "<") ? v < l : (op == ">=") ? v >= l : v == l
        print ok ? "met" : "missed" }'
}
fmt() { case "$1" in '' | n/a) echo n/a ;; *) awk -v v="$1" -v d="${2:-1}" 'BEGIN { printf "%.*f", d, v }' ;; esac; }
ratio() { # a / b, or n/a
    case "$1$2" in *n/a* | '') echo n/a; return ;; esac
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) { print "n/a"; exit }
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms_now() { date +%s%3N; }

# ---- helper programs, with the project's own flags ------------------------
flags=$(make -s --no-print-directory -f Makefile -f - sg-bench-flags <<'EOF'
sg-bench-flags: ; $(info $(filter-out -Iinclude -DSG_VERSION%,$(BASE_CFLAGS)) $(CFLAGS))$(info $(ALL_LDFLAGS))@:
EOF
) || die "unable to read the build flags from the Makefile"
CF=$(sed -n 1p <<<"$flags")
LF=$(sed -n 2p <<<"$flags")
mkdir -p "$BB"
build_helper() { # name pkg-config-module-or-empty
    local out=$BB/$1 src=tests/bench/$1.c pc_cflags="" pc_libs=""
    if [ -n "$2" ]; then
        pkg-config --exists "$2" 2>/dev/null || { note "no $2: $1 not built"; return 1; }
        pc_cflags=$(pkg-config --cflags "$2") pc_libs=$(pkg-config --libs "$2")
    fi
    [ "$out" -nt "$src" ] && [ "$out" -nt Makefile ] && return 0
    # shellcheck disable=SC2086 # flag lists are meant to split
    ${CC:-cc} $CF $pc_cflags -o "$out" "$src" $LF $pc_libs || { note "unable to build $1"; return 1; }
}
build_helper timeit "" || die "timeit is needed for every case"
build_helper herd "" || true
build_helper floor_sqlite sqlite3 || true
build_helper floor_pg libpq || true
build_helper pgsample libpq || true
build_helper floor_mysql libmariadb || true
T=$BB/timeit

# ---- which backends schemagate has --------------------------------------
schemes=$("$SG" -u nosuchscheme://x -d "$tmp" status 2>&1 | sed -n 's/.*compiled in: \([^)]*\)).*/\1/p')
has_scheme() { case ", $schemes," in *", $1,"*) return 0 ;; *) return 1 ;; esac; }
backends=(sqlite)
has_scheme postgres && backends+=(postgres) || note "schemagate has no postgres driver: PostgreSQL cases skipped"
has_scheme mysql && backends+=(mariadb) || note "schemagate has no mysql driver (unknown scheme mysql): MariaDB columns skipped"

# ---- the peer: dbmate's own binary from the npm package -----------------
DBM=${DBMATE:-}
if [ -z "$DBM" ]; then
    for c in "$BB"/npm/node_modules/@dbmate/*/bin/dbmate; do [ -x "$c" ] && DBM=$c && break; done
fi
if [ -z "$DBM" ] && command -v npm >/dev/null; then
    note "installing dbmate from the npm registry under $BB/npm"
    if npm install --silent --no-audit --no-fund --prefix "$BB/npm" dbmate@2 >"$tmp/npm.log" 2>&1; then
        for c in "$BB"/npm/node_modules/@dbmate/*/bin/dbmate; do [ -x "$c" ] && DBM=$c && break; done
    else
        tail -n 5 "$tmp/npm.log" >&2
    fi
fi
DBM_VERSION=n/a DBM_OFFLINE=unknown
if [ -n "$DBM" ] && DBM_VERSION=$("$DBM" --version 2>/dev/null | awk '{print $NF}') && [ -n "$DBM_VERSION" ]; then
    # It must not need the network at run time: prove it in an empty network namespace.
    mkdir -p "$tmp/offline"
    printf -- '-- migrate:up\nCREATE TABLE t (id INTEGER);\n-- migrate:down\nDROP TABLE t;\n' >"$tmp/offline/1_t.sql"
    if command -v unshare >/dev/null && unshare -n true 2>/dev/null; then
        if (cd "$tmp" && unshare -n "$DBM" -u "sqlite:$tmp/offline.db" -d "$tmp/offline" --no-dump-schema migrate >/dev/null 2>&1); then
            DBM_OFFLINE=yes
        else
            DBM_OFFLINE=no
        fi
    fi
    note "peer: dbmate $DBM_VERSION ($DBM), runs without network: $DBM_OFFLINE"
else
    note "dbmate is not available (npm missing or offline): peer columns skipped"
    DBM="" DBM_VERSION=n/a
fi

# ---- migrations ------------------------------------------------------------
# dbmate's layout, which schemagate reads unchanged: one table and one row each.
gen_migrations() { # dir count [extra-sql-for-#2]
    local dir=$1 n=$2 i
    mkdir -p "$dir"
    for ((i = 1; i <= n; i++)); do
        printf -- '-- migrate:up\nCREATE TABLE bench_%d (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\nINSERT INTO bench_%d (id, name) VALUES (1, '"'"'row %d'"'"');\n%s\n-- migrate:down\nDROP TABLE bench_%d;\n' \
            "$i" "$i" "$i" "$([ "$i" = 2 ] && printf '%s' "${3:-}")" "$i" >"$dir/$(printf '%06d' "$i")_bench_$i.sql"
    done
}
gen_migrations "$tmp/m_noop" "$NOOP_N"
gen_migrations "$tmp/m_apply" "$APPLY_N"
gen_migrations "$tmp/m_ten" 10
gen_migrations "$tmp/m_one" 1
# DML only: what the tool itself costs per migration, once the server's DDL
# work (which no client can speed up) is out of the way.
gen_dml() { # dir count
    local dir=$1 n=$2 i
    mkdir -p "$dir"
    printf -- '-- migrate:up\nCREATE TABLE bench_rows (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL);\n-- migrate:down\nDROP TABLE bench_rows;\n' >"$dir/000001_bench_rows.sql"
    for ((i = 2; i <= n; i++)); do
        printf -- '-- migrate:up\nINSERT INTO bench_rows (id, name) VALUES (%d, '"'"'row %d'"'"');\n-- migrate:down\nDELETE FROM bench_rows WHERE id = %d;\n' \
            "$i" "$i" "$i" >"$dir/$(printf '%06d' "$i")_row_$i.sql"
    done
}
gen_dml "$tmp/m_dml" "$APPLY_N"
gen_dml "$tmp/m_dml_ten" 10

# ---- servers ---------------------------------------------------------------
PG_VERSION=n/a MY_VERSION=n/a
if has_scheme postgres; then
    if pg_start -c max_connections=100; then
        PG_BASE="postgres://postgres@127.0.0.1:$PGTEST_PORT"
        PG_VERSION=$(pg_psql "SHOW server_version" | awk '{print $1}')
        # %d lets the round-trip count keep to one database.
        pg_psql "ALTER SYSTEM SET log_line_prefix = '%m [%p] <%d> '" && pg_psql "SELECT pg_reload_conf()" >/dev/null
    else
        note "PostgreSQL did not start: its cases are skipped"
        backends=("${backends[@]/postgres/}")
    fi
fi
if has_scheme mysql; then
    if mariadb_start; then
        MY_BASE="mysql://root:$MYTEST_PASSWORD@127.0.0.1:$MYTEST_PORT"
        MY_VERSION=$(mariadb_sql "SELECT VERSION()" | cut -d- -f1)
        mariadb_sql "SET GLOBAL log_output = 'TABLE'"
    else
        note "MariaDB did not start: its cases are skipped"
        backends=("${backends[@]/mariadb/}")
    fi
fi
has() { case " ${backends[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# Per-backend: a fresh database NAME and its URLs for schemagate and dbmate.
# SQLite files live on tmpfs when there is one: the servers run without
# fsync, and a shared disk's fsync latency would otherwise be all we measure.
SQDIR=$tmp
if [ -d /dev/shm ] && [ -w /dev/shm ] && d=$(mktemp -d /dev/shm/sg-bench.XXXXXX); then
    SQDIR=$d
fi
pg_quiet() { PGOPTIONS='-c client_min_messages=warning' pg_psql "$1"; }
db_create() { # backend name
    case "$1" in
    postgres) pg_quiet "DROP DATABASE IF EXISTS $2" && pg_quiet "CREATE DATABASE $2" ;;
    mariadb) mariadb_sql "DROP DATABASE IF EXISTS $2; CREATE DATABASE $2" ;;
    sqlite) rm -f "$SQDIR/$2.db" "$SQDIR/$2.db-"* ;;
    esac
}
db_drop() {
    case "$1" in
    postgres) pg_quiet "DROP DATABASE IF EXISTS $2" ;;
    mariadb) mariadb_sql "DROP DATABASE IF EXISTS $2" ;;
    sqlite) rm -f "$SQDIR/$2.db" "$SQDIR/$2.db-"* "$SQDIR/$2.db.schemagate-lock" ;;
    esac
}
sg_url() {
    case "$1" in
    postgres) echo "$PG_BASE/$2?sslmode=disable" ;;
    mariadb) echo "$MY_BASE/$2" ;;
    sqlite) echo "sqlite://$SQDIR/$2.db" ;;
    esac
}
dbm_url() {
    case "$1" in
    postgres) echo "$PG_BASE/$2?sslmode=disable" ;;
    mariadb) echo "$MY_BASE/$2" ;;
    sqlite) echo "sqlite:$SQDIR/$2.db" ;;
    esac
}
floor_cmd() { # backend db -> argv of the floor program, reading the ledger
    local q="SELECT version FROM schemagate_migrations"
    case "$1" in
    postgres) [ -x "$BB/floor_pg" ] && echo "$BB/floor_pg|$(sg_url postgres "$2")|$q" ;;
    mariadb) [ -x "$BB/floor_mysql" ] && echo "$BB/floor_mysql|127.0.0.1|$MYTEST_PORT|root|$2|$q" ;;
    sqlite) [ -x "$BB/floor_sqlite" ] && echo "$BB/floor_sqlite|$SQDIR/$2.db|$q LIMIT 1" ;;
    esac
}
export MYSQL_PWD=${MYTEST_PASSWORD:-}

# time_one LABEL ARGV... : one timed run, appended to $tmp/t.LABEL
time_one() {
    local label=$1
    shift
    local line
    line=$("$T" -n 1 -w 0 -- "$@" 2>>"$tmp/err.$label") || note "$label failed (see below)"
    set -- $line
    echo "$2" >>"$tmp/t.$label"
    echo "$5" >>"$tmp/rss.$label"
    echo "$7" >>"$tmp/cpu.$label"
    [ "${6:-0}" = 0 ] || { tail -n 3 "$tmp/err.$label" >&2; echo 1 >>"$tmp/fail.$label"; }
}
med() { [ -s "$tmp/t.$1" ] && median <"$tmp/t.$1" || echo n/a; }
medcpu() { [ -s "$tmp/cpu.$1" ] && median <"$tmp/cpu.$1" || echo n/a; }
maxrss() { [ -s "$tmp/rss.$1" ] && sort -n "$tmp/rss.$1" | tail -n 1 || echo n/a; }

started=$(ms_now)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
cd "$tmp" || exit 1 # dbmate reads ./.env; nothing here

# ============================================================================
# 1. no-op start: every migration applied
# ============================================================================
note "case 1: no-op start, $NOOP_N migrations applied (and 1), $RUNS interleaved rounds"
# The SQLite start-up of a build without the server drivers, in the same
# rotation: the client libraries are opened only for their scheme (issue
# 16), so the full binary should cost a SQLite user nothing more.
SQ_ONLY=$BB/sqlite-only/schemagate
if want noop && ! (cd "$ROOT" && make -s --no-print-directory B="$BB/sqlite-only" DRIVERS=sqlite "$SQ_ONLY" >"$tmp/sqonly.log" 2>&1); then
    note "the SQLite-only build failed: $(tail -n 2 "$tmp/sqonly.log")"
    SQ_ONLY=
fi
for be in "${backends[@]}"; do
    [ -n "$be" ] || continue
    want noop || continue
    db_create "$be" noop_sg && db_create "$be" noop_dbm && db_create "$be" noop_one || continue
    "$SG" -q -u "$(sg_url "$be" noop_sg)" -d "$tmp/m_noop" up || { note "$be: schemagate up failed"; continue; }
    "$SG" -q -u "$(sg_url "$be" noop_one)" -d "$tmp/m_one" up || { note "$be: schemagate up failed"; continue; }
    [ -n "$DBM" ] && { "$DBM" -u "$(dbm_url "$be" noop_dbm)" -d "$tmp/m_noop" --no-dump-schema migrate >/dev/null ||
        note "$be: dbmate migrate failed"; }
    IFS='|' read -r -a floor <<<"$(floor_cmd "$be" noop_sg)"
    IFS='|' read -r -a floor_one <<<"$(floor_cmd "$be" noop_one)"
    tools=(sg floor dbm_migrate dbm_up sg_one floor_one)
    [ "$be" = sqlite ] && [ -n "$SQ_ONLY" ] && tools+=(sgonly)
    for ((r = 0; r < RUNS; r++)); do
        for ((k = 0; k < ${#tools[@]}; k++)); do
            tool=${tools[$(((k + r) % ${#tools[@]}))]}
            case "$tool" in
            sg) time_one "noop_${be}_sg" "$SG" -u "$(sg_url "$be" noop_sg)" -d "$tmp/m_noop" up ;;
            floor) [ ${#floor[@]} -gt 0 ] && time_one "noop_${be}_floor" "${floor[@]}" ;;
            dbm_migrate) [ -n "$DBM" ] && time_one "noop_${be}_dbm_migrate" "$DBM" -u "$(dbm_url "$be" noop_dbm)" -d "$tmp/m_noop" --no-dump-schema migrate ;;
            dbm_up) [ -n "$DBM" ] && time_one "noop_${be}_dbm_up" "$DBM" -u "$(dbm_url "$be" noop_dbm)" -d "$tmp/m_noop" --no-dump-schema up ;;
            sg_one) time_one "noop_${be}_sg_one" "$SG" -u "$(sg_url "$be" noop_one)" -d "$tmp/m_one" up ;;
            floor_one) [ ${#floor_one[@]} -gt 0 ] && time_one "noop_${be}_floor_one" "${floor_one[@]}" ;;
            sgonly) time_one "noop_${be}_sgonly" "$SQ_ONLY" -u "$(sg_url "$be" noop_sg)" -d "$tmp/m_noop" up ;;
            esac
        done
    done
    for tool in sg floor dbm_migrate dbm_up sg_one floor_one; do
        put "noop.$be.${tool}_ms" "$(med "noop_${be}_$tool")"
        put "noop.$be.${tool}_cpu_ms" "$(medcpu "noop_${be}_$tool")"
        put "noop.$be.${tool}_max_rss_kb" "$(maxrss "noop_${be}_$tool")"
    done
    put "noop.$be.ratio_sg_floor" "$(ratio "$(med "noop_${be}_sg")" "$(med "noop_${be}_floor")")"
    put "noop.$be.ratio_sg_floor_one" "$(ratio "$(med "noop_${be}_sg_one")" "$(med "noop_${be}_floor_one")")"
    put "noop.$be.ratio_dbmate_migrate_sg" "$(ratio "$(med "noop_${be}_dbm_migrate")" "$(med "noop_${be}_sg")")"
    put "noop.$be.ratio_dbmate_up_sg" "$(ratio "$(med "noop_${be}_dbm_up")" "$(med "noop_${be}_sg")")"
    # What each applied migration adds to a start: its file read, hashed and
    # checked against its ledger row, over what it adds to the floor's read.
    put "noop.$be.sg_us_per_migration" "$(awk -v a="$(med "noop_${be}_sg")" -v b="$(med "noop_${be}_sg_one")" -v n="$NOOP_N" \
        'BEGIN { if (a != "n/a" && b != "n/a" && n > 1) printf "%.1f", (a - b) * 1000 / (n - 1); else print "n/a" }')"
    db_drop "$be" noop_one
done
if [ -s "$tmp/t.noop_sqlite_sgonly" ]; then
    put "noop.sqlite.sg_sqlite_only_build_ms" "$(med noop_sqlite_sgonly)"
    put "noop.sqlite.sg_sqlite_only_build_cpu_ms" "$(medcpu noop_sqlite_sgonly)"
    put "noop.sqlite.sg_sqlite_only_build_max_rss_kb" "$(maxrss noop_sqlite_sgonly)"
fi
note "case 1 done in $((($(ms_now) - started) / 1000)) s"

# ============================================================================
# 2. apply N migrations from empty; round trips per migration
# ============================================================================
note "case 2: apply $APPLY_N migrations from empty, $APPLY_RUNS runs per tool"
t2=$(ms_now)
# Both databases exist before a pair runs; who goes first alternates, and
# PostgreSQL checkpoints before each run: the server's background work
# after 1000 CREATE TABLEs otherwise lands on whoever runs next.
apply_pair() { # label dir (uses $be and the round $r)
    local label=$1 dir=$2 tool order=(sg dbm)
    [ $((r % 2)) = 1 ] && order=(dbm sg)
    db_create "$be" "${label}_sg" && db_create "$be" "${label}_dbm" || return 1
    for tool in "${order[@]}"; do
        [ "$be" = postgres ] && pg_psql "CHECKPOINT"
        if [ "$tool" = sg ]; then
            time_one "${label}_${be}_sg" "$SG" -q -u "$(sg_url "$be" "${label}_sg")" -d "$dir" up
        elif [ -n "$DBM" ]; then
            time_one "${label}_${be}_dbm" "$DBM" -u "$(dbm_url "$be" "${label}_dbm")" -d "$dir" --no-dump-schema migrate
        fi
    done
}
for be in "${backends[@]}"; do
    [ -n "$be" ] || continue
    want apply || continue
    for ((r = 0; r < APPLY_RUNS; r++)); do
        [ "$r" -gt 0 ] && db_drop "$be" apply_sg && db_drop "$be" apply_dbm
        apply_pair apply "$tmp/m_apply"
    done
    # The same number of DML-only migrations.
    for ((r = 0; r < APPLY_RUNS; r++)); do
        apply_pair dml "$tmp/m_dml"
        db_drop "$be" dml_sg
        db_drop "$be" dml_dbm
    done
    put "apply_dml.$be.sg_ms" "$(med "dml_${be}_sg")"
    put "apply_dml.$be.sg_cpu_ms" "$(medcpu "dml_${be}_sg")"
    put "apply_dml.$be.dbmate_ms" "$(med "dml_${be}_dbm")"
    put "apply_dml.$be.dbmate_cpu_ms" "$(medcpu "dml_${be}_dbm")"
    put "apply_dml.$be.ratio_dbmate_sg" "$(ratio "$(med "dml_${be}_dbm")" "$(med "dml_${be}_sg")")"
    # The no-op start over a large ledger, on what the last runs left.
    for ((r = 0; r < 5; r++)); do
        time_one "noop1k_${be}_sg" "$SG" -u "$(sg_url "$be" apply_sg)" -d "$tmp/m_apply" up
        [ -n "$DBM" ] && time_one "noop1k_${be}_dbm" "$DBM" -u "$(dbm_url "$be" apply_dbm)" -d "$tmp/m_apply" --no-dump-schema migrate
    done
    db_drop "$be" apply_sg
    db_drop "$be" apply_dbm
    put "apply.$be.sg_ms" "$(med "apply_${be}_sg")"
    put "apply.$be.sg_cpu_ms" "$(medcpu "apply_${be}_sg")"
    put "apply.$be.dbmate_ms" "$(med "apply_${be}_dbm")"
    put "apply.$be.dbmate_cpu_ms" "$(medcpu "apply_${be}_dbm")"
    put "apply.$be.ratio_dbmate_sg" "$(ratio "$(med "apply_${be}_dbm")" "$(med "apply_${be}_sg")")"
    put "apply.$be.sg_per_migration_ms" "$(ratio "$(med "apply_${be}_sg")" "$APPLY_N")"
    put "noop_large.$be.migrations" "$APPLY_N"
    put "noop_large.$be.sg_ms" "$(med "noop1k_${be}_sg")"
    put "noop_large.$be.dbmate_migrate_ms" "$(med "noop1k_${be}_dbm")"
done

# Round trips, counted by the server. rt_count backend db tool -> count
rt_count() {
    local be=$1 db=$2
    case "$be" in
    postgres)
        # Lines of this database's sessions only: a simple Query logs
        # "statement:", an extended-protocol Execute logs "execute".
        grep -aE "<$db> LOG:  (statement|execute [^:]*):" "$PGTEST_DIR/log" | wc -l ;;
    mariadb)
        mariadb_sql "SELECT COUNT(*) FROM mysql.general_log WHERE command_type NOT IN
            ('Connect', 'Quit', 'Close stmt', 'Long Data') AND thread_id IN (SELECT thread_id
            FROM mysql.general_log WHERE command_type = 'Connect' AND argument LIKE '% on $db %')" ;;
    esac
}
rt_run() { # backend dir tag [preapply] -> "server_count client_sends"
    local be=$1 dir=$2 db=rt_$3 sends=n/a
    db_create "$be" "$db" || return 1
    # preapply: bring the database up to date first, unlogged (the no-op count).
    [ -n "${4:-}" ] && { "$SG" -q -u "$(sg_url "$be" "$db")" -d "$dir" up || return 1; }
    case "$be" in
    postgres) pg_psql "ALTER DATABASE $db SET log_statement = 'all'" ;;
    mariadb) mariadb_sql "TRUNCATE mysql.general_log; SET GLOBAL general_log = 1" ;;
    esac
    if command -v strace >/dev/null; then
        strace -f -qq -e trace=sendto,sendmsg,write -o "$tmp/strace.$db" \
            "$SG" -q -u "$(sg_url "$be" "$db")" -d "$dir" up || note "$be: schemagate up ($3) failed"
        # The client's sends on the database socket (stderr is fd 2).
        sends=$(grep -cE '^[0-9]+ +(sendto|sendmsg)\(' "$tmp/strace.$db")
    else
        "$SG" -q -u "$(sg_url "$be" "$db")" -d "$dir" up || note "$be: schemagate up ($3) failed"
    fi
    [ "$be" = mariadb ] && mariadb_sql "SET GLOBAL general_log = 0"
    sleep 0.2 # let the server flush its log
    echo "$(rt_count "$be" "$db") $sends"
    db_drop "$be" "$db"
}
for be in "${backends[@]}"; do
    want apply || continue
    case "$be" in postgres | mariadb) ;; *) continue ;; esac
    read -r big big_sends <<<"$(rt_run "$be" "$tmp/m_apply" big)"
    read -r ten ten_sends <<<"$(rt_run "$be" "$tmp/m_ten" ten)"
    read -r noop noop_sends <<<"$(rt_run "$be" "$tmp/m_noop" noop preapply)"
    read -r dbig _ <<<"$(rt_run "$be" "$tmp/m_dml" dml)"
    read -r dten _ <<<"$(rt_run "$be" "$tmp/m_dml_ten" dmlten)"
    put "apply_dml.$be.round_trips_per_migration" "$(awk -v a="$dbig" -v b="$dten" -v n="$APPLY_N" 'BEGIN { printf "%.3f", (a - b) / (n - 10) }')"
    per=$(awk -v a="$big" -v b="$ten" -v n="$APPLY_N" 'BEGIN { printf "%.3f", (a - b) / (n - 10) }')
    fixed=$(awk -v t="$ten" -v p="$per" 'BEGIN { printf "%.0f", t - 10 * p }')
    put "apply.$be.round_trips_total" "$big"
    put "apply.$be.round_trips_per_migration" "$per"
    put "apply.$be.round_trips_fixed_per_up" "$fixed"
    case "$big_sends$ten_sends" in
    *n/a*) ;;
    *) put "apply.$be.client_sends_per_migration" "$(awk -v a="$big_sends" -v b="$ten_sends" -v n="$APPLY_N" 'BEGIN { printf "%.3f", (a - b) / (n - 10) }')" ;;
    esac
    put "apply.$be.round_trips_method" "\"$([ "$be" = postgres ] && echo 'server log, log_statement=all for the database: one line per simple Query or extended Execute' || echo 'general_log table: one row per command packet, excluding Connect/Quit/Close stmt')\""
    # The no-op start's requests after connecting (not a setup packet: a query).
    put "noop.$be.sg_round_trips" "${noop:-n/a}"
    put "noop.$be.sg_client_sends" "${noop_sends:-n/a}"
done
# dbmate's PostgreSQL statements, for comparison (a lower bound on its round
# trips: lib/pq parses a parameterised statement in a round trip of its own,
# which the server does not log as a statement).
if want apply && has postgres && [ -n "$DBM" ]; then
    declare -A dstmts
    for tag in apply ten; do
        db_create postgres "rtd_$tag"
        pg_psql "ALTER DATABASE rtd_$tag SET log_statement = 'all'"
        "$DBM" -u "$(dbm_url postgres "rtd_$tag")" -d "$tmp/m_$tag" --no-dump-schema migrate >/dev/null
        sleep 0.2
        dstmts[$tag]=$(rt_count postgres "rtd_$tag")
        db_drop postgres "rtd_$tag"
    done
    put "apply.postgres.dbmate_statements_per_migration" "$(awk -v a="${dstmts[apply]}" -v b="${dstmts[ten]}" -v n="$APPLY_N" 'BEGIN { printf "%.3f", (a - b) / (n - 10) }')"
fi
note "case 2 done in $((($(ms_now) - t2) / 1000)) s"

# ============================================================================
# 3. herd: N replicas at once against PostgreSQL with max_connections=100
# ============================================================================
if want herd && has postgres && [ -x "$BB/pgsample" ] && [ -x "$BB/herd" ]; then
    note "case 3: herd of $HERD_N replicas, PostgreSQL max_connections=$(pg_psql 'SHOW max_connections')"
    t3=$(ms_now)
    H=$tmp/herd
    mkdir -p "$H/m"
    gen_migrations "$H/m" 3 "SELECT pg_sleep($HERD_SLEEP);"
    db_create postgres herd
    pg_psql "ALTER SYSTEM SET log_connections = on" >/dev/null
    pg_psql "ALTER SYSTEM SET log_disconnections = on" >/dev/null
    pg_psql "SELECT pg_reload_conf()" >/dev/null
    sleep 0.2
    log_from=$(wc -l <"$PGTEST_DIR/log")
    "$BB/pgsample" "$PG_BASE/postgres?sslmode=disable" "$H/stop" 300 >"$H/sample" &
    SAMPLER_PID=$!
    sleep 0.3
    url=$(sg_url postgres herd)
    # herd.c forks every replica first and releases them together.
    read -r herd_t0 fails launch_ms < <(SCHEMAGATE_LOG_FORMAT=json "$BB/herd" "$HERD_N" "$H" \
        "$SG" -u "$url" -d "$H/m" up -- sh -c 'date +%s%N >"$0"' "$H/mark.{}")
    herd_t1=$(date +%s%N)
    touch "$H/stop"
    wait "$SAMPLER_PID"
    SAMPLER_PID=
    pg_psql "ALTER SYSTEM RESET log_connections" >/dev/null
    pg_psql "ALTER SYSTEM RESET log_disconnections" >/dev/null
    pg_psql "SELECT pg_reload_conf()" >/dev/null
    read -r samples peak_sg peak_all <"$H/sample"
    marks=$(cat "$H"/mark.* 2>/dev/null | wc -l)
    missing=$((HERD_N - marks))
    [ "$missing" -gt 0 ] && fails=$((fails > missing ? fails : missing))
    last_mark=$(cat "$H"/mark.* 2>/dev/null | sort -n | tail -n 1)
    # The holder: the replica whose up_done applied something (another may
    # take the free lock a moment later and apply nothing).
    holder=$(grep -lE '"event":"up_done".*"applied":[1-9]' "$H"/log.* 2>/dev/null | head -n 1)
    applied_events=$(cat "$H"/log.* | grep -c '"event":"applied"')
    ledger_rows=$(psql -X -At -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d herd -c "SELECT count(*) FROM schemagate_migrations")
    delay=n/a
    if [ -n "$holder" ] && [ -n "$last_mark" ]; then
        done_ts=$(grep '"event":"up_done"' "$holder" | sed -n 's/.*"ts":"\([^"]*\)".*/\1/p' | head -n 1)
        done_ms=$(date -d "$done_ts" +%s%3N)
        delay=$(((last_mark / 1000000) - done_ms))
        # The replicas that were already polling (saw the lock held) when the
        # holder finished: their delay is the poll's, not the machine's
        # start-up of 200 processes on a few cores.
        wdelay=n/a waiters=0 wlast=0
        for f in $(grep -l '"event":"lock_waiting"' "$H"/log.* 2>/dev/null); do
            m=$H/mark.${f##*.}
            [ -s "$m" ] || continue
            waiters=$((waiters + 1))
            v=$(cat "$m")
            [ "$v" -gt "$wlast" ] && wlast=$v
        done
        [ "$waiters" -gt 0 ] && wdelay=$(((wlast / 1000000) - done_ms))
        first_after=$(cat "$H"/mark.* | sort -n | awk -v d="$done_ms" '$1 / 1000000 >= d { n++ } END { print n + 0 }')
    fi
    # The exact peak from the server's own connection log: +1 when a session
    # of the herd database is authorised, -1 when it ends.
    tail -n +"$((log_from + 1))" "$PGTEST_DIR/log" >"$H/pglog"
    exact_peak=$(grep -aE '<herd> LOG:  (connection authorized|disconnection)' "$H/pglog" |
        awk '{ d = ($0 ~ /connection authorized/) ? 1 : -1; print $1 " " $2 " " (d > 0 ? 0 : 1) " " d }' |
        sort -k1,1 -k2,2 -k3,3n | awk '{ n += $4; if (n > m) m = n } END { print m + 0 }')
    sessions=$(grep -caE '<herd> LOG:  connection authorized' "$H/pglog")
    # How long one poll's session lives (median, ms): with the peak, it says
    # whether the peak comes from how often replicas poll or how slow a poll is.
    session_ms=$(grep -aE '<herd> LOG:  disconnection: session time: ' "$H/pglog" |
        sed -n 's/.*session time: \([0-9]*\):\([0-9]*\):\([0-9.]*\).*/\1 \2 \3/p' |
        awk '{ printf "%.1f\n", ($1 * 3600 + $2 * 60 + $3) * 1000 }' | median)
    # When the slowest replica made its first poll (ms after the launch): how
    # long this machine takes just to start the herd.
    first_poll=$(for f in "$H"/log.*; do head -n 1 "$f" | sed -n 's/.*"ts":"\([^"]*\)".*/\1/p'; done |
        sort | tail -n 1)
    ramp=n/a
    [ -n "$first_poll" ] && ramp=$(($(date -d "$first_poll" +%s%3N) - herd_t0 / 1000000))
    refused=$(grep -caE 'too many clients|remaining connection slots' "$H/pglog")
    put "herd.replicas" "$HERD_N"
    put "herd.max_connections" "$(pg_psql 'SHOW max_connections')"
    put "herd.holder_migration_s" "$HERD_SLEEP"
    put "herd.failures" "$fails"
    put "herd.applied_events" "$applied_events"
    put "herd.ledger_rows" "${ledger_rows:-0}"
    put "herd.peak_sg_sessions_sampled" "${peak_sg:-n/a}"
    put "herd.peak_client_sessions_sampled" "${peak_all:-n/a}"
    put "herd.samples" "${samples:-0}"
    put "herd.peak_sessions_server_log" "${exact_peak:-n/a}"
    put "herd.sessions_opened" "$sessions"
    put "herd.connections_refused" "$refused"
    put "herd.median_session_ms" "${session_ms:-n/a}"
    put "herd.last_first_poll_after_launch_ms" "$ramp"
    put "herd.launch_loop_ms" "$launch_ms"
    put "herd.last_exec_after_holder_done_ms" "$delay"
    put "herd.waiters_polling_at_done" "${waiters:-n/a}"
    put "herd.last_waiter_exec_after_holder_done_ms" "${wdelay:-n/a}"
    put "herd.replicas_exec_after_done" "${first_after:-n/a}"
    put "herd.wall_ms" "$(((herd_t1 - herd_t0) / 1000000))"
    db_drop postgres herd
    [ -n "${BENCH_KEEP:-}" ] && mkdir -p "$BENCH_KEEP" && cp -r "$H" "$BENCH_KEEP/" && note "herd logs kept in $BENCH_KEEP/herd"
    note "case 3 done in $((($(ms_now) - t3) / 1000)) s"
else
    want herd && note "case 3 (herd) skipped: needs PostgreSQL, pgsample and herd"
fi

# ============================================================================
# 4. footprint
# ============================================================================
size=$(stat -c %s "$SG")
strip -o "$tmp/sg-stripped" "$SG" 2>/dev/null && stripped=$(stat -c %s "$tmp/sg-stripped") || stripped=n/a
libs=$(ldd "$SG" 2>/dev/null | grep -c '=>')
put "footprint.binary_bytes" "$size"
put "footprint.binary_stripped_bytes" "$stripped"
put "footprint.shared_libraries" "$libs"
put "footprint.drivers" "\"$schemes\""
for be in sqlite postgres mariadb; do
    has "$be" && put "footprint.noop_max_rss_kb.$be" "$(maxrss "noop_${be}_sg")"
done
[ -s "$tmp/rss.noop_sqlite_sgonly" ] && put "footprint.noop_max_rss_kb.sqlite_only_build" "$(maxrss noop_sqlite_sgonly)"

# ============================================================================
# targets (issues 5, 8 and 16), machine, JSON, table
# ============================================================================
get() { awk -F'\t' -v k="$1" '$1 == k { v = $2 } END { print (v == "" ? "n/a" : v) }' "$RES"; }
# Issue 16: each no-op start against its floor (same client library, same
# run), and dbmate well behind.
for be in postgres mariadb sqlite; do
    has "$be" || continue
    case "$be" in postgres) lim=1.15 peer=2 ;; mariadb) lim=1.3 peer=2 ;; sqlite) lim=1.5 peer=4 ;; esac
    v=$(get "noop.$be.ratio_sg_floor"); target "no-op $be: schemagate/floor" "$v" "<= $lim" "$(verdict "$v" '<=' "$lim")"
    v=$(get "noop.$be.ratio_dbmate_migrate_sg"); target "no-op $be: dbmate/schemagate" "$v" ">= $peer" "$(verdict "$v" '>=' "$peer")"
done
if has postgres; then
    v=$(get apply.postgres.round_trips_per_migration); target "apply $APPLY_N postgres: round trips per migration" "$v" "= 1" "$(verdict "$v" '==' 1)"
    v=$(get apply.postgres.ratio_dbmate_sg); target "apply $APPLY_N postgres: dbmate/schemagate" "$v" ">= 2" "$(verdict "$v" '>=' 2)"
    v=$(get herd.failures); target "herd $HERD_N: failures" "$v" "= 0" "$(verdict "$v" '==' 0)"
    v=$(get herd.peak_sessions_server_log); target "herd $HERD_N: peak schemagate sessions" "$v" "<= 25" "$(verdict "$v" '<=' 25)"
    v=$(get herd.last_exec_after_holder_done_ms); target "herd $HERD_N: last exec after holder done, ms" "$v" "<= 1000" "$(verdict "$v" '<=' 1000)"
fi
for be in sqlite postgres mariadb; do
    has "$be" || continue
    v=$(get "footprint.noop_max_rss_kb.$be"); target "peak RSS no-op $be, KB" "$v" "<= $RSS_TARGET_KB" "$(verdict "$v" '<=' "$RSS_TARGET_KB")"
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
os=$( . /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-unknown}")
[ -r /etc/debian_version ] && os="$os ($(cat /etc/debian_version))"
puts machine.cpu "$cpu"
put machine.nproc "$(nproc)"
puts machine.os "$os"
puts machine.kernel "$(uname -r)"
puts machine.date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
puts machine.loadavg_start "$LOAD_START"
puts machine.loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
puts versions.schemagate "$("$SG" --version 2>/dev/null | head -n 1 | awk '{print $NF}')"
puts versions.dbmate "$DBM_VERSION"
puts versions.dbmate_runs_offline "$DBM_OFFLINE"
puts versions.postgresql "$PG_VERSION"
puts versions.mariadb "$MY_VERSION"
puts versions.sqlite "$(pkg-config --modversion sqlite3 2>/dev/null || echo n/a)"
put settings.noop_rounds "$RUNS"
put settings.noop_migrations "$NOOP_N"
put settings.apply_migrations "$APPLY_N"
put settings.apply_runs "$APPLY_RUNS"
put settings.herd_replicas "$HERD_N"
awk -F'\t' '{ printf "targets.%03d\t{\"name\": \"%s\", \"value\": %s, \"target\": \"%s\", \"result\": \"%s\"}\n", NR, $1,
    ($2 ~ /^-?[0-9.]+$/) ? $2 : "null", $3, $4 }' "$TARGETS" >>"$RES"

# Nest "a.b.c<TAB>value" lines into JSON (paths sorted, so siblings are adjacent;
# targets.NNN become an array). "n/a" becomes null.
mkdir -p "$(dirname "$JSON")"
sort -t "$(printf '\t')" -k1,1 -s "$RES" | awk -F'\t' '
function close_to(n) { while (depth > n) { printf "\n%*s%s", 2 * (depth - 1), "", (isarr[depth] ? "]" : "}"); depth-- } }
BEGIN { depth = 0; printf "{" ; depth = 1; first[1] = 1 }
{
    n = split($1, p, "."); v = $2
    if (v == "n/a" || v == "") v = "null"
    # common prefix with the open path
    c = 0; while (c < n - 1 && c + 1 < depth && open[c + 1] == p[c + 1]) c++
    close_to(c + 1)
    for (i = c + 1; i < n; i++) {
        printf "%s\n%*s\"%s\": %s", (first[depth] ? "" : ","), 2 * depth, "", p[i], (p[i] == "targets" ? "[" : "{")
        first[depth] = 0; depth++; open[depth - 1] = p[i]; isarr[depth] = (p[i] == "targets"); first[depth] = 1
    }
    if (isarr[depth]) printf "%s\n%*s%s", (first[depth] ? "" : ","), 2 * depth, "", v
    else printf "%s\n%*s\"%s\": %s", (first[depth] ? "" : ","), 2 * depth, "", p[n], v
    first[depth] = 0
}
END { close_to(1); printf "\n}\n" }' >"$JSON"

# ---- the table -----------------------------------------------------------
row() { printf '%-10s %10s %8s %14s %11s %9s %11s %10s\n' "$@"; }
echo
echo "schemagate bench -- $(nproc) x $cpu, $os, $(date -u +%Y-%m-%d)"
echo "schemagate $(get versions.schemagate | tr -d '"'), dbmate $DBM_VERSION, PostgreSQL $PG_VERSION, MariaDB $MY_VERSION, SQLite $(get versions.sqlite | tr -d '"')"
echo
echo "1. no-op start, $NOOP_N migrations applied: median ms of $RUNS interleaved rounds"
row backend schemagate floor dbmate-migrate dbmate-up sg/floor dbmate/sg sg-RSS-KB
for be in postgres mariadb sqlite; do
    has "$be" || continue
    row "$be" "$(fmt "$(get noop.$be.sg_ms)" 2)" "$(fmt "$(get noop.$be.floor_ms)" 2)" \
        "$(fmt "$(get noop.$be.dbm_migrate_ms)" 2)" "$(fmt "$(get noop.$be.dbm_up_ms)" 2)" \
        "$(get noop.$be.ratio_sg_floor)" "$(get noop.$be.ratio_dbmate_migrate_sg)" "$(get noop.$be.sg_max_rss_kb)"
done
[ "$(get noop.sqlite.sg_sqlite_only_build_ms)" != n/a ] &&
    row "sqlite*" "$(fmt "$(get noop.sqlite.sg_sqlite_only_build_ms)" 2)" "" "" "" \
        "$(ratio "$(get noop.sqlite.sg_sqlite_only_build_ms)" "$(get noop.sqlite.floor_ms)")" \
        "$(ratio "$(get noop.sqlite.dbm_migrate_ms)" "$(get noop.sqlite.sg_sqlite_only_build_ms)")" \
        "$(get noop.sqlite.sg_sqlite_only_build_max_rss_kb)" &&
    echo "  * schemagate built with DRIVERS=sqlite (no server driver at all), in the same rotation"
printf '  1 migration applied, ms schemagate/floor (ratio); each further migration adds, us:'
for be in postgres mariadb sqlite; do
    has "$be" && printf ' %s %s/%s (%s), %s;' "$be" "$(fmt "$(get noop.$be.sg_one_ms)" 2)" "$(fmt "$(get noop.$be.floor_one_ms)" 2)" \
        "$(get noop.$be.ratio_sg_floor_one)" "$(get noop.$be.sg_us_per_migration)"
done
echo
printf '  CPU ms (user+sys, less sensitive to a busy machine):'
for be in postgres mariadb sqlite; do
    has "$be" && printf ' %s sg %s floor %s dbmate %s;' "$be" "$(fmt "$(get noop.$be.sg_cpu_ms)" 2)" \
        "$(fmt "$(get noop.$be.floor_cpu_ms)" 2)" "$(fmt "$(get noop.$be.dbm_migrate_cpu_ms)" 2)"
done
echo
echo "  floor = one connection + one query in C (SQLite: open + read one row); ratio uses dbmate migrate"
[ "$SQDIR" != "$tmp" ] && echo "  SQLite files on tmpfs; the servers run with fsync off"
echo
echo "2. apply $APPLY_N migrations from empty: median ms of $APPLY_RUNS (cpu = the tool's own user+sys ms)"
printf '%-10s %-22s %16s %16s %9s %8s %8s\n' backend migrations "schemagate(cpu)" "dbmate(cpu)" dbmate/sg "sg RT/m" "RT fixed"
for be in postgres mariadb sqlite; do
    has "$be" || continue
    printf '%-10s %-22s %16s %16s %9s %8s %8s\n' "$be" "CREATE TABLE+INSERT" \
        "$(fmt "$(get apply.$be.sg_ms)" 0)($(fmt "$(get apply.$be.sg_cpu_ms)" 0))" \
        "$(fmt "$(get apply.$be.dbmate_ms)" 0)($(fmt "$(get apply.$be.dbmate_cpu_ms)" 0))" \
        "$(get apply.$be.ratio_dbmate_sg)" "$(get apply.$be.round_trips_per_migration)" "$(get apply.$be.round_trips_fixed_per_up)"
    printf '%-10s %-22s %16s %16s %9s %8s\n' "" "INSERT only" \
        "$(fmt "$(get apply_dml.$be.sg_ms)" 0)($(fmt "$(get apply_dml.$be.sg_cpu_ms)" 0))" \
        "$(fmt "$(get apply_dml.$be.dbmate_ms)" 0)($(fmt "$(get apply_dml.$be.dbmate_cpu_ms)" 0))" \
        "$(get apply_dml.$be.ratio_dbmate_sg)" "$(get apply_dml.$be.round_trips_per_migration)"
done
printf '  no-op start with all %s applied, ms schemagate/dbmate:' "$APPLY_N"
for be in postgres mariadb sqlite; do
    has "$be" && printf ' %s %s/%s' "$be" "$(fmt "$(get noop_large.$be.sg_ms)" 1)" "$(fmt "$(get noop_large.$be.dbmate_migrate_ms)" 1)"
done
echo
echo "  RT = requests counted by the server (PostgreSQL statement log; MariaDB general log);"
echo "  per migration = (RT for $APPLY_N - RT for 10) / $((APPLY_N - 10)); fixed = the rest of one up"
[ "$(get apply.postgres.client_sends_per_migration)" != n/a ] &&
    echo "  cross-check, client send() calls per migration (strace): postgres $(get apply.postgres.client_sends_per_migration), mariadb $(get apply.mariadb.client_sends_per_migration)"
[ "$(get apply.postgres.dbmate_statements_per_migration)" != n/a ] &&
    echo "  dbmate on postgres: $(get apply.postgres.dbmate_statements_per_migration) logged statements per migration (a lower bound on its round trips)"
echo
if [ "$(get herd.replicas)" != n/a ]; then
    echo "3. herd: $(get herd.replicas) x 'schemagate up -- sh -c date', PostgreSQL max_connections=$(get herd.max_connections), holder's migration ${HERD_SLEEP} s"
    echo "  failures $(get herd.failures); applied events $(get herd.applied_events) / ledger rows $(get herd.ledger_rows) (3 migrations)"
    echo "  peak schemagate sessions: $(get herd.peak_sessions_server_log) (server connection log), $(get herd.peak_sg_sessions_sampled) (sampled every 10 ms, $(get herd.samples) samples)"
    echo "  sessions opened by the herd: $(get herd.sessions_opened) (median $(get herd.median_session_ms) ms each); refused for lack of slots: $(get herd.connections_refused)"
    echo "  the slowest replica's first poll came $(get herd.last_first_poll_after_launch_ms) ms after the release (all $(get herd.replicas) were forked first, in $(get herd.launch_loop_ms) ms, then released at once)"
    echo "  last exec after the holder's up_done: $(get herd.last_exec_after_holder_done_ms) ms (of the $(get herd.waiters_polling_at_done) replicas that had seen the lock held: $(get herd.last_waiter_exec_after_holder_done_ms) ms); herd wall time $(get herd.wall_ms) ms"
    echo
fi
echo "4. footprint: binary $(get footprint.binary_bytes) bytes ($(get footprint.binary_stripped_bytes) stripped), $(get footprint.shared_libraries) shared libraries"
echo "  peak RSS of a no-op start (KB): sqlite $(get footprint.noop_max_rss_kb.sqlite), postgres $(get footprint.noop_max_rss_kb.postgres), mariadb $(get footprint.noop_max_rss_kb.mariadb), sqlite-only build $(get footprint.noop_max_rss_kb.sqlite_only_build)"
echo
echo "targets"
awk -F'\t' '{ printf "  %-50s %10s  target %-8s %s\n", $1, $2, $3, toupper($4) }' "$TARGETS"
echo
echo "results: $JSON ($((($(ms_now) - started) / 1000)) s)"
