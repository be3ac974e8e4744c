# schemagate's container image: a build stage with the compiler and the client
# libraries' headers, and a runtime stage with only the shared libraries and the
# binary. Package layers come before the source so a code change rebuilds from
# the COPY on, not from apt-get.
#
#   podman build --isolation chroot -t schemagate .      (docker build -t schemagate .)
#   podman run --rm schemagate --help
#
# BACKENDS picks the client libraries the image installs (space or comma
# separated: postgres, mysql, sqlite; default all three). The binary is the
# same in every variant: it opens a client library only when a URL of its
# scheme is used, and where that library is not installed it exits 78 naming
# the package. Sizes with podman 4.3.1, bookworm-slim base 77.9 MB
# (docs/operations.md):
#
#   --build-arg BACKENDS=...   image     over the base
#   postgres,mysql,sqlite      90.2 MB   12.3 MB    (the default)
#   postgres                   88.1 MB   10.2 MB    (libpq5: Kerberos, LDAP, GnuTLS, OpenSSL)
#   mysql                      85.6 MB    7.7 MB    (libmariadb3: OpenSSL)
#   sqlite                     80.6 MB    2.7 MB
#
# Pin the base by digest in production (debian:bookworm-slim@sha256:...).
ARG DEBIAN_IMAGE=debian:bookworm-slim

FROM ${DEBIAN_IMAGE} AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
        build-essential pkg-config \
        libpq-dev libmariadb-dev libsqlite3-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile ./
COPY include/ include/
COPY src/ src/
# Every driver whose client library is installed is compiled in (see DRIVERS in
# the Makefile); --version proves the binary links and runs before it is copied.
RUN make -j"$(nproc)" \
 && install -D -m 0755 -s build/schemagate /out/schemagate \
 && /out/schemagate --version

FROM ${DEBIAN_IMAGE}
ARG DEBIAN_FRONTEND=noninteractive
ARG BACKENDS="postgres mysql sqlite"
LABEL org.opencontainers.image.title="schemagate" \
      org.opencontainers.image.description="Apply SQL migrations once under a database lock, then exec the app" \
      org.opencontainers.image.licenses="MIT" \
      io.github.schemagate.backends="${BACKENDS}"
# Runtime libraries only: libssl3 (libcrypto: SHA-256 checksums) and those
# of BACKENDS: libpq5 (PostgreSQL), libmariadb3 (MySQL/MariaDB), libsqlite3-0.
# upgrade picks up security fixes published after the base image was built.
RUN pkgs=libssl3; \
    for b in $(echo "$BACKENDS" | tr ',' ' '); do \
        case "$b" in \
        postgres | postgresql) pkgs="$pkgs libpq5" ;; \
        mysql | mariadb) pkgs="$pkgs libmariadb3" ;; \
        sqlite | sqlite3) pkgs="$pkgs libsqlite3-0" ;; \
        *) echo "BACKENDS: unknown backend '$b' (postgres, mysql, sqlite)" >&2; exit 64 ;; \
        esac; \
    done \
 && apt-get update \
 && apt-get upgrade -y \
 && apt-get install -y --no-install-recommends $pkgs \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/apt /var/log/dpkg.log
# A fixed numeric uid/gid, so Kubernetes' runAsNonRoot can verify it and volume
# permissions can be planned for it.
RUN groupadd --gid 10001 schemagate \
 && useradd --no-log-init --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin schemagate
COPY --from=build /out/schemagate /usr/local/bin/schemagate
# Migrations are looked up in ./migrations: images built FROM this one copy
# theirs to /app/migrations (or set SCHEMAGATE_MIGRATIONS_DIR).
WORKDIR /app
USER 10001:10001
ENTRYPOINT ["schemagate"]
CMD ["--help"]
