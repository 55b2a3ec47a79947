"""Whose account a Meta mail is about, found by the template's structure in any language.

Meta writes its Instagram and Threads mails in the interface language of each account, in over a
hundred languages, but their shape is the same in every one (field guide, "Naming the account"):
the footer pairs the address the mail went to with the username ("This message was sent to
ADDRESS and intended for USERNAME."), and the greeting on top names the username ("Hi USERNAME,",
"USERNAMEさん、", "USERNAME님"). So the username is read from where it stands, not from the words
around it:

- the footer is the last sentence in the mail's tail that holds the address it went to;
- a username has Instagram's shape: lower-case Latin letters, digits, "." and "_", at most 30;
  the template's own words are either in another script, capitalised, or glued to letters such
  as "ö" or "ı" that no username holds;
- a particle or suffix glued to it ("さん", "님", "'ye", "لـ", "ל-", "-ზე") is not part of it, and
  bidi and zero-width marks around it (right-to-left templates) are dropped first;
- the footer and the greeting must agree; where they do not say one name together, a name the
  language data reads in the footer, or the only name-shaped word the footer holds, is taken.

An Instagram account is never named by an e-mail address: a mail from Meta whose username cannot
be established is kept under `unknown-<digest of the address>`, which no username can be (a
username holds no "-"), so it is never merged with a real account nor with another address's.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:  # report reads is_unknown without the DKIM machinery (issue 21 item 2)
    from tracker.recognition.dkim import DkimVerdict
    from tracker.recognition.parse import ParsedMail

UNKNOWN_PREFIX = "unknown-"
TAIL = 6000  # the footer is in the last lines of each part
HEAD_CHARS = 2000
HEAD_LINES = 3  # the greeting is on one of the first lines of the body
FOOTERS = 4  # sentences naming the address looked at, from the last one up
HEAD_SCAN = 12  # lines looked through for a greeting the language files know
HEAD_LINE_CHARS = 160
SENTENCE_CHARS = 300  # a footer sentence is short; a hostile one must not cost much
# An address as it stands in a footer, in any script (internationalised mail).
ADDRESS = re.compile(r"[\w!#$%&'*+/=?^`{|}~.-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Instagram's username shape, as Meta prints it: lower case. A capitalised word is the template's.
NAME = re.compile(r"(?<![A-Za-z0-9._@'’])[a-z0-9._]{1,30}(?![A-Za-z0-9_@])")
# Where a footer sentence ends: a full stop and a space, or one of the stops other scripts use. A
# full stop inside a username ("ana_horvat.zg") has a letter after it. A plain-text footer may
# wrap between "destiné à" and the name: only a blank line ends it as well.
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？।۔]|\n\s*\n")
# Words that stand where a name could in a greeting but name nobody ("Hi there,").
NOT_A_NAME = frozenset({"there", "you", "and", "und", "et", "e", "y", "en", "og", "och", "to", "for",
                        "of", "the", "a", "an", "i", "o", "u", "de", "da", "di", "do", "la", "le"})


# Delivery reports (RFC 3464) are sent by the mail system itself, as MAILER-DAEMON or postmaster
# (RFC 5321 4.5.5): from Meta's servers they return a mail the user sent to Meta (FG: "Not about
# an account: bounces from Facebook's mail servers"), whatever address they are delivered to.
DELIVERY_SENDERS = frozenset({"mailer-daemon", "postmaster", "mail-daemon"})


def is_delivery_report(mail: ParsedMail) -> bool:
    local = mail.sender.address.rpartition("@")[0].lower() if mail.sender else ""
    return local in DELIVERY_SENDERS


@dataclass(frozen=True)
class Naming:
    """The Instagram username a mail names, and how it was found (for `why`)."""

    username: str | None  # None: the mail's structure names no username the tracker can trust
    how: str


# The findings that move an account's state (in_progress, objection_confirmed, rejected): their
# account must come from bytes a valid signature covers (issue 20 item 2).
DECIDING = frozenset({"verification_code", "acknowledgement", "confirmation", "rejection"})
SIGNABLE = ("to", "cc")  # Delivered-To and X-Original-To are added on the way: never signed


def unsigned_account(mail: ParsedMail, address: str | None, username: str | None,
                     dkim: DkimVerdict | None) -> str | None:
    """Why the account of a deciding finding is not vouched for by the signature, or None.

    The account is vouched for when the signed body names it (the Instagram username, or the
    address in Meta's footer or link wrapper) or when it comes from a To or Cc listed in the
    signature's h=. A genuine confirmation of someone's own account, re-sent with To rewritten
    or Bcc'd to a victim (whose server adds Delivered-To), must not confirm the victim's. Without
    a verdict of the tracker's own (classify alone, no mailbox) there is nothing to check."""
    if dkim is None:
        return None
    signed = dkim.result == "pass"
    in_body = bool(username) or (address is not None and named_in_body(mail, address))
    if in_body:
        if signed and dkim.body_length is not None:
            return (f"the DKIM signature covers only the first {dkim.body_length} bytes of the body "
                    "(l=), not necessarily the part that names the account")
        return None  # a body no valid signature covers is unverified, and never counts (state)
    header = mail.recipient_headers.get(address or "", "")
    if signed and header in SIGNABLE and header in dkim.signed_headers:
        return None
    where = f"the {header.title()} header" if header else "no part of the mail"
    if not signed:
        return f"the account's address comes from {where}, and no valid DKIM signature covers it"
    if header not in SIGNABLE:
        return f"the account's address comes from {where}, which no DKIM signature covers"
    return (f"the account's address comes from {where}, which the DKIM signature does not cover "
            f"(h={':'.join(dkim.signed_headers)})")


def named_in_body(mail: ParsedMail, address: str) -> bool:
    """Whether the body (Meta's footer, or n_m in its link wrapper) names the address."""
    address = address.lower()
    if address in visible(mail.text).lower():
        return True
    return any("n_m=" in link.href and address in unquote(link.href).lower() for link in mail.links)


def unknown_account(address: str) -> str:
    """The stand-in account of an Instagram mail to `address` whose username is not known: one
    per address, never an address itself, never equal to a username."""
    digest = hashlib.sha256(address.strip().lower().encode("utf-8", "replace")).hexdigest()[:10]
    return f"{UNKNOWN_PREFIX}{digest}"


def is_unknown(account: str) -> bool:
    return account.startswith(UNKNOWN_PREFIX)


def visible(text: str) -> str:
    """The text as a reader sees it: entities decoded (&#064; in a plain-text part), compatibility
    forms folded (a full-width ＠), and invisible marks dropped (bidi isolates and marks around a
    name in a right-to-left template, zero-width spaces)."""
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c.isascii() or unicodedata.category(c) != "Cf")


