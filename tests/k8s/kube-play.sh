#!/usr/bin/env bash
# tests/k8s/kube-play.sh -- the manifests of migrations-example/k8s played by
# `podman kube play` (podman 4.3.1 here), and the termination log written in
# a container.
#
#   prestart   secret + prestart/deployment.yaml: 3 replicas each run
#              `schemagate up -- gunicorn`; each migration applied once, every
#              app started as PID 1, uid 10001, on a read-only root
#   job        job/deployment.yaml first (3 pods `schemagate wait`, which
#              wait), then job/migrate-job.yaml: the pods then start
#   configmap  the migrations mounted from a ConfigMap volume (podman's
#              flavour of it) instead of the image
#   termlog    a fatal error's one line in /dev/termination-log: with
#              `podman run -v FILE:/dev/termination-log`, and in a played pod
#              through a hostPath file, as the kubelet bind-mounts it
#
# The manifests are adapted only where podman 4.3.1 or this machine cannot
# follow them; each adaptation says why (see adapt() and tests/k8s/README.md).
# The database is SQLite on a hostPath volume: the pods run in their own
# network namespaces (3 replicas each bind :8000), where no server on the
# host's 127.0.0.1 is reachable. Concurrent runs are serialised with flock:
# the manifests fix the pod names. Skips (0 passed, 0 failed) without podman
# or catatonit. Last line: "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
. tests/container/podman.sh

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok - $*"; }
fail() { failed=$((failed + 1)); echo "not ok - $*"; }
note() { echo "# $*"; }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

if ! why=$(podman_check); then
    echo "kube-play: SKIPPED: $why"
    finish
fi
# A pod needs an infra container, whose image podman builds from catatonit.
if ! command -v catatonit >/dev/null && [ ! -x /usr/libexec/podman/catatonit ]; then
    echo "kube-play: SKIPPED: catatonit is not installed (podman builds the pods' infra image from it: tests/lib/deps.sh container)"
    finish
fi

