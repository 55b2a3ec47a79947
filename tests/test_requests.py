"""Requests other than the objection, WhatsApp's AI objection, information-only notices and
deadlines (issue 23; issue 22 item 2): state derivation with no database, then the command line
over fixture mails written from the field guide."""

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tracker.act import report
from tracker.recognition.classify import classify
from tracker.recognition.parse import parse
from tracker.store.repo import Evidence
from tracker.store.state import Request, derive, reminder_due

DAY = dt.timedelta(days=1)
T0 = dt.datetime(2025, 12, 1, 10, tzinfo=dt.UTC)
FIXTURES = Path(__file__).parent / "fixtures"


def ev(kind: str, day: int, account: str = "anna@example.org", platform: str = "facebook",
       **kw) -> Evidence:
    return Evidence(platform, account, kind, T0 + day * DAY, mailbox="personal", **kw)


def tp(day: int, state: str, **kw) -> Evidence:
    return ev("third_party_reply", day, request_state=state, **kw)


def only(*events: Evidence, now_day: int = 400):
    (state,) = derive(list(events), now=T0 + now_day * DAY)
    return state


# --- requests and the wrong form -----------------------------------------------------------------

def test_the_third_party_form_alone_is_the_wrong_form_and_still_needs_the_objection():
    s = only(ev("notice", 0), tp(3, "submitted"), tp(5, "needs_information"))
    assert s.state == "needs_action" and s.wrong_form
    assert s.requests == (Request("third_party_data", "needs_information", T0 + 5 * DAY),)
    assert s.objection_url == "https://www.facebook.com/help/contact/712876720715583"


def test_a_third_party_reply_never_changes_the_objection_state():
    confirmed = only(ev("notice", 0), ev("verification_code", 1), ev("confirmation", 2),
                     tp(30, "needs_information"))
    assert confirmed.state == "objection_confirmed" and not confirmed.wrong_form
    assert confirmed.requests[0].state == "needs_information"
    filed = only(ev("notice", 0), ev("verification_code", 1), tp(2, "answered"), now_day=10)
    assert filed.state == "in_progress" and not filed.wrong_form


def test_a_request_keeps_the_date_its_state_began_and_is_overdue_after_a_month():
    s = only(tp(0, "submitted"), tp(2, "submitted"), now_day=30)
    assert s.requests == (Request("third_party_data", "submitted", T0, False),)
    assert only(tp(0, "submitted"), now_day=31).requests[0].overdue
    answered = only(tp(0, "submitted"), tp(9, "answered"), now_day=90).requests[0]
    assert (answered.state, answered.since, answered.overdue) == ("answered", T0 + 9 * DAY, False)


def test_an_unverified_third_party_reply_counts_for_nothing():
    s = only(ev("notice", 0), tp(3, "answered", authenticity="unverified: no DKIM signature"))
    assert s.requests == () and not s.wrong_form


# --- WhatsApp ------------------------------------------------------------------------------------

def wa(kind: str, day: int) -> Evidence:
    return ev(kind, day, account="ben@example.net", platform="whatsapp")


def test_whatsapp_is_tracked_like_the_others_once_its_objection_mail_exists():
    assert only(wa("other", 0)).state == "no_objection_available"
    assert only(wa("other", 0), wa("verification_code", 1), now_day=5).state == "in_progress"
    assert only(wa("other", 0), wa("verification_code", 1), wa("confirmation", 1)).state \
        == "objection_confirmed"
    assert only(wa("verification_code", 1), wa("mark:ignored", 2)).state == "ignored"


# --- information and new waves -------------------------------------------------------------------

def test_an_information_notice_is_other_and_leaves_a_filed_account_as_it_was():
    finding = classify(parse((FIXTURES / "pt_facebook_other_ai_ads_info.eml").read_bytes())).finding
    assert finding.kind == "other" and finding.objection_url is None
    s = only(ev("notice", 0), ev("verification_code", 1), ev(finding.kind, 3), now_day=10)
    assert s.state == "in_progress"


def test_a_new_wave_for_a_confirmed_account_is_covered_by_its_objection():
    s = only(ev("notice", 0), ev("confirmation", 2), ev("notice", 300))
    assert s.state == "objection_confirmed" and s.covered_since == T0 + 2 * DAY
    line = "Meta's notice of 2026-09-27: covered by your objection of 2025-12-03, nothing to file"
    assert line in report.request_lines(s)
    assert line in report.why(s)
    assert only(ev("notice", 0), ev("confirmation", 2)).covered_since is None


# --- deadlines -----------------------------------------------------------------------------------

def test_a_filing_without_answer_is_overdue_after_31_days():
    events = (ev("notice", 0), ev("verification_code", 1))
    assert not only(*events, now_day=31).overdue
    late = only(*events, now_day=32)
    assert late.state == "in_progress" and late.overdue and late.overdue_since == T0 + 32 * DAY
    assert reminder_due(late) == T0 + 46 * DAY
    assert report.pending(late) and not report.pending(only(*events, now_day=31))
    assert not only(*events, ev("confirmation", 40), now_day=90).overdue


