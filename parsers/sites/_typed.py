"""Text as typed or exported (shared by the text readers): hard-wrapped lines, pipe tables,
markdown emphasis and a PDF reader's two-column layout turned into structure."""

from __future__ import annotations

import re

from parsers.models import SourceText
from parsers.sites._footnotes import move_footnotes
from parsers.sites._layout_text import layout_to_text, looks_laid_out
from parsers.sites._markup import emphasis_to_paragraphs
from parsers.sites._page_marks import drop_page_numbers
from parsers.sites._pipe_tables import rebuild_tables


def read_typed(name: str, raw: str, site: str) -> SourceText:
    """The SourceText of a decoded text file.

    >>> read_typed("kh.txt", "|\\nTT\\n|\\nNhiệm vụ\\n|\\n|\\n1\\n|\\nRà soát\\n|\\nSau", "text").text
    'TT\\tNhiệm vụ\\n1\\tRà soát\\n\\nSau'
    """
    raw = drop_page_numbers(move_footnotes(raw))
    if looks_laid_out(raw):
        raw = layout_to_text(raw)
    lines = emphasis_to_paragraphs(rebuild_tables(raw.split("\n")))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return SourceText(source=name, site=site, text=text, hints={"layout": "wrapped"})
