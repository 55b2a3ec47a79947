"""One account's proof, for a complaint: its flow mails as received, and a page and a text saying
what happened when (issue 14).

`export` writes into a folder: each flow mail as an .eml, byte for byte as the server sent it;
evidence.html, one self-contained page (no external request of any kind: no link, image, font or
script) that prints readably; evidence.txt, the same as text. Every value that came from mail
passes tracker.sanitize.clean before it is written, and html.escape in the page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.act.report import LABELS
from tracker.recognition.verify import FLOW_KINDS
from tracker.sanitize import clean
from tracker.store import models
from tracker.store.state import AccountState, unverified

OVERDUE_DAYS = 31  # after this without an answer, a complaint to a data protection authority
KIND_LABELS = {"notice": "Meta's notice", "verification_code": "verification code",
               "acknowledgement": "Meta's acknowledgement", "confirmation": "Meta's confirmation",
               "rejection": "Meta's rejection", "unclear_reply": "Meta's reply (unclear)",
               "mark:submitted": "you filed the objection", "mark:confirmed": "you marked it confirmed",
               "mark:ignored": "you marked it ignored", "mark:reset": "you reset your marks"}


@dataclass(frozen=True)
class Mail:
    date: dt.datetime
    kind: str
    subject: str
    sender: str
    message_id: str | None
    mailbox: str
    folder: str
    dkim_result: str | None
    dkim_domain: str | None
    dkim_selector: str | None
    dkim_detail: str | None
    authenticity: str | None
    raw: bytes | None
    file: str | None = None  # the .eml written for it


@dataclass(frozen=True)
class Event:
    date: dt.datetime
    what: str
    days_since_previous: int | None
    note: str = ""


def account_mails(session: Session, platform: str, account: str) -> list[Mail]:
    rows = session.scalars(select(models.Finding).join(models.Finding.account_row).where(
        models.Account.platform == platform, models.Account.account == account,
        models.Finding.kind.in_(FLOW_KINDS)).order_by(models.Finding.date, models.Finding.id))
    return [Mail(r.date, r.kind, r.subject, r.sender, r.message_id, r.mailbox, r.folder,
                 r.dkim_result, r.dkim_domain, r.dkim_selector, r.dkim_detail, r.authenticity, r.raw)
            for r in rows]


def export(state: AccountState, mails: list[Mail], out: Path,
           now: dt.datetime | None = None) -> list[Path]:
    """Write the account's evidence into `out` (created). Returns the files written."""
    now = now or dt.datetime.now(dt.UTC)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    named: list[Mail] = []
    for i, mail in enumerate(mails, 1):
        name = None
        if mail.raw is not None:
            name = f"{i:02d}_{mail.date.date().isoformat()}_{mail.kind}.eml"
            (out / name).write_bytes(mail.raw)
            written.append(out / name)
        named.append(Mail(**{**mail.__dict__, "file": name}))
    events = timeline(state, named, now)
    (out / "evidence.txt").write_text(as_text(state, named, events, now), encoding="utf-8")
    (out / "evidence.html").write_text(as_html(state, named, events, now), encoding="utf-8")
    return [*written, out / "evidence.txt", out / "evidence.html"]


def folder_name(key: str) -> str:
    """A file-system-safe folder for one account under `--all`."""
    return re.sub(r"[^A-Za-z0-9@._+-]+", "_", key).strip("._") or "account"


def timeline(state: AccountState, mails: list[Mail], now: dt.datetime) -> list[Event]:
    items = [(m.date, m.kind, m) for m in mails] + \
            [(e.date, e.kind, None) for e in state.marks]
    items.sort(key=lambda i: i[0])
    events: list[Event] = []
    previous: dt.datetime | None = None
    filed: dt.datetime | None = None
    for date, kind, mail in items:
        note = ""
        if mail is not None and mail.authenticity and mail.authenticity.startswith("unverified"):
            note = "UNVERIFIED: not counted"
        if kind in ("verification_code", "acknowledgement", "mark:submitted") and filed is None \
                and not note:
            filed = date
        if kind in ("confirmation", "rejection", "unclear_reply") and filed is not None:
            waited = (date - filed).days
            note = "; ".join(filter(None, [note, f"{waited} days after filing"
                                           + (" (overdue: more than 31 days)" if waited > OVERDUE_DAYS
                                              else "")]))
            filed = None
        events.append(Event(date, KIND_LABELS.get(kind, kind), (date - previous).days
                            if previous else None, note))
        previous = date
    if filed is not None:
        waited = (now - filed).days
        events.append(Event(now, "today: no answer from Meta yet", (now - previous).days if previous
                            else None, f"{waited} days since filing"
                            + (" - OVERDUE (more than 31 days): a complaint to a data protection "
                               "authority is possible" if waited > OVERDUE_DAYS else "")))
    return events


def dkim_line(mail: Mail) -> str:
    if mail.dkim_result is None:
        return "not checked by the tracker (recorded before it kept DKIM verdicts)"
    where = f" d={mail.dkim_domain} s={mail.dkim_selector}" if mail.dkim_domain else ""
    text = f"{mail.dkim_result}{where}"
    if mail.dkim_result != "pass" and mail.dkim_detail:
        text += f" ({mail.dkim_detail})"
    return clean(text, 400)


