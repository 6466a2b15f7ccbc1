"""Labelled items ("- ...", "1. ...", "a) ...") read in order: headings and lead-ins give the
lead of the items below them, an item's sub-bullets are its details, and each remaining item
that passes its zone's test is a task."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.models import AgencyMention
from parsers.tasks.acceptance import accepts, assigns_duties, is_detail, item_roles
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.headings import inherited_lead, inline_text, is_agency_heading, lead_heading
from parsers.tasks.letter_requests import addressee_request
from parsers.tasks.paragraphs import agency_line, free_paragraph, is_topic_label
from parsers.tasks.roles import acts_after, doer_of, explicit_lead, subject, subject_after_time_limit
from parsers.tasks.shapes import (
    EXECUTION_FORMULA,
    ISSUING,
    LIST_INTRO,
    TIME_FIELD_LINE,
    after_formula,
    ends_with_colon,
    is_addressee_heading,
    is_bullet,
    is_heading_like,
    is_topic_heading,
)
from parsers.tasks.splits import FULL_STOP, later_doer
from parsers.text.structure import Paragraph


def item_tasks(ctx: TaskContext, handled: set[int]) -> list[Draft]:
    """The tasks of every labelled item and free paragraph not ``handled`` (blocks, tables)."""
    walk = _ItemWalk(ctx, depths(ctx, handled))
    for i, p in enumerate(ctx.paragraphs):
        if i in handled or p.start < ctx.body_start or p.is_row:
            continue
        if ctx.procedures_from is not None and i >= ctx.procedures_from:
            break  # the annexed procedures of a decision about procedures: no tasks
        walk.visit(i, p)
    return walk.drafts


@dataclass
class _ItemWalk:
    """The state of the walk over a document's items, in reading order."""

    ctx: TaskContext
    depth: dict[int, int]
    drafts: list[Draft] = field(default_factory=list)
    absorbing: tuple[int, Draft] | None = None  # an item whose sub-bullets are its own details
    # (depth, leads, offset) of open lead-ins
    lead_ins: list[tuple[int, list[AgencyMention], int]] = field(default_factory=list)
    detail_depth: int | None = None  # depth of the list items being folded into the task above

    def visit(self, i: int, p: Paragraph) -> None:
        ctx = self.ctx
        section, node, d = ctx.owner[i], ctx.node_at.get(i), self.depth.get(i)
        self.lead_ins = [lead_in for lead_in in self.lead_ins if d is not None and lead_in[0] < d]
        if self.absorbing and d is not None and d > self.absorbing[0]:
            self.absorbing[1].end = p.end
            return
        self.absorbing = None
        if d is None and self._trailing_time(i, p):
            return
        enclosing = ctx.sections[node].parent if node is not None else section
        request = addressee_request(ctx, i) if d is None and ctx.zone(section) != "none" else None
        if request:  # a letter's "Đề nghị Công ty ... thực hiện đúng quy định.", even after the rules it quotes
            self.drafts.append(request)
            return
        if ctx.zone(section) == "none" or section in ctx.summary_sections or enclosing in ctx.summary_sections:
            return
        if d is None:  # a paragraph without a label
            self._unlabelled(i, p)
        elif ctx.enacts(i):
            return  # "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế ..."
        elif EXECUTION_FORMULA.search(p.text):
            self._after_formula(i, p)  # "Điều 4. Chánh Văn phòng ... chịu trách nhiệm thi hành Quyết định này."
        elif not self._is_heading(i, p, node):
            self._labelled(i, p, d)
        else:
            self.drafts += agency_line(ctx, i)  # "c) Sở Tài chính: Chủ trì, phối hợp ..."

    def _after_formula(self, i: int, p: Paragraph) -> None:
        """The sentences after a closing formula, a task when they assign: "Điều 3. Quyết định này có
        hiệu lực kể từ ngày ký, ban hành. Các cơ quan, đơn vị có liên quan bảo đảm triển khai ..."."""
        ctx = self.ctx
        start = after_formula(ctx.text, p.body_start, p.end)
        if start is None:
            return
        section = ctx.owner[i]
        inherited = inherited_lead(ctx, section)
        draft = Draft(ctx.section_path(section), start, p.end, "paragraph")
        named = item_roles(ctx, draft, start, p.end, inherited)
        if accepts(ctx, ctx.zone(section), p, named, inherited):
            self.drafts.append(draft)

    def _trailing_time(self, i: int, p: Paragraph) -> bool:
        """A time field on its own line after an item is that item's deadline: "- Tham mưu triển
        khai ..." / "Thời gian hoàn thành: Tháng 11 - 12/2025."."""
        last = self.drafts[-1] if self.drafts else None
        if last is None or not i or not TIME_FIELD_LINE.match(p.text):
            return False
        previous = self.ctx.paragraphs[i - 1]
        if not previous.start <= last.end <= previous.end:
            return False
        last.end = p.end
        return True

    def _unlabelled(self, i: int, p: Paragraph) -> None:
        ctx = self.ctx
        nxt = self.depth.get(i + 1) is not None  # items follow
        chain = subject(ctx.index, p.start, p.end) if nxt and ends_with_colon(p) else None
        rest = ctx.text[chain.end : p.end].strip(" :") if chain else ""
        if chain and ISSUING.match(rest):
            return  # "UBND tỉnh ban hành Kế hoạch ..., cụ thể như sau:" introduces the plan, leads nothing
        step = _step_before_list(ctx, i, p) if ctx.charter and nxt and ends_with_colon(p) else []
        if step:
            self.drafts += step  # its doer does the first step, not the steps listed after "... như sau:"
            return
        if chain:
            chain = doer_of(ctx.index, chain, p.end)  # "Sở X đề nghị UBND các xã, phường ... Cụ thể:"
            rest = ctx.text[chain.end : p.end].strip(" :") if chain else ""
        if chain and (len(rest.split()) <= 4 or LIST_INTRO.search(p.text)):
            # "Ủy ban nhân dân các tỉnh, thành phố:"
            self.lead_ins.append((self.depth[i + 1] - 1, chain.leads(), p.start))
            return
        self.drafts += free_paragraph(ctx, i)

    def _is_heading(self, i: int, p: Paragraph, node: int | None) -> bool:
        """A heading: its items are the tasks."""
        ctx = self.ctx
        has_below = i + 1 < len(ctx.paragraphs) and ctx.owner[i + 1] == node and ctx.node_at.get(i + 1) is None
        if node is None or node in ctx.parents:
            return node is not None
        if is_agency_heading(ctx, node):
            # "4. Sở Văn hóa, Thể thao và Du lịch: Tiếp tục chỉ đạo ...": a label line carrying its task
            return _has_children(ctx.paragraphs, i, self.depth) or inline_text(ctx, node) is None
        # "1. Về kiến nghị ...; ban hành mới ...:" and paragraphs below: a topic, its paragraphs are the tasks
        return (is_heading_like(p) or is_topic_heading(p) or is_topic_label(p)) and has_below

    def _inherited(self, section: int | None) -> list[AgencyMention]:
        """The doers an item inherits: its open lead-in's, unless a heading below that lead-in names its
        own ("Nhằm ..., Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành ...: / I. ... / 1. Các cơ
        quan đăng ký đầu tư (Sở Tài chính, ...): / a) Là đầu mối chủ trì ..." is led by the heading's bodies)."""
        heading = lead_heading(self.ctx, section)
        if self.lead_ins and (heading is None or self.ctx.sections[heading].span_start < self.lead_ins[-1][2]):
            return self.lead_ins[-1][1]
        return inherited_lead(self.ctx, section)

    def _labelled(self, i: int, p: Paragraph, d: int) -> None:
        ctx = self.ctx
        children = _has_children(ctx.paragraphs, i, self.depth)
        if children and (ends_with_colon(p) or is_heading_like(p) or is_addressee_heading(p)):
            chain = subject(ctx.index, p.body_start, p.end) or explicit_lead(ctx.index, p.body_start, p.end)
            if chain:
                self.lead_ins.append((d, chain.leads(), p.start))
            return  # a lead-in: its items are the tasks
        last = self.drafts[-1] if self.drafts else None
        lists_details = last and (self.detail_depth == d or ctx.text[last.start : last.end].rstrip().endswith(":"))
        if lists_details and is_detail(ctx, p):
            last.end = p.end  # "... như: - Hệ thống giám sát ...": objects of the task above
            self.detail_depth = d
            return
        self.detail_depth = None
        section = ctx.owner[i]
        inherited = self._inherited(section)
        node = ctx.node_at.get(i)
        start = (inline_text(ctx, node) if node is not None else None) or p.body_start
        draft = Draft(ctx.parent_path(i), start, p.end, "item")
        named = item_roles(ctx, draft, p.body_start, p.end, inherited, duties=assigns_duties(ctx, section))
        if not accepts(ctx, ctx.zone(section), p, named, inherited):
            steps = ctx.charter and ctx.zone(section) == "weak" and not children
            later = later_doer(ctx, p.body_start, p.end) if steps else None
            if later is None:
                return
            draft = Draft(ctx.parent_path(i), later, p.end, "item")
            item_roles(ctx, draft, later, p.end, [])
        self.drafts.append(draft)
        if children:
            self.absorbing = (d, draft)


