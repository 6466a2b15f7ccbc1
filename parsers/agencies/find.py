"""Recognising agencies: the public API.

- ``find_agencies(text)``: every agency named in the text, longest match, non-overlapping;
- ``resolve_agency(surface)``: the agency one written name refers to.

Names are read with the reference data (``data/agencies.json``) and, unless ``detector=False``,
with the detector (``agencies.detector``) for bodies no list knows. Collective groups ("các sở, ban,
ngành", "UBND các xã, phường") come back as agencies with ``collective=True``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from parsers.agencies.detector import resolve_unknown, run
from parsers.agencies.lists import list_candidates
from parsers.agencies.match import Candidate, choose, scan, starts_word
from parsers.lexicon.matching import Folded, fold
from parsers.models import Agency, AgencyMention

# How many words the first part of a name needs before it can stand for the name: "Văn phòng Ban Chỉ huy"
SHORT_FORM_WORDS = 5
# A person's role before the body it heads: "Chủ tịch UBND tỉnh", "Giám đốc Sở Tài chính",
# "Bộ trưởng Bộ Tài chính", "Thường trực Tỉnh ủy", "CT, các PCT UBND tỉnh", "Chánh Văn phòng UBND".
ROLE_PREFIX = re.compile(
    r"""^(?:(?:đồng\ chí\ |đ/c\ )?(?:các\ )?(?:phó\ )?
        (?:chủ\ tịch|giám\ đốc|bộ\ trưởng|thứ\ trưởng|thủ\ trưởng|trưởng|bí\ thư|
           tổng\ giám\ đốc|cục\ trưởng|chi\ cục\ trưởng|viện\ trưởng|tư\ lệnh|chỉ\ huy\ trưởng|
           thường\ trực|lãnh\ đạo|đại\ diện|chánh(?=\ văn\ phòng|\ vp|\ thanh\ tra)|
           p?ct|p?gđ|tt\.?|ttr)
        (?=[\s.,]|$)\.?\ ?(?:và\ )?)+""",
    re.X,
)
# Left after a name in a list item: "(để b/c)", "(1A, 1G)", ";" ...
TRAILER = re.compile(r"^[\s.;:,]*(?:\([^()]*\)[\s.;:,]*)*$")
# An aside inside a name as a list writes it: "PCVP (NC) UBND tỉnh", "Trung tâm ... Thành phố (Sở Nội vụ)"
PARENTHESES = re.compile(r"\s*\([^()]*\)")
# A list item's bullet and closing punctuation: "- Sở Tài chính;"
EDGES = re.compile(r"^[\s\-–+•*]+|[\s.;:,]+$")


def _to_mention(f: Folded, c: Candidate) -> AgencyMention:
    s, e = f.span(c.start, c.end)
    return AgencyMention(span_start=s, span_end=e, agency=c.agency, surface=f.original[s:e], method=c.method)


def _folded_window(f: Folded, start: int, end: int | None) -> tuple[int, int]:
    end = len(f.original) if end is None else end
    return bisect.bisect_left(f.map, start), bisect.bisect_left(f.map, end)


def find_agencies(
    text: str, *, province: str | None = None, start: int = 0, end: int | None = None, detector: bool = True
) -> list[AgencyMention]:
    """Every agency named in ``text[start:end]``: longest matches, not overlapping, in text order.

    >>> [m.agency.name for m in find_agencies("Sở Tài chính tỉnh Nghệ An chủ trì, phối hợp với UBND các xã",
    ...                                       province="Nghệ An")]
    ['Sở Tài chính', 'Ủy ban nhân dân cấp xã']
    """
    f = fold(text)
    fs, fe = _folded_window(f, start, end)
    candidates = scan(f, province, fs, fe) + list_candidates(f, province, fs, fe)
    if detector:
        candidates += _detected(f, province, fs, fe, candidates)
    chosen = choose(candidates)
    refused = [replace(c, blocks=True) for c in candidates if c.veto]  # "Tỉnh ủy" in a city's text stays refused
    return [_to_mention(f, c) for c in choose(chosen + refused + _short_forms(f, chosen, fs, fe))]


def _short_forms(f: Folded, chosen: list[Candidate], fs: int, fe: int) -> list[Candidate]:
    """Later mentions of a body by the first words of its name, as tables write it:
    "Văn phòng Ban Chỉ huy" for "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh" named earlier."""
    owners: dict[str, set[str]] = {}
    agencies = {}
    for c in chosen:
        if c.agency.collective:
            continue
        words = f.text[c.start : c.end].split(" ")
        for k in range(SHORT_FORM_WORDS, len(words)):
            owners.setdefault(" ".join(words[:k]), set()).add(c.agency.id)
        agencies[c.agency.id] = c.agency
    out = []
    for prefix, ids in owners.items():
        if len(ids) != 1:
            continue  # "Ban Chỉ đạo ..." begins several names: which one is meant, the text does not say
        for at in _occurrences(f.text, prefix, fs, fe):
            k = at + len(prefix)
            if not starts_word(f.text, at) or not f.original[f.map[at]].isupper():
                continue
            if k == len(f.text) or f.text[k] in "\t\n;.:()" or f.breaks_at(k) or f.text.startswith(" và ", k):
                out.append(Candidate(at, k, agencies[next(iter(ids))], rank=1))
    return out


def _occurrences(text: str, word: str, start: int, end: int) -> Iterator[int]:
    """Where ``re.finditer(re.escape(word), text[:end])`` matches at or after ``start``, read
    from ``start`` on (not from the top of the text: a window of a long document stays cheap)."""
    if _overlaps_itself(word):  # a match before start could hide one after it: read as re does
        yield from (m.start() for m in re.finditer(re.escape(word), text[:end]) if m.start() >= start)
        return
    at = text.find(word, start, end)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word), end)


@lru_cache(maxsize=4096)
def _overlaps_itself(word: str) -> bool:
    """Whether two copies of ``word`` can overlap ("ab ab" in "ab ab ab"): a start that is also an end."""
    return any(word[k:] == word[: len(word) - k] for k in range(1, len(word)))


def _detected(f: Folded, province: str | None, fs: int, fe: int, reference: list[Candidate]) -> list[Candidate]:
    """The detector's names in the folded window, as candidates (never where a known name starts)."""
    s0, e0 = f.span(fs, fe)
    known = [(c, "collective" if c.agency.collective else "known") for c in choose(reference)]
    known += [(c, "stop") for c in reference if c.veto]
    spans = [(a - s0, b - s0, c.agency, label) for c, label in known for a, b in [f.span(c.start, c.end)]]
    starts = {c.start for c in reference}
    out = []
    for s, e, agency in run(f.original[s0:e0], spans, province):
        start, stop = _folded_window(f, s + s0, e + s0)
        if start not in starts and stop > start:
            out.append(Candidate(start, stop, agency, rank=2, method="detector"))
    return out


def resolve_agency(surface: str, *, province: str | None = None) -> Agency | None:
    """The agency one written name refers to (a person's role stands for the body it heads),
    or None when the surface is not one agency's name.

    >>> resolve_agency("Giám đốc Sở KH&ĐT").name
    'Sở Kế hoạch và Đầu tư'
    """
    text = EDGES.sub("", PARENTHESES.sub("", surface))
    f = fold(text)
    role = ROLE_PREFIX.match(f.text)
    skips = [0, role.end()] if role else [0]
    for skip in skips:  # "Chủ tịch nước" is a body, "Chủ tịch UBND tỉnh" a person
        chosen = choose(scan(f, province, skip, len(f.text)) + list_candidates(f, province, skip, len(f.text)))
        first = chosen[0] if chosen else None
        if first and first.start <= skips[-1] and TRAILER.match(text[f.span(first.start, first.end)[1] :]):
            return first.agency
    if chosen:
        return None
    return resolve_unknown(text[f.span(skips[-1], skips[-1])[0] :], province)
