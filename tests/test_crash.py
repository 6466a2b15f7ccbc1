"""Crash consistency: SIGKILL a real `kehoach ingest` at random points, then check the database.

After each kill: ``PRAGMA integrity_check`` is ok, every document present is whole (its
rows equal those of an uninterrupted run), no row hangs below a missing document, task or
agency, and a re-run gives exactly the database of an uninterrupted run (timestamps
aside). ``make test`` kills at 3 points; ``make crashtest`` at KILL_POINTS (default 24).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import storage
from pipeline.ingest import ingest
from tests.conftest import CORPUS

KILL_POINTS = int(os.environ.get("KILL_POINTS", "3"))
DOCUMENTS = [
    "ho-chi-minh__172-KH-UBND.txt",
    "quang-ngai__1617-QD-UBND.txt",
    "ha-noi__308-KH-UBND.txt",
    "can-tho__2610-QD-UBND.txt",
    "dak-lak__0130-KH-UBND.txt",
    "trung-uong__623-TB-VPCP.txt",
]
TIMESTAMPS = {"at"}  # and every column named *_at: when a row was written
ORPHANS = {
    "tasks without a document": "SELECT count(*) FROM tasks WHERE document_id NOT IN (SELECT id FROM documents)",
    "sections without a document": "SELECT count(*) FROM sections WHERE document_id NOT IN (SELECT id FROM documents)",
    "mentions without a document": "SELECT count(*) FROM agency_mentions WHERE document_id NOT IN (SELECT id FROM documents)",
    "citations without a document": "SELECT count(*) FROM citations WHERE document_id NOT IN (SELECT id FROM documents)",
    "task agencies without a task": "SELECT count(*) FROM task_agencies WHERE task_id NOT IN (SELECT id FROM tasks)",
    "deadlines without a task": "SELECT count(*) FROM deadlines WHERE task_id NOT IN (SELECT id FROM tasks)",
    "mentions of a missing agency": "SELECT count(*) FROM agency_mentions WHERE agency_id NOT IN (SELECT id FROM agencies)",
    "task agencies of a missing agency": "SELECT count(*) FROM task_agencies WHERE agency_id NOT IN (SELECT id FROM agencies)",
    "search rows of a missing document": "SELECT count(*) FROM document_fts WHERE rowid NOT IN (SELECT id FROM documents)",
    "documents also failed": "SELECT count(*) FROM failures WHERE source IN (SELECT source FROM documents)",
}


def _ingest_command(folder: Path, db: Path) -> list[str]:
    # one document per transaction, so that kill points fall between documents as well as inside one
    command = ["ingest", str(folder), "--db", str(db), "--quiet", "--batch", "1"]
    return [sys.executable, "-c", f"from pipeline.cli import main; main({command!r})"]


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every contract table's rows (timestamps aside), and each document's rows by source."""
    con = sqlite3.connect(db)
    try:
        tables = {}
        for name, spec in storage.SCHEMA.items():
            columns = [c for c in spec["columns"] if c not in TIMESTAMPS and not c.endswith("_at")]
            order = ", ".join(columns)
            tables[name] = con.execute(f"SELECT {order} FROM [{name}] ORDER BY {order}").fetchall()
        tables["document_fts"] = con.execute("SELECT rowid, * FROM document_fts ORDER BY rowid").fetchall()
        return tables
    finally:
        con.close()


def per_document(db: Path) -> dict[str, tuple]:
    """source -> (tasks, task agencies, deadlines, sections, mentions, citations) counts."""
    con = sqlite3.connect(db)
    try:
        return {
            source: con.execute(
                """SELECT (SELECT count(*) FROM tasks WHERE document_id = :d),
                          (SELECT count(*) FROM task_agencies WHERE task_id IN (SELECT id FROM tasks WHERE document_id = :d)),
                          (SELECT count(*) FROM deadlines WHERE task_id IN (SELECT id FROM tasks WHERE document_id = :d)),
                          (SELECT count(*) FROM sections WHERE document_id = :d),
                          (SELECT count(*) FROM agency_mentions WHERE document_id = :d),
                          (SELECT count(*) FROM citations WHERE document_id = :d)""",
                {"d": doc_id},
            ).fetchone()
            for doc_id, source in con.execute("SELECT id, source FROM documents")
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    folder = root / "docs"
    folder.mkdir()
    for name in DOCUMENTS if KILL_POINTS >= 10 else DOCUMENTS[:3]:  # make test: a shorter ingest
        shutil.copy(CORPUS / name, folder)
    reference = root / "reference.db"
    started = time.monotonic()
    process = subprocess.Popen(_ingest_command(folder, reference), cwd=root, stdout=subprocess.DEVNULL)
    writing = None  # when the database appears: the imports and models are loaded by then
    while process.poll() is None:
        if writing is None and reference.exists():
            writing = time.monotonic() - started
        time.sleep(0.02)
    assert process.returncode == 0
    return root, folder, reference, (writing or 0.0, time.monotonic() - started)


def test_killed_ingests_stay_consistent_and_rerun_to_the_same_database(work):
    root, folder, reference, (writing, seconds) = work
    expected, expected_documents = dump(reference), per_document(reference)
    rnd = random.Random(int(os.environ.get("KILL_SEED", "9")))
    killed_with_documents = 0
    for point in range(KILL_POINTS):
        db = root / f"killed-{point}.db"
        process = subprocess.Popen(
            _ingest_command(folder, db), cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rnd.uniform(writing, seconds))  # anywhere in the writing, between or inside documents
        process.send_signal(signal.SIGKILL)
        process.wait()
        if not db.exists():
            continue  # killed before the database was created
        con = sqlite3.connect(db)
        try:
            assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], point
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "documents" in tables:
                for what, sql in ORPHANS.items():
                    assert con.execute(sql).fetchone()[0] == 0, f"kill point {point}: {what}"
            else:
                assert tables == set(), f"kill point {point}: half a schema {sorted(tables)}"
        finally:
            con.close()
        documents = per_document(db) if "documents" in tables else {}
        killed_with_documents += bool(documents)
        for source, counts in documents.items():
            assert counts == expected_documents[source], f"kill point {point}: {source} half-written"
        rerun = ingest([folder], db)  # in this process: its models are loaded already
        assert rerun.errors == [], f"kill point {point}: the re-run failed: {rerun.errors}"
        assert dump(db) == expected, f"kill point {point}: the re-run differs from an uninterrupted run"
    print(f"\n{KILL_POINTS} kill points, {killed_with_documents} with documents written, all consistent")
    assert KILL_POINTS < 10 or killed_with_documents >= KILL_POINTS // 4  # the points fell inside the writing
