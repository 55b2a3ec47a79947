"""A grant phrase its own sentence denies is a refusal, never a confirmation (found by a review:
"we won't honour your objection" was read as Meta's yes)."""

from __future__ import annotations

import pytest

from tracker.recognition.classify import classify
from tracker.recognition.parse import parse


def reply(body: str, lang: str) -> bytes:
    return ("From: Facebook <noreply@support.facebook.com>\nTo: anna@example.org\n"
            "Subject: Your request about AI at Meta\nDate: Wed, 29 May 2024 10:00:00 +0000\n"
            f"Message-ID: <denied-{abs(hash(body))}@facebookmail.com>\nMIME-Version: 1.0\n"
            f"Content-Language: {lang}\nContent-Type: text/plain; charset=utf-8\n\nHi Anna,\n\n"
            f"{body}\n\nThis inbox cannot accept incoming messages. If you send us a reply, it "
            "won't be received.\n\nThanks,\nPrivacy Operations\n\nThis message was sent to "
            "anna@example.org.\n").encode()


@pytest.mark.parametrize("body,lang", [
    ("We've reviewed your request and we won't honour your objection.", "en"),
    ("We've reviewed your request and we don\u2019t honour your objection.", "en"),
    ("We've reviewed your request and won't be honouring your objection.", "en"),
    ("We've reviewed your request and decided against honouring your objection.", "en"),
    ("Wir haben deine Anfrage geprüft und geben deinem Widerspruch nicht statt.", "de"),
    ("Hemos revisado tu solicitud y no aceptaremos tu oposición.", "es"),
    ("Nous avons examiné votre demande et nous n'accepterons pas votre opposition.", "fr"),
])
def test_a_denied_grant_is_a_rejection(body, lang):
    assert classify(parse(reply(body, lang))).finding.kind == "rejection"


def test_a_negation_in_an_earlier_sentence_denies_nothing():
    body = ("We could not find other accounts. We've reviewed your request and will honor your "
            "objection. This means your request will be applied going forward.")
    assert classify(parse(reply(body, "en"))).finding.kind == "confirmation"
