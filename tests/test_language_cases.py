"""Short mails in every language the rules cover, one file each (tests/languages/<code>.toml): each
case is a subject and Meta's sentences, and says the kind it must be read as. The mail around them
is the same in every language (sender, footer, the form link of a notice), so what is tested is the
language's words and the identification of its language. Adding a language adds a file here."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tracker.recognition import languages
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse

HERE = Path(__file__).parent / "languages"
FORM = "https://www.facebook.com/help/contact/712876720715583"
SENDERS = {"verification_code": "security", "other": "notification"}
KINDS = {"notice", "verification_code", "acknowledgement", "confirmation", "rejection", "other"}
# Every language is tested for these; other kinds may be added where a language has a trap.
REQUIRED = {"notice", "verification_code", "acknowledgement", "confirmation", "rejection"}


def cases() -> list:
    found = []
    for path in sorted(HERE.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"], 1):
            found.append(pytest.param(path.stem, case, id=f"{path.stem}-{number}-{case['kind']}"))
    return found


def mail(case: dict) -> bytes:
    sender = SENDERS.get(case["kind"], "noreply")
    link = f"\n{FORM}\n" if case["kind"] == "notice" else "\n"
    return (f"From: Facebook <{sender}@facebookmail.com>\nTo: anna@example.org\n"
            f"Subject: {case['subject']}\nMessage-ID: <case@facebookmail.com>\n"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            f"{case['text']}{link}\n---\nanna@example.org\n").encode()


def test_every_language_has_cases_of_every_kind():
    for code in languages.index():
        path = HERE / f"{code}.toml"
        assert path.exists(), f"tests/languages/{code}.toml is missing"
        kinds = {case["kind"] for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]}
        assert REQUIRED <= kinds <= KINDS, (code, REQUIRED - kinds, kinds - KINDS)


@pytest.mark.parametrize("code, case", cases())
def test_a_short_mail_is_read_as_its_kind_in_its_language(code, case):
    finding = classify(parse(mail(case))).finding
    assert (finding.kind, finding.language) == (case["kind"], code), str(finding.reason)
