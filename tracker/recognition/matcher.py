"""One matcher per group of rule patterns: which pattern of which language occurs in a text.

A regex of all the group's patterns as alternatives tries every alternative at every position of
the text (a 5 kB mail cost ~30 ms per classify, issue 10). Instead each pattern carries the literal
strings one of which every match of it contains (its anchors, found once from the pattern's own
text); a pattern runs only when one of its anchors occurs in the text, which the substring search
in C answers in a few microseconds. A mail costs a scan of its text per anchor, with a small
constant, and a regex run only for the few patterns that can match.

Texts are lower-case (classify normalises them): the patterns need no IGNORECASE, which would
cost more than the matching itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """Each rule pattern compiled once per run, whoever asks (the language files' check, the
    matchers): re's own cache holds 512 and the rules have thousands, so it kept recompiling
    them (issue 21 item 2)."""
    return re.compile(pattern)


@dataclass(frozen=True)
class Hit:
    language: str | None
    text: str
    start: int


@dataclass(frozen=True)
class _Pattern:
    language: str | None
    source: str
    anchors: tuple[str, ...] | None  # None: no literal found, always run

    @property
    def regex(self) -> re.Pattern[str]:  # compiled when a text first may match it
        return compiled(self.source)


class GroupMatcher:
    def __init__(self, tagged: list[tuple[str | None, str]]) -> None:
        self._patterns = []
        by_anchor: dict[str, list[int]] = {}
        self._always: list[int] = []
        for order, (language, pattern) in enumerate(tagged):
            found = anchors(pattern)
            self._patterns.append(_Pattern(language, pattern, tuple(sorted(found)) if found else None))
            if found:
                for anchor in found:
                    by_anchor.setdefault(anchor, []).append(order)
            else:
                self._always.append(order)
        # One flat list: the loop over it is the whole per-text cost when nothing matches.
        self._anchors = tuple((anchor, tuple(orders)) for anchor, orders in by_anchor.items())

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every match of every pattern, in the order they occur in the text."""
        candidates = set(self._always)
        for anchor, orders in self._anchors:
            if anchor in text:
                candidates.update(orders)
        hits = []
        for order in sorted(candidates):
            p = self._patterns[order]
            hits.extend((m.start(), order, Hit(p.language, m.group(0), m.start()))
                        for m in p.regex.finditer(text))
        hits.sort(key=lambda h: (h[0], h[1]))
        return iter(h[2] for h in hits)

    def search(self, text: str) -> Hit | None:
        return next(self.finditer(text), None)



# Escaped characters that stand for themselves; every other escape (\b, \w, \d, \s) is a class.
_LITERAL_ESCAPES = frozenset(".-'\"/ ()[]?*+|{}$^#")


def anchors(pattern: str) -> set[str] | None:
    """Literal strings of which every match of the pattern contains at least one; None when the
    pattern has no such literal (then it always runs)."""
    branches = _top_level_branches(pattern)
    if len(branches) > 1:
        found: set[str] = set()
        for branch in branches:
            part = anchors(branch)
            if not part:
                return None
            found |= part
        return found
    return _branch_anchors(branches[0])


def _top_level_branches(pattern: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _branch_anchors(pattern: str) -> set[str] | None:
    """The longest required literal run of one branch, else the best anchors of a required group."""
    runs: list[str] = []
    groups: list[str] = []
    run = ""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            escaped = pattern[i + 1]
            after = _skip_quantifier(pattern, i + 2)
            if escaped in _LITERAL_ESCAPES and after == i + 2:
                run += escaped
            else:
                runs.append(run)
                run = ""
            i = after
        elif c == "[" or c in ".^$":
            runs.append(run)
            run = ""
            i = _skip_quantifier(pattern, _class_end(pattern, i) if c == "[" else i + 1)
        elif c == "(":
            runs.append(run)
            run = ""
            end = _group_end(pattern, i)
            inner = pattern[i + 1:end]
            after = _skip_quantifier(pattern, end + 1)
            required = after == end + 1 or pattern[end + 1] == "+"
            if required and not inner.startswith(("?=", "?!", "?<=", "?<!")):
                if inner.startswith("?P<"):
                    inner = inner[inner.index(">") + 1:]
                elif inner.startswith("?:"):
                    inner = inner[2:]
                groups.append(inner)
            i = after
        else:
            after = _skip_quantifier(pattern, i + 1)
            if after == i + 1:
                run += c
            else:
                if pattern[i + 1] == "+":  # one or more: the character itself is required
                    run += c
                runs.append(run)
                run = ""
            i = after
    runs.append(run)
    best = max(runs, key=len)
    if len(best) >= 3:
        return {best}
    options = [found for found in (anchors(g) for g in groups) if found]
    if options:
        return max(options, key=lambda found: min(len(a) for a in found))
    return {best} if best else None


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class that starts at i."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """The index of the parenthesis that closes the group opened at i."""
    depth, j = 0, i
    while True:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1


def _skip_quantifier(pattern: str, i: int) -> int:
    if i < len(pattern) and pattern[i] in "?*+":
        i += 1
    elif i < len(pattern) and pattern[i] == "{":
        i = pattern.index("}", i) + 1
    else:
        return i
    if i < len(pattern) and pattern[i] in "?+":  # lazy or possessive
        i += 1
    return i
