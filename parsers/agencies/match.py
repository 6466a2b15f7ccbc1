"""Matching the agency reference data on folded text: candidates with spans and canonical names.

A candidate is one way to read a stretch of the text as an agency. ``scan`` lists every
candidate the reference data gives (entries, named local bodies such as "UBND huyện Phú
Vang", collective groups); ``choose`` keeps the longest non-overlapping ones.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from parsers.agencies.candidate import Candidate
from parsers.agencies.data import Entry, entries, entry_by_id
from parsers.agencies.index import PatternIndex
from parsers.agencies.local import level_word, local_candidates, place_words
from parsers.lexicon.matching import Folded, slug
from parsers.lexicon.places import find_place, initials, is_city, place_regex, same_place
from parsers.models import Agency

# After a department's name: its level word and/or place.
#   "Sở Tài chính tỉnh Nghệ An", "Sở Y tế thành phố", "Sở Tư pháp TP", "Sở Xây dựng Cần Thơ"
TAIL_PLACE_SRC = r" (?:(?P<lvl>(?:cấp )?(?:tỉnh|thành phố|tp\.?))(?: (?P<place>{P}))?|(?P<place2>{P}))(?!\w)"
# After a name that holds its level word: the place. "Ủy ban nhân dân tỉnh Sóc Trăng", "Thành ủy Cần Thơ"
TAIL_LEVEL_SRC = r" (?:(?P<lvl>tỉnh|thành phố|tp\.?) )?(?P<place>{P})(?!\w)"
# A level word right after a name read without one: "UBND tỉnh" in a city's document is not its "UBND"
LEVEL_NEXT = re.compile(r" (?:cấp )?(?:tỉnh|thành phố|tp|huyện|quận|thị xã|xã|phường)(?!\w)")
# A body of several provinces or communes: "Sở Kế hoạch và Đầu tư các tỉnh, TP Vùng KTTĐ miền Trung"
PLURAL = re.compile(r" (?:các|những) (?:tỉnh|thành phố|tp|huyện|quận|thị xã|xã|phường|cấp|địa phương)(?!\w)")
ROMAN = re.compile(r"^[ivxlc]+$", re.I)
# The issuer code of a document number, just before a match: "số 2360/QĐ- TTg"
NUMBER_CODE = re.compile(r"/[A-ZĐ]{1,6}\s?[-–]\s?$")
# The initials of a province after a name: "Báo và PTTH CT" in Cần Thơ
NEXT_INITIALS = re.compile(r" (\w{2,3})(?!\w)")


class _Compiled:
    tail_place: re.Pattern[str] | None = None
    tail_level: re.Pattern[str] | None = None


def _compiled() -> type[_Compiled]:
    if _Compiled.tail_place is None:
        p = place_regex()
        _Compiled.tail_place = re.compile(TAIL_PLACE_SRC.replace("{P}", p))
        _Compiled.tail_level = re.compile(TAIL_LEVEL_SRC.replace("{P}", p))
    return _Compiled


def starts_word(text: str, k: int) -> bool:
    """Whether position ``k`` of ``text`` begins a word ("sở" in "cơ sở" does, in "xsở" not)."""
    return k == 0 or not (text[k - 1].isalnum() or text[k - 1] == "_")


def _guarded(f: Folded, start: int, end: int) -> bool:
    """Whether a match is really part of something else: "QĐ-TTg", "2360/QĐ- TTg", "Thành ủy/Tỉnh ủy"."""
    s, e = f.span(start, end)
    before = f.original[s - 1] if s > 0 else " "
    after = f.original[e] if e < len(f.original) else " "
    return (
        before in "/-–" or after == "/" or before.isalnum() or bool(NUMBER_CODE.search(f.original, max(0, s - 12), s))
    )


def _finish(f: Folded, e: Entry, m: re.Match[str], province: str | None, levelless: bool) -> Candidate | None:
    """The candidate an entry's match gives, with its tail read and its name made canonical.

    A veto for a body of the other level that names no place ("Tỉnh ủy" in a city's document):
    it is some other province's, and which one the text does not say; likewise for a province's
    body named in a central document (no ``province``).
    """
    end = m.end()
    if e.collective:
        t = _compiled().tail_place.match(f.text, end)
        if t and not f.breaks_at(end):
            end = t.end()
        return Candidate(m.start(), end, e.agency())
    name, aid = _with_codes(f, e, m)
    foreign = False
    if e.tail == "named":
        name, aid, end = _named_place(f, m, name, aid, province)
    elif e.tail in ("place", "level"):
        name, aid, end, foreign = _place_tail(f, e, end, name, aid, province, levelless)
    if not foreign and _vetoed(f, e, end, province, levelless):
        return Candidate(m.start(), end, e.agency(), veto=True)
    if PLURAL.match(f.text, end) and e.kind != "party" and not f.breaks_at(end):
        return _plural(m.start(), end, e)
    if levelless and end == m.end() and _proper_name_follows(f, end):
        return None  # "Ban Quản lý Khu kinh tế Dung Quất ...": a body of its own name, the detector's to read
    agency = Agency(id=aid, name=name, kind=e.kind, level=e.level, collective=False)
    return Candidate(m.start(), end, agency, rank=int(levelless))


def _with_codes(f: Folded, e: Entry, m: re.Match[str]) -> tuple[str, str]:
    """The entry's name and id with its region number or code filled in: "Chi cục Hải quan khu vực XI"."""
    name, aid = e.name, e.id
    groups = m.groupdict()
    if groups.get("num"):
        value = f.surface(*m.span("num"))
        value = value.upper() if ROMAN.match(value) else value
        name, aid = name.replace("{num}", value), f"{aid}-{slug(value)}"
    if groups.get("code"):
        value = f.surface(*m.span("code")).upper()
        name, aid = name.replace("{code}", value), f"{aid}-{slug(value)}"
    return name, aid


def _named_place(f: Folded, m: re.Match[str], name: str, aid: str, province: str | None) -> tuple[str, str, int]:
    """A name that holds its place ("Báo Nghệ An"): the place written, or the document's own."""
    end = m.end()
    groups = m.groupdict()
    place = find_place(groups["place"]) if groups.get("place") else None
    if place is None:
        nxt = NEXT_INITIALS.match(f.text, end)
        if province and nxt and nxt.group(1) == initials(province):  # "Báo và PTTH CT" in Cần Thơ
            end = nxt.end()
        place = find_place(province) if province else None
    written = place.name if place else (province or "")
    name = name.replace("{place}", written).strip(" -")
    aid = f"{aid}-{slug(written)}" if written else aid
    return name, aid, end


def _place_tail(
    f: Folded, e: Entry, end: int, name: str, aid: str, province: str | None, levelless: bool
) -> tuple[str, str, int, bool]:
    """A place written after the name: the document's own, or another's ("foreign": the name
    takes the place: "Sở Tài chính tỉnh Hà Tĩnh" in a Nghệ An document)."""
    tail = (_compiled().tail_place if e.tail == "place" else _compiled().tail_level).match(f.text, end)
    if not tail or f.breaks_at(end):
        return name, aid, end, False
    written = tail.group("place") or (tail.groupdict().get("place2") or "")
    end = tail.end()
    place = find_place(written) if written else None
    if not written or same_place(written, province):
        return name, aid, end, False
    base = name
    if e.tail == "level" and levelless and e.level_word and base.endswith(" " + e.level_word):
        base = base[: -len(e.level_word) - 1]
    if (e.tail == "place" or levelless) and tail.group("lvl"):
        base = f"{base} {level_word(tail.group('lvl'))}"
    where = place.name if place else f.surface(*tail.span("place"))
    return f"{base} {where}", f"{e.id}-{slug(where)}", end, True  # the id a detected name gets too


def _proper_name_follows(f: Folded, end: int) -> bool:
    """Whether a generic name read without its level goes on with a proper name: "Ban Quản lý Khu
    kinh tế Dung Quất", "... Khu kinh tế Đông Nam" (not a place, a level word, or the next body)."""
    if end >= len(f.text) or f.text[end] != " " or f.breaks_at(end):
        return False
    words, _ = place_words(f.original, f.span(end - 1, end)[1])
    if not words or not words[0][0].isupper() or words[0] in ("Tỉnh", "Thành", "TP", "Tp"):
        return False
    return not any(find_place(" ".join(words[:k])) for k in range(1, len(words) + 1))


def _vetoed(f: Folded, e: Entry, end: int, province: str | None, levelless: bool) -> bool:
    """A body of a level not the document's own, with no place written to say whose it is."""
    if province and e.level_word and e.level_word != ("thành phố" if is_city(province) else "tỉnh"):
        return True
    if not province and e.tail == "level" and e.level_word:
        # a central document's "Ủy ban nhân dân tỉnh", "Tỉnh ủy": every province's, not one body
        return True
    return bool(levelless and LEVEL_NEXT.match(f.text, end))


def _plural(start: int, end: int, e: Entry) -> Candidate:
    """ "Sở Kế hoạch và Đầu tư các tỉnh ...": the same body of several places, a group."""
    group = {"department": "cac-so-ban-nganh", "people_committee": "uy-ban-nhan-dan-cac-tinh-thanh-pho"}
    g = entry_by_id()[group.get(e.kind, "cac-co-quan-don-vi-lien-quan")]
    return Candidate(start, end, g.agency())


@cache
def _pattern_index() -> tuple[PatternIndex, dict[tuple[str, bool], list[int]]]:
    """One automaton over every entry's patterns; (entry id, levelless) -> its patterns' numbers."""
    patterns: list[re.Pattern[str]] = []
    numbers: dict[tuple[str, bool], list[int]] = {}
    for e in entries():
        for levelless, group in ((False, e.patterns), (True, e.levelless)):
            numbers[(e.id, levelless)] = list(range(len(patterns), len(patterns) + len(group)))
            patterns.extend(group)
    return PatternIndex.build(patterns), numbers


def _entry_candidates(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    own = "thành phố" if is_city(province) else "tỉnh"
    index, numbers = _pattern_index()
    positions = index.positions(f.text, start, end)
    out = []
    for e in entries():
        sets = [False]
        if e.levelless and e.level_word == own and province:  # a central document has no level of its own
            sets.append(True)
        for levelless in sets:
            for k in numbers[(e.id, levelless)]:
                if k not in positions and k not in index.unindexed:
                    continue  # none of its prefixes is in the text: no match (most patterns, most windows)
                for m in index.finditer(k, f.text, start, end, positions):
                    if m.end() == m.start() or not starts_word(f.text, m.start()):
                        continue
                    first = f.original[f.map[m.start()]]
                    if not (e.collective or first.isupper()):
                        continue
                    if _guarded(f, m.start(), m.end()):
                        out.append(Candidate(m.start(), m.end(), e.agency(), veto=True))
                        continue
                    cand = _finish(f, e, m, province, levelless)
                    if cand is not None:
                        out.append(cand)
    return out


def scan(f: Folded, province: str | None, start: int = 0, end: int | None = None) -> list[Candidate]:
    """Every candidate the reference data gives in the folded span ``[start, end)``.

    >>> from parsers.lexicon.matching import fold
    >>> [c.agency.name for c in scan(fold("Sở Tài chính tỉnh Nghệ An"), "Nghệ An")]
    ['Sở Tài chính']
    """
    end = len(f.text) if end is None else end
    found = _entry_candidates(f, province, start, end) + local_candidates(f, province, start, end)
    return list({(c.start, c.end, c.agency.id, c.veto): c for c in found}.values())


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, in text order (ties: reference first, then earliest).

    >>> from parsers.lexicon.matching import fold
    >>> [c.agency.name for c in choose(scan(fold("Văn phòng UBND tỉnh"), "Nghệ An"))]
    ['Văn phòng Ủy ban nhân dân tỉnh']
    """
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start, c.agency.collective))
    kept = []
    if all(c.end > c.start for c in ranked):
        # the characters taken so far, one byte each: a test and a mark cost a name's length
        # (a sorted list of spans costs a list insert each, quadratic in a long document)
        low = min((c.start for c in ranked), default=0)
        taken = bytearray(max((c.end for c in ranked), default=0) - low)
        for c in ranked:
            if (c.veto and not c.blocks) or taken.find(1, c.start - low, c.end - low) >= 0:
                continue
            taken[c.start - low : c.end - low] = b"\x01" * (c.end - c.start)
            if not c.blocks:
                kept.append(c)
        return sorted(kept, key=lambda c: c.start)
    spans: list[tuple[int, int]] = []  # an empty candidate: only a span around it takes its place
    for c in ranked:
        if c.veto and not c.blocks:
            continue
        i = bisect.bisect_left(spans, (c.start, c.end))
        if (i > 0 and spans[i - 1][1] > c.start) or (i < len(spans) and spans[i][0] < c.end):
            continue
        spans.insert(i, (c.start, c.end))
        if not c.blocks:
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)
