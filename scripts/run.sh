#!/usr/bin/env bash
# Usage: scripts/run.sh [--no-build]
#   Starts the whole system on this machine: private RabbitMQ and PostgreSQL (instance
#   "dev"), the five services (release build), demo data; then stays in the foreground.
#   Ctrl-C (or scripts/stop.sh from another shell) stops everything again.
#   --no-build  use the release binaries already in .build/release (or in $WMO_BIN_DIR)
set -euo pipefail

usage() { sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
build=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

export WMO_INSTANCE=dev
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
cd "$WMO_ROOT"

SERVICES=(front-desk indication referral-index matching citizen-panel)
http_port() {
    case "$1" in
        front-desk) echo 8080 ;; indication) echo 8081 ;; referral-index) echo 8082 ;;
        matching) echo 8083 ;; citizen-panel) echo 8084 ;;
    esac
}
db_role() { echo "${1//-/}"; }   # front-desk -> frontdesk: one role and schema per service
service_db_url() { local r; r=$(db_role "$1"); echo "postgresql://$r:$r@127.0.0.1:$WMO_PG_PORT/wmo"; }
# Each service logs in to the broker as itself (permissions: compose/broker/definitions.json).
service_amqp_url() { local r; r=$(db_role "$1"); echo "amqp://$r:$r@127.0.0.1:$WMO_AMQP_PORT/"; }
# The schema owner: migrations only (scripts/database.sh provisions both roles).
owner_db_url() { local r; r=$(db_role "$1")_owner; echo "postgresql://$r:$r@127.0.0.1:$WMO_PG_PORT/wmo"; }

LOG_DIR="$WMO_RUN/logs"
PID_DIR="$WMO_RUN/pids"
RUN_PID_FILE="$WMO_RUN/run.pid"
T0=$(wmo_now)

say() { echo "==> [$(wmo_since "$T0") s] $*"; }
die() { echo "run: $*" >&2; exit 1; }

if wmo_pid_matches "$(cat "$RUN_PID_FILE" 2>/dev/null || true)" "run.sh"; then
    die "the system already runs (pid $(cat "$RUN_PID_FILE")); stop it with scripts/stop.sh"
fi

say "dependencies"
"$WMO_ROOT/scripts/install-deps.sh"

if (( build )); then
    say "build (release)"
    for s in "${SERVICES[@]}"; do
        swift build -c release --product "$s"
    done
fi
# .build/release links to the platform folder; WMO_BIN_DIR points elsewhere (other build dirs).
BIN_DIR="${WMO_BIN_DIR:-$WMO_ROOT/.build/release}"
for s in "${SERVICES[@]}"; do
    [[ -x "$BIN_DIR/$s" ]] || die "$BIN_DIR/$s missing: run without --no-build"
done

# Services left by a run.sh that was killed hard: stop them before taking their ports.
stop_services() {
    local s f pid pids=()
    for s in "${SERVICES[@]}"; do
        f="$PID_DIR/$s.pid"
        pid=$(cat "$f" 2>/dev/null || true)
        if wmo_pid_matches "$pid" "/$s"; then
            kill -TERM "$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
        rm -f "$f"
    done
    # Give them time to finish in-flight work (graceful shutdown), then insist.
    local deadline=$((SECONDS + 15))
    for pid in "${pids[@]}"; do
        while wmo_alive "$pid" && (( SECONDS < deadline )); do sleep 0.1; done
        if wmo_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
}
stop_services

for s in "${SERVICES[@]}"; do
    wmo_port_busy "$(http_port "$s")" && die "port $(http_port "$s") ($s) is already in use"
done

