#!/usr/bin/env bash
# Usage: scripts/frontdesk-bench.sh [frontdesk-bench options, e.g. --requests 5000 --concurrency 16]
#   The front desk's intake → pass-on benchmark (issue 3, docs/performance.md): builds
#   frontdesk-bench in release mode, starts a fresh private broker and database (instance
#   "fdbench": AMQP 5677, Erlang distribution 25677, PostgreSQL 5437; fsync on, as in production),
#   runs it against them and stops them again, whatever happens. --help also lists the benchmark's
#   own options once it is built. Other ports: WMO_FDBENCH_AMQP_PORT, WMO_FDBENCH_DIST_PORT, WMO_FDBENCH_PG_PORT.
set -euo pipefail

for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help ]]; then
        sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.build/release/frontdesk-bench"
        if [[ -x "$bin" ]]; then echo; "$bin" --help; fi
        exit 0
    fi
done

# The fdbench instance has no built-in ports (scripts/lib/instance.sh): give all of them, and
# give them to every child explicitly, since instance.sh keeps them shell-local.
export WMO_INSTANCE=fdbench
FDBENCH_AMQP_PORT="${WMO_FDBENCH_AMQP_PORT:-5677}"
FDBENCH_DIST_PORT="${WMO_FDBENCH_DIST_PORT:-25677}"
FDBENCH_PG_PORT="${WMO_FDBENCH_PG_PORT:-5437}"
WMO_AMQP_PORT="$FDBENCH_AMQP_PORT" WMO_DIST_PORT="$FDBENCH_DIST_PORT" WMO_PG_PORT="$FDBENCH_PG_PORT" WMO_MGMT_PORT=""
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
cd "$WMO_ROOT"

fdbench_env() {
    env WMO_INSTANCE=fdbench WMO_AMQP_PORT="$FDBENCH_AMQP_PORT" WMO_DIST_PORT="$FDBENCH_DIST_PORT" \
        WMO_PG_PORT="$FDBENCH_PG_PORT" WMO_MGMT_PORT="" "$@"
}

T0=$(wmo_now)
say() { echo "==> [$(wmo_since "$T0") s] $*"; }

started=0
cleanup() {
    local status=$?
    set +e
    if (( started )); then
        say "stopping the fdbench broker and database"
        fdbench_env "$WMO_ROOT/scripts/broker.sh" stop
        fdbench_env "$WMO_ROOT/scripts/database.sh" stop
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "dependencies"
"$WMO_ROOT/scripts/install-deps.sh"

# Build before starting anything: a failed build leaves nothing running, and the build's CPU use
# does not overlap the measurement.
say "build (release)"
swift build -c release --product frontdesk-bench

say "broker and database (fresh, instance fdbench)"
started=1
fdbench_env "$WMO_ROOT/scripts/broker.sh" reset
fdbench_env "$WMO_ROOT/scripts/database.sh" reset
fdbench_env "$WMO_ROOT/scripts/broker.sh" start
fdbench_env "$WMO_ROOT/scripts/database.sh" start

say "frontdesk-bench $*"
env WMO_TEST_AMQP_URL="$AMQP_URL" WMO_TEST_DATABASE_URL="$DATABASE_URL" WMO_TEST_ROOT="$WMO_ROOT" \
    "$(swift build -c release --show-bin-path)/frontdesk-bench" "$@"
