"""Confidence, not guesses: unreadable values are left empty and listed in the warnings table.

The OCR lines are real: Lào Cai 11/2026/QĐ-UBND, the raw OCR of a scanned decision.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from parsers import parse_document
from parsers.confidence import vet_citations, vet_metadata
from parsers.models import Citation, Metadata, SourceText
from parsers.text.structure import split_paragraphs
from pipeline import storage

OCR_DECISION = (
    "ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
    "Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026\n"
    "QUYÉT ĐỊNH\n\n"
    "Ban hành Quy định một số nội dung về quản lý đầu tư\n"
    "và xây dựng trên địa bàn tỉnh Lào Cai\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được\n"
    "sửa đổi, bổ sung bởi Luật số 8 7⁄202%⁄QHI5.\n\n"
    "Căn cứ Luật Đầu tư công số J 58/2024/QH1 5 được sửa đổi, bổ sung bởi Luật\n"
    "số 90/2025/QH15;\n\n"
    "QUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy định một số nội dung về quản lý đầu tư.\n"
)


def _parse(text: str):
    return parse_document(SourceText(source="lao-cai__11-2026-QD-UBND.txt", site="text", text=text), "sha")


def test_an_unreadable_number_is_left_empty_and_said():
    doc = _parse(OCR_DECISION)
    assert doc.metadata.number is None
    assert doc.metadata.issuer == "Ủy ban nhân dân tỉnh Lào Cai"  # the readable fields are kept
    fields = {(w.stage, w.field) for w in doc.warnings}
    assert ("metadata", "number") in fields
    number = next(w for w in doc.warnings if w.field == "number" and w.stage == "metadata")
    assert "II /2026/QĐ-UBND" in number.text


def test_garbled_and_cut_cited_numbers_are_dropped_not_kept_wrong():
    doc = _parse(OCR_DECISION)
    numbers = {c.number for c in doc.citations}
    assert {"72/2025/QH15", "64/2025/QH15", "90/2025/QH15"} <= numbers
    assert "58/2024/QH1" not in numbers  # "J 58/2024/QH1 5": cut by OCR
    texts = [w.text for w in doc.warnings if w.stage == "citations"]
    assert any("58/2024/QH1 5" in t for t in texts)
    assert any("7⁄202%⁄QHI5" in t for t in texts)


@pytest.mark.parametrize(
    ("field", "value", "kept"),
    [
        ("issuer", "Quyết định 05/2025/QĐ-TTg. THỦ TƯỚNG CHÍNH PHỦ", False),  # the page name ran into it
        ("issuer", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),  # the motto
        ("issuer", "Ủy ban nhân dân", False),  # its place could not be read
        ("issuer", "Ủy ban nhân dân tỉnh Lào Cai", True),
        ("title", "Về việc ban hành Số: 11/2026/QĐ-UBND", False),
        ("title", "Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Lào Cai", True),
        ("signer", "HỦ TỊCH", False),  # OCR of "CHỦ TỊCH", not a name
        ("signer", "Nguyễn Thế Phước", True),
        ("number", "16/2026/QĐ-UBND", True),
        ("number", "/QĐ-UBND", True),  # a draft's number left blank is as written
        ("number", "8/202%/QHI5", False),
    ],
)
def test_each_field_is_kept_only_when_it_reads_as_such(field, value, kept):
    meta = Metadata(**{field: value})
    warnings = vet_metadata(meta, split_paragraphs("Số: 16/2026/QĐ-UBND"), 0)
    assert (getattr(meta, field) == value) is kept
    assert (not any(w.field == field for w in warnings)) is kept


def test_an_implausible_date_is_left_empty():
    meta = Metadata(issue_date=dt.date(1025, 1, 29))
    assert [w.field for w in vet_metadata(meta, [], 0)] == ["issue_date"] and meta.issue_date is None


def test_a_citation_by_name_keeps_its_name_when_its_number_is_garbled():
    text = "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 8 7⁄202%⁄QHI5."
    start = text.index("7⁄")
    cited = Citation(number="7⁄202%⁄QHI5", title="Luật", span_start=start, span_end=start + 11)
    kept, warnings = vet_citations(text, [cited])
    assert [(c.number, c.title) for c in kept] == [("", "Luật")] and len(warnings) == 2  # and "cannot be read"


def test_a_number_cut_where_one_reading_exists_is_mended():
    """ "QH1 5": only a later legislature sits after 1960 (see parsers/ocr_citations.py)."""
    text = "Căn cứ Luật Đầu tư công số J 58/2024/QH1 5 được sửa đổi"
    start = text.index("58/")
    cited = Citation(number="58/2024/QH1", title="Luật Đầu tư công", span_start=start, span_end=start + 11)
    kept, warnings = vet_citations(text, [cited])
    assert [(c.number, c.title) for c in kept] == [("58/2024/QH15", "Luật Đầu tư công")] and len(warnings) == 1


def test_warnings_are_stored_per_document_and_replaced_on_reingest(tmp_path):
    path = tmp_path / "k.db"
    db = storage.open_db(path)
    doc = _parse(OCR_DECISION)
    storage.save_document(db, doc)
    storage.save_document(db, doc)  # the same source again: its rows replaced, not doubled
    db.close()
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT d.source, w.stage, w.field FROM warnings w JOIN documents d ON d.id = w.document_id"
    ).fetchall()
    assert len(rows) == len(doc.warnings) and ("lao-cai__11-2026-QD-UBND.txt", "metadata", "number") in rows
    assert con.execute("SELECT number FROM documents").fetchone() == (None,)


@pytest.mark.parametrize(
    "text",
    [
        "Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 42/2024/QH15 1 ngày 29/11/2024",  # a footnote mark
        "phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số đạt 60% trở lên",
    ],
)
def test_sound_numbers_and_percentages_raise_no_warning(text):
    start = text.find("42/")
    cited = [Citation(number="42/2024/QH15", span_start=start, span_end=start + 12)] if start >= 0 else []
    kept, warnings = vet_citations(text, cited)
    assert kept == cited and warnings == []
