"""When runs happen: `[schedule] cron` read once, then used three ways that must agree: the built-in
loop (APScheduler), a crontab line, and a systemd timer.

`cron` is a crontab expression: 5 fields, or 6 with seconds first (node-cron, Quartz) so a loop can
be watched firing every second in a test. It is parsed here into explicit values and each form is
written from those, because the three readers differ: APScheduler 3 numbers weekdays from Monday
(0 = Monday, unlike crontab's 0 = Sunday: apscheduler issue 286), and crontab runs a job when
*either* the day of month or the weekday matches where the other two want both; so setting both is
refused.
"""

from __future__ import annotations

import datetime as dt
import shlex
import signal
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.config import ScheduleConfig
from tracker.errors import ConfigError

if TYPE_CHECKING:  # APScheduler only for `run`: the config check every command makes needs none
    from apscheduler.triggers.base import BaseTrigger
    from apscheduler.triggers.cron import CronTrigger

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # crontab numbering: 0 = Sunday
# name, lowest, highest, names for lowest.. (crontab allows 7 for Sunday too)
_FIELDS = (("second", 0, 59, ()), ("minute", 0, 59, ()), ("hour", 0, 23, ()), ("day", 1, 31, ()),
           ("month", 1, 12, MONTHS), ("weekday", 0, 7, WEEKDAYS))
UNIT = "objection-tracker"


@dataclass(frozen=True)
class CronSpec:
    """Each field as the explicit values it allows; None for every value (`*`)."""

    second: tuple[int, ...] | None
    minute: tuple[int, ...] | None
    hour: tuple[int, ...] | None
    day: tuple[int, ...] | None
    month: tuple[int, ...] | None
    weekday: tuple[int, ...] | None  # 0 = Sunday


def parse_cron(text: str) -> CronSpec:
    fields = text.split()
    if len(fields) == 5:
        fields = ["0", *fields]
    elif len(fields) != 6:
        raise ValueError("write 5 crontab fields (minute hour day month weekday), "
                         "or 6 with seconds first")
    values = [_field(f, *spec) for f, spec in zip(fields, _FIELDS, strict=True)]
    if values[5] is not None:
        values[5] = tuple(sorted({d % 7 for d in values[5]}))
        if len(values[5]) == 7:
            values[5] = None
    if values[3] is not None and values[5] is not None:
        raise ValueError("restrict the day of the month or the weekday, not both (crontab runs "
                         "when either matches, the built-in scheduler and systemd when both do)")
    return CronSpec(*values)


def _field(text: str, name: str, lo: int, hi: int, names: tuple[str, ...]) -> tuple[int, ...] | None:
    if text == "*":
        return None
    found: set[int] = set()
    for item in text.split(","):
        base, slash, step_text = item.partition("/")
        if slash and not (step_text.isdigit() and int(step_text) > 0):
            raise ValueError(f"{name} {item!r}: the step after / must be a whole number above 0")
        step = int(step_text) if slash else 1
        if base == "*":
            start, end = lo, (6 if name == "weekday" else hi)
        elif "-" in base:
            first, _, last = base.partition("-")
            start, end = _value(first, name, lo, names), _value(last, name, lo, names)
        else:
            start = _value(base, name, lo, names)
            end = hi if slash else start
        if not lo <= start <= end <= hi:
            raise ValueError(f"{name} {item!r}: outside {lo}-{hi} or backwards")
        found.update(range(start, end + 1, step))
    everything = set(range(lo, hi + 1)) - ({7} if name == "weekday" else set())
    return None if found >= everything else tuple(sorted(found))


def _value(text: str, name: str, lo: int, names: tuple[str, ...]) -> int:
    if text.isdigit():
        return int(text)
    if text.lower() in names:
        return names.index(text.lower()) + lo
    raise ValueError(f"{name} {text!r}: not a number" + (f" or a name ({names[0]}…)" if names else ""))


def _spec(config: ScheduleConfig) -> CronSpec:
    try:
        return parse_cron(config.cron)
    except ValueError as exc:
        raise ConfigError(f"schedule.cron: {config.cron!r}: {exc}") from None


# --- the built-in loop ---------------------------------------------------------------------------
def trigger(config: ScheduleConfig) -> CronTrigger:
    from apscheduler.triggers.cron import CronTrigger

    spec = _spec(config)
    return CronTrigger(
        second=_list(spec.second), minute=_list(spec.minute), hour=_list(spec.hour),
        day=_list(spec.day), month=_list(spec.month),
        # names, not numbers: APScheduler 3's weekday 0 is Monday
        day_of_week="*" if spec.weekday is None else ",".join(WEEKDAYS[d] for d in spec.weekday),
        timezone=config.timezone,
    )


