"""MIME bytes -> ParsedMail: decoded headers, the readable text, and every link with its text.

Never raises for a bad message: what cannot be decoded is listed in `defects` and skipped, so one
broken part does not hide the rest of the mail.
"""

from __future__ import annotations

import datetime as dt
import email
import email.parser
import email.policy
import email.utils
import hashlib
import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message

# charset_normalizer and lxml are imported where used: a sync that finds nothing new needs
# neither, and Python's start is most of its time.

# Bounds that keep every mail's cost small, whatever it holds. Meta's mails are far below each:
# a notice is a few kB of text in two or three parts.
MAX_PART_BYTES = 4 * 1024 * 1024  # of one text part: a bigger one is not one of Meta's notices
MAX_TEXT_CHARS = 200_000  # of the text the rules read (all parts together)
MAX_HEADER_CHARS = 4_000  # of Subject, From, Message-ID... before decoding
MAX_RECIPIENT_CHARS = 64_000  # of To/Cc/Delivered-To/X-Original-To together
MAX_HEADER_BYTES = 256 * 1024  # of a (part's) header block, for the email package to hold
MAX_LINKS = 1_000
MAX_PARTS = 200  # MIME parts read; the rest of a 100,000-part mail is not
MAX_DEPTH = 16  # MIME nesting read
TRIM_ABOVE = 1024 * 1024  # smaller mails are parsed as they are
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'\)\]]+", re.IGNORECASE)
ANGLE_ADDRESS = re.compile(r"^(.*?)<([^<>@\s]+@[^<>@\s]+)>\s*$")
BLOCKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "table"})
SKIPPED = ("script", "style", "title")


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
    list_id: str | None = None  # List-Id: the mail came through a mailing list
    auto_submitted: str | None = None  # Auto-Submitted (RFC 3834): auto-replied, auto-generated
    # Which header named each recipient ("to", "cc", "delivered-to", "x-original-to"): only To
    # and Cc can be covered by a DKIM signature (issue 20 item 2).
    recipient_headers: dict[str, str] = field(default_factory=dict)
    # Meta's campaign (the template's name, the same in every language), from X-Facebook-Notify
    # and Feedback-ID; None when neither names one or the two disagree.
    campaign: str | None = None
    campaign_headers: tuple[str, ...] = ()  # the headers that named it


def parse(data: bytes) -> ParsedMail:
    original = data
    defects: list[str] = []
    if len(data) > TRIM_ABOVE or data.count(b"\n--") > MAX_PARTS:
        data = _trimmed(data, defects)
    # compat32 with headers decoded here: policy.default's header registry costs ~1 ms a header,
    # most of a sync's time on a large mailbox, for parsing this code does not need.
    msg = email.message_from_bytes(data, policy=UTF8_HEADERS)
    message_id = normalise_message_id(_header(msg, "Message-ID", defects))
    key = message_id or "sha256:" + hashlib.sha256(original).hexdigest()
    texts: list[str] = []
    links: list[Link] = []
    lang: str | None = _header(msg, "Content-Language", defects).split(",")[0].strip()[:20] or None
    length = 0
    for part in _parts(msg, defects):
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if part.get_content_disposition() == "attachment":
            continue
        body = _decode(part, defects)
        if body is None:
            continue
        if length + len(body) > MAX_TEXT_CHARS:
            defects.append(f"text over {MAX_TEXT_CHARS} characters: the rest not read")
            body = body[:max(0, MAX_TEXT_CHARS - length)]
        if part.get_content_subtype() == "html":
            text, html_links, html_lang = _read_html(body, defects)
            texts.append(text)
            links.extend(html_links)
            lang = lang or html_lang
        else:
            texts.append(body)
            links.extend(Link(u.rstrip(".,;:!?")) for u in URL_IN_TEXT.findall(body))
        length += len(texts[-1])
        if length >= MAX_TEXT_CHARS:
            break
    for part_defect in _all_defects(msg):
        defects.append(part_defect)
    defects = list(dict.fromkeys(defects))
    if len(links) > MAX_LINKS:
        defects.append(f"over {MAX_LINKS} links: the rest not read")
        del links[MAX_LINKS:]
    recipients = _recipients(msg, defects)
    return ParsedMail(
        key=key,
        message_id=message_id,
        sender=_sender(msg, defects),
        recipients=list(recipients),
        subject=" ".join(_header(msg, "Subject", defects).split())[:1000],
        date=_date(msg, defects),
        text="\n".join(texts),
        links=links,
        auth_results=_all_headers(msg, "Authentication-Results"),
        language_hint=lang.lower() if lang else None,
        defects=defects,
        list_id=_header(msg, "List-Id", defects) or None,
        auto_submitted=_header(msg, "Auto-Submitted", defects) or None,
        recipient_headers=recipients,
        **_campaign(msg, defects),
    )


