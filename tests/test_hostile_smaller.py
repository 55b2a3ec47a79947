"""Issue 16's smaller items: a symlink at the lock or database path, a failing password command's
stderr, and an unreadable database URL parameter: one line each, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.configs import write_config
from tests.hostile_imap import HostileImapServer, Hostility, plain_mailbox

ROOT = Path(__file__).resolve().parents[1]
NOTICE = Path(__file__).parent / "data" / "notice_facebook_en.eml"


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", "--config", str(path), *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ}, timeout=120)


def assert_one_line(proc: subprocess.CompletedProcess, code: int, *phrases: str) -> str:
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    return lines[0]


def database_config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    return path


def test_a_symlink_at_the_lock_path_is_refused(tmp_path):
    target = tmp_path / "victim.txt"
    target.write_text("keep me\n")
    path = database_config(tmp_path, f"sqlite:///{tmp_path / 't.db'}")
    (tmp_path / "t.lock").symlink_to(target)
    proc = run_cli(path, "import", str(NOTICE))
    assert_one_line(proc, 1, "t.lock is a symbolic link; refusing to use it as the lock")
    assert target.read_text() == "keep me\n"
    (tmp_path / "t.lock").unlink()
    (tmp_path / "t.owner").symlink_to(target)  # the file that names the holder: written to
    assert_one_line(run_cli(path, "import", str(NOTICE)), 1, "t.owner is a symbolic link")
    assert target.read_text() == "keep me\n"


def test_doctor_says_when_the_database_path_is_a_symlink(tmp_path, tracker_home):
    real = tmp_path / "elsewhere" / "real.db"
    real.parent.mkdir()
    with HostileImapServer(plain_mailbox({}), Hostility()) as server:
        path = write_config(tracker_home, dict(name="box", host="127.0.0.1", port=server.port,
                                               security="plain", username="anna",
                                               password_env="OT_PW"))
        path.write_text(path.read_text().replace(f"{tracker_home}/t.db", str(tmp_path / "t.db")))
        (tmp_path / "t.db").symlink_to(real)
        proc = subprocess.run([sys.executable, "cli.py", "--config", str(path), "doctor"], cwd=ROOT,
                              capture_output=True, text=True, env={**os.environ, "OT_PW": "secret-pw"},
                              timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"database: warning: {tmp_path / 't.db'} is a symbolic link to {real}" in proc.stdout


def test_a_failing_password_command_shows_its_stderr_only_with_v(tmp_path, tracker_home):
    command = f"{sys.executable} -c \"import sys; sys.exit('wrong master password hunter2')\""
    path = write_config(tracker_home, dict(name="box", host="127.0.0.1", port=1, security="plain",
                                           username="anna", password_command=command))
    quiet = run_cli(path, "sync")
    assert_one_line(quiet, 4, "password_command exited with 1 (-v shows its error output)")
    assert "hunter2" not in quiet.stdout + quiet.stderr
    loud = run_cli(path, "-v", "sync")
    assert "wrong master password hunter2" in loud.stderr and "Traceback" not in loud.stderr


def test_connect_timeout_abc_in_the_database_url_is_one_line(tmp_path):
    for url in ("postgresql+psycopg://postgres@127.0.0.1:5432/test?connect_timeout=abc",
                f"sqlite:///{tmp_path / 't.db'}?timeout=abc"):
        proc = run_cli(database_config(tmp_path, url), "status")
        line = assert_one_line(proc, proc.returncode, "objection-tracker: ")
        assert proc.returncode in (1, 3) and "abc" in line


def test_the_limits_are_read_from_the_config():
    import pytest

    from tracker import config
    from tracker.errors import ConfigError

    block = dict(name="b", host="127.0.0.1", port=143, security="plain", username="u",
                 password_env="X")
    box = config.parse({"mailboxes": [{**block, "command_timeout": 10, "max_message_mb": 0.5}]})
    assert (box.mailboxes[0].command_timeout, box.mailboxes[0].max_message_mb) == (10.0, 0.5)
    assert (config.parse({"mailboxes": [block]}).mailboxes[0].max_message_mb) == 50.0
    for key, value in (("command_timeout", 0), ("max_message_mb", "50"), ("max_message_mb", True)):
        with pytest.raises(ConfigError, match=rf"mailboxes\[0\]\.{key}: must be a positive number"):
            config.parse({"mailboxes": [{**block, key: value}]})
