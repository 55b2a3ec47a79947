"""A quick start (issue 21 item 2): each command imports what it uses, and the schema is checked
with one query, migrated only when behind. Nothing here is timed: what a command imported is
read from sys.modules in a fresh interpreter."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
# Never needed to show what is stored: the migrations' machinery, notification channels, DKIM,
# DNS, the classifier and the rules' patterns, IMAP, HTML parsing, the scheduler.
HEAVY = ("alembic", "apprise", "dkim", "dns", "tracker.recognition.classify",
         "tracker.recognition.dkim", "tracker.sync", "imapclient", "lxml", "apscheduler", "numpy",
         "py3langid")

PROBE = """
import json, sys
sys.argv = ["cli.py", *json.loads(sys.argv[1])]
import cli
try:
    cli.main()
except SystemExit:
    pass
matcher = sys.modules.get("tracker.recognition.matcher")
patterns = matcher.compiled.cache_info().currsize if matcher else 0
print("\\n@@" + json.dumps(sorted(sys.modules) + [f"compiled rule patterns: {patterns}"]))
"""


def loaded(home: Path, *args: str) -> set[str]:
    env = {**os.environ, "OBJECTION_TRACKER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    env.pop("OBJECTION_TRACKER_CONFIG", None)
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.rpartition("\n@@")[2]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture
def home(tmp_path):
    (tmp_path / "config.toml").write_text(f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n')
    subprocess.run([sys.executable, "cli.py", "--config", str(tmp_path / "config.toml"), "mark",
                    "facebook:anna@example.org", "submitted", "--new"], cwd=ROOT, check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return tmp_path


@pytest.mark.parametrize("args", [
    ("--help",), ("status",), ("status", "--format", "json"), ("accounts",),
    ("why", "facebook:anna@example.org"), ("status", "--help"), ("sync", "--help"),
])
def test_reading_commands_import_neither_alembic_nor_apprise_nor_dkim_nor_the_classifier(home, args):
    cfg = ("--config", str(home / "config.toml"))
    modules = loaded(home, *cfg, *args)
    assert heavy(modules) == [], args
    assert "compiled rule patterns: 0" in modules, args  # no rule's regex for showing the store
    if args[0] == "--help" or "--help" in args:
        assert "sqlalchemy" not in modules  # help is click and the option values alone
    if args[0] == "status" and "--help" not in args:
        # A current SQLite database is read with sqlite3 (tracker.store.reader): no SQLAlchemy,
        # whose import was most of status's time.
        assert not [m for m in modules if m == "sqlalchemy" or m.startswith("sqlalchemy.")], args


def test_a_current_database_is_not_migrated_and_a_new_one_is(home, tmp_path):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from tracker.store.engine import head_revision, migrations_dir

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "config.toml").write_text(f'[database]\nurl = "sqlite:///{fresh}/new.db"\n')
    assert "alembic" in loaded(fresh, "--config", str(fresh / "config.toml"), "status")
    with sqlite3.connect(fresh / "new.db") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    assert "alembic" not in loaded(fresh, "--config", str(fresh / "config.toml"), "status")
    # A database one migration behind (the newest one undone) is brought up to date.
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{home}/t.db")
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "-1")
    engine.dispose()
    with sqlite3.connect(home / "t.db") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() != [(head_revision(),)]
    assert "alembic" in loaded(home, "--config", str(home / "config.toml"), "status")
    with sqlite3.connect(home / "t.db") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