IMAGE=localhost/schemagate-k8s-test:latest
APP_IMAGE=localhost/schemagate-example-k8s-test:latest
UID_APP=10001
K8S=migrations-example/k8s
NMIG=$(ls migrations-example/migrations/*.sql | wc -l)
NAME=sgk8s-$$

# The manifests name their pods; one run at a time on this machine.
mkdir -p "$SG_CONTAINER_CACHE"
exec 9>"$SG_CONTAINER_CACHE/k8s-kube-play.lock"
if ! flock -w 900 9; then
    fail "another kube-play run held $SG_CONTAINER_CACHE/k8s-kube-play.lock for 15 minutes"
    finish
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-kube.XXXXXX")
chmod 0755 "$tmp"
PODS=(example-app-pod-0 example-app-pod-1 example-app-pod-2 example-app-migrate-1-4-0 "$NAME-cm")
teardown() { # removes what the manifests made
    local p
    for p in "${PODS[@]}"; do podman pod rm -f -t 0 "$p" >/dev/null 2>&1; done
    podman secret rm example-app-db >/dev/null 2>&1
    podman volume rm -f "$NAME-migrations" >/dev/null 2>&1
}
cleanup() {
    local c
    teardown
    for c in $(podman ps -a --filter "name=^$NAME-" --format '{{.Names}}' 2>/dev/null); do
        podman rm -f -t 0 "$c" >/dev/null 2>&1
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
teardown # what a killed earlier run may have left

# --- images -------------------------------------------------------------------
if ! podman_setup; then
    fail "podman set-up (base image $SG_BASE_IMAGE)"
    finish
fi
if podman build --isolation chroot -t "$IMAGE" . >"$tmp/build.log" 2>&1 &&
    podman build --isolation chroot --build-arg SCHEMAGATE_IMAGE="$IMAGE" -t "$APP_IMAGE" \
        migrations-example >>"$tmp/build.log" 2>&1; then
    pass "podman build: $IMAGE, $APP_IMAGE"
else
    tail -n 30 "$tmp/build.log"
    fail "podman build (log above)"
    finish
fi

# --- adapting the manifests -----------------------------------------------------
# secret URL -- the example Secret, as podman 4.3.1 can use it. Playing
# secret.yaml stores the YAML in a podman secret, but secretKeyRef then reads
# it as JSON ("secret example-app-db is not valid JSON", containers/podman
# #16269, fixed after 4.3): create what secretKeyRef reads, a JSON object of
# base64 values, under the same name and key.
secret() {
    podman secret rm example-app-db >/dev/null 2>&1
    printf '{"url":"%s"}' "$(printf '%s' "$1" | base64 -w0)" | podman secret create example-app-db - >/dev/null
}

# adapt SRC DST DATADIR [NAME:MOUNTPATH:SOURCE...] -- SRC as podman plays
# it here:
#  - the image: the one built above (there is no registry);
#  - a Job becomes a Pod with its template's spec (restartPolicy: Never is
#    already there): podman 4.3.1 plays Pods, Deployments, PVCs and
#    ConfigMaps only ("YAML document does not contain any supported kube kind");
#  - a hostPath volume at /data for the SQLite database the secret's URL
#    names (the manifests expect a PostgreSQL service; see the header);
#  - no `ports:`: podman 4.3.1 publishes each containerPort on the host at
#    the same port (no hostPort means hostPort = containerPort), so only one
#    of 3 replicas could start, and not at all in a pod network namespace of
#    its own (`--network none`: "PortMappings can only be used with Bridge or
#    slirp4netns networking"); Kubernetes gives each pod its own address;
#  - more volumes as asked, SOURCE being hostPath=PATH=TYPE or configMap=NAME
#    (mounted readOnly: true, as the kubelet mounts every ConfigMap).
# Everything else -- commands, env, securityContext, probes, resources,
# replicas -- is played as written.
adapt() {
    local src=$1 dst=$2 data=$3
    shift 3
    {
        if grep -q '^kind: Job' "$src"; then
            printf 'apiVersion: v1\nkind: Pod\n'
            awk -v name="$(awk '/^metadata:/{m=1} m && /^  name:/{print $2; exit}' "$src")" '
                /^  template:$/ { t = 1; next }
                t { sub(/^    /, ""); print; if ($0 == "metadata:") print "  name: " name }' "$src"
        else
            cat "$src"
        fi
    } | awk -v img="$APP_IMAGE" -v extra="data:/data:hostPath=$data=Directory $*" '
        BEGIN { n = split(extra, ex, " ") }
        /^ *image: registry\.example\.com\/schemagate-example:/ {
            match($0, /^ */); pad = substr($0, 1, RLENGTH)
            print pad "image: " img
            print pad "volumeMounts:"
            for (i = 1; i <= n; i++) {
                split(ex[i], v, ":")
                print pad "  - name: " v[1]
                print pad "    mountPath: " v[2]
                if (v[3] ~ /^configMap=/) print pad "    readOnly: true"
            }
            next
        }
        /^ *ports:$/ { match($0, /^ */); skip = RLENGTH; next }
        skip { match($0, /^ */); if (RLENGTH > skip) next; skip = 0 }
        { print }
        END {
            p = substr(pad, 1, length(pad) - 4)
            print p "volumes:"
            for (i = 1; i <= n; i++) {
                split(ex[i], v, ":")
                split(v[3], s, "=")
                print p "  - name: " v[1]
                if (s[1] == "configMap") {
                    print p "    configMap:"
                    print p "      name: " s[2]
                } else {
                    print p "    hostPath:"
                    print p "      path: " s[2]
                    print p "      type: " s[3]
                }
            }
        }' >"$dst"
}

# datadir NAME -- an empty directory for the SQLite database, the app's own.
datadir() {
    mkdir -p "$tmp/$1"
    chown $UID_APP:$UID_APP "$tmp/$1"
    chmod 0750 "$tmp/$1"
    echo "$tmp/$1"
}

play() { # manifest -> podman kube play, pods in their own network namespaces
    if ! podman kube play --network none "$1" >"$tmp/play.log" 2>&1; then
        fail "podman kube play $(basename "$1"): $(tail -n 3 "$tmp/play.log" | tr '\n' ' ')"
        return 1
    fi
}

