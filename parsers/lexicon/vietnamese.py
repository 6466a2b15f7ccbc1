"""Vietnamese letters and casing, and written dates: "ngày 11 tháng 11 năm 2021"."""

from __future__ import annotations

import datetime as dt
import re

from parsers.lexicon.calendar import safe_date

# Character classes for regular expressions (Python's re has no \\p{Lu}; "À-Ỹ" would span
# lower-case letters too): UPPER and LOWER hold ASCII and Vietnamese letters of each case.
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# "ngày 11 tháng 11 năm 2021", "ngày 09/9/2021", "ngày 27-4-2021"
WRITTEN_DATE = re.compile(
    r"""ngày\s+(?P<d>\d{1,2})\s*
        (?:tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})
          |[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))""",
    re.X | re.I,
)
# "18/11/2025" (a bare date, as sites' metadata tables write it)
NUMERIC_DATE = re.compile(r"^\s*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\s*$")


def parse_written_date(text: str) -> dt.date | None:
    """The first "ngày ... tháng ... năm ..." date in ``text``.

    >>> parse_written_date("Thừa Thiên Huế, ngày 11 tháng 11 năm 2021")
    datetime.date(2021, 11, 11)
    """
    m = WRITTEN_DATE.search(text)
    if m:
        return safe_date(int(m["y"] or m["y2"]), int(m["m"] or m["m2"]), int(m["d"]))
    m = NUMERIC_DATE.match(text)
    if m:
        return safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


# The lower-case characters that are not letters ("ⅰ", "ⓐ"): str.isupper() sees them, is_caps not.
_LOWER_NOT_LETTERS = re.compile("[\u0345\u2170-\u217f\u24d0-\u24e9]")


def is_caps(text: str) -> bool:
    """Whether every letter is upper case (a heading or title block line)."""
    if not text.isupper() and not _LOWER_NOT_LETTERS.search(text):
        return False  # a lower-case letter, or no cased character: cheap to tell, and the common case
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def title_case(text: str) -> str:
    """Capitalise every syllable: ``"THỪA THIÊN HUẾ"`` -> ``"Thừa Thiên Huế"``."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())
