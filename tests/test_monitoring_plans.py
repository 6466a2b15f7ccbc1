"""Monitoring plans (Kế hoạch quan trắc ...): activities described by their attributes, with nobody named.

- A heading whose lines only give its attributes (time, place, measured parameters, quantities,
  participants, content) is one task, led by nobody named (``*collective*``), due by its time attribute
  alone ("Từ tháng 3 đến tháng 11 hàng năm": yearly, no date), never by a count ("02 hội nghị/năm").
- A note in parentheses gives a heading no kind ("(đối tượng nuôi tôm ...)" is no objectives part).
- "xây dựng Kế hoạch quan trắc, cảnh báo môi trường hàng năm" names a kind of plan: no recurrence.
- A short subject and its duty is a task: "Chủ cơ sở có trách nhiệm giám sát ...".

Lines quoted from the shared corpus: Đắk Lắk 0134/KH-UBND (aquaculture environment monitoring,
2026-2030), Thanh Hóa 235/KH-UBND (the same work in Thanh Hóa, 2026) and Ninh Bình 161/2025/QĐ-UBND.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_document
from parsers.deadlines import find_deadlines
from parsers.models import SourceText
from parsers.text.structure import section_kind

DAK_LAK = (
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 0134/KH-UBND\tĐắk Lắk, ngày 25 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nQuan trắc, cảnh báo môi trường tại một số vùng nuôi trồng thủy sản trên địa bàn tỉnh Đắk Lắk\n"
)
THANH_HOA = (
    "ỦY BAN NHÂN DÂN TỈNH THANH HÓA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 235/KH-UBND\tThanh Hóa, ngày 18 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nQuan trắc, cảnh báo môi trường nuôi trồng thủy sản tỉnh Thanh Hóa năm 2026\n"
)


def tasks_of(body: str, header: str = DAK_LAK) -> list[tuple[str, list[str], list[tuple[str | None, str | None]]]]:
    """(first words, leads, (first due date, recurrence) of each deadline) of every task."""
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=header + body, hints={"layout": "paragraphs"}), "0"
    )
    return [
        (
            t.text[:30],
            sorted(a.agency.name for a in t.agencies if a.role == "lead"),
            [(dl.due_dates[0].isoformat() if dl.due_dates else None, dl.recurrence) for dl in t.deadlines],
        )
        for t in doc.tasks
    ]


AREAS = (
    "II. NỘI DUNG KẾ HOẠCH\n\n"
    "1. Quan trắc và cảnh báo môi trường.\n\n"
    "1.1. Quan trắc và cảnh báo môi trường NTTS thường xuyên.\n\n"
    "1.1.1. Đối với vùng nuôi tôm nước lợ (đối tượng nuôi tôm thẻ chân trắng, tôm sú)\n\n"
    "a. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hàng năm b. Địa điểm, số điểm quan trắc\n\n"
    "- Địa điểm quan trắc: Địa điểm thực hiện quan trắc được thực hiện tại 03 vùng nuôi chính của tỉnh.\n\n"
    "- Số điểm quan trắc: 08 điểm, trong đó: 06 điểm vùng nước cấp và 02 ao nuôi tôm nước lợ.\n\n"
    "c. Thông số (chỉ tiêu), tần suất quan trắc môi trường nuôi tôm nước lợ\n\n"
    "- Mẫu nước nguồn cấp:\n\n"
    "+ Thủy lý, thủy hóa và vi sinh vật: Nhiệt độ, oxy hòa tan, độ mặn, pH; tần suất quan trắc: 2 đợt/tháng "
    "(18 đợt/năm).\n\n"
    "1.1.2. Vùng nuôi tôm hùm lồng, bè.\n\n"
    "a. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm.\n\n"
    "b. Địa điểm, số điểm quan trắc\n\n"
    "- Địa điểm quan trắc: Vùng NTTS lồng, bè thuộc đầm Cù Mông và vịnh Xuân Đài.\n\n"
    "1.2. Quan trắc, giám sát môi trường NTTS đột xuất\n\n"
    "- Khi môi trường có diễn biến bất thường (mưa, nắng nóng kéo dài); khi khu vực NTTS xảy ra dịch bệnh.\n\n"
    "- Thông số, tần suất quan trắc giám sát:\n\n"
    "+ Dự kiến kinh phí thực hiện khoản 10% kinh phí thực hiện quan trắc thường xuyên.\n\n"
    "3. Hội nghị phổ biến, tuyên truyền, vận động người dân, hướng dẫn biện pháp xử lý về môi trường\n\n"
    "- Nội dung: Phổ biến, tuyên truyền, hướng dẫn người dân các biện pháp xử lý về môi trường.\n\n"
    "- Số lượng: 02 hội nghị/năm × 50 đại biểu/hội nghị.\n\n"
    "- Thời gian: 01 ngày/hội nghị.\n\n"
)


def test_areas_described_by_attributes_are_collective_tasks():
    unnamed = ["Các cơ quan, đơn vị (không nêu tên)"]
    assert tasks_of(AREAS) == [
        ("Đối với vùng nuôi tôm nước lợ ", unnamed, [(None, "P1Y")]),
        ("Vùng nuôi tôm hùm lồng, bè.\na.", unnamed, [(None, "P1Y")]),
        ("Quan trắc, giám sát môi trường", unnamed, []),
        ("Hội nghị phổ biến, tuyên truyề", unnamed, []),
    ]


def test_a_leaflet_described_by_its_content_form_and_number():
    body = (
        "II. NỘI DUNG KẾ HOẠCH\n\n"
        "2. Thông tin tuyên truyền nâng cao nhận thức về quản lý chất lượng nước, bảo vệ môi trường trong nuôi "
        "trồng thủy sản\n\n"
        "- Nội dung: Tuyên truyền các quy định, tiêu chuẩn, quy chuẩn quốc gia về chất lượng nước nuôi trồng "
        "thủy sản.\n\n"
        "- Hình thức: In tài liệu cấp phát cho cho cán bộ cấp xã, hợp tác xã, cơ sở nuôi trên địa bàn tỉnh.\n\n"
        "- Số lượng: 5.000 cuốn.\n\n"
    )
    assert tasks_of(body, THANH_HOA) == [
        ("Thông tin tuyên truyền nâng ca", ["Các cơ quan, đơn vị (không nêu tên)"], []),
    ]


def test_an_item_with_an_action_is_no_attribute_list():
    body = (
        "II. NỘI DUNG KẾ HOẠCH\n\n"
        "2.1. Xử lý số liệu\n\n"
        "- So sánh, đối chiếu với các tiêu chuẩn, quy chuẩn, đối tượng nuôi, khuyến cáo phương pháp xử lý phù "
        "hợp.\n\n"
        "- Số lượng: 02 hội nghị/năm.\n\n"
    )
    assert [text for text, _, _ in tasks_of(body)] == ["So sánh, đối chiếu với các tiê"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("1.1.1. Đối với vùng nuôi tôm nước lợ (đối tượng nuôi tôm thẻ chân trắng, tôm sú)", "other"),
        ("c. Thông số (chỉ tiêu), tần suất quan trắc môi trường nuôi tôm nước lợ", "other"),
        ("2. Mục tiêu cụ thể:", "objectives"),
    ],
)
def test_a_note_in_parentheses_gives_no_kind(heading, kind):
    assert section_kind(heading) == kind


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("Chủ trì, chỉ đạo các đơn vị trực thuộc triển khai thực hiện kế hoạch, xây dựng Kế hoạch quan trắc, "
         "cảnh báo môi trường hàng năm.", None),
        ("Xây dựng Kế hoạch thanh tra hằng năm.", None),
        ("Tổ chức thực hiện Kế hoạch hằng năm.", "P1Y"),
    ],
)  # fmt: skip
def test_a_kind_of_plan_is_no_recurrence(text, recurrence):
    found = find_deadlines(text, issue_date=dt.date(2025, 11, 25))
    assert [d.recurrence for d in found] == ([recurrence] if recurrence else [])


@pytest.mark.parametrize(
    "item",
    [
        "- Chủ cơ sở có trách nhiệm giám sát chất lượng nước cấp, nước thải của cơ sở sản xuất.",  # 0134
        "- Lưu trữ hiện hành có trách nhiệm kiểm tra, tiếp nhận hồ sơ theo quy định.",  # Ninh Bình 161
    ],
)
def test_a_short_subject_and_its_duty_is_a_task(item):
    body = f"IV. TỔ CHỨC THỰC HIỆN\n\n4. Các cơ sở sản xuất giống, NTTS thương phẩm:\n\n{item}\n\n"
    assert [text for text, _, _ in tasks_of(body)] == [item[2:32]]
