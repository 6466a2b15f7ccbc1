"""PDF files with a text layer (pypdf). Scanned PDFs (no text layer) are the ``scan`` reader's.

pypdf reads a page two ways. The plain mode follows the content stream: the header's
two columns come out one after the other ("ỦY BAN NHÂN DÂN" / "TỈNH LÀO CAI" /
"CỘNG HÒA XÃ HỘI..."), words in their order. The layout mode places text by position,
which keeps columns side by side but often swaps words set in separate runs
("ủy quyềnVề việc cho Giám đốc"). Each page is read both ways and the one with fewer
glued words is kept (plain on a tie). Lines stay hard-wrapped: ``hints["layout"] = "wrapped"``.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader

from parsers.lexicon.vietnamese import LOWER, UPPER
from parsers.models import SourceText
from parsers.sites._pdf import MIN_LETTERS_PER_PAGE, is_pdf

SITE = "pdf"
EXTENSIONS = (".pdf",)
# A lower-case letter glued to an upper-case one inside a word: "quyềnVề", "ThươngCông"
GLUED_WORDS = re.compile(f"[{LOWER}][{UPPER}]")
# A page number alone on the first or last line of a page: "2", "- 2 -", "Trang 2", "2/5"
PAGE_NUMBER = re.compile(r"^\s*(?:Trang\s+)?[-–]?\s*(?P<n>\d{1,3})\s*(?:/\s*\d{1,3})?\s*[-–]?\s*$", re.I)
# Lines printed at the top or bottom of this share of the pages (3 at least) are running heads.
RUNNING_SHARE = 0.5
EDGE_LINES = 2
BLANK_RUNS = re.compile(r"\n{3,}")


def matches(name: str, data: bytes) -> bool:
    """``"QD-1696-QD-UBND.pdf"``, or a file without that extension starting ``%PDF-``."""
    return is_pdf(name, data)


def _page_text(page) -> str:
    plain = page.extract_text(extraction_mode="plain") or ""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode fails on some fonts; the plain reading still stands
        layout = ""
    letters = sum(c.isalpha() for c in plain)
    if sum(c.isalpha() for c in layout) > 1.2 * letters + 20:
        return layout  # plain mode lost text the layout mode found
    if len(GLUED_WORDS.findall(layout)) < len(GLUED_WORDS.findall(plain)):
        return layout
    return plain


def _page_lines(text: str, number: int) -> list[str]:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    for edge in (0, -1):  # the page's own number, printed at its top or bottom
        m = PAGE_NUMBER.match(lines[edge]) if lines else None
        if m and int(m["n"]) == number:
            lines.pop(edge)
    return lines


def _edges(page: list[str]) -> list[str]:
    filled = [line for line in page if line]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines repeated at the top or bottom of most pages ("Công báo số 12", a letterhead)."""
    if len(pages) < 3:
        return pages
    counts = Counter(key for page in pages for key in {re.sub(r"\d+", "#", line) for line in _edges(page)})
    threshold = max(3, RUNNING_SHARE * len(pages))
    running = {key for key, count in counts.items() if count >= threshold}
    cleaned = []
    for page in pages:
        edges = set(_edges(page))
        cleaned.append([line for line in page if not (line in edges and re.sub(r"\d+", "#", line) in running)])
    return cleaned


def read(name: str, data: bytes) -> SourceText:
    """Read the text layer of a PDF, page after page.

    >>> read("qd.pdf", pdf_bytes).text.split("\\n")[:2]  # doctest: +SKIP
    ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI']
    """
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-font warnings are not ours
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        texts = [_page_text(page) for page in reader.pages]
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean "unreadable"
        raise ValueError(f"{name}: cannot read the PDF ({type(error).__name__}: {error})") from error
    if not texts or all(sum(c.isalpha() for c in t) < MIN_LETTERS_PER_PAGE for t in texts):
        raise ValueError(f"{name}: scanned PDF without a text layer; the scan reader (OCR) reads it")
    pages = _drop_running_heads([_page_lines(text, number) for number, text in enumerate(texts, start=1)])
    lines = [line for page in pages for line in page]
    text = BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    return SourceText(source=name, site=SITE, text=text, hints={"layout": "wrapped", "pages": str(len(texts))})
