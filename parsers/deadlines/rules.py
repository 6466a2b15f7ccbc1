"""The rules of the deadline grammar: one handler per pattern, in the order they are tried.

Each handler looks at one match of a pattern from ``parsers.deadlines.patterns`` and either
records a ``Deadline`` (returning True, its words are then taken), consumes the words silently
(a name, a citation: True without a record), or leaves them to the next patterns (False).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import parsers.deadlines.patterns as P
import parsers.deadlines.vocab as V
import parsers.lexicon.calendar as D
from parsers.models import Deadline


@dataclass
class Scan:
    """State of one scan over a slice: what is taken, what was found."""

    text: str
    lo: int
    hi: int
    issue: dt.date | None
    time_field: bool
    taken: list[tuple[int, int]] = field(default_factory=list)  # sorted, not overlapping
    found: list[Deadline] = field(default_factory=list)
    # year-less times, resolved once the rhythms are known: (start, end, issue date -> first/last day)
    pending: list[tuple[int, int, Callable[[dt.date], tuple[dt.date, dt.date] | None]]] = field(default_factory=list)
    firsts: dict[int, dt.date] = field(default_factory=dict)  # id(deadline) -> first day it covers

    def free(self, a: int, b: int) -> bool:
        # what is taken never overlaps (only free spans are taken), so sorted by start it is
        # sorted by end too: of the spans starting before b, the last one ends latest
        k = bisect.bisect_left(self.taken, (b,))
        return k == 0 or self.taken[k - 1][1] <= a

    def take(self, a: int, b: int) -> None:
        bisect.insort(self.taken, (a, b))

    def add(self, a: int, b: int, first: dt.date | None = None, **values) -> Deadline:
        a, b = trim(self.text, a, b)
        deadline = Deadline(span_start=a, span_end=b, text=self.text[a:b], **values)
        self.found.append(deadline)
        if first is not None:
            self.firsts[id(deadline)] = first
        return deadline


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\r\n*_":
        a += 1
    while b > a and text[b - 1] in " \t\r\n*_":
        b -= 1
    return a, b


def _cue(m: re.Match[str]) -> str:
    cue = m.groupdict().get("cue") or ""
    return " ".join(cue.lower().replace("*", " ").split())


def _verdict(s: Scan, m: re.Match[str]) -> bool | None:
    """Whether a time atom is a deadline: True yes; None no cue in prose (leave the words free);
    False part of a name, a validity period or a past event (consume the words silently)."""
    cue = _cue(m)
    if not cue and not s.time_field:
        return None
    if V.inside_quotes(s.text, s.lo, m.start()):
        return False  # part of a quoted title: “... đến năm 2040”
    open_to = cue.startswith(("đến", "tới")) and not m.groupdict().get("push")
    if (open_to or not cue) and V.names_thing(s.text, s.lo, m.start(), comma_opens=open_to):
        return False
    if open_to and P.VALIDITY.search(V.clause_before(s.text, s.lo, m.start(), V.NAME_WINDOW_WORDS)):
        return False  # "có hiệu lực thi hành từ ngày ... đến hết ngày 31/12/2025": a validity period
    if not cue.startswith(("trước", "chậm nhất")) and P.EFFECTIVE_BEFORE.search(
        s.text[max(s.lo, m.start() - 30) : m.start()]
    ):
        return False  # "có hiệu lực thi hành vào ngày 01/01/2026": an effective date (not "có hiệu lực trước ngày ...")
    return s.time_field or not P.PAST_AFTER.match(s.text[m.end() : m.end() + 40])


def _due(
    s: Scan,
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


# --- handlers: each returns True when it used the match (its span is then taken) --------------


def _cited(s: Scan, m: re.Match[str]) -> bool:
    return True


def _relative(s: Scan, m: re.Match[str]) -> bool:
    # "kể từ ngày ban hành quyết định cấp chứng chỉ" counts from another decision: no anchor
    if s.issue is None or not P.ANCHOR_END.match(s.text[m.end() : m.end() + 40]):
        return False
    due = D.offset(s.issue, int(m.group("n")), m.group("u"), working=bool(m.group("work")))
    return _due(s, m, [due])


def _next_years(s: Scan, m: re.Match[str]) -> bool:
    y = int(m.group("y"))
    if _cue(m) == "từ":
        s.add(m.start(), m.end(), start_date=D.year_start(y), recurrence="P1Y")
        return True
    if _cue(m) or s.time_field:
        if not _verdict(s, m):
            return True  # "Nghị quyết ... đến năm 2020 và những năm tiếp theo" names a resolution
    elif V.clause_before(s.text, s.lo, m.start(), 1):
        return True  # "ngân sách địa phương năm 2026 và các năm tiếp theo" qualifies the budget
    s.add(m.start(), m.end(), due_dates=[D.year_end(y)], recurrence="P1Y")
    return True


def _date(s: Scan, m: re.Match[str]) -> bool:
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else m.group("d2", "m2", "y2")
    return _due(s, m, [D.safe_date(int(y), int(mo), int(d))])


def _day_month(s: Scan, m: re.Match[str]) -> bool:
    if m.group("monthly"):
        s.add(m.start(), m.end(), recurrence="P1M")
        return True
    if m.group("yearly"):
        s.add(m.start(), m.end(), recurrence="P1Y")
        return True
    if not s.time_field and not (m.group("word") and _cue(m)):
        return False
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    day, month = int(m.group("d")), int(m.group("m"))
    s.pending.append((m.start(), m.end(), lambda issue: D.next_period(issue, month, month, day)))
    return True


def _month_yearly(s: Scan, m: re.Match[str]) -> bool:
    s.add(m.start(), m.end(), recurrence="P1Y")
    return True


def _month_only(s: Scan, m: re.Match[str]) -> bool:
    """ "Hoàn thành trong tháng 12", a cell "Tháng 12": the next such month after the issue date."""
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    month = int(m.group("m"))
    if not 1 <= month <= 12:
        return False
    s.pending.append((m.start(), m.end(), lambda issue: D.next_period(issue, month, month)))
    return True


def _quarter_only(s: Scan, m: re.Match[str]) -> bool:
    """ "trong quý IV", a cell "Quý I": the next such quarter after the issue date."""
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    q = D.ROMAN_QUARTERS[m.group("q").lower()]
    s.pending.append((m.start(), m.end(), lambda issue: D.next_period(issue, 3 * q - 2, 3 * q)))
    return True


def _months(s: Scan, m: re.Match[str]) -> bool:
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    y = int(m.group("y"))
    if m.group("to"):  # "Tháng 11 - 12/2025"
        first, last = int(m.group("m")), int(m.group("to"))
        return _due(s, m, [D.month_end(y, last)], start=D.month_start(y, first))
    months = [int(m.group("m"))] + [int(x) for x in P.NUMBER.findall(m.group("more") or "")]
    dues = [D.month_end(y, mo) for mo in months]
    return _due(s, m, dues, first=D.month_start(y, min(months)))


def _quarters(s: Scan, m: re.Match[str]) -> bool:
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    y = int(m.group("y"))
    quarters = [m.group("q")] + P.QUARTER_NUMERAL.findall(m.group("more") or "")
    dues = [D.quarter_end(y, q) for q in quarters]
    return _due(s, m, dues, first=D.quarter_start(y, quarters[0]))


def _half(s: Scan, m: re.Match[str]) -> bool:
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    y = int(m.group("y"))
    if m.group("h").lower() == "đầu":
        return _due(s, m, [D.month_end(y, 6)], first=D.year_start(y))
    return _due(s, m, [D.year_end(y)], first=D.month_start(y, 7))


def _period(s: Scan, m: re.Match[str]) -> bool:
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
        if V.qualifies_thing(s.text, s.lo, m.start(), m.start()):
            return True  # "nguồn ngân sách Trung ương hỗ trợ trong giai đoạn 2026-2030"
    elif V.names_thing(s.text, s.lo, m.start()):
        return True
    return _due(s, m, [D.year_end(y2)], start=D.year_start(y1))


def _from(s: Scan, m: re.Match[str]) -> bool:
    """ "Từ tháng 10/2025 đến khi ..." starts the task; only a later "đến ..." gives a due date.
    In prose, work to be in place from a day is due that day: "bảo đảm triển khai đồng bộ các quy
    định ... kể từ ngày 01 tháng 01 năm 2025" (not "có hiệu lực kể từ ngày ...")."""
    if not s.time_field:
        return _in_place_from(s, m)
    if m.group("kw").lower() == "sau":
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


