"""A sync and an import of the same mails give the same states, digests included (issue 20 item 9).

The mailbox is synced from a real Dovecot over TLS, and the same bytes are imported as Maildir
folders into a second database. The mail is delivered as a server delivers it: Meta's DKIM-signed
(the harness key), a Received line on top, and INTERNALDATE the time that line names (import
reads its arrival there).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from click.testing import CliRunner

from cli import cli
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.dkim_keys import harness_sign
from tests.imap_server import DovecotServer
from tests.test_language_cases import mail as language_mail
from tracker import actions, config
from tracker.act import report
from tracker.mail import importer
from tracker.store.engine import open_database
from tracker.store.models import Finding, ProcessedMessage
from tracker.store.repo import Repository
from tracker.store.state import derive

TESTS = Path(__file__).parent
NOW = dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)  # the digest's "now", after every mail
USERS = {f"same{i}": IMAP_PASSWORD for i in range(6)}
_free = iter(USERS)


@dataclass(frozen=True)
class Mail:
    name: str  # set/file.eml, languages/xx-n, everyday-n
    data: bytes  # as delivered: signed, with the delivering server's Received line
    arrived: dt.datetime
    kind: str | None  # what the set expects it to be read as; None for the generated mail
    folder: str = "INBOX"


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
