#!/usr/bin/env bash
# Usage: scripts/organisations.sh add <kind> <municipality> <id> [--name NAME] [--broker-only] [--password PW]
#        scripts/organisations.sh rebind <kind> <municipality> <id>
#        scripts/organisations.sh rotate <kind> <municipality> <id>
#        scripts/organisations.sh remove <kind> <municipality> <id>
#        scripts/organisations.sh list
#   The broker logins of organisations (docs/partners.md). <kind> is partner, provider,
#   signaller, volunteer-centre or assessor; <municipality> the four-digit CBS code; <id> the
#   organisation's id in that municipality ([a-z0-9-]). The login is <municipality>-<id>
#   (region-unique), its queue <kind>.<municipality>-<id>.
#   add     creates the login with a generated password (printed once), its permissions
#           (configure nothing; read only its own queue; write only to wmo.partners, and there
#           only routing keys <kind>.<login>.…), its queue with its bindings, and for a partner
#           the entry on the desk's social map (front-desk register-partner). --broker-only
#           skips queue and social map (tests); --password sets the password instead.
#   rebind  declares its queue's bindings again (after a release that sends its kind something
#           new; the login and password stay; not for a partner, whose queue is the desk's).
#   rotate  gives the login a new generated password (printed once); the old one stops working.
#   remove  deletes the login (its queue stays, for inspection).
#   list    the organisations' logins and permissions.
#   Broker: the private instance of WMO_INSTANCE (dev); AMQP_URL (an administrator) for the
#   queue declaration. Desk: DATABASE_URL/DATABASE_MIGRATION_URL as for scripts/run.sh.
set -euo pipefail

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/instance.sh"
ctl() { "$ROOT/scripts/broker.sh" ctl "$@"; }
die() { echo "organisations: $*" >&2; exit 2; }

command="${1:-}"
case "$command" in
    add|rebind|rotate|remove) ;;
    list)
        echo "login                          configure  write              read"
        ctl list_users --silent | awk '$0 ~ /wmo-organisation/ {print $1}' | while read -r login; do
            ctl list_user_permissions --silent "$login" | awk -v l="$login" '{printf "%-30s %-10s %-18s %s\n", l, $2, $3, $4}'
        done
        exit 0 ;;
    -h|--help|help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
kind="${2:-}" municipality="${3:-}" id="${4:-}"
shift 4 2>/dev/null || die "give <kind> <municipality> <id>"
case "$kind" in partner|provider|signaller|volunteer-centre|assessor) ;; *) die "unknown kind '$kind'" ;; esac
[[ "$municipality" =~ ^[0-9]{4}$ ]] || die "municipality must be the four-digit CBS code, e.g. 0202"
[[ "$id" =~ ^[a-z0-9][a-z0-9-]{0,40}$ ]] || die "id must be lower-case letters, digits and - (at most 41)"
login="$municipality-$id"
queue="$kind.$login"
name="$id" broker_only=0 password=""
while (( $# )); do
    case "$1" in
        --name) name="$2"; shift 2 ;;
        --broker-only) broker_only=1; shift ;;
        --password) password="$2"; shift 2 ;;
        *) die "unknown option '$1'" ;;
    esac
done
generate() { python3 -c 'import secrets; print(secrets.token_urlsafe(24))'; }
exists() { ctl list_users --silent | cut -f1 | grep -qx "$login"; }

# The organisation's queue with its bindings: what the services send each kind, besides
# rejection notices (declaring again is harmless: it adds what is missing).
declare_queue() {
    local keys=()
    case "$kind" in
        assessor) keys=("indication.advice.requested.$login") ;;
        provider) keys=("indication.allocation.issued.$login" "indication.receipt.$login" "indication.allocation.request.answered.$login") ;;
        signaller) keys=("referralindex.signal.recorded.$login" "referralindex.match.notified.$login") ;;
        volunteer-centre) keys=("matching.volunteer.recorded.$login" "matching.proposal.offered.$login" "matching.proposal.closed.$login") ;;
    esac
    python3 "$ROOT/scripts/lib/declare-organisation-queue.py" "$queue" "$login" "${keys[@]}"
}

case "$command" in
    add)
        exists && die "$login exists already (rotate gives it a new password)"
        [[ -n "$password" ]] || password=$(generate)
        ctl add_user "$login" "$password" >/dev/null
        ctl set_user_tags "$login" wmo-organisation "wmo-$kind" >/dev/null
        # Dots in a queue name are literal in the permission: escape them.
        ctl set_permissions -p / "$login" '^$' '^wmo\.partners$' "^${queue//./\\.}\$" >/dev/null
        # {username} is expanded by RabbitMQ to the login: only its own routing keys.
        ctl set_topic_permissions -p / "$login" wmo.partners "^${kind}\\.{username}\\." '^$' >/dev/null
        if (( ! broker_only )); then
            if [[ "$kind" == partner ]]; then
                # The desk declares the partner's queue (with its bindings) and lists it.
                "$ROOT/scripts/lib/front-desk.sh" register-partner --municipality "$municipality" --id "$id" --name "$name"
            else
                declare_queue
            fi
        fi
        echo "organisation $login ($kind) added"
        echo "  broker login:    $login"
        echo "  broker password: $password      (shown once: hand it over securely)"
        echo "  consume from:    $queue"
        echo "  publish to:      exchange wmo.partners, routing keys $kind.$login.<message>, user_id $login"
        ;;
    rebind)
        exists || die "no login $login"
        [[ "$kind" == partner ]] && die "a partner's queue is the desk's: scripts/lib/front-desk.sh register-partner"
        declare_queue
        echo "organisation $login ($kind): queue $queue bound to what the services send it"
        ;;
    rotate)
        exists || die "no login $login"
        password=$(generate)
        ctl change_password "$login" "$password" >/dev/null
        echo "organisation $login: new broker password: $password      (shown once; the old one no longer works)"
        ;;
    remove)
        exists || die "no login $login"
        ctl delete_user "$login" >/dev/null
        echo "organisation $login removed: it can no longer log in (its queue $queue is kept)"
        ;;
esac
