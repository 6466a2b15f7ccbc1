"""One page image read by OCR: levelled, turned upright if it reads as noise, its ruled tables
read cell by cell and the rest of the page laid out as lines.

Not a reader (``scan`` is). Tesseract reads a ruled table line by line across the page, so a
cell's lines end up interleaved with its neighbours' and the rules read as "|" or letters.
Here each table (``_ruled_tables``) is blanked from the page before the page is read, its
cells, rules erased, are stacked one under another into one image read in one Tesseract run
(a run costs a fifth of a second to start), and each row of the table's grid becomes one line
of tab-separated cells, padded where a cell spans rows or columns, as the Word reader writes
a table row. Measured figures: README "Scanned documents".
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, replace

import numpy as np
from PIL import Image

import parsers.sites._ocr as _ocr
import parsers.sites._page_image as _page_image
import parsers.sites._ruled_tables as _ruled_tables
from parsers.sites._ocr import Line, Word
from parsers.sites._ruled_tables import Cell, Table

# A page whose words average a lower confidence is asked its orientation: upright pages read
# 85-95, the same pages turned sideways or upside down about 35 (measured).
REREAD_CONFIDENCE = 60
# Stacked cells are set apart by this much white, and cropped with this margin around their ink.
CELL_GAP_INCHES = 0.2
CELL_MARGIN_INCHES = 0.04
# A stacked image is cut before it grows taller than this (Tesseract's images stay well under its limits).
MAX_STACK_PIXELS = 12000
# The stacked cells form one column of text blocks of varying sizes.
CELL_CONFIG = "--psm 4 --oem 1"
# A cell with fewer ink pixels than this square (in inches) holds nothing (a speck).
MIN_INK_INCHES = 0.02


@dataclass
class PageReading:
    lines: list[Line]
    turned: int = 0  # degrees clockwise the page was turned to read it upright
    levelled: float = 0.0  # degrees it was turned by to level its lines
    tables: int = 0

    @property
    def confidence(self) -> float:
        words = [w for line in self.lines for w in line.words]
        return statistics.mean(w.conf for w in words) if words else 0.0


def page_dpi(image: Image.Image) -> float:
    """The resolution of a page image, estimated from its shorter side as an A4 page's."""
    return min(image.size) / _ocr.A4_WIDTH_INCHES


def read_page(image: Image.Image, dpi: float | None = None) -> PageReading:
    """A page as lines in reading order (an empty Line where a paragraph ends)."""
    dpi = dpi or page_dpi(image)
    reading = _read_upright(image, dpi)
    if reading.lines and reading.confidence < REREAD_CONFIDENCE:  # a page without words has nothing to turn
        clockwise = _page_image.orientation(image, dpi)
        if clockwise:
            turned = _read_upright(_page_image.turn(image, clockwise), dpi)
            if turned.confidence > reading.confidence:
                return replace(turned, turned=clockwise)
    return reading


def _read_upright(image: Image.Image, dpi: float) -> PageReading:
    image, dark, angle, rules = _levelled(image, dpi)
    tables = _ruled_tables.find_tables(rules, dpi)
    text_image = image
    if tables:
        text_image = image.copy()
        for table in tables:
            text_image.paste(255, table.box)
    words = _ocr.recognise(text_image)
    if not tables:
        return PageReading(_ocr.layout(words, image.width), levelled=angle)
    ruled = rules.horizontal | rules.vertical
    cells_image = Image.fromarray(np.where(ruled, 255, np.asarray(image)).astype(np.uint8))
    ink = dark & ~ruled
    table_rows = [_table_lines(table, _read_cells(cells_image, ink, table, dpi)) for table in tables]
    return PageReading(_compose(words, tables, table_rows, image.width), levelled=angle, tables=len(tables))


def _levelled(image: Image.Image, dpi: float) -> tuple[Image.Image, np.ndarray, float, _ruled_tables.Rules]:
    """The page levelled if it is skewed and has ruled tables (rules must be level to be found) or
    is skewed a lot; else as it is (Tesseract reads a small skew as well, and turning resamples
    the letters). With its ink, the angle it was turned by, its rule pixels."""
    dark = _ruled_tables.dark_pixels(image)
    angle = _page_image.skew(dark)
    if abs(angle) >= _page_image.MIN_SKEW:
        level = _page_image.level(image, angle)
        level_dark = _ruled_tables.dark_pixels(level)
        rules = _ruled_tables.rule_pixels(level_dark, dpi)
        if abs(angle) >= _page_image.LEVEL_ALWAYS or _ruled_tables.find_tables(rules, dpi):
            return level, level_dark, angle, rules
    return image, dark, 0.0, _ruled_tables.rule_pixels(dark, dpi)


