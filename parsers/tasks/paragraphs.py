"""Unlabelled paragraphs that are tasks: a heading's only text, a closing paragraph that still
assigns ("... phản ánh về Sở Y tế để tổng hợp"), a sentence assigning a named agency."""

from __future__ import annotations

import re

from parsers.lexicon.vietnamese import is_caps
from parsers.tasks.acceptance import LEADING_ADVERB, accepts, assigns_duties, item_roles
from parsers.tasks.actions import UNKNOWN, opening_action
from parsers.tasks.clause_limits import CLAUSE_LIMIT
from parsers.tasks.context import Draft, TaskContext
from parsers.tasks.headings import heading_subject, inherited_lead, is_agency_heading
from parsers.tasks.process_steps import short_named_doer, step_body, step_doer
from parsers.tasks.roles import acts_after, explicit_lead, subject
from parsers.tasks.shapes import (
    ADDRESS_LINE,
    CLOSING_ASSIGNMENT,
    CLOSING_SENTENCE,
    CLOSING_ZONE_START,
    COURTESY_CLOSING,
    ISSUING,
    LIST_INTRO,
    NOTICE_CLOSING,
    OBJECT_LIST,
    SUMMARY_SENTENCE,
    TOPIC_OPENER,
    after_formula,
    ends_with_colon,
    is_heading_like,
    is_topic_heading,
)
from parsers.text.structure import Paragraph

OPENS = 3  # characters before a paragraph's doer, at most, for the paragraph to open with it
# Words after an agency heading's names that make its line a task of its own ("c) Sở Tài chính: Chủ trì, ...")
AGENCY_LINE_MIN_WORDS = 4
# A subject acted upon: "Doanh nghiệp, hợp tác xã, tổ chức có số điểm từ 50 trở lên được ... xem xét"
PASSIVE_AFTER_SUBJECT = re.compile(r"[^.;:]{0,60}?\bđược\b", re.I)


def free_paragraph(ctx: TaskContext, i: int) -> list[Draft]:
    """An unlabelled paragraph: a heading's only text, or a closing paragraph that assigns."""
    p = ctx.paragraphs[i]
    previous = ctx.paragraphs[i - 1] if i else None
    section = ctx.owner[i]
    heading = ctx.node_at.get(i - 1) if previous is not None else None
    under_heading = (
        heading is not None
        and (is_heading_like(previous) or is_topic_heading(previous) or is_agency_heading(ctx, heading))
        and _acts(ctx, p)
    ) or _under_topic(ctx, i)
    under_heading = under_heading or _follows_duty_heading(ctx, i)
    if is_caps(p.text) or p.text.startswith("(") or ADDRESS_LINE.match(p.text) or ctx.enacts(i):
        return []  # a title, a note or an address: "DANH MỤC NHIỆM VỤ ...", "(Kèm theo ...)", "Kính gửi: ..."
    step = step_body(ctx.text, p.start, p.end) if ctx.process and ctx.zone(section) != "none" else None
    if step is not None:
        return _process_step(ctx, section, step, p.end)
    start = after_formula(ctx.text, p.start, p.end)
    if start is None:
        return []  # "... chịu trách nhiệm thi hành Quyết định này."
    if _introduces_items(ctx, i):
        return []  # "... trân trọng đề nghị Bộ Xây dựng:" then "(i). Chỉ đạo ...": the items are the tasks
    if COURTESY_CLOSING.match(ctx.text, start, p.end):
        return []  # "... trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét, chỉ đạo giải quyết./."
    if under_heading and not LIST_INTRO.search(p.text) and not SUMMARY_SENTENCE.match(p.text):
        draft = Draft(ctx.section_path(section), start, p.end, "paragraph")
        inherited = inherited_lead(ctx, section)
        named = item_roles(ctx, draft, start, p.end, inherited, duties=assigns_duties(ctx, section))
        if not accepts(ctx, ctx.zone(section), p, named, inherited):
            return []
        if start == p.start and _sole_paragraph_of_topic(ctx, i):
            draft.start = previous.body_start  # "1. Về kiến nghị ...:" / one paragraph: one task from the label
        return [draft]
    closing = is_closing(ctx, i)
    if closing and (CLOSING_ASSIGNMENT.search(ctx.text, start, p.end) or _assigns_named(ctx, start, p.end)):
        return _closing_tasks(ctx, p, section, start)
    weak_step = ctx.zone(section) == "weak" and section is not None and not _issues(ctx, start, p.end)
    weak_step = weak_step and (ctx.charter or _opens_with_subject(ctx, start, p.end))
    if (ctx.zone(section) == "strong" or weak_step) and not closing and _subject_acts(ctx, start, p.end):
        draft = Draft(ctx.section_path(section), start, p.end, "paragraph")
        item_roles(ctx, draft, start, p.end, [])
        # "Căn cứ nội dung Kế hoạch này ..., các bộ, cơ quan ngang bộ ... xây dựng kế hoạch ..."; in a regulation
        # a paragraph whose doer acts, as a step naming who acts: "Chủ tịch Hội đồng phân công nhiệm vụ cho ..."
        return [draft]
    if ctx.zone(section) != "none" and _assigns_named(ctx, start, p.end):
        draft = Draft(ctx.section_path(section), start, p.end, "sentence")
        item_roles(ctx, draft, start, p.end, [])
        return [draft]  # "UBND tỉnh đề nghị Bộ Xây dựng chỉ đạo rà soát ...", "Giao Sở Y tế ..."
    return []


