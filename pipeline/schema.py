"""The database contract in one place: every table, view and search table, with what each
column means. Analysts write queries against it: columns may be added, never renamed or dropped.

``pipeline.storage`` creates the tables from ``TABLES``; ``pipeline.db_shape`` holds the SQL of the
views and search tables; the Datasette metadata (``pipeline/datasette/metadata.yml``) and the
README's schema section are generated from this module (``make readme``; a test fails on drift).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    """A table: its meaning, its columns (name -> (type, meaning)), keys, and how Datasette shows it."""

    description: str
    columns: dict[str, tuple[type, str]]
    pk: str = "id"
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)
    display: dict = field(default_factory=dict)  # label_column, sort, facets, fts_table ...


@dataclass(frozen=True)
class View:
    """A view (its SQL is in ``pipeline.db_shape.VIEWS``): its meaning and its columns' meanings."""

    description: str
    columns: dict[str, str]
    display: dict = field(default_factory=dict)


TABLES: dict[str, Table] = {
    "documents": Table(
        description="One row per ingested decision, plan, directive or letter; reader is 'ocr' for a scan read by OCR (ocr_engine, ocr_confidence: Tesseract's mean word confidence, 0-100), 'text' otherwise.",
        columns={
            "id": (int, "Document id (kept when a source is re-ingested)."),
            "number": (str, 'The "Số:" line as written, e.g. 350/QĐ-UBND.'),
            "number_key": (str, "The number folded for matching (no spaces, upper case)."),
            "type_code": (str, "The type part of the number (QĐ, KH, CT, NQ); empty for official letters."),
            "doc_type": (str, "The document-type heading (Kế hoạch, Quyết định, Chỉ thị, Công văn ...)."),
            "issuer": (str, "Issuing body with its place, abbreviations expanded."),
            "province": (str, "Province or centrally-run city of the issuer; empty for central bodies."),
            "issue_date": (str, "Date of issue (ISO)."),
            "title": (str, "Title under the type heading, one line."),
            "signer": (str, "The person who signed."),
            "signer_title": (str, "The signer's title (Chủ tịch, Phó Chủ tịch ...)."),
            "source": (str, "The input file the document was read from."),
            "site": (str, "Which reader produced the text (thuvienphapluat, vbpl, pdf, plain_text ...)."),
            "sha256": (str, "Hash of the source bytes; re-ingesting an unchanged file is skipped."),
            "text": (str, "Normalised text (NFC); all spans point into it."),
            "ingested_at": (str, "When the document was written (UTC)."),
            "url": (
                str,
                "The URL the source file was fetched from (fetches.final_url with the same sha256); empty for local files.",
            ),
            "reader": (
                str,
                "How the text was obtained - ocr (a scan read by OCR) or text (a text layer, a page, a file).",
            ),
            "ocr_engine": (
                str,
                "For OCR'd scans, the engine, its language model and the resolution pages were read at.",
            ),
            "ocr_confidence": (
                float,
                "For OCR'd scans, Tesseract's mean word confidence (0-100; clean print reads 90 or more).",
            ),
        },
        display={
            "label_column": "title",
            "sort_desc": "issue_date",
            "facets": ["province", "doc_type", "type_code"],
            "fts_table": "document_fts",
            "fts_pk": "id",
        },
    ),
    "sections": Table(
        description="The heading tree of each document (I, 1, a ...) and the span each heading governs.",
        columns={
            "id": (int, "Section id."),
            "document_id": (int, "The document."),
            "parent_id": (int, "The enclosing section."),
            "label": (str, "The heading's own label (II, 1, a, Phụ lục I)."),
            "path": (str, "Labels from the root (II.1); tasks.section refers to it."),
            "heading": (str, "Heading text."),
            "level": (int, "Depth in the tree (1 = top)."),
            "kind": (str, "objectives, tasks, implementation, funding, appendix or other."),
            "span_start": (int, "Start of the section in documents.text."),
            "span_end": (int, "End of the section in documents.text."),
        },
        foreign_keys=[("document_id", "documents", "id"), ("parent_id", "sections", "id")],
        display={"label_column": "heading", "sort": "id", "facets": ["kind", "level"]},
    ),
    "agencies": Table(
        description='Public bodies by canonical name; collective = 1 for groups such as "Các sở, ban, ngành", which are not specific agencies.',
        columns={
            "id": (str, "Stable agency id."),
            "name": (str, "Canonical name, abbreviations expanded (Sở Kế hoạch và Đầu tư)."),
            "kind": (str, "Kind of body (department, ministry, committee ... or other)."),
            "level": (str, "central, province, district, commune or unknown."),
            "collective": (int, "1 for collective groups (các sở, ban, ngành), 0 for a specific body."),
        },
        display={
            "label_column": "name",
            "sort": "name",
            "facets": ["kind", "level", "collective"],
            "fts_table": "agency_fts",
        },
    ),
    "agency_mentions": Table(
        description="Every place an agency is named in a document, as written.",
        columns={
            "id": (int, "Mention id."),
            "document_id": (int, "The document."),
            "agency_id": (str, "The agency named."),
            "surface": (str, "The words as written (Sở KH&ĐT)."),
            "method": (str, "reference (from the agency list) or detector (found by pattern)."),
            "span_start": (int, "Start of the mention in documents.text (links to the highlighted text)."),
            "span_end": (int, "End of the mention in documents.text."),
        },
        foreign_keys=[("document_id", "documents", "id"), ("agency_id", "agencies", "id")],
        display={"sort": "id", "facets": ["method"]},
    ),
    "tasks": Table(
        description="One row per assignment of work; section is the label path (II.1). task_view is easier to read.",
        columns={
            "id": (int, "Task id."),
            "document_id": (int, "The document."),
            "section": (str, "Label path of the heading the task sits under (II.1)."),
            "text": (str, "The task's own text, without its bullet or label."),
            "action": (str, "The task's verb class (UNKNOWN when not classified)."),
            "shape": (str, "How the task is laid out (item, block, table_row, sentence, paragraph)."),
            "span_start": (int, "Start of the task in documents.text (links to the highlighted text)."),
            "span_end": (int, "End of the task in documents.text."),
        },
        foreign_keys=[("document_id", "documents", "id")],
        display={"sort": "id", "facets": ["shape", "action"], "fts_table": "task_fts", "fts_pk": "id"},
    ),
    "task_agencies": Table(
        description="Who leads, coordinates or is reported to, per task (role: lead, coordinate, report_to).",
        columns={
            "id": (int, "Row id."),
            "task_id": (int, "The task."),
            "agency_id": (str, "The agency."),
            "role": (str, "lead (chủ trì), coordinate (phối hợp) or report_to (báo cáo, gửi)."),
            "surface": (str, "The words as written."),
            "span_start": (int, "Start of the words in documents.text (links to the task's document)."),
            "span_end": (int, "End of the words in documents.text."),
        },
        foreign_keys=[("task_id", "tasks", "id"), ("agency_id", "agencies", "id")],
        display={"sort": "id", "facets": ["role"]},
    ),
    "deadlines": Table(
        description="One row per due date of a task; recurrence is an ISO-8601 duration (P6M) or empty.",
        columns={
            "id": (int, "Row id."),
            "task_id": (int, "The task."),
            "text": (str, "The time expression as written (trước ngày 30/6/2022, hằng năm)."),
            "due_date": (str, 'Due date (ISO); "năm 2025" is 2025-12-31, "quý I/2020" 2020-03-31.'),
            "start_date": (str, "Start of the period when the task is bounded by one (giai đoạn 2021 - 2025)."),
            "recurrence": (
                str,
                "ISO-8601 duration of a recurring task (P1Y hằng năm, P6M định kỳ 6 tháng, P3M hằng quý).",
            ),
            "ongoing": (int, '1 for "thường xuyên" — no due date by design.'),
            "span_start": (int, "Start of the expression in documents.text (links to the task's document)."),
            "span_end": (int, "End of the expression in documents.text."),
        },
        foreign_keys=[("task_id", "tasks", "id")],
        display={"sort_desc": "due_date", "facets": ["recurrence", "ongoing"]},
    ),
    "citations": Table(
        description="Documents each document cites; relation is implements, basis or mentions.",
        columns={
            "id": (int, "Row id."),
            "document_id": (int, "The citing document."),
            "number": (str, "The cited number as written (02/QĐ-HĐV); empty for a law cited by name."),
            "number_key": (str, "The number folded for matching."),
            "doc_kind": (str, "Kind of the cited document (Quyết định, Nghị quyết, Luật ...)."),
            "issue_date": (str, "Date of the cited document when written next to it."),
            "issuer": (str, "Issuer of the cited document when written."),
            "title": (str, "Title of the cited document when written (or the law's name)."),
            "relation": (str, "implements (Thực hiện ...), basis (Căn cứ ...) or mentions."),
            "cited_document_id": (int, "The cited document when it is in this database too."),
            "span_start": (int, "Start of the citation in documents.text (links to the highlighted text)."),
            "span_end": (int, "End of the citation in documents.text."),
        },
        foreign_keys=[("document_id", "documents", "id"), ("cited_document_id", "documents", "id")],
        display={"sort": "id", "facets": ["relation", "doc_kind"]},
    ),
    "warnings": Table(
        description="Values the parser could not read with confidence (OCR and PDF text layers garble numbers, names and titles): the field is left empty, or a cited number dropped, rather than filled with a neighbour's text or garbage. One row per such value; read them against the document's text.",
        columns={
            "id": (int, "Row id."),
            "document_id": (int, "The document (→ documents.id)."),
            "stage": (str, "The parsing stage that was unsure (metadata, citations, tasks, ocr)."),
            "field": (str, "Which value was left empty (number, issuer, title, signer, issue_date, lead ...), if any."),
            "message": (str, "Why it was not trusted."),
            "text": (str, "The words it came from, as written."),
        },
        foreign_keys=[("document_id", "documents", "id")],
        display={"facets": ["stage", "field"]},
    ),
    "source_files": Table(
        description="Size, modification time and hash of each ingested input file: a re-ingest skips a file whose size and time are unchanged without reading it.",
        columns={
            "source": (str, "The input file."),
            "size": (int, "Its size in bytes when its document was stored."),
            "mtime_ns": (int, "Its modification time (nanoseconds since 1970) then."),
            "sha256": (str, "Its content hash then."),
        },
        pk="source",
    ),
    "failures": Table(
        description="One row per input that could not be ingested, with the stage that failed.",
        columns={
            "id": (int, "Row id."),
            "source": (str, "The input file."),
            "stage": (str, "The stage that failed (read, clean, metadata, tasks ...)."),
            "error": (str, "The error message."),
            "at": (str, "When it failed (UTC)."),
        },
        display={"sort_desc": "at", "facets": ["stage"]},
    ),
    "fetches": Table(
        description="The fetch log of `kehoach crawl`, `kehoach fetch` and `kehoach ingest URL`: one row per URL asked for, with its latest answer. A re-run sends its etag / last_modified back and skips what did not change.",
        columns={
            "id": (int, "Row id."),
            "url": (str, "The URL asked for."),
            "final_url": (str, "The URL that answered, after redirects."),
            "status": (
                int,
                "HTTP status of the latest answer (200, 304 unchanged, 404 ...); empty when no answer came.",
            ),
            "content_type": (str, "Content-Type of the saved answer."),
            "size": (int, "Bytes saved."),
            "sha256": (str, "Hash of the saved file (documents.sha256 of the document read from it)."),
            "etag": (str, "The server's ETag, sent back as If-None-Match on the next run."),
            "last_modified": (str, "The server's Last-Modified, sent back as If-Modified-Since on the next run."),
            "path": (str, "Where the answer was saved."),
            "role": (str, "Why it was fetched (listing, document, original, attributes, robots ...)."),
            "found_on": (str, "The page whose link led here (empty for a start URL)."),
            "fetched_at": (str, "When it was last asked for (UTC)."),
            "changed_at": (str, "When its content last changed (UTC)."),
            "error": (str, "Why the latest attempt failed (also in failures), or empty."),
        },
        display={"sort_desc": "fetched_at", "facets": ["status", "role", "content_type"]},
    ),
}

