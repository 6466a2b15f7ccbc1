"""Regulations (Quy chế, Quy định) that hand duties to bodies, article by article or clause by clause.

Lines quoted from the shared corpus: Lào Cai 16/2026/QĐ-UBND (a layout-mode PDF text of a decision
and its regulation), Nghệ An 98/2025/QĐ-UBND and 3783/QĐ-UBND, Cần Thơ 2579/QĐ-UBND.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.models import SourceText
from parsers.sites._markup import emphasis_to_paragraphs


def _parse(name: str, issuer: str, number: str, body: str):
    text = (
        f"ỦY BAN NHÂN DÂN TỈNH {issuer.upper()}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Số: {number}\t{issuer}, ngày 10 tháng 12 năm 2025\n\n"
        "QUYẾT ĐỊNH\n\nBan hành Quy chế phối hợp quản lý nhà nước\n\n" + body
    )
    lines = emphasis_to_paragraphs(text.split("\n"))
    return parse_document(SourceText(source=name, site="text", text="\n".join(lines)), "x")


def _leads(task) -> set[str]:
    return {a.agency.name if not a.agency.collective else "*collective*" for a in task.agencies if a.role == "lead"}


# "Điều N. Trách nhiệm <body>" without "của": every clause below is that body's duty
LAO_CAI = """\
Chương III
TỔ CHỨC THỰC HIỆN

Điều 17. Trách nhiệm Sở Tài chính
2. Tổng hợp phương án ngân sách địa phương hỗ trợ đầu tư xây dựng hạ
tầng kỹ thuật cụm công nghiệp 05 năm trên cơ sở đề nghị của Sở
Công Thương.
3. Phối hợp triển khai thực hiện quy chế; tổ chức xúc tiến đầu tư, thu hút
các nhà đầu tư xây dựng và kinh doanh kết cấu hạ tầng cụm công nghiệp.
Điều 24. Trách nhiệm Công an tỉnh
2. Thẩm định, thẩm duyệt thiết kế và kiểm tra kết quả nghiệm thu về phòng
cháy, chữa cháy đối với cụm công nghiệp.
Điều 26. Trách nhiệm Liên đoàn Lao động tỉnh
3. Tham gia kiểm tra, thanh tra, giám sát và đề xuất kiểm tra, thanh tra,
giám sát các doanh nghiệp vi phạm pháp luật lao động.
Điều 30. Tổ chức thực hiện
"""

NGHE_AN_98 = """\
**Chương II**

**TIẾP NHẬN, PHÂN LOẠI KIẾN
NGHỊ CỦA CỬ TRI**

**Điều 6. Trách nhiệm Văn phòng
UBND tỉnh**

1. Tiếp nhận, phân loại kiến nghị thuộc thẩm quyền
giải quyết của UBND tỉnh, Chủ tịch UBND tỉnh.

2. Trong 03 ngày làm việc kể từ ngày nhận được kiến
nghị, Văn phòng UBND tỉnh thực hiện phân loại, tham mưu cho UBND tỉnh, Chủ tịch
UBND tỉnh phân công cơ quan, đơn vị giải quyết.
"""

NGHE_AN_3783 = """\
**Điều 2. Trách nhiệm Sở
Nội vụ; UBND các xã, phường**
1. Sở Nội vụ
a) Tổ chức triển khai thực
hiện tiếp nhận và trả kết quả giải quyết TTHC không phụ thuộc vào địa giới hành
chính trong phạm vi lĩnh vực quản lý;
2. UBND các xã, phường
a) Tổ chức tiếp nhận hồ sơ và trả kết quả giải quyết TTHC của tổ chức, cá
nhân theo quy định;
"""

CAN_THO = """\
**Điều 10.
Trách nhiệm thực hiện**

1. Kinh phí thực hiện

Kinh phí thực hiện được đảm bảo
từ nguồn ngân sách theo phân cấp ngân sách nhà nước hiện hành.

2. Trách nhiệm của Sở Nội vụ

a) Chủ trì triển khai, hướng dẫn
thực hiện Quy định này;

3. Trách nhiệm các cơ quan, đơn
vị cấp thành phố và Ủy ban nhân dân xã, phường

