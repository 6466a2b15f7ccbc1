"""Deadlines: Vietnamese time expressions of a task, normalised to due dates and rhythms.

``find_deadlines(text, start=..., end=...)`` reads one task's slice of the document text and
returns every deadline expression in it, with spans into the whole text. Normalisation follows
the extraction guide: a date is itself, a month/quarter/half/year its last day, a period its end
(start kept), a rhythm an ISO duration ("hằng năm" -> P1Y), "thường xuyên" ongoing.

Names and citations are not deadlines ("Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm
2050", "Quyết định số 02/QĐ-HĐV ngày 09/9/2021"), nor is "hằng năm" qualifying a thing
("dự toán ngân sách hằng năm"). In running prose a time needs a cue ("trước", "trong", "vào",
"hoàn thành", "đến" ...); in a time field (``time_field=True``) a bare "2025" is enough.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from parsers import deadlines_dates as D
from parsers import deadlines_patterns as P
from parsers import deadlines_vocab as V
from parsers.models import Deadline

__all__ = ["find_deadlines"]


@dataclass
class _Scan:
    """State of one scan over a slice: what is taken, what was found."""

    text: str
    lo: int
    hi: int
    issue: dt.date | None
    time_field: bool
    taken: list[tuple[int, int]] = field(default_factory=list)
    found: list[Deadline] = field(default_factory=list)
    pending: list[tuple[int, int, int, int]] = field(default_factory=list)  # year-less day/month
    firsts: dict[int, dt.date] = field(default_factory=dict)  # id(deadline) -> first day it covers

    def free(self, a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in self.taken)

    def take(self, a: int, b: int) -> None:
        self.taken.append((a, b))

    def add(self, a: int, b: int, first: dt.date | None = None, **values) -> Deadline:
        a, b = _trim(self.text, a, b)
        deadline = Deadline(span_start=a, span_end=b, text=self.text[a:b], **values)
        self.found.append(deadline)
        if first is not None:
            self.firsts[id(deadline)] = first
        return deadline


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\r\n*_":
        a += 1
    while b > a and text[b - 1] in " \t\r\n*_":
        b -= 1
    return a, b


def _cue(m: re.Match[str]) -> str:
    cue = m.groupdict().get("cue") or ""
    return " ".join(cue.lower().replace("*", " ").split())


def _before_start(cue: str) -> bool:
    """ "trước năm 2030" ends before the year starts; "trước ngày 30/6" keeps the day itself."""
    return cue.split()[-1:] == ["trước"] if cue else False


def _accept_time(s: _Scan, m: re.Match[str]) -> bool:
    """A time atom counts in prose only after a cue, and "đến năm" only outside a plan's name."""
    cue = _cue(m)
    if not cue and not s.time_field:
        return False
    if V.inside_quotes(s.text, s.lo, m.start()):
        return False  # part of a quoted title: “... đến năm 2040”
    open_to = cue.startswith(("đến", "tới")) and not m.groupdict().get("push")
    if (open_to or not cue) and V.names_thing(s.text, s.lo, m.start()):
        return False
    return not (not s.time_field and P.PAST_AFTER.match(s.text[m.end() : m.end() + 20]))


def _due(
    s: _Scan,
    m: re.Match[str],
    dues: list[dt.date | None],
    start: dt.date | None = None,
    first: dt.date | None = None,
) -> bool:
    """Record due dates; ``first`` is the first day the time covers (joins "Quý IV/2025 - Quý I/2026")."""
    dues = [d for d in dues if d is not None]
    if not dues:
        return False
    if not s.time_field and s.issue and max(dues) < s.issue:
        return False  # a date before the document was issued is a past event, not a deadline
    s.add(m.start(), m.end(), first=first or start, due_dates=sorted(set(dues)), start_date=start)
    return True


def _shift_before(cue: str, day: dt.date | None, period_start: dt.date | None) -> dt.date | None:
    if _before_start(cue) and period_start is not None:
        return period_start - dt.timedelta(days=1)
    return day


# --- handlers: each returns True when it used the match (its span is then taken) --------------


def _cited(s: _Scan, m: re.Match[str]) -> bool:
    return True


def _relative(s: _Scan, m: re.Match[str]) -> bool:
    # "kể từ ngày ban hành quyết định cấp chứng chỉ" counts from another decision: no anchor
    if s.issue is None or not P.ANCHOR_END.match(s.text[m.end() : m.end() + 40]):
        return False
    due = D.offset(s.issue, int(m.group("n")), m.group("u"), working=bool(m.group("work")))
    return _due(s, m, [due])


def _next_years(s: _Scan, m: re.Match[str]) -> bool:
    y = int(m.group("y"))
    if _cue(m) == "từ":
        s.add(m.start(), m.end(), start_date=D.year_start(y), recurrence="P1Y")
        return True
    if not _accept_time(s, m) and (_cue(m) or s.time_field):
        return True  # "Nghị quyết ... đến năm 2020 và những năm tiếp theo" names a resolution
    s.add(m.start(), m.end(), due_dates=[D.year_end(y)], recurrence="P1Y")
    return True


