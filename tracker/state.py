"""Stored evidence (findings and marks) -> the state of each account. Pure: no I/O.

needs_action -> in_progress (a verification code or a `submitted` mark after the latest notice)
-> objection_confirmed (a confirmation); rejected when a rejection is the latest word; ignored by
the user. A later notice does not undo a confirmation. `reset` forgets the user's earlier marks,
leaving what the mail says. WhatsApp has no objection form: no_objection_available.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from tracker import rules
from tracker.db.repo import Evidence

STATES = ("needs_action", "in_progress", "objection_confirmed", "rejected", "ignored",
          "no_objection_available")
PENDING = ("needs_action", "rejected")
# Same-day events apply in the order the flow happens.
_ORDER = {"other": 0, "notice": 1, "verification_code": 2, "mark:submitted": 2,
          "confirmation": 3, "mark:confirmed": 3, "rejection": 4, "mark:ignored": 5,
          "mark:reset": 6}


@dataclass(frozen=True)
class AccountState:
    platform: str
    account: str
    state: str
    since: dt.datetime
    source: str  # notice | discovered | manual
    objection_url: str | None
    addresses: tuple[str, ...] = ()
    mailboxes: tuple[str, ...] = ()
    last_notice_at: dt.datetime | None = None
    submitted_at: dt.datetime | None = None
    confirmed_at: dt.datetime | None = None
    rejected_at: dt.datetime | None = None
    evidence: tuple[Evidence, ...] = field(default=(), repr=False)
    marks: tuple[Evidence, ...] = field(default=(), repr=False)

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.account}"


def derive(evidence: list[Evidence]) -> list[AccountState]:
    grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for item in evidence:
        grouped[(item.platform, item.account)].append(item)
    states = [_account(platform, account, items) for (platform, account), items in grouped.items()]
    return sorted(states, key=lambda s: (STATES.index(s.state), s.platform, s.account))


def _account(platform: str, account: str, items: list[Evidence]) -> AccountState:
    items = sorted(items, key=lambda e: (e.date, _ORDER.get(e.kind, 0)))
    resets = [e.date for e in items if e.kind == "mark:reset"]
    if resets:
        items = [e for e in items if not (e.kind.startswith("mark:") and e.date <= resets[-1])]
    mails = [e for e in items if not e.kind.startswith("mark:")]
    marks = [e for e in items if e.kind.startswith("mark:")]

    state, since = "needs_action", (items[0].date if items else dt.datetime.now(dt.UTC))
    last_notice = submitted = confirmed = rejected = None
    for e in items:
        kind = e.kind
        if kind == "notice":
            last_notice = e.date
            if state == "in_progress":  # filed before this notice: that wave is not covered
                state, since = "needs_action", e.date
        elif kind in ("verification_code", "mark:submitted"):
            submitted = e.date
            if state in ("needs_action", "rejected"):
                state, since = "in_progress", e.date
        elif kind in ("confirmation", "mark:confirmed"):
            confirmed = e.date
            if state != "ignored" or kind.startswith("mark:"):
                state, since = "objection_confirmed", e.date
        elif kind == "rejection":
            rejected = e.date
            if state != "ignored":
                state, since = "rejected", e.date
        elif kind == "mark:ignored":
            state, since = "ignored", e.date
    if platform == "whatsapp" and state != "ignored":
        state = "no_objection_available"

    notices = [e for e in mails if e.kind == "notice"]
    if notices:
        source = "notice"
    elif mails:
        source = "discovered"
    else:
        source = "manual"
    return AccountState(
        platform=platform,
        account=account,
        state=state,
        since=since,
        source=source,
        objection_url=_objection_url(platform, mails),
        addresses=tuple(sorted({e.address for e in mails if e.address})),
        mailboxes=tuple(sorted({e.mailbox for e in mails if e.mailbox})),
        last_notice_at=last_notice,
        submitted_at=submitted,
        confirmed_at=confirmed,
        rejected_at=rejected,
        evidence=tuple(_telling(mails)),
        marks=tuple(marks),
    )


def _objection_url(platform: str, mails: list[Evidence]) -> str | None:
    if platform == "whatsapp":
        return rules.WHATSAPP_DATA_RIGHTS_URL
    for e in reversed(mails):
        if e.objection_url:
            return e.objection_url
    return rules.DEFAULT_OBJECTION_URL.get(platform)


def _telling(mails: list[Evidence]) -> list[Evidence]:
    """Every mail in the flow; of everyday mail only the first, which made the account known."""
    flow = [e for e in mails if e.kind != "other"]
    everyday = [e for e in mails if e.kind == "other"]
    return sorted(flow + everyday[:1], key=lambda e: e.date)
