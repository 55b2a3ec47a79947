"""Reminders through a real SMTP server (aiosmtpd on a free loopback port): the message, its parts
and links, throttling over simulated days, TLS and STARTTLS with AUTH, and failures."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import re
import socket
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tracker import actions, config
from tracker.act.notify import SmtpChannel, message
from tracker.act.remind import digest, pending
from tracker.errors import ConfigError, NotifyError
from tracker.mail.rawmail import RawMessage
from tracker.recognition import rules
from tracker.recognition.classify import Finding
from tracker.recognition.parse import parse
from tracker.store.repo import Repository
from tracker.store.state import AccountState

DAY0 = dt.datetime(2026, 3, 2, 3, 30, tzinfo=dt.UTC)
IG_FORM = rules.DEFAULT_OBJECTION_URL["instagram"]
FB_FORM = rules.DEFAULT_OBJECTION_URL["facebook"]


def day(n: float) -> dt.datetime:
    return DAY0 + dt.timedelta(days=n)


def find_free_port() -> int:
    """A loopback port that was free a moment ago (a test server binds it next)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse_rcpt = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.refuse_rcpt:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


def start(handler: Inbox, **kwargs) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=find_free_port(), **kwargs)
    controller.start()
    return controller


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    controller = start(handler)
    yield handler, controller.port
    controller.stop()


def smtp_config(tmp_path: Path, port: int, channels: list[str] | None = None, **smtp) -> config.Config:
    block = {"host": "127.0.0.1", "port": port, "security": "plain",
             "from": "objection-tracker <robot@example.org>", "to": ["me@example.org"], **smtp}
    return config.parse({"database": {"url": f"sqlite:///{tmp_path / 't.db'}"},
                         "reminders": {"channels": channels or ["smtp"], "smtp": block}})


def add_finding(cfg: config.Config, platform: str, account: str, kind: str, at: dt.datetime) -> None:
    n = abs(hash((platform, account, kind, at))) % 10**9
    data = (f"Message-ID: <{kind}-{n}@test>\r\nDate: {at:%a, %d %b %Y %H:%M:%S +0000}\r\n"
            f"From: Meta <noreply@facebookmail.com>\r\nSubject: {kind}\r\n\r\nbody\r\n").encode()
    finding = Finding(kind, platform, account, None, "en",
                      objection_url=rules.DEFAULT_OBJECTION_URL.get(platform))
    with actions.database(cfg).begin() as session:
        Repository(session).record_finding(RawMessage(data, "test", "INBOX", 1, n), parse(data),
                                           finding)


def parts(msg: EmailMessage) -> tuple[str, str]:
    assert msg.get_content_type() == "multipart/alternative"
    plain, html = msg.iter_parts()
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    return plain.get_content(), html.get_content()


