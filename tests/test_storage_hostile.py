"""Issue 20 item 5: nothing a mail holds can stop storage. Hostile values (NUL, 10 kB, bytes that
were not UTF-8, control characters) go into every text column through the real repository, on
SQLite and PostgreSQL; each is stored cleaned and cut to its column, and found again by the same
lookup that wrote it."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tracker.mail.rawmail import RawMessage
from tracker.recognition.classify import Finding as FindingValue
from tracker.recognition.classify import Reason
from tracker.recognition.dkim import DkimVerdict
from tracker.recognition.links import MetaLink
from tracker.recognition.parse import Address, ParsedMail
from tracker.store import models
from tracker.store.engine import open_database
from tracker.store.repo import FolderProgress, Repository

# Lone surrogates are how Python carries bytes that were not UTF-8 (surrogateescape).
NOT_UTF8 = b"caf\xe9 \xff\xfe \xc3(".decode("utf-8", "surrogateescape")
HOSTILE = st.one_of(
    st.text(st.characters(blacklist_categories=()), max_size=60),  # surrogates, NUL, controls
    st.sampled_from(["x" * 10_000, "\x00" * 10_000, NOT_UTF8 * 1500, "a\x00b", NOT_UTF8,
                     "ü" * 5000 + "\x00", "\udcff" * 400]),
)
WHEN = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)
_counter = itertools.count(1)


def _clean(value: str) -> str:
    return models.storable(value, 10 ** 9)


def _write(repo: Repository, n: int, v: str) -> dict[tuple[str, str], str]:
    """Write `v` everywhere a value from mail (or a server, or the user) goes; returns what each
    column was given."""
    key = f"{n}:{v}"  # unique per example, whatever `v` is cut to
    raw = RawMessage(b"From: x\r\n\r\nbody", v, v, n, n)
    mail = ParsedMail(key=key, message_id=v, sender=Address(v, v), recipients=[v], subject=v,
                      date=WHEN, text=v, links=[], auth_results=[v], language_hint=v)
    finding = FindingValue(kind=v, platform=v, account=key, address=v, language=v,
                           links=(MetaLink(v, v, v),), objection_url=v,
                           reason=Reason(v, v, (v,)), authenticity=v, request_state=v)
    repo.record_processed(raw, key, v, v)
    repo.record_finding(raw, mail, finding, DkimVerdict(v, v, v, v), keep_raw=True)
    suspicious = ParsedMail(**{**mail.__dict__, "key": "s" + key})
    repo.record_suspicious(raw, suspicious, v)
    repo.add_mark(v, key, v, v, WHEN)
    repo.record_reminder(v, key, v, v, WHEN, person=v)
    repo.save_folder_progress(v, v, FolderProgress(n, n, None, None, v))
    repo.session.add(models.MailboxSync(mailbox=f"{n}:{v}", finished_at=WHEN, host=v))
    repo.count_template(v, f"{n}:{v}", v, everyday=True)
    sender = f"{v} <{v}>" if v else v
    return {
        ("processed_messages", "mailbox"): v, ("processed_messages", "folder"): v,
        ("processed_messages", "message_key"): key, ("processed_messages", "outcome"): v,
        ("processed_messages", "reason"): v,
        ("accounts", "platform"): v, ("accounts", "account"): key,
        ("findings", "message_key"): key, ("findings", "kind"): v, ("findings", "message_id"): v,
        ("findings", "subject"): v, ("findings", "sender"): sender, ("findings", "address"): v,
        ("findings", "language"): v, ("findings", "mailbox"): v, ("findings", "folder"): v,
        ("findings", "objection_url"): v, ("findings", "reason"): str(finding.reason),
        ("findings", "authenticity"): v, ("findings", "request_state"): v,
        ("findings", "dkim_result"): v,
        ("findings", "dkim_domain"): v, ("findings", "dkim_selector"): v,
        ("findings", "dkim_detail"): v,
        ("links", "role"): v, ("links", "url"): v,
        ("marks", "action"): v, ("marks", "note"): v,
        ("folder_states", "mailbox"): v, ("folder_states", "folder"): v,
        ("folder_states", "account"): v,
        ("reminders_sent", "channel"): v, ("reminders_sent", "reason"): v,
        ("reminders_sent", "person"): v,
        ("mailbox_syncs", "mailbox"): f"{n}:{v}", ("mailbox_syncs", "host"): v,
        ("templates_seen", "mailbox"): v, ("templates_seen", "template"): f"{n}:{v}",
        ("templates_seen", "shape"): v,
    }


def _text_columns() -> set[tuple[str, str]]:
    return {(table.name, column.name) for table in models.Base.metadata.sorted_tables
            for column in table.columns if isinstance(column.type, (models.CleanString,
                                                                    models.CleanText))}


def test_every_text_column_is_cleaned_by_its_type():
    """A new column of plain String or Text would escape the cleaning: none may exist."""
    from sqlalchemy import String, Text
    for table in models.Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, (String, Text)):
                raise AssertionError(f"{table.name}.{column.name} is a plain {column.type}")


def test_storable_cleans_and_cuts():
    assert models.storable("a\x00b", 10) == "a\ufffdb"
    assert models.storable(NOT_UTF8, None).encode("utf-8").decode("utf-8") == \
        "caf\ufffd \ufffd\ufffd \ufffd("
    assert models.storable("x" * 500, 320) == "x" * 320
    assert len(models.storable("y" * 300_000, None)) == models.TEXT_LIMIT


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(value=HOSTILE)
def test_hostile_values_in_every_column_are_stored(database_url, value):
    sessions = open_database(database_url)
    n = next(_counter)
    with sessions.begin() as session:
        given_values = _write(Repository(session), n, value)
    assert set(given_values) == _text_columns(), "the test must write every text column"
    with sessions.begin() as session:
        repo = Repository(session)
        # found again by the same lookup that wrote it: queries bind cleaned values too
        account = repo.account(value, f"{n}:{value}")
        assert account is not None
        finding = session.scalar(select(models.Finding).where(
            models.Finding.message_key == f"{n}:{value}"))
        assert finding is not None and finding.account_id == account.id
        assert finding.raw == b"From: x\r\n\r\nbody"
        rows = {
            "processed_messages": session.scalar(select(models.ProcessedMessage).where(
                models.ProcessedMessage.uid == n)),
            "accounts": account, "findings": finding, "links": finding.links[0],
            "marks": account.marks[0],
            "folder_states": session.scalar(select(models.FolderState).where(
                models.FolderState.uidvalidity == n)),
            "reminders_sent": session.scalar(select(models.ReminderSent).where(
                models.ReminderSent.account_id == account.id)),
            "mailbox_syncs": session.scalar(select(models.MailboxSync).where(
                models.MailboxSync.mailbox == f"{n}:{value}")),
            "templates_seen": session.scalar(select(models.TemplateSeen).where(
                models.TemplateSeen.template == f"{n}:{value}")),
        }
        for (table, column), given_value in given_values.items():
            stored = getattr(rows[table], column)
            length = getattr(models.Base.metadata.tables[table].columns[column].type.impl,
                             "length", None) or models.TEXT_LIMIT
            if stored is None:  # an empty detail is kept as none at all
                assert given_value == "" and (table, column) == ("findings", "dkim_detail")
                continue
            assert "\x00" not in stored and len(stored) <= length, (table, column)
            stored.encode("utf-8")  # no lone surrogate
            # what was kept is the cleaned value, from its start (the repository may cut a
            # value shorter than its column, as it does a subject)
            assert _clean(given_value).startswith(stored), (table, column)
            assert stored or not given_value, (table, column)
