"""Every file and folder the tracker keeps its state in is the user's alone (0600/0700) whatever
the umask, and none is reached through a link the tracker did not make."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.errors import TrackerError
from tracker.store.engine import open_database
from tracker.store.lock import exclusive

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tracker" / "sample" / "demo.mbox"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_data_folder_and_all_in_it_are_the_user_s_alone(tmp_path, monkeypatch):
    """Found with umask 022: `init` then `import` left the data folder 0755 (its files were 0600)."""
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    runner = CliRunner()
    for args in (["init"], ["import", str(SAMPLE)], ["status"]):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert mode(home) == 0o700
    modes = {p.name: mode(p) for p in home.iterdir()}  # -wal and -shm while the engine is open
    assert {"config.toml", "tracker.db", "tracker.lock"} <= set(modes)
    assert set(modes.values()) == {0o600}, modes


@pytest.mark.parametrize("where", ["database", "lock"])
def test_a_database_s_new_folder_is_0700(tmp_path, where):
    folder = tmp_path / "a" / "b"
    url = f"sqlite:///{folder / 't.db'}"
    if where == "database":
        open_database(url)
    else:
        with exclusive(url, "sync"):
            pass
    assert mode(folder) == 0o700


def test_an_existing_data_folder_is_narrowed_to_0700_and_another_folder_left_alone(tmp_path,
                                                                                   monkeypatch):
    """The data folder is the tracker's own (earlier versions made it 0755): narrowed. The
    folder of a database the user put elsewhere is theirs: left as it is (the file is 0600)."""
    home = tmp_path / "home"
    home.mkdir(mode=0o755, exist_ok=True)
    home.chmod(0o755)
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    result = CliRunner().invoke(cli, ["status"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert mode(home) == 0o700

    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    open_database(f"sqlite:///{theirs / 't.db'}")
    assert mode(theirs) == 0o755 and mode(theirs / "t.db") == 0o600


@pytest.mark.parametrize("name", ["tracker.db", "tracker.db-wal", "tracker.db-shm", "tracker.db-journal"])
@pytest.mark.parametrize("command", [["status"], ["import", str(SAMPLE)]])
def test_a_planted_link_at_the_database_is_refused_and_nothing_is_written_through_it(
        tmp_path, monkeypatch, name, command):
    """Found: a dangling link tracker.db -> elsewhere made `status` create a database at the
    link's target (0600, 118,784 bytes) and use it; a link at tracker.db-wal failed with
    SQLite's 'unable to open database file', which names no cause."""
    home = tmp_path / "home"
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    runner = CliRunner()
    if name != "tracker.db":  # the database exists (made by a run that has ended); only the file
        # beside it is a link
        subprocess.run([sys.executable, str(ROOT / "cli.py"), "import", str(SAMPLE)], check=True,
                       capture_output=True, cwd=ROOT)
        assert {p.name for p in home.iterdir()} == {"tracker.db", "tracker.lock"}
    target = tmp_path / "elsewhere"
    (home / name).symlink_to(target)
    result = runner.invoke(cli, command, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and f"{home / name} is a symbolic link" in result.output
    assert not target.exists()


def test_the_engine_refuses_a_link_to_an_existing_database(tmp_path):
    real = tmp_path / "real.db"
    open_database(f"sqlite:///{real}")
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with pytest.raises(TrackerError, match="is a symbolic link"):
        open_database(f"sqlite:///{link}")


def test_folders_made_on_the_way_are_0700_too(tmp_path, monkeypatch):
    """Found with umask 022: OBJECTION_TRACKER_HOME=new/deeper/home, `evidence --out a/b/c` and
    `schedule --install systemd` on an account without ~/.config made each missing folder above
    the one they were asked for 0755 (`mkdir -p`); the folder itself was 0700."""
    home = tmp_path / "new" / "deeper" / "home"
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg" / ".config"))
    runner = CliRunner()
    for args in (["import", str(SAMPLE)],
                 ["evidence", "--all", "--out", str(tmp_path / "a" / "b" / "c")]):
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    (home / "config.toml").write_text('[schedule]\ncron = "30 3 * * *"\n', encoding="utf-8")
    result = runner.invoke(cli, ["schedule", "--install", "systemd"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    made = [tmp_path / "new", tmp_path / "new" / "deeper", home, tmp_path / "a",
            tmp_path / "a" / "b", tmp_path / "a" / "b" / "c", tmp_path / "xdg",
            tmp_path / "xdg" / ".config", tmp_path / "xdg" / ".config" / "systemd",
            tmp_path / "xdg" / ".config" / "systemd" / "user"]
    assert {str(p.relative_to(tmp_path)): f"{mode(p):o}" for p in made} == {
        str(p.relative_to(tmp_path)): "700" for p in made}


def test_a_data_folder_an_earlier_version_left_0755_is_narrowed_by_the_next_import(tmp_path,
                                                                                   monkeypatch):
    """What the README says: the database exists and is current (so `status` reads it with
    sqlite3 alone and changes nothing); the next import, which takes the lock, narrows it."""
    home = tmp_path / "home"
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(home))
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "import", str(SAMPLE)], check=True,
                   capture_output=True, cwd=ROOT)
    home.chmod(0o755)
    runner = CliRunner()
    assert runner.invoke(cli, ["status"], catch_exceptions=False).exit_code == 0
    assert mode(home) == 0o755
    assert runner.invoke(cli, ["import", str(SAMPLE)], catch_exceptions=False).exit_code == 0
    assert mode(home) == 0o700


def test_init_writes_no_config_through_a_link_and_makes_it_0600_in_a_0700_folder(tmp_path, monkeypatch):
    """Found by the file audit: with a dangling link at config.toml `init` created its target;
    `init --force` through a link overwrote the file it named; over a 0644 config it stayed 0644;
    the config's new folders were 0755."""
    runner = CliRunner()
    monkeypatch.setenv("OBJECTION_TRACKER_HOME", str(tmp_path / "home"))
    config = tmp_path / "new" / "conf" / "config.toml"
    result = runner.invoke(cli, ["--config", str(config), "init"])
    assert result.exit_code == 0, result.output
    assert (mode(config), mode(config.parent), mode(config.parent.parent)) == (0o600, 0o700, 0o700)
    config.write_text("# mine\n")
    os.chmod(config, 0o644)
    assert runner.invoke(cli, ["--config", str(config), "init", "--force"]).exit_code == 0
    assert mode(config) == 0o600 and "# mine" not in config.read_text()

    victim = tmp_path / "victim.txt"
    victim.write_text("someone's file\n")
    linked = tmp_path / "linked" / "config.toml"
    linked.parent.mkdir()
    linked.symlink_to(victim)
    result = runner.invoke(cli, ["--config", str(linked), "init", "--force"])
    assert result.exit_code != 0 and "symbolic link" in result.output
    assert victim.read_text() == "someone's file\n" and linked.is_symlink()

    dangling = tmp_path / "dangling" / "config.toml"
    dangling.parent.mkdir()
    dangling.symlink_to(tmp_path / "nowhere.toml")
    runner.invoke(cli, ["--config", str(dangling), "init"])
    assert not (tmp_path / "nowhere.toml").exists() and dangling.is_symlink()
