#!/bin/sh
# deps.sh demo|test|bench|fuzz|container -- installs the Debian packages a target needs
# when run as root, or names the missing ones otherwise. Safe to run repeatedly.
set -eu

build="build-essential pkg-config libsqlite3-dev libpq-dev default-libmysqlclient-dev libssl-dev"
case "${1:-test}" in
demo) want="$build sqlite3" ;;
test) want="$build sqlite3 check postgresql mariadb-server mariadb-client pgbouncer galera-4 rsync openssl valgrind iproute2 iptables procps" ;;
bench) want="$build sqlite3 check postgresql mariadb-server mariadb-client nodejs npm valgrind procps strace" ;;
fuzz) want="$build clang libclang-rt-14-dev" ;;
container) want="podman runc debootstrap catatonit" ;;
*) echo "deps.sh: unknown target $1" >&2; exit 64 ;;
esac

missing=""
for p in $want; do
    # NodeSource's nodejs carries npm and conflicts with Debian's npm package.
    [ "$p" = npm ] && command -v npm >/dev/null && continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "schemagate: missing Debian packages:$missing" >&2
    echo "schemagate: run as root to install them, or: sudo apt-get install$missing" >&2
    exit 1
fi
echo "schemagate: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# Installing server packages must not start system-wide servers: tests start their own.
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get install -y -qq --no-install-recommends $missing >/dev/null