def next_run(config: ScheduleConfig, after: dt.datetime | None = None) -> dt.datetime | None:
    cron = trigger(config)
    return cron.get_next_fire_time(None, after or dt.datetime.now(cron.timezone))


def serve(job: Callable[[], object], config: ScheduleConfig, *,
          when: BaseTrigger | None = None) -> str:
    """Run `job` on the schedule until SIGTERM or SIGINT, one run at a time; returns the signal's
    name. A run in progress finishes first; a second signal stops at once."""
    from apscheduler.schedulers.blocking import BlockingScheduler

    scheduler = BlockingScheduler(timezone=config.timezone) if config.timezone else BlockingScheduler()
    # coalesce: runs missed while the machine slept become one run on waking, within the grace time
    scheduler.add_job(job, when or trigger(config), id="run", name="sync and remind",
                      coalesce=True, max_instances=1,
                      misfire_grace_time=config.misfire_grace_minutes * 60)
    stopped_by: list[str] = []
    # shutdown waits for the run in progress, which a signal handler must not do
    stopper = threading.Thread(target=scheduler.shutdown, name="shutdown", daemon=True)

    def stop(signum: int, _frame: object) -> None:
        stopped_by.append(signal.Signals(signum).name)
        for s in previous:  # a second signal stops at once
            signal.signal(s, signal.SIG_DFL)
        if scheduler.running:
            scheduler.pause()  # no new run starts while shutting down
            stopper.start()

    previous = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGINT)}
    for s in previous:
        signal.signal(s, stop)
    try:
        if not stopped_by:
            scheduler.start()
        if stopper.is_alive():  # the loop ends as shutdown begins; the run in progress ends later
            stopper.join()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return stopped_by[0] if stopped_by else "shutdown"


# --- crontab and systemd -------------------------------------------------------------------------
def crontab(command: Sequence[str], config: ScheduleConfig, env: Mapping[str, str], *,
            secrets: Sequence[str] = (), values: Mapping[str, str] | None = None) -> str:
    """A crontab line with comments. `secrets`: the password_env variables the config names,
    which cron's nearly empty environment does not have. With `values` (`--install`), each is a
    NAME=value line above the job, empty where `values` has none, for the user to fill in."""
    spec = _spec(config)
    if spec.second != (0,):
        raise ConfigError(f"schedule.cron: {config.cron!r} has seconds; crontab starts jobs on the "
                          "minute: use a 5-field expression, or `run`, or a systemd timer")
    fields = [_list(spec.minute), _list(spec.hour), _list(spec.day), _list(spec.month),
              _list(spec.weekday)]
    line = " ".join(fields) + " " + _cron_command(command, env)
    lines = [
        f"# objection-tracker: sync then remind, on [schedule] cron = {config.cron!r}.",
        "# Add this with `crontab -e`. cron mails what a job prints to you: the digest of the",
        "# \"stdout\" channel, and errors. Exit codes: 4 mailbox, 5 reminder channel, 6 another run.",
    ]
    if secrets and values is not None:
        lines += ["# cron's environment is almost empty: write each password_env value after its =",
                  "# (your crontab is readable by you alone), or use password_command instead."]
        lines += [f"{name}={values.get(name, '')}" for name in secrets]
    elif secrets:
        lines += [
            "# cron's environment is almost empty: set these in the crontab, one NAME=value line",
            f"# each above this one, or use password_command: {', '.join(secrets)}",
        ]
    else:
        lines += [
            "# cron's environment is almost empty: a password_env variable must be set in the crontab",
            "# (NAME=value line above this one) or use password_command.",
        ]
    if config.timezone:
        lines += ["# CRON_TZ is honoured by cronie (Fedora, Arch) but not by Debian's cron: there,",
                  f"# write the time in the machine's zone instead of {config.timezone}.",
                  f"CRON_TZ={config.timezone}"]
    return "\n".join(lines + [line]) + "\n"


def _cron_command(command: Sequence[str], env: Mapping[str, str]) -> str:
    words = [f"{k}={shlex.quote(v)}" for k, v in env.items()] + [shlex.quote(c) for c in command]
    return " ".join(words).replace("%", "\\%")  # % ends a crontab command line


# Written into every file `schedule --install` makes: a file without it is the user's own and is
# never replaced (tracker.act.install).
WRITTEN_BY = "# Written by `objection-tracker schedule`"
# Timers of many installations on one schedule do not all reach the mail servers in one second.
RANDOM_DELAY = "10min"


