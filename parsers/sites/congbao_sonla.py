"""Công báo tỉnh Sơn La (congbao.sonla.gov.vn, a Lotus Domino site): gazette listings.

The pages list gazette issues ("Số 47 Ngày 25/7/2026") and the documents an issue
publishes (date, "Quyết định của UBND tỉnh số 37/2026/QĐ-UBND bãi bỏ ...", attached file,
page). The documents themselves are attached .doc files, so every page of the site is a
listing: ``hints["kind"] = "listing"``, one line per listed issue or document.
"""

from __future__ import annotations

import re

from lxml import etree

from parsers.models import SourceText
from parsers.sites._html import is_layout_table, parse_html, render, table_rows
from parsers.sites._page import HTML_EXTENSIONS, looks_like_html

SITE = "congbao_sonla"
# The file names it reads (a page also by its first tag or the site\'s markers)
EXTENSIONS = HTML_EXTENSIONS
# "/congbao.nsf/GazettesByYearMonth?OpenView", "<meta name="DC.Identifier" content="congbao.sonla.gov.vn">",
# the documents table: "<span class='doc-notation'>số 37/2026/QĐ-UBND</span>"
SITE_MARKERS = re.compile(rb"congbao\.sonla\.gov\.vn|/congbao\.nsf/|class='doc-notation'|class=\"doc-notation\"")
# The issue links carry the full date in an attribute: value='Số 47 Ngày 25/7/2026'
ISSUE_VALUE = re.compile(r"^Số\s.*Ngày\s+\d{1,2}/\d{1,2}/\d{4}$")
BULLET = re.compile(r"^[‣•▸►◦·\s]+")
# A listed issue or document: "13/7/2026", "ngày 25 tháng 07 năm 2026", "số 37/2026/QĐ-UBND"
LISTED = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng|\bsố\s+\d", re.I)


def matches(name: str, data: bytes) -> bool:
    """A page of the Sơn La gazette: ``/congbao.nsf/`` links or its ``doc-notation`` spans."""
    return looks_like_html(name, data) and SITE_MARKERS.search(data) is not None


def _issue_dates(root) -> None:
    """Put the full date into the issue links: "Số 47 Ngày 25/7" -> "Số 47 Ngày 25/7/2026"."""
    for span in root.xpath("//a/span[@value]"):
        value = " ".join(span.get("value", "").split())
        if ISSUE_VALUE.match(value):
            link = span.getparent()
            for child in list(link):
                child.drop_tree()
            link.text = value
    for link in root.xpath("//a[contains(@class, 'gazette-no')]"):
        link.addnext(etree.Element("br"))  # the links follow each other with nothing between


def _listing_lines(root) -> list[str]:
    """The gazette's own listings, without the site's menus, search form and footer."""
    center = root.xpath("//td[contains(@class, 'cb-td-center-main')]")
    if center:
        scope = center[0]
        for form in scope.xpath(".//div[@id='search']"):
            results = form.xpath(".//div[contains(@class, 'divData')]//table")
            rows = [r for t in results for r in table_rows(t)[1:]]  # the first row is the header
            if rows:
                form.getparent().replace(form, results[0])
            else:
                form.drop_tree()
        return render(scope)
    body = root.body if root.find(".//body") is not None else root
    lines: list[str] = []
    for table in body.iter("table"):
        if table.xpath("ancestor::table"):
            continue
        rows = render(table) if is_layout_table(table) else table_rows(table)
        # the site's tables have icon columns: empty cells carry nothing here
        lines.extend("\t".join(c for c in line.split("\t") if c) for line in rows)
    return lines or render(body)


def read(name: str, data: bytes) -> SourceText:
    """Read a listing page of the Sơn La gazette.

    >>> row = "<tr><td>13/7/2026</td><td><span class='doc-notation'>số 37/2026/QĐ-UBND</span></td></tr>"
    >>> read("cb.html", row.encode()).text
    '13/7/2026\\tsố 37/2026/QĐ-UBND'
    """
    root = parse_html(data, name)
    _issue_dates(root)
    lines = [BULLET.sub("", line) for line in _listing_lines(root)]
    lines = [line for line in lines if line.strip()]
    if not lines:
        raise ValueError(f"{name}: no text found in the Sơn La gazette page")
    items = sum(1 for line in lines if LISTED.search(line))
    hints = {"layout": "paragraphs", "kind": "listing", "items": str(items)}
    return SourceText(source=name, site=SITE, text="\n".join(lines), hints=hints)