def test_digest_by_smtp_over_simulated_days(tmp_path: Path, inbox: tuple[Inbox, int]) -> None:
    handler, port = inbox
    cfg = smtp_config(tmp_path, port)
    add_finding(cfg, "instagram", "ig.user", "notice", day(-3))
    add_finding(cfg, "facebook", "me@example.org", "notice", day(-45))
    add_finding(cfg, "facebook", "me@example.org", "verification_code", day(-40))
    add_finding(cfg, "facebook", "done@example.org", "notice", day(-45))
    add_finding(cfg, "facebook", "done@example.org", "confirmation", day(-44))
    add_finding(cfg, "whatsapp", "+4915100000000", "notice", day(-3))

    def run(n: float) -> list[EmailMessage]:
        before = len(handler.messages)
        result = actions.remind(cfg, now=day(n))
        assert result.failures == [] and result.exit_code == 0
        return handler.messages[before:]

    [first] = run(0)  # one digest, not a mail per account
    assert first["Subject"] == "objection-tracker: 2 Meta accounts waiting for you (1 overdue)"
    assert first["From"] == "objection-tracker <robot@example.org>"
    assert first["To"] == "me@example.org" and first["Auto-Submitted"] == "auto-generated"
    assert handler.envelopes[0] == ("robot@example.org", ["me@example.org"])
    text, html = parts(first)
    assert "facebook:me@example.org: OVERDUE: submitted 40 days ago" in text
    assert "data protection authority" in text
    assert "instagram:ig.user: needs action, for 3 days" in text
    assert f"Form: {IG_FORM}" in text and f"Form: {FB_FORM}" in text
    assert "done@example.org" not in text and "whatsapp" not in text
    assert f'<a href="{IG_FORM}">' in html and f'<a href="{FB_FORM}">' in html
    assert text.index("facebook:me@example.org") < text.index("instagram:ig.user")  # most urgent first

    assert run(1) == [] and run(6) == []
    add_finding(cfg, "instagram", "second.user", "notice", day(6.2))
    [news] = run(6.3)  # a new account goes out at once, alone: the others were told 6 days ago
    assert "instagram:second.user" in parts(news)[0] and "ig.user" not in parts(news)[0]
    [weekly] = run(7)
    assert "instagram:ig.user" in parts(weekly)[0] and "second.user" not in parts(weekly)[0]
    actions.mark(cfg, "instagram:ig.user", "confirmed", at=day(8))
    actions.mark(cfg, "instagram:second.user", "ignored", at=day(8))
    [last] = run(14)
    assert last["Subject"] == "objection-tracker: 1 Meta account waiting for you (1 overdue)"
    add_finding(cfg, "facebook", "me@example.org", "confirmation", day(15))
    assert run(21) == [] and run(60) == []


def test_failed_channel_is_not_recorded_and_others_go_out(tmp_path: Path) -> None:
    port = find_free_port()  # nothing listens there yet
    cfg = smtp_config(tmp_path, port, channels=["stdout", "smtp"], timeout=5)
    add_finding(cfg, "instagram", "ig.user", "notice", day(-3))
    out = io.StringIO()
    failed = actions.remind(cfg, now=day(0), stream=out)
    assert failed.exit_code == 5 and [d.channel for d in failed.sent] == ["stdout"]
    assert "instagram:ig.user" in out.getvalue()
    assert str(failed.failures[0]).startswith(f"smtp (me@example.org) via 127.0.0.1:{port}: ")

    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        retried = actions.remind(cfg, now=day(1), stream=out)  # smtp still due, stdout is not
        assert [d.channel for d in retried.sent] == ["smtp"] and len(handler.messages) == 1
        handler.refuse_rcpt = True
        refused = actions.remind(cfg, now=day(8), stream=out)
        assert [d.channel for d in refused.sent] == ["stdout"]
        assert "recipients refused: me@example.org" in str(refused.failures[0])
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def tls_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


def one_digest() -> object:
    accounts = pending([AccountState("instagram", "ig.user", "needs_action", day(-3), "notice",
                                     IG_FORM)], now=DAY0, stale_after_days=14)
    return digest(accounts, now=DAY0)


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and \
        (auth_data.login, auth_data.password) == (b"robot", "pässwort".encode())
    return AuthResult(success=ok, handled=False)


