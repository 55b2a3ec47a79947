"""AccountState -> the status table people read and the JSON contract scripts read."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from typing import Any

from tracker.act import terminal
from tracker.recognition.identity import is_unknown
from tracker.sanitize import clean
from tracker.store.state import PENDING, STATES, AccountState
from tracker.store.values import Evidence, SuspiciousMail

LABELS = {
    "needs_action": "NEEDS ACTION",
    "check_reply": "CHECK REPLY",
    "in_progress": "in progress",
    "objection_confirmed": "confirmed",
    "rejected": "REJECTED",
    "ignored": "ignored",
    "no_objection_available": "no objection form",
}
SUMMARY_STATES = ("needs_action", "in_progress", "objection_confirmed", "rejected", "ignored",
                  "check_reply")
REQUEST_KINDS = {"third_party_data": "third-party data request"}
REQUEST_LABELS = {"submitted": "submitted", "needs_information": "NEEDS INFORMATION",
                  "answered": "answered"}


def pending(s: AccountState) -> bool:
    """Does the account need the person (for --fail-if-pending): its state, or a deadline Meta let
    pass (issue 22 item 2: a month-old filing with no answer is no longer "in progress")."""
    return s.state in PENDING or s.overdue


def state_label(s: AccountState) -> str:
    return "OVERDUE" if s.overdue else LABELS[s.state]


def request_lines(s: AccountState) -> list[str]:
    """The account's other requests, its wrong form and a new wave it is covered for: each a line
    of plain words, shown under the account in the table and in `why`."""
    lines = []
    if s.overdue and s.overdue_since:
        lines.append(f"OVERDUE since {_day(s.overdue_since)}: filed {_day(s.since)}, no answer from "
                     f"Meta in 31 days. A reminder to send: objection-tracker reminder-text "
                     f"{clean(s.key, KEY_LIMIT)}")
    if s.covered_since and s.last_notice_at:
        lines.append(f"Meta's notice of {_day(s.last_notice_at)}: covered by your objection of "
                     f"{_day(s.covered_since)}, nothing to file")
    for r in s.requests:
        late = ", no answer in 31 days" if r.overdue else ""
        lines.append(f"{REQUEST_KINDS.get(r.kind, r.kind)}: {REQUEST_LABELS.get(r.state, r.state)} "
                     f"since {_day(r.since)}{late}")
    if s.wrong_form:
        lines.append("Only the third-party-information form was filed: that form does not object to "
                     "training on your own posts. File the objection form below.")
    return lines


def _day(value: dt.datetime) -> str:
    return value.date().isoformat()


def check_reply_hint(key: str) -> list[str]:
    """What to do about a reply the tracker could not read, shown where a form link would be.
    Each command on a line of its own, whole, so that it pastes."""
    return ["Meta answered, but not as a clear yes or no: read it with",
            f"  objection-tracker why {key}",
            f"then: objection-tracker mark {key} confirmed   (or: submitted)"]


def link_suggestions(states: list[AccountState]) -> list[dict[str, Any]]:
    """A confirmation that says it covers its Accounts Center, next to accounts sent to one of
    its addresses that still wait (not the whole mailbox: every import is mailbox "import"):
    the user knows whether they are linked; the report only asks."""
    found = []
    for s in states:
        if not s.says_covers_linked:
            continue
        waiting = [o.key for o in states
                   if o.key != s.key and o.key not in s.group and o.state in PENDING
                   and o.platform != "whatsapp" and set(o.addresses) & set(s.addresses)]
        if waiting:
            keys = [clean(k, KEY_LIMIT) for k in waiting]
            found.append({"confirmed": clean(s.key, KEY_LIMIT), "pending": keys,
                          "command": f"objection-tracker link {clean(s.key, KEY_LIMIT)} "
                                     + " ".join(keys)})
    return found


URL = re.compile(r"(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
# An account key is a username or an address (at most 254 characters) after the platform.
KEY_LIMIT = 280


def defanged(text: str) -> str:
    """Text from a mail that claims to be Meta and is not: cleaned (no terminal control codes: an
    OSC 8 sequence in a display name would make a clickable link in many terminals) and cut
    before the link pattern runs, which is slow on long runs of "a.a.a.", then no links."""
    return URL.sub("[link removed]", clean(text))


def terminal_width() -> int:
    """COLUMNS, else the terminal's width, else 80 (cron, a pipe)."""
    return terminal.width()


def iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


def as_json(states: list[AccountState], suspicious: list[SuspiciousMail],
            generated_at: dt.datetime | None = None) -> dict[str, Any]:
    summary = {name: 0 for name in SUMMARY_STATES}
    for s in states:
        summary[s.state] = summary.get(s.state, 0) + 1
    return {
        "generated_at": iso(generated_at or dt.datetime.now(dt.UTC)),
        "accounts": [_account(s) for s in states],
        "summary": summary,
        "link_suggestions": link_suggestions(states),
        "suspicious": [
            {"id": m.id, "date": iso(m.date), "from": defanged(m.sender),
             "subject": defanged(m.subject), "reason": clean(m.reason),
             "mailbox": clean(m.mailbox), "folder": clean(m.folder),
             "seen": m.seen_at is not None, "seen_at": iso(m.seen_at)}
            for m in suspicious
        ],
    }


def _account(s: AccountState) -> dict[str, Any]:
    return {
        "platform": s.platform,
        "account": clean(s.account, KEY_LIMIT),
        # a stand-in: Meta's mail to these addresses named no username the tracker could trust
        "account_unknown": account_unknown(s),
        "addresses": [clean(a, KEY_LIMIT) for a in s.addresses],
        "mailboxes": [clean(m) for m in s.mailboxes],
        "state": s.state,
        "since": iso(s.since),
        # Filed and unanswered for 31 days (issue 22 item 2); the state stays in_progress.
        "overdue": s.overdue,
        "overdue_since": iso(s.overdue_since),
        # Requests other than the objection, each with its own state (issue 23).
        "requests": [{"kind": r.kind, "state": r.state, "since": iso(r.since), "overdue": r.overdue}
                     for r in s.requests],
        "wrong_form": s.wrong_form,
        "covered_by_objection_of": iso(s.covered_since),
        "source": s.source,
        "objection_url": _optional(s.objection_url, None),
        "last_notice_at": iso(s.last_notice_at),
        "submitted_at": iso(s.submitted_at),
        "confirmed_at": iso(s.confirmed_at),
        "rejected_at": iso(s.rejected_at),
        "group": [clean(k, KEY_LIMIT) for k in s.group] or None,
        "covered_by": _optional(s.covered_by, KEY_LIMIT),
        "evidence": [_evidence(e) for e in s.evidence],
        # flow mails nothing vouched for (no Meta DKIM signature or no key yet): never counted
        "unverified": [{"kind": e.kind, "date": iso(e.date)} for e in s.unverified],
        "marks": [{"action": m.kind.removeprefix("mark:"), "date": iso(m.date), "note": m.note}
                  for m in s.marks],
    }


def account_unknown(s: AccountState) -> bool:
    return s.platform == "instagram" and is_unknown(s.account)


def unknown_lines(s: AccountState, width: int) -> list[str]:
    """What an unknown account is: one per address, never merged into another account."""
    to = ", ".join(clean(a, KEY_LIMIT) for a in s.addresses) or "an address"
    return _wrap(f"ACCOUNT UNKNOWN: Meta's Instagram mail to {to} names no username the tracker "
                 "can read; open it to see which of your Instagram accounts it is for.", width)


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"kind": e.kind, "date": iso(e.date), "subject": clean(e.subject),
            "message_id": _optional(e.message_id, None),
            "mailbox": _optional(e.mailbox), "folder": _optional(e.folder), "language": e.language,
            "reason": _optional(e.reason, None), "authenticity": _optional(e.authenticity, None)}


def _optional(value: str | None, limit: int | None = 300) -> str | None:
    return None if value is None else clean(value, limit)


