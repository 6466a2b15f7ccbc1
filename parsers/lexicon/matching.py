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
from dataclasses import dataclass

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
    map: tuple[int, ...]

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


def fold(text: str) -> Folded:
    """Fold ``text`` for matching: lower case, "&" -> "và", separators -> one space.

    >>> fold("Sở KH&ĐT").text
    'sở kh và đt'
    """
    out: list[str] = []
    pos: list[int] = []

    def emit_space(i: int) -> None:
        if out and out[-1] not in " \n\t":
            out.append(" ")
            pos.append(i)
        elif out and out[-1] == " " and text[i] in _STRONG and text[pos[-1]] not in _STRONG:
            pos[-1] = i  # a run " - " or ", " remembers its punctuation (see Folded.breaks_at)

    n = len(text)
    for i, ch in enumerate(text):
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
            out.extend("và")
            pos.extend((i, i))
            emit_space(i)
        elif ch == "." and i + 1 < n and text[i + 1].isalpha() and i > 0 and text[i - 1].isalpha():
            # "TT.HĐND", "UB.MTTQVN", "TP.HCM": a dot glued between two abbreviations
            emit_space(i)
        else:
            low = ch.lower()
            out.extend(low)
            pos.extend([i] * len(low))
    folded = fold_tones("".join(out))
    return Folded(text, folded, tuple(pos))


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
