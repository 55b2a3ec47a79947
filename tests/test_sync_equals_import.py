"""A sync and an import of the same mails give the same states, digests included, and header
triage never hides a flow mail (issue 20 item 9, issue 21 item 1).

Every test set (each tests/*/expected.toml folder, so a new set is included without touching this
file, and the cases of tests/languages) is mixed into a mailbox of a few thousand everyday Meta
mails of templates the triage rules do not list (tests/everyday_meta.py), in INBOX and the \\Junk
folder. The mailbox is synced from a real Dovecot over TLS, and the same bytes are imported as
Maildir folders into a second database. Both must know the same accounts in the same states, list
the same suspicious mail, write the same digest for the same "now", and have stored every flow
mail. The mail is delivered as a server delivers it: Meta's DKIM-signed (the harness key), a
Received line on top, and INTERNALDATE the time that line names (import reads its arrival there).

One difference is by design: look-alike senders whose From the server's FROM search
(rules.SEARCH_FROM) does not return ("lnstagram") are read only by an import, which lists them
as suspicious.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import io
import os
import random
import re
import subprocess
import sys
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import trustme
from click.testing import CliRunner

from cli import cli
from tests import everyday_meta
from tests.conftest import IMAP_PASSWORD, postgres_schema, running_dovecot
from tests.dkim_keys import HARNESS, harness_sign, sign
from tests.imap_server import DovecotServer
from tests.test_language_cases import mail as language_mail
from tracker import actions, config
from tracker.act import report
from tracker.mail import importer
from tracker.recognition import rules
from tracker.recognition.authenticity import meta_domain
from tracker.recognition.parse import parse
from tracker.recognition.triage import EVERYDAY, triage
from tracker.recognition.verify import FLOW_KINDS
from tracker.store.engine import open_database
from tracker.store.models import Finding, ProcessedMessage
from tracker.store.repo import Repository
from tracker.store.state import derive

TESTS = Path(__file__).parent
ROOT = TESTS.parent
SETS = sorted(p.parent for p in TESTS.glob("*/expected.toml"))
LANGUAGES = sorted((TESTS / "languages").glob("*.toml"))
GENERATED = 3000  # everyday mails of templates the triage rules do not list
NOW = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)  # the digest's "now", after every mail
START = dt.datetime(2023, 6, 1, tzinfo=dt.UTC)  # the everyday mail spreads from here to NOW
JUNK_EVERY = 9  # every ninth mail lands in the \Junk folder
AUTH_RESULTS = re.compile(rb"^Authentication-Results:.*\r?\n(?:[ \t].*\r?\n)*", re.IGNORECASE | re.MULTILINE)
USERS = {f"same{i}": IMAP_PASSWORD for i in range(6)}
_free = iter(USERS)


@dataclass(frozen=True)
class Mail:
    name: str  # set/file.eml, languages/xx-n, everyday-n
    data: bytes  # as delivered: signed, with the delivering server's Received line
    arrived: dt.datetime
    kind: str | None  # what the set expects it to be read as; None for the generated mail
    folder: str = "INBOX"


def _set_mails() -> list[tuple[str, bytes, str | None]]:
    found = []
    for folder in SETS:
        expected = {m["file"]: m.get("kind") for m in
                    tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]}
        for path in sorted(folder.glob("*.eml")):
            found.append((f"{folder.name}/{path.name}", path.read_bytes(), expected.get(path.name)))
    for path in LANGUAGES:
        cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
        for n, case in enumerate(cases, 1):
            # One account per case: each shows its own state (a notice alone, a reply alone...).
            address = f"anna.{path.stem}.{n}@example.org"
            data = language_mail(case).replace(b"anna@example.org", address.encode()).replace(
                b"<case@facebookmail.com>", f"<case.{path.stem}.{n}@facebookmail.com>".encode())
            found.append((f"languages/{path.stem}-{n}", data, case["kind"]))
    return found


def _sets_accounts() -> tuple[everyday_meta.Account, ...]:
    """Accounts the sets' mails are about: everyday mail goes to them too, as it does in life."""
    found: set[everyday_meta.Account] = set()
    for folder in SETS:
        for m in tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))["mail"]:
            address, account = m.get("address"), m.get("account")
            if not address or not account or not re.fullmatch(r"[\w.+-]+@[\w.-]+", address):
                continue
            if m.get("platform") == "facebook" and account == address:
                found.add(everyday_meta.Account("facebook", address))
            elif m.get("platform") == "instagram" and re.fullmatch(r"[\w.]{1,30}", account):
                found.add(everyday_meta.Account("instagram", address, account))
    return tuple(sorted(found, key=lambda a: (a.platform, a.address, a.username or "")))[::3]


