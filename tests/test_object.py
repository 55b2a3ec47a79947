"""`objection-tracker object` against a real Dovecot: the code mail printed the moment it lands in
Junk (IMAP IDLE), Meta's confirmation ending the watch with "confirmed", nothing marked
\\Seen; the same mail found by polling on a server without IDLE; the "no code" advice after ten
minutes of a clock the test sets; Ctrl-C storing what arrived as a sync stores it."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import FIXTURES, IMAP_PASSWORD, running_dovecot
from tests.imap_server import DovecotServer
from tracker import actions, config
from tracker.act import watch
from tracker.store.lock import exclusive

ROOT = Path(__file__).parents[1]
ACCOUNT = "facebook:anna@example.org"
NOTICE = (FIXTURES / "en_facebook_notice_2024_html_qp.eml").read_bytes()
CODE_MAIL = (FIXTURES / "en_facebook_code_objection.eml").read_bytes()  # "482913 is your …"
CONFIRMATION = (FIXTURES / "en_facebook_confirmation_2024.eml").read_bytes()


def write_config(home: Path, server: DovecotServer, user: str, extra: str = "",
                 url: str | None = None) -> Path:
    path = home / "config.toml"
    path.write_text(f'[database]\nurl = "{url or f"sqlite:///{home}/t.db"}"\n{extra}\n'
                    f'[[mailboxes]]\nname = "personal"\nhost = "127.0.0.1"\nport = {server.port}\n'
                    f'security = "plain"\nusername = "{user}"\npassword_env = "OT_IMAP_PASSWORD"\n',
                    encoding="utf-8")
    return path


def run_cli(path: Path, *args: str, code: int = 0, input: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--config", str(path), *args], input=input,
                                catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def start(path: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--config", str(path), "object",
                             ACCOUNT, "--no-browser", "--yes", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            cwd=ROOT)


class Output:
    """A child's output, read line by line by a thread: lines printed together are not lost in a
    buffer the way a select() on the pipe would miss them. Each line keeps the time it came."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put((time.monotonic(), line))

    def until(self, pattern: str, timeout: float) -> tuple[str, float]:
        """Everything up to the first line matching `pattern`, and when that line came."""
        deadline = time.monotonic() + timeout
        got: list[str] = []
        while True:
            try:
                at, line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line matching {pattern!r} within {timeout} s; got:\n"
                                     + "".join(self.seen + got)) from None
            got.append(line)
            if re.search(pattern, line):
                self.seen += got
                return "".join(got), at


def junk_of(server: DovecotServer, user: str) -> str:
    return next(name for flags, name in server.folders(user) if b"\\Junk" in flags)


def no_seen(server: DovecotServer, user: str) -> None:
    for folder in ("INBOX", junk_of(server, user)):
        flags = server.flags(user, folder)
        assert flags, folder
        assert all("\\Seen" not in f for f in flags.values()), (folder, flags)


def evidence(path: Path) -> list[dict]:
    doc = json.loads(run_cli(path, "status", "--format", "json"))
    account = next(a for a in doc["accounts"] if f"{a['platform']}:{a['account']}" == ACCOUNT)
    return account["evidence"]


@pytest.fixture
def prepared(dovecot: DovecotServer, mailbox_user: str, tracker_home: Path) -> Path:
    """Anna's Facebook account known from its notice, which a first sync stored."""
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, dovecot, mailbox_user)
    run_cli(path, "sync")
    return path


