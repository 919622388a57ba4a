#!/usr/bin/env bash
# Usage: scripts/test.sh [swift test arguments, e.g. --filter OutboxTests]
#   The one test command (README, CI): installs what is missing, lints, builds once,
#   starts a fresh private broker and database (instance "test"), runs the whole suite
#   serially against them, then the staff pages in headless chromium (scripts/browser-test.sh)
#   and the decoders under libFuzzer for a bounded time (scripts/fuzz.sh, 30 s per target),
#   and stops everything again, whatever happens.
#   Tests get WMO_TEST_AMQP_URL, WMO_TEST_DATABASE_URL, WMO_TEST_ROOT, WMO_TEST_PID_DIR
#   and WMO_INSTANCE=test (so they may call scripts/broker.sh and scripts/database.sh).
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

export WMO_INSTANCE=test
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
cd "$WMO_ROOT"

T0=$(wmo_now)
PHASE_T0=$T0
PHASE=""
phase() {
    if [[ -n "$PHASE" ]]; then
        echo "==> $PHASE: done in $(wmo_since "$PHASE_T0") s"
    fi
    PHASE="$1"
    PHASE_T0=$(wmo_now)
    echo
    echo "==> [$(wmo_since "$T0") s] $PHASE"
}

# Tests that start service processes record their PIDs here so a failed run leaves none behind.
PID_DIR="$WMO_RUN/pids"

cleanup() {
    local status=$?
    set +e
    phase "cleanup"
    local f pid
    for f in "$PID_DIR"/*.pid; do
        [[ -f "$f" ]] || continue
        pid=$(cat "$f" 2>/dev/null)
        if wmo_alive "$pid"; then
            echo "stopping leftover test process $(basename "$f" .pid) (pid $pid)"
            kill -TERM "$pid" 2>/dev/null
            for _ in $(seq 1 50); do wmo_alive "$pid" || break; sleep 0.1; done
            wmo_alive "$pid" && kill -KILL "$pid" 2>/dev/null
        fi
        rm -f "$f"
    done
    "$WMO_ROOT/scripts/broker.sh" stop
    "$WMO_ROOT/scripts/database.sh" stop
    echo "==> cleanup: done in $(wmo_since "$PHASE_T0") s"
    echo "==> total $(wmo_since "$T0") s, exit status $status"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

phase "dependencies"
"$WMO_ROOT/scripts/install-deps.sh" --python --browser

if [[ -f .swift-format ]] && swift format --help >/dev/null 2>&1; then
    phase "lint (swift format)"
    dirs=(Package.swift)
    for d in Shared Services Tests Benchmarks; do [[ -d "$d" ]] && dirs+=("$d"); done
    # Only folders that exist (with no paths swift format would read stdin).
    if (( ${#dirs[@]} )); then swift format lint --strict --recursive "${dirs[@]}"; fi
fi

phase "build (swift build --build-tests)"
swift build --build-tests

phase "database from a checkout in a 0700 directory (Tests/Scripts/private-checkout.sh)"
"$WMO_ROOT/Tests/Scripts/private-checkout.sh"

phase "broker and database (fresh)"
# Fresh data every run: no queue or row from an earlier run can make a test pass or fail.
"$WMO_ROOT/scripts/broker.sh" reset
"$WMO_ROOT/scripts/database.sh" reset
"$WMO_ROOT/scripts/broker.sh" start
"$WMO_ROOT/scripts/database.sh" start
mkdir -p "$PID_DIR"
rm -f "$PID_DIR"/*.pid

export WMO_TEST_AMQP_URL="$AMQP_URL"
export WMO_TEST_DATABASE_URL="$DATABASE_URL"
export WMO_TEST_ROOT="$WMO_ROOT"
export WMO_TEST_PID_DIR="$PID_DIR"

phase "tests (swift test --skip-build --no-parallel${*:+ $*})"
set +e
swift test --skip-build --no-parallel "$@"
status=$?
set -e

# The staff pages in a real headless browser (chromium), on a private instance of its own.
# Skipped when swift test failed or when arguments narrowed the run to some tests.
if [[ $status -eq 0 && $# -eq 0 ]]; then
    phase "staff pages in headless chromium (scripts/browser-test.sh)"
    set +e
    "$WMO_ROOT/scripts/browser-test.sh" --no-build
    status=$?
    set -e
fi
# Bad bytes into the decoders: the corpus first, then 30 s of libFuzzer per target.
if [[ $status -eq 0 && $# -eq 0 ]]; then
    phase "fuzz the decoders (scripts/fuzz.sh --time 30)"
    set +e
    "$WMO_ROOT/scripts/fuzz.sh" --time "${WMO_FUZZ_SECONDS:-30}"
    status=$?
    set -e
fi
exit "$status"
