"""The shared vocabulary (``parsers/lexicon``): data files in canonical formatting, and every
example reads as its entry through the rules that use it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from parsers.agencies import find_agencies
from parsers.agencies.mentions import UNNAMED
from parsers.agencies.recipients import BLOCK_START
from parsers.citations import DOC_KIND, LISTED_DOCUMENT
from parsers.lexicon import markers, places, role_cues
from parsers.lexicon.document_types import DOCUMENT_TYPES, TYPE_CODES, USES, names, type_named
from parsers.lexicon.folding import fold
from parsers.metadata import DOC_TYPE_HEADING, SIGN_FOR, SIGNER_TITLES, parse_number
from parsers.tasks.roles import MentionIndex, coordinators, explicit_lead, report_targets
from parsers.tasks.shapes import NORMATIVE_TYPES

LEXICON_FILES = ["document_types.json", "markers.json", "role_cues.json"]


def _text(package: str, name: str) -> str:
    return resources.files(package).joinpath(f"data/{name}").read_text("utf-8")


@pytest.mark.parametrize(
    ("package", "name"),
    [("parsers.lexicon", n) for n in LEXICON_FILES] + [("parsers", "default_agencies.json")],
)
def test_data_files_are_in_canonical_formatting(package, name):
    text = _text(package, name)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


# --- document types ---------------------------------------------------------------------


def test_document_types_are_well_formed():
    assert len({t.name for t in DOCUMENT_TYPES}) == len(DOCUMENT_TYPES)
    codes = [c for t in DOCUMENT_TYPES for c in t.codes]
    assert len(codes) == len(set(codes)) == len(TYPE_CODES)
    for t in DOCUMENT_TYPES:
        assert t.examples, t.name
        assert set(t.uses) <= set(USES), t.name


@pytest.mark.parametrize(
    ("name", "example"), [(t.name, x) for t in DOCUMENT_TYPES for x in t.examples], ids=lambda v: str(v)
)
def test_every_document_type_example_reads_as_its_type(name, example):
    assert type_named(example).name == name


@pytest.mark.parametrize(("code", "name"), sorted(TYPE_CODES.items()))
def test_a_number_names_its_type_by_its_code(code, name):
    number = f"12-{code}/TW" if code == "KL" else f"12/{code}-UBND"  # party style: "149-KL/TW"
    assert parse_number(number)[1] == code
    assert type_named(number).name == name


@pytest.mark.parametrize("name", names("heading"))
def test_type_headings_open_a_title_block(name):
    assert DOC_TYPE_HEADING.match(name.upper() + " VỀ VIỆC BAN HÀNH")["type"] == name.upper()


@pytest.mark.parametrize("name", names("cited"))
def test_cited_kinds_are_read_before_a_number(name):
    assert DOC_KIND.search(f"thực hiện {name} số ")["kind"] == name


@pytest.mark.parametrize("name", names("listed"))
def test_listed_kinds_go_on_listing(name):
    assert LISTED_DOCUMENT.match(f"- {name} số 12/UBND-KT ngày 01/02/2025;")


def test_normative_types_are_the_laws_and_their_kin():
    assert {"luật", "bộ luật", "hiến pháp", "pháp lệnh", "nghị định", "thông tư",
                               "thông tư liên tịch", "văn bản hợp nhất"} == NORMATIVE_TYPES  # fmt: skip
    assert type_named("Kế hoạch số 144/KH-UBND").name.casefold() not in NORMATIVE_TYPES


# --- closing blocks -----------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "example"), markers.examples())
def test_every_closing_marker_example_is_read(kind, example):
    if kind == "recipients":
        assert BLOCK_START.match(example)
    elif kind == "signer_title":
        assert SIGNER_TITLES.search(example) and SIGNER_TITLES.findall(example)[-1].strip() in example
    else:
        m = SIGN_FOR.match(example)
        assert m and example.split(".")[0] in markers.SIGN_FOR_WORDS


def test_ambiguous_sign_for_words_are_left_out_of_page_markers():
    assert "Q" in markers.SIGN_FOR_WORDS and "Q" not in markers.UNAMBIGUOUS_SIGN_FOR_WORDS


# --- role cues ----------------------------------------------------------------------------


def _index(text: str) -> MentionIndex:
    return MentionIndex(text, find_agencies(text, province="Nghệ An"))


@pytest.mark.parametrize(("text", "agency"), role_cues.examples("lead"))
def test_lead_cues_make_the_lead(text, agency):
    chain = explicit_lead(_index(text), 0, len(text))
    assert chain is not None and [m.agency.name for m in chain.leads()] == [agency]


@pytest.mark.parametrize(("text", "agency"), role_cues.examples("coordinate"))
def test_coordinate_cues_make_coordinators(text, agency):
    assert agency in [m.agency.name for m in coordinators(_index(text), 0, len(text))]


@pytest.mark.parametrize(("text", "agency"), role_cues.examples("report_to"))
def test_report_cues_name_the_body_reported_to(text, agency):
    assert [m.agency.name for m in report_targets(_index(text), 0, len(text))] == [agency]


# --- places, folding, the unnamed lead --------------------------------------------------------


@pytest.mark.parametrize("place", places.places(), ids=lambda p: p.name)
def test_every_place_name_and_alias_finds_its_place(place):
    for written in (place.name, *place.aliases):
        assert places.find_place(written).name == place.name
        assert places.find_province(written.upper())["name"] == place.name


def test_provinces_are_read_once():
    assert places.places()[0].name == places._entries()[0]["name"]
    assert places._entries.cache_info().misses == 1


def test_the_search_folding_rule():
    assert fold("Sở Kế hoạch và Đầu tư") == fold("SỞ KẾ HOẠCH VÀ ÐẦU TƯ") == "so ke hoach va dau tu"


def test_the_unnamed_lead_is_reference_data():
    raw = json.loads(_text("parsers", "default_agencies.json"))["unnamed_lead"]
    assert (UNNAMED.id, UNNAMED.name, UNNAMED.collective) == (raw["id"], raw["name"], True)
