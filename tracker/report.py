"""AccountState -> the status table people read and the JSON contract scripts read."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tracker.db.repo import Evidence, SuspiciousMail
from tracker.state import PENDING, STATES, AccountState

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
# What to do about a reply the tracker could not read, shown where a form link would be.
CHECK_REPLY_HINT = "Meta answered: open the mail (`objection-tracker why {key}`), then mark it " \
                   "confirmed or submitted"


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
            found.append({"confirmed": s.key, "pending": waiting,
                          "command": f"objection-tracker link {s.key} " + " ".join(waiting)})
    return found


URL = re.compile(r"(?:https?|ftp)://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def defanged(text: str) -> str:
    """Text from a mail that claims to be Meta and is not: no links, no terminal control codes
    (an OSC 8 sequence in a display name would make a clickable link in many terminals)."""
    return URL.sub("[link removed]", CONTROL.sub(" ", text))


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
            {"date": iso(m.date), "from": defanged(m.sender), "subject": defanged(m.subject),
             "reason": m.reason,
             "mailbox": m.mailbox, "folder": m.folder}
            for m in suspicious
        ],
    }


def _account(s: AccountState) -> dict[str, Any]:
    return {
        "platform": s.platform,
        "account": s.account,
        "addresses": list(s.addresses),
        "mailboxes": list(s.mailboxes),
        "state": s.state,
        "since": iso(s.since),
        "source": s.source,
        "objection_url": s.objection_url,
        "last_notice_at": iso(s.last_notice_at),
        "submitted_at": iso(s.submitted_at),
        "confirmed_at": iso(s.confirmed_at),
        "rejected_at": iso(s.rejected_at),
        "group": list(s.group) or None,
        "covered_by": s.covered_by,
        "evidence": [_evidence(e) for e in s.evidence],
        # flow mails nothing vouched for (no Meta DKIM signature or no key yet): never counted
        "unverified": [{"kind": e.kind, "date": iso(e.date)} for e in s.unverified],
        "marks": [{"action": m.kind.removeprefix("mark:"), "date": iso(m.date), "note": m.note}
                  for m in s.marks],
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"kind": e.kind, "date": iso(e.date), "subject": e.subject, "message_id": e.message_id,
            "mailbox": e.mailbox, "folder": e.folder, "language": e.language, "reason": e.reason,
            "authenticity": e.authenticity}


def as_table(states: list[AccountState], suspicious: list[SuspiciousMail],
             unparseable: int = 0) -> str:
    if not states:
        lines = ["No Meta accounts found yet. Run `objection-tracker sync` (or `import` a mail "
                 "export), or add one by hand with `objection-tracker mark`."]
    else:
        rows = [("ACCOUNT", "STATE", "SINCE", "ACT ON")]
        for s in states:
            act = s.objection_url if s.state in PENDING or s.state == "no_objection_available" \
                else ""
            if s.state == "check_reply":
                act = CHECK_REPLY_HINT.format(key=s.key)
            label = LABELS[s.state] + (f" (by {s.covered_by})" if s.covered_by else "")
            rows.append((s.key, label, s.since.date().isoformat(), act or ""))
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        lines = ["  ".join(r[i].ljust(widths[i]) for i in range(3)) + "  " + r[3]
                 for r in rows]
        lines = [line.rstrip() for line in lines]
        counts = {state: sum(1 for s in states if s.state == state) for state in STATES}
        lines.append("")
        lines.append(", ".join(f"{n} {LABELS[state]}" for state, n in counts.items() if n))
    lines += _unverified_lines(states)
    for hint in link_suggestions(states):
        lines.append("")
        lines.append(f"{hint['confirmed']}'s confirmation says it also covers the accounts in its "
                     f"Accounts Center. If {', '.join(hint['pending'])} "
                     f"{'is' if len(hint['pending']) == 1 else 'are'} linked there, run:")
        lines.append(f"  {hint['command']}")
    if suspicious:
        lines.append("")
        lines.append(f"{len(suspicious)} suspicious mail(s) claiming to be Meta (links not shown;"
                     " do not act on them):")
        for m in suspicious[-10:]:
            lines.append(f"  {m.date.date().isoformat()}  {defanged(m.sender)}  "
                         f"{defanged(m.subject)!r}: {m.reason}")
    if unparseable:
        lines.append("")
        lines.append(f"{unparseable} message(s) could not be read; "
                     "`status --format json` does not list them, `sync -v` logs why.")
    return "\n".join(lines)


def _unverified_lines(states: list[AccountState]) -> list[str]:
    """Flow mails from a Meta domain that nothing vouched for: never a filing or a yes (issue 14)."""
    lines = []
    for s in states:
        if s.unverified:
            what = ", ".join(f"{e.kind} of {e.date.date().isoformat()}" for e in s.unverified)
            lines.append(f"  {s.key}: UNVERIFIED {what}: no valid DKIM signature of Meta (yet); "
                         "not counted as filed or confirmed (`why` shows why)")
    if lines:
        lines.insert(0, "")
        lines.insert(1, "Unverified mail (checked again at the next sync when DNS failed):")
    return lines


def why(state: AccountState) -> str:
    """Per mail that decided the account's state: date, subject, kind and the rule behind it."""
    lines = [f"{state.key}: {LABELS[state.state]}"
             + (f" (by {state.covered_by}, a linked account)" if state.covered_by else "")
             + f" since {state.since.date().isoformat()}"]
    if state.state == "check_reply":
        lines.append("  " + CHECK_REPLY_HINT.format(key=state.key).replace(
            f" (`objection-tracker why {state.key}`)", ""))
    events = sorted([*state.evidence, *state.marks], key=lambda e: e.date)
    if not events:
        lines.append("  no mail names this account yet")
    for e in events:
        when = e.date.date().isoformat()
        if e.kind.startswith("mark:"):
            note = f": {e.note}" if e.note else ""
            lines.append(f"  {when}  you marked it {e.kind.removeprefix('mark:')}{note}")
            continue
        mark = " UNVERIFIED" if (e.authenticity or "").startswith("unverified") else ""
        lines.append(f"  {when}  {e.kind:<17} \"{CONTROL.sub(' ', e.subject)}\"{mark}")
        reason = CONTROL.sub(" ", e.reason or "recorded before reasons were kept")
        lines.append(f"              why: {reason}")
        if e.authenticity:
            lines.append(f"              from: {e.authenticity}")
    if state.objection_url and state.state in PENDING:
        lines.append(f"  act on: {state.objection_url}")
    return "\n".join(lines)
