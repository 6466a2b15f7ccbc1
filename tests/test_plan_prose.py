"""Provincial plans and conclusion notices (issue 8): task boundaries, leads and deadlines written
in prose rather than in tables or field blocks.

Lines quoted from the shared corpus: Đắk Lắk 0124/KH-UBND and 0125/KH-UBND (emulation plans), Đồng
Nai 179/KH-UBND, Thanh Hóa 235/KH-UBND, Nghệ An 95/2025/QĐ-UBND, Cần Thơ 160/KH-UBND, Văn phòng Chính
phủ 623/TB-VPCP, 634/TB-VPCP and 636/TB-VPCP (conclusion notices), Hà Nội 55/2025/NQ-HĐND, Vĩnh Long
22/2025/NQ-HĐND.
"""

from __future__ import annotations

import pytest

from parsers.agencies.subject_province import subject_province
from parsers.deadlines import find_deadlines
from tests.task_rows import task_rows

DAK_LAK = (
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 0125/KH-UBND\tĐắk Lắk, ngày 18 tháng 11 năm 2025\n"
    "KẾ HOẠCH\nPhát động phong trào thi đua thực hiện thành công cuộc bầu cử\n"
)
CENTRAL = (
    "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 634/TB-VPCP\tHà Nội, ngày 22 tháng 11 năm 2025\n"
    "THÔNG BÁO\nKết luận của Thủ tướng Chính phủ Phạm Minh Chính tại buổi làm việc với Thường trực Tỉnh ủy "
    "Thanh Hóa\n"
)


def tasks_of(body: str, header: str = DAK_LAK) -> list[tuple[str, list[str], list[str]]]:
    """(first words, leads, due dates) of every task."""
    return task_rows(header + body)


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        (
            "1. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy: Ban hành văn bản chỉ đạo, đôn đốc, tổ chức triển khai "
            "công tác thông tin, tuyên truyền, cổ động trực quan.",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        ),
        (
            "4. Sở Văn hóa, Thể thao và Du lịch: Tiếp tục chỉ đạo các cơ quan truyền thông của tỉnh đẩy mạnh công "
            "tác tuyên truyền về cuộc Bầu cử đại biểu Quốc hội khoá XVI.",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (  # Đồng Nai 179/KH-UBND
            "9. Công an tỉnh: Chủ trì, phối hợp triển khai các nhiệm vụ phát triển hạ tầng định danh, xác thực "
            "điện tử, nhiệm vụ phát triển kinh tế số và xã hội số thuộc lĩnh vực quản lý.",
            "Công an tỉnh",
        ),
        (  # Thanh Hóa 235/KH-UBND
            "2. Sở Tài chính: Căn cứ khả năng cân đối ngân sách, trình cấp có thẩm quyền phê duyệt kinh phí thực "
            "hiện kế hoạch trong dự toán ngân sách.",
            "Sở Tài chính",
        ),
    ],
)
def test_an_agency_label_line_that_carries_its_task_is_a_task(line, lead):
    got = tasks_of(
        "VI. TỔ CHỨC THỰC HIỆN\n" + line + "\n6. Sở Nội vụ: Tham mưu UBND tỉnh theo dõi, đôn đốc, "
        "hướng dẫn các xã, phường tổ chức triển khai thực hiện tốt Phong trào thi đua.\n"
    )
    own = line.split(": ", 1)[1]
    assert got[0] == (own[:30], [lead], [])
    assert got[1] == ("Tham mưu UBND tỉnh theo dõi, đ", ["Sở Nội vụ"], [])


def test_an_agency_label_that_only_names_the_doers_stays_a_heading():
    got = tasks_of(
        "VI. TỔ CHỨC THỰC HIỆN\n4. Sở Nội vụ:\n- Tham mưu UBND tỉnh theo dõi, đôn đốc việc triển khai Kế hoạch.\n"
        "- Thẩm định, đề xuất Chủ tịch UBND tỉnh khen thưởng các tập thể, cá nhân có thành tích xuất sắc.\n"
    )
    assert [(text, lead) for text, lead, _ in got] == [
        ("Tham mưu UBND tỉnh theo dõi, đ", ["Sở Nội vụ"]),
        ("Thẩm định, đề xuất Chủ tịch UB", ["Sở Nội vụ"]),
    ]


