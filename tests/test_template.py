"""Only Meta's own sentences decide (issue 19 item 4, issue 20 item 3): a reply is cut by its
template's structure to what lies between the greeting and the sign-off, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.recognition.classify import classify
from tracker.recognition.parse import parse
from tracker.recognition.template import meta_body

FIXTURES = Path(__file__).parent / "fixtures"
YES = "We've reviewed your request and will honour your objection."
MAIL = ("From: Facebook <noreply@facebookmail.com>\nTo: anna@example.org\nSubject: {subject}\n"
        "Message-ID: <t@facebookmail.com>\nContent-Type: text/plain; charset=utf-8\n\n{body}\n")
FOOTER = ("This message was sent to anna@example.org.\n"
          "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland")
# (greeting, Meta's sentence, sign-off, team): the template's parts in several languages and scripts.
TEMPLATES = {
    "en": ("Hi Anna,", "Thank you for contacting us about your request.", "Thanks,",
           "The Meta Privacy team"),
    "de": ("Hallo Anna,", "Vielen Dank für deine Nachricht zu deiner Anfrage.", "Vielen Dank",
           "Das Datenschutzteam von Meta"),
    "fr": ("Bonjour Anna,", "Merci de nous avoir contactés au sujet de votre demande.", "Merci,",
           "L'équipe Confidentialité de Meta"),
    "ja": ("こんにちは、Annaさん", "リクエストについてお問い合わせいただきありがとうございます。", "よろしくお願いいたします",
           "Metaプライバシーチーム"),
    "ko": ("anna님, 안녕하세요.", "요청에 관해 문의해 주셔서 감사합니다.", "감사합니다",
           "Meta 개인정보 보호팀"),
    "xx": ("", "Terima kasih telah menghubungi kami.", "Salam,", "Privacy Operations"),
}
# Where a reply carries words that are not Meta's: the person's request copied back.
NOT_META = {
    "after the sign-off": "{reply}\n\n{words}\n\n" + FOOTER,
    "after the footer": "{reply}\n\n" + FOOTER + "\n\n{words}",
    "quoted": "{reply}\n\n" + FOOTER + "\n\nOn 1 Oct 2026, anna@example.org wrote:\n> {words}",
    "quoted above the sign-off": "{head}\n\n> {words}\n\n{tail}\n\n" + FOOTER,
    "under a separator": "{head}\n\n-----Original Message-----\nFrom: Anna <anna@example.org>\n{words}\n\n"
                         + FOOTER,
    "under a separator line": "{reply}\n\n====================\n{words}\n\n" + FOOTER,
}


def reply(lang: str) -> tuple[str, str]:
    greeting, said, sign_off, team = TEMPLATES[lang]
    return f"{greeting}\n\n{said}", f"{sign_off}\n{team}"


@pytest.mark.parametrize("lang", TEMPLATES)
@pytest.mark.parametrize("where", NOT_META)
def test_words_outside_meta_s_sentences_never_decide(lang, where):
    head, tail = reply(lang)
    body = NOT_META[where].format(reply=f"{head}\n\n{tail}", head=head, tail=tail, words=YES)
    assert "honour" not in meta_body(body)
    finding = classify(parse(MAIL.format(subject="Your request", body=body).encode())).finding
    assert finding.kind != "confirmation", (lang, where, finding.reason)


# Meta's yes in each template's own language (a yes in another language is no reply of Meta's).
OWN_YES = {"en": YES, "de": "Wir geben deinem Widerspruch statt.", "fr": "Nous respecterons votre opposition.",
           "ja": "お客様の異議申し立てを受理しました。", "ko": "귀하의 이의 제기를 수용하겠습니다.",
           "xx": "Kami akan menghormati keberatan Anda."}


@pytest.mark.parametrize("lang", TEMPLATES)
def test_meta_s_own_sentence_still_decides(lang):
    head, tail = reply(lang)
    body = f"{head}\n\n{OWN_YES[lang]}\n\n{tail}\n\n{FOOTER}\n\n> Please stop using my data.\n"
    assert OWN_YES[lang] in meta_body(body)
    assert classify(parse(MAIL.format(subject="Your request", body=body).encode())).finding.kind \
        == "confirmation"


def test_both_copies_of_a_mail_are_read_and_a_greeting_in_a_copied_request_restarts_nothing():
    mail = parse((FIXTURES / "fr_facebook_rejection_refused.eml").read_bytes())
    said = meta_body(mail.text)
    assert said.count("Nous pouvons continuer") == 2  # plain text and the HTML's text
    body = ("Hi Anna,\n\nThank you for your message.\n\nThanks,\nPrivacy Operations\n\n"
            f"Dear Meta Privacy team,\n{YES}\n")
    assert "honour" not in meta_body(body)


def test_a_reply_stating_both_a_yes_and_a_no_is_unclear():
    body = ("Hi Anna,\n\nWe will honour your objection. We can't process your request as "
            f"submitted.\n\nThanks,\nPrivacy Operations\n\n{FOOTER}")
    finding = classify(parse(MAIL.format(subject="Your request", body=body).encode())).finding
    assert finding.kind == "unclear_reply" and "both" in str(finding.reason)


def test_a_no_outside_meta_s_sentences_makes_a_yes_unclear():
    # Cutting may only take a yes away: a refusal below the sign-off still stops a confirmation.
    body = (f"Hi Anna,\n\n{YES}\n\nThanks,\nPrivacy Operations\n\n"
            "We cannot process your request.\n\n" + FOOTER)
    finding = classify(parse(MAIL.format(subject="Your request", body=body).encode())).finding
    assert finding.kind == "unclear_reply", finding.reason


def test_a_yes_on_a_condition_after_it_is_no_yes():
    body = ("Hi Anna,\n\nThanks for reaching out. Unfortunately we can't process your request as "
            "submitted. We'll honor your objection only if we can verify the details.\n\n" + FOOTER)
    finding = classify(parse(MAIL.format(subject="Your request", body=body).encode())).finding
    assert finding.kind == "rejection", finding.reason


def test_a_heading_naming_meta_above_the_greeting_does_not_end_meta_s_words():
    body = f"Your request about AI at Meta\nHi Anna,\n\n{YES}\n\nThanks,\nPrivacy Operations\n\n{FOOTER}"
    assert YES in meta_body(body)


def test_a_yes_only_in_another_language_than_the_mail_s_is_no_yes():
    body = ("Hej erik.s,\n\nVi har tagit emot din invändning och kommer att granska den.\n\n"
            f"{YES}\n\nDet här meddelandet skickades till anna@example.org.")
    finding = classify(parse(MAIL.format(subject="Din begäran om AI hos Meta", body=body).encode())).finding
    assert finding.kind == "unclear_reply" and "only, in a mail written in" in str(finding.reason)


def test_a_yes_in_a_mail_whose_subject_names_no_request_is_no_yes():
    body = f"Hi Anna,\n\nMeta AI is now available on WhatsApp.\n\n{YES}\n\n{FOOTER}"
    finding = classify(parse(MAIL.format(subject="Learn about Meta AI", body=body).encode())).finding
    assert finding.kind == "unclear_reply" and "subject names no request" in str(finding.reason)


def test_an_html_blockquote_is_quoted_text():
    html = ("<html><body><p>Hi Anna,</p><p>Thank you for contacting us about your request.</p>"
            f"<blockquote><p>{YES}</p></blockquote><p>Thanks,<br>Privacy Operations</p></body></html>")
    mail = MAIL.replace("text/plain", "text/html").format(subject="Your request", body=html)
    parsed = parse(mail.encode())
    assert f"> {YES}" in parsed.text
    assert classify(parsed).finding.kind != "confirmation"


def test_the_footer_naming_the_address_ends_meta_s_words_but_a_sentence_naming_it_does_not():
    receipt = ("Hallo lena.k,\n\nwir haben deinen Widerspruch erhalten und werden ihn prüfen.\n\n"
               "Diese Nachricht wurde an lena@example.org gesendet und ist für lena.k bestimmt.\n\n"
               "Wir geben deinem Widerspruch statt\n")
    assert "Wir geben" not in meta_body(receipt, ["lena@example.org"])
    said = ("Hi,\n\nThanks for your request.\n\nWe'll review it and email you at lena@example.org when "
            "we've made a decision.\n\nRequest reference: 1187\n\nWhatsApp Support\n\nFooter line\n\nMore\n")
    assert "email you at" in meta_body(said, ["lena@example.org"])
