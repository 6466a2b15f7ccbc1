"""A charter's body written short: "Hội đồng", "Chủ tịch Hội đồng", "Văn phòng Hội đồng".

A charter ("Quy chế tổ chức và hoạt động", "Quy chế hoạt động", "Quy chế làm việc") of a council,
steering board or working group names its body in full in the title ("... của Hội đồng Y khoa Quốc
gia") and short in its articles: "Hội đồng tổ chức họp định kỳ ...", "Nhiệm vụ, quyền hạn của Chủ
tịch Hội đồng:", "Ủy viên Hội đồng làm báo cáo ...", "Trưởng ban Chỉ đạo", "thành viên Ban Chỉ đạo".
An officer of the body acts for it (a person's role refers to the body it heads, guide §2), so each
of these is a mention of the body; its office ("Văn phòng Hội đồng", "Chánh Văn phòng Hội đồng") is
a mention of the office, named with the body ("Văn phòng Hội đồng Y khoa Quốc gia").

Its units are named in full where the charter gives their duties, a name longer than the words a
name usually has: "5. Nhiệm vụ, quyền hạn của Ban Xây dựng Bộ công cụ đánh giá năng lực hành nghề
khám bệnh, chữa bệnh:" names the unit "Ban Xây dựng Bộ công cụ đánh giá năng lực hành nghề khám
bệnh, chữa bệnh", wherever the charter writes it.
"""

from __future__ import annotations

import re

from parsers.lexicon.matching import fold_key, slug
from parsers.models import Agency, AgencyMention

# The body a charter's title names: "Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia",
# "Ban hành Quy chế hoạt động của Ban Chỉ đạo các chương trình mục tiêu quốc gia thành phố Hà Nội",
# "Quy chế làm việc của Tổ công tác ..." (never a People's Council or Committee: their officers' titles
# name them in full, "Chủ tịch UBND tỉnh", and other readers know them)
CHARTER_TITLE = re.compile(
    r"\bQuy\s+chế\s+(?:tổ\s+chức\s+và\s+hoạt\s+động|tổ\s+chức,\s+hoạt\s+động|hoạt\s+động|làm\s+việc)\s+(?:của\s+)?"
    r"(?P<body>(?P<head>Hội\s+đồng|Ban\s+Chỉ\s+đạo|Ban\s+Điều\s+hành|Tổ\s+công\s+tác|Tổ\s+giúp\s+việc)"
    r"(?!\s+nhân\s+dân)\s+\S.*)$",
    re.I,
)
# The short name of each kind of body, as the articles write it (a title may be in capitals)
HEADS = {h.casefold(): h for h in ("Hội đồng", "Ban Chỉ đạo", "Ban Điều hành", "Tổ công tác", "Tổ giúp việc")}
# The officers of a body, written before its short name: "Chủ tịch", "Phó Chủ tịch Thường trực",
# "Ủy viên", "thành viên", "Trưởng ban", "Phó Trưởng ban", "Thường trực", "Lãnh đạo"
TITLE = (
    r"(?:(?:các|Các)\s+)?(?:(?:Phó\s+)?Chủ\s+tịch(?:\s+Thường\s+trực)?|Ủy\s+viên|Uỷ\s+viên|[Tt]hành\s+viên"
    r"|(?:Phó\s+)?Trưởng\s+[Bb]an|Tổ\s+(?:trưởng|phó)|Thường\s+trực|Lãnh\s+đạo)"
)
# several officers of the body at once: "Các Phó Chủ tịch và Ủy viên Hội đồng", "Chủ tịch, Phó Chủ tịch Hội đồng"
OFFICER = rf"(?:{TITLE}(?:\s*,\s*|\s+và\s+))*{TITLE}\s+"
OFFICE = r"(?:(?:Phó\s+)?Chánh\s+)?Văn\s+phòng\s+"
# Words that make the short name part of another body's name: "Hội đồng nhân dân", "Hội đồng thẩm định",
# "Hội đồng Dân tộc" (a capital), "Hội đồng quản trị"
OTHER_BODY_AFTER = re.compile(
    r"\s*(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]|nhân\s+dân|thẩm\s+định|quản\s+trị|bầu\s+cử|thi\s+đua|tư\s+vấn|khoa\s+học|"
    r"nghiệm\s+thu|xét|kỷ\s+luật|trường|chuyên\s+môn|giám\s+khảo)"
)


