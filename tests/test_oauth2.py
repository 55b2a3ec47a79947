"""XOAUTH2 against Dovecot's oauth2 passdb and the harness's token-introspection endpoint: a token
from oauth2_token_command, asked anew at each run; a refused token in one line, never shown."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.configs import invoke, write_config
from tests.conftest import running_dovecot
from tests.imap_server import DovecotServer

ROOT = Path(__file__).parents[1]
NOTICE = (Path(__file__).parent / "data" / "notice_facebook_en.eml").read_bytes()
USERS = [f"oauth{i}" for i in range(10)]
_free = iter(USERS)

# Prints tok-USER-N, N counting the calls: shows that each run asks for a fresh token.
TOKEN_HELPER = """
import pathlib, sys
counter = pathlib.Path(sys.argv[1])
n = int(counter.read_text()) + 1 if counter.exists() else 1
counter.write_text(str(n))
print(f"tok-{sys.argv[2]}-{n}")
"""


@pytest.fixture(scope="session")
def oauth_dovecot() -> Iterator[DovecotServer]:
    # Passwords nobody sends: the passwd-file passdb only tells the userdb that the user exists.
    with running_dovecot("oauth2", users={u: f"unused-{u}-pw" for u in USERS}, oauth2=True) as server:
        yield server


@pytest.fixture
def user() -> str:
    return next(_free)


def oauth_box(server: DovecotServer, user: str, command: str) -> dict:
    return dict(name="work", host="127.0.0.1", port=server.port, security="plain", username=user,
                oauth2_token_command=command)


def helper(tmp_path: Path, user: str) -> str:
    script = tmp_path / "token_helper.py"
    script.write_text(TOKEN_HELPER)
    return f"{sys.executable} {script} {tmp_path / 'calls'} {user}"


def test_a_token_from_the_command_logs_in_with_xoauth2(oauth_dovecot, user, tracker_home, tmp_path):
    oauth_dovecot.set_token(f"tok-{user}-1", user)
    oauth_dovecot.append(user, "INBOX", NOTICE)
    path = write_config(tracker_home, oauth_box(oauth_dovecot, user, helper(tmp_path, user)))
    assert "1 notice" in invoke(path, "sync")
    assert any(f"Login: user=<{user}>, method=XOAUTH2" in line for line in oauth_dovecot.log().splitlines())


def test_each_run_asks_for_a_fresh_token(oauth_dovecot, user, tracker_home, tmp_path):
    path = write_config(tracker_home, oauth_box(oauth_dovecot, user, helper(tmp_path, user)))
    oauth_dovecot.set_token(f"tok-{user}-1", user)
    invoke(path, "sync")
    oauth_dovecot.revoke(f"tok-{user}-1")  # expired, as access tokens do within the hour
    oauth_dovecot.set_token(f"tok-{user}-2", user)
    invoke(path, "sync")
    assert (tmp_path / "calls").read_text() == "2"


def test_a_refused_token_is_one_line_exit_4_and_never_shown_even_with_vv(oauth_dovecot, user, tracker_home,
                                                                         tmp_path):
    path = write_config(tracker_home, oauth_box(oauth_dovecot, user, helper(tmp_path, user)))
    proc = subprocess.run([sys.executable, "cli.py", "-vv", "--config", str(path), "sync"], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ}, timeout=120)
    assert proc.returncode == 4
    errors = [line for line in proc.stderr.splitlines() if line.startswith("objection-tracker:")]
    assert len(errors) == 1, proc.stderr
    assert f"mailbox 'work': login refused for '{user}' at 127.0.0.1" in errors[0]
    assert "OAuth2 token refused, status 401" in errors[0]
    assert "AUTHENTICATE" in proc.stderr and "AUTHENTICATIONFAILED" in proc.stderr  # -vv shows the exchange...
    sent = base64.b64encode(f"user={user}\1auth=Bearer tok-{user}-1\1\1".encode()).decode()
    for secret in (f"tok-{user}-1", sent):
        assert secret not in proc.stdout + proc.stderr  # ...not the token, plain or encoded


def test_a_failing_token_command_shows_its_error_not_its_output(oauth_dovecot, user, tracker_home):
    command = f"{sys.executable} -c \"import sys; print('half-a-token'); sys.exit('refresh token expired: run the helper once')\""
    path = write_config(tracker_home, oauth_box(oauth_dovecot, user, command))
    out = invoke(path, "sync", code=4)
    assert out.strip().count("\n") == 0
    # Its stderr may quote a secret: only the exit code, unless -v (issue 16)
    assert "oauth2_token_command exited with 1 (-v shows its error output)" in out
    assert "half-a-token" not in out and "refresh token expired" not in out


def test_a_token_command_that_prints_nothing_is_one_line(oauth_dovecot, user, tracker_home):
    path = write_config(tracker_home, oauth_box(oauth_dovecot, user, f"{sys.executable} -c pass"))
    assert "oauth2_token_command printed nothing" in invoke(path, "sync", code=4)
