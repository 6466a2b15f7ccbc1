"""Characters every match of a regular expression must contain, to skip a scan that cannot match.

The deadline grammar runs two dozen patterns over each task's text, and most begin with an
optional cue ("trong", "trước", "chậm nhất" ...) that the regex engine tries at every position:
a scan costs the same whether the text holds a date or not. Yet a date pattern cannot match a
text without a digit, nor "quý I" one without "ý". ``required(pattern)`` reads, from the
pattern itself, characters that every match consumes (a digit, or a letter in any case), and
``Presence`` answers for a text span whether it holds them, each answer one fast search,
remembered. A pattern whose required character is absent has no match there: skipping it
gives exactly the matches the scan would have given (none).

Only what a match must *consume* counts (a lookaround's text may lie outside the span), and
anything unclear (a back-reference, a negated class) counts as able to match without the
character, so a requirement is never claimed that the pattern does not have.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as sre
from re import _parser as sre_parse

DIGIT = "\\d"  # the requirement "a decimal digit", as re's \d reads it
# At most this many requirements are kept per pattern (the rarest first): each may cost a search.
KEEP = 3


def _in_digit(op, av) -> bool:
    if op is sre.LITERAL:
        return chr(av).isdecimal()
    if op is sre.RANGE:
        return all(chr(c).isdecimal() for c in range(av[0], av[1] + 1))
    return op is sre.CATEGORY and av is sre.CATEGORY_DIGIT


def _same_letter(char: str):
    """Whether a literal is ``char`` as re.IGNORECASE reads it (then the literal matches only such)."""
    probe = re.compile(re.escape(char), re.IGNORECASE)
    return lambda op, av: op is sre.LITERAL and probe.fullmatch(chr(av)) is not None


def _possible(items, inside) -> bool:
    """Whether the parsed sequence ``items`` can match a string with no character ``inside`` accepts."""
    return all(_possible_item(op, av, inside) for op, av in items)


def _possible_item(op, av, inside) -> bool:
    if op is sre.LITERAL:
        return not inside(op, av)
    if op is sre.IN:
        return any(o is sre.NEGATE or not inside(o, a) for o, a in av)
    if op is sre.BRANCH:
        return any(_possible(branch, inside) for branch in av[1])
    if op is sre.SUBPATTERN:
        return _possible(av[3], inside)
    if op is sre.ATOMIC_GROUP:
        return _possible(av, inside)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return av[0] == 0 or _possible(av[2], inside)
    return True  # a lookaround, an anchor, any character, a back-reference: no requirement read


def _literals(items, out: set[str]) -> set[str]:
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av).lower())
        elif op is sre.BRANCH:
            for branch in av[1]:
                _literals(branch, out)
        elif op is sre.SUBPATTERN:
            _literals(av[3], out)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _literals(av[2], out)
    return out


@cache
def required(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Requirements of every match of ``pattern``: ``DIGIT``, or a letter (in any case), rarest first.

    >>> required(re.compile(r"(?:trong\\s+)?quý\\s*(?:IV|III|II|I)", re.I))  # every numeral has an I
    ('ý', 'i', 'q')
    >>> required(re.compile(r"(?:trước\\s+)?ngày\\s*\\d{1,2}/\\d{1,2}"))[0]
    '\\\\d'
    >>> required(re.compile(r"hằng|hàng"))  # each branch has its own letters
    ('g', 'h', 'n')
    """
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    found = [DIGIT] if not _possible(parsed, _in_digit) else []
    letters = sorted(
        (c for c in _literals(parsed, set()) if c.isalpha() and not _possible(parsed, _same_letter(c))),
        key=lambda c: (c.isascii(), c),  # letters with diacritics are the rarer ones
    )
    return tuple(found + letters)[:KEEP]


class Presence:
    """Which requirements the span ``text[start:end]`` meets, each looked up once."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._known: dict[str, bool] = {}

    def holds(self, requirement: str) -> bool:
        known = self._known.get(requirement)
        if known is None:
            known = _probe(requirement).search(self.text, self.start, self.end) is not None
            self._known[requirement] = known
        return known

    def meets(self, requirements: tuple[str, ...]) -> bool:
        """False only when a pattern with these ``required`` characters cannot match in the span."""
        return all(self.holds(requirement) for requirement in requirements)


@cache
def _probe(requirement: str) -> re.Pattern[str]:
    return re.compile(DIGIT) if requirement == DIGIT else re.compile(re.escape(requirement), re.IGNORECASE)