a) Tổ chức triển khai thực hiện
Quy định Tiêu chí đánh giá, xếp loại công tác dân vận tại cơ quan, đơn vị mình;
"""


@pytest.mark.parametrize(
    ("name", "issuer", "number", "body", "expected"),
    [
        (
            "lao-cai__16-2026-QD-UBND.txt",
            "Lào Cai",
            "16/2026/QĐ-UBND",
            LAO_CAI,
            {
                "Tổng hợp phương án ngân sách": {"Sở Tài chính"},
                "Phối hợp triển khai thực hiện quy chế": {"Sở Tài chính"},
                "Thẩm định, thẩm duyệt thiết kế": {"Công an tỉnh"},
                "Tham gia kiểm tra, thanh tra": {"Liên đoàn Lao động tỉnh"},
            },
        ),
        (
            "nghe-an__98-2025-QD-UBND.txt",
            "Nghệ An",
            "98/2025/QĐ-UBND",
            NGHE_AN_98,
            {
                "Tiếp nhận, phân loại kiến nghị": {"Văn phòng Ủy ban nhân dân tỉnh"},
                "Trong 03 ngày làm việc": {"Văn phòng Ủy ban nhân dân tỉnh"},
            },
        ),
        (
            "nghe-an__3783-QD-UBND.txt",
            "Nghệ An",
            "3783/QĐ-UBND",
            NGHE_AN_3783,
            {"Tổ chức triển khai thực hiện tiếp nhận": {"Sở Nội vụ"}, "Tổ chức tiếp nhận hồ sơ": {"*collective*"}},
        ),
        (
            "can-tho__2579-QD-UBND.txt",
            "Cần Thơ",
            "2579/QĐ-UBND",
            CAN_THO,
            {"Chủ trì triển khai, hướng dẫn": {"Sở Nội vụ"}, "Tổ chức triển khai thực hiện Quy định": {"*collective*"}},
        ),
    ],
)
def test_an_article_or_clause_headed_by_a_bodys_duties_gives_that_body_its_items(name, issuer, number, body, expected):
    tasks = _parse(name, issuer, number, body).tasks
    found = {prefix: _leads(t) for t in tasks for prefix in expected if t.text.startswith(prefix)}
    assert found == expected
    # the funding clause is no one's duty
    assert not any(t.text.startswith("Kinh phí thực hiện được đảm bảo") for t in tasks)


def test_a_heading_naming_no_body_after_trach_nhiem_gives_no_lead():
    body = "Điều 4. Trách nhiệm thi hành\n1. Quy chế này áp dụng đối với các cụm công nghiệp trên địa bàn tỉnh.\n"
    tasks = _parse("x__1-2025-QD-UBND.txt", "Lào Cai", "1/2025/QĐ-UBND", body).tasks
    assert tasks == []


# A regulation's time limit opens the clause, its doer comes after the comma; the limit is relative, no deadline
TIME_LIMIT_FIRST = """\
**Điều 6. Cấp mới hộp thư điện tử**

b) Trong thời hạn 03 ngày làm
việc kể từ khi nhận được văn bản đề nghị của các cơ quan, đơn vị, Sở Khoa học
và Công nghệ thực hiện phân loại, xử lý và gửi văn bản trả lời cho các cơ quan,
đơn vị.

**Điều 7. Khôi phục hộp thư**

b) Sau 03 ngày làm việc kể từ
khi nhận được văn bản đề nghị của các cơ quan, đơn vị, Sở Khoa học và Công nghệ
xác minh, thực hiện khôi phục hộp thư điện tử bị tạm khóa và khởi tạo lại mật
khẩu truy nhập;

**Điều 5. Thời hạn giải quyết kiến nghị cử tri**

Chậm nhất trong 20 ngày làm việc, kể từ ngày nhận được kiến nghị, các cơ quan, đơn vị phải có
trách nhiệm tiếp nhận, giải quyết và trả lời cử tri có kiến nghị.
"""


def test_a_relative_time_limit_before_the_doer_keeps_the_doer_as_lead_and_is_no_deadline():
    # Ninh Bình 162/2025/QĐ-UBND Điều 6-7; Nghệ An 98/2025/QĐ-UBND Điều 5
    tasks = _parse("ninh-binh__162-2025-QD-UBND.txt", "Ninh Bình", "162/2025/QĐ-UBND", TIME_LIMIT_FIRST).tasks
    leads = [_leads(t) for t in tasks]
    assert leads == [{"Sở Khoa học và Công nghệ"}, {"Sở Khoa học và Công nghệ"}, {"*collective*"}]
    assert all(t.deadlines == [] for t in tasks)


# Quảng Trị 2691/QĐ-UBND: the part describing each published procedure assigns nothing, even where a
# step names a body
PROCEDURE_CARD = """\
**Điều 3.** Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp chịu trách nhiệm thi hành Quyết định này.

