"""Crawler-flattened text (class 1 of issue 8): header, signature and article prefixes unflattened.

The quoted lines are real: crawler captures of central decisions and letters in the shared
corpus (Quyết định 05/2025/QĐ-TTg, 1500/QĐ-BHXH, 1666/QĐ-BHXH, 3176/QĐ-BYT, Công văn
2739/VPCP-ĐMDN, Quyết định 1227/QĐ-BYT).
"""

from __future__ import annotations

import pytest

from parsers import parse_metadata
from parsers.sites import read_source
from parsers.sites.crawler_text import _signature_parts, _split_authority, matches, unflatten
from parsers.text.clean import clean_text
from parsers.text.structure import split_paragraphs

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------"

# (file name, flattened text, the nine metadata fields)
DOCUMENTS = [
    (
        "trung-uong__05-2025-QD-TTg.txt",
        f"Quyết định 05/2025/QĐ-TTg. THỦ TƯỚNG CHÍNH PHỦ ------- {MOTTO}\n"
        "Số: 05/2025/QĐ-TTg\n"
        "Hà Nội, ngày 27 tháng 02 năm 2025 \n"
        "QUYẾT ĐỊNH \n"
        "BAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA HỘI ĐỒNG Y KHOA QUỐC GIA\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Theo đề nghị của Bộ trưởng Bộ Y tế;\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia.\n"
        "Nơi nhận:\n- Lưu: VT, KGVX(2).\n"
        "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Lê Thành Long QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA HỘI ĐỒNG Y KHOA QUỐC GIA "
        "(Ban hành kèm theo Quyết định số 05/2025/QĐ-TTg ngày 27 tháng 02 năm 2025 của Thủ tướng Chính phủ)\n\n"
        "Quyết định 05/2025/QĐ-TTg. Chương I TỔ CHỨC VÀ HOẠT ĐỘNG\n"
        "Điều 1. Vị trí pháp lý\n",
        {
            "number": "05/2025/QĐ-TTg",
            "type_code": "QĐ",
            "doc_type": "Quyết định",
            "issuer": "Thủ tướng Chính phủ",
            "province": None,
            "issue_date": "2025-02-27",
            "title": "Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia",
            "signer": "Lê Thành Long",
            "signer_title": "Phó Thủ tướng",
        },
    ),
    (
        "trung-uong__1666-QD-BHXH.txt",
        "Quyết định 1666/QĐ-BHXH năm 2020 về mẫu thẻ bảo hiểm y tế do Bảo hiểm xã hội Việt Nam ban hành. "
        f"BẢO HIỂM XÃ HỘI VIỆT NAM ---------\n{MOTTO}\n"
        "Số:\n1666/QĐ-BHXH\n"
        "Hà Nội, ngày 03 tháng 12 năm 2020 QUYẾT ĐỊNH BAN HÀNH MẪU THẺ BẢO HIỂM Y TẾ TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI "
        "VIỆT NAM\n"
        "Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008;\n"
        "Quyết định 1666/QĐ-BHXH năm 2020 về mẫu thẻ bảo hiểm y tế do Bảo hiểm xã hội Việt Nam ban hành. "
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế.\n"
        "Nơi nhận:\n- Lưu: VT, CSYT (2b).\n"
        "TỔNG GIÁM ĐỐC Nguyễn Thế Mạnh\n",
        {
            "number": "1666/QĐ-BHXH",
            "type_code": "QĐ",
            "doc_type": "Quyết định",
            "issuer": "Bảo hiểm xã hội Việt Nam",
            "province": None,
            "issue_date": "2020-12-03",
            "title": "Ban hành mẫu thẻ bảo hiểm y tế",
            "signer": "Nguyễn Thế Mạnh",
            "signer_title": "Tổng giám đốc",
        },
    ),
    (
        "trung-uong__2739-VPCP-DMDN.txt",
        "Công văn 2739/VPCP-ĐMDN năm 2019 quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực "
        "thi do Văn phòng Chính phủ ban hành. VĂN PHÒNG CHÍNH PHỦ \n"
        f"{MOTTO}\n"
        "Số: 2739/VPCP-ĐMDN V/v quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi\n"
        "Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.\n"
        "Về nội dung nêu trên, Thủ tướng Chính phủ giao Bộ Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao, "
        "nghiên cứu, có giải pháp phù hợp.\n"
        "Nơi nhận:\n- Như trên;\n"
        "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng\n",
        {
            "number": "2739/VPCP-ĐMDN",
            "type_code": "",
            "doc_type": "Công văn",
            "issuer": "Văn phòng Chính phủ",
            "province": None,
            "issue_date": "2019-04-05",
            "title": "quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi",
            "signer": "Mai Tiến Dũng",
            "signer_title": "Bộ trưởng, Chủ nhiệm",
        },
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_metadata_field_comes_out_of_a_flattened_header(name, text, expected):
    source = read_source(name, text.encode("utf-8"))
    assert source.site == "crawler_text"
    meta, _ = parse_metadata(split_paragraphs(clean_text(source)), source.hints)
    assert meta.model_dump(mode="json") == expected


def test_the_page_name_before_each_article_is_dropped():
    text = unflatten(DOCUMENTS[0][1])
    assert "\nChương I TỔ CHỨC VÀ HOẠT ĐỘNG\n" in text
    assert text.count("Quyết định 05/2025/QĐ-TTg.") == 0


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Tri Thức", ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Tri Thức"]),
        ("TỔNG GIÁM ĐỐC Nguyễn Thị Minh ", ["TỔNG GIÁM ĐỐC", "Nguyễn Thị Minh"]),
        (
            "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Lê Thành Long QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG",
            ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Lê Thành Long", "", "QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG"],
        ),
        (
            "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng",
            ["- Lưu: VT, ĐMDN (2b). Trung Anh", "BỘ TRƯỞNG, CHỦ NHIỆM", "Mai Tiến Dũng"],
        ),
        # a sentence that ends with a capitalised name is not a signature
        ("Giao Bộ Y tế chủ trì, phối hợp với Bảo hiểm Xã hội", ["Giao Bộ Y tế chủ trì, phối hợp với Bảo hiểm Xã hội"]),
    ],
)
def test_one_line_signature_blocks_are_split(line, parts):
    assert _signature_parts(line) == parts


