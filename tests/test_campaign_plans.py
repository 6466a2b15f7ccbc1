"""Emulation campaign plans (Kế hoạch triển khai Đợt thi đua ...): what is judged is not what is done.

- Criteria and award forms ("Tiêu chí thi đua", "Hình thức khen thưởng", "Tiêu chuẩn khen thưởng") are
  not tasks; an item under them is one only where its own words name its doer.
- A lead-in whose purpose clause closes with ";" before its subject: the specific body in the subject
  list leads the items below ("Để ...; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, ... (sau đây
  viết tắt là cơ quan, đơn vị) ... các nội dung chủ yếu sau:").
- The body that asks is not the doer ("..., Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở ..."), and a
  heading below a lead-in that names its own bodies leads its items.
- "Theo dõi ..." (to monitor) opens an action, not a statement like "Theo quy định ...".

Lines quoted from the shared corpus: Nghệ An 982/KH-UBND and Đắk Lắk 0124/KH-UBND (the same campaign),
Hà Nội 71/2025/QĐ-UBND (Tiêu chuẩn xét tặng), Quyết định 05/2025/QĐ-TTg (Tiêu chuẩn chung), Đồng Nai
179/KH-UBND, Đắk Lắk 010/CT-UBND, Sở GD&ĐT Hà Nội 5095, Lào Cai 11/2026/QĐ-UBND, Thanh Hóa 235/KH-UBND
and Đắk Lắk 0134/KH-UBND.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.text.structure import section_kind

NGHE_AN = (
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 982/KH-UBND\tNghệ An, ngày 19 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nTriển khai Đợt thi đua lập thành tích chào mừng Đại hội lần thứ XIV của Đảng\n"
)
DAK_LAK = (
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 010/CT-UBND\tĐắk Lắk, ngày 17 tháng 11 năm 2025\n"
    "CHỈ THỊ\nVề việc tăng cường trách nhiệm phối hợp trong công tác thẩm định dự án đầu tư\n"
)


def tasks_of(body: str, header: str = NGHE_AN) -> list[tuple[str, list[str]]]:
    """(first words, leads) of every task."""
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=header + body, hints={"layout": "paragraphs"}), "0"
    )
    return [(t.text[:30], sorted(a.agency.name for a in t.agencies if a.role == "lead")) for t in doc.tasks]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", "criteria"),  # Nghệ An 982
        ("2. Tiêu chí thi đua", "criteria"),  # Đắk Lắk 0124
        ("2. Hình thức và tiêu chuẩn khen thưởng", "criteria"),  # Nghệ An 982
        ("3. Hình thức khen thưởng", "criteria"),  # Đắk Lắk 0124
        ("b) Tiêu chuẩn khen thưởng", "criteria"),  # Nghệ An 982
        ("Điều 4. Tiêu chuẩn xét tặng", "criteria"),  # Hà Nội 71/2025/QĐ-UBND
        ("1. Tiêu chuẩn chung:", "criteria"),  # 05/2025/QĐ-TTg
        # the criteria are named after the objects of the campaign: its objectives part
        ("III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", "objectives"),  # Đắk Lắk 0124
        # work on criteria, not criteria (Đồng Nai 179)
        ("b) Ban hành bộ tiêu chí đại học số và các cơ chế đặc thù", "other"),
    ],
)
def test_criteria_headings(heading, kind):
    assert section_kind(heading) == kind


CAMPAIGN = (
    "II. NỘI DUNG ĐỢT THI ĐUA\n\n"
    "Để toàn dân đồng lòng, thi đua hành động, thực hiện thắng lợi các nhiệm vụ, hướng tới Đại hội lần thứ XIV "
    "của Đảng thành công; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội, các "
    "xã, phường, các doanh nghiệp, tổ chức Hội (sau đây viết tắt là cơ quan, đơn vị) và mọi người dân triển khai "
    "Đợt thi đua với tinh thần “quyết tâm cao, hành động quyết liệt, hiệu quả thiết thực”, tập trung thi đua thực "
    "hiện các nội dung chủ yếu sau:\n\n"
    "1. Thi đua thực hiện tốt công tác chuẩn bị và tổ chức thành công Đại hội đại biểu toàn quốc lần thứ XIV "
    "của Đảng bảo đảm đúng quy định.\n\n"
    "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG\n\n"
    "1. Tiêu chí thi đua\n\n"
    "b) Đối với Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội\n\n"
    "- Tổ chức sâu rộng các phong trào thi đua yêu nước, các cuộc vận động đến đông đảo các tầng lớp Nhân dân.\n\n"
    "c) Đối với các cơ quan, đơn vị trên địa bàn tỉnh\n\n"
    "- Tổ chức tốt công tác tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.\n\n"
    "2. Hình thức và tiêu chuẩn khen thưởng\n\n"
    "a) Hình thức khen thưởng\n\n"
    "- Huân chương Lao động;\n\n"
    "- Bằng khen của Chủ tịch UBND tỉnh;\n\n"
    "b) Tiêu chuẩn khen thưởng\n\n"
    "Các cơ quan, đơn vị căn cứ thành tích trong tổ chức, thực hiện Đợt thi đua để bình xét khen thưởng và đề "
    "nghị khen thưởng cho các tập thể, cá nhân tiêu biểu, xuất sắc theo thẩm quyền.\n\n"
    "IV. GIẢI PHÁP THỰC HIỆN\n\n"
    "1. Phát hiện, động viên, biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu xuất sắc trong "
    "Đợt thi đua.\n\n"
    "V. THỜI GIAN VÀ TRÁCH NHIỆM THỰC HIỆN\n\n"
    "2. Trách nhiệm thực hiện\n\n"
    "- Hội đồng Thi đua - Khen thưởng các cấp phân công rõ trách nhiệm các thành viên trong quá trình chỉ đạo, "
    "hướng dẫn, giám sát việc triển khai thực hiện.\n\n"
)


def test_campaign_plan_tasks_and_leads():
    assert tasks_of(CAMPAIGN) == [
        ("Thi đua thực hiện tốt công tác", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]),
        ("Các cơ quan, đơn vị căn cứ thà", ["Các cơ quan, đơn vị liên quan"]),
        ("Phát hiện, động viên, biểu dươ", ["Các cơ quan, đơn vị (không nêu tên)"]),
        ("Hội đồng Thi đua - Khen thưởng", ["Hội đồng Thi đua - Khen thưởng các cấp"]),
    ]


DIRECTIVE = (
    "Nhằm khắc phục những tồn tại, hạn chế nêu trên, nâng cao hiệu lực, hiệu quả trong công tác quản lý nhà "
    "nước về đầu tư; bảo đảm môi trường đầu tư thông thoáng, minh bạch, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng "
    "các sở, ban, ngành và Chủ tịch UBND các xã, phường nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:\n\n"
    "I. Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án\n\n"
    "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các Khu công nghiệp tỉnh):\n\n"
    "a) Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định và lập báo cáo thẩm định đề xuất "
    "chủ trương đầu tư đối với các dự án sử dụng vốn nhà đầu tư trên địa bàn tỉnh.\n\n"
)


def test_the_body_that_asks_is_not_the_doer_and_a_heading_below_leads():
    assert tasks_of(DIRECTIVE, DAK_LAK) == [
        ("Là đầu mối chủ trì, tiếp nhận ", ["Ban Quản lý các Khu công nghiệp tỉnh", "Sở Tài chính"]),
    ]


@pytest.mark.parametrize(
    ("body", "opening"),
    [
        (
            # Thanh Hóa 235/KH-UBND
            "IV. TỔ CHỨC THỰC HIỆN\n\n4. Các cơ sở nuôi trồng thủy sản:\n\n"
            "- Theo dõi, giám sát môi trường tại cơ sở nuôi trồng thủy sản; ghi chép đầy đủ thông tin, số liệu thu "
            "thập.\n\n",
            "Theo dõi, giám sát",
        ),
        (
            # Đắk Lắk 0134/KH-UBND
            "IV. TỔ CHỨC THỰC HIỆN\n\n4. Các cơ sở sản xuất giống, NTTS thương phẩm:\n\n"
            "- Theo dõi các diễn biến bất thường của môi trường NTTS và báo cáo với cơ quan quản lý nhà nước về NTTS "
            "tại địa phương.\n\n",
            "Theo dõi các diễn",
        ),
    ],
)
def test_monitoring_is_an_action(body, opening):
    assert [text[: len(opening)] for text, _ in tasks_of(body)] == [opening]
