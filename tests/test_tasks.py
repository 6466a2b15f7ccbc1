"""Tasks in every shape plans come in, on text assembled from real plans."""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText

HEADER = (
    "ỦY BAN NHÂN DÂN TỈNH THỪA THIÊN HUẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 350/QĐ-UBND\tThừa Thiên Huế, ngày 11 tháng 11 năm 2021\n"
    "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN KẾ HOẠCH LIÊN KẾT PHÁT TRIỂN VÙNG\n"
)


def tasks_of(body: str):
    doc = parse_document(
        SourceText(source="t.txt", site="text", text=HEADER + body, hints={"layout": "paragraphs"}), "0"
    )
    out = []
    for t in doc.tasks:
        assert doc.text[t.span_start : t.span_end] == t.text
        roles = {
            role: sorted(a.agency.name for a in t.agencies if a.role == role)
            for role in ("lead", "coordinate", "report_to")
        }
        due = sorted({d.isoformat() for dl in t.deadlines for d in dl.due_dates})
        rec = sorted({dl.recurrence for dl in t.deadlines if dl.recurrence})
        out.append((t.section, t.text[:30], roles["lead"], roles["coordinate"], roles["report_to"], due, rec))
    return out


UNNAMED = ["Các cơ quan, đơn vị (không nêu tên)"]


def cut(expected):
    """Expected rows with their text prefix cut as ``tasks_of`` cuts it."""
    return [(row[0], row[1][:30], *row[2:]) for row in expected]


def test_items_under_agency_headings_and_explicit_leads():
    got = tasks_of(
        "I. MỤC ĐÍCH, YÊU CẦU\n- Tập trung cụ thể hóa mục tiêu, các nội dung liên kết vùng.\n"
        "II. CÁC NHIỆM VỤ, GIẢI PHÁP CỤ THỂ\n1. Sở Tài chính:\n"
        "- Nghiên cứu, tham mưu UBND tỉnh các nhóm nhiệm vụ, giải pháp nhằm tự cân đối được nguồn thu chi vào năm 2025.\n"
        "- Thực hiện đề án phân loại đô thị. Phối hợp với Sở Nội vụ tiếp tục triển khai Nghị quyết số 1264/NQ-UBTVQH14.\n"
        "- Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát các dự án.\n"
    )
    assert got == cut(
        [
            ("II.1", "Nghiên cứu, tham mưu UBND tỉnh các nhóm", ["Sở Tài chính"], [], [], ["2025-12-31"], []),
            ("II.1", "Thực hiện đề án phân loại đô thị. Phối h", ["Sở Tài chính"], ["Sở Nội vụ"], [], [], []),
            ("II.1", "Giao Sở Xây dựng chủ trì, phối hợp với S", ["Sở Xây dựng"], ["Sở Tài chính"], [], [], []),
        ]
    )


def test_implementation_items_closing_paragraphs_and_report_targets():
    got = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Các Sở, ban, ngành, địa phương chủ động xây dựng kế hoạch; định kỳ 06 tháng báo cáo kết quả thực hiện "
        "với UBND tỉnh, đồng thời gửi Sở Kế hoạch và Đầu tư để theo dõi và tổng hợp báo cáo.\n"
        "2. Sở Kế hoạch và Đầu tư là cơ quan thường trực; theo dõi, đôn đốc việc triển khai Kế hoạch này.\n"
        "Trên đây là Kế hoạch triển khai thực hiện. Trong quá trình tổ chức thực hiện, nếu có khó khăn, các cơ quan, "
        "đơn vị chủ động đề xuất, gửi Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo UBND tỉnh xem xét./.\n"
    )
    assert got == cut([
        ("III", "Các Sở, ban, ngành, địa phương chủ động", ["Các sở, ban, ngành"], [],
         ["Sở Kế hoạch và Đầu tư", "Ủy ban nhân dân tỉnh"], [], ["P6M"]),
        ("III", "Sở Kế hoạch và Đầu tư là cơ quan thường", ["Sở Kế hoạch và Đầu tư"], [], [], [], []),
        # "Trên đây là ..." is dropped; the reporting the receiving body does in turn is not the task's
        ("III", "Trong quá trình tổ chức thực hiện, nếu c", ["Các cơ quan, đơn vị liên quan"], [],
         ["Sở Kế hoạch và Đầu tư"], [], []),
    ])  # fmt: skip


def test_field_blocks():
    got = tasks_of(
        "II. NHIỆM VỤ\n1. Về dữ liệu\n1.2. Triển khai, phát triển dữ liệu:\na) Nhiệm vụ:\n"
        "- Triển khai rà soát, hoàn thiện, chuẩn hóa cơ sở dữ liệu của đơn vị.\n"
        "- Phối hợp với Bộ Công an triển khai số hóa theo hướng dẫn của Bộ, ngành.\n"
        "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Sở Tài chính, UBND xã, phường.\n"
        "c) Thời gian thực hiện: Hoàn thành trong năm 2025.\n"
        "2. Tổ chức tập huấn, bồi dưỡng chuyên môn\n- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu Ủy ban nhân dân tỉnh "
        "ban hành Kế hoạch; Sở Tư pháp và các sở, ban, ngành chủ động tổ chức triển khai.\n"
        "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo.\n"
    )
    assert got == cut([
        ("II.1.2", "Triển khai rà soát, hoàn thiện, chuẩn h", ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], [],
         ["2025-12-31"], []),
        ("II.1.2", "Phối hợp với Bộ Công an triển khai số hó", ["Sở Khoa học và Công nghệ"], ["Bộ Công an", "Sở Tài chính"],
         [], ["2025-12-31"], []),
        # no "Nhiệm vụ" field: the block's heading is the task
        ("II.2", "Tổ chức tập huấn, bồi dưỡng chuyên môn", ["Sở Nội vụ"], ["Sở Tư pháp"], [], ["2025-12-31"], ["P1Y"]),
    ])  # fmt: skip


