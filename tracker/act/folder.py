"""A folder the tracker writes files a person keeps into (evidence, a complaint draft), safely.

The folder's contents may have been prepared by someone else: a link planted where the tracker
will write `evidence.html` would otherwise turn the write into an overwrite of `~/.bashrc`, and a
mail's Date chooses predictable file names (issue 20 item 8). So a `Folder`:

- is one the command creates (mode 0700, and so is each missing folder above it), or one that
  exists and is empty; it is never reached through a link in its last component, and everything
  inside is addressed relative to its open directory descriptor, so a folder renamed or replaced
  by a link after the check changes nothing;
- creates new files only (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600): nothing is followed, nothing that
  exists is overwritten or truncated; a sub-folder is created the same way (0700, new only).

Mail is private: other users on the machine have no reason to read it, hence 0600/0700.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from tracker import private_files
from tracker.errors import TrackerError

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_NAME = re.compile(r"[^A-Za-z0-9@._+-]+")


class UnsafeFolder(TrackerError):
    """The folder asked for is not one the tracker may write into."""


class Folder:
    """An open folder that only gets new files. Use as a context manager, or call close()."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd = fd
        self.written: list[Path] = []

    @classmethod
    def create(cls, path: Path) -> Folder:
        """Create `path` (0700; its parents as usual), or take it if it is an empty folder."""
        path = Path(path)
        try:
            private_files.parents(path)
            os.mkdir(path, FOLDER_MODE)
        except FileExistsError:
            pass
        except OSError as exc:
            raise UnsafeFolder(f"{path}: cannot create the folder: {exc.strerror}") from None
        try:
            fd = os.open(path, _OPEN_DIR)
        except OSError as exc:
            if os.path.islink(path):
                raise UnsafeFolder(f"{path}: is a symbolic link; name a new or empty folder") from None
            raise UnsafeFolder(f"{path}: cannot open the folder: {exc.strerror}") from None
        folder = cls(path, fd)
        try:
            if os.listdir(fd):
                raise UnsafeFolder(f"{path}: is not empty; name a new or empty folder so that "
                                   "nothing in it is overwritten or mixed with other files")
            if os.fstat(fd).st_uid != os.geteuid():
                raise UnsafeFolder(f"{path}: belongs to another user")
        except BaseException:
            folder.close()
            raise
        return folder

    def write(self, name: str, data: bytes | str) -> Path:
        """Create the file `name` in this folder with `data`; it must not exist (not even as a link)."""
        _check_name(name)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        try:
            fd = os.open(name, _NEW_FILE, FILE_MODE, dir_fd=self._fd)
        except FileExistsError:
            raise UnsafeFolder(f"{self.path / name}: already exists; nothing was overwritten") from None
        except OSError as exc:
            raise UnsafeFolder(f"{self.path / name}: cannot write: {exc.strerror}") from None
        try:
            os.fchmod(fd, FILE_MODE)  # the umask may have taken bits away, never added: be exact
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        self.written.append(self.path / name)
        return self.path / name

    def folder(self, name: str) -> Folder:
        """A new sub-folder (0700); it must not exist."""
        _check_name(name)
        try:
            os.mkdir(name, FOLDER_MODE, dir_fd=self._fd)
            fd = os.open(name, _OPEN_DIR, dir_fd=self._fd)
        except FileExistsError:
            raise UnsafeFolder(f"{self.path / name}: already exists; nothing was written into it") \
                from None
        except OSError as exc:
            raise UnsafeFolder(f"{self.path / name}: cannot create the folder: {exc.strerror}") \
                from None
        if not stat.S_ISDIR(os.fstat(fd).st_mode):
            os.close(fd)
            raise UnsafeFolder(f"{self.path / name}: is not a folder")
        return Folder(self.path / name, fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def account_folder_name(key: str) -> str:
    """A folder name for one account: readable, and distinct for every key. The readable part
    folds characters a file name cannot hold (so `a_b` and `a/b` would meet); the hash of the
    exact key keeps them apart."""
    slug = _NAME.sub("_", key).strip("._")[:80] or "account"
    return f"{slug}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


def _check_name(name: str) -> None:
    if not name or name in (".", "..") or "/" in name or "\0" in name:
        raise UnsafeFolder(f"{name!r}: not a plain file name")


def replace_file(path: Path, data: bytes | str) -> Path:
    """Write a file a person re-reads from the same place (a calendar they subscribe to): the new
    content goes into a new file beside it (O_EXCL|O_NOFOLLOW, 0600), which is then renamed over
    `path`. A link at `path` is replaced, never followed, and a reader never sees half a file."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    parent = path.parent if str(path.parent) else Path(".")
    _check_name(path.name)
    temp = f".{path.name}.{os.getpid()}.{hashlib.sha256(os.urandom(8)).hexdigest()[:8]}"
    try:
        dir_fd = os.open(parent, _OPEN_DIR)
    except OSError as exc:
        raise UnsafeFolder(f"{parent}: cannot open the folder: {exc.strerror}") from None
    try:
        try:
            fd = os.open(temp, _NEW_FILE, FILE_MODE, dir_fd=dir_fd)
        except OSError as exc:
            raise UnsafeFolder(f"{parent / temp}: cannot write: {exc.strerror}") from None
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        try:
            os.replace(temp, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except OSError as exc:  # a folder of that name, say: leave no temporary file behind
            os.unlink(temp, dir_fd=dir_fd)
            raise UnsafeFolder(f"{path}: cannot replace it: {exc.strerror}") from None
    finally:
        os.close(dir_fd)
    return path
