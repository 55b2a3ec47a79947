"""A sync that finds nothing new (issue 21 item 2): on a current SQLite database each folder's
EXAMINE is compared with its stored progress (tracker.unchanged) without importing SQLAlchemy, the
classifier or DKIM, and the run is recorded with sqlite3 (tracker.store.sync_state).

Each case runs twice from the same database against the same real Dovecot: as the tool runs, and
with that path switched off (SyncState.open answering None, as for PostgreSQL or an older
database), which is the full path as it was. What each prints on a terminal or not, its exit
code, and every row of the database after it must be the same, apart from the clock and the pid.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IMAP_PASSWORD, postgres_schema, running_dovecot
from tracker.store.sync_state import SyncState

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()
JUNK_NOTICE = (DATA / "notice_instagram_de_junk.eml").read_bytes()
USERS = [f"same{i}" for i in range(48)]
# What reading mail needs and a sync that finds nothing new must not import.
HEAVY = ("sqlalchemy", "alembic", "tracker.sync", "tracker.recognition.classify",
         "tracker.recognition.dkim", "tracker.recognition.parse", "dkim", "dns", "lxml",
         "numpy", "py3langid", "apprise")

PROBE = """
import json, sys
out, mode, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
sys.argv = ["cli.py", *args]
if mode == "full":  # the path as it was: no sqlite3 bookkeeping
    from tracker.store import sync_state
    sync_state.SyncState.open = classmethod(lambda cls, url: None)
import cli
code = 0
try:
    cli.main()
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
with open(out, "w") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""


@pytest.fixture(scope="module")
def server():
    with running_dovecot("unchanged", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as dovecot:
        yield dovecot


_users = iter(USERS)


@pytest.fixture
def user(server) -> str:
    return next(_users)


def config(home: Path, server, *boxes: dict, url: str | None = None) -> Path:
    lines = [f'[database]\nurl = "{url or f"sqlite:///{home}/t.db"}"\n']
    for box in boxes:
        box = {"name": "personal", "host": "127.0.0.1", "port": server.port, "security": "plain",
               "password_env": "OT_IMAP_PASSWORD"} | box
        lines.append("[[mailboxes]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in box.items()))
    path = home / "config.toml"
    path.write_text("".join(lines))
    return path


def cli(path: Path, *args: str, mode: str = "fast", tty: bool = False,
        password: str = IMAP_PASSWORD) -> dict:
    """One run in a fresh interpreter: its exit code, stdout (on a terminal when `tty`), stderr,
    and the modules it imported."""
    out = path.parent / "probe.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OT_IMAP_PASSWORD": password}
    argv = [sys.executable, "-c", PROBE, str(out), mode, json.dumps(["--config", str(path), *args])]
    if tty:
        master, slave = pty.openpty()
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=slave, stderr=subprocess.PIPE)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the terminal's last writer closed it
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        stderr = proc.communicate(timeout=120)[1]
        stdout = b"".join(chunks).replace(b"\r\n", b"\n")
    else:
        proc = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, timeout=120)
        stdout, stderr = proc.stdout, proc.stderr
    assert b"Traceback" not in stderr, stderr.decode()
    result = json.loads(out.read_text())
    # Dovecot's NO says how long it took ("(0.001 + 0.000 secs)"): the server's, not the tool's.
    said = re.sub(r"\(\d+\.\d+( \+ \d+\.\d+)* secs\)", "(N secs)", stderr.decode())
    return {"code": result["code"], "stdout": stdout.decode(), "stderr": said,
            "modules": set(result["modules"])}


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


TODAY = re.compile(r"'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}'")


def rows(db: Path) -> list[str]:
    """Every row, with the moments of this run (anything written today) and pids left out."""
    today = dt.datetime.now(dt.UTC).date().isoformat()
    connection = sqlite3.connect(db)
    try:
        dump = list(connection.iterdump())
    finally:
        connection.close()
    return [re.sub(r"pid \d+", "pid N", TODAY.sub(
        lambda m: "'NOW'" if m.group(0)[1:11] >= today else m.group(0), line)) for line in dump]


