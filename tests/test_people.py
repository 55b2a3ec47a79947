"""Several people on one tracker (issue 15): [[people]] in the config, each account belongs to the
people whose mailboxes saw it, status --person and grouped, one digest per person with only their
accounts (aiosmtpd), and privacy between people. Against a Dovecot of its own with several users,
on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.imap_server import DovecotServer
from tests.test_notify_smtp import Inbox, start
from tracker import config
from tracker.errors import ConfigError
from tracker.store import people
from tracker.store.repo import Evidence
from tracker.store.state import derive

DATA = Path(__file__).parent / "data"
USERS = [f"people{i}" for i in range(60)]
_free = iter(USERS)


@pytest.fixture(scope="module")
def server() -> Iterator[DovecotServer]:
    with running_dovecot("people", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as dovecot:
        yield dovecot


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    controller = start(handler)
    yield handler, controller.port
    controller.stop()


def notice(address: str, n: int | str) -> bytes:
    """Meta's 2024 notice, sent to `address` (its account on Facebook)."""
    raw = (DATA / "notice_facebook_en.eml").read_bytes()
    return (raw.replace(b"anna%40example.org", address.replace("@", "%40").encode())
            .replace(b"anna@example.org", address.encode())
            .replace(b"<cli-notice-1@", f"<people-{n}-{address}@".encode()))


def fill(server: DovecotServer, user: str, *addresses: str) -> None:
    # Straight into the Maildir: no harness login shows in the server's log.
    server.write_maildir(user, "INBOX", [notice(a, f"{user}-{i}") for i, a in enumerate(addresses)])


PEOPLE = """
[[people]]
name = "mum"
smtp_to = ["mum@example.org"]
language = "de"

[[people]]
name = "me"
smtp_to = ["me@example.net"]
"""


def write(home: Path, url: str, server: DovecotServer, boxes: list[tuple[str, str, str | None]],
          smtp_port: int, extra: str = PEOPLE) -> Path:
    lines = [f'[database]\nurl = "{url}"\n',
             '[reminders]\nchannels = ["smtp"]\n',
             f'[reminders.smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "plain"\n'
             'from = "objection-tracker <robot@example.org>"\nto = ["owner@example.org"]\n',
             extra]
    for name, user, person in boxes:
        lines.append(f'[[mailboxes]]\nname = "{name}"\nhost = "127.0.0.1"\nport = {server.port}\n'
                     f'security = "plain"\nusername = "{user}"\npassword_env = "OT_IMAP_PASSWORD"\n'
                     + (f'person = "{person}"\n' if person else ""))
    path = home / "config.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def invoke(path: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--config", str(path), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def text_of(msg: EmailMessage) -> str:
    plain, html = msg.iter_parts()
    return plain.get_content() + html.get_content() + str(msg["Subject"])


@pytest.fixture
def household(server, inbox, database_url, tracker_home, monkeypatch):
    """mum's two mailboxes, mine, and a mailbox of no person; the accounts Meta wrote to."""
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    mum1, mum2, mine, work = (next(_free) for _ in range(4))
    fill(server, mum1, "mum@example.org")
    fill(server, mum2, "mum.old@example.org")
    fill(server, mine, "me@example.net", "shared@example.com")
    # A subject of my own on the shared account: never in mum's view.
    server.write_maildir(mine, "INBOX", [notice("shared@example.com", "own-subject").replace(
        b"as we expand AI at Meta", b"as we expand AI at Meta, for me only")])
    fill(server, work, "boss@example.com")
    # One account two people's mailboxes saw: it is both people's.
    server.write_maildir(mum2, "INBOX", [notice("shared@example.com", 9)])
    handler, port = inbox
    path = write(tracker_home, database_url, server,
                 [("mum-gmail", mum1, "mum"), ("mum-old", mum2, "mum"), ("mine", mine, "me"),
                  ("work", work, None)], port)
    return path, handler, mine


MUM = {"facebook:mum@example.org", "facebook:mum.old@example.org", "facebook:shared@example.com"}
ME = {"facebook:me@example.net", "facebook:shared@example.com"}
OWNER = {"facebook:boss@example.com"}


