"""Parallel, distributed and sharded ingest give the database a one-process run gives."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import ingest
from pipeline.parallel import parse_all
from pipeline.parse_worker import ParseTask, parse_file
from tests.conftest import CORPUS

# small documents of several shapes: a plan, a decision with an appendix, a letter, a resolution
SAMPLE = [
    "ha-noi__308-KH-UBND.txt",
    "dak-lak__010-CT-UBND.txt",
    "ho-chi-minh__4001-UBND-DT.txt",
    "hue__33-2025-NQ-HDND.txt",
    "can-tho__09-CT-UBND.txt",
    "an-giang__2015-QD-UBND.txt",
]
TIMESTAMPS = {"ingested_at", "at", "recorded_at"}


def dump(path: Path) -> list[str]:
    """Every row of every table (search tables included), timestamps left out."""
    db = sqlite3.connect(path)
    rows = []
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        if table.endswith(("_data", "_idx", "_docsize", "_config")) or table.startswith("sqlite_"):
            continue  # the search tables' internals: their content is compared through the table itself
        columns = [r[1] for r in db.execute(f"PRAGMA table_info([{table}])") if r[1] not in TIMESTAMPS]
        names = ", ".join(f"[{c}]" for c in columns)
        rows += sorted(f"{table} {row!r}" for row in db.execute(f"SELECT rowid, {names} FROM [{table}]"))
    db.close()
    assert any(r.startswith("tasks ") for r in rows)
    return rows


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, list[str]]:
    """The sample documents in a folder, and the dump of their one-process ingest."""
    folder = tmp_path_factory.mktemp("docs")
    for name in SAMPLE:
        shutil.copy(CORPUS / name, folder / name)
    db = tmp_path_factory.mktemp("one") / "one.db"
    report = ingest([folder], db)
    assert len(report.ingested) == len(SAMPLE)
    return folder, dump(db)


def test_two_processes_give_the_same_database(sample, tmp_path):
    folder, expected = sample
    report = ingest([folder], tmp_path / "two.db", workers=2, batch=2)
    assert len(report.ingested) == len(SAMPLE)
    assert dump(tmp_path / "two.db") == expected


def test_dask_cluster_gives_the_same_database(sample, tmp_path):
    from distributed import LocalCluster

    folder, expected = sample
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        report = ingest([folder], tmp_path / "dask.db", dask=cluster.scheduler_address)
    assert len(report.ingested) == len(SAMPLE)
    assert dump(tmp_path / "dask.db") == expected


def _fails_on_letters(task: ParseTask):
    if "4001" in task.path:
        raise MemoryError("worker out of memory")
    return parse_file(task)


def test_a_failing_dask_worker_becomes_one_failure_in_order(sample):
    from distributed import LocalCluster

    folder, _ = sample
    paths = sorted(str(p) for p in folder.iterdir())
    tasks = [ParseTask(k, p, p) for k, p in enumerate(paths)]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        results = list(parse_all(tasks, dask=cluster.scheduler_address, function=_fails_on_letters))
    assert [r.source for r in results] == paths  # streamed back in input order
    failed = [r for r in results if r.stage]
    assert [(Path(r.source).name, r.stage) for r in failed] == [("ho-chi-minh__4001-UBND-DT.txt", "worker")]
    assert "MemoryError: worker out of memory" in failed[0].error
    assert all(r.doc is not None for r in results if not r.stage)


def test_unchanged_files_are_skipped_before_they_are_read(sample, tmp_path):
    folder, _ = sample
    docs = tmp_path / "docs"
    shutil.copytree(folder, docs)
    db = tmp_path / "k.db"
    ingest([docs], db)
    victim = docs / SAMPLE[0]
    before = victim.stat()
    # same size and time but other bytes: only a skip that never reads the file misses this
    data = victim.read_bytes()
    victim.write_bytes(data[:-1] + (b"X" if data[-1:] != b"X" else b"Y"))
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = ingest([docs], db)
    assert len(report.skipped) == len(SAMPLE) and not report.ingested
    # a new time with the same bytes: read and hashed, not parsed
    victim.write_bytes(data)
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    report = ingest([docs], db)
    assert len(report.skipped) == len(SAMPLE) and not report.ingested
    # other bytes and another size: parsed again
    victim.write_bytes(data + "\nPhụ lục bổ sung.\n".encode())
    assert [Path(s).name for s in ingest([docs], db).ingested] == [SAMPLE[0]]


def test_merged_shards_equal_one_ingest(sample, tmp_path):
    folder, _ = sample
    files = sorted(str(p) for p in folder.iterdir())
    half = len(files) // 2
    ingest(files[:half], tmp_path / "shard1.db")
    ingest(files[half:], tmp_path / "shard2.db", workers=2)
    ingest(files, tmp_path / "one.db")
    runner = CliRunner()
    result = runner.invoke(
        main, ["merge", str(tmp_path / "shard1.db"), str(tmp_path / "shard2.db"), "--db", str(tmp_path / "merged.db")]
    )
    assert result.exit_code == 0, result.output
    assert f"{half} documents merged" in result.output
    assert dump(tmp_path / "merged.db") == dump(tmp_path / "one.db")
    # merging a shard again replaces its documents rather than doubling them
    runner.invoke(main, ["merge", str(tmp_path / "shard2.db"), "--db", str(tmp_path / "merged.db")])
    merged, one = sqlite3.connect(tmp_path / "merged.db"), sqlite3.connect(tmp_path / "one.db")
    for table in ("documents", "tasks", "task_agencies", "deadlines", "citations", "task_fts"):
        count = f"SELECT COUNT(*) FROM {table}"
        assert merged.execute(count).fetchone() == one.execute(count).fetchone(), table


_STARTED: list[int] = []


def _recording(task: ParseTask):
    _STARTED.append(task.index)
    return parse_file(task)


def test_dask_keeps_few_inputs_ahead_of_the_writer(sample):
    """Parsed documents do not pile up: at most the window is submitted past the one written."""
    from distributed import Client, LocalCluster

    from pipeline.parallel import _windowed

    folder, _ = sample
    paths = sorted(str(p) for p in folder.iterdir())
    tasks = [ParseTask(k, p, p) for k, p in enumerate(paths)]
    _STARTED.clear()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as client:
        for written, parsed in enumerate(_windowed(client, tasks, _recording, window=2)):
            assert parsed.index == written
            assert len(_STARTED) <= written + 2
    assert sorted(_STARTED) == list(range(len(tasks)))
