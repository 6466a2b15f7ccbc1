"""What the PDF readers share (``pdf`` reads a text layer, ``scan`` the page images): whether a
file is a PDF, and whether its pages carry text."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader

# Fewer letters than this on every page: the pages are images.
MIN_LETTERS_PER_PAGE = 20


def is_pdf(name: str, data: bytes) -> bool:
    """``"QD-1696-QD-UBND.pdf"``, or a file without that extension starting ``%PDF-``."""
    return name.lower().endswith(".pdf") or data[:1024].lstrip().startswith(b"%PDF-")


def has_text_layer(data: bytes) -> bool:
    """Whether any page carries text (pypdf's plain reading); an unreadable PDF counts as text, for
    ``read`` to report."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        for page in reader.pages:
            if sum(c.isalpha() for c in page.extract_text(extraction_mode="plain") or "") >= MIN_LETTERS_PER_PAGE:
                return True
    except Exception:  # damaged: the text reader says so
        return True
    return False
