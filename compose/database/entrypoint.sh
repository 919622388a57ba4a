#!/bin/bash
# First start: initdb, then database wmo and the five service roles and schemas.
# Every start: run postgres in the foreground on all container addresses.
set -euo pipefail

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
SOCK=/run/postgresql
ROLES=(frontdesk indication referralindex matching citizenpanel)

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    echo "wmo-database: initialising $PGDATA"
    # Local socket: trust (only processes inside this container); network: passwords.
    initdb -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256
    cat >>"$PGDATA/pg_hba.conf" <<'HBA'
# Other containers on the compose network.
host    all    all    0.0.0.0/0    scram-sha-256
host    all    all    ::/0         scram-sha-256
HBA
    # Provision without listening on the network, so nobody connects half-way.
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $SOCK" start
    psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -U postgres)
    "${psql[@]}" -d postgres -c 'CREATE DATABASE wmo'
    # Per service: <role>_owner owns the schema and migrates; <role> gets rows only.
    for role in "${ROLES[@]}"; do
        var="WMO_DB_PASSWORD_${role^^}"
        owner_var="WMO_DB_OWNER_PASSWORD_${role^^}"
        "${psql[@]}" -d wmo -v r="$role" -v p="${!var:-$role}" -v o="${role}_owner" \
            -v op="${!owner_var:-${role}_owner}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'r', :'p')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'r') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'o', :'op')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'o') \gexec
CREATE SCHEMA IF NOT EXISTS :"r" AUTHORIZATION :"o";
SQL
    done
    "${psql[@]}" -d wmo -c 'REVOKE ALL ON SCHEMA public FROM PUBLIC'
    # The superuser gets a network password only when one is given.
    if [[ -n "${POSTGRES_PASSWORD:-}" ]]; then
        "${psql[@]}" -d postgres -v p="$POSTGRES_PASSWORD" <<'SQL'
SELECT format('ALTER ROLE postgres PASSWORD %L', :'p') \gexec
SQL
    fi
    pg_ctl -D "$PGDATA" -m fast -w stop
    echo "wmo-database: initialised"
fi

exec postgres -D "$PGDATA" -k "$SOCK" -c 'listen_addresses=*' -c max_connections=200
