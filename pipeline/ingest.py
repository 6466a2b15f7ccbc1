"""Ingest: input files (or fetched URLs) -> parsed documents -> the database.

Each input is read, parsed and written on its own: a file that cannot be read or parsed
is recorded in ``failures`` with the stage that failed and the batch goes on; a document
is written in one transaction, so it is either wholly in the database or not at all.
Re-running is safe: unchanged inputs are skipped by content hash, a changed input
replaces its rows.

One input is one source however its path is spelled: the source is the file's absolute
real path, so a folder reached through a symlink, named twice, or named from another
working folder is ingested once. Each input is held to ``Limits`` (size, unpacked
size, seconds) so that no single file can stall or exhaust a batch; the refusal says which
limit and the option that raises it. Only one ingest writes a database at a time (a lock
file beside it); a second one refuses with a clear message.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import signal
import stat
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from parsers import parse_document
from parsers.sites import UNSUPPORTED, accepted_suffixes
from parsers.text.decode import VIETNAMESE_LETTER
from pipeline import storage
from pipeline.compare import dedup, derive
from pipeline.read_cache import CACHE_DIR_NAME, cached_read

MB = 1 << 20

# Files in an input folder that are not documents.
IGNORED_NAMES = {"readme.md", "manifest.csv", ".gitkeep", "license", "license.md"}
# What a folder is searched for: the formats read, and those refused with a reason (".doc"),
# so that the user learns why a file was not ingested.
DOCUMENT_SUFFIXES = {*accepted_suffixes(), *UNSUPPORTED}


# Pages a site reader recognises as something other than a document's text.
NOT_DOCUMENTS = {"listing": "a listing or search page", "attributes": "an attribute page (no document text)"}


class NotADocument(ValueError):
    """An input that was read but holds no document (a listing or search page)."""


class LimitExceeded(ValueError):
    """An input over one of the per-document limits."""


class IngestLocked(RuntimeError):
    """Another ingest is writing the same database."""


@dataclass(frozen=True)
class Limits:
    """What one input may cost; each has a ``kehoach ingest`` option to raise it."""

    max_bytes: int = 64 * MB  # --max-size (MB): the file as stored
    max_unpacked: int = 256 * MB  # --max-unpacked (MB): a Word file's parts once unzipped
    max_seconds: float = 300.0  # --max-seconds: reading and parsing one document

    def check_unpacked(self, name: str, data: bytes) -> None:
        """Refuse a zip (a .docx) whose parts unpack to more than the limit (a zip bomb), before unpacking."""
        if not data.startswith(b"PK\x03\x04"):
            return
        try:
            declared = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return  # the reader reports a damaged archive itself
        if declared > self.max_unpacked:
            raise LimitExceeded(
                f"{name}: unpacks to {declared / MB:.0f} MB, over the {self.max_unpacked / MB:.0f} MB limit "
                "(a zip bomb?); raise it with --max-unpacked"
            )


class DocumentTimeout(LimitExceeded):
    pass


@contextlib.contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM; only in the main thread, elsewhere unlimited)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    armed = True

    def expire(*_):
        if armed:
            raise DocumentTimeout(
                f"{name}: reading and parsing took over {seconds:g} s, the per-document limit; "
                "raise it with --max-seconds"
            )

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats: an exception raised where Python cannot pass it on (a finaliser, a
    # C callback) is lost, so it is raised again until it reaches this block.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.5)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def source_name(path: Path) -> str:
    """The one spelling of an input: its absolute real path (symlinks resolved, whatever the working folder)."""
    return os.path.realpath(path)


def read_input(path: Path, limits: Limits) -> bytes:
    """The bytes of one regular file, refusing FIFOs, devices and files over the size limit."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(info.st_mode)
            else "a device"
            if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "not a regular file"
        )
        raise ValueError(f"{path.name}: {kind}, not a document file; not read")
    if info.st_size > limits.max_bytes:
        raise LimitExceeded(
            f"{path.name}: {info.st_size / MB:.1f} MB, over the {limits.max_bytes / MB:.0f} MB size limit; "
            "raise it with --max-size"
        )
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)  # a file growing while read is still bounded
    if len(data) > limits.max_bytes:
        raise LimitExceeded(
            f"{path.name}: over the {limits.max_bytes / MB:.0f} MB size limit; raise it with --max-size"
        )
    return data


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, the source kept)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (source, stage, error)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    @property
    def not_documents(self) -> list[tuple[str, str, str]]:
        """Inputs read fine that hold no document (listing or attribute pages): expected, not errors."""
        return [f for f in self.failed if f[1] == "classify"]

    @property
    def errors(self) -> list[tuple[str, str, str]]:
        """Inputs that should have been documents and could not be ingested."""
        return [f for f in self.failed if f[1] != "classify"]

    def add_time(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds


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

    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.append(
                (error.filename or str(root), f"{error.filename}: cannot list the folder ({error.strerror})")
            )

    for folder, dirs, names in os.walk(root, followlinks=True, onerror=unreadable):
        for name in list(dirs):
            child = os.path.join(folder, name)
            real = os.path.realpath(child)
            if real in visited:
                dirs.remove(name)
                if os.path.islink(child) and problems is not None:
                    problems.append(
                        (child, f"{child}: symlink loop or second link to a folder read already ({real}); not followed")
                    )
            else:
                visited.add(real)
        for name in names:
            child = Path(folder, name)
            if not _is_document(child, root):
                continue
            if os.path.islink(child) and not child.exists():
                if problems is not None:
                    problems.append((str(child), f"{child}: broken symlink or symlink loop; not read"))
                continue
            files.append(child)
    return sorted(files)


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
    limits: Limits = Limits(),
) -> None:
    """Read, parse and store one input, recording a failure instead of raising.

    Slow readings (OCR) are kept in ``cache_dir`` by content hash (``pipeline.read_cache``).
    """
    source = source or source_name(path)
    stage = "read"
    try:
        started = time.perf_counter()
        data = read_input(path, limits)
        sha = hashlib.sha256(data).hexdigest()
        if sha in (storage.stored_hash(db, source), storage.duplicate_hash(db, source)):
            report.skipped.append(source)
            return
        limits.check_unpacked(path.name, data)
        with time_limit(limits.max_seconds, path.name):
            read = cached_read(path.name, data, sha, cache_dir)
            if read.hints.get("kind") in NOT_DOCUMENTS:
                raise NotADocument(f"{path.name}: {NOT_DOCUMENTS[read.hints['kind']]} of {read.site}, not a document")
            _check_vietnamese(path.name, read.text)
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


