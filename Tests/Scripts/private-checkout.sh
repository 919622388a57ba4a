#!/usr/bin/env bash
# Usage: Tests/Scripts/private-checkout.sh
#   The README's commands must work from any checkout, also one the postgres user cannot
#   reach (cloned into root's 0700 home, or a mktemp directory): copies scripts/ into a 0700
#   directory, starts a private database there (instance "private", ports 5677/25677/5437),
#   checks it answers, and removes it again. Exit 0 on success.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
outer=$(mktemp -d)   # mode 0700, like /root
trap 'WMO_INSTANCE=private WMO_AMQP_PORT=5677 WMO_DIST_PORT=25677 WMO_PG_PORT=5437 "$outer/checkout/scripts/database.sh" reset >/dev/null 2>&1 || true; rm -rf "$outer" "/var/tmp/wmo-pg-$(echo -n "$outer/checkout" | md5sum | cut -c1-8)-private"' EXIT
mkdir -p "$outer/checkout"
cp -r "$ROOT/scripts" "$outer/checkout/"
[[ "$(stat -c %a "$outer")" == 700 ]] || { echo "private-checkout: $outer is not 0700" >&2; exit 1; }
export WMO_INSTANCE=private WMO_AMQP_PORT=5677 WMO_DIST_PORT=25677 WMO_PG_PORT=5437
"$outer/checkout/scripts/database.sh" start
answer=$("$outer/checkout/scripts/database.sh" psql -tAc 'SELECT 42' </dev/null)
[[ "$answer" == 42 ]] || { echo "private-checkout: the database did not answer (got '$answer')" >&2; exit 1; }
"$outer/checkout/scripts/database.sh" stop
echo "private-checkout: a checkout under a 0700 directory starts its database"
