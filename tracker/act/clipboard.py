"""Putting the objection text on the clipboard through the desktop's own tool, when there is one.

wl-copy (Wayland), xclip (X11) and pbcopy (macOS) are asked in that order, each only where its
display exists: an xclip binary on a server without X would fail after the user said yes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

from tracker.errors import TrackerError

TOOLS = "wl-copy, xclip, pbcopy"


@dataclass(frozen=True)
class Clipboard:
    name: str
    command: tuple[str, ...]


def find() -> Clipboard | None:
    """The clipboard tool this session can use, or None."""
    candidates: list[tuple[bool, tuple[str, ...]]] = [
        (bool(os.environ.get("WAYLAND_DISPLAY")), ("wl-copy",)),
        (bool(os.environ.get("DISPLAY")), ("xclip", "-selection", "clipboard")),
        (sys.platform == "darwin", ("pbcopy",)),
    ]
    for usable, command in candidates:
        if usable and shutil.which(command[0]):
            return Clipboard(command[0], command)
    return None


def copy(clipboard: Clipboard, text: str) -> None:
    try:
        # No pipes for its output: xclip forks a child that owns the selection and would keep
        # a pipe open, so run() would wait for it.
        subprocess.run(clipboard.command, input=text.encode("utf-8"), check=True, timeout=10,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as exc:
        raise TrackerError(f"{clipboard.name} could not take the text ({type(exc).__name__}); "
                           "copy it from above by hand") from None
