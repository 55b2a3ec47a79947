"""What each command does, as plain functions over a Config: the CLI and the scheduler call these.

Each opens the database (migrating it to the newest schema first) and returns values; printing is
the caller's business.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TextIO, TypeVar

from tracker.choices import ALIASES, DEFAULT_JOBS, MARK_ACTIONS, PLATFORMS
from tracker.config import Config, MailboxConfig
from tracker.errors import ConfigError, Interrupted, MailboxError, NotifyError, TrackerError

# Each command imports what it uses, in its function: `status` needs neither IMAP, nor DKIM, nor
# the classifier, nor Apprise, and Python's imports were most of a short command's time (issue 21
# item 2). Names only annotations use are imported for the type checker alone.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from tracker.act import doctor as checkup
    from tracker.act.remind import Delivery
    from tracker.mail.mailbox import MailboxSession
    from tracker.mail.rawmail import RawMessage
    from tracker.recognition.dkim import KeyResolver
    from tracker.store import people, unreadable
    from tracker.store.state import AccountState
    from tracker.store.sync_state import SyncState
    from tracker.store.values import SuspiciousMail
    from tracker.sync import Progress
    from tracker.sync_summary import SyncSummary

# Hosts running one schedule do not start to the second: a run leaves alone a mailbox another
# run synced this long before it started (PostgreSQL). A `sync` by hand does not count here.
RUN_FRESH = dt.timedelta(minutes=5)
log = logging.getLogger(__name__)
EXAMPLE = Path(__file__).with_name("config.example.toml")


@dataclass(frozen=True)
class Status:
    accounts: list[AccountState]
    suspicious: list[SuspiciousMail]
    unreadable: list[unreadable.Unreadable] = field(default_factory=list)
    people: dict[str, list[str]] = field(default_factory=dict)  # account key -> its people


def database(config: Config) -> sessionmaker[Session]:
    from tracker.store.engine import open_database

    return open_database(config.database_url)


def init(config_path: Path, database_url: str, *, force: bool = False) -> bool:
    """Write the commented example config (0600, its new folders 0700) unless one exists; create
    the database. Returns True when a config file was written. A link at the config's place (a
    dotfiles checkout's, say) is the user's config: kept, and never written through by --force,
    which would overwrite whatever file it names."""
    from tracker import private_files
    from tracker.act.folder import replace_file
    from tracker.store.engine import open_database

    written = False
    if force or not os.path.lexists(config_path):
        private_files.refuse_links(config_path, what="a config file")
        private_files.folder(config_path.parent)
        replace_file(config_path, EXAMPLE.read_text(encoding="utf-8"))
        written = True
    open_database(database_url)
    return written


def sync(config: Config, names: tuple[str, ...] = (), *, progress: Progress | None = None,
         jobs: int = DEFAULT_JOBS) -> tuple[list[SyncSummary], list[MailboxError]]:
    """Sync the named mailboxes (all by default), `jobs` at a time. A mailbox that fails does not
    stop the others. On PostgreSQL each mailbox is locked in the database instead of the whole
    run on this machine (tracker.store.hosts)."""
    from tracker.store.lock import exclusive

    boxes = _boxes(config, names)
    state = _current(config)
    if state is not None:  # a current SQLite database: the ORM is opened only if there is news
        with state, exclusive(config.database_url, "sync"):
            return _sync_boxes(_Later(lambda: database(config)), boxes, progress, jobs=jobs,
                               state=state, configured=_names(config))
    from tracker.store import hosts

    sessions = database(config)
    if hosts.shared(config.database_url):
        reread = _reread(config, sessions)
        return _with_reread(_sync_boxes(_Later.ready(sessions), boxes, progress, jobs=jobs,
                                        shared=True, configured=_names(config)), reread)
    with exclusive(config.database_url, "sync"):
        reread = _reread(config, sessions)
        return _with_reread(_sync_boxes(_Later.ready(sessions), boxes, progress, jobs=jobs,
                                        configured=_names(config)), reread)


def _current(config: Config) -> SyncState | None:
    """The sqlite3 bookkeeping of a current SQLite database (tracker.store.sync_state), unless the
    stored findings were read by older recognition rules: then the ORM path, which reads them
    again (tracker.reread)."""
    from tracker.store.sync_state import SyncState

    state = SyncState.open(config.database_url)
    if state is not None and state.rules_behind():
        state.close()
        return None
    return state


def _reread(config: Config, sessions: sessionmaker[Session]):
    """The stored flow mails read again if the recognition rules changed (tracker.reread), each
    with the rules of the mailbox it came from; None when they did not."""
    from tracker.reread import reread

    boxes = {b.name: (b.authserv_id, b.require_authentication) for b in config.mailboxes}
    imported = (config.dkim.import_authserv_id, False)
    return reread(sessions, lambda name: boxes.get(name, imported if name == "import"
                                                     else (None, False)))


def _with_reread(result: tuple[list[SyncSummary], list[MailboxError]], reread
                 ) -> tuple[list[SyncSummary], list[MailboxError]]:
    """The run's re-read goes with its first summary; with none (every mailbox failed), with one
    of its own, which has no folders."""
    summaries, failures = result
    if reread is not None:
        if not summaries:
            from tracker.sync_summary import SyncSummary

            summaries = [SyncSummary("stored mail")]
        summaries[0].reread = reread
    return summaries, failures


def _names(config: Config) -> tuple[str, ...]:
    """Every configured mailbox's name: a flow mail recorded under another name (a mailbox
    renamed since) is re-checked by a mailbox that read it (Repository.adopt_unverified)."""
    return tuple(box.name for box in config.mailboxes)


def _boxes(config: Config, names: tuple[str, ...]) -> list[MailboxConfig]:
    boxes = [config.mailbox(n) for n in names] if names else list(config.mailboxes)
    if not boxes:
        raise ConfigError(f"{config.path or 'config'}: no [[mailboxes]] configured "
                          "(run `objection-tracker init` and edit the file it names)")
    return boxes


def _sync_boxes(sessions: _Later[sessionmaker[Session]], boxes: list[MailboxConfig],
                progress: Progress | None, *, jobs: int = 1, shared: bool = False,
                run: bool = False, state: SyncState | None = None,
                configured: tuple[str, ...] = (),
                ) -> tuple[list[SyncSummary], list[MailboxError]]:
    """The caller holds the file lock (SQLite: sync, or run_once around sync and remind); on a
    shared database (`shared`) each mailbox takes its own lock in the database.

    A mailbox whose secret cannot be had, or that cannot be reached, is that mailbox's failure:
    the others still sync. Each error carries the hint `doctor` would give. With jobs > 1 the
    mailboxes sync in parallel, one IMAP connection each; on SQLite their transactions take
    turns (hosts.OneWriter). With `state` (a current SQLite database), a mailbox whose folders
    have nothing new is found so and recorded without the ORM (tracker.unchanged): the sessions,
    the DKIM key cache and what reading mail imports are made only for a mailbox with news."""
    from tracker import unchanged
    from tracker.act import hints
    from tracker.store.sync_state import Unrecorded
    from tracker.sync_summary import Stopped, SyncSummary

    if jobs < 1:
        raise TrackerError(f"--jobs {jobs}: must be 1 or more")
    parallel = jobs > 1 and len(boxes) > 1
    # A mailbox another process synced after this one started is left alone (a run also leaves
    # one another run synced up to RUN_FRESH before).
    started = _hosts().run_started(sessions()) if shared else None
    shown = progress if not parallel else None  # one bar cannot show several mailboxes
    # One cache of DKIM key lookups for the run (all mailboxes name the same [dkim] nameservers).
    resolver = _Later(lambda: _key_resolver(boxes[0]))

    # What each mailbox has kept so far, and which finished: what Ctrl-C reports (issue 22 item 5).
    live: dict[str, SyncSummary] = {}
    finished: set[str] = set()
    stop = threading.Event()

    def one(box: MailboxConfig, db: _Later[sessionmaker[Session]]
            ) -> SyncSummary | MailboxError | None:
        summary = live.setdefault(box.name, SyncSummary(box.name))
        try:
            wrong = hints.mismatch(box)
            if wrong:
                raise wrong
            looked = unchanged.look(box, state, configured) if state is not None else None
            if isinstance(looked, SyncSummary) and state is not None:
                state.record_sync(box.name, run=run)  # nothing new: recorded as hosts.record_sync
                summary = live[box.name] = looked
            elif not shared:
                _sync_retrying(db(), box, shown, resolver(), summary, stop, imap=looked,
                               configured=configured)
                _record_sync(db(), box.name, run)
            else:
                hosts = _hosts()
                with hosts.advisory(db(), "mailbox", box.name) as mine:
                    other = None if not mine else hosts.synced_since(
                        db(), box.name, started, RUN_FRESH if run else dt.timedelta(0))
                    if not mine or other:
                        log.info("mailbox %r: %s; left alone", box.name,
                                 f"synced by {other} since this run started" if other
                                 else "another run is syncing it now")
                        del live[box.name]
                        return None
                    _sync_retrying(db(), box, shown, resolver(), summary, stop,
                                   configured=configured)
                    _record_sync(db(), box.name, run)
        except Unrecorded as exc:  # the database's fault, not the mailbox's: no `doctor` advice
            return exc
        except MailboxError as exc:
            return hints.for_sync(exc)
        except Stopped:
            return None
        finished.add(box.name)
        summary.errors[:] = [hints.folder_error(e, box.name) for e in summary.errors]
        return summary

    try:
        if not parallel:
            results = [one(box, sessions) for box in boxes]
        else:
            from concurrent.futures import ThreadPoolExecutor

            workers = min(jobs, len(boxes))
            with _parallel(sessions, workers, shared, state) as db:
                pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sync")
                try:
                    results = list(pool.map(lambda box: one(box, db), boxes))
                except KeyboardInterrupt:
                    stop.set()  # only this thread hears Ctrl-C: the others stop at their next batch
                    raise
                finally:  # no further mailbox starts; those under way end their batch
                    pool.shutdown(wait=True, cancel_futures=True)
    except KeyboardInterrupt:
        from tracker.act.summary import kept_line

        raise Interrupted([kept_line(box.name, live.get(box.name), box.name in finished)
                           for box in boxes]) from None
    summaries = [r for r in results if isinstance(r, SyncSummary)]
    failures = [r for r in results if isinstance(r, MailboxError)]
    return summaries, failures


T = TypeVar("T")


class _Later(Generic[T]):
    """A value made when it is first asked for, once, whichever thread asks first: a sync that
    finds nothing new never opens the ORM's sessions nor makes a DKIM key cache (issue 21 item 2)."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make: Callable[[], T] | None = make
        self._value: T | None = None
        self._lock = threading.Lock()

    @classmethod
    def ready(cls, value: T) -> _Later[T]:
        return cls(lambda: value)

    def __call__(self) -> T:
        with self._lock:
            if self._make is not None:
                self._value, self._make = self._make(), None
            return self._value  # type: ignore[return-value]


