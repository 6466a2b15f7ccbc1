"""The one module that writes the kehoach database (and the only one importing sqlite_utils).

The tables and columns of the contract (``pipeline/schema.py``) are what analysts write
queries against: columns may be added, never renamed or dropped. ``ensure_db_shape`` creates or
upgrades a database in place and is safe to run any number of times.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils
from sqlite_utils.db import jsonify_if_needed

from parsers.lexicon.places import places
from parsers.models import Agency, AgencyMention, Citation, ParsedDocument, Section, Task
from pipeline import db_shape
from pipeline.compare import agencies as agency_functions
from pipeline.compare.dedup import text_key
from pipeline.compare.places import place_of
from pipeline.schema import TABLES

# table -> (columns with types, primary key, foreign keys, description), from the contract
SCHEMA: dict[str, dict] = {
    name: {
        "columns": {column: kind for column, (kind, _) in table.columns.items()},
        "pk": table.pk,
        "foreign_keys": table.foreign_keys,
        "description": table.description,
    }
    for name, table in TABLES.items()
}

INDEXES: dict[str, list[list[str]]] = {
    "documents": [["source"], ["number_key"], ["province"], ["text_key"], ["province_2025"]],
    "sections": [["document_id"]],
    "agency_mentions": [["document_id"], ["agency_id"]],
    "tasks": [["document_id"]],
    "task_agencies": [["task_id"], ["agency_id", "role"], ["task_id", "agency_id", "role"]],
    "deadlines": [["task_id"], ["due_date"]],
    "citations": [["document_id"], ["number_key"]],
    "failures": [["source"]],
    "fetches": [["sha256"], ["path"], ["found_on"]],
    "warnings": [["document_id"]],
    "document_sources": [["document_id"], ["sha256"]],
    # the orders and facets of task_view and the canned queries (pipeline/datasette/metadata.yml)
    "task_summary": [
        ["document_id"],
        ["province", "number", "task_id"],
        ["province_fold", "province", "number", "task_id"],
        ["first_due", "province", "task_id"],
        ["number_fold", "task_id"],
        ["issue_date", "number", "task_id"],
        ["doc_type"],
        ["issue_year"],
        ["due_year"],
        ["lead"],
    ],
    "plan_families": [["family_key"]],
    "family_members": [["family_id"], ["document_id"]],
    "task_clusters": [["family_id"]],
    "task_cluster_members": [["cluster_id"], ["task_id"], ["family_id"]],
    "task_links": [["family_id"], ["task_id"], ["other_task_id"]],
}

# Partial indexes: the tasks a canned query lists, in the order it lists them (name -> SQL).
PARTIAL_INDEXES = {
    "idx_task_summary_no_deadline": "task_summary (province_fold, province, number, task_id) "
    "WHERE due_dates IS NULL AND recurrence IS NULL",
    "idx_task_summary_no_named_lead": "task_summary (province_fold, province, number, task_id) WHERE named_lead = 0",
    "idx_task_summary_recurring": "task_summary (province_fold, province, number, task_id) "
    "WHERE recurrence IS NOT NULL",
    "idx_task_summary_recurring_reports": "task_summary (province_fold, province, number, task_id) "
    "WHERE recurrence IS NOT NULL AND (report_to IS NOT NULL OR says_report = 1)",
}

UNIQUE_INDEXES: dict[str, list[list[str]]] = {
    "documents": [["source"]],
    "agencies": [["name"]],
    "failures": [["source"]],
    "fetches": [["url"]],
    "document_sources": [["source"]],
}

# Tables keyed by document_id (task rows hang below tasks and are deleted through them first).
DOCUMENT_TABLES = ("tasks", "task_summary", "agency_mentions", "sections", "citations", "warnings")


def number_key(number: str | None) -> str | None:
    """Fold a document number for matching: ``2360/QĐ- TTg`` -> ``2360/QĐ-TTG``."""
    if not number:
        return None
    return unicodedata.normalize("NFC", re.sub(r"\s+", "", number)).upper()


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a kehoach database with the contract schema in place."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    ensure_db_shape(db)
    return db


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns and indexes; never drops or renames anything.

    In one transaction: a process killed while creating the schema leaves none of it, and a
    reader never sees half a schema.
    """
    # the writer's summaries fold text in SQL (task_summary.says_report), as Datasette's queries do
    db.conn.create_function("fold", 1, db_shape.fold, deterministic=True)
    with db.atomic():
        added = _ensure_tables(db)
        save_reference_data(db)
        _backfill_compare_columns(db)
        _backfill_task_summary(db, added)
        ensure_views_and_search(db)


def _ensure_tables(db: sqlite_utils.Database) -> set[tuple[str, str]]:
    """Create what is missing; returns the (table, column) pairs added to existing tables."""
    added = set()
    for name, spec in SCHEMA.items():
        table = db.table(name)
        if not table.exists():
            table.create(spec["columns"], pk=spec["pk"], foreign_keys=spec["foreign_keys"])
        else:
            existing = set(table.columns_dict)
            for column, kind in spec["columns"].items():
                if column not in existing:
                    table.add_column(column, kind)
                    added.add((name, column))
    for name, column_sets in INDEXES.items():
        for columns in column_sets:
            db.table(name).create_index(columns, if_not_exists=True)
    for name, sql in PARTIAL_INDEXES.items():
        db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {sql}")
    for name, column_sets in UNIQUE_INDEXES.items():
        for columns in column_sets:
            db.table(name).create_index(columns, unique=True, if_not_exists=True)
    return added


