"""The folders and files the tracker keeps its own state in: the user's alone, and never reached
through a link the tracker did not make.

A folder the tracker creates is 0700, whatever the umask, and so is each missing folder above it
that it creates on the way (`evidence --out a/b/c`, `~/.local/share` on a new account). The data
folder (the user data folder of objection-tracker, or OBJECTION_TRACKER_HOME) is the tracker's
own: found wider, as versions before this one made it (0755 under a 022 umask), it is narrowed
to 0700, which keeps the names, sizes and times of what it holds to the user too. Any other
existing folder (the parent of a `database.url` the user chose) is the user's business and left
as it is.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

from tracker.errors import TrackerError

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700


def folder(path: Path) -> Path:
    """`path` as a folder to keep the tracker's files in: created 0700 when missing (its missing
    parents too); the data folder narrowed to 0700 when wider."""
    path = Path(path).expanduser()
    parents(path)
    try:
        os.mkdir(path, FOLDER_MODE)
        return path
    except FileExistsError:
        pass
    if _is_data_folder(path):
        _narrow(path)
    return path


def parents(path: Path) -> None:
    """Create the missing folders above `path`, each 0700, as the XDG base directory spec asks
    (`mkdir -p` would make them 0755 under the usual umask)."""
    missing = []
    parent = Path(path).parent
    while not os.path.lexists(parent) and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, FOLDER_MODE)


def refuse_links(*paths: Path, what: str) -> None:
    """Raise when any of `paths` is a symbolic link: the tracker makes none, so one it finds
    was put there by someone else, and following it would have the tracker create or write the
    file it points to."""
    for path in paths:
        if os.path.islink(path):
            raise TrackerError(f"{path} is a symbolic link; objection-tracker does not open {what} "
                               "through a link it did not make (remove the link, or name the "
                               "file it points to)")


def _is_data_folder(path: Path) -> bool:
    from tracker.config import data_dir

    try:
        return os.path.samefile(path, data_dir())
    except OSError:
        return False


def _narrow(path: Path) -> None:
    try:
        info = os.lstat(path)
        if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
                and stat.S_IMODE(info.st_mode) & 0o077):
            os.chmod(path, stat.S_IMODE(info.st_mode) & ~0o077 | FOLDER_MODE)
            log.info("%s: made the user's alone (it was %04o, now 0700)", path,
                     stat.S_IMODE(info.st_mode))
    except OSError as exc:  # not ours to change after all: its files are 0600 still
        log.warning("%s: could not make it the user's alone: %s", path, exc.strerror or exc)
