"""Messages -> parse -> classify -> store, for IMAP mailboxes and for imported files.

The one place where a raw message becomes stored evidence (`ingest`). The IMAP side asks the
server only for what it has not seen: per folder it keeps the UIDVALIDITY and the next UID, skips
an unchanged folder after EXAMINE alone, and fetches bodies only for messages whose Message-ID it
does not know yet. Each batch is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from threading import Event
from typing import Protocol

from imapclient.exceptions import IMAPClientError
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import MailboxConfig
from tracker.errors import MailboxError
from tracker.mail.credentials import resolve
from tracker.mail.imap_guard import MessageTooLarge, UnreadableMessage
from tracker.mail.mailbox import BATCH, FolderStatus, Head, MailboxSession
from tracker.mail.rawmail import RawMessage
from tracker.recognition.authenticity import judge
from tracker.recognition.classify import classify
from tracker.recognition.dkim import KeyResolver
from tracker.recognition.parse import ParsedMail, parse
from tracker.recognition.triage import EVERYDAY, MIN_HISTORY, digest, template_keys, triage
from tracker.recognition.verify import FLOW_KINDS, Checker, header_problem, recheck
from tracker.store.repo import FolderProgress, KnownAccounts, Repository, learn, sender_label
from tracker.store.sync_state import account_of
from tracker.sync_summary import Stopped, SyncSummary

log = logging.getLogger(__name__)
BATCH_BYTES = 32 * 1024 * 1024  # of an import's messages held before a commit
WHOLE_FETCH_BYTES = 16 * 1024 * 1024  # of whole mails asked for in one FETCH
# Of an everyday mail's text part, what is read first: its greeting names the account.
PROBE_BYTES = 640
ALTERNATIVE = re.compile(rb"^content-type:[ \t]*multipart/alternative", re.IGNORECASE | re.MULTILINE)
CONTENT_TYPE = re.compile(rb"^content-type:[ \t]*([\w.+-]+/[\w.+-]+)", re.IGNORECASE | re.MULTILINE)


class Progress(Protocol):
    def start(self, label: str, total: int) -> None: ...
    def advance(self, n: int) -> None: ...
    def finish(self) -> None: ...


class NoProgress:
    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass


# The running mailbox sync's checker and a way to fetch a mail whole (issue 14), for `ingest`
# wherever the folder sync calls it, without threading both through every helper.
_CHECKING: ContextVar[tuple[Checker, Callable[[RawMessage], RawMessage | None]] | None] = \
    ContextVar("checking", default=None)


@contextmanager
def _checking(checker: Checker, imap: MailboxSession) -> Iterator[None]:
    def refetch(raw: RawMessage) -> RawMessage | None:  # a flow mail read in part, whole
        for uid, body, received in imap.fetch_messages([raw.uid]):
            return RawMessage(body, raw.mailbox, raw.folder, raw.uidvalidity, uid,
                              received or raw.received_at)
        return None

    token = _CHECKING.set((checker, refetch))
    try:
        yield
    finally:
        _CHECKING.reset(token)


def ingest(repo: Repository, raw: RawMessage, *, require_authentication: bool = False,
           checker: Checker | None = None,
           refetch: Callable[[RawMessage], RawMessage | None] | None = None) -> tuple[str, str | None]:
    """Record one message. Returns (outcome, finding kind). Never raises for a bad message.

    With a checker, a whole mail from a Meta domain gets the tracker's own DKIM verdict and the
    mailbox's authserv-id rule (tracker.recognition.authenticity); a flow mail that came in part is fetched
    again whole (`refetch`) before it is recorded, and kept byte for byte."""
    try:
        mail = parse(raw.data)
    except Exception as exc:  # the email package has many ways to fail on hostile input
        key = "sha256:" + hashlib.sha256(raw.data).hexdigest()
        repo.record_processed(raw, key, "unparseable", f"{type(exc).__name__}: {exc}"[:500])
        return "unparseable", None
    defects = "; ".join(mail.defects)[:500] or None
    if mail.sender is None and mail.date is None and not mail.subject and not mail.message_id:
        repo.record_processed(raw, mail.key, "unparseable", defects or "no mail headers found")
        return "unparseable", None
    if repo.has_finding(mail.key):  # the same mail in another folder or label, or re-imported
        repo.record_processed(raw, mail.key, "duplicate")
        return "duplicate", None
    running = _CHECKING.get()
    if checker is None and running is not None:
        checker, refetch = running
    if checker is not None:
        require_authentication = require_authentication or checker.require_authentication
    dkim = None
    try:
        # Only the bytes as the server sent them: a part put under the header here is not the mail.
        reason = header_problem(raw.data, mail) if raw.whole else None
        if reason:
            repo.record_suspicious(raw, mail, reason, keep_raw=True)
            repo.record_processed(raw, mail.key, "suspicious", reason)
            return "suspicious", None
        if checker is not None and raw.whole:
            dkim = checker.dkim(raw.data, mail)
        result = classify(mail, require_authentication=require_authentication,
                          authserv_id=checker.authserv_id if checker else None, dkim=dkim)
    except Exception as exc:
        log.exception("classifying %s failed", mail.key)
        repo.record_processed(raw, mail.key, "unparseable", f"{type(exc).__name__}: {exc}"[:500])
        return "unparseable", None
    flow = result.finding is not None and result.finding.kind in FLOW_KINDS
    if checker is not None and not raw.whole and flow:
        whole = refetch(raw) if refetch is not None else None
        if whole is not None and whole.whole:
            return ingest(repo, whole, require_authentication=require_authentication, checker=checker)
        # Gone between the header and the whole fetch (moved or expunged): a part cannot be
        # verified, so nothing is recorded; where it was moved to, a sync reads it whole.
        return "vanished", None
    if result.suspicious:
        repo.record_suspicious(raw, mail, result.suspicious.reason, dkim=dkim, keep_raw=dkim is not None)
        repo.record_processed(raw, mail.key, "suspicious", result.suspicious.reason)
        return "suspicious", None
    if result.finding:
        repo.record_finding(raw, mail, result.finding, dkim=dkim if flow else None, keep_raw=flow)
        repo.record_processed(raw, mail.key, "finding", defects)
        return "finding", result.finding.kind
    repo.record_processed(raw, mail.key, "not_meta", "; ".join(result.notes) or defects)
    return "not_meta", None


def ingest_all(sessions: sessionmaker[Session], messages: Iterable[RawMessage], summary: SyncSummary,
               *, progress: Progress | None = None, batch: int = BATCH,
               batch_bytes: int = BATCH_BYTES, checker: Checker | None = None) -> SyncSummary:
    """Ingest a stream (an import), committing every `batch` messages or `batch_bytes` of them,
    whichever comes first (40 mails of a 567 MB mbox are not held at once); skips what was
    processed, in earlier runs and earlier in this one (an mbox may hold the same mail twice)."""
    progress = progress or NoProgress()
    pending: list[RawMessage] = []
    size = 0

    def flush() -> None:
        with sessions.begin() as session:
            repo = Repository(session)
            by_folder: dict[tuple[str, str, int], list[int]] = {}
            for raw in pending:
                by_folder.setdefault((raw.mailbox, raw.folder, raw.uidvalidity), []).append(raw.uid)
            done = set()
            for (mailbox, folder, validity), uids in by_folder.items():
                done |= {(mailbox, folder, validity, uid)
                         for uid in repo.processed_uids(mailbox, folder, validity, uids)}
            for raw in pending:
                where = (raw.mailbox, raw.folder, raw.uidvalidity, raw.uid)
                if where not in done:
                    done.add(where)
                    summary.absorb(*ingest(repo, raw, checker=checker))
        summary.committed()
        progress.advance(len(pending))
        pending.clear()

    try:
        for raw in messages:
            pending.append(raw)
            size += len(raw.data)
            del raw  # or the loop would hold the last message while the next one is read
            if len(pending) >= batch or size >= batch_bytes:
                flush()
                size = 0
        if pending:
            flush()
    except BaseException:  # Ctrl-C or a failure mid-batch: that batch was not committed
        summary.rollback()
        raise
    return summary


def sync_mailbox(sessions: sessionmaker[Session], box: MailboxConfig, *,
                 progress: Progress | None = None, resolver: KeyResolver | None = None,
                 summary: SyncSummary | None = None, stop: Event | None = None,
                 imap: MailboxSession | None = None, configured: Collection[str] = ()
                 ) -> SyncSummary:
    """Sync every folder of one mailbox. Connection and login problems raise MailboxError;
    a folder that cannot be opened is reported in summary.errors and the others go on.

    `summary` is filled as batches are committed, so that whoever passed it still knows what was
    kept when the sync ends early (Ctrl-C); `stop` set makes it raise Stopped between batches.
    `imap`: a session already logged in (tracker.unchanged found news with it), closed at the end.
    `configured`: every configured mailbox's name (Repository.adopt_unverified)."""
    progress = progress or NoProgress()
    summary = summary if summary is not None else SyncSummary(box.name)
    try:
        return _sync_mailbox(sessions, box, progress, resolver, summary, stop, imap, configured)
    except BaseException:  # the batch under way was rolled back
        summary.rollback()
        raise


