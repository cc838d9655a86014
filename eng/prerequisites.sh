# Sourced by run.sh and test.sh: makes sure the machine has the server programs the AppHost runs as
# local processes. Installs missing Debian/Ubuntu packages when it can (root, or sudo without a
# password prompt); otherwise prints the exact command and stops.

require_packages() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
    command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
    for package in "$@"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            echo "Missing packages: ${missing[*]}. Install them with:" >&2
            echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi

    echo "Installing ${missing[*]} ..."
    # The AppHost runs these servers itself: keep the packages from starting system-wide services.
    local blocked_services=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
        $sudo chmod +x /usr/sbin/policy-rc.d
        blocked_services=yes
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [ -n "$blocked_services" ]; then
        $sudo rm -f /usr/sbin/policy-rc.d
    fi
}
