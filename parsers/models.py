"""Pydantic models passed between parsing stages and handed to the database writer.

Every extracted value keeps ``span_start``/``span_end``: character offsets into the
normalised document text (``ParsedDocument.text``), so that evaluation, highlighting
and debugging can always point at the words a value came from.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, model_validator

_ISO_DURATION = re.compile(r"^P(?:\d+[YMWD])+$")


def _check_duration(value: str | None) -> str | None:
    if value is not None and not _ISO_DURATION.match(value):
        raise ValueError(f"not an ISO-8601 duration: {value!r}")
    return value


def _check_number(value: str) -> str:
    if re.search(r"\s", value):
        raise ValueError(f"document number must not contain spaces: {value!r}")
    return value


IsoDuration = Annotated[str | None, AfterValidator(_check_duration)]
DocumentNumber = Annotated[str, AfterValidator(_check_number)]


class Spanned(BaseModel):
    """Anything found in the text: where it starts and ends."""

    span_start: int = Field(ge=0)
    span_end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if self.span_end < self.span_start:
            raise ValueError(f"span ends before it starts: {self.span_start}..{self.span_end}")
        return self


class Role(StrEnum):
    LEAD = "lead"
    COORDINATE = "coordinate"
    REPORT_TO = "report_to"


class Relation(StrEnum):
    IMPLEMENTS = "implements"
    BASIS = "basis"
    MENTIONS = "mentions"


class SourceText(BaseModel):
    """Text taken out of one input (a saved page, a text capture, a Word or PDF file)."""

    source: str
    site: str  # which reader produced it: "thuvienphapluat", "vbpl", "pdf", ...
    text: str  # raw text, before cleaning
    hints: dict[str, str] = Field(default_factory=dict)  # metadata the site states itself


class Metadata(BaseModel):
    number: str | None = None
    type_code: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    province: str | None = None
    issue_date: dt.date | None = None
    title: str | None = None
    signer: str | None = None
    signer_title: str | None = None


class Section(Spanned):
    """A heading of the document and the text it governs (span covers both)."""

    label: str  # "II", "1", "a", "Phụ lục I"
    path: str  # labels from the root: "II.1"
    heading: str
    level: int
    parent: int | None = None  # index into ParsedDocument.sections
    kind: str = "other"  # objectives | tasks | implementation | funding | criteria | appendix | other


class Agency(BaseModel):
    """An entry of the agency reference data, or a body the detector found."""

    id: str
    name: str
    kind: str = "other"
    level: str = "unknown"  # central | province | district | commune | unknown
    collective: bool = False


class AgencyMention(Spanned):
    agency: Agency
    surface: str
    method: str = "reference"  # reference | detector


class TaskAgency(Spanned):
    agency: Agency
    role: Role
    surface: str


class Deadline(Spanned):
    text: str
    due_dates: list[dt.date] = Field(default_factory=list)
    start_date: dt.date | None = None
    recurrence: IsoDuration = None
    ongoing: bool = False  # "thường xuyên": no due date by design


class Task(Spanned):
    section: str
    text: str
    action: str = "UNKNOWN"
    shape: str = "item"  # item | block | table_row | sentence | paragraph
    agencies: list[TaskAgency] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)


class Citation(Spanned):
    number: str = ""
    doc_kind: str | None = None  # "Quyết định", "Nghị quyết", "Luật" ...
    issue_date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None
    relation: Relation = Relation.MENTIONS


class ParseWarning(BaseModel):
    """A value a stage could not read with confidence: left empty (or out), and said here."""

    stage: str  # metadata | citations | tasks | ocr
    field: str | None = None  # number, issuer, title, signer, issue_date, lead ...
    message: str
    text: str = ""  # the words it could not read


class ParsedDocument(BaseModel):
    source: str
    site: str
    sha256: str
    text: str
    metadata: Metadata
    reader: str = "text"  # "ocr" when the text was read from page images
    ocr_engine: str | None = None  # "tesseract 5.3.0 vie 300 dpi"
    ocr_confidence: float | None = None  # mean word confidence of the OCR, 0-100
    warnings: list[ParseWarning] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    mentions: list[AgencyMention] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    legacy_encoding: str | None = None  # "TCVN3" or "VNI" when the text was converted to Unicode
