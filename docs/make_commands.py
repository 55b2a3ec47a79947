"""Write docs/commands.md from the commands' own --help, so the reference cannot drift from the code.

    python docs/make_commands.py > docs/commands.md

tests/test_readme.py compares the file with this script's output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cli import cli  # noqa: E402

HEAD = """# Command reference

Made from each command's `--help` by `python docs/make_commands.py > docs/commands.md`; a test
fails when the two differ. The [guide](guide.md) says how the commands fit together.
"""


def _help(command: click.Command, path: list[str], parent: click.Context | None) -> list[str]:
    ctx = click.Context(command, info_name=path[-1], parent=parent, terminal_width=100,
                        max_content_width=100)
    parts = [f"\n## `{' '.join(path[1:]) or path[0]}`\n", "```", command.get_help(ctx).rstrip(), "```"]
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            parts += _help(command.commands[name], [*path, name], ctx)
    return parts


def reference() -> str:
    return HEAD + "\n".join(_help(cli, ["objection-tracker"], None)) + "\n"


if __name__ == "__main__":
    sys.stdout.write(reference())