cleaned=0
cleanup() {
    local status=$?
    (( cleaned )) && return
    cleaned=1
    set +e
    echo
    say "stopping services"
    stop_services
    "$WMO_ROOT/scripts/broker.sh" stop
    "$WMO_ROOT/scripts/database.sh" stop
    rm -f "$RUN_PID_FILE"
    say "stopped"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 0' INT TERM   # a requested stop is a normal end

mkdir -p "$WMO_RUN" "$LOG_DIR" "$PID_DIR"
echo $$ >"$RUN_PID_FILE"

say "broker and database"
"$WMO_ROOT/scripts/broker.sh" start
"$WMO_ROOT/scripts/database.sh" start

# Arnhem's independent assessor organisation (advice on complex cases, INDICATION_ASSESSORS),
# before indication starts, so no advice request finds its queue missing.
if ! "$WMO_ROOT/scripts/broker.sh" ctl list_users --silent | cut -f1 | grep -qx "0202-advies"; then
    "$WMO_ROOT/scripts/organisations.sh" add assessor 0202 advies --password "wmo-demo-0202-advies" >/dev/null
fi
# Arnhem's contracted home-care provider (allocations, INDICATION_PROVIDERS), likewise.
if ! "$WMO_ROOT/scripts/broker.sh" ctl list_users --silent | cut -f1 | grep -qx "0202-rijnstad"; then
    "$WMO_ROOT/scripts/organisations.sh" add provider 0202 rijnstad --password "wmo-demo-0202-rijnstad" >/dev/null
fi

# The referral index's demo organisations (kind signaller): their queues receive receipts and
# match notifications; 0202-regie is Arnhem's coordinator (REFERRAL_INDEX_COORDINATORS).
for id in jeugdzorg school regie; do
    if ! "$WMO_ROOT/scripts/broker.sh" ctl list_users --silent | cut -f1 | grep -qx "0202-$id"; then
        "$WMO_ROOT/scripts/organisations.sh" add signaller 0202 "$id" --password "wmo-demo-0202-$id" >/dev/null
    fi
done
# Arnhem's demo volunteer centre (kind volunteer-centre): registers volunteers and answers
# proposals for them from its own login (matching seed-demo registers it with matching).
if ! "$WMO_ROOT/scripts/broker.sh" ctl list_users --silent | cut -f1 | grep -qx "0202-vrijwilligerscentrale"; then
    "$WMO_ROOT/scripts/organisations.sh" add volunteer-centre 0202 vrijwilligerscentrale \
        --password "wmo-demo-0202-vrijwilligerscentrale" >/dev/null
fi
# The subject-key secret of this instance, made once and kept: with another secret the same
# BSN would get another key and no signal would match the ones before.
if [[ ! -s "$WMO_RUN/referral-index.secret" ]]; then
    (umask 077; python3 -c 'import secrets; print(secrets.token_hex(32))' >"$WMO_RUN/referral-index.secret")
fi

say "services"
for s in "${SERVICES[@]}"; do
    echo "--- $(date -Is) started by scripts/run.sh" >>"$LOG_DIR/$s.log"
    # setsid: Ctrl-C reaches only this script, which then stops the services in order.
    setsid env \
        AMQP_URL="$(service_amqp_url "$s")" \
        DATABASE_URL="$(service_db_url "$s")" \
        DATABASE_MIGRATION_URL="$(owner_db_url "$s")" \
        HTTP_HOST=127.0.0.1 \
        HTTP_PORT="$(http_port "$s")" \
        LOG_LEVEL=info \
        COOKIE_SECURE=false \
        INDICATION_ASSESSORS="0202=0202-advies" \
        INDICATION_PROVIDERS="0202-rijnstad=household-help:3250+personal-care:5500+support:6000" \
        INDICATION_BUDGETS="0202=wmo:1500000+youth:900000+participation:400000;0268=wmo:1800000" \
        REFERRAL_INDEX_SECRET="$(cat "$WMO_RUN/referral-index.secret")" \
        REFERRAL_INDEX_COORDINATORS="0202=0202-regie" \
        "$BIN_DIR/$s" >>"$LOG_DIR/$s.log" 2>&1 </dev/null &
    echo $! >"$PID_DIR/$s.pid"
done

# Healthy = /health answers 2xx. A service that exits meanwhile fails the start.
deadline=$((SECONDS + 90))
pending=("${SERVICES[@]}")
while (( ${#pending[@]} )); do
    still=()
    for s in "${pending[@]}"; do
        pid=$(cat "$PID_DIR/$s.pid")
        if ! wmo_alive "$pid"; then
            tail -n 30 "$LOG_DIR/$s.log" >&2
            die "$s exited during start-up (log $LOG_DIR/$s.log)"
        fi
        if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(http_port "$s")/health" 2>/dev/null; then
            say "$s healthy on http://127.0.0.1:$(http_port "$s")"
        else
            still+=("$s")
        fi
    done
    pending=("${still[@]}")
    if (( ${#pending[@]} )); then
        (( SECONDS < deadline )) || die "not healthy after 90 s: ${pending[*]} (logs in $LOG_DIR)"
        sleep 0.5
    fi
done

say "demo data (front-desk seed-demo)"
seed_status=0
seed_output=$(env AMQP_URL="$(service_amqp_url front-desk)" DATABASE_URL="$(service_db_url front-desk)" \
    DATABASE_MIGRATION_URL="$(owner_db_url front-desk)" \
    HTTP_HOST=127.0.0.1 HTTP_PORT="$(http_port front-desk)" LOG_LEVEL=warning \
    "$BIN_DIR/front-desk" seed-demo 2>&1) || seed_status=$?
echo "$seed_output" >"$LOG_DIR/seed-demo.log"
if (( seed_status != 0 )); then
    echo "WARNING: front-desk seed-demo exited with status $seed_status (output in $LOG_DIR/seed-demo.log)" >&2
fi

say "demo assessors (indication seed-demo)"
indication_output=$(env AMQP_URL="$(service_amqp_url indication)" DATABASE_URL="$(service_db_url indication)" \
    DATABASE_MIGRATION_URL="$(owner_db_url indication)" LOG_LEVEL=warning \
    "$BIN_DIR/indication" seed-demo 2>&1) || echo "WARNING: indication seed-demo failed: $indication_output" >&2

say "demo professionals (referral-index seed-demo)"
referral_output=$(env AMQP_URL="$(service_amqp_url referral-index)" DATABASE_URL="$(service_db_url referral-index)" \
    DATABASE_MIGRATION_URL="$(owner_db_url referral-index)" LOG_LEVEL=warning \
    REFERRAL_INDEX_SECRET="$(cat "$WMO_RUN/referral-index.secret")" \
    "$BIN_DIR/referral-index" seed-demo 2>&1) || echo "WARNING: referral-index seed-demo failed: $referral_output" >&2

say "demo coordinator, centre and volunteers (matching seed-demo)"
matching_output=$(env AMQP_URL="$(service_amqp_url matching)" DATABASE_URL="$(service_db_url matching)" \
    DATABASE_MIGRATION_URL="$(owner_db_url matching)" LOG_LEVEL=warning \
    "$BIN_DIR/matching" seed-demo 2>&1) || echo "WARNING: matching seed-demo failed: $matching_output" >&2

say "demo results of last year's satisfaction survey (citizen-panel seed-demo)"
panel_output=$(env AMQP_URL="$(service_amqp_url citizen-panel)" DATABASE_URL="$(service_db_url citizen-panel)" \
    DATABASE_MIGRATION_URL="$(owner_db_url citizen-panel)" LOG_LEVEL=warning \
    "$BIN_DIR/citizen-panel" seed-demo 2>&1) || echo "WARNING: citizen-panel seed-demo failed: $panel_output" >&2

# The demo partners log in as themselves too (scripts/organisations.sh; demo passwords).
partner_logins="$(printf '%-34s %-30s queue assessor.%s' 0202-advies wmo-demo-0202-advies 0202-advies)"$'\n'
partner_logins+="$(printf '%-34s %-30s queue provider.%s' 0202-rijnstad wmo-demo-0202-rijnstad 0202-rijnstad)"$'\n'
for id in jeugdzorg school regie; do
    partner_logins+="$(printf '%-34s %-30s queue signaller.%s' "0202-$id" "wmo-demo-0202-$id" "0202-$id")"$'\n'
done
partner_logins+="$(printf '%-34s %-30s queue volunteer-centre.%s' 0202-vrijwilligerscentrale wmo-demo-0202-vrijwilligerscentrale 0202-vrijwilligerscentrale)"$'\n'
for key in $("$BIN_DIR/front-desk" demo-partners); do
    if ! "$WMO_ROOT/scripts/broker.sh" ctl list_users --silent | cut -f1 | grep -qx "$key"; then
        "$WMO_ROOT/scripts/organisations.sh" add partner "${key%%-*}" "${key#*-}" --broker-only \
            --password "wmo-demo-$key" >/dev/null
    fi
    partner_logins+="$(printf '%-34s %-30s queue partner.%s' "$key" "wmo-demo-$key" "$key")"$'\n'
done

mgmt="disabled (WMO_MGMT_PORT is empty)"
[[ -n "$WMO_MGMT_PORT" ]] && mgmt="http://127.0.0.1:$WMO_MGMT_PORT/   (guest / guest)"
cat <<EOF

================================================================================
 The system runs (started in $(wmo_since "$T0") s).

 Front desk (staff pages)   http://127.0.0.1:8080/
 Indication (assessors)     http://127.0.0.1:8081/
 Referral index             http://127.0.0.1:8082/
 Matching                   http://127.0.0.1:8083/
 Citizen panel              http://127.0.0.1:8084/
$(sed 's/^/ /' <<<"$panel_output")
 RabbitMQ management        $mgmt
 PostgreSQL                 $DATABASE_URL
 Logs                       $LOG_DIR/

 Demo logins (from front-desk seed-demo):
$(sed 's/^/   /' <<<"$seed_output")

 Demo assessors (indication pages http://127.0.0.1:8081/ and API /api/v1/ with HTTP Basic):
$(sed 's/^/ /' <<<"$indication_output")

 Demo professionals (referral index pages http://127.0.0.1:8082/ and API /api/v1/ with HTTP Basic):
$(sed 's/^/ /' <<<"$referral_output")

 Demo matching coordinator (matching API http://127.0.0.1:8083/api/v1/ with HTTP Basic):
$(sed 's/^/ /' <<<"$matching_output")

 Demo organisations' broker logins (amqp://LOGIN:PASSWORD@127.0.0.1:$WMO_AMQP_PORT/, docs/partners.md):
$(sed 's/^/   /' <<<"$partner_logins")

 Ctrl-C here, or scripts/stop.sh from another shell, stops everything.
================================================================================
EOF

# Stay in the foreground; 'wait' returns at once when a signal arrives.
declare -A reported=()
while :; do
    sleep 2 &
    wait $! || true
    for s in "${SERVICES[@]}"; do
        pid=$(cat "$PID_DIR/$s.pid" 2>/dev/null || true)
        if [[ -z "${reported[$s]:-}" ]] && ! wmo_alive "$pid"; then
            echo "WARNING: $s (pid $pid) has exited; see $LOG_DIR/$s.log" >&2
            reported[$s]=1
        fi
    done
done
