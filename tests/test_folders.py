"""Folders against a Dovecot with the fs layout (which allows dots in names, as Gmail and Exchange
do): non-ASCII names in the config and in the output, special-use folders found by flag, and the
same mail in two folders counted once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.configs import invoke, write_config
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.imap_server import DovecotServer
from tracker.store.engine import open_database
from tracker.store.models import ProcessedMessage

DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()
OTHER_NOTICE = (DATA / "notice_instagram_en.eml").read_bytes()
JUNK_NOTICE = (DATA / "notice_instagram_de_junk.eml").read_bytes()
UMLAUTS = "Posteingang/Bestätigungen"
USERS = [f"fs{i}" for i in range(10)]
_free = iter(USERS)


@pytest.fixture(scope="session")
def fs_dovecot() -> Iterator[DovecotServer]:
    with running_dovecot("fs", users=dict.fromkeys(USERS, IMAP_PASSWORD), maildir_layout="fs") as server:
        yield server


@pytest.fixture
def user(monkeypatch) -> str:
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    return next(_free)


def config_for(home: Path, server: DovecotServer, user: str, **keys) -> Path:
    return write_config(home, dict(name="personal", host="127.0.0.1", port=server.port, security="plain",
                                   username=user, password_env="OT_IMAP_PASSWORD", **keys))


def evidence_folders(path: Path) -> dict[str, list[str]]:
    doc = json.loads(invoke(path, "status", "--format", "json"))
    return {f"{a['platform']}:{a['account']}": [e["folder"] for e in a["evidence"]] for a in doc["accounts"]}


def outcomes(home: Path) -> list[tuple[str, str]]:
    with open_database(f"sqlite:///{home}/t.db").begin() as session:
        return sorted((row.folder, row.outcome) for row in session.query(ProcessedMessage))


def test_a_folder_named_with_umlauts_in_the_config_and_in_the_output(fs_dovecot, user, tracker_home):
    fs_dovecot.append(user, UMLAUTS, NOTICE)
    # On the wire and on disk the name is modified UTF-7; the config and the output say it as it is.
    assert "Best&AOQ-tigungen" in str(fs_dovecot.maildir(user, UMLAUTS))
    path = config_for(tracker_home, fs_dovecot, user, folders=[UMLAUTS])
    assert UMLAUTS in path.read_text(encoding="utf-8")
    assert "1 notice" in invoke(path, "sync")
    assert evidence_folders(path) == {"facebook:anna@example.org": [UMLAUTS]}
    assert f"{UMLAUTS}  1 Meta mail of 1" in invoke(path, "doctor")


def test_a_missing_folder_lists_the_others_by_their_real_names(fs_dovecot, user, tracker_home):
    fs_dovecot.append(user, UMLAUTS, NOTICE)
    out = invoke(config_for(tracker_home, fs_dovecot, user, folders=["Gelöscht"]), "sync", code=4)
    assert "cannot open folder 'Gelöscht'" in out and UMLAUTS in out and "&AOQ-" not in out


def test_a_folder_name_with_a_dot(fs_dovecot, user, tracker_home):
    fs_dovecot.append(user, "Meta.2024", NOTICE)
    path = config_for(tracker_home, fs_dovecot, user, folders=["Meta.2024"])
    assert "1 notice" in invoke(path, "sync")
    assert evidence_folders(path) == {"facebook:anna@example.org": ["Meta.2024"]}


def test_the_spam_folder_is_found_by_its_flag_not_its_name(fs_dovecot, user, tracker_home):
    junk = next(name for flags, name in fs_dovecot.folders(user) if b"\\Junk" in flags)
    fs_dovecot.append(user, junk, JUNK_NOTICE)
    fs_dovecot.append(user, "Spam", OTHER_NOTICE)  # named like spam, not flagged: not read by default
    path = config_for(tracker_home, fs_dovecot, user)
    invoke(path, "sync")
    assert evidence_folders(path) == {"instagram:anna.atelier": [junk]}
    doctor = invoke(path, "doctor")
    assert f"{junk} (\\Junk)" in doctor and "Spam" not in doctor.split("folders a sync reads:")[1]


def test_the_same_mail_in_two_folders_is_one_finding_and_one_body_fetch(fs_dovecot, user, tracker_home):
    archive = next(name for flags, name in fs_dovecot.folders(user) if b"\\All" in flags)
    fs_dovecot.append(user, "INBOX", NOTICE)
    fs_dovecot.append(user, archive, NOTICE)
    path = config_for(tracker_home, fs_dovecot, user, folders=["INBOX", archive])
    out = invoke(path, "sync")
    assert "1 notice" in out and "1 already known" in out
    assert outcomes(tracker_home) == sorted([("INBOX", "finding"), (archive, "duplicate")])
    assert evidence_folders(path) == {"facebook:anna@example.org": ["INBOX"]}
    assert invoke(path, "sync") == ""  # and nothing new the next time


def test_the_flags_are_asked_for_and_a_server_refusing_the_extended_list_still_works(tracker_home,
                                                                                     monkeypatch):
    from tests import fake_imap
    from tests.fake_imap import FakeImapServer, FakeMailbox

    plain_list = fake_imap._Session.do_LIST

    def refuse_extended(self, tag, args, caps):
        if "RETURN" in args.upper():
            self.send(f"{tag} BAD Could not parse command")
        else:
            plain_list(self, tag, args, caps)

    monkeypatch.setattr(fake_imap._Session, "do_LIST", refuse_extended)
    monkeypatch.setenv("OT_FAKE_PASSWORD", "app-password")
    mailbox = FakeMailbox(folders=[("\\HasNoChildren", "INBOX"), ("\\HasNoChildren \\Junk", "Spam")],
                          messages={"Spam": {4: JUNK_NOTICE}}, gmail=False)
    with FakeImapServer(mailbox) as server:
        path = write_config(tracker_home, dict(name="fake", host="127.0.0.1", port=server.port,
                                               security="plain", username="me",
                                               password_env="OT_FAKE_PASSWORD"))
        assert "1 notice" in invoke(path, "sync")
    lists = [c for c in server.commands() if c.startswith("LIST")]
    assert lists == ['LIST "" "*" RETURN (SPECIAL-USE)', 'LIST "" "*"']


def test_every_language_the_rules_know_has_its_spam_folder_names():
    from tracker.mail.folders import SPAM_NAMES, is_spam_name
    from tracker.recognition import rules

    assert {language.code for language in rules.LANGUAGES} <= set(SPAM_NAMES)
    assert is_spam_name("Courrier indésirable") and is_spam_name("junk e-mail")
    assert not is_spam_name("Archiv")
