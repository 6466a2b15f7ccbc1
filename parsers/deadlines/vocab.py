"""Time vocabulary (parsers/data/time_words.json) and the context checks built on it.

The checks answer the questions the grammar cannot answer from a time expression alone:
does a plan's name own this "đến năm 2030"? does this "hằng năm" qualify a thing
("ngân sách hằng năm") or give the task's rhythm ("Hằng năm báo cáo ...")?
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import parsers.deadlines.patterns as P

UNKNOWN = "UNKNOWN"
# How many words before a time expression may still belong to the name of a plan.
NAME_WINDOW_WORDS = 15
# How many words before "hằng năm" may hold the noun it qualifies.
QUALIFIER_WINDOW_WORDS = 10


@cache
def time_words() -> dict:
    """The vocabulary file, loaded once."""
    raw = resources.files("parsers").joinpath("data/time_words.json").read_text(encoding="utf-8")
    return json.loads(raw)


def _words_pattern(words: list[str]) -> str:
    parts = sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True)
    return r"\b(?:" + "|".join(parts) + r")\b"


@cache
def _compiled(kind: str, case_sensitive: bool = False) -> re.Pattern[str]:
    entries = time_words()[kind]
    words = [e["word"] for e in entries if bool(e.get("case_sensitive")) == case_sensitive]
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile(_words_pattern(words), 0 if case_sensitive else re.IGNORECASE)


def recurrence_of_unit(unit: str) -> str:
    """ "năm" -> "P1Y", "quý" -> "P3M"; UNKNOWN for a word that is not a unit."""
    unit = unit.strip().lower()
    for entry in time_words()["recurrence_units"]:
        if entry["word"] == unit:
            return entry["duration"]
    return UNKNOWN


def clause_before(text: str, lo: int, pos: int, max_words: int) -> str:
    """The words of the clause that ends at ``pos`` (not before ``lo``), at most ``max_words``.

    >>> clause_before("Căn cứ Luật; phê duyệt Chiến lược dữ liệu đến năm 2030", 0, 42, 15)
    'phê duyệt Chiến lược dữ liệu'
    """
    window = text[max(lo, pos - 300) : pos]
    window = window[P.last_end(P.CLAUSE_BREAK, window) :]
    words = P.WORD.findall(window)
    return " ".join(words[-max_words:])


def names_thing(text: str, lo: int, pos: int, max_words: int = NAME_WINDOW_WORDS, comma_opens: bool = False) -> bool:
    """True when the time at ``pos`` belongs to a name rather than timing the task.

    Three signs: a plan/programme noun opens the clause ("rà soát Chiến lược dữ liệu thành phố
    Hà Nội [đến năm 2030]"), the time sits inside a quoted title (“Quan trắc môi trường ... [đến
    năm 2040]”), or a cited document number heads the phrase ("Chỉ thị số 17-CT/TU ... về công tác
    dân số ... [đến năm 2030]"). With ``comma_opens`` a comma right before the time opens a new
    clause: "Triển khai Kế hoạch số hóa, [đến năm 2030] hoàn thành ..." times the task, while
    "tái cơ cấu ngành nông nghiệp tỉnh, [giai đoạn 2021-2025]" still names a programme.
    """
    after_comma = comma_opens and text[max(lo, pos - 3) : pos].rstrip(" *").endswith(",")
    if not after_comma and _compiled("name_nouns").search(clause_before(text, lo, pos, max_words)):
        return True
    return inside_quotes(text, lo, pos) or in_cited_title(text, lo, pos)


def inside_quotes(text: str, lo: int, pos: int) -> bool:
    """True when ``pos`` lies between an opening quote and its closing one."""
    window = text[max(lo, pos - 400) : pos]
    opening, closing = window.rfind("“"), window.rfind("”")
    if opening > closing:
        return True
    return window.count('"') % 2 == 1


def in_cited_title(text: str, lo: int, pos: int) -> bool:
    """True when a document number stands earlier in the same list item or sentence part."""
    window = text[max(lo, pos - 400) : pos]
    window = window[P.last_end(P.TITLE_BREAK, window) :]
    return bool(P.DOC_NUMBER.search(window))


def qualifies_thing(text: str, lo: int, start: int, end: int) -> bool:
    """True when "hằng năm" at text[start:end] qualifies a noun instead of timing the task.

    "cân đối ngân sách [hàng năm]" -> True; "Hằng năm báo cáo" -> False.
    """
    after = text[end : end + 30]
    if P.QUALIFIER_AFTER.match(after):
        return True
    if P.DATE_BEFORE.search(text[max(lo, start - 20) : start]):
        return False
    if P.REPORT_BEFORE.search(text[max(lo, start - 30) : start]):
        return False
    if P.QUALIFIER_BEFORE.search(text[max(lo, start - 30) : start]):
        return True
    before = clause_before(text, lo, start, QUALIFIER_WINDOW_WORDS)
    if not before:
        return False
    if _kind_of_plan(before):
        return True
    return bool(_compiled("qualifier_nouns").search(before) or _compiled("qualifier_nouns", True).search(before))


def _kind_of_plan(before: str) -> bool:
    """ "Kế hoạch thanh tra" before "hằng năm": a kind of plan (lowercase words name it), not this Plan."""
    kind = P.KIND_OF_PLAN.search(before)
    return kind is not None and all(w.islower() and w not in {"này", "đó", "trên"} for w in kind.group(1).split())
