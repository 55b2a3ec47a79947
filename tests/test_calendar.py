"""status --ics: the deadlines as an iCalendar file, read back with an independent RFC 5545 parser
(icalendar), over fixture mails and over states with no database."""

import datetime as dt
import os
import stat
from pathlib import Path

import icalendar
from click.testing import CliRunner

from cli import cli
from tracker.act.calendar import as_ics
from tracker.store.repo import Evidence
from tracker.store.state import derive

FIXTURES = Path(__file__).parent / "fixtures"
T0 = dt.datetime(2025, 12, 1, 10, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def events(text: str) -> dict[str, tuple[dt.date, str]]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["SUMMARY"]): (e.decoded("DTSTART"), str(e["UID"])) for e in calendar.walk("VEVENT")}


def test_an_overdue_objection_has_its_month_its_reminder_and_its_complaint(tmp_path):
    run("import", str(FIXTURES / "de_facebook_code_objection.eml"))  # filed 2 June 2024
    out = tmp_path / "deadlines.ics"
    assert "3 deadlines written to" in run("status", "--ics", str(out))
    key = "facebook:jonas.weber@example.org"
    found = {summary: day for summary, (day, _) in events(out.read_text()).items()}
    assert found == {f"Meta's answer due: {key}": dt.date(2024, 7, 3),
                     f"Remind Meta: {key}": dt.date(2024, 7, 17),
                     f"Complaint possible: {key}": dt.date(2024, 7, 31)}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert events(run("status", "--ics", "-")) == events(out.read_text())  # DTSTAMP aside


def test_writing_again_replaces_the_file_and_a_link_there_is_never_followed(tmp_path):
    run("import", str(FIXTURES / "de_facebook_code_objection.eml"))
    tmp_path = tmp_path / "calendars"
    tmp_path.mkdir()
    target = tmp_path / "victim"
    target.write_text("keep me")
    out = tmp_path / "deadlines.ics"
    os.symlink(target, out)
    run("status", "--ics", str(out))
    assert target.read_text() == "keep me" and not out.is_symlink()
    first = events(out.read_text())
    run("status", "--ics", str(out))
    assert {uid for _, uid in events(out.read_text()).values()} == {uid for _, uid in first.values()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deadlines.ics", "victim"]


def test_a_submitted_third_party_request_and_hostile_names_stay_valid_calendar_text():
    name = "x;y,z\\w\u00e9" * 12  # escapes and a line longer than 75 octets, in UTF-8
    evidence = [Evidence("facebook", name, "verification_code", T0),
                Evidence("facebook", "b@example.org", "third_party_reply", T0,
                         request_state="submitted")]
    text = as_ics(derive(evidence, now=T0 + 10 * DAY), T0 + 10 * DAY)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    found = events(text)
    assert found[f"Meta's answer due: facebook:{name}"][0] == dt.date(2026, 1, 1)
    assert found["Meta's answer due (third-party request): facebook:b@example.org"][0] == \
        dt.date(2026, 1, 1)


def test_nothing_to_wait_for_is_an_empty_calendar():
    text = as_ics(derive([Evidence("facebook", "a@example.org", "confirmation", T0)]), T0)
    assert list(icalendar.Calendar.from_ical(text).walk("VEVENT")) == []
