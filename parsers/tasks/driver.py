"""Tasks: one row per assignment of work, with its lead, coordinators, report-to and deadline.

Plans come in several shapes (extraction guide §3); the walk below reads them all:

- items ("- ...", "1. ...", "a) ...") under agency headings ("1. Sở Tài chính:") or topic
  headings ("1. Về dữ liệu"), led by the heading's agency unless the item names its own;
- items that open with their subject ("Sở Tài chính chủ trì, phối hợp ...") or assign one
  ("Giao Công an tỉnh chủ trì ...");
- field blocks ("a) Nhiệm vụ: ... b) Cơ quan thực hiện: ... c) Thời gian thực hiện: ...");
- task tables (Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành);
- closing paragraphs that still assign reporting ("... phản ánh về Sở Y tế để tổng hợp").

Objectives and requirements are not tasks, nor are lead-ins ("... các nhiệm vụ sau:").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parsers.agencies.mentions import unnamed_lead
from parsers.deadlines import find_deadlines
from parsers.lexicon.vietnamese import is_caps
from parsers.models import AgencyMention, Deadline, Section, Task, TaskAgency
from parsers.tasks.actions import UNKNOWN, classify_action, opening_action
from parsers.tasks.blocks import block_tasks, find_blocks
from parsers.tasks.roles import Chain, MentionIndex, coordinators, explicit_lead, report_targets, roles_from, subject
from parsers.tasks.shapes import (
    APPENDIX_POINTER,
    CLOSING_ASSIGNMENT,
    CLOSING_SENTENCE,
    EXECUTION_FORMULA,
    FIELD,
    LABELLED_DETAIL,
    LIST_INTRO,
    MEDIUM_KINDS,
    STRONG_KINDS,
    SUMMARY_SENTENCE,
    WEAK_KINDS,
    ends_with_colon,
    is_bullet,
    is_heading_like,
)
from parsers.tasks.tables import table_tasks
from parsers.tasks.tagger import opens_with_verb
from parsers.text.structure import Paragraph

# Adverbs an action may open with: "Tiếp tục tham mưu ...", "Chủ động phối hợp ..."
LEADING_ADVERB = re.compile(
    r"^\W*(?:(?:tiếp\s+tục|chủ\s+động|thường\s+xuyên|kịp\s+thời|khẩn\s+trương|tích\s+cực|nghiêm\s+túc|định\s+kỳ|"
    r"(?:căn\s+cứ|trên\s+cơ\s+sở)\s[^,]{0,80},)[\s,]+)+",
    re.I,
)
# Document types that state rules rather than plan work: their items are tasks only with a named doer.
NORMATIVE_TYPES = {
    "luật", "bộ luật", "hiến pháp", "pháp lệnh", "nghị định", "thông tư", "thông tư liên tịch", "văn bản hợp nhất",
}  # fmt: skip
# A long item that carries one of these assigns work whatever it opens with
RESPONSIBILITY = re.compile(r"\b(?:có|chịu)\s+trách\s+nhiệm|\bchủ\s+trì\b|\bphối\s+hợp\b|\bđề\s+nghị\b|\bgiao\b", re.I)
DETAIL_MAX = 100
# Decisions that issue rules, or publish procedures, rather than plan work:
#   "Ban hành Quy định về quản lý chất thải rắn", "Quy định chức năng, nhiệm vụ, quyền hạn của Sở ...",
#   "Về việc công bố danh mục thủ tục hành chính ...", "Phân quyền, cắt giảm, đơn giản hóa thủ tục hành chính"
NORMATIVE_TITLE = re.compile(
    r"ban\s+hành\s+(?:bản\s+)?(?:quy\s+định|quy\s+chế|điều\s+lệ)|quy\s+định\s+chức\s+năng|"
    r"(?:công\s+bố|cắt\s+giảm|đơn\s+giản\s+hóa|phân\s+quyền|phân\s+cấp)[^.;]{0,60}thủ\s+tục\s+hành\s+chính|"
    r"phê\s+duyệt\s+quy\s+trình\s+nội\s+bộ",
    re.I,
)
# A heading that names whose duties follow: "Trách nhiệm của Bộ Tài chính", "Nhiệm vụ, quyền hạn của Sở Y tế"
HEADING_OWNER = re.compile(r"(?:Trách\s+nhiệm|Nhiệm\s+vụ)(?:,?\s+(?:và\s+)?quyền\s+hạn)?\s+(?:của|cho)\s+", re.I)
# Openings of statements, not actions: "Theo quy định tại ...", "Tuy nhiên, ...", "Hiện nay ..."
NOT_AN_ACTION = re.compile(r"^\W*(?:Theo|Tại|Hiện\s+nay|Tuy\s+nhiên|Thứ\s+(?:nhất|hai|ba)|Qua|Ngày\s+\d)\b", re.I)
# "Nơi nhận:" and the signature close the document body (an appendix may follow).
CLOSING_ZONE_START = ("Nơi nhận", "TM.", "KT.", "TL.", "TUQ.", "Q.")


@dataclass
class Draft:
    """A task being assembled: its span, section and the agencies in each role."""

    section: str
    start: int
    end: int
    shape: str
    lead: list[AgencyMention] = field(default_factory=list)
    coordinate: list[AgencyMention] = field(default_factory=list)
    report_to: list[AgencyMention] = field(default_factory=list)
    deadlines: list[Deadline] | None = None  # None: look for deadlines in the task's own text


@dataclass
class Doc:
    text: str
    paragraphs: list[Paragraph]
    sections: list[Section]
    owner: list[int | None]
    index: MentionIndex
    issue_date: dt.date | None
    nlp: bool = True  # use underthesea's tagger where the verb table is silent
    normative: bool = False  # a law, decree or circular: rules, with assignments only where named
    node_at: dict[int, int] = field(default_factory=dict)  # paragraph index -> its section
    heading_of: dict[int, int] = field(default_factory=dict)  # section -> its heading paragraph
    parents: set[int] = field(default_factory=set)  # sections that have subsections
    members: dict[int | None, list[int]] = field(default_factory=dict)  # section -> its paragraphs

    def section_path(self, section: int | None) -> str:
        return self.sections[section].path if section is not None else ""

    def parent_path(self, i: int) -> str:
        """Path to the heading above paragraph ``i`` (its own section for non-headings)."""
        node = self.node_at.get(i)
        if node is not None:
            return self.section_path(self.sections[node].parent)
        return self.section_path(self.owner[i])


def _closing_zone(paragraphs: list[Paragraph], body_start: int) -> set[int]:
    """Paragraphs of "Nơi nhận" and signature blocks, up to an appendix or attached text."""
    zone: set[int] = set()
    inside = False
    for i, p in enumerate(paragraphs):
        if p.start < body_start:
            continue
        head = p.text.lstrip("-• ")
        if head.startswith(CLOSING_ZONE_START):
            inside = True
        elif inside and (p.style == "appendix" or (p.style in {"roman", "part", "article"})):
            inside = False
        if inside:
            zone.add(i)
    return zone


def _zone(doc: Doc, section: int | None) -> str:
    """How much an item must show to be a task: "strong", "medium", "weak" or "none"."""
    kind = doc.sections[section].kind if section is not None else "other"
    if doc.normative and kind in STRONG_KINDS | MEDIUM_KINDS | WEAK_KINDS:
        return "weak"  # a law's articles state rules; only a named doer makes an assignment
    if kind in STRONG_KINDS:
        return "strong"
    if kind in MEDIUM_KINDS:
        return "medium"
    return "weak" if kind in WEAK_KINDS else "none"


def _accepts(doc: Doc, zone: str, p: Paragraph, named: bool, inherited: list[AgencyMention]) -> bool:
    """Whether an item is a task: in a strong zone any item but a description ("Số lượng: 5.000
    cuốn."), in a medium zone one that opens with a task verb, in a weak zone one naming its doer."""
    if zone == "none":
        return False
    if named or inherited:
        return True
    if zone == "weak":
        return False
    describes = _is_detail(doc, p) or (LABELLED_DETAIL.match(p.body) is not None and not FIELD.match(p.body))
    return not describes


def _heading_paragraph(doc: Doc, section: int) -> Paragraph | None:
    i = doc.heading_of.get(section)
    return doc.paragraphs[i] if i is not None else None


def _heading_subject(doc: Doc, p: Paragraph) -> tuple[Chain | None, int]:
    """The chain a heading opens with, and where the heading's own words end (before ":")."""
    colon = p.text.find(":")
    end = p.start + colon if colon > 0 else p.end
    chain = subject(doc.index, p.body_start, end)
    owner = HEADING_OWNER.match(doc.text, p.body_start, end)
    if chain is None and owner:
        chain = subject(doc.index, owner.end(), end)  # "Điều 7. Trách nhiệm của Bộ Tài chính"
    return chain, end


def _heading_lead(doc: Doc, section: int) -> list[AgencyMention]:
    """Agencies a heading names as the doers of what is below it ("1. Sở Y tế:").

    A group heading that lists its members ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban
    Quản lý ...)") is led by the members.
    """
    p = _heading_paragraph(doc, section)
    if p is None:
        return []
    chain, end = _heading_subject(doc, p)
    if chain is None:
        return []
    if not chain.specific():
        members = [c for c in doc.index.chains(chain.end, end) if "(" in doc.text[chain.end : c.start]]
        specific = [m for c in members for m in c.specific()]
        if specific:
            return specific
    rest = doc.text[chain.end : end].strip(" :.,;")
    if len(rest.split()) > 8 and not is_heading_like(p):
        return []
    return chain.leads()


def _is_agency_heading(doc: Doc, node: int) -> bool:
    """A heading that is just the doers' names: "4. Sở Văn hóa, Thể thao và Du lịch; Báo ..."."""
    p = _heading_paragraph(doc, node)
    if p is None:
        return False
    chain, end = _heading_subject(doc, p)
    if chain is None:
        return False
    rest = re.sub(r"\([^()]*\)", " ", doc.text[chain.end : end]).strip(" :.,;")
    return len(rest.split()) <= 3


def _inherited_lead(doc: Doc, section: int | None, memo: dict[int, list[AgencyMention]]) -> list[AgencyMention]:
    while section is not None:
        if section not in memo:
            memo[section] = _heading_lead(doc, section)
        if memo[section]:
            return memo[section]
        section = doc.sections[section].parent
    return []


def _item_roles(doc: Doc, draft: Draft, start: int, end: int, inherited: list[AgencyMention]) -> bool:
    """Fill a draft's roles from its own text; True when the text itself names the doer."""
    lead_chain = explicit_lead(doc.index, start, end) or subject(doc.index, start, end)
    draft.lead = lead_chain.leads() if lead_chain else list(inherited)
    draft.coordinate += coordinators(doc.index, start, end)
    draft.report_to += report_targets(doc.index, start, end)
    return lead_chain is not None


def _finish(doc: Doc, draft: Draft) -> Task:
    text = doc.text[draft.start : draft.end].strip()
    deadlines = draft.deadlines
    if deadlines is None:
        deadlines = find_deadlines(doc.text, issue_date=doc.issue_date, start=draft.start, end=draft.end)
    lead = draft.lead or [unnamed_lead(draft.start)]
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
        span_end=draft.start + len(doc.text[draft.start : draft.end].rstrip()),
    )


