"""decode_bytes: the same Vietnamese text, encoded every way files come, reads back the same (NFC)."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.text.decode import decode_bytes

# From Hà Nội 308/KH-UBND and Đắk Lắk 0130/KH-UBND: every tone mark and vowel form occurs.
TEXT = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n"
    "Số: 308/KH-UBND\n"
    "Thực hiện Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ ban hành Kế hoạch hành động "
    "của Chính phủ về thúc đẩy tạo lập dữ liệu phục vụ chuyển đổi số toàn diện;\n"
    "Sở Y tế chủ trì, phối hợp với UBND các xã, phường khắc phục môi trường sau lụt bão trên địa bàn "
    "tỉnh Đắk Lắk; Ưu tiên ổn định đời sống nhân dân, bảo đảm nước sạch, vệ sinh; Quảng Ngãi, "
    "Thừa Thiên Huế, Bà Rịa - Vũng Tàu."
)
VIETNAMESE_BASES = "\u0302\u0306\u031b"  # circumflex, breve, horn: part of the letter in Windows-1258


def windows_1258(text: str) -> bytes:
    """Encode as Vietnamese Windows does: base letters precomposed, tone marks combining."""
    out = []
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", decomposed[0] + "".join(m for m in decomposed[1:] if m in VIETNAMESE_BASES))
        out.append(base + "".join(m for m in decomposed[1:] if m not in VIETNAMESE_BASES))
    return "".join(out).encode("cp1258")


def mojibake(text: str) -> bytes:
    """UTF-8 bytes read as Windows-1252 and saved again as UTF-8."""
    chars = []
    for byte in text.encode("utf-8"):
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars).encode("utf-8")


ENCODED = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": TEXT.encode("utf-8-sig"),
    "utf-8 NFD (macOS)": unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-16 LE without BOM": TEXT.encode("utf-16-le"),
    "utf-16 BE without BOM": TEXT.encode("utf-16-be"),
    "utf-32 with BOM": TEXT.encode("utf-32"),
    "windows-1258": windows_1258(TEXT),
    "utf-8 with CRLF": TEXT.replace("\n", "\r\n").encode("utf-8"),
    "utf-8 read as windows-1252": mojibake(TEXT),
}


def test_windows_1258_really_uses_combining_tone_marks():
    # "Số" is written S + ô + U+0301 (0xEC): the reader must compose it again
    assert windows_1258("Số") == b"S\xf4\xec"
    assert b"\xd0" in windows_1258("Đắk Lắk")  # Đ


@pytest.mark.parametrize("encoding", ENCODED, ids=list(ENCODED))
def test_same_text_every_encoding(encoding):
    assert decode_bytes(ENCODED[encoding], f"qd.{encoding}.txt") == TEXT


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # an HTML page that declares its codepage
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' + windows_1258("Số: 308"),
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">Số: 308',
        ),
        (b"", ""),
        ("Quyết định".encode() + b"\r" + "Điều 1".encode(), "Quyết định\nĐiều 1"),
    ],
)
def test_declared_charsets_empty_files_and_line_ends(data, expected):
    assert decode_bytes(data, "x.html") == expected


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" * 20,
        bytes(range(256)) * 4,
    ],
    ids=["png", "all bytes"],
)
def test_binary_data_is_refused_naming_the_file(data):
    with pytest.raises(ValueError, match=r"^anh-scan\.png: "):
        decode_bytes(data, "anh-scan.png")


@given(st.text(alphabet=st.sampled_from(sorted(set(TEXT))), max_size=300))
def test_any_vietnamese_text_round_trips_in_utf8_and_utf16(text):
    expected = unicodedata.normalize("NFC", text)
    assert decode_bytes(text.encode("utf-8"), "a.txt") == expected
    assert decode_bytes(text.encode("utf-16"), "a.txt") == expected
