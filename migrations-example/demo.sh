#!/bin/sh
# demo.sh SCHEMAGATE -- what `make demo` runs: apply the example migrations to
# a fresh SQLite file with `schemagate up`, then hand the process over to a
# program that prints the tables. The PID printed before and after the exec
# is the same: schemagate replaced itself, as it does with the app in a
# container. Needs python3 (with its sqlite3 module) or the sqlite3 CLI.
set -eu

bin=${1:?usage: migrations-example/demo.sh path/to/schemagate}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/schemagate-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
db=$tmp/demo.db
url="sqlite://$db" # sqlite:///absolute/path.db

if command -v python3 >/dev/null 2>&1 && python3 -c 'import sqlite3' 2>/dev/null; then
    set -- python3 "$here/show_tables.py" "$db"
elif command -v sqlite3 >/dev/null 2>&1; then
    # sh -c keeps the PID too: it prints it, then execs sqlite3 in its place.
    set -- sh -c 'echo "demo: pid $$ is now sh, exec sqlite3 next (same process)"
        exec sqlite3 -header -column "$0" ".tables" ".indexes" \
            "SELECT version, name, applied_at, applied_by FROM schemagate_migrations" \
            "SELECT * FROM order_statuses" "SELECT * FROM audit_log"' "$db"
else
    echo "demo: needs python3 or sqlite3 to print the tables (apt-get install sqlite3)" >&2
    exit 69
fi

echo "== schemagate up on a new SQLite database: $db"
echo "   (schemagate logs to stderr; stdout belongs to the program it execs)"
echo
# The child shell prints its PID, then execs schemagate, which migrates and
# execs "$@": three programs in one process.
sh -c 'echo "demo: pid $$ is about to exec schemagate"; exec "$@"' sh \
    "$bin" -u "$url" -d "$here/migrations" up -- "$@"

echo
echo "== again: everything is applied, so no lock is taken (the fast path)"
"$bin" -u "$url" -d "$here/migrations" up
echo
echo "== schemagate status"
"$bin" -u "$url" -d "$here/migrations" status
echo
echo "== the golang-migrate layout (migrations-example/golang-layout/) parses too"
"$bin" -d "$here/golang-layout" validate
