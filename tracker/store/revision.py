"""Which migration is the newest, read from the migration files without Alembic or SQLAlchemy:
the engine and the SQLite reader both check the database against it with one query."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

CHECKOUT_MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def migrations_dir() -> Path:
    # From a checkout (python cli.py) the folder is beside tracker/; installed, it ships as
    # the package tracker.migrations (pyproject maps it).
    if (CHECKOUT_MIGRATIONS / "env.py").exists():
        return CHECKOUT_MIGRATIONS
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
