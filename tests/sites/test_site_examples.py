"""Every saved example under tests/sites/<site>/ is read offline and compared with its expected JSON.

``<example>.expected.json`` holds the SourceText the reader must produce (or ``{"error": ...}``
for an input it must refuse). The folder name is the ``SITE`` of the reader that must be
chosen. A missing expected file is written from the current output and the test FAILS
until a person has reviewed it and run the tests again (juriscraper's example tests).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from parsers.sites import READERS, read_source, reader_for

HERE = Path(__file__).parent
EXPECTED_SUFFIX = ".expected.json"
EXAMPLES = sorted(
    p
    for p in HERE.glob("*/*")
    if p.is_file() and not p.name.endswith(EXPECTED_SUFFIX) and p.name != "README.md" and p.suffix != ".py"
)


def _actual(path: Path) -> dict:
    data = path.read_bytes()
    try:
        return read_source(path.name, data).model_dump(mode="json")
    except ValueError as error:
        return {"error": str(error)}


def _diff(expected: dict, actual: dict) -> str:
    lines = []
    for key in sorted(set(expected) | set(actual)):
        if expected.get(key) == actual.get(key):
            continue
        if key == "text":
            lines += difflib.unified_diff(
                expected.get(key, "").split("\n"),
                actual.get(key, "").split("\n"),
                "expected",
                "actual",
                lineterm="",
                n=1,
            )
        else:
            lines.append(f"{key}: expected {expected.get(key)!r}, got {actual.get(key)!r}")
    return "\n".join(lines[:80])


# Readers whose examples are kept elsewhere: OCR takes seconds a page, its examples have their own tests.
EXAMPLES_ELSEWHERE = {"scan": HERE.parent / "fixtures" / "ocr"}


@pytest.mark.parametrize("site", [r.SITE for r in READERS])
def test_every_registered_reader_has_a_saved_example(site):
    if site in EXAMPLES_ELSEWHERE:
        assert any(EXAMPLES_ELSEWHERE[site].iterdir()), site
        return
    examples = [p for p in EXAMPLES if p.parent.name == site]
    assert examples, f"reader {site!r} has no saved example in tests/sites/{site}/"
    assert any(p.with_name(p.name + EXPECTED_SUFFIX).exists() for p in examples)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example(path: Path):
    actual = _actual(path)
    if "error" not in actual:
        assert path.parent.name == reader_for(path.name, path.read_bytes()).SITE, "read by the wrong reader"
    expected_path = path.with_name(path.name + EXPECTED_SUFFIX)
    if not expected_path.exists():
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        pytest.fail(f"wrote {expected_path.relative_to(HERE)}: review it, then run the tests again")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert expected == actual, _diff(expected, actual)