def _deliver(data: bytes, arrived: dt.datetime | None) -> tuple[bytes, dt.datetime]:
    """As the user's server delivers it: Meta's mail arrives signed; a mail without a Received
    line gets one (every delivered mail has it), dated `arrived`."""
    data = harness_sign(data)
    when = importer.arrival(data)
    if when is not None:
        return data, when
    assert arrived is not None
    return _received(data, arrived), arrived


def _received(data: bytes, arrived: dt.datetime) -> bytes:
    line_end = b"\r\n" if data.split(b"\n", 1)[0].endswith(b"\r") else b"\n"
    stamp = email.utils.format_datetime(arrived).encode()
    return b"Received: from mx.example.org by imap.example.org with LMTP; " + stamp + line_end + data


def _dated(data: bytes, fallback: dt.datetime) -> dt.datetime:
    """When a mail without a Received line arrived: its Date, unless that is missing or not yet."""
    found = re.search(rb"(?im)^Date:[ \t]*(.*)$", data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0])
    try:
        date = email.utils.parsedate_to_datetime(found.group(1).decode("ascii", "replace").strip())
    except (AttributeError, TypeError, ValueError, IndexError):
        return fallback
    if date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return min(date.astimezone(dt.UTC), NOW - dt.timedelta(days=1))


