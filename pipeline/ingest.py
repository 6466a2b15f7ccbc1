"""Ingest: input files (or fetched URLs) -> parsed documents -> the database.

Each input is read and parsed on its own (``pipeline.parse_worker``, in this process, in a
pool of processes or on Dask: ``pipeline.parallel``) and written by this process alone: a
file that cannot be read or parsed is recorded in ``failures`` with the stage that failed and
the batch goes on; a document is written in a savepoint of its own, so it is either wholly in
the database or not at all. Re-running is safe: an input whose size and modification time
are unchanged is skipped before it is read, one whose content hash is unchanged before it is
parsed; a changed input replaces its rows.

One input is one source however its path is spelled (``pipeline.limits.source_name``), and
each input is held to ``Limits`` so that no single file can stall or exhaust a batch. Only
one ingest writes a database at a time (a lock file beside it); a second one refuses at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from parsers.sites import UNSUPPORTED, accepted_suffixes
from pipeline import storage
from pipeline.compare import dedup, derive
from pipeline.limits import MB, LimitExceeded, Limits, source_name, time_limit
from pipeline.parallel import parse_all
from pipeline.parse_worker import NotADocument, Parsed, ParseTask, parse_file
from pipeline.read_cache import CACHE_DIR_NAME

__all__ = [
    "BATCH",
    "MB",
    "IngestLocked",
    "IngestReport",
    "LimitExceeded",
    "Limits",
    "NotADocument",
    "ingest",
    "ingest_file",
    "iter_inputs",
    "time_limit",
    "writer_lock",
]

# Files in an input folder that are not documents.
IGNORED_NAMES = {"readme.md", "manifest.csv", ".gitkeep", "license", "license.md"}
# What a folder is searched for: the formats read, and those refused with a reason (".doc"),
# so that the user learns why a file was not ingested.
DOCUMENT_SUFFIXES = {*accepted_suffixes(), *UNSUPPORTED}
# Documents written per transaction.
BATCH = 200


class IngestLocked(RuntimeError):
    """Another ingest is writing the same database."""


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, the source kept)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (source, stage, error)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @property
    def not_documents(self) -> list[tuple[str, str, str]]:
        """Inputs read fine that hold no document (listing or attribute pages): expected, not errors."""
        return [f for f in self.failed if f[1] == "classify"]

    @property
    def errors(self) -> list[tuple[str, str, str]]:
        """Inputs that should have been documents and could not be ingested."""
        return [f for f in self.failed if f[1] != "classify"]


def iter_inputs(paths: Iterable[str | Path], problems: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Every document file under the given files and folders, recursively, in name order, each real file once.

    Symlinked folders are followed once; a symlink loop or a folder that cannot be listed
    is added to ``problems`` as (path, error) when a list is given.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        found = _walk(path, problems) if path.is_dir() else [path]  # named explicitly: the readers judge it
        for child in found:
            real = os.path.realpath(child)
            if real not in seen:
                seen.add(real)
                yield child


def _walk(root: Path, problems: list[tuple[str, str]] | None) -> list[Path]:
    files: list[Path] = []
    visited = {os.path.realpath(root)}

    def note(where: str, error: str) -> None:
        if problems is not None:
            problems.append((where, error))

    def unreadable(error: OSError) -> None:
        note(error.filename or str(root), f"{error.filename}: cannot list the folder ({error.strerror})")

    for folder, dirs, names in os.walk(root, followlinks=True, onerror=unreadable):
        for name in list(dirs):
            child = os.path.join(folder, name)
            real = os.path.realpath(child)
            if real in visited:
                dirs.remove(name)
                if os.path.islink(child):
                    note(child, f"{child}: symlink loop or second link to a folder read already ({real}); not followed")
            else:
                visited.add(real)
        for name in names:
            child = Path(folder, name)
            if not _is_document(child, root):
                continue
            if os.path.islink(child) and not child.exists():
                note(str(child), f"{child}: broken symlink or symlink loop; not read")
                continue
            files.append(child)
    return sorted(files)


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
    limits: Limits = Limits(),
    problems: Iterable[tuple[str, str]] = (),
) -> IngestReport:
    """Ingest every document under ``paths`` into the database at ``db_path``.

    Parsing runs in ``workers`` processes, or on the Dask scheduler at ``dask`` ("local": a
    cluster on this machine); this process is the one writer, in transactions of ``batch``
    documents, each document in a savepoint of its own. The database is the same whichever
    way the parsing ran. OCR results are cached in ``ocr-cache/`` beside the database.
    ``problems`` are (path, error) pairs found while listing the inputs (``iter_inputs``): each
    becomes a failures row too. Raises ``IngestLocked`` when another ingest writes the database.
    """
    with writer_lock(db_path):
        return _ingest_locked(paths, db_path, detector, on_progress, workers, dask, batch, limits, problems)


def _ingest_locked(paths, db_path, detector, on_progress, workers, dask, batch, limits, problems) -> IngestReport:
    db = storage.open_db(db_path)
    report = IngestReport()
    found = list(problems)
    files = list(iter_inputs(paths, found))
    for where, error in found:
        source = source_name(Path(where))
        storage.save_failure(db, source, "find", error)
        report.failed.append((source, "find", error))
    cache_dir = str(Path(db_path).parent / CACHE_DIR_NAME)
    options = ParseTask(0, "", "", None, detector, cache_dir, limits=limits)
    tasks, stats = _tasks_to_parse(db, files, report, options, on_progress)
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
    derive.bring_up_to_date(db)  # only for the documents written or deleted: the rest is up to date
    db.close()
    return report


def ingest_file(
    db,
    path: Path,
    report: IngestReport,
    *,
    source: str | None = None,
    detector: bool = True,
    cache_dir=None,
    limits: Limits = Limits(),
) -> None:
    """Read, parse and store one input (the crawler's way in), recording a failure instead of raising."""
    source = source or source_name(path)
    cache = str(cache_dir) if cache_dir else None
    known = storage.stored_hash(db, source), storage.duplicate_hash(db, source)
    parsed = parse_file(ParseTask(0, str(path), source, known[0], detector, cache, known[1], limits))
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
        source = source_name(path)
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
        task = replace(options, index=len(tasks), path=str(path), source=source, known_sha256=hashes.get(source))
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


@contextlib.contextmanager
def writer_lock(db_path: str | Path) -> Iterator[None]:
    """Hold the database's writer lock (``DB.lock`` beside it) or refuse at once."""
    lock_path = Path(f"{db_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestLocked(
                f"{db_path}: another kehoach ingest is writing this database; wait for it to finish (lock: {lock_path})"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
