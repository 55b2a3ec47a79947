"""Write a config file with one or more [[mailboxes]] blocks for the provider, TLS and auth tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from cli import cli


def write_config(home: Path, *boxes: dict, mode: int = 0o600) -> Path:
    """Each box is a dict of [[mailboxes]] keys; values are written as TOML (UTF-8, not escaped)."""
    lines = [f'[database]\nurl = "sqlite:///{home}/t.db"\n']
    for box in boxes:
        lines.append("\n[[mailboxes]]\n")
        lines += [f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in box.items()]
    path = home / "config.toml"
    path.write_text("".join(lines), encoding="utf-8")
    os.chmod(path, mode)
    return path


def invoke(path: Path, *args: str, code: int = 0, input: str | None = None) -> str:
    """Run the CLI in-process; stdout and stderr together, as a user sees them."""
    result = CliRunner().invoke(cli, ["--config", str(path), *args], input=input, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output
