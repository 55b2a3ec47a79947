"""The transcript in README's "Filing an objection": a throwaway Dovecot (tests/imap_server.py), a
real sync and real `objection-tracker object` runs, the first under a pseudo-terminal answering
its prompt while this script APPENDs the code mail to Junk and then Meta's confirmation to INBOX.

    .venv/bin/python tests/tools/object_transcript.py      # as root, like the Dovecot tests

Prints the transcript, then the flags of every message on the server (none may be \\Seen).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[2]))
from tests.conftest import FIXTURES, running_dovecot  # noqa: E402

BIN = str(Path(sys.executable).parent / "objection-tracker")
USER = "anna@example.org"


def sent_now(name: str) -> bytes:
    """A fixture as if Meta sent it just now: only its Date header changes."""
    now = email.utils.format_datetime(dt.datetime.now(dt.UTC)).encode()
    return re.sub(rb"(?m)^Date: .*$", b"Date: " + now, (FIXTURES / name).read_bytes(), count=1)


class Terminal:
    """A child on a pseudo-terminal, and everything it printed."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        self.output = b""

    def until(self, pattern: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.output.decode(errors="replace"), re.M):
            if time.monotonic() > deadline:
                raise SystemExit(f"no {pattern!r} in:\n{self.output.decode(errors='replace')}")
            if select.select([self.fd], [], [], 0.2)[0]:
                self.output += os.read(self.fd, 4096)

    def finish(self) -> int:
        _pid, status = os.waitpid(self.pid, 0)
        while True:
            try:
                if not select.select([self.fd], [], [], 0.5)[0]:
                    break
                chunk = os.read(self.fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            self.output += chunk
        return os.waitstatus_to_exitcode(status)


def shell(argv: list[str], env: dict[str, str]) -> None:
    print("$ objection-tracker " + " ".join(argv))
    done = subprocess.run([BIN, *argv], env=env, capture_output=True, text=True)
    print(done.stdout + done.stderr, end="")


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="ot-transcript-"))
    with running_dovecot("transcript", users={USER: "demo-password"}) as dovecot:
        dovecot.append(USER, "INBOX", (FIXTURES / "en_facebook_notice_2024_html_qp.eml").read_bytes())
        dovecot.append(USER, "INBOX", (FIXTURES / "en_instagram_notice_2024_alt_b64.eml").read_bytes())
        config = home / "config.toml"
        config.write_text(f'[database]\nurl = "sqlite:///{home}/tracker.db"\n\n[[mailboxes]]\n'
                          f'name = "personal"\nhost = "127.0.0.1"\nport = {dovecot.port}\n'
                          f'security = "plain"\nusername = "{USER}"\n'
                          'password_env = "MY_IMAP_PASSWORD"\n', encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.update(MY_IMAP_PASSWORD="demo-password", OBJECTION_TRACKER_HOME=str(home),
                   OBJECTION_TRACKER_CONFIG=str(config), PYTHONUNBUFFERED="1", TERM="dumb")
        shell(["sync"], env)

        first = ["object", "facebook:anna@example.org", "--no-browser", "--wait", "5"]
        child = Terminal([BIN, *first], env)
        child.until(r"Have you submitted the form\?")
        os.write(child.fd, b"y\n")
        child.until(r"^Watching mailbox")
        time.sleep(3)  # the person asks the form for the code
        junk = next(name for flags, name in dovecot.folders(USER) if b"\\Junk" in flags)
        dovecot.append(USER, junk, sent_now("en_facebook_code_objection.eml"))
        child.until(r"CODE \d+")
        time.sleep(4)  # and enters it; Meta answers
        dovecot.append(USER, "INBOX", sent_now("en_facebook_confirmation_2024.eml"))
        child.until(r"^New state of")
        code = child.finish()
        print("$ objection-tracker " + " ".join(first))
        print(child.output.decode().replace("\r\n", "\n"), end="")
        print(f"[exit status {code}]")

        shell(["object", "--next", "--no-browser", "--yes", "--wait", "0.5", "--advice-after",
               "0.25"], env)
        shell(["status"], env)
        print("# flags on the server:", {f: dovecot.flags(USER, f) for f in ("INBOX", junk)})
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
