#!/bin/sh
# Install the servers the test suite starts itself (tests/servers.py): PostgreSQL and redis-server.
# For a fresh Debian/Ubuntu machine, run as root. Idempotent: does nothing when both are present.
# Quiet: prints one line on success, the apt log on failure.
set -eu

packages=""
# tests/servers.py looks for Debian's versioned layout first, then pg_ctl on PATH.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    packages="$packages postgresql"
fi
if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
    packages="$packages redis-server"
fi

if [ -z "$packages" ]; then
    echo "install-services: postgresql and redis-server already present"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "install-services: need root to install:$packages" >&2
    exit 1
fi

log=$(mktemp /tmp/install-services.XXXXXX)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086  # $packages is a space-separated list on purpose
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends $packages; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-services: apt-get failed installing:$packages" >&2
    exit 1
fi
echo "install-services: installed$packages"
