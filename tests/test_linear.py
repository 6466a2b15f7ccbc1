"""Every stage is linear in its input: time per MB stays flat as a document grows.

A real document is repeated to a small and a large size (4x by default) in five shapes —
paragraphs, one long line, hard-wrapped lines with no blank line, the document's own lines
with no blank line, and a document of many captured tables ("|" lines) — and each shape's
time per MB at the large size, reading included, must stay within ``MAX_RATIO`` of the small
size's. A quadratic stage makes the ratio about 4 (the size ratio); linear code stays near 1.
Only a ratio of CPU times is asserted (the process's own, so other work on the machine
weighs less), never a time. ``KEHOACH_LINEAR_MB="1,8"`` (``make linearity``) runs the
issue's sizes.

Shapes that were quadratic: captured tables (each table re-read the rest of the document:
63 s/MB at 1 MB), "Nơi nhận" blocks in a long document (each block's agency search copied
the whole text), one long line (task roles).
"""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from parsers import parse_document
from parsers.sites import read_source

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DOCUMENT = CORPUS / "ha-noi__308-KH-UBND.txt"
TABLES = CORPUS / "ca-mau__0204-KH-UBND.txt"  # 1,685 "|" lines
SIZES_MB = tuple(float(x) for x in os.environ.get("KEHOACH_LINEAR_MB", "0.12,0.48").split(","))
MAX_RATIO = 2.5


def _unit(shape: str) -> str:
    """One copy of the document in ``shape``, with what separates it from the next copy."""
    text = DOCUMENT.read_text("utf-8")
    if shape == "one line":
        return text.replace("\n", " ") + "\n"
    if shape == "wrapped":
        return "\n".join(textwrap.wrap(text.replace("\n", " "), 70)) + "\n"
    if shape == "lines":
        return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"
    if shape == "tables":
        return TABLES.read_text("utf-8") + "\n\n"
    return text + "\n\n"


def _seconds_per_mb(unit: str, mb: float, timings: dict[str, float]) -> float:
    text = (unit * max(1, round(mb * 1e6 / len(unit.encode()))))[: int(mb * 1e6)]
    started = time.process_time()
    source = read_source("repeated.txt", text.encode())
    timings["read"] = time.process_time() - started
    parse_document(source, "0" * 64, detector=False, timings=timings)
    return (time.process_time() - started) / (len(text.encode()) / 1e6)


@pytest.mark.parametrize("shape", ["paragraphs", "one line", "wrapped", "lines", "tables"])
def test_time_per_mb_is_flat(shape):
    unit = _unit(shape)
    small_mb, large_mb = SIZES_MB
    _seconds_per_mb(unit, 0.02, {})  # warm the lazily built tables
    small_stages: dict[str, float] = {}
    large_stages: dict[str, float] = {}
    # the best of two runs at the small size: a busy machine only ever makes a run slower
    small = min(_seconds_per_mb(unit, small_mb, small_stages), _seconds_per_mb(unit, small_mb, {}))
    large = _seconds_per_mb(unit, large_mb, large_stages)
    per_stage = {
        k: round((large_stages[k] / large_mb) / max(small_stages[k] / small_mb, 1e-9), 2) for k in large_stages
    }
    assert large / small < MAX_RATIO, (
        f"{shape}: {small:.2f} s/MB at {small_mb} MB, {large:.2f} at {large_mb} MB; stage ratios {per_stage}"
    )
