"""The language files (tracker/recognition/languages/<code>.toml): every one follows schema.toml,
index.toml lists exactly the files there are, and the loader refuses a file that breaks the schema
with a message naming the file and the key."""

from __future__ import annotations

import os
import stat
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


def _same_tables(mine, stock) -> None:
    assert mine.nb_ptc.dtype == stock.nb_ptc.dtype and (mine.nb_ptc == stock.nb_ptc).all()
    assert mine.nb_pc.dtype == stock.nb_pc.dtype and (mine.nb_pc == stock.nb_pc).all()
    assert mine.nb_classes == stock.nb_classes
    import numpy as np

    whole = np.frombuffer(stock.tk_nextmove, dtype=np.uint32)
    high = np.unpackbits(np.frombuffer(mine.high_bits, dtype=np.uint8), bitorder="little")
    assert not high[len(whole):].any() and high.any()
    split = np.frombuffer(mine.tk_nextmove, dtype=np.uint16) | high[:len(whole)].astype(np.uint32) << 16
    assert (split == whole).all()
    assert mine.tk_row.tolist() == stock.tk_row.tolist()
    assert mine.tk_output.tolist() == stock.tk_output
    assert list(mine._rowbase) == stock._rowbase


@pytest.fixture(scope="module")
def stock():
    """py3langid's own identifier, loaded by py3langid's own loader."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_the_mapped_model_holds_py3langids_tables_value_for_value(tmp_path, stock):
    """Issue 21 item 3: langid_model maps py3langid's tables from a file it makes in the data
    folder; made, mapped again, or read into memory where there is no folder, every table must be
    the one py3langid's own loader returns, and every ranking the same."""
    from tracker.recognition import langid_model

    made = langid_model.identifier(tmp_path)  # makes the file
    mapped = langid_model.identifier(tmp_path)  # maps the file made
    in_memory = langid_model.identifier(None)
    texts = [f"{case['subject']}\n{case['text']}"
             for path in sorted((Path(__file__).parent / "languages").glob("*.toml"))
             for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]]
    assert len(texts) > 100
    ranks = [stock.rank(text) for text in texts]
    for mine in (made, mapped, in_memory):
        _same_tables(mine, stock)
        assert [mine.rank(text) for text in texts] == ranks


def test_every_test_mail_gets_the_language_py3langids_own_identifier_gives_it(stock):
    """Issue 21 item 3: the language of every mail under tests/ is the one it had before the
    model was mapped from a file (py3langid's own loader), as classify finds it, and so is every
    identification made on the way (the code and its probability)."""
    from tracker.recognition import language
    from tracker.recognition.classify import classify
    from tracker.recognition.parse import parse

    mails = sorted(Path(__file__).parent.rglob("*.eml"))
    assert len(mails) > 500

    def languages_of_all() -> tuple[list[str | None], list[tuple[str, float]]]:
        asked: list[tuple[str, float]] = []
        identify = language.identify

        def recorded(text: str) -> tuple[str | None, float]:
            asked.append(found := identify(text))
            return found

        language.identify = recorded
        try:
            found = []
            for path in mails:
                result = classify(parse(path.read_bytes()))
                found.append(result.finding.language if result.finding else None)
            return found, asked
        finally:
            language.identify = identify

    mapped = languages_of_all()
    saved = language._identifier
    language._identifier = lambda: stock
    try:
        before = languages_of_all()
    finally:
        language._identifier = saved
    assert len(mapped[1]) > 100 and any(mapped[0])
    assert mapped == before


def test_the_model_file_is_private_and_made_again_when_it_is_not_the_one_it_should_be(tmp_path):
    from tracker.recognition import langid_model

    folder = tmp_path / "new" / "data"  # `new` was made 0755 (umask 022) before
    old = os.umask(0o022)
    try:
        langid_model.identifier(folder)
    finally:
        os.umask(old)
    path = folder / langid_model.NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [langid_model.NAME]  # no scratch file left
    good = path.read_bytes()

    def made_again(spoil) -> bool:
        spoil()
        made = path.stat().st_ino
        ident = langid_model.identifier(folder)
        assert ident.classify("Wir haben deinen Widerspruch erhalten.")[0] == "de"
        return path.stat().st_ino != made and path.read_bytes() == good

    # Another py3langid or another model: the stamp differs.
    assert made_again(lambda: path.write_bytes(good.replace(b'"py3langid": "', b'"py3langid": "0')))
    assert made_again(lambda: path.write_bytes(good[:-1]))  # cut short
    assert made_again(lambda: path.chmod(0o622))  # writable by others
    assert not made_again(lambda: None)  # a good file is mapped as it is
    # A link in its place is replaced, never followed.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(good)
    path.unlink()
    path.symlink_to(elsewhere)
    langid_model.identifier(folder)
    assert not path.is_symlink() and path.read_bytes() == good
    assert elsewhere.read_bytes() == good


