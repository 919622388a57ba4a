#!/usr/bin/env bash
# Usage: scripts/panel-bench.sh [panel-bench options, e.g. --answers 20000 --responses 100000]
#   The citizen panel's benchmark (issue 15, docs/performance.md): builds panel-bench in release
#   mode, starts a fresh private broker and database (instance "pbench": AMQP 5686, Erlang
#   distribution 25686, PostgreSQL 5446; fsync on), measures (a) questionnaires answered over
#   HTTP and (b) weighted results with breakdowns on 100,000 responses, and stops everything
#   again, whatever happens. Other ports: WMO_PBENCH_AMQP_PORT, WMO_PBENCH_DIST_PORT,
#   WMO_PBENCH_PG_PORT.
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" panel-bench pbench 5686 25686 5446 "$@"
