"""A real, throwaway Dovecot IMAP server for tests and benchmarks.

``DovecotServer`` writes a self-contained Dovecot 2.3 configuration under a directory, runs
``dovecot -F -c CONF`` in the foreground under ``subprocess.Popen`` on free loopback ports and
offers helpers to seed and inspect mailboxes (over IMAP with imapclient, or straight into the
Maildir for bulk data).

Requirements (see ``tests/tools/install-dovecot.sh``): Dovecot 2.3 (Debian 12's
``dovecot-imapd``). Who the server runs as (``RunAs``):

- started by root (CI): the mail belongs to the ``vmail`` system user (Dovecot refuses to hand
  mail to uid 0), the auth process runs as ``dovecot``, the login processes as ``dovenull``;
- started by anyone else: every Dovecot process runs as that user ("rootless": the
  ``default_internal_user``, ``default_login_user``, ``mail_uid`` and the userdb's uid are all
  that user), and the files need no chown. No system user is needed.

Usage::

    server = DovecotServer(tmp_path / "imap", users={"alice": "secret"}, tls=trustme.CA())
    server.start()
    uid = server.append("alice", "INBOX", raw_message)
    ...
    server.stop()

or as a context manager (``with DovecotServer(...) as server:``).

Layout of ``root``: ``dovecot.conf``, ``dovecot.log``, ``dovecot.stderr``, the TLS key and
certificate, and ``data/`` (``mail/USER`` Maildirs, ``home/USER``, ``passwd.d/USER``,
``state/``), which may be a symlink to /tmp: see ``DovecotServer``. UNIX sockets live in a
short-lived directory of their own under /tmp (``base_dir``), removed by ``stop()``.
"""

from __future__ import annotations

import atexit
import contextlib
import grp
import http.server
import json
import os
import pwd
import re
import shutil
import socket
import ssl
import stat
import subprocess
import tempfile
import threading
import time
import urllib.parse
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

import trustme
from imapclient import IMAPClient

__all__ = ["DovecotError", "DovecotServer", "RunAs", "find_free_port"]

VMAIL_USER = "vmail"
START_TIMEOUT = 20.0
IMAP_TIMEOUT = 15.0

# The harness's own IMAP sessions (append, flags, ...) identify themselves with this IMAP ID so
# that bytes_sent() can leave them out: benchmarks want to measure the client under test only.
HARNESS_ID_NAME = "objection-tracker-test-harness"

# Dovecot's default mail_log_prefix is "%s(%u)<%{pid}><%{session}>: ", e.g.
#   "Nov 29 01:50:00 imap(alice)<4711><dWgW0yUQ8LF/AAAB>: Info: Disconnected: Logged out
#    in=52 out=612 deleted=0 expunged=0 trashed=0 hdr_count=0 hdr_bytes=0 body_count=0 ..."
_DISCONNECT_RE = re.compile(
    r"\bimap\((?P<user>[^)]*)\)<\d+><(?P<session>[^>]*)>: Info: Disconnected:.*?\bout=(?P<out>\d+)"
)
# With imap_id_log = *, the login process logs the pre-login ID of each session:
#   "imap-login: Info: ID sent: name=objection-tracker-test-harness: user=<>, rip=..., ...,
#    session=<dWgW0yUQ8LF/AAAB>"
_ID_RE = re.compile(r"\bID sent: (?P<id>.*?): user=<.*\bsession=<(?P<session>[^>]*)>")


# Servers still running when the interpreter exits (a crashed fixture, Ctrl-C in pytest) are
# stopped then, so no orphaned Dovecot keeps its ports and base_dir; after that, the data
# directories this process made under /tmp (see DovecotServer) are removed.
_RUNNING: weakref.WeakSet[DovecotServer] = weakref.WeakSet()
_RELOCATED: list[Path] = []


@atexit.register
def _clean_up_at_exit() -> None:
    for server in list(_RUNNING):
        with contextlib.suppress(Exception):
            server.stop()
    for path in _RELOCATED:
        shutil.rmtree(path, ignore_errors=True)


class DovecotError(RuntimeError):
    """Dovecot did not start, or a harness operation failed."""


