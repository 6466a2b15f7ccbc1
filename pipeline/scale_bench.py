"""The scale benchmark (``make bench``, writes BENCHMARKS.md): throughput, parallelism, re-ingest,
memory, linearity in size, and query times on a database of a million tasks.

Nothing here asserts a time: it measures and writes down. Every size is a parameter
(``ScaleConfig``), so that ``make bench-quick`` and the test suite's smoke test run the same
code on a few documents.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from parsers import parse_document
from parsers.sites import read_source
from pipeline import storage
from pipeline.bench import STAGES

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
# Department names swapped for one another in the copies: other agencies, same shapes.
SWAPPED_AGENCIES = [
    "Sở Tài chính",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nông nghiệp và Môi trường",
]


@dataclass
class ScaleConfig:
    documents: int = 10_000  # the large corpus
    small: int = 1_000  # the small corpus (time per document at small and large size)
    repeat_documents: int = 300  # the corpus of the repeated runs (medians)
    repeats: int = 3
    tasks: int = 1_000_000  # rows of the task table for the query timings
    query_runs: int = 20
    sizes_mb: tuple[float, ...] = (0.01, 1.0, 10.0, 50.0)
    workers: int = 2
    dask: bool = True
    seeds: Path = CORPUS
    notes: list[str] = field(default_factory=list)
    # a git revision of this repository to run side by side with the working code: each timed
    # ingest and query runs once with each, one after the other, so that both see the same load
    baseline: str | None = None


# ---------------------------------------------------------------------------------------------
# The corpus: real documents copied with other numbers, dates, provinces and agencies.


def seed_texts(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of the plain-text documents of ``folder`` (the sample corpus)."""
    return [(p.stem, p.read_text("utf-8")) for p in sorted(folder.glob("*.txt")) if p.name[0] != "."]


def _province_names() -> list[str]:
    raw = json.loads(resources.files("parsers").joinpath("data/provinces.json").read_text("utf-8"))
    return [p["name"] for p in raw]


def perturb(text: str, k: int) -> str:
    """Copy ``k`` of a document: other document numbers, days, years, province and departments,
    and a copy number, so that no two copies share a hash."""
    rng = random.Random(k)
    provinces = _province_names()
    own = next((p for p in provinces if p in text[:600] or p.upper() in text[:600]), None)
    if own:
        other = rng.choice([p for p in provinces if p != own])
        text = text.replace(own, other).replace(own.upper(), other.upper())
    order = SWAPPED_AGENCIES[:]
    rng.shuffle(order)
    swap = dict(zip(SWAPPED_AGENCIES, order, strict=True))
    text = re.sub("|".join(map(re.escape, SWAPPED_AGENCIES)), lambda m: swap[m.group()], text)
    shift = rng.randint(-4, 3)
    text = re.sub(r"\b(20[0-3]\d)\b", lambda m: str(int(m.group()) + shift), text)
    text = re.sub(r"(?<=ngày )(\d{1,2})\b", lambda m: f"{rng.randint(1, 28):02d}", text)
    text = re.sub(r"\b\d{1,5}(?=/[A-ZĐ])", lambda m: str(rng.randint(1, 9999)), text)
    # party-style numbers too (57-NQ/TW): left alone, every copy of a seed would join one family
    # of thousands of members, a corpus no province writes
    text = re.sub(r"\b\d{1,5}(?=-[A-ZĐ]+/[A-ZĐ])", lambda m: str(rng.randint(1, 9999)), text)
    return f"{text.rstrip()}\n\n(Bản sao số {k})\n"


