"""What the task finder knows about one document, built once: ``TaskContext``; and ``Draft``,
a task being assembled."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parsers.agencies.charter import charter_body, functions_unit
from parsers.models import AgencyMention, Deadline, Metadata, Section
from parsers.tasks.addressees import addressees
from parsers.tasks.procedure_annexes import procedure_annexes_from
from parsers.tasks.process_steps import issues_process
from parsers.tasks.roles import MentionIndex
from parsers.tasks.shapes import (
    APPENDIX_POINTER,
    CLOSING_ZONE_START,
    ENACTING,
    ENACTING_ARTICLE,
    ENACTING_VERB,
    FORMALITIES_HEADING,
    MEDIUM_KINDS,
    NAMED_KINDS,
    NORMATIVE_TITLE,
    NORMATIVE_TYPES,
    PROCEDURE_CARDS,
    STRONG_KINDS,
    UNIT_DUTIES_HEADING,
    UNIT_FRAME_HEADING,
    WEAK_KINDS,
)
from parsers.text.structure import Layout, Paragraph


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


@dataclass(frozen=True)
class TaskContext:
    """One document as the task finder reads it (``TaskContext.build``), and the leads its
    headings give (``lead_memo``, filled as headings are read)."""

    text: str
    paragraphs: list[Paragraph]
    sections: list[Section]
    owner: list[int | None]
    index: MentionIndex
    issue_date: dt.date | None
    body_start: int
    nlp: bool  # use underthesea's tagger where the verb table is silent
    normative: bool  # a law, decree or circular: rules, with assignments only where named
    charter: bool  # a body's charter ("Quy chế tổ chức và hoạt động của Hội đồng ..."): its steps name who acts
    process: bool  # a decision whose "Bước N." steps are work of the bodies they name (not administrative procedures)
    node_at: dict[int, int]  # paragraph index -> its section
    heading_of: dict[int, int]  # section -> its heading paragraph
    parents: set[int]  # sections that have subsections
    members: dict[int | None, list[int]]  # section -> its paragraphs
    closing: set[int]  # paragraphs of "Nơi nhận" and signature blocks
    summary_sections: set[int | None]  # sections whose items sum up an appendix
    addressees: list[AgencyMention]  # a letter's "Kính gửi:" bodies, who its requests are for
    formalities: frozenset[int]  # sections laying out an administrative procedure (no tasks)
    unit: AgencyMention | None = None  # the unit a regulation of its functions is about (``functions_unit``)
    unit_duties: frozenset[int] = frozenset()  # its duties article and all below it: the unit's tasks
    unit_frame: frozenset[int] = frozenset()  # its position, function and structure articles: no tasks
    lead_memo: dict[int, list[AgencyMention]] = field(default_factory=dict)
    first_at: dict[int, int] = field(default_factory=dict)  # offset -> first paragraph starting there
    procedures_from: int | None = None  # paragraphs from here on are annexed procedures, not tasks

    @classmethod
    def build(cls, layout: Layout, mentions: list[AgencyMention], metadata: Metadata, nlp: bool) -> TaskContext:
        paragraphs, sections, owner = layout.paragraphs, layout.sections, layout.owner
        starts = {s.span_start: k for k, s in enumerate(sections)}
        node_at = {i: starts[p.start] for i, p in enumerate(paragraphs) if p.start in starts and not p.is_row}
        members: dict[int | None, list[int]] = {}
        for i, section in enumerate(owner):
            members.setdefault(section, []).append(i)
        summary_sections = _summary_sections(paragraphs, sections, owner)
        closing = _closing_zone(paragraphs, layout.body_start)
        unit = functions_unit(metadata.title, mentions)
        return cls(
            text=layout.text,
            paragraphs=paragraphs,
            sections=sections,
            owner=owner,
            index=MentionIndex(layout.text, mentions, charter=charter_body(metadata.title) is not None),
            issue_date=metadata.issue_date,
            body_start=layout.body_start,
            nlp=nlp,
            normative=_is_normative(metadata),
            charter=charter_body(metadata.title) is not None,
            process=issues_process(metadata),
            node_at=node_at,
            heading_of={section: i for i, section in node_at.items()},
            parents={s.parent for s in sections if s.parent is not None},
            members=members,
            closing=closing,
            summary_sections=summary_sections,
            addressees=addressees(layout.text, mentions, metadata),
            procedures_from=procedure_annexes_from(metadata, closing),
            formalities=_formalities(sections),
            unit=unit,
            unit_duties=_articles(sections, UNIT_DUTIES_HEADING) if unit else frozenset(),
            unit_frame=_articles(sections, UNIT_FRAME_HEADING) if unit else frozenset(),
        )

    def paragraph_starting(self, start: int) -> Paragraph | None:
        """The first paragraph that starts at ``start`` (looked up, not searched: once per block)."""
        if not self.first_at:
            for i, p in enumerate(self.paragraphs):
                self.first_at.setdefault(p.start, i)
        i = self.first_at.get(start)
        return self.paragraphs[i] if i is not None else None

    def section_path(self, section: int | None) -> str:
        return self.sections[section].path if section is not None else ""

    def parent_path(self, i: int) -> str:
        """Path to the heading above paragraph ``i`` (its own section for non-headings)."""
        node = self.node_at.get(i)
        if node is not None:
            return self.section_path(self.sections[node].parent)
        return self.section_path(self.owner[i])

    def zone(self, section: int | None) -> str:
        """How much an item must show to be a task: "strong", "medium", "weak", "named" (its own words
        name the doer; a heading's does not count) or "none"."""
        if section in self.formalities:
            return "none"
        kind = self.sections[section].kind if section is not None else "other"
        if kind in NAMED_KINDS:
            return "named"
        if section in self.unit_duties:
            return "strong"  # a unit's duties, its regulation's rules though they are
        if section in self.unit_frame:
            return "none"
        if self.normative and kind in STRONG_KINDS | MEDIUM_KINDS | WEAK_KINDS:
            return "weak"  # a law's articles state rules; only a named doer makes an assignment
        if kind in STRONG_KINDS:
            return "strong"
        if kind in MEDIUM_KINDS:
            return "medium"
        return "weak" if kind in WEAK_KINDS else "none"

    def enacts(self, i: int) -> bool:
        """Whether paragraph ``i`` is the decision enacting its content, not a task:
        "Ban hành kèm theo Quyết định này ...", "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế ..."."""
        p = self.paragraphs[i]
        if ENACTING.match(p.text):
            return True
        section = self.owner[i]
        if section is None or self.sections[section].label != ENACTING_ARTICLE:
            return False
        return bool(ENACTING_VERB.match(p.body if self.node_at.get(i) == section else p.text))

    def holds_tasks(self, section: int | None) -> bool:
        """Whether a section's tables are task tables (not in a context or objectives part)."""
        return self.zone(section) in {"strong", "medium"}


def _summary_sections(paragraphs: list[Paragraph], sections: list, owner: list[int | None]) -> set[int | None]:
    """Sections whose items sum up an appendix: the one holding a pointer "(Chi tiết tại Phụ
    lục kèm theo)" and its parent; when the pointer closes the parent (its last paragraph),
    every section under the parent too ("III. NHIỆM VỤ, GIẢI PHÁP / 1. ... / 9. ... / (Chi
    tiết tại các Phụ lục kèm theo)" lists in the body the rows of the appendix tables)."""
    summary: set[int | None] = set()
    for i, p in enumerate(paragraphs):
        # "lục" first: every pointer ends on "phụ lục", and the pattern's case-insensitive search
        # costs four times a lowering of the paragraph
        if owner[i] is None or p.is_row or "lục" not in p.text.lower() or not APPENDIX_POINTER.search(p.text):
            continue
        parent = sections[owner[i]].parent
        summary |= {owner[i], parent}
        if parent is not None and (i + 1 == len(paragraphs) or not _under(sections, owner[i + 1], parent)):
            summary |= {k for k in range(len(sections)) if _under(sections, k, parent)}
    return summary


def _under(sections: list, section: int | None, ancestor: int) -> bool:
    while section is not None:
        if section == ancestor:
            return True
        section = sections[section].parent
    return False


def _formalities(sections: list[Section]) -> frozenset[int]:
    """Sections that lay out administrative procedures, and every section under one: an appendix
    of procedures ("PHỤ LỤC / QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", kind "procedure"), a
    part "NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH" (not an article of a regulation, unless its heading
    is ``PROCEDURE_CARDS``: "Điều 2. Nội dung thủ tục hành chính được công bố ...")."""
    out: set[int] = set()
    for k, s in enumerate(sections):
        parent = s.parent
        procedure_appendix = s.label == "Phụ lục" and s.kind == "procedure"
        titled = not s.label.startswith("Điều") and FORMALITIES_HEADING.match(s.heading)
        cards = PROCEDURE_CARDS.match(s.heading or "")
        if (parent is not None and parent in out) or procedure_appendix or titled or cards:
            out.add(k)
    return frozenset(out)


def _articles(sections: list[Section], heading: re.Pattern[str]) -> frozenset[int]:
    """The articles whose heading matches ``heading``, and every section under one."""
    out: set[int] = set()
    for k, s in enumerate(sections):  # a parent comes before its children
        if (s.parent is not None and s.parent in out) or (s.label.startswith("Điều") and heading.match(s.heading)):
            out.add(k)
    return frozenset(out)


def _is_normative(metadata: Metadata) -> bool:
    doc_type = (metadata.doc_type or "").casefold()
    return doc_type in NORMATIVE_TYPES or bool(NORMATIVE_TITLE.search(metadata.title or ""))


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
