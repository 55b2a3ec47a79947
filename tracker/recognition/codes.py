"""A one-time code in a mail, found by where it stands, not by how many digits it has.

Meta's codes have five to eight digits (FG "Codes": a five-digit sign-up code, six-digit objection
codes; the blind sets hold seven and eight). A run of that many digits is also a case number, a
date, a phone number, an amount or a tracking value, so a number counts as a code only where a
code stands in Meta's code mails, in every language:
- in the subject, beside the subject's word for a code ("38204716 — ваш код подтверждения");
- on a line of its own, below the mail's word for a code ("…enter this code:\\n\\n3920475");
- right next to a word for a code on its line ("Your code is 482913", "コード482913を").
What the code is for (a request or a login) is classify's question, not this module's.
"""

from __future__ import annotations

import re

from tracker.recognition import rules

# Five to eight digits standing alone: not inside a Latin token (ids, tracking values), not part
# of a number written with separators (12.345,67; 1,234,567; 2026-12-03; 12/03/2026), not after a
# '#' (a case or ticket number), a '+' (a phone number) or a currency sign, and not one group of a
# spaced number ("+49 30 1234567"). Japanese and Korean write the code against their words
# ("コード482913を", "482913을"), which are no token of it.
CANDIDATE = re.compile(
    r"(?<![A-Za-z0-9_.,%=#+/$€£¥₩₹-])(?<!\d[ \u00a0])(\d{5,8})"
    r"(?![A-Za-z0-9_%/$€£¥₩₹-]|[.,:]\d|[ \u00a0]\d)")
URL = re.compile(r"<?https?://\S+")
DIGIT = re.compile(r"\d")
# Characters between a code word and its code on one line: the word comes first in most languages
# ("Voici votre code de confirmation pour votre demande d'opposition : 264830").
BEFORE = 100
AFTER = 40
ABOVE = 300  # characters above a code's own line where the mail names it a code
# Signs that make the number after them a reference ("case no. 4829137", "Nr. 4829137", "№ 4829137").
NUMBER_SIGN = re.compile(r"(?:#|№|n°|nº|\bno\.?|\bnr\.?|\bnum\.?)\s*$", re.IGNORECASE)
# An eight-digit date (20261203) is read as a code only on a line of its own.
DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
# Formatting around a code on its own line: spaces, bold/quote marks, bidi and zero-width marks.
DRESSING = " \t*_>\u00a0\ufeff" + "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                                    *range(0x2066, 0x206A)]))


def code_in(text: str, subject: str = "") -> str | None:
    """The code the mail gives, or None. subject, when given, is read first: Meta puts it there."""
    subject = subject.replace("\n", " ")[:1000]
    if subject and _has_code_word(subject):
        for match in CANDIDATE.finditer(URL.sub(" ", subject)):
            if not _reference(subject[:match.start()], match.group(1)):
                return match.group(1)
    text = URL.sub(" ", text)
    lowered = text.lower()
    named = bool(subject) and _has_code_word(subject)
    for match in CANDIDATE.finditer(text):
        start, end = match.span(1)
        # Bounded: a hostile mail of one 200,000-character line costs no more than a real one.
        line_start = max(text.rfind("\n", max(0, start - BEFORE), start) + 1, start - BEFORE)
        line_end = text.find("\n", end, end + AFTER)
        line_end = end + AFTER if line_end < 0 else line_end
        if not text[line_start:start].strip(DRESSING) and not text[end:line_end].strip(DRESSING + ".:"):
            if named or _has_code_word(lowered[max(0, line_start - ABOVE):line_start]):
                return match.group(1)
            continue
        before = lowered[max(line_start, start - BEFORE):start]
        after = lowered[end:min(line_end, end + AFTER)]
        if _reference(before, match.group(1)):
            continue
        if _beside(before, after):
            return match.group(1)
    return None


def _reference(before: str, digits: str) -> bool:
    return bool(NUMBER_SIGN.search(before[-12:]) or DATE.fullmatch(digits))


def _beside(before: str, after: str) -> bool:
    # Another number between the word and this one means the word names that other number.
    return _has_code_word(DIGIT.split(before)[-1]) or _has_code_word(DIGIT.split(after)[0])


def _has_code_word(text: str) -> bool:
    text = text.lower()
    return any(word in text for word in rules.CODE_WORDS)
