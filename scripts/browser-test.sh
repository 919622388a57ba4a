#!/usr/bin/env bash
# Usage: scripts/browser-test.sh [--no-build] [pytest arguments, e.g. -k pass_on]
#   The staff pages in a real headless browser: starts a private broker and database (instance
#   "browser", fresh each run), the front desk, indication, the referral index, matching and the
#   citizen panel on spare ports with the demo data (seed-demo of each), and runs Tests/BrowserTests
#   (the desk's, the assessors', the professionals', the matching coordinator's and the panel's
#   respondents' pages) with pytest, driving Debian chromium with Selenium
#   and chromium-driver; then schemathesis fuzzes the JSON APIs against docs/openapi.yaml (desk),
#   docs/openapi-indication.yaml, docs/openapi-referral-index.yaml, docs/openapi-matching.yaml and docs/openapi-panel.yaml on
#   the same services. Writes
#   docs/screenshots/werklijst.png. Stops everything it started (by PID), whatever happens.
#   --no-build  use the binaries already built (debug, or $WMO_BIN_DIR)
set -euo pipefail

build=1
pytest_args=()
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) pytest_args+=("$arg") ;;
    esac
done

export WMO_INSTANCE=browser
export WMO_AMQP_PORT="${WMO_AMQP_PORT:-5676}" WMO_DIST_PORT="${WMO_DIST_PORT:-25676}" WMO_PG_PORT="${WMO_PG_PORT:-5436}"
export WMO_MGMT_PORT=""
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
cd "$WMO_ROOT"

T0=$(wmo_now)
say() { echo "==> [$(wmo_since "$T0") s] $*"; }
die() { echo "browser-test: $*" >&2; exit 1; }

PID_DIR="$WMO_RUN/pids"
LOG_DIR="$WMO_RUN/logs"
mkdir -p "$PID_DIR" "$LOG_DIR"
SERVICE_PID=""
INDICATION_PID=""
REFERRAL_PID=""
MATCHING_PID=""
PANEL_PID=""

