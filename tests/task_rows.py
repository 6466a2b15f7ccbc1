"""Tasks parsed from a short text as comparable rows: first words, leads and due dates."""

from __future__ import annotations

from parsers import parse_document
from parsers.models import SourceText


def parse_text(text: str):
    """The parsed document of a short plain text."""
    return parse_document(SourceText(source="x.txt", site="text", text=text, hints={}), "0" * 64)


def task_rows(text: str) -> list[tuple[str, list[str], list[str]]]:
    """(first 30 characters, sorted lead names, sorted due dates) of every task of ``text``."""
    doc = parse_document(SourceText(source="t.txt", site="text", text=text, hints={"layout": "paragraphs"}), "0")
    return [
        (
            t.text[:30],
            sorted(a.agency.name for a in t.agencies if a.role == "lead"),
            sorted({d.isoformat() for dl in t.deadlines for d in dl.due_dates}),
        )
        for t in doc.tasks
    ]
