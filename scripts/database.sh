#!/usr/bin/env bash
# Usage: [WMO_INSTANCE=dev|test] [WMO_PG_FAST=1] scripts/database.sh start|stop|restart|status|reset|psql [psql args]
#   A private PostgreSQL cluster for this repository, listening on 127.0.0.1 only.
#   start    initdb when needed, start, then create database wmo and the service roles/schemas
#   stop     fast shutdown (data kept)
#   restart  stop + start, keeping data
#   status   exit 0 when running
#   reset    stop it and delete its data
#   psql     open psql on database wmo as postgres (extra arguments go to psql)
#   WMO_PG_FAST=1 (test instance only) turns off fsync and synchronous commit: quicker tests,
#   but never for benchmarks or data you care about.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/instance.sh"

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

DIR="$WMO_RUN/pg"
# As root the server runs as the postgres user, who must reach its folder. A checkout under a
# directory that user cannot traverse (root's home is 0700) keeps the cluster in /var/tmp
# instead, named after the checkout, with .run/<instance>/pg pointing there.
if (( EUID == 0 )) && [[ ! -L "$DIR" ]] && ! (cd / && runuser -u postgres -- test -x "$WMO_ROOT"); then
    DIR="/var/tmp/wmo-pg-$(echo -n "$WMO_ROOT" | md5sum | cut -c1-8)-$WMO_INSTANCE"
elif [[ -L "$DIR" ]]; then
    DIR="$(readlink "$DIR")"
