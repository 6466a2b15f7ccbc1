"""Confidence, not guesses: values that cannot be read with confidence are left empty and said.

OCR and PDF text layers garble exactly the short fields an analyst filters on ("Số: II
/2026/QĐ-UBND", "Luật số 8 7⁄202%⁄QHI5", "Luật Đầu tư công số J 58/2024/QH1 5"). A wrong
value is worse than none: it is silently counted. Each check below looks at one extracted
value; a value that fails is emptied (or dropped) and a ``ParseWarning`` says which field,
why, and the words it came from, so that the ``warnings`` table lists what to read by hand.
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.lexicon.vietnamese import LOWER, UPPER
from parsers.metadata import parse_number
from parsers.models import Citation, Metadata, ParseWarning, Role, Task
from parsers.ocr_citations import mend_split_number, merge_same_numbers
from parsers.own_number import confirmed_number
from parsers.text.structure import Paragraph

# "350/QĐ-UBND", "05/2025/QĐ-TTg", "/QĐ-UBND" (left blank in a draft), "57-NQ/TW", "66.18/2026/NQ-CP"
NUMBER_SHAPE = re.compile(
    r"^(?:[\d.]*(?:/\d{4})?/[A-ZĐ][\wĐđ&.]*(?:[-/][A-ZĐa-zđ\d][\wĐđ&.]*)*|\d+-[A-ZĐ][\wĐđ]*/[A-ZĐ][\wĐđ]*)$"
)
NUMBER_LINE = re.compile(r"(?<!\w)Số\s*[:.]\s*\S")
# Characters OCR puts in place of digits and slashes: "7⁄202%⁄QHI5", "|", "~"
OCR_NOISE = re.compile(r"[⁄%|~¦§]")
MOTTO_WORDS = re.compile(r"CỘNG\s+H[OÒ][AÀ]|Cộng\s+hòa\s+xã\s+hội|Độc\s+lập\s*-\s*Tự\s+do", re.I)
PERSON = re.compile(rf"^[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+){{1,5}}$")
# A word glued to the next one by a PDF text layer: "quyềnVề", "điềuvướng" is not caught
GLUED = re.compile(rf"[{LOWER}][{UPPER}][{LOWER}]")
# A cited number cut by OCR: "58/2024/QH1 5" (a lone digit after a number ending in one digit)
CUT_AFTER = re.compile(r"^ \d(?!\d)")
CUT_END = re.compile(r"[A-ZĐ]\d$")  # "QH1" of "QH1 5": legislatures are numbered QH11 ... QH15
# "Luật số 8 7⁄202%⁄QHI5": digits and OCR's fraction slashes where a number was
GARBLED_NUMBER = re.compile(r"(?<!\w)số\s+\d[\d\s]{0,4}⁄[^\s;,]*")
FIRST_YEAR = 1945  # the state's first documents


def _warn(stage: str, field: str, message: str, text: str = "") -> ParseWarning:
    return ParseWarning(stage=stage, field=field, message=message, text=text[:200])


def vet_metadata(meta: Metadata, paragraphs: list[Paragraph], body_start: int) -> list[ParseWarning]:
    """Empty the metadata fields that cannot be trusted (in place); the warnings saying so."""
    warnings: list[ParseWarning] = []
    header = [p.text for p in paragraphs if p.start < body_start]
    number_line = next((t for t in header if NUMBER_LINE.search(t)), "")
    if meta.number and (not NUMBER_SHAPE.match(meta.number) or OCR_NOISE.search(meta.number)):
        warnings.append(_warn("metadata", "number", "the number is not a document number's shape", meta.number))
        meta.number, meta.type_code = None, None
    elif not meta.number and number_line and not re.search(r"Số\s*:\s*Không\s+số", number_line, re.I):
        text = "\n".join(p.text for p in paragraphs if p.start >= body_start)
        if number := confirmed_number(number_line, text, meta.issue_date):
            meta.number, meta.type_code = parse_number(number)
            message = "the 'Số:' line cannot be read; the number is the attached document's reference to it"
        else:
            message = "the 'Số:' line cannot be read"
        warnings.append(_warn("metadata", "number", message, number_line))
    issuer = meta.issuer or ""
    if issuer and (MOTTO_WORDS.search(issuer) or re.search(r"\d", issuer) or not re.match(rf"^[{UPPER}]", issuer)):
        warnings.append(_warn("metadata", "issuer", "not the name of a public body", issuer))
        meta.issuer = None
    if meta.issuer in {"Ủy ban nhân dân", "Hội đồng nhân dân"}:
        warnings.append(_warn("metadata", "issuer", "the issuer's place cannot be read", meta.issuer))
        meta.issuer = None
    if meta.title and (
        OCR_NOISE.search(meta.title) or MOTTO_WORDS.search(meta.title) or NUMBER_LINE.search(meta.title)
    ):
        warnings.append(
            _warn("metadata", "title", "the title holds other header text or unreadable characters", meta.title)
        )
        meta.title = None
    elif meta.title and GLUED.search(meta.title):
        warnings.append(
            _warn("metadata", "title", "words run together (a PDF text layer's order): check it", meta.title)
        )
    if meta.signer and not PERSON.match(meta.signer):
        warnings.append(_warn("metadata", "signer", "not a person's name", meta.signer))
        meta.signer = None
    if meta.issue_date and not FIRST_YEAR <= meta.issue_date.year <= dt.date.today().year + 1:
        warnings.append(_warn("metadata", "issue_date", "not a plausible date", meta.issue_date.isoformat()))
        meta.issue_date = None
    return warnings


def vet_citations(text: str, citations: list[Citation]) -> tuple[list[Citation], list[ParseWarning]]:
    """Citations whose number OCR split are mended where certain (``mend_split_number``); those
    whose number OCR cut or garbled otherwise lose their number (their name, if any, stays)."""
    kept: list[Citation] = []
    warnings: list[ParseWarning] = []
    mends = 0
    for c in citations:
        if mended := mend_split_number(text, c):
            mends += 1
            words = text[mended.span_start : mended.span_end]
            warnings.append(
                _warn("citations", "number", f"a cited number split by OCR, read as {mended.number}", words)
            )
            c = mended
        after = text[c.span_end : c.span_end + 3]
        cut = c.number and ((CUT_AFTER.match(after) and CUT_END.search(c.number)) or OCR_NOISE.search(c.number))
        if not cut:
            kept.append(c)
            continue
        words = text[max(0, c.span_start - 2) : c.span_end + 3].strip()
        warnings.append(_warn("citations", "number", "a cited number cut or garbled by OCR", words))
        if c.title:
            kept.append(c.model_copy(update={"number": ""}))
    for m in GARBLED_NUMBER.finditer(text):
        warnings.append(_warn("citations", "number", "a cited number cannot be read", m.group()))
    return (merge_same_numbers(kept) if mends else kept), warnings


def unread_leads(tasks: list[Task]) -> list[ParseWarning]:
    """Tasks left without a lead because the words naming it could not be read as an agency."""
    return [
        _warn("tasks", "lead", f"no responsible agency could be read (task in {t.section or 'the body'})", t.text)
        for t in tasks
        if not any(ta.role == Role.LEAD for ta in t.agencies)
    ]
