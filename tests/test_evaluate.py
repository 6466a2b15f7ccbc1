"""`kehoach eval` scores a database exactly as the reference scorer does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import Tally, by_shape, document_shapes, evaluate, load_gold, prf, summary_line
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


def _gold_copy(tmp_path: Path, shapes: dict[str, str] | None = None, field: dict[str, str] | None = None) -> Path:
    """The shipped gold files in a tmp folder, with shapes given as a file and/or as fields."""
    folder = tmp_path / "gold"
    folder.mkdir()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "document" not in gold:
            continue  # a shapes.json of the shipped gold
        gold.pop("shape", None)
        if field and gold["file"] in field:
            gold["shape"] = field[gold["file"]]
        (folder / path.name).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    if shapes is not None:
        (folder / "shapes.json").write_text(json.dumps(shapes), encoding="utf-8")
    return folder


def test_shapes_fall_back_to_the_reader_of_each_document(sample_db, tmp_path):
    shapes = document_shapes(sample_db, _gold_copy(tmp_path))
    assert shapes["thua-thien-hue__350-QD-UBND.txt"] == "hethongphapluat"
    assert shapes["ha-noi__308-KH-UBND.txt"] == "thuvienphapluat"


def test_a_gold_shape_field_wins_over_shapes_json_and_the_reader(sample_db, tmp_path):
    seed, hanoi = "thua-thien-hue__350-QD-UBND.txt", "ha-noi__308-KH-UBND.txt"
    folder = _gold_copy(tmp_path, shapes={seed: "listed", hanoi: "listed"}, field={hanoi: "own field"})
    shapes = document_shapes(sample_db, folder)
    assert (shapes[seed], shapes[hanoi], shapes["can-tho__160-KH-UBND.txt"]) == (
        "listed",
        "own field",
        "thuvienphapluat",
    )
    assert len(load_gold(folder)) == len(list(GOLD.glob("*.json")))  # shapes.json is not read as a gold file


def test_per_shape_tallies_partition_the_files_and_a_bad_shape_shows(sample_db, tmp_path):
    total, per_file = evaluate(sample_db, GOLD)
    seed = "thua-thien-hue__350-QD-UBND.txt"
    damaged = dict(per_file)
    broken = Tally()
    broken.add(per_file[seed])
    broken.counts["meta_ok"] = 0  # one shape's metadata all wrong: its own line must show it
    damaged[seed] = broken
    groups = by_shape(damaged, document_shapes(sample_db, _gold_copy(tmp_path)))
    assert sorted(n for files, _ in groups.values() for n in files) == sorted(per_file)
    assert groups["hethongphapluat"] == ([seed], broken)
    assert groups["hethongphapluat"][1].figures()["metadata accuracy"] == 0.0
    for key in total.counts:
        assert sum(t.counts[key] for _, t in groups.values()) == sum(t.counts[key] for t in damaged.values())


def test_cli_eval_by_shape_prints_one_line_per_shape(sample_db):
    from click.testing import CliRunner

    from pipeline.cli import main

    result = CliRunner().invoke(main, ["eval", "--db", str(sample_db), "--gold", str(GOLD), "--by-shape"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("shape ")]
    shapes = document_shapes(sample_db, GOLD)
    assert [line.split(" (")[0] for line in lines] == [f"shape {s}" for s in sorted(set(shapes.values()))]
    on_the_site = sum(1 for s in shapes.values() if s == "thuvienphapluat")
    assert any(line.startswith(f"shape thuvienphapluat ({on_the_site} documents): meta=") for line in lines)