def _in_place_from(s: Scan, m: re.Match[str]) -> bool:
    g = m.groupdict()
    before = V.clause_before(s.text, s.lo, m.start(), V.NAME_WINDOW_WORDS)
    if not (g["dy"] or g["dy2"]) or not P.KE_BEFORE.search(s.text[max(s.lo, m.start() - 6) : m.start()]):
        return True
    if not P.IN_PLACE_VERB.search(before) or P.VALIDITY.search(before):
        return True
    if g["dy"]:
        day = D.safe_date(int(g["dy"]), int(g["dm"]), int(g["d"]))
    else:
        day = D.safe_date(int(g["dy2"]), int(g["dm2"]), int(g["d2"]))
    _due(s, m, [day])
    return True


def _years(s: Scan, m: re.Match[str]) -> bool:
    if (verdict := _verdict(s, m)) is not True:
        return verdict is False
    years = [int(m.group("y"))] + [int(x) for x in P.NUMBER.findall(m.group("more") or "")]
    dues = [D.year_end(y) for y in years]
    return _due(s, m, dues, first=D.year_start(min(years)))


def _year_target(s: Scan, m: re.Match[str]) -> bool:
    """ "hoàn thành ... các chỉ tiêu, nhiệm vụ ... năm 2025": the year is due; only its words are taken,
    the words before it stay free for the other rules."""
    a, b = m.span("year")
    if not s.free(a, b) or V.inside_quotes(s.text, s.lo, a) or P.CUE_RIGHT_BEFORE.search(s.text, max(s.lo, a - 16), a):
        return False  # "hoàn thành nhiệm vụ trong năm 2025": the cue's own rule reads it
    y = int(m.group("y"))
    if s.issue is not None and y < s.issue.year:
        return False  # a past year's targets: a report, not a deadline
    s.add(a, b, first=D.year_start(y), due_dates=[D.year_end(y)])
    s.take(a, b)
    return False