def _sync_mailbox(sessions: sessionmaker[Session], box: MailboxConfig, progress: Progress,
                  resolver: KeyResolver | None, summary: SyncSummary,
                  stop: Event | None, imap: MailboxSession | None = None,
                  configured: Collection[str] = ()) -> SyncSummary:
    checker = Checker(resolver or KeyResolver(list(box.dkim_nameservers)), box.authserv_id,
                      box.require_authentication)
    with sessions.begin() as session:  # what DNS could not answer last time, from stored bytes
        Repository(session).adopt_unverified(box.name, configured, dt.datetime.now(dt.UTC))
        recheck(session, checker, box.name)
    connection = imap if imap is not None else MailboxSession(box, resolve(box))
    with connection as imap, _checking(checker, imap):
        for status in imap.examined(summary.errors):
            summary.folders += 1
            try:
                _sync_folder(sessions, imap, box, status, summary, progress, stop)
            except (IMAPClientError, OSError) as exc:
                # A server NO, a dropped connection or a reply imapclient cannot read, mid-folder:
                # every batch before it is committed, and the next run resumes from there.
                progress.finish()
                exc = imap.broken_by or exc  # a limit's own error (imaplib re-wraps it)
                if isinstance(exc, UnreadableMessage):
                    raise unreadable(sessions, box, status, exc) from None
                reason = exc.args[0] if exc.args else type(exc).__name__
                if isinstance(reason, bytes):
                    reason = reason.decode(errors="replace")
                raise MailboxError(box.name, f"the server failed while reading {status.name!r} "
                                   f"({type(exc).__name__}: {reason}); what was read is kept "
                                   "and the next run goes on from there") from None
    return summary


