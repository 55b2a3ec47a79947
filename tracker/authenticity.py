"""Is a mail really from Meta? The From domain, then the topmost Authentication-Results header.

Display names are never trusted. A sender under one of Meta's registered domains (any subdomain)
is Meta's; a Meta name inside another registered domain (facebookmail.com.example.net) is not.
Only the topmost Authentication-Results counts: it is the one the user's own server added, while
lower ones came with the mail and can be forged.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from tracker import rules
from tracker.links import is_under
from tracker.parse import ParsedMail

RESULT = re.compile(r"\b(dkim|dmarc|spf)\s*=\s*(\w+)([^;]*)", re.IGNORECASE)
PROPERTY = re.compile(r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom)\s*=\s*\"?([^\s;\"]+)")


@dataclass(frozen=True)
class Verdict:
    genuine: bool  # from Meta, as far as the mail and the user's server can tell
    platform: str | None  # the platform the sender domain speaks for
    suspicious: str | None  # why a mail that claims to be Meta is not believed; None otherwise


NOT_META = Verdict(False, None, None)


def judge(mail: ParsedMail, *, require_authentication: bool = False) -> Verdict:
    sender = mail.sender
    if sender is None:
        return NOT_META
    domain = sender.domain
    registered = meta_domain(domain)
    if registered is None:
        reason = _claims_meta(sender.name, domain)
        return Verdict(False, None, reason) if reason else NOT_META
    platform = dict(rules.SENDER_DOMAINS)[registered]
    if not mail.auth_results:
        if require_authentication:
            return Verdict(False, platform, "no-authentication: the mail carries no "
                           "Authentication-Results header and the mailbox requires one")
        return Verdict(True, platform, None)
    outcome = _authenticated(mail.auth_results[0])
    if outcome is True:
        return Verdict(True, platform, None)
    return Verdict(False, platform, f"auth-fail: {outcome} for {domain}")


def meta_domain(domain: str) -> str | None:
    """The Meta registered domain the sender domain belongs to, or None."""
    for registered, _ in rules.SENDER_DOMAINS:
        if is_under(domain, (registered,)):
            return registered
    return None


# Reorder what follows on screen: "\u202ekoobecaF" shows as "Facebook".
REVERSING = ("\u202e", "\u202b", "\u2067")


def skeleton(text: str) -> str:
    """What a reader sees, folded for comparison: invisible characters (zero-width, soft hyphen,
    bidi controls) dropped, NFKC ('Ｆａｃｅｂｏｏｋ' -> 'Facebook'), small capitals as letters
    ('ꜰᴀᴄᴇʙᴏᴏᴋ'), lower-case, Punycode decoded and homoglyphs folded ('faceb00kmail')."""
    text = unicodedata.normalize("NFKC", "".join(_folded(c) for c in text))
    labels = []
    for label in text.lower().split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return ".".join(labels).translate(rules.HOMOGLYPHS)


@cache
def _folded(char: str) -> str:
    if char.isascii():
        return char
    if unicodedata.category(char) == "Cf":
        return ""  # invisible: U+200B inside "Face\u200bbook" must not hide the brand
    name = unicodedata.name(char, "")
    if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
        return name[-1].lower()  # NFKC leaves small capitals alone
    return char


def _shown(text: str) -> list[str]:
    """The text, and as it shows on screen when a bidi override reverses it."""
    if any(mark in text for mark in REVERSING):
        return [text, text[::-1]]
    return [text]


def _claims_meta(display_name: str, domain: str) -> str | None:
    folded = skeleton(domain)
    tokens = set(re.split(r"[^a-z0-9]+", folded))
    joined = folded.replace("-", "").replace(".", "")
    if "xn--" in domain and any(word in joined for word in rules.BRAND_WORDS):
        return f"lookalike-domain: {domain} is Punycode for {folded}"
    if any(word in joined for word in rules.BRAND_WORDS if word != "meta") or "meta" in tokens:
        return f"lookalike-domain: {domain} is not a Meta domain"
    # In a display name a brand inside a word counts too ("FacebookSecurity", "security@facebook-
    # mail.com"), except "meta", which is inside too many ordinary words.
    for shown in _shown(display_name):
        name = skeleton(shown)
        if re.search(r"\bmeta\b", name) or any(word in name for word in rules.BRAND_WORDS
                                                if word != "meta"):
            quoted = display_name if len(display_name) <= 100 else display_name[:99] + "…"
            return f"display-name-spoof: {quoted!r} <…@{domain}> is not a Meta domain"
    return None


def _authenticated(header: str) -> bool | str:
    """True when DKIM or DMARC passed for the sender's Meta domain; else what was found."""
    seen = []
    for method, result, props in RESULT.findall(header):
        method, result = method.lower(), result.lower()
        seen.append(f"{method}={result}")
        if method == "spf" or result != "pass":
            continue
        domains = [value.lower().lstrip("@").rpartition("@")[2] for _, value in
                   PROPERTY.findall(props)]
        # A pass for some other domain (the attacker's own DKIM key) proves nothing about Meta.
        # Meta signs across its own domains (Instagram mail with a facebookmail.com key), and
        # only Meta holds those keys, so a pass for any Meta domain counts.
        # A bare "dkim=pass" names no domain: anyone can write that into a header.
        if any(meta_domain(d) for d in domains):
            return True
    return ", ".join(seen) if seen else "no dkim or dmarc result"
