"""Cleaning: a source's raw text -> the normalised text every span points into.

``clean_text(source_text)`` runs ``STEPS`` in order, NFC first. The result has one
paragraph per line; a table row is one line whose cells are separated by tabs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from parsers.lexicon.markers import ARTICLE_REFERENCE, RECIPIENTS_PATTERN, SIGN_FOR
from parsers.lexicon.vietnamese import LOWER, UPPER, is_caps
from parsers.models import SourceText

# Invisible or odd characters captures carry: no-break and zero-width spaces, soft hyphens,
# bidi controls (LRM, RLE ... PDI: never meaningful in Vietnamese, and they can reorder how
# a value is displayed), and control characters (NUL ...: not text; tab and newlines kept).
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
INVISIBLE = re.compile(
    r"[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069"
    r"\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)
# Lines some captures keep from the page around the document.
#   "Đang tải nội dung, vui lòng chờ giây lát..."
CHROME_LINE = re.compile(r"^\s*(?:Đang tải (?:nội dung|văn bản)[^\n]*|Hệ thống pháp luật)\s*$", re.M)
# Rules and separators under the header block: "-------", "___", "* * *"
RULE_LINE = re.compile(r"^\s*(?:[-_=.…*]\s*){3,}\s*$")

# A line that always starts a paragraph:
#   "- Chủ trì ...", "+ Phối hợp", "• ...", "1. Sở Tài chính", "1.2. ...", "a) ...", "đ) ...", "(1). Theo ...",
#   "II. NHIỆM VỤ", "Điều 1.", "Chương II", "Số: 350/QĐ-UBND", "Nơi nhận:", "PHỤ LỤC"
PARAGRAPH_OPENER = re.compile(
    # "- đảm bảo ..." after a wrap is "dạy - học - thi", not a bullet: bullets open in capitals
    r"^(?:[-+•▪●◦–—]\s(?!["
    + LOWER
    + r"])"
    + r"""
      | \d{1,2}(?:\.\d{1,2}){0,3}[.)]\s
      | [a-zđ]\)\s | [a-zđ]\.\s(?=[A-ZĐ])
      | \((?:\d{1,2}|[ivx]{1,4})\)\.?\s(?=[A-ZĐ])
      | [IVXL]{1,6}[.)/]\s
      | Điều\s+\d+[a-zđ]?\b(?!"""
    + ARTICLE_REFERENCE
    + r""")
      | (?:Chương|Mục|Phần)\s+[\dIVXL]+\b
      | Số:\s | Số\s+\d | Kính\s+gửi | Căn\s+cứ\s | PHỤ\s+LỤC | Phụ\s+lục\s+[\dIVX]
      | """
    + RECIPIENTS_PATTERN
    + " | "
    + SIGN_FOR
    + r"""\.\s
    )""",
    re.X,
)
# "Thừa Thiên Huế, ngày 11 tháng 11 năm 2021": the place-and-date line
DATE_LINE = re.compile(r"^[^\d,]{2,40},\s*ngày\s+(?:\d{1,2}|\.{2,}|…)\s+tháng\b")
TERMINAL = re.compile(r"(?:[.:;!?]|\./\.|\.\)|;\)|:\))[\"”’)]*$")
RULE_RUN = re.compile(r"[-_=]{4,}")
# A wrapped hyphen continues only a long sentence (headings before their bullets are short), after
# a capitalised word of a name ("Công nghiệp", "Đồng Hới") or a number ("2026")
WRAPPED_HYPHEN = re.compile(r"^[-–]\s")
WRAPPED_HYPHEN_MIN = 100
# A bullet mark alone on its line, its text wrapped to the next ("trở lên." / "-" / "Trường hợp ...",
# "1. Sở Khoa học và Công nghệ:" / "-" / "Đồng bộ đầy đủ ..."): a bullet after a finished sentence
LONE_BULLET = re.compile(r"^[-+•]$")
NAME_TAIL = re.compile(r"(?:^|\s)[" + UPPER + r"]\w*(?:\s+\w+)?$")
STARTS_UPPER = re.compile(r"^[\"“‘(\[]?[0-9" + UPPER + "]")


def _normalise_chars(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = ODD_SPACES.sub(" ", text)
    return INVISIBLE.sub("", text)


def _drop_chrome(text: str) -> str:
    text = CHROME_LINE.sub("", text)
    return RULE_LINE.sub("", text) if "\n" in text else text


def _wrapped_hyphen(prev_length: int, prev_last: str, line: str) -> bool:
    """A hyphen wrapped to the start of a line inside a long sentence, not a bullet: a name or a
    range goes on ("... các Tập đoàn: ..., Công nghiệp" / "- Viễn thông Quân đội theo chức năng",
    "phường Nam Lý - Đồng Hới" / "- Quảng Bình;", "giai đoạn 2026" / "- 2030")."""
    if not WRAPPED_HYPHEN.match(line) or TERMINAL.search(prev_last) or prev_length < WRAPPED_HYPHEN_MIN:
        return False
    after = line[1:].lstrip()[:1]
    return (after.isdigit() and prev_last[-1:].isdigit()) or (after.isupper() and bool(NAME_TAIL.search(prev_last)))


def _starts_paragraph(prev_caps: bool, prev_last: str, line: str, prev_length: int = 0) -> bool:
    """Whether ``line`` opens a new paragraph after the paragraph before it in hard-wrapped text
    (``prev_caps``: whether that paragraph is in capitals; ``prev_last``: its last line;
    ``prev_length``: its length so far)."""
    if not prev_caps and _wrapped_hyphen(prev_length, prev_last, line):
        return False
    if PARAGRAPH_OPENER.match(line) or DATE_LINE.match(line):
        return True
    if LONE_BULLET.match(line):
        return bool(TERMINAL.search(prev_last))
    line_caps = is_caps(line)
    if prev_caps != line_caps and (line_caps or STARTS_UPPER.match(line)):
        # a capitalised title block begins or ends here
        return len(line) > 3
    # the punctuation that ends a paragraph holds no space, so it lies in its last line
    return bool(TERMINAL.search(prev_last) and STARTS_UPPER.match(line))


class _Paragraph:
    """The lines of a paragraph being joined, and what is known of them, kept as lines come:
    reading the whole paragraph again at every line would be quadratic in its length."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.length = 0
        self.letters = 0
        self.all_upper = True

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.length += len(line) + 1
        if self.all_upper:
            letters = [c for c in line if c.isalpha()]
            self.letters += len(letters)
            self.all_upper = self.all_upper and all(c.isupper() for c in letters)

    @property
    def caps(self) -> bool:  # is_caps of the joined text
        return self.letters >= 2 and self.all_upper


