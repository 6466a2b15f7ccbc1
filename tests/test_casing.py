"""Titles recased to sentence case keep names and acronyms as the body writes them.

Titles and body lines quoted from the shared corpus (Nghệ An 987/KH-UBND, Bắc Ninh
1490/QĐ-UBND, Cần Thơ 2533/QĐ-UBND, Bộ Y tế 3176/QĐ-BYT, Thủ tướng 05/2025/QĐ-TTg).
"""

from __future__ import annotations

import pytest

from parsers.lexicon.casing import sentence_case

CASES = [
    (
        "PHÁT TRIỂN HỆ THỐNG SÓNG VIỄN THÔNG 5G, INTERNET VẠN VẬT (IOT) TẠI CÁC KHU CÔNG NGHIỆP",
        "ban hành Kế hoạch phát triển hệ thống sóng viễn thông 5G, Internet vạn vật\n"
        "(IoT) tại các Khu công nghiệp trên địa bàn tỉnh giai đoạn 2026 - 2030",
        "Phát triển hệ thống sóng viễn thông 5G, Internet vạn vật (IoT) tại các Khu công nghiệp",
    ),
    (
        "VỀ VIỆC PHÊ DUYỆT QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN QUYẾT ĐỊNH CỦA UBND TỈNH",
        "Căn cứ Quyết định số 1490/QĐ-UBND; Vụ Pháp chế Bộ Nội vụ hướng dẫn.\n"
        "Phê duyệt kèm theo Quyết định này quy trình nội bộ giải quyết thủ tục hành chính thuộc thẩm quyền "
        "quyết định của UBND tỉnh.",
        "Về việc phê duyệt quy trình nội bộ giải quyết thủ tục hành chính thuộc thẩm quyền quyết định của UBND tỉnh",
    ),
    (
        "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC TƯ PHÁP THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP",
        "Quyết định này có hiệu lực. Giám đốc Sở Tư pháp chịu trách nhiệm giải quyết thủ tục hành chính.",
        "Về việc công bố thủ tục hành chính lĩnh vực Tư pháp thuộc thẩm quyền giải quyết của Sở Tư pháp",
    ),
    (
        "QUY ĐỊNH CHUẨN DỮ LIỆU PHỤC VỤ VIỆC QUẢN LÝ, GIÁM ĐỊNH, THANH TOÁN CỦA BỘ TRƯỞNG BỘ Y TẾ",
        "Căn cứ Nghị định quy định chức năng của Bộ Y tế;\nTheo đề nghị của Vụ trưởng Vụ Bảo hiểm y tế;\n"
        "Giám đốc Bảo hiểm xã hội Việt Nam; phục vụ việc quản lý, giám định, thanh toán chi phí.",
        "Quy định chuẩn dữ liệu phục vụ việc quản lý, giám định, thanh toán của Bộ trưởng Bộ Y tế",
    ),
    (
        "BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA HỘI ĐỒNG Y KHOA QUỐC GIA",
        "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA HỘI ĐỒNG Y KHOA QUỐC GIA\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia.",
        "Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia",
    ),
    ("TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM", "", "Triển khai thi hành luật việc làm"),
    ("Already in sentence case", "", "Already in sentence case"),
]


@pytest.mark.parametrize(("title", "body", "expected"), CASES, ids=[c[2][:40] for c in CASES])
def test_sentence_case_keeps_names_and_acronyms(title, body, expected):
    assert sentence_case(title, body) == expected
