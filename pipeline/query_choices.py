"""The values each canned-query parameter can take, read from the database, and the words
people type for them.

Every parameter of every canned query (pipeline/datasette/metadata.yml) has a ``Choice``:
the values that exist in the database (offered as a <select> or a <datalist> on the query's
form), whether empty means "all", and how a typed value is read. Vietnamese labels are
accepted beside the codes, through SQL functions the Datasette plugin registers and the
canned queries call:

>>> role_code("chủ trì"), role_code("Chu tri"), role_code("lead (chủ trì)"), role_code("lead")
('lead', 'lead', 'lead', 'lead')
>>> same_province("Hà Nội", "Thành phố Hà Nội"), same_province("Thừa Thiên Huế", "TP Huế")
(True, True)
>>> iso_date("30/6/2025"), iso_date("2025-06-30"), iso_date("mai")
('2025-06-30', '2025-06-30', None)
>>> quarter_number("quý II"), quarter_number("3"), quarter_number("")
('2', '3', '')

``unmatched(conn, query, params)`` names the values that match nothing in the database, so
the query page can say so instead of showing an empty table.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from parsers.agencies.data import abbreviations
from pipeline.compare.agencies import function_label, functions
from pipeline.compare.places import UNIT_WORDS, province_unit_code
from pipeline.db_shape import fold, fold_number
from pipeline.topic_search import expand, topic_fts

ROLE_LABELS = {"lead": "chủ trì", "coordinate": "phối hợp", "report_to": "báo cáo"}
QUARTERS = {"1": "quý I", "2": "quý II", "3": "quý III", "4": "quý IV"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
MAX_OPTIONS = 3000  # a datalist longer than this helps nobody (the full corpus has ~2,000 agencies)


def _bare(value: str | None) -> str:
    """The value without the Vietnamese label shown beside a code: "lead (chủ trì)" -> "lead"."""
    return re.sub(r"\s*\(.*\)\s*$", "", (value or "").strip())


def role_code(value: str | None) -> str:
    """``lead``, ``coordinate`` or ``report_to`` for a code or its Vietnamese label; other text as typed."""
    text = (value or "").strip()
    by_word = {fold(label): code for code, label in ROLE_LABELS.items()} | {"phoi hop voi": "coordinate"}
    return by_word.get(fold(text)) or by_word.get(fold(_bare(text))) or _bare(text)


def function_code(value: str | None) -> str:
    """An agency function key for the key, its label or its department's name:
    ``function_code("Khoa học và Công nghệ") == function_code("Sở Khoa học và Công nghệ") == "science_technology"``."""
    text = _bare(value)
    words = fold(re.sub(r"^(?:sở|so)\s+", "", text, flags=re.I))
    for key, entry in functions().items():
        if words in (fold(key), fold(entry["label"])):
            return key
    return text


def same_province(province: str | None, value: str | None) -> bool:
    """Whether a document's province is the one typed: the same province before the 2025 merger
    ("Thành phố Hà Nội" is "Hà Nội", "TT Huế" is "Thừa Thiên Huế" and "Huế"), or the same
    words when the library does not know the name. Merged neighbours stay apart."""
    if not province or not (value or "").strip():
        return False
    if fold(province) == fold(UNIT_WORDS.sub("", value.strip())):
        return True
    code = province_unit_code(value)
    return code is not None and code == province_unit_code(province)


def iso_date(value: str | None) -> str | None:
    """An ISO date for 30/6/2025, 30-06-2025 or 2025-06-30; None for anything else."""
    text = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return dt.date(*map(int, text.split("-"))).isoformat()
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None
    return None


def quarter_number(value: str | None) -> str:
    """ "1".."4" for 1, "Q2", "quý II", "quý 3"; empty stays empty; other text as typed."""
    text = fold(value).strip()
    words = re.sub(r"^(?:quy|q)\s*", "", text)
    return _ROMAN.get(words, words) if text else ""


def agency_words(value: str | None) -> str:
    """A typed agency name folded with its abbreviations expanded: "Sở KH&ĐT" -> "so ke hoach va dau tu"."""
    return fold(expand(value))


# ---------------------------------------------------------------------------------------
# The values that exist, per parameter
# ---------------------------------------------------------------------------------------
Options = list[tuple[str, str]]  # (value, what the reader sees beside it)


def _sql(sql: str) -> Callable[[sqlite3.Connection], Options]:
    def read(conn: sqlite3.Connection) -> Options:
        rows = conn.execute(f"{sql} LIMIT {MAX_OPTIONS}").fetchall()
        return [
            (str(r[0]), str(r[1]) if len(r) > 1 and r[1] is not None else "") for r in rows if r[0] not in (None, "")
        ]

    return read


def _roles(conn: sqlite3.Connection) -> Options:
    present = {r[0] for r in conn.execute("SELECT DISTINCT role FROM task_agencies")}
    return [(code, label) for code, label in ROLE_LABELS.items() if code in present]


def _functions(conn: sqlite3.Connection) -> Options:
    rows = conn.execute(
        "SELECT a.function, count(DISTINCT ta.task_id) FROM agencies a JOIN task_agencies ta ON ta.agency_id = a.id"
        " WHERE ta.role = 'lead' AND a.collective = 0 AND a.function IS NOT NULL GROUP BY a.function"
    ).fetchall()
    labelled = [(key, function_label(key) or "", n) for key, n in rows]
    # the functions of the data file first (by label), then the rest (bodies with no listed function)
    labelled.sort(key=lambda r: (not r[1], fold(r[1] or r[0])))
    return [(key, f"{label or key.replace('_', ' ')} — {n} nhiệm vụ") for key, label, n in labelled]


def _topics(conn: sqlite3.Connection) -> Options:
    """Abbreviations documents use (KH&ĐT) whose expansion some task's text contains."""
    out = []
    for entry in abbreviations():
        found = conn.execute("SELECT 1 FROM task_fts WHERE task_fts MATCH ? LIMIT 1", [topic_fts(entry["abbr"])])
        if found.fetchone():
            out.append((entry["abbr"], entry["expansion"]))
    return out


