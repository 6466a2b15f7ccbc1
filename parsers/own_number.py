"""A document's own number, read where its header's OCR garbled it and the document says it again.

A decision that issues a regulation or a plan repeats its number and date under the attached
document's title::

    Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026          (the header, OCR'd)
    (Ban hành Kèm theo Quyết định số 11 /2026/QĐ-UBND ngày 29tháng 01 năm 2026
    (Ban hành kèm theo Quyết định số 16 /2026/QĐ-UBND ngày 25 / 02 /2026
    *(Kèm theo Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 của Thủ tướng

The number is taken from there only when it is certain: the reference's year and codes are the
header's, its date is the header's date, the document gives no other number for itself that
way, and the header's unreadable digits, where they read as digits at all ("II" -> "11"), are
the same digits. Otherwise the number stays empty (and the 'Số:' line's warning says why).
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.lexicon.document_types import names

# "Số: II /2026/QĐ-UBND": what stands where the digits should be, and the readable rest
HEADER_NUMBER = re.compile(r"Số\s*[:.]\s*(?P<digits>[^\s/]{1,6})?\s*(?P<rest>(?:/\s*\d{4}\s*)?/\s*[A-ZĐ][\wĐđ-]*)")
# Letters OCR reads for digits ("II" for "11", "O" for "0")
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "i": "1", "!": "1"})
DATE = (
    r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})|/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))"
)


def _attached_reference() -> re.Pattern[str]:
    kinds = "|".join(sorted({re.escape(n) for n in names("heading")}, key=len, reverse=True))
    return re.compile(
        rf"[Kk]èm\s+theo\s+(?i:{kinds})\s+số\s*(?P<n>\d{{1,5}})\s*(?P<rest>(?:/\s*\d{{4}}\s*)?/\s*[A-ZĐ][\wĐđ-]*)\s*"
        + DATE
    )


def _squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _date(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]), int(m["d"]))
    except ValueError:
        return None


def confirmed_number(number_line: str, text: str, issue_date: dt.date | None) -> str | None:
    """The document's own number from its attached document's reference, or None if not certain.

    >>> confirmed_number("Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026",
    ...     "(Ban hành Kèm theo Quyết định số 11 /2026/QĐ-UBND ngày 29tháng 01 năm 2026",
    ...     dt.date(2026, 1, 29))
    '11/2026/QĐ-UBND'
    """
    header = HEADER_NUMBER.search(number_line)
    if not header or issue_date is None:
        return None
    rest = _squeeze(header["rest"])
    found = {
        m["n"] for m in _attached_reference().finditer(text) if _squeeze(m["rest"]) == rest and _date(m) == issue_date
    }
    if len(found) != 1:
        return None
    digits = found.pop()
    read = (header["digits"] or "").translate(DIGIT_LOOKALIKES)
    if read.isdigit() and read != digits:
        return None
    return digits + rest
