"""A comparison of provinces for a family (or any set of documents): the data and its renderings.

``build`` reads the database (a sqlite3 connection) and returns plain dicts: the documents,
the provinces, a matrix of aligned tasks x provinces (lead and deadline per cell, gaps
empty), tasks led per agency function x province, each province's deadlines in date order,
and the tasks found in one province only. ``render_html`` makes the self-contained report
(the same template body as the Datasette family page), ``write_csvs`` the CSV files
(UTF-8 with BOM, so Excel shows Vietnamese).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import jinja2

from pipeline.compare import align
from pipeline.compare.places import place_of
from pipeline.db_shape import fold

TEMPLATES = Path(__file__).resolve().parent.parent / "datasette" / "templates"
_NAMES = """(SELECT group_concat(name, '; ') FROM (SELECT a.name AS name FROM task_agencies ta
    JOIN agencies a ON a.id = ta.agency_id WHERE ta.task_id = t.id AND ta.role = 'lead'
    GROUP BY a.name ORDER BY min(ta.id)))"""


def vn_date(value: str | None) -> str:
    """ISO date as Vietnamese readers write it: ``vn_date("2025-12-31") == "31/12/2025"``."""
    try:
        return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""
    except ValueError:
        return value or ""


RECURRENCE_LABELS = {
    "P1Y": "hằng năm",
    "P6M": "6 tháng/lần",
    "P3M": "hằng quý",
    "P1M": "hằng tháng",
    "P1W": "hằng tuần",
    "P1D": "hằng ngày",
    "P2Y": "2 năm/lần",
    "P5Y": "5 năm/lần",
}


def recurrence_label(value: str | None) -> str:
    """``recurrence_label("P1Y") == "hằng năm"``; an unlisted duration is shown as written."""
    return ", ".join(RECURRENCE_LABELS.get(v, v) for v in (value or "").split(",") if v)


def _rows(conn, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, list(params))
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]


def _marks(ids) -> str:
    return ",".join("?" * len(ids))


def _tasks(conn, doc_ids: list[int]) -> list[dict]:
    return _rows(
        conn,
        f"""SELECT t.id AS task_id, t.document_id, t.text, {_NAMES} AS lead,
               (SELECT group_concat(a.function, ';') FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
                WHERE ta.task_id = t.id AND ta.role = 'lead' AND a.collective = 0) AS lead_functions,
               (SELECT min(due_date) FROM deadlines WHERE task_id = t.id) AS first_due,
               (SELECT group_concat(DISTINCT recurrence) FROM deadlines WHERE task_id = t.id) AS recurrence,
               coalesce((SELECT max(ongoing) FROM deadlines WHERE task_id = t.id), 0) AS ongoing
           FROM tasks t WHERE t.document_id IN ({_marks(doc_ids)}) ORDER BY t.document_id, t.span_start""",
        doc_ids,
    )


def _stored_clusters(conn, family_id: int, task_ids: set[int]) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for row in _rows(
        conn, "SELECT cluster_id, task_id FROM task_cluster_members WHERE family_id = ? ORDER BY id", [family_id]
    ):
        if row["task_id"] in task_ids:
            groups.setdefault(row["cluster_id"], []).append(row["task_id"])
    return list(groups.values())


def select_documents(conn, *, family: str | None = None, numbers=(), provinces=()) -> tuple[list[int], dict | None]:
    """Document ids of a family (by its number, ``71/NQ-CP``) or of numbers / provinces; and the family row."""
    from pipeline.db_shape import fold_number

    fam = None
    if family:
        fams = [
            f for f in _rows(conn, "SELECT * FROM plan_families") if fold_number(f["number"]) == fold_number(family)
        ]
        fam = max(fams, key=lambda f: f["members"], default=None)
        if fam is None:
            return [], None
        ids = [
            r["document_id"]
            for r in _rows(conn, "SELECT document_id FROM family_members WHERE family_id = ?", [fam["id"]])
        ]
        return ids, fam
    docs = _rows(conn, "SELECT id, number, province, province_2025 FROM documents")
    wanted_numbers = {fold_number(n) for n in numbers}
    wanted_places = {fold(place_of(p).province_2025 or p) for p in provinces}
    ids = [
        d["id"]
        for d in docs
        if fold_number(d["number"]) in wanted_numbers
        or (wanted_places & {fold(d["province"]), fold(d["province_2025"])} - {""})
    ]
    return ids, None


def build(conn, doc_ids: list[int], family: dict | None = None, progress=None) -> dict:
    """The comparison of the given documents (see the module docstring)."""
    say = progress or (lambda _msg: None)
    say(f"reading {len(doc_ids)} documents")
    docs = (
        _rows(
            conn,
            f"""SELECT id AS document_id, number, doc_type, title, province,
                   coalesce(province_2025, province, 'trung ương') AS place, issue_date
               FROM documents WHERE id IN ({_marks(doc_ids)}) ORDER BY place, issue_date, id""",
            doc_ids,
        )
        if doc_ids
        else []
    )
    place_of = {d["document_id"]: d["place"] for d in docs}
    provinces = sorted(dict.fromkeys(d["place"] for d in docs), key=fold)
    tasks = _tasks(conn, [d["document_id"] for d in docs]) if docs else []
    for t in tasks:
        t["place"] = place_of[t["document_id"]]
        t["number"] = next(d["number"] for d in docs if d["document_id"] == t["document_id"])
    by_id = {t["task_id"]: t for t in tasks}
    say(f"aligning {len(tasks)} tasks across {len(provinces)} provinces")
    if family:
        groups = _stored_clusters(conn, family["id"], set(by_id))
    else:
        texts = [align.TaskText(t["task_id"], t["place"], t["text"] or "") for t in tasks]
        groups = [c.task_ids for c in align.clusters(texts)]
    matrix = []
    for ids in groups:
        cells: dict[str, list[dict]] = {}
        for i in ids:
            cells.setdefault(by_id[i]["place"], []).append(by_id[i])
        label = min((by_id[i]["text"] or "" for i in ids), key=len) if len(cells) > 1 else by_id[ids[0]]["text"]
        matrix.append({"label": " ".join((label or "").split()), "provinces": len(cells), "cells": cells})
    matrix.sort(key=lambda r: (-r["provinces"], min(t["task_id"] for c in r["cells"].values() for t in c)))
    say("counting tasks per agency function")
    for d in docs:
        d["tasks"] = sum(1 for t in tasks if t["document_id"] == d["document_id"])
    only_one = [r for r in matrix if r["provinces"] == 1]
    return {
        "family": family,
        "documents": docs,
        "provinces": provinces,
        "tasks": len(tasks),
        "matrix": matrix,
        "shared": [r for r in matrix if r["provinces"] > 1],
        "only_one": only_one,
        "only_one_counts": {p: sum(len(r["cells"].get(p, [])) for r in only_one) for p in provinces},
        "functions": _function_counts(conn, tasks, provinces),
        "timeline": _timeline(tasks, provinces),
    }


def _function_counts(conn, tasks: list[dict], provinces: list[str]) -> list[dict]:
    labels = {r["function"]: r["label"] for r in _rows(conn, "SELECT function, label FROM agency_functions")}
    names = {
        r["function"]: r["name"]
        for r in _rows(conn, "SELECT function, min(name) AS name FROM agencies GROUP BY function")
    }
    counts: dict[str, dict[str, int]] = {}
    for t in tasks:
        for function in set(filter(None, (t["lead_functions"] or "").split(";"))):
            counts.setdefault(function, dict.fromkeys(provinces, 0))[t["place"]] += 1
    rows = [
        {"function": f, "label": labels.get(f) or names.get(f) or f, "counts": c, "total": sum(c.values())}
        for f, c in counts.items()
    ]
    return sorted(rows, key=lambda r: (-r["total"], r["label"]))


def _timeline(tasks: list[dict], provinces: list[str]) -> dict:
    dated = sorted((t for t in tasks if t["first_due"]), key=lambda t: (t["first_due"], t["task_id"]))
    per = {p: [t for t in dated if t["place"] == p] for p in provinces}
    first, last = (dated[0]["first_due"], dated[-1]["first_due"]) if dated else (None, None)
    span = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days if dated else 0
    for row in dated:
        days = (dt.date.fromisoformat(row["first_due"]) - dt.date.fromisoformat(first)).days
        row["x"] = round(40 + 900 * days / span) if span else 490
    years = sorted({t["first_due"][:4] for t in dated})
    ticks = []
    for year in years:
        days = (dt.date(int(year), 1, 1) - dt.date.fromisoformat(first)).days
        if span and 0 <= days <= span:
            ticks.append({"year": year, "x": round(40 + 900 * days / span)})
    undated = {p: sum(1 for t in tasks if t["place"] == p and not t["first_due"]) for p in provinces}
    return {"per_province": per, "first": first, "last": last, "ticks": ticks, "undated": undated}


def _due(task: dict) -> str:
    if task["first_due"]:
        return vn_date(task["first_due"])
    return "thường xuyên" if task["ongoing"] else recurrence_label(task["recurrence"]) or "không hạn"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    env.filters["vn_date"] = vn_date
    env.filters["recurrence_label"] = recurrence_label
    return env


def render_html(comparison: dict, title: str) -> str:
    """The self-contained report: one HTML file, styles inline, every document text escaped."""
    return (
        environment()
        .get_template("kehoach_compare_report.html")
        .render(c=comparison, title=title, links=None, generated=dt.date.today().isoformat())
    )


def write_csvs(comparison: dict, folder: Path) -> list[Path]:
    """matrix.csv, functions.csv, timeline.csv, only_one_province.csv (UTF-8 with BOM)."""
    folder.mkdir(parents=True, exist_ok=True)
    provinces = comparison["provinces"]

    def cell(tasks: list[dict]) -> str:
        return " | ".join(f"{t['lead'] or '—'} ({_due(t)})" for t in tasks)

    tables = {
        "matrix.csv": (
            ["nhiệm vụ", "số tỉnh", *provinces],
            [
                [r["label"], r["provinces"], *(cell(r["cells"].get(p, [])) for p in provinces)]
                for r in comparison["matrix"]
            ],
        ),
        "functions.csv": (
            ["chức năng", "mã chức năng", *provinces, "tổng"],
            [
                [r["label"], r["function"], *(r["counts"][p] for p in provinces), r["total"]]
                for r in comparison["functions"]
            ],
        ),
        "timeline.csv": (
            ["tỉnh", "hạn", "văn bản", "chủ trì", "nhiệm vụ", "task_id"],
            [
                [p, vn_date(t["first_due"]), t["number"], t["lead"], t["text"], t["task_id"]]
                for p, rows in comparison["timeline"]["per_province"].items()
                for t in rows
            ],
        ),
        "only_one_province.csv": (
            ["tỉnh", "văn bản", "chủ trì", "hạn", "nhiệm vụ", "task_id"],
            [
                [p, t["number"], t["lead"], vn_date(t["first_due"]), t["text"], t["task_id"]]
                for r in comparison["only_one"]
                for p, ts in r["cells"].items()
                for t in ts
            ],
        ),
    }
    written = []
    for name, (header, rows) in tables.items():
        path = folder / name
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written
