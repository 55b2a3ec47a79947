"""What `status` shows, read from a SQLite database with sqlite3 alone.

Importing SQLAlchemy's ORM and mapping the models took most of `status`'s time on a small database
(issue 21 item 2): several times a bare Python's start. For a SQLite database already at the newest
migration, these few queries read the same rows the ORM path (tracker.store.repo) reads, into the
same values, in the same order; tests/test_reader.py compares both paths' output. Anything else
(PostgreSQL, a URL with parameters, a new or older database) returns None and takes the ORM path,
which creates and migrates.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from tracker.store.revision import open_current
from tracker.store.unreadable import Unreadable, unreadable
from tracker.store.values import Evidence, SuspiciousMail


@dataclass(frozen=True)
class Snapshot:
    evidence: list[Evidence]
    groups: list[frozenset[tuple[str, str]]]
    suspicious: list[SuspiciousMail]
    unreadable: list[Unreadable]


def read(url: str) -> Snapshot | None:
    connection = open_current(url)
    if connection is None:
        return None
    try:
        connection.execute("BEGIN")  # one snapshot for every query, as the ORM path's transaction
        return Snapshot(_evidence(connection), _groups(connection), _suspicious(connection),
                        _unreadable(connection))
    except sqlite3.Error:  # no schema yet, unreadable, locked too long: the ORM path says why
        return None
    finally:
        connection.close()


def _when(value: str | None) -> dt.datetime | None:
    """A UTCDateTime column's value: SQLAlchemy stores naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff'."""
    return None if value is None else dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


def _evidence(connection: sqlite3.Connection) -> list[Evidence]:
    # The ORM's order: accounts by id, each one's findings then its marks, each by id.
    findings: dict[int, list[Evidence]] = {}
    marks: dict[int, list[Evidence]] = {}
    accounts = connection.execute("SELECT id, platform, account FROM accounts ORDER BY id").fetchall()
    names = {r[0]: (r[1], r[2]) for r in accounts}
    for (account_id, kind, date, subject, message_id, mailbox, folder, language, address, url,
         covers, reason, authenticity, request_state, arrived) in connection.execute(
            "SELECT account_id, kind, date, subject, message_id, mailbox, folder, language, "
            "address, objection_url, covers_linked, reason, authenticity, request_state, "
            "arrived_at FROM findings WHERE account_id IS NOT NULL ORDER BY account_id, id"):
        platform, account = names[account_id]
        findings.setdefault(account_id, []).append(Evidence(
            platform, account, kind, _when(date), subject=subject, message_id=message_id,
            mailbox=mailbox, folder=folder, language=language, address=address,
            objection_url=url, covers_linked=bool(covers) if covers is not None else covers,
            reason=reason, authenticity=authenticity, request_state=request_state,
            arrived_at=_when(arrived)))
    for account_id, action, note, created in connection.execute(
            "SELECT account_id, action, note, created_at FROM marks ORDER BY account_id, id"):
        platform, account = names[account_id]
        marks.setdefault(account_id, []).append(
            Evidence(platform, account, f"mark:{action}", _when(created), note=note))
    return [e for account_id, _, _ in accounts
            for e in (*findings.get(account_id, ()), *marks.get(account_id, ()))]


def _groups(connection: sqlite3.Connection) -> list[frozenset[tuple[str, str]]]:
    grouped: dict[int, set[tuple[str, str]]] = {}
    for group_id, platform, account in connection.execute(
            "SELECT group_members.group_id, accounts.platform, accounts.account FROM group_members "
            "JOIN accounts ON accounts.id = group_members.account_id "
            "ORDER BY group_members.group_id"):
        grouped.setdefault(group_id, set()).add((platform, account))
    return [frozenset(members) for members in grouped.values()]


def _suspicious(connection: sqlite3.Connection) -> list[SuspiciousMail]:
    return [SuspiciousMail(_when(date), sender, subject, reason or "", mailbox, folder, id_,
                           _when(seen))
            for date, sender, subject, reason, mailbox, folder, id_, seen in connection.execute(
                "SELECT date, sender, subject, reason, mailbox, folder, id, seen_at FROM findings "
                "WHERE kind = 'suspicious' ORDER BY date, id")]


def _unreadable(connection: sqlite3.Connection) -> list[Unreadable]:
    return [unreadable(mailbox, folder, uid, reason, _when(processed))
            for mailbox, folder, uid, reason, processed in connection.execute(
                "SELECT mailbox, folder, uid, reason, processed_at FROM processed_messages "
                "WHERE outcome = 'unparseable' ORDER BY processed_at, id")]
