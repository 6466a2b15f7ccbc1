"""The bad-input catalogue (tests/bad_inputs.py): one batch with every class and a good document."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import Limits, ingest
from tests.bad_inputs import CATALOGUE, ENGLISH, LIMITS, build_batch, document, real_text, rows


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("bad") / "lo"
    folder.mkdir()
    build_batch(folder)
    db = folder.parent / "k.db"
    return db, ingest([folder], db, limits=Limits(**LIMITS))


def test_catalogue_has_at_least_25_classes():
    assert len(CATALOGUE) >= 25 and len({c.name for c in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.name for c in CATALOGUE])
def test_bad_input(batch, case):
    db, _ = batch
    case.check(db)


def test_the_good_document_goes_in_beside_them(batch):
    db, report = batch
    assert document(db, "goc.txt")["number"] == "010/CT-UBND"
    assert report.duplicates == []  # each input carries its own number: none is a copy of another
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    # one failures row per refused input, never two; no document is also a failure
    failed = rows(db, "SELECT source FROM failures")
    assert len(failed) == len(set(failed)) == len(report.failed)
    assert not rows(db, "SELECT source FROM failures WHERE source IN (SELECT source FROM documents)")


def test_cli_exits_non_zero_and_says_how_many_failed(tmp_path):
    folder = tmp_path / "lo"
    folder.mkdir()
    (folder / "goc.txt").write_bytes(real_text().encode())
    (folder / "rong.txt").write_bytes(b"")
    (folder / "tieng-anh.txt").write_bytes(ENGLISH.encode())  # not a document: reported, not a failure
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--quiet"])
    assert result.exit_code == 1
    assert "1 ingested, 0 unchanged, 1 failed, 1 not documents" in result.output
    assert "1 of 3 inputs failed (see the failures table)" in result.output
    (folder / "rong.txt").unlink()
    again = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "c.db"), "--quiet"])
    assert again.exit_code == 0, again.output  # a page that is not a document is no failed input
