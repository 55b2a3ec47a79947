"""Issue 20 item 1: one reading of the header. The header the tracker reads must be the header
DKIM verified: a byte that Python's email parser and dkimpy split differently (a bare CR, a bare
LF among CRLF lines, a NUL) makes a mail that claims to be Meta's suspicious, and From, To, Cc,
Subject and Date are read from the copy a signature covers (the last one).

The attack, as the security review reproduced it: a genuine, Meta-signed login-code mail of the
attacker's own account, with one unsigned header added on top whose bare CRs hide a Subject, a
To and a Content-Type from DKIM but not from the parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.configs import invoke
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.dkim_keys import KeyServer, make_key, sign
from tests.test_dkim import fixture
from tracker.recognition.dkim import KeyResolver, verify
from tracker.recognition.parse import parse
from tracker.recognition.verify import ambiguous_header, claims_meta, duplicate_headers, header_problem

LOGIN_CODE = fixture("en_facebook_other_login_code.eml")  # security@facebookmail.com, anna's own
HIDDEN = (b"X-Campaign: 7\rSubject: We've reviewed your request and will honor your objection\r"
          b"To: victim@example.net\rContent-Type: application/octet-stream\r\n")
USERS = ["hdr0", "hdr1"]


@pytest.fixture(scope="module")
def key():
    return make_key()


@pytest.fixture
def dns(key):
    server = KeyServer()
    server.add("facebookmail.com", key)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def attack(key) -> bytes:
    return HIDDEN + sign(LOGIN_CODE, key, "facebookmail.com")


def status(path: Path) -> dict:
    return json.loads(invoke(path, "status", "--format", "json"))


def assert_nothing_confirmed(doc: dict) -> None:
    assert all(a["state"] != "objection_confirmed" for a in doc["accounts"]), doc["accounts"]
    assert not any(a["account"] == "victim@example.net" for a in doc["accounts"]), doc["accounts"]
    assert [s["reason"].split(":")[0] for s in doc["suspicious"]] == ["ambiguous-header"], doc["suspicious"]


def test_the_attack_passes_dkim_so_only_the_header_check_can_stop_it(attack, dns):
    # The premise: dkimpy reads one unsigned X-Campaign field and verifies the signature.
    assert verify(attack, "facebookmail.com", KeyResolver([dns.nameserver])).result == "pass"
    assert ambiguous_header(attack) == "a carriage return that ends no line"
    assert claims_meta(attack)
    assert header_problem(attack, parse(attack)).startswith("ambiguous-header: ")


def test_the_attack_imported_confirms_nothing(tmp_path, attack, dns):
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n'
                    f'[dkim]\nnameservers = ["{dns.nameserver}"]\n')
    (tmp_path / "m.eml").write_bytes(attack)
    invoke(path, "import", str(tmp_path / "m.eml"))
    assert_nothing_confirmed(status(path))


def test_the_attack_synced_from_a_maildir_confirms_nothing(tmp_path, attack, dns, monkeypatch):
    # A delivery agent writes the bytes as they came; Dovecot's APPEND would rewrite bare CRs.
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    with running_dovecot("header", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as imap:
        imap.write_maildir(USERS[0], "INBOX", [attack])
        with imap.client(USERS[0]) as client:  # the server hands out the bare CRs as stored
            client.select_folder("INBOX", readonly=True)
            served = next(iter(client.fetch(client.search("ALL"), ["BODY.PEEK[]"]).values()))[b"BODY[]"]
        assert b"\rSubject: We've" in served
        path = tmp_path / "config.toml"
        path.write_text(
            f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n[dkim]\nnameservers = ["{dns.nameserver}"]\n'
            f'[[mailboxes]]\nname = "personal"\nhost = "127.0.0.1"\nport = {imap.port}\n'
            f'security = "plain"\nusername = "{USERS[0]}"\npassword_env = "OT_IMAP_PASSWORD"\n'
            "require_authentication = true\n")
        invoke(path, "sync")
        assert_nothing_confirmed(status(path))


@pytest.mark.parametrize("bad, reason", [
    (b"X-A: 1\rSubject: hidden\r\n", "a carriage return that ends no line"),
    (b"X-A: 1\r\r\n", "a carriage return that ends no line"),  # an empty line to the parser only
    (b"X-A: 1\nSubject: hidden\r\n", "a line feed without a carriage return among CRLF lines"),
    (b"X-A: 1\x00\r\n", "a NUL byte"),
    (b"Subject : spaced\r\n", "a header line DKIM cannot read"),
    (b" folded first\r\n", "a header line DKIM cannot read"),
])
def test_every_byte_the_two_readers_split_differently_is_named(bad, reason):
    mail = bad + LOGIN_CODE.replace(b"\n", b"\r\n")
    assert ambiguous_header(mail) == reason
    assert header_problem(mail, parse(mail)).startswith("ambiguous-header")


def test_a_clean_mail_and_one_not_claiming_meta_are_not_flagged():
    crlf = LOGIN_CODE.replace(b"\n", b"\r\n")
    assert ambiguous_header(LOGIN_CODE) is None and ambiguous_header(crlf) is None  # LF or CRLF
    other = (b"X-A: 1\rSubject: x\r\n" + crlf).replace(b"security@facebookmail.com", b"news@example.org")
    assert ambiguous_header(other) and not claims_meta(other)
    assert header_problem(other, parse(other)) is None


def test_a_meta_from_hidden_behind_a_bare_cr_claims_meta():
    # The parser's From is the hidden one, dkimpy's the real one: either reading claiming Meta counts.
    mail = (b"From: Lena <lena@example.org>\r\nX-A: 1\rFrom: Facebook\r\n <security@facebookmail.com>\r\n"
            b"Subject: x\r\n\r\nhi\r\n")
    assert claims_meta(mail)


@pytest.mark.parametrize("field", [b"Cc", b"Date", b"Message-ID", b"Content-Type", b"Reply-To"])
def test_more_once_only_fields_join_the_duplicate_check(field):
    mail = b"%s: x\n" % field + LOGIN_CODE.replace(b"\nTo:", b"\nCc: lena@example.org\nTo:", 1)
    assert field.decode().lower() in duplicate_headers(mail)
    assert header_problem(mail, parse(mail)).startswith("duplicate-header")


def test_from_to_subject_and_date_are_read_from_the_signed_last_copy():
    mail = (b"From: Lena <lena@example.org>\nTo: victim@example.net\nSubject: hidden\n"
            b"Date: Mon, 01 Jan 2099 00:00:00 +0000\n" + LOGIN_CODE)
    parsed = parse(mail)
    assert parsed.sender.address == "security@facebookmail.com"
    assert parsed.recipients[0] == "anna@example.org" and "victim@example.net" not in parsed.recipients
    assert parsed.subject == "519044 is your Facebook login code"
    assert parsed.date.year == 2024
