"""`make demo` imports tracker/sample/demo.mbox: the states its README promises must hold."""

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli

DEMO = Path(__file__).parents[1] / "tracker" / "sample" / "demo.mbox"
DEMO_CONFIG = DEMO.with_name("demo-config.toml")


def test_the_demo_mailbox_shows_every_state(tracker_home, monkeypatch):
    # as `make demo` runs it: its config names the sample's servers (not the suite's setting)
    monkeypatch.delenv("OBJECTION_TRACKER_IMPORT_AUTHSERV_ID")
    (tracker_home / "config.toml").write_text(DEMO_CONFIG.read_text())
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(DEMO)], catch_exceptions=False).exit_code == 0
    doc = json.loads(runner.invoke(cli, ["status", "--format", "json"], catch_exceptions=False).output)
    states = {f"{a['platform']}:{a['account']}": (a["state"], a["source"]) for a in doc["accounts"]}
    assert states == {
        "facebook:anna@example.org": ("needs_action", "notice"),
        "instagram:anna.photos": ("in_progress", "notice"),
        "instagram:anna.atelier": ("objection_confirmed", "notice"),
        "facebook:anna.work@example.net": ("rejected", "notice"),
        "instagram:anna.cooks": ("needs_action", "discovered"),
    }
    assert [s["reason"].split(":")[0] for s in doc["suspicious"]] == ["lookalike-domain"]


def test_without_the_demo_config_nothing_in_the_sample_is_verified(monkeypatch):
    """The sample's mails carry no DKIM signature: with no trusted server named, Meta's yes
    there is unverified and never confirms (issue 14); the notices still ask for action."""
    monkeypatch.delenv("OBJECTION_TRACKER_IMPORT_AUTHSERV_ID")
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(DEMO)], catch_exceptions=False).exit_code == 0
    doc = json.loads(runner.invoke(cli, ["status", "--format", "json"], catch_exceptions=False).output)
    states = {f"{a['platform']}:{a['account']}": a["state"] for a in doc["accounts"]}
    assert "objection_confirmed" not in states.values() and "in_progress" not in states.values()
    assert states["instagram:anna.atelier"] == "check_reply"