def test_the_closing_summary_after_a_label_line_is_not_its_task():
    got = tasks_of(
        "VI. TỔ CHỨC THỰC HIỆN\n6. Sở Nội vụ: Tham mưu UBND tỉnh theo dõi, đôn đốc, hướng dẫn các xã, phường tổ "
        "chức triển khai thực hiện tốt Phong trào thi đua.\n"
        "Trên đây là kế hoạch tổ chức phong trào thi đua thực hiện thành công cuộc bầu cử đại biểu Quốc hội khóa "
        "XVI; các cơ quan, đơn vị, địa phương, doanh nghiệp nghiêm túc tổ chức, triển khai thực hiện./.\n"
    )
    assert [text for text, _, _ in got] == ["Tham mưu UBND tỉnh theo dõi, đ"]


EMULATION = (
    "UBND tỉnh ban hành Kế hoạch phát động phong trào thi đua thực hiện thành công cuộc bầu cử đại biểu Quốc "
    "hội khóa XVI (gọi tắt là phong trào thi đua), cụ thể như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\na) Nhằm phát huy sức mạnh đại đoàn kết toàn dân.\n"
    "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA\n2. Nội dung thi đua\n"
    "a) Thi đua thực hiện thành công cuộc bầu cử; kịp thời chỉ đạo, tổ chức triển khai và phân công nhiệm vụ "
    "cho các cơ quan, đơn vị, địa phương tổ chức thực hiện cuộc bầu cử.\n"
    "b) Giải quyết kịp thời, đúng quy định pháp luật các vụ việc khiếu nại, tố cáo, kiến nghị, phản ánh của "
    "công dân.\n"
    "c) Hoàn thành công tác tổng kết trước ngày 15/4/2026.\n"
)


def test_the_preamble_issuing_the_plan_leads_none_of_its_items_and_a_time_field_bounds_its_siblings():
    got = tasks_of(
        EMULATION + "3. Thời gian tổ chức phong trào thi đua: Phong trào thi đua cao điểm được triển khai thực hiện "
        "từ tháng 10 năm 2025 đến hết tháng 3 năm 2026. Tổng kết vào tháng 4 năm 2026.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: Tham mưu UBND tỉnh theo dõi, đôn đốc các cơ quan, đơn vị.\n"
    )
    assert got == [
        ("Thi đua thực hiện thành công c", ["Các cơ quan, đơn vị (không nêu tên)"], ["2026-03-31"]),
        ("Giải quyết kịp thời, đúng quy ", ["Các cơ quan, đơn vị (không nêu tên)"], ["2026-03-31"]),
        ("Hoàn thành công tác tổng kết t", ["Các cơ quan, đơn vị (không nêu tên)"], ["2026-04-15"]),  # its own
        ("Tham mưu UBND tỉnh theo dõi, đ", ["Sở Nội vụ"], []),  # another section: not bounded
    ]


@pytest.mark.parametrize(
    "field",
    [
        # Đắk Lắk 0124/KH-UBND: an open end is no due date
        "2. Thời gian thực hiện: Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đại biểu toàn quốc lần thứ "
        "XIV của Đảng.",
        # a dossier's time is not the items' time (Hà Nội 71/2025/QĐ-UBND)
        "2. Thời gian nộp hồ sơ: trước ngày 30/12/2025.",
    ],
)
def test_a_time_field_without_a_due_date_or_about_something_else_bounds_nothing(field):
    got = tasks_of(EMULATION + field + "\n")
    assert [due for _, _, due in got] == [[], [], ["2026-04-15"]]


def test_a_time_heading_alone_takes_its_value_from_the_paragraph_below():
    # Cần Thơ 160/KH-UBND: "2. Thời gian thực hiện" / "Công tác giám sát ... trong năm 2025, ..."
    got = tasks_of(
        "II. NỘI DUNG THỰC HIỆN\n1. Các hoạt động\n"
        "a) Tổ chức giám sát, đánh giá việc thực hiện các Chương trình mục tiêu quốc gia tại các xã.\n"
        "2. Thời gian thực hiện\nCông tác giám sát, đánh giá được tiến hành thường xuyên, liên tục trong năm 2025, "
        "sẽ có văn bản thông báo lịch giám sát, đánh giá trước khi đoàn đến làm việc.\n"
    )
    assert got == [("Tổ chức giám sát, đánh giá việ", ["Các cơ quan, đơn vị (không nêu tên)"], ["2025-12-31"])]


