"""OCR quality measured on real documents that have a text layer (``make ocr-eval``).

Each PDF of ``corpus/ocr-eval/`` is read twice: from its text layer (the ``pdf`` reader) and
by OCR of its pages (the ``scan`` reader's OCR: the original's page images ``<stem>.tif``
when the folder has them, else the PDF's pages rendered at ``dpi``). Compared:

- character error rate: edit distance / length of the text-layer text, whitespace collapsed,
  on the OCR text as read and after the OCR repairs (``parsers.ocr_repair``), the mean of the
  documents' rates and the rate over all their characters; and the rate with reading order
  aside (``cer_in_reference_order``): a text layer lists a table's cells in the order its
  producer drew them, which no reading of the page can know, so an OCR text in another order
  counts its moved cells as errors twice;
- extraction agreement, both readings parsed the same way: metadata fields equal; tasks
  matched by their text (similarity >= 80 after folding) -> task F1; for matched tasks, the
  same lead agencies, the same deadlines;
- seconds of OCR per page (rendering, Tesseract and layout): wall-clock, which the machine's
  load stretches (the load average is recorded), and CPU seconds (this process and Tesseract's),
  which it does not.

``--dpis 200,300,400`` also measures the character error rate and speed of the first page of
each rendered PDF at each resolution, and of each black-and-white scan's first page resampled
from its 300 dpi to each resolution.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from parsers import parse_document
from parsers.lexicon.folding import fold
from parsers.models import ParsedDocument
from parsers.ocr_repair import repair_source
from parsers.sites import _ocr, pdf, scan

METADATA_FIELDS = ("number", "doc_type", "issuer", "issue_date", "title", "signer", "signer_title")
TASK_MATCH = 80
# Reading order aside: a segment (line or cell) this long or longer may move; it stays near the
# previous one when it matches within so many characters of it as well as anywhere.
MOVABLE = 12
NEARBY = (20, 200)


@dataclass
class DocumentFigures:
    name: str
    pages: int
    seconds: float
    cer_raw: float
    cer_repaired: float
    cer_ordered: float = 0.0
    cpu_seconds: float = 0.0
    reference_chars: int = 0
    metadata_equal: int = 0
    metadata_fields: int = 0
    tasks_text: int = 0
    tasks_ocr: int = 0
    tasks_matched: int = 0
    leads_equal: int = 0
    deadlines_equal: int = 0
    differences: list[str] = field(default_factory=list)


def _flat(text: str) -> str:
    return " ".join(text.split())


def cer(reference: str, reading: str) -> float:
    """Character error rate: edit distance / reference length, whitespace collapsed."""
    reference, reading = _flat(reference), _flat(reading)
    return Levenshtein.distance(reference, reading) / max(len(reference), 1)


def cer_in_reference_order(reference: str, reading: str) -> float:
    """The character error rate once the reading's lines and table cells are put in the order in
    which their text appears in the reference; nothing else changes, so every misread letter
    still counts. Each segment goes to its best-matching place, the one nearest after the
    previous segment's when it matches as well (a phrase said twice stays in its place); one
    shorter than ``MOVABLE`` characters stays after the previous segment."""
    flat = _flat(reference)
    segments = [_flat(cell) for line in reading.split("\n") for cell in line.split("\t") if cell.strip()]
    placed: list[tuple[int, int, str]] = []
    cursor = 0
    for i, segment in enumerate(segments):
        start = cursor
        if len(segment) >= MOVABLE and (anywhere := fuzz.partial_ratio_alignment(segment, flat)):
            start = anywhere.dest_start
            for slack in NEARBY:  # the nearest place that matches as well as the best one
                low = max(cursor - slack, 0)
                near = fuzz.partial_ratio_alignment(segment, flat[low : cursor + len(segment) + slack])
                if near and near.score >= anywhere.score - 1:
                    start = low + near.dest_start
                    break
            cursor = start + len(segment)
        placed.append((start, i, segment))
    return cer(flat, " ".join(segment for _, _, segment in sorted(placed)))


def _pages(path: Path, dpi: int) -> list:
    images = path.with_suffix(".tif")
    if images.exists():
        return _ocr.image_pages(images.read_bytes())
    return _ocr.pdf_pages(path.read_bytes(), dpi)


def _leads(task) -> set[str]:
    return {a.agency.id for a in task.agencies if a.role.value == "lead"}


def _deadlines(task) -> set[tuple]:
    return {(tuple(d.due_dates), d.recurrence, d.ongoing) for d in task.deadlines}


def compare(text_doc: ParsedDocument, ocr_doc: ParsedDocument, figures: DocumentFigures) -> None:
    """Fill the extraction agreement of two readings of one document."""
    for name in METADATA_FIELDS:
        expected, got = getattr(text_doc.metadata, name), getattr(ocr_doc.metadata, name)
        if expected is None and got is None:
            continue
        figures.metadata_fields += 1
        if expected == got:
            figures.metadata_equal += 1
        else:
            figures.differences.append(f"{name}: {expected!r} -> {got!r}")
    figures.tasks_text, figures.tasks_ocr = len(text_doc.tasks), len(ocr_doc.tasks)
    unmatched = list(ocr_doc.tasks)
    for task in text_doc.tasks:
        scores = [fuzz.ratio(fold(task.text), fold(other.text)) for other in unmatched]
        if not scores or max(scores) < TASK_MATCH:
            figures.differences.append(f"task not found: {task.text[:70]!r}")
            continue
        other = unmatched.pop(scores.index(max(scores)))
        figures.tasks_matched += 1
        figures.leads_equal += _leads(task) == _leads(other)
        figures.deadlines_equal += _deadlines(task) == _deadlines(other)
        if _leads(task) != _leads(other):
            figures.differences.append(f"lead {sorted(_leads(task))} -> {sorted(_leads(other))}: {task.text[:50]!r}")
    figures.differences += [f"extra task: {t.text[:70]!r}" for t in unmatched]


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and the programs it ran (Tesseract)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def evaluate_document(path: Path, dpi: int) -> DocumentFigures:
    data = path.read_bytes()
    text_source = pdf.read(path.name, data)
    started, cpu_started = time.perf_counter(), cpu_seconds()
    pages = _pages(path, dpi)
    engine = f"{_ocr.engine()} {dpi} dpi"
    ocr_source = scan.read_pages(path.name, pages, engine)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    repaired, _ = repair_source(ocr_source)
    figures = DocumentFigures(
        name=path.name,
        pages=len(pages),
        seconds=seconds,
        cer_raw=cer(text_source.text, ocr_source.text),
        cer_repaired=cer(text_source.text, repaired.text),
        cer_ordered=cer_in_reference_order(text_source.text, repaired.text),
        cpu_seconds=cpu,
        reference_chars=len(_flat(text_source.text)),
    )
    compare(parse_document(text_source, "text"), parse_document(ocr_source, "ocr"), figures)
    return figures


def totals(documents: list[DocumentFigures]) -> dict:
    pages = sum(d.pages for d in documents)
    tasks_text, tasks_ocr = sum(d.tasks_text for d in documents), sum(d.tasks_ocr for d in documents)
    matched = sum(d.tasks_matched for d in documents)
    return {
        "documents": len(documents),
        "pages": pages,
        "seconds_per_page": round(sum(d.seconds for d in documents) / max(pages, 1), 2),
        "cpu_seconds_per_page": round(sum(d.cpu_seconds for d in documents) / max(pages, 1), 2),
        "cer_raw": round(statistics.mean(d.cer_raw for d in documents), 4),
        "cer_repaired": round(statistics.mean(d.cer_repaired for d in documents), 4),
        "cer_ordered": round(statistics.mean(d.cer_ordered for d in documents), 4),
        # every character counts the same: long documents weigh more than in the mean by document
        "cer_repaired_by_character": round(
            sum(d.cer_repaired * d.reference_chars for d in documents)
            / max(sum(d.reference_chars for d in documents), 1),
            4,
        ),
        "metadata_agreement": round(
            sum(d.metadata_equal for d in documents) / max(sum(d.metadata_fields for d in documents), 1), 3
        ),
        "task_f1": round(2 * matched / max(tasks_text + tasks_ocr, 1), 3),
        "lead_agreement": round(sum(d.leads_equal for d in documents) / max(matched, 1), 3),
        "deadline_agreement": round(sum(d.deadlines_equal for d in documents) / max(matched, 1), 3),
    }


def _first_page(path: Path, dpi: int):
    """The first page of a rendered PDF at ``dpi``, or of a scan's page images resampled to it."""
    images = path.with_suffix(".tif")
    if not images.exists():
        return _ocr.pdf_pages(path.read_bytes(), dpi)[0]
    page = _ocr.image_pages(images.read_bytes())[0]
    scale = dpi / (min(page.size) / _ocr.A4_WIDTH_INCHES)
    return page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)


