"""Paragraphs and the section tree of a normalised document text.

The normalised text has one paragraph per line. A paragraph may open with a label
("II.", "1.", "1.2.", "a)", "-", "+"); labelled paragraphs other than bullets are the
nodes of the section tree, nested by the order in which label styles first appear
(the usual I. > 1. > a) > - > +, but documents vary, so the order is learned per document).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel, Field

from parsers.lexicon.markers import ARTICLE_REFERENCE
from parsers.lexicon.vietnamese import UPPER
from parsers.models import Section

# Label styles, tried in order. Each pattern must match at the start of a paragraph.
LABEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục 02"
    (
        "appendix",
        re.compile(r"^(?P<label>(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[IVXL\d]+\b)?)[.:]?(?:\s+|$)"),
    ),
    # "Phần I.", "PHẦN THỨ NHẤT", "Chương II", "Mục 3"
    ("part", re.compile(r"^(?P<label>(?:PHẦN|Phần)\s+(?:[IVXL]+|\d+|THỨ\s+\w+))[.:]?(?:\s+|$)")),
    ("chapter", re.compile(r"^(?P<label>(?:CHƯƠNG|Chương)\s+[IVXL\d]+)[.:]?(?:\s+|$)")),
    # "Điều 14. Tổ chức thực hiện"; not a reference wrapped to the line start: "Điều 6; khoản 5 Điều 9",
    # "Điều 14 Thông tư số 36/2025/TT-BNNMT", "Điều 64 của Luật Địa chất và khoáng sản"
    ("article", re.compile(r"^(?P<label>Điều\s+\d+[a-zđ]?)(?!" + ARTICLE_REFERENCE + r")[.:]?(?:\s+|$)")),
    # "II. NHIỆM VỤ", "IV- TỔ CHỨC THỰC HIỆN", "III/ ..."
    ("roman", re.compile(r"^(?P<label>[IVXL]{1,6})(?!/[vV])\s*[.)/\-–:]\s*(?=\S)")),  # not "V/v" (về việc)
    # "1.2.3." / "1.2." / "1.2 " (multi-level arabic)
    ("arabic3", re.compile(r"^(?P<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\)?\s+")),
    ("arabic2", re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\)?\s+")),
    # "1. Sở Tài chính", "2) ...", "3- ..."
    (
        "arabic",
        re.compile(r"^(?P<label>\d{1,2})\s*[.)]\s*(?=\S)|^(?P<label2>\d{1,2})\s*[-–]\s+(?=[" + UPPER + "])"),
    ),
    # "a) ...", "đ) ...", "b. ..."
    ("letter", re.compile(r"^(?P<label>[a-zđ])\s*\)\s*|^(?P<label2>[a-zđ])\.\s+(?=[" + UPPER + "])")),
    # "(1). Theo quy định ...", "(2) Về mẫu báo cáo:", "(ii). Sớm chỉ đạo ...": a number or a small
    # roman numeral in brackets opening a capitalised sentence ("(Có các Mẫu ...)" is a note)
    ("paren", re.compile(r"^\((?P<label>\d{1,2}|[ivx]{1,4})\)\.?\s*(?=[" + UPPER + r"])")),
    # "- ...", "+ ...", "• ..."
    ("dash", re.compile(r"^(?P<label>[-–—])\s*(?=\S)")),
    ("plus", re.compile(r"^(?P<label>\+)\s*(?=\S)")),
    ("dot", re.compile(r"^(?P<label>[•▪●◦*])\s*(?=\S)")),
]
BULLET_STYLES = {"dash", "plus", "dot"}
# Titles of appendices that lay out procedures or forms, not tasks:
#   "QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "DANH MỤC THỦ TỤC HÀNH CHÍNH", "Mẫu số 01"
PROCEDURE_TITLE = re.compile(r"thủ\s+tục\s+hành\s+chính|quy\s+trình|trình\s+tự|biểu\s+mẫu|mẫu\s+số|tờ\s+khai", re.I)
ARABIC_DEPTH = {"arabic": 1, "arabic2": 2, "arabic3": 3}
# The type heading of a document attached after the decision's signature ("KẾ HOẠCH", "QUY CHẾ"):
# its sections start again from the root, they are not inside the decision's last article.
ATTACHED_DOCUMENT = re.compile(
    r"^(?:KẾ\s+HOẠCH|QUY\s+CHẾ|QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|ĐỀ\s+ÁN|HƯỚNG\s+DẪN|ĐIỀU\s+LỆ)$"
)

PARENTHESES = re.compile(r"\([^()]*\)")
# Keywords that give a section its kind (searched in the heading, case-insensitively).
SECTION_KINDS: list[tuple[str, re.Pattern[str]]] = [
    # "PHỤ LỤC I"
    ("appendix", re.compile(r"^phụ\s+lục", re.I)),
    # "III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG", "b) Tiêu chuẩn khen thưởng", "1. Tiêu chuẩn chung:":
    # what an emulation or an appointment is judged by, and the awards it brings; the heading opens with it
    # ("b) Ban hành bộ tiêu chí đại học số ..." is work on criteria, not criteria)
    ("criteria", re.compile(
        r"^\W*(?:(?:Điều\s+\d+|[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.:)]\s*)?\W*"
        r"(?:tiêu\s+chí|tiêu\s+chuẩn|hình\s+thức(?:\s+và\s+tiêu\s+chuẩn)?\s+khen\s+thưởng|danh\s+hiệu\s+thi\s+đua)\b",
        re.I)),
    # "NỘI DUNG GIÁM SÁT, ĐÁNH GIÁ": what an activity covers, not who must do what
    (
        "content",
        re.compile(r"nội\s+dung\s+(?:giám\s+sát|đánh\s+giá|kiểm\s+tra|thanh\s+tra|tuyên\s+truyền|báo\s+cáo)", re.I),
    ),
    # "TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ", "Trách nhiệm của các cơ quan"
    ("implementation", re.compile(r"tổ\s+chức\s+thực\s+hiện|trách\s+nhiệm|phân\s+công|giao\s+nhiệm\s+vụ", re.I)),
    # "KINH PHÍ THỰC HIỆN", "NGUỒN VỐN"
    ("funding", re.compile(r"kinh\s+phí|nguồn\s+vốn|nguồn\s+lực\s+tài\s+chính", re.I)),
    # a charter's "Điều 5. Nguyên tắc hoạt động", "Chế độ làm việc": the body's working rules, its meetings
    # among them ("Hội đồng tổ chức họp định kỳ 01 tháng 01 lần"), not principles of a plan
    ("working", re.compile(r"nguyên\s+tắc\s+(?:hoạt\s+động|làm\s+việc)|chế\s+độ\s+(?:làm\s+việc|họp)", re.I)),
    # "MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "QUAN ĐIỂM", "Chỉ tiêu cụ thể"
    ("objectives", re.compile(
        r"mục\s+đích|yêu\s+cầu|mục\s+tiêu|quan\s+điểm|chỉ\s+tiêu|phạm\s+vi|đối\s+tượng|nguyên\s+tắc|định\s+hướng",
        re.I)),
    # "PHƯƠNG PHÁP, CÁC BƯỚC GIÁM SÁT": how something is done; steps are tasks only with a doer
    # "Thủ tục, hồ sơ đề nghị khen thưởng", "Thành phần hồ sơ": the items are documents to file
    ("procedure", re.compile(
        r"phương\s+pháp|các\s+bước|quy\s+trình|cách\s+thức|thủ\s+tục,\s+hồ\s+sơ|thành\s+phần\s+hồ\s+sơ|"
        r"hồ\s+sơ\s+đề\s+nghị", re.I)),
    # "NHIỆM VỤ, GIẢI PHÁP", "CÁC BIỆN PHÁP"
    ("tasks", re.compile(r"nhiệm\s+vụ|giải\s+pháp|biện\s+pháp", re.I)),
    # "NỘI DUNG THỰC HIỆN", "CÁC HOẠT ĐỘNG CHỦ YẾU": tasks, or a description of what is covered
    ("activities", re.compile(r"nội\s+dung|hoạt\s+động|lộ\s+trình", re.I)),
    # "SỰ CẦN THIẾT", "THỰC TRẠNG", "KẾT QUẢ ĐẠT ĐƯỢC", "Đánh giá tình hình", a notice's "ĐÁNH GIÁ CHUNG"
    ("background", re.compile(
        r"căn\s+cứ|sự\s+cần\s+thiết|thực\s+trạng|tình\s+hình|kết\s+quả\s+(?:đạt\s+được|thực\s+hiện)|"
        r"đánh\s+giá\s+(?:kết\s+quả|tình\s+hình|thực\s+trạng|chung)", re.I)),
]  # fmt: skip


class Paragraph(BaseModel):
    """One line of the normalised text."""

    start: int
    end: int
    text: str
    style: str | None = None  # a LABEL_PATTERNS name, or None
    label: str = ""
    body_start: int  # offset of the text after the label
    cells: list[tuple[int, int]] = Field(default_factory=list)  # table row: cell spans

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start :]

    @property
    def is_row(self) -> bool:
        return bool(self.cells)

    @property
    def parts(self) -> list[str]:
        """The cells of a table row, or the paragraph itself."""
        if not self.cells:
            return [self.text]
        return [self.text[s - self.start : e - self.start] for s, e in self.cells]


# The first characters each label pattern can begin with (every pattern is anchored at the
# line's start): a line is tried only against the patterns its first character allows.
_FIRST_CHARS: dict[str, Callable[[str], bool]] = {
    "appendix": lambda c: c == "P",
    "part": lambda c: c == "P",
    "chapter": lambda c: c == "C",
    "article": lambda c: c == "Đ",
    "roman": lambda c: c in "IVXL",
    "arabic3": str.isdecimal,  # \d: any decimal digit
    "arabic2": str.isdecimal,
    "arabic": str.isdecimal,
    "letter": lambda c: c in "abcdefghijklmnopqrstuvwxyzđ",
    "paren": lambda c: c == "(",
    "dash": lambda c: c in "-–—",
    "plus": lambda c: c == "+",
    "dot": lambda c: c in "•▪●◦*",
}


@functools.lru_cache(maxsize=4096)
def _patterns_for(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((style, pattern) for style, pattern in LABEL_PATTERNS if _FIRST_CHARS[style](first))


def _label(text: str) -> tuple[str | None, str, int]:
    for style, pattern in _patterns_for(text[:1]):
        m = pattern.match(text)
        if m:
            label = m.group("label") or (m.groupdict().get("label2") or "")
            return style, re.sub(r"\s+", " ", label).strip(), m.end()
    return None, "", 0


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text into paragraphs with their labels and (for table rows) cells.

    >>> [p.label for p in split_paragraphs("II. NHIỆM VỤ\\n1. Sở Tài chính:\\n- Chủ trì")]
    ['II', '1', '-']
    """
    paragraphs: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if "\t" in line:
            cells, offset = [], start
            for cell in line.split("\t"):
                cells.append((offset, offset + len(cell)))
                offset += len(cell) + 1
            paragraphs.append(Paragraph(start=start, end=end, text=line, body_start=start, cells=cells))
            continue
        style, label, length = _label(line)
        paragraphs.append(
            Paragraph(start=start, end=end, text=line, style=style, label=label, body_start=start + length)
        )
    return paragraphs


