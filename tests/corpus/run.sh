#!/usr/bin/env bash
# corpus/run.sh -- the real migration sets of tests/corpus (issue 13), each
# applied by schemagate and by the native client, then compared:
#   apply     `up` into a fresh database A; `up` again is the no-op fast path
#             (exit 0, event up_to_date, nothing applied)
#   native    the same up files, in version order, into a fresh database B:
#             psql -X -v ON_ERROR_STOP=1 -f FILE (dbmate files: their up
#             section); mysqldump output through the mariadb client as a dump
#             is loaded; golang-migrate MySQL files whole through the mariadb
#             client (a --delimiter the files never hold), as golang-migrate
#             sends them -- the client's own `;` splitting breaks the stored
#             procedures Mattermost writes without DELIMITER
#   diff      A and B dumped, schema then rows (sorted), the ledger left out:
#             identical
#   validate  `validate --dialect=D` on each migration alone agrees with
#             `up`: a file validate passes is never refused by up before it
#             is sent, and a file up refuses is refused by validate too
# Sets that cannot apply whole on a bare server say why, and what is
# compared instead. Pagila's COPY dump must be refused before anything is
# applied, naming the file and line (issue 13).
#
# Standalone: tests/corpus/run.sh (starts its own servers; B=build-san for a
# sanitizer build). Set SG_CORPUS_KEEP=1 to keep the work directory.
set -u
cd "$(dirname "$0")/../.."
B=${B:-build}
BIN=$PWD/$B/schemagate
C=tests/corpus
passed=0 failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }

work=$(mktemp -d "${TMPDIR:-/tmp}/sg-corpus.XXXXXX")
chmod 0755 "$work"
cleanup() {
    declare -F pg_stop >/dev/null && pg_stop 2>/dev/null
    declare -F mariadb_stop >/dev/null && mariadb_stop 2>/dev/null
    [ -n "${SG_CORPUS_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

[ -x "$BIN" ] || { echo "corpus: $BIN not built (make)" >&2; exit 1; }

# ---- servers and their clients ---------------------------------------------

. tests/lib/pg.sh
. tests/lib/mariadb.sh
have_pg='' have_my=''
if pg_start >/dev/null; then have_pg=1; else not_ok "postgres server start"; fi
if mariadb_start >/dev/null; then have_my=1; else not_ok "mariadb server start"; fi

pg_url() { echo "postgres://postgres@127.0.0.1:$PGTEST_PORT/$1"; }
psql_db() { # db psql-args...
    local db=$1
    shift
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d "$db" "$@"
}
pg_fresh() { psql_db postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1; }
# Timestamps the sets write with now() / CURRENT_TIMESTAMP differ between
# A and B by the time between the runs: today's (and yesterday's, across
# midnight) are one placeholder.
now_re="($(date -u +%F)|$(date +%F)|$(date -u -d yesterday +%F))[ T][0-9:.]+([+-][0-9]{2}(:[0-9]{2})?)?"
normalise() { sed -E "s/$now_re/<now>/g" | LC_ALL=C sort; }
# pg_dump 15.14 and later print \restrict lines with a random key.
pg_dump_db() { # db schema|data
    local what=--schema-only
    [ "$2" = data ] && what=--data-only
    "$PGTEST_BIN/pg_dump" -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres "$what" \
        -T schemagate_migrations "$1" 2>>"$work/dump.err" | grep -v -E '^\\(un)?restrict ' |
        if [ "$2" = data ]; then normalise; else cat; fi
}

my_url() { echo "mysql://root:$MYTEST_PASSWORD@127.0.0.1:$MYTEST_PORT/$1"; }
# Over TCP as root@127.0.0.1, as schemagate connects, so DEFINERs match.
my() { mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MYTEST_PORT" -uroot -p"$MYTEST_PASSWORD" "$@"; }
my_fresh() { my -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\`"; }
my_dump_db() { # db schema|data
    local args=(--no-data --routines --triggers --events)
    [ "$2" = data ] && args=(--no-create-info --skip-triggers --skip-extended-insert)
    mariadb-dump --no-defaults --protocol=tcp -h 127.0.0.1 -P "$MYTEST_PORT" -uroot \
        -p"$MYTEST_PASSWORD" --skip-comments --skip-dump-date "${args[@]}" \
        --ignore-table="$1.schemagate_migrations" "$1" 2>>"$work/dump.err" |
        if [ "$2" = data ]; then normalise; else cat; fi
}

# ---- one set -----------------------------------------------------------------

# The files of a staged directory, in version order, that up would apply.
up_files() { # dir
    find "$1" -maxdepth 1 -type f -name '[0-9]*.sql' ! -name '*.down.sql' | LC_ALL=C sort
}

# A dbmate file's up section (from its marker to the down marker).
dbmate_up() { # file out
    awk '/^--[ \t]*migrate:down/ { exit } up || /^--[ \t]*migrate:up/ { up = 1; print }' "$1" >"$2"
}

# Applies a staged set with the native client into db; prints the first
# failing file's name (nothing if all applied).
native() { # dialect kind dir db
    local d=$1 kind=$2 dir=$3 db=$4 f up=$work/up.sql
    while read -r f; do
        case "$d:$kind" in
        postgres:dbmate)
            dbmate_up "$f" "$up"
            psql_db "$db" -1 -f "$up" >/dev/null 2>"$work/native.err" || { basename "$f"; return; } ;;
        postgres:*)
            psql_db "$db" -f "$f" >/dev/null 2>"$work/native.err" || { basename "$f"; return; } ;;
        mysql:dump)
            my --comments "$db" <"$f" >/dev/null 2>"$work/native.err" || { basename "$f"; return; } ;;
        mysql:*)
            my --comments --delimiter='#@@SG_WHOLE@@#' "$db" <"$f" >/dev/null 2>"$work/native.err" ||
                { basename "$f"; return; } ;;
        esac
    done < <(up_files "$dir")
}

# validate on each migration alone; sets $work/$name.vfail to the files it
# refuses, one per line with the message.
validate_each() { # name dialect dir
    local name=$1 d=$2 dir=$3 f v out=$work/$1.vfail
    : >"$out"
    while read -r f; do
        v=$work/v/$name/$(basename "$f")
        mkdir -p "$v"
        cp "$f" "$v/"
        case "$f" in *.up.sql) [ -f "${f%.up.sql}.down.sql" ] && cp "${f%.up.sql}.down.sql" "$v/" ;; esac
        if ! "$BIN" -q validate --dialect="$d" -d "$v" >"$work/validate.out" 2>&1; then
            printf '%s\t%s\n' "$(basename "$f")" "$(head -n 1 "$work/validate.out")" >>"$out"
        fi
    done < <(up_files "$dir")
}

# From a JSON log: how many events of a kind; the files up started; the
# first fatal message.
nevents() { grep -c "\"event\":\"$2\"" "$1"; }
started() { sed -n 's/.*"event":"applying".*"file":"\([^"]*\)".*/\1/p' "$1"; }
fatal_of() { sed -n 's/.*"event":"fatal","msg":"\(.*\)","exit".*/\1/p' "$1" | head -n 1; }

# compare NAME DIALECT KIND DIR [EXPECT_FAIL_FILE [WHY]]
#   KIND: golang, dbmate, dump (how the native client takes the files)
#   EXPECT_FAIL_FILE: the set cannot apply whole on a bare server; both
#   schemagate and the native client must stop at that file (psql with -1,
#   so that the failing file leaves nothing, as schemagate's transaction),
#   and the databases must still agree.
compare() {
    local name=$1 d=$2 kind=$3 dir=$4 expect=${5:-} why=${6:-} a=sg_a_${1//[^a-z0-9]/_} b rc url
    b=sg_b_${a#sg_a_}
    local log=$work/$name.up.json log2=$work/$name.up2.json
    if [ "$d" = postgres ]; then
        [ -n "$have_pg" ] || return
        pg_fresh "$a"
        pg_fresh "$b"
        [ -n "${SETUP:-}" ] && { psql_db "$a" -c "$SETUP" >/dev/null; psql_db "$b" -c "$SETUP" >/dev/null; }
        url=$(pg_url "$a")
    else
        [ -n "$have_my" ] || return
        my_fresh "$a"
        my_fresh "$b"
        url=$(my_url "$a")
    fi

    # a. schemagate, twice
    "$BIN" --log-format=json -u "$url" -d "$dir" up >"$log" 2>&1
    rc=$?
    local applied fatal
    applied=$(nevents "$log" applied)
    fatal=$(fatal_of "$log")
    if [ -z "$expect" ]; then
        if [ $rc -eq 0 ]; then
            ok "$name: up applied $applied migrations"
        else
            not_ok "$name: up exited $rc: $fatal"
        fi
        "$BIN" --log-format=json -u "$url" -d "$dir" up >"$log2" 2>&1
        rc=$?
        if [ $rc -eq 0 ] && [ "$(nevents "$log2" up_to_date)" = 1 ] &&
            [ "$(nevents "$log2" applying)" = 0 ]; then
            ok "$name: up again is the no-op fast path"
        else
            not_ok "$name: up again exited $rc: $(tail -n 2 "$log2" | tr '\n' ' ')"
        fi
    else
        if [ $rc -eq 65 ] && [ "${fatal%%:*}" = "$expect" ]; then
            ok "$name: up stops at $expect (65) after $applied migrations: $why"
        else
            not_ok "$name: up exited $rc ($fatal), expected 65 at $expect"
        fi
    fi

    # b. the native client
    local stop
    stop=$(native "$d" "$kind" "$dir" "$b")
    if [ "$stop" = "$expect" ]; then
        if [ -n "$expect" ]; then
            ok "$name: the native client stops at that file too"
        else
            ok "$name: the native client applies every file"
        fi
    else
        not_ok "$name: the native client stops at '${stop:-nothing}', expected '${expect:-nothing}': $(head -n 2 "$work/native.err" | tr '\n' ' ')"
    fi

    # c. the databases
    local part da db
    for part in schema data; do
        da=$work/$name.A.$part db=$work/$name.B.$part
        if [ "$d" = postgres ]; then
            pg_dump_db "$a" "$part" >"$da"
            pg_dump_db "$b" "$part" >"$db"
        else
            my_dump_db "$a" "$part" >"$da"
            my_dump_db "$b" "$part" >"$db"
        fi
        if diff -q "$da" "$db" >/dev/null; then
            ok "$name: same $part ($(wc -l <"$da") dump lines)"
        else
            not_ok "$name: $part differs (schemagate < > native):"
            diff "$da" "$db" | head -n 20
        fi
    done

    # d. validate and up agree
    validate_each "$name" "$d" "$dir"
    local refused tried f msg bad=0
    tried=$(started "$log")
    # Refused before sending: a fatal naming a file up never started.
    refused=
    if [ -n "$fatal" ] && ! grep -qxF "${fatal%%:*}" <<<"$tried"; then
        refused=${fatal%%:*}
        refused=${refused%% *}
    fi
    while IFS=$'\t' read -r f msg; do
        [ -n "$f" ] || continue
        if grep -qxF "$f" <<<"$tried" || { [ -n "$tried" ] && [ -z "$refused" ]; }; then
            # up checks every pending file before applying the first.
            not_ok "$name: validate refuses $f ($msg), up accepted it"
            bad=1
        fi
    done <"$work/$name.vfail"
    if [ -n "$refused" ] && ! cut -f1 "$work/$name.vfail" | grep -qxF "$refused"; then
        not_ok "$name: up refused $refused before sending it ($fatal), validate passes it"
        bad=1
    fi
    [ $bad -eq 0 ] && ok "$name: validate and up agree ($(up_files "$dir" | wc -l) files, validate refuses $(wc -l <"$work/$name.vfail"))"
}

# Copies files into a staged set directory (schemagate refuses symlinks
# that lead outside it), optionally renamed: stage DIR SRC[=NAME]...
stage() {
    local dir=$1 s
    shift
    mkdir -p "$dir"
    for s in "$@"; do
        if [[ $s == *=* ]]; then cp "${s%%=*}" "$dir/${s#*=}"; else cp "$s" "$dir/"; fi
    done
}

S=$work/sets

# ---- PostgreSQL ----------------------------------------------------------

stage "$S/mattermost-pg" "$C"/mattermost/postgres/*.sql
compare mattermost-postgres postgres golang "$S/mattermost-pg"

# Harbor's 0030/0040 alter golang-migrate's own history table (SOURCE.md).
stage "$S/harbor" "$C"/harbor/postgresql/*.sql
SETUP="CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)" \
    compare harbor postgres golang "$S/harbor"

# River's migrator replaces /* TEMPLATE: schema */ with the schema prefix
# (empty for the default schema) before running a file; raw, 005 fails (one
# marker sits in a string literal). The splitter sees the raw files in
# tests/integration/test_splitdiff.c.
mkdir -p "$S/river-main"
for f in "$C"/river/main/*.sql; do
    sed 's#/\* TEMPLATE: schema \*/##g' "$f" >"$S/river-main/$(basename "$f")"
done
compare river-main postgres golang "$S/river-main"
stage "$S/river-commit-required" "$C"/river/commit_required/*.sql
compare river-commit-required postgres golang "$S/river-commit-required"

stage "$S/svix" "$C"/svix/migrations/*.sql
compare svix postgres golang "$S/svix"

# Supabase's first init script needs the pgjwt extension (later ones
# pgsodium, pg_graphql, supabase_vault, pg_net), which a bare PostgreSQL
# lacks and Debian does not package; its image also creates the superuser
# supabase_admin first (created here). So the set cannot apply: both tools
# must stop at that file, and leave the same (empty) database.
stage "$S/supabase" "$C"/supabase-postgres/init-scripts/*.sql "$C"/supabase-postgres/migrations/*.sql
SETUP="DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_admin') THEN CREATE ROLE supabase_admin; END IF; END\$\$" \
    compare supabase postgres dbmate "$S/supabase" 00000000000000-initial-schema.sql \
    'extension "pgjwt" is not available on a bare server'

# Pagila's --inserts dump, wrapped as one migration.
stage "$S/pagila-insert" "$C/pgdump/pagila-insert-data.sql=1_pagila_insert_data.up.sql"
compare pagila-insert postgres golang "$S/pagila-insert"

# Pagila's COPY dump: libpq's exec cannot send the rows after COPY ... FROM
# stdin (psql streams them), so up must refuse the data file before
# anything is applied, in one line naming the file and the COPY's line.
if [ -n "$have_pg" ]; then
    stage "$S/pagila-copy" "$C/pgdump/pagila-schema.sql=1_pagila_schema.up.sql" \
        "$C/pgdump/pagila-data.sql=2_pagila_data.up.sql"
    pg_fresh sg_pagila_copy
    "$BIN" -u "$(pg_url sg_pagila_copy)" -d "$S/pagila-copy" up >"$work/pagila-copy.log" 2>&1
    rc=$?
    fatal=$(grep 'fatal' "$work/pagila-copy.log")
    line=$(grep -n '^COPY .* FROM stdin;' "$C/pgdump/pagila-data.sql" | head -n 1 | cut -d: -f1)
    n=$(psql_db sg_pagila_copy -At -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schemagate_migrations'")
    if [ $rc -eq 65 ] && [ "$(grep -c fatal "$work/pagila-copy.log")" = 1 ] &&
        [[ $fatal == "schemagate: fatal: 2_pagila_data.up.sql:$line: COPY"* ]] && [ "$n" = 0 ]; then
        ok "pagila COPY dump: refused before anything is applied: ${fatal#schemagate: fatal: }"
    else
        not_ok "pagila COPY dump: exit $rc, $n tables applied, fatal: $fatal"
    fi
    validate_each pagila-copy postgres "$S/pagila-copy"
    if [ "$(cut -f1 "$work/pagila-copy.vfail")" = 2_pagila_data.up.sql ]; then
        ok "pagila COPY dump: validate refuses the data file too"
    else
        not_ok "pagila COPY dump: validate refuses '$(cut -f1 "$work/pagila-copy.vfail" | tr '\n' ' ')'"
    fi
    # And psql, which speaks COPY, loads it.
    pg_fresh sg_pagila_psql
    if psql_db sg_pagila_psql -f "$C/pgdump/pagila-schema.sql" -f "$C/pgdump/pagila-data.sql" >/dev/null 2>&1; then
        ok "pagila COPY dump: psql loads it ($(psql_db sg_pagila_psql -At -c 'SELECT count(*) FROM rental') rentals)"
    else
        not_ok "pagila COPY dump: psql fails on it"
    fi
fi

# ---- MariaDB -----------------------------------------------------------------

stage "$S/mattermost-my" "$C"/mattermost/mysql/*.sql
compare mattermost-mysql mysql golang "$S/mattermost-my"

# Chinook's mysqldump files (LOCK TABLES, /*!40101 */, \' escapes, the
# sandbox line), wrapped as two migrations.
stage "$S/chinook" "$C/mysqldump/chinook-schema.sql=1_chinook_schema.up.sql" \
    "$C/mysqldump/chinook-data.sql=2_chinook_data.up.sql"
compare chinook mysql dump "$S/chinook"

# mysqlnothx's genuine mysqldump 5.1 files, each a one-migration set
# (binary blobs with \0 \Z \' escapes and raw bytes, BIT, ENUM/SET).
for f in binary_bit binary_blob binary_blob_hex enum_set; do
    stage "$S/nothx-$f" "$C/mysqldump/mysqlnothx/$f.sql=1_$f.up.sql"
    compare "mysqlnothx-$f" mysql dump "$S/nothx-$f"
done

stage "$S/nothx-simple" "$C/mysqldump/mysqlnothx/simple.sql=1_simple.up.sql"
compare mysqlnothx-simple mysql dump "$S/nothx-simple"
# The hand-assembled tables.sql does not import into MySQL (its first line
# says so; MariaDB: error 1075 at its 14th statement); data_only.sql
# inserts into a table it does not create. Both tools stop there, leaving
# the same statements applied.
stage "$S/nothx-tables" "$C/mysqldump/mysqlnothx/tables.sql=1_tables.up.sql"
compare mysqlnothx-tables mysql dump "$S/nothx-tables" 1_tables.up.sql \
    'error 1075, as its first line warns'
stage "$S/nothx-data-only" "$C/mysqldump/mysqlnothx/data_only.sql=1_data_only.up.sql"
compare mysqlnothx-data-only mysql dump "$S/nothx-data-only" 1_data_only.up.sql \
    'its table is created by no file'

echo
echo "corpus: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