def build_corpus(seeds: list[tuple[str, str]], count: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        name, text = seeds[k % len(seeds)]
        (folder / f"{k:06d}__{name}.txt").write_text(perturb(text, k), "utf-8")
    return folder


# ---------------------------------------------------------------------------------------------
# Ingest runs, each in a fresh process: its peak memory is its own.

_RUN = """
import json, os, resource, sys, time
from pipeline.ingest import ingest
started = time.perf_counter()
report = ingest([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), dask=sys.argv[4] or None)
total = time.perf_counter() - started
print(json.dumps({"total": total, "ingested": len(report.ingested), "skipped": len(report.skipped),
                  "load": os.getloadavg()[0],
                  "failed": len(report.failed), "seconds": report.seconds,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

_FLOOR = """
import hashlib, json, sys, time, unicodedata
from pathlib import Path
from pipeline import storage
from pipeline.ingest import iter_inputs
db = storage.open_db(sys.argv[2])
started = time.perf_counter()
with db.atomic():
    for path in iter_inputs([sys.argv[1]]):
        data = path.read_bytes()
        text = unicodedata.normalize("NFC", data.decode("utf-8"))
        db.execute("INSERT INTO documents (source, sha256, text) VALUES (?, ?, ?)",
                   [str(path), hashlib.sha256(data).hexdigest(), text])
print(json.dumps({"total": time.perf_counter() - started}))
"""


def _python(script: str, *args: str, src: Path | None = None) -> dict:
    """Run ``script`` in a fresh interpreter, importing the code of ``src`` (default: this checkout)."""
    env = {**os.environ, "PYTHONPATH": str(src or REPO)}
    load_at_start = os.getloadavg()[0]
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True, cwd=src or REPO, env=env
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {**result, "load_start": load_at_start}


def ingest_run(folder: Path, db: Path, workers: int = 1, dask: str = "", src: Path | None = None) -> dict:
    return _python(_RUN, str(folder), str(db), str(workers), dask, src=src)


def floor_run(folder: Path, db: Path, src: Path | None = None) -> dict:
    return _python(_FLOOR, str(folder), str(db), src=src)


def checkout(revision: str, folder: Path) -> Path:
    """The files of ``revision`` of this repository, exported to ``folder`` (``git archive``); a
    folder holding an exported copy of the code is used as it is."""
    if Path(revision).is_dir():
        return Path(revision)
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "archive", revision], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _median_runs(make, repeats: int) -> tuple[float, dict, tuple[float, float]]:
    runs = [make(k) for k in range(repeats)]
    return _medians(runs)


def _medians(runs: list[dict]) -> tuple[float, dict, tuple[float, float]]:
    """(median total, median seconds per stage, (lowest, highest) load average seen) of ingest runs."""
    totals = [r["total"] for r in runs]
    stages = {}
    for key in {k for r in runs for k in r.get("seconds", {})}:
        stages[key] = statistics.median(r.get("seconds", {}).get(key, 0.0) for r in runs)
    loads = [x for r in runs for x in (r.get("load_start"), r.get("load")) if x is not None]
    return statistics.median(totals), stages, (min(loads, default=0.0), max(loads, default=0.0))


def _paired_runs(make, repeats: int, baseline: Path | None) -> tuple[tuple, tuple | None]:
    """Medians of ``make(k, src)`` for this code and, when given, the baseline, run in turns."""
    new, old = [], []
    for k in range(repeats):
        if baseline is not None:
            old.append(make(k, baseline))
        new.append(make(k, None))
    return _medians(new), (_medians(old) if old else None)


# ---------------------------------------------------------------------------------------------
# Single documents of growing size.


def time_per_mb(seed: str, sizes_mb: tuple[float, ...]) -> list[tuple[float, float, dict]]:
    """(MB, seconds per MB, stage seconds per MB) for ``seed`` repeated to each size."""
    unit = seed.rstrip() + "\n\n"
    parse_document(read_source("warm.txt", unit.encode()), "0" * 64)
    out = []
    for mb in sizes_mb:
        text = unit * max(1, round(mb * 1e6 / len(unit.encode())))
        source = read_source("big.txt", text.encode())
        timings: dict[str, float] = {}
        started = time.perf_counter()
        parse_document(source, "0" * 64, timings=timings)
        size = len(text.encode()) / 1e6
        out.append((size, (time.perf_counter() - started) / size, {k: v / size for k, v in timings.items()}))
    return out


def profile_stage(seeds: list[tuple[str, str]], stage_module: str, count: int = 20) -> list[str]:
    """The top functions (own time) while parsing ``count`` documents, in the slowest stage's modules."""
    sources = [read_source(f"{n}.txt", t.encode()) for n, t in seeds[:count]]
    profiler = cProfile.Profile()
    profiler.enable()
    for s in sources:
        parse_document(s, "0" * 64)
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).sort_stats("tottime")
    stats.print_stats(stage_module, 12)
    lines = [line for line in stream.getvalue().splitlines() if re.match(r"\s*\d", line)]
    return lines[:12]


