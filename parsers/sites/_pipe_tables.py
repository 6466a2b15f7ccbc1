"""Tables as the legal-text captures write them: every cell closed by a line holding "|".

A captured table looks like this (one row, then the next)::

    |
    **TT**
    |
    **Nội dung thực hiện**
    |
    |
    1
    |
    Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh
    |

Each row opens with "|" and each cell is closed by "|", so a row boundary and an empty
cell both look like two "|" lines in a row. ``rebuild_tables`` resolves that with the
column count of the table's first row and the ordinal column ("1", "II", "a") that task
tables start their rows with, and writes each row as one line of tab-separated cells.
"""

from __future__ import annotations

import re

from parsers.lexicon.markers import RECIPIENTS_PATTERN

PIPE_LINE = re.compile(r"^\s*\|{1,2}\s*$")
# Cells that open a row of a numbered table: "1", "12", "II", "a", "1.2", "**III**"
ORDINAL_CELL = re.compile(r"^\W*(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđ])\W*$")
# Layout tables that always have two columns: the header block and the signature block.
#   "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#   "Nơi nhận: ..." | "TM. ỦY BAN NHÂN DÂN ..."
ORDINAL_HEADERS = {"TT", "STT", "SỐ TT", "SỐ THỨ TỰ"}
TWO_COLUMN_LAYOUT = re.compile(rf"CỘNG\s+HÒA\s+XÃ\s+HỘI|^\W*{RECIPIENTS_PATTERN}|^\W*Kính\s+gửi", re.I)


def _is_pipe(line: str) -> bool:
    return bool(PIPE_LINE.match(line))


def _cell_text(lines: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(lines)).strip()


def _tokens(lines: list[str], start: int) -> list[tuple[str, int]]:
    """Cells from the "|" line at ``start`` on: (cell text, index of the pipe closing it).

    An empty text is two pipes in a row (an empty cell or a row boundary). Text after the
    last pipe of the region is not a cell. A line "||" counts as two pipes.
    """
    cells: list[tuple[str, int]] = []
    i = start + 1
    while i < len(lines):
        if _is_pipe(lines[i]):
            cells.append(("", i))
            if lines[i].strip() == "||":
                cells.append(("", i))
            i += 1
            continue
        j = i
        while j < len(lines) and not _is_pipe(lines[j]):
            j += 1
        if j >= len(lines):
            break
        cells.append((_cell_text(lines[i:j]), j))
        if lines[j].strip() == "||":
            cells.append(("", j))
        i = j + 1
    return cells


def _read_table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of the table opening at ``start`` and the index of the first line after it."""
    cells = _tokens(lines, start)
    while cells and not cells[0][0]:
        cells.pop(0)  # pipes opening the table twice
    texts = [t for t, _ in cells]
    if not texts:
        return [], start + 1
    first = next((t for t in texts if t), "")
    if TWO_COLUMN_LAYOUT.search(" ".join(texts[:2])):
        ncols = 2
    else:
        ncols = max(texts.index("") if "" in texts else len(texts), 1)
    numbered = bool(ORDINAL_CELL.match(first)) or first.strip("* ").upper() in ORDINAL_HEADERS
    rows: list[list[str]] = []
    row: list[str] = []
    end = start + 1
    i = 0
    while i < len(cells):
        text, pipe_at = cells[i]
        if len(row) >= ncols:
            rows.append(row)
            row = []
            if text:  # text right after a complete row: the table has ended
                break
            end = pipe_at + 1
            i += 1
            continue
        if text == "" and row and numbered:
            nxt = texts[i + 1] if i + 1 < len(texts) else None
            if nxt is None or ORDINAL_CELL.match(nxt):
                rows.append(row)  # a short row (group heading, merged cells)
                row = []
                end = pipe_at + 1
                i += 1
                continue
        if text == "" and not row:
            end = pipe_at + 1
            i += 1  # a row boundary
            continue
        row.append(text)
        end = pipe_at + 1
        i += 1
    if row:
        rows.append(row)
    return [r for r in rows if any(r)], end


def rebuild_tables(lines: list[str]) -> list[str]:
    """Replace every pipe-delimited table in ``lines`` by one tab-separated line per row.

    >>> rebuild_tables(["|", "TT", "|", "Nhiệm vụ", "|", "|", "1", "|", "Rà soát", "|", "Sau"])
    ['', 'TT\\tNhiệm vụ', '1\\tRà soát', '', 'Sau']
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_pipe(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        rows, i = _read_table(lines, i)
        out.append("")
        out.extend("\t".join(r) for r in rows)
        out.append("")
    return out
