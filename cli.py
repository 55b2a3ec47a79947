"""objection-tracker's command line: parse options, call tracker.actions, format the result.

`python cli.py --help` works from a checkout; the installed `objection-tracker` runs this group.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import itertools
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The packages the commands import later (tracker.actions and below), looked for without
# importing them: a checkout before `pip install -e .` still gets one plain sentence.
NEEDED = ("sqlalchemy", "alembic", "imapclient", "lxml", "apscheduler", "platformdirs", "filelock",
          "dkim", "dns", "charset_normalizer", "py3langid")


def _missing() -> str | None:
    for name in NEEDED:
        try:
            if sys.modules.get(name, True) is None or importlib.util.find_spec(name) is None:
                return name
        except (ImportError, ValueError):
            return name
    return None


try:
    import click

    from tracker.choices import DEFAULT_JOBS, MARK_ACTIONS
    from tracker.errors import EXIT_CODES, TrackerError
    from tracker.sanitize import CleanFormatter, clean
except ModuleNotFoundError as missing:  # `python cli.py` from a checkout, before installing
    _absent: str | None = (missing.name or "?").split(".")[0]
else:
    _absent = _missing()
if _absent:
    sys.exit(f"objection-tracker: the Python package {_absent!r} is not installed: run "
             "`pip install -e .` in the checkout first (or `make demo`, which makes a virtualenv)")

if TYPE_CHECKING:
    from tracker.sync import SyncSummary


class _Later:
    """A module imported when a command first uses it: `--help` and `status` do not pay for what
    only `sync` needs (issue 21 item 2; tests/test_quick_start.py lists what each may import)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


actions = _Later("tracker.actions")
config = _Later("tracker.config")
report = _Later("tracker.act.report")
schedule = _Later("tracker.act.schedule")
unreadable = _Later("tracker.store.unreadable")


