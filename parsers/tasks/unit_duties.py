"""The duties of a unit whose functions a regulation sets out: each is the unit's task.

"Điều 2. Nhiệm vụ và quyền hạn" of a regulation of the functions of "Sở Tư pháp" lists what the unit does;
a body an item names is the one it proposes to or works with, never the doer: "Đề nghị Chủ tịch Ủy ban nhân
dân tỉnh quyết định thu hồi, hủy bỏ giấy tờ hộ tịch ..." (Hà Tĩnh 2979) is the Sở's proposal to the Chairman,
"c) Phối hợp với các cơ quan, đơn vị liên quan để giải quyết, trả kết quả ..." (Cần Thơ 2519) the Trung tâm's
work with those bodies.
"""

from __future__ import annotations

import re

from parsers.tasks.context import Draft, TaskContext

# A duty that puts a matter to another body, matched at the duty's start: "Đề nghị Chủ tịch ...",
# "Kiến nghị ...", "Đề xuất ...", "Trình ..."
PROPOSES = re.compile(r"\W*(?:Đề\s+nghị|Kiến\s+nghị|Đề\s+xuất|Trình)\s", re.I)


def own_duties(ctx: TaskContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts``, those in the unit's duties article led by the unit: the bodies an item named as its
    leads become those it reports to (a proposal) or works with (any other duty)."""
    if ctx.unit is None or not ctx.unit_duties:
        return drafts
    spans = [(ctx.sections[k].span_start, ctx.sections[k].span_end) for k in ctx.unit_duties]
    for draft in drafts:
        if not any(s <= draft.start < e for s, e in spans):
            continue
        if any(m.agency.id == ctx.unit.agency.id for m in draft.lead):
            continue
        others = [m for m in draft.lead if m.agency.id != ctx.unit.agency.id]
        if PROPOSES.match(ctx.text, draft.start, draft.end):
            draft.report_to = others + draft.report_to
        else:
            draft.coordinate = others + draft.coordinate
        draft.lead = [ctx.unit]
    return drafts
