"""The test servers run without root: started by an ordinary user, Dovecot and Cyrus run as that
user (tests/imap_server.py RunAs, tests/cyrus_server.py run_as). CI runs as root, so these tests
build the rootless configurations for another, non-root user (nobody) and, for Dovecot, start it
as that user and log in; run as an ordinary user the whole suite is the proof."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient

from tests import cyrus_server
from tests.imap_server import (
    DovecotServer,
    RunAs,
    _greets,
    _terminate,
    dovecot_binary,
    find_free_port,
)

NOBODY = pwd.getpwnam("nobody")


def settings(conf: str) -> dict[str, str]:
    """Top-level ``key = value`` lines of a Dovecot config (the blocks' insides left out)."""
    found: dict[str, str] = {}
    depth = 0
    for line in conf.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.endswith("{"):
            depth += 1
        elif line == "}":
            depth -= 1
        elif depth == 0 and "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            found[key] = value
    return found


@pytest.fixture
def folder() -> Iterator[Path]:
    # Outside pytest's 0700 temp folders: a server running as nobody must reach its files.
    path = Path(tempfile.mkdtemp(prefix="ot-rootless-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def dovecot_for(folder: Path, run_as: RunAs) -> DovecotServer:
    server = DovecotServer(folder / "imap", users={"alice": "secret"})
    server.port = find_free_port()
    server._base_dir = folder / "run"  # start() would make one under /tmp
    server._base_dir.mkdir(mode=0o755)
    server.conf_path.write_text(server.render_config(run_as), encoding="utf-8")
    return server


def doveconf(server: DovecotServer, setting: str) -> str:
    done = subprocess.run(["doveconf", "-c", str(server.conf_path), "-h", setting],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_a_user_is_rootless_and_root_is_not() -> None:
    run_as = RunAs.user_of(NOBODY.pw_uid, NOBODY.pw_gid)
    assert run_as == RunAs(True, NOBODY.pw_uid, NOBODY.pw_gid, "nobody", "nogroup")
    with pytest.raises(ValueError):
        RunAs.user_of(0, 0)
    if os.geteuid() == 0:
        assert RunAs.current().user == "vmail" and not RunAs.current().rootless
    else:
        assert RunAs.current() == RunAs.user_of(os.geteuid(), os.getegid())


def test_dovecot_rootless_config_names_the_user_everywhere(folder: Path) -> None:
    server = dovecot_for(folder, RunAs.user_of(NOBODY.pw_uid, NOBODY.pw_gid))
    conf = server.conf_path.read_text()
    uid, gid = str(NOBODY.pw_uid), str(NOBODY.pw_gid)
    top = settings(conf)
    assert (top["default_internal_user"], top["default_internal_group"],
            top["default_login_user"]) == ("nobody", "nogroup", "nobody")
    assert (top["mail_uid"], top["mail_gid"], top["first_valid_uid"], top["last_valid_uid"],
            top["first_valid_gid"]) == (uid, gid, uid, uid, gid)
    assert f"args = uid={uid} gid={gid} home=" in conf
    assert "vmail" not in "\n".join(line.split("#", 1)[0] for line in conf.splitlines())
    # Dovecot itself reads it so (its parser, not ours).
    assert doveconf(server, "default_internal_user") == "nobody"
    assert doveconf(server, "default_login_user") == "nobody"
    assert doveconf(server, "base_dir") == str(folder / "run")
    assert doveconf(server, "service/imap-login/chroot") == ""


def test_dovecot_as_root_keeps_its_own_users(folder: Path) -> None:
    server = dovecot_for(folder, RunAs(False, 4321, 4322, "vmail", "vmail"))
    top = settings(server.conf_path.read_text())
    assert "default_internal_user" not in top and "default_login_user" not in top
    assert doveconf(server, "default_internal_user") == "dovecot"
    assert doveconf(server, "default_login_user") == "dovenull"
    assert (top["mail_uid"], top["mail_gid"]) == ("4321", "4322")


def test_dovecot_runs_and_serves_mail_as_an_ordinary_user(folder: Path) -> None:
    if os.geteuid() != 0:
        # Not root: the harness itself is rootless, and so is every Dovecot the suite starts.
        with DovecotServer(folder / "self", users={"alice": "secret"}) as server:
            server.append("alice", "INBOX", b"Subject: hi\r\n\r\nhello\r\n", meta_signed=False)
            assert list(server.flags("alice", "INBOX")) == [1]
            assert server.log_errors() == []
        return
    # Root (CI): start the rootless config as nobody, with nobody's files, and use it.
    server = dovecot_for(folder, RunAs.user_of(NOBODY.pw_uid, NOBODY.pw_gid))
    for sub in ("state", "passwd.d", "mail", "home"):
        (server.data_dir / sub).mkdir(exist_ok=True)
    server._write_passwd("alice")
    for path in [folder, *folder.rglob("*")]:
        os.lchown(path, NOBODY.pw_uid, NOBODY.pw_gid)
    proc = subprocess.Popen(
        ["setpriv", f"--reuid={NOBODY.pw_uid}", f"--regid={NOBODY.pw_gid}", "--clear-groups",
         str(dovecot_binary()), "-F", "-c", str(server.conf_path)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while not _greets("127.0.0.1", server.port, tls=False):
            assert proc.poll() is None and time.monotonic() < deadline, server.log()
            time.sleep(0.05)
        with IMAPClient("127.0.0.1", server.port, ssl=False, timeout=15) as imap:
            imap.plain_login("alice", "secret")
            imap.append("INBOX", b"Subject: hi\r\n\r\nhello\r\n")
            imap.select_folder("INBOX", readonly=True)
            assert imap.search("ALL") == [1]
            imap.logout()
    finally:
        _terminate(proc)
    mails = list((server.mail_root / "alice").rglob("*,S=*"))
    assert mails and all(path.stat().st_uid == NOBODY.pw_uid for path in mails)
    assert [line for line in server.log().splitlines() if ": Error: " in line
            or ": Fatal: " in line] == []


def test_cyrus_rootless_config_names_the_user(folder: Path) -> None:
    assert cyrus_server.run_as(0, 0) == ("cyrus", "mail", False)
    user, group, rootless = cyrus_server.run_as(NOBODY.pw_uid, NOBODY.pw_gid)
    assert (user, group, rootless) == ("nobody", "nogroup", True)
    server = cyrus_server.CyrusServer({"alice": "secret"})
    server.root = folder
    conf = dict(line.split(": ", 1) for line in
                server.render_imapd_conf(user, group, rootless).splitlines()
                if line and not line.startswith("#"))
    assert (conf["cyrus_user"], conf["cyrus_group"]) == ("nobody", "nogroup")
    # Every file and socket under the server's own folder, none in the system's.
    paths = [value for key, value in conf.items() if value.startswith("/")]
    assert len(paths) >= 8 and all(value.startswith(f"{folder}/") for value in paths), paths
    root_conf = server.render_imapd_conf(*cyrus_server.run_as(0, 0))
    assert "cyrus_user: cyrus\ncyrus_group: mail\n" in root_conf
