"""Headers of PDF text layers and OCR (classes 2-4 of issue 8): issuer, type heading, signature.

Lines quoted from the shared corpus: Lào Cai 11/2026/QĐ-UBND (OCR of a scan), 16/2026/QĐ-UBND
and 6795/SNNMT-KS (PDF text layers in layout mode), the uỷ quyền decision's PDF text.
"""

from __future__ import annotations

import pytest

from parsers import parse_metadata
from parsers.metadata import DOC_TYPES
from parsers.sites import read_source
from parsers.sites._layout_text import layout_to_text
from parsers.text.clean import clean_text
from parsers.text.header_block import folded_type, issuer_text
from parsers.text.structure import split_paragraphs


@pytest.mark.parametrize(
    ("cells", "issuer"),
    [
        # OCR: both columns on one line, no gap between them
        (
            [
                "ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc",
                "Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026",
            ],
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        ),
        # a PDF's two columns read into one line, the motto between the issuer's two lines
        (
            [
                "UBND TỈNH LÀO CAI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                "Độc lập - Tự do - Hạnh Phúc",
                "Số: 6795 /SNNMT-KS V/v thực hiện các quy định của pháp luật",
            ],
            "UBND TỈNH LÀO CAI SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        ),
        # the issuer on its own line above the motto, a note above the header
        (
            ["[Bản dự thảo lần 2]", "BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1227/QĐ-BYT"],
            "BỘ Y TẾ",
        ),
        (["QD-11-2026-QD-UBND-Lao-Cai-OCR.pdf", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 11/2026/QĐ-UBND"], None),
        (["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"),
    ],
)
def test_the_issuer_is_left_of_the_motto_and_never_the_motto_or_a_note(cells, issuer):
    assert issuer_text(cells) == issuer


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("QUYÉT ĐỊNH", ("QUYẾT ĐỊNH", "")),  # OCR: É for Ế
        ("KÊ HOẠCH", ("KẾ HOẠCH", "")),
        ("QUYẾT ĐỊNH:", None),  # the enacting line, not a heading
        ("Quyết định này có hiệu lực", None),
    ],
)
def test_a_type_heading_misread_by_ocr_is_still_the_heading(line, expected):
    assert folded_type(line, DOC_TYPES) == expected


OCR_HEADER = (
    "ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "TỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
    "Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026\n"
    "QUYÉT ĐỊNH\n\n"
    "Ban hành Quy định một số nội dung về quản lý đầu tư\n"
    "và xây dựng trên địa bàn tỉnh Lào Cai\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
)


def test_an_ocr_header_gives_issuer_type_date_and_title():
    source = read_source("lao-cai__11-2026-QD-UBND.txt", OCR_HEADER.encode("utf-8"))
    meta, _ = parse_metadata(split_paragraphs(clean_text(source)), source.hints)
    assert meta.issuer == "Ủy ban nhân dân tỉnh Lào Cai" and meta.province == "Lào Cai"
    assert (meta.doc_type, meta.issue_date.isoformat()) == ("Quyết định", "2026-01-29")
    assert meta.title == "Ban hành Quy định một số nội dung về quản lý đầu tư và xây dựng trên địa bàn tỉnh Lào Cai"


LAID_OUT = """\
   ỦY BAN NHÂN DÂN                                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH LÀO CAI                                           Độc lập - Tự do - Hạnh phúc

    Số:/QĐ-UBND                                      Lào Cai, ngày     tháng 4 năm 2026

                                             QUYẾT ĐỊNH
                     Về việc ủy quyền cho Giám đốc Sở Công Thương
            thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh trong
              lĩnh vực an toàn vệ sinh lao động

                           ỦY BAN NHÂN DÂN TỈNH LÀO CAI

       Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;
       Điều 1. Ủy quyền cho Giám đốc Sở Công Thương thực hiện.
Nơi nhận:                                                                             TM. ỦY BAN NHÂN DÂN
- Như Điều 4;                                                                                      CHỦ TỊCH
 các PCT UBND tỉnh;- Chủ tịch,
- Lưu: VT, KT (Long).

                                                                           Nguyễn Tuấn Anh
                                                                                             PHỤ LỤC:
     DANH MỤC NHIỆM VỤ QUYỀN HẠN TRONG LĨNH VỰC AN TOÀN VỆ SINH LAO ĐỘNG
"""


def test_a_laid_out_signature_block_ends_at_the_appendix_and_the_title_is_one_paragraph():
    text = layout_to_text(LAID_OUT)
    assert "\tTM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Tuấn Anh\n" in text
    assert "\nPHỤ LỤC:\n" in text and "DANH MỤC NHIỆM VỤ" not in text.split("\t")[-1].split("\n")[0]
    source = read_source("qd.txt", LAID_OUT.encode("utf-8"))
    meta, _ = parse_metadata(split_paragraphs(clean_text(source)), source.hints)
    assert meta.title == (
        "Về việc ủy quyền cho Giám đốc Sở Công Thương thực hiện một số nhiệm vụ, quyền hạn của UBND tỉnh "
        "trong lĩnh vực an toàn vệ sinh lao động"
    )
    assert (meta.signer, meta.signer_title, meta.number) == ("Nguyễn Tuấn Anh", "Chủ tịch", "/QĐ-UBND")
