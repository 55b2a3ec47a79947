"""Which rules the recognition reads Meta's mail by.

Bump RULES with every change under tracker/recognition/ (code or language data) that can change
what a stored mail is read as: the next sync or import then reads every stored flow mail again
with the new rules (tracker.reread), so that a finding the old rules got wrong (a notification
once taken for a confirmation) does not stay wrong. tests/test_rules_version.py fails until the
number is bumped and its fingerprint of these files updated. A change that cannot change a
reading (a comment) may keep the number: update the fingerprint alone.
"""

RULES = 1