def both(path: Path, *args: str, tty: bool = False, **kw) -> tuple[dict, dict]:
    """The same run from the same database: as the tool runs (fast), then the full path."""
    db = path.parent / "t.db"
    saved = path.parent / "before.db"
    shutil.copy(db, saved)
    fast = cli(path, *args, tty=tty, **kw)
    fast["rows"] = rows(db)
    shutil.copy(saved, db)
    for extra in ("t.db-wal", "t.db-shm"):
        (path.parent / extra).unlink(missing_ok=True)
    full = cli(path, *args, mode="full", tty=tty, **kw)
    full["rows"] = rows(db)
    for key in ("code", "stdout", "stderr", "rows"):
        assert fast[key] == full[key], key
    return fast, full


def first_sync(server, user: str, home: Path, **box) -> Path:
    server.append(user, "INBOX", NOTICE)
    server.append(user, "Junk", JUNK_NOTICE)
    path = config(home, server, {"username": user} | box)
    assert cli(path, "sync", mode="full")["code"] == 0
    return path


def new_notice(n: int) -> bytes:
    return NOTICE.replace(b"<cli-notice-1@", f"<unchanged-{n}@".encode())


@pytest.mark.parametrize("tty", [False, True])
def test_a_resync_with_nothing_new_imports_no_orm_classifier_or_dkim_and_does_what_the_full_path_does(
        server, user, tracker_home, tty):
    path = first_sync(server, user, tracker_home)
    fast, full = both(path, "sync", tty=tty)
    assert heavy(fast["modules"]) == []
    assert "tracker.sync" in full["modules"] and "sqlalchemy" in full["modules"]
    assert fast["code"] == 0
    assert fast["stdout"] == ("personal: nothing new\n" if tty else "")  # cron mails nothing
    assert any("INSERT INTO \"mailbox_syncs\"" in r and "sync on" in r for r in fast["rows"])


@pytest.mark.parametrize("folder", ["INBOX", "Junk"])
def test_new_mail_in_any_folder_takes_the_full_path(server, user, tracker_home, folder):
    path = first_sync(server, user, tracker_home)
    server.append(user, folder, new_notice(1))
    fast, _ = both(path, "sync", tty=True)
    assert "tracker.sync" in fast["modules"]
    assert "1 new message looked at" in fast["stdout"]


def test_a_changed_uidvalidity_takes_the_full_path(server, user, tracker_home):
    server.append(user, "Archive", new_notice(2))
    path = first_sync(server, user, tracker_home, folders=["INBOX", "Archive"])
    before = server.uidvalidity(user, "Archive")
    server.delete_folder(user, "Archive")
    server.append(user, "Archive", new_notice(2))
    assert server.uidvalidity(user, "Archive") != before
    fast, _ = both(path, "sync", tty=True)
    assert "tracker.sync" in fast["modules"]
    assert "1 new message looked at: 1 already known" in fast["stdout"]


def temperror(db: Path, recheck_at: str | None) -> None:
    with sqlite3.connect(db) as connection:
        changed = connection.execute(
            "UPDATE findings SET dkim_result = 'temperror', dkim_recheck_at = ? "
            "WHERE raw IS NOT NULL AND mailbox = 'personal'", (recheck_at,)).rowcount
    connection.close()
    assert changed


