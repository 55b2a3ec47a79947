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

from tracker.act.digest_words import ENGLISH, Words, plural, words
from tracker.sanitize import clean
from tracker.store.repo import SentReminder
from tracker.store.state import AccountState, Request

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
    wrong_form: bool = False  # only the third-party form was filed (issue 23)
    requests: tuple[Request, ...] = ()

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
    person: str | None = None  # whose digest ([[people]]); None: the config's owner


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
                                    s.addresses, s.wrong_form, s.requests))
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
         stale_after_days: int, language: str | None = None) -> list[Delivery]:
    """One delivery per channel that has something due; nothing when nothing is due."""
    accounts = pending(states, now=now, stale_after_days=stale_after_days)
    wait = max(dt.timedelta(days=every_days) - SLACK, dt.timedelta(0))
    deliveries = []
    for channel in channels:
        due = [a for a in accounts
               if _due(history.get((a.platform, a.account, channel)), a.reason, now, wait)]
        if due:
            deliveries.append(Delivery(channel, digest(due, now=now, language=language)))
    return deliveries


def _due(last: SentReminder | None, reason: str, now: dt.datetime, wait: dt.timedelta) -> bool:
    return last is None or last.reason != reason or now - last.sent_at >= wait


def digest(accounts: Sequence[DueAccount], *, now: dt.datetime,
           language: str | None = None) -> Digest:
    """The digest in `language` where tracker.act.digest_words has it, else in English."""
    w = words(language)
    n = len(accounts)
    overdue = sum(1 for a in accounts if a.reason == "overdue")
    subject = plural(w.subject, n)
    if overdue:
        subject += w.subject_overdue.format(n=overdue)
    return Digest(tuple(accounts), subject, _text(accounts, now, w),
                  _html(accounts, now, subject, w))


def _headline(a: DueAccount, now: dt.datetime, w: Words = ENGLISH) -> str:
    days = _days((now - a.pending_since).days, w)
    template = {"needs_action": w.needs_action, "rejected": w.rejected,
                "check_reply": w.check_reply, "overdue": w.overdue}.get(a.reason, w.stale)
    return template.format(days=days)


def _advice(a: DueAccount, w: Words = ENGLISH) -> str | None:
    if a.reason == "overdue":
        return w.advice_overdue.format(key=a.shown_key)
    if a.reason == "stale":
        return w.advice_stale.format(key=a.shown_key)
    if a.reason == "check_reply":
        return w.advice_check_reply.format(key=a.shown_key)
    return None


def _days(days: int, w: Words = ENGLISH) -> str:
    if days < 1:
        return w.days[0]
    return w.days[1] if days == 1 else w.days[2].format(n=days)


def _also(a: DueAccount, w: Words = ENGLISH) -> list[str]:
    """The account's other requests and a wrong form, each a line under its headline."""
    lines = [w.request.format(state=w.request_states.get(r.state, r.state),
                              since=r.since.date().isoformat()) for r in a.requests]
    return lines + ([w.wrong_form] if a.wrong_form else [])


def _for(a: DueAccount, w: Words = ENGLISH) -> str:
    others = [clean(x, KEY_LIMIT) for x in a.addresses if x != a.account]
    return w.mail_to.format(addresses=", ".join(others)) if others else ""


def _text(accounts: Sequence[DueAccount], now: dt.datetime, w: Words = ENGLISH) -> str:
    lines = [plural(w.intro, len(accounts)), ""]
    for a in accounts:
        lines.append(f"* {a.shown_key}{_for(a, w)}: {_headline(a, now, w)}")
        advice = _advice(a, w)
        if advice:
            lines.append(f"  {advice}")
        lines += [f"  {line}" for line in _also(a, w)]
        lines.append("  " + (w.form.format(url=a.shown_url) if a.shown_url else w.no_form))
        lines.append("")
    lines.append(w.acted.format(hint=w.mark_hint))
    return "\n".join(lines) + "\n"


def _html(accounts: Sequence[DueAccount], now: dt.datetime, subject: str,
          w: Words = ENGLISH) -> str:
    e = html.escape  # account names and addresses come from mail
    items = []
    for a in accounts:
        parts = [f"<strong>{e(a.shown_key)}</strong>{e(_for(a, w))}: {e(_headline(a, now, w))}"]
        advice = _advice(a, w)
        if advice:
            parts.append(e(advice))
        parts += [e(line) for line in _also(a, w)]
        url = a.shown_url
        if url and url.startswith("https://") and url == a.objection_url:
            # The URL shown as text too: the reader sees it goes to Meta before clicking.
            link = f'<a href="{e(url)}">{e(url)}</a>'
            parts.append(e(w.form.format(url="\0")).replace("\0", link))
        elif url:  # stored links are canonical https; anything else is not made a link
            parts.append(e(w.form.format(url=url)))
        else:
            parts.append(e(w.no_form).replace("`objection-tracker status`",
                                              "<code>objection-tracker status</code>"))
        items.append("<li>" + "<br>\n".join(parts) + "</li>")
    acted = e(w.acted.format(hint="\0")).replace("\0", f"<code>{e(w.mark_hint)}</code>")
    return (
        f'<!DOCTYPE html>\n<html lang="{w.code}"><head><meta charset="utf-8"><title>{e(subject)}'
        '</title></head>\n<body style="font-family: sans-serif">\n'
        f"<p>{e(plural(w.intro, len(accounts)))}</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n"
        f"<p>{acted}</p>\n</body></html>\n"
    )
