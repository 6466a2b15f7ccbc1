"""Letters (Công văn): the bodies named after "Kính gửi:" are who the letter's requests are for.

Texts are copied from real letters of the shared corpus (lao-cai__6795-SNNMT-KS, a PDF text
layer; trung-uong__2739-VPCP-DMDN, crawler text; ho-chi-minh__4001-UBND-DT, a web capture).
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.agencies.find import find_agencies
from parsers.models import Metadata, SourceText
from parsers.tasks.addressees import addressees

COMPANY = "Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô"
ADDRESSED = [
    (
        "       Kính gửi: Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô\n"
        "          (Địa chỉ: Khu công nghiệp Tằng Loỏng, Xã Tằng Loỏng, Tỉnh Lào Cai)\n",
        "Lào Cai",
        [COMPANY],
    ),
    ("Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ Kế hoạch và Đầu tư.\n", None, ["Bộ Kế hoạch và Đầu tư"]),
    (
        "**Kính gửi:**\n|\n- Sở Nông nghiệp và Môi trường;\n- Sở Tài chính;\n- Sở Xây dựng.\n|\nThực hiện Kết luận số 15-KL/ĐU\n",
        "Hồ Chí Minh",
        ["Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Sở Xây dựng"],
    ),
    # a group, or more than a few bodies, leads nothing in particular
    (
        "              Kính gửi:      Các tổ chức, cá nhân khai thác, thu hồi khoáng sản\n"
        "                             trên địa bàn tỉnh Lào Cai.\n",
        "Lào Cai",
        [],
    ),
    (
        "**Kính gửi:**\n|\n- Công an Thành phố;\n- Sở Xây dựng;\n- Sở Nông nghiệp và Môi trường;\n"
        "- Trung tâm Chuyển đổi số Thành phố;\n- Ủy ban nhân dân các phường, xã, đặc khu.\n",
        "Hồ Chí Minh",
        [],
    ),
]


@pytest.mark.parametrize(("text", "province", "names"), ADDRESSED)
def test_addressees_of_a_letter(text, province, names):
    mentions = find_agencies(text, province=province)
    found = addressees(text, mentions, Metadata(doc_type="Công văn", province=province))
    assert [m.agency.name for m in found] == names


def test_only_a_letter_has_addressees():
    text = ADDRESSED[1][0]
    assert addressees(text, find_agencies(text), Metadata(doc_type="Quyết định")) == []


LETTER = (
    "UBND TỈNH LÀO CAI\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\tĐộc lập - Tự do - Hạnh Phúc\n"
    "Số: 6795 /SNNMT-KS\tLào Cai, ngày 17 tháng 7 năm 2026\n"
    "V/v thực hiện các quy định của pháp luật sau khi được cấp Giấy phép khai thác khoáng sản\n"
    "Kính gửi: Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô\n"
    "Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô được Bộ Nông nghiệp và Môi trường cho phép khai thác "
    "quặng sắt tại mỏ Quý Xa. Để bảo đảm việc hoạt động khai thác khoáng sản theo quy định của pháp luật, Sở Nông "
    "nghiệp và Môi trường đề nghị Công ty thực hiện đầy đủ các nội dung sau:\n"
    "1. Trước khi đưa mỏ đi vào hoạt động khai thác khoáng sản\n"
    "- Thực hiện cắm mốc khu vực khai thác và thực hiện thủ tục báo cáo, bàn giao mốc giới theo đúng quy định.\n"
    "- Thực hiện lập bản đồ hiện trạng, bản vẽ mặt cắt hiện trạng khu vực được phép khai thác khoáng sản từ khi "
    "bắt đầu xây dựng cơ bản mỏ.\n"
)


def test_a_letters_requests_are_led_by_its_addressee():
    doc = parse_document(SourceText(source="t.txt", site="text", text=LETTER, hints={"layout": "paragraphs"}), "0")
    leads = [[a.agency.name for a in t.agencies if a.role == "lead"] for t in doc.tasks]
    assert leads and all(lead == [COMPANY] for lead in leads), leads


CENTRAL_LETTER = (
    "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 2739/VPCP-ĐMDN\tHà Nội, ngày 05 tháng 04 năm 2019\n"
    "V/v quy định về quản trị doanh nghiệp tại Luật Doanh nghiệp chưa được thực thi\n"
    "Kính gửi: Bộ Kế hoạch và Đầu tư.\n"
    "Về nội dung nêu trên, Thủ tướng Chính phủ giao Bộ Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao, "
    "nghiên cứu, có giải pháp phù hợp nhằm khắc phục tình trạng nêu trên; trường hợp vượt thẩm quyền, báo cáo Thủ "
    "tướng Chính phủ.\n"
)


def test_the_address_line_is_no_task_and_the_prime_minister_assigns():
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=CENTRAL_LETTER, hints={"layout": "paragraphs"}), "0"
    )
    found = [(t.text[:20], [a.agency.name for a in t.agencies if a.role == "lead"]) for t in doc.tasks]
    assert found == [("Về nội dung nêu trên", ["Bộ Kế hoạch và Đầu tư"])]