def dpi_sweep(paths: list[Path], dpis: list[int]) -> list[dict]:
    """CER and seconds of the first page of each document at each resolution, by kind of page:
    rendered from a PDF, or a black-and-white scan."""
    rows = []
    for kind in ("rendered", "black-and-white scan"):
        chosen = [p for p in paths if p.with_suffix(".tif").exists() == (kind != "rendered")]
        for dpi in dpis if chosen else []:
            errors, seconds = [], []
            for path in chosen:
                reference = pdf.read(path.name, path.read_bytes()).text
                started = time.perf_counter()
                reading = scan.read_pages(path.name, [_first_page(path, dpi)], f"{dpi} dpi").text
                seconds.append(time.perf_counter() - started)
                # the first page's share of the text layer: up to the OCR'd text's length
                errors.append(cer(_flat(reference)[: len(_flat(reading))], reading))
            row = {"kind": kind, "pages": len(chosen), "dpi": dpi, "cer": round(statistics.mean(errors), 4)}
            rows.append(row | {"seconds_per_page": round(statistics.mean(seconds), 2)})
    return rows


def run(folder: Path, dpi: int, dpis: list[int]) -> dict:
    paths = sorted(folder.glob("*.pdf"))
    load_before = os.getloadavg()[0]
    documents = [evaluate_document(path, dpi) for path in paths]
    report = {"dpi": dpi, "totals": totals(documents), "documents": [asdict(d) for d in documents]}
    if dpis:
        report["dpi_sweep"] = dpi_sweep(paths, dpis)
    report["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2), os.cpu_count()]
    return report


def markdown(report: dict) -> str:
    t = report["totals"]
    lines = [
        f"| figure ({t['documents']} documents, {t['pages']} pages, {report['dpi']} dpi) | value |",
        "|---|---|",
        f"| character error rate, OCR as read | {t['cer_raw']:.2%} |",
        f"| character error rate, after the OCR repairs | {t['cer_repaired']:.2%} |",
        f"| character error rate, after the repairs, by character | {t['cer_repaired_by_character']:.2%} |",
        f"| character error rate, after the repairs, reading order aside | {t['cer_ordered']:.2%} |",
        f"| metadata fields agreeing | {t['metadata_agreement']:.3f} |",
        f"| task F1 (OCR reading vs text reading) | {t['task_f1']:.3f} |",
        f"| lead agreement (matched tasks) | {t['lead_agreement']:.3f} |",
        f"| deadline agreement (matched tasks) | {t['deadline_agreement']:.3f} |",
        f"| seconds of OCR per page (wall-clock; CPU) | {t['seconds_per_page']:.1f}; {t['cpu_seconds_per_page']:.1f} |",
        f"| load average at start and end (CPUs) | {report['load_average'][0]}, {report['load_average'][1]} "
        f"({report['load_average'][2]}) |",
        "",
        "| document | pages | s/page | CER | CER repaired | order aside | metadata "
        "| tasks text/OCR/matched | leads | deadlines |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for d in report["documents"]:
        lines.append(
            f"| {d['name']} | {d['pages']} | {d['seconds'] / d['pages']:.1f} | {d['cer_raw']:.2%} | "
            f"{d['cer_repaired']:.2%} | {d['cer_ordered']:.2%} | "
            f"{d['metadata_equal']}/{d['metadata_fields']} | {d['tasks_text']}/{d['tasks_ocr']}/{d['tasks_matched']} | "
            f"{d['leads_equal']} | {d['deadlines_equal']} |"
        )
    if report.get("dpi_sweep"):
        lines += ["", "| first pages | dpi | CER | seconds per page |", "|---|---|---|---|"]
        lines += [
            f"| {r['pages']} {r['kind']} | {r['dpi']} | {r['cer']:.2%} | {r['seconds_per_page']:.1f} |"
            for r in report["dpi_sweep"]
        ]
    return "\n".join(lines)


def save(report: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