# HTTP from inside a pod (its own loopback), with the image's python3.
http() { # container method port path -> the body, or "error: ..."
    podman exec "$1" python3 -c 'import sys, urllib.request
m, port, path = sys.argv[1:4]
req = urllib.request.Request("http://127.0.0.1:%s%s" % (port, path), method=m)
try: print(urllib.request.urlopen(req, timeout=5).read().decode())
except Exception as e: print("error:", e)' "${@:2}" 2>/dev/null
}
healthy() { # container -> 0 when /healthz answers
    case "$(http "$1" GET 8000 /healthz)" in "{"*) return 0 ;; esac
    return 1
}
# until_all SECONDS CMD CONTAINER... -- polls CMD CONTAINER for each until all
# succeed; prints how many did.
until_all() {
    local limit=$1 cmd=$2 c n t
    shift 2
    for ((t = 0; t < limit * 2; t++)); do
        n=0
        for c in "$@"; do "$cmd" "$c" && n=$((n + 1)); done
        [ "$n" -eq $# ] && break
        sleep 0.5
    done
    echo "$n"
}
ledger() { # datadir -> "rows|distinct versions|audit rows|distinct audit rows"
    sqlite3 "$1/app.db" "SELECT (SELECT count(*) FROM schemagate_migrations),
        (SELECT count(DISTINCT version) FROM schemagate_migrations),
        (SELECT count(*) FROM audit_log), (SELECT count(DISTINCT detail) FROM audit_log)" 2>&1
}
logs_of() { local c; for c in "$@"; do podman logs "$c" 2>&1; done; }
apps=(example-app-pod-0-app example-app-pod-1-app example-app-pod-2-app)

# What this podman plays of the manifests as written, for the record.
for f in job/migrate-job.yaml service.yaml; do
    if podman kube play --start=false "$K8S/$f" >"$tmp/probe.log" 2>&1; then
        note "podman $(podman version --format '{{.Client.Version}}') plays $f as written"
        podman kube down "$K8S/$f" >/dev/null 2>&1
    else
        note "podman $(podman version --format '{{.Client.Version}}') cannot play $f: $(tail -n 1 "$tmp/probe.log")"
    fi
done

# --- pattern 1: prestart ----------------------------------------------------------
echo "=== prestart: $K8S/prestart/deployment.yaml, 3 replicas"
data=$(datadir prestart)
secret "sqlite:///data/app.db"
adapt "$K8S/prestart/deployment.yaml" "$tmp/prestart.yaml" "$data"
if play "$tmp/prestart.yaml"; then
    up=$(until_all 150 healthy "${apps[@]}")
    if [ "$up" -eq 3 ]; then
        pass "prestart: 3 replicas played; every app answers /healthz"
    else
        fail "prestart: only $up of 3 apps answer /healthz; logs:"
        for c in "${apps[@]}"; do podman logs "$c" 2>&1 | sed "s/^/  $c: /" | head -n 15; done
    fi
    l=$(ledger "$data")
    [ "$l" = "$NMIG|$NMIG|$NMIG|$NMIG" ] &&
        pass "prestart: the ledger and audit_log hold each of the $NMIG migrations once ($l)" ||
        fail "prestart: ledger/audit_log '$l', expected $NMIG|$NMIG|$NMIG|$NMIG"
    applying=$(logs_of "${apps[@]}" | grep -c '"event":"applying"')
    [ "$applying" -eq "$NMIG" ] &&
        pass "prestart: across the 3 pods' JSON logs, one 'applying' per migration ($applying)" ||
        fail "prestart: $applying 'applying' events across the 3 pods, expected $NMIG"
    for c in "${apps[@]}"; do
        st=$(podman exec "$c" cat /proc/1/status 2>&1)
        cmd=$(podman exec "$c" cat /proc/1/cmdline 2>/dev/null | tr '\0' ' ')
        ro=$(podman exec "$c" sh -c 'touch /app/x 2>&1' | grep -c 'Read-only file system')
        if grep -Eq "^Uid:[[:space:]]+$UID_APP[[:space:]]" <<<"$st" && grep -Eq '^NoNewPrivs:[[:space:]]+1' <<<"$st" &&
            [[ "$cmd" == *gunicorn*app:app* ]] && [ "$ro" = 1 ]; then
            pass "prestart: $c: PID 1 is '$cmd' as uid $UID_APP, no_new_privs, read-only root"
        else
            fail "prestart: $c: PID 1 '$cmd'; $(grep -E '^(Uid|NoNewPrivs)' <<<"$st" | tr '\n\t' '  '); read-only root: $ro"
        fi
    done
fi
teardown

# --- pattern 2: a Job, and pods that wait for it ------------------------------------
echo "=== job: $K8S/job/deployment.yaml, then $K8S/job/migrate-job.yaml"
data=$(datadir job)
secret "sqlite:///data/app.db"
adapt "$K8S/job/deployment.yaml" "$tmp/job-deployment.yaml" "$data"
adapt "$K8S/job/migrate-job.yaml" "$tmp/job-pod.yaml" "$data"
waiting() { podman logs "$1" 2>&1 | grep -q '"event":"waiting_for_schema"'; }
if play "$tmp/job-deployment.yaml"; then
    n=$(until_all 120 waiting "${apps[@]}")
    [ "$n" -eq 3 ] && pass "job: the 3 app pods started before the Job wait for the migrations" ||
        fail "job: $n of 3 app pods log that they wait: $(podman logs "${apps[0]}" 2>&1 | tail -n 3 | tr '\n' ' ')"
    up=0
    for c in "${apps[@]}"; do healthy "$c" && up=$((up + 1)); done
    [ "$up" -eq 0 ] && pass "job: ... and no app serves yet" || fail "job: $up apps serve before the Job ran"
    if play "$tmp/job-pod.yaml"; then
        job=example-app-migrate-1-4-0-migrate
        for _ in $(seq 1 240); do
            [ "$(podman inspect --format '{{.State.Status}}' "$job" 2>/dev/null)" = exited ] && break
            sleep 0.5
        done
        code=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$job" 2>&1)
        [ "$code" = "exited 0" ] && pass "job: the Job's pod (schemagate up) exited 0" ||
            fail "job: the Job's pod: $code; $(podman logs "$job" 2>&1 | tail -n 3 | tr '\n' ' ')"
        up=$(until_all 150 healthy "${apps[@]}")
        [ "$up" -eq 3 ] && pass "job: then all 3 app pods start (wait -> gunicorn)" ||
            fail "job: only $up of 3 apps answer /healthz after the Job"
        l=$(ledger "$data")
        [ "$l" = "$NMIG|$NMIG|$NMIG|$NMIG" ] &&
            pass "job: each of the $NMIG migrations applied once, by the Job ($l)" ||
            fail "job: ledger/audit_log '$l'"
        n=$(logs_of "${apps[@]}" | grep -c '"event":"applying"')
        [ "$n" = 0 ] && pass "job: the app pods applied nothing themselves" ||
            fail "job: the app pods logged $n 'applying' events"
    fi
fi
teardown

# --- migrations from a ConfigMap volume ------------------------------------------------
# Not in the example manifests, but the usual alternative to baking them into
# the image. podman 4.3.1's ConfigMap volume is a named volume of flat files
# (no ..data links), owned by the pod's uid; readOnly: true mounts it
# read-only as the kubelet always does. tests/k8s/layouts.sh builds the
# kubelet's own layout.
echo "=== configmap: the migrations from a ConfigMap volume"
data=$(datadir cm)
secret "sqlite:///data/app.db"
{
    printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-migrations\ndata:\n' "$NAME"
    for f in migrations-example/migrations/*.sql; do
        printf '  %s: |\n' "${f##*/}"
        sed 's/^/    /; s/[[:space:]]*$//' "$f"
    done
    printf -- '---\n'
} >"$tmp/cm.yaml"
# The Job's pod, with the ConfigMap over the image's /app/migrations.
adapt "$K8S/job/migrate-job.yaml" "$tmp/cm-pod.yaml" "$data" "migrations:/app/migrations:configMap=$NAME-migrations"
sed "s/^  name: example-app-migrate-1-4-0$/  name: $NAME-cm/" "$tmp/cm-pod.yaml" >>"$tmp/cm.yaml"
if play "$tmp/cm.yaml"; then
    c=$NAME-cm-migrate
    for _ in $(seq 1 240); do
        [ "$(podman inspect --format '{{.State.Status}}' "$c" 2>/dev/null)" = exited ] && break
        sleep 0.5
    done
    code=$(podman inspect --format '{{.State.Status}} {{.State.ExitCode}}' "$c" 2>&1)
    mounts=$(podman inspect --format '{{range .Mounts}}{{.Destination}}:{{.RW}} {{end}}' "$c" 2>&1)
    l=$(ledger "$data")
    if [ "$code" = "exited 0" ] && [ "$l" = "$NMIG|$NMIG|$NMIG|$NMIG" ] &&
        [[ " $mounts" == *" /app/migrations:false "* ]]; then
        pass "configmap: schemagate up applied the $NMIG migrations from a read-only ConfigMap volume"
    else
        fail "configmap: $code, ledger '$l', mounts $mounts; $(podman logs "$c" 2>&1 | tail -n 3 | tr '\n' ' ')"
    fi