def find_tasks(
    text: str,
    paragraphs: list[Paragraph],
    sections: list[Section],
    owner: list[int | None],
    mentions: list[AgencyMention],
    *,
    body_start: int = 0,
    issue_date: dt.date | None = None,
    nlp: bool = True,
    doc_type: str | None = None,
    title: str | None = None,
) -> list[Task]:
    """Every task of a document, in reading order; a task naming no agency is led by
    ``UNNAMED`` (the guide's "*collective*")."""
    doc = Doc(text, paragraphs, sections, owner, MentionIndex(text, mentions), issue_date, nlp)
    doc.normative = (doc_type or "").casefold() in NORMATIVE_TYPES or bool(NORMATIVE_TITLE.search(title or ""))
    starts = {s.span_start: k for k, s in enumerate(sections)}
    doc.node_at = {i: starts[p.start] for i, p in enumerate(paragraphs) if p.start in starts and not p.is_row}
    doc.heading_of = {section: i for i, section in doc.node_at.items()}
    doc.parents = {s.parent for s in sections if s.parent is not None}
    for i, section in enumerate(owner):
        doc.members.setdefault(section, []).append(i)
    skip = _closing_zone(paragraphs, body_start)
    memo: dict[int, list[AgencyMention]] = {}
    summary_sections: set[int | None] = set()
    for i, p in enumerate(paragraphs):
        if owner[i] is not None and APPENDIX_POINTER.search(p.text) and not p.is_row:
            summary_sections |= {owner[i], sections[owner[i]].parent}  # items that sum up an appendix
    drafts: list[Draft] = []
    handled: set[int] = set(skip)

    blocks = find_blocks(doc, skip)
    for block in blocks:
        handled |= block.paragraphs
        drafts += block_tasks(doc, block, _inherited_lead(doc, block.section, memo))

    drafts += table_tasks(
        doc, skip, handled, lambda s: _inherited_lead(doc, s, memo), lambda s: _zone(doc, s) in {"strong", "medium"}
    )
    handled |= {i for i, p in enumerate(paragraphs) if p.is_row}

    drafts += _item_tasks(doc, body_start, handled, summary_sections, memo)
    drafts.sort(key=lambda d: d.start)
    return [_finish(doc, d) for d in drafts]


