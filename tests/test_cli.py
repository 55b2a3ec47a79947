"""The command line: help, init, import, status (table and JSON contract), mark, and exit codes."""

import json
import mailbox
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli import cli

ROOT = Path(__file__).parents[1]
NOTICE = (Path(__file__).parent / "data" / "notice_facebook_en.eml")


def run(*args: str, code: int = 0, **kw) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)
    assert result.exit_code == code, result.output
    return result.output


def test_help_works_from_a_checkout():
    out = subprocess.run([sys.executable, "cli.py", "--help"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    for command in ("init", "sync", "status", "mark", "import"):
        assert command in out


def test_every_command_and_option_is_documented():
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help"


def test_init_writes_a_private_config_and_the_database(tracker_home):
    out = run("init")
    config_path = tracker_home / "config.toml"
    assert "Wrote" in out and stat.S_IMODE(config_path.stat().st_mode) == 0o600
    assert (tracker_home / "tracker.db").exists()
    config_path.write_text("# mine\n")
    assert "left as it is" in run("init")
    assert config_path.read_text() == "# mine\n"


def test_import_eml_mbox_and_maildir_then_status(tmp_path):
    data = NOTICE.read_bytes()
    box = mailbox.mbox(tmp_path / "takeout.mbox")
    box.add(data)
    box.flush()
    md = mailbox.Maildir(tmp_path / "md")
    md.add(data)
    assert "1 notice" in run("import", str(NOTICE))
    assert "2 already known" in run("import", str(tmp_path / "takeout.mbox"), str(tmp_path / "md"))
    assert "import: nothing new" in run("import", str(NOTICE))  # the same file again adds nothing
    table = run("status")
    assert "facebook:anna@example.org" in table and "NEEDS ACTION" in table
    assert "https://www.facebook.com/help/contact/712876720715583" in table
    run("status", "--fail-if-pending", code=1)


def test_status_json_is_the_contract():
    run("import", str(NOTICE))
    doc = json.loads(run("status", "--format", "json"))
    assert set(doc) == {"generated_at", "accounts", "summary", "suspicious", "link_suggestions",
                        "unreadable"}
    (acc,) = doc["accounts"]
    for key in ("platform", "account", "addresses", "mailboxes", "state", "source", "objection_url",
                "last_notice_at", "submitted_at", "confirmed_at", "rejected_at", "evidence"):
        assert key in acc
    assert acc["platform"] == "facebook" and acc["state"] == "needs_action" and acc["source"] == "notice"
    assert acc["addresses"] == ["anna@example.org"]
    assert set(acc["evidence"][0]) >= {"kind", "date", "subject", "message_id", "mailbox", "folder", "language"}
    assert doc["summary"] == {"needs_action": 1, "in_progress": 0, "objection_confirmed": 0,
                              "rejected": 0, "ignored": 0, "check_reply": 0}


def test_mark_moves_the_state_and_says_so():
    run("import", str(NOTICE))
    assert "in progress" in run("mark", "facebook:anna@example.org", "submitted", "--note", "filed")
    assert "confirmed" in run("mark", "Facebook:Anna@Example.org", "confirmed")
    run("status", "--fail-if-pending")
    out = run("mark", "--new", "instagram:new.one", "ignored")
    assert "was not known from mail" in out


def test_mark_rejects_bad_accounts_in_one_line():
    result = CliRunner().invoke(cli, ["mark", "myspace:tom", "submitted"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "not a platform" in result.output


def write_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/c.db"\n{body}')
    return path


MAILBOX = """
[[mailboxes]]
name = "personal"
host = "127.0.0.1"
port = {port}
security = "plain"
username = "anna"
password_env = "OT_TEST_PASSWORD"
"""


def test_config_errors_exit_3_and_write_nothing(tmp_path):
    path = write_config(tmp_path, MAILBOX.format(port=1) + 'colour = "blue"\n')
    result = CliRunner().invoke(cli, ["--config", str(path), "sync"])
    assert result.exit_code == 3 and "mailboxes[0].colour: unknown key" in result.output
    assert not (tmp_path / "c.db").exists()


def test_missing_password_variable_is_that_mailboxs_failure(tmp_path, monkeypatch):
    monkeypatch.delenv("OT_TEST_PASSWORD", raising=False)
    path = write_config(tmp_path, MAILBOX.format(port=1))
    result = CliRunner().invoke(cli, ["--config", str(path), "sync"])
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0
    assert "mailbox 'personal': password_env: the environment variable OT_TEST_PASSWORD is not set" \
        in result.stderr
    assert result.stderr.strip().endswith("run `objection-tracker doctor personal`")


def test_unreachable_server_is_one_line_and_exit_4(tmp_path, monkeypatch):
    monkeypatch.setenv("OT_TEST_PASSWORD", "s3cret-value")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    path = write_config(tmp_path, MAILBOX.format(port=port))
    proc = subprocess.run([sys.executable, "cli.py", "--config", str(path), "sync"], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ})
    assert proc.returncode == 4
    assert proc.stderr.strip().count("\n") == 0, proc.stderr
    assert "mailbox 'personal'" in proc.stderr and f"127.0.0.1:{port}" in proc.stderr
    assert "s3cret-value" not in proc.stderr + proc.stdout


def test_a_missing_explicit_config_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "nope.toml"), "status"])
    assert result.exit_code == 3 and "not found" in result.output


