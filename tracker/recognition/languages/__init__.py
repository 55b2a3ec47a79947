"""The words of Meta's mails per language, one TOML file each (<code>.toml), listed in index.toml and
checked against schema.toml when loaded. Adding a language is one file here plus fixture mails
(docs/languages.md); no code changes.

Loaded on first use (tracker.recognition.rules reads them through its module __getattr__), so that
importing the command line does not parse forty files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from tracker.recognition import matcher

HERE = Path(__file__).parent

# Greek accents (tonos) vary between forms of one word ("προοριζόταν", "προορίζεται") and are
# dropped in capitals ("ΕΝΗΜΕΡΩΝΟΥΜΕ" lower-cases without them). The classifier matches texts
# without them, so the files are written as Greek is spelt and stripped when loaded. One letter for
# one, so offsets hold; no other script has these letters.
TONOS = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")


class LanguageFileError(ValueError):
    """A language file that does not follow schema.toml: the message names the file and the key."""


@dataclass(frozen=True)
class Language:
    """One language file, as the rules read it (schema.toml says what each group is for)."""

    code: str
    name: str
    words: tuple[str, ...]
    ai_at_meta: tuple[str, ...]
    right_to_object: tuple[str, ...]
    confirmation: tuple[str, ...]
    rejection: tuple[str, ...]
    objection_words: tuple[str, ...]
    accept_words: tuple[str, ...]
    unable_words: tuple[str, ...]
    negations: tuple[str, ...]
    greeting: tuple[str, ...]
    intended_for: tuple[str, ...]
    reply_markers: tuple[str, ...]
    acknowledgement: tuple[str, ...]
    request_words: tuple[str, ...]
    code_words: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    already_objected: tuple[str, ...] = ()
    asks_for_evidence: tuple[str, ...] = ()
    login_code: tuple[str, ...] = ()
    policy_subject: tuple[str, ...] = ()
    request_nouns: tuple[str, ...] = ()
    everyday: tuple[str, ...] = ()
    verb_first: tuple[str, ...] = ()
    inbox: tuple[str, ...] = ()
    support_inbox: tuple[str, ...] = ()
    third_party: tuple[str, ...] = ()
    request_closed: tuple[str, ...] = ()
    conditionals: tuple[str, ...] = ()
    ambiguous_conditionals: tuple[str, ...] = ()
    local_conditionals: tuple[str, ...] = ()
    accounts_center: tuple[str, ...] = ()
    spam_folders: tuple[str, ...] = ()


@cache
def schema() -> dict[str, dict]:
    import tomllib

    return tomllib.loads((HERE / "schema.toml").read_text(encoding="utf-8"))


def index() -> tuple[str, ...]:
    import tomllib

    return tuple(tomllib.loads((HERE / "index.toml").read_text(encoding="utf-8"))["languages"])


def problems(data: dict, code: str) -> list[str]:
    """What in one language file's contents breaks schema.toml; empty when it is sound."""
    rules = schema()
    found = [f"unknown key {key!r} (schema.toml lists the keys)" for key in data if key not in rules]
    found += [f"missing key {key!r}" for key, rule in rules.items()
              if rule.get("required") and key not in data]
    if data.get("code") != code:
        found.append(f"code {data.get('code')!r} is not the file's name {code!r}")
    for key, value in data.items():
        kind = rules.get(key, {}).get("type")
        if kind == "text":
            if not isinstance(value, str) or not value.strip():
                found.append(f"{key}: must be a non-empty string")
            continue
        if kind is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            found.append(f"{key}: must be a list of non-empty strings")
            continue
        if len(set(value)) != len(value):
            found.append(f"{key}: lists a word twice")
        if kind == "patterns":
            found += [f"{key}: {problem}" for v in value if (problem := _pattern_problem(key, v))]
        elif key != "spam_folders" and any(v != v.lower() for v in value):
            # Texts are lower-cased before matching: a capital letter could never match.
            found.append(f"{key}: words must be lower-case")
    ambiguous = set(data.get("ambiguous_conditionals", ())) - set(data.get("conditionals", ()))
    if ambiguous:
        found.append(f"ambiguous_conditionals: {sorted(ambiguous)} are not in conditionals")
    return found


def _pattern_problem(key: str, pattern: str) -> str | None:
    if key == "intended_for" and "{u}" not in pattern:
        return f"{pattern!r} has no {{u}} for the username"
    try:
        compiled = matcher.compiled(pattern.replace("{u}", "user"))  # the matchers reuse it
    except re.error as exc:
        return f"{pattern!r} is no regular expression: {exc}"
    if compiled.search(""):
        return f"{pattern!r} matches the empty text, so every mail"
    # Texts are lower-cased before matching; escapes (\w, \d, \b) are not letters of the text.
    if re.sub(r"\\.", "", pattern) != re.sub(r"\\.", "", pattern).lower():
        return f"{pattern!r} has capital letters, which a lower-cased text never has"
    return None


def read(code: str) -> dict:
    """One language file's contents, refused with LanguageFileError if it breaks the schema."""
    import tomllib

    path = HERE / f"{code}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LanguageFileError(f"{path.name}: {exc}") from None
    found = problems(data, code)
    if found:
        raise LanguageFileError(f"{path.name}: " + "; ".join(found))
    return data


def _value(key: str, value: object) -> object:
    if not isinstance(value, list):
        return value
    if key == "spam_folders":  # folder names, compared as the server spells them
        return tuple(value)
    return tuple(v.translate(TONOS) for v in value)


@cache
def load() -> tuple[Language, ...]:
    """Every language in index.toml, in its order."""
    names = {f.name for f in fields(Language)}
    languages = []
    for code in index():
        data = read(code)
        languages.append(Language(**{k: _value(k, v) for k, v in data.items() if k in names}))
    return tuple(languages)


def by_code(code: str) -> Language | None:
    return next((lang for lang in load() if lang.code == code), None)