def _record_sync(sessions: sessionmaker[Session], mailbox: str, run: bool) -> None:
    """hosts.record_sync; a database that will not take it (locked past the busy timeout by
    another program) is this mailbox's failure in one line, as SyncState.record_sync says it."""
    from sqlalchemy.exc import OperationalError

    from tracker.store.sync_state import Unrecorded

    try:
        _hosts().record_sync(sessions, mailbox, run=run)
    except OperationalError as exc:
        raise Unrecorded.because(mailbox, str(exc.orig) if exc.orig else type(exc).__name__
                                 ) from None


def _hosts():
    from tracker.store import hosts  # SQLAlchemy: only where the ORM's sessions are used

    return hosts


def _key_resolver(box: MailboxConfig) -> KeyResolver:
    from tracker.recognition.dkim import KeyResolver

    return KeyResolver(list(box.dkim_nameservers))


@contextmanager
def _parallel(sessions: _Later[sessionmaker[Session]], workers: int, shared: bool,
              state: SyncState | None) -> Iterator[_Later[sessionmaker[Session]]]:
    """Sessions for `workers` syncs at once. SQLite: one writer at a time, SyncState's writes
    included; PostgreSQL: a pool with a connection for every job."""
    if shared:
        with _hosts().pooled_for(sessions(), workers) as pooled:
            yield _Later.ready(pooled)
        return
    turn = state.turn if state is not None else None
    yield _Later(lambda: _hosts().OneWriter(sessions(), turn=turn))


