#!/usr/bin/env bash
# Install Debian's headless-capable Chromium for the evidence page test (tests/test_evidence.py
# opens evidence.html in it and takes a screenshot), idempotently.
#
# Checks first, so it needs root only when Chromium is missing. Silent on the happy path apart
# from apt's quiet output.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium.sh: Chromium for the tests is not installed, and installing it needs root:" >&2
    echo "  sudo bash tests/tools/install-chromium.sh   (then \`make test\` checks and goes on)" >&2
    exit 1
fi
# Another apt (e.g. an unattended upgrade) may hold the lock: wait for it rather than fail.
while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null; do sleep 3; done
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
