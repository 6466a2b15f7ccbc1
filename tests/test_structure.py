"""Paragraph labels, the section tree and section kinds, on real lines."""

from __future__ import annotations

import pytest

from parsers.text.structure import build_sections, section_kind, split_paragraphs


@pytest.mark.parametrize(
    ("line", "style", "label"),
    [
        ("II. CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ", "roman", "II"),
        ("IV- TỔ CHỨC THỰC HIỆN", "roman", "IV"),
        ("1. Sở Kế hoạch và Đầu tư:", "arabic", "1"),
        ("2.1. Trách nhiệm chung", "arabic2", "2.1"),
        ("1.2.3. Xây dựng cơ sở dữ liệu", "arabic3", "1.2.3"),
        ("a) Nhiệm vụ: Tham mưu UBND Thành phố phối hợp với Bộ Công an", "letter", "a"),
        ("đ) Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", "letter", "đ"),
        ("- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan", "dash", "-"),
        ("+ Thông báo cho địa phương về kế hoạch giám sát.", "plus", "+"),
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch", "article", "Điều 1"),
        ("PHỤ LỤC", "appendix", "PHỤ LỤC"),
        ("Phụ lục II", "appendix", "Phụ lục II"),
        ("Thực hiện Quyết định số 02/QĐ-HĐV ngày 09/9/2021", None, ""),
        ("V/v triển khai thực hiện", None, ""),
        ("2025 là năm cuối của giai đoạn", None, ""),
    ],
)
def test_labels(line, style, label):
    (p,) = split_paragraphs(line)
    assert (p.style, p.label) == (style, label)


def test_table_rows_carry_their_cells():
    text = "TT\tNội dung\n1\tRà soát\tSở Tài chính"
    rows = split_paragraphs(text)
    assert [[text[s:e] for s, e in p.cells] for p in rows] == [["TT", "Nội dung"], ["1", "Rà soát", "Sở Tài chính"]]


SEED_OUTLINE = """KẾ HOẠCH
I. MỤC ĐÍCH, YÊU CẦU
- Tập trung cụ thể hóa mục tiêu
II. CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ
1. Sở Kế hoạch và Đầu tư:
- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan
2. Sở Tài chính:
2.1. Nhiệm vụ chung
a) Phối hợp chặt chẽ với các cơ quan liên quan
III. TỔ CHỨC THỰC HIỆN
1. Các Sở, ban, ngành, địa phương chủ động xây dựng kế hoạch.
PHỤ LỤC
I. DANH MỤC"""


def test_section_tree_paths_levels_and_kinds():
    paragraphs = split_paragraphs(SEED_OUTLINE)
    sections, owner = build_sections(paragraphs, body_start=paragraphs[1].start)
    assert [(s.path, s.level, s.kind) for s in sections] == [
        ("I", 1, "objectives"),
        ("II", 1, "tasks"),
        ("II.1", 2, "tasks"),
        ("II.2", 2, "tasks"),
        ("II.2.1", 3, "tasks"),  # "2.1" under "2" replaces it, as the gold paths write it
        ("II.2.1.a", 4, "tasks"),
        ("III", 1, "implementation"),
        ("III.1", 2, "implementation"),  # an item, not a heading: it inherits the kind
        ("Phụ lục", 1, "appendix"),
        ("Phụ lục.I", 2, "appendix"),
    ]
    assert owner[0] is None  # the type heading is before the body
    assert sections[owner[5]].path == "II.1"  # a bullet belongs to the heading above it
    assert sections[1].span_end == sections[3].span_end  # II ends with its last subsection
    assert sections[2].span_end < sections[3].span_start  # II.1 ends where II.2 starts


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("MỤC ĐÍCH, YÊU CẦU", "objectives"),
        ("MỤC TIÊU", "objectives"),
        ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "tasks"),
        ("NỘI DUNG THỰC HIỆN", "activities"),
        ("NỘI DUNG GIÁM SÁT, ĐÁNH GIÁ", "content"),
        ("PHƯƠNG PHÁP, CÁC BƯỚC GIÁM SÁT, ĐÁNH GIÁ", "procedure"),
        ("KINH PHÍ THỰC HIỆN", "funding"),
        ("TỔ CHỨC THỰC HIỆN", "implementation"),
        ("PHÂN CÔNG NHIỆM VỤ", "implementation"),
        ("Về dữ liệu", "other"),
    ],
)
def test_section_kinds(heading, kind):
    assert section_kind(heading) == kind
