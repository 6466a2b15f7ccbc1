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


def stored_families(db) -> dict[str, dict]:
    """family key -> the stored family as ``family_rows`` gives it (members as a list), to see what changed."""
    members: dict[int, list[dict]] = {}
    for m in _rows(db, "SELECT family_id, document_id, relation, citation_id FROM family_members ORDER BY id"):
        members.setdefault(m.pop("family_id"), []).append(m)
    out = {}
    for row in _rows(db, "SELECT * FROM plan_families"):
        family_id = row.pop("id")
        row["members"] = members.get(family_id, [])
        out[row["family_key"]] = row
    return out


def refresh(db, progress: Progress | None = None, changed: set[int] | None = None) -> dict[str, int]:
    """Recompute families and alignments; returns counts for the summary.

    ``changed``: the ids of the documents written or deleted since the last refresh; only the
    families with one of them as a member, or whose row or members differ from the stored ones,
    are aligned and written again (the rest is what a full recompute would give anyway).
    None recomputes everything; an empty set does nothing.
    """
    if changed is not None and not changed:
        return {"families": _count(db, "plan_families"), "compared": _count(db, "plan_families WHERE provinces >= 2")}
    fams, docs = family_rows(db)
    replace_keys = None
    if changed is not None:
        stored = stored_families(db)
        fams = [f for f in fams if _differs(f, stored.pop(f["family_key"], None)) or _touched(f, changed)]
        replace_keys = {f["family_key"] for f in fams} | set(stored)  # what is left of stored: gone
    alignments = {}
    comparable = [f for f in fams if f["provinces"] >= 2]
    for n, fam in enumerate(comparable, start=1):
        if progress:
            progress(f"aligning tasks of family {fam['number']} ({n}/{len(comparable)})")
        alignments[fam["family_key"]] = align_family(db, [m["document_id"] for m in fam["members"]], docs)
    storage.save_comparison(db, fams, alignments, replace_keys=replace_keys)
    return {"families": _count(db, "plan_families"), "compared": _count(db, "plan_families WHERE provinces >= 2")}


def _differs(family: dict, stored: dict | None) -> bool:
    return stored is None or any(stored.get(k) != v for k, v in family.items())


def _touched(family: dict, changed: set[int]) -> bool:
    return any(m["document_id"] in changed for m in family["members"])


def _count(db, table_where: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table_where}").fetchone()[0]


def bring_up_to_date(db, progress: Progress | None = None) -> dict[str, int]:
    """After documents were written or deleted (``storage.changed_documents``): link the citations
    they can move and refresh the families they belong to, then forget them. Safe to repeat: a
    run killed before the end leaves them to the next one."""
    with db.atomic():  # the links, the families and forgetting the documents: all or nothing
        changed = storage.changed_documents(db)
        storage.link_citations(db, changed)
        counts = refresh(db, progress, changed=changed)
        storage.forget_changed(db, changed)
    return counts
