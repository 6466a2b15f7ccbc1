"""The agency reference data: well formed, canonically formatted, and every example reads as its entry."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from parsers.agencies import find_agencies, find_recipients, resolve_agency
from parsers.agencies.data import KEY_ORDER, TAILS, abbreviations, compile_pattern, entries
from parsers.agencies.words import head_data
from parsers.lexicon.matching import fold_key, fold_tones, slug

KINDS = {
    "ministry", "central_body", "party", "people_committee", "people_council", "department", "board",
    "police", "military", "court", "procuracy", "bank", "tax", "treasury", "social_insurance", "mass_org",
    "media", "company", "university", "steering_committee", "office", "inspectorate", "audit", "customs",
    "statistics", "center", "council", "other",
}  # fmt: skip
LEVELS = {"central", "province", "district", "commune", "unknown"}
ABBREVIATION_KINDS = {"domain", "body", "role", "level", "place", "internal"}


def _raw(name: str):
    return json.loads(resources.files("parsers").joinpath(f"data/{name}").read_text("utf-8"))


def _text(name: str) -> str:
    return resources.files("parsers").joinpath(f"data/{name}").read_text("utf-8")


def _canonical(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


AGENCIES = _raw("agencies.json")
ENTRIES = {e.id: e for e in entries()}


def _province_for(entry) -> str | None:
    """A province whose level the entry's own level word names (its levelless forms count there)."""
    return {"tỉnh": "Nghệ An", "thành phố": "Cần Thơ"}.get(entry.level_word)


def _belongs(agency_id: str, entry_id: str) -> bool:
    # templated and foreign names extend the entry's id: "kho-bac-nha-nuoc-khu-vuc-xi", "uy-ban-nhan-dan-tinh--soc-trang"
    return agency_id == entry_id or agency_id.startswith(entry_id + "-")


@pytest.mark.parametrize("name", ["agencies.json", "abbreviations.json", "agency_heads.json"])
def test_files_are_in_canonical_formatting(name):
    assert _text(name) == _canonical(_raw(name))


def test_agencies_are_sorted_with_unique_slug_ids():
    ids = [e["id"] for e in AGENCIES]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i), i


@pytest.mark.parametrize("raw", AGENCIES, ids=lambda e: e["id"])
def test_entry_is_well_formed(raw):
    assert set(raw) <= set(KEY_ORDER) and {
        "id",
        "name",
        "kind",
        "level",
        "collective",
        "tail",
        "patterns",
        "examples",
    } <= set(raw)
    assert raw["kind"] in KINDS
    assert raw["level"] in LEVELS
    assert raw["tail"] in TAILS
    assert isinstance(raw["collective"], bool)
    assert raw["examples"], "every entry needs examples"
    for pattern in raw["patterns"] + raw.get("levelless", []):
        # patterns are written on folded text: lower case, new-style tone marks, no '&' or ','
        bare = re.sub(r"\{[^}]*\}", "", pattern)
        assert bare == fold_tones(bare.lower()), pattern
        assert not re.search(r"[&,]", bare), pattern
        compile_pattern(pattern)


@pytest.mark.parametrize(
    ("entry_id", "example"),
    [(e["id"], x) for e in AGENCIES for x in e["examples"]],
)
def test_every_example_resolves_to_its_entry(entry_id, example):
    entry = ENTRIES[entry_id]
    agency = resolve_agency(example, province=_province_for(entry))
    assert agency is not None, example
    assert _belongs(agency.id, entry_id), (example, agency)
    assert agency.collective == entry.collective


@pytest.mark.parametrize("raw", [e for e in AGENCIES if "{" not in e["name"]], ids=lambda e: e["id"])
def test_the_canonical_name_reads_as_itself(raw):
    agency = resolve_agency(raw["name"], province=_province_for(ENTRIES[raw["id"]]))
    assert agency is not None and agency.id == raw["id"] and agency.name == raw["name"]


