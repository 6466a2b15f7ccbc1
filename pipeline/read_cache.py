"""The cache of slow readings: a slow reader's result (OCR of a scan) stored by the file's sha256.

A reader module with ``CACHE_KEY`` (``parsers.sites.scan``) is run once per file content:
its ``SourceText`` is kept as ``<cache_dir>/<sha256>.json`` with the key of the settings
that produced it, so a re-run (a new database, a renamed file, a parser change) never
OCRs the same scan twice, and a machine without Tesseract still reads scans it has
cached. Entries are written to a temporary file and renamed, so parallel workers may
share the folder. The default folder is ``ocr-cache`` beside the database.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from parsers.models import SourceText
from parsers.sites import reader_for

CACHE_DIR_NAME = "ocr-cache"


def cached_read(name: str, data: bytes, sha256: str, cache_dir: Path | None) -> SourceText:
    """Read an input with its reader, through the cache when the reader is slow."""
    reader = reader_for(name, data)
    key = getattr(reader, "CACHE_KEY", None)
    if key is None or cache_dir is None:
        return reader.read(name, data)
    path = Path(cache_dir) / f"{sha256}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry.get("key") == key:
            return SourceText.model_validate(entry["source"]).model_copy(update={"source": name})
    except (OSError, ValueError, KeyError):
        pass  # no entry, or one that cannot be used: read again
    source = reader.read(name, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"key": key, "source": source.model_dump(mode="json")}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
        json.dump(entry, out, ensure_ascii=False)
    os.replace(out.name, path)
    return source