def test_each_person_gets_one_digest_with_only_their_accounts(household):
    path, handler, _mine = household
    invoke(path, "run", "--once")
    by_rcpt = {tuple(rcpts): msg for (_sender, rcpts), msg in zip(handler.envelopes, handler.messages,
                                                                   strict=True)}
    assert sorted(by_rcpt) == [("me@example.net",), ("mum@example.org",), ("owner@example.org",)]
    everyone = MUM | ME | OWNER
    for rcpt, mine in ((("mum@example.org",), MUM), (("me@example.net",), ME),
                       (("owner@example.org",), OWNER)):
        body = text_of(by_rcpt[rcpt])
        shown = {k for k in everyone if k in body}
        assert shown == mine, rcpt
        assert "mum-gmail" not in body and "people" not in body  # no mailbox names, no users
    # mum's in German, the others in English
    assert "Meta-Konten warten" in text_of(by_rcpt[("mum@example.org",)])
    assert "Meta account" in text_of(by_rcpt[("me@example.net",)])
    # Throttled per person and account: the next run sends nothing to anyone.
    invoke(path, "run", "--once")
    assert len(handler.messages) == 3


def test_status_per_person_and_grouped(household):
    path, _handler, mine = household
    invoke(path, "sync")
    doc = json.loads(invoke(path, "status", "--format", "json"))
    people_of = {f"{a['platform']}:{a['account']}": a["people"] for a in doc["accounts"]}
    assert people_of == {"facebook:mum@example.org": ["mum"], "facebook:mum.old@example.org": ["mum"],
                         "facebook:shared@example.com": ["me", "mum"],
                         "facebook:me@example.net": ["me"], "facebook:boss@example.com": []}

    mum = invoke(path, "status", "--person", "mum", "--format", "json")
    assert {f"{a['platform']}:{a['account']}" for a in json.loads(mum)["accounts"]} == MUM
    # Nothing of my mailbox in mum's view: not my address, my mailbox or my mail's Message-ID.
    assert "for me only" in invoke(path, "status", "--person", "me", "--format", "json")
    for other in ("me@example.net", "boss@example.com", '"mine"', "work", "-me@example.net",
                  f"{mine}-1-shared", "for me only"):
        assert other not in mum, other
    shared = next(a for a in json.loads(mum)["accounts"] if a["account"] == "shared@example.com")
    assert shared["mailboxes"] == ["mum-old"] and shared["people"] == ["mum"]
    assert [e["mailbox"] for e in shared["evidence"]] == ["mum-old"]

    table = invoke(path, "status", "--person", "me")
    assert "facebook:me@example.net" in table and "mum@example.org" not in table

    grouped = invoke(path, "status")
    sections = dict(re.findall(r"== (.+?) ==\n(.*?)(?=\n\n== |\Z)", grouped, re.S))
    assert list(sections) == ["mum", "me", people.OWNER_LABEL]
    for name, keys in (("mum", MUM), ("me", ME), (people.OWNER_LABEL, OWNER)):
        assert {k for k in MUM | ME | OWNER if k + " " in sections[name]} == keys, name


def test_unknown_person_is_a_config_error(tracker_home, server):
    path = write(tracker_home, f"sqlite:///{tracker_home}/t.db", server,
                 [("dad-mail", "people59", "dad")], 2525)
    result = CliRunner().invoke(cli, ["--config", str(path), "status"])
    assert result.exit_code == 3
    assert result.output.strip().count("\n") == 0
    assert "mailboxes[0].person: 'dad' is not in [[people]] (mum, me)" in result.output
    # and --person names a configured person
    path = write(tracker_home, f"sqlite:///{tracker_home}/t.db", server, [], 2525)
    assert "no person named 'dad' (mum, me)" in invoke(path, "status", "--person", "dad", code=3)


def test_without_people_nothing_changes(server, inbox, tracker_home, monkeypatch):
    """No [[people]]: one digest with every account to [reminders.smtp] to, people [] each."""
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    a, b = next(_free), next(_free)
    fill(server, a, "x@example.org")
    fill(server, b, "y@example.org")
    handler, port = inbox
    path = write(tracker_home, f"sqlite:///{tracker_home}/t.db", server,
                 [("a", a, None), ("b", b, None)], port, extra="")
    invoke(path, "run", "--once")
    assert [rcpts for _s, rcpts in handler.envelopes] == [["owner@example.org"]]
    body = text_of(handler.messages[0])
    assert "x@example.org" in body and "y@example.org" in body and "Meta accounts" in body
    table = invoke(path, "status")
    assert "==" not in table
    doc = json.loads(invoke(path, "status", "--format", "json"))
    assert [a["people"] for a in doc["accounts"]] == [[], []]


