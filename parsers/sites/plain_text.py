"""Any other text file: the document as typed or exported, maybe hard-wrapped."""

from __future__ import annotations

from parsers.models import SourceText
from parsers.sites._typed import read_typed
from parsers.text.decode import decode_bytes

SITE = "text"
EXTENSIONS = (".txt", ".md", ".text")


def matches(name: str, data: bytes) -> bool:
    return name.lower().endswith(EXTENSIONS)


def read(name: str, data: bytes) -> SourceText:
    """Read a text file; pipe tables, markdown emphasis and a PDF reader's two-column layout
    are turned into structure."""
    return read_typed(name, decode_bytes(data, name), SITE)