def test_idle_prints_the_code_from_junk_at_once_and_stops_on_the_confirmation(
        dovecot: DovecotServer, mailbox_user: str, prepared: Path) -> None:
    proc = start(prepared, "--wait", "1")
    output = Output(proc)
    try:
        out, _ = output.until(r"^Watching mailbox", 30)
        assert "IMAP IDLE on INBOX and Junk" in out
        assert "Recorded: submitted" in out
        assert "The code goes to anna@example.org" in out
        assert "Mailbox 'personal'" in out
        dovecot.append(mailbox_user, junk_of(dovecot, mailbox_user), CODE_MAIL)
        appended = time.monotonic()
        line, printed = output.until(r"CODE \d{6}", 10)
        gap = printed - appended
        print(f"code printed {gap:.3f} s after the APPEND to Junk")
        assert "CODE 482913 for facebook:anna@example.org, in Spam (folder 'Junk')" in line
        assert gap < 2.0
        dovecot.append(mailbox_user, "INBOX", CONFIRMATION)
        rest, _ = output.until(r"^New state of ", 10)
        assert "Meta's reply for facebook:anna@example.org: a confirmation, in 'INBOX'" in rest
        assert f"New state of {ACCOUNT}: confirmed" in rest
        assert proc.wait(15) == 0
        assert "No code mail after" not in out + line + rest
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    no_seen(dovecot, mailbox_user)
    stored = {(e["kind"], e["folder"]) for e in evidence(prepared)}
    assert stored == {("notice", "INBOX"), ("verification_code", "Junk"), ("confirmation", "INBOX")}


# --- a server without IDLE ----------------------------------------------------------------------
NO_IDLE = ("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT UNSELECT CHILDREN NAMESPACE UIDPLUS "
           "LIST-EXTENDED CONDSTORE QRESYNC ESEARCH LIST-STATUS MOVE LITERAL+ SPECIAL-USE")


class NoIdleDovecot(DovecotServer):
    """Dovecot advertising every capability but IDLE (`imap_capability` replaces the list)."""

    def _write_config(self, vmail) -> None:
        super()._write_config(vmail)
        with self.conf_path.open("a", encoding="utf-8") as f:
            f.write(f"imap_capability = {NO_IDLE}\n")


@pytest.fixture(scope="module")
def no_idle_dovecot() -> Iterator[DovecotServer]:
    with running_dovecot("noidle", NoIdleDovecot,
                         users={"poller": IMAP_PASSWORD, "stopper": IMAP_PASSWORD}) as server:
        yield server


