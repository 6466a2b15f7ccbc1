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
from typing import TYPE_CHECKING

from parsers.deadlines import find_deadlines
from parsers.models import AgencyMention
from parsers.task_roles import advised, coordinators, explicit_lead, report_targets
from parsers.task_shapes import FIELD, FIELD_ROLE, is_bullet

if TYPE_CHECKING:
    from parsers.tasks import Doc, Draft


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


def _field(doc: Doc, i: int) -> re.Match[str] | None:
    p = doc.paragraphs[i]
    return FIELD.match(doc.text, p.body_start, p.end) if not p.is_row else None


def _subtree(doc: Doc, section: int) -> set[int]:
    out = {section}
    changed = True
    while changed:
        changed = False
        for k, s in enumerate(doc.sections):
            if s.parent in out and k not in out:
                out.add(k)
                changed = True
    return out


def find_blocks(doc: Doc, skip: set[int]) -> list[Block]:
    """Sections laid out as field blocks (at least two fields, one of them the doer or the task)."""
    blocks: list[Block] = []
    claimed: set[int] = set()
    for k in sorted(range(len(doc.sections)), key=lambda s: -doc.sections[s].level):
        heading = next((i for i, node in doc.node_at.items() if node == k), None)
        if k in claimed or (heading is not None and _field(doc, heading)):
            continue  # a field of a larger block ("b) Cơ quan thực hiện:")
        subtree = _subtree(doc, k) - {k}
        members = [
            i
            for i, o in enumerate(doc.owner)
            if i not in skip and (o in subtree or (o == k and doc.node_at.get(i) != k))
        ]
        roles = [_field_role(m["field"]) for i in members if (m := _field(doc, i))]
        if len(roles) < 2 or not ({"lead", "task"} & set(roles)) or any(s in claimed for s in subtree):
            continue
        block = Block(section=k, paragraphs=set(members))
        current = None
        for i in members:
            m = _field(doc, i)
            p = doc.paragraphs[i]
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
        blocks.append(block)
        claimed |= subtree | {k}
    return blocks


def _block_roles(doc: Doc, block: Block, inherited: list[AgencyMention]):
    lead: list[AgencyMention] = []
    coordinate: list[AgencyMention] = []
    for start, end in block.values.get("lead", []):
        chain = explicit_lead(doc.index, start, end)
        chains = doc.index.chains(start, end)
        if chain:
            lead += chain.leads()
            coordinate += [
                m for c in chains if c is not chain and not advised(doc.index, c) for m in c.outside_parentheses()
            ]
        else:
            doers = [c for c in chains if not advised(doc.index, c)]
            specific = [m for c in doers for m in c.outside_parentheses()]
            lead += specific or [m for c in doers for m in c.mentions[:1]][:1]
    for start, end in block.values.get("coordinate", []):
        coordinate += [m for c in doc.index.chains(start, end) for m in c.outside_parentheses()]
    return (lead or list(inherited)), coordinate


def block_tasks(doc: Doc, block: Block, inherited: list[AgencyMention]) -> list[Draft]:
    """The tasks of one block, each with the block's roles and deadline."""
    from parsers.tasks import Draft

    section = doc.sections[block.section]
    lead, coordinate = _block_roles(doc, block, inherited)
    deadlines = []
    for start, end in block.values.get("deadline", []):
        deadlines += find_deadlines(doc.text, issue_date=doc.issue_date, start=start, end=end, time_field=True)
    spans = list(block.task_items)
    if not spans:
        spans = [(s, e) for s, e in block.values.get("task", []) if doc.text[s:e].strip()]
    if not spans:
        heading = next((p for p in doc.paragraphs if p.start == section.span_start), None)
        if heading is None:
            return []
        spans = [(heading.body_start, heading.end)]
    drafts = []
    for start, end in spans:
        own = explicit_lead(doc.index, start, end)
        drafts.append(
            Draft(
                section=section.path,
                start=start,
                end=end,
                shape="block",
                lead=own.leads() if own else list(lead),
                coordinate=list(coordinate) + coordinators(doc.index, start, end),
                report_to=report_targets(doc.index, start, end),
                deadlines=list(deadlines),
            )
        )
    return drafts