SYNC_ATTEMPTS = 3


def _sync_retrying(sessions: sessionmaker[Session], box: MailboxConfig,
                   progress: Progress | None, resolver: KeyResolver | None,
                   summary: SyncSummary, stop: threading.Event | None = None,
                   imap: MailboxSession | None = None,
                   configured: tuple[str, ...] = ()) -> SyncSummary:
    """sync_mailbox, again from its last committed batch when a batch collided with another
    mailbox's (the same mail or a new account written by both at once, in parallel or from
    another host): the unique keys refuse the second, which then finds the first's rows.
    `summary` counts over the attempts what the database kept. `imap`: a session logged in
    already (tracker.unchanged), for the first attempt."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    from tracker.sync import sync_mailbox

    for attempt in range(1, SYNC_ATTEMPTS + 1):
        try:
            return sync_mailbox(sessions, box, progress=progress, resolver=resolver,
                                summary=summary, stop=stop, imap=imap, configured=configured)
        except (IntegrityError, OperationalError) as exc:
            imap = None  # closed as that attempt ended: the next one logs in again
            if attempt == SYNC_ATTEMPTS:
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
                raise MailboxError(box.name, f"the database refused a batch {attempt} times "
                                   f"({reason}); what was read is kept") from None
            log.info("mailbox %r: a batch collided with another (%s); reading it again",
                     box.name, type(exc.orig).__name__)
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class ImportResult:
    summary: SyncSummary
    not_mail: list[str]  # files that are no mail at all: named, skipped, not recorded


def import_paths(config: Config, paths: list[Path], *,
                 progress: Progress | None = None) -> ImportResult:
    from tracker.mail import importer
    from tracker.recognition.dkim import KeyResolver
    from tracker.recognition.verify import Checker, recheck
    from tracker.store.lock import exclusive
    from tracker.sync import SyncSummary, ingest_all

    sessions = database(config)
    summary = SyncSummary("import")
    not_mail: list[str] = []
    checker = Checker(KeyResolver(list(config.dkim.nameservers)), config.dkim.import_authserv_id)
    with exclusive(config.database_url, "import"):
        with sessions.begin() as session:  # what DNS could not answer last time
            recheck(session, checker, "import")
        summary.reread = _reread(config, sessions)  # the recognition changed since they were read
        try:
            for path in paths:
                ingest_all(sessions, _mail_only(importer.read(path), not_mail), summary,
                           progress=progress, checker=checker)
        except KeyboardInterrupt:
            from tracker.act.summary import kept_line

            raise Interrupted([kept_line(None, summary, False)]) from None
    return ImportResult(summary, not_mail)


def _mail_only(messages: Iterator[RawMessage], not_mail: list[str]) -> Iterator[RawMessage]:
    """A file that is no mail (a PDF, a note) is named and skipped; broken mail goes on to be
    recorded as unreadable with its reason."""
    from tracker.store import unreadable

    for raw in messages:
        if unreadable.is_mail(raw.data):
            yield raw
        else:
            not_mail.append(raw.folder)  # an imported message's folder is its file
        del raw  # or this loop would hold a message (40 MB, say) while the next one is read


def status(config: Config, person: str | None = None) -> Status:
    """Every account; with `person`, only that person's, cut to what their mailboxes saw."""
    from tracker.store import people

    audience = people.Audience(config.person(person)) if person is not None else None
    return _statuses(config, [audience] if audience else [None])[0]


