"""The language files (tracker/recognition/languages/<code>.toml): every one follows schema.toml,
index.toml lists exactly the files there are, and the loader refuses a file that breaks the schema
with a message naming the file and the key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tracker.recognition import languages, rules

FILES = sorted(p.stem for p in languages.HERE.glob("*.toml") if p.stem not in ("schema", "index", "names"))


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


WELSH_REPLY = ("From: Facebook <noreply@facebookmail.com>\nTo: anna@example.org\n"
               "Subject: [Case #482913] Eich cais\nMessage-ID: <cy@facebookmail.com>\n"
               "Content-Type: text/plain; charset=utf-8\n\n"
               "Helo Anna,\n\nRydym wedi adolygu eich cais ynghylch deallusrwydd artiffisial yn Meta. "
               "Mae eich objection accepted, ac ni fyddwn yn defnyddio eich gwybodaeth o hyn ymlaen.\n\n"
               "Diolch,\nTîm Meta\n\nAnfonwyd y neges hon at anna@example.org.\n")


def test_a_reply_in_a_language_the_rules_lack_is_said_not_guessed():
    # English grant words ("objection accepted") inside a Welsh reply once made it a confirmation.
    from tracker.recognition.classify import classify
    from tracker.recognition.parse import parse

    finding = classify(parse(WELSH_REPLY.encode())).finding
    assert (finding.kind, finding.language) == ("unclear_reply", "cy")
    assert "written in Welsh, which the rules do not cover" in str(finding.reason)


def test_the_mail_s_own_language_tag_decides():
    from tracker.recognition.classify import classify
    from tracker.recognition.parse import parse

    raw = WELSH_REPLY.replace("Content-Type:", "Content-Language: de\nContent-Type:")
    assert classify(parse(raw.encode())).finding.language == "de"


@pytest.mark.parametrize("text, code", [
    ("Wir haben deinen Widerspruch erhalten und werden ihn prüfen.", "de"),
    ("Nous avons bien reçu votre demande d'opposition.", "fr"),
    ("İtiraz talebini aldık ve inceliyoruz.", "tr"),
    ("Мы получили ваш запрос и рассмотрим его.", "ru"),
    ("リクエストを受け付けました。確認後にご連絡します。", "ja"),
])
def test_the_identifier_names_the_language_of_a_short_text(text, code):
    from tracker.recognition.language import identify

    assert identify(text)[0] == code


def test_rules_lists_every_language_file():
    from click.testing import CliRunner

    from cli import cli

    out = " ".join(CliRunner().invoke(cli, ["rules"], catch_exceptions=False).output.split())
    listed = out.split("Languages (")[1].split("Genuine sender")[0]
    assert listed.startswith(f"{len(FILES)}, one file each")
    assert all(f"{code} (" in listed for code in FILES)


def test_the_lean_loader_holds_py3langids_model_value_for_value():
    """Issue 21 item 3: langid_model reads py3langid's model in less memory; every table must be
    the one py3langid's own loader returns, so that every answer is the same."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    from tracker.recognition import langid_model

    ptc, pc, classes, nextmove, row, out = load_model(MODEL_DIR / MODEL_FILE)
    lean = langid_model.identifier()
    assert lean.nb_ptc.dtype == ptc.dtype and (lean.nb_ptc == ptc).all()
    assert lean.nb_pc.dtype == pc.dtype and (lean.nb_pc == pc).all()
    assert lean.nb_classes == classes
    import numpy as np

    whole = np.frombuffer(nextmove, dtype=np.uint32)
    high = np.unpackbits(np.frombuffer(lean.high_bits, dtype=np.uint8), bitorder="little")
    assert not high[len(whole):].any()
    split = np.frombuffer(lean.tk_nextmove, dtype=np.uint16) | high[:len(whole)].astype(np.uint32) << 16
    assert (split == whole).all() and high.any()
    assert lean.tk_row == row and list(lean.tk_output) == out
    assert list(lean._rowbase) == [r << 8 for r in row]
    texts = [f"{case['subject']}\n{case['text']}"
             for path in sorted((Path(__file__).parent / "languages").glob("*.toml"))
             for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]
    from py3langid.langid import LanguageIdentifier

    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    assert len(texts) > 100
    assert [lean.rank(text) for text in texts] == [stock.rank(text) for text in texts]


def test_loading_the_identifier_costs_at_most_60_mb_of_peak_memory():
    """Issue 21 item 3: py3langid's own loader took the sync's peak up by ~105 MB (a 39 MB table
    held twice while it was copied, two per-state tables as lists of ints); the model now takes ~52 MB at its peak."""
    import os
    import subprocess
    import sys

    probe = (
        "import resource, numpy\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "from tracker.recognition.language import identify\n"
        "assert identify('Wir haben deinen Widerspruch erhalten.')[0] == 'de'\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}  # this tree's tracker
    grown = int(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                               text=True, env=env).stdout)
    assert grown <= 60, f"loading the identifier took the peak up by {grown} MB"
