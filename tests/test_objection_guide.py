"""What `object` tells a person before any mailbox is watched: the form, where the code goes and
which mailbox receives it, Accounts Center coverage, the text to paste (templates and the user's
own), the clipboard and the browser, and the prompts."""

from __future__ import annotations

import datetime as dt
import tomllib
import webbrowser
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli as cli_module
from cli import cli
from tests.conftest import FIXTURES
from tracker import config
from tracker.act import clipboard, objection
from tracker.errors import ConfigError
from tracker.recognition import rules
from tracker.store.repo import Evidence
from tracker.store.state import derive

T0 = dt.datetime(2025, 4, 15, 9, 0, tzinfo=dt.UTC)
OTHER_FORM = "https://www.facebook.com/help/contact/6359191084165019"


def mail(kind: str, account: str, days: int = 0, *, platform: str = "facebook",
         address: str | None = "anna@example.org", mailbox: str = "personal", language: str = "en",
         url: str | None = None, covers: bool = False) -> Evidence:
    return Evidence(platform, account, kind, T0 + dt.timedelta(days=days), subject=kind,
                    message_id=f"<{kind}{days}{account}@x>", mailbox=mailbox, folder="INBOX",
                    language=language, address=address, objection_url=url, covers_linked=covers)


def cfg(*boxes: tuple[str, str], objection_toml: str = "", path: Path | None = None) -> config.Config:
    text = objection_toml + "".join(
        f'\n[[mailboxes]]\nname = "{name}"\nhost = "imap.example.org"\nusername = "{user}"\n'
        'password_env = "X"\n' for name, user in boxes)
    return config.parse(tomllib.loads(text), path)


def test_the_form_is_the_latest_link_meta_sent_and_the_code_goes_to_its_address():
    states = derive([mail("notice", "anna@example.org", 0, url=OTHER_FORM)])
    guide = objection.plan(cfg(("personal", "me@example.org")), states, "facebook", "anna@example.org")
    assert guide.form_url == OTHER_FORM and guide.form_from_mail == T0
    assert guide.address == "anna@example.org" and guide.mailbox.name == "personal"
    text = "\n".join(objection.describe(guide))
    assert f"1. Form: {OTHER_FORM}" in text and "the latest link Meta sent" in text
    assert "The code goes to anna@example.org" in text
    assert "Mailbox 'personal' (me@example.org at imap.example.org) receives it" in text


def test_without_a_link_in_mail_the_built_in_form():
    states = derive([mail("other", "anna@example.org", 0)])
    guide = objection.plan(cfg(("personal", "me@example.org")), states, "facebook", "anna@example.org")
    assert guide.form_url == rules.DEFAULT_OBJECTION_URL["facebook"] and guide.form_from_mail is None
    assert "built-in form" in "\n".join(objection.describe(guide))


def test_no_configured_mailbox_receives_the_address():
    states = derive([mail("notice", "anna@example.org", 0, mailbox="import")])
    guide = objection.plan(cfg(("work", "me@work.example")), states, "facebook", "anna@example.org")
    assert guide.mailbox is None
    assert ("   No configured mailbox receives mail for this address: add it, or watch that inbox "
            "yourself.") in objection.describe(guide)


def test_an_unknown_account_is_matched_to_the_mailbox_that_logs_in_as_its_address():
    guide = objection.plan(cfg(("new", "New@Example.org")), [], "facebook", "new@example.org")
    assert not guide.known and guide.mailbox.name == "new" and guide.address == "new@example.org"
    assert "not known from mail yet" in objection.describe(guide)[0]


def test_the_latest_address_counts_and_earlier_ones_are_named():
    states = derive([mail("notice", "anna.photos", 0, platform="instagram", address="old@example.org",
                          mailbox="old"),
                     mail("other", "anna.photos", 3, platform="instagram")])
    guide = objection.plan(cfg(("personal", "x@y.z"), ("old", "old@example.org")), states,
                           "instagram", "anna.photos")
    assert guide.address == "anna@example.org" and guide.mailbox.name == "personal"
    assert guide.other_addresses == ("old@example.org",)


def test_a_confirmation_covering_its_accounts_center_could_make_it_unnecessary():
    states = derive([mail("notice", "anna@example.org", 0),
                     mail("confirmation", "anna.photos", 2, platform="instagram", covers=True)])
    guide = objection.plan(cfg(), states, "facebook", "anna@example.org")
    assert [c.confirmed for c in guide.coverage] == ["instagram:anna.photos"]
    text = "\n".join(objection.describe(guide))
    assert "objection-tracker link instagram:anna.photos facebook:anna@example.org" in text
    assert "no objection is needed" in text


