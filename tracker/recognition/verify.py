"""How a sync checks the mails of the objection flow: the mailbox's rules, the DKIM key lookups of
the run, duplicate headers, and the second look at what DNS could not answer last time.

The rules themselves are in tracker.recognition.authenticity; the signature check in tracker.recognition.dkim.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses

import dkim as dkimpy
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.recognition.authenticity import meta_domain
from tracker.recognition.dkim import TEMPERROR, DkimVerdict, KeyResolver, verify
from tracker.recognition.parse import ParsedMail

# The kinds whose mail is fetched whole, DKIM-checked and kept byte for byte.
FLOW_KINDS = ("notice", "verification_code", "acknowledgement", "confirmation", "rejection",
              "unclear_reply", "third_party_reply")
# Fields a mail has at most once (RFC 5322 3.6, RFC 2045): a second copy lets a reader, who
# takes the first, see another mail than the one DKIM signed (it covers the last).
# A key DNS could not give is looked up again once the mail has waited as long again as it has
# waited so far (5 minutes at first, then 10, 20, ..., a day at most): an outage that lasts is not
# paid for on every run (a silent resolver cost every sync up to the DNS budget per mail).
RECHECK_FIRST = dt.timedelta(minutes=5)
RECHECK_MAX = dt.timedelta(days=1)
_ONCE = (b"from", b"sender", b"reply-to", b"to", b"cc", b"bcc", b"subject", b"date", b"message-id",
         b"in-reply-to", b"references", b"mime-version", b"content-type", b"content-transfer-encoding")
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:", re.MULTILINE)
_BARE_CR = re.compile(rb"\r(?!\n)")
_BARE_LF = re.compile(rb"(?<!\r)\n")


@dataclass
class Checker:
    """One mailbox's (or an import's) way of telling Meta's mail, for one run."""

    resolver: KeyResolver
    authserv_id: str | tuple[str, ...] | None = None  # one or several ids of the user's server
    require_authentication: bool = False

    def dkim(self, data: bytes, mail: ParsedMail) -> DkimVerdict | None:
        """The tracker's own verdict for a mail from a Meta domain; None for any other mail."""
        domain = mail.sender.domain if mail.sender else ""
        if not meta_domain(domain):
            return None
        return verify(data, domain, self.resolver)


def header_block(data: bytes) -> bytes:
    """The header as DKIM reads it: up to the first empty line, lines ending in CRLF or LF."""
    end = re.search(rb"\r?\n\r?\n", data)
    return data[:end.start()] if end else data


def ambiguous_header(data: bytes) -> str | None:
    """Why the header could be read as two different headers, or None.

    dkimpy splits lines at CRLF or LF; Python's email parser also at a bare CR. A header line
    "X-Campaign: 7\\rSubject: …\\rTo: victim" is one unsigned field to DKIM and three fields to
    the parser, which then reads a Subject and To that no signature covers (issue 20 item 1). So
    any byte the two could split differently makes the mail unreadable as one thing: a bare CR,
    a bare LF among CRLF lines, a NUL, or field names the two parsers do not both see."""
    head = header_block(data)
    if _BARE_CR.search(head):
        return "a carriage return that ends no line"
    if b"\r\n" in head and _BARE_LF.search(head):
        return "a line feed without a carriage return among CRLF lines"
    if b"\x00" in head:
        return "a NUL byte"
    try:
        signed = [name.lower() for name, _ in dkimpy.rfc822_parse(head + b"\r\n\r\n")[0]]
    except Exception:  # dkimpy rejects the line (and would fail the signature): say so here
        return "a header line DKIM cannot read"
    read = [name.lower().encode("ascii", "replace")
            for name in BytesHeaderParser(policy=compat32).parsebytes(head + b"\r\n\r\n")]
    if signed != read:
        return "header lines the mail parser and DKIM split differently"
    return None


def claims_meta(data: bytes) -> bool:
    """Whether any From line, in either reading of the header, names a Meta domain."""
    fields: list[bytes] = []
    for line in re.split(rb"\r\n|\r|\n", header_block(data)):  # the parser's lines: the most
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        else:
            fields.append(line)
    for line in fields:
        name, colon, value = line.partition(b":")
        if colon and name.strip().lower() == b"from":
            for _, address in getaddresses([value.decode("utf-8", "replace")]):
                if meta_domain(address.rpartition("@")[2].lower()):
                    return True
    return False


def duplicate_headers(data: bytes) -> list[str]:
    """The once-only fields (_ONCE) the mail has more than once. A reader takes the first copy
    and DKIM signs the last one: such a mail can show one thing and prove another."""
    counts: dict[bytes, int] = {}
    for name in _FIELD.findall(header_block(data)):
        name = name.lower()
        if name in _ONCE:
            counts[name] = counts.get(name, 0) + 1
    return [n.decode() for n, c in counts.items() if c > 1]


def header_problem(data: bytes, mail: ParsedMail) -> str | None:
    """The reason a mail is suspicious for its header alone, or None: the header can be read two
    ways, or a once-only field comes twice, in a mail that claims to be Meta's (in either reading)."""
    meta = claims_meta(data) or bool(mail.sender and meta_domain(mail.sender.domain))
    ambiguous = ambiguous_header(data)
    if ambiguous and meta:
        return f"ambiguous-header: {ambiguous}; DKIM and the mail reader would see different mails"
    twice = duplicate_headers(data)
    if twice and ("from" in twice or meta):
        return f"duplicate-header: {', '.join(twice)} appear(s) more than once"
    return None


def recheck(session: Session, checker: Checker, mailbox: str | None = None) -> int:
    """Check again the flow mails whose key DNS could not give last time (temperror), from their
    stored bytes: no fetch. Returns how many are now decided (pass, fail or none)."""
    from tracker.recognition.classify import classify  # late: classify is the heavy module
    from tracker.recognition.parse import parse
    from tracker.store import models

    now = dt.datetime.now(dt.UTC)
    query = select(models.Finding).where(
        models.Finding.dkim_result == TEMPERROR, models.Finding.raw.is_not(None),
        (models.Finding.dkim_recheck_at.is_(None)) | (models.Finding.dkim_recheck_at <= now))
    if mailbox is not None:
        query = query.where(models.Finding.mailbox == mailbox)
    decided = 0
    for row in session.scalars(query):
        mail = parse(row.raw)
        verdict = checker.dkim(row.raw, mail) or DkimVerdict("none")
        if verdict.result == TEMPERROR:
            row.dkim_recheck_at = next_recheck(row.recorded_at, now)
            continue
        decided += 1
        result = classify(mail, require_authentication=checker.require_authentication,
                          authserv_id=checker.authserv_id, dkim=verdict)
        set_dkim(row, verdict)
        if result.suspicious:
            row.kind = "suspicious"
            row.reason = result.suspicious.reason
            row.links = []
            row.objection_url = None
            row.authenticity = None
        elif result.finding:
            row.authenticity = result.finding.authenticity
    return decided


def next_recheck(recorded_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    waited = now - recorded_at if recorded_at else dt.timedelta(0)
    return now + min(max(waited, RECHECK_FIRST), RECHECK_MAX)


def set_dkim(row, verdict: DkimVerdict | None) -> None:
    if verdict is None:
        return
    now = dt.datetime.now(dt.UTC)
    row.dkim_recheck_at = next_recheck(row.recorded_at, now) if verdict.result == TEMPERROR else None
    row.dkim_result = verdict.result
    row.dkim_domain = verdict.domain
    row.dkim_selector = verdict.selector
    row.dkim_detail = verdict.detail[:500] or None
