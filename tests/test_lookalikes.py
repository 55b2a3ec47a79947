"""Look-alikes (issue 16, item 8): folded before the brand and homoglyph checks, so a fullwidth,
small-capital, zero-width-split or reversed "Facebook" and a raw UTF-8 look-alike domain are
listed as suspicious instead of dropped silently."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.recognition.authenticity import judge
from tracker.recognition.parse import parse


def mail(sender: str) -> bytes:
    # Raw UTF-8 in the header, as a sender's MTA may pass it on (RFC 6532).
    return (f"From: {sender}\nTo: anna@example.org\nSubject: Your account\nMessage-ID: "
            f"<{abs(hash(sender))}@evil.test>\nDate: Wed, 29 May 2024 10:00:00 +0000\n"
            "Content-Type: text/plain; charset=utf-8\n\nhello\n").encode()


LOOKALIKES = {
    "fullwidth name": ("Ｆａｃｅｂｏｏｋ <a@evil.test>", "display-name-spoof"),
    "encoded fullwidth name": ("=?utf-8?b?77ym772B772D772F772C772P772P772L?= <a@evil.test>",
                               "display-name-spoof"),
    "small capitals": ("ꜰᴀᴄᴇʙᴏᴏᴋ <a@evil.test>", "display-name-spoof"),
    "zero-width space inside": ("Face\u200bbook <a@evil.test>", "display-name-spoof"),
    "soft hyphen inside": ("Insta\u00adgram <a@evil.test>", "display-name-spoof"),
    "reversed with U+202E": ("\u202ekoobecaF <a@evil.test>", "display-name-spoof"),
    "Cyrillic a in the domain": ("Security <a@f\u0430cebookmail.com>", "lookalike-domain"),
    "fullwidth f in the domain": ("Security <a@\uff46acebookmail.com>", "lookalike-domain"),
}


@pytest.mark.parametrize("sender,reason", LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_lookalikes_are_suspicious(sender, reason):
    verdict = judge(parse(mail(sender)))
    assert not verdict.genuine
    assert verdict.suspicious and verdict.suspicious.startswith(reason)


def test_genuine_names_and_ordinary_strangers_are_left_alone():
    assert judge(parse(mail("Facebook <notification@facebookmail.com>"))).genuine
    for sender in ("Ｍａｒｉａ <m@example.org>", "Zoë Müller <z@example.org>", "Metallica <a@b.test>"):
        assert judge(parse(mail(sender))).suspicious is None, sender


def test_lookalikes_are_listed_in_status(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "t.db"}"\n', encoding="utf-8")
    for i, (sender, _reason) in enumerate(LOOKALIKES.values()):
        (tmp_path / f"{i}.eml").write_bytes(mail(sender))
    runner = CliRunner()
    runner.invoke(cli, ["--config", str(path), "import", *(str(p) for p in tmp_path.glob("*.eml"))],
                  catch_exceptions=False)
    doc = json.loads(runner.invoke(cli, ["--config", str(path), "status", "--format", "json"],
                                   catch_exceptions=False).output)
    assert len(doc["suspicious"]) == len(LOOKALIKES)
    assert any("f\u0430cebookmail.com" in m["reason"] for m in doc["suspicious"])


def test_the_reason_quotes_a_long_display_name_cut():
    verdict = judge(parse(mail("Facebook " + "a." * 75_000 + " <a@evil.test>")))
    assert verdict.suspicious and verdict.suspicious.startswith("display-name-spoof: 'Facebook a.a.")
    assert len(verdict.suspicious) < 200