def parse(extra: dict) -> config.Config:
    raw = {"reminders": {"channels": ["smtp"],
                         "smtp": {"host": "127.0.0.1", "port": 25, "security": "plain",
                                  "from": "r@example.org", "to": ["o@example.org"]}}, **extra}
    return config.parse(raw)


def test_people_config():
    cfg = parse({"people": [{"name": "mum", "smtp_to": "mum@example.org", "language": "DE"},
                            {"name": "me", "channels": ["stdout"]}],
                 "mailboxes": [{"name": "m", "host": "h", "username": "u", "password_env": "X",
                                "person": "mum"}]})
    assert cfg.people == (config.PersonConfig("mum", None, ("mum@example.org",), "de"),
                          config.PersonConfig("me", ("stdout",), (), None))
    assert cfg.mailboxes[0].person == "mum"
    assert parse({}).people == () and parse({}).mailboxes == ()


@pytest.mark.parametrize(("people_raw", "error"), [
    ([{"smtp_to": ["a@b"]}], "people[0].name: missing"),
    ([{"name": "a", "smtp_to": ["a@b"]}, {"name": "a", "smtp_to": ["a@b"]}],
     "people[1].name: 'a' is used twice"),
    ([{"name": "a"}], "people[0].smtp_to: missing (where the smtp channel sends a's digest)"),
    ([{"name": "a", "smtp_to": ["nope"]}], "people[0].smtp_to: must be a list of mail addresses"),
    ([{"name": "a", "channels": ["fax"]}], "people[0].channels[0]: 'fax' is not"),
    ([{"name": "a", "smtp_to": ["a@b"], "language": "deutsch"}], "people[0].language:"),
    ([{"name": "a", "smtp_to": ["a@b"], "mail": 1}], "people[0].mail: unknown key"),
])
def test_people_config_errors_name_the_key(people_raw, error):
    with pytest.raises(ConfigError, match=re.escape(error)):
        parse({"people": people_raw})


def test_a_person_view_holds_nothing_of_another_persons_mail():
    """Pure: the state is the account's; addresses, mailboxes, evidence and links are cut."""
    import datetime as dt

    cfg = parse({"people": [{"name": "mum", "smtp_to": "m@x.org"}, {"name": "me", "smtp_to": "i@x.org"}],
                 "mailboxes": [{"name": "mb", "host": "h", "username": "u", "password_env": "X",
                                "person": "mum"},
                               {"name": "ib", "host": "h", "username": "u", "password_env": "X",
                                "person": "me"}]})
    t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    evidence = [
        Evidence("instagram", "shared", "notice", t, subject="for mum", mailbox="mb",
                 address="mum@x.org"),
        Evidence("instagram", "shared", "confirmation", t + dt.timedelta(days=2),
                 subject="secret of mine", mailbox="ib", address="me@x.org"),
        Evidence("instagram", "mine", "notice", t, subject="mine only", mailbox="ib",
                 address="me@x.org"),
    ]
    states = derive(evidence, [frozenset({("instagram", "shared"), ("instagram", "mine")})])
    (mum_view,) = people.view(states, evidence, cfg, people.Audience(cfg.person("mum")))
    assert mum_view.key == "instagram:shared"
    assert mum_view.state == "objection_confirmed"  # Meta's yes stands, whichever mailbox it reached
    assert mum_view.addresses == ("mum@x.org",) and mum_view.mailboxes == ("mb",)
    assert [e.subject for e in mum_view.evidence] == ["for mum"]
    assert mum_view.group == () and mum_view.covered_by is None
    me_view = people.view(states, evidence, cfg, people.Audience(cfg.person("me")))
    assert {s.key for s in me_view} == {"instagram:shared", "instagram:mine"}


def test_upgrade_from_0005_keeps_reminders_as_the_owners(database_url):
    """Reminders sent before [[people]] were the owner's: after 0007 they still throttle them."""
    import datetime as dt

    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import create, migrations_dir
    from tracker.store.hosts import synced_since
    from tracker.store.repo import Repository

    engine = create(database_url)
    with engine.begin() as conn:
        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(migrations_dir()))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.exec_driver_sql("INSERT INTO accounts (platform, account, first_seen_at) VALUES "
                             "('instagram', 'old', '2026-01-01 00:00:00')")
        conn.exec_driver_sql("INSERT INTO reminders_sent (account_id, channel, reason, sent_at) "
                             "SELECT id, 'smtp', 'needs_action', '2026-01-02 00:00:00' FROM accounts")
        command.upgrade(cfg, "head")
    from sqlalchemy.orm import sessionmaker

    sessions = sessionmaker(engine)
    with sessions.begin() as session:
        repo = Repository(session)
        assert list(repo.last_reminders("")) == [("instagram", "old", "smtp")]
        assert repo.last_reminders("mum") == {}
    assert synced_since(sessions, "any", dt.datetime(2000, 1, 1, tzinfo=dt.UTC)) is None
    engine.dispose()