def test_a_linked_account_waiting_on_a_filing_is_overdue_with_it():
    events = [ev("notice", 0), ev("verification_code", 1),
              ev("notice", 0, account="anna.photos", platform="instagram")]
    group = frozenset({("facebook", "anna@example.org"), ("instagram", "anna.photos")})
    states = derive(events, [group], now=T0 + 40 * DAY)
    assert [(s.state, s.overdue) for s in states] == [("in_progress", True)] * 2


def test_needs_action_counts_from_meta_s_notice_not_from_everyday_mail():
    s = only(ev("other", 0), ev("other", 50), ev("notice", 100))
    assert s.since == T0 + 100 * DAY
    assert only(ev("other", 0)).since == T0  # no notice: from the mail that made it known


# --- the command line ----------------------------------------------------------------------------

def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def account(doc: dict, key: str) -> dict:
    return next(a for a in doc["accounts"] if f"{a['platform']}:{a['account']}" == key)


def test_status_shows_the_wrong_form_and_the_request():
    run("import", str(FIXTURES / "en_facebook_third_party_needs_information.eml"))
    acc = account(json.loads(run("status", "--format", "json")), "facebook:ben.work@example.net")
    assert acc["state"] == "needs_action" and acc["wrong_form"] is True
    assert acc["requests"] == [{"kind": "third_party_data", "state": "needs_information",
                                "since": "2024-07-03T18:45:00Z", "overdue": False}]
    assert (acc["overdue"], acc["overdue_since"], acc["covered_by_objection_of"]) == (False, None, None)
    table = run("status", "--fail-if-pending", code=1)
    assert "third-party data request: NEEDS INFORMATION since 2024-07-03" in table
    assert "that form does not object to" in table
    assert "act on: https://www.facebook.com/help/contact/712876720715583" in table


def test_an_unanswered_objection_is_overdue_in_table_json_and_exit_code():
    run("import", str(FIXTURES / "de_facebook_code_objection.eml"))
    acc = account(json.loads(run("status", "--format", "json")), "facebook:jonas.weber@example.org")
    assert acc["state"] == "in_progress" and acc["overdue"] is True
    assert acc["overdue_since"] == "2024-07-03T16:00:41Z"  # the code of 2 June 2024 + 31 days
    table = run("status", "--fail-if-pending", code=1)
    assert "OVERDUE" in table and "reminder-text facebook:jonas.weber@example.org" in table


def test_whatsapp_objection_mails_make_a_tracked_account():
    run("import", str(FIXTURES / "pt_whatsapp_code_objection.eml"),
        str(FIXTURES / "pt_whatsapp_confirmation_objection.eml"))
    acc = account(json.loads(run("status", "--format", "json")), "whatsapp:beatriz@example.net")
    assert acc["state"] == "objection_confirmed" and acc["requests"] == []


def test_upgrade_to_0009_reads_stored_third_party_replies_again(database_url):
    # Before 0009 a reply linking the third-party form was stored as a rejection of the objection.
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from tracker.store.engine import create, migrations_dir

    engine = create(database_url)
    with engine.begin() as conn:
        config = AlembicConfig()
        config.set_main_option("script_location", str(migrations_dir()))
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        for key, form in (("tp", "third_party_form"), ("own", "objection_form")):
            conn.exec_driver_sql(
                "INSERT INTO findings (message_key, kind, date, subject, sender, mailbox, folder, "
                f"covers_linked, recorded_at) VALUES ('{key}', 'rejection', '2024-07-03 10:00:00', "
                "'s', 'f', 'personal', 'INBOX', false, '2024-07-03 10:00:00')")
            conn.exec_driver_sql(
                "INSERT INTO links (finding_id, role, url) SELECT id, "
                f"'{form}', 'https://www.facebook.com/help/contact/1' FROM findings "
                f"WHERE message_key = '{key}'")
        command.upgrade(config, "0009")
        rows = dict(conn.exec_driver_sql(
            "SELECT message_key, kind || '/' || COALESCE(request_state, '-') FROM findings").all())
        assert rows == {"tp": "third_party_reply/needs_information", "own": "rejection/-"}
        command.downgrade(config, "0008")
        assert set(conn.exec_driver_sql("SELECT kind FROM findings").scalars()) == {"rejection"}
    engine.dispose()


def test_a_linked_account_is_never_covered_since_before_its_own_first_mail():
    # issue 22 item 2: "a linked account is 'confirmed' four months before it first appeared"
    group = frozenset({("facebook", "anna@example.org"), ("instagram", "anna.photos")})
    events = [ev("notice", 0), ev("verification_code", 1),
              ev("confirmation", 2, covers_linked=True),
              ev("other", 120, account="anna.photos", platform="instagram")]
    states = {s.key: s for s in derive(events, [group], now=T0 + 200 * DAY)}
    linked = states["instagram:anna.photos"]
    assert linked.state == "objection_confirmed" and linked.covered_by == "facebook:anna@example.org"
    assert linked.since == T0 + 120 * DAY and linked.confirmed_at == T0 + 2 * DAY


def test_why_says_an_information_notice_has_nothing_to_file():
    finding = classify(parse((FIXTURES / "pt_facebook_other_ai_ads_info.eml").read_bytes())).finding
    assert finding.kind == "other"
    assert str(finding.reason).startswith("information: about AI at Meta, with no objection link")
