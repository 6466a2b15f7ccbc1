"""OCR text of scanned decisions: page numbers, cut sentences, misread item letters, rhythms
listed with their own days, and a garbled header number confirmed by the attached document.

Quoted from real documents: Lào Cai 11/2026/QĐ-UBND (OCR of a scan), Lào Cai 16/2026/QĐ-UBND
(OCR), Lào Cai 6795/SNNMT-KS (a PDF's text), Ninh Bình 162/2025/QĐ-UBND, Thủ tướng 2597/QĐ-TTg
and Sơn La 2954/QĐ-UBND (crawled text).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers import parse_document
from parsers.deadlines import find_deadlines
from parsers.own_number import confirmed_number
from parsers.sites import plain_text
from parsers.sites._ocr_lines import join_cut_sentences, relabel_marks
from parsers.sites._page_marks import drop_page_numbers

# 11/2026/QĐ-UBND: pages 7-9 lost their numbers to OCR, page 11's reads "1", page 18's sits
# right above the article that opens the page.
PAGES_WITH_GAPS = (
    "Căn cứ Nghị định số 144/2025/NĐ-CP của Chính phủ;\n\n2\n\nCăn cứ Nghị định số 85/2025/NĐ-CP;\n\n"
    "dựng trên địa bàn tỉnh Yên Bái;\n\n3\n\nø) Quyết định số 22/2023/QĐ-UBND;\n\n"
    "vị trí, hướng tuyến;\n\n5\n\n3. Ủy ban nhân dân cấp xã chấp thuận;\n\n"
    "nguồn vốn và khả năng cân đối vốn;\n\n6\n\n3. Điều chỉnh, dừng chủ trương, đầu tư\n\n"
    "thâm định thuộc người quyết định đầu tư theo thâm quyền được quy định tại Điều\n7 Quy định này.\n10\n\n"
    "2. Chủ đầu tư có trách nhiệm chuẩn bị và gửi 01 bộ hồ sơ qua mạng trực\n\n"
    "Quy định này không quá 05 ngày;\n1\n\nb) Đối với dự án nhóm B;\n\n"
    "định trực thuộc người quyết định đầu tư.\n12\n\nb) Sau khi cơ quan chuyên môn xây dựng;\n\n"
    "II, trừ nhà ở riêng lẻ và công trình quy định tại điểm b khoản này;\n13\n\nb) Ban Quản lý Khu kinh tế;\n\n"
    "hỗ trợ tái định cư;\n\n14\n\nb) Trường hợp cải tạo;\n\n"
    "dựng nhưng để xảy ra sai phạm nghiêm trọng hoặc buông lỏng quản lý.\n16\n\n"
    "2. Trách nhiệm của Ban Quản lý Khu kinh tế, Ban Quản lý các Khu công\nnghiệp:\n\n"
    "hợp công bố theo quy định.\n\n18\nĐiều 22. Quyết toán dự án hoàn thành\n1. Thẩm quyền phê duyệt quyết toán:\n"
)


def test_page_numbers_after_pages_that_lost_theirs_are_dropped():
    lines = drop_page_numbers(PAGES_WITH_GAPS).split("\n")
    assert [line for line in lines if line.strip().isdigit()] == ["1"]  # "11" misread: left as read
    cut = "dựng nhưng để xảy ra sai phạm nghiêm trọng hoặc buông lỏng quản lý."
    assert lines[lines.index(cut) + 1] == "2. Trách nhiệm của Ban Quản lý Khu kinh tế, Ban Quản lý các Khu công"
    assert lines[lines.index("Điều 22. Quyết toán dự án hoàn thành") - 1] == "hợp công bố theo quy định."


def test_an_article_after_a_page_number_opens_its_own_section():
    """Article 22 of 11/2026 was read as part of article 21 while page 18's number sat on it."""
    doc = _parse(PAGES_WITH_GAPS)
    assert any(s.label == "Điều 22" for s in doc.sections)


