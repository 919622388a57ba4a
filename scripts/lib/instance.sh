# shellcheck shell=bash
# Usage: source "$(dirname "$0")/lib/instance.sh"
#   Picks the settings of one private instance (broker + database) from WMO_INSTANCE
#   (dev by default, test for the test suite). Overrides: WMO_AMQP_PORT, WMO_DIST_PORT,
#   WMO_PG_PORT, WMO_MGMT_PORT (dev only; empty disables the management plugin).
#
# Only AMQP_URL and DATABASE_URL are exported. The port variables stay shell-local on
# purpose: a child that switches WMO_INSTANCE must not inherit the other instance's ports.

WMO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WMO_INSTANCE="${WMO_INSTANCE:-dev}"

# The instance name ends up in an Erlang node name and in paths: keep it simple.
if [[ ! "$WMO_INSTANCE" =~ ^[a-z0-9][a-z0-9-]*$ ]]; then
    echo "instance.sh: WMO_INSTANCE must match [a-z0-9-]+ (got '$WMO_INSTANCE')" >&2
    return 2 2>/dev/null || exit 2
fi

case "$WMO_INSTANCE" in
    dev)  _amqp=5673 _dist=25673 _pg=5433 _mgmt=15673 ;;
    test) _amqp=5674 _dist=25674 _pg=5434 _mgmt="" ;;   # tests need no management UI
    *)
        # Any other name (e.g. bench) works when every port is given explicitly.
        if [[ -z "${WMO_AMQP_PORT:-}" || -z "${WMO_DIST_PORT:-}" || -z "${WMO_PG_PORT:-}" ]]; then
            echo "instance.sh: unknown instance '$WMO_INSTANCE': set WMO_AMQP_PORT, WMO_DIST_PORT and WMO_PG_PORT" >&2
            return 2 2>/dev/null || exit 2
        fi
        _amqp="" _dist="" _pg="" _mgmt=""
        ;;
esac

WMO_AMQP_PORT="${WMO_AMQP_PORT:-$_amqp}"
WMO_DIST_PORT="${WMO_DIST_PORT:-$_dist}"
WMO_PG_PORT="${WMO_PG_PORT:-$_pg}"
WMO_MGMT_PORT="${WMO_MGMT_PORT-$_mgmt}"   # '-' not ':-': an explicit empty value disables it
unset _amqp _dist _pg _mgmt

WMO_RUN_BASE="$WMO_ROOT/.run"
WMO_RUN="$WMO_RUN_BASE/$WMO_INSTANCE"
WMO_NODE="wmo-$WMO_INSTANCE@localhost"

# The roles (and schemas) of the five services, one per service.
WMO_DB_ROLES=(frontdesk indication referralindex matching citizenpanel)
# Their broker logins (permissions: compose/broker/definitions.json).
WMO_BROKER_USERS=(frontdesk indication referralindex matching citizenpanel)

export AMQP_URL="amqp://guest:guest@127.0.0.1:$WMO_AMQP_PORT/"
export DATABASE_URL="postgresql://postgres@127.0.0.1:$WMO_PG_PORT/wmo"

# Elapsed seconds with one decimal since a start value taken from wmo_now.
wmo_now() { date +%s.%N; }
wmo_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# True when PID is alive and its command line contains NEEDLE (guards against reused PIDs).
wmo_pid_matches() {
    local pid="$1" needle="$2"
    wmo_alive "$pid" || return 1
    local cmd   # no pipe into grep -q: with pipefail an early grep exit can fail the pipeline
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ "$cmd" == *"$needle"* ]]
}

# True while PID runs. A zombie does not count: here orphans are reaped late, and a dead
# process waiting to be reaped must not hold up a stop.
wmo_alive() {
    local pid="$1" stat
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != Z ]]
}

# True when something already listens on 127.0.0.1:PORT (bash's /dev/tcp, no extra tools).
wmo_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
