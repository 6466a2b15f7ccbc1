"""Text captures of thuvienphapluat.vn document pages (markdown-like, .txt or .md).

A full capture wraps the document in the site's chrome: a copyright notice and a
"Đang tải văn bản..." line, the site's own metadata table ("**Số hiệu:** | 980/KH-UBND"),
then the document, then the page title again, "## Văn bản liên quan", comparison help,
contact details and notices. Body-only captures hold just the document, its header and
signature blocks written as pipe tables.
"""

from __future__ import annotations

import re

from parsers.models import SourceText
from parsers.sites._markup import emphasis_to_paragraphs, strip_emphasis
from parsers.sites._pipe_tables import rebuild_tables
from parsers.text.decode import decode_bytes

SITE = "thuvienphapluat"
EXTENSIONS = (".txt", ".md")

# Markers only this site's captures carry.
SITE_MARKERS = re.compile(r"THƯ VIỆN PHÁP LUẬT|ThuVienPhapLuat|Đang tải văn bản\.\.\.|\*\*Số hiệu:\*\*|^\|\s*$", re.M)
# "**Số hiệu:**\n|\n980/KH-UBND" — the site's metadata table, key then value cell
META_FIELD = re.compile(r"\*\*\s*(?P<key>[^*\n|]{3,30}?):\s*\*\*\s*\n\|\s*\n(?P<value>[^|\n]+)\n")
META_KEYS = {
    "Số hiệu": "number",
    "Loại văn bản": "doc_type",
    "Nơi ban hành": "issuer",
    "Người ký": "signer",
    "Ngày ban hành": "issue_date",
}
# Where the site's chrome after the document begins.
#   "Văn bản này chưa cập nhật nội dung Tiếng Anh", "## Văn bản liên quan"
TRAILER_START = re.compile(
    r"^(?:Văn bản này chưa cập nhật nội dung Tiếng Anh|#+\s*Văn bản liên quan|"
    r"NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN|Chú thích|\*\*FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN\*\*)\s*$"
)
# The page title the site prints right after the document:
#   "Kế hoạch 980/KH-UBND năm 2025 thực hiện Quyết định 1899/QĐ-TTg ... do tỉnh Nghệ An ban hành"
PAGE_TITLE = re.compile(r"^[A-ZĐÂÊÔƠƯ][^\s|]*(?:\s\S+){0,3}\s\d+[\w/.-]*/[\w.-]+.*\S$")
# The site's own summary some pages put before the document ("## Nghiên cứu ..." ... "Xem chi tiết")
SUMMARY_START = re.compile(r"^\s*(?:#{1,6}\s|\*\*Ngày\s+\d)")
STATUS_KEY = re.compile(r"^\*\*\s*Tình trạng:\s*\*\*\s*$")


def matches(name: str, data: bytes) -> bool:
    if not name.lower().endswith(EXTENSIONS):
        return False
    head = data[:20000].decode("utf-8", errors="ignore")
    return bool(SITE_MARKERS.search(head))


def site_hints(raw: str) -> dict[str, str]:
    """Facts from the site's own metadata table: ``{"number": "980/KH-UBND", ...}``."""
    hints: dict[str, str] = {}
    for m in META_FIELD.finditer(raw[:20000]):
        key = META_KEYS.get(m["key"].strip())
        value = strip_emphasis(m["value"])
        if key and value and value not in {"Đã biết", "Đang cập nhật"}:
            hints.setdefault(key, value)
    return hints


def document_lines(raw: str) -> list[str]:
    """The lines of the document itself, without the site's chrome around it."""
    lines = raw.split("\n")
    start = 0
    for i, line in enumerate(lines[:400]):
        if STATUS_KEY.match(line):
            j = i + 1
            while j < len(lines) and lines[j].strip() in {"|", ""}:
                j += 1
            j += 1  # the status value
            if j < len(lines) and lines[j].strip() == "|":
                j += 1  # the pipe closing it
            if j < len(lines) and SUMMARY_START.match(lines[j]):
                while j < len(lines) and lines[j].strip() != "|":
                    j += 1
            start = j
            break
    end = len(lines)
    for i in range(start, len(lines)):
        if TRAILER_START.match(lines[i].strip()):
            end = i
            break
    while end > start and (not lines[end - 1].strip() or PAGE_TITLE.match(lines[end - 1].strip())):
        if not lines[end - 1].strip() or "|" not in lines[end - 1]:
            end -= 1
        else:
            break
    return lines[start:end]


def read(name: str, data: bytes) -> SourceText:
    """Read a capture into paragraphs and tab-separated table rows.

    >>> read("x.txt", "|\\nSố: 350/QĐ-UBND\\n|\\n*Huế, ngày 11 tháng 11 năm 2021*\\n|\\n".encode()).text
    'Số: 350/QĐ-UBND\\tHuế, ngày 11 tháng 11 năm 2021'
    """
    raw = decode_bytes(data, name)
    lines = rebuild_tables(document_lines(raw))
    lines = emphasis_to_paragraphs(lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return SourceText(source=name, site=SITE, text=text, hints={"layout": "wrapped", **site_hints(raw)})
