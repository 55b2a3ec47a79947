"""One run at a time per database: the lock itself, commands refusing with exit 6 and naming the
holder, two real runs started at once, and the loop going on after a run found the lock taken."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.processes import read_until
from tracker import actions, config
from tracker.errors import LockHeld
from tracker.store.lock import exclusive, lock_path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = os.path.abspath(sys.executable)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(tmp_path: Path, *, slow_mailbox: bool = False, cron: str = "30 3 * * *") -> Path:
    """A config whose pending account is reminded on stdout; with slow_mailbox, a mailbox whose
    password command takes 3 seconds (inside the lock) before its server refuses the connection."""
    text = (f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n'
            f'[reminders]\nchannels = ["stdout"]\n[schedule]\ncron = "{cron}"\n')
    if slow_mailbox:
        sleeper = f'{PYTHON} -c "import time; time.sleep(3); print(12345)"'
        text += (f'[[mailboxes]]\nname = "slow"\nhost = "127.0.0.1"\nport = {free_port()}\n'
                 f'security = "plain"\nusername = "me"\npassword_command = \'{sleeper}\'\n'
                 "timeout = 5\n")
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    actions.mark(config.load(path), "instagram:locked.user", "submitted", new=True,
                 at=dt.datetime.now(dt.UTC) - dt.timedelta(days=20))
    return path


def test_lock_path() -> None:
    assert lock_path("sqlite:////data/x/tracker.db") == Path("/data/x/tracker.lock")
    pg = lock_path("postgresql+psycopg://me:s3cret@db.example.org/tracker")
    assert pg.parent == config.data_dir() and pg.name.startswith("run-") and "s3cret" not in str(pg)
    assert pg == lock_path("postgresql+psycopg://me:other@db.example.org/tracker")


def test_second_holder_is_refused_and_told_who(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 't.db'}"
    owner = lock_path(url).with_suffix(".owner")
    with exclusive(url, "sync"):
        assert owner.read_text(encoding="utf-8").startswith(f"sync, pid {os.getpid()} on ")
        held = rf"another run is using the database \(sync, pid {os.getpid()} on .+, since .+\)"
        with pytest.raises(LockHeld, match=held + "; try again later"), exclusive(url, "remind"):
            pass
    assert not owner.exists()
    with pytest.raises(RuntimeError), exclusive(url, "sync"):
        raise RuntimeError("a run that crashed")
    with exclusive(url, "remind"):  # released by the crash
        pass


def test_commands_refuse_while_another_run_holds_the_lock(tmp_path: Path) -> None:
    path = write_config(tmp_path)
    runner = CliRunner()
    with exclusive(config.load(path).database_url, "sync"):
        for command in (["remind"], ["run", "--once"]):
            result = runner.invoke(cli, ["--config", str(path), *command], catch_exceptions=False)
            assert result.exit_code == 6, command
            assert f"(sync, pid {os.getpid()} on " in result.stderr
            assert result.stdout == ""  # nothing was sent
        preview = runner.invoke(cli, ["--config", str(path), "remind", "--dry-run"])
        assert preview.exit_code == 0 and "instagram:locked.user" in preview.stdout  # reads only
    sent = runner.invoke(cli, ["--config", str(path), "remind"], catch_exceptions=False)
    assert sent.exit_code == 0 and "instagram:locked.user" in sent.stdout


def test_two_runs_at_once(tmp_path: Path) -> None:
    path = write_config(tmp_path, slow_mailbox=True)
    owner = lock_path(config.load(path).database_url).with_suffix(".owner")
    command = [PYTHON, str(ROOT / "cli.py"), "--config", str(path), "run", "--once"]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not (owner.exists() and owner.read_text(encoding="utf-8")):
            assert time.monotonic() < deadline and first.poll() is None, "the first run never locked"
            time.sleep(0.05)
        second = subprocess.run(command, capture_output=True, text=True, timeout=60)
        out, err = first.communicate(timeout=60)
    finally:
        if first.poll() is None:
            first.kill()
    assert second.returncode == 6, second.stderr
    assert re.search(rf"another run is using the database \(run, pid {first.pid} on ", second.stderr)
    assert second.stdout == ""
    # the first run: its mailbox failed (exit 4), and it still reminded
    assert first.returncode == 4, err
    assert "mailbox 'slow'" in err and "instagram:locked.user" in out
    assert not owner.exists()


def test_the_loop_goes_on_after_finding_the_lock_taken(tmp_path: Path) -> None:
    path = write_config(tmp_path, cron="* * * * * *")
    proc = subprocess.Popen([PYTHON, str(ROOT / "cli.py"), "--config", str(path), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        with exclusive(config.load(path).database_url, "sync"):
            output = read_until(proc, r"run \d+ finished: exit code 6", 30)
        output += read_until(proc, r"run \d+ finished: exit code 0", 30)
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    output += rest
    assert proc.returncode == 0, output
    assert f"(sync, pid {os.getpid()} on " in output
    assert "instagram:locked.user" in output


def test_the_lock_and_its_owner_file_are_the_users_alone(tmp_path: Path) -> None:
    """Files the tool writes are 0600, whatever the umask: the owner file names host and pid."""
    url = f"sqlite:///{tmp_path / 'modes.db'}"
    old = os.umask(0o022)
    try:
        with exclusive(url, "sync"):
            path = lock_path(url)
            owner = path.with_suffix(".owner")
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert stat.S_IMODE(owner.stat().st_mode) == 0o600
            assert "sync, pid" in owner.read_text(encoding="utf-8")
    finally:
        os.umask(old)


def test_a_fifo_at_the_owner_file_is_refused_in_one_line_not_waited_on(tmp_path):
    """Found: a FIFO named t.owner beside the lock made every locked command wait for ever for a
    reader (the owner file was opened O_WRONLY without O_NONBLOCK)."""
    url = f"sqlite:///{tmp_path / 't.db'}"
    os.mkfifo(lock_path(url).with_suffix(".owner"), 0o600)
    probe = ("import sys\nfrom tracker.store.lock import exclusive\nfrom tracker.errors import "
             "TrackerError\ntry:\n    with exclusive(sys.argv[1], 'sync'):\n        pass\n"
             "except TrackerError as exc:\n    print(exc)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([PYTHON, "-c", probe, url], capture_output=True, text=True, env=env,
                          timeout=30)
    assert done.stdout == (f"cannot write {tmp_path / 't.owner'}: it is not a regular file "
                           "(remove it, and the tracker makes its own)\n"), done.stderr
    (tmp_path / "t.owner").unlink()
    with exclusive(url, "remind"):  # the lock itself was released
        pass
