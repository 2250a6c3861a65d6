#!/usr/bin/env bash
# Installs what cdop needs that is missing, and nothing else. Safe to run again and again.
#   Debian packages: the C libraries cdop links (SQLite, libcurl), openssl for test certificates,
#                    chromium for the browser tests.
#   PyPI packages:   the real SMTP server the tests start, and the parsers that check its mail.
set -euo pipefail

debian_packages=(libsqlite3-dev libcurl4-openssl-dev pkg-config openssl)
python_modules=(aiosmtpd:aiosmtpd icalendar:icalendar holidays:holidays openapi_spec_validator:openapi-spec-validator)

missing=()
for package in "${debian_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "cdop needs these Debian packages: ${missing[*]}" >&2
        echo "Install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null; then
    echo "cdop's tests need python3 (Debian: apt-get install -y python3 python3-pip)" >&2
    exit 1
fi
for entry in "${python_modules[@]}"; do
    module=${entry%%:*}
    package=${entry#*:}
    if ! "$python" -c "import $module" 2>/dev/null; then
        echo "Installing PyPI package: $package"
        "$python" -m pip install --quiet "$package" 2>/dev/null \
            || "$python" -m pip install --quiet --break-system-packages "$package" \
            || { echo "Could not install $package with pip; install it and run again." >&2; exit 1; }
    fi
done
