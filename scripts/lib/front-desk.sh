#!/usr/bin/env bash
# Usage: scripts/lib/front-desk.sh <front-desk subcommand and arguments>
#   Runs the front-desk executable (release build if there is one, else debug) against the
#   private instance of WMO_INSTANCE, with the desk's own logins, as scripts/run.sh does.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/instance.sh"
bin="$WMO_ROOT/.build/release/front-desk"
[[ -x "$bin" ]] || bin="$WMO_ROOT/.build/debug/front-desk"
[[ -x "$bin" ]] || { echo "front-desk: not built (swift build)" >&2; exit 1; }
exec env AMQP_URL="amqp://frontdesk:frontdesk@127.0.0.1:$WMO_AMQP_PORT/" \
    DATABASE_URL="postgresql://frontdesk:frontdesk@127.0.0.1:$WMO_PG_PORT/wmo" \
    DATABASE_MIGRATION_URL="postgresql://frontdesk_owner:frontdesk_owner@127.0.0.1:$WMO_PG_PORT/wmo" \
    LOG_LEVEL=warning "$bin" "$@"
