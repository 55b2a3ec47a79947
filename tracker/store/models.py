"""The tables. Their shape is made only by the Alembic migrations in migrations/versions/.

Account state is not a column anywhere: it is derived from findings and marks (tracker.store.state).
Every text column is a CleanString or CleanText: whatever a mail holds is stored cleaned and cut to
the column, on SQLite and PostgreSQL alike, whichever code writes it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.store.storable import TEXT_LIMIT, storable  # noqa: F401 (TEXT_LIMIT: its old home)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone; this stores UTC and adds it)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None else None


class CleanString(TypeDecorator[str]):
    """VARCHAR(n) whose every bound value (stored, or compared in a query) is `storable`: the one
    place storage is made safe, driven by the column's own length."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return None if value is None else storable(str(value), self.impl.length)


class CleanText(TypeDecorator[str]):
    """TEXT, made `storable` like CleanString (cut at TEXT_LIMIT)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect) -> str | None:
        return None if value is None else storable(str(value), None)


class Base(DeclarativeBase):
    pass


class ProcessedMessage(Base):
    """Every message the tracker looked at, matching or not, so it is never fetched twice."""

    __tablename__ = "processed_messages"
    __table_args__ = (
        UniqueConstraint("mailbox", "folder", "uidvalidity", "uid", name="uq_processed_key"),
        Index("ix_processed_message_key", "message_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(CleanString(200))
    folder: Mapped[str] = mapped_column(CleanString(1000))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    message_key: Mapped[str] = mapped_column(CleanString(1000))
    # finding | suspicious | not_meta | duplicate | unparseable
    outcome: Mapped[str] = mapped_column(CleanString(20))
    reason: Mapped[str | None] = mapped_column(CleanText)
    processed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("platform", "account", name="uq_account"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(CleanString(20))
    account: Mapped[str] = mapped_column(CleanString(320))
    first_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    findings: Mapped[list[Finding]] = relationship(back_populates="account_row")
    marks: Mapped[list[Mark]] = relationship(back_populates="account_row")


class Finding(Base):
    """What one Meta mail (or a suspicious one) said. One row per message, whatever its copies."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_key: Mapped[str] = mapped_column(CleanString(1000), unique=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    # notice | verification_code | acknowledgement | confirmation | rejection | unclear_reply |
    # third_party_reply | other | suspicious
    kind: Mapped[str] = mapped_column(CleanString(30))
    message_id: Mapped[str | None] = mapped_column(CleanString(1000))
    date: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    subject: Mapped[str] = mapped_column(CleanText)
    sender: Mapped[str] = mapped_column(CleanText)
    address: Mapped[str | None] = mapped_column(CleanString(320))
    language: Mapped[str | None] = mapped_column(CleanString(10))
    mailbox: Mapped[str] = mapped_column(CleanString(200))
    folder: Mapped[str] = mapped_column(CleanString(1000))
    objection_url: Mapped[str | None] = mapped_column(CleanText)
    covers_linked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why the mail got its kind (the rule, its language, the matched words); for suspicious
    # mail why it is not believed. None for findings recorded before revision 0005.
    reason: Mapped[str | None] = mapped_column(CleanText)
    authenticity: Mapped[str | None] = mapped_column(CleanText)  # how the sender was believed (0005)
    # A third_party_reply's request state: submitted | needs_information | answered (0009).
    request_state: Mapped[str | None] = mapped_column(CleanString(30))
    # A flow mail exactly as the server sent it, and the tracker's own DKIM verdict on it (0006):
    # pass | fail | none | temperror (looked up again with back-off, dkim_recheck_at); None for everyday mail.
    raw: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    dkim_result: Mapped[str | None] = mapped_column(CleanString(20))
    dkim_domain: Mapped[str | None] = mapped_column(CleanString(255))
    dkim_selector: Mapped[str | None] = mapped_column(CleanString(255))
    dkim_detail: Mapped[str | None] = mapped_column(CleanText)
    # A temperror is looked up again from this time on, with back-off (0010); None otherwise.
    dkim_recheck_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # When the user's server received the mail: IMAP INTERNALDATE, or an import's topmost
    # Received header (0010). None when unknown (recorded before 0010, or no such date).
    arrived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # When the user said "seen" to a suspicious mail (`suspicious ack`, 0011); None otherwise.
    seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    account_row: Mapped[Account | None] = relationship(back_populates="findings")
    links: Mapped[list[Link]] = relationship(back_populates="finding",
                                             cascade="all, delete-orphan")