def status_by_person(config: Config) -> list[tuple[str, Status]]:
    """(heading, status) per configured person, then the owner's share (accounts no person's
    mailbox saw), then accounts that only mailboxes the config no longer names saw; the last
    two are left out when empty."""
    from tracker.store import people

    audiences = people.audiences(config)
    *found, everything = _statuses(config, [*audiences, None])
    parts = [(a.name or people.OWNER_LABEL, st) for a, st in zip(audiences, found, strict=True)
             if a.person is not None or st.accounts]
    rest = people.nobodys(everything.accounts, config)
    if rest:
        parts.append((people.NOBODY_LABEL, Status(rest, [], [], {s.key: [] for s in rest})))
    return parts


def _statuses(config: Config, audiences: list[people.Audience | None]) -> list[Status]:
    from tracker.store import people, reader, unreadable
    from tracker.store.state import derive

    # A current SQLite database is read with sqlite3 alone: SQLAlchemy's import was most of
    # `status`'s time (issue 21 item 2). Anything else takes the ORM, which migrates.
    snapshot = reader.read(config.database_url)
    if snapshot is not None:
        broken, evidence, suspicious = snapshot.unreadable, snapshot.evidence, snapshot.suspicious
        states = derive(evidence, snapshot.groups)
    else:
        from tracker.store.repo import Repository

        with database(config).begin() as session:
            repo = Repository(session)
            broken = unreadable.listing(session)
            evidence = repo.evidence()
            states = derive(evidence, repo.groups())
            suspicious = repo.suspicious()
    results = []
    for audience in audiences:
        if audience is None:
            shown, mails, unread = states, suspicious, broken
        else:
            shown = people.view(states, evidence, config, audience)
            mails = people.suspicious_for(suspicious, config, audience)
            boxes = people.visible_mailboxes(config, audience, {u.mailbox for u in broken})
            unread = [u for u in broken if u.mailbox in boxes]
        owners = {s.key: people.people_of(s, config) for s in shown}
        results.append(Status(shown, mails, unread, owners))
    return results


def parse_account(value: str) -> tuple[str, str]:
    platform, sep, account = value.partition(":")
    platform = platform.strip().lower()
    platform = ALIASES.get(platform, platform)  # threads: names the Instagram account it rides on
    if not sep or not account.strip():
        raise TrackerError(f"{value!r}: write the account as PLATFORM:ACCOUNT, "
                           "e.g. instagram:some.username or facebook:me@example.org")
    if platform not in PLATFORMS:
        raise TrackerError(f"{platform!r} is not a platform ({', '.join(PLATFORMS)})")
    return platform, account.strip().lower()


def why(config: Config, account: str) -> AccountState:
    """The account's state with the mails and marks behind it, for `why`."""
    from tracker.store import accounts as known_accounts

    platform, name = parse_account(account)
    states = status(config).accounts
    for s in states:
        if s.platform == platform and s.account == name:
            return s
    raise known_accounts.NotNamed(f"{platform}:{name}", [s.key for s in states])


