"""One IMAP session: TLS, login, the folders to scan, and read-only incremental search and fetch.

Read-only by construction: folders are opened with EXAMINE and bodies fetched with BODY.PEEK, so
the user's mail is never marked read, moved or deleted. Every network call has a timeout.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.parser
import email.policy
import socket
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from imapclient import IMAPClient, SocketTimeout
from imapclient.exceptions import IMAPClientError, LoginError

from tracker.config import MailboxConfig
from tracker.credentials import Credential
from tracker.errors import MailboxError

# Substrings searched in From on the server. Broad on purpose: brand words also catch look-alike
# and display-name spoofs, which the classifier then lists as suspicious.
FROM_TERMS: tuple[str, ...] = (
    "facebook", "instagram", "whatsapp", "threads", "messenger.com", "meta.com", "metamail.com",
    "fb.com",
)
BATCH = 200  # UIDs per FETCH: long UID lists are refused by some servers ("Too long argument")


@dataclass(frozen=True)
class FolderStatus:
    name: str
    uidvalidity: int
    uidnext: int
    highest_modseq: int | None
    exists: int


class MailboxSession:
    def __init__(self, box: MailboxConfig, credential: Credential) -> None:
        self.box = box
        self._credential = credential
        self.client: IMAPClient | None = None

    def __enter__(self) -> MailboxSession:
        self.client = self._connect()
        self._login()
        return self

    def __exit__(self, *exc_info) -> None:
        if self.client is not None:
            with contextlib.suppress(IMAPClientError, OSError):
                self.client.logout()
            self.client = None

    # --- connection ----------------------------------------------------------------------------
    def _connect(self) -> IMAPClient:
        box = self.box
        timeout = SocketTimeout(connect=min(15.0, box.timeout), read=box.timeout)
        context = ssl.create_default_context(cafile=box.ca_file) if box.security != "plain" else None
        where = f"{box.host}:{box.port}"
        try:
            client = IMAPClient(box.host, port=box.port, ssl=box.security == "tls",
                                ssl_context=context, timeout=timeout)
            if box.security == "starttls":
                if b"STARTTLS" not in client.capabilities():
                    raise MailboxError(box.name, f"{where} does not offer STARTTLS; refusing to "
                                       "send the password in plain text")
                client.starttls(context)
        except ssl.SSLCertVerificationError as exc:
            raise MailboxError(box.name, f"TLS certificate of {box.host} not trusted: "
                               f"{exc.verify_message}") from None
        except ssl.SSLError as exc:
            raise MailboxError(box.name, f"TLS with {where} failed: {exc.reason}") from None
        except socket.gaierror as exc:
            raise MailboxError(box.name, f"cannot resolve {box.host}: {exc.strerror}") from None
        except TimeoutError:
            raise MailboxError(box.name, f"{where} did not answer in time") from None
        except (OSError, IMAPClientError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            raise MailboxError(box.name, f"cannot connect to {where}: {reason}") from None
        client.normalise_times = False
        return client

    def _login(self) -> None:
        assert self.client is not None
        cred = self._credential
        try:
            if cred.oauth2:
                self.client.oauth2_login(cred.username, cred.secret)
            elif cred.secret.isascii() and cred.username.isascii():
                self.client.login(cred.username, cred.secret)
            else:
                # LOGIN cannot carry non-ASCII; AUTHENTICATE PLAIN sends UTF-8.
                self.client.plain_login(cred.username, cred.secret)
        except LoginError as exc:
            detail = _text(exc).strip()
            raise MailboxError(self.box.name, f"login refused for {cred.username!r} at "
                               f"{self.box.host}" + (f" ({detail})" if detail else "")) from None
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(self.box.name, f"login failed: {_text(exc)}") from None

    # --- folders -------------------------------------------------------------------------------
    def folders(self) -> list[str]:
        """The configured folders, or INBOX plus the server's \\Junk folder (by flag, not name)."""
        if self.box.folders:
            return list(self.box.folders)
        assert self.client is not None
        chosen = ["INBOX"]
        for flags, _sep, name in self._list():
            if b"\\Junk" in flags and name not in chosen:
                chosen.append(name)
        return chosen

    def all_folders(self) -> list[str]:
        return [name for _flags, _sep, name in self._list()]

    def _list(self) -> list[tuple[tuple[bytes, ...], bytes, str]]:
        assert self.client is not None
        try:
            return self.client.list_folders()
        except IMAPClientError as exc:
            raise MailboxError(self.box.name, f"cannot list folders: {_text(exc)}") from None

    def examine(self, folder: str) -> FolderStatus:
        """Open read-only. Raises MailboxError naming the folders that do exist."""
        assert self.client is not None
        try:
            info = self.client.select_folder(folder, readonly=True)
        except IMAPClientError as exc:
            existing = ", ".join(self.all_folders())
            raise MailboxError(self.box.name, f"cannot open folder {folder!r}: {_text(exc)} "
                               f"(folders: {existing})") from None
        modseq = info.get(b"HIGHESTMODSEQ")
        return FolderStatus(
            name=folder,
            uidvalidity=int(info[b"UIDVALIDITY"]),
            uidnext=int(info.get(b"UIDNEXT", 0)),
            highest_modseq=int(modseq) if modseq is not None else None,
            exists=int(info.get(b"EXISTS", 0)),
        )

    # --- search and fetch ----------------------------------------------------------------------
    def search_meta(self, first_uid: int, since: dt.date | None) -> list[int]:
        """UIDs >= first_uid whose From names a Meta domain or brand, found by the server."""
        assert self.client is not None
        criteria: list = ["UID", f"{max(first_uid, 1)}:*"]
        if since:
            criteria += ["SINCE", since]
        criteria += _any_of([["FROM", term] for term in FROM_TERMS])
        uids = self.client.search(criteria)
        # "N:*" always matches the highest UID, even below N (RFC 3501): drop what is older.
        return sorted(uid for uid in uids if uid >= first_uid)

    def fetch_heads(self, uids: Sequence[int]) -> list[Head]:
        """Headers that decide a message, and its structure: what to fetch of the body, if anything."""
        assert self.client is not None
        heads: list[Head] = []
        for start in range(0, len(uids), BATCH):
            part = list(uids[start:start + BATCH])
            response = self.client.fetch(part, [f"BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})]",
                                                "BODYSTRUCTURE", "INTERNALDATE"])
            for uid in sorted(response):
                data = response[uid]
                header = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"") or b""
                heads.append(Head(uid, header, _message_id(header), _text_sections(
                    data.get(b"BODYSTRUCTURE")), _aware(data.get(b"INTERNALDATE"))))
        return heads

    def fetch_sections(self, wanted: dict[int, str]) -> dict[int, tuple[bytes | None, bytes]]:
        """For each UID one body section ("1.2", or "TEXT" for a single-part mail): its MIME
        header (None for TEXT, whose header is the message's own) and its body."""
        assert self.client is not None
        by_section: dict[str, list[int]] = {}
        for uid, section in wanted.items():
            by_section.setdefault(section, []).append(uid)
        found: dict[int, tuple[bytes | None, bytes]] = {}
        for section, uids in by_section.items():
            items = [f"BODY.PEEK[{section}]"] if section == "TEXT" else \
                [f"BODY.PEEK[{section}.MIME]", f"BODY.PEEK[{section}]"]
            for start in range(0, len(uids), BATCH):
                response = self.client.fetch(uids[start:start + BATCH], items)
                for uid, data in response.items():
                    body = data.get(f"BODY[{section}]".encode()) or b""
                    mime = data.get(f"BODY[{section}.MIME]".encode(), b"") or b""
                    found[uid] = (None if section == "TEXT" else mime, body)
        return found

    def fetch_messages(self, uids: Sequence[int]) -> Iterator[tuple[int, bytes, dt.datetime | None]]:
        """Whole messages: only for what the structure could not tell apart."""
        assert self.client is not None
        response = self.client.fetch(list(uids), ["BODY.PEEK[]", "INTERNALDATE"])
        for uid in sorted(response):
            data = response[uid]
            body = data.get(b"BODY[]")
            if body is None:
                continue  # expunged between SEARCH and FETCH
            yield uid, body, _aware(data.get(b"INTERNALDATE"))


