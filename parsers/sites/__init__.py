"""One reader per source site or file format: bytes of a saved input -> SourceText.

Every reader module has ``SITE`` (the name stored in documents.site), ``EXTENSIONS`` (the
file suffixes it reads), a cheap
``matches(name, data)`` sniff (extension and markers) and ``read(name, data)``.
``READERS`` lists them specific sites first, generic fallbacks last; ``read_source``
uses the first that matches. The private modules (``_html``, ``_page``, ``_typed``, ``_markup``,
``_pipe_tables``, ``_layout_text``, ``_ocr``) are helpers the readers share; no reader imports another.
"""

from __future__ import annotations

from types import ModuleType

from parsers.models import SourceText
from parsers.sites import (
    congbao_sonla,
    crawler_text,
    docx,
    generic_html,
    hethongphapluat,
    pdf,
    plain_text,
    scan,
    thuvienphapluat,
    vbpl,
)

# Order matters: a site's pages are also HTML or text, so sites come before formats.
READERS: list[ModuleType] = [
    vbpl,
    congbao_sonla,
    thuvienphapluat,
    hethongphapluat,
    crawler_text,
    docx,
    scan,
    pdf,
    generic_html,
    plain_text,
]
# Formats no reader handles, with what to tell the user.
UNSUPPORTED = {
    ".doc": "legacy Word .doc files are not supported; save it as .docx",
    ".xls": "spreadsheets are not supported",
    ".xlsx": "spreadsheets are not supported",
    ".rtf": "RTF files are not supported; save it as .docx",
    ".zip": "archives are not supported; unpack it first",
    ".rar": "archives are not supported; unpack it first",
}


def accepted_suffixes() -> frozenset[str]:
    """The file suffixes some reader reads (its ``EXTENSIONS``): what an input folder is searched for.

    >>> sorted(s for s in accepted_suffixes() if s.startswith(".d"))
    ['.docm', '.docx']
    """
    return frozenset(suffix for reader in READERS for suffix in reader.EXTENSIONS)


def reader_for(name: str, data: bytes) -> ModuleType:
    """The first reader whose ``matches`` accepts the input; ValueError naming the file if none."""
    if not data or not data.strip():
        raise ValueError(f"{name}: empty file")
    suffix = "." + name.lower().rsplit(".", 1)[-1] if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in UNSUPPORTED:
        raise ValueError(f"{name}: {UNSUPPORTED[suffix]}")
    for reader in READERS:
        if reader.matches(name, data):
            return reader
    raise ValueError(f"{name}: unsupported file type (readers: {', '.join(r.SITE for r in READERS)})")


def read_source(name: str, data: bytes) -> SourceText:
    """Read one input with the reader made for it.

    >>> read_source("qd.html", "<p>Điều 1. Giao Sở Tài chính chủ trì</p>".encode()).site
    'html'
    """
    return reader_for(name, data).read(name, data)
