"""Open a database by URL and bring its schema to the newest migration.

Every command calls open_database(), so an upgraded tool migrates the user's database on its first
run. The schema is checked with one query (alembic_version against the newest migration file);
Alembic, whose import and script loading were a third of a short command's time, runs only when
the database is behind (issue 21 item 2). SQLite files are created 0600 (they list someone's
accounts), in a folder made 0700 (tracker.private_files), never through a link, and run in WAL
mode so a status read does not wait for a sync.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from tracker import private_files
from tracker.errors import ConfigError, TrackerError
from tracker.store.revision import SIDE_FILES, head_revision, migrations_dir


def open_database(url: str) -> sessionmaker[Session]:
    engine = create(url)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def create(url: str) -> Engine:
    try:
        return _create(url)
    except (ValueError, TypeError) as exc:
        # A query parameter the driver cannot read ("?timeout=abc"): one line, never the URL,
        # which may carry a password.
        raise ConfigError(f"database.url: a parameter of the URL is not valid ({exc})") from None


def _create(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        # Not the value: a database URL may carry a password.
        raise ConfigError("database.url: not a database URL (write it as "
                          "sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _create_private_file(Path(parsed.database))
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise ConfigError(
            f"database.url: the driver {exc.name!r} is not installed "
            f"(for PostgreSQL: pip install 'objection-tracker[postgres]')"
        ) from None


def current(engine: Engine) -> bool:
    """Is the database at the newest migration? One query; any doubt (no table yet, no row,
    another id, an error) says no, and Alembic looks."""
    head = head_revision()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # a new database, or one this tool never migrated: Alembic reports it
        return False
    return [r[0] for r in rows] == [head]


def migrate(engine: Engine) -> None:
    if current(engine):
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(migrations_dir()))
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except (OperationalError, InterfaceError, ProgrammingError) as exc:
        # The connection failed, or its parameters ("?connect_timeout=abc") were refused.
        raise TrackerError(f"database {engine.url.render_as_string(hide_password=True)}: "
                           f"{(str(exc.orig).strip().splitlines() or [type(exc.orig).__name__])[0]}"
                           ) from None
    except (ValueError, TypeError) as exc:  # a parameter the driver reads only on connecting
        raise ConfigError(f"database.url: a parameter of the URL is not valid ({exc})") from None


def _create_private_file(path: Path) -> None:
    path = path.expanduser()
    private_files.folder(path.parent)
    # SQLite opens the database through a link, and its -wal, -shm and -journal beside the file
    # the link names: refused here, like any link the tracker did not make.
    private_files.refuse_links(path, *(path.with_name(path.name + s) for s in SIDE_FILES),
                               what="a database")
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC,
                         0o600))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