def test_a_confirmation_that_says_nothing_about_linked_accounts_covers_nothing():
    states = derive([mail("notice", "anna@example.org", 0),
                     mail("confirmation", "anna.photos", 2, platform="instagram")])
    guide = objection.plan(cfg(), states, "facebook", "anna@example.org")
    assert guide.coverage == ()
    assert "a link would not make this objection unnecessary" in "\n".join(objection.describe(guide))


def test_linked_members_that_wait_are_covered_by_this_one():
    groups = [frozenset({("facebook", "anna@example.org"), ("instagram", "anna.photos")})]
    states = derive([mail("notice", "anna@example.org", 0),
                     mail("notice", "anna.photos", 0, platform="instagram")], groups)
    guide = objection.plan(cfg(), states, "facebook", "anna@example.org")
    assert guide.group_waiting == ("instagram:anna.photos",)
    assert "this objection covers them too" in "\n".join(objection.describe(guide))


@pytest.mark.parametrize("language, start", [("en", "I object under Article 21(1) GDPR"),
                                             ("de", "Ich widerspreche gemäß Art. 21 Abs. 1 DSGVO"),
                                             ("fr", "Je m'oppose, en vertu de l'article 21")])
def test_the_text_is_in_the_accounts_language(language: str, start: str):
    states = derive([mail("notice", "anna@example.org", 0, language=language)])
    guide = objection.plan(cfg(), states, "facebook", "anna@example.org")
    assert guide.text.text.startswith(start)
    assert guide.text.text in objection.describe(guide)  # printed whole, on one line


def test_every_template_is_long_enough_for_the_2024_form():
    assert len(set(objection.TEMPLATES.values())) == len(objection.TEMPLATES) >= 3
    for text in objection.TEMPLATES.values():
        assert len(text) >= objection.MIN_TEXT


def test_without_a_template_english():
    text = objection.objection_text(config.ObjectionConfig(), "it")
    assert text.text == objection.TEMPLATES["en"] and "none in Italiano (it) yet" in text.source


def test_the_users_own_text_replaces_the_templates(tmp_path: Path):
    own = cfg(objection_toml='[objection]\ntext = "My own reasons, at length."\n')
    assert objection.objection_text(own.objection, "de").text == "My own reasons, at length."
    (tmp_path / "why.txt").write_text("Meine Gründe.\n", encoding="utf-8")
    from_file = cfg(objection_toml='[objection]\ntext_file = "why.txt"\n', path=tmp_path / "c.toml")
    assert from_file.objection.text_file == tmp_path / "why.txt"
    chosen = objection.objection_text(from_file.objection, "en")
    assert chosen.text == "Meine Gründe." and "text_file" in chosen.source


def test_objection_config_errors_name_the_key(tmp_path: Path):
    with pytest.raises(ConfigError, match="objection: set text or text_file, not both"):
        cfg(objection_toml='[objection]\ntext = "a"\ntext_file = "b"\n')
    with pytest.raises(ConfigError, match="objection.wording: unknown key"):
        cfg(objection_toml='[objection]\nwording = "a"\n')
    with pytest.raises(ConfigError, match="objection.text: empty"):
        cfg(objection_toml='[objection]\ntext = " "\n')
    missing = cfg(objection_toml='[objection]\ntext_file = "gone.txt"\n', path=tmp_path / "c.toml")
    with pytest.raises(ConfigError, match="objection.text_file: cannot read"):
        objection.objection_text(missing.objection, "en")


def test_whatsapp_s_objection_is_guided_without_inventing_a_form_link():
    # FG 2026-12: WhatsApp's AI objection (Brazil) is a form with phone number and e-mail, then a
    # code by mail; no link to the form is published, and the data-rights form is not it.
    states = derive([mail("other", "anna@example.org", 0, platform="whatsapp")])
    guide = objection.plan(cfg(("personal", "anna@example.org")), states, "whatsapp",
                           "anna@example.org")
    assert guide.form_url == "https://help.meta.com/support/privacy/"
    text = "\n".join(objection.describe(guide))
    assert text.startswith("whatsapp:anna@example.org: no mail of WhatsApp's AI objection yet\n")
    assert "phone number of the WhatsApp account" in text and "a numeric code is mailed there" in text
    assert f"Not the general data-rights form ({rules.WHATSAPP_DATA_RIGHTS_URL})" in text
    assert "mailbox 'personal' receives it" in text