fi
teardown

# --- the termination log --------------------------------------------------------------
# The kubelet creates an empty 0666 file per container and bind-mounts it at
# terminationMessagePath (/dev/termination-log); a world-writable migrations
# directory on a writable mount is a fatal configuration error (78).
echo "=== termlog: /dev/termination-log"
ww=$tmp/ww
mkdir -p "$ww"
install -m 0644 migrations-example/migrations/*.sql "$ww/"
chmod 0777 "$ww"
tlog=$tmp/termination-log
: >"$tlog"
chmod 0666 "$tlog"
"${PODMAN_RUN[@]}" --rm --name "$NAME-tlog" --network none --read-only --read-only-tmpfs=false \
    -v "$tlog:/dev/termination-log" -v "$ww:/app/migrations" -e DATABASE_URL=sqlite:///dev/shm/app.db \
    "$APP_IMAGE" >"$tmp/tlog.out" 2>&1
rc=$?
msg=$(cat "$tlog")
if [ "$rc" = 78 ] && [ "$(wc -l <"$tlog")" = 1 ] &&
    grep -q '^schemagate: migrations directory [./a-z]*migrations is writable by every user.*readOnly: true.*(exit 78)$' "$tlog"; then
    pass "termlog: podman run: exit 78, and its one line in /dev/termination-log: $msg"
else
    fail "termlog: podman run: exit $rc; /dev/termination-log: '$msg'; output: $(tail -n 2 "$tmp/tlog.out" | tr '\n' ' ')"
fi

# The same in a played pod: the Job's pod with the termination log as a
# hostPath file (podman kube play makes no /dev/termination-log itself) and
# the world-writable directory over the image's migrations.
data=$(datadir tlog)
secret "sqlite:///data/app.db"
: >"$tlog"
adapt "$K8S/job/migrate-job.yaml" "$tmp/tlog-pod.yaml" "$data" \
    "termlog:/dev/termination-log:hostPath=$tlog=File" "migrations:/app/migrations:hostPath=$ww=Directory"
if play "$tmp/tlog-pod.yaml"; then
    job=example-app-migrate-1-4-0-migrate
    for _ in $(seq 1 240); do
        [ "$(podman inspect --format '{{.State.Status}}' "$job" 2>/dev/null)" = exited ] && break
        sleep 0.5
    done
    code=$(podman inspect --format '{{.State.ExitCode}}' "$job" 2>&1)
    msg=$(cat "$tlog")
    if [ "$code" = 78 ] && grep -q '^schemagate: migrations directory [./a-z]*migrations is writable by every user.*(exit 78)$' "$tlog"; then
        pass "termlog: kube play: the Job's pod exited 78 with its line in /dev/termination-log"
    else
        fail "termlog: kube play: exit '$code'; /dev/termination-log: '$msg'; $(podman logs "$job" 2>&1 | tail -n 2 | tr '\n' ' ')"
    fi
fi
teardown

finish
