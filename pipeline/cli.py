"""The ``kehoach`` command line: ingest, crawl, fetch, eval, serve, bench."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import click

from pipeline import storage
from pipeline.compare import derive
from pipeline.evaluate import by_shape, document_shapes, evaluate, format_figures, headline, load_gold, summary_line
from pipeline.ingest import BATCH, MB, IngestLocked, IngestReport, Limits, ingest, iter_inputs

DEFAULT_DB = "output/kehoach.db"
DEFAULT_GOLD = "corpus/gold"
DEFAULT_BASELINE = "corpus/eval-baseline.json"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kehoach")
def main() -> None:
    """kehoach: Vietnamese government plans and decisions -> one SQLite database of tasks.

    Ingest decision texts (saved pages, text, Word, PDF or URLs), then query the
    database with Datasette (`kehoach serve`) or SQL.
    """


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to write.")
@click.option(
    "--fetch-dir",
    default="output/fetched",
    show_default=True,
    help="Where pages named by URL are saved before they are ingested.",
)
@click.option("--no-detector", is_flag=True, help="Recognise agencies from the reference data only.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--max-size", default=Limits.max_bytes // MB, show_default=True, type=int, help="Largest input file (MB)."
)
@click.option(
    "--max-unpacked",
    default=Limits.max_unpacked // MB,
    show_default=True,
    type=int,
    help="Largest unpacked size of a Word file's parts (MB).",
)
@click.option(
    "--max-seconds",
    default=Limits.max_seconds,
    show_default=True,
    type=float,
    help="Longest time to read and parse one document (0: no limit).",
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Parse in this many processes."
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Parse on the Dask cluster whose scheduler is at ADDRESS ('local': --workers processes here).",
)
@click.option(
    "--batch",
    default=BATCH,
    show_default=True,
    type=click.IntRange(min=1),
    help="Documents written per transaction (each document stays whole either way; 1 commits each on its own).",
)
def ingest_command(
    paths: tuple[str, ...],
    db_path: str,
    fetch_dir: str,
    no_detector: bool,
    quiet: bool,
    max_size: int,
    max_unpacked: int,
    max_seconds: float,
    workers: int,
    dask_address: str | None,
    batch: int,
) -> None:
    """Ingest the documents in PATHS (files, folders searched recursively, or http(s) URLs).

    Unchanged files are skipped; a changed file replaces its rows; a file that cannot be
    read or parsed is recorded in the failures table and the rest are ingested. Exits with
    status 1 when any input failed (pages that are not documents, such as listings, are
    reported but are not failures).
    """
    limits = Limits(max_bytes=max_size * MB, max_unpacked=max_unpacked * MB, max_seconds=max_seconds)
    urls = [p for p in paths if p.startswith(("http://", "https://"))]
    local = [p for p in paths if p not in urls]
    for path in local:
        if not Path(path).exists():
            raise click.BadParameter(f"{path}: no such file or folder", param_hint="PATHS")
    started = time.perf_counter()
    fetched = IngestReport()
    if urls:  # each URL fetched, logged and ingested on its own: a bad one is a failures row
        crawled = _fetch_and_ingest(urls, db_path, Path(fetch_dir), detector=not no_detector)
        fetched = crawled.ingest
        fetched.failed[:0] = crawled.failed
    problems: list[tuple[str, str]] = []
    files = list(iter_inputs(local, problems))
    options = {
        "detector": not no_detector,
        "limits": limits,
        "problems": problems,
        "workers": workers,
        "dask": dask_address,
        "batch": batch,
    }
    try:
        if quiet or not files:
            report = ingest(files, db_path, **options)
        else:
            with click.progressbar(
                length=len(files), label="Ingesting", show_pos=True, file=click.get_text_stream("stderr")
            ) as bar:
                report = ingest(files, db_path, on_progress=lambda _: bar.update(1), **options)
    except IngestLocked as error:
        raise click.ClickException(str(error)) from error
    for name in ("ingested", "skipped", "failed"):
        getattr(report, name)[:0] = getattr(fetched, name)
    _print_summary(report, db_path, time.perf_counter() - started)
    if report.errors:
        total = len(files) + len(urls)
        raise click.ClickException(f"{len(report.errors)} of {total} inputs failed (see the failures table)")


@main.command("merge")
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to merge into.")
def merge_command(shards: tuple[str, ...], db_path: str) -> None:
    """Merge the kehoach databases SHARDS (written by separate ingests, e.g. one per machine)
    into --db: documents get new ids, a source already in --db is replaced."""
    db = storage.open_db(db_path)
    try:
        for shard in shards:
            if Path(shard).resolve() == Path(db_path).resolve():
                raise click.BadParameter(f"{shard}: is the database merged into", param_hint="SHARDS")
            click.echo(f"{shard}: {storage.merge_database(db, shard)} documents merged")
        derive.bring_up_to_date(db)  # citations, plan families and task alignment of the merged documents
    finally:
        db.close()


def _fetch_and_ingest(urls: list[str], db_path: str, dest: Path, *, detector: bool, delay: float = 1.0):
    from pipeline.crawl import CrawlOptions, crawl

    db = storage.open_db(db_path)
    try:
        options = CrawlOptions(depth=0, max_pages=len(urls), delay=delay, follow=False, revalidate=True)
        return crawl(urls, db, dest, options, detector=detector)
    finally:
        db.close()


def _print_summary(report: IngestReport, db_path: str, seconds: float) -> None:
    db = storage.open_db(db_path)
    counts = storage.counts(db)
    db.close()
    click.echo(
        f"{len(report.ingested)} ingested, {len(report.skipped)} unchanged, {len(report.errors)} failed, "
        f"{len(report.not_documents)} not documents in {seconds:.1f} s -> {db_path}"
    )
    click.echo(
        "database: "
        + ", ".join(f"{counts[t]} {t}" for t in ("documents", "tasks", "agencies", "citations", "failures"))
    )
    for _source, stage, error in report.failed:
        click.echo(f"  {'not a document' if stage == 'classify' else f'failed at {stage}'}: {error}", err=True)


@main.command("eval")
@click.option("--db", "db_path", default="output/gold.db", show_default=True, help="Database to score.")
@click.option("--gold", "gold_dir", default=DEFAULT_GOLD, show_default=True, help="Folder of gold *.json files.")
@click.option(
    "--ingest",
    "ingest_from",
    is_flag=False,
    flag_value="corpus",
    default=None,
    help="First ingest the gold files' documents from this folder (default corpus/) into a fresh --db.",
)
@click.option("--baseline", default=DEFAULT_BASELINE, show_default=True, help="Figures to compare against.")
@click.option("--save-baseline", is_flag=True, help="Write these figures as the new baseline.")
@click.option("--verbose", "-v", is_flag=True, help="List every error per gold file.")
@click.option("--ablation", is_flag=True, help="Also score with reference data alone, and time both.")
@click.option(
    "--by-shape",
    "per_shape",
    is_flag=True,
    help="Also print the figures per document shape (gold 'shape' field, gold/shapes.json, else the reader).",
)
def eval_command(
    db_path: str,
    gold_dir: str,
    ingest_from: str | None,
    baseline: str,
    save_baseline: bool,
    verbose: bool,
    ablation: bool,
    per_shape: bool,
) -> None:
    """Score a database against gold annotations: per-field precision, recall and F1."""
    if ingest_from:
        _ingest_gold_documents(Path(ingest_from), Path(gold_dir), Path(db_path), detector=True)
    total, per_file = evaluate(Path(db_path), Path(gold_dir))
    figures = total.figures()
    for name, tally in per_file.items():
        click.echo(f"# {name}: {summary_line(tally.figures()).removeprefix('summary: ')}")
        if verbose:
            for error in tally.errors:
                click.echo(f"    {error}")
    for line in format_figures(figures):
        click.echo(line)
    shapes = _shape_figures(per_file, Path(db_path), Path(gold_dir)) if per_shape else {}
    for shape, entry in shapes.items():
        click.echo(f"shape {shape} ({entry['documents']} documents): {entry['figures']}")
    _compare(figures, Path(baseline))
    if ablation:
        _ablation(Path(ingest_from or "corpus"), Path(gold_dir))
    click.echo(summary_line(figures))
    if save_baseline:
        saved = {
            **headline(figures),
            "per_file": {name: summary_line(t.figures()).removeprefix("summary: ") for name, t in per_file.items()},
            **({"per_shape": shapes} if shapes else {}),
        }
        Path(baseline).write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(f"baseline written to {baseline}")


def _shape_figures(per_file: dict, db_path: Path, gold_dir: Path) -> dict[str, dict]:
    """Per document shape: how many gold documents, and their summary figures ("meta=... tasks=...")."""
    groups = by_shape(per_file, document_shapes(db_path, gold_dir))
    return {
        shape: {"documents": len(files), "figures": summary_line(tally.figures()).removeprefix("summary: ")}
        for shape, (files, tally) in groups.items()
    }


def _gold_documents(corpus: Path, gold_dir: Path) -> list[Path]:
    names = {gold["file"] for gold in load_gold(gold_dir)}
    found = [p for p in iter_inputs([corpus]) if p.name in names]
    missing = names - {p.name for p in found}
    if missing:
        raise click.ClickException(f"{corpus}: gold documents not found: {', '.join(sorted(missing))}")
    return found


def _ingest_gold_documents(corpus: Path, gold_dir: Path, db_path: Path, *, detector: bool) -> IngestReport:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    return ingest(_gold_documents(corpus, gold_dir), db_path, detector=detector)


def _compare(figures: dict, baseline: Path) -> None:
    if not baseline.exists():
        return
    old = json.loads(baseline.read_text(encoding="utf-8"))
    changes = []
    for key, value in headline(figures).items():
        if isinstance(old.get(key), float) and abs(value - old[key]) >= 0.0005:
            changes.append(f"{key} {old[key]:.3f} -> {value:.3f} ({value - old[key]:+.3f})")
    click.echo("vs baseline: " + ("; ".join(changes) if changes else "no change"))


def _ablation(corpus: Path, gold_dir: Path) -> None:
    """Agency and task figures with reference data alone vs with the NLP components, and their cost."""
    click.echo("ablation (agency F1, task F1, lead accuracy; ms per document in the agency and task stages):")
    with tempfile.TemporaryDirectory() as tmp:
        for label, detector in (
            ("reference data and tables only", False),
            ("+ NLP (spaCy detector, underthesea)", True),
        ):
            db = Path(tmp) / f"{detector}.db"
            report = _ingest_gold_documents(corpus, gold_dir, db, detector=detector)
            figures = evaluate(db, gold_dir)[0].figures()
            n = max(len(report.ingested), 1)
            agencies_ms = 1000 * report.seconds.get("parse:agencies", 0.0) / n
            tasks_ms = 1000 * report.seconds.get("parse:tasks", 0.0) / n
            click.echo(
                f"  {label:36s} agencies={figures['agency F1']:.3f} tasks={figures['task P/R/F1'][2]:.3f} "
                f"lead={figures['lead accuracy (matched tasks)']:.3f}  agencies {agencies_ms:.0f} ms/doc, "
                f"tasks {tasks_ms:.0f} ms/doc"
            )


@main.command("serve")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
def serve_command(db_path: str, host: str, port: int) -> None:
    """Browse the database in Datasette (read-only), with kehoach's metadata and queries."""
    from pipeline import serve

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `kehoach ingest` first")
    serve.run(Path(db_path), host=host, port=port)