def test_next_takes_needs_action_first_then_rejected_and_skips_whatsapp():
    states = derive([mail("rejection", "old@example.org", 0, address="old@example.org"),
                     mail("other", "w@example.org", 0, platform="whatsapp"),
                     mail("notice", "anna@example.org", 5),
                     mail("confirmation", "done@example.org", 1, address="done@example.org")])
    assert objection.next_account(states).key == "facebook:anna@example.org"
    assert objection.next_account([s for s in states if s.state != "needs_action"]).key == \
        "facebook:old@example.org"
    assert objection.next_account([s for s in states if s.state not in ("needs_action", "rejected")]) \
        is None


def test_code_in_reads_the_code_a_mail_calls_a_code():
    assert objection.code_in("482913 is your confirmation code") == "482913"
    assert objection.code_in("Votre code de confirmation : 661045") == "661045"
    assert objection.code_in("Enter this code on the form:\n\n735106\n") == "735106"
    assert objection.code_in("see https://www.facebook.com/n/?aref=123456&code=1") is None
    assert objection.code_in("Your request [Case 482913]") is None


# --- the clipboard ------------------------------------------------------------------------------
@pytest.fixture
def fake_xclip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir, copied = tmp_path / "bin", tmp_path / "copied.txt"
    bin_dir.mkdir()
    tool = bin_dir / "xclip"
    tool.write_text(f"#!/bin/sh\nexec /bin/cat > {copied}\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return copied


def test_the_clipboard_tool_of_the_display(fake_xclip: Path, monkeypatch: pytest.MonkeyPatch):
    found = clipboard.find()
    assert found is not None and found.name == "xclip"
    clipboard.copy(found, "Ich widerspreche.")
    assert fake_xclip.read_text(encoding="utf-8") == "Ich widerspreche."
    monkeypatch.delenv("DISPLAY")  # xclip without X would fail after the user said yes
    assert clipboard.find() is None


# --- the command, without a mailbox to watch ------------------------------------------------------
@pytest.fixture
def imported(tracker_home: Path) -> Path:
    """Anna's Facebook notice imported; the one configured mailbox receives another address, so no
    watch starts and nothing connects anywhere."""
    path = tracker_home / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tracker_home}/t.db"\n[[mailboxes]]\n'
                    'name = "work"\nhost = "127.0.0.1"\nport = 1\nsecurity = "plain"\n'
                    'username = "me@work.example"\npassword = "x"\n', encoding="utf-8")
    path.chmod(0o600)
    run(path, "import", str(FIXTURES / "en_facebook_notice_2024_html_qp.eml"))
    return path


def run(path: Path, *args: str, code: int = 0, input: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--config", str(path), *args], input=input,
                                catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(cli_module, "_on_terminal", lambda: True)
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    return opened


def test_a_person_copies_the_text_opens_the_form_and_says_it_is_submitted(
        imported: Path, on_a_terminal: list[str], fake_xclip: Path):
    out = run(imported, "object", "--next", input="y\ny\n")
    assert on_a_terminal == ["https://www.facebook.com/help/contact/712876720715583"]
    assert "Copy it to the clipboard (xclip)? [Y/n]: y" in out and "Copied." in out
    assert fake_xclip.read_text(encoding="utf-8") == objection.TEMPLATES["en"]
    assert "3. Opened the form in your browser." in out
    assert "never fills in or submits the form, and never logs in to Meta" in out
    assert "Recorded: submitted (facebook:anna@example.org is in progress)." in out
    assert "No configured mailbox receives the code" in out


def test_saying_no_records_nothing(imported: Path, on_a_terminal: list[str],
                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    out = run(imported, "object", "facebook:anna@example.org", "--no-browser", input="n\n")
    assert on_a_terminal == []
    assert "No clipboard tool here (wl-copy, xclip, pbcopy)" in out
    assert "Nothing recorded." in out
    assert '"submitted_at": null' in run(imported, "status", "--format", "json")


def test_yes_asks_nothing_and_copies_nothing(imported: Path, fake_xclip: Path):
    out = run(imported, "object", "facebook:anna@example.org", "--no-browser", "--yes")
    assert "Clipboard: xclip is here; not used with --yes." in out
    assert not fake_xclip.exists()
    assert "3. Open the form yourself: https://www.facebook.com/help/contact/712876720715583" in out
    assert "Recorded: submitted" in out


def test_a_confirmed_account_needs_nothing(imported: Path):
    run(imported, "mark", "facebook:anna@example.org", "confirmed")
    out = run(imported, "object", "facebook:anna@example.org", "--yes")
    assert "nothing to do" in out and "Recorded" not in out
    assert run(imported, "object", "--next", "--yes") == "No account needs action.\n"


def test_one_account_or_next(imported: Path):
    assert "name one account as PLATFORM:ACCOUNT, or give --next" in \
        run(imported, "object", "--yes", code=1)
    assert "is not a platform" in run(imported, "object", "myspace:me", "--yes", code=1)
