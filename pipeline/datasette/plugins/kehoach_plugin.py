"""Datasette plugin for the kehoach database (loaded with ``--plugins-dir``; see pipeline/serve.py).

- SQL functions ``fold``, ``fold_number`` and ``fold_fts`` so canned queries match the way
  people type: ``fold('Sở Kế hoạch và Đầu tư') = 'so ke hoach va dau tu'``.
- ``?_search=`` values are folded before Datasette sees them: the search tables hold
  folded text, so "dau tu", "DAU TU", "Đầu tư" and "đầu tư" all find the same rows.
- The served file is given the name the metadata uses ("kehoach") whatever it is called.
- Bad requests get a 4xx, never a 500: a number too large for SQLite ("?id__gt=1e30" written
  out) or a sort by a column that does not exist is the client's error.
- Provenance: ``/<db>/-/document/<id>?task=<task_id>`` shows a document's text (escaped)
  with the task's span, its agencies and its deadline highlighted; ``provenance`` and
  ``span_start`` cells link there.
"""

from __future__ import annotations

import urllib.parse

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.utils.asgi import NotFound, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from pipeline import page_layout, query_choices
from pipeline.compare import report as compare_report
from pipeline.db_shape import fold, fold_number, fold_query, search_query
from pipeline.topic_search import topic_fts

DEFAULT_DATABASE_NAME = "kehoach"
_ROLE_CLASSES = {"lead": "kh-lead", "coordinate": "kh-coordinate", "report_to": "kh-report"}


def fold_fts(query: str | None) -> str:
    """A folded, quoted FTS5 query: ``fold_fts('Đầu tư') == '"dau tu"'``; never an FTS syntax error."""
    folded = search_query(query)
    return escape_fts(folded) if folded else '""'


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("fold_number", 1, fold_number, deterministic=True)
    conn.create_function("fold_fts", 1, fold_fts, deterministic=True)
    conn.create_function("topic_fts", 1, topic_fts, deterministic=True)
    # canned-query parameters typed as people write them (pipeline/query_choices.py)
    conn.create_function("role_code", 1, query_choices.role_code, deterministic=True)
    conn.create_function("function_code", 1, query_choices.function_code, deterministic=True)
    conn.create_function("same_province", 2, query_choices.same_province, deterministic=True)
    conn.create_function("iso_date", 1, query_choices.iso_date, deterministic=True)
    conn.create_function("quarter_number", 1, query_choices.quarter_number, deterministic=True)
    conn.create_function("agency_words", 1, query_choices.agency_words, deterministic=True)


def _fold_search_params(query_string: bytes) -> bytes:
    pairs = urllib.parse.parse_qsl(query_string.decode("utf-8", "replace"), keep_blank_values=True)
    # Raw mode keeps FTS operators (AND, OR, NOT, NEAR); the default escaped mode gets phrases.
    fold_value = fold_query if ("_searchmode", "raw") in pairs else search_query
    folded = [(k, fold_value(v) if k.startswith("_search") and k != "_searchmode" else v) for k, v in pairs]
    return urllib.parse.urlencode(folded).encode()


BOM = "\ufeff".encode()


def _with_bom(send):
    """Open every CSV download with a UTF-8 byte order mark, so Excel shows Vietnamese."""
    state = {"csv": False, "first": True}

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers") or [])
            state["csv"] = message.get("status") == 200
            if state["csv"] and b"content-length" in headers:
                length = int(headers[b"content-length"]) + len(BOM)
                message = {
                    **message,
                    "headers": [
                        (k, str(length).encode() if k == b"content-length" else v) for k, v in message["headers"]
                    ],
                }
        elif message["type"] == "http.response.body" and state["csv"] and state["first"]:
            state["first"] = False
            message = {**message, "body": BOM + message.get("body", b"")}
        await send(message)

    return wrapped


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def fold_search(scope, receive, send):
            if scope.get("type") == "http" and b"_search" in scope.get("query_string", b""):
                scope = dict(scope, query_string=_fold_search_params(scope["query_string"]))
            csv = scope.get("type") == "http" and scope.get("path", "").endswith(".csv")
            await app(scope, receive, _with_bom(send) if csv else send)

        return fold_search

    return wrap


