"""A task's action from its first task verb, by lookup table, with an explicit UNKNOWN."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

UNKNOWN = "UNKNOWN"
# How far into a task's text its verb is looked for (a subject such as "Sở Kế hoạch và Đầu tư"
# or "Căn cứ chức năng, nhiệm vụ được giao," may come first).
WINDOW = 120


@cache
def _verbs() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(resources.files("parsers").joinpath("data/task_verbs.json").read_text("utf-8"))
    action_of = {verb.casefold(): entry["action"] for entry in data["actions"] for verb in entry["verbs"]}
    words = sorted(action_of, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
    return pattern, action_of


def classify_action(text: str) -> str:
    """The action of the first task verb in ``text``.

    >>> classify_action("Tham mưu UBND tỉnh huy động đa dạng các nguồn lực")
    'advise'
    >>> classify_action("Quỹ Phòng thủ dân sự cấp tỉnh")
    'UNKNOWN'
    """
    pattern, _ = _verbs()
    return _action_of(pattern.search(text[:WINDOW]))


def _action_of(match: re.Match[str] | None) -> str:
    return _verbs()[1][match.group().casefold()] if match else UNKNOWN


def opening_action(text: str) -> str:
    """The action of a task verb that opens ``text`` (UNKNOWN when it opens with anything else).

    >>> opening_action("Tạo điều kiện cho các doanh nghiệp")
    'support'
    >>> opening_action("Hệ thống giám sát, điều hành giao thông")
    'UNKNOWN'
    """
    pattern, _ = _verbs()
    return _action_of(pattern.match(text.lstrip()))