class TrackerGroup(click.Group):
    """Turns every TrackerError into one line on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            # Errors quote servers' replies and folder names: cleaned like everything from mail.
            _say(f"objection-tracker: {clean(str(exc), None)}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt as exc:  # 130, the shell's 128 + SIGINT, and not 1 ("pending")
            # A sync or an import says per mailbox what it kept (tracker.errors.Interrupted).
            lines = getattr(exc, "lines", None) or ["interrupted"]
            _say("", err=True)
            for line in lines:
                _say(f"objection-tracker: {clean(line, None)}", err=True)
            ctx.exit(130)


@click.group(cls=TrackerGroup)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file. Default: $OBJECTION_TRACKER_CONFIG, else config.toml in the "
                   "user config folder ($OBJECTION_TRACKER_HOME overrides the folder).")
@click.option("-v", "--verbose", count=True, help="Log what happens (-vv for more). "
              "Secrets are never logged.")
@click.version_option(package_name="objection-tracker")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, verbose: int) -> None:
    """Track your objections to "AI at Meta" training, account by account, from your mailbox."""
    # Only the tracker's loggers, and at -vv imapclient's protocol lines (it redacts LOGIN and
    # AUTHENTICATE; tests/test_credentials.py checks), get louder: Apprise and urllib3 log bot
    # tokens and topic URLs at DEBUG, and secrets are never logged.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for handler in logging.getLogger().handlers:
        if type(handler.formatter) is logging.Formatter:  # basicConfig's, not a test's or an app's
            handler.setFormatter(CleanFormatter(handler.formatter._fmt))
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.getLogger("tracker").setLevel(level)
    logging.getLogger("imapclient").setLevel(level)
    ctx.obj = config_path


def _say(text: str = "", *, err: bool = False, nl: bool = True, hang: int | None = None) -> None:
    """Every line a command prints goes through here: wrapped at the terminal's width, at spaces
    (tracker.act.terminal). Output that must stay byte for byte (JSON, unit files) is the only
    bare click.echo, marked `# whole` (tests/test_output_width.py holds cli.py to that).

    An error stays one line where a program reads it (a log, cron's mail, a pipe: one error, one
    line to grep); only on a terminal is it wrapped for the eye."""
    from tracker.act import terminal

    if err and not sys.stderr.isatty():
        click.echo(text, err=True, nl=nl)  # whole: one error, one line
        return
    click.echo(terminal.fit(text, hang=hang), err=err, nl=nl)  # whole: it is the wrapper


def _counted(n: int, one: str) -> str:
    from tracker.act import terminal

    return terminal.counted(n, one)


def _config(ctx: click.Context) -> config.Config:
    path = ctx.find_root().obj
    return config.load(path, required=path is not None)


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing config file.")
@click.pass_context
def init(ctx: click.Context, force: bool) -> None:
    """Write a commented config file and create the database."""
    path = ctx.find_root().obj or config.default_config_path()
    url = config.load(path).database_url if path.exists() and not force else \
        config.default_database_url()
    written = actions.init(path, url, force=force)
    if written:
        _say(f"Wrote {path}: add your mailbox there (see the [[mailboxes]] block).")
    else:
        _say(f"{path} exists; left as it is (--force overwrites it).")
    _say(f"Database ready: {_safe_url(url)}")


def _jobs_option(command):
    return click.option("--jobs", type=click.IntRange(min=1), default=DEFAULT_JOBS,
                        show_default=True, help="Mailboxes synced at once, one IMAP connection "
                        "each.")(command)


@cli.command()
@click.argument("mailboxes", nargs=-1)
@_jobs_option
@click.pass_context
def sync(ctx: click.Context, mailboxes: tuple[str, ...], jobs: int) -> None:
    """Read the configured mailboxes (or only MAILBOXES) and record what Meta sent.

    Quiet when nothing changed and the output is not a terminal, so cron mails nothing.
    """
    cfg = _config(ctx)
    progress = BarProgress() if sys.stdout.isatty() else None
    summaries, failures = actions.sync(cfg, mailboxes, progress=progress, jobs=jobs)
    _echo_sync(summaries, failures)
    if failures:
        ctx.exit(failures[0].exit_code)
    if any(s.errors for s in summaries):
        ctx.exit(4)


def _echo_sync(summaries: list[SyncSummary], failures: list[TrackerError]) -> None:
    """A summary per mailbox on a terminal, or when something new was read (cron mails any
    output). Errors go to stderr only: a mailbox none of whose folders could be read prints
    nothing on stdout."""
    tty = sys.stdout.isatty()
    for s in summaries:
        if s.reread is not None and s.reread.looked_at and (tty or s.reread.changed):
            _say(_reread_line(s.reread))
        read = s.new or s.suspicious or s.unparseable
        if s.folders and (tty or read):
            _say(_describe(s))
        for error in s.errors:
            _say(f"objection-tracker: {clean(error, None)}", err=True)
    for failure in failures:
        _say(f"objection-tracker: {clean(str(failure), None)}", err=True)


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.pass_context
def import_(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Read .eml files, mbox files (Google Takeout) and Maildir folders."""
    cfg = _config(ctx)
    tty = sys.stdout.isatty()
    progress = BarProgress() if tty else None
    if progress:
        from tracker.mail.importer import count

        total = sum(count(p) or 0 for p in paths)
        if total > 200:
            progress.start("import", total)
    result = actions.import_paths(cfg, list(paths), progress=progress)
    if progress:
        progress.finish()
    for path in result.not_mail:
        _say(f"objection-tracker: skipped {path}: not a mail (no mail header such as "
                   "From: or Date:)", err=True)
    if result.summary.reread is not None and result.summary.reread.looked_at:
        _say(_reread_line(result.summary.reread))
    _say(_describe(result.summary))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people, json for scripts (a stable contract).")
@click.option("--fail-if-pending", is_flag=True,
              help="Exit 1 when any account needs action, was rejected, has a reply to check, "
                   "or waited over 31 days for Meta's answer (for monitoring).")
@click.option("--unreadable", "list_unreadable", is_flag=True,
              help="List the messages that could not be read, each with where it is and why.")
