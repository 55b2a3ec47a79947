"""What a sync leaves unread never hides a notice, a code mail or a reply (issue 11, item 4).

Every fixture and held-out mail is APPENDed to a real Dovecot and synced, and the same bytes are
imported (which reads every mail whole): the accounts, their states and every flow finding must be
the same. Both with the mails' Authentication-Results (a server that vouches) and without (a bare
server), and with repeats of the everyday mails, which the sync settles from the header alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.dkim_keys import harness_sign
from tests.test_sync_dovecot import write_config
from tracker.recognition import rules
from tracker.recognition.parse import parse
from tracker.recognition.triage import EVERYDAY, FLOW, triage
from tracker.store.engine import open_database
from tracker.store.models import Finding, ProcessedMessage

TESTS = Path(__file__).parent
SETS = [TESTS / "fixtures", TESTS / "holdout", TESTS / "blind"]
MAILS = sorted(p for d in SETS if d.is_dir() for p in d.glob("*.eml"))
AUTH_RESULTS = re.compile(rb"^Authentication-Results:.*\r?\n(?:[ \t].*\r?\n)*", re.IGNORECASE | re.MULTILINE)


def run(config: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _everyday(data: bytes) -> bool:
    mail = parse(data)
    return triage(mail).verdict == EVERYDAY


def mails(strip_auth: bool) -> list[bytes]:
    out = []
    for path in MAILS:
        data = path.read_bytes()
        if strip_auth:
            data = AUTH_RESULTS.sub(b"", data)
        out.append(data)
        if _everyday(data):  # two more of the same notification, as a real mailbox has thousands
            for i in range(2):
                out.append(re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <again{i}.".encode(), data, count=1))
    return out


def searched(data: bytes) -> bool:
    """Would the server's FROM search return it? Only those are the sync's to read; the search
    itself (rules.SEARCH_FROM) is tested elsewhere."""
    sender = (parse(data).sender or None)
    raw_from = re.search(rb"(?im)^From:(.*(?:\r?\n[ \t].*)*)", data)
    text = (raw_from.group(1) if raw_from else b"").decode("utf-8", "replace").lower()
    return sender is not None and any(term in text for term in rules.SEARCH_FROM)


def findings(db: Path) -> tuple[set, set, dict]:
    sessions = open_database(f"sqlite:///{db}")
    with sessions.begin() as s:
        rows = s.query(Finding).all()
        flow = {(f.message_id, f.kind, f.account_row.platform if f.account_row else None,
                 f.account_row.account if f.account_row else None, f.objection_url, f.language, f.reason)
                for f in rows if f.kind != "other"}
        accounts = {(f.account_row.platform, f.account_row.account) for f in rows if f.account_row}
        outcomes: dict[str, int] = {}
        for p in s.query(ProcessedMessage):
            outcomes[p.outcome] = outcomes.get(p.outcome, 0) + 1
    return flow, accounts, outcomes


@pytest.mark.parametrize("strip_auth", [False, True], ids=["server-vouches", "bare-server"])
def test_sync_over_imap_finds_what_import_finds(dovecot, mailbox_user, tracker_home, tmp_path, strip_auth):
    data = mails(strip_auth)
    for raw in data:
        dovecot.append(mailbox_user, "INBOX", raw)
    synced = write_config(tracker_home, dovecot, mailbox_user)
    run(synced, "sync")

    folder = tmp_path / "eml"
    folder.mkdir()
    for i, raw in enumerate(data):
        if searched(raw):  # the bytes the server holds: Meta's mail arrived signed (harness)
            (folder / f"{i:04}.eml").write_bytes(harness_sign(raw))
    imported = tmp_path / "import.toml"
    imported.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/import.db"\n')
    run(imported, "import", str(folder))

    sync_flow, sync_accounts, sync_outcomes = findings(tracker_home / "t.db")
    import_flow, import_accounts, _ = findings(tmp_path / "import.db")
    assert sync_flow == import_flow
    assert len(sync_flow) > 110  # notices, codes, confirmations, rejections, suspicious mail
    assert sync_accounts == import_accounts
    states = [json.loads(run(c, "status", "--format", "json"))["accounts"] for c in (synced, imported)]
    assert sorted((a["platform"], a["account"], a["state"]) for a in states[0]) == \
        sorted((a["platform"], a["account"], a["state"]) for a in states[1])
    # The repeats were settled by their header: no body was read for them.
    assert sync_outcomes.get("everyday", 0) >= 10, sync_outcomes


def test_no_flow_mail_of_the_sets_looks_everyday_to_the_header():
    import tomllib

    for folder in SETS:
        if not (folder / "expected.toml").exists():
            continue
        expected = {m["file"]: m["kind"] for m in tomllib.loads((folder / "expected.toml").read_text())["mail"]}
        for path in sorted(folder.glob("*.eml")):
            kind = expected.get(path.name)
            if kind not in ("other", "irrelevant", None):
                assert triage(parse(path.read_bytes())).verdict == FLOW, path.name


@pytest.mark.parametrize("subject,extra,verdict", [
    ("You have 3 new notifications", "", EVERYDAY),
    ("anna.cooks, you have 3 new notifications on Threads", "", EVERYDAY),
    ("Maria Lopez commented on your post", "", EVERYDAY),
    ("Re: You have 3 new notifications", "", FLOW),  # a conversation
    ("You have 3 new notifications", "Auto-Submitted: auto-replied\r\n", FLOW),
    ("You have 3 new notifications", "List-Id: <friends.example.org>\r\n", FLOW),
    ("482913 is your confirmation code", "", FLOW),
    ("Lena posted in Residents: \"Any objections to the AI at Meta thing?\"", "", FLOW),
    ("Your request", "", FLOW),
    ("Something we have never seen", "", FLOW),  # unknown subjects are read
])
def test_the_header_decides_only_the_everyday_shapes(subject, extra, verdict):
    raw = (f"From: Facebook <notification@facebookmail.com>\r\nTo: anna@example.org\r\nSubject: {subject}\r\n"
           f"{extra}\r\n").encode()
    assert triage(parse(raw)).verdict == verdict


def test_a_mail_to_no_one_outside_meta_is_read():
    raw = b"From: Facebook <notification@facebookmail.com>\r\nTo: x@facebookmail.com\r\nSubject: You have 3 new notifications\r\n\r\n"
    assert triage(parse(raw)).verdict == FLOW


def _instagram(n: int, greeting: str | None, username: str, html_first: bool = False) -> bytes:
    text = ((f"Hi {greeting},\r\n\r\n" if greeting else "") + "You have 3 new notifications. " + "lorem ipsum " * 80
            + f"\r\n\r\nThis message was sent to anna@example.org and intended for {username}.\r\n")
    html = f"<html><body><p>Hi {username},</p><p>You have 3 new notifications.</p></body></html>"
    parts = [("plain", text), ("html", html)]
    if html_first:
        parts.reverse()
    body = "".join(f"--b\r\nContent-Type: text/{kind}; charset=utf-8\r\n\r\n{content}\r\n" for kind, content in parts)
    return ("From: Instagram <no-reply@mail.instagram.com>\r\nTo: anna@example.org\r\n"
            f"Subject: You have 3 new notifications\r\nDate: Mon, 03 Jun 2024 10:0{n % 10}:00 +0000\r\n"
            f"Message-ID: <ig{n}@mail.instagram.com>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/alternative; boundary=b\r\n\r\n{body}--b--\r\n").encode()


def test_everyday_mail_of_several_instagram_accounts_on_one_address(dovecot, mailbox_user, tracker_home):
    mails = [_instagram(i, "anna.photos", "anna.photos") for i in range(4)]  # the first is read, then known
    mails += [_instagram(10, "anna.work", "anna.work"),  # a second account greets by its own name
              _instagram(11, None, "anna.fourth"),  # no greeting: the probe cannot tell, the part is read
              _instagram(12, "anna.third", "anna.third", html_first=True)]  # section 1 is HTML: BODYSTRUCTURE
    mails += [_instagram(20 + i, "anna.work", "anna.work") for i in range(2)]
    for raw in mails:
        dovecot.append(mailbox_user, "INBOX", raw)
    config = write_config(tracker_home, dovecot, mailbox_user)
    # Issue 22 item 1: Meta's everyday mail is Meta's, whether its header or its body settled it.
    assert run(config, "sync").strip() == "personal: 9 new messages looked at: 9 everyday mails from Meta"
    accounts = {a["account"] for a in json.loads(run(config, "status", "--format", "json"))["accounts"]}
    assert accounts == {"anna.photos", "anna.work", "anna.fourth", "anna.third"}
    _, _, outcomes = findings(tracker_home / "t.db")
    # anna.photos' three repeats are settled by their greeting. anna.work's repeats are probed in
    # the same round as its first mail, before it is known, so they are read whole.
    assert outcomes == {"finding": 6, "everyday": 3}, outcomes
