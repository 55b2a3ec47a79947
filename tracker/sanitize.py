"""The one cleaning function every value that came from mail or a server passes before output.

Anyone can send the user mail and any server can answer anything: an account name, an address,
a subject, a folder name or a server's reply may carry terminal escapes (ESC c clears the screen,
OSC 8 makes a clickable link), a newline that forges a row of the status table, bidi overrides
that show a name reversed, or invisible characters that hide a look-alike. `clean` makes every
such value one line of inert text, whatever the output: the table, JSON, a digest, doctor.
"""

from __future__ import annotations

import logging
import unicodedata

# Reorder what follows them on screen (U+202E shows "moc.elgoog" as "google.com"): shown as
# escapes, so the reader sees that something was there.
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_BREAKS = frozenset("\u2028\u2029\u0085")
ELLIPSIS = "…"
# A value longer than this is not a name or a subject but an attack on the reader's screen and
# on every formatter's time: "a."*75,000 in a display name made every `status` take minutes.
LIMIT = 300


def clean(value: object, limit: int | None = LIMIT) -> str:
    """One line of printable text: control, C1, bidi and line-separator characters escaped as
    \\xNN / \\uNNNN, other invisible format characters (zero-width, soft hyphen, BOM, tags)
    removed, cut to `limit` characters. Linear in the length of the value."""
    text = "" if value is None else str(value)
    if limit is not None and len(text) > limit * 4:
        text = text[:limit * 4]  # what is cut here is never shown: no need to clean it
    out: list[str] = []
    length = 0
    for char in text:
        piece = char if char.isprintable() and char not in BIDI else _escaped(char)
        out.append(piece)
        length += len(piece)
        if limit is not None and length > limit:
            break
    result = "".join(out)
    if limit is not None and len(result) > limit:
        result = result[:limit - 1] + ELLIPSIS
    return result


def _escaped(char: str) -> str:
    code = ord(char)
    category = unicodedata.category(char)
    if char == " ":
        return char
    if category == "Cf" and char not in BIDI:
        return ""  # zero-width space/joiners, soft hyphen, BOM, tag characters: invisible
    if char in BIDI or char in LINE_BREAKS or category in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):
        if code < 0x100:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    if category.startswith("Z"):
        return " "  # other spaces (no-break, ideographic): a plain space
    return char


class CleanFormatter(logging.Formatter):
    """Log lines (-v) quote folder names and servers' replies: cleaned like any other output,
    line by line, so that a traceback keeps its lines."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record).replace("\t", " ")
        return "\n".join(clean(line, None) for line in text.split("\n"))
