"""Ctrl-C during a sync, `run --once` or an import exits 130 and says, per mailbox, what was kept
(issue 22 item 5). A real Dovecot, a real subprocess and a real SIGINT, sent by a hook at a known
batch (tests/tools/interrupt_sync.py); the counts printed are checked against the database."""

from __future__ import annotations

import mailbox as mboxes
import os
import re
import subprocess
import sys
from pathlib import Path

from tests import conftest
from tests.conftest import IMAP_PASSWORD
from tests.test_sync_dovecot import cli_run, write_config
from tracker.store.engine import open_database
from tracker.store.models import ProcessedMessage

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
HOOK = ROOT / "tests" / "tools" / "interrupt_sync.py"
BULK = 23  # everyday mails: five batches of five


def everyday(i: int) -> bytes:
    return (DATA / "notice_facebook_en.eml").read_bytes().replace(
        b"<cli-notice-1@", f"<bulk-{i}@".encode()).replace(b"right to object", b"see more").replace(
        b"help%2Fcontact%2F712876720715583", b"notifications")


def kept(home: Path) -> dict[str, int]:
    sessions = open_database(f"sqlite:///{home}/t.db")
    with sessions.begin() as s:
        rows = s.query(ProcessedMessage.mailbox).all()
    found: dict[str, int] = {}
    for (box,) in rows:
        found[box] = found.get(box, 0) + 1
    return found


def interrupted(path: Path, mailbox: str, nth: int, *args: str) -> str:
    env = {**os.environ, "OT_IMAP_PASSWORD": IMAP_PASSWORD}
    proc = subprocess.run([sys.executable, str(HOOK), mailbox, str(nth), "--config", str(path),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 130, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


def said(stderr: str, mailbox: str) -> int:
    match = re.search(rf"interrupted: mailbox '{mailbox}': (?:read to the end before the "
                      rf"interrupt, )?(\d+) mails? read and kept", stderr)
    assert match, stderr
    return int(match.group(1))


def test_ctrl_c_during_a_sync_says_what_was_kept(dovecot, mailbox_user, tracker_home):
    for i in range(BULK):
        dovecot.append(mailbox_user, "INBOX", everyday(i))
    path = write_config(tracker_home, dovecot, mailbox_user, folders='["INBOX"]')
    err = interrupted(path, "personal", 2, "sync")  # in the second batch's transaction
    assert said(err, "personal") == kept(tracker_home)["personal"] == 5  # the first batch
    assert "5 mails read and kept (" in err and "the next sync goes on from there" in err
    out = cli_run(path, "sync")
    assert f"{BULK - 5} new messages looked at" in out  # the rest, nothing twice
    assert kept(tracker_home)["personal"] == BULK


def test_ctrl_c_during_run_once_with_mailboxes_in_parallel(dovecot, mailbox_user, tracker_home):
    users = [mailbox_user, next(conftest._free_users)]  # an empty mailbox each
    for user in users:
        for i in range(BULK):
            dovecot.append(user, "INBOX", everyday(i))
    path = write_config(tracker_home, dovecot, users[0], folders='["INBOX"]')
    box = path.read_text().split("[[mailboxes]]")[1]
    path.write_text(path.read_text() + "[[mailboxes]]" + box.replace(
        users[0], users[1]).replace('"personal"', '"work"'))
    err = interrupted(path, "personal", 2, "run", "--once", "--jobs", "2")
    stored = kept(tracker_home)
    # The signal came in personal's second batch; its thread ended that batch, then stopped.
    assert said(err, "personal") == stored["personal"] == 10
    assert "read to the end" not in err.split("'personal'")[1].splitlines()[0]
    assert said(err, "work") == stored.get("work", 0)  # stopped or finished: what it kept
    cli_run(path, "sync")
    assert kept(tracker_home) == {"personal": BULK, "work": BULK}


def test_ctrl_c_during_an_import_says_what_was_kept(tracker_home, tmp_path):
    box = mboxes.mbox(tmp_path / "takeout.mbox")
    for i in range(12):
        box.add(everyday(i))
    box.flush()
    path = tracker_home / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tracker_home}/t.db"\n')
    env = {**os.environ}
    proc = subprocess.Popen([sys.executable, "-c", IMPORT_HOOK, str(path), str(tmp_path / "takeout.mbox")],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, out + err
    match = re.search(r"interrupted: import: (\d+) mails read and kept", err)
    assert match, err
    assert int(match.group(1)) == sum(kept(tracker_home).values()) == 5
    assert "importing the same files again adds only the rest" in err


# An import commits every `batch` mails: SIGINT in the second batch's transaction.
IMPORT_HOOK = """
import os, signal, sys
import tracker.sync
from tracker.store.repo import Repository
from cli import main
real = tracker.sync.ingest_all
def small(*args, **kw):
    return real(*args, **{**kw, "batch": 5})
import tracker.actions
tracker.sync.ingest_all = small
calls = {"n": 0}
record = Repository.record_processed
def hooked(self, *args, **kw):
    record(self, *args, **kw)
    calls["n"] += 1
    if calls["n"] == 7:
        os.kill(os.getpid(), signal.SIGINT)
Repository.record_processed = hooked
sys.argv = ["objection-tracker", "--config", sys.argv[1], "import", sys.argv[2]]
main()
"""
