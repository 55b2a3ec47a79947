"""How a sync checks the mails of the objection flow: the mailbox's rules, the DKIM key lookups of
the run, duplicate headers, and the second look at what DNS could not answer last time.

The rules themselves are in tracker.recognition.authenticity; the signature check in tracker.recognition.dkim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.recognition.authenticity import meta_domain
from tracker.recognition.dkim import TEMPERROR, DkimVerdict, KeyResolver, verify
from tracker.recognition.parse import ParsedMail

# The kinds whose mail is fetched whole, DKIM-checked and kept byte for byte.
FLOW_KINDS = ("notice", "verification_code", "acknowledgement", "confirmation", "rejection",
              "unclear_reply")
_ONCE = (b"from", b"subject", b"to")
_FIELD = re.compile(rb"^([!-9;-~]+)[ \t]*:", re.MULTILINE)


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
    end = re.search(rb"\r?\n\r?\n", data)
    return data[:end.start()] if end else data


def duplicate_headers(data: bytes) -> list[str]:
    """The fields among From, Subject and To that the mail has more than once. A reader takes the
    first copy and DKIM signs the last one: such a mail can show one thing and prove another."""
    counts: dict[bytes, int] = {}
    for name in _FIELD.findall(header_block(data)):
        name = name.lower()
        if name in _ONCE:
            counts[name] = counts.get(name, 0) + 1
    return [n.decode() for n, c in counts.items() if c > 1]


def recheck(session: Session, checker: Checker, mailbox: str | None = None) -> int:
    """Check again the flow mails whose key DNS could not give last time (temperror), from their
    stored bytes: no fetch. Returns how many are now decided (pass, fail or none)."""
    from tracker.recognition.classify import classify  # late: classify is the heavy module
    from tracker.recognition.parse import parse
    from tracker.store import models

    query = select(models.Finding).where(models.Finding.dkim_result == TEMPERROR,
                                         models.Finding.raw.is_not(None))
    if mailbox is not None:
        query = query.where(models.Finding.mailbox == mailbox)
    decided = 0
    for row in session.scalars(query):
        mail = parse(row.raw)
        verdict = checker.dkim(row.raw, mail) or DkimVerdict("none")
        if verdict.result == TEMPERROR:
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


def set_dkim(row, verdict: DkimVerdict | None) -> None:
    if verdict is None:
        return
    row.dkim_result = verdict.result
    row.dkim_domain = verdict.domain
    row.dkim_selector = verdict.selector
    row.dkim_detail = verdict.detail[:500] or None
