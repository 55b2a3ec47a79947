"""Shared fixtures: an isolated home for every test, databases on SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.imap_server import DovecotServer

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("OBJECTION_TRACKER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session", autouse=True)
def meta_dkim() -> Iterator[None]:
    """What a real setup has (issue 14): Meta's mail arrives DKIM-signed (DovecotServer.append
    signs it with the harness key) and the key is in DNS (a dnslib server on a loopback port,
    named through OBJECTION_TRACKER_DKIM_NAMESERVERS, which subprocesses inherit too). Imported
    fixtures carry the Authentication-Results of the users' servers mx.example.org/.net/.com."""
    from tests.dkim_keys import HARNESS, start_harness

    server = start_harness()
    saved = {k: os.environ.get(k) for k in ("OBJECTION_TRACKER_DKIM_NAMESERVERS",
                                            "OBJECTION_TRACKER_IMPORT_AUTHSERV_ID")}
    os.environ["OBJECTION_TRACKER_DKIM_NAMESERVERS"] = server.nameserver
    os.environ["OBJECTION_TRACKER_IMPORT_AUTHSERV_ID"] = "mx.example.org,mx.example.net,mx.example.com"
    yield
    server.stop()
    HARNESS.clear()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(autouse=True)
def tracker_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real home: config, database and locks live in tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    monkeypatch.delenv("OBJECTION_TRACKER_CONFIG", raising=False)
    # Output wraps at the terminal's width, which would otherwise be whatever terminal runs pytest:
    # tests that read what a command says see whole lines; those about the width set their own.
    monkeypatch.setenv("COLUMNS", "250")
    return home


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database on each backend; PostgreSQL gets its own schema, dropped after."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    with postgres_schema() as url:
        yield url


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of a new empty schema in the test PostgreSQL, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# --- a real IMAP server for the sync tests ----------------------------------------------------

IMAP_PASSWORD = "pässwörd-1"  # non-ASCII: goes through AUTHENTICATE PLAIN
USERS = [f"user{i}" for i in range(80)]  # one per test that uses `mailbox_user`


@contextlib.contextmanager
def running_dovecot(name: str, server_class: type[DovecotServer] = DovecotServer,
                    **options) -> Iterator[DovecotServer]:
    """A started Dovecot in a fresh folder, removed afterwards. The folder is outside pytest's own
    temp folder, which is mode 0700: Dovecot's mail processes run as vmail and must traverse it."""
    root = Path(tempfile.mkdtemp(prefix=f"ot-dovecot-{name}-"))
    os.chmod(root, 0o755)
    server = server_class(root, **options)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    # Users are made up front: Dovecot re-reads a passwd-file by mtime, which a fast test suite
    # can change twice within one second.
    with running_dovecot("plain", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as server:
        yield server


_free_users = iter(USERS)


@pytest.fixture
def mailbox_user(dovecot: DovecotServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """A user of its own for each test, so that every test starts from an empty mailbox."""
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    return next(_free_users)