@pytest.mark.parametrize(
    ("above", "line", "expected"),
    [
        # 11/2026 Điều 4.3: c) read "&)"
        (
            "b) Đối với các dự án nhóm B, nhóm C sử dụng vốn đầu tư công do Ủy ban",
            "&) Đối với các dự án nhóm B, nhóm C sử dụng vốn đầu tư công do Ủy ban",
            "c) Đối với các dự án nhóm B, nhóm C sử dụng vốn đầu tư công do Ủy ban",
        ),
        # 11/2026 Điều 20.4: c) read "©)"
        (
            "b) Chấp hành các quyết định, kiến nghị xử lý của cơ quan quản lý về xây",
            "©) Chịu trách nhiệm khác theo quy định của pháp luật.",
            "c) Chịu trách nhiệm khác theo quy định của pháp luật.",
        ),
        # 11/2026 Điều 2.2: g) read "ø)", after e)
        (
            "e) Quyết định số 10/2021/QĐ-UBND ngày 22 tháng 6 năm 2021 của Ủy ban",
            "ø) Quyết định số 22/2023/QĐ-UBND ngày 06 tháng 9 năm 2023 của Ủy ban",
            "g) Quyết định số 22/2023/QĐ-UBND ngày 06 tháng 9 năm 2023 của Ủy ban",
        ),
    ],
)
def test_an_item_letter_read_as_a_mark_is_the_next_letter(above, line, expected):
    assert relabel_marks([above, "", line]) == [above, "", expected]


@pytest.mark.parametrize(
    "lines",
    [
        ["(1) Theo quy định tại Điều 59:", "©) Chịu trách nhiệm khác."],  # no lettered item above
        ["b) Chấp hành các quyết định;", "2. Trách nhiệm:", "©) Chịu trách nhiệm khác."],  # the list ended
        ["b) Chấp hành các quyết định;", "(*) Ghi chú: theo mẫu."],  # a bracketed note mark
    ],
)
def test_other_marks_stay(lines):
    assert relabel_marks(lines) == lines


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # 11/2026 Điều 20.2.c, a blank line in the middle of "quản lý"
        (
            [
                "của tháng cuối quý), hàng năm (trước ngày 10/12) hoặc đột xuất về công tác quản",
                "",
                "lý trật tự xây dựng trên địa bàn gửi Sở Xây dựng để tổng hợp báo cáo Ủy ban",
            ],
            True,
        ),
        # 6795/SNNMT-KS item 3 and item 4, the PDF's lines cut by blank lines
        (
            [
                "3 Khi khai thác khoáng sản phải ưu tiên áp dụng công nghệ tiên tiến, phù hợp với quy mô, "
                "đặc điểm từng mỏ, loại khoáng sản",
                "",
                "để thu hồi tối đa các loại khoáng sản được phép khai thác; nếu phát hiện khoáng sản mới",
            ],
            True,
        ),
        (
            [
                "4 Ưu tiên sử dụng công nghệ, thiết bị, vật liệu thân thiện với môi trường; thực hiện các giải "
                "pháp ngăn ngừa, giảm thiểu tác động xấu",
                "",
                "đến môi trường, cải tạo, phục hồi môi trường theo quy định của pháp luật",
            ],
            True,
        ),
        # a heading, then its first item: not one sentence
        (
            [
                "Điều 3. Chấp thuận vị trí, hướng tuyến, tống mặt bằng của dự án đầu tư",
                "",
                "1. Sở Xây dựng, Sở Nông nghiệp và Môi trường, Sở Công Thương theo",
            ],
            False,
        ),
        # a sentence ended: the next paragraph stays apart
        (
            [
                "dự án đầu tư xây dựng trong phạm vi địa giới đơn vị hành chính do mình quản lý.",
                "",
                "trừ các dự án quy định tại khoản 1",
            ],
            False,
        ),
    ],
)
def test_a_blank_line_inside_a_sentence_is_dropped(lines, joined):
    assert join_cut_sentences(lines) == ([lines[0], lines[2]] if joined else lines)


@pytest.mark.parametrize(
    ("text", "rhythm"),
    [
        # 11/2026 Điều 20.2.c and 20.3.đ
        (
            "c) Có trách nhiệm tổng hợp, báo cáo theo định kỳ hàng quý (trước ngày 20 của tháng cuối quý), "
            "hàng năm (trước ngày 10/12) hoặc đột xuất về công tác quản lý trật tự xây dựng",
            "P3M",
        ),
    ],
)
def test_rhythms_listed_with_their_own_days_give_the_shortest(text, rhythm):
    assert [d.recurrence for d in find_deadlines(text)] == [rhythm]


