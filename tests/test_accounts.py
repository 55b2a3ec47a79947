"""A typo in `mark` or `link` is refused with the closest known accounts; `--new` adds an account on
purpose; `forget` removes one that only commands made, never one that mail named."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tracker.store.accounts import closest

DATA = Path(__file__).parent / "data"
FB_NOTICE = DATA / "notice_facebook_en.eml"  # facebook:anna@example.org
IG_NOTICE = DATA / "notice_instagram_en.eml"  # instagram:anna.photos


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def accounts() -> dict[str, str]:
    doc = json.loads(run("status", "--format", "json"))
    return {f"{a['platform']}:{a['account']}": a["state"] for a in doc["accounts"]}


def test_marking_an_account_no_mail_named_is_refused_with_the_closest_ones():
    run("import", str(FB_NOTICE), str(IG_NOTICE))
    out = run("mark", "instagram:anna.photo", "submitted", code=1)
    assert out.strip().count("\n") == 0
    assert "instagram:anna.photo: no mail named this account" in out
    assert "did you mean instagram:anna.photos?" in out and "--new" in out
    assert accounts() == {"facebook:anna@example.org": "needs_action",
                          "instagram:anna.photos": "needs_action"}  # nothing was added
    run("status", "--fail-if-pending", code=1)


def test_new_adds_it_on_purpose_and_forget_removes_it():
    run("import", str(FB_NOTICE))
    out = run("mark", "--new", "instagram:nosuch.user", "submitted")
    assert "added it" in out and "forget instagram:nosuch.user" in out
    assert accounts()["instagram:nosuch.user"] == "in_progress"
    run("mark", "instagram:nosuch.user", "reset")  # known now: no --new needed
    assert "Forgot instagram:nosuch.user" in run("forget", "instagram:nosuch.user")
    assert accounts() == {"facebook:anna@example.org": "needs_action"}
    run("mark", "facebook:anna@example.org", "confirmed")
    run("status", "--fail-if-pending")  # the phantom no longer keeps it at 1


def test_an_account_that_mail_named_cannot_be_forgotten_only_ignored():
    run("import", str(FB_NOTICE))
    out = run("forget", "facebook:anna@example.org", code=1)
    assert "1 mail from Meta named this account" in out
    assert "mark facebook:anna@example.org ignored" in out
    assert accounts() == {"facebook:anna@example.org": "needs_action"}


def test_forgetting_a_linked_phantom_dissolves_its_group():
    run("import", str(FB_NOTICE))
    run("link", "--new", "facebook:anna@example.org", "instagram:typo.name")
    run("forget", "instagram:typo.name")
    doc = json.loads(run("status", "--format", "json"))
    assert [(a["account"], a["group"]) for a in doc["accounts"]] == [("anna@example.org", None)]


def test_link_with_a_typo_links_nothing():
    run("import", str(FB_NOTICE), str(IG_NOTICE))
    out = run("link", "facebook:anna@example.org", "instagram:anna.fotos", code=1)
    assert "instagram:anna.fotos: no mail named this account" in out
    assert "did you mean instagram:anna.photos?" in out
    doc = json.loads(run("status", "--format", "json"))
    assert all(a["group"] is None for a in doc["accounts"])
    assert "Linked" in run("link", "facebook:anna@example.org", "instagram:anna.photos")


def test_closest_prefers_the_same_platform_and_says_nothing_when_nothing_is_close():
    known = ["facebook:anna.photos", "instagram:anna.photos", "instagram:bert"]
    assert closest("instagram:anna.photo", known)[0] == "instagram:anna.photos"
    assert closest("threads:anna.photos", known)  # the right name on the wrong platform
    assert closest("instagram:zzzzzz", known) == []


def test_link_suggestions_join_only_accounts_that_share_an_address(tmp_path):
    """Every import is mailbox "import": a confirmation covering its Accounts Center must not
    suggest linking a stranger's account that arrived in the same import."""
    stranger = FB_NOTICE.read_bytes().replace(b"anna@example.org", b"bert@example.net")
    stranger = stranger.replace(b"anna%40example.org", b"bert%40example.net")
    stranger = stranger.replace(b"Message-ID: <", b"Message-ID: <stranger-")
    (tmp_path / "stranger.eml").write_bytes(stranger)
    confirmation = Path(__file__).parent / "fixtures" / "en_instagram_confirmation_2025_linked_accounts.eml"
    run("import", str(confirmation), str(FB_NOTICE), str(tmp_path / "stranger.eml"))
    doc = json.loads(run("status", "--format", "json"))
    assert {f"{a['platform']}:{a['account']}" for a in doc["accounts"]} >= {
        "facebook:anna@example.org", "facebook:bert@example.net"}
    (hint,) = doc["link_suggestions"]
    assert hint["pending"] == ["facebook:anna@example.org"]
