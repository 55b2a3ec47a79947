"""The usual names of spam folders, per language the rules know: the fallback for a server that
flags no folder \\Junk (RFC 6154), where a notice in the spam folder would otherwise go unread.

Only names that mean "spam" and nothing else: a wrong match reads one more folder (the search is
read-only and asks only for Meta's senders), a missed one loses a notice. The names are kept with
each language's words (tracker/recognition/languages/<code>.toml, key spam_folders).
"""

from __future__ import annotations

from functools import cache


def __getattr__(name: str) -> object:
    if name == "SPAM_NAMES":
        return spam_names()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def spam_names() -> dict[str, tuple[str, ...]]:
    from tracker.recognition import languages

    return {lang.code: lang.spam_folders for lang in languages.load() if lang.spam_folders}


@cache
def _folded() -> frozenset[str]:
    return frozenset(name.casefold() for names in spam_names().values() for name in names)


def is_spam_name(name: str) -> bool:
    return name.strip().casefold() in _folded()
