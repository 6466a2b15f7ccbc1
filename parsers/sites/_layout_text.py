"""Text laid out as a PDF reader shows a page: two-column header and signature, indented paragraphs.

    ỦY BAN NHÂN DÂN                               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH LÀO CAI                                        Độc lập - Tự do - Hạnh phúc
     Số:           /UBND-XD                              Lào Cai, ngày     tháng  5  năm 2026
     V/v đề xuất sớm tháo gỡ khó khăn,
              Ủy ban nhân dân tỉnh Lào Cai nhận được phản ánh ...
    Nơi nhận:                                                         TM. ỦY BAN NHÂN DÂN
    - Như trên;                                                              KT. CHỦ TỊCH

``layout_to_text`` turns the two-column blocks into tab-separated rows (the shape the
legal sites' captures have) and marks indented paragraph starts with a blank line, so the
rest of cleaning reads such text like any other capture.
"""

from __future__ import annotations

import re

from parsers.lexicon.document_types import alternation
from parsers.lexicon.markers import RECIPIENTS_PATTERN, SIGN_FOR, SIGNER_TITLE
from parsers.lexicon.vietnamese import LOWER, UPPER, is_caps

# A gap between two columns: at least five spaces between words ("DÂN      CỘNG HÒA")
COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
# Beside a narrow recipients' list the signature may sit closer: three spaces part the columns there
# ("Nơi nhận: - Chủ tịch UBND tỉnh; -    TM. ỦY BAN NHÂN DÂN"); a segment still goes right only when it
# starts past the middle.
SIGNATURE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
MOTTO = re.compile(r"CỘNG\s+H[OÒ][AÀ]\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do")
NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]")
HEADER_END = re.compile(r"^\s*(?:Kính\s+gửi|Căn\s+cứ|" + alternation("layout_header", upper=True) + r")\b")
TYPE_HEADING = re.compile(r"^\s*(?:" + alternation("layout_header", upper=True) + r")\s*$")
MAX_TITLE_LINES = 6
SIGNATURE_START = re.compile(rf"^\s*{RECIPIENTS_PATTERN}\b")
INDENT = re.compile(r"^ *")
# The signer's name closing the block: two to five capitalised syllables alone in the right column
SIGNER_NAME = re.compile(rf"^[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}}$")
# The signature set against the recipients with no gap between the columns ("Nơi nhận: - Thường
# trực Thành ủy; KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Diệu Thúy - Thường trực HĐND ..."): sign-for
# words, the signer's title in capitals, the name.
INLINE_SIGNATURE = re.compile(
    rf"(?:{SIGN_FOR}\.\s+(?:[{UPPER}]+\s+)*?)?{SIGNER_TITLE}\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}}(?!\w)"
)
# The name after the title on the same line: "CHỦ TỊCH Nguyễn Văn Đệ"
TITLED_NAME = re.compile(rf"[{UPPER}]{{2,}}\s+[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,4}}$")
LIST_LINE = re.compile(rf"^\s*(?:[-+~•]|{RECIPIENTS_PATTERN})")


def looks_laid_out(text: str) -> bool:
    """Whether the header is two columns side by side ("ỦY BAN NHÂN DÂN      CỘNG HÒA ...")."""
    head = text.split("\n")[:8]
    return any(MOTTO.search(line) and COLUMN_GAP.search(line.split("CỘNG")[0] + "CỘNG") for line in head) or any(
        COLUMN_GAP.search(line) and MOTTO.search(line) for line in head
    )


def _segments(line: str, gap: re.Pattern[str] = COLUMN_GAP) -> list[tuple[int, str]]:
    """(start column, text) of each column of a line."""
    out = []
    pos = 0
    for part in gap.split(line.rstrip()):
        start = line.index(part, pos) if part else pos
        if part.strip():
            out.append((start + len(part) - len(part.lstrip()), part.strip()))
        pos = start + len(part)
    return out


def _two_columns(lines: list[str], middle: int, gap: re.Pattern[str] = COLUMN_GAP) -> tuple[str, str]:
    left, right = [], []
    for line in lines:
        for start, text in _segments(line, gap):
            (right if start >= middle else left).append(text)
    return " ".join(left), " ".join(right)


def _middle(lines: list[str]) -> int:
    """Where the right column starts: the motto's column, or half the widest line."""
    for line in lines:
        m = MOTTO.search(line)
        if m and m.start() > 10:
            return m.start() - 5
    return max((len(line) for line in lines), default=80) // 2


def layout_to_text(text: str) -> str:
    """Two-column header and signature blocks as rows; indented paragraph starts as new paragraphs."""
    lines = text.split("\n")
    middle = _middle(lines[:6])
    header_end = next((i for i, line in enumerate(lines[:30]) if HEADER_END.match(line)), min(len(lines), 8))
    number_at = next((i for i, line in enumerate(lines[:header_end]) if NUMBER_LINE.match(line)), header_end)
    out = []
    for block in (lines[:number_at], lines[number_at:header_end]):
        left, right = _two_columns(block, middle)
        if left or right:
            out.append(f"{left}\t{right}")
    out.append("")
    signature = next((i for i in range(header_end, len(lines)) if SIGNATURE_START.match(lines[i])), len(lines))
    body = header_end + _title_block(lines[header_end:signature], out)
    out += _paragraphs(lines[body:signature])
    if signature < len(lines):
        end = _signature_end(lines, signature, middle)
        left, right = _two_columns(lines[signature:end], middle, SIGNATURE_GAP)
        inline = None if right else INLINE_SIGNATURE.search(left)
        if inline:
            left, right = f"{left[: inline.start()].rstrip()} {left[inline.end() :].lstrip()}".strip(), inline.group()
        out += ["", f"{left}\t{right}", ""]
        out += _paragraphs(lines[end:])  # an appendix or an annexed regulation after the signature
    return "\n".join(out)


def _title_block(lines: list[str], out: list[str]) -> int:
    """The type heading and the title's centred lines (one paragraph) added to ``out``; how many lines they took."""
    if not lines or not TYPE_HEADING.match(lines[0]):
        return 0
    out += [lines[0].strip(), ""]
    i = 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    title: list[str] = []
    while i < len(lines) and lines[i].strip() and len(title) < MAX_TITLE_LINES:
        if title and is_caps(" ".join(title)) and not is_caps(lines[i]):
            break  # capitals end where the body's first paragraph begins ("Thực hiện Nghị quyết số ...")
        title.append(lines[i].strip())
        i += 1
    out += [" ".join(title), ""]
    return i


def _paragraphs(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if line.strip() and len(INDENT.match(line).group()) >= 6:
            out.append("")  # an indented line opens a paragraph; continuation lines start at the margin
        out.append(line.strip())
    return out


def _signature_end(lines: list[str], start: int, middle: int) -> int:
    """Where the block of "Nơi nhận" and the signature ends: after the signer's name, at the
    first line that is not the recipients' list (an appendix's heading, the next page)."""
    named = False
    for i in range(start, len(lines)):
        line = lines[i]
        if named and line.strip() and not LIST_LINE.match(line):
            return i
        if "\f" in line and named:
            return i
        named = named or any(
            start_col >= middle and (SIGNER_NAME.match(text) or TITLED_NAME.search(text))
            for start_col, text in _segments(line, SIGNATURE_GAP)
        )
    return len(lines)
