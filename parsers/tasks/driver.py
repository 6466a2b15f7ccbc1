"""Tasks: one row per assignment of work, with its lead, coordinators, report-to and deadline.

Plans come in several shapes (extraction guide §3); the walk below reads them all:

- items ("- ...", "1. ...", "a) ...") under agency headings ("1. Sở Tài chính:") or topic
  headings ("1. Về dữ liệu"), led by the heading's agency unless the item names its own;
- items that open with their subject ("Sở Tài chính chủ trì, phối hợp ...") or assign one
  ("Giao Công an tỉnh chủ trì ...");
- field blocks ("a) Nhiệm vụ: ... b) Cơ quan thực hiện: ... c) Thời gian thực hiện: ...");
- activities described by their attributes alone ("1.1.1. Đối với vùng nuôi tôm nước lợ" / "a. Thời gian
  thực hiện: ..." / "b. Địa điểm ..."): the heading is the task;
- task tables (Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành);
- closing paragraphs that still assign reporting ("... phản ánh về Sở Y tế để tổng hợp").

Objectives and requirements are not tasks, nor are lead-ins ("... các nhiệm vụ sau:").
"""

from __future__ import annotations

from parsers.agencies.mentions import unnamed_lead
from parsers.deadlines import find_deadlines
from parsers.models import AgencyMention, Metadata, Task, TaskAgency
from parsers.tasks.actions import classify_action
from parsers.tasks.blocks import block_tasks, find_blocks
from parsers.tasks.clause_limits import apply_clause_limits
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.described import described_activities
from parsers.tasks.headings import inherited_lead
from parsers.tasks.items import item_tasks
from parsers.tasks.not_tasks import assigns_nothing, describes_subject
from parsers.tasks.roles import TOPIC, roles_from
from parsers.tasks.splits import split_second_bodies
from parsers.tasks.tables import table_tasks
from parsers.tasks.time_fields import apply_section_times
from parsers.tasks.unit_duties import own_duties
from parsers.text.structure import Layout

# "Quốc hội có những nhiệm vụ và quyền hạn sau đây: 1. Làm Hiến pháp ...": powers, not tasks
CHARTER_TYPES = {"hiến pháp"}


def find_tasks(layout: Layout, mentions: list[AgencyMention], metadata: Metadata, *, nlp: bool = True) -> list[Task]:
    """Every task of a document, in reading order; a task naming no agency is led by
    ``UNNAMED`` (the guide's "*collective*").

    ``metadata`` gives the issue date deadlines count from and the document type (a law's
    articles are rules, not tasks); ``nlp=False`` reads without underthesea's tagger.
    """
    if (metadata.doc_type or "").casefold() in CHARTER_TYPES:
        return []  # a constitution grants powers and rights; it assigns no work
    ctx = TaskContext.build(layout, mentions, metadata, nlp)
    drafts: list[Draft] = []
    handled: set[int] = set(ctx.closing)
    for block in find_blocks(ctx):
        handled |= block.paragraphs
        drafts += block_tasks(ctx, block, inherited_lead(ctx, block.section))
    for activity in described_activities(ctx, handled):
        handled |= activity.paragraphs
        drafts.append(activity.draft)
    drafts += table_tasks(ctx, handled)
    handled |= {i for i, p in enumerate(ctx.paragraphs) if p.is_row}
    drafts += item_tasks(ctx, handled)
    drafts.sort(key=lambda d: d.start)
    drafts = own_duties(ctx, drafts)
    drafts = [d for d in apply_section_times(ctx, drafts) if not assigns_nothing(ctx.text[d.start : d.end])]
    drafts = [d for d in split_second_bodies(ctx, drafts) if not describes_subject(ctx.index, d.start, d.end)]
    return apply_clause_limits(ctx, [_finish(ctx, d) for d in drafts])


def _finish(ctx: TaskContext, draft: Draft) -> Task:
    text = ctx.text[draft.start : draft.end].strip()
    deadlines = draft.deadlines
    if deadlines is None:
        # a time in the topic names the matter, not the task's deadline: "Về điều chuyển số vốn dư,
        # không có khả năng giải ngân trong năm 2025 ...: Ủy ban nhân dân tỉnh ... trong Quý I năm 2026"
        topic = TOPIC.match(ctx.text[draft.start : draft.end])
        start = draft.start + (topic.end() if topic else 0)
        deadlines = find_deadlines(ctx.text, issue_date=ctx.issue_date, start=start, end=draft.end)
    # a letter's requests that name no lead are for the bodies it is addressed to
    lead = draft.lead or ctx.addressees or [unnamed_lead(draft.start)]
    agencies = [
        TaskAgency(agency=m.agency, role=role, surface=m.surface, span_start=m.span_start, span_end=m.span_end)
        for role, m in roles_from(lead, draft.coordinate, draft.report_to)
    ]
    return Task(
        section=draft.section,
        text=text,
        action=classify_action(text),
        shape=draft.shape,
        agencies=agencies,
        deadlines=deadlines,
        span_start=draft.start,
        span_end=draft.start + len(ctx.text[draft.start : draft.end].rstrip()),
    )