def normalise_message_id(value: str | None) -> str | None:
    """The Message-ID as the key the tracker stores: one spelling for IMAP heads and whole mails,
    and a digest for an absurdly long one (a hostile mail must not fail a database insert)."""
    # NUL (from "=?utf-8?q?=00?=") cannot be stored or even looked up in PostgreSQL.
    value = " ".join(str(value).replace("\x00", "\ufffd").split()) if value else ""
    if not value:
        return None
    if not value.startswith("<"):
        value = f"<{value}>"
    if len(value) > 900:
        return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogateescape")).hexdigest()
    return value


# Fields read from the copy DKIM signs: a signature's h= covers a field's last copy (RFC 6376
# 5.4.2), while Message.get returns the first. A mail with two copies is suspicious anyway
# (tracker.recognition.verify); this keeps what is shown the signed one.
SIGNED_COPY = frozenset({"from", "to", "cc", "subject", "date"})


def _get(msg: Message, name: str):
    if name.lower() in SIGNED_COPY:
        values = msg.get_all(name)
        return values[-1] if values else None
    return msg.get(name)


def _header(msg: Message, name: str, defects: list[str], limit: int = MAX_HEADER_CHARS) -> str:
    value = _get(msg, name)
    if value is None:
        return ""
    value = str(value)
    if len(value) > limit:  # a 10 MB Subject: decoding and matching it whole costs minutes
        defects.append(f"header {name}: over {limit} characters, cut")
        value = value[:limit]
    return _decoded(value, defects, name)


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


CAMPAIGN_NAME = re.compile(r"[a-z0-9_]{1,80}")


def _campaign(msg: Message, defects: list[str]) -> dict:
    """`X-Facebook-Notify: <campaign>; mailid=...` and `Feedback-ID: <id>:<campaign>:Facebook`
    (field guide). Only a name both agree on, or the one that is there, counts."""
    found: dict[str, str] = {}
    notify = _header(msg, "X-Facebook-Notify", defects).split(";")[0].strip().lower()
    if CAMPAIGN_NAME.fullmatch(notify):
        found["X-Facebook-Notify"] = notify
    feedback = [f.strip() for f in _header(msg, "Feedback-ID", defects).split(":")]
    if len(feedback) >= 3 and feedback[-1].lower() == "facebook" and \
            CAMPAIGN_NAME.fullmatch(feedback[-2].lower()):
        found["Feedback-ID"] = feedback[-2].lower()
    names = set(found.values())
    if len(names) != 1:
        if names:
            defects.append("campaign headers disagree: " + ", ".join(sorted(names)))
        return {}
    return {"campaign": names.pop(), "campaign_headers": tuple(found)}


def _sender(msg: Message, defects: list[str]) -> Address | None:
    # The address is read from the raw header, before RFC 2047 decoding: an encoded display name
    # "=?utf-8?q?Facebook_=3Cnotification=40facebookmail=2Ecom=3E?=" must not become the address.
    raw = _get(msg, "From")
    if raw is None:
        return None
    raw = _capped_from(str(raw))
    name, addr = email.utils.parseaddr(raw)
    if "@" not in addr:
        # An unquoted comma in the display name ("Facebook ,_ <x@yua1ekvi1o.com>", seen in a
        # real lure) makes it two addresses to parseaddr: the address is the bracketed one.
        bracketed = ANGLE_ADDRESS.match(" ".join(raw.split()))
        if bracketed:
            name, addr = bracketed.group(1).strip().strip('"'), bracketed.group(2)
    if not addr or "=?" in addr:
        return None
    return Address(name=_decoded(name, defects).strip(), address=addr.strip().lower())


