#!/usr/bin/env bash
# Usage: scripts/region-bench.sh [region-bench options, e.g. --persons 1000000 --requests 5000000]
#   The front desk at a region's scale (issue 11, docs/performance.md): builds region-bench in
#   release mode, starts a fresh private broker and database (instance "region": AMQP 5679,
#   Erlang distribution 25679, PostgreSQL 5439; fsync on, as in production), loads a million
#   persons and five million requests over twelve municipalities, measures the desk's HTTP API
#   and pages under concurrent load, and stops everything again, whatever happens. Loading takes
#   minutes and several GB of disk. --help also lists the benchmark's own options once built.
#   Other ports: WMO_REGION_AMQP_PORT, WMO_REGION_DIST_PORT, WMO_REGION_PG_PORT.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" region-bench region 5679 25679 5439 "$@"
