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
        last = 0
        first = True
        for m in WORD.finditer(line):
            between = line[last : m.start()]
            keys.append(m.group().lower())
            forms.append(m.group())
            opens.append(first or bool(SENTENCE_END.search(between)))
            first = False
            last = m.end()
    shouting = [f.isupper() and len(f) > 1 for f in forms]
    for i, form in enumerate(forms):  # a run of words in capitals (a heading inside a line) does not vote
        if shouting[i] and (i > 0 and shouting[i - 1] or i + 1 < len(forms) and shouting[i + 1]):
            forms[i] = form.lower()
    return keys, forms, opens


def _is_acronym(form: str) -> bool:
    """ "UBND", "IoT", "5G", "TTg": a casing no sentence start explains."""
    return any(c.isupper() for c in form[1:]) or (form[:1].isdigit() and form != form.lower())


def _votes(words: list[str], keep: str) -> list[Counter]:
    """Per title word, the body's casings of it, from the longest runs of title words the body writes."""
    keys, forms, opens = _body_words(keep)
    wanted = set(words)
    grams = {tuple(words[j : j + n]): (j, n) for n in range(2, LONGEST + 1) for j in range(len(words) - n + 1)}
    best: list[tuple[int, Counter]] = [(0, Counter()) for _ in words]
    for p, key in enumerate(keys):
        if key not in wanted:
            continue
        for n in range(2, min(LONGEST, len(keys) - p) + 1):
            spot = grams.get(tuple(keys[p : p + n]))
            if spot is None:
                continue
            for j in _positions(words, spot[0], n):
                for k in range(n):
                    if opens[p + k]:
                        continue
                    size, votes = best[j + k]
                    if n > size:
                        best[j + k] = (n, Counter({forms[p + k]: 1}))
                    elif n == size:
                        votes[forms[p + k]] += 1
    acronyms: dict[str, Counter] = {}
    for key, form, opening in zip(keys, forms, opens, strict=True):
        if key in wanted and _is_acronym(form) and not (opening and form[1:] == form[1:].lower()):
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
    for entry in {id(e): e for e in provinces().values()}.values():
        result = re.sub(rf"(?<!\w){re.escape(entry['name'])}(?!\w)", entry["name"], result, flags=re.I)
    return result
