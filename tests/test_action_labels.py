"""Items titled by an action, "<action>: <description>", in a section that names no body.

A label before a colon is a field ("Số lượng: 5.000 cuốn.", "Hình thức: In tài liệu ...") unless it
names an action: then it is the task's title and the item a task (real lines quoted).
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText

HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 1/KH-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\n\nKẾ HOẠCH\nPhát triển hạ tầng số\n\n"
)


def task_texts(body: str) -> list[str]:
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=HEADER + body, hints={"layout": "paragraphs"}), "0"
    )
    return [t.text[:30] for t in doc.tasks]


@pytest.mark.parametrize(
    "item",
    [
        # Nghệ An 987/KH-UBND
        "- Nâng cấp hoặc xây dựng mạng lõi: Đảm bảo khả năng xử lý dữ liệu lớn và độ trễ thấp của mạng 5G.",
        "- Kiểm tra chất lượng dịch vụ: Đảm bảo tốc độ, độ trễ và độ ổn định của mạng 5G đạt yêu cầu.",
        # Bắc Ninh 144/KH-UBND
        "- Đẩy mạnh hợp tác công - tư: đặt hàng doanh nghiệp công nghệ số Việt Nam phát triển hạ tầng số, nền "
        "tảng số phục vụ người dân và doanh nghiệp.",
        # Đắk Lắk 0130/KH-UBND
        "- Giám sát trọng điểm các bệnh: sốt xuất huyết, tay chân miệng, tiêu chảy cấp, tả, lỵ, cúm mùa.",
    ],
)
def test_an_item_titled_by_an_action_is_a_task(item):
    body = "II. NỘI DUNG\n2.1. Xây dựng trạm 5G, mạng lõi\n" + item + "\n"
    assert task_texts(body) == [item[2:32]]


@pytest.mark.parametrize(
    "item",
    [
        "- Số lượng: 5.000 cuốn.",
        "- Hình thức: In tài liệu cấp phát cho cán bộ cấp xã, hợp tác xã, cơ sở nuôi trên địa bàn tỉnh.",
    ],
)
def test_an_item_titled_by_a_field_is_no_task(item):
    body = "II. NỘI DUNG\n2.1. Tuyên truyền\n" + item + "\n"
    assert task_texts(body) == []
