"""Recognition figures on the fixture set: precision and recall per kind, and which kinds x
languages the fixtures cover. Prints figures; asserts nothing (tests/test_classify_fixtures.py does).

    python bench/recognition.py             # the precision/recall table on tests/fixtures
    python bench/recognition.py --holdout   # the same on tests/holdout, written blind to the rules
    python bench/recognition.py --coverage  # kinds x languages over both sets, quoted in the README
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.classify import classify  # noqa: E402
from tracker.parse import parse  # noqa: E402
from tracker.rules import LANGUAGES  # noqa: E402

TESTS = Path(__file__).resolve().parents[1] / "tests"
FIXTURES = TESTS / ("holdout" if "--holdout" in sys.argv else "fixtures")
KINDS = ("notice", "verification_code", "confirmation", "rejection", "other", "suspicious", "irrelevant")


def manifest(folder: Path = FIXTURES) -> list[dict]:
    return tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]


def predicted_kind(path: Path) -> str:
    result = classify(parse(path.read_bytes()))
    if result.suspicious:
        return "suspicious"
    return result.finding.kind if result.finding else "irrelevant"


def precision_recall() -> str:
    tp, fp, fn = Counter(), Counter(), Counter()
    misses = []
    for entry in manifest():
        want, got = entry["kind"], predicted_kind(FIXTURES / entry["file"])
        if want == got:
            tp[want] += 1
        else:
            fp[got] += 1
            fn[want] += 1
            misses.append(f"  {entry['file']}: expected {want}, got {got}")
    lines = ["| kind | mails | precision | recall |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        lines.append(f"| {kind} | {tp[kind] + fn[kind]} | {p:.2f} | {r:.2f} |")
    return "\n".join(lines + (["", "misclassified:"] + misses if misses else []))


def coverage() -> str:
    both = manifest(TESTS / "fixtures") + manifest(TESTS / "holdout")
    cells = Counter((e["kind"], e.get("language", "?")) for e in both)
    langs = [lang.code for lang in LANGUAGES]
    lines = ["| kind | " + " | ".join(langs) + " |", "|---|" + "---:|" * len(langs)]
    for kind in KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(cells[(kind, c)] or "") for c in langs) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(coverage() if "--coverage" in sys.argv else precision_recall())
