"""Lines of OCR'd and PDF text put back the way the page has them, before paragraphs are joined.

Two marks of a scanned page's text, seen in the OCR of Lào Cai 11/2026/QĐ-UBND and the text
layer of Lào Cai 6795/SNNMT-KS:

- a blank line inside a sentence (a page break, a stamp, a fold), the sentence going on in
  lower case below it::

      c) Có trách nhiệm tổng hợp, báo cáo theo định kỳ hàng quý (trước ngày 20
      của tháng cuối quý), hàng năm (trước ngày 10/12) hoặc đột xuất về công tác quản

      lý trật tự xây dựng trên địa bàn gửi Sở Xây dựng để tổng hợp báo cáo Ủy ban

  the blank line is dropped, so the item stays one paragraph;
- an item's letter read as a mark ("©)", "&)", "ø)") in a list of lettered items: it is the
  letter after the item above ("b)" -> "c)", "e)" -> "g)"), so the item opens its own
  paragraph instead of running into the one above.
"""

from __future__ import annotations

import re

from parsers.lexicon.vietnamese import LOWER, UPPER

# Vietnamese item letters in order ("đ" after "d"; no "f", "j", "w", "z").
LETTERS = "abcdđeghiklmnopqrstuvxy"
LETTER_LABEL = re.compile(r"^(?P<letter>[a-zđ])\)\s")
# A mark where a letter should be: "©) Chịu trách nhiệm", "&) Đối với", "ø) Quyết định"
MARK_LABEL = re.compile(rf"^(?P<mark>[^\w\s()\[\]\"'“”‘’.,;:\-–—+*•|]|[øØœ])\)\s+(?=[{UPPER}])")
# Other labels end the list a letter belongs to: "2. ...", "Điều 5.", "II. ..."
OTHER_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]\s|Điều\s+\d|[IVXL]{1,6}\.\s|Chương\s)")
# A line cut in the middle of a sentence: it is long (the page's width) and ends in a word
# or a comma; the next line after the blank goes on in lower case.
CUT_LINE_MIN = 55
CUT_END = re.compile(rf"[{LOWER}\d,]$")
GOES_ON = re.compile(rf"^[{LOWER}]{{2,}}\s")


def _next_letter(letter: str) -> str | None:
    i = LETTERS.find(letter)
    return LETTERS[i + 1] if 0 <= i < len(LETTERS) - 1 else None


def relabel_marks(lines: list[str]) -> list[str]:
    """Lines with an item letter read as a mark given the letter after the item above.

    >>> relabel_marks(["b) Chấp hành các quyết định;", "©) Chịu trách nhiệm khác."])[1]
    'c) Chịu trách nhiệm khác.'
    """
    out: list[str] = []
    last: str | None = None
    for line in lines:
        text = line.strip()
        if m := LETTER_LABEL.match(text):
            last = m["letter"]
        elif OTHER_LABEL.match(text):
            last = None
        elif last and (m := MARK_LABEL.match(text)) and (letter := _next_letter(last)):
            line = f"{letter}) {text[m.end() :]}"
            last = letter
        out.append(line)
    return out


def join_cut_sentences(lines: list[str]) -> list[str]:
    """Lines without the blank lines that cut a sentence in two.

    >>> join_cut_sentences(["hàng năm (trước ngày 10/12) hoặc đột xuất về công tác quản", "", "lý trật tự xây dựng"])
    ['hàng năm (trước ngày 10/12) hoặc đột xuất về công tác quản', 'lý trật tự xây dựng']
    """
    out: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip() and 0 < i < len(lines) - 1 and out:
            before, after = out[-1].strip(), lines[i + 1].strip()
            if "\t" not in out[-1] and len(before) >= CUT_LINE_MIN and CUT_END.search(before) and GOES_ON.match(after):
                continue
        out.append(line)
    return out


def restore_lines(text: str) -> str:
    """The text with cut sentences joined and mark labels read as letters."""
    return "\n".join(relabel_marks(join_cut_sentences(text.split("\n"))))
