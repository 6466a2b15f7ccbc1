"""thuvienphapluat.vn: document pages ``/van-ban/<Lĩnh-vực>/<Tên>-<id>.aspx`` and the pages listing them.

A search or field page lists document pages; a document page is the document, with the
PDF/Word files it links to as its originals.
"""

from __future__ import annotations

import re
import urllib.parse

from parsers.sites._html import parse_html
from parsers.sites.links.models import PageLinks
from parsers.sites.links.pages import site_page

SITE = "thuvienphapluat"
HOSTS = ("thuvienphapluat.vn", "m.thuvienphapluat.vn")
# /van-ban/Giao-duc/Thong-tu-19-2018-TT-BGDDT-kiem-dinh-chat-luong-392948.aspx
DOCUMENT_URL = re.compile(r"/van-ban/[^/?#]+/[^/?#]+-\d+\.aspx(?:$|[?#])", re.I)


def matches(url: str, data: bytes) -> bool:
    return (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.") in HOSTS


def page_links(url: str, data: bytes) -> PageLinks:
    """The links a crawl follows from a page of the site saved from ``url``.

    >>> url = "https://thuvienphapluat.vn/van-ban/Giao-duc/Thong-tu-19-2018-TT-BGDDT-a-392948.aspx"
    >>> page_links(url, b"<p>x</p>").kind
    'document'
    """
    return site_page(SITE, url, parse_html(data, url), DOCUMENT_URL)
