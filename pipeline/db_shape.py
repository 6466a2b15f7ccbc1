"""What analysts see on top of the contract tables: views, folded full-text search, the folding rule.

Pure data and pure functions: no database access here. ``pipeline.storage`` creates the
views and search tables from these dicts (``ensure_db_shape``) and fills the search tables
(``index_document``); the Datasette plugin registers ``fold`` as an SQL function and folds
``?_search=`` the same way, so a query typed as ``dau tu``, ``DAU TU``, ``Đầu tư`` or
``đầu tư`` finds "Sở Kế hoạch và Đầu tư".

SQLite's ``unicode61 remove_diacritics 2`` tokenizer strips tone marks but keeps "đ"
(it is a letter of its own, not d + a mark), so the folding is done in Python on both
sides and the search tables store folded text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from parsers.lexicon.folding import fold as fold_by_definition  # the rule; fold() below is its fast form
from pipeline.compare_views import COMPARE_VIEWS
from pipeline.view_sql import agency_names

# Operators that keep their meaning in raw FTS queries: "dau AND tu", "so NOT (tai chinh)".
_FTS_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUERY_TOKEN = re.compile(r"\S+")  # one whitespace-separated word of "Sở KH&ĐT"


@functools.cache
def _fold_table() -> dict[int, str]:
    # Per character, what fold_by_definition makes of it, for every character it changes
    # (canonical decompositions and combining marks all lie below U+30000): one
    # str.translate then folds a document several times faster than decomposing it.
    table = {}
    for code in range(0x80, 0x30000):
        char = chr(code)
        if unicodedata.combining(char) or code in (0xF0, 0x111) or unicodedata.decomposition(char)[:1] not in ("", "<"):
            folded = fold_by_definition(char)
            if folded != char:
                table[code] = folded
    return table


def fold(text: str | None) -> str:
    """Fold Vietnamese text for matching: NFC, casefold, strip diacritics, đ -> d.

    ``fold("Sở Kế hoạch và Đầu tư") == "so ke hoach va dau tu"``
    """
    if not text:
        return ""
    if len(text) <= _SHORT:
        return _fold_short(text)
    if len(text) <= _LONG:
        return _fold_text(text)
    return _fold(text)


# Names and phrases are folded again and again (each agency of each task); a document's text
# is folded twice when it is saved (its dedup key, its search row), hence two memories.
_SHORT, _LONG = 200, 1 << 20


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().translate(_fold_table())


_fold_short = functools.lru_cache(maxsize=1 << 16)(_fold)
_fold_text = functools.lru_cache(maxsize=4)(_fold)


def fold_query(query: str | None) -> str:
    """Fold a full-text query word by word, keeping upper-case FTS operators.

    ``fold_query("Đầu tư NOT Sở Tài chính") == "dau tu NOT so tai chinh"``
    """
    if not query:
        return ""
    return _QUERY_TOKEN.sub(lambda m: m.group() if m.group() in _FTS_OPERATORS else fold(m.group()), query)


def search_query(query: str | None) -> str:
    """Fold a search-box query; several words typed without quotes are searched as one phrase.

    Folded Vietnamese syllables are ambiguous on their own ("tu" is tư, tự, từ, tu ...), so
    ``search_query("Đầu tư") == '"dau tu"'`` finds the phrase, not "dau" and "tu" anywhere.
    Quoted phrases are kept as the user wrote them: ``'"ke hoach" Huế'`` -> ``'"ke hoach" hue'``.
    """
    folded = " ".join(fold(query).split())
    if '"' not in folded and " " in folded:
        return f'"{folded}"'
    return folded


def fold_number(number: str | None) -> str:
    """Fold a document number for comparison: no spaces, folded case and letters.

    ``fold_number("2360/QĐ- TTg") == "2360/qd-ttg"``
    """
    return re.sub(r"\s+", "", fold(number))


# ---------------------------------------------------------------------------------------
# Full-text search tables. Each row's rowid is the id (rowid) of what it indexes, so
# Datasette's ``fts_table``/``fts_pk`` metadata can point a table or view at it. The
# indexed columns hold folded text; ``rows`` selects one document's rows unfolded and
# ``search_row`` folds them; ``delete`` removes one document's rows before re-indexing.
# ---------------------------------------------------------------------------------------
FTS_TOKENIZE = "unicode61 remove_diacritics 2"

_TASK_AGENCY_NAMES = """
    (SELECT group_concat(a.name || ' ' || coalesce(ta.surface, ''), ' ; ')
     FROM task_agencies ta LEFT JOIN agencies a ON a.id = ta.agency_id WHERE ta.task_id = t.id)