def as_table(states: list[AccountState], suspicious: list[SuspiciousMail],
             width: int | None = None) -> str:
    """Fits `width` (the terminal's, see terminal_width): the link to act on goes on its own
    indented line, long lines wrap at spaces. Only a bare URL may be longer than the width."""
    width = width or terminal_width()
    if not states:
        lines = _wrap("No Meta accounts found yet. Run `objection-tracker sync` (or `import` a "
                      "mail export), or add one by hand with `objection-tracker mark`.", width)
    else:
        lines = _rows(states, width)
        counts = {state: sum(1 for s in states if s.state == state and not s.overdue)
                  for state in STATES}
        overdue = sum(1 for s in states if s.overdue)
        lines.append("")
        lines += _wrap(", ".join([f"{n} {LABELS[state]}" for state, n in counts.items() if n]
                                 + ([f"{overdue} OVERDUE"] if overdue else [])), width)
    lines += _unverified_lines(states, width)
    for hint in link_suggestions(states):
        lines.append("")
        lines += _wrap(f"{hint['confirmed']}'s confirmation says it also covers the accounts in "
                       f"its Accounts Center. If {', '.join(hint['pending'])} "
                       f"{'is' if len(hint['pending']) == 1 else 'are'} linked there, run:", width)
        lines += _command(hint["command"], width)
    lines += suspicious_lines(suspicious, width)
    return "\n".join(lines)


SHOWN_SUSPICIOUS = 10  # the newest this many new ones are listed whole in `status`


def suspicious_lines(suspicious: list[SuspiciousMail], width: int) -> list[str]:
    """New suspicious mail whole, each with the number `suspicious ack` takes; the ones the user
    has seen in one line (issue 22 item 5): the same warning every day stops being read."""
    new = [m for m in suspicious if m.seen_at is None]
    seen = len(suspicious) - len(new)
    lines: list[str] = []
    if new:
        lines.append("")
        lines += _wrap(f"{terminal.counted(len(new), 'suspicious mail')} claiming to be Meta (links not "
                       "shown; do not act on them):", width)
        for m in new[-SHOWN_SUSPICIOUS:]:
            lines += suspicious_line(m, width)
        older = len(new) - SHOWN_SUSPICIOUS
        tail = f"{terminal.counted(older, 'older one')}: `objection-tracker suspicious` lists all. " \
            if older > 0 else ""
        lines += _wrap(f"{tail}Seen them? `objection-tracker suspicious ack --all` (or "
                       f"`suspicious ack {new[-1].id}`) sums them up in one line from then on.",
                       width, indent="  ", subsequent="  ")
    if seen:
        lines.append("")
        lines += _wrap(f"{terminal.counted(seen, 'suspicious mail')} you have seen; "
                       "`objection-tracker suspicious` lists them.", width)
    return lines


def suspicious_listing(suspicious: list[SuspiciousMail], width: int | None = None) -> list[str]:
    """Every suspicious mail for `suspicious`, oldest first, the seen ones marked so."""
    width = width or terminal_width()
    if not suspicious:
        return ["No suspicious mail: nothing claimed to be Meta that was not."]
    lines = _wrap("Mail claiming to be Meta that is not (links not shown; do not act on it):", width)
    for m in suspicious:
        lines += suspicious_line(m, width)
    new = sum(1 for m in suspicious if m.seen_at is None)
    if new:
        lines += _wrap(f"{new} not seen yet: `objection-tracker suspicious ack --all` (or ack "
                       "NUMBER) marks them seen.", width)
    return lines


def suspicious_line(m: SuspiciousMail, width: int) -> list[str]:
    """One suspicious mail: its number, date, sender and subject (links removed), and why."""
    seen = f" (seen {m.seen_at.date().isoformat()})" if m.seen_at else ""
    return _wrap(f"#{m.id}  {m.date.date().isoformat()}  {defanged(m.sender)}  "
                 f"{defanged(m.subject)!r}: {clean(m.reason)}{seen}", width,
                 indent="  ", subsequent="      ", breaking=True)