def instagram_username(text: str, address: str | None, *, known: str | None = None) -> Naming:
    """The username an Instagram or Threads mail is for. `known` is what the language data read
    from a footer or greeting in a language it holds (a cross-check, not the first word)."""
    # Only the head and the tail are read: a hostile 200,000-character mail costs what a real one does.
    tail = visible(text[-TAIL - 1000:])
    footer = footer_names(tail, address)
    greeting = greeting_names(visible(text[:HEAD_CHARS]))
    agreed = [name for name in footer if name in greeting]
    for earlier in range(1, FOOTERS):
        if agreed or not address:
            break
        # Words below Meta's footer that name the address too (a request copied back under it)
        # are no footer: an earlier sentence naming the address that agrees with the greeting is.
        agreed = [name for name in footer_names(tail, address, earlier) if name in greeting]
    known = known.lower() if known else None
    if agreed:  # a username-shaped one before a word the template may share with a greeting
        agreed.sort(key=lambda name: (not re.search(r"[._0-9]", name), greeting[name]))
        # A plain word both hold ("est", "je") may be one the footer's template shares with words
        # above it: the name the language data reads in the footer goes first.
        if known and known in footer and not re.search(r"[._0-9]", agreed[0]):
            return Naming(known, "the footer names it (language data), the greeting agrees with none")
        return Naming(agreed[0], "the footer and the greeting name it")
    if known and (known in footer or not footer):
        return Naming(known, "the footer or the greeting names it (language data)")
    shaped = [name for name in footer if re.search(r"[._0-9]", name)]
    if len(set(shaped)) == 1:
        return Naming(shaped[0], "the footer names it (the only username-shaped word)")
    if len(set(footer)) == 1:
        return Naming(footer[0], "the footer names it (its only name-shaped word)")
    if footer:
        return Naming(None, "the footer holds several words that could be the username and the "
                      "greeting names none of them")
    return Naming(None, "no footer pairs the address with a username")


