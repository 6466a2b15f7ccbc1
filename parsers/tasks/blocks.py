"""Task blocks: an item laid out as labelled fields (extraction guide §3, "Task blocks").

    1.1. Xây dựng các Chiến lược triển khai của thành phố Hà Nội:
    a) Nhiệm vụ: Tham mưu UBND Thành phố phối hợp với Bộ Công an rà soát, ...
    b) Cơ quan thực hiện:
    - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
    - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

Each bullet under "Nhiệm vụ" is a task (the text after "Nhiệm vụ:" is one task when it has
no bullets; the block's heading is the task when there is no "Nhiệm vụ" field), and every
task of the block takes its lead, coordinators and deadline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.deadlines import find_deadlines
from parsers.models import AgencyMention
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.roles import advised, coordinators, explicit_lead, report_targets
from parsers.tasks.shapes import FIELD, FIELD_ROLE, LABELLED_DETAIL, is_bullet


@dataclass
class Block:
    section: int
    paragraphs: set[int] = field(default_factory=set)
    values: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # role -> value spans
    task_items: list[tuple[int, int]] = field(default_factory=list)  # bullets under "Nhiệm vụ:"


def _field_role(name: str) -> str:
    for role, pattern in FIELD_ROLE:
        if pattern.search(name.strip()):
            return role
    return "other"


def _field(ctx: TaskContext, i: int) -> re.Match[str] | None:
    p = ctx.paragraphs[i]
    return FIELD.match(ctx.text, p.body_start, p.end) if not p.is_row else None


def _subtree_ends(ctx: TaskContext) -> list[int]:
    """For each section, the index just past its last subsection (sections are in text order)."""
    ends = [len(ctx.sections)] * len(ctx.sections)
    open_sections: list[int] = []
    for k, section in enumerate(ctx.sections):
        while open_sections and ctx.sections[open_sections[-1]].level >= section.level:
            ends[open_sections.pop()] = k
        open_sections.append(k)
    return ends


def find_blocks(ctx: TaskContext) -> list[Block]:
    """Sections laid out as field blocks (at least two fields, one of them the doer or the task).

    The innermost such section is the block; its fields may be its own paragraphs ("- Cơ quan
    chủ trì: ...") or subsections ("b) Cơ quan thực hiện:"), which then belong to it.
    """
    fields = [_field(ctx, i) for i in range(len(ctx.paragraphs))]
    ends = _subtree_ends(ctx)
    claimed = [False] * len(ctx.sections)
    claimed_below = [False] * len(ctx.sections)
    blocks: list[Block] = []
    for k in sorted(range(len(ctx.sections)), key=lambda s: -ctx.sections[s].level):
        heading = ctx.heading_of.get(k)
        if claimed[k] or claimed_below[k] or (heading is not None and fields[heading]):
            continue  # inside a block already, or a field of a larger block ("b) Cơ quan thực hiện:")
        members = sorted(
            i
            for s in range(k, ends[k])
            for i in ctx.members.get(s, [])
            if i not in ctx.closing and (s != k or ctx.node_at.get(i) != k)
        )
        roles = {_field_role(m["field"]) for i in members if (m := fields[i])}
        if len(roles) < 2 or not ({"lead", "task"} & roles):
            continue
        for part in _sub_blocks(ctx, members, fields):
            blocks.append(_read_block(ctx, k, part, fields))
        for s in range(k, ends[k]):
            claimed[s] = True
        parent = ctx.sections[k].parent
        while parent is not None:
            claimed_below[parent] = True
            parent = ctx.sections[parent].parent
    return blocks


def _sub_blocks(ctx: TaskContext, members: list[int], fields: list[re.Match[str] | None]) -> list[list[int]]:
    """A section's members split at its sub-heads, each a block of its own:

        5. Xây dựng Nghị định của Chính phủ
        - Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân   <- a sub-head
        + Nội dung: ...  + Cơ quan chủ trì: Bộ Công an.  + Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.
        - Nghị định xử phạt vi phạm hành chính ...                              <- a sub-head

    A sub-head is a bullet that is no field, followed by fields of another bullet style, outside a
    "Nhiệm vụ:" list (whose bullets are its tasks)."""
    heads: list[int] = []
    current = None
    for n, i in enumerate(members):
        if fields[i]:
            current = _field_role(fields[i]["field"])
            continue
        p, nxt = ctx.paragraphs[i], members[n + 1] if n + 1 < len(members) else None
        nested = nxt is not None and fields[nxt] is not None and ctx.paragraphs[nxt].style != p.style
        if current != "task" and is_bullet(p) and nested:
            heads.append(n)
    if not heads or any(fields[i] for i in members[: heads[0]]):
        return [members]
    return [members[a:b] for a, b in zip(heads, [*heads[1:], len(members)], strict=True)]


def _read_block(ctx: TaskContext, section: int, members: list[int], fields: list[re.Match[str] | None]) -> Block:
    """Field values and task items of one block, in reading order; a block that opens with a
    sub-head ("- Nghị định quy định chi tiết ...") has it as its task."""
    block = Block(section=section, paragraphs=set(members))
    head = ctx.paragraphs[members[0]]
    if not fields[members[0]] and is_bullet(head) and len(members) > 1 and fields[members[1]]:
        block.task_items.append((head.body_start, head.end))
    current = None
    for i in members:
        m = fields[i]
        p = ctx.paragraphs[i]
        if m:
            current = _field_role(m["field"])
            if m.end() < p.end:
                block.values.setdefault(current, []).append((m.end(), p.end))
            else:
                block.values.setdefault(current, [])
        elif current == "task" and is_bullet(p):
            block.task_items.append((p.body_start, p.end))
        elif current:
            block.values.setdefault(current, []).append((p.body_start, p.end))
    return block


def _block_roles(ctx: TaskContext, block: Block, inherited: list[AgencyMention]):
    lead: list[AgencyMention] = []
    coordinate: list[AgencyMention] = []
    for start, end in block.values.get("lead", []):
        chain = explicit_lead(ctx.index, start, end)
        chains = ctx.index.chains(start, end)
        if chain:
            lead += chain.leads()
            coordinate += [
                m for c in chains if c is not chain and not advised(ctx.index, c) for m in c.outside_parentheses()
            ]
        else:
            doers = [c for c in chains if not advised(ctx.index, c)]
            specific = [m for c in doers for m in c.outside_parentheses()]
            lead += specific or [m for c in doers for m in c.mentions[:1]][:1]
    for start, end in block.values.get("coordinate", []):
        coordinate += [m for c in ctx.index.chains(start, end) for m in c.outside_parentheses()]
    return (lead or list(inherited)), coordinate


def block_tasks(ctx: TaskContext, block: Block, inherited: list[AgencyMention]) -> list[Draft]:
    """The tasks of one block, each with the block's roles and deadline."""
    section = ctx.sections[block.section]
    lead, coordinate = _block_roles(ctx, block, inherited)
    deadlines = []
    for start, end in block.values.get("deadline", []):
        deadlines += find_deadlines(ctx.text, issue_date=ctx.issue_date, start=start, end=end, time_field=True)
    # "Số lượng: 02 hội nghị/năm", "Thành phần: ..." under "Nội dung:" describe the task, are not tasks
    spans = [(s, e) for s, e in block.task_items if not LABELLED_DETAIL.match(ctx.text, s, e)]
    if not spans:
        spans = [(s, e) for s, e in block.values.get("task", []) if ctx.text[s:e].strip()]
    if not spans:
        heading = ctx.paragraph_starting(section.span_start)
        if heading is None:
            return []
        spans = [(heading.body_start, heading.end)]
    drafts = []
    for start, end in spans:
        own = explicit_lead(ctx.index, start, end)
        drafts.append(
            Draft(
                section=section.path,
                start=start,
                end=end,
                shape="block",
                lead=own.leads() if own else list(lead),
                coordinate=list(coordinate) + coordinators(ctx.index, start, end),
                report_to=report_targets(ctx.index, start, end),
                deadlines=list(deadlines),
            )
        )
    return drafts
