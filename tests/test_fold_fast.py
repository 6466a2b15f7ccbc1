"""The fast ``fold`` gives exactly what the character-by-character definition gives."""

from __future__ import annotations

import random
from pathlib import Path

from parsers.lexicon.matching import _BOUNDARIES, _SEPARATORS, _STRONG, _WHITESPACE, fold, fold_tones

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def fold_by_character(text: str) -> tuple[str, list[int]]:
    """The definition of folding, one character at a time (the former implementation)."""
    out: list[str] = []
    pos: list[int] = []

    def emit_space(i: int) -> None:
        if out and out[-1] not in " \n\t":
            out.append(" ")
            pos.append(i)
        elif out and out[-1] == " " and text[i] in _STRONG and text[pos[-1]] not in _STRONG:
            pos[-1] = i

    n = len(text)
    for i, ch in enumerate(text):
        if ch in _BOUNDARIES:
            if out and out[-1] == " ":
                out.pop()
                pos.pop()
            out.append("\t" if ch == "\t" else "\n")
            pos.append(i)
        elif ch.isspace() or ch in _SEPARATORS:
            emit_space(i)
        elif ch == "&":
            emit_space(i)
            out.extend("và")
            pos.extend((i, i))
            emit_space(i)
        elif ch == "." and i + 1 < n and text[i + 1].isalpha() and i > 0 and text[i - 1].isalpha():
            emit_space(i)
        else:
            low = ch.lower()
            out.extend(low)
            pos.extend([i] * len(low))
    return fold_tones("".join(out)), pos


def test_whitespace_list_is_pythons():
    assert set(_WHITESPACE) == {chr(c) for c in range(0x110000) if chr(c).isspace()}


def test_fold_equals_definition_on_the_corpus():
    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        text = path.read_text("utf-8")
        f = fold(text)
        assert (f.text, list(f.map)) == fold_by_character(text), path.name


def test_fold_equals_definition_on_random_texts():
    alphabet = list("aĐđÔơ ΣİTx.,-–&\n\t\r\u00a0\u3000\x1c|*_;:()1") + ["  ", " - ", ". ", "&&", "Uỷ", "hoá"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        f = fold(text)
        assert (f.text, list(f.map)) == fold_by_character(text), repr(text)
