"""The task-verb table: every example classifies to its own action; no verb gives UNKNOWN."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from parsers.tasks.actions import UNKNOWN, classify_action, opening_action

DATA = json.loads(resources.files("parsers").joinpath("data/task_verbs.json").read_text("utf-8"))
EXAMPLES = [(entry["action"], example) for entry in DATA["actions"] for example in entry["examples"]]


@pytest.mark.parametrize(("action", "example"), EXAMPLES)
def test_every_example_classifies_to_its_own_action(action, example):
    assert classify_action(example) == action


def test_every_verb_belongs_to_one_action_and_the_table_is_sorted():
    verbs = [verb for entry in DATA["actions"] for verb in entry["verbs"]]
    assert len(verbs) == len(set(verbs))
    assert [e["action"] for e in DATA["actions"]] == sorted(e["action"] for e in DATA["actions"])


@pytest.mark.parametrize(
    ("text", "action", "opening"),
    [
        ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các cơ quan", "lead", UNKNOWN),  # the verb after the subject
        ("Chủ trì, phối hợp với các cơ quan, đơn vị liên quan", "lead", "lead"),
        ("Hệ thống giám sát, điều hành giao thông thông minh.", "inspect", UNKNOWN),
        ("Quỹ Phòng thủ dân sự cấp tỉnh", UNKNOWN, UNKNOWN),
    ],
)
def test_first_verb_and_opening_verb(text, action, opening):
    assert (classify_action(text), opening_action(text)) == (action, opening)
