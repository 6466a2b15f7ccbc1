"""Crawl: start pages -> the documents they list -> saved files -> the database.

``crawl(start_urls, db, dest)`` reads listing, search-result and gazette pages with the
site link modules (``parsers.sites.links``), follows their document links, their
"next page" link and the files a document page attaches, and ingests every document
it saves. It is bounded by link depth, by the number of requests (``max_pages``) and by
date (``since``: listed documents dated earlier are left out, and a listing page whose
documents are all older ends the walk through its pages).

Polite and safe by default: one request at a time, ``delay`` seconds apart per host (or
the robots.txt Crawl-delay when longer); robots.txt honoured (unreadable robots.txt:
nothing fetched from that host); only the start hosts (and ``allow_hosts``); every
exchange bounded by ``pipeline.fetch.Limits``.

The fetch log is the ``fetches`` table (written by ``pipeline.storage``): a re-run sends
the stored ETag / Last-Modified back on listing pages (304: the saved copy is read
again), does not ask again for documents already saved (``revalidate`` does, with the
same validators), and so resumes an interrupted crawl where it stopped. A URL that fails
is a ``failures`` row (stage ``fetch``, ``robots`` or ``links``) and the crawl goes on.

Documents and attached originals are saved in ``dest`` (``make ingest`` reads them
offline); listing pages in ``dest/.pages`` (kept to resume, hidden from ingest); the
originals of a document whose full-text page was ingested in ``dest/.originals`` (kept,
not ingested again: one decision, one document).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import urllib.parse
import urllib.robotparser
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from parsers.sites.links import PageLinks, page_links
from pipeline import storage
from pipeline.fetch import FetchError, Limits, Response, download, file_name_for, is_html, save, saved_bytes
from pipeline.ingest import IngestReport, ingest_file

PAGES_DIR = ".pages"  # a dot folder: ingest never reads it
# Originals of a document whose page already gave its text: kept, not ingested a second time.
COPIES_DIR = ".originals"
MAX_CRAWL_DELAY = 60.0
# Roles whose pages are read for links; documents are read for their attached originals too.
NAVIGATION = ("start", "listing", "attributes")


@dataclass
class CrawlOptions:
    depth: int = 2
    max_pages: int = 100
    since: dt.date | None = None
    delay: float = 1.0
    allow_hosts: tuple[str, ...] = ()
    revalidate: bool = False
    robots: bool = True
    follow: bool = True  # False: the start URLs are documents to fetch, nothing is followed
    limits: Limits = field(default_factory=Limits)


@dataclass
class Visit:
    url: str
    role: str  # start, listing, attributes, document, original
    depth: int
    found_on: str | None = None
    copy_of: str | None = None  # for an original: the full-text page of the same document


@dataclass
class CrawlReport:
    requests: int = 0
    saved: list[str] = field(default_factory=list)  # new or changed content
    unchanged: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)  # already saved, not asked again
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (url, why not followed)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (url, stage, reason)
    ingest: IngestReport = field(default_factory=IngestReport)
    stopped: str | None = None


def site_of(url: str) -> str:
    """The host (and port) a URL belongs to: ``https://www.vbpl.vn/x`` -> ``vbpl.vn``."""
    return urllib.parse.urlsplit(url).netloc.lower().removeprefix("www.")


