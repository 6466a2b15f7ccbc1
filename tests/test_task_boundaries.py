"""Where a task begins and ends, and what belongs to it (issue 8): a decision's enacting article,
the sentences after a closing formula, a time field on its own line after an item.

Lines quoted from the shared corpus: Bảo hiểm xã hội Việt Nam 1500/QĐ-BHXH and 1666/QĐ-BHXH,
Bộ Y tế 3176/QĐ-BYT (crawler text), Quảng Ngãi 1627/QĐ-UBND, Thủ tướng 2623/QĐ-TTg.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.tasks.roles import MentionIndex, subject
from parsers.text.clean import clean_text
from parsers.text.structure import split_paragraphs
from tests.task_rows import task_rows

DECISION = (
    "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 3176/QĐ-BYT\tHà Nội, ngày 29 tháng 10 năm 2024\n"
    "QUYẾT ĐỊNH\nSửa đổi, bổ sung Quyết định số 4750/QĐ-BYT\n"
)


def tasks_of(body: str, header: str = DECISION) -> list[tuple[str, str, list[str]]]:
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=header + body, hints={"layout": "paragraphs"}), "0"
    )
    return [(t.section, t.text, sorted({d.isoformat() for dl in t.deadlines for d in dl.due_dates})) for t in doc.tasks]


@pytest.mark.parametrize(
    "article",
    [
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) cấp cho sỹ quan, quân nhân chuyên nghiệp, hạ sỹ quan, "
        "binh sỹ Quân đội nhân dân Việt Nam đang tại ngũ.",
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) sử dụng thống nhất trong phạm vi cả nước.",
        "Điều 1. Sửa đổi, bổ sung tạm thời các Bảng chỉ tiêu dữ liệu ban hành kèm theo Quyết định số 4750/QĐ-BYT "
        "ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Y tế.",
        "Điều 1.\nBan hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân.",
    ],
)
def test_the_enacting_article_is_not_a_task(article):
    got = tasks_of(
        article + "\nĐiều 2. Tổ chức thực hiện\n1. Bảo hiểm xã hội Việt Nam có trách nhiệm:\n"
        "a) Bố trí nhân lực hỗ trợ, xử lý kịp thời các vướng mắc liên quan đến Cổng tiếp nhận dữ liệu;\n"
    )
    assert [text for _, text, _ in got] == [
        "Bố trí nhân lực hỗ trợ, xử lý kịp thời các vướng mắc liên quan đến Cổng tiếp nhận dữ liệu;"
    ]


def test_the_sentences_after_a_closing_formula_may_still_assign():
    got = tasks_of(
        "Điều 1. Sửa đổi, bổ sung tạm thời các Bảng chỉ tiêu dữ liệu.\n"
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký, ban hành. Các cơ quan, đơn vị có liên quan bảo đảm "
        "triển khai đồng bộ các quy định tại Quyết định này.\n"
        "Điều 4. Các Ông, Bà Chánh Văn phòng Bộ Y tế, Chánh Thanh tra Bộ chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert got == [
        ("Điều 3", "Các cơ quan, đơn vị có liên quan bảo đảm triển khai đồng bộ các quy định tại Quyết định này.", [])
    ]


def test_a_closing_paragraph_keeps_its_request_but_not_the_formula():
    got = tasks_of(
        "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế.\nĐiều 5. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Trưởng Ban Sổ - Thẻ, Chánh Văn phòng, Thủ trưởng các đơn vị trực thuộc Bảo hiểm xã hội Việt Nam chịu "
        "trách nhiệm thi hành Quyết định này. Trong quá trình thực hiện, nếu có vướng mắc, kịp thời báo cáo Bảo "
        "hiểm xã hội Việt Nam xem xét, giải quyết./.\n"
    )
    assert [text[:40] for _, text, _ in got] == ["Trong quá trình thực hiện, nếu có vướng "]


PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 1627/QĐ-UBND\tQuảng Ngãi, ngày 21 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nKiểm kê tài sản công\n"
)


def test_a_time_field_on_its_own_line_is_the_deadline_of_the_item_above():
    got = tasks_of(
        "IV. NHIỆM VỤ CỤ THỂ\n1. Sở Tài chính\n"
        "- Tham mưu triển khai thực hiện kế hoạch kiểm kê và phân công nhiệm vụ cho các thành viên Ban Chỉ đạo.\n"
        "Thời gian hoàn thành: Tháng 11 - 12/2025.\n"
        "- Phối hợp với các cơ quan chuyên môn có liên quan hướng dẫn chỉ tiêu, biểu mẫu kiểm kê.\n"
        "Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.\n"
        "- Thực hiện kiểm kê tài sản thuộc phạm vi kiểm kê do mình đang trực tiếp quản lý.\n"
        "Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.\n",
        PLAN,
    )
    assert [(text[:30], due) for _, text, due in got] == [
        ("Tham mưu triển khai thực hiện ", ["2025-12-31"]),
        ("Phối hợp với các cơ quan chuyê", []),
        ("Thực hiện kiểm kê tài sản thuộ", ["2026-03-31"]),
    ]


CENTRAL = (
    "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 634/TB-VPCP\tHà Nội, ngày 22 tháng 11 năm 2025\n"
    "THÔNG BÁO\nKết luận của Thủ tướng Chính phủ\n"
)


def leads_of(body: str, header: str = CENTRAL) -> list[tuple[str, list[str], list[str]]]:
    return task_rows(header + body)


def test_a_lead_after_a_topic_colon_and_no_deadline_from_the_topic():
    got = leads_of(
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "2. Về dự án đầu tư xây dựng công trình nạo vét luồng tàu vào khu bến cảng Nghi Sơn tại Khu kinh tế Nghi "
        "Sơn: Bộ Xây dựng khẩn trương rà soát, sớm bàn giao dự án cho tỉnh Thanh Hóa, báo cáo Thủ tướng Chính phủ "
        "kết quả thực hiện trước ngày 31 tháng 12 năm 2025.\n"
        "5. Về điều chuyển số vốn dư, không có khả năng giải ngân trong năm 2025 (khoảng 1.500 tỷ đồng) từ nguồn "
        "vốn hỗ trợ cho tỉnh Thanh Hóa: Ủy ban nhân dân tỉnh Thanh Hóa rà soát và khẩn trương thực hiện các giải "
        "pháp cụ thể, báo cáo Thủ tướng Chính phủ trong Quý I năm 2026.\n"
    )
    assert got == [
        ("Về dự án đầu tư xây dựng công ", ["Bộ Xây dựng"], ["2025-12-31"]),
        ("Về điều chuyển số vốn dư, khôn", ["Ủy ban nhân dân tỉnh Thanh Hóa"], ["2026-03-31"]),
    ]


def test_a_list_of_recipients_after_a_topic_colon_is_not_a_lead():
    text = (
        "Đối với giấy xác nhận đăng ký thu hồi khoáng sản thuộc thẩm quyền cấp của Chủ tịch Ủy ban nhân dân cấp "
        "xã: Bộ Công Thương; Sở Xây dựng."
    )
    doc = parse_document(SourceText(source="t.txt", site="text", text=CENTRAL + text), "0")
    start = doc.text.index("Đối với")
    assert subject(MentionIndex(doc.text, doc.mentions), start, len(doc.text)) is None


def test_a_minister_names_the_ministry_as_the_lead():
    got = leads_of(
        "IV. TỔ CHỨC THỰC HIỆN\n1. Bộ trưởng Bộ Công an có trách nhiệm giúp Thủ tướng Chính phủ theo dõi, kiểm "
        "tra, đôn đốc các bộ, cơ quan ngang bộ triển khai thực hiện nhiệm vụ được nêu trong Kế hoạch.\n"
    )
    assert got == [("Bộ trưởng Bộ Công an có trách ", ["Bộ Công an"], [])]


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("Điều 6; khoản 5 Điều 9; khoản 3 Điều 17 Luật Bảo vệ dữ liệu cá nhân.", None),
        ("Điều 14 Thông tư số 36/2025/TT-BNNMT.", None),
        ("Điều 64 của Luật Địa chất và khoáng sản và các yêu cầu sau:", None),
        ("Điều 14. Tổ chức thực hiện", "article"),
        ("Điều 3: Giao Sở Công Thương", "article"),
    ],
)
def test_a_reference_wrapped_to_the_line_start_is_not_an_article(line, style):
    assert split_paragraphs(line)[0].style == style


def test_a_wrapped_reference_joins_its_paragraph():
    text = (
        "+ Nội dung: quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân quy định chi tiết: khoản 2, khoản 3 "
        "Điều 2; khoản 5 Điều 4; khoản 3\nĐiều 6; khoản 5 Điều 9; khoản 3 Điều 17.\n+ Cơ quan chủ trì: Bộ Công an."
    )
    assert clean_text(SourceText(source="t.txt", site="text", text=text)).count("\n") == 1


def test_a_heading_with_a_note_in_parentheses_is_a_heading_and_named_sub_items_are_tasks():
    got = tasks_of(
        "IV. NHIỆM VỤ CỤ THỂ\n1. Nhiệm vụ của thành viên Ban Chỉ đạo\n"
        "1.3. Các cơ quan quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Nông nghiệp và Môi "
        "trường, Công Thương, Tài chính, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch)\n"
        "- Phối hợp hướng dẫn các cơ quan, tổ chức, đơn vị, địa phương thực hiện kiểm kê, rà soát thông tin số "
        "liệu kiểm kê tài sản kết cấu hạ tầng do Nhà nước đầu tư, quản lý thuộc phạm vi quản lý. Trong đó:\n"
        "+ Sở Xây dựng: hướng dẫn các cơ quan, tổ chức, đơn vị, địa phương thực hiện kiểm kê tài sản kết cấu hạ "
        "tầng giao thông.\n"
        "+ Sở Công Thương: hướng dẫn các cơ quan, tổ chức, đơn vị, địa phương thực hiện kiểm kê tài sản kết cấu "
        "hạ tầng thương mại là chợ.\n",
        PLAN,
    )
    assert [(section, text[:30]) for section, text, _ in got] == [
        ("IV.1.3", "Sở Xây dựng: hướng dẫn các cơ "),
        ("IV.1.3", "Sở Công Thương: hướng dẫn các "),
    ]


TTG = (
    "THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 2623/QĐ-TTg\tHà Nội, ngày 29 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nTriển khai thi hành Luật Bảo vệ dữ liệu cá nhân\n"
)


def test_blocks_whose_content_field_describes_the_heading_and_blocks_of_sub_heads():
    got = leads_of(
        "II. NỘI DUNG\n4. Rà soát văn bản quy phạm pháp luật\n"
        "- Nội dung: rà soát các văn bản quy phạm pháp luật có liên quan đến Luật thuộc thẩm quyền quản lý nhà "
        "nước được phân công.\n"
        "- Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản quy phạm pháp luật có liên quan đến Luật.\n"
        "- Thời gian thực hiện:\n"
        "+ Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.\n"
        "5. Xây dựng Nghị định của Chính phủ\n"
        "- Nghị định quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân\n"
        "+ Nội dung: quy định chi tiết một số điều Luật Bảo vệ dữ liệu cá nhân.\n"
        "+ Cơ quan chủ trì: Bộ Công an.\n"
        "+ Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp và các cơ quan có liên quan.\n"
        "+ Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.\n"
        "- Nghị định xử phạt vi phạm hành chính trong lĩnh vực an ninh mạng và bảo vệ dữ liệu cá nhân.\n"
        "+ Nội dung: bao gồm quy định chi tiết khoản 7 Điều 8 của Luật Bảo vệ dữ liệu cá nhân.\n"
        "+ Cơ quan chủ trì: Bộ Công an.\n"
        "+ Thời hạn ban hành: Theo tiến độ được giao của Luật An ninh mạng 2025.\n",
        TTG,
    )
    assert got == [
        ("Rà soát văn bản quy phạm pháp ", ["Bộ Công an"], ["2025-12-31"]),
        ("Nghị định quy định chi tiết mộ", ["Bộ Công an"], ["2026-01-01"]),
        ("Nghị định xử phạt vi phạm hành", ["Bộ Công an"], []),
    ]


def test_a_paragraph_between_items_that_names_its_doers_is_a_task():
    got = leads_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
        "thành phố trực thuộc trung ương chịu trách nhiệm thực hiện Kế hoạch này.\n"
        "Căn cứ nội dung Kế hoạch này và tình hình thực tiễn, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và "
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch chi tiết triển khai thi hành "
        "Luật trong phạm vi quản lý của bộ, ngành và địa phương.\n"
        "3. Trong quá trình thực hiện Kế hoạch này, nếu có khó khăn, vướng mắc, đề nghị các bộ, ngành và địa "
        "phương kịp thời phản ánh về Bộ Công an để tổng hợp.\n",
        TTG,
    )
    assert [text for text, _, _ in got] == [
        "Bộ trưởng, Thủ trưởng cơ quan ",
        "Căn cứ nội dung Kế hoạch này v",
        "Trong quá trình thực hiện Kế h",
    ]


def test_a_doer_after_a_topic_comma_names_the_task_in_a_funding_section():
    got = leads_of(
        "III. KINH PHÍ THỰC HIỆN\n"
        "1. Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước.\n"
        "2. Đối với các nhiệm vụ triển khai trong năm 2025, các bộ, cơ quan, đơn vị, địa phương chủ động bố trí "
        "trong nguồn ngân sách nhà nước được giao năm 2025 để triển khai thực hiện.\n",
        TTG,
    )
    assert [text for text, _, _ in got] == ["Đối với các nhiệm vụ triển kha"]


@pytest.mark.parametrize(
    ("wrapped", "paragraphs"),
    [
        # a name wrapped at its hyphen inside a long item (Văn phòng Chính phủ 634/TB-VPCP)
        (
            "10. Các Bộ, cơ quan liên quan và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính\n"
            "viễn thông Việt Nam, Công nghiệp\n- Viễn thông Quân đội theo chức năng, nhiệm vụ và thẩm quyền.",
            1,
        ),
        # a range wrapped at its hyphen (Đồng Nai 179/KH-UBND)
        (
            "e) Xây dựng, triển khai chương trình hỗ trợ doanh nghiệp công nghệ số tham gia chương trình Make in "
            "Viet Nam cho giai đoạn 2026\n- 2030, tập trung vào các doanh nghiệp số.",
            1,
        ),
        # a short heading and its bullets (Thủ tướng 2629/QĐ-TTg)
        ("1. Bộ Khoa học và Công nghệ\n- Làm đầu mối tổng hợp tình hình thực hiện.", 2),
        # a long item closed without punctuation and the next bullet (Thủ tướng 2530/QĐ-TTg)
        (
            "4. Quản lý phát thải từ hoạt động giao thông, khuyến khích chuyển đổi phương tiện giao thông sang "
            "phương tiện xanh, thân thiện môi trường\n- Thiết lập và triển khai thực hiện vùng phát thải thấp.",
            2,
        ),
    ],
)
def test_a_hyphen_wrapped_inside_a_long_sentence_is_not_a_bullet(wrapped, paragraphs):
    text = clean_text(SourceText(source="t.txt", site="text", text=wrapped))
    assert len(text.split("\n")) == paragraphs


def test_work_to_be_in_place_from_a_day_is_due_that_day_but_not_a_decision_taking_effect():
    import datetime as dt

    from parsers.deadlines import find_deadlines

    issued = dt.date(2024, 10, 29)
    task = "Các cơ quan, đơn vị có liên quan bảo đảm triển khai đồng bộ các quy định tại Quyết định này kể từ ngày 01 tháng 01 năm 2025."
    effect = "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2025."
    assert [d.due_dates for d in find_deadlines(task, issue_date=issued)] == [[dt.date(2025, 1, 1)]]
    assert find_deadlines(effect, issue_date=issued) == []
