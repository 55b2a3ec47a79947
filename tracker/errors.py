"""The few errors the core raises; the CLI maps each to one line on stderr and its exit code."""


class TrackerError(Exception):
    """Base of every error the user should see as one clear line."""

    exit_code = 1


class ConfigError(TrackerError):
    """The config file is wrong: the message names the key."""

    exit_code = 3


class MailboxError(TrackerError):
    """A mailbox could not be reached or refused the login."""

    exit_code = 4

    def __init__(self, mailbox: str, message: str) -> None:
        super().__init__(f"mailbox {mailbox!r}: {message}")
        self.mailbox = mailbox


class NotifyError(TrackerError):
    """A reminder channel failed."""

    exit_code = 5


class LockHeld(TrackerError):
    """Another run holds the database lock."""

    exit_code = 6
