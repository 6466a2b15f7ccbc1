"""Regulations of a unit's functions ("Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở X"):
each duty of the "Nhiệm vụ và quyền hạn" article is a task of the unit the title names (a lead-in gives its
items), whatever body a duty names; the position, function and structure articles hold none.

Lines quoted from Quảng Trị 39/2025/QĐ-UBND (Chi cục Kiểm lâm), Hà Tĩnh 2920/QĐ-UBND (Sở Nội vụ), Hà Tĩnh
2979/QĐ-UBND (Sở Tư pháp) and Cần Thơ 2519/QĐ-UBND (Trung tâm Phục vụ hành chính công thành phố).
"""

from __future__ import annotations

import hashlib

import pytest

from parsers import parse_document
from parsers.agencies.charter import functions_unit
from parsers.agencies.find import find_agencies
from parsers.sites import read_source

HEADER = """|
**ỦY BAN NHÂN DÂN**
{province}
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 2979/QĐ-UBND
|
*{place}, ngày 25 tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

{title}

**Điều 1. Vị trí và chức năng**

"""


def _tasks(title: str, body: str, province: str = "Hà Tĩnh") -> list[tuple[str, list[str], list[str], list[str]]]:
    level = "THÀNH PHỐ" if province == "Cần Thơ" else "TỈNH"
    text = HEADER.format(title=title, province=f"{level} {province.upper()}", place=province) + body
    data = text.encode()
    doc = parse_document(read_source("ha-tinh__9999-QD-UBND.txt", data), hashlib.sha256(data).hexdigest())
    out = []
    for t in doc.tasks:
        names = {role: [a.agency.name for a in t.agencies if a.role.value == role] for role in
                 ("lead", "coordinate", "report_to")}  # fmt: skip
        out.append((t.text[:40], names["lead"], names["coordinate"], names["report_to"]))
    return out


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Kiểm lâm thuộc Sở Nông "
         "nghiệp và Môi trường tỉnh Quảng Trị", "Chi cục Kiểm lâm"),
        ("Về việc ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ", "Sở Nội vụ"),
        ("Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp", "Sở Tư pháp"),
        # a coordination regulation between bodies, and a plan, name no unit
        ("Ban hành Quy chế phối hợp thực hiện chức năng, nhiệm vụ, quyền hạn giữa Văn phòng đăng ký đất đai với "
         "Ủy ban nhân dân cấp xã", None),
        ("Kế hoạch triển khai Sở Tư pháp", None),
    ],
)  # fmt: skip
def test_unit_named_by_the_title(title, unit):
    found = find_agencies(title, detector=True)
    mention = functions_unit(title, found)
    assert (mention.agency.name if mention else None) == unit


SO_TU_PHAP = "Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp"


def test_duties_are_the_units_tasks_and_its_structure_holds_none():
    body = """1. Sở Tư pháp là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thực hiện chức năng tham mưu.

2. Sở Tư pháp có tư cách pháp nhân, có con dấu và tài khoản riêng theo quy định của pháp luật.

**Điều 2. Nhiệm vụ và quyền hạn**

1. Trình Ủy ban nhân dân tỉnh:

a) Dự thảo nghị quyết của Hội đồng nhân dân tỉnh, dự thảo quyết định của Ủy ban nhân dân tỉnh liên quan đến
ngành, lĩnh vực thuộc phạm vi quản lý của Sở Tư pháp;

b) Dự thảo kế hoạch phát triển ngành, lĩnh vực trên địa bàn tỉnh thuộc phạm vi quản lý của Sở Tư pháp.

2. Về hộ tịch:

a) Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định thu hồi, hủy bỏ giấy tờ hộ tịch do Ủy ban nhân dân cấp xã
cấp trái quy định của pháp luật;

b) Phối hợp với các cơ quan, đơn vị liên quan để giải quyết, trả kết quả giải quyết cho tổ chức, cá nhân.

3. Thực hiện các nhiệm vụ khác theo quy định của pháp luật.

**Điều 3. Cơ cấu tổ chức**

1. Lãnh đạo Sở Tư pháp có Giám đốc và các Phó Giám đốc. Số lượng Phó Giám đốc thực hiện theo quy định.

2. Cơ cấu tổ chức của Sở Tư pháp, gồm:

a) Phòng Công chứng số 1;

b) Trung tâm Trợ giúp pháp lý nhà nước.
"""
    tasks = _tasks(SO_TU_PHAP, body)
    assert [t[0] for t in tasks] == [
        "Dự thảo nghị quyết của Hội đồng nhân dân",
        "Dự thảo kế hoạch phát triển ngành, lĩnh ",
        "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh qu",
        "Phối hợp với các cơ quan, đơn vị liên qu",
        "Thực hiện các nhiệm vụ khác theo quy địn",
    ]
    assert all(t[1] == ["Sở Tư pháp"] for t in tasks)
    assert tasks[2][3] == ["Ủy ban nhân dân tỉnh"]  # a proposal to the Chairman is reported to his committee


