"""Lists that share one head word: "Các Sở: Tài chính, Xây dựng", "Sở: NN&MT, TC, VH,TT&DL, YT",
"các Bộ, cơ quan: Quốc phòng, Công an, ..., Đài Truyền hình Việt Nam", "các Tập đoàn: PVN, VNPT",
"Các Vụ, Cục: KH-TC, PC", and the head written once before several names: "Sở Nội vụ, Tài chính".

Each item is read as if the head word were written before it ("Sở TC" -> Sở Tài chính), so the
item's span is the name as written ("TC"). A mixed head ("Các Sở, ngành:", "các Bộ, cơ quan:")
also takes items that are bodies of their own ("Thuế tỉnh", "Văn phòng Chính phủ").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from parsers.agencies.candidate import Candidate
from parsers.agencies.data import Entry, entries
from parsers.agencies.words import stop_phrases, stop_words
from parsers.lexicon.matching import Folded, slug
from parsers.lexicon.places import is_city
from parsers.models import Agency

# "Sở: NN&MT, TC", "Các Sở: XD, TC, KH&CN", "Các Bộ: Giáo dục và Đào tạo, Tài chính", "Các Sở, ngành: Xây
# dựng", "các Bộ, cơ quan: Quốc phòng", "Văn phòng: Tỉnh ủy, Đoàn ĐBQH&HĐND", "Thường trực: Tỉnh ủy, HĐND
# tỉnh", "các Tập đoàn: PVN, VNPT, Viettel", "các Vụ: CN, KTTH", "Các Vụ, Cục: KH-TC, PC, QLD"
LIST_HEAD = re.compile(
    r"""(?<!\w)(?:các\ )?(?P<head>sở(?:\ ban)?\ ngành|sở|bộ\ (?:cơ\ quan|ngành)|bộ|văn\ phòng|vp|thường\ trực|tt|ttr
        |tập\ đoàn|vụ\ cục|vụ|cục)\.?\ ?:\ ?""",
    re.X,
)
# Between two items: spaces (commas are folded to spaces), "và", a semicolon
ITEM_GAP = re.compile(r"(?: |và |; ?)*")
# Between a name and the next one sharing its head word: a comma ("Sở Nội vụ, Tài chính") or "và"
ELIDED_GAP = re.compile(r" (?:và )?")
# A head word written once before several names ("Sở Nội vụ, Tài chính, Xây dựng")
ELIDED_HEAD = re.compile(r"(?<!\w)(?P<head>sở|bộ) ")
# A level word after an item: "Sở Y tế, Công an tỉnh" names the provincial police, not Bộ Công an
LEVEL_AFTER = re.compile(r" (?:cấp )?(?:tỉnh|thành phố|tp|huyện|quận|thị xã|xã|phường)(?!\w)")
PARTY_LIKE = ("party", "people_council", "people_committee", "mass_org")


@dataclass(frozen=True)
class Head:
    """A list head: the word read before each item, which entries an item may be, and which
    entries may stand as items of their own."""

    word: str
    member: Callable[[Entry], bool]
    alone: Callable[[Entry], bool] = lambda e: False
    alone_word: str = ""  # the word read before an item of the second kind: "Các Vụ, Cục: QLD" -> "Cục QLD"


def _unit(prefix: str) -> Callable[[Entry], bool]:
    return lambda e: e.name.startswith(prefix)


HEADS = {
    "sở": Head("sở", lambda e: e.kind == "department"),
    "sở ngành": Head("sở", lambda e: e.kind == "department", lambda e: e.level == "province"),
    "sở ban ngành": Head("sở", lambda e: e.kind == "department", lambda e: e.level == "province"),
    "bộ": Head("bộ", lambda e: e.kind == "ministry"),
    "bộ cơ quan": Head("bộ", lambda e: e.kind == "ministry", lambda e: e.level == "central"),
    "bộ ngành": Head("bộ", lambda e: e.kind == "ministry", lambda e: e.level == "central"),
    "văn phòng": Head("văn phòng", _unit("Văn phòng ")),
    "vp": Head("văn phòng", _unit("Văn phòng ")),
    "thường trực": Head("", lambda e: e.kind in PARTY_LIKE),
    "tt": Head("", lambda e: e.kind in PARTY_LIKE),
    "ttr": Head("", lambda e: e.kind in PARTY_LIKE),
    "tập đoàn": Head("tập đoàn", _unit("Tập đoàn ")),
    "vụ": Head("vụ", _unit("Vụ ")),
    "cục": Head("cục", _unit("Cục ")),
    "vụ cục": Head("vụ", _unit("Vụ "), _unit("Cục "), "cục"),
}


@cache
def _members(head: str) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    """The entries an item of ``head`` may be: read after the head word, and read alone."""
    spec = HEADS[head]
    usable = [e for e in entries() if not e.collective and e.tail != "named"]
    return tuple(e for e in usable if spec.member(e)), tuple(e for e in usable if spec.alone(e))


def _longest(probe: str, members: tuple[Entry, ...], own: str | None, skip: int) -> tuple[int, Agency] | None:
    best = None
    for e in members:
        for p in e.patterns + (e.levelless if own and e.level_word == own else ()):
            m = p.match(probe)
            if m and m.end() > skip and (best is None or m.end() - skip > best[0]):
                best = (m.end() - skip, e, m)
    return (best[0], _agency(best[1], best[2])) if best else None


def _agency(e: Entry, m: re.Match[str]) -> Agency:
    """The entry's agency, with a code or region number filled in: "Các Cục: C07" -> "Cục C07"."""
    name, aid = e.name, e.id
    for key in ("code", "num"):
        value = m.groupdict().get(key)
        if value:
            value = value.upper()
            name, aid = name.replace("{" + key + "}", value), f"{aid}-{slug(value)}"
    return Agency(id=aid, name=name, kind=e.kind, level=e.level, collective=e.collective)


