# shellcheck shell=bash
# tests/lib/galera.sh -- a throwaway N-node MariaDB Galera cluster on 127.0.0.1,
# for test scripts (sourced by bash).
#
#   . tests/lib/galera.sh
#   galera_start [N]          # N nodes, default 3; exports GALERA_*; stops on exit
#   galera_sql NODE "SQL"     # NODE is 1..N; root over that node's socket, -N -B
#   galera_stop               # SIGKILLs every node (the data is thrown away);
#                             # idempotent; also runs on EXIT
#
# Every node has its own directory GALERA_DIR/nodeK (data/, my.cnf, mysqld.sock,
# mysqld.log, mysqld.pid) and four ports of its own: the client port, the group
# communication (gcomm) port, the IST receive port and the SST receive port.
# Node 1 bootstraps (--wsrep-new-cluster) and gets the users; the others join
# one at a time and receive node 1's data by rsync SST (why rsync: see
# galera_start); a node that loses a race for a port starts again on fresh
# ones. galera_start returns when every node reports wsrep_cluster_size=N,
# wsrep_ready=ON and wsrep_local_state_comment=Synced and sgtest has been
# created through the cluster, and prints how long that took (about 10 s for
# 3 nodes on 2 busy cores).
#
# Exports:
#   GALERA_DIR        the temp dir
#   GALERA_N          the number of nodes
#   GALERA_PORTS      client ports, space separated, node 1 first
#   GALERA_URLS       mysql://root:PASSWORD@127.0.0.1:PORT/sgtest per node, space
#                     separated (sgtest is created on the cluster)
#   GALERA_SOCKETS    the nodes' Unix sockets, space separated
#   GALERA_PIDS       the nodes' mariadbd pids, space separated
#   GALERA_PASSWORD   root's password (root@localhost and root@127.0.0.1)
#
# Settings Galera needs: binlog_format=ROW, InnoDB, innodb_autoinc_lock_mode=2.
# The cluster name is unique per start, so two engineers' clusters on this
# host can never merge even if a port were reused. Buffers are small (32 MB
# buffer pool, 16 MB redo log and gcache per node); fsync is off.
# One cluster per script process.

GALERA_PASSWORD=${GALERA_PASSWORD:-sg-root-pw}
_GALERA_PROVIDER=/usr/lib/galera/libgalera_smm.so

_galera_log() { printf 'galera.sh: %s\n' "$*" >&2; }

# A TCP port on 127.0.0.1 nobody listens on and that this cluster has not
# handed out yet ($1: ports taken). A node that then loses a bind race is
# restarted on fresh ports (see _galera_node_start).
_galera_free_port() {
    local p _
    for _ in $(seq 1 100); do
        p=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        case " $1 " in *" $p "*) continue ;; esac
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

_galera_taken() { echo "${_GALERA_CPORT[*]} ${_GALERA_GPORT[*]} ${_GALERA_IPORT[*]} ${_GALERA_SPORT[*]}"; }

_galera_pick_ports() { # node
    local k=$1
    _GALERA_CPORT[k]=$(_galera_free_port "$(_galera_taken)") || return 1
    _GALERA_GPORT[k]=$(_galera_free_port "$(_galera_taken)") || return 1
    _GALERA_IPORT[k]=$(_galera_free_port "$(_galera_taken)") || return 1
    _GALERA_SPORT[k]=$(_galera_free_port "$(_galera_taken)") || return 1
}

