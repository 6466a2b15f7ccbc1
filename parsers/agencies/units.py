"""A central body's own units named without it: "Chánh Văn phòng", "Chánh Thanh tra Bộ", "Văn phòng Bộ".

In a ministry's or a central agency's document its office and inspectorate are written short, the
issuer being understood: "Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc Bảo hiểm xã hội Việt
Nam" (Văn phòng Bảo hiểm xã hội Việt Nam), "Chánh Thanh tra Bộ" in a decision of the Bộ Y tế
(Thanh tra Bộ Y tế). Each is named in full, with the issuer.
"""

from __future__ import annotations

import re

from parsers.lexicon.matching import slug
from parsers.models import Agency, AgencyMention

# "Văn phòng", "Thanh tra Bộ", "Văn phòng Bộ" standing alone (before punctuation or the sentence's
# next words), capitalised as a body's name:   "Chánh Văn phòng, Thủ trưởng", "Chánh Thanh tra Bộ, Vụ trưởng"
SHORT_UNIT = re.compile(
    r"(?<![\w/])(?P<unit>Văn phòng|Thanh tra)(?P<bo>\s+Bộ)?(?=\s*[,;.:)]|\s+(?:và|có|chịu|chủ|phối|thực|theo)\b)"
)
KINDS = {"Văn phòng": "office", "Thanh tra": "inspectorate"}


def issuer_units(
    text: str, issuer: str | None, province: str | None, taken: list[tuple[int, int]]
) -> list[AgencyMention]:
    """The issuer's units the text names short, as mentions (never where another mention is).

    >>> text = "Chánh Văn phòng, Chánh Thanh tra Bộ chịu trách nhiệm"
    >>> [m.agency.name for m in issuer_units(text, "Bộ Y tế", None, [])]
    ['Văn phòng Bộ Y tế', 'Thanh tra Bộ Y tế']
    """
    if province or not issuer or issuer.startswith(("Thủ tướng", "Chính phủ", "Văn phòng", "Quốc hội")):
        return []
    out = []
    for m in SHORT_UNIT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if m.group("bo") and not issuer.startswith("Bộ "):
            continue  # "Văn phòng Bộ" in a document no ministry issued: which ministry, the text does not say
        name = f"{m.group('unit')} {issuer}"
        agency = Agency(id=slug(name), name=name, kind=KINDS[m.group("unit")], level="central")
        out.append(
            AgencyMention(span_start=m.start(), span_end=m.end(), agency=agency, surface=m.group(0), method="issuer")
        )
    return out
