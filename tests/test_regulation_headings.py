"""Headings that name the doers in other words (class 7 of issue 8), in regulations as in plans.

Lines quoted from the shared corpus: Ninh Bình 162/2025/QĐ-UBND (a regulation, Quy chế, whose
article headings are wrapped inside bold markers), Hồ Chí Minh 2820/QĐ-UBND.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.sites._markup import emphasis_to_paragraphs
from parsers.tasks.shapes import ENACTING, HEADING_OWNER

REGULATION = """\
ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 162/2025/QĐ-UBND\tNinh Bình, ngày 28 tháng 11 năm 2025

QUY CHẾ

Quản lý, vận hành và sử dụng Hệ thống thư điện tử công vụ tỉnh Ninh Bình

**Điều 11.
Trách nhiệm của các cơ quan, đơn vị sử dụng Hệ thống thư điện tử công vụ**

1. Chỉ đạo triển khai thực hiện
nghiêm túc Quy chế này trong phạm vi quản lý của cơ quan, đơn vị.

4. Lập danh sách yêu cầu cấp mới,
thay đổi, thu hồi hộp thư điện tử của các phòng, ban, đơn vị trực thuộc về Sở Khoa học và Công nghệ để kịp thời xử lý.

7. Thực hiện báo cáo định kỳ
(trước ngày 15 tháng 12), đột xuất tình hình quản lý và sử dụng Hệ thống thư điện
tử công vụ theo yêu cầu về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban
nhân dân tỉnh.

**Điều 12.
Trách nhiệm của cá nhân sử dụng Hệ thống thư điện tử công vụ**

2. Chấp hành các quy định của
pháp luật về thư điện tử công vụ, các quy định trong Quy chế này.

3. Tự quản lý, bảo vệ mật khẩu hộp thư điện tử cá nhân.

**Điều 14.
Nội dung do Sở Tài chính chủ trì**

1. Bố trí kinh phí thực hiện Quy chế theo phân cấp ngân sách hiện hành.
"""


def _tasks(text: str):
    source = SourceText(source="ninh-binh__162-2025-QD-UBND.txt", site="text", text=text)
    return parse_document(source.model_copy(update={"text": "\n".join(emphasis_to_paragraphs(text.split("\n")))}), "x")


def test_a_heading_wrapped_inside_bold_markers_is_one_line():
    lines = emphasis_to_paragraphs(
        ["**Điều 11.", "Trách nhiệm của các cơ quan, đơn vị sử dụng Hệ thống**", "1. Chỉ đạo"]
    )
    assert "Điều 11. Trách nhiệm của các cơ quan, đơn vị sử dụng Hệ thống" in lines


def test_the_duties_of_a_group_or_a_named_body_in_a_regulation_are_tasks():
    tasks = _tasks(REGULATION).tasks

    def task(prefix: str):
        return next(t for t in tasks if t.text.startswith(prefix))

    def leads(prefix: str) -> set[tuple[str, bool]]:
        return {(a.agency.name, a.agency.collective) for a in task(prefix).agencies if a.role == "lead"}

    for prefix in ("Chỉ đạo triển khai", "Lập danh sách yêu cầu", "Chấp hành các quy định", "Tự quản lý, bảo vệ"):
        assert all(collective for _, collective in leads(prefix)), prefix  # the duties of unnamed groups
    assert leads("Bố trí kinh phí") == {("Sở Tài chính", False)}  # "Nội dung do Sở Tài chính chủ trì"
    assert [d.recurrence for d in task("Thực hiện báo cáo định kỳ").deadlines] == ["P1Y"]


@pytest.mark.parametrize(
    ("heading", "owns"),
    [
        ("Trách nhiệm của cá nhân sử dụng Hệ thống thư điện tử công vụ", True),
        ("Nội dung do Sở Tài chính chủ trì", True),
        ("Nhiệm vụ, quyền hạn của Sở Y tế", True),
        ("Nhiệm vụ cho năm 2025", False),
        ("Nội dung thực hiện", False),
    ],
)
def test_headings_that_name_whose_duties_follow(heading, owns):
    assert (HEADING_OWNER.match(heading) is not None) is owns


@pytest.mark.parametrize(
    ("text", "enacts"),
    [
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Quyết định số 06/QĐ-TTg", True),
        ("Ban hành kèm theo Quyết định này “Danh mục mã dùng chung đối với kỹ thuật”", True),
        ("Ban hành văn bản hướng dẫn thực hiện trước ngày 30/6/2026", False),
    ],
)
def test_the_enacting_article_is_not_a_task(text, enacts):
    assert (ENACTING.match(text) is not None) is enacts


def test_a_constitution_assigns_no_tasks():
    text = (
        "HIẾN PHÁP\n\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nChương V\n\nQUỐC HỘI\n\n"
        "Điều 70. Quốc hội có những nhiệm vụ và quyền hạn sau đây:\n\n"
        "1. Làm Hiến pháp và sửa đổi Hiến pháp; làm luật và sửa đổi luật;\n\n"
        "2. Thực hiện quyền giám sát tối cao việc tuân theo Hiến pháp, luật và nghị quyết của Quốc hội;\n"
    )
    doc = parse_document(SourceText(source="vbpl-vn__vbpl_v1.html", site="vbpl", text=text), "x")
    assert doc.metadata.doc_type == "Hiến pháp" and doc.tasks == []
