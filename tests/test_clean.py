"""Cleaning real captures into the normalised text: tables, wraps, emphasis, chrome, NFC."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.models import SourceText
from parsers.sites._markup import emphasis_to_paragraphs, strip_emphasis
from parsers.sites._pipe_tables import rebuild_tables
from parsers.text.clean import clean_text


def wrapped(text: str) -> str:
    return clean_text(SourceText(source="x.txt", site="text", text=text, hints={"layout": "wrapped"}))


# (raw capture lines, rows) — from nghe-an__980-KH-UBND.txt's appendix and header
TABLES = [
    (
        ["|", "**TT**", "|", "**Nội dung thực", "hiện**", "|", "**Cơ quan chủ trì**", "|", "|",
         "1", "|", "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh,", "cấp xã", "|", "Bộ CHQS tỉnh; UBND", "cấp xã", "|"],
        ["**TT**\t**Nội dung thực hiện**\t**Cơ quan chủ trì**",
         "1\tTổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã\tBộ CHQS tỉnh; UBND cấp xã"],
    ),
    (  # a group row between two task rows, and an empty last cell
        ["|", "TT", "|", "Nội dung", "|", "Chủ trì", "|", "Thời gian", "|", "|", "**I**", "|", "**KIỆN TOÀN**", "|", "|",
         "1", "|", "Rà soát", "|", "Sở Tài chính", "|", "|", "|", "2", "|", "Ban hành", "|", "Sở Y tế", "|", "2025", "|"],
        ["TT\tNội dung\tChủ trì\tThời gian", "**I**\t**KIỆN TOÀN**", "1\tRà soát\tSở Tài chính\t", "2\tBan hành\tSở Y tế\t2025"],
    ),
    (  # the header block: two columns, text after the table is not a cell
        ["|", "**ỦY BAN NHÂN DÂN**", "TỈNH NGHỆ AN", "-------", "|", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "|", "|",
         "Số: 980/KH-UBND", "|", "*Nghệ An, ngày 18", "tháng 11 năm 2025*", "|", "**KẾ HOẠCH**", "THỰC HIỆN"],
        ["**ỦY BAN NHÂN DÂN** TỈNH NGHỆ AN -------\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
         "Số: 980/KH-UBND\t*Nghệ An, ngày 18 tháng 11 năm 2025*"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("lines", "rows"), TABLES)
def test_pipe_tables_become_tab_separated_rows(lines, rows):
    out = [line for line in rebuild_tables(lines) if "\t" in line]
    assert out == rows


def test_text_after_a_table_stays_text():
    out = rebuild_tables(TABLES[2][0])
    assert out[-2:] == ["**KẾ HOẠCH**", "THỰC HIỆN"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # hard-wrapped sentence (can-tho__160-KH-UBND.txt)
        ("Căn cứ Thông tư số\n10/2022/TT-BLĐTBXH ngày 31 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương\nbinh và Xã hội;",
         "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31 tháng 5 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội;"),
        # bullets always open a paragraph (nghe-an__980-KH-UBND.txt)
        ("- Bảo đảm sự chỉ đạo, điều hành thống nhất của Ủy\nban nhân dân tỉnh;\n- Người đứng đầu cơ quan, tổ chức",
         "- Bảo đảm sự chỉ đạo, điều hành thống nhất của Ủy ban nhân dân tỉnh;\n- Người đứng đầu cơ quan, tổ chức"),
        # a sentence ends, the next starts in capitals: a new paragraph
        ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích",
         "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích"),
        # "dạy - học\n- thi": a compound wrapped before its dash, not a bullet (bac-ninh__144-KH-UBND.txt)
        ("b) Xây dựng Nền tảng dạy - học\n- thi trực tuyến, bảo đảm tính kết nối", "b) Xây dựng Nền tảng dạy - học - thi trực tuyến, bảo đảm tính kết nối"),
        # a bullet mark alone on its line after a finished sentence opens the next item
        # (ha-noi__5095-SGDDT-CTTTHSSV.txt, phu-tho__1805-QD-UBND.txt)
        ("- Hạn\nchế các hoạt động ngoài trời cho học sinh ... ở mức “Xấu” trở lên.\n-\nTrường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng",
         "- Hạn chế các hoạt động ngoài trời cho học sinh ... ở mức “Xấu” trở lên.\n- Trường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng"),
        ("1. Sở Khoa học và Công nghệ:\n-\nĐồng bộ đầy đủ, kịp thời dữ liệu thủ tục hành chính tại Quyết định này từ Cơ sở",
         "1. Sở Khoa học và Công nghệ:\n- Đồng bộ đầy đủ, kịp thời dữ liệu thủ tục hành chính tại Quyết định này từ Cơ sở"),
        # a label alone on its line is joined to its text (dak-lak__010-CT-UBND.txt)
        ("I.\n\nTrách nhiệm phối hợp trong công tác thẩm định", "I. Trách nhiệm phối hợp trong công tác thẩm định"),
        # capitals of a title block join; the title ends where the body starts
        ("PHÊ\nDUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA\nThực hiện Quyết định", "PHÊ DUYỆT KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA\nThực hiện Quyết định"),
        # page chrome and rules disappear
        ("Đang tải nội dung, vui lòng chờ giây lát...\nỦY BAN NHÂN DÂN\n-------\nSố: 350/QĐ-UBND", "ỦY BAN NHÂN DÂN\nSố: 350/QĐ-UBND"),
    ],
)  # fmt: skip
def test_wrapped_lines_rejoin_into_paragraphs(raw, expected):
    assert wrapped(raw) == expected


def test_text_is_nfc_whatever_the_input():
    decomposed = unicodedata.normalize("NFD", "Sở Kế hoạch và Đầu tư")
    assert wrapped(decomposed) == "Sở Kế hoạch và Đầu tư"


def test_paragraph_layout_keeps_lines():
    text = "Điều 1. Giao Sở Tài chính chủ trì\nĐiều 2. Quyết định có hiệu lực"
    source = SourceText(source="x.html", site="html", text=text, hints={"layout": "paragraphs"})
    assert clean_text(source) == text


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["**1. Mục đích**", "Xác định phạm vi, trách nhiệm"],
            ["", "1. Mục đích", "", "Xác định phạm vi, trách nhiệm"],
        ),
        # a heading wrapped inside one bold run is one line (issue 8: "**Điều 11.\nTrách nhiệm của ...**")
        (["**I. MỤC ĐÍCH,", "YÊU CẦU**", "1. Mục đích"], ["", "I. MỤC ĐÍCH, YÊU CẦU", "", "1. Mục đích"]),
        (["** **", "* *"], ["", ""]),
    ],
)
def test_bold_headings_become_their_own_paragraphs(lines, expected):
    assert emphasis_to_paragraphs(lines) == expected


def test_strip_emphasis():
    assert strip_emphasis("*(Kèm theo Kế hoạch số 980/KH-UBND)*") == "(Kèm theo Kế hoạch số 980/KH-UBND)"


@given(st.text(alphabet=st.sampled_from(list("ab |*-\n\t1.:Sở ĐđệỦ")), max_size=300))
def test_cleaning_never_raises(text):
    out = wrapped(text)
    assert out == unicodedata.normalize("NFC", out)
