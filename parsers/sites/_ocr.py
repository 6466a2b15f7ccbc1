"""Tesseract OCR of page images, laid out as lines: the one place a reader runs a program.

Not a reader (``scan`` is). Pages of a PDF are rendered in-process by PDFium (pypdfium2:
0.1 s a page where poppler's pdftoppm took 4-5 s on the same scan); Tesseract (Debian's
``tesseract-ocr`` with ``tesseract-ocr-vie``, run through pytesseract) returns word boxes
with a confidence, which ``layout`` puts back into lines: the words of a visual row,
columns set side by side (a header's two columns, a signature block) one column after
the other as a PDF's text layer gives them, rows of three or more columns (a table without
rules) as one line with cells between tabs. Ruled tables are found and read cell by cell
before this (``_ocr_page``). See README "Scanned documents" for the measured resolution.
"""

from __future__ import annotations

import io
import statistics
from dataclasses import dataclass, field

import pypdfium2
import pytesseract
from PIL import Image, ImageSequence

LANGUAGE = "vie"
# Rendering resolution, measured on real pages (README): 300 dpi reads best.
RENDER_DPI = 300
# An image below this resolution (estimated from an A4 width) is enlarged to RENDER_DPI.
MIN_IMAGE_DPI = 250
A4_WIDTH_INCHES = 8.27
# Page segmentation: automatic (3); threads: one, the ingest may run several files at once.
TESSERACT_CONFIG = "--psm 3 --oem 1"
INSTALL_HINT = (
    "install the Debian packages tesseract-ocr and tesseract-ocr-vie (apt-get install tesseract-ocr tesseract-ocr-vie)"
)
# A gap between two words wider than this many text heights separates columns or cells.
COLUMN_GAP = 2.0
# ... or this many between words of two different Tesseract blocks.
BLOCK_GAP = 0.8
# A line starting this many text heights right of the margin opens a paragraph (first-line indent).
PARAGRAPH_INDENT = 1.5
# Specks, seal rims and signatures read as letters: a cell this unsure, or this short and unsure.
NOISE_CONFIDENCE = 30
SHORT_NOISE = (3, 60)  # fewer letters than this, with a confidence below that


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


@dataclass(frozen=True)
class Word:
    text: str
    conf: float  # Tesseract's confidence, 0-100
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class Line:
    """A line of the laid-out page: its words, joined by spaces (cells by tabs)."""

    cells: list[list[Word]] = field(default_factory=list)
    in_column: bool = False  # a line of a two-column block (paragraph cues do not apply)
    in_table: bool = False  # a row of a ruled table, its cells in the table's grid (some empty)

    @property
    def text(self) -> str:
        return "\t".join(" ".join(w.text for w in cell) for cell in self.cells)

    @property
    def words(self) -> list[Word]:
        return [w for cell in self.cells for w in cell]


def engine() -> str:
    """``"tesseract 5.3.0 vie"``; OcrUnavailable saying what to install when it cannot run."""
    try:
        version = pytesseract.get_tesseract_version()
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError) as error:
        raise OcrUnavailable(f"Tesseract is not installed: {INSTALL_HINT}") from error
    if LANGUAGE not in languages:
        raise OcrUnavailable(f"Tesseract has no Vietnamese model ({LANGUAGE}): {INSTALL_HINT}")
    return f"tesseract {version} {LANGUAGE}"


def pdf_pages(data: bytes, dpi: int = RENDER_DPI) -> list[Image.Image]:
    """Every page of a PDF as a grey image at ``dpi``."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document]
    finally:
        document.close()


def image_pages(data: bytes) -> list[Image.Image]:
    """Every frame of an image file (a TIFF may hold several pages) as a grey image, enlarged if coarse."""
    image = Image.open(io.BytesIO(data))
    pages = []
    for frame in ImageSequence.Iterator(image):
        page = frame.convert("L")
        dpi = page.width / A4_WIDTH_INCHES if page.width < page.height else page.height / A4_WIDTH_INCHES
        if dpi < MIN_IMAGE_DPI:
            scale = RENDER_DPI / dpi
            page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
        pages.append(page)
    return pages


def recognise(image: Image.Image, config: str = TESSERACT_CONFIG) -> list[Word]:
    """The words Tesseract reads on one page image, with boxes and confidences."""
    data = pytesseract.image_to_data(image, lang=LANGUAGE, config=config, output_type=pytesseract.Output.DICT)
    words = []
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        if text.strip() and conf >= 0:
            words.append(
                Word(
                    text=text.strip(),
                    conf=conf,
                    left=int(data["left"][i]),
                    top=int(data["top"][i]),
                    width=int(data["width"][i]),
                    height=int(data["height"][i]),
                    line=(int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
                )
            )
    return words


def _tesseract_lines(words: list[Word]) -> list[list[Word]]:
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    return [sorted(ws, key=lambda w: w.left) for ws in lines.values()]


def visual_rows(words: list[Word]) -> list[list[Word]]:
    """Tesseract's lines merged into visual rows: lines side by side whose middles align."""
    rows: list[list[Word]] = []
    for line in sorted(_tesseract_lines(words), key=lambda ws: min(w.top for w in ws)):
        middle = statistics.median((w.top + w.bottom) / 2 for w in line)
        for row in rows:
            top, bottom = min(w.top for w in row), max(w.bottom for w in row)
            overlaps = any(w.left < line[-1].right and line[0].left < w.right for w in row)
            if top <= middle <= bottom and not overlaps:
                row.extend(line)
                break
        else:
            rows.append(list(line))
    rows = [sorted(row, key=lambda w: w.left) for row in rows]
    return sorted(rows, key=lambda row: min(w.top for w in row))


