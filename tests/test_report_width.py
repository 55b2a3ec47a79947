"""The status table and `accounts` fit the terminal (issue 12, item 12): COLUMNS, else 80."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from cli import cli
from tracker.act import report
from tracker.recognition import rules
from tracker.store.repo import SuspiciousMail
from tracker.store.state import AccountState

DAY = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
URL = rules.DEFAULT_OBJECTION_URL["facebook"] + "?with=a&very=long&query=string&that=goes&on=and_on"


def states() -> list[AccountState]:
    confirmed = AccountState("instagram", "anna.photos", "objection_confirmed", DAY, "notice", None,
                             says_covers_linked=True, mailboxes=("import",),
                             addresses=("anna@example.org",))
    waiting = [AccountState("facebook", f"someone.with.a.long.address.{i}@example.org",
                            "needs_action", DAY, "notice", URL, mailboxes=("import",),
                            addresses=("anna@example.org",))
               for i in range(8)]
    covered = AccountState("instagram", "x" * 90, "in_progress", DAY, "notice", URL,
                           covered_by="facebook:someone.with.a.long.address.0@example.org")
    return [confirmed, *waiting, covered]


def suspicious() -> list[SuspiciousMail]:
    return [SuspiciousMail(DAY, "Facebook Security Team of the very official kind <x@evil.test>",
                           "Your account will be deleted unless you confirm it within 24 hours",
                           "display-name-spoof: 'Facebook Security Team of the very official "
                           "kind' <…@evil.test> is not a Meta domain", "import", "import")]


def overlong(text: str, width: int) -> list[str]:
    """Lines over the width that are not a bare URL (which may be longer, and must stay whole)."""
    return [line for line in text.splitlines()
            if len(line) > width and not line.strip().startswith(("https://", "act on: https://"))
            and not line.strip().startswith("instagram:xxxx")]


def test_the_table_fits_80_columns_with_the_link_on_its_own_line():
    table = report.as_table(states(), suspicious(), width=80)
    assert overlong(table, 80) == []
    assert f"    act on: {URL}" in table or f"    {URL}" in table
    assert "objection-tracker link instagram:anna.photos" in table
    assert "someone.with.a.long.address.7@example.org" in table  # keys are never cut


def test_columns_are_respected_by_the_cli(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n', encoding="utf-8")
    runner = CliRunner()
    for account in ("someone.with.a.long.address@example.org", "ig.user"):
        platform = "facebook" if "@" in account else "instagram"
        runner.invoke(cli, ["--config", str(path), "mark", f"{platform}:{account}", "submitted",
                                   "--new"],
                      catch_exceptions=False)
    out = runner.invoke(cli, ["--config", str(path), "status"], env={"COLUMNS": "50"},
                        catch_exceptions=False).output
    assert overlong(out, 50) == [] and "instagram:ig.user" in out


def test_accounts_are_aligned():
    lines = report.accounts_listing(states()[:4], width=80)
    starts = {line.index(label) for line in lines for label in ("confirmed", "NEEDS ACTION")
              if label in line}
    assert len(starts) == 1, lines
