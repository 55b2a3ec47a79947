"""Tests of the Dovecot harness itself (tests/imap_server.py).

No skips: without Dovecot these fail loudly (tests/tools/install-dovecot.sh installs it).
"""

from __future__ import annotations

import shutil
import socket
import ssl
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trustme
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from tests import imap_server
from tests.imap_server import DovecotError, DovecotServer, RunAs, find_free_port

RAW = (
    b"From: Meta Privacy <noreply@facebookmail.com>\r\n"
    b"To: alice@example.org\r\n"
    b"Subject: Your objection\r\n"
    b"Message-ID: <harness-1@example.org>\r\n"
    b"Date: Mon, 03 Jun 2024 10:00:00 +0000\r\n"
    b"\r\n"
    b"We have reviewed your request.\r\n"
)
USERS = {"alice": "secret", "bob": "pässwörd"}


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DovecotServer]:
    with DovecotServer(tmp_path_factory.mktemp("plain"), users=USERS) as server:
        yield server
        assert server.log_errors() == []


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DovecotServer]:
    with DovecotServer(tmp_path_factory.mktemp("tls"), users=USERS, tls=trustme.CA(), oauth2=True) as server:
        yield server
        assert server.log_errors() == []


def connect(server: DovecotServer) -> IMAPClient:
    return IMAPClient(server.host, server.port, ssl=False, timeout=10)


# ---------------------------------------------------------------------------- login


def test_plain_login_works(plain_server: DovecotServer) -> None:
    imap = connect(plain_server)
    assert imap.login("alice", "secret") == b"Logged in"
    imap.logout()


def test_wrong_password_is_a_login_error(plain_server: DovecotServer) -> None:
    imap = connect(plain_server)
    with pytest.raises(LoginError):
        imap.login("alice", "not-the-password")
    imap.shutdown()


def test_failed_logins_do_not_slow_down_later_ones(plain_server: DovecotServer) -> None:
    # Dovecot's per-IP auth penalty would delay every login after a few failures by 2-15 s.
    for _ in range(3):
        imap = connect(plain_server)
        with pytest.raises(LoginError):
            imap.login("alice", "wrong")
        imap.shutdown()
    started = time.monotonic()
    imap = connect(plain_server)
    imap.login("alice", "secret")
    imap.logout()
    assert time.monotonic() - started < 1.5


def test_non_ascii_password_with_authenticate_plain(plain_server: DovecotServer) -> None:
    imap = connect(plain_server)
    assert imap.plain_login("bob", "pässwörd")
    imap.logout()


def test_add_user_after_start(plain_server: DovecotServer) -> None:
    plain_server.add_user("carol", "c-secret")
    imap = connect(plain_server)
    imap.login("carol", "c-secret")
    imap.logout()


# ---------------------------------------------------------------------------- mailbox content


def test_append_then_body_peek_leaves_message_unseen(plain_server: DovecotServer) -> None:
    uid = plain_server.append("alice", "INBOX", RAW, meta_signed=False)
    assert plain_server.flags("alice", "INBOX")[uid] == ()

    imap = connect(plain_server)
    imap.login("alice", "secret")
    imap.select_folder("INBOX")  # read-write: a BODY[] fetch here would set \Seen
    fetched = imap.fetch([uid], ["BODY.PEEK[]", "FLAGS"])
    imap.logout()
    assert fetched[uid][b"BODY[]"] == RAW
    assert b"\\Seen" not in fetched[uid][b"FLAGS"]
    assert "\\Seen" not in plain_server.flags("alice", "INBOX")[uid]


def test_append_with_flags_and_date(plain_server: DovecotServer) -> None:
    date = datetime(2024, 6, 3, 12, 0, tzinfo=UTC)
    uid = plain_server.append("alice", "Flagged stuff", RAW, flags=["\\Seen", "\\Flagged"], date=date)
    assert set(plain_server.flags("alice", "Flagged stuff")[uid]) == {"\\Seen", "\\Flagged"}
    with plain_server.client("alice") as imap:
        imap.select_folder("Flagged stuff", readonly=True)
        internal = imap.fetch([uid], ["INTERNALDATE"])[uid][b"INTERNALDATE"]
    assert internal.astimezone(UTC) == date


