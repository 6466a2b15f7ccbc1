"""Lead-ins and closing courtesies are not tasks (guide §3); "... như:" keeps its paragraph a task.

Quoted from the text layer of Lào Cai's letter to the Ministry of Construction (UBND-XD, May 2026),
Sơn La 2954/QĐ-UBND (a department heading, then "Chủ trì, phối hợp với ...:" and its bullets),
Đồng Tháp 597/KH-UBND (work "như:" its examples) and Lào Cai 5141/SNNMT-KS (its closing).
"""

from __future__ import annotations

from tests.task_rows import parse_text

LETTER_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 3686/UBND-XD V/v đề xuất sớm tháo gỡ khó khăn, vướng mắc trong kiểm tra điều kiện an toàn PCCC "
    "đối với phương tiện vận chuyển vật liệu nổ công nghiệp, tiền chất thuốc nổ.\tLào Cai, ngày 11 tháng 5 năm 2026\n\n"
    "Kính gửi: Bộ Xây dựng\n\n"
)
REQUESTS = (
    "3. Kiến nghị\n\n"
    "Để kịp thời tháo gỡ khó khăn, vướng mắc cho doanh nghiệp, bảo đảm hoạt động sản xuất, kinh doanh và tiến độ "
    "thi công các công trình, dự án trọng điểm trên địa bàn tỉnh Lào Cai, Uỷ ban nhân dân tỉnh Lào Cai trân trọng "
    "đề nghị Bộ Xây dựng:\n\n"
    "(i). Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương ban hành văn bản hướng dẫn các cơ quan đăng kiểm địa phương "
    "triển khai việc kiểm tra điều kiện an toàn về PCCC đối với phương tiện giao thông.\n\n"
    "(ii). Sớm chỉ đạo nghiên cứu, sửa đổi, bổ sung các Quy chuẩn kỹ thuật quốc gia, Thông tư có liên quan.\n\n"
    "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét, chỉ đạo giải quyết./.\n\n"
    "Nơi nhận: - Như trên; - Lưu: VT, KT, XD.\tTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phan Trung Bá\n"
)
PLAN_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH SƠN LA\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
    "Số: 2954/QĐ-UBND\tSơn La, ngày 20 tháng 11 năm 2025\n\n"
    "KẾ HOẠCH\n\nXuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\n"
)
DEPARTMENT = (
    "4. Sở Khoa học và Công Nghệ\n\n"
    "Chủ trì, phối hợp với các sở, ngành, UBND các xã, phường và các cơ quan, đơn vị có liên quan:\n\n"
    "- Triển khai thực hiện các chính sách khuyến khích doanh nghiệp, HTX đầu tư, áp dụng chuyển giao đổi mới "
    "công nghệ tiên tiến, công nghệ sạch thân thiện với môi trường.\n\n"
    "- Tập trung cao cho việc xây dựng, quản lý nhãn hiệu, tem truy xuất nguồn gốc của các sản phẩm chủ lực, "
    "đặc trưng của tỉnh.\n\n"
)
EXAMPLES = (
    "4.4. Nền tảng giám sát, điều hành giao thông thông minh\n\n"
    "Nghiên cứu, triển khai các nền tảng số chuyên dùng, cung cấp dịch vụ hỗ trợ giám sát, điều hành giao thông "
    "thông minh như:\n\n"
    "- Hệ thống giám sát, điều hành giao thông thông minh.\n\n"
    "- Hệ thống điều hành giao thông tích hợp trong đô thị thông minh.\n\n"
)


def test_a_letters_lead_in_and_closing_courtesy_are_not_tasks():
    doc = parse_text(LETTER_HEAD + REQUESTS)
    assert [t.text[:30] for t in doc.tasks] == ["Chỉ đạo Cục Đăng kiểm Việt Nam", "Sớm chỉ đạo nghiên cứu, sửa đổ"]
    assert all([a.agency.name for a in t.agencies if a.role == "lead"] == ["Bộ Xây dựng"] for t in doc.tasks)
    # the subject line's full stop closes the sentence, it is not part of the title
    assert doc.metadata.title.endswith("tiền chất thuốc nổ")


def test_a_lead_in_under_a_department_heading_gives_its_bullets():
    doc = parse_text(PLAN_HEAD + DEPARTMENT)
    assert [t.text[:30] for t in doc.tasks] == ["Triển khai thực hiện các chính", "Tập trung cao cho việc xây dựn"]


def test_work_listed_with_its_examples_stays_a_task():
    texts = [t.text for t in parse_text(PLAN_HEAD + EXAMPLES).tasks]
    assert texts and texts[0].startswith("Nghiên cứu, triển khai các nền tảng số chuyên dùng"), texts
    assert not any(t.startswith("Hệ thống") for t in texts), texts
