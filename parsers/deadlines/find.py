"""Deadlines: Vietnamese time expressions of a task, normalised to due dates and rhythms.

``find_deadlines(text, start=..., end=...)`` reads one task's slice of the document text and
returns every deadline expression in it, with spans into the whole text. Normalisation follows
the extraction guide: a date is itself, a month/quarter/half/year its last day, a period its end
(start kept), a rhythm an ISO duration ("hằng năm" -> P1Y), "thường xuyên" ongoing. A "before"
cue keeps the period it names ("trước ngày 30/6/2022" -> 2022-06-30, "trước năm 2030" ->
2030-12-31). Times without a year ("trước ngày 15/12", "trong tháng 12", "Quý I") belong to a
rhythm of their sentence when there is one, else fall on the next such day or period after the
issue date; "trong thời hạn 30 ngày kể từ ngày ký" counts from the issue date.

Names and citations are not deadlines ("Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm
2050", "Quyết định số 02/QĐ-HĐV ngày 09/9/2021"), nor is "hằng năm" qualifying a thing
("dự toán ngân sách hằng năm"), nor an effective date or a past event. In running prose a time
needs a cue ("trước", "trong", "vào", "hoàn thành", "đến" ...); in a time field
(``time_field=True``) a bare "2025" is enough. The value after a label inside prose
("Thời gian thực hiện: ...") is read as a time field.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import parsers.deadlines.patterns as P
from parsers.deadlines.rules import RULES, Scan, rhythm_days
from parsers.lexicon.required import Presence, required
from parsers.models import Deadline

__all__ = ["find_deadlines"]


def _scan(s: Scan) -> None:
    if not s.time_field:
        for a, b in _time_values(s):
            sub = Scan(s.text, a, b, s.issue, True)
            _scan(sub)
            s.found.extend(sub.found)
            s.take(a, b)
    present = Presence(s.text, s.lo, s.hi)
    for (pattern, handler), needs in zip(RULES, _needs(), strict=True):
        if not present.meets(needs):
            continue  # the slice lacks a character every match needs (a digit, the "ý" of "quý" ...)
        for m in pattern.finditer(s.text, s.lo, s.hi):
            if m.end() > m.start() and s.free(m.start(), m.end()) and handler(s, m):
                s.take(m.start(), m.end())
    _resolve_pending(s)
    _shortest_listed_rhythm(s)
    if s.time_field:
        _join_ranges(s)


@cache
def _needs() -> list[tuple[str, ...]]:
    """Per rule, characters every match of its pattern consumes."""
    return [required(pattern) for pattern, _ in RULES]


def _time_values(s: Scan) -> list[tuple[int, int]]:
    """Values of time labels inside running text, each a time field of its own:
    "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo." -> "Năm 2025 và các năm tiếp theo"."""
    values: list[tuple[int, int]] = []
    for m in P.TIME_LABEL.finditer(s.text, s.lo, s.hi):
        end_m = P.LABEL_END.search(s.text, m.end(), s.hi)
        value_end = end_m.start() if end_m else s.hi
        if value_end > m.end() and all(value_end <= a or m.start() >= b for a, b in values):
            values.append((m.end(), value_end))
    return values


def _resolve_pending(s: Scan) -> None:
    """A year-less "trước ngày 30 tháng 11", "trong tháng 12", "Quý IV": a rhythm in its sentence
    owns it; a bare "định kỳ" makes it yearly; "của năm tiếp theo" leaves it open; otherwise it
    is the next such day/period after the issue date."""
    for a, b, resolve in s.pending:
        lo, hi = _sentence(s, a, b)
        if any(d.recurrence and lo <= d.span_start < hi for d in s.found):
            continue
        if P.NEXT_YEAR_AFTER.match(s.text[b : b + 30]):
            continue
        if P.PERIODIC.search(s.text[lo:hi]):
            s.add(a, b, recurrence="P1Y")
            continue
        period = resolve(s.issue) if s.issue is not None else None
        if period is not None:
            s.add(a, b, first=period[0], due_dates=[period[1]])


# Between two rhythms listed as one, once their own days in brackets are set aside: "hàng quý
# (trước ngày 20 của tháng cuối quý), hàng năm", "hàng tháng (trước ngày 16 hàng tháng), 6 tháng
# (trước ngày 16/6), tổng kết năm (trước ngày 20/11 hàng năm)"
BRACKETED = re.compile(r"\([^()]{0,80}\)")
LISTED_RHYTHMS_GAP = re.compile(r"^[\s(),;]*(?:[^\s(),;.:]+[\s(),;]*){0,3}$")


def _shortest_listed_rhythm(s: Scan) -> None:
    """Rhythms listed one after the other, each with its own day ("định kỳ hàng quý (trước ngày
    20 của tháng cuối quý), hàng năm (trước ngày 10/12)"): the shortest is the task's rhythm, as
    for "hằng tháng, quý, năm"."""
    s.found.sort(key=lambda d: d.span_start)
    out: list[Deadline] = []
    last_end = 0  # the end of the last rhythm of the list being read
    for d in s.found:
        prev = out[-1] if out else None
        listed = (
            prev is not None
            and prev.recurrence
            and d.recurrence
            and not prev.due_dates
            and not d.due_dates
            and LISTED_RHYTHMS_GAP.match(BRACKETED.sub(",", s.text[last_end : d.span_start]))
        )
        if not listed:
            out.append(d)
        elif rhythm_days(d.recurrence) < rhythm_days(prev.recurrence):
            out[-1] = d
        last_end = max(last_end, d.span_end)
    s.found = out


def _sentence(s: Scan, a: int, b: int) -> tuple[int, int]:
    lo = s.lo + P.last_end(P.SENTENCE_BREAK, s.text[s.lo : a])
    right = P.SENTENCE_BREAK.search(s.text, b, s.hi)
    return lo, (right.start() if right else s.hi)


def _join_ranges(s: Scan) -> None:
    """In a time field two times joined by "-"/"đến" are one range: due at its end, start at its
    start ("Quý IV/2025 - Quý I/2026", "Từ ngày 01/01/2026 đến ngày 31/3/2026")."""
    s.found.sort(key=lambda d: d.span_start)
    out: list[Deadline] = []
    for d in s.found:
        prev = out[-1] if out else None
        start = _range_start(s, prev, d) if prev is not None else None
        if prev is None or start is None:
            out.append(d)
            continue
        out[-1] = Deadline(
            span_start=prev.span_start,
            span_end=d.span_end,
            text=s.text[prev.span_start : d.span_end],
            due_dates=d.due_dates,
            start_date=start,
        )
    s.found = out


def _range_start(s: Scan, prev: Deadline, d: Deadline) -> dt.date | None:
    """The start of the range prev..d, or None when they are not one range."""
    if len(d.due_dates) != 1 or d.recurrence or prev.recurrence or len(prev.due_dates) > 1:
        return None
    gap = s.text[prev.span_end : d.span_start]
    # "từ tháng 10 năm 2025 [đến hết tháng 3 năm 2026]": the join is the second time's own cue
    if not P.RANGE_JOIN.match(gap) and not (P.RANGE_JOIN.match(gap + d.text.split(" ", 1)[0])):
        return None
    if not prev.due_dates:  # a start only: "Từ ngày 01/01/2026"
        return prev.start_date
    return prev.start_date or s.firsts.get(id(prev), prev.due_dates[0])


def find_deadlines(
    text: str,
    *,
    issue_date: dt.date | None = None,
    start: int = 0,
    end: int | None = None,
    time_field: bool = False,
) -> list[Deadline]:
    """Every deadline expression in ``text[start:end]``, spans pointing into ``text``.

    >>> [d.due_dates for d in find_deadlines("Hoàn thành trong năm 2025.", time_field=True)]
    [[datetime.date(2025, 12, 31)]]

    ``issue_date`` anchors "trong thời hạn 30 ngày kể từ ngày ký" and year-less dates;
    ``time_field`` says the slice is a time value (a "Thời gian hoàn thành" cell).
    """
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, min(start, hi))
    scan = Scan(text, lo, hi, issue_date, time_field)
    _scan(scan)
    return sorted(scan.found, key=lambda d: (d.span_start, d.span_end))
