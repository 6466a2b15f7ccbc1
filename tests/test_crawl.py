"""pipeline.crawl against real HTTP servers on loopback ports serving saved pages.

Three sites: vbpl.vn search results (saved page) -> full-text page -> attached PDFs; the
Sơn La gazette's year listing (saved page) -> an issue's documents (saved page) -> Word
originals; and a site that misbehaves in every way a crawl must survive. Each URL has
its expected outcome; a second run fetches nothing new.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline import storage
from pipeline.crawl import COPIES_DIR, PAGES_DIR, CrawlOptions, crawl
from pipeline.fetch import Limits

HERE = Path(__file__).parent
SITES = HERE / "sites"
PDF_1 = (SITES / "pdf" / "lao-cai__QD-UBND-2026-uy-quyen-SCT.pdf").read_bytes()
PDF_2 = (SITES / "pdf" / "lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf").read_bytes()
DOCX = (SITES / "docx" / "lao-cai__UBND-KT-2025-giao-SCT-tham-muu.docx").read_bytes()
VBPL_SEARCH = (SITES / "vbpl" / "vbpl-vn__vbpl_search.html").read_bytes()
VBPL_FULLTEXT = (SITES / "vbpl" / "vbpl-vn__vbpl_v1.html").read_bytes()
GAZETTE_YEAR = (SITES / "congbao_sonla" / "son-la__congbao-gazettes_by_year_2026.html").read_bytes()
GAZETTE_ISSUE = (SITES / "congbao_sonla" / "son-la__congbao-documents_by_gazette_sample.html").read_bytes()
HTML = "text/html; charset=utf-8"
PDF = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

VBPL_START = "/VBQPPL_UserControls/Publishing_22/TimKiem/p_KetQuaTimKiemHopNhat.aspx?IsVietNamese=True&Page=1"
GAZETTE_START = "/congbao.nsf/GazettesByYearMonth?OpenView&Count=-1&RestrictToCategory=2026"
STATIC = {
    # vbpl.vn: search results (pages 1 and 2), a full-text page, the attached PDFs
    VBPL_START: (HTML, VBPL_SEARCH),
    VBPL_START.replace("Page=1", "Page=2"): (HTML, VBPL_SEARCH),
    "/tw/Pages/vbpq-van-ban-goc-hopnhat.aspx?ItemID=147301": (HTML, VBPL_FULLTEXT),
    "/TW/Lists/vbpq/Attachments/147301/31.VBHN.VPQH.doc": ("application/msword", b"\xd0\xcf\x11\xe0 Word 97"),
    "/FileData/TW/Lists/vbpq/Attachments/147294/2020_1093%20+%201094_23-VBHN-VPQH..pdf": (PDF, PDF_1),
    "/FileData/TW/Lists/vbpq/Attachments/147294/2020_1095%20+%201096_23-VBHN-VPQH..pdf": (PDF, PDF_2),
    # Sơn La gazette: the year's issues, one issue's documents, one Word original
    GAZETTE_START: (HTML, GAZETTE_YEAR),
    "/congbao.nsf/DocumentsByGazette?openView&Count=-1&RestrictToCategory=2026%2FNo.%7B47%7D": (HTML, GAZETTE_ISSUE),
    "/congbao.nsf/0812CA146F5FEC7447258E3D002529A0/$file/QD%20so%201782.docx": (DOCX_TYPE, DOCX),
    # the misbehaving site
    "/docs/a.pdf": (PDF, PDF_1),
    "/docs/b.pdf": (PDF, PDF_1),  # the same file as a.pdf under another address
}
LISTING = b"""<html><body><h1>V\xc4\x83n b\xe1\xba\xa3n</h1><ul>
<li><a href="/docs/a.pdf">QD 1/2026/QD-UBND</a></li>
<li><a href="/docs/missing.pdf">404</a></li>
<li><a href="/docs/flaky.pdf">500 then 200</a></li>
<li><a href="/docs/busy.docx">429 Retry-After</a></li>
<li><a href="/docs/slow.pdf">one byte at a time</a></li>
<li><a href="/docs/huge.pdf">too big (Content-Length)</a></li>
<li><a href="/docs/endless.pdf">too big (no Content-Length)</a></li>
<li><a href="/docs/loop.pdf">redirect loop</a></li>
<li><a href="/docs/ftp.pdf">redirect to ftp</a></li>
<li><a href="/docs/cut.pdf">truncated</a></li>
<li><a href="/private/secret.pdf">robots.txt says no</a></li>
<li><a href="OFFSITE/docs/elsewhere.pdf">another site</a></li>
<li><a href="javascript:alert(1)">script</a><a href="mailto:a@b.vn">mail</a><a href="ftp://x/y.pdf">ftp</a></li>
</ul><a rel="next" href="/list?page=2">Trang sau</a></body></html>"""
# charset=undefined in the header; the page is Windows-1258 ("Văn bản" with a combining mark)
LISTING_2 = b'<html><body><p>V\xe3n b\xe3\xecn</p><a href="/docs/b.pdf">QD 2/2026</a></body></html>'
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    times: dict = defaultdict(list)
    statuses: list = []
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 - the name http.server calls
        path = self.path
        Handler.hits[path] += 1
        Handler.times[path].append(time.monotonic())
        special = getattr(self, "_" + path.strip("/").replace("/", "_").replace(".", "_").replace("?", "_"), None)
        if path == "/list?page=1" or path == "/list":
            return self._answer(200, HTML, LISTING.replace(b"OFFSITE", self.server.offsite.encode()))
        if path == "/list?page=2":
            return self._answer(200, "text/html; charset=undefined", LISTING_2)
        if path == "/robots.txt":
            return self._answer(200, "text/plain", ROBOTS)
        if special:
            return special()
        if path in STATIC:
            return self._answer(200, *STATIC[path])
        return self._answer(404, "text/html", b"<h1>Not Found</h1>")

    def _docs_flaky_pdf(self):
        if Handler.hits[self.path] == 1:
            return self._answer(500, "text/plain", b"oops")
        return self._answer(200, PDF, PDF_2)

    def _docs_busy_docx(self):
        if Handler.hits[self.path] == 1:
            return self._answer(429, "text/plain", b"slow down", {"Retry-After": "1"})
        return self._answer(200, DOCX_TYPE, DOCX)

    def _docs_slow_pdf(self):
        self._head(200, PDF, len(PDF_1))
        with contextlib.suppress(OSError):
            for byte in PDF_1[:200]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)

    def _docs_huge_pdf(self):
        self._head(200, PDF, 5_000_000)
        with contextlib.suppress(OSError):
            self.wfile.write(b"%PDF-1.4\n" + b"0" * 1000)

    def _docs_endless_pdf(self):
        self.send_response(200)
        self.send_header("Content-Type", PDF)
        self.send_header("Connection", "close")
        self.end_headers()
        with contextlib.suppress(OSError):
            for _ in range(100):
                self.wfile.write(b"%PDF" + b"0" * 65536)
        self.close_connection = True

    def _docs_loop_pdf(self):
        return self._answer(302, "text/plain", b"", {"Location": "/docs/loop.pdf"})

    def _docs_ftp_pdf(self):
        return self._answer(302, "text/plain", b"", {"Location": "ftp://127.0.0.1/docs/a.pdf"})

    def _docs_cut_pdf(self):
        self._head(200, PDF, len(PDF_1))
        with contextlib.suppress(OSError):
            self.wfile.write(PDF_1[: len(PDF_1) // 2])
        self.close_connection = True

    def _head(self, status: int, content_type: str, length: int, extra: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()

    def _answer(self, status: int, content_type: str, body: bytes, extra: dict | None = None):
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            Handler.statuses.append((self.path, 304))
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        Handler.statuses.append((self.path, status))
        self._head(status, content_type, len(body), {**({"ETag": etag} if status == 200 else {}), **(extra or {})})
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


def _serve():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.offsite = ""
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def servers():
    site, other = _serve(), _serve()
    site.offsite = f"http://127.0.0.1:{other.server_address[1]}"
    yield f"http://127.0.0.1:{site.server_address[1]}", site.offsite
    for httpd in (site, other):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _fresh_counts():
    Handler.hits.clear()
    Handler.times.clear()
    Handler.statuses.clear()


LIMITS = Limits(timeout=0.5, total_timeout=1.5, max_bytes=400_000, retries=2, backoff=0.01)


def _options(**kw) -> CrawlOptions:
    return CrawlOptions(delay=0.01, limits=LIMITS, **kw)


def _rows(db_path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _run(start: str, tmp_path: Path, **kw):
    db = storage.open_db(tmp_path / "k.db")
    try:
        return crawl([start], db, tmp_path / "raw", _options(**kw), detector=False)
    finally:
        db.close()


def _snapshot(tmp_path: Path) -> tuple:
    db = tmp_path / "k.db"
    files = sorted((p.relative_to(tmp_path), p.read_bytes()) for p in (tmp_path / "raw").rglob("*") if p.is_file())
    documents = _rows(db, "SELECT source, sha256, url, ingested_at FROM documents ORDER BY source")
    failures = _rows(db, "SELECT source, stage, error FROM failures ORDER BY source")
    return files, documents, failures


def test_vbpl_search_page_to_documents_and_originals(servers, tmp_path):
    site, _ = servers
    report = _run(site + VBPL_START, tmp_path, since=dt.date(2020, 1, 1))
    db = tmp_path / "k.db"
    # the two items dated 2020 and later: one full-text page (ingested), its .doc (kept, not read), two PDFs
    documents = _rows(db, "SELECT site, url FROM documents ORDER BY url")
    attachments = f"{site}/FileData/TW/Lists/vbpq/Attachments/147294"
    assert documents == [
        ("pdf", f"{attachments}/2020_1093%20+%201094_23-VBHN-VPQH..pdf"),
        ("pdf", f"{attachments}/2020_1095%20+%201096_23-VBHN-VPQH..pdf"),
        ("vbpl", f"{site}/tw/Pages/vbpq-van-ban-goc-hopnhat.aspx?ItemID=147301"),
    ]
    assert _rows(db, "SELECT count(*) FROM tasks")[0][0] > 0
    assert _rows(db, "SELECT source, stage FROM failures") == []
    # the page gave the document's text: its original is kept beside, not ingested as a second document
    kept = _rows(db, "SELECT path, found_on FROM fetches WHERE url LIKE '%31.VBHN.VPQH.doc'")
    assert kept == [
        (
            str(tmp_path / "raw" / COPIES_DIR / "127.0.0.1__TW_Lists_vbpq_Attachments_147301_31.VBHN.VPQH.doc"),
            site + VBPL_START,
        )
    ]
    # the next page was read (same depth), the older items were not followed
    assert Handler.hits[VBPL_START.replace("Page=1", "Page=2")] == 1
    assert not any("147295" in path or "thuoctinh" in path for path in Handler.hits)
    assert len([s for s in report.skipped if "before --since" in s[1]]) == 8 * 2  # both pages list them
    log = _rows(db, "SELECT role, status, found_on IS NOT NULL, path LIKE '%/.pages/%' FROM fetches ORDER BY id")
    assert log[0] == ("robots", 200, 0, None)
    assert ("start", 200, 0, 1) in log and ("listing", 200, 1, 1) in log
    assert log.count(("original", 200, 1, 0)) == 3
    second = _run(site + VBPL_START, tmp_path, since=dt.date(2020, 1, 1))
    assert second.saved == [] and second.ingest.ingested == []


def test_gazette_listing_to_issue_to_word_originals(servers, tmp_path):
    site, _ = servers
    before = _snapshot(tmp_path) if (tmp_path / "raw").exists() else None
    assert before is None
    report = _run(site + GAZETTE_START, tmp_path, since=dt.date(2026, 7, 17))
    db = tmp_path / "k.db"
    issue = "/congbao.nsf/DocumentsByGazette?openView&Count=-1&RestrictToCategory=2026%2FNo.%7B47%7D"
    assert Handler.hits[issue] == 1
    assert not any("No.%7B46%7D" in path for path in Handler.hits)  # issue 46 (10/7) is before --since
    # seven documents dated 17/7 or later: their attached originals (one saved here, six 404)
    originals = [url for url, role in _rows(db, "SELECT url, role FROM fetches") if role == "original"]
    assert len(originals) == 7
    assert _rows(db, "SELECT site, url FROM documents") == [
        ("docx", f"{site}/congbao.nsf/0812CA146F5FEC7447258E3D002529A0/$file/QD%20so%201782.docx")
    ]
    found_on = _rows(db, "SELECT DISTINCT found_on FROM fetches WHERE role = 'original'")
    assert found_on == [(site + issue,)]
    assert not any("NoiDung" in path for path in Handler.hits)  # the form around a file: not needed
    assert len(report.failed) == 6 and {stage for _, stage, _ in report.failed} == {"fetch"}


def test_every_misbehaviour_is_a_row_and_the_rest_goes_in(servers, tmp_path):
    site, offsite = servers
    started = time.monotonic()
    report = _run(site + "/list?page=1", tmp_path)
    db = tmp_path / "k.db"
    documents = _rows(db, "SELECT d.url FROM documents d JOIN fetches f ON f.path = d.source ORDER BY d.url")
    assert _rows(db, "SELECT count(*) FROM documents d JOIN fetches f ON f.path = d.source AND f.url = d.url") == [(3,)]
    assert [url.removeprefix(site) for (url,) in documents] == ["/docs/a.pdf", "/docs/busy.docx", "/docs/flaky.pdf"]
    # b.pdf (linked from page 2, served with charset=undefined) is a.pdf under another address:
    # one document, the second copy recorded against it (document_sources), not ingested again
    copies = _rows(
        db,
        """SELECT f.url, s.kept, s.reason FROM document_sources s JOIN fetches f ON f.path = s.source
           JOIN documents d ON d.id = s.document_id ORDER BY f.url""",
    )
    assert [
        (url.removeprefix(site), kept) for url, kept, _ in copies if "/docs/a.pdf" in url or "/docs/b.pdf" in url
    ] == [
        ("/docs/a.pdf", 1),
        ("/docs/b.pdf", 0),
    ]
    failures = {
        source.removeprefix(site): (stage, error.removeprefix(source + ": "))
        for source, stage, error in _rows(db, "SELECT source, stage, error FROM failures")
    }
    assert set(failures) == {
        "/docs/missing.pdf",
        "/docs/slow.pdf",
        "/docs/huge.pdf",
        "/docs/endless.pdf",
        "/docs/loop.pdf",
        "/docs/ftp.pdf",
        "/docs/cut.pdf",
        "/private/secret.pdf",
    }
    assert failures["/docs/missing.pdf"] == ("fetch", "HTTP 404 Not Found")
    assert failures["/docs/slow.pdf"][1].startswith("took longer than 1.5 s in all")
    assert failures["/docs/huge.pdf"][1].startswith("too big (5000000 bytes")
    assert failures["/docs/endless.pdf"][1].startswith("too big (more than 400000 bytes)")
    assert "redirect" in failures["/docs/loop.pdf"][1]
    assert "redirect to a ftp: URL refused" in failures["/docs/ftp.pdf"][1]
    assert failures["/docs/cut.pdf"][1].startswith("truncated body")
    assert failures["/private/secret.pdf"] == ("robots", "disallowed by robots.txt")
    # retried: the 500 once, the 429 after the second it asked for; never the robots-forbidden path
    assert Handler.hits["/docs/flaky.pdf"] == 2 and Handler.hits["/docs/busy.docx"] == 2
    assert Handler.times["/docs/busy.docx"][1] - Handler.times["/docs/busy.docx"][0] >= 0.9
    assert Handler.hits["/private/secret.pdf"] == 0 and Handler.hits["/docs/cut.pdf"] == 3
    assert Handler.hits["/docs/elsewhere.pdf"] == 0  # the other server was never asked
    assert (f"{offsite}/docs/elsewhere.pdf", f"{offsite}/docs/elsewhere.pdf") == (
        report.skipped[0][0],
        report.skipped[0][1].split(": ")[0],
    )
    # nothing half-written: only the four documents and the two listing pages, no .part files
    saved = sorted(p.relative_to(tmp_path / "raw").as_posix() for p in (tmp_path / "raw").rglob("*") if p.is_file())
    assert len(saved) == 6 and not any(name.endswith(".part") for name in saved)
    assert sum(name.startswith(PAGES_DIR + "/") for name in saved) == 2
    assert time.monotonic() - started < 60  # bounded: the slow server was cut off

    first = _snapshot(tmp_path)
    Handler.statuses.clear()
    Handler.hits.clear()
    again = _run(site + "/list?page=1", tmp_path)
    assert _snapshot(tmp_path)[:2] == first[:2]  # same files, same documents (not re-ingested)
    assert again.saved == [] and again.ingest.ingested == []
    assert sorted(again.known) == sorted(
        site + u for u in ("/docs/a.pdf", "/docs/b.pdf", "/docs/busy.docx", "/docs/flaky.pdf")
    )
    assert [s for s in Handler.statuses if s[1] == 200 and s[0] != "/robots.txt"] == []  # listings: 304
    assert ("/list?page=1", 304) in Handler.statuses and ("/list?page=2", 304) in Handler.statuses
    assert {stage for _, stage, _ in again.failed} == {"fetch", "robots"}


def test_max_pages_stops_and_the_next_run_resumes(servers, tmp_path):
    site, _ = servers
    first = _run(site + "/list?page=1", tmp_path, max_pages=2)
    assert first.stopped == "reached --max-pages 2" and first.requests == 2
    assert [u.removeprefix(site) for u in first.saved] == ["/list?page=1", "/docs/a.pdf"]
    Handler.hits.clear()
    second = _run(site + "/list?page=1", tmp_path, max_pages=4)
    assert Handler.hits["/docs/a.pdf"] == 0  # already saved: not asked again
    assert second.known == [site + "/docs/a.pdf"]
    assert [u.removeprefix(site) for u in second.saved] == ["/docs/flaky.pdf", "/docs/busy.docx"]


def test_ingest_urls_failures_are_rows_and_the_rest_goes_in(servers, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    site, _ = servers
    db = tmp_path / "k.db"
    args = ["ingest", f"{site}/docs/missing.pdf", f"{site}/docs/a.pdf", "--db", str(db), "--quiet"]
    result = CliRunner().invoke(main, [*args, "--fetch-dir", str(tmp_path / "f"), "--no-detector"])
    assert result.exit_code == 0, result.output
    assert _rows(db, "SELECT url FROM documents") == [(f"{site}/docs/a.pdf",)]
    assert _rows(db, "SELECT source, stage FROM failures") == [(f"{site}/docs/missing.pdf", "fetch")]
    assert "1 ingested" in result.output and "1 failed" in result.output


class RobotsRules(Handler):
    """The same site, with robots.txt answering what ``robots`` says."""

    robots: tuple[int, bytes] = (200, b"")

    def do_GET(self):  # noqa: N802
        if self.path == "/robots.txt":
            Handler.hits[self.path] += 1
            return self._answer(self.robots[0], "text/plain", self.robots[1])
        return super().do_GET()


@pytest.mark.parametrize(
    ("robots", "expected"),
    [
        ((503, b"busy"), "unreadable"),
        ((404, b"no"), "allowed"),
        ((200, b"User-agent: kehoach\nDisallow: /\n"), "disallowed"),
        ((200, b"User-agent: *\nCrawl-delay: 3\n"), "slow"),
    ],
)
def test_robots_txt(tmp_path, robots, expected):
    handler = type("Rules", (RobotsRules,), {"robots": robots})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.offsite = "http://127.0.0.1:9"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    waits: list[float] = []
    db = storage.open_db(tmp_path / "k.db")
    try:
        start = f"http://127.0.0.1:{httpd.server_address[1]}/list?page=1"
        report = crawl([start], db, tmp_path / "raw", _options(max_pages=1), detector=False, sleep=waits.append)
    finally:
        db.close()
        httpd.shutdown()
        httpd.server_close()
    fetched = [path for path in Handler.hits if path != "/robots.txt"]
    if expected == "unreadable":
        assert fetched == [] and report.failed[0][1] == "robots"
        assert "robots.txt could not be read" in report.failed[0][2]
    elif expected == "disallowed":
        assert fetched == [] and report.failed == [(start, "robots", f"{start}: disallowed by robots.txt")]
    else:
        assert fetched == ["/list?page=1"] and report.stopped == "reached --max-pages 1"
        between_requests = [w for w in waits if w > 0.05]  # the retry back-offs are 0.01 s
        if expected == "allowed":
            assert between_requests == []
        else:  # Crawl-delay 3 over --delay 0.01, between robots.txt and the page
            assert len(between_requests) == 1 and 2.5 < between_requests[0] <= 3


def _crawl_process(start: str, folder: Path):
    import subprocess
    import sys

    args = ["crawl", start, "--since", "2026-07-17", "--delay", "0.2", "--no-detector"]
    args += ["--dest", str(folder / "raw"), "--db", str(folder / "k.db")]
    code = "import sys; from pipeline.cli import main; sys.exit(main())"
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=HERE.parent, stdout=subprocess.DEVNULL)


def _final_state(folder: Path) -> tuple:
    db = folder / "k.db"
    queries = (
        "SELECT source, sha256, url, number, (SELECT count(*) FROM tasks t WHERE t.document_id = d.id) FROM documents d",
        # a resumed run revalidates the listings it had read: 304, the same content as 200
        "SELECT url, CASE status WHEN 304 THEN 200 ELSE status END, sha256, path, role, found_on FROM fetches",
        "SELECT source, stage, error FROM failures",
    )
    tables = [sorted(tuple(str(v).replace(str(folder), "") for v in row) for row in _rows(db, q)) for q in queries]
    return (*tables, sorted(p.relative_to(folder).as_posix() for p in (folder / "raw").rglob("*") if p.is_file()))


def test_a_killed_crawl_resumes_to_the_same_end(servers, tmp_path):
    import signal

    site, _ = servers
    start = site + GAZETTE_START
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    _run(start, whole, since=dt.date(2026, 7, 17))  # the uninterrupted crawl, in this process
    process = _crawl_process(start, killed)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # kill it once a few URLs are in its log
        with contextlib.suppress(sqlite3.Error):
            if (killed / "k.db").exists() and _rows(killed / "k.db", "SELECT count(*) FROM fetches")[0][0] >= 4:
                break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert _rows(killed / "k.db", "PRAGMA integrity_check") == [("ok",)]
    count = "SELECT count(*) FROM fetches"
    assert 4 <= _rows(killed / "k.db", count)[0][0] < _rows(whole / "k.db", count)[0][0]  # killed midway
    assert _crawl_process(start, killed).wait(timeout=120) == 0
    for part in (killed / "raw").rglob("*.part"):
        part.unlink()
    after, expected = _final_state(killed), _final_state(whole)
    for got, want in zip(after, expected, strict=True):
        assert set(got) ^ set(want) == set(), (set(got) - set(want), set(want) - set(got))