# ---------------------------------------------------------------------------------------------
# A million tasks, and the queries analysts run.


def canned_sql(meta: dict) -> dict[str, str]:
    """label -> SQL of every canned query, the task view's first page, count and facets, and its search."""
    kehoach = meta["databases"]["kehoach"]
    out = {f"canned: {name}": query["sql"] for name, query in kehoach["queries"].items()}
    out["task_view: first page"] = "SELECT * FROM task_view ORDER BY task_id LIMIT 101"
    out["task_view: count"] = "SELECT count(*) FROM task_view"
    for facet in kehoach["tables"]["task_view"].get("facets", []):
        out[f"task_view: facet {facet}"] = (
            f"SELECT [{facet}] AS value, count(*) AS count FROM task_view WHERE [{facet}] IS NOT NULL "
            f"GROUP BY [{facet}] ORDER BY count DESC, value LIMIT 11"
        )
    # what Datasette runs for ?_search= on task_view (fts_table task_fts, sorted by task_id)
    search = "task_id IN (SELECT rowid FROM task_fts WHERE task_fts MATCH fold_fts(:q))"
    out["task_view: folded search"] = f"SELECT * FROM task_view WHERE {search} ORDER BY task_id LIMIT 101"
    out["task_view: folded search, count"] = f"SELECT count(*) FROM task_view WHERE {search}"
    return out


def query_timings(db_path: Path, runs: int, baseline_meta: dict | None = None) -> list[tuple]:
    """(query, (median ms, p95 ms, rows, runs), baseline's (...) or None, same rows) for every query
    of ``canned_sql``, this code's SQL and, when given, the baseline's, run in turns on the same file."""
    from pipeline.datasette.plugins.kehoach_plugin import prepare_connection

    conn = sqlite3.connect(db_path)
    prepare_connection(conn)
    meta = yaml.safe_load(resources.files("pipeline").joinpath("datasette/metadata.yml").read_text("utf-8"))
    new, old = canned_sql(meta), (canned_sql(baseline_meta) if baseline_meta else {})
    params = _query_params(conn)
    out = []
    for label, sql in new.items():
        timed = _time_pair(conn, sql, old.get(label), params, runs)
        out.append((label, *timed))
    conn.close()
    return out


def _query_params(conn: sqlite3.Connection) -> dict[str, str]:
    number = conn.execute("SELECT number FROM citations WHERE relation = 'implements' LIMIT 1").fetchone()
    doc_number = conn.execute("SELECT number FROM documents WHERE number IS NOT NULL LIMIT 1").fetchone()
    return {
        "agency": "tai chinh",
        "role": "lead",
        "year": "2025",
        "quarter": "",
        "province": "Nghệ An",
        "number": (number or doc_number or [""])[0],
        "lead": "tai chinh",
        "date": "2025-06-30",
        "q": "chuyen doi so",
    }


def _time_pair(conn, sql: str, old_sql: str | None, params: dict, runs: int, budget: float = 6.0):
    """Time ``sql`` (and ``old_sql``, in turns): ((median, p95, rows, runs), old's or None, same rows)."""
    times: dict[str, list[float]] = {"new": [], "old": []}
    rows: dict[str, list] = {}
    queries = [(key, query) for key, query in (("old", old_sql), ("new", sql)) if query is not None]
    bound = {key: {k: params.get(k, "") for k in re.findall(r":(\w+)", query)} for key, query in queries}
    for key, query in queries:  # untimed: compiles the statement, loads the pages, builds fold's table
        conn.execute(query, bound[key]).fetchmany(1001)
    spent = time.perf_counter()
    for run in range(runs):
        for key, query in queries if run % 2 else queries[::-1]:  # in turns: neither always goes first
            started = time.perf_counter()
            rows[key] = conn.execute(query, bound[key]).fetchmany(1001)  # what Datasette fetches of a canned query
            times[key].append(1000 * (time.perf_counter() - started))
        if time.perf_counter() - spent > budget:
            break  # a slow query: fewer runs, said in the table

    def summary(values: list[float], found: list) -> tuple[float, float, int, int]:
        values = sorted(values)
        return statistics.median(values), values[min(len(values) - 1, int(0.95 * len(values)))], len(found), len(values)

    new = summary(times["new"], rows["new"])
    if old_sql is None:
        return new, None, None
    return new, summary(times["old"], rows["old"]), rows["old"] == rows["new"]


