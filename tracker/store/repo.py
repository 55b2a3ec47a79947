"""The queries the rest of the code needs, over one SQLAlchemy session.

The caller owns the transaction: sync commits once per batch, so a killed run keeps every batch it
finished and the unique keys make a re-run add nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from tracker.store import models
from tracker.store.sync_state import TEMPERROR, FolderProgress  # noqa: F401 (its old home)
from tracker.store.values import Evidence, SuspiciousMail  # noqa: F401 (their old home)

if TYPE_CHECKING:  # status and why read the store without the classifier (issue 21 item 2)
    from tracker.mail.rawmail import RawMessage
    from tracker.recognition.classify import Finding as FindingValue
    from tracker.recognition.dkim import DkimVerdict
    from tracker.recognition.parse import ParsedMail


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def fit(value: str | None, size: int | None = None) -> str | None:
    """A value cut shorter than its column would be (a subject, a reason). Every column also
    cleans and cuts what it is given by its own type (models.CleanString), whoever writes it."""
    return None if value is None else models.storable(value, size)


def sender_label(sender) -> str:
    """The sender as a finding stores it: "Name <address>", or the address alone."""
    if sender is None:
        return ""
    return fit(f"{sender.name} <{sender.address}>" if sender.name else sender.address, 1000) or ""


# (sender, address, account) of everyday findings -> the earliest moment one of them counts from.
KnownAccounts = dict[tuple[str, str, str], dt.datetime]


def learn(known: KnownAccounts, more: KnownAccounts) -> None:
    """Add `more` to `known`, keeping the earlier moment of each."""
    for key, at in more.items():
        if key not in known or at < known[key]:
            known[key] = at


def _counts_from(date: dt.datetime, arrived: dt.datetime | None) -> dt.datetime:
    """tracker.store.state.when for a stored mail: its Date, or when it arrived if that is earlier."""
    return arrived if arrived is not None and arrived < date else date


def _size(column) -> int | None:
    return getattr(column.property.columns[0].type, "length", None)


_KEY = _size(models.ProcessedMessage.message_key)
_ACCOUNT = _size(models.Account.account)
_ADDRESS = _size(models.Finding.address)
_LANGUAGE = _size(models.Finding.language)
_MESSAGE_ID = _size(models.Finding.message_id)
_FOLDER = _size(models.Finding.folder)
_MAILBOX = _size(models.Finding.mailbox)


class Repository:
    def __init__(self, session: Session) -> None:
        self.session = session
        # Answers already known in this session: a sync asks about every message of a batch,
        # and a query each (with its autoflush) was a third of a large first sync.
        self._has_finding: dict[str, bool] = {}
        self._accounts: dict[tuple[str, str], models.Account] = {}
        self._templates: dict[tuple[str, str], models.TemplateSeen] = {}
        # Everyday findings recorded here, as known_accounts gives them.
        self.recorded_accounts: KnownAccounts = {}
        # How the last finding recorded here was believed Meta's (a sync's template history
        # learns only from mail Meta's signature vouched for).
        self.last_authenticity: str | None = None

    # --- sync progress -------------------------------------------------------------------------
    def folder_progress(self, mailbox: str, folder: str) -> FolderProgress | None:
        row = self._folder_row(mailbox, folder)
        if row is None:
            return None
        return FolderProgress(row.uidvalidity, row.next_uid, row.highest_modseq, row.scanned_since,
                              row.account)

    def save_folder_progress(self, mailbox: str, folder: str, progress: FolderProgress) -> None:
        row = self._folder_row(mailbox, folder)
        if row is None:
            row = models.FolderState(mailbox=mailbox, folder=folder)
            self.session.add(row)
        row.uidvalidity = progress.uidvalidity
        row.next_uid = progress.next_uid
        row.highest_modseq = progress.highest_modseq
        row.scanned_since = progress.scanned_since
        row.account = progress.account
        row.synced_at = now()

    def _folder_row(self, mailbox: str, folder: str) -> models.FolderState | None:
        return self.session.scalar(select(models.FolderState).where(
            models.FolderState.mailbox == mailbox, models.FolderState.folder == folder))

    def forget_processed(self, mailbox: str, folder: str) -> int:
        """Drop what was looked at in a folder of another account that had this mailbox's name
        (FolderProgress.account): its UIDs name other mail here. Findings stay (a mail of both
        is matched by its Message-ID)."""
        return self.session.execute(delete(models.ProcessedMessage).where(
            models.ProcessedMessage.mailbox == mailbox,
            models.ProcessedMessage.folder == folder)).rowcount

    def adopt_unverified(self, mailbox: str, configured: Collection[str],
                         now: dt.datetime) -> int:
        """Flow mails waiting for a DKIM re-check that is due, recorded under a name no
        `configured` mailbox has (the mailbox renamed since, or removed; `import`), which this
        mailbox has read too: they become this mailbox's, whose sync checks them again
        (verify.recheck looks under the syncing mailbox's name only). SyncState.recheck_due
        selects the same rows."""
        if not configured:
            return 0
        read_here = select(models.ProcessedMessage.id).where(
            models.ProcessedMessage.message_key == models.Finding.message_key,
            models.ProcessedMessage.mailbox == mailbox).exists()
        orphans = self.session.scalars(select(models.Finding.id).where(
            models.Finding.dkim_result == TEMPERROR, models.Finding.raw.is_not(None),
            models.Finding.dkim_recheck_at.is_(None) | (models.Finding.dkim_recheck_at <= now),
            models.Finding.mailbox.not_in(list(configured)), read_here)).all()
        if orphans:  # an UPDATE would take SQLite's write lock even for no row
            self.session.execute(update(models.Finding).where(models.Finding.id.in_(orphans))
                                 .values(mailbox=mailbox).execution_options(synchronize_session=False))
        return len(orphans)

    def processed_uids(self, mailbox: str, folder: str, uidvalidity: int,
                       uids: Iterable[int]) -> set[int]:
        uids = list(uids)
        if not uids:
            return set()
        return set(self.session.scalars(select(models.ProcessedMessage.uid).where(
            models.ProcessedMessage.mailbox == mailbox,
            models.ProcessedMessage.folder == folder,
            models.ProcessedMessage.uidvalidity == uidvalidity,
            models.ProcessedMessage.uid.in_(uids))))

    def known_accounts(self) -> KnownAccounts:
        """(sender, address, account) of every everyday finding that names its address, and the
        earliest moment such a mail counts from (tracker.store.state.when). An everyday mail that
        matches one and is no earlier tells nothing new; an earlier one changes which mail made
        the account known, and a discovered account's "since" (issue 20 item 9)."""
        rows = self.session.execute(select(
            models.Finding.sender, models.Finding.address, models.Account.account,
            func.min(models.Finding.date), func.min(models.Finding.arrived_at),
        ).join(models.Finding.account_row).where(
            models.Finding.address.is_not(None), models.Finding.kind == "other",
        ).group_by(models.Finding.sender, models.Finding.address, models.Account.account))
        return {(r[0], r[1], r[2]): _counts_from(r[3], r[4]) for r in rows}

    def templates_seen(self, mailbox: str) -> dict[str, tuple[int, int]]:
        """For each template key of a mailbox's Meta mail read so far: (everyday, other) mails."""
        rows = self.session.execute(select(
            models.TemplateSeen.template, models.TemplateSeen.everyday, models.TemplateSeen.other,
        ).where(models.TemplateSeen.mailbox == mailbox))
        return {r[0]: (r[1], r[2]) for r in rows}

    def count_template(self, mailbox: str, digest: str, shape: str, everyday: bool) -> None:
        """One more read mail of a template, everyday or not."""
        mailbox = fit(mailbox, _MAILBOX) or ""
        row = self._templates.get((mailbox, digest))
        if row is None:
            with self.session.no_autoflush:  # a flush per read mail was most of this call
                row = self.session.scalars(select(models.TemplateSeen).where(
                    models.TemplateSeen.mailbox == mailbox, models.TemplateSeen.template == digest)).first()
        if row is None:
            row = models.TemplateSeen(mailbox=mailbox, template=digest,
                                      shape=fit(shape, 700), everyday=0, other=0)
            self.session.add(row)
        self._templates[(mailbox, digest)] = row
        row.everyday += 1 if everyday else 0
        row.other += 0 if everyday else 1
        row.updated_at = now()

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Message keys that already have a finding or were already looked at."""
        keys = list(set(keys))
        if not keys:
            return set()
        return set(self.session.scalars(select(models.ProcessedMessage.message_key).where(
            models.ProcessedMessage.message_key.in_(keys))))

    # --- recording -----------------------------------------------------------------------------
    def record_processed(self, raw: RawMessage, key: str, outcome: str,
                         reason: str | None = None) -> None:
        self.session.add(models.ProcessedMessage(
            mailbox=fit(raw.mailbox, _MAILBOX), folder=fit(raw.folder, _FOLDER),
            uidvalidity=raw.uidvalidity, uid=raw.uid, message_key=fit(key, _KEY), outcome=outcome,
            reason=fit(reason, 2000), processed_at=now()))

    def has_finding(self, key: str) -> bool:
        if key not in self._has_finding:
            self.prime_findings([key])
        return self._has_finding[key]

    def prime_findings(self, keys: Iterable[str]) -> None:
        """Look up many message keys in one query, for has_finding to answer from memory."""
        keys = [k for k in set(keys) if k not in self._has_finding]
        if not keys:
            return
        with self.session.no_autoflush:
            found = set(self.session.scalars(select(models.Finding.message_key).where(
                models.Finding.message_key.in_(keys))))
        self._has_finding.update({k: k in found for k in keys})

    def record_finding(self, raw: RawMessage, mail: ParsedMail, finding: FindingValue,
                       dkim: DkimVerdict | None = None, keep_raw: bool = False) -> None:
        row = self._finding_row(raw, mail, kind=finding.kind)
        _keep(row, raw, dkim, keep_raw)
        account = self.describe(row, finding)
        self.last_authenticity = finding.authenticity
        row.links = [models.Link(role=link.role, url=fit(link.url, 4000)) for link in finding.links]
        self.session.add(row)
        self._has_finding[mail.key] = True
        if row.address and account is not None and finding.kind == "other":
            learn(self.recorded_accounts, {(row.sender, row.address, account.account):
                                           _counts_from(row.date, row.arrived_at)})

    def describe(self, row: models.Finding, finding: FindingValue) -> models.Account | None:
        """Write what a reading says of a mail into its row, all but its links: on recording it,
        and on reading it again with newer rules (tracker.reread)."""
        account = self.account(finding.platform, finding.account, create=True)
        row.kind = finding.kind
        row.account_row = account
        row.address = fit(finding.address, _ADDRESS)
        row.language = fit(finding.language, _LANGUAGE)
        row.objection_url = fit(finding.objection_url, 4000)
        row.covers_linked = finding.covers_linked
        row.request_state = finding.request_state
        row.reason = fit(str(finding.reason)) if finding.reason else None
        row.authenticity = fit(finding.authenticity)
        return account

    def record_suspicious(self, raw: RawMessage, mail: ParsedMail, reason: str,
                          dkim: DkimVerdict | None = None, keep_raw: bool = False) -> None:
        # No links: a suspicious mail's links are exactly what must not reach the user.
        row = self._finding_row(raw, mail, kind="suspicious")
        _keep(row, raw, dkim, keep_raw)
        row.reason = fit(reason, 2000)
        self.session.add(row)
        self._has_finding[mail.key] = True

    def _finding_row(self, raw: RawMessage, mail: ParsedMail, kind: str) -> models.Finding:
        date = mail.date or raw.received_at or now()
        sender = mail.sender
        return models.Finding(
            message_key=fit(mail.key, _KEY), kind=kind, message_id=fit(mail.message_id, _MESSAGE_ID),
            date=date, arrived_at=raw.received_at, subject=fit(mail.subject, 1000),
            sender=sender_label(sender),
            mailbox=fit(raw.mailbox, _MAILBOX), folder=fit(raw.folder, _FOLDER), covers_linked=False,
            recorded_at=now())

    def account(self, platform: str, account: str, *, create: bool = False) -> models.Account | None:
        account = fit(account, _ACCOUNT) or ""
        row = self._accounts.get((platform, account))
        if row is None:
            with self.session.no_autoflush:
                row = self.session.scalar(select(models.Account).where(
                    models.Account.platform == platform, models.Account.account == account))
        if row is None and create:
            row = models.Account(platform=platform, account=account, first_seen_at=now())
            self.session.add(row)
        if row is not None:
            self._accounts[(platform, account)] = row
        return row

    def add_mark(self, platform: str, account: str, action: str, note: str | None,
                 at: dt.datetime | None = None) -> None:
        row = self.account(platform, account, create=True)
        self.session.add(models.Mark(account_row=row, action=action, note=note,
                                     created_at=at or now()))

    # --- reading -------------------------------------------------------------------------------
    def evidence(self) -> list[Evidence]:
        found: list[Evidence] = []
        accounts = self.session.scalars(select(models.Account).options(
            selectinload(models.Account.findings), selectinload(models.Account.marks)))
        for acc in accounts:
            for f in acc.findings:
                found.append(Evidence(
                    acc.platform, acc.account, f.kind, f.date, subject=f.subject,
                    message_id=f.message_id, mailbox=f.mailbox, folder=f.folder,
                    language=f.language, address=f.address, objection_url=f.objection_url,
                    covers_linked=f.covers_linked, reason=f.reason, authenticity=f.authenticity,
                    request_state=f.request_state,
                    arrived_at=f.arrived_at))
            for m in acc.marks:
                found.append(Evidence(acc.platform, acc.account, f"mark:{m.action}",
                                      m.created_at, note=m.note))
        return found

    def suspicious(self) -> list[SuspiciousMail]:
        rows = self.session.scalars(select(models.Finding).where(
            models.Finding.kind == "suspicious").order_by(models.Finding.date, models.Finding.id))
        return [SuspiciousMail(r.date, r.sender, r.subject, r.reason or "", r.mailbox, r.folder,
                               r.id, r.seen_at)
                for r in rows]

    def acknowledge_suspicious(self, ids: Iterable[int] | None,
                               at: dt.datetime | None = None) -> list[int]:
        """Mark suspicious mails seen: those of `ids`, or every one not seen yet (None). Returns
        the ids now marked; an id that is not a suspicious mail is left out. Seen stays seen."""
        query = select(models.Finding).where(models.Finding.kind == "suspicious",
                                              models.Finding.seen_at.is_(None))
        if ids is not None:
            query = query.where(models.Finding.id.in_(list(ids)))
        marked = []
        for row in self.session.scalars(query.order_by(models.Finding.id)):
            row.seen_at = at or now()
            marked.append(row.id)
        return marked

    def unparseable(self) -> list[tuple[str, str, str, str]]:
        rows = self.session.execute(select(
            models.ProcessedMessage.mailbox, models.ProcessedMessage.folder,
            models.ProcessedMessage.message_key, models.ProcessedMessage.reason,
        ).where(models.ProcessedMessage.outcome == "unparseable"))
        return [(r[0], r[1], r[2], r[3] or "") for r in rows]

    # --- reminders -----------------------------------------------------------------------------
    def last_reminders(self, person: str = "") -> dict[tuple[str, str, str], SentReminder]:
        """The latest reminder per (platform, account, channel) in `person`'s digests ("" is the
        config's owner: every reminder sent before [[people]] existed)."""
        rows = self.session.execute(select(
            models.Account.platform, models.Account.account, models.ReminderSent.channel,
            models.ReminderSent.reason, models.ReminderSent.sent_at,
        ).join(models.ReminderSent.account_row).where(models.ReminderSent.person == person)
            .order_by(models.ReminderSent.sent_at, models.ReminderSent.id))
        return {(r.platform, r.account, r.channel): SentReminder(r.sent_at, r.reason) for r in rows}

    def record_reminder(self, platform: str, account: str, channel: str, reason: str,
                        at: dt.datetime, person: str = "") -> None:
        row = self.account(platform, account, create=True)
        self.session.add(models.ReminderSent(account_row=row, channel=channel, reason=reason,
                                             sent_at=at, person=person))

    # --- Accounts Center groups ----------------------------------------------------------------
    def groups(self) -> list[frozenset[tuple[str, str]]]:
        """The groups the user linked, each a set of (platform, account)."""
        rows = self.session.execute(select(
            models.GroupMember.group_id, models.Account.platform, models.Account.account,
        ).join(models.GroupMember.account_row).order_by(models.GroupMember.group_id))
        grouped: dict[int, set[tuple[str, str]]] = {}
        for r in rows:
            grouped.setdefault(r.group_id, set()).add((r.platform, r.account))
        return [frozenset(members) for members in grouped.values()]

    def link(self, accounts: list[tuple[str, str]], at: dt.datetime | None = None) -> None:
        """Put the accounts in one group, merging the groups any of them was already in."""
        rows = [self.account(p, a, create=True) for p, a in accounts]
        self.session.flush()
        ids = [r.id for r in rows]
        current = self.session.scalars(select(models.GroupMember).where(
            models.GroupMember.account_id.in_(ids))).all()
        existing_groups = {m.group_id for m in current}
        if existing_groups:
            group = min(existing_groups)
        else:
            group = (self.session.scalar(select(func.max(models.GroupMember.group_id))) or 0) + 1
        if len(existing_groups) > 1:  # linking across two groups joins them
            for member in self.session.scalars(select(models.GroupMember).where(
                    models.GroupMember.group_id.in_(existing_groups))):
                member.group_id = group
        members = {m.account_id for m in current}
        for row in rows:
            if row.id not in members:
                self.session.add(models.GroupMember(account_id=row.id, group_id=group,
                                                    linked_at=at or now()))

    def unlink(self, accounts: list[tuple[str, str]]) -> int:
        """Take the accounts out of their groups; a group left with one account is dissolved."""
        removed = 0
        touched: set[int] = set()
        for platform, account in accounts:
            row = self.account(platform, account)
            member = row and self.session.scalar(select(models.GroupMember).where(
                models.GroupMember.account_id == row.id))
            if member:
                touched.add(member.group_id)
                self.session.delete(member)
                removed += 1
        self.session.flush()
        for group in touched:
            left = self.session.scalars(select(models.GroupMember).where(
                models.GroupMember.group_id == group)).all()
            if len(left) == 1:
                self.session.delete(left[0])
        return removed


def _keep(row: models.Finding, raw: RawMessage, dkim: DkimVerdict | None, keep_raw: bool) -> None:
    """A flow mail keeps its bytes exactly as the server sent them, and the DKIM verdict on them."""
    if keep_raw and raw.whole:
        row.raw = raw.data
    from tracker.recognition.verify import set_dkim

    set_dkim(row, dkim)


@dataclass(frozen=True)
class SentReminder:
    sent_at: dt.datetime
    reason: str  # needs_action | rejected | stale | overdue