def _client_error(exception: Exception) -> str | None:
    """The message of an exception that is the request's fault, or None."""
    if isinstance(exception, OverflowError):
        return "A number in the request is out of range (SQLite integers are 64-bit)."
    if (
        isinstance(exception, DatasetteError)
        and exception.status == 500
        and str(exception.message).startswith("Cannot ")
    ):
        return str(exception.message)  # "Cannot sort table by nonexistent"
    return None


@hookimpl
def handle_exception(datasette, request, exception):
    message = _client_error(exception)
    if message is None:
        return None
    if request.path.endswith(".json"):
        return Response.json({"ok": False, "error": message, "status": 400}, status=400)
    return Response.text(message, status=400)


@hookimpl
def startup(datasette):
    # The place library loads its tables on first use (a second or more): load them now, not
    # inside the first query that compares provinces, which would hit the SQL time limit.
    query_choices.same_province("Hà Nội", "Thành phố Hà Nội")
    # The metadata, canned queries and dashboards address the database by name; serve a
    # lone file (tests' sample.db, a copy) under that name so they all apply to it.
    wanted = (datasette.plugin_config("kehoach") or {}).get("database", DEFAULT_DATABASE_NAME)
    files = [name for name, db in datasette.databases.items() if not db.is_memory]
    if len(files) == 1 and files[0] != wanted:
        db = datasette.databases[files[0]]
        datasette.remove_database(files[0])
        datasette.add_database(db, name=wanted)


# Datasette 0.65 lists every column description above the table, pushing the rows off the
# first screen: fold the list into a <details> and show each description on its header.
_COLUMN_DESCRIPTIONS_JS = """
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector("dl.column-descriptions");
  if (!list) return;
  list.querySelectorAll("dt").forEach((dt) => {
    const th = document.querySelector(`th[data-column="${CSS.escape(dt.textContent)}"]`);
    if (th && dt.nextElementSibling) th.title = dt.nextElementSibling.textContent;
  });
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "Column descriptions";
  list.replaceWith(details);
  details.append(summary, list);
});
"""


# Long text (a task, a title) is clipped to a few lines, whole on hover; a click shows it all.
_CLIP_JS = """
document.addEventListener("click", (event) => {
  const clip = event.target.closest(".kh-clip");
  if (clip && !event.target.closest("a")) clip.classList.toggle("kh-open");
});
"""


@hookimpl
def extra_body_script(template, view_name):
    if view_name == "table":
        return _COLUMN_DESCRIPTIONS_JS + _CLIP_JS
    return _CLIP_JS if template.startswith("query") else None


@hookimpl
def extra_template_vars(template, database, view_name, request, datasette):
    """The form of a canned query with the values that exist (pipeline/query_choices.py)."""
    name = (request.url_vars or {}).get("table") if request else None
    if not template.startswith("query") or not name or not database:
        return None

    async def form():
        query = await datasette.get_canned_query(database, name, request.actor)
        if query is None:
            return {}
        params = {p: request.args.get(p, "") for p in query.get("params") or []}
        fields = await datasette.get_database(database).execute_fn(
            lambda conn: query_choices.form_fields(conn, name, params)
        )
        submitted = any(request.args.get(p) is not None for p in params)
        return {"kh_fields": fields, "kh_empty_note": query_choices.empty_result_note(fields, submitted)}

    return form


def _document_url(datasette, database: str, document_id, **params) -> str:
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    url = f"{datasette.urls.database(database)}/-/document/{document_id}"
    return f"{url}?{query}#hl" if query else url


def _plain(value):
    # Table pages hand foreign keys over expanded: {"value": 3, "label": "Kế hoạch ..."}.
    return value["value"] if isinstance(value, dict) and "value" in value else value


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters["vn_date"] = compare_report.vn_date
    env.filters["recurrence_label"] = compare_report.recurrence_label
    # table pages show the lead and deadline columns before long text (_table.html, table.html)
    env.globals["kh_display_order"] = lambda columns: page_layout.display_order([c["name"] for c in columns])


def _family_link(datasette, database: str, family_id) -> Markup:
    url = f"{datasette.urls.database(database)}/-/family/{family_id}"
    return Markup('<a href="{}" title="So sánh các tỉnh">{} ⇄</a>').format(url, family_id)


