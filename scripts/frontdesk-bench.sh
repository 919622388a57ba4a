#!/usr/bin/env bash
# Usage: scripts/frontdesk-bench.sh [frontdesk-bench options, e.g. --requests 5000 --concurrency 16]
#   The front desk's intake → pass-on benchmark (issue 3, docs/performance.md): builds
#   frontdesk-bench in release mode, starts a fresh private broker and database (instance
#   "fdbench": AMQP 5677, Erlang distribution 25677, PostgreSQL 5437; fsync on, as in production),
#   runs it against them and stops them again, whatever happens. --help also lists the benchmark's
#   own options once it is built. Other ports: WMO_FDBENCH_AMQP_PORT, WMO_FDBENCH_DIST_PORT, WMO_FDBENCH_PG_PORT.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" frontdesk-bench fdbench 5677 25677 5437 "$@"
