"""The TOML config file, read into dataclasses.

Every problem raises ConfigError naming the key (`mailboxes[0].port`), so the user can fix it from
one line. Secrets are not read here: the config holds where a secret comes from, or (`password`) the
secret itself, in which case a file readable by others gets a warning.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import math
import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError

log = logging.getLogger(__name__)

APP = "objection-tracker"
SECURITY_MODES = ("tls", "starttls", "plain")


def home_dir() -> Path | None:
    """OBJECTION_TRACKER_HOME puts config and data in one folder (tests, demos, several users)."""
    value = os.environ.get("OBJECTION_TRACKER_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    return home_dir() or Path(_platformdirs().user_data_dir(APP))


def systemd_user_dir() -> Path:
    """Where systemd looks for a user's own units: $XDG_CONFIG_HOME/systemd/user."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def default_config_path() -> Path:
    if os.environ.get("OBJECTION_TRACKER_CONFIG"):
        return Path(os.environ["OBJECTION_TRACKER_CONFIG"]).expanduser()
    return (home_dir() or Path(_platformdirs().user_config_dir(APP))) / "config.toml"


def _platformdirs():
    import platformdirs  # here: only the default folders need it, not OBJECTION_TRACKER_HOME

    return platformdirs


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'tracker.db'}"


@dataclass(frozen=True)
class MailboxConfig:
    name: str
    host: str
    username: str
    port: int
    security: str = "tls"
    password_env: str | None = None
    password_command: str | None = None
    oauth2_token_command: str | None = None
    keyring: bool = False  # the system keyring, filled by `objection-tracker auth set NAME`
    password: str | None = field(default=None, repr=False)  # the literal secret: last resort
    folders: tuple[str, ...] = ()  # empty: INBOX plus the server's \Junk folder
    since: dt.date | None = None
    require_authentication: bool = False
    ca_file: str | None = None
    timeout: float = 30.0
    command_timeout: float = 300.0  # the whole answer to one IMAP command (tracker.mail.imap_guard)
    max_message_mb: float = 50.0  # a larger mail is recorded as too large, never read
    # The authserv-id this mailbox's own server writes into Authentication-Results: only those
    # headers count (issue 14). None: the tracker's own DKIM check decides for flow mails.
    authserv_id: tuple[str, ...] | None = None  # one id, or several for a farm of servers
    dkim_nameservers: tuple[str, ...] = ()  # from [dkim] nameservers, for the sync's key lookups
    person: str | None = None  # whose mailbox it is ([[people]]); None: the config's owner


@dataclass(frozen=True)
class DkimConfig:
    """[dkim]: where DKIM keys are looked up (host or host:port; empty: the system resolver), and
    the authserv-id trusted in imported mail (an import has no mailbox to name one)."""

    nameservers: tuple[str, ...] = ()
    import_authserv_id: tuple[str, ...] | None = None


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    sender: str  # the `from` key
    to: tuple[str, ...]
    port: int = 465
    security: str = "tls"
    username: str | None = None  # no SMTP AUTH without it
    password_env: str | None = None
    password_command: str | None = None
    ca_file: str | None = None
    timeout: float = 30.0


@dataclass(frozen=True)
class ReminderConfig:
    every_days: int = 7
    stale_after_days: int = 14
    channels: tuple[str, ...] = ("stdout",)  # "stdout", "smtp", or Apprise URLs
    smtp: SmtpConfig | None = None


@dataclass(frozen=True)
class ScheduleConfig:
    cron: str = "30 3 * * *"  # 5 crontab fields, or 6 with seconds first
    timezone: str | None = None  # None: the machine's local zone
    misfire_grace_minutes: int = 360  # a machine asleep at run time still runs on waking


@dataclass(frozen=True)
class PersonConfig:
    """Someone whose mailboxes the tracker reads and who gets their own digest ([[people]])."""

    name: str
    channels: tuple[str, ...] | None = None  # None: [reminders] channels
    smtp_to: tuple[str, ...] = ()  # where the smtp channel sends this person's digest
    language: str | None = None  # the digest's language where a translation exists