def _capped_from(raw: str) -> str:
    """A From header of at most about MAX_HEADER_CHARS: the start and the end of an over-long
    display name, cut between words, and the address whole. Cutting the header's tail instead
    lost the address, and a display name of "a."*75,000 then hid a spoof from the brand check."""
    if len(raw) <= MAX_HEADER_CHARS:
        return raw
    lt = raw.rfind("<")
    name, address = (raw[:lt].strip(), raw[lt:lt + 1000]) if lt >= 0 else (raw.strip(), "")
    half = MAX_HEADER_CHARS // 2
    if len(name) > MAX_HEADER_CHARS:
        head, tail = name[:half], name[-half:]
        # whole words only (an RFC 2047 word cut in two decodes to nothing), no quotes left open
        head = head[:head.rfind(" ")] if " " in head else head
        tail = tail[tail.find(" ") + 1:] if " " in tail else tail
        name = f"{head} {tail}".replace('"', "")
    return f"{name} {address}" if address else name[:MAX_HEADER_CHARS]


def _recipients(msg: Message, defects: list[str]) -> dict[str, str]:
    """Each recipient and the first header that names it, in header order."""
    found: dict[str, str] = {}  # ordered and deduplicated in linear time (a Cc of 60,000)
    budget = MAX_RECIPIENT_CHARS
    for name in ("To", "Cc", "Delivered-To", "X-Original-To"):
        limit = max(budget, 0)
        raw = _header(msg, name, defects, limit=limit)
        budget -= len(raw)
        if len(str(_get(msg, name) or "")) > limit:  # cut: the last address may be cut in two
            raw = raw.rpartition(",")[0]
        for _, addr in email.utils.getaddresses([raw]) if raw else ():
            addr = addr.strip().lower()
            if "@" in addr:
                found.setdefault(addr[:320], name.lower())
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
    from charset_normalizer import from_bytes

    best = from_bytes(payload).best()
    return str(best) if best is not None else payload.decode("utf-8", errors="replace")


def _read_html(html: str, defects: list[str] | None = None) -> tuple[str, list[Link], str | None]:
    """Text (a line per block), links and <html lang>, from one lxml parse: no BeautifulSoup tree.

    libxml2 stops at 256 levels of nesting; what lies deeper (only hostile mail nests so deep) is
    not read, and the mail says so in its defects."""
    from lxml import etree

    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True,
                              encoding="utf-8")  # the text is decoded already: ignore <meta charset>
    try:
        root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.Error, ValueError):
        root = None
    if root is None:
        return "", [], None
    if defects is not None and any("depth" in str(e.message).lower() for e in parser.error_log):
        defects.append("html: nested too deep, the deeper part not read")
    etree.strip_elements(root, *SKIPPED, with_tail=False)
    lang = root.get("lang") if root.tag == "html" else None
    links = [Link(str(a.get("href")).strip(), " ".join(" ".join(a.itertext()).split()))
             for a in root.iter("a") if a.get("href") is not None]
    pieces: list[str] = []
    quoted = 0  # inside <blockquote>: its lines are written "> …", as a plain-text quote is

    def add(text: str) -> None:
        pieces.append(text.replace("\n", "\n> ") if quoted else text)

    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if element.tag == "blockquote":
                quoted += 1
                pieces.append("\n> ")
            if element.text:
                add(element.text)
        else:
            if element.tag == "blockquote":
                quoted -= 1
            if element.tag in BLOCKS or element.tag == "blockquote":
                add("\n")
            if element.tail and element is not root:
                add(element.tail)
    text = " ".join(pieces)
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return text, links, str(lang)[:20] if lang else None


