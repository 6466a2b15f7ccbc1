"""The province a central document is about, and its bodies the text names without the place.

A conclusion notice of the Government Office is titled after the province it concerns ("Kết luận
của Thủ tướng Chính phủ ... tại buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa", "... với lãnh
đạo tỉnh Phú Thọ"); its body then names that province's bodies short: "Đề nghị Thường trực Tỉnh
ủy tập trung lãnh đạo ...", "UBND tỉnh báo cáo ...". A central document has no province of its
own, so these are read as the bodies of the province of the title, with its name
("Tỉnh ủy Thanh Hóa"), as the text names them in full elsewhere.
"""

from __future__ import annotations

import re

from parsers.agencies.find import find_agencies, resolve_agency
from parsers.lexicon.places import find_province
from parsers.models import AgencyMention

# The title ends with a provincial body or the province: "... với Thường trực Tỉnh ủy Thanh Hóa",
# "... với lãnh đạo tỉnh Đắk Lắk", "... với Ban Thường vụ Thành ủy Hải Phòng"
TITLE_PLACE = re.compile(r"\b(?:tỉnh|thành\s+phố|tỉnh\s+ủy|thành\s+ủy)\s+(?P<place>[^\W\d][\w\s-]{1,30})$", re.I)
# The heads of a province that a notice addresses: party committee, People's Committee and Council
HEAD_KINDS = {"party", "people_committee", "people_council"}


def subject_province(title: str | None) -> str | None:
    """The province a title ends with, after a provincial body or "tỉnh"/"thành phố".

    >>> subject_province("Kết luận của Thủ tướng Chính phủ tại buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa")
    'Thanh Hóa'
    >>> subject_province("Kế hoạch triển khai Nghị quyết số 57-NQ/TW") is None
    True
    """
    m = TITLE_PLACE.search((title or "").strip(" ."))
    entry = find_province(m.group("place")) if m else None
    return entry["name"] if entry else None


def subject_mentions(text: str, place: str, taken: list[tuple[int, int]]) -> list[AgencyMention]:
    """The province's heads the text names without the place ("Thường trực Tỉnh ủy", "UBND
    tỉnh"), named with it, where no other mention is.

    >>> [m.agency.name for m in subject_mentions("Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo", "Thanh Hóa", [])]
    ['Tỉnh ủy Thanh Hóa']
    """
    out = []
    for m in find_agencies(text, province=place):
        if m.agency.kind not in HEAD_KINDS or m.agency.level != "province" or m.agency.collective:
            continue
        if any(s < m.span_end and m.span_start < e for s, e in taken):
            continue
        named = resolve_agency(f"{m.agency.name} {place}")
        if named is None or named.id == m.agency.id:
            continue
        out.append(m.model_copy(update={"agency": named, "method": "subject"}))
    return out
