"""Sentence case for titles written in capitals, keeping the casing of names and acronyms.

A title block is printed in capitals ("... THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND TỈNH ... 5G,
IOT"); the body writes the same words in their own casing ("giải quyết", "UBND", "5G", "IoT",
"Bộ Y tế", "Hội đồng Y khoa Quốc gia"). A word takes the casing it has in the body *in the
same company of words*: the longest run of title words (two to six) that the body also
writes decides, so "quyết" in "giải quyết" stays lower case although "Quyết định" is
capitalised, and "vụ" in "phục vụ" although "Vụ Pháp chế" is a body's name. A word found
only alone keeps a casing that cannot come from a sentence start: an acronym ("UBND",
"IoT", "5G"). Words the body never writes are lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from parsers.lexicon.places import provinces
from parsers.lexicon.vietnamese import is_caps

WORD = re.compile(r"\w(?:[\w/&-]*\w)?")
SENTENCE_END = re.compile(r"[.:;!?(\"“]\s*$")
LONGEST = 6


def _body_words(keep: str) -> tuple[list[str], list[str], list[bool]]:
    """Lower-cased words of the body, their written forms, and whether each opens a sentence."""
    keys, forms, opens = [], [], []
    for line in keep.split("\n"):
        if is_caps(line):
            continue  # headings in capitals say nothing about casing
        words = WORD.findall(line)
        if not words:
            continue
        forms += words
        keys += [w.lower() for w in words]
        # what stands between two words, in one pass: a lone space (most gaps) opens nothing
        gaps = WORD.split(line)[1:-1]
        opens.append(True)
        opens += [gap != " " and bool(SENTENCE_END.search(gap)) for gap in gaps]
    shouting = [f.isupper() and len(f) > 1 for f in forms]
    for i in [i for i, loud in enumerate(shouting) if loud]:  # a run of words in capitals does not vote
        if i > 0 and shouting[i - 1] or i + 1 < len(forms) and shouting[i + 1]:
            forms[i] = forms[i].lower()
    return keys, forms, opens


def _is_acronym(form: str) -> bool:
    """ "UBND", "IoT", "5G", "TTg": a casing no sentence start explains."""
    if form.islower():
        return False  # the common case: no capital anywhere
    return any(c.isupper() for c in form[1:]) or (form[:1].isdigit() and form != form.lower())


def _votes(words: list[str], keep: str) -> list[Counter]:
    """Per title word, the body's casings of it, from the longest runs of title words the body writes."""
    keys, forms, opens = _body_words(keep)
    wanted = set(words)
    grams = {tuple(words[j : j + n]): (j, n) for n in range(2, LONGEST + 1) for j in range(len(words) - n + 1)}
    best: list[tuple[int, Counter]] = [(0, Counter()) for _ in words]
    positions = cache(lambda first, n: _positions(words, first, n))
    pairs = {g for g in grams if len(g) == 2}
    for p in [p for p, pair in enumerate(zip(keys, keys[1:], strict=False)) if pair in pairs]:
        for n in range(2, min(LONGEST, len(keys) - p) + 1):
            spot = grams.get(tuple(keys[p : p + n]))
            if spot is None:
                break  # a run the title does not hold: no longer run from here holds it either
            for j in positions(spot[0], n):
                for k in range(n):
                    if opens[p + k]:
                        continue
                    size, votes = best[j + k]
                    if n > size:
                        best[j + k] = (n, Counter({forms[p + k]: 1}))
                    elif n == size:
                        votes[forms[p + k]] += 1
    acronyms: dict[str, Counter] = {}
    voters = [v for v in zip(keys, forms, opens, strict=True) if v[0] in wanted and not v[1].islower()]
    for key, form, opening in voters:
        if _is_acronym(form) and not (opening and form[1:] == form[1:].lower()):
            acronyms.setdefault(key, Counter())[form] += 1
    for i, word in enumerate(words):
        if best[i][0] == 0:
            best[i] = (1, acronyms.get(word, Counter()))
    return [votes for _, votes in best]


def _positions(words: list[str], first: int, n: int) -> list[int]:
    """Every place the run of ``n`` words at ``first`` occurs in the title."""
    run = words[first : first + n]
    return [j for j in range(len(words) - n + 1) if words[j : j + n] == run]


def sentence_case(text: str, keep: str = "") -> str:
    """Sentence case for a title written in capitals, keeping the casing used in ``keep``.

    >>> sentence_case("TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM", "Kế hoạch thi hành Luật Việc làm.")
    'Triển khai thi hành Luật Việc làm'
    """
    if not is_caps(text):
        return text
    tokens = text.split()
    cores = [WORD.search(t) for t in tokens]
    words = [m.group().lower() if m else "" for m in cores]
    votes = _votes(words, keep) if keep else [Counter() for _ in words]
    out = []
    for token, core, vote in zip(tokens, cores, votes, strict=True):
        lowered = token.lower()
        if core and vote:
            form = vote.most_common(1)[0][0]
            lowered = lowered[: core.start()] + form + lowered[core.end() :]
        out.append(lowered)
    if out:
        out[0] = out[0][:1].upper() + out[0][1:]
    result = " ".join(out)
    for pattern, name in _province_names():
        result = pattern.sub(name, result)
    return result


@cache
def _province_names() -> list[tuple[re.Pattern[str], str]]:
    """Each province's name, as a pattern in any casing, and as it is written."""
    names = [e["name"] for e in {id(e): e for e in provinces().values()}.values()]
    return [(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I), name) for name in names]
