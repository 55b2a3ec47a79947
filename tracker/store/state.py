"""Stored evidence (findings and marks) -> the state of each account. Pure: no I/O.

needs_action -> in_progress (a verification code, Meta's acknowledgement or a `submitted` mark
after the latest notice) -> objection_confirmed (a confirmation); rejected when a rejection is the
latest word; check_reply when Meta's latest reply could not be read as yes or no (the user opens
it and marks it); ignored by the user. A later notice does not undo a confirmation. `reset`
forgets the user's earlier marks, leaving what the mail says. WhatsApp's AI objection (Brazil,
late 2025) is tracked like the others once a mail of it exists; without one, WhatsApp has no
objection form: no_objection_available.

Deadlines (FG "Deadlines peers use", issue 22 item 2): an objection filed and unanswered for 31
days is overdue (`overdue`, `overdue_since`); a reminder to Meta is due 14 days after that. A
notice without an objection link is information and never makes an account pending.

Other requests (issue 23): Meta's replies to the third-party-information form are a request of
their own (`requests`), never the objection's answer. An account whose only replies are that
form's, and which never filed the objection, is `wrong_form`: it still needs the objection.

Accounts the user linked in one Accounts Center group share one objection (FG "Outcome mail", 2025).
Meta's yes for an account stands for that account. The group's latest word (a confirmation, a
rejection, or a filing after a rejection) fills in only for members that have no answer of their
own after it; `covered_by` names the member whose mail decided. A confirmation is the group's word
only when Meta's reply says it covers the accounts in the Accounts Center (the 2025 replies do, the
2024 ones do not, issue 22 item 3): a link never invents a yes. A member such a yes leaves as its
own mail says names that member in `not_covered_by`.

Dates cannot pin a state (issue 20 item 6): a mail's Date is whatever its sender wrote, so a mail
dated after the user's server received it counts from when it arrived; and once the user marked
an account, a mail nothing vouches for changes it no more (an unsigned "rejection" dated 2099
would otherwise stand above every later `mark`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from tracker.recognition import rules
from tracker.store.values import Evidence

STATES = ("needs_action", "check_reply", "in_progress", "objection_confirmed", "rejected", "ignored",
          "no_objection_available")
PENDING = ("needs_action", "rejected", "check_reply")
# Same-day events apply in the order the flow happens.
_ORDER = {"other": 0, "notice": 1, "verification_code": 2, "acknowledgement": 2,
          "mark:submitted": 2, "unclear_reply": 3, "confirmation": 3, "mark:confirmed": 3,
          "rejection": 4, "mark:ignored": 5, "mark:reset": 6}
# What each kind of mail is, as evidence: filing (in progress), Meta's decision, or an answer the
# tracker could not read. Everything else (notice, other) is handled on its own.
FILING = ("verification_code", "acknowledgement", "mark:submitted")
# Any sign that the objection itself was filed or answered (WhatsApp: that its form exists).
OBJECTION_FLOW = (*FILING, "confirmation", "rejection", "unclear_reply", "mark:confirmed")
OVERDUE_AFTER = dt.timedelta(days=31)  # the GDPR's month to answer, as datenanfragen.de counts it
REMIND_AFTER = dt.timedelta(days=14)  # after overdue: a reminder to Meta, then a complaint
THIRD_PARTY = "third_party_data"


@dataclass(frozen=True)
class Request:
    """A request other than the objection, with its own state (issue 23)."""

    kind: str  # third_party_data: the form for information from third parties used for AI
    state: str  # submitted | needs_information | answered (tracker.recognition.classify)
    since: dt.datetime
    overdue: bool = False  # submitted, and no word from Meta for OVERDUE_AFTER


def unverified(e: Evidence) -> bool:
    """A mail of a Meta domain that nothing vouched for: no DKIM signature of Meta, or its key
    could not be looked up (yet), and no trusted Authentication-Results (tracker.recognition.authenticity)."""
    return (e.authenticity or "").startswith("unverified")


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
    replied_at: dt.datetime | None = None  # Meta's latest reply that said neither yes nor no
    # Flow mails nothing vouched for (issue 14): shown, never counted as filing or a yes.
    unverified: tuple[Evidence, ...] = field(default=(), repr=False)
    evidence: tuple[Evidence, ...] = field(default=(), repr=False)
    marks: tuple[Evidence, ...] = field(default=(), repr=False)
    group: tuple[str, ...] = ()  # every member's key, this one's included, when linked
    covered_by: str | None = None  # the group member whose mail decided this state
    # a linked member whose confirmation does not say it covers the group: this one is not covered
    not_covered_by: str | None = None
    says_covers_linked: bool = False  # its own latest confirmation says it covers a group
    requests: tuple[Request, ...] = ()
    wrong_form: bool = False  # only the third-party form was filed: no objection to training
    overdue: bool = False  # filed, unanswered for OVERDUE_AFTER (in_progress)
    overdue_since: dt.datetime | None = None
    # A notice of a later wave for an account already confirmed: covered by the objection of this date.
    covered_since: dt.datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.account}"


def derive(evidence: list[Evidence], groups: Iterable[frozenset[tuple[str, str]]] = (),
           now: dt.datetime | None = None) -> list[AccountState]:
    """`now` decides the deadlines (overdue); the present moment unless a caller (a test, a digest
    planned for a given time) says otherwise."""
    now = now or dt.datetime.now(dt.UTC)
    grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for item in evidence:
        grouped[(item.platform, item.account)].append(item)
    own = {key: _account(*key, items, now=now) for key, items in grouped.items()}
    for members in groups:
        _apply_group(own, members)
    states = (_deadline(s, now) for s in own.values())
    return sorted(states, key=lambda s: (STATES.index(s.state), s.platform, s.account))


def _deadline(s: AccountState, now: dt.datetime) -> AccountState:
    """Filed and unanswered for a month: overdue from the day the month ran out."""
    if s.state == "in_progress" and now - s.since >= OVERDUE_AFTER:
        return replace(s, overdue=True, overdue_since=s.since + OVERDUE_AFTER)
    return replace(s, overdue=False, overdue_since=None)


def reminder_due(s: AccountState) -> dt.datetime | None:
    """When a reminder to Meta is due for an overdue objection (14 days after it became overdue)."""
    return s.overdue_since + REMIND_AFTER if s.overdue_since else None


def _apply_group(states: dict[tuple[str, str], AccountState],
                 members: frozenset[tuple[str, str]]) -> None:
    for member in members:  # linked by hand before any mail named it: it still needs the objection
        if member not in states:
            states[member] = _account(*member, [])
    present = [states[m] for m in sorted(members)]
    keys = tuple(s.key for s in present)
    word = _group_word(present)
    # The latest yes that speaks for its own account only, for the members it leaves uncovered.
    own_yes = max(((s.confirmed_at, s.key) for s in present if _own_yes(s)), default=None)
    for s in present:
        new = replace(s, group=keys)
        # Meta's yes for this account stands, whatever a member's later mail says (issue 12).
        if word and s is not word[2] and s.state not in ("ignored", "no_objection_available",
                                                         "objection_confirmed"):
            when, outcome, decider = word
            own = max((d for d in (s.confirmed_at, s.rejected_at, s.submitted_at, s.replied_at)
                       if d), default=None)
            if own is None or own < when:
                dated = {"objection_confirmed": "confirmed_at", "rejected": "rejected_at",
                         "in_progress": "submitted_at"}[outcome]
                # "since" is when this account is known to be so: never before its own first
                # mail or mark, which a linked account's older yes would otherwise claim
                # (issue 22 item 2: no date shown precedes its evidence).
                seen = min((e.date for e in (*s.evidence, *s.marks)), default=when)
                new = replace(new, state=outcome, since=max(when, seen), covered_by=decider.key,
                              **{dated: when})
        if own_yes and new.state not in ("objection_confirmed", "ignored", "no_objection_available"):
            new = replace(new, not_covered_by=own_yes[1])
        states[(s.platform, s.account)] = new


def _group_word(present: list[AccountState]) -> tuple[dt.datetime, str, AccountState] | None:
    """The group's latest word: its latest confirmation or rejection, unless someone filed again
    after a rejection (or with no answer yet): then the group waits on that filing. A filing after
    a confirmation changes nothing, as for a single account."""
    # Only a member's standing answer speaks for the group: a confirmation that member's own later
    # unclear reply or `ignored` mark put in question is not the group's yes.
    # A yes that does not say it covers the Accounts Center is that account's alone; the filing
    # it answered is answered, and no longer something the group waits on.
    decisions = [(s.confirmed_at, 1, "objection_confirmed", s) for s in present
                 if s.confirmed_at and s.state == "objection_confirmed" and s.says_covers_linked] + \
                [(s.rejected_at, 2, "rejected", s) for s in present
                 if s.rejected_at and s.state == "rejected"]
    filings = [(s.submitted_at, 0, "in_progress", s) for s in present
               if s.submitted_at and not _own_yes(s)]
    decision = max(decisions, key=lambda d: (d[0], d[1]), default=None)
    filing = max(filings, key=lambda f: f[0], default=None)
    if filing and (decision is None or (decision[2] == "rejected" and filing[0] > decision[0])):
        return filing[0], filing[2], filing[3]
    return (decision[0], decision[2], decision[3]) if decision else None


def _own_yes(s: AccountState) -> bool:
    """Confirmed by a yes (Meta's, or the user's mark) that does not say it covers the group."""
    return s.state == "objection_confirmed" and s.confirmed_at is not None and not s.says_covers_linked


def when(e: Evidence) -> dt.datetime:
    """When a mail counts from: its Date, unless that is after the mail arrived."""
    return e.arrived_at if e.arrived_at is not None and e.arrived_at < e.date else e.date


def _account(platform: str, account: str, items: list[Evidence],
             now: dt.datetime | None = None) -> AccountState:
    items = sorted((replace(e, date=when(e)) if e.arrived_at else e for e in items),
                   key=lambda e: (e.date, _ORDER.get(e.kind, 0)))
    resets = [e.date for e in items if e.kind == "mark:reset"]
    if resets:
        items = [e for e in items if not (e.kind.startswith("mark:") and e.date <= resets[-1])]
    mails = [e for e in items if not e.kind.startswith("mark:")]
    marks = [e for e in items if e.kind.startswith("mark:")]

    state, since = "needs_action", (items[0].date if items else now or dt.datetime.now(dt.UTC))
    last_notice = submitted = confirmed = rejected = replied = None
    covers = False
    marked = False  # the user's own word: outranks every later mail nothing vouches for
    for e in items:
        kind = e.kind
        if kind.startswith("mark:"):
            marked = kind != "mark:reset"
        if unverified(e):
            if marked:
                continue
            # Which way is safe decides (issue 14): a notice may push an account to needs_action
            # and a rejection to rejected; a code or receipt must not make it look filed, and a
            # "yes" must not make it look done: the user is asked to check that reply instead.
            if kind in FILING:
                continue
            if kind == "confirmation":
                if state in ("objection_confirmed", "ignored"):
                    continue
                kind = "unclear_reply"
        if kind == "notice":
            # "Needs action for N days" counts from Meta's first notice, not from the everyday
            # mail that made the account known before it (issue 22 item 2).
            if state == "needs_action" and last_notice is None and submitted is None:
                since = e.date
            last_notice = e.date
            # Filed before this notice: that wave is not covered. (A notice without an objection
            # link is information and never gets here: the recogniser calls it other.)
            if state == "in_progress":
                state, since = "needs_action", e.date
        elif kind in FILING:
            submitted = e.date
            # Filing again after an unreadable reply is acting on it; the user's own mark also
            # overrides their earlier "ignored", a code mail or Meta's receipt does not.
            if state in ("needs_action", "rejected", "check_reply") or (
                    state == "ignored" and kind.startswith("mark:")):
                state, since = "in_progress", e.date
        elif kind == "unclear_reply":
            replied = e.date
            # Meta answered and the tracker cannot tell how: the user must look, even after an
            # earlier yes (this answer may be about a later request).
            if state != "ignored":
                state, since = "check_reply", e.date
        elif kind in ("confirmation", "mark:confirmed"):
            confirmed = e.date
            covers = e.covers_linked
            if state != "ignored" or kind.startswith("mark:"):
                state, since = "objection_confirmed", e.date
        elif kind == "rejection":
            rejected = e.date
            if state != "ignored":
                state, since = "rejected", e.date
        elif kind == "mark:ignored":
            state, since = "ignored", e.date
    # WhatsApp's AI objection exists where its mail does (Brazil, late 2025); elsewhere there is
    # no form to file, and the account must not stay pending forever.
    objected = any(e.kind in OBJECTION_FLOW for e in items if not unverified(e))
    if platform == "whatsapp" and state != "ignored" and not objected:
        state = "no_objection_available"
    requests = _requests(mails, now or dt.datetime.now(dt.UTC))

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
        replied_at=replied,
        evidence=tuple(_telling(mails)),
        marks=tuple(marks),
        unverified=tuple(e for e in _telling(mails) if unverified(e) and e.kind != "other"),
        says_covers_linked=covers and state == "objection_confirmed",
        requests=requests,
        wrong_form=bool(requests) and not objected and state == "needs_action",
        covered_since=(confirmed if state == "objection_confirmed" and confirmed and last_notice
                       and last_notice > confirmed else None),
    )


def _requests(mails: list[Evidence], now: dt.datetime) -> tuple[Request, ...]:
    """The third-party request as Meta's replies to that form tell it: the latest reply's state,
    since the first reply that said it. Nothing vouched for: not counted, as for the objection."""
    replies = [e for e in mails if e.kind == "third_party_reply" and e.request_state
               and not unverified(e)]
    if not replies:
        return ()
    state, since = replies[-1].request_state, replies[-1].date
    for e in reversed(replies):
        if e.request_state != state:
            break
        since = e.date
    overdue = state == "submitted" and now - since >= OVERDUE_AFTER
    return (Request(THIRD_PARTY, state, since, overdue),)


def _objection_url(platform: str, mails: list[Evidence]) -> str | None:
    if platform == "whatsapp":
        return rules.WHATSAPP_DATA_RIGHTS_URL
    for e in reversed(mails):  # never a link from a mail nothing vouched for
        if e.objection_url and not unverified(e):
            return e.objection_url
    return rules.DEFAULT_OBJECTION_URL.get(platform)


def _telling(mails: list[Evidence]) -> list[Evidence]:
    """Every mail in the flow; of everyday mail only the first, which made the account known."""
    flow = [e for e in mails if e.kind != "other"]
    everyday = [e for e in mails if e.kind == "other"]
    return sorted(flow + everyday[:1], key=lambda e: e.date)
