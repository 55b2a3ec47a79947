"""Where a mailbox's secret comes from: an environment variable, a command, or an OAuth2 token command.

The secret lives only in memory for the run: never in the database, logs or error messages.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass, field

from tracker.config import MailboxConfig
from tracker.errors import ConfigError, MailboxError


@dataclass(frozen=True)
class Credential:
    username: str
    secret: str = field(repr=False)
    oauth2: bool = False


def check_available(box: MailboxConfig, index: int) -> None:
    """Fail before anything is written when an environment variable the config names is unset."""
    if box.password_env and not os.environ.get(box.password_env):
        raise ConfigError(
            f"mailboxes[{index}].password_env: the environment variable {box.password_env} "
            f"is not set (mailbox {box.name!r})"
        )


def resolve(box: MailboxConfig) -> Credential:
    if box.password_env:
        secret = os.environ.get(box.password_env, "")
        if not secret:
            raise ConfigError(f"password_env: the environment variable {box.password_env} is not set")
        return Credential(box.username, secret)
    if box.password_command:
        return Credential(box.username, _run(box, box.password_command, "password_command"))
    assert box.oauth2_token_command  # config.parse guarantees exactly one source
    return Credential(box.username, _run(box, box.oauth2_token_command, "oauth2_token_command"), True)


def _run(box: MailboxConfig, command: str, key: str) -> str:
    # No shell: the command line is the user's, but nothing from mail ever reaches it.
    try:
        done = subprocess.run(
            shlex.split(command), capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise MailboxError(box.name, f"{key} could not run: {exc}") from None
    if done.returncode != 0:
        # stderr of a password manager is safe to show; stdout may hold the secret and is not.
        tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise MailboxError(box.name, f"{key} exited with {done.returncode}: {tail[0]}")
    first = done.stdout.splitlines()[0].strip() if done.stdout.strip() else ""
    if not first:
        raise MailboxError(box.name, f"{key} printed nothing")
    return first
