"""ParsedMail -> Finding (what a Meta mail says about which account), Suspicious, or None.

This is where a mail becomes evidence about an account. Facts about Meta come from rules.py;
this module only decides, in this order: is it Meta's (authenticity), which platform and account,
which language, and which kind of mail it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qsl, unquote, urlsplit

from tracker import rules
from tracker.authenticity import judge
from tracker.links import MetaLink, meta_links, shown_url_mismatch, unwrap
from tracker.parse import ParsedMail

KINDS = ("notice", "verification_code", "confirmation", "rejection", "other")
PLATFORMS = ("facebook", "instagram", "threads", "messenger", "whatsapp")
NOT_A_USERNAME = frozenset({"there", "you", "and", "und", "et", "e", "y", "en", "og", "och"})
URL = re.compile(r"<?https?://\S+")
CONDITIONAL = re.compile(r"\b(?:" + "|".join(rules.CONDITIONALS) + r")\b[^.;:]*$")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    platform: str  # one of PLATFORMS
    account: str  # Instagram/Threads username, else the address the mail went to
    address: str | None
    language: str | None
    links: tuple[MetaLink, ...] = ()
    objection_url: str | None = None
    covers_linked: bool = False  # a confirmation that says it also covers its Accounts Center


@dataclass(frozen=True)
class Suspicious:
    reason: str


@dataclass(frozen=True)
class Classified:
    finding: Finding | None = None
    suspicious: Suspicious | None = None
    notes: list[str] = field(default_factory=list)


def classify(mail: ParsedMail, *, require_authentication: bool = False) -> Classified:
    verdict = judge(mail, require_authentication=require_authentication)
    if verdict.suspicious:
        return Classified(suspicious=Suspicious(verdict.suspicious))
    for link in mail.links:
        shown = shown_url_mismatch(link)
        if shown:
            return Classified(suspicious=Suspicious(
                f"link-text-mismatch: a link shows {shown} but leads to "
                f"{urlsplit(unwrap(link.href)).hostname or 'elsewhere'}"))
    if not verdict.genuine or verdict.platform is None:
        return Classified()
    text = _normalise(f"{mail.subject}\n{mail.text}")
    links = tuple(meta_links(mail.links))
    platform = _platform(verdict.platform, mail, links)
    address = _address(mail)
    account = _username(mail.text) if platform in ("instagram", "threads") else None
    account = account or address
    if not account:
        return Classified(notes=["no account: the mail names no recipient"])
    language = _language(mail, text)
    kind = _kind(mail, text, links, platform)
    objection = next((link.url for link in links if link.role == "objection_form"), None)
    return Classified(finding=Finding(
        kind=kind,
        platform=platform,
        account=account.lower(),
        address=address,
        language=language,
        links=links,
        objection_url=objection,
        covers_linked=kind == "confirmation" and _covers_linked(text),
    ))


def _kind(mail: ParsedMail, text: str, links: tuple[MetaLink, ...], platform: str) -> str:
    if _is_objection_code(mail, text):
        return "verification_code"
    if _any(text, "rejection"):
        return "rejection"
    if _any(text, "confirmation") and not _any(text, "already_objected"):
        return "confirmation"
    if platform == "whatsapp":  # FG: no objection form, so no notice and no answer to one
        return "other"
    about_objection = _any(text, "objection_words")
    # FG: the objection link is what makes a notice; a notice without one is information.
    if any(link.role == "objection_form" for link in links):
        # A refusal may link the form again for a new request; a notice states the right itself.
        if about_objection and _any(text, "unable_words") and not _any(text, "right_to_object"):
            return "rejection"
        return "notice"
    # Meta's replies to an objection are not published word for word (FG "Outcome mail"): a
    # reply about the objection that says Meta is unable to is a rejection, one that grants it
    # a confirmation.
    if _any(text, "asks_for_evidence") and _any(text, "ai_at_meta"):
        return "rejection"
    if about_objection:
        if _any(text, "unable_words") or _negated_grant(text):
            return "rejection"
        if _any(text, "accept_words"):
            return "confirmation"
    return "other"


def _is_objection_code(mail: ParsedMail, text: str) -> bool:
    # Links carry long digit runs (aref=1716800000, mids): look for the code outside them, and
    # only a number the mail calls a code ("[Case 482913]" in a reply is not one).
    if not any(_near_code_word(t) for t in (mail.subject, URL.sub(" ", mail.text[:4000]))):
        return False
    # Login and two-factor codes look alike (FG): only a code said to be for the objection counts.
    subject = _normalise(mail.subject)
    return _any(text, "objection_words") and not (
        _any(subject, "login_code") and not _any(subject, "objection_words"))


def _near_code_word(text: str) -> bool:
    for match in rules.CODE.finditer(text):
        around = text[max(0, match.start() - 80):match.end() + 80].lower()
        if any(word in around for word in rules.CODE_WORDS):
            return True
    return False


def _covers_linked(text: str) -> bool:
    return any(_compiled(p).search(text) for p in rules.ACCOUNTS_CENTER)


def _platform(sender_platform: str, mail: ParsedMail, links: tuple[MetaLink, ...]) -> str:
    if sender_platform == "instagram":
        branded = f"{mail.sender.name if mail.sender else ''} {mail.subject}".lower()
        # The sender's name or the subject, not any link: a footer that promotes Threads does
        # not make an Instagram mail Threads'.
        if "threads" in branded:
            return "threads"
        return "instagram"
    if sender_platform == "facebook":
        # Meta sends for all its apps from facebookmail.com (codes from security@); once the
        # domain is genuine, the display name says which app the mail speaks for.
        name = (mail.sender.name if mail.sender else "").lower()
        if "threads" in name:
            return "threads"
        if "instagram" in name:
            return "instagram"
        if "messenger" in name:
            return "messenger"
        if "whatsapp" in name:
            return "whatsapp"
        # A Facebook-domain sender that links only Instagram's form speaks for Instagram.
        forms = {link.platform for link in links if link.role == "objection_form"}
        if forms == {"instagram"}:
            return "instagram"
    return sender_platform


def _address(mail: ParsedMail) -> str | None:
    for link in mail.links:  # FG: n_m in Meta's wrappers names the address the mail went to
        if "n_m=" in link.href:
            for key, value in parse_qsl(urlsplit(link.href).query):
                if key == "n_m" and "@" in value:
                    return unquote(value).strip().lower()
    lowered = mail.text.lower()
    for recipient in mail.recipients:  # the footer: "This message was sent to ADDRESS"
        if recipient in lowered:
            return recipient
    for recipient in mail.recipients:
        if not any(recipient.endswith("@" + d) or recipient.endswith("." + d)
                   for d, _ in rules.SENDER_DOMAINS):
            return recipient
    return None


def _username(text: str) -> str | None:
    """The Instagram username from the footer ("… intended for USERNAME.") or the greeting."""
    for pattern in (_footer_pattern(), _greeting_pattern()):
        for match in pattern.finditer(text):
            name = next(g for g in match.groups() if g).rstrip(".")
            if name and name.lower() not in NOT_A_USERNAME:
                return name
    return None


@cache
def _footer_pattern() -> re.Pattern[str]:
    user = rf"@?({rules.USERNAME})(?=[\s.,;!)]|$)"
    templates = [p for lang in rules.LANGUAGES for p in lang.intended_for]
    # Each template's {u} becomes its own named group; _username takes whichever matched.
    parts = [t.replace(" ", r"\s+").replace("{u}", user.replace("(", f"(?P<u{i}>", 1))
             for i, t in enumerate(templates)]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


@cache
def _greeting_pattern() -> re.Pattern[str]:
    words = "|".join(p for lang in rules.LANGUAGES for p in lang.greeting)
    return re.compile(rf"^\s*(?:{words}),?\s+@?({rules.USERNAME})\s*[,!:]",
                      re.IGNORECASE | re.MULTILINE)


def _language(mail: ParsedMail, text: str) -> str | None:
    hint = (mail.language_hint or "").replace("_", "-").split("-")[0]
    hint = rules.LANGUAGE_ALIASES.get(hint, hint)
    if hint in rules.LANGUAGE_CODES:
        return hint
    tokens = re.findall(r"\w+", text)
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    best, best_score = None, 0
    for lang in rules.LANGUAGES:
        score = sum(counts.get(w, 0) for w in lang.words)
        score += 10 * sum(1 for group in ("ai_at_meta", "right_to_object", "objection_words",
                                          "confirmation", "rejection") for p in getattr(lang, group)
                          if _compiled(p).search(text))
        if score > best_score:
            best, best_score = lang.code, score
    return best


def _negated_grant(text: str) -> bool:
    """'…kan vi tyvärr inte respektera din invändning': a grant word just after a negation."""
    for lang in rules.LANGUAGES:
        negation = _compiled(r"\b(?:" + "|".join(map(re.escape, lang.negations)) + r")\b[^.;:]{0,30}$")
        for pattern in lang.accept_words:
            for match in _compiled(pattern).finditer(text):
                if negation.search(text[max(0, match.start() - 40):match.start()]):
                    return True
    return False


# Groups that state an outcome: "if your objection is honoured" states none.
OUTCOME_GROUPS = frozenset({"confirmation", "rejection", "accept_words", "unable_words"})


def _any(text: str, group: str) -> bool:
    """Does any language's pattern of the group occur (as a fact, for outcome groups)?"""
    for lang in rules.LANGUAGES:
        for pattern in getattr(lang, group):
            for match in _compiled(pattern).finditer(text):
                if group not in OUTCOME_GROUPS:
                    return True
                before = text[max(0, match.start() - 24):match.start()]
                if not CONDITIONAL.search(before):
                    return True
    return False


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _normalise(text: str) -> str:
    # Typographic apostrophes and non-breaking spaces differ between Meta's templates.
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split()).lower()
