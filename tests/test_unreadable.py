"""`import` of files that are not mail names and skips each; real but broken mail is recorded with its
reason and listed by `status --unreadable` and the JSON; the summary's numbers add up."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from cli import cli
from tracker.store.engine import open_database
from tracker.store.models import ProcessedMessage
from tracker.store.unreadable import is_mail

DATA = Path(__file__).parent / "data"


def invoke(*args: str, code: int = 0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def files(tmp_path: Path) -> dict[str, Path]:
    made = {
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "txt": b"shopping list\nmilk\neggs\n",
        # Mail, but with nothing to read it by: no sender, date, subject or Message-ID.
        "broken": b"Received: from mx.example.org by mx2.example.org\r\n\r\n\xff\xfe garbage\r\n",
    }
    paths = {}
    for name, data in made.items():
        paths[name] = tmp_path / f"{name}.{'eml' if name == 'broken' else name}"
        paths[name].write_bytes(data)
    return paths


def test_files_that_are_not_mail_are_named_and_skipped_broken_mail_is_listed(tmp_path, tracker_home):
    f = files(tmp_path)
    result = invoke("import", str(f["pdf"]), str(f["txt"]), str(f["broken"]),
                    str(DATA / "notice_facebook_en.eml"), str(DATA / "newsletter.eml"))
    assert f"skipped {f['pdf']}: not a mail" in result.stderr
    assert f"skipped {f['txt']}: not a mail" in result.stderr
    assert "broken.eml" not in result.stderr
    assert result.stdout.strip() == ("import: 3 new messages looked at: 1 notice, 1 unreadable mail, "
                                     "1 not from Meta")

    with open_database(f"sqlite:///{tracker_home}/tracker.db").begin() as session:
        recorded = {row.folder: row.outcome for row in session.query(ProcessedMessage)}
    assert str(f["pdf"]) not in recorded and str(f["txt"]) not in recorded
    assert recorded[str(f["broken"])] == "unparseable"

    table = invoke("status").stdout
    assert "1 message could not be read: `objection-tracker status --unreadable` lists it" in table
    assert "sync -v" not in table
    listing = invoke("status", "--unreadable").stdout.strip().splitlines()
    assert len(listing) == 1
    found = re.fullmatch(rf"\d{{4}}-\d\d-\d\d  {re.escape(str(f['broken']))}: (.+)", listing[0])
    assert found, listing
    doc = json.loads(invoke("status", "--format", "json").stdout)
    (item,) = doc["unreadable"]
    assert (item["mailbox"], item["folder"], item["uid"], item["reason"]) == (
        "import", str(f["broken"]), None, found.group(1))


def test_a_second_import_still_adds_up(tmp_path):
    first = invoke("import", str(DATA / "notice_facebook_en.eml"), str(DATA / "notice_instagram_en.eml"))
    assert first.stdout.strip() == "import: 2 new messages looked at: 2 notices"
    # The same mails again under other file names: the same Message-IDs, so already known.
    for name in ("notice_facebook_en.eml", "notice_instagram_en.eml", "newsletter.eml"):
        (tmp_path / f"copy-{name}").write_bytes((DATA / name).read_bytes())
    again = invoke("import", str(tmp_path))
    line = again.stdout.strip()
    assert line == "import: 3 new messages looked at: 2 already known, 1 not from Meta"
    looked_at = int(re.match(r"import: (\d+) new messages looked at", line).group(1))
    parts = sum(int(n) for n in re.findall(r"(?:: |, )(\d+) ", line.split("looked at", 1)[1]))
    assert parts == looked_at


def test_is_mail():
    assert is_mail((DATA / "notice_facebook_en.eml").read_bytes())
    assert is_mail(b"Received: from a by b\r\n\r\n")
    assert not is_mail(b"%PDF-1.4\n")
    assert not is_mail(b"hello: world\n\nnot a mail header\n")
    assert not is_mail(b"")
