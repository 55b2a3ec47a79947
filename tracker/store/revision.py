"""Which migration is the newest, read from the migration files without Alembic or SQLAlchemy:
the engine, the SQLite reader and a sync's own bookkeeping (tracker.store.sync_state) check the
database against it with one query. A plain SQLite file at that migration is read with sqlite3
alone (`open_current`); anything else is SQLAlchemy's, which migrates."""

from __future__ import annotations

import os
import re
import sqlite3
from functools import cache
from pathlib import Path

PREFIX = "sqlite:///"
SIDE_FILES = ("-wal", "-shm", "-journal")  # what SQLite keeps beside a database file
CHECKOUT_MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def migrations_dir() -> Path:
    # From a checkout (python cli.py) the folder is beside tracker/; installed, it ships as
    # the package tracker.migrations (pyproject maps it).
    if (CHECKOUT_MIGRATIONS / "env.py").exists():
        return CHECKOUT_MIGRATIONS
    from importlib import resources

    return Path(str(resources.files("tracker.migrations")))


REVISION = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*['\"]?([\w-]+|None)", re.MULTILINE)


@cache
def head_revision() -> str | None:
    """The newest migration's id, read from the migration files' `revision` and `down_revision`
    lines: the one no other migration follows. None when that is not one id (a branch): then
    Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        for down, value in REVISION.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def database_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///PATH` URL that exists; None for anything else (a driver
    name, query parameters, escapes, memory): SQLAlchemy reads those."""
    if not url.startswith(PREFIX) or any(c in url for c in "?%~"):
        return None
    path = Path(url[len(PREFIX):])
    if url[len(PREFIX):] in ("", ":memory:") or not path.is_file():
        return None
    # A link where the database or a file SQLite keeps beside it belongs: the ORM path refuses it.
    if any(os.path.islink(p) for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES))):
        return None
    return path


def open_current(url: str) -> sqlite3.Connection | None:
    """A sqlite3 connection to the database of a plain SQLite URL at the newest migration; None
    for anything else (PostgreSQL, a new or older database, an error): the ORM path's business."""
    path = database_file(url)
    head = head_revision()
    if path is None or head is None:
        return None
    try:
        # Callers serialise their use of it; a sync's threads share one (SyncState).
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        versions = [r[0] for r in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:  # no schema yet, unreadable, locked too long: the ORM path says why
        versions = []
    if versions != [head]:  # behind (or ahead): the ORM path migrates, or Alembic says why not
        connection.close()
        return None
    return connection