def test_dry_run_and_stdout_say_whose_digest_each_is(household):
    path, _handler, _mine = household
    text = path.read_text().replace('smtp_to = ["mum@example.org"]',
                                    'smtp_to = ["mum@example.org"]\nchannels = ["stdout"]')
    path.write_text(text)
    invoke(path, "sync")
    preview = invoke(path, "remind", "--dry-run")
    blocks = dict(re.findall(r"--- would send via (.+?): \d+ accounts? ---\n(.*?)(?=\n--- |\Z)",
                             preview, re.S))
    assert set(blocks) == {"stdout for mum", "smtp (me@example.net) for me",
                           "smtp (owner@example.org)"}
    assert {k for k in MUM | ME | OWNER if k in blocks["stdout for mum"]} == MUM
    sent = invoke(path, "remind")
    assert sent.startswith("--- for mum ---\n") and "me@example.net" not in sent


def test_a_mailbox_no_longer_in_the_config_is_nobodys(household):
    """Whose it was is not known: no digest lists its accounts; status still shows them."""
    path, handler, _mine = household
    invoke(path, "sync")
    text = path.read_text()
    path.write_text(text[:text.index('[[mailboxes]]\nname = "work"')])
    invoke(path, "remind")
    assert sorted(r for _s, (r,) in handler.envelopes) == ["me@example.net", "mum@example.org"]
    assert not any("boss@example.com" in text_of(m) for m in handler.messages)
    grouped = invoke(path, "status")
    assert f"== {people.NOBODY_LABEL} ==\nACCOUNT" in grouped
    assert "boss@example.com" in grouped.split(people.NOBODY_LABEL)[1]
    assert people.OWNER_LABEL not in grouped


def test_evidence_for_a_person_holds_only_their_accounts_and_mail(household, tmp_path):
    path, _handler, mine = household
    invoke(path, "sync")
    out = tmp_path / "mum"
    invoke(path, "evidence", "--all", "--person", "mum", "--out", str(out))
    written = {p.relative_to(out).parts[0] for p in out.rglob("*") if p.is_file() and p.parent != out}
    assert len(written) == len(MUM)
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["index.html", "index.txt"]
    everything = "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())
    assert "mum.old@example.org" in everything
    for other in ("me@example.net", "boss@example.com", "for me only", f"{mine}-", "mine /"):
        assert other not in everything, other
    # another person's account is not mum's to export
    assert "no mail or mark names this account" in invoke(
        path, "evidence", "facebook:me@example.net", "--person", "mum", "--out",
        str(tmp_path / "x"), code=1)


def lure(n: str) -> bytes:
    return (f'From: "Facebook Security" <security@faceb00kmail-{n}.com>\nTo: x@example.org\n'
            f"Subject: Your objection {n} was rejected\nMessage-ID: <lure-{n}@x>\n"
            "Date: Sat, 01 Jun 2024 12:00:00 +0000\n\nObject again at https://evil.example/\n").encode()


def test_a_persons_suspicious_ack_marks_only_the_mail_of_their_mailboxes(household, server):
    """`suspicious --person mum ack --all` must not hide my suspicious mail from my status."""
    path, _handler, mine = household
    server.write_maildir(mine, "INBOX", [lure("mine")])
    invoke(path, "sync")
    for person, lures in (("mum", ()), ("me", ("objection mine",))):
        listing = invoke(path, "suspicious", "--person", person)
        assert all(word in listing for word in lures) and ("objection mine" in listing) == bool(lures)
    doc = json.loads(invoke(path, "status", "--format", "json"))
    [mine_id] = [m["id"] for m in doc["suspicious"]]
    assert "Nothing new to mark" in invoke(path, "suspicious", "--person", "mum", "ack", "--all")
    invoke(path, "suspicious", "--person", "mum", "ack", str(mine_id), code=1)  # not mum's
    assert "1 suspicious mail claiming to be Meta" in invoke(path, "status", "--person", "me")
    assert "1 suspicious mail marked seen" in invoke(path, "suspicious", "--person", "me", "ack", "--all")
    assert "1 suspicious mail you have seen" in invoke(path, "status", "--person", "me")
