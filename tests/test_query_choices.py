"""Canned-query parameters as analysts type them, and the values each can take (pure, and on the
sample database); the display order that keeps the lead and deadline columns on the first screen."""

from __future__ import annotations

import sqlite3

import pytest
import yaml

from pipeline import page_layout, query_choices, serve
from pipeline.query_choices import agency_words, function_code, iso_date, quarter_number, role_code, same_province
from pipeline.schema import TABLES, TITLES, VIEWS

QUERIES = yaml.safe_load(serve.METADATA.read_text(encoding="utf-8"))["databases"]["kehoach"]["queries"]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("lead", "lead"),
        ("chủ trì", "lead"),
        ("Chủ trì", "lead"),
        ("chu tri", "lead"),
        ("lead (chủ trì)", "lead"),
        ("phối hợp", "coordinate"),
        ("phoi hop voi", "coordinate"),
        ("báo cáo", "report_to"),
        ("report_to", "report_to"),
        ("giám sát", "giám sát"),  # not a role: kept, so it matches nothing and the page says so
    ],
)
def test_roles_read_as_codes_or_vietnamese(typed, code):
    assert role_code(typed) == code


@pytest.mark.parametrize(
    "typed", ["science_technology", "Khoa học và Công nghệ", "khoa hoc va cong nghe", "Sở Khoa học và Công nghệ"]
)
def test_agency_functions_read_as_keys_or_labels(typed):
    assert function_code(typed) == "science_technology"


@pytest.mark.parametrize(
    ("province", "typed", "same"),
    [
        ("Hà Nội", "Thành phố Hà Nội", True),
        ("Hà Nội", "TP Hà Nội", True),
        ("Hà Nội", "ha noi", True),
        ("Thừa Thiên Huế", "TT Huế", True),
        ("Thừa Thiên Huế", "Huế", True),  # renamed in 2025, same province
        ("Huế", "tỉnh Thừa Thiên Huế", True),
        ("Hồ Chí Minh", "Thành phố Hồ Chí Minh", True),
        ("Bắc Giang", "Bắc Ninh", False),  # merged in 2025, but a province typed means itself
        ("Hà Nội", "Hải Phòng", False),
        ("Thử Nghiệm", "thu nghiem", True),  # unknown to the library: the same words
        ("Hà Nội", "Atlantis", False),
        ("Hà Nội", "", False),
    ],
)
def test_provinces_match_however_they_are_written(province, typed, same):
    assert same_province(province, typed) is same


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("30/6/2025", "2025-06-30"), ("30/06/2025", "2025-06-30"), ("2025-6-30", "2025-06-30"), ("31/2/2025", None)],
)
def test_dates_read_dd_mm_yyyy_or_iso(typed, iso):
    assert iso_date(typed) == iso


@pytest.mark.parametrize(("typed", "number"), [("2", "2"), ("quý II", "2"), ("Quý 4", "4"), ("Q1", "1"), ("", "")])
def test_quarters(typed, number):
    assert quarter_number(typed) == number


def test_agency_names_expand_abbreviations():
    assert agency_words("Sở KH&ĐT") == "so ke hoach va dau tu"


def test_every_parameter_of_every_canned_query_has_its_choices():
    for name, query in QUERIES.items():
        for param in query["params"]:
            assert query_choices.choice(name, param) is not None, (name, param)


@pytest.fixture(scope="module")
def conn(sample_db):
    with sqlite3.connect(sample_db) as connection:
        yield connection


def test_choices_come_from_the_database(conn):
    """Each parameter offers values, and they are the values the database holds."""
    for name, query in QUERIES.items():
        for field in query_choices.form_fields(conn, name, dict.fromkeys(query["params"], "")):
            assert field["options"], (name, field["name"])
            assert not field["unknown"]
    provinces = {v for v, _ in query_choices.choice("recurring_reports", "province").options(conn)}
    assert provinces == {r[0] for r in conn.execute("SELECT DISTINCT province FROM documents WHERE province != ''")}
    families = [v for v, _ in query_choices.choice("family_matrix", "family").options(conn)]
    assert families[0] == "71/NQ-CP"  # the family with the most provinces first
    roles = dict(query_choices.choice("tasks_of_agency", "role").options(conn))
    assert roles == {"lead": "chủ trì", "coordinate": "phối hợp", "report_to": "báo cáo"}


def test_values_that_match_nothing_are_named(conn):
    assert query_choices.unmatched(conn, "recurring_reports", {"province": "Atlantis"}) == ["province"]
    assert query_choices.unmatched(conn, "recurring_reports", {"province": "Thành phố Hà Nội"}) == []
    assert query_choices.unmatched(conn, "tasks_of_agency", {"agency": "Sở KH&ĐT", "role": "chủ trì"}) == []
    assert query_choices.unmatched(conn, "tasks_of_agency", {"agency": "Bộ Phép thuật", "role": "giám sát"}) == [
        "agency",
        "role",
    ]
    assert query_choices.unmatched(conn, "family_matrix", {"family": "71/nq-cp"}) == []
    assert query_choices.unmatched(conn, "family_matrix", {"family": "99/NQ-CP"}) == ["family"]
    assert query_choices.unmatched(conn, "tasks_due_by", {"date": "mai"}) == ["date"]


def test_a_closed_choice_selects_the_option_a_label_names(conn):
    [agency, role] = query_choices.form_fields(conn, "tasks_of_agency", {"agency": "ke hoach", "role": "chủ trì"})
    assert role["closed"] and role["selected"] == "lead"
    assert not agency["closed"] and agency["value"] == "ke hoach"


def test_an_empty_result_says_why(conn):
    unknown = query_choices.form_fields(conn, "recurring_reports", {"province": "Atlantis"})
    assert "«Atlantis»" in query_choices.empty_result_note(unknown, submitted=True)
    known = query_choices.form_fields(conn, "tasks_due_in_period", {"year": "2022", "quarter": "1"})
    note = query_choices.empty_result_note(known, submitted=True)
    assert "year = «2022»" in note and "no row matches them all together" in note
    fresh = query_choices.form_fields(conn, "family_matrix", {"family": ""})
    assert "choose" in query_choices.empty_result_note(fresh, submitted=False)


def test_lead_and_deadline_columns_come_before_long_text():
    names = ["task_id", "provenance", "province", "number", "section", "text", "lead", "coordinators"]
    names += ["report_to", "due_dates", "first_due", "due_year", "recurrence", "deadline_text", "title"]
    shown = [names[i] for i in page_layout.display_order(names)]
    assert shown[:10] == [
        "task_id",
        "provenance",
        "province",
        "number",
        "section",
        "lead",
        "due_dates",
        "first_due",
        "recurrence",
        "deadline_text",
    ]
    assert sorted(shown) == sorted(names)
    assert page_layout.display_order(["id", "name", "kind"]) == [0, 1, 2]


def test_long_text_is_clipped_with_the_whole_text_on_hover():
    text = "Sở Tài chính chủ trì <b>rà soát</b> " * 5
    clip = page_layout.clipped(text, "text")
    assert 'class="kh-clip"' in clip and "&lt;b&gt;" in clip and "<b>" not in clip
    assert page_layout.clipped("ngắn", "text") is None
    assert page_layout.clipped(text, "number") is None


def test_every_table_and_view_has_a_title_in_words():
    for name in [*TABLES, *VIEWS]:
        vietnamese, _, english = TITLES[name].partition(" — ")
        assert vietnamese and english and name not in (vietnamese, english), name
