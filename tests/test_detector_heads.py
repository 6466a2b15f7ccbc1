"""The detector's head marker gives exactly what spaCy's SpanRuler with the same patterns gives."""

from __future__ import annotations

import spacy

from parsers.agencies.detector import HEADS_KEY, nlp
from parsers.agencies.heads import HeadMarker, head_patterns
from parsers.agencies.words import head_specs
from tests.conftest import ROOT

EXTRA = [
    "Chi cục Hải quan khu vực XI và CHI CỤC thuế, chi cục Kiểm lâm",
    "Ban  Chỉ đạo   389 tỉnh; Ban chỉ đạo; BAN CHỈ ĐẠO",
    "Trung tâm",
    "",
    "Sở",
]


def _lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "corpus").glob("*.txt"))[::3]:
        lines += [line for line in path.read_text("utf-8").split("\n") if line.strip()]
    return lines + EXTRA


def test_head_marker_equals_span_ruler():
    ruler_nlp = spacy.blank("xx")
    ruler = ruler_nlp.add_pipe("span_ruler", config={"spans_key": HEADS_KEY, "overwrite": True})
    ruler.add_patterns(head_patterns(head_specs()))
    marker = HeadMarker(ruler_nlp.vocab, head_specs(), HEADS_KEY)
    compared = marked = 0
    for line in _lines():
        by_ruler, by_marker = ruler(ruler_nlp.make_doc(line)), marker(ruler_nlp.make_doc(line))
        expected = [(s.start, s.end, s.label_) for s in by_ruler.spans[HEADS_KEY]]
        got = [(s.start, s.end, s.label_) for s in by_marker.spans[HEADS_KEY]]
        assert got == expected, line
        compared += 1
        marked += len(got)
    assert compared > 1000 and marked > 100  # the comparison saw real heads


def test_detector_pipeline_uses_the_marker():
    assert isinstance(nlp().get_pipe("kehoach_agency_heads"), HeadMarker)
