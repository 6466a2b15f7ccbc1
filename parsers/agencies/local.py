"""Named local bodies: "UBND huyện Phú Vang", "Công an xã Yên Khương", "UBND các xã A, B và C".

A People's Committee, Council, police or party committee followed by its unit word and a
place's own name (capitalised words) is that place's body. A specific list is not a group:
"Ủy ban nhân dân các xã Quảng Thọ, Quảng An và Quảng Vinh" names three bodies, each read as
if written in full; "UBND xã Văn Bàn, xã Quý Xa" names two. Only an unnamed plural ("UBND các
xã, phường") is the collective the reference data reads.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from parsers.agencies.candidate import Candidate
from parsers.agencies.data import expand
from parsers.lexicon.matching import Folded, slug
from parsers.lexicon.places import find_place, is_city
from parsers.models import Agency

# A People's Committee, Council, police or party committee of a named district or commune:
#   "UBND huyện Phú Vang", "Ủy ban nhân dân xã Quảng Điền", "Công an phường 5", "UBND các xã Tà Xùa, ..."
LOCAL_SRC = r"""(?<!\w)(?:(?P<ubnd>{UBND})|(?P<hdnd>{HĐND})|(?P<ca>công\ an)|(?P<du>đảng\ ủy)
    |(?P<mt>(?:ủy\ ban|ub)\ ?(?:{MTTQVN}|{MTTQ})))
    \ (?P<many>các\ )?(?P<unit>huyện|quận|thị\ xã|thành\ phố|tp\.?|xã|phường|thị\ trấn|đặc\ khu)(?=\ )"""
LOCAL_BODIES = {
    "ubnd": ("Ủy ban nhân dân", "people_committee", "ubnd"),
    "hdnd": ("Hội đồng nhân dân", "people_council", "hdnd"),
    "ca": ("Công an", "police", "cong-an"),
    "du": ("Đảng ủy", "party", "dang-uy"),
    "mt": ("Ủy ban Mặt trận Tổ quốc Việt Nam", "mass_org", "ubmttq"),
}
COMMUNE_UNITS = ("xã", "phường", "thị trấn", "đặc khu")
# A word of a place's own name: capitalised ("Phú", "Vang") or a number ("5")
NAME_WORD = re.compile(r"\s+(?P<w>[^\W\d_][\w]*|\d{1,3})(?=[\s,;.:)]|$)")
# Capitalised words that begin the next name rather than continue a place's: "UBND Thành phố Báo cáo"
NOT_PLACE_WORDS = frozenset(
    ["Sở", "Ban", "Báo", "Bộ", "Cục", "Ủy", "Uỷ", "Về", "Và", "Của", "Theo", "Tại", "Trên", "Giao", "Đề", "Sửa"]
)
# ... and words that do so only with the word after them: "Văn phòng", "Trung tâm" (but "xã Văn Bàn",
# "xã Trung Sơn", "huyện Chi Lăng", "huyện Kế Sách", "thành phố Quy Nhơn", "thành phố Hội An")
NOT_PLACE_PAIRS = {
    "Văn": ("phòng", "bản"),
    "Trung": ("tâm", "ương"),
    "Chi": ("cục", "nhánh"),
    "Kế": ("hoạch",),
    "Quy": ("hoạch", "định", "chế", "trình"),
    "Hội": ("đồng", "Nông", "Liên", "Cựu", "Chữ", "Người", "Luật", "Doanh", "Khuyến"),
    "Đài": ("Phát", "Truyền", "phát", "truyền", "Khí"),
}
# Between two places of one list: ", " or " và ", the unit word maybe repeated ("xã A, xã B")
NEXT_PLACE = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)(?:(?P<unit>xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\s)?")
# The issuing level spelled out: "cấp tỉnh" -> "tỉnh", "TP" -> "thành phố"
LEVEL_WORDS = {"tỉnh": "tỉnh", "tinh": "tỉnh", "thành phố": "thành phố", "tp": "thành phố", "tp.": "thành phố"}
MAX_PLACES = 30


def level_word(text: str) -> str:
    """ "cấp tỉnh" -> "tỉnh", "TP." -> "thành phố"."""
    return LEVEL_WORDS.get(text.removeprefix("cấp ").strip(), text)


@cache
def _local() -> re.Pattern[str]:
    return re.compile(expand(LOCAL_SRC), re.X)


def _stops_place(token: str, following: str) -> bool:
    if token in NOT_PLACE_WORDS:
        return True
    nxt = following.split(maxsplit=1)
    return bool(nxt) and nxt[0].strip(",;.:") in NOT_PLACE_PAIRS.get(token, ())


def place_words(original: str, pos: int) -> tuple[list[str], int]:
    """The words of a place's own name at ``pos`` ("Phú Vang", "5") and where they end."""
    words: list[str] = []
    end = pos
    while len(words) < 4:
        w = NAME_WORD.match(original, end)
        if not w or "\n" in original[end : w.start("w")] or "\t" in original[end : w.start("w")]:
            break
        token = w.group("w")
        if not (token[0].isupper() or (token.isdigit() and not words)):
            break
        if _stops_place(token, original[w.end() : w.end() + 12]):
            break
        if len(token) > 1 and token.isupper():
            break  # an abbreviation ("UBND xã BK") or a heading in capitals
        words.append(token)
        end = w.end()
    return words, end


