#!/usr/bin/env bash
# Usage: scripts/bench.sh [wmo-bench options, e.g. --messages 20000]
#   The ceiling benchmark (docs/performance.md): builds wmo-bench in release mode, starts a fresh
#   private broker and database (instance "bench": AMQP 5675, Erlang distribution 25675,
#   PostgreSQL 5435; fsync on, as in production), runs `swift run -c release wmo-bench` against
#   them and stops them again, whatever happens. --help also lists wmo-bench's own options once
#   it is built. Other ports: WMO_BENCH_AMQP_PORT, WMO_BENCH_DIST_PORT, WMO_BENCH_PG_PORT.
set -euo pipefail

for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help ]]; then
        sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.build/release/wmo-bench"
        if [[ -x "$bin" ]]; then echo; "$bin" --help; fi
        exit 0
    fi
done

# The bench instance has no built-in ports (scripts/lib/instance.sh): give all of them, and give
# them to every child explicitly, since instance.sh keeps them shell-local.
export WMO_INSTANCE=bench
BENCH_AMQP_PORT="${WMO_BENCH_AMQP_PORT:-5675}"
BENCH_DIST_PORT="${WMO_BENCH_DIST_PORT:-25675}"
BENCH_PG_PORT="${WMO_BENCH_PG_PORT:-5435}"
WMO_AMQP_PORT="$BENCH_AMQP_PORT" WMO_DIST_PORT="$BENCH_DIST_PORT" WMO_PG_PORT="$BENCH_PG_PORT" WMO_MGMT_PORT=""
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
cd "$WMO_ROOT"

bench_env() {
    env WMO_INSTANCE=bench WMO_AMQP_PORT="$BENCH_AMQP_PORT" WMO_DIST_PORT="$BENCH_DIST_PORT" \
        WMO_PG_PORT="$BENCH_PG_PORT" WMO_MGMT_PORT="" "$@"
}

T0=$(wmo_now)
say() { echo "==> [$(wmo_since "$T0") s] $*"; }

started=0
cleanup() {
    local status=$?
    set +e
    if (( started )); then
        say "stopping the bench broker and database"
        bench_env "$WMO_ROOT/scripts/broker.sh" stop
        bench_env "$WMO_ROOT/scripts/database.sh" stop
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
swift build -c release --product wmo-bench

say "broker and database (fresh, instance bench)"
started=1
bench_env "$WMO_ROOT/scripts/broker.sh" reset
bench_env "$WMO_ROOT/scripts/database.sh" reset
bench_env "$WMO_ROOT/scripts/broker.sh" start
bench_env "$WMO_ROOT/scripts/database.sh" start

say "wmo-bench $*"
env WMO_TEST_AMQP_URL="$AMQP_URL" WMO_TEST_DATABASE_URL="$DATABASE_URL" WMO_TEST_ROOT="$WMO_ROOT" \
    swift run -c release --skip-build wmo-bench "$@"
