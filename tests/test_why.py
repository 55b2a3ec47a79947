"""`why PLATFORM:ACCOUNT`, the `reason` in the JSON evidence, and check_reply in table and digest."""

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tracker.act.remind import digest, pending
from tracker.act.report import as_json, as_table
from tracker.store.repo import Evidence
from tracker.store.state import derive

FIXTURES = Path(__file__).parent / "fixtures"
T0 = dt.datetime(2024, 5, 29, 10, tzinfo=dt.UTC)


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_why_shows_each_mail_with_its_reason(tracker_home):
    run("import", str(FIXTURES / "en_facebook_notice_2024_html_qp.eml"),
        str(FIXTURES / "en_facebook_code_objection.eml"), str(FIXTURES / "en_facebook_confirmation_2024.eml"))
    run("mark", "facebook:anna@example.org", "submitted", "--note", "in the browser")
    out = run("why", "facebook:anna@example.org")
    lines = out.splitlines()
    assert lines[0].startswith("facebook:anna@example.org: confirmed since 2024-")
    assert "notice" in out and '"We\'re updating our Privacy Policy as we expand AI at Meta"' in out
    assert "why: notice: policy-update subject [en]: 'updating our privacy policy'" in out
    assert "why: reply: confirmation [en]: 'reviewed your request and will honor'" in out
    assert "verification_code" in out and "you marked it submitted: in the browser" in out
    assert "from: authenticated: dkim or dmarc pass for a Meta domain" in out
    doc = json.loads(run("status", "--format", "json"))
    (acct,) = doc["accounts"]
    reasons = {e["kind"]: e["reason"] for e in acct["evidence"]}
    assert reasons["confirmation"] == "reply: confirmation [en]: 'reviewed your request and will honor'"
    assert all(e["authenticity"] for e in acct["evidence"])


def test_why_for_an_unknown_account_is_one_line(tracker_home):
    out = run("why", "instagram:nobody.here", code=1)
    assert out.strip().count("\n") == 0 and "no mail or mark names" in out


def ev(kind: str, day: int) -> Evidence:
    return Evidence("instagram", "anna.photos", kind, T0 + dt.timedelta(days=day), subject="Re: your request",
                    mailbox="personal", reason="reply: no decision found [en]: 'our reply'")


def test_check_reply_in_table_json_and_digest():
    states = derive([ev("notice", 0), ev("verification_code", 1), ev("unclear_reply", 2)])
    table = as_table(states, [])
    assert "CHECK REPLY" in table and "objection-tracker why instagram:anna.photos" in table
    doc = as_json(states, [])
    assert doc["accounts"][0]["state"] == "check_reply" and doc["summary"]["check_reply"] == 1
    now = T0 + dt.timedelta(days=3)
    due = pending(states, now=now, stale_after_days=14)
    assert [(d.key, d.reason) for d in due] == [("instagram:anna.photos", "check_reply")]
    text = digest(due, now=now).text
    assert "Meta answered" in text and "mark instagram:anna.photos confirmed (or submitted)" in text


def test_fail_if_pending_counts_check_reply(tracker_home, tmp_path):
    mail = (FIXTURES / "en_instagram_confirmation_2024_uk_honour.eml").read_bytes()
    # Meta's reply copy whose decision the rules cannot read: the wording is not one they know.
    mail = mail.replace(b"We've reviewed your request and will honour your objection.",
                        b"We've reviewed your request. The outcome is shown in your settings.")
    assert b"outcome is shown" in mail
    path = tmp_path / "reply.eml"
    path.write_bytes(mail)
    run("import", str(path))
    out = run("status", "--fail-if-pending", code=1)
    assert "CHECK REPLY" in out


def test_rules_says_the_built_in_forms_are_only_a_fallback():
    out = run("rules")
    assert "acknowledgement" in out and "unclear_reply" in out
    assert "the latest objection link Meta's own mail gave the account" in out
    assert "https://help.instagram.com/contact/767264225370182" in out.split("fallback:")[1]