stop_pid() {   # stop_pid PID NEEDLE: TERM, wait up to 10 s, then KILL; only if PID still is NEEDLE
    local pid="$1" needle="$2"
    wmo_pid_matches "$pid" "$needle" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do wmo_alive "$pid" || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    set +e
    say "cleanup"
    [[ -n "$SERVICE_PID" ]] && stop_pid "$SERVICE_PID" "front-desk"
    [[ -n "$INDICATION_PID" ]] && stop_pid "$INDICATION_PID" "indication"
    [[ -n "$REFERRAL_PID" ]] && stop_pid "$REFERRAL_PID" "referral-index"
    [[ -n "$MATCHING_PID" ]] && stop_pid "$MATCHING_PID" "matching"
    [[ -n "$PANEL_PID" ]] && stop_pid "$PANEL_PID" "citizen-panel"
    # A chromium and its chromedriver left behind by a pytest that was killed hard.
    local name
    for name in chromium chromedriver; do
        if [[ -f "$PID_DIR/$name.pid" ]]; then
            stop_pid "$(cat "$PID_DIR/$name.pid")" "$name"
            rm -f "$PID_DIR/$name.pid"
        fi
    done
    rm -f "$PID_DIR/front-desk.pid" "$PID_DIR/indication.pid" "$PID_DIR/referral-index.pid" "$PID_DIR/matching.pid" "$PID_DIR/citizen-panel.pid"
    "$WMO_ROOT/scripts/broker.sh" stop
    "$WMO_ROOT/scripts/database.sh" stop
    say "done, exit status $status"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "dependencies"
"$WMO_ROOT/scripts/install-deps.sh" --browser
if ! python3 -c 'import pytest, selenium' 2>/dev/null; then
    echo "browser-test: pip install pytest selenium"
    pip_args=(install --quiet --disable-pip-version-check --no-input pytest selenium)
    # Debian's own python3 refuses global installs (PEP 668); pyenv/venv pythons do not.
    python3 -m pip "${pip_args[@]}" 2>/dev/null || python3 -m pip "${pip_args[@]}" --break-system-packages
fi

if (( build )); then
    say "build front-desk, indication, referral-index, matching and citizen-panel (debug)"
    swift build --product front-desk
    swift build --product indication
    swift build --product referral-index
    swift build --product matching
    swift build --product citizen-panel
fi
BIN_DIR="${WMO_BIN_DIR:-$(swift build --show-bin-path)}"
for binary in front-desk indication referral-index matching citizen-panel; do
    [[ -x "$BIN_DIR/$binary" ]] || die "$BIN_DIR/$binary missing: run without --no-build"
done

say "fresh broker and database (instance $WMO_INSTANCE)"
"$WMO_ROOT/scripts/broker.sh" reset
"$WMO_ROOT/scripts/database.sh" reset
"$WMO_ROOT/scripts/broker.sh" start
"$WMO_ROOT/scripts/database.sh" start

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_service NAME ROLE PORT PID_VAR: starts service NAME as its own login, role and schema
# (as scripts/run.sh does) on PORT, records its PID in PID_VAR (for the clean-up) as soon as it
# runs, waits until it is healthy, and seeds its demo data.
start_service() {
    local name="$1" role="$2" port="$3" pid
    local env_vars=(AMQP_URL="amqp://$role:$role@127.0.0.1:$WMO_AMQP_PORT/"
        DATABASE_URL="postgresql://$role:$role@127.0.0.1:$WMO_PG_PORT/wmo"
        DATABASE_MIGRATION_URL="postgresql://${role}_owner:${role}_owner@127.0.0.1:$WMO_PG_PORT/wmo"
        HTTP_HOST=127.0.0.1 HTTP_PORT="$port" COOKIE_SECURE=false
        REFERRAL_INDEX_SECRET=browser-test-secret-of-at-least-32-characters)
    say "$name on http://127.0.0.1:$port"
    setsid env "${env_vars[@]}" LOG_LEVEL=info "$BIN_DIR/$name" serve >"$LOG_DIR/$name.log" 2>&1 </dev/null &
    pid=$!
    printf -v "$4" '%s' "$pid"
    echo "$pid" >"$PID_DIR/$name.pid"
    local deadline=$((SECONDS + 90))
    until curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null; do
        wmo_alive "$pid" || { tail -n 30 "$LOG_DIR/$name.log" >&2; die "$name exited during start-up"; }
        (( SECONDS < deadline )) || die "$name not healthy after 90 s (log $LOG_DIR/$name.log)"
        sleep 0.3
    done
    say "$name demo data"
    env "${env_vars[@]}" LOG_LEVEL=warning "$BIN_DIR/$name" seed-demo >"$LOG_DIR/$name-seed-demo.log" 2>&1 \
        || { cat "$LOG_DIR/$name-seed-demo.log" >&2; die "$name seed-demo failed"; }
}

PORT=$(free_port)
start_service front-desk frontdesk "$PORT" SERVICE_PID
# Indication, as its own login and schema, on the same broker and database.
INDICATION_PORT=$(free_port)
start_service indication indication "$INDICATION_PORT" INDICATION_PID
# The referral index likewise (its demo professionals).
REFERRAL_PORT=$(free_port)
start_service referral-index referralindex "$REFERRAL_PORT" REFERRAL_PID
# Matching likewise (its demo coordinator, centre, volunteers and carer).
MATCHING_PORT=$(free_port)
start_service matching matching "$MATCHING_PORT" MATCHING_PID
# The citizen panel likewise (last year's demo results).
PANEL_PORT=$(free_port)
start_service citizen-panel citizenpanel "$PANEL_PORT" PANEL_PID

say "pytest Tests/BrowserTests (chromium, headless, through chromedriver)"
WMO_BASE_URL="http://127.0.0.1:$PORT" WMO_INDICATION_URL="http://127.0.0.1:$INDICATION_PORT" \
    WMO_REFERRAL_INDEX_URL="http://127.0.0.1:$REFERRAL_PORT" WMO_MATCHING_URL="http://127.0.0.1:$MATCHING_PORT" \
    WMO_PANEL_URL="http://127.0.0.1:$PANEL_PORT" \
    WMO_PANEL_DATABASE_URL="postgresql://citizenpanel:citizenpanel@127.0.0.1:$WMO_PG_PORT/wmo" \
    WMO_PANEL_AMQP_URL="amqp://citizenpanel:citizenpanel@127.0.0.1:$WMO_AMQP_PORT/" \
    WMO_BROWSER_PID_DIR="$PID_DIR" \
    WMO_SCREENSHOT_DIR="${WMO_SCREENSHOT_DIR:-$WMO_ROOT/docs/screenshots}" \
    python3 -m pytest -q -p no:cacheprovider "$WMO_ROOT/Tests/BrowserTests" "${pytest_args[@]}"

# The JSON API against its contract (docs/openapi.yaml): schemathesis on the same live desk,
# bounded, with a fixed seed, as a coordinator (most operations allowed). Skipped when pytest
# arguments narrowed the run.
if (( ${#pytest_args[@]} == 0 )); then
    examples="${WMO_SCHEMATHESIS_EXAMPLES:-20}"
    say "schemathesis docs/openapi.yaml ($examples examples per operation, checks: no 5xx, documented statuses, content types, response schemas)"
    python3 -m schemathesis.cli run "$WMO_ROOT/docs/openapi.yaml" --url "http://127.0.0.1:$PORT" \
        --auth bram.arnhem:wmo-demo-bram \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --seed 20261202 --workers 1 --generation-database none \
        --generation-with-security-parameters false --request-timeout 10 --no-color
    say "schemathesis docs/openapi-indication.yaml ($examples examples per operation, same checks)"
    python3 -m schemathesis.cli run "$WMO_ROOT/docs/openapi-indication.yaml" --url "http://127.0.0.1:$INDICATION_PORT" \
        --auth iris.arnhem:wmo-demo-iris \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --seed 20261202 --workers 1 --generation-database none \
        --generation-with-security-parameters false --request-timeout 10 --no-color
    say "schemathesis docs/openapi-referral-index.yaml ($examples examples per operation, same checks)"
    python3 -m schemathesis.cli run "$WMO_ROOT/docs/openapi-referral-index.yaml" --url "http://127.0.0.1:$REFERRAL_PORT" \
        --auth sanne.jeugdzorg:wmo-demo-sanne \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --seed 20261202 --workers 1 --generation-database none \
        --generation-with-security-parameters false --request-timeout 10 --no-color
    say "schemathesis docs/openapi-matching.yaml ($examples examples per operation, same checks)"
    python3 -m schemathesis.cli run "$WMO_ROOT/docs/openapi-matching.yaml" --url "http://127.0.0.1:$MATCHING_PORT" \
        --auth mila.arnhem:wmo-demo-mila \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --seed 20261202 --workers 1 --generation-database none \
        --generation-with-security-parameters false --request-timeout 10 --no-color
    say "schemathesis docs/openapi-panel.yaml ($examples examples per operation, same checks)"
    python3 -m schemathesis.cli run "$WMO_ROOT/docs/openapi-panel.yaml" --url "http://127.0.0.1:$PANEL_PORT" \
        --auth ilse.arnhem:wmo-demo-ilse \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --seed 20261202 --workers 1 --generation-database none \
        --generation-with-security-parameters false --request-timeout 10 --no-color
fi
