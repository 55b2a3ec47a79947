"""Issue 14: `evidence` writes each flow mail byte for byte, and a page and a text that a complaint
can carry; the page is opened in headless Chromium (tests/tools/install-chromium.sh)."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.configs import invoke
from tests.dkim_keys import harness_sign
from tests.test_dkim import CODE, CONFIRMATION, NOTICE, fixture
from tracker.act.evidence import Folder, folder_name
from tracker.act.folder import UnsafeFolder
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
    assert "files written" in invoke(path, "evidence", "facebook:anna@example.org", "--out", str(out))
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
    folder = out / folder_name("facebook:anna@example.org")
    assert folder.name.startswith("facebook_anna@example.org-")
    text = (folder / "evidence.txt").read_text()
    assert "UNVERIFIED" in text and "DKIM: none" in text and "CHECK REPLY" in text
    assert "Verdict: not vouched for: unverified" in text
    assert (folder / "02_2024-06-01_confirmation.eml").read_bytes() == CONFIRMATION
    invoke(path, "evidence", "--out", str(out), code=2)  # neither an account nor --all
    invoke(path, "evidence", "facebook:nobody@example.org", "--out", str(out), code=1)


def test_the_page_shows_the_verdict_that_decided_the_reply_and_the_hashes(tmp_path):
    path = _config(tmp_path)
    signed = _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE})
    # not signed by the tracker's harness: only the Authentication-Results of mx.example.org, the
    # server the import trusts, vouches for it
    reply = fixture("en_facebook_confirmation_2024.eml", drop_auth_results=False)
    signed["3-confirmation.eml"] = reply
    (tmp_path / "3.eml").write_bytes(reply)
    invoke(path, "import", str(tmp_path / "3.eml"))
    out = tmp_path / "proof"
    invoke(path, "evidence", "facebook:anna@example.org", "--out", str(out))
    # SHA256SUMS is what `sha256sum -c` reads, and each hash is also on the page and in the text
    sums = (out / "SHA256SUMS").read_text().splitlines()
    assert len(sums) == 3
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.count(": OK") == 3, done.stdout + done.stderr
    page = html.unescape((out / "evidence.html").read_text())
    text = (out / "evidence.txt").read_text()
    for data in signed.values():
        digest = hashlib.sha256(data).hexdigest()
        assert digest in page and digest in text
    # the verdict that decided, never a red "none": the tracker's DKIM check for the signed two,
    # the trusted server's header, with its authserv-id, for the third
    assert page.count("DKIM checked by the tracker: pass d=facebookmail.com s=s2026") == 2
    assert page.count("Authentication-Results of the user's mail server (mx.example.org): "
                      "mx.example.org; dkim=pass header.d=support.facebook.com") == 1
    assert 'class="bad"' not in page.split("<h2>Mails")[1]
    # the words of Meta's reply, as written
    assert "We've reviewed your request and will honor your objection." in page
    assert "| We've reviewed your request and will honor your objection." in text


def test_evidence_all_writes_an_index_of_every_account(tmp_path):
    path = _config(tmp_path)
    other = NOTICE.replace(b"anna", b"anne").replace(b"Message-ID: <",
                                                                            b"Message-ID: <anne-")
    _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE, "3-other.eml": other})
    out = tmp_path / "all"
    invoke(path, "evidence", "--all", "--out", str(out))
    text = (out / "index.txt").read_text()
    page = html.unescape((out / "index.html").read_text())
    for key, state in (("facebook:anna@example.org", "in progress since 2024-06-01; notice: 2024-05-28; filed: 2024-06-01"),
                       ("facebook:anne@example.org", "NEEDS ACTION since 2024-05-28; notice: 2024-05-28; filed: -")):
        assert key in text and key in page
        assert state in text, (state, text)
        assert state.split(";")[0] in page
        assert folder_name(key) in text and (out / folder_name(key) / "evidence.html").is_file()


def test_a4_print_in_headless_chromium(tmp_path):
    path = _config(tmp_path)
    _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE,
                             "3-confirmation.eml": CONFIRMATION})
    out = tmp_path / "all"
    invoke(path, "evidence", "--all", "--out", str(out))
    page = out / folder_name("facebook:anna@example.org") / "evidence.html"
    pdf = tmp_path / "evidence.pdf"
    _chromium(page, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    # every page of the print is A4 (595 x 842 points), as the page's @page rule asks
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes), boxes
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, shown in (("evidence-a4.png", page), ("evidence-index.png", out / "index.html")):
        shot = SCREENSHOTS / name
        shot.unlink(missing_ok=True)
        # 794 x 1123 CSS pixels: an A4 sheet at 96 dpi
        _chromium(shown, tmp_path, f"--screenshot={shot}", "--window-size=794,1123",
                  "--hide-scrollbars")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_evidence_is_private_and_goes_only_into_a_new_or_empty_folder(tmp_path):
    path = _config(tmp_path)
    _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE})
    out = tmp_path / "proof"
    invoke(path, "evidence", "--all", "--out", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for p in out.rglob("*"):
        assert stat.S_IMODE(p.lstat().st_mode) == (0o700 if p.is_dir() else 0o600), p
    # a second run into the same folder writes nothing: it is not empty
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert "is not empty" in invoke(path, "evidence", "--all", "--out", str(out), code=1)
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    # an empty folder that exists is fine
    (tmp_path / "empty").mkdir()
    invoke(path, "evidence", "facebook:anna@example.org", "--out", str(tmp_path / "empty"))
    assert (tmp_path / "empty" / "evidence.html").is_file()


def test_planted_links_write_nothing_outside(tmp_path):
    path = _config(tmp_path)
    _import(tmp_path, path, {"1-notice.eml": NOTICE, "2-code.eml": CODE})
    victim = tmp_path / "victim"
    victim.mkdir()
    bashrc = victim / ".bashrc"
    bashrc.write_text("# mine\n")
    # 1. the folder holds links named as the files evidence would write
    planted = tmp_path / "planted"
    planted.mkdir()
    for name in ("evidence.html", "evidence.txt", "SHA256SUMS",
                 "01_2024-05-28_notice.eml", "02_2024-06-01_verification_code.eml"):
        (planted / name).symlink_to(bashrc)
    invoke(path, "evidence", "facebook:anna@example.org", "--out", str(planted), code=1)
    # 2. the folder itself is a link to another (empty) folder
    (tmp_path / "link").symlink_to(victim / "empty", target_is_directory=True)
    (victim / "empty").mkdir()
    assert "symbolic link" in invoke(path, "evidence", "facebook:anna@example.org", "--out",
                                     str(tmp_path / "link"), code=1)
    # 3. a link dangling to where a file would go
    dangling = tmp_path / "dangling"
    dangling.mkdir()
    (dangling / "evidence.txt").symlink_to(victim / "new-file")
    invoke(path, "evidence", "facebook:anna@example.org", "--out", str(dangling), code=1)
    assert bashrc.read_text() == "# mine\n"
    assert sorted(p.name for p in victim.iterdir()) == [".bashrc", "empty"]
    assert list((victim / "empty").iterdir()) == []


def test_folder_refuses_links_planted_after_it_was_opened(tmp_path):
    target = tmp_path / "target"
    target.write_text("keep")
    with Folder.create(tmp_path / "out") as folder:
        (tmp_path / "out" / "a.txt").symlink_to(target)
        with pytest.raises(UnsafeFolder, match="already exists"):
            folder.write("a.txt", "attacker's bytes")
        (tmp_path / "out" / "sub").symlink_to(tmp_path, target_is_directory=True)
        with pytest.raises(UnsafeFolder):
            folder.folder("sub")
        # the folder swapped for a link after it was opened: writes still land in the opened one
        (tmp_path / "out").rename(tmp_path / "moved")
        (tmp_path / "out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
        (tmp_path / "elsewhere").mkdir()
        folder.write("b.txt", "evidence")
        for bad in ("../x", "", "..", "a/b"):
            with pytest.raises(UnsafeFolder):
                folder.write(bad, "x")
    assert target.read_text() == "keep"
    assert (tmp_path / "moved" / "b.txt").read_text() == "evidence"
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_accounts_differing_by_one_character_get_folders_of_their_own():
    keys = ["instagram:mia.archive", "instagram:mia_archive", "instagram:mia/archive",
            "facebook:Anna@example.org", "facebook:anna@example.org", "instagram:" + "x" * 200,
            "instagram:" + "x" * 199 + "y"]
    names = [folder_name(k) for k in keys]
    assert len(set(names)) == len(keys)
    assert all("/" not in n and len(n) < 100 and not n.startswith(".") for n in names)
