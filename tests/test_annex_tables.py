"""Annexes of decrees and resolutions, on lines quoted from real documents: a list of texts to
amend with the ministry that drafts each (a task table, due by the date of the article that
names the annex), and annexed procedures of decisions about procedures (no tasks)."""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.deadlines import find_deadlines
from parsers.models import SourceText

# trung-uong__66-18-2026-NQ-CP.docx (the Word original, tables read as tab-separated rows)
RESOLUTION_HEADER = (
    "CHÍNH PHỦ -------\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
    "Số: 66.18/2026/NQ-CP\tHà Nội, ngày 18 tháng 5 năm 2026\n"
    "NGHỊ QUYẾT\nPHÂN QUYỀN, CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH, ĐIỀU KIỆN KINH DOANH\n"
    "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
    "Chính phủ ban hành Nghị quyết phân quyền, cắt giảm, đơn giản hóa thủ tục hành chính, điều kiện kinh doanh.\n"
)
ARTICLE = (
    "Điều 5. Tổ chức thi hành\n"
    "1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ trong phạm vi quản lý ngành, lĩnh vực có trách nhiệm:\n"
    "b) Tham mưu cho Chính phủ trình cơ quan có thẩm quyền ban hành hoặc ban hành theo thẩm quyền văn bản quy phạm "
    "pháp luật theo {annex} ban hành kèm theo Nghị quyết này để phân quyền, cắt giảm, đơn giản hóa thủ tục hành chính, "
    "điều kiện kinh doanh, bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027.\n"
    "3. Bộ Tư pháp chịu trách nhiệm theo dõi, đôn đốc, kiểm tra việc thực hiện Nghị quyết này.\n"
    "Nơi nhận: - Ban Bí thư Trung ương Đảng; - Các bộ, cơ quan ngang bộ; - Lưu: VT, CĐS (2b).\t"
    "TM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Phạm Thị Thanh Trà\n"
)
PROCEDURES = (  # its Phụ lục I: rewritten procedures
    "Phụ lục I\n(Kèm theo Nghị quyết số 66.18/2026/NQ-CP ngày 18 tháng 5 năm 2026 của Chính phủ)\n"
    "Phụ lục I.2\n"
    "1. Hồ sơ cấp phép xuất khẩu, nhập khẩu hàng hóa thuộc Danh mục cấm xuất khẩu, cấm nhập khẩu, bao gồm:\n"
    "a) Bộ Công Thương thẩm định hồ sơ trong thời hạn 15 ngày làm việc kể từ ngày ban hành thông báo về tính "
    "đầy đủ, đúng quy định của hồ sơ.\n"
)
AMENDMENTS = (  # its Phụ lục II
    "Phụ lục II\n"
    "DANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG ĐỂ ĐẢM BẢO TÍNH THỐNG NHẤT, ĐỒNG BỘ\n"
    "(Kèm theo Nghị quyết số 66.18/2026/NQ-CP ngày 18 tháng 5 năm 2026 của Chính phủ)\n"
    "STT\tDANH SÁCH CÁC VBQPPL SỬA ĐỔI, BỔ SUNG\tĐIỀU, KHOẢN, ĐIỂM CẦN SỬA ĐỔI, BỔ SUNG, BÃI BỎ\t"
    "CƠ QUAN CHỦ TRÌ SOẠN THẢO\n"
    "I\tDANH SÁCH LUẬT\t\t\n"
    "1.\tLuật Lưu trữ số 33/2024/QH15\t- Khoản 2, 3,4, 5, 6 Điều 53; - Điều 56; - Khoản 2 Điều 63.\tBộ Nội vụ\n"
    "6.\tLuật Hải quan số 54/2014/QH13, được sửa đổi, bổ sung bởi Luật số 71/2014/QH13\t"
    "Bãi bỏ khoản 1, khoản 2 Điều 20\tBộ Tài chính\n"
    "III\tDANH SÁCH THÔNG TƯ\n"
    "28.\tThông tư quy định chi tiết, quản lý về đào tạo, cấp chứng chỉ vô tuyến điện viên hàng hải\t"
    "Xây dựng mới (Bộ KHCN đề nghị)\tBộ Xây dựng\n"
)


def tasks_of(text: str):
    doc = parse_document(SourceText(source="t.docx", site="docx", text=text, hints={"layout": "paragraphs"}), "0")
    return [
        (
            t.text[:30],
            sorted(a.agency.name for a in t.agencies if a.role == "lead"),
            sorted(d.isoformat() for dl in t.deadlines for d in dl.due_dates),
        )
        for t in doc.tasks
        if t.shape == "table_row"
    ], doc


ROWS = [
    ("Luật Lưu trữ số 33/2024/QH15", ["Bộ Nội vụ"]),
    ("Luật Hải quan số 54/2014/QH13, ", ["Bộ Tài chính"]),
    ("Thông tư quy định chi tiết, quả", ["Bộ Xây dựng"]),
]


def test_annex_rows_are_tasks_due_by_the_article_naming_the_annex():
    rows, doc = tasks_of(RESOLUTION_HEADER + ARTICLE.format(annex="Phụ lục II") + PROCEDURES + AMENDMENTS)
    assert rows == [(text[:30], lead, ["2027-03-01"]) for text, lead in ROWS]
    ministries = {m.agency.name for m in doc.mentions}
    assert {"Bộ Nội vụ", "Bộ Tài chính", "Bộ Xây dựng"} <= ministries
    # the annexed procedure is not a task, though it names its doer
    assert not [t for t in doc.tasks if t.text.startswith("Bộ Công Thương thẩm định")]


