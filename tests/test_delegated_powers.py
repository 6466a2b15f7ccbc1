"""A decision that delegates powers (ủy quyền, phân cấp) to a department: every power it lists is a task
of the body whose head is named ("Giám đốc Sở X" stands for Sở X); the "Ủy quyền cho ..." lead-in is not.

Quoted from Thanh Hóa 145/2025/QĐ-UBND ("Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ ..., cụ thể như
sau:"), Quảng Ngãi 1617/QĐ-UBND ("Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường ..., cụ thể:") and Lào Cai's
decision delegating to the Sở Công Thương (2026, "Uỷ quyền  cho  Giám đốc Sở  Công Thương ...").
"""

from __future__ import annotations

import pytest

from parsers.tasks.roles import SUBJECT_OPENER
from tests.task_rows import parse_text

THANH_HOA = (
    "ỦY BAN NHÂN DÂN TỈNH THANH HOÁ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 145/2025/QĐ-UBND\tThanh Hoá, ngày 20 tháng 11 năm 2025\n\n"
    "QUYẾT ĐỊNH\n\nỦY QUYỀN CHO GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ THỰC HIỆN MỘT SỐ NHIỆM VỤ, QUYỀN HẠN CỦA ỦY BAN "
    "NHÂN DÂN TỈNH TRONG LĨNH VỰC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG TRÊN ĐỊA BÀN TỈNH THANH HÓA\n\n"
    "Điều 1. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện giải quyết thủ tục hành chính trong lĩnh "
    "vực Tiêu chuẩn Đo lường Chất lượng thuộc thẩm quyền giải quyết của UBND tỉnh, cụ thể như sau:\n\n"
    "1. Cấp giấy chứng nhận đăng ký hoạt động thử nghiệm chất lượng sản phẩm, hàng hóa.\n\n"
    "2. Cấp bổ sung, sửa đổi giấy chứng nhận đăng ký hoạt động thử nghiệm chất lượng sản phẩm, hàng hóa.\n\n"
    "13. Chứng nhận chuẩn đo lường dùng trực tiếp để kiểm định phương tiện đo nhóm 2.\n\n"
    "Điều 2. Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện các nhiệm vụ theo quy định tại Điều 55, "
    "Điều 56 Nghị định số 133/2025/NĐ-CP ngày 12/6/2025 của Chính phủ, như sau:\n\n"
    "1. Kiểm tra hoạt động đánh giá sự phù hợp của tổ chức đánh giá sự phù hợp.\n\n"
    "2. Thu hồi giấy chứng nhận đăng ký hoạt động của tổ chức đánh giá sự phù hợp.\n\n"
    "Điều 3. Thời gian ủy quyền từ ngày Quyết định này có hiệu lực thi hành đến hết ngày 28/02/2027.\n\n"
)
QUANG_NGAI = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 1617/QĐ-UBND\tQuảng Ngãi, ngày 10 tháng 10 năm 2025\n\n"
    "QUYẾT ĐỊNH\n\nVỀ VIỆC ỦY QUYỀN CHO GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG THỰC HIỆN NHIỆM VỤ TRONG LĨNH VỰC "
    "QUẢN LÝ CHẤT LƯỢNG NÔNG LÂM SẢN VÀ THỦY SẢN\n\n"
    "Điều 1. Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện nhiệm vụ trong lĩnh vực quản lý chất lượng "
    "nông lâm sản và thủy sản, cụ thể:\n\n"
    "1. Cấp, thu hồi Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm quy định tại khoản 6 Điều 38 Nghị định "
    "số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ.\n\n"
    "2. Cấp, bổ sung, sửa đổi, cấp lại, thu hồi Giấy chứng nhận lưu hành tự do (CFS) đối với hàng hóa xuất khẩu.\n\n"
)


def _leads(task) -> list[str]:
    return [a.agency.name for a in task.agencies if a.role == "lead"]


@pytest.mark.parametrize(
    ("text", "department", "powers"),
    [
        (THANH_HOA, "Sở Khoa học và Công nghệ", ["Cấp giấy", "Cấp bổ sung", "Chứng nhận", "Kiểm tra", "Thu hồi"]),
        (QUANG_NGAI, "Sở Nông nghiệp và Môi trường", ["Cấp, thu hồi", "Cấp, bổ sung"]),
    ],
)
def test_each_delegated_power_is_a_task_of_the_department(text, department, powers):
    tasks = parse_text(text).tasks
    assert [t.text[: len(p)] for t, p in zip(tasks, powers, strict=True)] == powers
    assert all(_leads(t) == [department] for t in tasks)


@pytest.mark.parametrize(
    "line",
    [
        "Ủy quyền cho Giám đốc Sở Khoa học và Công nghệ thực hiện giải quyết thủ tục hành chính",  # Thanh Hóa 145
        "Ủy quyền cho\nGiám đốc Sở Nông nghiệp và Môi trường tiếp nhận, thẩm định",  # Cần Thơ 2568
        "Uỷ quyền  cho  Giám đốc Sở  Công Thương thực hiện một số nhiệm vụ,",  # Lào Cai, Sở Công Thương
        "Ủy quyền Giám đốc Sở Nông nghiệp và Môi trường thực hiện",  # Quảng Ngãi 1617
        "Phân cấp cho Sở Tài chính phê duyệt quyết toán đối với dự án",  # Lào Cai 11/2026
    ],
)
def test_a_delegation_opens_before_the_body_it_names(line):
    assert line[SUBJECT_OPENER.match(line).end() :].startswith("Sở")
