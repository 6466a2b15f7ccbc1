"""The writer's summary tables (task_summary, agency_province_tasks, lead_partners) give the
task view and the canned queries exactly the rows the old subqueries over every task gave."""

from __future__ import annotations

import collections
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest
import yaml

from pipeline import storage
from pipeline.datasette.plugins.kehoach_plugin import prepare_connection
from pipeline.ingest import ingest
from tests.conftest import CORPUS

BEFORE = yaml.safe_load((Path(__file__).parent / "data" / "queries_before_summary.yml").read_text("utf-8"))
QUERIES = yaml.safe_load(resources.files("pipeline").joinpath("datasette/metadata.yml").read_text("utf-8"))[
    "databases"
]["kehoach"]["queries"]
PARAMS = [
    {"agency": "tai chinh", "role": "lead", "province": "Nghệ An", "lead": "tai chinh", "date": "2025-06-30"},
    {"agency": "so", "role": "", "province": "", "lead": "ke hoach", "date": "2030-01-01"},
    {
        "agency": "ke hoach va dau tu",
        "role": "coordinate",
        "province": "Lào Cai",
        "lead": "uy ban",
        "date": "2024-12-31",
    },
]


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    prepare_connection(conn)
    return conn


def _comparable(name: str, rows: list[tuple]) -> collections.Counter:
    if name == "coordinators_of_lead":  # group_concat(DISTINCT ...) lists the provinces in no set order
        rows = [(*r[:-1], tuple(sorted((r[-1] or "").split(",")))) for r in rows]
    return collections.Counter(rows)


def test_the_task_view_reads_the_summary_and_shows_what_the_subqueries_gave(sample_db):
    conn = _connect(sample_db)
    before = conn.execute(f"SELECT * FROM ({BEFORE['task_view']}) ORDER BY task_id").fetchall()
    now = conn.execute("SELECT * FROM task_view ORDER BY task_id").fetchall()
    assert len(now) > 1000 and now == before
    # a facet reads task_summary alone: the joins to tasks and documents are left out
    for facet in ("lead", "province", "count(*)"):
        sql = (
            f"SELECT {facet}, count(*) FROM task_view GROUP BY 1"
            if facet != "count(*)"
            else "SELECT count(*) FROM task_view"
        )
        plan = [r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        assert len(plan) == 1 and "task_summary" in plan[0] and "COVERING INDEX" in plan[0], plan


@pytest.mark.parametrize("name", sorted(BEFORE["queries"]))
def test_rewritten_canned_queries_give_the_same_rows(sample_db, name):
    conn = _connect(sample_db)
    number = conn.execute("SELECT number FROM documents WHERE number IS NOT NULL ORDER BY id LIMIT 1").fetchone()[0]
    found = 0
    for params in PARAMS:
        params = {**params, "number": number}
        before = conn.execute(BEFORE["queries"][name], params).fetchall()
        now = conn.execute(QUERIES[name]["sql"], params).fetchall()
        assert _comparable(name, now) == _comparable(name, before), params
        found += len(now)
    assert found, "no rows to compare"


def _counts_from_assignments(conn) -> list[tuple]:
    per_role = """SELECT agency_id, coalesce(province, ''), role, count(DISTINCT task_id), count(DISTINCT document_id)
                  FROM assignment_view WHERE agency_id IS NOT NULL GROUP BY 1, 2, 3"""
    any_role = """SELECT agency_id, coalesce(province, ''), '', count(DISTINCT task_id), count(DISTINCT document_id)
                  FROM assignment_view WHERE agency_id IS NOT NULL GROUP BY 1, 2"""
    return sorted(conn.execute(f"{per_role} UNION ALL {any_role}").fetchall())


def _pairs_from_assignments(conn) -> list[tuple]:
    return sorted(
        conn.execute(
            """SELECT l.agency_id, c.agency_id, coalesce(d.province, ''), count(DISTINCT l.task_id)
               FROM task_agencies l JOIN task_agencies c ON c.task_id = l.task_id AND c.role = 'coordinate'
               JOIN tasks t ON t.id = l.task_id JOIN documents d ON d.id = t.document_id
               WHERE l.role = 'lead' GROUP BY 1, 2, 3"""
        ).fetchall()
    )


def _check_summaries(path: Path) -> None:
    conn = _connect(path)
    assert _counts_from_assignments(conn) == sorted(conn.execute("SELECT * FROM agency_province_tasks").fetchall())
    assert _pairs_from_assignments(conn) == sorted(conn.execute("SELECT * FROM lead_partners").fetchall())
    tasks = conn.execute("SELECT id FROM tasks ORDER BY id").fetchall()
    assert tasks == conn.execute("SELECT task_id FROM task_summary ORDER BY task_id").fetchall()
    before = conn.execute(f"SELECT * FROM ({BEFORE['task_view']}) ORDER BY task_id").fetchall()
    assert conn.execute("SELECT * FROM task_view ORDER BY task_id").fetchall() == before
    conn.close()


def test_summaries_follow_documents_written_replaced_deleted_and_merged(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["ha-noi__308-KH-UBND.txt", "dak-lak__010-CT-UBND.txt", "can-tho__09-CT-UBND.txt"]
    for name in names:
        shutil.copy(CORPUS / name, docs / name)
    db = tmp_path / "k.db"
    ingest([docs], db)
    _check_summaries(db)
    # a document moves to another province and loses a paragraph; another becomes unreadable
    moved = docs / names[0]
    moved.write_text(moved.read_text("utf-8").replace("Hà Nội", "Huế").replace("HÀ NỘI", "HUẾ"), "utf-8")
    (docs / names[1]).write_bytes(b"\x00" * 10)
    ingest([docs], db)
    _check_summaries(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM agency_province_tasks WHERE province = 'Huế'").fetchone()[0]
    assert not conn.execute("SELECT count(*) FROM agency_province_tasks WHERE province = 'Hà Nội'").fetchone()[0]
    # merged into a database that holds one of the documents already
    target = tmp_path / "merged.db"
    ingest([docs / names[2]], target)
    handle = storage.open_db(target)
    storage.merge_database(handle, db)
    handle.close()
    _check_summaries(target)


def test_an_older_database_gets_its_summaries_when_opened(tmp_path):
    db = tmp_path / "old.db"
    ingest([CORPUS / "ha-noi__308-KH-UBND.txt"], db)
    conn = sqlite3.connect(db)
    for table in ("task_summary", "agency_province_tasks", "lead_partners"):
        conn.execute(f"DELETE FROM {table}")
    conn.commit()
    conn.close()
    storage.open_db(db).close()
    _check_summaries(db)
