"""Suspicious mail can be acknowledged (issue 22 item 5): `suspicious ack` stores "seen" in the
database; `status` then sums the seen ones up in one line and still lists new ones whole."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from cli import cli


def fake(n: int) -> bytes:
    return (f'From: "Facebook Security" <security@faceb00kmail-{n}.com>\nTo: anna@example.org\n'
            f"Subject: Your objection number {n} was rejected\nMessage-ID: <fake{n}@x>\n"
            f"Date: Sat, 0{n} Jun 2024 12:00:00 +0000\n\nObject again at https://evil.example/{n}\n"
            ).encode()


def run(config: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_seen_suspicious_mail_is_one_line_and_new_mail_is_still_listed(database_url, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text(f'[database]\nurl = "{database_url}"\n', encoding="utf-8")
    for n in (1, 2):
        (tmp_path / f"{n}.eml").write_bytes(fake(n))
    run(config, "import", str(tmp_path / "1.eml"), str(tmp_path / "2.eml"))
    table = run(config, "status")
    assert "2 suspicious mails claiming to be Meta" in table and "you have seen" not in table
    doc = json.loads(run(config, "status", "--format", "json"))
    numbers = {m["subject"].split()[3]: m["id"] for m in doc["suspicious"]}
    assert [m["seen"] for m in doc["suspicious"]] == [False, False]

    out = run(config, "suspicious", "ack", f"#{numbers['1']}")
    assert "1 suspicious mail marked seen" in out
    table = run(config, "status")
    assert "1 suspicious mail claiming to be Meta" in table
    assert "number 2 was rejected" in table and "number 1 was rejected" not in table
    assert "1 suspicious mail you have seen; `objection-tracker suspicious` lists them." in table

    run(config, "suspicious", "ack", "999", code=1)  # a wrong number marks nothing
    run(config, "suspicious", "ack", code=2)  # neither numbers nor --all
    assert "1 suspicious mail marked seen" in run(config, "suspicious", "ack", "--all")
    assert "already seen" in run(config, "suspicious", "ack", "--all")
    table = run(config, "status")
    assert "claiming to be Meta" not in table and "2 suspicious mails you have seen" in table
    doc = json.loads(run(config, "status", "--format", "json"))
    assert all(m["seen"] and m["seen_at"] for m in doc["suspicious"])

    (tmp_path / "3.eml").write_bytes(fake(3))
    run(config, "import", str(tmp_path / "3.eml"))  # new mail after the ack is listed whole
    table = run(config, "status")
    assert "1 suspicious mail claiming to be Meta" in table and "number 3" in table
    assert "2 suspicious mails you have seen" in table
    listing = run(config, "suspicious")
    assert listing.count("(seen ") == 2 and "number 3" in listing and "evil.example" not in listing
    assert "1 not seen yet" in listing
