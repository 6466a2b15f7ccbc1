"""Any other text file: the document as typed or exported, maybe hard-wrapped."""

from __future__ import annotations

import re

from parsers.models import SourceText
from parsers.sites._layout_text import layout_to_text, looks_laid_out
from parsers.sites._markup import emphasis_to_paragraphs
from parsers.sites._pipe_tables import rebuild_tables
from parsers.text.decode import decode_bytes

SITE = "text"
EXTENSIONS = (".txt", ".md", ".text")


def matches(name: str, data: bytes) -> bool:
    return name.lower().endswith(EXTENSIONS)


def read(name: str, data: bytes) -> SourceText:
    """Read a text file; pipe tables, markdown emphasis and a PDF reader's two-column layout
    are turned into structure."""
    raw = decode_bytes(data, name)
    if looks_laid_out(raw):
        raw = layout_to_text(raw)
    lines = emphasis_to_paragraphs(rebuild_tables(raw.split("\n")))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return SourceText(source=name, site=SITE, text=text, hints={"layout": "wrapped"})
