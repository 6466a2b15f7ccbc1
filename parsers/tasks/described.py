"""Activities described by their attributes: a plan's heading names the work, the lines below it only
say when, where, what is measured and how much, and nobody is named to do it.

    1.1.1. Đối với vùng nuôi tôm nước lợ (đối tượng nuôi tôm thẻ chân trắng, tôm sú)
    a. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hàng năm
    b. Địa điểm, số điểm quan trắc
    - Địa điểm quan trắc: ...   - Số điểm quan trắc: 08 điểm, ...
    c. Thông số (chỉ tiêu), tần suất quan trắc môi trường nuôi tôm nước lợ
    - Mẫu nước nguồn cấp: ...

    3. Hội nghị phổ biến, tuyên truyền, vận động người dân, ...
    - Nội dung: Phổ biến, tuyên truyền, hướng dẫn người dân ...
    - Số lượng: 02 hội nghị/năm × 50 đại biểu/hội nghị.   - Thành phần: ...   - Thời gian: 01 ngày/hội nghị.

Each such heading is one task, its attributes part of its text, led by the body a heading above names or
by nobody named (``*collective*``); its deadline is read from its time attribute alone ("Từ tháng 3 đến
tháng 11 hàng năm": yearly), never from counts and frequencies ("02 hội nghị/năm", "2 đợt/tháng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.deadlines import find_deadlines
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.headings import inherited_lead
from parsers.tasks.shapes import is_bullet, is_heading_like

# The attributes an activity is described by, opening a line: its time, place, measured parameters,
# quantities, participants, form, content, budget, or the occasion it is done on ("Khi môi trường có
# diễn biến bất thường ...")
ATTRIBUTE = re.compile(
    r"^\W*(?:Thời\s+(?:gian|điểm)|Địa\s+(?:điểm|bàn)|(?:Số\s+)?[Đđ]iểm\s+quan\s+trắc|Vị\s+trí|Số\s+lượng|"
    r"Thông\s+số|Tần\s+suất|Thành\s+phần|Hình\s+thức|Nội\s+dung|Quy\s+mô|(?:Dự\s+kiến\s+)?[Kk]inh\s+phí|Khi)\b",
    re.I,
)
TIME_ATTRIBUTE = re.compile(r"^\W*Thời\s+(?:gian|điểm)(?:\s+[^\W\d]+){0,3}\s*:\s*", re.I)
MIN_ATTRIBUTES = 2


@dataclass
class Described:
    paragraphs: set[int]
    draft: Draft


def described_activities(ctx: TaskContext, handled: set[int]) -> list[Described]:
    """Every heading whose section holds only its attributes (see the module docstring)."""
    out = []
    for section, i in ctx.heading_of.items():
        members = _subtree(ctx, section)
        if not members or any(k in handled or k in ctx.closing for k in [i, *members]):
            continue
        if ctx.zone(section) not in {"strong", "medium"} or section in ctx.summary_sections:
            continue
        heading = ctx.paragraphs[i]
        if ATTRIBUTE.match(heading.body) or not is_heading_like(heading) or is_bullet(heading):
            continue
        attributes = _attributes(ctx, section, members)
        if attributes is None or len(attributes) < MIN_ATTRIBUTES:
            continue
        end = max(ctx.paragraphs[k].end for k in members)
        draft = Draft(ctx.parent_path(i), heading.body_start, end, "block", lead=list(inherited_lead(ctx, section)))
        draft.deadlines = _time(ctx, attributes)
        out.append(Described({i, *members}, draft))
    return out


def _subtree(ctx: TaskContext, section: int) -> list[int]:
    """The paragraphs under a heading (its own and its subsections'), the heading itself left out."""
    start, end = ctx.sections[section].span_start, ctx.sections[section].span_end
    heading = ctx.heading_of[section]
    return [k for k, p in enumerate(ctx.paragraphs) if start <= p.start and p.end <= end and k != heading]


def _attributes(ctx: TaskContext, section: int, members: list[int]) -> list[int] | None:
    """The attribute lines right under a heading (its subsection headings and its first bullet level),
    or None when a line there is anything else (an action, a doer, a sentence of its own)."""
    attributes = []
    top_style = None
    for k in members:
        p = ctx.paragraphs[k]
        node = ctx.node_at.get(k)
        if node is not None:
            if ctx.sections[node].parent != section:
                continue  # a line inside an attribute's own subsection
        elif ctx.owner[k] != section:
            continue
        elif p.is_row or p.text.lstrip(" *").startswith("("):
            continue  # a note: "(Vị trí, địa điểm quan trắc theo phụ lục 01 đính kèm)"
        elif is_bullet(p):
            top_style = top_style or p.style
            if p.style != top_style:
                continue  # the values of the attribute above: "+ Thủy lý, thủy hóa và vi sinh vật: ..."
        else:
            return None
        if not ATTRIBUTE.match(p.body):
            return None
        attributes.append(k)
    return attributes


def _time(ctx: TaskContext, attributes: list[int]) -> list:
    deadlines = []
    for k in attributes:
        p = ctx.paragraphs[k]
        m = TIME_ATTRIBUTE.match(p.body)
        if m:
            start = p.body_start + m.end()
            deadlines += find_deadlines(ctx.text, issue_date=ctx.issue_date, start=start, end=p.end, time_field=True)
    return deadlines
