"""Where a task begins and ends, and what belongs to it (issue 8): a decision's enacting article,
the sentences after a closing formula, a time field on its own line after an item.

Lines quoted from the shared corpus: Bảo hiểm xã hội Việt Nam 1500/QĐ-BHXH and 1666/QĐ-BHXH,
Bộ Y tế 3176/QĐ-BYT (crawler text), Quảng Ngãi 1627/QĐ-UBND, Thủ tướng 2623/QĐ-TTg.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText

DECISION = (
    "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 3176/QĐ-BYT\tHà Nội, ngày 29 tháng 10 năm 2024\n"
    "QUYẾT ĐỊNH\nSửa đổi, bổ sung Quyết định số 4750/QĐ-BYT\n"
)


def tasks_of(body: str, header: str = DECISION) -> list[tuple[str, str, list[str]]]:
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=header + body, hints={"layout": "paragraphs"}), "0"
    )
    return [(t.section, t.text, sorted({d.isoformat() for dl in t.deadlines for d in dl.due_dates})) for t in doc.tasks]


@pytest.mark.parametrize(
    "article",
    [
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) cấp cho sỹ quan, quân nhân chuyên nghiệp, hạ sỹ quan, "
        "binh sỹ Quân đội nhân dân Việt Nam đang tại ngũ.",
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) sử dụng thống nhất trong phạm vi cả nước.",
        "Điều 1. Sửa đổi, bổ sung tạm thời các Bảng chỉ tiêu dữ liệu ban hành kèm theo Quyết định số 4750/QĐ-BYT "
        "ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Y tế.",
        "Điều 1.\nBan hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân.",
    ],
)
def test_the_enacting_article_is_not_a_task(article):
    got = tasks_of(
        article + "\nĐiều 2. Tổ chức thực hiện\n1. Bảo hiểm xã hội Việt Nam có trách nhiệm:\n"
        "a) Bố trí nhân lực hỗ trợ, xử lý kịp thời các vướng mắc liên quan đến Cổng tiếp nhận dữ liệu;\n"
    )
    assert [text for _, text, _ in got] == [
        "Bố trí nhân lực hỗ trợ, xử lý kịp thời các vướng mắc liên quan đến Cổng tiếp nhận dữ liệu;"
    ]


def test_the_sentences_after_a_closing_formula_may_still_assign():
    got = tasks_of(
        "Điều 1. Sửa đổi, bổ sung tạm thời các Bảng chỉ tiêu dữ liệu.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký, ban hành. Các cơ quan, đơn vị có liên quan bảo đảm "
        "triển khai đồng bộ các quy định tại Quyết định này.\n"
        "Điều 4. Các Ông, Bà Chánh Văn phòng Bộ Y tế, Chánh Thanh tra Bộ chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert got == [
        ("Điều 3", "Các cơ quan, đơn vị có liên quan bảo đảm triển khai đồng bộ các quy định tại Quyết định này.", [])
    ]


def test_a_closing_paragraph_keeps_its_request_but_not_the_formula():
    got = tasks_of(
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế.\nĐiều 5. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Trưởng Ban Sổ - Thẻ, Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc Bảo hiểm xã hội Việt Nam chịu "
        "trách nhiệm thi hành Quyết định này. Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo Bảo "
        "hiểm xã hội Việt Nam xem xét, giải quyết./.\n"
    )
    assert [text[:40] for _, text, _ in got] == ["Trong quá trình thực hiện, nếu có vướng "]


PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 1627/QĐ-UBND\tQuảng Ngãi, ngày 21 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nKiểm kê tài sản công\n"
)


def test_a_time_field_on_its_own_line_is_the_deadline_of_the_item_above():
    got = tasks_of(
        "IV. NHIỆM VỤ CỤ THỂ\n1. Sở Tài chính\n"
        "- Tham mưu triển khai thực hiện kế hoạch kiểm kê và phân công nhiệm vụ cho các thành viên Ban Chỉ đạo.\n"
        "Thời gian hoàn thành: Tháng 11 - 12/2025.\n"
        "- Phối hợp với các cơ quan chuyên môn có liên quan hướng dẫn chỉ tiêu, biểu mẫu kiểm kê.\n"
        "Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.\n"
        "- Thực hiện kiểm kê tài sản thuộc phạm vi kiểm kê do mình đang trực tiếp quản lý.\n"
        "Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.\n",
        PLAN,
    )
    assert [(text[:30], due) for _, text, due in got] == [
        ("Tham mưu triển khai thực hiện ", ["2025-12-31"]),
        ("Phối hợp với các cơ quan chuyê", []),
        ("Thực hiện kiểm kê tài sản thuộ", ["2026-03-31"]),
    ]
