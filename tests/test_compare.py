"""Comparing provinces: places after the 2025 merger, agency functions and successors, one
document once, plan families, the same task across provinces (against hand-labelled pairs),
and `kehoach compare`."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from parsers.agencies import find_agencies
from pipeline import storage
from pipeline.cli import main
from pipeline.compare import agencies, families
from pipeline.compare.places import NOWHERE, place_of, same_place
from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests" / "data" / "task_pairs.tsv"
FAMILY_71 = {"144/KH-UBND", "179/KH-UBND", "987/KH-UBND", "597/KH-UBND", "2610/QĐ-UBND", "2820/QĐ-UBND"}


def _rows(path: Path, sql: str, params=()) -> list[dict]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


# ---------------------------------------------------------------------------------------------
# Places: 63 units before 1 July 2025, 34 after (vietnamadminunits).
# ---------------------------------------------------------------------------------------------
HUE = ["Thừa Thiên Huế", "TT Huế", "tỉnh Thừa Thiên Huế", "thành phố Huế", "Huế", "Thừa Thiên - Huế"]


@pytest.mark.parametrize("written", HUE)
def test_every_way_of_writing_hue_is_one_place(written):
    assert place_of(written, "2021-11-11") == ("46", "Huế", "46")


@pytest.mark.parametrize(
    "written, issued, code, unit_2025, code_2025",
    [
        # 63-unit names: the code of the time, the unit they merged into
        ("Bắc Giang", "2024-05-01", "24", "Bắc Ninh", "24"),
        ("Bắc Ninh", "2024-05-01", "27", "Bắc Ninh", "24"),
        ("Quảng Bình", "2023-01-10", "44", "Quảng Trị", "44"),
        ("Hà Giang", "2022-03-01", "02", "Tuyên Quang", "08"),
        ("Sóc Trăng", "2024-12-01", "94", "Cần Thơ", "92"),
        ("Bà Rịa - Vũng Tàu", "2021-06-30", "77", "Hồ Chí Minh", "79"),
        ("Tiền Giang", "2025-06-30", "82", "Đồng Tháp", "82"),
        ("Đăk Nông", "2020-01-01", "67", "Lâm Đồng", "68"),
        # 34-unit names after the merger: their new code
        ("Bắc Ninh", "2025-11-24", "24", "Bắc Ninh", "24"),
        ("Đồng Tháp", "2025-11-27", "82", "Đồng Tháp", "82"),
        ("Lào Cai", None, "15", "Lào Cai", "15"),
        ("Thành phố Hồ Chí Minh", "2025-11-19", "79", "Hồ Chí Minh", "79"),
        ("Hà Nội", "2025-11-17", "01", "Hà Nội", "01"),
        ("Cần Thơ", "2025-11-24", "92", "Cần Thơ", "92"),
    ],
)
def test_places_before_and_after_the_merger(written, issued, code, unit_2025, code_2025):
    assert place_of(written, issued) == (code, unit_2025, code_2025)


def test_central_bodies_and_unknown_names_have_no_place():
    assert place_of(None) == place_of("") == place_of("Không phải tỉnh nào") == NOWHERE
    assert same_place("Tiền Giang", "Đồng Tháp") and not same_place("Huế", "Đà Nẵng")


def test_documents_carry_their_place_after_2025(sample_db):
    rows = _rows(sample_db, "SELECT number, province, province_code, province_2025 FROM documents")
    by_number = {r["number"]: r for r in rows}
    assert by_number["350/QĐ-UBND"]["province"] == "Thừa Thiên Huế"
    assert by_number["350/QĐ-UBND"]["province_2025"] == by_number["33/2025/NQ-HĐND"]["province_2025"] == "Huế"
    assert by_number["144/KH-UBND"]["province_code"] == "24"
    assert by_number["380/NQ-CP"]["province_2025"] is None  # central body
    assert all(r["province_2025"] for r in rows if r["province"])


# ---------------------------------------------------------------------------------------------
# Agency functions and the successor table.
# ---------------------------------------------------------------------------------------------
def test_function_is_the_same_in_every_province():
    assert agencies.function_of("Sở Tài chính") == "finance"
    assert agencies.function_of("Ủy ban nhân dân thành phố Hà Nội") == agencies.function_of("Ủy ban nhân dân tỉnh")
    assert agencies.function_of("Công an thành phố") == agencies.function_of("Công an tỉnh") == "police"
    assert agencies.function_of("Ban Quản lý Khu kinh tế Phú Yên") == "economic_zone_board"


@pytest.mark.parametrize(
    "old, now",
    [
        ("Sở Kế hoạch và Đầu tư", ["Sở Tài chính"]),
        ("Sở Giao thông vận tải", ["Sở Xây dựng"]),
        ("Sở Nông nghiệp và Phát triển nông thôn", ["Sở Nông nghiệp và Môi trường"]),
        ("Sở Tài nguyên và Môi trường", ["Sở Nông nghiệp và Môi trường"]),
        ("Sở Thông tin và Truyền thông", ["Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"]),
        (
            "Sở Lao động - Thương binh và Xã hội",
            ["Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường"],
        ),
        ("Ban Dân tộc", ["Sở Dân tộc và Tôn giáo"]),
        ("Sở Tài chính", ["Sở Tài chính"]),
        ("Sở Y tế", ["Sở Y tế"]),
    ],
)
def test_who_carries_the_work_now(old, now):
    assert agencies.current_bodies(old) == now


def test_successor_rows_are_complete_and_their_examples_name_the_old_body():
    rows = agencies.successor_rows()
    assert len(rows) >= 10
    listed = {n for f in agencies.functions().values() for n in f["names"]}
    for row in rows:
        assert row["old"] in listed and row["new"] in listed, row
        assert row["old_function"] in agencies.functions() and row["new_function"] in agencies.functions()
        assert row["share"] in ("whole", "part") and (row["share"] == "whole") == (not row["scope"])
        assert "45/2025/NĐ-CP" in row["basis"] and row["effective"] == "2025-03-01"
        assert row["examples"], row
        for example in row["examples"]:
            # The example names the old body; where the extractor knows it, it reads it as that body.
            assert example.startswith(row["old"]), example
            named = [m.agency.name for m in find_agencies(example)]
            assert not named or agencies.function_of(named[0]) == row["old_function"], (example, named)
            assert row["new"] in agencies.current_bodies(named[0] if named else row["old"])


def test_seed_plan_planning_department_tasks_go_to_finance(sample_db):
    rows = _rows(
        sample_db,
        """SELECT DISTINCT current_agency, legal_basis, effective_date FROM current_agency_view
           WHERE number = '350/QĐ-UBND' AND agency = 'Sở Kế hoạch và Đầu tư' AND role = 'lead'""",
    )
    assert [r["current_agency"] for r in rows] == ["Sở Tài chính"]
    assert "45/2025/NĐ-CP" in rows[0]["legal_basis"]
    unchanged = _rows(
        sample_db,
        "SELECT count(*) AS n FROM current_agency_view WHERE agency = 'Sở Y tế' AND current_agency != 'Sở Y tế'",
    )
    assert unchanged == [{"n": 0}]


# ---------------------------------------------------------------------------------------------
# One document, once.
# ---------------------------------------------------------------------------------------------
def _documents(db_path: Path) -> list[dict]:
    return _rows(
        db_path,
        "SELECT id, number, source, (SELECT count(*) FROM tasks WHERE document_id = d.id) AS tasks FROM documents d",
    )


def test_the_same_file_under_two_names_and_a_reformatted_copy_count_once(tmp_path):
    src = ROOT / "corpus" / "can-tho__2610-QD-UBND.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "a__2610.txt")
    shutil.copy(src, folder / "b__2610-copy.txt")  # byte-identical, another name
    text = src.read_text(encoding="utf-8")
    (folder / "c__2610-reflowed.txt").write_text("\n\n".join(text.split("\n")) + "\n", encoding="utf-8")
    db_path = tmp_path / "k.db"
    report = ingest([folder], db_path)
    assert len(_documents(db_path)) == 1
    sources = _rows(db_path, "SELECT source, kept, reason FROM document_sources ORDER BY source")
    assert [(Path(s["source"]).name, s["kept"]) for s in sources] == [
        ("a__2610.txt", 1),
        ("b__2610-copy.txt", 0),
        ("c__2610-reflowed.txt", 0),
    ]
    assert {s["reason"] for s in sources if not s["kept"]} <= {"same text", "same number and issuer"}
    assert len(report.duplicates) == 2
    again = ingest([folder], db_path)  # duplicates are not parsed again
    assert sorted(again.skipped) == sorted(
        str(folder / n) for n in ("a__2610.txt", "b__2610-copy.txt", "c__2610-reflowed.txt")
    )


@pytest.mark.parametrize("order", ["partial first", "full first"])
def test_the_copy_with_more_tasks_is_kept(tmp_path, order):
    src = ROOT / "corpus" / "dong-thap__597-KH-UBND.txt"
    lines = src.read_text(encoding="utf-8").splitlines()
    partial, full = tmp_path / "partial.txt", tmp_path / "full.txt"
    partial.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    shutil.copy(src, full)
    db_path = tmp_path / "k.db"
    first, second = (partial, full) if order == "partial first" else (full, partial)
    ingest([first], db_path)
    first_id = _documents(db_path)[0]["id"]
    ingest([second], db_path)
    docs = _documents(db_path)
    assert len(docs) == 1 and docs[0]["id"] == first_id  # the document keeps its id
    assert docs[0]["source"] == str(full) and docs[0]["tasks"] == 64
    kept = _rows(db_path, "SELECT source, kept, reason FROM document_sources ORDER BY kept")
    assert [(k["source"], k["kept"]) for k in kept] == [(str(partial), 0), (str(full), 1)]
    assert kept[0]["reason"] == "same number and issuer"


def test_same_number_of_another_issuer_or_year_is_another_document():
    from pipeline.compare.dedup import identity, same_day

    assert identity("144/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh") != identity(
        "144/KH-UBND", "Ủy ban nhân dân tỉnh Đồng Nai"
    )
    assert not same_day("2021-11-11", "2023-11-11") and same_day(None, "2023-11-11")


# ---------------------------------------------------------------------------------------------
# Plan families.
# ---------------------------------------------------------------------------------------------
def test_the_71_family_holds_the_six_plans_by_province_and_date(sample_db):
    members = _rows(
        sample_db,
        "SELECT number, province_2025, issue_date, relation FROM family_view WHERE family_number = '71/NQ-CP'",
    )
    assert {m["number"] for m in members} >= FAMILY_71
    assert {m["relation"] for m in members if m["number"] == "987/KH-UBND"} == {"implements"}
    family = _rows(sample_db, "SELECT * FROM plan_families WHERE number = '71/NQ-CP'")
    assert len(family) == 1 and family[0]["cited_document_id"] is None  # cited, not in the database
    assert family[0]["provinces"] >= 6


def test_family_rules():
    def cite(i, doc, number, relation, kind="Nghị quyết", issuer="Chính phủ"):
        return {
            "id": i,
            "document_id": doc,
            "number": number,
            "number_key": number.upper(),
            "relation": relation,
            "doc_kind": kind,
            "issuer": issuer,
            "issue_date": None,
            "title": None,
            "cited_document_id": None,
        }

    grouped = families.group(
        [
            cite(1, 10, "71/NQ-CP", "basis"),
            cite(2, 11, "71/NQ-CP", "implements"),
            cite(3, 10, "17/KH-UBND", "basis", "Kế hoạch", "UBND tỉnh"),
            cite(4, 11, "17/KH-UBND", "basis", "Kế hoạch", "UBND tỉnh"),
            cite(5, 10, "72/2025/QH15", "basis", "Luật", "Quốc hội"),
            cite(6, 11, "45/2025/NĐ-CP", "basis", "Nghị định"),
        ],
        {10: "Bắc Ninh", 11: "Đồng Nai"},
    )
    assert set(grouped) == {"71/NQ-CP", "17/KH-UBND@Bắc Ninh", "17/KH-UBND@Đồng Nai"}
    assert grouped["71/NQ-CP"].members == {
        10: {"relation": "basis", "citation_id": 1},
        11: {"relation": "implements", "citation_id": 2},
    }


# ---------------------------------------------------------------------------------------------
# The same task across provinces, against the hand-labelled pairs of the 71/NQ-CP family.
# ---------------------------------------------------------------------------------------------
def _labelled_pairs() -> list[dict]:
    with PAIRS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_labelled_pairs_are_enough_and_mixed():
    pairs = _labelled_pairs()
    labels = [p["same"] for p in pairs]
    assert len(pairs) >= 150 and labels.count("1") >= 50 and labels.count("0") >= 80
    assert all(p["a_province"] != p["b_province"] and p["a_text"] and p["b_text"] for p in pairs)
    assert {p["a_number"] for p in pairs} | {p["b_number"] for p in pairs} <= FAMILY_71


def test_stored_task_links_reach_the_precision_and_recall_floor(sample_db):
    rows = _rows(
        sample_db,
        """SELECT cm.cluster_id, cm.task_id, d.province, t.text FROM task_cluster_members cm
           JOIN plan_families f ON f.id = cm.family_id AND f.number = '71/NQ-CP'
           JOIN tasks t ON t.id = cm.task_id JOIN documents d ON d.id = t.document_id""",
    )
    clusters: dict[tuple[str, str], set[int]] = {}
    for r in rows:
        clusters.setdefault((r["province"], " ".join(r["text"].split())), set()).add(r["cluster_id"])

    def cluster_of(province: str, text: str) -> set[int] | None:
        # the labelled text, or the stored task that holds it / it holds (extraction may trim a task)
        if (province, text) in clusters:
            return clusters[(province, text)]
        near = [c for (p, t), c in clusters.items() if p == province and (text in t or (len(t) > 40 and t in text))]
        return near[0] if len(near) == 1 else None

    tp = fp = fn = scored = 0
    for pair in _labelled_pairs():
        a, b = cluster_of(pair["a_province"], pair["a_text"]), cluster_of(pair["b_province"], pair["b_text"])
        if a is None or b is None:
            continue  # a text no longer extracted as a task
        scored += 1
        linked, same = bool(a & b), pair["same"] == "1"
        tp, fp, fn = tp + (linked and same), fp + (linked and not same), fn + (same and not linked)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert scored >= 150, scored
    assert precision >= 0.85 and recall >= 0.85, (precision, recall, scored)


def test_links_join_provinces_only_and_carry_scores(sample_db):
    bad = _rows(
        sample_db,
        """SELECT count(*) AS n FROM task_links l JOIN tasks a ON a.id = l.task_id JOIN tasks b ON b.id = l.other_task_id
           JOIN documents da ON da.id = a.document_id JOIN documents db ON db.id = b.document_id
           WHERE da.province_2025 = db.province_2025 OR l.score < 0.43 OR l.score > 1.0001""",
    )
    assert bad == [{"n": 0}]


# ---------------------------------------------------------------------------------------------
# kehoach compare
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def compared(sample_db, tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    db_path = folder / "k.db"
    shutil.copy(sample_db, db_path)
    db = storage.open_db(db_path)
    doc_id = db.execute("SELECT id FROM documents WHERE number = '2610/QĐ-UBND'").fetchone()[0]
    db.execute("UPDATE tasks SET text = text || ' <script>alert(1)</script>' WHERE document_id = ?", [doc_id])
    db.conn.commit()
    db.close()
    result = CliRunner().invoke(
        main, ["compare", "--db", str(db_path), "--family", "71/nq-cp", "--out", str(folder / "out")]
    )
    assert result.exit_code == 0, result.output
    return folder / "out", result


def test_compare_writes_the_report_and_csvs(compared):
    out, result = compared
    # six provincial plans and one central decision (trung-uong__2629-QD-TTg) cite 71/NQ-CP
    assert "compare: aligning" in result.output and "7 provinces" in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'class="kh-gap"' in html and "Nhiệm vụ chỉ có ở một tỉnh/thành" in html and "<svg" in html
    assert "http://" not in html and "https://" not in html  # self-contained
    for name in ("matrix.csv", "functions.csv", "timeline.csv", "only_one_province.csv"):
        raw = (out / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
    with (out / "functions.csv").open(encoding="utf-8-sig") as fh:
        table = list(csv.DictReader(fh))
    science = next(r for r in table if r["mã chức năng"] == "science_technology")
    assert int(science["Đồng Nai"]) > 0 and int(science["Bắc Ninh"]) > 0


def test_compare_by_province_and_bad_requests(compared, sample_db, tmp_path):
    result = CliRunner().invoke(
        main,
        ["compare", "--db", str(sample_db), "--province", "TT Huế", "--province", "Nghệ An", "--out", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "350/QĐ-UBND" in html and "987/KH-UBND" in html
    none = CliRunner().invoke(main, ["compare", "--db", str(sample_db), "--family", "999/NQ-CP"])
    assert none.exit_code != 0 and "no document matches" in none.output
    assert CliRunner().invoke(main, ["compare", "--db", str(sample_db)]).exit_code != 0
