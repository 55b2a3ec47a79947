"""The README and docs/ stay true: short enough to read, every link lands, the command reference is
the commands' own --help, and the coverage table is what the tests cover."""

import re
import subprocess
import sys
from pathlib import Path

from cli import cli

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def test_the_two_commands_come_first():
    first_block = README.split("```", 2)[1]
    assert "make demo" in first_block and "make test" in first_block


def test_the_readme_is_short_enough_to_read_to_the_end():
    assert len(README.splitlines()) <= 250


def _anchors(text: str) -> set[str]:
    # GitHub's rule: lower case, drop punctuation but - and _, spaces become -.
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#+ (.+)$", re.sub(r"```.*?```", "", text, flags=re.S), re.M)}


def test_every_relative_link_lands_on_a_file_and_a_heading():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            assert dest.exists(), f"{page.name}: {target}"
            if anchor:
                assert anchor in _anchors(dest.read_text(encoding="utf-8")), f"{page.name}: {target}"


def test_the_command_reference_is_the_commands_own_help():
    made = subprocess.run([sys.executable, "docs/make_commands.py"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert (DOCS / "commands.md").read_text(encoding="utf-8") == made, \
        "docs/commands.md is stale: python docs/make_commands.py > docs/commands.md"


def test_every_command_is_in_the_guide_table():
    guide = (DOCS / "guide.md").read_text(encoding="utf-8")
    table = guide.split("## Commands at a glance")[1].split("\n## ")[0]
    for name in cli.commands:
        assert re.search(rf"`{name}[ `]", table), name


def test_the_recognition_table_is_what_the_tests_cover():
    table = subprocess.run([sys.executable, "bench/recognition.py", "--coverage"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    page = (DOCS / "recognition.md").read_text(encoding="utf-8")
    assert table in page, "docs/recognition.md's kinds x languages table is stale: " \
                          "paste bench/recognition.py --coverage"
