"""Every fixture mail through parse -> classify, checked against tests/fixtures/expected.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tracker.classify import classify
from tracker.parse import parse

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))["mail"]


def outcome(entry: dict) -> dict:
    result = classify(parse((FIXTURES / entry["file"]).read_bytes()))
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
    want.setdefault("objection_url", None)
    want.setdefault("language", None)
    return want


@pytest.mark.parametrize("entry", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_fixture_is_recognised(entry):
    got = outcome(entry)
    want = expected(entry)
    assert {k: got.get(k) for k in want} == want


def test_every_fixture_file_is_in_the_manifest():
    files = {p.name for p in FIXTURES.glob("*.eml")}
    assert files == {e["file"] for e in EXPECTED}
    assert len(files) >= 40
