"""What each command does, as plain functions over a Config: the CLI and the scheduler call these.

Each opens the database (migrating it to the newest schema first) and returns values; printing is
the caller's business.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session, sessionmaker

from tracker import accounts as known_accounts
from tracker import doctor as checkup
from tracker import hints, importer, notify, unreadable
from tracker.classify import PLATFORMS
from tracker.config import Config, MailboxConfig
from tracker.credentials import (
    check_available,
    check_keyring_backend,
    source,
    store_in_keyring,
)
from tracker.db.engine import open_database
from tracker.db.repo import Repository, SuspiciousMail
from tracker.dkim import KeyResolver
from tracker.errors import ConfigError, MailboxError, NotifyError, TrackerError
from tracker.lock import exclusive
from tracker.rawmail import RawMessage
from tracker.remind import Delivery, pending, plan
from tracker.state import AccountState, derive
from tracker.sync import Progress, SyncSummary, ingest_all, sync_mailbox
from tracker.verify import Checker, recheck

MARK_ACTIONS = ("submitted", "confirmed", "ignored", "reset")
EXAMPLE = Path(__file__).with_name("config.example.toml")


@dataclass(frozen=True)
class Status:
    accounts: list[AccountState]
    suspicious: list[SuspiciousMail]
    unreadable: list[unreadable.Unreadable] = field(default_factory=list)


def database(config: Config) -> sessionmaker[Session]:
    return open_database(config.database_url)


def init(config_path: Path, database_url: str, *, force: bool = False) -> bool:
    """Write the commented example config (0600) unless one exists; create the database.
    Returns True when a config file was written."""
    written = False
    if force or not config_path.exists():
        config_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(config_path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(EXAMPLE.read_text(encoding="utf-8"))
        written = True
    open_database(database_url)
    return written


def sync(config: Config, names: tuple[str, ...] = (), *,
         progress: Progress | None = None) -> tuple[list[SyncSummary], list[MailboxError]]:
    """Sync the named mailboxes (all by default). A mailbox that fails does not stop the others."""
    boxes = _boxes(config, names)
    sessions = database(config)
    with exclusive(config.database_url, "sync"):
        return _sync_boxes(sessions, boxes, progress)


def _boxes(config: Config, names: tuple[str, ...]) -> list[MailboxConfig]:
    boxes = [config.mailbox(n) for n in names] if names else list(config.mailboxes)
    if not boxes:
        raise ConfigError(f"{config.path or 'config'}: no [[mailboxes]] configured "
                          "(run `objection-tracker init` and edit the file it names)")
    return boxes


def _sync_boxes(sessions: sessionmaker[Session], boxes: list[MailboxConfig],
                progress: Progress | None) -> tuple[list[SyncSummary], list[MailboxError]]:
    """The caller holds the lock (sync, or run_once around sync and remind).

    A mailbox whose secret cannot be had, or that cannot be reached, is that mailbox's failure:
    the others still sync. Each error carries the hint `doctor` would give."""
    summaries, failures = [], []
    # One cache of DKIM key lookups for the run (all mailboxes name the same [dkim] nameservers).
    resolver = KeyResolver(list(boxes[0].dkim_nameservers)) if boxes else None
    for box in boxes:
        try:
            wrong = hints.mismatch(box)
            if wrong:
                raise wrong
            summary = sync_mailbox(sessions, box, progress=progress, resolver=resolver)
        except MailboxError as exc:
            failures.append(hints.for_sync(exc))
            continue
        summary.errors[:] = [hints.folder_error(e, box.name) for e in summary.errors]
        summaries.append(summary)
    return summaries, failures


@dataclass(frozen=True)
class ImportResult:
    summary: SyncSummary
    not_mail: list[str]  # files that are no mail at all: named, skipped, not recorded


def import_paths(config: Config, paths: list[Path], *,
                 progress: Progress | None = None) -> ImportResult:
    sessions = database(config)
    summary = SyncSummary("import")
    not_mail: list[str] = []
    checker = Checker(KeyResolver(list(config.dkim.nameservers)), config.dkim.import_authserv_id)
    with exclusive(config.database_url, "import"):
        with sessions.begin() as session:  # what DNS could not answer last time
            recheck(session, checker, "import")
        for path in paths:
            ingest_all(sessions, _mail_only(importer.read(path), not_mail), summary,
                       progress=progress, checker=checker)
    return ImportResult(summary, not_mail)


def _mail_only(messages: Iterator[RawMessage], not_mail: list[str]) -> Iterator[RawMessage]:
    """A file that is no mail (a PDF, a note) is named and skipped; broken mail goes on to be
    recorded as unreadable with its reason."""
    for raw in messages:
        if unreadable.is_mail(raw.data):
            yield raw
        else:
            not_mail.append(raw.folder)  # an imported message's folder is its file
        del raw  # or this loop would hold a message (40 MB, say) while the next one is read


def status(config: Config) -> Status:
    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        broken = unreadable.listing(session)
        return Status(derive(repo.evidence(), repo.groups()), repo.suspicious(), broken)


def parse_account(value: str) -> tuple[str, str]:
    platform, sep, account = value.partition(":")
    platform = platform.strip().lower()
    if not sep or not account.strip():
        raise TrackerError(f"{value!r}: write the account as PLATFORM:ACCOUNT, "
                           "e.g. instagram:some.username or facebook:me@example.org")
    if platform not in PLATFORMS:
        raise TrackerError(f"{platform!r} is not a platform ({', '.join(PLATFORMS)})")
    return platform, account.strip().lower()


def why(config: Config, account: str) -> AccountState:
    """The account's state with the mails and marks behind it, for `why`."""
    platform, name = parse_account(account)
    for s in status(config).accounts:
        if s.platform == platform and s.account == name:
            return s
    raise TrackerError(f"{platform}:{name}: no mail or mark names this account "
                       "(`objection-tracker accounts` lists the known ones)")


