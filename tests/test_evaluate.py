"""`kehoach eval` scores a database exactly as the reference scorer does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, prf, summary_line
from tests.conftest import GOLD

REFERENCE = Path(__file__).parent / "fixtures" / "score_reference.py"


@pytest.fixture(scope="module")
def reference_figures(sample_db, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("score") / "reference.json"
    subprocess.run(
        [sys.executable, str(REFERENCE), "--db", str(sample_db), "--gold", str(GOLD), "--json", str(out)],
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_figure_agrees_with_the_reference_scorer(sample_db, reference_figures):
    figures = evaluate(sample_db, GOLD)[0].figures()
    for key, value in figures.items():
        expected = reference_figures[key]
        if isinstance(value, tuple):
            assert list(value) == pytest.approx(expected), key
        elif isinstance(value, float):
            assert value == pytest.approx(expected), key
        else:
            assert value == expected, key


def test_raw_counts_agree_with_the_reference_scorer(sample_db, reference_figures):
    assert evaluate(sample_db, GOLD)[0].counts == reference_figures["raw"]


def test_per_file_tallies_add_up_to_the_total(sample_db):
    total, per_file = evaluate(sample_db, GOLD)
    assert len(per_file) == len(list(GOLD.glob("*.json")))
    for key in total.counts:
        assert total.counts[key] == sum(t.counts[key] for t in per_file.values())


def test_the_shipped_corpus_covers_every_gold_file(sample_db):
    total, _ = evaluate(sample_db, GOLD)
    assert total.figures()["documents found"] == f"{total.counts['docs']}/{total.counts['docs']}"


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [(0, 0, 0, (1.0, 1.0, 1.0)), (1, 1, 0, (0.5, 1.0, 2 / 3)), (0, 0, 2, (0.0, 0.0, 0.0)), (0, 3, 0, (0.0, 1.0, 0.0))],
)
def test_prf(tp, fp, fn, expected):
    assert prf(tp, fp, fn) == pytest.approx(expected)


def test_summary_line_names_every_headline_figure(sample_db):
    line = summary_line(evaluate(sample_db, GOLD)[0].figures())
    for name in ("meta=", "agencies=", "tasks=", "lead=", "coord=", "deadlines=", "citations="):
        assert name in line
