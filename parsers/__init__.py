"""Pure parsing: text (or bytes) in, pydantic models out. No network, no database, no CLI.

The public API:

- ``parse_document(source, sha256)``: a source's text -> one validated ``ParsedDocument``
- ``clean_text``, ``split_paragraphs``, ``build_sections``, ``parse_metadata``,
  ``find_citations``, ``find_agencies``, ``find_deadlines``, ``find_tasks``: its stages.
"""

from __future__ import annotations

from parsers.citations import find_citations
from parsers.clean import clean_text
from parsers.metadata import parse_metadata, title_span
from parsers.models import ParsedDocument, SourceText
from parsers.structure import build_sections, split_paragraphs

__all__ = [
    "build_sections",
    "clean_text",
    "find_citations",
    "parse_document",
    "parse_metadata",
    "split_paragraphs",
]


def parse_document(source: SourceText, sha256: str, *, detector: bool = True) -> ParsedDocument:
    """Run every stage on one source: text -> structure -> entities -> tasks.

    ``detector=False`` uses the reference data and lookup tables alone, without the NLP
    components (the agency detector, underthesea's tagger): the ablation's baseline.
    """
    from parsers.mentions import document_mentions
    from parsers.tasks import find_tasks

    text = clean_text(source)
    paragraphs = split_paragraphs(text)
    metadata, body_start = parse_metadata(paragraphs, source.hints)
    sections, owner = build_sections(paragraphs, body_start)
    mentions = document_mentions(text, paragraphs, province=metadata.province, detector=detector)
    preamble_end = sections[0].span_start if sections else body_start
    citations = find_citations(
        text,
        paragraphs,
        own_number=metadata.number,
        title_span=title_span(paragraphs, body_start),
        preamble_end=preamble_end,
    )
    tasks = find_tasks(
        text,
        paragraphs,
        sections,
        owner,
        mentions,
        body_start=body_start,
        issue_date=metadata.issue_date,
        nlp=detector,
    )
    return ParsedDocument(
        source=source.source,
        site=source.site,
        sha256=sha256,
        text=text,
        metadata=metadata,
        sections=sections,
        mentions=mentions,
        tasks=tasks,
        citations=citations,
    )
