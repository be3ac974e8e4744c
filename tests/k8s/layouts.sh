#!/usr/bin/env bash
# tests/k8s/layouts.sh -- the file-trust rule (src/trust.c) against the exact
# layouts the kubelet makes, built here with the same kernel features: the
# AtomicWriter's `..2026_...` directory, `..data` link and per-file links, a
# 0777 volume root on disk (ConfigMap) or a 1777 tmpfs (Secret), fsGroup's
# chgrp and setgid bits, and the container runtime's read-only bind mount.
# Then build/schemagate runs against them as root or as a pod's non-root uid.
#
# Run by tests/k8s/run.sh inside `unshare --mount --propagation private`, so
# every mount made here is private and vanishes with the namespace. Needs
# root (mount, chown, setpriv). Ends with "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=${B:-build}
SG_SRC=${SG_BIN:-$ROOT/$B/schemagate}
FSGROUP=2000        # the pod's securityContext.fsGroup
APP_UID=10001       # runAsUser / runAsGroup of the example manifests
OCP_UID=1000680000  # an OpenShift restricted-SCC uid: random, gid 0
TS=..2026_11_29_00_00_00.123456789

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "not ok - $1${2:+: $2}"; }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

if [ "$(id -u)" != 0 ]; then
    fail "layouts" "needs root (mount namespaces, chown, setpriv)"
    finish
fi
if [ ! -x "$SG_SRC" ]; then
    fail "layouts" "$SG_SRC not built (make)"
    finish
fi
# Refuse to mount anything in the caller's namespace by mistake.
if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
    fail "layouts" "not in a private mount namespace: run it through tests/k8s/run.sh"
    finish
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-k8s.XXXXXX")
chmod 0755 "$tmp"
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[$i]}"; done
    rm -rf "$tmp"
}
trap cleanup EXIT
out=$tmp/out
mkdir "$out"
# The binary where every uid used here can execute it.
SG=$tmp/schemagate
install -m 0755 "$SG_SRC" "$SG"

# Two migrations, as they would sit in a ConfigMap's data.
src=$tmp/src
mkdir "$src"
printf -- '-- migrate:up\nCREATE TABLE x (id INTEGER);\n' >"$src/001_x.sql"
printf -- '-- migrate:up\nCREATE TABLE y (id INTEGER);\n' >"$src/002_y.sql"
NMIG=2

# kube_volume DIR ROOTMODE FILEMODE FSGROUP FILE... -- the kubelet's layout
# of a ConfigMap or Secret volume in DIR (which exists, or is made with
# ROOTMODE as the emptyDir wrapper makes it): AtomicWriter writes the files
# into a timestamped 0755 directory with defaultMode, points `..data` at it
# and links each name to `..data/NAME`. With an FSGROUP (not "-"),
# SetVolumeOwnership of a read-only volume follows: every entry chgrp'd,
# files |= 0440, directories |= 02550 (pkg/volume/volume_linux.go).
kube_volume() {
    local d=$1 rootmode=$2 fmode=$3 fsg=$4 f
    shift 4
    mkdir -p "$d"
    chmod "$rootmode" "$d"
    mkdir "$d/$TS"
    chmod 0755 "$d/$TS"
    for f in "$@"; do
        cp "$f" "$d/$TS/"
        chmod "$fmode" "$d/$TS/${f##*/}"
    done
    ln -s "$TS" "$d/..data"
    for f in "$@"; do ln -s "..data/${f##*/}" "$d/${f##*/}"; done
    if [ "$fsg" != - ]; then
        find "$d" -exec chgrp -h "$fsg" {} +
        find "$d" -type f -exec chmod u+r,g+r {} +
        find "$d" -type d -exec chmod u+rx,g+rxs {} +
    fi
}

