"""`objection-tracker doctor` against Dovecot: what it shows, that it says what is wrong in plain
words, and that it changes nothing (EXAMINE only, nothing fetched, no flag touched, no database)."""

from __future__ import annotations

import imaplib
import json
from types import SimpleNamespace

import pytest

from tests.configs import invoke, write_config
from tests.test_sync_dovecot import fill

READ_ONLY = {"CAPABILITY", "LOGIN", "AUTHENTICATE", "LIST", "EXAMINE", "UID SEARCH", "LOGOUT"}


@pytest.fixture
def sent(monkeypatch) -> list[bytes]:
    """Every byte the IMAP client sends (imapclient sends SEARCH and FETCH past imaplib's
    _command, so this listens at the socket's edge)."""
    chunks: list[bytes] = []
    real = imaplib.IMAP4.send

    def recording(self, data: bytes) -> None:
        chunks.append(bytes(data))
        return real(self, data)

    monkeypatch.setattr(imaplib.IMAP4, "send", recording)
    return chunks


def commands(chunks: list[bytes]) -> list[str]:
    """The command names: "EXAMINE", "UID SEARCH"... (a tag, then the name)."""
    names = []
    for line in b"".join(chunks).decode("utf-8", "replace").split("\r\n"):
        words = line.split(" ")
        if len(words) >= 2:
            names.append(" ".join(words[1:3]) if words[1] == "UID" else words[1])
    return names


def box(dovecot, user: str, **keys) -> dict:
    return dict(name="personal", host="127.0.0.1", port=dovecot.port, security="plain", username=user,
                password_env="OT_IMAP_PASSWORD") | keys


def test_doctor_shows_what_a_sync_meets_and_changes_nothing(dovecot, mailbox_user, tracker_home, sent):
    fill(dovecot, mailbox_user)
    flags_before = {f: dovecot.flags(mailbox_user, f) for f in ("INBOX", "Junk")}
    path = write_config(tracker_home, box(dovecot, mailbox_user))
    sent.clear()  # the harness's own sessions above are not the doctor's
    out = invoke(path, "doctor")
    doctors = list(sent)
    words = " ".join(out.split())
    assert f"personal: 127.0.0.1:{dovecot.port}, no TLS (loopback only), user {mailbox_user}, " \
           "password from $OT_IMAP_PASSWORD" in words
    assert "CONDSTORE yes" in words and "SPECIAL-USE yes" in words and "X-GM-EXT-1 no not Gmail" in words
    assert "INBOX 5 Meta mails of 6" in words  # the newsletter is not from Meta
    assert "Junk (\\Junk) 1 Meta mail of 1" in words
    assert "nothing wrong found" in words
    names = commands(doctors)
    assert "EXAMINE" in names and "UID SEARCH" in names, names
    assert set(names) <= READ_ONLY, names  # no SELECT, FETCH, STORE...
    assert {f: dovecot.flags(mailbox_user, f) for f in ("INBOX", "Junk")} == flags_before
    assert not (tracker_home / "t.db").exists()


def test_doctor_says_what_is_wrong_in_plain_words_and_exits_4(dovecot, mailbox_user, tracker_home,
                                                             monkeypatch):
    monkeypatch.setenv("OT_BAD_PASSWORD", "wrong-secret-42")
    fill(dovecot, mailbox_user)
    path = write_config(tracker_home,
                        box(dovecot, mailbox_user, name="wrong", password_env="OT_BAD_PASSWORD"),
                        box(dovecot, mailbox_user, name="missing", folders=["INBOX", "Nope"]),
                        box(dovecot, mailbox_user, name="unset", password_env="OT_NOT_SET"))
    out = invoke(path, "doctor", code=4)
    sections = {block.split(":")[0]: block for block in out.split("\n") if block and not block.startswith(" ")}
    assert set(sections) == {"wrong", "missing", "unset"}  # every mailbox, whatever the others did
    assert f"problem: login refused for '{mailbox_user}' at 127.0.0.1" in out
    assert "check username and secret" in out
    assert "problem: cannot open folder 'Nope'" in out and "(folders: " in out
    assert "problem: password_env: the environment variable OT_NOT_SET is not set" in out
    assert "wrong-secret-42" not in out


def test_doctor_checks_one_named_mailbox_and_warns_when_it_finds_no_meta_mail(dovecot, mailbox_user,
                                                                                 tracker_home):
    path = write_config(tracker_home, box(dovecot, mailbox_user, since="2030-01-01"),
                        box(dovecot, mailbox_user, name="other", password_env="OT_NOT_SET"))
    out = invoke(path, "doctor", "personal")
    assert "other" not in out
    assert "warning: no mail from Meta found since 2030-01-01" in out
    assert invoke(path, "doctor", "nope", code=3).startswith("objection-tracker: no mailbox named 'nope'")


def test_doctor_with_no_mailboxes_says_how_to_add_one(tracker_home):
    path = write_config(tracker_home)
    assert "no [[mailboxes]] configured" in invoke(path, "doctor", code=3)


def test_doctor_names_where_the_secret_comes_from_never_the_secret(tracker_home):
    offline = dict(name="k", host="127.0.0.1", port=1, security="plain", username="anna")
    path = write_config(tracker_home, offline | {"password": "hunter2-literal"},
                        offline | {"name": "o", "oauth2_token_command": "true"})
    out = invoke(path, "doctor", code=4)
    assert "password in the config file" in out and "OAuth2 token from oauth2_token_command" in out
    assert "hunter2-literal" not in out
    assert json.dumps("hunter2-literal") not in out


def test_doctor_names_the_rule_that_tells_meta_s_mail(tracker_home, monkeypatch):
    # Issue 14: with an authserv-id only that server's headers count; without, the tracker's DKIM.
    monkeypatch.delenv("OBJECTION_TRACKER_DKIM_NAMESERVERS")
    plain = box(SimpleNamespace(port=1), "anna")  # nothing listens: the rule is shown all the same
    path = write_config(tracker_home, plain, plain | {"name": "work", "authserv_id": "mx.example.org",
                                                       "require_authentication": True})
    words = " ".join(invoke(path, "doctor", code=4).split())
    assert "personal: " in words and "Meta's mail is told by: the tracker's own DKIM check (keys from " \
        "the system resolver) for the objection flow; Authentication-Results headers are not trusted; " \
        "an unsigned Meta mail is unverified (never confirms)" in words
    assert "only Authentication-Results headers with authserv-id mx.example.org count (others are " \
        "ignored)" in words and "an unsigned Meta mail is suspicious" in words
