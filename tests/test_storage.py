"""The database writer: exact rows for a parsed document, in a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import sqlite_utils

from parsers.models import (
    Agency,
    AgencyMention,
    Citation,
    Deadline,
    Metadata,
    ParsedDocument,
    Relation,
    Role,
    Section,
    Task,
    TaskAgency,
)
from pipeline import storage

TEXT = "II. NHIỆM VỤ\n1. Sở Tài chính:\n- Phối hợp với Sở Nội vụ rà soát, báo cáo trước ngày 30/6/2022 và hằng năm."
FINANCE = Agency(id="so-tai-chinh", name="Sở Tài chính", kind="department", level="province")
HOME = Agency(id="so-noi-vu", name="Sở Nội vụ", kind="department", level="province")


def span(part: str) -> dict:
    start = TEXT.index(part)
    return {"span_start": start, "span_end": start + len(part)}


def document() -> ParsedDocument:
    item = TEXT[TEXT.index("Phối hợp") :]
    return ParsedDocument(
        source="corpus/x.txt",
        site="text",
        sha256="abc",
        text=TEXT,
        metadata=Metadata(number="12/KH-UBND", type_code="KH", doc_type="Kế hoạch", issue_date=dt.date(2022, 1, 5)),
        sections=[
            Section(label="II", path="II", heading="NHIỆM VỤ", level=1, kind="tasks", **span("II. NHIỆM VỤ")),
            Section(
                label="1",
                path="II.1",
                heading="Sở Tài chính:",
                level=2,
                parent=0,
                kind="tasks",
                **span("1. Sở Tài chính:"),
            ),
        ],
        mentions=[
            AgencyMention(agency=FINANCE, surface="Sở Tài chính", **span("Sở Tài chính")),
            AgencyMention(agency=HOME, surface="Sở Nội vụ", **span("Sở Nội vụ")),
        ],
        tasks=[
            Task(
                section="II.1",
                text=item,
                action="coordinate",
                agencies=[
                    TaskAgency(agency=FINANCE, role=Role.LEAD, surface="Sở Tài chính", **span("Sở Tài chính")),
                    TaskAgency(agency=HOME, role=Role.COORDINATE, surface="Sở Nội vụ", **span("Sở Nội vụ")),
                ],
                deadlines=[
                    Deadline(
                        text="trước ngày 30/6/2022", due_dates=[dt.date(2022, 6, 30)], **span("trước ngày 30/6/2022")
                    ),
                    Deadline(text="hằng năm", recurrence="P1Y", **span("hằng năm")),
                ],
                **span(item),
            )
        ],
        citations=[
            Citation(number="350/QĐ- UBND".replace(" ", ""), relation=Relation.IMPLEMENTS, span_start=0, span_end=0)
        ],
    )


def test_a_document_round_trips_into_exact_rows(tmp_path):
    path = tmp_path / "k.db"
    db = storage.open_db(path)
    doc_id = storage.save_document(db, document())
    con = sqlite3.connect(path)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    assert q("SELECT id, number, number_key, type_code, doc_type, issue_date, source, sha256 FROM documents") == [
        (doc_id, "12/KH-UBND", "12/KH-UBND", "KH", "Kế hoạch", "2022-01-05", "corpus/x.txt", "abc")
    ]
    assert q("SELECT path, parent_id IS NULL, level, kind FROM sections ORDER BY id") == [
        ("II", 1, 1, "tasks"),
        ("II.1", 0, 2, "tasks"),
    ]
    assert q("SELECT id, name, kind, level, collective FROM agencies ORDER BY id") == [
        ("so-noi-vu", "Sở Nội vụ", "department", "province", 0),
        ("so-tai-chinh", "Sở Tài chính", "department", "province", 0),
    ]
    assert q("SELECT agency_id, surface FROM agency_mentions ORDER BY span_start") == [
        ("so-tai-chinh", "Sở Tài chính"),
        ("so-noi-vu", "Sở Nội vụ"),
    ]
    assert q("SELECT section, action, substr(text, 1, 8) FROM tasks") == [("II.1", "coordinate", "Phối hợp")]
    assert q("SELECT agency_id, role FROM task_agencies ORDER BY role") == [
        ("so-noi-vu", "coordinate"),
        ("so-tai-chinh", "lead"),
    ]
    assert q("SELECT text, due_date, recurrence, ongoing FROM deadlines ORDER BY id") == [
        ("trước ngày 30/6/2022", "2022-06-30", None, 0),
        ("hằng năm", None, "P1Y", 0),
    ]
    assert q("SELECT number, number_key, relation, cited_document_id FROM citations") == [
        ("350/QĐ-UBND", "350/QĐ-UBND", "implements", None)
    ]


def test_saving_again_replaces_rather_than_adds(tmp_path):
    db = storage.open_db(tmp_path / "k.db")
    first = storage.save_document(db, document())
    second = storage.save_document(db, document())
    assert first == second
    assert {t: db.table(t).count for t in ("documents", "tasks", "task_agencies", "deadlines", "sections")} == {
        "documents": 1,
        "tasks": 1,
        "task_agencies": 2,
        "deadlines": 2,
        "sections": 2,
    }


def test_ensure_db_shape_is_idempotent_and_adds_missing_columns(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["tasks"].create({"id": int, "document_id": int, "text": str}, pk="id")  # an older shape
    storage.ensure_db_shape(old)
    storage.ensure_db_shape(old)
    assert set(storage.SCHEMA["tasks"]["columns"]) <= set(old["tasks"].columns_dict)
    assert set(storage.SCHEMA) <= set(old.table_names())


def test_failures_are_one_row_per_source(tmp_path):
    db = storage.open_db(tmp_path / "k.db")
    storage.save_failure(db, "a.pdf", "read", "a.pdf: scanned PDF without a text layer")
    storage.save_failure(db, "a.pdf", "parse", "a.pdf: ValueError: boom")
    assert [(r["source"], r["stage"]) for r in db["failures"].rows] == [("a.pdf", "parse")]


def test_number_key():
    assert storage.number_key("2360/QĐ- TTg") == "2360/QĐ-TTG"
    assert storage.number_key(None) is None
