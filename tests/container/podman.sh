# tests/container/podman.sh -- podman on this project's machines, sourced by bash.
#
#   . tests/container/podman.sh
#   podman_check || skip      # podman and runc present? (prints why not)
#   podman_setup              # containers.conf + the debian:bookworm-slim base image
#
# There is no Docker engine and no registry here (shared/CONTAINERS.md): the base
# image is debootstrapped from the host's own apt mirror and imported as
# docker.io/library/debian:bookworm-slim, so Dockerfiles say FROM it unchanged.
# debootstrap takes minutes, so its tarball is cached in $SG_CONTAINER_CACHE
# (default /var/tmp/schemagate-container-cache), keyed by suite, variant and
# mirror; the imported image itself survives in podman's storage between runs.

SG_CONTAINER_CACHE=${SG_CONTAINER_CACHE:-/var/tmp/schemagate-container-cache}
SG_BASE_IMAGE=docker.io/library/debian:bookworm-slim
# Every `podman run` names runc: crun cannot start containers here (hybrid cgroups).
PODMAN_RUN=(podman run --runtime runc)

_podman_log() { printf 'container: %s\n' "$*" >&2; }

# Returns 0 when podman can be used; otherwise prints the reason on stdout.
podman_check() {
    if ! command -v podman >/dev/null 2>&1; then
        echo "podman is not installed (as root: tests/lib/deps.sh container, i.e. apt-get install podman runc debootstrap)"
        return 1
    fi
    if ! command -v runc >/dev/null 2>&1; then
        echo "runc is not installed (apt-get install runc): crun cannot start containers here"
        return 1
    fi
    if [ "$(id -u)" != 0 ]; then
        echo "the container tests run rootful podman: run them as root"
        return 1
    fi
    return 0
}

# The Debian mirror this machine's apt already uses, read from its sources
# (one-line *.list and deb822 *.sources files, as apt reads them); never a
# host name written down here. The first `deb` source for the suite
# debootstrap fetches (bookworm) wins; else the first `deb` source whose URI
# ends in /debian (a Debian mirror serves every suite). Prints nothing when
# there is none. SG_APT_ETC (default /etc/apt) is for testing this parser.
_podman_mirror() {
    local suite=${1:-bookworm} etc=${SG_APT_ETC:-/etc/apt} f files=()
    for f in "$etc/sources.list" "$etc"/sources.list.d/*.list "$etc"/sources.list.d/*.sources; do
        [ -r "$f" ] && files+=("$f")
    done
    [ ${#files[@]} -eq 0 ] && return 0
    awk -v suite="$suite" '
        function consider(types, uris, suites, enabled,   n, u, s, i, j) {
            if (enabled ~ /^[Nn][Oo]$/ || (" " types " ") !~ / deb /) return
            n = split(uris, u, " ")
            split(suites, s, " ")
            for (i = 1; i <= n; i++) {
                if (u[i] !~ /^(https?|ftp|file):\/\//) continue
                for (j in s) if (s[j] == suite && exact == "") exact = u[i]
                if (any == "" && u[i] ~ /\/debian\/?$/) any = u[i]
            }
        }
        # deb822: stanzas of Field: value lines, continuations indented.
        function flush() {
            if (types != "") consider(types, uris, suites, enabled)
            types = uris = suites = enabled = ""; field = ""
        }
        FNR == 1 { flush(); deb822 = FILENAME ~ /\.sources$/ }
        /^[[:space:]]*#/ { next }
        deb822 && /^[[:space:]]*$/ { flush(); next }
        deb822 && /^[[:space:]]/ { if (field == "uris") uris = uris " " $0; else if (field == "suites") suites = suites " " $0; next }
        deb822 {
            field = tolower($0); sub(/:.*/, "", field)
            v = $0; sub(/^[^:]*:[[:space:]]*/, "", v)
            if (field == "types") types = v
            else if (field == "uris") uris = v
            else if (field == "suites") suites = v
            else if (field == "enabled") enabled = v
            next
        }
        # One-line style: deb [options] URI SUITE COMPONENT...
        $1 == "deb" {
            line = $0; sub(/#.*/, "", line); sub(/\[[^]]*\]/, "", line)
            n = split(line, w, " ")
            if (n >= 3) consider("deb", w[2], w[3], "")
        }
        END { flush(); print (exact != "" ? exact : any) }
    ' "${files[@]}"
}

