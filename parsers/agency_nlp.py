"""The detector: agency names no reference list knows, found with a spaCy pipeline.

"Cảng vụ Hàng hải Nghệ An", "Ban Chỉ đạo 389 tỉnh", "Chi cục Hải quan khu vực XI", "Phòng An
ninh chính trị nội bộ Công an tỉnh" ... A name starts with a head word of ``data/agency_heads.json``
and grows over what can belong to a name (capitalised words, numbers, codes, lower-case words
while no stop word comes), up to a level word, a province or a known agency it belongs to.

The pipeline is ``spacy.blank("xx")`` (its tokenizer splits punctuation and needs no model)
with two registered components:

- ``kehoach_agency_heads``: a span ruler whose patterns are the heads of the data file;
- ``kehoach_agency_names``: grows each head into a name, using the spans of the agencies the
  reference data already found (``doc.spans["reference"]``) as parents and stops.

It loads once per process, on first use.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from parsers.agency_data import abbreviations
from parsers.agency_text import find_place, fold_key, slug
from parsers.models import Agency

HEADS_KEY, NAMES_KEY, REFERENCE_KEY = "agency_heads", "agencies", "reference"
MAX_NAME_TOKENS = 30
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
CENTRAL_HEADS = frozenset({"Cục", "Tổng cục", "Vụ", "Tổng công ty", "Tập đoàn", "Học viện"})


@cache
def head_data() -> dict:
    return json.loads(resources.files("parsers").joinpath("data/agency_heads.json").read_text("utf-8"))


@cache
def _heads() -> dict[str, dict]:
    return {h["head"]: h for h in head_data()["heads"]}


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(head_data()["stop_words"])


@cache
def _stop_phrases() -> frozenset[str]:
    return frozenset(head_data()["stop_phrases"])


@cache
def _name_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in head_data()["name_phrases"])


@cache
def _expansions() -> dict[str, str]:
    """Abbreviations of bodies written inside a name: "BCHPTDS" -> "Ban Chỉ huy Phòng thủ dân sự"."""
    out = {}
    for a in abbreviations():
        if a["kind"] == "body" and a["abbr"].isupper():
            for form in (a["abbr"], *a.get("variants", [])):
                if " " not in form and "." not in form:
                    out[form] = a["expansion"]
    return out


def _head_patterns() -> list[dict]:
    patterns = []
    for head in _heads():
        first, *rest = head.split()
        tokens = [{"ORTH": first}] + [{"LOWER": w.lower()} for w in rest]
        patterns.append({"label": head, "pattern": tokens})
    return patterns


@Language.factory("kehoach_agency_heads")
def make_head_ruler(nlp: Language, name: str) -> SpanRuler:
    """A span ruler marking the head words of ``agency_heads.json`` in ``doc.spans["agency_heads"]``."""
    ruler = SpanRuler(nlp, name, spans_key=HEADS_KEY, overwrite=True)
    ruler.add_patterns(_head_patterns())
    return ruler


@dataclass
class NameGrower:
    """Grows every head into the agency name it begins, into ``doc.spans["agencies"]``.

    ``doc.spans["reference"]`` holds what the reference data read (label "collective" for
    groups, "stop" for matches it refused, such as "Tỉnh ủy" in a city's document): a name may
    end on a known agency it belongs to, never runs into a group, and never starts on either.
    """

    name: str = "kehoach_agency_names"

    def __call__(self, doc: Doc) -> Doc:
        known = {s.start: s for s in doc.spans[REFERENCE_KEY]} if REFERENCE_KEY in doc.spans else {}
        heads: dict[int, Span] = {}
        for span in doc.spans.get(HEADS_KEY, []):
            if span.start not in heads or len(span) > len(heads[span.start]):
                heads[span.start] = span
        found: dict[int, Span] = {}
        for start in sorted(heads, reverse=True):  # right to left: a name's parent is known first
            if start in known or (start > 0 and doc[start - 1].lower_ == "khu"):
                continue  # "Khu Đại học Huế" is a campus, not the university
            end = self._grow(doc, heads[start], known, found, heads)
            if end is not None:
                found[start] = Span(doc, start, end, label=heads[start].label_)
        kept, last = [], -1
        for span in sorted(found.values(), key=lambda s: s.start):
            if span.start >= last:
                kept.append(span)
                last = span.end
        doc.spans[NAMES_KEY] = kept
        return doc

    def _grow(self, doc: Doc, head: Span, known: dict, found: dict, heads: dict) -> int | None:
        spec = _heads()[head.label_]
        title_first, level_end = spec["first"] == "title", spec["end"] == "level"
        ends: list[int] = []  # where the name may end
        terminal: list[int] = []  # ... on a level word, a province, a parent
        weak_run, parent, named = 0, False, False
        j = head.end
        limit = min(len(doc), head.end + MAX_NAME_TOKENS)
        while j < limit:
            t = doc[j]
            if t.is_space or (j == head.end and t.lower_ in ROLE_AFTER_HEAD):
                break  # "Cục trưởng", "Chi cục Trưởng": a person
            inner = known.get(j) or found.get(j)
            if inner is not None:
                if inner.label_ in ("collective", "stop") or (j == head.end and title_first and not _strong(inner[0])):
                    break
                j = inner.end
                ends.append(j)
                terminal.append(j)
                parent = True
                break
            if j in heads and (len(heads[j]) > 1 or heads[j].label_ in NESTING_HEADS):
                break  # another name starts here and was not one: "Văn phòng Ban Chỉ huy" stops
            n = _level_at(doc, j)
            if n:
                if j == head.end:
                    break  # "Ban Chỉ đạo tỉnh", "Trung tâm phường ...": no name of its own
                local = doc[j + n - 1].lower_ not in ("tỉnh", "phố", "tp")
                place = _place_at(doc, j + n) or (_capitalised_run(doc, j + n) if local else 0)
                if local and not place:
                    break  # "cấp xã", "Ban chấp hành quận": any commune's or district's, a group
                j += n + place
                ends.append(j)
                terminal.append(j)
                break
            n = _place_at(doc, j)
            if n and j > head.end:
                j += n
                ends.append(j)
                terminal.append(j)
                break
            if tuple(w.lower_ for w in doc[j : j + 2]) in CENTRAL_WORDS:
                if j == head.end:
                    break  # "Ban Chỉ đạo Trung ương", "Ban Chỉ đạo quốc gia": which one?
                j += 2
                ends.append(j)
                terminal.append(j)
                break
            if t.text in (",", "-", "–") or t.lower_ in LINKS:
                nxt = doc[j + 1] if j + 1 < len(doc) else None
                after = known.get(j + 1) or found.get(j + 1)
                if nxt is None:
                    break
                if t.lower_ == "thuộc" or (t.text in ("-", "–") and spec.get("needs_parent") and after is not None):
                    if after is None or after.label_ in ("collective", "stop"):
                        break  # "Phòng Nội chính thuộc Văn phòng UBND tỉnh", "Vụ Pháp chế - Bộ Tư pháp"
                elif after is not None or j + 1 in heads or not (_strong(nxt) or level_end and nxt.is_lower):
                    break  # "Sở Tài chính và Sở Xây dựng": two names, not one
                elif t.text == "," and not spec.get("needs_parent"):
                    break
                j += 1
                continue
            if _strong(t) and not (j == head.end and len(t) > 1 and t.is_upper and not CODE.match(t.text)):
                named = named or t.text not in GENERIC_WORDS
                weak_run = 0
                j += 1
                ends.append(j)
                continue
            if t.is_alpha and t.is_lower and not _stops_name(doc, j):
                if j == head.end and title_first:
                    break
                named = True
                weak_run += 1
                j += 1
                if not level_end and ends and weak_run <= 3 and t.lower_ not in NOT_FINAL:
                    ends.append(j)  # a compound after a capital: "Thủy lợi", "Dịch vụ việc làm"
                continue
            break
        usable = terminal if level_end else ends
        if usable and doc[head.end : usable[-1]].text.lower() in GENERIC_BODIES:
            return None
        if not usable or not (named or parent):
            return None  # "Văn phòng Sở", "Tổng công ty Nhà nước": no name of its own
        end = usable[-1]
        if spec.get("needs_parent") and not parent:
            return None
        if end - head.end < spec.get("min_words", 1):
            return None
        return end


def _stops_name(doc: Doc, j: int) -> bool:
    """Whether the lower-case word at ``j`` begins the rest of the sentence ("chủ trì", "có"),
    not being part of a name phrase ("Đồng bằng", "đầu tư xây dựng")."""
    for phrase in _name_phrases():
        n = len(phrase)
        for k in range(max(0, j - n + 1), j + 1):
            if tuple(t.lower_ for t in doc[k : k + n]) == phrase:
                return False
    if doc[j].lower_ in _stop_words():
        return True
    return j + 1 < len(doc) and f"{doc[j].lower_} {doc[j + 1].lower_}" in _stop_phrases()


def _strong(t) -> bool:
    """A word that can end a name: capitalised, a code or a number, an abbreviation without tone marks."""
    if CODE.match(t.text):
        return True
    if not t.is_alpha:
        return False
    if t.is_title:
        return True
    return t.is_upper and len(t.text) <= 8 and not TONED.search(unicodedata.normalize("NFD", t.text))


def _capitalised_run(doc: Doc, j: int) -> int:
    """The number of capitalised words at ``j``: the name of a district or commune ("Đồng Phú")."""
    n = 0
    while j + n < len(doc) and n < 4 and doc[j + n].is_title and doc[j + n].is_alpha:
        n += 1
    return n


def _level_at(doc: Doc, j: int) -> int:
    """The number of tokens of a level word at ``j`` ("tỉnh", "thành phố", "cấp tỉnh"), or 0."""
    k = j + 1 if doc[j].lower_ in ("cấp", "của") else j  # "cấp tỉnh", "Ban Chỉ đạo bầu cử của tỉnh"
    if doc[k].lower_ == "xã" and k >= 2 and f"{doc[k - 2].lower_} {doc[k - 1].lower_}" == "hợp tác":
        return 0  # "Liên minh Hợp tác xã": a cooperative, not a commune
    for words in LEVEL_WORDS:
        n = len(words)
        tokens = doc[k : k + n]
        if tuple(t.lower_ for t in tokens) == words and (tokens[0].is_lower or words in CAPITAL_LEVELS):
            return k - j + n
    return 0


def _place_at(doc: Doc, j: int) -> int:
    """The number of tokens of a province's name at ``j`` ("Nghệ An", "Thừa Thiên Huế"), or 0."""
    for n in (4, 3, 2, 1):
        words = doc[j : j + n]
        if len(words) == n and all(t.is_alpha and (t.is_title or t.is_upper) for t in words) and find_place(words.text):
            return n
    return 0


@cache
def nlp() -> Language:
    """The detector pipeline, built once per process."""
    import spacy

    pipeline = spacy.blank("xx")
    pipeline.add_pipe("kehoach_agency_heads")
    pipeline.add_pipe("kehoach_agency_names")
    return pipeline


@Language.factory("kehoach_agency_names")
def make_name_grower(nlp: Language, name: str) -> NameGrower:
    return NameGrower(name)


def canonical_name(span: Span, reference: dict[int, tuple[Span, Agency]], province: str | None) -> str:
    """The name a detected span stands for: abbreviations expanded, known agencies in it named
    canonically, the document's own province left out after a level word."""
    parts: list[str] = []
    j = span.start
    expansions = _expansions()
    while j < span.end:
        if j in reference and reference[j][0].end <= span.end:
            inner, agency = reference[j]
            parts.append(agency.name + inner[-1].whitespace_)
            j = inner.end
            continue
        t = span.doc[j]
        parts.append(expansions.get(t.text, t.text) + t.whitespace_)
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


def _agency_for(span: Span, name: str) -> Agency:
    words = name.split()
    level = "province"
    if words and words[-1] in ("huyện", "xã"):
        level = "district" if words[-1] == "huyện" else "commune"
    elif span.label_ in CENTRAL_HEADS or any(" ".join(p) in fold_key(name) for p in CENTRAL_WORDS):
        level = "central"
    kind = _heads()[span.label_]["kind"]
    return Agency(id=slug(name), name=name, kind=kind, level=level, collective=False)


@cache
def _head_hint() -> re.Pattern[str]:
    """Any head's first word: only the lines holding one are worth tokenizing."""
    firsts = sorted({h.split()[0] for h in _heads()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, firsts)) + r")(?!\w)")


