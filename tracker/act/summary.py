"""What a sync or an import saw, in the user's words (issue 22 item 1).

A user read "240 not from Meta" for 240 of Meta's own everyday notifications, which the header
triage had settled without reading their bodies. Here every outcome has a name a person uses, one
part per outcome with its plural, and the parts add up to the number looked at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # tracker.sync pulls in IMAP and the recogniser; only its shape is needed here
    from tracker.sync import SyncSummary
    from tracker.sync_summary import Reread

# A kind of finding -> (one, several). A kind not named here reads as its name with an "s".
KIND_WORDS = {
    "notice": ("notice", "notices"),
    "verification_code": ("verification code", "verification codes"),
    "acknowledgement": ("acknowledgement of a request", "acknowledgements of a request"),
    "confirmation": ("confirmation", "confirmations"),
    "rejection": ("rejection", "rejections"),
    "unclear_reply": ("reply to check", "replies to check"),
}
EVERYDAY = ("everyday mail from Meta", "everyday mails from Meta")
# Meta's everyday notifications, whether the header settled them or the body named an account:
# to the user both are the same thing.
EVERYDAY_KINDS = ("other",)


def counted(n: int, words: tuple[str, str]) -> str:
    """"1 notice", "2 notices"."""
    return f"{n} {words[0] if n == 1 else words[1]}"


def parts(s: SyncSummary) -> list[str]:
    """One part per outcome, in the order a person cares: Meta's flow first, then the rest."""
    kinds = [k for k in KIND_WORDS if s.new.get(k)]
    kinds += sorted(k for k, n in s.new.items() if n and k not in KIND_WORDS and k not in EVERYDAY_KINDS)
    found = [counted(s.new[k], KIND_WORDS.get(k) or (k.replace("_", " "), k.replace("_", " ") + "s"))
             for k in kinds]
    everyday = s.everyday + sum(s.new.get(kind, 0) for kind in EVERYDAY_KINDS)
    rest = [
        (everyday, EVERYDAY),
        (s.suspicious, ("suspicious mail claiming to be Meta", "suspicious mails claiming to be Meta")),
        (s.unparseable, ("unreadable mail", "unreadable mails")),
        (s.duplicates, ("already known", "already known")),
        (s.vanished, ("moved away before it was read whole", "moved away before they were read whole")),
        (s.not_meta, ("not from Meta", "not from Meta")),
    ]
    found += [counted(n, words) for n, words in rest if n]
    unnamed = s.looked_at - sum(s.new.values()) - s.everyday - s.suspicious - s.unparseable \
        - s.duplicates - s.vanished - s.not_meta
    if unnamed > 0:  # an outcome this module has no word for yet: still counted, so parts add up
        found.append(counted(unnamed, ("other mail", "other mails")))
    return found


def describe(s: SyncSummary) -> str:
    """"personal: 3 new messages looked at: 1 notice, 1 already known, 1 everyday mail from Meta",
    or "personal: nothing new"."""
    if s.looked_at == 0:
        return f"{s.mailbox}: nothing new"
    line = f"{s.mailbox}: {counted(s.looked_at, ('new message', 'new messages'))} looked at"
    return f"{line}: {', '.join(parts(s))}"


# A kind as it reads after "is no longer" / "is now".
A_KIND = {
    "notice": ("a notice", "notices"),
    "verification_code": ("a verification code", "verification codes"),
    "acknowledgement": ("an acknowledgement of a request", "acknowledgements of a request"),
    "confirmation": ("a confirmation", "confirmations"),
    "rejection": ("a rejection", "rejections"),
    "unclear_reply": ("a reply to check", "replies to check"),
    "third_party_reply": ("a reply to a third-party data request",
                          "replies to a third-party data request"),
    "other": ("everyday mail from Meta", "everyday mail from Meta"),
    "suspicious": ("suspicious", "suspicious"),
    "not_meta": ("Meta's mail by these rules", "Meta's mail by these rules"),
}


def reread_line(r: Reread) -> str:
    """"re-read 12 stored Meta mails with this version's rules: 1 is no longer a confirmation
    (now everyday mail from Meta: instagram:tom.harper.draws); instagram:tom.harper.draws is now
    NEEDS ACTION (was confirmed)"."""
    line = f"re-read {counted(r.looked_at, ('stored Meta mail', 'stored Meta mails'))} with this " \
           "version's rules"
    if not r.changed:
        return f"{line}: nothing changed"
    said: list[str] = []
    by_change: dict[tuple[str, str], list[str]] = {}
    for change in r.kinds:
        by_change.setdefault((change.was, change.now), []).append(change.account)
    for (was, now), accounts in by_change.items():
        n = len(accounts)
        one = n == 1
        was_words = A_KIND.get(was, (f"a {was}", f"{was}s"))[0 if one else 1]
        now_words = A_KIND.get(now, (f"a {now}", f"{now}s"))[0 if one else 1]
        now_said = f"now {now_words}" if now != "not_meta" else f"not {now_words}"
        said.append(f"{n} {'is' if one else 'are'} no longer {was_words} "
                    f"({now_said}: {', '.join(dict.fromkeys(accounts))})")
    if r.details:
        said.append(f"{counted(r.details, ('other', 'others'))} kept {'its' if r.details == 1 else 'their'} "
                    "kind with details updated")
    if r.states:
        from tracker.act.report import LABELS  # only when there is a state to name

        for s in r.states:
            was = f"was {LABELS.get(s.was, s.was)}" if s.was else "not listed before"
            now = f"is now {LABELS.get(s.now, s.now)}" if s.now else "is no longer listed"
            said.append(f"{s.account} {now} ({was})")
    if r.failed:
        one = r.failed == 1
        said.append(f"{counted(r.failed, ('mail', 'mails'))} the rules failed on "
                    f"{'is' if one else 'are'} kept as {'it was' if one else 'they were'} "
                    "and read again next time")
    return f"{line}: {'; '.join(said)}"


def kept_line(mailbox: str | None, s: SyncSummary | None, finished: bool) -> str:
    """After Ctrl-C, one line for a mailbox (None: an import) saying what the database kept
    (issue 22 item 5). Every committed batch stays, and the next sync goes on after it."""
    where = f"mailbox {mailbox!r}" if mailbox is not None else "import"
    if s is None:
        return f"interrupted: {where}: not read; the next sync reads it"
    what = f"{counted(s.kept, ('mail', 'mails'))} read and kept"
    if s.kept:
        what += f" ({', '.join(parts(s))})"
    if finished:
        return f"interrupted: {where}: read to the end before the interrupt, {what}"
    if mailbox is None:
        return f"interrupted: import: {what}; importing the same files again adds only the rest"
    return f"interrupted: {where}: {what}; the next sync goes on from there"
