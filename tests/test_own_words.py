"""The texts the tracker has the person send to Meta never read as Meta's answer (issue 20 item 3).

A Meta reply may copy the person's request back under its own words. The texts `object` prints and
the reminder letter are classified here as if Meta had quoted them, in every place a reply can
carry them: none may read as a confirmation (nor as a refusal: they are the person's words).
"""

from __future__ import annotations

import pytest

from tracker.act.letter_words import LETTERS
from tracker.act.objection import TEMPLATES
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse

REPLY = ("From: Facebook <noreply@facebookmail.com>\nTo: anna@example.org\nSubject: {subject}\n"
         "Message-ID: <r@facebookmail.com>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n\n"
         "This message was sent to anna@example.org.\n"
         "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland\n")
VALUES = {"filed": "2026-10-01", "account": "anna@example.org", "platform": "Facebook",
          "addresses": "anna@example.org", "overdue_since": "2026-11-01", "answer_by": "2026-12-17"}


def own_texts() -> list[tuple[str, str]]:
    texts = [(f"template {code}", text) for code, text in TEMPLATES.items()]
    for code, words in LETTERS.items():
        letter = "\n\n".join([words.reminder_subject, words.reminder_greeting, *words.reminder_body,
                              words.reminder_close]).format(**VALUES)
        texts.append((f"reminder {code}", letter))
    return texts


def placements(text: str) -> list[tuple[str, str]]:
    quoted = "\n".join("> " + line for line in text.splitlines())
    return [
        ("in the body", f"Hi Anna,\n\nThank you for contacting us.\n\n{text}\n\nThanks,\nPrivacy Operations"),
        ("after the sign-off", f"Hi Anna,\n\nThank you for contacting us.\n\nThanks,\nPrivacy Operations\n\n{text}"),
        ("quoted", f"Hi Anna,\n\nThank you for contacting us.\n\nThanks,\nPrivacy Operations\n\n"
                   f"On 1 Oct 2026, anna@example.org wrote:\n{quoted}"),
        ("in quotation marks", f"Hi Anna,\n\nYou wrote: \u201c{text}\u201d\n\nThanks,\nPrivacy Operations"),
        ("alone", text),
    ]


@pytest.mark.parametrize("name, text", own_texts(), ids=[n for n, _ in own_texts()])
def test_the_persons_own_texts_are_never_meta_s_answer(name, text):
    for where, body in placements(text):
        for subject in ("Your request about AI at Meta", "Re: " + text.splitlines()[0][:80]):
            mail = REPLY.format(subject=subject, body=body)
            finding = classify(parse(mail.encode())).finding
            assert finding.kind not in ("confirmation", "rejection"), (name, where, subject, finding.reason)
