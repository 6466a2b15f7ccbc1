"""HTML -> the lines of SourceText.text, shared by the HTML readers (not a reader itself).

Each block element (paragraph, heading, list item, div) becomes its own line, inner
whitespace collapsed; ``<br>`` breaks a line. A data table becomes one line per ``<tr>``
with its cells separated by tabs; colspan and rowspan are padded with empty cells so the
columns of every row line up. A table used for page layout (one column, nested tables,
or whole articles in a cell) is read as ordinary blocks instead. Bold and italic are
dropped, scripts, styles, form controls and hidden elements are skipped.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from parsers.text.decode import decode_bytes

_BLOCK = """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
    nav ol p pre section summary table tbody td tfoot th thead tr ul"""
_SKIP = """script style noscript template head title meta link svg math canvas iframe frame frameset
    object embed video audio map button select option optgroup textarea input datalist"""
BLOCK_TAGS = frozenset(_BLOCK.split())
SKIP_TAGS = frozenset(_SKIP.split())
ROW_PARENTS = frozenset({"table", "thead", "tbody", "tfoot"})
WHITESPACE = re.compile(r"\s+")
# style="display: none" / "visibility:hidden": blocks the page shows only on a click
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A hidden block this long is a tab of content, not a pop-up: still read it.
HIDDEN_TEXT_LIMIT = 500
# A table cell this long holds a page column, not a value.
LAYOUT_CELL_CHARS = 3000
# Footnote calls: <sup>[1]</sup>, <a href="#_ftn1"><sup>1</sup></a>
FOOTNOTE_CALL = re.compile(r"^\s*\[\s*\d{1,3}\s*\]\s*$")
# A list item that already carries its label: "1. ", "a) ", "II. ", "- "
OWN_LABEL = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)]|[-+•])\s", re.I)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
BREAK = None  # a <br> in the inline buffer


def parse_html(data: bytes, name: str) -> lxml.html.HtmlElement:
    """Decode and parse a page or a fragment (a bare ``<tr>`` list is put back in a table).

    >>> root = parse_html("<tr><td>13/7/2026</td><td>số 37/2026/QĐ-UBND</td></tr>".encode(), "cb.html")
    >>> root.find(".//table/tr") is not None
    True
    """
    text = XML_DECLARATION.sub("", decode_bytes(data, name))
    if not text.strip():
        raise ValueError(f"{name}: empty HTML page")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise ValueError(f"{name}: cannot parse the HTML ({error})") from error
    _wrap_stray_rows(root)
    return root


def _wrap_stray_rows(root: lxml.html.HtmlElement) -> None:
    """Fragments saved from AJAX answers hold ``<tr>`` with no table around them."""
    for row in list(root.iter("tr")):
        parent = row.getparent()
        if parent is None or parent.tag in ROW_PARENTS:
            continue
        previous = row.getprevious()
        if previous is not None and previous.tag == "table" and previous.get("data-wrapped"):
            previous.append(row)  # the row's tail (stray text between rows) moves along: dropped
        else:
            table = etree.Element("table", {"data-wrapped": "1"})
            row.addprevious(table)
            table.append(row)


def tag_of(el) -> str:
    """The element's lower-case tag name; "" for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else ""


def text_length(el) -> int:
    """Characters of visible text under ``el``, runs of whitespace counted once."""
    texts = el.xpath(".//text()[not(ancestor::script or ancestor::style)]")
    return len(WHITESPACE.sub(" ", "".join(texts)).strip())


def is_hidden(el) -> bool:
    """A short block the page hides until a click: ``<div style="display: none">Tải về</div>``."""
    hidden = el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style", "") or "")
    return bool(hidden) and text_length(el) < HIDDEN_TEXT_LIMIT


def _own_rows(table) -> list:
    return table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")


def _own_cells(row) -> list:
    return row.xpath("./td | ./th")


def is_layout_table(table) -> bool:
    """One column, a nested table, a heading or a whole page column in a cell: layout.

    >>> is_layout_table(lxml.html.fragment_fromstring("<table><tr><td>QUỐC HỘI</td></tr></table>"))
    True
    """
    rows = _own_rows(table)
    if table.get("role") == "presentation" or not rows:
        return True
    if max(len(_own_cells(r)) for r in rows) <= 1:
        return True
    if table.xpath(".//table | .//h1 | .//h2 | .//h3"):
        return True
    return any(text_length(c) > LAYOUT_CELL_CHARS for r in rows for c in _own_cells(r))


