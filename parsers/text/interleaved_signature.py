"""The signature of a scan whose OCR read the recipients' column and the signature's column as
one, line by line (Lào Cai 11/2026/QĐ-UBND)::

    Nơi nhận: Ti h ˆ
    - Chính phủ; TM. ỦY BAN NHÂN DÂN
    - Vụ pháp chế - Bộ Xây dựng (b/e); HỦ TỊCH
    ...
    ~ Lưu: VT, các CV, XD.
    Nguyễn Tuấn Anh

The sign-for mark ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") ends a recipient's line, the title
follows at the end of the next lines, and the name stands alone after the list. The signer is
that name; the title is the one read after the mark, or, under "TM." of a people's committee or
council with no "KT." (no deputy signing for the chair), its chair: "Chủ tịch". A title that
cannot be read otherwise stays empty.
"""

from __future__ import annotations

import re

from parsers.lexicon import markers
from parsers.lexicon.vietnamese import LOWER, UPPER
from parsers.text.structure import Paragraph

# A recipient's line ending in the signature column's sign-for mark: "- Chính phủ; TM. ỦY BAN NHÂN DÂN"
MARK_AT_END = re.compile(rf"[;,.]\s+(?P<mark>{markers.SIGN_FOR})\.\s*(?P<rest>[{UPPER}\s]+)$")
TITLE_AT_END = re.compile(rf"(?:^|[;,.]\s+)(?P<title>{markers.SIGNER_TITLE})\s*$")
COUNCIL = re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN")
PERSON = re.compile(rf"^[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}}$")
# Lines of the recipients' list: "- Chính phủ;", "~ Lưu: VT" (OCR's dash), "Nơi nhận: ..."
LIST_LINE = re.compile(rf"^(?:[-~+•]\s|{markers.RECIPIENTS_PATTERN})")
TITLE_LOOKAHEAD = 3


def _title(mark: str, rest: str, following: list[str]) -> str | None:
    for line in following[:TITLE_LOOKAHEAD]:
        m = TITLE_AT_END.search(line)
        if m and not re.search(rf"{markers.SIGN_FOR}\.\s*$", line[: m.start("title")]):
            return m["title"]  # not "KT. CHỦ TỊCH": the deputy's own title is on the next line
    if mark.upper() == "TM" and COUNCIL.match(rest.strip()) and not any("KT." in line for line in following):
        return "CHỦ TỊCH"
    return None


def interleaved_signature(paragraphs: list[Paragraph], body_start: int) -> tuple[str | None, str | None]:
    """(signer, title in capitals) of a signature read into the recipients' list, or (None, None)."""
    lines = [p.text.strip() for p in paragraphs if p.start >= body_start]
    opener = next((i for i, line in enumerate(lines) if line.startswith(markers.RECIPIENTS)), None)
    if opener is None:
        return None, None
    end = opener
    while end + 1 < len(lines) and LIST_LINE.match(lines[end + 1]):
        end += 1
    block = lines[opener : end + 1]
    marked = next(((i, m) for i, line in enumerate(block) if (m := MARK_AT_END.search(line))), None)
    if marked is None or end + 1 >= len(lines) or not PERSON.match(lines[end + 1]):
        return None, None
    i, m = marked
    return lines[end + 1], _title(m["mark"], m["rest"], block[i + 1 :])