def save_reference_data(db: sqlite_utils.Database) -> None:
    """The agency functions and the successor table (kept as data in ``pipeline/compare/data``)."""
    functions = [
        {"function": f["function"], "label": f["label"], "names": "; ".join(f["names"])}
        for f in agency_functions.functions().values()
    ]
    successors = [
        {
            "id": n,
            "old_name": r["old"],
            "old_function": r["old_function"],
            "new_name": r["new"],
            "new_function": r["new_function"],
            "share": r["share"],
            "scope": r["scope"],
            "legal_basis": r["basis"],
            "effective_date": r["effective"],
        }
        for n, r in enumerate(agency_functions.successor_rows(), start=1)
    ]
    with db.atomic():
        db.execute("DELETE FROM agency_functions")
        db.execute("DELETE FROM agency_successors")
        db.table("agency_functions").insert_all(functions, pk="function")
        db.table("agency_successors").insert_all(successors, pk="id")


def _backfill_compare_columns(db: sqlite_utils.Database) -> None:
    """Fill the comparison columns of rows written before they existed."""
    stale = db.execute("SELECT id, province, issue_date, text FROM documents WHERE text_key IS NULL").fetchall()
    for doc_id, province, issue_date, text in stale:
        db.table("documents").update(doc_id, {**_place_columns(province, issue_date), "text_key": text_key(text)})
    for agency_id, name in db.execute("SELECT id, name FROM agencies WHERE function IS NULL").fetchall():
        db.table("agencies").update(agency_id, {"function": agency_functions.function_of(name)})


def _backfill_task_summary(db: sqlite_utils.Database, added: set[tuple[str, str]] = frozenset()) -> None:
    """Summarise the tasks of a database written before ``task_summary`` (or a column of it) existed."""
    if ("task_summary", "says_report") in added:
        db.execute(
            "UPDATE task_summary SET says_report = "
            "(SELECT fold(text) LIKE '%bao cao%' FROM tasks WHERE tasks.id = task_summary.task_id)"
        )
    count = "SELECT count(*) FROM {}"
    if db.execute(count.format("tasks")).fetchone() == db.execute(count.format("task_summary")).fetchone():
        return
    stale = db.execute(
        "SELECT DISTINCT document_id FROM tasks WHERE id NOT IN (SELECT task_id FROM task_summary)"
    ).fetchall()
    for (doc_id,) in stale:
        summarise_tasks(db, doc_id)
    if not db.execute("SELECT 1 FROM agency_province_tasks LIMIT 1").fetchone():
        for (doc_id,) in db.execute("SELECT DISTINCT document_id FROM tasks").fetchall():
            count_assignments(db, doc_id)


def summarise_tasks(db: sqlite_utils.Database, doc_id: int) -> None:
    """(Re)write the ``task_summary`` rows of one document's tasks (after its task rows)."""
    number, province = db.execute("SELECT number, province FROM documents WHERE id = ?", [doc_id]).fetchone()
    params = {
        "document_id": doc_id,
        "province_fold": db_shape.fold(province),
        "number_fold": db_shape.fold_number(number),
    }
    db.execute("DELETE FROM task_summary WHERE document_id = ?", [doc_id])
    columns = ", ".join(f"[{c}]" for c in SCHEMA["task_summary"]["columns"])
    db.execute(f"INSERT INTO task_summary ({columns}) {db_shape.TASK_SUMMARY_ROWS}", params)


# One document's contribution to agency_province_tasks (per role, then any role) and to
# lead_partners; its tasks are its own, so the counts of documents add up exactly.
_ASSIGNMENTS = """
    FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id JOIN documents d ON d.id = t.document_id
    WHERE t.document_id = :document_id AND ta.agency_id IS NOT NULL
"""
_AGENCY_COUNTS = [
    f"SELECT ta.agency_id AS a, coalesce(d.province, '') AS p, ta.role AS r, count(DISTINCT ta.task_id) AS n "
    f"{_ASSIGNMENTS} GROUP BY ta.agency_id, ta.role",
    f"SELECT ta.agency_id AS a, coalesce(d.province, '') AS p, '' AS r, count(DISTINCT ta.task_id) AS n "
    f"{_ASSIGNMENTS} GROUP BY ta.agency_id",
]
_LEAD_PARTNERS = """
    SELECT ta.agency_id AS a, c.agency_id AS b, coalesce(d.province, '') AS p, count(DISTINCT ta.task_id) AS n
    FROM task_agencies ta JOIN task_agencies c ON c.task_id = ta.task_id AND c.role = 'coordinate'
    JOIN tasks t ON t.id = ta.task_id JOIN documents d ON d.id = t.document_id
    WHERE t.document_id = :document_id AND ta.role = 'lead' AND ta.agency_id IS NOT NULL AND c.agency_id IS NOT NULL
    GROUP BY ta.agency_id, c.agency_id
"""


def count_assignments(db: sqlite_utils.Database, doc_id: int, sign: int = 1) -> None:
    """Add (``sign`` 1, after its task rows are written) or take away (-1, before they are
    deleted) one document's tasks in ``agency_province_tasks`` and ``lead_partners``."""
    params = {"document_id": doc_id}
    for rows in _AGENCY_COUNTS:
        db.execute(
            "INSERT INTO agency_province_tasks (agency_id, province, role, tasks, documents) "
            f"SELECT a, p, r, {sign} * n, {sign} FROM ({rows}) WHERE true "
            "ON CONFLICT (agency_id, province, role) DO UPDATE "
            "SET tasks = tasks + excluded.tasks, documents = documents + excluded.documents",
            params,
        )
    db.execute(
        "INSERT INTO lead_partners (lead_id, partner_id, province, tasks) "
        f"SELECT a, b, p, {sign} * n FROM ({_LEAD_PARTNERS}) WHERE true "
        "ON CONFLICT (lead_id, partner_id, province) DO UPDATE SET tasks = tasks + excluded.tasks",
        params,
    )
    if sign < 0:
        db.execute("DELETE FROM agency_province_tasks WHERE tasks <= 0 AND documents <= 0")
        db.execute("DELETE FROM lead_partners WHERE tasks <= 0")


