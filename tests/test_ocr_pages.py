"""Page images before and around Tesseract: ruled tables found from their rules, a skewed page
levelled, a page turned sideways set upright and its table read cell by cell.

The grid and skew tests draw or turn images and run no OCR (milliseconds); the last test OCRs
one landscape table page of ``corpus/ocr-eval/`` turned sideways (a few seconds).
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from parsers.sites import _ocr_page, _page_image, _ruled_tables
from parsers.sites._ocr import Word
from parsers.sites._ruled_tables import Cell, Table
from tests.conftest import ROOT
from tests.test_ocr import DECISION_PAGE, needs_tesseract

# Pages of Lào Cai's decision as a black-and-white scanner makes them; the third, a landscape table.
LAO_CAI_SCAN = ROOT / "corpus" / "ocr-eval" / "lao-cai__QD-UBND-2026-uy-quyen-SCT.tif"


def _ruled_page() -> Image.Image:
    """A 300 dpi page with a 3 x 3 table whose first row's last two cells are one, whose first
    column's last two cells are one, an underline (a rule with no crossing rule) and a frame
    around the page (a box of one column): neither is a table."""
    page = Image.new("L", (1500, 1200), 255)
    draw = ImageDraw.Draw(page)
    xs, ys = (100, 400, 900, 1400), (300, 500, 800, 1100)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=0, width=3)
    draw.rectangle((896, ys[0] + 3, 904, ys[1] - 3), fill=255)  # no rule between the merged columns
    draw.rectangle((xs[0] + 3, 796, xs[1] - 3, 804), fill=255)  # no rule between the merged rows
    draw.line((300, 150, 900, 150), fill=0, width=3)  # an underline
    draw.rectangle((50, 30, 1450, 1170), outline=0, width=3)  # the page's frame: one column, no table
    draw.rectangle((150, 350, 200, 380), fill=0)  # ink in the first cell
    return page


def test_a_ruled_table_is_found_with_its_merged_cells_in_the_grid():
    page = _ruled_page()
    dark = _ruled_tables.dark_pixels(page)
    [table] = _ruled_tables.find_tables(_ruled_tables.rule_pixels(dark, 300), 300)
    assert (table.grid_rows, table.grid_columns) == (3, 3)
    spans = [(c.row, c.column, c.rows, c.columns) for c in table.cells]
    assert spans == [(0, 0, 1, 1), (0, 1, 1, 2), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]
    left, top, right, bottom = table.cells[0].box
    assert 100 < left < 110 and 300 < top < 310 and 390 < right < 400 and 490 < bottom < 500
    assert _ocr_page._ink_box(dark, table.cells[0].box, 300) is not None
    assert _ocr_page._ink_box(dark, table.cells[1].box, 300) is None


def _cell_word(text: str) -> Word:
    return Word(text=text, conf=95, left=0, top=0, width=10, height=10, line=(1, 1, 1))


def test_table_rows_are_lines_of_cells_padded_like_a_word_table():
    cells = (
        Cell(0, 0, 1, 1, (0, 0, 1, 1)),
        Cell(0, 1, 1, 2, (0, 0, 1, 1)),  # spans to the row's end: no padding after it
        Cell(1, 0, 2, 1, (0, 0, 1, 1)),  # spans down: an empty cell in the row below
        Cell(1, 1, 1, 1, (0, 0, 1, 1)),
        Cell(1, 2, 1, 1, (0, 0, 1, 1)),
        Cell(2, 1, 1, 1, (0, 0, 1, 1)),
        Cell(2, 2, 1, 1, (0, 0, 1, 1)),
    )
    table = Table((0, 0, 1, 1), 3, 3, cells)
    words = {
        cells[i]: [_cell_word(t) for t in text.split()]
        for i, text in enumerate(["I.", "Lĩnh vực", "1", "a", "", "b", "c"])
    }
    lines = _ocr_page._table_lines(table, words)
    assert [line.text for line in lines] == ["I.\tLĩnh vực", "1\ta\t", "\tb\tc"]
    assert all(line.in_table for line in lines)


@pytest.mark.parametrize("angle", [1.4, -2.5])
def test_a_skewed_page_is_levelled(angle):
    page = Image.open(DECISION_PAGE).convert("L")
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert _page_image.skew(_ruled_tables.dark_pixels(turned)) == pytest.approx(-angle, abs=0.2)
    assert abs(_page_image.skew(_ruled_tables.dark_pixels(page))) < _page_image.MIN_SKEW


@needs_tesseract
def test_a_table_page_turned_sideways_is_set_upright_and_read_cell_by_cell():
    with Image.open(LAO_CAI_SCAN) as scan:
        scan.seek(2)
        page = scan.convert("L")
    sideways = page.rotate(90, expand=True)  # a landscape page scanned in portrait
    reading = _ocr_page.read_page(sideways, dpi=300)
    assert (reading.turned, reading.tables) == (90, 1)
    rows = [line.text.split("\t") for line in reading.lines if line.in_table]
    assert len(rows) == 9 and all(len(row) in (2, 7) for row in rows)
    assert rows[0][0] == "STT" and rows[0][3].startswith("DANH MỤC TTHC")
    body = next(row for row in rows if "1.014967" in row)
    assert body.index("1.014967") == 5 and body[2].startswith("Khoản 2 Điều 3 Thông tư số 15/2026/TT-BCT")
    assert "Lĩnh vực Vận chuyển hàng hóa nguy hiểm" in [cell for row in rows for cell in row]