LEAD_IN_PLAN = (
    "II. NỘI DUNG\n2. Kế hoạch phát triển giai đoạn 2026 - 2030\n"
    "{lead_in}\n"
    "2.1. Xây dựng trạm 5G, mạng lõi\n"
    "- Lắp đặt các trạm BTS 5G, mạng lõi: Đảm bảo độ phủ sóng rộng khắp và chất lượng tín hiệu ổn định.\n"
    "- Triển khai cáp quang và hạ tầng truyền dẫn: Đảm bảo đường truyền tốc độ cao cho các trạm 5G.\n"
    "- Hoàn thành thử nghiệm trong năm 2026.\n"
    "III. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ: Theo dõi, đôn đốc các doanh nghiệp viễn thông.\n"
)


def test_a_lead_in_opening_with_a_period_bounds_the_items_of_its_section():
    # Nghệ An 987/KH-UBND: "Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% ..., cụ thể như sau:"
    got = tasks_of(
        LEAD_IN_PLAN.format(
            lead_in="Trong giai đoạn 2026 - 2030, Đảm bảo xây dựng trạm BTS 5G đạt 100% và triển khai một số ứng "
            "dụng IoT cơ bản tại các KCN trọng điểm của tỉnh, cụ thể như sau:"
        )
    )
    assert [due for _, _, due in got] == [["2030-12-31"], ["2030-12-31"], ["2026-12-31"], []]


@pytest.mark.parametrize(
    "lead_in",
    [
        # Trung ương 623/TB-VPCP: a time inside the sentence times a goal, not the items
        "Để tiếp tục tháo gỡ các khó khăn, vướng mắc, đạt được mục tiêu tăng trưởng kinh tế 8% trong năm 2025 của "
        "Tỉnh, đề nghị tập trung thực hiện một số nội dung trọng tâm sau:",
        # the opening time without a colon introducing the items
        "Trong giai đoạn 2026 - 2030, toàn tỉnh có 87 trạm BTS đã đi vào hoạt động.",
    ],
)
def test_a_lead_in_without_an_opening_time_introducing_items_bounds_nothing(lead_in):
    got = tasks_of(LEAD_IN_PLAN.format(lead_in=lead_in))
    assert [due for _, _, due in got][:3] == [[], [], ["2026-12-31"]]


def test_a_range_joined_by_the_second_times_own_cue_is_one_deadline():
    (d,) = find_deadlines("từ tháng 10 năm 2025 đến hết tháng 3 năm 2026", time_field=True)
    assert (d.text, [x.isoformat() for x in d.due_dates], d.start_date.isoformat()) == (
        "từ tháng 10 năm 2025 đến hết tháng 3 năm 2026",
        ["2026-03-31"],
        "2025-10-01",
    )


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Kết luận của Thủ tướng Chính phủ Phạm Minh Chính tại buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa",
         "Thanh Hóa"),
        ("Kết luận của Phó Thủ tướng Chính phủ Mai Văn Chính tại buổi làm việc với lãnh đạo tỉnh Đắk Lắk",
         "Đắk Lắk"),
        ("Kết luận của Phó Thủ tướng Chính phủ Bùi Thanh Sơn tại buổi làm việc với lãnh đạo tỉnh Phú Thọ",
         "Phú Thọ"),
        ("Kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân", None),
    ],
)  # fmt: skip
def test_a_conclusion_notice_is_about_the_province_its_title_ends_with(title, place):
    assert subject_province(title) == place


def test_a_notice_lead_in_naming_the_standing_committee_leads_the_items_below():
    got = tasks_of(
        "II. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI\n"
        "Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo, tập trung thực hiện các nhiệm vụ, giải pháp "
        "trên các lĩnh vực trong 02 tháng cuối năm 2025 và những tháng đầu năm 2026; trong đó lưu ý một số nội "
        "dung trọng tâm sau:\n"
        "1. Đổi mới tư duy, tầm nhìn phát triển, khai thác tối đa nguồn lực bên trong.\n"
        "6. Chú trọng đầu tư phát triển giáo dục, đào tạo nhân lực chất lượng cao; đầu tư phát triển con người.\n"
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "8. Về hoạt động của mô hình chính quyền địa phương 02 cấp: giao Bộ Nội vụ chủ trì, phối hợp với các cơ "
        "quan liên quan nghiên cứu, tổng hợp, báo cáo Chính phủ trước ngày 30 tháng 11 năm 2025.\n",
        CENTRAL,
    )
    assert got == [
        ("Đổi mới tư duy, tầm nhìn phát ", ["Tỉnh ủy Thanh Hóa"], []),
        ("Chú trọng đầu tư phát triển gi", ["Tỉnh ủy Thanh Hóa"], []),
        ("Về hoạt động của mô hình chính", ["Bộ Nội vụ"], ["2025-11-30"]),
    ]


