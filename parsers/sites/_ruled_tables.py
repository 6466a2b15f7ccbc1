"""Ruled tables on a page image: their grid of cells, found from the rule lines alone.

Not a reader (``_ocr`` uses it). Dark pixels (Otsu's threshold) in runs longer than
``RULE_INCHES`` are rule lines: horizontal runs make horizontal rules, vertical runs vertical
ones (a letter's strokes are shorter than a text line is high). Rules that cross each other
make a table when there are at least two of each and they draw two columns or more. The
table's grid is every rule's position; two neighbouring grid cells with no rule between them
are one merged cell (a cell spanning rows or columns), so each cell keeps its place in the
grid as a Word table's cell does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# A run of dark pixels this long is a rule, not a letter's stroke (0.3 in: 90 px at 300 dpi).
RULE_INCHES = 0.3
# Rules closer than this are one rule (a double line, a thick scanned stroke); also the slack
# when deciding whether two rules cross.
NEAR_INCHES = 0.05
# A rule present over at least this share of a grid cell's side separates it from its neighbour.
BORDER_SHARE = 0.5


@dataclass(frozen=True)
class Rule:
    """A rule line: its position across (``start``-``end``: its thickness) and its pieces along."""

    start: int
    end: int
    segments: tuple[tuple[int, int], ...]

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2

    def covers(self, low: float, high: float) -> float:
        """The share of ``low``-``high`` (along the rule) its pieces cover."""
        if high <= low:
            return 0.0
        covered = sum(max(0.0, min(high, b) - max(low, a)) for a, b in self.segments)
        return covered / (high - low)

    def reaches(self, position: float, slack: float) -> bool:
        return any(a - slack <= position <= b + slack for a, b in self.segments)


@dataclass(frozen=True)
class Cell:
    """A cell: its first grid row and column, how many it spans, its box inside the rules."""

    row: int
    column: int
    rows: int
    columns: int
    box: tuple[int, int, int, int]  # left, top, right, bottom in page pixels


@dataclass(frozen=True)
class Table:
    box: tuple[int, int, int, int]
    grid_rows: int
    grid_columns: int
    cells: tuple[Cell, ...]


def dark_pixels(image: Image.Image) -> np.ndarray:
    """True where the grey page is ink, by Otsu's threshold (the one that best splits the
    histogram); nothing on a page of one grey level."""
    grey = np.asarray(image.convert("L"))
    histogram = np.bincount(grey.ravel(), minlength=256).astype(float)
    if np.count_nonzero(histogram) < 2:
        return np.zeros(grey.shape, dtype=bool)
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mass = np.cumsum(histogram * levels)
    total, total_mass = weight[-1], mass[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * weight / total - mass) ** 2 / (weight * (total - weight))
    return grey <= int(np.nanargmax(between[:-1]))


def _long_runs(dark: np.ndarray, length: int) -> np.ndarray:
    """The pixels of runs of at least ``length`` dark pixels along each row: an opening by a
    1 x length line, each half in log2(length) shifted ANDs or ORs of the whole page."""
    runs = dark.copy()
    width = 1
    while width < length:  # runs[x]: dark from x over ``width`` pixels, the width doubling
        step = min(width, length - width)
        runs[:, :-step] &= runs[:, step:]
        runs[:, -step:] = False
        width += step
    width = 1
    while width < length:  # then dark where such a run starts up to length - 1 pixels before
        step = min(width, length - width)
        runs[:, step:] |= runs[:, :-step]
        width += step
    return runs


def _spans(flags: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """Runs of True in a 1-D array, runs closer than ``gap`` joined: [(first, last), ...]."""
    where = np.flatnonzero(flags)
    if not where.size:
        return []
    breaks = np.flatnonzero(np.diff(where) > gap)
    firsts = np.concatenate(([where[0]], where[breaks + 1]))
    lasts = np.concatenate((where[breaks], [where[-1]]))
    return list(zip(firsts.tolist(), lasts.tolist(), strict=True))


def _rules(lines: np.ndarray, length: int, near: int) -> list[Rule]:
    """Horizontal rules of a mask of rule pixels (rows: across, columns: along)."""
    rules = []
    for start, end in _spans(lines.any(axis=1), near):
        segments = [(a, b) for a, b in _spans(lines[start : end + 1].any(axis=0), near) if b - a + 1 >= length]
        if segments:
            rules.append(Rule(start, end, tuple(segments)))
    return rules


def _crossing(h: Rule, v: Rule, slack: int) -> bool:
    return h.reaches(v.middle, slack) and v.reaches(h.middle, slack)


def _groups(hs: list[Rule], vs: list[Rule], slack: int) -> list[tuple[list[Rule], list[Rule]]]:
    """Rules joined by crossings: each group's horizontal and vertical rules."""
    parent = list(range(len(hs) + len(vs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _crossing(h, v, slack):
                parent[root(i)] = root(len(hs) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(root(len(hs) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _grid_lines(rules: list[Rule], low: int, high: int, near: int) -> list[tuple[float, Rule | None]]:
    """Grid positions across: each rule's middle, and the table's edge where no rule draws it."""
    lines: list[tuple[float, Rule | None]] = [(r.middle, r) for r in sorted(rules, key=lambda r: r.middle)]
    if lines[0][0] - low > near:
        lines.insert(0, (float(low), None))
    if high - lines[-1][0] > near:
        lines.append((float(high), None))
    return lines


def _merged(rows: list, columns: list, slack: int) -> list[list[tuple[int, int]]]:
    """Grid cells joined where no rule separates them, each group as its (row, column) list."""
    n_rows, n_cols = len(rows) - 1, len(columns) - 1
    parent = {(i, j): (i, j) for i in range(n_rows) for j in range(n_cols)}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    for i in range(n_rows):
        top, bottom = rows[i][0] + slack, rows[i + 1][0] - slack
        for j in range(n_cols):
            left, right = columns[j][0] + slack, columns[j + 1][0] - slack
            v = columns[j + 1][1]
            if j + 1 < n_cols and (v is None or v.covers(top, bottom) < BORDER_SHARE):
                parent[root((i, j + 1))] = root((i, j))
            h = rows[i + 1][1]
            if i + 1 < n_rows and (h is None or h.covers(left, right) < BORDER_SHARE):
                parent[root((i + 1, j))] = root((i, j))
    groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for cell in parent:
        groups.setdefault(root(cell), []).append(cell)
    return list(groups.values())


def _table(hs: list[Rule], vs: list[Rule], near: int) -> Table:
    left = min(a for h in hs for a, _ in h.segments)
    right = max(b for h in hs for _, b in h.segments)
    top = min(a for v in vs for a, _ in v.segments)
    bottom = max(b for v in vs for _, b in v.segments)
    rows = _grid_lines(hs, top, bottom, near)
    columns = _grid_lines(vs, left, right, near)
    cells = []
    for group in _merged(rows, columns, near):
        r0, r1 = min(i for i, _ in group), max(i for i, _ in group)
        c0, c1 = min(j for _, j in group), max(j for _, j in group)
        box = (
            _inner(columns[c0], low=True),
            _inner(rows[r0], low=True),
            _inner(columns[c1 + 1], low=False),
            _inner(rows[r1 + 1], low=False),
        )
        cells.append(Cell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, box))
    cells.sort(key=lambda c: (c.row, c.column))
    return Table((left, top, right, bottom), len(rows) - 1, len(columns) - 1, tuple(cells))


def _inner(line: tuple[float, Rule | None], low: bool) -> int:
    """A cell's edge just inside the rule at ``line`` (past its thickness and a pixel more)."""
    position, rule = line
    if rule is None:
        return int(position)
    return rule.end + 2 if low else rule.start - 2


@dataclass(frozen=True)
class Rules:
    """The page's rule pixels: those of long horizontal runs and of long vertical runs."""

    horizontal: np.ndarray
    vertical: np.ndarray


def _lengths(dpi: float) -> tuple[int, int]:
    return max(int(RULE_INCHES * dpi), 8), max(int(NEAR_INCHES * dpi), 2)


def rule_pixels(dark: np.ndarray, dpi: float) -> Rules:
    """The pixels of rule lines in a page's ink mask (``dark_pixels``)."""
    length, _ = _lengths(dpi)
    # along rows in memory order both times: a transposed view is several times slower to sum
    return Rules(_long_runs(dark, length), _long_runs(np.ascontiguousarray(dark.T), length).T)


def find_tables(rules: Rules, dpi: float) -> list[Table]:
    """The ruled tables drawn by a page's rule pixels, top to bottom."""
    length, near = _lengths(dpi)
    hs = _rules(rules.horizontal, length, near)
    vs = _rules(rules.vertical.T, length, near)
    tables = [_table(h, v, near) for h, v in _groups(hs, vs, near)]
    # a box of one column (a page's frame, a boxed note) holds text, not a table
    return sorted((t for t in tables if t.grid_columns >= 2), key=lambda t: t.box[1])
