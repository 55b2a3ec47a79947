"""Has a mailbox anything new since its last sync? Its folders' EXAMINE says (issue 21 item 2).

Most nights nothing is new, and a sync that found that out through the full path spent most of its
time importing what reading mail needs (SQLAlchemy's ORM, the classifier, DKIM). Here the sync's
own session (tracker.mail.mailbox: the same TLS, login and choice of folders) EXAMINEs each folder,
and the sync's own test (FolderProgress.unchanged, which tracker.sync uses too) compares it with
where the last scan stopped, read with sqlite3 (tracker.store.sync_state). Only a mailbox with
news, or with a DKIM re-check due, goes on to the full sync, on the session that found the news.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from tracker.config import MailboxConfig
from tracker.mail.credentials import resolve
from tracker.mail.mailbox import MailboxSession
from tracker.store.sync_state import SyncState, account_of
from tracker.sync_summary import SyncSummary

log = logging.getLogger(__name__)


def look(box: MailboxConfig, state: SyncState, configured: Collection[str] = ()
         ) -> SyncSummary | MailboxSession | None:
    """A SyncSummary when no folder has anything new: the folders counted and those that could not
    be opened named, as a sync's summary has them; nothing is written. A MailboxSession, logged
    in, when a folder has news: the sync goes on with it and closes it. None when a DKIM
    re-check is due (`configured`: every configured mailbox's name, for the flow mails the sync
    adopts from a name none has), which the sync runs before it connects. Connection and login
    problems raise MailboxError, as in a sync."""
    if state.recheck_due(box.name, configured=configured):
        return None
    summary = SyncSummary(box.name)
    imap = MailboxSession(box, resolve(box)).__enter__()
    try:
        for status in imap.examined(summary.errors):
            summary.folders += 1
            known = state.folder_progress(box.name, status.name)
            account = account_of(box.username, box.host)
            if known is None or known.account is None or not known.unchanged(
                    status.uidvalidity, status.uidnext, box.since, account):
                return imap  # news, or a folder recorded before 0013: the sync says whose it is
            log.info("%s/%s: unchanged", box.name, status.name)
    except BaseException:
        imap.__exit__(None, None, None)
        raise
    imap.__exit__(None, None, None)
    return summary
