"""PDF files with a text layer. Scanned PDFs (no text layer) are the ``scan`` reader's.

Poppler's ``pdftotext -layout`` (Debian's poppler-utils) reads each page as it is printed:
the header's two columns side by side, words in their order, one form feed per page. Its
text goes the way of any layout-mode text (``_typed``): two-column blocks as rows, page
numbers and footnotes out of the sentences. Without the binary (or when it fails) pypdf reads
the page, which swaps words set in separate runs ("trong kiểm tra điềuvướng mắc kiện").

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
import shutil
import subprocess
from collections import Counter

from pypdf import PdfReader

from parsers.lexicon.vietnamese import LOWER, UPPER
from parsers.models import SourceText
from parsers.sites._pdf import MIN_LETTERS_PER_PAGE, is_pdf
from parsers.sites._typed import read_typed

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
# pdftotext reads a page in well under a second; a file that takes longer is pathological.
POPPLER_SECONDS = 120


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


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Remove lines repeated at the top or bottom of most pages ("Công báo số 12", a letterhead)."""
    if len(pages) < 3:
        return pages
    counts = Counter(key for page in pages for key in {_running_key(line) for line in _edges(page)})
    threshold = max(3, RUNNING_SHARE * len(pages))
    running = {key for key, count in counts.items() if count >= threshold}
    cleaned = []
    for page in pages:
        edges = set(_edges(page))
        cleaned.append([line for line in page if not (line in edges and _running_key(line) in running)])
    return cleaned


def _poppler_pages(data: bytes) -> list[str] | None:
    """Each page's text as ``pdftotext -layout`` prints it; None without the binary or when it fails
    (encrypted with a password, damaged: pypdf then says why)."""
    binary = shutil.which("pdftotext")
    if binary is None:
        return None
    try:
        run = subprocess.run(
            [binary, "-layout", "-enc", "UTF-8", "-q", "-", "-"],
            input=data,
            capture_output=True,
            timeout=POPPLER_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if run.returncode != 0:
        return None
    pages = run.stdout.decode("utf-8", errors="replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # every page ends with a form feed
    if not pages or all(sum(c.isalpha() for c in page) < MIN_LETTERS_PER_PAGE for page in pages):
        return None  # no text layer: pypdf's reading says so
    return pages


def _read_poppler(name: str, pages: list[str]) -> SourceText:
    """Layout-mode pages as one text, read like any layout-mode text (``_typed``)."""
    split = [page.rstrip().split("\n") for page in pages]
    kept = _drop_running_heads(split)
    text = "\n\f".join("\n".join(lines) for lines in kept)
    read = read_typed(name, text, SITE)
    hints = {**read.hints, "pages": str(len(pages)), "pdf_text": "pdftotext"}
    return read.model_copy(update={"hints": hints})


def read(name: str, data: bytes) -> SourceText:
    """Read the text layer of a PDF, page after page: pdftotext when poppler is installed, else pypdf.

    >>> read("qd.pdf", pdf_bytes).text.split("\\n")[0]  # doctest: +SKIP
    'ỦY BAN NHÂN DÂN TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc'
    """
    pages = _poppler_pages(data)
    if pages is not None:
        return _read_poppler(name, pages)
    return _read_pypdf(name, data)


def _read_pypdf(name: str, data: bytes) -> SourceText:
    """The text layer as pypdf reads it (the fallback without poppler), or ValueError naming the file."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-font warnings are not ours
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")  # many PDFs are encrypted with no password
    except Exception as error:  # pypdf raises many kinds on damaged files; all mean "unreadable"
        raise ValueError(f"{name}: cannot read the PDF ({type(error).__name__}: {error})") from error
    if locked:
        raise ValueError(f"{name}: the PDF is encrypted with a password; save an unprotected copy")
    try:
        texts = [_page_text(page) for page in reader.pages]
    except Exception as error:
        raise ValueError(f"{name}: cannot read the PDF ({type(error).__name__}: {error})") from error
    if not texts or all(sum(c.isalpha() for c in t) < MIN_LETTERS_PER_PAGE for t in texts):
        raise ValueError(f"{name}: scanned PDF without a text layer; the scan reader (OCR) reads it")
    pages = _drop_running_heads([_page_lines(text, number) for number, text in enumerate(texts, start=1)])
    lines = [line for page in pages for line in page]
    text = BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()
    return SourceText(source=name, site=SITE, text=text, hints={"layout": "wrapped", "pages": str(len(texts))})
