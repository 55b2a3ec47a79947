"""Issue 20 item 4: one mail's DKIM cost is bounded, whatever signatures it carries. At most
MAX_SIGNATURES aligned signatures are tried, on one parse of the mail, within one DNS budget; a
key DNS could not give is looked up again with back-off, not on every run. (The times are in
bench/worst_mail.py; these tests count lookups and parses, and run a clock of their own.)"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.dkim_keys import make_key, sign
from tests.test_dkim import CONFIRMATION, NOTICE
from tracker.mail.rawmail import RawMessage
from tracker.recognition import dkim as dkim_module
from tracker.recognition.dkim import LookupFailed, verify
from tracker.recognition.verify import RECHECK_FIRST, RECHECK_MAX, Checker, next_recheck, recheck
from tracker.store import models
from tracker.store.engine import open_database
from tracker.store.repo import Repository
from tracker.sync import ingest


@pytest.fixture(scope="module")
def key():
    return make_key()


class Keys:
    """A resolver that has the key for every selector but `missing`, and counts what it was asked."""

    def __init__(self, key, *, down: bool = False) -> None:
        self.public = key.public_txt.encode()
        self.down = down
        self.asked: list[bytes] = []

    def txt(self, name: bytes, timeout: float = 3.0) -> bytes | None:
        self.asked.append(name)
        if self.down:
            raise LookupFailed("Timeout: no answer")
        return self.public


def _signature(data: bytes) -> bytes:
    """The DKIM-Signature header on top of `data`, with its folded lines."""
    head, _, rest = data.partition(b"\r\n")
    while rest[:1] in (b" ", b"\t"):
        line, _, rest = rest.partition(b"\r\n")
        head += b"\r\n" + line
    return head + b"\r\n"


def _under_copies(key, count: int) -> bytes:
    """A genuine signed notice under `count` copies of its signature naming other selectors."""
    data = sign(NOTICE, key, "facebookmail.com")
    one = _signature(data)
    return b"".join(one.replace(b"s=s2026", b"s=x%d" % i) for i in range(count)) + data


def test_at_most_three_aligned_signatures_are_tried(key):
    resolver = Keys(key)
    verdict = verify(_under_copies(key, 10), "facebookmail.com", resolver)  # type: ignore[arg-type]
    assert len(resolver.asked) == dkim_module.MAX_SIGNATURES == 3
    # the genuine one was eleventh: a mail signed more than a few times is not Meta's as sent
    assert verdict.result == "fail"
    resolver = Keys(key)
    assert verify(_under_copies(key, 2), "facebookmail.com", resolver).result == "pass"  # type: ignore[arg-type]
    assert len(resolver.asked) == 3


def test_copies_of_one_signature_are_tried_once(key):
    data = sign(NOTICE, key, "facebookmail.com")
    resolver = Keys(key)
    assert verify(_signature(data) * 50 + data, "facebookmail.com", resolver).result == "pass"  # type: ignore[arg-type]
    assert resolver.asked == [b"s2026._domainkey.facebookmail.com."]


def test_the_mail_is_parsed_once_for_all_its_signatures(key, monkeypatch):
    parses = []

    class Counted(dkim_module.dkimpy.DKIM):
        def __init__(self, *args, **kwargs) -> None:
            parses.append(1)
            super().__init__(*args, **kwargs)

    data = _under_copies(key, 5)
    monkeypatch.setattr(dkim_module.dkimpy, "DKIM", Counted)
    assert verify(data, "facebookmail.com", Keys(key)).result == "fail"  # type: ignore[arg-type]
    assert len(parses) == 1


def test_one_dns_budget_for_all_lookups_of_a_mail(key, monkeypatch):
    """A silent resolver: each lookup waits its whole timeout. The mail's lookups together stop at
    the budget (5 s), not at 3 s per signature."""
    clock = [1000.0]
    timeouts: list[float] = []

    class Silent:
        def txt(self, name: bytes, timeout: float = 3.0) -> bytes | None:
            timeouts.append(timeout)
            clock[0] += timeout
            raise LookupFailed("Timeout: no answer")

    monkeypatch.setattr(dkim_module.time, "monotonic", lambda: clock[0])
    verdict = verify(_under_copies(key, 11), "facebookmail.com", Silent())  # type: ignore[arg-type]
    assert verdict.result == "temperror"
    assert timeouts == [3.0, 2.0]  # the third signature finds the budget spent: no lookup at all
    assert clock[0] - 1000.0 == dkim_module.DNS_BUDGET_SECONDS


def test_back_off_grows_with_the_wait_and_is_capped():
    now = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
    assert next_recheck(now, now) == now + RECHECK_FIRST
    assert next_recheck(now - dt.timedelta(hours=1), now) == now + dt.timedelta(hours=1)
    assert next_recheck(now - dt.timedelta(days=30), now) == now + RECHECK_MAX


def test_a_temperror_is_looked_up_again_only_when_due(key, database_url):
    sessions = open_database(database_url)
    signed = sign(CONFIRMATION, key, "facebook.com")
    down = Keys(key, down=True)
    with sessions.begin() as session:
        assert ingest(Repository(session), RawMessage(signed, "import", "c.eml", 1, 1),
                      checker=Checker(down))[0] == "finding"  # type: ignore[arg-type]
    with sessions.begin() as session:
        row = session.scalar(select(models.Finding))
        assert row.dkim_result == "temperror"
        assert row.dkim_recheck_at - row.recorded_at >= RECHECK_FIRST - dt.timedelta(seconds=1)
    # the next run, at once: not due, so no lookup (DNS is back, but nobody asks yet)
    up = Keys(key)
    with sessions.begin() as session:
        assert recheck(session, Checker(up)) == 0  # type: ignore[arg-type]
    assert up.asked == []
    # still failing when due: looked up once, and the next time is pushed further out
    with sessions.begin() as session:
        session.scalar(select(models.Finding)).dkim_recheck_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    with sessions.begin() as session:
        assert recheck(session, Checker(down)) == 0  # type: ignore[arg-type]
        assert session.scalar(select(models.Finding)).dkim_recheck_at > dt.datetime.now(dt.UTC)
    asked = len(down.asked)
    with sessions.begin() as session:
        assert recheck(session, Checker(down)) == 0  # type: ignore[arg-type]
    assert len(down.asked) == asked
    # due, and DNS answers: decided
    with sessions.begin() as session:
        session.scalar(select(models.Finding)).dkim_recheck_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    with sessions.begin() as session:
        assert recheck(session, Checker(up)) == 1  # type: ignore[arg-type]
    with sessions.begin() as session:
        row = session.scalar(select(models.Finding))
        assert (row.dkim_result, row.dkim_recheck_at) == ("pass", None)
        assert row.kind == "confirmation"