@dataclass(frozen=True)
class Config:
    database_url: str
    mailboxes: tuple[MailboxConfig, ...] = ()
    path: Path | None = None
    reminders: ReminderConfig = ReminderConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    objection: ObjectionConfig = field(default_factory=lambda: ObjectionConfig())
    dkim: DkimConfig = DkimConfig()
    people: tuple[PersonConfig, ...] = ()
    complaint: ComplaintConfig = field(default_factory=lambda: ComplaintConfig())

    def person(self, name: str) -> PersonConfig:
        for person in self.people:
            if person.name == name:
                return person
        names = ", ".join(p.name for p in self.people) or "no [[people]] configured"
        raise ConfigError(f"no person named {name!r} ({names})")

    def mailbox(self, name: str) -> MailboxConfig:
        for box in self.mailboxes:
            if box.name == name:
                return box
        names = ", ".join(b.name for b in self.mailboxes) or "none configured"
        raise ConfigError(f"no mailbox named {name!r} ({names})")


def load(path: Path | None = None, *, required: bool = False) -> Config:
    """Read the config at `path` (or the default path). A missing default file means defaults."""
    path = path or default_config_path()
    if not path.exists():
        if required:
            raise ConfigError(f"{path}: config file not found (run `objection-tracker init`)")
        return Config(database_url=default_database_url(), path=None, dkim=_dkim({}))
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    config = parse(raw, path)
    warning = exposure(config)
    if warning:
        log.warning("%s", warning)
    return config


def exposure(config: Config) -> str | None:
    """A warning when the file holds a literal password and others may read it."""
    keys = [f"mailboxes[{i}].password" for i, box in enumerate(config.mailboxes) if box.password]
    if not keys or config.path is None or os.name != "posix":
        return None
    try:
        mode = stat.S_IMODE(config.path.stat().st_mode)
    except OSError:
        return None
    if not mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    return (f"{config.path} holds a password ({', '.join(keys)}) and is readable by others "
            f"(mode {mode:04o}): run chmod 600 {config.path}")


def parse(raw: dict[str, Any], path: Path | None = None) -> Config:
    where = f"{path}: " if path else ""
    try:
        return _parse(raw, path)
    except ConfigError as exc:
        raise ConfigError(f"{where}{exc}") from None


_TOP_KEYS = {"database", "mailboxes", "reminders", "schedule", "objection", "dkim", "people",
             "complaint"}
_MAILBOX_KEYS = {
    "name", "host", "port", "security", "username", "password_env", "password_command",
    "oauth2_token_command", "keyring", "password", "folders", "since", "require_authentication",
    "ca_file", "timeout", "command_timeout", "max_message_mb", "authserv_id", "person",
}
SECRET_KEYS = ("password_env", "password_command", "oauth2_token_command", "keyring", "password")


def _parse(raw: dict[str, Any], path: Path | None) -> Config:
    _no_unknown(raw, _TOP_KEYS, "")
    database = raw.get("database", {})
    _expect(database, dict, "database")
    _no_unknown(database, {"url"}, "database.")
    url = database.get("url", default_database_url())
    _expect(url, str, "database.url")

    boxes_raw = raw.get("mailboxes", [])
    _expect(boxes_raw, list, "mailboxes")
    boxes = tuple(_mailbox(b, f"mailboxes[{i}]") for i, b in enumerate(boxes_raw))
    names = [b.name for b in boxes]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError(f"mailboxes: the name {name!r} is used twice")
    reminders = _reminders(raw.get("reminders", {}))
    schedule = _schedule(raw.get("schedule", {}))
    people = _people(raw.get("people", []), reminders)
    known = [p.name for p in people]
    for i, box in enumerate(boxes):
        if box.person is not None and box.person not in known:
            raise ConfigError(f"mailboxes[{i}].person: {box.person!r} is not in [[people]] "
                              f"({', '.join(known) or 'none configured'})")
    dkim = _dkim(raw.get("dkim", {}))
    boxes = tuple(replace(b, dkim_nameservers=dkim.nameservers) for b in boxes)
    return Config(database_url=url, mailboxes=boxes, path=path, reminders=reminders,
                  schedule=schedule, objection=_objection(raw.get("objection", {}), path),
                  dkim=dkim, people=people, complaint=_complaint(raw.get("complaint", {})))


