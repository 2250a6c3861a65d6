#!/usr/bin/env bash
# Installs what cdop needs that is missing, and nothing else. Safe to run again and again.
#   Debian packages: the C libraries cdop links (SQLite, libcurl), openssl for test certificates,
#                    chromium, its driver and fonts for the browser tests, wrk for `cdop-bench http`,
#                    poppler-utils (pdftotext, pdftoppm) to read the annual report chromium prints to PDF.
#                    nginx to check Deploy/nginx (Deploy's systemd check runs where systemd-analyze is).
#                    postgresql: the tests start a throwaway cluster of their own (initdb, pg_ctl) for the
#                    PostgreSQL engine; no service is used.
#   PyPI packages:   the real SMTP server the tests start, the parsers that check its mail, selenium for the
#                    browser journey, and a current axe-core script (see below).
set -euo pipefail

debian_packages=(libsqlite3-dev libcurl4-openssl-dev pkg-config openssl chromium chromium-driver fonts-liberation wrk
    poppler-utils nginx postgresql)
python_modules=(aiosmtpd:aiosmtpd icalendar:icalendar holidays:holidays selenium:selenium
    openapi_spec_validator:openapi-spec-validator jsonschema:jsonschema)
# Packages wanted only for a file they ship, installed without their dependencies: axe-playwright-python
# carries axe-core 4.12 (WCAG 2.2 rules), which Tests/Browser injects through selenium. axe-selenium-python
# ships axe-core 3.1 below version 3.0.0, and 3.0.0 needs Python 3.12 (Debian 12 has 3.11).
file_packages=(axe_playwright_python:axe-playwright-python)

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
# pip_install PACKAGE [PIP OPTIONS...]: installs one PyPI package (past Debian's externally-managed guard).
pip_install() {
    local package=$1
    shift
    "$python" -m pip install --quiet "$@" "$package" 2>/dev/null \
        || "$python" -m pip install --quiet --break-system-packages "$@" "$package" \
        || { echo "Could not install $package with pip; install it and run again." >&2; exit 1; }
}

for entry in "${python_modules[@]}"; do
    module=${entry%%:*}
    package=${entry#*:}
    if ! "$python" -c "import $module" 2>/dev/null; then
        echo "Installing PyPI package: $package"
        pip_install "$package"
    fi
done
for entry in "${file_packages[@]}"; do
    module=${entry%%:*}
    package=${entry#*:}
    if ! "$python" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$module') is None)" 2>/dev/null; then
        echo "Installing PyPI package: $package (without its dependencies)"
        pip_install "$package" --no-deps
    fi
done
