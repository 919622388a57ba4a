#!/usr/bin/env bash
# Usage: scripts/outbox.sh list <schema>
#        scripts/outbox.sh replay <schema> [<message_id>]
#   Parked outbox rows: events the broker refused again and again (above max_message_size,
#   nacked, an exchange the service may not write). The relay keeps them, with the error, and
#   sends the rows after them; /metrics shows wmo_outbox_parked.
#   list    prints each parked row of service schema <schema> (e.g. frontdesk): message id, type,
#           routing key, attempts, error, size.
#   replay  gives the row (or every parked row) back to the relay: attempts to 0, unparked.
#           Fix the cause first (e.g. raise max_message_size), or it is parked again.
#   Database: DATABASE_URL (a role that may update the schema's outbox), else the private
#   instance of WMO_INSTANCE (dev).
set -euo pipefail

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
    list|replay) ;;
    -h|--help|help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
command="$1"
schema="${2:-}"
[[ "$schema" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "outbox: give the service's schema, e.g. frontdesk" >&2; exit 2; }
message_id="${3:-}"

database_url="${DATABASE_URL:-}"
if [[ -z "$database_url" ]]; then
    source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"
    database_url="$DATABASE_URL"
fi
psql_bin=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[[ -n "$psql_bin" ]] || { echo "outbox: psql is needed (scripts/install-deps.sh)" >&2; exit 1; }
psql_run() { "$psql_bin" "$database_url" -X -q -v ON_ERROR_STOP=1 -v schema="$schema" -v id="$message_id" "$@"; }

case "$command" in
    list)
        psql_run -P pager=off <<'SQL'
SELECT message_id, message_type, routing_key, attempts, parked_at, octet_length(body) AS bytes, last_error
FROM :"schema".outbox WHERE parked_at IS NOT NULL ORDER BY seq;
SQL
        ;;
    replay)
        psql_run -tA <<'SQL'
WITH replayed AS (
    UPDATE :"schema".outbox SET parked_at = NULL, attempts = 0, leased_until = NULL
    WHERE parked_at IS NOT NULL AND (:'id' = '' OR message_id = :'id')
    RETURNING 1)
SELECT 'outbox: ' || count(*) || ' parked row(s) given back to the relay' FROM replayed;
SQL
        ;;
esac
