"""A message as it came from a source, before anything is read from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawMessage:
    """The bytes of one message and where they were found.

    (mailbox, folder, uidvalidity, uid) is the processed-message key: for an IMAP folder the
    server's own; for an imported file, the file's path as folder and the message's position as uid.
    """

    data: bytes = field(repr=False)
    mailbox: str
    folder: str
    uidvalidity: int
    uid: int
    # When the user's server received it: IMAP INTERNALDATE, an import's topmost Received header.
    received_at: dt.datetime | None = None
    # False for a header alone or a header with one part (what a sync fetches first): such bytes
    # cannot be DKIM-checked or kept as evidence; a flow mail is fetched again whole.
    whole: bool = True