def test_list_shows_special_use_folders(plain_server: DovecotServer) -> None:
    imap = connect(plain_server)
    imap.login("alice", "secret")
    listed = {name: set(flags) for flags, _sep, name in imap.list_folders()}
    imap.logout()
    assert b"\\Junk" in listed["Junk"]
    assert b"\\All" in listed["Archive"]
    assert b"\\Sent" in listed["Sent"]
    assert "INBOX" in listed


def test_non_ascii_folder_round_trips(plain_server: DovecotServer) -> None:
    plain_server.create_folder("alice", "Entwürfe")
    uid = plain_server.append("alice", "Entwürfe", RAW)

    imap = connect(plain_server)
    imap.login("alice", "secret")
    assert "Entwürfe" in [name for _flags, _sep, name in imap.list_folders()]
    imap.select_folder("Entwürfe", readonly=True)
    assert imap.search("ALL") == [uid]
    imap.logout()
    # stored in modified UTF-7 on disk
    assert plain_server.maildir("alice", "Entwürfe").name == ".Entw&APw-rfe"


def test_dots_in_folder_names_need_the_fs_layout(plain_server: DovecotServer, tmp_path: Path) -> None:
    with pytest.raises(IMAPClientError, match="Character not allowed"):
        plain_server.create_folder("alice", "Meta.com")
    with DovecotServer(tmp_path / "imap", maildir_layout="fs") as server:
        uid = server.append("alice", "Meta.com/Entwürfe", RAW)
        assert server.flags("alice", "Meta.com/Entwürfe") == {uid: ()}
        assert (
            server.maildir("alice", "Meta.com/Entwürfe")
            == server.mail_root / "alice" / "Meta.com" / "Entw&APw-rfe"
        )
        server.write_maildir("alice", "Meta.com/Entwürfe", [RAW])
        assert list(server.flags("alice", "Meta.com/Entwürfe")) == [uid, uid + 1]


def test_delete_and_recreate_changes_uidvalidity(plain_server: DovecotServer) -> None:
    plain_server.append("alice", "Recreated", RAW)
    before = plain_server.uidvalidity("alice", "Recreated")
    plain_server.delete_folder("alice", "Recreated")
    plain_server.create_folder("alice", "Recreated")
    uid = plain_server.append("alice", "Recreated", RAW)
    after = plain_server.uidvalidity("alice", "Recreated")
    assert after != before
    assert uid == 1


def test_write_maildir_assigns_uids_in_order(plain_server: DovecotServer) -> None:
    messages = [RAW.replace(b"harness-1", f"bulk-{i}".encode()) for i in range(50)]
    paths = plain_server.write_maildir("bob", "Bulk", messages)
    assert len(paths) == 50
    assert all(path.stat().st_uid == plain_server_vmail_uid() for path in paths)

    with plain_server.client("bob") as imap:
        imap.select_folder("Bulk", readonly=True)
        uids = imap.search("ALL")
        fetched = imap.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]", "FLAGS"])
    assert len(uids) == 50
    for i, uid in enumerate(sorted(uids)):
        header = fetched[uid][b"BODY[HEADER.FIELDS (MESSAGE-ID)]"]
        assert f"<bulk-{i}@example.org>".encode() in header
        assert b"\\Seen" in fetched[uid][b"FLAGS"]

    # a second batch lands after the first
    more = plain_server.write_maildir("bob", "Bulk", [RAW], flags="")
    assert more[0].name.endswith(":2,")
    flags = plain_server.flags("bob", "Bulk")
    assert max(flags) == 51 and flags[51] == ()


