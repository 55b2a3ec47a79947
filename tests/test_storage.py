"""Migrations and storage on SQLite and PostgreSQL."""

import datetime as dt
import os
import stat

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tracker.mail.rawmail import RawMessage
from tracker.store.engine import create, migrate, open_database
from tracker.store.models import Base
from tracker.store.repo import Repository
from tracker.sync import ingest


def test_migrations_build_exactly_the_models(database_url):
    engine = create(database_url)
    migrate(engine)
    migrate(engine)  # a second start finds nothing to do
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        tables = set(inspect(conn).get_table_names())
    assert diff == []
    assert {"processed_messages", "accounts", "findings", "links", "marks", "folder_states"} <= tables
    engine.dispose()


def test_sqlite_file_is_private(tmp_path):
    path = tmp_path / "sub" / "t.db"
    open_database(f"sqlite:///{path}")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


NOTICE = b"""From: Facebook <notification@facebookmail.com>
To: anna@example.org
Subject: We're updating our Privacy Policy as we expand AI at Meta
Date: Wed, 29 May 2024 10:00:00 +0000
Message-ID: <n1@facebookmail.com>
Content-Type: text/html; charset=utf-8

<p>Hi Anna,</p><p>You have the <a href="https://www.facebook.com/help/contact/712876720715583">right to object</a>.</p>
<p>This message was sent to anna@example.org.</p>
"""


def test_findings_round_trip_and_dedupe(database_url):
    sessions = open_database(database_url)
    with sessions.begin() as s:
        repo = Repository(s)
        assert ingest(repo, RawMessage(NOTICE, "personal", "INBOX", 7, 1)) == ("finding", "notice")
        assert ingest(repo, RawMessage(NOTICE, "personal", "Junk", 3, 9)) == ("duplicate", None)
        repo.add_mark("facebook", "anna@example.org", "submitted", "filed", dt.datetime(2024, 6, 1, tzinfo=dt.UTC))
    with sessions.begin() as s:
        repo = Repository(s)
        evidence = sorted(repo.evidence(), key=lambda e: e.date)
        assert [(e.kind, e.account) for e in evidence] == [
            ("notice", "anna@example.org"), ("mark:submitted", "anna@example.org")]
        assert evidence[0].date == dt.datetime(2024, 5, 29, 10, tzinfo=dt.UTC)
        assert evidence[0].objection_url == "https://www.facebook.com/help/contact/712876720715583"
        assert repo.processed_uids("personal", "Junk", 3, [9, 10]) == {9}
        assert repo.known_keys(["<n1@facebookmail.com>", "<other@x>"]) == {"<n1@facebookmail.com>"}


def test_a_finding_keeps_its_reason_and_authenticity(database_url):
    sessions = open_database(database_url)
    with sessions.begin() as s:
        assert ingest(Repository(s), RawMessage(NOTICE, "personal", "INBOX", 7, 1)) == ("finding", "notice")
    with sessions.begin() as s:
        (e,) = Repository(s).evidence()
        assert e.reason == "notice: policy-update subject [en]: 'updating our privacy policy'"
        assert e.authenticity == ("Meta domain facebookmail.com; the receiving server added no "
                                  "Authentication-Results")


def test_upgrade_from_0004_keeps_findings_and_adds_authenticity(database_url):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import migrations_dir

    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.exec_driver_sql(
            "INSERT INTO findings (message_key, kind, date, subject, sender, mailbox, folder, "
            "covers_linked, recorded_at) VALUES ('k', 'notice', '2024-05-29 10:00:00', 's', "
            "'f', 'personal', 'INBOX', false, '2024-05-29 10:00:00')")
        command.upgrade(config, "head")
        row = conn.exec_driver_sql("SELECT kind, reason, authenticity FROM findings").one()
    assert tuple(row) == ("notice", None, None)
    engine.dispose()


def test_upgrade_from_0005_adds_the_raw_bytes_and_dkim_columns_and_downgrades(database_url):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import migrations_dir

    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.exec_driver_sql(
            "INSERT INTO findings (message_key, kind, date, subject, sender, mailbox, folder, "
            "covers_linked, recorded_at) VALUES ('k', 'notice', '2024-05-29 10:00:00', 's', "
            "'f', 'personal', 'INBOX', false, '2024-05-29 10:00:00')")
        command.upgrade(config, "0006")
        row = conn.exec_driver_sql("SELECT kind, raw, dkim_result, dkim_domain, dkim_selector "
                                   "FROM findings").one()
        assert tuple(row) == ("notice", None, None, None, None)
        command.downgrade(config, "0005")
        assert conn.exec_driver_sql("SELECT kind FROM findings").scalar_one() == "notice"
    engine.dispose()


def test_upgrade_from_0009_adds_arrival_and_recheck_and_downgrades(database_url):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import migrations_dir

    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
        conn.exec_driver_sql(
            "INSERT INTO findings (message_key, kind, date, subject, sender, mailbox, folder, "
            "covers_linked, recorded_at, dkim_result) VALUES ('k', 'notice', '2024-05-29 10:00:00', "
            "'s', 'f', 'personal', 'INBOX', false, '2024-05-29 10:00:00', 'temperror')")
        command.upgrade(config, "0010")
        row = conn.exec_driver_sql("SELECT kind, dkim_result, arrived_at, dkim_recheck_at "
                                   "FROM findings").one()
        # an old temperror has no time yet: it is due at once, as before
        assert tuple(row) == ("notice", "temperror", None, None)
        command.downgrade(config, "0009")
        assert conn.exec_driver_sql("SELECT kind FROM findings").scalar_one() == "notice"
        command.upgrade(config, "head")
    engine.dispose()


def test_upgrade_from_0010_adds_seen_and_downgrades(database_url):
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import migrations_dir

    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, "0010")
        conn.exec_driver_sql(
            "INSERT INTO findings (message_key, kind, date, subject, sender, mailbox, folder, "
            "covers_linked, recorded_at) VALUES ('k', 'suspicious', '2024-05-29 10:00:00', "
            "'s', 'f', 'personal', 'INBOX', false, '2024-05-29 10:00:00')")
        command.upgrade(config, "0011")
        row = conn.exec_driver_sql("SELECT kind, seen_at FROM findings").one()
        assert tuple(row) == ("suspicious", None)  # suspicious mail stored before is new
        command.downgrade(config, "0010")
        assert conn.exec_driver_sql("SELECT kind FROM findings").scalar_one() == "suspicious"
        command.upgrade(config, "head")
    engine.dispose()
