"""The schedule: cron parsing, the built-in loop agreeing with crontab and systemd, `schedule --print`,
and the real `run` command firing every second in a subprocess until SIGTERM or SIGINT."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import read_until
from tracker import actions, config
from tracker.act import schedule
from tracker.act.schedule import CronSpec, parse_cron
from tracker.config import ScheduleConfig
from tracker.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
PYTHON = os.path.abspath(sys.executable)


def test_parse_cron() -> None:
    assert parse_cron("30 3 * * *") == CronSpec((0,), (30,), (3,), None, None, None)
    assert parse_cron("*/20 1-3,22 * jan,Jul-sep mon-fri") == CronSpec(
        (0,), (0, 20, 40), (1, 2, 3, 22), None, (1, 7, 8, 9), (1, 2, 3, 4, 5))
    assert parse_cron("* * * * * *") == CronSpec(None, None, None, None, None, None)
    assert parse_cron("*/2 * * * * 7").weekday == (0,)  # 7 is Sunday too
    assert parse_cron("0 0 * * 0-6").weekday is None
    assert parse_cron("0 0 5/10 * *").day == (5, 15, 25)


@pytest.mark.parametrize(("expr", "message"), [
    ("30 3 * *", "5 crontab fields"),
    ("60 3 * * *", "minute '60'"),
    ("0 3 * * 8", "weekday '8'"),
    ("0 3 * * fri-mon", "backwards"),
    ("0 3 * foo *", "month 'foo': not a number or a name"),
    ("0 3 */0 * *", "step after /"),
    ("0 3 1 * mon", "not both"),
    ("0 3 L * *", "day 'L'"),
])
def test_parse_cron_errors(expr: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_cron(expr)


def test_schedule_config() -> None:
    assert config.parse({}).schedule == ScheduleConfig("30 3 * * *", None, 360)
    cfg = config.parse({"schedule": {"cron": "0 4 * * sun", "timezone": "Europe/Berlin",
                                     "misfire_grace_minutes": 60}})
    assert cfg.schedule == ScheduleConfig("0 4 * * sun", "Europe/Berlin", 60)
    for raw, key in [({"cron": "0 3 * * 9"}, "schedule.cron"), ({"cron": 3}, "schedule.cron"),
                     ({"timezone": "Mars/Olympus"}, "schedule.timezone"),
                     ({"misfire_grace_minutes": 0}, "schedule.misfire_grace_minutes"),
                     ({"at": "03:30"}, "schedule.at")]:
        with pytest.raises(ConfigError, match=rf"^{re.escape(key)}: "):
            config.parse({"schedule": raw})


def test_weekday_numbers_mean_what_crontab_means() -> None:
    # APScheduler 3's from_crontab would read 0 as Monday (its issue 286); crontab means Sunday.
    wednesday = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)
    fire = schedule.next_run(ScheduleConfig("0 9 * * 0", "UTC"), after=wednesday)
    assert fire == dt.datetime(2026, 3, 8, 9, 0, tzinfo=dt.UTC) and fire.strftime("%a") == "Sun"


def systemd_elapses(expression: str, n: int) -> list[dt.datetime]:
    done = subprocess.run(["systemd-analyze", "calendar", f"--iterations={n}", expression],
                          capture_output=True, text=True, check=True, env={**os.environ, "TZ": "UTC"})
    found = re.findall(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC$", done.stdout, re.MULTILINE)
    return [dt.datetime.fromisoformat(f).replace(tzinfo=dt.UTC) for f in found][-n:]


@pytest.mark.parametrize("cron", ["30 3 * * *", "*/20 1-3,22 * jan,jul-sep mon-fri",
                                  "15 10 1,15 * *", "0 9 * * 0", "10 */5 * * * 6,0"])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin"])
def test_systemd_timer_fires_when_the_loop_does(cron: str, zone: str) -> None:
    cfg = ScheduleConfig(cron, zone)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    trigger = schedule.trigger(cfg)
    fire, loop = trigger.get_next_fire_time(None, now), []
    for _ in range(5):
        loop.append(fire.astimezone(dt.UTC))
        fire = trigger.get_next_fire_time(fire, fire + dt.timedelta(seconds=1))
    assert systemd_elapses(schedule.oncalendar(cfg), 5) == loop


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, str(ROOT / "cli.py"), *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})}, cwd=ROOT)


def test_print_crontab_and_systemd(tmp_path: Path, tracker_home: Path) -> None:
    path = tmp_path / "my config.toml"
    path.write_text('[schedule]\ncron = "45 2 * * mon,thu"\ntimezone = "Europe/Berlin"\n',
                    encoding="utf-8")
    tab = cli("--config", str(path), "schedule", "--print", "crontab")
    assert tab.returncode == 0, tab.stderr
    command = (f"OBJECTION_TRACKER_HOME={tracker_home} {PYTHON} {ROOT / 'cli.py'} "
               f"--config '{path}' run --once")
    assert f"CRON_TZ=Europe/Berlin\n45 2 * * 1,4 {command}\n" in tab.stdout
    unit = cli("--config", str(path), "schedule", "--print", "systemd")
    assert unit.returncode == 0, unit.stderr
    assert f'ExecStart={PYTHON} {ROOT / "cli.py"} --config "{path}" run --once\n' in unit.stdout
    assert f"Environment=OBJECTION_TRACKER_HOME={tracker_home}\n" in unit.stdout
    assert "OnCalendar=Mon,Thu *-*-* 02:45:00 Europe/Berlin\n" in unit.stdout
    assert "Type=oneshot" in unit.stdout and "WantedBy=timers.target" in unit.stdout

    path.write_text('[schedule]\ncron = "*/10 * * * * *"\n', encoding="utf-8")
    seconds = cli("--config", str(path), "schedule", "--print", "crontab")
    assert seconds.returncode == 3 and "has seconds" in seconds.stderr
    missing = cli("--config", str(tmp_path / "nope.toml"), "schedule", "--print", "crontab")
    assert missing.returncode == 3 and "config file not found" in missing.stderr


def test_crontab_escapes_percent() -> None:
    line = schedule.crontab(["/opt/100%/bin/objection-tracker", "run", "--once"],
                            ScheduleConfig("0 3 * * *"), {}).splitlines()[-1]
    assert line == "0 3 * * * /opt/100\\%/bin/objection-tracker run --once"


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_loop_fires_and_stops_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n'
                    '[reminders]\nchannels = ["stdout"]\n'
                    '[schedule]\ncron = "* * * * * *"\n', encoding="utf-8")
    cfg = config.load(path)
    actions.mark(cfg, "instagram:loop.user", "submitted", new=True,
                 at=dt.datetime.now(dt.UTC) - dt.timedelta(days=20))  # stale: due for a reminder
    proc = subprocess.Popen([PYTHON, "-u", str(ROOT / "cli.py"), "--config", str(path), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        output = read_until(proc, r"running on '\* \* \* \* \* \*'", 30)
        output += read_until(proc, r"run 1 finished: exit code 0", 30)
        output += read_until(proc, r"run 2 finished: exit code 0", 30)
        proc.send_signal(sig)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    output += rest
    assert proc.returncode == 0, output
    assert f"stopped ({sig.name})" in output
    # the first run reminded; the second found the account reminded already
    assert output.count("instagram:loop.user: submitted 20 days ago") == 1, output
    assert "Traceback" not in output and "ERROR" not in output


def test_sigterm_lets_the_run_in_progress_finish(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on: the mailbox fails after the wait
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    slow = f'{PYTHON} -c "import time; time.sleep(2); print(12345)"'
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n'
                    '[schedule]\ncron = "* * * * * *"\n'
                    f'[[mailboxes]]\nname = "slow"\nhost = "127.0.0.1"\nport = {port}\n'
                    f'security = "plain"\nusername = "me"\npassword_command = \'{slow}\'\n',
                    encoding="utf-8")
    proc = subprocess.Popen([PYTHON, str(ROOT / "cli.py"), "--config", str(path), "run"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    try:
        output = read_until(proc, r"run 1 started", 30)
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    output += rest
    assert proc.returncode == 0, output
    assert output.index("run 1 finished: exit code 4") < output.index("stopped (SIGTERM)"), output
    assert "run 2 started" not in output


def test_the_crontab_comment_names_the_variables_to_set(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[mailboxes]]\nname = "a"\nhost = "imap.example.org"\nusername = "me"\n'
                    'password_env = "MY_IMAP_PASSWORD"\n'
                    '[[mailboxes]]\nname = "b"\nhost = "imap.example.net"\nusername = "me"\n'
                    'password_command = "pass show b"\n'
                    '[reminders]\nchannels = ["smtp"]\n[reminders.smtp]\nhost = "smtp.example.org"\n'
                    'from = "me@example.org"\nto = ["me@example.org"]\nusername = "me"\n'
                    'password_env = "MY_SMTP_PASSWORD"\n', encoding="utf-8")
    tab = cli("--config", str(path), "schedule", "--print", "crontab")
    assert tab.returncode == 0, tab.stderr
    comments = " ".join(line for line in tab.stdout.splitlines() if line.startswith("#"))
    assert "MY_IMAP_PASSWORD, MY_SMTP_PASSWORD" in comments