def test_write_maildir_inbox(plain_server: DovecotServer) -> None:
    plain_server.add_user("dora", "d")
    plain_server.write_maildir("dora", "INBOX", [RAW, RAW])
    assert plain_server.maildir("dora") == plain_server.mail_root / "dora"
    assert plain_server.flags("dora", "INBOX") == {1: ("\\Seen",), 2: ("\\Seen",)}


def plain_server_vmail_uid() -> int:
    """The owner of the servers' mail: vmail as root, the invoking user without root."""
    return RunAs.current().uid


# ---------------------------------------------------------------------------- TLS


def test_implicit_tls_with_trusted_ca(tls_server: DovecotServer) -> None:
    context = ssl.create_default_context()
    assert tls_server.ca is not None
    tls_server.ca.configure_trust(context)
    assert tls_server.tls_port is not None
    imap = IMAPClient(tls_server.host, tls_server.tls_port, ssl=True, ssl_context=context, timeout=10)
    imap.login("alice", "secret")
    imap.select_folder("INBOX")
    imap.logout()


def test_implicit_tls_with_other_ca_fails(tls_server: DovecotServer) -> None:
    context = ssl.create_default_context()
    trustme.CA().configure_trust(context)
    assert tls_server.tls_port is not None
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(tls_server.host, tls_server.tls_port, ssl=True, ssl_context=context, timeout=10)


def test_tls_certificate_valid_for_localhost(tls_server: DovecotServer) -> None:
    assert tls_server.tls_port is not None
    imap = IMAPClient(
        "localhost", tls_server.tls_port, ssl=True, ssl_context=tls_server.ssl_context(), timeout=10
    )
    imap.logout()


def test_starttls(tls_server: DovecotServer) -> None:
    imap = connect(tls_server)
    assert b"STARTTLS" in imap.capabilities()
    imap.starttls(tls_server.ssl_context())
    imap.login("alice", "secret")
    imap.logout()


def test_starttls_with_other_ca_fails(tls_server: DovecotServer) -> None:
    context = ssl.create_default_context()
    trustme.CA().configure_trust(context)
    imap = connect(tls_server)
    with pytest.raises(ssl.SSLCertVerificationError):
        imap.starttls(context)


def test_plain_server_offers_no_tls(plain_server: DovecotServer) -> None:
    assert plain_server.tls_port is None
    imap = connect(plain_server)
    assert b"STARTTLS" not in imap.capabilities()
    imap.logout()
    with pytest.raises(DovecotError):
        plain_server.ssl_context()


# ---------------------------------------------------------------------------- XOAUTH2


def test_xoauth2_with_known_token(tls_server: DovecotServer) -> None:
    tls_server.set_token("token-for-alice", "alice")
    imap = connect(tls_server)
    assert b"AUTH=XOAUTH2" in imap.capabilities()
    imap.oauth2_login("alice", "token-for-alice")
    imap.select_folder("INBOX")
    imap.logout()


def test_xoauth2_with_unknown_token_fails(tls_server: DovecotServer) -> None:
    imap = connect(tls_server)
    with pytest.raises(LoginError):
        imap.oauth2_login("alice", "no-such-token")
    imap.shutdown()


def test_xoauth2_token_of_another_user_fails(tls_server: DovecotServer) -> None:
    tls_server.set_token("token-for-bob", "bob")
    imap = connect(tls_server)
    with pytest.raises(LoginError):
        imap.oauth2_login("alice", "token-for-bob")
    imap.shutdown()


def test_xoauth2_revoked_token_fails(tls_server: DovecotServer) -> None:
    tls_server.set_token("short-lived", "alice")
    imap = connect(tls_server)
    imap.oauth2_login("alice", "short-lived")
    imap.logout()
    tls_server.revoke("short-lived")
    imap = connect(tls_server)
    with pytest.raises(LoginError):
        imap.oauth2_login("alice", "short-lived")
    imap.shutdown()


