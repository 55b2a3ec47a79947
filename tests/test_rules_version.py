"""A change to the recognition must come with a new rules number (tracker.recognition.version).

The number is what makes a database's stored flow mails be read again (tracker.reread): a fix
that keeps the old number helps only mail that comes later, and a notification an older version
took for a confirmation stays "confirmed". So this test keeps a fingerprint of every file the
recognition reads by (tracker/recognition/**/*.py and its .toml data, version.py aside) for the
current number: when the files change, bump RULES, and put the new number and the fingerprint
this test prints here. A change that cannot change any reading (a comment) may keep the number
with the new fingerprint.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tracker.recognition.version import RULES

RECOGNITION = Path(__file__).parents[1] / "tracker" / "recognition"
FINGERPRINTS = {
    1: "6c949dc0ef791d52bc41fd5c1f002abdb4d813f121df104d6735dadaec44bdbf",
}


def fingerprint() -> str:
    digest = hashlib.sha256()
    files = sorted(p for pattern in ("*.py", "*.toml") for p in RECOGNITION.rglob(pattern)
                   if p.name != "version.py" and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(RECOGNITION).as_posix().encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def test_the_rules_number_moves_with_the_recognition() -> None:
    now = fingerprint()
    assert FINGERPRINTS.get(RULES) == now, (
        f"tracker/recognition changed and RULES is still {RULES}: bump RULES in "
        f"tracker/recognition/version.py (stored mail is then read again with the new rules) "
        f"and add {{{RULES + 1}: {now!r}}} to FINGERPRINTS here; for a change that cannot change "
        f"a reading, put {now!r} under {RULES}")


def test_the_rules_number_only_grows() -> None:
    assert max(FINGERPRINTS) == RULES
