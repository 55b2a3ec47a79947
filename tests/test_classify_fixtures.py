"""Every fixture mail through parse -> classify, checked against its set's expected.toml.

tests/fixtures/ was written alongside the rules; tests/holdout/ was written from the field guide
alone, without reading the rules, to measure how the rules generalise (bench/recognition.py);
tests/traps/ holds one mail per failure issue 10 lists (notices that suppose or promise, other
people's words in everyday mail, code mails without the word "objection", replies' boilerplate);
tests/blind/ is a second blind set (121 mails, 16 languages), written from the field guide by a
helper who had not read the rules, added after the structural rework of issue 10; tests/blind2/
is a third (60 mails, 16 languages), written from the field guide alone after that rework.
tests/blind3 and blind4 are the blind sets of issue 19 (languages nobody tuned for) and
tests/blind5 the one of issue 23 (third-party replies, WhatsApp, information-only notices;
59 mails, 10 languages, read 59/59 on the code it was written against, 63ba165).
tests/blind6 holds genuine, signed Meta notifications carrying other people's words, Meta's reply
sentences among them (comments, messages, quotes, page posts; 18 languages), and 13 real replies:
read 54/65 with 3 false confirmations on the code it was written against (69b088a).
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.recognition.classify import classify
from tracker.recognition.parse import parse

SETS = [Path(__file__).parent / name
        for name in ("fixtures", "holdout", "traps", "blind", "blind2", "blind3", "blind4", "blind5",
                     "blind6")]
MINIMUM = {"fixtures": 40, "holdout": 40, "traps": 20, "blind": 100, "blind2": 60, "blind3": 98, "blind4": 58,
           "blind5": 59, "blind6": 65}
# The blind sets' writers named suspicious reasons in their own words; these are the tracker's.
REASON_NAMES = {"auth_fail": "auth-fail", "display_name": "display-name-spoof", "lookalike": "lookalike-domain"}
EXPECTED = [dict(entry, folder=folder) for folder in SETS
            for entry in tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]]


def outcome(entry: dict) -> dict:
    result = classify(parse((entry["folder"] / entry["file"]).read_bytes()))
    if result.suspicious:
        return {"kind": "suspicious", "suspicious_reason": result.suspicious.reason.split(":")[0]}
    if result.finding is None:
        return {"kind": "irrelevant"}
    f = result.finding
    got = {"kind": f.kind, "platform": f.platform, "account": f.account, "address": f.address,
           "language": f.language, "objection_url": f.objection_url}
    if f.covers_linked:
        got["covers_linked_accounts"] = True
    if f.request_state:
        got["request_state"] = f.request_state
    return got


def expected(entry: dict) -> dict:
    want = _as_written(entry)
    override = OVERRIDES.get(f"{entry['folder'].name}/{entry['file']}")
    if override:
        want.update(override[0])
    return want


def _as_written(entry: dict) -> dict:
    keys = ("kind", "platform", "account", "address", "language", "objection_url", "suspicious_reason",
            "covers_linked_accounts", "request_state")
    want = {k: entry[k] for k in keys if k in entry}
    if "suspicious_reason" in want:
        want["suspicious_reason"] = REASON_NAMES.get(want["suspicious_reason"], want["suspicious_reason"])
    if want["kind"] in ("suspicious", "irrelevant"):
        return {k: v for k, v in want.items() if k in ("kind", "suspicious_reason")}
    # The form link is what a notice is for; a reply that links it again may keep it or not.
    if want["kind"] == "notice":
        want.setdefault("objection_url", None)
    else:
        want.pop("objection_url", None)
    want.setdefault("language", None)
    return want


# Where a blind set's writer expected what the field guide contradicts: the fields believed
# instead, and why. The blind sets are never edited to make the recogniser pass; each override is
# asserted like any expectation, so a change in the reading fails the test.
OVERRIDES: dict[str, tuple[dict, str]] = {
    **{name: ({"platform": "facebook"},
              "FG: Meta mails each Facebook and Instagram account and 'Messenger: facebookmail.com'; "
              "Messenger has no account or objection of its own, and its mail goes to the Facebook "
              "account's address: it counts for that account, as Threads' counts for Instagram "
              "(blind6's writer expects facebook; a messenger: account stood NEEDS ACTION for good)")
       for name in ("blind/pt_messenger_message_notification.eml", "blind2/nl_04_other_messenger.eml")},
    "blind/en_facebook_unclear_more_time.eml": (
        {"kind": "acknowledgement"},
        "'We're still looking into your request … we'll get back to you within two months' says "
        "the request was received and is being reviewed: an acknowledgement (in_progress), as "
        "issue 10 defines one, not an unreadable answer"),
    "blind2/fr_01_notice_2025_fb_be.eml": (
        {"objection_url": "https://www.facebook.com/help/contact/712876720715583"},
        "FG 'Links (canonical forms…)': the Facebook form is www.facebook.com/help/contact/"
        "712876720715583, 'also served on localized hosts such as fr-fr.facebook.com'; the form id "
        "is the stable part and hosts vary. The tracker stores the canonical www form so that the "
        "links of different mails compare equal (tests/fixtures expects the same of fr-fr)"),
    **{name: ({"kind": "third_party_reply", "request_state": "needs_information"},
              "FG 2026-12 (second round) 'The wrong form': the third-party-information form is not the "
              "objection to training, and Meta's reply to it asks for prompts and a screenshot; issue 23: "
              "that reply never changes the objection state. This reply links that form and asks for more: "
              "a third-party request that needs information, not a rejection of an objection")
       for name in ("blind2/es_02_rejection_thirdparty.eml", "blind3/bg_05_reject_thirdparty_fb.eml",
                    "blind3/uk_04_reject_ig_thirdparty.eml")},
    "blind4/it_52_notice_2026_help_meta.eml": (
        {"objection_url": "https://help.meta.com/support/privacy"},
        "FG 'Forms moved': Meta points to https://help.meta.com/support/privacy, and this mail links "
        "exactly that, without a trailing slash; the tracker keeps a Meta help page's link as Meta "
        "wrote it (links.canonical), as blind2/fi_01 expects of the same link. The writer added a "
        "slash the mail does not have"),
    "blind/sv_threads_mention_notification.eml": (
        {"platform": "instagram"},
        "FG 'Threads': a Threads profile belongs to an Instagram account, Threads mail comes from "
        "mail.instagram.com and names the Instagram username; the tracker counts Threads mail for "
        "that Instagram account (issue 19 item 1), so the platform is instagram"),
    "blind2/pt_04_other_threads_reply.eml": (
        {"platform": "instagram"},
        "FG 'Threads': a Threads profile belongs to an Instagram account, Threads mail comes from "
        "mail.instagram.com and names the Instagram username; the tracker counts Threads mail for "
        "that Instagram account (issue 19 item 1), so the platform is instagram"),
}


# The blind sets of issues 19 and 23 (tests/blind3, tests/blind4) and blind6, measured once on the code they
# were written against: the fields each mail is still read wrong in. Work on the recogniser removes
# entries as it fixes them (the test fails while a listed field is already right); an entry is never
# added to make a test pass.
# blind6, measured once on 69b088a: 17 of 65 mails with a field read wrong (3 false confirmations);
# those left are a language and 3 replies' words in everyday mail (read as unclear).
PENDING: dict[str, tuple[str, ...]] = {
    "blind6/en_15_fb_page_review_privacy_operations.eml": ("kind",),  # unclear_reply
    "blind6/pl_32_ig_direct_greeting_first_html_b64.eml": ("kind",),  # unclear_reply
    "blind6/ru_38_ig_direct_greeting_first_b64.eml": ("kind",),  # unclear_reply
    "blind6/zh_45_fb_shared_post_big5_b64.eml": ("language",),  # en
}
# A false confirmation still read by the code: each is a defect being fixed, never a tolerance.
FALSE_CONFIRMATIONS_TO_FIX: set[str] = set()


def test_every_override_names_a_mail_and_gives_its_reason():
    names = {f"{e['folder'].name}/{e['file']}" for e in EXPECTED}
    for name, (fields, reason) in OVERRIDES.items():
        assert name in names and fields and len(reason) > 40, name


@pytest.mark.parametrize("entry", [pytest.param(e, id=f"{e['folder'].name}/{e['file']}") for e in EXPECTED])
def test_fixture_is_recognised(entry):
    got = outcome(entry)
    want = expected(entry)
    name = f"{entry['folder'].name}/{entry['file']}"
    pending = PENDING.get(name, ())
    assert {k: got.get(k) for k in want if k not in pending} == {k: v for k, v in want.items() if k not in pending}
    still_wrong = {k for k in pending if got.get(k) != want.get(k)}
    assert still_wrong == set(pending), f"{name}: now read right, remove {set(pending) - still_wrong} from PENDING"
    if want["kind"] != "confirmation":
        assert got["kind"] != "confirmation" or name in FALSE_CONFIRMATIONS_TO_FIX, name


def test_pending_names_real_mails():
    names = {f"{e['folder'].name}/{e['file']}" for e in EXPECTED}
    assert set(PENDING) <= names and set(FALSE_CONFIRMATIONS_TO_FIX) <= set(PENDING)


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_mail_file_is_in_its_manifest(folder):
    files = {p.name for p in folder.glob("*.eml")}
    assert files == {e["file"] for e in EXPECTED if e["folder"] == folder}
    assert len(files) >= MINIMUM[folder.name]


FACEBOOK = ("From: Facebook <{sender}@facebookmail.com>\nTo: anna@example.org\nSubject: {subject}\n"
            "Message-ID: <s@facebookmail.com>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            "This message was sent to anna@example.org.\n")


def test_a_support_inbox_notification_is_read_as_the_reply_it_carries():
    body = "You have a new message in your Support Inbox.\nOur reply\n{said}\nThanks,\nPrivacy Operations"
    for said, kind in (("We've reviewed your request and will honour your objection.", "confirmation"),
                       ("Learn about your rights in the Privacy Center.", "unclear_reply")):
        mail = FACEBOOK.format(sender="noreply", subject="You have a new message in your Support Inbox",
                               body=body.format(said=said))
        assert classify(parse(mail.encode())).finding.kind == kind, said


def test_other_peoples_words_naming_the_support_inbox_are_no_reply():
    # A comment notification (no post link, to test the words alone) whose comment names the
    # Support Inbox and signs as Meta: notification@ sends other people's words.
    mail = FACEBOOK.format(sender="notification", subject="Lena commented: check your Support Inbox",
                           body="Lena commented on your post: Our reply: we've reviewed your request "
                                "and will honour your objection. Privacy Operations")
    assert classify(parse(mail.encode())).finding.kind == "other"


INSTAGRAM = ("From: Instagram <no-reply@mail.instagram.com>\nTo: mei@example.org\nSubject: {subject}\n"
             "Message-ID: <s@mail.instagram.com>\nContent-Type: text/plain; charset=utf-8\n\n"
             "Hi mei.eats,\n\n{body}\n\nThis message was sent to mei@example.org and intended for "
             "mei.eats.\n\u00a9 Instagram. Meta Platforms, Inc., 1601 Willow Road, Menlo Park, CA 94025\n")


@pytest.mark.parametrize("subject, body", [
    ("data.rights.now quoted your thread: We will also honour your objection for any other accounts",
     "data.rights.now quoted your thread. Open Threads to see it."),
    ("karen.wong 留言：我們已審查你的要求，並將接受你的反對。", "karen.wong 在你的貼文留言。開啟 Instagram 查看。"),
    ("lena.k hat kommentiert: Wir werden deinem Widerspruch stattgeben", "lena.k hat deinen Beitrag kommentiert."),
    ("Privacy Operations: We've reviewed your request and will honor your objection", ""),
], ids=["en-quote", "zh-comment", "de-comment", "empty-text"])
def test_a_yes_in_the_subject_alone_is_someone_s_words(subject, body):
    # blind6 en_14, zh_46: Meta's reply says its decision in its text, never in its subject alone.
    got = classify(parse(INSTAGRAM.format(subject=subject, body=body).encode())).finding
    assert got.kind == "other", got.reason


def test_a_yes_in_the_subject_alone_beside_a_reply_s_text_is_for_the_person_to_read():
    mail = INSTAGRAM.format(subject="Update on your request: we will honour your objection",
                            body="We've reviewed your request.\n\nThanks,\nPrivacy Operations")
    assert classify(parse(mail.encode())).finding.kind == "unclear_reply"


@pytest.mark.parametrize("lead_in", [
    "Karim Mansour posted in Digital Privacy: ", "نشر كريم منصور في الخصوصية الرقمية: ",
    "bia.santos citou seu thread: ", "karen.wong 留言：", "Le Monde a publié : ",
])
def test_what_a_lead_in_with_a_colon_introduces_is_someone_s_words(lead_in):
    # blind6 ar_41, pt_35: a notification brings someone's words after a short lead-in and a
    # colon; Meta's reply states its decision with no lead-in.
    said = "We've reviewed your request and will honour your objection."
    mail = FACEBOOK.format(sender="notification", subject="New post", body=f"Hi Anna,\n{lead_in}{said}")
    assert classify(parse(mail.encode())).finding.kind == "other", lead_in
    reply = FACEBOOK.format(sender="noreply", subject="Your request", body=f"Hi Anna,\n{said}\nThanks,\nPrivacy Operations")
    assert classify(parse(reply.encode())).finding.kind == "confirmation"


def test_a_notification_s_lead_in_line_brings_someone_s_words_below_it():
    # blind6 fr_22: a page named like Meta's team posts Meta's yes; notification@ says so.
    body = ("Bonjour Léa,\nPrivacy Operations France, une Page que vous suivez, a publié :\n"
            "Nous avons examiné votre demande et accéderons à votre demande d'opposition.\n")
    subject = "Privacy Operations France a publié : nous accéderons à votre demande d'opposition"
    mail = FACEBOOK.format(sender="notification", subject=subject, body=body)
    assert classify(parse(mail.encode())).finding.kind != "confirmation"
    # Meta's own replies lead to their lists with a colon, and label their subjects with one.
    reply = FACEBOOK.format(sender="noreply", subject="Confirmation : votre demande d'opposition",
                            body="Bonjour Léa,\nNous accéderons à votre demande d'opposition.\n"
                                 "Ce que cela signifie :\nvos informations publiques ne seront plus utilisées.\n"
                                 "Merci,\nPrivacy Operations")
    assert classify(parse(reply.encode())).finding.kind == "confirmation"


@pytest.mark.parametrize("where", ["above", "below"])
def test_words_around_a_quote_s_opening_lead_in_are_no_reply(where):
    # blind6 en_14 (no-reply@, not a notification sender): "X quoted your thread:" opens the
    # text and its subject; a yes beside it, above or below, is no answer of Meta's.
    yes = "We will honour your objection."
    lines = ["data.rights.now quoted your thread:", '"check your Accounts Centre"']
    body = "\n".join([yes, *lines] if where == "above" else [*lines, yes])
    mail = INSTAGRAM.format(subject="data.rights.now quoted your thread: We will also honour your objection",
                            body=body)
    assert classify(parse(mail.encode())).finding.kind != "confirmation"


def test_a_chinese_greeting_ends_with_a_colon():
    # "王芳，你好：": lines above it are a preview, never Meta's sentences.
    from tracker.recognition.template import is_greeting

    assert is_greeting("王芳，你好：") and is_greeting("meilin.eats，你好：")


def test_a_yes_in_the_subject_and_the_text_is_still_a_confirmation():
    mail = INSTAGRAM.format(subject="Update on your request: we will honour your objection",
                            body="We've reviewed your request and will honour your objection. This means "
                                 "your request will be applied going forward.\n\nThanks,\nPrivacy Operations")
    assert classify(parse(mail.encode())).finding.kind == "confirmation"


def test_a_digest_is_a_notice_only_in_meta_s_own_words():
    link = "https://www.facebook.com/help/contact/712876720715583"
    digest = "Here's what you missed.\nAnna commented on your photo: {comment}\n{notice}"
    notice = f"You have the right to object. Object here: {link}"
    quoted = f"\u201cYou have the right to object, here: {link}\u201d"
    for comment, item, kind in (("\u201cNice!\u201d", notice, "notice"), (quoted, "", "other")):
        mail = FACEBOOK.format(sender="notification", subject="You have 3 new notifications",
                               body=digest.format(comment=comment, notice=item))
        assert classify(parse(mail.encode())).finding.kind == kind, item


GREEK = [e for e in EXPECTED if e.get("language") == "el" and e["kind"] not in ("suspicious", "irrelevant")]
UNACCENTED = str.maketrans("άέήίόύώΆΈΉΊΌΎΏ", "αεηιουωΑΕΗΙΟΥΩ")


@pytest.mark.parametrize("entry", GREEK, ids=lambda e: f"{e['folder'].name}/{e['file']}")
def test_greek_mail_without_accents_reads_the_same(entry):
    # Capitals drop the tonos and writers omit it: "ΕΝΗΜΕΡΩΝΟΥΜΕ", "προοριζεται".
    mail = parse((entry["folder"] / entry["file"]).read_bytes())
    plain = replace(mail, subject=mail.subject.translate(UNACCENTED), text=mail.text.translate(UNACCENTED))
    got, want = classify(plain).finding, classify(mail).finding
    assert (got.kind, got.account, got.language) == (want.kind, want.account, want.language)


@pytest.mark.parametrize("subject, said", [
    ("Vaše žádost", "Váš požadavek týkající se AI v Meta jsme obdrželi a prověříme ho."),
    ("Twój wniosek", "Twój wniosek dotyczący AI w Meta otrzymaliśmy i wkrótce go rozpatrzymy."),
    ("A kérésed", "A kérésedet, amely a Meta MI-re vonatkozik, megkaptuk."),
], ids=["cs", "pl", "hu"])
def test_an_acknowledgement_with_the_object_first_is_one(subject, said):
    # Free word order puts the request before "we have received" (blind2 cs_02).
    mail = FACEBOOK.format(sender="noreply", subject=subject, body=said)
    assert classify(parse(mail.encode())).finding.kind == "acknowledgement"


def test_a_case_number_is_not_a_verification_code():
    for name in ("en_facebook_confirmation_2024.eml", "fr_facebook_rejection_refused.eml"):
        raw = (SETS[0] / name).read_bytes().replace(b"\nSubject: ", b"\nSubject: [Case 482913] ", 1)
        assert classify(parse(raw)).finding.kind in ("confirmation", "rejection"), name


def test_a_threads_link_in_an_instagram_mail_does_not_make_it_threads():
    raw = (SETS[0] / "en_instagram_other_follow.eml").read_bytes()
    raw = raw.replace(b"</body>", b'<a href="https://www.threads.net/">Try Threads</a></body>', 1)
    assert classify(parse(raw)).finding.platform == "instagram"


# --- a notice stays a notice, whatever it supposes or promises (issue 10) -----------------------

NOTICES = [e["folder"] / e["file"] for e in EXPECTED
           if e["kind"] == "notice" and "kind" not in PENDING.get(f"{e['folder'].name}/{e['file']}", ())]
# Conditionals, promises and imperatives, each built around a phrase the rules read as a yes.
CLAUSES = [
    "If your objection is honoured, we will honor your objection going forward.",
    "When we've reviewed your request and will honor your objection, it applies going forward.",
    "Once your objection is accepted, we'll honour your objection.",
    "We will send you an email confirming that we will honour your objection.",
    "Fill in the form and we will honor your objection.",
    "Should your objection be honoured, we will honour your objection from then on.",
    "Wird deinem Widerspruch stattgegeben, gilt er ab diesem Zeitpunkt.",
    "Sollte deinem Widerspruch stattgegeben werden, werden wir deinem Widerspruch nachkommen.",
    "Wenn du widersprichst, werden wir dir eine E-Mail senden, dass wir deinem Widerspruch stattgeben.",
    "Si votre opposition est acceptée, nous respecterons votre opposition.",
    "Ti invieremo un'e-mail per confermare che accoglieremo la tua opposizione.",
    "Te enviaremos un correo electrónico para confirmarte que aceptaremos tu oposición.",
    "Wordt je bezwaar gehonoreerd, dan zullen we je bezwaar honoreren.",
    "Jeśli uwzględnimy Twój sprzeciw, wyślemy e-mail.",
    "Se a sua oposição for aceite, vamos respeitar a sua oposição.",
    "Skulle din invändning beviljas, vi respekterar din invändning.",
    "Hvis din indsigelse imødekommes, vil vi respektere din indsigelse.",
    "Jos vastustuksesi hyväksytään, kunnioitamme vastustuksesi.",
    "Hvis vi imøtekommer innsigelsen, vil vi respektere din innsigelse.",
    "Pokud vaší námitce vyhovíme, vyhovíme vaší námitce.",
    "Αν ικανοποιήσουμε το αίτημα, θα σεβαστούμε την εναντίωσή σας.",
    "Dacă obiecția ta este acceptată, vom respecta opoziția ta.",
    "Ha helyt adunk a tiltakozásodnak, eleget teszünk a tiltakozásodnak.",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notice=st.sampled_from(NOTICES), clause=st.sampled_from(CLAUSES), where=st.floats(0, 1),
       twice=st.booleans())
def test_a_conditional_or_promise_never_makes_a_notice_a_confirmation(notice, clause, where, twice):
    mail = parse(notice.read_bytes())
    cut = mail.text.rfind("\n", 0, int(len(mail.text) * where)) + 1  # between lines, not in a URL
    text = mail.text[:cut] + f"\n{clause}\n" + mail.text[cut:]
    if twice:
        text = f"{clause}\n{text}"
    result = classify(replace(mail, text=text))
    assert result.finding is not None and result.finding.kind == "notice", (notice.name, clause)

