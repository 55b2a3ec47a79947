"""Issue 14: `evidence` writes each flow mail byte for byte, and a page and a text that a complaint
can carry; the page is opened in headless Chromium (tests/tools/install-chromium.sh)."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.configs import invoke
from tests.dkim_keys import harness_sign
from tests.test_dkim import CODE, CONFIRMATION, NOTICE
from tracker.sanitize import clean

# Kept for a person to look at, one folder per user (another user's would not be writable).
SCREENSHOTS = Path(f"/tmp/objection-tracker-evidence-{os.getuid()}")


def _config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[database]\nurl = "sqlite:///{tmp_path}/t.db"\n')
    return path


def _import(tmp_path: Path, path: Path, mails: dict[str, bytes]) -> dict[str, bytes]:
    signed = {name: harness_sign(data) for name, data in mails.items()}
    for name, data in signed.items():
        (tmp_path / name).write_bytes(data)
    invoke(path, "import", *[str(tmp_path / n) for n in signed])
    return signed


def _chromium(page: Path, tmp_path: Path, *args: str) -> str:
    command = [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={tmp_path / 'chromium-profile'}", *args,
               page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_evidence_of_one_account(tmp_path):
    path = _config(tmp_path)
    # Instagram-free account: notice, then the code (filed), then no answer for months: overdue
    signed = _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE})
    out = tmp_path / "proof"
    assert "file(s) written" in invoke(path, "evidence", "facebook:anna@example.org", "--out", str(out))
    emls = sorted(out.glob("*.eml"))
    assert [p.read_bytes() for p in emls] == [signed["1-notice.eml"], signed["2-code.eml"]]
    text = (out / "evidence.txt").read_text()
    assert "facebook:anna@example.org" in text and "in progress" in text
    assert text.count("DKIM: pass d=facebookmail.com s=s2026") == 2
    assert "OVERDUE (more than 31 days)" in text and "+4 d" in text
    page = (out / "evidence.html").read_text()
    # self-contained: nothing the browser could fetch
    for needle in ("src=", "href=", "url(", "@import", "http://", "https://"):
        assert needle not in page, needle
    assert "default-src 'none'" in page and "@media print" in page


def test_evidence_html_in_headless_chromium_names_every_mail(tmp_path):
    path = _config(tmp_path)
    hostile = CONFIRMATION.replace(b"Subject: Your request about AI at Meta",
                                   b"Subject: Your request about AI at Meta <script>alert(1)</script>", 1)
    _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE, "3-confirmation.eml": hostile})
    out = tmp_path / "proof"
    invoke(path, "evidence", "facebook:anna@example.org", "--out", str(out))
    page = out / "evidence.html"
    assert "<script>" not in page.read_text()
    dom = html.unescape(_chromium(page, tmp_path, "--dump-dom"))
    doc = json.loads(invoke(path, "status", "--format", "json"))
    account = next(a for a in doc["accounts"] if a["account"] == "anna@example.org")
    assert account["state"] == "objection_confirmed"
    subjects = [e["subject"] for e in account["evidence"]]
    assert len(subjects) == 3
    for subject in subjects:
        assert clean(subject) in dom, subject
    assert "Meta's confirmation" in dom and "0 days after filing" in dom
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / "evidence.png"
    shot.unlink(missing_ok=True)
    _chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1000,1500", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_evidence_all_and_an_unverified_mail(tmp_path, monkeypatch):
    monkeypatch.delenv("OBJECTION_TRACKER_IMPORT_AUTHSERV_ID")
    path = _config(tmp_path)
    (tmp_path / "n.eml").write_bytes(harness_sign(NOTICE))
    (tmp_path / "c.eml").write_bytes(CONFIRMATION)  # unsigned: a forgery, or not Meta's at all
    invoke(path, "import", str(tmp_path / "n.eml"), str(tmp_path / "c.eml"))
    out = tmp_path / "all"
    invoke(path, "evidence", "--all", "--out", str(out))
    folder = out / "facebook_anna@example.org"
    text = (folder / "evidence.txt").read_text()
    assert "UNVERIFIED" in text and "DKIM: none" in text and "CHECK REPLY" in text
    assert (folder / "02_2024-06-01_confirmation.eml").read_bytes() == CONFIRMATION
    invoke(path, "evidence", "--out", str(out), code=2)  # neither an account nor --all
    invoke(path, "evidence", "facebook:nobody@example.org", "--out", str(out), code=1)