def _check_vietnamese(name: str, text: str) -> None:
    """Refuse a text of some length without one Vietnamese letter (an English page, a translation)."""
    sample = text[:20000]
    if sum(c.isalpha() for c in sample) >= 200 and not VIETNAMESE_LETTER.search(sample):
        raise NotADocument(f"{name}: no Vietnamese text (no letter with a Vietnamese mark), not a document")


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
    limits: Limits = Limits(),
    problems: Iterable[tuple[str, str]] = (),
) -> IngestReport:
    """Ingest every document under ``paths`` into the database at ``db_path``.

    ``problems`` are (path, error) pairs found while listing the inputs (``iter_inputs``):
    each becomes a failures row too. OCR results are cached in ``ocr-cache/`` beside the database.
    """
    with writer_lock(db_path):
        db = storage.open_db(db_path)
        report = IngestReport()
        cache_dir = Path(db_path).parent / CACHE_DIR_NAME
        found = list(problems)
        files = list(iter_inputs(paths, found))
        for where, error in found:
            source = source_name(Path(where))
            storage.save_failure(db, source, "find", error)
            report.failed.append((source, "find", error))
        for path in files:
            ingest_file(db, path, report, detector=detector, cache_dir=cache_dir, limits=limits)
            if on_progress:
                on_progress(path)
        storage.link_citations(db)
        derive.refresh(db)
        db.close()
    return report