def test_a_dkim_recheck_that_is_due_takes_the_full_path(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    temperror(tracker_home / "t.db", None)
    fast, _ = both(path, "sync")
    assert "tracker.recognition.dkim" in fast["modules"]
    assert not any("'temperror'" in r for r in fast["rows"])  # DNS answered this time


def test_a_dkim_recheck_not_yet_due_leaves_the_resync_fast(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    temperror(tracker_home / "t.db", "2999-01-01 00:00:00.000000")
    fast, _ = both(path, "sync")
    assert heavy(fast["modules"]) == []
    assert any("'temperror'" in r for r in fast["rows"])


def test_a_wrong_password_is_one_line_and_exit_4(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    fast, _ = both(path, "sync", password="wrong")
    assert fast["code"] == 4 and fast["stdout"] == ""
    assert len(fast["stderr"].splitlines()) == 1 and "login refused" in fast["stderr"]
    assert "sqlalchemy" not in fast["modules"]


def test_an_unreachable_server_is_one_line_and_exit_4(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    path.write_text(path.read_text().replace(f"port = {server.port}", f"port = {port}"))
    fast, _ = both(path, "sync")
    assert fast["code"] == 4 and len(fast["stderr"].splitlines()) == 1
    assert "cannot connect" in fast["stderr"]


def test_a_folder_that_cannot_be_opened_is_named_and_the_others_still_count(
        server, user, tracker_home):
    path = first_sync(server, user, tracker_home, folders=["INBOX", "Junk"])
    path.write_text(path.read_text().replace('["INBOX", "Junk"]', '["INBOX", "Junk", "Gone"]'))
    cli(path, "sync", mode="full")  # the folders that exist are recorded
    fast, _ = both(path, "sync", tty=True)
    assert fast["code"] == 4 and "'Gone'" in fast["stderr"]
    assert heavy(fast["modules"]) == []


def test_an_older_database_is_migrated_by_the_full_path(server, user, tracker_home):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from tracker.store.revision import migrations_dir

    path = first_sync(server, user, tracker_home)
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    engine = create_engine(f"sqlite:///{tracker_home}/t.db")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "-1")
    engine.dispose()
    assert SyncState.open(f"sqlite:///{tracker_home}/t.db") is None
    fast, _ = both(path, "sync")
    assert "alembic" in fast["modules"] and fast["code"] == 0
    assert SyncState.open(f"sqlite:///{tracker_home}/t.db") is not None  # current again


def test_postgresql_takes_the_full_path(server, user, tracker_home):
    with postgres_schema() as url:
        assert SyncState.open(url) is None
        server.append(user, "INBOX", NOTICE)
        path = config(tracker_home, server, {"username": user}, url=url)
        assert cli(path, "sync")["code"] == 0
        again = cli(path, "sync", tty=True)
        assert again["code"] == 0 and again["stdout"] == "personal: nothing new\n"
        assert "sqlalchemy" in again["modules"]


def two_boxes(server, home: Path) -> Path:
    users = [next(_users), next(_users)]
    for u in users:
        server.append(u, "INBOX", NOTICE)
    path = config(home, server, {"username": users[0]}, {"username": users[1], "name": "work"})
    assert cli(path, "sync", mode="full")["code"] == 0
    return path, users


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_several_mailboxes_one_with_news(server, tracker_home, jobs):
    path, users = two_boxes(server, tracker_home)
    fast, _ = both(path, "sync", "--jobs", jobs, tty=True)
    assert heavy(fast["modules"]) == []
    assert fast["stdout"] == "personal: nothing new\nwork: nothing new\n"
    server.append(users[1], "INBOX", new_notice(3))
    fast, _ = both(path, "sync", "--jobs", jobs, tty=True)
    assert fast["stdout"].startswith("personal: nothing new\nwork: 1 new message looked at")


def test_run_once_with_nothing_new(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    fast, _ = both(path, "run", "--once", tty=True)
    assert "tracker.sync" not in fast["modules"]
    assert "personal: nothing new" in fast["stdout"]
    assert any("run on" in r for r in fast["rows"])


# Ctrl-C while the folders are compared: SIGINT from inside the comparison of the first folder.
INTERRUPT = """
import os, signal, sys
from tracker.store.sync_state import SyncState
real = SyncState.folder_progress
def hooked(self, *args):
    os.kill(os.getpid(), signal.SIGINT)
    return real(self, *args)
SyncState.folder_progress = hooked
sys.argv = ["objection-tracker", *sys.argv[1:]]
from cli import main
main()
"""


def test_ctrl_c_while_looking_says_nothing_was_read_and_records_nothing(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    before = rows(tracker_home / "t.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OT_IMAP_PASSWORD": IMAP_PASSWORD}
    proc = subprocess.run([sys.executable, "-c", INTERRUPT, "--config", str(path), "sync"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "interrupted: mailbox 'personal': 0 mails read and kept; the next sync goes on from " \
           "there" in proc.stderr
    assert rows(tracker_home / "t.db") == before


def stored_ids(db: Path) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {r[0] for r in connection.execute("SELECT message_id FROM findings")}
    finally:
        connection.close()


def test_the_same_name_given_to_another_account_reads_that_account(server, tracker_home):
    """A mailbox whose server or user is changed in the config, its name kept: the new account's
    folders may have the UIDVALIDITY of the old one's (Dovecot gives a folder the second it was
    made: two accounts set up in the same second; many servers give INBOX 1). Its mail under the
    old account's next UID was taken for read, on both paths: never read."""
    for _ in range(3):  # two accounts whose INBOX Dovecot made in the same second
        old, new = next(_users), next(_users)
        server.append(old, "INBOX", NOTICE)
        server.append(new, "INBOX", new_notice(4))
        if server.uidvalidity(old, "INBOX") == server.uidvalidity(new, "INBOX"):
            break
    else:
        pytest.fail("no two INBOXes with one UIDVALIDITY")
    path = config(tracker_home, server, {"username": old, "folders": ["INBOX"]})
    assert cli(path, "sync", mode="full")["code"] == 0
    path.write_text(path.read_text().replace(f'"{old}"', f'"{new}"'))
    fast, _ = both(path, "sync", tty=True)
    assert "1 new message looked at: 1 notice" in fast["stdout"]
    assert "<unchanged-4@facebookmail.com>" in stored_ids(tracker_home / "t.db")
    again, _ = both(path, "sync", tty=True)  # and then it is the mailbox's account
    assert again["stdout"] == "personal: nothing new\n" and heavy(again["modules"]) == []


def test_a_folder_recorded_before_its_account_was_kept_is_stamped_once(server, user, tracker_home):
    path = first_sync(server, user, tracker_home)
    with sqlite3.connect(tracker_home / "t.db") as connection:
        connection.execute("UPDATE folder_states SET account = NULL")
    connection.close()
    fast, _ = both(path, "sync", tty=True)  # the full path, once: it says whose the folders are
    assert "tracker.sync" in fast["modules"] and fast["stdout"] == "personal: nothing new\n"
    assert any(f"'{user}@127.0.0.1'" in r for r in fast["rows"] if "folder_states" in r)
    again, _ = both(path, "sync", tty=True)
    assert heavy(again["modules"]) == []


HOLD = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM mailbox_syncs")
print("holding", flush=True)
time.sleep(600)
"""


def test_a_database_another_program_writes_to_is_one_line_and_exit_4(server, user, tracker_home):
    """A database browser left with a change open: the sync waits 30 s as the ORM does, then says
    so in one line, on either path (both ended in a traceback)."""
    path = first_sync(server, user, tracker_home)
    before = rows(tracker_home / "t.db")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tracker_home / "t.db")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        fast = cli(path, "sync")
        full = cli(path, "sync", mode="full")
    finally:
        holder.kill()
        holder.wait()
    assert heavy(fast["modules"]) == [] and "tracker.sync" in full["modules"]
    for run in (fast, full):
        assert run["code"] == 4 and run["stdout"] == "", run
        assert run["stderr"] == (
            "objection-tracker: mailbox 'personal': the database refused to record this sync "
            "(database is locked: another program is writing to it, a database browser?); the "
            "mail it read is kept\n"), run
    assert rows(tracker_home / "t.db") == before


def test_a_recheck_left_under_a_mailbox_s_old_name_is_done_by_the_mailbox_that_has_the_mail(
        server, user, tracker_home):
    """A flow mail whose DKIM key DNS could not give is checked again by its mailbox's sync; the
    mailbox renamed in the config (or its mail first read by an import), no sync ever looked
    under the old name: the mail stayed unverified, never enough to count as filed or done."""
    path = first_sync(server, user, tracker_home)
    temperror(tracker_home / "t.db", None)
    path.write_text(path.read_text().replace('name = "personal"', 'name = "home"'))
    fast, _ = both(path, "sync", tty=True)  # read again under the new name: already known
    assert "2 new messages looked at: 2 already known" in fast["stdout"]
    fast, _ = both(path, "sync", tty=True)  # due, and this mailbox has the mail: checked again
    assert "tracker.recognition.dkim" in fast["modules"]
    assert not any("'temperror'" in r for r in fast["rows"])
    assert sum("INSERT INTO \"findings\"" in r and "'home'" in r for r in fast["rows"]) == 2
    again, _ = both(path, "sync", tty=True)
    assert heavy(again["modules"]) == []


def test_a_server_restored_from_a_backup_gives_new_mail_old_uids_and_it_is_read(
        server, user, tracker_home, tmp_path):
    """The mail server restored from last week's backup: the same UIDVALIDITY, UIDNEXT back
    where it was, so the next mail gets a UID the last scan had passed. Both paths said
    'nothing new' and never read it. IMAP forbids UIDNEXT to go back: the folder is read again."""
    server.append(user, "INBOX", NOTICE)
    path = config(tracker_home, server, {"username": user, "folders": ["INBOX"]})
    assert cli(path, "sync", mode="full")["code"] == 0
    maildir = server.maildir(user)
    subprocess.run(["cp", "-a", str(maildir), str(tmp_path / "backup")], check=True)
    server.append(user, "INBOX", new_notice(5))
    server.append(user, "INBOX", new_notice(6))
    assert "2 new messages" in cli(path, "sync", tty=True)["stdout"]
    shutil.rmtree(maildir)
    subprocess.run(["cp", "-a", str(tmp_path / "backup"), str(maildir)], check=True)
    assert server.append(user, "INBOX", new_notice(7)) == 2  # a UID read before
    fast, _ = both(path, "sync", tty=True)
    assert "personal: 2 new messages looked at: 1 notice, 1 already known" in fast["stdout"]
    assert "<unchanged-7@facebookmail.com>" in stored_ids(tracker_home / "t.db")
    again, _ = both(path, "sync", tty=True)
    assert heavy(again["modules"]) == [] and again["stdout"] == "personal: nothing new\n"


QUOTE = (Path(__file__).parent / "blind6" / "en_14_threads_quote_no_link.eml").read_bytes()


def old_false_confirmation(db: Path) -> None:
    """What a sync by the rules before the Threads fix stored: Meta's signed quote notification,
    bytes and DKIM verdict kept, as a confirmation; and the database at those older rules."""
    from tests.dkim_keys import harness_sign
    from tracker.recognition.dkim import KeyResolver, verify
    from tracker.recognition.version import RULES
    from tracker.store import models
    from tracker.store.engine import open_database

    raw = harness_sign(QUOTE)
    verdict = verify(raw, "mail.instagram.com", KeyResolver(
        os.environ["OBJECTION_TRACKER_DKIM_NAMESERVERS"].split(",")))
    assert verdict.result == "pass"
    now = dt.datetime.now(dt.UTC)
    sessions = open_database(f"sqlite:///{db}")
    with sessions.begin() as session:
        account = models.Account(platform="instagram", account="tom.harper.draws", first_seen_at=now)
        session.add(models.Finding(
            message_key="<4086fd8a0d21f1138c1c.2287e1@mail.instagram.com>", kind="confirmation",
            account_row=account, date=dt.datetime(2025, 5, 25, 9, 58, tzinfo=dt.UTC),
            subject="data.rights.now quoted your thread", sender="Threads <no-reply@mail.instagram.com>",
            mailbox="personal", folder="INBOX", covers_linked=True, raw=raw,
            dkim_result="pass", dkim_domain=verdict.domain, dkim_selector=verdict.selector,
            reason="rule: confirmation (en): the rules before the fix", recorded_at=now))
        session.query(models.RecognitionRules).update({"version": RULES - 1})
    sessions.kw["bind"].dispose()


@pytest.mark.parametrize("tty", [False, True])
def test_a_sync_after_a_rules_change_reads_stored_mail_again_then_is_the_no_op_again(
        server, user, tracker_home, tty):
    path = first_sync(server, user, tracker_home)
    db = tracker_home / "t.db"
    old_false_confirmation(db)

    fast = cli(path, "sync", tty=tty)  # nothing new in the mailbox, but the rules are newer
    assert "tracker.reread" in fast["modules"]
    said = " ".join(fast["stdout"].split())
    assert ("re-read 3 stored Meta mails with this version's rules: 1 is no longer a "
            "confirmation (now everyday mail from Meta: instagram:tom.harper.draws)") in said
    assert "instagram:tom.harper.draws is now NEEDS ACTION (was confirmed)" in said
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT kind FROM findings WHERE message_key LIKE "
                                  "'<4086fd8a%'").fetchone() == ("other",)

    again = cli(path, "sync", tty=tty)  # read by these rules: the no-op re-sync again
    assert heavy(again["modules"]) == []
    assert again["stdout"] == ("personal: nothing new\n" if tty else "")