def unreadable(sessions: sessionmaker[Session], box: MailboxConfig, status: FolderStatus,
               exc: UnreadableMessage) -> MailboxError:
    """Record a mail the server cannot give sanely (over max_message_mb, a structure nested
    without end) as unparseable, so that the next run goes on after it. The connection it came on
    is closed: the server was still sending it."""
    where = f"mail UID {exc.uid} in {status.name!r}" if exc.uid else f"a mail in {status.name!r}"
    if isinstance(exc, MessageTooLarge):
        reason = f"too large: {exc.size:,} bytes, over max_message_mb = {box.max_message_mb:g}"
        problem = f"{exc.problem} (max_message_mb)"
    else:
        reason = problem = exc.problem
    if exc.uid:
        with sessions.begin() as session:
            repo = Repository(session)
            if not repo.processed_uids(box.name, status.name, status.uidvalidity, [exc.uid]):
                raw = RawMessage(b"", box.name, status.name, status.uidvalidity, exc.uid)
                repo.record_processed(raw, f"unreadable:{status.uidvalidity}:{exc.uid}",
                                      "unparseable", reason)
    return MailboxError(box.name, f"{where} {problem}: "
                        + ("recorded as unreadable; the next run goes on after it" if exc.uid
                           else "the server did not say its UID, so it cannot be skipped"))


