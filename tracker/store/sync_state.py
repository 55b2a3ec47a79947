"""A sync's own bookkeeping in a current SQLite database, with sqlite3 alone (issue 21 item 2).

A sync that finds nothing new reads where each folder's last scan stopped (FolderProgress, which
the full sync reads through the ORM too), sees that no DKIM re-check is due, and records that it
ran. Through the ORM that cost most of its time (importing
SQLAlchemy and mapping the models took several times a bare Python's start); these few statements
read and write the same rows as tracker.store.repo, tracker.recognition.verify.recheck and
tracker.store.hosts.record_sync, in the same form (tests/test_sync_unchanged.py compares the
database after either path). PostgreSQL, a new or older database take the ORM path.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
import threading
from collections.abc import Collection
from dataclasses import dataclass

from tracker.errors import MailboxError
from tracker.store.revision import open_current
from tracker.store.storable import storable

RUN = "run on "  # how a sync by `run` is recorded, before the host: "run on NAME pid N"
# The columns' lengths (tracker.store.models): values are cut as the ORM's CleanString cuts them.
MAILBOX, FOLDER, HOST, ACCOUNT = 200, 1000, 300, 700
TEMPERROR = "temperror"  # tracker.recognition.dkim.TEMPERROR: a key DNS could not give


@dataclass(frozen=True)
class FolderProgress:
    """Where the last sync of a folder stopped (the folder_states row)."""

    uidvalidity: int
    next_uid: int
    highest_modseq: int | None
    scanned_since: dt.date | None = None
    account: str | None = None  # account_of() the mailbox read; None: recorded before 0013

    def covers(self, since: dt.date | None) -> bool:
        """Did the scans so far read all mail that `since` asks for?"""
        return self.scanned_since is None or (since is not None and since >= self.scanned_since)

    def same_account(self, account: str) -> bool:
        """Was it read from this account? A mailbox's name may be given to another server or
        user, whose folder can have the same UIDVALIDITY (the second it was made, or 1)."""
        return self.account is None or self.account == account

    def resumes(self, uidvalidity: int, since: dt.date | None, account: str) -> bool:
        """Can a scan go on from next_uid? The same account and UIDs, and nothing older wanted
        than was read."""
        return (self.uidvalidity == uidvalidity and self.covers(since)
                and self.same_account(account))

    def went_back(self, uidvalidity: int, uidnext: int) -> bool:
        """Is UIDNEXT below where the scans stopped, under the same UIDVALIDITY? IMAP forbids it
        (next_uid is never past a UIDNEXT the server gave); a server restored from a backup does
        it, and gives the UIDs of mail read before to new mail."""
        return self.uidvalidity == uidvalidity and 0 < uidnext < self.next_uid

    def unchanged(self, uidvalidity: int, uidnext: int, since: dt.date | None,
                  account: str) -> bool:
        """Has the folder, as EXAMINE now shows it, nothing the scans so far did not read? A
        UIDNEXT of 0 (the server did not say) is never taken for "nothing new", nor one that
        went back."""
        return self.resumes(uidvalidity, since, account) and uidnext == self.next_uid > 0


def account_of(username: str, host: str) -> str:
    """Which account a mailbox reads, as folder_states.account keeps it: the user at the host
    (not the port nor TLS, which a user changes without changing the mail)."""
    return storable(f"{username}@{host}".lower(), ACCOUNT)


class Unrecorded(MailboxError):
    """The database would not take a sync's end (mailbox_syncs): locked by another program past
    the busy timeout, read-only, full. Not the mailbox's fault: no `doctor` advice."""

    @classmethod
    def because(cls, mailbox: str, reason: str) -> Unrecorded:
        reason = (reason.strip().splitlines() or ["no reason given"])[0]
        if "locked" in reason or "busy" in reason:
            reason += ": another program is writing to it, a database browser?"
        return cls(mailbox, f"the database refused to record this sync ({reason}); the mail it "
                   "read is kept")


def me() -> str:
    return f"{socket.gethostname()} pid {os.getpid()}"


