"""The test set-up must not touch a developer's own mail server: the installers never stop, disable
or reconfigure a system service, and they check what is installed before asking for root."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

TOOLS = Path(__file__).parent / "tools"
SCRIPTS = [TOOLS / "install-dovecot.sh", TOOLS / "install-cyrus.sh"]


def as_someone_else(command: list[str], env: dict[str, str] | None = None):
    """Run as nobody when the tests run as root (CI); as the current user otherwise."""
    prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] \
        if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, cwd="/")


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_no_installer_stops_disables_or_reconfigures_a_service(script):
    code = "\n".join(line for line in script.read_text().splitlines()
                     if not line.lstrip().startswith("#"))
    for forbidden in (r"\bsystemctl\b", r"\bservice\b", r"\binvoke-rc\.d\b", r"\bupdate-rc\.d\b",
                      r"\bkill\b", r"\bpkill\b", r"\bdoveadm\s+(stop|reload)", r"master\.pid", r"/etc/dovecot",
                      r"/etc/cyrus", r"/etc/imapd"):
        assert not re.search(forbidden, code), f"{script.name} uses {forbidden}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_an_installed_set_up_passes_without_root(script):
    # The suite's own servers run here, so everything is installed: the check alone must pass.
    done = as_someone_else(["bash", str(script)])
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""


def test_without_root_a_missing_piece_says_so_instead_of_installing(tmp_path):
    done = as_someone_else(["bash", str(TOOLS / "install-cyrus.sh")],
                           env={"OT_CYRUS_DIR": str(tmp_path / "nothing-here")})
    assert done.returncode == 1
    assert "installing it needs root" in done.stderr and "sudo bash tests/tools/install-cyrus.sh" in done.stderr
