"""How any value is made storable, by the ORM's column types (tracker.store.models) and by the
sqlite3 paths that write or look up the same columns (tracker.store.sync_state)."""

from __future__ import annotations

import re

# Longest value a Text column takes from mail: a subject or a reason is never near this; a value
# past it is an attack on the database's size, not a fact worth keeping whole.
TEXT_LIMIT = 100_000
_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: str, length: int | None) -> str:
    """`value` as every database can store it. Anyone can send mail, and one value a column
    refuses rolls back the batch with a genuine notice in it, on every run (issue 20 item 5):
    PostgreSQL refuses NUL in text and a VARCHAR over its size; neither backend can encode a lone
    surrogate (how Python carries bytes that were not UTF-8). NUL and such bytes become U+FFFD (a
    visible mark, not a silent join), then the value is cut to the column's length."""
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = _SURROGATE.sub("\ufffd", value)
    limit = TEXT_LIMIT if length is None else min(length, TEXT_LIMIT)
    return value[:limit] if len(value) > limit else value