def _join_wrapped(text: str) -> str:
    """Re-join hard-wrapped lines into paragraphs; blank lines and table rows always break."""
    paragraphs: list[str] = []
    current = _Paragraph()

    def close() -> None:
        nonlocal current
        if current.lines:
            paragraphs.append(" ".join(current.lines))
        current = _Paragraph()

    for raw in text.split("\n"):
        line = raw.strip() if "\t" not in raw else raw
        if not line.strip():
            close()
        elif "\t" in line:
            close()
            paragraphs.append(line)
        else:
            if current.lines and _starts_paragraph(current.caps, current.lines[-1], line, current.length):
                close()
            current.add(line)
    close()
    return "\n".join(paragraphs)


# A paragraph that is only a label, its text captured on the next line: "I.", "2.1.", "a)"
LABEL_ONLY = re.compile(r"^(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)]?$")


def _merge_lone_labels(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and LABEL_ONLY.match(out[-1]) and "\t" not in line and line.strip():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _keep_lines(text: str) -> str:
    return "\n".join(line.strip() if "\t" not in line else line for line in text.split("\n") if line.strip())


def _tidy_spaces(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        cells = [re.sub(r" {2,}", " ", RULE_RUN.sub(" ", c)).strip() for c in line.split("\t")]
        lines.append("\t".join(cells))
    return "\n".join(line for line in lines if line.strip())


Step = Callable[[str], str]
STEPS: list[tuple[str, Step]] = [
    ("normalise characters (NFC first)", _normalise_chars),
    ("drop page chrome and rules", _drop_chrome),
]


def clean_text(source: SourceText) -> str:
    """The normalised text of a source: NFC, no chrome, one paragraph per line.

    >>> clean_text(SourceText(source="x", site="text", text="Sở Tài chính chủ trì,\\nphối hợp.",
    ...                       hints={"layout": "wrapped"}))
    'Sở Tài chính chủ trì, phối hợp.'
    """
    text = source.text
    for _, step in STEPS:
        text = step(text)
    join = _join_wrapped if source.hints.get("layout", "wrapped") == "wrapped" else _keep_lines
    return _merge_lone_labels(_tidy_spaces(join(text)))