@main.command("fetch")
@click.argument("urls", nargs=-1, required=True)
@click.option("--dest", default="output/fetched", show_default=True, help="Folder to save pages in.")
@click.option("--delay", default=1.0, show_default=True, type=float, help="Seconds between requests to one host.")
def fetch_command(urls: tuple[str, ...], dest: str, delay: float) -> None:
    """Download pages (for example vbpl.vn full-text pages) to ingest later, offline.

    A URL that cannot be fetched is reported and the others are fetched; the exit status
    is 1 when any failed.
    """
    from pipeline.fetch import fetch_many

    report = fetch_many(urls, Path(dest), delay=delay)
    for path in report.saved:
        click.echo(path)
    for _url, reason in report.failed:
        click.echo(f"  failed: {reason}", err=True)
    if report.failed:
        raise SystemExit(1)


@main.command("crawl")
@click.argument("start_urls", nargs=-1, required=True)
@click.option("--depth", default=2, show_default=True, type=int, help="Links followed from a start page.")
@click.option("--max-pages", default=100, show_default=True, type=int, help="Requests at most (robots.txt aside).")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Leave out documents a listing dates before this day (YYYY-MM-DD).",
)
@click.option("--delay", default=1.0, show_default=True, type=float, help="Seconds between requests to one host.")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Another host the crawl may follow links to.")
@click.option("--dest", default="corpus/raw", show_default=True, help="Folder for the documents fetched.")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database: fetch log and documents.")
@click.option("--revalidate", is_flag=True, help="Ask again for documents already saved (conditional requests).")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Seconds per network operation.")
@click.option("--total-timeout", default=120.0, show_default=True, type=float, help="Seconds per URL in all.")
@click.option("--max-mb", default=50, show_default=True, type=int, help="Largest file fetched, in MB.")
@click.option("--no-detector", is_flag=True, help="Recognise agencies from the reference data only.")
def crawl_command(start_urls, depth, max_pages, since, delay, allow_hosts, dest, db_path, revalidate, **limits) -> None:
    """Find, fetch and ingest documents from listing, search and gazette pages.

    Follows the document links and the next-page link of START_URLS (vbpl.vn search
    results, full-text, attribute and diagram pages; the Sơn La gazette's listings;
    thuvienphapluat and hethongphapluat pages; other pages' PDF/Word links) within their
    hosts, politely (robots.txt, DELAY per host), and ingests what it saves. The fetch log
    (table fetches) lets a re-run fetch only what is new or changed; failures are rows.
    """
    from pipeline.crawl import CrawlOptions, crawl
    from pipeline.fetch import Limits

    started = time.perf_counter()
    detector = not limits.pop("no_detector")
    fetch_limits = Limits(timeout=limits["timeout"], total_timeout=limits["total_timeout"])
    fetch_limits.max_bytes = limits["max_mb"] * 1024 * 1024
    options = CrawlOptions(
        depth=depth,
        max_pages=max_pages,
        since=since.date() if since else None,
        delay=delay,
        allow_hosts=allow_hosts,
        revalidate=revalidate,
        limits=fetch_limits,
    )
    db = storage.open_db(db_path)
    try:
        report = crawl(list(start_urls), db, Path(dest), options, detector=detector)
    finally:
        db.close()
    click.echo(
        f"crawl: {report.requests} requests, {len(report.saved)} new or changed, {len(report.unchanged)} unchanged, "
        f"{len(report.known)} already saved, {len(report.skipped)} not followed, {len(report.failed)} failed"
        + (f" ({report.stopped})" if report.stopped else "")
    )
    for _url, stage, reason in report.failed:
        click.echo(f"  failed at {stage}: {reason}", err=True)
    _print_summary(report.ingest, db_path, time.perf_counter() - started)