@pytest.mark.parametrize(
    "annex",
    [
        pytest.param("Phụ lục I", id="another-annex"),
        pytest.param("Phụ lục II.1", id="a-part-of-another-annex"),
        pytest.param("Phụ lục III", id="a-longer-label"),
    ],
)
def test_rows_take_no_deadline_from_an_article_naming_another_annex(annex):
    rows, _ = tasks_of(RESOLUTION_HEADER + ARTICLE.format(annex=annex) + AMENDMENTS)
    assert rows == [(text[:30], lead, []) for text, lead in ROWS]


@pytest.mark.parametrize(
    "sentence, due",
    [
        ("bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027.", ["2027-03-01"]),  # trung-uong__66-18-2026-NQ-CP
        ("Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.", []),
        ("Nghị quyết này có hiệu lực thi hành kể từ ngày 20 tháng 5 năm 2026.", []),
    ],
)
def test_in_force_before_a_date_is_a_deadline_an_effective_date_is_not(sentence, due):
    assert [d.isoformat() for dl in find_deadlines(sentence) for d in dl.due_dates] == due


PROVINCE_HEADER = (
    "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 2682/QĐ-UBND\tVĩnh Long, ngày 20 tháng 11 năm 2025\n"
    "QUYẾT ĐỊNH\n{title}\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\nQUYẾT ĐỊNH:\n"
)
PROVINCE_BODY = (
    "Điều 1. Công bố kèm theo Quyết định này danh mục 01 (Một) thủ tục hành chính cấp xã mới ban hành (Phụ lục kèm theo).\n"
    "Điều 3. Giao Giám đốc Công an tỉnh thực hiện các nhiệm vụ sau:\n"
    "a) Cập nhật công khai đầy đủ danh mục, nội dung cụ thể của thủ tục hành chính được công bố trên Cơ sở dữ liệu "
    "quốc gia về thủ tục hành chính.\n"
    "Nơi nhận:\n- Như Điều 4;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
    "PHỤ LỤC I\nQUY TRÌNH NỘI BỘ\n{annex}\n"
)


@pytest.mark.parametrize(
    "title, annex",
    [
        pytest.param(  # vinh-long__2682-QD-UBND.txt
            "VỀ VIỆC CÔNG BỐ DANH MỤC 01 THỦ TỤC HÀNH CHÍNH CẤP XÃ MỚI BAN HÀNH VÀ PHÊ DUYỆT 01 QUY TRÌNH NỘI BỘ",
            "- Công an cấp xã tham mưu Chủ tịch Ủy ban nhân dân cấp xã bố trí địa điểm, nhân sự tiếp nhận hồ sơ, "
            "hướng dẫn việc đăng ký cai nghiện tự nguyện.",
            id="published-procedures",
        ),
        pytest.param(  # bac-ninh__1521-QD-UBND.txt
            "VỀ VIỆC CHUẨN HÓA DANH MỤC THỦ TỤC HÀNH CHÍNH ĐẶC THÙ THỰC HIỆN TRÊN ĐỊA BÀN TỈNH BẮC NINH",
            "a) Sở Xây dựng chấp thuận thiết kế nút giao đấu nối đối với các tuyến quốc lộ phân cấp UBND tỉnh quản lý.",
            id="standardised-procedures",
        ),
        pytest.param(  # ha-tinh__2904-QD-UBND.txt
            "CÔNG BỐ DANH MỤC VÀ QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC BÁO CHÍ, XUẤT BẢN",
            "2. Nếu hồ sơ chưa đầy đủ hoặc không hợp lệ thì hướng dẫn bổ sung, hoàn thiện hồ sơ.",
            id="internal-process",
        ),
    ],
)
def test_annexed_procedures_hold_no_tasks_the_body_still_does(title, annex):
    text = PROVINCE_HEADER.format(title=title) + PROVINCE_BODY.format(annex=annex)
    doc = parse_document(SourceText(source="t.txt", site="text", text=text, hints={"layout": "paragraphs"}), "0")
    assert [t.text[:29] for t in doc.tasks] == ["Cập nhật công khai đầy đủ dan"]


def test_a_plan_about_procedures_keeps_its_annex_items():
    """A plan ("Kế hoạch rà soát, đơn giản hóa thủ tục hành chính") lists work in its annex."""
    text = (
        PROVINCE_HEADER.split("QUYẾT ĐỊNH")[0]
        + "KẾ HOẠCH\nRÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH NĂM 2025\n"
        + (
            "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì hướng dẫn các sở, ngành rà soát thủ tục hành chính.\n"
            "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
            "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n1. Sở Xây dựng rà soát thủ tục cấp giấy phép xây dựng, hoàn thành trong quý III/2025.\n"
        )
    )
    doc = parse_document(SourceText(source="t.txt", site="text", text=text, hints={"layout": "paragraphs"}), "0")
    assert "Sở Xây dựng rà soát th" in [t.text[:22] for t in doc.tasks]
