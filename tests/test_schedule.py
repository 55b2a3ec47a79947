"""The schedule: cron parsing, the built-in loop agreeing with crontab and systemd, `schedule --print`,
and the real `run` command firing every second in a subprocess until SIGTERM or SIGINT."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import stat
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


# --- schedule --install (issue 22 item 6) ---------------------------------------------------------

TWO_BOXES = """
[schedule]
cron = "15 4 * * *"

[[mailboxes]]
name = "personal"
host = "imap.example.org"
username = "me@example.org"
password_env = "MY_IMAP_PASSWORD"

[[mailboxes]]
name = "work"
host = "imap.example.net"
username = "me@example.net"
password_env = "WORK_IMAP_PASSWORD"
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def verify(*units: Path, tmp_path: Path) -> None:
    """systemd's own check, as a user manager and as the system's: no complaint at all (it exits
    0 on an unknown key or a bad value, and says so on stderr)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    for user in (["--user"], []):
        done = subprocess.run(["systemd-analyze", *user, "verify", *map(str, units)],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})
        assert done.returncode == 0 and done.stderr == "" and done.stdout == "", done


def test_install_systemd_writes_private_units_that_systemd_accepts(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(TWO_BOXES, encoding="utf-8")
    units = tmp_path / "systemd" / "user"
    done = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(units))
    assert done.returncode == 0, done.stderr
    service, timer = units / "objection-tracker.service", units / "objection-tracker.timer"
    secrets = tmp_path / "secrets.env"
    assert mode(units) == 0o700 and mode(service) == mode(timer) == mode(secrets) == 0o600
    text = service.read_text()
    assert f"EnvironmentFile={secrets}\n" in text
    assert "MY_IMAP_PASSWORD (mailbox 'personal'), WORK_IMAP_PASSWORD (mailbox 'work')" in text
    assert "RandomizedDelaySec=10min\n" in timer.read_text()
    assert "Persistent=true\n" in timer.read_text() and "OnCalendar=*-*-* 04:15:00\n" in timer.read_text()
    assert secrets.read_text().splitlines()[-4:] == [
        "# MY_IMAP_PASSWORD: the password of mailbox 'personal'", "MY_IMAP_PASSWORD=",
        "# WORK_IMAP_PASSWORD: the password of mailbox 'work'", "WORK_IMAP_PASSWORD="]
    assert f"Fill in {secrets}: MY_IMAP_PASSWORD" in done.stdout and "enable --now" in done.stdout
    verify(service, timer, tmp_path=tmp_path)

    # The user fills in a secret and widens the mode; the config gains a mailbox: installing again
    # replaces the units, keeps the secret, narrows the mode and adds only the new variable.
    secrets.write_text(secrets.read_text().replace("MY_IMAP_PASSWORD=\n", "MY_IMAP_PASSWORD=s3cret\n"))
    os.chmod(secrets, 0o644)
    path.write_text(TWO_BOXES + '\n[[mailboxes]]\nname = "old"\nhost = "h"\nusername = "u"\n'
                    'password_env = "OLD_PASSWORD"\n', encoding="utf-8")
    again = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(units))
    assert again.returncode == 0, again.stderr
    kept = secrets.read_text()
    assert "MY_IMAP_PASSWORD=s3cret\n" in kept and kept.endswith("OLD_PASSWORD=\n")
    assert kept.count("WORK_IMAP_PASSWORD=") == 1 and mode(secrets) == 0o600
    assert "made readable by you alone (it was 0644)" in again.stdout
    assert "OLD_PASSWORD (mailbox 'old')" in service.read_text()
    verify(service, timer, tmp_path=tmp_path)


def test_install_never_follows_a_link_nor_replaces_the_users_own_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(TWO_BOXES, encoding="utf-8")
    units = tmp_path / "units"
    units.mkdir()
    target = tmp_path / "bashrc"
    target.write_text("mine\n")
    (units / "objection-tracker.service").symlink_to(target)
    done = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(units))
    assert done.returncode == 1 and "symbolic link" in done.stderr
    assert target.read_text() == "mine\n" and not (units / "objection-tracker.timer").exists()

    (units / "objection-tracker.service").unlink()
    (units / "objection-tracker.service").write_text("[Service]\nExecStart=/bin/true\n")
    done = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(units))
    assert done.returncode == 1 and "not written by objection-tracker" in done.stderr
    assert (units / "objection-tracker.service").read_text() == "[Service]\nExecStart=/bin/true\n"

    (units / "objection-tracker.service").unlink()
    (tmp_path / "secrets.env").unlink()  # written first: alone it is harmless
    (tmp_path / "secrets.env").symlink_to(target)
    done = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(units))
    assert done.returncode == 1 and "symbolic link" in done.stderr and target.read_text() == "mine\n"

    linked = tmp_path / "linked-units"
    linked.symlink_to(units)
    done = cli("--config", str(path), "schedule", "--install", "systemd", "--dir", str(linked))
    assert done.returncode == 1 and "symbolic link" in done.stderr


def test_print_systemd_shows_each_file_under_its_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(TWO_BOXES, encoding="utf-8")
    shown = cli("--config", str(path), "schedule", "--print", "systemd", "--dir", str(tmp_path / "u"))
    assert shown.returncode == 0, shown.stderr
    names = re.findall(r"^==> (.*) <==$", shown.stdout, re.MULTILINE)
    assert names == [str(tmp_path / "u" / "objection-tracker.service"),
                     str(tmp_path / "u" / "objection-tracker.timer"), str(tmp_path / "secrets.env")]
    assert "MY_IMAP_PASSWORD=\n" in shown.stdout and "WORK_IMAP_PASSWORD=\n" in shown.stdout
    assert not (tmp_path / "u").exists() and not (tmp_path / "secrets.env").exists()  # printed only
    neither = cli("--config", str(path), "schedule")
    assert neither.returncode == 2


def fake_crontab(tmp_path: Path, current: str | None) -> dict[str, str]:
    """A `crontab` command on PATH whose `-l` prints `current` (None: "no crontab for you");
    anything else it is asked is a failure: --install never loads a crontab itself."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    listing = tmp_path / "current.crontab"
    if current is not None:
        listing.write_text(current)
    script = bin_dir / "crontab"
    script.write_text(f"""#!/bin/sh
[ "$1" = "-l" ] || exit 99
if [ -f '{listing}' ]; then cat '{listing}'; else echo "no crontab for $USER" >&2; exit 1; fi
""")
    script.chmod(0o755)
    return {"PATH": f"{bin_dir}:{os.environ['PATH']}"}


