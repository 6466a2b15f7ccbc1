"""The detector: agency names no reference list knows, found with a spaCy pipeline.

"Cảng vụ Hàng hải Nghệ An", "Ban Chỉ đạo 389 tỉnh", "Chi cục Hải quan khu vực XI", "Phòng An
ninh chính trị nội bộ Công an tỉnh" ... A name starts with a head word of ``data/agency_heads.json``
and grows over what can belong to a name (capitalised words, numbers, codes, lower-case words
while no stop word comes), up to a level word, a province or a known agency it belongs to.

The pipeline is ``spacy.blank("xx")`` (its tokenizer splits punctuation and needs no model)
with two registered components:

- ``kehoach_agency_heads``: marks the heads of the data file (what a span ruler with them would);
- ``kehoach_agency_names``: grows each head into a name, using the spans of the agencies the
  reference data already found (``doc.spans["reference"]``) as parents and stops.

It loads once per process, on first use.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from parsers.agencies.grower import grow
from parsers.agencies.heads import HeadMarker
from parsers.agencies.words import agency_for, canonical_name, head_specs
from parsers.models import Agency

if TYPE_CHECKING:  # spaCy loads on first use (``nlp()``): importing the parsers stays fast
    from spacy.language import Language
    from spacy.tokens import Doc, Span

HEADS_KEY, NAMES_KEY, REFERENCE_KEY = "agency_heads", "agencies", "reference"


def make_head_ruler(nlp: Language, name: str) -> HeadMarker:
    """Marks the head words of ``agency_heads.json`` in ``doc.spans["agency_heads"]`` (as a span
    ruler with ``head_patterns`` would, faster: ``agencies.heads``)."""
    return HeadMarker(nlp.vocab, head_specs(), HEADS_KEY, name)


@dataclass
class NameGrower:
    """Grows every head into the agency name it begins, into ``doc.spans["agencies"]``.

    ``doc.spans["reference"]`` holds what the reference data read (label "collective" for
    groups, "stop" for matches it refused, such as "Tỉnh ủy" in a city's document): a name may
    end on a known agency it belongs to, never runs into a group, and never starts on either.
    """

    name: str = "kehoach_agency_names"

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        known = {s.start: s for s in doc.spans[REFERENCE_KEY]} if REFERENCE_KEY in doc.spans else {}
        heads: dict[int, Span] = {}
        for span in doc.spans.get(HEADS_KEY, []):
            if span.start not in heads or len(span) > len(heads[span.start]):
                heads[span.start] = span
        found: dict[int, Span] = {}
        for start in sorted(heads, reverse=True):  # right to left: a name's parent is known first
            if start in known or (start > 0 and doc[start - 1].lower_ == "khu"):
                continue  # "Khu Đại học Huế" is a campus, not the university
            end = grow(doc, heads[start], known, found, heads)
            if end is not None:
                found[start] = Span(doc, start, end, label=heads[start].label_)
        kept, last = [], -1
        for span in sorted(found.values(), key=lambda s: s.start):
            if span.start >= last:
                kept.append(span)
                last = span.end
        doc.spans[NAMES_KEY] = kept
        return doc


@cache
def nlp() -> Language:
    """The detector pipeline, built once per process.

    >>> doc = nlp()("Cảng vụ Hàng hải Nghệ An cấp phép.")
    >>> [s.text for s in doc.spans["agencies"]]
    ['Cảng vụ Hàng hải Nghệ An']
    """
    import spacy
    from spacy.language import Language

    Language.factory("kehoach_agency_heads", func=make_head_ruler)
    Language.factory("kehoach_agency_names", func=make_name_grower)
    pipeline = spacy.blank("xx")
    # spaCy caps texts at 1M characters for the memory of its parser and NER, which this
    # tokenizer-and-rules pipeline has not; the ingest's --max-size bounds the text instead.
    pipeline.max_length = 1 << 31
    pipeline.add_pipe("kehoach_agency_heads")
    pipeline.add_pipe("kehoach_agency_names")
    return pipeline


def make_name_grower(nlp: Language, name: str) -> NameGrower:
    """The component growing heads into names ("Chi cục" -> "Chi cục Hải quan khu vực XI")."""
    return NameGrower(name)


@cache
def _head_hint() -> re.Pattern[str]:
    """Any head's first word (not checked for a word character before it: ``_has_head_hint``)."""
    firsts = sorted({h.split()[0] for h in head_specs()}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, firsts)) + r")(?!\w)")


_WORD_CHAR = re.compile(r"\w")


def _has_head_hint(line: str) -> bool:
    r"""Whether ``line`` holds a head's first word as a word: only such lines are worth tokenizing.

    The same as searching with a look-behind ``(?<!\w)``, four times faster: a pattern that
    begins with literals is searched for by its first characters, one with a look-behind is
    tried at every character."""
    pos = 0
    while (m := _head_hint().search(line, pos)) is not None:
        if m.start() == 0 or not _WORD_CHAR.match(line, m.start() - 1):
            return True
        pos = m.start() + 1
    return False


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
        if not _has_head_hint(line):
            continue
        first, last = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
        inside = [(s - lo, e - lo, a, label) for s, e, a, label in reference[first:last] if e <= hi]
        out += [(s + lo, e + lo, a) for s, e, a in _run_line(line, inside, province)]
    return out


def _run_line(text: str, reference: list[tuple[int, int, Agency, str]], province: str | None):
    pipeline = nlp()
    doc = pipeline.make_doc(text)
    doc.user_data["central"] = province is None
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
