"""Calendar arithmetic for the deadline grammar: ends of months, quarters and halves, offsets.

Kept apart from the patterns so each rule ("quý IV" -> 31 December) reads on its own line.
"""

from __future__ import annotations

import datetime as dt

ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Vietnamese number words that appear in rhythms and offsets: "hai năm một lần", "sáu tháng".
NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "mười": 10, "mười hai": 12}

# Durations are written as ISO-8601: the unit letter of each Vietnamese unit word.
UNIT_LETTERS = {"năm": "Y", "tháng": "M", "tuần": "W", "ngày": "D"}


def to_int(word: str) -> int | None:
    """ "06" -> 6, "sáu" -> 6; None when the word is not a number."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None for impossible ones such as 31/6 or 30/2 (typos occur in real text)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date | None:
    """Last day of a month: tháng 2/2024 -> 2024-02-29."""
    if not 1 <= month <= 12:
        return None
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def month_start(year: int, month: int) -> dt.date | None:
    return safe_date(year, month, 1)


def quarter_end(year: int, quarter: str) -> dt.date | None:
    """quý IV/2025 -> 2025-12-31; accepts roman or arabic quarter numbers."""
    q = ROMAN_QUARTERS.get(quarter.lower())
    return month_end(year, 3 * q) if q else None


def quarter_start(year: int, quarter: str) -> dt.date | None:
    q = ROMAN_QUARTERS.get(quarter.lower())
    return dt.date(year, 3 * q - 2, 1) if q else None


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def year_start(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months later, clamped to the month's end: 31/1 + 1 tháng -> 28 or 29/2."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    end = month_end(year, month)
    assert end is not None
    return dt.date(year, month, min(day.day, end.day))


def add_working_days(day: dt.date, count: int) -> dt.date:
    """ "05 ngày làm việc" after a day: Saturdays and Sundays do not count (holidays are ignored)."""
    current = day
    while count > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current


def offset(anchor: dt.date, amount: int, unit: str, working: bool = False) -> dt.date | None:
    """anchor + amount units: (2025-11-18, 30, "ngày") -> 2025-12-18."""
    unit = unit.lower()
    try:
        if unit == "ngày":
            if working:
                return add_working_days(anchor, amount)
            return anchor + dt.timedelta(days=amount)
        if unit == "tuần":
            return anchor + dt.timedelta(weeks=amount)
        if unit == "tháng":
            return add_months(anchor, amount)
        if unit == "năm":
            return add_months(anchor, 12 * amount)
    except (OverflowError, ValueError):
        return None
    return None


def duration(amount: int, unit: str) -> str | None:
    """ISO-8601 duration of a rhythm: (6, "tháng") -> "P6M", (1, "quý") -> "P3M"."""
    unit = " ".join(unit.lower().split())
    if amount <= 0:
        return None
    if unit == "quý":
        return f"P{3 * amount}M"
    letter = UNIT_LETTERS.get(unit)
    return f"P{amount}{letter}" if letter else None


def next_period(
    after: dt.date, first_month: int, last_month: int, day: int | None = None
) -> tuple[dt.date, dt.date] | None:
    """First and last day of the next such period not over by a date (a day/month when ``day``):
    (2025-11-18, 12, 12) -> 2025-12-01..2025-12-31; (2025-11-18, 1, 3) -> quý I of 2026;
    (2025-11-18, 12, 12, 15) -> 2025-12-15 (both ends)."""
    for year in (after.year, after.year + 1):
        if day is not None:
            end = safe_date(year, last_month, day)
            first = end
        else:
            end, first = month_end(year, last_month), month_start(year, first_month)
        if end is not None and first is not None and end >= after:
            return first, end
    return None
