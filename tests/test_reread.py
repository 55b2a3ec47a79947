"""Stored flow mails are read again when the recognition rules changed (tracker.reread).

A Threads quote notification that carries Meta's yes sentence was stored as a confirmation by
older rules; the current ones read it as everyday mail. A database the old rules filled keeps
that confirmation unless the next import or sync reads the stored bytes again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from cli import cli
from tracker.recognition.version import RULES
from tracker.store import models
from tracker.store.engine import open_database

TESTS = Path(__file__).parent
QUOTE = TESTS / "blind6" / "en_14_threads_quote_no_link.eml"
CONFIRMATION = TESTS / "fixtures" / "en_facebook_confirmation_2024.eml"
QUOTED = "instagram:tom.harper.draws"
CONFIRMED = "facebook:anna@example.org"


def run(config: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def said(config: Path, *args: str) -> str:
    """What a command printed, its lines wrapped at the terminal's width joined again."""
    return " ".join(run(config, *args).split())


def states(config: Path) -> dict[str, str]:
    found = json.loads(run(config, "status", "--format", "json"))
    return {f"{a['platform']}:{a['account']}": a["state"] for a in found["accounts"]}


@pytest.fixture
def config(tmp_path: Path, database_url: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{database_url}"\n\n[dkim]\n'
                    'import_authserv_id = ["mx.example.org", "mx.example.net"]\n')
    return path


def old_rules_database(config: Path, database_url: str) -> None:
    """A database as the rules before the fix left it: the quote a confirmation, bytes kept."""
    run(config, "import", str(CONFIRMATION), str(QUOTE))
    sessions = open_database(database_url)
    with sessions.begin() as session:
        quote = session.scalars(select(models.Finding).where(
            models.Finding.subject.like("%quoted your thread%"))).one()
        assert quote.kind == "other"  # today's reading
        quote.kind = "confirmation"
        quote.reason = "rule: confirmation (en): the rules before the fix"
        quote.raw = QUOTE.read_bytes()  # a flow mail keeps its bytes
        quote.dkim_result = "none"
        quote.dkim_detail = "no DKIM-Signature"
        session.execute(update(models.RecognitionRules).values(version=RULES - 1))


def test_an_old_false_confirmation_is_read_again(config: Path, database_url: str) -> None:
    old_rules_database(config, database_url)
    assert states(config)[QUOTED] == "objection_confirmed"  # the worst error this tool can make

    printed = said(config, "import", str(CONFIRMATION))

    assert "re-read 2 stored Meta mails with this version's rules" in printed
    assert f"1 is no longer a confirmation (now everyday mail from Meta: {QUOTED})" in printed
    assert f"{QUOTED} is now NEEDS ACTION (was confirmed)" in printed
    now = states(config)
    assert now[QUOTED] != "objection_confirmed"
    assert now[CONFIRMED] == "objection_confirmed"  # Meta's own yes stays a yes
    sessions = open_database(database_url)
    with sessions.begin() as session:
        kinds = {f.subject: f.kind for f in session.scalars(select(models.Finding))}
        assert session.scalar(select(models.RecognitionRules.version)) == RULES
    assert sorted(kinds.values()) == ["confirmation", "other"]

    again = run(config, "import", str(CONFIRMATION))  # the rules are this version's now
    assert "re-read" not in again
    assert states(config) == now


def test_an_interrupted_reread_leaves_the_old_rules_to_read_again(
        config: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One transaction: a failure half way keeps nothing of it, and the next run does it all."""
    old_rules_database(config, database_url)
    from tracker import reread

    def broken(*args, **kwargs):
        raise RuntimeError("the machine went down")

    monkeypatch.setattr(reread, "_read_again", broken)
    with pytest.raises(RuntimeError):
        CliRunner().invoke(cli, ["--config", str(config), "import", str(CONFIRMATION)],
                           catch_exceptions=False)
    assert states(config)[QUOTED] == "objection_confirmed"
    monkeypatch.undo()
    printed = said(config, "import", str(CONFIRMATION))
    assert f"1 is no longer a confirmation (now everyday mail from Meta: {QUOTED})" in printed


def test_a_sync_hands_over_to_the_full_path_while_a_reread_is_due(tmp_path: Path) -> None:
    """The no-op re-sync reads the recorded rules with sqlite3, in one query, and leaves a
    re-read to the ORM path; once done, it is the no-op again."""
    from tracker.actions import _current
    from tracker.config import load
    from tracker.store.sync_state import SyncState

    url = f"sqlite:///{tmp_path / 't.db'}"
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "{url}"\n')
    open_database(url)  # a new database starts before any numbered rules
    config = load(path)
    with SyncState.open(url) as state:
        assert state.rules_behind()
    assert _current(config) is None
    from tracker.actions import _reread

    assert _reread(config, open_database(url)).looked_at == 0
    with SyncState.open(url) as state:
        assert not state.rules_behind()
    current = _current(config)
    assert current is not None
    current.close()


def test_the_summary_names_what_moved_in_words() -> None:
    from tracker.act.summary import reread_line
    from tracker.sync_summary import KindChange, Reread, StateChange

    assert reread_line(Reread(12)) == ("re-read 12 stored Meta mails with this version's rules: "
                                       "nothing changed")
    line = reread_line(Reread(12, [KindChange("instagram:a", "confirmation", "not_meta"),
                                   KindChange("facebook:b", "unclear_reply", "rejection"),
                                   KindChange("facebook:c", "unclear_reply", "rejection")], 1,
                              [StateChange("instagram:a", "objection_confirmed", ""),
                               StateChange("facebook:b", "check_reply", "rejected")]))
    assert line == (
        "re-read 12 stored Meta mails with this version's rules: 1 is no longer a confirmation "
        "(not Meta's mail by these rules: instagram:a); 2 are no longer replies to check (now "
        "rejections: facebook:b, facebook:c); 1 other kept its kind with details updated; "
        "instagram:a is no longer listed (was confirmed); facebook:b is now REJECTED (was CHECK "
        "REPLY)")


def test_a_stored_mail_the_rules_fail_on_is_kept_and_the_others_are_read_again(
        config: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As ingest: one mail the classifier fails on must not stop every sync with a traceback."""
    old_rules_database(config, database_url)
    from tracker import reread

    real = reread.classify

    def fails_on_the_confirmation(mail, **kwargs):  # every stored mail but the quote
        if "quoted your thread" not in mail.subject:
            raise ValueError("a rule that breaks")
        return real(mail, **kwargs)

    monkeypatch.setattr(reread, "classify", fails_on_the_confirmation)
    printed = said(config, "import", str(CONFIRMATION))
    assert "1 mail the rules failed on is kept as it was and read again next time" in printed
    assert f"1 is no longer a confirmation (now everyday mail from Meta: {QUOTED})" in printed
    sessions = open_database(database_url)
    with sessions.begin() as session:
        assert session.scalar(select(models.RecognitionRules.version)) == RULES - 1  # read again
    monkeypatch.undo()
    assert "re-read 2 stored Meta mails" in said(config, "import", str(CONFIRMATION))
    assert states(config)[CONFIRMED] == "objection_confirmed"
