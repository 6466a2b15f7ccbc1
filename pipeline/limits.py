"""What one input may cost, and the one spelling of an input's name.

Each input is held to ``Limits`` (size, unpacked size, seconds) so that no single file can
stall or exhaust a batch; the refusal says which limit and the ``kehoach ingest`` option
that raises it. The source of an input is its absolute real path, so a folder reached
through a symlink, named twice, or named from another working folder is ingested once.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20


class LimitExceeded(ValueError):
    """An input over one of the per-document limits."""


class DocumentTimeout(LimitExceeded):
    pass


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


@contextlib.contextmanager
def time_limit(seconds: float, name: str) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM; only in a main thread, elsewhere unlimited)."""
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
        if stat.S_ISFIFO(info.st_mode):
            kind = "a FIFO"
        elif stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            kind = "a device"
        else:
            kind = "not a regular file"
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
