#!/usr/bin/env bash
# Usage: compose/build.sh [--local-base] [--setup-podman] [--skip-swift] [--engine podman|docker]
#   Builds the container images of the system:
#   1. the five services with `swift build -c release --static-swift-stdlib` on this machine
#      (scratch path .build-static, so the dev/test builds in .build stay untouched), copied
#      with their resource bundles to compose/bin/<service>/;
#   2. the images localhost/wmo-{broker,database,front-desk,indication,referral-index,
#      matching,citizen-panel}:latest with podman (preferred) or docker.
#   --local-base    no registry here: build localhost/debian:bookworm with debootstrap from the
#                   Debian mirror apt uses, and use it as BASE_IMAGE
#   --setup-podman  install podman, runc, debootstrap and podman-compose, and configure runc
#                   and ulimits in /etc/containers/containers.conf when that file is absent
#   --skip-swift    reuse the binaries already in compose/bin
#   BASE_IMAGE (env) overrides the base image (default debian:bookworm-slim).
set -euo pipefail

COMPOSE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$COMPOSE_DIR")"
SERVICES=(front-desk indication referral-index matching citizen-panel)
SCRATCH="${WMO_STATIC_SCRATCH_PATH:-$ROOT/.build-static}"
LOCAL_BASE_IMAGE=localhost/debian:bookworm

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "compose/build.sh: $*" >&2; exit 1; }
T0=$(date +%s)
say() { echo "==> [$(( $(date +%s) - T0 )) s] $*"; }

local_base=0 setup_podman=0 skip_swift=0 engine=""
while (( $# )); do
    case "$1" in
        --local-base) local_base=1 ;;
        --setup-podman) setup_podman=1 ;;
        --skip-swift) skip_swift=1 ;;
        --engine) engine="${2:-}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

