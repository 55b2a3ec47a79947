"""The whole chain against a real Dovecot: sync, states, no \\Seen, incremental runs, resume,
UIDVALIDITY change, wrong password. Each test gets its own IMAP user and database."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import IMAP_PASSWORD
from tests.imap_server import DovecotServer
from tracker import actions, config, sync
from tracker.store.engine import open_database
from tracker.store.models import Finding, ProcessedMessage

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
INBOX_MAILS = ["notice_facebook_en.eml", "notice_instagram_en.eml", "code_instagram_en.eml",
               "phishing_lookalike.eml", "newsletter.eml", "broken_meta.eml"]
# The newsletter is not from Meta: the server's search never returns it, so it is never fetched.
MATCHED = len(INBOX_MAILS) - 1


def write_config(home: Path, dovecot: DovecotServer, user: str, extra: str = "", **box: str) -> Path:
    lines = [f'[database]\nurl = "sqlite:///{home}/t.db"\n', extra]
    boxes = [dict(name="personal", username=user, password_env="OT_IMAP_PASSWORD")]
    if box:
        boxes = [dict(boxes[0], **box)]
    for b in boxes:
        lines.append("[[mailboxes]]\n")
        lines.append(f'host = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "plain"\n')
        lines += [f"{k} = {json.dumps(v) if not v.startswith('[') else v}\n" for k, v in b.items()]
    path = home / "config.toml"
    path.write_text("".join(lines))
    return path


def fill(dovecot: DovecotServer, user: str) -> None:
    for name in INBOX_MAILS:
        dovecot.append(user, "INBOX", (DATA / name).read_bytes())
    junk = next(name for flags, name in dovecot.folders(user) if b"\\Junk" in flags)
    dovecot.append(user, junk, (DATA / "notice_instagram_de_junk.eml").read_bytes())


def cli_run(path: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--config", str(path), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def states(path: Path) -> dict[str, str]:
    doc = json.loads(cli_run(path, "status", "--format", "json"))
    return {f"{a['platform']}:{a['account']}": a["state"] for a in doc["accounts"]}


def counts(home: Path) -> tuple[int, int]:
    sessions = open_database(f"sqlite:///{home}/t.db")
    with sessions.begin() as s:
        return s.query(ProcessedMessage).count(), s.query(Finding).count()


def test_sync_finds_every_account_and_never_marks_mail_read(dovecot, mailbox_user, tracker_home):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user)
    cli_run(path, "sync")
    assert states(path) == {
        "facebook:anna@example.org": "needs_action",
        "instagram:anna.photos": "in_progress",
        "instagram:anna.atelier": "needs_action",  # found in the \Junk folder
    }
    doc = json.loads(cli_run(path, "status", "--format", "json"))
    assert [s["reason"].split(":")[0] for s in doc["suspicious"]] == ["lookalike-domain"]
    assert "meta-privacy-center" not in json.dumps(doc)  # a suspicious mail's links never reach the report
    for folder in ("INBOX", "Junk"):
        flags = dovecot.flags(mailbox_user, folder)
        assert flags and all("\\Seen" not in f for f in flags.values()), flags


def test_an_unchanged_mailbox_costs_a_few_round_trips_and_prints_nothing(dovecot, mailbox_user, tracker_home):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user)
    cli_run(path, "sync")
    before = counts(tracker_home)
    sent_before = len(dovecot.bytes_sent(mailbox_user))
    assert cli_run(path, "sync") == ""  # not a terminal and nothing new: silent, for cron
    assert counts(tracker_home) == before
    second = dovecot.bytes_sent(mailbox_user, at_least=sent_before + 1)[-1]
    assert second < 3000, f"an unchanged re-sync made the server send {second} bytes"


def test_new_mail_is_read_incrementally(dovecot, mailbox_user, tracker_home):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user)
    cli_run(path, "sync")
    confirmation = (DATA / "notice_facebook_en.eml").read_bytes().replace(
        b"<cli-notice-1@facebookmail.com>", b"<confirm-1@facebookmail.com>").replace(
        b"Subject: We're updating our Privacy Policy as we expand AI at Meta",
        b"Subject: Your objection request").replace(
        b"We're getting ready to expand AI at Meta.",
        b"We've reviewed your request and will honor your objection. This means your request will be applied going forward.").replace(
        b"Wed, 29 May 2024", b"Mon, 03 Jun 2024").replace(b"right to object", b"Privacy Policy").replace(
        b"help%2Fcontact%2F712876720715583", b"privacy%2Fpolicy")
    dovecot.append(mailbox_user, "INBOX", confirmation)
    out = cli_run(path, "sync")
    assert "1 new message looked at" in out and "1 confirmation" in out
    assert states(path)["facebook:anna@example.org"] == "objection_confirmed"


def test_a_run_killed_midway_loses_nothing_and_the_next_one_resumes(dovecot, mailbox_user, tracker_home,
                                                                     monkeypatch):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX"]')
    monkeypatch.setattr(sync, "BATCH", 2)
    real_fetch = sync.MailboxSession.fetch_sections
    calls = {"n": 0}

    def dying_fetch(self, wanted):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")  # what SIGINT from a user or cron's kill looks like
        return real_fetch(self, wanted)

    monkeypatch.setattr(sync.MailboxSession, "fetch_sections", dying_fetch)
    cfg = config.load(path)
    with pytest.raises(KeyboardInterrupt):
        actions.sync(cfg)
    processed, _ = counts(tracker_home)
    assert 0 < processed < MATCHED  # the first batch was committed
    monkeypatch.setattr(sync.MailboxSession, "fetch_sections", real_fetch)
    summaries, failures = actions.sync(cfg)
    assert not failures and summaries[0].looked_at == MATCHED - processed
    processed, findings = counts(tracker_home)
    assert processed == MATCHED
    assert findings == MATCHED  # 4 Meta mails (one broken but readable) + 1 suspicious; no duplicates


def test_sigkill_at_any_moment_then_rerun_gives_the_same_result(dovecot, mailbox_user, tracker_home):
    fill(dovecot, mailbox_user)
    for i in range(300):  # enough everyday mail to be mid-run when the kill comes
        raw = (DATA / "notice_facebook_en.eml").read_bytes().replace(
            b"<cli-notice-1@", f"<bulk-{i}@".encode()).replace(b"right to object", b"see more").replace(
            b"help%2Fcontact%2F712876720715583", b"notifications")
        dovecot.append(mailbox_user, "INBOX", raw)
    path = write_config(tracker_home, dovecot, mailbox_user)
    env = {**os.environ, "OT_IMAP_PASSWORD": IMAP_PASSWORD}
    proc = subprocess.Popen([sys.executable, "cli.py", "--config", str(path), "sync"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = tracker_home / "t.db"
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:  # kill once the first batch is in
        if db.exists() and _processed_rows(db) > 0:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the sync finished before the kill: nothing was tested"
    assert _processed_rows(db) < MATCHED + 1 + 300
    cli_run(path, "sync")
    processed, findings = counts(tracker_home)
    assert processed == MATCHED + 1 + 300  # INBOX, Junk, the everyday mail
    assert findings == processed  # each once: no duplicates after the kill
    assert states(path)["facebook:anna@example.org"] == "needs_action"


def test_uidvalidity_change_rescans_and_matches_by_message_id(dovecot, mailbox_user, tracker_home):
    mails = [(DATA / n).read_bytes() for n in INBOX_MAILS[:3]]
    for raw in mails:
        dovecot.append(mailbox_user, "Meta", raw)
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["Meta"]')
    cli_run(path, "sync")
    before = states(path)
    _, findings_before = counts(tracker_home)
    old_validity = dovecot.uidvalidity(mailbox_user, "Meta")
    dovecot.delete_folder(mailbox_user, "Meta")
    time.sleep(1.1)  # Dovecot derives UIDVALIDITY from the clock
    for raw in mails:
        dovecot.append(mailbox_user, "Meta", raw)
    assert dovecot.uidvalidity(mailbox_user, "Meta") != old_validity
    assert cli_run(path, "sync") == ""  # nothing new: silent
    with open_database(f"sqlite:///{tracker_home}/t.db").begin() as s:
        outcomes = [row.outcome for row in s.query(ProcessedMessage).filter_by(
            uidvalidity=dovecot.uidvalidity(mailbox_user, "Meta"))]
    assert outcomes == ["duplicate"] * 3  # matched by Message-ID, bodies not fetched again
    assert counts(tracker_home)[1] == findings_before and states(path) == before


def test_wrong_password_is_one_line_exit_4_and_other_mailboxes_still_sync(dovecot, mailbox_user,
                                                                          tracker_home, monkeypatch):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user)
    text = path.read_text()
    bad = text.split("[[mailboxes]]")[1].replace('"personal"', '"work"').replace(
        '"OT_IMAP_PASSWORD"', '"OT_BAD_PASSWORD"')
    path.write_text(text.replace("[[mailboxes]]", "[[mailboxes]]" + bad + "\n[[mailboxes]]", 1))
    env = {**os.environ, "OT_IMAP_PASSWORD": IMAP_PASSWORD, "OT_BAD_PASSWORD": "wrong-secret-42"}
    proc = subprocess.run([sys.executable, "cli.py", "--config", str(path), "sync"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 4
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "mailbox 'work'" in lines[0] and "login refused" in lines[0], proc.stderr
    assert "wrong-secret-42" not in proc.stderr + proc.stdout
    assert "facebook:anna@example.org" in states(path)  # the good mailbox was synced


def test_a_missing_folder_names_the_folders_that_exist(dovecot, mailbox_user, tracker_home):
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX", "Nope"]')
    result = CliRunner().invoke(cli, ["--config", str(path), "sync"])
    assert result.exit_code == 4
    assert "cannot open folder 'Nope'" in result.output and "INBOX" in result.output
    assert "facebook:anna@example.org" in states(path)


def test_moving_since_earlier_reads_the_older_mail(dovecot, mailbox_user, tracker_home):
    # SINCE compares the server's arrival date (INTERNALDATE), so the mails arrive on their dates.
    import datetime as dt

    for name, day in (("notice_facebook_en.eml", 29), ("code_instagram_en.eml", 31)):
        dovecot.append(mailbox_user, "INBOX", (DATA / name).read_bytes(),
                       date=dt.datetime(2024, 5, day, 12, tzinfo=dt.UTC))
    path = write_config(tracker_home, dovecot, mailbox_user, since="2024-05-30")
    cli_run(path, "sync")
    assert "facebook:anna@example.org" not in states(path)
    path.write_text(path.read_text().replace('since = "2024-05-30"', 'since = "2024-05-01"'))
    out = cli_run(path, "sync")
    assert "1 notice" in out
    assert states(path)["facebook:anna@example.org"] == "needs_action"
    assert cli_run(path, "sync") == ""  # and then it is settled again


def test_a_mail_moved_into_another_scanned_folder_is_a_duplicate_not_a_crash(dovecot, mailbox_user,
                                                                             tracker_home):
    notice = (DATA / "notice_facebook_en.eml").read_bytes()
    dovecot.append(mailbox_user, "INBOX", notice)
    dovecot.append(mailbox_user, "Archive", (DATA / "code_instagram_en.eml").read_bytes())
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX", "Archive"]')
    cli_run(path, "sync")
    dovecot.append(mailbox_user, "Archive", notice)  # the user archives the notice: a new UID there
    cli_run(path, "sync")
    cli_run(path, "sync")
    assert counts(tracker_home) == (3, 2)  # three UIDs looked at, two findings


def test_one_hostile_mail_does_not_block_the_mailbox(dovecot, mailbox_user, tracker_home):
    hostile = (b"From: Facebook <x@facebook-alerts.example>\r\nTo: anna@example.org\r\n"
               b"Subject: hi\r\nDate: Fri, 31 Dec 9999 23:59:59 -1200\r\n"
               b"Message-ID: <" + b"x" * 1200 + b"@example>\r\n\r\nbody\r\n")
    dovecot.append(mailbox_user, "INBOX", hostile)
    dovecot.append(mailbox_user, "INBOX", (DATA / "notice_facebook_en.eml").read_bytes())
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX"]')
    cli_run(path, "sync")
    assert states(path) == {"facebook:anna@example.org": "needs_action"}


def test_a_server_failure_mid_folder_is_one_line_and_keeps_what_was_read(dovecot, mailbox_user, tracker_home,
                                                                         monkeypatch):
    from imapclient.exceptions import IMAPClientError

    fill(dovecot, mailbox_user)
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX"]')

    def failing(self, wanted):
        raise IMAPClientError("fetch failed: [SERVERBUG] Internal error")

    monkeypatch.setattr(sync.MailboxSession, "fetch_sections", failing)
    result = CliRunner().invoke(cli, ["--config", str(path), "sync"])
    assert result.exit_code == 4
    assert result.output.strip().count("\n") == 0 and "SERVERBUG" in result.output


def _processed_rows(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM processed_messages").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet, or locked for a moment
        return 0