@pytest.mark.parametrize(
    ("line", "lead"),
    [
        ("Giao Thường trực Hội đồng nhân dân Thành phố, các Ban Hội đồng nhân dân Thành phố, các Tổ đại biểu và "
         "đại biểu Hội đồng nhân dân Thành phố giám sát việc thực hiện Nghị quyết.",
         "Thường trực Hội đồng nhân dân thành phố"),
        ("Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu Hội đồng "
         "nhân dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
         "Thường trực Hội đồng nhân dân tỉnh"),
    ],
)  # fmt: skip
def test_a_councils_standing_body_leads_the_monitoring(line, lead):
    # a body of its own, not the council (corpus/README.md, the seven: ha-noi__80-2025-NQ-HDND)
    place = "thành phố Hà Nội" if "Thành phố" in line else "tỉnh Vĩnh Long"
    header = (
        f"HỘI ĐỒNG NHÂN DÂN {place.upper()}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Số: 55/2025/NQ-HĐND\t{place.split(' ', 1)[1]}, ngày 10 tháng 12 năm 2025\n"
        "NGHỊ QUYẾT\nQuy định mức thu học phí\n"
    )
    got = tasks_of("Điều 3. Tổ chức thực hiện\n1. " + line + "\n", header)
    assert [leads for _, leads, _ in got] == [[lead]]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # Văn phòng Chính phủ 636/TB-VPCP
        ("Tập trung lãnh đạo, chỉ đạo để hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội "
         "năm 2025, trong đó phấn đấu tăng trưởng kinh tế vượt mục tiêu Chính phủ giao (10%).", ["2025-12-31"]),
        # Đắk Lắk 0124/KH-UBND
        ("Thi đua quyết tâm cao nhất, tăng tốc hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát "
         "triển kinh tế - xã hội, quốc phòng - an ninh năm 2025 và kế hoạch 05 năm (2020 - 2025).", ["2025-12-31"]),
        ("Đề ra giải pháp góp phần hoàn thành mục tiêu phát triển kinh tế - xã hội năm 2025.", ["2025-12-31"]),
        # Cà Mau 0204/KH-UBND: a three-year plan names a period, it is no year target
        ("Để hoàn thành kế hoạch tài chính - NSNN 03 năm 2026 - 2028 của tỉnh, thực hiện các giải pháp sau.", []),
        # a plan that only names a year is no target (guide §4)
        ("Rà soát, xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.", []),
    ],
)  # fmt: skip
def test_a_year_target_is_due_at_the_end_of_that_year(text, due):
    import datetime as dt

    found = find_deadlines(text, issue_date=dt.date(2025, 11, 18))
    assert sorted({d.isoformat() for x in found for d in x.due_dates}) == due


NOTICE = (
    "VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 636/TB-VPCP\tHà Nội, ngày 22 tháng 11 năm 2025\n"
    "THÔNG BÁO\nKết luận của Phó Thủ tướng Chính phủ Bùi Thanh Sơn tại buổi làm việc với lãnh đạo tỉnh Phú Thọ\n"
)


