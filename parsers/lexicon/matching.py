"""Folding for matching names: a folded copy of the text with an offset map, keys, slugs.

Agency names are matched on a *folded* copy of the text, in which case, punctuation and
spelling variants that do not change the name are made equal:

    "Sở Lao động - Thương binh và Xã hội"  -> "sở lao động thương binh và xã hội"
    "Sở Lao động, Thương binh và Xã hội"   -> "sở lao động thương binh và xã hội"
    "Sở LĐTB&XH"                           -> "sở lđtb và xh"
    "Ủy ban" / "Uỷ ban"                    -> "ủy ban"
    "TT.HĐND"                              -> "tt hđnd"

``Folded.map`` gives, for every folded character, the offset of the character of the
original text it came from, so a match on the folded text maps back to an exact span.
Line breaks and tabs (table cells) are kept: a name never runs across them.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Characters that only separate words inside a name: "Lao động - Thương binh", "VH,TT&DL".
_SEPARATORS = frozenset(" \u00a0-–—‐,_*|\u200b")
_BOUNDARIES = frozenset("\n\t\r\f\v")
_STRONG = frozenset(",-–—‐")

# Old-style tone placement at the end of a syllable ("hoá", "Uỷ", "thuỷ") folded to the
# style most documents use ("hóa", "Ủy", "thủy"); both sides of every match are folded alike.
_OLD_TONE = re.compile(r"([ou])([áàảãạéèẻẽẹýỳỷỹỵ])(?![^\W\d_])")
_VALID_OLD_PAIRS = {"o": "áàảãạéèẻẽẹ", "u": "ýỳỷỹỵ"}


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if second not in _VALID_OLD_PAIRS[first]:
        return match.group(0)
    base, *marks = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def fold_tones(text: str) -> str:
    """Move old-style tone marks to the first vowel: "uỷ ban" -> "ủy ban" (same length)."""
    return _OLD_TONE.sub(_move_tone, text)


@dataclass(frozen=True)
class Folded:
    """A folded copy of ``original`` and, per folded character, its offset in ``original``."""

    original: str
    text: str
    map: Sequence[int]  # an array of offsets: 8 bytes a character, not a tuple of ints

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``[start, end)``."""
        if end <= start:
            pos = self.map[start] if start < len(self.map) else len(self.original)
            return pos, pos
        return self.map[start], self.map[end - 1] + 1

    def surface(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]

    def breaks_at(self, k: int) -> bool:
        """Whether the folded space at ``k`` stands for a comma (or dash): a list, not one name."""
        return k < len(self.text) and self.text[k] == " " and self.original[self.map[k]] in ",-–—‐"


# Every character str.isspace() accepts (a test checks the list against Python's).
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPECIAL = "".join(sorted(set(_WHITESPACE) | _SEPARATORS | _BOUNDARIES | {"&", "."}))
_SPECIAL_CLASS = "[" + re.escape(_SPECIAL) + "]"
# What folding changes beyond lower case: runs of special characters, except a lone space
# between two ordinary characters (the common case, copied as it is); a text's leading space.
_RUNS = re.compile(rf"\A{_SPECIAL_CLASS}+|{_SPECIAL_CLASS}{{2,}}|[{re.escape(_SPECIAL.replace(' ', ''))}]")


def fold(text: str) -> Folded:
    """Fold ``text`` for matching: lower case, "&" -> "và", separators -> one space.

    Linear in the text: the stretches between special characters are lowered whole, only the
    runs of separators, breaks and dots are read character by character.

    >>> fold("Sở KH&ĐT").text
    'sở kh và đt'
    """
    # two caches: the few whole documents a parse folds, and the many short names, so that
    # folding names never evicts the document the agency finder reads window after window
    return _fold_cached(text) if len(text) > SHORT_TEXT else _fold_short(text)


# Texts up to this length are names, keys and cells (cached by the thousand); longer, documents.
SHORT_TEXT = 300


@lru_cache(maxsize=4)
def _fold_cached(text: str) -> Folded:
    return _fold(text)


@lru_cache(maxsize=8192)
def _fold_short(text: str) -> Folded:
    return _fold(text)


def _fold(text: str) -> Folded:
    out: list[str] = []
    pos = array("l")
    done = 0
    for m in _RUNS.finditer(text):
        if m.start() > done:
            _copy_lowered(text, done, m.start(), out, pos)
        _fold_run(text, m.start(), m.end(), out, pos)
        done = m.end()
    if done < len(text):
        _copy_lowered(text, done, len(text), out, pos)
    return Folded(text, fold_tones("".join(out)), pos)


def _copy_lowered(text: str, start: int, end: int, out: list[str], pos: array) -> None:
    chunk = text[start:end]
    low = chunk.lower()
    if len(low) == len(chunk) and "Σ" not in chunk:  # str.lower() reads a final sigma in context
        out.append(low)
        pos.extend(range(start, end))
        return
    for i in range(start, end):
        low = text[i].lower()
        out.append(low)
        pos.extend([i] * len(low))


def _fold_run(text: str, start: int, end: int, out: list[str], pos: array) -> None:
    """Fold a run of separators, breaks, "&" and dots (``out`` never ends with a space from a copied chunk)."""

    def emit_space(i: int) -> None:
        if out and out[-1][-1] not in " \n\t":
            out.append(" ")
            pos.append(i)
        elif out and out[-1] == " " and text[i] in _STRONG and text[pos[-1]] not in _STRONG:
            pos[-1] = i  # a run " - " or ", " remembers its punctuation (see Folded.breaks_at)

    n = len(text)
    for i in range(start, end):
        ch = text[i]
        if ch in _BOUNDARIES:
            if out and out[-1] == " ":
                out.pop()
                pos.pop()
            out.append("\t" if ch == "\t" else "\n")
            pos.append(i)
        elif ch.isspace() or ch in _SEPARATORS:
            emit_space(i)
        elif ch == "&":
            emit_space(i)
            out.append("và")
            pos.extend((i, i))
            emit_space(i)
        elif ch == "." and i + 1 < n and text[i + 1].isalpha() and i > 0 and text[i - 1].isalpha():
            # "TT.HĐND", "UB.MTTQVN", "TP.HCM": a dot glued between two abbreviations
            emit_space(i)
        else:
            out.append(ch)  # a dot that ends a sentence or sits in a number
            pos.append(i)


def fold_key(text: str) -> str:
    """The folded form of a short string, trimmed: the key names are compared by.

    >>> fold_key("Sở Lao động, Thương binh và Xã hội;")
    'sở lao động thương binh và xã hội'
    """
    return fold(text).text.strip(" \n\t.;:")


def slug(text: str) -> str:
    """An ASCII id fragment: "Sở Tài chính" -> "so-tai-chinh"."""
    text = unicodedata.normalize("NFD", fold_key(text).replace("đ", "d"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
