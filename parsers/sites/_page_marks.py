"""Page numbers left in the text of a PDF or a scan, taken out so a page break does not split
or label a paragraph.

A PDF reader's layout-mode text keeps each page's number, centred on a line of its own, at
the top of the next page after a form feed::

    lý về đất đai theo quy định.
    \\f                                         2

          1.2. Thực hiện nghiêm trách nhiệm Báo cáo kết quả hoạt động khai thác

and raw OCR text of a scan keeps it between blank lines, with no form feed::

    quyền, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng;

    2

    Căn cứ Nghị định số 85/2025/NĐ-CP của Chính phủ Quy định chi tiết

Left in place, the number is read as the label of the next paragraph ("2 1.2. Thực hiện")
or glued to a heading ("1.4. Về việc kiểm soát sản lượng khai thác khoáng sản 3"). The
number line and the blank lines around it are removed, so the paragraph that runs across
the page break is joined again by the cleaning stage.
"""

from __future__ import annotations

import re

# A page number alone on its line: "2", "- 2 -", "Trang 2", "2/8"
PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:Trang\s+)?[-–]?[ \t]*(?P<n>\d{1,3})[ \t]*(?:/[ \t]*\d{1,3})?[ \t]*[-–]?[ \t]*$", re.IGNORECASE
)
# Without form feeds, a bare number is a page number only in a run that counts up page by
# page; OCR misreads a digit now and then ("11" read "1"), so a gap of a few pages is allowed.
MAX_PAGE_STEP = 3
# Pages in a row whose numbers OCR may lose (blank, or read as a stray mark).
MAX_PAGE_JUMP = 10


def _without_line(lines: list[str], i: int) -> None:
    """Remove line ``i`` and the blank lines around it, in place."""
    end = i + 1
    while end < len(lines) and not lines[end].strip():
        end += 1
    start = i
    while start > 0 and not lines[start - 1].strip():
        start -= 1
    del lines[start:end]


def _edge_number(page: list[str], edge: int) -> int | None:
    """Index of a page-number line at the page's top (``edge=0``) or bottom (``edge=-1``)."""
    filled = [i for i, line in enumerate(page) if line.strip()]
    if not filled:
        return None
    i = filled[edge]
    return i if PAGE_NUMBER.match(page[i].replace("\f", "")) else None


def _drop_form_feed_numbers(text: str) -> str:
    """Page numbers at the top or bottom of the pages between form feeds; a form feed stays
    where no number was taken out (later stages read it as the end of a page)."""
    pages = [page.split("\n") for page in text.split("\f")]
    out = pages[0]
    for page in pages[1:]:
        bottom = _edge_number(out, -1)
        top = _edge_number(page, 0)
        if bottom is not None:
            _without_line(out, bottom)
        if top is not None:
            _without_line(page, top)
        if bottom is None and top is None:
            out[-1] += "\f" + page[0]
            out += page[1:]
            continue
        while out and not out[-1].strip():
            out.pop()
        out += page
    return "\n".join(out)


def _set_apart(lines: list[str], i: int) -> bool:
    """Whether line ``i`` has a blank line after it, or before it (OCR puts the number of a page
    right above its first line at times: "18" / "Điều 22. Quyết toán ...")."""
    after = i + 1 < len(lines) and not lines[i + 1].strip()
    before = i > 0 and not lines[i - 1].strip() and i + 1 < len(lines)
    return after or before


def _bare_numbers(lines: list[str]) -> list[int]:
    """Indexes of bare numbers, each set apart by a blank line, that count up like page numbers.

    A run may jump over pages whose number OCR lost ("6" then "10") when the numbers after the
    jump count up again ("10", "12"): a lone number far from the run stays (a count, a table cell).
    """
    candidates = [
        (i, int(m["n"])) for i, line in enumerate(lines) if (m := PAGE_NUMBER.match(line)) and _set_apart(lines, i)
    ]
    found: list[int] = []
    last = 1  # the first page carries no number
    for k, (i, n) in enumerate(candidates):
        steps = last < n <= last + MAX_PAGE_STEP
        resumes = last < n <= last + MAX_PAGE_JUMP and any(
            n < later <= n + MAX_PAGE_STEP for _, later in candidates[k + 1 : k + 3]
        )
        if steps or resumes:
            found.append(i)
            last = n
    return found if len(found) >= 2 else []


def drop_page_numbers(text: str) -> str:
    """The text without its page-number lines.

    >>> drop_page_numbers("theo quy định.\\n\\f      2\\n\\n   1.2. Thực hiện")
    'theo quy định.\\n   1.2. Thực hiện'
    >>> drop_page_numbers("Bộ Xây dựng;\\n\\n2\\n\\nCăn cứ Nghị định\\nsố 85;\\n\\n3\\n\\ng) Quyết định")
    'Bộ Xây dựng;\\nCăn cứ Nghị định\\nsố 85;\\ng) Quyết định'
    """
    if "\f" in text:
        return _drop_form_feed_numbers(text)
    lines = text.split("\n")
    for i in reversed(_bare_numbers(lines)):
        _without_line(lines, i)
    return "\n".join(lines)