@main.command("bench")
@click.argument("paths", nargs=-1)
@click.option("--repeats", default=3, show_default=True, type=int, help="Timed runs (after one warm-up run).")
@click.option("--scale", is_flag=True, help="The scale benchmark instead, written to --out (see BENCHMARKS.md).")
@click.option("--out", default="BENCHMARKS.md", show_default=True, help="Where --scale writes its report.")
@click.option("--documents", default=10_000, show_default=True, help="--scale: documents of the large corpus.")
@click.option("--small", default=1_000, show_default=True, help="--scale: documents of the small corpus.")
@click.option("--repeat-documents", default=300, show_default=True, help="--scale: documents of the repeated runs.")
@click.option("--tasks", default=1_000_000, show_default=True, help="--scale: task rows for the query timings.")
@click.option("--sizes", default="0.01,1,10,50", show_default=True, help="--scale: single-document sizes (MB).")
@click.option("--workers", default=2, show_default=True, help="--scale: processes of the parallel runs.")
@click.option("--no-dask", is_flag=True, help="--scale: skip the Dask local cluster run.")
@click.option("--note", multiple=True, help="--scale: a line to print under the report's heading.")
@click.option(
    "--baseline",
    help="--scale: a git revision (or a folder with a copy of the code) timed side by side with this code.",
)
def bench_command(paths: tuple[str, ...], repeats: int, scale: bool, out: str, **options) -> None:
    """Time ingest of PATHS (default: corpus/) per stage: medians and shares of the total;
    with --scale, the scale benchmark (throughput, workers, Dask, re-ingest, memory, time per
    MB, queries on a million tasks) written to BENCHMARKS.md."""
    if scale:
        from pipeline.scale_bench import ScaleConfig
        from pipeline.scale_bench import main as scale_main

        config = ScaleConfig(
            documents=options["documents"],
            small=options["small"],
            repeat_documents=options["repeat_documents"],
            repeats=repeats,
            tasks=options["tasks"],
            sizes_mb=tuple(float(x) for x in options["sizes"].split(",")),
            workers=options["workers"],
            dask=not options["no_dask"],
            notes=list(options["note"]),
            baseline=options["baseline"],
        )
        click.echo(scale_main(config, Path(out), log=lambda m: click.echo(m, err=True)))
        return
    from pipeline.bench import format_report, run

    for line in format_report(run(list(paths) or ["corpus"], repeats=repeats)):
        click.echo(line)