def _sync_folder(sessions: sessionmaker[Session], imap: MailboxSession, box: MailboxConfig,
                 status: FolderStatus, summary: SyncSummary, progress: Progress,
                 stop: Event | None = None) -> None:
    account = account_of(box.username, box.host)
    with sessions.begin() as session:
        repo = Repository(session)
        known = repo.folder_progress(box.name, status.name)
        if known and not known.same_account(account):
            # The mailbox's name now reads another account: what was read under it is another
            # folder's mail, whatever its UIDVALIDITY. Read this one from the start.
            dropped = repo.forget_processed(box.name, status.name)
            log.info("%s/%s: another account (%s -> %s): reading it from the start (%d UIDs of "
                     "the other forgotten)", box.name, status.name, known.account, account, dropped)
            known = None
        elif known and known.went_back(status.uidvalidity, status.uidnext):
            # Restored from a backup: the UIDs from where it was then are new mail's now.
            dropped = repo.forget_processed(box.name, status.name)
            log.warning("%s/%s: UIDNEXT went back (%d -> %d) under the same UIDVALIDITY (the "
                        "server restored from a backup?): reading the folder again (%d UIDs "
                        "forgotten)", box.name, status.name, known.next_uid, status.uidnext,
                        dropped)
            known = None
    if known and known.resumes(status.uidvalidity, box.since, account):
        if known.unchanged(status.uidvalidity, status.uidnext, box.since, account):
            log.info("%s/%s: unchanged", box.name, status.name)
            if known.account is None:  # recorded before 0013: whose it is, once
                with sessions.begin() as session:
                    Repository(session).save_folder_progress(
                        box.name, status.name, replace(known, account=account))
            return
        first_uid = known.next_uid
    else:
        if known and known.uidvalidity != status.uidvalidity:
            log.info("%s/%s: UIDVALIDITY changed (%s -> %s): rescanning and matching by "
                     "Message-ID", box.name, status.name, known.uidvalidity, status.uidvalidity)
        elif known:
            log.info("%s/%s: `since` moved earlier (%s -> %s): reading the older mail",
                     box.name, status.name, known.scanned_since, box.since)
        first_uid = 1
    # An interrupted rescan must still cover the older mail when it resumes.
    scanned_since = known.scanned_since if known and first_uid > 1 else box.since
    uids = imap.search_meta(first_uid, box.since)
    log.info("%s/%s: %d candidate messages from UID %d", box.name, status.name, len(uids),
             first_uid)
    if len(uids) > BATCH:
        progress.start(f"{box.name}/{status.name}", len(uids))
    next_uid = first_uid
    with sessions.begin() as session:
        known_accounts = Repository(session).known_accounts()
        history = Repository(session).templates_seen(box.name)
    for start in range(0, len(uids), BATCH):
        if stop is not None and stop.is_set():
            progress.finish()
            raise Stopped
        batch = uids[start:start + BATCH]
        with sessions.begin() as session:
            repo = Repository(session)
            done = repo.processed_uids(box.name, status.name, status.uidvalidity, batch)
            todo = [u for u in batch if u not in done]
            heads = imap.fetch_heads(todo) if todo else []
            _sync_heads(repo, imap, box, status, heads, known_accounts, history, summary)
            next_uid = batch[-1] + 1
            repo.save_folder_progress(box.name, status.name, FolderProgress(
                status.uidvalidity, next_uid, status.highest_modseq, scanned_since, account))
        summary.committed()
        progress.advance(len(batch))
    with sessions.begin() as session:
        Repository(session).save_folder_progress(box.name, status.name, FolderProgress(
            status.uidvalidity, max(next_uid, status.uidnext), status.highest_modseq, scanned_since,
            account))
    progress.finish()