def _longest_item(head: str, rest: str, own: str | None) -> tuple[int, Agency] | None:
    """The longest entry an item at the start of ``rest`` names: (its length in ``rest``, entry)."""
    spec = HEADS[head]
    members, alone = _members(head)
    found = _longest(_probe(spec.word, rest), members, own, len(spec.word) + 1 if spec.word else 0)
    skip = len(spec.alone_word) + 1 if spec.alone_word else 0
    on_its_own = _longest(_probe(spec.alone_word, rest), alone, own, skip) if alone else None
    if on_its_own and (found is None or on_its_own[0] > found[0]):
        return on_its_own
    return found


def _probe(word: str, rest: str) -> str:
    return f"{word} {rest}" if word else rest


def _own_level(province: str | None) -> str | None:
    return ("thành phố" if is_city(province) else "tỉnh") if province else None


def _items(f: Folded, head: str, pos: int, stop: int, own: str | None) -> list[Candidate]:
    out = []
    while pos < stop:
        pos = ITEM_GAP.match(f.text, pos).end()
        if pos >= stop:
            break
        found = _longest_item(head, f.text[pos:stop], own)
        if found is None:
            break
        length, agency = found
        out.append(Candidate(pos, pos + length, agency, rank=-1))
        pos += length
    return out


def _headed_lists(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    out: list[Candidate] = []
    own = _own_level(province)
    for m in LIST_HEAD.finditer(f.text, start, end):
        head = m.group("head")
        stop = min((i for i in (f.text.find("\n", m.end()), f.text.find(".", m.end()), end) if i >= 0), default=end)
        items = _items(f, head, m.end(), stop, own)
        if items:  # the head of a list read item by item is no group: "Các Sở: XD, TC"
            out += items + [Candidate(m.start(), m.end(), items[-1].agency, veto=True, blocks=True)]
    return out


def _elided_lists(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    """ "Sở Nội vụ, Tài chính": names after the first that leave out its head word. An item must be
    capitalised and come after a comma or "và" ("Sở Tài chính, xây dựng kế hoạch" has none)."""
    out: list[Candidate] = []
    own = _own_level(province)
    for m in ELIDED_HEAD.finditer(f.text, start, end):
        head = m.group("head")
        stop = min((i for i in (f.text.find("\n", m.start()), f.text.find(".", m.start()), end) if i >= 0), default=end)
        first = _longest_item(head, f.text[m.end() : stop], own)
        if first is None or not f.original[f.map[m.start()]].isupper():
            continue
        pos = m.end() + first[0]
        while pos < stop:
            gap = ELIDED_GAP.match(f.text, pos)
            k = gap.end() if gap else pos
            if k == pos or k >= stop or not (f.breaks_at(pos) or gap.group(0) == " và "):
                break
            if not f.original[f.map[k]].isupper():
                break
            found = _longest_item(head, f.text[k:stop], own)
            if found is None or not _ends_item(f.text, k + found[0]):
                break
            out.append(Candidate(k, k + found[0], found[1], rank=-1))
            pos = k + found[0]
    return out


def _ends_item(text: str, k: int) -> bool:
    """Whether an elided item ends at ``k``: at punctuation, "và", or a word that begins the rest of the
    sentence ("Sở Nội vụ, Tài chính phối hợp"), not one that goes on with a name ("Công an nhân dân",
    "Công an tỉnh")."""
    if k >= len(text) or text[k] in "\n\t.;:()":
        return True
    if text[k].isalnum() or LEVEL_AFTER.match(text, k):
        return False
    first, two = _next_words(text, k + 1)
    return first in ("và", "") or first in stop_words() or two in stop_phrases()


def _next_words(text: str, at: int) -> tuple[str, str]:
    """The word at ``at`` and the two words there, as ``text[at:].split(" ", 2)`` reads them,
    without copying the rest of the text (a document's worth for every list item)."""
    i = text.find(" ", at)
    if i < 0:
        return text[at:], text[at:]
    j = text.find(" ", i + 1)
    return text[at:i], text[at:i] + " " + (text[i + 1 : j] if j >= 0 else text[i + 1 :])


def list_candidates(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    """The members of every "Sở: ..." / "Bộ: ..." list in the folded span.

    >>> from parsers.lexicon.matching import fold
    >>> f = fold("Các Sở: XD, TC, KH&CN")
    >>> [c.agency.name for c in list_candidates(f, "Đồng Tháp", 0, len(f.text)) if not c.blocks]
    ['Sở Xây dựng', 'Sở Tài chính', 'Sở Khoa học và Công nghệ']
    """
    return _headed_lists(f, province, start, end) + _elided_lists(f, province, start, end)
