"""Ingest: input files (or fetched URLs) -> parsed documents -> the database.

Each input is read and parsed on its own (``pipeline.parse_worker``, in this process, in a
pool of processes or on Dask: ``pipeline.parallel``) and written by this process alone: a
file that cannot be read or parsed is recorded in ``failures`` with the stage that failed and
the batch goes on; a document is written in a savepoint of its own, so it is either wholly in
the database or not at all. Re-running is safe: an input whose size and modification time
are unchanged is skipped before it is read, one whose content hash is unchanged before it is
parsed; a changed input replaces its rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from parsers.sites import UNSUPPORTED, accepted_suffixes
from pipeline import storage
from pipeline.compare import dedup, derive
from pipeline.parallel import parse_all
from pipeline.parse_worker import NotADocument, Parsed, ParseTask, parse_file
from pipeline.read_cache import CACHE_DIR_NAME

__all__ = ["IngestReport", "NotADocument", "ingest", "ingest_file", "iter_inputs"]

# Files in an input folder that are not documents.
IGNORED_NAMES = {"readme.md", "manifest.csv", ".gitkeep", "license", "license.md"}
# What a folder is searched for: the formats read, and those refused with a reason (".doc"),
# so that the user learns why a file was not ingested.
DOCUMENT_SUFFIXES = {*accepted_suffixes(), *UNSUPPORTED}
# Documents written per transaction.
BATCH = 200


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
    workers: int = 1,
    dask: str | None = None,
    batch: int = BATCH,
) -> IngestReport:
    """Ingest every document under ``paths`` into the database at ``db_path``.

    Parsing runs in ``workers`` processes, or on the Dask scheduler at ``dask`` ("local": a
    cluster on this machine); this process is the one writer, in transactions of ``batch``
    documents, each document in a savepoint of its own. The database is the same whichever
    way the parsing ran. OCR results are cached in ``ocr-cache/`` beside the database.
    """
    db = storage.open_db(db_path)
    report = IngestReport()
    files = list(iter_inputs(paths))
    cache_dir = str(Path(db_path).parent / CACHE_DIR_NAME)
    tasks, stats = _tasks_to_parse(db, files, report, ParseTask(0, "", "", None, detector, cache_dir), on_progress)
    results = parse_all(tasks, workers=workers, dask=dask)
    while True:
        with db.atomic():  # one transaction per batch: a commit per document costs more than its rows
            written = 0
            for parsed in results:
                _write(db, parsed, stats.get(parsed.source), report)
                if on_progress:
                    on_progress(Path(parsed.path))
                written += 1
                if written == batch:
                    break
        if written < batch:
            break
    storage.link_citations(db)
    derive.refresh(db)
    db.close()
    return report


def ingest_file(
    db, path: Path, report: IngestReport, *, source: str | None = None, detector: bool = True, cache_dir=None
) -> None:
    """Read, parse and store one input (the crawler's way in), recording a failure instead of raising."""
    source = source or str(path)
    cache = str(cache_dir) if cache_dir else None
    known = storage.stored_hash(db, source), storage.duplicate_hash(db, source)
    parsed = parse_file(ParseTask(0, str(path), source, known[0], detector, cache, known[1]))
    _write(db, parsed, None, report)


def _tasks_to_parse(
    db, files: list[Path], report: IngestReport, options: ParseTask, on_progress: Callable[[Path], None] | None
) -> tuple[list[ParseTask], dict[str, tuple[int, int]]]:
    """The inputs to parse, and their (size, mtime_ns); an input whose size and time are those
    stored with its document is unchanged and skipped here, before it is read."""
    known = storage.known_files(db)
    hashes = storage.stored_hashes(db)
    tasks: list[ParseTask] = []
    stats: dict[str, tuple[int, int]] = {}
    for path in files:
        source = str(path)
        try:
            st = path.stat()
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            stat = None  # the reader will say what is wrong with it
        if stat is not None and source in known and known[source][:2] == stat:
            report.skipped.append(source)
            if on_progress:
                on_progress(path)
            continue
        if stat is not None:
            stats[source] = stat
        task = replace(options, index=len(tasks), path=source, source=source, known_sha256=hashes.get(source))
        tasks.append(replace(task, duplicate_sha256=storage.duplicate_hash(db, source)))
    return tasks, stats


def _write(db, parsed: Parsed, stat: tuple[int, int] | None, report: IngestReport) -> None:
    """Store one parse result: the document, "unchanged", or a failures row; never raises."""
    for stage, seconds in parsed.seconds.items():
        report.add_time(stage, seconds)
    if parsed.unchanged:
        if stat is not None:
            storage.save_file_stat(db, parsed.source, *stat, parsed.sha256)
        report.skipped.append(parsed.source)
        return
    if parsed.doc is not None:
        started = time.perf_counter()
        try:
            if not save_once(db, parsed.doc, report):
                return  # a copy of a stored document, kept instead: recorded as a duplicate
            if stat is not None:
                storage.save_file_stat(db, parsed.source, *stat, parsed.sha256)
        except Exception as error:
            name = Path(parsed.path).name
            parsed.stage, parsed.error = "save", f"{name}: {type(error).__name__}: {error}"
        else:
            report.add_time("save", time.perf_counter() - started)
            report.ingested.append(parsed.source)
            return
    storage.save_failure(db, parsed.source, parsed.stage or "parse", parsed.error or "unknown error")
    report.failed.append((parsed.source, parsed.stage or "parse", parsed.error or "unknown error"))