@dataclass(frozen=True)
class RunAs:
    """Who a test server's processes run as and who owns its mail files.

    ``rootless``: everything runs as the invoking (non-root) user, whose uid/gid and names
    these are; otherwise Dovecot starts as root, the mail belongs to ``vmail`` (uid/gid) and
    the internal and login processes use Dovecot's own default users.
    """

    rootless: bool
    uid: int
    gid: int
    user: str
    group: str

    @classmethod
    def current(cls) -> RunAs:
        """Root: the ``vmail`` user (as CI runs). Anyone else: that user, rootless."""
        if os.geteuid() == 0:
            vmail = _vmail()
            return cls(False, vmail.pw_uid, vmail.pw_gid, vmail.pw_name,
                       grp.getgrgid(vmail.pw_gid).gr_name)
        return cls.user_of(os.geteuid(), os.getegid())

    @classmethod
    def user_of(cls, uid: int, gid: int) -> RunAs:
        """Rootless as the given (non-root) user: names looked up from uid and gid."""
        if uid == 0:
            raise ValueError("uid 0 is not rootless")
        return cls(True, uid, gid, pwd.getpwuid(uid).pw_name, grp.getgrgid(gid).gr_name)


def find_free_port() -> int:
    """Return a TCP port on 127.0.0.1 that was free a moment ago.

    There is an unavoidable race between closing the probe socket and Dovecot binding the
    port; ``DovecotServer.start`` retries with fresh ports when the bind fails.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _IntrospectionHandler(http.server.BaseHTTPRequestHandler):
    """OAuth2 token introspection (RFC 7662 style), as Dovecot's oauth2 passdb calls it.

    With ``introspection_mode = post`` Dovecot POSTs ``token=...&client_id=&client_secret=``.
    """

    server: _IntrospectionServer

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0]
        username = self.server.lookup(token)
        body: dict[str, object]
        body = {"active": True, "username": username} if username else {"active": False}
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep pytest output clean; Dovecot's log shows the outcome


class _IntrospectionServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, tokens: dict[str, str], lock: threading.Lock) -> None:
        super().__init__(("127.0.0.1", 0), _IntrospectionHandler)
        self._tokens = tokens  # owned by the DovecotServer: they survive a restart
        self._lock = lock

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def lookup(self, token: str) -> str | None:
        with self._lock:
            return self._tokens.get(token)


class DovecotServer:
    """One Dovecot instance with its config, log and mail under ``root``.

    Dovecot's unprivileged processes (started by root: auth as "dovecot", imap as "vmail";
    rootless: all as the invoking user) must traverse every
    directory above the files they use; pytest's ``tmp_path`` and ``mkdtemp()`` are below 0700
    directories. So the data they need (mail, homes, passwd files, state) lives in
    ``root/data``: a real directory when ``root`` can be traversed by others, otherwise a
    symlink to a 0755 directory under /tmp that is removed when the Python process exits.
    ``data_dir`` is the resolved path. Config, log and TLS key stay in ``root`` (root-only).

    ``users`` maps user names to plain-text passwords (non-ASCII works with AUTHENTICATE PLAIN,
    i.e. imapclient's ``plain_login``; ``:`` and newlines are not allowed by the passwd-file).
    ``tls``: a trustme CA to issue the server certificate (for ``localhost`` and ``127.0.0.1``);
    enables STARTTLS on ``port`` and implicit TLS on ``tls_port``.
    ``oauth2``: enable XOAUTH2/OAUTHBEARER against a local token-introspection endpoint whose
    tokens are managed with ``set_token`` / ``revoke``.
    ``maildir_layout``: Dovecot's default Maildir++ (folders are ``.A.B`` directories) refuses
    folder names containing ``.`` ("Character not allowed in mailbox name"); ``"fs"`` (folders
    are nested directories) allows them, as Gmail or Exchange do.
    ``auth_failure_delay``: seconds Dovecot waits before answering a failed login (Dovecot's
    default is 2; the harness uses 0, which still leaves about 0.5 s). The per-IP penalty that
    Dovecot adds on top (2 to 15 s before every further login) is always switched off.
    """

    def __init__(
        self,
        root: Path | str,
        users: dict[str, str] | None = None,
        tls: trustme.CA | None = None,
        oauth2: bool = False,
        maildir_layout: Literal["maildir++", "fs"] = "maildir++",
        auth_failure_delay: int = 0,
    ) -> None:
        self.root = Path(root).absolute()
        self.users: dict[str, str] = dict(users if users is not None else {"alice": "secret"})
        for user, password in self.users.items():
            _check_passwd_entry(user, password)
        self.ca: trustme.CA | None = tls
        self.oauth2 = oauth2
        self.maildir_layout = maildir_layout
        self.auth_failure_delay = auth_failure_delay
        self.host = "127.0.0.1"
        self.port = 0
        self.tls_port: int | None = None
        self.conf_path = self.root / "dovecot.conf"
        self.log_path = self.root / "dovecot.log"
        self.stderr_path = self.root / "dovecot.stderr"
        self.data_dir = _data_dir(self.root)
        # One passwd-file per user (see _write_passwd for why).
        self.passwd_dir = self.data_dir / "passwd.d"
        self.mail_root = self.data_dir / "mail"
        self.home_root = self.data_dir / "home"
        self._base_dir: Path | None = None
        self._log_start = 0  # log offset where the running instance's lines begin
        self._proc: subprocess.Popen[bytes] | None = None
        self._http: _IntrospectionServer | None = None
        self._http_thread: threading.Thread | None = None
        self._tokens: dict[str, str] = {}
        self._tokens_lock = threading.Lock()
        self._maildir_clock = (0, 0)  # last (seconds, microseconds) used in a Maildir file name
        self._maildir_seq = 0

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> DovecotServer:
        """Write the config, start Dovecot and wait until it greets. Returns self."""
        if self._proc is not None:
            raise DovecotError("already started")
        if dovecot_binary() is None:
            raise DovecotError("dovecot is not installed: run tests/tools/install-dovecot.sh as root")
        run_as = RunAs.current()
        self._prepare_dirs(run_as)
        for user in self.users:
            self._write_passwd(user)
        if self.oauth2:
            self._start_introspection()
        try:
            last_error: DovecotError | None = None
            # Ports are picked before Dovecot binds them; another process may take one in
            # between. Dovecot then exits with "Address already in use": retry with new ports.
            for _attempt in range(5):
                self.port = find_free_port()
                self.tls_port = find_free_port() if self.ca is not None else None
                self._write_config(run_as)
                try:
                    self._spawn_and_wait()
                    _RUNNING.add(self)
                    return self
                except _PortInUse as exc:
                    last_error = exc
            raise DovecotError(f"could not bind free ports: {last_error}")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        """Stop Dovecot (SIGTERM to the foreground master, which stops its children)."""
        _RUNNING.discard(self)
        proc, self._proc = self._proc, None
        if proc is not None:
            # Takes about a second: the master waits for its log process to drain.
            _terminate(proc)
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None
        if self._http_thread is not None:
            self._http_thread.join(timeout=5)
            self._http_thread = None
        if self._base_dir is not None:
            shutil.rmtree(self._base_dir, ignore_errors=True)
            self._base_dir = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _prepare_dirs(self, run_as: RunAs) -> None:
        for sub in (self.data_dir / "state", self.passwd_dir, self.mail_root, self.home_root):
            sub.mkdir(exist_ok=True)
            sub.chmod(0o755)
        if not run_as.rootless:  # rootless: they are the user's own already
            for sub in (self.mail_root, self.home_root):
                os.chown(sub, run_as.uid, run_as.gid)
        # base_dir holds the UNIX sockets; sun_path is limited to 108 bytes and pytest's tmp
        # paths can be long, so it lives in a short directory of its own under /tmp.
        if self._base_dir is None:
            self._base_dir = Path(tempfile.mkdtemp(prefix="dovecot-"))
            self._base_dir.chmod(0o755)

    def _write_passwd(self, user: str) -> None:
        # Dovecot checks a passwd-file for changes at most once per second, so a user added to
        # a shared file may stay unknown for up to a second. With a file per user (the passdb
        # path contains %u) a new user's file is read on its first lookup.
        path = self.passwd_dir / user
        tmp = self.passwd_dir / f".{user}.tmp"
        tmp.write_text(f"{user}:{{PLAIN}}{self.users[user]}\n", encoding="utf-8")
        if os.geteuid() == 0:
            # The auth process runs as "dovecot": readable by that group only.
            shutil.chown(tmp, group=_dovecot_group())
            tmp.chmod(0o640)
        else:
            tmp.chmod(0o600)  # rootless: the auth process runs as the file's owner
        tmp.replace(path)  # atomic: a concurrent login never sees half a file

    def _start_introspection(self) -> None:
        if self._http is not None:
            return
        self._http = _IntrospectionServer(self._tokens, self._tokens_lock)
        self._http_thread = threading.Thread(
            target=self._http.serve_forever, name="oauth2-introspection", daemon=True
        )
        self._http_thread.start()

    def _write_config(self, run_as: RunAs) -> None:
        self.conf_path.write_text(self.render_config(run_as), encoding="utf-8")
        self.conf_path.chmod(0o644)

    def render_config(self, run_as: RunAs) -> str:
        """The dovecot.conf for the current ports and options, for processes running as
        ``run_as``. Writes the TLS certificate and the oauth2 settings next to it."""
        if self._base_dir is None:
            raise DovecotError("no base_dir yet: start() makes it")
        root = self.root
        mechanisms = "plain login"
        oauth2_passdb = ""
        if self.oauth2:
            assert self._http is not None
            mechanisms += " xoauth2 oauthbearer"
            oauth2_ext = self.data_dir / "oauth2.conf.ext"
            oauth2_ext.write_text(
                "introspection_mode = post\n"
                f"introspection_url = http://127.0.0.1:{self._http.port}/introspect\n"
                "username_attribute = username\n"
                "active_attribute = active\n"
                "active_value = true\n"
                "force_introspection = yes\n"
            )
            oauth2_ext.chmod(0o644)
            # Must come before the passwd-file passdb. A token the endpoint refuses then falls
            # through to the passwd-file, where it fails unless it equals the user's password.
            oauth2_passdb = (
                "passdb {\n"
                "  driver = oauth2\n"
                "  mechanisms = xoauth2 oauthbearer\n"
                f"  args = {oauth2_ext}\n"
                "}\n"
            )

        tls_settings = "ssl = no\n"
        imaps_port = 0
        if self.ca is not None:
            assert self.tls_port is not None
            cert = self.ca.issue_cert("localhost", "127.0.0.1")
            cert_path, key_path = root / "server-cert.pem", root / "server-key.pem"
            # leaf first, then the chain
            cert_path.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
            cert.private_key_pem.write_to_path(str(key_path))
            key_path.chmod(0o600)
            tls_settings = f"ssl = yes\nssl_cert = <{cert_path}\nssl_key = <{key_path}\n"
            imaps_port = self.tls_port

        layout = ":LAYOUT=fs" if self.maildir_layout == "fs" else ""
        rootless = ""
        if run_as.rootless:
            # Dovecot started by an ordinary user cannot switch users: every process runs as
            # that user (Dovecot's "rootless" set-up), which therefore also owns the mail.
            rootless = (
                "# Rootless: started by an ordinary user, every process runs as that user.\n"
                f"default_internal_user = {run_as.user}\n"
                f"default_internal_group = {run_as.group}\n"
                f"default_login_user = {run_as.user}\n"
            )
        return f"""\
# Generated by tests/imap_server.py for a throwaway test server (Dovecot 2.3).
instance_name = dovecot-test-{self.port}
protocols = imap
listen = 127.0.0.1
{rootless}base_dir = {self._base_dir}
state_dir = {self.data_dir / "state"}
log_path = {self.log_path}
auth_verbose = yes
# No caching of logins: set_token()/revoke()/add_user() apply to the very next login.
auth_cache_size = 0
# Dovecot delays the answer to each failed login (default 2 s); see also anvil-auth-penalty.
auth_failure_delay = {self.auth_failure_delay}
# imap_id_log: lets bytes_sent() recognise (and skip) the harness's own sessions.
imap_id_log = *
disable_plaintext_auth = no
auth_mechanisms = {mechanisms}
{tls_settings}
mail_location = maildir:{self.mail_root}/%u{layout}
mail_uid = {run_as.uid}
mail_gid = {run_as.gid}
first_valid_uid = {run_as.uid}
last_valid_uid = {run_as.uid}
first_valid_gid = {run_as.gid}

{oauth2_passdb}passdb {{
  # No "mechanisms" restriction here: the static userdb checks that a user exists with a
  # mechanism-less passdb lookup (e.g. for doveadm), which a restricted passdb would skip.
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.passwd_dir}/%u
}}
userdb {{
  driver = static
  args = uid={run_as.uid} gid={run_as.gid} home={self.home_root}/%u
}}