def _has_children(paragraphs: list[Paragraph], i: int, depth: dict[int, int]) -> bool:
    j = i + 1
    return j < len(paragraphs) and j in depth and depth[j] > depth.get(i, -1)


def _item_tasks(
    doc: Doc, body_start: int, handled: set[int], summary_sections: set[int | None], memo: dict
) -> list[Draft]:
    paragraphs = doc.paragraphs
    depth = _depths(doc, body_start, handled)
    drafts: list[Draft] = []
    absorbing: tuple[int, Draft] | None = None  # an item whose sub-bullets are its own details
    lead_ins: list[tuple[int, list[AgencyMention]]] = []  # (depth, leads) of open lead-ins
    detail_depth: int | None = None  # depth of the list items being folded into the task above
    for i, p in enumerate(paragraphs):
        if i in handled or p.start < body_start or p.is_row:
            continue
        section = doc.owner[i]
        node = doc.node_at.get(i)
        d = depth.get(i)
        lead_ins = [(ld, lead) for ld, lead in lead_ins if d is not None and ld < d]
        if absorbing and d is not None and d > absorbing[0]:
            absorbing[1].end = p.end
            continue
        absorbing = None
        enclosing = doc.sections[node].parent if node is not None else section
        if _zone(doc, section) == "none" or section in summary_sections or enclosing in summary_sections:
            continue
        if d is None:  # a paragraph without a label
            nxt = depth.get(i + 1) is not None  # items follow
            chain = subject(doc.index, p.start, p.end) if nxt and ends_with_colon(p) else None
            rest = doc.text[chain.end : p.end].strip(" :") if chain else ""
            if chain and (len(rest.split()) <= 4 or LIST_INTRO.search(p.text)):
                lead_ins.append((depth[i + 1] - 1, chain.leads()))  # "Ủy ban nhân dân các tỉnh, thành phố:"
                continue
            drafts += _free_paragraph(doc, i, memo)
            continue
        if EXECUTION_FORMULA.search(p.text):
            continue  # "Điều 4. Chánh Văn phòng ... chịu trách nhiệm thi hành Quyết định này."
        has_below = i + 1 < len(paragraphs) and doc.owner[i + 1] == node and doc.node_at.get(i + 1) is None
        if node is not None and (
            _has_child_nodes(doc, node) or _is_agency_heading(doc, node) or (is_heading_like(p) and has_below)
        ):
            continue  # a heading; its items are the tasks
        children = _has_children(paragraphs, i, depth)
        if children and (ends_with_colon(p) or is_heading_like(p)):
            chain = subject(doc.index, p.body_start, p.end) or explicit_lead(doc.index, p.body_start, p.end)
            if chain:
                lead_ins.append((d, chain.leads()))
            continue  # a lead-in: its items are the tasks
        lists_details = drafts and (
            detail_depth == d or doc.text[drafts[-1].start : drafts[-1].end].rstrip().endswith(":")
        )
        if lists_details and _is_detail(doc, p):
            drafts[-1].end = p.end  # "... như: - Hệ thống giám sát ...": objects of the task above
            detail_depth = d
            continue
        detail_depth = None
        inherited = lead_ins[-1][1] if lead_ins else _inherited_lead(doc, section, memo)
        draft = Draft(doc.parent_path(i), p.body_start, p.end, "item")
        named = _item_roles(doc, draft, p.body_start, p.end, inherited)
        if not _accepts(doc, _zone(doc, section), p, named, inherited):
            continue
        drafts.append(draft)
        if children:
            absorbing = (d, draft)
    return drafts


