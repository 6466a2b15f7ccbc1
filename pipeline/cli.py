"""The ``kehoach`` command line: ingest, eval, serve, fetch."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

import click

from pipeline import storage
from pipeline.evaluate import evaluate, format_figures, headline, summary_line
from pipeline.ingest import IngestReport, ingest, iter_inputs

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
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Parse in this many processes."
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Parse on the Dask cluster whose scheduler is at ADDRESS ('local': --workers processes here).",
)
def ingest_command(
    paths: tuple[str, ...],
    db_path: str,
    fetch_dir: str,
    no_detector: bool,
    quiet: bool,
    workers: int,
    dask_address: str | None,
) -> None:
    """Ingest the documents in PATHS (files, folders searched recursively, or http(s) URLs).

    Unchanged files are skipped; a changed file replaces its rows; a file that cannot be
    read or parsed is recorded in the failures table and the rest are ingested.
    """
    local: list[str] = []
    for path in paths:
        if path.startswith(("http://", "https://")):
            local.append(str(_fetch(path, Path(fetch_dir))))
        elif not Path(path).exists():
            raise click.BadParameter(f"{path}: no such file or folder", param_hint="PATHS")
        else:
            local.append(path)
    files = list(iter_inputs(local))
    started = time.perf_counter()
    options = {"detector": not no_detector, "workers": workers, "dask": dask_address}
    if quiet:
        report = ingest(files, db_path, **options)
    else:
        with click.progressbar(
            length=len(files), label="Ingesting", show_pos=True, file=click.get_text_stream("stderr")
        ) as bar:
            report = ingest(files, db_path, on_progress=lambda _: bar.update(1), **options)
    _print_summary(report, db_path, time.perf_counter() - started)


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
    finally:
        db.close()


def _fetch(url: str, fetch_dir: Path) -> Path:
    from pipeline.fetch import fetch

    try:
        return fetch(url, fetch_dir)
    except Exception as error:
        raise click.ClickException(f"{url}: could not fetch ({error})") from error


def _print_summary(report: IngestReport, db_path: str, seconds: float) -> None:
    db = storage.open_db(db_path)
    counts = storage.counts(db)
    db.close()
    click.echo(
        f"{len(report.ingested)} ingested, {len(report.skipped)} unchanged, {len(report.failed)} failed "
        f"in {seconds:.1f} s -> {db_path}"
    )
    click.echo(
        "database: "
        + ", ".join(f"{counts[t]} {t}" for t in ("documents", "tasks", "agencies", "citations", "failures"))
    )
    for _source, stage, error in report.failed:
        click.echo(f"  failed at {stage}: {error}", err=True)


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
def eval_command(
    db_path: str,
    gold_dir: str,
    ingest_from: str | None,
    baseline: str,
    save_baseline: bool,
    verbose: bool,
    ablation: bool,
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
    _compare(figures, Path(baseline))
    if ablation:
        _ablation(Path(ingest_from or "corpus"), Path(gold_dir))
    click.echo(summary_line(figures))
    if save_baseline:
        saved = {
            **headline(figures),
            "per_file": {name: summary_line(t.figures()).removeprefix("summary: ") for name, t in per_file.items()},
        }
        Path(baseline).write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(f"baseline written to {baseline}")


def _gold_documents(corpus: Path, gold_dir: Path) -> list[Path]:
    names = {json.loads(f.read_text(encoding="utf-8"))["file"] for f in gold_dir.glob("*.json")}
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
def fetch_command(urls: tuple[str, ...], dest: str) -> None:
    """Download pages (for example vbpl.vn full-text pages) to ingest later, offline."""
    for url in urls:
        click.echo(_fetch(url, Path(dest)))


@main.command("bench")
@click.argument("paths", nargs=-1)
@click.option("--repeats", default=3, show_default=True, type=int, help="Timed runs (after one warm-up run).")
def bench_command(paths: tuple[str, ...], repeats: int) -> None:
    """Time ingest of PATHS (default: corpus/) per stage: medians and shares of the total."""
    from pipeline.bench import format_report, run

    for line in format_report(run(list(paths) or ["corpus"], repeats=repeats)):
        click.echo(line)