def _place_columns(province: str | None, issue_date: str | None) -> dict:
    place = place_of(province, issue_date)
    return {
        "province_code": place.province_code,
        "province_2025": place.province_2025,
        "province_2025_code": place.province_2025_code,
    }


def ensure_views_and_search(db: sqlite_utils.Database) -> None:
    """(Re)create the analyst views and the folded search tables of ``pipeline.db_shape``.

    A search table that is missing or whose definition changed is rebuilt and refilled.
    """
    for name, sql in db_shape.VIEWS.items():
        wanted = f"CREATE VIEW [{name}] AS {sql}"
        row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", [name]).fetchone()
        if row and row[0] == wanted:
            continue  # unchanged: never drop a view a reader (Datasette) may be querying
        with db.atomic():  # readers see the old view or the new one, never none
            db.execute(f"DROP VIEW IF EXISTS [{name}]")
            db.execute(wanted)
    stale = False
    for name in db_shape.FTS_TABLES:
        wanted = db_shape.fts_create_sql(name)
        row = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [name]).fetchone()
        if row and row[0] == wanted:
            continue
        if row:
            db.execute(f"DROP TABLE [{name}]")
        db.execute(wanted)
        stale = True
    if stale:
        for (doc_id,) in db.execute("SELECT id FROM documents").fetchall():
            index_document(db, doc_id)


def index_document(db: sqlite_utils.Database, doc_id: int) -> None:
    """Refresh one document's rows in the folded search tables (document, its tasks, its agencies).

    After it, ``SELECT rowid FROM task_fts WHERE task_fts MATCH 'dau tu'`` finds a task led by
    "Sở Kế hoạch và Đầu tư".
    """
    params = {"document_id": doc_id}
    for name, spec in db_shape.FTS_TABLES.items():
        db.execute(spec["delete"], params)
        cursor = db.execute(spec["rows"], params)
        columns = [c[0] for c in cursor.description]
        rows = [db_shape.search_row(name, dict(zip(columns, r, strict=True))) for r in cursor.fetchall()]
        if rows:
            names = ", ".join(f"[{c}]" for c in columns)
            marks = ", ".join(f":{c}" for c in columns)
            db.conn.executemany(f"INSERT INTO [{name}] ({names}) VALUES ({marks})", rows)


def stored_hash(db: sqlite_utils.Database, source: str) -> str | None:
    """The content hash stored for ``source``, or None when it is not in the database."""
    row = db.execute("SELECT sha256 FROM documents WHERE source = ?", [source]).fetchone()
    return row[0] if row else None


def known_files(db: sqlite_utils.Database) -> dict[str, tuple[int, int, str]]:
    """source -> (size, mtime_ns, sha256) of the input files whose document is stored, as last seen."""
    rows = db.execute(
        "SELECT f.source, f.size, f.mtime_ns, f.sha256 FROM source_files f "
        "JOIN documents d ON d.source = f.source AND d.sha256 = f.sha256"
    )
    return {source: (size, mtime, sha) for source, size, mtime, sha in rows.fetchall()}


def stored_hashes(db: sqlite_utils.Database) -> dict[str, str]:
    """source -> content hash of every stored document."""
    return dict(db.execute("SELECT source, sha256 FROM documents").fetchall())


def save_file_stat(db: sqlite_utils.Database, source: str, size: int, mtime_ns: int, sha256: str) -> None:
    """Remember how an input file looked when its document was stored (see ``known_files``)."""
    db.execute(
        "INSERT OR REPLACE INTO source_files (source, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)",
        [source, size, mtime_ns, sha256],
    )


@functools.cache
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f"[{c}]" for c in columns)
    return f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"