def _is_detail(doc: Doc, p: Paragraph) -> bool:
    """A list item naming a thing rather than an action, and no doer either ("Hệ thống giám sát ...")."""
    body = LEADING_ADVERB.sub("", p.body)
    if NOT_AN_ACTION.match(body):
        return True
    if opening_action(body) != UNKNOWN or subject(doc.index, p.body_start, p.end) is not None:
        return False
    if len(body) > DETAIL_MAX and RESPONSIBILITY.search(body):
        return False  # a sentence that assigns: "Trường hợp ..., cơ quan chủ trì có trách nhiệm phối hợp ..."
    return not (doc.nlp and opens_with_verb(body))


def _has_child_nodes(doc: Doc, node: int) -> bool:
    return node in doc.parents


def _depths(doc: Doc, body_start: int, handled: set[int]) -> dict[int, int]:
    """Nesting depth of every labelled paragraph: section level, then bullet style order."""
    depth: dict[int, int] = {}
    styles: dict[int | None, list[str]] = {}
    for i, p in enumerate(doc.paragraphs):
        if i in handled or p.start < body_start or p.is_row or p.style is None:
            continue
        node = doc.node_at.get(i)
        if node is not None:
            depth[i] = doc.sections[node].level * 10
        elif is_bullet(p):
            section = doc.owner[i]
            seen = styles.setdefault(section, [])
            if p.style not in seen:
                seen.append(p.style)
            level = doc.sections[section].level if section is not None else 0
            depth[i] = level * 10 + 1 + seen.index(p.style)
    return depth


