"""A person's walk through Datasette in Debian's headless Chromium, with screenshots in output/screenshots/.

Home page -> task view -> a facet -> a folded search -> a canned query -> a task's provenance
-> the charts. Skipped, with the reason, where Chromium or its driver is not installed
(`apt-get install -y chromium chromium-driver`; .ci/run installs them). No browser is downloaded.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest

from pipeline import db_shape, serve
from tests.conftest import copy_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "output" / "screenshots"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's headless Chromium is not installed (apt-get install -y chromium chromium-driver)",
)
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1400",
    "--lang=vi",
]


@pytest.fixture(scope="module")
def site(sample_db, tmp_path_factory):
    path = copy_database(sample_db, tmp_path_factory.mktemp("browser"))
    with serve.running(path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="kehoach-chromium-")
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(browser, condition, timeout: float = 30):
    return WebDriverWait(browser, timeout).until(condition)


def _shot(browser, name: str) -> None:
    assert browser.save_screenshot(str(SCREENSHOTS / name))


def _cells(browser, column: str) -> list[str]:
    """The texts of a result column, read again if the page replaced the table meanwhile."""
    selector = f"table.rows-and-columns td.col-{column}"
    for _ in range(5):
        try:
            return [td.text for td in browser.find_elements(By.CSS_SELECTOR, selector)]
        except StaleElementReferenceException:
            time.sleep(0.2)
    return [td.text for td in browser.find_elements(By.CSS_SELECTOR, selector)]


def _page_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if "favicon" not in e["message"]]


def test_home_page_leads_to_the_task_view(site, browser):
    browser.get(site + "/")
    assert "kehoach" in browser.title
    _shot(browser, "01-home.png")
    browser.find_element(By.LINK_TEXT, "One row per task").click()
    _wait(browser, EC.url_contains("/kehoach/task_view"))
    assert _cells(browser, "text")


def test_task_view_facet_filters_rows(site, browser):
    browser.get(site + "/kehoach/task_view")
    link = _wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, "#facet-province li a")))
    province = link.text
    link.click()
    _wait(browser, EC.url_contains("province="))
    cells = _cells(browser, "province")
    assert cells and set(cells) == {province}
    _shot(browser, "02-task-view-facet.png")


def test_search_without_diacritics(site, browser):
    browser.get(site + "/kehoach/task_view")
    box = browser.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("dau tu", Keys.ENTER)
    _wait(browser, EC.url_contains("_search="))
    columns = [_cells(browser, c) for c in ("text", "lead", "coordinators", "report_to")]
    rows = [" ".join(cells) for cells in zip(*columns, strict=True)]
    assert rows
    assert all("dau tu" in db_shape.fold(row) for row in rows)
    _shot(browser, "03-search.png")


def test_canned_query_form(site, browser):
    browser.get(site + "/kehoach/tasks_of_agency")
    field = browser.find_element(By.CSS_SELECTOR, "input[name=agency]")
    field.send_keys("ke hoach va dau tu")
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=role]")).select_by_value("lead")
    field.send_keys(Keys.ENTER)
    _wait(browser, EC.url_contains("agency="))  # the submitted page, not the empty form
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table.rows-and-columns td.col-agency")))
    assert "Sở Kế hoạch và Đầu tư" in _cells(browser, "agency")
    assert "agency=ke+hoach+va+dau+tu" in browser.current_url
    _shot(browser, "04-canned-query.png")


def test_provenance_link_highlights_the_task(site, browser):
    browser.get(site + "/kehoach/task_view?" + urllib.parse.urlencode({"_search": "Sở Kế hoạch và Đầu tư"}))
    link = _wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, "td.col-provenance a")))
    task_text = _cells(browser, "text")[0]
    link.click()
    mark = _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "mark#hl")))
    assert mark.text.split()[:3] == task_text.split()[:3]
    assert browser.execute_script("const r = arguments[0].getBoundingClientRect(); return r.top < innerHeight;", mark)
    _shot(browser, "05-provenance.png")


def test_charts_render(site, browser):
    browser.get(site + "/-/dashboards/kehoach")
    for chart in ("tasks-per-province", "tasks-per-agency-kind", "deadlines-over-time"):
        drawn = f"#chart-{chart} canvas, #chart-{chart} svg"
        _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, drawn)))
    metric = browser.find_element(By.CSS_SELECTOR, "#chart-task-count p")
    assert int(metric.text) > 0
    assert _page_errors(browser) == []
    _shot(browser, "06-charts.png")
