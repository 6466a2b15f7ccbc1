"""Scanned documents: PDFs without a text layer and page images (PNG, JPEG, TIFF), read by OCR.

Each page is rendered (``ocr_engine``), levelled or turned upright where it needs it, its ruled
tables read cell by cell and the rest laid out as lines (``_ocr_page``), all by Tesseract's
Vietnamese model; the text then goes through the same cleaning and parsing as every other source.
Beside the text, the hints carry what the OCR was sure of: ``reader`` = "ocr", the engine,
the mean word confidence, and the words read with a confidence under 90 (JSON), which the OCR-aware
parsing (``parsers.ocr_repair``) uses to leave a doubtful field empty. Without Tesseract,
a scan is refused with an error saying what to install.
"""

from __future__ import annotations

import json
import re
import statistics

import parsers.sites._ocr as ocr_engine
from parsers.models import SourceText
from parsers.sites._ocr_page import read_page
from parsers.sites._pdf import has_text_layer, is_pdf

SITE = "scan"
# What the OCR reading depends on: a cached reading with another key is read again (pipeline.read_cache).
CACHE_KEY = f"scan-2 {ocr_engine.LANGUAGE} {ocr_engine.RENDER_DPI}dpi {ocr_engine.TESSERACT_CONFIG}"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
EXTENSIONS = (".pdf", *IMAGE_SUFFIXES)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# Words read below this confidence are listed in the hints (Tesseract: 0-100; clean print reads 90+).
UNSURE = 90
# A page number alone on a line: "2", "- 2 -"
PAGE_NUMBER = re.compile(r"^[-–\s]*\d{1,3}[-–\s]*$")


def matches(name: str, data: bytes) -> bool:
    """A page image, or a PDF whose pages carry no text."""
    if name.lower().endswith(IMAGE_SUFFIXES) or data.startswith(IMAGE_MAGIC):
        return True
    return is_pdf(name, data) and not has_text_layer(data)


def read(name: str, data: bytes) -> SourceText:
    """OCR every page; ValueError naming the file if it cannot be read or OCR is not installed."""
    is_pdf_file = is_pdf(name, data) and not name.lower().endswith(IMAGE_SUFFIXES)
    what = "scanned PDF without a text layer" if is_pdf_file else "page image"
    try:
        engine = ocr_engine.engine()
    except ocr_engine.OcrUnavailable as error:
        raise ValueError(f"{name}: {what} needs OCR: {error}") from error
    try:
        pages = ocr_engine.pdf_pages(data) if is_pdf_file else ocr_engine.image_pages(data)
    except Exception as error:  # PDFium and Pillow raise many kinds on damaged files
        raise ValueError(f"{name}: cannot render the {what} ({type(error).__name__}: {error})") from error
    resolution = f"{ocr_engine.RENDER_DPI} dpi" if is_pdf_file else "native dpi"
    return read_pages(name, pages, f"{engine} {resolution}", what)


def read_pages(name: str, pages: list, engine: str, what: str = "page image") -> SourceText:
    """OCR page images (PIL, grey) into one SourceText; ``engine`` is recorded in the hints."""
    lines: list[ocr_engine.Line] = []
    for image in pages:
        page_lines = read_page(image).lines
        lines += [line for line in page_lines if line.in_table or not PAGE_NUMBER.match(line.text) or not line.words]
    words = [w for line in lines for w in line.words]  # an empty line (paragraph end) has none
    if not words:
        raise ValueError(f"{name}: OCR found no text on the {what}")
    unsure = [[w.text, round(w.conf)] for w in words if w.conf < UNSURE]
    hints = {
        "layout": "wrapped",
        "pages": str(len(pages)),
        "reader": "ocr",
        "ocr_engine": engine,
        "ocr_confidence": f"{statistics.mean(w.conf for w in words):.1f}",
        "ocr_unsure_words": json.dumps(unsure, ensure_ascii=False),
    }
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.text for line in lines)).strip()
    return SourceText(source=name, site=SITE, text=text, hints=hints)
