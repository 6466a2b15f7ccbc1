"""PDF text layers and OCR text: page numbers, form feeds and footnotes do not split or label paragraphs.

The texts are quoted from real documents of the shared corpus (Lào Cai letters 5141/SNNMT-KS and
6795/SNNMT-KS, the layout-mode text layer of a PDF; 11/2026/QĐ-UBND, raw OCR of a scan).
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.sites import plain_text
from parsers.sites._page_marks import drop_page_numbers
from parsers.text.clean import clean_text

# 5141/SNNMT-KS: the two-column header that makes the text read as a PDF reader's layout
HEADER = (
    "      UBND TỈNH LÀO CAI                         CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                         Độc lập - Tự do - Hạnh Phúc\n"
    "\n"
    "         Số: 5141 /SNNMT-KS                        Lào Cai, ngày 29 tháng 12 năm 2025\n"
    "V/v quản lý, thống kê, kê khai và báo cáo sản\n"
    "lượng, kết quả khai thác, thu hồi khoáng sản\n"
    "\n"
    "              Kính gửi:      Các tổ chức, cá nhân khai thác, thu hồi khoáng sản\n"
    "                             trên địa bàn tỉnh Lào Cai.\n"
    "\n"
)
# 5141/SNNMT-KS: the page number after a form feed, then an item opening page 2
LAYOUT_PAGE_TOP = (
    "       Khai thác, chế biến khoáng sản đúng theo mục đích đã xác định trong dự án đầu\n"
    "tư, giấy phép khai thác; khai thác, đổ thải theo đúng quy trình, quy phạm đã được\n"
    "lý về đất đai theo quy định.\n"
    "\f                                         2\n"
    "\n"
    "      1.2. Thực hiện nghiêm trách nhiệm Báo cáo kết quả hoạt động khai thác\n"
    "khoáng sản, thống kê trữ lượng khoáng sản đã khai thác định kỳ hằng năm;\n"
)
# 5141/SNNMT-KS: a sentence running across the page break
LAYOUT_MID_SENTENCE = (
    "      Trường hợp tổ chức, cá nhân không lập hoặc lập không đầy đủ hoặc để thất lạc\n"
    "\f                                          5\n"
    "\n"
    "sổ sách, chứng từ, tài liệu về sản lượng khai thác khoáng sản hoặc thông tin, số liệu\n"
)
# 5141/SNNMT-KS: the page number right under a heading
LAYOUT_AFTER_HEADING = (
    "      1.4. Về việc kiểm soát sản lượng khai thác khoáng sản\n"
    "\f                                           3\n"
    "\n"
    "      (1). Theo quy định tại điểm h khoản 2 Điều 59 Luật Địa chất và khoáng sản\n"
)
# 11/2026/QĐ-UBND (OCR): bare page numbers between blank lines, no form feed
OCR_PAGES = (
    "Căn cứ Nghị định số 144/2025/NĐ-CP của Chính phủ quy định về phân\n"
    "quyên, phân cấp trong lĩnh vực quản lý nhà nước của Bộ Xây dựng;\n"
    "\n"
    "2\n"
    "\n"
    "Căn cứ Nghị định số 85/2025/NĐ-CP của Chính phủ Quy định chỉ tiết thị\n"
    "hành Luật Đầu tư công;\n"
    "\n"
    "dựng trên địa bàn tỉnh Yên Bái;\n"
    "\n"
    "3\n"
    "\n"
    "ø) Quyết định số 22/2023/QĐ-UBND ngày 06 tháng 9 năm 2023 của Ủy ban\n"
)


def _paragraphs(text: str) -> list[str]:
    """The body's paragraphs, as cleaning leaves them, of the text under the letter's header."""
    paragraphs = clean_text(plain_text.read("x.txt", (HEADER + text).encode())).split("\n")
    return paragraphs[paragraphs.index("trên địa bàn tỉnh Lào Cai.") + 1 :]


def test_a_page_number_after_a_form_feed_is_not_the_next_items_label():
    paragraphs = _paragraphs(LAYOUT_PAGE_TOP)
    assert paragraphs[-1].startswith("1.2. Thực hiện nghiêm trách nhiệm")
    assert not any(p.strip() in {"2", "2 1.2."} or p.startswith("2 ") for p in paragraphs)


def test_a_sentence_across_a_page_break_stays_one_paragraph():
    paragraphs = _paragraphs(LAYOUT_MID_SENTENCE)
    assert paragraphs == [
        "Trường hợp tổ chức, cá nhân không lập hoặc lập không đầy đủ hoặc để thất lạc sổ sách, chứng từ, "
        "tài liệu về sản lượng khai thác khoáng sản hoặc thông tin, số liệu"
    ]


def test_a_page_number_is_not_glued_to_the_heading_above_it():
    paragraphs = _paragraphs(LAYOUT_AFTER_HEADING)
    assert paragraphs[0] == "1.4. Về việc kiểm soát sản lượng khai thác khoáng sản"
    assert paragraphs[1].startswith("(1). Theo quy định")


def test_ocr_page_numbers_counting_up_are_dropped():
    text = drop_page_numbers(OCR_PAGES)
    assert "\n2\n" not in text and "\n3\n" not in text
    assert "Xây dựng;\nCăn cứ Nghị định số 85/2025" in text


@pytest.mark.parametrize(
    "text",
    [
        # a count, not a page number: alone and not counting up from page 2
        "Số lượng hồ sơ:\n\n12\n\nhồ sơ nộp trực tiếp.",
        # a number that continues the sentence above ("Điều\n7 Quy định này")
        "quy định tại Điều\n7 Quy định này.\n",
    ],
)
def test_other_numbers_alone_on_a_line_stay(text):
    assert drop_page_numbers(text) == text


def test_items_after_page_breaks_are_tasks():
    """5141/SNNMT-KS, items 1.1 and 1.2 on both sides of the page break: both are tasks, and the
    second keeps its yearly rhythm."""
    text = HEADER + "       1. Yêu cầu đối với các tổ chức, cá nhân được cấp giấy phép khai thác.\n" + LAYOUT_PAGE_TOP
    doc = parse_document(plain_text.read("lao-cai__5141-SNNMT-KS.txt", text.encode()), "0" * 64)
    tasks = {t.text.split(",")[0]: t for t in doc.tasks}
    assert "Thực hiện nghiêm trách nhiệm Báo cáo kết quả hoạt động khai thác khoáng sản" in tasks, list(tasks)
    assert "Khai thác" in tasks, list(tasks)
