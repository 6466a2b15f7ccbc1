"""Site link modules: a page's HTML and URL -> ``PageLinks`` (documents, listings, next page).

Pure functions, no network: the crawler (``pipeline.crawl``) fetches, these only read.
Every module has ``SITE``, ``matches(url, data)`` (its hosts, or its markers for a saved
copy served elsewhere) and ``page_links(url, data)``. ``MODULES`` lists them; a page no
module claims is read by ``pages.files_page`` (the PDF/Word files it links to).
Adding a site is one module here plus its saved pages under ``tests/sites/links/``.
"""

from __future__ import annotations

from types import ModuleType

from parsers.sites._html import parse_html
from parsers.sites.links import congbao_sonla, hethongphapluat, thuvienphapluat, vbpl
from parsers.sites.links.models import DocumentLink, Link, PageLinks
from parsers.sites.links.pages import files_page

MODULES: tuple[ModuleType, ...] = (vbpl, congbao_sonla, thuvienphapluat, hethongphapluat)

__all__ = ["MODULES", "DocumentLink", "Link", "PageLinks", "page_links"]


def page_links(url: str, data: bytes) -> PageLinks:
    """The links a crawl follows from one page (HTML bytes saved from ``url``).

    >>> page_links("https://so.vn/tin", b'<a href="/files/QD 12.pdf">QD 12/2025/QD-UBND</a>').documents[0].originals
    ['https://so.vn/files/QD%2012.pdf']
    """
    for module in MODULES:
        if module.matches(url, data):
            return module.page_links(url, data)
    return files_page("html", url, parse_html(data, url))