def _process_step(ctx: TaskContext, section: int | None, start: int, end: int) -> list[Draft]:
    """A process's step, a task of the body it names ("Bước 1. Trong thời gian 02 (hai) ngày làm việc, Ủy ban
    nhân dân cấp xã tiếp nhận ..."); none where it names no doer."""
    doer = step_doer(ctx.index, start, end)
    if doer is None:
        return []
    article = section
    while article is not None and ctx.sections[article].parent is not None:
        article = ctx.sections[article].parent
    doer = short_named_doer(ctx.index, doer, ctx.sections[article].span_start if article is not None else start)
    draft = Draft(ctx.section_path(section), start, end, "paragraph")
    item_roles(ctx, draft, start, end, [])
    draft.lead = doer.leads()
    # "nếu không có khiếu nại, phản ánh thì Ủy ban nhân dân ... trả kết quả": the doer after the condition's
    # "phản ánh" (a complaint, the noun) is not where the step reports
    draft.report_to = [m for m in draft.report_to if m not in doer.mentions]
    return [draft]


def _sole_paragraph_of_topic(ctx: TaskContext, i: int) -> bool:
    """Whether paragraph ``i`` is the only text under a topic label line ("1. Về kiến nghị hoàn thiện
    đồng bộ hệ thống pháp luật ...:"): the label and its paragraph are one task, as an item
    "2. Về dự án ...: Bộ Xây dựng khẩn trương rà soát ..." written on one line is."""
    label = ctx.paragraphs[i - 1]
    if not is_topic_label(label):
        return False
    if i + 1 >= len(ctx.paragraphs):
        return True
    nxt = ctx.paragraphs[i + 1]
    if nxt.style is not None or nxt.is_row or i + 1 in ctx.closing:
        return True
    return bool(SUMMARY_SENTENCE.match(nxt.text) or NOTICE_CLOSING.match(nxt.text))


def _under_topic(ctx: TaskContext, i: int) -> bool:
    """Whether paragraph ``i`` does something under a topic label line, directly or after other
    paragraphs of it ("1. Về kiến nghị ...:" / "Giao Bộ Tài chính ..." / "Sau khi ..., Bộ Tài chính
    khẩn trương báo cáo ..."); a list of the bodies the topic concerns does nothing ("d) Đối với giấy
    phép khai thác khoáng sản nhóm III ...:" / "Sở Nông nghiệp và Môi trường, Sở Xây dựng;")."""
    if NOTICE_CLOSING.match(ctx.paragraphs[i].text) or SUMMARY_SENTENCE.match(ctx.paragraphs[i].text):
        return False  # "Văn phòng Chính phủ thông báo để ... biết, thực hiện./."
    k = i - 1
    while k >= 0 and ctx.paragraphs[k].style is None and not ctx.paragraphs[k].is_row and ctx.owner[k] == ctx.owner[i]:
        k -= 1
    if k < 0 or ctx.node_at.get(k) is None or not is_topic_label(ctx.paragraphs[k]):
        return False
    return _acts(ctx, ctx.paragraphs[i])


