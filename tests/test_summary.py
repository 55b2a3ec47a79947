"""The sync and import summaries in the user's words (issue 22 item 1): Meta's everyday mail is
Meta's, one part per outcome with its plural, the parts add up, and "nothing new" when so."""

from __future__ import annotations

import re
from collections import Counter

from tracker.act.summary import describe
from tracker.sync import SyncSummary


def summary(**counts) -> SyncSummary:
    s = SyncSummary("personal", folders=2)
    for kind, n in counts.pop("new", {}).items():
        s.new[kind] = n
    for name, n in counts.items():
        setattr(s, name, n)
    s.looked_at = sum(s.new.values()) + sum(counts.values())
    return s


def numbers(line: str) -> tuple[int, int]:
    total = int(re.match(r"personal: (\d+) new messages? looked at", line).group(1))
    parts = sum(int(n) for n in re.findall(r"(?:: |, )(\d+) ", line.split("looked at", 1)[1]))
    return total, parts


def test_the_trial_mailbox_in_words():
    # The first sync of the issue: 240 everyday mails settled by their header read "not from Meta".
    line = describe(summary(new=Counter(confirmation=1, notice=6, other=85, verification_code=2),
                            suspicious=2, everyday=240))
    assert line == ("personal: 336 new messages looked at: 6 notices, 2 verification codes, "
                    "1 confirmation, 325 everyday mails from Meta, 2 suspicious mails claiming to be Meta")
    assert "not from Meta" not in line
    total, parts = numbers(line)
    assert total == parts == 336


def test_plurals_and_the_rest():
    line = describe(summary(new=Counter(notice=1, rejection=2, unclear_reply=1), everyday=1,
                            unparseable=1, duplicates=3, not_meta=2, vanished=1))
    assert line == ("personal: 12 new messages looked at: 1 notice, 2 rejections, 1 reply to check, "
                    "1 everyday mail from Meta, 1 unreadable mail, 3 already known, "
                    "1 moved away before it was read whole, 2 not from Meta")
    assert numbers(line) == (12, 12)
    assert describe(summary(new=Counter(notice=1))) == "personal: 1 new message looked at: 1 notice"


def test_nothing_new_says_so():
    assert describe(SyncSummary("personal", folders=3)) == "personal: nothing new"


def test_an_outcome_without_a_word_is_still_counted():
    s = summary(new=Counter(whatsapp_notice=2))
    s.looked_at += 1  # an outcome a later change adds before it gets its word here
    line = describe(s)
    assert "2 whatsapp notices" in line and "1 other mail" in line
    assert numbers(line) == (3, 3)
