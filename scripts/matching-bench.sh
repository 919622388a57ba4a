#!/usr/bin/env bash
# Usage: scripts/matching-bench.sh [rank] [options, e.g. --volunteers 10000 --requests 2000]
#        scripts/matching-bench.sh chain [options, e.g. --volunteers 100000 --requests 5000]
#   Matching's benchmarks (issue 14, docs/performance.md), built in release mode.
#   rank (the default): ranks volunteers for requests with MatchScorer, in memory (pure domain
#     code: no broker or database needed).
#   chain: starts a fresh private broker and database (instance "mbench": AMQP 5684, Erlang
#     distribution 25684, PostgreSQL 5444; fsync on), loads the volunteers, and measures
#     frontdesk.matching.requested → matching.proposal.offered published; then stops everything
#     again, whatever happens. Other ports: WMO_MBENCH_AMQP_PORT, WMO_MBENCH_DIST_PORT,
#     WMO_MBENCH_PG_PORT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ "${1:-}" == chain ]]; then
    exec scripts/lib/run-bench.sh "${BASH_SOURCE[0]}" matching-bench mbench 5684 25684 5444 "$@"
fi
swift build -c release --product matching-bench
exec "$(swift build -c release --show-bin-path)/matching-bench" "$@"
