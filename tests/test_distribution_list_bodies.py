"""Bodies a provincial distribution list ("Nơi nhận:") names short.

"- Cổng TTĐT;" alone is the province's own portal (Nghệ An 982/KH-UBND, Huế 3566/QĐ-UBND); in prose a
bare "Cổng thông tin điện tử đối với các hồ sơ ..." names no body. "Hội đồng TĐKT tỉnh" is the
province's emulation and commendation council (Nghệ An 982/KH-UBND; written out in Hà Tĩnh
2920/QĐ-UBND, Hà Nội 71/2025/QĐ-UBND). Hà Nội's council resolutions (51, 66, 72, 79, 80/2025/NQ-HĐND)
send to "- Đoàn đại biểu Quốc hội Hà Nội;", the city's delegation named by its place without a level
word (not the National Assembly), and to "- Trang TTĐT của Đoàn ĐBQH&HĐND TP;" (51, 58, 60, 74, 75, 78).
A decision's "- Vụ Pháp chế - Bộ X;" names the ministry's legal department and the ministry, as "Cục
KTVB&QLXLVPHC - Bộ Tư pháp" names the Cục and Bộ Tư pháp (Cao Bằng 53/2025/QĐ-UBND, Đắk Lắk 030/2025/
QĐ-UBND, Hải Phòng 212/2025/QĐ-UBND, Quảng Ninh 97/2025/QĐ-UBND, Phú Thọ 100/2025/QĐ-UBND).
"""

from __future__ import annotations

import pytest

from parsers.agencies.find import find_agencies
from parsers.agencies.recipients import find_recipients


@pytest.mark.parametrize(
    ("block", "province", "names"),
    [
        ("Nơi nhận:\n- Hội đồng TĐKT tỉnh (Báo cáo);\n- UBND các xã, phường;\n- Cổng TTĐT;\n- Lưu: VT, NC (TP, Loan).",
         "Nghệ An", ["Hội đồng Thi đua - Khen thưởng tỉnh", "Ủy ban nhân dân cấp xã", "Cổng Thông tin điện tử tỉnh"]),
        ("Nơi nhận:\n- Các PCVP UBND thành phố;\n- Trung tâm PVHCC, Cổng TTĐT;\n- Lưu: VT.", "Huế",
         ["Văn phòng Ủy ban nhân dân thành phố", "Trung tâm Phục vụ hành chính công thành phố",
          "Cổng Thông tin điện tử thành phố"]),
        ("Nơi nhận:\n- Đoàn đại biểu Quốc hội Hà Nội;\n- Trang TTĐT của Đoàn ĐBQH&HĐND TP;\n- Lưu: VT.", "Hà Nội",
         ["Đoàn đại biểu Quốc hội thành phố",
          "Trang thông tin điện tử Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố"]),
    ],
)  # fmt: skip
def test_a_distribution_list_names_the_provinces_own_bodies_short(block, province, names):
    assert [m.agency.name for m in find_recipients(block, province=province)] == names


@pytest.mark.parametrize(
    "text",
    [
        "Thời hạn giải quyết trên Cổng thông tin điện tử đối với các hồ sơ hợp lệ.",
        "Hội đồng Thi đua - Khen thưởng các cấp phân công thành viên theo dõi.",
    ],
)
def test_in_prose_the_bare_words_name_no_body(text):
    assert [m.agency.name for m in find_agencies(text, province="Nghệ An") if not m.agency.collective] == []


def test_the_council_written_out_is_the_same_body():
    text = "Hội đồng Thi đua - Khen thưởng thành phố Hà Nội xét duyệt"
    assert [m.agency.name for m in find_agencies(text, province="Hà Nội")] == [
        "Hội đồng Thi đua - Khen thưởng thành phố"
    ]


def test_another_provinces_delegation_keeps_its_place():
    text = "Đoàn đại biểu Quốc hội Nghệ An"
    assert [m.agency.name for m in find_agencies(text, province="Hà Tĩnh")] == ["Đoàn đại biểu Quốc hội Nghệ An"]


def test_a_body_held_concurrently_ends_before_kiem_nhiem():
    # trung-uong__05-2025-QD-TTg: "Phó Chủ tịch Hội đồng là ... Cục trưởng Cục Khoa học công nghệ và Đào tạo kiêm nhiệm:"
    text = "Phó Chủ tịch Hội đồng là Cục trưởng Cục Quản lý Khám, chữa bệnh và Cục trưởng Cục Khoa học công nghệ và Đào tạo kiêm nhiệm: a) Giúp"
    names = [m.agency.name for m in find_agencies(text)]
    assert names[-1] == "Cục Khoa học công nghệ và Đào tạo", names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("- Vụ Pháp chế - Bộ Giáo dục và Đào tạo;", ["Vụ Pháp chế", "Bộ Giáo dục và Đào tạo"]),
        ("- Vụ Pháp chế - Bộ Tài chính;", ["Vụ Pháp chế", "Bộ Tài chính"]),
        ("- Vụ Pháp chế Bộ Nông nghiệp và Môi trường;", ["Vụ Pháp chế", "Bộ Nông nghiệp và Môi trường"]),
        ("- Vụ pháp chế - Bộ VHTT&DL;", ["Vụ Pháp chế", "Bộ Văn hóa, Thể thao và Du lịch"]),
    ],
)
def test_a_ministrys_legal_department_and_the_ministry(line, names):
    block = f"Nơi nhận:\n{line}\n- Lưu: VT."
    assert [m.agency.name for m in find_recipients(block, province="Cao Bằng")] == names
