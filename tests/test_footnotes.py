"""Footnotes of PDF pages leave the sentences they cut, and their marks leave the words.

Quoted from the layout-mode text of Lào Cai's letter 6795/SNNMT-KS and from the text layer of
the letter to the Ministry of Construction (UBND-XD, May 2026); the texts that must stay as
they are come from captures of Hà Tĩnh 74/2025/QĐ-UBND, Đồng Tháp 138/2025/QĐ-UBND and Vĩnh
Long 21/2025/NQ-HĐND, where a wrapped line starts with a number.
"""

from __future__ import annotations

import pytest

from parsers.sites import plain_text
from parsers.sites._footnotes import move_footnotes
from parsers.text.clean import clean_text

# 6795/SNNMT-KS page 1: the note sits between "ngày bắt đầu khai" and "thác khoáng sản" on page 2
PAGE_ONE = (
    "ngày 02/7/2025). Trong quá trình hoạt động khai thác phải tuân thủ đúng thiết kế\n"
    "mỏ được đã được phê duyệt, không tự ý thay đổi thiết kế mỏ1 .\n"
    "        - Đăng ký, thông báo ngày bắt đầu xây dựng cơ bản mỏ, ngày bắt đầu khai\n"
    "1 Nội dung thiết kế mỏ được quy định tại Thông tư số 31/2025/TT-BCT ngày 16/5/2025 của Bộ Công Thương\n"
    "\f                                                              2\n"
    "\n"
    "thác khoáng sản với cơ quan quản lý nhà nước có thẩm quyền cấp giấy phép khai\n"
    "thác khoáng sản, trước khi thực hiện hoạt động đó theo đúng quy định của pháp\n"
    "luật2.\n"
    "      - Thực hiện bảo vệ tài nguyên địa chất chưa khai thác theo quy định tại Điều\n"
    "7 Luật Địa chất và khoáng sản3.\n"
    "\n"
    "\n"
    "2 Hồ sơ, mẫu văn bản đăng ký ngày bắt đầu XD cơ bản mỏ, ngày bắt đầu khai thác KS được quy định tại Khoản 2 Điều 8 và\n"
    "\n"
    "Khoản 1 Điều 22 Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.\n"
    "3 Khi khai thác khoáng sản phải ưu tiên áp dụng công nghệ tiên tiến, phù hợp với quy mô, đặc điểm từng mỏ\n"
    "\f                                          3\n"
    "\n"
    "      - Thực hiện bảo vệ khoáng sản trong phạm vi ranh giới khu vực được phép\n"
)
# The letter to the Ministry of Construction, page 1 as pdftotext prints it: marks glued to numbers
MARKS_ON_NUMBERS = (
    "      Theo quy định tại điểm b khoản 1 Điều 41 và điểm b khoản 1 Điều 47 Luật\n"
    "số 42/2024/QH151 ngày 29/6/2024: “Phương tiện vận chuyển VLNCN, TCTN đủ\n"
    "số 105/2025/NĐ-CP2, cơ quan đăng kiểm thực hiện việc kiểm tra điều kiện an\n"
    "hiện tại Quy chuẩn QCVN 122:2024/BGTVT3, Thông tư số\n"
    "47/2024/TT-BGTVT4 của Bộ Xây dựng (trước đây là Bộ Giao thông vận tải) chưa\n"
    "1 Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ số 42/2024/QH15 ngày 29/6/2024\n"
    "2 Nghị định số 105/2025/NĐ-CP ngày 15/5/2025 của Chính phủ ban hành Nghị định quy định chi tiết một số điều\n"
    "\n"
    "và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ\n"
    "3 QCVN122:2024/BGTVT quy chuẩn kỹ thuật quốc gia về xe ô tô, rơ moóc, sơ mi rơ moóc, xe chở hàng bốn bánh\n"
    "Bộ Giao thông vận tải ban hành theo Thông tư số 48/2024/TT-BGTVT ngày 15 tháng 11 năm 2024.\n"
    "4 Thông tư 47/2024/TT-BGTVT ngày 15/11/2024 của Bộ trưởng Bộ giao thông vận tải quy định trình tự, thủ tục\n"
    "thải xe mô tô, xe gắn máy.\n"
    "\fcó quy định cụ thể về hạng mục kiểm tra điều kiện an toàn PCCC đối với phương\n"
)


