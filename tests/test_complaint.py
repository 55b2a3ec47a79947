"""When Meta does not answer (issue 23 item 5): reminder-text and complaint, over fixture mails
written from the field guide (a code mail of June 2024 that Meta never answered)."""

import hashlib
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.act import complaint as letters
from tracker.config import parse
from tracker.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures"
UNANSWERED = FIXTURES / "de_facebook_code_objection.eml"  # jonas.weber@example.org, 2 June 2024
KEY = "facebook:jonas.weber@example.org"


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def configure(home: Path, complaint: str) -> None:
    (home / "config.toml").write_text(f'[database]\nurl = "sqlite:///{home}/t.db"\n\n'
                                      f"[complaint]\n{complaint}\n", encoding="utf-8")


def test_the_reminder_names_the_filing_the_month_and_asks_within_14_days():
    run("import", str(UNANSWERED))
    out = run("reminder-text", KEY)
    assert "Reminder: my objection under Article 21 GDPR of 2024-06-02 is unanswered" in out
    assert "That month ended on 2024-07-03, and I have had no answer." in out
    assert "jonas.weber@example.org" in out and "the reminder is due from 2024-07-17" in out
    german = run("reminder-text", KEY, "--language", "de")
    assert "Erinnerung: mein Widerspruch nach Art. 21 DSGVO vom 2024-06-02" in german


def test_no_reminder_or_complaint_for_an_objection_meta_answered(tmp_path):
    run("import", str(FIXTURES / "en_facebook_confirmation_2024.eml"))
    out = run("reminder-text", "facebook:anna@example.org", code=1)
    assert "is confirmed" in out
    out = run("complaint", "facebook:anna@example.org", "--out", str(tmp_path / "c"), code=1)
    assert "is confirmed" in out and not (tmp_path / "c").exists()


def test_the_complaint_goes_to_the_dpc_with_the_facts_and_every_file_s_hash(tmp_path):
    run("import", str(UNANSWERED))
    out = tmp_path / "complaint"
    run("complaint", KEY, "--out", str(out), "--reminded", "2024-07-20")
    text = (out / "complaint.txt").read_text(encoding="utf-8")
    assert text.startswith("Data Protection Commission\n21 Fitzwilliam Square South\n")
    assert "Complaint under Article 77 GDPR against Meta Platforms Ireland Limited" in text
    assert "2. I reminded Meta of my objection on 2024-07-20." in text
    assert "The month of Article 12(3) GDPR ended on 2024-07-03" in text
    assert "[your name and postal address] (jonas.weber@example.org)" in text
    sums = (out / "evidence" / "SHA256SUMS").read_text().split()
    (digest, name) = sums
    assert hashlib.sha256((out / "evidence" / name).read_bytes()).hexdigest() == digest
    assert f"- evidence/{name}  SHA-256 {digest}" in text
    assert {p.name for p in (out / "evidence").iterdir()} == {name, "SHA256SUMS", "evidence.html",
                                                               "evidence.txt"}
    assert stat.S_IMODE((out / "complaint.txt").stat().st_mode) == 0o600


def test_the_config_names_the_authority_the_signer_and_the_language(tmp_path, tracker_home):
    configure(tracker_home, 'authority = "fr-cnil"\nname = "Jonas Weber"')
    run("import", str(UNANSWERED))
    run("complaint", KEY, "--out", str(tmp_path / "fr"))
    text = (tmp_path / "fr" / "complaint.txt").read_text(encoding="utf-8")
    assert text.startswith("Commission nationale de l'informatique et des libertés (CNIL)\n")
    assert "Réclamation au titre de l'article 77 du RGPD" in text and "Jonas Weber" in text
    run("complaint", KEY, "--out", str(tmp_path / "de"), "--language", "de")
    assert "Beschwerde nach Art. 77 DSGVO" in (tmp_path / "de" / "complaint.txt").read_text()


def test_an_authority_the_file_does_not_list_is_addressed_by_its_name():
    assert letters.authority("Agencia Española de Protección de Datos").block() == \
        ["Agencia Española de Protección de Datos"]
    assert letters.authority(None).key == "ie-dpc"


@pytest.mark.parametrize("section, problem", [
    ({"authority": ""}, "complaint.authority: empty"),
    ({"language": "es"}, "complaint.language: 'es' is not en, de or fr"),
    ({"autority": "ie-dpc"}, "did you mean authority?"),
])
def test_a_wrong_complaint_section_is_named(section, problem):
    with pytest.raises(ConfigError, match=problem.replace("?", r"\?")):
        parse({"complaint": section})
