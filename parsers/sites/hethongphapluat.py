"""Text captured from hethongphapluat.com pages: a page-loading banner, then the document."""

from __future__ import annotations

import re

from parsers.models import SourceText
from parsers.sites._markup import emphasis_to_paragraphs
from parsers.text.decode import decode_bytes

SITE = "hethongphapluat"
EXTENSIONS = (".txt", ".md")

# "Hệ thống pháp luật" / "Đang tải nội dung, vui lòng chờ giây lát..."
CHROME_LINE = re.compile(r"^\s*(?:Hệ thống pháp luật|Đang tải nội dung, vui lòng chờ giây lát\.*)\s*$")


def matches(name: str, data: bytes) -> bool:
    head = data[:2000].decode("utf-8", errors="ignore")
    return name.lower().endswith(EXTENSIONS) and "Đang tải nội dung, vui lòng chờ" in head


def read(name: str, data: bytes) -> SourceText:
    """Drop the banner lines; paragraphs are already one per line."""
    raw = decode_bytes(data, name)
    lines = [line for line in raw.split("\n") if not CHROME_LINE.match(line)]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(emphasis_to_paragraphs(lines))).strip()
    return SourceText(source=name, site=SITE, text=text, hints={"layout": "wrapped"})