def _head(state: AccountState, now: dt.datetime) -> list[tuple[str, str]]:
    rows = [("Account", clean(state.key)), ("State", f"{LABELS[state.state]} since "
                                            f"{state.since.date().isoformat()}")]
    if state.addresses:
        rows.append(("Addresses", clean(", ".join(state.addresses))))
    rows.append(("Generated", now.strftime("%Y-%m-%d %H:%M UTC") + " by objection-tracker"))
    return rows


def as_text(state: AccountState, mails: list[Mail], events: list[Event], now: dt.datetime) -> str:
    lines = [f"Evidence: objection to Meta's use of data for AI, {clean(state.key)}", ""]
    lines += [f"{k + ':':<11}{v}" for k, v in _head(state, now)]
    lines += ["", "Timeline"]
    for e in events:
        gap = f"+{e.days_since_previous} d" if e.days_since_previous is not None else ""
        note = f"  [{e.note}]" if e.note else ""
        lines.append(f"  {e.date.date().isoformat()}  {gap:>7}  {e.what}{note}")
    lines += ["", f"Mails ({len(mails)})"]
    for i, m in enumerate(mails, 1):
        lines += [f"  {i}. {m.date.strftime('%Y-%m-%d %H:%M UTC')}  {KIND_LABELS.get(m.kind, m.kind)}",
                  f"     Subject: {clean(m.subject)}",
                  f"     From: {clean(m.sender)}",
                  f"     Message-ID: {clean(m.message_id or '-')}",
                  f"     DKIM: {dkim_line(m)}",
                  f"     Found in: {clean(m.mailbox)} / {clean(m.folder)}",
                  f"     File: {m.file or 'not kept (recorded before raw mail was stored)'}"]
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #000; background: #fff;
       max-width: 60em; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 .6em; } h2 { font-size: 12.5pt; margin: 1.4em 0 .4em;
     border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
        padding: .25em .5em; border: 1px solid #999; } th { background: #eee; }
table.head th { width: 9em; } .pass { font-weight: bold; } .bad { font-weight: bold; color: #a00; }
.mail { border: 1px solid #999; padding: .4em .6em; margin: .5em 0; page-break-inside: avoid; }
.mail dl { display: grid; grid-template-columns: 8em 1fr; margin: 0; } .mail dt { font-weight: bold; }
.mail dd { margin: 0; overflow-wrap: anywhere; } .note { font-weight: bold; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { page-break-after: avoid; } }
"""


def as_html(state: AccountState, mails: list[Mail], events: list[Event], now: dt.datetime) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           # No request may leave the page: not even the browser's own defaults.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">",
           f"<title>Evidence: {e(clean(state.key))}</title><style>{_CSS}</style></head><body>",
           f"<h1>Objection to Meta's use of data for AI: {e(clean(state.key))}</h1>",
           '<table class="head">']
    out += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _head(state, now)]
    out += ["</table>", "<h2>Timeline</h2>",
            "<table><tr><th>Date</th><th>Days since previous</th><th>Event</th><th>Note</th></tr>"]
    for ev in events:
        gap = str(ev.days_since_previous) if ev.days_since_previous is not None else ""
        cls = ' class="bad"' if "OVERDUE" in ev.note.upper() or "UNVERIFIED" in ev.note else ""
        out.append(f"<tr><td>{ev.date.date().isoformat()}</td><td>{gap}</td><td>{e(ev.what)}</td>"
                   f"<td{cls}>{e(ev.note)}</td></tr>")
    out += ["</table>", f"<h2>Mails ({len(mails)})</h2>"]
    for i, m in enumerate(mails, 1):
        verdict = dkim_line(m)
        cls = "pass" if m.dkim_result == "pass" else "bad"
        status = " (UNVERIFIED: not counted)" if unverified_mail(m) else ""
        out.append(f'<div class="mail"><b>{i}. {e(KIND_LABELS.get(m.kind, m.kind))}</b>{e(status)}<dl>'
                   f"<dt>Date</dt><dd>{m.date.strftime('%Y-%m-%d %H:%M UTC')}</dd>"
                   f"<dt>Subject</dt><dd>{e(clean(m.subject))}</dd>"
                   f"<dt>From</dt><dd>{e(clean(m.sender))}</dd>"
                   f"<dt>Message-ID</dt><dd>{e(clean(m.message_id or '-'))}</dd>"
                   f'<dt>DKIM</dt><dd class="{cls}">{e(verdict)}</dd>'
                   f"<dt>Found in</dt><dd>{e(clean(m.mailbox))} / {e(clean(m.folder))}</dd>"
                   f"<dt>File</dt><dd>{e(m.file or 'not kept (recorded before raw mail was stored)')}"
                   "</dd></dl></div>")
    out.append("<p>Each mail is attached as an .eml file exactly as the mail server delivered it; "
               "its DKIM signature can be checked again by anyone with the file.</p></body></html>")
    return "\n".join(out) + "\n"


def unverified_mail(m: Mail) -> bool:
    return bool(m.authenticity and m.authenticity.startswith("unverified"))


__all__ = ["export", "account_mails", "folder_name", "unverified"]
