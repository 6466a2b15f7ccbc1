"""Fetching pages and files by URL: the only module that touches the network.

``download(url)`` makes one bounded HTTP exchange (with retries) and returns a
``Response``; ``save(response, dest_dir)`` writes its body under a file name made from the
URL, with the extension its content type calls for
("vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html", "...QD-1696.pdf"), so that
ingest later runs offline from the saved files and picks the reader by extension.
``fetch(url, dest_dir)`` does both; ``fetch_many(urls, dest_dir)`` goes on past failures.

Every exchange is bounded: a total time limit per URL (a server trickling one byte a
second is cut off, not waited for), a size cap, at most ``MAX_REDIRECTS`` redirects and
only to http(s) URLs, a body shorter than its Content-Length refused as truncated.
``Retry-After`` is honoured on 429 and 503 (up to ``MAX_RETRY_AFTER`` seconds); other
5xx answers and dropped connections are retried with a doubling back-off. Nothing in a
body is ever executed; the body is only written to a file inside the destination folder.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.client
import re
import socket
import ssl
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

USER_AGENT = "kehoach/0.1 (fetcher of Vietnamese public administrative documents; Python urllib)"
DEFAULT_TIMEOUT = 30.0  # per network operation (connect, each read)
DEFAULT_TOTAL_TIMEOUT = 120.0  # per URL, all attempts and redirects included
MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 150
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 120.0  # a server asking for a longer wait is a failure, not a stall
CHUNK = 64 * 1024
# Answers worth asking again: the server is busy or failing for now.
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
# Content types -> the extension the readers know them by.
EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/json": ".json",
    "image/png": ".png",
    "image/jpeg": ".jpg",
}
# Extensions a URL path may already carry that are the file's real type.
FILE_EXTENSIONS = frozenset({".html", ".htm", ".pdf", ".docx", ".doc", ".txt", ".md", ".json", ".png", ".jpg"})
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# <meta charset="windows-1258">, <meta http-equiv="Content-Type" content="text/html; charset=...">
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=", re.I)


class FetchError(Exception):
    """A URL that could not be fetched; the message starts with the URL.

    ``status`` is the HTTP status of the last answer, when there was one.
    """

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class _Transient(Exception):
    """A failure worth trying again (dropped connection, truncated body, busy server)."""

    def __init__(self, reason: str, wait: float | None = None, status: int | None = None):
        super().__init__(reason)
        self.wait = wait
        self.status = status


@dataclass
class FetchReport:
    saved: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


@dataclass
class Limits:
    """How long, how big and how often one URL may be tried."""

    timeout: float = DEFAULT_TIMEOUT
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT
    max_bytes: int = MAX_BYTES
    retries: int = 2
    backoff: float = 1.0
    max_retry_after: float = MAX_RETRY_AFTER
    user_agent: str = USER_AGENT
    insecure: bool = False


@dataclass
class Response:
    """What one URL answered: 200 with a body, or 304 (unchanged since the validators sent)."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def _sniff_extension(data: bytes) -> str:
    head = data[:2048].lstrip()
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if data[:2] == b"PK" and b"word/" in data:
        return ".docx"
    if data[:4] == b"\xd0\xcf\x11\xe0":
        return ".doc"
    if re.match(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", head, re.I | re.S):
        return ".html"
    return ""


def file_name_for(url: str, content_type: str = "", data: bytes = b"") -> str:
    """A stable, safe file name for what the URL returned (no folder parts, no leading dot).

    >>> file_name_for("https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801", "text/html; charset=utf-8")
    'vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html'
    >>> file_name_for("http://x.vn/../../etc/passwd", "text/plain")
    'x.vn__.._.._etc_passwd.txt'
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "local").removeprefix("www.")
    path = urllib.parse.unquote(parts.path).strip("/").replace("/", "_")
    stem = "__".join(filter(None, [host, path, urllib.parse.unquote(parts.query).replace("=", "-")]))
    stem = UNSAFE.sub("-", stem.replace("&", "_")).strip("-_.") or "page"
    if len(stem) > MAX_NAME:
        stem = f"{stem[:MAX_NAME]}-{hashlib.sha1(url.encode()).hexdigest()[:10]}"
    mime = content_type.split(";")[0].strip().lower()
    extension = EXTENSIONS.get(mime, "")
    if not extension or mime in ("application/octet-stream", "binary/octet-stream"):
        extension = _sniff_extension(data) or extension
    current = Path(stem).suffix.lower()
    if current in FILE_EXTENSIONS and (
        not extension or current == extension or {current, extension} == {".htm", ".html"}
    ):
        return stem
    return stem + (extension or ".bin")


def _charset_of(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return m.group(1).lower() if m else None


def _as_utf8(data: bytes, content_type: str) -> bytes:
    """An HTML page whose charset only the HTTP header states is saved as UTF-8, so it reads offline.

    A charset Python does not know ("undefined", "x-user-defined") leaves the bytes as they came.
    """
    charset = _charset_of(content_type)
    if not charset or charset.replace("-", "") == "utf8" or META_CHARSET.search(data[:4096]):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    try:
        return unicodedata.normalize("NFC", data.decode(charset)).encode("utf-8")
    except (LookupError, UnicodeDecodeError, ValueError):
        return data


class _Watch:
    """The sockets of one URL's exchange, shut down when its total time is up.

    Socket time-outs bound each read, not the whole exchange: a server sending one byte
    a second never trips them. Shutting the socket down wakes any blocked read.
    """

    def __init__(self, seconds: float):
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()

    def connection_class(self, base: type) -> type:
        watch = self

        class Watched(base):
            def connect(self):
                super().connect()
                watch.add(self.sock)

        return Watched


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most MAX_REDIRECTS redirects, and only to http(s) URLs (never ftp:, file:, data:)."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.HTTPError(req.full_url, code, f"redirect to a {scheme}: URL refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(watch: _Watch, context: ssl.SSLContext | None) -> urllib.request.OpenerDirector:
    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(watch.connection_class(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(watch.connection_class(http.client.HTTPSConnection), req, context=context)

    # build_opener leaves out the defaults these replace (the handlers are subclasses of them)
    return urllib.request.build_opener(HTTP, HTTPS(context=context), _Redirects)


def _retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait: ``"3"`` or an HTTP date.

    >>> _retry_after("3"), _retry_after(None), _retry_after("soon")
    (3.0, None, None)
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _read_body(response, url: str, limits: Limits) -> bytes:
    declared = response.headers.get("Content-Length")
    expected = int(declared) if declared and declared.strip().isdigit() else None
    if expected is not None and expected > limits.max_bytes:
        raise FetchError(f"{url}: too big ({expected} bytes, the limit is {limits.max_bytes}), not saved")
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = response.read1(CHUNK)
        except http.client.IncompleteRead as error:
            raise _Transient(f"truncated body ({len(error.partial) + size} bytes)") from error
        if not chunk:
            break
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: too big (more than {limits.max_bytes} bytes), not saved")
        chunks.append(chunk)
    if expected is not None and size != expected:
        raise _Transient(f"truncated body ({size} of {expected} bytes)")
    return b"".join(chunks)


def _exchange(url: str, limits: Limits, headers: dict[str, str], watch: _Watch, context) -> Response:
    request = urllib.request.Request(url, headers={"User-Agent": limits.user_agent, "Accept": "*/*", **headers})
    timeout = max(0.05, min(limits.timeout, watch.remaining()))
    try:
        with _opener(watch, context).open(request, timeout=timeout) as response:
            final = response.geturl()
            if urllib.parse.urlsplit(final).scheme not in ("http", "https"):
                raise FetchError(f"{url}: ended at {final}, not an http(s) URL")
            body = _read_body(response, url, limits)
            return Response(
                url=url,
                final_url=final,
                status=response.status,
                content_type=response.headers.get("Content-Type", ""),
                body=body,
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as error:
        with error:
            if error.code == 304:
                return Response(url=url, final_url=error.geturl() or url, status=304)
            reason = f"HTTP {error.code} {error.reason}"
            if error.code in RETRY_STATUS:
                raise _Transient(reason, _retry_after(error.headers.get("Retry-After")), error.code) from error
            raise FetchError(f"{url}: {reason}", error.code) from error
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = str(getattr(error, "reason", None) or error) or type(error).__name__
        raise _Transient(reason) from error


def download(
    url: str,
    limits: Limits | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Response:
    """One URL's answer, within ``limits``; FetchError naming the URL when there is none.

    ``etag``/``last_modified`` (from an earlier answer) make the request conditional: an
    unchanged page answers 304 with no body.
    """
    limits = limits or Limits()
    if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: not an http(s) URL")
    context = None
    if limits.insecure:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    watch = _Watch(limits.total_timeout)
    try:
        return _attempts(url, limits, headers, watch, context, sleep)
    finally:
        watch.cancel()


def _attempts(url, limits: Limits, headers, watch: _Watch, context, sleep) -> Response:
    attempt = 0
    while True:
        try:
            return _exchange(url, limits, headers, watch, context)
        except _Transient as error:
            if watch.expired:
                raise FetchError(f"{url}: took longer than {limits.total_timeout:g} s in all, gave up") from error
            if attempt >= limits.retries:
                raise FetchError(f"{url}: {error} (after {attempt + 1} attempts)", error.status) from error
            wait = limits.backoff * 2**attempt
            if error.wait is not None:
                if error.wait > limits.max_retry_after:
                    raise FetchError(f"{url}: {error}, asked to retry after {error.wait:g} s", error.status) from error
                wait = max(wait, error.wait)
            if wait >= watch.remaining():
                message = f"{url}: {error}; no time left to retry within {limits.total_timeout:g} s"
                raise FetchError(message, error.status) from error
            sleep(wait)
            attempt += 1


def is_html(response: Response) -> bool:
    mime = response.content_type.split(";")[0].strip().lower()
    return mime in ("text/html", "application/xhtml+xml") or (not mime and _sniff_extension(response.body) == ".html")


def saved_bytes(response: Response) -> bytes:
    """What ``save`` writes: the body, an HTML page re-encoded as UTF-8 when only the header named its charset."""
    if response.content_type.lower().startswith(("text/html", "application/xhtml")):
        return _as_utf8(response.body, response.content_type)
    return response.body


def save(response: Response, dest_dir: str | Path, name: str | None = None) -> Path:
    """Write a response's body into ``dest_dir`` (atomically: a ``.part`` file renamed); its path."""
    if not response.body.strip():
        raise FetchError(f"{response.url}: empty response")
    data = saved_bytes(response)
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    name = name or file_name_for(response.url, response.content_type, data)
    path = dest / name
    if path.resolve().parent != dest.resolve() or name.startswith("."):
        raise FetchError(f"{response.url}: file name {name!r} would leave {dest}")
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    return path


def fetch(
    url: str,
    dest_dir: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    retries: int = 2,
    backoff: float = 1.0,
    max_bytes: int = MAX_BYTES,
    user_agent: str = USER_AGENT,
    insecure: bool = False,
) -> Path:
    """Download ``url`` into ``dest_dir``; the saved file's path. Raises FetchError naming the URL.

    Time-outs, refused connections and 408/429/5xx answers are tried again ``retries`` times,
    waiting ``backoff``, then twice as long (or what Retry-After asks). ``insecure`` skips TLS
    certificate checks, for portals whose certificate chain is incomplete.

    >>> fetch("https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801", "raw")  # doctest: +SKIP
    PosixPath('raw/vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html')
    """
    limits = Limits(timeout, total_timeout, max_bytes, retries, backoff, MAX_RETRY_AFTER, user_agent, insecure)
    return save(download(url, limits), dest_dir)


def read_url_list(path: str | Path) -> list[str]:
    """URLs of a list file, one a line; blank lines and ``#`` comments skipped.

    >>> read_url_list("urls.txt")  # doctest: +SKIP
    ['https://congbao.sonla.gov.vn/congbao.nsf/DanhMucVB', 'https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801']
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _already_fetched(url: str, dest: Path) -> Path | None:
    base = file_name_for(url).removesuffix(".bin")
    for path in sorted(dest.glob(f"{glob_escape(base)}*")) if dest.is_dir() else []:
        rest = path.name[len(base) :]
        if rest == "" or (rest.startswith(".") and "." not in rest[1:] and rest != ".part"):
            return path
    return None


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def fetch_many(
    urls: Iterable[str],
    dest_dir: str | Path,
    *,
    delay: float = 1.0,
    skip_existing: bool = False,
    progress: Callable[[str, Path | None, str | None], None] | None = None,
    **options,
) -> FetchReport:
    """Fetch every URL, ``delay`` seconds apart, going on past failures (for the CLI).

    ``skip_existing`` leaves out URLs whose file (any extension) is already in ``dest_dir``.
    ``progress(url, path, error)`` is called after each URL; ``options`` go to ``fetch``.
    """
    report = FetchReport()
    dest = Path(dest_dir)
    for index, url in enumerate(urls):
        if skip_existing:
            found = _already_fetched(url, dest)
            if found is not None:
                report.saved.append(found)
                if progress:
                    progress(url, found, None)
                continue
        if index and delay:
            time.sleep(delay)
        try:
            path = fetch(url, dest, **options)
        except FetchError as error:
            report.failed.append((url, str(error)))
            if progress:
                progress(url, None, str(error))
            continue
        except Exception as error:  # a bug here must not lose the rest of the batch
            reason = f"{url}: {type(error).__name__}: {error}"
            report.failed.append((url, reason))
            if progress:
                progress(url, None, reason)
            continue
        report.saved.append(path)
        if progress:
            progress(url, path, None)
    return report