@dataclass
class _Plan:
    head: Head
    mail: ParsedMail  # the header alone, parsed
    everyday: bool  # the header says it can only be an everyday notification
    learnable: bool = False  # read for want of evidence: its template's history may settle it


# Rounds of reading within a batch: the first mails of a template not yet known are read, the
# history they make settles the rest. Then whatever is left is read, in one round.
ROUNDS = MIN_HISTORY + 1


def _sync_heads(repo: Repository, imap: MailboxSession, box: MailboxConfig, status: FolderStatus,
                heads: list[Head], known: KnownAccounts, history: dict[str, tuple[int, int]],
                summary: SyncSummary) -> None:
    """One batch: what the header settles is recorded from it; the rest gets the body part it needs.

    Everyday mail from a sender whose account the tracker already knows by this address costs
    no body at all: only the earliest such mail tells anything (the account exists, and since
    when), so a mail dated before every one kept is read. A batch reads the first of each sender
    and recipient, then settles its repeats with what it learned. Mail of a template the
    mailbox's history does not know yet is read a few at a time, the smallest first: once
    MIN_HISTORY of a template were everyday, the header settles the rest (issue 21 items 1, 3)."""
    origin = {h.uid: RawMessage(h.header, box.name, status.name, status.uidvalidity, h.uid, h.received,
                                whole=False) for h in heads}
    seen_keys = repo.known_keys(h.message_id for h in heads if h.message_id)
    repo.prime_findings(h.message_id for h in heads if h.message_id)
    plans: list[_Plan] = []
    for head in heads:
        if head.message_id and head.message_id in seen_keys:
            # Seen before in another folder, or before a UIDVALIDITY change: no body.
            repo.record_processed(origin[head.uid], head.message_id, "duplicate")
            summary.absorb("duplicate", None)
            continue
        plan = _plan(head, box.require_authentication)
        if plan is None:  # the header decides: not Meta's, or a suspicious claim
            summary.absorb(*ingest(repo, origin[head.uid], require_authentication=box.require_authentication))
        else:
            plans.append(plan)
    for round_ in range(ROUNDS):
        last = round_ == ROUNDS - 1
        now: list[_Plan] = []
        later: list[_Plan] = []
        keys: set[tuple[str, tuple[str, ...]]] = set()
        for plan in plans:
            if plan.learnable:
                _retriage(plan, history)
        learners = _learners(plans, history)
        for plan in plans:
            if plan.everyday and _known_account(plan, known):
                _record_everyday(repo, origin[plan.head.uid], plan, summary)
                continue
            if last or plan.everyday and round_ > 0:
                now.append(plan)
            elif plan.everyday:
                key = (sender_label(plan.mail.sender), tuple(plan.mail.recipients))
                (later if key in keys else now).append(plan)
                keys.add(key)
            elif plan.learnable:  # the rest of a template wait for what its learners teach
                (now if plan.head.uid in learners else later).append(plan)
            else:
                now.append(plan)
        if not now and later:
            now, later = later, []
        _read_bodies(repo, imap, box, status, now, known, history, summary)
        plans = later
        if not plans:
            break


