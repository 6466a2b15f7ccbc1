"""The agency reference data (``data/agencies.json``, ``data/abbreviations.json``), compiled once.

An entry's ``patterns`` are regular expressions over *folded* text (see ``lexicon.matching.fold``:
lower case, "&" -> "và", commas and dashes -> spaces). They may use placeholders:

- ``{KH&ĐT}``, ``{UBND}`` ...: an abbreviation of ``abbreviations.json`` (domain or body), which
  stands for its expansion or any written form of the abbreviation:
  ``sở {KH&ĐT}`` matches "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", "Sở KHĐT", "Sở KH-ĐT";
- ``{LVL_T}`` / ``{LVL_TP}``: the level word of a province / of a centrally-run city
  ("tỉnh", "cấp tỉnh" / "thành phố", "TP");
- ``{PLACE}``, ``{NUM}``, ``{CODE}``: a province's name, a region number ("XI", "8"), a code ("A03"),
  captured to fill the ``{place}``, ``{num}``, ``{code}`` of an entry's name.

``tail`` says what a place written after the name does: ``place`` (a department: "Sở Tài chính
tỉnh Nghệ An" -> "Sở Tài chính" in Nghệ An), ``level`` (the name holds its level word: "Ủy ban
nhân dân tỉnh Sóc Trăng" keeps "Sóc Trăng" outside Sóc Trăng), ``named`` (the place is part of
the name) or ``none``. ``levelless`` patterns name the body without a level word ("VPUB",
"TTUB"): they count only for the entry whose level word is the document's own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from parsers.lexicon.matching import fold_key, fold_tones
from parsers.lexicon.places import place_regex
from parsers.models import Agency

PLACEHOLDER = re.compile(r"\{(?P<key>[^\d{},][^{}]*)\}")
# the level word of a province, also mistyped without its tone mark before a full stop: "Bộ Chỉ huy Quân sự tinh;"
LVL_T = r"(?:cấp )?(?:tỉnh|tinh(?=\s*(?:[;.)]|$)))"
# "thành phố", "cấp thành phố", "TP", "TP."
LVL_TP = r"(?:cấp )?(?:thành phố|tp\.?)"
NUM = r"(?P<num>[ivxlc]{1,5}|\d{1,2})"
CODE = r"(?P<code>[abchkvx]\d{2,3})"
KEY_ORDER = ("collective", "examples", "id", "kind", "level", "levelless", "name", "note", "patterns", "tail")
TAILS = ("none", "place", "level", "named")


@dataclass(frozen=True)
class Entry:
    """One body of the reference data, with its patterns compiled."""

    id: str
    name: str
    kind: str
    level: str
    collective: bool
    tail: str
    patterns: tuple[re.Pattern[str], ...]
    levelless: tuple[re.Pattern[str], ...]
    examples: tuple[str, ...]

    @cached_property  # asked for every candidate of every window; the entry never changes
    def level_word(self) -> str | None:
        """ "tỉnh" or "thành phố" when the name ends with the level it belongs to."""
        for word in ("tỉnh", "thành phố"):
            if self.name.endswith(" " + word):
                return word
        if self.name in ("Tỉnh ủy", "Tỉnh đoàn") or self.name.endswith(" Tỉnh ủy"):
            return "tỉnh"
        if self.name in ("Thành ủy", "Thành đoàn") or self.name.endswith(" Thành ủy"):
            return "thành phố"
        return None

    def agency(self) -> Agency:
        return Agency(id=self.id, name=self.name, kind=self.kind, level=self.level, collective=self.collective)


def _read(name: str) -> list[dict]:
    return json.loads(resources.files("parsers").joinpath(f"data/{name}").read_text("utf-8"))


@cache
def abbreviations() -> tuple[dict, ...]:
    """The entries of ``abbreviations.json``: ``{"abbr": "KH&ĐT", "expansion": "Kế hoạch và Đầu tư", ...}``."""
    return tuple(_read("abbreviations.json"))


def _flexible(form: str) -> str:
    """A written abbreviation as a regex whose parts may be glued or spaced: "kh và đt" -> "kh(?: (?:và )?)?đt"."""
    parts = [p for p in fold_key(form).split(" ") if p != "và"]
    return r"(?: (?:và )?)?".join(re.escape(p) for p in parts)


def _expansion(text: str) -> str:
    """An expansion as a regex in which "và" may be left out: "Khoa học - Công nghệ"."""
    return re.escape(fold_key(text)).replace(r"\ và\ ", r" (?:và )?").replace(" và ", " (?:và )?")


@cache
def _abbreviation_regexes() -> dict[str, str]:
    """Placeholder key (folded abbreviation) -> regex matching the expansion or any written form."""
    forms: dict[str, set[str]] = {}
    for a in abbreviations():
        if a["kind"] not in ("domain", "body"):
            continue
        alts = forms.setdefault(fold_key(a["abbr"]), set())
        alts.add(_expansion(a["expansion"]))
        for written in (a["abbr"], *a.get("variants", [])):
            alts.add(_flexible(written))
    return {k: "(?:" + "|".join(sorted(v, key=len, reverse=True)) + ")" for k, v in forms.items()}


def expand(pattern: str) -> str:
    """A data pattern with its placeholders replaced by regexes.

    >>> bool(re.fullmatch(expand("sở {KH&ĐT}"), "sở kh và đt"))
    True
    """
    table = _abbreviation_regexes()

    def sub(m: re.Match[str]) -> str:
        key = m.group("key")
        special = {"LVL_T": LVL_T, "LVL_TP": LVL_TP, "NUM": NUM, "CODE": CODE}
        if key in special:
            return special[key]
        if key == "PLACE":
            return f"(?P<place>{place_regex()})"
        try:
            return table[fold_key(key)]
        except KeyError:
            raise ValueError(f"unknown placeholder {{{key}}} in agency pattern {pattern!r}") from None

    return PLACEHOLDER.sub(sub, fold_tones(pattern))


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """A data pattern compiled to match whole words (the start is checked by the caller, see
    ``agencies.match.starts_word``: a leading look-behind would cost the regex engine its fast
    search for a literal prefix such as "sở ")."""
    return re.compile(rf"(?:{expand(pattern)})(?!\w)")


@cache
def entries() -> tuple[Entry, ...]:
    """Every entry of ``agencies.json``, compiled.

    >>> next(e for e in entries() if e.id == "so-tai-chinh").name
    'Sở Tài chính'
    """
    out = []
    for raw in _read("agencies.json"):
        patterns = raw["patterns"]
        out.append(
            Entry(
                id=raw["id"],
                name=raw["name"],
                kind=raw["kind"],
                level=raw["level"],
                collective=raw["collective"],
                tail=raw["tail"],
                patterns=tuple(compile_pattern(p) for p in patterns),
                levelless=tuple(compile_pattern(p) for p in raw.get("levelless", [])),
                examples=tuple(raw["examples"]),
            )
        )
    return tuple(out)


@cache
def entry_by_id() -> dict[str, Entry]:
    """The entries by id: ``entry_by_id()["uy-ban-nhan-dan-tinh"].name == "Ủy ban nhân dân tỉnh"``."""
    return {e.id: e for e in entries()}


@cache
def default_agency(role: str) -> Agency:
    """An agency the text does not name but a role needs (``data/default_agencies.json``):
    ``default_agency("unnamed_lead")`` leads a task whose text and headings name no agency.

    >>> default_agency("unnamed_lead").name
    'Các cơ quan, đơn vị (không nêu tên)'
    """
    raw = json.loads(resources.files("parsers").joinpath("data/default_agencies.json").read_text("utf-8"))[role]
    return Agency(id=raw["id"], name=raw["name"], kind=raw["kind"], level=raw["level"], collective=raw["collective"])
