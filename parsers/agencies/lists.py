"""Lists that share one head word: "Các Sở: Tài chính, Xây dựng", "Sở: NN&MT, TC, VH,TT&DL, YT".

Each item is read as if the head word were written before it ("Sở TC" -> Sở Tài chính), so the
item's span is the abbreviation as written ("TC").
"""

from __future__ import annotations

import re

from parsers.agencies.data import entries
from parsers.agencies.match import Candidate
from parsers.lexicon.matching import Folded
from parsers.lexicon.places import is_city

# "Sở: NN&MT, TC", "Các Sở: XD, TC, KH&CN", "Các Bộ: Giáo dục và Đào tạo, Tài chính",
# "Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND, UBND tỉnh", "Thường trực: Tỉnh ủy, HĐND tỉnh"
LIST_HEAD = re.compile(r"(?<!\w)(?:các )?(?P<head>sở|bộ|văn phòng|vp|thường trực|tt|ttr)\.? ?: ?")
# head word -> (word read before each item, which entries an item may be)
HEADS = {
    "sở": ("sở", lambda e: e.kind == "department"),
    "bộ": ("bộ", lambda e: e.kind == "ministry"),
    "văn phòng": ("văn phòng", lambda e: e.name.startswith("Văn phòng ")),
    "vp": ("văn phòng", lambda e: e.name.startswith("Văn phòng ")),
    "thường trực": ("", lambda e: e.kind in ("party", "people_council", "people_committee", "mass_org")),
    "tt": ("", lambda e: e.kind in ("party", "people_council", "people_committee", "mass_org")),
    "ttr": ("", lambda e: e.kind in ("party", "people_council", "people_committee", "mass_org")),
}
# between two items: spaces (commas are folded to spaces), "và", a semicolon
ITEM_GAP = re.compile(r"(?: |và |; ?)*")


def _members(head: str) -> list:
    keep = HEADS[head][1]
    return [e for e in entries() if keep(e) and not e.collective and e.tail != "named"]


def _longest_item(head: str, rest: str, members: list, own: str | None) -> tuple[int, object] | None:
    probe = f"{head} {rest}" if head else rest
    best = None
    for e in members:
        for p in e.patterns + (e.levelless if own and e.level_word == own else ()):
            m = p.match(probe)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), e)
    if best is None:
        return None
    return best[0] - (len(head) + 1 if head else 0), best[1]


def list_candidates(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    """The members of every "Sở: ..." / "Bộ: ..." list in the folded span.

    >>> from parsers.lexicon.matching import fold
    >>> f = fold("Các Sở: XD, TC, KH&CN")
    >>> [c.agency.name for c in list_candidates(f, "Đồng Tháp", 0, len(f.text)) if not c.blocks]
    ['Sở Xây dựng', 'Sở Tài chính', 'Sở Khoa học và Công nghệ']
    """
    out: list[Candidate] = []
    for m in LIST_HEAD.finditer(f.text, start, end):
        members = _members(m.group("head"))
        head = HEADS[m.group("head")][0]
        stop = min((i for i in (f.text.find("\n", m.end()), f.text.find(".", m.end()), end) if i >= 0), default=end)
        pos = m.end()
        items = len(out)
        while pos < stop:
            pos = ITEM_GAP.match(f.text, pos).end()
            if pos >= stop:
                break
            own = ("thành phố" if is_city(province) else "tỉnh") if province else None
            found = _longest_item(head, f.text[pos:stop], members, own)
            if found is None:
                break
            length, entry = found
            out.append(Candidate(pos, pos + length, entry.agency(), rank=-1))
            pos += length
        if len(out) > items:  # the head of a list read item by item is no group: "Các Sở: XD, TC"
            out.append(Candidate(m.start(), m.end(), out[-1].agency, veto=True, blocks=True))
    return out
