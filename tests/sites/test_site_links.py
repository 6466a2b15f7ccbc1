"""The links a crawl follows from each saved page, compared with ``<page>.links.expected.json`` beside it.

``PAGES`` names the saved pages and the address each was saved from (the link modules
resolve relative links against it). A missing expected file is written from the current
output and the test FAILS until a person has reviewed it and run the tests again, as
for ``test_site_examples.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers.sites.links import page_links

HERE = Path(__file__).parent
SUFFIX = ".links.expected.json"
PAGES = {
    "vbpl/vbpl-vn__vbpl_search.html": "https://vbpl.vn/VBQPPL_UserControls/Publishing_22/Timkiem/p_KetQuaTimKiemHopNhat.aspx?IsVietNamese=True&RowPerPage=10&Page=1",
    "vbpl/vbpl-vn__vbpl_v1.html": "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=32801",
    "vbpl/vbpl-vn__vbpl_thuoctinh.html": "https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172",
    "vbpl/vbpl-vn__vbpl_luocdo_phaply.html": "https://vbpl.vn/TW/Pages/vbpq-luocdo.aspx?ItemID=32801",
    "vbpl/vbpl-vn__vbpl_v2.html": "https://vbpl.vn/TW/Pages/vbpq-thuoctinh-hopnhat.aspx?ItemID=147301",
    "congbao_sonla/son-la__congbao-gazettes_by_year_2026.html": "https://congbao.sonla.gov.vn/congbao.nsf/GazettesByYearMonth?OpenView&Count=-1&RestrictToCategory=2026",
    "congbao_sonla/son-la__congbao-documents_by_gazette_sample.html": "https://congbao.sonla.gov.vn/congbao.nsf/DocumentsByGazette?openView&Count=-1&RestrictToCategory=2026%2FNo.%7B47%7D",
    "congbao_sonla/son-la__congbao-danh_muc.html": "https://congbao.sonla.gov.vn/congbao.nsf/DanhMucVB",
    "html/listing.html": "https://sonla.gov.vn/van-ban/",
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_links_of_saved_page(name: str):
    page = HERE / name
    actual = {"url": PAGES[name], "links": page_links(PAGES[name], page.read_bytes()).model_dump(mode="json")}
    expected_path = page.with_name(page.name + SUFFIX)
    if not expected_path.exists():
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.fail(f"wrote {expected_path.relative_to(HERE)}: review it, then run the tests again")
    assert json.loads(expected_path.read_text(encoding="utf-8")) == actual


def test_every_expected_file_has_its_page():
    for expected in HERE.glob(f"*/*{SUFFIX}"):
        assert str(expected.relative_to(HERE)).removesuffix(SUFFIX) in PAGES, expected
