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

# A gap between two columns: at least five spaces between words ("DÂN      CỘNG HÒA")
COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do")
NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]")
HEADER_END = re.compile(r"^\s*(?:Kính\s+gửi|Căn\s+cứ|QUYẾT\s+ĐỊNH|KẾ\s+HOẠCH|CHỈ\s+THỊ|NGHỊ\s+QUYẾT|THÔNG\s+BÁO)\b")
SIGNATURE_START = re.compile(r"^\s*Nơi\s+nhận\b")
INDENT = re.compile(r"^ *")


def looks_laid_out(text: str) -> bool:
    """Whether the header is two columns side by side ("ỦY BAN NHÂN DÂN      CỘNG HÒA ...")."""
    head = text.split("\n")[:8]
    return any(MOTTO.search(line) and COLUMN_GAP.search(line.split("CỘNG")[0] + "CỘNG") for line in head) or any(
        COLUMN_GAP.search(line) and MOTTO.search(line) for line in head
    )


def _segments(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each column of a line."""
    out = []
    pos = 0
    for part in COLUMN_GAP.split(line.rstrip()):
        start = line.index(part, pos) if part else pos
        if part.strip():
            out.append((start + len(part) - len(part.lstrip()), part.strip()))
        pos = start + len(part)
    return out


def _two_columns(lines: list[str], middle: int) -> tuple[str, str]:
    left, right = [], []
    for line in lines:
        for start, text in _segments(line):
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
    for line in lines[header_end:signature]:
        if line.strip() and len(INDENT.match(line).group()) >= 6:
            out.append("")  # an indented line opens a paragraph; continuation lines start at the margin
        out.append(line.strip())
    if signature < len(lines):
        left, right = _two_columns(lines[signature:], middle)
        out += ["", f"{left}\t{right}"]
    return "\n".join(out)
