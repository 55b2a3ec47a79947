# ruff: noqa: E501  (the hostile inputs read better one per line)
"""The worst single mail: the time and memory of one `ingest` (parse, classify, store) per input.

Inputs: the hostile ones of issue 16 (generated here, never committed), the DKIM ones of issue 20
(many aligned Meta signatures, with the key found or with a DNS server that never answers: run
through the tracker's own DKIM check), one realistic Facebook and Instagram notification
(bench/mailshapes.py) and every fixture. Each hostile input runs in its own
process with a timeout, so one that is still slow is reported, not waited for. Asserts nothing.

    python bench/worst_mail.py [--timeout 60] [--json]
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

HEAD = ("From: Facebook <notification@facebookmail.com>\r\nTo: anna@example.org\r\n"
        "Date: Wed, 29 May 2024 10:00:00 +0000\r\nMessage-ID: <w@facebookmail.com>\r\nMIME-Version: 1.0\r\n")
FORM = "https://www.facebook.com/help/contact/712876720715583"


def _mail(subject: str, body: str, ctype: str = "text/plain", head: str = HEAD, extra: str = "") -> bytes:
    return (head + f"Subject: {subject}\r\n{extra}Content-Type: {ctype}; charset=utf-8\r\n\r\n{body}").encode()


def hostile(name: str) -> bytes:
    if name == "display name of RFC 2047 words, 'a.' x 75,000":
        words = " ".join("=?utf-8?b?" + base64.b64encode(b"a." * 30).decode() + "?=" for _ in range(2500))
        return _mail("Security alert", "hello", head=HEAD.replace("Facebook <", f"{words} <"))
    if name == "Cc of 60,000 addresses":
        return _mail("hello", "hello", extra="Cc: " + ", ".join(f"u{i}@example.org" for i in range(60_000)) + "\r\n")
    if name == "link text 'a.' x 30,000":
        return _mail("hello", f'<a href="https://evil.example/">{"a." * 30_000}</a>', "text/html")
    if name == "20,000 blank lines in an Instagram text part":
        head = HEAD.replace("Facebook <notification@facebookmail.com>", "Instagram <no-reply@mail.instagram.com>")
        return _mail("You have 3 new notifications", "\r\n" * 20_000 + "hello", head=head)
    if name.startswith("<div> nested"):
        depth = int(name.split()[2].replace(",", ""))
        html = f'<p><a href="{FORM}">right to object</a></p>' + "<div>" * depth + "x" + "</div>" * depth
        return _mail("We're updating our Privacy Policy as we expand AI at Meta", html, "text/html")
    if name == "10 MB one-line Subject":
        return _mail("a" * 10_000_000, "hello")
    if name == "100,000-part HTML":
        parts = "".join(f"--b\r\nContent-Type: text/html\r\n\r\n<p>part {i}</p>\r\n" for i in range(100_000))
        return _mail("hello", parts + "--b--\r\n", "multipart/mixed; boundary=b")
    if name == "70 MB attachment":
        body = ("--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/pdf\r\n"
                "Content-Transfer-Encoding: base64\r\n\r\n" + ("QUJD" * 19 + "\r\n") * 900_000 + "--b--\r\n")
        return _mail("hello", body, "multipart/mixed; boundary=b")
    raise KeyError(name)


SIGNATURES = {"800 aligned DKIM signatures, key found": (800, "found"),
              "2,000 aligned DKIM signatures, key found": (2000, "found"),
              "12 aligned DKIM signatures, DNS silent": (12, "silent")}


def signed(count: int) -> bytes:
    """A notice signed by facebookmail.com, under `count` - 1 signatures an attacker copied from
    it, each naming another selector (so no lookup is cached) and none valid."""
    from tests.dkim_keys import make_key, sign

    key = make_key()
    data = sign(_mail("We're updating our Privacy Policy as we expand AI at Meta",
                      f"You have the right to object: {FORM}\r\n"), key, "facebookmail.com")
    head, _, rest = data.partition(b"\r\n")
    while rest[:1] in (b" ", b"\t"):  # the signature's folded lines
        line, _, rest = rest.partition(b"\r\n")
        head += b"\r\n" + line
    # each copy with a short b= (invalid anyway), so 2,000 of them stay under the parser's header cap
    head = re.sub(rb"\bb=[A-Za-z0-9+/=\s]+", b"b=AAAA", head)
    copies = b"".join(head.replace(b"s=s2026", b"s=x%d" % i) + b"\r\n" for i in range(count - 1))
    return copies + data, key


class _FoundResolver:
    """Every selector has the key (no DNS): the cost is the checking alone."""

    def __init__(self, key) -> None:
        self.public = key.public_txt.encode()

    def txt(self, name: bytes, timeout: float = 0) -> bytes:
        return self.public


def signature_checker(how: str, key):
    import socket

    from tracker.recognition.dkim import KeyResolver
    from tracker.recognition.verify import Checker

    if how == "found":
        return Checker(_FoundResolver(key))  # type: ignore[arg-type]
    silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # bound, never read: no answer
    silent.bind(("127.0.0.1", 0))
    signature_checker.keep = silent  # type: ignore[attr-defined]
    return Checker(KeyResolver([f"127.0.0.1:{silent.getsockname()[1]}"]))


HOSTILE = ["display name of RFC 2047 words, 'a.' x 75,000", "Cc of 60,000 addresses", "link text 'a.' x 30,000",
           "20,000 blank lines in an Instagram text part", "<div> nested 20,000 deep", "<div> nested 200,000 deep",
           "10 MB one-line Subject", "100,000-part HTML", "70 MB attachment"]
# Where a mail costs time outside one ingest: shown as a note.
NOTE = {"display name of RFC 2047 words, 'a.' x 75,000": "its cost at `status` is in report.defanged "
        "(tests/test_hostile_output.py)"}


def time_ingest(data: bytes, checker=None) -> tuple[float, str]:
    from tracker.mail.rawmail import RawMessage
    from tracker.store.engine import open_database
    from tracker.store.repo import Repository
    from tracker.sync import ingest

    sessions = open_database("sqlite://")
    with sessions.begin() as session:
        start = time.perf_counter()
        outcome, kind = ingest(Repository(session), RawMessage(data, "bench", "INBOX", 1, 1),
                               checker=checker)
        seconds = time.perf_counter() - start
    return seconds, f"{outcome}{f' ({kind})' if kind else ''}"


def one(name: str) -> None:
    time_ingest(b"From: a@example.org\r\n\r\nwarm up")  # imports and the database, before measuring
    checker = None
    if name in SIGNATURES:
        count, how = SIGNATURES[name]
        data, key = signed(count)
        checker = signature_checker(how, key)
    else:
        data = hostile(name)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, outcome = time_ingest(data, checker)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": round(seconds, 3), "outcome": outcome, "input_mb": round(len(data) / 1e6, 1),
                      "rss_growth_mb": round((peak - base) / 1024, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--only", choices=["signatures"], help="only the DKIM signature cases")
    args = ap.parse_args()
    if args.case:
        one(args.case)
        return
    rows = []
    for name in list(SIGNATURES) if args.only else [*HOSTILE, *SIGNATURES]:
        try:
            out = subprocess.run([sys.executable, __file__, "--case", name], capture_output=True, text=True,
                                 timeout=args.timeout, check=True).stdout
            rows.append({"input": name, **json.loads(out)})
        except subprocess.TimeoutExpired:
            rows.append({"input": name, "seconds": None, "outcome": f"still running after {args.timeout:.0f} s"})
    if not args.only:
        import mailshapes

        rng = random.Random(3)
        ordinary = {"Facebook notification (realistic)": mailshapes.notification(rng, 1, 10, True),
                    "Instagram notification (realistic)": mailshapes.notification(rng, 2, 10, True)}
        ordinary.update({p.name: p.read_bytes()
                         for p in sorted((ROOT / "tests" / "fixtures").glob("*.eml"))})
        timed = {name: time_ingest(data) for name, data in ordinary.items()}
        slowest = max(timed, key=lambda k: timed[k][0])
        rows.append({"input": f"slowest of {len(ordinary)} ordinary mails: {slowest}",
                     "seconds": round(timed[slowest][0], 3), "outcome": timed[slowest][1]})
    finished = [r for r in rows if r["seconds"] is not None]
    worst = max(finished, key=lambda r: r["seconds"])
    lines = ["| input | seconds (one ingest) | memory growth MB | outcome | note |",
             "|---|---:|---:|---|---|"]
    for r in rows:
        seconds = "—" if r["seconds"] is None else r["seconds"]
        lines.append(f"| {r['input']} | {seconds} | {r.get('rss_growth_mb', '')} | {r['outcome']} | "
                     f"{NOTE.get(r['input'], '')} |")
    unfinished = [r["input"] for r in rows if r["seconds"] is None]
    lines.append("")
    lines.append(f"worst mail: {worst['seconds']} s ({worst['input']})" +
                 (f"; not finished within {args.timeout:.0f} s: {', '.join(unfinished)}" if unfinished else ""))
    table = "\n".join(lines)
    if args.json:
        print(json.dumps({"rows": rows, "worst": worst, "table": table}))
    else:
        print(table)


if __name__ == "__main__":
    main()
