"""Threads counts for its Instagram account (field guide: a Threads profile belongs to an
Instagram account), and Messenger's mail for the Facebook account (Messenger has no account or
objection of its own): classify, `threads:` and `messenger:` typed by a person, and the
migrations of stored accounts (0008, 0014)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig

from tracker.actions import parse_account
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse
from tracker.store.engine import create, migrations_dir

THREADS_MAIL = b"""From: Threads <no-reply@mail.instagram.com>
To: anna@example.org
Subject: anna.cooks, you have new replies on Threads
Message-ID: <t1@mail.instagram.com>
Content-Type: text/plain; charset=utf-8

Hi anna.cooks,
lena.b replied to your thread.
This message was sent to anna@example.org and intended for anna.cooks.
"""


def test_threads_mail_counts_for_the_instagram_account():
    finding = classify(parse(THREADS_MAIL)).finding
    assert (finding.platform, finding.account) == ("instagram", "anna.cooks")
    from_facebook = THREADS_MAIL.replace(b"Threads <no-reply@mail.instagram.com>",
                                         b"Threads <security@facebookmail.com>")
    assert classify(parse(from_facebook)).finding.platform == "instagram"


@pytest.mark.parametrize("typed", ["threads:Anna.Cooks", "Threads: anna.cooks", "instagram:anna.cooks"])
def test_threads_typed_by_a_person_names_the_instagram_account(typed):
    assert parse_account(typed) == ("instagram", "anna.cooks")


MESSENGER_MAIL = b"""From: Messenger <notification@facebookmail.com>
To: anna@example.org
Subject: Lena sent you a message
Message-ID: <m1@facebookmail.com>
Content-Type: text/plain; charset=utf-8

Hi Anna,
Lena sent you a message.
https://www.facebook.com/n/?messages%2Ft%2F1234&n_m=anna%40example.org
This message was sent to anna@example.org.
"""


def test_messenger_mail_counts_for_the_facebook_account():
    finding = classify(parse(MESSENGER_MAIL)).finding
    assert (finding.kind, finding.platform, finding.account) == ("other", "facebook", "anna@example.org")


@pytest.mark.parametrize("typed", ["messenger:anna@example.org", "Messenger: Anna@example.org"])
def test_messenger_typed_by_a_person_names_the_facebook_account(typed):
    assert parse_account(typed) == ("facebook", "anna@example.org")


AT = "'2025-06-01 10:00:00'"


def _finding(conn, key: str, account_id: int) -> None:
    conn.exec_driver_sql(
        "INSERT INTO findings (message_key, account_id, kind, date, subject, sender, mailbox, folder, "
        f"covers_linked, recorded_at) VALUES ('{key}', {account_id}, 'notice', {AT}, 's', 'f', "
        f"'personal', 'INBOX', false, {AT})")


MERGES = {  # revision before, the merge, what joins what, and names of the joining platform's kind
    "threads": ("0007", "0008", "instagram", ("anna.cooks", "solo.threads", "pair.only")),
    "messenger": ("0013", "0014", "facebook", ("anna@example.org", "solo@example.org", "pair@example.org")),
}


@pytest.mark.parametrize("source", list(MERGES))
def test_the_migration_merges_accounts_into_the_one_they_ride_on_keeping_marks_and_links(database_url, source):
    before, merge, target, (anna, solo, pair) = MERGES[source]
    other = "instagram" if target == "facebook" else "facebook"
    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, before)
        for id_, platform, name, seen in ((1, source, anna, "2025-01-01 00:00:00"),
                                          (2, target, anna, "2025-03-01 00:00:00"),
                                          (3, source, solo, "2025-01-01 00:00:00"),
                                          (4, other, "other.one", "2025-01-01 00:00:00"),
                                          (5, source, pair, "2025-01-01 00:00:00"),
                                          (6, target, pair, "2025-01-01 00:00:00")):
            conn.exec_driver_sql("INSERT INTO accounts (id, platform, account, first_seen_at) "
                                 f"VALUES ({id_}, '{platform}', '{name}', '{seen}')")
        _finding(conn, "t1", 1)
        _finding(conn, "i1", 2)
        conn.exec_driver_sql(f"INSERT INTO marks (account_id, action, note, created_at) VALUES "
                             f"(1, 'submitted', 'via {source}', {AT}), (3, 'ignored', NULL, {AT})")
        conn.exec_driver_sql(f"INSERT INTO group_members (account_id, group_id, linked_at) VALUES "
                             f"(1, 10, {AT}), (4, 10, {AT}), (5, 20, {AT}), (6, 20, {AT})")
        command.upgrade(config, merge)
        accounts = dict(conn.exec_driver_sql(
            "SELECT platform || ':' || account, id FROM accounts").all())
        assert set(accounts) == {f"{target}:{anna}", f"{target}:{solo}", f"{other}:other.one",
                                 f"{target}:{pair}"}
        merged = accounts[f"{target}:{anna}"]
        assert sorted(conn.exec_driver_sql(
            f"SELECT message_key FROM findings WHERE account_id = {merged}").scalars()) == ["i1", "t1"]
        assert conn.exec_driver_sql(f"SELECT note FROM marks WHERE account_id = {merged}").scalar_one() \
            == f"via {source}"
        assert conn.exec_driver_sql("SELECT action FROM marks WHERE account_id = "
                                    f"{accounts[f'{target}:{solo}']}").scalar_one() == "ignored"
        groups = sorted(conn.exec_driver_sql("SELECT group_id, account_id FROM group_members").all())
        assert groups == [(10, merged), (10, accounts[f"{other}:other.one"])]
        assert str(conn.exec_driver_sql(
            f"SELECT first_seen_at FROM accounts WHERE id = {merged}").scalar_one()).startswith("2025-01-01")
    engine.dispose()
