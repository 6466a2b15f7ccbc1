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


# A letter's request to its addressee (parsers/tasks/letter_requests.py), in real letters: one
# paragraph, one task, led by the addressee whether it is named in full or by a short form, and
# never by the writer. Lead-ins, courtesies and requests to a group are no such task.
TAX_LETTER = (
    "CỤC THUẾ THUẾ TỈNH TÂY NINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 3257/TNI-QLDN1\tTây Ninh, ngày 01 tháng 12 năm 2025\n"
    "V/v thuế suất thuế GTGT\n"
    "Kính gửi: Công Ty TNHH Khuôn Mẫu Yong Hong;\n"
    "Trả lời văn bản số 01/CV-01 ngày 20/11/2025 của Công Ty TNHH Khuôn Mẫu Yong Hong (gọi tắt là Công ty) về việc "
    "thuế suất thuế GTGT, Thuế tỉnh Tây Ninh có ý kiến như sau:\n"
    "+ Tại Điều 1 quy định về giảm thuế giá trị gia tăng:\n"
    "“Điều 1. Giảm thuế giá trị gia tăng\n"
    "1. Giảm thuế giá trị gia tăng đối với các nhóm hàng hóa, dịch vụ đang áp dụng mức thuế suất 10%, trừ nhóm hàng "
    "hóa, dịch vụ sau:\n"
    "b) Sản phẩm hàng hóa và dịch vụ chịu thuế tiêu thụ đặc biệt. Chi tiết tại Phụ lục II ban hành kèm theo Nghị định "
    "này.”\n"
    "Chính sách giảm thuế GTGT theo Nghị định số 72/2024/NĐ-CP có hiệu lực từ ngày 01/7/2024 đến hết ngày 31/12/2024.\n"
    "Đề nghị Công ty căn cứ vào tình hình thực tế của đơn vị, đối chiếu với các quy định tại văn bản pháp luật nêu trên "
    "để thực hiện đúng quy định.\n"
    "Thuế tỉnh Tây Ninh trả lời cho Công ty được biết và thực hiện theo đúng quy định tại văn bản quy phạm pháp luật đã "
    "được trích dẫn tại văn bản này./.\n"
)
MINING_LETTER = LETTER + (  # lao-cai__6795-SNNMT-KS: its closing request names the company in full
    "Sở Nông nghiệp và Môi trường yêu cầu Công ty cổ phần Khai thác và Chế biến kim loại Thủ Đô nghiêm túc thực "
    "hiện; trong quá trình thực hiện có khó khăn vướng mắc kịp thời phối hợp, làm việc trực tiếp, phản ánh về Sở Nông "
    "nghiệp và Môi trường để được thống nhất, hướng dẫn thực hiện đúng quy định của pháp luật./.\n"
)
MINISTRY_LETTER = (  # lao-cai__UBND-XD-2026-kien-nghi-BXD: the items are the requests, the last line a courtesy
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 3686/UBND-XD\tLào Cai, ngày 10 tháng 3 năm 2026\n"
    "V/v kiến nghị tháo gỡ khó khăn, vướng mắc trong việc cấp Giấy phép vận chuyển vật liệu nổ công nghiệp\n"
    "Kính gửi: Bộ Xây dựng\n"
    "Để kịp thời tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, bảo đảm hoạt động sản xuất, kinh doanh và tiến độ thi "
    "công các công trình, dự án trọng điểm trên địa bàn tỉnh Lào Cai, Uỷ ban nhân dân tỉnh Lào Cai trân trọng đề nghị "
    "Bộ Xây dựng:\n"
    "(ii). Sớm chỉ đạo nghiên cứu, sửa đổi, bổ sung các Quy chuẩn kỹ thuật quốc gia, Thông tư có liên quan theo hướng "
    "bổ sung hạng mục kiểm tra điều kiện an toàn PCCC đối với phương tiện vận chuyển VLNCN, TCTN.\n"
    "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét, chỉ đạo giải quyết./.\n"
)
GROUP_LETTER = (  # ho-chi-minh__4240-UBND-VX: addressed to groups, its closing urges them all
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 4240/UBND-VX\tThành phố Hồ Chí Minh, ngày 26 tháng 11 năm 2025\n"
    "V/v đẩy nhanh tiến độ cập nhật cơ sở dữ liệu cán bộ, công chức, viên chức\n"
    "Kính gửi: Các cơ quan chuyên môn, cơ quan hành chính khác thuộc Ủy ban nhân dân Thành phố; Ủy ban nhân dân các "
    "xã, phường và đặc khu.\n"
    "Để hoàn thành việc cập nhật, đồng bộ với Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức theo yêu cầu của "
    "Bộ Nội vụ, Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:\n"
    "1. Giao Sở Nội vụ\n"
    "- Hướng dẫn, theo dõi tiến độ và đánh giá chất lượng cập nhật dữ liệu cán bộ, công chức, viên chức của các cơ "
    "quan, đơn vị.\n"
    "Đề nghị các cơ quan, đơn vị khẩn trương triển khai, thực hiện./.\n"
)
REQUESTS = [
    # by its short form, after the rules the letter quotes; the answer's last sentence asks nothing
    (TAX_LETTER, [("", "Đề nghị Công ty căn cứ", ["Công Ty TNHH Khuôn Mẫu Yong Hong"])]),
    # the writer is the subject, the company is asked; the lead-in ("... đề nghị Công ty thực hiện đầy
    # đủ các nội dung sau:") is no task, its items are
    (
        MINING_LETTER,
        [
            ("1", "Thực hiện cắm mốc", [COMPANY]),
            ("1", "Thực hiện lập bản", [COMPANY]),
            ("", "Sở Nông nghiệp và", [COMPANY]),
        ],
    ),
    (MINISTRY_LETTER, [("", "Sớm chỉ đạo nghiên c", ["Bộ Xây dựng"])]),
    (GROUP_LETTER, [("1", "Hướng dẫn, theo dõi", ["Sở Nội vụ"])]),
]


@pytest.mark.parametrize(("letter", "expected"), REQUESTS)
def test_a_letters_request_to_its_addressee(letter, expected):
    doc = parse_document(SourceText(source="t.txt", site="text", text=letter, hints={"layout": "paragraphs"}), "0")
    found = [(t.section, t.text, [a.agency.name for a in t.agencies if a.role == "lead"]) for t in doc.tasks]
    assert len(found) == len(expected), found
    for (section, text, lead), (want_section, prefix, want_lead) in zip(found, expected, strict=True):
        assert (section, text[: len(prefix)], lead) == (want_section, prefix, want_lead)
