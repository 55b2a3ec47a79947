"""What a sync or an import saw, in the user's words (issue 22 item 1).

A user read "240 not from Meta" for 240 of Meta's own everyday notifications, which the header
triage had settled without reading their bodies. Here every outcome has a name a person uses, one
part per outcome with its plural, and the parts add up to the number looked at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # tracker.sync pulls in IMAP and the recogniser; only its shape is needed here
    from tracker.sync import SyncSummary

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
