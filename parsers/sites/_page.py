"""Where the document is in an HTML page (shared by the HTML readers): the element holding it,
found by text weight and the document's own markers, with the site's chrome dropped.

1. Drop what is never content: scripts, styles, form controls, hidden pop-ups, and
   navigation, menus, breadcrumbs, search boxes, sidebars, headers and footers (by tag,
   id, class or role) unless they hold the document's own markers.
2. From ``<body>`` go down into the child holding most of the text that is not link text
   (menus and link lists are mostly links) while it keeps 80% of it.
3. Go back up a few levels to take in the small siblings that carry the document's own
   header and signature ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/QĐ-UBND",
   "Nơi nhận:", "(Đã ký)"), which pages often set apart from the body text.
A page whose chosen text is mostly links is a listing: ``hints["kind"] = "listing"``.
"""

from __future__ import annotations

import re

from parsers.lexicon.markers import RECIPIENTS_PATTERN, UNAMBIGUOUS_SIGN_FOR
from parsers.sites._html import SKIP_TAGS, is_hidden, is_layout_table, tag_of

HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".aspx", ".asp", ".php", ".jsp")
# Formats other readers own, never HTML even if they hold "<" characters.
OTHER_FORMATS = (".txt", ".md", ".text", ".pdf", ".docx", ".doc", ".xlsx", ".xls", ".csv", ".json")
# The start of an HTML page or fragment: "<!DOCTYPE html>", "<html", "<div class=...>", "<tr>"
HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|table|tr|p|ul|span|meta|form)\b",
    re.I | re.S,
)
CHROME_TAGS = frozenset({"nav", "aside", "header", "footer", "menu"})
# id / class / role words of site chrome:
#   "main-menu", "breadcrumb", "footer-wrap", "sidebar-right", "box-search", "social-share"
CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|menubar|breadcrumbs?|pathway|footer|header|sidebar|"
    r"banner|search|social|share|sharing|comments?|advert|ads|cookie|login|pagination|paging|"
    r"copyright|toolbar|rating|widget|tags)(?:$|[-_\s\d])",
    re.I,
)
# Markers of a Vietnamese administrative document's header, body and signature blocks.
#   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 350/QĐ-UBND",
#   "Hà Nội, ngày 17 tháng 11 năm 2025", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "(Đã ký)", "Điều 1."
MARKER_PATTERNS = (
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI",
    r"Độc\s+lập\s*[-–]\s*Tự\s+do",
    r"(?:^|\s)Số\s*:",
    r"ngày\s+(?:\d{1,2}|[.…]+)\s+tháng\s+(?:\d{1,2}|[.…]+)\s+năm\s+\d{4}",
    RECIPIENTS_PATTERN,
    rf"(?:^|\s){UNAMBIGUOUS_SIGN_FOR}\.\s",
    r"\(Đã\s+ký\)",
    r"Điều\s+1\b",
    r"(?:^|\s)Căn\s+cứ\s",
)
DOCUMENT_MARKER = re.compile("|".join(MARKER_PATTERNS), re.I)
MARKERS = tuple(re.compile(p, re.I) for p in MARKER_PATTERNS)
# The date line sites print in their banner: "Thứ ba, ngày 4 tháng 8 năm 2026"
WEEKDAY_DATE = re.compile(
    r"(?:Thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s+nhật)\s*,?\s*ngày[\s\d/]*(?:tháng[\s\d]*năm\s*\d*)?",
    re.I,
)
DESCEND_SHARE = 0.8
# A child holding this share of the text and most of the document's markers is the document,
# even beside long non-link text (related news with summaries, comments).
MARKED_SHARE = 0.2
# Link text counts this much toward where the text is: listings are mostly links.
LINK_WEIGHT = 0.25
CLIMB_LEVELS = 3
SIBLING_MAX_CHARS = 1500
LISTING_LINK_SHARE = 0.5
EDGE_BLOCKS = 3


def looks_like_html(name: str, data: bytes) -> bool:
    """An HTML page by its extension, or, for names without one we know, by its first tag.

    >>> looks_like_html("vbpq-toanvan.aspx", b""), looks_like_html("tai-ve", "<div>Điều 1</div>".encode())
    (True, True)
    """
    lower = name.lower()
    if lower.endswith(HTML_EXTENSIONS):
        return True
    if lower.endswith(OTHER_FORMATS):
        return False
    return bool(HTML_START.match(data[:2048].lstrip(b"\xef\xbb\xbf")))


def _spaced_text(el) -> str:
    """The element's text with a space between the pieces of separate elements."""
    return " ".join(el.itertext())