# ---------------------------------------------------------------------------------------------
# The whole benchmark.


def run_all(config: ScaleConfig, workdir: Path, log=print) -> dict:
    seeds = seed_texts(config.seeds)
    results: dict = {"config": config, "seeds": len(seeds)}
    log(f"building corpora from {len(seeds)} seed documents")
    large = build_corpus(seeds, config.documents, workdir / "large")
    small = build_corpus(seeds, config.small, workdir / "small")
    repeated = build_corpus(seeds, config.repeat_documents, workdir / "repeated")
    results["large_mb"] = sum(p.stat().st_size for p in large.iterdir()) / 1e6

    baseline = checkout(config.baseline, workdir / "baseline-src") if config.baseline else None
    log("floor and repeated runs" + (f", each also with {config.baseline}" if baseline else ""))
    db = workdir / "dbs"
    db.mkdir(exist_ok=True)

    def tag(src: Path | None) -> str:
        return "base" if src else "new"

    paired = {
        "floor": (lambda k, src: floor_run(repeated, db / f"floor{k}-{tag(src)}.db", src=src), config.repeats),
        "w1": (lambda k, src: ingest_run(repeated, db / f"w1-{k}-{tag(src)}.db", src=src), config.repeats),
        "w2": (
            lambda k, src: ingest_run(repeated, db / f"w2-{k}-{tag(src)}.db", workers=config.workers, src=src),
            config.repeats,
        ),
    }
    if config.dask:
        paired["dask"] = (
            lambda k, src: ingest_run(
                repeated, db / f"dask-{k}-{tag(src)}.db", workers=config.workers, dask="local", src=src
            ),
            1,
        )
    for key, (make, repeats) in paired.items():
        results[key], old = _paired_runs(make, repeats, baseline)
        if old is not None:
            results[f"{key}_base"] = old
    log(f"small corpus ({config.small}) and large corpus ({config.documents}), --workers {config.workers}")
    results["small_run"] = ingest_run(small, db / "small.db", workers=config.workers)
    results["large_run"] = ingest_run(large, db / "large.db", workers=config.workers)
    log("re-ingest of the unchanged large corpus")
    results["reingest"] = ingest_run(large, db / "large.db", workers=config.workers)
    log("single documents of growing size")
    # the seed nearest the smallest size, so that the smallest document is one copy of it
    seed = min(seeds, key=lambda s: abs(len(s[1].encode()) - config.sizes_mb[0] * 1e6))
    results["sizes"] = time_per_mb(seed[1], config.sizes_mb)
    results["size_seed"] = seed[0]
    stage_means = {k: v for k, v in results["w1"][1].items() if k.startswith("parse:")}
    slowest = max(stage_means, key=stage_means.get) if stage_means else "parse:agencies"
    module = {"parse:agencies": "agencies", "parse:tasks": "tasks|deadlines", "parse:structure": "text"}.get(
        slowest, "parsers"
    )
    results["profile"] = (slowest, profile_stage(seeds, module))
    log(f"a database of {config.tasks} tasks")
    million = db / "million.db"
    shutil.copyfile(db / "large.db", million)  # not read into memory: the large database is hundreds of MB
    handle = storage.open_db(million)
    results["million"] = storage.replicate_tasks(handle, config.tasks)
    handle.close()
    log("query timings")
    old_meta = None
    if baseline is not None:
        old_meta = yaml.safe_load((baseline / "pipeline/datasette/metadata.yml").read_text("utf-8"))
    results["queries"] = query_timings(million, config.query_runs, old_meta)
    results["query_load"] = os.getloadavg()[0]
    return results