def test_a_notice_general_assessment_holds_no_tasks_and_its_topics_with_one_paragraph_are_one_task():
    got = tasks_of(
        "I. ĐÁNH GIÁ CHUNG\n2. Về triển khai mô hình chính quyền địa phương 02 cấp:\n"
        "Tỉnh Thanh Hóa đã quán triệt, cụ thể hóa và triển khai đầy đủ các quy định, kết luận, chỉ đạo.\n"
        "II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI\n"
        "2. Trên cơ sở Báo cáo chính trị và Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - "
        "2030, khẩn trương xây dựng chương trình, kế hoạch, cơ chế chính sách và các đề án trọng điểm.\n"
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "1. Về kiến nghị hoàn thiện đồng bộ hệ thống pháp luật, quy định chức năng, nhiệm vụ, mối quan hệ công tác "
        "của các cơ quan; ban hành mới hoặc sửa đổi, thay thế các văn bản quy phạm pháp luật:\n"
        "Các Bộ, cơ quan liên quan theo chức năng nhiệm vụ được giao nghiên cứu kỹ nội dung kiến nghị của tỉnh Phú "
        "Thọ để xem xét, xử lý trong quá trình cung cấp, hướng dẫn.\n"
        "3. Về kiến nghị liên quan đến tổ chức bộ máy để bảo đảm vận hành hiệu quả chính quyền địa phương 02 cấp:\n"
        "Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương nghiên cứu, xử lý kiến nghị của tỉnh Phú Thọ, "
        "báo cáo cấp có thẩm quyền trong tháng 11 năm 2025.\n"
        "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các Bộ, cơ quan liên quan biết, thực "
        "hiện./.\n",
        NOTICE,
    )
    assert got == [
        ("Trên cơ sở Báo cáo chính trị v", ["Các cơ quan, đơn vị (không nêu tên)"], []),
        ("Về kiến nghị hoàn thiện đồng b", ["Các bộ, ngành Trung ương"], []),
        ("Về kiến nghị liên quan đến tổ ", ["Bộ Nội vụ"], ["2025-11-30"]),
    ]


def test_a_list_head_before_the_named_bodies_keeps_them_the_leads():
    # Văn phòng Chính phủ 634/TB-VPCP
    got = tasks_of(
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "4. Về đầu tư kho dầu thô dự trữ quốc gia: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng "
        "Quốc gia Việt Nam chủ động làm việc, trao đổi với các Tập đoàn lớn trên thế giới.\n"
        "9. Về triển khai hạ tầng đề phủ sóng 19 thôn, bản khu vực miền núi: đề nghị các Tập đoàn: Bưu chính Viễn "
        "thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức triển khai thực hiện theo quy định.\n"
        "10. Các Bộ, cơ quan liên quan và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn "
        "thông Việt Nam theo chức năng, nhiệm vụ và thẩm quyền, khẩn trương xử lý các kiến nghị của tỉnh.\n",
        CENTRAL,
    )
    assert [leads for _, leads, _ in got] == [
        ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"],
        ["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"],
        ["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"],
    ]


def test_award_quotas_pointers_and_dossier_lists_are_not_tasks():
    # Đắk Lắk 0125/KH-UBND; Cần Thơ 2579/QĐ-UBND ("Xét tối đa 15 tập thể và 30 cá nhân.")
    got = tasks_of(
        "IV. SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG\n2. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh\n"
        "a) Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử:\n"
        "- Ủy ban bầu cử của tỉnh: Không quá 05 cá nhân;\n"
        "- Ban bầu cử đại biểu Hội đồng nhân dân cấp tỉnh: 01 cá nhân/01 ban;\n"
        "- Đối với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Sở Nội vụ; Văn phòng UBND tỉnh mỗi đơn vị đề nghị không "
        "quá 02 tập thể, 05 cá nhân;\n"
        "3. Ủy ban nhân dân xã, phường: Xét tối đa 15 tập thể và 30 cá nhân.\n"
        "V. THỦ TỤC, HỒ SƠ VÀ THỜI GIAN KHEN THƯỞNG\n1. Thủ tục, hồ sơ đề nghị khen thưởng\n"
        "a) Thủ tục, hồ sơ đề nghị khen thưởng cấp Nhà nước\n"
        "Thực hiện theo quy định tại mục 1, Phần III Công văn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ.\n"
        "b) Thủ tục, hồ sơ đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh\n"
        "- Tờ trình đề nghị khen thưởng của các cơ quan, đơn vị, địa phương;\n"
        "- Báo cáo thành tích của các tập thể, cá nhân được đề nghị khen thưởng theo mẫu quy định.\n"
        "3. Tuyến trình khen thưởng:\nThực hiện theo đúng quy định pháp luật về thi đua, khen thưởng hiện hành.\n"
        "VI. TỔ CHỨC THỰC HIỆN\n6. Sở Nội vụ: Tham mưu UBND tỉnh theo dõi, đôn đốc, hướng dẫn các xã, phường tổ "
        "chức triển khai thực hiện tốt Phong trào thi đua.\n"
    )
    assert [text for text, _, _ in got] == ["Tham mưu UBND tỉnh theo dõi, đ"]


