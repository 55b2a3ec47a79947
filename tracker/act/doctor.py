"""`objection-tracker doctor`: what a sync of one mailbox would meet, found without changing anything.

It logs in, reads the capabilities, lists the folders a sync would scan and counts the Meta mails in
each with a server-side SEARCH. Folders are opened with EXAMINE, nothing is fetched, the database is
not opened: running it can neither mark mail read nor record anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.act.hints import advise, mismatch
from tracker.config import MailboxConfig
from tracker.errors import MailboxError, TrackerError
from tracker.mail.credentials import resolve, source
from tracker.mail.mailbox import MailboxSession
from tracker.sanitize import clean

SECURITY = {"tls": "implicit TLS", "starttls": "STARTTLS", "plain": "no TLS (loopback only)"}

# The capabilities that matter, and what each means for a sync when offered and when not.
MEANING = {
    "CONDSTORE": ("an unchanged folder is recognised from its state",
                  "an unchanged folder is recognised by UIDNEXT, which is as cheap"),
    "SPECIAL-USE": ("the spam folder is found by its flag, whatever its name",
                    "no special-use flags advertised: a spam folder no flag marks is looked "
                    "for by its usual names"),
    "X-GM-EXT-1": ("Gmail: searches All Mail and Spam with Gmail's own search",
                   "not Gmail: standard IMAP SEARCH"),
}

@dataclass(frozen=True)
class Capability:
    name: str
    offered: bool
    meaning: str  # what it means for a sync, in words


@dataclass(frozen=True)
class FolderCount:
    name: str
    special_use: tuple[str, ...]  # \Junk, \All ... as the server flags it
    meta_mails: int | None  # None: the folder could not be opened
    messages: int | None


@dataclass
class Checkup:
    """Filled in as the check goes: a failure half-way still reports what was found."""

    mailbox: str
    server: str  # host:port and how it is secured
    username: str
    secret: str  # where the secret comes from, in words
    logged_in: bool = False
    capabilities: list[Capability] = field(default_factory=list)
    folders: list[FolderCount] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # a sync fails or misses mail
    warnings: list[str] = field(default_factory=list)  # worth knowing; a sync still works
    authenticity: str = ""  # which rule tells Meta's mail here (issue 14), in words

    @property
    def ok(self) -> bool:
        return not self.problems


def authenticity_rule(box: MailboxConfig) -> str:
    """Which rule decides whether a mail is Meta's, for this mailbox (tracker.recognition.authenticity)."""
    servers = ", ".join(box.dkim_nameservers) or "the system resolver"
    own = f"the tracker's own DKIM check (keys from {servers})"
    if box.authserv_id:
        ids = " or ".join(box.authserv_id)
        rule = (f"only Authentication-Results headers with authserv-id {ids} count (others are "
                f"ignored); where they say neither pass nor fail, {own}")
    else:
        rule = f"{own} for the objection flow; Authentication-Results headers are not trusted"
    unsigned = "suspicious" if box.require_authentication else "unverified (never confirms)"
    return f"{rule}; an unsigned Meta mail is {unsigned}"


def check(box: MailboxConfig) -> Checkup:
    result = Checkup(box.name, f"{box.host}:{box.port}, {SECURITY[box.security]}", box.username,
                     source(box), authenticity=authenticity_rule(box))
    wrong = mismatch(box)
    if wrong:
        result.problems.append(_plain(wrong))
        return result
    try:
        credential = resolve(box)
    except TrackerError as exc:
        result.problems.append(_plain(exc))
        return result
    try:
        with MailboxSession(box, credential) as imap:
            _inspect(imap, box, result)
    except MailboxError as exc:
        result.problems.append(_plain(exc))
    return result


def _inspect(imap: MailboxSession, box: MailboxConfig, result: Checkup) -> None:
    result.logged_in = True
    offered = imap.capabilities
    for name, (when_offered, when_not) in MEANING.items():
        result.capabilities.append(Capability(name, name in offered,
                                              when_offered if name in offered else when_not))
    for name in imap.folders():
        flags = tuple(clean(f) for f in imap.special_use(name))
        try:
            status = imap.examine(name)
        except MailboxError as exc:
            result.folders.append(FolderCount(clean(name), flags, None, None))
            result.problems.append(_plain(exc))
            continue
        found = len(imap.search_meta(1, box.since))  # a server-side count: nothing is fetched
        result.folders.append(FolderCount(clean(name), flags, found, status.exists))
    _advise(imap, box, result)


def _advise(imap: MailboxSession, box: MailboxConfig, result: Checkup) -> None:
    """What the folder list and the counts suggest, beyond the errors already recorded."""
    if not box.folders:  # chosen by flag: say when a flag was not found
        if imap.gmail and not imap.special_folders("\\All"):
            result.problems.append("Gmail shows no All Mail folder to IMAP, so only INBOX is read: "
                                   "in Gmail's settings, Labels, tick \"Show in IMAP\" for All Mail")
        by_name = [] if imap.special_folders("\\Junk") else imap.spam_by_name()
        if by_name:
            result.warnings.append(f"no folder is flagged \\Junk, so the spam folder was found by "
                                   f"its name: {', '.join(by_name)} (list it in folders if that "
                                   "is not your spam folder)")
        elif not imap.special_folders("\\Junk"):
            result.warnings.append("no folder is flagged \\Junk, so spam is not read; if you have a "
                                   "spam folder, list it in folders (folders here: "
                                   f"{', '.join(clean(f) for f in imap.all_folders())})")
    if result.folders and not any(f.meta_mails for f in result.folders):
        since = f" since {box.since.isoformat()}" if box.since else ""
        result.warnings.append(f"no mail from Meta found{since} in the folders scanned: if you expect "
                               "some, check folders and since")


def database_warnings(database_url: str) -> list[str]:
    """What is odd about where the database lives. A symbolic link is followed by every run:
    whoever can change it decides which file the tracker writes."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    try:
        url = make_url(database_url)
    except Exception:  # open_database reports a bad URL in its own words
        return []
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return []
    path = Path(url.database).expanduser()
    if not path.is_symlink():
        return []
    return [f"{path} is a symbolic link to {path.readlink()}: every run writes where it points; "
            "use the real path in database.url if that is meant"]


def _plain(exc: TrackerError) -> str:
    # Errors quote the server's replies and folder names: cleaned like everything from mail.
    return advise(clean(str(exc).removeprefix(f"mailbox {getattr(exc, 'mailbox', '')!r}: "), None))
