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
        self.detail = message  # the message without the mailbox's name


class NotifyError(TrackerError):
    """A reminder channel failed."""

    exit_code = 5


class LockHeld(TrackerError):
    """Another run holds the database lock."""

    exit_code = 6


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a sync or an import, with one line per mailbox saying what was kept (issue
    22 item 5). A KeyboardInterrupt still: `run`'s loop and whoever catches Ctrl-C see one."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


# Every exit code the command line uses, for `run --help` and the README (tests/test_cli.py checks
# both against this table).
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (0, "fine"),
    (1, "accounts pending (--fail-if-pending), or a command refused"),
    (2, "a usage error: unknown command or option, missing argument"),
    (3, "the config file is wrong (nothing done)"),
    (4, "a mailbox failed: unreachable, login refused, no secret"),
    (5, "a reminder channel failed (the others still went out)"),
    (6, "another run holds the database"),
    (130, "interrupted (Ctrl-C)"),
)
