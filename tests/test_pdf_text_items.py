"""Items of letters and decisions read from PDF text layers: bracketed labels ("(1).", "(ii).")
and items opening with an adverb of manner ("Nghiêm chỉnh chấp hành ...", "Sớm chỉ đạo ...").

Quoted from Lào Cai's letters 5141/SNNMT-KS (text layer of a PDF) and UBND-XD of May 2026 to the
Ministry of Construction (its page text).
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.text.clean import clean_text
from parsers.text.structure import split_paragraphs


@pytest.mark.parametrize(
    ("line", "style", "label"),
    [
        ("(1). Theo quy định tại điểm h khoản 2 Điều 59 Luật Địa chất và khoáng sản năm 2024", "paren", "1"),
        ("(2) Về mẫu báo cáo:", "paren", "2"),
        ("(ii). Sớm chỉ đạo nghiên cứu, sửa đổi, bổ sung các Quy chuẩn kỹ thuật quốc gia", "paren", "ii"),
        # a note in brackets is no label
        ("(Có các Mẫu báo cáo số 05, 06, 07 và 08 kèm theo)", None, ""),
        ("(3) ha đất trồng lúa", None, ""),
    ],
)
def test_bracketed_labels(line, style, label):
    (p,) = split_paragraphs(line)
    assert (p.style, p.label) == (style, label)


def test_a_bracketed_label_after_a_wrap_opens_a_paragraph():
    text = (
        "1.4. Về việc kiểm soát sản lượng khai thác khoáng sản\n"
        "(1). Theo quy định tại điểm h khoản 2 Điều 59 Luật Địa chất và khoáng sản\n"
        "năm 2024, tổ chức, cá nhân khai thác khoáng sản có nghĩa vụ kiểm soát sản lượng\n"
    )
    paragraphs = clean_text(SourceText(source="x", site="text", text=text, hints={"layout": "wrapped"})).split("\n")
    assert paragraphs[-1].startswith("(1). Theo quy định tại điểm h khoản 2")
    assert paragraphs[0] == "1.4. Về việc kiểm soát sản lượng khai thác khoáng sản"


LETTER = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: /UBND-XD\tLào Cai, ngày tháng 5 năm 2026
Kính gửi: Bộ Xây dựng
3. Kiến nghị
Để kịp thời tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, Uỷ ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng:
(i). Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương ban hành văn bản hướng dẫn các cơ quan đăng kiểm địa phương \
triển khai việc kiểm tra điều kiện an toàn về PCCC đối với phương tiện giao thông.
(ii). Sớm chỉ đạo nghiên cứu, sửa đổi, bổ sung các Quy chuẩn kỹ thuật quốc gia, Thông tư có liên quan theo hướng \
bổ sung hạng mục kiểm tra điều kiện an toàn PCCC đối với phương tiện vận chuyển VLNCN, TCTN.
"""

REQUIREMENTS = """UBND TỈNH LÀO CAI SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh Phúc
Số: 5141 /SNNMT-KS\tLào Cai, ngày 29 tháng 12 năm 2025
Kính gửi: Các tổ chức, cá nhân khai thác, thu hồi khoáng sản trên địa bàn tỉnh Lào Cai.
1. Yêu cầu đối với các tổ chức, cá nhân được cấp giấy phép khai thác, thu hồi khoáng sản.
1.7. Nghiêm chỉnh chấp hành các quy định của pháp luật trong hoạt động khoáng sản; thực hiện đúng và đầy đủ \
các nội dung trong Giấy phép khai thác khoáng sản, thiết kế mỏ, thiết kế thi công dự án đầu tư xây dựng.
1.8. Yêu cầu các tổ chức, cá nhân được cấp giấy phép khai thác khoáng sản báo cáo trung thực, đầy đủ, \
chính xác sản lượng thực tế khai thác.
"""


def _tasks(text: str) -> list[str]:
    doc = parse_document(SourceText(source="x.txt", site="text", text=text, hints={}), "0" * 64)
    return [t.text for t in doc.tasks]


def test_a_letters_bracketed_requests_are_tasks():
    tasks = _tasks(LETTER)
    assert any(t.startswith("Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương") for t in tasks), tasks
    assert any(t.startswith("Sớm chỉ đạo nghiên cứu, sửa đổi") for t in tasks), tasks


def test_an_item_opening_with_an_adverb_of_manner_is_a_task():
    tasks = _tasks(REQUIREMENTS)
    assert any(t.startswith("Nghiêm chỉnh chấp hành các quy định của pháp luật") for t in tasks), tasks