def test_starttls_with_login(tmp_path: Path, ca: trustme.CA, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = Inbox()
    controller = start(handler, tls_context=tls_context(ca), require_starttls=True,
                       authenticator=authenticator, auth_require_tls=True)
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    try:
        monkeypatch.setenv("SMTP_PW", "pässwort")
        cfg = smtp_config(tmp_path, controller.port, security="starttls", username="robot",
                          password_env="SMTP_PW", ca_file=str(pem))
        SmtpChannel(cfg.reminders.smtp).send(one_digest())
        assert len(handler.messages) == 1

        monkeypatch.setenv("SMTP_PW", "wrong")
        with pytest.raises(NotifyError, match="login refused for 'robot': 535"):
            SmtpChannel(cfg.reminders.smtp).send(one_digest())
        monkeypatch.delenv("SMTP_PW")
        with pytest.raises(NotifyError, match="environment variable SMTP_PW is not set"):
            SmtpChannel(cfg.reminders.smtp).send(one_digest())
        untrusted = smtp_config(tmp_path, controller.port, security="starttls")
        with pytest.raises(NotifyError, match="certificate not trusted"):
            SmtpChannel(untrusted.reminders.smtp).send(one_digest())
    finally:
        controller.stop()


def test_starttls_not_offered_is_an_error(tmp_path: Path, inbox: tuple[Inbox, int]) -> None:
    cfg = smtp_config(tmp_path, inbox[1], security="starttls")
    with pytest.raises(NotifyError, match="STARTTLS extension not supported by server"):
        SmtpChannel(cfg.reminders.smtp).send(one_digest())
    assert inbox[0].messages == []  # never fell back to sending in the clear


def test_implicit_tls_with_password_command(tmp_path: Path, ca: trustme.CA) -> None:
    handler = Inbox()
    # aiosmtpd counts only STARTTLS as TLS for auth_require_tls; this connection is TLS throughout
    controller = start(handler, ssl_context=tls_context(ca), authenticator=authenticator,
                       auth_require_tls=False)
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    try:
        cfg = smtp_config(tmp_path, controller.port, security="tls", username="robot",
                          password_command="printf 'pässwort\\nsecond line'", ca_file=str(pem))
        SmtpChannel(cfg.reminders.smtp).send(one_digest())
        assert len(handler.messages) == 1
        failing = smtp_config(tmp_path, controller.port, security="tls", username="robot",
                              password_command="sh -c 'echo vault locked >&2; exit 3'",
                              ca_file=str(pem))
        with pytest.raises(NotifyError, match=r"password_command exited with 3 \(-v shows its error output\)$"):
            SmtpChannel(failing.reminders.smtp).send(one_digest())
    finally:
        controller.stop()


def test_message_shape() -> None:
    cfg = config.SmtpConfig(host="localhost", sender="Tracker <t@example.org>",
                            to=("a@example.org", "b@example.org"))
    msg = message(one_digest(), cfg)
    assert msg["To"] == "a@example.org, b@example.org"
    assert msg["Message-ID"].endswith("@example.org>")
    assert parts(msg)[0].startswith("1 Meta account still waiting")


def test_smtp_config() -> None:
    cfg = config.parse({"reminders": {"channels": ["smtp"], "smtp": {
        "host": "smtp.example.org", "from": "me@example.org", "to": "me@example.org",
        "username": "me", "password_command": "pass show smtp"}}})
    assert cfg.reminders.smtp == config.SmtpConfig(
        host="smtp.example.org", sender="me@example.org", to=("me@example.org",), port=465,
        security="tls", username="me", password_command="pass show smtp")
    starttls = config.parse({"reminders": {"smtp": {"host": "h", "from": "a@b", "to": ["a@b"],
                                                    "security": "starttls"}}})
    assert starttls.reminders.smtp.port == 587


@pytest.mark.parametrize(("smtp", "key"), [
    ({"security": "plain", "host": "smtp.example.org"}, "reminders.smtp.security"),
    ({"security": "ssl"}, "reminders.smtp.security"),
    ({"port": 0}, "reminders.smtp.port"),
    ({"to": []}, "reminders.smtp.to"),
    ({"to": ["nobody"]}, "reminders.smtp.to"),
    ({"password_env": "X"}, "reminders.smtp.username"),
    ({"username": "me"}, "reminders.smtp"),
    ({"username": "me", "password_env": "X", "password_command": "y"}, "reminders.smtp"),
    ({"helo": "x"}, "reminders.smtp.helo"),
    ({"from": None}, "reminders.smtp.from"),
])
def test_smtp_config_errors_name_the_key(smtp: dict, key: str) -> None:
    block = {"host": "127.0.0.1", "from": "a@example.org", "to": ["a@example.org"], **smtp}
    block = {k: v for k, v in block.items() if v is not None}
    with pytest.raises(ConfigError, match=rf"^{re.escape(key)}: "):
        config.parse({"reminders": {"smtp": block}})
