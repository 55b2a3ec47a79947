"""Watching the mailbox that receives an account's code, read-only, until Meta replies.

How: one IMAP connection per watched folder (the folders a sync reads: INBOX and the \\Junk
folder by default), each EXAMINEd and in IDLE in a thread of its own. IDLE watches the selected
folder only (RFC 2177), and leaving IDLE on one connection to poll the other folder would delay a
code that lands in Spam by the poll interval, so each folder gets its own connection (servers
allow several per user: Dovecot 10, Gmail 15). A thread only says "this folder changed"; the main
thread then runs the ordinary incremental sync of the mailbox (tracker.sync.sync_mailbox), so
what arrives is stored exactly as a nightly sync would store it, and reads what was stored. A
server without IDLE, or a folder whose IDLE connection fails, is polled instead: STATUS UIDNEXT on
one connection that selects nothing, every `poll_seconds`.

Time comes from a Clock, so tests can run ten minutes of watching without waiting for them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from imapclient.exceptions import IMAPClientError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tracker.act.objection import code_in, no_code_advice
from tracker.act.report import KEY_LIMIT, label
from tracker.config import Config, MailboxConfig
from tracker.errors import LockHeld, MailboxError
from tracker.mail.credentials import Credential, resolve
from tracker.mail.mailbox import MailboxSession
from tracker.recognition.parse import parse
from tracker.sanitize import clean
from tracker.store import models
from tracker.store.hosts import mailbox_turn
from tracker.store.repo import Evidence, Repository
from tracker.store.state import AccountState, derive
from tracker.sync import sync_mailbox

log = logging.getLogger(__name__)

IDLE_TICK = 1.0  # seconds an IDLE thread waits on its socket before looking at the stop flag
IDLE_RENEW = 25 * 60  # RFC 2177: re-issue IDLE before a server's 30-minute inactivity timeout
RETRY_SECONDS = 5.0  # after a sync that could not run (database busy, server away)
REPLIES = ("confirmation", "rejection")
CODE_VALID = dt.timedelta(hours=1)  # field guide, "the code step": "only valid for an hour"


# --- time ---------------------------------------------------------------------------------------
class Clock(Protocol):
    def now(self) -> float: ...  # seconds, monotonic
    def wait(self, events: queue.Queue, timeout: float) -> object | None: ...


class RealClock:
    def now(self) -> float:
        return time.monotonic()

    def wait(self, events: queue.Queue, timeout: float) -> object | None:
        try:
            return events.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None


# --- what the watch reports ---------------------------------------------------------------------
@dataclass(frozen=True)
class Watching:
    mailbox: str
    folders: tuple[str, ...]
    idle: tuple[str, ...]  # the folders in IDLE; the others are polled
    poll_seconds: float


@dataclass(frozen=True)
class CodeArrived:
    code: str | None  # None: the mail gives none the tracker can read (open the mail)
    account: str
    mailbox: str
    folder: str
    junk: bool
    at: dt.datetime
    sent: dt.datetime  # the mail's date: a code is valid for about an hour
    # A valid signature of Meta (or the trusted server) vouches for the mail; else `why` says
    # what the check found, and the code is shown as UNVERIFIED (issue 20 item 7).
    vouched: bool = True
    why: str | None = None
    sender: str | None = None


@dataclass(frozen=True)
class ReplyArrived:
    kind: str  # confirmation | rejection
    account: str
    folder: str
    junk: bool
    at: dt.datetime
    vouched: bool = True  # only a vouched reply ends the watch
    why: str | None = None
    sender: str | None = None


@dataclass(frozen=True)
class NoCodeYet:
    minutes: float
    address: str | None
    mailbox: str
    folders: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    text: str  # a problem the watch goes on after (a folder falls back to polling, a busy lock)


@dataclass(frozen=True)
class Finished:
    state: AccountState | None
    reason: str  # reply | timeout | interrupted
    minutes: float  # how long it watched
    wait_minutes: float  # how long it was to watch at most (--wait)


Event = Watching | CodeArrived | ReplyArrived | NoCodeYet | Note | Finished


# --- the folders' connections -------------------------------------------------------------------
@dataclass(frozen=True)
class _Changed:
    folder: str


@dataclass(frozen=True)
class _Failed:
    folder: str
    reason: str


class _IdleFolder(threading.Thread):
    """One folder EXAMINEd and in IDLE on a connection of its own; puts _Changed on new mail."""

    def __init__(self, box: MailboxConfig, credential: Credential, folder: str,
                 events: queue.Queue) -> None:
        super().__init__(name=f"idle-{box.name}-{folder}", daemon=True)
        self.box, self.credential, self.folder, self.events = box, credential, folder, events
        self.stop = threading.Event()
        self.ready = threading.Event()  # in IDLE, or failed

    def run(self) -> None:
        try:
            with MailboxSession(self.box, self.credential) as imap:
                imap.examine(self.folder)
                client = imap.client
                assert client is not None
                client.idle()
                self.ready.set()
                self._idle(client)
        except Exception as exc:  # noqa: BLE001 - whatever ends this connection, polling takes over
            self.events.put(_Failed(self.folder, _reason(exc)))
        finally:
            self.ready.set()

    def _idle(self, client) -> None:
        since = time.monotonic()
        quick_empty = 0
        while not self.stop.is_set():
            started = time.monotonic()
            responses = client.idle_check(timeout=IDLE_TICK)
            if responses:
                log.debug("IDLE %s: %r", self.folder, responses)
            self._note(responses)
            # imapclient returns [] at once, again and again, when the server closed the socket.
            quick_empty = quick_empty + 1 if not responses and \
                time.monotonic() - started < IDLE_TICK / 2 else 0
            if quick_empty >= 3:
                raise OSError("the server closed the connection")
            if time.monotonic() - since > IDLE_RENEW:
                self._note(client.idle_done()[1])
                client.idle()
                since = time.monotonic()
        self._note(client.idle_done()[1])

    def _note(self, responses: Iterable) -> None:
        responses = list(responses)
        if any(isinstance(r, tuple) and r and r[0] == b"BYE" for r in responses):
            raise OSError("the server ended the connection (BYE)")
        if any(isinstance(r, tuple) and len(r) > 1 and r[1] in (b"EXISTS", b"RECENT")
               for r in responses):
            self.events.put(_Changed(self.folder))


class MailboxWatch:
    """The watched folders of one mailbox: IDLE where the server has it, else UIDNEXT polling."""

    def __init__(self, box: MailboxConfig, clock: Clock, poll_seconds: float) -> None:
        self.box, self.clock, self.poll_seconds = box, clock, poll_seconds
        self.events: queue.Queue = queue.Queue()
        self.folders: list[str] = []
        self.junk: set[str] = set()
        self.notes: list[str] = []
        self._threads: dict[str, _IdleFolder] = {}
        self._polled: dict[str, int | None] = {}  # folder -> UIDNEXT last seen
        self._control: MailboxSession | None = None
        self._credential: Credential | None = None
        self._next_poll = 0.0

    def __enter__(self) -> MailboxWatch:
        self._credential = resolve(self.box)
        self._control = MailboxSession(self.box, self._credential).__enter__()
        try:
            self.folders = self._control.folders()
            self.junk = set(self._control.special_folders("\\Junk"))
            if "IDLE" in self._control.capabilities:
                for folder in self.folders:
                    self._threads[folder] = _IdleFolder(self.box, self._credential, folder,
                                                        self.events)
                    self._threads[folder].start()
                for thread in self._threads.values():
                    thread.ready.wait(self.box.timeout)
            else:
                self.notes.append(f"{self.box.host} does not offer IMAP IDLE: polling every "
                                  f"{self.poll_seconds:g} s")
                for folder in self.folders:
                    self._polled[folder] = None
            self._take_failures()
            if self._polled:
                self._poll()  # the baseline UIDNEXT of each polled folder
            else:  # every folder in IDLE: an idle control connection would only time out
                self._disconnect()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def idle_folders(self) -> tuple[str, ...]:
        return tuple(f for f in self.folders if f in self._threads)

    def changes(self, timeout: float) -> set[str]:
        """The folders that changed, waiting at most `timeout` seconds (less when a poll is due)."""
        changed: set[str] = set()
        if self._polled:
            timeout = min(timeout, max(0.0, self._next_poll - self.clock.now()))
        item = self.clock.wait(self.events, timeout)
        while item is not None:
            self._absorb(item, changed)
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                item = None
        if self._polled and self.clock.now() >= self._next_poll:
            changed |= self._poll()
        return changed

    def _absorb(self, item: object, changed: set[str]) -> None:
        if isinstance(item, _Changed):
            changed.add(item.folder)
        elif isinstance(item, _Failed):
            self._fall_back(item)
            changed.add(item.folder)  # mail may have come while the connection was failing

    def _take_failures(self) -> None:
        while True:
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Failed):
                self._fall_back(item)

    def _fall_back(self, failure: _Failed) -> None:
        self._threads.pop(failure.folder, None)
        self._polled.setdefault(failure.folder, None)
        self.notes.append(f"IDLE on {failure.folder!r} failed ({failure.reason}): polling it "
                          f"every {self.poll_seconds:g} s")

    def _poll(self) -> set[str]:
        """STATUS UIDNEXT of each polled folder; the ones whose UIDNEXT moved since last time, or
        that had none yet."""
        changed: set[str] = set()
        for folder, seen in list(self._polled.items()):
            uidnext = self._uidnext(folder)
            # A folder's first poll counts as a change: a sync after it covers whatever came
            # before this baseline (a folder that fell back from IDLE may have missed mail).
            if uidnext != seen:
                changed.add(folder)
            self._polled[folder] = uidnext
        self._next_poll = self.clock.now() + self.poll_seconds
        return changed

    def _uidnext(self, folder: str) -> int:
        """STATUS UIDNEXT on the control connection; a dropped connection is opened again once."""
        for attempt in (1, 2):
            try:
                if self._control is None:
                    assert self._credential is not None
                    self._control = MailboxSession(self.box, self._credential).__enter__()
                assert self._control.client is not None
                status = self._control.client.folder_status(folder, [b"UIDNEXT"])
                return int(status.get(b"UIDNEXT", 0))
            except (IMAPClientError, OSError) as exc:
                self._disconnect()
                if attempt == 2:
                    raise MailboxError(self.box.name, f"polling {folder!r} failed: "
                                       f"{_reason(exc)}") from None
        raise AssertionError("unreachable")

    def _disconnect(self) -> None:
        if self._control is not None:
            with contextlib.suppress(Exception):
                self._control.__exit__(None, None, None)
            self._control = None

    def close(self) -> None:
        for thread in self._threads.values():
            thread.stop.set()
        for thread in self._threads.values():
            thread.join(IDLE_TICK * 3)
        self._threads.clear()
        self._disconnect()


# --- the follow-through -------------------------------------------------------------------------
def follow(config: Config, sessions: sessionmaker[Session], box: MailboxConfig, key: tuple[str, str],
           address: str | None, report: Callable[[Event], None], *, wait_minutes: float,
           advice_after_minutes: float, poll_seconds: float, clock: Clock | None = None) -> Finished:
    """Watch `box` until Meta replies about the account `key` or `wait_minutes` pass; report a code
    the moment its mail is stored, and the known causes once `advice_after_minutes` pass without
    one. Ctrl-C stops; a last sync then stores whatever arrived."""
    clock = clock or RealClock()
    seen = _message_ids(sessions)  # what was stored before: not news
    started = clock.now()
    deadline = started + wait_minutes * 60
    advice_at = started + advice_after_minutes * 60
    got_code = advised = False
    reason = "timeout"
    try:
        with MailboxWatch(box, clock, poll_seconds) as watch:
            shown_notes = 0
            due = True  # the first sync: what came before the watch started
            retry_at: float | None = None
            announced = False
            while True:
                for note in watch.notes[shown_notes:]:
                    report(Note(note))
                shown_notes = len(watch.notes)
                if due:
                    synced = _sync(config, sessions, box, report)
                    due = False
                    retry_at = None if synced else clock.now() + RETRY_SECONDS
                    if synced:
                        codes, replied = _news(sessions, box, key, address, seen, watch.junk)
                        for event in codes:
                            report(event)
                            got_code = got_code or event.vouched
                        for event in replied:
                            report(event)
                        # A reply nothing vouches for may be anyone's: Meta's may still come.
                        if any(event.vouched for event in replied):
                            reason = "reply"
                            break
                if not announced:  # after the first sync: from here on, only new mail is news
                    report(Watching(box.name, tuple(watch.folders), watch.idle_folders, poll_seconds))
                    announced = True
                now = clock.now()
                if not got_code and not advised and now >= advice_at:
                    report(NoCodeYet(advice_after_minutes, address, box.name, tuple(watch.folders)))
                    advised = True
                if now >= deadline:
                    break
                until = [deadline] + ([advice_at] if not (got_code or advised) else []) + \
                    ([retry_at] if retry_at else [])
                changed = watch.changes(max(0.0, min(until) - now))
                due = bool(changed) or (retry_at is not None and clock.now() >= retry_at)
    except KeyboardInterrupt:
        reason = "interrupted"
        try:  # a last sync: what arrived is stored as a sync stores it. A second Ctrl-C skips it.
            _sync(config, sessions, box, report)
        except KeyboardInterrupt:
            report(Note("stopped before the last sync; the next sync stores what arrived"))
    state = _state(sessions, key)
    minutes = (clock.now() - started) / 60
    return Finished(state, reason, minutes, wait_minutes)


def _sync(config: Config, sessions: sessionmaker[Session], box: MailboxConfig,
          report: Callable[[Event], None]) -> bool:
    try:
        with mailbox_turn(config.database_url, sessions, box.name, "object (watching for the code)"):
            summary = sync_mailbox(sessions, box)
    except LockHeld as exc:
        report(Note(f"{exc}; trying again in {RETRY_SECONDS:g} s"))
        return False
    except MailboxError as exc:
        report(Note(f"{exc}; trying again in {RETRY_SECONDS:g} s"))
        return False
    for error in summary.errors:
        report(Note(error))
    return True


def _message_ids(sessions: sessionmaker[Session]) -> set[str]:
    with sessions.begin() as session:
        return {e.message_id for e in Repository(session).evidence() if e.message_id}


def _state(sessions: sessionmaker[Session], key: tuple[str, str]) -> AccountState | None:
    with sessions.begin() as session:
        repo = Repository(session)
        states = derive(repo.evidence(), repo.groups())
    return next((s for s in states if (s.platform, s.account) == key), None)


def _news(sessions: sessionmaker[Session], box: MailboxConfig, key: tuple[str, str],
          address: str | None, seen: set[str], junk: set[str]
          ) -> tuple[list[CodeArrived], list[ReplyArrived]]:
    """What the last sync stored that the watch has not reported: code mails in this mailbox
    (whichever account: the person just asked for one), and replies about this account."""
    with sessions.begin() as session:
        repo = Repository(session)
        evidence = repo.evidence()
        states = derive(evidence, repo.groups())
        senders = dict(session.execute(select(models.Finding.message_id, models.Finding.sender)
                                       .where(models.Finding.mailbox == box.name,
                                              models.Finding.message_id.is_not(None))).all())
    state = next((s for s in states if (s.platform, s.account) == key), None)
    ours = {key} | {tuple(k.split(":", 1)) for k in (state.group if state else ())}
    # A mail shown as unverified is news again once a later sync's DKIM check vouches for it (a
    # key DNS could not give): `seen` keeps "<id>" once vouched, "unverified:<id>" before.
    fresh = sorted((e for e in evidence if e.message_id and e.message_id not in seen
                    and e.mailbox == box.name
                    and (vouched(e) or f"{UNVERIFIED_MARK}{e.message_id}" not in seen)),
                   key=lambda e: e.date)
    seen |= {e.message_id if vouched(e) else f"{UNVERIFIED_MARK}{e.message_id}" for e in fresh
             if e.message_id}
    codes: list[CodeArrived] = []
    replies: list[ReplyArrived] = []
    for e in fresh:
        arrived = dt.datetime.now(dt.UTC)
        how = {"vouched": vouched(e), "why": e.authenticity, "sender": senders.get(e.message_id)}
        if e.kind == "verification_code":
            codes.append(CodeArrived(_code(sessions, box, e), f"{e.platform}:{e.account}", box.name,
                                     e.folder or "", e.folder in junk, arrived, e.date, **how))
        elif e.kind in REPLIES and ((e.platform, e.account) in ours or
                                    (e.platform == key[0] and address and e.address == address)):
            replies.append(ReplyArrived(e.kind, f"{e.platform}:{e.account}", e.folder or "",
                                        e.folder in junk, arrived, **how))
    return codes, replies


UNVERIFIED_MARK = "unverified:"


def vouched(e: Evidence) -> bool:
    """A valid DKIM signature of Meta, checked by the tracker, or the mailbox's trusted server's
    pass vouches for the mail (tracker.recognition.authenticity: "authenticated: ..."). Anything
    else (no signature, a key DNS could not give, a finding stored before the check existed) does
    not: `object` shows it as UNVERIFIED and watches on."""
    return (e.authenticity or "").startswith("authenticated")


def _code(sessions: sessionmaker[Session], box: MailboxConfig, e: Evidence) -> str | None:
    """The code from the stored subject (Meta puts it there), else from the mail on the server:
    the one mail is read again with BODY.PEEK, which sets no flag."""
    code = code_in(e.subject)
    if code or not e.message_id:
        return code
    with sessions.begin() as session:
        where = session.execute(select(models.ProcessedMessage.folder,
                                       models.ProcessedMessage.uidvalidity,
                                       models.ProcessedMessage.uid).where(
            models.ProcessedMessage.mailbox == box.name,
            models.ProcessedMessage.message_key == e.message_id,
            models.ProcessedMessage.outcome == "finding")).first()
    if where is None:
        return None
    try:
        with MailboxSession(box, resolve(box)) as imap:
            if imap.examine(where.folder).uidvalidity != where.uidvalidity:
                return None
            for _uid, raw, _received in imap.fetch_messages([where.uid]):
                return code_in(parse(raw).text)
    except (MailboxError, IMAPClientError, OSError) as exc:
        log.warning("reading the code mail again failed: %s", _reason(exc))
    return None


def _reason(exc: BaseException) -> str:
    value = exc.args[0] if exc.args else type(exc).__name__
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


# --- in words -----------------------------------------------------------------------------------
def describe(event: Event) -> list[str]:
    """The lines `objection-tracker object` prints for an event."""
    if isinstance(event, Watching):
        polled = [f for f in event.folders if f not in event.idle]
        how = []
        if event.idle:
            how.append(f"IMAP IDLE on {_names(event.idle)}")
        if polled:
            how.append(f"polling {_names(polled)} every {event.poll_seconds:g} s")
        return [f"Watching mailbox {event.mailbox!r} ({'; '.join(how)}), read-only, for the code "
                "and Meta's reply. Ctrl-C stops."]
    if isinstance(event, CodeArrived):
        where = _where(event.folder, event.junk)
        stamp = _clock(event.at)
        if event.code is None:
            return [f"{stamp} Code mail for {event.account} {where} of {event.mailbox!r}: the "
                    "tracker cannot read the code in it; open that mail."]
        if not event.vouched:
            return [f"{stamp} UNVERIFIED code {event.code} for {event.account}, {where} of "
                    f"{event.mailbox!r}: no valid signature of Meta vouches for this mail"
                    f"{_because(event.why)}.", *_check(event.sender, event.account, code=True),
                    "   Still watching for a code Meta signed."]
        line = f"{stamp} CODE {event.code} for {event.account}, {where} of {event.mailbox!r}. "
        if event.at - event.sent > CODE_VALID:
            return [line + f"It was sent {event.sent.astimezone():%Y-%m-%d %H:%M}, more than an "
                    "hour ago: probably expired; ask the form for a new one."]
        return [line + "Enter it in the form (valid for about an hour)."]
    if isinstance(event, ReplyArrived):
        what = "a confirmation" if event.kind == "confirmation" else "a rejection"
        if not event.vouched:
            return [f"{_clock(event.at)} UNVERIFIED reply for {event.account} that reads as {what}, "
                    f"{_where(event.folder, event.junk)}: no valid signature of Meta vouches for "
                    f"it{_because(event.why)}, so it is not counted.",
                    *_check(event.sender, event.account, code=False),
                    "   Still watching for Meta's signed reply."]
        return [f"{_clock(event.at)} Meta's reply for {event.account}: {what}, "
                f"{_where(event.folder, event.junk)}."]
    if isinstance(event, NoCodeYet):
        return no_code_advice(event.minutes, event.address, event.mailbox, list(event.folders))
    if isinstance(event, Note):
        return [f"note: {event.text}"]
    why = {"reply": "Meta replied",
           "timeout": f"no reply within {event.wait_minutes:g} minute(s); the nightly sync "
                      "will see it when it comes",
           "interrupted": "stopped (Ctrl-C); what arrived is stored"}[event.reason]
    if event.state is None:
        return [f"Watch ended: {why}."]
    s = event.state
    return [f"Watch ended: {why}.",
            f"New state of {clean(s.key, KEY_LIMIT)}: {label(s)} since {s.since:%Y-%m-%d %H:%M}"]


def _because(why: str | None) -> str:
    detail = clean(why or "", 300).removeprefix("unverified: ").strip()
    return f" ({detail})" if detail else ""


def _check(sender: str | None, account: str, *, code: bool) -> list[str]:
    """What to look at before trusting a mail nothing vouched for."""
    sent = f"its From ({clean(sender, 300)}) is" if sender else "a From line is"
    if code:
        return [f"   Before you enter it: {sent} what anyone can write, and Meta signs all its "
                "mail. Did the form ask you for a code just now? `objection-tracker why "
                f"{account}` shows the check."]
    return [f"   Open that mail and check it: {sent} what anyone can write, and Meta signs all its "
            f"mail. `objection-tracker why {account}` shows the check; `objection-tracker mark "
            f"{account} confirmed` if you are sure the yes is Meta's."]


def _where(folder: str, junk: bool) -> str:
    return f"in Spam (folder {folder!r})" if junk else f"in {folder!r}"


def _names(folders: Iterable[str]) -> str:
    return " and ".join(folders)


def _clock(at: dt.datetime) -> str:
    return at.astimezone().strftime("%H:%M:%S")