# Vietnamese beside the codes analysts filter on ("lead" -> "lead (chủ trì)").
CODE_LABELS = {
    "role": query_choices.ROLE_LABELS,
    "kind": {
        "department": "sở",
        "ministry": "bộ",
        "people_committee": "UBND",
        "people_council": "HĐND",
        "police": "công an",
        "office": "văn phòng",
        "board": "ban quản lý",
        "steering_committee": "ban chỉ đạo",
        "mass_org": "đoàn thể",
        "central_body": "cơ quan trung ương",
        "company": "doanh nghiệp",
        "media": "báo chí",
        "party": "cơ quan Đảng",
        "military": "quân sự",
        "center": "trung tâm",
        "bank": "ngân hàng",
        "tax": "thuế",
        "customs": "hải quan",
        "court": "tòa án",
        "procuracy": "viện kiểm sát",
        "social_insurance": "bảo hiểm xã hội",
        "university": "trường, viện",
        "council": "hội đồng",
        "inspectorate": "thanh tra",
        "treasury": "kho bạc",
        "audit": "kiểm toán",
        "collective": "nhóm cơ quan",
        "other": "khác",
    },
}
CODE_LABELS["agency_kind"] = CODE_LABELS["kind"]
DATE_COLUMNS = {"issue_date", "due_date", "first_due", "start_date", "effective_date", "due_dates"}


def _label_or_date(value, column: str):
    """A code with its Vietnamese label, or ISO dates shown dd/mm/yyyy (the ISO date kept as title)."""
    if column in CODE_LABELS and value in CODE_LABELS[column]:
        return Markup('{} <span class="kh-label">({})</span>').format(value, CODE_LABELS[column][value])
    if column == "recurrence" and compare_report.recurrence_label(value) != value:
        return Markup('{} <span class="kh-label">({})</span>').format(value, compare_report.recurrence_label(value))
    if column in DATE_COLUMNS and isinstance(value, str) and value[:4].isdigit():
        shown = "; ".join(compare_report.vn_date(part.strip()) for part in value.split(";"))
        return Markup('<span title="{}">{}</span>').format(value, shown)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if isinstance(value, str) and (labelled := _label_or_date(value, column)) is not None:
        return labelled
    if isinstance(value, str) and (clip := page_layout.clipped(value, column)) is not None:
        return clip
    if value is not None and (
        (column == "family_id" and table != "family_members") or (column == "id" and table == "plan_families")
    ):
        return _family_link(datasette, database, _plain(value))
    if value is None or column not in ("provenance", "span_start"):
        return None
    keys = set(row.keys())

    def get(key):
        return _plain(row[key])

    if column == "provenance" and isinstance(value, str) and ":" in value:
        document_id, _, span = value.partition(":")
        start, _, end = span.partition("-")
        params = {"task": get("task_id")} if "task_id" in keys else {"start": start, "end": end}
        label = f"¶ văn bản {span}"
    elif column == "span_start" and table == "tasks":
        document_id, params, label = get("document_id"), {"task": get("id")}, str(value)
    elif column == "span_start" and "task_id" in keys and table in ("task_agencies", "deadlines"):
        url = f"{datasette.urls.database(database)}/-/document/by-task/{get('task_id')}"
        return Markup('<a href="{}">{}</a>').format(url, value)
    elif column == "span_start" and {"document_id", "span_end"} <= keys:
        document_id, label = get("document_id"), str(value)
        params = {"start": value, "end": get("span_end")}
    else:
        return None
    return Markup('<a href="{}">{}</a>').format(_document_url(datasette, database, document_id, **params), label)


