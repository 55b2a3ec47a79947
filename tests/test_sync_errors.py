"""What a sync says when something is wrong, against a real Dovecot: one mailbox's missing secret
does not stop the others or the reminders, each error line carries doctor's hint and points at
doctor, an implicit-TLS port with STARTTLS fails at once, a run whose folders all failed prints
nothing on stdout, and `run --once` prints in the order things happen."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tests.configs import write_config

DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()
DOCTOR = "run `objection-tracker doctor {}`"


def box(dovecot, user: str, **keys) -> dict:
    return dict(name="personal", host="127.0.0.1", port=dovecot.port, security="plain",
                username=user, password_env="OT_IMAP_PASSWORD") | keys


def invoke(path: Path, *args: str):
    return CliRunner().invoke(cli, ["--config", str(path), *args], catch_exceptions=False)


def test_a_missing_secret_fails_its_mailbox_only_and_the_reminders_still_go_out(
        dovecot, mailbox_user, tracker_home, monkeypatch):
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    monkeypatch.delenv("OT_NOT_SET", raising=False)
    path = write_config(tracker_home, box(dovecot, mailbox_user, name="unset", password_env="OT_NOT_SET"),
                        box(dovecot, mailbox_user))
    result = invoke(path, "run", "--once")
    assert result.exit_code == 4
    (error,) = result.stderr.strip().splitlines()
    assert "mailbox 'unset': password_env: the environment variable OT_NOT_SET is not set" in error
    assert error.endswith(DOCTOR.format("unset"))
    synced = result.stdout.index("personal: 1 new message looked at: 1 notice")
    reminded = result.stdout.index("facebook:anna@example.org")  # the stdout channel's digest
    assert synced < reminded  # printed in the order it happened: sync, then remind


def test_a_config_syntax_error_still_stops_everything(dovecot, mailbox_user, tracker_home):
    path = write_config(tracker_home, box(dovecot, mailbox_user, usrename="x"))
    result = invoke(path, "run", "--once")
    assert result.exit_code == 3 and result.stdout == ""
    assert "mailboxes[0].usrename: unknown key (did you mean username?)" in result.stderr
    assert not (tracker_home / "t.db").exists()


def test_tls_on_a_plain_port_says_which_port_goes_with_which_security(dovecot, mailbox_user, tracker_home):
    path = write_config(tracker_home, box(dovecot, mailbox_user, security="tls"))
    result = invoke(path, "sync")
    assert result.exit_code == 4
    (error,) = result.stderr.strip().splitlines()
    assert f"TLS with 127.0.0.1:{dovecot.port} failed" in error
    assert 'security = "tls" goes with port 993, "starttls" with 143' in error
    assert error.endswith(DOCTOR.format("personal"))


def test_a_refused_login_suggests_an_app_password(dovecot, mailbox_user, tracker_home, monkeypatch):
    monkeypatch.setenv("OT_BAD_PASSWORD", "not-the-password")
    path = write_config(tracker_home, box(dovecot, mailbox_user, password_env="OT_BAD_PASSWORD"))
    result = invoke(path, "sync")
    assert result.exit_code == 4
    (error,) = result.stderr.strip().splitlines()
    assert "login refused" in error and "app password" in error
    assert error.endswith(DOCTOR.format("personal"))


def test_starttls_against_the_implicit_tls_port_fails_at_once_with_the_fix(tracker_home):
    # Nothing needs to listen: the combination is refused before connecting, where it used to
    # wait for a greeting that an implicit-TLS server never sends.
    path = write_config(tracker_home, dict(name="work", host="imap.example.org", port=993,
                                           security="starttls", username="me", password="x"))
    result = invoke(path, "sync")
    assert result.exit_code == 4
    (error,) = result.stderr.strip().splitlines()
    assert "port 993 expects TLS from the first byte" in error and 'set security = "tls"' in error
    assert error.endswith(DOCTOR.format("work"))
    doctor = invoke(path, "doctor")
    assert doctor.exit_code == 4 and "problem: port 993 expects TLS from the first byte" in doctor.output


def test_a_missing_folder_with_umlauts_is_named_as_written_and_stdout_stays_empty(
        dovecot, mailbox_user, tracker_home, caplog):
    path = write_config(tracker_home, box(dovecot, mailbox_user, folders=["Archiv/Bestätigungen"]))
    result = invoke(path, "sync")
    assert result.exit_code == 4
    assert result.stdout == ""  # nothing was read: cron has nothing to mail but the error
    (error,) = result.stderr.strip().splitlines()
    assert "cannot open folder 'Archiv/Bestätigungen'" in error
    assert "Besttigungen" not in error and "&AOQ-" not in error
    assert error.endswith(DOCTOR.format("personal"))
    assert not [r for r in caplog.records if r.name.startswith("imapclient")]  # no decoding warning


def test_run_once_prints_the_sync_summary_before_the_digest(dovecot, mailbox_user, tracker_home):
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, box(dovecot, mailbox_user))
    result = invoke(path, "run", "--once")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "personal: 1 new message looked at: 1 notice"
    assert any("facebook:anna@example.org" in line for line in lines[1:])
