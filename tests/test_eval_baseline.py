"""Extraction quality never falls below the committed baseline (``corpus/eval-baseline.json``,
written by ``kehoach eval --save-baseline``): every gold file keeps each of its figures, and
when the gold set is the baseline's, so do the overall figures. A change that makes extraction
worse on any field of any gold document fails here, not only in ``make eval``."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate import evaluate, headline, summary_line
from tests.conftest import CORPUS, GOLD

BASELINE = json.loads((CORPUS / "eval-baseline.json").read_text(encoding="utf-8"))


def figures_of(line: str) -> dict[str, float]:
    """ "meta=1.00 agencies=0.98 ..." -> {"meta": 1.0, "agencies": 0.98, ...}"""
    return {key: float(value) for key, value in (part.split("=") for part in line.removeprefix("summary: ").split())}


@pytest.fixture(scope="module")
def scored(sample_db):
    return evaluate(sample_db, GOLD)


@pytest.mark.parametrize("name", sorted(BASELINE["per_file"]))
def test_no_gold_file_falls_below_its_baseline(scored, name):
    _, per_file = scored
    assert name in per_file, f"{name} is in the baseline but no longer scored"
    now = figures_of(summary_line(per_file[name].figures()))
    before = figures_of(BASELINE["per_file"][name])
    worse = {field: f"{before[field]:.2f} -> {now[field]:.2f}" for field in before if now[field] < before[field]}
    assert not worse, f"{name} fell below the baseline: {worse}"


def test_overall_figures_do_not_fall_below_the_baseline(scored):
    total, per_file = scored
    if set(per_file) != set(BASELINE["per_file"]):
        pytest.skip("gold files were added since the baseline: their per-file figures are checked above")
    now = headline(total.figures())
    worse = {k: f"{v} -> {now[k]}" for k, v in BASELINE.items() if isinstance(v, float) and now[k] < v}
    assert not worse, f"below the baseline: {worse}"


def test_figures_of_reads_a_summary_line():
    assert figures_of("meta=1.00 agencies=0.98 tasks=0.50") == {"meta": 1.0, "agencies": 0.98, "tasks": 0.5}
