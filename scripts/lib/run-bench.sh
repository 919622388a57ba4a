#!/usr/bin/env bash
# Usage (from a wrapper): scripts/lib/run-bench.sh WRAPPER PRODUCT INSTANCE AMQP DIST PG [benchmark options]
#   Shared body of scripts/bench.sh and scripts/frontdesk-bench.sh: builds PRODUCT in release mode,
#   starts a fresh private broker and database as instance INSTANCE on the given default ports
#   (overridable with WMO_<INSTANCE>_AMQP_PORT, _DIST_PORT, _PG_PORT), runs the benchmark against
#   them with WMO_TEST_AMQP_URL / WMO_TEST_DATABASE_URL set, and stops them again, whatever happens.
set -euo pipefail

wrapper="$1" product="$2" instance="$3"
upper="${instance^^}"
amqp_var="WMO_${upper}_AMQP_PORT" dist_var="WMO_${upper}_DIST_PORT" pg_var="WMO_${upper}_PG_PORT"
BENCH_AMQP_PORT="${!amqp_var:-$4}"
BENCH_DIST_PORT="${!dist_var:-$5}"
BENCH_PG_PORT="${!pg_var:-$6}"
shift 6

for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help ]]; then
        sed -n '2,/^set -euo/p' "$wrapper" | grep '^#' | sed 's/^# \{0,1\}//'
        bin="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.build/release/$product"
        if [[ -x "$bin" ]]; then echo; "$bin" --help; fi
        exit 0
    fi
done

# A bench instance has no built-in ports (scripts/lib/instance.sh): give all of them, and give
# them to every child explicitly, since instance.sh keeps them shell-local.
export WMO_INSTANCE="$instance"
WMO_AMQP_PORT="$BENCH_AMQP_PORT" WMO_DIST_PORT="$BENCH_DIST_PORT" WMO_PG_PORT="$BENCH_PG_PORT" WMO_MGMT_PORT=""
source "$(dirname "${BASH_SOURCE[0]}")/instance.sh"
cd "$WMO_ROOT"

bench_env() {
    env WMO_INSTANCE="$instance" WMO_AMQP_PORT="$BENCH_AMQP_PORT" WMO_DIST_PORT="$BENCH_DIST_PORT" \
        WMO_PG_PORT="$BENCH_PG_PORT" WMO_MGMT_PORT="" "$@"
}

T0=$(wmo_now)
say() { echo "==> [$(wmo_since "$T0") s] $*"; }

started=0
cleanup() {
    local status=$?
    set +e
    if (( started )); then
        say "stopping the $instance broker and database"
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
swift build -c release --product "$product"

say "broker and database (fresh, instance $instance)"
started=1
bench_env "$WMO_ROOT/scripts/broker.sh" reset
bench_env "$WMO_ROOT/scripts/database.sh" reset
bench_env "$WMO_ROOT/scripts/broker.sh" start
bench_env "$WMO_ROOT/scripts/database.sh" start
# A benchmark's own setup on that broker and database (e.g. an organisation's login).
if [[ -n "${WMO_BENCH_SETUP:-}" ]]; then
    say "setup: $WMO_BENCH_SETUP"
    bench_env bash -c "$WMO_BENCH_SETUP" >/dev/null
fi

say "$product $*"
env WMO_TEST_AMQP_URL="$AMQP_URL" WMO_TEST_DATABASE_URL="$DATABASE_URL" WMO_TEST_ROOT="$WMO_ROOT" \
    "$(swift build -c release --show-bin-path)/$product" "$@"
