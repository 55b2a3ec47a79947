"""Where a mailbox's secret comes from: an environment variable, a command, the system keyring, an
OAuth2 token command, or (last resort) the config file itself.

The secret lives only in memory for the run: never in the database, logs or error messages.
"""

from __future__ import annotations

import logging
import os
import shlex
import subprocess
from dataclasses import dataclass, field
from types import ModuleType

from tracker.config import MailboxConfig
from tracker.errors import ConfigError, MailboxError

KEYRING_HINT = "pip install 'objection-tracker[keyring]'"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Credential:
    username: str
    secret: str = field(repr=False)
    oauth2: bool = False


def source(box: MailboxConfig) -> str:
    """Where the secret comes from, in words, for `doctor` (never the secret itself)."""
    if box.password_env:
        return f"password from ${box.password_env}"
    if box.password_command:
        return "password from password_command"
    if box.keyring:
        return f"password from the system keyring ({keyring_service(box)}, {box.username})"
    if box.oauth2_token_command:
        return "OAuth2 token from oauth2_token_command"
    return "password in the config file"


def check_available(box: MailboxConfig, index: int) -> None:
    """Fail before anything is written when an environment variable the config names is unset,
    or the keyring package the config asks for is missing."""
    if box.password_env and not os.environ.get(box.password_env):
        raise ConfigError(
            f"mailboxes[{index}].password_env: the environment variable {box.password_env} "
            f"is not set (mailbox {box.name!r})"
        )
    if box.keyring:
        _keyring_module(f"mailboxes[{index}].keyring")


def check_keyring_backend(box: MailboxConfig) -> None:
    """Fail before asking for a password that could not be stored: keyring installed, but no
    backend (no Secret Service, KWallet or macOS Keychain reachable, as over SSH or from cron)."""
    keyring = _keyring_module("keyring")
    backend = keyring.get_keyring()
    from keyring.backends import chainer, fail

    if isinstance(backend, fail.Keyring) or (
            isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        raise MailboxError(box.name, "no system keyring is available here (keyring found no "
                           "backend such as the Secret Service or KWallet); use password_command "
                           "or password_env instead, or run `auth set` in your desktop session")


def resolve(box: MailboxConfig) -> Credential:
    """The mailbox's secret. One that cannot be had is that mailbox's failure (MailboxError):
    the other mailboxes still sync and the reminders still go out."""
    if box.password_env:
        secret = os.environ.get(box.password_env, "")
        if not secret:
            raise MailboxError(box.name, f"password_env: the environment variable "
                               f"{box.password_env} is not set")
        return Credential(box.username, secret)
    if box.password_command:
        return Credential(box.username, _run(box, box.password_command, "password_command"))
    if box.keyring:
        try:
            return Credential(box.username, _from_keyring(box))
        except ConfigError as exc:  # the keyring package is missing: this mailbox cannot log in
            raise MailboxError(box.name, str(exc)) from None
    if box.password:
        return Credential(box.username, box.password)
    assert box.oauth2_token_command  # config.parse guarantees exactly one source
    return Credential(box.username, _run(box, box.oauth2_token_command, "oauth2_token_command"), True)


def keyring_service(box: MailboxConfig) -> str:
    # Keyed by host and user, not by the mailbox's name in the config: renaming it keeps the entry.
    return f"objection-tracker:{box.host}"


def store_in_keyring(box: MailboxConfig, secret: str) -> None:
    keyring = _keyring_module("keyring")
    try:
        keyring.set_password(keyring_service(box), box.username, secret)
    except keyring.errors.KeyringError as exc:
        raise MailboxError(box.name, f"the system keyring refused to store the password: "
                           f"{_keyring_reason(exc)}") from None


def _from_keyring(box: MailboxConfig) -> str:
    keyring = _keyring_module("keyring")
    try:
        secret = keyring.get_password(keyring_service(box), box.username)
    except keyring.errors.KeyringError as exc:
        raise MailboxError(box.name, f"cannot read the system keyring: {_keyring_reason(exc)}") from None
    if not secret:
        raise MailboxError(box.name, f"no password in the system keyring for {box.username!r} at "
                           f"{box.host} (run `objection-tracker auth set {box.name}`)")
    return secret


def _keyring_module(key: str) -> ModuleType:
    # An optional extra: imported only when a mailbox asks for it.
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise ConfigError(f"{key}: the keyring package is not installed ({KEYRING_HINT})") from None
    return keyring


def _keyring_reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class SecretCommandFailed(Exception):
    """A password or token command did not give a secret; the message is safe to show."""


def run_secret_command(command: str, key: str) -> str:
    """The first line a user's password or token command prints (pass, secret-tool, …).

    No shell: the command line is the user's, but nothing from mail ever reaches it. Its stdout may
    hold the secret and never reaches a message; its stderr (a password manager's complaint) may.
    """
    try:
        done = subprocess.run(
            shlex.split(command), capture_output=True, text=True, timeout=60, check=False
        )
    except subprocess.TimeoutExpired:
        raise SecretCommandFailed(f"{key} did not finish within 60 seconds") from None
    except ValueError as exc:  # shlex: an unclosed quote
        raise SecretCommandFailed(f"{key} cannot be split into words: {exc}") from None
    except OSError as exc:
        # Only the program's name: the rest of a command line may carry a secret.
        program = shlex.split(command)[0] if command.strip() else command
        raise SecretCommandFailed(f"{key} could not run {program!r}: {exc.strerror}") from None
    if done.returncode != 0:
        # Its complaint may quote the secret (a password manager echoing what it was given):
        # shown only with -v, where the user asked to see more.
        tail = done.stderr.strip().splitlines()[-1:]
        if tail:
            log.info("%s wrote on stderr: %s", key, tail[0])
        raise SecretCommandFailed(f"{key} exited with {done.returncode}"
                                  + (" (-v shows its error output)" if tail else ""))
    first = done.stdout.splitlines()[0].strip() if done.stdout.strip() else ""
    if not first:
        raise SecretCommandFailed(f"{key} printed nothing")
    return first


def _run(box: MailboxConfig, command: str, key: str) -> str:
    try:
        return run_secret_command(command, key)
    except SecretCommandFailed as exc:
        raise MailboxError(box.name, str(exc)) from None
