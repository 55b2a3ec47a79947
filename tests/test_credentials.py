"""Where secrets come from, and where they never go: the keyring with `auth set`, a literal password
(with a warning when others can read the file), a non-ASCII password, and -vv output."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest

from tests.configs import invoke, write_config
from tests.conftest import IMAP_PASSWORD
from tracker import config
from tracker.config import MailboxConfig
from tracker.errors import ConfigError
from tracker.mail.credentials import Credential

ROOT = Path(__file__).parents[1]
NOTICE = (Path(__file__).parent / "data" / "notice_facebook_en.eml").read_bytes()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict: the tests never touch the machine's real keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def offline_box(**secret) -> dict:
    """A mailbox these tests never reach: they fail (or not) before connecting."""
    return dict(name="personal", host="127.0.0.1", port=1, security="plain", username="anna", **secret)


def imap_box(dovecot, user: str, **secret) -> dict:
    return dict(name="personal", host="127.0.0.1", port=dovecot.port, security="plain", username=user,
                **(secret or {"password_env": "OT_IMAP_PASSWORD"}))


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", "--config", str(path), *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ}, timeout=120)


# --- keyring ---------------------------------------------------------------------------------------

def test_auth_set_stores_the_password_and_sync_reads_it(dovecot, mailbox_user, tracker_home, memory_keyring):
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, imap_box(dovecot, mailbox_user, keyring=True))
    out = invoke(path, "auth", "set", "personal", input=f"{IMAP_PASSWORD}\n{IMAP_PASSWORD}\n")
    assert f"Password for {mailbox_user} at 127.0.0.1" in out and "Stored in the system keyring" in out
    assert IMAP_PASSWORD not in out  # typed, not echoed
    assert memory_keyring.entries == {("objection-tracker:127.0.0.1", mailbox_user): IMAP_PASSWORD}
    assert "1 notice" in invoke(path, "sync")


def test_auth_set_refuses_a_mailbox_that_does_not_use_the_keyring_before_asking(tracker_home, memory_keyring):
    path = write_config(tracker_home, offline_box(password_env="OT_IMAP_PASSWORD"))
    out = invoke(path, "auth", "set", "personal", code=3)
    assert "mailboxes[0].keyring" in out and "set keyring = true" in out and "Password" not in out
    assert memory_keyring.entries == {}


def test_without_the_keyring_package_both_commands_say_how_to_install_it(tracker_home, monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)  # what `import keyring` meets when it is missing
    path = write_config(tracker_home, offline_box(keyring=True))
    # sync: that mailbox's failure (exit 4; others would still sync); auth set: a config matter.
    for args, code in ((["sync"], 4), (["auth", "set", "personal"], 3)):
        out = invoke(path, *args, code=code)
        assert "the keyring package is not installed (pip install 'objection-tracker[keyring]')" in out
        assert "Password" not in out and out.strip().count("\n") == 0


def test_an_empty_keyring_entry_says_to_run_auth_set(tracker_home, memory_keyring):
    path = write_config(tracker_home, offline_box(keyring=True))
    out = invoke(path, "sync", code=4)
    assert out.strip().count("\n") == 0
    assert "no password in the system keyring for 'anna' at 127.0.0.1" in out
    assert "run `objection-tracker auth set personal`" in out


def test_a_locked_keyring_is_one_line(tracker_home, memory_keyring):
    keyring.set_keyring(LockedKeyring())
    path = write_config(tracker_home, offline_box(keyring=True))
    out = invoke(path, "sync", code=4)
    assert out.strip().count("\n") == 0 and "cannot read the system keyring: KeyringLocked" in out


# --- a literal password ----------------------------------------------------------------------------

def test_a_literal_password_works(dovecot, mailbox_user, tracker_home):
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, imap_box(dovecot, mailbox_user, password=IMAP_PASSWORD))
    assert "1 notice" in invoke(path, "sync")


@pytest.mark.parametrize("mode,warned", [(0o644, True), (0o640, True), (0o600, False), (0o400, False)])
def test_a_config_with_a_password_readable_by_others_is_warned_about_naming_the_mode(tracker_home, mode,
                                                                                     warned):
    box = offline_box(password="hunter2-literal")
    path = write_config(tracker_home, box, mode=mode)
    proc = run_cli(path, "status")
    assert proc.returncode == 0, proc.stderr
    warning = f"{path} holds a password (mailboxes[0].password) and is readable by others (mode {mode:04o})"
    assert (warning in proc.stderr) is warned, proc.stderr
    assert "hunter2-literal" not in proc.stdout + proc.stderr


def test_a_config_without_a_literal_password_is_not_warned_about(tracker_home):
    box = offline_box(password_command="pass show mail/imap")
    assert "readable by others" not in run_cli(write_config(tracker_home, box, mode=0o644), "status").stderr


# --- the config's rules for secrets ----------------------------------------------------------------

BOX = '[[mailboxes]]\nname = "p"\nhost = "imap.example.org"\nusername = "u"\n'


@pytest.mark.parametrize("keys,message", [
    ('keyring = true\npassword_env = "X"\n', "mailboxes[0]: set exactly one of password_env, password_command, "
                                              "oauth2_token_command, keyring or password (found password_env, keyring)"),
    ('keyring = "yes"\n', "mailboxes[0].keyring: expected bool, got str"),
    ('keyring = false\n', "mailboxes[0]: set exactly one"),
    ('password = ""\n', "mailboxes[0].password: empty"),
    ('password = 1234\n', "mailboxes[0].password: expected str, got int"),
])
def test_secret_keys_are_checked_naming_the_key(keys, message):
    with pytest.raises(ConfigError) as info:
        config.parse(tomllib.loads(BOX + keys))
    assert message in str(info.value) and "1234" not in str(info.value)


def test_keyring_false_beside_another_source_is_fine():
    (box,) = config.parse(tomllib.loads(BOX + 'keyring = false\npassword_env = "X"\n')).mailboxes
    assert not box.keyring and box.password_env == "X"


def test_secrets_stay_out_of_reprs():
    box = MailboxConfig(name="p", host="h", username="u", port=993, password="hunter2-literal")
    assert "hunter2-literal" not in repr(box) + repr(Credential("u", "hunter2-literal"))


def test_a_password_command_that_cannot_run_names_only_the_program(tracker_home):
    box = offline_box(password_command="no-such-program --password hunter2-literal")
    out = invoke(write_config(tracker_home, box), "sync", code=4)
    assert "password_command could not run 'no-such-program': No such file or directory" in out
    assert "hunter2-literal" not in out


# --- non-ASCII and -vv -----------------------------------------------------------------------------

def test_a_non_ascii_password_logs_in_with_authenticate_plain_and_never_shows_with_vv(dovecot, mailbox_user,
                                                                                      tracker_home):
    assert not IMAP_PASSWORD.isascii()  # LOGIN cannot carry it
    dovecot.append(mailbox_user, "INBOX", NOTICE)
    path = write_config(tracker_home, imap_box(dovecot, mailbox_user))
    proc = subprocess.run([sys.executable, "cli.py", "-vv", "--config", str(path), "sync"], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ}, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "1 notice" in proc.stdout and "EXAMINE" in proc.stderr
    output = proc.stdout + proc.stderr
    sent = base64.b64encode(f"\0{mailbox_user}\0{IMAP_PASSWORD}".encode()).decode()
    for secret in (IMAP_PASSWORD, sent, IMAP_PASSWORD.encode("unicode_escape").decode()):
        assert secret not in output
    assert any(f"Login: user=<{mailbox_user}>, method=PLAIN" in line for line in dovecot.log().splitlines())
    db = (tracker_home / "t.db").read_bytes()
    assert IMAP_PASSWORD.encode() not in db and sent.encode() not in db


def test_auth_set_reads_one_line_from_stdin(tracker_home, memory_keyring):
    path = write_config(tracker_home, offline_box(keyring=True))
    out = invoke(path, "auth", "set", "personal", input="pässwört\n")
    assert "Stored in the system keyring" in out and "Aborted" not in out
    assert memory_keyring.entries == {("objection-tracker:127.0.0.1", "anna"): "pässwört"}


def test_auth_set_with_nothing_on_stdin_is_a_clear_line(tracker_home, memory_keyring):
    path = write_config(tracker_home, offline_box(keyring=True))
    out = invoke(path, "auth", "set", "personal", input="", code=1)
    assert "no password on standard input" in out and "Aborted" not in out
    assert memory_keyring.entries == {}


def test_auth_set_without_a_keyring_backend_fails_before_asking(tracker_home):
    import keyring.backends.fail

    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        path = write_config(tracker_home, offline_box(keyring=True))
        out = invoke(path, "auth", "set", "personal", input="secret\nsecret\n", code=4)
    finally:
        keyring.set_keyring(before)
    assert "no system keyring is available here" in out and "Password for" not in out