def _dkim(raw: Any) -> DkimConfig:
    _expect(raw, dict, "dkim")
    _no_unknown(raw, {"nameservers", "import_authserv_id"}, "dkim.")
    # The environment stands in for keys the file does not set (containers, test harnesses).
    servers = raw.get("nameservers", [s.strip() for s in os.environ.get(
        "OBJECTION_TRACKER_DKIM_NAMESERVERS", "").split(",") if s.strip()])
    if not isinstance(servers, list) or not all(isinstance(s, str) and s for s in servers):
        raise ConfigError("dkim.nameservers: must be a list of \"host\" or \"host:port\" strings")
    for server in servers:
        host, _, port = server.rpartition(":") if server.count(":") == 1 else (server, "", "")
        if port and not port.isdigit():
            raise ConfigError(f"dkim.nameservers: {server!r}: the port must be a number")
        if not (host or server).strip("[]"):
            raise ConfigError(f"dkim.nameservers: {server!r}: no host")
    ident = raw.get("import_authserv_id")
    if ident is None and os.environ.get("OBJECTION_TRACKER_IMPORT_AUTHSERV_ID"):
        ident = os.environ["OBJECTION_TRACKER_IMPORT_AUTHSERV_ID"].split(",")
    return DkimConfig(nameservers=tuple(servers),
                      import_authserv_id=_authserv_ids(ident, "dkim.import_authserv_id"))


def _authserv_ids(value: Any, key: str) -> tuple[str, ...] | None:
    """An authserv-id as the header writes it (`Authentication-Results: mx.example.org; …`), or
    a list of them."""
    if value is None:
        return None
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or not all(
            isinstance(v, str) and v.strip() and not any(c.isspace() for c in v.strip()) for v in values):
        raise ConfigError(f"{key}: {value!r} must be one word as in the header "
                          "(Authentication-Results: mx.example.org; …), or a list of such words")
    return tuple(v.strip().lower() for v in values)


def _mailbox(raw: Any, key: str) -> MailboxConfig:
    _expect(raw, dict, key)
    _no_unknown(raw, _MAILBOX_KEYS, f"{key}.")
    for required in ("name", "host", "username"):
        if required not in raw:
            raise ConfigError(f"{key}.{required}: missing")
        _expect(raw[required], str, f"{key}.{required}")
    security = raw.get("security", "tls")
    if security not in SECURITY_MODES:
        raise ConfigError(f"{key}.security: {security!r} is not one of {', '.join(SECURITY_MODES)}")
    if security == "plain" and not _is_loopback(raw["host"]):
        raise ConfigError(
            f"{key}.security: \"plain\" sends the password unencrypted and is refused for "
            f"{raw['host']!r}; it is allowed only for a loopback address"
        )
    port = _port(raw.get("port", 993 if security == "tls" else 143), f"{key}.port")
    if "keyring" in raw:
        _expect(raw["keyring"], bool, f"{key}.keyring")
    # `keyring = false` names no source, so it does not count against the others.
    secrets = [k for k in SECRET_KEYS if k in raw and raw[k] is not False]
    if len(secrets) != 1:
        raise ConfigError(
            f"{key}: set exactly one of {', '.join(SECRET_KEYS[:-1])} or {SECRET_KEYS[-1]}"
            + (f" (found {', '.join(secrets)})" if secrets else "")
        )
    for k in [s for s in secrets if s != "keyring"] + ["ca_file"]:
        if k in raw:
            _expect(raw[k], str, f"{key}.{k}")
    if raw.get("password") == "":
        raise ConfigError(f"{key}.password: empty")
    folders = raw.get("folders", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) and f for f in folders):
        raise ConfigError(f"{key}.folders: must be a list of folder names")
    since = raw.get("since")
    if since is not None:
        since = _date(since, f"{key}.since")
    require_auth = raw.get("require_authentication", False)
    _expect(require_auth, bool, f"{key}.require_authentication")
    authserv_id = _authserv_ids(raw.get("authserv_id"), f"{key}.authserv_id")
    timeout = raw.get("timeout", 30.0)
    if not _positive(timeout):
        raise ConfigError(f"{key}.timeout: must be a positive number of seconds")
    limits = {name: raw.get(name, default) for name, default in
              (("command_timeout", 300.0), ("max_message_mb", 50.0))}
    for name, value in limits.items():
        if not _positive(value):
            raise ConfigError(f"{key}.{name}: must be a positive number")
    if "person" in raw:
        _expect(raw["person"], str, f"{key}.person")
    return MailboxConfig(
        name=raw["name"], host=raw["host"], username=raw["username"], port=port,
        security=security, password_env=raw.get("password_env"),
        password_command=raw.get("password_command"),
        oauth2_token_command=raw.get("oauth2_token_command"), keyring=raw.get("keyring", False),
        password=raw.get("password"), folders=tuple(folders),
        since=since, require_authentication=require_auth, ca_file=raw.get("ca_file"),
        timeout=float(timeout), command_timeout=float(limits["command_timeout"]),
        max_message_mb=float(limits["max_message_mb"]),
        authserv_id=authserv_id, person=raw.get("person"),
    )