def _quarters(conn: sqlite3.Connection) -> Options:
    return list(QUARTERS.items())


@dataclass(frozen=True)
class Choice:
    """One parameter: its label, the values that exist, and how a typed value matches them."""

    label: str
    options: Callable[[sqlite3.Connection], Options]
    closed: bool = False  # a <select> of the values; otherwise free text with suggestions
    optional: bool = False  # empty means "all"
    matches: Callable[[str, list[str]], bool] | None = None  # None: no check (free search words, a date)
    example: str = ""

    def accepts(self, value: str, values: list[str]) -> bool:
        return self.matches is None or self.matches(value, values)


def _contains(value: str, values: list[str]) -> bool:
    words = agency_words(value)
    return any(words in fold(v) for v in values)


def _same_number(value: str, values: list[str]) -> bool:
    return fold_number(value) in {fold_number(v) for v in values}


_DOCUMENT_PROVINCES = """SELECT DISTINCT province,
    CASE WHEN province_2025 != province THEN 'sau 2025: ' || province_2025 ELSE '' END
    FROM documents WHERE province != '' ORDER BY province"""
_AGENCIES = "SELECT agency, count(DISTINCT task_id) || ' nhiệm vụ' FROM {view} GROUP BY agency ORDER BY agency"

PROVINCE = Choice(
    "tỉnh/thành — province",
    _sql(_DOCUMENT_PROVINCES),
    optional=True,
    matches=lambda v, values: any(same_province(p, v) for p in values),
    example="Thành phố Hà Nội",
)
ROLE = Choice("vai trò — role", _roles, closed=True, optional=True, matches=lambda v, values: role_code(v) in values)
TOPIC = Choice("từ khóa — words", _topics, example="chuyển đổi số")
FAMILY = Choice(
    "họ văn bản — plan family (the document implemented)",
    _sql(
        "SELECT number, members || ' văn bản, ' || provinces || ' tỉnh' FROM plan_families"
        " ORDER BY provinces DESC, members DESC, number"
    ),
    closed=True,
    matches=_same_number,
)

