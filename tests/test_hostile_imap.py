"""A hostile or broken IMAP server (issue 16, items 5 and 6): every sync ends, with one line on
stderr and exit 4, never a traceback; a mail over max_message_mb is recorded as too large and the
next run goes on after it. Against tests/hostile_imap.py, and a real Dovecot where it can show it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from cli import cli
from tests.configs import write_config
from tests.hostile_imap import HostileImapServer, Hostility, plain_mailbox

DATA = Path(__file__).parent / "data"
NOTICE = (DATA / "notice_facebook_en.eml").read_bytes()
OTHER = (NOTICE.replace(b"cli-notice-1@", b"cli-notice-2@").replace(b"anna@example.org", b"bob@example.org")
         .replace(b"anna%40example.org", b"bob%40example.org"))
# Everyday mail (single-part HTML): its structure is asked for. A flow mail is read whole without
# one (issue 14: its DKIM signature covers all of it), so a hostile structure is an everyday mail's.
EVERYDAY = (Path(__file__).parent / "fixtures" / "en_facebook_other_comment.eml").read_bytes()
PASSWORD = "secret-pw"
HUGE = 2**64 + 5


def config(home: Path, server: HostileImapServer, **keys) -> Path:
    return write_config(home, dict(name="hostile", host="127.0.0.1", port=server.port,
                                   security="plain", username="anna", password_env="OT_PW",
                                   timeout=1, command_timeout=3, **keys))


def sync(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--config", str(path), "sync"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, result.stdout, result.stderr


def assert_one_line(code: int, stderr: str, *phrases: str) -> None:
    assert code == 4, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("objection-tracker: mailbox 'hostile': "), stderr
    assert "Traceback" not in stderr
    for phrase in phrases:
        assert phrase in lines[0], lines[0]


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("OT_PW", PASSWORD)


CASES = {
    # item 5: the timeout bounded each read, not the command
    "trickled greeting": (Hostility(greeting_trickle=0.3), "did not answer in time"),
    "trickled FETCH literal": (Hostility(literal_trickle=0.3), "answering UID FETCH"),
    "endless * OK during EXAMINE": (Hostility(flood="EXAMINE"), "EXAMINE"),
    "endless * LIST": (Hostility(flood="LIST"), "LIST"),
    "endless * FETCH": (Hostility(flood="UID FETCH"), "UID FETCH"),
    # item 6: tracebacks
    "UIDVALIDITY over 2^64": (Hostility(select={"UIDVALIDITY": str(HUGE)}), "UIDVALIDITY"),
    "UIDNEXT over 2^64": (Hostility(select={"UIDNEXT": str(HUGE)}), "UIDNEXT"),
    "UIDVALIDITY abc": (Hostility(select={"UIDVALIDITY": "abc"}), "UIDVALIDITY"),
    "a SEARCH UID over 2^64": (Hostility(search_uids=["1", str(HUGE)]), "32 bits"),
    "a FETCH UID over 2^64": (Hostility(fetch_uid={1: str(HUGE)}), "32 bits"),
    "LIST that times out": (Hostility(list_stall=True), "cannot list folders"),
}


@pytest.mark.parametrize("hostility,phrase", CASES.values(), ids=CASES.keys())
def test_a_hostile_server_ends_the_sync_in_one_line(tracker_home, hostility, phrase):
    with HostileImapServer(plain_mailbox({1: NOTICE}), hostility) as server:
        code, _out, err = sync(config(tracker_home, server))
    assert_one_line(code, err, phrase)


def test_a_flood_while_opening_the_first_folder_is_one_line_not_one_per_folder(tracker_home):
    mailbox = plain_mailbox({1: NOTICE})
    mailbox.folders.append(("\\HasNoChildren \\Junk", "Spam"))
    with HostileImapServer(mailbox, Hostility(flood="EXAMINE")) as server:
        code, _out, err = sync(config(tracker_home, server))
    assert_one_line(code, err, "cannot open folder 'INBOX'")


@pytest.mark.parametrize("flood_line,phrase", [
    (None, "more than 500,000 lines in answer to LIST"),
    (b'* LIST (\\HasNoChildren) "/" "' + b"x" * 100_000 + b'"', "more than 20 MB in answer to LIST"),
], ids=["many short lines", "long lines"])
def test_a_flood_is_cut_by_size_before_the_deadline(tracker_home, flood_line, phrase):
    hostility = Hostility(flood="LIST", flood_line=flood_line)
    with HostileImapServer(plain_mailbox({}), hostility) as server:
        path = write_config(tracker_home, dict(name="hostile", host="127.0.0.1", port=server.port,
                                               security="plain", username="anna",
                                               password_env="OT_PW", command_timeout=600,
                                               max_message_mb=1))
        code, _out, err = sync(path)
    assert_one_line(code, err, "cannot list folders", phrase)


def test_highestmodseq_that_is_not_a_number_is_ignored(tracker_home):
    with HostileImapServer(plain_mailbox({1: NOTICE}), Hostility(select={"HIGHESTMODSEQ": "zz"})) as server:
        code, out, err = sync(config(tracker_home, server))
    assert (code, err) == (0, "") and "1 notice" in out


def test_bodystructure_nested_3000_deep_is_recorded_as_unreadable(tracker_home):
    deep = b"(" * 3000 + b'"TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1' + b")" * 3000
    hostility = Hostility(bodystructure={1: deep})
    with HostileImapServer(plain_mailbox({1: EVERYDAY, 2: OTHER}), hostility) as server:
        path = config(tracker_home, server)
        code, _out, err = sync(path)
        assert_one_line(code, err, "UID 1", "nested parentheses")
        code, out, err = sync(path)  # the next run goes on after it
    assert (code, err) == (0, "") and "1 notice" in out
    doc = json.loads(CliRunner().invoke(cli, ["--config", str(path), "status", "--format",
                                              "json"]).output)
    assert [a["account"] for a in doc["accounts"]] == ["bob@example.org"]


def test_a_bodystructure_of_100000_parts_makes_that_mail_unreadable_not_the_mailbox(tracker_home):
    part = b'("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 10 1 NIL NIL NIL NIL)'
    structure = b"(" + part * 100_000 + b' "MIXED")'
    hostility = Hostility(bodystructure={1: structure})
    with HostileImapServer(plain_mailbox({1: EVERYDAY, 2: OTHER}), hostility) as server:
        path = config(tracker_home, server)
        code, _out, err = sync(path)
        assert_one_line(code, err, "mail UID 1 in 'INBOX' cannot be read", "more than 1,000,000 bytes")
        code, out, err = sync(path)
    assert (code, err) == (0, "") and "1 notice" in out


def test_quoted_strings_in_a_bodystructure_are_the_mail_s_not_the_server_s(tracker_home):
    # A file name is the sender's to choose: it must not make the server look broken.
    name = b'"UID 99999999999 ' + b"(" * 300 + b'.pdf"'
    structure = (b'(("TEXT" "PLAIN" ("CHARSET" "utf-8") NIL NIL "7BIT" 10 1 NIL NIL NIL NIL)'
                 b'("APPLICATION" "PDF" ("NAME" ' + name + b') NIL NIL "BASE64" 10 NIL '
                 b'("ATTACHMENT" ("FILENAME" ' + name + b')) NIL NIL) "MIXED")')
    with HostileImapServer(plain_mailbox({1: NOTICE}), Hostility(bodystructure={1: structure})) as server:
        code, out, err = sync(config(tracker_home, server))
    assert (code, err) == (0, "") and "1 notice" in out


def test_a_3_gb_literal_is_recorded_as_too_large_and_the_next_run_goes_on(tracker_home,
                                                                         database_url):
    hostility = Hostility(literal_size={1: 3 * 1024**3})
    with HostileImapServer(plain_mailbox({1: NOTICE, 2: OTHER}), hostility) as server:
        path = config(tracker_home, server)
        path.write_text(path.read_text().replace(f"sqlite:///{tracker_home}/t.db", database_url))
        code, _out, err = sync(path)
        assert_one_line(code, err, "mail UID 1 in 'INBOX' is 3,221,225,472 bytes",
                        "over the limit of 50 MB", "recorded as unreadable")
        code, out, err = sync(path)
    assert (code, err) == (0, "") and "1 notice" in out
    table = CliRunner().invoke(cli, ["--config", str(path), "status"]).output
    assert "1 message could not be read" in table
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT uid, outcome, reason FROM processed_messages "
                                 "ORDER BY uid")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        (1, "unparseable", "too large: 3,221,225,472 bytes, over max_message_mb = 50"),
        (2, "finding", None)]


def test_a_server_echoing_login_arguments_is_redacted(tracker_home):
    with HostileImapServer(plain_mailbox({}), Hostility(login_echo=True)) as server:
        code, _out, err = sync(config(tracker_home, server))
    assert_one_line(code, err, "login refused for 'anna'", "LOGIN … … failed")
    assert PASSWORD not in err


def test_a_mail_over_max_message_mb_on_dovecot(dovecot, mailbox_user, tracker_home):
    big = NOTICE.replace(b"</body></html>", b"<p>" + b"x" * 2_000_000 + b"</p></body></html>")
    dovecot.append(mailbox_user, "INBOX", big)
    dovecot.append(mailbox_user, "INBOX", OTHER)
    path = write_config(tracker_home, dict(name="hostile", host="127.0.0.1", port=dovecot.port,
                                           security="plain", username=mailbox_user,
                                           password_env="OT_IMAP_PASSWORD", max_message_mb=1))
    # Its RFC822.SIZE says so before a byte of it is asked for: recorded as too large, and the
    # rest of the folder is read in the same run.
    code, out, err = sync(path)
    assert (code, err) == (0, "") and "1 notice" in out and "1 unreadable" in out
    table = CliRunner().invoke(cli, ["--config", str(path), "status", "--unreadable"]).output
    assert "too large: 2,0" in table and "over max_message_mb = 1" in table
    code, out, err = sync(path)
    assert (code, out, err) == (0, "", "")


def test_many_big_flow_mails_never_block_the_folder(dovecot, mailbox_user, tracker_home):
    """25 notices of 0.9 MB each: under max_message_mb = 1, but 22 MB in one FETCH would be over
    the answer's cap (20 MB at that limit), and the folder could never be read again."""
    padding = b"<p>" + b"x" * 900_000 + b"</p></body></html>"
    for i in range(25):
        mail = (NOTICE.replace(b"cli-notice-1@", f"big-{i}@".encode())
                .replace(b"</body></html>", padding))
        dovecot.append(mailbox_user, "INBOX", mail)
    path = write_config(tracker_home, dict(name="hostile", host="127.0.0.1", port=dovecot.port,
                                           security="plain", username=mailbox_user,
                                           password_env="OT_IMAP_PASSWORD", max_message_mb=1))
    code, out, err = sync(path)
    assert (code, err) == (0, "") and "25 new messages" in out and "unreadable" not in out