# Trims a rootfs the way Debian's official -slim images are trimmed
# (debuerreotype-slimify): no documentation, man pages or locales, now or in
# packages installed later, copyright files kept. It keeps the measured image
# size comparable with what users pull from a registry.
_podman_slimify() {
    local root=$1
    mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
    cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
SLIM
    find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null
    find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null
    rm -rf "$root"/usr/share/groff/* "$root"/usr/share/info/* "$root"/usr/share/linda/* \
        "$root"/usr/share/lintian/overrides/* "$root"/usr/share/locale/* "$root"/usr/share/man/*
    # apt caches and lists are rebuilt by every RUN apt-get update anyway.
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
        "$root"/var/lib/apt/lists/* "$root"/var/log/*.log "$root"/var/log/apt/*
    return 0
}

# Makes sure $SG_BASE_IMAGE exists: from podman's storage, else from the cached
# tarball, else by debootstrap (then cached). Serialised with flock so two test
# runs never debootstrap at once.
podman_base_image() {
    local mirror key tarball rootfs
    if podman image exists "$SG_BASE_IMAGE"; then
        return 0
    fi
    mirror=$(_podman_mirror bookworm)
    if [ -z "$mirror" ]; then
        _podman_log "no Debian mirror in this machine's apt sources (a 'deb' line or 'URIs:' field for bookworm, or a URI ending in /debian, in ${SG_APT_ETC:-/etc/apt}/sources.list, sources.list.d/*.list or *.sources): add the mirror apt should use, then rerun"
        return 1
    fi
    key=$(printf 'bookworm minbase slim1 %s' "$mirror" | sha256sum | cut -c1-12)
    tarball="$SG_CONTAINER_CACHE/debian-bookworm-minbase-$key.tar"
    mkdir -p "$SG_CONTAINER_CACHE" || return 1
    (
        flock 9
        if [ ! -s "$tarball" ]; then
            if ! command -v debootstrap >/dev/null 2>&1; then
                _podman_log "debootstrap is not installed (apt-get install debootstrap)"
                exit 1
            fi
            rootfs=$(mktemp -d "$SG_CONTAINER_CACHE/rootfs.XXXXXX") || exit 1
            _podman_log "debootstrapping bookworm from $mirror (a few minutes; cached in $tarball)"
            if ! debootstrap --variant=minbase bookworm "$rootfs" "$mirror" \
                >"$SG_CONTAINER_CACHE/debootstrap.log" 2>&1; then
                _podman_log "debootstrap failed; see $SG_CONTAINER_CACHE/debootstrap.log"
                rm -rf "$rootfs"
                exit 1
            fi
            _podman_slimify "$rootfs"
            tar -C "$rootfs" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
            rm -rf "$rootfs"
        fi
    ) 9>"$SG_CONTAINER_CACHE/.lock" || return 1
    _podman_log "importing $tarball as $SG_BASE_IMAGE"
    podman import "$tarball" "$SG_BASE_IMAGE" >/dev/null
}

# containers.conf as shared/CONTAINERS.md describes, then the base image.
podman_setup() {
    local conf=/etc/containers/containers.conf
    if [ ! -e "$conf" ]; then
        mkdir -p /etc/containers
        printf '[containers]\ndefault_ulimits = []\n' >"$conf"
    elif ! grep -q '^[[:space:]]*default_ulimits' "$conf"; then
        _podman_log "warning: $conf exists without default_ulimits = []; containers may fail to start"
    fi
    podman_base_image
}
