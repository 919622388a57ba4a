#!/usr/bin/env bash
# Usage: [WMO_INSTANCE=dev|test] scripts/broker.sh start|stop|restart|status|wait|reset
#   A private RabbitMQ node for this repository (no systemd, no /var/lib/rabbitmq).
#   start    start it and wait until it accepts connections (no-op when running)
#   stop     stop it (and the epmd daemon one of our nodes started, once no node uses it)
#   restart  stop + start, keeping data: durable queues and persistent messages survive
#   status   exit 0 when running
#   wait     wait until a starting node is ready
#   reset    stop it and delete its data
#   ctl ARGS rabbitmqctl against this node (used by scripts/organisations.sh)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

RMQ_BIN=/usr/lib/rabbitmq/bin
DIR="$WMO_RUN/broker"
HOME_DIR="$DIR/home"          # Erlang cookie, shared by the server and rabbitmqctl
DATA_DIR="$DIR/data"          # RABBITMQ_MNESIA_BASE: queues, messages, definitions
LOG_DIR="$DIR/log"
PID_FILE="$DIR/rabbitmq.pid"  # written by the server: the beam.smp PID
EPMD_PID_FILE="$DIR/epmd.pid" # the epmd our node started, if it started one
CONF_FILE="$DIR/rabbitmq.conf"
PLUGINS_FILE="$DIR/enabled_plugins"
ENV_FILE="$DIR/rabbitmq-env.conf"   # empty: keeps /etc/rabbitmq/rabbitmq-env.conf out

log() { echo "broker[$WMO_INSTANCE]: $*"; }
die() { echo "broker[$WMO_INSTANCE]: $*" >&2; exit 1; }

# rabbitmqctl with the broker's HOME (cookie) and none of the server variables: with
# RABBITMQ_DIST_PORT in its environment the CLI would bind the node's distribution port.
ctl() {
    env -u RABBITMQ_DIST_PORT -u RABBITMQ_NODE_PORT -u RABBITMQ_NODENAME \
        -u RABBITMQ_NODE_IP_ADDRESS -u RABBITMQ_PID_FILE \
        HOME="$HOME_DIR" RABBITMQ_CONF_ENV_FILE="$ENV_FILE" \
        "$RMQ_BIN/rabbitmqctl" -n "$WMO_NODE" "$@"
}

beam_pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE" 2>/dev/null || true; }

# The PID file alone is not proof: the process may be gone or its PID reused. The beam
# command line names no node, but it carries our private HOME.
running() { wmo_pid_matches "$(beam_pid)" "-home $HOME_DIR"; }

write_config() {
    mkdir -p "$HOME_DIR" "$DATA_DIR" "$LOG_DIR"
    chmod 700 "$HOME_DIR"
    # Our own cookie, written before the first start so server and CLI never race to create it.
    if [[ ! -s "$HOME_DIR/.erlang.cookie" ]]; then
        od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F >"$HOME_DIR/.erlang.cookie"
        chmod 400 "$HOME_DIR/.erlang.cookie"
    fi
    : >"$ENV_FILE"
    {
        echo "# Written by scripts/broker.sh for instance $WMO_INSTANCE; regenerated on every start."
        echo "# The listener address and port come from RABBITMQ_NODE_IP_ADDRESS/RABBITMQ_NODE_PORT."
        echo "log.file.level = info"
        if [[ "$WMO_INSTANCE" == test ]]; then
            # 20 MiB: the bad-input tests send 16 MiB bodies (accepted) and a 21 MiB event
            # (refused, parked by the relay) without moving the default 128 MiB around.
            echo "max_message_size = 20971520"
        fi
        if [[ -n "$WMO_MGMT_PORT" ]]; then
            # Without management.tcp.ip the UI would listen on every interface.
            echo "management.tcp.ip = 127.0.0.1"
            echo "management.tcp.port = $WMO_MGMT_PORT"
        fi
    } >"$CONF_FILE"
    if [[ -n "$WMO_MGMT_PORT" ]]; then
        echo '[rabbitmq_management].' >"$PLUGINS_FILE"
    else
        echo '[].' >"$PLUGINS_FILE"
    fi
}