def test_without_idle_polling_finds_the_same_mail(no_idle_dovecot: DovecotServer,
                                                 tracker_home: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    server, user = no_idle_dovecot, "poller"
    with server.client(user) as imap:
        assert b"IDLE" not in imap.capabilities()
    server.append(user, "INBOX", NOTICE)
    path = write_config(tracker_home, server, user)
    run_cli(path, "sync")
    proc = start(path, "--wait", "1", "--poll-seconds", "0.2")
    output = Output(proc)
    try:
        out, _ = output.until(r"^Watching mailbox", 30)
        assert "does not offer IMAP IDLE: polling every 0.2 s" in out
        assert "polling INBOX and Junk every 0.2 s" in out
        server.append(user, junk_of(server, user), CODE_MAIL)
        assert "CODE 482913 for facebook:anna@example.org, in Spam (folder 'Junk')" in \
            output.until(r"CODE \d{6}", 10)[0]
        server.append(user, "INBOX", CONFIRMATION)
        assert f"New state of {ACCOUNT}: confirmed" in output.until(r"^New state", 10)[0]
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    no_seen(server, user)


# --- time you can set ---------------------------------------------------------------------------
class SetClock:
    """Minutes pass when the watch waits and nothing is queued; `then` runs at the first wait,
    and with `settle` the watch gets up to 5 real seconds for the IDLE event that follows it."""

    def __init__(self, then=None, settle: bool = False) -> None:
        self.t = 0.0
        self.waits = 0
        self.then, self.settle = then, settle

    def now(self) -> float:
        return self.t

    def wait(self, events: queue.Queue, timeout: float) -> object | None:
        self.waits += 1
        if self.waits == 1 and self.then:
            self.then()
            if self.settle:
                with contextlib.suppress(queue.Empty):
                    return events.get(timeout=5)
        try:
            return events.get_nowait()
        except queue.Empty:
            self.t += timeout
            return None


def follow(path: Path, clock: SetClock, **options):
    cfg = config.load(path)
    actions.mark(cfg, ACCOUNT, "submitted")
    events: list = []
    finished = watch.follow(cfg, actions.database(cfg), cfg.mailboxes[0],
                            ("facebook", "anna@example.org"), "anna@example.org", events.append,
                            clock=clock, **{"wait_minutes": 30, "advice_after_minutes": 10,
                                            "poll_seconds": 20, **options})
    return events, finished


def test_no_code_after_ten_minutes_says_what_to_try(prepared: Path) -> None:
    clock = SetClock()
    events, finished = follow(prepared, clock)
    advice = [e for e in events if isinstance(e, watch.NoCodeYet)]
    assert len(advice) == 1 and advice[0].minutes == 10
    text = "\n".join(watch.describe(advice[0]))
    for hint in ("No code mail after 10 minute(s)", "another one you can read",
                 "spam folder of the mailbox that receives that address (the tracker watches INBOX "
                 "and Junk of 'personal' only)",
                 "after an hour", "didn't get a code"):
        assert hint in text
    assert finished.reason == "timeout" and finished.minutes == 30
    assert finished.state is not None and finished.state.state == "in_progress"
    assert clock.t == 30 * 60  # thirty minutes of watching, none of them waited for


def test_the_advice_minutes_are_a_flag(prepared: Path) -> None:
    out = run_cli(prepared, "object", ACCOUNT, "--no-browser", "--yes", "--wait", "0",
                  "--advice-after", "0")
    assert "No code mail after 0 minute(s)" in out
    assert "no reply within 0 minute(s)" in out
    assert f"New state of {ACCOUNT}: in progress" in out


def test_ctrl_c_stores_what_arrived_as_a_sync_would(dovecot: DovecotServer, mailbox_user: str,
                                                   prepared: Path) -> None:
    def confirmation_then_ctrl_c() -> None:
        dovecot.append(mailbox_user, "INBOX", CONFIRMATION)
        raise KeyboardInterrupt

    events, finished = follow(prepared, SetClock(then=confirmation_then_ctrl_c))
    assert finished.reason == "interrupted"
    assert finished.state is not None and finished.state.state == "objection_confirmed"
    assert {e["kind"] for e in evidence(prepared)} == {"notice", "confirmation"}
    # The same rows a sync writes: a second sync has nothing to say (quiet when nothing changed).
    assert run_cli(prepared, "sync") == ""
    no_seen_inbox = dovecot.flags(mailbox_user, "INBOX")
    assert all("\\Seen" not in f for f in no_seen_inbox.values())


def test_sigint_ends_the_command_cleanly(dovecot: DovecotServer, mailbox_user: str,
                                         prepared: Path) -> None:
    proc = start(prepared, "--wait", "5")
    output = Output(proc)
    try:
        output.until(r"^Watching mailbox", 30)
        dovecot.append(mailbox_user, junk_of(dovecot, mailbox_user), CODE_MAIL)
        output.until(r"CODE 482913", 10)
        proc.send_signal(signal.SIGINT)
        rest, _ = output.until(r"^New state of ", 15)
        assert "stopped (Ctrl-C); what arrived is stored" in rest
        assert f"New state of {ACCOUNT}: in progress" in rest
        assert proc.wait(15) == 130
        time.sleep(0)  # the reader thread has the rest once the pipe closed
        assert "Traceback" not in "".join(output.seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert {e["kind"] for e in evidence(prepared)} == {"notice", "verification_code"}


# --- without a terminal -------------------------------------------------------------------------
def test_without_a_terminal_and_without_yes_it_refuses(prepared: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(prepared), "object", ACCOUNT])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "objection-tracker: object asks you questions and needs a terminal; add --yes to run it "
        "unattended"]
    assert '"submitted_at": null' in run_cli(prepared, "status", "--format", "json")