def mark(config: Config, account: str, action: str, note: str | None = None,
         at: dt.datetime | None = None, *, new: bool = False) -> tuple[AccountState, bool]:
    """Record what the user did by hand. Returns the account's new state and whether the
    tracker knew the account before. An account it does not know is refused (a typo would
    otherwise wait in every digest) unless `new` says it is meant."""
    from tracker.store import accounts as known_accounts
    from tracker.store.repo import Repository

    if action not in MARK_ACTIONS:
        raise TrackerError(f"{action!r} is not one of {', '.join(MARK_ACTIONS)}")
    platform, name = parse_account(account)
    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        known = repo.account(platform, name) is not None
        if not known and not new:
            known_accounts.require_known(session, platform, name)
        repo.add_mark(platform, name, action, note, at)
    current = next(s for s in status(config).accounts
                   if s.platform == platform and s.account == name)
    return current, known


@dataclass(frozen=True)
class RemindResult:
    pending: int  # accounts pending now, whether or not a channel was due to hear of them
    deliveries: list[Delivery]  # what was due, one per person and channel
    sent: list[Delivery]
    failures: list[NotifyError]
    labels: dict[tuple[str | None, str], str]  # (person, channel key) -> what to call it on screen
    dry_run: bool = False
    skipped: list[str] = field(default_factory=list)  # people another run was reminding (PostgreSQL)

    @property
    def exit_code(self) -> int:
        return self.failures[0].exit_code if self.failures else 0

    def label(self, delivery: Delivery) -> str:
        return self.labels[(delivery.person, delivery.channel)]


def remind(config: Config, *, now: dt.datetime | None = None, dry_run: bool = False,
           stream: TextIO | None = None) -> RemindResult:
    """Send each person (and the config's owner) one digest per channel of the accounts due for
    them; record what went out. A channel that fails does not stop the others and is not
    recorded. On PostgreSQL each person's digest is built, sent and recorded under a lock in
    the database, so that two hosts never send it twice."""
    from tracker.store import hosts
    from tracker.store.lock import exclusive

    sessions = database(config)
    if dry_run:  # reads only, so a preview needs no lock and works while a sync runs
        return _remind(config, sessions, now, dry_run=True, stream=stream)
    if hosts.shared(config.database_url):
        return _remind(config, sessions, now, dry_run=False, stream=stream, shared=True)
    with exclusive(config.database_url, "remind"):
        return _remind(config, sessions, now, dry_run=False, stream=stream)


def _remind(config: Config, sessions: sessionmaker[Session], now: dt.datetime | None, *,
            dry_run: bool, stream: TextIO | None, shared: bool = False) -> RemindResult:
    from tracker.store import hosts, people

    now = now or dt.datetime.now(dt.UTC)
    result = RemindResult(0, [], [], [], {}, dry_run)
    waiting: set[str] = set()
    for audience in people.audiences(config):
        if not shared:
            _remind_one(config, sessions, audience, now, stream, result, waiting)
            continue
        with hosts.advisory(sessions, "person", audience.key) as mine:
            if mine:
                # A sync of this audience's mailboxes still running elsewhere: its accounts
                # belong in this one digest, not in a second one that run would send.
                hosts.wait_for(sessions, "mailbox", people.mailboxes_of(config, audience))
                _remind_one(config, sessions, audience, now, stream, result, waiting)
            else:
                log.info("%s: another run is sending this digest now; left alone",
                         audience.name or "the owner")
                result.skipped.append(audience.key)
    return replace(result, pending=len(waiting))


def _remind_one(config: Config, sessions: sessionmaker[Session], audience: people.Audience,
                now: dt.datetime, stream: TextIO | None, result: RemindResult,
                waiting: set[str]) -> None:
    """One audience's digests: what is due is read after the lock is taken, so a digest another
    run recorded a moment ago is not due again."""
    from tracker.act import notify
    from tracker.act.remind import pending, plan
    from tracker.store import people
    from tracker.store.repo import Repository
    from tracker.store.state import derive

    rc = config.reminders
    with sessions.begin() as session:
        repo = Repository(session)
        evidence = repo.evidence()
        states = people.view(derive(evidence, repo.groups()), evidence, config, audience)
        history = repo.last_reminders(audience.key)
    channels = {c.key: c for c in notify.channels(rc, stream, audience.person)}
    language = audience.person.language if audience.person else None
    deliveries = [replace(d, person=audience.name) for d in plan(
        states, history, list(channels), now=now, every_days=rc.every_days,
        stale_after_days=rc.stale_after_days, language=language)]
    waiting.update(a.key for a in pending(states, now=now, stale_after_days=rc.stale_after_days))
    result.labels.update({(audience.name, key): c.label for key, c in channels.items()})
    result.deliveries.extend(deliveries)
    for delivery in [] if result.dry_run else deliveries:
        try:
            channels[delivery.channel].send(delivery.digest)
        except NotifyError as exc:
            result.failures.append(exc)
            continue
        with sessions.begin() as session:  # per channel: a later channel failing keeps this one
            repo = Repository(session)
            for a in delivery.digest.accounts:
                repo.record_reminder(a.platform, a.account, delivery.channel, a.reason, now,
                                     person=audience.key)
        result.sent.append(delivery)