epmd_pids() { pgrep -x epmd 2>/dev/null | sort -n || true; }

# Wait for the PID file (or the launcher's death), then for the node to boot completely.
wait_ready() {
    local launcher="${1:-}" deadline=$((SECONDS + 90))
    while [[ ! -s "$PID_FILE" ]]; do
        if [[ -n "$launcher" ]] && ! wmo_alive "$launcher"; then   # our child: a zombie until reaped
            return 1
        fi
        (( SECONDS < deadline )) || return 1
        sleep 0.1
    done
    # 'wait' first: await_startup fails at once while the node is not yet known to epmd.
    ctl -q wait "$PID_FILE" --timeout 90 >/dev/null && ctl -q await_startup >/dev/null
}

# SIGTERM (the VM then shuts down cleanly), up to 30 s, then SIGKILL.
kill_and_wait() {
    local pid="$1"
    wmo_alive "$pid" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do wmo_alive "$pid" || return 0; sleep 0.1; done
    log "pid $pid still alive after 30 s; SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

show_log_tail() {
    echo "---- last lines of $LOG_DIR ----" >&2
    tail -n 30 "$LOG_DIR/console.log" "$LOG_DIR/$WMO_NODE.log" 2>/dev/null >&2 || true
}

# The broker definitions as code (exchanges, the unroutable queue, policies): the same file
# compose loads. Importing merges, so it is safe on every start; policies apply at once.
DEFINITIONS="$WMO_ROOT/compose/broker/definitions.json"
load_definitions() {
    # The services' own logins (their permissions are in the definitions, which can only name
    # users that exist). Private instances: password = name, loopback only. guest stays the
    # loopback-only administrator of tests and tools; no service uses it.
    local user
    for user in "${WMO_BROKER_USERS[@]}"; do
        if ! ctl -q list_users --silent 2>/dev/null | cut -f1 | grep -qx "$user"; then
            ctl -q add_user "$user" "$user" >/dev/null || return 1
        fi
    done
    ctl -q import_definitions "$DEFINITIONS" >/dev/null || return 1
    if [[ "$WMO_INSTANCE" == test ]]; then
        # Tests wait for retries: their queues (test.*, kit.*) retry after 200 ms, not 5 s.
        ctl -q set_policy --apply-to queues --priority 2 wmo-test-retry-delay '^(test|kit)\..*\.retry$' \
            '{"message-ttl": 200}' >/dev/null || return 1
    fi
}

start() {
    if running; then
        log "already running (pid $(beam_pid), amqp 127.0.0.1:$WMO_AMQP_PORT)"
        return 0
    fi
    rm -f "$PID_FILE"   # stale: the process is gone
    command -v "$RMQ_BIN/rabbitmq-server" >/dev/null ||
        die "$RMQ_BIN/rabbitmq-server missing: run scripts/install-deps.sh"
    local port
    for port in "$WMO_AMQP_PORT" "$WMO_DIST_PORT" ${WMO_MGMT_PORT:+"$WMO_MGMT_PORT"}; do
        wmo_port_busy "$port" && die "port $port is already in use on 127.0.0.1 (another broker?)"
    done
    write_config

    local t0 before after launcher
    t0=$(wmo_now)
    before=$(epmd_pids)
    # Server variables go to the server process only (see ctl). setsid: a Ctrl-C in the
    # calling terminal must not reach the broker; the scripts stop it in order.
    setsid env \
        HOME="$HOME_DIR" \
        RABBITMQ_CONF_ENV_FILE="$ENV_FILE" \
        RABBITMQ_NODENAME="$WMO_NODE" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$WMO_AMQP_PORT" \
        RABBITMQ_DIST_PORT="$WMO_DIST_PORT" \
        RABBITMQ_MNESIA_BASE="$DATA_DIR" \
        RABBITMQ_LOG_BASE="$LOG_DIR" \
        RABBITMQ_CONFIG_FILE="$CONF_FILE" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$DIR/advanced.config" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$PLUGINS_FILE" \
        RABBITMQ_PID_FILE="$PID_FILE" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        "$RMQ_BIN/rabbitmq-server" >>"$LOG_DIR/console.log" 2>&1 </dev/null &
    launcher=$!

    local ok=1
    wait_ready "$launcher" || ok=0

    # Remember the epmd daemon that appeared with our node, so stop can end it later.
    after=$(epmd_pids)
    local new
    new=$(comm -13 <(echo "$before") <(echo "$after") | head -n 1)
    if [[ -n "$new" ]]; then echo "$new" >"$EPMD_PID_FILE"; fi

    if (( ! ok )); then
        show_log_tail
        # A node that failed to boot may still run: end it, so nothing of ours is left.
        local pid
        pid=$(beam_pid)
        kill -TERM "$launcher" 2>/dev/null || true
        kill_and_wait "$pid"
        kill_and_wait "$launcher"
        rm -f "$PID_FILE"
        stop_epmd
        die "did not start (logs in $LOG_DIR)"
    fi

    load_definitions || { show_log_tail; die "could not load $DEFINITIONS"; }
    log "ready on amqp://127.0.0.1:$WMO_AMQP_PORT${WMO_MGMT_PORT:+, management http://127.0.0.1:$WMO_MGMT_PORT}" \
        "(pid $(beam_pid)) in $(wmo_since "$t0") s"
}

# Stop an epmd one of our instances started, but only once no Erlang node is registered
# with it any more (it is shared by every node on the machine).
stop_epmd() {
    local f pid names
    for f in "$WMO_RUN_BASE"/*/broker/epmd.pid; do
        [[ -f "$f" ]] || continue
        pid=$(cat "$f" 2>/dev/null || true)
        if ! wmo_pid_matches "$pid" epmd; then
            rm -f "$f"   # already gone
            continue
        fi
        names=$(epmd -names 2>/dev/null || true)
        if [[ "$names" == *$'\nname '* ]]; then
            continue     # some node (ours or not) still uses it
        fi
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do wmo_alive "$pid" || break; sleep 0.1; done
        rm -f "$f"
        log "stopped epmd (pid $pid)"
    done
}

stop() {
    if ! running; then
        rm -f "$PID_FILE"
        log "not running"
        stop_epmd
        return 0
    fi
    local t0 pid
    t0=$(wmo_now)
    pid=$(beam_pid)
    # 'stop PIDFILE' returns only once the OS process has exited.
    if ! ctl -q stop "$PID_FILE" >/dev/null 2>&1; then
        log "rabbitmqctl stop failed; sending SIGTERM to $pid"
        kill_and_wait "$pid"
    fi
    rm -f "$PID_FILE"
    log "stopped in $(wmo_since "$t0") s"
    stop_epmd
}

status() {
    if running; then
        log "running (pid $(beam_pid), amqp 127.0.0.1:$WMO_AMQP_PORT${WMO_MGMT_PORT:+, management 127.0.0.1:$WMO_MGMT_PORT})"
        return 0
    fi
    log "not running"
    return 3
}

wait_cmd() {
    local t0
    t0=$(wmo_now)
    wait_ready "" || die "not ready after 90 s"
    log "ready in $(wmo_since "$t0") s"
}

reset() {
    stop
    rm -rf "$DATA_DIR"
    log "data deleted ($DATA_DIR)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    status) status ;;
    wait) wait_cmd ;;
    reset) reset ;;
    ctl) shift; running || die "not running"; ctl -q "$@" ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
esac
