"""Whose accounts are whose: each account belongs to the people whose mailboxes saw it. Pure: no I/O.

A config without [[people]] has one audience, the config's owner (None), who sees everything, as
before people existed. With [[people]], a mailbox names its person; the owner keeps the accounts
that only mailboxes without a person, imports or marks made known.

A person's view is cut to what their own mailboxes saw: another person's addresses, subjects,
mailboxes, folders and linked accounts are never in it. The state itself is the account's, from
all its mail (a confirmation is a confirmation, whichever mailbox it reached).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from tracker.config import Config, PersonConfig
from tracker.store.state import AccountState
from tracker.store.values import SOURCE, Evidence, SuspiciousMail

OWNER_LABEL = "(no person)"  # how the owner's share is headed when there are people
NOBODY_LABEL = "(mailboxes no longer in the config)"


@dataclass(frozen=True)
class Audience:
    """Who a view or a digest is for: a configured person, or the config's owner (person None)."""

    person: PersonConfig | None

    @property
    def name(self) -> str | None:
        return self.person.name if self.person else None

    @property
    def key(self) -> str:
        """As the reminder history records it: "" for the owner (every row before people)."""
        return self.person.name if self.person else ""


def mailbox_people(config: Config) -> dict[str, str]:
    """Mailbox name -> person name, for mailboxes that name one."""
    return {box.name: box.person for box in config.mailboxes if box.person}


def people_of(state: AccountState, config: Config) -> list[str]:
    """The configured people whose mailboxes saw the account, sorted; [] without [[people]]."""
    owners = mailbox_people(config)
    return sorted({owners[m] for m in state.mailboxes if m in owners})


def _owners_box(config: Config, mailbox: str) -> bool:
    """With [[people]]: a configured mailbox without a person, or imported files. A mailbox the
    config no longer names is nobody's: whose it was is not known, so no digest lists it."""
    return mailbox == SOURCE or any(b.name == mailbox and not b.person for b in config.mailboxes)


def belongs(state: AccountState, config: Config, audience: Audience) -> bool:
    if audience.person is None:
        if not config.people:
            return True
        # The owner's share: seen by a mailbox without a person (or an import), or by no mail
        return not state.mailboxes or any(_owners_box(config, m) for m in state.mailboxes)
    return audience.person.name in people_of(state, config)


def nobodys(states: Sequence[AccountState], config: Config) -> list[AccountState]:
    """Accounts no audience has: only mailboxes the config no longer names saw them."""
    return [s for s in states
            if config.people and not any(belongs(s, config, a) for a in audiences(config))]


def audiences(config: Config) -> list[Audience]:
    """Every configured person, then the owner."""
    return [Audience(p) for p in config.people] + [Audience(None)]


def mailboxes_of(config: Config, audience: Audience) -> list[str]:
    """The configured mailboxes whose accounts this audience's digest lists."""
    if audience.person is None:
        return [b.name for b in config.mailboxes if not b.person]
    return [b.name for b in config.mailboxes if b.person == audience.person.name]


def visible_mailboxes(config: Config, audience: Audience, seen: Iterable[str]) -> set[str]:
    """Of the mailboxes named in stored mail, those whose contents this audience may see."""
    if audience.person is None:
        return {m for m in seen if _owners_box(config, m)} if config.people else set(seen)
    owners = mailbox_people(config)
    return {m for m in seen if owners.get(m) == audience.person.name}


def view(states: Sequence[AccountState], evidence: Sequence[Evidence], config: Config,
         audience: Audience) -> list[AccountState]:
    """The audience's accounts, each cut to what the audience's own mailboxes saw."""
    if audience.person is None and not config.people:
        return list(states)
    mine = [s for s in states if belongs(s, config, audience)]
    keys = {s.key for s in mine}
    all_boxes = {e.mailbox for e in evidence if e.mailbox}
    boxes = visible_mailboxes(config, audience, all_boxes)
    addresses: dict[str, set[str]] = defaultdict(set)
    for e in evidence:
        if e.address and e.mailbox in boxes:
            addresses[f"{e.platform}:{e.account}"].add(e.address)
    cut = []
    for s in mine:
        group = tuple(k for k in s.group if k in keys)
        cut.append(replace(
            s,
            addresses=tuple(sorted(addresses[s.key])),
            mailboxes=tuple(m for m in s.mailboxes if m in boxes),
            evidence=tuple(e for e in s.evidence if e.mailbox in boxes),
            unverified=tuple(e for e in s.unverified if e.mailbox in boxes),
            group=group if len(group) > 1 else (),
            # Another person's linked account decided: the state stands, the name is theirs.
            covered_by=s.covered_by if s.covered_by in keys else None,
            not_covered_by=s.not_covered_by if s.not_covered_by in keys else None,
        ))
    return cut


def suspicious_for(mails: Sequence[SuspiciousMail], config: Config,
                   audience: Audience) -> list[SuspiciousMail]:
    if audience.person is None and not config.people:
        return list(mails)
    boxes = visible_mailboxes(config, audience, {m.mailbox for m in mails})
    return [m for m in mails if m.mailbox in boxes]
