"""The words of agency names, as the detector (``agencies.detector``) reads them on spaCy tokens.

Vocabulary comes from ``data/agency_heads.json`` (head words, stop words and phrases, name
phrases) and ``data/abbreviations.json`` (abbreviations to expand inside a name); this module
holds the token tests built on it and turns a detected span into a canonical name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from parsers.agencies.data import abbreviations
from parsers.lexicon.matching import fold_key, slug
from parsers.lexicon.places import find_place
from parsers.models import Agency

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# lower-case words a name may run over only to reach more of the name ("Khoa học và Công nghệ")
LINKS = frozenset({"thuộc", "và", "về"})
# words that end a name on its level: "Trung tâm Lưu trữ lịch sử tỉnh"
LEVEL_WORDS = (
    ("thành", "phố"),
    ("thị", "xã"),
    ("thị", "trấn"),
    ("tỉnh",),
    ("tp",),
    ("huyện",),
    ("quận",),
    ("xã",),
    ("phường",),
)
CENTRAL_WORDS = {("trung", "ương"), ("quốc", "gia"), ("việt", "nam")}
# level words also written with a capital ("Công an Tỉnh", "Ủy ban nhân dân Thành phố"); "Xã hội" is no commune
CAPITAL_LEVELS = {("tỉnh",), ("thành", "phố"), ("tp",)}
# the level words by their first word, in LEVEL_WORDS' order: only those can match at a token
_LEVELS_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(w for w in LEVEL_WORDS if w[0] == first) for first in {w[0] for w in LEVEL_WORDS}
}
# roman numerals and codes: "khu vực XI", "Cục A03"
CODE = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ]{1,3}\d{1,3}|\d{1,4})$")
# tone marks (not the stroke of Đ): an upper-case word with one is a heading's word, not an abbreviation
TONED = re.compile("[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")
# the word after a head that makes it a person's title: "Cục trưởng", "Chi cục Trưởng"
ROLE_AFTER_HEAD = frozenset({"trưởng", "phó"})
# capitalised words that name no body by themselves: "Văn phòng Sở", "Tổng công ty Nhà nước"
GENERIC_WORDS = frozenset({"Sở", "Bộ", "Ban", "Cục", "Nhà", "Tỉnh", "Thành", "Trung", "Quốc", "UBND", "HĐND"})
GENERIC_BODIES = frozenset({"nhà nước", "nhà nước thuộc thành phố", "thông tin", "y tế"})
# single-word heads that always begin a body, even inside another name
NESTING_HEADS = frozenset({"Ban", "Cục", "Vụ"})
# lower-case words inside a name that never end one: "Liên hiệp các Hội ...", "Ban Quản lý các dự án"
NOT_FINAL = frozenset({"các", "những"})
# the unit a local body belongs to: "... huyện Đồng Phú", "... xã Quảng Điền"
LOCAL_LEVEL = re.compile(r"\b(huyện|quận|thị xã|xã|phường|thị trấn)\s+[A-ZĐÀ-Ỹ0-9]")
# Words a number belongs to in a name: "số 1", "khu vực 8", "Quân khu 4", "cơ sở 2", "khóa XV"
NUMBERED = frozenset({"số", "vực", "khu", "sở", "khóa", "khoá", "đội", "đoàn", "lần", "phường", "quận", "xã"})
# Tone marks (acute, grave, hook, tilde, dot below): a Vietnamese syllable carries at most one
TONE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
CENTRAL_HEADS = frozenset({"Cục", "Tổng cục", "Vụ", "Tổng công ty", "Tập đoàn", "Học viện"})


@cache
def head_data() -> dict:
    """``agency_heads.json``: heads ("Cảng vụ", "Chi cục" ...), stop words, stop and name phrases."""
    return json.loads(resources.files("parsers").joinpath("data/agency_heads.json").read_text("utf-8"))


@cache
def head_specs() -> dict[str, dict]:
    """Each head's entry by its words: ``head_specs()["Chi cục"]["first"] == "title"``."""
    return {h["head"]: h for h in head_data()["heads"]}


