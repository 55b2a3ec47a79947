"""Which accounts the tracker knows, the closest ones to a mistyped name, and forgetting an account
that only the user's own commands made.

A typo in `mark` or `link` must not make an account that then waits in every digest: an account no
mail named and no earlier command added is refused, with the known accounts closest to it.
"""

from __future__ import annotations

import difflib

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from tracker.errors import TrackerError
from tracker.store import models

CLOSEST = 3  # suggestions in the refusal line
CUTOFF = 0.6  # difflib's default: below it a name is no longer "close"


class UnknownAccount(TrackerError):
    """An account no mail named and no command added; the message names the closest known ones."""

    def __init__(self, key: str, suggestions: list[str]) -> None:
        hint = f"did you mean {' or '.join(suggestions)}? " if suggestions else ""
        super().__init__(f"{key}: no mail named this account and it was never added; {hint}"
                         "(--new adds it on purpose)")
        self.key = key
        self.suggestions = suggestions


class NotNamed(TrackerError):
    """`why` or `evidence` of an account nothing names: the closest known ones, as `mark` gives."""

    def __init__(self, key: str, candidates: list[str]) -> None:
        near = closest(key, candidates)
        hint = f"did you mean {' or '.join(near)}? " if near else ""
        super().__init__(f"{key}: no mail or mark names this account; {hint}"
                         "(`objection-tracker accounts` lists the known ones)")
        self.key = key
        self.suggestions = near


class NamedByMail(TrackerError):
    """`forget` of an account that mail named: that evidence stays; the account can be ignored."""


def known(session: Session) -> list[str]:
    """Every account as PLATFORM:ACCOUNT, whether mail, a mark or a link made it."""
    rows = session.execute(select(models.Account.platform, models.Account.account))
    return sorted(f"{platform}:{account}" for platform, account in rows)


def closest(key: str, candidates: list[str], n: int = CLOSEST) -> list[str]:
    """The known accounts most like `key`, by their names: those on the same platform first (a
    typo in the name), then those on another (the wrong platform)."""
    platform, _, name = key.partition(":")
    found: list[str] = []
    for same in (True, False):
        pool: dict[str, list[str]] = {}
        for c in candidates:
            if c.startswith(f"{platform}:") == same:
                pool.setdefault(c.partition(":")[2], []).append(c)
        for match in difflib.get_close_matches(name, list(pool), n, CUTOFF):
            found += pool[match]
    return list(dict.fromkeys(found))[:n]


def require_known(session: Session, platform: str, account: str) -> None:
    key = f"{platform}:{account}"
    exists = session.scalar(select(models.Account.id).where(
        models.Account.platform == platform, models.Account.account == account))
    if exists is None:
        raise UnknownAccount(key, closest(key, known(session)))


def forget(session: Session, platform: str, account: str) -> None:
    """Remove an account that only marks or links made, with its marks, links and reminders."""
    key = f"{platform}:{account}"
    row = session.scalar(select(models.Account).where(
        models.Account.platform == platform, models.Account.account == account))
    if row is None:
        near = closest(key, known(session))
        raise TrackerError(f"{key}: no such account"
                           + (f"; did you mean {' or '.join(near)}?" if near else ""))
    mails = session.scalar(select(func.count()).select_from(models.Finding).where(
        models.Finding.account_id == row.id))
    if mails:
        named = f"{mails} {'mail' if mails == 1 else 'mails'} from Meta named this account"
        raise NamedByMail(f"{key}: {named}, so it stays; "
                          f"`objection-tracker mark {key} ignored` stops the reminders about it")
    member = session.scalar(select(models.GroupMember).where(models.GroupMember.account_id == row.id))
    session.execute(delete(models.Mark).where(models.Mark.account_id == row.id))
    session.execute(delete(models.ReminderSent).where(models.ReminderSent.account_id == row.id))
    session.execute(delete(models.GroupMember).where(models.GroupMember.account_id == row.id))
    if member is not None:  # a group left with one account is no group (as `unlink` does)
        left = session.scalars(select(models.GroupMember).where(
            models.GroupMember.group_id == member.group_id)).all()
        if len(left) == 1:
            session.delete(left[0])
    session.delete(row)
