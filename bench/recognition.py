"""Recognition figures: precision and recall per kind, the time classify takes per mail, and
which kinds x languages the test sets cover. Prints figures; asserts nothing
(tests/test_classify_fixtures.py checks the outcomes, never the times).

    python bench/recognition.py                  # precision/recall on tests/fixtures
    python bench/recognition.py --set holdout    # on tests/holdout, written blind to the rules
    python bench/recognition.py --set traps      # on tests/traps, issue 10's failures
    python bench/recognition.py --set blind      # on tests/blind, a second blind set
    python bench/recognition.py --set blind2     # on tests/blind2, a third, written after issue 10
    python bench/recognition.py --holdout        # the same as --set holdout
    python bench/recognition.py --timing         # ms per mail: everyday, flow, large and hostile mail
    python bench/recognition.py --coverage       # kinds x languages over the sets, quoted in the README
    python bench/recognition.py --by-language    # kinds right per language, every set (blind3 to blind6 too)
"""

from __future__ import annotations

import statistics
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.recognition.classify import _is_objection_text, classify  # noqa: E402
from tracker.recognition.links import _cleaned  # noqa: E402
from tracker.recognition.parse import parse  # noqa: E402
from tracker.recognition.rules import LANGUAGES  # noqa: E402

TESTS = Path(__file__).resolve().parents[1] / "tests"
KINDS = ("notice", "verification_code", "acknowledgement", "confirmation", "rejection",
         "unclear_reply", "third_party_reply", "other", "suspicious", "irrelevant")
COVERED = ("fixtures", "holdout", "traps", "blind", "blind2")
ALL_SETS = COVERED + ("blind3", "blind4", "blind5", "blind6")


def chosen_set() -> str:
    if "--holdout" in sys.argv:
        return "holdout"
    if "--set" in sys.argv:
        return sys.argv[sys.argv.index("--set") + 1]
    return "fixtures"


def manifest(folder: Path) -> list[dict]:
    return tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]


def predicted_kind(path: Path) -> str:
    result = classify(parse(path.read_bytes()))
    if result.suspicious:
        return "suspicious"
    return result.finding.kind if result.finding else "irrelevant"