def _bare_year(s: Scan, m: re.Match[str]) -> bool:
    if not s.time_field or V.names_thing(s.text, s.lo, m.start()):
        return False
    y = int(m.group("y"))
    return _due(s, m, [D.year_end(y)], first=D.year_start(y))


def _cell_months(s: Scan, m: re.Match[str]) -> bool:
    """ "3-4/2024" -> 2024-04-30; "11/2023-02/2024" -> 2024-02-29; "12/2023" -> 2023-12-31 (time cells only)."""
    if not s.time_field:
        return False
    y, first_month = int(m.group("y")), int(m.group("m1"))
    last_month = int(m.group("m2") or first_month)
    first_year = int(m.group("y1") or y)
    if not (1 <= first_month <= 12 and 1 <= last_month <= 12) or (first_year, first_month) > (y, last_month):
        return False
    start = D.month_start(first_year, first_month) if m.group("m2") else None
    return _due(s, m, [D.month_end(y, last_month)], start=start, first=D.month_start(first_year, first_month))


def _paren_years(s: Scan, m: re.Match[str]) -> bool:
    """ "(2025 - 2026)" closing an item times it: due at the range's end; "(2026 trở đi)" recurs yearly."""
    if V.names_thing(s.text, s.lo, m.start(), max_words=4):
        return False
    y1 = int(m.group("y1"))
    y2 = int(m.group("y2") or y1)
    if y2 < y1:
        return False
    if m.group("on"):
        s.add(m.start(), m.end(), first=D.year_start(y1), due_dates=[D.year_end(y1)], recurrence="P1Y")
        return True
    start = D.year_start(y1) if m.group("y2") else None
    return _due(s, m, [D.year_end(y2)], start=start, first=D.year_start(y1))