"""
_DOCUMENT_AGENCY_IDS = """
    SELECT agency_id FROM agency_mentions WHERE document_id = :document_id
    UNION
    SELECT ta.agency_id FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id
    WHERE t.document_id = :document_id
"""

FTS_TABLES: dict[str, dict] = {
    "document_fts": {
        "description": "Folded (no marks, đ -> d) number, title, issuer, province and text of documents.",
        "columns": ["number", "title", "issuer", "province", "text"],
        "unindexed": [],
        "rows": """
            SELECT id AS rowid, number, title, issuer, province, text
            FROM documents WHERE id = :document_id
        """,
        "delete": "DELETE FROM document_fts WHERE rowid = :document_id",
    },
    "task_fts": {
        "description": "Folded text of each task and the names of the agencies assigned to it.",
        "columns": ["text", "agencies"],
        "unindexed": ["document_id"],
        "rows": f"""
            SELECT t.id AS rowid, t.text, {_TASK_AGENCY_NAMES} AS agencies, t.document_id
            FROM tasks t WHERE t.document_id = :document_id
        """,
        "delete": "DELETE FROM task_fts WHERE document_id = :document_id",
    },
    "agency_fts": {
        "description": "Folded canonical name of each agency named in a document.",
        "columns": ["name"],
        "unindexed": [],
        "rows": f"SELECT rowid AS rowid, name FROM agencies WHERE id IN ({_DOCUMENT_AGENCY_IDS})",
        "delete": f"""
            DELETE FROM agency_fts WHERE rowid IN (
                SELECT rowid FROM agencies WHERE id IN ({_DOCUMENT_AGENCY_IDS}))
        """,
    },
}


def fts_create_sql(name: str) -> str:
    """The CREATE statement of one search table, e.g. ``CREATE VIRTUAL TABLE [task_fts] USING fts5(...)``."""
    spec = FTS_TABLES[name]
    columns = [f"[{c}]" for c in spec["columns"]] + [f"[{c}] UNINDEXED" for c in spec["unindexed"]]
    return f"CREATE VIRTUAL TABLE [{name}] USING fts5({', '.join(columns)}, tokenize='{FTS_TOKENIZE}')"


def search_row(name: str, row: dict) -> dict:
    """Fold the indexed columns of one row selected by ``FTS_TABLES[name]["rows"]``.

    ``search_row("agency_fts", {"rowid": 3, "name": "Sở Tài chính"}) == {"rowid": 3, "name": "so tai chinh"}``
    """
    indexed = set(FTS_TABLES[name]["columns"])
    return {k: fold(v) if k in indexed else v for k, v in row.items()}


# ---------------------------------------------------------------------------------------
# Views: what an analyst reads without joins. Dropped and recreated by ensure_db_shape.
# ---------------------------------------------------------------------------------------
_FIRST_DUE = "(SELECT min(due_date) FROM deadlines WHERE task_id = t.id)"

# What the writer stores per task in ``task_summary`` (``pipeline.storage``), one document at a
# time: the task view's computed columns, so that the view, its facets and the canned queries
# read one row per task instead of running a dozen subqueries per task. ``:province_fold`` and
# ``:number_fold`` are the document's province and number folded in Python (``fold``).
TASK_SUMMARY_ROWS = f"""
SELECT
    t.id AS task_id,
    t.document_id AS document_id,
    d.province AS province,
    :province_fold AS province_fold,
    d.number AS number,
    :number_fold AS number_fold,
    d.doc_type AS doc_type,
    d.issue_date AS issue_date,
    substr(d.issue_date, 1, 4) AS issue_year,
    {agency_names("lead")} AS lead,
    {agency_names("coordinate")} AS coordinators,
    {agency_names("report_to")} AS report_to,
    (SELECT group_concat(due_date, '; ') FROM (
        SELECT DISTINCT due_date FROM deadlines WHERE task_id = t.id AND due_date IS NOT NULL
        ORDER BY due_date)) AS due_dates,
    {_FIRST_DUE} AS first_due,
    substr({_FIRST_DUE}, 1, 4) AS due_year,
    (SELECT group_concat(DISTINCT recurrence) FROM deadlines WHERE task_id = t.id) AS recurrence,
    (SELECT group_concat(text, '; ') FROM (
        SELECT DISTINCT text FROM deadlines WHERE task_id = t.id ORDER BY id)) AS deadline_text,
    coalesce((SELECT max(ongoing) FROM deadlines WHERE task_id = t.id), 0) AS ongoing,
    (SELECT s.heading FROM sections s WHERE s.document_id = t.document_id AND s.path = t.section
     ORDER BY s.id LIMIT 1) AS section_heading,
    EXISTS (SELECT 1 FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
            WHERE ta.task_id = t.id AND ta.role = 'lead' AND a.collective = 0) AS named_lead,
    fold(t.text) LIKE '%bao cao%' AS says_report
