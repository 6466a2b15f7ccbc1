"""Mutations of real documents and the properties every parse must keep (used by test_fuzz and `make fuzz`).

A case is a real input (bytes and file name) damaged the way real files are damaged:
bytes flipped, the end cut off, lines shuffled, sections repeated, combining marks,
bidi controls and zero-width characters inserted. ``check_case`` runs the reader and the
parser on it: a reader may refuse it with a ValueError naming the file (a failures row);
anything else escaping is a crash, and every parsed value must slice back to its text.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

from parsers import parse_document
from parsers.models import ParsedDocument
from parsers.sites import read_source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
INSERTABLE = [
    "\u0301",
    "\u0323",
    "\u0309",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u200f",
    "\x00",
]
# The parse of a window of a document is what is fuzzed; whole documents make each case slow.
WINDOW = 6000


def docx_from_text(text: str) -> bytes:
    """A real Word file holding ``text``: a numbered list, a table and plain paragraphs."""
    import docx

    document = docx.Document()
    lines = [line for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if "\t" in line:
            cells = line.split("\t")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells, strict=True):
                cell.text = value
        else:
            document.add_paragraph(line, style="List Number" if i % 7 == 3 else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def corpus_inputs(folder: Path = CORPUS) -> list[tuple[str, bytes]]:
    """The sample documents (name, bytes), and two of them as Word files."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".txt", ".html", ".htm", ".docx"})
    inputs = [(p.name, p.read_bytes()) for p in files]
    texts = [(name, data) for name, data in inputs if name.endswith(".txt")][:2]
    inputs += [(name[:-4] + ".docx", docx_from_text(data.decode("utf-8")[:20000])) for name, data in texts]
    return inputs


def _window(data: bytes, rnd: random.Random, name: str) -> bytes:
    if name.endswith(".docx") or len(data) <= WINDOW:
        return data
    start = rnd.randrange(0, len(data) - WINDOW)
    return data[start : start + WINDOW] if not name.endswith((".html", ".htm")) else data


def _flip_bytes(data: bytes, rnd: random.Random) -> bytes:
    raw = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        i = rnd.randrange(len(raw))
        raw[i] = rnd.randrange(256)
    return bytes(raw)


def _truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randint(0, len(data))]


def _shuffle_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    rnd.shuffle(lines)
    return b"\n".join(lines)


def _repeat_section(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    i = rnd.randrange(len(lines))
    j = min(len(lines), i + rnd.randint(1, 30))
    return b"\n".join(lines[:j] + lines[i:j] * rnd.randint(2, 4) + lines[j:])


def _insert_chars(data: bytes, rnd: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    chars = list(text)
    for _ in range(rnd.randint(1, 20)):
        chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(INSERTABLE))
    return "".join(chars).encode("utf-8")


def _damage_docx(data: bytes, rnd: random.Random) -> bytes:
    """A Word file with one part damaged (cut, bytes flipped, or replaced by junk)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    victim = rnd.choice(source.namelist())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name == victim:
                part = rnd.choice([_flip_bytes, _truncate, _shuffle_lines])(part, rnd) if part else part
            target.writestr(name, part)
    return out.getvalue()


MUTATIONS = {
    "flip": _flip_bytes,
    "truncate": _truncate,
    "shuffle": _shuffle_lines,
    "repeat": _repeat_section,
    "insert": _insert_chars,
}


def mutate(name: str, data: bytes, rnd: random.Random) -> tuple[str, bytes, str]:
    """One damaged version of a real input: (name, bytes, the mutations applied)."""
    data = _window(data, rnd, name)
    if name.endswith(".docx"):
        return name, _damage_docx(data, rnd), "docx-part"
    applied = rnd.sample(sorted(MUTATIONS), rnd.randint(1, 2))
    for mutation in applied:
        if data:
            data = MUTATIONS[mutation](data, rnd)
    return name, data, "+".join(applied)


def bad_spans(doc: ParsedDocument) -> list[str]:
    """Values whose span does not slice back to their text, and dates that are not ISO dates."""
    text = doc.text
    problems = []

    def check(kind: str, value: str, start: int, end: int) -> None:
        if not 0 <= start <= end <= len(text) or text[start:end] != value:
            problems.append(f"{kind} {value!r} != text[{start}:{end}] {text[start:end]!r}")

    for m in doc.mentions:
        check("mention", m.surface, m.span_start, m.span_end)
    for t in doc.tasks:
        if not 0 <= t.span_start <= t.span_end <= len(text):
            problems.append(f"task span {t.span_start}:{t.span_end} outside the text")
        for a in t.agencies:
            check("task agency", a.surface, a.span_start, a.span_end)
        for d in t.deadlines:
            check("deadline", d.text, d.span_start, d.span_end)
            for date in [*d.due_dates, d.start_date]:
                problems += _not_iso(date)
    for s in doc.sections:
        if not 0 <= s.span_start <= s.span_end <= len(text):
            problems.append(f"section span {s.span_start}:{s.span_end} outside the text")
    for c in doc.citations:
        if not 0 <= c.span_start <= c.span_end <= len(text):
            problems.append(f"citation span {c.span_start}:{c.span_end} outside the text")
        problems += _not_iso(c.issue_date)
    problems += _not_iso(doc.metadata.issue_date)
    return problems


def _not_iso(date: dt.date | None) -> list[str]:
    if date is None:
        return []
    iso = date.isoformat()
    return [] if len(iso) == 10 and dt.date.fromisoformat(iso) == date else [f"date {date!r} is not ISO"]


def check_case(name: str, data: bytes, *, detector: bool = True) -> list[str]:
    """Read and parse one input; the problems found ([] when it parsed cleanly or was refused cleanly).

    A crash (anything but the readers' ValueError) propagates: that is what fuzzing looks for.
    """
    try:
        source = read_source(name, data)
    except ValueError as error:
        if name not in str(error):
            return [f"refusal does not name the file: {error}"]
        return []
    doc = parse_document(source, "0" * 64, detector=detector)
    return bad_spans(doc)