# Parameters by name; QUERY_CHOICES below overrides a name for one query.
CHOICES: dict[str, Choice] = {
    "province": PROVINCE,
    "role": ROLE,
    "q": TOPIC,
    "family": FAMILY,
    "agency": Choice("cơ quan — agency", _sql(_AGENCIES.format(view="assignment_view")), matches=_contains),
    "lead": Choice(
        "cơ quan chủ trì — lead agency",
        _sql(_AGENCIES.format(view="assignment_view WHERE role = 'lead' AND collective = 0")),
        matches=_contains,
    ),
    "year": Choice(
        "năm — year",
        _sql("SELECT DISTINCT substr(due_date, 1, 4), '' FROM deadlines WHERE due_date IS NOT NULL ORDER BY 1 DESC"),
        closed=True,
        matches=lambda v, values: v.strip() in values,
    ),
    "quarter": Choice(
        "quý — quarter", _quarters, closed=True, optional=True, matches=lambda v, values: quarter_number(v) in values
    ),
    "date": Choice(
        "ngày — date (dd/mm/yyyy)",
        _sql("SELECT DISTINCT due_date, '' FROM deadlines WHERE due_date IS NOT NULL ORDER BY 1"),
        matches=lambda v, values: iso_date(v) is not None,
    ),
    "function": Choice(
        "chức năng — agency function",
        _functions,
        closed=True,
        optional=True,
        matches=lambda v, values: function_code(v) in values,
    ),
    "number": Choice(
        "số văn bản — document number",
        _sql("SELECT number, title FROM documents WHERE number != '' ORDER BY issue_date DESC"),
        matches=_same_number,
    ),
}
_CITED = (
    "SELECT number, min(coalesce(title, doc_kind, '')) FROM citations WHERE number != '' {where}"
    " GROUP BY number ORDER BY count(*) DESC"
)
QUERY_CHOICES: dict[tuple[str, str], Choice] = {
    ("plans_implementing", "number"): Choice(
        "số văn bản được thực hiện — number implemented",
        _sql(_CITED.format(where="AND relation = 'implements'")),
        matches=_same_number,
    ),
    ("documents_citing", "number"): Choice(
        "số văn bản được trích dẫn — number cited", _sql(_CITED.format(where="")), matches=_same_number
    ),
    ("who_does_it_now", "agency"): Choice(
        "cơ quan — agency (as named in the document)",
        _sql(_AGENCIES.format(view="current_agency_view")),
        matches=_contains,
    ),
}


def choice(query: str, param: str) -> Choice | None:
    return QUERY_CHOICES.get((query, param)) or CHOICES.get(param)


def form_fields(conn: sqlite3.Connection, query: str, params: dict[str, str]) -> list[dict]:
    """The form of a canned query, one field per parameter, with the values that exist:

    ``{"name": "role", "label": "vai trò — role", "value": "chủ trì", "options": [("lead", "chủ trì"), ...],
    "closed": True, "optional": True, "selected": "lead", "unknown": False}``

    ``unknown`` is True when a non-empty value matches nothing in the database.
    """
    fields = []
    for name, value in params.items():
        value = value or ""
        spec = choice(query, name) or Choice(name, lambda conn: [])
        options = spec.options(conn)
        values = [v for v, _ in options]
        unknown = bool(value.strip()) and not spec.accepts(value, values)
        selected = next((v for v in values if value.strip() and spec.accepts(value, [v])), None)
        fields.append(
            {
                "name": name,
                "label": spec.label,
                "value": value,
                "options": options,
                "closed": spec.closed,
                "optional": spec.optional,
                "selected": selected,
                "unknown": unknown,
                "example": spec.example,
            }
        )
    return fields


def unmatched(conn: sqlite3.Connection, query: str, params: dict[str, str]) -> list[str]:
    """The names of the non-empty parameters whose value matches nothing in the database."""
    return [f["name"] for f in form_fields(conn, query, params) if f["unknown"]]


def empty_result_note(fields: list[dict], submitted: bool) -> str:
    """What the query page says instead of an empty table: which value matched nothing, or that
    the values exist but never together."""
    unknown = [f for f in fields if f["unknown"]]
    if unknown:
        named = ", ".join(f"«{f['value']}» ({f['label']})" for f in unknown)
        return (
            f"Không có kết quả: {named} không có trong cơ sở dữ liệu — no rows, because this matches nothing"
            " in the database. Chọn một giá trị trong danh sách — choose one of the values offered."
        )
    given = [f for f in fields if f["value"].strip()]
    if not submitted or (not given and any(not f["optional"] for f in fields)):
        return "Chọn giá trị cho các tham số rồi bấm «Chạy» — choose the parameters' values, then run the query."
    named = ", ".join(f"{f['name']} = «{f['value']}»" for f in given) or "mọi giá trị — all values"
    return (
        f"Không có kết quả cho {named} — no rows: each value is in the database, but no row matches them all together."
    )
