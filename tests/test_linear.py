"""Every stage is linear in its input: time per MB stays flat as a document grows.

A real document is repeated to a small and a large size (4x by default) in three shapes —
paragraphs, one long line, and hard-wrapped lines with no blank line — and each shape's time
per MB at the large size must stay within ``MAX_RATIO`` of the small size's. A quadratic stage
makes the ratio about 4 (the size ratio); linear code stays near 1. Only a ratio is asserted,
never a time. ``KEHOACH_LINEAR_MB="1,8"`` (``make linearity``) runs the issue's sizes.
"""

from __future__ import annotations

import os
import textwrap
import time
from pathlib import Path

import pytest

from parsers import parse_document
from parsers.sites import read_source

DOCUMENT = Path(__file__).resolve().parent.parent / "corpus" / "ha-noi__308-KH-UBND.txt"
SIZES_MB = tuple(float(x) for x in os.environ.get("KEHOACH_LINEAR_MB", "0.12,0.48").split(","))
MAX_RATIO = 2.5


def _shape(text: str, shape: str) -> str:
    if shape == "one line":
        return text.replace("\n", " ")
    if shape == "wrapped":
        return "\n".join(textwrap.wrap(text.replace("\n", " "), 70))
    return text


def _seconds_per_mb(unit: str, mb: float, timings: dict[str, float]) -> float:
    text = (unit * max(1, round(mb * 1e6 / len(unit.encode()))))[: int(mb * 1e6)]
    source = read_source("repeated.txt", text.encode())
    started = time.perf_counter()
    parse_document(source, "0" * 64, detector=False, timings=timings)
    return (time.perf_counter() - started) / (len(text.encode()) / 1e6)


ONE_LINE_REGRESSION = pytest.mark.xfail(
    reason="since the task-role and citation changes merged at 20:35 UTC on 2026-12-04, tasks (ratio ~4) and "
    "citations (~2.7) are super-linear again on one long line (report_targets walks every chain for every "
    "report verb of a task; the deadline scan re-reads the task): open, see BENCHMARKS.md",
    strict=False,
)


@pytest.mark.parametrize("shape", ["paragraphs", pytest.param("one line", marks=ONE_LINE_REGRESSION), "wrapped"])
def test_time_per_mb_is_flat(shape):
    unit = _shape(DOCUMENT.read_text("utf-8"), shape) + ("\n\n" if shape == "paragraphs" else "\n")
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