def test_an_idle_connection_the_server_drops_falls_back_to_polling(
        dovecot: DovecotServer, mailbox_user: str, prepared: Path) -> None:
    proc = start(prepared, "--wait", "1", "--poll-seconds", "0.2")
    output = Output(proc)
    try:
        output.until(r"^Watching mailbox", 30)
        subprocess.run(["doveadm", "-c", str(dovecot.conf_path), "kick", mailbox_user], check=True,
                       capture_output=True)
        notes, _ = output.until(r"IDLE on '(INBOX|Junk)' failed", 10)
        for folder in ("INBOX", "Junk"):
            if f"IDLE on '{folder}' failed" not in notes:
                notes += output.until(rf"IDLE on '{folder}' failed", 10)[0]
        assert notes.count("polling it every 0.2 s") == 2
        dovecot.append(mailbox_user, junk_of(dovecot, mailbox_user), CODE_MAIL)
        assert "CODE 482913" in output.until(r"CODE \d{6}", 10)[0]
        dovecot.append(mailbox_user, "INBOX", CONFIRMATION)
        assert f"New state of {ACCOUNT}: confirmed" in output.until(r"^New state", 10)[0]
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_code_older_than_an_hour_is_called_probably_expired() -> None:
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    fresh = watch.CodeArrived("482913", ACCOUNT, "personal", "INBOX", False, now,
                              now - dt.timedelta(minutes=2))
    stale = watch.CodeArrived("482913", ACCOUNT, "personal", "Junk", True, now,
                              now - dt.timedelta(hours=3))
    assert "Enter it in the form (valid for about an hour)." in watch.describe(fresh)[0]
    assert "in 'INBOX' of 'personal'" in watch.describe(fresh)[0]
    assert "probably expired; ask the form for a new one" in watch.describe(stale)[0]
    assert "in Spam (folder 'Junk')" in watch.describe(stale)[0]


def test_a_code_only_in_the_body_is_read_again_from_the_server(
        dovecot: DovecotServer, mailbox_user: str, tracker_home: Path, database_url: str) -> None:
    """Meta's subject usually carries the code; when it does not, the one mail is read again
    (BODY.PEEK) from where the sync recorded it, on SQLite and PostgreSQL."""
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, dovecot, mailbox_user, url=database_url)
    run_cli(path, "sync")
    no_code_subject = CODE_MAIL.replace(b"Subject: 482913 is your confirmation code",
                                        b"Subject: Your confirmation code")
    assert no_code_subject != CODE_MAIL
    junk = junk_of(dovecot, mailbox_user)
    events, finished = follow(path, SetClock(
        then=lambda: dovecot.append(mailbox_user, junk, no_code_subject), settle=True))
    codes = [e for e in events if isinstance(e, watch.CodeArrived)]
    assert [(c.code, c.folder, c.junk) for c in codes] == [("482913", "Junk", True)]
    assert finished.reason == "timeout"
    no_seen(dovecot, mailbox_user)


def test_a_busy_database_delays_the_sync_and_the_watch_goes_on(
        dovecot: DovecotServer, mailbox_user: str, prepared: Path) -> None:
    cfg = config.load(prepared)
    held = contextlib.ExitStack()
    held.enter_context(exclusive(cfg.database_url, "nightly run"))
    dovecot.append(mailbox_user, "INBOX", CONFIRMATION)
    events, finished = follow(prepared, SetClock(then=held.close))
    notes = [e.text for e in events if isinstance(e, watch.Note)]
    assert any("another run is using the database (nightly run" in n and "trying again in 5 s" in n
               for n in notes), notes
    assert finished.reason == "reply"
    assert finished.state is not None and finished.state.state == "objection_confirmed"