@click.option("--person", metavar="NAME", help="Only this person's accounts ([[people]]), as "
              "their own mailboxes saw them.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="Write the deadlines (Meta's month to answer, the reminder, "
              "the complaint) as an iCalendar file to subscribe to, replacing FILE; - prints it.")
@click.pass_context
def status(ctx: click.Context, fmt: str, fail_if_pending: bool, list_unreadable: bool,
           person: str | None, ics: Path | None) -> None:
    """Show every Meta account, its state, since when, and the link to act on.

    With [[people]] in the config and no --person, the table is grouped by person.
    """
    cfg = _config(ctx)
    result = actions.status(cfg, person)
    if ics is not None:
        from tracker.act import calendar
        from tracker.act.folder import replace_file

        text = calendar.as_ics(result.accounts, dt.datetime.now(dt.UTC))
        if str(ics) == "-":
            click.echo(text, nl=False)  # whole: a calendar file
        else:
            replace_file(ics, text)
            found = len(calendar.deadlines(result.accounts))
            _say(f"{_counted(found, 'deadline')} written to {ics}")
    elif fmt == "json":
        data = report.as_json(result.accounts, result.suspicious)
        for entry, state in zip(data["accounts"], result.accounts, strict=True):
            entry["people"] = result.people.get(state.key, [])
        data["unreadable"] = unreadable.as_json(result.unreadable)
        import json

        click.echo(json.dumps(data, indent=2, ensure_ascii=False))  # whole: for scripts
    elif cfg.people and person is None and not list_unreadable:
        for i, (heading, part) in enumerate(actions.status_by_person(cfg)):
            _say(("\n" if i else "") + f"== {heading} ==")
            _say(report.as_table(part.accounts, part.suspicious))
        if result.unreadable:
            _say(_unreadable_line(len(result.unreadable)))
    elif list_unreadable:
        if not result.unreadable:
            _say("Every message looked at could be read.")
        for u in result.unreadable:
            _say(f"{u.processed_at.date().isoformat()}  {u.where}: {u.reason}")
    else:
        _say(report.as_table(result.accounts, result.suspicious))
        if result.unreadable:
            _say(_unreadable_line(len(result.unreadable)))
    if fail_if_pending and any(report.pending(a) for a in result.accounts):
        ctx.exit(1)


@cli.command()
@click.argument("account", metavar="PLATFORM:ACCOUNT")
@click.argument("action", type=click.Choice(MARK_ACTIONS))
@click.option("--note", help="Why, or what you did (kept with the mark).")
@click.option("--new", is_flag=True, help="Add the account although no mail named it "
              "(without it an unknown account is refused, with the closest known ones).")
@click.pass_context
def mark(ctx: click.Context, account: str, action: str, note: str | None, new: bool) -> None:
    """Record what you did by hand: submitted, confirmed, ignored, or reset (forget your marks).

    Filing the form in a browser sends no mail every time; mark it so the tracker knows.
    """
    state, known = actions.mark(_config(ctx), account, action, note, new=new)
    if not known:
        _say(f"{state.key} was not known from mail; added it "
                   f"(`objection-tracker forget {state.key}` removes it).")
    _say(f"{state.key}: {_label(state)}")


@cli.command()
@click.argument("account", metavar="PLATFORM:ACCOUNT")
@click.pass_context
def forget(ctx: click.Context, account: str) -> None:
    """Remove an account that only your marks or links made, such as a typo.

    An account that mail named stays; `mark PLATFORM:ACCOUNT ignored` stops reminders about it.
    """
    key = actions.forget(_config(ctx), account)
    _say(f"Forgot {key}: its marks, links and reminders are gone.")



@cli.command()
@click.argument("accounts", nargs=-1, required=True, metavar="PLATFORM:ACCOUNT...")
@click.option("--new", is_flag=True, help="Add accounts no mail named (without it an unknown "
              "account is refused, with the closest known ones, and nothing is linked).")
@click.pass_context
def link(ctx: click.Context, accounts: tuple[str, ...], new: bool) -> None:
    """Say that accounts share one Accounts Center: one objection may cover them all.

    Meta's mail does not say which accounts are linked; you know. A confirmation for one of
    them counts for every one when Meta's reply says it covers the accounts in the Accounts
    Center (the 2025 replies do); otherwise each keeps the state its own mail gives it.
    """
    states, unknown = actions.link(_config(ctx), list(accounts), new=new)
    for key in unknown:
        _say(f"{key} was not known from mail; added it.")
    _say("Linked: " + ", ".join(f"{s.key} ({_label(s)})" for s in states))
    for s in states:
        why = report.not_covered(s, states)
        if why:
            _say(why)


@cli.command()
@click.argument("accounts", nargs=-1, required=True, metavar="PLATFORM:ACCOUNT...")
@click.pass_context
def unlink(ctx: click.Context, accounts: tuple[str, ...]) -> None:
    """Take accounts out of their Accounts Center group; each gets back its own state."""
    for s in actions.unlink(_config(ctx), list(accounts)):
        _say(f"{s.key}: {_label(s)}")


@cli.command(name="accounts")
@click.pass_context
def accounts_(ctx: click.Context) -> None:
    """List the accounts, grouped by the Accounts Center groups you linked."""
    result = actions.status(_config(ctx))
    for line in report.accounts_listing(result.accounts):
        _say(line)


@cli.command()
@click.argument("account", metavar="PLATFORM:ACCOUNT")
@click.pass_context
def why(ctx: click.Context, account: str) -> None:
    """Explain an account's state: per mail, its date, subject, kind and the rule that decided."""
    _say(report.why(actions.why(_config(ctx), account)))


@cli.command()
@click.argument("account", metavar="PLATFORM:ACCOUNT", required=False)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="A new or empty folder to write into (created, mode 0700; files 0600).")
@click.option("--all", "every", is_flag=True, help="Every account, each in a folder of its own, "
              "and an index page of them all.")
