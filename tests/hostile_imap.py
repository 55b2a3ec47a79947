"""A loopback IMAP server that misbehaves on request (issue 16, items 5 and 6): it trickles, floods,
announces literals it never sends, overflows numbers, nests BODYSTRUCTURE without end, stalls a
LIST, or echoes LOGIN's arguments. Built on the Gmail fake (tests/fake_imap.py) with Gmail's
extensions off, so that everything it does not break behaves like a plain server.
"""

from __future__ import annotations

import re
import socketserver
import threading
import time
from dataclasses import dataclass, field

from tests.fake_imap import FakeImapServer, FakeMailbox, _Session, _uids, _words


@dataclass
class Hostility:
    """What to break; every field off by default."""

    greeting_trickle: float | None = None  # seconds between the greeting's bytes
    literal_trickle: float | None = None  # seconds between the bytes of FETCH literals
    flood: str | None = None  # "LIST", "EXAMINE" or "UID FETCH": endless untagged lines
    flood_line: bytes | None = None  # instead of the usual untagged line
    literal_size: dict[int, int] = field(default_factory=dict)  # UID -> size announced for BODY[]
    select: dict[str, str] = field(default_factory=dict)  # UIDVALIDITY / UIDNEXT / HIGHESTMODSEQ
    search_uids: list[str] | None = None  # what SEARCH answers, verbatim
    fetch_uid: dict[int, str] = field(default_factory=dict)  # UID -> the UID FETCH claims
    bodystructure: dict[int, bytes] = field(default_factory=dict)  # UID -> BODYSTRUCTURE value
    list_stall: bool = False  # LIST: never answer
    login_echo: bool = False  # LOGIN: NO quoting the username and password


class HostileImapServer(FakeImapServer):
    def __init__(self, mailbox: FakeMailbox, hostility: Hostility) -> None:
        socketserver.ThreadingTCPServer.__init__(self, ("127.0.0.1", 0), _HostileSession)
        self.mailbox = mailbox
        self.hostility = hostility
        self.lines: list[str] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.stop = threading.Event()  # ends floods and stalls when the test is over

    def __exit__(self, *exc_info) -> None:
        self.stop.set()
        super().__exit__(*exc_info)


def plain_mailbox(messages: dict[int, bytes], password: str = "secret-pw") -> FakeMailbox:
    return FakeMailbox(folders=[("\\HasNoChildren", "INBOX")], messages={"INBOX": messages},
                       gmail=False, password=password)


class _HostileSession(_Session):
    server: HostileImapServer

    @property
    def hostility(self) -> Hostility:
        return self.server.hostility

    def send(self, text: str | bytes) -> None:
        if not getattr(self, "greeted", False):
            self.greeted = True
            if self.hostility.greeting_trickle:
                self.trickle((text.encode() if isinstance(text, str) else text) + b"\r\n",
                             self.hostility.greeting_trickle)
                return
        super().send(text)

    def trickle(self, data: bytes, pause: float) -> None:
        for i in range(len(data)):
            if self.server.stop.is_set():
                return
            self.wfile.write(data[i:i + 1])
            self.wfile.flush()
            time.sleep(pause)

    def flood(self, line: bytes) -> None:
        chunk = (self.hostility.flood_line or line) + b"\r\n"
        chunk *= max(1, 1000 // (len(chunk) // 100 + 1))
        while not self.server.stop.is_set():
            self.wfile.write(chunk)

    def do_LOGIN(self, tag: str, args: str, caps: str) -> None:
        user, password = _words(args)
        if self.hostility.login_echo:
            self.send(f"{tag} NO [AUTHENTICATIONFAILED] LOGIN {user} {password} failed")
            return
        super().do_LOGIN(tag, args, caps)

    def do_LIST(self, tag: str, args: str, caps: str) -> None:
        if self.hostility.list_stall:
            self.server.stop.wait(30)
            return
        if self.hostility.flood == "LIST":
            self.flood(b'* LIST (\\HasNoChildren) "/" "flood"')
        super().do_LIST(tag, args, caps)

    def do_EXAMINE(self, tag: str, args: str, caps: str, readonly: bool = True) -> None:
        codes = self.hostility.select
        if self.hostility.flood == "EXAMINE":
            self.flood(b"* OK still thinking")
        if not codes:
            super().do_EXAMINE(tag, args, caps, readonly)
            return
        self.selected = "INBOX"
        uids = sorted(self.folder())
        self.send(f"* {len(uids)} EXISTS")
        self.send(f"* OK [UIDVALIDITY {codes.get('UIDVALIDITY', '7')}] UIDs valid.")
        self.send(f"* OK [UIDNEXT {codes.get('UIDNEXT', str((uids[-1] if uids else 0) + 1))}] next")
        self.send(f"* OK [HIGHESTMODSEQ {codes.get('HIGHESTMODSEQ', '4242')}]")
        self.send(f"{tag} OK [READ-ONLY] INBOX selected.")

    def do_UID_SEARCH(self, tag: str, args: str, caps: str) -> None:
        if self.hostility.search_uids is None:
            super().do_UID_SEARCH(tag, args, caps)
            return
        self.send("* SEARCH " + " ".join(self.hostility.search_uids))
        self.send(f"{tag} OK SEARCH completed")

    def do_UID_FETCH(self, tag: str, args: str, caps: str) -> None:
        hostile = self.hostility
        if hostile.flood == "UID FETCH":
            self.flood(b"* 1 FETCH (FLAGS ())")
        uid_set, _, items = args.partition(" ")
        messages = self.folder()
        for seq, uid in enumerate(u for u in _uids(uid_set) if u in messages):
            raw = messages[uid]
            header = raw.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].replace(b"\n", b"\r\n") + b"\r\n\r\n"
            head = f"* {seq + 1} FETCH (UID {hostile.fetch_uid.get(uid, uid)}".encode()
            self.wfile.write(head)
            for section in re.findall(r"BODY\.PEEK\[([^\]]*)\]", items):
                data = header if section.startswith("HEADER") else raw
                size = hostile.literal_size.get(uid) if not section.startswith("HEADER") else None
                self.wfile.write(f" BODY[{section}] {{{size or len(data)}}}\r\n".encode())
                self.wfile.flush()
                if size:  # announced, never sent: the client must not wait or allocate for it
                    self.server.stop.wait(30)
                    return
                if hostile.literal_trickle:
                    self.trickle(data, hostile.literal_trickle)
                else:
                    self.wfile.write(data)
            if "BODYSTRUCTURE" in items:
                structure = hostile.bodystructure.get(uid, b'("TEXT" "PLAIN" ("CHARSET" "utf-8") '
                                                          b'NIL NIL "7BIT" 10 1 NIL NIL NIL NIL)')
                self.wfile.write(b" BODYSTRUCTURE " + structure)
            if "INTERNALDATE" in items:
                self.wfile.write(b' INTERNALDATE "29-May-2024 10:00:00 +0000"')
            self.send(b")")
        self.send(f"{tag} OK Success")
