"""Word .docx originals (python-docx): paragraphs and tables in document order.

Each paragraph is a line; a table row is one line of tab-separated cells (merged cells
padded with empty strings so columns line up; a cell's paragraphs joined by spaces).
Word's automatic numbering ("1.", "a)", "II." generated from numbering.xml, not typed)
is written in front of the paragraph, since sections and tasks are found by their labels.
Text boxes follow the paragraph that anchors them; deleted revisions, field codes and
hidden text are left out; headers, footers and footnotes are not read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from parsers.models import SourceText

SITE = "docx"
EXTENSIONS = (".docx", ".docm")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not the document's: deleted or moved-away revisions, field codes,
# the VML copy of a text box (mc:Fallback), text boxes themselves (read after the paragraph).
SKIPPED = frozenset({f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", MC_FALLBACK, f"{W}txbxContent"})
# Formatting subtrees hold no text (only pPr's tab stops, which read as a space before the
# paragraph's first character, stripped anyway): not walked, most of a paragraph's elements.
PROPERTIES = frozenset({f"{W}pPr", f"{W}rPr"})
RUN, TEXT, TAB, NO_BREAK_HYPHEN, TEXT_BOX = f"{W}r", f"{W}t", f"{W}tab", f"{W}noBreakHyphen", f"{W}txbxContent"
BREAKS = frozenset({f"{W}br", f"{W}cr"})
VANISH = f"{W}rPr/{W}vanish"
WHITESPACE = re.compile(r"\s+")
ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90), ("l", 50))
ROMAN += (("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))
# "%1.", "%1.%2.", "Điều %1." in a level's lvlText
LEVEL_REF = re.compile(r"%(\d)")


def matches(name: str, data: bytes) -> bool:
    """``"CV-UBND-KT.docx"``, or a file without extension holding ``word/document.xml``."""
    lower = name.lower()
    if lower.endswith(EXTENSIONS):
        return True
    return "." not in lower.rsplit("/", 1)[-1] and data[:2] == b"PK" and b"word/document.xml" in data


def _val(el, path: str, default: str | None = None) -> str | None:
    found = el.find(path)
    return found.get(f"{W}val", default) if found is not None else default


def _format(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman, rest = "", number
        for numeral, value in ROMAN:
            while rest >= value:
                roman, rest = roman + numeral, rest - value
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


class _Numbering:
    """Word's list numbering: counters per list, labels from each level's lvlText."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, list[int]] = {}
        self.style_numbering: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
            for num in root.iter(f"{W}num"):
                levels = {}
                definition = abstract.get(_val(num, f"{W}abstractNumId"))
                for lvl in definition.iter(f"{W}lvl") if definition is not None else []:
                    start = int(_val(lvl, f"{W}start", "1") or 1)
                    levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                        start,
                        _val(lvl, f"{W}numFmt", "decimal") or "decimal",
                        _val(lvl, f"{W}lvlText", "") or "",
                    )
                for override in num.iter(f"{W}lvlOverride"):
                    ilvl, start = int(override.get(f"{W}ilvl", "0")), _val(override, f"{W}startOverride")
                    if start is not None and ilvl in levels:
                        levels[ilvl] = (int(start), *levels[ilvl][1:])
                self.levels[num.get(f"{W}numId")] = levels
        for style in document.styles.element.iter(f"{W}style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                ilvl = int(_val(num_pr, f"{W}ilvl", "0") or 0)
                self.style_numbering[style.get(f"{W}styleId")] = (_val(num_pr, f"{W}numId", "0"), ilvl)

    def label(self, paragraph) -> str:
        """The label Word shows before the paragraph ("1.", "a)", "-"), or ""."""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, f"{W}numId", "0"), int(_val(num_pr, f"{W}ilvl", "0") or 0)
        else:
            num_id, ilvl = self.style_numbering.get(_val(paragraph, f"{W}pPr/{W}pStyle", ""), ("0", 0))
        levels = self.levels.get(num_id or "0")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        start, fmt, text = levels[ilvl]
        counters[ilvl] = max(counters[ilvl] + 1, start)
        counters[ilvl + 1 :] = [0] * (9 - ilvl)
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return LEVEL_REF.sub("", text).strip()

        def number(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            level_start, level_fmt, _ = levels.get(level, (1, "decimal", ""))
            return _format(max(counters[level], level_start), level_fmt)

        return LEVEL_REF.sub(number, text).strip()


def _paragraph_lines(p, numbering: _Numbering) -> list[str]:
    parts: list[str] = []
    boxes: list[str] = []
    walker = etree.iterwalk(p, events=("start",))
    for _, el in walker:
        tag = el.tag
        if tag == TEXT:
            parts.append(el.text or "")
        elif tag in PROPERTIES:
            walker.skip_subtree()
        elif tag in SKIPPED or (tag == RUN and el.find(VANISH) is not None):
            if tag == TEXT_BOX:
                boxes.extend(line for block in el.iterchildren() for line in _block_lines(block, numbering))
            walker.skip_subtree()
        elif tag == TAB:
            parts.append(" ")
        elif tag in BREAKS:
            parts.append("\n")
        elif tag == NO_BREAK_HYPHEN:
            parts.append("-")
    lines = [WHITESPACE.sub(" ", piece).strip() for piece in "".join(parts).split("\n")]
    lines = [line for line in lines if line]
    label = numbering.label(p)
    if label and lines:
        lines[0] = f"{label} {lines[0]}"
    return lines + boxes


def _cell_text(tc, numbering: _Numbering) -> str:
    lines = [line for block in tc.iterchildren() for line in _block_lines(block, numbering)]
    return " ".join(line.replace("\t", " ") for line in lines)


def _table_lines(tbl, numbering: _Numbering) -> list[str]:
    lines: list[str] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells = [""] * int(_val(tr, f"{W}trPr/{W}gridBefore", "0") or 0)
        padding = 0
        for tc in tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
            span = int(_val(tc, f"{W}tcPr/{W}gridSpan", "1") or 1)
            merged_above = _val(tc, f"{W}tcPr/{W}vMerge", "none") not in ("none", "restart")
            cells.extend(["" if merged_above else _cell_text(tc, numbering)] + [""] * (span - 1))
            padding = span - 1
        if padding:  # a cell spanning to the end of the row
            cells = cells[:-padding]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _block_lines(block, numbering: _Numbering) -> list[str]:
    tag = block.tag
    if tag == f"{W}p":
        return _paragraph_lines(block, numbering)
    if tag == f"{W}tbl":
        return _table_lines(block, numbering)
    if tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
        inner = block.find(f"{W}sdtContent") if tag == f"{W}sdt" else block
        children = inner.iterchildren() if inner is not None else []
        return [line for child in children for line in _block_lines(child, numbering)]
    return []


def read(name: str, data: bytes) -> SourceText:
    """Read a Word document's body.

    >>> read("cv.docx", docx_bytes).text.split("\\\\n")[0]  # doctest: +SKIP
    'UỶ BAN NHÂN DÂN TỈNH LÀO CAI\\t\\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc'
    """
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ValueError(f"{name}: a legacy Word .doc file; only .docx is supported (convert it first)")
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        body = document.element.body
        lines = [line for block in body.iterchildren() for line in _block_lines(block, numbering)]
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise ValueError(f"{name}: cannot read the Word document ({type(error).__name__}: {error})") from error
    except (AttributeError, TypeError, IndexError, EOFError, zlib.error, NotImplementedError) as error:
        # a damaged part python-docx half-reads (a missing body, a cut numbering part)
        raise ValueError(f"{name}: the Word document is damaged ({type(error).__name__}: {error})") from error
    if not lines:
        raise ValueError(f"{name}: the Word document holds no text")
    return SourceText(source=name, site=SITE, text="\n".join(lines), hints={"layout": "paragraphs"})