def mark(config: Config, account: str, action: str, note: str | None = None,
         at: dt.datetime | None = None, *, new: bool = False) -> tuple[AccountState, bool]:
    """Record what the user did by hand. Returns the account's new state and whether the
    tracker knew the account before. An account it does not know is refused (a typo would
    otherwise wait in every digest) unless `new` says it is meant."""
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
    deliveries: list[Delivery]  # what was due, one per channel
    sent: list[Delivery]
    failures: list[NotifyError]
    labels: dict[str, str]  # channel key -> what to call it on screen
    dry_run: bool = False

    @property
    def exit_code(self) -> int:
        return self.failures[0].exit_code if self.failures else 0


def remind(config: Config, *, now: dt.datetime | None = None, dry_run: bool = False,
           stream: TextIO | None = None) -> RemindResult:
    """Send each channel its digest of the accounts due for it; record what went out.
    A channel that fails does not stop the others and is not recorded."""
    sessions = database(config)
    if dry_run:  # reads only, so a preview needs no lock and works while a sync runs
        return _remind(config, sessions, now, dry_run=True, stream=stream)
    with exclusive(config.database_url, "remind"):
        return _remind(config, sessions, now, dry_run=False, stream=stream)


def _remind(config: Config, sessions: sessionmaker[Session], now: dt.datetime | None, *,
            dry_run: bool, stream: TextIO | None) -> RemindResult:
    now = now or dt.datetime.now(dt.UTC)
    rc = config.reminders
    with sessions.begin() as session:
        repo = Repository(session)
        states = derive(repo.evidence(), repo.groups())
        history = repo.last_reminders()
    channels = {c.key: c for c in notify.channels(rc, stream)}
    deliveries = plan(states, history, list(channels), now=now, every_days=rc.every_days,
                      stale_after_days=rc.stale_after_days)
    waiting = len(pending(states, now=now, stale_after_days=rc.stale_after_days))
    labels = {key: c.label for key, c in channels.items()}
    sent: list[Delivery] = []
    failures: list[NotifyError] = []
    for delivery in [] if dry_run else deliveries:
        try:
            channels[delivery.channel].send(delivery.digest)
        except NotifyError as exc:
            failures.append(exc)
            continue
        with sessions.begin() as session:  # per channel: a later channel failing keeps this one
            repo = Repository(session)
            for a in delivery.digest.accounts:
                repo.record_reminder(a.platform, a.account, delivery.channel, a.reason, now)
        sent.append(delivery)
    return RemindResult(waiting, deliveries, sent, failures, labels, dry_run)


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
             ) -> RunResult:
    """Sync every mailbox, then remind, under one lock held for the whole run (for cron and the
    scheduler). A failed sync still reminds about what is known. `synced` hears of the sync
    before the reminders go out, so that what is printed comes in the order it happened."""
    boxes = _boxes(config, ()) if config.mailboxes else []
    sessions = database(config)
    with exclusive(config.database_url, "run"):
        summaries, failures = _sync_boxes(sessions, boxes, progress)
        if synced:
            synced(summaries, failures)
        reminded = _remind(config, sessions, now, dry_run=False, stream=stream)
    return RunResult(summaries, failures, reminded, synced=bool(boxes))


def link(config: Config, accounts: list[str], *,
         new: bool = False) -> tuple[list[AccountState], list[str]]:
    """Record that the accounts share one Accounts Center. Returns the group's states and the
    accounts the tracker did not know (refused, unless `new` says they are meant: then added)."""
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
    platform, name = parse_account(account)
    sessions = database(config)
    with sessions.begin() as session:
        known_accounts.forget(session, platform, name)
    return f"{platform}:{name}"


def unlink(config: Config, accounts: list[str]) -> list[AccountState]:
    """Take accounts out of their group; each gets back the state its own mail gives it."""
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
    boxes = [config.mailbox(n) for n in names] if names else list(config.mailboxes)
    if not boxes:
        raise ConfigError(f"{config.path or 'config'}: no [[mailboxes]] configured "
                          "(run `objection-tracker init` and edit the file it names)")
    return [checkup.check(box) for box in boxes]


def auth_set(config: Config, name: str, ask: Callable[[MailboxConfig], str]) -> MailboxConfig:
    """Store a mailbox's password in the system keyring (for `keyring = true`). `ask` is called
    for the password only once the mailbox is known to use the keyring and the keyring works."""
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


def evidence(config: Config, account: str | None, out: Path, *, every: bool = False) -> list[Path]:
    """Write one account's evidence (or every account's, each in a folder of its own) into `out`."""
    from tracker import evidence as proof

    sessions = database(config)
    with sessions.begin() as session:
        repo = Repository(session)
        states = derive(repo.evidence(), repo.groups())
        if every:
            chosen = [s for s in states if s.platform != "whatsapp"]
        else:
            if account is None:
                raise TrackerError("name an account (PLATFORM:ACCOUNT) or give --all")
            platform, name = parse_account(account)
            chosen = [s for s in states if s.platform == platform and s.account == name]
            if not chosen:
                raise TrackerError(f"{platform}:{name}: no mail or mark names this account "
                                   "(`objection-tracker accounts` lists the known ones)")
        written: list[Path] = []
        for s in chosen:
            target = out / proof.folder_name(s.key) if every else out
            try:
                written += proof.export(s, proof.account_mails(session, s.platform, s.account), target)
            except OSError as exc:
                raise TrackerError(f"{target}: cannot write the evidence: {exc.strerror}") from None
        return written