def _rhythm(s: Scan, m: re.Match[str], durations: list[str]) -> bool:
    durations = [x for x in dict.fromkeys(durations) if x and x != V.UNKNOWN]
    if not durations:
        return False
    for duration in durations:
        s.add(m.start(), m.end(), recurrence=duration)
    return True


def _every(s: Scan, m: re.Match[str]) -> bool:
    if not m.group("pref") and (
        V.qualifies_thing(s.text, s.lo, m.start(), m.end())
        or V.inside_quotes(s.text, s.lo, m.start())
        or V.in_cited_title(s.text, s.lo, m.start())
    ):
        return True  # "ngân sách hằng năm"; "Quyết định số 27/2009/QĐ-UBND ... hoạt động hàng ngày"
    durations = [V.recurrence_of_unit(m.group("u"))]
    for n, unit in P.COUNTED_UNIT.findall(m.group("more") or ""):
        durations.append(D.duration(int(n), unit) if n else V.recurrence_of_unit(unit))
    known = [d for d in durations if d and d != V.UNKNOWN]
    # several periods ("hằng tháng, quý, 6 tháng, năm"): the shortest is the task's rhythm
    return _rhythm(s, m, [min(known, key=rhythm_days)] if known else durations)


def rhythm_days(duration: str) -> int:
    """Rough length of an ISO duration, to compare rhythms: P1M < P3M < P6M < P1Y."""
    per = {"Y": 365, "M": 30, "W": 7, "D": 1}
    return sum(int(n) * per[u] for n, u in re.findall(r"(\d+)([YMWD])", duration))


def _every_n(s: Scan, m: re.Match[str]) -> bool:
    n = D.to_int(m.group("n"))
    return _rhythm(s, m, [D.duration(n, m.group("u")) if n else None])


def _per_times(s: Scan, m: re.Match[str]) -> bool:
    if m.group("n"):
        n = D.to_int(m.group("n"))
        return _rhythm(s, m, [D.duration(n, m.group("u")) if n else None])
    return _rhythm(s, m, [V.recurrence_of_unit(m.group("u2") or m.group("u3"))])


def _ongoing(s: Scan, m: re.Match[str]) -> bool:
    if not s.time_field:
        # in prose only "thực hiện thường xuyên" closing a clause times the task; "kịp thời" is manner
        after = s.text[m.end() : min(s.hi, m.end() + 4)]
        word = m.group("w").lower()
        if not m.group("verb") or not word.startswith(("thường", "liên")):
            return False
        if not P.ONGOING_END.match(after):
            return False
    s.add(m.start(), m.end(), ongoing=True)
    return True


# Order matters: names and citations first, then the longest forms, then the shorter ones.
RULES = [
    (P.CITED, _cited),
    (P.SCHOOL_YEAR, _cited),
    (P.VISION, _cited),
    (P.RELATIVE, _relative),
    (P.YEAR_TARGET, _year_target),
    (P.NEXT_YEARS, _next_years),
    (P.PAREN_YEARS, _paren_years),
    (P.PERIOD, _period),
    (P.FROM, _from),
    (P.DATE, _date),
    (P.DAY_MONTH, _day_month),
    (P.MONTH_YEARLY, _month_yearly),
    (P.MONTHS, _months),
    (P.QUARTERS, _quarters),
    (P.HALF, _half),
    (P.MONTH_ONLY, _month_only),
    (P.QUARTER_ONLY, _quarter_only),
    (P.YEARS, _years),
    (P.CELL_MONTHS, _cell_months),
    (P.BARE_YEAR, _bare_year),
    (P.EVERY_N, _every_n),
    (P.PER_TIMES, _per_times),
    (P.PER_BRACKET, _every_n),
    (P.EVERY, _every),
    (P.ONGOING, _ongoing),
]
