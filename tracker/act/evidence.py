"""One account's proof, for a complaint: its flow mails as received, and a page and a text saying
what happened when (issue 14).

`export` writes into a folder (a tracker.act.folder.Folder: new files only, 0600, never through a
link): each flow mail as an .eml, byte for byte as the server sent it, with its SHA-256 on the page
and in SHA256SUMS (`sha256sum -c SHA256SUMS` checks them); evidence.html, one self-contained page
(no external request of any kind: no link, image, font or script) that prints on A4; evidence.txt,
the same as text. The page shows the verdict that decided each mail (the tracker's DKIM check, or
the user's server's Authentication-Results under its authserv-id) and the text of Meta's replies
(issue 22 item 4). `index` writes the overview of `--all`. Every value that came from mail passes
tracker.sanitize.clean before it is written, and html.escape in the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.act.folder import Folder, account_folder_name
from tracker.act.report import LABELS
from tracker.recognition.verify import FLOW_KINDS
from tracker.sanitize import clean
from tracker.store import models
from tracker.store.state import AccountState, unverified

REPLY_KINDS = ("acknowledgement", "confirmation", "rejection", "unclear_reply")
REPLY_CHARS = 6000  # Meta's replies are a few paragraphs; more is not Meta's template
_SAID_BY = re.compile(r"said by (\S+)$")
OVERDUE_DAYS = 31  # after this without an answer, a complaint to a data protection authority
KIND_LABELS = {"notice": "Meta's notice", "verification_code": "verification code",
               "acknowledgement": "Meta's acknowledgement", "confirmation": "Meta's confirmation",
               "rejection": "Meta's rejection", "unclear_reply": "Meta's reply (unclear)",
               "third_party_reply": "Meta's reply to the third-party form",
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
    sha256: str | None = None  # of that file

    @property
    def reply_text(self) -> str | None:
        """What Meta's reply says, as the reader of the mail sees it; None for other mail."""
        if self.raw is None or self.kind not in REPLY_KINDS:
            return None
        from tracker.recognition.parse import parse  # late: parsing is only needed here
        return parse(self.raw).text.strip()[:REPLY_CHARS] or None


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


def export(state: AccountState, mails: list[Mail], folder: Folder,
           now: dt.datetime | None = None) -> list[Path]:
    """Write the account's evidence into `folder`. Returns the files written."""
    now = now or dt.datetime.now(dt.UTC)
    named: list[Mail] = []
    sums: list[str] = []
    for i, mail in enumerate(mails, 1):
        if mail.raw is None:
            named.append(mail)
            continue
        name = eml_name(i, mail)
        digest = hashlib.sha256(mail.raw).hexdigest()
        folder.write(name, mail.raw)
        sums.append(f"{digest}  {name}\n")
        named.append(replace(mail, file=name, sha256=digest))
    events = timeline(state, named, now)
    if sums:
        folder.write("SHA256SUMS", "".join(sums))
    folder.write("evidence.txt", as_text(state, named, events, now))
    folder.write("evidence.html", as_html(state, named, events, now))
    return list(folder.written)


def eml_name(position: int, mail: Mail) -> str:
    """The file name of the `position`th mail (from 1) in the account's folder."""
    return f"{position:02d}_{mail.date.date().isoformat()}_{mail.kind}.eml"


def kept(mails: list[Mail]) -> list[tuple[str, str]]:
    """(file name, SHA-256) of every mail `export` keeps as .eml, as SHA256SUMS lists them."""
    return [(eml_name(i, m), hashlib.sha256(m.raw).hexdigest())
            for i, m in enumerate(mails, 1) if m.raw is not None]


def folder_name(key: str) -> str:
    """The folder of one account under `--all`: distinct even for keys that differ by one
    character a file name cannot hold."""
    return account_folder_name(key)


