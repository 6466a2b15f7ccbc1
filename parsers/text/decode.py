"""Bytes of a saved input -> text: the encoding is detected, never assumed.

Vietnamese files come as UTF-8 (with or without a BOM), UTF-16 (Word's "Unicode text",
often with no BOM) or Windows-1258, the Vietnamese codepage, which writes tone marks as
separate combining characters ("Quye\u0302\u0301t" -> NFC "Quyết"). The result is always NFC
with "\\n" line ends.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Byte order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A charset the file declares itself: <meta charset="windows-1258">,
# <meta http-equiv="Content-Type" content="text/html; charset=utf-8">, <?xml encoding="...">
DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{3,40})""", re.I)
# Letters only Vietnamese uses (after NFC): "ắ", "ộ", "ư", "đ", "Ễ" ...
VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# UTF-8 read as Windows-1252: "Quyáº¿t Ä‘á»‹nh" is "Quyết định" decoded twice.
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf]|áº|á»|Ä[‘\u0090]|Æ°|Æ¡")
# Control characters that never occur in text (tab, newlines and form feed excepted).
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as zero bytes on one side of most code units."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) / 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return _strict(data[: len(data) - len(data) % 2], "utf-16-le")
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return _strict(data[: len(data) - len(data) % 2], "utf-16-be")
    return None


def _looks_vietnamese(text: str) -> bool:
    """Most non-ASCII letters of the text are Vietnamese ones (punctuation aside)."""
    nfc = unicodedata.normalize("NFC", text)
    foreign = [c for c in nfc if ord(c) > 127 and c.isalpha()]
    if not foreign:
        return True
    return len(VIETNAMESE_LETTER.findall(nfc)) / len(foreign) > 0.8


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 (or Latin-1) and saved again as UTF-8."""
    if len(MOJIBAKE.findall(text)) < 3:
        return text
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 255:  # a character no single-byte reading produces: not mojibake
                return text
            raw.append(ord(char))  # bytes Windows-1252 leaves undefined pass through as U+0081...
    fixed = _strict(bytes(raw), "utf-8")
    if fixed is not None and len(VIETNAMESE_LETTER.findall(fixed)) > len(VIETNAMESE_LETTER.findall(text)):
        return fixed
    return text


def _detect(data: bytes) -> tuple[str | None, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec), codec
    text = _utf16_without_bom(data)
    if text is not None:
        return text, "utf-16"
    text = _strict(data, "utf-8")
    if text is not None:
        return _repair_mojibake(text), "utf-8"
    declared = DECLARED_CHARSET.search(data[:4096])
    if declared:
        codec = declared.group(1).decode("ascii").lower()
        text = _strict(data, codec)
        if text is not None and not codec.startswith("utf"):
            return text, codec
    text = _strict(data, "cp1258")
    if text is not None and _looks_vietnamese(text):
        return text, "cp1258"
    from charset_normalizer import from_bytes  # loaded only for files nothing above could read

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return None, "unknown"


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a file's bytes whatever their encoding; NFC text with "\\n" line ends.

    >>> decode_bytes("Quyết định số 350/QĐ-UBND".encode("utf-16"), "qd.txt")
    'Quyết định số 350/QĐ-UBND'
    """
    if not data:
        return ""
    text, codec = _detect(data)
    if text is None:
        raise ValueError(f"{name}: cannot detect the text encoding (not UTF-8, UTF-16 or Windows-1258)")
    if len(BINARY_CONTROL.findall(text[:10000])) > 10:
        raise ValueError(f"{name}: binary data, not text (decoded as {codec} it holds control characters)")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
