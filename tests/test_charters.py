"""Charters of a body ("Quy chế tổ chức và hoạt động", "Quy chế hoạt động", "Quy chế làm việc" of a
council, steering board or working group) and statements about a body, which assign no work.

Lines quoted from the corpus: the National Medical Council's charter (trung-uong__05-2025-QD-TTg.txt,
the one charter of the shared corpus) and, for statements about a body, the organisation regulations
of Hà Tĩnh 2920/QĐ-UBND, 2979/QĐ-UBND, Cần Thơ 2519/QĐ-UBND, Hải Phòng 210 and 211/2025/QĐ-UBND,
Lào Cai 16/2026/QĐ-UBND and the Ministry of Health's 1227/QĐ-BYT.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import parse_document
from parsers.agencies.charter import charter_body, charter_mentions, charter_units
from parsers.agencies.find import find_agencies
from parsers.sites import read_source
from parsers.tasks.not_tasks import describes_subject
from parsers.tasks.roles import MentionIndex

CORPUS = Path(__file__).parent.parent / "corpus"
MEDICAL_COUNCIL = "Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (MEDICAL_COUNCIL, ("Hội đồng Y khoa Quốc gia", "Hội đồng")),
        # titles of the class as the legal-document sites list them
        ("Ban hành Quy chế hoạt động của Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố Hà Nội",
         ("Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố Hà Nội", "Ban Chỉ đạo")),
        ("BAN HÀNH QUY CHẾ HOẠT ĐỘNG CỦA HỘI ĐỒNG PHỐI HỢP PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT",
         ("HỘI ĐỒNG PHỐI HỢP PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT", "Hội đồng")),
        # a People's Committee's working rules name their officers in full ("Chủ tịch UBND tỉnh"): no charter body
        ("ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai", None),
        ("Quy chế làm việc của Hội đồng nhân dân tỉnh", None),
        ("Ban hành Quy chế phối hợp quản lý nhà nước đối với cụm công nghiệp", None),
    ],
)  # fmt: skip
def test_charter_body_from_title(title, expected):
    assert charter_body(title) == expected


def _short(line: str, title: str = MEDICAL_COUNCIL) -> list[tuple[str, str]]:
    found = find_agencies(line, detector=True)
    return [(m.surface, m.agency.name) for m in charter_mentions(line, title, found)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1. Nhiệm vụ, quyền hạn của Chủ tịch Hội đồng:", [("Chủ tịch Hội đồng", "Hội đồng Y khoa Quốc gia")]),
        ("2. Nhiệm vụ, quyền hạn của Phó Chủ tịch Thường trực Hội đồng:",
         [("Phó Chủ tịch Thường trực Hội đồng", "Hội đồng Y khoa Quốc gia")]),
        ("4. Nhiệm vụ, quyền hạn của Ủy viên Hội đồng:", [("Ủy viên Hội đồng", "Hội đồng Y khoa Quốc gia")]),
        ("- Hội đồng xin ý kiến đơn vị có thẩm quyền quản lý nhân sự về việc bổ nhiệm lại đối với nhân sự.",
         [("Hội đồng", "Hội đồng Y khoa Quốc gia")]),
        ("Chánh Văn phòng Hội đồng gặp người được đề nghị bổ nhiệm để trao đổi về yêu cầu, nhiệm vụ công tác.",
         [("Chánh Văn phòng Hội đồng", "Văn phòng Hội đồng Y khoa Quốc gia")]),
        # an officer's title before the full name widens its mention: the subject a step opens with
        ("Chánh Văn phòng Hội đồng Y khoa Quốc gia trình Chủ tịch Hội đồng quyết định bổ nhiệm Trưởng ban",
         [("Chánh Văn phòng Hội đồng Y khoa Quốc gia", "Văn phòng Hội đồng Y khoa Quốc gia"),
          ("Chủ tịch Hội đồng", "Hội đồng Y khoa Quốc gia")]),
        ("Chủ tịch và các Phó Chủ tịch Hội đồng Y khoa Quốc gia thảo luận, thống nhất nhân sự",
         [("Chủ tịch và các Phó Chủ tịch Hội đồng Y khoa Quốc gia", "Hội đồng Y khoa Quốc gia")]),
        # another council, and the body's full name, are other readers' mentions
        ("- Hội đồng Dân tộc và các Ủy ban của Quốc hội;", []),
        ("Văn phòng Hội đồng Y khoa Quốc gia tổng hợp, rà soát danh sách ứng viên được giới thiệu", []),
        # a document that is no charter has no short body
        ("Hội đồng tổ chức họp định kỳ 01 tháng 01 lần", []),
    ],
)  # fmt: skip
def test_short_names_of_the_charter_body(line, expected):
    title = MEDICAL_COUNCIL if expected or "Dân tộc" in line or "tổng hợp" in line else "Kế hoạch triển khai"
    assert _short(line, title) == expected


def test_units_named_by_their_duty_headings():
    text = (
        "c) Các Ban chuyên môn của Hội đồng bao gồm: Ban Xây dựng Bộ công cụ đánh giá năng lực hành nghề khám bệnh, "
        "chữa bệnh; Ban Tổ chức kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh; Ban Pháp chế.\n"
        "5. Nhiệm vụ, quyền hạn của Ban Xây dựng Bộ công cụ đánh giá năng lực hành nghề khám bệnh, chữa bệnh:\n"
        "a) Chủ trì, phối hợp với các cơ sở đào tạo trong lĩnh vực sức khỏe ...\n"
        "7. Nhiệm vụ, quyền hạn của Ban Pháp chế:\n"
    )
    names = [(m.span_start, m.agency.name) for m in charter_units(text, MEDICAL_COUNCIL)]
    long_name = "Ban Xây dựng Bộ công cụ đánh giá năng lực hành nghề khám bệnh, chữa bệnh"
    assert sorted(n for _, n in names) == ["Ban Pháp chế", "Ban Pháp chế", long_name, long_name]
    assert charter_units(text, "Kế hoạch triển khai Quyết định số 05/2025/QĐ-TTg") == []


@pytest.mark.parametrize(
    ("line", "statement"),
    [
        # what a body is, has, may do, or works under: no task
        ("Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thực hiện chức năng tham mưu, giúp Ủy ban "
         "nhân dân tỉnh quản lý nhà nước về: tổ chức bộ máy;", True),  # Hà Tĩnh 2920
        ("Sở Tư pháp có tư cách pháp nhân, có con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên "
         "chế và công tác của Ủy ban nhân dân tỉnh", True),  # Hà Tĩnh 2979
        ("Sở Tư pháp được khai thác, sử dụng thông tin trong Cơ sở dữ liệu phục vụ cho công tác quản lý nhà nước",
         True),  # Hải Phòng 211
        ("Văn phòng Hội đồng Y khoa Quốc gia là cơ quan giúp việc của Hội đồng và các Ban chuyên môn của Hội đồng;",
         True),  # 05/2025/QĐ-TTg
        # a role or a duty given in the same words: a task
        ("Ủy ban nhân dân cấp xã được phân cấp thẩm quyền quyết định thanh lý tài sản kết cấu hạ tầng cấp nước "
         "sạch nông thôn tập trung căn cứ chức năng, nhiệm vụ được giao có trách nhiệm tổ chức thực hiện", False),
        ("Sở Công Thương là đầu mối giúp Ủy ban nhân dân tỉnh xây dựng kế hoạch", False),  # Lào Cai 16
        ("Giao Cục Quản lý Khám, chữa bệnh là đầu mối hướng dẫn thực hiện", False),  # 1227/QĐ-BYT
        ("Sở Tư pháp có trách nhiệm cập nhật thông tin vào Cơ sở dữ liệu", False),
    ],
)  # fmt: skip
def test_statements_about_a_body(line, statement):
    index = MentionIndex(line, find_agencies(line, detector=True))
    assert describes_subject(index, 0, len(line)) is statement


def _charter_tasks():
    path = CORPUS / "trung-uong__05-2025-QD-TTg.txt"
    doc = parse_document(read_source(path.name, path.read_bytes()), "x")
    return doc.tasks


def _lead(task) -> set[str]:
    return {a.agency.name for a in task.agencies if a.role == "lead"}


def test_officers_duties_are_the_bodys_tasks():
    tasks = _charter_tasks()
    duties = [t for t in tasks if t.section.startswith("Điều 4.") and t.section <= "Điều 4.4"]
    assert len(duties) >= 18
    assert all(_lead(t) == {"Hội đồng Y khoa Quốc gia"} for t in duties)
    unit = [t for t in tasks if t.section == "Điều 4.6"]
    assert unit and all(
        _lead(t) == {"Ban Tổ chức kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh"} for t in unit
    )
    meeting = next(t for t in tasks if "họp định kỳ 01 tháng 01 lần" in t.text)
    assert _lead(meeting) == {"Hội đồng Y khoa Quốc gia"}
    assert [d.recurrence for d in meeting.deadlines] == ["P1M"]
    assert not any(t.text.startswith("Văn phòng Hội đồng hoạt động theo Quy chế") for t in tasks)
    # a step that opens a procedure's list, its doer after a window counted from an event (no deadline)
    step = next(t for t in tasks if t.text.startswith("Chậm nhất 90 ngày trước khi hết nhiệm kỳ của Ủy viên"))
    assert _lead(step) == {"Văn phòng Hội đồng Y khoa Quốc gia"} and not step.deadlines
    # a label naming whom a step concerns, the doer after its colon
    appointment = next(t for t in tasks if t.text.startswith("Chủ tịch Hội đồng và 02 Phó Chủ tịch kiêm nhiệm:"))
    assert _lead(appointment) == {"Bộ Y tế"}