@click.option("--person", metavar="NAME", help="Only this person's accounts ([[people]]), with "
              "the mail of their own mailboxes.")
@click.pass_context
def evidence(ctx: click.Context, account: str | None, out: Path, every: bool,
             person: str | None) -> None:
    """Export an account's proof: each flow mail as .eml, SHA256SUMS, evidence.html and .txt."""
    if every == bool(account):
        raise click.UsageError("name one account, or give --all")
    written = actions.evidence(_config(ctx), account, out, every=every, person=person)
    _say(f"{_counted(len(written), 'file')} written to {out}")


@cli.group(invoke_without_command=True)
@click.option("--person", metavar="NAME", help="Only the mail of this person's own mailboxes "
              "([[people]]).")
@click.pass_context
def suspicious(ctx: click.Context, person: str | None) -> None:
    """List the mail that claims to be Meta's and is not, each with its number (links not shown).

    `status` lists new suspicious mail whole until you say you have seen it with `suspicious ack`;
    then it sums those up in one line.
    """
    if ctx.invoked_subcommand is None:
        for line in report.suspicious_listing(actions.suspicious(_config(ctx), person)):
            _say(line)


@suspicious.command(name="ack")
@click.argument("numbers", nargs=-1, metavar="[NUMBER]...")
@click.option("--all", "every", is_flag=True, help="Every suspicious mail not seen yet.")
@click.pass_context
def suspicious_ack(ctx: click.Context, numbers: tuple[str, ...], every: bool) -> None:
    """Say you have seen suspicious mails (by the NUMBER `status` shows, or --all).

    `suspicious --person NAME ack --all` marks only that person's. They stay stored and listed
    by `suspicious`; `status` sums them up in one line.
    """
    if every == bool(numbers):
        raise click.UsageError("give the mails' numbers (as `status` shows them), or --all")
    try:
        ids = None if every else [int(n.lstrip("#")) for n in numbers]
    except ValueError:
        raise click.UsageError("a NUMBER is the one `status` shows after #, such as 12") from None
    marked = actions.acknowledge_suspicious(_config(ctx), ids,
                                            ctx.parent.params.get("person") if ctx.parent else None)
    _say(f"{_counted(len(marked), 'suspicious mail')} marked seen; `status` now sums them up in one line."
         if marked else "Nothing new to mark: those were already seen.")


@cli.command(name="reminder-text")
@click.argument("account", metavar="PLATFORM:ACCOUNT")
@click.option("--language", type=click.Choice(["en", "de", "fr"]), default=None,
              help="The reminder's language (default: [complaint] language, else English).")
@click.pass_context
def reminder_text(ctx: click.Context, account: str, language: str | None) -> None:
    """Print a reminder to send Meta about an objection unanswered for 31 days.

    Send it through Meta's privacy contact (https://help.meta.com/support/privacy/); 14 days after
    it, `complaint` writes the complaint to the supervisory authority."""
    from tracker.store.state import reminder_due

    state, text = actions.reminder_text(_config(ctx), account, language)
    due = reminder_due(state)
    _say(f"{state.key}: overdue since {state.overdue_since:%Y-%m-%d}; the reminder is due from "
         f"{due:%Y-%m-%d}. Send Meta this (https://help.meta.com/support/privacy/):", err=True)
    click.echo(text, nl=False)  # whole: a letter to paste


