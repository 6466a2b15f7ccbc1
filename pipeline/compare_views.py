"""The comparison views (created by ``pipeline.storage`` with the others of ``pipeline.db_shape``)."""

from __future__ import annotations

from pipeline.view_sql import agency_names

FAMILY_VIEW = """
SELECT
    f.id AS family_id,
    f.number AS family_number,
    f.doc_kind AS family_kind,
    f.title AS family_title,
    d.province_2025 AS province_2025,
    d.province AS province,
    d.issue_date AS issue_date,
    d.number AS number,
    d.doc_type AS doc_type,
    d.title AS title,
    m.relation AS relation,
    (SELECT count(*) FROM tasks WHERE document_id = d.id) AS tasks,
    d.id AS document_id,
    f.family_key AS family_key
FROM family_members m
JOIN plan_families f ON f.id = m.family_id
JOIN documents d ON d.id = m.document_id
"""

CURRENT_AGENCY_VIEW = """
SELECT
    ta.task_id AS task_id,
    d.province AS province,
    d.province_2025 AS province_2025,
    d.number AS number,
    d.issue_date AS issue_date,
    ta.role AS role,
    a.name AS agency,
    a.function AS function,
    coalesce(s.new_name, a.name) AS current_agency,
    CASE WHEN s.id IS NULL THEN 0 ELSE 1 END AS reorganised,
    s.share AS share,
    s.scope AS scope,
    s.legal_basis AS legal_basis,
    s.effective_date AS effective_date,
    t.text AS task_text,
    t.document_id || ':' || t.span_start || '-' || t.span_end AS provenance,
    t.document_id AS document_id
FROM task_agencies ta
JOIN tasks t ON t.id = ta.task_id
JOIN documents d ON d.id = t.document_id
JOIN agencies a ON a.id = ta.agency_id
LEFT JOIN agency_successors s ON s.old_function = a.function
"""

ALIGNED_TASK_VIEW = f"""
SELECT
    f.number AS family_number,
    c.id AS cluster_id,
    c.provinces AS cluster_provinces,
    c.label AS cluster_label,
    cm.province_2025 AS province_2025,
    d.number AS number,
    {agency_names("lead")} AS lead,
    (SELECT min(due_date) FROM deadlines WHERE task_id = t.id) AS first_due,
    (SELECT group_concat(DISTINCT recurrence) FROM deadlines WHERE task_id = t.id) AS recurrence,
    t.text AS text,
    cm.best_score AS score,
    t.id AS task_id,
    t.document_id || ':' || t.span_start || '-' || t.span_end AS provenance,
    f.id AS family_id,
    t.document_id AS document_id
FROM task_cluster_members cm
JOIN task_clusters c ON c.id = cm.cluster_id
JOIN plan_families f ON f.id = cm.family_id
JOIN tasks t ON t.id = cm.task_id
JOIN documents d ON d.id = t.document_id
"""

COMPARE_VIEWS: dict[str, str] = {
    "family_view": FAMILY_VIEW,
    "current_agency_view": CURRENT_AGENCY_VIEW,
    "aligned_task_view": ALIGNED_TASK_VIEW,
}
