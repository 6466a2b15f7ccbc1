"""Links shared by sites whose pages are plain HTML: document links by URL shape, files, "next"."""

from __future__ import annotations

import re
import urllib.parse

from parsers.sites.links.common import absolute, is_original, number_in, short_date, squash, unique
from parsers.sites.links.models import DocumentLink, PageLinks

# The text of a "next page" link: "Sau", "Trang sau", "Tiếp", "›", "»", "Next"
NEXT_TEXT = re.compile(r"^(?:trang\s+)?(?:sau|tiếp(?:\s+theo)?|next)\s*[›»>]*$|^[›»>]{1,2}$", re.I)


def anchors(root, base: str) -> list[tuple[str, str]]:
    out = []
    for a in root.iter("a"):
        url = absolute(base, a.get("href"))
        if url:
            out.append((url, squash(a.text_content())))
    return out


def next_page(root, base: str) -> str | None:
    """The page a ``rel="next"`` link or a "Trang sau" / "»" link leads to."""
    for a in root.iter("a", "link"):
        if "next" in (a.get("rel") or "").lower().split() or (
            a.tag == "a" and NEXT_TEXT.match(squash(a.text_content()))
        ):
            url = absolute(base, a.get("href"))
            if url and url != base:
                return url
    return None


def site_page(site: str, url: str, root, document_url: re.Pattern) -> PageLinks:
    """A page of a site whose document pages have a recognisable URL.

    The page is itself a document when its URL has that shape (its originals are the
    PDF/Word files it links to); otherwise it is a listing of the document pages it links to.
    """
    links = anchors(root, url)
    if document_url.search(url):
        originals = unique(u for u, _ in links if is_original(u))
        return PageLinks(url=url, site=site, kind="document", documents=[DocumentLink(page=url, originals=originals)])
    documents: dict[str, DocumentLink] = {}
    for link, text in links:
        if document_url.search(link) and link not in documents:
            documents[link] = DocumentLink(title=text, number=number_in(text), page=link)
    kind = "listing" if documents else "other"
    return PageLinks(url=url, site=site, kind=kind, documents=list(documents.values()), next_page=next_page(root, url))


def files_page(site: str, url: str, root) -> PageLinks:
    """Any other page: the PDF/Word files it links to, and the pages of its own site whose
    link text names a document by number ("Quyết định số 2926/QĐ-UBND ngày 20/11/2025 ..."),
    are the documents it lists."""
    documents = {}
    host = urllib.parse.urlsplit(url).netloc
    for link, text in anchors(root, url):
        if link in documents:
            continue
        if is_original(link):
            documents[link] = DocumentLink(title=text, number=number_in(text), originals=[link])
        elif urllib.parse.urlsplit(link).netloc == host and number_in(text) and link != url:
            documents[link] = DocumentLink(title=text, number=number_in(text), date=short_date(text), page=link)
    kind = "listing" if documents else "other"
    return PageLinks(url=url, site=site, kind=kind, documents=list(documents.values()), next_page=next_page(root, url))
