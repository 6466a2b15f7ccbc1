"""Datasette as an analyst sees it at a 1366×768 window, in Debian's headless Chromium:
every canned query and every table page is titled in words (Vietnamese with English), never
SQL or a bare table name, and has a description; the lead and deadline columns are on the
first screen without scrolling sideways; parameters offer the values that exist, read
Vietnamese labels, and a value that matches nothing says so. Skipped without Chromium."""

from __future__ import annotations

import sqlite3
import urllib.parse

import pytest

from pipeline import page_layout, serve
from tests.conftest import copy_database
from tests.test_browser import CHROMEDRIVER, CHROMIUM, _page_errors, _shot, _wait, browser  # noqa: F401
from tests.test_datasette import CANNED_CASES, QUERIES

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's headless Chromium is not installed (apt-get install -y chromium chromium-driver)",
)
By = pytest.importorskip("selenium.webdriver.common.by", reason="selenium is not installed").By
EC = pytest.importorskip("selenium.webdriver.support.expected_conditions", reason="selenium is not installed")
Select = pytest.importorskip("selenium.webdriver.support.ui", reason="selenium is not installed").Select

# Every key column on the page: where its header sits, the visible width, and the sideways scroll.
_KEY_COLUMNS_JS = """
const keys = new Set(arguments[0]);
const table = document.querySelector("table.rows-and-columns");
if (!table) return null;
table.scrollIntoView({block: "start"});
const wrapper = table.closest(".table-wrapper");
const out = {width: document.documentElement.clientWidth, height: innerHeight, scrollX: scrollX,
             wrapperScroll: wrapper ? wrapper.scrollLeft : 0, columns: {}};
for (const th of table.querySelectorAll("thead th")) {
  const name = th.dataset.column || th.textContent.trim();
  if (!keys.has(name)) continue;
  const cell = table.querySelector(`tbody tr td.col-${CSS.escape(name)}`);
  const r = th.getBoundingClientRect(), c = cell.getBoundingClientRect();
  out.columns[name] = {left: r.left, right: r.right, top: r.top, cellBottom: c.bottom, cellTop: c.top};
}
return out;
"""


@pytest.fixture(scope="module")
def site(sample_db, tmp_path_factory):
    path = copy_database(sample_db, tmp_path_factory.mktemp("analyst"))
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    with serve.running(path) as url:
        yield url, sorted(tables)


@pytest.fixture(scope="module")
def window(browser):  # noqa: F811 (fixture)
    size = browser.get_window_size()
    browser.set_window_size(1366, 768)
    yield browser
    browser.set_window_size(size["width"], size["height"])


def _pages(tables: list[str]) -> list[tuple[str, str]]:
    # a few rows are enough to measure the columns; suggested facets only cost time here
    queries = [(name, "?" + urllib.parse.urlencode({**CANNED_CASES[name][0], "_size": 8})) for name in sorted(QUERIES)]
    return queries + [(name, "?_size=8&_nosuggest=1") for name in tables if not name.startswith("sqlite_")]


# Each page as the browser receives it: its title, heading, description and column headers.
_READ_PAGES_JS = """
const done = arguments[arguments.length - 1];
Promise.all(arguments[0].map(async (url) => {
  const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
  const text = (selector) => (doc.querySelector(selector) || {textContent: ""}).textContent.trim();
  const headers = [...doc.querySelectorAll("table.rows-and-columns thead th")];
  return {url: url, title: doc.title, h1: text("h1"), description: text(".metadata-description"),
          columns: headers.map((th) => th.dataset.column || th.textContent.trim())};
})).then(done, (error) => done(String(error)));
"""


def _assert_titled_in_words(page: dict, name: str) -> None:
    title, h1 = page["title"], page["h1"]
    assert "SELECT" not in title.upper() and " FROM " not in title.upper(), title
    assert title.split(":")[0].split(" · ")[0].strip() not in (name, "kehoach"), title
    vietnamese, _, english = h1.partition(" — ")
    assert vietnamese and english and h1 != name, (name, h1)
    assert page["description"], f"{name} has no description"


def _assert_key_columns_in_view(window, name: str) -> int:
    found = window.execute_script(_KEY_COLUMNS_JS, sorted(page_layout.KEY_COLUMNS))
    assert found and found["columns"], f"{name} shows no lead or deadline column"
    assert found["scrollX"] == 0 and found["wrapperScroll"] == 0
    for column, box in found["columns"].items():
        assert box["left"] >= 0 and box["right"] <= found["width"], f"{name}.{column} is off screen: {box}"
        assert box["top"] >= -2 and box["cellTop"] < found["height"], f"{name}.{column} is below the screen: {box}"
    return len(found["columns"])


