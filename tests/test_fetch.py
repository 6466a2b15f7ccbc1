"""pipeline.fetch against a real HTTP server on a loopback port serving saved pages."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from parsers.sites import read_source
from pipeline.fetch import FetchError, fetch, fetch_many, file_name_for, read_url_list

SITES = Path(__file__).parent / "sites"
VBPL_PAGE = (SITES / "vbpl" / "vbpl-vn__vbpl_v1.html").read_bytes()
PDF = (SITES / "pdf" / "lao-cai__UBND-XD-2026-kien-nghi-BXD.pdf").read_bytes()
DOCX = (SITES / "docx" / "lao-cai__UBND-KT-2025-giao-SCT-tham-muu.docx").read_bytes()
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# "Số: 0130/KH-UBND" in Windows-1258 (tone marks as combining characters), no <meta charset>
CP1258_PAGE = b"<html><body><p>S\xf4\xec: 0130/KH-UBND</p><p>\xd0\xe3\xeck L\xe3\xeck</p></body></html>"

ROUTES = {
    "/tw/Pages/vbpq-toanvan.aspx?ItemID=32801": (200, "text/html; charset=utf-8", VBPL_PAGE),
    "/files/CV-3686-UBND-XD.pdf": (200, "application/pdf", PDF),
    "/download?id=5": (200, "application/octet-stream", PDF),
    "/van-ban/cong-van": (200, DOCX_TYPE, DOCX),
    "/cp1258": (200, "text/html; charset=windows-1258", CP1258_PAGE),
    "/empty": (200, "text/html", b""),
}


class Handler(BaseHTTPRequestHandler):
    hits: Counter = Counter()
    agents: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Handler.hits[self.path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/flaky" and Handler.hits[self.path] < 3:
            return self._answer(503, "text/plain", b"busy")
        if self.path == "/flaky":
            return self._answer(200, "text/html; charset=utf-8", VBPL_PAGE)
        if self.path == "/always-busy":
            return self._answer(503, "text/plain", b"busy")
        if self.path == "/slow":
            time.sleep(1.0)
            return self._answer(200, "text/html", b"<p>late</p>")
        status, content_type, body = ROUTES.get(self.path, (404, "text/html", b"<h1>Not Found</h1>"))
        return self._answer(status, content_type, body)

    def _answer(self, status: int, content_type: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up waiting (the time-out test)
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)  # port 0: a free port
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_page_and_ingest_reads_it_offline(server, tmp_path):
    path = fetch(f"{server}/tw/Pages/vbpq-toanvan.aspx?ItemID=32801", tmp_path, backoff=0)
    assert path == tmp_path / "127.0.0.1__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html"
    assert path.read_bytes() == VBPL_PAGE
    source = read_source(path.name, path.read_bytes())
    assert source.site == "vbpl" and source.text.startswith("QUỐC HỘI\nSố: Không số")
    assert Handler.agents[-1].startswith("kehoach/")


@pytest.mark.parametrize(
    ("route", "name", "site"),
    [
        ("/files/CV-3686-UBND-XD.pdf", "127.0.0.1__files_CV-3686-UBND-XD.pdf", "pdf"),
        # a download link answering "application/octet-stream": the bytes say PDF
        ("/download?id=5", "127.0.0.1__download__id-5.pdf", "pdf"),
        ("/van-ban/cong-van", "127.0.0.1__van-ban_cong-van.docx", "docx"),
    ],
)
def test_non_html_content_types_get_their_extension(server, tmp_path, route, name, site):
    path = fetch(server + route, tmp_path, backoff=0)
    assert path.name == name
    assert read_source(path.name, path.read_bytes()).site == site


def test_charset_stated_only_in_the_header_is_kept_by_saving_utf8(server, tmp_path):
    path = fetch(f"{server}/cp1258", tmp_path, backoff=0)
    assert "Số: 0130/KH-UBND" in path.read_text(encoding="utf-8")
    assert read_source(path.name, path.read_bytes()).text == "Số: 0130/KH-UBND\nĐắk Lắk"


def test_404_is_an_error_naming_the_url_and_is_not_retried(server, tmp_path):
    url = f"{server}/khong-co"
    with pytest.raises(FetchError, match=rf"^{url}: HTTP 404"):
        fetch(url, tmp_path, retries=3, backoff=0)
    assert Handler.hits["/khong-co"] == 1
    assert list(tmp_path.iterdir()) == []


def test_busy_server_is_retried(server, tmp_path):
    assert fetch(f"{server}/flaky", tmp_path, retries=2, backoff=0).read_bytes() == VBPL_PAGE
    assert Handler.hits["/flaky"] == 3
    with pytest.raises(FetchError, match=r"/always-busy: HTTP 503"):
        fetch(f"{server}/always-busy", tmp_path, retries=1, backoff=0)
    assert Handler.hits["/always-busy"] == 2


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/empty", "empty response"),
        ("/slow", "timed out"),
        ("file:///etc/passwd", "not an http"),
    ],
)
def test_other_failures_name_the_url(server, tmp_path, url, message):
    url = server + url if url.startswith("/") else url
    with pytest.raises(FetchError, match=message) as error:
        fetch(url, tmp_path, timeout=0.2, retries=0, backoff=0)
    assert str(error.value).startswith(url)


def test_fetch_many_goes_on_past_failures(server, tmp_path):
    urls = [f"{server}/files/CV-3686-UBND-XD.pdf", f"{server}/khong-co-2", f"{server}/van-ban/cong-van"]
    seen = []
    report = fetch_many(urls, tmp_path, delay=0, backoff=0, progress=lambda u, p, e: seen.append((u, p is None)))
    assert [p.suffix for p in report.saved] == [".pdf", ".docx"]
    assert report.failed == [(urls[1], f"{urls[1]}: HTTP 404 Not Found")]
    assert seen == [(urls[0], False), (urls[1], True), (urls[2], False)]
    hits = Handler.hits["/files/CV-3686-UBND-XD.pdf"]
    again = fetch_many(urls[:1], tmp_path, delay=0, skip_existing=True)
    assert again.saved == report.saved[:1] and Handler.hits["/files/CV-3686-UBND-XD.pdf"] == hits


def test_url_list_file(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# Sơn La\nhttps://congbao.sonla.gov.vn/a\n\n  https://vbpl.vn/b  \n", encoding="utf-8")
    assert read_url_list(listing) == ["https://congbao.sonla.gov.vn/a", "https://vbpl.vn/b"]


@pytest.mark.parametrize(
    ("url", "content_type", "name"),
    [
        (
            "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801",
            "text/html",
            "vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html",
        ),
        ("https://www.laocai.gov.vn/van-ban/QD-1696.pdf", "application/pdf", "laocai.gov.vn__van-ban_QD-1696.pdf"),
        (
            "https://congbao.sonla.gov.vn/congbao.nsf/x/$file/QD so 37.2026.doc",
            "application/msword",
            "congbao.sonla.gov.vn__congbao.nsf_x_-file_QD-so-37.2026.doc",
        ),
        ("https://sonla.gov.vn/", "text/html", "sonla.gov.vn.html"),
    ],
)
def test_file_names(url, content_type, name):
    assert file_name_for(url, content_type) == name


# ---- bounds and hostile answers (issue 9's fetch defects) ----------------------------------------


class Hostile(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            return
        if self.path == "/cut":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(PDF)))
            self.end_headers()
            self.wfile.write(PDF[:1000])
            self.close_connection = True
            return
        if self.path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/x.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/undefined":
            body = b"<html><body><p>S\xf4\xec: 12/KH-UBND</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=undefined")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_trickling_server_is_cut_off_by_the_total_time_limit(hostile, tmp_path):
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s in all"):
        fetch(f"{hostile}/trickle", tmp_path, timeout=5, total_timeout=0.5, retries=0)
    assert time.monotonic() - started < 10  # per-read time-outs alone would wait 50 s
    assert list(tmp_path.iterdir()) == []


def test_truncated_body_is_never_saved(hostile, tmp_path):
    with pytest.raises(FetchError, match=r"truncated body \(1000 of \d+ bytes\) \(after 2 attempts\)"):
        fetch(f"{hostile}/cut", tmp_path, retries=1, backoff=0)
    assert list(tmp_path.iterdir()) == []


def test_redirect_to_ftp_is_refused(hostile, tmp_path):
    with pytest.raises(FetchError, match="redirect to a ftp: URL refused"):
        fetch(f"{hostile}/to-ftp", tmp_path, retries=0)


def test_charset_undefined_is_saved_as_it_came(hostile, tmp_path):
    path = fetch(f"{hostile}/undefined", tmp_path)
    assert path.read_bytes() == b"<html><body><p>S\xf4\xec: 12/KH-UBND</p></body></html>"
    assert "12/KH-UBND" in read_source(path.name, path.read_bytes()).text


@pytest.mark.parametrize(
    "url",
    [
        "http://x.vn/../../etc/passwd",
        "http://x.vn/%2e%2e/%2e%2e/.bashrc",
        "http://x.vn/a/..%2f..%2f..%2fboot.pdf",
        "http://x.vn/" + "a" * 5000,
        "http://x.vn/.hidden?q=/../../x",
    ],
)
def test_hostile_addresses_stay_inside_the_destination(tmp_path, url):
    name = file_name_for(url, "text/plain")
    assert "/" not in name and not name.startswith(".") and len(name) < 200
    from pipeline.fetch import Response, save

    dest = tmp_path / "dest"
    path = save(Response(url=url, final_url=url, status=200, content_type="text/plain", body=b"x"), dest)
    assert path.parent == dest and [p.name for p in tmp_path.iterdir()] == ["dest"]


def test_retry_after_as_seconds_or_date():
    from pipeline.fetch import _retry_after

    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert _retry_after("never") is None
