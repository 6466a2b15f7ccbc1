"""The README's generated sections are current, and its first lines are the two commands."""

from __future__ import annotations

import pytest
from cogapp import Cog

from tests.conftest import ROOT


@pytest.mark.parametrize("name", ["README.md", "pipeline/datasette/metadata.yml"])
def test_generated_sections_are_up_to_date(name):
    status = Cog().main(["cog", "--check", str(ROOT / name)])
    assert status == 0, f"{name} is out of date: run `make readme`"


def test_first_lines_give_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:8]
    assert any(line.startswith("make ingest") for line in head)
    assert any(line.startswith("make test") for line in head)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
