"""Provinces from the vietnamadminunits library (63 units before 1 July 2025, 34 after it).

Every document gets ``province_code`` (the official code of the province it was issued in,
at the time of issue), ``province_2025`` and ``province_2025_code`` (the unit it belongs to
after the merger of NQ 202/2025/QH15), so that "Thừa Thiên Huế", "TT Huế", "tỉnh Thừa Thiên
Huế" and "thành phố Huế" compare as one, and so do Bắc Giang (2024) and Bắc Ninh (2025).

>>> place_of("Thừa Thiên Huế", "2021-11-11")
Place(province_code='46', province_2025='Huế', province_2025_code='46')
>>> place_of("Bắc Giang", "2024-05-01")
Place(province_code='24', province_2025='Bắc Ninh', province_2025_code='24')
>>> place_of("Bắc Ninh", "2024-05-01").province_code, place_of("Bắc Ninh", "2025-11-24").province_code
('27', '24')
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import NamedTuple

from pipeline.db_shape import fold

# NQ 202/2025/QH15: the 34 provincial units exist from this date.
MERGER_DATE = "2025-07-01"
UNIT_WORDS = re.compile(r"^(?:ủy ban nhân dân|ubnd|hội đồng nhân dân)?\s*(?:tỉnh|thành phố|tp\.?)\s+", re.I)


class Place(NamedTuple):
    province_code: str | None
    province_2025: str | None
    province_2025_code: str | None


NOWHERE = Place(None, None, None)


@functools.cache
def _library():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from vietnamadminunits import convert_address, parse_address
    return parse_address, convert_address


def _plausible(written: str, found: str) -> bool:
    # The library matches liberally (any ward or district name); a province name as written
    # ends with a word of the province's name, or is an abbreviation (HCM, TP.HCM).
    words = fold(written).replace(".", " ").replace("-", " ").split()
    return bool(words) and (
        words[-1] in fold(found).split() or (written.replace(".", "").isupper() and len(words[-1]) <= 5)
    )


@functools.cache
def _units(name: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(63-unit code, 63-unit short name, 34-unit short name, 34-unit code) of a province name."""
    parse_address, convert_address = _library()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        old = parse_address(name, mode="LEGACY", level=1)
        new = convert_address(name) if old.province else None
    if not old.province or not _plausible(name, old.province):
        return None, None, None, None
    if not new:
        return old.province_code, old.short_province, None, None
    return old.province_code, old.short_province, new.short_province, new.province_code


def place_of(province: str | None, issue_date: str | None = None) -> Place:
    """Codes and 2025 unit of a province as written; ``NOWHERE`` for central bodies or unknown names.

    The code is the 34-unit code for documents issued from 1 July 2025 (or undated) when the
    province kept its name, otherwise the 63-unit code of the time.
    """
    name = UNIT_WORDS.sub("", (province or "").strip())
    if not name:
        return NOWHERE
    old_code, old_name, new_name, new_code = _units(name)
    if not old_code:
        return NOWHERE
    after_merger = not issue_date or issue_date >= MERGER_DATE
    kept_name = fold(old_name) == fold(new_name)
    code = new_code if after_merger and kept_name else old_code
    return Place(code, new_name, new_code)


def province_unit_code(name: str) -> str | None:
    """The code of the province before the 2025 merger for a province as typed, or None:
    "Thành phố Hà Nội", "Hà Nội" and "ha noi" give '01'; "TT Huế", "Thừa Thiên Huế" and "Huế" give '46'."""
    bare = UNIT_WORDS.sub("", (name or "").strip())
    return _units(bare)[0] if bare else None


def same_place(a: str, b: str) -> bool:
    """Whether two provinces as written are the same unit after the 2025 merger.

    >>> same_place("TT Huế", "thành phố Huế"), same_place("Tiền Giang", "Đồng Tháp"), same_place("Huế", "Đà Nẵng")
    (True, True, False)
    """
    pa, pb = place_of(a), place_of(b)
    return pa.province_2025 is not None and pa.province_2025 == pb.province_2025
