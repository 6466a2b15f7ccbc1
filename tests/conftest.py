"""Shared fixtures: the sample corpus ingested once per test session into a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """A database ingested from the shipped sample corpus (built once per session)."""
    path = tmp_path_factory.mktemp("sample") / "kehoach.db"
    report = ingest([CORPUS], path)
    assert report.ingested, "the sample corpus ingested nothing"
    return path
