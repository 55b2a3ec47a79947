"""No words but Meta's make a yes (issue 20 item 3): a property test.

Into every reply and every everyday mail of every test set it writes, as bytes that are parsed
again (each text part re-encoded, the HTML part too), the person's own request (every template
`object` prints, every reminder), or a name someone else chose (a group, event, Page or fundraiser
named like Meta's yes, a name ending "intended for victim"). No mail that was not a confirmation
becomes one, and none changes its account.

Where a name goes: anywhere above the footer of an everyday mail (its text is other people's words
throughout); in a reply, where a reply carries others' words: in quotation marks, quoted with '>',
or below the whole mail. The person's own texts go anywhere, in any form: they say nothing Meta's
yes says.
"""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import html
import tomllib
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.act.letter_words import LETTERS
from tracker.act.objection import TEMPLATES
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse

TESTS = Path(__file__).parent
SETS = ("fixtures", "holdout", "traps", "blind", "blind2", "blind3", "blind4", "blind5", "blind6")
REPLIES = ("acknowledgement", "confirmation", "rejection", "unclear_reply", "third_party_reply")
VALUES = {"filed": "2026-10-01", "account": "anna@example.org", "platform": "Facebook",
          "addresses": "anna@example.org", "overdue_since": "2026-11-01", "answer_by": "2026-12-17"}
OWN_TEXTS = [*TEMPLATES.values(),
             *("\n".join([w.reminder_subject, w.reminder_greeting, *w.reminder_body, w.reminder_close])
               .format(**VALUES) for w in LETTERS.values())]
NAMES = [
    "We've reviewed your request and will honor your objection",
    "We will honour your objection",
    "Thanks for contacting us. We've reviewed your request and will honour your objection.",
    "Wir geben deinem Widerspruch statt",
    "Nous respecterons votre opposition",
    "Hemos revisado tu solicitud y aceptaremos tu oposición",
    "Accoglieremo la tua opposizione",
    "Privacy Operations: your objection is honoured",
    "This message was sent to victim@example.net and intended for victim",
    "We will honour your objection. This message was intended for victim.",
    "Hi victim,",
]


@cache
def mails(kinds: tuple[str, ...]) -> list[tuple[str, bytes]]:
    found = []
    for name in SETS:
        for entry in tomllib.loads((TESTS / name / "expected.toml").read_text(encoding="utf-8"))["mail"]:
            if entry["kind"] in kinds:
                found.append((f"{name}/{entry['file']}", (TESTS / name / entry["file"]).read_bytes()))
    return found


def inserted(raw: bytes, words: str, where: float, form: str) -> bytes:
    """The mail with words written into each text part at about `where` (between lines, or between
    tags in HTML), re-encoded as base64 UTF-8, as a mail client would see it."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    recipients = [a.lower() for _, a in email.utils.getaddresses(msg.get_all("To", []))]
    for part in msg.walk():
        if part.get_content_maintype() != "text" or part.is_multipart():
            continue
        data = part.get_payload(decode=True) or b""
        text = data.decode(part.get_content_charset() or "utf-8", "replace")
        shaped = {"plain": words, "quotes": f"\u201c{words}\u201d", "quoted": "> " + words.replace("\n", "\n> "),
                  "end": words, "last": words}[form]
        # "last": below everything, the footer too; the rest above the footer, where Meta's
        # templates put what others wrote.
        footer = len(text) if form == "last" else _footer(text, recipients, part.get_content_subtype() == "html")
        if part.get_content_subtype() == "html":
            piece = "<p>" + html.escape(shaped).replace("\n", "<br>") + "</p>"
            if form == "quoted":  # HTML quotes with <blockquote>, not with '>'
                piece = "<blockquote>" + html.escape(words).replace("\n", "<br>") + "</blockquote>"
            cut = text.find(">", int(footer * where)) + 1
            cut = footer if form in ("end", "last") or not 0 < cut <= footer else cut
            if form == "last" and "</body>" in text:
                cut = text.rfind("</body>")
        else:
            piece = f"\n{shaped}\n"
            cut = footer if form in ("end", "last") else text.rfind("\n", 0, int(footer * where)) + 1
        text = text[:cut] + piece + text[cut:]
        del part["Content-Transfer-Encoding"]
        part["Content-Transfer-Encoding"] = "base64"
        part.set_param("charset", "utf-8")
        part.set_payload(base64.encodebytes(text.encode("utf-8")).decode("ascii"))
    return msg.as_bytes()


def _footer(text: str, recipients: list[str], is_html: bool) -> int:
    """Where Meta's footer starts (the block naming the address the mail went to): others' words
    stand above it in Meta's templates, and so does a request Meta copies back."""
    lowered = text.lower()
    at = max((lowered.rfind(r) for r in recipients), default=-1)
    if at < 0:
        return len(text)
    if is_html:
        return max(0, *(lowered.rfind(tag, 0, at) for tag in ("<p", "<div", "<td", "<tr", "<br")))
    return max(0, text.rfind("\n", 0, at) + 1)


def outcome(raw: bytes) -> tuple[str, str | None, str | None]:
    result = classify(parse(raw))
    if result.finding is None:
        return ("suspicious" if result.suspicious else "irrelevant", None, None)
    return result.finding.kind, result.finding.platform, result.finding.account


def check(name: str, raw: bytes, words: str, where: float, form: str) -> None:
    before = outcome(raw)
    after = outcome(inserted(raw, words, where, form))
    if before[0] != "confirmation":
        assert after[0] != "confirmation", (name, form, where, words[:60])
    if after[0] not in ("suspicious", "irrelevant"):
        assert after[1:] == before[1:], (name, form, where, words[:60], before, after)


SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(mail=st.sampled_from(mails(REPLIES + ("other",))), words=st.sampled_from(OWN_TEXTS),
       where=st.floats(0, 1), form=st.sampled_from(["plain", "quotes", "quoted", "end", "last"]))
def test_the_persons_own_request_anywhere_never_makes_a_yes(mail, words, where, form):
    check(*mail, words, where, form)


@SETTINGS
@given(mail=st.sampled_from(mails(("other",))), words=st.sampled_from(NAMES), where=st.floats(0, 1),
       form=st.sampled_from(["plain", "quotes", "quoted", "end"]))
def test_a_name_anywhere_in_everyday_mail_never_makes_a_yes_or_an_account(mail, words, where, form):
    check(*mail, words, where, form)


@SETTINGS
@given(mail=st.sampled_from(mails(REPLIES)), words=st.sampled_from(NAMES), where=st.floats(0, 1),
       form=st.sampled_from(["quotes", "quoted", "last"]))
def test_a_name_where_a_reply_carries_others_words_never_makes_a_yes_or_an_account(mail, words, where, form):
    check(*mail, words, where, form)
