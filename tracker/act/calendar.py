"""Account states -> their deadlines as an iCalendar file (RFC 5545) a person subscribes to.

Each filing Meta has not answered gets the day its month runs out (Art. 12(3) GDPR); an overdue
one the day a reminder is due (14 days later) and the day a complaint is the next step (14 days
after the reminder), as tracker.store.state and datenanfragen.de count them. A third-party
request that Meta confirmed receiving gets its month too. Each event keeps one UID across runs,
so a calendar that reloads the file moves an event instead of adding it twice. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from tracker.sanitize import clean
from tracker.store.state import OVERDUE_AFTER, REMIND_AFTER, AccountState

COMPLAINT_AFTER = REMIND_AFTER  # the reminder gives Meta 14 days before the complaint
PRODID = "-//objection-tracker//deadlines//EN"


@dataclass(frozen=True)
class Deadline:
    day: dt.date
    what: str  # answer_due | reminder | complaint | request_answer_due
    key: str
    summary: str
    description: str


def deadlines(states: list[AccountState]) -> list[Deadline]:
    found = []
    for s in states:
        key = clean(s.key, 280)
        if s.state == "in_progress":
            found.append(Deadline((s.since + OVERDUE_AFTER).date(), "answer_due", key,
                                  f"Meta's answer due: {key}",
                                  f"Objection filed {s.since.date().isoformat()}; Meta has one "
                                  "month to act on it (Art. 12(3) GDPR). Check: objection-tracker "
                                  f"status. If no answer: objection-tracker reminder-text {key}"))
        if s.overdue and s.overdue_since:
            remind = s.overdue_since + REMIND_AFTER
            found.append(Deadline(remind.date(), "reminder", key, f"Remind Meta: {key}",
                                  f"Overdue since {s.overdue_since.date().isoformat()}. Send: "
                                  f"objection-tracker reminder-text {key}"))
            found.append(Deadline((remind + COMPLAINT_AFTER).date(), "complaint", key,
                                  f"Complaint possible: {key}",
                                  "No answer after the reminder: objection-tracker complaint "
                                  f"{key} --out DIR"))
        for r in s.requests:
            if r.state == "submitted":
                found.append(Deadline((r.since + OVERDUE_AFTER).date(), f"{r.kind}_answer_due", key,
                                      f"Meta's answer due (third-party request): {key}",
                                      f"Meta confirmed receiving it on {r.since.date().isoformat()}."))
    return sorted(found, key=lambda d: (d.day, d.key, d.what))


def as_ics(states: list[AccountState], now: dt.datetime) -> str:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Objections to Meta's AI: deadlines"]
    for d in deadlines(states):
        uid = hashlib.sha256(f"{d.key}\n{d.what}".encode()).hexdigest()[:32]
        lines += ["BEGIN:VEVENT", f"UID:{uid}@objection-tracker", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{d.day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{d.day + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{_text(d.summary)}", f"DESCRIPTION:{_text(d.description)}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _text(value: str) -> str:
    """TEXT as RFC 5545 3.3.11 escapes it; account names come from mail and may hold anything."""
    value = "".join(c for c in value if c >= " " or c == "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines of at most 75 octets (RFC 5545 3.1), never splitting a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > (75 if not parts else 74):
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)
