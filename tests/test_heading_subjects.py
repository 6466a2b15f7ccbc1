"""The doer a heading names (guide §2): a heading's own words end at its first colon outside
parentheses, and a subject may open with the title of the body's head, "(Phó) Trưởng ...", as it
may with "Giám đốc ...".

Quoted from Quảng Ngãi 1627/QĐ-UBND (the steering committee's head, the departments listed in
parentheses after "gồm các Sở:"), Đồng Nai 2776/QĐ-UBND ("(Mã TTHC: ...)"), the appendix of the
Government's 66-18/2026 resolution ("(Trường quay: ...):") and Bảo hiểm xã hội Việt Nam 1500 and
1666/QĐ-BHXH ("Trưởng Ban Sổ - Thẻ, Chánh Văn phòng, ...").
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.tasks.headings import _colon_outside_parentheses
from parsers.tasks.roles import SUBJECT_OPENER

HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 1627/QĐ-UBND\tQuảng Ngãi, ngày 21 tháng 11 năm 2025\n"
    "KẾ HOẠCH\n"
    "Kiểm kê tài sản công tại cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý của tỉnh Quảng Ngãi\n"
    "IV. NHIỆM VỤ CỤ THỂ\n"
    "1. Nhiệm vụ của thành viên Ban Chỉ đạo\n"
)
HEAD_OF_COMMITTEE = (
    "1.1. Trưởng Ban Chỉ đạo\n"
    "- Phối hợp với các cơ quan Trung ương, Bộ Tài chính trong việc chỉ đạo thực hiện tổng kiểm kê tài sản "
    "thuộc phạm vi quản lý của tỉnh.\n"
    "- Quyết định những vấn đề thuộc phạm vi, chức năng, nhiệm vụ của Ban Chỉ đạo cấp tỉnh.\n"
)
DEPARTMENTS_IN_PARENTHESES = (
    "1.3. Các cơ quan quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi trường, "
    "Công Thương, Tài chính, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch)\n"
    "- Cử công chức chuyên môn phối hợp tham gia tổ công tác (khi có đề nghị của Sở Tài chính) tổ chức kiểm tra, "
    "giám sát, hướng dẫn trực tiếp các cơ quan, tổ chức, đơn vị, địa phương thực hiện các nội dung kiểm kê đảm bảo "
    "chất lượng, tiến độ.\n"
)


def _leads(text: str) -> list[list[str]]:
    doc = parse_document(SourceText(source="x.txt", site="text", text=text, hints={}), "0" * 64)
    return [[a.agency.name for a in t.agencies if a.role == "lead"] for t in doc.tasks]


@pytest.mark.parametrize(
    ("heading", "own_words_end"),
    [
        ("1.3. Các cơ quan quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Công Thương)", -1),
        ("1. Thủ tục công nhận trung tâm đổi mới sáng tạo cấp tỉnh (Mã TTHC: 1.014438)", -1),
        ("14.6. Điều kiện cơ sở vật chất kỹ thuật (Trường quay: Diện tích; Số lượng máy quay):", 83),
        ("4. Sở Khoa học và Công Nghệ:", 27),
    ],
)
def test_a_headings_own_words_end_at_its_first_colon_outside_parentheses(heading, own_words_end):
    assert _colon_outside_parentheses(heading) == own_words_end


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Trưởng Ban Chỉ đạo", "Ban Chỉ đạo"),
        ("Trưởng Ban Sổ - Thẻ, Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc", "Ban Sổ - Thẻ, Chánh"),
        ("Trưởng Ban Quản lý Thu - Sổ, Thẻ, Chánh Văn phòng", "Ban Quản lý Thu"),
        ("Phó Trưởng Ban Chỉ đạo", "Ban Chỉ đạo"),
        ("Giám đốc Sở Tài chính", "Sở Tài chính"),
    ],
)
def test_a_subject_opens_with_the_title_of_the_bodys_head(subject, body):
    assert subject[SUBJECT_OPENER.match(subject).end() :].startswith(body)


def test_the_head_of_the_steering_committee_leads_under_its_heading():
    assert _leads(HEAD + HEAD_OF_COMMITTEE) == [["Ban Chỉ đạo tỉnh"], ["Ban Chỉ đạo tỉnh"]]


def test_departments_listed_in_a_headings_parentheses_lead_under_it():
    (lead,) = _leads(HEAD + DEPARTMENTS_IN_PARENTHESES)
    assert lead == [
        "Sở Xây dựng",
        "Sở Nông nghiệp và Môi trường",
        "Sở Công Thương",
        "Sở Tài chính",
        "Sở Khoa học và Công nghệ",
        "Sở Văn hóa, Thể thao và Du lịch",
    ]
