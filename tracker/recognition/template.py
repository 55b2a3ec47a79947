"""Meta's own sentences in a reply: the lines between its greeting and its sign-off.

Meta's replies are one template in every language: a greeting line naming the account, Meta's
sentences, a sign-off and the team's name, then the footer ("This message was sent to ADDRESS",
Meta's postal address). A reply can also carry what is not Meta's decision: the person's request
copied back (lines quoted with '>', a block under "On … wrote:" or a separator line), the team's
signature, the footer. Only Meta's sentences are read for yes or no (issue 19 item 4, issue 20
item 3); they are found by the template's structure, not by its words:
- lines quoted with '>' are never Meta's, nor are the lines above the greeting, nor what a short
  lead-in ending in a colon introduces on its line ("X posted in Y: …") or below it (`_leads_in`);
- Meta's words end at a sign-off (a short line followed by the team's line or the footer), the
  team's line (short, naming Meta or one of its apps), a separator line, a quote header (a line
  ending in ':' that holds an address or a year), a header line of a copied mail ("From: a@b"),
  the footer's postal address ("Meta Platforms Ireland Ltd., …"), or the footer's sentence naming
  the recipient's address when it stands among the last three lines of its copy of the mail (Meta's
  own sentences name the address too: "we'll email you at ADDRESS when we've made a decision");
- a mail's text holds each part in turn (plain text, then the HTML's text): the second copy starts
  again at the same greeting line as the first, and only there, so a greeting inside a copied
  request ("Dear Meta Privacy team,") restarts nothing once Meta's greeting was seen.
The greeting words are the language files' (`greeting`); a language without them still ends at
the sign-off, signature and footer, which need no words.
"""

from __future__ import annotations

import re
from functools import cache

from tracker.recognition import rules

MAX_LINES = 2000  # Meta's replies have a few dozen lines; a hostile mail is read no further
GREETING_WORDS = 6  # "Hi Anna,", "Hallo Jonas,", "minji.kim님, 안녕하세요."
SIGN_OFF_WORDS = 4  # "Thanks,", "Vielen Dank", "Mit freundlichen Grüßen", "Best regards,"
SHORT = 60
# The team's line names Meta or one of its apps: "The Meta Privacy team", "Privacy Operations",
# "Das Datenschutzteam von Meta", "Metaプライバシーチーム".
TEAM = re.compile(r"meta|facebook|instagram|whatsapp|threads|privacy operations", re.IGNORECASE)
SEPARATOR = re.compile(r"^(?:[-_=*~–—#]\s*){3,}$|^[-_=–—]{2,}.{0,60}[-_=–—]{2,}$")
# "On 1 Oct 2026, anna@example.org wrote:", "Am 01.10.2026 schrieb Anna <anna@…>:"
QUOTE_HEADER = re.compile(r"(?:@|\b(?:19|20)\d\d\b).{0,200}:$")
COPIED_HEADER = re.compile(r"^[\w-]{2,20}\s?:\s.{0,200}@[\w-]+\.")
# Meta's postal address, the footer's last line: "Meta Platforms Ireland Ltd., Merrion Road, …",
# "© Instagram. Meta Platforms, Inc., 1601 Willow Road", "WhatsApp LLC, 1 Meta Way": the company
# and a comma before the street (a sentence naming Meta Platforms, Inc. in a reply is no footer).
FOOTER = re.compile(r"\b(?:meta platforms(?: ireland)?,? (?:ltd|limited|inc)\.?|"
                    r"whatsapp (?:llc|ireland limited)),")
SENTENCE_END = (".", "。", "?", "？", ":", "：", "।")
# A notification introduces what someone wrote with a short lead-in and a colon, on the line of
# the words it brings ("Karim Mansour posted in Digital Privacy: …", "X a publié : …",
# "karen.wong 留言：…"): what follows is theirs, in any language. Meta's replies state their
# decision as a sentence of their own, with no lead-in.
INTRODUCER = re.compile(r"^((?:[^:：.。!！?？]|[.!?](?!\s))+?)\s?(?::\s|：)\s*(\S.*)$")
INTRODUCER_WORDS = 8
LEAD_IN = 120  # a lead-in line, not a paragraph that ends in a colon


def meta_body(text: str, recipients: list[str] | tuple[str, ...] = ()) -> str:
    """The lines of a reply that are Meta's own sentences, in order, joined by newlines."""
    return split(text, recipients)[0]


