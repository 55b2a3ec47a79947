"""Run the CLI with a hook that sends this process SIGINT mid-sync, at a known point (issue 22
item 5's test, tests/test_interrupt.py): the signal is real, the IMAP server is a real Dovecot.

    python tests/tools/interrupt_sync.py MAILBOX NTH CLI-ARGS...

Batches are 5 mails, so that a small folder has many. SIGINT goes out when MAILBOX saves its
folder progress for the NTH time, inside that batch's transaction (which then rolls back). When
the sync runs in threads, the hook then holds its thread until the main thread has asked the
syncs to stop, so that what a thread does after the signal does not depend on timing."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import tracker.actions  # noqa: E402
import tracker.sync  # noqa: E402
from cli import main  # noqa: E402
from tracker.store.repo import Repository  # noqa: E402

tracker.sync.BATCH = 5
mailbox, nth = sys.argv[1], int(sys.argv[2])
del sys.argv[1:3]
stops: list[threading.Event] = []


class Recorded(threading.Event):
    def __init__(self) -> None:
        super().__init__()
        stops.append(self)


tracker.actions.threading.Event = Recorded  # type: ignore[misc]
real_save = Repository.save_folder_progress
calls = {"n": 0}


def save(self, box, folder, progress):
    real_save(self, box, folder, progress)
    if box != mailbox:
        return
    calls["n"] += 1
    if calls["n"] == nth:
        os.kill(os.getpid(), signal.SIGINT)  # raises KeyboardInterrupt here in the main thread
        if threading.current_thread() is not threading.main_thread():
            for stop in stops:
                assert stop.wait(30), "the main thread never asked the syncs to stop"


Repository.save_folder_progress = save  # type: ignore[method-assign]
main()