@dataclass(frozen=True)
class RunResult:
    summaries: list[SyncSummary]
    sync_failures: list[MailboxError]
    reminders: RemindResult
    synced: bool  # False when no mailbox is configured (reminders over imported mail only)

    @property
    def exit_code(self) -> int:
        if self.sync_failures:
            return self.sync_failures[0].exit_code
        if any(s.errors for s in self.summaries):
            return MailboxError.exit_code
        return self.reminders.exit_code


def run_once(config: Config, *, now: dt.datetime | None = None, stream: TextIO | None = None,
             progress: Progress | None = None,
             synced: Callable[[list[SyncSummary], list[MailboxError]], None] | None = None,
             jobs: int = DEFAULT_JOBS) -> RunResult:
    """Sync every mailbox, then remind, under one lock held for the whole run (for cron and the
    scheduler). A failed sync still reminds about what is known. `synced` hears of the sync
    before the reminders go out, so that what is printed comes in the order it happened."""
    from tracker.store import hosts
    from tracker.store.lock import exclusive

    boxes = _boxes(config, ()) if config.mailboxes else []
    sessions = database(config)
    if hosts.shared(config.database_url):  # several hosts: locks per mailbox and person instead
        reread = _reread(config, sessions) if boxes else None
        summaries, failures = _with_reread(_sync_boxes(
            _Later.ready(sessions), boxes, progress, jobs=jobs, shared=True, run=True,
            configured=_names(config)), reread)
        if synced:
            synced(summaries, failures)
        reminded = _remind(config, sessions, now, dry_run=False, stream=stream, shared=True)
        return RunResult(summaries, failures, reminded, synced=bool(boxes))
    # A mailbox with nothing new is found so without reading mail (tracker.unchanged), as by `sync`.
    state = _current(config)
    with exclusive(config.database_url, "run"), state or nullcontext():
        reread = _reread(config, sessions) if boxes and state is None else None
        summaries, failures = _with_reread(_sync_boxes(
            _Later.ready(sessions), boxes, progress, jobs=jobs, run=True, state=state,
            configured=_names(config)), reread)
        if synced:
            synced(summaries, failures)
        reminded = _remind(config, sessions, now, dry_run=False, stream=stream)
    return RunResult(summaries, failures, reminded, synced=bool(boxes))


def link(config: Config, accounts: list[str], *,
         new: bool = False) -> tuple[list[AccountState], list[str]]:
    """Record that the accounts share one Accounts Center. Returns the group's states and the
    accounts the tracker did not know (refused, unless `new` says they are meant: then added)."""
    from tracker.store import accounts as known_accounts
    from tracker.store.repo import Repository

    keys = [parse_account(a) for a in accounts]
    if len(set(keys)) < 2:
        raise TrackerError("link needs at least two different accounts")
    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        unknown = [f"{p}:{a}" for p, a in keys if repo.account(p, a) is None]
        if unknown and not new:  # nothing is linked when one of them is a typo
            known_accounts.require_known(session, *parse_account(unknown[0]))
        repo.link(keys)
    wanted = {f"{p}:{a}" for p, a in keys}
    group = next(s for s in status(config).accounts if s.key in wanted).group
    return [s for s in status(config).accounts if s.key in group], unknown


def forget(config: Config, account: str) -> str:
    """Remove an account that only marks or links made (a typo, or `--new` by mistake). An
    account that mail named stays: it can only be marked ignored."""
    from tracker.store import accounts as known_accounts

    platform, name = parse_account(account)
    sessions = database(config)
    with sessions.begin() as session:
        known_accounts.forget(session, platform, name)
    return f"{platform}:{name}"


def suspicious(config: Config, person: str | None = None) -> list[SuspiciousMail]:
    """Every suspicious mail, oldest first, seen or not (for `suspicious`); with `person`, only
    the mail of their own mailboxes, as `status --person` shows it."""
    from tracker.store import people
    from tracker.store.repo import Repository

    audience = people.Audience(config.person(person)) if person is not None else None
    with database(config).begin() as session:
        mails = Repository(session).suspicious()
    return people.suspicious_for(mails, config, audience) if audience else mails


