#!/usr/bin/env bash
# Install Dovecot (IMAP only) for the test suite's throwaway servers, idempotently.
#
# - installs dovecot-imapd from Debian if `dovecot` is not on PATH;
# - creates the `vmail` system user the test servers' mail is owned by when the tests run as
#   root (Dovecot refuses uid 0). Run as anyone else, the tests' Dovecot runs entirely as that
#   user ("rootless") and needs no system user: then only the binaries are checked.
#
# It never stops, disables or reconfigures a system service: the tests start their own Dovecot
# from its binary, with their own config, base_dir and free loopback ports, so a Dovecot the
# machine already runs (a contributor's own mail server) is left as it is, running or not.
#
# Checks first, so it needs root only when something is missing (the apt-get install and the
# user). Silent on the happy path apart from apt's quiet output.
set -euo pipefail

export PATH="$PATH:/usr/sbin:/sbin"

installed() {
    command -v dovecot >/dev/null 2>&1 && command -v doveadm >/dev/null 2>&1 || return 1
    # Only root's test servers hand the mail to vmail and the auth process to group dovecot.
    [ "$(id -u)" -ne 0 ] || { getent group dovecot >/dev/null && getent passwd vmail >/dev/null; }
}
if installed; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-dovecot.sh: Dovecot for the tests is not installed, and installing it needs root:" >&2
    echo "  sudo bash tests/tools/install-dovecot.sh   (then \`make test\` checks and goes on)" >&2
    exit 1
fi

if ! command -v dovecot >/dev/null 2>&1; then
    # Another apt (e.g. an unattended upgrade) may hold the lock: wait for it rather than fail.
    while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null; do sleep 3; done
    apt-get update -qq
    # policy-rc.d keeps the maintainer scripts from starting the new package's system service
    # (removed again on exit, failed install included: left behind it would keep every service
    # on the machine from starting). A policy-rc.d already there is left alone.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
fi

if ! getent passwd vmail >/dev/null; then
    useradd -r -M -U -s /usr/sbin/nologin vmail
fi
