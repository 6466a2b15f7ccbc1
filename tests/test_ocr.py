"""Scanned documents end to end: Tesseract reads them, the pipeline stores them, the cache keeps them.

The OCR tests need Debian's tesseract-ocr and tesseract-ocr-vie (``.ci/run`` installs them);
without them they are skipped, and the absence itself is tested by pointing pytesseract at
a program that does not exist. Each OCR'd page costs several seconds: the scanned letter
(2 pages) is read once per module and the cache test reuses its cache.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytesseract
import pytest

from parsers import parse_document
from parsers.models import Metadata, SourceText
from parsers.ocr_repair import gate_metadata, repair_source
from parsers.sites import _ocr as ocr_engine
from parsers.sites import read_source, reader_for
from parsers.sites._ocr import Line, Word, layout
from pipeline.ingest import ingest
from pipeline.ocr_eval import DocumentFigures, cer, cer_in_reference_order, compare
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ocr"
# A real scanned letter of the Cục Hóa chất (no text layer; its number and day are handwritten).
SCANNED_LETTER = FIXTURES / "trung-uong__813-CucHoaChat-scan.pdf"
# Page 1 of Quảng Ngãi 1617/QĐ-UBND (corpus/), laid out as an official page and rendered at 300 dpi.
DECISION_PAGE = FIXTURES / "quang-ngai__1617-QD-UBND-page1.png"


def _tesseract() -> str | None:
    try:
        return ocr_engine.engine()
    except ocr_engine.OcrUnavailable:
        return None


needs_tesseract = pytest.mark.skipif(
    _tesseract() is None, reason="Tesseract with Vietnamese is not installed (tesseract-ocr, tesseract-ocr-vie)"
)


def _rows(db: Path, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _word(text: str, left: int, top: int, line: tuple[int, int, int], conf: float = 95.0) -> Word:
    return Word(text=text, conf=conf, left=left, top=top, width=20 * len(text), height=40, line=line)


def test_layout_reads_a_two_column_header_column_by_column_and_a_table_row_as_cells():
    words = [
        _word("BỘ", 100, 100, (1, 1, 1)),
        _word("CÔNG", 170, 100, (1, 1, 1)),
        _word("CỘNG", 1300, 100, (2, 1, 1)),
        _word("HÒA", 1420, 100, (2, 1, 1)),
        _word("CỤC", 120, 160, (1, 1, 2)),
        _word("Độc", 1350, 160, (2, 1, 2)),
        _word("lập", 1440, 160, (2, 1, 2)),
        _word("1", 100, 400, (3, 1, 1)),
        _word("Sở", 400, 400, (3, 1, 1)),
        _word("2026", 1800, 400, (4, 1, 1)),
    ]
    lines = [line.text for line in layout(words, page_width=2400) if line.words]
    assert lines == ["BỘ CÔNG", "CỤC", "CỘNG HÒA", "Độc lập", "1\tSở\t2026"]


def _line_words(text: str, left: int, index: int) -> list[Word]:
    """A line of words set with a normal space after each."""
    words = []
    for w in text.split():
        words.append(_word(w, left, 100 + 60 * index, (1, 1, index)))
        left = words[-1].right + 15
    return words


def test_layout_opens_a_paragraph_at_a_first_line_indent_or_after_a_short_line():
    full = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 của Quốc hội khóa XV"
    lines = [(100, full), (250, full), (100, full), (100, "tháng 6."), (100, full), (100, full)]
    words = [w for i, (left, text) in enumerate(lines) for w in _line_words(text, left, i)]
    starts = [line.text[:8] if line.words else "" for line in layout(words, page_width=2400)]
    assert starts == ["Căn cứ L", "", "Căn cứ L", "Căn cứ L", "tháng 6.", "", "Căn cứ L", "Căn cứ L"]


def test_a_scan_without_tesseract_is_a_failure_saying_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-tesseract"))
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SCANNED_LETTER, folder)
    shutil.copy(DECISION_PAGE, folder)
    report = ingest([folder], tmp_path / "k.db")
    assert not report.ingested and len(report.failed) == 2
    for source, stage, error in _rows(tmp_path / "k.db", "SELECT source, stage, error FROM failures"):
        assert stage == "read" and Path(source).name in error
        assert "needs OCR" in error and "tesseract-ocr-vie" in error


def test_scans_go_to_the_scan_reader_and_text_pdfs_stay_with_the_pdf_reader():
    assert reader_for(SCANNED_LETTER.name, SCANNED_LETTER.read_bytes()).SITE == "scan"
    assert reader_for(DECISION_PAGE.name, DECISION_PAGE.read_bytes()).SITE == "scan"
    text_pdf = ROOT / "tests" / "sites" / "pdf" / "lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf"
    assert reader_for(text_pdf.name, text_pdf.read_bytes()).SITE == "pdf"


@pytest.fixture(scope="module")
def scanned_letter_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scan")
    shutil.copy(SCANNED_LETTER, folder / SCANNED_LETTER.name)
    report = ingest([folder / SCANNED_LETTER.name], folder / "out" / "k.db")
    assert report.ingested, report.failed
    return folder / "out" / "k.db"


@needs_tesseract
def test_the_scanned_letter_ingests_with_its_issuer_and_subject(scanned_letter_db):
    [(site, reader, engine, conf, doc_type, issuer, title, number, issued)] = _rows(
        scanned_letter_db,
        "SELECT site, reader, ocr_engine, ocr_confidence, doc_type, issuer, title, number, issue_date FROM documents",
    )
    assert (site, reader, doc_type, issuer) == ("scan", "ocr", "Công văn", "Cục Hóa chất")
    assert engine.startswith("tesseract ") and "vie" in engine and 60 < conf <= 100
    assert title.startswith("trao đổi về một số quy định") and "hóa chất" in title
    # the number's digits and the day are handwritten: unreadable, so left empty with a warning
    assert number is None and issued is None
    warned = dict(_rows(scanned_letter_db, "SELECT field, message FROM warnings"))
    assert set(warned) == {"number", "issue_date"}
    assert "tháng 4 năm 2026" in warned["issue_date"]
    [(text,)] = _rows(scanned_letter_db, "SELECT text FROM documents")
    assert "Kính gửi: Cục Hải quan" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text


@needs_tesseract
def test_a_rerun_reads_the_scan_from_the_cache_without_ocr(scanned_letter_db, tmp_path, monkeypatch):
    cache = scanned_letter_db.parent / "ocr-cache"
    assert len(list(cache.glob("*.json"))) == 1

    def no_ocr(*args, **kwargs):
        raise AssertionError("OCR ran again")

    monkeypatch.setattr(ocr_engine, "recognise", no_ocr)
    renamed = scanned_letter_db.parent / "renamed-scan.pdf"  # another name, the same content
    shutil.copy(SCANNED_LETTER, renamed)
    second = scanned_letter_db.parent / "second.db"
    report = ingest([renamed], second)
    assert report.ingested == [str(renamed)] and not report.failed
    first_text = _rows(scanned_letter_db, "SELECT text FROM documents")
    assert _rows(second, "SELECT text FROM documents") == first_text
    assert _rows(second, "SELECT source FROM documents") == [(str(renamed),)]


@needs_tesseract
def test_a_rendered_page_of_a_real_decision_ingests_end_to_end(tmp_path):
    db = tmp_path / "k.db"
    report = ingest([DECISION_PAGE], db)
    assert report.ingested, report.failed
    [(number, issuer, issued, doc_type, reader)] = _rows(
        db, "SELECT number, issuer, issue_date, doc_type, reader FROM documents"
    )
    assert (number, issuer, issued, doc_type, reader) == (
        "1617/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "2025-11-20",
        "Quyết định",
        "ocr",
    )
    leads = _rows(
        db,
        "SELECT t.text, ta.agency_id FROM tasks t JOIN task_agencies ta ON ta.task_id = t.id WHERE ta.role = 'lead'",
    )
    assert any("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm" in text for text, _ in leads)
    assert {agency for _, agency in leads} == {"so-nong-nghiep-va-moi-truong"}


def test_line_text_joins_cells_with_tabs():
    assert Line([[_word("a", 0, 0, (1, 1, 1))], [_word("b", 500, 0, (1, 1, 1))]]).text == "a\tb"


# --- OCR-aware parsing: repairs only where the structure makes the reading certain ----------------

HEADER = "BỘ CÔNG THƯƠNG\nCỤC HÓA CHẤT\n"


@pytest.mark.parametrize(
    ("line", "repaired", "doubtful"),
    [
        ("Sè: 813 /HC-CNHC", "Số: 813/HC-CNHC", set()),
        ("số: 2O5/QD-UBND", "Số: 205/QĐ-UBND", set()),
        ("S6: 51/2025/NQ-HDND", "Số: 51/2025/NQ-HĐND", set()),
        ("Số: /UBND-XD", "Số: /UBND-XD", set()),  # an unsigned draft stays blank
        ("Số: Éđã /HC-CNHC", "Số: /HC-CNHC", {"number"}),  # handwritten digits
        ("Hà Nội, ngảy 2l thảng 4 nãm 2O26", "Hà Nội, ngày 21 tháng 4 năm 2026", set()),
        ("Hà Nội, ngày °ÔÖ tháng 4 năm 2026", "Hà Nội, ngày tháng 4 năm 2026", {"issue_date"}),
        ("Lào Cai, ngày tháng 5 năm 2026", "Lào Cai, ngày tháng 5 năm 2026", set()),
        ("W⁄v trao đổi về một số quy định", "V/v trao đổi về một số quy định", set()),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHÍA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", set()),
        ("UỶ BAN NHÂN DÂN TỈNH", "UỶ BAN NHÂN DÂN TỈNH", set()),  # a right spelling is kept
        ("QUYÉT ĐỊNH:", "QUYẾT ĐỊNH:", set()),
        ("KT. CHU TỊCH", "KT. CHỦ TỊCH", set()),
        ("TM.UY BAN NHAN DAN", "TM.ỦY BAN NHÂN DÂN", set()),
        ("UỶ BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", set()),
        ("Số:\t/QĐ-UBND\tLào Cai, ngày tháng 4 năm 2026", "Số: /QĐ-UBND\tLào Cai, ngày tháng 4 năm 2026", set()),
        ("Số: 66.l8/2026/NQ-CP", "Số: 66.18/2026/NQ-CP", set()),
    ],
)
def test_header_lines_are_repaired_where_their_structure_is_certain(line, repaired, doubtful):
    source = SourceText(source="x", site="scan", text=HEADER + line, hints={"reader": "ocr"})
    result, doubts = repair_source(source)
    assert result.text.split("\n")[2] == repaired
    assert set(doubts) == doubtful


def test_digits_read_with_low_confidence_are_doubtful_and_nothing_is_guessed_in_the_body():
    body = "\n".join(["Nội dung."] * 30 + ["Sè: 12/ABC hóa chât", "1, Về công bố", "Cục Hóa chât chủ trì"])
    body += "\nAụi nhận:\n- Như trên;\nChu tịch nhận: ý kiến"
    hints = {"reader": "ocr", "ocr_unsure_words": '[["813", 31]]'}
    source = SourceText(source="x", site="scan", text="Số: 813/HC-CNHC\n" + body, hints=hints)
    result, doubts = repair_source(source)
    assert set(doubts) == {"number"}
    assert result.text.split("\n")[-6:-3] == ["Sè: 12/ABC hóa chât", "1. Về công bố", "Cục Hóa chất chủ trì"]
    assert result.text.split("\n")[-3:] == ["Nơi nhận:", "- Như trên;", "Chu tịch nhận: ý kiến"]


def test_a_free_text_field_read_with_low_confidence_is_left_empty_with_a_warning():
    meta = Metadata(title="vê môt sô quy", issuer="Cục Hóa chất", number="813/HC-CNHC")
    hints = {"ocr_unsure_words": '[["vê", 20], ["môt", 30], ["sô", 40], ["Cục", 70]]'}
    gated, warnings = gate_metadata(meta, {"number": "unreadable"}, hints)
    assert (gated.title, gated.number, gated.issuer) == (None, None, "Cục Hóa chất")
    assert [(w.field, w.stage) for w in warnings] == [("number", "ocr"), ("title", "ocr")]


def test_the_ocr_evaluation_compares_two_readings_of_a_document():
    text = (ROOT / "corpus" / "quang-ngai__1617-QD-UBND.txt").read_bytes()
    reading = read_source("q.txt", text)
    misread = reading.model_copy(update={"text": reading.text.replace("1617/QĐ-UBND", "1671/QĐ-UBND", 1)})
    figures = DocumentFigures(name="q", pages=1, seconds=0.0, cer_raw=cer("a b  c", "a b c"), cer_repaired=0.0)
    compare(parse_document(reading, "a"), parse_document(misread, "b"), figures)
    assert figures.cer_raw == 0.0 and cer("abcd", "abed") == 0.25
    assert figures.tasks_text == figures.tasks_matched == figures.leads_equal > 0
    assert figures.metadata_equal == figures.metadata_fields - 1  # the number differs
    assert any(d.startswith("number:") for d in figures.differences)


def test_the_reading_order_aside_rate_moves_cells_and_lines_but_counts_every_misread_letter():
    reference = "Cấp Giấy phép vận chuyển hàng hóa\nVận chuyển hàng hóa nguy hiểm 1.014967\nKhoản 2 Điều 3 Thông tư"
    reading = "Khoản 2 Điều 3 Thông tư\nCấp Giấy phép vận chuyển hàng hóa\tVận chuyển hàng hóa nguy hiểm\t1.014967"
    assert cer(reference, reading) > 0.3
    assert cer_in_reference_order(reference, reading) == 0.0
    misread = reading.replace("hiểm", "hiêm")
    assert cer_in_reference_order(reference, misread) == pytest.approx(1 / len(" ".join(reference.split())))
    # a phrase said twice keeps its place in the reading
    repeated = "Sở Công Thương chủ trì\nmột việc\nSở Công Thương chủ trì\nviệc khác"
    assert cer_in_reference_order(repeated, repeated) == 0.0
