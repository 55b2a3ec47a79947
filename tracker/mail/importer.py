""".eml files, mbox files (Google Takeout) and Maildir folders -> the same RawMessage stream as IMAP.

The processed-message key of an imported message is ("import", the file's absolute path, 0, a number
from a digest of its bytes), so importing the same file again adds nothing even after mail was
added to or deleted from it (a position would shift); the Message-ID catches the same mail imported
from two places. When it arrived is the date of its topmost Received header: the line the user's
own server wrote last, as IMAP's INTERNALDATE is for a sync.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import mailbox
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from tracker.errors import TrackerError
from tracker.mail.rawmail import RawMessage
from tracker.store.values import SOURCE  # noqa: F401 ("import": kept with the stored values)

# A single message file is read up to this size: what lies beyond is attachments (parse drops
# their bodies anyway), and /proc-like files that never end must not be read whole.
MAX_MESSAGE_BYTES = 100 * 1024 * 1024
_RECEIVED = re.compile(rb"^received[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
HEADER_SCAN = 256 * 1024  # the topmost Received is near the top; no need to read a huge header


def arrival(data: bytes) -> dt.datetime | None:
    """When the topmost Received header says the mail was received (UTC), or None."""
    end = re.search(rb"\r?\n\r?\n", data[:HEADER_SCAN])
    found = _RECEIVED.search(data[:end.start() if end else HEADER_SCAN])
    if not found:
        return None
    stamp = found.group(1).rpartition(b";")[2].decode("ascii", "replace")
    try:
        value = email.utils.parsedate_to_datetime(" ".join(stamp.split()))
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def count(path: Path) -> int | None:
    """How many messages a path holds, when that is cheap to know (for a progress bar)."""
    path = path.expanduser()
    if not (_regular(path) or path.is_dir()):
        return None
    if path.is_file() and not _is_mbox(path):
        return 1
    if _is_maildir(path):
        return len(mailbox.Maildir(path, create=False))
    if path.is_dir():
        return sum(1 for _ in path.glob("*.eml"))
    return None


def read(path: Path) -> Iterator[RawMessage]:
    path = path.expanduser().resolve()
    if not path.exists():
        raise TrackerError(f"{path}: no such file or folder")
    if not (_regular(path) or path.is_dir()):
        # /dev/zero never ends, a FIFO blocks until someone writes to it.
        raise TrackerError(f"{path}: not a regular file or a folder; import reads only mail "
                           "files (.eml, mbox) and folders (Maildir, folders of .eml files)")
    if _is_maildir(path):
        yield from _maildir(path)
    elif path.is_dir():
        for eml in sorted(path.rglob("*.eml")):
            if _regular(eml):  # a FIFO or device named x.eml is skipped, not waited on
                yield _raw(_read(eml), eml)
    elif _is_mbox(path):
        yield from _mbox(path)
    else:
        yield _raw(_read(path), path)


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _read(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(MAX_MESSAGE_BYTES)


def _is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(5) == b"From "


def _mbox(path: Path) -> Iterator[RawMessage]:
    # One message in memory at a time: the table of contents holds offsets, not mail.
    box = mailbox.mbox(path, create=False)
    try:
        for key in box.iterkeys():
            # get_file, not get_bytes: a message is read up to MAX_MESSAGE_BYTES, however big.
            with box.get_file(key) as message:
                data = message.read(MAX_MESSAGE_BYTES)
            yield _raw(data, path)
            del data
    finally:
        box.close()


def _maildir(path: Path) -> Iterator[RawMessage]:
    box = mailbox.Maildir(path, factory=None, create=False)
    for key in sorted(box.iterkeys()):
        with box.get_file(key) as message:
            data = message.read(MAX_MESSAGE_BYTES)
        yield _raw(data, path)
        del data


def _raw(data: bytes, path: Path) -> RawMessage:
    # 60 bits of SHA-256: fits the BIGINT uid column; a collision would skip one message.
    uid = int(hashlib.sha256(data).hexdigest()[:15], 16)
    return RawMessage(data, SOURCE, str(path), 0, uid, arrival(data))