def _free_paragraph(doc: Doc, i: int, memo: dict) -> list[Draft]:
    """An unlabelled paragraph: a heading's only text, or a closing paragraph that assigns."""
    p = doc.paragraphs[i]
    previous = doc.paragraphs[i - 1] if i else None
    section = doc.owner[i]
    heading = doc.node_at.get(i - 1) if previous is not None else None
    under_heading = heading is not None and (is_heading_like(previous) or _is_agency_heading(doc, heading))
    if is_caps(p.text) or p.text.startswith("("):
        return []  # a title or a note: "DANH MỤC NHIỆM VỤ ...", "(Kèm theo Kế hoạch số ...)"
    if under_heading and not LIST_INTRO.search(p.text):
        draft = Draft(doc.section_path(section), p.start, p.end, "paragraph")
        named = _item_roles(doc, draft, p.start, p.end, _inherited_lead(doc, section, memo))
        inherited = _inherited_lead(doc, section, memo)
        return [draft] if _accepts(doc, _zone(doc, section), p, named, inherited) else []
    if EXECUTION_FORMULA.search(p.text):
        return []  # "... chịu trách nhiệm thi hành Quyết định này."
    if _is_closing(doc, i) and (CLOSING_ASSIGNMENT.search(p.text) or _assigns_named(doc, p.start, p.end)):
        top = section
        while top is not None and doc.sections[top].parent is not None:
            top = doc.sections[top].parent
        drafts = []
        for start, end in _closing_parts(p):
            if CLOSING_ASSIGNMENT.search(doc.text[start:end]) or _assigns_named(doc, start, end):
                draft = Draft(doc.section_path(top), start, end, "paragraph")
                _item_roles(doc, draft, start, end, [])
                drafts.append(draft)
        return drafts
    if _zone(doc, section) != "none" and _assigns_named(doc, p.start, p.end):
        draft = Draft(doc.section_path(section), p.start, p.end, "sentence")
        _item_roles(doc, draft, p.start, p.end, [])
        return [draft]  # "UBND tỉnh trân trọng đề nghị Bộ Xây dựng xem xét ...", "Giao Sở Y tế ..."
    return []


def _assigns_named(doc: Doc, start: int, end: int) -> bool:
    """Whether a paragraph assigns work to a named (not collective) agency."""
    chain = explicit_lead(doc.index, start, end)
    return chain is not None and bool(chain.specific())


def _closing_parts(p: Paragraph) -> list[tuple[int, int]]:
    """A closing paragraph's assignments: after "Trên đây là ...", split before "Trong quá trình ..."."""
    start = p.start
    summary = SUMMARY_SENTENCE.match(p.text)
    if summary:
        start += summary.end()
    cuts = [m.start() + p.start for m in CLOSING_SENTENCE.finditer(p.text) if m.start() + p.start > start]
    bounds = [start, *cuts, p.end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _is_closing(doc: Doc, i: int) -> bool:
    """Whether no labelled item follows paragraph ``i`` before the body ends."""
    for q in doc.paragraphs[i + 1 :]:
        if q.is_row or q.text.lstrip("-• ").startswith(CLOSING_ZONE_START) or q.style == "appendix":
            return True
        if q.style is not None:
            return False
    return True
