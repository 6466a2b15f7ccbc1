"""Fuzzing the readers and parser with hypothesis: random and damaged real documents.

``make test`` runs a few hundred cases; ``make fuzz`` (FUZZ_CASES=N, default 10000) runs
many more. No exception may escape (a reader's refusal is a ValueError naming the file),
every value must slice back to its text and every date be a valid ISO date.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import INSERTABLE, check_case, corpus_inputs, mutate

CASES = int(os.environ.get("FUZZ_CASES", "0"))
FAST = {"mutated": 60, "text": 200}  # cases in make test (a damaged document parses in ~0.15 s)
FUZZ_SETTINGS = {"deadline": None, "suppress_health_check": list(HealthCheck), "derandomize": not CASES}


@pytest.fixture(scope="module")
def inputs() -> list[tuple[str, bytes]]:
    return corpus_inputs()


def _cases(kind: str) -> int:
    return CASES // 2 if CASES else FAST[kind]


@settings(max_examples=_cases("mutated"), **FUZZ_SETTINGS)
@given(seed=st.integers(0, 2**32 - 1))
def test_damaged_real_documents(inputs, seed):
    rnd = random.Random(seed)
    name, data = rnd.choice(inputs)
    name, data, how = mutate(name, data, rnd)
    assert check_case(name, data) == [], f"{name} after {how} (seed {seed})"


# Vietnamese-looking text: pieces of real documents' vocabulary, numbers, dates and odd characters.
PIECES = st.sampled_from(
    [
        "Ủy ban nhân dân tỉnh ",
        "Sở Tài chính",
        " chủ trì",
        ", phối hợp với ",
        "Ban cấp",
        "cấp tỉnh",
        "\n",
        "Số: 12/QĐ-UBND",
        "ngày 31 tháng 02 năm 2026",
        "trước ngày 15/12/2026",
        "Quý II/2026",
        "hằng năm",
        "Điều 1.",
        "I. NHIỆM VỤ",
        "a) ",
        "- ",
        "\t",
        "Căn cứ Quyết định số 350/QĐ-TTg",
        "báo cáo ",
        "UBND",
        "2026",
        "01/",
        "/",
        "Phụ lục",
        ".",
        ";",
        ":",
        " ",
        "Chủ tịch",
        "KT. CHỦ TỊCH",
        "xã",
        "Hợp tác xã",
    ]
    + INSERTABLE
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=80).map("".join),
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)


@settings(max_examples=_cases("text"), **FUZZ_SETTINGS)
@given(text=TEXTS, suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_random_text(text, suffix):
    assert check_case("ngau-nhien" + suffix, text.encode("utf-8")) == []


@settings(max_examples=60 if not CASES else CASES // 20, **FUZZ_SETTINGS)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".docx", ".pdf"]))
def test_random_bytes(data, suffix):
    assert check_case("nhi-phan" + suffix, data) == []