# The node's option file. An option file rather than a command line because the
# SST scripts (wsrep_sst_rsync) read the node's settings with my_print_defaults:
# under --no-defaults they would read /etc/mysql/my.cnf instead.
_galera_write_cnf() { # node
    local k=$1 d=$GALERA_DIR/node$1 peers="" j user=""
    for j in $(seq 1 "$GALERA_N"); do
        peers="$peers${peers:+,}127.0.0.1:${_GALERA_GPORT[j]}"
    done
    [ "$(id -u)" = 0 ] && user="user = mysql"
    cat >"$d/my.cnf" <<EOF
[mysqld]
$user
datadir = $d/data
socket = $d/mysqld.sock
port = ${_GALERA_CPORT[k]}
bind-address = 127.0.0.1
pid-file = $d/mysqld.pid
log-error = $d/mysqld.log
tmpdir = $d/tmp
skip-name-resolve
skip-log-bin
character-set-server = utf8mb4
innodb_buffer_pool_size = 32M
innodb_log_file_size = 16M
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
sync_frm = 0
max_connections = 300
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = $_GALERA_PROVIDER
wsrep_cluster_name = $_GALERA_NAME
wsrep_cluster_address = gcomm://$peers
wsrep_node_name = node$k
wsrep_node_address = 127.0.0.1:${_GALERA_GPORT[k]}
wsrep_node_incoming_address = 127.0.0.1:${_GALERA_CPORT[k]}
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:${_GALERA_SPORT[k]}
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:${_GALERA_GPORT[k]};ist.recv_addr=127.0.0.1:${_GALERA_IPORT[k]};gcache.size=16M;pc.recovery=false"
EOF
    chmod 0644 "$d/my.cnf"
}

# Starts node k and waits until it answers on its socket (for a joiner: after
# its SST). Returns 0, 1 on failure, 2 when a port was taken meanwhile (the
# caller picks fresh ports and tries again).
_galera_node_start() { # node [--wsrep-new-cluster]
    local k=$1 d=$GALERA_DIR/node$1 pid _
    _galera_write_cnf "$k"
    : >"$d/mysqld.log"
    [ "$(id -u)" = 0 ] && chown mysql: "$d/mysqld.log" "$d/data"
    # Its own process group (set -m), so galera_stop can also end an SST
    # script or rsync daemon the node left behind.
    pid=$(set -m; TMPDIR=$d/tmp "$_GALERA_MARIADBD" --defaults-file="$d/my.cnf" ${2:+"$2"} \
        >/dev/null 2>&1 </dev/null &
        echo $!)
    _GALERA_PID[k]=$pid
    for _ in $(seq 1 1800); do # 90 s: a joiner waits for its SST
        kill -0 "$pid" 2>/dev/null || break
        if [ -S "$d/mysqld.sock" ] && mariadb-admin --no-defaults --protocol=socket \
            --socket="$d/mysqld.sock" -uroot --password="$GALERA_PASSWORD" \
            --connect-timeout=2 ping >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.05
    done
    _galera_node_kill "$k"
    # mariadbd, gcomm and IST say "Address already in use"; wsrep_sst_rsync
    # exits 16 (EBUSY) saying its "rsync or stunnel daemon" died or lost the port.
    if grep -qE "Address already in use|rsync or stunnel daemon" "$d/mysqld.log"; then
        return 2
    fi
    _galera_log "node $k did not start; its log:"
    tail -n 40 "$d/mysqld.log" >&2
    return 1
}

# Kills the given nodes' process groups (mariadbd and any SST script or rsync
# daemon it started) and waits until they are gone. SIGKILL, as pg.sh stops
# with -m immediate: the data is thrown away, and a clean Galera leave costs
# about 2 s a node (5 s more, a suspect timeout, when all leave at once).
_galera_node_kill() { # node...
    local k pid pids=() _ left
    for k in "$@"; do
        pid=${_GALERA_PID[k]:-}
        [ -n "$pid" ] || continue
        kill -KILL -- "-$pid" 2>/dev/null
        pids+=("$pid")
        _GALERA_PID[k]=
    done
    for _ in $(seq 1 100); do
        left=
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
        [ -n "$left" ] || return 0
        sleep 0.05
    done
    return 0
}