def _date(s: _Scan, m: re.Match[str]) -> bool:
    if not _accept_time(s, m):
        return False
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else m.group("d2", "m2", "y2")
    return _due(s, m, [D.safe_date(int(y), int(mo), int(d))])


def _day_month(s: _Scan, m: re.Match[str]) -> bool:
    if m.group("monthly"):
        s.add(m.start(), m.end(), recurrence="P1M")
        return True
    if m.group("yearly"):
        s.add(m.start(), m.end(), recurrence="P1Y")
        return True
    if not s.time_field and not (m.group("word") and _cue(m)):
        return False
    s.pending.append((m.start(), m.end(), int(m.group("d")), int(m.group("m"))))
    return True


def _month_yearly(s: _Scan, m: re.Match[str]) -> bool:
    s.add(m.start(), m.end(), recurrence="P1Y")
    return True


def _months(s: _Scan, m: re.Match[str]) -> bool:
    if not _accept_time(s, m):
        return False
    y, cue = int(m.group("y")), _cue(m)
    if m.group("to"):  # "Tháng 11 - 12/2025"
        first, last = int(m.group("m")), int(m.group("to"))
        return _due(s, m, [D.month_end(y, last)], start=D.month_start(y, first))
    months = [int(m.group("m"))] + [int(x) for x in re.findall(r"\d+", m.group("more") or "")]
    dues = [_shift_before(cue, D.month_end(y, mo), D.month_start(y, mo)) for mo in months]
    return _due(s, m, dues, first=D.month_start(y, min(months)))


def _quarters(s: _Scan, m: re.Match[str]) -> bool:
    if not _accept_time(s, m):
        return False
    y, cue = int(m.group("y")), _cue(m)
    quarters = [m.group("q")] + re.findall(r"IV|III|II|I|[1-4]", m.group("more") or "", re.I)
    dues = [_shift_before(cue, D.quarter_end(y, q), D.quarter_start(y, q)) for q in quarters]
    return _due(s, m, dues, first=D.quarter_start(y, quarters[0]))


def _half(s: _Scan, m: re.Match[str]) -> bool:
    if not _accept_time(s, m):
        return False
    y = int(m.group("y"))
    if m.group("h").lower() == "đầu":
        return _due(s, m, [D.month_end(y, 6)], first=D.year_start(y))
    return _due(s, m, [D.year_end(y)], first=D.month_start(y, 7))


def _period(s: _Scan, m: re.Match[str]) -> bool:
    y1, y2 = (m.group("y1"), m.group("y2")) if m.group("y1") else (m.group("f1"), m.group("f2"))
    y1, y2 = int(y1), int(y2)
    if y2 < y1:
        return True
    cue = _cue(m)
    if not s.time_field:
        # "giai đoạn 2021-2025" after a noun names it; only "(thực hiện) trong giai đoạn ..." bounds a task
        if not cue or not cue.endswith("trong") or m.group("f1"):
            return True
        if V.names_thing(s.text, s.lo, m.start(), max_words=4):
            return True
    elif V.names_thing(s.text, s.lo, m.start()):
        return True
    return _due(s, m, [D.year_end(y2)], start=D.year_start(y1))


def _from(s: _Scan, m: re.Match[str]) -> bool:
    """ "Từ tháng 10/2025 đến khi ..." starts the task; only a later "đến ..." gives a due date."""
    if not s.time_field or m.group("kw").lower() == "sau":
        return True
    g = m.groupdict()
    if g["y"]:
        start = D.year_start(int(g["y"]))
    elif g["qy"]:
        start = D.quarter_start(int(g["qy"]), g["q"])
    elif g["my"]:
        start = D.month_start(int(g["my"]), int(g["m"]))
    elif g["dy"]:
        start = D.safe_date(int(g["dy"]), int(g["dm"]), int(g["d"]))
    else:
        start = D.safe_date(int(g["dy2"]), int(g["dm2"]), int(g["d2"]))
    if start is not None:
        s.add(m.start(), m.end(), start_date=start)
    return True


def _years(s: _Scan, m: re.Match[str]) -> bool:
    if not _accept_time(s, m):
        return False
    cue = _cue(m)
    years = [int(m.group("y"))] + [int(x) for x in re.findall(r"\d{4}", m.group("more") or "")]
    dues = [_shift_before(cue, D.year_end(y), D.year_start(y)) for y in years]
    return _due(s, m, dues, first=D.year_start(min(years)))


def _bare_year(s: _Scan, m: re.Match[str]) -> bool:
    if not s.time_field or V.names_thing(s.text, s.lo, m.start()):
        return False
    y = int(m.group("y"))
    return _due(s, m, [D.year_end(y)], first=D.year_start(y))


def _rhythm(s: _Scan, m: re.Match[str], durations: list[str]) -> bool:
    durations = [x for x in dict.fromkeys(durations) if x and x != V.UNKNOWN]
    if not durations:
        return False
    for duration in durations:
        s.add(m.start(), m.end(), recurrence=duration)
    return True