def _step_before_list(ctx: TaskContext, i: int, p: Paragraph) -> list[Draft]:
    """A charter's step that opens a procedure's list, a task of its own where its first sentence names who
    acts: "Căn cứ cơ cấu, tiêu chuẩn, ..., Chánh Văn phòng Hội đồng trình Chủ tịch Hội đồng về phương án nhân sự
    .... Sau khi được sự đồng ý về chủ trương, quy trình thực hiện như sau:", "Chậm nhất 90 ngày trước khi hết
    nhiệm kỳ ..., Văn phòng Hội đồng báo cáo, xin chủ trương của Chủ tịch Hội đồng ...."."""
    first = FULL_STOP.search(ctx.text, p.start, p.end)
    if first is None:
        return []  # the whole paragraph is the lead-in
    end = first.start() + 1
    doer = subject(ctx.index, p.start, end) or subject_after_time_limit(ctx.index, p.start, end)
    if doer is None or not acts_after(ctx.text, doer.end, end):
        return []
    draft = Draft(ctx.section_path(ctx.owner[i]), p.start, end, "paragraph")
    item_roles(ctx, draft, p.start, end, [], duties=True)
    return [draft]


def _has_children(paragraphs: list[Paragraph], i: int, depth: dict[int, int]) -> bool:
    j = i + 1
    return j < len(paragraphs) and j in depth and depth[j] > depth.get(i, -1)


def depths(ctx: TaskContext, handled: set[int]) -> dict[int, int]:
    """Nesting depth of every labelled paragraph: section level, then bullet style order."""
    depth: dict[int, int] = {}
    styles: dict[int | None, list[str]] = {}
    for i, p in enumerate(ctx.paragraphs):
        if i in handled or p.start < ctx.body_start or p.is_row or p.style is None:
            continue
        node = ctx.node_at.get(i)
        if node is not None:
            depth[i] = ctx.sections[node].level * 10
        elif is_bullet(p):
            section = ctx.owner[i]
            seen = styles.setdefault(section, [])
            if p.style not in seen:
                seen.append(p.style)
            level = ctx.sections[section].level if section is not None else 0
            depth[i] = level * 10 + 1 + seen.index(p.style)
    return depth