def _rate(docs: int, seconds: float) -> str:
    return f"{docs / seconds:.1f} docs/s, {1000 * seconds / max(docs, 1):.1f} ms/doc"


def format_markdown(results: dict, started: str, machine: str) -> str:
    c: ScaleConfig = results["config"]
    base = f" The baseline `{c.baseline}` ran side by side (see below)." if c.baseline else ""
    lines = [
        "# Benchmarks",
        "",
        f"Measured {started} with `make bench` ({machine}). Corpus: {c.documents} documents built from the "
        f"{results['seeds']} plain-text documents of `corpus/` with other document numbers, days, years, "
        f"province and department names and a copy number (no two share a hash), {results['large_mb']:.0f} MB.",
        "Each ingest runs in a fresh process (its peak memory is its own); medians are over "
        f"{c.repeats} runs of a {c.repeat_documents}-document copy of the corpus.{base}",
        *[f"> {note}" for note in c.notes],
    ]
    lines += _throughput_section(results)
    lines += _stage_section(results)
    lines += _scale_section(results)
    lines += _query_section(results)
    return "\n".join(lines) + "\n"


def _load(run: tuple) -> str:
    low, high = run[2]
    return f"{low:.1f}-{high:.1f}"


def _throughput_section(results: dict) -> list[str]:
    c: ScaleConfig = results["config"]
    n = c.repeat_documents
    floor = results["floor"][0]
    labels = {
        "floor": "floor: read + NFC + insert raw text",
        "w1": "full ingest, 1 process",
        "w2": f"full ingest, --workers {c.workers}",
        "dask": f"full ingest, --dask local ({c.workers} workers, 1 run)",
    }
    head = "| run | median | documents/s | ms/document | ratio to the floor | load average during the runs |"
    if c.baseline:
        head += f" baseline `{c.baseline}`: documents/s (load) | speed-up |"
    lines = ["", "## Ingest throughput", "", head, "|---" * head.count(" | ") + "|---|"]
    for key, label in labels.items():
        if key not in results:
            continue
        t = results[key][0]
        row = f"| {label} | {t:.2f} s | {n / t:.1f} | {1000 * t / n:.1f} | {t / floor:.0f}x | {_load(results[key])} |"
        if c.baseline:
            old = results[f"{key}_base"]
            row += f" {n / old[0]:.1f} ({_load(old)}) | {old[0] / t:.2f}x |"
        lines.append(row)
    if "dask" in results:
        d, w2 = results["dask"][0], results["w2"][0]
        lines += ["", f"--dask local vs --workers {c.workers}: {100 * (d / w2 - 1):+.0f} % (one run)."]
    save = results["w1"][1].get("save", 0.0)
    if save:
        lines += [
            "",
            f"The single writer saturates at about {n / save:.0f} documents/s: the time the save stage "
            "(SQLite rows and search index) takes per document, with parsing elsewhere. Past that, write "
            "shards and merge them (README, *Speed*).",
        ]
    return lines


def _stage_section(results: dict) -> list[str]:
    c: ScaleConfig = results["config"]
    n, w1 = c.repeat_documents, results["w1"][0]
    head = "| stage | ms/document | share |"
    if c.baseline:
        head += f" baseline `{c.baseline}` ms/document | speed-up |"
    lines = ["", "## Per stage (1 process, medians)", "", head, "|---" * head.count(" | ") + "|---|"]
    for key, label in STAGES:
        value = results["w1"][1].get(key, 0.0)
        row = f"| {label} | {1000 * value / n:.1f} | {100 * value / w1:.0f} % |"
        if c.baseline:
            old = results["w1_base"][1].get(key, 0.0)
            row += f" {1000 * old / n:.1f} | {old / value if value else 0:.2f}x |"
        lines.append(row)
    return lines


