"""Document metadata from the header block, the title and the signature.

Official documents open with a fixed layout (Nghị định 30/2020/NĐ-CP): the issuing body
and the national motto, "Số: ..." and the place-and-date line, the document type heading,
the title; they close with "Nơi nhận" and the signature ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH /
Nguyễn Văn Phương").
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.lexicon import markers
from parsers.lexicon.casing import sentence_case
from parsers.lexicon.document_types import TYPE_CODES, names
from parsers.lexicon.places import find_province
from parsers.lexicon.vietnamese import LOWER, UPPER, is_caps, parse_written_date, title_case
from parsers.models import Metadata
from parsers.text.header_block import folded_type, issuer_text
from parsers.text.interleaved_signature import interleaved_signature
from parsers.text.structure import Paragraph

# "Số: 350/QĐ-UBND", "Số: 2360/QĐ- TTg", "Số: /UBND-KT" (number left blank), "Số 57-NQ/TW"
NUMBER_LINE = re.compile(
    r"(?<!\w)Số\s*[:.]?\s*(?P<number>[\d.,]*\s*[/-]\s*(?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ&.]*(?:\s*[-/]\s*[A-ZĐ\d][\wĐđ&.]*)*)"
)
# The type heading above the title, alone or opening the title block: "KẾ HOẠCH", "QUYẾT ĐỊNH Về việc ...";
# longest first, so that "CHƯƠNG TRÌNH HÀNH ĐỘNG" is not read as "CHƯƠNG TRÌNH"
DOC_TYPES = [name.upper() for name in names("heading")]
DOC_TYPE_HEADING = re.compile(r"^(?P<type>" + "|".join(DOC_TYPES) + r")(?=\s|$)(?P<rest>.*)$")
# Paragraphs that open the body after the title.
#   "Căn cứ Luật ...", "Thực hiện Quyết định ...", "Kính gửi: ...", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
BODY_OPENER = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Thi\s+hành|Kính\s+gửi|Nhằm|Để|Theo|Trên\s+cơ\s+sở|Ngày\s+\d|"
    r"Năm\s+\d|Xét|(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\b.*$|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\b.*$|"
    r"THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ\s*$|CHÍNH\s+PHỦ\s*$|BỘ\s+TRƯỞNG\b.*$|(?:TỔNG\s+)?GIÁM\s+ĐỐC\b.*$)"
)
# The enacting authority a decision's title block ends with:
#   "... TỈNH AN GIANG CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG"
AUTHORITY_TAIL = re.compile(
    r"(?<!CỦA)(?<!VÀ)\s+(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN(?:\s+(?:TỈNH|THÀNH\s+PHỐ)[^" + LOWER + "]*)?$"
)
# "Thừa Thiên Huế, ngày 11 tháng 11 năm 2021", "Lào Cai, ngày   tháng 5 năm 2026"
DATE_LINE = re.compile(r"(?:^|\s)[^\d,;]{2,40},\s*ngày\b|^\s*ngày\s+\d")
LETTER_SUBJECT = re.compile(r"(?:^|\s)(?:V/v|Về\s+việc)\s+(?P<subject>.+)$", re.I)
# Titles of signers, longest first: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" -> "Phó Chủ tịch".
SIGNER_TITLES = re.compile(markers.SIGNER_TITLE)
SIGN_FOR = re.compile(rf"\b{markers.SIGN_FOR}\.\s*")
# A person's name closing a signature: two to five capitalised syllables.
PERSON_NAME = re.compile(rf"(?P<name>[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}})\s*$")
CAPS_NAME = re.compile(rf"^(?P<name>[{UPPER}]{{1,7}}(?:\s+[{UPPER}]{{1,7}}){{1,4}})$")
# Issuer codes of numbers ("4001/UBND-ĐT") for captures that lost the header block.
ISSUER_CODES = {"UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân"}


def _signer_case(title: str) -> str:
    """ "PHÓ CHỦ TỊCH" -> "Phó Chủ tịch"; "BỘ TRƯỞNG, CHỦ NHIỆM" -> "Bộ trưởng, Chủ nhiệm"."""
    parts = []
    for part in re.split(r"\s*,\s*", title.strip()):
        words = part.lower().split()
        if not words:
            continue
        words[0] = words[0].capitalize()
        if words[0] == "Phó" and len(words) > 1:
            words[1] = words[1].capitalize()
        parts.append(" ".join(words))
    return ", ".join(parts)


def parse_number(number: str) -> tuple[str, str]:
    """(number without spaces, type code): ``"2360/QĐ- TTg"`` -> ``("2360/QĐ-TTg", "QĐ")``.

    >>> parse_number("57-NQ/TW")
    ('57-NQ/TW', 'NQ')
    """
    number = re.sub(r"\s+", "", number).strip(".,;")
    m = re.match(r"^[\d.,]*-(?P<code>[^/]+)/", number)  # party style: 57-NQ/TW
    if m:
        code = m["code"]
    else:
        parts = [p for p in number.split("/") if p and not p.isdigit() and not re.fullmatch(r"[\d.,]+", p)]
        code = parts[0].split("-")[0] if parts else ""
    return number, (code if code in TYPE_CODES else "")


def _header_cells(paragraphs: list[Paragraph], limit: int) -> list[str]:
    return [part for p in paragraphs if p.start < limit for part in p.parts if part.strip()]


def _letter_body_start(paragraphs: list[Paragraph]) -> int:
    """Where the header of a document without a type heading (a letter) ends."""
    for p in paragraphs[:12]:
        opens_body = p.text.startswith("Kính gửi") or p.style or not is_caps(p.text[:30])
        opens_body = opens_body and not LETTER_SUBJECT.match(p.text)
        if not p.is_row and opens_body and not NUMBER_LINE.match(p.text) and not DATE_LINE.search(p.text):
            return p.start
    return paragraphs[min(len(paragraphs) - 1, 6)].start


def _find_type_heading(paragraphs: list[Paragraph]) -> tuple[int, str, str] | None:
    for i, p in enumerate(paragraphs[:40]):
        if p.is_row:
            continue
        m = DOC_TYPE_HEADING.match(p.text)
        if m and is_caps(p.text[:60]):
            return i, m["type"], m["rest"].strip()
    for i, p in enumerate(paragraphs[:12]):  # OCR: "QUYÉT ĐỊNH"
        misread = None if p.is_row else folded_type(p.text, DOC_TYPES)
        if misread:
            return i, *misread
    return None


def issuer_cell(paragraphs: list[Paragraph]) -> str | None:
    """The header's first cell when it names the issuing body (not "Số: ..." nor "Kính gửi ...").

    >>> from parsers.text.structure import split_paragraphs
    >>> issuer_cell(split_paragraphs("ỦY BAN NHÂN DÂN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nSố: 12/KH\\nKẾ HOẠCH"))
    'ỦY BAN NHÂN DÂN'
    """
    if not paragraphs:
        return None
    heading = _find_type_heading(paragraphs)
    cells = _header_cells(paragraphs, paragraphs[heading[0]].start if heading else _letter_body_start(paragraphs))
    issuer = issuer_text(cells)
    if issuer and not NUMBER_LINE.match(issuer) and not issuer.startswith("Kính gửi"):
        return issuer
    return None


def read_metadata(
    paragraphs: list[Paragraph],
    hints: dict[str, str] | None = None,
    *,
    issuer: tuple[str | None, str | None] | None = None,
) -> tuple[Metadata, int]:
    """Metadata, and the offset where the body (after the title) starts.

    ``issuer`` is the issuing body and its province as the header's ``issuer_cell`` names
    them (``parsers.agencies.read_issuer`` reads it; ``parsers.parse_metadata`` does both:
    import that, not this, for the document's metadata).

    >>> from parsers.text.structure import split_paragraphs
    >>> meta, _ = read_metadata(split_paragraphs("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...     "Số: 980/KH-UBND\\tNghệ An, ngày 18 tháng 11 năm 2025\\nKẾ HOẠCH\\nPHÒNG THỦ DÂN SỰ\\nThực hiện ..."))
    >>> meta.number, meta.doc_type, meta.issue_date.isoformat(), meta.title
    ('980/KH-UBND', 'Kế hoạch', '2025-11-18', 'Phòng thủ dân sự')
    """
    hints = hints or {}
    meta = Metadata()
    if not paragraphs:
        _apply_hints(meta, hints)
        return meta, 0
    heading = _find_type_heading(paragraphs)
    limit = paragraphs[heading[0]].start if heading else _letter_body_start(paragraphs)
    cells = _header_cells(paragraphs, limit)
    _read_header(meta, cells)
    if issuer is not None:
        meta.issuer, meta.province = issuer
    body_start = limit
    if heading:
        meta.doc_type = heading[1].capitalize()
        meta.title, body_start = _read_title(paragraphs, heading)
    else:
        # a letter's subject line ends its sentence: "V/v ... tiền chất thuốc nổ." (the title has no full stop)
        subject = next((s["subject"].strip() for cell in cells if (s := LETTER_SUBJECT.search(cell))), None)
        meta.title = re.sub(r"(?<=\w)\.$", "", subject) if subject else None
    if not meta.doc_type and hints.get("doc_type"):
        meta.doc_type = hints["doc_type"][:1].upper() + hints["doc_type"][1:].lower()
    if not meta.doc_type and meta.number:
        meta.doc_type = TYPE_CODES.get(meta.type_code or "", "Công văn") if meta.type_code else "Công văn"
    meta.signer, meta.signer_title = _signature(paragraphs, body_start)
    if not meta.signer and not meta.signer_title:
        signer, title = interleaved_signature(paragraphs, body_start)
        meta.signer, meta.signer_title = signer, (_signer_case(title) if title else None)
    _apply_hints(meta, hints)
    return meta, body_start


def _read_header(meta: Metadata, cells: list[str]) -> None:
    """The number ("Số: 980/KH-UBND") and the date line of the header's cells (the first of each)."""
    for cell in cells:
        m = NUMBER_LINE.search(cell)
        if m and not meta.number:
            meta.number, meta.type_code = parse_number(m["number"])
        date_line = DATE_LINE.search(cell)
        if date_line and not meta.issue_date:
            meta.issue_date = parse_written_date(cell[date_line.start() :])


def _read_title(paragraphs: list[Paragraph], heading: tuple[int, str, str]) -> tuple[str | None, int]:
    """The title below the type heading (sentence case), and where the body starts after it."""
    index, _, rest = heading
    title_parts = [rest] if rest else []
    j = index + 1
    while j < len(paragraphs) and j <= index + 6:
        p = paragraphs[j]
        if (
            p.is_row
            or BODY_OPENER.match(p.text)
            or p.style in {"roman", "arabic", "article", "part", "chapter", "appendix"}
        ):
            break
        if not is_caps(p.text) and title_parts and not re.match(r"^(?:V/v|Về việc|Ban hành)\b", p.text):
            break
        title_parts.append(p.text)
        j += 1
    title = AUTHORITY_TAIL.sub("", " ".join(title_parts)).strip(" .")
    body_text = "\n".join(p.text for p in paragraphs[:400])
    body_start = paragraphs[j].start if j < len(paragraphs) else paragraphs[-1].end
    return sentence_case(title, body_text) or None, body_start


def _signature(paragraphs: list[Paragraph], body_start: int) -> tuple[str | None, str | None]:
    """Signer and title from the first signature block after the body."""
    texts = [part for p in paragraphs if p.start >= body_start for part in p.parts]
    for i, text in enumerate(texts):
        head = SIGN_FOR.sub(" ", text)
        titles = list(SIGNER_TITLES.finditer(head))
        if not titles:
            continue
        title = titles[-1]
        first = _first_of_joined_titles(head, titles)
        before = head[: title.end()].split(markers.RECIPIENTS)[0]
        if not (SIGN_FOR.search(text) or is_caps(before)):
            continue
        tail = head[title.end() :].strip()
        name = PERSON_NAME.search(tail) if tail else None
        if not name and i + 1 < len(texts):
            following = texts[i + 1].strip()
            name = PERSON_NAME.fullmatch(following) or CAPS_NAME.match(following)
            if name and CAPS_NAME.match(following):
                return title_case(following), _signer_case(head[first : title.end()])
        if name:
            return name["name"], _signer_case(head[first : title.end()])
        if tail == "" and i + 1 >= len(texts):
            return None, _signer_case(head[first : title.end()])
    return None, None


def _first_of_joined_titles(head: str, titles: list[re.Match]) -> int:
    """Where the signer's own titles start: "BỘ TRƯỞNG, CHỦ NHIỆM" is one holder of two offices."""
    start = titles[-1].start()
    for earlier in reversed(titles[:-1]):
        if not re.fullmatch(r"\s*,\s*", head[earlier.end() : start]):
            break
        start = earlier.start()
    return start


def _apply_hints(meta: Metadata, hints: dict[str, str]) -> None:
    """Fill what the text did not give from the facts the source site states."""
    if not meta.number and hints.get("number"):
        meta.number, meta.type_code = parse_number(hints["number"])
    if not meta.issue_date and hints.get("issue_date"):
        meta.issue_date = parse_written_date(hints["issue_date"]) or _iso(hints["issue_date"])
    if not meta.signer and hints.get("signer"):
        meta.signer = hints["signer"]
    if not meta.doc_type and hints.get("doc_type"):
        meta.doc_type = hints["doc_type"].capitalize()
    if not meta.title and hints.get("title"):
        meta.title = hints["title"]
    if not meta.province and hints.get("issuer"):
        entry = find_province(hints["issuer"])
        meta.province = entry["name"] if entry else None
    if not meta.issuer and meta.number:
        code = ISSUER_CODES.get(meta.number.split("/")[-1].split("-")[0].upper())
        if code and meta.province:
            entry = find_province(meta.province)
            place = "thành phố" if entry and entry["city"] else "tỉnh"
            meta.issuer = f"{code} {place} {meta.province}"
    if not meta.issuer and hints.get("issuer"):
        meta.issuer = hints["issuer"]


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def title_span(paragraphs: list[Paragraph], body_start: int) -> tuple[int, int] | None:
    """Where the type heading and title are: from the heading to the body's start."""
    heading = _find_type_heading(paragraphs)
    if not heading or paragraphs[heading[0]].start >= body_start:
        return None
    return paragraphs[heading[0]].start, body_start
