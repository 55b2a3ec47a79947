"""Every fixture mail through parse -> classify, checked against its set's expected.toml.

tests/fixtures/ was written alongside the rules; tests/holdout/ was written from the field guide
alone, without reading the rules, to measure how the rules generalise (bench/recognition.py).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tracker.classify import classify
from tracker.parse import parse

SETS = [Path(__file__).parent / name for name in ("fixtures", "holdout")]
EXPECTED = [dict(entry, folder=folder) for folder in SETS
            for entry in tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]]


def outcome(entry: dict) -> dict:
    result = classify(parse((entry["folder"] / entry["file"]).read_bytes()))
    if result.suspicious:
        return {"kind": "suspicious", "suspicious_reason": result.suspicious.reason.split(":")[0]}
    if result.finding is None:
        return {"kind": "irrelevant"}
    f = result.finding
    got = {"kind": f.kind, "platform": f.platform, "account": f.account, "address": f.address,
           "language": f.language, "objection_url": f.objection_url}
    if f.covers_linked:
        got["covers_linked_accounts"] = True
    return got


def expected(entry: dict) -> dict:
    keys = ("kind", "platform", "account", "address", "language", "objection_url", "suspicious_reason",
            "covers_linked_accounts")
    want = {k: entry[k] for k in keys if k in entry}
    if want["kind"] in ("suspicious", "irrelevant"):
        return {k: v for k, v in want.items() if k in ("kind", "suspicious_reason")}
    # The form link is what a notice is for; a reply that links it again may keep it or not.
    if want["kind"] == "notice":
        want.setdefault("objection_url", None)
    else:
        want.pop("objection_url", None)
    want.setdefault("language", None)
    return want


@pytest.mark.parametrize("entry", EXPECTED, ids=[f"{e['folder'].name}/{e['file']}" for e in EXPECTED])
def test_fixture_is_recognised(entry):
    got = outcome(entry)
    want = expected(entry)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_mail_file_is_in_its_manifest(folder):
    files = {p.name for p in folder.glob("*.eml")}
    assert files == {e["file"] for e in EXPECTED if e["folder"] == folder}
    assert len(files) >= 40


def test_a_case_number_is_not_a_verification_code():
    for name in ("en_facebook_confirmation_2024.eml", "fr_facebook_rejection_refused.eml"):
        raw = (SETS[0] / name).read_bytes().replace(b"\nSubject: ", b"\nSubject: [Case 482913] ", 1)
        assert classify(parse(raw)).finding.kind in ("confirmation", "rejection"), name


def test_a_threads_link_in_an_instagram_mail_does_not_make_it_threads():
    raw = (SETS[0] / "en_instagram_other_follow.eml").read_bytes()
    raw = raw.replace(b"</body>", b'<a href="https://www.threads.net/">Try Threads</a></body>', 1)
    assert classify(parse(raw)).finding.platform == "instagram"
