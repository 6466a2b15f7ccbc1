"""A section's time field: a numbered item that gives the time of its sibling items, not a task.

    II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA
    2. Nội dung thi đua
    a) Thi đua thực hiện thành công cuộc bầu cử; ...
    3. Thời gian tổ chức phong trào thi đua: Phong trào thi đua cao điểm được triển khai thực hiện
       từ tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào tháng 4 năm 2026.

The time field bounds the content items of its parent section (II.2.a-g are due 2026-03-31), by
analogy with a task block's "Thời gian thực hiện" field; an item that states its own time keeps
it. The value is read as a time field up to its first sentence end: what follows ("Tổng kết vào
tháng 4 năm 2026") is a further event, not the items' deadline. Times about dossiers or
operation ("Thời gian nộp hồ sơ", "Thời gian hoạt động") are not fields of this kind.

A section's lead-in that opens with a time and introduces the items below it bounds them the same way:

    2. Kế hoạch phát triển giai đoạn 2026 - 2030
    Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% ..., cụ thể như sau:
    2.1. Xây dựng trạm 5G, mạng lõi
    - Lắp đặt các trạm BTS 5G, mạng lõi: ...

The time must open the sentence (a time inside it, "đạt được mục tiêu tăng trưởng ... trong năm 2025",
qualifies a goal, not the items), and a period in the heading alone does not bound anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.deadlines import find_deadlines
from parsers.models import Deadline
from parsers.tasks.context import Draft, TaskContext

# "3. Thời gian tổ chức phong trào thi đua:", "2. Thời gian thực hiện: Từ tháng 10/2025 ...",
# "**2. Thời gian thực hiện**" (the value in the paragraph below)
SECTION_TIME = re.compile(
    r"\W*(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ)\s+(?:thực\s+hiện|triển\s+khai|hoàn\s+thành|tổ\s+chức)\b[^:.;]{0,80}?"
    r"(?::\s*|$)",
    re.I,
)
FIRST_SENTENCE_END = re.compile(r"\.(?=\s|$)|;|\n")
# A lead-in that introduces items: it ends with a colon ("... cụ thể như sau:")
INTRODUCES_ITEMS = re.compile(r":[\s*_]*$")
OPENING_TIME_SLACK = 3  # characters (bold markers, spaces) before a lead-in's opening time


@dataclass(frozen=True)
class SectionTime:
    """The deadlines a time field gives the items of the section ``within`` (outside ``field``)."""

    within: tuple[int, int]
    field: tuple[int, int]
    deadlines: list[Deadline]


def section_times(ctx: TaskContext) -> list[SectionTime]:
    """Every subsection heading that is a time field, with the deadlines of its value."""
    out = []
    for section, i in ctx.heading_of.items():
        node = ctx.sections[section]
        p = ctx.paragraphs[i]
        m = SECTION_TIME.match(ctx.text, p.body_start, p.end)
        if node.parent is None or m is None:
            continue
        start = m.end() if m.end() < p.end else _next_paragraph_start(ctx, i, section)
        if start is None:
            continue
        stop = FIRST_SENTENCE_END.search(ctx.text, start + 1, node.span_end)
        end = stop.start() if stop else node.span_end
        found = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=start, end=end, time_field=True)
        if any(d.due_dates or d.recurrence for d in found):
            parent = ctx.sections[node.parent]
            out.append(SectionTime((parent.span_start, parent.span_end), (node.span_start, node.span_end), found))
    return out + lead_in_times(ctx)


def lead_in_times(ctx: TaskContext) -> list[SectionTime]:
    """Every section whose lead-in (the unlabelled paragraph right under its heading) opens with a
    time followed by a comma and ends by introducing items: the time bounds the rest of the section."""
    out = []
    for section, i in ctx.heading_of.items():
        if i + 1 >= len(ctx.paragraphs) or ctx.owner[i + 1] != section or ctx.node_at.get(i + 1) is not None:
            continue
        p = ctx.paragraphs[i + 1]
        if not INTRODUCES_ITEMS.search(ctx.text, p.start, p.end):
            continue
        comma = ctx.text.find(",", p.start, p.end)
        if comma < 0:
            continue
        found = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=p.start, end=comma)
        opening = [d for d in found if d.span_start - p.start <= OPENING_TIME_SLACK and d.span_end >= comma - 1]
        if opening and opening[0].due_dates:
            node = ctx.sections[section]
            out.append(SectionTime((p.end, node.span_end), (p.start, p.end), opening))
    return out


def _next_paragraph_start(ctx: TaskContext, i: int, section: int) -> int | None:
    """The value of a time heading written alone on its line: the unlabelled paragraph below it."""
    if i + 1 < len(ctx.paragraphs) and ctx.owner[i + 1] == section and ctx.node_at.get(i + 1) is None:
        return ctx.paragraphs[i + 1].start
    return None


def apply_section_times(ctx: TaskContext, drafts: list[Draft]) -> list[Draft]:
    """The drafts without the time fields themselves, each draft without a time of its own given
    the time field of the section it is in."""
    times = section_times(ctx)
    if not times:
        return drafts
    kept = [d for d in drafts if not any(_inside(d.start, t.field) for t in times)]
    for draft in kept:
        if draft.deadlines is not None:
            continue  # a block's or a table row's own time
        field = next((t for t in times if _inside(draft.start, t.within)), None)
        if field is not None and not find_deadlines(
            ctx.text, issue_date=ctx.issue_date, start=draft.start, end=draft.end
        ):
            draft.deadlines = list(field.deadlines)
    return kept


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos <= span[1]
