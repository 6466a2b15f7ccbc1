"""SQL pieces shared by the views of ``pipeline.db_shape`` and ``pipeline.compare_views``."""

from __future__ import annotations


def agency_names(role: str) -> str:
    """The names of a task's agencies in ``role``, in the order the document gives them, once each
    (a subquery over the task aliased ``t``)."""
    return f"""(
        SELECT group_concat(name, '; ') FROM (
            SELECT a.name AS name FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
            WHERE ta.task_id = t.id AND ta.role = '{role}'
            GROUP BY a.name ORDER BY min(ta.id)))"""
