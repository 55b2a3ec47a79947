"""MIME bytes -> ParsedMail: decoded headers, the readable text, and every link with its text.

Never raises for a bad message: what cannot be decoded is listed in `defects` and skipped, so one
broken part does not hide the rest of the mail.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import re
import warnings
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from charset_normalizer import from_bytes

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

# A mail bigger than this is not one of Meta's notices; reading it whole would only cost memory.
MAX_PART_BYTES = 4 * 1024 * 1024
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'\)\]]+", re.IGNORECASE)


class _Utf8Headers(email.policy.Compat32):
    """compat32, but raw 8-bit bytes in a header are read as UTF-8 (RFC 6532), not replaced by
    U+FFFD: a look-alike domain written in raw UTF-8 (a Cyrillic а) must reach the homoglyph
    check. The Message-ID is left as compat32 reads it, the key mailbox.py computes too."""

    def header_fetch_parse(self, name, value):
        if name.lower() != "message-id" and not value.isascii():
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return super().header_fetch_parse(name, value)


UTF8_HEADERS = _Utf8Headers()


@dataclass(frozen=True)
class Link:
    href: str
    text: str = ""


@dataclass(frozen=True)
class Address:
    name: str
    address: str

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2].lower() if "@" in self.address else ""


@dataclass
class ParsedMail:
    key: str  # Message-ID, or a digest of the bytes when there is none
    message_id: str | None
    sender: Address | None
    recipients: list[str]
    subject: str
    date: dt.datetime | None
    text: str
    links: list[Link]
    auth_results: list[str]  # Authentication-Results headers, topmost first
    language_hint: str | None  # <html lang> or Content-Language
    defects: list[str] = field(default_factory=list)


def parse(data: bytes) -> ParsedMail:
    # compat32 with headers decoded here: policy.default's header registry costs ~1 ms a header,
    # most of a sync's time on a large mailbox, for parsing this code does not need.
    msg = email.message_from_bytes(data, policy=UTF8_HEADERS)
    defects: list[str] = []
    message_id = normalise_message_id(_header(msg, "Message-ID", defects))
    key = message_id or "sha256:" + hashlib.sha256(data).hexdigest()
    texts: list[str] = []
    links: list[Link] = []
    lang: str | None = _header(msg, "Content-Language", defects).split(",")[0].strip() or None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if part.get_content_disposition() == "attachment":
            continue
        body = _decode(part, defects)
        if body is None:
            continue
        if part.get_content_subtype() == "html":
            text, html_links, html_lang = _read_html(body)
            texts.append(text)
            links.extend(html_links)
            lang = lang or html_lang
        else:
            texts.append(body)
            links.extend(Link(u.rstrip(".,;:!?")) for u in URL_IN_TEXT.findall(body))
    for part_defect in _all_defects(msg):
        defects.append(part_defect)
    return ParsedMail(
        key=key,
        message_id=message_id,
        sender=_sender(msg, defects),
        recipients=_recipients(msg, defects),
        subject=" ".join(_header(msg, "Subject", defects).split()),
        date=_date(msg, defects),
        text="\n".join(texts),
        links=links,
        auth_results=_all_headers(msg, "Authentication-Results"),
        language_hint=lang.lower() if lang else None,
        defects=defects,
    )


def normalise_message_id(value: str | None) -> str | None:
    """The Message-ID as the key the tracker stores: one spelling for IMAP heads and whole mails,
    and a digest for an absurdly long one (a hostile mail must not fail a database insert)."""
    value = " ".join(str(value).split()) if value else ""
    if not value:
        return None
    if not value.startswith("<"):
        value = f"<{value}>"
    if len(value) > 900:
        return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()
    return value


def _header(msg: Message, name: str, defects: list[str]) -> str:
    value = msg.get(name)
    return "" if value is None else _decoded(str(value), defects, name)


def _decoded(value: str, defects: list[str], name: str = "From") -> str:
    try:
        text = str(make_header(decode_header(value)))
    except (HeaderParseError, LookupError, UnicodeError, ValueError) as exc:
        defects.append(f"header {name}: {exc.__class__.__name__}")
        text = value
    # 8-bit bytes in a header arrive as surrogates: keep what is UTF-8, replace the rest.
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _all_headers(msg: Message, name: str) -> list[str]:
    return [" ".join(str(v).split()) for v in msg.get_all(name, failobj=[])]


def _sender(msg: Message, defects: list[str]) -> Address | None:
    # The address is read from the raw header, before RFC 2047 decoding: an encoded display name
    # "=?utf-8?q?Facebook_=3Cnotification=40facebookmail=2Ecom=3E?=" must not become the address.
    raw = msg.get("From")
    if raw is None:
        return None
    name, addr = email.utils.parseaddr(str(raw))
    if not addr or "=?" in addr:
        return None
    return Address(name=_decoded(name, defects).strip(), address=addr.strip().lower())


def _recipients(msg: Message, defects: list[str]) -> list[str]:
    found: list[str] = []
    for name in ("To", "Cc", "Delivered-To", "X-Original-To"):
        raw = _header(msg, name, defects)
        for _, addr in email.utils.getaddresses([raw]) if raw else ():
            addr = addr.strip().lower()
            if "@" in addr and addr not in found:
                found.append(addr)
    return found


def _date(msg: Message, defects: list[str]) -> dt.datetime | None:
    raw = _header(msg, "Date", defects)
    if not raw:
        return None
    try:
        value = email.utils.parsedate_to_datetime(raw)
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
    except (TypeError, ValueError, IndexError, OverflowError):  # "31 Dec 9999 -1200" overflows
        defects.append("header Date: not a date")
        return None


def _decode(part: Message, defects: list[str]) -> str | None:
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:
        defects.append(f"part {part.get_content_type()}: {exc.__class__.__name__}")
        return None
    if not isinstance(payload, bytes):
        return None
    payload = payload[:MAX_PART_BYTES]
    charset = part.get_content_charset() or "us-ascii"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        defects.append(f"part {part.get_content_type()}: charset {charset!r}: {type(exc).__name__}")
    # The declared charset is wrong or unknown: let charset-normalizer guess from the bytes.
    best = from_bytes(payload).best()
    return str(best) if best is not None else payload.decode("utf-8", errors="replace")


def _read_html(html: str) -> tuple[str, list[Link], str | None]:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "head", "title"]):
        if tag.name != "head":
            tag.decompose()
    lang = None
    html_tag = soup.find("html")
    if html_tag is not None and html_tag.get("lang"):
        lang = str(html_tag.get("lang"))
    links = [
        Link(str(a["href"]).strip(), " ".join(a.get_text(" ", strip=True).split()))
        for a in soup.find_all("a", href=True)
    ]
    for tag in soup.find_all(["br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"]):
        tag.insert_after("\n")
    text = soup.get_text(" ")
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return text, links, lang


def _all_defects(msg: Message) -> list[str]:
    found = []
    for part in msg.walk():
        for defect in getattr(part, "defects", []):
            found.append(f"{part.get_content_type()}: {defect.__class__.__name__}")
    return found
