"""After each ingest only the documents it wrote or deleted are re-linked and only their plan
families re-aligned: the result must be the one a full recompute gives."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from pipeline import storage
from pipeline.cli import main
from pipeline.compare import derive
from pipeline.ingest import ingest
from tests.conftest import CORPUS

# plans sharing the families 71/NQ-CP and 57-NQ/TW across provinces, and two letters of which
# one cites the other
FIRST = ["bac-ninh__144-KH-UBND.txt", "dong-nai__179-KH-UBND.txt", "lao-cai__6795-SNNMT-KS.txt"]
LATER = ["can-tho__2610-QD-UBND.txt", "nghe-an__987-KH-UBND.txt", "lao-cai__5141-SNNMT-KS.txt"]


def derived(path: Path) -> dict[str, list]:
    """The citation links and the families with their clusters and links, without row ids."""
    db = sqlite3.connect(path)
    families = {}
    for family_id, key, *row in db.execute(
        "SELECT id, family_key, number, doc_kind, issuer, issue_date, title, cited_document_id, members, provinces "
        "FROM plan_families"
    ):
        members = db.execute(
            "SELECT document_id, relation, citation_id FROM family_members WHERE family_id = ? ORDER BY document_id",
            [family_id],
        ).fetchall()
        clusters = db.execute(
            "SELECT c.tasks, c.provinces, c.score, c.label, group_concat(m.task_id || ':' || m.best_score) "
            "FROM task_clusters c JOIN task_cluster_members m ON m.cluster_id = c.id "
            "WHERE c.family_id = ? GROUP BY c.id",
            [family_id],
        ).fetchall()
        links = db.execute(
            "SELECT task_id, other_task_id, score FROM task_links WHERE family_id = ?", [family_id]
        ).fetchall()
        families[key] = (row, members, sorted(clusters), sorted(links))
    citations = db.execute("SELECT id, cited_document_id FROM citations ORDER BY id").fetchall()
    pending = db.execute("SELECT count(*) FROM changed_documents").fetchone()[0]
    db.close()
    return {"families": sorted(families.items()), "citations": citations, "pending": pending}


def full_recompute(path: Path, tmp_path: Path) -> dict[str, list]:
    copy = tmp_path / "full.db"
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copy(path, copy)
    db = storage.open_db(copy)
    storage.link_citations(db)
    derive.refresh(db)
    storage.forget_changed(db, storage.changed_documents(db))
    db.close()
    return derived(copy)


def test_incremental_refresh_equals_a_full_recompute(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in FIRST:
        shutil.copy(CORPUS / name, docs / name)
    db = tmp_path / "k.db"
    ingest([docs], db)
    first = derived(db)
    assert first == full_recompute(db, tmp_path)
    assert first["pending"] == 0

    # new members join the families; a letter's cited document arrives
    for name in LATER:
        shutil.copy(CORPUS / name, docs / name)
    ingest([docs], db)
    grown = derived(db)
    assert grown == full_recompute(db, tmp_path)
    assert len(grown["families"]) > len(first["families"])
    assert any(cited for _, cited in grown["citations"])  # 6795 now points at 5141
    compared = [f for f in grown["families"] if f[1][0][-1] >= 2]
    assert compared and all(f[1][2] for f in compared)  # aligned families have clusters

    # a member moves to another province, another one turns unreadable (its document goes),
    # the cited letter goes too
    moved = docs / "dong-nai__179-KH-UBND.txt"
    moved.write_text(moved.read_text("utf-8").replace("Đồng Nai", "Cà Mau").replace("ĐỒNG NAI", "CÀ MAU"), "utf-8")
    (docs / "nghe-an__987-KH-UBND.txt").write_bytes(b"\x00\x01" * 50)
    (docs / "lao-cai__5141-SNNMT-KS.txt").write_bytes(b"")
    ingest([docs], db)
    changed = derived(db)
    assert changed == full_recompute(db, tmp_path)
    assert changed != grown

    # nothing changed: nothing aligned again, nothing moves
    aligned = []
    monkeypatch.setattr(derive, "align_family", lambda *args: aligned.append(args) or [])
    ingest([docs], db)
    assert derived(db) == changed and not aligned


def test_a_run_killed_before_the_refresh_leaves_it_to_the_next(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in FIRST:
        shutil.copy(CORPUS / name, docs / name)
    db_path = tmp_path / "k.db"
    db = storage.open_db(db_path)
    report_db = ingest([docs / FIRST[0]], db_path)  # one document ingested and brought up to date
    assert report_db.ingested
    # the second document written as by a run that died before the end: still pending
    from pipeline.parse_worker import ParseTask, parse_file

    parsed = parse_file(ParseTask(0, str(docs / FIRST[1]), str(docs / FIRST[1])))
    storage.save_document(db, parsed.doc)
    db.close()
    assert derived(db_path)["pending"] == 1
    ingest([docs / FIRST[0], docs / FIRST[1]], db_path)  # both unchanged now: only the pending refresh
    assert derived(db_path) == full_recompute(db_path, tmp_path)
    assert derived(db_path)["pending"] == 0


def test_merge_copies_the_fetch_log(tmp_path):
    shard, target = tmp_path / "shard.db", tmp_path / "merged.db"
    db = storage.open_db(shard)
    storage.save_fetch(
        db, {"url": "http://a.example/1", "final_url": "http://a.example/1", "status": 200, "sha256": "a1"}
    )
    storage.save_fetch(
        db, {"url": "http://a.example/2", "final_url": "http://a.example/2", "status": 200, "sha256": "a2"}
    )
    db.close()
    db = storage.open_db(target)
    storage.save_fetch(
        db, {"url": "http://a.example/2", "final_url": "http://a.example/2", "status": 200, "sha256": "old"}
    )
    storage.save_fetch(db, {"url": "http://b.example/9", "final_url": "http://b.example/9", "status": 404})
    db.execute("UPDATE fetches SET fetched_at = '2000-01-01T00:00:00+00:00'")  # older than the shard's
    db.conn.commit()
    db.close()
    result = CliRunner().invoke(main, ["merge", str(shard), "--db", str(target)])
    assert result.exit_code == 0, result.output
    merged = sqlite3.connect(target)
    rows = merged.execute("SELECT url, sha256, status FROM fetches ORDER BY url").fetchall()
    assert rows == [
        ("http://a.example/1", "a1", 200),
        ("http://a.example/2", "a2", 200),
        ("http://b.example/9", None, 404),
    ]
    # merging the shard again changes nothing (one row per URL)
    CliRunner().invoke(main, ["merge", str(shard), "--db", str(target)])
    assert merged.execute("SELECT count(*) FROM fetches").fetchone()[0] == 3


def test_alignment_in_row_blocks_equals_the_whole_matrix(monkeypatch):
    """A big family is compared a few rows at a time (bounded memory): the links are the same."""
    from pipeline.compare import align

    texts = [(CORPUS / name).read_text("utf-8") for name in FIRST[:2] + LATER[:1]]
    tasks = [
        align.TaskText(k, province, " ".join(p.split()))
        for n, (province, text) in enumerate(zip(("Bắc Ninh", "Đồng Nai", "Cần Thơ"), texts, strict=True))
        for k, p in enumerate(text.split("\n\n")[20:80], start=1000 * n)
        if len(p) > 40
    ]
    whole = align.links(tasks)
    monkeypatch.setattr(align, "CELLS", 7 * len(tasks))  # seven rows at a time
    assert align.links(tasks) == whole
    assert whole and len({a for a, _, _ in whole}) > 5
