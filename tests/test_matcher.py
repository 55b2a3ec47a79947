"""tracker.recognition.matcher: a pattern runs only when one of its anchors occurs, so an anchor that a match
can lack would silently drop matches. These tests hold the anchors to every pattern in rules."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.recognition import rules
from tracker.recognition.classify import group
from tracker.recognition.language import LANGUAGE_SIGNS
from tracker.recognition.matcher import GroupMatcher, anchors

GROUPS = ("ai_at_meta", "right_to_object", "confirmation", "rejection", "already_objected",
          "objection_words", "accept_words", "unable_words", "asks_for_evidence", "login_code",
          "policy_subject", "reply_markers", "acknowledgement", "request_words", "request_nouns",
          "everyday", "inbox")
PATTERNS = sorted({p for lang in rules.LANGUAGES for g in GROUPS for p in getattr(lang, g)}
                  | set(rules.ACCOUNTS_CENTER) | set(rules.REPLY_SIGNATURES))


# One Chinese or Japanese character, or one Hangul syllable, carries what a few letters do, and none
# occurs in a text in another script: two of them are as rare an anchor as three letters.
IDEOGRAPHIC = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def _strength(anchor: str) -> int:
    return len(anchor) + len(IDEOGRAPHIC.findall(anchor))


def test_every_rule_pattern_has_anchors_of_three_characters_or_more():
    weak = {p: anchors(p) for p in PATTERNS if not anchors(p) or min(map(_strength, anchors(p))) < 3}
    assert weak == {}


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_string_a_pattern_matches_contains_one_of_its_anchors(data):
    pattern = data.draw(st.sampled_from(PATTERNS))
    text = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    assert any(a in text for a in anchors(pattern)), (pattern, text, anchors(pattern))


def test_anchors_of_regex_shapes():
    assert anchors(r"(?:we've|we have) reviewed your (?:request|objection)") == {" reviewed your "}
    assert anchors(r"hono(?:u)?r") == {"hono"}
    assert anchors(r"vaš\w* žádost") == {" žádost"}
    assert anchors(r"(?:kan|kunne) ikke") == {" ikke"}
    assert anchors(r"(?:ab|cd)") is None or min(map(len, anchors(r"(?:ab|cd)"))) < 3
    assert anchors(r"(?:request|objection)") == {"request", "objection"}
    assert anchors(r"\bgeben\b[^.]{0,120}\bstatt\b") == {"geben"}


WORDS = st.text(alphabet=st.sampled_from(list("abcdefghijklmnoprstuvwyzäöüéè '.,")), max_size=80)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data(), name=st.sampled_from(LANGUAGE_SIGNS + ("accept_words", "unable_words", "reply_markers")))
def test_the_matcher_finds_what_each_pattern_finds_on_its_own(data, name):
    pattern = data.draw(st.sampled_from([p for lang in rules.LANGUAGES for p in getattr(lang, name)]))
    inside = data.draw(st.from_regex(re.compile(pattern), fullmatch=True))
    text = data.draw(WORDS) + inside + data.draw(WORDS)
    naive = sorted((m.start(), m.group(0)) for lang in rules.LANGUAGES for p in getattr(lang, name)
                   for m in re.finditer(p, text))
    assert sorted((h.start, h.text) for h in group(name).finditer(text)) == naive


def test_a_pattern_without_a_literal_always_runs():
    matcher = GroupMatcher([("en", r"\d{3}")])
    assert [h.text for h in matcher.finditer("a 123 b")] == ["123"]
