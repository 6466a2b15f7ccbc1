"""The words that give an agency its role in a task (``data/role_cues.json``), the lookup tables
of the extraction guide §3: "chủ trì" after an agency marks the lead, "phối hợp (với)" or
"cùng" before one a coordinator, "báo cáo", "gửi", "phản ánh về", "trình" the body reported to.
``parsers.tasks.roles`` reads chains of mentions with them."""

from __future__ import annotations

import json
import re
from importlib import resources

_DATA = json.loads(resources.files("parsers.lexicon").joinpath("data/role_cues.json").read_text("utf-8"))


def _alternation(phrases: list[str]) -> str:
    """Phrases as a regex alternation, longest first, any spacing between their words."""
    spelled = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in spelled)


# After the agency that leads: "Sở X chủ trì", "Sở X là cơ quan đầu mối", "Giao Sở X chủ trì"
LEAD_AFTER = re.compile(r"^\s*,?\s*(?:" + _alternation(_DATA["lead"]["after"]) + r")\b", re.I)
# Before a coordinator: "phối hợp với Sở Tư pháp", "cùng Sở Nội vụ"
COORDINATE_BEFORE = re.compile(r"\b(?:" + _alternation(_DATA["coordinate"]["before"]) + r")\s*$", re.I)
# Report verbs: "báo cáo kết quả thực hiện về UBND tỉnh", "gửi Sở Kế hoạch và Đầu tư", "phản ánh về Sở Y tế"
REPORT_VERB = re.compile(r"\b(?P<verb>" + _alternation([v["verb"] for v in _DATA["report_to"]["verbs"]]) + r")\b", re.I)
# How many words may stand between a report verb and the body reported to
REPORT_WORDS_LIMIT = {v["verb"]: v["words"] for v in _DATA["report_to"]["verbs"]}


def examples(role: str) -> list[tuple[str, str]]:
    """(text, agency) examples of a role ("lead", "coordinate", "report_to")."""
    return [(x["text"], x["agency"]) for x in _DATA[role]["examples"]]
