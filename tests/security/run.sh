#!/usr/bin/env bash
# tests/security/run.sh -- issue 7's security properties, proven against the
# real binary and real servers:
#   canary    every error path (bad URLs, wrong passwords, unreachable servers,
#             SQL errors, lock timeouts, status JSON, JSON and debug logs,
#             retries, secret-file errors) run with a canary password; no
#             byte of stdout or stderr may contain it
#   huge      a 100 MB migration, a 10,000-file directory and a >1 GiB file
#             work or fail cleanly, with peak RSS printed and bounded
#   harden    the binary has BIND_NOW, PIE, RELRO, a non-exec stack, the
#             stack protector and fortified imports (readelf)
#   sources   unsafe migration directories/files, secret files, --scrub-env
#   tls       PostgreSQL sslmode=verify-full and MariaDB ssl-mode=VERIFY_IDENTITY
#             against throwaway servers using a CA made here
# Usage: tests/security/run.sh [SECTION...]  (default: all). Uses SG_BIN (or
# $B/schemagate, B defaulting to build). Ends with "N passed, M failed".
# SG_SEC_KEEP=1 keeps every command's output for reading.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=${B:-build}
SG=${SG_BIN:-$ROOT/$B/schemagate}
CANARY=Canary-7f3a9
# A second canary with URL delimiters, given percent-encoded.
CANARY2='Cn@ry:7f/3a9'
CANARY2_ENC='Cn%40ry%3A7f%2F3a9'
sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(harden sources canary huge tls)

passed=0 failed=0 failures=()
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() {
    failed=$((failed + 1))
    failures+=("$1")
    echo "not ok - $1${2:+: $2}"
}
want() { # section
    local s
    for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done
    return 1
}

# Sanitizer builds (make asan test) carry shadow memory and quarantines:
# their RSS bounds are looser and FORTIFY_SOURCE is off.
sanitized=
readelf --dyn-syms -W "$SG" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle' && sanitized=1
rss_factor=${sanitized:+3}
rss_factor=${rss_factor:-1}
if [ ! -x "$SG" ]; then
    echo "security: $SG not built (make)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
# Run from tests/run.sh, the caller's servers are in the environment: this
# script starts (and stops) its own, and must never touch those.
unset PGTEST_DIR PGTEST_PORT PGTEST_URL PGTEST_BIN PGTEST_PW_URL PGTEST_PW_PASSWORD \
    MYTEST_DIR MYTEST_PID MYTEST_PORT MYTEST_SOCKET MYTEST_URL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-sec.XXXXXX")
