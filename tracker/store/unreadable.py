"""What could not be read: files that are no mail at all (skipped, never recorded), and real mail
too broken to read (recorded with the reason, listed by `status --unreadable` and the JSON).
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.store.values import SOURCE

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Headers every mail has at least one of, whoever sent it; a file with none of them is not mail.
MAIL_HEADERS = frozenset({"from", "to", "date", "subject", "message-id", "received",
                          "return-path", "delivered-to", "mime-version", "sender", "cc"})
HEAD = 65536  # bytes read to decide: headers come first


@dataclass(frozen=True)
class Unreadable:
    mailbox: str  # a configured mailbox, or "import"
    folder: str  # an IMAP folder, or the imported file
    uid: int | None  # the IMAP UID; None for an imported file
    reason: str
    processed_at: dt.datetime

    @property
    def where(self) -> str:
        if self.uid is None:
            return self.folder
        return f"{self.mailbox}/{self.folder} UID {self.uid}"


def is_mail(data: bytes) -> bool:
    """True when `data` starts with a mail header (From:, Date:, Received: ...)."""
    try:
        head = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(data[:HEAD])
    except Exception:  # hostile bytes: let the pipeline record why it cannot read them
        return True
    return any(key.lower() in MAIL_HEADERS for key in head)


def listing(session: Session) -> list[Unreadable]:
    from sqlalchemy import select

    from tracker.store import models

    rows = session.execute(select(
        models.ProcessedMessage.mailbox, models.ProcessedMessage.folder,
        models.ProcessedMessage.uidvalidity, models.ProcessedMessage.uid,
        models.ProcessedMessage.reason, models.ProcessedMessage.processed_at,
    ).where(models.ProcessedMessage.outcome == "unparseable").order_by(
        models.ProcessedMessage.processed_at, models.ProcessedMessage.id))
    # Imported files are keyed by a digest of their bytes, not by a UID worth showing.
    return [unreadable(r.mailbox, r.folder, r.uid, r.reason, r.processed_at) for r in rows]


def unreadable(mailbox: str, folder: str, uid: int, reason: str | None,
               processed_at: dt.datetime) -> Unreadable:
    """One stored row as shown, by the ORM or the SQLite reader."""
    return Unreadable(mailbox, folder, None if mailbox == SOURCE else uid,
                      reason or "no reason recorded", processed_at)


def as_json(items: list[Unreadable]) -> list[dict]:
    return [{"mailbox": u.mailbox, "folder": u.folder, "uid": u.uid, "reason": u.reason,
             "processed_at": u.processed_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")}
            for u in items]
