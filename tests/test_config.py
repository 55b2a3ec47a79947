import datetime as dt
from pathlib import Path

import pytest

from tracker import config
from tracker.errors import ConfigError

GOOD = """
[database]
url = "sqlite:///x.db"
[[mailboxes]]
name = "personal"
host = "imap.example.org"
username = "me@example.org"
password_env = "MY_IMAP_PASSWORD"
since = "2024-05-01"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_defaults_and_keys(tmp_path):
    cfg = config.load(write(tmp_path, GOOD))
    (box,) = cfg.mailboxes
    assert (box.port, box.security, box.folders, box.since) == (993, "tls", (), dt.date(2024, 5, 1))
    assert cfg.database_url == "sqlite:///x.db"


def test_missing_default_file_means_defaults(tracker_home):
    cfg = config.load()
    assert cfg.mailboxes == () and cfg.database_url.endswith(str(tracker_home / "tracker.db"))


def test_the_example_config_is_valid():
    cfg = config.load(Path(__file__).parents[1] / "config.example.toml")
    assert cfg.mailboxes == ()


@pytest.mark.parametrize("change,key", [
    (('password_env = "MY_IMAP_PASSWORD"', 'password_env = "X"\npasword = "typo"'), "mailboxes[0].pasword"),
    (('since = "2024-05-01"', 'since = "May 2024"'), "mailboxes[0].since"),
    (('host = "imap.example.org"', 'host = "imap.example.org"\nsecurity = "plain"'), "mailboxes[0].security"),
    (('host = "imap.example.org"', 'host = "imap.example.org"\nport = 99999'), "mailboxes[0].port"),
    (('[database]', '[database]\nurl2 = 1'), "database.url2"),
    (('password_env = "MY_IMAP_PASSWORD"', ''), "mailboxes[0]: set exactly one"),
    (('host = "imap.example.org"', 'host = "imap.example.org"\nauthserv_id = "mx example"'),
     "mailboxes[0].authserv_id"),
    (('[database]', '[dkim]\nnameservers = ["127.0.0.1:x"]\n[database]'), "dkim.nameservers"),
    (('[database]', '[dkim]\nimport_authserv_id = 3\n[database]'), "dkim.import_authserv_id"),
    # TOML has inf and nan: `max_message_mb = inf` overflowed when the limit was made bytes
    (('host = "imap.example.org"', 'host = "imap.example.org"\nmax_message_mb = inf'),
     "mailboxes[0].max_message_mb"),
    (('host = "imap.example.org"', 'host = "imap.example.org"\ntimeout = nan'), "mailboxes[0].timeout"),
])
def test_errors_name_the_key(tmp_path, change, key):
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
        config.load(write(tmp_path, GOOD.replace(*change)))


def test_plain_is_allowed_on_loopback(tmp_path):
    text = GOOD.replace('host = "imap.example.org"', 'host = "127.0.0.1"\nsecurity = "plain"')
    assert config.load(write(tmp_path, text)).mailboxes[0].port == 143


def test_not_toml_is_one_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(write(tmp_path, "[[mailboxes]\n"))


def test_an_unknown_key_suggests_the_closest_known_one(tmp_path):
    with pytest.raises(ConfigError, match=r"mailboxes\[0\]\.usrename: unknown key \(did you mean username\?\)"):
        config.load(write(tmp_path, GOOD + 'usrename = "x"\n'))
    with pytest.raises(ConfigError, match=r"reminders\.every_day: unknown key \(did you mean every_days\?\)"):
        config.load(write(tmp_path, GOOD + "[reminders]\nevery_day = 3\n"))
    with pytest.raises(ConfigError, match=r"mailboxes\[0\]\.colour: unknown key$"):
        config.load(write(tmp_path, GOOD + 'colour = "blue"\n'))


def test_a_quoted_port_says_write_it_without_quotes(tmp_path):
    with pytest.raises(ConfigError, match=r"mailboxes\[0\]\.port: '993' is text; write it without "
                                          r"quotes: port = 993"):
        config.load(write(tmp_path, GOOD + 'port = "993"\n'))
    with pytest.raises(ConfigError, match=r"mailboxes\[0\]\.port: 'imap' is not a port number"):
        config.load(write(tmp_path, GOOD + 'port = "imap"\n'))


def test_dkim_keys_and_authserv_ids(tmp_path):
    text = GOOD.replace('[database]', '[dkim]\nnameservers = ["127.0.0.1:5353"]\n[database]').replace(
        'host = "imap.example.org"', 'host = "imap.example.org"\nauthserv_id = ["MX1.example.org", "mx2.example.org"]')
    cfg = config.load(write(tmp_path, text))
    assert cfg.dkim.nameservers == ("127.0.0.1:5353",)
    assert cfg.mailboxes[0].dkim_nameservers == ("127.0.0.1:5353",)
    assert cfg.mailboxes[0].authserv_id == ("mx1.example.org", "mx2.example.org")