def _learners(plans: list[_Plan], history: dict[str, tuple[int, int]]) -> set[int]:
    """The UIDs to read now so that their templates become known: of each template still short of
    history, as many mails as it needs, the smallest first. Which of a template's mails teach it
    does not matter (each is read whole, its signature checked, and found everyday or not); what
    they cost does: Meta's everyday digests run from 10 to 70 kB, and RFC822.SIZE came with the
    header."""
    wanted: dict[str, int] = {}
    learnable = [p for p in plans if p.learnable]
    learnable.sort(key=lambda p: (p.head.size is None, p.head.size or 0, p.head.uid))
    return {p.head.uid for p in learnable if _needed(p, history, wanted)}


def _needed(plan: _Plan, history: dict[str, tuple[int, int]], wanted: dict[str, int]) -> bool:
    """Does this mail's template need it read to be known? Counts it in `wanted` if so."""
    digests = [digest(k) for k in template_keys(plan.mail)]
    short = [d for d in digests if history.get(d, (0, 0))[0] + wanted.get(d, 0) < MIN_HISTORY]
    for d in short:
        wanted[d] = wanted.get(d, 0) + 1
    return bool(short)


def _retriage(plan: _Plan, history: dict[str, tuple[int, int]]) -> None:
    decision = triage(plan.mail, history)
    plan.everyday = decision.verdict == EVERYDAY
    plan.learnable = decision.learnable


def _plan(head: Head, require_authentication: bool) -> _Plan | None:
    try:
        # Without its Content-Type: the email package compiles a regex for each multipart
        # boundary it meets, and every mail's boundary is new (a fifth of a sync's parse time).
        mail = parse(b"\r\n".join(line for line in _unfold(head.header)
                                  if not line.lower().startswith(b"content-type:")) + b"\r\n\r\n")
        verdict = judge(mail, require_authentication=require_authentication)
        if not verdict.genuine:
            return None
        decision = triage(mail)
    except Exception:  # hostile headers: read the whole mail and let ingest record what fails
        log.exception("reading the header of UID %s", head.uid)
        return _Plan(head, parse(b""), everyday=False)
    return _Plan(head, mail, everyday=decision.verdict == EVERYDAY,
                 learnable=decision.learnable)


def _known_account(plan: _Plan, known: KnownAccounts) -> bool:
    """Is the account this mail is about known from its header alone, by an everyday mail no
    later than this one? Only where the account is the address itself (Facebook's): an Instagram
    account is a username, which the body names."""
    sender = sender_label(plan.mail.sender)
    return any(_no_earlier(plan.mail.date, plan.head.received, known.get((sender, r, r)))
               for r in plan.mail.recipients)


def _no_earlier(date: dt.datetime | None, received: dt.datetime | None,
                first: dt.datetime | None) -> bool:
    """Does a mail count from no earlier than `first` (tracker.store.state.when)? A mail that
    says neither when it was written nor when it arrived is read."""
    moments = [d for d in (date, received) if d is not None]
    return first is not None and bool(moments) and min(moments) >= first


def _record_everyday(repo: Repository, origin: RawMessage, plan: _Plan, summary: SyncSummary) -> None:
    key = plan.head.message_id or plan.mail.key
    repo.record_processed(origin, key, "everyday", "everyday notification of a known account: no body read")
    summary.absorb("everyday", None)