def systemd(command: Sequence[str], config: ScheduleConfig, env: Mapping[str, str], *,
            env_file: Path | None = None, secrets: Mapping[str, Sequence[str]] | None = None,
            keyring: Sequence[str] = ()) -> dict[str, str]:
    """A user service and timer, by file name. `secrets`: each password_env variable -> what
    needs it; they reach the service through `env_file` (EnvironmentFile=), which holds NAME=value
    lines only the user can read. `keyring`: mailboxes whose password is in the system keyring,
    which a timer finds locked while nobody is logged in."""
    secrets = secrets or {}
    exec_start = " ".join(_systemd_quote(c) for c in command)
    if secrets and env_file is not None:
        passing = [
            "# The secrets the config names by password_env, as NAME=value lines in a file only you",
            f"# can read (mode 0600): {_needs(secrets)}",
            f"EnvironmentFile={_systemd_path(env_file)}",
        ]
    else:
        passing = ["# The config names no password_env variable: the run needs no secret from here."]
    passing += [f"# mailbox {name!r} takes its password from the system keyring, which is locked "
                "while you are logged out: give it password_env or password_command for the timer."
                for name in keyring]
    service = [
        f"{WRITTEN_BY}: sync the mailboxes, then send reminders.",
        "[Unit]",
        "Description=objection-tracker: sync the mailboxes, then send reminders",
        "",
        "[Service]",
        "Type=oneshot",
        f"ExecStart={exec_start}",
        *[f"Environment={_systemd_quote(f'{k}={v}')}" for k, v in env.items()],
        *passing,
    ]
    timer = [
        f"{WRITTEN_BY}: when objection-tracker.service runs.",
        "[Unit]",
        f"Description=Run objection-tracker on [schedule] cron = {config.cron!r}",
        "",
        "[Timer]",
        f"OnCalendar={oncalendar(config)}",
        "# up to this much later, at random: installations on one schedule spread out",
        f"RandomizedDelaySec={RANDOM_DELAY}",
        "# a run missed while the machine was off happens when it is back",
        "Persistent=true",
        "",
        "[Install]",
        "WantedBy=timers.target",
    ]
    return {f"{UNIT}.service": "\n".join(service) + "\n", f"{UNIT}.timer": "\n".join(timer) + "\n"}


def env_file_text(secrets: Mapping[str, Sequence[str]]) -> str:
    """The EnvironmentFile as `schedule --install systemd` first writes it: no secret in it, an
    empty NAME= line per variable for the user to fill in (an empty one reads as not set)."""
    lines = [f"{WRITTEN_BY}: the secrets objection-tracker.service is given.",
             "# Write each value after its = (one line each, no quotes needed). This file is mode",
             "# 0600: only you can read it. Keep it that way."]
    for name, users in secrets.items():
        lines += [f"# {name}: the password of {', '.join(users)}", f"{name}="]
    return "\n".join(lines) + "\n"


def systemd_next_steps(env_file: Path | None, secrets: Mapping[str, Sequence[str]]) -> list[str]:
    steps = []
    if secrets and env_file is not None:
        steps.append(f"Fill in {env_file}: {_needs(secrets)}.")
    steps += [f"Then: systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer",
              "and `loginctl enable-linger $USER` so that it runs while you are logged out.",
              f"Output goes to the journal (journalctl --user -u {UNIT}): use an smtp or Apprise "
              "channel in [reminders] rather than stdout."]
    return steps


def _needs(secrets: Mapping[str, Sequence[str]]) -> str:
    return ", ".join(f"{name} ({', '.join(users)})" for name, users in secrets.items())


def _systemd_path(path: Path) -> str:
    return str(path).replace("%", "%%")  # a specifier otherwise; a path takes no quotes


def oncalendar(config: ScheduleConfig) -> str:
    spec = _spec(config)
    weekdays = "" if spec.weekday is None else \
        ",".join(WEEKDAYS[d].capitalize() for d in spec.weekday) + " "
    date = f"*-{_list(spec.month, '..', 2)}-{_list(spec.day, '..', 2)}"
    time = ":".join(_list(v, "..", 2) for v in (spec.hour, spec.minute, spec.second))
    zone = f" {config.timezone}" if config.timezone else ""
    return f"{weekdays}{date} {time}{zone}"


def _systemd_quote(word: str) -> str:
    # systemd expands % specifiers and $VARIABLES in ExecStart, even inside quotes
    word = word.replace("%", "%%").replace("$", "$$")
    if word and not any(c in word for c in " \t\"'\\;"):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _list(values: tuple[int, ...] | None, dash: str = "-", width: int = 1) -> str:
    """(1, 2, 3, 5) -> "1-3,5": runs of three or more as a range."""
    if values is None:
        return "*"
    parts, i = [], 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{values[i]:0{width}d}{dash}{values[j]:0{width}d}")
            i = j + 1
        else:
            parts.append(f"{values[i]:0{width}d}")
            i += 1
    return ",".join(parts)