def precision_recall(folder: Path) -> str:
    tp, fp, fn = Counter(), Counter(), Counter()
    misses = []
    for entry in manifest(folder):
        want, got = entry["kind"], predicted_kind(folder / entry["file"])
        if want == got:
            tp[want] += 1
        else:
            fp[got] += 1
            fn[want] += 1
            misses.append(f"  {entry['file']}: expected {want}, got {got}")
    lines = [f"{folder.name}: {sum(tp.values())} of {sum(tp.values()) + sum(fn.values())} mails right; "
             f"false confirmations: {fp['confirmation']}", "",
             "| kind | mails | precision | recall |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        if not (tp[kind] or fp[kind] or fn[kind]):
            continue
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        lines.append(f"| {kind} | {tp[kind] + fn[kind]} | {p:.2f} | {r:.2f} |")
    return "\n".join(lines + (["", "misclassified:"] + misses if misses else []))


def _ms(raw: bytes, repeat: int) -> float:
    mail = parse(raw)
    classify(mail)  # compiles the matchers once, as the first mail of a sync does
    times = []
    for _ in range(repeat):
        # Each mail of a sync has links of its own (mids, tokens): time it without the caches a
        # repeat of the same mail would hit.
        _cleaned.cache_clear()
        _is_objection_text.cache_clear()
        start = time.perf_counter()
        classify(mail)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def everyday_5kb() -> bytes:
    """The everyday notification issue 10 measured: ~5 kB of HTML, a comment and a footer."""
    comment = "That looks great! Where was this? " * 12
    links = "".join(f'<a href="https://www.facebook.com/n/?photo.php%3Ffbid%3D{i}&aref=1&mid={i}a'
                    f'&n_m=anna%40example.org">See photo {i}</a> ' for i in range(20))
    return ("From: Facebook <notification@facebookmail.com>\nTo: anna@example.org\n"
            "Subject: Maria Lopez commented on your post\nMessage-ID: <c5@facebookmail.com>\n"
            "Content-Type: text/html; charset=utf-8\n\n"
            f"<html><body><p>Hi Anna,</p><p>Maria Lopez commented on your post.</p>"
            f"<p>\u201c{comment}\u201d</p><p>{links}</p><p>This message was sent to anna@example.org. If "
            "you don't want to receive these emails from Meta in the future, please unsubscribe.</p>"
            "<p>Meta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland</p></body></html>\n").encode()


def large_everyday() -> bytes:
    """A realistic 'You have N new notifications' digest of ~40 kB: many comments and posts."""
    items = "".join(
        f"<p><b>Person {i}</b> commented on your post: \u201cGreat photo {i}! Where was this taken? "
        f"I object to nothing here, will honor my promise to visit, code 12{i:04d}\u201d "
        f'<a href="https://www.facebook.com/n/?permalink.php%3Fstory_fbid%3D{i}&aref=1&n_m=anna%40example.org">'
        f"Reply</a></p>" for i in range(120))
    return ("From: Facebook <notification@facebookmail.com>\nTo: anna@example.org\n"
            "Subject: You have 120 new notifications\nMessage-ID: <big@facebookmail.com>\n"
            "Content-Type: text/html; charset=utf-8\n\n"
            f"<html><body><p>Hi Anna,</p>{items}<p>This message was sent to anna@example.org.</p>"
            "</body></html>\n").encode()


def hostile() -> dict[str, bytes]:
    """Issue 16's slow inputs, generated here, never committed."""
    head = "From: Instagram <no-reply@mail.instagram.com>\nTo: anna@example.org\nSubject: {s}\n"
    return {
        "20,000 blank lines in an Instagram text part": (
            head.format(s="Hi") + "Content-Type: text/plain; charset=utf-8\n\n"
            + "\n" * 20000 + "Hi anna.photos,\nThis message was sent to anna@example.org and intended "
            "for anna.photos.\n").encode(),
        'a link text of "a."x30,000': (
            head.format(s="Hi") + "Content-Type: text/html; charset=utf-8\n\n"
            + '<a href="https://evil.example/">' + "a." * 30000 + "</a>\n").encode(),
        "a 1 MB one-line subject": (head.format(s="x" * 1_000_000)
                                    + "Content-Type: text/plain\n\nHi\n").encode(),
    }


def timing() -> str:
    everyday, flow = [], []
    for name in COVERED:
        folder = TESTS / name
        for entry in manifest(folder):
            if entry["kind"] in ("suspicious", "irrelevant"):
                continue
            ms = _ms((folder / entry["file"]).read_bytes(), 20)
            (everyday if entry["kind"] == "other" else flow).append(ms)
    lines = ["classify, median of 20 runs per mail, in ms (parse not included):", "",
             "| mails | n | median | worst |", "|---|---:|---:|---:|",
             f"| everyday Meta mail (other) | {len(everyday)} | {statistics.median(everyday):.3f} | "
             f"{max(everyday):.3f} |",
             f"| flow mail (notice, code, reply) | {len(flow)} | {statistics.median(flow):.3f} | "
             f"{max(flow):.3f} |",
             f"| a 5 kB comment notification with 20 links | 1 | {_ms(everyday_5kb(), 20):.3f} | |",
             f"| a 40 kB everyday digest with 120 comments | 1 | {_ms(large_everyday(), 20):.3f} | |"]
    worst = 0.0
    for label, raw in hostile().items():
        start = time.perf_counter()
        classify(parse(raw))
        took = (time.perf_counter() - start) * 1000
        worst = max(worst, took)
        lines.append(f"| hostile: {label} (parse + classify, once) | 1 | {took:.1f} | |")
    lines.append("")
    lines.append(f"worst hostile mail: {worst:.1f} ms")
    return "\n".join(lines)


def coverage() -> str:
    both = [e for name in COVERED for e in manifest(TESTS / name)]
    cells = Counter((e["kind"], e.get("language", "?")) for e in both)
    langs = [lang.code for lang in LANGUAGES]
    lines = ["| kind | " + " | ".join(langs) + " |", "|---|" + "---:|" * len(langs)]
    for kind in KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(cells[(kind, c)] or "") for c in langs) + " |")
    return "\n".join(lines)


def by_language() -> str:
    """Kinds right per language the manifests name, over every set: where a language falls
    behind, its file in tracker/recognition/languages/ is the place to look."""
    right, total, false_yes, sets = Counter(), Counter(), Counter(), {}
    for name in ALL_SETS:
        for entry in manifest(TESTS / name):
            lang = entry.get("language", "-")  # suspicious and irrelevant mail has none
            got = predicted_kind(TESTS / name / entry["file"])
            total[lang] += 1
            right[lang] += got == entry["kind"]
            false_yes[lang] += got == "confirmation" and entry["kind"] != "confirmation"
            sets.setdefault(lang, set()).add(name)
    covered = {lang.code for lang in LANGUAGES}
    lines = ["| language | file | kinds right | false confirmations | sets |", "|---|---|---:|---:|---|"]
    for lang in sorted(total, key=lambda code: (code == "-", code)):
        lines.append(f"| {lang} | {'yes' if lang in covered else ('' if lang == '-' else 'no')} | "
                     f"{right[lang]}/{total[lang]} | {false_yes[lang]} | {', '.join(sorted(sets[lang]))} |")
    lines += ["", f"all: {sum(right.values())}/{sum(total.values())} kinds right, "
              f"{sum(false_yes.values())} false confirmations"]
    return "\n".join(lines)


if __name__ == "__main__":
    if "--by-language" in sys.argv:
        print(by_language())
    elif "--coverage" in sys.argv:
        print(coverage())
    elif "--timing" in sys.argv:
        print(timing())
    else:
        print(precision_recall(TESTS / chosen_set()))
