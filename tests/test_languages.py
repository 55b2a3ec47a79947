"""The language files (tracker/recognition/languages/<code>.toml): every one follows schema.toml,
index.toml lists exactly the files there are, and the loader refuses a file that breaks the schema
with a message naming the file and the key."""

from __future__ import annotations

import tomllib

import pytest

from tracker.recognition import languages, rules

FILES = sorted(p.stem for p in languages.HERE.glob("*.toml") if p.stem not in ("schema", "index"))


def test_the_index_lists_every_language_file_once():
    assert sorted(languages.index()) == FILES and len(set(languages.index())) == len(FILES)


@pytest.mark.parametrize("code", FILES)
def test_every_language_file_follows_the_schema(code):
    data = tomllib.loads((languages.HERE / f"{code}.toml").read_text(encoding="utf-8"))
    assert languages.problems(data, code) == []


def test_every_key_of_the_schema_is_a_field_the_rules_read():
    from dataclasses import fields

    assert set(languages.schema()) == {f.name for f in fields(languages.Language)}


@pytest.mark.parametrize("change, complaint", [
    ({"objection_words": ["(unclosed"]}, "objection_words: '(unclosed' is no regular expression"),
    ({"greeting": ["hi|"]}, "matches the empty text"),
    ({"intended_for": ["intended for"]}, "has no {u}"),
    ({"confirmation": ["We Will Honour"]}, "capital letters"),
    ({"confirmaton": ["we will honour"]}, "unknown key 'confirmaton'"),
    ({"negations": "not"}, "negations: must be a list"),
    ({"ambiguous_conditionals": ["maybe"]}, "not in conditionals"),
], ids=["regex", "empty", "no-username", "capitals", "typo", "not-a-list", "ambiguous"])
def test_a_broken_file_is_refused_naming_the_key(change, complaint):
    data = tomllib.loads((languages.HERE / "en.toml").read_text(encoding="utf-8"))
    found = languages.problems({**data, **change}, "en")
    assert any(complaint in problem for problem in found), found


def test_a_file_without_a_required_key_is_refused():
    data = tomllib.loads((languages.HERE / "en.toml").read_text(encoding="utf-8"))
    del data["confirmation"]
    assert "missing key 'confirmation'" in languages.problems(data, "en")


def test_the_unions_are_built_from_the_files():
    assert {"code", "kód", "κωδικ"} <= set(rules.CODE_WORDS)
    assert rules.LANGUAGE_ALIASES["no"] == "nb"
    assert {lang.code for lang in rules.LANGUAGES} == set(FILES)