def acknowledge_suspicious(config: Config, ids: list[int] | None,
                           person: str | None = None) -> list[int]:
    """Mark suspicious mails seen (`suspicious ack`): those of `ids`, or every new one (None);
    with `person`, only among the mail of their own mailboxes, so one person's "seen" never
    hides another's. An id that names no such mail is refused before anything is marked."""
    from tracker.store.repo import Repository

    mine = suspicious(config, person)
    if ids is not None:
        known = {m.id for m in mine}
        wrong = [i for i in ids if i not in known]
        if wrong:
            whose = f"{person}'s " if person else ""
            raise TrackerError(f"no {whose}suspicious mail has the number {', '.join(map(str, wrong))}"
                               " (`objection-tracker suspicious` lists them with theirs)")
    elif person is not None:
        ids = [m.id for m in mine if m.seen_at is None]
    with database(config).begin() as session:
        return Repository(session).acknowledge_suspicious(ids)


def unlink(config: Config, accounts: list[str]) -> list[AccountState]:
    """Take accounts out of their group; each gets back the state its own mail gives it."""
    from tracker.store.repo import Repository

    keys = [parse_account(a) for a in accounts]
    sessions = database(config)
    with sessions.begin() as session:
        if Repository(session).unlink(keys) == 0:
            raise TrackerError(f"{', '.join(accounts)}: not linked to any other account")
    wanted = {f"{p}:{a}" for p, a in keys}
    return [s for s in status(config).accounts if s.key in wanted]


def doctor(config: Config, names: tuple[str, ...] = ()) -> list[checkup.Checkup]:
    """Check the named mailboxes (all by default) as a sync would meet them. Changes nothing:
    no database, no lock, folders opened read-only, nothing fetched."""
    from tracker.act import doctor as checkup

    boxes = [config.mailbox(n) for n in names] if names else list(config.mailboxes)
    if not boxes:
        raise ConfigError(f"{config.path or 'config'}: no [[mailboxes]] configured "
                          "(run `objection-tracker init` and edit the file it names)")
    return [checkup.check(box) for box in boxes]


def auth_set(config: Config, name: str, ask: Callable[[MailboxConfig], str]) -> MailboxConfig:
    """Store a mailbox's password in the system keyring (for `keyring = true`). `ask` is called
    for the password only once the mailbox is known to use the keyring and the keyring works."""
    from tracker.mail.credentials import (
        check_available,
        check_keyring_backend,
        source,
        store_in_keyring,
    )

    box = config.mailbox(name)
    index = config.mailboxes.index(box)
    if not box.keyring:
        raise ConfigError(f"mailboxes[{index}].keyring: mailbox {name!r} has its {source(box)}; "
                          "set keyring = true there instead to use the system keyring")
    check_available(box, index)
    check_keyring_backend(box)  # before asking: a password typed twice and then refused is rude
    secret = ask(box)
    if not secret:
        raise TrackerError("an empty password was not stored")
    store_in_keyring(box, secret)
    return box


def evidence(config: Config, account: str | None, out: Path, *, every: bool = False,
             person: str | None = None) -> list[Path]:
    """Write one account's evidence (or every account's, each in a folder of its own) into `out`.
    With `person`, only that person's accounts and the mail of their own mailboxes."""
    from tracker.act import evidence as proof
    from tracker.store import accounts as known_accounts
    from tracker.store import people
    from tracker.store.repo import Repository
    from tracker.store.state import derive

    audience = people.Audience(config.person(person)) if person is not None else None
    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        found = repo.evidence()
        states = derive(found, repo.groups())
        if audience is not None:
            states = people.view(states, found, config, audience)
        if every:
            # WhatsApp's accounts have evidence once its AI objection's mail exists (issue 23).
            chosen = [s for s in states if s.state != "no_objection_available"]
        else:
            if account is None:
                raise TrackerError("name an account (PLATFORM:ACCOUNT) or give --all")
            platform, name = parse_account(account)
            chosen = [s for s in states if s.platform == platform and s.account == name]
            if not chosen:
                raise known_accounts.NotNamed(f"{platform}:{name}", [s.key for s in states])
        # A new or empty folder, new files only, never through a link (issue 20 item 8).
        with proof.Folder.create(out) as top:
            folders: dict[str, str] = {}
            for s in chosen:
                mails = proof.account_mails(session, s.platform, s.account)
                if audience is not None:
                    boxes = people.visible_mailboxes(config, audience, {m.mailbox for m in mails})
                    mails = [m for m in mails if m.mailbox in boxes]
                if not every:
                    proof.export(s, mails, top)
                    continue
                folders[s.key] = proof.folder_name(s.key)
                with top.folder(folders[s.key]) as own:
                    proof.export(s, mails, own)
                    top.written += own.written
            if every:
                proof.index(chosen, folders, top)
            written = list(top.written)
        return written