def index(states: list[AccountState], folders: dict[str, str], folder: Folder,
          now: dt.datetime | None = None) -> list[Path]:
    """The overview of `--all`: every account, its state and dates, and its folder."""
    now = now or dt.datetime.now(dt.UTC)
    rows = [_index_row(s, folders.get(s.key, "")) for s in states]
    accounts = f"{len(states)} account{'' if len(states) == 1 else 's'}"
    text = [f"Evidence: objection to Meta's use of data for AI, {accounts}",
            f"Generated: {now.strftime('%Y-%m-%d %H:%M UTC')} by objection-tracker", ""]
    for row in rows:
        text.append(f"{row[0]}\n  state: {row[1]}; notice: {row[2]}; filed: {row[3]}; "
                    f"answered: {row[4]}\n  folder: {row[5]}")
    e = html.escape
    page = [*_page_head(f"Evidence: {accounts}"),
            "<h1>Objection to Meta's use of data for AI: every account</h1>",
            f"<p>Generated {now.strftime('%Y-%m-%d %H:%M UTC')} by objection-tracker. Each account's "
            "folder holds its evidence.html, evidence.txt, the mails as .eml and SHA256SUMS.</p>",
            "<table><tr><th>Account</th><th>State</th><th>Meta's notice</th><th>Filed</th>"
            "<th>Answered</th><th>Folder</th></tr>"]
    page += ["<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    page += ["</table></body></html>"]
    return [folder.write("index.txt", "\n".join(text) + "\n"),
            folder.write("index.html", "\n".join(page) + "\n")]


def _index_row(s: AccountState, folder: str) -> tuple[str, str, str, str, str, str]:
    def day(value: dt.datetime | None) -> str:
        return value.date().isoformat() if value else "-"
    answered = max((d for d in (s.confirmed_at, s.rejected_at, s.replied_at) if d), default=None)
    return (clean(s.key), f"{LABELS[s.state]} since {day(s.since)}", day(s.last_notice_at),
            day(s.submitted_at), day(answered), folder)


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


def decided_by(mail: Mail) -> tuple[str, bool]:
    """The verdict that decided whether the mail counts, and whether it vouches for the mail: the
    user's server's Authentication-Results (the header itself, under the authserv-id the mailbox
    trusts) when that decided, else the tracker's own DKIM check, else what is missing."""
    how = mail.authenticity or ""
    server = _SAID_BY.search(how)
    if how.startswith("authenticated") and server:
        header = _trusted_header(mail.raw, server.group(1)) if mail.raw else None
        text = f"Authentication-Results of the user's mail server ({server.group(1)})"
        return clean(text + (f": {header}" if header else ": dkim or dmarc pass"), 1200), True
    if mail.dkim_result == "pass":
        return "DKIM checked by the tracker: " + dkim_line(mail), True
    if how.startswith("authenticated"):
        return clean(how, 400), True
    return "not vouched for: " + clean(how or "no verdict recorded", 400), False


def _trusted_header(raw: bytes, authserv_id: str) -> str | None:
    from tracker.recognition.authresults import parse_auth_results
    from tracker.recognition.parse import parse
    for header in parse(raw).auth_results:  # topmost first, as the verdict took it
        parsed = parse_auth_results(header)
        if parsed and parsed.authserv_id == authserv_id.lower():
            return " ".join(header.split())
    return None


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
                  f"     Verdict: {decided_by(m)[0]}",
                  f"     DKIM: {dkim_line(m)}",
                  f"     Found in: {clean(m.mailbox)} / {clean(m.folder)}",
                  f"     File: {m.file or 'not kept (recorded before raw mail was stored)'}"]
        if m.sha256:
            lines.append(f"     SHA-256: {m.sha256}")
        reply = m.reply_text
        if reply:
            lines += ["     Meta's reply, as written:",
                      *(f"     | {clean(line, None)}" for line in reply.splitlines())]
    lines += ["", "Each mail is kept as an .eml file exactly as the mail server delivered it; "
              "`sha256sum -c SHA256SUMS` checks the files, and anyone can check their DKIM "
              "signatures again."]
    return "\n".join(lines) + "\n"


_CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #000; background: #fff;
       max-width: 60em; margin: 1.5em auto; padding: 0 1em; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 .6em; } h2 { font-size: 12.5pt; margin: 1.4em 0 .4em;
     border-bottom: 1px solid #000; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;
        padding: .25em .5em; border: 1px solid #999; overflow-wrap: anywhere; } th { background: #eee; }
tr { page-break-inside: avoid; }
table.head th { width: 9em; } .pass { font-weight: bold; } .bad { font-weight: bold; color: #a00; }
.mail { border: 1px solid #999; padding: .4em .6em; margin: .5em 0; page-break-inside: avoid; }
.mail dl { display: grid; grid-template-columns: 8em 1fr; margin: 0; } .mail dt { font-weight: bold; }
.mail dd { margin: 0; overflow-wrap: anywhere; } .note { font-weight: bold; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
blockquote { margin: .3em 0 0; padding: .3em .6em; border-left: 3px solid #666; white-space: pre-wrap;
             overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { page-break-after: avoid; }
               .mail { page-break-inside: auto; } }
"""


def _page_head(title: str) -> list[str]:
    return ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
            # No request may leave the page: not even the browser's own defaults.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">",
            f"<title>{html.escape(clean(title))}</title><style>{_CSS}</style></head><body>"]


def as_html(state: AccountState, mails: list[Mail], events: list[Event], now: dt.datetime) -> str:
    e = html.escape
    out = [*_page_head(f"Evidence: {state.key}"),
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
        verdict, vouched = decided_by(m)
        cls = "pass" if vouched else "bad"
        status = " (UNVERIFIED: not counted)" if unverified_mail(m) else ""
        out.append(f'<div class="mail"><b>{i}. {e(KIND_LABELS.get(m.kind, m.kind))}</b>{e(status)}<dl>'
                   f"<dt>Date</dt><dd>{m.date.strftime('%Y-%m-%d %H:%M UTC')}</dd>"
                   f"<dt>Subject</dt><dd>{e(clean(m.subject))}</dd>"
                   f"<dt>From</dt><dd>{e(clean(m.sender))}</dd>"
                   f"<dt>Message-ID</dt><dd>{e(clean(m.message_id or '-'))}</dd>"
                   f'<dt>Verdict</dt><dd class="{cls}">{e(verdict)}</dd>'
                   f"<dt>DKIM</dt><dd>{e(dkim_line(m))}</dd>"
                   f"<dt>Found in</dt><dd>{e(clean(m.mailbox))} / {e(clean(m.folder))}</dd>"
                   f"<dt>File</dt><dd>{e(m.file or 'not kept (recorded before raw mail was stored)')}"
                   "</dd>"
                   + (f'<dt>SHA-256</dt><dd class="hash">{m.sha256}</dd>' if m.sha256 else "")
                   + "</dl>" + _reply_html(m) + "</div>")
    out.append("<p>Each mail is attached as an .eml file exactly as the mail server delivered it; "
               "<code>sha256sum -c SHA256SUMS</code> checks the files, and anyone with them can "
               "check their DKIM signatures again.</p></body></html>")
    return "\n".join(out) + "\n"


def _reply_html(m: Mail) -> str:
    reply = m.reply_text
    if not reply:
        return ""
    lines = "\n".join(clean(line, None) for line in reply.splitlines())
    return f"<div><b>Meta's reply, as written:</b><blockquote>{html.escape(lines)}</blockquote></div>"


def unverified_mail(m: Mail) -> bool:
    return bool(m.authenticity and m.authenticity.startswith("unverified"))


__all__ = ["Folder", "export", "index", "account_mails", "folder_name", "unverified"]
