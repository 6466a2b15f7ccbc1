"""Identity of inputs, failures that replace stale documents, limits, links, and regressions of fuzzing crashes."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import unicodedata

import pytest

from parsers import parse_document
from parsers.models import Agency, AgencyMention, Citation, Metadata, ParsedDocument, SourceText
from parsers.sites import read_source
from parsers.text.decode import decode_bytes
from parsers.text.legacy_fonts import detect_and_convert, tcvn3_table, tcvn3_to_unicode, vni_table, vni_to_unicode
from pipeline import storage
from pipeline.ingest import Limits, ingest, iter_inputs, time_limit
from tests.bad_inputs import rows
from tests.conftest import CORPUS

DOC = CORPUS / "dak-lak__010-CT-UBND.txt"
OTHER = CORPUS / "ho-chi-minh__172-KH-UBND.txt"


# ---------------------------------------------------------------------------------------------
# Legacy font encodings, on real strings


def test_tcvn3_real_strings():
    assert tcvn3_to_unicode("Uû ban nh©n d©n") == "Uỷ ban nhân dân"  # the author's old-style "Uỷ"
    assert tcvn3_to_unicode("Së Tµi chÝnh chñ tr×, phèi hîp víi c¸c së, ban, ngµnh") == (
        "Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành"
    )
    assert tcvn3_to_unicode("§iÒu 1. Giao nhiÖm vô") == "Điều 1. Giao nhiệm vụ"


def test_vni_real_strings():
    assert vni_to_unicode("UÛY BAN NHAÂN DAÂN TÆNH ÑAÉK LAÉK") == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    assert vni_to_unicode("Sôû Taøi chính chuû trì, phoái hôïp vôùi caùc sôû, ban, ngaønh") == (
        "Sở Tài chính chủ trì, phối hợp với các sở, ban, ngành"
    )
    assert vni_to_unicode("Quyeát ñònh soá 350/QÑ-UBND") == "Quyết định số 350/QĐ-UBND"


def test_tables_are_data_files_covering_every_vietnamese_letter():
    letters = set("áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵ")
    assert letters <= set(tcvn3_table().values())
    assert letters | {c.upper() for c in letters} <= set(vni_table().values())


def test_round_trip_of_a_real_document_through_both_encodings():
    text = DOC.read_text(encoding="utf-8")[:4000]
    to_tcvn3 = {letter: chr(code) for code, letter in tcvn3_table().items()}
    to_vni = {letter: glyphs for glyphs, letter in vni_table().items()}
    lower = text.lower()  # TCVN3 has no capitals with marks: compare in lower case
    tcvn3 = "".join(to_tcvn3.get(c, c) for c in lower)
    assert detect_and_convert(tcvn3) == (lower, "TCVN3")
    vni = "".join(to_vni.get(c, c) for c in text)
    assert detect_and_convert(vni) == (text, "VNI")


def test_unicode_and_other_languages_are_never_converted():
    for text in (
        DOC.read_text(encoding="utf-8"),
        "Müller, Größe, Übung, Ärger, öffnen; " * 20,
        "Le président de la République a décidé à Paris; élève, été, où. " * 20,
        "© 2026 Cổng thông tin điện tử — Sở Tài chính × ½ ° ± " * 5,
    ):
        assert detect_and_convert(text) == (text, None)


def test_tcvn3_bytes_decode_and_are_flagged(tmp_path):
    unicode_text = DOC.read_text(encoding="utf-8")[:6000].lower()
    to_tcvn3 = {letter: chr(code) for code, letter in tcvn3_table().items()}
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("".join(to_tcvn3.get(c, c) for c in unicode_text).encode("latin-1"))
    source = read_source(path.name, path.read_bytes())
    assert source.hints["legacy_encoding"] == "TCVN3" and "ủy ban nhân dân tỉnh đắk lắk" in source.text
    ingest([path], tmp_path / "k.db")
    assert rows(tmp_path / "k.db", "SELECT legacy_encoding FROM documents") == [("TCVN3",)]


# ---------------------------------------------------------------------------------------------
# Decoding nearly-valid UTF-8


def test_a_few_damaged_bytes_do_not_lose_the_document():
    data = bytearray(DOC.read_bytes())
    for at in range(500, len(data), 2000):  # one byte in 2,000 overwritten
        data[at] = 0xFE
    text = decode_bytes(bytes(data), "x.txt")
    assert "Đắk Lắk" in text and 1 <= text.count("\ufffd") <= 3 * len(range(500, len(data), 2000))


def test_cut_inside_the_last_character():
    data = "Giao Sở Tài chính chủ trì".encode()
    assert decode_bytes(data[:-1], "x.txt") == "Giao Sở Tài chính chủ tr"


def test_windows_1258_is_still_read_as_windows_1258():
    text = "Quyết định số 350/QĐ-UBND"
    data = unicodedata.normalize("NFD", text).encode("cp1258", errors="ignore")
    assert "Quy" in decode_bytes(data, "x.txt") and "\ufffd" not in decode_bytes(data, "x.txt")


# ---------------------------------------------------------------------------------------------
# One input is one source


def test_one_file_is_one_source_however_its_path_is_spelled(tmp_path, monkeypatch):
    real = tmp_path / "that"
    real.mkdir()
    shutil.copy(DOC, real)
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "k.db"
    first = ingest([real], db)
    second = ingest([tmp_path / "link", "link/../that", "./that/" + DOC.name], db)
    assert len(first.ingested) == 1 and second.ingested == [] and len(second.skipped) == 1
    assert rows(db, "SELECT source FROM documents") == [(str((real / DOC.name).resolve()),)]
    assert len(list(iter_inputs([real, tmp_path / "link"]))) == 1


def test_a_file_that_turns_bad_loses_its_document_and_a_success_clears_the_failure(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "plan.txt"
    shutil.copy(DOC, path)
    db = tmp_path / "k.db"
    ingest([folder], db)
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    path.write_bytes(b"\x00\x01\x02\x03" * 100)  # the file is overwritten with junk
    ingest([folder], db)
    assert rows(db, "SELECT count(*) FROM documents") == [(0,)]  # no stale document beside the failure
    assert rows(db, "SELECT count(*) FROM tasks") == [(0,)]
    assert rows(db, "SELECT stage FROM failures") == [("read",)]
    shutil.copy(DOC, path)
    ingest([folder], db)
    assert rows(db, "SELECT count(*) FROM documents") == [(1,)]
    assert rows(db, "SELECT count(*) FROM failures") == [(0,)]


# ---------------------------------------------------------------------------------------------
# Limits per input


def test_time_limit_interrupts_a_document_and_names_the_option():
    with pytest.raises(ValueError, match="--max-seconds"), time_limit(0.2, "cham.txt"):
        while True:
            pass


def test_limits_refuse_with_the_option_that_raises_them(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(OTHER, folder / "a.txt")
    shutil.copy(DOC, folder / "b.txt")
    db = tmp_path / "k.db"
    report = ingest([folder], db, limits=Limits(max_bytes=OTHER.stat().st_size + 10))
    (failed,) = rows(db, "SELECT source, stage, error FROM failures")
    assert failed[0].endswith("b.txt") and failed[1] == "read" and "--max-size" in failed[2]
    assert len(report.ingested) == 1


def test_a_fifo_never_blocks(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    db = tmp_path / "k.db"
    report = ingest([fifo], db)  # would block forever if it were opened
    assert report.failed and "FIFO" in report.failed[0][2]


# ---------------------------------------------------------------------------------------------
# Agencies by name, citations by number and issuer


def _doc(source: str, province: str, number: str, mentions=(), citations=()) -> ParsedDocument:
    text = "x" * 200
    return ParsedDocument(
        source=source,
        site="plain_text",
        sha256=source,
        text=text,
        metadata=Metadata(number=number, province=province, issue_date=dt.date(2026, 1, 2)),
        mentions=list(mentions),
        citations=list(citations),
    )


def test_one_agency_name_is_one_agency_whatever_the_order(tmp_path):
    name = "Ban Quản lý dự án thành phố Cần Thơ"
    spellings = ["ban-quan-ly-du-an--can-tho", "ban-quan-ly-du-an-can-tho"]
    results = []
    for order in (spellings, spellings[::-1]):
        db = storage.open_db(tmp_path / f"{order[0]}.db")
        for i, aid in enumerate(order):
            mention = AgencyMention(agency=Agency(id=aid, name=name), surface="Ban", span_start=0, span_end=3)
            storage.save_document(db, _doc(f"d{i}.txt", "Cần Thơ", f"{i}/KH-UBND", mentions=[mention]))
        results.append(db.execute("SELECT count(*), count(DISTINCT agency_id) FROM agency_mentions").fetchone())
        assert db.execute("SELECT count(*) FROM agencies WHERE name = ?", [name]).fetchone() == (1,)
        db.close()
    assert results == [(2, 1), (2, 1)]


def test_citation_links_need_the_number_and_the_issuer(tmp_path):
    db = storage.open_db(tmp_path / "k.db")
    ct = storage.save_document(db, _doc("ct.txt", "Cần Thơ", "12/QĐ-UBND"))
    cm = storage.save_document(db, _doc("cm.txt", "Cà Mau", "12/QĐ-UBND"))
    central = storage.save_document(db, _doc("tw.txt", None, "5/2026/NĐ-CP"))

    def cite(number: str, issuer: str | None) -> Citation:
        return Citation(number=number, issuer=issuer, span_start=0, span_end=5)

    citing = storage.save_document(
        db,
        _doc(
            "citing.txt",
            "Cần Thơ",
            "99/KH-UBND",
            citations=[
                cite("12/QĐ-UBND", "Ủy ban nhân dân tỉnh Cà Mau"),
                cite("12/QĐ-UBND", "UBND thành phố"),
                cite("12/QĐ-UBND", None),
                cite("5/2026/NĐ-CP", "Chính phủ"),
                cite("12/QĐ-UBND", "UBND tỉnh Gia Lai"),
            ],
        ),
    )
    storage.link_citations(db)
    links = [
        r[0] for r in db.execute("SELECT cited_document_id FROM citations WHERE document_id = ? ORDER BY id", [citing])
    ]
    assert links == [cm, ct, ct, central, None]
    db.close()


# ---------------------------------------------------------------------------------------------
# Regressions of crashes fuzzing found


@pytest.mark.parametrize("text", ["Ban cấp", "Giao Ban cấp", "Ban của", "Ban cấp\n"])
def test_a_level_word_at_the_very_end(text):
    doc = parse_document(SourceText(source="x.txt", site="plain_text", text=text), "0" * 64)
    assert doc.text.strip() == text.strip()


def test_vbpl_listing_box_without_a_title():
    page = (
        '<html><body><div class="luocdo"><a class="jTips">Quyết định 12/QĐ-UBND</a></div>'
        '<div class="vbLienQuan"><table><tr></tr></table></div></body></html>'
    )
    # vbpl's markers, as the site's pages carry them
    data = page.replace("<body>", '<body><div id="vbpl">vbpl.vn</div>').encode()
    try:
        read_source("vbpl-vn__luocdo.html", data)
    except ValueError as error:
        assert "vbpl-vn__luocdo.html" in str(error)


def test_sonla_gazette_nested_issue_spans():
    page = (
        '<html><body><a href="/congbao.nsf/x"><span value="Số 47 Ngày 25/7/2026">Số 47'
        '<span value="Số 48 Ngày 26/7/2026">x</span></span></a>'
        '<span class="doc-notation">12/QĐ-UBND</span></body></html>'
    ).encode()
    try:
        read_source("congbao-sonla.html", page)
    except ValueError as error:
        assert "congbao-sonla.html" in str(error)


def test_a_word_file_with_a_damaged_part_is_one_clear_refusal():
    from tests.bad_inputs import _corrupt_docx

    with pytest.raises(ValueError, match="hong.docx: the Word document is damaged"):
        read_source("hong.docx", _corrupt_docx())
