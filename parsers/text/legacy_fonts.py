"""Legacy Vietnamese font encodings (TCVN3 "ABC" and VNI Windows) -> Unicode.

Before Unicode, Vietnamese was typed in fonts (.VnTime, VNI-Times) that draw Vietnamese
letters in place of Latin-1 ones. Saved as text, or copied out of such a Word file, the
letters come out as Latin-1 characters: TCVN3 "Uû ban nh©n d©n" and VNI "UÛy ban nhaân
daân" are both "Uỷ ban nhân dân". The tables are data (``parsers/data/tcvn3.tsv``,
``parsers/data/vni.tsv``); conversion keeps the author's spelling, old-style tone
placement included ("Uỷ", which agency matching folds like "Ủy").

A text is converted only when it is mostly legacy: many of its words hold glyphs no
Unicode Vietnamese word has ("©", "¸", "®", "ñ" after a vowel ...), and the conversion
turns them into Vietnamese words. Lines holding a letter beyond Latin-1 ("ư", "ạ") are
Unicode already and kept as they are (a Word file typed partly in each).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# Letters of Unicode Vietnamese, ASCII included.
VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđáàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ"
)
WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"'“”‘’/\\|<>=+*&%$#@^~`_–—-]+")
VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
# One Vietnamese syllable: initial consonant(s), one to three vowels, a final consonant.
SYLLABLE = re.compile(
    rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{VOWELS}]{{1,3}}(?:ng|nh|ch|[cmnpt])?"
)
# Too few odd words to say anything about the encoding.
MIN_ODD_WORDS = 5
SAMPLE = 100_000


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@functools.cache
def tcvn3_table() -> dict[int, str]:
    """Glyph code point -> Unicode letter (``str.translate`` table)."""
    return {int(code[2:], 16): letter for code, _glyph, letter in _rows("tcvn3.tsv")}


@functools.cache
def vni_table() -> dict[str, str]:
    """VNI glyph sequence ("oá", "ñ", "OÁ") -> Unicode letter."""
    return dict(_rows("vni.tsv"))


@functools.cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def tcvn3_to_unicode(text: str) -> str:
    """``tcvn3_to_unicode("Uû ban nh©n d©n") == "Uỷ ban nhân dân"``"""
    return text.translate(tcvn3_table())


def vni_to_unicode(text: str) -> str:
    """``vni_to_unicode("Quyeát ñònh") == "Quyết định"``"""
    table = vni_table()
    return _vni_pattern().sub(lambda m: table[m.group()], text)


CONVERTERS = {"TCVN3": tcvn3_to_unicode, "VNI": vni_to_unicode}


def _is_odd(word: str) -> bool:
    """A word with a letter-like character Unicode Vietnamese does not use."""
    if word.isascii():
        return False  # its letters are a-z, all Vietnamese
    return any(ord(c) > 127 or c.isalpha() for c in set(word.lower()) - VIETNAMESE_LETTERS)


def odd_words(text: str) -> int:
    return sum(1 for w in WORD.findall(text) if _is_odd(w))


def _syllables(words: list[str]) -> int:
    return sum(1 for w in words if SYLLABLE.fullmatch(w.lower()))


def _is_unicode_line(line: str) -> bool:
    """A line with a letter beyond Latin-1 ("ư", "ạ") is typed in Unicode: legacy glyphs are all Latin-1."""
    return any(ord(c) > 0xFF and c.isalpha() for c in line)


def _convert_lines(text: str, convert) -> str:
    return "\n".join(line if _is_unicode_line(line) else convert(line) for line in text.split("\n"))


def detect_and_convert(text: str) -> tuple[str, str | None]:
    """The text in Unicode and the legacy encoding it was converted from (None: left as is).

    >>> detect_and_convert("Uû ban nh©n d©n tØnh Cao B»ng quyÕt ®Þnh giao nhiÖm vô")
    ('Uỷ ban nhân dân tỉnh Cao Bằng quyết định giao nhiệm vụ', 'TCVN3')
    """
    sample = text[:SAMPLE]  # the opening decides: a text is typed in one font
    # a word is odd only by holding an odd character: only the words holding one are read
    flagged = {c for c in set(sample) if WORD.fullmatch(c) and _is_odd(c)}
    if not flagged:
        return text, None
    words = WORD.findall(sample)
    odd = [w for w in words if not flagged.isdisjoint(w) and _is_odd(w)]
    if len(odd) < MIN_ODD_WORDS or len(odd) < 0.05 * len(words):
        return text, None
    best, best_name, best_score = text, None, 0
    for name, convert in CONVERTERS.items():
        # Converting must make nearly every odd word a Vietnamese syllable, else it is some other text.
        score = _syllables([convert(w) for w in odd])
        if score > best_score and score >= 0.8 * len(odd):
            best, best_name, best_score = _convert_lines(text, convert), name, score
    return best, best_name
