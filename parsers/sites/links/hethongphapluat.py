"""hethongphapluat.com: document pages (``/<loai>-<so>-...-<id>.html`` style) and the pages listing them.

A document page's address names the document ("quyet-dinh-350-qd-ubnd-...html"); a
listing or search page links to such pages.
"""

from __future__ import annotations

import re
import urllib.parse

from parsers.sites._html import parse_html
from parsers.sites.links.models import PageLinks
from parsers.sites.links.pages import site_page

SITE = "hethongphapluat"
HOSTS = ("hethongphapluat.com",)
# /quyet-dinh-350-qd-ubnd-2021-ke-hoach-lien-ket-phat-trien-vung.html, /ke-hoach-144-kh-ubnd-....html
DOCUMENT_URL = re.compile(
    r"/(?:quyet-dinh|ke-hoach|chi-thi|nghi-quyet|nghi-dinh|thong-tu|cong-van|thong-bao|luat|van-ban-hop-nhat)"
    r"-[^/?#]*\d[^/?#]*\.html?(?:$|[?#])",
    re.I,
)


def matches(url: str, data: bytes) -> bool:
    return (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.") in HOSTS


def page_links(url: str, data: bytes) -> PageLinks:
    """The links a crawl follows from a page of the site saved from ``url``.

    >>> page_links("https://hethongphapluat.com/quyet-dinh-350-qd-ubnd-2021-ke-hoach.html", b"<p>x</p>").kind
    'document'
    """
    return site_page(SITE, url, parse_html(data, url), DOCUMENT_URL)
