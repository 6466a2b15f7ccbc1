"""Documents a text cites: numbers in their written variants, their dates, issuers, relation.

Relations (extraction guide §5): ``basis`` for a "Căn cứ ..." line, ``implements`` for the
document this one carries out ("Thực hiện Quyết định số ..." before the first section, or a
number in a title such as "Kế hoạch triển khai ... Quyết định số ..."), ``mentions`` otherwise.
One citation per cited document: the strongest relation wins, the first place it is cited
gives the span.
"""

from __future__ import annotations

import re

from parsers.lexicon.document_types import alternation
from parsers.lexicon.vietnamese import UPPER, is_caps, parse_written_date
from parsers.models import Citation, Relation
from parsers.text.structure import Paragraph

# A document number as written:
#   "350/QĐ-UBND", "2360/QĐ- TTg", "278/2025/NĐ-CP", "1264/NQ-UBTVQH14", "66.4/2025/NQ-CP",
#   "57-NQ/TW", "03-QĐ/BCĐ", "6676/BYT-CDS", "92/2009/TT- BTC", "10/2022/TT-BLĐTBXH", "01/CV-01"
DOCUMENT_NUMBER = re.compile(
    r"""(?<![\w:./-])
    (?P<number>
        \d{1,5}(?:[.,]\d{1,3})?
        (?:
            \s?/\s?(?:(?:19|20)\d{2}\s?/\s?)?[A-ZĐ][A-Za-zĐđ&]*\d*(?:\s?-\s?[A-ZĐ][A-Za-zĐđ&]*\d*)*
            (?:-\d{1,4}(?!\d|[.,]\d))?  # a company's own numbering: "01/CV-01"
          | -\s?[A-ZĐ][A-Za-zĐđ]*\s?/\s?[A-ZĐ][A-Za-zĐđ]*\d*(?:-[A-ZĐ][A-Za-zĐđ]*)?
        )
    )
    (?![\w/])""",
    re.X,
)
# The kind of document named before a number: "Quyết định số", "Nghị quyết liên tịch số", "Văn bản số"
DOC_KIND = re.compile(r"(?P<kind>" + alternation("cited") + r")(?:\s+(?:số|sô))?\s*$", re.I)
# What follows a number: ", ngày 27/4/2021", "ngày 09 tháng 9 năm 2021" then "của Hội đồng Vùng ..."
DATE_AFTER = re.compile(r"^\s*,?\s*(?:được\s+ban\s+hành\s+)?ngày\s+\d")
ISSUER_AFTER = re.compile(
    r"^\s*,?\s*của\s+(?P<issuer>.+?)(?=\s+(?:về|về\s+việc|ban\s+hành|quy\s+định|phê\s+duyệt|hướng\s+dẫn|sửa\s+đổi|"
    r"triển\s+khai|thực\s+hiện|V/v|tại|đã|đến|và\s+(?:Quyết|Nghị|Chỉ|Kế|Thông|Công|Văn|Luật))\b|[,;:(\"“]|\.\s|$)"
)
# A law cited by name: "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
LAW_NAME = re.compile(
    r"""(?<![\w])(?P<title>(?:Bộ\s+luật|Luật)\s+(?!số\b)["""
    + UPPER
    + r"""][\wĐđ]*(?:\s+(?!ngày\b|số\b|năm\b|và\b|của\b|
        được\b|đã\b|này\b|hiện\s+hành\b|theo\b|tại\b|về\b|trên\b|để\b|với\b|thì\b)[\wĐđ-]+){0,9})""",
    re.X,
)
# A line that goes on listing documents: "Công văn số 6676/BYT-CDS ngày ... của Bộ Y tế."
LISTED_DOCUMENT = re.compile(r"^\W*(?:" + alternation("listed") + r")\s+(?:số\s+)?\d")
PREAMBLE_IMPLEMENTS = re.compile(
    r"^\W*(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành|Để\s+triển\s+khai|Nhằm\s+triển\s+khai)", re.I
)
BASIS = re.compile(r"^\W*Căn\s+cứ\b", re.I)
TITLE_IMPLEMENTS = re.compile(r"thực\s+hiện|triển\s+khai|thi\s+hành", re.I)
STRENGTH = {Relation.IMPLEMENTS: 3, Relation.BASIS: 2, Relation.MENTIONS: 1}


# A type code glued to its issuer code, as converted Word files and PDF text layers drop the hyphen:
#   "181/2024/NĐCP", "10/2024/TTBTC", "37/2025/TTBNNMT", "21/2025/TTBYT" (not "01/2012/TTLT")
GLUED_CODES = re.compile(r"(?<=/)(?P<type>NĐ|QĐ|NQ|TT|CT)(?=(?:CP|TTg|B[A-ZĐ]{1,8}|UBND|HĐND)$)")


def clean_number(number: str) -> str:
    """A number without spaces, its type and issuer codes hyphenated: ``"2360/QĐ- TTg"`` ->
    ``"2360/QĐ-TTg"``, ``"181/2024/NĐCP"`` -> ``"181/2024/NĐ-CP"``."""
    return GLUED_CODES.sub(r"\g<type>-", re.sub(r"\s+", "", number))


def _issuer(after: str) -> str | None:
    date = DATE_AFTER.match(after)
    if date:
        tail = re.sub(r"^\s*,?\s*(?:được\s+ban\s+hành\s+)?ngày\s+[\d/.\-]+(?:\s+tháng\s+\d+\s+năm\s+\d{4})?", "", after)
    else:
        tail = after
    m = ISSUER_AFTER.match(tail)
    if not m:
        return None
    issuer = m["issuer"].strip()
    return issuer if 2 <= len(issuer) <= 120 else None


