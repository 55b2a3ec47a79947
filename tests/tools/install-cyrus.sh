#!/usr/bin/env bash
# Install Cyrus IMAP for the test suite's throwaway second server (tests/cyrus_server.py),
# idempotently, next to Dovecot and without touching either's system service.
#
# `apt-get install cyrus-imapd` would REMOVE Dovecot (cyrus-imapd conflicts with dovecot-imapd).
# So: the cyrus-common package (master, libraries, the cyrus user) from apt, and the imapd
# binary unpacked from the cyrus-imapd package into a folder of its own ($CYRUS_DIR), which
# dpkg does not know about. Nothing is started: the tests run master with their own config.
#
# Checks first, so it needs root only when something is missing (the apt-get steps).
set -euo pipefail

CYRUS_DIR=${OT_CYRUS_DIR:-/usr/local/lib/objection-tracker-tests/cyrus-imapd}
IMAPD=$CYRUS_DIR/usr/lib/cyrus/bin/imapd
export PATH="$PATH:/usr/sbin:/sbin"

installed() {
    [ -x /usr/lib/cyrus/bin/master ] && [ -x "$IMAPD" ] && command -v db5.3_load >/dev/null 2>&1 \
        || return 1
    # Only root's test servers run as cyrus:mail; anyone else's run as that user (rootless).
    [ "$(id -u)" -ne 0 ] || { getent passwd cyrus >/dev/null && getent group mail >/dev/null; }
}
if installed; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-cyrus.sh: Cyrus for the tests is not installed, and installing it needs root:" >&2
    echo "  sudo bash tests/tools/install-cyrus.sh   (then the tests run as you)" >&2
    exit 1
fi

# Another apt or dpkg (an unattended upgrade, another installer) may hold the lock: wait for it.
wait_for_dpkg() {
    while pgrep -x apt-get >/dev/null || pgrep -x apt >/dev/null || pgrep -x dpkg >/dev/null; do
        sleep 3
    done
}

# Same Debian release as the installed cyrus-common, so imapd matches its libraries.
if ! apt-cache policy cyrus-imapd 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    wait_for_dpkg
    apt-get update -qq
fi

if [ ! -x /usr/lib/cyrus/bin/master ] || ! command -v db5.3_load >/dev/null 2>&1; then
    wait_for_dpkg
    # policy-rc.d keeps the package's maintainer scripts from starting Cyrus' system service
    # (removed again on exit, failed install included). A policy-rc.d already there is left alone.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        cyrus-common db5.3-util >/dev/null
fi

if [ ! -x "$IMAPD" ]; then
    version=$(dpkg-query -W -f='${Version}' cyrus-common)
    download=$(mktemp -d)
    chmod 0755 "$download"  # apt's _apt user writes the download there
    (cd "$download" && apt-get download -qq "cyrus-imapd=$version" >/dev/null 2>&1 \
        || apt-get download -qq cyrus-imapd >/dev/null)
    mkdir -p "$CYRUS_DIR"
    dpkg-deb -x "$download"/cyrus-imapd_*.deb "$CYRUS_DIR"
    rm -rf "$download"
    chmod -R a+rX "$CYRUS_DIR"
fi

installed || { echo "install-cyrus.sh: Cyrus is still incomplete after installing" >&2; exit 1; }