def _int_arg(request, name: str) -> int | None:
    value = request.args.get(name)
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> dict:
    """Cut ``text`` into before / highlighted span (with non-overlapping inner marks) / after."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    end = max(start, end)
    inner, cursor = [], start
    for m_start, m_end, css in sorted(marks):
        if m_start < cursor or m_end > end or m_end <= m_start:
            continue  # outside the span, empty, or overlapping an earlier mark
        inner.append({"text": text[cursor:m_start], "css": None})
        inner.append({"text": text[m_start:m_end], "css": css})
        cursor = m_end
    inner.append({"text": text[cursor:end], "css": None})
    return {"before": text[:start], "inner": [s for s in inner if s["text"]], "after": text[end:]}


async def _database(request, datasette):
    try:
        db = datasette.get_database(route=request.url_vars["database"])
    except KeyError:
        raise NotFound("Database not found") from None
    await datasette.ensure_permissions(
        request.actor, [("view-table", (db.name, "documents")), ("view-database", db.name), "view-instance"]
    )
    return db


async def _document_page(request, datasette):
    db = await _database(request, datasette)
    database = db.name
    document_id = int(request.url_vars["id"])
    doc = (await db.execute("SELECT * FROM document_view WHERE document_id = ?", [document_id])).first()
    if doc is None:
        raise NotFound(f"Không có văn bản {document_id}")
    text = (await db.execute("SELECT text FROM documents WHERE id = ?", [document_id])).first()["text"] or ""
    task, marks = None, []
    task_id = _int_arg(request, "task")
    start, end = _int_arg(request, "start"), _int_arg(request, "end")
    if task_id is not None:
        task = (
            await db.execute("SELECT * FROM task_view WHERE task_id = ? AND document_id = ?", [task_id, document_id])
        ).first()
        if task is None:
            raise NotFound(f"Văn bản {document_id} không có nhiệm vụ {task_id}")
        agencies = await db.execute("SELECT role, span_start, span_end FROM task_agencies WHERE task_id = ?", [task_id])
        marks = [(r["span_start"], r["span_end"], _ROLE_CLASSES.get(r["role"], "kh-lead")) for r in agencies]
        deadlines = await db.execute("SELECT span_start, span_end FROM deadlines WHERE task_id = ?", [task_id])
        marks += [(r["span_start"], r["span_end"], "kh-deadline") for r in deadlines]
        if start is None or end is None:
            start, end = task["span_start"], task["span_end"]
    highlighted = start is not None and end is not None
    segments = _segments(text, start or 0, end if highlighted else 0, marks)
    families = await db.execute(
        """SELECT f.id, f.number, f.members, f.provinces
           FROM family_members m JOIN plan_families f ON f.id = m.family_id
           WHERE m.document_id = ? ORDER BY f.provinces DESC, f.number""",
        [document_id],
    )
    context = {
        "families": [dict(f) for f in families],
        "database": database,
        "doc": dict(doc),
        "task": dict(task) if task else None,
        "highlighted": highlighted,
        "span": (start, end),
        "segments": segments,
    }
    return Response.html(await datasette.render_template("kehoach_document.html", context, request=request))


async def _document_by_task(request, datasette):
    db = await _database(request, datasette)
    task_id = int(request.url_vars["task_id"])
    row = (await db.execute("SELECT document_id FROM tasks WHERE id = ?", [task_id])).first()
    if row is None:
        raise NotFound(f"Không có nhiệm vụ {task_id}")
    return Response.redirect(_document_url(datasette, db.name, row["document_id"], task=task_id))


async def _family_page(request, datasette):
    db = await _database(request, datasette)
    family_id = int(request.url_vars["id"])

    def compare(conn):
        cursor = conn.execute("SELECT * FROM plan_families WHERE id = ?", [family_id])
        row = cursor.fetchone()
        if row is None:
            return None, None
        family = dict(zip([c[0] for c in cursor.description], row, strict=True))
        ids = [r[0] for r in conn.execute("SELECT document_id FROM family_members WHERE family_id = ?", [family_id])]
        return family, compare_report.build(conn, ids, family)

    family, comparison = await db.execute_fn(compare)
    if family is None:
        raise NotFound(f"Không có họ văn bản {family_id}")
    context = {"database": db.name, "family": family, "c": comparison, "base": datasette.urls.database(db.name)}
    return Response.html(await datasette.render_template("kehoach_family.html", context, request=request))


@hookimpl
def register_routes():
    return [
        (r"^/(?P<database>[^/]+)/-/family/(?P<id>\d+)$", _family_page),
        (r"^/(?P<database>[^/]+)/-/document/(?P<id>\d+)$", _document_page),
        (r"^/(?P<database>[^/]+)/-/document/by-task/(?P<task_id>\d+)$", _document_by_task),
    ]
