"""What a stored account's evidence and suspicious mail are once read, by the ORM
(tracker.store.repo) or by the SQLite reader (tracker.store.reader): plain values, no SQLAlchemy,
so showing the store need not import it (issue 21 item 2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SOURCE = "import"  # the mailbox name of imported files (tracker.mail.importer)


@dataclass(frozen=True)
class Evidence:
    """One stored finding or mark about an account, as state derivation reads it."""

    platform: str
    account: str
    kind: str  # a finding kind, or "mark:<action>"
    date: dt.datetime
    subject: str = ""
    message_id: str | None = None
    mailbox: str | None = None
    folder: str | None = None
    language: str | None = None
    address: str | None = None
    objection_url: str | None = None
    covers_linked: bool = False
    note: str | None = None
    reason: str | None = None  # why the mail got its kind (tracker.recognition.classify.Reason)
    authenticity: str | None = None
    request_state: str | None = None  # a third_party_reply's: submitted | needs_information | answered
    arrived_at: dt.datetime | None = None  # when the user's server received it, when known


@dataclass(frozen=True)
class SuspiciousMail:
    date: dt.datetime
    sender: str
    subject: str
    reason: str
    mailbox: str
    folder: str
    id: int = 0  # what `suspicious ack ID` names (the finding's row id)
    seen_at: dt.datetime | None = None  # when the user acknowledged it; None: new
