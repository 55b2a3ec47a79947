"""`status` reads a current SQLite database with sqlite3 alone (tracker.store.reader, issue 21
item 2): what it prints must be what the ORM path prints. Both paths run over the same store,
made from every mail in tests/fixtures, the sample mailbox, a file that is not mail, marks, a
linked group and an acknowledged suspicious mail."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.store import reader

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def run(config: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return re.sub(r'"generated_at": "[^"]*"', '"generated_at": ""', result.output)  # the clock


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("reader")
    config = home / "config.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{home}/t.db"\n\n[dkim]\n'
                      'import_authserv_id = ["mx.example.org", "mx.example.net"]\n\n'
                      '[[people]]\nname = "mum"\n')
    mails = home / "mails"
    mails.mkdir()
    for path in sorted(FIXTURES.glob("*.eml")):
        shutil.copy(path, mails / path.name)
    (mails / "broken.eml").write_bytes(b"From: x@example.org\nSubject: \xff\n\n" + b"\x00" * 64)
    run(config, "import", str(mails), str(ROOT / "tracker" / "sample" / "demo.mbox"))
    run(config, "mark", "instagram:anna.photos", "submitted", "--note", "by hand")
    run(config, "mark", "facebook:someone.new@example.org", "confirmed", "--new")
    run(config, "link", "instagram:anna.cooks", "facebook:anna@example.org")
    suspicious = reader.read(f"sqlite:///{home}/t.db").suspicious
    assert len(suspicious) > 1
    run(config, "suspicious", "ack", str(suspicious[0].id))  # one seen, the others new
    from tracker.mail.rawmail import RawMessage
    from tracker.store.engine import open_database
    from tracker.store.repo import Repository
    from tracker.sync import ingest

    with open_database(f"sqlite:///{home}/t.db").begin() as session:  # as a sync records it
        assert ingest(Repository(session), RawMessage(b"\x00\xff\xfe" * 100, "home", "INBOX", 7,
                                                      42))[0] == "unparseable"
    return config


@pytest.mark.parametrize("args", [
    ("status",), ("status", "--format", "json"), ("status", "--unreadable"),
    ("status", "--person", "mum"), ("status", "--fail-if-pending"), ("suspicious",),
])
def test_the_sqlite_reader_prints_what_the_orm_prints(store, monkeypatch, args):
    fast = run(store, *args)
    assert reader.read(f"sqlite:///{store.parent}/t.db") is not None  # the reader did read it
    with monkeypatch.context() as m:
        m.setattr(reader, "read", lambda url: None)  # the ORM path
        slow = run(store, *args)
    assert fast == slow
    assert "ACCOUNT" in fast or "accounts" in fast or "suspicious" in fast or "UID" in fast \
        or "could be read" in fast or "broken" in fast


def test_the_reader_reads_the_same_values_as_the_orm(store):
    from tracker.store import unreadable
    from tracker.store.engine import open_database
    from tracker.store.repo import Repository

    url = f"sqlite:///{store.parent}/t.db"
    snapshot = reader.read(url)
    with open_database(url).begin() as session:
        repo = Repository(session)
        assert snapshot.evidence == repo.evidence()
        assert snapshot.groups == repo.groups()
        assert snapshot.suspicious == repo.suspicious()
        assert snapshot.unreadable == unreadable.listing(session)
    assert len(snapshot.evidence) > 50 and snapshot.groups and snapshot.unreadable
    assert any(s.seen_at for s in snapshot.suspicious)
    assert not all(s.seen_at for s in snapshot.suspicious)


def test_anything_but_a_current_plain_sqlite_file_takes_the_orm_path(tmp_path):
    assert reader.read(f"sqlite:///{tmp_path}/none.db") is None  # new: the ORM creates it
    assert reader.read("sqlite://") is None
    assert reader.read(f"sqlite:///{tmp_path}/t.db?timeout=5") is None
    assert reader.read("postgresql+psycopg://postgres@127.0.0.1/test") is None
    import sqlite3

    behind = tmp_path / "behind.db"
    with sqlite3.connect(behind) as c:
        c.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        c.execute("INSERT INTO alembic_version VALUES ('0001')")
    assert reader.read(f"sqlite:///{behind}") is None  # behind: the ORM path migrates
    from tracker.store.revision import head_revision

    broken = tmp_path / "broken.db"  # at the newest migration, but its tables are gone
    with sqlite3.connect(broken) as c:
        c.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        c.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    assert reader.read(f"sqlite:///{broken}") is None  # the ORM path says what is wrong
