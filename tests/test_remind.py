"""Reminders: which accounts are due (pure), the digest, throttling over simulated days against a
real database, the history on SQLite and PostgreSQL, and the `remind` command."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tracker import actions, config
from tracker.act.remind import digest, pending, plan
from tracker.errors import ConfigError
from tracker.mail.rawmail import RawMessage
from tracker.recognition import rules
from tracker.recognition.classify import Finding
from tracker.recognition.parse import parse
from tracker.store.engine import open_database
from tracker.store.repo import Repository, SentReminder
from tracker.store.state import AccountState

DAY0 = dt.datetime(2026, 3, 2, 3, 30, tzinfo=dt.UTC)
IG_FORM = rules.DEFAULT_OBJECTION_URL["instagram"]
FB_FORM = rules.DEFAULT_OBJECTION_URL["facebook"]


def day(n: float) -> dt.datetime:
    return DAY0 + dt.timedelta(days=n)


def state(platform: str, account: str, name: str, since: dt.datetime, **kw) -> AccountState:
    return AccountState(platform, account, name, since, "notice",
                        rules.DEFAULT_OBJECTION_URL.get(platform), **kw)


def add_notice(cfg: config.Config, platform: str, account: str, at: dt.datetime,
               kind: str = "notice", url: str | None = None) -> None:
    """A Meta mail as sync would store it, written through the Repository."""
    n = abs(hash((platform, account, kind, at))) % 10**9
    data = (f"Message-ID: <{kind}-{n}@test>\r\nDate: {at:%a, %d %b %Y %H:%M:%S +0000}\r\n"
            f"From: Meta <noreply@facebookmail.com>\r\nSubject: {kind}\r\n\r\nbody\r\n").encode()
    raw = RawMessage(data, "test", "INBOX", 1, n)
    finding = Finding(kind, platform, account, None, "en",
                      objection_url=url or rules.DEFAULT_OBJECTION_URL.get(platform))
    with actions.database(cfg).begin() as session:
        Repository(session).record_finding(raw, parse(data), finding)


@pytest.fixture
def cfg(tmp_path: Path) -> config.Config:
    return config.parse({"database": {"url": f"sqlite:///{tmp_path / 't.db'}"},
                         "reminders": {"channels": ["stdout"]}})


# --- which accounts are pending (pure) ----------------------------------------------------------
def test_pending_states_and_reasons() -> None:
    states = [
        state("instagram", "ig", "needs_action", day(-3)),
        state("facebook", "rej", "rejected", day(-1)),
        state("facebook", "fresh", "in_progress", day(-13)),
        state("facebook", "stale", "in_progress", day(-14)),
        state("facebook", "late", "in_progress", day(-31)),
        state("facebook", "done", "objection_confirmed", day(-50)),
        state("facebook", "skip", "ignored", day(-50)),
        state("whatsapp", "+49", "no_objection_available", day(-50)),
    ]
    found = pending(states, now=DAY0, stale_after_days=14)
    assert [(a.account, a.reason) for a in found] == [
        ("late", "overdue"), ("rej", "rejected"), ("ig", "needs_action"), ("stale", "stale")]


def test_nothing_pending_means_no_delivery() -> None:
    states = [state("facebook", "done", "objection_confirmed", day(-50))]
    assert plan(states, {}, ["stdout", "smtp"], now=DAY0, every_days=7, stale_after_days=14) == []


def test_digest_text_and_html() -> None:
    accounts = pending([
        state("instagram", "<b>ig</b>", "needs_action", day(-12), addresses=("me@example.org",)),
        state("facebook", "me@example.org", "in_progress", day(-40)),
    ], now=DAY0, stale_after_days=14)
    d = digest(accounts, now=DAY0)
    assert d.subject == "objection-tracker: 2 Meta accounts waiting for you (1 overdue)"
    assert "* facebook:me@example.org: OVERDUE: submitted 40 days ago, no confirmation" in d.text
    assert "send Meta a reminder (objection-tracker reminder-text facebook:me@example.org)" in d.text
    assert "* instagram:<b>ig</b> (mail to me@example.org): needs action, for 12 days" in d.text
    assert f"  Form: {IG_FORM}" in d.text
    assert f'<a href="{FB_FORM}">{FB_FORM}</a>' in d.html
    assert "&lt;b&gt;ig&lt;/b&gt;" in d.html and "<b>ig</b>" not in d.html


def test_throttle_per_account_and_channel() -> None:
    states = [state("instagram", "a", "needs_action", day(-20)),
              state("instagram", "b", "needs_action", day(-20))]
    history = {("instagram", "a", "stdout"): SentReminder(day(-2), "needs_action")}

    def due(now: dt.datetime) -> dict[str, list[str]]:
        return {d.channel: [a.account for a in d.digest.accounts]
                for d in plan(states, history, ["stdout", "smtp"], now=now, every_days=7,
                              stale_after_days=14)}

    # a was reminded on stdout two days ago; smtp never told anyone anything
    assert due(DAY0) == {"stdout": ["b"], "smtp": ["a", "b"]}
    # nightly runs start a little earlier or later: 7 days minus a few hours still counts
    assert due(day(5) - dt.timedelta(hours=3)) == {"stdout": ["a", "b"], "smtp": ["a", "b"]}


def test_new_reason_is_news_at_once() -> None:
    history = {("facebook", "x", "stdout"): SentReminder(day(-1), "stale")}
    now_overdue = [state("facebook", "x", "in_progress", day(-31))]
    now_rejected = [state("facebook", "x", "rejected", day(0))]
    for states in (now_overdue, now_rejected):
        assert plan(states, history, ["stdout"], now=DAY0, every_days=7, stale_after_days=14)
    still_stale = [state("facebook", "x", "in_progress", day(-20))]
    assert plan(still_stale, history, ["stdout"], now=DAY0, every_days=7, stale_after_days=14) == []


# --- against a real database, over simulated days ------------------------------------------------
def test_reminders_over_simulated_days(cfg: config.Config) -> None:
    add_notice(cfg, "instagram", "ig.user", day(-2))
    out = io.StringIO()

    def run(n: float) -> list[str]:
        result = actions.remind(cfg, now=day(n), stream=out)
        assert result.failures == []
        return [a.key for d in result.sent for a in d.digest.accounts]

    assert run(0) == ["instagram:ig.user"]
    assert "instagram:ig.user: needs action, for 2 days" in out.getvalue()
    assert run(1) == []
    add_notice(cfg, "facebook", "me@example.org", day(4.9))
    assert run(5) == ["facebook:me@example.org"]  # a new account is news at once
    assert run(6) == []
    assert run(7) == ["instagram:ig.user"]  # every_days = 7, per account
    actions.mark(cfg, "instagram:ig.user", "submitted", at=day(8))
    assert run(12) == ["facebook:me@example.org"]
    actions.mark(cfg, "facebook:me@example.org", "submitted", at=day(12.5))
    assert run(18) == []  # both in progress, neither stale yet
    assert run(22) == ["instagram:ig.user"]  # stale: 14 days without confirmation
    assert run(27) == ["facebook:me@example.org"]
    assert run(39) == ["instagram:ig.user", "facebook:me@example.org"]  # overdue is news at once
    assert "instagram:ig.user: OVERDUE: submitted 31 days ago" in out.getvalue()
    assert run(40) == []
    actions.mark(cfg, "instagram:ig.user", "confirmed", at=day(40))
    actions.mark(cfg, "facebook:me@example.org", "ignored", at=day(40))
    assert run(60) == []


def test_dry_run_records_nothing(cfg: config.Config) -> None:
    add_notice(cfg, "instagram", "ig.user", day(-2))
    out = io.StringIO()
    preview = actions.remind(cfg, now=DAY0, dry_run=True, stream=out)
    assert [d.channel for d in preview.deliveries] == ["stdout"] and preview.sent == []
    assert out.getvalue() == ""
    assert actions.remind(cfg, now=DAY0, stream=out).sent  # still due: the preview recorded nothing


def test_history_storage(database_url: str) -> None:
    sessions = open_database(database_url)
    with sessions.begin() as session:
        repo = Repository(session)
        repo.record_reminder("instagram", "a", "stdout", "needs_action", day(0))
        repo.record_reminder("instagram", "a", "stdout", "stale", day(7))
        repo.record_reminder("instagram", "a", "apprise:0123456789ab", "needs_action", day(1))
        repo.record_reminder("facebook", "b", "smtp", "overdue",
                             day(2).astimezone(dt.timezone(dt.timedelta(hours=2))))
    with sessions.begin() as session:
        last = Repository(session).last_reminders()
    assert last == {
        ("instagram", "a", "stdout"): SentReminder(day(7), "stale"),
        ("instagram", "a", "apprise:0123456789ab"): SentReminder(day(1), "needs_action"),
        ("facebook", "b", "smtp"): SentReminder(day(2), "overdue"),
    }
    assert last[("facebook", "b", "smtp")].sent_at.tzinfo == dt.UTC


# --- the command ----------------------------------------------------------------------------------
def write_config(tmp_path: Path, channels: list[str]) -> Path:
    path = tmp_path / "config.toml"
    quoted = ", ".join(f'"{c}"' for c in channels)
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n'
                    f"[reminders]\nchannels = [{quoted}]\n", encoding="utf-8")
    return path


def test_cli_remind_and_failed_channel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_config(tmp_path, ["stdout", "ntfy://ntfy.sh/secret-token"])
    cfg = config.load(path)
    runner = CliRunner()
    invoke = lambda *args: runner.invoke(cli, ["--config", str(path), *args],  # noqa: E731
                                         catch_exceptions=False)
    nothing = invoke("remind")
    assert nothing.exit_code == 0 and nothing.stdout == ""  # quiet for cron
    add_notice(cfg, "instagram", "ig.user", day(-2))

    preview = invoke("remind", "--dry-run")
    assert preview.exit_code == 0
    assert "--- would send via stdout: 1 account ---" in preview.stdout
    assert "--- would send via ntfy://… (apprise:" in preview.stdout
    assert "secret-token" not in preview.stdout

    monkeypatch.setitem(sys.modules, "apprise", None)  # as when the optional package is missing
    sent = invoke("remind")
    assert sent.exit_code == 5
    assert "instagram:ig.user" in sent.stdout  # the other channel still went out
    assert "Apprise URLs need the optional apprise package" in sent.stderr
    assert "objection-tracker[notify]" in sent.stderr and "secret-token" not in sent.stderr
    with actions.database(cfg).begin() as session:
        assert set(Repository(session).last_reminders()) == {("instagram", "ig.user", "stdout")}
    again = invoke("remind")  # stdout is throttled; the failed channel is tried again
    assert again.exit_code == 5 and again.stdout == ""


# --- config -------------------------------------------------------------------------------------
def test_reminder_config() -> None:
    cfg = config.parse({"reminders": {"every_days": 3, "stale_after_days": 10,
                                      "channels": ["stdout", "ntfy://ntfy.sh/t"]}})
    assert cfg.reminders == config.ReminderConfig(3, 10, ("stdout", "ntfy://ntfy.sh/t"), None)
    assert config.parse({}).reminders == config.ReminderConfig()


@pytest.mark.parametrize(("raw", "key"), [
    ({"every_days": -1}, "reminders.every_days"),
    ({"every_days": "7"}, "reminders.every_days"),
    ({"stale_after_days": 1.5}, "reminders.stale_after_days"),
    ({"channels": "stdout"}, "reminders.channels"),
    ({"channels": ["stdout", "mail"]}, "reminders.channels[1]"),
    ({"channels": ["stdout", "stdout"]}, "reminders.channels[1]"),
    ({"channels": ["smtp"]}, "reminders.channels"),
    ({"often": 1}, "reminders.often"),
])
def test_reminder_config_errors_name_the_key(raw: dict, key: str) -> None:
    with pytest.raises(ConfigError, match=rf"^{re.escape(key)}: "):
        config.parse({"reminders": raw})


def test_only_https_links_become_links() -> None:
    odd = AccountState("facebook", "x", "needs_action", day(-1), "notice", "javascript:alert(1)")
    d = digest(pending([odd], now=DAY0, stale_after_days=14), now=DAY0)
    assert "<a " not in d.html and "Form: javascript:alert(1)" in d.html


def test_the_digest_names_a_wrong_form_and_the_third_party_request_on_the_account_s_lines():
    from tracker.store.repo import Evidence
    from tracker.store.state import derive

    states = derive([Evidence("facebook", "me@example.org", "notice", day(-50)),
                     Evidence("facebook", "me@example.org", "third_party_reply", day(-20),
                              request_state="needs_information")], now=DAY0)
    d = digest(pending(states, now=DAY0, stale_after_days=14), now=DAY0)
    assert ("  Third-party data request: Meta asks for more information since "
            f"{day(-20).date().isoformat()}\n  Only the third-party-information form was filed") in d.text
    assert "that form does not object to training on your own posts" in d.html
    german = digest(pending(states, now=DAY0, stale_after_days=14), now=DAY0, language="de")
    assert "es widerspricht nicht dem Training mit deinen eigenen Beiträgen" in german.text
