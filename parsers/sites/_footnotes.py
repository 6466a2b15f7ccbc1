"""Footnotes of a PDF's pages, moved out of the sentences they cut.

A PDF reader's layout-mode text keeps each page's footnotes at the foot of the page, between
the last line of the page and the first of the next, and their markers glued to the word they
annotate::

    7 Luật Địa chất và khoáng sản3.
    ...
        - Đăng ký, thông báo ngày bắt đầu xây dựng cơ bản mỏ, ngày bắt đầu khai
    1 Nội dung thiết kế mỏ được quy định tại Thông tư số 31/2025/TT-BCT ngày 16/5/2025 ...
    \\f                                          2
    thác khoáng sản với cơ quan quản lý nhà nước có thẩm quyền cấp giấy phép khai

Left there, the note is read into the sentence ("ngày bắt đầu khai 1 Nội dung ... thác khoáng
sản") and a marker glued to a number changes it ("Luật số 42/2024/QH151"). A block is a
footnote only when it is numbered in sequence over the document (1, 2, 3 ...), its number is
glued as a marker to a word earlier on the same page, and it runs to the page's end (a form
feed, the page's number, or the end of the text); the notes are moved to the end of the text,
one paragraph each, so the citations they hold are still read.
"""

from __future__ import annotations

import re

from parsers.lexicon.vietnamese import UPPER

# "1 Nội dung thiết kế ...", "12 Luật ...": a number at the margin, then a capitalised word.
NOTE_START = re.compile(rf"^ {{0,2}}(?P<n>[1-9]\d?) +(?=[{UPPER}\d])")
# The page's own number, centred on its line ("                 2")
PAGE_NUMBER_LINE = re.compile(r"^ {8,}[-–]?\s*\d{1,3}\s*[-–]?\s*$")
# A note is a few lines; a longer "block" is body text that happens to start with a number.
MAX_NOTE_LINES = 8
AFTER_MARKER = r"(?=[\s.,;:)”\"]|$)"


def _marker(n: int) -> re.Pattern[str]:
    """The footnote mark ``n`` glued to a word ("sản3.", "mỏ1 .", "NĐ-CP2,") or to a law's
    number, which ends in two digits ("QH151": 42/2024/QH15 and the mark 1)."""
    return re.compile(rf"(?:(?<=[^\W\d_])|(?<=QH\d\d)){n}{AFTER_MARKER}")


def _is_boundary(line: str) -> bool:
    return "\f" in line or bool(PAGE_NUMBER_LINE.match(line))


def _block_end(lines: list[str], start: int, first: int) -> tuple[int, int] | None:
    """(index after the notes, last note number) of a run of notes from ``start`` to the page's
    end; None when body text follows on the same page."""
    number, filled = first, 0
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if _is_boundary(line):
            return i, number
        if not line.strip():
            continue
        filled += 1
        m = NOTE_START.match(line)
        if m and int(m["n"]) == number + 1:
            number += 1
        elif len(line) - len(line.lstrip(" ")) > 3 or filled > MAX_NOTE_LINES * (number - first + 1):
            return None  # an indented line: the page's text goes on after this block
    return len(lines), number


def _unmark(body: list[str], page_start: int, numbers: range) -> bool:
    """Remove each note's mark from the last line of this page that carries it; False (nothing
    changed) when a mark is missing."""
    found = []
    for n in numbers:
        pattern = _marker(n)
        at = next((i for i in range(len(body) - 1, page_start - 1, -1) if pattern.search(body[i])), None)
        if at is None:
            return False
        found.append((at, pattern))
    for at, pattern in found:
        matches = list(pattern.finditer(body[at]))
        m = matches[-1]
        body[at] = body[at][: m.start()] + body[at][m.end() :]
    return True


def move_footnotes(text: str) -> str:
    """The layout-mode text with its page footnotes at the end and their marks taken out.

    >>> moved = move_footnotes("thiết kế mỏ1 .\\n  - Đăng ký ngày bắt đầu khai\\n"
    ...                        "1 Nội dung thiết kế mỏ theo Thông tư số 31/2025/TT-BCT\\n\\f     2\\nthác khoáng sản")
    >>> moved.split("\\n")[:4]
    ['thiết kế mỏ .', '  - Đăng ký ngày bắt đầu khai', '\\x0c     2', 'thác khoáng sản']
    >>> moved.split("\\n")[-1]
    '1 Nội dung thiết kế mỏ theo Thông tư số 31/2025/TT-BCT'
    """
    lines = text.split("\n")
    body: list[str] = []
    notes: list[str] = []
    expected, page_start, i = 1, 0, 0
    while i < len(lines):
        line = lines[i]
        m = NOTE_START.match(line)
        block = _block_end(lines, i, expected) if m and int(m["n"]) == expected and body else None
        if block is not None and _unmark(body, page_start, range(expected, block[1] + 1)):
            end, last = block
            for note in (note for note in lines[i:end] if note.strip()):
                notes += ["", note.strip()] if NOTE_START.match(note) else [note.strip()]
            expected, i = last + 1, end
            continue
        if _is_boundary(line):
            page_start = len(body)
        body.append(line)
        i += 1
    if not notes:
        return text
    return "\n".join(body).rstrip("\n") + "\n" + "\n".join(notes)