def _compose(words: list[Word], tables: list[Table], table_rows: list[list[Line]], width: int) -> list[Line]:
    """The page's text around its tables: what is above a table, the table, what follows."""
    out: list[Line] = []
    rest = words
    for table, rows in zip(tables, table_rows, strict=True):
        top = table.box[1]
        above = [w for w in rest if (w.top + w.bottom) / 2 < top]
        rest = [w for w in rest if (w.top + w.bottom) / 2 >= top]
        out += [*_ocr.layout(above, width), Line(), *rows, Line()]
    return out + _ocr.layout(rest, width)


def _ink_box(ink: np.ndarray, box: tuple[int, int, int, int], dpi: float) -> tuple[int, int, int, int] | None:
    """The box around a cell's ink, with a margin, inside the cell; None for an empty cell."""
    left, top, right, bottom = box
    area = ink[top:bottom, left:right]
    if area.sum() < (MIN_INK_INCHES * dpi) ** 2:
        return None
    rows, columns = np.flatnonzero(area.any(axis=1)), np.flatnonzero(area.any(axis=0))
    margin = int(CELL_MARGIN_INCHES * dpi)
    return (
        max(left, left + int(columns[0]) - margin),
        max(top, top + int(rows[0]) - margin),
        min(right, left + int(columns[-1]) + 1 + margin),
        min(bottom, top + int(rows[-1]) + 1 + margin),
    )


def _read_cells(image: Image.Image, ink: np.ndarray, table: Table, dpi: float) -> dict[Cell, list[Word]]:
    """Each cell's words in reading order, in page coordinates, the cells read stacked."""
    crops = [(cell, box) for cell in table.cells if (box := _ink_box(ink, cell.box, dpi))]
    gap = int(CELL_GAP_INCHES * dpi)
    words: dict[Cell, list[Word]] = {}
    while crops:
        stack, height = [], gap
        while crops and (not stack or height + crops[0][1][3] - crops[0][1][1] + gap <= MAX_STACK_PIXELS):
            cell, box = crops.pop(0)
            stack.append((height, cell, box))
            height += box[3] - box[1] + gap
        words |= _read_stack(image, stack, height, gap)
    return {cell: [w for row in _ocr.visual_rows(ws) for w in row] for cell, ws in words.items()}


def _read_stack(image: Image.Image, stack: list, height: int, gap: int) -> dict[Cell, list[Word]]:
    width = max(box[2] - box[0] for _, _, box in stack) + 2 * gap
    canvas = Image.new("L", (width, height), 255)
    for top, _, box in stack:
        canvas.paste(image.crop(box), (gap, top))
    words: dict[Cell, list[Word]] = {}
    for word in _ocr.recognise(canvas, CELL_CONFIG):
        if word.conf < _ocr.NOISE_CONFIDENCE and not any(c.isalnum() for c in word.text):
            continue  # a stray mark; a cell's rules are erased, so its words are text, if unsure
        middle = (word.top + word.bottom) / 2
        for top, cell, box in stack:
            if top - gap / 2 <= middle < top + box[3] - box[1] + gap / 2:
                moved = replace(word, left=word.left - gap + box[0], top=word.top - top + box[1])
                words.setdefault(cell, []).append(moved)
                break
    return words


def _table_lines(table: Table, words: dict[Cell, list[Word]]) -> list[Line]:
    """One line per grid row: a cell's words where it starts, nothing where a cell spans over
    from above or the left (a cell spanning to the row's end adds no empty cells)."""
    covering = {
        (r, c): cell
        for cell in table.cells
        for r in range(cell.row, cell.row + cell.rows)
        for c in range(cell.column, cell.column + cell.columns)
    }
    lines = []
    for r in range(table.grid_rows):
        row = [covering[(r, c)] for c in range(table.grid_columns)]
        cells = [words.get(cell, []) if (cell.row, cell.column) == (r, c) else [] for c, cell in enumerate(row)]
        last = row[-1]
        if last.row == r and last.columns > 1:
            cells = cells[: last.column + 1]
        if any(cells):
            lines.append(Line(cells, in_table=True))
    return lines
