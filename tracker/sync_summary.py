"""What a mailbox sync hands back: its summary, and the request to stop between batches.

Apart from tracker.sync so that whoever only runs or reports a sync (tracker.actions, the CLI, a
sync that finds nothing new in tracker.unchanged) need not import what reading mail takes: the
classifier, DKIM, SQLAlchemy (issue 21 item 2).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KindChange:
    """A stored mail the current rules read as another kind (tracker.reread)."""

    account: str  # "platform:account" it counted for before, or after if it had none
    was: str
    now: str


@dataclass(frozen=True)
class StateChange:
    """An account whose state the re-read moved."""

    account: str
    was: str  # AccountState.state; "" when the account was not listed
    now: str  # "" when it is no longer listed (none of its mail counts for it now)


@dataclass
class Reread:
    """Stored flow mails read again with this version's rules (tracker.reread)."""

    looked_at: int = 0
    kinds: list[KindChange] = field(default_factory=list)
    details: int = 0  # same kind, something else changed (account, links, reason, language)
    states: list[StateChange] = field(default_factory=list)
    failed: int = 0  # mails the rules failed on: kept as they were, read again by the next run

    @property
    def changed(self) -> bool:
        return bool(self.kinds or self.details or self.states or self.failed)


@dataclass
class SyncSummary:
    mailbox: str
    folders: int = 0
    looked_at: int = 0  # messages newly recorded as processed
    new: Counter[str] = field(default_factory=Counter)  # new findings by kind
    suspicious: int = 0
    unparseable: int = 0
    duplicates: int = 0
    everyday: int = 0  # everyday mail of an account already known: settled by its header
    not_meta: int = 0  # nothing vouched that Meta sent it, and it claims nothing either
    vanished: int = 0  # a flow mail moved or expunged between its header and its whole fetch
    errors: list[str] = field(default_factory=list)
    # Of looked_at, how many are committed to the database: what an interrupt keeps (issue 22
    # item 5). Counted at each commit; `rollback` takes the counts back to it.
    kept: int = 0
    _at_commit: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    # The stored mails this run read again because the rules changed (one summary of a run has it).
    reread: Reread | None = None

    _COUNTS = ("looked_at", "new", "suspicious", "unparseable", "duplicates", "everyday",
               "not_meta", "vanished")

    @property
    def changed(self) -> bool:
        return bool(self.new or self.suspicious or self.unparseable or self.errors)

    def committed(self) -> None:
        """The batch counted so far is in the database."""
        self.kept = self.looked_at
        self._at_commit = {name: Counter(getattr(self, name)) if name == "new"
                           else getattr(self, name) for name in self._COUNTS}

    def rollback(self) -> None:
        """The batch under way was rolled back: count only what the database holds."""
        for name in self._COUNTS:
            default = Counter() if name == "new" else 0
            value = self._at_commit.get(name, default)
            setattr(self, name, Counter(value) if name == "new" else value)

    def absorb(self, outcome: str, kind: str | None) -> None:
        self.looked_at += 1
        if outcome == "finding" and kind:
            self.new[kind] += 1
        elif outcome == "suspicious":
            self.suspicious += 1
        elif outcome == "unparseable":
            self.unparseable += 1
        elif outcome == "duplicate":
            self.duplicates += 1
        elif outcome == "everyday":
            self.everyday += 1
        elif outcome == "not_meta":
            self.not_meta += 1
        elif outcome == "vanished":
            self.vanished += 1


class Stopped(Exception):  # noqa: N818 (a request, not a failure)
    """Raised between batches when another thread asked the sync to stop (Ctrl-C during a sync
    of several mailboxes at once: only the main thread hears the signal)."""
