"""Benchmark: ingest a folder several times into fresh databases and show where the time goes.

Machines are noisy, so each figure is a median over repeats, and stages are reported as
shares of the total; nothing here asserts a wall-clock time.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from pipeline.ingest import ingest, iter_inputs

# Stages in the order data flows; "parse:*" are parse_document's own stages.
STAGES = [
    ("read", "read: decode and site reader"),
    ("parse:clean", "parse: cleaning"),
    ("parse:structure", "parse: paragraphs, metadata, sections"),
    ("parse:agencies", "parse: agencies (reference data + detector)"),
    ("parse:citations", "parse: citations"),
    ("parse:tasks", "parse: tasks, roles, deadlines"),
    ("parse:validate", "parse: pydantic validation"),
    ("save", "save: SQLite writes and search index"),
]


def run(paths: list[str | Path], repeats: int = 3) -> dict:
    """Ingest ``paths`` ``repeats`` times (first run warms caches and lazy models, and is dropped)."""
    files = list(iter_inputs(paths))
    runs: list[dict[str, float]] = []
    documents = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(repeats + 1):
            started = time.perf_counter()
            report = ingest(files, Path(tmp) / f"bench-{k}.db")
            seconds = dict(report.seconds, total=time.perf_counter() - started)
            seconds["other"] = seconds["total"] - sum(seconds.get(key, 0.0) for key, _ in STAGES)
            documents = len(report.ingested)
            if k:  # the warm-up run loads models and fills caches
                runs.append(seconds)
    medians = {key: statistics.median(r.get(key, 0.0) for r in runs) for key in {k for r in runs for k in r}}
    return {"files": len(files), "documents": documents, "repeats": repeats, "medians": medians}


def format_report(result: dict) -> list[str]:
    medians = result["medians"]
    total = medians["total"] or 1e-9
    docs = max(result["documents"], 1)
    lines = [
        f"{result['documents']} documents from {result['files']} files, median of {result['repeats']} runs "
        f"(after one warm-up run)",
        f"total {total:.2f} s = {1000 * total / docs:.0f} ms per document, {docs / total:.1f} documents/s",
        f"{'stage':48s} {'median s':>9s} {'ms/doc':>8s} {'share':>6s}",
    ]
    for key, label in STAGES:
        value = medians.get(key, 0.0)
        lines.append(f"{label:48s} {value:9.3f} {1000 * value / docs:8.1f} {100 * value / total:5.1f}%")
    other = medians.get("other", 0.0)
    label = "other (file walk, hashing, linking citations)"
    lines.append(f"{label:48s} {other:9.3f} {1000 * other / docs:8.1f} {100 * other / total:5.1f}%")
    lines.append("(each line is a median over runs, so the lines need not add up to the total exactly)")
    return lines
