"""The same sync, re-sync and folder behaviour against two IMAP servers: Dovecot, and Cyrus from
Debian's packages (tests/cyrus_server.py), whose personal namespace is "INBOX." with "." as its
delimiter and which sends special-use flags only when asked (`specialusealways: no`)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tests.configs import write_config
from tests.conftest import IMAP_PASSWORD, running_dovecot
from tests.cyrus_server import CyrusServer

DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()  # facebook:anna@example.org
OTHER_NOTICE = (DATA / "notice_instagram_en.eml").read_bytes()  # instagram:anna.photos
JUNK_NOTICE = (DATA / "notice_instagram_de_junk.eml").read_bytes()
CODE = (DATA / "code_instagram_en.eml").read_bytes()
UMLAUTS = "Archiv/Bestätigungen"  # as a mail program shows it, whatever the server calls it
USERS = {f"srv{i}": IMAP_PASSWORD for i in range(30)}


@dataclass
class Server:
    """One server under test, with what differs between them spelt out."""

    kind: str
    impl: object  # DovecotServer or CyrusServer: append(), folders(), create_folder(), flags()
    junk: str  # the spam folder, as the server names it
    prefix: str  # the personal namespace's prefix
    delimiter: str

    @property
    def port(self) -> int:
        return self.impl.port

    def server_name(self, shown: str) -> str:
        return self.prefix + shown.replace("/", self.delimiter)


@pytest.fixture(scope="session")
def dovecot_server() -> Iterator[Server]:
    with running_dovecot("servers", users=USERS) as server:
        yield Server("dovecot", server, "Junk", "", "/")


@pytest.fixture(scope="session")
def cyrus_server() -> Iterator[Server]:
    with CyrusServer(USERS, special_use_always=False) as server:
        yield Server("cyrus", server, "INBOX.Junk", "INBOX.", ".")


@pytest.fixture(scope="session")
def cyrus_always_server() -> Iterator[Server]:
    """Cyrus with `specialusealways: yes`: the flags in every LIST, as Dovecot does."""
    with CyrusServer(USERS, special_use_always=True) as server:
        yield Server("cyrus_always", server, "INBOX.Junk", "INBOX.", ".")


@pytest.fixture(params=["dovecot", "cyrus", "cyrus_always"])
def server(request: pytest.FixtureRequest) -> Server:
    return request.getfixturevalue(f"{request.param}_server")


_free_users = {"dovecot": iter(USERS), "cyrus": iter(USERS), "cyrus_always": iter(USERS)}


@pytest.fixture
def user(server: Server, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    return next(_free_users[server.kind])


def config(home: Path, server: Server, user: str, **keys) -> Path:
    return write_config(home, dict(name="personal", host="127.0.0.1", port=server.port,
                                   security="plain", username=user,
                                   password_env="OT_IMAP_PASSWORD", **keys))


def invoke(path: Path, *args: str, code: int = 0):
    result = CliRunner().invoke(cli, ["--config", str(path), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def evidence(path: Path) -> dict[str, list[str]]:
    doc = json.loads(invoke(path, "status", "--format", "json").stdout)
    return {f"{a['platform']}:{a['account']}": sorted(e["folder"] for e in a["evidence"])
            for a in doc["accounts"]}


def test_a_sync_reads_inbox_and_the_spam_folder_and_marks_nothing_read(server, user, tracker_home):
    server.impl.append(user, "INBOX", NOTICE)
    server.impl.append(user, server.junk, JUNK_NOTICE)
    path = config(tracker_home, server, user)
    out = invoke(path, "sync").stdout
    assert out.strip() == "personal: 2 new messages looked at: 2 notices"
    found = evidence(path)
    assert found["facebook:anna@example.org"] == ["INBOX"]
    assert server.junk in sum(found.values(), [])
    for folder in ("INBOX", server.junk):
        assert all("\\Seen" not in flags for flags in server.impl.flags(user, folder).values())


def test_a_re_sync_reads_only_what_is_new(server, user, tracker_home):
    server.impl.append(user, "INBOX", NOTICE)
    path = config(tracker_home, server, user)
    assert "1 notice" in invoke(path, "sync").stdout
    assert invoke(path, "sync").stdout == ""  # unchanged: nothing for cron to mail
    server.impl.append(user, "INBOX", CODE)
    assert invoke(path, "sync").stdout.strip() == \
        "personal: 1 new message looked at: 1 verification code"
    assert invoke(path, "sync").stdout == ""


def test_a_folder_is_written_as_a_mail_program_shows_it(server, user, tracker_home):
    on_server = server.server_name(UMLAUTS)
    server.impl.create_folder(user, on_server)
    server.impl.append(user, on_server, OTHER_NOTICE)
    path = config(tracker_home, server, user, folders=["INBOX", UMLAUTS])
    assert "1 notice" in invoke(path, "sync").stdout
    assert evidence(path) == {"instagram:anna.photos": [on_server]}
    doctor = invoke(path, "doctor").stdout
    assert f"{on_server}  1 Meta mail of 1" in doctor


def test_a_missing_folder_is_named_as_written_and_stdout_stays_empty(server, user, tracker_home):
    path = config(tracker_home, server, user, folders=[UMLAUTS])
    result = invoke(path, "sync", code=4)
    assert result.stdout == ""
    (error,) = result.stderr.strip().splitlines()
    assert f"cannot open folder '{UMLAUTS}'" in error and "Besttigungen" not in error
    assert "(folders: " in error and server.junk in error


def test_cyrus_sends_junk_only_when_asked_and_the_sync_asks(cyrus_server, tracker_home, monkeypatch):
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    user = next(_free_users["cyrus"])
    cyrus_server.impl.append(user, "INBOX.Junk", JUNK_NOTICE)
    plain = dict(cyrus_server.impl.folders(user))
    flags_of_junk = next(flags for flags, name in cyrus_server.impl.folders(user) if name == "INBOX.Junk")
    assert b"\\junk" not in {f.lower() for f in flags_of_junk}, plain  # what a plain LIST shows
    path = config(tracker_home, cyrus_server, user)
    assert "1 notice" in invoke(path, "sync").stdout
    doctor = invoke(path, "doctor").stdout
    assert "INBOX.Junk (\\junk)" in doctor and "no folder is flagged" not in doctor


def test_cyrus_without_a_junk_flag_falls_back_to_the_spam_folders_name(cyrus_server, tracker_home,
                                                                       monkeypatch):
    monkeypatch.setenv("OT_IMAP_PASSWORD", IMAP_PASSWORD)
    user = next(_free_users["cyrus"])
    cyrus_server.impl.append(user, "INBOX", NOTICE)  # the first login makes INBOX.Junk
    cyrus_server.impl.unflag(user, "INBOX.Junk")  # Cyrus refuses to delete a flagged folder
    cyrus_server.impl.delete_folder(user, "INBOX.Junk")
    cyrus_server.impl.append(user, "INBOX.Spam", JUNK_NOTICE)  # a folder nobody flagged
    path = config(tracker_home, cyrus_server, user)
    assert "2 notice" in invoke(path, "sync").stdout
    assert "INBOX.Spam" in sum(evidence(path).values(), [])
    doctor = invoke(path, "doctor").stdout
    assert "no folder is flagged \\Junk, so the spam folder was found by its name: INBOX.Spam" in doctor