_REMINDER_KEYS = {"every_days", "stale_after_days", "channels", "smtp"}
_SMTP_KEYS = {"host", "port", "security", "username", "password_env", "password_command", "from",
              "to", "ca_file", "timeout"}
_SMTP_PORTS = {"tls": 465, "starttls": 587, "plain": 25}


def _reminders(raw: Any) -> ReminderConfig:
    _expect(raw, dict, "reminders")
    _no_unknown(raw, _REMINDER_KEYS, "reminders.")
    every = _whole(raw.get("every_days", 7), "reminders.every_days")
    stale = _whole(raw.get("stale_after_days", 14), "reminders.stale_after_days")
    channels = _channels(raw.get("channels", ["stdout"]), "reminders.channels")
    smtp = _smtp(raw["smtp"]) if "smtp" in raw else None
    if "smtp" in channels and smtp is None:
        raise ConfigError("reminders.channels: \"smtp\" needs a [reminders.smtp] block")
    return ReminderConfig(every_days=every, stale_after_days=stale, channels=tuple(channels),
                          smtp=smtp)


def _channels(channels: Any, key: str) -> list[str]:
    if not isinstance(channels, list) or not all(isinstance(c, str) and c for c in channels):
        raise ConfigError(f"{key}: must be a list such as [\"stdout\", \"smtp\"]")
    for i, channel in enumerate(channels):
        if channel not in ("stdout", "smtp") and "://" not in channel:
            raise ConfigError(f"{key}[{i}]: {channel!r} is not \"stdout\", \"smtp\" "
                              "or an Apprise URL (such as ntfy://ntfy.sh/my-topic)")
        if channel in channels[:i]:
            raise ConfigError(f"{key}[{i}]: listed twice")
    return channels


_PERSON_KEYS = {"name", "channels", "smtp_to", "language"}