class Polite:
    """One request at a time, ``delay`` apart per host, robots.txt read once per host."""

    def __init__(self, db, options: CrawlOptions, sleep: Callable[[float], None], clock: Callable[[], float]):
        self.db, self.options, self.sleep, self.clock = db, options, sleep, clock
        self.last: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def wait_turn(self, url: str) -> None:
        host = site_of(url)
        delay = self.options.delay
        rules = self.robots.get(host)
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            delay = max(delay, min(float(rules.crawl_delay(self.options.limits.user_agent) or 0), MAX_CRAWL_DELAY))
        if host in self.last:
            wait = self.last[host] + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self.last[host] = self.clock()

    def get(self, url: str, previous: dict | None) -> Response:
        self.wait_turn(url)
        etag = previous.get("etag") if previous else None
        modified = previous.get("last_modified") if previous else None
        return download(url, self.options.limits, etag=etag, last_modified=modified, sleep=self.sleep)

    def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids ``url`` (None when allowed)."""
        if not self.options.robots:
            return None
        host = site_of(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(url)
        rules = self.robots[host]
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(self.options.limits.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def _read_robots(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        parts = urllib.parse.urlsplit(url)
        robots_url = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        rules = urllib.robotparser.RobotFileParser(robots_url)
        row = {"url": robots_url, "final_url": robots_url, "role": "robots", "error": None}
        try:
            response = self.get(robots_url, None)
            rules.parse(response.body.decode("utf-8", errors="replace").splitlines())
            row.update(status=response.status, size=len(response.body), sha256=response.sha256)
        except FetchError as error:
            row.update(status=error.status, error=str(error))
            if error.status is None or error.status >= 500 or error.status == 429:
                storage.save_fetch(self.db, row)
                return f"robots.txt could not be read ({error}); nothing fetched from {parts.netloc}"
            rules.parse([])  # no robots.txt (404, 410 ...): everything allowed
        storage.save_fetch(self.db, row)
        return rules


class Crawler:
    def __init__(
        self, db, dest: Path, options: CrawlOptions, *, detector: bool = True, sleep=time.sleep, clock=time.monotonic
    ):
        # absolute: the fetch log and documents.source name the same file whatever the working folder
        self.db, self.dest, self.options, self.detector = db, Path(dest).resolve(), options, detector
        self.polite = Polite(db, options, sleep, clock)
        self.report = CrawlReport()
        self.queue: deque[Visit] = deque()
        self.seen: set[str] = set()
        self.hosts: set[str] = {h.lower().removeprefix("www.") for h in options.allow_hosts}

    def run(self, start_urls: list[str]) -> CrawlReport:
        for url in start_urls:
            self.hosts.add(site_of(url))
            self.queue.append(Visit(url, "start" if self.options.follow else "document", 0))
        while self.queue:
            visit = self.queue.popleft()
            if visit.url in self.seen:
                continue
            self.seen.add(visit.url)
            try:
                self._visit(visit)
            except _Stop as stop:
                self.report.stopped = str(stop)
                break
        storage.link_citations(self.db)
        return self.report

    def _refusal(self, visit: Visit) -> tuple[str, str] | None:
        """(stage, reason) when the URL is not to be fetched."""
        parts = urllib.parse.urlsplit(visit.url)
        if parts.scheme.lower() not in ("http", "https"):
            return ("fetch", f"{visit.url}: not an http(s) URL")
        if site_of(visit.url) not in self.hosts:
            return ("offsite", f"{visit.url}: another site than the start pages (add --allow-host to follow)")
        if visit.role != "document" or self.options.follow:
            reason = self.polite.refusal(visit.url)
            if reason:
                return ("robots", f"{visit.url}: {reason}")
        return None

    def _visit(self, visit: Visit) -> None:
        refused = self._refusal(visit)
        if refused:
            stage, reason = refused
            if stage == "offsite":
                self.report.skipped.append((visit.url, reason))
            else:
                self._fail(visit, stage, reason)
            return
        previous = storage.previous_fetch(self.db, visit.url)
        saved = Path(previous["path"]) if previous and previous.get("path") else None
        if saved is not None and not saved.is_file():
            previous, saved = None, None  # the saved copy is gone: ask again, unconditionally
        if saved and visit.role in ("document", "original") and not self.options.revalidate:
            self.report.known.append(visit.url)
            if saved.parent == self.dest:  # unchanged files are skipped by hash; an interrupted ingest is finished
                self._ingest(saved)
            return
        if self.report.requests >= self.options.max_pages:
            raise _Stop(f"reached --max-pages {self.options.max_pages}")
        self.report.requests += 1
        try:
            response = self.polite.get(visit.url, previous)
        except FetchError as error:
            self._fail(visit, "fetch", str(error), status=error.status)
            return
        self._answered(visit, response, previous, saved)

    def _answered(self, visit: Visit, response: Response, previous: dict | None, saved: Path | None) -> None:
        row = {"url": visit.url, "final_url": response.final_url, "status": response.status, "role": visit.role}
        row.update(found_on=visit.found_on, error=None, etag=response.etag, last_modified=response.last_modified)
        if response.status == 304 and saved is not None:
            storage.save_fetch(self.db, row)
            self.report.unchanged.append(visit.url)
            self._follow(visit, saved.read_bytes(), response.final_url, html=saved.suffix in (".html", ".htm"))
            if self._is_document_file(saved):
                self._ingest(saved)
            return
        data = saved_bytes(response)
        sha = hashlib.sha256(data).hexdigest()
        links = self._links(visit, response) if visit.role in NAVIGATION or visit.role == "document" else None
        is_document = visit.role in ("document", "original") or (links is not None and links.kind == "document")
        is_document = is_document or (visit.role == "start" and not is_html(response))
        folder = self.dest if is_document else self.dest / PAGES_DIR
        if visit.role == "original" and visit.copy_of and storage.document_from(self.db, visit.copy_of):
            is_document, folder = False, self.dest / COPIES_DIR  # one decision, one document
        if previous and previous.get("sha256") == sha and saved is not None and saved.parent == folder:
            path = saved
            self.report.unchanged.append(visit.url)
        else:
            try:
                path = save(response, folder, file_name_for(response.final_url, response.content_type, data))
            except FetchError as error:
                self._fail(visit, "fetch", str(error), status=response.status)
                return
            self.report.saved.append(visit.url)
        row.update(content_type=response.content_type, size=len(data), sha256=sha, path=str(path))
        storage.save_fetch(self.db, row)
        storage.clear_failure(self.db, visit.url)
        if links is not None:
            self._enqueue(visit, links)
        if is_document:
            self._ingest(path)

    def _is_document_file(self, path: Path) -> bool:
        return path.parent == self.dest

    def _links(self, visit: Visit, response: Response) -> PageLinks | None:
        if not is_html(response):
            return None
        try:
            return page_links(response.final_url, response.body)
        except Exception as error:  # a page the link modules cannot read is one failure, not a stop
            self._fail(visit, "links", f"{visit.url}: {type(error).__name__}: {error}", status=response.status)
            return None

    def _follow(self, visit: Visit, data: bytes, url: str, *, html: bool) -> None:
        """Links of a page answered 304: read from the copy saved last time."""
        if not html or (visit.role not in NAVIGATION and visit.role != "document"):
            return
        try:
            self._enqueue(visit, page_links(url, data))
        except Exception as error:
            self._fail(visit, "links", f"{visit.url}: {type(error).__name__}: {error}")

    def _enqueue(self, visit: Visit, links: PageLinks) -> None:
        if not self.options.follow:
            return
        since, deeper = self.options.since, visit.depth + 1
        recent = [d for d in links.documents if not (since and d.date and d.date < since)]
        for doc in links.documents:
            if doc not in recent:
                self.report.skipped.append(
                    (doc.page or doc.attributes or links.url, f"dated {doc.date}, before --since")
                )
        if deeper <= self.options.depth:
            for doc in recent:
                targets = [(doc.page, "document"), *((o, "original") for o in doc.originals)]
                if not doc.page and not doc.originals:
                    targets.append((doc.attributes, "attributes"))
                for url, role in targets:
                    if url and url != links.url:
                        copy_of = doc.page if role == "original" else None
                        self.queue.append(Visit(url, role, deeper, links.url, copy_of))
            for listing in links.listings:
                if not (since and listing.date and listing.date < since):
                    self.queue.append(Visit(listing.url, "listing", deeper, links.url))
        all_old = links.documents and not recent
        if links.next_page and not all_old:  # the next page is the same list: no deeper
            self.queue.append(Visit(links.next_page, "listing", visit.depth, links.url))

    def _ingest(self, path: Path) -> None:
        ingest_file(self.db, path, self.report.ingest, detector=self.detector)

    def _fail(self, visit: Visit, stage: str, reason: str, status: int | None = None) -> None:
        row = {"url": visit.url, "final_url": None, "status": status, "role": visit.role}
        row.update(found_on=visit.found_on, error=reason)
        storage.save_fetch(self.db, row)
        storage.save_failure(self.db, visit.url, stage, reason)
        self.report.failed.append((visit.url, stage, reason))


class _Stop(Exception):
    pass


def crawl(
    start_urls: list[str],
    db,
    dest: str | Path,
    options: CrawlOptions | None = None,
    *,
    detector: bool = True,
    sleep: Callable[[float], None] = time.sleep,
) -> CrawlReport:
    """Crawl from ``start_urls`` into ``dest`` and the database ``db`` (an open storage database)."""
    return Crawler(db, Path(dest), options or CrawlOptions(), detector=detector, sleep=sleep).run(list(start_urls))
