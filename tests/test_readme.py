"""The README stays true: every command is documented there, and the coverage table is current."""

import subprocess
import sys
from pathlib import Path

from cli import cli

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme_table():
    for name in cli.commands:
        assert f"| `{name}" in README or f"`{name} " in README.split("## Commands")[1].split("\n## ")[0], name


def test_the_two_commands_come_first():
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block


def test_the_recognition_table_is_what_the_tests_cover():
    table = subprocess.run([sys.executable, "bench/recognition.py", "--coverage"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert table in README, "README's kinds x languages table is stale: paste bench/recognition.py --coverage"
