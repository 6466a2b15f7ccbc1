"""The PDF reader: poppler's ``pdftotext -layout`` when the binary is installed, pypdf otherwise.

On the two Lào Cai PDFs of tests/sites/pdf (a decision delegating powers to the Department of
Industry and Trade, a letter to the Ministry of Construction), pypdf swaps words set in separate
runs; pdftotext prints them in order, and its layout goes the way of any layout-mode text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parsers import parse_document
from parsers.sites import pdf, read_source

PDFS = Path(__file__).parent / "sites" / "pdf"
LETTER = (PDFS / "lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf").read_bytes()
DECISION = (PDFS / "lao-cai__QD-UBND-2026-uy-quyen-SCT.pdf").read_bytes()
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")


def _words(text: str) -> str:
    return " ".join(text.split())


@needs_poppler
def test_pdftotext_reads_the_words_in_order():
    text = _words(read_source("kien-nghi.pdf", LETTER).text)
    assert "vướng mắc trong kiểm tra điều kiện an toàn PCCC" in text
    assert "(i). Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương ban hành văn bản hướng dẫn" in text
    decision = _words(read_source("uy-quyen.pdf", DECISION).text)
    assert "Về việc ủy quyền cho Giám đốc Sở Công Thương thực hiện một số nhiệm vụ" in decision


def test_without_poppler_pypdf_reads_the_page(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    read = read_source("kien-nghi.pdf", LETTER)
    assert "pdf_text" not in read.hints and read.hints["pages"] == "3"
    # pypdf's reading, with the words its layout mode swaps ("điềuvướng mắc kiện")
    assert "Kính gửi: Bộ Xây dựng" in read.text


def test_a_failing_pdftotext_falls_back_to_pypdf(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/bin/false")
    assert "Kính gửi: Bộ Xây dựng" in read_source("kien-nghi.pdf", LETTER).text
    with pytest.raises(ValueError, match=r"^hong\.pdf: cannot read the PDF"):
        read_source("hong.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer<<>>\n%%EOF")


@needs_poppler
def test_the_letter_read_by_poppler_gives_its_header_requests_and_citations():
    read = read_source("lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf", LETTER)
    assert read.hints["pdf_text"] == "pdftotext"
    doc = parse_document(read, "0" * 64)
    meta = doc.metadata
    assert (meta.number, meta.doc_type, meta.issuer) == ("/UBND-XD", "Công văn", "Ủy ban nhân dân tỉnh Lào Cai")
    assert meta.title.startswith("đề xuất sớm tháo gỡ khó khăn, vướng mắc trong kiểm tra điều kiện")
    requests = [
        t for t in doc.tasks if t.text.startswith(("Chỉ đạo Cục Đăng kiểm", "Sớm chỉ đạo", "Trong thời gian chờ"))
    ]
    assert len(requests) == 3
    assert all({a.agency.name for a in t.agencies if a.role == "lead"} == {"Bộ Xây dựng"} for t in requests)
    numbers = {c.number for c in doc.citations}
    # "Luật số 42/2024/QH15¹": the footnote mark is not part of the number; note 3 cites 48/2024/TT-BGTVT
    assert {"42/2024/QH15", "105/2025/NĐ-CP", "47/2024/TT-BGTVT", "48/2024/TT-BGTVT"} <= numbers
    assert "42/2024/QH151" not in numbers


@needs_poppler
def test_poppler_and_pypdf_agree_on_what_both_read_well():
    poppler = parse_document(pdf.read("uy-quyen.pdf", DECISION), "0" * 64)
    fallback = parse_document(pdf._read_pypdf("uy-quyen.pdf", DECISION), "0" * 64)
    assert poppler.metadata.signer == fallback.metadata.signer == "Nguyễn Tuấn Anh"
    assert [t.text[:40] for t in poppler.tasks] == [t.text[:40] for t in fallback.tasks]
