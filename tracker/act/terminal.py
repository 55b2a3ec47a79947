"""Output that fits the terminal: every line a command prints is wrapped at the terminal's width,
at spaces, never inside a word (issue 22 item 5: `why` and `doctor` lines were cut mid-word at 80
columns by the terminal itself).

A word longer than the width (a URL, an account key, a path) stays whole on a line of its own:
cut, it would no longer paste. Lines already narrow enough are left exactly as they are, so the
status table, which lays itself out for the width (tracker.act.report), passes through unchanged.
"""

from __future__ import annotations

import re
import shutil
import textwrap

NARROWEST = 40  # below this nothing reads well; wrap as if the terminal were this wide
HANG = "  "  # a continued line is indented this much more than the line it continues
ITEM = re.compile(r" *\d{1,2}\. ")


def width() -> int:
    """$COLUMNS, else the terminal's width, else 80 (cron, a pipe)."""
    return max(shutil.get_terminal_size((80, 24)).columns, NARROWEST)


def fit(text: str, columns: int | None = None, hang: int | None = None) -> str:
    """`text` with each line wrapped to `columns` (default: the terminal's). A continued line
    starts under the line's own indentation plus two spaces, or at column `hang` when given
    (for a table whose last column should stay a column)."""
    columns = columns or width()
    return "\n".join(out for line in text.split("\n") for out in fit_line(line, columns, hang))


def fit_line(line: str, columns: int, hang: int | None = None) -> list[str]:
    if len(line) <= columns:
        return [line]
    indent = line[:len(line) - len(line.lstrip(" "))]
    item = ITEM.match(line)  # "1. Form: …" goes on under "Form", not under "1."
    hang = hang if hang is not None else len(item.group()) if item else None
    subsequent = " " * hang if hang is not None and hang < columns // 2 else indent + HANG
    if len(subsequent) >= columns // 2:  # a deep indent on a narrow terminal: keep words readable
        subsequent = HANG
    # drop_whitespace would eat the indentation of the first line too; keep it by hand.
    wrapped = textwrap.wrap(line[len(indent):], columns, initial_indent=indent,
                            subsequent_indent=subsequent, break_long_words=False,
                            break_on_hyphens=False)
    return wrapped or [line]


def counted(n: int, one: str, many: str | None = None) -> str:
    """"1 suspicious mail", "2 suspicious mails": a count in words, never "mail(s)"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
