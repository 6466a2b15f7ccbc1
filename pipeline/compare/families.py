"""Plan families: documents grouped by the document they implement.

A family is named by a cited document, whether or not that document is in the database:
- every ``implements`` citation with a number puts the citing document in the family of
  the cited number;
- a ``basis`` citation does too when the cited document is a programme a plan carries out
  (a resolution, decision, directive, plan, conclusion, programme, strategy or scheme) —
  laws, decrees and circulars are the legal ground of everything and make no family.

Numbers of central bodies (``71/NQ-CP``, ``57-NQ/TW``) are unique nationwide; numbers of
provincial bodies (``17/KH-UBND``) are not, so their family is also keyed by the province
(after the 2025 merger) of the citing document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.db_shape import fold

PROGRAMME_KINDS = {
    "nghi quyet",
    "quyet dinh",
    "chi thi",
    "ke hoach",
    "ket luan",
    "chuong trinh",
    "chien luoc",
    "de an",
    "thong bao",
}
_LOCAL_SUFFIX = re.compile(r"[-/](?:ubnd|hdnd|ctubnd|tu|tu-|bcd|ub|s[a-z]+)$")
_LOCAL_ISSUER = re.compile(r"\b(?:tinh|thanh pho|ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|so)\b")


@dataclass
class Family:
    key: str
    number: str
    doc_kind: str | None = None
    issuer: str | None = None
    issue_date: str | None = None
    title: str | None = None
    cited_document_id: int | None = None
    members: dict[int, dict] = field(default_factory=dict)  # document id -> {relation, citation_id}


def is_local(number_key: str, issuer: str | None) -> bool:
    """Whether a number belongs to a provincial body (and so repeats across provinces).

    >>> is_local("71/NQ-CP", "Chính phủ"), is_local("17/KH-UBND", None), is_local("328-KH/TU", "Đảng bộ tỉnh")
    (False, True, True)
    """
    folded = fold(number_key)
    return bool(_LOCAL_SUFFIX.search(folded) or (issuer and _LOCAL_ISSUER.search(fold(issuer))))


def joins_family(citation: dict) -> bool:
    """Whether a citation puts its document in the cited document's family."""
    if not citation.get("number_key") or not re.match(r"\d", citation["number_key"]):
        return False
    if citation["relation"] == "implements":
        return True
    return citation["relation"] == "basis" and fold(citation.get("doc_kind")) in PROGRAMME_KINDS


def family_key(citation: dict, citing_place: str | None) -> str:
    """``71/NQ-CP`` for central numbers, ``17/KH-UBND@Bắc Ninh`` for provincial ones."""
    key = citation["number_key"]
    if is_local(key, citation.get("issuer")):
        return f"{key}@{citing_place or '?'}"
    return key


def group(citations: Iterable[dict], places: dict[int, str | None]) -> dict[str, Family]:
    """Families from citation rows (with ``document_id``, ``id``, ``number``, ``number_key``,
    ``relation``, ``doc_kind``, ``issuer``, ``issue_date``, ``title``, ``cited_document_id``);
    ``places`` maps a document id to its province after the merger.
    """
    families: dict[str, Family] = {}
    for c in sorted(citations, key=lambda c: (c["relation"] != "implements", c["id"])):
        if not joins_family(c):
            continue
        key = family_key(c, places.get(c["document_id"]))
        family = families.setdefault(key, Family(key=key, number=c["number"]))
        for attr in ("doc_kind", "issuer", "issue_date", "title", "cited_document_id"):
            if getattr(family, attr) is None and c.get(attr):
                setattr(family, attr, c[attr])
        if c["document_id"] not in family.members and c["document_id"] != c.get("cited_document_id"):
            family.members[c["document_id"]] = {"relation": c["relation"], "citation_id": c["id"]}
    return {k: f for k, f in families.items() if f.members}