def _acts(ctx: TaskContext, p: Paragraph) -> bool:
    """Not a bare list of bodies: "Sở Nông nghiệp và Môi trường, Sở Xây dựng;" under a heading."""
    chain = subject(ctx.index, p.start, p.end)
    return chain is None or acts_after(ctx.text, chain.end, p.end)


def is_topic_label(p: Paragraph) -> bool:
    """A label line naming a topic and closed by a colon: "1. Về kiến nghị hoàn thiện đồng bộ ...:"."""
    return p.style is not None and bool(TOPIC_OPENER.match(p.body)) and p.text.rstrip(" *").endswith(":")


def agency_line(ctx: TaskContext, i: int) -> list[Draft]:
    """The text after the names of an agency heading that carries its task on the same line: "c) Sở Tài
    chính: Chủ trì, phối hợp các sở, ngành liên quan tổ chức thẩm định ...", "7. Sở Công Thương: Chủ trì,
    phối hợp triển khai ..."; not a lead-in to a list (its line ends with a colon)."""
    p = ctx.paragraphs[i]
    node = ctx.node_at.get(i)
    if node is None or not is_agency_heading(ctx, node):
        return []
    _, names_end = heading_subject(ctx, p)
    start = names_end + 1
    while start < p.end and ctx.text[start] in " *:-–":
        start += 1
    rest = ctx.text[start : p.end]
    if len(rest.split()) < AGENCY_LINE_MIN_WORDS or rest.rstrip().endswith(":") or LIST_INTRO.search(rest):
        return []
    draft = Draft(ctx.parent_path(i), start, p.end, "item")
    item_roles(ctx, draft, start, p.end, inherited_lead(ctx, node))
    return [draft]


def _follows_duty_heading(ctx: TaskContext, i: int) -> bool:
    """Whether paragraph ``i`` is one of several unlabelled paragraphs right under a heading that names
    their doer: "b) Ủy ban nhân dân cấp xã:" / "Chủ trì phối hợp ..." / "Chủ trì, phối hợp với đơn vị đăng ký
    ..."; each paragraph is a task of that body (the first one is found as the heading's only text)."""
    section = ctx.owner[i]
    heading = ctx.heading_of.get(section) if section is not None else None
    if heading is None or heading >= i - 1:
        return False
    if any(ctx.paragraphs[j].style is not None or ctx.paragraphs[j].is_row for j in range(heading + 1, i)):
        return False
    p = ctx.paragraphs[i]
    if CLAUSE_LIMIT.match(p.text):
        return False  # "Thời hạn xử lý ... hoàn thành trước ngày 31 tháng 12 năm 2026.": the clause's time limit
    # a unit's duty after one closed by ";" need not open with a verb the table knows ("Quyết định giao ...")
    listed = section in ctx.unit_duties and ctx.paragraphs[i - 1].text.rstrip().endswith(";")
    if not (listed or _opens_with_duty(ctx, p)):
        return False
    # only a label line that ends with its colon: elsewhere a line break after a sentence may
    # split one paragraph ("7. Đề nghị Ủy ban MTTQ thành phố" / "Phối hợp ... phát triển." / "Tham gia ...")
    # (or, in a unit's duties article, a lead-in that names none: "a) Tham mưu, giúp Ủy ban nhân dân tỉnh:")
    label = ctx.paragraphs[heading]
    names_doer = section in ctx.unit_duties or is_agency_heading(ctx, section)
    return ends_with_colon(label) and not ends_with_colon(ctx.paragraphs[i - 1]) and names_doer


