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


# A body's heading that carries its task on the same line: Lào Cai 16/2026 Điều 6.1.c (a regulation),
# Đắk Lắk 0125/KH-UBND VI.6 and Thanh Hóa 235/KH-UBND IV.2 (plans), Đồng Nai 179/KH-UBND VI.12-13 (bold label)
AGENCY_LINES = """\
Điều 6. Thành lập, mở rộng cụm công nghiệp
1. Quyết định thành lập, mở rộng cụm công nghiệp:
c) Sở Tài chính: Chủ trì, phối hợp các sở, ngành liên quan tổ chức thẩm
định, trình Ủy ban nhân dân tỉnh xem xét quyết định chấp thuận chủ trương đầu
tư cụm công nghiệp theo Luật Đầu tư.
Điều 7. Tổ chức thực hiện

**6. Sở Nội vụ: **Tham mưu UBND
tỉnh theo dõi, đôn đốc, hướng dẫn Sở, ban, ngành, Ủy ban Mặt trận Tổ quốc Việt
Nam tỉnh và các tổ chức chính trị - xã hội tỉnh; các xã, phường và đơn vị thuộc
tỉnh tổ chức triển khai thực hiện tốt Phong trào thi đua; thẩm định, đề xuất Chủ
tịch UBND tỉnh khen thưởng và đề nghị cấp trên khen thưởng đối với các tập thể,
cá nhân có thành tích xuất sắc trong Phong trào thi đua.

2. Sở Tài chính: Căn cứ khả
năng cân đối ngân sách, trình cấp có thẩm quyền phê duyệt kinh phí thực hiện kế
hoạch trong dự toán đầu năm 2026 trên cơ sở đề nghị của Sở Nông nghiệp và Môi
trường.

**12. Sở Ngoại vụ:** Triển
khai các Hiệp định, Khuôn khổ hợp tác quốc tế về phát triển kinh tế số và xã hội
số theo nhiệm vụ của Kế hoạch.

**13. Sở Xây dựng:** Chủ
trì, phối hợp với các bộ, ngành, địa phương có liên quan triển khai tích hợp
IoT vào một số hạ tầng quan trọng theo nhiệm vụ được giao của Kế hoạch.
"""


def test_a_bodys_heading_with_its_task_on_the_same_line_is_that_bodys_task():
    tasks = _parse("lao-cai__16-2026-QD-UBND.txt", "Lào Cai", "16/2026/QĐ-UBND", AGENCY_LINES).tasks
    assert [(t.text[:20], _leads(t), t.section) for t in tasks] == [
        ("Chủ trì, phối hợp cá", {"Sở Tài chính"}, "Điều 6.1"),
        ("Tham mưu UBND tỉnh t", {"Sở Nội vụ"}, "Điều 7"),
        ("Căn cứ khả năng cân ", {"Sở Tài chính"}, "Điều 7"),
        ("Triển khai các Hiệp ", {"Sở Ngoại vụ"}, "Điều 7"),
        ("Chủ trì, phối hợp vớ", {"Sở Xây dựng"}, "Điều 7"),
    ]


# Lào Cai 16/2026 Điều 6.1.b: a label that names the body, then several paragraphs, each its task
FOLLOW_ON = """\
Điều 6. Thành lập, mở rộng cụm công nghiệp
1. Quyết định thành lập, mở rộng cụm công nghiệp:
b) Ủy ban nhân dân cấp xã:
Chủ trì phối hợp với các đơn vị liên quan trình Sở Tài chính thẩm định trình
Ủy ban nhân dân tỉnh phê duyệt quyết định chấp thuận chủ trương đầu tư cụm
công nghiệp theo Luật Đầu tư.
Chủ trì, phối hợp với đơn vị đăng ký làm chủ đầu tư xây dựng hạ tầng kỹ
thuật cụm công nghiệp lập hồ sơ thành lập, mở rộng cụm công nghiệp gửi Sở Công Thương thẩm định.
"""


def test_each_paragraph_under_a_label_naming_the_body_is_its_task():
    tasks = _parse("lao-cai__16-2026-QD-UBND.txt", "Lào Cai", "16/2026/QĐ-UBND", FOLLOW_ON).tasks
    assert [(t.text[:20], _leads(t)) for t in tasks] == [
        ("Chủ trì phối hợp với", {"*collective*"}),
        ("Chủ trì, phối hợp vớ", {"*collective*"}),
    ]


