"""The pure half of ingest: one input file -> a parsed document or the reason it failed.

``parse_file`` touches no database, so it runs anywhere: in the ingesting process, in a
pool of processes (``--workers``) or on Dask workers (``--dask``); the single writer of
``pipeline.ingest`` stores what it returns. It never raises: a failure comes back as data.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from parsers import parse_document
from parsers.models import ParsedDocument
from parsers.text.decode import VIETNAMESE_LETTER
from pipeline.limits import Limits, read_input, time_limit
from pipeline.read_cache import cached_read

# Pages a site reader recognises as something other than a document's text.
NOT_DOCUMENTS = {"listing": "a listing or search page", "attributes": "an attribute page (no document text)"}


class NotADocument(ValueError):
    """An input that was read but holds no document (a listing or search page)."""


@dataclass(frozen=True)
class ParseTask:
    """One input to parse: ``known_sha256`` is the hash stored for it (an equal hash skips the parse)."""

    index: int
    path: str
    source: str
    known_sha256: str | None = None
    detector: bool = True
    cache_dir: str | None = None  # where slow readings (OCR) are kept by content hash
    duplicate_sha256: str | None = None  # the hash of this source when it was stored as a duplicate
    limits: Limits = Limits()


@dataclass
class Parsed:
    """What parsing one input gave: a document, "unchanged", or a failure (stage and message)."""

    index: int
    source: str
    path: str
    sha256: str | None = None
    doc: ParsedDocument | None = None
    unchanged: bool = False
    stage: str | None = None
    error: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def parse_file(task: ParseTask) -> Parsed:
    """Read, hash and parse one input (see the module docstring)."""
    path = Path(task.path)
    out = Parsed(task.index, task.source, task.path)
    stage = "read"
    try:
        started = time.perf_counter()
        data = read_input(path, task.limits)
        out.sha256 = hashlib.sha256(data).hexdigest()
        if out.sha256 in (task.known_sha256, task.duplicate_sha256):
            out.unchanged = True
            return out
        task.limits.check_unpacked(path.name, data)
        with time_limit(task.limits.max_seconds, path.name):
            read = cached_read(path.name, data, out.sha256, Path(task.cache_dir) if task.cache_dir else None)
            if read.hints.get("kind") in NOT_DOCUMENTS:
                raise NotADocument(f"{path.name}: {NOT_DOCUMENTS[read.hints['kind']]} of {read.site}, not a document")
            _check_vietnamese(path.name, read.text)
            read = read.model_copy(update={"source": task.source})
            out.seconds["read"] = time.perf_counter() - started
            stage = "parse"
            started = time.perf_counter()
            stages: dict[str, float] = {}
            doc = parse_document(read, out.sha256, detector=task.detector, timings=stages)
        if not doc.text.strip():
            raise ValueError(f"{path.name}: no text found")
        out.seconds["parse"] = time.perf_counter() - started
        out.seconds.update({f"parse:{name}": seconds for name, seconds in stages.items()})
        out.doc = doc
    except Exception as error:  # one bad input must never stop the batch
        out.stage = "classify" if isinstance(error, NotADocument) else stage
        out.error = str(error) if path.name in str(error) else f"{path.name}: {type(error).__name__}: {error}"
    return out


def _check_vietnamese(name: str, text: str) -> None:
    """Refuse a text of some length without one Vietnamese letter (an English page, a translation)."""
    sample = text[:20000]
    if VIETNAMESE_LETTER.search(sample):
        return  # the common case, found in the first words: no need to count the letters
    if sum(c.isalpha() for c in sample) >= 200:
        raise NotADocument(f"{name}: no Vietnamese text (no letter with a Vietnamese mark), not a document")
