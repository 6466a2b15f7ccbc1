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
ORDINAL_CELL = re.compile(r"^\W*(?:\d{1,3}(?:\.\d{1,2})*|[IVXL]{1,5}(?:\.\d{1,2})*|[a-zđA-H])\W*$")
# Layout tables that always have two columns: the header block and the signature block.
#   "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#   "Nơi nhận: ..." | "TM. ỦY BAN NHÂN DÂN ..."
# A header cell over two columns, and the cells under it: "Thực hiện" over "Chủ trì | Phối hợp"
SPANNING_HEADER = re.compile(
    r"^(?:(?:phân\s+công|trách\s+nhiệm|tổ\s+chức|cơ\s+quan|đơn\s+vị)\s+)?thực\s+hiện$|^phân\s+công$|^trách\s+nhiệm$",
    re.I,
)
SUB_HEADER = re.compile(r"chủ\s+trì|phối\s+hợp|thực\s+hiện", re.I)
ORDINAL_HEADERS = {"TT", "STT", "SỐ TT", "SỐ THỨ TỰ"}
HEADER_STARTS = ORDINAL_HEADERS | {"CÁC BƯỚC", "BƯỚC", "THỨ TỰ CÔNG VIỆC", "TRÌNH TỰ", "THỜI GIAN"}
# An article heading is the document's own text running on after a table, never a cell
ARTICLE_IN_CELL = re.compile(r"\*\*\s*Điều\s+\d+\s*\.\s*\**\s*[^\W\d]")  # "**Điều 1. Sửa đổi ..."
HEADER_NEXT = re.compile(r"^\W*(?:nội\s+dung|nhiệm\s+vụ|công\s+việc|tên\b)", re.I)
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

    def first_empty(self, i: int = 0) -> int:
        """The index of the first empty cell from ``i`` on, or the number of cells when none is."""
        while self.has(i + 1):
            if not self.cells[i][0]:
                return i
            i += 1
        return i


def _fits_as_empty_cell(cells: _Cells, i: int, filled: int, ncols: int) -> bool:
    """Whether the empty token at ``i`` can be an empty cell of a row holding ``filled`` cells.

    Read as a cell, it and the tokens after it fill the row up to ``ncols`` cells; the token
    after a full row must then be a row boundary (an empty token) or the table's end. Text
    there means the empty token was a row boundary: the row was short (a group row, a repeated
    sub-header, a row whose other cells are merged into the row above)::

        2 | Quản lý, vận hành ... | Sở Tài chính | Các sở, ngành | Quý IV/2026 ||
        Thực hiện sao lưu dữ liệu ... | Sở Khoa học và Công nghệ | Sở Tài chính ||
    """
    after = cells.text(i + ncols - filled)
    return after is None or after == ""


def _header_columns(cells: _Cells) -> tuple[int, list[str] | None, int]:
    """The column count, the merged header row of a two-row header (else ``None``), and
    the index of the first cell after the header rows when they are merged.

    A header cell spanning two columns names their group on a first row, and the second row
    names the columns under it ("Thực hiện" over "Đơn vị chủ trì | Đơn vị phối hợp")::

        TT | Nội dung công việc | Thời gian | Thực hiện | Ghi chú ||
        Đơn vị chủ trì | Đơn vị phối hợp ||
    """
    first_end = cells.first_empty()
    first = [t for t, _ in cells.cells[:first_end]]
    if not cells.has(first_end + 2):
        return max(first_end, 1), None, 0
    second_end = cells.first_empty(first_end + 1)
    second = [t for t, _ in cells.cells[first_end + 1 : second_end]]
    group = next((k for k, cell in enumerate(first) if SPANNING_HEADER.match(cell.strip("* "))), None)
    if group is None or not second or not all(len(c) <= 40 and SUB_HEADER.search(c) for c in second):
        return max(first_end, 1), None, 0
    merged = [*first[:group], *second, *first[group + 1 :]]
    return len(merged), merged, second_end


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
    header: list[str] | None = None
    skip = 0
    if TWO_COLUMN_LAYOUT.search(" ".join(t for t, _ in cells.cells[:2])):
        ncols = 2
    else:
        ncols, header, skip = _header_columns(cells)
    numbered = bool(ORDINAL_CELL.match(first)) or first.strip("* ").upper() in ORDINAL_HEADERS
    rows, end = _segment(cells, skip, ncols, numbered, start + 1)
    if header is not None:  # the two header rows become one
        rows.insert(0, header)
    return [r for r in rows if any(r)], end


def _segment(cells: _Cells, i: int, ncols: int, numbered: bool, end: int) -> tuple[list[list[str]], int]:
    """Cut the cells from ``i`` on into rows of at most ``ncols`` cells; the line after the table."""
    rows: list[list[str]] = []
    row: list[str] = []
    first = i
    while cells.has(i + 1):
        text, pipe_at = cells.cells[i]
        if i > first and _opens_header(cells, i):
            if row:
                rows.append(row)
            return rows, cells.cells[i - 1][1]  # a new table's header: read it with its own columns
        if i > first and ARTICLE_IN_CELL.search(text):
            if row:
                rows.append(row)
            return rows, cells.cells[i - 1][1] + 1  # the document's text: its lines stay lines
        i += 1
        if len(row) >= ncols:
            rows.append(row)
            row = []
            if text:  # text right after a complete row: the table has ended
                return rows, end
            end = pipe_at + 1
            continue
        end = pipe_at + 1
        if text == "" and not row:
            continue  # a row boundary
        if text == "" and _is_boundary(cells, i - 1, row, ncols, numbered):
            rows.append(row)  # a short row (group heading, merged cells)
            row = []
            continue
        row.append(text)
    if row:
        rows.append(row)
    return rows, end


def _opens_header(cells: _Cells, i: int) -> bool:
    """A header row starting inside the pipes of a table above ("... | 19 ngày | Quy trình số
    02 | Các bước | Nội dung công việc | Trách nhiệm thực hiện | ..."): another table."""
    head = re.sub(r"[*\s]+", " ", cells.cells[i][0]).strip().upper()  # "**Các** **bước**"
    return head in HEADER_STARTS and bool(HEADER_NEXT.search(cells.text(i + 1) or ""))


def _is_boundary(cells: _Cells, i: int, row: list[str], ncols: int, numbered: bool) -> bool:
    """Whether the empty token at ``i`` ends ``row`` (else it is an empty cell of it).

    In a numbered table a row without its ordinal continues a row above through merged
    cells; such rows stack ("- Rà soát ... | Bộ công cụ ... | Giai đoạn 2026 - 2027 ||
    - Xây dựng quy chế ... | ..."), so the first empty token ends one."""
    nxt = cells.text(i + 1)
    if nxt is None:
        return True
    if numbered and (ORDINAL_CELL.match(nxt) or not ORDINAL_CELL.match(row[0])):
        return True
    return not _fits_as_empty_cell(cells, i, len(row), ncols)


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
