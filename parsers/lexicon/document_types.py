"""Document types (``data/document_types.json``): their names, the codes numbers carry ("QĐ" in
"350/QĐ-UBND") and which rules look for each.

``uses`` says where a type is read:

- ``heading``: the type heading above a document's title ("KẾ HOẠCH");
- ``cited``: the kind named before a cited number ("Nghị quyết liên tịch số ...");
- ``listed``: a line that goes on listing cited documents ("Công văn số 6676/BYT-CDS ...");
- ``layout_header``: where the header of a laid-out text capture ends;
- ``normative``: a type that states rules rather than plans work (a law, a decree);
- ``anchor`` / ``anchor_end``: the document a relative deadline counts from ("kể từ ngày
  Quyết định này có hiệu lực"), and what may close such a deadline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

USES = ("heading", "cited", "listed", "layout_header", "normative", "anchor", "anchor_end")


@dataclass(frozen=True)
class DocumentType:
    name: str  # "Quyết định"
    codes: tuple[str, ...]  # ("QĐ",)
    uses: tuple[str, ...]
    examples: tuple[str, ...]  # real strings naming the type: "QUYẾT ĐỊNH", "Quyết định số 2015/QĐ-UBND"


def _load() -> tuple[DocumentType, ...]:
    raw = json.loads(resources.files("parsers.lexicon").joinpath("data/document_types.json").read_text("utf-8"))
    return tuple(DocumentType(t["name"], tuple(t["codes"]), tuple(t["uses"]), tuple(t["examples"])) for t in raw)


DOCUMENT_TYPES = _load()
# The type code of a number -> the type's name: "QĐ" -> "Quyết định", "QH" (a law's number) -> "Luật"
TYPE_CODES = {code: t.name for t in DOCUMENT_TYPES for code in t.codes}


def names(use: str) -> list[str]:
    """The names of the types a rule reads, longest first ("Chương trình hành động" before
    "Chương trình"), so that an alternation built from them takes the whole name.

    >>> names("layout_header")
    ['Quyết định', 'Nghị quyết', 'Thông báo', 'Kế hoạch', 'Chỉ thị']
    """
    if use not in USES:
        raise ValueError(f"unknown use of document types: {use!r}")
    return sorted((t.name for t in DOCUMENT_TYPES if use in t.uses), key=len, reverse=True)


def alternation(use: str, *, upper: bool = False, gap: str = r"\s+") -> str:
    """A regex alternation (no group) of the names a rule reads, words joined by ``gap``.

    >>> alternation("layout_header", upper=True)
    'QUYẾT\\\\s+ĐỊNH|NGHỊ\\\\s+QUYẾT|THÔNG\\\\s+BÁO|KẾ\\\\s+HOẠCH|CHỈ\\\\s+THỊ'
    """
    spelled = [n.upper() if upper else n for n in names(use)]
    return "|".join(gap.join(re.escape(w) for w in n.split()) for n in spelled)


def type_named(text: str) -> DocumentType | None:
    """The type a heading, a citation or a number names.

    >>> type_named("Chương trình hành động số 12/CTr-UBND").name, type_named("22/2023/QH15").name
    ('Chương trình hành động', 'Luật')
    """
    folded = " ".join(text.split()).casefold()
    for t in sorted(DOCUMENT_TYPES, key=lambda t: len(t.name), reverse=True):
        if folded == t.name.casefold() or folded.startswith(t.name.casefold() + " "):
            return t
    code = re.match(r"^[\d.]+(?:/\d{4})?[/-](?P<code>[^/-]+?)\d*(?:[/-]|$)", text.strip())
    return next((t for t in DOCUMENT_TYPES if code and code["code"] in t.codes), None)
