"""The folding rule for search: NFC, casefold, đ -> d, no tone marks. ``fold`` defines it; the
search index (``pipeline/db_shape.py``) builds its fast table from it."""

from __future__ import annotations

import unicodedata

# "đ" (U+0111) has no decomposition; "ð" (U+00F0) is the eth that old fonts and OCR put in
# place of "đ" — "Ðầu tư" with an Icelandic capital eth is a real typo in scanned documents.
D_LETTERS = str.maketrans({"đ": "d", "ð": "d"})


def fold(text: str | None) -> str:
    """The folding rule for matching: NFC, casefold, đ -> d, drop combining marks, NFC.

    >>> fold("Sở Kế hoạch và Đầu tư")
    'so ke hoach va dau tu'
    """
    if not text:
        return ""
    lowered = unicodedata.normalize("NFC", text).casefold().translate(D_LETTERS)
    bare = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)
