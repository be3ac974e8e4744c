#!/usr/bin/env bash
# run.sh all|valgrind|check|e2e|integration -- the test suites.
#   all          unit tests, then throwaway PostgreSQL and MariaDB servers on
#                127.0.0.1 for the driver conformance (and the splitter's
#                differential) and end-to-end suites, then the herd, lease
#                (PgBouncer, Galera), corpus (real sets against psql and
#                mariadb), container, Kubernetes, multi-host and security tests
#   valgrind     unit, integration and end-to-end under valgrind
#   check        the inner loop: no server, no root -- unit and engine tests,
#                conformance, splitter differential and end-to-end on SQLite
#                only, and which client library each scheme loads (a missing
#                one hidden by unshare)
#   e2e, integration   that suite, with the servers
# Each suite prints its own summary; the last line is the total.
#
# Servers' URLs reach the suites as SG_TEST_PG_URL, SG_TEST_MYSQL_URL and
# SG_TEST_URLS (every backend, space separated, for the conformance loop).
# A suite whose server is missing fails, unless SG_TEST_ALLOW_SKIP=1 (set
# by `check`, which runs without servers on purpose).
set -u
cd "$(dirname "$0")/.."
B=${B:-build}
mode=${1:-all}
export SG_BIN=$PWD/$B/schemagate SG_HELPERS=$PWD/$B/tests/helpers
export CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-120}

passed=0 failed=0 failures=()
run() { # name command...
    local name=$1
    shift
    echo "=== $name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
    fi
}

vg=()
if [ "$mode" = valgrind ]; then
    # Check forks each test; valgrind follows the children.
    vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
        --errors-for-leak-kinds=definite --trace-children=yes
        --trace-children-skip='*/sh,*/bash,*/sqlite3,*/psql,*/mariadb,*/grep,*/cat,*/true,*/sleep,*/fdcheck,*/sigsetup,*/rm,*/printf,*/mysql'
        --suppressions=tests/valgrind.supp)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
urls="sqlite:///${tmp#/}/conformance.db"

summary() {
    echo
    if [ "$failed" -gt 0 ]; then
        echo "failed: ${failures[*]}"
    fi
    echo "suites: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

if [ "$mode" = check ]; then
    export SG_TEST_ALLOW_SKIP=1 SG_TEST_URLS=$urls
    run unit "$B/unit-tests"
    run docs tests/docs/check.sh
    [ -x "$B/integration-tests" ] && CK_RUN_SUITE=conformance run conformance "$B/integration-tests"
    # The splitter against SQLite's own parser (the server halves skip).
    [ -x "$B/integration-tests" ] && CK_RUN_SUITE=splitdiff run splitdiff-sqlite "$B/integration-tests"
    CK_RUN_SUITE=e2e-sqlite run e2e-sqlite "$B/e2e-tests"
    CK_RUN_SUITE=e2e-libs run e2e-libs "$B/e2e-tests"
    summary
    exit
fi

[ "$mode" = e2e ] || [ "$mode" = integration ] || run unit "${vg[@]}" "$B/unit-tests"
[ "$mode" = all ] && run docs tests/docs/check.sh

. tests/lib/pg.sh
. tests/lib/mariadb.sh
if pg_start -c max_connections=200; then
    export SG_TEST_PG_URL=$PGTEST_URL
    urls="$urls $PGTEST_URL"
else
    failed=$((failed + 1)); failures+=("postgres server start")
fi
if mariadb_start; then
    export SG_TEST_MYSQL_URL=$MYTEST_URL
    urls="$urls $MYTEST_URL"
else
    failed=$((failed + 1)); failures+=("mariadb server start")
fi
export SG_TEST_URLS=$urls

if [ "$mode" != e2e ]; then
    run integration "${vg[@]}" "$B/integration-tests"
fi
if [ "$mode" = integration ]; then
    pg_stop 2>/dev/null
    mariadb_stop 2>/dev/null
    summary
    exit
fi
if [ "$mode" = valgrind ]; then
    # The binary under valgrind, the harness natively: SG_BIN is a wrapper.
    printf '#!/bin/sh\nexec valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=%s/tests/valgrind.supp %s "$@"\n' \
        "$PWD" "$SG_BIN" > "$tmp/sg-valgrind"
    # Some cases run the binary as nobody: the wrapper must be reachable.
    chmod +x "$tmp/sg-valgrind"
    chmod 0755 "$tmp"
    SG_BIN=$tmp/sg-valgrind SG_VALGRIND=1 run e2e "$B/e2e-tests"
elif [ "$B" != build ]; then
    # A sanitizer build: the suites that exercise our code paths; the herd,
    # container, multi-host and hardening checks belong to the release build.
    run e2e "$B/e2e-tests"
elif [ "$mode" = e2e ]; then
    run e2e "$B/e2e-tests"
else
    run e2e "$B/e2e-tests"
    for t in tests/herd/run.sh tests/lease/run.sh tests/corpus/run.sh tests/container/run.sh \
        tests/k8s/run.sh tests/multihost/run.sh tests/security/run.sh; do
        [ -x "$t" ] && run "${t%/run.sh}" "$t"
    done
fi

pg_stop 2>/dev/null
mariadb_stop 2>/dev/null
summary
