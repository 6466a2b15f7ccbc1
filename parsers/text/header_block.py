"""The header block of a document however its text was taken: which lines name the issuer.

The header is two columns: the issuing body on the left, the national motto on the right,
then the number and the place-and-date line. Text from PDFs and OCR puts both columns on
one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH LÀO CAI Độc lập - Tự
do - Hạnh phúc"), and captures may carry a note above it (an editor's bracketed note, a
page title, a file name). The issuer is what stands left of the motto and above the
number, never the motto itself and never a note above the header.
"""

from __future__ import annotations

import re

from parsers.lexicon.folding import fold
from parsers.lexicon.vietnamese import is_caps

MOTTO = re.compile(r"CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do", re.I)
# Both lines of the motto, to cut out of a line that also holds the issuer's words
MOTTO_LINES = re.compile(
    r"CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.I
)
NUMBER_OR_DATE = re.compile(r"(?:^|\s)Số\s*[:.]|,\s*ngày\b|^\s*ngày\s")
# Notes above a header: "[Văn bản đã hết hiệu lực]", "(Bản dự thảo)", "QD-11-2026.pdf", "Trang 1"
NOTE = re.compile(r"^\s*[\[(]|\.(?:pdf|docx?|txt|html?)\b|^\s*Trang\s+\d", re.I)
# Rules and underscores between the columns: "_", "-------"
FILLER = re.compile(r"(?:\s+[-_–=.]+)+\s*$|^\s*[-_–=.]+\s*")
MAX_ISSUER_LINES = 3


def _left_of_motto(cell: str) -> str:
    """The issuer's words of a line that also holds the motto: the line without the motto."""
    words = [FILLER.sub("", part).strip() for part in MOTTO_LINES.split(cell)]
    return " ".join(w for w in words if w and is_caps(w))


def issuer_text(cells: list[str]) -> str | None:
    """The issuer's words from the header cells, or None when the header has none.

    >>> issuer_text(["ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ...              "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc", "Số: 11/2026/QĐ-UBND"])
    'ỦY BAN NHÂN DÂN TỈNH LÀO CAI'
    >>> issuer_text(["[Văn bản gốc]", "BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/QĐ-BYT"])
    'BỘ Y TẾ'
    >>> issuer_text(["BỘ CÔNG THƯƠNG CỤC HÓA CHẤT", "Số: /HC-CNHC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    'BỘ CÔNG THƯƠNG CỤC HÓA CHẤT'
    """
    motto_at = next((i for i, c in enumerate(cells) if MOTTO.search(c)), None)
    if motto_at is None:
        first = cells[0] if cells else ""
        return first if first and not NOTE.search(first) and not NUMBER_OR_DATE.search(first) else None
    parts: list[str] = []
    left = _left_of_motto(cells[motto_at])
    if left:  # the columns side by side: the issuer's lines are left of the motto's lines
        parts.append(left)
        for cell in cells[motto_at + 1 : motto_at + MAX_ISSUER_LINES]:
            more = _left_of_motto(cell) if MOTTO.search(cell) else ""
            if not more or NUMBER_OR_DATE.search(more) or not is_caps(more):
                break
            parts.append(more)
        return " ".join(parts)
    above = []  # the issuer on lines of its own above the motto: the caps lines just above it
    for cell in reversed(cells[max(0, motto_at - MAX_ISSUER_LINES) : motto_at]):
        text = FILLER.sub("", cell).strip()
        if not text or NOTE.search(text) or not is_caps(text) or NUMBER_OR_DATE.search(text):
            break
        above.insert(0, text)
    if not above:  # the columns one after the other (OCR): the first caps line of the left column
        above = [c for c in cells[:motto_at] if is_caps(c) and not NOTE.search(c) and not NUMBER_OR_DATE.search(c)][:1]
    return " ".join(above) or None


def folded_type(text: str, types: list[str]) -> tuple[str, str] | None:
    """A type heading misread by OCR ("QUYÉT ĐỊNH" for "QUYẾT ĐỊNH"): (type, rest) by folded letters."""
    if not is_caps(text[:40]):
        return None
    folded = fold(text)
    for kind in types:
        key = fold(kind)
        if folded == key or folded.startswith(key + " "):
            return kind, text[len(kind) :].strip()
    return None
