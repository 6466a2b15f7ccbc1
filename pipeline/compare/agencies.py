"""Agencies across provinces and time: a ``function`` key per agency, the same in every
province, and the successor table of the 2025 reorganisation (``data/agency_successors.json``).

>>> function_of("Sở Tài chính"), function_of("Công an thành phố"), function_of("Công an tỉnh")
('finance', 'police', 'police')
>>> [s["new"] for s in successors_of("Sở Kế hoạch và Đầu tư")]
['Sở Tài chính']
>>> current_bodies("Sở Giao thông vận tải"), current_bodies("Sở Tài chính")
(['Sở Xây dựng'], ['Sở Tài chính'])
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from parsers.lexicon.places import provinces
from pipeline.db_shape import fold

_LEVEL_TAIL = re.compile(r"\s+(?:tinh|thanh pho|tp)$")
# A regional unit's number, which differs from one region to the next: "kho bac nha nuoc khu vuc xi"
_REGION_NUMBER = re.compile(r"(\bkhu vuc)\s+[a-z0-9]{1,5}$")


@functools.cache
def _data(name: str) -> dict:
    return json.loads(resources.files("pipeline.compare").joinpath(f"data/{name}.json").read_text("utf-8"))


@functools.cache
def functions() -> dict[str, dict]:
    """Function key -> {function, label, names}."""
    return {f["function"]: f for f in _data("agency_functions")["functions"]}


@functools.cache
def _by_name() -> dict[str, str]:
    table = {}
    for f in functions().values():
        for name in f["names"]:
            table.setdefault(_without_place(fold(name)), f["function"])
            table[fold(name)] = f["function"]
    return table


def _without_place(folded: str) -> str:
    # "cong an tinh" -> "cong an"; "uy ban nhan dan thanh pho ha noi" -> "uy ban nhan dan"
    words = folded.replace("-", " ").split()
    for size in range(4, 0, -1):
        if len(words) > size and " ".join(words[-size:]) in provinces():
            words = words[:-size]
            break
    return _REGION_NUMBER.sub(r"\1", _LEVEL_TAIL.sub("", " ".join(words)))


@functools.lru_cache(maxsize=1 << 14)
def function_of(name: str | None) -> str | None:
    """The function key of a canonical agency name: listed in the data, else its folded name without place words."""
    if not name:
        return None
    folded = fold(name)
    if folded in _by_name():
        return _by_name()[folded]
    bare = _without_place(folded)
    return _by_name().get(bare) or re.sub(r"[^a-z0-9]+", "_", bare).strip("_") or None


def function_label(function: str | None) -> str | None:
    entry = functions().get(function or "")
    return entry["label"] if entry else None


@functools.cache
def successor_rows() -> list[dict]:
    """The successor table as rows, with function keys beside the names."""
    rows = []
    for row in _data("agency_successors")["successors"]:
        rows.append({**row, "old_function": function_of(row["old"]), "new_function": function_of(row["new"])})
    return rows


def successors_of(name: str) -> list[dict]:
    """The rows of the successor table whose old body is ``name`` (by function, so any province's copy)."""
    function = function_of(name)
    return [row for row in successor_rows() if row["old_function"] == function]


def current_bodies(name: str) -> list[str]:
    """The bodies that carry the work of ``name`` today (itself when it was not reorganised)."""
    rows = successors_of(name)
    if not rows:
        return [name]
    out: list[str] = []
    for row in rows:
        for body in current_bodies(row["new"]) if row["new"] != name else [name]:
            if body not in out:
                out.append(body)
    return out