def run(
    text: str, reference: list[tuple[int, int, Agency, str]], province: str | None
) -> list[tuple[int, int, Agency]]:
    """Detected agencies in ``text`` as (start, end, agency), given what the reference data read
    as (start, end, agency, label) with label "known", "collective" or "stop"."""
    out = []
    pos = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not _head_hint().search(line):
            continue
        inside = [(s - lo, e - lo, a, label) for s, e, a, label in reference if lo <= s and e <= hi]
        out += [(s + lo, e + lo, a) for s, e, a in _run_line(line, inside, province)]
    return out


def _run_line(text: str, reference: list[tuple[int, int, Agency, str]], province: str | None):
    pipeline = nlp()
    doc = pipeline.make_doc(text)
    ref_spans: dict[int, tuple[Span, Agency]] = {}
    spans = []
    for s, e, agency, label in sorted(reference, key=lambda r: (r[0], -r[1])):
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None and len(span) and span.start not in ref_spans:
            spans.append(span)
            ref_spans[span.start] = (span, agency)
    doc.spans[REFERENCE_KEY] = spans
    for _, proc in pipeline.pipeline:
        doc = proc(doc)
    out = []
    for span in doc.spans[NAMES_KEY]:
        name = canonical_name(span, ref_spans, province)
        out.append((span.start_char, span.end_char, _agency_for(span, name)))
    return out


def resolve_unknown(surface: str, province: str | None = None) -> Agency | None:
    """The agency a name no reference list knows stands for, if the detector reads all of it as one.

    >>> resolve_unknown("Cảng vụ Hàng hải Nghệ An").name
    'Cảng vụ Hàng hải Nghệ An'
    """
    text = surface.strip().rstrip(";,.")
    found = run(text, [], province)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text):
        return found[0][2]
    return None
