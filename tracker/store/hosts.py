"""Several hosts, one database: who syncs which mailbox, and who sends which person's digest.

SQLite is one machine's file: its file lock (tracker.lock) still makes runs take turns. On
PostgreSQL several machines may run at once, so the locks live in the database: a session-level
advisory lock (pg_try_advisory_lock) per mailbox while it syncs, and per person while their digest
is built, sent and recorded. A lock another run holds means that run does that job now: this
run leaves it alone. A mailbox whose sync another run finished after this run started is left
alone too, so that two runs started together read each mailbox once between them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from tracker.errors import LockHeld
from tracker.store import models
from tracker.store.lock import exclusive
from tracker.store.sync_state import RUN, host

log = logging.getLogger(__name__)


def shared(database_url: str) -> bool:
    """True when other machines may use the database at once (PostgreSQL)."""
    return make_url(database_url).get_backend_name() == "postgresql"


def _engine(sessions: sessionmaker[Session]) -> Engine:
    return sessions.kw["bind"]


_lock_engines: dict[str, Engine] = {}
_lock_engines_guard = threading.Lock()


def _lock_engine(sessions: sessionmaker[Session]) -> Engine:
    """Lock connections outside the sessions' pool: a sync job holds one for its whole mailbox
    besides the connection its batches use, and must not wait for the pool's last one."""
    url = _engine(sessions).url
    key = url.render_as_string(hide_password=False)
    with _lock_engines_guard:
        if key not in _lock_engines:
            _lock_engines[key] = create_engine(url, poolclass=NullPool)
        return _lock_engines[key]


def lock_key(database: str, schema: str, scope: str, name: str) -> int:
    """A signed 64-bit key for pg_try_advisory_lock. Advisory locks are per database, not per
    schema: the schema is part of the key, so two trackers in one database do not collide."""
    digest = hashlib.sha256("\0".join(("objection-tracker", database, schema, scope, name))
                            .encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextmanager
def advisory(sessions: sessionmaker[Session], scope: str, name: str) -> Iterator[bool]:
    """Try the advisory lock for (scope, name) on a connection of its own, held until the block
    ends. Yields whether this run got it. A connection that breaks takes its lock with it."""
    connection = _lock_engine(sessions).connect()
    got = False
    try:
        database, schema = connection.execute(
            text("SELECT current_database(), current_schema()")).one()
        key = lock_key(database, schema or "", scope, name)
        got = bool(connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                      {"key": key}).scalar())
        connection.commit()  # a session-level lock outlives the transaction; no transaction stays open
        yield got
    finally:
        try:
            if got:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                connection.commit()
        except Exception:  # noqa: BLE001 (a broken connection: closing it frees the lock)
            connection.invalidate()
        connection.close()


@contextmanager
def mailbox_turn(database_url: str, sessions: sessionmaker[Session], mailbox: str,
                 what: str) -> Iterator[None]:
    """This process's turn at one mailbox outside a run (`object` watching for the code): on
    PostgreSQL the mailbox's advisory lock, else the database's file lock. LockHeld when taken."""
    if not shared(database_url):
        with exclusive(database_url, what):
            yield
        return
    with advisory(sessions, "mailbox", mailbox) as mine:
        if not mine:
            raise LockHeld(f"another run is syncing mailbox {mailbox!r}; try again later")
        yield


def wait_for(sessions: sessionmaker[Session], scope: str, names: list[str]) -> None:
    """Wait until no run holds the advisory locks of `names` (a sync of those mailboxes in
    progress elsewhere), taking and releasing each in turn."""
    if not names:
        return
    with _lock_engine(sessions).connect() as connection:
        database, schema = connection.execute(
            text("SELECT current_database(), current_schema()")).one()
        for name in names:
            key = lock_key(database, schema or "", scope, name)
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
        connection.commit()


def database_now(session: Session) -> dt.datetime:
    """The database server's clock on PostgreSQL (hosts' clocks differ), else this machine's."""
    if session.get_bind().dialect.name == "postgresql":
        value = session.scalar(select(text("clock_timestamp()")))
        return value.astimezone(dt.UTC)
    return dt.datetime.now(dt.UTC)


def synced_since(sessions: sessionmaker[Session], mailbox: str, since: dt.datetime,
                 runs_before: dt.timedelta = dt.timedelta(0)) -> str | None:
    """Who finished a sync of `mailbox` at or after `since`, or a run's sync up to `runs_before`
    earlier (None: nobody)."""
    with sessions.begin() as session:
        row = session.scalar(select(models.MailboxSync).where(models.MailboxSync.mailbox == mailbox))
        if row is not None and (row.finished_at >= since or (
                row.host.startswith(RUN) and row.finished_at >= since - runs_before)):
            return row.host
    return None


def record_sync(sessions: sessionmaker[Session], mailbox: str, *, run: bool = False) -> None:
    who = host(run=run)
    with sessions.begin() as session:
        finished = database_now(session)
        row = session.scalar(select(models.MailboxSync).where(models.MailboxSync.mailbox == mailbox))
        if row is None:
            session.add(models.MailboxSync(mailbox=mailbox, finished_at=finished, host=who))
        else:
            row.finished_at, row.host = finished, who


def run_started(sessions: sessionmaker[Session]) -> dt.datetime:
    with sessions.begin() as session:
        return database_now(session)


@contextmanager
def pooled_for(sessions: sessionmaker[Session], jobs: int) -> Iterator[sessionmaker[Session]]:
    """Sessions whose pool has a connection for each of `jobs` parallel syncs (the default pool
    of 5 + 10 would make the 16th wait, and after 30 s fail)."""
    engine = create_engine(_engine(sessions).url, pool_pre_ping=True, pool_size=jobs,
                           max_overflow=jobs)
    try:
        yield sessionmaker(engine, expire_on_commit=False)
    finally:
        engine.dispose()


class OneWriter:
    """Sessions whose transactions take turns (SQLite has one writer: a transaction that read,
    then writes after another thread's commit, fails at once whatever the busy timeout). Only
    `begin()`, which is what sync uses. `turn`: a lock other writers take too (SyncState's)."""

    def __init__(self, sessions: sessionmaker[Session], turn: threading.Lock | None = None) -> None:
        self.sessions = sessions
        self.kw = sessions.kw
        self._turn = turn or threading.Lock()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self._turn, self.sessions.begin() as session:
            yield session
