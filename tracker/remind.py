"""Account states + the reminders already sent + now -> the digest each channel should get. Pure: no I/O.

Pending: needs_action, rejected, check_reply (Meta answered and the tracker could not read the
answer), and in_progress for longer than stale_after_days. In progress for
31 days (the GDPR's month to answer) is overdue. A channel hears about an account again after
every_days, or at once when the reason it is pending changed (stale -> overdue, -> rejected).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tracker.db.repo import SentReminder
from tracker.sanitize import clean
from tracker.state import AccountState

OVERDUE_AFTER = dt.timedelta(days=31)
# Nightly runs do not start at the same second each night (and a missed run starts on waking):
# without slack a 7-day reminder would slip to day 8 whenever a run starts a little earlier.
SLACK = dt.timedelta(hours=12)
# Most urgent first in the digest.
REASONS = ("overdue", "rejected", "check_reply", "needs_action", "stale")
MARK_HINT = "objection-tracker mark PLATFORM:ACCOUNT submitted (or confirmed, ignored)"
KEY_LIMIT = 280  # a platform and an address of at most 254 characters


@dataclass(frozen=True)
class DueAccount:
    platform: str
    account: str
    reason: str  # one of REASONS
    pending_since: dt.datetime
    objection_url: str | None
    addresses: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.account}"

    @property
    def shown_key(self) -> str:
        """The key as a digest shows it: account names come from mail (see tracker.sanitize)."""
        return clean(self.key, KEY_LIMIT)

    @property
    def shown_url(self) -> str | None:
        return clean(self.objection_url, None) if self.objection_url else None


@dataclass(frozen=True)
class Digest:
    accounts: tuple[DueAccount, ...]
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Delivery:
    channel: str  # the channel's key, as recorded in the history
    digest: Digest


def pending(states: Sequence[AccountState], *, now: dt.datetime,
            stale_after_days: int) -> list[DueAccount]:
    found = []
    reasons = {s.key: _reason(s, now, stale_after_days) for s in states}
    for s in states:
        if s.covered_by and reasons.get(s.covered_by):
            continue  # the linked account whose mail decided is listed; this one waits on it
        reason = reasons[s.key]
        if reason:
            found.append(DueAccount(s.platform, s.account, reason, s.since, s.objection_url,
                                    s.addresses))
    return sorted(found, key=lambda a: (REASONS.index(a.reason), a.pending_since, a.key))


def _reason(s: AccountState, now: dt.datetime, stale_after_days: int) -> str | None:
    if s.state in ("needs_action", "rejected", "check_reply"):
        return s.state
    if s.state != "in_progress":
        return None
    waited = now - s.since  # since the first submission after the latest notice
    if waited >= OVERDUE_AFTER:
        return "overdue"
    if waited >= dt.timedelta(days=stale_after_days):
        return "stale"
    return None


def plan(states: Sequence[AccountState], history: Mapping[tuple[str, str, str], SentReminder],
         channels: Sequence[str], *, now: dt.datetime, every_days: int,
         stale_after_days: int) -> list[Delivery]:
    """One delivery per channel that has something due; nothing when nothing is due."""
    accounts = pending(states, now=now, stale_after_days=stale_after_days)
    wait = max(dt.timedelta(days=every_days) - SLACK, dt.timedelta(0))
    deliveries = []
    for channel in channels:
        due = [a for a in accounts
               if _due(history.get((a.platform, a.account, channel)), a.reason, now, wait)]
        if due:
            deliveries.append(Delivery(channel, digest(due, now=now)))
    return deliveries


def _due(last: SentReminder | None, reason: str, now: dt.datetime, wait: dt.timedelta) -> bool:
    return last is None or last.reason != reason or now - last.sent_at >= wait


def digest(accounts: Sequence[DueAccount], *, now: dt.datetime) -> Digest:
    n = len(accounts)
    overdue = sum(1 for a in accounts if a.reason == "overdue")
    subject = f"objection-tracker: {n} Meta account{'s' if n != 1 else ''} waiting for you"
    if overdue:
        subject += f" ({overdue} overdue)"
    return Digest(tuple(accounts), subject, _text(accounts, now), _html(accounts, now, subject))


def _headline(a: DueAccount, now: dt.datetime) -> str:
    days = (now - a.pending_since).days
    if a.reason == "needs_action":
        return f"needs action, for {_days(days)}"
    if a.reason == "rejected":
        return f"REJECTED {_days(days)} ago: file the objection again"
    if a.reason == "check_reply":
        return f"Meta answered {_days(days)} ago and the tracker cannot tell yes from no"
    if a.reason == "overdue":
        return f"OVERDUE: submitted {_days(days)} ago, no confirmation"
    return f"submitted {_days(days)} ago, no confirmation yet"


def _advice(a: DueAccount) -> str | None:
    if a.reason == "overdue":
        return ("A month without an answer: a complaint to your data protection authority is now "
                "an option.")
    if a.reason == "stale":
        return f"Confirmed already? objection-tracker mark {a.shown_key} confirmed"
    if a.reason == "check_reply":
        return (f"Open Meta's reply (objection-tracker why {a.shown_key}), then: objection-tracker "
                f"mark {a.shown_key} confirmed (or submitted)")
    return None


def _days(days: int) -> str:
    return "less than a day" if days < 1 else f"{days} day{'s' if days != 1 else ''}"


def _for(a: DueAccount) -> str:
    others = [clean(x, KEY_LIMIT) for x in a.addresses if x != a.account]
    return f" (mail to {', '.join(others)})" if others else ""


def _text(accounts: Sequence[DueAccount], now: dt.datetime) -> str:
    n = len(accounts)
    lines = [f"{n} Meta account{'s' if n != 1 else ''} still waiting for your objection to AI "
             "training:", ""]
    for a in accounts:
        lines.append(f"* {a.shown_key}{_for(a)}: {_headline(a, now)}")
        advice = _advice(a)
        if advice:
            lines.append(f"  {advice}")
        lines.append(f"  Form: {a.shown_url}" if a.shown_url else
                     "  No form link known: see `objection-tracker status`.")
        lines.append("")
    lines.append(f"When you have acted: {MARK_HINT}.")
    return "\n".join(lines) + "\n"


def _html(accounts: Sequence[DueAccount], now: dt.datetime, subject: str) -> str:
    e = html.escape  # account names and addresses come from mail
    items = []
    for a in accounts:
        parts = [f"<strong>{e(a.shown_key)}</strong>{e(_for(a))}: {e(_headline(a, now))}"]
        advice = _advice(a)
        if advice:
            parts.append(e(advice))
        url = a.shown_url
        if url and url.startswith("https://") and url == a.objection_url:
            # The URL shown as text too: the reader sees it goes to Meta before clicking.
            parts.append(f'Form: <a href="{e(url)}">{e(url)}</a>')
        elif url:  # stored links are canonical https; anything else is not made a link
            parts.append(f"Form: {e(url)}")
        else:
            parts.append("No form link known: see <code>objection-tracker status</code>.")
        items.append("<li>" + "<br>\n".join(parts) + "</li>")
    n = len(accounts)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{e(subject)}</title></head>\n'
        '<body style="font-family: sans-serif">\n'
        f"<p>{n} Meta account{'s' if n != 1 else ''} still waiting for your objection to AI "
        "training:</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"
        f"<p>When you have acted: <code>{e(MARK_HINT)}</code>.</p>\n</body></html>\n"
    )