class Link(Base):
    __tablename__ = "links"
    __table_args__ = (UniqueConstraint("finding_id", "url", name="uq_link"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("findings.id"), index=True)
    role: Mapped[str] = mapped_column(CleanString(30))
    url: Mapped[str] = mapped_column(CleanText)

    finding: Mapped[Finding] = relationship(back_populates="links")


class Mark(Base):
    """What the user recorded by hand: submitted, confirmed, ignored, reset."""

    __tablename__ = "marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    action: Mapped[str] = mapped_column(CleanString(20))
    note: Mapped[str | None] = mapped_column(CleanText)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    account_row: Mapped[Account] = relationship(back_populates="marks")


class FolderState(Base):
    """Where the last sync of a folder stopped: the next UID to look at under a UIDVALIDITY."""

    __tablename__ = "folder_states"
    __table_args__ = (UniqueConstraint("mailbox", "folder", name="uq_folder_state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(CleanString(200))
    folder: Mapped[str] = mapped_column(CleanString(1000))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    next_uid: Mapped[int] = mapped_column(BigInteger)
    highest_modseq: Mapped[int | None] = mapped_column(BigInteger)
    # The `since` the folder was scanned with (None: all of it): moving `since` earlier rescans.
    scanned_since: Mapped[dt.date | None] = mapped_column(Date)
    synced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # The account it was read from, user@host (0013): a mailbox renamed to another account is
    # read again. None: recorded before 0013, taken to be the configured one.
    account: Mapped[str | None] = mapped_column(CleanString(700), nullable=True)


class ReminderSent(Base):
    """One account in one digest that a channel took, so `every_days` holds per account and channel."""

    __tablename__ = "reminders_sent"
    __table_args__ = (Index("ix_reminders_sent_account_channel", "account_id", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    # "stdout", "smtp", or "apprise:<digest of the URL>": never the URL, which may hold a token
    channel: Mapped[str] = mapped_column(CleanString(100))
    # why it was due (needs_action | rejected | stale | overdue): a new reason is news at once
    reason: Mapped[str] = mapped_column(CleanString(30))
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # whose digest it was in ([[people]] name); "" for the config's owner (0007)
    person: Mapped[str] = mapped_column(CleanString(200), default="", server_default="")

    account_row: Mapped[Account] = relationship()


class MailboxSync(Base):
    """When a mailbox's last sync finished, and on which host (0007): a run that finds another
    host's sync finished after it started leaves the mailbox alone (tracker.store.hosts)."""

    __tablename__ = "mailbox_syncs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(CleanString(200), unique=True)
    finished_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    host: Mapped[str] = mapped_column(CleanString(300))


class GroupMember(Base):
    """An account's place in an Accounts Center group the user declared with `link`.

    Accounts in one group are covered by one objection. Membership is the user's word, kept apart
    from the evidence: unlinking removes the row and every account's own state comes back.
    """

    __tablename__ = "group_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), unique=True)
    group_id: Mapped[int] = mapped_column(Integer, index=True)
    linked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    account_row: Mapped[Account] = relationship()


class TemplateSeen(Base):
    """What a mailbox's Meta mail of one template turned out to be, once its body was read (0012).

    A template is Meta's campaign or the shape of a subject, per sender address
    (tracker.recognition.triage.template_keys). One that has only ever been everyday mail, often
    enough, settles the next such mail from its header, in any language; a single mail of it that
    was anything else (a notice, a code, a reply, suspicious, unreadable) means its mail is read
    from then on.
    """

    __tablename__ = "templates_seen"
    __table_args__ = (UniqueConstraint("mailbox", "template", name="uq_template_seen"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mailbox: Mapped[str] = mapped_column(CleanString(200))
    template: Mapped[str] = mapped_column(CleanString(64))  # sha256 of the key: keys are long
    shape: Mapped[str] = mapped_column(CleanString(700))  # the key, readable (cut)
    everyday: Mapped[int] = mapped_column(Integer)
    other: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RecognitionRules(Base):
    """The recognition rules (tracker.recognition.version.RULES) every stored flow mail was last
    read by (0015): one row. Older than the tool's: the next sync or import reads them again."""

    __tablename__ = "recognition_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    reread_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