def host(*, run: bool) -> str:
    """Who a finished sync is recorded as (mailbox_syncs.host)."""
    return ((RUN if run else "sync on ") + me())[:HOST]


def stored(when: dt.datetime) -> str:
    """A UTCDateTime column's value as SQLAlchemy writes it on SQLite: naive UTC, microseconds."""
    return when.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


class SyncState:
    """One connection, shared by the mailboxes a run syncs in parallel: each call takes it in
    turn. A write also takes `turn`, which the ORM's transactions take in a parallel run
    (tracker.store.hosts.OneWriter): SQLite has one writer at a time."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._lock = threading.Lock()
        self.turn = threading.Lock()

    @classmethod
    def open(cls, database_url: str) -> SyncState | None:
        """None unless the database is a plain SQLite file at the newest migration."""
        connection = open_current(database_url)
        return cls(connection) if connection is not None else None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> SyncState:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def folder_progress(self, mailbox: str, folder: str) -> FolderProgress | None:
        """Where the folder's last scan stopped (Repository.folder_progress)."""
        with self._lock:
            row = self._connection.execute(
                "SELECT uidvalidity, next_uid, highest_modseq, scanned_since, account "
                "FROM folder_states WHERE mailbox = ? AND folder = ?",
                (storable(mailbox, MAILBOX), storable(folder, FOLDER))).fetchone()
        if row is None:
            return None
        validity, next_uid, modseq, since, account = row
        return FolderProgress(validity, next_uid, modseq,
                              dt.date.fromisoformat(since) if since else None, account)

    def recheck_due(self, mailbox: str, now: dt.datetime | None = None,
                    configured: Collection[str] = ()) -> bool:
        """Is a flow mail of this mailbox waiting for its DKIM key to be looked up again? The rows
        tracker.recognition.verify.recheck would look at, and those the sync adopts first
        (Repository.adopt_unverified: of no `configured` mailbox, and read by this one): then the
        sync must run it."""
        now = now or dt.datetime.now(dt.UTC)
        name = storable(mailbox, MAILBOX)
        mine, args = "mailbox = ?", [name]
        names = sorted({storable(n, MAILBOX) for n in configured})
        if names:  # as adopt_unverified selects them
            mine = (f"(mailbox = ? OR (mailbox NOT IN ({', '.join('?' * len(names))}) AND EXISTS "
                    "(SELECT 1 FROM processed_messages p WHERE p.message_key = "
                    "findings.message_key AND p.mailbox = ?)))")
            args = [name, *names, name]
        with self._lock:
            row = self._connection.execute(
                "SELECT 1 FROM findings WHERE dkim_result = ? AND raw IS NOT NULL "
                f"AND (dkim_recheck_at IS NULL OR dkim_recheck_at <= ?) AND {mine} LIMIT 1",
                (TEMPERROR, stored(now), *args)).fetchone()
        return row is not None

    def rules_behind(self) -> bool:
        """Were the stored findings read by older recognition rules than this version's
        (tracker.reread)? Then the sync must take the full path, which reads them again."""
        from tracker.recognition.version import RULES

        with self._lock:
            row = self._connection.execute("SELECT MIN(version) FROM recognition_rules").fetchone()
        return row is None or row[0] is None or row[0] < RULES

    def record_sync(self, mailbox: str, *, run: bool = False) -> None:
        """As tracker.store.hosts.record_sync: when this mailbox's sync finished, and who ran it."""
        name, who = storable(mailbox, MAILBOX), storable(host(run=run), HOST)
        try:
            with self.turn, self._lock, self._connection:  # one transaction, committed at the end
                finished = stored(dt.datetime.now(dt.UTC))
                updated = self._connection.execute(
                    "UPDATE mailbox_syncs SET finished_at = ?, host = ? WHERE mailbox = ?",
                    (finished, who, name)).rowcount
                if not updated:
                    self._connection.execute(
                        "INSERT INTO mailbox_syncs (mailbox, finished_at, host) VALUES (?, ?, ?)",
                        (name, finished, who))
        except sqlite3.OperationalError as exc:  # as the ORM path reports it (actions._record)
            raise Unrecorded.because(mailbox, str(exc)) from None
