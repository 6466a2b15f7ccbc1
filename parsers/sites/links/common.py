"""URL and date helpers shared by the site link modules (pure: strings in, strings out)."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse

# javascript:downloadfile('31.VBHN.VPQH.doc','/TW/Lists/vbpq/Attachments/147301/31.VBHN.VPQH.doc');
DOWNLOAD_CALL = re.compile(r"downloadfile\(\s*'[^']*'\s*,\s*'(?P<path>[^']+)'", re.I)
ORIGINAL_SUFFIXES = (".pdf", ".doc", ".docx")
SHORT_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
# "31/VBHN-VPQH", "101/2015/QH13", "37/2026/QĐ-UBND"
NUMBER = re.compile(r"\b\d+[\w.]*/[\w./Đđ-]*[A-ZĐ][\w./Đđ-]*")
# Characters kept as they are when a saved href (which may hold spaces) is made a URL.
SAFE_PATH = "/%:@!$&'()*+,;=-._~"
SAFE_QUERY = SAFE_PATH + "?"


def absolute(base: str, href: str | None) -> str | None:
    """The http(s) URL an href points to from ``base``; None for script, mail and in-page links.

    >>> absolute("https://vbpl.vn/tw/Pages/a.aspx", "/FileData/x/2020_1093 + 1094.pdf")
    'https://vbpl.vn/FileData/x/2020_1093%20+%201094.pdf'
    >>> absolute("https://vbpl.vn/", "javascript:ShowDialogDownload(1)") is None
    True
    """
    if not href:
        return None
    href = href.strip()
    called = DOWNLOAD_CALL.search(href)
    if called:
        href = called["path"]
    elif href.startswith("#") or ":" in href.split("/", 1)[0] and not href.lower().startswith(("http:", "https:")):
        return None
    url = urllib.parse.urljoin(base, href)
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    path = urllib.parse.quote(parts.path, safe=SAFE_PATH)
    query = urllib.parse.quote(parts.query, safe=SAFE_QUERY)
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def is_original(url: str) -> bool:
    """A PDF or Word file by its path: ``.../Attachments/32801/Hien phap nam 2013.doc``."""
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path).lower().endswith(ORIGINAL_SUFFIXES)


def with_query(url: str, **values: str) -> str:
    """``url`` with query parameters set (kept in place when present, appended when not)."""
    parts = urllib.parse.urlsplit(url)
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    done = set()
    for i, (key, _) in enumerate(pairs):
        for name, value in values.items():
            if key.lower() == name.lower():
                pairs[i] = (key, value)
                done.add(name)
    pairs += [(name, value) for name, value in values.items() if name not in done]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(pairs, safe="/%,")))


def short_date(text: str | None) -> dt.date | None:
    """``"Ngày xác thực: 07/12/2020"`` -> 2020-12-07; None when there is no valid date."""
    m = SHORT_DATE.search(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def number_in(text: str) -> str | None:
    """The document number in a title: ``"Luật 31/VBHN-VPQH"`` -> ``"31/VBHN-VPQH"``."""
    m = NUMBER.search(text)
    return m.group().rstrip(".,") if m else None


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def unique(urls) -> list[str]:
    """URLs in first-seen order, without repeats or Nones."""
    return list(dict.fromkeys(u for u in urls if u))