@dataclass(frozen=True)
class Head:
    uid: int
    header: bytes  # the HEADER_FIELDS lines, CRLF-terminated, ending with the blank line
    message_id: str | None
    sections: dict[str, str]  # "text/plain" / "text/html" -> body section; "TEXT" when single-part
    received: dt.datetime | None


# What parse and classify read from the header; the rest (Received chains, DKIM signatures) is
# most of a header's bytes and is not needed.
HEADER_FIELDS = ("FROM TO CC DELIVERED-TO X-ORIGINAL-TO SUBJECT DATE MESSAGE-ID AUTHENTICATION-RESULTS "
                 "CONTENT-TYPE CONTENT-TRANSFER-ENCODING CONTENT-LANGUAGE MIME-VERSION")


def _text_sections(structure, prefix: str = "") -> dict[str, str]:
    """The first text/plain and text/html parts of a BODYSTRUCTURE, by section number."""
    found: dict[str, str] = {}
    if structure is None:
        return found
    try:
        if not structure.is_multipart:
            kind = _mime_type(structure)
            if kind in ("text/plain", "text/html"):
                found[kind] = prefix.rstrip(".") or "TEXT"
            return found
        for i, part in enumerate(structure[0], start=1):
            if part.is_multipart:
                for kind, section in _text_sections(part, f"{prefix}{i}.").items():
                    found.setdefault(kind, section)
            elif _mime_type(part) in ("text/plain", "text/html"):
                found.setdefault(_mime_type(part), f"{prefix}{i}")
    except (IndexError, TypeError, AttributeError):
        return {}  # a structure the server described oddly: the caller fetches the whole mail
    return found


def _mime_type(part) -> str:
    major, minor = part[0], part[1]
    text = [x.decode("ascii", "replace") if isinstance(x, bytes) else str(x) for x in (major, minor)]
    return "/".join(text).lower()


def _message_id(header: bytes) -> str | None:
    value = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(header).get("Message-ID")
    value = " ".join(str(value).split()) if value else None
    if value and not value.startswith("<"):
        value = f"<{value}>"
    return value


def _aware(when) -> dt.datetime | None:
    if isinstance(when, dt.datetime):
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return None


def _any_of(terms: list[list]) -> list:
    """IMAP's OR takes two keys: OR a OR b c."""
    if len(terms) == 1:
        return terms[0]
    return ["OR", *terms[0], *_any_of(terms[1:])]


def _text(exc: Exception) -> str:
    value = exc.args[0] if exc.args else ""
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)
