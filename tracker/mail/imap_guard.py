"""Limits on what an IMAP server may make the tracker wait for and hold, per command.

A socket timeout bounds one read, not a command: a server that trickles one byte every second
never trips it, and one that sends endless untagged lines, or announces a 3 GB literal, fills
memory instead. GuardedIMAPClient reads the socket itself and enforces, for every command (and
for the greeting):
- a deadline: the whole answer must be in within `command_timeout` seconds;
- a cap on the bytes and lines of the answer;
- a cap on each literal: a mail over max_message_bytes is refused before a byte of it is read
  (MessageTooLarge names its UID, so that the sync records it as too large and moves on);
- protocol bounds that the storage and the parser rely on: UIDs fit 32 bits (RFC 3501), and
  parentheses nest at most MAX_NESTING deep (a BODYSTRUCTURE nested 3,000 deep would exhaust
  imapclient's recursive parser).
A broken limit closes the connection: its stream is no longer in step with the commands.
Read errors become IMAPClientError subclasses, which every caller already handles.
"""

from __future__ import annotations

import contextlib
import re
import socket
import time
from dataclasses import dataclass

from imapclient import IMAPClient, imap4, tls
from imapclient.exceptions import IMAPClientAbortError

MAX_LINE = 1_000_000  # imaplib's own limit for one line
MAX_LINES = 500_000  # LIST of a huge server, FETCH of 200 messages: far fewer
MAX_NESTING = 100  # real BODYSTRUCTUREs nest a handful of levels
MAX_UID = 2**32 - 1  # nz-number (RFC 3501): UIDs, UIDVALIDITY and UIDNEXT are 32-bit
_UID = re.compile(rb"\bUID (\d{10,})")
_NUMERIC_SELECT = (b"EXISTS", b"RECENT", b"UIDNEXT", b"UIDVALIDITY", b"HIGHESTMODSEQ")
_UID_BEFORE_LITERAL = re.compile(rb"\bUID (\d+)")
_QUOTED = re.compile(rb'"(?:[^"\\\r\n]|\\.)*"')


@dataclass(frozen=True)
class Limits:
    read_timeout: float = 30.0  # one read, as before
    command_timeout: float = 300.0  # the whole answer to one command
    max_message_bytes: int = 50 * 1024 * 1024

    @property
    def max_response_bytes(self) -> int:
        # Several mails of up to the limit may come in one FETCH, but not without end.
        return 4 * self.max_message_bytes + 16 * 1024 * 1024


class GuardError(IMAPClientAbortError):
    """The server broke a limit; the connection is closed."""


class ServerTimeout(GuardError, TimeoutError):
    """No answer in time: one read, or the whole answer to a command."""


class ConnectionLost(GuardError, ConnectionError):
    pass


class ResponseTooLarge(GuardError):
    pass


class ProtocolViolation(GuardError):
    pass


class UnreadableMessage(GuardError):
    """One mail the tracker must not read (uid None: the server did not say which)."""

    def __init__(self, uid: int | None, problem: str) -> None:
        super().__init__(problem)
        self.uid = uid
        self.problem = problem  # "is 3,221,225,472 bytes, over the limit of 50 MB"


class MessageTooLarge(UnreadableMessage):
    """A literal over max_message_bytes: the mail it carries is not read."""

    def __init__(self, uid: int | None, size: int, limit: int) -> None:
        super().__init__(uid, f"is {size:,} bytes, over the limit of {limit / 2**20:g} MB")
        self.size = size
        self.limit = limit