def _read_bodies(repo: Repository, imap: MailboxSession, box: MailboxConfig, status: FolderStatus,
                 plans: list[_Plan], known: KnownAccounts,
                 history: dict[str, tuple[int, int]], summary: SyncSummary) -> None:
    if not plans:
        return
    by_uid = {p.head.uid: p for p in plans}
    wanted: dict[int, tuple[str, ...]] = {}
    whole: list[int] = []
    auth = box.require_authentication
    # An everyday mail whose account is a username (Instagram, Threads): the start of its text
    # part greets it. When that names an account known for this sender and address, the rest
    # of the mail can tell nothing new. Meta's notifications are multipart/alternative with the
    # text first: section 1 is probed without asking for the structure, and checked. One it
    # does not settle is kept as the account's record: read as an import reads it (_section).
    guessed = {p.head.uid: "1" for p in plans if p.everyday and ALTERNATIVE.search(p.head.header)}
    # A mail that may be in the objection flow is read whole (issue 14): its DKIM signature
    # covers all of it, and its bytes are kept as evidence.
    whole += [p.head.uid for p in plans if not p.everyday]
    unsure = [p.head.uid for p in plans if p.head.uid not in guessed and p.everyday]
    for uid, (mime, start) in imap.fetch_starts(guessed, PROBE_BYTES).items():
        plan = by_uid[uid]
        if not _is_plain_text(mime):
            unsure.append(uid)
        elif _names_known_account(_with_part(plan.head.header, mime, start), plan.head.received,
                                  known, auth):
            _record_everyday(repo, RawMessage(plan.head.header, box.name, status.name, status.uidvalidity,
                                              uid, plan.head.received, whole=False), plan, summary)
        else:
            unsure.append(uid)
    structures = imap.fetch_structures(unsure) if unsure else {}
    for uid in unsure:
        section = _section(structures.get(uid, {}))
        if section == "ALL":
            whole.append(uid)
        else:
            wanted[uid] = section
    for uid, parts in imap.fetch_sections(wanted).items():
        head = by_uid[uid].head
        raw = RawMessage(_with_parts(head.header, parts), box.name, status.name,
                         status.uidvalidity, uid, head.received, whole=False)
        _absorb(repo, raw, by_uid[uid], known, history, summary, auth)
    for chunk in _whole_chunks(repo, box, status, [by_uid[uid].head for uid in whole], summary):
        for uid, body, received in imap.fetch_messages(chunk):
            raw = RawMessage(body, box.name, status.name, status.uidvalidity, uid, received)
            _absorb(repo, raw, by_uid[uid], known, history, summary, auth)


def _whole_chunks(repo: Repository, box: MailboxConfig, status: FolderStatus, heads: list[Head],
                  summary: SyncSummary) -> Iterator[list[int]]:
    """The UIDs of whole mails to fetch, in FETCHes of at most WHOLE_FETCH_BYTES. Anyone can send
    mail from a Meta-looking sender: a few big ones in one FETCH would break the answer's size cap
    on every run, and the folder could never be read again. A mail over max_message_mb (by its
    RFC822.SIZE) is recorded as too large without being fetched; one of unknown size goes alone."""
    limit = box.max_message_mb * 1024 * 1024
    chunk: list[int] = []
    held = 0
    for head in heads:
        if head.size is not None and head.size > limit:
            raw = RawMessage(b"", box.name, status.name, status.uidvalidity, head.uid, head.received)
            repo.record_processed(raw, f"unreadable:{status.uidvalidity}:{head.uid}", "unparseable",
                                  f"too large: {head.size:,} bytes, over max_message_mb = "
                                  f"{box.max_message_mb:g}")
            summary.absorb("unparseable", None)
            continue
        size = head.size if head.size is not None else WHOLE_FETCH_BYTES
        if chunk and held + size > WHOLE_FETCH_BYTES:
            yield chunk
            chunk, held = [], 0
        chunk.append(head.uid)
        held += size
    if chunk:
        yield chunk


def _is_plain_text(mime: bytes) -> bool:
    """Does a part's MIME header say text/plain? (Saying nothing also means text/plain, but such a
    part is rare enough to go the safe way, through BODYSTRUCTURE.)"""
    found = CONTENT_TYPE.search(mime)
    return found is not None and found.group(1).lower() == b"text/plain"


def _names_known_account(partial: bytes, received: dt.datetime | None, known: KnownAccounts,
                         require_authentication: bool) -> bool:
    """Does the start of an everyday mail say, on its own, which known account it is about, one
    known by an everyday mail no later than this one? Anything else (no account named, another
    kind of mail, an error, an earlier mail) reads the whole part."""
    try:
        mail = parse(partial)
        result = classify(mail, require_authentication=require_authentication)
    except Exception:
        return False
    found = result.finding
    if found is None or result.suspicious or found.kind != "other" or not found.address:
        return False
    first = known.get((sender_label(mail.sender), found.address, found.account))
    return _no_earlier(mail.date, received, first)


