"""When Meta does not answer (issue 23 item 5): the reminder to send Meta, and the complaint to a
supervisory authority with the account's facts, dates and evidence list. Pure: the caller writes
the complaint through tracker.act.folder.Folder next to the account's evidence.

The steps are the ones peers use (FG "Deadlines peers use", datenanfragen.de): a request is
overdue 31 days after it was made, a reminder follows, then a complaint (Art. 77 GDPR). Meta
Platforms Ireland Ltd. is Meta's EU establishment, so Ireland's Data Protection Commission is the
authority unless the config names another (`[complaint] authority`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tracker.act.letter_words import LETTERS, LetterWords
from tracker.act.report import LABELS
from tracker.errors import ConfigError, TrackerError
from tracker.sanitize import clean
from tracker.store.state import AccountState

DEFAULT_AUTHORITY = "ie-dpc"
CONTROLLER = "Meta Platforms Ireland Limited, Merrion Road, Dublin 4, D04 X2K5, Ireland"
ANSWER_WITHIN = dt.timedelta(days=14)  # what the reminder gives Meta before the complaint
PLATFORM_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
                  "whatsapp": "WhatsApp"}


@dataclass(frozen=True)
class Authority:
    key: str  # its key in authorities.toml; "" for one the config names in its own words
    name: str
    lines: tuple[str, ...] = ()
    website: str | None = None
    language: str = "en"

    def block(self) -> list[str]:
        return [self.name, *self.lines, *([self.website] if self.website else [])]


@dataclass(frozen=True)
class Letter:
    subject: str
    text: str


@cache
def authorities() -> dict[str, Authority]:
    data = tomllib.loads((Path(__file__).with_name("authorities.toml")).read_text(encoding="utf-8"))
    return {key: Authority(key, v["name"], tuple(v.get("lines", ())), v.get("website"),
                           v.get("language", "en")) for key, v in data.items()}


def authority(value: str | None) -> Authority:
    """The authority the config names: a key of authorities.toml, else its own words (an authority
    the file does not list, addressed by the name the person wrote)."""
    known = authorities()
    key = (value or DEFAULT_AUTHORITY).strip()
    if key.lower() in known:
        return known[key.lower()]
    if not key:
        raise ConfigError("complaint.authority: empty")
    return Authority("", key)


def words(language: str | None, fallback: str = "en") -> LetterWords:
    code = (language or fallback).lower()
    if code not in LETTERS:
        raise TrackerError(f"{code!r}: the letters are written in {', '.join(LETTERS)}")
    return LETTERS[code]


def _day(value: dt.datetime) -> str:
    return value.date().isoformat()


def _facts(state: AccountState) -> dict[str, str]:
    return {"account": clean(state.account, 280), "platform": PLATFORM_NAMES.get(state.platform,
                                                                                  state.platform),
            "addresses": ", ".join(clean(a, 280) for a in state.addresses) or clean(state.account, 280)}


def filed_at(state: AccountState) -> dt.datetime | None:
    """When the objection Meta owes an answer to was filed: the filing the state counts from."""
    if state.state == "in_progress":
        return state.since
    return state.submitted_at


def reminder(state: AccountState, now: dt.datetime, w: LetterWords, name: str | None = None) -> Letter:
    """The reminder to send Meta once an objection is overdue (due 14 days after that)."""
    if not state.overdue or state.overdue_since is None:
        raise TrackerError(_not_overdue(state))
    filed = filed_at(state) or state.since
    values = {**_facts(state), "filed": _day(filed), "overdue_since": _day(state.overdue_since),
              "answer_by": _day(now + ANSWER_WITHIN)}
    subject = w.reminder_subject.format(**values)
    body = [w.reminder_greeting, "", *(p.format(**values) + "\n" for p in w.reminder_body),
            w.reminder_close, name or w.unnamed]
    return Letter(subject, f"{subject}\n\n" + "\n".join(body) + "\n")


def complaint(state: AccountState, now: dt.datetime, w: LetterWords, to: Authority, *,
              name: str | None = None, reminded: dt.date | None = None,
              folder: str = "evidence", files: list[tuple[str, str]] = ()) -> Letter:
    """The complaint's text: who, against whom, the facts with their dates, what is asked, and
    the evidence enclosed (each file with its SHA-256)."""
    rejected = state.state == "rejected" and state.rejected_at is not None
    if not (state.overdue or rejected):
        raise TrackerError(_not_overdue(state))
    values = _facts(state)
    lines = [*to.block(), "", w.complaint_title, "",
             f"{w.complainant}: {name or w.unnamed} ({values['addresses']})",
             f"{w.controller}: {CONTROLLER}",
             f"{w.account}: {values['platform']} {values['account']}", "", w.facts]
    facts = []
    if state.last_notice_at:
        facts.append(w.fact_notice.format(notice=_day(state.last_notice_at)))
    filed = filed_at(state)
    if filed:
        facts.append(w.fact_filed.format(filed=_day(filed)))
    if reminded:
        facts.append(w.fact_reminded.format(reminded=reminded.isoformat()))
    if rejected and state.rejected_at:
        facts.append(w.fact_rejected.format(rejected=_day(state.rejected_at)))
    elif state.overdue_since and filed:
        facts.append(w.fact_overdue.format(overdue_since=_day(state.overdue_since), today=_day(now),
                                           days=(now - filed).days))
    lines += [f"{i}. {fact}" for i, fact in enumerate(facts, 1)]
    lines += ["", w.ask, w.ask_text, "", w.evidence, w.evidence_intro.format(folder=f"{folder}/"),
              "", f"{w.events}:"]
    events = sorted([*state.evidence, *state.marks], key=lambda e: e.date)
    for e in events:
        if e.kind == "other":
            continue
        what = e.kind.removeprefix("mark:")
        subject = f' "{clean(e.subject, 200)}"' if e.subject else ""
        lines.append(f"- {_day(e.date)}  {what}{subject}")
    if files:
        lines += ["", f"{w.files}:"]
        lines += [f"- {folder}/{file}  SHA-256 {digest}" for file, digest in files]
    lines += ["", w.signature.format(today=_day(now), name=name or w.unnamed)]
    return Letter(w.complaint_title, "\n".join(lines) + "\n")


def _not_overdue(state: AccountState) -> str:
    key = clean(state.key, 280)
    if state.state == "in_progress":
        due = state.since + dt.timedelta(days=31)
        return (f"{key}: filed {_day(state.since)}; Meta has until {_day(due)} to answer, so "
                "nothing is overdue yet")
    return (f"{key} is {LABELS[state.state]}: a reminder or complaint is for an objection Meta has "
            "not answered in 31 days, or refused")
