"""Issue 20 item 6: dates cannot pin a state. A mail dated after the user's server received it is
ordered by when it arrived; the user's own mark outranks any mail no valid signature vouches for.
State derivation first (no I/O), then the whole way through `import` (the topmost Received header
is the arrival) and `mark`."""

from __future__ import annotations

import datetime as dt
import json

from tests.configs import invoke
from tests.dkim_keys import harness_sign
from tests.test_dkim import CONFIRMATION, NOTICE, fixture
from tracker.mail.importer import arrival
from tracker.store.repo import Evidence
from tracker.store.state import derive

DAY = dt.timedelta(days=1)
T0 = dt.datetime(2024, 5, 29, 10, tzinfo=dt.UTC)
SIGNED = "authenticated: the tracker checked DKIM, pass (d=facebook.com s=s2026)"
UNSIGNED = "unverified: no DKIM signature of a Meta domain (Meta signs all its mail)"


def ev(kind: str, day: float, *, arrived: float | None = None, how: str | None = SIGNED) -> Evidence:
    return Evidence("facebook", "anna@example.org", kind, T0 + day * DAY, mailbox="personal",
                    authenticity=None if kind.startswith("mark:") else how,
                    arrived_at=None if arrived is None else T0 + arrived * DAY)


def only(*events: Evidence):
    (state,) = derive(list(events))
    return state


def test_a_mail_dated_after_it_arrived_counts_from_its_arrival():
    far = 27_000  # days: the year 2098
    s = only(ev("notice", 0), ev("verification_code", 1), ev("rejection", far, arrived=2, how=UNSIGNED),
             ev("confirmation", 3))
    # the "2098" rejection arrived on day 2: Meta's genuine yes on day 3 is the latest word
    assert s.state == "objection_confirmed" and s.since == T0 + 3 * DAY
    assert s.rejected_at == T0 + 2 * DAY
    # a mail dated before it arrived keeps its Date (servers queue mail; that is no attack)
    s = only(ev("notice", 0, arrived=0.5))
    assert s.since == T0


def test_the_users_mark_outranks_a_mail_nothing_vouches_for():
    # an unsigned rejection with no arrival known (recorded before 0008), dated 2099
    s = only(ev("notice", 0), ev("confirmation", 2), ev("rejection", 27_000, how=UNSIGNED),
             ev("mark:confirmed", 10))
    assert s.state == "objection_confirmed" and s.since == T0 + 10 * DAY
    # after the mark, unsigned mail of any kind changes nothing
    for kind in ("rejection", "unclear_reply", "notice", "confirmation"):
        assert only(ev("notice", 0), ev("mark:submitted", 1), ev(kind, 5, how=UNSIGNED)).state \
            == "in_progress", kind
    # Meta's signed word after the mark still counts
    assert only(ev("notice", 0), ev("mark:submitted", 1), ev("rejection", 5)).state == "rejected"
    # `reset` takes the user's word back: the unsigned rejection is shown again
    assert only(ev("notice", 0), ev("mark:submitted", 1), ev("mark:reset", 2),
                ev("rejection", 5, how=UNSIGNED)).state == "rejected"


def test_arrival_is_the_topmost_received_header():
    mail = (b"Received: from mx.example.org by imap.example.org with LMTP\r\n"
            b"\tid 1; Sat, 01 Jun 2024 21:02:14 +0200\r\n"
            b"Received: from evil.example by mx.example.org; Tue, 1 Jan 2099 00:00:00 +0000\r\n"
            b"Date: Tue, 1 Jan 2099 00:00:00 +0000\r\n\r\nbody")
    assert arrival(mail) == dt.datetime(2024, 6, 1, 19, 2, 14, tzinfo=dt.UTC)
    assert arrival(b"Date: Tue, 1 Jan 2099 00:00:00 +0000\r\n\r\nReceived: x; 1 Jan 2020") is None
    assert arrival(b"Received: from x; not a date\r\n\r\n") is None
    assert arrival(b"Received: from x; 31 Dec 9999 23:59:59 -1200\r\n\r\n") is None


def _status(path) -> dict:
    doc = json.loads(invoke(path, "status", "--format", "json"))
    return next(a for a in doc["accounts"] if a["account"] == "anna@example.org")


def test_an_unsigned_rejection_dated_2099_neither_outlasts_meta_nor_the_users_mark(
        tmp_path, monkeypatch):
    monkeypatch.delenv("OBJECTION_TRACKER_IMPORT_AUTHSERV_ID")  # only DKIM vouches
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n')
    rejection = fixture("en_facebook_rejection_more_info.eml").replace(
        b"anna.work", b"anna").replace(b"example.net", b"example.org").replace(
        b"Date: ", b"Received: from mx.example.org by imap.example.org; Sun, 02 Jun 2024 09:00:00 "
        b"+0000\nDate: Tue, 01 Jan 2099 00:00:00 +0000\nX-Old-Date: ", 1)
    files = {"n.eml": harness_sign(NOTICE), "c.eml": harness_sign(CONFIRMATION),
             "r.eml": rejection}  # unsigned: anyone could have sent it
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    invoke(path, "import", *[str(tmp_path / n) for n in files])
    account = _status(path)
    assert account["state"] == "rejected"  # the safe reading of an unsigned "no": look at it
    assert account["since"].startswith("2024-06-02")  # when it arrived, not 2099
    invoke(path, "mark", "facebook:anna@example.org", "confirmed")
    assert _status(path)["state"] == "objection_confirmed"