def reminder_text(config: Config, account: str, language: str | None = None,
                  now: dt.datetime | None = None) -> tuple[AccountState, str]:
    """The reminder to send Meta for an overdue objection (issue 23 item 5), in `language`, the
    config's or English."""
    from tracker.act import complaint as letters

    now = now or dt.datetime.now(dt.UTC)
    state = why(config, account)
    w = letters.words(language or config.complaint.language)
    return state, letters.reminder(state, now, w, config.complaint.name).text


def complaint(config: Config, account: str, out: Path, *, language: str | None = None,
              reminded: dt.date | None = None, now: dt.datetime | None = None) -> list[Path]:
    """A complaint to the supervisory authority about an overdue or refused objection, in a new
    or empty folder: complaint.txt beside evidence/, the account's proof as `evidence` writes it."""
    from tracker.act import complaint as letters
    from tracker.act import evidence as proof
    from tracker.store import accounts as known_accounts
    from tracker.store.repo import Repository
    from tracker.store.state import derive

    now = now or dt.datetime.now(dt.UTC)
    platform, name = parse_account(account)
    to = letters.authority(config.complaint.authority)
    w = letters.words(language or config.complaint.language, to.language)
    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        states = derive(repo.evidence(), repo.groups(), now=now)
        state = next((s for s in states if s.platform == platform and s.account == name), None)
        if state is None:
            raise known_accounts.NotNamed(f"{platform}:{name}", [s.key for s in states])
        mails = proof.account_mails(session, platform, name)
        # Checked before anything is written: no folder is left behind for a refused complaint.
        text = letters.complaint(state, now, w, to, name=config.complaint.name, reminded=reminded,
                                 files=proof.kept(mails)).text
        with proof.Folder.create(out) as top:
            with top.folder("evidence") as own:
                proof.export(state, mails, own, now=now)
                top.written += own.written
            top.write("complaint.txt", text)
            return list(top.written)


@dataclass(frozen=True)
class ScheduleFiles:
    """What `schedule` prints (each file under its name) or has written, and what to do next."""

    files: list[tuple[Path, str]]
    lines: list[str]


SECRETS_FILE = "secrets.env"  # beside the config file: the systemd service's EnvironmentFile


def schedule(config: Config, form: str, command: list[str], env: dict[str, str], *,
             install: bool, where: Path | None = None) -> ScheduleFiles:
    """The nightly run for systemd (a user service and timer, the secrets through a 0600
    EnvironmentFile) or cron (a crontab block); with `install`, written (tracker.act.install)."""
    from tracker import config as settings
    from tracker.act import install as installer
    from tracker.act import schedule as forms

    secrets = settings.secret_users(config)
    home = (config.path or settings.default_config_path()).absolute().parent
    if form == "systemd":
        folder = where or settings.systemd_user_dir()
        env_file = home / SECRETS_FILE
        units = forms.systemd(command, config.schedule, env, env_file=env_file, secrets=secrets,
                              keyring=[b.name for b in config.mailboxes if b.keyring])
        files = [(folder / name, text) for name, text in units.items()]
        if secrets:
            files.append((env_file, forms.env_file_text(secrets)))
        steps = forms.systemd_next_steps(env_file, secrets)
        if not install:
            return ScheduleFiles(files, steps)
        # The secrets file first: alone it is harmless; units without it would fail at night.
        done = installer.secrets_file(env_file, secrets, forms.env_file_text(secrets)) \
            if secrets else []
        done += [f"Wrote {p} (mode 0600)." for p in installer.write_units(folder, units)]
        return ScheduleFiles([], done + steps)
    if not install:
        text = forms.crontab(command, config.schedule, env, secrets=list(secrets))
        return ScheduleFiles([(Path("crontab"), text)], [])
    current = installer.current_crontab()
    block = forms.crontab(command, config.schedule, env, secrets=list(secrets),
                          values=installer.filled_values(current or ""))
    merged, entries = installer.merged_crontab(current or "", block)
    path = installer.write_crontab((where or home) / "objection-tracker.crontab", merged)
    done = [f"Wrote {path} (mode 0600): "
            + (f"your current crontab ({entries} entr{'y' if entries == 1 else 'ies'}, kept as "
               "they are) and this job at its end." if current else "this job.")]
    if current is None:
        done.append("There is no `crontab` command here: install cron first.")
    if secrets:
        done.append(f"Fill in {', '.join(secrets)} in it (the lines NAME= above the job).")
    done.append(f"Then load it: crontab {path}")
    return ScheduleFiles([], done)