def test_every_page_is_titled_in_words_with_lead_and_deadline_on_screen(site, window):
    url, tables = site
    pages = {f"{url}/kehoach/{name}{query}": name for name, query in _pages(tables)}
    window.get(f"{url}/kehoach")
    window.set_script_timeout(120)
    read = window.execute_async_script(_READ_PAGES_JS, list(pages))
    assert isinstance(read, list) and len(read) == len(pages) > 60, read
    measured = 0
    for page in read:
        name = pages[page["url"]]
        _assert_titled_in_words(page, name)
        if page_layout.KEY_COLUMNS & set(page["columns"]):  # rendered at 1366x768 and measured
            window.get(page["url"])
            _wait(window, EC.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-columns")))
            measured += _assert_key_columns_in_view(window, name)
            if name in ("task_view", "tasks_of_agency"):
                _shot(window, f"analyst-1366-{name}.png")
    assert measured >= 40  # the key columns of the task views and queries were really measured
    assert not _page_errors(window)


def test_parameters_offer_the_values_that_exist_and_read_labels(site, window):
    url, _ = site
    window.get(f"{url}/kehoach/tasks_of_agency?" + urllib.parse.urlencode({"agency": "Sở KH&ĐT", "role": "chủ trì"}))
    role = Select(window.find_element(By.CSS_SELECTOR, "select[name=role]"))
    assert role.first_selected_option.get_attribute("value") == "lead"
    assert [o.text for o in role.options] == [
        "(tất cả — all)",
        "lead — chủ trì",
        "coordinate — phối hợp",
        "report_to — báo cáo",
    ]
    agency = window.find_element(By.CSS_SELECTOR, "input[name=agency]")
    names = [
        o.get_attribute("value")
        for o in window.find_elements(By.CSS_SELECTOR, f"#{agency.get_attribute('list')} option")
    ]
    assert "Sở Kế hoạch và Đầu tư" in names and len(names) > 50
    assert {td.text for td in window.find_elements(By.CSS_SELECTOR, "td.col-agency")} == {"Sở Kế hoạch và Đầu tư"}
    # a province written as people write it finds the province's rows
    window.get(f"{url}/kehoach/recurring_reports?" + urllib.parse.urlencode({"province": "Thành phố Hà Nội"}))
    _wait(window, EC.presence_of_element_located((By.CSS_SELECTOR, "td.col-province")))
    assert {td.text for td in window.find_elements(By.CSS_SELECTOR, "td.col-province")} == {"Hà Nội"}
    # pick a family from the list and run
    window.get(f"{url}/kehoach/family_only_one_province")
    Select(window.find_element(By.CSS_SELECTOR, "select[name=family]")).select_by_value("71/NQ-CP")
    window.find_element(By.CSS_SELECTOR, "form.sql input[type=submit]").click()
    _wait(window, EC.presence_of_element_located((By.CSS_SELECTOR, "td.col-province_2025")))
    assert "family=71%2FNQ-CP" in window.current_url


@pytest.mark.parametrize(
    ("query", "params", "named"),
    [
        ("recurring_reports", {"province": "Atlantis"}, "«Atlantis»"),
        ("tasks_of_agency", {"agency": "Sở Tài chính", "role": "giám sát"}, "«giám sát»"),
        ("family_matrix", {"family": "99/NQ-CP"}, "«99/NQ-CP»"),
    ],
)
def test_a_value_that_matches_nothing_says_so(site, window, query, params, named):
    url, _ = site
    window.get(f"{url}/kehoach/{query}?" + urllib.parse.urlencode(params))
    note = _wait(window, EC.visibility_of_element_located((By.CSS_SELECTOR, "p.kh-no-match")))
    assert named in note.text and "không có trong cơ sở dữ liệu" in note.text
    assert window.find_element(By.CSS_SELECTOR, ".kh-unknown .kh-unknown-note").is_displayed()
    assert not window.find_elements(By.CSS_SELECTOR, "table.rows-and-columns")
    _shot(window, f"analyst-no-match-{query}.png")


def test_long_text_opens_on_click(site, window):
    url, _ = site
    window.get(f"{url}/kehoach/task_view?_size=5")
    clip = _wait(window, EC.element_to_be_clickable((By.CSS_SELECTOR, "td.col-text .kh-clip")))
    closed = clip.size["height"]
    assert clip.get_attribute("title").startswith(clip.text.split("\n")[0][:20])
    clip.click()
    assert "kh-open" in clip.get_attribute("class") and clip.size["height"] >= closed
