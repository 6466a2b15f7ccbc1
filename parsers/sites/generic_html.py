"""Any other HTML page: the element holding the document (``_page.main_content``), rendered
as text without the site around it. A page whose chosen text is mostly links is a listing:
``hints["kind"] = "listing"``.
"""

from __future__ import annotations

from parsers.models import SourceText
from parsers.sites._html import parse_html, render
from parsers.sites._page import HTML_EXTENSIONS, LISTING_LINK_SHARE, looks_like_html, main_content

SITE = "html"
# The file names it reads (a page also by its first tag or the site\'s markers)
EXTENSIONS = HTML_EXTENSIONS


def matches(name: str, data: bytes) -> bool:
    """Any HTML page: ``"quyet-dinh-350.htm"``."""
    return looks_like_html(name, data)


def page_title(root) -> str:
    """The page's ``<title>``: "Kế hoạch 308/KH-UBND - Cổng thông tin điện tử Hà Nội"."""
    title = root.find(".//title")
    return " ".join(title.text_content().split()) if title is not None else ""


def read(name: str, data: bytes) -> SourceText:
    """Read the main text of an HTML page.

    >>> read("qd.html", "<nav>Trang chủ</nav><div><p>Điều 1. Giao Sở Tài chính</p></div>".encode()).text
    'Điều 1. Giao Sở Tài chính'
    """
    root = parse_html(data, name)
    title = page_title(root)
    body = root.body if root.find(".//body") is not None else root
    chosen, link_share = main_content(body)
    lines = render(*chosen)
    if not lines:
        raise ValueError(f"{name}: no text found in the HTML page (is it filled in by JavaScript?)")
    hints = {"layout": "paragraphs"}
    if title:
        hints["page_title"] = title
    if link_share > LISTING_LINK_SHARE:
        hints["kind"] = "listing"
    return SourceText(source=name, site=SITE, text="\n".join(lines), hints=hints)
