"""Provinces and centrally-run cities, before and after the 2025 merger (``data/provinces.json``,
read once): their names and aliases, and how a text writes them ("TP. Hồ Chí Minh", "tỉnh Nghệ An")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from parsers.lexicon.folding import fold
from parsers.lexicon.matching import fold_key


@cache
def _entries() -> tuple[dict, ...]:
    """The entries of ``data/provinces.json``: name, city (a centrally-run city), aliases."""
    return tuple(json.loads(resources.files("parsers").joinpath("data/provinces.json").read_text("utf-8")))


@cache
def provinces() -> dict[str, dict]:
    """Folded province name (and variants) -> its entry in ``data/provinces.json``."""
    table: dict[str, dict] = {}
    for entry in _entries():
        for name in [entry["name"], *entry.get("aliases", [])]:
            table[fold(name).replace("-", " ").replace("  ", " ")] = entry
    return table


def find_province(text: str) -> dict | None:
    """The province named at the end or, failing that, the start of ``text``.

    >>> find_province("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")["name"], find_province("HÀ NỘI SỞ Y TẾ")["name"]
    ('Nghệ An', 'Hà Nội')
    """
    words = fold(text).replace("-", " ").split()
    table = provinces()
    for size in range(5, 0, -1):
        if len(words) >= size:
            entry = table.get(" ".join(words[-size:])) or table.get(" ".join(words[:size]))
            if entry:
                return entry
    return None


@dataclass(frozen=True)
class Place:
    name: str  # "Cần Thơ"
    city: bool  # a centrally-run city ("thành phố"), else a province ("tỉnh")
    aliases: tuple[str, ...]


@cache
def places() -> tuple[Place, ...]:
    """Provinces and cities of ``data/provinces.json`` (name, city, aliases): ``Place("Cần Thơ", True, ())``."""
    return tuple(Place(p["name"], p["city"], tuple(p.get("aliases", []))) for p in _entries())


@cache
def _place_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for p in places():
        for alias in (p.name, *p.aliases):
            index[fold_key(alias)] = p
    return index


# "tỉnh Nghệ An", "thành phố Cần Thơ", "TP. Hồ Chí Minh", "TP.HCM": the level word before a name
_LEVEL_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp|thủ đô)\.?\s+")


@cache
def find_place(name: str) -> Place | None:
    """The province or city a written place name refers to, if it is one.

    >>> find_place("TP. Hồ Chí Minh").name
    'Hồ Chí Minh'
    """
    key = _LEVEL_PREFIX.sub("", fold_key(name))
    return _place_index().get(key)


def place_regex() -> str:
    """A regex (folded text) matching any known place name, longest first: "thừa thiên huế" before "huế"."""
    keys = sorted(_place_index(), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(k) for k in keys) + ")"


@cache
def same_place(written: str, province: str | None) -> bool:
    """Whether a place written after a body names the document's own province.

    >>> same_place("tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"), same_place("Huế", "Thừa Thiên Huế")
    (True, False)
    """
    if not province:
        return False
    a, b = find_place(written), find_place(province)
    if a is not None and b is not None:
        return a.name == b.name
    return _LEVEL_PREFIX.sub("", fold_key(written)) == _LEVEL_PREFIX.sub("", fold_key(province))


@cache
def is_city(province: str | None) -> bool:
    """Whether the document's province is a centrally-run city (its bodies say "thành phố").

    >>> is_city("Cần Thơ"), is_city("Nghệ An"), is_city("Thừa Thiên Huế")
    (True, False, False)
    """
    place = find_place(province) if province else None
    return bool(place and place.city)


@cache
def initials(name: str) -> str:
    """ "Cần Thơ" -> "ct", "Nghệ An" -> "na": how Nơi nhận blocks abbreviate a place."""
    return "".join(w[0] for w in fold_key(name).split())
