"""`make demo` imports tracker/sample/demo.mbox: the states its README promises must hold."""

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli

DEMO = Path(__file__).parents[1] / "tracker" / "sample" / "demo.mbox"


def test_the_demo_mailbox_shows_every_state():
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
