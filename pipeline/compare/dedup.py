"""One document, once: when two inputs are the same document, and which copy is kept.

Two inputs are the same document when
- they carry the same number and the same issuer, issued the same day (or on an unknown day), or
- their normalised texts are equal (folded, letters and digits only: a PDF's text layer and a
  text copy of it differ in spacing, line breaks and punctuation, not in words).

The copy kept is the one with more tasks extracted, then the longer text, then the one
already in the database; the other is recorded in ``document_sources`` against the kept
document and its rows are not written.
"""

from __future__ import annotations

import functools
import hashlib
import re

from pipeline.db_shape import fold

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_HAS_NUMBER = re.compile(r"^\d+")
MIN_TEXT = 150  # letters and digits: shorter texts (a title, an empty page) identify nothing


@functools.lru_cache(maxsize=4)  # asked twice per saved document (find a copy, write the row)
def text_key(text: str | None) -> str | None:
    """Hash of the folded text, letters and digits only; None for texts too short to identify a document.

    >>> body = "Sở Tài chính chủ trì, phối hợp với các sở, ngành. " * 5
    >>> text_key(body) == text_key(body.upper().replace(",", " ,")), text_key("Sở Tài chính")
    (True, None)
    """
    normalised = _NOT_WORD.sub("", fold(text))
    return hashlib.sha256(normalised.encode()).hexdigest() if len(normalised) >= MIN_TEXT else None


def identity(number_key: str | None, issuer: str | None) -> tuple[str, str] | None:
    """(number, issuer) identifying a document, or None when the number has no serial digits (``/UBND-XD``).

    >>> identity("350/QĐ-UBND", "Ủy ban nhân dân tỉnh Thừa Thiên Huế")
    ('350/qd-ubnd', 'uy ban nhan dan tinh thua thien hue')
    >>> identity("/UBND-XD", "Ủy ban nhân dân tỉnh Lào Cai") is None
    True
    """
    if not number_key or not _HAS_NUMBER.match(number_key) or not issuer:
        return None
    return fold(number_key), " ".join(fold(issuer).split())


def same_day(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def keep_new(new: dict, old: dict) -> bool:
    """Whether the new copy replaces the stored one: more tasks, then longer text; a tie keeps the stored one.

    >>> keep_new({"tasks": 12, "chars": 900}, {"tasks": 10, "chars": 5000})
    True
    >>> keep_new({"tasks": 3, "chars": 10}, {"tasks": 3, "chars": 10})
    False
    """
    return (new["tasks"], new["chars"]) > (old["tasks"], old["chars"])
