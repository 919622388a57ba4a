#!/usr/bin/env bash
# Usage: eval "$(scripts/env.sh)"            # dev instance
#        eval "$(WMO_INSTANCE=test scripts/env.sh)"
# Prints export lines with the client settings of the chosen private instance.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"

case "${1:-}" in
    -h|--help) sed -n '2,4p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

printf 'export WMO_INSTANCE=%q\n' "$WMO_INSTANCE"
printf 'export AMQP_URL=%q\n' "$AMQP_URL"
printf 'export DATABASE_URL=%q\n' "$DATABASE_URL"