FROM tasks t JOIN documents d ON d.id = t.document_id
WHERE t.document_id = :document_id
"""


# The task's own columns come from scalar subqueries, evaluated only for the columns a query
# uses: a facet or a count reads task_summary (and its indexes) alone. (SQLite does not leave
# out an unused left join in an aggregate query.) Every task has its summary row.
def _task(column: str) -> str:
    return f"(SELECT {column} FROM tasks WHERE id = s.task_id)"


TASK_VIEW = f"""
SELECT
    s.task_id AS task_id,
    {_task("document_id || ':' || span_start || '-' || span_end")} AS provenance,
    s.province AS province,
    s.number AS number,
    {_task("section")} AS section,
    {_task("text")} AS text,
    s.lead AS lead,
    s.coordinators AS coordinators,
    s.report_to AS report_to,
    s.due_dates AS due_dates,
    s.first_due AS first_due,
    s.due_year AS due_year,
    s.recurrence AS recurrence,
    s.deadline_text AS deadline_text,
    s.ongoing AS ongoing,
    s.doc_type AS doc_type,
    s.issue_date AS issue_date,
    s.issue_year AS issue_year,
    (SELECT title FROM documents WHERE id = s.document_id) AS title,
    s.section_heading AS section_heading,
    {_task("action")} AS action,
    {_task("shape")} AS shape,
    s.document_id AS document_id,
    {_task("span_start")} AS span_start,
    {_task("span_end")} AS span_end
FROM task_summary s
"""

ASSIGNMENT_VIEW = f"""
SELECT
    ta.id AS assignment_id,
    ta.task_id AS task_id,
    t.document_id || ':' || t.span_start || '-' || t.span_end AS provenance,
    d.province AS province,
    d.number AS number,
    d.doc_type AS doc_type,
    substr(d.issue_date, 1, 4) AS issue_year,
    a.name AS agency,
    a.kind AS agency_kind,
    a.level AS agency_level,
    a.collective AS collective,
    ta.role AS role,
    ta.surface AS surface,
    t.section AS section,
    t.text AS task_text,
    {_FIRST_DUE} AS first_due,
    substr({_FIRST_DUE}, 1, 4) AS due_year,
    (SELECT group_concat(DISTINCT recurrence) FROM deadlines WHERE task_id = t.id) AS recurrence,
    t.document_id AS document_id,
    ta.agency_id AS agency_id
FROM task_agencies ta
JOIN tasks t ON t.id = ta.task_id
JOIN documents d ON d.id = t.document_id
LEFT JOIN agencies a ON a.id = ta.agency_id
"""

DOCUMENT_VIEW = """
SELECT
    d.id AS document_id,
    d.number AS number,
    d.doc_type AS doc_type,
    d.type_code AS type_code,
    d.title AS title,
    d.province AS province,
    d.issuer AS issuer,
    d.issue_date AS issue_date,
    substr(d.issue_date, 1, 4) AS issue_year,
    d.signer AS signer,
    d.signer_title AS signer_title,
    (SELECT count(*) FROM tasks WHERE document_id = d.id) AS tasks,
    (SELECT count(*) FROM tasks t WHERE t.document_id = d.id AND NOT EXISTS (
        SELECT 1 FROM deadlines dl WHERE dl.task_id = t.id
        AND (dl.due_date IS NOT NULL OR dl.recurrence IS NOT NULL))) AS tasks_without_deadline,
    (SELECT count(DISTINCT m.agency_id) FROM agency_mentions m JOIN agencies a ON a.id = m.agency_id
     WHERE m.document_id = d.id AND a.collective = 0) AS agencies,
    (SELECT count(*) FROM citations WHERE document_id = d.id) AS citations,
    (SELECT group_concat(number, '; ') FROM citations
     WHERE document_id = d.id AND relation = 'implements' AND number != '') AS implements,
    (SELECT count(*) FROM citations WHERE cited_document_id = d.id) AS cited_by,
    d.source AS source,
    d.site AS site
FROM documents d
"""

VIEWS: dict[str, str] = {
    "task_view": TASK_VIEW,
    "assignment_view": ASSIGNMENT_VIEW,
    "document_view": DOCUMENT_VIEW,
    **COMPARE_VIEWS,
}