# A heading that opens with a process names its steps, whatever the process is about: "Điều 4. Quy trình rà
# soát đối tượng hỗ trợ đất ở, nhà ở, ...", "Điều 13. Quy trình thẩm định, phê duyệt, điều chỉnh Báo cáo ...",
# "Điều 5. Quy trình thông báo trước khi dừng bán hàng" ("đối tượng" is its object, not the objectives part).
# Not "Trình tự thực hiện": a regulation's article of that name states rules whose named doers have tasks
# whatever kind its heading gives it ("Điều 3. Trình tự thực hiện" / "1. Căn cứ quyết định phê duyệt ...").
PROCESS_HEADING = re.compile(r"^\W*(?:(?:Điều\s+\d+|[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.:)]\s*)?\W*quy\s+trình\b", re.I)


def section_kind(heading: str, inherited: str = "other") -> str:
    """Kind of a section from its heading: ``"TỔ CHỨC THỰC HIỆN"`` -> ``"implementation"``.

    A note in parentheses names no kind: "1.1.1. Đối với vùng nuôi tôm nước lợ (đối tượng nuôi tôm thẻ chân
    trắng, tôm sú)" is an activity, not the objectives part ("đối tượng"). A part of a process is never its
    objectives: "Điều 4. Quy trình rà soát đối tượng ..." / "d) Thời hạn rà soát đối tượng" stays a procedure."""
    head = PARENTHESES.sub(" ", heading)[:120]
    if PROCESS_HEADING.match(head):
        return "procedure"
    for kind, pattern in SECTION_KINDS:
        if pattern.search(head):
            return inherited if kind == "objectives" and inherited == "procedure" else kind
    return inherited


