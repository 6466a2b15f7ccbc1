"""vbpl.vn: the links of search results, full-text, attribute and relation-diagram pages.

- Search results (``div.item`` per document): the title and its "Toàn văn" (full text),
  "Thuộc tính" (attributes) and attached-file links (``javascript:downloadfile('name',
  '/TW/Lists/vbpq/Attachments/147301/31.VBHN.VPQH.doc')``), the date on the right
  ("Ngày xác thực: 07/12/2020"). The results are the answer of an AJAX endpoint
  (``p_KetQuaTimKiemVanBan.aspx?...&Page=1``); the "Sau" (next) link is a script call
  ``NexpageHN('','2')``, so the next page is this URL with ``Page=2``.
- Full text (``#toanvancontent``): the document itself and its attached originals.
- Attributes (``div.vbProperties``): the full-text link, the originals, the issue date.
- Relation diagram (``div.luocdo``): one entry per related document with its links.
"""

from __future__ import annotations

import re
import urllib.parse

from parsers.sites._html import parse_html
from parsers.sites.links.common import absolute, is_original, number_in, short_date, squash, unique, with_query
from parsers.sites.links.models import DocumentLink, PageLinks
from parsers.sites.vbpl import SITE_MARKERS

SITE = "vbpl"
HOSTS = ("vbpl.vn",)
# javascript:NexpageHN('','2') / Nexpage('divResultSearch','2')
NEXT_CALL = re.compile(r"Nexpage\w*\(\s*'[^']*'\s*,\s*'(?P<page>\d+)'\s*\)")
ITEM_ID = re.compile(r"[?&]ItemID=(\d+)", re.I)
ISSUE_LABELS = ("ban hành", "xác thực", "hiệu lực")


def _class(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def matches(url: str, data: bytes) -> bool:
    host = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")
    return host in HOSTS or SITE_MARKERS.search(data) is not None


def _anchors(el, base: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) of the links under ``el`` that lead somewhere."""
    out = []
    for a in el.iter("a"):
        url = absolute(base, a.get("href"))
        if url:
            out.append((url, squash(a.text_content())))
    return out


def _document(anchors: list[tuple[str, str]], title: str = "", item_id: str | None = None) -> DocumentLink:
    """Sort one document's links into full text, attributes and originals."""
    page = attributes = None
    originals = []
    for url, text in anchors:
        lower = url.lower()
        if is_original(url):  # a viewer page (WopiFrame.aspx?sourcedoc=...) is not the file
            if item_id is None or f"/attachments/{item_id}/" in urllib.parse.urlsplit(lower).path:
                originals.append(url)
        elif "thuoctinh" in lower:
            attributes = attributes or url
        elif "toanvan" in lower or text.lower().startswith("toàn văn"):
            page = page or url
    return DocumentLink(
        title=title, number=number_in(title), page=page, attributes=attributes, originals=unique(originals)
    )


def _search_item(item, base: str) -> DocumentLink:
    title_links = item.xpath(f".//p[{_class('title')}]//a")
    heading = squash(title_links[0].text_content()) if title_links else ""
    described = squash(" ".join(d.text_content() for d in item.xpath(f".//div[{_class('des')}]")))
    doc = _document(_anchors(item, base))
    if doc.page is None and title_links:  # no "Toàn văn" link: the title leads to the text, if to a page
        url = absolute(base, title_links[0].get("href"))
        if url and not re.search(r"thuoctinh|luocdo|van-ban-goc-new", url, re.I):
            doc.page = url
    dates = [
        (squash(p.text_content()), short_date(p.text_content())) for p in item.xpath(f".//div[{_class('right')}]//p")
    ]
    date = next((d for text, d in dates if d and any(k in text.lower() for k in ISSUE_LABELS)), None)
    date = date or next((d for _, d in dates if d), None)
    title = " ".join(filter(None, [heading, described]))
    return doc.model_copy(update={"title": title, "number": number_in(heading), "date": date})


def _next_page(root, url: str) -> str | None:
    for a in root.xpath(f"//div[{_class('paging')}]//a"):
        if squash(a.text_content()).lower() not in ("sau", "next", "›", "»"):
            continue
        href = a.get("href") or ""
        called = NEXT_CALL.search(href)
        if called:
            return with_query(url, Page=called["page"])
        return absolute(url, href)
    return None


def _item_id(url: str) -> str | None:
    m = ITEM_ID.search(url)
    return m.group(1) if m else None


def _own_document(root, url: str, kind: str) -> PageLinks:
    """A full-text or attribute page: the document it shows and the files attached to it."""
    item_id = _item_id(url)
    boxes = root.xpath(f"//div[{_class('vbFile')} or {_class('fileAttack')} or {_class('header')}]") or [root]
    anchors = [pair for box in boxes for pair in _anchors(box, url)]
    anchors += [pair for pair in _anchors(root, url) if "downloadfile" not in pair[0]]
    doc = _document(anchors, item_id=item_id)
    facts = " ".join(squash(p.text_content()) for p in root.xpath(f"//div[{_class('vbProperties')}]//tr"))
    m = re.search(r"Ngày ban hành:?\s*(\d{1,2}/\d{1,2}/\d{4})", facts)
    update = {"date": short_date(m.group(1)) if m else None}
    if kind == "document":
        update["page"] = url
    else:
        update["attributes"] = url
        update["number"] = number_in(re.sub(r"^.*?Số ký hiệu", "", facts)) if "Số ký hiệu" in facts else None
    return PageLinks(url=url, site=SITE, kind=kind, documents=[doc.model_copy(update=update)])


def _diagram(root, url: str) -> PageLinks:
    documents = []
    for entry in root.xpath(f"//div[{_class('luocdo')}]//li[.//a[{_class('jTips')}]]"):
        title = squash(entry.xpath(f".//a[{_class('jTips')}]")[0].text_content())
        doc = _document(_anchors(entry, url), title)
        if doc.page or doc.attributes or doc.originals:
            documents.append(doc)
    return PageLinks(url=url, site=SITE, kind="diagram", documents=documents)


def page_links(url: str, data: bytes) -> PageLinks:
    """The links a crawl follows from a vbpl.vn page saved from ``url``.

    >>> page = b'<div class="item"><p class="title">'
    >>> page += b'<a href="/tw/Pages/vbpq-toanvan.aspx?ItemID=7">Luat 1/2020/QH14</a></p></div>'
    >>> page_links("https://vbpl.vn/x.aspx?Page=1", page).documents[0].page
    'https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=7'
    """
    root = parse_html(data, url)
    if root.xpath("//div[@id='toanvancontent' or " + _class("toanvancontent") + "]"):
        return _own_document(root, url, "document")
    if root.xpath(f"//div[{_class('vbProperties')}]"):
        return _own_document(root, url, "attributes")
    if root.xpath(f"//div[{_class('luocdo')}]"):
        return _diagram(root, url)
    items = root.xpath(f"//div[{_class('item')}][.//p[{_class('title')}]]")
    if items:
        documents = [_search_item(item, url) for item in items]
        return PageLinks(url=url, site=SITE, kind="listing", documents=documents, next_page=_next_page(root, url))
    return PageLinks(url=url, site=SITE, kind="other")