def _drop(el) -> None:
    el.drop_tree()  # keeps the tail text in place


def _strip_chrome(body) -> None:
    for el in [e for e in body.iter() if e is not body and (not tag_of(e) or tag_of(e) in SKIP_TAGS)]:
        if el.getparent() is not None:
            _drop(el)
    total = max(len(body.text_content()), 1)
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        tag = tag_of(el)
        names = " ".join(filter(None, (el.get("id"), el.get("class"), el.get("role"))))
        if is_hidden(el):
            _drop(el)
            continue
        if tag in CHROME_TAGS or tag == "form" or (names and CHROME_NAME.search(names)):
            text = _spaced_text(el)
            if len(text) < 0.5 * total and not DOCUMENT_MARKER.search(WEEKDAY_DATE.sub(" ", text)):
                _drop(el)
                continue
        stack.extend(reversed(el))


def _text_lengths(body) -> tuple[dict, dict]:
    """Per element: characters of text outside links, and inside links, in its subtree."""
    plain: dict = {}
    linked: dict = {}
    for el in body.iter():
        in_link = bool(el.xpath("ancestor-or-self::a"))
        plain[el] = 0 if in_link else len((el.text or "").strip())
        linked[el] = len((el.text or "").strip()) if in_link else 0
    for el in body.iter():  # tails belong to the parent
        parent = el.getparent()
        if parent is not None and parent in plain and el.tail:
            counts = linked if parent.xpath("ancestor-or-self::a") else plain
            counts[parent] += len(el.tail.strip())
    for el in reversed(list(body.iter())):
        parent = el.getparent()
        if parent is not None and parent in plain and el is not body:
            plain[parent] += plain[el]
            linked[parent] += linked[el]
    return plain, linked


def _is_document_part(el, plain: dict, linked: dict) -> bool:
    if plain.get(el, 0) == 0 or plain[el] > SIBLING_MAX_CHARS or linked[el] > plain[el]:
        return False
    return bool(DOCUMENT_MARKER.search(WEEKDAY_DATE.sub(" ", _spaced_text(el))))


def _marker_count(el) -> int:
    """How many kinds of document markers the element's text holds."""
    text = WEEKDAY_DATE.sub(" ", _spaced_text(el))
    return sum(1 for marker in MARKERS if marker.search(text))


def _trim_link_edges(node, plain: dict, linked: dict) -> None:
    """Drop link-only blocks at the start and end of a document: breadcrumbs, download links."""
    if linked[node] > plain[node]:  # a listing: its links are the content
        return
    for children in (list(node)[:EDGE_BLOCKS], list(reversed(node))[:EDGE_BLOCKS]):
        for child in children:
            if child not in plain or plain[child] or not linked[child] or child.getparent() is None:
                break
            _drop(child)


def main_content(body) -> tuple[list, float]:
    """The elements holding the document, in page order, and the share of link text in them."""
    _strip_chrome(body)
    plain, linked = _text_lengths(body)

    def weight(el) -> float:
        return plain[el] + LINK_WEIGHT * linked[el]

    node = body
    while not (tag_of(node) == "table" and not is_layout_table(node)):  # a data table stays whole
        children = [c for c in node if c in plain]
        if not children:
            break
        best = max(children, key=weight)
        if weight(best) == 0:
            break
        if weight(best) < DESCEND_SHARE * weight(node):
            big = [c for c in children if weight(c) >= MARKED_SHARE * weight(node)]
            marked = [(_marker_count(c), c) for c in big]
            marked = [(count, c) for count, c in marked if count >= 2]
            if not marked:
                break
            best = max(marked, key=lambda pair: (pair[0], weight(pair[1])))[1]
        node = best
    _trim_link_edges(node, plain, linked)
    chosen = [node]
    for _ in range(CLIMB_LEVELS):
        parent = node.getparent()
        if node is body or parent is None:
            break
        siblings = [c for c in parent if c in plain or c is node]
        at = siblings.index(node)
        parts = [i for i, c in enumerate(siblings) if c is not node and _is_document_part(c, plain, linked)]
        # the document's parts follow each other: header, title, body, signature
        first, last = min([at, *parts]), max([at, *parts])
        between = [c for c in siblings[first : last + 1] if c is not node and linked[c] <= plain[c]]
        chosen = (
            [c for c in between if siblings.index(c) < at] + chosen + [c for c in between if siblings.index(c) > at]
        )
        node = parent
    text_chars = sum(plain[e] + linked[e] for e in chosen)
    link_share = sum(linked[e] for e in chosen) / text_chars if text_chars else 0.0
    return chosen, link_share
