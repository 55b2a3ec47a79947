"""Several mailboxes, several people, one PostgreSQL (issue 15): how `sync --jobs` scales, and what
two `run --once` started together against one database do.

Starts Dovecot (tests/imap_server.py) with MAILBOXES users and writes MESSAGES mails straight into
each Maildir (personal mail and newsletters, ~6 % everyday Facebook notifications, and Meta's 2024
notice for the mailbox's own account), then, each in its own process and fresh schema:

  1. `sync --jobs 1`, then `sync --jobs 8` (a fresh schema each), wall time of each;
  2. ten new mails in every mailbox (one of them a notice for a second account), then two
     `run --once` processes started together against the second schema, the mailboxes shared
     among five people with an aiosmtpd server taking the digests: the server's logins per
     mailbox (from Dovecot's log) and the SMTP messages per person.

Prints the figures (and writes them as JSON with --json). Asserts nothing.

    python bench/people_bench.py [--mailboxes 50] [--messages 2000] [--jobs 1 8] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aiosmtpd.controller import Controller  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from tests.imap_server import HARNESS_ID_NAME, DovecotServer, find_free_port  # noqa: E402

PASSWORD = "bench-password"
PG_URL = os.environ.get("OBJECTION_TRACKER_TEST_PG_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NOTICE = (ROOT / "tests" / "data" / "notice_facebook_en.eml").read_bytes()
PEOPLE = ["ada", "ben", "cleo", "dan", "eve"]
LOGIN = re.compile(r"imap-login: Info: Login: user=<(?P<user>[^>]*)>.*?session=<(?P<session>[^>]*)>")
ID_SENT = re.compile(r"ID sent: (?P<id>.*?): user=<.*\bsession=<(?P<session>[^>]*)>")
WORDS = ("lorem", "ipsum", "dolor", "sit", "amet", "meeting", "invoice", "project", "weekend",
         "travel", "photos", "garden", "tempor", "magna")


def _para(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def notice(address: str, tag: str) -> bytes:
    return (NOTICE.replace(b"anna%40example.org", address.replace("@", "%40").encode())
            .replace(b"anna@example.org", address.encode())
            .replace(b"<cli-notice-1@", f"<bench-{tag}@".encode()))


def everyday(rng: random.Random, address: str, tag: str) -> bytes:
    return ("Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; "
            "dmarc=pass\r\nFrom: Facebook <notification@facebookmail.com>\r\n"
            f"To: {address}\r\nSubject: You have new notifications\r\n"
            "Date: Mon, 03 Jun 2024 10:00:00 +0000\r\n"
            f"Message-ID: <e{tag}@facebookmail.com>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"\r\nHi,\r\nYou have {rng.randint(2, 40)} new notifications.\r\n"
            f"This message was sent to {address}.\r\n").encode()


def other(rng: random.Random, i: int, tag: str) -> bytes:
    return (f"From: Friend {i % 300} <friend{i % 300}@example.net>\r\nTo: someone@example.org\r\n"
            f"Subject: Re: {_para(rng, 4)}\r\nDate: Tue, 04 Jun 2024 10:00:00 +0000\r\n"
            f"Message-ID: <p{tag}@example.net>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "\r\n".join(_para(rng, 14) for _ in range(rng.randint(3, 30))) + "\r\n").encode()


def mails(user: str, n: int, rng: random.Random, start: int = 0) -> list[bytes]:
    address = f"{user}@example.org"
    found = [notice(address, f"{user}-{start}")] if start == 0 else \
        [notice(f"{user}.second@example.org", f"{user}-{start}")]
    for i in range(start + 1, start + n):
        tag = f"{user}-{i}"
        found.append(everyday(rng, address, tag) if rng.random() < 0.06 else other(rng, i, tag))
    return found


class Digests:
    """aiosmtpd handler: the recipients of every message taken."""

    def __init__(self) -> None:
        self.recipients: list[tuple[str, ...]] = []
        self.accounts: Counter[str] = Counter()  # accounts listed per recipient

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.recipients.append(tuple(envelope.rcpt_tos))
        listed = set(re.findall(rb"\* (facebook:[^\s:]+)", envelope.content))
        self.accounts[envelope.rcpt_tos[0].split("@")[0]] += len(listed)
        return "250 OK"


def schema_url(admin, made: list[str]) -> str:
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    made.append(schema)
    return make_url(PG_URL).update_query_dict(
        {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def config(path: Path, url: str, server: DovecotServer, users: list[str], smtp_port: int) -> Path:
    lines = [f'[database]\nurl = "{url}"\n', '[reminders]\nchannels = ["smtp"]\n',
             f'[reminders.smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "plain"\n'
             'from = "robot@example.org"\nto = ["owner@example.org"]\n']
    for person in PEOPLE:
        lines.append(f'[[people]]\nname = "{person}"\nsmtp_to = ["{person}@example.org"]\n')
    for i, user in enumerate(users):
        lines.append(f'[[mailboxes]]\nname = "{user}"\nhost = "127.0.0.1"\nport = {server.port}\n'
                     f'security = "plain"\nusername = "{user}"\npassword_env = "BENCH_PASSWORD"\n'
                     f'person = "{PEOPLE[i % len(PEOPLE)]}"\n')
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def logins(server: DovecotServer, users: list[str], offset: int) -> Counter[str]:
    log = server.log()[offset:]
    harness = {m["session"] for m in ID_SENT.finditer(log) if HARNESS_ID_NAME in m["id"]}
    return Counter(m["user"] for m in LOGIN.finditer(log)
                   if m["user"] in users and m["session"] not in harness)


def cli(path: Path, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "--config", str(path), *args],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def timed(path: Path, env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    proc = cli(path, env, *args)
    out = proc.communicate()[0]
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}): {out[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mailboxes", type=int, default=50)
    ap.add_argument("--messages", type=int, default=2000, help="per mailbox")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 8], help="each timed on its own")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    users = [f"bench{i:02d}" for i in range(args.mailboxes)]
    root = Path(tempfile.mkdtemp(prefix="ot-people-bench-"))
    os.chmod(root, 0o755)
    admin = create_engine(PG_URL)
    made: list[str] = []
    smtp = Digests()
    controller = Controller(smtp, hostname="127.0.0.1", port=find_free_port())
    controller.start()
    home = Path(tempfile.mkdtemp(prefix="ot-people-home-"))
    env = {**os.environ, "BENCH_PASSWORD": PASSWORD, "OBJECTION_TRACKER_HOME": str(home)}
    results: dict = {"mailboxes": args.mailboxes, "messages_per_mailbox": args.messages}
    try:
        with DovecotServer(root / "imap", users=dict.fromkeys(users, PASSWORD)) as server:
            rng = random.Random(15)
            start = time.perf_counter()
            for user in users:
                server.write_maildir(user, "INBOX", mails(user, args.messages, rng))
                with server.client(user) as imap:  # Dovecot indexes on first access: not timed
                    imap.select_folder("INBOX", readonly=True)
                    imap.search(["ALL"])
            print(f"wrote {args.mailboxes} x {args.messages} messages in "
                  f"{time.perf_counter() - start:.1f} s")

            for jobs in args.jobs:
                url = schema_url(admin, made)
                path = config(home / f"jobs{jobs}.toml", url, server, users, controller.port)
                seconds = timed(path, env, "sync", "--jobs", str(jobs))
                results[f"sync_jobs_{jobs}_seconds"] = round(seconds, 2)
                print(f"sync --jobs {jobs}: {seconds:.1f} s "
                      f"({args.mailboxes * args.messages / seconds:,.0f} messages/s)")
            # The two runs use the database of the last sync, with new mail in every mailbox.
            for user in users:
                server.write_maildir(user, "INBOX", mails(user, 10, rng, start=args.messages))
            offset = len(server.log())
            procs = [cli(path, env, "run", "--once") for _ in range(2)]
            outputs = [p.communicate()[0] for p in procs]
            codes = [p.returncode for p in procs]
            time.sleep(1)  # Dovecot's log lines are written by its own processes
            per_mailbox = logins(server, users, offset)
            per_person = Counter(r[0].split("@")[0] for r in smtp.recipients)
            results["two_runs_exit_codes"] = codes
            results["logins_per_mailbox"] = dict(sorted(Counter(
                per_mailbox.get(u, 0) for u in users).items()))
            results["smtp_messages_per_person"] = dict(sorted(per_person.items()))
            results["accounts_per_digest"] = dict(sorted(smtp.accounts.items()))
            print(f"two run --once together: exit codes {codes}")
            print("  logins per mailbox: " + ", ".join(
                f"{n} mailbox(es) logged in {k} time(s)"
                for k, n in results["logins_per_mailbox"].items()))
            print("  SMTP messages per person: " + ", ".join(
                f"{p} {n}" for p, n in results["smtp_messages_per_person"].items()))
            print("  accounts in each person's digest: " + ", ".join(
                f"{p} {n}" for p, n in results["accounts_per_digest"].items())
                + " (expected: " + ", ".join(
                    f"{p} {2 * len(users[i::len(PEOPLE)])}" for i, p in enumerate(PEOPLE))
                + ", two per mailbox)")
            if any(codes):
                print("\n".join(o[-1000:] for o in outputs))
    finally:
        controller.stop()
        with admin.begin() as conn:
            for schema in made:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
        for folder in (root, home):  # 50 mailboxes and their databases
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
