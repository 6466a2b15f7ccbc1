"""The issuing body a document's header names: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN".

The header writes it in capitals, often as a parent and a child ("UBND THÀNH PHỐ HÀ NỘI / SỞ
GIÁO DỤC VÀ ĐÀO TẠO"); a child body is named as the reference data names it.
"""

from __future__ import annotations

import re

from parsers.agencies.find import resolve_agency
from parsers.lexicon.casing import sentence_case
from parsers.lexicon.places import find_province
from parsers.lexicon.vietnamese import LOWER, UPPER, is_caps, title_case

MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do", re.I)
# Expansions of issuer bodies as written in the header (upper case) -> sentence case.
ISSUER_PREFIXES = [
    (re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b|^UBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\b|^HĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"^THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ\b"), "Thủ tướng Chính phủ"),
    (re.compile(r"^VĂN\s+PHÒNG\s+CHÍNH\s+PHỦ\b"), "Văn phòng Chính phủ"),
    (re.compile(r"^CHÍNH\s+PHỦ\b"), "Chính phủ"),
    (re.compile(r"^QUỐC\s+HỘI\b"), "Quốc hội"),
]
# "UBND THÀNH PHỐ HÀ NỘI SỞ ..." -> "HÀ NỘI SỞ ..." (the province name is then read from its start)
PLACE_IN_HEADER = re.compile(rf"\b(?:TỈNH|THÀNH\s+PHỐ|TP\.?)\s+(?P<place>[{UPPER}][^{LOWER}]*)")
PLACE_WORD = re.compile(r"^(?P<word>TỈNH|THÀNH\s+PHỐ|TP\.?|HUYỆN|XÃ|PHƯỜNG|QUẬN|THỊ\s+XÃ)\s+(?P<place>.+)$")
PARENT_BODY = re.compile(
    r"^(?P<parent>(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND)(?:\s+(?:TỈNH|THÀNH\s+PHỐ|TP\.?)\s+.+?)?|BỘ\s+.+?|CỤC\s+THUẾ)"
    r"\s+(?P<child>SỞ|BAN|CỤC|TRUNG\s+TÂM|VĂN\s+PHÒNG|CHI\s+CỤC|THUẾ(?=\s+(?:TỈNH|THÀNH\s+PHỐ)\s))\s"
)  # "CỤC THUẾ / THUẾ TỈNH TÂY NINH": the provincial tax office under the national one (since 2025)


def read_issuer(cell: str) -> tuple[str | None, str | None]:
    """Issuer and province from the header's first cell: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN".

    A department under a People's Committee ("UBND THÀNH PHỐ HÀ NỘI / SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    is the issuer, with the place of the committee above it.

    >>> read_issuer("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    ('Ủy ban nhân dân tỉnh Nghệ An', 'Nghệ An')
    >>> read_issuer("UBND THÀNH PHỐ HÀ NỘI SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    ('Sở Giáo dục và Đào tạo thành phố Hà Nội', 'Hà Nội')
    """
    text = re.sub(r"\s+", " ", MOTTO.split(cell)[0]).strip(" -_")
    if not text:
        return None, None
    place = PLACE_IN_HEADER.search(text)
    province_entry = find_province(place["place"]) if place else find_province(text)
    province = province_entry["name"] if province_entry else None
    child = PARENT_BODY.match(text)
    if child:
        body = text[child.start("child") :]
        agency = resolve_agency(body, province=province)
        name = agency.name if agency else sentence_case(body)
        if province_entry and place:
            word = "thành phố" if province_entry["city"] else "tỉnh"
            # "Thuế tỉnh" + "Tây Ninh", not "Thuế tỉnh tỉnh Tây Ninh"
            return f"{name} {province}" if name.endswith(word) else f"{name} {word} {province}", province
        return name, province
    for pattern, expansion in ISSUER_PREFIXES:
        m = pattern.match(text)
        if m:
            rest = text[m.end() :].strip()
            where = PLACE_WORD.match(rest)
            if where:
                word = "thành phố" if where["word"].startswith("T") and where["word"] != "TỈNH" else None
                word = word or where["word"].lower()
                rest = f"{word} {title_case(where['place'])}"
            elif rest:
                rest = title_case(rest)
            return f"{expansion} {rest}".strip(), province
    agency = resolve_agency(text, province=province)
    if agency and not agency.collective:
        return agency.name, province
    return (sentence_case(text) if is_caps(text) else text), province