@main.command("compare")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read.")
@click.option("--family", help="Compare the documents implementing this number (71/NQ-CP).")
@click.option("--number", "numbers", multiple=True, help="A document number to include (repeatable).")
@click.option("--province", "provinces", multiple=True, help="Include every document of a province (repeatable).")
@click.option("--out", "out_dir", default="output/compare", show_default=True, help="Folder for report.html and CSVs.")
def compare_command(
    db_path: str, family: str | None, numbers: tuple[str, ...], provinces: tuple[str, ...], out_dir: str
) -> None:
    """Compare provinces: aligned tasks x provinces, agency functions, deadlines, tasks of one province only.

    Writes OUT/report.html (self-contained) and OUT/*.csv (UTF-8 with BOM, for Excel).
    """
    from pipeline.compare import report

    if not (family or numbers or provinces):
        raise click.UsageError("name a --family, or documents by --number / --province")
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database; run `kehoach ingest` first")
    db = storage.open_db(db_path)
    ids, fam = report.select_documents(db.conn, family=family, numbers=numbers, provinces=provinces)
    if not ids:
        raise click.ClickException(f"{db_path}: no document matches {family or ', '.join(numbers + provinces)}")

    def progress(message: str) -> None:
        click.echo(f"compare: {message}", err=True)

    comparison = report.build(db.conn, ids, fam, progress=progress)
    title = f"So sánh các tỉnh — {fam['number']}" if fam else f"So sánh {len(ids)} văn bản"
    out = Path(out_dir)
    progress(f"writing {out}/report.html and CSV files")
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.html").write_text(report.render_html(comparison, title), encoding="utf-8")
    written = report.write_csvs(comparison, out)
    db.close()
    click.echo(
        f"{len(comparison['documents'])} documents, {len(comparison['provinces'])} provinces, "
        f"{comparison['tasks']} tasks: {len(comparison['shared'])} shared by 2+ provinces, "
        f"{len(comparison['only_one'])} in one province only -> {out / 'report.html'}, "
        + ", ".join(p.name for p in written)
    )


@main.command("ocr-eval")
@click.option("--folder", default="corpus/ocr-eval", show_default=True, help="PDFs with a text layer, page images.")
@click.option("--dpi", default=300, show_default=True, help="Resolution the PDFs' pages are rendered at for OCR.")
@click.option("--dpis", default="", help="Also measure first pages at these resolutions: 200,300,400.")
@click.option("--out", default="output/ocr-eval.json", show_default=True, help="Where the figures are written.")
def ocr_eval_command(folder: str, dpi: int, dpis: str, out: str) -> None:
    """Measure OCR against the text layer: character error rate, extraction agreement, speed."""
    from pipeline import ocr_eval  # needs rapidfuzz, a development dependency

    report = ocr_eval.run(Path(folder), dpi, [int(d) for d in dpis.split(",") if d.strip()])
    ocr_eval.save(report, Path(out))
    click.echo(ocr_eval.markdown(report))
