"""Meta's campaign headers settle everyday mail in any language (issue 21 item 1).

`X-Facebook-Notify: <campaign>; mailid=...` and `Feedback-ID: <id>:<campaign>:Facebook` name the
template in the same words in every language; campaigns.toml lists the documented ones.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.test_sync_dovecot import write_config
from tests.test_sync_triage import findings, run
from tracker.mail.mailbox import HEADER_FIELDS
from tracker.recognition.parse import parse
from tracker.recognition.triage import CAMPAIGNS, EVERYDAY, FLOW, campaign_meaning, triage

TESTS = Path(__file__).parent
# A subject no rule lists, in a language the rules do not know (Lithuanian "new login").
UNLISTED = "=?utf-8?b?" + __import__("base64").b64encode(
    "Naujas prisijungimas prie „Facebook“ iš „Chrome“".encode()).decode() + "?="


def head(notify: str | None, feedback: str | None, subject: str = UNLISTED, extra: str = "") -> bytes:
    lines = ["From: Facebook <security@facebookmail.com>", "To: tomas@example.org", f"Subject: {subject}"]
    if notify is not None:
        lines.append(f"X-Facebook-Notify: {notify}; mailid=7698d97c9423317b8ae4cd0ee72c27")
    if feedback is not None:
        lines.append(f"Feedback-ID: {feedback}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def test_the_campaign_is_read_from_both_headers():
    mail = parse(head("roadblock", "9999:roadblock:Facebook"))
    assert (mail.campaign, mail.campaign_headers) == ("roadblock", ("X-Facebook-Notify", "Feedback-ID"))
    assert parse(head(None, "9999:page_new_likes:Facebook")).campaign == "page_new_likes"
    assert parse(head("page_new_likes", None)).campaign == "page_new_likes"
    assert parse(head(None, None)).campaign is None
    # Two names for one mail: neither counts.
    both = parse(head("roadblock", "9999:page_new_likes:Facebook"))
    assert both.campaign is None and any("disagree" in d for d in both.defects)
    # A Feedback-ID of another sender is not Meta's campaign.
    assert parse(head(None, "1:roadblock:Mailchimp")).campaign is None


@pytest.mark.parametrize("notify,feedback,verdict", [
    ("roadblock", "9999:roadblock:Facebook", EVERYDAY),  # login alert
    ("page_new_likes", None, EVERYDAY),
    (None, "9999:event_invite_off_fb:Facebook", EVERYDAY),
    ("ig_verify_email_for_recovery", None, FLOW),  # a code mail: read like every code mail
    ("feedback_comment", None, FLOW),  # not documented: no evidence, the subject decides
    ("msg", None, FLOW),
    (None, None, FLOW),
])
def test_a_listed_everyday_campaign_settles_a_subject_no_rule_lists(notify, feedback, verdict):
    assert triage(parse(head(notify, feedback))).verdict == verdict


def test_the_campaign_does_not_outweigh_a_conversation():
    for extra, subject in [("List-Id: <x.example.org>\r\n", UNLISTED), ("", "Re: " + UNLISTED),
                           ("Auto-Submitted: auto-replied\r\n", UNLISTED)]:
        assert triage(parse(head("roadblock", None, subject, extra))).verdict == FLOW


def test_campaigns_toml_is_complete():
    entries = tomllib.loads(CAMPAIGNS.read_text(encoding="utf-8"))["campaign"]
    assert entries
    for entry in entries:
        assert set(entry) == {"header", "value", "means", "source"}, entry
        assert entry["header"] in ("X-Facebook-Notify", "Feedback-ID")
        assert entry["means"] in ("everyday", "login_alert", "login_code")
        assert re.fullmatch(r"[a-z0-9_]+", entry["value"]) and entry["source"]
    mail = parse(head("roadblock", None))
    assert campaign_meaning(mail) == "login_alert"


def test_a_sync_asks_for_the_campaign_headers():
    assert "X-FACEBOOK-NOTIFY" in HEADER_FIELDS.split() and "FEEDBACK-ID" in HEADER_FIELDS.split()


def test_login_alerts_in_a_language_no_rule_lists_cost_no_body_once_the_account_is_known(
        dovecot, mailbox_user, tracker_home):
    alert = (TESTS / "blind3" / "lt_04_other_login_alert.eml").read_bytes()
    for i in range(4):
        dovecot.append(mailbox_user, "INBOX",
                       re.sub(rb"(?im)^Message-ID:\s*<", f"Message-ID: <again{i}.".encode(), alert, count=1))
    config = write_config(tracker_home, dovecot, mailbox_user)
    run(config, "sync")
    _, accounts, outcomes = findings(tracker_home / "t.db")
    assert accounts == {("facebook", "tomas.kazlauskas@example.com")}
    assert outcomes == {"finding": 1, "everyday": 3}, outcomes
