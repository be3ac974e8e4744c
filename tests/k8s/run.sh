#!/usr/bin/env bash
# tests/k8s/run.sh -- issue 14: schemagate against files and secrets the way
# Kubernetes mounts them, and the example manifests under podman kube play.
#   layouts     tests/k8s/layouts.sh in a private mount namespace: the
#               kubelet's ConfigMap/Secret volume layouts (..data links,
#               0777/1777 roots, fsGroup, read-only bind mounts), non-root
#               and OpenShift uids, a symlinked SQLite path
#   kube-play   tests/k8s/kube-play.sh: the image built with podman, the
#               manifests of migrations-example/k8s played, the termination
#               log written in a container
# Usage: tests/k8s/run.sh [SECTION...]  (default: both). Needs root; skips
# (exit 0, with the reason) otherwise, and kube-play skips without podman.
# See tests/k8s/README.md. Last line: "N passed, M failed"; non-zero exit on
# any failure.
set -u
cd "$(dirname "$0")/../.."
sections=("$@")
[ ${#sections[@]} -eq 0 ] && sections=(layouts kube-play)

if [ "$(id -u)" != 0 ]; then
    echo "k8s tests: SKIPPED: they mount, chown and change uid: run them as root"
    echo "0 passed, 0 failed"
    exit 0
fi

passed=0 failed=0
log=$(mktemp "${TMPDIR:-/tmp}/sg-k8s-run.XXXXXX")
trap 'rm -f "$log"' EXIT
# part NAME COMMAND...: runs one part, showing its output, and adds its
# last line ("N passed, M failed") to the totals.
part() {
    local name=$1 line
    shift
    echo "=== $name"
    "$@" 2>&1 | tee "$log"
    line=$(tail -n 1 "$log")
    if [[ "$line" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
    else
        failed=$((failed + 1))
        echo "not ok - $name ended without its summary line"
    fi
}
for s in "${sections[@]}"; do
    case "$s" in
    # Every mount the layouts make is private to this namespace and goes
    # with it, whatever happens to the script.
    layouts) part layouts unshare --mount --propagation private bash tests/k8s/layouts.sh ;;
    kube-play) part kube-play bash tests/k8s/kube-play.sh ;;
    *) echo "not ok - unknown section $s (layouts, kube-play)"; failed=$((failed + 1)) ;;
    esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
