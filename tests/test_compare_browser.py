"""The comparison in Debian's headless Chromium: a document's page links to its family's
comparison page in Datasette, and the report of `kehoach compare` opens from disk.
Screenshots go to output/screenshots/. Skipped, with the reason, without Chromium."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import serve
from pipeline.cli import main
from tests.conftest import copy_database
from tests.test_browser import CHROMEDRIVER, CHROMIUM, _page_errors, _shot, _wait, browser  # noqa: F401

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Debian's headless Chromium is not installed (apt-get install -y chromium chromium-driver)",
)
By = pytest.importorskip("selenium.webdriver.common.by", reason="selenium is not installed").By
EC = pytest.importorskip("selenium.webdriver.support.expected_conditions", reason="selenium is not installed")


@pytest.fixture(scope="module")
def compare_site(sample_db, tmp_path_factory):
    path = copy_database(sample_db, tmp_path_factory.mktemp("compare-browser"))
    with serve.running(path) as url:
        yield url, path


def test_a_member_document_leads_to_its_family_comparison(compare_site, browser):  # noqa: F811 (fixture)
    url, path = compare_site
    with sqlite3.connect(path) as conn:
        doc_id = conn.execute("SELECT id FROM documents WHERE number = '144/KH-UBND'").fetchone()[0]
    browser.get(f"{url}/kehoach/-/document/{doc_id}")
    link = _wait(browser, EC.element_to_be_clickable((By.PARTIAL_LINK_TEXT, "họ văn bản 71/NQ-CP")))
    link.click()
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table.kh-matrix tbody tr")))
    assert browser.title.startswith("So sánh các tỉnh") and "SELECT" not in browser.title
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.kh-matrix thead th")]
    assert {"Bắc Ninh", "Đồng Nai", "Nghệ An", "Đồng Tháp", "Cần Thơ", "Hồ Chí Minh"} <= set(headers)
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.kh-matrix td.kh-cell")) >= 100
    assert browser.find_elements(By.CSS_SELECTOR, "table.kh-matrix td.kh-gap")  # gaps are visible
    assert browser.find_elements(By.CSS_SELECTOR, "svg.kh-timeline circle")
    functions = browser.find_element(By.CSS_SELECTOR, "table.kh-functions").text
    assert "Khoa học và Công nghệ" in functions
    _shot(browser, "compare-family-page.png")
    # a cell's ¶ opens the task in its document
    browser.find_element(By.CSS_SELECTOR, "table.kh-matrix a.kh-prov").click()
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "mark#hl")))
    assert not _page_errors(browser)


def test_the_report_opens_from_disk(sample_db, tmp_path, browser):  # noqa: F811 (fixture)
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["compare", "--db", str(sample_db), "--family", "71/NQ-CP", "--out", str(out)])
    assert result.exit_code == 0, result.output
    browser.get(Path(out / "report.html").resolve().as_uri())
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "table.kh-matrix")))
    assert browser.title == "So sánh các tỉnh — 71/NQ-CP"
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.kh-matrix tbody tr")) >= 30
    assert browser.find_elements(By.CSS_SELECTOR, "td.kh-gap")
    summaries = [s.text for s in browser.find_elements(By.CSS_SELECTOR, "#only-one ~ details summary")]
    assert any(s.startswith("Đồng Nai:") for s in summaries)
    _shot(browser, "compare-report.png")


def test_codes_carry_vietnamese_labels_and_dates_read_dd_mm_yyyy(compare_site, browser):  # noqa: F811 (fixture)
    url, _ = compare_site
    browser.get(f"{url}/kehoach/current_agency_view?number=350%2FQĐ-UBND&agency=Sở+Kế+hoạch+và+Đầu+tư")
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "td.col-role")))
    roles = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.col-role")}
    assert "lead (chủ trì)" in roles
    dates = {td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.col-issue_date")}
    assert dates == {"11/11/2021"}
    assert {td.text for td in browser.find_elements(By.CSS_SELECTOR, "td.col-current_agency")} == {"Sở Tài chính"}
    _shot(browser, "compare-who-does-it-now.png")