# bind_ro SRC DST -- what runc does for a volumeMount with readOnly (forced
# for ConfigMap, Secret, downwardAPI and projected volumes): a bind mount,
# then a read-only remount of that mount point only.
bind_ro() {
    mkdir -p "$2"
    mount --bind "$1" "$2" && mounts+=("$2") && mount -o remount,bind,ro "$2"
}
bind_rw() {
    mkdir -p "$2"
    mount --bind "$1" "$2" && mounts+=("$2")
}
# tmpfs DIR -- a Secret volume's backing store, as the emptyDir wrapper
# mounts it (no mode option: the root is 1777).
tmpfs() {
    mkdir -p "$1"
    mount -t tmpfs -o size=4m tmpfs "$1" && mounts+=("$1")
}

# newdb NAME OWNER -- a directory for a SQLite database, writable by OWNER
# (uid[:gid]); prints the URL.
newdb() {
    mkdir -p "$tmp/db/$1"
    chown "$2" "$tmp/db/$1"
    chmod 0750 "$tmp/db/$1"
    echo "sqlite:///${tmp#/}/db/$1/app.db"
}
applied() { # NAME -> how many migrations the ledger of newdb NAME holds
    sqlite3 "$tmp/db/$1/app.db" "SELECT count(*) FROM schemagate_migrations" 2>/dev/null
}

# sg NAME WHO [VAR=VALUE...] -- ARGS...: runs schemagate as WHO (root, or
# uid:gid[:groups] through setpriv, which drops every capability with root);
# stdout and stderr land in $out/NAME.{out,err}; the status is in $rc.
sg() {
    local name=$1 who=$2 envs=() as=() u g gs
    shift 2
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    if [ "$who" != root ]; then
        IFS=: read -r u g gs <<<"$who"
        as=(setpriv --reuid="$u" --regid="$g")
        if [ -n "$gs" ]; then as+=(--groups="$gs"); else as+=(--clear-groups); fi
        as+=(--)
    fi
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin ${envs[@]+"${envs[@]}"} \
        ${as[@]+"${as[@]}"} timeout -k 5 60 "$SG" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null
    rc=$?
}

# expect NAME RCS WHAT [TEXT...]: $rc matches the regex RCS, and stderr
# contains every TEXT; passes with WHAT, else fails showing stderr.
expect() {
    local name=$1 rcs=$2 what=$3 t
    shift 3
    if ! [[ "$rc" =~ ^($rcs)$ ]]; then
        fail "$name: $what" "exit $rc, expected $rcs; stderr: $(head -c 600 "$out/$name.err" | tr '\n' ' ')"
        return 1
    fi
    for t in "$@"; do
        if ! grep -qF -- "$t" "$out/$name.err"; then
            fail "$name: $what" "stderr lacks '$t': $(head -c 600 "$out/$name.err" | tr '\n' ' ')"
            return 1
        fi
    done
    pass "$name: $what"
}
# quiet NAME: no warning was logged.
quiet() {
    if grep -q 'warning' "$out/$1.err"; then
        fail "$1: no warning" "$(grep warning "$out/$1.err" | head -c 400)"
        return 1
    fi
    return 0
}
# one_line NAME: the fatal message is one line (it lands in the pod status).
one_line() {
    local n
    n=$(grep -c 'fatal' "$out/$1.err")
    if [ "$n" != 1 ] || [ "$(wc -l <"$out/$1.err")" -gt 1 ]; then
        fail "$1: the refusal is one line" "$(head -c 600 "$out/$1.err")"
        return 1
    fi
    return 0
}
has_applied() { # NAME DB
    local n
    n=$(applied "$2")
    if [ "$n" = "$NMIG" ]; then return 0; fi
    fail "$1: ledger" "$NMIG migrations expected in the ledger, found '${n:-none}'"
    return 1
}

node=$tmp/node  # /var/lib/kubelet/pods/UID/volumes/... on the node
ctr=$tmp/ctr    # the container's view of its mounts

# ---------------------------------------------------------------- ConfigMap
echo "=== ConfigMap volumes: migrations"

