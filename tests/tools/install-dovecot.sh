#!/usr/bin/env bash
# Install Dovecot (IMAP only) for the test suite's throwaway servers, idempotently.
#
# - installs dovecot-imapd from Debian if `dovecot` is not on PATH;
# - makes sure the distribution's own Dovecot instance is not left running: the tests start
#   their own instances on free loopback ports and must not share /run/dovecot or 143/993;
# - creates the `vmail` system user the test servers' mail is owned by (Dovecot refuses uid 0).
#
# Runs as root (CI, developer machines). Silent on the happy path apart from apt's quiet output.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "install-dovecot.sh: must run as root" >&2
    exit 1
fi

export PATH="$PATH:/usr/sbin:/sbin"

if ! command -v dovecot >/dev/null 2>&1; then
    # Another apt (e.g. an unattended upgrade) may hold the lock: wait for it rather than fail.
    while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null; do sleep 3; done
    apt-get update -qq
    # policy-rc.d stops the maintainer scripts from starting the system service at all
    # (on machines without systemd, invoke-rc.d would otherwise start it via the init script).
    # (Removed again on exit, failed install included: left behind it would keep every
    # service on the machine from starting.)
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
fi

# Stop the system instance (the one of /etc/dovecot/dovecot.conf, base_dir /run/dovecot) if it
# runs anyway, e.g. started by the package on a machine with systemd. Only that instance: the
# test instances have their own config and base_dir, which none of the commands below touch.
system_pid() {
    local pid
    pid=$(cat /run/dovecot/master.pid 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    # Keep systemd from starting it again (socket activation, next boot).
    systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
fi
if pid=$(system_pid); then
    kill -TERM "$pid" 2>/dev/null || true  # what `doveadm stop` does, without parsing its config
    for _ in $(seq 1 50); do
        system_pid >/dev/null || break
        sleep 0.1
    done
    if pid=$(system_pid); then
        kill -KILL "$pid" 2>/dev/null || true
    fi
fi

if ! getent passwd vmail >/dev/null; then
    useradd -r -M -U -s /usr/sbin/nologin vmail
fi
