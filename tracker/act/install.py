"""`schedule --install`: the nightly run's files written where systemd or cron reads them (issue
22 item 6), safely.

- A file is replaced only when it is the tracker's own (it carries schedule.WRITTEN_BY); a file
  of the user's with that name, or a symbolic link (the tracker never makes one), is left alone
  and named. Replacing goes through a new file renamed over the old (folder.replace_file): no link
  is ever followed, and systemd never reads half a unit.
- Files are 0600, folders it creates 0700.
- The secrets file is created once, without secrets; after that it is the user's: never rewritten,
  only a variable the config came to need is appended (O_APPEND|O_NOFOLLOW), and a mode wider than
  0600 is narrowed.
- The crontab is not loaded here: a file is written with the user's current crontab (`crontab -l`)
  and the tracker's block at its end, replacing an earlier block of its own and keeping the values
  filled into it; `crontab FILE` loads it, with every other entry as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from tracker import private_files
from tracker.act.folder import FILE_MODE, FOLDER_MODE, UnsafeFolder, replace_file
from tracker.act.schedule import WRITTEN_BY
from tracker.errors import TrackerError

BEGIN = "# >>> objection-tracker >>> (written by `objection-tracker schedule --install cron`)"
END = "# <<< objection-tracker <<<"
_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$")


def private_folder(path: Path, hint: str = "name the folder it points to with --dir") -> None:
    """`path` as a folder to write into: created (0700) when missing, never a link."""
    if path.is_symlink():
        raise UnsafeFolder(f"{path}: is a symbolic link, which objection-tracker does not write "
                           f"through; {hint}")
    if not path.exists():
        private_files.parents(path)
        path.mkdir(mode=FOLDER_MODE)
        os.chmod(path, FOLDER_MODE)  # the umask may have taken bits away
    elif not path.is_dir():
        raise UnsafeFolder(f"{path}: is not a folder")


def ours(path: Path) -> bool:
    """True when `path` is missing or a regular file the tracker wrote; False for the user's own
    file. A link or anything else raises: nothing is written through it."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeFolder(f"{path}: is a symbolic link, which objection-tracker did not make; "
                           "left alone (remove it, or use --print)")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFolder(f"{path}: is not a regular file; left alone")
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read(1024 * 1024)
    return WRITTEN_BY in text or BEGIN in text


def write_units(folder: Path, units: Mapping[str, str]) -> list[Path]:
    """Each unit into `folder`, replacing only the tracker's own files. Nothing is written when
    any of them is the user's."""
    private_folder(folder)
    for name in units:
        if not ours(folder / name):
            raise UnsafeFolder(f"{folder / name}: exists and was not written by objection-tracker; "
                               "left alone (move it away, or use --print)")
    return [replace_file(folder / name, text) for name, text in units.items()]


def secrets_file(path: Path, secrets: Mapping[str, Sequence[str]], first: str) -> list[str]:
    """Create `path` (0600, O_EXCL|O_NOFOLLOW) with `first`, or keep the user's: append only the
    variables it lacks, narrow its mode to 0600. Returns what was done, in words."""
    private_folder(path.parent, "give --config the path the link points to")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except FileExistsError:
        return _keep_secrets_file(path, secrets)
    except OSError as exc:
        raise UnsafeFolder(f"{path}: cannot write: {exc.strerror}") from None
    try:
        os.fchmod(fd, FILE_MODE)
        os.write(fd, first.encode("utf-8"))
    finally:
        os.close(fd)
    return [f"Wrote {path} (mode 0600, no secret in it yet)."]


def _keep_secrets_file(path: Path, secrets: Mapping[str, Sequence[str]]) -> list[str]:
    flags = os.O_RDWR | os.O_APPEND | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise UnsafeFolder(f"{path}: is a symbolic link, which objection-tracker did not "
                               "make; left alone") from None
        raise UnsafeFolder(f"{path}: cannot open: {exc.strerror}") from None
    done = []
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            raise UnsafeFolder(f"{path}: is not a file of yours; left alone")
        if stat.S_IMODE(info.st_mode) != FILE_MODE:
            os.fchmod(fd, FILE_MODE)
            done.append(f"{path}: made readable by you alone (it was "
                        f"{stat.S_IMODE(info.st_mode):04o}).")
        with os.fdopen(os.dup(fd), "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        have = {m.group(1) for line in text.splitlines() if (m := _ASSIGNMENT.match(line.strip()))}
        missing = [name for name in secrets if name not in have]
        if missing:
            lead = "" if not text or text.endswith("\n") else "\n"
            os.write(fd, (lead + "".join(f"# {name}: the password of {', '.join(secrets[name])}\n"
                                         f"{name}=\n" for name in missing)).encode("utf-8"))
            done.append(f"{path}: kept; added {', '.join(missing)} for you to fill in.")
        else:
            done.append(f"{path}: kept as it is (it names every variable the config needs).")
    finally:
        os.close(fd)
    return done


def current_crontab() -> str | None:
    """The user's crontab (`crontab -l`), "" when there is none; None when there is no crontab
    command here."""
    command = shutil.which("crontab")
    if command is None:
        return None
    done = subprocess.run([command, "-l"], capture_output=True, text=True, timeout=30)
    if done.returncode == 0:
        return done.stdout
    if "no crontab" in done.stderr.lower():
        return ""
    raise TrackerError(f"`crontab -l` failed ({done.stderr.strip() or done.returncode}); "
                       "nothing written")


def filled_values(crontab: str) -> dict[str, str]:
    """NAME=value lines with a value inside the tracker's earlier block: what the user filled in."""
    inside, values = False, {}
    for line in crontab.splitlines():
        if line.strip() == BEGIN:
            inside = True
        elif line.strip() == END:
            inside = False
        elif inside and (m := _ASSIGNMENT.match(line.strip())) and m.group(2):
            values[m.group(1)] = m.group(2)
    return values


def merged_crontab(crontab: str, block: str) -> tuple[str, int]:
    """The user's crontab without the tracker's earlier block, then the new block; and how many
    of the user's own entries it keeps."""
    kept, inside = [], False
    for line in crontab.splitlines():
        if line.strip() == BEGIN:
            inside = True
        elif line.strip() == END:
            inside = False
        elif not inside:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    entries = sum(1 for line in kept if line.strip() and not line.lstrip().startswith("#")
                  and not _ASSIGNMENT.match(line.strip()))
    head = "\n".join(kept) + "\n\n" if kept else ""
    return f"{head}{BEGIN}\n{block.rstrip()}\n{END}\n", entries


def write_crontab(path: Path, text: str) -> Path:
    private_folder(path.parent)
    if not ours(path):
        raise UnsafeFolder(f"{path}: exists and was not written by objection-tracker; left alone")
    return replace_file(path, text)