def _unverified_lines(states: list[AccountState], width: int) -> list[str]:
    """Flow mails from a Meta domain that nothing vouched for: never a filing or a yes (issue 14)."""
    lines = []
    for s in states:
        if s.unverified:
            what = ", ".join(f"{e.kind} of {e.date.date().isoformat()}" for e in s.unverified)
            lines += _wrap(f"{clean(s.key, KEY_LIMIT)}: UNVERIFIED {what}: no valid DKIM signature "
                           "of Meta (yet); not counted as filed or confirmed (`why` shows why)",
                           width, indent="  ", subsequent="      ")
    if lines:
        lines[:0] = ["", "Unverified mail (checked again at a later sync when DNS failed):"]
    return lines


def why(state: AccountState, width: int | None = None) -> str:
    """Per mail that decided the account's state: date, subject, kind and the rule behind it.
    Its commands are laid out for `width` (see _command); the rest is wrapped by the caller."""
    key = clean(state.key, KEY_LIMIT)  # every value from mail is cleaned before it is shown
    lines = [f"{key}: {state_label(state)}"
             + (f" (by {clean(state.covered_by, KEY_LIMIT)}, a linked account)"
                if state.covered_by else "")
             + f" since {state.since.date().isoformat()}"]
    if account_unknown(state):
        lines += [f"  {line}" for line in unknown_lines(state, (width or terminal_width()) - 2)]
    lines += [f"  {line}" for line in request_lines(state)]
    if state.not_covered_by:
        lines.append(f"  linked to {clean(state.not_covered_by, KEY_LIMIT)}, whose confirmation does "
                     "not say it covers the accounts in its Accounts Center: this account needs "
                     "its own objection")
    if state.state == "check_reply":
        lines.append("  Meta answered, but not as a clear yes or no: open the mail below, then")
        lines += _command(f"objection-tracker mark {key} confirmed", width or terminal_width())
        lines.append("  (or: submitted instead of confirmed)")
    events = sorted([*state.evidence, *state.marks], key=lambda e: e.date)
    if not events:
        lines.append("  no mail names this account yet")
    for e in events:
        when = e.date.date().isoformat()
        if e.kind.startswith("mark:"):
            note = f": {clean(e.note)}" if e.note else ""
            lines.append(f"  {when}  you marked it {e.kind.removeprefix('mark:')}{note}")
            continue
        mark = " UNVERIFIED" if (e.authenticity or "").startswith("unverified") else ""
        lines.append(f"  {when}  {e.kind:<17} \"{clean(e.subject)}\"{mark}")
        reason = clean(e.reason or "recorded before reasons were kept", None)
        lines.append(f"              why: {reason}")
        if e.authenticity:
            lines.append(f"              from: {clean(e.authenticity, None)}")
    if state.objection_url and state.state in PENDING:
        lines.append(f"  act on: {clean(state.objection_url, None)}")
    return "\n".join(lines)