@cache
def stop_words() -> frozenset[str]:
    """Lower-case words that end a name: "có", "theo", "của" ..."""
    return frozenset(head_data()["stop_words"])


@cache
def stop_phrases() -> frozenset[str]:
    """Two-word phrases that end a name: "chủ trì", "phối hợp" ..."""
    return frozenset(head_data()["stop_phrases"])


@cache
def name_phrases() -> tuple[tuple[str, ...], ...]:
    """Phrases a name may hold despite their stop words: ("đồng", "bằng"), ("đầu", "tư", "xây", "dựng") ..."""
    return tuple(tuple(p.split()) for p in head_data()["name_phrases"])


@cache
def _phrases_holding() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """word -> (name phrase, place of the word in it) for each name phrase holding the word."""
    out: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in name_phrases():
        for offset, word in enumerate(phrase):
            out.setdefault(word, []).append((phrase, offset))
    return {word: tuple(places) for word, places in out.items()}


@cache
def expansions() -> dict[str, str]:
    """Abbreviations of bodies written inside a name: "BCHPTDS" -> "Ban Chỉ huy Phòng thủ dân sự"."""
    out = {}
    for a in abbreviations():
        if a["kind"] == "body" and a["abbr"].isupper():
            for form in (a["abbr"], *a.get("variants", [])):
                if " " not in form and "." not in form:
                    out[form] = a["expansion"]
    return out