def _body(body: str, unit: str, place: str, start: int, end: int) -> Candidate:
    label, kind, idp = LOCAL_BODIES[body]
    level = "commune" if unit in COMMUNE_UNITS else "district"
    agency = Agency(id=f"{idp}-{slug(unit)}-{slug(place)}", name=f"{label} {unit} {place}", kind=kind, level=level)
    return Candidate(start, end, agency, rank=1)


def _more_places(f: Folded, body: str, unit: str, many: bool, pos: int, end: int) -> list[Candidate]:
    """The other places of a list after its first: "..., Quảng An và Quảng Vinh" (a plural "các"
    lets them stand alone; without it each repeats its unit word: "xã A, xã B")."""
    out = []
    while len(out) < MAX_PLACES:
        sep = NEXT_PLACE.match(f.original, pos)
        if not sep or "\n" in sep.group(0) or "\t" in sep.group(0):
            break
        again = sep.group("unit")
        if not (many or again):
            break
        unit = level_word(again) if again else unit
        words, o_end = place_words(f.original, sep.end() - 1)
        if not words:
            break
        start, stop = bisect.bisect_left(f.map, sep.end()), bisect.bisect_left(f.map, o_end)
        if stop > end:
            break
        out.append(_body(body, unit, " ".join(words), start, stop))
        pos = o_end
    return out


def local_candidates(f: Folded, province: str | None, start: int, end: int) -> list[Candidate]:
    """The named local bodies in the folded span ``[start, end)``.

    >>> from parsers.lexicon.matching import fold
    >>> f = fold("UBND các xã Quảng Thọ, Quảng An và Quảng Vinh")
    >>> [c.agency.name for c in local_candidates(f, "Huế", 0, len(f.text))]
    ['Ủy ban nhân dân xã Quảng Thọ', 'Ủy ban nhân dân xã Quảng An', 'Ủy ban nhân dân xã Quảng Vinh']
    """
    out = []
    for m in _local().finditer(f.text, start, end):
        if f.original[f.map[m.start()]].islower():
            continue
        body = next(k for k in LOCAL_BODIES if m.group(k))
        unit = level_word(m.group("unit"))
        if unit == "thành phố" and is_city(province):
            continue  # in a centrally-run city "Thành phố" is the city itself
        if f.surface(m.start(), m.end()).isupper():
            continue  # a heading in capitals: where the place's name ends cannot be told
        words, o_end = place_words(f.original, f.span(m.start(), m.end())[1])
        if not words:
            continue
        if unit == "thành phố" and any(find_place(" ".join(words[:k])) for k in range(1, len(words) + 1)):
            continue  # a province-level city: the reference entries read it
        fe = bisect.bisect_left(f.map, o_end)
        if fe > end:
            continue
        out.append(_body(body, unit, " ".join(words), m.start(), fe))
        out += _more_places(f, body, unit, bool(m.group("many")), o_end, end)
    return out