def _scale_section(results: dict) -> list[str]:
    c: ScaleConfig = results["config"]
    small, large, again = results["small_run"], results["large_run"], results["reingest"]
    per_small = small["total"] / max(small["ingested"], 1)
    per_large = large["total"] / max(large["ingested"], 1)

    def load(run: dict) -> str:
        return f"{run.get('load_start', 0):.1f} -> {run.get('load', 0):.1f}"

    lines = [
        "",
        f"## Scale (--workers {c.workers}, one run each, this code only)",
        "",
        "| run | documents | total | rate | peak RSS (writer / largest worker) | load average, start -> end |",
        "|---|---|---|---|---|---|",
        f"| small corpus | {small['ingested']} | {small['total']:.0f} s | {_rate(small['ingested'], small['total'])} | "
        f"{small['rss_mb']:.0f} MB / {small['children_rss_mb']:.0f} MB | {load(small)} |",
        f"| large corpus | {large['ingested']} | {large['total']:.0f} s | {_rate(large['ingested'], large['total'])} | "
        f"{large['rss_mb']:.0f} MB / {large['children_rss_mb']:.0f} MB | {load(large)} |",
        f"| re-ingest, unchanged | {again['skipped']} skipped | {again['total']:.2f} s | "
        f"{large['total'] / max(again['total'], 1e-9):.0f}x faster than the first ingest | {again['rss_mb']:.0f} MB | "
        f"{load(again)} |",
        "",
        f"Time per document, small -> large corpus: {1000 * per_small:.1f} -> {1000 * per_large:.1f} ms "
        f"(ratio {per_large / per_small:.2f}).",
        "",
        f"## Time per MB, one document ({results['size_seed']}) repeated to each size (1 process)",
        "",
        "| size | s/MB | ratio to the smallest | slowest stages (s/MB) |",
        "|---|---|---|---|",
    ]
    first = results["sizes"][0][1]
    for size, per_mb, stages in results["sizes"]:
        top = ", ".join(f"{k} {v:.2f}" for k, v in sorted(stages.items(), key=lambda kv: -kv[1])[:3])
        lines.append(f"| {size:.2f} MB | {per_mb:.2f} | {per_mb / first:.2f} | {top} |")
    slowest, profile = results["profile"]
    lines += ["", f"## Profile of the slowest stage ({slowest}), own time", "", "```", *profile, "```"]
    return lines


def _query_section(results: dict) -> list[str]:
    c: ScaleConfig = results["config"]
    m = results["million"]
    head = "| query | median ms | p95 ms | rows | runs | under 100 ms p95 |"
    if c.baseline:
        head += f" baseline `{c.baseline}`: median / p95 ms | same rows |"
    lines = [
        "",
        f"## Queries on {m['tasks']:,} tasks ({m['documents']:,} documents, {m['task_agencies']:,} task agencies, "
        f"{m['deadlines']:,} deadlines; built in {m['seconds']:.0f} s)",
        "",
        "Times to the first 1,001 rows, over up to "
        f"{c.query_runs} runs (fewer when a query is slow); load average {results.get('query_load', 0):.1f} "
        "at the end." + (" Each run timed the baseline's SQL, then this code's, on one file." if c.baseline else ""),
        "",
        head,
        "|---" * head.count(" | ") + "|---|",
    ]
    for label, new, old, same in results["queries"]:
        median, p95, rows, runs = new
        row = f"| {label} | {median:.1f} | {p95:.1f} | {rows} | {runs} | {'yes' if p95 < 100 else 'NO'} |"
        if c.baseline:
            row += f" {old[0]:.1f} / {old[1]:.1f} | {'yes' if same else 'NO'} |" if old else " - | - |"
        lines.append(row)
    return lines


def machine_line(load_at_start: float | None = None) -> str:
    import os

    load = os.getloadavg()
    start = f"{load_at_start:.1f} at the start, " if load_at_start is not None else ""
    return f"{os.cpu_count()} cores, load average {start}{load[0]:.1f} at the end, Python {sys.version.split()[0]}"


def main(config: ScaleConfig, out: Path, log=print) -> str:
    import os

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        results = run_all(config, Path(tmp), log=log)
    text = format_markdown(results, started, machine_line(load_at_start))
    out.write_text(unicodedata.normalize("NFC", text), "utf-8")
    return text


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
