#!/usr/bin/env bash
# make-corpus.sh -- regenerates the seed corpora of fuzz_url and
# fuzz_migration from real inputs: the example project's migration
# directories (both layouts), the migration bodies and names the unit and
# end-to-end suites use, and the URL forms of the README and test scripts.
# Seeds are named after what they came from; re-running overwrites them and
# never touches regression seeds (crash-*, regress-*).
set -eu
cd "$(dirname "$0")/../.."
mc=tests/fuzz/corpus/migration
uc=tests/fuzz/corpus/url
mkdir -p "$mc" "$uc"

# fuzz_migration's first byte picks the input kind: 0 name, 1 dbmate body,
# 2 golang .up.sql body, 3 golang .down.sql body.
seed() { # kind file-name content-file
    { printf "\\$(printf '%03o' "$1")"; cat "$3"; } >"$mc/$2"
}
name_seed() { # file-name [seed-name]
    printf '\000%s' "$1" >"$mc/name-${2:-$1}"
}

for dir in migrations-example/migrations migrations-example/golang-layout tests/fuzz/corpus/sqlsplit; do
    [ -d "$dir" ] || continue
    for f in "$dir"/*.sql; do
        [ -e "$f" ] || continue
        b=$(basename "$f")
        name_seed "$b"
        case "$b" in
        *.up.sql) seed 2 "up-$b" "$f" ;;
        *.down.sql) seed 3 "down-$b" "$f" ;;
        *) seed 1 "dbmate-$b" "$f"; seed 2 "up-$b" "$f" ;;
        esac
    done
done

# Bodies with every directive and marker form the parser knows.
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
i=0
while IFS= read -r -d '' body; do
    i=$((i + 1))
    printf '%s' "$body" >"$tmp"
    seed 1 "dbmate-directive-$i" "$tmp"
done < <(printf '%s\0' \
    $'-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n-- migrate:down\nDROP INDEX i;\n' \
    $'-- migrate:up lock_timeout:250ms transaction:true\nALTER TABLE t ADD c int;\n' \
    $'--migrate:up\r\nSELECT 1;\r\n--\tmigrate:down\r\n\r\n' \
    $'-- header comment\n\n-- migrate:up\nSELECT $$a;b$$;\nSELECT \'x\'\';\n-- migrate:down\n' \
    $'-- migrate:up lock_timeout:5m\nCREATE TRIGGER t BEFORE INSERT ON x BEGIN SELECT 1; END;\n' \
    $'-- migrate:up\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\n' \
    $'-- migrate:up bogus:directive\nSELECT 1;\n' \
    $'-- migrate:up\n-- migrate:up\n' \
    $'SELECT 1;\n-- migrate:up\nSELECT 2;\n')

for n in 20240101120000_create_users.sql 001_init.up.sql 001_init.down.sql 1_a.sql \
    99999999999999999999_max.sql 000000000000000000001_too_long.sql 0_zero.sql \
    10_x.y-z.sql .hidden.sql notes.txt schema.sql 1_.sql _1_x.sql; do
    name_seed "$n"
done
name_seed $'1_caf\xc3\xa9.sql' 1_cafe-utf8.sql

# URLs: the README's forms, the test servers', and the awkward ones.
j=0
while IFS= read -r u; do
    j=$((j + 1))
    printf '%s' "$u" >"$uc/url-$j"
done <<'URLS'
sqlite:app.db
sqlite:///var/lib/app/app.db
sqlite3:/abs.db?mode=rwc
postgres://app:s3cret@db.internal:5432/shop?sslmode=verify-full&sslrootcert=/etc/ca.pem
postgresql://app@h1:5432,h2:5433/shop?target_session_attrs=read-write&connect_timeout=5
postgres:///shop?host=/var/run/postgresql
postgres://postgres@127.0.0.1:5432/postgres?application_name=x&options=-c%20search_path%3Dapp
postgres://u@h/d?password-file=/run/secrets/db-password
postgres://u@h/d?passw%6Frd=Canary-7f3a9
postgres://h/db?user=a&password=Canary-7f3a9&sslpassword=x
mysql://root:p%40ss%3Aw%2Frd%25%3F%26%23%20x@127.0.0.1:3306/sgtest
mysql://sguser:pw@127.0.0.1:3306/sgtest?ssl-mode=VERIFY_IDENTITY&ssl-ca=/tmp/ca.pem
mariadb://u:pw@[::1]:3307/d?socket=/run/mysqld/mysqld.sock&connect-timeout=5s
mysql://u:p@ss@h:3306/db?x=1
postgres://u:secret#frag@h/d
postgres://u:p@h:99999/d
30s
500ms
0
1h
schemagate_migrations
URLS
echo "corpus: $(ls "$mc" | wc -l) migration seeds, $(ls "$uc" | wc -l) url seeds"