@pytest.mark.parametrize(
    ("title", "issuer", "split"),
    [
        (
            "SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 4750/QĐ-BYT NGÀY 29/12/2023 CỦA BỘ TRƯỞNG BỘ Y TẾ SỬA ĐỔI, BỔ SUNG "
            "QUYẾT ĐỊNH SỐ 130/QĐ-BYT CÁC CHẾ ĐỘ LIÊN QUAN BỘ TRƯỞNG BỘ Y TẾ",
            "BỘ Y TẾ",
            (
                "SỬA ĐỔI, BỔ SUNG QUYẾT ĐỊNH SỐ 4750/QĐ-BYT NGÀY 29/12/2023 CỦA BỘ TRƯỞNG BỘ Y TẾ SỬA ĐỔI, BỔ SUNG "
                "QUYẾT ĐỊNH SỐ 130/QĐ-BYT CÁC CHẾ ĐỘ LIÊN QUAN",
                "BỘ TRƯỞNG BỘ Y TẾ",
            ),
        ),
        (
            "BAN HÀNH MẪU THẺ BẢO HIỂM Y TẾ TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM",
            "BẢO HIỂM XÃ HỘI VIỆT NAM",
            ("BAN HÀNH MẪU THẺ BẢO HIỂM Y TẾ", "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM"),
        ),
        ("BAN HÀNH QUY CHẾ TỔ CHỨC", "THỦ TƯỚNG CHÍNH PHỦ", ("BAN HÀNH QUY CHẾ TỔ CHỨC", "")),
    ],
)
def test_the_enacting_authority_is_cut_off_the_title(title, issuer, split):
    assert _split_authority(title, issuer) == split


@pytest.mark.parametrize(
    ("first_line", "crawled"),
    [
        ("Quyết định 1227/QĐ-BYT năm 2025. BỘ Y TẾ -------", True),
        ("Công văn 2739/VPCP-ĐMDN năm 2019 quy định về quản trị doanh nghiệp. VĂN PHÒNG CHÍNH PHỦ ", True),
        ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
        ("Quyết định này có hiệu lực kể từ ngày ký.", False),
    ],
)
def test_only_crawler_text_is_read_as_such(first_line, crawled):
    assert matches("x.txt", (first_line + "\nSố: 1/QĐ-UBND\n").encode("utf-8")) is crawled
