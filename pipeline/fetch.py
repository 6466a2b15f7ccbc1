"""Fetching pages and files by URL: the only module that touches the network.

``fetch(url, dest_dir)`` saves one response under a file name made from the URL, with
the extension its content type calls for ("vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html",
"...QD-1696.pdf"), so that ingest later runs offline from the saved files and picks the
reader by extension. ``fetch_many(urls, dest_dir)`` is what the CLI calls: it goes on past
failures and reports them.
"""

from __future__ import annotations

import hashlib
import re
import ssl
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

USER_AGENT = "kehoach/0.1 (fetcher of Vietnamese public administrative documents; Python urllib)"
DEFAULT_TIMEOUT = 30.0
MAX_BYTES = 50 * 1024 * 1024
MAX_NAME = 150
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
    """A URL that could not be fetched; the message starts with the URL."""


@dataclass
class FetchReport:
    saved: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


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
    """A stable, safe file name for what the URL returned.

    >>> file_name_for("https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801", "text/html; charset=utf-8")
    'vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html'
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "local").removeprefix("www.")
    path = urllib.parse.unquote(parts.path).strip("/").replace("/", "_")
    stem = "__".join(filter(None, [host, path, urllib.parse.unquote(parts.query).replace("=", "-")]))
    stem = UNSAFE.sub("-", stem.replace("&", "_")).strip("-_.") or host
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
    """An HTML page whose charset only the HTTP header states is saved as UTF-8, so it reads offline."""
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
    except (LookupError, UnicodeDecodeError):
        return data


def _get(url: str, timeout: float, user_agent: str, context: ssl.SSLContext | None) -> tuple[bytes, str]:
    request = urllib.request.Request(url, headers={"User-Agent": user_agent, "Accept": "*/*"})
    with urllib.request.urlopen(request, timeout=timeout, context=context) as response:
        data = response.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB, not saved")
        return data, response.headers.get("Content-Type", "")


def fetch(
    url: str,
    dest_dir: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = 2,
    backoff: float = 1.0,
    user_agent: str = USER_AGENT,
    insecure: bool = False,
) -> Path:
    """Download ``url`` into ``dest_dir``; the saved file's path. Raises FetchError naming the URL.

    Time-outs, refused connections and 408/429/5xx answers are tried again ``retries`` times,
    waiting ``backoff``, then twice as long. ``insecure`` skips TLS certificate checks, for
    portals whose certificate chain is incomplete.

    >>> fetch("https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801", "raw")  # doctest: +SKIP
    PosixPath('raw/vbpl.vn__tw_Pages_vbpq-toanvan.aspx__ItemID-32801.html')
    """
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(f"{url}: not an http(s) URL")
    context = None
    if insecure:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    attempt = 0
    while True:
        try:
            data, content_type = _get(url, timeout, user_agent, context)
            break
        except urllib.error.HTTPError as error:
            reason = f"HTTP {error.code} {error.reason}"
            if error.code not in RETRY_STATUS or attempt >= retries:
                raise FetchError(f"{url}: {reason}") from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            reason = str(getattr(error, "reason", error))
            if attempt >= retries:
                raise FetchError(f"{url}: {reason} (after {attempt + 1} attempts)") from error
        time.sleep(backoff * 2**attempt)
        attempt += 1
    if not data.strip():
        raise FetchError(f"{url}: empty response")
    if content_type.lower().startswith(("text/html", "application/xhtml")):
        data = _as_utf8(data, content_type)
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / file_name_for(url, content_type, data)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    return path


def read_url_list(path: str | Path) -> list[str]:
    """URLs of a list file, one a line; blank lines and ``#`` comments skipped.

    >>> read_url_list("urls.txt")  # doctest: +SKIP
    ['https://congbao.sonla.gov.vn/congbao.nsf/DanhMucVB', 'https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32801']
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _already_fetched(url: str, dest: Path) -> Path | None:
    base = file_name_for(url).removesuffix(".bin")
    for path in sorted(dest.glob(f"{base}*")) if dest.is_dir() else []:
        rest = path.name[len(base) :]
        if rest == "" or (rest.startswith(".") and "." not in rest[1:] and rest != ".part"):
            return path
    return None


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
        report.saved.append(path)
        if progress:
            progress(url, path, None)
    return report
