"""TLS against a Dovecot with a throwaway CA: implicit TLS and STARTTLS with ca_file, a wrong CA or
a missing STARTTLS failing in one line (exit 4) before the password is sent, and -vv showing the
protocol but never the password."""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from tests.configs import invoke, write_config
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.imap_server import DovecotServer
from tracker.config import MailboxConfig
from tracker.mail.credentials import Credential
from tracker.mail.mailbox import MailboxSession

ROOT = Path(__file__).parents[1]
NOTICE = (Path(__file__).parent / "data" / "notice_facebook_en.eml").read_bytes()
ASCII_PASSWORD = "plain-ascii-Secret-7"  # goes through LOGIN, which imapclient's log redacts
USERS = {**{f"tls{i}": IMAP_PASSWORD for i in range(12)}, "ascii": ASCII_PASSWORD}
_free = iter([u for u in USERS if u != "ascii"])


@pytest.fixture(scope="session")
def tls_dovecot() -> Iterator[DovecotServer]:
    ca = trustme.CA()
    with running_dovecot("tls", users=USERS, tls=ca) as server:
        ca.cert_pem.write_to_path(str(server.root / "ca.pem"))
        trustme.CA().cert_pem.write_to_path(str(server.root / "other-ca.pem"))
        yield server


@pytest.fixture
def user(monkeypatch) -> str:
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    return next(_free)


def tls_box(server: DovecotServer, user: str, security: str, ca: str | None = "ca.pem") -> dict:
    box = dict(name="personal", host="127.0.0.1", port=server.tls_port if security == "tls" else server.port,
               security=security, username=user, password_env="OT_IMAP_PASSWORD")
    if ca:
        box["ca_file"] = str(server.root / ca)
    return box


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    """A real process: stderr as a user or cron sees it, logging configured as in production."""
    return subprocess.run([sys.executable, "cli.py", "--config", str(path), *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ}, timeout=120)


def logins(server: DovecotServer, user: str) -> list[str]:
    return [line for line in server.log().splitlines() if f"Login: user=<{user}>" in line]


def attempts(server: DovecotServer, user: str) -> list[str]:
    return [line for line in server.log().splitlines() if f"user=<{user}>" in line or f"({user}," in line]


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_sync_over_tls_with_a_private_ca(tls_dovecot, user, tracker_home, security):
    tls_dovecot.append(user, "INBOX", NOTICE)
    path = write_config(tracker_home, tls_box(tls_dovecot, user, security))
    assert "1 notice" in invoke(path, "sync")
    login = logins(tls_dovecot, user)[-1]  # the first is the harness appending the mail
    assert re.search(r"\bTLS\b", login), login  # Dovecot notes the session was encrypted


@pytest.mark.parametrize("security", ["tls", "starttls"])
@pytest.mark.parametrize("ca", ["other-ca.pem", None], ids=["wrong-ca", "system-cas"])
def test_an_untrusted_certificate_is_one_line_naming_the_host_and_exit_4(tls_dovecot, user, tracker_home,
                                                                         security, ca):
    path = write_config(tracker_home, tls_box(tls_dovecot, user, security, ca))
    proc = run_cli(path, "sync")
    assert proc.returncode == 4
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "mailbox 'personal': TLS certificate of 127.0.0.1 not trusted" in proc.stderr
    assert attempts(tls_dovecot, user) == []  # no login tried: the password never left


def test_the_host_name_is_checked_too(tls_dovecot):
    box = MailboxConfig(name="p", host="127.0.0.1", username="u", port=1, ca_file=str(tls_dovecot.root / "ca.pem"))
    context = MailboxSession(box, Credential("u", "x"))._tls_context()
    assert context.check_hostname and context.verify_mode == ssl.CERT_REQUIRED


def test_starttls_the_server_does_not_offer_is_an_error_not_plain_text(dovecot, mailbox_user, tracker_home):
    # The shared server runs without TLS, so it offers no STARTTLS.
    path = write_config(tracker_home, dict(name="personal", host="127.0.0.1", port=dovecot.port,
                                           security="starttls", username=mailbox_user,
                                           password_env="OT_IMAP_PASSWORD"))
    out = invoke(path, "sync", code=4)
    assert out.strip().count("\n") == 0
    assert "does not offer STARTTLS; refusing to send the password in plain text" in out
    assert attempts(dovecot, mailbox_user) == []


def test_tls_to_a_port_that_does_not_speak_it_fails_clearly(tls_dovecot, user, tracker_home):
    box = tls_box(tls_dovecot, user, "tls")
    box["port"] = tls_dovecot.port  # the plain IMAP port
    out = invoke(write_config(tracker_home, box), "sync", code=4)
    assert out.strip().count("\n") == 0 and f"TLS with 127.0.0.1:{tls_dovecot.port} failed" in out


def test_a_missing_ca_file_is_one_line(tls_dovecot, user, tracker_home):
    box = tls_box(tls_dovecot, user, "tls", ca="nope.pem")
    out = invoke(write_config(tracker_home, box), "sync", code=4)
    assert out.strip().count("\n") == 0 and "ca_file" in out and "cannot be read" in out


def test_verbose_output_shows_the_protocol_but_never_the_password(tls_dovecot, tracker_home, monkeypatch):
    monkeypatch.setenv("OT_IMAP_PASSWORD", ASCII_PASSWORD)
    tls_dovecot.append("ascii", "INBOX", NOTICE)
    path = write_config(tracker_home, tls_box(tls_dovecot, "ascii", "starttls"))
    proc = run_cli(path, "-vv", "sync")
    assert proc.returncode == 0, proc.stderr
    output = proc.stdout + proc.stderr
    assert "EXAMINE" in output and "LOGIN" in output  # -vv does show the protocol...
    assert ASCII_PASSWORD not in output  # ...but not the password
    assert ASCII_PASSWORD not in (tracker_home / "t.db").read_bytes().decode("latin-1")