def _appendix_kind(paragraphs: list[Paragraph], i: int) -> str:
    """An appendix's kind from its title, the line after "PHỤ LỤC" when it has none of its own:
    a task list is "appendix", a procedure ("QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH") is not."""
    title = paragraphs[i].text
    if i + 1 < len(paragraphs) and paragraphs[i + 1].style is None and not paragraphs[i + 1].is_row:
        title += " " + paragraphs[i + 1].text
    return "procedure" if PROCEDURE_TITLE.search(title) else "appendix"


def _is_heading(p: Paragraph) -> bool:
    """A short title rather than an item with a sentence ("II. NHIỆM VỤ", "2. Sở Tài chính:")."""
    body = p.body.strip()
    return p.style == "appendix" or (len(body) <= 140 and not re.search(r"[.;]\s*\S|[;.]$", body))


def _path(parent: Section | None, label: str) -> str:
    """Label path; "2.2" under "2" replaces it rather than nesting: I.2 + 2.2 -> I.2.2."""
    if parent is None:
        return label
    head, _, last = parent.path.rpartition(".")
    if "." in label and label.startswith(parent.label + "."):
        return f"{head}.{label}" if head else label
    return f"{parent.path}.{label}"


def _heading_text(p: Paragraph) -> str:
    body = p.body.strip()
    return body if len(body) <= 200 else body[:200].rsplit(" ", 1)[0] + " …"