**PHẦN II.
NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH NỘI BỘ**

**I. Thủ tục
công nhận báo cáo viên pháp luật cấp tỉnh**

1. Trình tự thực hiện:

+ Bước 1: Căn cứ thực tiễn công
tác phổ biến, giáo dục pháp luật của tỉnh, Sở Tư pháp đề nghị các cơ quan, tổ
chức cấp tỉnh rà soát, lựa chọn và giới thiệu nhân sự tham gia làm báo cáo viên
pháp luật cấp tỉnh.

4. Thời hạn giải quyết:

- Trong thời hạn 05 ngày làm việc
kể từ ngày hết thời hạn giới thiệu nhân sự tham gia làm báo cáo viên pháp luật
cấp tỉnh theo văn bản của Sở Tư pháp, Sở Tư pháp trình Chủ tịch UBND tỉnh văn bản
đề nghị công nhận báo cáo viên pháp luật cấp tỉnh.
"""


def test_the_description_of_published_procedures_holds_no_tasks():
    doc = _parse("quang-tri__2691-QD-UBND.txt", "Quảng Trị", "2691/QĐ-UBND", PROCEDURE_CARD)
    assert doc.tasks == []


# Lào Cai 16/2026/QĐ-UBND Điều 6 khoản 3: the closing limit bounds points a) to d), not the other clauses
CLAUSE_LIMIT = """\
      Điều 6. Thành lập, mở rộng cụm công nghiệp
      2. Điều chỉnh, bãi bỏ Quyết định thành lập, mở rộng cụm công nghiệp
      b) Trách nhiệm của các cơ quan, đơn vị:
      Ủy ban nhân dân cấp xã chủ trì, phối hợp với các cơ quan đơn vị có liên
quan trình Sở Công Thương điều chỉnh, bãi bỏ Quyết định thành lập, mở rộng
cụm công nghiệp.
      3. Xử lý thành lập cụm công nghiệp có trong phương án phát triển cụm
công nghiệp hình thành trước Quyết định số 105/2009/QĐ-TTg ngày 19 tháng 8
năm 2009 của Thủ tướng Chính phủ ban hành Quy chế quản lý cụm công nghiệp.
      a) Ủy ban nhân dân cấp xã rà soát, xây dựng kế hoạch, lộ trình thực hiện
đầu tư xây dựng hoàn chỉnh hạ tầng kỹ thuật các cụm công nghiệp, báo cáo Ủy
ban nhân dân tỉnh xem xét, quyết định.
      d) Trách nhiệm của các cơ quan, đơn vị:
       Sở Công Thương chủ trì, phối hợp các sở, ngành liên quan tổ chức thẩm
định, trình Ủy ban nhân dân tỉnh xem xét định thành lập cụm công nghiệp theo
quy định.
     Thời hạn xử lý thành lập cụm công nghiệp hoàn thành trước ngày 31 tháng
12 năm 2026.
     Điều 7. Công tác phối hợp trong việc đánh giá lựa chọn chủ đầu tư
      1. Sở Công Thương tham mưu Ủy ban nhân dân tỉnh quyết định thành lập Hội đồng.
