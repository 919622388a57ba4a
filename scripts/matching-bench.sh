#!/usr/bin/env bash
# Usage: scripts/matching-bench.sh [matching-bench options, e.g. --volunteers 10000 --requests 2000]
#   Matching's ranking benchmark (issue 14, docs/performance.md): builds matching-bench in release
#   mode and ranks volunteers for requests with MatchScorer (pure domain code: no broker or
#   database needed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift build -c release --product matching-bench
exec "$(swift build -c release --show-bin-path)/matching-bench" "$@"
