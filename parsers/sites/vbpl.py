"""vbpl.vn, the national database of legal documents (SharePoint pages, saved raw).

One document has several pages, told apart by their containers:
- "Toàn văn" (full text): ``div#toanvancontent`` inside ``div.fulltext``, after the header
  tables (issuer, "Số:", national motto, place and date) and before the signature table
  (``table.table_cqbh_cd_nk``). ``div.vbInfo`` states the status and the effective date.
- "Thuộc tính" (attributes): ``div.vbProperties``, a table of label and value cells
  ("Số ký hiệu", "Ngày ban hành", "Cơ quan ban hành/ Chức danh / Người ký" ...). Its
  facts go to hints; its text is the title and the attributes; ``hints["kind"] = "attributes"``.
- "Lược đồ" (relation diagram), "VB liên quan" (related documents) and search results:
  lists of other documents; ``hints["kind"] = "listing"``, one line per listed document.
Any other page of the site is read by the generic HTML reader's main-content search.
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.models import SourceText
from parsers.sites._html import parse_html, render
from parsers.sites._page import HTML_EXTENSIONS, LISTING_LINK_SHARE, looks_like_html, main_content

SITE = "vbpl"
# The file names it reads (a page also by its first tag or the site\'s markers)
EXTENSIONS = HTML_EXTENSIONS
# Markers of vbpl.vn pages: the SharePoint user controls, page names, containers, the address
# a browser notes when saving.
#   "VBQPPL_UserControls\\Publishing_22\\uc_ToanVan.ascx", "/tw/Pages/vbpq-toanvan.aspx?ItemID=32801",
#   "<!-- saved from url=(0067)https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx -->"
SITE_MARKERS = re.compile(
    rb"VBQPPL_UserControls|/Pages/vbpq-[a-z-]+\.aspx|id=\"toanvancontent\""
    rb"|saved from url=\(\d+\)https?://(?:www\.)?vbpl\.vn",
    re.I,
)
# "27/11/2015", "ngày 28 tháng 11 năm 2013"
SHORT_DATE = re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
LONG_DATE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I)
# "Số: 100/2015/QH13", "Số: Không số"
NUMBER_LINE = re.compile(r"^Số\s*:\s*(?P<number>\S+)\s*$")
# Breadcrumb's last item: "Bộ luật 101/2015/QH13", "Hiến pháp Không số", "Luật 31/VBHN-VPQH"
TYPE_AND_NUMBER = re.compile(r"^(?P<doc_type>\D+?)\s+(?P<number>\S*\d\S*/\S+|Không số)$")
SIGNED = re.compile(r"^\(?\s*Đã\s+ký\s*\)?$", re.I)
# Attribute labels -> hint keys. Composite labels ("Cơ quan ban hành/ Chức danh / Người ký")
# are split on "/" and matched part by part with the value cells.
ATTRIBUTE_KEYS = {
    "số ký hiệu": "number",
    "ngày ban hành": "issue_date",
    "ngày xác thực": "authenticated_date",
    "loại văn bản": "doc_type",
    "ngày có hiệu lực": "effective_date",
    "ngày hết hiệu lực": "expiry_date",
    "ngày đăng công báo": "gazette_date",
    "nguồn thu thập": "gazette_source",
    "nguồn trích": "gazette_source",
    "cơ quan ban hành": "issuer",
    "cơ quan hợp nhất": "issuer",
    "chức danh": "signer_title",
    "người ký": "signer",
    "phạm vi": "scope",
    "lĩnh vực": "field",
    "ngành": "field",
    "tình trạng hiệu lực": "status",
    "hiệu lực": "status",
}
DATE_KEYS = {"issue_date", "authenticated_date", "effective_date", "expiry_date", "gazette_date"}


def matches(name: str, data: bytes) -> bool:
    """A saved vbpl.vn page: ``"/tw/Pages/vbpq-toanvan.aspx?ItemID=32801"`` in an HTML file."""
    return looks_like_html(name, data) and SITE_MARKERS.search(data) is not None


def _class(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def _text(el) -> str:
    return " ".join(" ".join(render(el)).split())


def iso_date(text: str) -> str | None:
    """``"27/11/2015"`` or ``"ngày 27 tháng 11 năm 2015"`` -> ``"2015-11-27"``."""
    m = SHORT_DATE.search(text) or LONG_DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


def _set(hints: dict[str, str], key: str, value: str) -> None:
    value = " ".join(value.split())
    if key in DATE_KEYS:
        value = iso_date(value) or ""
    if value and key not in hints:
        hints[key] = value


def _page_facts(root) -> dict[str, str]:
    """Breadcrumb ("Bộ luật 101/2015/QH13") and status box ("Ngày có hiệu lực: 01/01/2018")."""
    hints: dict[str, str] = {}
    crumbs = root.xpath(f"//div[{_class('box-map')}]//li")
    if crumbs:
        m = TYPE_AND_NUMBER.match(_text(crumbs[-1]))
        if m:  # "Luật 31/VBHN-VPQH" names the law a consolidated text (VBHN) consolidates
            _set(hints, "doc_type", "Văn bản hợp nhất" if "/VBHN-" in m["number"] else m["doc_type"])
            if m["number"] != "Không số":
                _set(hints, "number", m["number"])
    for item in root.xpath(f"//div[{_class('vbInfo')}]//li"):
        label, _, value = _text(item).partition(":")
        key = ATTRIBUTE_KEYS.get(label.strip().lower())
        if key and value.strip():
            _set(hints, key, value)
    return hints


def _full_text(root, content, hints: dict[str, str]) -> list[str]:
    box = content.xpath(f"ancestor::div[{_class('fulltext')}]")
    container = box[-1] if box else content
    for chrome in container.xpath(
        f".//div[{_class('vbInfo')} or {_class('vbFile')} or {_class('vbLienQuan')}] | .//style"
    ):
        chrome.drop_tree()
    header = content.xpath("preceding::table[ancestor::div[" + _class("fulltext") + "]]")
    header_lines = render(*header)
    for line in header_lines:
        m = NUMBER_LINE.match(line)
        if m and m["number"] != "Không số":
            hints["number"] = m["number"]
        if "ngày" in line and iso_date(line):
            _set(hints, "issue_date", line)
    issuer = []
    for line in render(header[0]) if header else []:
        if line.startswith("Số"):
            break
        issuer.append(line)
    if issuer:
        _set(hints, "issuer", " ".join(issuer))
    signature = [line for t in container.xpath(f".//table[{_class('table_cqbh_cd_nk')}]") for line in render(t)]
    signed = [i for i, line in enumerate(signature) if SIGNED.match(line)]
    at = signed[0] if signed else len(signature)  # "(Đã ký)" stands between title and name
    if at + 1 < len(signature) or not signed:
        name_at = at + 1 if signed else at - 1
        if name_at >= 0:
            _set(hints, "signer", signature[name_at])
        if name_at - (2 if signed else 1) >= 0:
            _set(hints, "signer_title", signature[name_at - (2 if signed else 1)])
    return render(container)


def _attributes(props, hints: dict[str, str]) -> list[str]:
    lines: list[str] = []
    for row in props.xpath(".//tr[not(ancestor::tr[ancestor::div[" + _class("vbProperties") + "]])]"):
        cells = row.xpath("./td | ./th")
        if not cells:
            continue
        label_cells = [c for c in cells if "label" in (c.get("class") or "").split()]
        if not label_cells:  # a title row: the document's title, the status, a section heading
            text = _text(row)
            if not text:
                continue
            label, _, value = text.partition(":")
            key = ATTRIBUTE_KEYS.get(label.strip().lower())
            if value and key:
                _set(hints, key, value)
            elif not lines:
                _set(hints, "title", text)
            lines.append(text)
            continue
        groups: list[list] = []  # [label cell, value cells...] x 1 or 2 per row
        for cell in cells[cells.index(label_cells[0]) :]:
            if cell in label_cells:
                groups.append([cell])
            else:
                groups[-1].append(cell)
        for label_cell, *values in groups:
            lines.extend(_attribute(_text(label_cell), values, hints))
    return lines


def _attribute(label: str, values: list, hints: dict[str, str]) -> list[str]:
    """Lines of one label and its value cells; the facts go to hints."""
    items = _listed_items(values[0]) if values else []
    if items:
        return [label, *items] if label else items
    parts = [p.strip() for p in label.split("/")] if len(values) > 1 else [label]
    texts = [_text(v) for v in values]
    if len(parts) != len(texts):
        parts, texts = [label], [" ".join(texts)]
    lines = []
    for part, value in zip(parts, texts, strict=True):
        if value:
            lines.append(f"{part}: {value}")
            key = ATTRIBUTE_KEYS.get(part.lower())
            if key:
                _set(hints, key, value)
    return lines


def _item_line(item) -> str:
    """A listed document: its title, then its facts in tab-separated cells."""
    title = " ".join(_text(t) for t in item.xpath(f".//p[{_class('title')}] | .//div[{_class('des')}]"))
    facts = [_text(f) for f in item.xpath(f".//ul[{_class('info')}]/li | .//div[{_class('right')}]//p")]
    facts = [re.sub(r"\s*:\s*", ": ", f, count=1) for f in facts if f]
    return "\t".join([title or _text(item), *facts])


def _listed_items(el) -> list[str]:
    return [_item_line(item) for item in el.xpath(f".//div[{_class('item')}]")]


def _listing(root) -> tuple[list[str], int]:
    """Headings and one line per listed document, and how many documents are listed."""
    lines: list[str] = []
    count = 0
    for message in root.xpath(f"//div[{_class('message')}]"):
        lines.append(_text(message))
    for box in root.xpath(f"//div[{_class('luocdo')}]"):
        links = [text for a in box.xpath(".//a[" + _class("jTips") + "]") if (text := _text(a))]
        if links:
            lines.append(_text(box.xpath(f"./div[{_class('title')} or {_class('titleht')}]")[0]))
            lines.extend(links)
            count += len(links)
    for row in root.xpath(f"//div[{_class('vbLienQuan')}]//tr"):
        items = _listed_items(row)
        if items:
            lines.extend([_text(row.xpath("./td")[0]), *items])
            count += len(items)
    if not count:
        items = _listed_items(root)
        lines.extend(items)
        count = len(items)
    return lines, count


def read(name: str, data: bytes) -> SourceText:
    """Read a saved vbpl.vn page.

    >>> page = '<div class="message"><span>Tìm thấy <strong>2</strong> văn bản.</span></div>'
    >>> read("s.html", (page + '<a href="/tw/Pages/vbpq-toanvan.aspx?ItemID=1">x</a>').encode()).hints["kind"]
    'listing'
    """
    root = parse_html(data, name)
    hints = {"layout": "paragraphs"}
    content = root.xpath(f"//div[@id='toanvancontent' or {_class('toanvancontent')}]")
    properties = root.xpath(f"//div[{_class('vbProperties')}]")
    if content:
        hints.update(_page_facts(root))
        lines = _full_text(root, content[0], hints)
    elif properties:
        hints.update(_page_facts(root))
        lines = _attributes(properties[0], hints)
        hints["kind"] = "attributes"
    elif root.xpath(f"//div[{_class('item')} or {_class('luocdo')}] | //div[{_class('message')}]"):
        lines, count = _listing(root)
        hints.update(kind="listing", items=str(count))
    else:
        body = root.body if root.find(".//body") is not None else root
        chosen, link_share = main_content(body)
        lines = render(*chosen)
        if link_share > LISTING_LINK_SHARE:
            hints["kind"] = "listing"
    if not lines:
        raise ValueError(f"{name}: no text found in the vbpl.vn page")
    return SourceText(source=name, site=SITE, text="\n".join(lines), hints=hints)