def test_a_body_a_duty_works_with_coordinates():
    body = """1. Trung tâm Phục vụ hành chính công thành phố là tổ chức hành chính thuộc Văn phòng Ủy ban nhân dân
thành phố Cần Thơ.

**Điều 2. Nhiệm vụ, quyền hạn**

Trung tâm Phục vụ hành chính công thành phố thực hiện nhiệm vụ, quyền hạn theo quy định tại Nghị định số
118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ, cụ thể như sau:

1. Nhiệm vụ, quyền hạn chung

a) Công khai kịp thời, đầy đủ bằng phương tiện điện tử hoặc văn bản danh mục, nội dung thủ tục hành chính
thuộc thẩm quyền giải quyết;

c) Phối hợp với các cơ quan, đơn vị liên quan để giải quyết, trả kết quả giải quyết cho tổ chức, cá nhân đối
với trường hợp thủ tục hành chính yêu cầu giải quyết ngay trong ngày hoặc các thủ tục hành chính được giao hoặc
ủy quyền cho cán bộ, công chức, viên chức tại Bộ phận Một cửa giải quyết; hỗ trợ tổ chức, cá nhân thực hiện
dịch vụ công trực tuyến; đề nghị các cơ quan có thẩm quyền giải quyết và cơ quan, đơn vị có liên quan cung cấp
thông tin, tài liệu phục vụ cho công tác tiếp nhận, giải quyết thủ tục hành chính;
"""
    title = (
        "Quy định chức năng, nhiệm vụ, quyền hạn của Trung tâm Phục vụ hành chính công thành phố thuộc Văn "
        "phòng Ủy ban nhân dân thành phố Cần Thơ"
    )
    tasks = _tasks(title, body, "Cần Thơ")
    unit = ["Trung tâm Phục vụ hành chính công thành phố"]
    assert [(t[0][:20], t[1], t[2]) for t in tasks] == [
        ("Công khai kịp thời, ", unit, []),
        ("Phối hợp với các cơ ", unit, ["Các cơ quan, đơn vị liên quan"]),
    ]


def test_unlabelled_duties_under_a_lead_in():
    body = """1. Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.

**Điều 2. Nhiệm vụ và quyền hạn**

4. Về tổ chức bộ máy:

a) Tham mưu, giúp Ủy ban nhân dân tỉnh:

Trình Hội đồng nhân dân tỉnh quyết định việc thành lập, tổ chức lại, thay đổi tên gọi, giải thể cơ quan
chuyên môn thuộc Ủy ban nhân dân tỉnh theo quy định của pháp luật;

Hướng dẫn cụ thể về trình tự, thủ tục thành lập, tổ chức lại, giải thể đơn vị sự nghiệp công lập thuộc Ủy ban
nhân dân tỉnh;

Chỉ đạo các cơ quan, tổ chức, đơn vị thực hiện quản lý nhà nước đối với các đơn vị sự nghiệp ngoài công lập
trên địa bàn theo quy định của pháp luật.
"""
    title = "Về việc ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ"
    tasks = _tasks(title, body)
    assert [(t[0][:20], t[1]) for t in tasks] == [
        ("Trình Hội đồng nhân ", ["Sở Nội vụ"]),
        ("Hướng dẫn cụ thể về ", ["Sở Nội vụ"]),
        ("Chỉ đạo các cơ quan,", ["Sở Nội vụ"]),
    ]
