"""The deadline an article gives to the rows of the annex it names.

A decision often assigns the work of a whole annex in one sentence of its body and gives the
deadline there, the annex table having no time column of its own::

    b) Tham mưu cho Chính phủ ... ban hành ... văn bản quy phạm pháp luật theo Phụ lục II ban
       hành kèm theo Nghị quyết này ..., bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027.
    ...
    Phụ lục II
    DANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG ...
    STT | DANH SÁCH CÁC VBQPPL SỬA ĐỔI, BỔ SUNG | ĐIỀU, KHOẢN ... | CƠ QUAN CHỦ TRÌ SOẠN THẢO

Each row of Phụ lục II is then due by that date. Only an article that names the annex by its
label gives its deadline ("Phụ lục II", never "Phụ lục II.1" nor "Phụ lục III"), and only when
every body paragraph naming it agrees on the date; otherwise the rows keep no deadline.
"""

from __future__ import annotations

import re

from parsers.deadlines import find_deadlines
from parsers.models import Deadline
from parsers.tasks.context import TaskContext

# An annex's own heading line: "Phụ lục II", "PHỤ LỤC SỐ 02", "Phụ lục I.3" (then its title)
ANNEX_HEADING = re.compile(r"^\W*PHỤ\s+LỤC\s+(?:SỐ\s+)?([IVXLC]+|\d{1,2})((?:\.\d{1,2})?)\b", re.I)
# Rows read back from a table to find the annex it belongs to
LOOK_BACK = 12


def annex_label(ctx: TaskContext, first_row: int) -> str | None:
    """The label ("II", "I.3") of the annex heading just above a table's first row, if any."""
    for i in range(first_row - 1, max(-1, first_row - 1 - LOOK_BACK), -1):
        p = ctx.paragraphs[i]
        if p.is_row:
            return None  # another table lies between: not the annex's first table
        found = ANNEX_HEADING.match(p.text)
        if found:
            return found.group(1).upper() + found.group(2)
    return None


def pointer_deadlines(ctx: TaskContext, label: str) -> list[Deadline] | None:
    """The deadline the body gives to the work of annex ``label``: the deadlines of the body
    paragraphs naming the annex, when they name one and the same date; else None."""
    pointer = re.compile(r"\bPhụ\s+lục\s+(?:số\s+)?" + re.escape(label) + r"(?![IVXLC\d]|\.\d)", re.I)
    found: list[Deadline] = []
    for i, p in enumerate(ctx.paragraphs):
        if p.start < ctx.body_start or p.is_row or i in ctx.closing:
            continue
        if ANNEX_HEADING.match(p.text):
            break  # the annexes begin: the body is over
        if not pointer.search(p.text):
            continue
        found += [
            d for d in find_deadlines(ctx.text, issue_date=ctx.issue_date, start=p.start, end=p.end) if d.due_dates
        ]
    dues = {tuple(d.due_dates) for d in found}
    return found[:1] if len(dues) == 1 else None
