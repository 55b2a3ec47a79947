"""One IMAP session: TLS, login, the folders to scan, and read-only incremental search and fetch.

Read-only by construction: folders are opened with EXAMINE and bodies fetched with BODY.PEEK, so
the user's mail is never marked read, moved or deleted. Every network call has a timeout.

Special-use folders are found by their flag (\\Junk, \\All): Gmail and Exchange localize their
names. A server that sends the flags only when asked (RFC 6154's RETURN (SPECIAL-USE), as Cyrus
with `specialusealways: no`) is asked; where no folder is flagged \\Junk, the usual spam-folder
names of the languages the rules know are the fallback (tracker/mail/folders.py). On Gmail (X-GM-EXT-1)
the search runs over All Mail and Spam with Gmail's own syntax.

Folder names in the config are written as a mail program shows them ("Archiv/Bestätigungen") and
mapped onto the server's namespace: its NAMESPACE prefix ("INBOX.") and LIST delimiter (".").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import socket
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from imapclient import IMAPClient, SocketTimeout, imap_utf7
from imapclient.exceptions import IMAPClientError, LoginError

from tracker.config import MailboxConfig
from tracker.errors import MailboxError
from tracker.mail import folders as folder_names
from tracker.mail.credentials import Credential
from tracker.mail.imap_guard import MAX_UID, GuardedIMAPClient, GuardError, Limits

# The rules (tracker.recognition) are imported where a search or a fetch needs them: a sync that
# finds nothing new only logs in and EXAMINEs (tracker.unchanged, issue 21 item 2).
log = logging.getLogger(__name__)

BATCH = 200  # UIDs per FETCH: long UID lists are refused by some servers ("Too long argument")
Listing = list[tuple[tuple[bytes, ...], bytes, str]]


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
        self._listing: Listing | None = None
        self._personal: tuple[str, str] | None = None  # the personal namespace: prefix, delimiter
        self._examined: str | None = None

    def __enter__(self) -> MailboxSession:
        if self.client is None:  # else logged in already: handed on by tracker.unchanged
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
        context = self._tls_context()
        where = f"{box.host}:{box.port}"
        try:
            client = GuardedIMAPClient(box.host, limits=limits(box), port=box.port,
                                       ssl=box.security == "tls", ssl_context=context,
                                       timeout=timeout)
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

    def _tls_context(self) -> ssl.SSLContext | None:
        """Certificate and host name checked against the system's CAs, or ca_file's."""
        if self.box.security == "plain":
            return None
        try:
            return ssl.create_default_context(cafile=self.box.ca_file)
        except OSError as exc:
            raise MailboxError(self.box.name, f"ca_file {self.box.ca_file!r} cannot be read: "
                               f"{exc.strerror}") from None
        except ssl.SSLError:
            raise MailboxError(self.box.name, f"ca_file {self.box.ca_file!r} holds no PEM "
                               "certificate") from None

    def _login(self) -> None:
        assert self.client is not None
        cred = self._credential
        refusal: list[str] = []
        try:
            if cred.oauth2:
                if b"AUTH=XOAUTH2" not in self.client.capabilities():
                    raise MailboxError(self.box.name, f"{self.box.host} does not offer OAuth2 login "
                                       "(AUTH=XOAUTH2); use a password source instead")
                self.client.sasl_login("XOAUTH2", _xoauth2(cred, refusal))
            elif cred.secret.isascii() and cred.username.isascii():
                self.client.login(cred.username, cred.secret)
            else:
                # LOGIN cannot carry non-ASCII; AUTHENTICATE PLAIN sends UTF-8.
                self.client.plain_login(cred.username, cred.secret)
        except LoginError as exc:
            detail = "; ".join(d for d in [_redacted(_text(exc).strip(), cred), *refusal] if d)
            raise MailboxError(self.box.name, f"login refused for {cred.username!r} at "
                               f"{self.box.host}" + (f" ({detail})" if detail else "")) from None
        except (OSError, IMAPClientError) as exc:
            raise MailboxError(self.box.name,
                               f"login failed: {_redacted(_text(exc), cred)}") from None

    @property
    def broken_by(self) -> GuardError | None:
        """The limit the server broke, which closed the connection (tracker.mail.imap_guard)."""
        imap = getattr(self.client, "_imap", None)
        return getattr(imap, "_broken", None)

    # --- capabilities --------------------------------------------------------------------------
    @property
    def capabilities(self) -> frozenset[str]:
        """What the server offers once logged in (it may offer more than before the login)."""
        assert self.client is not None
        return frozenset(c.decode("ascii", "replace").upper() for c in self.client.capabilities())

    @property
    def gmail(self) -> bool:
        return "X-GM-EXT-1" in self.capabilities

    # --- folders -------------------------------------------------------------------------------
    def folders(self) -> list[str]:
        """The configured folders (as the server names them); else on Gmail All Mail and Spam,
        elsewhere INBOX and Spam.

        All Mail and Spam are found by their special-use flags (\\All, \\Junk); a spam folder no
        flag marks, by its usual name.
        """
        if self.box.folders:
            return _unique([self.server_name(name) for name in self.box.folders])
        junk = self.special_folders("\\Junk") or self.spam_by_name()
        if self.gmail:
            everything = self.special_folders("\\All")
            if everything:
                return _unique(everything[:1] + junk)
            log.warning("%s: Gmail shows no All Mail folder to IMAP; reading INBOX instead",
                        self.box.name)
        return _unique(["INBOX", *junk])

    def special_folders(self, flag: str) -> list[str]:
        """Folders carrying a special-use flag such as \\Junk, in the server's order."""
        wanted = flag.lower().encode()
        return [name for flags, _sep, name in self._list() if wanted in _lower(flags)]

    def spam_by_name(self) -> list[str]:
        """Folders no flag marks but named as spam folders usually are ("Spam", "Junk-E-Mail",
        "Courrier indésirable"), directly under INBOX or the top of the personal namespace."""
        prefix, delimiter = self.personal_namespace()
        found = []
        for flags, sep, name in self._list():
            if b"\\noselect" in _lower(flags) or b"\\nonexistent" in _lower(flags):
                continue
            leaf = name.removeprefix(prefix) if prefix and name.startswith(prefix) else name
            level = _name(sep) if sep else delimiter
            if level and leaf.upper().startswith(f"INBOX{level}"):
                leaf = leaf[len("INBOX") + len(level):]
            if level and level in leaf:
                continue  # deeper down: a folder of the user's own, not the server's spam folder
            if folder_names.is_spam_name(leaf):
                found.append(name)
        return found

    def personal_namespace(self) -> tuple[str, str]:
        """The personal namespace's prefix ("" or "INBOX.") and delimiter ("/" or ".")."""
        assert self.client is not None
        if self._personal is None:
            prefix, delimiter = "", ""
            if b"NAMESPACE" in self.client.capabilities():
                try:
                    personal = self.client.namespace().personal
                except IMAPClientError as exc:
                    log.info("%s: NAMESPACE failed (%s); assuming none", self.box.name, _text(exc))
                    personal = None
                if personal:
                    prefix, delimiter = (_name(part or "") for part in personal[0])
            if not delimiter:  # no NAMESPACE: the delimiter LIST gives INBOX
                delimiter = next((_name(sep) for _flags, sep, name in self._list()
                                  if sep and name.upper() == "INBOX"), "")
            self._personal = (prefix, delimiter)
        return self._personal

    def server_name(self, name: str) -> str:
        """A folder as the config names it, as the server names it.

        Mail programs show "Archiv/Bestätigungen" for Cyrus' or Courier's
        "INBOX.Archiv.Bestätigungen": the personal namespace's prefix is hidden and the levels are
        shown with "/". A name the server has as written is taken as it is.
        """
        existing = self.all_folders()
        if name in existing or name.upper() == "INBOX":
            return name
        prefix, delimiter = self.personal_namespace()
        mapped = (delimiter or "/").join(part for part in name.split("/") if part)
        if prefix and not mapped.upper().startswith(prefix.upper()):
            mapped = prefix + mapped
        # Not there either: EXAMINE will say so, with the folders that are.
        return mapped

    def special_use(self, folder: str) -> list[str]:
        """The special-use flags (\\All, \\Junk, \\Sent...) of one folder, for display."""
        for flags, _sep, name in self._list():
            if name == folder:
                return [f.decode("ascii", "replace") for f in flags if f.lower() in _SPECIAL_USE]
        return []

    def all_folders(self) -> list[str]:
        return [name for _flags, _sep, name in self._list()]

    def _shown(self, folder: str) -> str:
        """The name the config gave for a server's folder name, for messages."""
        return next((n for n in self.box.folders if self.server_name(n) == folder), folder)

    def _list(self) -> Listing:
        # Once per session: folders(), special_use() and error messages all read it.
        assert self.client is not None
        if self._listing is None:
            try:
                listed = self._list_special_use() if b"SPECIAL-USE" in self.client.capabilities() \
                    else None
                if listed is None:
                    listed = self.client.list_folders()
                self._listing = [(tuple(flags), sep, _name(name)) for flags, sep, name in listed]
            except IMAPClientError as exc:
                raise MailboxError(self.box.name, f"cannot list folders: {_text(exc)}") from None
        return self._listing

    def _list_special_use(self):
        """LIST "" "*" RETURN (SPECIAL-USE) (RFC 6154): a server may send the flags only when
        asked. imapclient has no call for it; its LIST parser reads the answer. None when the
        server refuses the extended form (then a plain LIST is the best there is)."""
        assert self.client is not None
        imap = self.client._imap  # imaplib underneath: sends the arguments as given
        try:
            typ, data = imap._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)")
        except IMAPClientError:  # imaplib raises on BAD: a server that does not parse the form
            typ, data = "BAD", []
        if typ != "OK":
            log.info("%s: LIST RETURN (SPECIAL-USE) refused; plain LIST instead", self.box.name)
            imap.untagged_responses.pop("LIST", None)
            return None
        typ, data = imap._untagged_response(typ, data, "LIST")
        return self.client._proc_folder_list(data)

    def examined(self, errors: list[str]) -> Iterator[FolderStatus]:
        """Each folder to read (folders()), EXAMINEd in turn. One that cannot be opened is named in
        `errors` and the others go on; a closed connection raises: no folder can follow."""
        for folder in self.folders():
            try:
                status = self.examine(folder)
            except MailboxError as exc:
                if self.broken_by is not None:
                    raise
                errors.append(str(exc))
                continue
            yield status

    def examine(self, folder: str) -> FolderStatus:
        """Open read-only. Raises MailboxError naming the folders that do exist."""
        assert self.client is not None
        try:
            # imaplib's select, not imapclient's: imapclient decodes the server's NO text as
            # ASCII, dropping (with a warning) the umlauts of the name it repeats.
            typ, data = self.client._imap.select(self.client._normalise_folder(folder), True)
        except IMAPClientError as exc:
            typ, data = "NO", [_text(exc).encode()]
        if typ != "OK":
            reason = _reason(data[-1] if data and data[-1] else b"no reason given")
            existing = ", ".join(self.all_folders())
            shown = self._shown(folder)
            raise MailboxError(self.box.name, f"cannot open folder {shown!r}: {reason} "
                               f"(folders: {existing})") from None
        info = self.client._process_select_response(self.client._imap.untagged_responses)
        self._examined = folder
        return FolderStatus(
            name=folder,
            uidvalidity=self._number(info, b"UIDVALIDITY", folder),
            uidnext=self._number(info, b"UIDNEXT", folder),
            highest_modseq=_modseq(info.get(b"HIGHESTMODSEQ")),
            exists=_count(info.get(b"EXISTS")),
        )

    def _number(self, info: dict, key: bytes, folder: str) -> int:
        """UIDVALIDITY and UIDNEXT: 32-bit (RFC 3501); anything else cannot be stored or trusted."""
        value = info.get(key)
        if value is None:
            return 0
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = -1
        if not 0 <= number <= MAX_UID:
            shown = value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)
            raise MailboxError(self.box.name, f"the server sent {key.decode()} {shown[:40]!r} for "
                               f"{folder!r}: not a 32-bit number, as IMAP requires")
        return number

    # --- search and fetch ----------------------------------------------------------------------
    def search_meta(self, first_uid: int, since: dt.date | None) -> list[int]:
        """UIDs >= first_uid whose From names a Meta domain or brand, found by the server in the
        folder examined last."""
        assert self.client is not None
        criteria: list = ["UID", f"{max(first_uid, 1)}:*"]
        if since:
            criteria += ["SINCE", since]
        if self.gmail:
            spam = self._examined in self.special_folders("\\Junk")
            criteria += ["X-GM-RAW", gmail_query(spam=spam)]
        else:
            criteria += _any_of([["FROM", term] for term in from_terms()])
        try:
            uids = self.client.search(criteria)
        except IMAPClientError as exc:
            raise MailboxError(self.box.name, f"search in {self._examined!r} failed: "
                               f"{(_text(exc).splitlines() or ['no reason given'])[0]}") from None
        # "N:*" always matches the highest UID, even below N (RFC 3501): drop what is older.
        return sorted(uid for uid in uids if uid >= first_uid)

    def fetch_heads(self, uids: Sequence[int], *, structure: bool = False) -> list[Head]:
        """The header fields that decide a message. Its structure (what to fetch of the body) only
        when asked: most Meta mail is settled by the header, and BODYSTRUCTURE is a third of a
        head's bytes."""
        assert self.client is not None
        heads: list[Head] = []
        items = [f"BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})]", "INTERNALDATE", "RFC822.SIZE"]
        if structure:
            items.append("BODYSTRUCTURE")
        for start in range(0, len(uids), BATCH):
            part = list(uids[start:start + BATCH])
            response = self.client.fetch(part, items)
            for uid in sorted(response):
                data = response[uid]
                header = next((v for k, v in data.items() if k.startswith(b"BODY[HEADER")), b"") or b""
                sections = _text_sections(data.get(b"BODYSTRUCTURE")) if structure else {}
                size = data.get(b"RFC822.SIZE")
                heads.append(Head(uid, header, _message_id(header), sections,
                                  _aware(data.get(b"INTERNALDATE")),
                                  size if isinstance(size, int) else None))
        return heads

    def fetch_structures(self, uids: Sequence[int]) -> dict[int, dict[str, str]]:
        """The text parts of each message, by section ({} when the structure is odd: fetch all)."""
        assert self.client is not None
        found: dict[int, dict[str, str]] = {}
        for start in range(0, len(uids), BATCH):
            response = self.client.fetch(list(uids[start:start + BATCH]), ["BODYSTRUCTURE"])
            for uid, data in response.items():
                found[uid] = _text_sections(data.get(b"BODYSTRUCTURE"))
        return found

    def fetch_sections(self, wanted: dict[int, str | tuple[str, ...]]
                       ) -> dict[int, list[tuple[bytes | None, bytes]]]:
        """For each UID one or more body sections ("1.2", or "TEXT" for a single-part mail): each
        with its MIME header (None for TEXT, whose header is the message's own) and its body."""
        assert self.client is not None
        by_sections: dict[tuple[str, ...], list[int]] = {}
        for uid, sections in wanted.items():
            key = (sections,) if isinstance(sections, str) else tuple(sections)
            by_sections.setdefault(key, []).append(uid)
        found: dict[int, list[tuple[bytes | None, bytes]]] = {}
        for sections, uids in by_sections.items():
            items = [item for section in sections for item in (
                [f"BODY.PEEK[{section}]"] if section == "TEXT" else
                [f"BODY.PEEK[{section}.MIME]", f"BODY.PEEK[{section}]"])]
            for start in range(0, len(uids), BATCH):
                response = self.client.fetch(uids[start:start + BATCH], items)
                for uid, data in response.items():
                    found[uid] = [
                        (None if section == "TEXT" else
                         data.get(f"BODY[{section}.MIME]".encode(), b"") or b"",
                         data.get(f"BODY[{section}]".encode()) or b"")
                        for section in sections]
        return found

    def fetch_starts(self, wanted: dict[int, str], length: int) -> dict[int, tuple[bytes, bytes]]:
        """For each UID the MIME header of one body section and its first `length` bytes."""
        assert self.client is not None
        by_section: dict[str, list[int]] = {}
        for uid, section in wanted.items():
            by_section.setdefault(section, []).append(uid)
        found: dict[int, tuple[bytes, bytes]] = {}
        for section, uids in by_section.items():
            items = [f"BODY.PEEK[{section}.MIME]", f"BODY.PEEK[{section}]<0.{length}>"]
            for start in range(0, len(uids), BATCH):
                for uid, data in self.client.fetch(uids[start:start + BATCH], items).items():
                    found[uid] = (data.get(f"BODY[{section}.MIME]".encode()) or b"",
                                  data.get(f"BODY[{section}]<0>".encode()) or b"")
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
    # (empty unless fetched with structure=True; see fetch_structures)
    received: dt.datetime | None
    size: int | None = None  # RFC822.SIZE: what fetching the whole mail would cost