# Node k with its fresh ports, up to 5 tries. A failed joiner's partial SST
# is thrown away; node 1 starts again from the pristine datadir.
_galera_node_up() { # node [--wsrep-new-cluster]
    local k=$1 d=$GALERA_DIR/node$1 try rc
    for try in 1 2 3 4 5; do
        if [ "$try" -gt 1 ]; then
            _galera_pick_ports "$k" || return 1
            rm -rf "$d/data"
            if [ "$k" = 1 ]; then cp -a "$GALERA_DIR/seed" "$d/data"; else mkdir "$d/data"; fi
        fi
        _galera_node_start "$@"
        rc=$?
        [ "$rc" = 2 ] || return "$rc"
    done
    _galera_log "node $k: a port was taken on each of 5 tries; its last log:"
    tail -n 20 "$d/mysqld.log" >&2
    return 1
}

galera_sql() { # node sql
    mariadb --no-defaults --protocol=socket --socket="$GALERA_DIR/node$1/mysqld.sock" -uroot \
        --password="$GALERA_PASSWORD" -N -B -e "$2"
}

# Every node Synced in a cluster of N (60 s at most).
_galera_wait_synced() {
    local k s _ all
    for _ in $(seq 1 600); do
        all=1
        for k in $(seq 1 "$GALERA_N"); do
            s=$(galera_sql "$k" "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME)
                FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN
                ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')" 2>/dev/null)
            [ "$s" = "$GALERA_N,Synced,ON" ] || { all=; break; }
        done
        [ -n "$all" ] && return 0
        sleep 0.1
    done
    _galera_log "the cluster did not reach $GALERA_N Synced nodes; node $k says '$s'"
    return 1
}

galera_start() {
    local n=${1:-3} k t0 d q as_user=()
    case "$n" in '' | *[!0-9]* | 0) _galera_log "galera_start: bad node count '$n'"; return 64 ;; esac
    if [ -n "${GALERA_DIR:-}" ]; then
        _galera_log "galera_start: a cluster is already running (galera_stop first)"
        return 64
    fi
    GALERA_N=$n
    _GALERA_MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
    if [ ! -x "$_GALERA_MARIADBD" ] || ! command -v mariadb-install-db >/dev/null; then
        _galera_log "mariadbd / mariadb-install-db not found (apt-get install mariadb-server)"
        return 69
    fi
    [ -r "$_GALERA_PROVIDER" ] || { _galera_log "no $_GALERA_PROVIDER (apt-get install galera-4)"; return 69; }
    # SST by rsync, the most robust choice here: rsync is installed and
    # mariabackup is not (no mariadb-backup package); rsync SST needs no SST
    # user and runs before the joiner's storage engines start, so a joiner's
    # datadir can start empty; about 2 s per joiner on this machine.
    # mysqldump SST needs a running joiner and credentials; starting joiners
    # from a copy of node 1's datadir avoids SST only with a hand-written
    # grastate.dat that matches node 1's history, which Galera does not
    # document for new nodes.
    command -v rsync >/dev/null || { _galera_log "rsync not found (apt-get install rsync)"; return 69; }
    t0=$(date +%s%N)
    GALERA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sg-galera.XXXXXX") || return 71
    chmod 0755 "$GALERA_DIR"
    _GALERA_NAME="sg-${GALERA_DIR##*.}-$$"
    _GALERA_CPORT=() _GALERA_GPORT=() _GALERA_IPORT=() _GALERA_SPORT=() _GALERA_PID=()
    _galera_install_trap
    for k in $(seq 1 "$n"); do
        d=$GALERA_DIR/node$k
        # tmp/: the caller's TMPDIR need not be writable by the mysql user.
        mkdir -p "$d/data" "$d/tmp"
        _galera_pick_ports "$k" || { _galera_log "no free ports"; return 71; }
    done
    if [ "$(id -u)" = 0 ]; then
        chown -R mysql: "$GALERA_DIR"
        as_user=(--user=mysql)
    fi
    # One install, kept pristine in seed/ for a retry; joiners start empty and
    # get everything, users included, by SST.
    if ! TMPDIR=$GALERA_DIR/node1/tmp mariadb-install-db --no-defaults "${as_user[@]}" \
        --datadir="$GALERA_DIR/seed" --auth-root-authentication-method=normal --skip-test-db \
        --skip-name-resolve --innodb-log-file-size=16M >"$GALERA_DIR/install.log" 2>&1; then
        _galera_log "mariadb-install-db failed:"
        cat "$GALERA_DIR/install.log" >&2
        return 70
    fi
    rmdir "$GALERA_DIR/node1/data" && cp -a "$GALERA_DIR/seed" "$GALERA_DIR/node1/data" || return 71
    # root has no password yet, so the first ping runs without one.
    local pw=$GALERA_PASSWORD
    GALERA_PASSWORD=
    _galera_node_up 1 --wsrep-new-cluster || { GALERA_PASSWORD=$pw; galera_stop; return 69; }
    GALERA_PASSWORD=$pw
    # Users before any joiner, so SST carries them (mysql.global_priv is
    # Aria: its rows are not replicated as row events).
    q="ALTER USER root@localhost IDENTIFIED VIA mysql_native_password USING PASSWORD('$GALERA_PASSWORD');
        CREATE USER IF NOT EXISTS root@'127.0.0.1';
        ALTER USER root@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('$GALERA_PASSWORD');
        GRANT ALL ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;
        FLUSH PRIVILEGES;"
    if ! mariadb --no-defaults --protocol=socket --socket="$GALERA_DIR/node1/mysqld.sock" -uroot \
        -e "$q"; then
        _galera_log "could not set up users"
        galera_stop
        return 70
    fi
    # Joiners one at a time: a donor serves one SST at a time.
    for k in $(seq 2 "$n"); do
        _galera_node_up "$k" || { galera_stop; return 69; }
    done
    _galera_wait_synced || { galera_stop; return 69; }
    # Created on the running cluster, so it reaches every node by replication.
    galera_sql 1 "CREATE DATABASE sgtest" || { galera_stop; return 70; }
    GALERA_PORTS='' GALERA_URLS='' GALERA_SOCKETS='' GALERA_PIDS=''
    for k in $(seq 1 "$n"); do
        GALERA_PORTS="$GALERA_PORTS${GALERA_PORTS:+ }${_GALERA_CPORT[k]}"
        GALERA_URLS="$GALERA_URLS${GALERA_URLS:+ }mysql://root:$GALERA_PASSWORD@127.0.0.1:${_GALERA_CPORT[k]}/sgtest"
        GALERA_SOCKETS="$GALERA_SOCKETS${GALERA_SOCKETS:+ }$GALERA_DIR/node$k/mysqld.sock"
        GALERA_PIDS="$GALERA_PIDS${GALERA_PIDS:+ }${_GALERA_PID[k]}"
    done
    export GALERA_DIR GALERA_N GALERA_PORTS GALERA_URLS GALERA_SOCKETS GALERA_PIDS GALERA_PASSWORD
    t0=$((($(date +%s%N) - t0) / 100000000))
    _galera_log "$n-node cluster synced in $((t0 / 10)).$((t0 % 10)) s (client ports $GALERA_PORTS)"
    return 0
}

galera_stop() {
    [ -n "${GALERA_DIR:-}" ] || return 0
    # shellcheck disable=SC2046 # node numbers
    _galera_node_kill $(seq 1 "${GALERA_N:-0}")
    rm -rf "$GALERA_DIR"
    GALERA_DIR='' GALERA_PORTS='' GALERA_URLS='' GALERA_SOCKETS='' GALERA_PIDS=''
    return 0
}

# Runs galera_stop on exit, after whatever EXIT trap the caller already set.
_galera_install_trap() {
    local old
    old=$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT\$//")
    case "$old" in
    *galera_stop*) ;;
    '') trap 'galera_stop' EXIT ;;
    *)
        # shellcheck disable=SC2064 # the caller's trap text is fixed here on purpose
        trap "$old; galera_stop" EXIT
        ;;
    esac
}