export DEBIAN_FRONTEND=noninteractive
installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }
apt_install_missing() {
    local missing=() p
    for p in "$@"; do installed "$p" || missing+=("$p"); done
    (( ${#missing[@]} )) || return 0
    (( EUID == 0 )) || die "need root to install ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if (( setup_podman )); then
    say "podman setup"
    apt_install_missing podman runc debootstrap
    command -v podman-compose >/dev/null ||
        python3 -m pip install --quiet --disable-pip-version-check podman-compose
    # crun fails on these machines (setrlimit, cgroups in hybrid mode): runc + explicit ulimits.
    if [[ ! -e /etc/containers/containers.conf ]]; then
        mkdir -p /etc/containers
        cat >/etc/containers/containers.conf <<'CONF'
# Written by compose/build.sh --setup-podman: crun fails on these machines.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=20000:20000"]

[engine]
runtime = "runc"
CONF
        say "wrote /etc/containers/containers.conf (runc, ulimits)"
    elif ! grep -q 'runtime *= *"runc"' /etc/containers/containers.conf; then
        echo "note: /etc/containers/containers.conf exists; if containers fail to start, set" \
            '[engine] runtime = "runc" and [containers] default_ulimits there' >&2
    fi
fi

if [[ -z "$engine" ]]; then
    if command -v podman >/dev/null; then
        engine=podman
    elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
        engine=docker
    else
        die "neither podman nor a working docker found (try --setup-podman)"
    fi
fi
command -v "$engine" >/dev/null || die "$engine not found"
say "container engine: $engine"

# The first bookworm (not -updates/-security) mirror in apt's sources, deb822 or one-line.
debian_mirror() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        awk 'BEGIN { RS = ""; FS = "\n" }
             {
               uri = ""; suites = ""; types = ""; enabled = "yes"
               for (i = 1; i <= NF; i++) {
                 if ($i ~ /^#/) continue
                 if ($i ~ /^URIs:/)    { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); uri = u[1] }
                 if ($i ~ /^Suites:/)  { suites = " " $i " " }
                 if ($i ~ /^Types:/)   { types = " " $i " " }
                 if ($i ~ /^Enabled:/) { enabled = tolower($i); sub(/^enabled:[ \t]*/, "", enabled) }
               }
               if (uri != "" && enabled != "no" && types ~ / deb / && suites ~ /[ \t]bookworm[ \t]/) { print uri; exit }
             }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        awk '$1 == "deb" {
               i = 2
               if ($i ~ /^\[/) { while ($i !~ /\]$/ && i < NF) i++; i++ }
               if ($(i + 1) == "bookworm") { print $i; exit }
             }' "$f"
    done
}

if (( local_base )); then
    export BASE_IMAGE="$LOCAL_BASE_IMAGE"
    if "$engine" image inspect "$LOCAL_BASE_IMAGE" >/dev/null 2>&1; then
        say "base image $LOCAL_BASE_IMAGE exists"
    else
        say "base image $LOCAL_BASE_IMAGE (debootstrap)"
        (( EUID == 0 )) || die "debootstrap needs root"
        apt_install_missing debootstrap
        mirror="${DEBIAN_MIRROR:-$(debian_mirror | head -n 1)}"
        [[ -n "$mirror" ]] || die "no bookworm mirror in the apt sources; set DEBIAN_MIRROR"
        say "mirror $mirror"
        rootfs=$(mktemp -d /tmp/wmo-rootfs.XXXXXX)
        trap 'rm -rf "$rootfs"' EXIT
        debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/wmo-debootstrap.log 2>&1 ||
            { tail -n 20 /tmp/wmo-debootstrap.log >&2; die "debootstrap failed (log /tmp/wmo-debootstrap.log)"; }
        tar -C "$rootfs" -c . | "$engine" import - "$LOCAL_BASE_IMAGE" >/dev/null
        rm -rf "$rootfs"
        trap - EXIT
    fi
fi
BASE_IMAGE="${BASE_IMAGE:-debian:bookworm-slim}"
say "base image: $BASE_IMAGE"

if (( ! skip_swift )); then
    say "swift build -c release --static-swift-stdlib ($SCRATCH)"
    cd "$ROOT"
    for s in "${SERVICES[@]}"; do
        swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product "$s"
    done
    bin_dir=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path)
    rm -rf "$COMPOSE_DIR/bin"
    for s in "${SERVICES[@]}"; do
        mkdir -p "$COMPOSE_DIR/bin/$s"
        cp "$bin_dir/$s" "$COMPOSE_DIR/bin/$s/service"
        # Bundle.module finds <package>_<target>.resources next to the executable.
        for r in "$bin_dir"/*.resources; do
            if [[ -e "$r" ]]; then cp -R "$r" "$COMPOSE_DIR/bin/$s/"; fi
        done
        libs=$(ldd "$COMPOSE_DIR/bin/$s/service" 2>/dev/null || true)
        if [[ "$libs" == *libswift* || "$libs" == *libFoundation* ]]; then
            die "$s still links Swift libraries dynamically"
        fi
    done
    say "binaries in $COMPOSE_DIR/bin"
fi
for s in "${SERVICES[@]}"; do
    [[ -x "$COMPOSE_DIR/bin/$s/service" ]] || die "compose/bin/$s/service missing (run without --skip-swift)"
done

# podman writes OCI images by default, which drop HEALTHCHECK: ask for the docker format.
fmt=()
[[ "$engine" == podman ]] && fmt=(--format docker)

build_image() {
    local tag="$1" file="$2"; shift 2
    say "image $tag"
    "$engine" build ${fmt[@]+"${fmt[@]}"} -f "$COMPOSE_DIR/$file" --build-arg BASE_IMAGE="$BASE_IMAGE" \
        "$@" -t "$tag" "$COMPOSE_DIR"
}
build_image localhost/wmo-broker:latest Dockerfile.broker
build_image localhost/wmo-database:latest Dockerfile.database
for s in "${SERVICES[@]}"; do
    build_image "localhost/wmo-$s:latest" Dockerfile.service --build-arg SERVICE="$s"
done

say "done. Start with:"
if [[ "$engine" == podman ]]; then
    echo "    podman-compose -f compose/compose.yaml up -d"
else
    echo "    docker compose -f compose/compose.yaml up -d"
fi
echo "    (then http://127.0.0.1:8080/ ; see compose/README.md)"