def _rows(states: list[AccountState], width: int) -> list[str]:
    """ACCOUNT STATE SINCE, aligned. An account too long for its column gets a line of its own,
    and so does a long "(by ...)" and the link to act on."""
    rows = [("ACCOUNT", "STATE", "", "SINCE")]
    links: list[str | None] = [None]
    hints: list[list[str]] = [[]]
    for s in states:
        act = s.objection_url if s.state in PENDING or s.state == "no_objection_available" else None
        by = f"(by {clean(s.covered_by, KEY_LIMIT)})" if s.covered_by else ""
        rows.append((clean(s.key, KEY_LIMIT), state_label(s), by, s.since.date().isoformat()))
        links.append(clean(act, None) if act else None)
        hints.append((unknown_lines(s, width - 4) if account_unknown(s) else [])
                     + [line for text in request_lines(s) for line in _wrap(text, width - 4)]
                     + (check_reply_hint(clean(s.key, KEY_LIMIT)) if s.state == "check_reply" else []))
    # "(by ...)" stays in the column when the column still leaves room for the account
    state_width = max(len(f"{r[1]} {r[2]}".strip()) if len(r[1]) + len(r[2]) < 30 else len(r[1])
                      for r in rows)
    fixed = 2 + state_width + 2 + len("YYYY-MM-DD")
    account_width = max(7, min(max(len(r[0]) for r in rows), width - fixed))
    lines = []
    for (key, state, by, since), link, hint in zip(rows, links, hints, strict=True):
        shown = f"{state} {by}".strip()
        by_below = len(shown) > state_width
        rest = f"{(state if by_below else shown).ljust(state_width)}  {since}"
        if len(key) > account_width:
            lines.append(key)
            lines.append(f"{'':{account_width}}  {rest}".rstrip())
        else:
            lines.append(f"{key.ljust(account_width)}  {rest}".rstrip())
        if by_below:
            lines.append(f"    {by}")
        lines += [f"    {line}" for line in hint]
        if link:
            lines.append(f"    act on: {link}" if 12 + len(link) <= width else f"    {link}")
    return lines


def label(s: AccountState) -> str:
    """The state as people read it: "confirmed (by instagram:anna.photos)"."""
    return LABELS[s.state] + (f" (by {clean(s.covered_by, KEY_LIMIT)})" if s.covered_by else "")


def not_covered(s: AccountState, states: list[AccountState]) -> str | None:
    """Why a linked account is not confirmed by its member's yes, in one line (issue 22 item 3)."""
    if s.not_covered_by is None:
        return None
    by = next((o for o in states if o.key == s.not_covered_by), None)
    when = f" of {by.confirmed_at.date().isoformat()}" if by and by.confirmed_at else ""
    return (f"{clean(s.key, KEY_LIMIT)} stays {LABELS[s.state]}: the confirmation{when} for "
            f"{clean(s.not_covered_by, KEY_LIMIT)} does not say it covers the accounts in its "
            "Accounts Center, so this account needs its own objection.")


def accounts_listing(states: list[AccountState], width: int | None = None) -> list[str]:
    """`accounts`: the linked groups first, then the rest, with the states in one column."""
    groups: dict[tuple[str, ...], list[AccountState]] = {}
    for s in states:
        groups.setdefault(s.group or (s.key,), []).append(s)
    if not groups:
        return ["No accounts yet."]
    width = width or terminal_width()
    room = width - 2 - max(len(label) for label in LABELS.values())
    shown = [len(clean(s.key, KEY_LIMIT)) + (2 if s.group else 0) for s in states]
    column = max([n for n in shown if n <= room] or [min(shown)])
    lines = []
    for members, group in sorted(groups.items(), key=lambda g: (len(g[0]) == 1, g[0])):
        indent = "  " if len(members) > 1 else ""
        if indent:
            lines.append("Accounts Center group:")
        for s in group:
            key = indent + clean(s.key, KEY_LIMIT)
            state, by = LABELS[s.state], f"(by {clean(s.covered_by, KEY_LIMIT)})" if s.covered_by else ""
            if len(key) > column:
                lines.append(key)
                key = ""
            if column + 3 + len(state) + len(by) > width and by:
                lines += [f"{key.ljust(column)}  {state}", f"{'':{column}}  {by}"]
            else:
                lines.append(f"{key.ljust(column)}  {state} {by}".rstrip())
    return lines


def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None,
          breaking: bool = False) -> list[str]:
    # Words (URLs, account keys) are broken only in text that has no links left (`breaking`).
    return textwrap.wrap(text, width, initial_indent=indent,
                         subsequent_indent=indent if subsequent is None else subsequent,
                         break_long_words=breaking, break_on_hyphens=False) or [""]


def _command(command: str, width: int) -> list[str]:
    """A shell command wrapped with backslashes, so that it still pastes as one command."""
    lines = _wrap(command, width - 2, indent="  ", subsequent="    ")
    return [line + " \\" for line in lines[:-1]] + lines[-1:]