def build_sections(paragraphs: list[Paragraph], body_start: int = 0) -> tuple[list[Section], list[int | None]]:
    """The section tree, and for every paragraph the index of the section it belongs to.

    A labelled paragraph belongs to its own section; others to the last open section.
    Paragraphs before ``body_start`` (the header block) belong to none.
    """
    sections: list[Section] = []
    owner: list[int | None] = []
    stack: list[tuple[str, int]] = []  # (style, section index)
    for i, p in enumerate(paragraphs):
        if p.start >= body_start and not p.is_row and ATTACHED_DOCUMENT.match(p.text.strip(" *")):
            stack = []
        if p.start < body_start or p.is_row or p.style is None or p.style in BULLET_STYLES:
            owner.append(stack[-1][1] if stack and p.start >= body_start else None)
            continue
        if p.style == "appendix":
            stack = []
        else:
            styles = [s for s, _ in stack]
            if p.style in styles:
                del stack[styles.index(p.style) :]
            elif p.style in ARABIC_DEPTH:
                # "5." after "4.4." closes 4.4 even when no "4." opened it
                deeper = [k for k, s in enumerate(styles) if ARABIC_DEPTH.get(s, 0) > ARABIC_DEPTH[p.style]]
                if deeper:
                    del stack[deeper[0] :]
        parent = stack[-1][1] if stack else None
        parent_kind = sections[parent].kind if parent is not None else "other"
        label = "Phụ lục" if p.style == "appendix" else p.label
        path = _path(sections[parent] if parent is not None else None, label)
        sections.append(
            Section(
                label=label,
                path=path,
                heading=_heading_text(p),
                level=len(stack) + 1,
                parent=parent,
                kind=_appendix_kind(paragraphs, i)
                if p.style == "appendix"
                else (section_kind(p.text, parent_kind) if _is_heading(p) else parent_kind),
                span_start=p.start,
                span_end=p.end,
            )
        )
        stack.append((p.style, len(sections) - 1))
        owner.append(len(sections) - 1)
    _close_spans(sections, paragraphs)
    return sections, owner


def _close_spans(sections: list[Section], paragraphs: list[Paragraph]) -> None:
    """Extend each section's span to the start of the next section at its level or above."""
    text_end = paragraphs[-1].end if paragraphs else 0
    # read from the last section back, keeping the sections no later one closes (a stack of
    # rising levels): the first later section at a level or above is then the stack's top
    later: list[Section] = []
    for section in reversed(sections):
        while later and later[-1].level > section.level:
            later.pop()
        end = later[-1].span_start - 1 if later else text_end
        section.span_end = max(section.span_end, end)
        later.append(section)


@dataclass(frozen=True)
class Layout:
    """A document's text as the later stages read it: its paragraphs, its section tree (with the
    section ``owner`` of every paragraph) and where the body starts (after the title)."""

    text: str
    paragraphs: list[Paragraph]
    sections: list[Section]
    owner: list[int | None]
    body_start: int = 0
