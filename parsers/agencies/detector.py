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

import bisect
import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from parsers.agencies.words import (
    CENTRAL_WORDS,
    CODE,
    GENERIC_BODIES,
    GENERIC_WORDS,
    LINKS,
    NESTING_HEADS,
    NOT_FINAL,
    ROLE_AFTER_HEAD,
    agency_for,
    canonical_name,
    capitalised_run,
    head_specs,
    level_at,
    place_at,
    stops_name,
    strong,
)
from parsers.models import Agency

HEADS_KEY, NAMES_KEY, REFERENCE_KEY = "agency_heads", "agencies", "reference"
MAX_NAME_TOKENS = 30


def _head_patterns() -> list[dict]:
    patterns = []
    for head in head_specs():
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
        spec = head_specs()[head.label_]
        title_first, level_end = spec["first"] == "title", spec["end"] == "level"
        for phrase in spec.get("not_before", ()):
            words = phrase.split()
            if [t.lower_ for t in doc[head.end : head.end + len(words)]] == words:
                return None  # "Hội đồng nhân dân ...": the reference data's to read
        ends: list[int] = []  # where the name may end
        terminal: list[int] = []  # ... on a level word, a province, a parent
        weak_run, parent, named, linked = 0, False, False, False
        comma: tuple[int, int] | None = None  # the first comma's token and how many ends came before it
        placed: list[int] = []  # ends on a level word or a province
        j = head.end
        limit = min(len(doc), head.end + MAX_NAME_TOKENS)
        while j < limit:
            t = doc[j]
            if t.is_space or (j == head.end and t.lower_ in ROLE_AFTER_HEAD):
                break  # "Cục trưởng", "Chi cục Trưởng": a person
            inner = known.get(j) or found.get(j)
            if inner is not None:
                if inner.label_ in ("collective", "stop") or (j == head.end and title_first and not strong(inner[0])):
                    break
                j = inner.end
                ends.append(j)
                terminal.append(j)
                parent = True
                break
            if j in heads and (len(heads[j]) > 1 or heads[j].label_ in NESTING_HEADS):
                break  # another name starts here and was not one: "Văn phòng Ban Chỉ huy" stops
            n = level_at(doc, j)
            if n:
                if j == head.end:
                    break  # "Ban Chỉ đạo tỉnh", "Trung tâm phường ...": no name of its own
                local = doc[j + n - 1].lower_ not in ("tỉnh", "phố", "tp")
                place = place_at(doc, j + n) or (capitalised_run(doc, j + n) if local else 0)
                if local and not place:
                    return None  # "... cấp xã", "Ban chấp hành quận": any commune's or district's, a group
                j += n + place
                ends.append(j)
                terminal.append(j)
                placed.append(j)
                break
            n = place_at(doc, j)
            if n and j > head.end:
                j += n
                ends.append(j)
                terminal.append(j)
                placed.append(j)
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
                elif after is not None or j + 1 in heads:
                    break  # "Sở Tài chính và Sở Xây dựng": two names, not one
                elif t.text == "," and not spec.get("needs_parent"):
                    if j == head.end:
                        break  # "Văn phòng, lãnh đạo ...", "Ban, ngành": a list of nouns
                    if comma is None:  # past a comma the name must reach its level or province
                        comma = (j, len(ends))  # "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"
                elif not (strong(nxt) or not title_first and nxt.is_lower):
                    break
                j += 1
                linked = True  # what follows a link ends the name only once a capitalised word comes
                continue
            if strong(t) and not (j == head.end and len(t) > 1 and t.is_upper and not CODE.match(t.text)):
                named = named or t.text not in GENERIC_WORDS
                weak_run, linked = 0, False
                j += 1
                ends.append(j)
                continue
            if t.is_alpha and t.is_lower and not stops_name(doc, j):
                if j == head.end and title_first:
                    break
                named = True
                weak_run += 1
                j += 1
                if not level_end and ends and weak_run <= 3 and t.lower_ not in NOT_FINAL and not linked:
                    ends.append(j)  # a compound after a capital: "Thủy lợi", "Dịch vụ việc làm"
                continue
            break
        if comma is not None and not any(k > comma[0] + 2 for k in placed):
            ends, terminal = ends[: comma[1]], [k for k in terminal if k < comma[0]]
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


@cache
def nlp() -> Language:
    """The detector pipeline, built once per process.

    >>> doc = nlp()("Cảng vụ Hàng hải Nghệ An cấp phép.")
    >>> [s.text for s in doc.spans["agencies"]]
    ['Cảng vụ Hàng hải Nghệ An']
    """
    import spacy

    pipeline = spacy.blank("xx")
    pipeline.add_pipe("kehoach_agency_heads")
    pipeline.add_pipe("kehoach_agency_names")
    return pipeline


@Language.factory("kehoach_agency_names")
def make_name_grower(nlp: Language, name: str) -> NameGrower:
    """The component growing heads into names ("Chi cục" -> "Chi cục Hải quan khu vực XI")."""
    return NameGrower(name)


@cache
def _head_hint() -> re.Pattern[str]:
    """Any head's first word: only the lines holding one are worth tokenizing."""
    firsts = sorted({h.split()[0] for h in head_specs()}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, firsts)) + r")(?!\w)")


def run(
    text: str, reference: list[tuple[int, int, Agency, str]], province: str | None
) -> list[tuple[int, int, Agency]]:
    """Detected agencies in ``text`` as (start, end, agency), given what the reference data read
    as (start, end, agency, label) with label "known", "collective" or "stop"."""
    out = []
    pos = 0
    reference = sorted(reference, key=lambda r: r[0])  # stable: equal starts keep their order
    starts = [r[0] for r in reference]
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not _head_hint().search(line):
            continue
        first, last = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
        inside = [(s - lo, e - lo, a, label) for s, e, a, label in reference[first:last] if e <= hi]
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
        out.append((span.start_char, span.end_char, agency_for(span, name)))
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
