"""Cited documents in real sentences: numbers as written, dates, issuers, relations."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.citations import find_citations
from parsers.text.structure import split_paragraphs


def cite(text: str, **kwargs):
    return find_citations(text, split_paragraphs(text), **kwargs)


@pytest.mark.parametrize(
    ("sentence", "number", "date", "issuer"),
    [
        ("Thực hiện Quyết định số 02/QĐ-HĐV ngày 09/9/2021 của Hội đồng Vùng kinh tế trọng điểm miền Trung về việc ban hành",
         "02/QĐ-HĐV", dt.date(2021, 9, 9), "Hội đồng Vùng kinh tế trọng điểm miền Trung"),
        ("theo các Quyết định số 941/QĐ-TTg ngày 25/6/2015, số 2059/QĐ-TTg ngày 24/11/2015",
         "941/QĐ-TTg", dt.date(2015, 6, 25), None),
        ("số 2360/QĐ- TTg ngày 22/12/2015; phát huy vai trò động lực", "2360/QĐ-TTg", dt.date(2015, 12, 22), None),
        ("Nghị quyết số 1264/NQ-UBTVQH14, ngày 27/4/2021 của Ủy ban Thường vụ Quốc hội về việc điều chỉnh",
         "1264/NQ-UBTVQH14", dt.date(2021, 4, 27), "Ủy ban Thường vụ Quốc hội"),
        ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học",
         "57-NQ/TW", dt.date(2024, 12, 22), "Bộ Chính trị"),
        ("Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
         "10/2022/TT-BLĐTBXH", dt.date(2022, 5, 31), "Bộ trưởng Bộ Lao động - Thương binh và Xã hội"),
        ("thi hành Nghị định số 200/2025/NĐ-CP ngày 09/7/2025 của Chính phủ quy định chi tiết",
         "200/2025/NĐ-CP", dt.date(2025, 7, 9), "Chính phủ"),
        ("theo Nghị quyết số 66.4/2025/NQ-CP ngày 21 tháng 9 năm 2025 của Chính phủ", "66.4/2025/NQ-CP", dt.date(2025, 9, 21), "Chính phủ"),
        ("Thông tư số 92/2009/TT- BTC ngày 12/5/2009", "92/2009/TT-BTC", dt.date(2009, 5, 12), None),
        ("Căn cứ Quyết định số 03-QĐ/BCĐ ngày 13/8/2025 của Ban Chỉ đạo", "03-QĐ/BCĐ", dt.date(2025, 8, 13), "Ban Chỉ đạo"),
        ("Công văn số 6676/BYT-CDS ngày 29 tháng 10 năm 2024 của Bộ Y tế", "6676/BYT-CDS", dt.date(2024, 10, 29), "Bộ Y tế"),
        # a company's own numbering, in the tax office's answer to it (tay-ninh__3257-TNI-QLDN1)
        ("Trả lời văn bản số 01/CV-01 ngày 20/11/2025 của Công Ty TNHH Khuôn Mẫu Yong Hong (gọi tắt là Công ty)",
         "01/CV-01", dt.date(2025, 11, 20), "Công Ty TNHH Khuôn Mẫu Yong Hong"),
    ],
)  # fmt: skip
def test_numbers_dates_issuers(sentence, number, date, issuer):
    first = cite(sentence)[0]
    assert (first.number, first.issue_date, first.issuer) == (number, date, issuer)
    assert sentence[first.span_start : first.span_end].replace(" ", "") == number


@pytest.mark.parametrize(
    "not_a_citation",
    [
        "ngày 09/9/2021",  # a date
        "đạt 80/100 điểm",
        "theo tiêu chuẩn QCVN 05:2023/BTNMT",  # a technical standard's year, not a number
        "bụi PM2.5 và các thông số",
        "phiên bản 4.0",
    ],
)
def test_things_that_are_not_document_numbers(not_a_citation):
    assert [c.number for c in cite(not_a_citation) if c.number] == []


def test_relations_follow_the_guide():
    text = (
        "KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Nghị quyết số 206/NQ-HĐND ngày 03 tháng 10 năm 2025;\n"
        "Thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024 của Thủ tướng Chính phủ;\n"
        "Công văn số 6676/BYT-CDS ngày 29 tháng 10 năm 2024 của Bộ Y tế.\n"
        "I. MỤC ĐÍCH\n1. Triển khai Nghị quyết số 21-NQ/TW và Chỉ thị số 27/CT-TTg."
    )
    paragraphs = split_paragraphs(text)
    title_end = paragraphs[2].start
    preamble_end = paragraphs[6].start
    found = find_citations(text, paragraphs, title_span=(0, title_end), preamble_end=preamble_end)
    got = {c.number or c.title: c.relation.value for c in found}
    assert got == {
        "27/CT-TTg": "implements",  # in the title and the preamble; the body's casing wins
        "Luật Tổ chức chính quyền địa phương": "basis",
        "206/NQ-HĐND": "basis",
        "6676/BYT-CDS": "implements",  # continues the "Thực hiện ..." enumeration
        "21-NQ/TW": "mentions",
    }


def test_own_number_is_not_a_citation():
    text = "PHỤ LỤC\n(Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 của UBND tỉnh Nghệ An)"
    assert cite(text, own_number="980/KH-UBND") == []


def test_one_citation_per_cited_document():
    text = "Căn cứ Thông tư số 55/2023/TT-BTC ngày 15 tháng 8 năm 2023;\nsửa đổi Thông tư số 55/2023/TT-BTC."
    (only,) = cite(text)
    assert (only.number, only.relation.value) == ("55/2023/TT-BTC", "basis")