VIEWS: dict[str, View] = {
    "task_view": View(
        description="One row per task with its document, section, agencies and deadlines — no joins needed. Search ignores diacritics and folds đ to d. The ¶ link opens the document with the task highlighted.",
        columns={
            "task_id": "Task id.",
            "provenance": "The task's span (document:start-end); the link opens the text with the task highlighted.",
            "province": "Province of the issuing body (empty for central bodies).",
            "number": "Document number (350/QĐ-UBND).",
            "section": "Label path of the heading the task sits under (II.1).",
            "text": "The task's text.",
            "lead": 'Lead agencies (chủ trì), "; "-separated.',
            "coordinators": 'Coordinating agencies (phối hợp), "; "-separated.',
            "report_to": 'Agencies reported to (báo cáo, gửi), "; "-separated.',
            "due_dates": 'Due dates (ISO), "; "-separated.',
            "first_due": "Earliest due date.",
            "due_year": "Year of the earliest due date.",
            "recurrence": "ISO-8601 duration of a recurring task (P1Y, P6M ...).",
            "deadline_text": "The time expressions as written.",
            "ongoing": '1 for "thường xuyên" (no due date by design).',
            "doc_type": "Document type (Kế hoạch, Quyết định ...).",
            "issue_date": "Document's date of issue.",
            "issue_year": "Year of issue.",
            "title": "Document title.",
            "section_heading": "The text of the task's heading.",
            "action": "The task's verb class.",
            "shape": "How the task is laid out (item, block, table_row ...).",
            "document_id": "The document's id.",
            "span_start": "Start of the task in documents.text.",
            "span_end": "End of the task in documents.text.",
        },
        display={
            "sort": "task_id",
            "facets": ["province", "doc_type", "issue_year", "due_year", "lead"],
            "facet_size": 10,
            "fts_table": "task_fts",
            "fts_pk": "task_id",
        },
    ),
    "assignment_view": View(
        description="One row per (task, agency, role) — an agency's work across documents and provinces.",
        columns={
            "assignment_id": "Row id (task_agencies.id).",
            "task_id": "Task id.",
            "provenance": "The task's span; the link opens the text with the task highlighted.",
            "province": "Province of the issuing body.",
            "number": "Document number.",
            "doc_type": "Document type.",
            "issue_year": "Year of issue.",
            "agency": "Agency name.",
            "agency_kind": "Kind of agency.",
            "agency_level": "central, province, district, commune or unknown.",
            "collective": "1 for a collective group (các sở, ban, ngành).",
            "role": "lead, coordinate or report_to.",
            "surface": "The agency's words as written in the task.",
            "section": "Label path of the task's heading.",
            "task_text": "The task's text.",
            "first_due": "Earliest due date of the task.",
            "due_year": "Year of that date.",
            "recurrence": "ISO-8601 duration of a recurring task.",
            "document_id": "The document's id.",
            "agency_id": "The agency's id.",
        },
        display={
            "sort": "assignment_id",
            "facets": ["role", "agency", "province", "agency_kind", "due_year"],
            "facet_size": 10,
        },
    ),
    "document_view": View(
        description="One row per document with counts of tasks, agencies and citations.",
        columns={
            "document_id": "Document id.",
            "number": "Document number.",
            "doc_type": "Document type.",
            "type_code": "Type part of the number.",
            "title": "Title.",
            "province": "Province of the issuer.",
            "issuer": "Issuing body.",
            "issue_date": "Date of issue.",
            "issue_year": "Year of issue.",
            "signer": "Signer.",
            "signer_title": "Signer's title.",
            "tasks": "Number of tasks.",
            "tasks_without_deadline": "Tasks with neither a due date nor a recurrence.",
            "agencies": "Specific agencies named (collective groups left out).",
            "citations": "Documents cited.",
            "implements": "Numbers of the documents this one implements.",
            "cited_by": "Documents in the database citing this one.",
            "source": "Input file.",
            "site": "Reader that produced the text.",
        },
        display={
            "sort_desc": "issue_date",
            "facets": ["province", "doc_type", "issue_year"],
            "fts_table": "document_fts",
            "fts_pk": "document_id",
        },
    ),
}
