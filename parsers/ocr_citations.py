"""Cited numbers that OCR split with a space, mended where only one reading is possible.

OCR of a scan puts a space inside a number where the print is faint or the letters are wide
(Lào Cai 11/2026/QĐ-UBND)::

    Căn cứ Nghị định số 1 25/2025/NĐ-CP        -> 125/2025/NĐ-CP
    Căn cứ Nghị định số I 40/2025/NĐ-CP        -> 140/2025/NĐ-CP  ("I" is OCR's "1")
    Luật Đầu tư công số J 58/2024/QH1 5        -> 58/2024/QH15

A lone digit (or the "I", "l", "|" OCR reads for a 1) between "số" and a number has no other
reading than the number's first digit; "QH1 5" after a year from 1961 on can only be a later
legislature (the first, QH1, sat until 1960). Nothing else is mended: "8 7⁄202%⁄QHI5" keeps
its warning, since "%" could stand for any digit.
"""

from __future__ import annotations

import re

from parsers.citations import STRENGTH
from parsers.models import Citation

# "số 1 " / "số I " right before the cited number
SPLIT_LEAD = re.compile(r"(?<!\w)[Ss]ố\s+(?P<d>[0-9Il|])\s$")
LEAD_DIGIT = {"I": "1", "l": "1", "|": "1"}
# "58/2024/QH1" followed by " 5"
SPLIT_LEGISLATURE = re.compile(r"/(?P<year>\d{4})/QH1$")
TRAILING_DIGIT = re.compile(r"^ (?P<d>\d)(?!\d)")
FIRST_LEGISLATURE_END = 1960
# A well-formed number: only such a number is mended ("7⁄202%⁄QHI5" is not)
WELL_FORMED = re.compile(r"^\d{1,4}(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ\d-]*$")


def mend_split_number(text: str, c: Citation) -> Citation | None:
    """The citation with its OCR-split number joined, or None when nothing needs mending.

    >>> text = "Căn cứ Nghị định số 1 25/2025/NĐ-CP của Chính phủ"
    >>> start = text.index("25/")
    >>> mend_split_number(text, Citation(number="25/2025/NĐ-CP", span_start=start, span_end=start + 13)).number
    '125/2025/NĐ-CP'
    """
    number, start, end = c.number, c.span_start, c.span_end
    if not WELL_FORMED.match(number):
        return None
    if (lead := SPLIT_LEAD.search(text[max(0, start - 12) : start])) and re.match(r"\d", number):
        number = LEAD_DIGIT.get(lead["d"], lead["d"]) + number
        start -= 2
    legislature = SPLIT_LEGISLATURE.search(number)
    if legislature and int(legislature["year"]) > FIRST_LEGISLATURE_END and (tail := TRAILING_DIGIT.match(text[end:])):
        number += tail["d"]
        end += tail.end()
    if number == c.number:
        return None
    return c.model_copy(update={"number": number, "span_start": start, "span_end": end})


def merge_same_numbers(citations: list[Citation]) -> list[Citation]:
    """One citation per number once numbers are mended: the first place it is cited, the
    strongest relation, the fields either occurrence gives."""
    merged: dict[str, Citation] = {}
    out: list[Citation] = []
    for c in citations:
        old = merged.get(c.number) if c.number else None
        if old is None:
            if c.number:
                merged[c.number] = c
            out.append(c)
            continue
        update = {
            key: getattr(c, key) for key in ("issue_date", "issuer", "doc_kind", "title") if not getattr(old, key)
        }
        if STRENGTH[c.relation] > STRENGTH[old.relation]:
            update["relation"] = c.relation
        merged[c.number] = new = old.model_copy(update=update)
        out[out.index(old)] = new
    return out