def test_rhythms_of_two_sentences_both_stay():
    found = find_deadlines("Báo cáo kết quả hằng tháng cho Sở Tài chính. Hằng năm tổ chức sơ kết.")
    assert [d.recurrence for d in found] == ["P1M", "P1Y"]


HEADER_11 = "Số: II /2026/QĐ-UBND Lào Cai, ngày 29 tháng 01 năm 2026"
ATTACHED_11 = (
    "(Ban hành Kèm theo Quyết định số 11 /2026/QĐ-UBND ngày 29tháng 01 năm 2026\ncủa Ủy ban nhân dân tỉnh Lào Cai)"
)


@pytest.mark.parametrize(
    ("header", "body", "issued", "number"),
    [
        (HEADER_11, ATTACHED_11, dt.date(2026, 1, 29), "11/2026/QĐ-UBND"),
        # 16/2026/QĐ-UBND and 162/2025/QĐ-UBND, their headers read: the same number again
        (
            "Số: 16 /2026/QĐ-UBND Lào Cai, ngày 25 tháng 02 năm 2026",
            "(Ban hành kèm theo Quyết định số 16 /2026/QĐ-UBND ngày 25 / 02 /2026",
            dt.date(2026, 2, 25),
            "16/2026/QĐ-UBND",
        ),
        (
            "Số: 162/2025/QĐ-UBND",
            "*(Ban hành kèm theo Quyết định số 162/2025/QĐ-UBND ngày 23/11/2025 của Ủy ban",
            dt.date(2025, 11, 23),
            "162/2025/QĐ-UBND",
        ),
        (
            "Số: 2597/QĐ-TTg",
            "*(Kèm theo Quyết định số 2597/QĐ-TTg ngày 27 tháng 11 năm 2025 của Thủ tướng",
            dt.date(2025, 11, 27),
            "2597/QĐ-TTg",
        ),
        # not certain: another date, another code, digits that read otherwise, no date at all
        (HEADER_11, ATTACHED_11, dt.date(2026, 1, 30), None),
        (HEADER_11, ATTACHED_11.replace("QĐ-UBND", "QĐ-CT"), dt.date(2026, 1, 29), None),
        (HEADER_11.replace("II", "I2"), ATTACHED_11, dt.date(2026, 1, 29), None),
        (HEADER_11, ATTACHED_11, None, None),
    ],
)
def test_a_garbled_number_is_read_from_the_attached_documents_reference(header, body, issued, number):
    assert confirmed_number(header, body, issued) == number


def _parse(body: str, header: str = HEADER_11):
    text = (
        "ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH LÀO CAI Độc lập - Tự do - Hạnh phúc\n"
        f"{header}\nQUYÉT ĐỊNH\n\nBan hành Quy định một số nội dung về quản lý đầu tư\n"
        "và xây dựng trên địa bàn tỉnh Lào Cai\n\n" + body
    )
    return parse_document(plain_text.read("lao-cai__11-2026-QD-UBND.txt", text.encode()), "0" * 64)


@pytest.fixture(scope="module")
def decision_11():
    path = Path(__file__).parent.parent / "corpus" / "lao-cai__11-2026-QD-UBND.txt"
    return parse_document(plain_text.read(path.name, path.read_bytes()), "0" * 64)


def test_the_garbled_header_gets_its_number_with_a_warning(decision_11):
    doc = decision_11
    assert (doc.metadata.number, doc.metadata.type_code) == ("11/2026/QĐ-UBND", "QĐ")
    assert any(w.field == "number" and "attached document" in w.message for w in doc.warnings)
    assert "11/2026/QĐ-UBND" not in {c.number for c in doc.citations}  # its own number is no citation


def test_the_regulations_reports_have_one_rhythm(decision_11):
    reports = [t for t in decision_11.tasks if t.text.startswith("Có trách nhiệm tổng hợp, báo cáo theo định kỳ")]
    assert len(reports) == 2
    assert all([d.recurrence for d in t.deadlines] == ["P3M"] for t in reports)


