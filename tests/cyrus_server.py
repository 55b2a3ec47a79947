"""A real, throwaway Cyrus IMAP server for tests: the second server the sync is checked against.

Debian's Cyrus 3.6 as the tests meet it (see ``tests/tools/install-cyrus.sh``): ``master`` from the
``cyrus-common`` package, ``imapd`` unpacked from the ``cyrus-imapd`` package into a folder of its
own (installing ``cyrus-imapd`` would remove Dovecot: the two conflict). No system service is used
or touched: ``CyrusServer`` writes its own ``imapd.conf`` and ``cyrus.conf`` under a temp folder,
runs ``master`` in the foreground on a free loopback port, and removes everything on ``stop()``.

What makes it worth testing against, compared with the Dovecot fixture:

- the personal namespace is ``INBOX.`` with ``.`` as delimiter (Debian's default
  ``altnamespace: no``, ``unixhierarchysep: no``; Courier and many hosters do the same), so the
  spam folder is ``INBOX.Junk`` and a user's ``Archiv/Bestätigungen`` is
  ``INBOX.Archiv.Bestätigungen``;
- ``special_use_always=False`` (Cyrus' ``specialusealways: no``) sends special-use flags only to
  ``LIST "" "*" RETURN (SPECIAL-USE)`` (RFC 6154), not to a plain LIST;
- flags come lower-case (``\\junk``).

Who it runs as: started by root (CI), ``master`` hands everything to the ``cyrus`` user and
``mail`` group, as Debian's service does; started by anyone else, everything runs as that user
and group (``cyrus_user``/``cyrus_group`` in its imapd.conf name them, so Cyrus' own switch to its
user finds it is that user already) and no file is chowned. No system user is needed then.

Users and passwords go into a sasldb (Berkeley DB, written with ``db5.3_load``); non-ASCII
passwords work with AUTHENTICATE PLAIN. Each user's INBOX, ``INBOX.Junk`` (flagged \\Junk),
``INBOX.Archive`` and ``INBOX.Sent`` are created at the first login (Cyrus' autocreate).
"""

from __future__ import annotations

import atexit
import contextlib
import grp
import imaplib
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

from imapclient import IMAPClient

from tests.imap_server import _greets, find_free_port

INSTALL_DIR = Path(os.environ.get("OT_CYRUS_DIR", "/usr/local/lib/objection-tracker-tests/cyrus-imapd"))
MASTER = Path("/usr/lib/cyrus/bin/master")  # from cyrus-common
IMAPD = INSTALL_DIR / "usr/lib/cyrus/bin/imapd"  # unpacked from cyrus-imapd
CYRUS_USER, CYRUS_GROUP = "cyrus", "mail"
SERVERNAME = "ot-test"  # also the SASL realm the sasldb entries are keyed by
START_TIMEOUT = 20.0
IMAP_TIMEOUT = 15.0

_RUNNING: weakref.WeakSet[CyrusServer] = weakref.WeakSet()


@atexit.register
def _stop_all() -> None:
    for server in list(_RUNNING):
        with contextlib.suppress(Exception):
            server.stop()


class CyrusError(RuntimeError):
    """Cyrus is not installed, or did not start."""


def missing() -> str | None:
    """What is missing to run Cyrus here, in words; None when everything is in place."""
    if not MASTER.exists():
        return f"{MASTER} is missing (package cyrus-common)"
    if not IMAPD.exists():
        return f"{IMAPD} is missing (unpacked from the cyrus-imapd package)"
    if shutil.which("db5.3_load") is None and shutil.which("db_load") is None:
        return "db5.3_load is missing (package db5.3-util)"
    if os.geteuid() != 0:
        return None  # rootless: runs as the invoking user, see run_as()
    try:
        pwd.getpwnam(CYRUS_USER)
        grp.getgrnam(CYRUS_GROUP)
    except KeyError:
        return f"the system user {CYRUS_USER!r} or group {CYRUS_GROUP!r} is missing"
    return None


def run_as(euid: int | None = None, egid: int | None = None) -> tuple[str, str, bool]:
    """(user, group, rootless) the server runs as: cyrus:mail when started by root, else the
    invoking user and group (or the given uid and gid: for checking the rootless config)."""
    euid = os.geteuid() if euid is None else euid
    egid = os.getegid() if egid is None else egid
    if euid == 0:
        return CYRUS_USER, CYRUS_GROUP, False
    return pwd.getpwuid(euid).pw_name, grp.getgrgid(egid).gr_name, True