def test_notes_leave_the_page_and_their_marks_leave_the_words():
    moved = move_footnotes(PAGE_ONE)
    at = moved.index("\n\n1 Nội dung thiết kế mỏ")
    body, notes = moved[:at], moved[at + 2 :]
    assert "thiết kế mỏ ." in body and "luật." in body and "khoáng sản." in body
    assert "mỏ1" not in body and "luật2" not in body and "sản3" not in body
    assert "Hồ sơ, mẫu văn bản" not in body and "ưu tiên áp dụng" not in body
    # the wrapped line that starts with a number is text, not note 7
    assert "\n7 Luật Địa chất và khoáng sản.\n" in body
    assert notes.split("\n\n") == [
        "1 Nội dung thiết kế mỏ được quy định tại Thông tư số 31/2025/TT-BCT ngày 16/5/2025 của Bộ Công Thương",
        "2 Hồ sơ, mẫu văn bản đăng ký ngày bắt đầu XD cơ bản mỏ, ngày bắt đầu khai thác KS được quy định tại "
        "Khoản 2 Điều 8 và\nKhoản 1 Điều 22 Thông tư số 36/2025/TT-BNNMT ngày 02/7/2025.",
        "3 Khi khai thác khoáng sản phải ưu tiên áp dụng công nghệ tiên tiến, phù hợp với quy mô, đặc điểm từng mỏ",
    ]


def test_a_sentence_cut_by_a_note_is_one_paragraph_again():
    header = (
        "      UBND TỈNH LÀO CAI                         CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                         Độc lập - Tự do - Hạnh Phúc\n"
        "         Số: 6795 /SNNMT-KS                        Lào Cai, ngày 17 tháng 7 năm 2026\n"
        "              Kính gửi: Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô\n\n"
    )
    paragraphs = clean_text(plain_text.read("x.txt", (header + PAGE_ONE).encode())).split("\n")
    assert (
        "- Đăng ký, thông báo ngày bắt đầu xây dựng cơ bản mỏ, ngày bắt đầu khai thác khoáng sản với cơ quan "
        "quản lý nhà nước có thẩm quyền cấp giấy phép khai thác khoáng sản, trước khi thực hiện hoạt động đó "
        "theo đúng quy định của pháp luật."
    ) in paragraphs


def test_marks_glued_to_a_law_number_are_taken_off():
    moved = move_footnotes(MARKS_ON_NUMBERS)
    body = moved.split("\n\n1 Luật Quản lý")[0]
    assert "42/2024/QH15 ngày 29/6/2024" in body
    assert "105/2025/NĐ-CP, cơ quan" in body and "122:2024/BGTVT, Thông tư" in body
    assert "47/2024/TT-BGTVT của Bộ Xây dựng (trước đây là Bộ Giao thông vận tải) chưa\n\fcó quy định" in body
    assert moved.rstrip().endswith("thải xe mô tô, xe gắn máy.")
    assert "48/2024/TT-BGTVT ngày 15 tháng 11 năm 2024" in moved  # the note's citation is still read


@pytest.mark.parametrize(
    "text",
    [
        # Hà Tĩnh 74/2025/QĐ-UBND: a wrapped line starting with the article's number
        "1. Điểm tập kết không đáp ứng\n"
        "quy định tại khoản 2 Điều 7, trạm trung chuyển không đáp ứng quy định tại khoản\n"
        "2 Điều 8 Quy định này và bãi chôn lấp chất thải rắn sinh hoạt đã ngừng tiếp nhận\n"
        "rác thải trên địa bàn tỉnh phải được xử lý ô nhiễm, cải tạo đáp ứng yêu cầu về\n",
        # Đồng Tháp 138/2025/QĐ-UBND
        "- Đối với dự án do Bộ Quốc phòng, Bộ Công an\n"
        "được ưu tiên tổ chức thực hiện theo quy định tại khoản 3 Điều\n"
        "4 Nghị quyết số 171/2024/QH15 thì Bộ Quốc phòng, Bộ Công an thực hiện như\nsau:\n",
        # Vĩnh Long 21/2025/NQ-HĐND: number 1, but no mark glued to a word, and text goes on
        "1. Đối tượng trẻ em quy định tại điểm a khoản 2 Điều\n"
        "1 Nghị quyết này được hưởng mức hỗ trợ 160.000 đồng (một trăm sáu mươi ngàn đồng)/trẻ/tháng.\n"
        "Thời gian hỗ trợ tính theo số tháng học thực tế nhưng không quá 09 tháng/năm học.\n",
        # a numbered line in sequence, with a mark, but the page's text goes on below it
        "theo quy định tại Luật số 42/2024/QH151 ngày 29/6/2024\n"
        "1 Luật Quản lý, sử dụng vũ khí, vật liệu nổ\n"
        "      2. Khó khăn, vướng mắc\n",
    ],
)
def test_text_that_only_looks_like_a_note_stays(text):
    assert move_footnotes(text) == text