namespace inbox {{
  inbox = yes
  separator = /
  mailbox Junk {{
    special_use = \\Junk
    auto = create
  }}
  mailbox Archive {{
    special_use = \\All
    auto = create
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = create
  }}
}}

service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  # No penalty socket: the auth process then skips its per-IP penalty for failed logins
  # (2, 4, 8, 15 s before *every* next login from 127.0.0.1, successful ones too).
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  # imap processes run as vmail and report to stats-writer; the default 0660 makes them log
  # "Permission denied" errors.
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""

    def _spawn_and_wait(self) -> None:
        log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.stderr_path, "wb") as stderr:
            self._proc = subprocess.Popen(
                [str(dovecot_binary()), "-F", "-c", str(self.conf_path)],
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
                start_new_session=True,  # a Ctrl-C in pytest should not hit Dovecot first
            )
        deadline = time.monotonic() + START_TIMEOUT
        ports = [self.port] + ([self.tls_port] if self.tls_port else [])
        pending = list(ports)
        while pending:
            # A master that failed (e.g. "Fatal: Failed to start listeners") takes about two
            # seconds to exit, waiting for its log process: watch the log instead.
            fatal = "Fatal: " in _tail(self.log_path, log_offset)
            if fatal or self._proc.poll() is not None:
                proc, self._proc = self._proc, None
                if proc.poll() is None:
                    proc.kill()  # it is failing anyway, and ignores SIGTERM while doing so
                proc.wait(timeout=10)
                message = self._startup_failure(proc.returncode, log_offset)
                if "Address already in use" in message:
                    raise _PortInUse(message)
                raise DovecotError(message)
            if time.monotonic() > deadline:
                raise DovecotError(
                    f"Dovecot did not greet on {self.host}:{pending[0]} within "
                    f"{START_TIMEOUT:.0f} s\n{self._startup_failure(None, log_offset)}"
                )
            # The port accepting is not enough: a connection that arrives before the login
            # process has its auth connection gets no greeting yet (Dovecot logs "disconnected
            # before auth was ready"). The greeting is only sent once auth is ready.
            if _greets(self.host, pending[0], tls=pending[0] == self.tls_port):
                pending.pop(0)
            else:
                time.sleep(0.05)
        self._log_start = log_offset

    def _startup_failure(self, returncode: int | None, log_offset: int) -> str:
        status = "still running" if returncode is None else f"exited with status {returncode}"
        stderr = _tail(self.stderr_path, 0)
        log = _tail(self.log_path, log_offset)
        return (
            f"Dovecot ({self.conf_path}) {status}\n"
            f"--- stderr ---\n{stderr or '(empty)'}\n--- {self.log_path} ---\n{log or '(empty)'}"
        )

    # ------------------------------------------------------------------ users and tokens

    def add_user(self, user: str, password: str) -> None:
        """Add a user (usable at once) or change a password (after up to a second)."""
        _check_passwd_entry(user, password)
        self.users[user] = password
        if self.passwd_dir.exists():
            self._write_passwd(user)

    def set_token(self, token: str, user: str) -> None:
        """Make the introspection endpoint accept ``token`` for ``user`` (needs oauth2=True).

        Dovecot keeps no auth cache here (auth_cache_size = 0): changes apply to the next login.
        """
        self._require_oauth2()
        with self._tokens_lock:
            self._tokens[token] = user

    def revoke(self, token: str) -> None:
        """Make the introspection endpoint answer ``{"active": false}`` for ``token``."""
        self._require_oauth2()
        with self._tokens_lock:
            self._tokens.pop(token, None)

    def _require_oauth2(self) -> None:
        if not self.oauth2:
            raise DovecotError("this server was created with oauth2=False")

    # ------------------------------------------------------------------ IMAP helpers

    def ssl_context(self) -> ssl.SSLContext:
        """A client context trusting this server's CA (requires tls)."""
        if self.ca is None:
            raise DovecotError("this server was created without tls")
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    @contextlib.contextmanager
    def client(
        self, user: str, password: str | None = None, *, implicit_tls: bool = False
    ) -> Iterator[IMAPClient]:
        """A logged-in IMAPClient for the harness's own use (tagged so bytes_sent skips it).

        Uses implicit TLS on ``tls_port`` when ``implicit_tls``; otherwise the plain port.
        """
        if implicit_tls:
            if self.tls_port is None:
                raise DovecotError("this server was created without tls")
            imap = IMAPClient(
                self.host,
                self.tls_port,
                ssl=True,
                ssl_context=self.ssl_context(),
                timeout=IMAP_TIMEOUT,
            )
        else:
            imap = IMAPClient(self.host, self.port, ssl=False, timeout=IMAP_TIMEOUT)
        try:
            imap.id_({"name": HARNESS_ID_NAME})
            # AUTHENTICATE PLAIN: unlike LOGIN it copes with non-ASCII passwords.
            imap.plain_login(user, password if password is not None else self.users[user])
            yield imap
            imap.logout()
        except BaseException:
            with contextlib.suppress(Exception):
                imap.shutdown()
            raise

    def append(
        self,
        user: str,
        folder: str,
        raw: bytes,
        flags: Sequence[str | bytes] = (),
        date: datetime | None = None,
        meta_signed: bool = True,
    ) -> int:
        """APPEND a message (creating the folder if missing); returns its UID.

        Mail from a Meta domain arrives DKIM-signed, as Meta's does (tests/dkim_keys.py, with the
        harness key the test DNS serves); `meta_signed=False` delivers it as given (a forgery)."""
        if meta_signed:
            from tests.dkim_keys import harness_sign

            raw = harness_sign(raw)
        with self.client(user) as imap:
            if not imap.folder_exists(folder):
                imap.create_folder(folder)
            response = imap.append(folder, raw, flags=tuple(flags), msg_time=date)
        match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
        if match is None:
            raise DovecotError(f"APPEND gave no APPENDUID: {response!r}")
        return int(match.group(1))

    def create_folder(self, user: str, name: str) -> None:
        """CREATE a folder (imapclient encodes non-ASCII names as modified UTF-7)."""
        with self.client(user) as imap:
            imap.create_folder(name)

    def delete_folder(self, user: str, name: str) -> None:
        """DELETE a folder; re-creating it later gives it a new UIDVALIDITY."""
        with self.client(user) as imap:
            imap.delete_folder(name)

    def folders(self, user: str) -> list[tuple[tuple[bytes, ...], str]]:
        """LIST: ``[(flags, name), ...]``."""
        with self.client(user) as imap:
            return [(tuple(flags), name) for flags, _sep, name in imap.list_folders()]

    def uidvalidity(self, user: str, folder: str) -> int:
        with self.client(user) as imap:
            return int(imap.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"])

    def flags(self, user: str, folder: str) -> dict[int, tuple[str, ...]]:
        """``{uid: flags}`` of every message in ``folder``, without \\Recent.

        Read-only (EXAMINE): changes no flags.
        """
        with self.client(user) as imap:
            imap.select_folder(folder, readonly=True)
            uids = imap.search("ALL")
            if not uids:
                return {}
            # \Recent is per session (and the harness's EXAMINE does not consume it): leave
            # it out so results do not depend on which session saw the message first.
            return {
                int(uid): tuple(_text(flag) for flag in flags if _text(flag) != "\\Recent")
                for uid, flags in imap.get_flags(uids).items()
            }

    # ------------------------------------------------------------------ Maildir access

    def maildir(self, user: str, folder: str = "INBOX") -> Path:
        """Path of a folder's Maildir (holding cur/, new/, tmp/). INBOX is the user's root.

        Other folders are resolved by ``doveadm mailbox path`` (names are stored in modified
        UTF-7; Maildir++ layout: ``.A.B``, fs layout: ``A/B``); they need not exist yet.
        """
        if folder.upper() == "INBOX":
            return self.mail_root / user
        result = subprocess.run(
            ["doveadm", "-c", str(self.conf_path), "mailbox", "path", "-u", user, folder],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise DovecotError(f"doveadm mailbox path failed: {result.stderr.strip()}")
        return Path(result.stdout.strip())

    def write_maildir(
        self, user: str, folder: str, messages: Iterable[bytes], flags: str = "S"
    ) -> list[Path]:
        """Write messages straight into the folder's ``cur/`` (fast bulk seeding).

        Files are named ``SECS.MUSECSPpidQn.host,S=size:2,FLAGS`` with strictly increasing
        (SECS, USECS): Dovecot assigns UIDs to new files in that order, so UIDs follow the
        order of ``messages``. ``flags`` are Maildir info letters (``S`` = \\Seen, ``F`` =
        \\Flagged, ...), sorted as Maildir requires. Dovecot indexes the files on first access;
        warm the folder (e.g. SELECT + SEARCH) before timing anything.
        """
        run_as = RunAs.current()
        if folder.upper() != "INBOX":
            with self.client(user) as imap:
                if not imap.folder_exists(folder):
                    imap.create_folder(folder)
        base = self.maildir(user, folder)
        for directory in (base, base / "cur", base / "new", base / "tmp"):
            if not directory.exists():
                directory.mkdir(mode=0o700)
                if not run_as.rootless:
                    os.chown(directory, run_as.uid, run_as.gid)
        cur = base / "cur"
        host = socket.gethostname().replace("/", "\\057").replace(":", "\\072")
        info = "".join(sorted(set(flags)))
        written: list[Path] = []
        for raw in messages:
            secs, usecs = self._next_maildir_time()
            self._maildir_seq += 1
            name = f"{secs}.M{usecs}P{os.getpid()}Q{self._maildir_seq}.{host},S={len(raw)}:2,{info}"
            path = cur / name
            # Write under tmp/ and rename, as a real MDA does, so Dovecot never sees half a file.
            tmp = base / "tmp" / name
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, raw)
                if not run_as.rootless:
                    os.fchown(fd, run_as.uid, run_as.gid)
            finally:
                os.close(fd)
            tmp.rename(path)
            written.append(path)
        return written

    def _next_maildir_time(self) -> tuple[int, int]:
        secs, usecs = self._maildir_clock
        now = int(time.time())
        if now > secs:
            secs, usecs = now, 0
        else:
            usecs += 1
            if usecs >= 1_000_000:
                secs, usecs = secs + 1, 0
        self._maildir_clock = (secs, usecs)
        return secs, usecs

    # ------------------------------------------------------------------ log inspection

    def log(self) -> str:
        """The whole Dovecot log so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def log_errors(self) -> list[str]:
        """Error/Fatal/Panic lines (not Warnings) logged since this instance started.

        Earlier runs on the same root, and start attempts that lost a port race, are left out.
        """
        return [
            line
            for line in _tail(self.log_path, self._log_start, lines=None).splitlines()
            if re.search(r": (Error|Fatal|Panic): ", line)
        ]

    def bytes_sent(self, user: str, *, at_least: int = 0, timeout: float = 5.0) -> list[int]:
        """The ``out=N`` byte counts of ``user``'s finished IMAP sessions, oldest first.

        Sessions opened by this harness (append, flags, ...) are left out. Dovecot writes the
        "Disconnected" line asynchronously after the client's LOGOUT: pass ``at_least`` to
        wait (up to ``timeout`` seconds) until that many sessions have been logged.
        """
        deadline = time.monotonic() + timeout
        while True:
            sent = self._bytes_sent(user)
            if len(sent) >= at_least or time.monotonic() > deadline:
                return sent
            time.sleep(0.05)

    def _bytes_sent(self, user: str) -> list[int]:
        if not self.log_path.exists():
            return []
        harness_sessions: set[str] = set()
        result: list[tuple[str, int]] = []
        for line in self.log().splitlines():
            id_match = _ID_RE.search(line)
            if id_match and f"name={HARNESS_ID_NAME}" in id_match.group("id"):
                harness_sessions.add(id_match.group("session"))
                continue
            match = _DISCONNECT_RE.search(line)
            if match and match.group("user") == user:
                result.append((match.group("session"), int(match.group("out"))))
        return [out for session, out in result if session not in harness_sessions]


class _PortInUse(DovecotError):
    pass


def _check_passwd_entry(user: str, password: str) -> None:
    if not user or user.startswith(".") or "/" in user:
        raise ValueError(f"unusable user name {user!r}: it names a file")
    for value in (user, password):
        if any(char in value for char in ":\n\r\0"):
            raise ValueError(f"passwd-file cannot hold {value!r} (':' or control character)")


def _traversable_by_others(path: Path) -> bool:
    return all(p.stat().st_mode & stat.S_IXOTH for p in [path, *path.parents])


def _data_dir(root: Path) -> Path:
    """Create ``root`` (0755) and ``root/data``; return the resolved data directory."""
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)
    link = root / "data"
    if link.is_symlink():
        target = link.resolve()
        if target.is_dir():  # a restart on the same root in this process: same mailboxes
            return target
        link.unlink()  # left by an earlier process, whose data is gone
    if _traversable_by_others(root):
        link.mkdir(mode=0o755, exist_ok=True)
        link.chmod(0o755)
        return link
    # Not chmod-ing pytest's 0700 directories: pytest resets them at each session start.
    target = Path(tempfile.mkdtemp(prefix="dovecot-data-"))
    target.chmod(0o755)
    _RELOCATED.append(target)
    link.symlink_to(target, target_is_directory=True)
    return target


def dovecot_binary() -> str | None:
    """The dovecot binary: in /usr/sbin on Debian, which is not on an ordinary user's PATH."""
    return shutil.which("dovecot") or shutil.which("dovecot", path="/usr/sbin:/sbin")


def _vmail() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(VMAIL_USER)
    except KeyError:
        raise DovecotError(
            f"system user {VMAIL_USER!r} is missing: run tests/tools/install-dovecot.sh as root"
        ) from None


def _dovecot_group() -> str:
    # Debian's package creates user and group "dovecot" (default_internal_user).
    try:
        grp.getgrnam("dovecot")
    except KeyError:
        raise DovecotError("group 'dovecot' is missing: is Dovecot installed?") from None
    return "dovecot"


def _greets(host: str, port: int, *, tls: bool) -> bool:
    """True once a connection to host:port gets an IMAP "* OK" greeting.

    Short timeout: a port taken by some other program may accept and stay silent, and the
    caller must get back to noticing that Dovecot itself has exited.
    """
    try:
        with socket.create_connection((host, port), timeout=0.25) as raw:
            sock: socket.socket = raw
            if tls:
                # Only probing readiness here; certificate checks are the tests' business.
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
                sock = context.wrap_socket(raw, server_hostname=host)
            greeting = b""
            while b"\n" not in greeting and len(greeting) < 4096:
                chunk = sock.recv(4096)
                if not chunk:
                    return False
                greeting += chunk
            with contextlib.suppress(OSError):
                sock.sendall(b"z LOGOUT\r\n")  # polite: avoids "disconnected" noise in the log
            return greeting.startswith(b"* OK")
    except (OSError, ssl.SSLError):
        return False


def _terminate(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _tail(path: Path, offset: int, lines: int | None = 30) -> str:
    """The text of ``path`` from byte ``offset`` on, or its last ``lines`` lines of it."""
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return text if lines is None else "\n".join(text.splitlines()[-lines:])


def _text(value: str | bytes) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