def split(text: str, recipients: list[str] | tuple[str, ...] = (), *,
          notification: bool = False) -> tuple[str, str]:
    """(Meta's own sentences, everything else): each as its lines joined by newlines.
    recipients: the addresses the mail went to, which the footer names. notification: the mail
    comes from a sender of everyday notifications, whose lead-in lines ending in a colon bring
    someone's words on the lines below ("Privacy Operations France, une Page que vous suivez, a
    publié :"); in Meta's replies such a line leads to Meta's own list ("Please reply with:")."""
    lines = [line.strip() for line in text.splitlines()[:MAX_LINES]]
    aside = [line[1:].strip() for line in lines if line.startswith(">")]
    lines = [line for line in lines if line and not line.startswith(">")]
    footers = _address_footers(lines, recipients)
    kept: list[str] = []
    first_greeting: str | None = None
    # Above the greeting stand a heading or a preview line, not Meta's sentences; a reply with no
    # greeting (the Support Inbox copy: "Our reply", then the text) is read from its first line.
    reading = not any(is_greeting(line) for line in lines)
    for i, line in enumerate(lines):
        if is_greeting(line) and first_greeting in (None, line):
            first_greeting, reading = line, True
            continue
        if reading and (i in footers or _ends_here(line, lines[i + 1] if i + 1 < len(lines) else None,
                                                   bool(kept))
                        or _leads_in(line, opening=not kept, notification=notification)):
            reading = False
        lead = lead_in(line) if reading else None
        if lead is not None:
            kept.append(lead)
            aside.append(line[len(lead):].lstrip(" :："))
            continue
        (kept if reading else aside).append(line)
    return "\n".join(kept), "\n".join(aside)


def _address_footers(lines: list[str], recipients: list[str] | tuple[str, ...]) -> set[int]:
    """The lines that are the footer's sentence naming the address the mail went to ("This message
    was sent to ADDRESS"): such a line among the last three of its copy of the mail (each copy
    ends where the greeting repeats). Meta's own sentences name the address too ("we'll email you
    at ADDRESS when we've decided"), with more of Meta's words below them."""
    addresses = tuple(r.lower() for r in recipients if r)
    if not addresses:
        return set()
    greeting = next((line for line in lines if is_greeting(line)), None)
    ends = [i for i, line in enumerate(lines) if line == greeting][1:] + [len(lines)]
    found = set()
    for i, line in enumerate(lines):
        if len(line) <= 250 and any(a in line.lower() for a in addresses):
            end = next(e for e in ends if e > i)
            if end - i <= 3:
                found.add(i)
    return found


def _ends_here(line: str, following: str | None, started: bool) -> bool:
    # The team's line and a sign-off close what was said: a heading naming Meta above the first
    # sentence ("Your request about AI at Meta") closes nothing.
    if _closing(line, team=started):
        return True
    # A sign-off: a short line, no sentence, with the team's line or the footer (or nothing) below.
    words = line.split()
    if len(line) <= 40 and len(words) <= SIGN_OFF_WORDS and not line.endswith(SENTENCE_END[1:]):
        if line.endswith(".") and len(words) > 2:
            return False
        return started and (following is None or _closing(following))
    return False


def _closing(line: str, team: bool = True) -> bool:
    """The team's line, a separator, a quote header, a copied mail's header, or the footer."""
    lowered = line.lower()
    if SEPARATOR.match(line) or QUOTE_HEADER.search(line) or COPIED_HEADER.match(line):
        return True
    if len(line) <= 300 and FOOTER.search(lowered):
        return True
    return team and len(line) <= SHORT and not line.endswith(SENTENCE_END[:2]) \
        and len(line.split()) <= 6 and "://" not in line and bool(TEAM.search(line))


def _leads_in(line: str, *, opening: bool, notification: bool) -> bool:
    """A line ending in a colon that brings someone's words on the lines below: any such line
    of a notification ("Privacy Operations France, une Page que vous suivez, a publié :"), and
    in any mail a short one that opens what follows the greeting ("data.rights.now quoted your
    thread:"). Meta's replies open with their decision; a colon deeper in ("… Please reply to
    this email with:") leads to Meta's own list."""
    if not line.endswith((":", "：")) or len(line) > LEAD_IN:
        return False
    return notification or (opening and len(line.split()) <= INTRODUCER_WORDS)


def lead_in(line: str) -> str | None:
    """The lead-in of a line that introduces someone's words after a colon, else None."""
    introduced = INTRODUCER.match(line)
    if introduced and len(introduced[1]) <= 80 and len(introduced[1].split()) <= INTRODUCER_WORDS:
        return introduced[1]
    return None


def is_greeting(line: str) -> bool:
    """A greeting line in a language the files hold: "Hi anna.photos,", "minji.kim님, 안녕하세요."."""
    if len(line) > 80 or len(line.split()) > GREETING_WORDS:
        return False
    lowered = line.lower()
    return bool(_greeting_start().match(lowered) or _greeting_end().search(lowered))


@cache
def _greeting_start() -> re.Pattern[str]:
    words = "|".join(p for lang in rules.LANGUAGES for p in lang.greeting)
    return re.compile(rf"(?:{words})(?![^\W\d_])")


@cache
def _greeting_end() -> re.Pattern[str]:
    words = "|".join(p for lang in rules.LANGUAGES for p in lang.greeting)
    # "Hi anna,", "Hallo Jonas!", "王芳，你好：" (Chinese letters end their greeting with a colon)
    return re.compile(rf"(?<![^\W\d_])(?:{words})[.!,:。！，：]?$")
