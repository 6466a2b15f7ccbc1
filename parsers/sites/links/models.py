"""What a crawler learns from one page: the documents it lists, other listings, the next page."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

PageKind = Literal["listing", "document", "attributes", "diagram", "other"]


class Link(BaseModel):
    """A page to read for more links (a gazette issue of a year's listing)."""

    url: str
    title: str = ""
    date: dt.date | None = None


class DocumentLink(BaseModel):
    """One document a page lists or shows, with the URLs it can be fetched from.

    ``page`` is its full-text page, ``attributes`` its page of facts (read for originals
    only), ``originals`` the files the site attaches (PDF, Word). ``date`` is the date the
    page shows next to it (issued, authenticated or published), used by ``--since``.
    """

    title: str = ""
    number: str | None = None
    date: dt.date | None = None
    page: str | None = None
    attributes: str | None = None
    originals: list[str] = Field(default_factory=list)


class PageLinks(BaseModel):
    """The links of one page that a crawl follows; nothing else on the page is acted on."""

    url: str
    site: str
    kind: PageKind
    documents: list[DocumentLink] = Field(default_factory=list)
    listings: list[Link] = Field(default_factory=list)
    next_page: str | None = None