def _absorb(repo: Repository, raw: RawMessage, plan: _Plan, known: KnownAccounts,
            history: dict[str, tuple[int, int]], summary: SyncSummary,
            require_authentication: bool) -> None:
    outcome, kind = ingest(repo, raw, require_authentication=require_authentication)
    summary.absorb(outcome, kind)
    learn(known, repo.recorded_accounts)
    if outcome in ("duplicate", "vanished"):  # nothing was learnt of this mail's template
        return
    # Everyday: Meta's mail about the account and nothing more, and Meta's signature (or the
    # user's server) vouched for it: anyone can send an unsigned mail that looks everyday, and
    # it must not teach the tracker to skip a template. An unvouched everyday mail teaches
    # nothing; anything else (the flow, a suspicious or unreadable mail) keeps the template
    # read for good.
    everyday = outcome == "finding" and kind == "other"
    if everyday and not (repo.last_authenticity or "").startswith("authenticated"):
        return
    for key in template_keys(plan.mail):
        d = digest(key)
        repo.count_template(raw.mailbox, d, key, everyday)
        seen, other = history.get(d, (0, 0))
        history[d] = (seen + everyday, other + (not everyday))


def _section(sections: dict[str, str]) -> tuple[str, ...] | str:
    """What of an everyday mail's body the sync reads: its text sections, or "ALL".

    An everyday mail read at all is kept as the record of its account, so it is read from its
    text and its HTML, the text an import reads: from the text part alone its language (the
    HTML's lang, which `object` writes in) or the account its greeting names could differ from
    an import's of the same mail (issue 20 item 9). Attachments stay unread.
    """
    if not sections:
        return "ALL"
    if "TEXT" in sections.values():
        return ("TEXT",)
    return tuple(sections[kind] for kind in ("text/plain", "text/html") if kind in sections)


def _with_parts(header: bytes, parts: list[tuple[bytes | None, bytes]]) -> bytes:
    """The message's own header with its fetched body parts under it, as one small MIME message."""
    if len(parts) == 1:
        return _with_part(header, *parts[0])
    boundary = b"=_tracker_" + uuid.uuid4().hex.encode()
    kept = [line for line in _unfold(header)
            if not line.lower().startswith((b"content-type:", b"content-transfer-encoding:"))]
    out = [b"\r\n".join(kept), b"\r\nContent-Type: multipart/alternative; boundary=\"", boundary,
           b"\"\r\n\r\n"]
    for mime, body in parts:
        out += [b"--", boundary, b"\r\n", (mime or b"").strip(b"\r\n"), b"\r\n\r\n", body, b"\r\n"]
    out += [b"--", boundary, b"--\r\n"]
    return b"".join(out)


def _with_part(header: bytes, mime: bytes | None, body: bytes) -> bytes:
    """The message's own header with one body part under it: a small, complete MIME message."""
    if mime is None:  # a single-part mail: its header already says how the body is encoded
        return header.rstrip(b"\r\n") + b"\r\n\r\n" + body
    kept = [line for line in _unfold(header)
            if not line.lower().startswith((b"content-type:", b"content-transfer-encoding:"))]
    part_header = mime.strip(b"\r\n")
    return b"\r\n".join(kept + ([part_header] if part_header else [])) + b"\r\n\r\n" + body


def _unfold(header: bytes) -> list[bytes]:
    lines: list[bytes] = []
    for line in header.replace(b"\r\n", b"\n").split(b"\n"):
        if line[:1] in (b" ", b"\t") and lines:
            lines[-1] += b"\r\n" + line
        elif line:
            lines.append(line)
    return lines