def test_plain_server_has_no_oauth2(plain_server: DovecotServer) -> None:
    imap = connect(plain_server)
    assert b"AUTH=XOAUTH2" not in imap.capabilities()
    imap.logout()
    with pytest.raises(DovecotError):
        plain_server.set_token("t", "alice")


# ---------------------------------------------------------------------------- bytes sent


def test_bytes_sent_after_logout(plain_server: DovecotServer) -> None:
    plain_server.add_user("erin", "e")
    plain_server.append("erin", "INBOX", RAW)  # a harness session: not counted
    assert plain_server.bytes_sent("erin") == []

    imap = connect(plain_server)
    imap.login("erin", "e")
    imap.select_folder("INBOX")
    imap.fetch(imap.search("ALL"), ["BODY.PEEK[]"])
    imap.logout()
    sent = plain_server.bytes_sent("erin", at_least=1)
    assert len(sent) == 1
    assert sent[0] > len(RAW)

    imap = connect(plain_server)
    imap.login("erin", "e")
    imap.logout()
    second = plain_server.bytes_sent("erin", at_least=2)
    assert len(second) == 2
    assert second[0] == sent[0]
    assert 0 < second[1] < sent[0]


# ---------------------------------------------------------------------------- lifecycle


def test_start_retries_when_port_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    taken = blocker.getsockname()[1]
    ports = iter([taken])
    real = imap_server.find_free_port
    monkeypatch.setattr(imap_server, "find_free_port", lambda: next(ports, None) or real())
    try:
        with DovecotServer(tmp_path / "imap") as server:
            assert server.port != taken
            imap = connect(server)
            imap.login("alice", "secret")
            imap.logout()
    finally:
        blocker.close()


def test_stop_frees_the_port_and_start_is_quick(tmp_path: Path) -> None:
    started = time.monotonic()
    server = DovecotServer(tmp_path / "imap").start()
    elapsed = time.monotonic() - started
    port = server.port
    assert server.running
    server.stop()
    assert not server.running
    assert elapsed < 5
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    server.stop()  # idempotent


def test_startup_failure_reports_the_log(tmp_path: Path) -> None:
    server = DovecotServer(tmp_path / "imap")
    # Sabotage: a passwd-file path Dovecot cannot use makes the config invalid.
    original = server._write_config

    def broken_config(vmail: object) -> None:
        original(vmail)  # type: ignore[arg-type]
        server.conf_path.write_text(server.conf_path.read_text() + "\nno_such_setting = 1\n")

    server._write_config = broken_config  # type: ignore[method-assign]
    with pytest.raises(DovecotError, match="no_such_setting"):
        server.start()
    assert not server.running


def test_data_dir_moves_out_of_private_tmp_path(tmp_path: Path) -> None:
    # pytest's tmp_path lies below 0700 directories that vmail cannot traverse
    with DovecotServer(tmp_path / "imap") as server:
        assert (tmp_path / "imap" / "data").is_symlink()
        assert server.data_dir == (tmp_path / "imap" / "data").resolve()
        server.write_maildir("alice", "INBOX", [RAW])
        assert server.flags("alice", "INBOX") == {1: ("\\Seen",)}
    # a restart on the same root (same process) keeps the mailboxes
    with DovecotServer(tmp_path / "imap") as server:
        assert list(server.flags("alice", "INBOX")) == [1]
        assert server.log_errors() == []


def test_data_dir_inside_a_traversable_root() -> None:
    base = Path(tempfile.mkdtemp(prefix="harness-test-"))
    try:
        base.chmod(0o755)
        with DovecotServer(base / "imap") as server:
            assert server.data_dir == base / "imap" / "data"
            assert not server.data_dir.is_symlink()
            uid = server.append("alice", "INBOX", RAW)
            assert (server.maildir("alice") / "new").is_dir()
            assert server.flags("alice", "INBOX") == {uid: ()}
            assert server.log_errors() == []
    finally:
        shutil.rmtree(base)


def test_find_free_port() -> None:
    port = find_free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))
