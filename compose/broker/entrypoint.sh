#!/bin/sh
# Writes rabbitmq.conf from the environment, starts the broker, gives each service its own
# login (WMO_BROKER_PASSWORD_<SERVICE>), loads the definitions (exchanges, the unroutable
# queue, policies, the services' permissions: /etc/rabbitmq/definitions.json, the same file
# scripts/broker.sh loads) and then waits on the broker; SIGTERM stops it cleanly.
set -eu

user="${WMO_BROKER_USER:-wmo}"
pass="${WMO_BROKER_PASSWORD:-wmo}"
# rabbitmq.conf values are not quoted: keep credentials to letters, digits, - and _.
case "$user$pass" in
    *[!A-Za-z0-9_-]*) echo "WMO_BROKER_USER/WMO_BROKER_PASSWORD: use only A-Z a-z 0-9 _ -" >&2; exit 64 ;;
esac

cat >/etc/rabbitmq/rabbitmq.conf <<CONF
# Written by wmo-broker-entrypoint at every start.
listeners.tcp.default = 5672
# Clients connect from other containers, never from loopback.
loopback_users = none
# The default user is created only when the data volume is new.
default_user = $user
default_pass = $pass
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
management.tcp.port = 15672
log.console = true
log.console.level = info
log.file = false
CONF

/usr/lib/rabbitmq/bin/rabbitmq-server &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"; exit 0' TERM INT
ctl=/usr/lib/rabbitmq/bin/rabbitmqctl
"$ctl" -q wait --timeout 120 "$RABBITMQ_MNESIA_BASE/rabbit@localhost.pid" >/dev/null 2>&1 || "$ctl" -q await_startup
"$ctl" -q await_startup
for service in frontdesk indication referralindex matching citizenpanel; do
    var="WMO_BROKER_PASSWORD_$(echo "$service" | tr a-z A-Z)"
    eval "password=\${$var:-$service}"
    if ! "$ctl" -q list_users --silent | cut -f1 | grep -qx "$service"; then
        "$ctl" -q add_user "$service" "$password" >/dev/null
    else
        "$ctl" -q change_password "$service" "$password" >/dev/null   # a changed variable takes effect
    fi
done
"$ctl" -q import_definitions /etc/rabbitmq/definitions.json
echo "wmo-broker: definitions loaded, service logins in place"
wait "$server"
