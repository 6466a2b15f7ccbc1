"""Agency mentions of a whole document: the body read as prose, "Nơi nhận" read as a list."""

from __future__ import annotations

import bisect

from parsers.agencies.charter import charter_mentions, charter_units
from parsers.agencies.data import default_agency
from parsers.agencies.find import find_agencies
from parsers.agencies.recipients import find_recipients
from parsers.agencies.subject_province import subject_mentions, subject_province
from parsers.agencies.units import issuer_units
from parsers.lexicon.markers import RECIPIENTS
from parsers.models import AgencyMention
from parsers.text.structure import Paragraph

# The lead of a task whose text and headings name no agency (the guide's "*collective*").
UNNAMED = default_agency("unnamed_lead")


def unnamed_lead(at: int) -> AgencyMention:
    """A zero-width mention of ``UNNAMED`` at offset ``at``."""
    return AgencyMention(agency=UNNAMED, surface="", span_start=at, span_end=at, method="default")


def recipient_spans(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Where "Nơi nhận:" blocks are: a table cell, or a paragraph and the list items after it."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if p.is_row:
            for s, e in p.cells:
                if p.text[s - p.start : e - p.start].lstrip().startswith(RECIPIENTS):
                    spans.append((s, e))
        elif p.text.startswith(RECIPIENTS):
            end = p.end
            while i + 1 < len(paragraphs) and paragraphs[i + 1].style in {"dash", "plus", "dot"}:
                i += 1
                end = paragraphs[i].end
            spans.append((p.start, end))
        i += 1
    return spans


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans merged where they overlap, in order (a position is looked up by bisection)."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def document_mentions(
    text: str,
    paragraphs: list[Paragraph],
    *,
    province: str | None,
    detector: bool = True,
    issuer: str | None = None,
    title: str | None = None,
) -> list[AgencyMention]:
    """Every agency mention of the document, in text order (``issuer``: a central issuer's own units
    written short, "Chánh Văn phòng", are named with it; ``title``: a central document's province,
    "... làm việc với Thường trực Tỉnh ủy Thanh Hóa", names the bodies written short, "Tỉnh ủy"; a
    charter's, "Quy chế tổ chức và hoạt động của Hội đồng ...", its body written short, "Chủ tịch Hội đồng")."""
    spans = recipient_spans(paragraphs)
    covered = _union(spans)
    starts = [s for s, _ in covered]
    mentions = []
    units = charter_units(text, title)  # a charter's units, named in full where the detector reads a part
    for m in find_agencies(text, province=province, detector=detector):
        k = bisect.bisect_right(starts, m.span_start) - 1
        inside_unit = any(u.span_start <= m.span_start < u.span_end for u in units)
        if (k < 0 or m.span_start >= covered[k][1]) and not inside_unit:  # in no "Nơi nhận" block
            mentions.append(m)
    mentions += units
    for s, e in spans:
        mentions += find_recipients(text, province=province, start=s, end=e, detector=detector)
    taken = sorted((m.span_start, m.span_end) for m in mentions)
    mentions += issuer_units(text, issuer, province, taken)
    charter = charter_mentions(text, title, mentions)
    if charter:  # a charter's officer before its body's full name: the titled mention replaces the bare one
        widened = {(c.span_end, c.agency.id) for c in charter}
        mentions = [m for m in mentions if (m.span_end, m.agency.id) not in widened] + charter
    place = None if province else subject_province(title)
    if place:
        mentions += subject_mentions(text, place, sorted(taken + [(m.span_start, m.span_end) for m in mentions]))
    return sorted(mentions, key=lambda m: m.span_start)
