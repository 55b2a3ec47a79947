"""Codes of five to eight digits, found by where they stand (issue 19 item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.act import objection
from tracker.recognition.classify import classify
from tracker.recognition.codes import code_in
from tracker.recognition.parse import parse

FIXTURES = Path(__file__).parent / "fixtures"
CODE_MAIL = (FIXTURES / "en_facebook_code_objection.eml").read_bytes()
LOGIN_MAIL = (FIXTURES / "en_facebook_other_login_code.eml").read_bytes()


@pytest.mark.parametrize("digits", ["81999", "482913", "3920475", "38204716"])
def test_a_code_of_five_to_eight_digits_is_read_where_a_code_stands(digits):
    assert code_in("", f"{digits} is your confirmation code") == digits  # the subject
    assert code_in(f"Enter this code on the form:\n\n{digits}\n") == digits  # its own line
    assert code_in(f"Enter this code on the form:\n\n  **{digits}**  \n") == digits
    assert code_in(f"Voici votre code de confirmation pour votre demande : {digits}") == digits
    assert code_in(f"確認コード{digits}を入力してください") == digits
    raw = CODE_MAIL.replace(b"482913", digits.encode())
    assert classify(parse(raw)).finding.kind == "verification_code"
    assert objection.code_in(parse(raw).text) == digits


@pytest.mark.parametrize("digits", ["1234", "123456789", "4829130000"])
def test_shorter_or_longer_numbers_are_no_code(digits):
    assert code_in(f"Enter this code on the form:\n\n{digits}\n") is None
    assert code_in("", f"{digits} is your confirmation code") is None


@pytest.mark.parametrize("line", [
    "Your request [Case #482913] about the code",
    "Code of conduct, case no. 4829137, filed 2026-12-03",
    "Code of conduct, Nr. 4829137",
    "Code of conduct of 20261203",
    "Call +49 30 1234567 if the code does not arrive",
    "The code costs 12.345,00 EUR or €12345",
    "The code was sent on 03/12/2026 at 12:30:45",
    "Code https://www.facebook.com/n/?aref=1234567&mid=99887766",
    "Code of 2026: 1,234,567 people",
])
def test_case_numbers_dates_phones_and_amounts_beside_a_code_word_are_no_code(line):
    assert code_in(line) is None
    assert code_in("", line) is None


def test_a_number_on_its_own_line_is_a_code_only_below_a_code_word():
    assert code_in("Your case:\n\n4829137\n") is None
    assert code_in("Your case:\n\n4829137\n", "Your confirmation code") == "4829137"


def test_a_word_names_the_nearest_number_not_one_past_another():
    assert code_in("Code 12 for you, and call 5551234 tomorrow") is None


def test_a_case_number_of_seven_digits_in_the_subject_of_a_reply_is_no_code():
    for name in ("en_facebook_confirmation_2024.eml", "fr_facebook_rejection_refused.eml"):
        raw = (FIXTURES / name).read_bytes().replace(b"\nSubject: ", b"\nSubject: [Case 4829137] ", 1)
        assert classify(parse(raw)).finding.kind in ("confirmation", "rejection"), name


@pytest.mark.parametrize("digits", ["81999", "3920475", "38204716"])
def test_a_login_code_of_any_length_stays_a_login_code(digits):
    raw = LOGIN_MAIL.replace(b"519044", digits.encode())
    assert classify(parse(raw)).finding.kind == "other"


def test_a_login_code_campaign_is_never_a_request_code():
    # The body asks for a code "to confirm your request" about AI at Meta; Meta's campaign header
    # says the template is an account-recovery code (campaigns.toml): never an objection code.
    assert classify(parse(CODE_MAIL)).finding.kind == "verification_code"
    for header in (b"X-Facebook-Notify: ig_verify_email_for_recovery; mailid=1",
                   b"Feedback-ID: 9999:ig_verify_email_for_recovery:Facebook"):
        raw = CODE_MAIL.replace(b"X-Facebook-Notify: msg; mailid=62bb36c80fd16050ca30", header, 1)
        result = classify(parse(raw)).finding
        assert result.kind == "other" and "recovery" in str(result.reason)


def test_an_unlisted_campaign_tells_nothing():
    raw = CODE_MAIL.replace(b"X-Facebook-Notify: msg;", b"X-Facebook-Notify: ai_objection_code;", 1)
    assert classify(parse(raw)).finding.kind == "verification_code"


def test_a_sign_up_code_from_registration_is_never_a_request_code():
    # FG "Codes": "81999 is your Facebook confirmation code" from registration@facebookmail.com,
    # in the words an objection code mail uses too ("confirm your email").
    mail = ("From: Facebook <registration@facebookmail.com>\nTo: anna@example.org\n"
            "Subject: 81999 is your Facebook confirmation code\nMessage-ID: <r@facebookmail.com>\n"
            "Content-Type: text/plain; charset=utf-8\n\nHi Anna,\n\nEnter this code to confirm your "
            "email address for your request:\n\n81999\n\nThis message was sent to anna@example.org.\n")
    finding = classify(parse(mail.encode())).finding
    assert finding.kind == "other" and "sign-up" in str(finding.reason)
    security = mail.replace("registration@", "security@")
    assert classify(parse(security.encode())).finding.kind == "verification_code"
