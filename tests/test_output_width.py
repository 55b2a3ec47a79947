"""Every command's output fits the terminal (issue 22 item 5): lines wrap at spaces, no word is cut,
and cli.py prints only through `_say`; `why` and `evidence` suggest the account a typo meant."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.configs import write_config
from tests.test_object import ACCOUNT, prepared  # noqa: F401 (a fixture)
from tracker.act import terminal

ROOT = Path(__file__).parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
FLOW = ("en_facebook_notice_2024_html_qp.eml", "en_facebook_code_objection.eml",
        "en_facebook_confirmation_2024.eml")


def run(columns: int, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": str(columns)}, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def overlong(text: str, columns: int) -> list[str]:
    """Lines over the width, except one word alone on its line (a URL or a key: never cut)."""
    return [line for line in text.splitlines() if len(line) > columns and " " in line.strip()]


def words(text: str) -> list[str]:
    return text.split()


def test_cli_prints_only_through_say():
    """A bare click.echo bypasses the wrapping; only output that must stay whole may use it."""
    source = (ROOT / "cli.py").read_text(encoding="utf-8")
    lines = source.splitlines()
    bare = [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("echo", "secho") and "# whole" not in lines[node.lineno - 1]]
    assert bare == [], f"cli.py lines {bare}: print through _say, or mark the line `# whole`"


def test_fit_wraps_at_spaces_and_keeps_long_words_whole():
    url = "https://www.facebook.com/help/contact/" + "x" * 60
    text = f"  problem: the server refused the login for this mailbox; see {url} and try again"
    lines = terminal.fit(text, 40).splitlines()
    assert all(len(line) <= 40 for line in lines if line.strip() != url)
    assert url in lines[1:] or any(line.strip() == url for line in lines)
    assert words("\n".join(lines)) == words(text)  # nothing lost, nothing cut
    assert lines[0].startswith("  problem:") and all(line.startswith("    ") for line in lines[1:])
    assert terminal.fit("short\n\n  kept   as it is", 40) == "short\n\n  kept   as it is"


@pytest.mark.parametrize("columns", [80, 40])
def test_why_fits(tracker_home, columns):
    run(columns, "import", *(str(FIXTURES / name) for name in FLOW))
    run(columns, "mark", "facebook:anna@example.org", "submitted", "--note",
        "filed in the browser on the laptop, then again on the phone because the first one hung")
    out = run(columns, "why", "facebook:anna@example.org")
    assert overlong(out, columns) == []
    wide = run(250, "why", "facebook:anna@example.org")
    assert words(out) == words(wide)  # the same words, only the line breaks differ
    assert any(len(line) > columns for line in wide.splitlines())  # so the test can fail


@pytest.mark.parametrize("columns", [80, 40])
def test_doctor_fits(tracker_home, columns):
    offline = dict(name="personal", host="127.0.0.1", port=1, security="plain", username="anna",
                   password_env="OT_IMAP_PASSWORD")
    path = write_config(tracker_home, offline)
    out = run(columns, "--config", str(path), "doctor", code=4)
    assert overlong(out, columns) == []
    assert words(out) == words(run(250, "--config", str(path), "doctor", code=4))


@pytest.mark.parametrize("columns", [80, 40])
def test_link_fits(tracker_home, columns):
    keys = ["facebook:someone.with.a.long.address@example.org", "instagram:some.username",
            "instagram:another.rather.long.username"]
    out = run(columns, "link", "--new", *keys)
    assert overlong(out, columns) == []
    assert all(key in words(out) or f"{key}" in out for key in keys)


@pytest.mark.parametrize("columns", [80, 40])
def test_object_fits(prepared, columns):  # noqa: F811 (the fixture)
    out = run(columns, "--config", str(prepared), "object", ACCOUNT, "--no-browser", "--yes",
              "--wait", "0", "--advice-after", "0")
    # the text for Meta's form is one paragraph the terminal wraps softly: copied, it stays one
    pasted = [line for line in out.splitlines() if line.startswith("I object under Article 21")]
    assert len(pasted) == 1
    assert overlong(out.replace(pasted[0], ""), columns) == []
    assert re.search(r"New state of facebook:anna@example\.org:\s+in progress", out)


def test_why_and_evidence_suggest_the_account_a_typo_meant(tracker_home, tmp_path):
    run(80, "import", *(str(FIXTURES / name) for name in FLOW))
    for args in (["why", "facebook:anna@exmaple.org"],
                 ["evidence", "facebook:anna@exmaple.org", "--out", str(tmp_path / "out")]):
        out = run(250, *args, code=1)
        assert "did you mean facebook:anna@example.org?" in out and out.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_an_error_stays_one_line_off_a_terminal(tracker_home):
    """Logs, cron's mail and scripts read one error per line; only a terminal gets it wrapped."""
    long_name = "facebook:" + "someone.with.a.rather.long.address." * 3 + "x@example.org"
    out = run(40, "why", long_name, code=1)
    assert out.count("\n") == 1 and len(out) > 40

