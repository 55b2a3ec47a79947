"""Gmail's extensions, which Dovecot lacks, at the protocol level: the exact commands a sync and
`doctor` send to a loopback server that speaks Gmail's dialect (tests/fake_imap.py)."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest

from tests.configs import invoke, write_config
from tests.fake_imap import GMAIL_FOLDERS, FakeImapServer, FakeMailbox
from tracker.mail.mailbox import from_terms, gmail_query

DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()
JUNK_NOTICE = (DATA / "notice_instagram_de_junk.eml").read_bytes()
ALL_MAIL, SPAM = "[Gmail]/Alle Nachrichten", "[Gmail]/Spam"
TOKEN = "ya29.fake-access-token"


@pytest.fixture
def gmail_box(monkeypatch) -> FakeMailbox:
    monkeypatch.setenv("OT_GMAIL_PASSWORD", "app-password")
    return FakeMailbox(messages={ALL_MAIL: {3: NOTICE}, SPAM: {9: JUNK_NOTICE}}, tokens={TOKEN})


def box(server: FakeImapServer, **keys) -> dict:
    return dict(name="gmail", host="127.0.0.1", port=server.port, security="plain",
                username="me@gmail.com", **(keys or {"password_env": "OT_GMAIL_PASSWORD"}))


def searches(server: FakeImapServer) -> list[str]:
    return [c for c in server.commands() if c.startswith("UID SEARCH")]


def assert_read_only(server: FakeImapServer) -> None:
    commands = server.commands()
    assert not [c for c in commands if c.startswith(("SELECT", "UID STORE", "STORE", "COPY", "MOVE"))]
    fetches = [c for c in commands if "FETCH" in c]
    assert all("BODY[" not in c for c in fetches), fetches  # BODY.PEEK only: nothing marked read


def test_gmail_reads_all_mail_and_spam_found_by_flag_with_gmail_search(gmail_box, tracker_home):
    with FakeImapServer(gmail_box) as server:
        path = write_config(tracker_home, box(server))
        invoke(path, "sync")
    commands = server.commands()
    assert [c for c in commands if c.startswith("EXAMINE")] == [f'EXAMINE "{ALL_MAIL}"', f'EXAMINE "{SPAM}"']
    assert searches(server) == [
        f'UID SEARCH UID 1:* X-GM-RAW "{gmail_query(spam=False)}"',
        f'UID SEARCH UID 1:* X-GM-RAW "{gmail_query(spam=True)}"',
    ]
    assert gmail_query(spam=True).startswith("in:spam from:(facebook OR instagram OR ")
    assert "facebookmail.com" in gmail_query(spam=False) and "metamail.com" in gmail_query(spam=False)
    assert_read_only(server)
    states = json.loads(invoke(path, "status", "--format", "json"))["accounts"]
    found = {(a["platform"], a["account"]): a["evidence"][0]["folder"] for a in states}
    assert found == {("facebook", "anna@example.org"): ALL_MAIL, ("instagram", "anna.atelier"): SPAM}


def test_without_x_gm_ext_1_it_is_standard_imap_over_inbox_and_junk(gmail_box, tracker_home):
    gmail_box.gmail = False
    gmail_box.messages = {"INBOX": {3: NOTICE}, SPAM: {9: JUNK_NOTICE}}
    with FakeImapServer(gmail_box) as server:
        invoke(write_config(tracker_home, box(server)), "sync")
    assert [c for c in server.commands() if c.startswith("EXAMINE")] == ['EXAMINE "INBOX"', f'EXAMINE "{SPAM}"']
    terms = from_terms()
    chain = " ".join(f"OR FROM {t}" for t in terms[:-1]) + f" FROM {terms[-1]}"
    assert searches(server) == [f"UID SEARCH UID 1:* {chain}"] * 2
    assert not any("X-GM-RAW" in line for line in server.lines)


def test_since_goes_with_the_gmail_search(gmail_box, tracker_home):
    with FakeImapServer(gmail_box) as server:
        invoke(write_config(tracker_home, box(server, password_env="OT_GMAIL_PASSWORD", since="2024-05-01")), "sync")
    assert searches(server)[0] == f'UID SEARCH UID 1:* SINCE 01-May-2024 X-GM-RAW "{gmail_query(spam=False)}"'


def test_the_same_mail_under_two_labels_is_one_finding_and_one_body_fetch(gmail_box, tracker_home):
    gmail_box.messages = {ALL_MAIL: {3: NOTICE}, "Meta": {1: NOTICE}}
    with FakeImapServer(gmail_box) as server:
        path = write_config(tracker_home, box(server, password_env="OT_GMAIL_PASSWORD", folders=[ALL_MAIL, "Meta"]))
        out = invoke(path, "sync")
    assert "1 notice" in out and "1 already known" in out
    assert [c for c in server.commands() if c.startswith("UID FETCH") and "BODY.PEEK[]" in c] == \
        ["UID FETCH 3 (BODY.PEEK[] INTERNALDATE)"]  # the label's copy: its header only
    (account,) = json.loads(invoke(path, "status", "--format", "json"))["accounts"]
    assert len(account["evidence"]) == 1


def test_xoauth2_sends_the_token_once_in_gmails_format(gmail_box, tracker_home):
    command = f"{sys.executable} -c \"print('{TOKEN}')\""
    with FakeImapServer(gmail_box) as server:
        invoke(write_config(tracker_home, box(server, oauth2_token_command=command)), "sync")
    at = server.lines.index(next(line for line in server.lines if line.endswith("AUTHENTICATE XOAUTH2")))
    assert base64.b64decode(server.lines[at + 1]) == f"user=me@gmail.com\1auth=Bearer {TOKEN}\1\1".encode()


def test_a_refused_token_is_one_line_and_the_error_challenge_gets_an_empty_answer(gmail_box, tracker_home):
    command = f"{sys.executable} -c \"print('ya29.expired')\""
    with FakeImapServer(gmail_box) as server:
        out = invoke(write_config(tracker_home, box(server, oauth2_token_command=command)), "sync", code=4)
    assert out.strip().count("\n") == 0, out
    assert "login refused for 'me@gmail.com'" in out and "OAuth2 token refused, status 400" in out
    assert "ya29.expired" not in out
    at = server.lines.index(next(line for line in server.lines if line.endswith("AUTHENTICATE XOAUTH2")))
    assert server.lines[at + 2] == ""  # not the token a second time


def test_all_mail_hidden_from_imap_falls_back_to_inbox_and_doctor_says_how_to_fix_it(gmail_box, tracker_home):
    gmail_box.folders = [f for f in GMAIL_FOLDERS if "\\All" not in f[0]]
    gmail_box.messages = {"INBOX": {3: NOTICE}}
    with FakeImapServer(gmail_box) as server:
        path = write_config(tracker_home, box(server))
        assert "1 notice" in invoke(path, "sync")
        out = invoke(path, "doctor", code=4)
    assert [c for c in server.commands() if c.startswith("EXAMINE")][:2] == ['EXAMINE "INBOX"', f'EXAMINE "{SPAM}"']
    assert 'tick "Show in IMAP" for All Mail' in out


def test_doctor_on_gmail_counts_on_the_server_and_fetches_nothing(gmail_box, tracker_home):
    with FakeImapServer(gmail_box) as server:
        out = invoke(write_config(tracker_home, box(server)), "doctor")
    words = " ".join(out.split())  # columns padded to the longest folder name
    assert "X-GM-EXT-1 yes Gmail: searches All Mail and Spam" in words
    assert f"{ALL_MAIL} (\\All) 1 Meta mail of 1" in words
    assert f"{SPAM} (\\Junk) 1 Meta mail of 1" in words
    assert "nothing wrong found" in out
    assert not [c for c in server.commands() if "FETCH" in c]
    assert_read_only(server)
    assert not (tracker_home / "t.db").exists()  # doctor opens no database
