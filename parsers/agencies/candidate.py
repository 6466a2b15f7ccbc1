"""One way to read a stretch of folded text as an agency (shared by the matchers)."""

from __future__ import annotations

from dataclasses import dataclass

from parsers.models import Agency


@dataclass(frozen=True)
class Candidate:
    start: int  # folded offsets
    end: int
    agency: Agency
    rank: int = 0  # on equal length: -1 list item, 0 reference entry, 1 named local body, 2 detector
    method: str = "reference"
    veto: bool = False  # a match the reference data refused: no agency, but no detector name either
    blocks: bool = False  # a list's head ("Các Sở:"): no agency, and nothing else read there
