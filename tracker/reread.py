"""Stored flow mails read again when the recognition rules changed since they were read.

A fix to the recognition used to help only mail that came later: a notification once stored as a
confirmation stayed one, and its account stayed "confirmed". Every flow mail keeps its bytes and
the DKIM verdict on them (findings.raw, dkim_*), so when the database's rules
(recognition_rules.version) are older than this version's (tracker.recognition.version.RULES),
the next sync or import reads each of them again as `tracker.sync.ingest` would, from the stored
verdict (no network), updates what it now says, and records the new number: all in one
transaction, so an interrupted re-read is done again whole by the next run, and a finished one is
not done again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker, undefer

from tracker.recognition.classify import classify
from tracker.recognition.dkim import stored_verdict
from tracker.recognition.parse import parse
from tracker.recognition.verify import header_problem
from tracker.recognition.version import RULES
from tracker.store import models
from tracker.store.repo import Repository, fit
from tracker.store.state import derive
from tracker.sync_summary import KindChange, Reread, StateChange

log = logging.getLogger(__name__)

CHUNK = 100  # stored mails read per query
NOT_META = "not_meta"  # how the summary names a mail these rules do not take for Meta's at all
# A mailbox's name -> (authserv_id, require_authentication), as its sync reads its mail.
MailboxRules = Callable[[str], tuple["str | tuple[str, ...] | None", bool]]


def due(session: Session) -> bool:
    """Were the stored findings read by older rules than this version's?"""
    version = session.scalar(select(models.RecognitionRules.version))
    return version is None or version < RULES


def reread(sessions: sessionmaker[Session], how: MailboxRules) -> Reread | None:
    """Read every stored flow mail again when the database's rules are older than this version's.
    None when they are not (nothing done, nothing written)."""
    with sessions.begin() as session:
        # Taken first and held to the end: on PostgreSQL a second host waits here, then finds
        # the new number and reads nothing.
        rules = session.scalar(select(models.RecognitionRules).with_for_update())
        if rules is not None and rules.version >= RULES:
            return None
        if rules is None:
            rules = models.RecognitionRules(id=1, version=0)
            session.add(rules)
        done = _reread(session, how)
        if done.failed:  # read again by the next run, with what this one changed kept
            return done
        rules.version = RULES
        rules.reread_at = dt.datetime.now(dt.UTC)
    return done


def _reread(session: Session, how: MailboxRules) -> Reread:
    repo = Repository(session)
    before = {s.key: s.state for s in derive(repo.evidence(), repo.groups())}
    done = Reread()
    ids = list(session.scalars(select(models.Finding.id).where(models.Finding.raw.is_not(None))
                               .order_by(models.Finding.id)))
    for start in range(0, len(ids), CHUNK):  # a chunk's bytes at a time, not every mail's
        rows = session.scalars(select(models.Finding).options(undefer(models.Finding.raw))
                               .where(models.Finding.id.in_(ids[start:start + CHUNK]))
                               .order_by(models.Finding.id)).all()
        for row in rows:
            done.looked_at += 1
            was = _facts(row)
            try:
                meta = _read_again(repo, row, how)
            except _Unread:
                done.failed += 1
                continue
            now = _facts(row)
            if now == was:
                continue
            if was[0] != now[0] or not meta:
                done.kinds.append(KindChange(was[1] or now[1] or "no account", was[0],
                                             now[0] if meta else NOT_META))
            else:
                done.details += 1
    session.flush()
    session.expire_all()
    after = {s.key: s.state for s in derive(repo.evidence(), repo.groups())}
    for key in sorted(before.keys() | after.keys()):
        if before.get(key) != after.get(key):
            done.states.append(StateChange(key, before.get(key, ""), after.get(key, "")))
    return done


class _Unread(Exception):
    """A stored mail these rules failed on (logged): kept as the older rules read it."""


def _facts(row: models.Finding) -> tuple:
    """What a reading decides about a stored mail: its kind first, then whose it is."""
    account = row.account_row
    return (row.kind, f"{account.platform}:{account.account}" if account is not None else None,
            row.address, row.language, row.objection_url, bool(row.covers_linked),
            row.request_state, row.reason, row.authenticity,
            tuple(sorted((link.role, link.url) for link in row.links)))


def _read_again(repo: Repository, row: models.Finding, how: MailboxRules) -> bool:
    """The row as ingest would record the mail now (its bytes, date and place stay). False when
    these rules do not take it for Meta's mail (nor for a suspicious claim) at all."""
    data = row.raw
    try:
        mail = parse(data)
        problem = header_problem(data, mail)
        if problem:
            _suspicious(row, problem)
            return True
        authserv_id, require_authentication = how(row.mailbox)
        dkim = stored_verdict(data, row.dkim_result, row.dkim_domain, row.dkim_selector, row.dkim_detail)
        result = classify(mail, require_authentication=require_authentication,
                          authserv_id=authserv_id, dkim=dkim)
    except Exception as exc:  # as ingest: one mail the rules fail on must not stop every sync
        log.warning("a stored mail (%s) could not be read again, kept as it was: %s: %s",
                    row.message_key[:80], type(exc).__name__, str(exc)[:200])
        raise _Unread from None
    if result.suspicious:
        _suspicious(row, result.suspicious.reason)
        return True
    finding = result.finding
    if finding is None:
        # Not Meta's mail after all, by these rules: a sync would record no finding. The row stays
        # (its bytes are evidence, and later rules read it again), counted for no account.
        _clear(row)
        row.kind = "other"
        row.reason = fit("no longer read as Meta's: " + ("; ".join(result.notes) or "nothing vouches for it"))
        return False
    repo.describe(row, finding)
    wanted = {fit(link.url, 4000): link.role for link in finding.links}  # a URL once (uq_link)
    if sorted((link.role, link.url) for link in row.links) != sorted((r, u) for u, r in wanted.items()):
        if row.links:  # deleted before the new ones go in: the same URL may come back
            row.links.clear()
            repo.session.flush()
        row.links.extend(models.Link(role=role, url=url) for url, role in wanted.items())
    return True


def _suspicious(row: models.Finding, reason: str) -> None:
    # As Repository.record_suspicious: no account, and no links, which must not reach the user.
    _clear(row)
    row.kind = "suspicious"
    row.reason = fit(reason, 2000)


def _clear(row: models.Finding) -> None:
    row.account_row = None
    row.address = row.language = row.objection_url = row.request_state = row.authenticity = None
    row.covers_linked = False
    if row.links:
        row.links = []
