"""Is a mail really from Meta? The From domain, then who vouches for it, in this order (issue 14):

1. The mailbox names its server's authserv-id (`authserv_id = "mx.example.org"`): only the
   topmost Authentication-Results header with that id counts; every other one is ignored (anyone
   can write one). Its pass or fail decides; when it says neither, the tracker's own check does.
2. The tracker's own DKIM verdict (tracker.recognition.dkim), for a mail in the objection flow, fetched whole:
   pass is genuine, fail is suspicious, temperror and none are "unverified": believed to be
   about the account, never enough to make it look filed or done (tracker.store.state).
3. Only the header to go on (everyday mail, or deciding what to fetch): the topmost
   Authentication-Results header, read as RFC 8601 says, else the sender domain alone.

Display names are never trusted. A sender under one of Meta's registered domains (any subdomain)
is Meta's; a Meta name inside another registered domain (facebookmail.com.example.net) is not.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from tracker.recognition import rules
from tracker.recognition.authresults import AuthResults, parse_auth_results
from tracker.recognition.links import is_under
from tracker.recognition.parse import ParsedMail

if TYPE_CHECKING:
    from tracker.recognition.dkim import DkimVerdict

UNVERIFIED = "unverified"  # how a finding's `authenticity` starts when nothing vouched for it


@dataclass(frozen=True)
class Verdict:
    genuine: bool  # from Meta, as far as the mail and the user's server can tell
    platform: str | None  # the platform the sender domain speaks for
    suspicious: str | None  # why a mail that claims to be Meta is not believed; None otherwise
    how: str | None = None  # how the sender was believed (stored as the finding's authenticity)
    unverified: str | None = None  # "temperror" or "unsigned": genuine only as far as its domain


NOT_META = Verdict(False, None, None)


def judge(mail: ParsedMail, *, require_authentication: bool = False,
          authserv_id: str | tuple[str, ...] | None = None, dkim: DkimVerdict | None = None) -> Verdict:
    sender = mail.sender
    if sender is None:
        return NOT_META
    domain = sender.domain
    registered = meta_domain(domain)
    if registered is None:
        reason = _claims_meta(sender.name, domain)
        return Verdict(False, None, reason) if reason else NOT_META
    platform = dict(rules.SENDER_DOMAINS)[registered]
    if authserv_id:
        trusted = trusted_results(mail.auth_results, authserv_id)
        if trusted is not None:
            authserv_id = trusted.authserv_id
            outcome = _authenticated(trusted)
            if outcome is True:
                return Verdict(True, platform, None, how="authenticated: dkim or dmarc pass for a "
                               f"Meta domain ({domain}), said by {authserv_id}")
            if _failed(trusted):
                return Verdict(False, platform, f"auth-fail: {outcome} for {domain}")
    elif dkim is None and mail.auth_results:
        # Only the header to go on: the topmost header, which the user's server added if any did.
        top = parse_auth_results(mail.auth_results[0])
        outcome = _authenticated(top) if top else "an unreadable Authentication-Results header"
        if outcome is True:
            return Verdict(True, platform, None, how="authenticated: dkim or dmarc pass for a Meta "
                           f"domain ({domain}) in the topmost Authentication-Results")
        return Verdict(False, platform, f"auth-fail: {outcome} for {domain}")
    if dkim is None:
        return Verdict(True, platform, None,
                       how=f"Meta domain {domain}; the receiving server added no Authentication-Results")
    if dkim.result == "pass":
        return Verdict(True, platform, None, how=f"authenticated: the tracker checked DKIM, pass "
                       f"(d={dkim.domain} s={dkim.selector})")
    if dkim.result == "fail":
        return Verdict(False, platform, f"dkim-fail: {dkim.detail or 'the signature does not verify'} "
                       f"(d={dkim.domain} s={dkim.selector})")
    if dkim.result == "temperror":
        return Verdict(True, platform, None, unverified="temperror",
                       how=f"{UNVERIFIED}: the DKIM key of {dkim.domain} could not be looked up; "
                       "checked again at a later sync, less often the longer it fails")
    if require_authentication:
        return Verdict(False, platform, "no-authentication: the mail carries no DKIM signature of "
                       "a Meta domain, no trusted Authentication-Results, and the mailbox requires one")
    return Verdict(True, platform, None, unverified="unsigned",
                   how=f"{UNVERIFIED}: no DKIM signature of a Meta domain (Meta signs all its mail) "
                   "and no trusted Authentication-Results")


def trusted_results(headers: list[str], authserv_id: str | tuple[str, ...]) -> AuthResults | None:
    """The topmost Authentication-Results with the mailbox's own authserv-id (one of them: a
    provider's servers may write several), or None."""
    ids = {i.lower() for i in ((authserv_id,) if isinstance(authserv_id, str) else authserv_id)}
    for header in headers:
        parsed = parse_auth_results(header)
        if parsed and parsed.authserv_id in ids:
            return parsed
    return None


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


def _glanced(text: str) -> str:
    """The skeleton as read at a glance: "rn" as m, "vv" as w, l as I (rules.LOOKALIKE_LETTERS)."""
    for letters, seen in rules.LOOKALIKE_LETTERS:
        text = text.replace(letters, seen)
    return text


def _claims_meta(display_name: str, domain: str) -> str | None:
    folded = skeleton(domain)
    tokens = set(re.split(r"[^a-z0-9]+", folded)) | set(re.split(r"[^a-z0-9]+", _glanced(folded)))
    joined = _glanced(folded.replace("-", "").replace(".", ""))
    if "xn--" in domain and any(word in joined for word in rules.BRAND_WORDS):
        return f"lookalike-domain: {domain} is Punycode for {folded}"
    if any(word in joined for word in rules.BRAND_WORDS if word != "meta") or "meta" in tokens:
        return f"lookalike-domain: {domain} is not a Meta domain"
    # In a display name a brand inside a word counts too ("FacebookSecurity", "security@facebook-
    # mail.com"), except "meta", which is inside too many ordinary words.
    for shown in _shown(display_name):
        name = _glanced(skeleton(shown))
        if re.search(r"\bmeta\b", name) or any(word in name for word in rules.BRAND_WORDS
                                                if word != "meta"):
            quoted = display_name if len(display_name) <= 100 else display_name[:99] + "…"
            return f"display-name-spoof: {quoted!r} <…@{domain}> is not a Meta domain"
    return None


def _authenticated(header: AuthResults) -> bool | str:
    """True when DKIM or DMARC passed for a Meta domain; else what was found."""
    # A pass for some other domain (the attacker's own DKIM key) proves nothing about Meta.
    # Meta signs across its own domains (Instagram mail with a facebookmail.com key), and
    # only Meta holds those keys, so a pass for any Meta domain counts. A bare "dkim=pass"
    # names no domain: anyone can write that into a header.
    if any(meta_domain(d) for m in ("dkim", "dmarc") for d in header.domains(m)):
        return True
    seen = [f"{r.method}={r.result}" for r in header.results if r.method in ("dkim", "dmarc", "spf")]
    return ", ".join(seen) if seen else "no dkim or dmarc result"


def _failed(header: AuthResults) -> bool:
    return any(r.method in ("dkim", "dmarc") and r.result in ("fail", "permerror")
               for r in header.results)