def _every(s: _Scan, m: re.Match[str]) -> bool:
    if not m.group("pref") and V.qualifies_thing(s.text, s.lo, m.start(), m.end()):
        return True
    units = [m.group("u")] + re.findall(r"năm|quý|tháng", m.group("more") or "", re.I)
    return _rhythm(s, m, [V.recurrence_of_unit(u) for u in units])


def _every_n(s: _Scan, m: re.Match[str]) -> bool:
    n = D.to_int(m.group("n"))
    return _rhythm(s, m, [D.duration(n, m.group("u")) if n else None])


def _per_times(s: _Scan, m: re.Match[str]) -> bool:
    if m.group("n"):
        n = D.to_int(m.group("n"))
        return _rhythm(s, m, [D.duration(n, m.group("u")) if n else None])
    return _rhythm(s, m, [V.recurrence_of_unit(m.group("u2") or m.group("u3"))])


def _ongoing(s: _Scan, m: re.Match[str]) -> bool:
    if not s.time_field:
        # in prose only "thực hiện thường xuyên" closing a clause times the task; "kịp thời" is manner
        after = s.text[m.end() : min(s.hi, m.end() + 4)]
        word = m.group("w").lower()
        if not m.group("verb") or not word.startswith(("thường", "liên")):
            return False
        if not re.match(r"[\s*]*(?:[.;,)]|$|và\b)", after):
            return False
    s.add(m.start(), m.end(), ongoing=True)
    return True


# Order matters: names and citations first, then the longest forms, then the shorter ones.
_RULES = [
    (P.CITED, _cited),
    (P.VISION, _cited),
    (P.RELATIVE, _relative),
    (P.NEXT_YEARS, _next_years),
    (P.DATE, _date),
    (P.DAY_MONTH, _day_month),
    (P.MONTH_YEARLY, _month_yearly),
    (P.MONTHS, _months),
    (P.QUARTERS, _quarters),
    (P.HALF, _half),
    (P.PERIOD, _period),
    (P.FROM, _from),
    (P.YEARS, _years),
    (P.BARE_YEAR, _bare_year),
    (P.EVERY_N, _every_n),
    (P.PER_TIMES, _per_times),
    (P.EVERY, _every),
    (P.ONGOING, _ongoing),
]


def _scan(s: _Scan) -> None:
    if not s.time_field:
        for m in P.TIME_LABEL.finditer(s.text, s.lo, s.hi):
            end_m = P.LABEL_END.search(s.text, m.end(), s.hi)
            value_end = end_m.start() if end_m else s.hi
            if value_end > m.end() and s.free(m.start(), value_end):
                sub = _Scan(s.text, m.end(), value_end, s.issue, True)
                _scan(sub)
                s.found.extend(sub.found)
                s.take(m.start(), value_end)
    for pattern, handler in _RULES:
        for m in pattern.finditer(s.text, s.lo, s.hi):
            if m.end() > m.start() and s.free(m.start(), m.end()) and handler(s, m):
                s.take(m.start(), m.end())
    _resolve_pending(s)
    if s.time_field:
        _join_ranges(s)


def _resolve_pending(s: _Scan) -> None:
    """A year-less "trước ngày 30 tháng 11": a rhythm in its sentence owns it, else the issue year."""
    for a, b, day, month in s.pending:
        if _rhythm_in_sentence(s, a, b):
            continue
        if s.issue is not None:
            due = D.next_occurrence(day, month, s.issue)
            if due is not None:
                s.add(a, b, due_dates=[due])


def _rhythm_in_sentence(s: _Scan, a: int, b: int) -> bool:
    lo = s.lo + P.last_end(P.SENTENCE_BREAK, s.text[s.lo : a])
    right = P.SENTENCE_BREAK.search(s.text, b, s.hi)
    hi = right.start() if right else s.hi
    return any(d.recurrence and lo <= d.span_start < hi for d in s.found)


def _join_ranges(s: _Scan) -> None:
    """In a time field, "Quý IV/2025 - Quý I/2026" is one range: due at its end, start at its start."""
    s.found.sort(key=lambda d: d.span_start)
    out: list[Deadline] = []
    for d in s.found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(prev.due_dates) == 1
            and len(d.due_dates) == 1
            and not prev.recurrence
            and not d.recurrence
            and P.RANGE_JOIN.match(s.text[prev.span_end : d.span_start])
        ):
            start = prev.start_date or s.firsts.get(id(prev), prev.due_dates[0])
            out[-1] = Deadline(
                span_start=prev.span_start,
                span_end=d.span_end,
                text=s.text[prev.span_start : d.span_end],
                due_dates=d.due_dates,
                start_date=start,
            )
            continue
        out.append(d)
    s.found = out


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
    scan = _Scan(text, lo, hi, issue_date, time_field)
    _scan(scan)
    return sorted(scan.found, key=lambda d: (d.span_start, d.span_end))
