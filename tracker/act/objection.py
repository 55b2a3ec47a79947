"""What filing one account's objection takes, in the user's words: the form to open, the address
the code goes to and the configured mailbox that receives it, whether an Accounts Center link to a
confirmed account makes the objection unnecessary, and the text to paste into the form.

Pure over stored states and the config (the text file aside): `objection-tracker object` prints
what `plan` returns, then tracker/act/watch.py watches the mailbox it names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tracker.act.report import label
from tracker.config import Config, MailboxConfig, ObjectionConfig
from tracker.errors import ConfigError
from tracker.mail.credentials import check_available
from tracker.recognition import codes, rules
from tracker.store.state import PENDING, AccountState

# The form's free-text field ("Please tell us how this processing impacts you") refused answers
# under 100 characters in 2024 (field guide, "the code step"): every template is well above that.
# Our own wording; Art. 21(1) GDPR is the right Meta's notices name. Meta may copy the request back
# under its reply: no template says what Meta's yes or no says ("honour my objection", "I cannot"),
# so a copy can never decide (tests/test_own_words.py, issue 20 item 3).
TEMPLATES: dict[str, str] = {
    "en": (
        "I object under Article 21(1) GDPR to Meta using my personal data, including my posts, "
        "photos, comments and other content, to develop and improve AI at Meta and its generative "
        "AI models. I shared this content with people I chose, not to train AI systems. Once my "
        "data is in a trained model I can neither see nor control how it is used, and it stays "
        "there for good. This processing affects my privacy, my control over my own words and "
        "images, and the privacy of the people who appear in them. Please stop processing my data "
        "for this purpose and tell me by email what you have decided."
    ),
    "de": (
        "Ich widerspreche gemäß Art. 21 Abs. 1 DSGVO der Verwendung meiner personenbezogenen "
        "Daten, einschließlich meiner Beiträge, Fotos, Kommentare und sonstigen Inhalte, für die "
        "Entwicklung und Verbesserung von KI bei Meta und ihrer generativen KI-Modelle. Ich habe "
        "diese Inhalte mit Menschen geteilt, die ich ausgewählt habe, nicht zum Training von "
        "KI-Systemen. Sind meine Daten einmal in einem trainierten Modell, kann ich weder sehen "
        "noch steuern, wie sie verwendet werden, und sie nicht zurückholen. Diese Verarbeitung "
        "beeinträchtigt meine Privatsphäre, meine Kontrolle über meine eigenen Worte und Bilder "
        "und die Privatsphäre der Menschen, die darauf zu sehen sind. Bitte verarbeiten Sie meine "
        "Daten nicht mehr zu diesem Zweck und teilen Sie mir per E-Mail mit, wie Sie entschieden "
        "haben."
    ),
    "fr": (
        "Je m'oppose, en vertu de l'article 21, paragraphe 1, du RGPD, à l'utilisation de mes "
        "données personnelles, y compris mes publications, photos, commentaires et autres "
        "contenus, pour développer et améliorer l'IA chez Meta et ses modèles d'IA générative. "
        "J'ai partagé ces contenus avec des personnes de mon choix, pas pour entraîner des "
        "systèmes d'IA. Une fois mes données intégrées à un modèle entraîné, je ne peux ni voir "
        "ni contrôler leur utilisation, ni les retirer. Ce traitement porte atteinte à ma vie "
        "privée, à la maîtrise de mes propres mots et images, et à la vie privée des personnes "
        "qui y figurent. Merci de cesser ce traitement de mes données et de m'indiquer par "
        "e-mail votre décision."
    ),
}
MIN_TEXT = 100  # what the 2024 form asked for at least
TEMPLATE_NAMES = {"en": "English", "de": "German", "fr": "French"}
LANGUAGE_NAMES = {lang.code: f"{lang.name} ({lang.code})" for lang in rules.LANGUAGES}
URL = re.compile(r"<?https?://\S+")


@dataclass(frozen=True)
class ObjectionText:
    text: str
    source: str  # in words: "the built-in English template", "[objection] text_file …"


@dataclass(frozen=True)
class Coverage:
    """A confirmed account whose reply says it covers its Accounts Center."""

    confirmed: str  # platform:account
    command: str  # the `link` command that records that both share an Accounts Center


@dataclass(frozen=True)
class Guide:
    state: AccountState
    known: bool  # the tracker knew the account from mail or marks
    form_url: str
    form_from_mail: dt.datetime | None  # the date of the mail that gave the link; None: built in
    address: str | None  # where the code goes: the address Meta's latest mail went to
    other_addresses: tuple[str, ...]
    mailbox: MailboxConfig | None  # the configured mailbox that receives `address`
    coverage: tuple[Coverage, ...]
    group_waiting: tuple[str, ...]  # linked members: one objection for any of them covers all
    language: str
    text: ObjectionText

    @property
    def key(self) -> str:
        return self.state.key


def next_account(states: list[AccountState]) -> AccountState | None:
    """The account `object --next` takes: the first that needs action (rejected ones after),
    in the status table's order (a WhatsApp account without its objection's mail is not pending)."""
    waiting = [s for s in states if s.state in PENDING]
    waiting.sort(key=lambda s: (PENDING.index(s.state), s.since))
    return waiting[0] if waiting else None


def plan(config: Config, states: list[AccountState], platform: str, account: str) -> Guide:
    state = next((s for s in states if s.platform == platform and s.account == account), None)
    known = state is not None
    if state is None:
        now = dt.datetime.now(dt.UTC)
        state = AccountState(platform, account, "needs_action", now, "manual",
                             rules.DEFAULT_OBJECTION_URL.get(platform))
    mails = sorted(state.evidence, key=lambda e: e.date)
    giving_link = [e for e in mails if e.objection_url]
    if giving_link:
        form_url = giving_link[-1].objection_url
    elif platform == "whatsapp":
        # No link to WhatsApp's AI objection form is published (FG 2026-12): Meta's privacy help
        # leads to its current forms; the data-rights form is not the objection.
        form_url = rules.WHATSAPP_OBJECTION_START
    else:
        form_url = state.objection_url or rules.DEFAULT_OBJECTION_URL[platform]
    addressed = [e for e in mails if e.address]
    address = addressed[-1].address if addressed else (account if "@" in account else None)
    others = tuple(sorted({e.address for e in addressed if e.address and e.address != address}))
    languages = [e.language for e in mails if e.language]
    language = languages[-1] if languages else "en"
    return Guide(
        state=state, known=known, form_url=form_url or "",
        form_from_mail=giving_link[-1].date if giving_link else None,
        address=address, other_addresses=others,
        mailbox=receiving_mailbox(config, state, address),
        coverage=_coverage(state, states),
        group_waiting=tuple(k for k in state.group if k != state.key),
        language=language, text=objection_text(config.objection, language),
    )


def receiving_mailbox(config: Config, state: AccountState, address: str | None) -> MailboxConfig | None:
    """The configured mailbox where Meta's mail to `address` landed last, else one that logs in
    as that address."""
    if not address:
        return None
    names = {b.name: b for b in config.mailboxes}
    landed = [e for e in sorted(state.evidence, key=lambda e: e.date)
              if e.address == address and e.mailbox in names]
    if landed:
        return names[landed[-1].mailbox]
    return next((b for b in config.mailboxes if b.username.lower() == address.lower()), None)


def _coverage(state: AccountState, states: list[AccountState]) -> tuple[Coverage, ...]:
    """Confirmed accounts whose reply says it covers every account of its Accounts Center (Meta's
    2025 replies say so). Whether this account is in the same Accounts Center only the user knows."""
    found = []
    for other in states:
        if (other.key != state.key and other.key not in state.group and other.says_covers_linked
                and other.platform != "whatsapp"):
            found.append(Coverage(other.key, f"objection-tracker link {other.key} {state.key}"))
    return tuple(found)


def objection_text(settings: ObjectionConfig, language: str) -> ObjectionText:
    if settings.text:
        return ObjectionText(settings.text.strip(), "your own text ([objection] text)")
    if settings.text_file:
        try:
            text = settings.text_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"objection.text_file: cannot read {settings.text_file}: "
                              f"{exc.strerror}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"objection.text_file: {settings.text_file} is not UTF-8") from None
        if not text:
            raise ConfigError(f"objection.text_file: {settings.text_file} is empty")
        return ObjectionText(text, f"your own text ([objection] text_file {settings.text_file})")
    if language in TEMPLATES:
        return ObjectionText(TEMPLATES[language], f"the built-in {TEMPLATE_NAMES[language]} template")
    name = LANGUAGE_NAMES.get(language, language)
    return ObjectionText(TEMPLATES["en"], f"the built-in English template (none in {name} yet)")


def code_in(text: str) -> str | None:
    """The code a code mail gives (5 to 8 digits): a number standing where a code stands."""
    return codes.code_in(text)


def describe(guide: Guide) -> list[str]:
    """Steps 1 and 2 of the walk-through: what the account needs, and the text to paste."""
    s = guide.state
    lines = [f"{s.key}: {label(s)} since {s.since:%Y-%m-%d}" if guide.known else
             f"{s.key}: not known from mail yet; it needs its own objection like every account"]
    if s.platform == "whatsapp" and not guide.form_from_mail:
        if s.state == "no_objection_available":
            lines[0] = f"{s.key}: no mail of WhatsApp's AI objection yet"
        return lines + _whatsapp_steps(guide)
    if guide.form_from_mail:
        lines.append(f"1. Form: {guide.form_url}")
        lines.append(f"   (the latest link Meta sent for this account, {guide.form_from_mail:%Y-%m-%d})")
    else:
        lines.append(f"1. Form: {guide.form_url}")
        lines.append("   (the tracker's built-in form for this platform: no mail of Meta's gave one)")
    if guide.address:
        lines.append(f"   The code goes to {guide.address}, the address Meta's mail for this "
                     "account went to.")
    else:
        lines.append("   The code goes to the address registered on this account; the tracker has "
                     "no mail that shows which one.")
    if guide.other_addresses:
        lines.append(f"   Earlier mail went to {', '.join(guide.other_addresses)}.")
    if guide.mailbox:
        b = guide.mailbox
        lines.append(f"   Mailbox {b.name!r} ({b.username} at {b.host}) receives it: the tracker "
                     "watches it for the code.")
    else:
        lines.append("   No configured mailbox receives mail for this address: add it, or watch "
                     "that inbox yourself.")
    if guide.group_waiting:
        lines.append(f"   Linked in one Accounts Center with {', '.join(guide.group_waiting)}: "
                     "this objection covers them too.")
    if guide.coverage:
        for c in guide.coverage:
            lines.append(f"   Accounts Center: {c.confirmed} is confirmed, and Meta's reply says it "
                         "covers every account in its Accounts Center. If this account is in the "
                         f"same one, no objection is needed; record it with: {c.command}")
    else:
        lines.append("   Accounts Center: no confirmed account's reply says it covers linked "
                     "accounts, so a link would not make this objection unnecessary.")
    lines.append(f"2. Text for the form's field \"how does this processing impact you\" "
                 f"({guide.text.source}; at least {MIN_TEXT} characters):")
    lines.append("")
    lines += guide.text.text.splitlines()  # as it is, unindented: copied from the terminal whole
    lines.append("")
    return lines


def _whatsapp_steps(guide: Guide) -> list[str]:
    """WhatsApp's AI objection (Brazil, late 2025; FG 2026-12): a form with phone number and
    e-mail, a numeric code by mail, then Meta's confirmation. No link to the form is published."""
    lines = [
        "   WhatsApp's AI objection (Brazil, from late 2025) covers your messages with AIs on "
        "WhatsApp. The tracker knows no fixed link to its form, and where it is not offered "
        "there is nothing to file.",
        f"1. Form: the link Meta's notice or a guide gave you; else start at {guide.form_url} "
        "(Meta's privacy help, which leads to its current forms).",
        f"   Not the general data-rights form ({rules.WHATSAPP_DATA_RIGHTS_URL}): Meta answered "
        "requests sent there that they are about Meta AI, not WhatsApp.",
        "   The form asks for the phone number of the WhatsApp account (with its country code) and "
        "an e-mail address: a numeric code is mailed there.",
    ]
    if guide.address:
        lines.append(f"   Give {guide.address}: " + (
            f"mailbox {guide.mailbox.name!r} receives it, and the tracker watches it for the code."
            if guide.mailbox else "no configured mailbox receives it; watch that inbox yourself."))
    lines.append(f"2. If the form asks how the processing affects you ({guide.text.source}):")
    lines.append("")
    lines += guide.text.text.splitlines()
    lines.append("")
    return lines


def no_code_advice(minutes: float, address: str | None, mailbox: str, folders: list[str]) -> list[str]:
    """What is known to keep the code mail away, and what to try (step 5)."""
    where = address or "the address registered on the account"
    return [
        f"No code mail after {minutes:g} minute(s). Known causes, and what to try:",
        f"  - The code goes to the address registered on that account, which may not be {where}: "
        "look up the account's addresses (Accounts Center, Personal details, Contact info) and "
        "ask for the code for another one you can read.",
        f"  - Look in the spam folder of the mailbox that receives that address (the tracker "
        f"watches {' and '.join(folders)} of {mailbox!r} only).",
        "  - The code mail sometimes never comes: ask for a code again after an hour (a code is "
        "valid for about an hour).",
        "  - The form's own \"didn't get a code\" (resend) path sends a new one.",
        "  Still watching.",
    ]



def check_mailbox(config: Config, guide: Guide) -> None:
    """Fail before anything is recorded when the receiving mailbox's secret is not at hand."""
    if guide.mailbox is not None:
        check_available(guide.mailbox, config.mailboxes.index(guide.mailbox))