@pytest.mark.parametrize("table", ["ptc", "pc", "nextmove_low", "nextmove_high", "nextmove_row",
                                   "out_feat", "classes"])
def test_a_cache_changed_inside_is_made_again_not_read_for_a_wrong_language(tmp_path, table):
    """Found: 4 KB of a table zeroed or overwritten, the header left whole, and the cache was
    mapped as it was: 'We have received your objection request.' came out Afrikaans (pc), and
    the scores changed for ptc, nextmove_row and out_feat. Its CRC-32 now tells, and it is made
    again."""
    import json

    from tracker.recognition import langid_model

    folder = tmp_path / "data"
    langid_model.identifier(folder)
    path = folder / langid_model.NAME
    good = path.read_bytes()
    spoilt = bytearray(good)
    if table == "classes":  # in the header: two names swapped, the JSON still valid
        spoilt[:langid_model.HEADER] = good[:langid_model.HEADER].replace(
            b'"en", "eo"', b'"af", "eo"').replace(b'"af", "am"', b'"en", "am"')
        assert spoilt != good
    else:
        head = good[len(langid_model.MAGIC):langid_model.HEADER - langid_model.CHECK]
        start, size, _, _ = json.loads(head.rstrip(b"\0"))["tables"][table]
        middle = start + size // 2
        spoilt[middle:middle + min(4096, size)] = bytes(reversed(good[middle:middle + min(4096, size)]))
        spoilt[middle] ^= 0xFF
    path.write_bytes(spoilt)
    ident = langid_model.identifier(folder)
    assert path.read_bytes() == good
    for text, code in [("We have received your objection request.", "en"),
                       ("Wir haben deinen Widerspruch erhalten.", "de")]:
        assert ident.classify(text)[0] == code


def test_a_fifo_in_the_cache_s_place_is_replaced_not_waited_on(tmp_path):
    """Found: a FIFO named language-model.cache in the data folder made the first language
    identification wait for ever (killed by `timeout 20`): the cache was opened for reading
    without O_NONBLOCK."""
    import os
    import subprocess
    import sys

    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    os.mkfifo(folder / "language-model.cache", 0o600)
    probe = ("import sys\nfrom pathlib import Path\nfrom tracker.recognition import langid_model\n"
             "print(langid_model.identifier(Path(sys.argv[1])).classify('Wir haben deinen "
             "Widerspruch erhalten.')[0])\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run([sys.executable, "-c", probe, str(folder)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.stdout.strip() == "de", done.stderr
    assert (folder / "language-model.cache").is_file()


def test_what_a_run_killed_while_writing_the_cache_left_is_removed(tmp_path):
    """Found: a run killed (SIGKILL) 1.0 s into making the cache left its new file,
    .language-model.cache.<hex> (49,922,588 bytes), for good; one killed at 0.5 s an empty one."""
    import time

    from tracker.recognition import langid_model

    folder = tmp_path / "data"
    langid_model.identifier(folder)
    left = folder / f".{langid_model.NAME}.0123456789abcdef"
    writing = folder / f".{langid_model.NAME}.fedcba9876543210"  # another run, writing now
    for path in (left, writing):
        path.write_bytes(b"\0" * 4096)
    hour_ago = time.time() - 3600
    os.utime(left, (hour_ago, hour_ago))
    langid_model.identifier(folder)
    assert sorted(p.name for p in folder.iterdir()) == [writing.name, langid_model.NAME]


def test_a_data_folder_that_cannot_be_written_reads_the_model_into_memory(tmp_path):
    from tracker.recognition import langid_model

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    ident = langid_model.identifier(blocked / "data")
    assert ident.classify("Nous avons bien reçu votre demande d'opposition.")[0] == "fr"


def test_loading_the_identifier_costs_little_memory():
    """Issue 21 item 3: py3langid's own loader took the sync's peak up by ~105 MB (its tables
    are 68 MB, and were held twice while copied). Mapped from a file, the tables cost what is
    read of them (here a few pages; ~13 MB over a 20,000-message sync); making the file streams
    it, through the xz decompressor's 9 MB."""
    import os
    import subprocess
    import sys

    probe = (  # hashlib's OpenSSL (3.4 MB) is loaded in a sync before any mail is read
        "import resource, numpy, hashlib\n"
        "from tracker.recognition.language import identify\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "assert identify('Wir haben deinen Widerspruch erhalten.')[0] == 'de'\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}  # this tree's tracker
    grown = [int(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True,
                                text=True, env=env).stdout) for _ in ("makes the file", "maps it")]
    assert grown[0] <= 25 and grown[1] <= 10, f"loading the identifier took the peak up by {grown} MB"
