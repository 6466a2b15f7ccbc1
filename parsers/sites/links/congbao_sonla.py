"""Công báo tỉnh Sơn La (congbao.sonla.gov.vn, Lotus Domino): the links of its listing pages.

The site builds its lists with scripts from Domino views; the crawler reads the views
the scripts would call, built from the attributes the page carries:
- a year's gazette issues (``GazettesByYearMonth``): each issue link's ``doccate``
  ("2026%2FNo.%7B47%7D") names its documents view,
  ``/congbao.nsf/DocumentsByGazette?openView&Count=-1&RestrictToCategory=2026%2FNo.%7B47%7D``;
- the list of "Danh mục văn bản đăng công báo ngày ..." (``a.gazettes-list``): each
  ``attrrestrict`` names ``DocumentsByGazetteDate?openView&RestrictToCategory=...``;
- an issue's documents (``DocumentsByGazette``): one row per document with its date
  ("13/7/2026"), its number (``span.doc-notation``), its attached file (``UNID/$file/QD so
  37.2026.doc``: the document itself) and its form of facts (``NoiDung?openForm&ParentUNID=...``,
  read only when no file is attached).
"""

from __future__ import annotations

import re
import urllib.parse

from parsers.sites._html import parse_html
from parsers.sites.congbao_sonla import SITE_MARKERS
from parsers.sites.links.common import absolute, is_original, number_in, short_date, squash, unique
from parsers.sites.links.models import DocumentLink, Link, PageLinks

SITE = "congbao_sonla"
HOSTS = ("congbao.sonla.gov.vn",)
ISSUE_VALUE = re.compile(r"^Số\s.*Ngày\s+\d{1,2}/\d{1,2}/\d{4}$")
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
SAFE = "%/{}.,"


def matches(url: str, data: bytes) -> bool:
    host = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")
    return host in HOSTS or SITE_MARKERS.search(data) is not None


def _database(href: str) -> str:
    """The Domino database of a link: ``/congbao.nsf/d66e.../9dfc...?OpenDocument`` -> ``/congbao.nsf``."""
    path = urllib.parse.urlsplit(href).path
    m = re.match(r"(/[^/]+\.nsf)(?:/|$)", path, re.I)
    return m.group(1) if m else "/congbao.nsf"


def _issues(root, url: str) -> list[Link]:
    links = []
    for span in root.xpath("//a/span[@value]"):
        value = squash(span.get("value"))
        if not ISSUE_VALUE.match(value):
            continue
        link = span.getparent()
        category = span.get("doccate")
        if category:
            view = f"{_database(link.get('href') or '')}/DocumentsByGazette?openView&Count=-1&RestrictToCategory="
            target = absolute(url, view + urllib.parse.quote(category, safe=SAFE))
        else:
            target = absolute(url, link.get("href"))
        if target:
            links.append(Link(url=target, title=value, date=short_date(value)))
    return links


def _dated_lists(root, url: str) -> list[Link]:
    links = []
    for a in root.xpath("//a[contains(@class, 'gazettes-list')][@attrrestrict]"):
        restrict = urllib.parse.quote(a.get("attrrestrict"), safe=SAFE)
        target = absolute(url, f"DocumentsByGazetteDate?openView&RestrictToCategory={restrict}")
        title = squash(a.text_content())
        m = LONG_DATE.search(title)
        date = short_date(f"{m[1]}/{m[2]}/{m[3]}") if m else None
        if target:
            links.append(Link(url=target, title=title, date=date))
    return links


def _documents(root, url: str) -> list[DocumentLink]:
    documents = []
    for row in root.xpath("//tr[td//span[contains(@class, 'doc-notation')]]"):
        cells = row.xpath("./td")
        title_link = row.xpath(".//a[.//span[contains(@class, 'doc-notation')]]")
        notation = squash(row.xpath(".//span[contains(@class, 'doc-notation')]")[0].text_content())
        files = [absolute(url, a.get("href")) for a in row.xpath(".//div[contains(@class, 'download-links')]//a")]
        documents.append(
            DocumentLink(
                title=squash(title_link[0].text_content()) if title_link else squash(row.text_content()),
                number=number_in(notation),
                date=short_date(cells[0].text_content()) if cells else None,
                # NoiDung?openForm is the form of facts around the attached file, which is the document
                attributes=absolute(url, title_link[0].get("href")) if title_link else None,
                originals=unique(f for f in files if f and is_original(f)),
            )
        )
    return documents


def page_links(url: str, data: bytes) -> PageLinks:
    """The links a crawl follows from a page of the Sơn La gazette saved from ``url``.

    >>> row = "<tr><td>13/7/2026</td><td><a href='NoiDung?openForm&ParentUNID=AB'>"
    >>> row += "<span class='doc-notation'>số 37/2026/QĐ-UBND</span></a></td></tr>"
    >>> url = "https://congbao.sonla.gov.vn/congbao.nsf/DocumentsByGazette?openView"
    >>> page_links(url, row.encode()).documents[0].number
    '37/2026/QĐ-UBND'
    """
    root = parse_html(data, url)
    documents = _documents(root, url)
    listings = _issues(root, url) + _dated_lists(root, url)
    kind = "listing" if documents or listings else "other"
    return PageLinks(url=url, site=SITE, kind=kind, documents=documents, listings=listings)
