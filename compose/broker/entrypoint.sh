#!/bin/sh
# Writes rabbitmq.conf from the environment, then runs the broker in the foreground
# (the rabbitmq-server script turns SIGTERM into a clean shutdown).
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

exec /usr/lib/rabbitmq/bin/rabbitmq-server
