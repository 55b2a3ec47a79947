"""A loopback IMAP server that speaks just enough of Gmail's dialect for MailboxSession, and records
every line the client sends.

Only for what Dovecot cannot show: Gmail's extensions (X-GM-EXT-1, X-GM-RAW) and its XOAUTH2
exchange. It does not evaluate searches: a SEARCH returns every UID in the range asked for, which
is enough to see what a sync does with the answer. Everything else is tested against Dovecot.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import socketserver
import threading
from dataclasses import dataclass, field

GMAIL_BEFORE_LOGIN = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 XYZZY SASL-IR "
                      "AUTH=XOAUTH2 AUTH=PLAIN AUTH=PLAIN-CLIENTTOKEN AUTH=OAUTHBEARER")
GMAIL_AFTER_LOGIN = ("IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS "
                     "COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED "
                     "LIST-STATUS LITERAL- SPECIAL-USE APPENDLIMIT=35651584")

# Gmail in German: the special-use folders carry localized names.
GMAIL_FOLDERS = [
    ("\\HasNoChildren", "INBOX"),
    ("\\HasChildren \\Noselect", "[Gmail]"),
    ("\\All \\HasNoChildren", "[Gmail]/Alle Nachrichten"),
    ("\\HasNoChildren \\Junk", "[Gmail]/Spam"),
    ("\\HasNoChildren \\Sent", "[Gmail]/Gesendet"),
    ("\\HasNoChildren \\Trash", "[Gmail]/Papierkorb"),
    ("\\HasNoChildren", "Meta"),
]


@dataclass
class FakeMailbox:
    """What the fake serves: folders with their flags, messages by folder and UID."""

    folders: list[tuple[str, str]] = field(default_factory=lambda: list(GMAIL_FOLDERS))
    messages: dict[str, dict[int, bytes]] = field(default_factory=dict)
    gmail: bool = True
    password: str = "app-password"
    tokens: set[str] = field(default_factory=set)
    uidvalidity: int = 7


class FakeImapServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mailbox: FakeMailbox) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.mailbox = mailbox
        self.lines: list[str] = []  # every line received, in order, over all sessions
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def __enter__(self) -> FakeImapServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)

    def record(self, line: str) -> None:
        with self._lock:
            self.lines.append(line)

    def commands(self) -> list[str]:
        """The tagged commands without their tags: "UID SEARCH ...", "EXAMINE ..."."""
        return [line.split(" ", 1)[1] for line in self.lines if re.match(r"^[A-Z]+\d+ ", line)]


class _Session(socketserver.StreamRequestHandler):
    server: FakeImapServer

    def handle(self) -> None:
        with contextlib.suppress(OSError):  # the client hung up (a TLS hello on the plain port)
            self.converse()

    def converse(self) -> None:
        box = self.server.mailbox
        self.selected: str | None = None
        caps = GMAIL_BEFORE_LOGIN if box.gmail else GMAIL_BEFORE_LOGIN.replace(" X-GM-EXT-1", "")
        self.send("* OK Gimap ready for requests")
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self.server.record(line)
            tag, _, rest = line.partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            if command == "UID":
                command, _, args = args.partition(" ")
                command = "UID " + command.upper()
            handler = getattr(self, "do_" + command.replace(" ", "_"), None)
            if handler is None:
                self.send(f"{tag} BAD unknown command")
                continue
            if handler(tag, args, caps) == "bye":
                return

    def send(self, text: str | bytes) -> None:
        self.wfile.write((text.encode() if isinstance(text, str) else text) + b"\r\n")
        self.wfile.flush()

    def after_login(self) -> str:
        box = self.server.mailbox
        return GMAIL_AFTER_LOGIN if box.gmail else GMAIL_AFTER_LOGIN.replace(" X-GM-EXT-1", "")

    # --- commands --------------------------------------------------------------------------------
    def do_CAPABILITY(self, tag: str, args: str, caps: str) -> None:
        self.send(f"* CAPABILITY {caps}")
        self.send(f"{tag} OK Success")

    def do_LOGIN(self, tag: str, args: str, caps: str) -> None:
        _user, password = _words(args)
        if password == self.server.mailbox.password:
            self.send(f"{tag} OK [CAPABILITY {self.after_login()}] user authenticated (Success)")
        else:
            self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")

    def do_AUTHENTICATE(self, tag: str, args: str, caps: str) -> None:
        if args.upper() != "XOAUTH2":
            self.send(f"{tag} NO unsupported mechanism")
            return
        self.send("+ ")
        answer = self.rfile.readline().decode().strip()
        self.server.record(answer)
        fields = dict(part.split("=", 1) for part in base64.b64decode(answer).decode().split("\1") if part)
        token = fields.get("auth", "").removeprefix("Bearer ")
        if token in self.server.mailbox.tokens:
            self.send(f"{tag} OK [CAPABILITY {self.after_login()}] user authenticated (Success)")
            return
        error = {"status": "400", "schemes": "Bearer", "scope": "https://mail.google.com/"}
        self.send("+ " + base64.b64encode(json.dumps(error).encode()).decode())
        self.server.record(self.rfile.readline().decode().rstrip("\r\n"))  # the client's empty answer
        self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)")

    def do_LIST(self, tag: str, args: str, caps: str) -> None:
        for flags, name in self.server.mailbox.folders:
            self.send(f'* LIST ({flags}) "/" "{name}"')
        self.send(f"{tag} OK Success")

    def do_EXAMINE(self, tag: str, args: str, caps: str, readonly: bool = True) -> None:
        (name,) = _words(args)
        known = [n for flags, n in self.server.mailbox.folders if "\\Noselect" not in flags]
        if name not in known:
            self.send(f"{tag} NO [NONEXISTENT] Unknown Mailbox: {name} (Failure)")
            return
        self.selected = name
        uids = sorted(self.server.mailbox.messages.get(name, {}))
        self.send("* FLAGS (\\Answered \\Flagged \\Draft \\Deleted \\Seen $NotPhishing $Phishing)")
        self.send("* OK [PERMANENTFLAGS ()] Flags permitted.")
        self.send(f"* OK [UIDVALIDITY {self.server.mailbox.uidvalidity}] UIDs valid.")
        self.send(f"* {len(uids)} EXISTS")
        self.send("* 0 RECENT")
        self.send(f"* OK [UIDNEXT {(uids[-1] if uids else 0) + 1}] Predicted next UID.")
        self.send("* OK [HIGHESTMODSEQ 4242]")
        self.send(f"{tag} OK [{'READ-ONLY' if readonly else 'READ-WRITE'}] {name} selected. (Success)")

    def do_SELECT(self, tag: str, args: str, caps: str) -> None:
        self.do_EXAMINE(tag, args, caps, readonly=False)

    def do_UID_SEARCH(self, tag: str, args: str, caps: str) -> None:
        match = re.search(r"\bUID (\d+):\*", args)
        first = int(match.group(1)) if match else 1
        uids = [u for u in sorted(self.folder()) if u >= first]
        self.send("* SEARCH" + "".join(f" {u}" for u in uids))
        self.send(f"{tag} OK SEARCH completed (Success)")

    def do_UID_FETCH(self, tag: str, args: str, caps: str) -> None:
        uid_set, _, items = args.partition(" ")
        messages = self.folder()
        seqs = {uid: i for i, uid in enumerate(sorted(messages), start=1)}
        for uid in _uids(uid_set):
            if uid not in messages:
                continue
            raw = messages[uid]
            header = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].replace(b"\n", b"\r\n") + b"\r\n\r\n"
            parts = [f"UID {uid}".encode()]
            for section in re.findall(r"BODY\.PEEK\[([^\]]*)\]", items):
                data = header if section.startswith("HEADER") else raw
                parts.append(f"BODY[{section}] {{{len(data)}}}\r\n".encode() + data)
            if "INTERNALDATE" in items:
                parts.append(b'INTERNALDATE "29-May-2024 10:00:00 +0000"')
            self.send(f"* {seqs[uid]} FETCH (".encode() + b" ".join(parts) + b")")
        self.send(f"{tag} OK Success")

    def do_LOGOUT(self, tag: str, args: str, caps: str) -> str:
        self.send("* BYE LOGOUT Requested")
        self.send(f"{tag} OK 73 good day (Success)")
        return "bye"

    def folder(self) -> dict[int, bytes]:
        return self.server.mailbox.messages.get(self.selected or "", {})


def _words(args: str) -> list[str]:
    return [a if a else b for a, b in re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', args)]


def _uids(uid_set: str) -> list[int]:
    found: list[int] = []
    for part in uid_set.split(","):
        low, _, high = part.partition(":")
        found += list(range(int(low), int(high or low) + 1))
    return found
