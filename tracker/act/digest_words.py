"""The digest's words per language: data, one place. A person's `language` picks a set here;
a language without one gets English. Adding a language is one more entry and its test."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    code: str
    subject: tuple[str, str]  # one account, several: {n}
    subject_overdue: str  # {n}
    intro: tuple[str, str]  # {n}
    days: tuple[str, str, str]  # less than a day, one day, {n} days (as "for ..." and "... ago")
    needs_action: str  # {days}
    rejected: str
    check_reply: str
    overdue: str
    stale: str
    advice_overdue: str  # {key}
    advice_stale: str  # {key}
    advice_check_reply: str  # {key}
    mail_to: str  # {addresses}
    form: str  # {url}
    no_form: str
    acted: str  # {hint}
    mark_hint: str
    # issue 23: the third-party form filed instead of the objection; that form's own request
    wrong_form: str
    request: str  # {state}, {since}
    request_states: dict[str, str]  # submitted, needs_information, answered


ENGLISH = Words(
    code="en",
    subject=("objection-tracker: {n} Meta account waiting for you",
             "objection-tracker: {n} Meta accounts waiting for you"),
    subject_overdue=" ({n} overdue)",
    intro=("{n} Meta account still waiting for your objection to AI training:",
           "{n} Meta accounts still waiting for your objection to AI training:"),
    days=("less than a day", "1 day", "{n} days"),
    needs_action="needs action, for {days}",
    rejected="REJECTED {days} ago: file the objection again",
    check_reply="Meta answered {days} ago and the tracker cannot tell yes from no",
    overdue="OVERDUE: submitted {days} ago, no confirmation",
    stale="submitted {days} ago, no confirmation yet",
    advice_overdue=("A month without an answer: send Meta a reminder (objection-tracker "
                    "reminder-text {key}); 14 days later, a complaint to your data protection authority "
                    "(objection-tracker complaint {key} --out DIR)."),
    advice_stale="Confirmed already? objection-tracker mark {key} confirmed",
    advice_check_reply=("Open Meta's reply (objection-tracker why {key}), then: objection-tracker "
                        "mark {key} confirmed (or submitted)"),
    mail_to=" (mail to {addresses})",
    form="Form: {url}",
    no_form="No form link known: see `objection-tracker status`.",
    acted="When you have acted: {hint}.",
    mark_hint="objection-tracker mark PLATFORM:ACCOUNT submitted (or confirmed, ignored)",
    wrong_form=("Only the third-party-information form was filed: that form does not object to "
                "training on your own posts. File the objection form below."),
    request="Third-party data request: {state} since {since}",
    request_states={"submitted": "submitted", "needs_information": "Meta asks for more information",
                    "answered": "answered"},
)

# Commands and their words (mark, confirmed, submitted) stay English: they are what is typed.
GERMAN = Words(
    code="de",
    subject=("objection-tracker: {n} Meta-Konto wartet auf dich",
             "objection-tracker: {n} Meta-Konten warten auf dich"),
    subject_overdue=" ({n} überfällig)",
    intro=("{n} Meta-Konto wartet noch auf deinen Widerspruch gegen das KI-Training:",
           "{n} Meta-Konten warten noch auf deinen Widerspruch gegen das KI-Training:"),
    days=("weniger als einem Tag", "1 Tag", "{n} Tagen"),
    needs_action="Handlungsbedarf seit {days}",
    rejected="ABGELEHNT vor {days}: den Widerspruch erneut einreichen",
    check_reply="Meta hat vor {days} geantwortet; ob ja oder nein, kann der Tracker nicht erkennen",
    overdue="ÜBERFÄLLIG: vor {days} eingereicht, keine Bestätigung",
    stale="vor {days} eingereicht, noch keine Bestätigung",
    advice_overdue=("Ein Monat ohne Antwort: schicke Meta eine Erinnerung (objection-tracker "
                    "reminder-text {key} --language de); 14 Tage später eine Beschwerde bei der "
                    "Aufsichtsbehörde (objection-tracker complaint {key} --out ORDNER)."),
    advice_stale="Schon bestätigt? objection-tracker mark {key} confirmed",
    advice_check_reply=("Öffne Metas Antwort (objection-tracker why {key}), dann: "
                        "objection-tracker mark {key} confirmed (oder submitted)"),
    mail_to=" (Mail an {addresses})",
    form="Formular: {url}",
    no_form="Kein Formular-Link bekannt: siehe `objection-tracker status`.",
    acted="Wenn du gehandelt hast: {hint}.",
    mark_hint="objection-tracker mark PLATFORM:ACCOUNT submitted (oder confirmed, ignored)",
    wrong_form=("Eingereicht wurde nur das Formular zu Informationen von Dritten: es widerspricht "
                "nicht dem Training mit deinen eigenen Beiträgen. Reiche das Widerspruchsformular "
                "unten ein."),
    request="Anfrage zu Daten von Dritten: {state} seit {since}",
    request_states={"submitted": "eingereicht", "needs_information": "Meta will mehr Angaben",
                    "answered": "beantwortet"},
)

LANGUAGES = {w.code: w for w in (ENGLISH, GERMAN)}


def words(language: str | None) -> Words:
    return LANGUAGES.get((language or "en").lower(), ENGLISH)


def plural(pair: tuple[str, str], n: int) -> str:
    return pair[0 if n == 1 else 1].format(n=n)
