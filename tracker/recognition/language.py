"""Which language a Meta mail is written in, whether or not the rules cover it.

The mail's own tag (Content-Language, <html lang>) decides when it has one; else py3langid reads
Meta's text (its model installs with the package, ~100 languages). A language the language files
lack is named, so that a reply in it is said to be unread ("written in Turkish, which the rules do
not cover") rather than guessed from words of another language. Only when the identifier cannot
tell (no text, a few words) do the files' common words vote, as before.

py3langid and its model are loaded on the first mail that needs them, never by `import cli`: the
model is mapped from a file in the data folder, made on first use (langid_model.py), so a run
pays in memory only for the parts of it that its mails read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from tracker.recognition import rules

if TYPE_CHECKING:
    from tracker.recognition.parse import ParsedMail

URL = re.compile(r"<?https?://\S+|\S+@\S+")
# Meta's own words come first; past them are footers and quoted text. Also bounds the cost.
SAMPLE = 2500
# Below this probability the identifier is guessing (a subject line, a code and a name).
CONFIDENT = 0.9


def covered(code: str | None) -> bool:
    return code is not None and code in rules.LANGUAGE_CODES


def name(code: str) -> str:
    """The language's name: the file's own for a covered language, else its English name."""
    lang = next((lang for lang in rules.LANGUAGES if lang.code == code), None)
    if lang:
        return lang.name
    return _names().get(code, code)


def of_mail(mail: ParsedMail, text: str) -> str | None:
    """The mail's language as an ISO 639-1 code (or the identifier's code where there is none);
    text is the subject and body as the classifier normalised them (lower case)."""
    tag = _canonical((mail.language_hint or "").replace("_", "-").split("-")[0].lower())
    if tag and (covered(tag) or tag in _names()):
        return tag
    sample = URL.sub(" ", f"{mail.subject}\n{mail.text}"[:SAMPLE * 2])[:SAMPLE]
    found, probability = identify(sample)
    if found and probability >= CONFIDENT:
        return found
    return _by_words(text)


def identify(text: str) -> tuple[str | None, float]:
    """py3langid's best language for the text and its probability; (None, 0) for no language."""
    if not re.search(r"\w{2}", text):
        return None, 0.0
    code, probability = _identifier().classify(text)
    code = _canonical(code)
    if code == "zxx":  # the model's "no linguistic content"
        return None, 0.0
    return code, float(probability)


def _canonical(code: str) -> str:
    return rules.LANGUAGE_ALIASES.get(code, code)


@cache
def _identifier():  # py3langid.langid.LanguageIdentifier, typed loosely to keep the import lazy
    from tracker.config import data_dir
    from tracker.recognition import langid_model

    return langid_model.identifier(data_dir())


@cache
def _names() -> dict[str, str]:
    import tomllib

    from tracker.recognition.languages import HERE

    return tomllib.loads((HERE / "names.toml").read_text(encoding="utf-8"))["names"]


# --- the fallback: common words and the groups' phrases ------------------------------------------

@cache
def _language_words() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for lang in rules.LANGUAGES:
        for word in lang.words:
            found.setdefault(word, []).append(lang.code)
    return {word: tuple(codes) for word, codes in found.items()}


# A reply names neither AI nor the right to object; its request and reply words tell its language
# where the common words cannot ("de", "la" are Romanian as well as Spanish).
LANGUAGE_SIGNS = ("ai_at_meta", "right_to_object", "objection_words", "confirmation", "rejection",
                  "request_words", "reply_markers")
HEAD = 4000


def _by_words(text: str) -> str | None:
    from tracker.recognition.classify import group

    # One pass over the tokens (a word -> its languages), one scan per group of phrases.
    scores: dict[str, int] = {}
    words = _language_words()
    for token in re.findall(r"\w+", text[:HEAD]):  # Meta's own words come first
        for code in words.get(token, ()):
            scores[code] = scores.get(code, 0) + 1
    for group_name in LANGUAGE_SIGNS:
        seen = {(hit.language, hit.text) for hit in group(group_name).finditer(text[:HEAD])}
        for code in {lang for lang, _ in seen}:
            if code:
                scores[code] = scores.get(code, 0) + 10 * sum(1 for lang, _ in seen if lang == code)
    best, best_score = None, 0
    for lang in rules.LANGUAGES:  # ties go to the language listed first, as before
        if scores.get(lang.code, 0) > best_score:
            best, best_score = lang.code, scores[lang.code]
    return best
