"""The bodies a letter (Công văn) is addressed to: "Kính gửi: Công ty cổ phần ...".

A letter's requests ("đề nghị Quý Công ty ...", "đề nghị ông/bà ...") are addressed to the bodies
named after "Kính gửi:", so they lead the items that name no other lead. Only a letter with a
few specific addressees has them: "Kính gửi: các sở, ban, ngành" names a group, which leads
nothing in particular.
"""

from __future__ import annotations

import re

from parsers.models import AgencyMention, Metadata

LETTER_TYPES = {"công văn"}
# "Kính gửi:", "**Kính gửi:**", then the addressees on the same line or as bullets on the lines below
# (web captures put a table pipe between): "Kính gửi:**\n|\n- Sở Nông nghiệp và Môi trường;"
ADDRESSED = re.compile(
    r"Kính\s+gửi\s*:[ \t*]*(?:(?P<line>[^\n]*\w[^\n]*)|(?P<list>(?:\n[ \t|]*(?:[-–+•][^\n]*)?)+))", re.I
)
MAX_ADDRESSEES = 3
HEAD_WINDOW = 3000  # the line comes before the letter's body


def addressees(text: str, mentions: list[AgencyMention], metadata: Metadata) -> list[AgencyMention]:
    """The specific bodies a letter's "Kính gửi:" line names, or none when it is no letter,
    names a group or more than a few bodies.

    >>> from parsers.agencies.find import find_agencies
    >>> text = "Số: 2739/VPCP-ĐMDN\\nKính gửi: Bộ Kế hoạch và Đầu tư.\\nThủ tướng giao ..."
    >>> [m.agency.name for m in addressees(text, find_agencies(text), Metadata(doc_type="Công văn"))]
    ['Bộ Kế hoạch và Đầu tư']
    """
    if (metadata.doc_type or "").casefold() not in LETTER_TYPES:
        return []
    m = ADDRESSED.search(text, 0, HEAD_WINDOW)
    if m is None:
        return []
    start, end = m.span("line") if m.group("line") else m.span("list")
    named = [x for x in mentions if start <= x.span_start < end and not _in_parentheses(text, start, x.span_start)]
    if not named or len(named) > MAX_ADDRESSEES or any(x.agency.collective for x in named):
        return []
    return named


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    """ "(Địa chỉ: Khu công nghiệp Tằng Loỏng, Xã Tằng Loỏng)": an address, not an addressee."""
    before = text[start:pos]
    return before.count("(") > before.count(")")
