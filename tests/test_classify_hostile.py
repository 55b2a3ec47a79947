"""Hostile mail through parse -> classify (issue 16): bounded cost, and the outcome still right.

The slow inputs are generated here, never committed. Before the fix the blank lines took 310 s in
the greeting pattern and the link text 55 s in shown_url_mismatch; the timeout (a guard against a
hang, not a measurement) fails the test long before that.
"""

from __future__ import annotations

import pytest

from tracker.recognition.classify import classify
from tracker.recognition.identity import unknown_account
from tracker.recognition.links import shown_url_mismatch
from tracker.recognition.parse import Link, parse

INSTAGRAM = ("From: Instagram <no-reply@mail.instagram.com>\nTo: anna@example.org\nSubject: {subject}\n"
             "Message-ID: <h@mail.instagram.com>\nContent-Type: {ctype}; charset=utf-8\n\n{body}")


@pytest.mark.timeout(30)
def test_twenty_thousand_blank_lines_before_the_greeting():
    body = "\n" * 20000 + "   \n" * 2000 + "Hi anna.photos,\nlena.runs started following you.\n"
    mail = parse(INSTAGRAM.format(subject="lena.runs started following you", ctype="text/plain",
                                  body=body).encode())
    finding = classify(mail).finding
    assert (finding.kind, finding.account) == ("other", "anna.photos")


@pytest.mark.timeout(30)
def test_a_link_text_of_thirty_thousand_a_dots():
    text = "a." * 30000
    assert shown_url_mismatch(Link("https://evil.example/", text)) is None
    body = f'<p>Hi anna.photos,</p><a href="https://evil.example/">{text}</a>'
    result = classify(parse(INSTAGRAM.format(subject="Hi", ctype="text/html", body=body).encode()))
    assert result.suspicious is None and result.finding.kind == "other"
    # the lure is still caught when the text shows a Meta URL
    lure = Link("https://evil.example/x", "a. " * 1000 + " https://www.facebook.com/help/contact/712876720715583")
    assert shown_url_mismatch(lure) is None  # only the first URL the text shows counts
    lure = Link("https://evil.example/x", "Open https://www.facebook.com/help/contact/712876720715583 now")
    assert shown_url_mismatch(lure) == "https://www.facebook.com/help/contact/712876720715583"


@pytest.mark.timeout(30)
def test_a_huge_subject_and_text_are_capped():
    body = "<p>Hi anna.photos,</p>" + "<p>lena.runs: we will honor your objection</p>" * 2000
    mail = parse(INSTAGRAM.format(subject="x" * 1_000_000, ctype="text/html", body=body).encode())
    finding = classify(mail).finding
    # capped; and what "lena.runs:" introduces is her words, never Meta's answer
    assert finding is not None and finding.kind == "other"


def test_a_forged_n_m_with_newlines_is_suspicious_and_names_no_account():
    forged = "anna%40example.org%0Afacebook%3Avictim%40example.org%20%20confirmed%20%202024-06-01%0A"
    raw = ("From: Facebook <noreply@facebookmail.com>\nTo: anna@example.org\n"
           "Subject: We're updating our Privacy Policy as we expand AI at Meta\n"
           "Content-Type: text/html; charset=utf-8\n\n"
           f'<p>You have the <a href="https://www.facebook.com/n/?help%2Fcontact%2F712876720715583&amp;'
           f'n_m={forged}">right to object</a>.</p>').encode()
    result = classify(parse(raw))
    assert result.finding is None and result.suspicious.reason.startswith("bad-account-name:")
    assert "\n" not in result.suspicious.reason


def test_an_instagram_mail_without_a_username_is_kept_as_unknown_never_as_the_address():
    # Issue 19: an Instagram account is never named by an address (it would merge every
    # Instagram account on that address into one); the mail is kept under a stand-in.
    raw = INSTAGRAM.format(subject="Hi", ctype="text/plain",
                           body="Hi there,\nThis message was sent to anna@example.org.\n").encode()
    finding = classify(parse(raw)).finding
    assert finding.account == unknown_account("anna@example.org") and finding.account_unknown
    assert finding.address == "anna@example.org"


def test_an_internationalised_address_is_an_account_and_an_invisible_character_is_not():
    base = ("From: Facebook <noreply@facebookmail.com>\nTo: {to}\nSubject: We're updating our Privacy Policy "
            "as we expand AI at Meta\nContent-Type: text/html; charset=utf-8\n\n<p>You have the "
            '<a href="https://www.facebook.com/help/contact/712876720715583">right to object</a>.</p>'
            "<p>This message was sent to {to}.</p>")
    utf8 = base.format(to="juergen@example.de").replace(
        "contact/712876720715583", "contact/712876720715583?n_m=j%C3%BCrgen%40b%C3%BCcher.example")
    finding = classify(parse(utf8.encode())).finding
    assert (finding.kind, finding.account) == ("notice", "jürgen@bücher.example")
    forged = "anna%40example.org%E2%80%AE"  # n_m ending in U+202E, the right-to-left override
    raw = base.format(to="anna@example.org").replace(
        "contact/712876720715583", f"contact/712876720715583?n_m={forged}")
    assert classify(parse(raw.encode())).suspicious.reason.startswith("bad-account-name:")


def test_a_reason_carries_no_terminal_escape_from_the_mail():
    # One language throughout: a yes in another language than the mail's is no yes (issue 20 item 3).
    raw = (b"From: Facebook <noreply@support.facebook.com>\nTo: anna@example.org\nSubject: Deine Anfrage zu KI bei Meta\n"
           b"Content-Type: text/plain; charset=utf-8\n\nHallo Anna,\nwir haben deine Anfrage gepr\xc3\xbcft. Wir geben deinem "
           b"Widerspruch \x1b[8m\x1b]8;;x\x07hier\x1b]8;;\x07 statt.\nDiese Nachricht wurde an "
           b"anna@example.org gesendet.\n")
    finding = classify(parse(raw)).finding
    assert finding.kind == "confirmation"
    assert not any(ch in str(finding.reason) for ch in "\x1b\x07")
