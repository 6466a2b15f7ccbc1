"""Shared fixtures: the sample corpus ingested once per test session into a real SQLite file."""

from __future__ import annotations

import sqlite3
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


def copy_database(source: Path, folder: Path, name: str = "kehoach.db") -> Path:
    """A copy of ``source`` in ``folder`` (SQLite's online backup), for tests that serve or change it."""
    path = folder / name
    with sqlite3.connect(source) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    return path
