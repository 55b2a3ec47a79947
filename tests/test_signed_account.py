"""Issue 20 item 2: the account a deciding finding names comes from bytes Meta signed.

Mails are signed with dkimpy by a throwaway key whose public half a real DNS server on a loopback
port serves (tests/dkim_keys.py); the tracker's own verdict (tracker.recognition.dkim) says which
headers the signature covers (h=), and classify takes the account only from those or the body.
"""

from __future__ import annotations

import dkim as dkimpy
import pytest

from tests.dkim_keys import SELECTOR, KeyServer, make_key
from tracker.recognition.classify import classify
from tracker.recognition.dkim import DkimVerdict, KeyResolver, verify
from tracker.recognition.identity import unsigned_account
from tracker.recognition.parse import parse

# Meta's 2024 reply (FG "The whole 2024 reply") with no footer naming the address: the account
# can only come from a header.
REPLY = """From: Facebook <noreply@support.facebook.com>
To: {to}
Subject: Your request about AI at Meta
Date: Sat, 01 Jun 2024 14:02:10 -0700
Message-ID: <r1@facebookmail.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi Darren,

We've reviewed your request and will honor your objection. This means your request will be
applied going forward.

This inbox cannot accept incoming messages. If you send us a reply, it won't be received.

Thanks,
Privacy Operations
"""
FOOTER = "\nThis message was sent to {address}.\n"


@pytest.fixture(scope="module")
def key():
    return make_key()


@pytest.fixture(scope="module")
def resolver(key):
    server = KeyServer()
    server.add("support.facebook.com", key)
    server.start()
    yield KeyResolver([server.nameserver])
    server.stop()


def signed(text: str, key, headers: tuple[bytes, ...] = (b"from", b"to", b"subject", b"date")) -> bytes:
    message = text.replace("\n", "\r\n").encode()
    return dkimpy.sign(message, SELECTOR.encode(), b"support.facebook.com", key.private_pem,
                       include_headers=list(headers), linesep=b"\r\n") + message


def read(data: bytes, resolver):
    mail = parse(data)
    verdict = verify(data, "support.facebook.com", resolver)
    assert verdict.result == "pass", verdict
    return verdict, classify(mail, dkim=verdict).finding


def test_the_verdict_says_which_headers_the_signature_covers(key, resolver):
    verdict, _ = read(signed(REPLY.format(to="anna@example.org"), key), resolver)
    assert verdict.signed_headers == ("from", "to", "subject", "date") and verdict.body_length is None


def test_an_account_from_a_signed_to_confirms(key, resolver):
    _, finding = read(signed(REPLY.format(to="anna@example.org"), key), resolver)
    assert (finding.kind, finding.account) == ("confirmation", "anna@example.org")


def test_an_account_from_a_to_the_signature_does_not_cover_is_unclear(key, resolver):
    # Meta's yes to the attacker's own account, re-sent with To rewritten (To not in h=).
    data = signed(REPLY.format(to="attacker@example.net"), key, headers=(b"from", b"subject", b"date"))
    data = data.replace(b"To: attacker@example.net", b"To: victim@example.org")
    _, finding = read(data, resolver)
    assert (finding.kind, finding.account) == ("unclear_reply", "victim@example.org")
    assert "To header, which the DKIM signature does not cover" in str(finding.reason)


def test_an_account_from_delivered_to_is_unclear(key, resolver):
    # Bcc'd to the victim: no To, and the victim's server adds Delivered-To on the way.
    reply = REPLY.replace("To: {to}\n", "")
    data = b"Delivered-To: victim@example.org\r\n" + signed(reply, key, headers=(b"from", b"subject"))
    _, finding = read(data, resolver)
    assert (finding.kind, finding.account) == ("unclear_reply", "victim@example.org")
    assert "Delivered-To header, which no DKIM signature covers" in str(finding.reason)


def test_an_account_the_signed_body_names_needs_no_signed_to(key, resolver):
    text = REPLY.format(to="anna@example.org") + FOOTER.format(address="anna@example.org")
    _, finding = read(signed(text, key, headers=(b"from", b"subject", b"date")), resolver)
    assert (finding.kind, finding.account) == ("confirmation", "anna@example.org")


def test_a_notice_or_other_mail_keeps_its_kind_whatever_is_signed(key, resolver):
    notice = REPLY.split("\n\n")[0].replace("Your request about AI at Meta", "We're updating our Privacy "
                                              "Policy as we expand AI at Meta")
    notice += "\n\nHi Darren,\n\nYou have the right to object to how we use your information.\n"
    _, finding = read(signed(notice.format(to="anna@example.org"), key, headers=(b"from",)), resolver)
    assert finding.kind == "notice"


def test_a_body_signed_only_in_part_does_not_name_the_account():
    mail = parse((REPLY.format(to="anna@example.org") + FOOTER.format(address="anna@example.org")).encode())
    partial = DkimVerdict("pass", "support.facebook.com", SELECTOR, signed_headers=("from",), body_length=40)
    assert "only the first 40 bytes of the body (l=)" in unsigned_account(mail, "anna@example.org", None, partial)
    whole = DkimVerdict("pass", "support.facebook.com", SELECTOR, signed_headers=("from",))
    assert unsigned_account(mail, "anna@example.org", None, whole) is None