class _Guarded:
    """Mixed into imaplib.IMAP4 and imapclient's TLS variant: replaces read, readline and send."""

    limits: Limits
    sock: socket.socket
    tagpre: bytes

    def open(self, host: str = "", port: int = 143, timeout: float | None = None) -> None:
        self._buffer = bytearray()
        self._broken: GuardError | None = None
        self._fetch_uid: int | None = None
        self._start("the greeting")
        super().open(host, port, timeout)  # type: ignore[misc]

    def _start(self, what: str) -> None:
        self._what = what
        # IDLE waits for the server by design (`object` watches for minutes): its answer has no
        # deadline, and DONE starts the clock again.
        self._deadline = (float("inf") if what == "IDLE"
                          else time.monotonic() + self.limits.command_timeout)
        self._received = 0
        self._lines = 0

    def send(self, data: bytes) -> None:
        if self._broken is not None:
            raise ConnectionLost(f"connection closed after: {self._broken}")
        if data.startswith(self.tagpre):  # a new command (not a literal or SASL continuation)
            self._start(_command_name(data))
        elif data == b"DONE\r\n":  # the end of IDLE
            self._start("DONE")
        self.sock.settimeout(self.limits.read_timeout)
        super().send(data)  # type: ignore[misc]

    def starttls(self, ssl_context=None):
        result = super().starttls(ssl_context)  # type: ignore[misc]
        # Whatever arrived before the handshake was not protected by TLS: never read it as
        # the server's (the STARTTLS command-injection attack).
        self._buffer.clear()
        return result

    def readline(self) -> bytes:
        start = 0
        while True:
            end = self._buffer.find(b"\n", start)
            if end >= 0:
                line = bytes(self._buffer[:end + 1])
                del self._buffer[:end + 1]
                self._check_line(line)
                return line
            if len(self._buffer) > MAX_LINE:
                self._line_too_long()
            start = len(self._buffer)
            if not self._fill():
                line = bytes(self._buffer)
                self._buffer.clear()
                return line  # imaplib reports EOF and unterminated lines

    def read(self, size: int) -> bytes:
        limit = self.limits.max_message_bytes
        if size > limit:
            self._fail(MessageTooLarge(self._fetch_uid, size, limit))
        while len(self._buffer) < size:
            if not self._fill():
                break
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _line_too_long(self) -> None:
        # In a FETCH it is one mail's description (a BODYSTRUCTURE of 100,000 parts): that mail
        # is unreadable, and the others can still be read.
        uid = self._fetch_uid
        if self._buffer.startswith(b"* "):
            found = _UID_BEFORE_LITERAL.search(bytes(self._buffer[:200]))
            uid = int(found.group(1)) if found and b"FETCH" in self._buffer[:30] else None
        problem = f"a line of more than {MAX_LINE:,} bytes"
        if uid is not None and uid <= MAX_UID:
            self._fail(UnreadableMessage(uid, f"cannot be read: the server described it in {problem}"))
        self._fail(ResponseTooLarge(f"the server sent {problem} in answer to {self._what}"))

    def _check_line(self, line: bytes) -> None:
        # Quoted strings are the mail's (a file name in BODYSTRUCTURE): "UID 99999999999" or
        # "((((" in one must not count as the server's.
        bare = _QUOTED.sub(b'""', line) if b'"' in line else line
        if line.startswith(b"* "):  # a new response; the others continue one after a literal
            found = _UID_BEFORE_LITERAL.search(bare) if b"FETCH" in line[:30] else None
            self._fetch_uid = int(found.group(1)) if found and len(found.group(1)) < 11 else None
        self._lines += 1
        if self._lines > MAX_LINES:
            self._fail(ResponseTooLarge(f"the server sent more than {MAX_LINES:,} lines in answer "
                                        f"to {self._what}"))
        if bare.count(b"(") > MAX_NESTING and _nesting(bare) > MAX_NESTING:
            problem = f"the server nested parentheses more than {MAX_NESTING} deep"
            if self._fetch_uid is not None:  # a BODYSTRUCTURE: that mail is unreadable
                self._fail(UnreadableMessage(self._fetch_uid, f"cannot be read: {problem}"))
            self._fail(ProtocolViolation(f"{problem} in answer to {self._what}"))
        uids = [m.group(1) for m in _UID.finditer(bare)]
        if line.startswith(b"* SEARCH "):
            uids += [w for w in line.split()[2:] if len(w) >= 10 and w.isdigit()]
        for uid in uids:
            if int(uid) > MAX_UID:
                self._fail(ProtocolViolation(f"the server sent UID {uid[:40].decode('ascii', 'replace')}"
                                             ", more than the 32 bits IMAP allows"))

    def _fill(self) -> bool:
        """Read what the socket has, within the command's deadline. False at EOF."""
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            self._overdue()
        if self.sock.gettimeout() == 0.0:
            # imapclient's idle_check polls the socket itself, made non-blocking, and reads lines
            # until a read would block: that is the end of what has come, not a broken server.
            try:
                chunk = self.sock.recv(65536)
            except BlockingIOError:
                raise TimeoutError("no more IDLE responses for now") from None
            except OSError as exc:
                self._fail(ConnectionLost(f"connection lost during {self._what}: "
                                          f"{exc.strerror or type(exc).__name__}"))
            return self._took(chunk)
        try:
            self.sock.settimeout(max(min(self.limits.read_timeout, remaining), 0.01))
            chunk = self.sock.recv(65536)
        except TimeoutError:
            if time.monotonic() >= self._deadline:
                self._overdue()
            self._fail(ServerTimeout(f"the server sent nothing for {self.limits.read_timeout:g} s "
                                     f"while answering {self._what}"))
        except OSError as exc:
            self._fail(ConnectionLost(f"connection lost while reading the answer to {self._what}: "
                                      f"{exc.strerror or type(exc).__name__}"))
        return self._took(chunk)

    def _took(self, chunk: bytes) -> bool:
        if not chunk:
            return False
        self._received += len(chunk)
        if self._received > self.limits.max_response_bytes:
            self._fail(ResponseTooLarge(
                f"the server sent more than {self.limits.max_response_bytes // (1024 * 1024)} MB "
                f"in answer to {self._what}"))
        self._buffer += chunk
        return True

    def _overdue(self) -> None:
        self._fail(ServerTimeout(f"the server did not finish answering {self._what} within "
                                 f"{self.limits.command_timeout:g} s"))

    def _fail(self, error: GuardError) -> None:
        self._broken = error
        self._buffer.clear()
        with contextlib.suppress(OSError):
            self.sock.close()
        raise error


