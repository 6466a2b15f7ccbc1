"""Official letters, central decisions and the decisions that issue a card or form, on real text.

Lines are copied from documents of the shared corpus: ho-chi-minh__4240-UBND-VX (a letter whose
numbered headings name their addressees), trung-uong__1500-QD-BHXH and trung-uong__1666-QD-BHXH
(decisions issuing a health-insurance card), trung-uong__2597/2623/2629-QD-TTg and
trung-uong__2739-VPCP-DMDN ("Nơi nhận" of the Government Office), quang-ngai__1627-QD-UBND,
lao-cai__UBND-KT-2025-giao-SCT-tham-muu.docx, bac-ninh__1505-QD-UBND, ha-tinh__3005-QD-UBND.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.agencies.find import find_agencies
from parsers.agencies.recipients import find_recipients
from parsers.citations import clean_number
from parsers.models import SourceText
from parsers.tasks.roles import MentionIndex, subject


def _tasks(text: str):
    doc = parse_document(SourceText(source="t.txt", site="text", text=text, hints={"layout": "paragraphs"}), "0")
    return [
        (t.section, t.text[:30].rstrip(), sorted(a.agency.name for a in t.agencies if a.role == "lead"))
        for t in doc.tasks
    ]


HCM_LETTER = (
    "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 4240/UBND-VX\tThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n"
    "V/v khẩn trương hoàn thành cập nhật, đồng bộ cơ sở dữ liệu cán bộ, công chức, viên chức\n"
    "Kính gửi: Các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố; Ủy ban nhân dân các xã, "
    "phường và đặc khu.\n"
    "Để hoàn thành việc cập nhật, đồng bộ với Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức theo yêu "
    "cầu của Bộ Nội vụ, Chủ tịch Ủy ban nhân dân Thành phố có ý kiến chỉ đạo như sau:\n"
    "1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập trực "
    "thuộc Ủy ban nhân Thành phố; Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu\n"
    "- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức, viên chức trên hệ thống "
    "quản lý cơ sở dữ liệu của Thành phố và đảm bảo đồng bộ dữ liệu vào Cơ sở dữ liệu quốc gia trước ngày 06 "
    "tháng 12 năm 2025.\n"
    "- Chịu trách nhiệm về thực hiện bảo mật, bảo đảm an toàn thông tin cơ sở dữ liệu cán bộ, công chức, viên "
    "chức theo quy định pháp luật.\n"
    "2. Giao Sở Nội vụ\n"
    "- Hướng dẫn, theo dõi tiến độ và đánh giá chất lượng cập nhật dữ liệu cán bộ, công chức, viên chức của các "
    "cơ quan, đơn vị.\n"
)


def test_a_numbered_heading_naming_addressee_groups_split_by_a_semicolon_is_no_task():
    found = _tasks(HCM_LETTER)
    assert [(s, text) for s, text, _ in found] == [
        ("1", "Tiếp tục triển khai việc cập n"),
        ("1", "Chịu trách nhiệm về thực hiện"),
        ("2", "Hướng dẫn, theo dõi tiến độ và"),
    ]
    assert found[2][2] == ["Sở Nội vụ"]
    assert "Sở Nội vụ" not in found[0][2]


CARD_HEADER = (
    "BẢO HIỂM XÃ HỘI VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 1500/QĐ-BHXH\tHà Nội, ngày 24 tháng 10 năm 2018\n"
    "QUYẾT ĐỊNH\n{title}\n"
    "TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM\nQUYẾT ĐỊNH:\n"
)
CARD_BODY = (
    "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) sử dụng thống nhất trong phạm vi cả nước.\n"
    "Điều 2. Phôi thẻ BHYT có kích thước, chất liệu và hình thức như sau:\n"
    "1. Mặt trước:\n"
    "a) Tiếp giáp với lề trái của thẻ BHYT:\n"
    "- Trên cùng in biểu tượng Bảo hiểm xã hội (BHXH) Việt Nam màu xanh cô-ban, đường kính 10 mm;\n"
    "- Tiếp dưới là vị trí để dán hoặc in ảnh của quân nhân, công an nhân dân;\n"
    "- Tiếp dưới in dòng chữ “THẺ BẢO HIỂM Y TẾ” màu xanh cô-ban, font Times New Roman đậm, cỡ chữ 12;\n"
    "2. Mặt sau thẻ BHYT:\n"
    "- Tiếp dưới in các dòng chữ màu đen, font Times New Roman, nghiêng, cỡ chữ 10, với nội dung như sau:\n"
    "“1. Thẻ BHYT do BHXH Bộ Quốc phòng (hoặc BHXH Công an nhân dân) cấp.\n"
    "3. Bảo quản cẩn thận, không cho người khác mượn thẻ và cần nhớ mã số trên thẻ BHYT.”\n"
    "Điều 3. Tổ chức thực hiện\n"
    "1. Bảo hiểm xã hội Việt Nam có trách nhiệm kiểm tra, hướng dẫn Bảo hiểm xã hội Bộ Quốc phòng, Bảo hiểm xã "
    "hội Công an nhân dân thực hiện Quyết định này.\n"
    "2. Bảo hiểm xã hội Bộ Quốc phòng, Bảo hiểm xã hội Công an nhân dân có trách nhiệm in phôi thẻ BHYT.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Về việc ban hành thẻ bảo hiểm y tế cấp cho quân nhân, công an nhân dân và người làm công tác cơ yếu",
        "Ban hành mẫu thẻ bảo hiểm y tế",
    ],
)
def test_a_decision_issuing_a_card_describes_it_and_assigns_only_named_doers(title):
    found = _tasks(CARD_HEADER.format(title=title) + CARD_BODY)
    assert [text[:20] for _, text, _ in found] == ["Bảo hiểm xã hội Việt", "Bảo hiểm xã hội Bộ Q"]


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("181/2024/NĐCP", "181/2024/NĐ-CP"),  # lao-cai giao-SCT (Word file)
        ("193/2025/NĐCP", "193/2025/NĐ-CP"),  # bac-ninh 1505 (PDF text)
        ("10/2024/TTBTC", "10/2024/TT-BTC"),
        ("21/2025/TTBYT", "21/2025/TT-BYT"),  # ha-tinh 3005
        ("37/2025/TTBNNMT", "37/2025/TT-BNNMT"),
        ("01/2012/TTLT", "01/2012/TTLT"),  # a joint circular's own code
        ("60/2024/UBTVQH15", "60/2024/UBTVQH15"),
        ("2360/QĐ- TTg", "2360/QĐ-TTg"),
    ],
)
def test_type_and_issuer_codes_glued_together_are_hyphenated(written, number):
    assert clean_number(written) == number


def _names(mentions):
    return [m.agency.name for m in mentions if not m.agency.collective]


def test_the_government_offices_units_in_its_recipient_block():
    block = (
        "Nơi nhận: - Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ; "
        "- VPCP: BTCN, các Phó Chủ nhiệm, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục: TH, KTTH, PL, TKBT, KGVX, NN, "
        "QHĐP, KSTT; - Lưu: VT, CN. pvc 19\tKT. THỦ TƯỚNG"
    )
    assert _names(find_recipients(block))[-9:] == [
        "Cổng Thông tin điện tử Chính phủ",
        "Vụ Tổng hợp",
        "Vụ Kinh tế tổng hợp",
        "Vụ Pháp luật",
        "Vụ Thư ký - Biên tập",
        "Vụ Khoa giáo - Văn xã",
        "Vụ Nông nghiệp",
        "Vụ Quan hệ địa phương",
        "Cục Kiểm soát thủ tục hành chính",
    ]
    letter = "Nơi nhận: - Như trên; - VPCP: BTCN, các PCN, TGĐ Cổng TTĐT; - Lưu: VT, ĐMDN (2b)."
    assert _names(find_recipients(letter)) == ["Văn phòng Chính phủ", "Cổng Thông tin điện tử Chính phủ"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a task table's coordinator cell: the ministry, then a group after a comma (2597)
        ("Bộ Nông nghiệp và Môi trường, các địa phương", ["Bộ Nông nghiệp và Môi trường"]),
        ("Bộ Xây dựng, các địa phương", ["Bộ Xây dựng"]),
        ("Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương về thúc đẩy chuyển "
         "đổi số liên thông", ["Ban Chỉ đạo Trung ương"]),
        ("chịu trách nhiệm trước Ủy ban nhân dân tỉnh, Ban Chỉ đạo Trung ương về kết quả thực hiện tổng kiểm kê",
         ["Ban Chỉ đạo Trung ương"]),
        ("theo đánh giá của Liên hợp quốc và các tổ chức quốc tế", ["Liên hợp quốc"]),
        ("(UN e-Government Survey), Liên minh Viễn thông Quốc tế (ITU)", ["Liên minh Viễn thông Quốc tế"]),
        ("của Tổ chức Hợp tác và Phát triển Kinh tế (OECD Digital Government)", ["Tổ chức Hợp tác và Phát triển Kinh tế"]),
        ("thuộc nhóm 3 nước dẫn đầu Hiệp hội các quốc gia Đông Nam Á (ASEAN)", ["Hiệp hội các quốc gia Đông Nam Á"]),
        ("xác thực điện tử của Trung tâm Dữ liệu quốc gia về dân cư", ["Trung tâm Dữ liệu quốc gia về dân cư"]),
    ],
)  # fmt: skip
def test_central_bodies_as_central_documents_name_them(text, names):
    assert _names(find_agencies(text)) == names


def test_a_department_of_several_provinces_is_still_a_group():
    text = "Sở Kế hoạch và Đầu tư các tỉnh, TP Vùng KTTĐ miền Trung"
    assert [m.agency.collective for m in find_agencies(text)] == [True]


QUANG_TRI = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 2691/QĐ-UBND\tQuảng Trị, ngày 18 tháng 11 năm 2025\n"
    "QUYẾT ĐỊNH\n"
    "CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ TRONG LĨNH VỰC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT THUỘC THẨM QUYỀN GIẢI QUYẾT "
    "CỦA UBND TỈNH VÀ SỞ TƯ PHÁP TỈNH QUẢNG TRỊ\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Công bố kèm theo Quyết định này 02 thủ tục hành chính nội bộ trong lĩnh vực Phổ biến, giáo dục "
    "pháp luật thuộc thẩm quyền giải quyết của UBND tỉnh và Sở Tư pháp tỉnh Quảng Trị.\n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
    "Điều 3. Giao Sở Tư pháp chủ trì, phối hợp với Văn phòng UBND tỉnh cập nhật, công khai các thủ tục hành chính "
    "nội bộ được công bố tại Quyết định này.\n"
    "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp, Thủ trưởng các sở, ban, ngành cấp tỉnh và các cơ "
    "quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.\n"
    "Nơi nhận: - Như Điều 4; - Lưu: VT.\tKT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Xuân Tân\n"
    "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH NỘI BỘ\n"
    "II. Thủ tục miễn nhiệm báo cáo viên pháp luật cấp tỉnh\n"
    "1. Trình tự thực hiện:\n"
    "+ Bước 2: Thủ trưởng cơ quan, tổ chức có văn bản đề nghị miễn nhiệm báo cáo viên pháp luật gửi đến Sở Tư "
    "pháp và thông báo cho báo cáo viên pháp luật biết lý do.\n"
    "- Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị miễn nhiệm báo cáo viên pháp luật của "
    "cơ quan, tổ chức, Sở Tư pháp trình Chủ tịch UBND tỉnh văn bản đề nghị miễn nhiệm báo cáo viên pháp luật cấp "
    "tỉnh.\n"
    "- Trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản đề nghị miễn nhiệm, Chủ tịch Ủy ban nhân dân "
    "tỉnh ra Quyết định miễn nhiệm báo cáo viên pháp luật.\n"
)
CAO_BANG_APPENDIX = (
    "PHỤ LỤC II\n"
    "QUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC VĂN THƯ, LƯU TRỮ\n"
    "1. Quy trình nội bộ giải quyết TTHC: Thủ tục cấp, cấp lại giấy chứng nhận đủ điều kiện kinh doanh dịch vụ "
    "lưu trữ\n"
    "- Sở Nội vụ tổ chức sát hạch về trình độ hiểu biết chung và năng lực chuyên môn, nghiệp vụ của người được đề "
    "nghị tiếp nhận.\n"
)


@pytest.mark.parametrize("tail", ["", CAO_BANG_APPENDIX])
def test_the_procedures_a_decision_announces_hold_no_tasks(tail):
    """The steps of the procedures (who receives, who submits, within how many days) are the
    procedures' content; the decision's own assignment stays."""
    found = _tasks(QUANG_TRI + tail)
    assert [(s, text[:19], lead) for s, text, lead in found] == [("", "Giao Sở Tư pháp chủ", ["Sở Tư pháp"])]


TIME_FIRST = [
    # ha-tinh__2914-QD-UBND, Điều 3. Tổ chức thực hiện
    (
        "4. Từ ngày 01 tháng 12 năm 2025, Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Phục vụ hành chính "
        "công cấp xã tổ chức thực hiện việc tiếp nhận, trả kết quả giải quyết TTHC không phụ thuộc vào địa giới "
        "hành chính.",
        "Hà Tĩnh",
        "Trung tâm Phục vụ hành chính công tỉnh",
    ),
    # nghe-an__98-2025-QD-UBND
    (
        "2. Hàng năm, Văn phòng UBND tỉnh rà soát, tổng hợp, tham mưu Chủ tịch UBND tỉnh khen thưởng các tập thể, "
        "cá nhân thực hiện tốt.",
        "Nghệ An",
        "Văn phòng Ủy ban nhân dân tỉnh",
    ),
    # can-tho__2579-QD-UBND
    (
        "c) Trong quý I của năm liền kề đánh giá, Sở Nội vụ chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Thành "
        "ủy và các cơ quan, đơn vị có liên quan tiến hành thẩm định.",
        "Cần Thơ",
        "Sở Nội vụ",
    ),
]


@pytest.mark.parametrize(("text", "province", "lead"), TIME_FIRST)
def test_a_time_before_the_subject_leaves_the_subject_the_doer(text, province, lead):
    index = MentionIndex(text, find_agencies(text, province=province))
    chain = subject(index, text.index(" ") + 1, len(text))  # after the item's label
    assert chain is not None
    assert [m.agency.name for m in chain.specific()][:1] == [lead]