def _relation(paragraph: Paragraph, in_title: bool, in_preamble: bool, title: str) -> Relation:
    if in_title:
        return Relation.IMPLEMENTS if TITLE_IMPLEMENTS.search(title) else Relation.MENTIONS
    text = paragraph.text
    if BASIS.match(text):
        return Relation.BASIS
    if in_preamble and PREAMBLE_IMPLEMENTS.match(text):
        return Relation.IMPLEMENTS
    return Relation.MENTIONS


def find_citations(
    text: str,
    paragraphs: list[Paragraph],
    *,
    own_number: str | None = None,
    title_span: tuple[int, int] | None = None,
    preamble_end: int = 0,
) -> list[Citation]:
    """Every document cited in ``text``, one per cited document.

    ``title_span`` is where the title is; ``preamble_end`` where the first section starts
    (a "Thực hiện ..." line before it names the document this one implements).

    >>> from parsers.text.structure import split_paragraphs
    >>> text = "Thực hiện Quyết định số 02/QĐ-HĐV ngày 09/9/2021 của Hội đồng Vùng kinh tế trọng điểm miền Trung;"
    >>> [(c.number, str(c.issue_date), c.relation.value) for c in find_citations(text, split_paragraphs(text),
    ...   preamble_end=len(text))]
    [('02/QĐ-HĐV', '2021-09-09', 'implements')]
    """
    own = clean_number(own_number).upper() if own_number else None
    found: dict[str, Citation] = {}
    title = text[title_span[0] : title_span[1]] if title_span else ""
    carry: Relation | None = None  # an enumeration of the preamble continued on the next line
    for p in paragraphs:
        in_title = bool(title_span and title_span[0] <= p.start < title_span[1])
        in_preamble = p.start < preamble_end and not in_title
        relation = _relation(p, in_title, in_preamble, title)
        if relation is Relation.MENTIONS and carry and LISTED_DOCUMENT.match(p.text):
            relation = carry
        carry = (
            relation if in_preamble and relation is not Relation.MENTIONS and p.text.rstrip().endswith(";") else None
        )
        _numbered(p, relation, own, found)
        _laws(p, relation, found)
    return sorted(found.values(), key=lambda c: c.span_start)


def _numbered(p: Paragraph, relation: Relation, own: str | None, found: dict[str, Citation]) -> None:
    """Documents a paragraph cites by number: "Quyết định số 02/QĐ-HĐV ngày 09/9/2021 của ..."."""
    kind = None  # a kind stays in force for the numbers after it: "các Quyết định số 1/QĐ-X, 2/QĐ-Y"
    caps: bool | None = None  # read once per paragraph: a long one may cite hundreds of numbers
    if "/" not in p.text:
        return  # every number has its slash; the pattern's look-behind would be tried at each character
    for m in DOCUMENT_NUMBER.finditer(p.text):
        number = clean_number(m["number"])
        key = number.upper()
        if key == own or not re.search(r"[A-ZĐ]", number):
            continue
        before = p.text[max(0, m.start() - 40) : m.start()]
        kind_match = DOC_KIND.search(before)
        if kind_match:
            kind = kind_match["kind"]
        after = p.text[m.end() : m.end() + 200]
        date = parse_written_date(after[:40]) if DATE_AFTER.match(after) else None
        citation = Citation(
            number=number,
            doc_kind=_kind_case(kind),
            issue_date=date,
            issuer=_issuer(after),
            relation=relation,
            span_start=p.start + m.start("number"),
            span_end=p.start + m.end("number"),
        )
        caps = is_caps(p.text) if caps is None else caps
        _keep(found, key, citation, caps=caps)


def _laws(p: Paragraph, relation: Relation, found: dict[str, Citation]) -> None:
    """Laws a paragraph cites by name: "Luật Phòng thủ dân sự ngày 20 tháng 6 năm 2023"."""
    if "uật" not in p.text:
        return  # "Luật", "Bộ luật"
    for m in LAW_NAME.finditer(p.text):
        name = re.sub(r"\s+", " ", m["title"]).strip(" ,;.")
        if is_caps(name):
            continue
        after = p.text[m.end() : m.end() + 80]
        citation = Citation(
            number="",
            doc_kind="Luật",
            title=name,
            issue_date=parse_written_date(after[:40]) if DATE_AFTER.match(after) else None,
            relation=relation,
            span_start=p.start + m.start("title"),
            span_end=p.start + m.start("title") + len(name),
        )
        _keep(found, "LAW:" + name.casefold(), citation, caps=False)


def _kind_case(kind: str | None) -> str | None:
    if not kind:
        return None
    kind = re.sub(r"\s+", " ", kind)
    return kind[:1].upper() + kind[1:].lower()


def _keep(found: dict[str, Citation], key: str, citation: Citation, caps: bool) -> None:
    """Merge a new occurrence into what is known of the cited document."""
    old = found.get(key)
    if old is None:
        found[key] = citation
        return
    if STRENGTH[citation.relation] > STRENGTH[old.relation]:
        old.relation = citation.relation
    if old.issue_date is None and citation.issue_date:
        old.issue_date = citation.issue_date
    if old.issuer is None and citation.issuer:
        old.issuer = citation.issuer
    if old.doc_kind is None and citation.doc_kind:
        old.doc_kind = citation.doc_kind
    if not caps and old.number and old.number.isupper() and not citation.number.isupper():
        # prefer the body's "1899/QĐ-TTg" to a capitalised title's "1899/QĐ-TTG"
        old.number, old.span_start, old.span_end = citation.number, citation.span_start, citation.span_end
