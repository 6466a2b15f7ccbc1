"""Tasks where the output is: a table of real task texts (``tests/data/task_roles.tsv``, from the
gold annotations of ``corpus/gold``, written to the extraction guide) with the lead, coordinators,
report-to and deadline each must get. Shapes: items under agency headings, items naming their
own lead, "Giao X chủ trì", field blocks, table rows, closing paragraphs, central documents.

A row marked ``xfail`` is one where the code disagrees with the guide today; its reason says what
the code gets instead. When a fix makes such a row pass, clear its ``xfail`` cell.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from pipeline.evaluate import norm, norm_agency, strip_label

TABLE = Path(__file__).parent / "data" / "task_roles.tsv"


def _rows() -> list[dict]:
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()


def _param(k: int, row: dict):
    marks = [pytest.mark.xfail(reason=row["xfail"], strict=False)] if row["xfail"] else []
    return pytest.param(k, marks=marks, id=f"{row['file']}:{row['section']}:{row['text'][:30]}")


def _split(cell: str) -> list[str]:
    return [x for x in cell.split("; ") if x]


@pytest.fixture(scope="module")
def predicted(sample_db) -> dict[str, list[dict]]:
    """Every document's tasks with their roles and deadlines, as stored (source file name -> tasks)."""
    con = sqlite3.connect(sample_db)
    con.row_factory = sqlite3.Row
    out: dict[str, list[dict]] = {}
    for doc in con.execute("SELECT id, source, province FROM documents"):
        tasks = []
        for t in con.execute("SELECT id, text FROM tasks WHERE document_id = ? ORDER BY id", (doc["id"],)):
            roles: dict[str, set[str]] = {}
            for role, name, collective in con.execute(
                "SELECT ta.role, a.name, a.collective FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id "
                "WHERE ta.task_id = ?",
                (t["id"],),
            ):
                roles.setdefault(role, set()).add(
                    "*collective*" if collective else norm_agency(name, doc["province"] or "")
                )
            dues = con.execute("SELECT due_date, recurrence FROM deadlines WHERE task_id = ?", (t["id"],)).fetchall()
            tasks.append(
                {
                    "head": strip_label(" ".join(norm(t["text"]).split()[:80])),
                    "roles": roles,
                    "due": sorted({d[0] for d in dues if d[0]}),
                    "recurrence": sorted({d[1] for d in dues if d[1]}),
                    "province": doc["province"] or "",
                }
            )
        out[Path(doc["source"]).name] = tasks
    return out


@pytest.fixture(scope="module")
def matched(predicted) -> dict[int, dict | None]:
    """Row number -> the task it is (by text prefix, then containment; each task once, in order)."""
    out: dict[int, dict | None] = {}
    used: set[int] = set()
    for mode in ("start", "contain"):
        for k, row in enumerate(ROWS):
            if out.get(k) is not None:
                continue
            prefix = " ".join(norm(row["text"]).split())
            candidates = [t for t in predicted[row["file"]] if id(t) not in used]
            hit = next(
                (t for t in candidates if (t["head"].startswith(prefix) if mode == "start" else prefix in t["head"])),
                None,
            )
            out[k] = hit
            if hit is not None:
                used.add(id(hit))
    return out


def test_the_table_covers_the_shapes():
    shapes = {row["shape"] for row in ROWS}
    assert len(ROWS) >= 150
    assert {"agency heading", "item", "giao", "block", "table", "paragraph", "central"} <= shapes
    assert sum(not row["xfail"] for row in ROWS) >= 150


@pytest.mark.parametrize("k", [_param(k, r) for k, r in enumerate(ROWS)])
def test_task_roles_and_deadline(matched, k):
    row, task = ROWS[k], matched[k]
    assert task is not None, "no task with this text"
    province = task["province"]

    def agencies(cell: str) -> set[str]:
        return {x if x == "*collective*" else norm_agency(x, province) for x in _split(cell)}

    roles = task["roles"]
    assert roles.get("lead", set()) == agencies(row["lead"])
    assert {x for x in roles.get("coordinate", set()) if x != "*collective*"} == agencies(row["coordinators"])
    assert {x for x in roles.get("report_to", set()) if x != "*collective*"} == agencies(row["report_to"])
    assert task["due"] == sorted(_split(row["due"]))
    assert task["recurrence"] == _split(row["recurrence"])
