"""Accounts Center groups (issue 7): derivation over groups, storage, and the whole chain."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tracker.act.remind import pending
from tracker.act.report import link_suggestions
from tracker.store.engine import open_database
from tracker.store.repo import Evidence, Repository
from tracker.store.state import derive

T0 = dt.datetime(2025, 4, 15, 8, tzinfo=dt.UTC)
FB = ("facebook", "anna@example.org")
IG = ("instagram", "anna.photos")
TH = ("threads", "anna.cooks")
WA = ("whatsapp", "anna@example.org")
GROUP = frozenset({FB, IG, TH})


def ev(account: tuple[str, str], kind: str, day: int, **kw) -> Evidence:
    kw.setdefault("address", "anna@example.org")  # the link suggestions join accounts by address
    return Evidence(*account, kind, T0 + dt.timedelta(days=day), mailbox="personal", **kw)


def by_key(states):
    return {s.key: s for s in states}


BASE = [ev(FB, "notice", 0), ev(IG, "notice", 0), ev(TH, "other", 0)]


def test_one_confirmation_covers_the_group():
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3, covers_linked=True)], [GROUP]))
    assert states["instagram:anna.photos"].state == "objection_confirmed"
    assert states["instagram:anna.photos"].covered_by is None
    for key in ("facebook:anna@example.org", "threads:anna.cooks"):
        assert (states[key].state, states[key].covered_by) == ("objection_confirmed", "instagram:anna.photos")
        assert states[key].confirmed_at == T0 + dt.timedelta(days=3)
        assert states[key].group == ("facebook:anna@example.org", "instagram:anna.photos", "threads:anna.cooks")


def test_a_yes_that_does_not_say_it_covers_the_accounts_center_covers_no_one():
    """Issue 22 item 3: a 2024 reply says nothing of the Accounts Center; linking did make it a yes
    for every member ("confirmed (by facebook:me@example.org)")."""
    states = by_key(derive(BASE + [ev(IG, "verification_code", 1), ev(IG, "confirmation", 3)], [GROUP]))
    assert (states["instagram:anna.photos"].state, states["instagram:anna.photos"].not_covered_by) == (
        "objection_confirmed", None)
    for key in ("facebook:anna@example.org", "threads:anna.cooks"):
        # as its own mail says: not confirmed, and not "in progress" on a filing already answered
        assert (states[key].state, states[key].covered_by) == ("needs_action", None)
        assert states[key].not_covered_by == "instagram:anna.photos"
        assert states[key].group == ("facebook:anna@example.org", "instagram:anna.photos", "threads:anna.cooks")
    # the user's own mark is that account's yes too, not the group's
    states = by_key(derive(BASE + [ev(IG, "mark:confirmed", 3)], [GROUP]))
    assert states["facebook:anna@example.org"].state == "needs_action"
    # a later yes that says it covers the group covers it, and nothing is left uncovered
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3), ev(FB, "confirmation", 9, covers_linked=True)],
                           [GROUP]))
    assert (states["threads:anna.cooks"].state, states["threads:anna.cooks"].covered_by) == (
        "objection_confirmed", "facebook:anna@example.org")
    assert all(s.not_covered_by is None for s in states.values())


def test_link_says_in_one_line_why_a_2024_yes_covers_no_one(tracker_home):
    runner = CliRunner()
    flow = ("en_facebook_notice_2024_html_qp.eml", "en_facebook_code_objection.eml",
            "en_facebook_confirmation_2024.eml")
    result = runner.invoke(cli, ["import", *(str(FIXTURES / n) for n in flow),
                                 str(DATA / "notice_instagram_en.eml")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["link", "facebook:anna@example.org", "instagram:anna.photos"],
                           catch_exceptions=False)
    lines = result.output.splitlines()
    assert lines[0] == ("Linked: instagram:anna.photos (NEEDS ACTION), "
                        "facebook:anna@example.org (confirmed)")
    assert lines[1:] == ["instagram:anna.photos stays NEEDS ACTION: the confirmation of 2024-06-01 for "
                         "facebook:anna@example.org does not say it covers the accounts in its Accounts "
                         "Center, so this account needs its own objection."]
    why = runner.invoke(cli, ["why", "instagram:anna.photos"], catch_exceptions=False).output
    assert "linked to facebook:anna@example.org, whose confirmation does not say it covers" in why
    doc = json.loads(runner.invoke(cli, ["status", "--format", "json"]).output)
    ig = next(a for a in doc["accounts"] if a["account"] == "anna.photos")
    assert (ig["state"], ig["covered_by"]) == ("needs_action", None)


def test_without_the_link_each_account_keeps_its_own_state():
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3)]))
    assert states["facebook:anna@example.org"].state == "needs_action"
    assert states["facebook:anna@example.org"].covered_by is None and states["facebook:anna@example.org"].group == ()


def test_a_rejection_is_the_group_latest_word_for_members_without_an_answer():
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3), ev(FB, "rejection", 5)], [GROUP]))
    assert states["threads:anna.cooks"].state == "rejected"
    assert states["threads:anna.cooks"].covered_by == "facebook:anna@example.org"
    assert states["facebook:anna@example.org"].covered_by is None


def test_an_accounts_own_confirmation_is_not_undone_by_a_member():
    # Issue 12 item 3: anna@example.org had Meta's yes; a member's later rejection and filing
    # showed it "in progress (by instagram:anna.atelier)".
    at = ("instagram", "anna.atelier")
    group = frozenset({FB, at})
    states = by_key(derive([ev(FB, "notice", 0), ev(at, "notice", 0), ev(FB, "confirmation", 3),
                            ev(at, "rejection", 5), ev(at, "verification_code", 6)], [group]))
    assert (states["facebook:anna@example.org"].state, states["facebook:anna@example.org"].covered_by) == (
        "objection_confirmed", None)
    assert states["instagram:anna.atelier"].state == "in_progress"


def test_a_members_own_later_answer_stands_against_an_earlier_group_word():
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3), ev(FB, "rejection", 5),
                                   ev(TH, "confirmation", 7, covers_linked=True)], [GROUP]))
    assert (states["threads:anna.cooks"].state, states["threads:anna.cooks"].covered_by) == (
        "objection_confirmed", None)
    # anna@example.org's own rejection is older than the group's latest word
    assert (states["facebook:anna@example.org"].state, states["facebook:anna@example.org"].covered_by) == (
        "objection_confirmed", "threads:anna.cooks")
    # and the group's later word fills in for a member whose own answer is older
    states = by_key(derive(BASE + [ev(TH, "rejection", 2), ev(IG, "confirmation", 4, covers_linked=True)],
                           [GROUP]))
    assert (states["threads:anna.cooks"].state, states["threads:anna.cooks"].covered_by) == (
        "objection_confirmed", "instagram:anna.photos")


def test_a_later_notice_does_not_undo_the_group_confirmation():
    states = by_key(derive(BASE + [ev(IG, "confirmation", 3, covers_linked=True), ev(FB, "notice", 300)],
                           [GROUP]))
    assert states["facebook:anna@example.org"].state == "objection_confirmed"


def test_filing_for_one_puts_the_waiting_members_in_progress():
    states = by_key(derive(BASE + [ev(IG, "verification_code", 1)], [GROUP]))
    assert (states["facebook:anna@example.org"].state, states["facebook:anna@example.org"].covered_by) == (
        "in_progress", "instagram:anna.photos")


def test_ignored_and_whatsapp_members_are_left_alone():
    group = frozenset({FB, IG, WA})
    states = by_key(derive([ev(FB, "notice", 0), ev(FB, "mark:ignored", 1), ev(IG, "confirmation", 3),
                            ev(WA, "other", 0)], [group]))
    assert states["facebook:anna@example.org"].state == "ignored"
    assert states["whatsapp:anna@example.org"].state == "no_objection_available"


def test_covered_accounts_leave_the_reminder_digest():
    states = derive(BASE + [ev(IG, "verification_code", 1)], [GROUP])
    due = pending(states, now=T0 + dt.timedelta(days=40), stale_after_days=14)
    assert [d.key for d in due] == ["instagram:anna.photos"]


def test_a_confirmation_that_says_it_covers_a_group_suggests_linking():
    states = derive(BASE + [ev(IG, "confirmation", 3, covers_linked=True)])
    (hint,) = link_suggestions(states)
    assert hint["confirmed"] == "instagram:anna.photos"
    assert sorted(hint["pending"]) == ["facebook:anna@example.org", "threads:anna.cooks"]
    assert hint["command"].startswith("objection-tracker link instagram:anna.photos ")
    assert link_suggestions(derive(BASE + [ev(IG, "confirmation", 3, covers_linked=True)], [GROUP])) == []


def test_link_merges_groups_and_unlink_dissolves_them(database_url):
    sessions = open_database(database_url)
    with sessions.begin() as s:
        repo = Repository(s)
        repo.link([FB, IG])
        repo.link([TH, ("instagram", "work.acct")])
    with sessions.begin() as s:
        assert sorted(map(sorted, Repository(s).groups())) == [
            [FB, IG], [("instagram", "work.acct"), TH]]
        Repository(s).link([IG, TH])  # joins the two groups
    with sessions.begin() as s:
        (group,) = Repository(s).groups()
        assert group == {FB, IG, TH, ("instagram", "work.acct")}
        assert Repository(s).unlink([FB, IG, TH]) == 3
    with sessions.begin() as s:
        assert Repository(s).groups() == []  # one member left is no group


# --- the whole chain: Dovecot, sync, status, link, remind, unlink -------------------------------

from tests.test_sync_dovecot import DATA, cli_run, write_config  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def test_link_end_to_end(dovecot, mailbox_user, tracker_home):
    for raw in ((DATA / "notice_facebook_en.eml").read_bytes(), (DATA / "notice_instagram_en.eml").read_bytes(),
                (FIXTURES / "en_instagram_confirmation_2025_linked_accounts.eml").read_bytes()):
        dovecot.append(mailbox_user, "INBOX", raw)
    path = write_config(tracker_home, dovecot, mailbox_user)
    cli_run(path, "sync")
    table = " ".join(cli_run(path, "status").split())  # the table wraps at the terminal's width
    assert "also covers the accounts in its Accounts Center" in table
    assert "objection-tracker link instagram:anna.photos facebook:anna@example.org" in table

    out = cli_run(path, "link", "instagram:anna.photos", "facebook:anna@example.org")
    assert "facebook:anna@example.org (confirmed (by instagram:anna.photos))" in out
    doc = json.loads(cli_run(path, "status", "--format", "json"))
    fb = next(a for a in doc["accounts"] if a["account"] == "anna@example.org")
    assert fb["state"] == "objection_confirmed" and fb["covered_by"] == "instagram:anna.photos"
    assert fb["group"] == ["facebook:anna@example.org", "instagram:anna.photos"]
    assert doc["link_suggestions"] == []
    assert "Accounts Center group:" in cli_run(path, "accounts")
    # anna.photos is confirmed and anna@example.org is covered: nothing left to remind about
    assert cli_run(path, "remind", "--dry-run").startswith("Nothing pending")

    cli_run(path, "unlink", "facebook:anna@example.org")
    doc = json.loads(cli_run(path, "status", "--format", "json"))
    fb = next(a for a in doc["accounts"] if a["account"] == "anna@example.org")
    assert (fb["state"], fb["covered_by"], fb["group"]) == ("needs_action", None, None)
    result = CliRunner().invoke(cli, ["--config", str(path), "unlink", "facebook:anna@example.org"])
    assert result.exit_code == 1 and "not linked" in result.output


def test_filing_again_after_a_group_rejection_puts_the_group_in_progress():
    # A was rejected on day 5; B files again on day 10: the group now waits on B's filing.
    states = by_key(derive([ev(FB, "notice", 0), ev(IG, "notice", 0), ev(FB, "rejection", 5),
                            ev(IG, "verification_code", 10)], [frozenset({FB, IG})]))
    assert (states["facebook:anna@example.org"].state, states["facebook:anna@example.org"].covered_by) == (
        "in_progress", "instagram:anna.photos")
    assert states["instagram:anna.photos"].state == "in_progress"
    # and filing again through A itself moves B along too
    states = by_key(derive([ev(FB, "notice", 0), ev(IG, "notice", 0), ev(FB, "rejection", 5),
                            ev(FB, "mark:submitted", 10)], [frozenset({FB, IG})]))
    assert states["instagram:anna.photos"].state == "in_progress"


def test_an_ignored_decider_does_not_hide_the_others_from_reminders():
    states = derive([ev(FB, "notice", 0), ev(IG, "notice", 0), ev(FB, "rejection", 5),
                     ev(FB, "mark:ignored", 6)], [frozenset({FB, IG})])
    due = pending(states, now=T0 + dt.timedelta(days=9), stale_after_days=14)
    assert [d.key for d in due] == ["instagram:anna.photos"]


def test_linking_accounts_no_mail_has_named_yet(tracker_home):
    runner = CliRunner()
    result = runner.invoke(cli, ["link", "--new", "facebook:me@example.org", "instagram:some.username"],
                           catch_exceptions=False)
    assert result.exit_code == 0 and "was not known from mail" in result.output
    doc = json.loads(runner.invoke(cli, ["status", "--format", "json"]).output)
    assert {(a["platform"], a["account"], a["state"]) for a in doc["accounts"]} == {
        ("facebook", "me@example.org", "needs_action"), ("instagram", "some.username", "needs_action")}


def test_a_confirmation_its_own_later_unclear_reply_questions_covers_no_one():
    """A review found: A's confirmation, then A's unclear reply (check_reply), still confirmed B."""
    import datetime as dt

    from tracker.store.repo import Evidence
    from tracker.store.state import derive

    def day(d: int) -> dt.datetime:
        return dt.datetime(2025, 1, d, tzinfo=dt.UTC)

    a, b = ("facebook", "anna@example.org"), ("instagram", "anna.atelier")
    evidence = [Evidence(*a, "notice", day(1)), Evidence(*a, "confirmation", day(3)),
                Evidence(*a, "unclear_reply", day(10)), Evidence(*b, "notice", day(1)),
                Evidence(*b, "mark:submitted", day(2))]
    states = {s.key: s for s in derive(evidence, [frozenset({a, b})])}
    assert states["facebook:anna@example.org"].state == "check_reply"
    assert states["instagram:anna.atelier"].state == "in_progress"
    assert states["instagram:anna.atelier"].covered_by is None
