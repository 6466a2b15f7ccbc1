"""Datasette as analysts meet it: a real server on a loopback port over the sample database.

Checks folding (pure), then through the JSON/HTML API: every canned query returns real rows,
diacritic-free and đ -> d searches, escaping of document text, provenance links, read-only
serving, described columns, facets and the chart dashboard.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.models import Agency, Deadline, Metadata, ParsedDocument, Section, Task, TaskAgency
from pipeline import db_shape, serve, storage
from tests.conftest import copy_database

METADATA = yaml.safe_load(serve.METADATA.read_text(encoding="utf-8"))
DB_META = METADATA["databases"]["kehoach"]
QUERIES = DB_META["queries"]

# ---------------------------------------------------------------------------------------------
# Folding: the same function indexes and queries.
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sở Kế hoạch và Đầu tư", "so ke hoach va dau tu"),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "so ke hoach va dau tu"),
        ("Ðầu tư", "dau tu"),  # Icelandic capital eth typed for Đ in scanned documents
        ("Đầu tư", "dau tu"),  # decomposed (NFD) input
        ("Ủy ban nhân dân tỉnh Thừa Thiên Huế", "uy ban nhan dan tinh thua thien hue"),
        ("Sở KH&ĐT", "so kh&dt"),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert db_shape.fold(text) == folded


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@settings(max_examples=300, deadline=None)
@given(st.text() | st.text(alphabet=VIETNAMESE + "\u0300\u0301\u0303\u0309\u0323\u00d0\u00f0"))
def test_fast_fold_matches_the_definition(text):
    assert db_shape.fold(text) == db_shape.fold_by_definition(text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Đầu tư", '"dau tu"'),
        ("DAU  TU", '"dau tu"'),
        ("Huế", "hue"),
        ('"kế hoạch" Huế', '"ke hoach" hue'),
        ("", ""),
    ],
)
def test_search_query_folds_and_makes_a_phrase(query, expected):
    assert db_shape.search_query(query) == expected


def test_fold_query_keeps_fts_operators():
    assert db_shape.fold_query("Đầu tư NOT Tài chính OR Huế") == "dau tu NOT tai chinh OR hue"


@pytest.mark.parametrize(
    ("number", "folded"),
    [("2360/QĐ- TTg", "2360/qd-ttg"), ("02/QĐ-HĐV", "02/qd-hdv"), ("1264/NQ-UBTVQH14", "1264/nq-ubtvqh14")],
)
def test_fold_number(number, folded):
    assert db_shape.fold_number(number) == folded


def test_remove_diacritics_alone_does_not_fold_d():
    # Why the search tables hold folded text: SQLite's tokenizer keeps "đ".
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE raw USING fts5(name, tokenize='{db_shape.FTS_TOKENIZE}')")
    conn.execute(db_shape.fts_create_sql("agency_fts"))
    conn.execute("INSERT INTO raw VALUES ('Sở Kế hoạch và Đầu tư')")
    conn.execute("INSERT INTO agency_fts VALUES (?)", [db_shape.fold("Sở Kế hoạch và Đầu tư")])
    assert conn.execute("SELECT count(*) FROM raw WHERE raw MATCH '\"dau tu\"'").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM agency_fts WHERE agency_fts MATCH '\"dau tu\"'").fetchone() == (1,)


# ---------------------------------------------------------------------------------------------
# A document whose text and names contain markup: it must come back escaped, never as HTML.
# ---------------------------------------------------------------------------------------------
XSS_TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM\nSố: 999/KH-UBND\n\nKẾ HOẠCH\n"
    '<script>alert("kehoach-xss")</script>\n\nII. NHIỆM VỤ\n\n'
    "1. Ban <b>Thử nghiệm</b> Đặc biệt chủ trì, phối hợp với Sở Thử nghiệm <i>Phụ</i> "
    "rà soát <img src=x onerror=alert(1)> và báo cáo trước ngày 30/6/2026.\n"
)


def _xss_document() -> ParsedDocument:
    task_start = XSS_TEXT.index("Ban <b>")
    task_end = XSS_TEXT.index("30/6/2026.") + len("30/6/2026.")

    def span(words: str) -> dict:
        start = XSS_TEXT.index(words)
        return {"span_start": start, "span_end": start + len(words)}

    lead = Agency(id="test-xss-lead", name="Ban <b>Thử nghiệm</b> Đặc biệt", kind="other")
    partner = Agency(id="test-xss-partner", name="Sở Thử nghiệm <i>Phụ</i>", kind="other")
    task = Task(
        section="II",
        text=XSS_TEXT[task_start:task_end],
        span_start=task_start,
        span_end=task_end,
        agencies=[
            TaskAgency(agency=lead, role="lead", surface=lead.name, **span(lead.name)),
            TaskAgency(agency=partner, role="coordinate", surface=partner.name, **span(partner.name)),
        ],
        deadlines=[
            Deadline(text="trước ngày 30/6/2026", due_dates=[dt.date(2026, 6, 30)], **span("trước ngày 30/6/2026"))
        ],
    )
    heading = XSS_TEXT.index("II. NHIỆM VỤ")
    return ParsedDocument(
        source="tests/xss-999-KH-UBND.txt",
        site="plain_text",
        sha256=hashlib.sha256(XSS_TEXT.encode()).hexdigest(),
        text=XSS_TEXT,
        metadata=Metadata(
            number="999/KH-UBND",
            doc_type="Kế hoạch",
            province="Thử Nghiệm",
            issue_date=dt.date(2025, 12, 1),
            title='Kế hoạch <script>alert("title")</script>',
        ),
        sections=[
            Section(label="II", path="II", heading="NHIỆM VỤ", level=1, span_start=heading, span_end=len(XSS_TEXT))
        ],
        tasks=[task],
    )


@pytest.fixture(scope="module")
def served(sample_db, tmp_path_factory):
    """A copy of the sample database plus the markup document, served read-only."""
    path = copy_database(
        sample_db, tmp_path_factory.mktemp("served"), "copy.db"
    )  # not named kehoach: the plugin renames it
    db = storage.open_db(path)
    doc_id = storage.save_document(db, _xss_document())
    task_id = db.execute("SELECT id FROM tasks WHERE document_id = ?", [doc_id]).fetchone()[0]
    db.close()
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    with serve.running(path) as url:
        yield {"url": url, "path": path, "doc_id": doc_id, "task_id": task_id, "sha256": sha}


def _get(served, path: str, **params) -> str:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(served["url"] + path + query, timeout=30) as response:
        return response.read().decode("utf-8")


def _json(served, path: str, **params):
    return json.loads(_get(served, path, **params))


def _rows(served, path: str, **params) -> list[dict]:
    return _json(served, path, _shape="objects", **params)["rows"]


# ---------------------------------------------------------------------------------------------
# Serving
# ---------------------------------------------------------------------------------------------
def test_datasette_args_serve_read_only_not_immutable_with_repo_config():
    args = serve.datasette_args("output/kehoach.db", port=8123)
    assert "-i" not in args and "--immutable" not in args  # an ingest may write it while served
    assert args[args.index("serve") + 1] == "output/kehoach.db"
    assert args[args.index("--metadata") + 1] == str(serve.METADATA)
    assert args[args.index("--plugins-dir") + 1] == str(serve.PLUGINS)
    assert args[args.index("--template-dir") + 1] == str(serve.TEMPLATES)
    assert args[args.index("--port") + 1] == "8123"
    assert args[args.index("--host") + 1] == "127.0.0.1"


def test_served_read_only_under_the_metadata_name(served):
    [database] = _json(served, "/-/databases.json")
    assert database["name"] == "kehoach"
    assert database["is_mutable"] is True  # opened mode=ro, not immutable: it sees new rows


@pytest.mark.parametrize(
    "sql",
    ["DELETE FROM tasks", "UPDATE documents SET title = 'x'", "DROP TABLE tasks", "ATTACH 'x.db' AS x"],
)
def test_arbitrary_sql_cannot_write(served, sql):
    with pytest.raises(urllib.error.HTTPError) as error:
        _get(served, "/kehoach.json", sql=sql)
    assert error.value.code == 400
    assert _rows(served, "/kehoach.json", sql="SELECT count(*) AS n FROM tasks")[0]["n"] > 0
    assert hashlib.sha256(served["path"].read_bytes()).hexdigest() == served["sha256"]


def test_canned_queries_are_described_and_read_only():
    assert len(QUERIES) >= 10
    for name, query in QUERIES.items():
        assert query.get("title") and query.get("description"), name
        assert not query.get("write"), name
        assert sorted(query["params"]) == sorted(set(re.findall(r":(\w+)", query["sql"]))), name


def test_docs_list_every_canned_query():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "datasette.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(\w+)` \|", docs, flags=re.M))
    assert listed == set(QUERIES)
    for name, query in QUERIES.items():
        assert re.search(rf"^\| `{name}` \| {', '.join(query['params'])} \|", docs, flags=re.M), name


# (canned query, parameters, column, a value some row must hold there)
CANNED_CASES = {
    "tasks_of_agency": ({"agency": "ke hoach va dau tu", "role": "lead"}, "agency", "Sở Kế hoạch và Đầu tư"),
    "tasks_due_in_period": ({"year": "2022", "quarter": ""}, "number", "350/QĐ-UBND"),
    "recurring_reports": ({"province": "ha noi"}, "number", "308/KH-UBND"),
    "plans_implementing": ({"number": "02/QD-HDV"}, "number", "350/QĐ-UBND"),
    "documents_citing": ({"number": "941/QĐ-TTg"}, "number", "350/QĐ-UBND"),
    "agency_province_counts": ({"role": "lead"}, "agency", "Sở Kế hoạch và Đầu tư"),
    "coordinators_of_lead": ({"lead": "Sở Nội vụ"}, "lead", "Sở Nội vụ"),
    "tasks_without_deadline": ({"province": "Thừa Thiên Huế"}, "number", "350/QĐ-UBND"),
    "tasks_without_named_lead": ({"province": ""}, "province", "Cần Thơ"),
    "tasks_due_by": ({"date": "2022-12-31"}, "number", "350/QĐ-UBND"),
    "search_tasks": ({"q": "chuyen doi so"}, "province", "Đồng Tháp"),
    "search_documents": ({"q": "giảm nghèo"}, "number", "160/KH-UBND"),
    "topic_by_province": ({"q": "DAU TU"}, "province", "Thừa Thiên Huế"),
    "agency_workload": ({"province": "thua thien hue"}, "agency", "Sở Kế hoạch và Đầu tư"),
    "document_tasks": ({"number": "350/QĐ-UBND"}, "lead", "Sở Kế hoạch và Đầu tư"),
    "family_members_by_province": ({"family": "71/NQ-CP"}, "number", "2610/QĐ-UBND"),
    "family_matrix": ({"family": "71/nq-cp"}, "province_2025", "Đồng Nai"),
    "family_only_one_province": ({"family": "71/NQ-CP"}, "province_2025", "Cần Thơ"),
    "family_function_counts": ({"family": "71/NQ-CP", "function": "science_technology"}, "province_2025", "Nghệ An"),
    "who_does_it_now": ({"agency": "ke hoach va dau tu"}, "current_agency", "Sở Tài chính"),
    "topic_in_tasks": ({"q": "KH&ĐT"}, "number", "350/QĐ-UBND"),
}


def test_every_canned_query_has_a_case():
    assert set(CANNED_CASES) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(CANNED_CASES))
def test_canned_query_returns_real_rows(served, name):
    params, column, expected = CANNED_CASES[name]
    rows = _rows(served, f"/kehoach/{name}.json", **params)
    assert rows, f"{name} returned no rows for {params}"
    assert expected in {row[column] for row in rows}


def test_tasks_without_named_lead_have_none(served):
    task_ids = [row["task_id"] for row in _rows(served, "/kehoach/tasks_without_named_lead.json", province="")]
    named = _rows(
        served,
        "/kehoach.json",
        sql="SELECT count(*) AS n FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id"
        f" WHERE ta.role = 'lead' AND a.collective = 0 AND ta.task_id IN ({','.join(map(str, task_ids))})",
    )
    assert task_ids and named == [{"n": 0}]


SPELLINGS = ["dau tu", "DAU TU", "Đầu tư", "đầu tư", "Ðầu Tư"]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_agency_search_ignores_diacritics_and_folds_d(served, spelling):
    names = {row["name"] for row in _rows(served, "/kehoach/agencies.json", _search=spelling)}
    assert "Sở Kế hoạch và Đầu tư" in names


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_task_search_ignores_diacritics_and_folds_d(served, spelling):
    rows = _rows(served, "/kehoach/task_view.json", _search=spelling, _size="max")
    assert rows
    assert all("dau tu" in db_shape.fold(f"{r['text']} {r['lead']} {r['coordinators']} {r['report_to']}") for r in rows)
    leads = {r["lead"] for r in rows}
    assert any(lead and "Sở Kế hoạch và Đầu tư" in lead for lead in leads)


@pytest.mark.parametrize("table", ["tasks", "document_view", "documents"])
def test_other_tables_are_searchable_folded(served, table):
    assert _rows(served, f"/kehoach/{table}.json", _search="ke hoach va dau tu")


def test_raw_search_mode_keeps_operators(served):
    both = _rows(served, "/kehoach/agencies.json", _search="Đầu AND Tư", _searchmode="raw")
    assert "Sở Kế hoạch và Đầu tư" in {row["name"] for row in both}
    excluded = _rows(served, "/kehoach/agencies.json", _search="Đầu NOT hoạch", _searchmode="raw")
    assert "Sở Kế hoạch và Đầu tư" not in {row["name"] for row in excluded}


# ---------------------------------------------------------------------------------------------
# Provenance and escaping
# ---------------------------------------------------------------------------------------------
def test_document_page_shows_text_escaped_with_task_highlighted(served):
    html = _get(served, f"/kehoach/-/document/{served['doc_id']}", task=served["task_id"])
    assert "&lt;script&gt;alert(&#34;kehoach-xss&#34;)&lt;/script&gt;" in html
    assert 'kehoach-xss")</script>' not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    highlighted = html.split('<mark id="hl">', 1)[1].split("</pre>", 1)[0]
    assert '<mark class="kh-lead">Ban &lt;b&gt;Thử nghiệm&lt;/b&gt; Đặc biệt</mark>' in highlighted
    assert '<mark class="kh-coordinate">Sở Thử nghiệm &lt;i&gt;Phụ&lt;/i&gt;</mark>' in highlighted
    assert '<mark class="kh-deadline">trước ngày 30/6/2026</mark>' in highlighted
    assert "Kế hoạch &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html


@pytest.mark.parametrize("path", ["/kehoach/task_view", "/kehoach/documents", "/kehoach/assignment_view"])
def test_table_pages_escape_markup(served, path):
    html = (
        _get(served, path, number="999/KH-UBND")
        if "documents" in path
        else _get(served, path, document_id=served["doc_id"])
    )
    assert "&lt;b&gt;Thử nghiệm&lt;/b&gt;" in html or "&lt;script&gt;" in html
    assert "<b>Thử nghiệm</b>" not in html and '<script>alert("title")' not in html


def test_task_view_links_each_task_to_its_highlighted_text(served):
    html = _get(served, "/kehoach/task_view", document_id=served["doc_id"])
    link = f"/kehoach/-/document/{served['doc_id']}?task={served['task_id']}#hl"
    assert f'<a href="{link}">' in html
    target = _get(served, link.split("#")[0])
    assert '<mark id="hl">' in target


def test_span_cells_link_to_highlighted_text(served):
    html = _get(served, "/kehoach/citations", _size="5")
    match = re.search(r'href="(/kehoach/-/document/\d+\?start=\d+&amp;end=\d+#hl)"', html)
    assert match, "citations.span_start should link to the highlighted citation"
    target = _get(served, match.group(1).replace("&amp;", "&").split("#")[0])
    assert '<mark id="hl">' in target


def test_deadline_span_links_through_its_task(served):
    path = f"/kehoach/-/document/by-task/{served['task_id']}"
    html = _get(served, path)  # urllib follows the redirect to the document page
    assert '<mark class="kh-deadline">' in html


@pytest.mark.parametrize(("start", "end"), [("-5", "20"), ("999999", "5"), ("abc", "10"), ("10", "10")])
def test_odd_spans_never_break_the_document_page(served, start, end):
    html = _get(served, f"/kehoach/-/document/{served['doc_id']}", start=start, end=end)
    assert "&lt;script&gt;alert(" in html


def test_unknown_document_is_404(served):
    with pytest.raises(urllib.error.HTTPError) as error:
        _get(served, "/kehoach/-/document/987654321")
    assert error.value.code == 404


# ---------------------------------------------------------------------------------------------
# Metadata: described tables and columns, labels, facets
# ---------------------------------------------------------------------------------------------
def test_every_table_and_column_is_described(served):
    conn = sqlite3.connect(served["path"])
    names = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%_fts%'"
        )
    ]
    assert set(storage.SCHEMA) | set(db_shape.VIEWS) <= set(names)
    for name in names:
        table = DB_META["tables"].get(name)
        assert table and table.get("description"), f"{name} has no description"
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")]
        assert list(table["columns"]) == columns, f"{name}: described columns differ from the table's"
        assert all(table["columns"].values()), name


def test_foreign_keys_show_labels(served):
    [row] = _json(served, "/kehoach/tasks.json", _labels="on", _shape="array", id=served["task_id"])
    assert row["document_id"] == {"value": served["doc_id"], "label": 'Kế hoạch <script>alert("title")</script>'}
    [mention] = _json(
        served, "/kehoach/task_agencies.json", _labels="on", _shape="array", task_id=served["task_id"], role="lead"
    )
    assert mention["agency_id"]["label"] == "Ban <b>Thử nghiệm</b> Đặc biệt"


@pytest.mark.parametrize(
    ("table", "facets"),
    [
        ("task_view", {"province", "doc_type", "issue_year", "due_year", "lead"}),
        ("assignment_view", {"role", "agency", "province", "agency_kind", "due_year"}),
        ("document_view", {"province", "doc_type", "issue_year"}),
    ],
)
def test_default_facets(served, table, facets):
    data = _json(served, f"/kehoach/{table}.json")
    results = data["facet_results"]
    assert facets <= set(results)  # a facet that timed out is missing here
    assert all(results[f]["results"] for f in facets if f != "due_year")


def test_task_view_row_reads_without_joins(served):
    [row] = _rows(served, "/kehoach/task_view.json", task_id=served["task_id"])
    assert row["number"] == "999/KH-UBND" and row["province"] == "Thử Nghiệm"
    assert row["lead"] == "Ban <b>Thử nghiệm</b> Đặc biệt"
    assert row["coordinators"] == "Sở Thử nghiệm <i>Phụ</i>"
    assert (row["due_dates"], row["due_year"], row["section_heading"]) == ("2026-06-30", "2026", "NHIỆM VỤ")


def test_document_view_counts(served):
    [row] = _rows(served, "/kehoach/document_view.json", document_id=served["doc_id"])
    assert (row["tasks"], row["tasks_without_deadline"], row["citations"]) == (1, 0, 0)


# ---------------------------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------------------------
DASHBOARD = METADATA["plugins"]["datasette-dashboards"]["kehoach"]


def test_dashboard_page_lists_its_charts(served):
    html = _get(served, "/-/dashboards/kehoach")
    for slug in ("tasks-per-province", "tasks-per-agency-kind", "deadlines-over-time"):
        assert f'id="chart-{slug}"' in html


@pytest.mark.parametrize("slug", sorted(DASHBOARD["charts"]))
def test_dashboard_chart_queries_return_rows(served, slug):
    sql = re.sub(r"\[\[.*?\]\]", "", DASHBOARD["charts"][slug]["query"])
    rows = _rows(served, "/kehoach.json", sql=sql)
    assert rows
    assert all(isinstance(v, int) and v > 0 for row in rows for k, v in row.items() if k in ("tasks", "documents"))


def test_chart_libraries_are_served_locally(served):
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "dashboards.js"):
        assert _get(served, f"/-/static-plugins/datasette_dashboards/{name}")


def test_index_document_replaces_a_documents_search_rows(tmp_path):
    db = storage.open_db(tmp_path / "k.db")
    doc = _xss_document()
    storage.save_document(db, doc)
    changed = doc.model_copy(deep=True)
    changed.tasks[0].text = "Sở Tài chính thẩm định dự toán"
    storage.save_document(db, changed)
    assert db.execute("SELECT count(*) FROM task_fts").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM task_fts WHERE rowid NOT IN (SELECT id FROM tasks)").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"tham dinh\"'").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM task_fts WHERE task_fts MATCH '\"ra soat\"'").fetchone() == (0,)


def test_csv_downloads_open_in_excel_with_vietnamese(served):
    with urllib.request.urlopen(
        served["url"] + "/kehoach/family_matrix.csv?family=71/NQ-CP&_size=max", timeout=30
    ) as r:
        raw = r.read()
    assert raw.startswith("\ufeff".encode()) and not raw[3:].startswith("\ufeff".encode())
    assert "Đồng Nai" in raw.decode("utf-8-sig")
    with urllib.request.urlopen(served["url"] + "/kehoach/agencies.csv", timeout=30) as r:
        assert r.read().startswith("\ufeff".encode())


def test_topic_search_reads_task_text_only_and_expands_abbreviations(served):
    rows = _rows(served, "/kehoach/topic_in_tasks.json", q="Sở KH&ĐT")
    assert rows and all("kế hoạch và đầu tư" in r["text"].lower() for r in rows)
    spelled = _rows(served, "/kehoach/topic_in_tasks.json", q="so ke hoach va dau tu")
    assert {r["task_id"] for r in rows} == {r["task_id"] for r in spelled}
    # search_tasks also reads agency names: more tasks than those whose text says it
    assert len(_rows(served, "/kehoach/search_tasks.json", q="ke hoach va dau tu")) > len(rows)