def _people(raw: Any, reminders: ReminderConfig) -> tuple[PersonConfig, ...]:
    _expect(raw, list, "people")
    people = []
    for i, entry in enumerate(raw):
        key = f"people[{i}]"
        _expect(entry, dict, key)
        _no_unknown(entry, _PERSON_KEYS, f"{key}.")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{key}.name: missing (a short name such as \"mum\")")
        if name in [p.name for p in people]:
            raise ConfigError(f"{key}.name: {name!r} is used twice")
        channels = None
        if "channels" in entry:
            channels = tuple(_channels(entry["channels"], f"{key}.channels"))
        smtp_to = entry.get("smtp_to", [])
        if isinstance(smtp_to, str):
            smtp_to = [smtp_to]
        if not isinstance(smtp_to, list) or not all(isinstance(a, str) and "@" in a
                                                    for a in smtp_to):
            raise ConfigError(f"{key}.smtp_to: must be a list of mail addresses")
        if "smtp" in (channels if channels is not None else reminders.channels):
            if reminders.smtp is None:
                raise ConfigError(f"{key}.channels: \"smtp\" needs a [reminders.smtp] block")
            if not smtp_to:  # never the owner's reminders.smtp.to: it is someone else's digest
                raise ConfigError(f"{key}.smtp_to: missing (where the smtp channel sends "
                                  f"{name}'s digest)")
        language = entry.get("language")
        if language is not None:
            _expect(language, str, f"{key}.language")
            if not (2 <= len(language) <= 3 and language.isascii() and language.isalpha()):
                raise ConfigError(f"{key}.language: {language!r} is not a language code "
                                  "(such as \"de\")")
            language = language.lower()
        people.append(PersonConfig(name=name, channels=channels, smtp_to=tuple(smtp_to),
                                   language=language))
    return tuple(people)


def _smtp(raw: Any) -> SmtpConfig:
    key = "reminders.smtp"
    _expect(raw, dict, key)
    _no_unknown(raw, _SMTP_KEYS, f"{key}.")
    for required in ("host", "from", "to"):
        if required not in raw:
            raise ConfigError(f"{key}.{required}: missing")
    for k in ("host", "from", "username", "password_env", "password_command", "ca_file"):
        if k in raw:
            _expect(raw[k], str, f"{key}.{k}")
    to = raw["to"]
    if isinstance(to, str):
        to = [to]
    if not isinstance(to, list) or not to or not all(isinstance(a, str) and "@" in a for a in to):
        raise ConfigError(f"{key}.to: must be a list of mail addresses")
    security = raw.get("security", "tls")
    if security not in SECURITY_MODES:
        raise ConfigError(f"{key}.security: {security!r} is not one of {', '.join(SECURITY_MODES)}")
    if security == "plain" and not _is_loopback(raw["host"]):
        raise ConfigError(f"{key}.security: \"plain\" sends mail (and any password) unencrypted and "
                          f"is refused for {raw['host']!r}; it is allowed only for a loopback address")
    port = _port(raw.get("port", _SMTP_PORTS[security]), f"{key}.port")
    secrets = [k for k in ("password_env", "password_command") if k in raw]
    if len(secrets) > 1:
        raise ConfigError(f"{key}: set at most one of password_env, password_command")
    if secrets and "username" not in raw:
        raise ConfigError(f"{key}.username: missing (needed with {secrets[0]})")
    if "username" in raw and not secrets:
        raise ConfigError(f"{key}: username is set, so set password_env or password_command too")
    timeout = raw.get("timeout", 30.0)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise ConfigError(f"{key}.timeout: must be a positive number of seconds")
    return SmtpConfig(
        host=raw["host"], sender=raw["from"], to=tuple(to), port=port, security=security,
        username=raw.get("username"), password_env=raw.get("password_env"),
        password_command=raw.get("password_command"), ca_file=raw.get("ca_file"),
        timeout=float(timeout),
    )


def _schedule(raw: Any) -> ScheduleConfig:
    _expect(raw, dict, "schedule")
    _no_unknown(raw, {"cron", "timezone", "misfire_grace_minutes"}, "schedule.")
    cron = raw.get("cron", ScheduleConfig.cron)
    _expect(cron, str, "schedule.cron")
    if cron != ScheduleConfig.cron:  # the default is valid: every command reads the config
        from tracker.act.schedule import parse_cron  # late: it reads this module's types

        try:
            parse_cron(cron)
        except ValueError as exc:
            raise ConfigError(f"schedule.cron: {cron!r}: {exc}") from None
    zone = raw.get("timezone")
    if zone is not None:
        _expect(zone, str, "schedule.timezone")
        import zoneinfo  # here: every command reads the config, few name a zone

        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"schedule.timezone: {zone!r} is not a time zone name "
                              "(such as Europe/Berlin)") from None
    grace = _whole(raw.get("misfire_grace_minutes", 360), "schedule.misfire_grace_minutes", least=1)
    return ScheduleConfig(cron=cron, timezone=zone, misfire_grace_minutes=grace)