def _cells(row: list[Word]) -> list[list[Word]]:
    """A row cut where the gap between words is a column gap, or a narrower gap between two of
    Tesseract's blocks (a header's columns set close together)."""
    height = statistics.median(w.height for w in row)
    cells = [[row[0]]]
    for prev, word in zip(row, row[1:], strict=False):
        gap = word.left - prev.right
        if gap > COLUMN_GAP * height or (word.line[0] != prev.line[0] and gap > BLOCK_GAP * height):
            cells.append([word])
        else:
            cells[-1].append(word)
    return cells


def layout(words: list[Word], page_width: int) -> list[Line]:
    """The page as lines, in reading order; an empty Line where a paragraph ends.

    A run of rows cut in two (with rows wholly on one side of the middle between them) is
    a two-column block: its left column comes first, then its right column. A row cut in
    three or more is a table row: one line, cells between tabs. Other rows are lines; one
    indented from the margin, or after a line ending short of it, opens a paragraph.
    """
    if not words:
        return []
    rows = [cells for row in visual_rows(words) if (cells := [c for c in _cells(row) if not noise(c)])]
    middle = page_width / 2
    out: list[Line] = []
    block: list[list[list[Word]]] = []

    def flush() -> None:
        if any(len(cells) == 2 for cells in block):
            out.append(Line())
            for side in (0, 1):
                for cells in block:
                    out.extend(Line([c], in_column=True) for c in cells if (_centre(c) < middle) == (side == 0))
                out.append(Line())
        else:
            out.extend(Line([c]) for cells in block for c in cells)
        block.clear()

    for cells in rows:
        if len(cells) >= 3:
            flush()
            out.append(Line(cells))
        elif len(cells) == 2 or cells[0][-1].right < middle or cells[0][0].left > middle:
            block.append(cells)
        else:
            flush()
            out.append(Line(cells))
    flush()
    return _paragraph_breaks(out)


def _paragraph_breaks(lines: list[Line]) -> list[Line]:
    """An empty line before a line indented from the margin or after one ending short of it."""
    full = [line.words for line in lines if len(line.cells) == 1 and not line.in_column]
    if len(full) < 3:
        return lines
    margin = statistics.median(ws[0].left for ws in full)
    edge = statistics.median(ws[-1].right for ws in full)
    height = statistics.median(w.height for ws in full for w in ws)
    out: list[Line] = []
    for line in lines:
        prev = out[-1].words if out and len(out[-1].cells) == 1 and not out[-1].in_column else None
        if prev and len(line.cells) == 1 and not line.in_column:
            indented = line.words[0].left > margin + PARAGRAPH_INDENT * height
            short = prev[-1].right < edge - PARAGRAPH_INDENT * 2 * height
            centred = all(_centred(ws, margin, edge, height) for ws in (prev, line.words))
            if (indented or short) and not centred:  # a centred title's lines stay one paragraph
                out.append(Line())
        out.append(line)
    return out


def _centred(words: list[Word], margin: float, edge: float, height: float) -> bool:
    """Whether a line sits in the middle of the text column, away from both of its edges."""
    left, right = words[0].left - margin, edge - words[-1].right
    return left > PARAGRAPH_INDENT * height and abs(left - right) < 2 * height


def _centre(cell: list[Word]) -> float:
    return (cell[0].left + cell[-1].right) / 2


def noise(cell: list[Word]) -> bool:
    conf = statistics.mean(w.conf for w in cell)
    letters = sum(c.isalnum() for w in cell for c in w.text)
    return conf < NOISE_CONFIDENCE or (letters < SHORT_NOISE[0] and conf < SHORT_NOISE[1])