# A unit's duty heading: "6. Nhiệm vụ, quyền hạn của Ban Tổ chức kiểm tra đánh giá năng lực hành nghề khám
# bệnh, chữa bệnh:", "Nhiệm vụ của Tổ giúp việc Ban Chỉ đạo:" (the name runs to the colon at the line's end)
UNIT_HEADING = re.compile(
    r"^\W*(?:\d+\.\s*|Điều\s+\d+\.\s*)?Nhiệm\s+vụ(?:,?\s+(?:và\s+)?quyền\s+hạn)?\s+của\s+"
    r"(?P<name>(?:Ban|Tổ|Tiểu\s+ban)\s+[A-ZĐ][^:\n]{2,200}?)\s*:\s*$",
    re.M,
)


def charter_body(title: str | None) -> tuple[str, str] | None:
    """The body a charter's title names and the words that name it short, or None.

    >>> charter_body("Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia")
    ('Hội đồng Y khoa Quốc gia', 'Hội đồng')
    >>> charter_body("Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Lào Cai") is None
    True
    """
    m = CHARTER_TITLE.search(" ".join((title or "").split()))
    if m is None:
        return None
    body = m.group("body").strip(" .;,")
    return body[0].upper() + body[1:], HEADS[" ".join(m.group("head").split()).casefold()]


def charter_mentions(text: str, title: str | None, mentions: list[AgencyMention]) -> list[AgencyMention]:
    """The charter's body and its office where the text names them short, as mentions (never where
    one of ``mentions`` is; the body is the agency a mention of its full name has, where there is one).

    >>> title = "Ban hành Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia"
    >>> [(m.surface, m.agency.name) for m in charter_mentions("3. Chủ tịch Hội đồng chỉ đạo", title, [])]
    [('Chủ tịch Hội đồng', 'Hội đồng Y khoa Quốc gia')]
    """
    named = charter_body(title)
    if named is None:
        return []
    body, head = named
    words = [re.escape(w) for w in head.split()]
    first = f"[{words[0][0]}{words[0][0].lower()}]{words[0][1:]}"  # "Trưởng ban Chỉ đạo" as "Ban Chỉ đạo"
    short = re.compile(rf"(?<![\w/])(?:(?P<office>{OFFICE})|{OFFICER})?{first}" + "".join(rf"\s+{w}" for w in words[1:])
                       + r"(?!\w)")  # fmt: skip
    agencies = {False: _named(body, "council", mentions), True: _named(f"Văn phòng {body}", "office", mentions)}
    out = _titled(text, mentions, {agencies[False].id, agencies[True].id})
    taken = [(m.span_start, m.span_end) for m in mentions]
    for m in short.finditer(text):
        if OTHER_BODY_AFTER.match(text, m.end()) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        agency = agencies[bool(m.group("office"))]
        out.append(AgencyMention(span_start=m.start(), span_end=m.end(), agency=agency, surface=m.group(0),
                                 method="charter"))  # fmt: skip
    return out


def _named(name: str, kind: str, mentions: list[AgencyMention]) -> Agency:
    """The agency of a mention that names ``name`` in full, else a new one of that name."""
    key = fold_key(name)
    for m in mentions:
        if fold_key(m.agency.name) == key:
            return m.agency
    return Agency(id=slug(name), name=name, kind=kind)