class CyrusServer:
    """One Cyrus instance with its config, databases and mail under a fresh temp folder."""

    def __init__(self, users: dict[str, str], *, special_use_always: bool = False) -> None:
        self.users = dict(users)
        self.special_use_always = special_use_always
        self.host = "127.0.0.1"
        self.port = 0
        self.root: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> CyrusServer:
        problem = missing()
        if problem:
            raise CyrusError(f"{problem}: run tests/tools/install-cyrus.sh as root (or `make test`)")
        # Outside pytest's 0700 temp folders: imapd runs as cyrus and must reach its files.
        self.root = Path(tempfile.mkdtemp(prefix="ot-cyrus-"))
        self.root.chmod(0o755)
        for sub in ("conf", "spool", "sock"):
            (self.root / sub).mkdir()
        self._write_sasldb()
        user, group, rootless = run_as()
        if not rootless:  # rootless: the files are the user's own already
            owner = pwd.getpwnam(user).pw_uid, grp.getgrnam(group).gr_gid
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, *owner)
        try:
            for _attempt in range(5):  # a port taken between probing and binding: try another
                self.port = find_free_port()
                self._write_config(*run_as())
                if self._spawn_and_wait():
                    _RUNNING.add(self)
                    return self
            raise CyrusError(f"Cyrus did not greet on a free port; its output:\n{self._output()}")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        _RUNNING.discard(self)
        proc, self._proc = self._proc, None
        if proc is not None:
            _terminate(proc)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> CyrusServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _write_sasldb(self) -> None:
        assert self.root is not None
        # db_load -T: pairs of lines (key, value); a backslash and two hex digits is one byte.
        lines = []
        for user, password in self.users.items():
            lines.append(_escape(f"{user}\0{SERVERNAME}\0userPassword".encode()))
            lines.append(_escape(password.encode("utf-8")))
        text = self.root / "sasldb.txt"
        text.write_text("\n".join(lines) + "\n", encoding="ascii")
        loader = shutil.which("db5.3_load") or shutil.which("db_load")
        assert loader is not None
        subprocess.run([loader, "-T", "-t", "hash", "-f", str(text), str(self.root / "sasldb2")],
                       check=True, capture_output=True)
        text.unlink()
        (self.root / "sasldb2").chmod(0o640)

    def _write_config(self, user: str, group: str, rootless: bool) -> None:
        root = self.root
        assert root is not None
        (root / "imapd.conf").write_text(self.render_imapd_conf(user, group, rootless),
                                         encoding="utf-8")
        (root / "cyrus.conf").write_text(
            "SERVICES {\n"
            f'  imap cmd="{IMAPD} -C {root}/imapd.conf" listen="{self.host}:{self.port}" prefork=0\n'
            "}\n", encoding="utf-8")

    def render_imapd_conf(self, user: str, group: str, rootless: bool) -> str:
        """imapd.conf for a server whose processes run as user:group (see run_as())."""
        root = self.root
        if root is None:
            raise CyrusError("no folder yet: start() makes it")
        # Cyrus switches to cyrus_user (and cyrus_group) at start; when it already is that user,
        # as a rootless server is, it stays. Named for root too, so Debian's build defaults and
        # a CYRUS_USER in the environment do not matter (_spawn_and_wait sets the same).
        return f"""\
# Generated by tests/cyrus_server.py for a throwaway test server (Cyrus 3.6).
# {"Rootless: started by an ordinary user, it runs as that user." if rootless else "Started by root."}
cyrus_user: {user}
cyrus_group: {group}

configdirectory: {root}/conf
partition-default: {root}/spool
servername: {SERVERNAME}
# Debian's defaults: INBOX. as the personal namespace's prefix, "." as the delimiter.
altnamespace: no
unixhierarchysep: no
hashimapspool: false
allowplaintext: yes
sasl_pwcheck_method: auxprop
sasl_auxprop_plugin: sasldb
sasl_sasldb_path: {root}/sasldb2
sasl_mech_list: PLAIN LOGIN
# Every user's folders made at the first login, the spam folder flagged \\Junk.
autocreate_quota: 0
autocreate_inbox_folders: Junk | Archive | Sent
xlist-junk: Junk
xlist-archive: Archive
xlist-sent: Sent
specialusealways: {"yes" if self.special_use_always else "no"}
idlesocket: {root}/sock/idle
notifysocket: {root}/sock/notify
lmtpsocket: {root}/sock/lmtp
proc_path: {root}/conf/proc
mboxname_lockpath: {root}/conf/lock
syslog_prefix: ot-cyrus-test
"""

    def _spawn_and_wait(self) -> bool:
        root = self.root
        assert root is not None
        user, group, _rootless = run_as()
        env = {**os.environ, "CYRUS_USER": user, "CYRUS_GROUP": group}  # these beat imapd.conf
        with open(root / "master.out", "ab") as out:
            self._proc = subprocess.Popen(
                [str(MASTER), "-C", str(root / "imapd.conf"), "-M", str(root / "cyrus.conf"),
                 "-p", str(root / "master.pid"), "-D"],
                stdin=subprocess.DEVNULL, stdout=out, stderr=out, env=env,
                start_new_session=True,  # a Ctrl-C in pytest should not hit Cyrus first
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                self._proc = None
                return False
            if _greets(self.host, self.port, tls=False):
                return True
            time.sleep(0.05)
        _terminate(self._proc)
        self._proc = None
        return False

    def _output(self) -> str:
        if self.root is None:
            return ""
        try:
            return (self.root / "master.out").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    # ------------------------------------------------------------------ IMAP helpers

    @contextlib.contextmanager
    def client(self, user: str) -> Iterator[IMAPClient]:
        imap = IMAPClient(self.host, self.port, ssl=False, timeout=IMAP_TIMEOUT)
        try:
            imap.plain_login(user, self.users[user])
            yield imap
            imap.logout()
        except BaseException:
            with contextlib.suppress(Exception):
                imap.shutdown()
            raise

    def append(self, user: str, folder: str, raw: bytes) -> int:
        """APPEND a message (creating the folder if missing); returns its UID."""
        with self.client(user) as imap:
            if not imap.folder_exists(folder):
                imap.create_folder(folder)
            response = imap.append(folder, raw)
        match = re.search(rb"\[APPENDUID \d+ (\d+)\]", response)
        if match is None:
            raise CyrusError(f"APPEND gave no APPENDUID: {response!r}")
        return int(match.group(1))

    def create_folder(self, user: str, name: str) -> None:
        with self.client(user) as imap:
            imap.create_folder(name)

    def unflag(self, user: str, name: str) -> None:
        """Take the special-use flag off a folder (RFC 6154 via METADATA), as a server that flags
        nothing would have it."""
        imaplib.Commands.setdefault("SETMETADATA", ("AUTH", "SELECTED"))  # RFC 5464; not in imaplib
        with self.client(user) as imap:
            typ, data = imap._imap._simple_command(
                "SETMETADATA", imap._normalise_folder(name), "(/private/specialuse NIL)")
            if typ != "OK":
                raise CyrusError(f"SETMETADATA failed: {data!r}")

    def delete_folder(self, user: str, name: str) -> None:
        with self.client(user) as imap:
            imap.delete_folder(name)

    def folders(self, user: str) -> list[tuple[tuple[bytes, ...], str]]:
        """A plain LIST, as a client that does not ask for special-use flags sees it."""
        with self.client(user) as imap:
            return [(tuple(flags), name) for flags, _sep, name in imap.list_folders()]

    def flags(self, user: str, folder: str) -> dict[int, tuple[str, ...]]:
        """``{uid: flags}`` of every message in ``folder``, without \\Recent (read-only)."""
        with self.client(user) as imap:
            imap.select_folder(folder, readonly=True)
            uids = imap.search("ALL")
            if not uids:
                return {}
            return {int(uid): tuple(f.decode() for f in flags if f != b"\\Recent")
                    for uid, flags in imap.get_flags(uids).items()}


def _escape(data: bytes) -> str:
    return "".join(chr(b) if 0x20 < b < 0x7F and b != 0x5C else f"\\{b:02x}" for b in data)


def _terminate(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()  # master passes SIGTERM on to its imapd children
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
