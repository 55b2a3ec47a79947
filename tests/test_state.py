"""State derivation over evidence, with no database."""

import datetime as dt

from tracker.store.repo import Evidence
from tracker.store.state import derive

DAY = dt.timedelta(days=1)
T0 = dt.datetime(2024, 5, 29, 10, tzinfo=dt.UTC)


def ev(kind: str, day: int, account: str = "anna.photos", platform: str = "instagram", **kw) -> Evidence:
    return Evidence(platform, account, kind, T0 + day * DAY, mailbox="personal", **kw)


def state_of(*events: Evidence) -> str:
    (only,) = derive(list(events))
    return only.state


def test_the_flow_from_notice_to_confirmation():
    assert state_of(ev("notice", 0)) == "needs_action"
    assert state_of(ev("notice", 0), ev("verification_code", 1)) == "in_progress"
    assert state_of(ev("notice", 0), ev("verification_code", 1), ev("confirmation", 1)) == "objection_confirmed"


def test_submitted_mark_counts_like_a_code():
    assert state_of(ev("notice", 0), ev("mark:submitted", 2)) == "in_progress"


def test_a_later_notice_does_not_undo_a_confirmation():
    s = derive([ev("notice", 0), ev("confirmation", 2), ev("notice", 300)])[0]
    assert s.state == "objection_confirmed"
    assert s.confirmed_at == T0 + 2 * DAY and s.last_notice_at == T0 + 300 * DAY


def test_a_notice_after_filing_without_answer_asks_again():
    assert state_of(ev("notice", 0), ev("verification_code", 1), ev("notice", 300)) == "needs_action"


def test_rejection_is_the_latest_word_until_refiled():
    assert state_of(ev("notice", 0), ev("verification_code", 1), ev("rejection", 2)) == "rejected"
    assert state_of(ev("notice", 0), ev("confirmation", 1), ev("rejection", 2)) == "rejected"
    assert state_of(ev("rejection", 2), ev("verification_code", 3)) == "in_progress"


def test_ignored_sticks_until_reset_which_forgets_earlier_marks():
    assert state_of(ev("notice", 0), ev("mark:ignored", 1), ev("notice", 5)) == "ignored"
    assert state_of(ev("notice", 0), ev("mark:ignored", 1), ev("mark:reset", 2)) == "needs_action"
    assert state_of(ev("notice", 0), ev("mark:confirmed", 1), ev("mark:reset", 2)) == "needs_action"
    # reset forgets marks only, never what Meta's mail said
    assert state_of(ev("confirmation", 0), ev("mark:ignored", 1), ev("mark:reset", 2)) == "objection_confirmed"


def test_everyday_mail_makes_an_account_known_and_pending():
    s = derive([ev("other", 0), ev("other", 3)])[0]
    assert (s.state, s.source) == ("needs_action", "discovered")
    assert s.objection_url == "https://help.instagram.com/contact/767264225370182"
    assert len(s.evidence) == 1  # only the mail that made it known


def test_the_link_to_act_on_comes_from_the_latest_notice():
    s = derive([ev("notice", 0, objection_url="https://help.instagram.com/contact/767264225370182"),
                ev("notice", 9, objection_url="https://help.instagram.com/contact/233964459562201")])[0]
    assert s.objection_url == "https://help.instagram.com/contact/233964459562201"


def test_whatsapp_has_no_objection_form_and_is_never_pending():
    s = derive([ev("other", 0, account="anna@example.org", platform="whatsapp")])[0]
    assert s.state == "no_objection_available"
    assert s.objection_url == "https://www.whatsapp.com/contact/forms/382532939919295/"


def test_accounts_are_kept_apart_and_sorted_pending_first():
    states = derive([ev("confirmation", 1, account="b"), ev("notice", 0, account="a")])
    assert [(s.account, s.state) for s in states] == [("a", "needs_action"), ("b", "objection_confirmed")]


def test_same_day_events_follow_the_flow_order():
    same = T0
    items = [Evidence("facebook", "x@example.org", "confirmation", same),
             Evidence("facebook", "x@example.org", "notice", same)]
    assert derive(items)[0].state == "objection_confirmed"


def test_the_users_later_mark_overrides_their_ignore_but_mail_does_not():
    assert state_of(ev("notice", 0), ev("mark:ignored", 1), ev("mark:submitted", 2)) == "in_progress"
    assert state_of(ev("notice", 0), ev("mark:ignored", 1), ev("verification_code", 2)) == "ignored"


def test_an_acknowledgement_is_filing_not_a_decision():
    assert state_of(ev("notice", 0), ev("acknowledgement", 1)) == "in_progress"
    s = derive([ev("notice", 0), ev("acknowledgement", 1)])[0]
    assert s.submitted_at == T0 + DAY and s.confirmed_at is None


def test_an_unreadable_reply_asks_the_user_to_look():
    assert state_of(ev("notice", 0), ev("verification_code", 1), ev("unclear_reply", 2)) == "check_reply"
    # even after an earlier yes: the answer may be about a later request
    assert state_of(ev("notice", 0), ev("confirmation", 1), ev("unclear_reply", 5)) == "check_reply"
    # the user reads it and says what it was
    assert state_of(ev("notice", 0), ev("unclear_reply", 2), ev("mark:confirmed", 3)) == "objection_confirmed"
    assert state_of(ev("notice", 0), ev("unclear_reply", 2), ev("mark:submitted", 3)) == "in_progress"
    # filing again is acting on it too
    assert state_of(ev("notice", 0), ev("unclear_reply", 2), ev("verification_code", 3)) == "in_progress"
    # a later notice does not hide it, and an ignored account stays ignored
    assert state_of(ev("notice", 0), ev("unclear_reply", 2), ev("notice", 9)) == "check_reply"
    assert state_of(ev("notice", 0), ev("mark:ignored", 1), ev("unclear_reply", 2)) == "ignored"


def test_check_reply_is_pending():
    from tracker.store.state import PENDING

    assert "check_reply" in PENDING


def test_the_link_to_act_on_is_the_latest_one_meta_gave():
    old = "https://www.facebook.com/help/contact/712876720715583"
    new = "https://help.meta.com/support/privacy/"
    (s,) = derive([ev("notice", 0, "anna@example.org", "facebook", objection_url=old),
                   ev("notice", 400, "anna@example.org", "facebook", objection_url=new),
                   ev("other", 500, "anna@example.org", "facebook")])
    assert s.objection_url == new
    # the built-in form is only the fallback for an account no notice reached
    (s,) = derive([ev("other", 0, "anna@example.org", "facebook")])
    assert s.objection_url == old