def _span(cell, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), 50))
    except ValueError:  # colspan="100%"
        return 1


def table_rows(table) -> list[str]:
    """One tab-separated line per row; cells under a rowspan or colspan are empty strings.

    A colspan that runs to the end of its row is not padded.
    """
    lines: list[str] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    for row in _own_rows(table):
        if is_hidden(row):
            continue
        cells: list[str] = []
        column = padding = 0
        for cell in _own_cells(row):
            while pending.get(column, 0) > 0:  # under a rowspan from a row above
                pending[column] -= 1
                cells.append("")
                column += 1
            text = " ".join(render(cell)).replace("\t", " ")
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            cells.extend([text] + [""] * (width - 1))
            padding = width - 1
            if height > 1:
                for c in range(column, column + width):
                    pending[c] = height - 1
            column += width
        last_spanned = max((c for c, v in pending.items() if v > 0), default=-1)
        while column <= last_spanned:  # rowspans from above at the end of a short row
            pending[column] = pending.get(column, 0) - 1
            cells.append("")
            column += 1
            padding = 0
        if padding:  # a colspan to the end of the row: "Tố tụng hình sự" over all four columns
            cells = cells[:-padding]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str | None] = []

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def flush(self) -> None:
        piece: list[str] = []
        for item in [*self.buffer, BREAK]:
            if item is BREAK:
                line = WHITESPACE.sub(" ", "".join(piece)).strip()
                if line:
                    self.lines.append(line)
                piece = []
            else:
                piece.append(item)
        self.buffer = []


def _ol_label(index: int, kind: str) -> str:
    if kind in ("a", "A"):
        label = chr(ord("a") + (index - 1) % 26)
        return label.upper() if kind == "A" else label
    if kind in ("i", "I"):
        numerals = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
        label, rest = "", index
        for numeral, value in numerals:
            while rest >= value:
                label, rest = label + numeral, rest - value
        return label.upper() if kind == "I" else label
    return str(index)


def render(*elements) -> list[str]:
    """The lines of the given elements, in order.

    >>> render(lxml.html.fragment_fromstring("<div><p>Điều 1. <b>Phạm vi</b></p><p>Số: 12</p></div>"))
    ['Điều 1. Phạm vi', 'Số: 12']
    """
    out = _Lines()
    for element in elements:
        _walk(element, out)
        out.flush()
    return out.lines


def _walk(root, out: _Lines) -> None:
    counters: dict = {}  # <ol> element -> items seen
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = tag_of(el)
        if event == "end":
            if tag in BLOCK_TAGS or tag == "br":
                out.flush()
            if el is not root:
                out.text(el.tail)
            continue
        if not tag or tag in SKIP_TAGS or is_hidden(el):
            walker.skip_subtree()
            continue
        if tag == "br":
            out.buffer.append(BREAK)
        elif tag == "sup" and (FOOTNOTE_CALL.match(el.text_content()) or el.xpath("ancestor::a[@href]")):
            walker.skip_subtree()
            continue
        elif tag == "table" and not is_layout_table(el):
            out.flush()
            caption = el.find("caption")
            if caption is not None:
                out.lines.extend(render(caption))
            out.lines.extend(table_rows(el))
            walker.skip_subtree()
            continue
        elif tag == "pre":
            out.flush()
            out.lines.extend(line.rstrip() for line in el.text_content().split("\n") if line.strip())
            walker.skip_subtree()
            continue
        if tag in BLOCK_TAGS:
            out.flush()
        if tag == "li":
            parent = el.getparent()
            if parent is not None and tag_of(parent) == "ol":
                start = int(parent.get("start", "1")) if (parent.get("start") or "").isdigit() else 1
                counters[parent] = counters.get(parent, start - 1) + 1
                if not OWN_LABEL.match(el.text_content()):
                    out.text(f"{_ol_label(counters[parent], parent.get('type', '1'))}. ")
        out.text(el.text)