# What parse and classify read from the header; the rest (Received chains, DKIM signatures) is
# most of a header's bytes and is not needed.
HEADER_FIELDS = ("FROM TO CC DELIVERED-TO X-ORIGINAL-TO SUBJECT DATE MESSAGE-ID AUTHENTICATION-RESULTS "
                 "CONTENT-TYPE CONTENT-TRANSFER-ENCODING CONTENT-LANGUAGE MIME-VERSION LIST-ID "
                 "AUTO-SUBMITTED X-FACEBOOK-NOTIFY FEEDBACK-ID")


def limits(box: MailboxConfig) -> Limits:
    return Limits(read_timeout=box.timeout, command_timeout=box.command_timeout,
                  max_message_bytes=int(box.max_message_mb * 1024 * 1024))


def _modseq(value) -> int | None:
    """HIGHESTMODSEQ is 63-bit (RFC 7162). Anything else: as if the server had no CONDSTORE."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _count(value) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _redacted(reply: str, cred: Credential) -> str:
    """A server's reply with the username and secret taken out: some echo LOGIN's arguments."""
    # A username of one or two letters would only garble the reply; a secret goes however short.
    secrets = {cred.secret} | ({cred.username} if len(cred.username) > 2 else set())
    for secret in sorted(secrets - {""}, key=len, reverse=True):
        reply = reply.replace(secret, "…")
    return reply


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


_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


def _message_id(header: bytes) -> str | None:
    # A regex, not the email package: this runs for every candidate, and the header is parsed
    # again, whole, where it is read.
    from tracker.recognition.parse import normalise_message_id

    found = _MESSAGE_ID.search(header)
    value = found.group(1).decode("utf-8", "replace").strip() if found else ""
    return normalise_message_id(value or None)


def _aware(when) -> dt.datetime | None:
    if isinstance(when, dt.datetime):
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return None


def from_terms() -> tuple[str, ...]:
    from tracker.recognition import rules

    return rules.SEARCH_FROM


@cache
def gmail_from_terms() -> tuple[str, ...]:
    """Gmail's search matches whole words of the sender, not substrings: the genuine domains are
    named as well as the brand words (which catch display names and look-alikes)."""
    from tracker.recognition import rules

    return tuple(dict.fromkeys(rules.BRAND_WORDS + tuple(domain for domain, _platform
                                                         in rules.SENDER_DOMAINS)))


def gmail_query(*, spam: bool) -> str:
    """Gmail's own search syntax for mail from Meta. Gmail leaves spam out of a search unless
    asked, even inside the Spam folder."""
    return ("in:spam " if spam else "") + "from:(" + " OR ".join(gmail_from_terms()) + ")"


def _xoauth2(cred: Credential, refusal: list[str]):
    """XOAUTH2 as a SASL exchange. A refused token gets a JSON challenge that must be answered
    with an empty line (imapclient's oauth2_login would send the token a second time)."""
    def respond(challenge: bytes) -> str:
        if not challenge:
            return f"user={cred.username}\1auth=Bearer {cred.secret}\1\1"
        import json  # here: only an OAuth2 refusal is read

        try:
            status = json.loads(challenge).get("status")
        except (ValueError, AttributeError):
            status = None
        refusal.append(f"OAuth2 token refused, status {status}" if status else "OAuth2 token refused")
        return ""
    return respond


_SPECIAL_USE = {b"\\all", b"\\archive", b"\\drafts", b"\\flagged", b"\\junk", b"\\sent",
                b"\\trash", b"\\important"}


def _lower(flags: tuple[bytes, ...]) -> set[bytes]:
    return {f.lower() for f in flags}


def _name(name: str | bytes) -> str:
    """A folder name (or delimiter) as text. imapclient decodes modified UTF-7 (RFC 3501 5.1.3)
    to str; what it leaves as bytes is decoded here: modified UTF-7 where it is that, else UTF-8
    (a server that sends raw UTF-8 names)."""
    if isinstance(name, str):
        return name
    if name.isascii() and b"&" in name:
        try:
            return imap_utf7.decode(name)
        except (ValueError, UnicodeError):
            pass
    return name.decode("utf-8", "replace")


def _reason(text: bytes | str) -> str:
    """A server's answer text: Dovecot and Cyrus repeat a folder's name in it in UTF-8."""
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _any_of(terms: list[list]) -> list:
    """IMAP's OR takes two keys: OR a OR b c."""
    if len(terms) == 1:
        return terms[0]
    return ["OR", *terms[0], *_any_of(terms[1:])]


def _text(exc: Exception) -> str:
    value = exc.args[0] if exc.args else ""
    text = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
    # imapclient wraps some server answers as str(bytes): "b'[AUTHENTICATIONFAILED] ...'"
    if len(text) > 3 and text[:2] in ("b'", 'b"') and text[-1] == text[1]:
        text = text[2:-1]
    # imaplib re-raises a read's error as "command: LIST => <the error>"
    return text.removeprefix("command: ").partition(" => ")[2] if text.startswith("command: ") \
        and " => " in text else text
