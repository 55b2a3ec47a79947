"""Issue 14: the tracker checks Meta's DKIM signatures itself, over a real Dovecot, with the keys
served by a real DNS server on a loopback port (tests/dkim_keys.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.configs import invoke
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.dkim_keys import KeyServer, make_key, sign
from tracker.recognition.authenticity import judge
from tracker.recognition.authresults import parse_auth_results
from tracker.recognition.dkim import DkimVerdict, KeyResolver, verify
from tracker.recognition.parse import parse
from tracker.recognition.verify import duplicate_headers
from tracker.store.engine import open_database
from tracker.store.models import Finding

FIXTURES = Path(__file__).parent / "fixtures"
USERS = [f"dk{i}" for i in range(30)]
_free = iter(USERS)
ACCOUNT = "facebook:anna@example.org"


def fixture(name: str, drop_auth_results: bool = True) -> bytes:
    """A fixture as Meta sent it: without the receiving server's Received/Authentication-Results
    lines (the fixture's own server is not ours)."""
    data = (FIXTURES / name).read_bytes().replace(b"\r\n", b"\n")
    head, _, body = data.partition(b"\n\n")
    kept, skip = [], False
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t"):
            if not skip:
                kept.append(line)
            continue
        skip = drop_auth_results and line.lower().startswith((b"authentication-results:", b"received:"))
        if not skip:
            kept.append(line)
    return b"\n".join(kept) + b"\n\n" + body


NOTICE = fixture("en_facebook_notice_2024_html_qp.eml")  # From noreply@facebookmail.com
CODE = fixture("en_facebook_code_objection.eml")  # From security@facebookmail.com
CONFIRMATION = fixture("en_facebook_confirmation_2024.eml")  # From noreply@support.facebook.com


@pytest.fixture(scope="module")
def key():
    return make_key()


@pytest.fixture
def dns(key):
    server = KeyServer()
    for domain in ("facebookmail.com", "facebook.com", "support.facebook.com"):
        server.add(domain, key)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def imap():
    with running_dovecot("dkim", users=dict.fromkeys(USERS, IMAP_PASSWORD)) as server:
        yield server


@pytest.fixture
def user(imap, monkeypatch) -> str:
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    return next(_free)


def config(home: Path, imap, user: str, database_url: str, dns: KeyServer | None,
           **box: str) -> Path:
    lines = [f'[database]\nurl = "{database_url}"\n']
    if dns is not None:
        lines.append(f'[dkim]\nnameservers = ["{dns.nameserver}"]\n')
    lines.append(f'[[mailboxes]]\nname = "personal"\nhost = "127.0.0.1"\nport = {imap.port}\n'
                 f'security = "plain"\nusername = "{user}"\npassword_env = "OT_IMAP_PASSWORD"\n')
    lines += [f"{k} = {json.dumps(v)}\n" for k, v in box.items()]
    path = home / "config.toml"
    path.write_text("".join(lines))
    return path


def state(path: Path, account: str = ACCOUNT) -> dict:
    doc = json.loads(invoke(path, "status", "--format", "json"))
    return next(a for a in doc["accounts"] if f"{a['platform']}:{a['account']}" == account)


def findings(database_url: str) -> list[Finding]:
    sessions = open_database(database_url)
    with sessions() as session:
        rows = session.scalars(select(Finding).order_by(Finding.date)).all()
        for r in rows:
            _ = r.raw  # deferred: load it before the session closes
        return rows


def test_a_signed_confirmation_is_pass_and_confirms(tmp_path, imap, user, dns, key, database_url):
    signed = [sign(NOTICE, key, "facebookmail.com"), sign(CODE, key, "facebookmail.com"),
              sign(CONFIRMATION, key, "facebook.com")]
    for mail in signed:
        imap.append(user, "INBOX", mail, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns)
    invoke(path, "sync")
    assert state(path)["state"] == "objection_confirmed"
    rows = {r.kind: r for r in findings(database_url)}
    confirmation = rows["confirmation"]
    assert (confirmation.dkim_result, confirmation.dkim_domain, confirmation.dkim_selector) == \
        ("pass", "facebook.com", "s2026")
    assert rows["notice"].dkim_result == "pass" and rows["verification_code"].dkim_result == "pass"
    # kept exactly as the server sent it
    assert [rows[k].raw for k in ("notice", "verification_code", "confirmation")] == signed
    assert "UNVERIFIED" not in invoke(path, "status")


def test_one_body_byte_changed_is_fail_and_suspicious(tmp_path, imap, user, dns, key, database_url):
    imap.append(user, "INBOX", sign(NOTICE, key, "facebookmail.com"), meta_signed=False)
    signed = sign(CONFIRMATION, key, "facebook.com")
    tampered = signed.replace(b"will honor your objection", b"will honor your objectiom", 1)
    assert tampered != signed
    imap.append(user, "INBOX", tampered, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns)
    invoke(path, "sync")
    assert state(path)["state"] == "needs_action"
    bad = [r for r in findings(database_url) if r.kind == "suspicious"]
    assert len(bad) == 1 and bad[0].dkim_result == "fail" and bad[0].reason.startswith("dkim-fail")
    assert bad[0].raw == tampered
    assert "suspicious mail" in invoke(path, "status")


def test_a_forged_authentication_results_counts_for_nothing_when_the_mailbox_names_its_id(
        tmp_path, imap, user, dns, database_url):
    forged = (b"Authentication-Results: mx.attacker.example; dkim=pass header.d=facebook.com;\n"
              b" dmarc=pass header.from=support.facebook.com\n" + CONFIRMATION)
    imap.append(user, "INBOX", NOTICE.replace(
        b"From:", b"Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com\nFrom:", 1),
        meta_signed=False)
    imap.append(user, "INBOX", forged, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns, authserv_id="mx.example.org")
    invoke(path, "sync")
    account = state(path)
    assert account["state"] != "objection_confirmed"
    assert [u["kind"] for u in account["unverified"]] == ["confirmation"]
    out = invoke(path, "why", ACCOUNT)
    assert "UNVERIFIED" in out and "said by mx.example.org" in out  # the notice's header


def test_the_servers_own_header_counts_when_the_mailbox_names_its_id(tmp_path, imap, user, database_url):
    trusted = (b"Authentication-Results: mx.example.org; dkim=pass (good) header.d=facebook.com\n"
               + CONFIRMATION)
    imap.append(user, "INBOX", trusted, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, None, authserv_id="mx.example.org")
    invoke(path, "sync")
    assert state(path)["state"] == "objection_confirmed"


def test_dns_down_is_temperror_not_confirmed_then_confirmed_once_dns_is_back(
        tmp_path, imap, user, dns, key, database_url):
    imap.append(user, "INBOX", sign(CONFIRMATION, key, "facebook.com"), meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns)
    dns.stop()
    invoke(path, "sync")  # offline: the sync still finishes
    account = state(path)
    assert account["state"] != "objection_confirmed"
    assert account["unverified"] and findings(database_url)[0].dkim_result == "temperror"
    assert "UNVERIFIED" in invoke(path, "status")
    # The mail is gone from the server: the check again needs no fetch, the stored bytes suffice.
    with imap.client(user) as client:
        client.select_folder("INBOX")
        client.delete_messages(client.search("ALL"))
        client.expunge()
    dns.start()
    invoke(path, "sync")  # at once: the key is not looked up again yet (back-off)
    assert findings(database_url)[0].dkim_result == "temperror"
    sessions = open_database(database_url)
    with sessions.begin() as session:  # as if the back-off had passed
        session.scalar(select(Finding)).dkim_recheck_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    invoke(path, "sync")
    assert state(path)["state"] == "objection_confirmed"
    assert findings(database_url)[0].dkim_result == "pass"


def test_an_unsigned_flow_mail_never_confirms_and_a_notice_still_asks(tmp_path, imap, user, dns,
                                                                        database_url):
    imap.append(user, "INBOX", NOTICE, meta_signed=False)
    imap.append(user, "INBOX", CODE, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns)
    invoke(path, "sync")
    account = state(path)
    # the unverified notice pushes to needs_action (the safe side); the unverified code does not
    # make the account look filed, and its link is not the one to act on
    assert account["state"] == "needs_action"
    assert {u["kind"] for u in account["unverified"]} == {"notice", "verification_code"}
    imap.append(user, "INBOX", CONFIRMATION, meta_signed=False)
    invoke(path, "sync")
    assert state(path)["state"] == "check_reply"  # shown as a reply to look at, never a yes


def test_require_authentication_makes_an_unsigned_flow_mail_suspicious(tmp_path, imap, user, dns,
                                                                       database_url):
    imap.append(user, "INBOX", CONFIRMATION, meta_signed=False)
    path = config(tmp_path, imap, user, database_url, dns)
    path.write_text(path.read_text() + "require_authentication = true\n")
    invoke(path, "sync")
    assert [r.kind for r in findings(database_url)] == ["suspicious"]


# --- without a server: the parser, the alignment, duplicates -------------------------------------

def test_rfc8601_comment_and_quoted_string_are_not_a_pass():
    for header in (
        'mx.example.org; spf=pass (sender "x;dkim=pass header.d=facebookmail.com"@evil.test ok) '
        "smtp.mailfrom=evil.test",
        'mx.example.org; spf=pass smtp.mailfrom="x;dkim=pass header.d=facebookmail.com"@evil.test',
        "mx.example.org; dkim=fail (was: dkim=pass header.d=facebookmail.com) header.d=evil.test",
        "mx.example.org; spf=pass smtp.mailfrom=facebookmail.com",  # SPF vouches for no From
        "mx.example.org; dkim=pass header.from=facebookmail.com",  # header.from is DMARC's
        "mx.example.org; dmarc=pass header.d=facebookmail.com",  # and header.d DKIM's
    ):
        mail = parse(f"Authentication-Results: {header}\nFrom: Facebook <security@facebookmail.com>\n"
                     "To: a@example.org\nSubject: x\n\nhi\n".encode())
        verdict = judge(mail, authserv_id="mx.example.org")
        assert verdict.how is None or "authenticated" not in verdict.how, header
        assert not judge(mail).genuine, header  # the topmost header alone: no pass either
    parsed = parse_auth_results("mx.example.org 1; dkim=pass (ok) header.i=@facebookmail.com; "
                                "dmarc=pass header.from=facebookmail.com")
    assert parsed.authserv_id == "mx.example.org"
    assert parsed.domains("dkim") == ["facebookmail.com"] and parsed.domains("dmarc") == ["facebookmail.com"]


def test_signatures_count_only_aligned_and_from_a_meta_domain(dns, key):
    resolver = KeyResolver([dns.nameserver])
    dns.add("evil.example", key)
    other = sign(NOTICE, key, "evil.example")
    assert verify(other, "facebookmail.com", resolver).result == "none"
    spoof = sign(NOTICE.replace(b"noreply@facebookmail.com", b"noreply@evil.example"), key, "evil.example")
    assert verify(spoof, "evil.example", resolver).result == "none"  # valid, but not Meta's
    parent = sign(CONFIRMATION, key, "facebook.com")
    assert verify(parent, "support.facebook.com", resolver).result == "pass"
    unknown = sign(NOTICE, key, "facebookmail.com", selector="gone")
    assert verify(unknown, "facebookmail.com", resolver).result == "fail"


def test_key_lookups_are_cached_for_the_run(dns, key):
    resolver = KeyResolver([dns.nameserver])
    signed = sign(NOTICE, key, "facebookmail.com")
    assert verify(signed, "facebookmail.com", resolver).result == "pass"
    dns.stop()
    assert verify(signed, "facebookmail.com", resolver).result == "pass"  # no second lookup
    assert verify(signed, "facebookmail.com", KeyResolver([dns.nameserver])).result == "temperror"


@pytest.mark.parametrize("field", [b"From", b"Subject", b"To"])
def test_two_from_subject_or_to_headers_are_suspicious(tmp_path, field, key, dns):
    twice = NOTICE.replace(b"\n" + field + b":", b"\n" + field + b": other@example.org\n" + field + b":", 1)
    assert duplicate_headers(twice) == [field.decode().lower()]
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n[dkim]\nnameservers = ["{dns.nameserver}"]\n')
    (tmp_path / "m.eml").write_bytes(sign(twice, key, "facebookmail.com"))
    invoke(path, "import", str(tmp_path / "m.eml"))
    doc = json.loads(invoke(path, "status", "--format", "json"))
    assert doc["accounts"] == [] and doc["suspicious"][0]["reason"].startswith("duplicate-header")



def test_only_the_topmost_header_with_the_mailbox_s_id_counts():
    def mail(*headers: str) -> bytes:
        return "".join(f"Authentication-Results: {h}\n" for h in headers).encode() + \
            b"From: Facebook <security@facebookmail.com>\nTo: a@example.org\nSubject: x\n\nhi\n"

    # the server's own fail, with a forged pass of the same id below it (it came with the mail)
    verdict = judge(parse(mail("mx.example.org; dkim=fail header.d=facebookmail.com",
                               "mx.example.org; dkim=pass header.d=facebookmail.com")),
                    authserv_id="mx.example.org")
    assert not verdict.genuine and verdict.suspicious.startswith("auth-fail: dkim=fail for facebookmail.com")
    # another id's pass above the server's header counts for nothing
    verdict = judge(parse(mail("mx.attacker.example; dkim=pass header.d=facebookmail.com",
                               "mx.example.org; dkim=pass header.d=facebookmail.com")),
                    authserv_id=("mx1.example.org", "mx.example.org"))
    assert verdict.genuine and "said by mx.example.org" in verdict.how
    # nothing from the server: the tracker's own verdict decides
    verdict = judge(parse(mail("mx.attacker.example; dkim=pass header.d=facebookmail.com")),
                    authserv_id="mx.example.org", dkim=DkimVerdict("none"))
    assert verdict.genuine and verdict.unverified == "unsigned"


def test_a_flow_mail_gone_before_its_whole_fetch_is_not_recorded(tmp_path):
    """A review found: a part of a confirmation whose whole fetch found nothing (moved or expunged
    in between) was stored as if the server had vouched for it, and the account showed confirmed."""
    from tracker.mail.rawmail import RawMessage
    from tracker.recognition.dkim import KeyResolver
    from tracker.recognition.verify import Checker
    from tracker.store.engine import open_database
    from tracker.store.repo import Repository
    from tracker.store.state import derive
    from tracker.sync import ingest

    sessions = open_database(f"sqlite:///{tmp_path / 'race.db'}")
    checker = Checker(KeyResolver(["127.0.0.1:5"], timeout=0.5))
    part = RawMessage(fixture("en_facebook_confirmation_2024.eml"), "box", "INBOX", 1, 7, whole=False)
    with sessions.begin() as session:
        outcome = ingest(Repository(session), part, checker=checker, refetch=lambda raw: None)
    assert outcome == ("vanished", None)
    with sessions.begin() as session:
        repo = Repository(session)
        assert derive(repo.evidence(), repo.groups()) == []
        assert repo.processed_uids("box", "INBOX", 1, [7]) == set()