fi
DATA_DIR="$DIR/data"
LOG_FILE="$DIR/postgresql.log"
SOCK_DIR="$DIR/sock"
# Unix socket paths are limited to 107 bytes: fall back to /tmp for deep checkouts.
if (( ${#SOCK_DIR} > 90 )); then
    SOCK_DIR="/tmp/wmo-pg-$(echo -n "$WMO_ROOT" | md5sum | cut -c1-8)-$WMO_INSTANCE"
fi

log() { echo "database[$WMO_INSTANCE]: $*"; }
die() { echo "database[$WMO_INSTANCE]: $*" >&2; exit 1; }

# The newest installed PostgreSQL (Debian keeps each major under /usr/lib/postgresql/N/bin).
PG_BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && PG_BIN="$d"
done

# initdb and postgres refuse to run as root: as root, run them as the postgres user
# (from / so it never trips over a working directory it cannot read).
as_pg() {
    if (( EUID == 0 )); then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

psql_admin() {
    # Clear libpq variables a developer's shell may carry; they would redirect us.
    env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGPASSWORD -u PGSERVICE \
        PGOPTIONS='-c client_min_messages=warning' \
        "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$WMO_PG_PORT" -U postgres "$@"
}

postmaster_pid() { [[ -f "$DATA_DIR/postmaster.pid" ]] && head -n 1 "$DATA_DIR/postmaster.pid" 2>/dev/null || true; }

# Running = the PID in postmaster.pid is alive and is a postgres serving our data directory
# (a stale file whose PID got reused does not count).
running() { wmo_pid_matches "$(postmaster_pid)" "$DATA_DIR"; }

prepare_dirs() {
    # postgres must be able to reach its folder through .run and .run/<instance>.
    mkdir -p "$DIR" "$SOCK_DIR" "$WMO_RUN"
    chmod 755 "$WMO_RUN_BASE" "$WMO_RUN"
    if [[ "$DIR" != "$WMO_RUN/pg" && ! -e "$WMO_RUN/pg" ]]; then
        ln -s "$DIR" "$WMO_RUN/pg"
    fi
    if (( EUID == 0 )); then
        chown postgres:postgres "$DIR" "$SOCK_DIR"
    fi
    chmod 700 "$DIR"
}

init_cluster() {
    [[ -s "$DATA_DIR/PG_VERSION" ]] && return 0
    rm -rf "$DATA_DIR"
    local t0
    t0=$(wmo_now)
    as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 ||
        { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    log "initdb in $(wmo_since "$t0") s"
}

# Database wmo, and per service two roles and a schema: <service>_owner owns the schema and
# runs the migrations; <service> (the runtime role) gets rows only (granted by the migrations),
# so a running service cannot change structure or switch off the access log's trigger.
# Idempotent: runs on every start, and moves what an older layout let the runtime role own.
provision() {
    if [[ -z "$(psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'wmo'")" ]]; then
        psql_admin -d postgres -c 'CREATE DATABASE wmo'
    fi
    local roles
    roles=$(printf "'%s'," "${WMO_DB_ROLES[@]}")
    # Passwords equal the role names: for this private, loopback-only dev/test cluster only
    # (pg_hba uses trust here anyway). The container database takes real passwords.
    psql_admin -d wmo <<SQL
DO \$\$
DECLARE r text; o text;
BEGIN
    FOREACH r IN ARRAY ARRAY[${roles%,}] LOOP
        o := r || '_owner';
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', r, r);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = o) THEN
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', o, o);
        END IF;
        EXECUTE format('REASSIGN OWNED BY %I TO %I', r, o);
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', r, o);
    END LOOP;
END
\$\$;
-- Each service works in its own schema (found first through search_path "\$user").
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
}

start() {
    [[ -n "$PG_BIN" ]] || die "no PostgreSQL under /usr/lib/postgresql: run scripts/install-deps.sh"
    if running; then
        log "already running (pid $(postmaster_pid), 127.0.0.1:$WMO_PG_PORT)"
        provision
        return 0
    fi
    wmo_port_busy "$WMO_PG_PORT" && die "port $WMO_PG_PORT is already in use on 127.0.0.1"
    prepare_dirs
    init_cluster
    # Lock files left by a crash (their PID may even still exist as an unreaped zombie)
    # would make postgres refuse to start; ours is not running and the port is free.
    rm -f "$DATA_DIR/postmaster.pid" "$SOCK_DIR/.s.PGSQL.$WMO_PG_PORT" "$SOCK_DIR/.s.PGSQL.$WMO_PG_PORT.lock"

    local opts="-p $WMO_PG_PORT -k $SOCK_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [[ "$WMO_INSTANCE" == test && "${WMO_PG_FAST:-0}" == 1 ]]; then
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        log "WMO_PG_FAST=1: fsync and synchronous_commit off (not for benchmarks)"
    fi
    local t0
    t0=$(wmo_now)
    if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 -o "$opts" start >/dev/null; then
        tail -n 20 "$LOG_FILE" >&2 || true
        die "did not start (log $LOG_FILE)"
    fi
    local started
    started=$(wmo_since "$t0")
    provision
    log "ready on postgresql://127.0.0.1:$WMO_PG_PORT/wmo (pid $(postmaster_pid)) in $started s" \
        "(+ provisioning, $(wmo_since "$t0") s in all)"
}

stop() {
    if ! running; then
        [[ -f "$DATA_DIR/postmaster.pid" ]] && rm -f "$DATA_DIR/postmaster.pid"
        log "not running"
        return 0
    fi
    local t0
    t0=$(wmo_now)
    as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m fast -w -t 60 stop >/dev/null
    log "stopped in $(wmo_since "$t0") s"
}

status() {
    if running; then
        log "running (pid $(postmaster_pid), 127.0.0.1:$WMO_PG_PORT)"
        return 0
    fi
    log "not running"
    return 3
}

reset() {
    stop
    rm -rf "$DATA_DIR"
    log "data deleted ($DATA_DIR)"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
    status) status ;;
    reset) reset ;;
    psql)
        shift
        running || die "not running"
        exec env -u PGHOST -u PGPORT -u PGUSER -u PGDATABASE -u PGPASSWORD -u PGSERVICE \
            "$PG_BIN/psql" -h 127.0.0.1 -p "$WMO_PG_PORT" -U postgres -d wmo "$@"
        ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
esac