def _whole(value: Any, key: str, least: int = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise ConfigError(f"{key}: must be a whole number, {least} or more")
    return value


def _date(value: Any, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{key}: {value!r} is not a date (write it as YYYY-MM-DD)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _no_unknown(raw: dict[str, Any], allowed: set[str], prefix: str) -> None:
    for k in raw:
        if k not in allowed:
            import difflib  # here: only a wrong key needs it

            near = difflib.get_close_matches(k, sorted(allowed), n=1)
            raise ConfigError(f"{prefix}{k}: unknown key"
                              + (f" (did you mean {near[0]}?)" if near else ""))


def _port(value: Any, key: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        raise ConfigError(f"{key}: {value!r} is text; write it without quotes: "
                          f"port = {value.strip()}")
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 65536:
        raise ConfigError(f"{key}: {value!r} is not a port number")
    return value


def secret_variables(config: Config) -> list[str]:
    """The environment variables the config takes secrets from (for the crontab's comment)."""
    return list(secret_users(config))


def secret_users(config: Config) -> dict[str, list[str]]:
    """Each environment variable the config takes a secret from -> what needs it ("mailbox
    'personal'", "[reminders.smtp]"): what a scheduled run must be given (`schedule`)."""
    found: dict[str, list[str]] = {}
    for box in config.mailboxes:
        if box.password_env:
            found.setdefault(box.password_env, []).append(f"mailbox {box.name!r}")
    smtp = config.reminders.smtp
    if smtp and smtp.password_env:
        found.setdefault(smtp.password_env, []).append("[reminders.smtp]")
    return found


def _expect(value: Any, kind: type, key: str) -> None:
    if not isinstance(value, kind):
        raise ConfigError(f"{key}: expected {kind.__name__}, got {type(value).__name__}")


# --- [objection]: the user's own text for the form's "how does this processing impact you" field


@dataclass(frozen=True)
class ObjectionConfig:
    text: str | None = None  # replaces the built-in templates, in every language
    text_file: Path | None = None  # read when `object` runs (relative to the config file)


def _objection(raw: Any, path: Path | None) -> ObjectionConfig:
    _expect(raw, dict, "objection")
    _no_unknown(raw, {"text", "text_file"}, "objection.")
    if "text" in raw and "text_file" in raw:
        raise ConfigError("objection: set text or text_file, not both")
    text = raw.get("text")
    if text is not None:
        _expect(text, str, "objection.text")
        if not text.strip():
            raise ConfigError("objection.text: empty")
    text_file = raw.get("text_file")
    if text_file is not None:
        _expect(text_file, str, "objection.text_file")
        text_file = Path(text_file).expanduser()
        if not text_file.is_absolute() and path is not None:
            text_file = path.parent / text_file
    return ObjectionConfig(text=text, text_file=text_file)


def _positive(value: object) -> bool:
    """A positive, finite number (TOML allows inf and nan: `max_message_mb = inf` overflowed)."""
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and value > 0)


# --- [complaint]: who a complaint about an unanswered objection goes to, and who signs it


@dataclass(frozen=True)
class ComplaintConfig:
    authority: str | None = None  # a key of tracker/act/authorities.toml, or the authority's name
    name: str | None = None  # the complainant, as the letters are signed
    language: str | None = None  # en, de or fr; None: the authority's own


def _complaint(raw: Any) -> ComplaintConfig:
    _expect(raw, dict, "complaint")
    _no_unknown(raw, {"authority", "name", "language"}, "complaint.")
    values = {}
    for key in ("authority", "name", "language"):
        if key in raw:
            _expect(raw[key], str, f"complaint.{key}")
            if not raw[key].strip():
                raise ConfigError(f"complaint.{key}: empty")
            values[key] = raw[key].strip()
    if values.get("language", "en").lower() not in ("en", "de", "fr"):
        raise ConfigError(f"complaint.language: {values['language']!r} is not en, de or fr")
    return ComplaintConfig(**values)
