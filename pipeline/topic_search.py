"""Topic search on task text only, with abbreviations expanded the way documents write them.

``topic_fts("Sở KH&ĐT")`` is an FTS5 query on the ``text`` column of ``task_fts`` (not the agency
names indexed beside it) for the folded phrase "so ke hoach va dau tu": typing ``KH&ĐT`` finds
tasks that write "Kế hoạch và Đầu tư". Abbreviations come from ``parsers/data/abbreviations.json``
and match as written, in capitals (a typed "tu" stays a word, not "TU" = Tỉnh ủy).
"""

from __future__ import annotations

import functools
import re

from datasette.utils import escape_fts

from parsers.agencies.data import abbreviations
from pipeline.db_shape import search_query


@functools.cache
def _table() -> list[tuple[re.Pattern, str]]:
    pairs = []
    for entry in abbreviations():
        for form in [entry["abbr"], *entry.get("variants", [])]:
            pairs.append((re.compile(rf"(?<!\w){re.escape(form)}(?!\w)"), entry["expansion"]))
    return sorted(pairs, key=lambda p: -len(p[0].pattern))


def expand(query: str | None) -> str:
    """``expand("Sở KH&ĐT") == "Sở Kế hoạch và Đầu tư"``; other words are kept as typed."""
    text = query or ""
    for pattern, expansion in _table():
        text = pattern.sub(expansion, text)
    return text


def topic_fts(query: str | None) -> str:
    """FTS5 query on task text only: ``topic_fts("KH&ĐT") == 'text : "ke hoach va dau tu"'``."""
    folded = search_query(expand(query))
    phrase = escape_fts(folded) if folded else '""'
    return f"text : {phrase}"
