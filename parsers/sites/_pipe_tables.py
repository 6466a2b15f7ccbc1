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

import itertools
import re
from collections.abc import Iterator

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


SPACES = re.compile(r"\s+")


def _cell_text(lines: list[str]) -> str:
    return SPACES.sub(" ", " ".join(lines)).strip()


def _tokens(lines: list[str], start: int) -> Iterator[tuple[str, int]]:
    """Cells from the "|" line at ``start`` on: (cell text, index of the pipe closing it).

    An empty text is two pipes in a row (an empty cell or a row boundary). Text after the
    last pipe of the region is not a cell. A line "||" counts as two pipes. Lazy: a table
    reads only its own cells, so a document of many tables stays linear.
    """
    i = start + 1
    while i < len(lines):
        if _is_pipe(lines[i]):
            yield "", i
            if lines[i].strip() == "||":
                yield "", i
            i += 1
            continue
        j = i
        while j < len(lines) and not _is_pipe(lines[j]):
            j += 1
        if j >= len(lines):
            return
        yield _cell_text(lines[i:j]), j
        if lines[j].strip() == "||":
            yield "", j
        i = j + 1


class _Cells:
    """The cells of ``_tokens``, read on demand: ``has(n)`` reads until n cells are known."""

    def __init__(self, tokens: Iterator[tuple[str, int]]) -> None:
        self._tokens = tokens
        self.cells: list[tuple[str, int]] = []

    def has(self, n: int) -> bool:
        while len(self.cells) < n:
            cell = next(self._tokens, None)
            if cell is None:
                return False
            self.cells.append(cell)
        return True

    def text(self, i: int) -> str | None:
        return self.cells[i][0] if self.has(i + 1) else None

    def first_empty(self) -> int:
        """The index of the first empty cell, or the number of cells when none is."""
        i = 0
        while self.has(i + 1):
            if not self.cells[i][0]:
                return i
            i += 1
        return i


def _read_table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of the table opening at ``start`` and the index of the first line after it."""
    tokens = _tokens(lines, start)
    opening = next(tokens, None)
    while opening is not None and not opening[0]:
        opening = next(tokens, None)  # pipes opening the table twice
    if opening is None:
        return [], start + 1
    cells = _Cells(itertools.chain([opening], tokens))
    first = opening[0]
    cells.has(2)
    two_column = TWO_COLUMN_LAYOUT.search(" ".join(t for t, _ in cells.cells[:2]))
    ncols = 2 if two_column else max(cells.first_empty(), 1)
    numbered = bool(ORDINAL_CELL.match(first)) or first.strip("* ").upper() in ORDINAL_HEADERS
    rows: list[list[str]] = []
    row: list[str] = []
    end = start + 1
    i = 0
    while cells.has(i + 1):
        text, pipe_at = cells.cells[i]
        if len(row) >= ncols:
            rows.append(row)
            row = []
            if text:  # text right after a complete row: the table has ended
                break
            end = pipe_at + 1
            i += 1
            continue
        if text == "" and row and numbered:
            nxt = cells.text(i + 1)
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
