"""Markdown-like markup of text captures: bold/italic markers become paragraph breaks."""

from __future__ import annotations

import re

# "** **", "* *", "**" alone: empty emphasis the capture left between paragraphs
EMPTY_EMPHASIS = re.compile(r"^[\s*_]*$")
# "**I. MỤC ĐÍCH, YÊU CẦU**", "*(Kèm theo Kế hoạch số 980/KH-UBND)*"
EMPHASIS_MARK = re.compile(r"\*{1,3}|(?<!\w)_{1,2}|_{1,2}(?!\w)")
HEADING_MARK = re.compile(r"^#{1,6}\s+")
MAX_HEADING_LINES = 4


def strip_emphasis(text: str) -> str:
    """Drop bold/italic markers: ``**KẾ HOẠCH**`` -> ``KẾ HOẠCH``."""
    return re.sub(r"[ \t]{2,}", " ", EMPHASIS_MARK.sub("", text)).strip()


def emphasis_to_paragraphs(lines: list[str]) -> list[str]:
    """Strip emphasis from prose lines, keeping where a bold run starts or ends a paragraph.

    A bold heading captured as ``**1. Mục đích**`` followed directly by its first
    sentence becomes its own paragraph (a blank line after it), so that the later
    re-joining of hard-wrapped lines does not glue the heading to the sentence.
    Tab-separated table rows are left alone but for their markers.
    """
    out: list[str] = []
    bold_open = False
    run: list[str] = []  # the lines of an open bold run
    for raw in lines:
        if "\t" in raw:
            out += _flush(run)
            out.append("\t".join(strip_emphasis(c) for c in raw.split("\t")))
            continue
        line = HEADING_MARK.sub("", raw.rstrip())
        if EMPTY_EMPHASIS.match(line):
            out += _flush(run)
            out.append("")
            bold_open = False
            continue
        if line.lstrip().startswith("**") and not bold_open:
            out.append("")
        bold_open ^= line.count("**") % 2 == 1
        run.append(strip_emphasis(line))
        if not bold_open:
            out += _flush(run)
            if line.endswith("**"):
                out.append("")
    return out + _flush(run)


def _flush(run: list[str]) -> list[str]:
    """A bold run's lines: one line when it is a heading wrapped over a few lines
    ("**Điều 11." / "Trách nhiệm của các cơ quan ...**"), else as they were."""
    lines = list(run)
    run.clear()
    if 1 < len(lines) <= MAX_HEADING_LINES:
        return [" ".join(x for x in lines if x)]
    return lines
