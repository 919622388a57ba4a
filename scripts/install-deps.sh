#!/usr/bin/env bash
# Usage: scripts/install-deps.sh [--browser] [--python]
#   Installs the system packages the build, the tests and the private broker/database need,
#   only those missing. --browser adds chromium and chromium-driver (headless page tests, with
#   Selenium); --python adds the pika and schemathesis Python packages.
set -euo pipefail

usage() { sed -n '2,5p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

want_browser=0 want_python=0
for arg in "$@"; do
    case "$arg" in
        --browser) want_browser=1 ;;
        --python) want_python=1 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

# CI runs as root without a TTY: never let apt or debconf ask anything.
export DEBIAN_FRONTEND=noninteractive

# As non-root, go through sudo (if there is one) for apt only.
SUDO=()
if (( EUID != 0 )); then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo for apt-get" >&2; exit 1; }
    SUDO=(sudo env DEBIAN_FRONTEND=noninteractive)
fi

packages=(rabbitmq-server librabbitmq-dev amqp-tools postgresql libpq-dev pkg-config curl)
(( want_browser )) && packages+=(chromium chromium-driver)

installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done

apt_updated=0
apt_install() {
    # One apt-get update per run, and only when something has to be installed.
    if (( ! apt_updated )); then
        "${SUDO[@]}" apt-get update -qq
        apt_updated=1
    fi
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@"
}

if (( ${#missing[@]} )); then
    echo "install-deps: installing ${missing[*]}"
    apt_install "${missing[@]}"
else
    echo "install-deps: system packages present"
fi

if (( want_python )); then
    if python3 -c 'import pika, schemathesis' 2>/dev/null; then
        echo "install-deps: pika and schemathesis present"
    else
        command -v python3 >/dev/null || apt_install python3
        python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
        echo "install-deps: pip install pika schemathesis"
        pip_args=(install --quiet --disable-pip-version-check --no-input pika schemathesis)
        # Debian's own python3 refuses global installs (PEP 668); pyenv/venv pythons do not.
        if ! python3 -m pip "${pip_args[@]}" 2>/tmp/wmo-pip.err.$$; then
            if grep -q externally-managed /tmp/wmo-pip.err.$$; then
                python3 -m pip "${pip_args[@]}" --break-system-packages
            else
                cat /tmp/wmo-pip.err.$$ >&2; rm -f /tmp/wmo-pip.err.$$; exit 1
            fi
        fi
        rm -f /tmp/wmo-pip.err.$$
    fi
fi