@cache
def comma_pairs() -> frozenset[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Words a name joins with a comma: (("khám",), ("chữa",)) for "Cục Quản lý Khám, chữa bệnh"."""
    out = set()
    for pair in head_data()["comma_pairs"]:
        left, right = pair.split(",")
        out.add((tuple(left.split()), tuple(right.split())))
    return frozenset(out)


def comma_in_name(doc: Doc, j: int) -> bool:
    """Whether the comma at ``j`` joins two words of one name ("Khám, chữa bệnh", "Y, Dược"), not a list."""
    for left, right in comma_pairs():
        before = doc[max(0, j - len(left)) : j]
        after = doc[j + 1 : j + 1 + len(right)]
        if tuple(t.lower_ for t in before) == left and tuple(t.lower_ for t in after) == right:
            return True
    return False


def stops_name(doc: Doc, j: int) -> bool:
    """Whether the lower-case word at ``j`` begins the rest of the sentence ("chủ trì", "có"),
    not being part of a name phrase ("Đồng bằng", "đầu tư xây dựng")."""
    word = doc[j].lower_
    for phrase, offset in _phrases_holding().get(word, ()):
        k = j - offset  # the phrase placed so that its word ``offset`` is the word at ``j``
        if k >= 0 and tuple(t.lower_ for t in doc[k : k + len(phrase)]) == phrase:
            return False
    if word in stop_words():
        return True
    return j + 1 < len(doc) and f"{doc[j].lower_} {doc[j + 1].lower_}" in stop_phrases()


def strong(t: Token) -> bool:
    """A word that can end a name: capitalised, a code or a number, an abbreviation without tone marks."""
    if CODE.match(t.text):
        return True
    if not t.is_alpha:
        return False
    if t.is_title:
        return True
    return t.is_upper and len(t.text) <= 8 and not TONED.search(unicodedata.normalize("NFD", t.text))


def stray_number(doc: Doc, j: int) -> bool:
    """Whether the number at ``j`` is noise inside a name, a footnote mark or a neighbouring cell's
    figure ("Phòng thủ dân 1 sự"): between two lower-case words, after no word a number belongs to."""
    t = doc[j]
    if not (t.is_digit and len(t) <= 2) or j == 0 or j + 1 >= len(doc):
        return False
    before, after = doc[j - 1], doc[j + 1]
    return before.is_lower and after.is_lower and before.is_alpha and after.is_alpha and before.lower_ not in NUMBERED


def garbled(word: str) -> bool:
    """Whether a token is no word but syllables a PDF text layer glued ("Cảnhvề", "kiểmCục"): two tone
    marks, or a capital after three lower-case letters ("TTgCP" is an abbreviation)."""
    if len(TONE_MARKS.findall(unicodedata.normalize("NFD", word))) > 1:
        return True
    run = 0
    for ch in word:
        if ch.isupper() and run >= 3:
            return True
        run = run + 1 if ch.islower() else 0
    return False


def capitalised_run(doc: Doc, j: int) -> int:
    """The number of capitalised words at ``j``: the name of a district or commune ("Đồng Phú")."""
    n = 0
    while j + n < len(doc) and n < 4 and doc[j + n].is_title and doc[j + n].is_alpha:
        n += 1
    return n


def level_at(doc: Doc, j: int) -> int:
    """The number of tokens of a level word at ``j`` ("tỉnh", "thành phố", "cấp tỉnh"), or 0."""
    if j >= len(doc):
        return 0
    k = j + 1 if doc[j].lower_ in ("cấp", "của") else j  # "cấp tỉnh", "Ban Chỉ đạo bầu cử của tỉnh"
    if k >= len(doc):  # "Ban cấp" ends the text
        return 0
    if doc[k].lower_ == "xã" and k >= 2 and f"{doc[k - 2].lower_} {doc[k - 1].lower_}" == "hợp tác":
        return 0  # "Liên minh Hợp tác xã": a cooperative, not a commune
    for words in _LEVELS_BY_FIRST.get(doc[k].lower_, ()):
        n = len(words)
        tokens = doc[k : k + n]
        if tuple(t.lower_ for t in tokens) == words and (tokens[0].is_lower or words in CAPITAL_LEVELS):
            return k - j + n
    return 0


def place_at(doc: Doc, j: int) -> int:
    """The number of tokens of a province's name at ``j`` ("Nghệ An", "Thừa Thiên Huế"), or 0."""
    if j >= len(doc) or not (doc[j].is_alpha and (doc[j].is_title or doc[j].is_upper)):
        return 0  # every name tried below begins with this token (most tokens: one test, not four spans)
    for n in (4, 3, 2, 1):
        words = doc[j : j + n]
        if len(words) == n and all(t.is_alpha and (t.is_title or t.is_upper) for t in words) and find_place(words.text):
            return n
    return 0


def canonical_name(span: Span, reference: dict[int, tuple[Span, Agency]], province: str | None) -> str:
    """The name a detected span stands for: abbreviations expanded, known agencies in it named
    canonically, the document's own province left out after a level word
    ("Trung tâm Dịch vụ việc làm tỉnh Nghệ An" -> "Trung tâm Dịch vụ việc làm tỉnh" in Nghệ An)."""
    parts: list[str] = []
    j = span.start
    table = expansions()
    while j < span.end:
        if j in reference and reference[j][0].end <= span.end:
            inner, agency = reference[j]
            parts.append(agency.name + inner[-1].whitespace_)
            j = inner.end
            continue
        t = span.doc[j]
        if not stray_number(span.doc, j):
            parts.append(table.get(t.text, t.text) + t.whitespace_)
        j += 1
    name = "".join(parts).strip()
    name = re.sub(r"\b(?:cấp|của) (tỉnh|thành phố)$", r"\1", name)
    if province:
        m = re.search(r"\s(?:tỉnh|thành phố|Tỉnh|Thành phố|TP\.?)\s+(.+)$", name)
        if m and find_place(m.group(1)) and fold_key(m.group(1)) == fold_key(find_place(m.group(1)).name):
            own = find_place(province)
            if own and find_place(m.group(1)).name == own.name:
                name = name[: m.start(1)].rstrip()
    return re.sub(r"\s+", " ", name)


def agency_for(span: Span, name: str) -> Agency:
    """The Agency of a detected name: id its slug, kind its head's, level from its last words
    ("Bệnh viện đa khoa huyện Đồng Phú": district)."""
    level = "province"
    if LOCAL_LEVEL.search(name):
        level = "district" if LOCAL_LEVEL.search(name).group(1) in ("huyện", "quận", "thị xã") else "commune"
    elif span.label_ in CENTRAL_HEADS or any(" ".join(p) in fold_key(name) for p in CENTRAL_WORDS):
        level = "central"
    kind = head_specs()[span.label_]["kind"]
    return Agency(id=slug(name), name=name, kind=kind, level=level, collective=False)
