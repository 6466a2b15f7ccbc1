"""Task tables of every layout, on rows quoted from real plans of the shared corpus:
how the legal-text captures' pipe tables are cut into rows, and how rows become tasks."""

from __future__ import annotations

import pytest

from parsers.sites._pipe_tables import rebuild_tables
from tests.test_tasks import cut, tasks_of

UNNAMED = ["Các cơ quan, đơn vị (không nêu tên)"]


def cut_texts(expected):
    return [(row[0][:30], *row[1:]) for row in expected]


def cells(*rows: list[str]) -> list[str]:
    """Capture lines of a pipe table: every row opens with "|" and every cell is closed by "|"."""
    return [line for row in rows for line in ["|", *[x for cell in row for x in (cell, "|")]]]


# (capture lines, rows it is cut into)
READER_CASES = [
    pytest.param(  # ho-chi-minh__2820-QD-UBND.txt: a row whose ordinal, time and result are merged with the row above
        cells(["**TT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian dự kiến hoàn thành**"],
              ["2", "Quản lý, vận hành Hệ thống", "Sở Tài chính", "Các sở, ngành, UBND xã, phường, đặc khu", "Quý IV/2026"])[:-1]
        + ["|", "|", "Thực hiện sao lưu dữ liệu", "|", "Sở Khoa học và Công nghệ", "|", "Sở Tài chính", "|"]
        + cells(["3", "Cập nhật, chia sẻ và đồng bộ dữ liệu", "Sở Tài chính", "Các sở, ngành", "Quý IV/2026"]),
        ["**TT**\t**Nhiệm vụ**\t**Cơ quan chủ trì**\t**Cơ quan phối hợp**\t**Thời gian dự kiến hoàn thành**",
         "2\tQuản lý, vận hành Hệ thống\tSở Tài chính\tCác sở, ngành, UBND xã, phường, đặc khu\tQuý IV/2026",
         "Thực hiện sao lưu dữ liệu\tSở Khoa học và Công nghệ\tSở Tài chính",
         "3\tCập nhật, chia sẻ và đồng bộ dữ liệu\tSở Tài chính\tCác sở, ngành\tQuý IV/2026"],
        id="merged-cells",
    ),
    pytest.param(  # dong-nai__179-KH-UBND.txt: a group row, then the header repeated without its TT column
        cells(["**STT**", "**Nhiệm vụ, giải pháp**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực hiện**",
               "**Sản phẩm đầu ra**"],
              ["**IV**", "**Phát triển kinh tế số, xã hội số trong lĩnh vực lao động**"],
              ["**Nội dung**", "**Đơn vị thực hiện**", "**Đơn vị phối hợp**", "**Thời gian thực hiện**", "**Sản phẩm đầu ra**"],
              ["4.1", "Xây dựng và tổ chức triển khai kế hoạch", "Sở Nội vụ", "Các sở, ban, ngành; UBND các phường, xã",
               "2026 - 2030", "Kế hoạch"]),
        ["**STT**\t**Nhiệm vụ, giải pháp**\t**Đơn vị thực hiện**\t**Đơn vị phối hợp**\t**Thời gian thực hiện**\t"
         "**Sản phẩm đầu ra**",
         "**IV**\t**Phát triển kinh tế số, xã hội số trong lĩnh vực lao động**",
         "**Nội dung**\t**Đơn vị thực hiện**\t**Đơn vị phối hợp**\t**Thời gian thực hiện**\t**Sản phẩm đầu ra**",
         "4.1\tXây dựng và tổ chức triển khai kế hoạch\tSở Nội vụ\tCác sở, ban, ngành; UBND các phường, xã\t2026 - 2030\tKế hoạch"],
        id="group-row-and-repeated-header",
    ),
    pytest.param(  # trung-uong__2629-QD-TTg.txt: group rows with empty cells, dotted group labels
        cells(["**TT**", "**Chỉ tiêu**", "**Đơn vị**", "**Kết quả**", "**Cơ quan chủ trì theo dõi, đánh giá**"],
              ["**I**", "**Giai đoạn 2025-2027**", "", "", ""],
              ["**I.1**", "**Cung cấp dịch vụ số bao trùm, thông minh**", "", "", ""],
              ["1", "Tỉ lệ dịch vụ công trực tuyến toàn trình", "%", "100%", "Văn phòng Chính phủ"]),
        ["**TT**\t**Chỉ tiêu**\t**Đơn vị**\t**Kết quả**\t**Cơ quan chủ trì theo dõi, đánh giá**",
         "**I**\t**Giai đoạn 2025-2027**\t\t\t", "**I.1**\t**Cung cấp dịch vụ số bao trùm, thông minh**\t\t\t",
         "1\tTỉ lệ dịch vụ công trực tuyến toàn trình\t%\t100%\tVăn phòng Chính phủ"],
        id="empty-cells-of-group-rows",
    ),
    pytest.param(  # a two-row header ("Thực hiện" over its two columns), over rows of trung-uong__2629-QD-TTg.txt
        cells(["**TT**", "**Nhiệm vụ, giải pháp**", "**Thời gian thực hiện**", "**Thực hiện**"],
              ["**Cơ quan chủ trì**", "**Cơ quan phối hợp**"],
              ["3", "Xây dựng Luật An ninh dữ liệu.", "Tháng 12/2026", "Bộ Công an", "Bộ Khoa học và Công nghệ"]),
        ["**TT**\t**Nhiệm vụ, giải pháp**\t**Thời gian thực hiện**\t**Cơ quan chủ trì**\t**Cơ quan phối hợp**",
         "3\tXây dựng Luật An ninh dữ liệu.\tTháng 12/2026\tBộ Công an\tBộ Khoa học và Công nghệ"],
        id="two-row-header",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("lines", "rows"), READER_CASES)
def test_pipe_tables_are_cut_into_rows(lines, rows):
    assert [line for line in rebuild_tables(lines) if "\t" in line] == rows


def test_a_procedure_table_header_is_not_a_two_row_header():
    # cao-bang__1948-QD-UBND.txt: "Trách nhiệm thực hiện" heads one column of a procedure's steps
    lines = cells(["**TT**", "**Nội dung công việc**", "**Trách nhiệm thực hiện**", "**Thời gian thực hiện (ngày làm việc)**"],
                  ["Bước 1", "Kiểm tra, xem xét tính chính xác, đầy đủ của hồ sơ", "Bộ phận một cửa", "0,5 ngày"])  # fmt: skip
    rows = [line.split("\t") for line in rebuild_tables(lines) if "\t" in line]
    assert [len(r) for r in rows] == [4, 4]


def test_merged_cells_carry_lead_coordinators_and_time_down_within_a_group():
    # ho-chi-minh__2820-QD-UBND.txt: the second row's ordinal, coordinators and time are merged with the first's
    got = tasks_of(
        "PHỤ LỤC\nNHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH\n"
        "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian dự kiến hoàn thành\tKết quả dự kiến\n"
        "II\tXây dựng hạ tầng công nghệ thông tin\n"
        "1\tXây dựng hạ tầng công nghệ thông tin, trang thiết bị tại Sở Tài chính\tTrung tâm Chuyển đổi số Thành phố\t"
        "Sở Khoa học và Công nghệ\tQuý IV/2026\tHạ tầng công nghệ thông tin\n"
        "Xây dựng hạ tầng kỹ thuật dự phòng phục vụ triển khai cơ sở dữ liệu quốc gia\tSở Tài chính\n"
        "III\tXây dựng cơ sở dữ liệu quốc gia về quy hoạch\n"
        "1\tĐồng bộ hoá cơ sở dữ liệu hồ sơ quy hoạch\tSở Tài chính\t\t\tCơ sở dữ liệu\n"
    )
    assert got == cut([
        ("Phụ lục.II", "Xây dựng hạ tầng công nghệ thông tin, trang", ["Trung tâm Chuyển đổi số Thành phố"],
         ["Sở Khoa học và Công nghệ"], [], ["2026-12-31"], []),
        ("Phụ lục.II", "Xây dựng hạ tầng kỹ thuật dự phòng", ["Sở Tài chính"], ["Sở Khoa học và Công nghệ"], [],
         ["2026-12-31"], []),
        ("Phụ lục.III", "Đồng bộ hoá cơ sở dữ liệu hồ sơ quy hoạch", ["Sở Tài chính"], [], [], [], []),
    ])  # fmt: skip


def test_header_words_pick_the_columns_and_a_period_group_bounds_its_rows():
    # trung-uong__2629-QD-TTg.txt, Phụ lục I: "Đơn vị" is the unit; the lead is "Cơ quan chủ trì theo dõi, đánh giá"
    got = tasks_of(
        "PHỤ LỤC I\nDANH MỤC CÁC CHỈ TIÊU CỤ THỂ\n"
        "TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan chủ trì theo dõi, đánh giá\n"
        "I\tGiai đoạn 2025-2027\t\t\t\n"
        "I.1\tCung cấp dịch vụ số bao trùm, thông minh\t\t\t\n"
        "1\tTỉ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện.\t%\t100%\t"
        "Văn phòng Chính phủ\n"
        "II\tGiai đoạn 2028-2030\t\t\t\n"
        "II.1\tCung cấp dịch vụ số bao trùm, thông minh\t\t\t\n"
        "1\tTỉ lệ người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến.\t%\t99%\t"
        "Bộ Khoa học và Công nghệ\n"
    )
    assert got == cut([
        ("Phụ lục.I.1", "Tỉ lệ dịch vụ công trực tuyến toàn", ["Văn phòng Chính phủ"], [], [], ["2027-12-31"], []),
        ("Phụ lục.II.1", "Tỉ lệ người dân, doanh nghiệp đánh", ["Bộ Khoa học và Công nghệ"], [], [], ["2030-12-31"], []),
    ])  # fmt: skip


@pytest.mark.parametrize(
    ("row", "group"),
    [
        ("I\tGIAI ĐOẠN 1: LẬP NHIỆM VỤ QUY HOẠCH\n", True),  # roman label
        ("1\tLập nhiệm vụ quy hoạch\n1.1\tKhảo sát, thu thập số liệu\tSở Xây dựng\t3-4/2024\n", True),  # its items 1.1
        (
            "1\tLập nhiệm vụ quy hoạch\n2\tKhảo sát, thu thập số liệu\tSở Xây dựng\t3-4/2024\n",
            False,
        ),  # a task of its own
    ],
)
def test_group_rows_are_not_tasks(row, group):
    got = tasks_of("PHỤ LỤC\nTIẾN ĐỘ\nTT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\n" + row)
    texts = [t[1] for t in got]
    assert ("Lập nhiệm vụ quy hoạch" not in texts and "GIAI ĐOẠN 1: LẬP NHIỆM VỤ QUY HO" not in texts) == group


def test_the_time_column_first_and_month_ranges():
    # a schedule laid out time first; the second row's time is merged with the first's
    got = tasks_of(
        "PHỤ LỤC\nTIẾN ĐỘ THỰC HIỆN\n"
        "Thời gian\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
        "3-4/2024\tKhảo sát, thu thập số liệu, tài liệu\tSở Xây dựng\tSở Tài chính\n"
        "Lập báo cáo đánh giá hiện trạng\tSở Xây dựng\tSở Tài chính\n"
        "11/2023-02/2024\tLấy ý kiến các sở, ngành\tSở Xây dựng\t\n"
        "12/2023\tTrình phê duyệt nhiệm vụ\tSở Xây dựng\t\n"
    )
    assert [(t[1], t[2], t[5]) for t in got] == cut_texts(
        [
            ("Khảo sát, thu thập số liệu, tài liệu", ["Sở Xây dựng"], ["2024-04-30"]),
            ("Lập báo cáo đánh giá hiện trạng", ["Sở Xây dựng"], ["2024-04-30"]),
            ("Lấy ý kiến các sở, ngành", ["Sở Xây dựng"], ["2024-02-29"]),
            ("Trình phê duyệt nhiệm vụ", ["Sở Xây dựng"], ["2023-12-31"]),
        ]
    )


def test_body_items_closed_by_a_pointer_to_the_appendix_are_not_tasks_twice():
    # trung-uong__2629-QD-TTg.txt: section III lists the rows of Phụ lục II and ends "(Chi tiết tại các Phụ lục kèm theo)"
    got = tasks_of(
        "III. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể chế\n- Xây dựng Luật An ninh dữ liệu.\n"
        "2. Phát triển dữ liệu số\n- Tập trung số hóa dữ liệu, khai thác tái sử dụng dữ liệu.\n"
        "(Chi tiết tại các Phụ lục kèm theo)\n"
        "IV. TỔ CHỨC THỰC HIỆN\n1. Bộ Khoa học và Công nghệ\n- Làm đầu mối tổng hợp tình hình thực hiện Chương trình.\n"
        "PHỤ LỤC II\nDANH MỤC CÁC NHIỆM VỤ\n"
        "TT\tNhiệm vụ, giải pháp\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả\tThời gian thực hiện\n"
        "I\tHoàn thiện thể chế\n"
        "3\tXây dựng Luật An ninh dữ liệu.\tBộ Công an\tBộ Khoa học và Công nghệ, Bộ Tài chính và các bộ, ngành\t"
        "Trình Quốc hội dự thảo Luật\tTháng 12/2026\n"
    )
    assert [(t[1], t[2], t[3], t[5]) for t in got] == [
        ("Làm đầu mối tổng hợp tình hình", ["Bộ Khoa học và Công nghệ"], [], []),
        (
            "Xây dựng Luật An ninh dữ liệu.",
            ["Bộ Công an"],
            ["Bộ Khoa học và Công nghệ", "Bộ Tài chính"],
            ["2026-12-31"],
        ),
    ]


def test_a_header_inside_the_pipes_of_a_table_above_opens_a_new_table():
    # cao-bang__1948-QD-UBND.txt: one run of pipes holds a total row, a procedure's title and the next header
    lines = cells(["**Các bước**", "**Nội dung công việc**", "**Trách nhiệm thực hiện**", "**Thời gian**"],
                  ["Bước 8", "Trả kết quả giải quyết thủ tục hành chính", "Bộ phận tiếp nhận và trả kết quả", "Không tính"],
                  ["**Tổng thời gian giải quyết TTHC**", "", "**19 ngày**"],
                  ["**Quy trình số: 03**"],
                  ["**Thứ tự công việc**", "**Nội dung công việc**", "**Trách nhiệm xử lý công việc**", "**Thời gian**"],
                  ["Bước 1", "Kiểm tra, xem xét tính chính xác, đầy đủ của hồ sơ", "Chuyên viên", "0,25"])  # fmt: skip
    rows = [line.split("\t") for line in rebuild_tables(lines) if "\t" in line]
    assert [
        "**Thứ tự công việc**",
        "**Nội dung công việc**",
        "**Trách nhiệm xử lý công việc**",
        "**Thời gian**",
    ] in rows
    assert ["Bước 1", "Kiểm tra, xem xét tính chính xác, đầy đủ của hồ sơ", "Chuyên viên", "0,25"] in rows


def test_an_article_heading_after_a_table_is_the_documents_text_not_a_cell():
    # hue__34-2025-NQ-HDND.txt: the text running on after the last row, up to the pipes of "Nơi nhận"
    lines = [*cells(["**TT**", "**Địa phương**", "**Tỷ lệ (%)**"], ["1", "Xã Đan Điền", "40"]),
             "**Điều 4. Tổ", "chức thực hiện**", "1. Giao Ủy ban nhân dân thành", "phố triển khai thực hiện Nghị quyết.",
             "|", "Nơi nhận:", "- Như Điều 4;", "|", "**TM. HỘI ĐỒNG NHÂN DÂN**", "|"]  # fmt: skip
    out = rebuild_tables(lines)
    assert "1\tXã Đan Điền\t40" in out
    assert "1. Giao Ủy ban nhân dân thành" in out  # a line of its own, not inside a cell


def test_a_wider_header_among_the_rows_opens_the_next_table():
    # trung-uong__2530-QD-TTg.txt: Phụ lục II's header follows Phụ lục I's last row in the same pipes
    got = tasks_of(
        "PHỤ LỤC I\nBẢNG PHÂN CÔNG THỰC HIỆN\n"
        "STT\tCơ quan chủ trì\tCơ quan phối hợp\tNội dung nhiệm vụ\tThời hạn hoàn thành\n"
        "1\tBộ Y tế\tBộ Nông nghiệp và Môi trường\tXây dựng hồ sơ sức khỏe để theo dõi tác động của ô nhiễm\t"
        "Giai đoạn 2026 - 2030\n"
        "STT\tTên dự án, nhiệm vụ\tNội dung chính\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
        "1\tHệ thống kiểm kê phát thải\tXây dựng và vận hành Hệ thống kiểm kê phát thải không khí quốc gia\t"
        "Bộ Nông nghiệp và Môi trường\tBộ Công Thương\tHoàn thành trong giai đoạn 2026 - 2027\n"
    )
    assert [(t[1], t[2], t[3], t[5]) for t in got] == [
        ("Xây dựng hồ sơ sức khỏe để the", ["Bộ Y tế"], ["Bộ Nông nghiệp và Môi trường"], ["2030-12-31"]),
        ("Xây dựng và vận hành Hệ thống ", ["Bộ Nông nghiệp và Môi trường"], ["Bộ Công Thương"], ["2027-12-31"]),
    ]
