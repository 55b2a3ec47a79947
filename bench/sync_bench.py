"""Sync benchmark on a large mailbox: the tracker against the script a user would write.

Starts Dovecot (tests/imap_server.py), writes N messages straight into its Maildir (newsletters,
personal mail, ~5 % everyday Facebook/Instagram notifications, a handful of notices, codes and
confirmations from tests/fixtures), then measures, each in its own process:

  tracker first sync, unchanged re-sync, re-sync after 100 new mails (SQLite; first sync also on
  PostgreSQL), and the baseline: imapclient searching Meta's sender domains since a date and
  fetching every match with BODY.PEEK[], each HTML body parsed with BeautifulSoup.

Wall time, peak memory (the child's max RSS) and bytes the server sent (Dovecot's own `out=`).
Prints a table and writes JSON. Asserts nothing.

    python bench/sync_bench.py [--messages 100000] [--json bench/results/latest.json] [--no-pg]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.imap_server import DovecotServer  # noqa: E402

USER, PASSWORD = "bench", "bench-password"
FIXTURES = ROOT / "tests" / "fixtures"
PG_URL = os.environ.get("OBJECTION_TRACKER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

BASELINE = r'''
import sys, email, email.policy
from bs4 import BeautifulSoup
from imapclient import IMAPClient
host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
terms = ["facebookmail.com", "instagram.com", "facebook.com", "whatsapp.com", "meta.com"]
criteria = ["SINCE", "01-Jan-2024"]
for t in terms[:-1]:
    criteria += ["OR", "FROM", t]
criteria += ["FROM", terms[-1]]
found = 0
with IMAPClient(host, port, ssl=False) as c:
    c.login(user, password)
    c.select_folder("INBOX", readonly=True)
    uids = c.search(criteria)
    for i in range(0, len(uids), 500):
        for uid, data in c.fetch(uids[i:i + 500], ["BODY.PEEK[]"]).items():
            msg = email.message_from_bytes(data[b"BODY[]"], policy=email.policy.default)
            html = msg.get_body(("html",))
            try:
                content = html.get_content() if html is not None else ""
            except (LookupError, ValueError):
                continue
            soup = BeautifulSoup(content, "html.parser")
            found += "contact/712876720715583" in str(soup) or "contact/767264225370182" in str(soup)
print(len(uids), found)
'''


# --- the mailbox -------------------------------------------------------------------------------

WORDS = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
         "tempor", "labore", "dolore", "magna", "aliqua", "meeting", "invoice", "project", "weekend",
         "travel", "photos", "garden")


def _para(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _date(i: int, n: int) -> str:
    start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)
    when = start + dt.timedelta(seconds=int(i * (3 * 365 * 86400) / n))
    return when.strftime("%a, %d %b %Y %H:%M:%S +0000")


def newsletter(rng: random.Random, i: int, n: int) -> bytes:
    html = "".join(f"<tr><td style='padding:8px;font-family:Arial'>{_para(rng, 40)}</td></tr>"
                   for _ in range(rng.randint(10, 60)))
    return (f"From: Shop {i % 40} <news@shop{i % 40}.example>\r\nTo: anna@example.org\r\n"
            f"Subject: Deals of the week {i}\r\nDate: {_date(i, n)}\r\nMessage-ID: <n{i}@shop.example>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            f"<html><body><table>{html}</table></body></html>\r\n").encode()


def personal(rng: random.Random, i: int, n: int) -> bytes:
    return (f"From: Friend {i % 300} <friend{i % 300}@example.net>\r\nTo: anna@example.org\r\n"
            f"Subject: Re: {_para(rng, 4)}\r\nDate: {_date(i, n)}\r\nMessage-ID: <p{i}@example.net>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + "\r\n".join(_para(rng, 14) for _ in range(rng.randint(3, 40))) + "\r\n").encode()


def notification(rng: random.Random, i: int, n: int) -> bytes:
    """Everyday Meta mail shaped like the real thing: a small text part, a heavy inline-styled HTML."""
    ig = i % 2 == 0
    sender = "Instagram <no-reply@mail.instagram.com>" if ig else "Facebook <notification@facebookmail.com>"
    account = "anna.photos" if ig else "anna@example.org"
    footer = ("This message was sent to anna@example.org and intended for anna.photos." if ig
              else "This message was sent to anna@example.org.")
    greeting = account if ig else "Anna"
    text = f"Hi {greeting},\r\nYou have {rng.randint(2, 40)} new notifications.\r\n{footer}\r\n"
    rows = "".join(
        f"<tr><td style='font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#1c1e21;padding:"
        f"4px 0 4px 0'><a href='https://www.facebook.com/n/?story.php%3Fid%3D{rng.randint(1, 10**12)}"
        f"&aref={rng.randint(10**9, 10**10)}&medium=email&mid=6a1{rng.randint(10**8, 10**9)}'"
        f" style='color:#385898;text-decoration:none'>{_para(rng, 12)}</a></td></tr>"
        for _ in range(rng.randint(40, 90)))
    html = (f"<html><body><table width='100%' style='background:#fff'>{rows}"
            f"<tr><td>{footer} <a href='https://www.facebook.com/privacy/policy/'>Privacy Policy</a>"
            "</td></tr></table></body></html>")
    boundary = f"b{i}"
    auth = ("mx.example.org; dkim=pass header.d=" + ("instagram.com" if ig else "facebookmail.com")
            + "; dmarc=pass")
    return (f"Authentication-Results: {auth}\r\nFrom: {sender}\r\nTo: anna@example.org\r\n"
            f"Subject: You have new notifications\r\nDate: {_date(i, n)}\r\n"
            f"Message-ID: <e{i}.{uuid.UUID(int=rng.getrandbits(128)).hex}@facebookmail.com>\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
            f"--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
            f"--{boundary}--\r\n").encode()


def flow_mails() -> list[bytes]:
    return [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml"))
            if not p.name.startswith(("irr_", "sus_"))][:40]


def mailbox(n: int, seed: int = 7) -> Iterator[bytes]:
    """Generated one at a time: a child forked from a fat parent would report the parent's RSS."""
    rng = random.Random(seed)
    special = flow_mails()
    every = max(1, n // (len(special) + 1))
    for i in range(n):
        if i % every == every // 2 and special:
            yield special.pop()
        elif rng.random() < 0.05:
            yield notification(rng, i, n)
        elif rng.random() < 0.5:
            yield newsletter(rng, i, n)
        else:
            yield personal(rng, i, n)


# --- measuring ---------------------------------------------------------------------------------

# Linux keeps a process's peak RSS across exec, so a child forked from this (large) process would
# report our peak as its own. A small launcher process is exec'd first; it forks the measured
# command and reports that child's own peak, which can then only include the launcher's few MB.
LAUNCHER = r"""
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(proc.pid, 0)
print(f"BENCH_MAXRSS_KB={usage.ru_maxrss}", file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        code = subprocess.call([sys.executable, "-c", LAUNCHER, *argv], cwd=ROOT, env=env,
                               stdout=out, stderr=err)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        errors = err.read().decode()
        if code != 0:
            raise SystemExit(f"{' '.join(argv[:3])} failed ({code}): {errors[-2000:]}")
        peak_kb = int(errors.rsplit("BENCH_MAXRSS_KB=", 1)[1].split()[0])
        return wall, peak_kb / 1024, out.read().decode()


def measure(server: DovecotServer, argv: list[str], env: dict[str, str] | None = None) -> dict:
    sessions = len(server.bytes_sent(USER))
    wall, rss, out = run_child(argv, env)
    sent = server.bytes_sent(USER, at_least=sessions + 1, timeout=30)
    return {"seconds": round(wall, 2), "peak_mb": round(rss, 1), "bytes": sum(sent[sessions:]),
            "output": out.strip()[-200:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--no-pg", action="store_true", help="skip the PostgreSQL first sync")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="ot-bench-"))
    os.chmod(work, 0o755)
    server = DovecotServer(work / "dovecot", users={USER: PASSWORD})
    server.start()
    results: dict[str, dict] = {}
    try:
        t0 = time.perf_counter()
        size = [0]

        def counted() -> Iterator[bytes]:
            for raw in mailbox(args.messages):
                size[0] += len(raw)
                yield raw

        server.write_maildir(USER, "INBOX", counted())
        size_mb = size[0] / 1e6
        with server.client(USER) as c:  # let Dovecot index before anything is timed
            c.select_folder("INBOX", readonly=True)
            c.search(["FROM", "facebook"])
        print(f"mailbox: {args.messages} messages, {size_mb:.0f} MB, built and indexed in "
              f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)

        results["baseline"] = measure(server, [sys.executable, "-c", BASELINE, server.host,
                                               str(server.port), USER, PASSWORD])

        def tracker(db_url: str, home: Path) -> tuple[list[str], dict[str, str]]:
            home.mkdir(parents=True, exist_ok=True)
            cfg = home / "config.toml"
            cfg.write_text(f'[database]\nurl = "{db_url}"\n[[mailboxes]]\nname = "bench"\n'
                           f'host = "{server.host}"\nport = {server.port}\nsecurity = "plain"\n'
                           f'username = "{USER}"\npassword_env = "BENCH_PASSWORD"\nfolders = ["INBOX"]\n'
                           'since = "2024-01-01"\n')
            env = {**os.environ, "BENCH_PASSWORD": PASSWORD, "OBJECTION_TRACKER_HOME": str(home)}
            return [sys.executable, "cli.py", "--config", str(cfg), "sync"], env

        argv, env = tracker(f"sqlite:///{work / 'sqlite' / 'tracker.db'}", work / "sqlite")
        results["first_sync"] = measure(server, argv, env)
        results["unchanged_resync"] = measure(server, argv, env)
        rng = random.Random(99)
        late = 10**7  # numbered after the mailbox, so they are dated last
        fresh = [(notification if i % 20 == 0 else personal)(rng, late + i, late + 100) for i in range(100)]
        server.write_maildir(USER, "INBOX", fresh)
        results["resync_after_100_new"] = measure(server, argv, env)

        if not args.no_pg:
            from sqlalchemy import create_engine, text
            from sqlalchemy.engine import make_url

            schema = f"bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(PG_URL)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
                argv, env = tracker(url.render_as_string(hide_password=False), work / "pg")
                results["first_sync_postgresql"] = measure(server, argv, env)
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        server.stop()

    report = {"messages": args.messages, "machine": f"{platform.node()} {platform.machine()} "
              f"{os.cpu_count()} cores, Python {platform.python_version()}",
              "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "results": results}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(f"| run ({args.messages} messages) | seconds | peak MB | bytes from server |")
    print("|---|---:|---:|---:|")
    for name, r in results.items():
        print(f"| {name} | {r['seconds']} | {r['peak_mb']} | {r['bytes']:,} |")


if __name__ == "__main__":
    main()
