"""The comparison tables of the database contract (written by ``pipeline.storage`` only).

Same layout as ``storage.SCHEMA``: table -> columns with types, primary key, foreign keys,
description. Column meanings live with the others in ``pipeline/datasette/metadata.yml``.
"""

from __future__ import annotations

COMPARE_SCHEMA: dict[str, dict] = {
    "document_sources": {
        "columns": {
            "id": int,
            "document_id": int,
            "source": str,
            "sha256": str,
            "site": str,
            "kept": int,
            "reason": str,
            "recorded_at": str,
        },
        "pk": "id",
        "foreign_keys": [("document_id", "documents", "id")],
        "description": "Every input file of a document: the copy kept (kept = 1) and its duplicates.",
    },
    "agency_functions": {
        "columns": {"function": str, "label": str, "names": str},
        "pk": "function",
        "foreign_keys": [],
        "description": "What a provincial body does, the same key in every province (finance = Sở Tài chính anywhere).",
    },
    "agency_successors": {
        "columns": {
            "id": int,
            "old_name": str,
            "old_function": str,
            "new_name": str,
            "new_function": str,
            "share": str,
            "scope": str,
            "legal_basis": str,
            "effective_date": str,
        },
        "pk": "id",
        "foreign_keys": [],
        "description": "2025 reorganisation: who carries a merged or split body's work, on what basis, since when.",
    },
    "plan_families": {
        "columns": {
            "id": int,
            "family_key": str,
            "number": str,
            "doc_kind": str,
            "issuer": str,
            "issue_date": str,
            "title": str,
            "cited_document_id": int,
            "members": int,
            "provinces": int,
        },
        "pk": "id",
        "foreign_keys": [("cited_document_id", "documents", "id")],
        "description": "Documents grouped by the document they implement (in the database or not).",
    },
    "family_members": {
        "columns": {"id": int, "family_id": int, "document_id": int, "relation": str, "citation_id": int},
        "pk": "id",
        "foreign_keys": [
            ("family_id", "plan_families", "id"),
            ("document_id", "documents", "id"),
            ("citation_id", "citations", "id"),
        ],
        "description": "Which documents belong to a plan family, and through which citation.",
    },
    "task_clusters": {
        "columns": {"id": int, "family_id": int, "tasks": int, "provinces": int, "score": float, "label": str},
        "pk": "id",
        "foreign_keys": [("family_id", "plan_families", "id")],
        "description": "The same task across the provinces of a family, one row per aligned task (a lone task alone).",
    },
    "task_cluster_members": {
        "columns": {
            "id": int,
            "cluster_id": int,
            "family_id": int,
            "task_id": int,
            "document_id": int,
            "province_2025": str,
            "best_score": float,
        },
        "pk": "id",
        "foreign_keys": [
            ("cluster_id", "task_clusters", "id"),
            ("family_id", "plan_families", "id"),
            ("task_id", "tasks", "id"),
            ("document_id", "documents", "id"),
        ],
        "description": "The tasks of each aligned-task cluster, with the score of each task's best link.",
    },
    "task_links": {
        "columns": {"id": int, "family_id": int, "task_id": int, "other_task_id": int, "score": float},
        "pk": "id",
        "foreign_keys": [
            ("family_id", "plan_families", "id"),
            ("task_id", "tasks", "id"),
            ("other_task_id", "tasks", "id"),
        ],
        "description": "Pairs of tasks of different provinces judged the same task, with their similarity (0-1).",
    },
}

COMPARE_INDEXES: dict[str, list[list[str]]] = {
    "document_sources": [["document_id"], ["sha256"]],
    "family_members": [["family_id"], ["document_id"]],
    "task_clusters": [["family_id"]],
    "task_cluster_members": [["cluster_id"], ["task_id"], ["family_id"]],
    "task_links": [["family_id"], ["task_id"], ["other_task_id"]],
}
