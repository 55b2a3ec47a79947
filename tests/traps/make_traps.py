#!/usr/bin/env python3
"""Write tests/traps/*.eml and expected.toml: one mail per failure issue 10 lists (and a few more
of the same shape), written for this set from the field guide's description of those failures.

Each is a trap for the recognition's worst error, a mail that is not Meta's yes ending as a
confirmation: notices with conditionals, promises and imperatives; comments and messages whose
quoted text holds outcome words, codes and "intended for"; code mails that never say "objection";
replies with boilerplate that sounds like a refusal; acknowledgements; replies nobody can read.
Deterministic: running it again gives the same bytes.

    python3 tests/traps/make_traps.py
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
POLICY = policy.default.clone(linesep="\n", max_line_length=78)
FB_FORM = "https://www.facebook.com/help/contact/712876720715583"
IG_FORM = "https://help.instagram.com/contact/767264225370182"
META_PRIVACY = "https://help.meta.com/support/privacy/"
LINKS = {"@FB": FB_FORM, "@IG": IG_FORM, "@META": META_PRIVACY}  # "[text](@FB)" in a paragraph
FB_FOOTER = "This message was sent to {addr}. Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland"
IG_FOOTER = ("This message was sent to {addr} and intended for {user}. © Instagram from Meta. "
             "Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland")


@dataclass
class Trap:
    file: str
    kind: str
    platform: str
    sender: tuple[str, str]
    subject: str
    paragraphs: list[str]  # text; "[text](url)" makes a link
    to: str
    account: str | None = None  # default: the To address
    language: str = "en"
    objection_url: str | None = None
    note: str = ""
    footer: str = FB_FOOTER
    user: str = ""
    wrap_nm: bool = False  # Facebook's /n/ wrapper naming the address in n_m
    n_m: str | None = None  # what n_m says, when not the To address
    suspicious_reason: str | None = None


FB_SENDER = ("Facebook", "noreply@facebookmail.com")
FB_NOTIFY = ("Facebook", "notification@facebookmail.com")
FB_SUPPORT = ("Facebook", "noreply@support.facebook.com")
FB_SECURITY = ("Facebook", "security@facebookmail.com")
IG_SENDER = ("Instagram", "no-reply@mail.instagram.com")
IG_SECURITY = ("Instagram", "security@mail.instagram.com")

EN_NOTICE_SUBJECT = "We're updating our Privacy Policy as we expand AI at Meta"
DE_NOTICE_SUBJECT = "Wir aktualisieren unsere Datenschutzrichtlinie, da wir KI bei Meta ausweiten"
DE_NOTICE_2025 = "Erfahre, wie wir deine Informationen im Zuge der Verbesserung von KI bei Meta verwenden"

TRAPS = [
    Trap("de_facebook_notice_verb_first_wird.eml", "notice", "facebook", FB_SENDER, DE_NOTICE_SUBJECT, [
        "Hallo Lena,",
        "wir möchten dir weitere Funktionen von KI bei Meta bieten. Dafür stützen wir uns künftig auf "
        "berechtigte Interessen, um deine Informationen für KI bei Meta zu verwenden.",
        "Du hast das [Recht, der Verwendung deiner Informationen zu widersprechen](@FB). Wird deinem "
        "Widerspruch stattgegeben, gilt er ab diesem Zeitpunkt.",
        "Danke, dein Meta-Datenschutzteam",
    ], "lena@example.org", language="de", objection_url=FB_FORM,
        note="issue 10: a verb-first conditional with no 'wenn' was stored as a confirmation"),
    Trap("de_facebook_notice_verb_first_sollte.eml", "notice", "facebook", FB_SENDER, DE_NOTICE_SUBJECT, [
        "Hallo Lena,",
        "Du kannst der Verwendung deiner Informationen für KI bei Meta [widersprechen](@FB).",
        "Sollte deinem Widerspruch stattgegeben werden, werden wir deinem Widerspruch nachkommen und "
        "deine Informationen nicht mehr verwenden.",
    ], "lena@example.org", language="de", objection_url=FB_FORM,
        note="issue 10: 'Sollte … stattgegeben werden, …' is a conditional too"),
    Trap("de_facebook_notice_2025_promise.eml", "notice", "facebook", FB_SENDER, DE_NOTICE_2025, [
        "Hallo Lena,",
        "Du kannst der Verwendung deiner Informationen zu diesen Zwecken [widersprechen](@FB). Wenn du "
        "einen Widerspruch einreichst, werden wir dir eine E-Mail mit der Bestätigung senden, dass wir "
        "deine öffentlichen Informationen nicht mehr verwenden werden. Wir geben deinem Widerspruch "
        "dann statt.",
    ], "lena@example.org", language="de", objection_url=FB_FORM,
        note="FG 2026: the German 2025 notice promises a confirming mail"),
    Trap("en_facebook_notice_imperative_fill_in.eml", "notice", "facebook", FB_SENDER,
         "Learn how we'll use your information as we improve AI at Meta", [
             "Hi Anna,",
             "We'll use public information to develop and improve AI at Meta.",
             "[Fill in the form](@FB) and we will honor your objection. This means your request will be "
             "applied going forward.",
         ], "anna@example.org", objection_url=FB_FORM,
        note="issue 10: an imperative with 'we will honor your objection' was stored as a confirmation"),
    Trap("en_facebook_notice_no_subject_imperative.eml", "notice", "facebook", FB_SENDER,
         "An update about AI at Meta", [
             "Hi Anna,",
             "You have the right to object to how we use your information for AI at Meta. Use "
             "[this form](@FB) and we'll honour your objection. We will send you an email confirming "
             "that we will honour your objection.",
         ], "anna@example.org", objection_url=FB_FORM,
        note="a notice without the policy-update subject: the right to object makes it one"),
    Trap("en_facebook_notice_subject_names_request.eml", "notice", "facebook", FB_SENDER,
         "Your objection request options for AI at Meta", [
             "Hi Anna,",
             "You have the right to object to how we use your information for AI at Meta. "
             "[Fill in the form](@FB) and we will honour your objection.",
         ], "anna@example.org", objection_url=FB_FORM,
        note="a notice whose subject names a request and an objection: the right to object decides"),
    Trap("de_facebook_notice_subject_widerspruchsrecht.eml", "notice", "facebook", FB_SENDER,
         "Dein Widerspruchsrecht und deine Anfrage zu KI bei Meta", [
             "Hallo Lena,",
             "Du kannst widersprechen. Fülle das Formular aus und wir geben deinem Widerspruch statt.",
         ], "lena@example.org", language="de",
        note="no link, the right to object in the subject, an imperative with the 2025 confirmation phrase"),
    Trap("it_instagram_notice_promise.eml", "notice", "instagram", IG_SENDER,
         "Stiamo aggiornando la nostra Informativa sulla privacy con l'espansione dell'IA di Meta", [
             "Ciao giulia.r,",
             "Hai il diritto di opporti. Compila il [modulo](@IG): ti invieremo un'e-mail per "
             "confermare che accoglieremo la tua opposizione e la tua richiesta verrà applicata "
             "d'ora in avanti.",
         ], "giulia@example.org", account="giulia.r", language="it", objection_url=IG_FORM,
        footer="Questo messaggio è stato inviato a {addr} ed è destinato a {user}.", user="giulia.r",
        note="issue 10 blind set: an Italian notice's promise of a confirming mail"),
    Trap("nl_facebook_notice_verb_first.eml", "notice", "facebook", FB_SENDER,
         "We werken ons Privacybeleid bij nu we AI bij Meta uitbreiden", [
             "Hoi Daan,",
             "Je hebt het recht om [bezwaar te maken](@FB). Wordt je bezwaar gehonoreerd, dan passen "
             "we het vanaf dat moment toe. Mocht je bezwaar worden gehonoreerd, we honoreren je "
             "bezwaar dan voor de toekomst.",
         ], "daan@example.org", language="nl", objection_url=FB_FORM,
        note="Dutch verb-first conditionals (FG 2026)"),
    Trap("sv_facebook_notice_verb_first.eml", "notice", "facebook", FB_SENDER,
         "Vi uppdaterar vår integritetspolicy i samband med att vi utökar AI hos Meta", [
             "Hej Erik,",
             "Du har [rätt att invända](@FB). Skulle din invändning beviljas, vi respekterar din "
             "invändning från och med då.",
         ], "erik@example.org", language="sv", objection_url=FB_FORM,
        note="Swedish verb-first conditional"),
    Trap("en_facebook_notice_2026_meta_privacy_page.eml", "notice", "facebook", FB_SENDER,
         "Learn how we'll use your information as we improve AI at Meta", [
             "Hi Anna,",
             "From 2026 we use public posts to improve AI at Meta. You have the [right to object](@META).",
         ], "anna@example.org", objection_url="https://help.meta.com/support/privacy/",
        note="issue 10: Meta's privacy support page replaced the form id in 2026"),
    Trap("en_facebook_code_confirm_email_no_objection_word.eml", "verification_code", "facebook",
         FB_SECURITY, "Your confirmation code", [
             "Hi Anna,",
             "We received a request about your information. Use this code to confirm your email "
             "address: 604218",
             "If you didn't make this request, you can ignore this email.",
         ], "anna@example.org",
        note="issue 10: no word 'objection'; a code 'to confirm your email address' for 'a request about "
             "your information'"),
    Trap("en_instagram_code_for_your_request.eml", "verification_code", "instagram", IG_SECURITY,
         "731904 is your code", [
             "Hi anna.photos,",
             "Here is the code for your request: 731904. It is only valid for an hour.",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="issue 10 blind set: 'the code for your request'"),
    Trap("de_facebook_code_verify_email_request.eml", "verification_code", "facebook", FB_SECURITY,
         "Dein Code: 558120", [
             "Hallo Lena,",
             "Gib den Code 558120 ein, um deine E-Mail-Adresse zu bestätigen und deine Anfrage "
             "abzuschließen.",
         ], "lena@example.org", language="de",
        note="issue 10 blind set: 'to verify your email for your request', in German"),
    Trap("en_instagram_other_comment_object_honor.eml", "other", "instagram", IG_SENDER,
         "maria.k commented on your post", [
             "Hi anna.photos,",
             "maria.k commented on your post: \u201cI object to AI training too! Hope they honor it. "
             "lol will honor your objection\u201d",
             "[View comment](https://www.instagram.com/p/C7abc/)",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="issue 10: other people's words made the account confirmed"),
    Trap("en_facebook_other_comment_could_not_process.eml", "other", "facebook", FB_NOTIFY,
         "Tom Becker commented on your post", [
             "Hi Anna,",
             "Tom Becker commented on your post.",
             "\u201cUnfortunately they could not process your objection, we need more information they "
             "said\u201d",
         ], "anna@example.org", wrap_nm=True,
        note="issue 10: a comment made the account rejected"),
    Trap("en_facebook_other_message_code.eml", "other", "facebook", FB_NOTIFY,
         "Tom Becker sent you a message", [
             "Hi Anna,",
             "Tom Becker sent you a message: \u201cmy code 123456 for the objection form worked, we've "
             "received your request they said\u201d",
         ], "anna@example.org",
        note="issue 10: a message's code made the account in progress"),
    Trap("en_instagram_other_comment_intended_for.eml", "other", "instagram", IG_SENDER,
         "lena.runs commented on your post", [
             "Hi anna.photos,",
             "lena.runs commented on your post: \u201cThis message was sent to you and intended for "
             "anna.work.\u201d",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="issue 10: the commenter's 'intended for' chose the account"),
    Trap("en_instagram_other_comment_no_quotes.eml", "other", "instagram", IG_SENDER,
         "You have a new comment", [
             "Hi anna.photos,",
             "maria.k commented: we've reviewed your request and will honor your objection haha",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="a comment without quotation marks, in the template's first line"),
    Trap("de_instagram_other_comment_outcome_words.eml", "other", "instagram", IG_SENDER,
         "lena.k hat deinen Beitrag kommentiert", [
             "Hallo anna.photos,",
             "lena.k hat deinen Beitrag kommentiert: „Wir geben deinem Widerspruch statt, haha! Mein "
             "Code 482913 für die Anfrage kam nie. Leider konnten wir deinen Antrag nicht bearbeiten.“",
         ], "anna@example.org", account="anna.photos", language="de",
        footer="Diese Nachricht wurde an {addr} gesendet und ist für {user} bestimmt.", user="anna.photos",
        note="a German comment with a confirmation phrase, a code and a refusal"),
    Trap("fr_instagram_other_message_outcome_words.eml", "other", "instagram", IG_SENDER,
         "Nouveau message de camille.d", [
             "Bonjour anna.photos,",
             "camille.d vous a envoyé un message : « Nous respecterons votre opposition, m'a dit Meta. "
             "Code 551203 pour votre demande. Ce message est destiné à camille.d »",
         ], "anna@example.org", account="anna.photos", language="fr",
        footer="Ce message a été envoyé à {addr} et est destiné à {user}.", user="anna.photos",
        note="a French message quoting an outcome, a code and an 'intended for' line"),
    Trap("es_facebook_other_comment_code.eml", "other", "facebook", FB_NOTIFY,
         "Lucía comentó tu publicación", [
             "Hola Ana:",
             "Lucía comentó tu publicación: “Mi código 730215 para la solicitud de oposición funcionó. "
             "Aceptaremos tu oposición, dicen.”",
         ], "ana@example.es", language="es",
        note="a Spanish comment with a code and a confirmation phrase"),
    Trap("sv_instagram_acknowledgement.eml", "acknowledgement", "instagram", IG_SENDER,
         "Din begäran om AI hos Meta", [
             "Hej erik.s,",
             "Vi har tagit emot din invändning och kommer att granska den. Om din invändning beviljas "
             "respekterar vi din invändning framöver.",
         ], "erik@example.org", account="erik.s", language="sv",
        footer="Det här meddelandet skickades till {addr} och är avsett för {user}.", user="erik.s",
        note="a Swedish acknowledgement with an 'om' conditional"),
    Trap("pl_facebook_acknowledgement.eml", "acknowledgement", "facebook", FB_SUPPORT,
         "Twój wniosek dotyczący AI w Meta", [
             "Cześć Ola,",
             "Otrzymaliśmy Twój wniosek i rozpatrzymy go. Jeśli uwzględnimy Twój sprzeciw, będzie on "
             "stosowany od tej chwili.",
         ], "ola@example.pl", language="pl",
        note="a Polish acknowledgement with a conditional grant"),
    Trap("it_facebook_confirmation_links_form_again.eml", "confirmation", "facebook", FB_SUPPORT,
         "La tua richiesta relativa all'IA di Meta", [
             "Ciao Marco,",
             "Abbiamo esaminato la tua richiesta e accoglieremo la tua opposizione. Per gli account che "
             "non sono nello stesso Centro gestione account, compila di nuovo il [modulo](@FB).",
         ], "marco@example.it", language="it",
        note="an Italian confirmation that links the form again"),
    Trap("en_facebook_unclear_reply_states_right.eml", "unclear_reply", "facebook", FB_SUPPORT,
         "Your request about AI at Meta", [
             "Hi Anna,",
             "We've reviewed your request and will honour your objection. You have the right to object "
             "for each of your other accounts: use [this form](@FB).",
             "Thanks, Privacy Operations",
         ], "anna@example.org", objection_url=None,
        note="a yes in a mail that also states the right to object: ask, do not guess"),
    Trap("en_instagram_other_unknown_template_post_link.eml", "other", "instagram", IG_SENDER,
         "Something on your post", [
             "Hi anna.photos,",
             "lena.runs: we've reviewed your request and will honor your objection. Thanks, Privacy "
             "Operations (jk)",
             "[View](https://www.instagram.com/p/C7xyz/c/17900000000000001/)",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="a template the rules do not know, a comment with no quotation marks: the link to the post "
             "says it is everyday mail"),
    Trap("nb_facebook_confirmation_inbox_boilerplate.eml", "confirmation", "facebook", FB_SUPPORT,
         "Svar på innsigelsen din", [
             "Hei Jonas,",
             "Vi har gjennomgått forespørselen din og vil etterkomme innsigelsen din. Det betyr at "
             "forespørselen din gjelder fremover.",
             "Denne innboksen kan ikke motta innkommende meldinger. Hvis du svarer oss, blir svaret "
             "ikke mottatt.",
             "Hilsen Privacy Operations",
         ], "jonas@example.net", language="nb",
        note="issue 10 blind set: the boilerplate's 'kan ikke' was read as a refusal"),
    Trap("en_facebook_confirmation_support_inbox_2024.eml", "confirmation", "facebook", FB_SUPPORT,
         "Your request about AI at Meta", [
             "Hi Darren,",
             "We've reviewed your request and will honor your objection. This means your request will "
             "be applied going forward. If you want to learn more about generative AI, and our privacy "
             "work in this new space, please review the information we have in Privacy Center. "
             "[facebook.com/privacy/genai](https://www.facebook.com/privacy/genai)",
             "This inbox cannot accept incoming messages. If you send us a reply, it won't be received.",
             "Thanks, Privacy Operations",
         ], "darren@example.org",
        note="FG 2026: the whole 2024 reply as it appears in the Support Inbox"),
    Trap("en_instagram_confirmation_links_form_again.eml", "confirmation", "instagram", IG_SENDER,
         "An update on your objection request", [
             "Hi anna.photos,",
             "We will honour your objection for your public information, such as public posts and "
             "comments, and for the other accounts in the same Accounts Centre as this account.",
             "Accounts that aren't in this Accounts Centre need their own objection: use [this form](@IG) "
             "for each of them.",
             "Thanks, Privacy Operations",
         ], "anna@example.org", account="anna.photos", footer=IG_FOOTER, user="anna.photos",
        note="issue 10 blind set: a confirmation that links the form again was read as a notice"),
    Trap("en_facebook_acknowledgement_received.eml", "acknowledgement", "facebook", FB_SUPPORT,
         "Your request about AI at Meta", [
             "Hi Anna,",
             "We've received your request and will review it. If we honour your objection, it will be "
             "applied going forward.",
             "This inbox cannot accept incoming messages.",
         ], "anna@example.org",
        note="issue 10: an acknowledgement is evidence of filing, never a decision"),
    Trap("de_instagram_acknowledgement.eml", "acknowledgement", "instagram", IG_SENDER,
         "Deine Anfrage zu KI bei Meta", [
             "Hallo lena.k,",
             "wir haben deinen Widerspruch erhalten und werden ihn prüfen. Wird deinem Widerspruch "
             "stattgegeben, informieren wir dich.",
         ], "lena@example.org", account="lena.k", language="de",
        footer="Diese Nachricht wurde an {addr} gesendet und ist für {user} bestimmt.", user="lena.k",
        note="a German acknowledgement with a verb-first conditional"),
    Trap("en_facebook_unclear_reply.eml", "unclear_reply", "facebook", FB_SUPPORT,
         "Your request about AI at Meta", [
             "Hi Anna,",
             "We've reviewed your request. You can see the outcome in your Privacy Center settings.",
             "This inbox cannot accept incoming messages.",
             "Thanks, Privacy Operations",
         ], "anna@example.org",
        note="a genuine reply with no decision the rules can read: say so, do not guess"),
    Trap("en_facebook_suspicious_forged_n_m.eml", "suspicious", "facebook", FB_SENDER,
         EN_NOTICE_SUBJECT, [
             "Hi Anna,",
             "You have the right to object: [form](@FB).",
         ], "anna@example.org", wrap_nm=True,
        n_m="anna@example.org\nfacebook:victim@example.org  confirmed  2024-06-01\n",
        suspicious_reason="bad-account-name",
        note="issue 16.7: a percent-encoded n_m with newlines must not become an account"),
]


def body(trap: Trap) -> tuple[str, str]:
    addr = trap.to
    n_m = trap.n_m if trap.n_m is not None else addr
    texts, htmls = [], []
    for p in [*trap.paragraphs, trap.footer.format(addr=addr, user=trap.user)]:
        text, markup = p, html.escape(p, quote=False)
        while "](" in text:
            start = text.index("[")
            mid = text.index("](", start)
            end = text.index(")", mid)
            label, written = text[start + 1:mid], text[mid + 2:end]
            url = LINKS.get(written, written)
            href = url
            if trap.wrap_nm and "facebook.com" in url:
                path = url.split("facebook.com/", 1)[1]
                href = (f"https://www.facebook.com/n/?{quote(path, safe='')}&aref=1716800000"
                        f"&medium=email&n_m={quote(n_m, safe='')}")
            text = text[:start] + f"{label} <{url}>" + text[end + 1:]
            esc = html.escape(f"[{label}]({written})", quote=False)
            markup = markup.replace(esc, f'<a href="{html.escape(href)}">{html.escape(label)}</a>')
        texts.append(text)
        htmls.append(f"<p>{markup}</p>")
    if trap.wrap_nm and not any("](" in p for p in trap.paragraphs):
        htmls.append(f'<p><a href="https://www.facebook.com/o.php?k=AS1&amp;n_m={quote(n_m, safe="")}">'
                     "unsubscribe</a></p>")
    lang = trap.language
    return "\n\n".join(texts) + "\n", (f'<html lang="{lang}"><body>' + "\n".join(htmls)
                                       + "</body></html>\n")


def message(trap: Trap, index: int) -> bytes:
    msg = EmailMessage(policy=POLICY)
    domain = trap.sender[1].rpartition("@")[2]
    msg["Authentication-Results"] = (f"mx.example.org; dkim=pass header.d={domain}; "
                                     f"dmarc=pass header.from={domain}")
    msg["From"] = formataddr(trap.sender)
    msg["To"] = trap.to
    msg["Subject"] = trap.subject
    msg["Date"] = format_datetime(datetime(2024, 6, 1, 9, tzinfo=UTC) + timedelta(hours=index))
    msg["Message-ID"] = f"<trap{index:03d}.{trap.file.removesuffix('.eml')}@{domain}>"
    text, markup = body(trap)
    msg.set_content(text, cte="quoted-printable")
    msg.add_alternative(markup, subtype="html", cte="quoted-printable")
    msg.set_boundary(f"=_trap{index:03d}")  # not random: the same bytes every run
    return msg.as_bytes()


def manifest() -> str:
    lines = ["# Traps for the recognition's worst error (issue 10). Generated by make_traps.py:",
             "# edit the script, not this file.", ""]
    for trap in TRAPS:
        lines += ["[[mail]]", f'file = "{trap.file}"', f'kind = "{trap.kind}"']
        if trap.kind == "suspicious":
            lines.append(f'suspicious_reason = "{trap.suspicious_reason}"')
        else:
            lines += [f'platform = "{trap.platform}"', f'account = "{trap.account or trap.to}"',
                      f'address = "{trap.to}"', f'language = "{trap.language}"']
            if trap.objection_url:
                lines.append(f'objection_url = "{trap.objection_url}"')
        lines += [f"note = {json.dumps(trap.note, ensure_ascii=False)}", ""]
    return "\n".join(lines)


def main() -> None:
    for old in HERE.glob("*.eml"):
        old.unlink()
    for index, trap in enumerate(TRAPS):
        (HERE / trap.file).write_bytes(message(trap, index))
    (HERE / "expected.toml").write_text(manifest(), encoding="utf-8")


if __name__ == "__main__":
    main()
