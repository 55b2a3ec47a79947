"""Plain-word advice for the errors a mailbox gives, shared by `sync` (one line each) and `doctor`.

A sync's error line carries the same hint `doctor` gives and ends by pointing at `doctor`, which
shows what the server offers and which folders it has.
"""

from __future__ import annotations

from tracker.config import MailboxConfig
from tracker.errors import MailboxError

# Keyed by a phrase of the message MailboxSession (or credentials) raises.
ADVICE = {
    "login refused": "check username and secret; Gmail, Microsoft 365, Fastmail and iCloud refuse "
                     "the account password over IMAP: use an app password or oauth2_token_command "
                     "(README: Providers and authentication)",
    "not trusted": "a server with a certificate from a private CA needs ca_file = \"/path/ca.pem\"",
    "does not offer STARTTLS": "try security = \"tls\" with port = 993",
    "cannot connect": "check host, port and security; is the server reachable from here?",
    "cannot resolve": "check the host name",
    "TLS with": "the port does not speak TLS from the first byte: security = \"tls\" goes with "
                "port 993, \"starttls\" with 143",
    "did not answer in time": "check host, port and security: a port that expects TLS waits "
                              "silently for a client speaking plain text",
    "cannot open folder": "write folder names as your mail program shows them; the line lists "
                          "the folders the server has",
}

TLS_PORT = 993  # implicit TLS (RFC 8314): the server speaks TLS from the first byte


def advise(detail: str) -> str:
    """`detail` with the advice for it, if there is some."""
    for phrase, advice in ADVICE.items():
        if phrase in detail:
            return f"{detail}: {advice}"
    return detail


def doctor_command(mailbox: str) -> str:
    return f"run `objection-tracker doctor {mailbox}`"


def for_sync(exc: MailboxError) -> MailboxError:
    """The error a sync reports: the advice, then where to look further."""
    return MailboxError(exc.mailbox, f"{advise(exc.detail)}; {doctor_command(exc.mailbox)}")


def folder_error(line: str, mailbox: str) -> str:
    """The same for a folder a sync could not open (reported as text in SyncSummary.errors)."""
    prefix = f"mailbox {mailbox!r}: "
    detail = line.removeprefix(prefix)
    return f"{prefix}{advise(detail)}; {doctor_command(mailbox)}"


def mismatch(box: MailboxConfig) -> MailboxError | None:
    """A port and security that cannot work together, known without connecting.

    A client that waits for a plain-text greeting on an implicit-TLS port meets a server that waits
    for a TLS handshake: both wait until the read timeout. Saying so at once beats a timeout.
    """
    if box.port == TLS_PORT and box.security != "tls":
        return MailboxError(box.name, f"port {TLS_PORT} expects TLS from the first byte, but "
                            f"security = {box.security!r} waits for a plain-text greeting: set "
                            f"security = \"tls\" (or port = 143 for STARTTLS)")
    return None
