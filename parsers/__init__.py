"""Pure parsing: text (or bytes) in, pydantic models out. No network, no database, no CLI.

The public API:

- ``parse_document(source, sha256)``: a source's text -> one validated ``ParsedDocument``
- ``clean_text``, ``split_paragraphs``, ``build_sections``, ``parse_metadata``,
  ``find_citations``, ``find_agencies``, ``find_deadlines``, ``find_tasks``: its stages.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from parsers.agencies import document_mentions, read_issuer
from parsers.citations import find_citations
from parsers.confidence import unread_leads, vet_citations, vet_metadata
from parsers.metadata import issuer_cell, read_metadata, title_span
from parsers.models import Metadata, ParsedDocument, SourceText
from parsers.ocr_repair import gate_metadata, reading_fields, repair_source
from parsers.tasks import find_tasks
from parsers.text.clean import clean_text
from parsers.text.structure import Layout, Paragraph, build_sections, split_paragraphs

__all__ = [
    "build_sections",
    "clean_text",
    "document_mentions",
    "find_citations",
    "find_tasks",
    "parse_document",
    "parse_metadata",
    "split_paragraphs",
]


@contextmanager
def _stage(timings: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the time a stage takes to ``timings[name]`` (when timings are wanted)."""
    started = time.perf_counter()
    yield
    if timings is not None:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started


def parse_metadata(paragraphs: list[Paragraph], hints: dict[str, str] | None = None) -> tuple[Metadata, int]:
    """Metadata, with the issuer the header names resolved, and the offset where the body starts.

    >>> meta, _ = parse_metadata(split_paragraphs("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\n"
    ...     "Số: 980/KH-UBND\\tNghệ An, ngày 18 tháng 11 năm 2025\\nKẾ HOẠCH\\nPHÒNG THỦ DÂN SỰ\\nThực hiện ..."))
    >>> meta.number, meta.doc_type, meta.issuer, meta.issue_date.isoformat(), meta.title
    ('980/KH-UBND', 'Kế hoạch', 'Ủy ban nhân dân tỉnh Nghệ An', '2025-11-18', 'Phòng thủ dân sự')
    """
    cell = issuer_cell(paragraphs)
    issuer = read_issuer(cell) if cell is not None else None
    return read_metadata(paragraphs, hints, issuer=issuer)


def parse_document(
    source: SourceText, sha256: str, *, detector: bool = True, timings: dict[str, float] | None = None
) -> ParsedDocument:
    """Run every stage on one source: text -> structure -> entities -> tasks.

    ``detector=False`` uses the reference data and lookup tables alone, without the NLP
    components (the agency detector, underthesea's tagger): the ablation's baseline.
    ``timings``, when given, receives the seconds spent in each stage (for the benchmark).
    """
    doubts = None  # the fields an OCR reading left in doubt (None: not OCR)
    with _stage(timings, "clean"):
        if source.hints.get("reader") == "ocr":
            source, doubts = repair_source(source)
        text = clean_text(source)
    with _stage(timings, "structure"):
        paragraphs = split_paragraphs(text)
        metadata, body_start = parse_metadata(paragraphs, source.hints)
        warnings = vet_metadata(metadata, paragraphs, body_start)
        if doubts is not None:
            metadata, doubted = gate_metadata(metadata, doubts, source.hints)
            warnings += doubted
        sections, owner = build_sections(paragraphs, body_start)
    with _stage(timings, "agencies"):
        mentions = document_mentions(
            text,
            paragraphs,
            province=metadata.province,
            detector=detector,
            issuer=metadata.issuer,
            title=metadata.title,
        )
    with _stage(timings, "citations"):
        preamble_end = sections[0].span_start if sections else body_start
        citations = find_citations(
            text,
            paragraphs,
            own_number=metadata.number,
            title_span=title_span(paragraphs, body_start),
            preamble_end=preamble_end,
        )
        citations, garbled = vet_citations(text, citations)
    with _stage(timings, "tasks"):
        tasks = find_tasks(Layout(text, paragraphs, sections, owner, body_start), mentions, metadata, nlp=detector)
    with _stage(timings, "validate"):
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
            warnings=warnings + garbled + unread_leads(tasks),
            **reading_fields(source.hints),
            legacy_encoding=source.hints.get("legacy_encoding"),
        )