def _command_name(data: bytes) -> str:
    """"UID FETCH", "LOGIN": never its arguments, which may be a username or a password."""
    words = data.split(b" ", 3)[1:3]
    name = words[:2] if words and words[0].upper() == b"UID" else words[:1]
    return b" ".join(name).decode("ascii", "replace").strip().upper() or "a command"


def _nesting(line: bytes) -> int:
    depth = deepest = 0
    for byte in line:
        if byte == 0x28:  # (
            depth += 1
            deepest = max(deepest, depth)
        elif byte == 0x29:  # )
            depth -= 1
    return deepest


class _GuardedPlain(_Guarded, imap4.IMAP4WithTimeout):
    pass


class _GuardedTLS(_Guarded, tls.IMAP4_TLS):
    pass


class GuardedIMAPClient(IMAPClient):
    """An IMAPClient whose every command is held to `limits` (see the module's docstring)."""

    def __init__(self, host: str, *, limits: Limits, **kwargs) -> None:
        self.limits = limits
        super().__init__(host, **kwargs)

    def _process_select_response(self, resp):
        # imapclient runs int() over these and raises ValueError on "UIDVALIDITY abc": the raw
        # value is kept instead, for MailboxSession.examine to judge key by key.
        odd, kept = {}, {}
        for key, value in resp.items():
            name = (key if isinstance(key, bytes) else str(key).encode()).upper()
            first = value[0] if value else b""
            if name in _NUMERIC_SELECT and not (isinstance(first, bytes) and first.isdigit()):
                odd[name] = first
            else:
                kept[key] = value
        out = super()._process_select_response(kept)
        out.update(odd)
        return out

    def _create_IMAP4(self):  # noqa: N802 (imapclient's name)
        connect_timeout = getattr(self._timeout, "connect", None)
        if self.ssl:
            imap = _GuardedTLS.__new__(_GuardedTLS)
            imap.limits = self.limits
            tls.IMAP4_TLS.__init__(imap, self.host, self.port, self.ssl_context, connect_timeout)
        else:
            imap = _GuardedPlain.__new__(_GuardedPlain)
            imap.limits = self.limits
            imap4.IMAP4WithTimeout.__init__(imap, self.host, self.port, connect_timeout)
        return imap
