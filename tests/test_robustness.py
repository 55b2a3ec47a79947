"""Hostile and broken input: every mail goes through the whole pipeline without an exception."""

from __future__ import annotations

import base64
import datetime as dt
import quopri
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.mail.rawmail import RawMessage
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse
from tracker.store.engine import open_database
from tracker.store.repo import Repository
from tracker.sync import ingest

FIXTURES = Path(__file__).parent / "fixtures"


def cpython_email_data() -> list[Path]:
    """The real-world torture mails CPython's own test suite ships (where the interpreter has it)."""
    try:
        import test.test_email as suite
    except ImportError:
        return []
    return sorted(p for p in (Path(suite.__file__).parent / "data").iterdir() if p.suffix != ".py")


TORTURE = cpython_email_data()


def test_cpython_torture_mails_are_available_here():
    # CI runs on the same interpreter build as the developers: the corpus must really be exercised.
    assert len(TORTURE) > 30


MAILS = TORTURE + sorted(FIXTURES.glob("*.eml")) + sorted(FIXTURES.parent.joinpath("holdout").glob("*.eml"))


@pytest.mark.parametrize("path", MAILS, ids=[f"{p.parent.name}/{p.name}" for p in MAILS])
def test_parse_and_classify_never_raise(path):
    # Called directly: ingest would turn an exception into "unparseable" and hide the bug.
    mail = parse(path.read_bytes())
    classify(mail)
    classify(mail, require_authentication=True)


def test_every_mail_is_stored_once_with_no_unparseable_fixture(tmp_path):
    sessions = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with sessions.begin() as session:
        repo = Repository(session)
        outcomes = [ingest(repo, RawMessage(p.read_bytes(), "t", str(p.parent), 1, i))[0]
                    for i, p in enumerate(MAILS)]
    fixture_outcomes = outcomes[len(TORTURE):]
    assert "unparseable" not in fixture_outcomes  # the broken fixtures are still readable mail
    assert outcomes.count("finding") >= 120


def test_garbage_bytes_are_recorded_as_unparseable(tmp_path):
    sessions = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with sessions.begin() as session:
        repo = Repository(session)
        assert ingest(repo, RawMessage(b"\x00\xff\xfe" * 100, "t", "x", 1, 1))[0] == "unparseable"
        assert repo.unparseable()[0][3]  # with a reason


def test_huge_html_and_nested_rfc822_do_not_break_parsing():
    inner = EmailMessage()
    inner["From"] = "Facebook <notification@facebookmail.com>"
    inner.set_content("right to object https://www.facebook.com/help/contact/712876720715583")
    outer = EmailMessage()
    outer["From"] = "Anna <anna@example.org>"
    outer["To"] = "anna@example.org"
    outer.set_content("<p>" + "x" * 3_000_000 + "</p>", subtype="html")
    outer.add_attachment(inner)
    result = classify(parse(outer.as_bytes()))
    assert result.finding is None and result.suspicious is None  # a forward is the user's mail


# --- the same Meta mail in any encoding is read the same ----------------------------------------

BODY_TEXT = {
    "en": ("Hi anna.photos,\nYou have the right to object to how we use your information for AI at Meta.\n"
           "This message was sent to anna@example.org and intended for anna.photos."),
    "de": ("Hallo anna.photos,\nDu hast das Recht, zu widersprechen: Widerspruchsrecht bei KI bei Meta. "
           "Grüße.\nDiese Nachricht wurde an anna@example.org gesendet und war für anna.photos bestimmt."),
    "pl": ("Cześć anna.photos,\nPrzysługuje Ci prawo do sprzeciwu wobec AI w Meta. Zażółć gęślą jaźń.\n"
           "Ta wiadomość została wysłana na adres anna@example.org i jest przeznaczona dla użytkownika anna.photos."),
}
CHARSETS = {"en": ["utf-8", "us-ascii", "iso-8859-1"], "de": ["utf-8", "iso-8859-1", "windows-1252"],
            "pl": ["utf-8", "iso-8859-2", "windows-1250"]}
FORM = "https://help.instagram.com/contact/767264225370182"
WRAPPED = "https://l.instagram.com/?u=https%3A%2F%2Fhelp.instagram.com%2Fcontact%2F767264225370182&e=AT1"


def build(lang: str, charset: str, cte: str, shape: str, subject_encoding: str) -> bytes:
    text = BODY_TEXT[lang] + f"\n{WRAPPED}\n"
    html = ("<html><body>" + "".join(f"<p>{line}</p>" for line in BODY_TEXT[lang].split("\n"))
            + f'<p><a href="{WRAPPED}">form</a></p></body></html>')

    def part(body: str, subtype: str) -> bytes:
        raw = body.encode(charset)
        encoded = {"base64": lambda b: base64.encodebytes(b), "quoted-printable": quopri.encodestring,
                   "8bit": lambda b: b}[cte](raw)
        return (f'Content-Type: text/{subtype}; charset="{charset}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n'
                .encode() + encoded)

    subject = "We're updating our Privacy Policy as we expand AI at Meta"
    if subject_encoding == "b":
        subject = f"=?utf-8?b?{base64.b64encode(subject.encode()).decode()}?="
    head = ("From: Instagram <no-reply@mail.instagram.com>\r\nTo: anna@example.org\r\n"
            f"Subject: {subject}\r\nDate: Wed, 29 May 2024 10:00:00 +0000\r\n"
            "Message-ID: <prop@mail.instagram.com>\r\nMIME-Version: 1.0\r\n").encode()
    if shape == "text":
        return head + part(text, "plain")
    if shape == "html":
        return head + part(html, "html")
    boundary = b"==b0undary=="
    return (head + b'Content-Type: multipart/alternative; boundary="' + boundary + b'"\r\n\r\n--' + boundary
            + b"\r\n" + part(text, "plain") + b"\r\n--" + boundary + b"\r\n" + part(html, "html")
            + b"\r\n--" + boundary + b"--\r\n")


@st.composite
def meta_mails(draw):
    lang = draw(st.sampled_from(sorted(BODY_TEXT)))
    charset = draw(st.sampled_from(CHARSETS[lang]))
    if lang != "en" and charset == "us-ascii":
        charset = "utf-8"
    cte = draw(st.sampled_from(["base64", "quoted-printable", "8bit"]))
    shape = draw(st.sampled_from(["text", "html", "alternative"]))
    return lang, build(lang, charset, cte, shape, draw(st.sampled_from(["plain", "b"])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meta_mails())
def test_recognition_does_not_depend_on_the_encoding(mail):
    lang, raw = mail
    result = classify(parse(raw))
    f = result.finding
    assert f is not None, raw[:400]
    assert (f.kind, f.platform, f.account, f.address, f.objection_url) == (
        "notice", "instagram", "anna.photos", "anna@example.org", FORM)
    assert f.language == lang
    assert [link.url for link in f.links] == [FORM]
    assert parse(raw).date == dt.datetime(2024, 5, 29, 10, tzinfo=dt.UTC)