@cli.command()
@click.argument("account", metavar="PLATFORM:ACCOUNT")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="A new or empty folder to write into (created, mode 0700; files 0600).")
@click.option("--language", type=click.Choice(["en", "de", "fr"]), default=None,
              help="The complaint's language (default: [complaint] language, else the "
                   "authority's).")
@click.option("--reminded", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD", help="The day you sent Meta the reminder, to name it as a fact.")
@click.pass_context
def complaint(ctx: click.Context, account: str, out: Path, language: str | None,
              reminded: dt.datetime | None) -> None:
    """Write a complaint to the supervisory authority about an overdue or refused objection.

    complaint.txt (the facts, their dates, what is asked and the evidence list, addressed to the
    authority [complaint] authority names, Ireland's Data Protection Commission by default) and
    evidence/ (what `evidence` writes) go into --out. Read it, sign it, send it yourself."""
    cfg = _config(ctx)
    written = actions.complaint(cfg, account, out, language=language,
                                reminded=reminded.date() if reminded else None)
    _say(f"{_counted(len(written), 'file')} written to {out}: read {out / 'complaint.txt'}, complete it "
         "and send it with the evidence folder.")


@cli.command(name="rules")
def rules_() -> None:
    """Show what the tracker knows of Meta's mail: languages, kinds, senders and forms."""
    from tracker.recognition import rules
    from tracker.recognition.classify import KINDS, PLATFORMS

    _say("Kinds of mail: " + ", ".join(KINDS) + " (and suspicious: claims to be Meta, is not)")
    _say("Platforms: " + ", ".join(PLATFORMS))
    _say(f"Languages ({len(rules.LANGUAGES)}, one file each in tracker/recognition/languages/; a reply "
         "in any other language is unclear_reply, said, not guessed; docs/languages.md): "
         + ", ".join(f"{lang.code} ({lang.name})" for lang in rules.LANGUAGES))
    _say("Genuine sender domains (and their subdomains): "
               + ", ".join(domain for domain, _ in rules.SENDER_DOMAINS))
    _say("Forms:")
    for form_id, form in rules.FORMS.items():
        _say(f"  {form_id:<17} {form.role:<16} {form.platform:<10} {form.what}")
    _say("Link to act on: the latest objection link Meta's own mail gave the account (a Meta "
               "page linked as the objection counts too). Only when no mail gave one, this fallback:")
    for platform, url in rules.DEFAULT_OBJECTION_URL.items():
        _say(f"  {platform:<10} {url}")


@cli.command()
@click.argument("mailbox", required=False)
@click.pass_context
def doctor(ctx: click.Context, mailbox: str | None) -> None:
    """Check MAILBOX (or every mailbox) as a sync would meet it, changing nothing.

    Logs in, shows the capabilities that matter, the folders a sync reads and how many Meta
    mails each holds (counted by the server; folders opened read-only, nothing fetched), and
    what is wrong, in plain words. Exit 4 when a mailbox has a problem.
    """
    cfg = _config(ctx)
    from tracker.act.doctor import database_warnings

    checkups = actions.doctor(cfg, (mailbox,) if mailbox else ())
    for warning in database_warnings(cfg.database_url):
        _say(f"database: warning: {warning}")
    for checkup in checkups:
        _echo_checkup(checkup)
    if not all(c.ok for c in checkups):
        ctx.exit(4)


def _echo_checkup(c) -> None:
    _say(f"{c.mailbox}: {c.server}, user {c.username}, {c.secret}")
    if c.authenticity:
        _say(f"  Meta's mail is told by: {c.authenticity}")
    if c.logged_in:
        _say("  logged in")
    for cap in c.capabilities:
        _say(f"  {cap.name:<12} {'yes' if cap.offered else 'no':<4} {cap.meaning}", hang=20)
    if c.folders:
        _say("  folders a sync reads:")
        width = max(len(_folder_label(f)) for f in c.folders)
        for f in c.folders:
            count = "cannot be opened" if f.meta_mails is None else \
                f"{_counted(f.meta_mails, 'Meta mail')} of {f.messages}"
            _say(f"    {_folder_label(f):<{width}}  {count}")
    for problem in c.problems:
        _say(f"  problem: {problem}")
    for warning in c.warnings:
        _say(f"  warning: {warning}")
    if c.ok and not c.warnings:
        _say("  nothing wrong found")


def _folder_label(f) -> str:
    return f.name + (f" ({' '.join(f.special_use)})" if f.special_use else "")


@cli.group()
def auth() -> None:
    """Store a mailbox's password in the system keyring (for keyring = true)."""


@auth.command(name="set")
@click.argument("mailbox")
@click.pass_context
def auth_set(ctx: click.Context, mailbox: str) -> None:
    """Ask for MAILBOX's password and store it in the system keyring.

    The mailbox's block needs keyring = true; the keyring is an optional extra:
    pip install 'objection-tracker[keyring]'.
    """
    def ask(box) -> str:
        if not sys.stdin.isatty():  # piped in: one line, nobody to type it twice
            _say(f"Password for {box.username} at {box.host} (one line from standard "
                       "input): ", nl=False, err=True)
            line = sys.stdin.readline()
            if not line:
                raise TrackerError("no password on standard input (give it as one line)")
            return line.rstrip("\r\n")
        try:
            return click.prompt(f"Password for {box.username} at {box.host}", hide_input=True,
                                confirmation_prompt=True, default="", show_default=False)
        except click.Abort:  # Ctrl-C or Ctrl-D at the prompt
            raise TrackerError("no password entered; nothing stored") from None

    box = actions.auth_set(_config(ctx), mailbox, ask)
    _say(f"Stored in the system keyring for {box.username} at {box.host}. "
               f"Check it with: objection-tracker doctor {mailbox}")


def _unreadable_line(n: int) -> str:
    them = "it" if n == 1 else "them"
    return (f"\n{n} message{'' if n == 1 else 's'} could not be read: `objection-tracker status "
            f"--unreadable` lists {them} with the reason.")


def _label(s) -> str:
    return report.label(s)


@cli.command()
@click.option("--dry-run", is_flag=True, help="Print what each channel would get; send and record "
              "nothing.")
@click.pass_context
def remind(ctx: click.Context, dry_run: bool) -> None:
    """Send one digest of the accounts still waiting for you to each [reminders] channel.

    An account is reminded again after every_days; nothing is sent when nothing is due. Exit 5
    when a channel failed (the others still went out).
    """
    result = actions.remind(_config(ctx), dry_run=dry_run)
    _echo_reminders(result)
    ctx.exit(result.exit_code)


def _exit_codes_help() -> str:
    # \b keeps click from re-wrapping the list into one paragraph.
    return "\b\nExit codes:\n" + "\n".join(f"  {code:<4}{meaning}" for code, meaning in EXIT_CODES)


@cli.command(epilog=_exit_codes_help())
@click.option("--once", is_flag=True, help="Run once and exit (for cron or a systemd timer).")
@_jobs_option
@click.pass_context
def run(ctx: click.Context, once: bool, jobs: int) -> None:
    """Sync, then remind: once, or on [schedule] cron until SIGTERM or Ctrl-C.

    With --once the exit code is the first failure's: a mailbox (4) before a reminder channel (5).
    """
    cfg = _config(ctx)
    if once:
        result = actions.run_once(cfg, progress=BarProgress() if sys.stdout.isatty() else None,
                                  synced=_echo_sync, jobs=jobs)
        _echo_reminders(result.reminders)
        ctx.exit(result.exit_code)
    runs = itertools.count(1)

    def job() -> None:
        n = next(runs)
        _say(f"{_stamp()} run {n} started")
        try:
            result = actions.run_once(cfg, synced=_echo_sync, jobs=jobs)
        except TrackerError as exc:  # the loop goes on: the next run may find the lock free
            _say(f"objection-tracker: {exc}", err=True)
            code = exc.exit_code
        else:
            _echo_reminders(result.reminders)
            code = result.exit_code
        _say(f"{_stamp()} run {n} finished: exit code {code}")

    first = schedule.next_run(cfg.schedule)
    zone = cfg.schedule.timezone or "local time"
    _say(f"{_stamp()} running on {cfg.schedule.cron!r} ({zone}); first run "
               f"{first.isoformat(timespec='seconds') if first else 'never'}; "
               "SIGTERM or Ctrl-C stops")
    stopped_by = schedule.serve(job, cfg.schedule)
    _say(f"{_stamp()} stopped ({stopped_by})")


@cli.command(name="schedule")
@click.option("--print", "shown", type=click.Choice(["systemd", "cron", "crontab"]),
              help="Print the files: systemd: a user service and timer and the secrets file, "
                   "each under its file name; cron (or crontab): the lines for `crontab -e`.")
@click.option("--install", "installed", type=click.Choice(["systemd", "cron"]),
              help="Write them: systemd: the units into ~/.config/systemd/user, and beside the "
                   "config a secrets file (0600, no secret in it) that names the variables to "
                   "fill in; cron: your current crontab with this job added, as a file to load "
                   "with `crontab FILE`. Only files it wrote itself are ever replaced.")
@click.option("--dir", "where", type=click.Path(file_okay=False, path_type=Path),
              help="Where --install writes the units (default ~/.config/systemd/user) or the "
                   "crontab file (default: the config's folder).")
@click.pass_context
def schedule_(ctx: click.Context, shown: str | None, installed: str | None,
              where: Path | None) -> None:
    """Run `run --once` with this config on [schedule] cron, from systemd or cron."""
    if bool(shown) == bool(installed):
        raise click.UsageError("give --print FORM or --install FORM")
    path = (ctx.find_root().obj or config.default_config_path()).absolute()
    cfg = config.load(path, required=True)
    command = [*_self_command(), "--config", str(path), "run", "--once"]
    env = {k: os.environ[k] for k in ("OBJECTION_TRACKER_HOME",) if os.environ.get(k)}
    form = "cron" if (shown or installed) in ("cron", "crontab") else "systemd"
    result = actions.schedule(cfg, form, command, env, install=bool(installed), where=where)
    for i, (file, text) in enumerate(result.files):
        if form == "systemd":  # each unit under its own name, as `head` shows several files
            click.echo(("\n" if i else "") + f"==> {file} <==")  # whole: a file's name
        click.echo(text, nl=False)  # whole: unit files and crontab lines, to be pasted
    for i, line in enumerate(result.lines):
        _say(("\n" if shown and not i else "") + line)


def _self_command() -> list[str]:
    """How this CLI was started: `python cli.py` from a checkout, else the installed script."""
    script = Path(sys.argv[0]).absolute()
    if script.suffix == ".py":
        return [os.path.abspath(sys.executable), str(script)]  # not resolved: keep the venv
    return [str(script)] if script.exists() else ["objection-tracker"]


def _echo_reminders(result: actions.RemindResult) -> None:
    """The stdout channel has printed its digest already; this says what else happened.
    Quiet when not on a terminal, so cron mails only digests and errors."""
    if result.dry_run:
        if not result.deliveries:
            _say(_nothing_due(result))
        for d in result.deliveries:
            _say(f"--- would send via {result.label(d)}: "
                       f"{_counted(len(d.digest.accounts), 'account')} ---")
            click.echo(d.digest.text)  # whole: exactly what the channel would get
        return
    for failure in result.failures:
        _say(f"objection-tracker: {failure}", err=True)
    if sys.stdout.isatty():
        for d in result.sent:
            if d.channel != "stdout":
                _say(f"Reminded of {_counted(len(d.digest.accounts), 'account')} via "
                           f"{result.label(d)}.")
        for person in result.skipped:
            whose = f"{person}'s" if person else "Your"
            _say(f"{whose} digest: another run is sending it now.")
        if not result.deliveries and not result.skipped:
            _say(_nothing_due(result))


def _nothing_due(result: actions.RemindResult) -> str:
    if not result.pending:
        return "Nothing pending: no reminder needed."
    return (f"Nothing due: {_counted(result.pending, 'pending account')}, each reminded within "
            "[reminders] every_days.")


def _stamp() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class BarProgress:
    """A click progress bar on a terminal, for long first syncs and imports."""

    def __init__(self) -> None:
        self._bar = None

    def start(self, label: str, total: int) -> None:
        self.finish()
        self._bar = click.progressbar(length=total, label=label, file=sys.stderr)
        self._bar.__enter__()

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _reread_line(r) -> str:
    from tracker.act import summary

    return summary.reread_line(r)


def _describe(s: SyncSummary) -> str:
    from tracker.act import summary

    return summary.describe(s)


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@cli.command(name="object")
@click.argument("account", required=False, metavar="[PLATFORM:ACCOUNT]")
@click.option("--next", "next_", is_flag=True, help="Take the next account that needs action.")
@click.option("--no-browser", is_flag=True, help="Print the form's link instead of opening it.")
@click.option("--yes", is_flag=True, help="Ask nothing: record the filing at once and copy "
              "nothing (for scripts; needed without a terminal).")
@click.option("--wait", type=click.FloatRange(min=0), default=30, show_default=True,
              metavar="MINUTES", help="Watch this long for the code and Meta's reply.")
@click.option("--advice-after", type=click.FloatRange(min=0), default=10, show_default=True,
              metavar="MINUTES", help="Say what to try when no code mail came within this time.")
@click.option("--poll-seconds", type=click.FloatRange(min=0.05), default=20, show_default=True,
              metavar="SECONDS",
              help="How often to look at a folder when the server has no IMAP IDLE.")
@click.pass_context
def object_(ctx: click.Context, account: str | None, next_: bool, no_browser: bool, yes: bool,
            wait: float, advice_after: float, poll_seconds: float) -> None:
    """Walk through one account's objection: the form, the text, the code, Meta's reply.

    Shows the form to open, where the code goes, and the text to paste; opens the form (it never
    fills it in, submits it or logs in to Meta); records `submitted` once you say so; then watches
    the mailbox that receives the code (read-only, IMAP IDLE where offered) and prints the code
    the moment it arrives, until Meta replies or --wait minutes pass.
    """
    import webbrowser

    from tracker.act import clipboard, objection, watch

    if not yes and not _on_terminal():
        _say("objection-tracker: object asks you questions and needs a terminal; "
                   "add --yes to run it unattended", err=True)
        ctx.exit(2)
    if bool(account) == next_:
        raise TrackerError("name one account as PLATFORM:ACCOUNT, or give --next")
    cfg = _config(ctx)
    states = actions.status(cfg).accounts
    if next_:
        chosen = objection.next_account(states)
        if chosen is None:
            _say("No account needs action.")
            return
        platform, name = chosen.platform, chosen.account
    else:
        platform, name = actions.parse_account(account or "")
    guide = objection.plan(cfg, states, platform, name)
    if guide.state.state == "objection_confirmed":
        _say(f"{guide.key}: {_label(guide.state)} since {guide.state.since:%Y-%m-%d}; "
                   "nothing to do.")
        return
    objection.check_mailbox(cfg, guide)
    pasted = set(guide.text.text.splitlines()) - {""}
    for line in objection.describe(guide):
        if line in pasted:  # the terminal wraps it softly: copied, it stays one paragraph
            click.echo(line)  # whole: pasted into Meta's form
        else:
            _say(line)
    tool = clipboard.find()
    if tool is None:
        _say(f"   No clipboard tool here ({clipboard.TOOLS}): copy the text from above.")
    elif yes:
        _say(f"   Clipboard: {tool.name} is here; not used with --yes.")
    elif click.confirm(f"   Copy it to the clipboard ({tool.name})?", default=True):
        clipboard.copy(tool, guide.text.text)
        _say("   Copied.")
    if no_browser:
        _say(f"3. Open the form yourself: {guide.form_url}")
    elif webbrowser.open(guide.form_url):
        _say("3. Opened the form in your browser.")
    else:
        _say(f"3. No browser could be opened: open {guide.form_url} yourself.")
    _say("   Fill it in and submit it there: the tracker never fills in or submits the form, "
               "and never logs in to Meta.")
    _say(f"4. After you submit, the form asks for a code mailed to "
               f"{guide.address or 'the address registered on the account'}.")
    if not yes and not click.confirm("   Have you submitted the form?", default=True):
        _say(f"Nothing recorded. Run `objection-tracker object {guide.key}` when you file it.")
        return
    state, _known = actions.mark(cfg, guide.key, "submitted", "filed with `objection-tracker object`")
    _say(f"Recorded: submitted ({state.key} is {_label(state)}).")
    if guide.mailbox is None:
        _say("No configured mailbox receives the code: watch that inbox yourself; "
                   "`objection-tracker sync` records Meta's reply once a mailbox receives it.")
        return

    def report(event: watch.Event) -> None:
        for line in watch.describe(event):
            _say(line)

    finished = watch.follow(cfg, actions.database(cfg), guide.mailbox, (platform, name),
                            guide.address, report, wait_minutes=wait,
                            advice_after_minutes=advice_after, poll_seconds=poll_seconds)
    report(finished)
    if finished.reason == "interrupted":
        ctx.exit(130)


def _on_terminal() -> bool:
    return sys.stdin.isatty()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