def charter_units(text: str, title: str | None) -> list[AgencyMention]:
    """A charter's units named in full by their duty headings, at each place the text writes the name.

    >>> text = "6. Nhiệm vụ, quyền hạn của Ban Tổ chức kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh:"
    >>> [m.surface for m in charter_units(text, "Quy chế tổ chức và hoạt động của Hội đồng Y khoa Quốc gia")]
    ['Ban Tổ chức kiểm tra đánh giá năng lực hành nghề khám bệnh, chữa bệnh']
    """
    if charter_body(title) is None:
        return []
    names = {" ".join(m.group("name").split()) for m in UNIT_HEADING.finditer(text)}
    out = []
    for name in names:
        agency = Agency(id=slug(name), name=name, kind="unit")
        spelled = r"\s+".join(re.escape(w) for w in name.split())
        for m in re.finditer(rf"(?<!\w){spelled}(?!\w)", text):
            out.append(AgencyMention(span_start=m.start(), span_end=m.end(), agency=agency, surface=m.group(0),
                                     method="charter"))  # fmt: skip
    return out


# An officer's title before the body's or its office's full name: "Chánh Văn phòng Hội đồng Y khoa Quốc gia trình
# ...", "Chủ tịch và các Phó Chủ tịch Hội đồng Y khoa Quốc gia thảo luận ...", "Các thành viên Hội đồng Y khoa ..."
TITLE_BEFORE = re.compile(rf"(?:(?:Phó\s+)?Chánh\s+|{OFFICER})$")


def _titled(text: str, mentions: list[AgencyMention], ids: set[str]) -> list[AgencyMention]:
    """Mentions of the body or its office by full name, widened to the officer's title written before them
    (the mention a subject opens with; the narrower one gives way to it, see ``document_mentions``)."""
    out = []
    for m in mentions:
        if m.agency.id not in ids:
            continue
        title = TITLE_BEFORE.search(text, max(0, m.span_start - 80), m.span_start)
        if title is None or title.start() == m.span_start:
            continue
        out.append(m.model_copy(update={"span_start": title.start(), "surface": text[title.start() : m.span_end],
                                        "method": "charter"}))  # fmt: skip
    return out


# A regulation of a unit's functions names the unit in its title, as a charter names its body: "Ban hành
# Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Kiểm lâm thuộc Sở Nông nghiệp và Môi
# trường", "Về việc ban hành quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ", "Chức
# năng, nhiệm vụ, quyền hạn của Trung tâm Phục vụ hành chính công thành phố thuộc Văn phòng ..."; its duties
# article gives the unit's duties without naming it ("Điều 2. Nhiệm vụ và quyền hạn / 1. Tham mưu ...")
FUNCTIONS_TITLE = re.compile(
    r"\bchức\s+năng\s*,\s*nhiệm\s+vụ\s*(?:,|và)\s*quyền\s+hạn(?:\s*(?:,|và)\s*cơ\s+cấu\s+tổ\s+chức)?\s+của\s+"
    r"(?P<unit>\S.*)$",
    re.I,
)


def functions_unit(title: str | None, mentions: list[AgencyMention]) -> AgencyMention | None:
    """The first mention of the unit a functions regulation's title names, or None (not such a regulation,
    or a unit the text never names as an agency: "... của cơ quan chuyên môn về công thương" is a class).

    The unit's name is the longest agency name the title's words after "của" open with ("Chi cục Kiểm lâm
    thuộc Sở Nông nghiệp và Môi trường" -> "Chi cục Kiểm lâm"), or the name they are the start of.
    """
    m = FUNCTIONS_TITLE.search(" ".join((title or "").split()))
    if m is None:
        return None
    unit = fold_key(m.group("unit"))
    best: AgencyMention | None = None
    for mention in sorted(mentions, key=lambda x: x.span_start):
        name = fold_key(mention.agency.name)
        fits = unit == name or unit.startswith(name + " ") or name.startswith(unit + " ")
        if fits and (best is None or len(name) > len(fold_key(best.agency.name))):
            best = mention
    return best