def test_an_unconfirmed_garbled_number_stays_empty_with_a_warning():
    doc = _parse(
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nĐiều 1. Ban hành kèm theo Quyết định này"
        " Quy định.\n\n" + ATTACHED_11.replace("29tháng 01", "30 tháng 01") + "\n"
    )
    assert doc.metadata.number is None
    assert any(w.field == "number" and w.message == "the 'Số:' line cannot be read" for w in doc.warnings)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        # 11/2026/QĐ-UBND's preamble, OCR'd
        ("Căn cứ Nghị định số 1 25/2025/NĐ-CP của Chính phủ Quy định về phân", "125/2025/NĐ-CP"),
        ("Căn cứ Nghị định số I 40/2025/NĐ-CP của Chính phủ Quy định về Ề phân", "140/2025/NĐ-CP"),
        ("Căn cứ Luật Đầu tư công số J 58/2024/QH1 5 được sửa đổi, bổ sung bởi Luật", "58/2024/QH15"),
    ],
)
def test_a_number_ocr_split_with_a_space_is_mended(line, number):
    doc = _parse(line + ";\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.\n")
    assert number in {c.number for c in doc.citations}
    assert any(w.stage == "citations" and number in w.message for w in doc.warnings)


@pytest.mark.parametrize(
    "line",
    [
        # "%" may stand for any digit: no number, a warning
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 8 7⁄202%⁄QHI5",
        # two numbers, not one split: "số 2" of a list, then a number (no mending across words)
        "Căn cứ Thông tư số 25/2025/TT-BTC và Nghị định số 125/2025/NĐ-CP",
    ],
)
def test_numbers_not_certainly_split_are_not_mended(line):
    doc = _parse(line + ";\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.\n")
    numbers = {c.number for c in doc.citations}
    assert not any(n.startswith(("87/", "825/", "1125/", "225/")) for n in numbers), numbers
    assert not any("split by OCR" in w.message for w in doc.warnings)


def test_the_mended_law_keeps_its_basis_relation(decision_11):
    relation = {c.number: c.relation.value for c in decision_11.citations}
    assert relation["58/2024/QH15"] == "basis"  # cited again in Điều 4 as a mention
    assert {"125/2025/NĐ-CP", "140/2025/NĐ-CP"} <= set(relation) and "25/2025/NĐ-CP" not in relation


def test_a_signature_read_into_the_recipients_list_gives_the_signer(decision_11):
    assert (decision_11.metadata.signer, decision_11.metadata.signer_title) == ("Nguyễn Tuấn Anh", "Chủ tịch")


# 11/2026's recipients' list as OCR read it, with the signature's column at the lines' ends
RECIPIENTS_11 = (
    "Nơi nhận: Ti h ˆ\n- Chính phủ; TM. ỦY BAN NHÂN DÂN\n- Vụ pháp chế - Bộ Xây dựng (b/e); HỦ TỊCH\n"
    "- Như Điều 3 QĐ;\n- UBND các xã, phường;\n~ Lưu: VT, các CV, XD.\n\nNguyễn Tuấn Anh\n"
)
# 16/2026's lines, read the same way (its deputy signs for the chair)
RECIPIENTS_16 = (
    "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Văn phòng Chính phủ;\n- Bộ Công Thương; KT. CHỦ TỊCH\n"
    "- Cục KTVB và QLXPVPHC - Bộ Tư pháp; PHÓ CHỦ TỊCH\n- TT. Tỉnh uỷ, HĐND tỉnh;\n"
    "- Lưu: VT, KT(Đức, Long).\n\nNguyễn Thế Phước\n"
)


@pytest.mark.parametrize(
    ("closing", "signature"),
    [
        (RECIPIENTS_11, ("Nguyễn Tuấn Anh", "Chủ tịch")),
        (
            RECIPIENTS_16.replace("Nơi nhận: TM. ỦY BAN NHÂN DÂN", "Nơi nhận:\n- UBND tỉnh; TM. ỦY BAN NHÂN DÂN"),
            ("Nguyễn Thế Phước", "Phó Chủ tịch"),
        ),
        # no name after the list: nothing
        (RECIPIENTS_11.replace("Nguyễn Tuấn Anh", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (None, None)),
        # no mark in the list: nothing read from it
        (RECIPIENTS_11.replace(" TM. ỦY BAN NHÂN DÂN", ""), (None, None)),
    ],
)
def test_signature_columns_read_as_one(closing, signature):
    doc = _parse("Điều 1. Ban hành kèm theo Quyết định này Quy định.\n\n" + closing)
    assert (doc.metadata.signer, doc.metadata.signer_title) == signature