def test_task_tables_group_rows_and_a_table_broken_by_a_stray_line():
    got = tasks_of(
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "TT\tNội dung thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "I\tKIỆN TOÀN VÀ HOÀN THIỆN CƠ CHẾ CHỈ ĐẠO\n"
        "1\tTổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh\tBộ CHQS tỉnh; UBND cấp xã\tCác sở, ban, ngành\tTrước ngày 30/11/2025\n"
        "2\tTriển khai thực hiện một số nội dung chi đặc thù\tSở Tài chính\tCơ quan, địa phương liên quan\tThường xuyên\n"
        "…..............\n"
        "3\tHướng dẫn thanh toán chi phí khám bệnh\tSở Y tế\tSở Tài chính và cơ quan liên quan\tTháng 12 hằng năm\n"
    )
    assert got == cut([
        ("Phụ lục.I", "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự", ["Bộ Chỉ huy Quân sự tỉnh"], [], [], ["2025-11-30"], []),
        ("Phụ lục.I", "Triển khai thực hiện một số nội dung chi", ["Sở Tài chính"], [], [], [], []),
        ("Phụ lục.I", "Hướng dẫn thanh toán chi phí khám bệnh", ["Sở Y tế"], ["Sở Tài chính"], [], [], ["P1Y"]),
    ])  # fmt: skip


def test_objectives_lead_ins_and_details_are_not_tasks():
    got = tasks_of(
        "I. MỤC TIÊU\n1. Tỷ lệ hồ sơ được số hóa đạt 100%.\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n4.4. Nền tảng giám sát, điều hành giao thông thông minh\n"
        "Nghiên cứu, triển khai các nền tảng số chuyên dùng, cung cấp dịch vụ hỗ trợ giám sát như:\n"
        "- Hệ thống giám sát, điều hành giao thông thông minh.\n- Hệ thống kiểm tra tải trọng xe tự động.\n"
        "5. Ủy ban nhân dân cấp xã thực hiện các nhiệm vụ sau:\n- Tổ chức triển khai thực hiện kế hoạch chuyển đổi số.\n"
    )
    assert [(s, t, lead) for s, t, lead, *_ in got] == cut(
        [
            ("II.4.4", "Nghiên cứu, triển khai các nền tảng số c", UNNAMED),
            (
                "II.5",
                "Tổ chức triển khai thực hiện kế hoạch ch",
                ["Ủy ban nhân dân cấp xã"],
            ),  # led by the lead-in's subject
        ]
    )


@pytest.mark.parametrize(
    ("body", "n"),
    [
        ("II. NỘI DUNG\n1. Kiện toàn và hoàn thiện cơ chế chỉ đạo.\n(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)\n", 0),
        ("II. NỘI DUNG\n- Số lượng: 5.000 cuốn.\n- Hình thức: In tài liệu cấp phát cho cán bộ cấp xã.\n", 0),
        ("II. KINH PHÍ THỰC HIỆN\n1. Kinh phí thực hiện Kế hoạch được bố trí trong dự toán.\n"
         "2. Sở Tài chính chủ trì, phối hợp với các sở bố trí kinh phí.\n", 1),
    ],
)  # fmt: skip
def test_summaries_descriptions_and_funding_statements(body, n):
    assert len(tasks_of(body)) == n


def test_procedure_tables_are_not_task_tables():
    got = tasks_of(
        "PHỤ LỤC 1\nQUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
        "Bước\tNội dung công việc\tTrách nhiệm thực hiện\tThời gian\n"
        "Bước 1\tTiếp nhận hồ sơ, kiểm tra tính đầy đủ\tBộ phận một cửa\t0,5 ngày\n"
    )
    assert got == []


def test_rules_are_tasks_only_where_a_doer_is_named():
    header = "QUỐC HỘI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 42/2024/QH15\tHà Nội, ngày 29 tháng 6 năm 2024\nLUẬT\nQUẢN LÝ, SỬ DỤNG VŨ KHÍ\n"
    body = (
        "Điều 6. Quy định chung\n1. Phương tiện vận chuyển phải bảo đảm điều kiện an toàn.\n"
        "Điều 7. Trách nhiệm của Bộ Tài chính\n1. Hướng dẫn cơ chế tài chính đối với hoạt động này.\n"
    )
    source = SourceText(source="luat.txt", site="text", text=header + body, hints={"layout": "paragraphs"})
    doc = parse_document(source, "0")
    assert [(t.section, [a.agency.name for a in t.agencies if a.role == "lead"]) for t in doc.tasks] == [
        ("Điều 7", ["Bộ Tài chính"])
    ]
