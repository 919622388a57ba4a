#!/usr/bin/env bash
# Usage: scripts/stop.sh
#   Stops the system scripts/run.sh started (from another shell): asks run.sh to stop,
#   which stops the services, then the broker and the database. Without a live run.sh
#   it stops whatever it finds of the dev instance itself.
set -euo pipefail
case "${1:-}" in -h|--help) sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

export WMO_INSTANCE=dev
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"

RUN_PID_FILE="$WMO_RUN/run.pid"
PID_DIR="$WMO_RUN/pids"

run_pid=$(cat "$RUN_PID_FILE" 2>/dev/null || true)
if wmo_pid_matches "$run_pid" "run.sh"; then
    echo "stop: asking scripts/run.sh (pid $run_pid) to stop"
    kill -TERM "$run_pid"
    # run.sh stops services (up to 15 s) and broker (~3 s): wait for it.
    for _ in $(seq 1 600); do wmo_alive "$run_pid" || break; sleep 0.1; done
    if wmo_alive "$run_pid"; then
        echo "stop: run.sh (pid $run_pid) still running after 60 s" >&2
        exit 1
    fi
    echo "stop: stopped"
    exit 0
fi
rm -f "$RUN_PID_FILE"

# No run.sh (killed hard, or services started by hand): clean up what is left.
pids=()
for f in "$PID_DIR"/*.pid; do
    [[ -f "$f" ]] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    if wmo_pid_matches "$pid" "/$(basename "$f" .pid)"; then
        echo "stop: stopping $(basename "$f" .pid) (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        pids+=("$pid")
    fi
    rm -f "$f"
done
deadline=$((SECONDS + 15))
for pid in "${pids[@]}"; do
    while wmo_alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
    if wmo_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
done
"$(dirname "${BASH_SOURCE[0]}")/broker.sh" stop
"$(dirname "${BASH_SOURCE[0]}")/database.sh" stop