def mailbox() -> list[Mail]:
    """The mailbox in delivery order (UID order): two thirds of the everyday mail first, as years
    of notifications come before a notice, then the sets' mails among the rest."""
    rng = random.Random(20)
    people = everyday_meta.accounts(_sets_accounts())
    step = (NOW - START) / GENERATED
    everyday = []
    key = HARNESS["key"]
    for i in range(GENERATED):
        when = START + step * i
        data = everyday_meta.mail(rng, i, people[i % len(people)], when)
        signed = sign(data, key, meta_domain(parse(data.split(b"\r\n\r\n", 1)[0]).sender.domain))
        everyday.append(Mail(f"everyday-{i}", _received(signed, when), when, None))
    flow = []
    for n, (name, raw, kind) in enumerate(_set_mails()):
        arrived = _dated(raw, START + dt.timedelta(hours=n))
        flow.append(Mail(name, *_deliver(raw, arrived), kind))
        if triage(parse(raw)).verdict == EVERYDAY:  # repeats, which the sync settles unread
            for i in range(1, 3):
                again = re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <again{i}.".encode(), raw, count=1)
                flow.append(Mail(f"{name}#{i}", *_deliver(again, arrived + dt.timedelta(days=i)), kind))
    head, tail = everyday[:2 * GENERATED // 3], everyday[2 * GENERATED // 3:] + flow
    rng.shuffle(tail)
    return [Mail(m.name, m.data, m.arrived, m.kind, "Junk" if i % JUNK_EVERY == JUNK_EVERY - 1 else "INBOX")
            for i, m in enumerate(head + tail)]


def searched(data: bytes) -> bool:
    """Would the server's FROM search return it? Only those are the sync's to read; the search
    itself (rules.SEARCH_FROM) is tested elsewhere."""
    raw_from = re.search(rb"(?im)^From:(.*(?:\r?\n[ \t].*)*)", data)
    text = (raw_from.group(1) if raw_from else b"").decode("utf-8", "replace").lower()
    return parse(data).sender is not None and any(term in text for term in rules.SEARCH_FROM)


@pytest.fixture(scope="module")
def tls_dovecot() -> Iterator[DovecotServer]:
    ca = trustme.CA()
    with running_dovecot("same", users=USERS, tls=ca) as server:
        ca.cert_pem.write_to_path(str(server.root / "ca.pem"))
        yield server


def _fill(server: DovecotServer, user: str, mails: list[Mail]) -> None:
    """Straight into the Maildir folders (APPEND of thousands would dominate the run), each file's
    mtime the mail's arrival: Dovecot's INTERNALDATE."""
    for folder in ("INBOX", "Junk"):
        chosen = [m for m in mails if m.folder == folder]
        paths = server.write_maildir(user, folder, [m.data for m in chosen])
        for path, m in zip(paths, chosen, strict=True):
            os.utime(path, (m.arrived.timestamp(), m.arrived.timestamp()))


def _import_folders(root: Path, mails: list[Mail]) -> list[Path]:
    """The same bytes as two Maildir folders, named as on the server, in the same order."""
    folders = []
    for folder in ("INBOX", "Junk"):
        box = root / folder
        for sub in ("cur", "new", "tmp"):
            (box / sub).mkdir(parents=True)
        for i, m in enumerate(x for x in mails if x.folder == folder):
            (box / "cur" / f"{i:06}.same:2,S").write_bytes(m.data)
        folders.append(box)
    return folders


def _config(path: Path, url: str, box: str = "") -> Path:
    ids = ["mx.example.org", "mx.example.net", "mx.example.com"]  # the sets' servers (conftest)
    path.write_text(f'[database]\nurl = "{url}"\n\n[reminders]\nchannels = ["stdout"]\n\n'
                    f'[dkim]\nimport_authserv_id = {ids!r}\n'.replace("'", '"') + box, encoding="utf-8")
    return path


def _box(server: DovecotServer, user: str, vouches: bool = True) -> str:
    """The mailbox, over TLS; it trusts the sets' servers' Authentication-Results as the import
    does ([dkim] import_authserv_id), unless the server writes none."""
    ids = 'authserv_id = ["mx.example.org", "mx.example.net", "mx.example.com"]\n' if vouches else ""
    return (f'\n[[mailboxes]]\nname = "personal"\nhost = "127.0.0.1"\nport = {server.tls_port}\n'
            f'security = "tls"\nca_file = "{server.root / "ca.pem"}"\nusername = "{user}"\n'
            f'password_env = "OT_IMAP_PASSWORD"\n{ids}')


def _run(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@dataclass
class Outcome:
    """What one database tells: everything in it that must not depend on how the mail came."""

    accounts: dict[str, dict]
    suspicious: list[tuple]
    findings: dict[str, tuple[str, str | None, str | None]]  # message key -> kind, platform, account
    digest: str
    settled: int  # mails settled by their header alone, no body read


def _where(value: str | None) -> str | None:
    """A folder as both name it: the server's name, or the imported Maildir folder's name."""
    return None if value is None else Path(value).name


def outcome(path: Path) -> Outcome:
    """Folders and mailboxes are named as both name them. How an everyday mail was believed is
    left out: the sync reads one in part, and a DKIM signature covers the whole body, so it says
    what vouched for the sender instead (nothing is decided from everyday mail)."""
    cfg = config.load(path)
    sessions = open_database(cfg.database_url)
    with sessions.begin() as session:
        repo = Repository(session)
        states = derive(repo.evidence(), repo.groups(), now=NOW)
        doc = report.as_json(states, repo.suspicious(), NOW)
        findings = {}
        for f in session.query(Finding):
            row = f.account_row
            findings[f.message_key] = (f.kind, row.platform if row else None,
                                       row.account if row else None)
        settled = session.query(ProcessedMessage).filter_by(outcome="everyday").count()
    accounts = {}
    for a in doc["accounts"]:
        a = dict(a, mailboxes=None)
        a["evidence"] = [dict(e, mailbox=None, folder=_where(e["folder"]),
                              authenticity=e["authenticity"] if e["kind"] != "other" else None)
                         for e in a["evidence"]]
        accounts[f"{a['platform']}:{a['account']}"] = a
    suspicious = sorted((m["date"], m["from"], m["subject"], m["reason"], _where(m["folder"]))
                        for m in doc["suspicious"])
    reminded = actions.remind(cfg, now=NOW, dry_run=True, stream=io.StringIO())
    digest = "\n".join(d.digest.text for d in reminded.deliveries)
    return Outcome(accounts, suspicious, findings, digest, settled)


@pytest.fixture(scope="module")
def mails() -> list[Mail]:
    return mailbox()


# The user's server vouches for Meta's mail (Authentication-Results that both trust), or says
# nothing and the tracker's own DKIM check decides; on each database.
@pytest.mark.parametrize("backend, vouches", [("sqlite", True), ("postgresql", False)],
                         ids=["sqlite-server-vouches", "postgresql-bare-server"])
def test_a_sync_and_an_import_of_the_same_mails_agree(tls_dovecot, mails, tmp_path, monkeypatch, backend,
                                                     vouches):
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    if not vouches:
        mails = [replace(m, data=AUTH_RESULTS.sub(b"", m.data)) for m in mails]
    user = next(_free)
    _fill(tls_dovecot, user, mails)
    with _databases(tmp_path, backend) as (sync_url, import_url):
        synced = _config(tmp_path / "sync.toml", sync_url, _box(tls_dovecot, user, vouches))
        imported = _config(tmp_path / "import.toml", import_url)
        folders = _import_folders(tmp_path / "maildir", mails)
        # The import runs in a process of its own meanwhile: the two share nothing but the bytes.
        importing = subprocess.Popen([sys.executable, "cli.py", "--config", str(imported), "import",
                                      *map(str, folders)], cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        try:
            _run(synced, "sync")
        finally:
            output, _ = importing.communicate(timeout=600)
        assert importing.returncode == 0, output
        by_sync, by_import = outcome(synced), outcome(imported)

    # Every flow mail was stored by both, as the same kind of the same account: header triage
    # hid none of them (issue 21 item 1).
    flow = [m for m in mails if m.kind in FLOW_KINDS]
    assert len(flow) > 500
    for m in flow:
        key = parse(m.data).key
        assert key in by_import.findings, m.name
        assert by_sync.findings.get(key) == by_import.findings[key], m.name
    # The same for every mail that is not everyday (suspicious mail included), except what the
    # server's FROM search does not return: homoglyph senders ("lnstagram"). A sync never sees
    # those; an import lists them as suspicious.
    unsearched = {parse(m.data).key for m in mails if not searched(m.data)}
    telling = {side: {k: v for k, v in found.findings.items() if v[0] != "other"}
               for side, found in (("sync", by_sync), ("import", by_import))}
    assert {k: v for k, v in telling["import"].items() if k not in unsearched} == telling["sync"]
    assert {v for k, v in telling["import"].items() if k in unsearched} <= {("suspicious", None, None)}
    # Everyday mail: the sync keeps one of an account's and settles the rest by their header;
    # the accounts they name are the same.
    assert set(by_sync.findings.values()) == set(by_import.findings.values())
    listed, seen = Counter(by_import.suspicious), Counter(by_sync.suspicious)
    assert not seen - listed
    assert (listed - seen).total() == len(unsearched & telling["import"].keys())

    assert by_sync.accounts.keys() == by_import.accounts.keys()
    for key, account in by_import.accounts.items():
        assert by_sync.accounts[key] == account, key
    assert by_sync.digest == by_import.digest
    assert len(by_sync.accounts) > 300 and by_sync.digest.count("\n* ") > 100, by_sync.digest
    # Most of the everyday mail was settled by its header (2,333 of 3,891 mails when written):
    # that is what could hide a flow mail, and what this test shows it does not.
    assert by_sync.settled >= GENERATED // 3


@contextlib.contextmanager
def _databases(tmp_path: Path, backend: str) -> Iterator[tuple[str, str]]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'sync.db'}", f"sqlite:///{tmp_path / 'import.db'}"
        return
    with postgres_schema() as sync_url, postgres_schema() as import_url:
        yield sync_url, import_url


def _notification(platform: str, address: str, n: int, arrived: dt.datetime, username: str = "") -> Mail:
    """An everyday mail of a subject the triage rules list, so the sync can settle it unread."""
    ig = platform == "instagram"
    sender = "Instagram <no-reply@mail.instagram.com>" if ig else "Facebook <notification@facebookmail.com>"
    footer = (f"This message was sent to {address} and intended for {username}." if ig
              else f"This message was sent to {address}.")
    data = (f"From: {sender}\r\nTo: {address}\r\nSubject: You have {n} new notifications\r\n"
            f"Date: {email.utils.format_datetime(arrived - dt.timedelta(minutes=1))}\r\n"
            f"Message-ID: <n{n}.{address}@mail>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            f"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi {username or 'Anna'},\r\n\r\n"
            f"You have {n} new notifications.\r\n\r\n{footer}\r\n"
            f"--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>{footer}</p>\r\n--b--\r\n").encode()
    signed, when = _deliver(data, arrived)
    return Mail(f"{platform}-{n}", signed, when, "other")


def test_the_everyday_mail_that_made_an_account_known_is_the_same_in_any_order(tls_dovecot, tmp_path,
                                                                            monkeypatch):
    """The sync reads one everyday mail of an account and settles the others by their header. The
    one it keeps must be the one an import keeps, the earliest: a digest counts a discovered
    account's wait from it, and `why` shows it. Here the earlier one lies in \\Junk, read after
    INBOX, and an account known from its notice gets its everyday mail later."""
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    june, may = dt.datetime(2025, 6, 10, tzinfo=dt.UTC), dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    notice = next(c for c in tomllib.loads((TESTS / "languages" / "en.toml").read_text())["case"]
                  if c["kind"] == "notice")
    known = language_mail(notice).replace(b"anna@example.org", b"noticed@example.org")
    mails = [_notification("facebook", "found@example.org", 3, june),
             _notification("instagram", "found@example.org", 4, june, "found.ig"),
             Mail("notice", *_deliver(known, may), "notice"),
             _notification("facebook", "noticed@example.org", 5, june)]
    mails += [Mail(m.name, m.data, m.arrived, m.kind, "Junk") for m in (
        _notification("facebook", "found@example.org", 6, may),
        _notification("instagram", "found@example.org", 7, may, "found.ig"),
        _notification("facebook", "noticed@example.org", 8, may + dt.timedelta(days=1)))]
    user = next(_free)
    _fill(tls_dovecot, user, mails)
    synced = _config(tmp_path / "sync.toml", f"sqlite:///{tmp_path / 'sync.db'}", _box(tls_dovecot, user))
    _run(synced, "sync")
    imported = _config(tmp_path / "import.toml", f"sqlite:///{tmp_path / 'import.db'}")
    _run(imported, "import", *map(str, _import_folders(tmp_path / "maildir", mails)))
    by_sync, by_import = outcome(synced), outcome(imported)
    assert by_sync.accounts.keys() == by_import.accounts.keys() == {
        "facebook:found@example.org", "instagram:found.ig", "facebook:noticed@example.org"}
    for key, account in by_import.accounts.items():
        assert by_sync.accounts[key] == account, key
    assert by_sync.digest == by_import.digest
    assert by_import.accounts["facebook:found@example.org"]["since"] == "2025-04-30T23:59:00Z"


def _shared_memory(address: str, n: int, arrived: dt.datetime) -> Mail:
    """A Spanish everyday mail of a template the triage rules do not list; its HTML says its
    language, as Meta's does. Its text part alone reads as Czech to the identifier (a Czech name,
    a few words)."""
    line = f"Eva Novak y {20 + n} personas más han estado activos. Abre la aplicación."
    footer = f"Este mensaje se envió a {address}."
    text = (f"Hola, Eva:\r\n\r\n{line}\r\n\r\nhttps://www.facebook.com/n/?home.php&mid=6f8bfe77517{n}\r\n\r\n"
            f"====================\r\n{footer}\r\nMeta Platforms Ireland Ltd., Merrion Road, Dublin 4, Ireland\r\n")
    html = f'<html lang="es"><body><p>Hola, Eva:</p><p>{line}</p><p>{footer}</p></body></html>'
    data = ("From: Facebook <notification@facebookmail.com>\r\n"
            f"To: {address}\r\nSubject: Eva Novak compartió un recuerdo contigo\r\n"
            f"Date: {email.utils.format_datetime(arrived - dt.timedelta(minutes=1))}\r\n"
            f"Message-ID: <memory{n}@facebookmail.com>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            f"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
            f"--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n--b--\r\n").encode()
    return Mail(f"memory-{n}", *_deliver(data, arrived), "other")


def test_an_everyday_mail_the_sync_keeps_is_read_as_an_import_reads_it(tls_dovecot, tmp_path, monkeypatch):
    """Once the mailbox's history knows a template as everyday, the sync reads its mails in part.
    The one it keeps as a new account's record must say what an import says: the language
    (`object` writes in it) from the HTML's lang, not a guess from the text part alone."""
    from tracker.recognition.triage import MIN_HISTORY

    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    day = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    mails = [_shared_memory("carmen@example.es", n, day + dt.timedelta(days=n)) for n in range(MIN_HISTORY)]
    mails.append(_shared_memory("giulia@example.it", MIN_HISTORY, day + dt.timedelta(days=MIN_HISTORY)))
    user = next(_free)
    _fill(tls_dovecot, user, mails)
    synced = _config(tmp_path / "sync.toml", f"sqlite:///{tmp_path / 'sync.db'}", _box(tls_dovecot, user))
    _run(synced, "sync")
    imported = _config(tmp_path / "import.toml", f"sqlite:///{tmp_path / 'import.db'}")
    _run(imported, "import", *map(str, _import_folders(tmp_path / "maildir", mails)))
    by_sync, by_import = outcome(synced), outcome(imported)
    assert by_sync.accounts == by_import.accounts
    assert by_import.accounts["facebook:giulia@example.it"]["evidence"][0]["language"] == "es"
