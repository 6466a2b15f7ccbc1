"""Agency recognition on the shapes of issue 8: named local bodies and specific lists, lists
sharing a head noun, units inside a ministry, names as written after the 2025 reorganisation,
noise in PDF and OCR text. Texts are quoted from the shared corpus (file named in each row)."""

from __future__ import annotations

import pytest

from parsers.agencies import find_agencies, find_recipients
from parsers.agencies.units import issuer_units
from pipeline.compare.agencies import function_of


def _found(text: str, province: str | None) -> list[tuple[str, str, bool]]:
    return [(m.surface, m.agency.name, m.agency.collective) for m in find_agencies(text, province=province)]


# Class 8: a named commune's body is that body, never the collective; a specific list names each body.
LOCAL = [
    (  # lao-cai__6795-SNNMT-KS: "Văn" begins "Văn phòng", not "Văn Bàn"
        "- Phối hợp với UBND xã Văn Bàn khẩn trương thực hiện công tác bồi thường",
        "Lào Cai",
        [("UBND xã Văn Bàn", "Ủy ban nhân dân xã Văn Bàn", False)],
    ),
    (  # trung-uong__634-TB-VPCP
        "Thủ tướng Chính phủ Phạm Minh Chính đã đến thăm Trạm Y tế và Công an xã Yên Khương; thăm",
        None,
        [("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", False), ("Công an xã Yên Khương", "Công an xã Yên Khương", False)],
    ),
    (  # the commune names of hue__34-2025-NQ-HDND ("các xã Quảng Thọ, Quảng An"), in the shape of a task
        "Ủy ban nhân dân các xã Quảng Thọ, Quảng An và Quảng Vinh chủ trì thực hiện",
        "Huế",
        [("Ủy ban nhân dân các xã Quảng Thọ", "Ủy ban nhân dân xã Quảng Thọ", False),
         ("Quảng An", "Ủy ban nhân dân xã Quảng An", False), ("Quảng Vinh", "Ủy ban nhân dân xã Quảng Vinh", False)],
    ),
    (  # without "các" a list repeats the unit word; a department after it is no commune
        "UBND xã Văn Bàn, xã Võ Lao và Sở Tài chính",
        "Lào Cai",
        [("UBND xã Văn Bàn", "Ủy ban nhân dân xã Văn Bàn", False), ("Võ Lao", "Ủy ban nhân dân xã Võ Lao", False),
         ("Sở Tài chính", "Sở Tài chính", False)],
    ),
    (  # quang-ngai__1627-QD-UBND: an unnamed group stays the group
        "Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành",
        "Quảng Ngãi",
        [("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân cấp xã", True)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "province", "expected"), LOCAL)
def test_named_local_bodies_and_specific_lists(text, province, expected):
    assert _found(text, province) == expected


# Lists sharing a head noun: each item is the body its head word and name make.
LISTS = [
    (  # trung-uong__634-TB-VPCP
        "Cùng dự buổi làm việc có lãnh đạo các Bộ, cơ quan: Quốc phòng, Công an, Tài chính, Y tế, Dân tộc và Tôn "
        "giáo, Đài Truyền hình Việt Nam, Văn phòng Chính phủ và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt "
        "Nam, Bưu chính viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội.",
        None,
        ["Bộ Quốc phòng", "Bộ Công an", "Bộ Tài chính", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
         "Đài Truyền hình Việt Nam", "Văn phòng Chính phủ", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam",
         "Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"],
    ),
    (  # lao-cai__6795-SNNMT-KS, "Nơi nhận": a mixed head takes bodies of their own too
        "- Các Sở, ngành: Xây dựng, Công Thương, Tài chính, Thuế tỉnh;",
        "Lào Cai",
        ["Sở Xây dựng", "Sở Công Thương", "Sở Tài chính", "Thuế tỉnh"],
    ),
    (  # ha-noi__79-2025-NQ-HDND: a name holding a comma is one item
        "- Các Bộ: Văn hóa, Thể thao và Du lịch, Tài chính, Tư pháp;",
        "Hà Nội",
        ["Bộ Văn hóa, Thể thao và Du lịch", "Bộ Tài chính", "Bộ Tư pháp"],
    ),
    (  # trung-uong__1500-QD-BHXH
        "- Các Bộ: YT, LĐ-TB&XH, TC, NV, QP, CA, TP;",
        None,
        ["Bộ Y tế", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài chính", "Bộ Nội vụ", "Bộ Quốc phòng",
         "Bộ Công an", "Bộ Tư pháp"],
    ),
    (  # ha-noi__79-2025-NQ-HDND: a code name under its head, its ministry after it
        "- Các Cục: C07 - BCA, Cục KTVB&QLXLVPHC - BTP;",
        "Hà Nội",
        ["Cục C07", "Bộ Công an", "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"],
    ),
    (  # trung-uong__3176-QD-BYT: units of a ministry by their abbreviations, two heads in one
        "- Các Vụ, Cục: KH-TC, PC, CSHT&TBYT, QLYDCT, QLD, QLKCB;",
        None,
        ["Vụ Kế hoạch - Tài chính", "Vụ Pháp chế", "Cục Cơ sở hạ tầng và Thiết bị y tế",
         "Cục Quản lý Y, Dược cổ truyền", "Cục Quản lý Dược", "Cục Quản lý Khám, chữa bệnh"],
    ),
    (  # trung-uong__634-TB-VPCP
        "- Các Tập đoàn: PVN, VNPT, Viettel; - VPCP: BTCN, các PCN, Cổng TTĐTCP, các Vụ: CN, KTTH, NN, TCCV, KGVX;",
        None,
        ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "Tập đoàn Bưu chính Viễn thông Việt Nam",
         "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Văn phòng Chính phủ", "Cổng Thông tin điện tử Chính phủ",
         "Vụ Công nghiệp", "Vụ Kinh tế tổng hợp", "Vụ Nông nghiệp", "Vụ Tổ chức công vụ", "Vụ Khoa giáo - Văn xã"],
    ),
    # the head word written once before several names (issue 8's example), and what is not such a list
    ("Giao Sở Nội vụ, Tài chính, Xây dựng phối hợp thực hiện", "Nghệ An", ["Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng"]),
    ("Sở Tài chính, xây dựng kế hoạch", "Nghệ An", ["Sở Tài chính"]),
    ("Sở Y tế, Công an tỉnh phối hợp", "Nghệ An", ["Sở Y tế", "Công an tỉnh"]),
    (  # trung-uong__1666-QD-BHXH: "Công an nhân dân" goes on with a name, it is no "Bộ Công an"
        "Giám đốc Bảo hiểm xã hội Bộ Quốc phòng, Công an nhân dân chịu trách nhiệm thi hành Quyết định này.",
        None,
        ["Bảo hiểm xã hội Bộ Quốc phòng"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "province", "names"), LISTS)
def test_lists_sharing_a_head_noun(text, province, names):
    assert [name for _, name, collective in _found(text, province) if not collective] == names


# Class 9: a body named in its post-2025 form is kept as that body, never an older or shorter one.
AS_WRITTEN = [
    (  # dong-nai__179-KH-UBND: the State Bank's regional branch, not "Ngân hàng Nhà nước - Chi nhánh Đồng Nai"
        "- **Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II:** Chủ trì, phối hợp triển khai các nhiệm vụ",
        "Đồng Nai",
        [("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II", "Ngân hàng Nhà nước - Chi nhánh Khu vực II", False)],
    ),
    (  # ho-chi-minh__2820-QD-UBND: the city-level military command under its own name
        "Công an Thành phố chủ trì phối hợp với Bộ Tư lệnh Thành phố và các đơn vị có liên quan",
        "Hồ Chí Minh",
        [("Công an Thành phố", "Công an thành phố", False), ("Bộ Tư lệnh Thành phố", "Bộ Tư lệnh Thành phố", False),
         ("các đơn vị có liên quan", "Các cơ quan, đơn vị liên quan", True)],
    ),
    (  # the same command named from another province keeps its city
        "Phối hợp với Bộ Tư lệnh Thành phố Hồ Chí Minh",
        "Đồng Nai",
        [("Bộ Tư lệnh Thành phố Hồ Chí Minh", "Bộ Tư lệnh Thành phố Hồ Chí Minh", False)],
    ),
    (  # quang-ngai__1627-QD-UBND: a generic name going on with a proper name is that body, not the generic one
        "+ Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi: hướng dẫn",
        "Quảng Ngãi",
        [("Sở Tài chính", "Sở Tài chính", False),
         ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi",
          "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", False)],
    ),
    ("Ban Quản lý Khu kinh tế thực hiện", "Quảng Ngãi", [("Ban Quản lý Khu kinh tế", "Ban Quản lý Khu kinh tế tỉnh", False)]),
    (  # quang-ngai__1627-QD-UBND, "Nơi nhận": the offices of three bodies, one head
        "- VP: Tỉnh ủy, HĐND tỉnh, Đoàn ĐBQH tỉnh;",
        "Quảng Ngãi",
        [("Tỉnh ủy", "Văn phòng Tỉnh ủy", False), ("HĐND tỉnh", "Văn phòng Hội đồng nhân dân tỉnh", False),
         ("Đoàn ĐBQH tỉnh", "Văn phòng Đoàn đại biểu Quốc hội tỉnh", False)],
    ),
    (  # lao-cai__6795-SNNMT-KS: the merged departments and the provincial tax office as written
        "- Các Sở, ngành: Xây dựng, Công Thương, Tài chính, Thuế tỉnh; gửi Sở Nông nghiệp và Môi trường",
        "Lào Cai",
        [("Xây dựng", "Sở Xây dựng", False), ("Công Thương", "Sở Công Thương", False),
         ("Tài chính", "Sở Tài chính", False), ("Thuế tỉnh", "Thuế tỉnh", False),
         ("Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường", False)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "province", "expected"), AS_WRITTEN)
def test_names_as_written_after_the_reorganisation(text, province, expected):
    assert _found(text, province) == expected


# Bodies a "Nơi nhận" list names in full are read there as in the body (trung-uong__3176-QD-BYT)
def test_recipients_name_bodies_no_list_knows():
    text = (
        "Nơi nhận:\n- Như Điều 4;\n- BHXH Bộ Quốc phòng;\n- BHXH Bộ Công an;\n"
        "- Hiệp hội Bệnh viện tư nhân Việt Nam;\n- Cổng Thông tin điện tử Bộ Y tế;\n- Lưu: VT, BH."
    )
    names = [m.agency.name for m in find_recipients(text)]
    assert names == [
        "Bảo hiểm xã hội Bộ Quốc phòng",
        "Bảo hiểm xã hội Bộ Công an",
        "Hiệp hội Bệnh viện tư nhân Việt Nam",
        "Cổng Thông tin điện tử Bộ Y tế",
    ]


# Comparison keys: the bodies read in their new form compare with their provincial counterparts
@pytest.mark.parametrize(
    ("text", "province", "function"),
    [
        ("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II chủ trì", "Đồng Nai", "state_bank_branch"),
        ("Ngân hàng Nhà nước - Chi nhánh Nghệ An chủ trì", "Hà Tĩnh", "state_bank_branch"),
        ("Kho bạc Nhà nước khu vực XI chủ trì", "Nghệ An", "state_treasury"),
        ("Kho bạc Nhà nước tỉnh chủ trì", "Quảng Ninh", "state_treasury"),
        ("Bộ Tư lệnh Thành phố chủ trì", "Hồ Chí Minh", "military_command"),
        ("Bộ Chỉ huy Quân sự tỉnh chủ trì", "Nghệ An", "military_command"),
        ("Thuế tỉnh chủ trì", "Lào Cai", "tax"),
    ],
)
def test_new_bodies_have_function_keys(text, province, function):
    (mention,) = find_agencies(text, province=province)
    assert function_of(mention.agency.name) == function


# Noise of PDF text layers and OCR makes no agency, and a stray figure does not stay in a name.
NOISE = [
    (  # lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf: a line the text layer scrambled
        "sát QLHC Cục Cảnhvề TTXH,  kiểmCục Đăng Nam) Việt bổ  dẫn, hướng đề nghị",
        "Lào Cai",
        [],
    ),
    (  # nghe-an__980-KH-UBND: a neighbouring cell's figure inside a table cell's name
        "Văn bản của Trưởng Ban Chỉ huy Phòng thủ dân 1 sự cấp tỉnh, cấp xã",
        "Nghệ An",
        [("Ban Chỉ huy Phòng thủ dân 1 sự cấp tỉnh", "Ban Chỉ huy Phòng thủ dân sự tỉnh", False)],
    ),
    (  # a number a name holds stays: "số 1", "khu vực 1"
        "Đội Kiểm lâm cơ động số 1 thuộc Chi cục Kiểm lâm; Trung tâm Y tế khu vực 1 huyện Đồng Phú",
        "Đồng Nai",
        [("Đội Kiểm lâm cơ động số 1 thuộc Chi cục Kiểm lâm", "Đội Kiểm lâm cơ động số 1 thuộc Chi cục Kiểm lâm", False),
         ("Trung tâm Y tế khu vực 1 huyện Đồng Phú", "Trung tâm Y tế khu vực 1 huyện Đồng Phú", False)],
    ),
    (  # ninh-binh__162-2025-QD-UBND: "thuộc Sở ..." locates a centre, it is no part of its name
        "Ví dụ: Trung tâm Chuyển đổi số và Truyền thông thuộc Sở Khoa học và Công nghệ có địa chỉ thư điện tử",
        "Ninh Bình",
        [("Trung tâm Chuyển đổi số và Truyền thông", "Trung tâm Chuyển đổi số và Truyền thông", False),
         ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", False)],
    ),
    (  # trung-uong__3176-QD-BYT: "các Cục thuộc Bộ Y tế" is a group, no "Cục thuộc Bộ Y tế"
        "Vụ trưởng Vụ Bảo hiểm y tế và Vụ trưởng các Vụ, Cục trưởng các Cục thuộc Bộ Y tế",
        None,
        [("Vụ Bảo hiểm y tế", "Vụ Bảo hiểm y tế", False), ("Bộ Y tế", "Bộ Y tế", False)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "province", "expected"), NOISE)
def test_noise_makes_no_agency(text, province, expected):
    assert _found(text, province) == expected


# Class 6: in a central document the issuer's units and national bodies are named alone.
CENTRAL = [
    (  # trung-uong__1500-QD-BHXH: a unit of the issuer, no level word, no parent
        "Xét đề nghị của Trưởng Ban Sổ - Thẻ, QUYẾT ĐỊNH:",
        [("Ban Sổ - Thẻ", "Ban Sổ - Thẻ", False)],
    ),
    (  # trung-uong__1666-QD-BHXH: a name joining two words with a comma
        "Trưởng Ban Quản lý Thu - Sổ, Thẻ, Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc",
        [("Ban Quản lý Thu - Sổ, Thẻ", "Ban Quản lý Thu - Sổ, Thẻ", False)],
    ),
    (  # trung-uong__2739-VPCP-DMDN, "Nơi nhận"
        "- Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp;",
        [("Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp", "Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp", False)],
    ),
    ("Giao Vụ Kinh tế ngành là cơ quan chủ trì", [("Vụ Kinh tế ngành", "Vụ Kinh tế ngành", False)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CENTRAL)
def test_units_alone_in_a_central_document(text, expected):
    assert [f for f in _found(text, None) if not f[2]] == expected


def test_in_a_province_a_unit_still_needs_its_level_or_parent():
    assert _found("Xét đề nghị của Trưởng Ban Sổ - Thẻ, QUYẾT ĐỊNH:", "Nghệ An") == []
    assert _found("Giao Vụ Kinh tế ngành là cơ quan chủ trì", "Nghệ An") == []


# A central issuer's office and inspectorate written short are named with the issuer.
ISSUER_UNITS = [
    (  # trung-uong__1500-QD-BHXH
        "Trưởng Ban Sổ - Thẻ, Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc Bảo hiểm xã hội Việt Nam",
        "Bảo hiểm xã hội Việt Nam",
        ["Văn phòng Bảo hiểm xã hội Việt Nam"],
    ),
    (  # trung-uong__3176-QD-BYT
        "Các Ông, Bà Chánh Văn phòng Bộ Y tế, Chánh Thanh tra Bộ, Vụ trưởng Vụ Bảo hiểm y tế",
        "Bộ Y tế",
        ["Thanh tra Bộ Y tế"],
    ),
    # no ministry issued it: which ministry's office, the text does not say
    ("Chánh Văn phòng Bộ, Thủ trưởng các đơn vị", "Thủ tướng Chính phủ", []),
]


@pytest.mark.parametrize(("text", "issuer", "names"), ISSUER_UNITS)
def test_a_central_issuers_units_written_short(text, issuer, names):
    taken = [(m.span_start, m.span_end) for m in find_agencies(text)]
    assert [m.agency.name for m in issuer_units(text, issuer, None, taken)] == names
    assert issuer_units(text, issuer, "Nghệ An", taken) == []  # a province's "Văn phòng" is read otherwise
