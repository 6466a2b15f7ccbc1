"""What a heading says about the items below it: the agencies it names as their doers."""

from __future__ import annotations

import re

from parsers.agencies.mentions import unnamed_lead
from parsers.models import AgencyMention
from parsers.tasks.context import TaskContext
from parsers.tasks.roles import Chain, acts_after, subject
from parsers.tasks.shapes import HEADING_OWNER, HEADING_OWNER_BARE, LIST_INTRO, is_heading_like
from parsers.text.structure import Paragraph

# Words a label line must carry after its agency to be a task rather than a heading
INLINE_WORDS = 3


def heading_paragraph(ctx: TaskContext, section: int) -> Paragraph | None:
    i = ctx.heading_of.get(section)
    return ctx.paragraphs[i] if i is not None else None


def heading_subject(ctx: TaskContext, p: Paragraph) -> tuple[Chain | None, int]:
    """The chain a heading opens with, and where the heading's own words end (before ":")."""
    colon = _colon_outside_parentheses(p.text)
    end = p.start + colon if colon > 0 else p.end
    chain = subject(ctx.index, p.body_start, end)
    owner = HEADING_OWNER.match(ctx.text, p.body_start, end)
    if chain is None and owner:
        chain = subject(ctx.index, owner.end(), end)  # "Điều 7. Trách nhiệm của Bộ Tài chính"
    bare = HEADING_OWNER_BARE.match(ctx.text, p.body_start, end) if chain is None and not owner else None
    if bare:
        chain = _adjacent(subject(ctx.index, bare.end(), end), bare.end())  # "Điều 16. Trách nhiệm Sở Công Thương"
    return chain, end


def _adjacent(chain: Chain | None, start: int) -> Chain | None:
    """A chain that opens right where the heading's words end (not one further on)."""
    return chain if chain is not None and chain.start - start <= 4 else None


def _colon_outside_parentheses(text: str) -> int:
    """Where a heading's own words end: its first colon outside parentheses ("1.3. Các cơ quan tham mưu
    quản lý ngành (gồm các Sở: Xây dựng, Tài chính)" has none), or -1."""
    depth = 0
    for k, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ":" and depth == 0:
            return k
    return -1


def heading_lead(ctx: TaskContext, section: int) -> list[AgencyMention]:
    """Agencies a heading names as the doers of what is below it ("1. Sở Y tế:").

    A group heading that lists its members ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban
    Quản lý ...)") is led by the members.
    """
    if ctx.unit is not None and section in ctx.unit_duties and ctx.sections[section].parent not in ctx.unit_duties:
        return [ctx.unit]  # "Điều 2. Nhiệm vụ và quyền hạn" of the unit the regulation's title names
    p = heading_paragraph(ctx, section)
    if p is None:
        return []
    chain, end = heading_subject(ctx, p)
    if chain is None:
        # "Điều 12. Trách nhiệm của cá nhân sử dụng Hệ thống ...": the items are the duties of an
        # unnamed group, led by *collective*, tasks even in a regulation
        owner = HEADING_OWNER.match(ctx.text, p.body_start, end)
        return [unnamed_lead(owner.end())] if owner else []
    if not chain.specific():
        members = [c for c in ctx.index.chains(chain.end, end) if "(" in ctx.text[chain.end : c.start]]
        specific = [m for c in members for m in c.specific()]
        if specific:
            return specific
    rest = ctx.text[chain.end : end].strip(" :.,;")
    if len(rest.split()) > 8 and not is_heading_like(p) and not LIST_INTRO.search(p.text):
        return []
    return chain.leads()


def is_agency_heading(ctx: TaskContext, node: int) -> bool:
    """A heading that is just the doers' names: "4. Sở Văn hóa, Thể thao và Du lịch; Báo ..."."""
    p = heading_paragraph(ctx, node)
    if p is None:
        return False
    chain, end = heading_subject(ctx, p)
    if chain is None:
        return False
    rest = re.sub(r"\([^()]*\)", " ", ctx.text[chain.end : end]).strip(" :.,;")
    if len(rest.split()) > 3:
        return False
    # "b) Phó Chủ tịch Thường trực Hội đồng: Chủ tịch Hội đồng giới thiệu ...": the label names whom the step
    # concerns, another body acts after the colon
    doer = subject(ctx.index, end + 1, p.end)
    return doer is None or not acts_after(ctx.text, doer.end, p.end)


def inline_text(ctx: TaskContext, node: int) -> int | None:
    """Where an agency label's own text begins when the label line carries the task itself:
    "1. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy: Ban hành văn bản chỉ đạo ...", "9. Công an tỉnh:
    Chủ trì, phối hợp triển khai ..." -> the offset of "Ban hành", "Chủ trì"; None for a label that
    only names the doers ("4. Sở Nội vụ:") or introduces a list ("... thực hiện các nội dung sau:")."""
    p = heading_paragraph(ctx, node)
    if p is None or not is_agency_heading(ctx, node):
        return None
    _, end = heading_subject(ctx, p)
    rest = ctx.text[end : p.end]
    words = rest.strip(" :*").split()
    if len(words) < INLINE_WORDS or LIST_INTRO.search(rest) or rest.lstrip(" :*").startswith(("-", "+", "•")):
        return None
    return p.end - len(rest.lstrip(" :*"))


def lead_heading(ctx: TaskContext, section: int | None) -> int | None:
    """The nearest section above (or at) ``section`` whose heading names a lead (remembered in ``ctx.lead_memo``)."""
    while section is not None:
        if section not in ctx.lead_memo:
            ctx.lead_memo[section] = heading_lead(ctx, section)
        if ctx.lead_memo[section]:
            return section
        section = ctx.sections[section].parent
    return None


def inherited_lead(ctx: TaskContext, section: int | None) -> list[AgencyMention]:
    """The lead the nearest heading above names."""
    heading = lead_heading(ctx, section)
    return ctx.lead_memo[heading] if heading is not None else []
