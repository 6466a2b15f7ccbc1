"""An item that gives a second body a job of its own, in a sentence of its own, is two tasks:

    4. Về đầu tư kho dầu thô dự trữ quốc gia: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng
    lượng Quốc gia Việt Nam chủ động làm việc ... . Để xác định vị trí cụ thể của dự án, Ủy ban nhân
    dân tỉnh Thanh Hóa phối hợp với Bộ Công Thương ... rà soát ..., báo cáo Thủ tướng Chính phủ kết
    quả thực hiện trong tháng 12 năm 2025.

The second task starts at the sentence whose subject is another body that acts; each task keeps
its own coordinators, report-to and deadline. Only a full stop splits: "Sở X chủ trì ...; Sở Y, Sở Z
chủ động tổ chức triển khai" is one task with Y and Z as coordinators (guide §3).
"""

from __future__ import annotations

import re

from parsers.lexicon.vietnamese import UPPER
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.roles import coordinators, report_targets, subject

# A full stop, then the next sentence: ". Để xác định vị trí ...", ". Bộ Khoa học và Công nghệ ..."
FULL_STOP = re.compile(r"\.\s+(?=[\"“(]?[" + UPPER + "])")
SPLIT_SHAPES = {"item", "paragraph", "sentence"}
ACTS_WORDS = 2  # words after the subject, within its clause, for it to do something


def split_second_bodies(ctx: TaskContext, drafts: list[Draft]) -> list[Draft]:
    """The drafts, each one that gives another body a job in a later sentence split there."""
    out: list[Draft] = []
    for draft in drafts:
        out += _split(ctx, draft) if draft.shape in SPLIT_SHAPES and draft.deadlines is None else [draft]
    return out


def _split(ctx: TaskContext, draft: Draft) -> list[Draft]:
    leads = {m.agency.id for m in draft.lead}
    if not leads:
        return [draft]
    for stop in FULL_STOP.finditer(ctx.text, draft.start, draft.end):
        chain = subject(ctx.index, stop.end(), draft.end)
        if chain is None or not chain.specific() or {m.agency.id for m in chain.leads()} & leads:
            continue
        clause = re.split(r"[.;:]", ctx.text[chain.end : draft.end], maxsplit=1)[0]
        if len(clause.split()) < ACTS_WORDS:
            continue
        second = Draft(draft.section, stop.end(), draft.end, draft.shape, lead=chain.leads())
        _fill_roles(ctx, second)
        first = Draft(draft.section, draft.start, stop.start() + 1, draft.shape, lead=list(draft.lead))
        _fill_roles(ctx, first)
        return [first, *_split(ctx, second)]
    return [draft]


def _fill_roles(ctx: TaskContext, draft: Draft) -> None:
    draft.coordinate = coordinators(ctx.index, draft.start, draft.end)
    draft.report_to = report_targets(ctx.index, draft.start, draft.end)


def later_doer(ctx: TaskContext, start: int, end: int) -> int | None:
    """Where a later sentence of an item that names no doer opens with one that acts, in a regulation:
    "2. Các phiên họp của Hội đồng chỉ tiến hành khi có ít nhất 2/3 tổng số thành viên của Hội đồng dự họp.
    Hội đồng tổ chức họp định kỳ 01 tháng 01 lần ..." (a quorum rule, then the council's meetings)."""
    for stop in FULL_STOP.finditer(ctx.text, start, end):
        chain = subject(ctx.index, stop.end(), end)
        if chain is None or not chain.specific():
            continue
        clause = re.split(r"[.;:]", ctx.text[chain.end : end], maxsplit=1)[0]
        if len(clause.split()) >= ACTS_WORDS:
            return stop.end()
    return None
