"""The channels a digest goes out on: stdout (cron mails a job's output), SMTP, Apprise URLs.

A channel's send() returns or raises NotifyError naming the channel. Labels and keys never hold a
secret: an Apprise URL often carries a token, so it is shown by scheme and stored by digest.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import smtplib
import ssl
import sys
from dataclasses import replace
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from typing import Protocol, TextIO

from tracker.act.remind import Digest
from tracker.config import PersonConfig, ReminderConfig, SmtpConfig
from tracker.errors import NotifyError
from tracker.mail.credentials import SecretCommandFailed, run_secret_command

NOTIFY_EXTRA = "pip install 'objection-tracker[notify]'"


class Channel(Protocol):
    key: str  # recorded with every reminder sent
    label: str  # shown to the user

    def send(self, digest: Digest) -> None: ...


def channels(config: ReminderConfig, stream: TextIO | None = None,
             person: PersonConfig | None = None) -> list[Channel]:
    """The channels of the config's owner, or of a person ([[people]]): their own channels
    (default: [reminders] channels), the SMTP server of [reminders.smtp] sending to their smtp_to."""
    found: list[Channel] = []
    names = person.channels if person and person.channels is not None else config.channels
    for name in names:
        if name == "stdout":
            found.append(StdoutChannel(stream, person.name if person else None))
        elif name == "smtp":
            assert config.smtp is not None  # config.parse refuses "smtp" without the block
            smtp = replace(config.smtp, to=person.smtp_to) if person else config.smtp
            found.append(SmtpChannel(smtp))
        else:
            found.append(AppriseChannel(name))
    if person:
        for channel in found:
            channel.label += f" for {person.name}"
    return found


class StdoutChannel:
    key = "stdout"

    def __init__(self, stream: TextIO | None = None, person: str | None = None) -> None:
        self.stream = stream
        self.person = person
        self.label = "stdout"

    def send(self, digest: Digest) -> None:
        stream = self.stream or sys.stdout
        if self.person:  # several people's digests in one output: say whose each is
            stream.write(f"--- for {self.person} ---\n")
        stream.write(digest.text)
        stream.flush()


class SmtpChannel:
    key = "smtp"

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self.label = f"smtp ({', '.join(config.to)})"

    def send(self, digest: Digest) -> None:
        cfg = self.config
        msg = message(digest, cfg)
        password = self._password() if cfg.username else None
        try:
            context = ssl.create_default_context(cafile=cfg.ca_file)
            if cfg.security == "tls":
                client = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=cfg.timeout, context=context)
            else:
                client = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            with client:
                if cfg.security == "starttls":
                    client.starttls(context=context)  # raises when not offered: no silent plain
                if cfg.username and password is not None:
                    _login(client, cfg.username, password)
                refused = client.send_message(msg)
        except smtplib.SMTPAuthenticationError as exc:
            raise self._error(f"login refused for {cfg.username!r}: {_reply(exc)}") from None
        except smtplib.SMTPNotSupportedError as exc:  # STARTTLS, or AUTH PLAIN, not offered
            raise self._error(str(exc).rstrip(".")) from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise self._error(f"recipients refused: {', '.join(exc.recipients)}") from None
        except ssl.SSLCertVerificationError as exc:
            raise self._error(f"certificate not trusted: {exc.verify_message} "
                              "(reminders.smtp.ca_file trusts a private CA)") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise self._error(_reply(exc)) from None
        if refused:
            raise self._error(f"recipients refused: {', '.join(refused)}")

    def _error(self, reason: str) -> NotifyError:
        return NotifyError(f"{self.label} via {self.config.host}:{self.config.port}: {reason}")

    def _password(self) -> str:
        # As for mailboxes: an environment variable, or a command whose first line is the secret.
        cfg = self.config
        if cfg.password_env:
            secret = os.environ.get(cfg.password_env, "")
            if not secret:
                raise self._error(f"reminders.smtp.password_env: the environment variable "
                                  f"{cfg.password_env} is not set")
            return secret
        assert cfg.password_command  # config.parse requires one with a username
        try:
            return run_secret_command(cfg.password_command, "reminders.smtp.password_command")
        except SecretCommandFailed as exc:
            raise self._error(str(exc)) from None


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    if (username + password).isascii():
        client.login(username, password)
        return
    # smtplib encodes credentials as ASCII; AUTH PLAIN is UTF-8 by its RFC (4616)
    client.ehlo_or_helo_if_needed()
    if "plain" not in client.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPNotSupportedError("a non-ASCII password needs AUTH PLAIN, not offered")
    token = base64.b64encode(f"\0{username}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def message(digest: Digest, cfg: SmtpConfig) -> EmailMessage:
    """multipart/alternative: the plain text first, the HTML that mail programs prefer second."""
    msg = EmailMessage()
    msg["Subject"] = digest.subject
    msg["From"] = cfg.sender
    msg["To"] = ", ".join(cfg.to)
    msg["Date"] = format_datetime(dt.datetime.now().astimezone())
    domain = parseaddr(cfg.sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid("objection-tracker", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    msg.set_content(digest.text)
    msg.add_alternative(digest.html, subtype="html")
    return msg


def _reply(exc: BaseException) -> str:
    code = getattr(exc, "smtp_code", None)
    text = getattr(exc, "smtp_error", None)
    if code is not None and isinstance(text, bytes):
        return f"{code} {text.decode('utf-8', 'replace')}"
    return str(exc) or type(exc).__name__


class AppriseChannel:
    def __init__(self, url: str) -> None:
        self.url = url
        self.key = "apprise:" + hashlib.sha256(url.encode()).hexdigest()[:12]
        self.label = f"{url.partition('://')[0]}://… ({self.key})"

    def send(self, digest: Digest) -> None:
        try:
            import apprise
        except ImportError:
            raise NotifyError(f"{self.label}: Apprise URLs need the optional apprise package: "
                              f"{NOTIFY_EXTRA}") from None
        sender = apprise.Apprise()
        if not sender.add(self.url):
            raise NotifyError(f"{self.label}: not a URL Apprise knows (see its list of services)")
        try:
            delivered = sender.notify(title=digest.subject, body=digest.text)
        except Exception as exc:  # a third-party plugin: whatever it raises is this channel failing
            raise NotifyError(f"{self.label}: {type(exc).__name__}: {exc}") from None
        if not delivered:
            raise NotifyError(f"{self.label}: Apprise could not deliver (-v logs why)")