def _opens_with_duty(ctx: TaskContext, p: Paragraph) -> bool:
    """Whether a paragraph opens with a task verb or with a doer that acts, not one acted upon: not "Căn
    cứ điều kiện thực tế ..., Hội đồng thống nhất ...", nor "Doanh nghiệp, hợp tác xã, tổ chức có số điểm
    từ 50 trở lên được Ủy ban nhân dân cấp tỉnh xem xét, quyết định giao ..." (how a choice is made)."""
    if opening_action(LEADING_ADVERB.sub("", p.text)) != UNKNOWN:
        return True
    chain = subject(ctx.index, p.start, p.end)
    return chain is not None and not PASSIVE_AFTER_SUBJECT.match(ctx.text, chain.end, p.end)


def _closing_tasks(ctx: TaskContext, p: Paragraph, section: int | None, start: int) -> list[Draft]:
    """The assignments of a closing paragraph, filed under the top section it closes."""
    top = section
    while top is not None and ctx.sections[top].parent is not None:
        top = ctx.sections[top].parent
    drafts = []
    for a, b in _closing_parts(p, start):
        if CLOSING_ASSIGNMENT.search(ctx.text[a:b]) or _assigns_named(ctx, a, b):
            draft = Draft(ctx.section_path(top), a, b, "paragraph")
            item_roles(ctx, draft, a, b, [])
            drafts.append(draft)
    return drafts


def _opens_with_subject(ctx: TaskContext, start: int, end: int) -> bool:
    """Whether the paragraph's first words are its doer ("Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm chủ
    trì ..."), not a condition or a time before it ("Trường hợp hồ sơ ... không đáp ứng yêu cầu, Sở Công
    Thương có văn bản gửi ...": a step of a procedure, a task only in a charter)."""
    chain = subject(ctx.index, start, end)
    return chain is not None and chain.start - start <= OPENS


def _issues(ctx: TaskContext, start: int, end: int) -> bool:
    """The issuer issuing the document: "Thủ tướng Chính phủ ban hành Quyết định ban hành Quy chế ..."."""
    chain = subject(ctx.index, start, end)
    return chain is not None and ISSUING.match(ctx.text, chain.end, end) is not None


def _subject_acts(ctx: TaskContext, start: int, end: int) -> bool:
    """A paragraph between items whose subject does something: "Căn cứ nội dung Kế hoạch này và
    tình hình thực tiễn, các bộ, cơ quan ngang bộ ... xây dựng kế hoạch chi tiết ..."; not a lead-in,
    not a name alone."""
    chain = subject(ctx.index, start, end)
    if chain is None or LIST_INTRO.search(ctx.text, start, end):
        return False
    return len(ctx.text[chain.end : end].split()) >= 4


def _introduces_items(ctx: TaskContext, i: int) -> bool:
    """A lead-in (guide §3): the paragraph ends with a colon and labelled items follow it; "... như:"
    lists the objects of the paragraph's own work ("Nghiên cứu, triển khai các nền tảng ... như:")."""
    p = ctx.paragraphs[i]
    following = ctx.paragraphs[i + 1] if i + 1 < len(ctx.paragraphs) else None
    if following is None or following.style is None or not ends_with_colon(p):
        return False
    return not OBJECT_LIST.search(p.text)


def _assigns_named(ctx: TaskContext, start: int, end: int) -> bool:
    """Whether a paragraph assigns work to a named (not collective) agency."""
    chain = explicit_lead(ctx.index, start, end)
    return chain is not None and bool(chain.specific())


def _closing_parts(p: Paragraph, start: int) -> list[tuple[int, int]]:
    """A closing paragraph's assignments from ``start``: after "Trên đây là ...", split before
    "Trong quá trình ..."."""
    summary = SUMMARY_SENTENCE.match(p.text[start - p.start :])
    if summary:
        start += summary.end()
    cuts = [m.start() + p.start for m in CLOSING_SENTENCE.finditer(p.text) if m.start() + p.start > start]
    bounds = [start, *cuts, p.end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def is_closing(ctx: TaskContext, i: int) -> bool:
    """Whether no labelled item follows paragraph ``i`` before the body ends."""
    for k in range(i + 1, len(ctx.paragraphs)):  # not a slice: a copy of the rest each call
        q = ctx.paragraphs[k]
        if q.is_row or q.text.lstrip("-• ").startswith(CLOSING_ZONE_START) or q.style == "appendix":
            return True
        if q.style is not None:
            return False
    return True