# The default: root 0777 on the node's disk, files 0644, mounted read-only.
kube_volume "$node/cm-default" 0777 0644 - "$src"/*.sql
bind_ro "$node/cm-default" "$ctr/cm-default"
url=$(newdb cm-default root)
sg cm-default root -- -u "$url" -d "$ctr/cm-default" up
expect cm-default 0 "ConfigMap (root 0777, files 0644, ..data links) read-only: applied" &&
    has_applied cm-default cm-default && quiet cm-default

# The same as the pod's non-root uid.
url=$(newdb cm-uid $APP_UID:$APP_UID)
sg cm-uid $APP_UID:$APP_UID -- -u "$url" -d "$ctr/cm-default" up
expect cm-uid 0 "ConfigMap read-only, run as uid $APP_UID: applied" &&
    has_applied cm-uid cm-uid && quiet cm-uid

# A memory-backed volume (emptyDir medium: Memory, projected): tmpfs, root 1777.
tmpfs "$node/cm-tmpfs"
kube_volume "$node/cm-tmpfs" 1777 0644 - "$src"/*.sql
bind_ro "$node/cm-tmpfs" "$ctr/cm-tmpfs"
url=$(newdb cm-tmpfs root)
sg cm-tmpfs root -- -u "$url" -d "$ctr/cm-tmpfs" up
expect cm-tmpfs 0 "ConfigMap on tmpfs (root $(stat -c %a "$node/cm-tmpfs")) read-only: applied" &&
    has_applied cm-tmpfs cm-tmpfs && quiet cm-tmpfs

# fsGroup: root 2777 root:FSGROUP, ..2026_... 2755, files 0644 root:FSGROUP.
kube_volume "$node/cm-fsgroup" 0777 0644 $FSGROUP "$src"/*.sql
bind_ro "$node/cm-fsgroup" "$ctr/cm-fsgroup"
url=$(newdb cm-fsgroup $APP_UID:$APP_UID)
sg cm-fsgroup $APP_UID:$APP_UID:$FSGROUP -- -u "$url" -d "$ctr/cm-fsgroup" up
expect cm-fsgroup 0 "ConfigMap with fsGroup (root $(stat -c '%a %U:%g' "$node/cm-fsgroup"), files $(stat -c '%a %U:%g' "$node/cm-fsgroup/$TS/001_x.sql")) read-only, uid $APP_UID: applied" &&
    has_applied cm-fsgroup cm-fsgroup && quiet cm-fsgroup

# defaultMode: 0444.
kube_volume "$node/cm-0444" 0777 0444 - "$src"/*.sql
bind_ro "$node/cm-0444" "$ctr/cm-0444"
url=$(newdb cm-0444 $APP_UID:$APP_UID)
sg cm-0444 $APP_UID:$APP_UID -- -u "$url" -d "$ctr/cm-0444" up
expect cm-0444 0 "ConfigMap defaultMode 0444 read-only, uid $APP_UID: applied" &&
    has_applied cm-0444 cm-0444 && quiet cm-0444

# defaultMode: 0440 with fsGroup: only the group (the pod) may read them.
kube_volume "$node/cm-0440" 0777 0440 $FSGROUP "$src"/*.sql
bind_ro "$node/cm-0440" "$ctr/cm-0440"
url=$(newdb cm-0440 $APP_UID:$APP_UID)
sg cm-0440 $APP_UID:$APP_UID:$FSGROUP -- -u "$url" -d "$ctr/cm-0440" up
expect cm-0440 0 "ConfigMap defaultMode 0440 root:fsGroup read-only, uid $APP_UID in fsGroup: applied" &&
    has_applied cm-0440 cm-0440 && quiet cm-0440

# defaultMode 0440 (or 0400) without fsGroup: the files are root's and the
# pod's uid cannot read them. Not a trust question: a clear refusal (66)
# naming the owner, the mode, the uid and the fix.
kube_volume "$node/cm-0440-nofsg" 0777 0440 - "$src"/*.sql
bind_ro "$node/cm-0440-nofsg" "$ctr/cm-0440-nofsg"
url=$(newdb cm-0440-nofsg $APP_UID:$APP_UID)
sg cm-0440-nofsg $APP_UID:$APP_UID -- -u "$url" -d "$ctr/cm-0440-nofsg" up
expect cm-0440-nofsg 66 "ConfigMap defaultMode 0440 without fsGroup, uid $APP_UID: cannot read, says why" \
    "unable to open 001_x.sql" "Permission denied (owner uid 0 gid 0, mode 0440; running as uid $APP_UID" \
    "fsGroup" "defaultMode: 0444" && one_line cm-0440-nofsg

# The same layout on a writable mount (a hostPath, or a volumeMount the
# runtime did not make read-only): anyone in the pod could add a migration.
kube_volume "$node/cm-rw" 0777 0644 - "$src"/*.sql
bind_rw "$node/cm-rw" "$ctr/cm-rw"
url=$(newdb cm-rw root)
sg cm-rw root -- -u "$url" -d "$ctr/cm-rw" up
expect cm-rw 78 "the ConfigMap layout (root 0777) on a writable mount: refused" \
    "writable by every user" "readOnly: true" && one_line cm-rw
n=$(applied cm-rw)
[ "${n:-0}" = 0 ] && pass "cm-rw: nothing applied" || fail "cm-rw: nothing applied" "ledger holds $n"

# An emptyDir (0777; with fsGroup 2777) that an initContainer filled:
# writable in the init container, mounted readOnly: true in the app's.
mkdir -p "$node/ed"
chmod 0777 "$node/ed"
chgrp $FSGROUP "$node/ed"
chmod g+s "$node/ed"
install -o $APP_UID -g $FSGROUP -m 0644 "$src"/*.sql "$node/ed/"
bind_rw "$node/ed" "$ctr/ed-rw"
bind_ro "$node/ed" "$ctr/ed-ro"
url=$(newdb ed-rw $APP_UID:$APP_UID)
sg ed-rw $APP_UID:$APP_UID:$FSGROUP -- -u "$url" -d "$ctr/ed-rw" up
expect ed-rw 78 "an emptyDir (2777, fsGroup) mounted writable: refused" "readOnly: true" && one_line ed-rw
url=$(newdb ed-ro $APP_UID:$APP_UID)
sg ed-ro $APP_UID:$APP_UID:$FSGROUP -- -u "$url" -d "$ctr/ed-ro" up
expect ed-ro 0 "the same emptyDir with readOnly: true on the volumeMount: applied" &&
    has_applied ed-ro ed-ro && quiet ed-ro

# The SQLite database on an emptyDir (0777; 2777 root:fsGroup with one),
# as uid APP_UID: the database's directory is not judged, only its files.
for v in ed-db:- ed-db-fsg:$FSGROUP; do
    name=${v%%:*} g=${v#*:}
    mkdir -p "$node/$name"
    chmod 0777 "$node/$name"
    grp=$APP_UID:$APP_UID
    if [ "$g" != - ]; then chgrp "$g" "$node/$name"; chmod g+s "$node/$name"; grp=$grp:$g; fi
    bind_rw "$node/$name" "$ctr/$name"
    sg "$name" "$grp" -- -u "sqlite:///${ctr#/}/$name/app.db" -d "$ctr/cm-default" up
    expect "$name" 0 "SQLite database in an emptyDir ($(stat -c '%a %U:%g' "$node/$name")), uid $APP_UID: applied" &&
        if [ "$(sqlite3 "$node/$name/app.db" 'SELECT count(*) FROM schemagate_migrations')" = "$NMIG" ]; then
            pass "$name: the ledger is in the emptyDir"
        else
            fail "$name: the ledger is in the emptyDir" "$(ls -la "$node/$name")"
        fi
done

# ---------------------------------------------------------------- Secret
echo "=== Secret volumes: DATABASE_URL_FILE and password-file="

# Migrations from the image: root 0644 in a 0755 directory.
img=$tmp/image/app/migrations
mkdir -p "$img"
install -m 0644 "$src"/*.sql "$img/"
chmod 0755 "$tmp/image" "$tmp/image/app" "$img"

# secret_volume NAME FILEMODE FSGROUP CONTENT: a Secret volume on tmpfs with
# one key, "url", holding CONTENT; mounted read-only at $ctr/NAME.
secret_volume() {
    local s=$tmp/secret-src/$1
    mkdir -p "$s"
    printf '%s\n' "$4" >"$s/url"
    tmpfs "$node/$1"
    kube_volume "$node/$1" 1777 "$2" "$3" "$s/url"
    bind_ro "$node/$1" "$ctr/$1"
}

# defaultMode 0644 (Kubernetes' default): readable by every uid in the pod,
# but the mount is read-only and the pod's own: a warning, then it works.
url=$(newdb sec-0644 $APP_UID:$APP_UID)
secret_volume sec-0644 0644 - "$url"
sg sec-0644 $APP_UID:$APP_UID DATABASE_URL_FILE="$ctr/sec-0644/url" -- -d "$img" up
expect sec-0644 0 "DATABASE_URL_FILE in a Secret volume, default 0644, uid $APP_UID: a warning, then applied" \
    "warning" "readable by every user" "defaultMode: 0440" && has_applied sec-0644 sec-0644

# defaultMode 0440 with fsGroup: root:FSGROUP 0440, the pod's uid in FSGROUP.
url=$(newdb sec-0440 $APP_UID:$APP_UID)
secret_volume sec-0440 0440 $FSGROUP "$url"
sg sec-0440 $APP_UID:$APP_UID:$FSGROUP DATABASE_URL_FILE="$ctr/sec-0440/url" -- -d "$img" up
expect sec-0440 0 "DATABASE_URL_FILE 0440 root:fsGroup (root $(stat -c %a "$node/sec-0440")), uid $APP_UID in fsGroup: applied" &&
    has_applied sec-0440 sec-0440 && quiet sec-0440

# defaultMode 0400 root-owned, run as uid APP_UID: it cannot be read.
url=$(newdb sec-0400 $APP_UID:$APP_UID)
secret_volume sec-0400 0400 - "$url"
sg sec-0400 $APP_UID:$APP_UID DATABASE_URL_FILE="$ctr/sec-0400/url" -- -d "$img" up
expect sec-0400 78 "DATABASE_URL_FILE 0400 root-owned, uid $APP_UID: a clear refusal" \
    "unable to open DATABASE_URL_FILE" "Permission denied" "defaultMode: 0440" && one_line sec-0400

# The Secret layout (0644) on a writable mount: every user could read it
# and, the mount being writable, nothing says it stays the pod's own.
tmpfs "$node/sec-rw"
mkdir -p "$tmp/secret-src/sec-rw"
url=$(newdb sec-rw root)
printf '%s\n' "$url" >"$tmp/secret-src/sec-rw/url"
kube_volume "$node/sec-rw" 1777 0644 - "$tmp/secret-src/sec-rw/url"
bind_rw "$node/sec-rw" "$ctr/sec-rw"
sg sec-rw root DATABASE_URL_FILE="$ctr/sec-rw/url" -- -d "$img" up
expect sec-rw 78 "DATABASE_URL_FILE 0644 on a writable mount: refused" "readable by every user" &&
    one_line sec-rw

# password-file=: no server listens on 127.0.0.1:1, so 69 (unavailable)
# means the file was read and accepted; 78 means it was refused.
pw() { echo "postgres://app@127.0.0.1:1/db?password-file=$ctr/$1/url"; }
secret_volume pw-0644 0644 - not-the-password
sg pw-0644 $APP_UID:$APP_UID -- -u "$(pw pw-0644)" --wait-for-db=0 -d "$img" status
expect pw-0644 69 "password-file in a Secret volume, default 0644: a warning, accepted (69: no server)" \
    "readable by every user"
secret_volume pw-0440 0440 $FSGROUP not-the-password
sg pw-0440 $APP_UID:$APP_UID:$FSGROUP -- -u "$(pw pw-0440)" --wait-for-db=0 -d "$img" status
expect pw-0440 69 "password-file 0440 root:fsGroup, uid $APP_UID in fsGroup: accepted (69: no server)" &&
    quiet pw-0440
secret_volume pw-0400 0400 - not-the-password
sg pw-0400 $APP_UID:$APP_UID -- -u "$(pw pw-0400)" --wait-for-db=0 -d "$img" status
expect pw-0400 78 "password-file 0400 root-owned, uid $APP_UID: a clear refusal" \
    "unable to open database URL password-file" "Permission denied" "defaultMode: 0440" &&
    one_line pw-0400

# ---------------------------------------------------------------- image files
echo "=== image files: non-root uids, OpenShift"

# The Dockerfile's layout: root 0644 in root 0755, run as uid APP_UID.
url=$(newdb img-uid $APP_UID:$APP_UID)
sg img-uid $APP_UID:$APP_UID -- -u "$url" -d "$img" up
expect img-uid 0 "migrations root 0644 in a 0755 directory, uid $APP_UID: applied" &&
    has_applied img-uid img-uid && quiet img-uid

# OpenShift's image guidelines: chgrp -R 0 && chmod -R g=u; the pod runs as
# a random uid whose groups include 0. Root-owned, then owned by uid 1001
# (the builder images' user).
ocp=$tmp/ocp
for owner in 0 1001; do
    d=$ocp/$owner/app/migrations
    mkdir -p "$d"
    install -m 0644 "$src"/*.sql "$d/"
    chown -R "$owner:0" "$ocp/$owner/app"
    chmod -R g=u "$ocp/$owner/app"
    chmod 0755 "$ocp" "$ocp/$owner"
    mkdir -p "$tmp/db/ocp-$owner"
    chown 0:0 "$tmp/db/ocp-$owner"
    chmod 0775 "$tmp/db/ocp-$owner"
    sg ocp-$owner $OCP_UID:0:0,$OCP_UID -- -u "sqlite:///${tmp#/}/db/ocp-$owner/app.db" -d "$d" up
    if [ "$owner" = 0 ]; then
        expect ocp-0 0 "OpenShift: root:0, g=u (dir $(stat -c %a "$d"), files $(stat -c %a "$d/001_x.sql")), uid $OCP_UID gid 0: applied" &&
            has_applied ocp-0 ocp-0 && quiet ocp-0
    else
        expect ocp-1001 0 "OpenShift: 1001:0, g=u, uid $OCP_UID gid 0: applied, with a warning on the owner" \
            "owned by uid 1001" && has_applied ocp-1001 ocp-1001
    fi
done

# ---------------------------------------------------------------- SQLite path
echo "=== SQLite database behind a symlinked directory"

# readOnlyRootFilesystem: the image's /app is read-only, /app/data is a
# symlink to /data, where a writable volume is mounted.
r=$tmp/rootfs
mkdir -p "$r/app/migrations" "$r/data-volume"
install -m 0644 "$src"/*.sql "$r/app/migrations/"
ln -s "$r/data" "$r/app/data"
chown $APP_UID:$APP_UID "$r/data-volume"
bind_ro "$r/app" "$r/app"
bind_rw "$r/data-volume" "$r/data"
sg sqlite-link $APP_UID:$APP_UID -- -u "sqlite:///${r#/}/app/data/app.db" -d "$r/app/migrations" up
expect sqlite-link 0 "sqlite:///…/app/data/app.db with app/data -> /data, read-only /app, uid $APP_UID: applied" &&
    if [ -f "$r/data-volume/app.db" ] && [ ! -e "$r/data-volume/app.db-journal" ] &&
        [ "$(sqlite3 "$r/data-volume/app.db" 'SELECT count(*) FROM schemagate_migrations')" = "$NMIG" ]; then
        pass "sqlite-link: the database is in the volume, with the migrations recorded"
    else
        fail "sqlite-link: the database is in the volume" "$(ls -la "$r/data-volume")"
    fi

finish
