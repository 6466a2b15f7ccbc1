"""Where the agency patterns can match: one Aho-Corasick pass over the folded text.

Running the ~500 patterns of the reference data one by one over a document costs ~500 scans
of its text, most of them by patterns with no literal prefix the regex engine could search
for. Instead, every pattern's possible *literal prefixes* ("sở tài chính", "sở tc", "ubnd ")
are read from the pattern itself and put in one automaton; one pass over the text gives every
place a prefix occurs, and each pattern is tried only there.

``finditer`` gives exactly the matches ``pattern.finditer`` gives (leftmost, not
overlapping): any match begins with one of the pattern's prefixes, so the positions tried
hold every position a match can start at. A pattern whose start cannot be read as literals
(``\\w+ ...``) is run with its own ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from re import _constants as sre
from re import _parser as sre_parse

import ahocorasick

# How long a prefix is read, and how many a pattern may have before the reading stops
# (a shorter prefix is still right, only less selective).
MAX_PREFIX = 24
MAX_PREFIXES = 256
# A character class is expanded to its characters when it has at most this many.
MAX_CLASS = 12

# A set of (prefix, open): ``open`` when the prefix ends where a part of the pattern ends, so
# that what follows the part may extend it.
Prefixes = set[tuple[str, bool]]


def _class_chars(items: list) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a category (\w, \d), a negation: any of many characters
    return chars if len(chars) <= MAX_CLASS else None


def _item(op, av) -> Prefixes:
    """The prefixes of one parsed regex item."""
    if op is sre.LITERAL:
        return {(chr(av), True)}
    if op is sre.IN:
        chars = _class_chars(av)
        return {(c, True) for c in chars} if chars else {("", False)}
    if op is sre.BRANCH:
        return set().union(*(_sequence(branch) for branch in av[1]))
    if op is sre.SUBPATTERN:
        group, add_flags, _del_flags, sub = av
        return {("", False)} if add_flags & re.IGNORECASE else _sequence(sub)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        once = _sequence(sub)
        if high == 1:
            return once | {("", True)} if low == 0 else once
        repeated = {(s, False) for s, _ in once}  # what follows the first repetition is not read
        return repeated | {("", True)} if low == 0 else repeated
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # takes no characters
    return {("", False)}  # any character, a category, a back-reference: the prefix stops here


def _sequence(items: Iterable) -> Prefixes:
    state: Prefixes = {("", True)}
    for op, av in items:
        if not any(is_open and len(s) < MAX_PREFIX for s, is_open in state):
            break
        options = _item(op, av)
        grown: Prefixes = set()
        for s, is_open in state:
            if not is_open or len(s) >= MAX_PREFIX:
                grown.add((s, False))
                continue
            grown.update((s + t, t_open) for t, t_open in options)
        if len(grown) > MAX_PREFIXES:
            return {(s, False) for s, _ in state}
        state = grown
    return state


def literal_prefixes(pattern: re.Pattern[str]) -> set[str]:
    """Strings one of which begins every match of ``pattern`` (an empty one when the start is unknown).

    >>> sorted(literal_prefixes(re.compile(r"(?:ban chấp hành|bch) đảng")))
    ['ban chấp hành đảng', 'bch đảng']
    """
    if pattern.flags & re.IGNORECASE:
        return {""}
    return {s[:MAX_PREFIX] for s, _ in _sequence(sre_parse.parse(pattern.pattern, pattern.flags))}


@dataclass
class PatternIndex:
    """An automaton over the literal prefixes of many patterns."""

    patterns: tuple[re.Pattern[str], ...]
    automaton: ahocorasick.Automaton | None
    unindexed: frozenset[int]

    @classmethod
    def build(cls, patterns: Iterable[re.Pattern[str]]) -> PatternIndex:
        patterns = tuple(patterns)
        by_prefix: dict[str, list[int]] = {}
        unindexed = set()
        for k, pattern in enumerate(patterns):
            prefixes = literal_prefixes(pattern)
            if "" in prefixes:
                unindexed.add(k)
                continue
            for prefix in prefixes:
                by_prefix.setdefault(prefix, []).append(k)
        automaton = None
        if by_prefix:
            automaton = ahocorasick.Automaton()
            for prefix, ks in by_prefix.items():
                automaton.add_word(prefix, (len(prefix), tuple(ks)))
            automaton.make_automaton()
        return cls(patterns, automaton, frozenset(unindexed))

    def positions(self, text: str, start: int, end: int) -> dict[int, list[int]]:
        """Pattern number -> the sorted positions in ``text[start:end]`` where one of its prefixes begins."""
        hits: dict[int, set[int]] = {}
        if self.automaton is not None and end > start:
            # the slice, not iter(text, start, end): the automaton copies the string it is given
            # whole, which made a window of a long document cost as much as the document
            for last, (length, ks) in self.automaton.iter(text[start:end]):
                at = start + last - length + 1
                for k in ks:
                    hits.setdefault(k, set()).add(at)
        return {k: sorted(v) for k, v in hits.items()}

    def finditer(
        self, k: int, text: str, start: int, end: int, positions: dict[int, list[int]]
    ) -> Iterator[re.Match[str]]:
        """What ``patterns[k].finditer(text, start, end)`` gives, trying only where its prefixes occur."""
        pattern = self.patterns[k]
        if k in self.unindexed:
            yield from pattern.finditer(text, start, end)
            return
        done = start
        for at in positions.get(k, ()):
            if at < done:
                continue  # inside the previous match: finditer does not look there
            m = pattern.match(text, at, end)
            if m is not None:
                yield m
                done = m.end()