def test_install_cron_keeps_every_existing_entry(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(TWO_BOXES, encoding="utf-8")
    mine = "MAILTO=me@example.org\n# backups\n0 1 * * * /usr/local/bin/backup --all\n@reboot /bin/true\n"
    env = fake_crontab(tmp_path, mine)
    out = tmp_path / "cron"
    done = cli("--config", str(path), "schedule", "--install", "cron", "--dir", str(out), env=env)
    assert done.returncode == 0, done.stderr
    written = out / "objection-tracker.crontab"
    assert mode(written) == 0o600 and mode(out) == 0o700
    text = written.read_text()
    assert text.startswith(mine) and "(2 entries, kept as they are)" in done.stdout
    assert f"crontab {written}" in done.stdout
    job = [line for line in text.splitlines() if line.startswith("15 4 * * * ")]
    assert len(job) == 1 and job[0].endswith("run --once")
    assert "MY_IMAP_PASSWORD=\nWORK_IMAP_PASSWORD=\n" in text

    # The user fills in a password and loads the file; installing again keeps it, and keeps one
    # block of the tracker's, not two.
    fake_crontab(tmp_path, text.replace("MY_IMAP_PASSWORD=\n", "MY_IMAP_PASSWORD=s3cret\n"))
    done = cli("--config", str(path), "schedule", "--install", "cron", "--dir", str(out), env=env)
    assert done.returncode == 0, done.stderr
    again = written.read_text()
    assert again.startswith(mine) and again.count("# >>> objection-tracker >>>") == 1
    assert "MY_IMAP_PASSWORD=s3cret\n" in again and len(again.splitlines()) == len(text.splitlines())


def test_install_cron_without_a_crontab_yet(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(TWO_BOXES, encoding="utf-8")
    env = fake_crontab(tmp_path, None)
    done = cli("--config", str(path), "schedule", "--install", "cron", "--dir", str(tmp_path), env=env)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "objection-tracker.crontab").read_text()
    assert text.startswith("# >>> objection-tracker >>>") and ": this job." in done.stdout


def test_a_linked_config_folder_is_named_as_such(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles"
    real.mkdir()
    (real / "config.toml").write_text(TWO_BOXES, encoding="utf-8")
    (tmp_path / "linked").symlink_to(real)
    done = cli("--config", str(tmp_path / "linked" / "config.toml"), "schedule", "--install",
               "systemd", "--dir", str(tmp_path / "units"))
    assert done.returncode == 1 and "give --config the path the link points to" in done.stderr
    assert not (real / "secrets.env").exists() and not (tmp_path / "units").exists()
    done = cli("--config", str(real / "config.toml"), "schedule", "--install", "systemd",
               "--dir", str(tmp_path / "units"))
    assert done.returncode == 0 and (real / "secrets.env").exists()
