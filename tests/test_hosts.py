"""Several hosts, one database (issue 15): on PostgreSQL an advisory lock per mailbox and per person,
so two `run --once` started together read each mailbox once and send each person one digest;
`sync --jobs N` in parallel on SQLite and PostgreSQL gives what one job at a time gives."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import IMAP_PASSWORD, postgres_schema, running_dovecot
from tests.imap_server import HARNESS_ID_NAME, DovecotServer
from tests.test_notify_smtp import Inbox, start
from tests.test_people import fill, invoke, notice, write
from tracker.store import hosts
from tracker.store.engine import open_database

ROOT = Path(__file__).parents[1]
USERS = [f"hosts{i}" for i in range(40)]
_free = iter(USERS)
LOGIN = re.compile(r"imap-login: Info: Login: user=<(?P<user>[^>]*)>.*?session=<(?P<session>[^>]*)>")
ID_SENT = re.compile(r"ID sent: (?P<id>.*?): user=<.*\bsession=<(?P<session>[^>]*)>")


@pytest.fixture(scope="module")
def server() -> Iterator[DovecotServer]:
    with running_dovecot("hosts", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as dovecot:
        yield dovecot


def logins(server: DovecotServer, users: list[str]) -> Counter[str]:
    """Successful IMAP logins per user in the server's log, the harness's own left out."""
    log = server.log()
    harness = {m["session"] for m in ID_SENT.finditer(log) if HARNESS_ID_NAME in m["id"]}
    return Counter(m["user"] for m in LOGIN.finditer(log)
                   if m["user"] in users and m["session"] not in harness)


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def test_advisory_lock_is_held_once_per_schema(pg_url):
    sessions = open_database(pg_url)
    with hosts.advisory(sessions, "mailbox", "a") as first, \
            hosts.advisory(sessions, "mailbox", "a") as second, \
            hosts.advisory(sessions, "mailbox", "b") as other:
        assert (first, second, other) == (True, False, True)
    with hosts.advisory(sessions, "mailbox", "a") as again:
        assert again  # released when the block ended
    # Another schema in the same database is another tracker: its keys differ.
    assert hosts.lock_key("test", "s1", "mailbox", "a") != hosts.lock_key("test", "s2", "mailbox", "a")


def test_two_runs_together_read_each_mailbox_once_and_send_each_digest_once(
        server, pg_url, tracker_home, monkeypatch):
    """Two `run --once` processes started at the same moment against one PostgreSQL."""
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    users = [next(_free) for _ in range(8)]
    boxes = []
    for i, user in enumerate(users):
        person = ("mum", "me", None)[i % 3]
        fill(server, user, f"acc{i}@example.org", f"acc{i}b@example.org")
        boxes.append((f"box{i}", user, person))
    handler = Inbox()
    controller = start(handler)
    try:
        path = write(tracker_home, pg_url, server, boxes, controller.port)
        open_database(pg_url)  # migrated once up front, as a deployment would
        env = {**os.environ, "OBJECTION_TRACKER_HOME": str(tracker_home)}
        command = [sys.executable, str(ROOT / "cli.py"), "--config", str(path), "run", "--once",
                   "--jobs", "2"]
        procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=120)[0] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outputs
        # A third host starting a little later (within RUN_FRESH): nothing left to read or send.
        third = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert third.returncode == 0, third.stdout + third.stderr
    finally:
        controller.stop()
    assert logins(server, users) == Counter(dict.fromkeys(users, 1))
    recipients = Counter(tuple(r) for _s, r in handler.envelopes)
    assert recipients == {("mum@example.org",): 1, ("me@example.net",): 1,
                          ("owner@example.org",): 1}
    # Each digest holds every one of its person's accounts: none went into a second one.
    expected = {"mum": {0, 3, 6}, "me": {1, 4, 7}, "owner": {2, 5}}
    for (_s, rcpts), msg in zip(handler.envelopes, handler.messages, strict=True):
        who = {"mum@example.org": "mum", "me@example.net": "me"}.get(rcpts[0], "owner")
        body = msg.get_body(("plain",)).get_content()
        assert {int(n) for n in re.findall(r"facebook:acc(\d+)@", body)} == expected[who], who


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sync_jobs_in_parallel_gives_what_one_job_gives(backend, server, tracker_home, monkeypatch):
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    users = [next(_free) for _ in range(6)]
    for i, user in enumerate(users):
        # The same account seen by every mailbox at once: each writes it, none fails; and one
        # same mail (one Message-ID) in every mailbox: recorded once, whichever comes first.
        fill(server, user, f"par{i}@example.org", "everyone@example.org")
        server.write_maildir(user, "INBOX", [notice("same@example.org", "one")])
    boxes = [(f"box{i}", u, None) for i, u in enumerate(users)]
    results = []
    with contextlib.ExitStack() as schemas:
        for jobs in ("1", "6"):
            url = (schemas.enter_context(postgres_schema()) if backend == "postgresql"
                   else f"sqlite:///{tracker_home}/jobs{jobs}.db")
            path = write(tracker_home, url, server, boxes, 2525, extra="")
            invoke(path, "sync", "--jobs", jobs)
            doc = json.loads(invoke(path, "status", "--format", "json"))
            results.append(sorted((a["account"], tuple(a["mailboxes"])) for a in doc["accounts"]
                                  if a["account"] != "same@example.org"))
            assert [len(a["mailboxes"]) for a in doc["accounts"]
                    if a["account"] == "same@example.org"] == [1]
    assert results[0] == results[1]
    assert ("everyone@example.org", tuple(f"box{i}" for i in range(6))) in results[1]


def test_a_mailbox_another_run_synced_since_this_run_started_is_left_alone(
        server, pg_url, tracker_home, monkeypatch):
    import datetime as dt

    from tracker import actions, config

    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    done, todo = next(_free), next(_free)
    fill(server, done, "done@example.org")
    fill(server, todo, "todo@example.org")
    path = write(tracker_home, pg_url, server, [("done", done, None), ("todo", todo, None)], 2525,
                 extra="")
    cfg = config.load(path)
    sessions = open_database(pg_url)
    hosts.record_sync(sessions, "done")  # another host finished it a moment ago
    earlier = hosts.run_started(sessions) - dt.timedelta(seconds=5)
    with monkeypatch.context() as patch:
        patch.setattr(hosts, "run_started", lambda _sessions: earlier)
        summaries, failures = actions.sync(cfg)
    assert [s.mailbox for s in summaries] == ["todo"] and not failures
    assert logins(server, [done, todo]) == Counter({todo: 1})

    # A run minutes later: a sync by hand before it started does not count, another run's does.
    hosts.record_sync(sessions, "todo", run=True)
    result = actions.run_once(cfg)
    assert [s.mailbox for s in result.summaries] == ["done"]
    assert logins(server, [done, todo]) == Counter({todo: 1, done: 1})


def test_a_digest_waits_for_a_sync_of_its_mailboxes_running_elsewhere(
        server, pg_url, tracker_home, monkeypatch):
    """Run B reaches its reminders while run A still syncs one of the person's mailboxes: B's
    digest waits for that sync and holds what it found, so A sends no second digest."""
    import io
    import threading
    import time

    from tests.test_notify_smtp import add_finding, day
    from tracker import actions, config

    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    path = write(tracker_home, pg_url, server, [("slow", next(_free), None)], 2525, extra="")
    cfg = config.load(path)
    cfg = config.Config(database_url=pg_url, mailboxes=cfg.mailboxes)  # stdout channel
    sessions = open_database(pg_url)
    add_finding(cfg, "instagram", "early", "notice", day(-3))
    out = io.StringIO()
    with hosts.advisory(sessions, "mailbox", "slow") as held:  # run A, syncing "slow"
        assert held
        worker = threading.Thread(target=lambda: actions.remind(cfg, now=day(0), stream=out))
        worker.start()
        deadline = time.monotonic() + 30
        while not _waiting_on_advisory_lock(pg_url):
            assert time.monotonic() < deadline, "remind did not wait for the mailbox lock"
            time.sleep(0.05)
        add_finding(cfg, "instagram", "found.by.a", "notice", day(-1))  # what A's sync finds
    worker.join(timeout=60)
    assert "instagram:early" in out.getvalue() and "instagram:found.by.a" in out.getvalue()


def _waiting_on_advisory_lock(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar())
    finally:
        engine.dispose()


def test_object_watch_waits_its_turn_at_a_mailbox_another_host_syncs(
        server, pg_url, tracker_home, monkeypatch):
    from tracker import config
    from tracker.act import watch

    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    user = next(_free)
    fill(server, user, "watched@example.org")
    path = write(tracker_home, pg_url, server, [("watched", user, None)], 2525, extra="")
    cfg = config.load(path)
    sessions = open_database(pg_url)
    notes: list[str] = []
    with hosts.advisory(sessions, "mailbox", "watched"):  # a run elsewhere is syncing it
        assert watch._sync(cfg, sessions, cfg.mailboxes[0], lambda e: notes.append(str(e))) is False
    assert "another run is syncing mailbox 'watched'" in notes[0]
    assert logins(server, [user]) == Counter()
    assert watch._sync(cfg, sessions, cfg.mailboxes[0], lambda e: notes.append(str(e))) is True
    assert logins(server, [user]) == Counter({user: 1})