"""

# Hồ Chí Minh 4085/UBND-ĐT 1.3: the same closing line after a body's bullets
CLAUSE_LIMIT_LETTER = """\
1.3. Giao Ủy ban nhân
dân các phường, xã, đặc khu
- Phối hợp thực hiện
công tác rà soát dữ liệu số nhà trên cơ sở Kế hoạch số 94/KH-UBND
ngày 19 tháng 9 năm 2025 của Ủy ban nhân dân Thành phố.
- Trên cơ sở dữ liệu đất
đai và bản đồ địa chính, Ủy ban nhân dân các phường, xã, đặc khu tổ chức rà soát, cập
nhật và làm sạch dữ liệu số nhà đã cấp.
Thời gian hoàn thành trước ngày 31 tháng 12 năm 2025**.**
1.4. Giao Sở Xây dựng
Theo dõi, đôn đốc Ủy ban nhân dân các phường, xã, đặc khu thực hiện cập nhật thông tin số nhà.
"""


@pytest.mark.parametrize(
    ("name", "issuer", "number", "body", "expected"),
    [
        (
            "lao-cai__16-2026-QD-UBND.txt",
            "Lào Cai",
            "16/2026/QĐ-UBND",
            CLAUSE_LIMIT,
            {
                "Ủy ban nhân dân cấp xã chủ trì": [],
                "Ủy ban nhân dân cấp xã rà soát": ["2026-12-31"],
                "Sở Công Thương chủ trì, phối hợp các sở": ["2026-12-31"],
                "Sở Công Thương tham mưu": [],
            },
        ),
        (
            "ho-chi-minh__4085-UBND-DT.txt",
            "Hồ Chí Minh",
            "4085/UBND-ĐT",
            CLAUSE_LIMIT_LETTER,
            {"Phối hợp thực hiện": ["2025-12-31"], "Trên cơ sở dữ liệu": ["2025-12-31"]},
        ),
    ],
)
def test_a_time_limit_closing_a_clause_is_the_deadline_of_each_of_its_tasks(name, issuer, number, body, expected):
    tasks = _parse(name, issuer, number, body).tasks
    found = {
        prefix: [str(day) for d in t.deadlines for day in d.due_dates]
        for t in tasks
        for prefix in expected
        if t.text.startswith(prefix)
    }
    assert found == expected


@pytest.mark.parametrize(
    "limit",
    [
        "Thời hạn xử lý không quá 10 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
        # Bắc Ninh 1489/QĐ-UBND (and eight decisions of the same form): counted from the decision's own day
        "Thời hạn chậm nhất 05 ngày làm\nviệc kể từ ngày ban hành Quyết định.",
    ],
)
def test_a_relative_limit_closing_a_clause_is_no_deadline(limit):
    body = CLAUSE_LIMIT.replace(
        "Thời hạn xử lý thành lập cụm công nghiệp hoàn thành trước ngày 31 tháng\n12 năm 2026.", limit
    )
    assert limit in body
    tasks = _parse("lao-cai__16-2026-QD-UBND.txt", "Lào Cai", "16/2026/QĐ-UBND", body).tasks
    assert len(tasks) >= 3 and all(t.deadlines == [] for t in tasks)


# Nghị quyết 66.18/2026/NQ-CP (Word original): its appendix describes simplified procedures, step by step;
# a step's time limit before the ministry that acts describes the procedure, it assigns no work
APPENDIX_PROCEDURE = """\
PHỤ LỤC I
PHÂN QUYỀN, CẮT GIẢM, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH
II. Trình tự thực hiện thủ tục cấp, sửa đổi bổ sung, gia hạn giấy chứng nhận đăng ký hoạt động bán hàng đa cấp
1. Tiếp nhận hồ sơ
a) Doanh nghiệp nộp 01 bộ hồ sơ quy định tại Điều 10 Nghị định số 137/2026/NĐ-CP tới Bộ Công Thương;
b) Trong thời hạn 05 ngày làm việc kể từ ngày tiếp nhận hồ sơ, Bộ Công Thương có trách nhiệm kiểm tra tính đầy \
đủ, hợp lệ của hồ sơ. Bộ Công Thương thông báo cho doanh nghiệp về tính đầy đủ, đúng quy định của hồ sơ.
"""


def test_a_time_limit_step_in_an_appendix_describing_procedures_is_no_task():
    tasks = _parse("trung-uong__66-18-2026-NQ-CP.docx", "Hà Nội", "66.18/2026/NQ-CP", APPENDIX_PROCEDURE).tasks
    assert not any(t.text.startswith("Trong thời hạn 05 ngày") for t in tasks)
    # the same step in a regulation's own procedure article is the named body's task (Ninh Bình 162 Điều 6.2)
    body = "**Điều 6. Cấp mới hộp thư điện tử**\n\n2. Quy trình cấp mới, thay đổi, thu hồi hộp thư như sau:\n\n"
    body += TIME_LIMIT_FIRST.split("**Điều 7.")[0].split("**\n\n", 1)[1]
    tasks = _parse("ninh-binh__162-2025-QD-UBND.txt", "Ninh Bình", "162/2025/QĐ-UBND", body).tasks
    assert [_leads(t) for t in tasks if t.text.startswith("Trong thời hạn 03")] == [{"Sở Khoa học và Công nghệ"}]
