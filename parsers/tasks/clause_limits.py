"""A time limit that closes a clause bounds every task of the clause.

A regulation's clause may list its steps and end with one unlabelled sentence that gives the
date the whole clause must be done by:

    3. Xử lý thành lập cụm công nghiệp có trong phương án phát triển ...
    a) Ủy ban nhân dân cấp xã rà soát, xây dựng kế hoạch ...
    ...
    d) Trách nhiệm của các cơ quan, đơn vị:
    Sở Công Thương chủ trì, phối hợp các sở, ngành liên quan tổ chức thẩm định ...
    Thời hạn xử lý thành lập cụm công nghiệp hoàn thành trước ngày 31 tháng 12 năm 2026.

The limit is the deadline of every task of the clause (a-d), not only of the last one; a task
that names its own time keeps it. Only a fixed date counts: a relative limit ("trong thời hạn 10
ngày làm việc kể từ ...") or a rhythm is no deadline of the clause.
"""

from __future__ import annotations

import re

from parsers.deadlines import find_deadlines
from parsers.models import Deadline, Task
from parsers.tasks.context import TaskContext

# "Thời hạn xử lý ... hoàn thành trước ngày 31 tháng 12 năm 2026.", "Thời gian hoàn thành trước ngày 31 tháng 12
# năm 2025." (not a field "Thời gian thực hiện: ...", which the item above owns, nor a procedure's
# "Thời hạn giải quyết")
CLAUSE_LIMIT = re.compile(r"^\W*(?:Thời\s+(?:hạn|gian)|Tiến\s+độ)\b(?![^:\n]{0,40}:)(?!\s+giải\s+quyết)", re.I)
# A limit counted from an event ("chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định") is relative
RELATIVE = re.compile(r"\bkể\s+từ\b|\bsau\s+khi\b", re.I)
# A lettered point ("d)") is a part of its clause: a limit after the last point closes the clause.
POINT_LABEL = re.compile(r"^[a-zđ]$")


def apply_clause_limits(ctx: TaskContext, tasks: list[Task]) -> list[Task]:
    """``tasks`` with each clause's closing time limit given to its tasks that have no deadline."""
    for start, end, limit in _clause_limits(ctx):
        tasks = [
            t.model_copy(update={"deadlines": limit}) if start <= t.span_start < end and not t.deadlines else t
            for t in tasks
        ]
    return tasks


def _clause_limits(ctx: TaskContext) -> list[tuple[int, int, list[Deadline]]]:
    """(clause start, limit start, deadlines) of every clause closed by a time limit with a fixed date."""
    limits = []
    for i, p in enumerate(ctx.paragraphs):
        section = ctx.owner[i]
        if p.style is not None or p.is_row or section is None or not CLAUSE_LIMIT.match(p.text):
            continue
        if RELATIVE.search(p.text):
            continue
        following = ctx.paragraphs[i + 1] if i + 1 < len(ctx.paragraphs) else None
        if following is not None and following.start < ctx.sections[section].span_end:
            continue  # not the clause's last paragraph
        deadlines = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=p.start, end=p.end)
        if not deadlines or not all(d.due_dates and d.recurrence is None for d in deadlines):
            continue
        clause = ctx.sections[section]
        if POINT_LABEL.match(clause.label) and clause.parent is not None and _last_child(ctx, section):
            clause = ctx.sections[clause.parent]
        limits.append((clause.span_start, p.start, deadlines))
    return limits


def _last_child(ctx: TaskContext, section: int) -> bool:
    parent = ctx.sections[section].parent
    return not any(s.parent == parent for s in ctx.sections[section + 1 :])