def test_whatsapp_s_objection_is_walked_through_and_its_code_and_yes_are_read(
        dovecot: DovecotServer, mailbox_user: str, tracker_home: Path) -> None:
    # FG 2026-12: WhatsApp's AI objection (Brazil) mails a numeric code, then Meta's confirmation.
    key = "whatsapp:ben.work@example.net"
    dovecot.append(mailbox_user, "INBOX", (FIXTURES / "en_whatsapp_other_ai_info.eml").read_bytes())
    path = write_config(tracker_home, dovecot, mailbox_user)
    run_cli(path, "sync")
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--config", str(path), "object",
                             key, "--no-browser", "--yes", "--wait", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            cwd=ROOT)
    output = Output(proc)
    try:
        out, _ = output.until(r"^Watching mailbox", 30)
        assert f"{key}: no mail of WhatsApp's AI objection yet" in out
        assert "3. Open the form yourself: https://help.meta.com/support/privacy/" in out
        assert "Recorded: submitted" in out
        dovecot.append(mailbox_user, "INBOX",
                       (FIXTURES / "en_whatsapp_code_objection.eml").read_bytes())
        line, _ = output.until(r"CODE \d{6}", 20)
        assert f"CODE 902614 for {key}" in line
        dovecot.append(mailbox_user, "INBOX",
                       (FIXTURES / "en_whatsapp_confirmation_objection.eml").read_bytes())
        rest, _ = output.until(r"^New state of ", 20)
        assert f"New state of {key}: confirmed" in rest
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- only what is vouched for (issue 20 item 7) -------------------------------------------------
def test_an_unsigned_code_and_reply_are_unverified_and_the_watch_goes_on(
        dovecot: DovecotServer, mailbox_user: str, prepared: Path) -> None:
    """A code and a "confirmation" from facebookmail.com that carry no DKIM signature (anyone can
    write that From) are shown as UNVERIFIED with what to check; the watch does not end on them
    and the account stays in progress. Meta's signed mail, as the test above shows, ends it."""
    def forged() -> None:
        dovecot.append(mailbox_user, "INBOX", CODE_MAIL, meta_signed=False)
        dovecot.append(mailbox_user, "INBOX", CONFIRMATION, meta_signed=False)

    events, finished = follow(prepared, SetClock(then=forged, settle=True))
    codes = [e for e in events if isinstance(e, watch.CodeArrived)]
    replies = [e for e in events if isinstance(e, watch.ReplyArrived)]
    assert [(c.code, c.vouched) for c in codes] == [("482913", False)]
    assert [(r.kind, r.vouched) for r in replies] == [("confirmation", False)]
    assert finished.reason == "timeout" and finished.minutes == 30  # watched on to the end
    assert finished.state is not None and finished.state.state == "in_progress"
    code_text = "\n".join(watch.describe(codes[0]))
    reply_text = "\n".join(watch.describe(replies[0]))
    assert "UNVERIFIED code 482913 for facebook:anna@example.org" in code_text
    assert "CODE 482913" not in code_text and "Enter it in the form" not in code_text
    assert "UNVERIFIED reply for facebook:anna@example.org that reads as a confirmation" in reply_text
    assert "Meta's reply for" not in reply_text and "not counted" in reply_text
    assert "its From (Facebook <security@facebookmail.com>)" in code_text  # what to check
    assert "its From (Facebook <noreply@support.facebook.com>)" in reply_text
    for text in (code_text, reply_text):
        assert "no DKIM signature of a Meta domain" in text  # what the check found
        assert f"objection-tracker why {ACCOUNT}" in text
        assert "what anyone can write" in text
        assert "Still watching" in text
    assert all("\\Seen" not in f for f in dovecot.flags(mailbox_user, "INBOX").values())


def test_a_signed_code_and_reply_are_announced_as_meta_s(
        dovecot: DovecotServer, mailbox_user: str, prepared: Path) -> None:
    def signed() -> None:
        dovecot.append(mailbox_user, "INBOX", CODE_MAIL)
        dovecot.append(mailbox_user, "INBOX", CONFIRMATION)

    events, finished = follow(prepared, SetClock(then=signed, settle=True))
    codes = [e for e in events if isinstance(e, watch.CodeArrived)]
    replies = [e for e in events if isinstance(e, watch.ReplyArrived)]
    assert [(c.code, c.vouched) for c in codes] == [("482913", True)]
    assert [(r.kind, r.vouched) for r in replies] == [("confirmation", True)]
    assert finished.reason == "reply" and finished.state.state == "objection_confirmed"
    assert "UNVERIFIED" not in "\n".join(watch.describe(codes[0]) + watch.describe(replies[0]))
