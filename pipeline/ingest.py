"""Ingest: input files (or fetched URLs) -> parsed documents -> the database.

Each input is read, parsed and written on its own: a file that cannot be read or parsed
is recorded in ``failures`` with the stage that failed and the batch goes on; a document
is written in one transaction, so it is either wholly in the database or not at all.
Re-running is safe: unchanged inputs are skipped by content hash, a changed input
replaces its rows.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parsers import parse_document
from parsers.sites import UNSUPPORTED, accepted_suffixes
from pipeline import storage
from pipeline.compare import dedup, derive
from pipeline.read_cache import CACHE_DIR_NAME, cached_read

# Files in an input folder that are not documents.
IGNORED_NAMES = {"readme.md", "manifest.csv", ".gitkeep", "license", "license.md"}
# What a folder is searched for: the formats read, and those refused with a reason (".doc"),
# so that the user learns why a file was not ingested.
DOCUMENT_SUFFIXES = {*accepted_suffixes(), *UNSUPPORTED}


# Pages a site reader recognises as something other than a document's text.
NOT_DOCUMENTS = {"listing": "a listing or search page", "attributes": "an attribute page (no document text)"}


class NotADocument(ValueError):
    """An input that was read but holds no document (a listing or search page)."""


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, the source kept)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (source, stage, error)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every document file under the given files and folders, recursively, in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_document(child, path):
                    yield child
        else:
            yield path  # named explicitly: let the readers say what is wrong with it


def _is_document(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts) or {"gold", "ocr-eval"} & set(parts[:-1]):
        return False
    return path.name.lower() not in IGNORED_NAMES and path.suffix.lower() in DOCUMENT_SUFFIXES


def ingest_file(
    db,
    path: Path,
    report: IngestReport,
    *,
    source: str | None = None,
    detector: bool = True,
    cache_dir: Path | None = None,
) -> None:
    """Read, parse and store one input, recording a failure instead of raising.

    Slow readings (OCR) are kept in ``cache_dir`` by content hash (``pipeline.read_cache``).
    """
    source = source or str(path)
    stage = "read"
    try:
        started = time.perf_counter()
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if sha in (storage.stored_hash(db, source), storage.duplicate_hash(db, source)):
            report.skipped.append(source)
            return
        read = cached_read(path.name, data, sha, cache_dir)
        if read.hints.get("kind") in NOT_DOCUMENTS:
            raise NotADocument(f"{path.name}: {NOT_DOCUMENTS[read.hints['kind']]} of {read.site}, not a document")
        read = read.model_copy(update={"source": source})
        report.add_time("read", time.perf_counter() - started)
        stage = "parse"
        started = time.perf_counter()
        stages: dict[str, float] = {}
        doc = parse_document(read, sha, detector=detector, timings=stages)
        if not doc.text.strip():
            raise ValueError(f"{path.name}: no text found")
        report.add_time("parse", time.perf_counter() - started)
        for name, seconds in stages.items():
            report.add_time(f"parse:{name}", seconds)
        stage = "save"
        started = time.perf_counter()
        if not save_once(db, doc, report):
            return
        report.add_time("save", time.perf_counter() - started)
        report.ingested.append(source)
    except Exception as error:  # one bad input must never stop the batch
        stage = "classify" if isinstance(error, NotADocument) else stage
        message = str(error) if path.name in str(error) else f"{path.name}: {type(error).__name__}: {error}"
        storage.save_failure(db, source, stage, message)
        report.failed.append((source, stage, message))


def save_once(db, doc, report: IngestReport) -> bool:
    """Save ``doc`` unless it is a copy of a stored document that is kept instead (see ``dedup``);
    either way the duplicate source is recorded against the kept one. True when ``doc`` was saved."""
    same = find_same_document(db, doc)
    if same and not dedup.keep_new({"tasks": len(doc.tasks), "chars": len(doc.text)}, same):
        storage.record_duplicate(db, same["id"], doc.source, doc.sha256, doc.site, same["reason"])
        report.duplicates.append((doc.source, same["source"]))
        return False
    storage.save_document(db, doc, replace_id=same["id"] if same else None)
    if same:
        storage.record_duplicate(db, same["id"], same["source"], same["sha256"], same["site"], same["reason"])
        report.duplicates.append((same["source"], doc.source))
    return True


def find_same_document(db, doc) -> dict | None:
    """The stored document (from another source) that ``doc`` is a copy of, with the reason; see ``dedup``."""
    meta = doc.metadata
    number = storage.number_key(meta.number)
    key = dedup.text_key(doc.text)
    identity = dedup.identity(number, meta.issuer)
    issued = meta.issue_date.isoformat() if meta.issue_date else None
    for row in storage.same_document_candidates(db, number if identity else None, key, doc.source):
        if key and row["text_key"] == key:
            reason = "same text"
        elif (
            identity
            and identity == dedup.identity(row["number_key"], row["issuer"])
            and dedup.same_day(issued, row["issue_date"])
        ):
            reason = "same number and issuer"
        else:
            continue
        kept = db.execute("SELECT sha256, site FROM documents WHERE id = ?", [row["id"]]).fetchone()
        return {**row, "reason": reason, "sha256": kept[0], "site": kept[1]}
    return None


def ingest(
    paths: Iterable[str | Path],
    db_path: str | Path,
    *,
    detector: bool = True,
    on_progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest every document under ``paths`` into the database at ``db_path``.

    OCR results are cached in ``ocr-cache/`` beside the database.
    """
    db = storage.open_db(db_path)
    report = IngestReport()
    cache_dir = Path(db_path).parent / CACHE_DIR_NAME
    for path in list(iter_inputs(paths)):
        ingest_file(db, path, report, detector=detector, cache_dir=cache_dir)
        if on_progress:
            on_progress(path)
    storage.link_citations(db)
    derive.refresh(db)
    db.close()
    return report
