"""After an ingest: plan families and the same task across provinces, recomputed from the database.

Reads the citations, documents and tasks, groups families (``families``), aligns the tasks
of every family with members in two or more provinces (``align``), and hands the rows to
``pipeline.storage.save_comparison``.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline import storage
from pipeline.compare import align, families

Progress = Callable[[str], None]


def _rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]


def _place(doc: dict) -> str | None:
    return doc["province_2025"] or doc["province"]


def family_rows(db) -> tuple[list[dict], dict[int, dict]]:
    docs = {d["id"]: d for d in _rows(db, "SELECT id, province, province_2025 FROM documents")}
    citations = _rows(
        db,
        """SELECT id, document_id, number, number_key, doc_kind, issuer, issue_date, title, relation,
                  cited_document_id FROM citations ORDER BY id""",
    )
    grouped = families.group(citations, {i: _place(d) for i, d in docs.items()})
    out = []
    for key, fam in sorted(grouped.items()):
        provinces = {_place(docs[i]) for i in fam.members if _place(docs[i])}
        out.append(
            {
                "family_key": key,
                "number": fam.number,
                "doc_kind": fam.doc_kind,
                "issuer": fam.issuer,
                "issue_date": fam.issue_date,
                "title": fam.title,
                "cited_document_id": fam.cited_document_id,
                "provinces": len(provinces),
                "members": [{"document_id": i, **m} for i, m in sorted(fam.members.items())],
            }
        )
    return out, docs


def align_family(db, member_ids: list[int], docs: dict[int, dict]) -> list[dict]:
    """Clusters of the tasks of a family's documents, as rows for ``storage.save_comparison``."""
    marks = ",".join("?" * len(member_ids))
    tasks = _rows(db, f"SELECT id, document_id, text FROM tasks WHERE document_id IN ({marks}) ORDER BY id", member_ids)
    texts = [align.TaskText(t["id"], _place(docs[t["document_id"]]) or "?", t["text"] or "") for t in tasks]
    by_id = {t["id"]: t for t in tasks}
    edges = align.links(texts)
    out = []
    for cluster in align.clusters(texts, edges=edges):
        members = set(cluster.task_ids)
        central = max(cluster.task_ids, key=lambda i: (cluster.best[i], -i))
        out.append(
            {
                "provinces": len(cluster.provinces),
                "score": round(cluster.score, 4),
                "label": " ".join((by_id[central]["text"] or "").split())[:300],
                "tasks": [
                    {
                        "task_id": i,
                        "document_id": by_id[i]["document_id"],
                        "province_2025": _place(docs[by_id[i]["document_id"]]),
                        "best_score": cluster.best[i],
                    }
                    for i in cluster.task_ids
                ],
                "links": [(a, b, s) for a, b, s in edges if a in members],
            }
        )
    return out


def refresh(db, progress: Progress | None = None) -> dict[str, int]:
    """Recompute families and alignments; returns counts for the summary."""
    fams, docs = family_rows(db)
    alignments = {}
    comparable = [f for f in fams if f["provinces"] >= 2]
    for n, fam in enumerate(comparable, start=1):
        if progress:
            progress(f"aligning tasks of family {fam['number']} ({n}/{len(comparable)})")
        alignments[fam["family_key"]] = align_family(db, [m["document_id"] for m in fam["members"]], docs)
    storage.save_comparison(db, fams, alignments)
    return {"families": len(fams), "compared": len(comparable)}
