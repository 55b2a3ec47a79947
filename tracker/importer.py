""".eml files, mbox files (Google Takeout) and Maildir folders -> the same RawMessage stream as IMAP.

The processed-message key of an imported message is ("import", the file's absolute path, 0, its
position), so importing the same file again adds nothing; the Message-ID catches the same mail
imported from two places.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path

from tracker.errors import TrackerError
from tracker.rawmail import RawMessage

SOURCE = "import"


def count(path: Path) -> int | None:
    """How many messages a path holds, when that is cheap to know (for a progress bar)."""
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
    if _is_maildir(path):
        yield from _maildir(path)
    elif path.is_dir():
        for eml in sorted(path.rglob("*.eml")):
            yield RawMessage(eml.read_bytes(), SOURCE, str(eml), 0, 1)
    elif _is_mbox(path):
        yield from _mbox(path)
    else:
        yield RawMessage(path.read_bytes(), SOURCE, str(path), 0, 1)


def _is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(5) == b"From "


def _mbox(path: Path) -> Iterator[RawMessage]:
    box = mailbox.mbox(path, create=False)
    try:
        for position, key in enumerate(box.iterkeys(), start=1):
            yield RawMessage(box.get_bytes(key), SOURCE, str(path), 0, position)
    finally:
        box.close()


def _maildir(path: Path) -> Iterator[RawMessage]:
    box = mailbox.Maildir(path, factory=None, create=False)
    # Maildir file names are unique and stable; their order gives each message a stable position.
    for position, key in enumerate(sorted(box.iterkeys()), start=1):
        yield RawMessage(box.get_bytes(key), SOURCE, str(path), 0, position)
