#!/usr/bin/env bash
# Usage: scripts/indication-bench.sh [indication-bench options, e.g. --cases 1000000 --decisions 2000]
#   Indication's benchmark (issue 12, docs/performance.md): builds indication-bench in release
#   mode, starts a fresh private broker and database (instance "indbench": AMQP 5680, Erlang
#   distribution 25680, PostgreSQL 5440; fsync on), creates the bench provider's broker login
#   (0202-benchzorg, kind provider, with its queue), loads the decided cases, runs the three
#   phases and stops everything again, whatever happens. Other ports: WMO_INDBENCH_AMQP_PORT,
#   WMO_INDBENCH_DIST_PORT, WMO_INDBENCH_PG_PORT.
set -euo pipefail

export WMO_BENCH_SETUP="scripts/organisations.sh add provider 0202 benchzorg --password wmo-bench-provider"
exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" indication-bench indbench 5680 25680 5440 "$@"