chmod 0755 "$tmp"
out=$tmp/out
mkdir -p "$out"
cleanup() {
    [ -n "${PGTEST_DIR:-}" ] && pg_stop 2>/dev/null
    [ -n "${MYTEST_DIR:-}" ] && mariadb_stop 2>/dev/null
    jobs -p | xargs -r kill 2>/dev/null
    rm -rf "${huge:-}"
    if [ -n "${SG_SEC_KEEP:-}" ]; then
        echo "security: outputs kept in $out"
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT

# sg NAME [VAR=VALUE...] -- ARGS...: runs the binary with a 60 s limit;
# stdout and stderr land in $out/NAME.{out,err}; the status is in $rc.
sg() {
    local name=$1 envs=()
    shift
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    env ${envs[@]+"${envs[@]}"} timeout -k 5 60 "$SG" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
    rc=$?
}

# expect SECTION/NAME RCS WHY: checks $rc against the regex RCS (e.g. "0",
# "69|78"); on failure shows the start of $out/NAME.err.
expect() {
    if [[ "$rc" =~ ^($2)$ ]]; then
        return 0
    fi
    fail "$1" "exit $rc, expected $2 ($3); stderr: $(head -c 400 "$out/${1#*/}.err" | tr '\n' ' ')"
    return 1
}

# canary NAME RCS [VAR=VALUE...] -- ARGS...: runs an error (or success) path
# and checks that neither canary, raw or percent-encoded, is in the output.
canary() {
    local name=$1 rcs=$2
    shift 2
    sg "$name" "$@"
    canary_check "$name" "$rcs"
}

# canary_check NAME RCS: the checks of `canary` on $rc and $out/NAME.*.
canary_check() {
    local name=$1 rcs=$2 f hit=
    expect "canary/$name" "$rcs" "status" || return
    for f in "$out/$name.out" "$out/$name.err"; do
        if grep -aqF -e "$CANARY" -e "$CANARY2" -e "$CANARY2_ENC" -e "Cn@ry" "$f"; then
            hit="$hit $(basename "$f"): $(grep -aoF -m1 -e "$CANARY" -e "$CANARY2" -e "$CANARY2_ENC" -e "Cn@ry" "$f" | head -1) in \"$(grep -aF -m1 -e "$CANARY" -e "$CANARY2" -e "$CANARY2_ENC" -e "Cn@ry" "$f" | head -c 200)\""
        fi
    done
    if [ -n "$hit" ]; then
        fail "canary/$name" "password leaked:$hit"
    elif [ "$rc" != 0 ] && [ ! -s "$out/$name.err" ]; then
        fail "canary/$name" "exit $rc with no message"
    else
        pass "canary/$name (exit $rc)"
    fi
}

mkmig() { # dir file body...
    local d=$1 f=$2
    shift 2
    mkdir -p "$d"
    chmod 0755 "$d"
    printf '%s\n' "$@" >"$d/$f"
    chmod 0644 "$d/$f"
}

# ---------------------------------------------------------------- harden
if want harden; then
    echo "=== harden: $SG"
    if ! command -v readelf >/dev/null; then
        fail "harden/readelf" "readelf not found (binutils)"
    else
        dyn=$(readelf -dW "$SG")
        prog=$(readelf -lW "$SG")
        syms=$(readelf --dyn-syms -W "$SG")
        if grep -Eq '\(FLAGS\).*BIND_NOW|\(FLAGS_1\).*NOW' <<<"$dyn"; then
            pass "harden/bind-now"
        else
            fail "harden/bind-now" "no BIND_NOW in the dynamic section (-Wl,-z,now)"
        fi
        if readelf -hW "$SG" | grep -q 'Type:.*DYN' && grep -Eq '\(FLAGS_1\).*PIE' <<<"$dyn"; then
            pass "harden/pie"
        else
            fail "harden/pie" "not a PIE (-fPIE -pie)"
        fi
        if grep -q 'GNU_RELRO' <<<"$prog"; then
            pass "harden/relro"
        else
            fail "harden/relro" "no GNU_RELRO segment (-Wl,-z,relro)"
        fi
        stack=$(grep 'GNU_STACK' <<<"$prog")
        if [ -n "$stack" ] && ! grep -Eq 'RWE|  E ' <<<"$stack"; then
            pass "harden/noexec-stack"
        else
            fail "harden/noexec-stack" "GNU_STACK missing or executable: $stack"
        fi
        if grep -q '__stack_chk_fail' <<<"$syms"; then
            pass "harden/stack-protector"
        else
            fail "harden/stack-protector" "__stack_chk_fail not imported (-fstack-protector-strong)"
        fi
        chk=$(grep -oE '__[a-z_]+_chk' <<<"$syms" | grep -v '^__stack_chk' | sort -u | tr '\n' ' ')
        if [ -n "$chk" ]; then
            pass "harden/fortify ($chk)"
        elif [ -n "$sanitized" ]; then
            echo "skip - harden/fortify: sanitizer build (FORTIFY_SOURCE is off under ASan)"
        else
            fail "harden/fortify" "no __*_chk import (-D_FORTIFY_SOURCE=2 with -O2)"
        fi
    fi
fi

# ---------------------------------------------------------------- sources
if want sources; then
    echo "=== sources: unsafe migration directories and secret files"
    s=$tmp/src
    mkdir -p "$s"
    db="sqlite:///${s#/}/src.db"
    fresh() { # a clean directory $s/m with two migrations
        rm -rf "$s/m" "$s"/*.db
        mkmig "$s/m" 1_one.sql '-- migrate:up' 'CREATE TABLE one (x int);'
        mkmig "$s/m" 2_two.sql '-- migrate:up' 'CREATE TABLE two (x int);'
    }
    msg_has() { # name text
        if grep -qF -- "$2" "$out/$1.err"; then return 0; fi
        fail "sources/$1" "stderr lacks '$2': $(head -c 300 "$out/$1.err")"
        return 1
    }

    fresh
    sg clean -- -u "$db" -d "$s/m" up
    expect sources/clean 0 "a clean directory" && pass "sources/clean directory applies"

    # The file-trust rule (issue 14): others-writable on a writable mount is
    # refused; the running user's (or root's, or group 0's) group may write.
    fresh
    chmod 0757 "$s/m"
    sg dir-ww -- -u "$db" -d "$s/m" up
    expect sources/dir-ww 78 "world-writable directory" && msg_has dir-ww "writable by every user" &&
        msg_has dir-ww "--allow-insecure-files" && pass "sources/world-writable directory refused (78)"
    sg dir-ww-allowed -- -u "$db" -d "$s/m" --allow-insecure-files up
    expect sources/dir-ww-allowed 0 "--allow-insecure-files" && msg_has dir-ww-allowed "warning:" &&
        pass "sources/--allow-insecure-files accepts it with a warning"
    rm -f "$s"/*.db
    sg dir-ww-env SCHEMAGATE_ALLOW_INSECURE_FILES=1 -- -u "$db" -d "$s/m" up
    expect sources/dir-ww-env 0 "SCHEMAGATE_ALLOW_INSECURE_FILES=1" &&
        pass "sources/SCHEMAGATE_ALLOW_INSECURE_FILES=1 accepts it"
    fresh
    chmod 0775 "$s/m"
    sg dir-gw -- -u "$db" -d "$s/m" up
    expect sources/dir-gw 0 "directory writable by our own group" &&
        pass "sources/a directory writable by the running user's group loads"

    fresh
    chmod 0666 "$s/m/2_two.sql"
    sg file-ww -- -u "$db" -d "$s/m" up
    expect sources/file-ww 78 "world-writable file" && msg_has file-ww "2_two.sql is writable by every user" &&
        pass "sources/world-writable file refused (78), nothing applied first"
    if [ -e "$s/src.db" ] && command -v sqlite3 >/dev/null &&
        [ -n "$(sqlite3 "$s/src.db" "SELECT name FROM sqlite_master WHERE name='one'")" ]; then
        fail "sources/file-ww-nothing-applied" "migration 1 ran although the directory was refused"
    fi

    fresh
    mkmig "$s" 3_outside.sql '-- migrate:up' 'CREATE TABLE evil (x int);'
    ln -s ../3_outside.sql "$s/m/3_outside.sql"
    sg link-out -- -u "$db" -d "$s/m" up
    expect sources/link-out 78 "symlink out of the directory" &&
        msg_has link-out "symlink leads outside the migrations directory" &&
        pass "sources/symlink leading outside refused (78)"
    rm -f "$s/m/3_outside.sql"
    ln -s /etc/passwd "$s/m/3_passwd.sql"
    sg link-abs -- -u "$db" -d "$s/m" up
    expect sources/link-abs 78 "absolute symlink out" && pass "sources/absolute symlink to /etc/passwd refused (78)"
    rm -f "$s/m/3_passwd.sql"

    fresh
    mkdir "$s/m/..2024_01_01"
    mkmig "$s/m/..2024_01_01" 3_three.sql '-- migrate:up' 'CREATE TABLE three (x int);'
    ln -s ..2024_01_01 "$s/m/..data"
    ln -s ..data/3_three.sql "$s/m/3_three.sql"
    sg configmap -- -u "$db" -d "$s/m" up
    expect sources/configmap 0 "Kubernetes ConfigMap layout" && pass "sources/ConfigMap-style links inside load"

    fresh
    ln "$s/m/2_two.sql" "$s/hardlink"
    sg hardlink -- -u "$db" -d "$s/m" --log-format=json up
    expect sources/hardlink 0 "hard link is a warning" && msg_has hardlink '"migration_hardlinked"' &&
        pass "sources/hard link warns (migration_hardlinked) and applies"
    rm -f "$s/hardlink"

    fresh
    mkfifo "$s/m/3_fifo.sql"
    sg fifo -- -u "$db" -d "$s/m" up
    expect sources/fifo 65 "FIFO" && msg_has fifo "not a regular file" && pass "sources/FIFO refused without hanging (65)"

    if [ "$(id -u)" = 0 ]; then
        fresh
        chown 12345:12345 "$s/m/2_two.sql"
        sg owner -- -u "$db" -d "$s/m" up
        expect sources/owner 0 "foreign owner" && msg_has owner "owned by uid 12345" &&
            msg_has owner "warning:" && pass "sources/file owned by another uid: a warning, then applied"
    else
        echo "skip - sources/owner: needs root to chown"
    fi

    # A file > 1 GiB (sparse: no disk, no memory) is refused before reading.
    fresh
    truncate -s 1100M "$s/m/3_huge.sql"
    cc -O2 -o "$tmp/maxrss" tests/security/maxrss.c 2>/dev/null
    if [ -x "$tmp/maxrss" ]; then
        "$tmp/maxrss" "$out/gib.rss" timeout 60 "$SG" -u "$db" -d "$s/m" up >"$out/gib.out" 2>"$out/gib.err"
        rc=$?
        read -r kib ms <"$out/gib.rss"
        expect sources/gib 65 "1.1 GB file" && msg_has gib "larger than 1 GiB" &&
            if [ "$kib" -lt 65536 ]; then
                pass "sources/1.1 GB file refused before reading (65, peak RSS ${kib} KiB)"
            else
                fail "sources/gib" "peak RSS ${kib} KiB reading a file it refuses"
            fi
    fi
    rm -f "$s/m/3_huge.sql"

    # DATABASE_URL_FILE and password-file: mode rules and no echo.
    fresh
    printf '%s\n' "$db" >"$s/url"
    chmod 0644 "$s/url"
    sg urlfile-644 DATABASE_URL_FILE="$s/url" -- -d "$s/m" up
    expect sources/urlfile-644 78 "DATABASE_URL_FILE 0644" && msg_has urlfile-644 "readable by every user" &&
        pass "sources/DATABASE_URL_FILE 0644 on a writable mount refused (78)"
    chmod 0600 "$s/url"
    sg urlfile-600 DATABASE_URL_FILE="$s/url" -- -d "$s/m" up -- env
    expect sources/urlfile-600 0 "DATABASE_URL_FILE 0600" &&
        if grep -q '^DATABASE_URL_FILE=' "$out/urlfile-600.out"; then
            fail "sources/urlfile-unset" "DATABASE_URL_FILE still set in PROGRAM's environment"
        else
            pass "sources/DATABASE_URL_FILE 0600 read, and unset before exec"
        fi
    printf '%s\n' "$CANARY" >"$s/pw"
    chmod 0644 "$s/pw"
    sg pwfile-644 -- -u "postgres://app@127.0.0.1:1/db?password-file=$s/pw" -d "$s/m" status
    expect sources/pwfile-644 78 "password-file 0644" && msg_has pwfile-644 "password-file" &&
        msg_has pwfile-644 "readable by every user" && pass "sources/password-file 0644 refused (78)"
    chmod 0640 "$s/pw"
    sg pwfile-640 -- -u "postgres://app@127.0.0.1:1/db?password-file=$s/pw" --wait-for-db=0 -d "$s/m" status
    expect sources/pwfile-640 69 "password-file 0640 (a group may read it, as libpq allows)" &&
        pass "sources/password-file 0640 accepted (then 69: no server on port 1)"

    fresh
    sg scrub DATABASE_URL="$db" SG_SECRET_X=1 SG_KEEP=1 -- -d "$s/m" --scrub-env=DATABASE_URL,SG_SECRET_X up -- env
    expect sources/scrub 0 "--scrub-env" &&
        if grep -Eq '^(DATABASE_URL|SG_SECRET_X)=' "$out/scrub.out" || ! grep -q '^SG_KEEP=1' "$out/scrub.out"; then
            fail "sources/scrub" "PROGRAM's environment: $(grep -E '^(DATABASE_URL|SG_)' "$out/scrub.out" | tr '\n' ' ')"
        else
            pass "sources/--scrub-env removes the listed variables, keeps the rest"
        fi
fi

# ---------------------------------------------------------------- servers
. tests/lib/pg.sh
. tests/lib/mariadb.sh
certs=$tmp/certs
have_pg= have_my= have_tls=
if want canary || want tls; then
    # A test CA, a server certificate for localhost/127.0.0.1, and a second,
    # unrelated CA that must not be trusted.
    mkdir -p "$certs"
    chmod 0755 "$certs"
    (
        cd "$certs" || exit 1
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 \
            -subj "/CN=schemagate test CA" -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" &&
            openssl req -x509 -newkey rsa:2048 -nodes -keyout wrong.key -out wrong-ca.pem -days 2 \
                -subj "/CN=some other CA" -addext "basicConstraints=critical,CA:TRUE" \
                -addext "keyUsage=critical,keyCertSign,cRLSign" &&
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost" &&
            printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
                "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >ext &&
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
                -days 2 -extfile ext
    ) >"$out/openssl.log" 2>&1 && have_tls=1
    if [ -n "$have_tls" ]; then
        chmod 0644 "$certs"/*.pem
        for u in postgres mysql; do
            mkdir -p "$certs/$u"
            cp "$certs/server.pem" "$certs/server.key" "$certs/$u/"
            chmod 0755 "$certs/$u"
            chmod 0600 "$certs/$u/server.key"
            chmod 0644 "$certs/$u/server.pem"
            [ "$(id -u)" = 0 ] && id "$u" >/dev/null 2>&1 && chown "$u:" "$certs/$u/server.key" "$certs/$u/server.pem"
        done
    else
        fail "tls/certificates" "openssl failed: $(tail -n 5 "$out/openssl.log" | tr '\n' ' ')"
    fi
    pg_opts=(-c max_connections=60)
    [ -n "$have_tls" ] && pg_opts+=(-c ssl=on -c "ssl_cert_file=$certs/postgres/server.pem"
        -c "ssl_key_file=$certs/postgres/server.key")
    if pg_start "${pg_opts[@]}" >"$out/pg_start.log" 2>&1; then
        have_pg=1
        # sg_pw authenticates with SCRAM: its password becomes the canary.
        pg_psql "ALTER ROLE sg_pw PASSWORD '$CANARY'" >/dev/null
    else
        fail "server/postgres" "pg_start failed: $(tail -n 5 "$out/pg_start.log" | tr '\n' ' ')"
    fi
    my_opts=()
    # A second loopback address the certificate does not name, for the
    # identity check (Connector/C treats "localhost" as the Unix socket).
    [ -n "$have_tls" ] && my_opts=(--ssl-ca="$certs/ca.pem" --ssl-cert="$certs/mysql/server.pem"
        --ssl-key="$certs/mysql/server.key" --bind-address=127.0.0.1,127.0.0.2)
    if mariadb_start "${my_opts[@]}" >"$out/mariadb_start.log" 2>&1; then
        have_my=1
        mariadb_sql "CREATE USER canary@'%' IDENTIFIED BY '$CANARY';
            CREATE USER canary2@'%' IDENTIFIED BY '${CANARY2}';
            GRANT ALL ON \`sg%\`.* TO canary@'%'; GRANT ALL ON \`sg%\`.* TO canary2@'%';
            CREATE DATABASE sgcanary;" >/dev/null
    else
        fail "server/mariadb" "mariadb_start failed: $(tail -n 5 "$out/mariadb_start.log" | tr '\n' ' ')"
    fi
fi

# ---------------------------------------------------------------- canary
if want canary; then
    echo "=== canary: no output may contain the password"
    c=$tmp/canary
    good=$c/good bad=$c/bad slow=$c/slow
    mkmig "$good" 1_t.sql '-- migrate:up' 'CREATE TABLE IF NOT EXISTS sec_t (id int);' '-- migrate:down' 'DROP TABLE sec_t;'
    mkmig "$bad" 1_t.sql '-- migrate:up' 'CREATE TABLE IF NOT EXISTS sec_t (id int);'
    mkmig "$bad" 2_fail.sql '-- migrate:up' 'INSERT INTO no_such_table VALUES (1);'
    mkmig "$slow" 1_slow.sql '-- migrate:up' 'SELECT pg_sleep(5);'
    mkmig "$c/myslow" 1_slow.sql '-- migrate:up' 'SELECT SLEEP(5);'
    # A replica busy migrating holds the lock for 8 s.
    mkmig "$c/pghold" 1_hold.sql '-- migrate:up' 'SELECT pg_sleep(8);'
    mkmig "$c/myhold" 1_hold.sql '-- migrate:up' 'SELECT SLEEP(8);'

    # URLs that fail before any connection, in every log mode.
    i=0
    while IFS= read -r url; do
        i=$((i + 1))
        canary "badurl-$i-text" '64|69|78' -- -u "$url" -d "$good" -v --wait-for-db=0 up
        canary "badurl-$i-json" '64|69|78' -- -u "$url" -d "$good" -v --log-format=json --wait-for-db=0 status --format json
        canary "badurl-$i-env" '64|69|78' DATABASE_URL="$url" -- -d "$good" --wait-for-db=0 validate
    done <<URLS
postgres://u:$CANARY@h:99999/d
postgres://u:$CANARY@h:12ab/d
postgres://u:$CANARY#frag@h/d
postgres://u:$CANARY%zz@h/d
postgres://u:$CANARY%00@h/d
postgres:u:$CANARY@h/d
postgres://u:$CANARY@[::1/d
oracle://u:$CANARY@h/d
$CANARY
postgres://u:$CANARY@127.0.0.1:1/d?sslmode=bogus
postgres://u:$CANARY@127.0.0.1:1/d?bogus_option=1
postgres://u@127.0.0.1:1/d?password=$CANARY&sslmode=bogus
postgres://u@127.0.0.1:1/d?passw%6Frd=$CANARY&sslmode=bogus
postgres://u:$CANARY2_ENC@127.0.0.1:1/d
mysql://u:$CANARY@127.0.0.1:1/d?ssl-mode=bogus
mysql://u:$CANARY@127.0.0.1:1/d?unknown=1
mysql://u@127.0.0.1:1/d?password=$CANARY
mysql://u:$CANARY@127.0.0.1:1/d?ssl-mode=VERIFY_IDENTITY
mysql://u:$CANARY@127.0.0.1:1/
mysql://u:$CANARY2_ENC@127.0.0.1:1/d
mysql://u:$CANARY@h1,h2/d
sqlite:$c/x.db?password=$CANARY
URLS
    # Unreachable servers: the retry loop logs every attempt.
    canary pg-unreachable-retry 69 -- -u "postgres://u:$CANARY@127.0.0.1:1/d" -d "$good" -v --wait-for-db=2s up
    canary pg-unreachable-json 69 -- -u "postgres://u:$CANARY@127.0.0.1:1/d" -d "$good" -v --log-format=json --wait-for-db=2s status --format json
    canary my-unreachable-retry 69 -- -u "mysql://u:$CANARY@127.0.0.1:1/d" -d "$good" -v --wait-for-db=2s up
    canary my-unreachable-json 69 -- -u "mysql://u:$CANARY@127.0.0.1:1/d" -d "$good" -v --log-format=json --wait-for-db=2s up
    # Command-line mistakes with a URL in the wrong place.
    canary typo-option 64 -- --databse-url="postgres://u:$CANARY@h/d" up
    canary url-as-command 64 -- "postgres://u:$CANARY@h/d" up
    canary url-as-extra-argument 64 -- -d "$good" status extra "postgres://u:$CANARY@h/d"
    canary url-and-file 78 DATABASE_URL="postgres://u:$CANARY@h/d" DATABASE_URL_FILE=/nonexistent -- up
    # Secret files.
    printf 'postgres://u:%s@127.0.0.1:1/d\n' "$CANARY" >"$c/url-644"
    chmod 0644 "$c/url-644"
    canary urlfile-644 78 DATABASE_URL_FILE="$c/url-644" -- -d "$good" up
    canary urlfile-missing 78 DATABASE_URL_FILE="$c/nonexistent" -- -d "$good" up
    canary urlfile-dir 78 DATABASE_URL_FILE="$c" -- -d "$good" up
    printf 'postgres://u:%s@h:99999/d\n' "$CANARY" >"$c/url-bad"
    chmod 0600 "$c/url-bad"
    canary urlfile-badurl 78 DATABASE_URL_FILE="$c/url-bad" -- -d "$good" -v --log-format=json up
    printf '%s\n' "$CANARY" >"$c/pw-644"
    chmod 0644 "$c/pw-644"
    canary pwfile-644 78 -- -u "postgres://u@127.0.0.1:1/d?password-file=$c/pw-644" -d "$good" up
    printf '%s\n' "$CANARY" >"$c/pw"
    chmod 0600 "$c/pw"
    canary pwfile-unreachable 69 -- -u "postgres://u@127.0.0.1:1/d?password-file=$c/pw" -d "$good" -v --wait-for-db=1s up
    canary pwfile-with-password 78 -- -u "postgres://u:x@127.0.0.1:1/d?password-file=$c/pw" -d "$good" up

    if [ -n "$have_pg" ]; then
        P="postgres://sg_pw:$CANARY@127.0.0.1:$PGTEST_PORT/postgres"
        canary pg-up-debug 0 -- -u "$P" -d "$good" -v --table=sec_a up
        canary pg-up-json 0 -- -u "$P" -d "$good" -v --log-format=json --table=sec_b up -- true
        canary pg-status-json 0 -- -u "$P" -d "$good" -v --log-format=json --table=sec_b status --format json
        canary pg-status-text 0 -- -u "$P" -d "$good" --table=sec_b status
        canary pg-validate 0 -- -u "$P" -d "$good" -v --table=sec_b validate
        canary pg-sql-error 65 -- -u "$P" -d "$bad" -v --table=sec_c up
        canary pg-sql-error-json 65 -- -u "$P" -d "$bad" -v --log-format=json --table=sec_d up
        canary pg-wrong-password 69 -- -u "postgres://sg_pw:${CANARY}X@127.0.0.1:$PGTEST_PORT/postgres" -d "$good" -v --wait-for-db=1s up
        canary pg-wrong-password-json 69 -- -u "postgres://sg_pw:${CANARY}X@127.0.0.1:$PGTEST_PORT/postgres" -d "$good" -v --log-format=json --wait-for-db=1s status --format json
        # An unencoded '@' in the password (issue 14): libpq would end the
        # userinfo at the first '@' and log the rest as the host name.
        canary pg-unencoded-at 69 -- -u "postgres://sg_pw:Cn@ry-$CANARY@127.0.0.1:$PGTEST_PORT/postgres" -d "$good" -v --wait-for-db=1s up
        canary pg-unencoded-at-json 69 -- -u "postgres://sg_pw:Cn@ry-$CANARY@127.0.0.1:$PGTEST_PORT/postgres" -d "$good" -v --log-format=json --wait-for-db=1s up
        canary pg-no-database 69 -- -u "postgres://sg_pw:$CANARY@127.0.0.1:$PGTEST_PORT/nope" -d "$good" -v --wait-for-db=1s up
        canary pg-password-param 0 -- -u "postgres://sg_pw@127.0.0.1:$PGTEST_PORT/postgres?password=$CANARY" -d "$good" -v --table=sec_e up
        canary pg-password-param-bad-db 69 -- -u "postgres://sg_pw@127.0.0.1:$PGTEST_PORT/nope?password=$CANARY" -d "$good" -v --wait-for-db=1s up
        canary pg-password-file 0 -- -u "postgres://sg_pw@127.0.0.1:$PGTEST_PORT/postgres?password-file=$c/pw" -d "$good" -v --table=sec_f up
        canary pg-verify-full-no-root 69 -- -u "$P?sslmode=verify-full&sslrootcert=$c/nonexistent.pem" -d "$good" -v --wait-for-db=1s up
        canary pg-statement-timeout '65|75' -- -u "$P" -d "$slow" -v --statement-timeout=1s --table=sec_g up
        canary pg-env-url 0 DATABASE_URL="$P" -- -d "$good" -v --table=sec_b status
        printf '%s\n' "$P" >"$c/pg-url"
        chmod 0600 "$c/pg-url"
        canary pg-url-file 0 DATABASE_URL_FILE="$c/pg-url" -- -d "$good" -v --log-format=json --table=sec_b status --format json
        # Lock held by another replica while it migrates: waiting, holder
        # reports, timeouts, SIGTERM while waiting.
        "$SG" -u "$P" -d "$c/pghold" -v --table=sec_h up >"$out/pg-holder.out" 2>"$out/pg-holder.err" </dev/null &
        holder=$!
        sleep 1
        canary pg-lock-timeout 75 -- -u "$P" -d "$c/pghold" -v --table=sec_h --lock-timeout=1s up
        canary pg-lock-timeout-json 75 -- -u "$P" -d "$c/pghold" -v --log-format=json --table=sec_h --lock-timeout=1s up
        canary pg-wait-timeout 75 -- -u "$P" -d "$c/pghold" -v --table=sec_h wait --timeout=1s
        "$SG" -u "$P" -d "$c/pghold" -v --table=sec_h --lock-timeout=30s up \
            >"$out/pg-sigterm-waiting.out" 2>"$out/pg-sigterm-waiting.err" </dev/null &
        waiter=$!
        sleep 1
        kill -TERM "$waiter"
        wait "$waiter"
        rc=$?
        canary_check pg-sigterm-waiting 143
        wait "$holder"
        rc=$?
        canary_check pg-holder 0
        # Checksum drift on an applied migration.
        cp -r "$good" "$c/drift"
        printf '%s\n' '-- migrate:up' 'CREATE TABLE IF NOT EXISTS sec_t (id bigint);' >"$c/drift/1_t.sql"
        canary pg-drift 65 -- -u "$P" -d "$c/drift" -v --table=sec_a up
        canary pg-drift-status '0|65' -- -u "$P" -d "$c/drift" --table=sec_a status --format json
        canary pg-exec-missing 127 -- -u "$P" -d "$good" --table=sec_a up -- /nonexistent/app
        canary pg-scrubbed-env 0 DATABASE_URL="$P" -- -d "$good" --table=sec_a --scrub-env=DATABASE_URL up -- env
    fi

    if [ -n "$have_my" ]; then
        M="mysql://canary:$CANARY@127.0.0.1:$MYTEST_PORT/sgcanary"
        canary my-up-debug 0 -- -u "$M" -d "$good" -v --table=sec_a up
        canary my-status-json 0 -- -u "$M" -d "$good" -v --log-format=json --table=sec_a status --format json
        canary my-sql-error 65 -- -u "$M" -d "$bad" -v --table=sec_c up
        canary my-sql-error-json 65 -- -u "$M" -d "$bad" -v --log-format=json --table=sec_d up
        canary my-wrong-password 69 -- -u "mysql://canary:${CANARY}X@127.0.0.1:$MYTEST_PORT/sgcanary" -d "$good" -v --wait-for-db=1s up
        canary my-wrong-password-json 69 -- -u "mysql://canary:${CANARY}X@127.0.0.1:$MYTEST_PORT/sgcanary" -d "$good" -v --log-format=json --wait-for-db=1s status --format json
        canary my-no-database 69 -- -u "mysql://canary:$CANARY@127.0.0.1:$MYTEST_PORT/sgnope" -d "$good" -v --wait-for-db=1s up
        canary my-encoded-password 0 -- -u "mysql://canary2:$CANARY2_ENC@127.0.0.1:$MYTEST_PORT/sgcanary" -d "$good" -v --table=sec_e up
        canary my-encoded-wrong 69 -- -u "mysql://canary2:${CANARY2_ENC}X@127.0.0.1:$MYTEST_PORT/sgcanary" -d "$good" -v --wait-for-db=1s up
        printf '%s\n' "$CANARY" >"$c/mypw"
        chmod 0600 "$c/mypw"
        canary my-password-file 0 -- -u "mysql://canary@127.0.0.1:$MYTEST_PORT/sgcanary?password-file=$c/mypw" -d "$good" -v --table=sec_f up
        canary my-statement-timeout '65|75' -- -u "$M" -d "$c/myslow" -v --statement-timeout=1s --table=sec_g up
        "$SG" -u "$M" -d "$c/myhold" -v --table=sec_h up >"$out/my-holder.out" 2>"$out/my-holder.err" </dev/null &
        holder=$!
        sleep 1
        canary my-lock-timeout 75 -- -u "$M" -d "$c/myhold" -v --table=sec_h --lock-timeout=1s up
        canary my-lock-timeout-json 75 -- -u "$M" -d "$c/myhold" -v --log-format=json --table=sec_h --lock-timeout=1s up
        canary my-wait-timeout 75 -- -u "$M" -d "$c/myhold" -v --table=sec_h wait --timeout=1s
        wait "$holder"
        rc=$?
        canary_check my-holder 0
    fi
fi

# ---------------------------------------------------------------- tls
if want tls && [ -n "$have_tls" ]; then
    echo "=== tls: verify-full / VERIFY_IDENTITY against a test CA"
    t=$tmp/tls
    mkmig "$t" 1_t.sql '-- migrate:up' 'CREATE TABLE IF NOT EXISTS tls_t (id int);'
    tls_case() { # name rc url [message-substring]
        sg "tls-$1" -- -u "$3" -d "$t" --wait-for-db=1s --table=tls_ledger up
        expect "tls/$1" "$2" "TLS" || return
        if [ -n "${4:-}" ] && ! grep -qiE -- "$4" "$out/tls-$1.err"; then
            fail "tls/$1" "message lacks /$4/: $(head -c 300 "$out/tls-$1.err")"
            return
        fi
        pass "tls/$1 (exit $rc)${4:+: $(grep -oiE -m1 -- "$4" "$out/tls-$1.err" | head -1)}"
    }
    if [ -n "$have_pg" ]; then
        base="postgres://postgres@localhost:$PGTEST_PORT/postgres"
        tls_case pg-verify-full 0 "$base?sslmode=verify-full&sslrootcert=$certs/ca.pem"
        tls_case pg-verify-full-ip 0 "postgres://postgres@127.0.0.1:$PGTEST_PORT/postgres?sslmode=verify-full&sslrootcert=$certs/ca.pem"
        tls_case pg-wrong-ca 69 "$base?sslmode=verify-full&sslrootcert=$certs/wrong-ca.pem" 'certificate verify failed|certificate'
        tls_case pg-wrong-host 69 "postgres://postgres@wrong.example:$PGTEST_PORT/postgres?hostaddr=127.0.0.1&sslmode=verify-full&sslrootcert=$certs/ca.pem" 'does not match host name|wrong.example'
        tls_case pg-require-wrong-ca 69 "$base?sslmode=require&sslrootcert=$certs/wrong-ca.pem" 'certificate'
    fi
    if [ -n "$have_my" ]; then
        mb="mysql://root:$MYTEST_PASSWORD@127.0.0.1:$MYTEST_PORT/sgtest"
        tls_case my-verify-identity 0 "$mb?ssl-mode=VERIFY_IDENTITY&ssl-ca=$certs/ca.pem"
        if [ "$rc" = 0 ]; then
            # Prove the driver's session is TLS: a user that requires SSL.
            mariadb_sql "CREATE USER sgtls@'%' IDENTIFIED BY 'tls-pw' REQUIRE SSL; GRANT ALL ON \`sg%\`.* TO sgtls@'%'" >/dev/null
            tls_case my-require-ssl-user 0 "mysql://sgtls:tls-pw@127.0.0.1:$MYTEST_PORT/sgtest?ssl-mode=VERIFY_IDENTITY&ssl-ca=$certs/ca.pem"
            tls_case my-ssl-user-cleartext 69 "mysql://sgtls:tls-pw@127.0.0.1:$MYTEST_PORT/sgtest" 'denied|1045'
        fi
        tls_case my-wrong-ca 69 "$mb?ssl-mode=VERIFY_IDENTITY&ssl-ca=$certs/wrong-ca.pem" 'certificate'
        tls_case my-verify-ca-wrong-ca 69 "$mb?ssl-mode=VERIFY_CA&ssl-ca=$certs/wrong-ca.pem" 'certificate'
        mb2="mysql://root:$MYTEST_PASSWORD@127.0.0.2:$MYTEST_PORT/sgtest"
        if (exec 3<>"/dev/tcp/127.0.0.2/$MYTEST_PORT") 2>/dev/null; then
            # Same server and CA, an address the certificate does not name.
            mariadb_sql "CREATE USER IF NOT EXISTS root@'%' IDENTIFIED BY '$MYTEST_PASSWORD'; GRANT ALL ON *.* TO root@'%'" >/dev/null
            tls_case my-verify-ca-other-name 0 "$mb2?ssl-mode=VERIFY_CA&ssl-ca=$certs/ca.pem"
            tls_case my-identity-other-name 69 "$mb2?ssl-mode=VERIFY_IDENTITY&ssl-ca=$certs/ca.pem" 'certificate|match|host|name'
        else
            echo "skip - tls/my-identity-other-name: the server does not listen on 127.0.0.2"
        fi
        tls_case my-identity-without-ca 78 "$mb?ssl-mode=VERIFY_IDENTITY" 'ssl-ca'
        tls_case my-preferred-refused 78 "$mb?ssl-mode=PREFERRED" 'PREFERRED'
    fi
fi

# ---------------------------------------------------------------- huge
if want huge; then
    echo "=== huge: 100 MB migration, 10,000 migrations${sanitized:+ (sanitizer build: RSS bounds x$rss_factor)}"
    [ -x "$tmp/maxrss" ] || cc -O2 -o "$tmp/maxrss" tests/security/maxrss.c
    # fsync cost is not what is measured: use tmpfs when there is one.
    hbase=${SG_HUGE_DIR:-}
    if [ -z "$hbase" ]; then
        hbase=$tmp
        [ -d /dev/shm ] && [ -w /dev/shm ] && hbase=/dev/shm
    fi
    huge=$(mktemp -d "$hbase/sg-sec-huge.XXXXXX")
    chmod 0755 "$huge"
    hrun() { # name rcs command...: runs under maxrss, sets $kib $ms
        local name=$1 rcs=$2
        shift 2
        "$tmp/maxrss" "$out/$name.rss" timeout -k 5 300 "$@" >"$out/$name.out" 2>"$out/$name.err"
        rc=$?
        read -r kib ms <"$out/$name.rss" || { kib=0 ms=0; }
        expect "huge/$name" "$rcs" "huge input"
    }

    mkdir -m 0755 "$huge/big"
    {
        echo '-- migrate:up'
        echo 'CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT);'
        awk 'BEGIN { for (i = 1; i <= 1040000; i++)
            printf "INSERT INTO big (id, v) VALUES (%d, '"'"'row %d padded to about one hundred bytes .............'"'"');\n", i, i }'
    } >"$huge/big/1_big.sql"
    chmod 0644 "$huge/big/1_big.sql"
    size=$(stat -c %s "$huge/big/1_big.sql")
    mb=$((size / 1048576))
    if hrun big-up 0 "$SG" -u "sqlite:///${huge#/}/big.db" -d "$huge/big" up; then
        # Memory proportional: the bytes are held twice at most (file and
        # section) plus the statement list; no blow-up.
        limit=$(((size * 4 / 1024 + 65536) * rss_factor))
        if [ "$kib" -le "$limit" ]; then
            pass "huge/${mb} MB migration applied in ${ms} ms, peak RSS $((kib / 1024)) MB ($(awk "BEGIN { printf \"%.1f\", $kib * 1024 / $size }")x the file)"
        else
            fail "huge/big-up" "peak RSS $((kib / 1024)) MB for a ${mb} MB file (limit $((limit / 1024)) MB)"
        fi
        hrun big-status 0 "$SG" -u "sqlite:///${huge#/}/big.db" -d "$huge/big" status --format json &&
            pass "huge/status over it in ${ms} ms, peak RSS $((kib / 1024)) MB"
    fi
    rm -rf "$huge/big" "$huge/big.db"

    # One 100 MB statement that never ends: a clear error, not a crash.
    mkdir -m 0755 "$huge/open"
    { printf -- "-- migrate:up\nSELECT 'x"; head -c 100000000 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$huge/open/1_open.sql"
    chmod 0644 "$huge/open/1_open.sql"
    if hrun open-up 65 "$SG" -u "sqlite:///${huge#/}/open.db" -d "$huge/open" up; then
        if grep -q '1_open.sql' "$out/open-up.err"; then
            pass "huge/100 MB unterminated string: clear error naming the file (65), peak RSS $((kib / 1024)) MB: $(grep -o 'fatal: .*' "$out/open-up.err" | head -c 120)"
        else
            fail "huge/open-up" "message does not name the file: $(head -c 300 "$out/open-up.err")"
        fi
    fi
    rm -rf "$huge/open"

    mkdir -m 0755 "$huge/many"
    (
        cd "$huge/many" &&
            printf -- '-- migrate:up\nCREATE TABLE many (n INTEGER);\n' >1_create.sql &&
            awk 'BEGIN { for (i = 2; i <= 10000; i++) {
                f = sprintf("%d_m%d.sql", i, i)
                printf "-- migrate:up\nINSERT INTO many VALUES (%d);\n-- migrate:down\nDELETE FROM many WHERE n = %d;\n", i, i > f
                close(f) } }' &&
            chmod 0644 ./*.sql
    )
    n=$(find "$huge/many" -name '*.sql' | wc -l)
    if hrun many-up 0 "$SG" -u "sqlite:///${huge#/}/many.db" -d "$huge/many" -q up; then
        if [ "$kib" -le $((262144 * rss_factor)) ]; then
            pass "huge/$n migrations applied in ${ms} ms, peak RSS $((kib / 1024)) MB"
        else
            fail "huge/many-up" "peak RSS $((kib / 1024)) MB for $n small files"
        fi
    fi
    if hrun many-status 0 "$SG" -u "sqlite:///${huge#/}/many.db" -d "$huge/many" status --format json; then
        applied=$(grep -o '"state":"applied"' "$out/many-status.out" | wc -l)
        if [ "$applied" = "$n" ]; then
            pass "huge/status lists $applied applied in ${ms} ms, peak RSS $((kib / 1024)) MB"
        else
            fail "huge/many-status" "$applied of $n listed as applied"
        fi
    fi
    hrun many-validate 0 "$SG" -d "$huge/many" validate && pass "huge/validate $n files in ${ms} ms, peak RSS $((kib / 1024)) MB"
    rm -rf "$huge"
fi

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