def test_ids_are_slugs_of_names_or_of_their_abbreviations():
    # "cong-ttdt-chinh-phu", "ban-chi-dao-khcn-dmst-cds-tinh": long names go by their abbreviations
    allowed = {slug(a["abbr"]) for a in abbreviations()} | {
        "khcn",
        "dmst",
        "cds",
        "khxh",
        "lhpn",
        "hcm",
        "ma",
        "so",
        "tinh",
    }
    for raw in AGENCIES:
        words = set(slug(raw["name"].replace("{", "").replace("}", "")).split("-"))
        assert set(raw["id"].split("-")) - words <= allowed, raw["id"]


def test_abbreviations_are_sorted_and_well_formed():
    keys = [(a["abbr"].casefold(), a["kind"]) for a in abbreviations()]
    assert keys == sorted(keys)
    for a in abbreviations():
        assert a["kind"] in ABBREVIATION_KINDS
        assert a["expansion"] and a["examples"]


def _glued(text: str) -> str:
    return re.sub(r"[\s.]|và", "", fold_key(text))


@pytest.mark.parametrize(("abbr", "example"), [(a["abbr"], x) for a in abbreviations() for x in a["examples"]])
def test_every_abbreviation_example_contains_it(abbr, example):
    # abbreviations are often glued to others ("TTgCP", "BCHPTDS", "TTTU")
    entry = next(a for a in abbreviations() if a["abbr"] == abbr and example in a["examples"])
    assert any(_glued(form) in _glued(example) for form in (abbr, *entry.get("variants", []))), (abbr, example)


@pytest.mark.parametrize(
    ("abbr", "expansion", "example"),
    [(a["abbr"], a["expansion"], x) for a in abbreviations() if a["kind"] in ("domain", "body") for x in a["examples"]],
)
def test_abbreviations_of_names_expand_in_the_agencies_found(abbr, expansion, example):
    mentions = [
        m
        for p in (None, "Nghệ An", "Hồ Chí Minh")  # levelless names ("VPUB") read in a document of a level
        for m in find_agencies(example, province=p, detector=False)
        + find_recipients(f"Nơi nhận: - {example};", province=p)
    ]
    names = fold_key(" | ".join(m.agency.name for m in mentions)).replace(" và ", " ")
    assert fold_key(expansion).replace(" và ", " ") in names, (abbr, example, names)


@pytest.mark.parametrize(
    "example", [x for a in abbreviations() if a["kind"] == "role" for x in a["examples"] if "Đ/c" not in x]
)
def test_a_role_abbreviation_stands_for_a_body(example):
    # in a province's document or a city's, whichever the example's level word says
    assert any(find_recipients(f"Nơi nhận: - {example};", province=p) for p in ("Nghệ An", "Hồ Chí Minh"))


@pytest.mark.parametrize("example", [x for a in abbreviations() if a["kind"] == "internal" for x in a["examples"]])
def test_internal_desks_are_no_agencies(example):
    assert find_recipients(f"Nơi nhận: - {example}") == []


def test_detector_heads_are_sorted_and_well_formed():
    heads = [h["head"] for h in head_data()["heads"]]
    assert heads == sorted(heads) and len(heads) == len(set(heads))
    assert head_data()["stop_words"] == sorted(head_data()["stop_words"])
    assert head_data()["stop_phrases"] == sorted(head_data()["stop_phrases"])
    for h in head_data()["heads"]:
        assert h["first"] in ("title", "any") and h["end"] in ("word", "level") and h["kind"] in KINDS


@pytest.mark.parametrize(("head", "example"), [(h["head"], x) for h in head_data()["heads"] for x in h["examples"]])
def test_every_detector_example_is_detected_whole(head, example):
    found = [(m.span_start, m.span_end, m.method) for m in find_agencies(example, province="Nghệ An")]
    assert found == [(0, len(example), "detector")], (head, example, found)
    assert find_agencies(example, province="Nghệ An", detector=False) != [(0, len(example), "detector")]