@pytest.mark.parametrize("args", [["status"], ["status", "--format", "json"]])
def test_status_on_an_empty_database(args):
    out = run(*args)
    assert "No Meta accounts" in out or '"accounts": []' in out


def test_suspicious_mail_shows_no_links_and_no_terminal_codes():
    raw = (b'From: "Meta Privacy https://meta-privacy-center.example/object" <privacy@meta-support.example>\n'
           b"To: anna@example.org\nSubject: Object now at https://meta-privacy-center.example/form?id=anna\n"
           b"Message-ID: <s1@x>\nDate: Sat, 01 Jun 2024 12:00:00 +0000\n\nhi\n")
    osc = (b'From: "\x1b]8;;https://evil.example/object\x07Facebook Privacy\x1b]8;;\x07" '
           b"<privacy@facebook-privacy.example>\nTo: anna@example.org\nSubject: hi\nMessage-ID: <s2@x>\n"
           b"Date: Sat, 01 Jun 2024 12:00:00 +0000\n\nhi\n")
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for n, data in enumerate((raw, osc)):
            (Path(d) / f"{n}.eml").write_bytes(data)
        run("import", d)
    table, doc = run("status"), run("status", "--format", "json")
    for out in (table, doc):
        assert "meta-privacy-center.example" not in out and "evil.example" not in out
        assert "\x1b" not in out and "[link removed]" in out


def test_very_verbose_logs_stay_free_of_third_party_debug(tmp_path):
    import logging

    run("-vv", "status")
    assert logging.getLogger("tracker").getEffectiveLevel() == logging.DEBUG
    for name in ("apprise", "urllib3", "requests"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING


def test_a_bad_database_url_never_echoes_its_password(tmp_path):
    for url in ("postgres ql://bob:S3cretPw@db/x", "postgresql://bob:S3cretPw@db.example:54x32/t"):
        path = tmp_path / "c.toml"
        path.write_text(f'[database]\nurl = "{url}"\n')
        result = CliRunner().invoke(cli, ["--config", str(path), "status"])
        assert result.exit_code == 3 and "S3cretPw" not in result.output, result.output


def test_a_config_that_is_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes('[[mailboxes]]\nfolders = ["Archiv/Best\xe4tigungen"]\n'.encode("latin-1"))
    result = CliRunner().invoke(cli, ["--config", str(path), "status"])
    assert result.exit_code == 3 and "not UTF-8" in result.output


def test_reimporting_a_changed_maildir_reads_the_new_mail(tmp_path):
    md = mailbox.Maildir(tmp_path / "md")
    keys = [md.add(f"From: a@example.org\nSubject: {i}\nMessage-ID: <m{i}@x>\n\nhi\n".encode()) for i in range(3)]
    run("import", str(tmp_path / "md"))
    md.remove(keys[0])
    md.add(NOTICE.read_bytes())
    assert "1 notice" in run("import", str(tmp_path / "md"))


def test_ctrl_c_exits_130_not_1(monkeypatch):
    def interrupted(*_args, **_kw):
        raise KeyboardInterrupt
    monkeypatch.setattr("tracker.actions.status", interrupted)
    result = CliRunner().invoke(cli, ["status", "--fail-if-pending"])
    assert result.exit_code == 130 and "interrupted" in result.stderr


def test_a_usage_error_exits_2_as_documented():
    assert CliRunner().invoke(cli, ["status", "--no-such-option"]).exit_code == 2
    assert CliRunner().invoke(cli, ["mark"]).exit_code == 2


def test_run_help_and_the_readme_list_every_exit_code():
    from tracker.errors import EXIT_CODES

    out = run("run", "--help")
    readme = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    for code, meaning in EXIT_CODES:
        assert f"  {code:<4}{meaning}" in out
        assert f"| {code} |" in readme, code
    assert "2 | a usage error" in readme


def test_cli_py_without_its_dependencies_says_to_install_them():
    # What a fresh checkout meets before `pip install -e .`: sqlalchemy cannot be imported.
    code = ("import runpy, sys; sys.modules['sqlalchemy'] = None; sys.argv = ['cli.py', '--help']; "
            "runpy.run_path('cli.py', run_name='__main__')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("objection-tracker: the Python package 'sqlalchemy' is not "
                                   "installed: run `pip install -e .` in the checkout first (or "
                                   "`make demo`, which makes a virtualenv)")