def _insert_row(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row with a cached statement; returns its rowid (sqlite_utils' ``insert`` reads
    the table's shape on every call, which cost more than the row on documents of many sections)."""
    return db.conn.execute(_insert_sql(table, tuple(row)), tuple(row.values())).lastrowid


def _insert_rows(db: sqlite_utils.Database, table: str, rows: Iterable[dict]) -> None:
    """Insert rows that all have the same keys, in order, in one ``executemany``."""
    rows = list(rows)
    if rows:
        db.conn.executemany(_insert_sql(table, tuple(rows[0])), [tuple(r.values()) for r in rows])


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _agency_row(agency: Agency) -> dict:
    return {
        "id": agency.id,
        "name": agency.name,
        "kind": agency.kind,
        "level": agency.level,
        "collective": int(agency.collective),
        "function": agency_functions.function_of(agency.name),
    }


def save_agencies(db: sqlite_utils.Database, agencies: Iterable[Agency]) -> dict[str, str]:
    """Upsert agencies; returns the stored id of each given id.

    A name is one agency: when a stored agency already has the name under another id (two
    parsing paths spelled the id differently), the stored id is kept and returned for it.
    """
    rows = {a.id: _agency_row(a) for a in agencies}
    ids = {aid: aid for aid in rows}
    stored = _stored_agency_ids(db, {row["name"] for row in rows.values()})
    for aid, row in list(rows.items()):
        found = stored.get(row["name"])
        if found is not None and found != aid:
            ids[aid] = found
            rows[aid] = {**row, "id": found}
    by_name = {row["name"]: row for row in rows.values()}  # one row per name within the document too
    for aid, row in rows.items():
        ids[aid] = by_name[row["name"]]["id"]
    if by_name:
        columns = list(next(iter(by_name.values())))
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != "id")
        db.conn.executemany(
            f"{_insert_sql('agencies', tuple(columns))} ON CONFLICT([id]) DO UPDATE SET {updates}",
            [tuple(row.values()) for row in by_name.values()],
        )
    return ids


def _stored_agency_ids(db: sqlite_utils.Database, names: set[str]) -> dict[str, str]:
    """name -> stored id of the given names already in ``agencies`` (names are unique there)."""
    found: dict[str, str] = {}
    ordered = sorted(names)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(db.execute(f"SELECT name, id FROM agencies WHERE name IN ({marks})", chunk).fetchall())
    return found


def save_document(db: sqlite_utils.Database, doc: ParsedDocument, *, replace_id: int | None = None) -> int:
    """Write one parsed document atomically, replacing any earlier version from the same source
    (or, with ``replace_id``, the copy of the same document read from another source).

    Returns the document id (kept across replacements so citations stay linked).
    """
    with db.atomic():
        existing = db.execute("SELECT id FROM documents WHERE source = ?", [doc.source]).fetchone()
        if replace_id is not None:
            existing = (replace_id,)
        row = _document_row(doc, url=fetched_url(db, doc.source, doc.sha256))
        doc_id = _put_document_row(db, existing[0] if existing else None, row)
        doc = _with_stored_agency_ids(doc, save_agencies(db, _agencies_of(doc)))
        _save_sections(db, doc_id, doc.sections)
        _insert_rows(db, "agency_mentions", _mention_rows(doc_id, doc.mentions))
        _save_tasks(db, doc_id, doc.tasks)
        _insert_rows(db, "citations", _citation_rows(doc_id, doc.citations))
        _insert_rows(
            db,
            "warnings",
            (
                {"document_id": doc_id, "stage": w.stage, "field": w.field, "message": w.message, "text": w.text}
                for w in doc.warnings
            ),
        )
        summarise_tasks(db, doc_id)
        count_assignments(db, doc_id)
        db.execute("DELETE FROM failures WHERE source = ?", [doc.source])
        db.execute("UPDATE document_sources SET kept = 0 WHERE document_id = ?", [doc_id])
        _record_source(db, doc_id, doc.source, doc.sha256, doc.site, kept=True, reason="kept")
        index_document(db, doc_id)
    return doc_id


def _agencies_of(doc: ParsedDocument) -> list[Agency]:
    return [m.agency for m in doc.mentions] + [ta.agency for t in doc.tasks for ta in t.agencies]


def _with_stored_agency_ids(doc: ParsedDocument, ids: dict[str, str]) -> ParsedDocument:
    """The document with each agency under the id stored for its name (``save_agencies``)."""
    if all(old == new for old, new in ids.items()):
        return doc

    def fix(item):
        return item.model_copy(update={"agency": item.agency.model_copy(update={"id": ids[item.agency.id]})})

    tasks = [t.model_copy(update={"agencies": [fix(a) for a in t.agencies]}) for t in doc.tasks]
    return doc.model_copy(update={"mentions": [fix(m) for m in doc.mentions], "tasks": tasks})


def _record_source(db, doc_id: int, source: str, sha256: str, site: str | None, *, kept: bool, reason: str) -> None:
    db.execute("DELETE FROM document_sources WHERE source = ?", [source])
    _insert_row(
        db,
        "document_sources",
        {
            "document_id": doc_id,
            "source": source,
            "sha256": sha256,
            "site": site,
            "kept": int(kept),
            "reason": reason,
            "recorded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )


def record_duplicate(db: sqlite_utils.Database, doc_id: int, source: str, sha256: str, site: str | None, reason: str):
    """Record ``source`` as another copy of document ``doc_id`` (its rows are not written)."""
    with db.atomic():
        db.execute("DELETE FROM failures WHERE source = ?", [source])
        _record_source(db, doc_id, source, sha256, site, kept=False, reason=reason)


def duplicate_hash(db: sqlite_utils.Database, source: str) -> str | None:
    """The content hash recorded for ``source`` when it was recognised as a duplicate copy."""
    row = db.execute("SELECT sha256 FROM document_sources WHERE source = ? AND kept = 0", [source]).fetchone()
    return row[0] if row else None


def same_document_candidates(db: sqlite_utils.Database, number_key_: str | None, text_key_: str | None, source: str):
    """Stored documents (other sources) sharing the number or the normalised text: dicts with
    id, source, number_key, issuer, issue_date, text_key, tasks, chars."""
    rows = db.execute(
        """
        SELECT d.id, d.source, d.number_key, d.issuer, d.issue_date, d.text_key,
               (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) AS tasks, length(d.text) AS chars
        FROM documents d
        WHERE d.source != ? AND ((? IS NOT NULL AND d.number_key = ?) OR (? IS NOT NULL AND d.text_key = ?))
        ORDER BY d.id
        """,
        [source, number_key_, number_key_, text_key_, text_key_],
    )
    columns = [c[0] for c in rows.description]
    return [dict(zip(columns, r, strict=True)) for r in rows.fetchall()]


def _document_row(doc: ParsedDocument, url: str | None) -> dict:
    meta = doc.metadata
    return {
        "number": meta.number,
        "number_key": number_key(meta.number),
        "type_code": meta.type_code,
        "doc_type": meta.doc_type,
        "issuer": meta.issuer,
        "province": meta.province,
        "issue_date": _iso(meta.issue_date),
        "title": meta.title,
        "signer": meta.signer,
        "signer_title": meta.signer_title,
        "source": doc.source,
        "site": doc.site,
        "sha256": doc.sha256,
        "text": doc.text,
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "url": url,
        "reader": doc.reader,
        "ocr_engine": doc.ocr_engine,
        "ocr_confidence": doc.ocr_confidence,
        **_place_columns(meta.province, _iso(meta.issue_date)),
        "text_key": text_key(doc.text),
        "legacy_encoding": doc.legacy_encoding,
    }


def _save_sections(db: sqlite_utils.Database, doc_id: int, sections: list[Section]) -> None:
    """Sections in text order, each linked to its parent's row."""
    section_ids: list[int] = []
    for section in sections:
        parent_id = section_ids[section.parent] if section.parent is not None else None
        row = {
            "document_id": doc_id,
            "parent_id": parent_id,
            "label": section.label,
            "path": section.path,
            "heading": section.heading,
            "level": section.level,
            "kind": section.kind,
            "span_start": section.span_start,
            "span_end": section.span_end,
        }
        section_ids.append(_insert_row(db, "sections", row))


def _mention_rows(doc_id: int, mentions: list[AgencyMention]) -> Iterable[dict]:
    for m in mentions:
        yield {
            "document_id": doc_id,
            "agency_id": m.agency.id,
            "surface": m.surface,
            "method": m.method,
            "span_start": m.span_start,
            "span_end": m.span_end,
        }


def _save_tasks(db: sqlite_utils.Database, doc_id: int, tasks: list[Task]) -> None:
    """Tasks with their agencies (one row per role) and deadlines."""
    agencies: list[dict] = []
    deadlines: list[dict] = []
    for task in tasks:
        row = {
            "document_id": doc_id,
            "section": task.section,
            "text": task.text,
            "action": task.action,
            "shape": task.shape,
            "span_start": task.span_start,
            "span_end": task.span_end,
        }
        task_id = _insert_row(db, "tasks", row)
        agencies.extend(
            {
                "task_id": task_id,
                "agency_id": ta.agency.id,
                "role": ta.role.value,
                "surface": ta.surface,
                "span_start": ta.span_start,
                "span_end": ta.span_end,
            }
            for ta in task.agencies
        )
        deadlines.extend(_deadline_rows(task_id, task.deadlines))
    _insert_rows(db, "task_agencies", agencies)  # each table's rows in the same order as one by one
    _insert_rows(db, "deadlines", deadlines)


def _citation_rows(doc_id: int, citations: list[Citation]) -> Iterable[dict]:
    for c in citations:
        yield {
            "document_id": doc_id,
            "number": c.number,
            "number_key": number_key(c.number),
            "doc_kind": c.doc_kind,
            "issue_date": _iso(c.issue_date),
            "issuer": c.issuer,
            "title": c.title,
            "relation": c.relation.value,
            "cited_document_id": None,
            "span_start": c.span_start,
            "span_end": c.span_end,
        }


def _deadline_rows(task_id: int, deadlines) -> Iterable[dict]:
    for d in deadlines:
        common = {
            "task_id": task_id,
            "text": d.text,
            "start_date": _iso(d.start_date),
            "recurrence": d.recurrence,
            "ongoing": int(d.ongoing),
            "span_start": d.span_start,
            "span_end": d.span_end,
        }
        for due in d.due_dates or [None]:
            yield {**common, "due_date": _iso(due)}


def _delete_document_rows(db: sqlite_utils.Database, doc_id: int) -> None:
    count_assignments(db, doc_id, -1)
    task_ids = "SELECT id FROM tasks WHERE document_id = ?"
    db.execute(f"DELETE FROM deadlines WHERE task_id IN ({task_ids})", [doc_id])
    db.execute(f"DELETE FROM task_agencies WHERE task_id IN ({task_ids})", [doc_id])
    for table in DOCUMENT_TABLES:
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])


def delete_document(db: sqlite_utils.Database, doc_id: int) -> None:
    """Remove one document with every row hanging below it; citations of it are unlinked."""
    _delete_document_rows(db, doc_id)
    for spec in db_shape.FTS_TABLES.values():
        db.execute(spec["delete"], {"document_id": doc_id})
    db.execute("UPDATE citations SET cited_document_id = NULL WHERE cited_document_id = ?", [doc_id])
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
    _mark_changed(db, doc_id)


def save_failure(db: sqlite_utils.Database, source: str, stage: str, error: str) -> None:
    """Record (or replace) the failure of one input.

    The database mirrors the inputs as they are now: a source that was ingested before and
    now fails loses its document (the failures row says why), rather than keeping a stale one.
    """
    with db.atomic():
        for (doc_id,) in db.execute("SELECT id FROM documents WHERE source = ?", [source]).fetchall():
            delete_document(db, doc_id)
        db.execute("DELETE FROM failures WHERE source = ?", [source])
        db.table("failures").insert(
            {
                "source": source,
                "stage": stage,
                "error": error,
                "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            }
        )


def clear_failure(db: sqlite_utils.Database, source: str) -> None:
    """Forget the failure of an input that has since gone through."""
    with db.atomic():
        db.execute("DELETE FROM failures WHERE source = ?", [source])


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def previous_fetch(db: sqlite_utils.Database, url: str) -> dict | None:
    """The fetch log's row for ``url`` (its validators, saved path and hash), or None."""
    rows = list(db.query("SELECT * FROM fetches WHERE url = ?", [url]))
    return rows[0] if rows else None


def save_fetch(db: sqlite_utils.Database, row: dict) -> None:
    """Record the latest answer for one URL in the fetch log (one row per URL).

    ``changed_at`` moves only when the saved content's hash changes, so a re-run that
    found nothing new leaves it where it was.
    """
    with db.atomic():
        old = previous_fetch(db, row["url"])
        row = {**row, "fetched_at": _now()}
        if old is None:
            row["changed_at"] = row["fetched_at"] if row.get("sha256") else None
            db.table("fetches").insert(row)
            return
        keep = {k: old[k] for k in ("sha256", "size", "path", "etag", "last_modified", "content_type") if old[k]}
        if row.get("status") == 304 or row.get("error"):
            row = {**keep, **{k: v for k, v in row.items() if v is not None or k == "error"}}
        if row.get("sha256") and row["sha256"] != old["sha256"]:
            row["changed_at"] = row["fetched_at"]
        db.table("fetches").update(old["id"], row)


def document_from(db: sqlite_utils.Database, url: str) -> int | None:
    """The id of the document read from what ``url`` answered, if one was."""
    found = db.execute("SELECT id FROM documents WHERE url = ? LIMIT 1", [url]).fetchone()
    return found[0] if found else None


def fetched_url(db: sqlite_utils.Database, source: str, sha256: str | None) -> str | None:
    """The URL a document's source file was fetched from: the fetch that saved that file, else
    the latest fetch of the same bytes (a crawl's files ingested again by ``make ingest``)."""
    if not db.table("fetches").exists():
        return None
    found = db.execute("SELECT final_url FROM fetches WHERE path = ? ORDER BY id DESC LIMIT 1", [source]).fetchone()
    if not found and sha256:
        query = "SELECT final_url FROM fetches WHERE sha256 = ? ORDER BY fetched_at DESC, id DESC LIMIT 1"
        found = db.execute(query, [sha256]).fetchone()
    return found[0] if found else None


@functools.cache
def _province_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (p.name, re.compile(rf"(?<!\w){re.escape(db_shape.fold(name))}(?!\w)"))
        for p in places()
        for name in (p.name, *p.aliases)
    )


def _named_provinces(issuer: str | None) -> set[str]:
    """The provinces an issuer names: "UBND tỉnh Cà Mau" -> {"Cà Mau"}; "UBND tỉnh" -> set()."""
    folded = db_shape.fold(issuer)
    return {name for name, pattern in _province_patterns() if folded and pattern.search(folded)}


def issuer_agrees(citation_issuer: str | None, citing_province: str | None, cited_province: str | None) -> bool:
    """Whether a cited document of ``cited_province`` can be the one a citation names.

    Numbers repeat across provinces (every province has a "12/QĐ-UBND"): the citation's issuer
    must name the cited document's province, or name none and be a body of the citing
    document's own province ("UBND tỉnh"), or the cited document be a central one.
    """
    named = _named_provinces(citation_issuer)
    if named:
        return cited_province in named
    return not cited_province or cited_province == citing_province


def link_citations(db: sqlite_utils.Database, changed: set[int] | None = None) -> int:
    """Point each citation at the cited document (same number, agreeing issuer) when it is in the
    database; returns how many citations are linked.

    ``changed``: the ids of the documents written or deleted since the last linking; only the
    citations whose link they can move are looked at (those of these documents, those naming
    their numbers, and those linked to nothing or to one of them; a deleted document's citers
    were unlinked when it went). None looks at every citation.
    """
    with db.atomic():
        if changed is None or changed:
            db.conn.executemany("UPDATE citations SET cited_document_id = ? WHERE id = ?", _moved_links(db, changed))
        return _linked_count(db)


def _moved_links(db: sqlite_utils.Database, changed: set[int] | None) -> list[tuple[int | None, int]]:
    """(document id or None, citation id) of the citations whose link is not what it should be."""
    scope = ""
    if changed is not None:
        db.execute("CREATE TEMP TABLE IF NOT EXISTS linked_now (id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM linked_now")
        db.conn.executemany("INSERT OR IGNORE INTO linked_now VALUES (?)", [(i,) for i in changed])
        scope = """AND (c.cited_document_id IS NULL
                 OR c.document_id IN (SELECT id FROM linked_now)
                 OR c.cited_document_id IN (SELECT id FROM linked_now)
                 OR c.number_key IN (SELECT number_key FROM documents WHERE id IN (SELECT id FROM linked_now)))"""
    candidates = db.execute(
        f"""
        SELECT c.id, c.issuer, citing.province, d.id, d.province, c.cited_document_id
        FROM citations c
        JOIN documents citing ON citing.id = c.document_id
        LEFT JOIN documents d ON d.number_key = c.number_key AND d.id != c.document_id
        WHERE c.number_key IS NOT NULL AND c.number_key != '' {scope}
        ORDER BY c.id, d.id
        """
    ).fetchall()
    links: dict[int, tuple[int | None, int | None]] = {}
    for cid, issuer, citing_province, doc_id, doc_province, current in candidates:
        chosen = links.get(cid, (None, current))[0]
        if chosen is None and doc_id is not None and issuer_agrees(issuer, citing_province, doc_province):
            chosen = doc_id
        links[cid] = (chosen, current)
    return [(chosen, cid) for cid, (chosen, current) in links.items() if chosen != current]


def _linked_count(db: sqlite_utils.Database) -> int:
    return db.execute("SELECT count(*) FROM citations WHERE cited_document_id IS NOT NULL").fetchone()[0]


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the contract tables, for the ingest summary."""
    return {name: db.table(name).count for name in SCHEMA}


# Tables whose rows belong to a document, with (column, table its ids point into) to renumber.
_MERGED_ROWS = {
    "sections": [("id", "sections"), ("document_id", "documents"), ("parent_id", "sections")],
    "agency_mentions": [("id", "agency_mentions"), ("document_id", "documents")],
    "tasks": [("id", "tasks"), ("document_id", "documents")],
    "task_agencies": [("id", "task_agencies"), ("task_id", "tasks")],
    "deadlines": [("id", "deadlines"), ("task_id", "tasks")],
    "citations": [("id", "citations"), ("document_id", "documents")],
    "warnings": [("id", "warnings"), ("document_id", "documents")],
    "document_sources": [("id", "document_sources"), ("document_id", "documents")],
}


def merge_database(db: sqlite_utils.Database, shard: str | Path) -> int:
    """Copy every document of the kehoach database ``shard`` into ``db`` with new ids (a
    document from a source ``db`` already holds replaces it), and its failures and file
    records; returns the number of documents copied. Shards written by several ingests in
    parallel are merged this way into one database.
    """
    open_db(shard).close()  # bring the shard to the current schema first
    db.execute("ATTACH DATABASE ? AS shard", [str(shard)])
    try:
        with db.atomic():
            doc_ids = _merge_documents(db)
            offsets = {t: (db.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{t}]").fetchone()[0]) for t in _MERGED_ROWS}
            offsets["documents"] = None  # documents are renumbered through doc_map
            # a source is one row: the shard's record of it replaces this database's
            db.execute("DELETE FROM document_sources WHERE source IN (SELECT source FROM shard.document_sources)")
            for table, renumbered in _MERGED_ROWS.items():
                _merge_rows(db, table, dict(renumbered), offsets)
            db.execute("UPDATE citations SET cited_document_id = NULL WHERE document_id IN (SELECT new FROM doc_map)")
            agency_columns = ", ".join(f"[{c}]" for c in SCHEMA["agencies"]["columns"])
            db.execute(f"INSERT OR IGNORE INTO agencies ({agency_columns}) SELECT {agency_columns} FROM shard.agencies")
            for table in ("failures", "source_files"):
                columns = ", ".join(f"[{c}]" for c in SCHEMA[table]["columns"] if c != "id")
                db.execute(f"DELETE FROM [{table}] WHERE source IN (SELECT source FROM shard.[{table}])")
                db.execute(f"INSERT INTO [{table}] ({columns}) SELECT {columns} FROM shard.[{table}]")
            _merge_fetches(db)
            for new_id in doc_ids:
                summarise_tasks(db, new_id)
                count_assignments(db, new_id)
                index_document(db, new_id)
            db.execute("DROP TABLE doc_map")
    finally:
        db.execute("DETACH DATABASE shard")
    link_citations(db)
    return len(doc_ids)


def _merge_fetches(db: sqlite_utils.Database) -> None:
    """The shard's fetch log: one row per URL, the later fetch kept when both logged the URL."""
    columns = ", ".join(f"[{c}]" for c in SCHEMA["fetches"]["columns"] if c != "id")
    db.execute(
        "DELETE FROM fetches WHERE id IN (SELECT f.id FROM fetches f JOIN shard.fetches s ON s.url = f.url "
        "WHERE coalesce(s.fetched_at, '') >= coalesce(f.fetched_at, ''))"
    )
    db.execute(f"INSERT OR IGNORE INTO fetches ({columns}) SELECT {columns} FROM shard.fetches ORDER BY id")


def _put_document_row(db: sqlite_utils.Database, doc_id: int | None, row: dict) -> int:
    """Write a document's row: a new document (``doc_id`` None), or in place of document
    ``doc_id``, whose old rows below it are deleted (its id is kept, so citations stay linked)."""
    if doc_id is None:
        doc_id = _insert_row(db, "documents", row)
    else:
        _delete_document_rows(db, doc_id)
        db.table("documents").update(doc_id, row)
    _mark_changed(db, doc_id)
    return doc_id


def _mark_changed(db: sqlite_utils.Database, doc_id: int) -> None:
    """Note a document written or deleted, in its own transaction: citation links and plan
    families are brought up to date for it after the batch (``changed_documents``)."""
    db.execute("INSERT OR IGNORE INTO changed_documents (document_id) VALUES (?)", [doc_id])


def changed_documents(db: sqlite_utils.Database) -> set[int]:
    """The documents written or deleted since citations and families were last brought up to date."""
    return {doc_id for (doc_id,) in db.execute("SELECT document_id FROM changed_documents")}


def forget_changed(db: sqlite_utils.Database, doc_ids: Iterable[int]) -> None:
    """The citations and families of these documents are up to date (after ``link_citations`` and the refresh)."""
    with db.atomic():
        db.conn.executemany("DELETE FROM changed_documents WHERE document_id = ?", [(i,) for i in doc_ids])


def _merge_documents(db: sqlite_utils.Database) -> list[int]:
    db.execute("CREATE TEMP TABLE doc_map (old INTEGER PRIMARY KEY, new INTEGER)")
    columns = [c for c in SCHEMA["documents"]["columns"] if c != "id"]
    names = ", ".join(f"[{c}]" for c in columns)
    new_ids = []
    for old_id, *values in db.execute(f"SELECT id, {names} FROM shard.documents ORDER BY id").fetchall():
        row = dict(zip(columns, values, strict=True))
        existing = db.execute("SELECT id FROM documents WHERE source = ?", [row["source"]]).fetchone()
        new_id = _put_document_row(db, existing[0] if existing else None, row)
        db.execute("DELETE FROM failures WHERE source = ?", [row["source"]])
        db.execute("INSERT INTO doc_map VALUES (?, ?)", [old_id, new_id])
        new_ids.append(new_id)
    return new_ids


def _merge_rows(db: sqlite_utils.Database, table: str, renumbered: dict[str, str], offsets: dict) -> None:
    columns = list(SCHEMA[table]["columns"])
    values = []
    for column in columns:
        target = renumbered.get(column)
        if target == "documents":
            values.append(f"(SELECT new FROM doc_map WHERE old = [{column}])")
        elif target:
            values.append(f"[{column}] + {offsets[target]}")
        else:
            values.append(f"[{column}]")
    names = ", ".join(f"[{c}]" for c in columns)
    db.execute(f"INSERT INTO [{table}] ({names}) SELECT {', '.join(values)} FROM shard.[{table}] ORDER BY id")


def replicate_tasks(db: sqlite_utils.Database, target: int) -> dict:
    """For the benchmark only: copy the task rows, with their agencies and deadlines, in their
    own documents until there are ``target`` tasks, and index them for search. Returns the
    row counts and the seconds it took."""
    started = time.perf_counter()
    base_max = db.execute("SELECT COALESCE(MAX(id), 0) FROM tasks").fetchone()[0]
    base_count = db.execute("SELECT count(*) FROM tasks").fetchone()[0]
    if not base_count:
        raise ValueError("no tasks to copy")
    with db.atomic():
        count = base_count
        while count < target:
            offsets = {t: db.execute(f"SELECT MAX(id) FROM [{t}]").fetchone()[0] or 0 for t in _COPIED_TASK_ROWS}
            limit = min(base_count, target - count)
            last = db.execute(f"SELECT id FROM tasks WHERE id <= {base_max} ORDER BY id LIMIT 1 OFFSET {limit - 1}")
            last_id = last.fetchone()[0]
            for table, renumbered in _COPIED_TASK_ROWS.items():
                columns = list(SCHEMA[table]["columns"])
                values = [f"[{c}] + {offsets[renumbered[c]]}" if c in renumbered else f"[{c}]" for c in columns]
                key = "id" if table == "tasks" else "task_id"
                db.execute(
                    f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"SELECT {', '.join(values)} FROM [{table}] WHERE [{key}] <= {last_id} ORDER BY id"
                )
            count += limit
        db.execute("DELETE FROM agency_province_tasks")
        db.execute("DELETE FROM lead_partners")
        for (doc_id,) in db.execute("SELECT id FROM documents").fetchall():
            summarise_tasks(db, doc_id)
            count_assignments(db, doc_id)
            index_document(db, doc_id)
    db.execute("ANALYZE")
    counts_now = {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in ("documents", *_COPIED_TASK_ROWS)}
    return {**counts_now, "seconds": time.perf_counter() - started}


# The task rows copied by ``replicate_tasks``: column -> table whose ids it holds.
_COPIED_TASK_ROWS = {
    "tasks": {"id": "tasks"},
    "task_agencies": {"id": "task_agencies", "task_id": "tasks"},
    "deadlines": {"id": "deadlines", "task_id": "tasks"},
}


def save_comparison(
    db: sqlite_utils.Database,
    families: list[dict],
    alignments: dict[str, list[dict]],
    *,
    replace_keys: set[str] | None = None,
) -> None:
    """Replace the plan families and the task alignment (derived rows, rebuilt after each ingest).

    ``families``: dicts with the ``plan_families`` columns (but id) and ``members`` as a list of
    {document_id, relation, citation_id}; ``alignments``: family key -> clusters as dicts
    {tasks: [{task_id, document_id, province_2025, best_score}], provinces, score, label, links: [(a, b, s)]}.
    With ``replace_keys`` only the families of those keys are replaced (deleted, then those of
    ``families`` written again): the incremental refresh after an ingest that touched few families.
    """
    with db.atomic():
        if replace_keys is None:
            for table in ("task_links", "task_cluster_members", "task_clusters", "family_members", "plan_families"):
                db.execute(f"DELETE FROM {table}")
        else:
            _delete_families(db, replace_keys)
        for family in families:
            _insert_family(db, family, alignments.get(family["family_key"], []))


def _delete_families(db: sqlite_utils.Database, keys: set[str]) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS gone_families (id INTEGER PRIMARY KEY)")
    db.execute("DELETE FROM gone_families")
    for chunk in _chunks(sorted(keys), 500):
        marks = ",".join("?" * len(chunk))
        db.execute(f"INSERT INTO gone_families SELECT id FROM plan_families WHERE family_key IN ({marks})", chunk)
    for table in ("task_links", "task_cluster_members", "task_clusters", "family_members"):
        db.execute(f"DELETE FROM {table} WHERE family_id IN (SELECT id FROM gone_families)")
    db.execute("DELETE FROM plan_families WHERE id IN (SELECT id FROM gone_families)")
    db.execute("DELETE FROM gone_families")


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _insert_family(db: sqlite_utils.Database, family: dict, clusters: list[dict]) -> None:
    # cached statements, not sqlite_utils' insert: it reads the table's shape on every call,
    # and a family of thousands of tasks writes thousands of clusters
    members = family["members"]
    row = {k: v for k, v in family.items() if k != "members"}
    row["members"] = len(members)
    family_id = _insert_row(db, "plan_families", _plain(row))
    _insert_runs(db, "family_members", ({"family_id": family_id, **m} for m in members))
    for cluster in clusters:
        cluster_row = {k: cluster[k] for k in ("provinces", "score", "label")}
        cluster_id = _insert_row(
            db, "task_clusters", _plain({"family_id": family_id, "tasks": len(cluster["tasks"]), **cluster_row})
        )
        _insert_runs(
            db,
            "task_cluster_members",
            ({"cluster_id": cluster_id, "family_id": family_id, **t} for t in cluster["tasks"]),
        )
        _insert_runs(
            db,
            "task_links",
            ({"family_id": family_id, "task_id": a, "other_task_id": b, "score": s} for a, b, s in cluster["links"]),
        )


def _plain(row: dict) -> dict:
    """The row's values as sqlite_utils' ``insert`` would store them (dates ISO, lists JSON)."""
    return {k: jsonify_if_needed(v) for k, v in row.items()}


def _insert_runs(db: sqlite_utils.Database, table: str, rows: Iterable[dict]) -> None:
    """Insert rows in order, one ``executemany`` per run of rows with the same keys."""
    for _, run in itertools.groupby((_plain(r) for r in rows), key=tuple):
        _insert_rows(db, table, run)
