"""The mailbox's own history settles everyday mail in any language (issue 21 item 1).

Everyday subjects the rules do not list, in languages they do not know, are read until a few of
one template were everyday each time; then the header settles the rest. A template one of whose
mails was anything else is read for good, and a subject that hints at the flow always is.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.dkim_keys import harness_sign
from tests.test_sync_dovecot import write_config
from tests.test_sync_triage import findings, run
from tracker.recognition.parse import parse
from tracker.recognition.triage import (
    EVERYDAY,
    FLOW,
    MIN_HISTORY,
    digest,
    subject_shape,
    template_keys,
    triage,
)

TESTS = Path(__file__).parent
CAMPAIGN = re.compile(rb"(?im)^(?:X-Facebook-Notify|Feedback-ID):.*\r?\n")
# Everyday Facebook mail in languages and templates the subject rules do not list.
TEMPLATES = {
    "cs": (TESTS / "blind" / "cs_facebook_comment_notification.eml", "Jana Dvořáková", ("Petr Svoboda", "Eva Malá")),
    "fi": (TESTS / "blind" / "fi_facebook_comment_notification.eml", "Mikko Korhonen", ("Aino Laine", "Veikko Aho")),
    "ru": (TESTS / "blind3" / "ru_05_other_comment.eml", "Ольга Петрова", ("Иван Орлов", "Анна Белова")),
}


def copies(path: Path, name: str, others: tuple[str, ...], n: int, tag: str) -> list[bytes]:
    """n mails of one template: new Message-IDs, the commenter's name changed in the subject, no
    campaign headers (the subject's shape is the only template they have)."""
    data = CAMPAIGN.sub(b"", path.read_bytes())
    out = []
    for i in range(n):
        who = (name, *others)[i % (len(others) + 1)]
        mail = re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <{tag}{i}.".encode(), data, count=1)
        subject = parse(mail).subject.replace(name, who)
        mail = re.sub(rb"(?im)^Subject:.*(?:\r?\n[ \t].*)*\r?\n",
                      b"Subject: " + _encoded(subject) + b"\r\n", mail, count=1)
        out.append(mail)
    return out


def _encoded(text: str) -> bytes:
    from email.header import Header

    return Header(text, "utf-8").encode().encode()


def head(subject: str, extra: str = "") -> bytes:
    return (f"From: Facebook <notification@facebookmail.com>\r\nTo: tomas@example.org\r\n"
            f"Subject: {_encoded(subject).decode()}\r\n{extra}\r\n").encode()


def test_a_subjects_shape_leaves_out_names_numbers_and_quotes():
    assert subject_shape("Lena Fischer shared a memory with you") == "* shared a memory with you"
    assert subject_shape("Tom shared a memory with you") == "* shared a memory with you"
    assert subject_shape("Your Page had 45 new visitors") == subject_shape("Your Page had 7 new visitors")
    assert subject_shape("anna.cooks, you have 3 new notifications") == "* you have * new notifications"
    assert subject_shape("Ольга Петрова прокомментировала вашу публикацию") == \
        subject_shape("Иван Орлов прокомментировала вашу публикацию")
    assert subject_shape("Facebook") is None


def test_a_subject_of_little_but_capitalised_words_keeps_them_as_a_finer_template():
    """German nouns are capitalised: "Neue Anmeldung von Chrome auf Windows" would be "* von *
    auf *", too little to name a template, and such mail was read whole every time (issue 21
    item 3). Its capitalised words are kept instead: each login alert of one browser and system
    is a template of its own, whatever its numbers or quotes."""
    alert = subject_shape("Neue Anmeldung von Chrome auf Windows")
    assert alert == "neue anmeldung von chrome auf windows"
    assert subject_shape("Neue Anmeldung von Firefox auf Linux") != alert
    assert subject_shape("Neue Anmeldung von Chrome auf Windows 11") == subject_shape(
        "Neue Anmeldung von Chrome auf Windows 10")
    assert subject_shape('Lena posted in Residents: "anything at all here"') == \
        subject_shape('Lena posted in Residents: "something else"') == "lena posted in residents *"
    # Where the names leave enough, they still vary: the shape is not made finer than it need be.
    assert subject_shape("Neue Anmeldung bei Facebook von Firefox unter Linux") == "* bei * von * unter *"


def test_history_settles_a_template_only_when_every_mail_read_was_everyday():
    mail = parse(head("Petr Svoboda okomentoval váš příspěvek"))
    keys = [digest(k) for k in template_keys(mail)]
    assert triage(mail).verdict == FLOW and triage(mail).learnable
    assert triage(mail, {k: (MIN_HISTORY - 1, 0) for k in keys}).verdict == FLOW
    assert triage(mail, {k: (MIN_HISTORY, 0) for k in keys}).verdict == EVERYDAY
    once_other = triage(mail, {k: (50, 1) for k in keys})
    assert once_other.verdict == FLOW and not once_other.learnable
    # The subject's hints and a conversation outweigh any history.
    for raw in (head("Petr Svoboda okomentoval 482913"), head("Re: Petr Svoboda okomentoval váš příspěvek"),
                head("Petr Svoboda okomentoval váš příspěvek", "List-Id: <x.example.org>\r\n")):
        m = parse(raw)
        assert triage(m, {digest(k): (50, 0) for k in template_keys(m)}).verdict == FLOW


def test_a_template_is_known_per_sender_address():
    fb = parse(head("Petr Svoboda okomentoval váš příspěvek"))
    other = parse(head("Petr Svoboda okomentoval váš příspěvek").replace(b"notification@", b"security@"))
    history = {digest(k): (50, 0) for k in template_keys(fb)}
    assert triage(fb, history).verdict == EVERYDAY
    assert triage(other, history).verdict == FLOW


def test_everyday_mail_of_unlisted_templates_costs_no_body_once_known(dovecot, mailbox_user, tracker_home):
    n = 8
    mails = [m for lang, (path, name, others) in TEMPLATES.items() for m in copies(path, name, others, n, lang)]
    notice = (TESTS / "fixtures" / "en_facebook_notice_2024_html_qp.eml").read_bytes()
    mails.insert(len(mails) // 2, notice)
    for raw in mails:
        dovecot.append(mailbox_user, "INBOX", raw)
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    flow, _, outcomes = findings(tracker_home / "t.db")
    assert {kind for _, kind, *_ in flow} == {"notice"}
    # Each template: MIN_HISTORY mails read, the rest settled by the header.
    assert outcomes == {"finding": len(TEMPLATES) * MIN_HISTORY + 1,
                        "everyday": len(TEMPLATES) * (n - MIN_HISTORY)}, outcomes
    with sqlite3.connect(tracker_home / "t.db") as db:
        rows = db.execute("SELECT shape, everyday, other FROM templates_seen").fetchall()
    learnt = sorted(r[1:] for r in rows if " subject " in r[0])
    assert learnt == [(MIN_HISTORY, 0)] * len(TEMPLATES)
    # The notice's template (its campaign): read for good.
    assert [r[1:] for r in rows if " campaign " in r[0]] == [(0, 1)]

    # The next sync knows them from the store: new mail of these templates costs no body.
    for raw in copies(*TEMPLATES["ru"], 2, "later"):
        dovecot.append(mailbox_user, "INBOX", raw)
    run(config, "sync")
    _, _, again = findings(tracker_home / "t.db")
    assert again["everyday"] == outcomes["everyday"] + 2 and again["finding"] == outcomes["finding"]


@pytest.mark.parametrize("first", ["notice", "suspicious"])
def test_a_template_that_was_once_not_everyday_is_always_read(dovecot, mailbox_user, tracker_home, first):
    path, name, others = TEMPLATES["fi"]
    mails = copies(path, name, others, 6, "fi")
    # A mail of the same sender and subject shape that is not everyday: a notice, or a mail the
    # server's DKIM check failed.
    subject = parse(mails[0]).subject
    if first == "notice":
        odd = CAMPAIGN.sub(b"", (TESTS / "fixtures" / "en_facebook_notice_2024_html_qp.eml").read_bytes())
        odd = re.sub(rb"(?im)^From:.*\r?\n", b"From: Facebook <notification@facebookmail.com>\r\n", odd, count=1)
    else:  # Meta's signature, and a body changed after it: the tracker's own DKIM check fails
        odd = harness_sign(re.sub(rb"(?im)^Message-ID:\s*<", b"Message-ID: <odd.", mails[0], count=1))
        assert b"DKIM-Signature" in odd
        odd = odd.replace(b"This is a multi-part message in MIME format.", b"Changed.", 1)
    odd = re.sub(rb"(?im)^Subject:.*(?:\r?\n[ \t].*)*\r?\n", b"Subject: " + _encoded(subject) + b"\r\n", odd,
                 count=1)
    odd = re.sub(rb"(?im)^Message-ID:\s*<", b"Message-ID: <odd.", odd, count=1)
    odd = re.sub(rb"(?im)^To:.*\r?\n", b"To: " + re.search(rb"(?im)^To:(.*)\r?\n", mails[0]).group(1).strip()
                 + b"\r\n", odd, count=1)
    # A template is learnt from its smallest mails: the odd one is among them. (One that is not
    # read before the template is learnt is settled by its header, as any later mail would be.)
    assert len(odd) < min(len(harness_sign(m)) for m in mails)
    for raw in [odd, *mails]:
        dovecot.append(mailbox_user, "INBOX", raw)
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    flow, _, outcomes = findings(tracker_home / "t.db")
    assert {kind for _, kind, *_ in flow} == {first}
    assert outcomes.get("everyday", 0) == 0, outcomes  # every mail of the template was read


def test_mail_no_signature_of_meta_vouches_for_teaches_nothing(dovecot, mailbox_user, tracker_home):
    """Anyone can send unsigned mail that looks everyday: it must not teach the tracker to skip
    a template (a later reply of that shape would be hidden)."""
    from tests.dkim_keys import make_key, sign

    path, name, others = TEMPLATES["cs"]
    key = make_key()
    for raw in copies(path, name, others, 6, "cs"):  # signed, but by another domain than Meta's
        dovecot.append(mailbox_user, "INBOX", sign(raw, key, "example.org"))
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    _, _, outcomes = findings(tracker_home / "t.db")
    assert outcomes.get("everyday", 0) == 0, outcomes
    with sqlite3.connect(tracker_home / "t.db") as db:
        assert db.execute("SELECT count(*) FROM templates_seen").fetchone() == (0,)


def test_a_campaign_no_file_lists_is_a_template_of_its_own_whatever_the_subject():
    """Meta names its template itself: two signed everyday mails of campaign 'memories' settle
    the next one in any language, and a subject that hints at the flow is still read."""
    def mail(subject: str, campaign: str = "memories"):
        return parse(head(subject, f"X-Facebook-Notify: {campaign}; mailid=1\r\n"))

    first = mail("Petr Svoboda sdílel vzpomínku")
    assert template_keys(first) == ("notification@facebookmail.com campaign memories",)
    history = {digest(template_keys(first)[0]): (MIN_HISTORY, 0)}
    assert triage(mail("Ольга Петрова поделилась воспоминанием с вами"), history).verdict == EVERYDAY
    assert triage(mail("Ольга Петрова поделилась воспоминанием", "feed_digest"), history).verdict == FLOW
    assert triage(mail("Your request 482913"), history).verdict == FLOW


def _login_alert(n: int, padding: int) -> bytes:
    """An everyday German login alert of a template the rules do not list, without campaign
    headers, its HTML part `padding` bytes longer than the fixture's."""
    data = CAMPAIGN.sub(b"", (TESTS / "fixtures" / "de_facebook_other_login_alert.eml").read_bytes())
    data = re.sub(rb"(?im)^Subject:.*\r?\n", b"Subject: Neue Anmeldung von Chrome auf Windows\r\n", data, count=1)
    data = re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <alert{n}.".encode(), data, count=1)
    return data.replace(b"</body>", b"<!-- " + b"x" * padding + b" -->\n</body>", 1)


def test_a_template_is_learnt_from_its_smallest_mails(dovecot, mailbox_user, tracker_home):
    """Of a template the mailbox does not know yet, the mails read whole to learn it are its
    smallest (by RFC822.SIZE, which comes with the header); once they were everyday and signed by
    Meta, the header settles the others, the big ones first in the folder included."""
    paddings = [40_000, 30_000, 900, 20_000, 100, 10_000]
    uids = {dovecot.append(mailbox_user, "INBOX", _login_alert(i, pad)): pad for i, pad in enumerate(paddings)}
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    with sqlite3.connect(tracker_home / "t.db") as db:
        read = {uid for uid, outcome in db.execute("SELECT uid, outcome FROM processed_messages")
                if outcome == "finding"}
        learnt = db.execute("SELECT shape, everyday, other FROM templates_seen").fetchall()
    assert sorted(uids[uid] for uid in read) == sorted(paddings)[:MIN_HISTORY]
    assert learnt == [("security@facebookmail.com subject neue anmeldung von chrome auf windows",
                       MIN_HISTORY, 0)]
    _, _, outcomes = findings(tracker_home / "t.db")
    assert outcomes == {"finding": MIN_HISTORY, "everyday": len(paddings) - MIN_HISTORY}, outcomes


def test_a_flow_mail_of_a_learnt_template_is_read_when_its_subject_hints_at_the_flow(
        dovecot, mailbox_user, tracker_home):
    """History settles a template's mail by its header; a subject of that template that hints at
    the flow (here, Meta named where the commenter's name stands) is read and classified all
    the same: the notice under it is found."""
    path, name, others = TEMPLATES["cs"]
    for raw in copies(path, name, others, 3, "cs"):
        dovecot.append(mailbox_user, "INBOX", raw)
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    template = parse(copies(path, name, others, 1, "x")[0])
    notice = CAMPAIGN.sub(b"", (TESTS / "fixtures" / "en_facebook_notice_2024_html_qp.eml").read_bytes())
    notice = re.sub(rb"(?im)^From:.*\r?\n", b"From: Facebook <notification@facebookmail.com>\r\n", notice,
                    count=1)
    subject = template.subject.replace(name, "Meta")
    assert subject_shape(subject) == subject_shape(template.subject)
    notice = re.sub(rb"(?im)^Subject:.*(?:\r?\n[ \t].*)*\r?\n", b"Subject: " + _encoded(subject) + b"\r\n",
                    notice, count=1)
    for raw in (*copies(path, name, others, 2, "later"), notice):
        dovecot.append(mailbox_user, "INBOX", raw)
    run(config, "sync")
    flow, _, outcomes = findings(tracker_home / "t.db")
    assert {kind for _, kind, *_ in flow} == {"notice"}
    # The template was known: its two new mails cost no body, as the one in the first sync.
    assert outcomes == {"finding": MIN_HISTORY + 1, "everyday": 3}, outcomes