def _parts(msg: Message, defects: list[str]) -> list[Message]:
    """The message's parts in walk order, at most MAX_PARTS of them."""
    found: list[Message] = []
    for part in msg.walk():
        if len(found) >= MAX_PARTS:
            defects.append(f"over {MAX_PARTS} MIME parts: the rest not read")
            break
        found.append(part)
    return found


def _all_defects(msg: Message) -> list[str]:
    found = []
    for i, part in enumerate(msg.walk()):
        if i >= MAX_PARTS:
            break
        for defect in getattr(part, "defects", [])[:20]:
            found.append(f"{part.get_content_type()}: {defect.__class__.__name__}")
    return found


# --- big mails: attachments' bodies and the tail of huge parts are dropped before parsing -------

_HEADER_END = re.compile(rb"\r?\n\r?\n")


def _trimmed(data: bytes, defects: list[str]) -> bytes:
    """The mail with what can never decide anything left out: the bodies of attachments and of
    non-text parts, text beyond MAX_PART_BYTES, parts beyond MAX_PARTS. The email package then
    holds a few MB however big the mail was (a 70 MB attachment cost 680 MB before). Works on
    views of the bytes: no part is copied until it is kept."""
    return b"".join(_trim(memoryview(data), defects, 0))


def _trim(data: memoryview, defects: list[str], depth: int) -> list[memoryview | bytes]:
    end = _HEADER_END.search(data)
    if end is None:
        return [data[:MAX_PART_BYTES]]
    head, body = data[:end.end()], data[end.end():]
    if len(head) > MAX_HEADER_BYTES:  # a 10 MB Subject line: the email package copies it many times
        defects.append(f"header of {len(head)} bytes: long lines cut")
        head = memoryview(b"\n".join(line[:MAX_HEADER_CHARS * 4] for line in bytes(head).split(b"\n"))
                          [:MAX_HEADER_BYTES].rstrip(b"\r\n") + b"\r\n\r\n")
    info = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(bytes(head))
    kind = info.get_content_type()
    boundary = info.get_param("boundary") if kind.startswith("multipart/") else None
    if info.get_content_disposition() == "attachment" or not kind.startswith(
            ("text/", "multipart/", "message/rfc822")):
        if len(body) > 2:
            defects.append(f"{kind}: body of {len(body)} bytes not read")
        return [head]
    if kind == "message/rfc822":
        return [head] + (_trim(body, defects, depth + 1) if depth < MAX_DEPTH else [])
    if not isinstance(boundary, str) or depth >= MAX_DEPTH:
        if len(body) > MAX_PART_BYTES:
            defects.append(f"{kind}: {len(body)} bytes, the rest after {MAX_PART_BYTES} not read")
        return [head, body[:MAX_PART_BYTES]]
    marker = boundary.encode("utf-8", "surrogateescape")
    delimiter = re.compile(rb"^--" + re.escape(marker) + rb"(--)?[ \t]*\r?$", re.MULTILINE)
    marks = list(_limited(delimiter.finditer(body), MAX_PARTS + 1))
    if not marks:
        return [head, body[:MAX_PART_BYTES]]
    out: list[memoryview | bytes] = [head, body[:min(marks[0].start(), 4096)]]
    for mark, following in list(zip(marks, marks[1:] + [None], strict=True))[:MAX_PARTS]:
        if mark.group(1):  # the closing delimiter
            break
        start = mark.end()
        while start < len(body) and body[start] in b"\r\n":
            start += 1
        part = body[start:following.start() if following else len(body)]
        out += [b"--" + marker + b"\r\n", *_trim(part, defects, depth + 1), b"\r\n"]
    if len(marks) > MAX_PARTS:
        defects.append(f"over {MAX_PARTS} MIME parts: the rest not read")
    out.append(b"--" + marker + b"--\r\n")
    return out


def _limited(items, n: int):
    for i, item in enumerate(items):
        if i >= n:
            return
        yield item
