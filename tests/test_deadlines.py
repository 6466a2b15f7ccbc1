"""Deadline grammar: real phrases from the corpus and what they must normalise to.

The table (tests/data/deadline_phrases.tsv) holds sentences and table cells copied from the
corpus documents, with the expected due dates, ISO rhythms, "ongoing" or "none".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.deadlines import find_deadlines

DATA = Path(__file__).parent / "data" / "deadline_phrases.tsv"
VOCAB = Path(__file__).parent.parent / "parsers" / "data" / "time_words.json"


def _rows() -> list[tuple[str, str, str, str, str]]:
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header, *body = lines
    assert header.split("\t") == ["source", "mode", "issue_date", "expected", "text"]
    return [tuple(ln.split("\t")) for ln in body]  # type: ignore[misc]


ROWS = _rows()


def _tokens(deadlines) -> set[str]:
    out: set[str] = set()
    for d in deadlines:
        out.update(str(x) for x in d.due_dates)
        if d.recurrence:
            out.add(d.recurrence)
        if d.ongoing:
            out.add("ongoing")
    return out or {"none"}


def _issue(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def test_table_is_large_and_balanced():
    assert len(ROWS) >= 150
    negatives = [r for r in ROWS if r[3] == "none"]
    assert len(negatives) >= 50
    assert {r[1] for r in ROWS} == {"prose", "field"}
    assert len({(r[1], r[4]) for r in ROWS}) == len(ROWS), "duplicate phrases in the table"


@pytest.mark.parametrize(("source", "mode", "issue", "expected", "text"), ROWS, ids=[r[4][:60] for r in ROWS])
def test_phrase(source, mode, issue, expected, text):
    found = find_deadlines(text, issue_date=_issue(issue), time_field=mode == "field")
    assert _tokens(found) == set(expected.split()), f"{source}: {[d.text for d in found]}"


@pytest.mark.parametrize(("source", "mode", "issue", "expected", "text"), ROWS[:40], ids=[r[4][:40] for r in ROWS[:40]])
def test_phrase_inside_a_larger_text(source, mode, issue, expected, text):
    """A slice of a bigger document gives the same answer, with spans into the whole text."""
    before, after = "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2020;\n\n", "\n\nNơi nhận: Lưu VT."
    whole = before + text + after
    found = find_deadlines(
        whole, issue_date=_issue(issue), start=len(before), end=len(before) + len(text), time_field=mode == "field"
    )
    assert _tokens(found) == set(expected.split())
    for d in found:
        assert len(before) <= d.span_start <= d.span_end <= len(before) + len(text)
        assert whole[d.span_start : d.span_end] == d.text


# --- normalisation rules of the extraction guide, one phrase each ---------------------------

GUIDE = [
    ("trước ngày 30/6/2022", False, {"2022-06-30"}),
    ("chậm nhất ngày 30/6/2022", False, {"2022-06-30"}),
    ("trước ngày 30 tháng 6 năm 2022", False, {"2022-06-30"}),
    ("hoàn thành trước ngày 30-6-2022", False, {"2022-06-30"}),
    ("trong tháng 12/2022", False, {"2022-12-31"}),
    ("tháng 12 năm 2022", True, {"2022-12-31"}),
    ("quý I/2020", True, {"2020-03-31"}),
    ("trong quý IV năm 2022", False, {"2022-12-31"}),
    ("hoàn thành trong quý 2/2024", False, {"2024-06-30"}),
    ("trong 6 tháng đầu năm 2023", False, {"2023-06-30"}),
    ("trong 06 tháng cuối năm 2023", False, {"2023-12-31"}),
    ("vào năm 2025", False, {"2025-12-31"}),
    ("định kỳ 06 tháng", False, {"P6M"}),
    ("6 tháng một lần", False, {"P6M"}),
    ("hằng quý", False, {"P3M"}),
    ("hằng tháng", False, {"P1M"}),
    ("hằng tuần", False, {"P1W"}),
    ("hằng ngày", False, {"P1D"}),
    ("trước ngày 15/12 hằng năm", False, {"P1Y"}),
    ("năm 2025 và các năm tiếp theo", True, {"2025-12-31", "P1Y"}),
    ("Kịp thời", True, {"ongoing"}),
    ("Theo đúng tiến độ", True, {"ongoing"}),
    ("thực hiện trong giai đoạn 2021-2025", False, {"2025-12-31"}),
    ("Chương trình OCOP giai đoạn 2021 - 2025", False, {"none"}),
    ("Quyết định số 02/QĐ-HĐV ngày 09/9/2021", False, {"none"}),
    ("Quyết định số 02/QĐ-HĐV ngày 09/9/2021", True, {"none"}),
    ("dự toán ngân sách hằng năm", False, {"none"}),
    ("2025", False, {"none"}),
    ("năm 2025", False, {"none"}),
    ("Quyết định này có hiệu lực thi hành vào ngày 01/01/2026.", False, {"none"}),
    ("Triển khai Kế hoạch số hóa, đến năm 2030 hoàn thành số hóa hồ sơ", False, {"2030-12-31"}),
    ("Triển khai Kế hoạch số hóa đến năm 2030", False, {"none"}),
]


@pytest.mark.parametrize(("text", "field", "expected"), GUIDE, ids=[g[0] for g in GUIDE])
def test_guide_rule(text, field, expected):
    assert _tokens(find_deadlines(text, time_field=field)) == expected


def test_period_keeps_its_start():
    (d,) = find_deadlines("thực hiện trong giai đoạn 2021-2025", time_field=False)
    assert d.due_dates == [dt.date(2025, 12, 31)]
    assert d.start_date == dt.date(2021, 1, 1)
    assert d.text == "trong giai đoạn 2021-2025"


def test_range_in_a_time_field_is_one_deadline():
    (d,) = find_deadlines("Quý IV/2025 - Quý I/2026", time_field=True)
    assert d.due_dates == [dt.date(2026, 3, 31)]
    assert d.start_date == dt.date(2025, 10, 1)


def test_relative_deadline_counts_from_issue_date():
    text = "trong thời hạn 30 ngày kể từ ngày ký"
    (d,) = find_deadlines(text, issue_date=dt.date(2025, 11, 18))
    assert d.due_dates == [dt.date(2025, 12, 18)]
    (w,) = find_deadlines(
        "chậm nhất 05 ngày làm việc kể từ ngày ban hành Quyết định.", issue_date=dt.date(2025, 11, 21)
    )
    assert w.due_dates == [dt.date(2025, 11, 28)]  # Friday + 5 working days
    assert find_deadlines(text) == []  # nothing to count from


def test_yearless_day_without_rhythm_falls_after_issue_date():
    text = "báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12."
    (d,) = find_deadlines(text, issue_date=dt.date(2025, 11, 18))
    assert d.due_dates == [dt.date(2025, 12, 15)]
    (d,) = find_deadlines(text, issue_date=dt.date(2025, 12, 20))
    assert d.due_dates == [dt.date(2026, 12, 15)]


def test_yearless_month_and_quarter_are_the_next_ones():
    issue = dt.date(2025, 11, 18)
    assert _tokens(find_deadlines("Tháng 12", issue_date=issue, time_field=True)) == {"2025-12-31"}
    assert _tokens(find_deadlines("Hoàn thành trong tháng 12.", issue_date=issue)) == {"2025-12-31"}
    assert _tokens(find_deadlines("Quý I", issue_date=issue, time_field=True)) == {"2026-03-31"}
    assert _tokens(find_deadlines("tháng 12", issue_date=issue)) == {"none"}  # prose needs a cue
    (d,) = find_deadlines("08 tháng (từ tháng 3 đến tháng 10)", issue_date=issue, time_field=True)
    assert (d.start_date, d.due_dates) == (dt.date(2026, 3, 1), [dt.date(2026, 10, 31)])


def test_past_dates_in_prose_are_events_not_deadlines():
    text = "khẩn trương hoàn thành việc cập nhật trước ngày 30 tháng 10 năm 2025"
    assert find_deadlines(text, issue_date=dt.date(2025, 11, 20)) == []
    assert _tokens(find_deadlines(text, issue_date=dt.date(2025, 10, 1))) == {"2025-10-30"}


def test_spans_slice_back_and_line_breaks_are_gaps():
    text = "c) Thời gian thực hiện: Hoàn\nthành trong năm 2025.\n\nd) Thường xuyên, định kỳ hằng quý báo cáo."
    found = find_deadlines(text)
    assert [d.text for d in found] == ["Hoàn\nthành trong năm 2025", "định kỳ hằng quý"]
    for d in found:
        assert text[d.span_start : d.span_end] == d.text


def test_slice_bounds_are_respected():
    text = "Hoàn thành trong năm 2025. Hoàn thành trong năm 2026."
    found = find_deadlines(text, start=27)
    assert [d.due_dates for d in found] == [[dt.date(2026, 12, 31)]]
    assert find_deadlines(text, start=5, end=5) == []
    assert find_deadlines(text, start=100) == []


# --- the vocabulary file ---------------------------------------------------------------------


def _vocab() -> dict:
    return json.loads(VOCAB.read_text(encoding="utf-8"))


def test_vocabulary_is_canonical_and_sorted():
    raw = VOCAB.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    for kind in ("qualifier_nouns", "name_nouns"):
        words = [e["word"] for e in data[kind]]
        assert words == sorted(words) and len(set(words)) == len(words), kind
        assert all(e["examples"] for e in data[kind]), kind


@pytest.mark.parametrize("entry", _vocab()["recurrence_units"], ids=lambda e: e["word"])
def test_recurrence_unit_examples(entry):
    for example in entry["examples"]:
        assert entry["duration"] in _tokens(find_deadlines(example)), example


@pytest.mark.parametrize("entry", _vocab()["qualifier_nouns"], ids=lambda e: e["word"])
def test_qualifier_noun_examples_have_no_rhythm(entry):
    for example in entry["examples"]:
        assert entry["word"] in example.lower()
        assert not any(d.recurrence for d in find_deadlines(example)), example


@pytest.mark.parametrize("entry", _vocab()["name_nouns"], ids=lambda e: e["word"])
def test_name_noun_examples_are_no_deadline(entry):
    for example in entry["examples"]:
        assert entry["word"] in example.lower()
        assert find_deadlines(example) == [], example
        assert find_deadlines(example, time_field=True) == [], example


# --- robustness ------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "năm ",
        "2025",
        "quý IV/",
        "tháng 12",
        "/",
        "-",
        " hằng năm",
        "trước ngày ",
        "30/6/2022",
        "định kỳ 06 tháng",
        "giai đoạn 2021 - 2025",
        "Quy hoạch ",
        "“",
        "”",
        "\n- ",
        "**",
        "; ",
        "kể từ ngày ký",
        "trong thời hạn 30 ngày ",
        "Thời gian thực hiện: ",
        "thường xuyên",
        " và các năm tiếp theo",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=14).map("".join),
    st.integers(min_value=-3, max_value=80),
    st.one_of(st.none(), st.integers(min_value=-3, max_value=80)),
    st.booleans(),
    st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))),
)
def test_never_raises_and_spans_slice_back(text, start, end, field, issue):
    found = find_deadlines(text, issue_date=issue, start=start, end=end, time_field=field)
    lo = max(0, min(start, len(text) if end is None else max(0, min(end, len(text)))))
    for d in found:
        assert text[d.span_start : d.span_end] == d.text
        assert lo <= d.span_start <= d.span_end
        if end is not None:
            assert d.span_end <= max(end, 0)