def test_a_second_body_with_a_job_of_its_own_in_a_later_sentence_is_a_second_task():
    # Văn phòng Chính phủ 634/TB-VPCP: a full stop splits; a semicolon keeps one task (guide §3)
    got = tasks_of(
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "4. Về đầu tư kho dầu thô dự trữ quốc gia: với vai trò là chủ đầu tư, Tập đoàn Công nghiệp - Năng lượng "
        "Quốc gia Việt Nam chủ động làm việc, trao đổi với các Tập đoàn lớn trên thế giới để triển khai các nội "
        "dung liên quan. Để xác định vị trí cụ thể của dự án, Ủy ban nhân dân tỉnh Thanh Hóa phối hợp với Bộ Công "
        "Thương rà soát kỹ các quy hoạch có liên quan trên địa bàn, báo cáo Thủ tướng Chính phủ kết quả thực hiện "
        "trong tháng 12 năm 2025.\n"
        "8. Về hoạt động của mô hình chính quyền địa phương 02 cấp: giao Bộ Nội vụ chủ trì, phối hợp với các cơ "
        "quan liên quan nghiên cứu, tổng hợp; Bộ Tài chính, Bộ Xây dựng chủ động tổ chức triển khai.\n",
        CENTRAL,
    )
    assert got == [
        ("Về đầu tư kho dầu thô dự trữ q", ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"], []),
        ("Để xác định vị trí cụ thể của ", ["Ủy ban nhân dân tỉnh Thanh Hóa"], ["2025-12-31"]),
        ("Về hoạt động của mô hình chính", ["Bộ Nội vụ"], []),
    ]


def test_each_paragraph_under_a_topic_is_a_task_and_the_notice_closing_is_none():
    # Văn phòng Chính phủ 623/TB-VPCP
    got = tasks_of(
        "III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH\n"
        "1. Về kiến nghị sớm ban hành Nghị quyết mới về phát triển kinh tế - xã hội và bảo đảm quốc phòng, an "
        "ninh đối với vùng Tây Nguyên; phân vùng mới:\n"
        "Giao Bộ Tài chính khẩn trương hoàn thiện báo cáo sơ kết 03 năm thực hiện Nghị quyết của Bộ Chính trị về "
        "các vùng kinh tế - xã hội.\n"
        "Sau khi phương án phân vùng mới được cấp có thẩm quyền thông qua, Bộ Tài chính khẩn trương báo cáo Thủ "
        "tướng Chính phủ xem xét, quyết định.\n"
        "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Đắk Lắk và các Bộ, cơ quan liên quan biết, thực "
        "hiện./.\n",
        CENTRAL,
    )
    assert [(text, leads) for text, leads, _ in got] == [
        ("Giao Bộ Tài chính khẩn trương ", ["Bộ Tài chính"]),
        ("Sau khi phương án phân vùng mớ", ["Bộ Tài chính"]),
    ]


def test_bodies_a_topic_concerns_listed_under_it_are_no_task():
    # Lào Cai 5141/SNNMT-KS: where periodic reports are sent, by kind of licence
    got = tasks_of(
        "1. Đề nghị các tổ chức, cá nhân khai thác khoáng sản\n"
        "1.6. Báo cáo định kỳ kết quả hoạt động khai thác khoáng sản được gửi đến các cơ quan sau:\n"
        "a) Đối với giấy phép khai thác khoáng sản nhóm I thuộc thẩm quyền cấp của Bộ Nông nghiệp và Môi trường: "
        "Cục Địa chất và Khoáng sản Việt Nam, Bộ Công Thương; các Sở: Nông nghiệp và Môi trường, Công Thương (nơi "
        "có khoáng sản được khai thác);\n"
        "d) Đối với giấy phép khai thác khoáng sản nhóm III thuộc thẩm quyền cấp của Ủy ban nhân dân tỉnh:\n"
        "Sở Nông nghiệp và Môi trường, Sở Xây dựng;\n"
    )
    assert not any(text.startswith("Sở Nông nghiệp") for text, _, _ in got)
    assert not any("Sở Xây dựng" in leads or "Cục Địa chất và Khoáng sản Việt Nam" in leads for _, leads, _ in got)
