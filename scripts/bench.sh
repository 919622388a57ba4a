#!/usr/bin/env bash
# Usage: scripts/bench.sh [wmo-bench options, e.g. --messages 20000]
#   The ceiling benchmark (docs/performance.md): builds wmo-bench in release mode, starts a fresh
#   private broker and database (instance "bench": AMQP 5675, Erlang distribution 25675,
#   PostgreSQL 5435; fsync on, as in production), runs the release wmo-bench binary against
#   them and stops them again, whatever happens. --help also lists wmo-bench's own options once
#   it is built. Other ports: WMO_BENCH_AMQP_PORT, WMO_BENCH_DIST_PORT, WMO_BENCH_PG_PORT.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" wmo-bench bench 5675 25675 5435 "$@"
