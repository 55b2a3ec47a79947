"""One run at a time per database: cron's nightly sync, the scheduler loop and a manual command
must not write the same database at once. The holder writes who it is beside the lock."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import socket
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from tracker import private_files
from tracker.config import data_dir
from tracker.errors import LockHeld, TrackerError
from tracker.store.revision import database_file


def lock_path(database_url: str) -> Path:
    # A plain SQLite file's path as SQLAlchemy reads it, without importing it: a sync that finds
    # nothing new takes this lock too (tracker.unchanged, issue 21 item 2).
    plain = database_file(database_url)
    if plain is not None:
        return plain.expanduser().with_suffix(".lock")
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().with_suffix(".lock")
    import hashlib

    digest = hashlib.sha256(url.render_as_string(hide_password=True).encode()).hexdigest()[:16]
    return data_dir() / f"run-{digest}.lock"


@contextmanager
def exclusive(database_url: str, what: str) -> Iterator[None]:
    path = lock_path(database_url)
    private_files.folder(path.parent)
    owner = path.with_suffix(".owner")
    for link in (p for p in (path, owner) if p.is_symlink()):
        # Followed, it would let whoever made it have the tracker create or overwrite the file
        # it points to.
        raise TrackerError(f"{link} is a symbolic link; refusing to use it as the lock "
                           "(remove it, and the tracker makes its own)")
    lock = FileLock(path, timeout=0, mode=0o600)  # the user's alone, as every file it writes
    try:
        lock.acquire()
    except Timeout:  # an OSError too: first
        holder = owner.read_text(encoding="utf-8").strip() if owner.exists() else "another run"
        raise LockHeld(f"another run is using the database ({holder}); try again later") from None
    except OSError as exc:  # a lock folder that cannot be written, a dangling entry
        raise TrackerError(f"cannot take the lock {path}: {exc.strerror or exc}") from None
    try:
        fd = _owner_file(owner)
    except OSError as exc:
        lock.release()
        raise TrackerError(f"cannot write {owner}: {exc.strerror or exc} (remove it, and the "
                           "tracker makes its own)") from None
    try:
        started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(f"{what}, pid {os.getpid()} on {socket.gethostname()}, since {started}")
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def _owner_file(owner: Path) -> int:
    """The owner file, opened to be written: never through a link, and never anything but a
    regular file (opening a FIFO put there to write would wait for a reader for ever)."""
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.lstat(owner).st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    fd = os.open(owner, flags, 0o600)
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # put there since
        os.close(fd)
        raise OSError(errno.EINVAL, "it is not a regular file")
    return fd
