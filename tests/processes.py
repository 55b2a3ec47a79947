"""Reading a running child process's output in tests, with a deadline instead of a sleep."""

from __future__ import annotations

import re
import selectors
import subprocess
import time


def read_until(proc: subprocess.Popen[str], pattern: str, timeout: float) -> str:
    """proc's output up to a line matching `pattern`; fails after `timeout` seconds."""
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and selector.select(timeout=deadline - time.monotonic()):
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if re.search(pattern, line):
            return "".join(seen)
    raise AssertionError(f"no line matching {pattern!r} within {timeout}s; got:\n{''.join(seen)}")