def footer_names(text: str, address: str | None, earlier: int = 0) -> list[str]:
    """Name-shaped words of the footer sentence that holds the address, those after the address
    first (most templates: "sent to ADDRESS and intended for NAME"), nearest first after it.
    earlier: the sentence holding that many occurrences of the address before the last one."""
    tail = text[-TAIL:]
    found = None
    lowered = tail.lower()
    if address:
        at = len(lowered)
        for _ in range(earlier + 1):
            at = lowered.rfind(address.lower(), 0, at)
            if at < 0:
                return [] if earlier else footer_names(text, None)
        found = (at, at + len(address))
    if found is None:
        matches = list(ADDRESS.finditer(tail))
        if not matches:
            return []
        found = matches[-1].span()
    start, end = found
    # Before the address, the sentence's own line only: what stands above is other text.
    before = tail[max(0, start - SENTENCE_CHARS):start].rpartition("\n")[2]
    stops = list(SENTENCE_END.finditer(before))
    before = before[stops[-1].end():] if stops else before
    after = tail[end:end + SENTENCE_CHARS]
    stop = SENTENCE_END.search(after)
    after = after[:stop.start()] if stop else after
    return _names(after) + _names(before)[::-1]


def greeting_names(text: str) -> dict[str, int]:
    """Name-shaped words on the first short lines of the body, where the greeting stands (a
    logo's "Instagram" line or a comment's first line may come before it), each with the number
    of its line. A line that names an address is the footer of a short mail, not a greeting."""
    from tracker.recognition.template import is_greeting  # the language files, read on first use

    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()]
    # Lines the language files know as greetings are read, however many lines of other people's
    # words stand above them (a preview, a copied request); else the first lines are read.
    greetings = [line for line in lines[:HEAD_SCAN] if is_greeting(line.strip())]
    lines = greetings or lines[:HEAD_LINES]
    found: dict[str, int] = {}
    for number, line in enumerate(lines):
        if len(line) <= HEAD_LINE_CHARS and not ADDRESS.search(line):
            for name in _names(line):
                found.setdefault(name, number)
    return found


def _names(text: str) -> list[str]:
    text = URL.sub(" ", ADDRESS.sub(" ", text))
    found = []
    for match in NAME.finditer(text):
        name = match.group(0).strip(".")
        if not name or name in NOT_A_NAME or not re.search(r"[a-z]", name):
            continue
        if _latin_letter(text, match.start() - 1) or _latin_letter(text, match.end()):
            continue  # a piece of a word written with letters no username holds ("g|önderildi")
        found.append(name)
    return found


def _latin_letter(text: str, i: int) -> bool:
    if i < 0 or i >= len(text):
        return False
    char = text[i]
    if char == "\ufffd":  # a letter the charset could not decode ("envoy\ufffd\ufffd")
        return True
    return char.isalpha() and (char.isascii() or unicodedata.name(char, "").startswith("LATIN"))