# Lào Cai 16/2026 Điều 6.1.d: under "d) Sở Công Thương:" two duties, then how the council scores and
# who is chosen: a paragraph that opens with neither a task verb nor a doer is no task of the body
COUNCIL = """\
Điều 6. Thành lập, mở rộng cụm công nghiệp
1. Quyết định thành lập, mở rộng cụm công nghiệp:
d) Sở Công Thương:
Sau khi có quyết định chấp thuận chủ trương đầu tư cụm công nghiệp chủ
trì, phối hợp các sở, ngành liên quan tổ chức thẩm định, trình Ủy ban nhân dân
tỉnh xem xét quyết định thành lập, mở rộng cụm công nghiệp theo quy định tại
khoản 3 Điều 10, Điều 11, Điều 12 Nghị định số 32/2024/NĐ-CP.
Trong quá trình thẩm định hồ sơ thành lập, mở rộng cụm công nghiệp, Sở
Công Thương báo cáo Ủy ban nhân dân tỉnh quyết định thành lập Hội đồng đánh
giá lựa chọn chủ đầu tư gồm: Chủ tịch Hội đồng là Lãnh đạo Ủy ban nhân dân
tỉnh, Phó Chủ tịch Hội đồng là Lãnh đạo Sở Công Thương, Thư ký Hội đồng là
đại diện Lãnh đạo phòng quản lý chuyên môn của Sở Công Thương, thành viên
Hội đồng là đại diện các Sở Tài chính, Sở Nông nghiệp và Môi trường, Sở Xây
dựng, UBND cấp xã và một số cơ quan, đơn vị có liên quan khác để chấm điểm
với thang điểm 100 cho các tiêu chí: Phương án đầu tư xây dựng hạ tầng kỹ thuật
(tối đa 15 điểm); phương án quản lý, bảo vệ môi trường cụm công nghiệp (tối đa
15 điểm); năng lực, kinh nghiệm của doanh nghiệp, hợp tác xã (tối đa 30 điểm)
và phương án tài chính đầu tư xây dựng hạ tầng kỹ thuật (tối đa 40 điểm).
Căn cứ điều kiện thực tế của địa phương và quy định của pháp luật liên
quan, Hội đồng thống nhất nguyên tắc, phương thức làm việc, các nội dung của
từng tiêu chí và mức điểm tối đa tương ứng cho phù hợp.
Doanh nghiệp, hợp tác xã, tổ chức có số điểm từ 50 trở lên được Ủy ban
nhân dân cấp tỉnh xem xét, quyết định giao làm chủ đầu tư xây dựng hạ tầng kỹ
thuật cụm công nghiệp tại Quyết định thành lập, mở rộng cụm công nghiệp
(trường hợp có từ 02 doanh nghiệp, hợp tác xã, tổ chức trở lên cùng đề nghị làm
chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp thì giao doanh nghiệp, hợp
tác xã, tổ chức có số điểm cao nhất; nếu có từ hai doanh nghiệp, hợp tác xã, tổ
chức có số điểm cao nhất bằng nhau thì giao doanh nghiệp, hợp tác xã, tổ chức
theo đề xuất của Chủ tịch Hội đồng đánh giá lựa chọn chủ đầu tư).
e) Các sở, ban, ngành liên quan có trách nhiệm phối hợp trong việc thẩm
định hồ sơ đề nghị chấp thuận chủ trương đầu tư thành lập, mở rộng cụm công
nghiệp theo chức năng quản lý ngành.
"""


def test_a_paragraph_under_the_label_that_assigns_nothing_is_no_task():
    tasks = _parse("lao-cai__16-2026-QD-UBND.txt", "Lào Cai", "16/2026/QĐ-UBND", COUNCIL).tasks
    assert [(t.text[:20], _leads(t)) for t in tasks] == [
        ("Sau khi có quyết địn", {"Sở Công Thương"}),
        ("Trong quá trình thẩm", {"Sở Công Thương"}),
        ("Các sở, ban, ngành l", {"*collective*"}),
    ]
