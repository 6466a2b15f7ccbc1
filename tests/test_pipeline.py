"""Ingest end to end in real SQLite files: idempotence, replacement, failures, atomicity, CLI."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import storage
from pipeline.cli import main
from pipeline.ingest import ingest, iter_inputs
from tests.conftest import CORPUS, ROOT

SEED = CORPUS / "thua-thien-hue__350-QD-UBND.txt"
PLAN = CORPUS / "can-tho__160-KH-UBND.txt"


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


@pytest.fixture
def folder(tmp_path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    shutil.copy(PLAN, docs)
    return docs


def test_reingesting_changes_nothing(folder, tmp_path):
    db = tmp_path / "k.db"
    first = ingest([folder], db)
    before = {t: count(db, t) for t in storage.SCHEMA}
    second = ingest([folder], db)
    assert (len(first.ingested), len(second.ingested), len(second.skipped)) == (2, 0, 2)
    assert {t: count(db, t) for t in storage.SCHEMA} == before
    assert before["tasks"] > 40 and before["documents"] == 2


def test_a_changed_file_replaces_its_rows_and_keeps_its_id(folder, tmp_path):
    db = tmp_path / "k.db"
    ingest([folder], db)
    seed_id, tasks_before = rows(
        db,
        "SELECT id, (SELECT count(*) FROM tasks WHERE document_id = d.id) FROM documents d "
        "WHERE source LIKE '%350-QD-UBND%'",
    )[0]
    path = folder / SEED.name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("13. Ngân hàng Nhà nước", "13. Ngân hàng Nhà nước đổi"), encoding="utf-8")
    report = ingest([folder], db)
    assert (report.ingested, len(report.skipped)) == ([str(path)], 1)
    assert rows(db, f"SELECT count(*) FROM tasks WHERE document_id = {seed_id}")[0][0] == tasks_before
    assert count(db, "documents") == 2
    orphans = "SELECT count(*) FROM task_agencies WHERE task_id NOT IN (SELECT id FROM tasks)"
    assert rows(db, orphans)[0][0] == 0


@pytest.mark.parametrize(
    ("name", "data", "stage", "message"),
    [
        ("empty.txt", b"", "read", "empty file"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "read", "broken.docx"),
        ("broken.pdf", b"%PDF-1.4 garbage", "read", "broken.pdf"),
        ("old.doc", b"\xd0\xcf\x11\xe0 legacy", "read", ".docx"),
    ],
)
def test_a_bad_file_is_recorded_and_its_neighbours_ingest(folder, tmp_path, name, data, stage, message):
    (folder / name).write_bytes(data)
    db = tmp_path / "k.db"
    report = ingest([folder], db)
    assert len(report.ingested) == 2
    ((source, got_stage, error),) = rows(db, "SELECT source, stage, error FROM failures")
    assert source.endswith(name) and got_stage == stage and message in error and name in error


def test_a_document_is_written_whole_or_not_at_all(folder, tmp_path, monkeypatch):
    db = tmp_path / "k.db"

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(storage, "_deadline_rows", broken)
    report = ingest([folder], db)
    assert report.ingested == [] and {stage for _, stage, _ in report.failed} == {"save"}
    for table in ("documents", "sections", "tasks", "task_agencies", "agency_mentions", "citations"):
        assert count(db, table) == 0, table
    assert count(db, "failures") == 2
    monkeypatch.undo()
    assert len(ingest([folder], db).ingested) == 2
    assert count(db, "failures") == 0  # a file that ingests clears its old failure


def test_listing_pages_are_not_documents(tmp_path):
    page = ROOT / "tests" / "sites" / "vbpl"
    listing = next(p for p in page.glob("*.html") if "search" in p.name or "luocdo" in p.name)
    db = tmp_path / "k.db"
    report = ingest([listing], db)
    assert report.ingested == [] and report.failed[0][1] == "classify"


def test_citations_link_to_ingested_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs)
    (docs / "follow-up.txt").write_text(
        "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ\nSố: 12/KH-UBND\nHuế, ngày 05 tháng 01 năm 2022\nKẾ HOẠCH\n"
        "SƠ KẾT\nThực hiện Quyết định số 350/QĐ-UBND ngày 11/11/2021 của UBND tỉnh;\nI. NHIỆM VỤ\n"
        "1. Sở Kế hoạch và Đầu tư tổng hợp, báo cáo UBND tỉnh trước ngày 30/6/2022.\n",
        encoding="utf-8",
    )
    db = tmp_path / "k.db"
    ingest([docs], db)
    ((relation, linked),) = rows(
        db,
        "SELECT c.relation, d2.number FROM citations c JOIN documents d ON d.id = c.document_id "
        "JOIN documents d2 ON d2.id = c.cited_document_id WHERE d.number = '12/KH-UBND'",
    )
    assert (relation, linked) == ("implements", "350/QĐ-UBND")


def test_iter_inputs_skips_readmes_gold_and_hidden_files(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.json").write_text("{}")
    (tmp_path / "README.md").write_text("# corpus")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "plan.txt").write_text("x")
    (tmp_path / "data.csv").write_text("x")
    assert [p.name for p in iter_inputs([tmp_path])] == ["plan.txt"]


def test_spans_point_into_the_stored_text(sample_db):
    con = sqlite3.connect(sample_db)
    checks = {
        "tasks": "SELECT d.text, t.span_start, t.span_end, t.text FROM tasks t JOIN documents d ON d.id = t.document_id",
        "agency_mentions": "SELECT d.text, m.span_start, m.span_end, m.surface FROM agency_mentions m "
        "JOIN documents d ON d.id = m.document_id WHERE m.span_end > m.span_start",
        "deadlines": "SELECT d.text, dl.span_start, dl.span_end, dl.text FROM deadlines dl JOIN tasks t ON t.id = dl.task_id "
        "JOIN documents d ON d.id = t.document_id",
    }
    for table, sql in checks.items():
        for text, start, end, value in con.execute(sql):
            assert text[start:end] == value, table


def test_the_sample_corpus_fills_every_contract_table(sample_db):
    for table in storage.SCHEMA:
        # offline, no failures, no scans; changed_documents is emptied at the end of each ingest
        if table not in ("failures", "fetches", "warnings", "changed_documents"):
            assert count(sample_db, table) > 0, table
    assert count(sample_db, "documents") >= 25
    assert rows(sample_db, "SELECT count(DISTINCT province) FROM documents")[0][0] >= 10
    assert rows(sample_db, "SELECT count(*) FROM citations WHERE cited_document_id IS NOT NULL")[0][0] >= 0


# ---- the command line -------------------------------------------------------------------------


def test_cli_ingest_prints_a_summary(folder, tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "k.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 ingested, 0 unchanged, 0 failed" in result.output
    assert re.search(r"database: 2 documents, \d+ tasks, \d+ agencies, \d+ citations, 0 failures", result.output)


def test_cli_ingest_names_a_missing_path(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "k.db")])
    assert result.exit_code != 0 and "nope: no such file or folder" in result.output


def test_cli_eval_prints_figures_and_a_summary(sample_db):
    result = CliRunner().invoke(main, ["eval", "--db", str(sample_db), "--gold", str(CORPUS / "gold")])
    assert result.exit_code == 0, result.output
    assert "task P/R/F1:" in result.output and result.output.strip().splitlines()[-1].startswith("summary: meta=")


def test_every_command_and_option_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"kehoach {name}" in readme, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.name}"


def test_bench_reports_every_stage(folder):
    from pipeline.bench import STAGES, format_report, run

    lines = format_report(run([folder], repeats=1))
    assert lines[0].startswith("2 documents from 2 files")
    for _, label in STAGES:
        assert any(line.startswith(label) for line in lines), label


def test_scale_bench_smoke(tmp_path):
    """The scale benchmark end to end at a tiny size: every section is written, nothing asserted of times."""
    from pipeline.scale_bench import ScaleConfig
    from pipeline.scale_bench import main as scale_main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("ha-noi__308-KH-UBND.txt", "dak-lak__010-CT-UBND.txt"):
        (seeds / name).write_bytes((CORPUS / name).read_bytes())
    config = ScaleConfig(
        documents=4,
        small=2,
        repeat_documents=2,
        repeats=1,
        tasks=600,
        query_runs=2,
        sizes_mb=(0.01, 0.03),
        workers=2,
        dask=False,
        seeds=seeds,
    )
    text = scale_main(config, tmp_path / "BENCHMARKS.md", log=lambda _: None)
    assert text == (tmp_path / "BENCHMARKS.md").read_text("utf-8")
    for heading in ("## Ingest throughput", "## Scale", "## Time per MB", "## Profile", "## Queries on 600 tasks"):
        assert heading in text, heading
    assert "| re-ingest, unchanged | 4 skipped |" in text
    assert "canned: tasks_of_agency" in text and "task_view: facet province" in text
