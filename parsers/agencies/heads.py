"""The detector's first component: the head words of agency names, marked on a spaCy doc.

It gives exactly what a ``SpanRuler`` with the token patterns of ``data/agency_heads.json``
gives (the first word as written, ``ORTH``; the others in lower case, ``LOWER``): every match,
as spans sorted the way the ruler sorts them, in ``doc.spans["agency_heads"]``. The ruler's
matcher walks every token of every line in Python objects (15 % of a document's parse);
this reads the token attributes as one array and tries a head only where its first word is.
A test compares the two on the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads on first use, with the detector
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def head_patterns(heads: Iterable[str]) -> list[dict]:
    """SpanRuler patterns of the heads: the first word as written, the rest in any case."""
    patterns = []
    for head in heads:
        first, *rest = head.split()
        tokens = [{"ORTH": first}] + [{"LOWER": w.lower()} for w in rest]
        patterns.append({"label": head, "pattern": tokens})
    return patterns


class HeadMarker:
    """Marks every head of ``heads`` in ``doc.spans[key]``, as a SpanRuler would."""

    def __init__(self, vocab: Vocab, heads: Iterable[str], key: str, name: str = "kehoach_agency_heads") -> None:
        self.name, self.key = name, key
        # first word's hash -> (hashes of the other words in lower case, label)
        self.by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        for head in heads:
            first, *rest = head.split()
            lowered = tuple(vocab.strings.add(w.lower()) for w in rest)
            self.by_first.setdefault(vocab.strings.add(first), []).append((lowered, head))

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LOWER, ORTH
        from spacy.tokens import Span

        found = set()
        if len(doc):
            table = doc.to_array([ORTH, LOWER]).tolist()
            n = len(table)
            for i, (orth, _) in enumerate(table):
                for rest, label in self.by_first.get(orth, ()):
                    end = i + 1 + len(rest)
                    if end <= n and all(table[i + 1 + k][1] == h for k, h in enumerate(rest)):
                        found.add(Span(doc, i, end, label=label, span_id=""))
        doc.spans[self.key] = sorted(found)
        return doc
