#!/usr/bin/env bash
# Usage: scripts/referral-index-bench.sh [referral-index-bench options, e.g. --signals 10000000 --registrations 20000]
#   The referral index's benchmark (issue 13, docs/performance.md): builds referral-index-bench in
#   release mode, starts a fresh private broker and database (instance "ribench": AMQP 5682,
#   Erlang distribution 25682, PostgreSQL 5442; fsync on), loads the signals, measures
#   registration with match check and the match notification's latency to the queue, and stops
#   everything again, whatever happens. Other ports: WMO_RIBENCH_AMQP_PORT, WMO_RIBENCH_DIST_PORT,
#   WMO_RIBENCH_PG_PORT.
set -euo pipefail

exec "$(dirname "${BASH_SOURCE[0]}")/lib/run-bench.sh" "${BASH_SOURCE[0]}" referral-index-bench ribench 5682 25682 5442 "$@"
