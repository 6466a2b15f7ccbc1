"""A decision issuing a process of work by public bodies: its "Bước N." steps that name who acts are tasks;
a decision publishing administrative procedures (thủ tục hành chính) has none in its procedures' steps.

Lines and titles quoted from the tuning corpus: Huế 125/2025/QĐ-UBND (a review process's steps), Đồng Tháp
137/2025/QĐ-UBND and Nghệ An 97/2025/QĐ-UBND (decisions regulating a process), Lào Cai 11/2026/QĐ-UBND (a
regulation's process article); for the procedures class Quảng Trị 2702/QĐ-UBND, Cao Bằng 2022/QĐ-UBND,
Nghệ An 3760/QĐ-UBND and Đồng Tháp 138/2025/QĐ-UBND.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parsers import parse_document
from parsers.models import Agency, AgencyMention, Metadata, SourceText
from parsers.tasks.not_tasks import assigns_nothing
from parsers.tasks.process_steps import issues_process, short_named_doer, step_body, step_doer
from parsers.tasks.roles import MentionIndex
from parsers.text.structure import section_kind


def _metadata(title: str) -> Metadata:
    return Metadata(doc_type="Quyết định", title=title, issue_date=dt.date(2025, 11, 24))


@pytest.mark.parametrize(
    ("title", "process"),
    [
        # the process class: the title issues or regulates a process of work
        ("Ban hành Quy trình rà soát đối tượng, quy định đối tượng ưu tiên thực hiện Dự án 1, Dự án 2 Chương trình "
         "mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi", True),
        ("Quy định giờ bán hàng, các trường hợp dừng bán hàng và quy trình thông báo trước khi dừng bán hàng tại các "
         "cửa hàng bán lẻ xăng dầu trên địa bàn tỉnh Đồng Tháp", True),
        ("Quy định trình tự, thủ tục hỗ trợ chi phí tư vấn pháp luật cho doanh nghiệp nhỏ và vừa trên địa bàn tỉnh "
         "Nghệ An", True),
        # the procedures class: administrative procedures for citizens, published or given an internal workflow
        ("Công bố thủ tục hành chính nội bộ trong lĩnh vực Đo đạc và Bản đồ thuộc thẩm quyền giải quyết của Sở Nông "
         "nghiệp và Môi trường tỉnh Quảng Trị", False),
        ("Về việc công bố danh mục thủ tục hành chính và phê duyệt quy trình nội bộ giải quyết thủ tục hành chính "
         "trong lĩnh vực Bảo trợ xã hội, lĩnh vực Trẻ em", False),
        ("Phê duyệt quy trình nội bộ, quy trình điện tử trong giải quyết thủ tục hành chính lĩnh vực Giáo dục và đào "
         "tạo thuộc hệ thống giáo dục quốc dân", False),
        ("Ban hành Quy chế tiếp nhận, luân chuyển hồ sơ, giải quyết, trả kết quả thủ tục hành chính trong lĩnh vực "
         "đất đai trên địa bàn tỉnh Đồng Tháp", False),
    ],
)  # fmt: skip
def test_the_process_class_is_told_from_administrative_procedures(title, process):
    assert issues_process(_metadata(title)) is process


def test_a_plan_is_no_process_decision():
    assert not issues_process(Metadata(doc_type="Kế hoạch", title="Triển khai quy trình rà soát hộ nghèo"))


@pytest.mark.parametrize(
    ("heading", "inherited", "kind"),
    [
        ("Điều 4. Quy trình rà soát đối tượng hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt", "other",
         "procedure"),
        ("Điều 6. Quy trình rà soát đối tượng", "objectives", "procedure"),
        ("Điều 5. Quy trình thông báo trước khi dừng bán hàng", "other", "procedure"),
        ("Điều 13. Quy trình thẩm định, phê duyệt, điều chỉnh Báo cáo nghiên cứu", "other", "procedure"),
        # a part of a process names what it reviews, not the objectives part
        ("d) Thời hạn rà soát đối tượng", "procedure", "procedure"),
        # elsewhere "đối tượng" still names the objectives part
        ("Điều 2. Đối tượng áp dụng", "other", "objectives"),
        ("Điều 3. Đối tượng và đối tượng ưu tiên", "other", "objectives"),
        # a regulation's "Trình tự thực hiện" keeps the kind it had (its named doers have tasks)
        ("4. Trình tự thực hiện", "other", "other"),
    ],
)  # fmt: skip
def test_process_headings(heading, inherited, kind):
    assert section_kind(heading, inherited) == kind


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("Bước 1. Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận",
         "Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận"),
        ("Bước 2: Cơ quan chuyên môn được giao chủ trì thẩm định", "Cơ quan chuyên môn được giao chủ trì thẩm định"),
        ("Bước đầu triển khai thí điểm mô hình", None),
    ],
)  # fmt: skip
def test_step_labels(line, body):
    start = step_body(line, 0, len(line))
    assert (line[start:] if start is not None else None) == body


def test_a_forms_blank_field_assigns_nothing():
    assert assigns_nothing("Chủ trì: Ông (bà)……………………………………………………………………..")
    assert not assigns_nothing("Thời gian công khai: từ ngày … tháng … năm … đến hết ngày … tháng … năm …")


HEADER = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHÀNH PHỐ HUẾ\n"
    "Số: 125/2025/QĐ-UBND\tHuế, ngày 24 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n{title}\n\n"
)
HUE_STEPS = """\
Điều 1. Ban hành kèm theo Quyết định này là quy trình rà soát đối tượng.
Điều 2. Phạm vi điều chỉnh
Quyết định này quy định quy trình rà soát đối tượng.
Điều 3. Đối tượng áp dụng
Quyết định này áp dụng đối với các xã, thôn vùng đồng bào dân tộc thiểu số và miền núi.
Điều 4. Quy trình rà soát đối tượng hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt
a) Ủy ban nhân dân cấp xã được giao vốn thực hiện dự án có trách nhiệm thông báo rộng rãi trong thời gian 05 ngày về kế hoạch thực hiện hoạt động hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt.
b) Hình thức nộp hồ sơ
- Trực tiếp;
- Dịch vụ công trực tuyến.
c) Thời hạn rà soát đối tượng
Trong vòng 20 (hai mươi) ngày làm việc kể từ ngày nhận hồ sơ hợp lệ của cá nhân, hộ gia đình. Ủy ban nhân dân cấp xã thực hiện các công việc sau:
Bước 1. Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận, xem xét, kiểm tra tổng hợp hồ sơ và giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các phòng, ban, tổ chức có liên quan thẩm tra, xác minh hồ sơ.
Bước 6. Sau khi có quyết định phê duyệt danh sách hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt, Ủy ban nhân dân cấp xã tổ chức niêm yết công khai tại trụ sở Ủy ban nhân dân cấp xã, nhà sinh hoạt cộng đồng các thôn.
Thời gian niêm yết công khai: 10 (mười) ngày làm việc. Lập Biên bản công khai (Mẫu 06).
Bước 7. Sau thời gian niêm yết công khai, nếu không có khiếu nại, phản ánh thì Ủy ban nhân dân cấp xã trả kết quả đến cá nhân, hộ gia đình.
"""
# the same steps' shape in a decision publishing an administrative procedure (Quảng Trị 2702, "Trình tự thực
# hiện" of a procedure): who handles the applicant's dossier is the procedure's rule, not a task
PROCEDURE_STEPS = """\
Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính nội bộ trong lĩnh vực Đo đạc và Bản đồ.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Nam
PHỤ LỤC
THỦ TỤC HÀNH CHÍNH NỘI BỘ TRONG LĨNH VỰC ĐO ĐẠC VÀ BẢN ĐỒ
PHẦN II. NỘI DUNG THỦ TỤC HÀNH CHÍNH NỘI BỘ
1. Trình tự thực hiện
Bước 1: Tổ chức nộp 01 bộ hồ sơ đề nghị thẩm định dự án, nhiệm vụ đo đạc và bản đồ cơ bản đến Sở Nông nghiệp và Môi trường bằng hình thức trực tiếp;
Bước 3: Sau khi kết thúc thẩm định, trong vòng 01 ngày làm việc, Sở Nông nghiệp và Môi trường gửi văn bản có kết quả thẩm định đến tổ chức đề nghị thẩm định trực tiếp hoặc qua môi trường mạng.
"""


def _parse(title: str, body: str):
    text = HEADER.format(title=title) + body
    return parse_document(SourceText(source="process.txt", site="text", text=text), "x")


def test_the_steps_of_a_process_that_name_their_doer_are_its_tasks():
    doc = _parse("BAN HÀNH QUY TRÌNH RÀ SOÁT ĐỐI TƯỢNG THỰC HIỆN DỰ ÁN 1, DỰ ÁN 2", HUE_STEPS)
    tasks = [(t.section, t.text[:40]) for t in doc.tasks]
    assert tasks == [
        ("Điều 4", "Ủy ban nhân dân cấp xã được giao vốn thự"),
        ("Điều 4.c", "Trong thời gian 02 (hai) ngày làm việc, "),
        ("Điều 4.c", "Sau khi có quyết định phê duyệt danh sác"),
        ("Điều 4.c", "Sau thời gian niêm yết công khai, nếu kh"),
    ]
    for task in doc.tasks:
        assert [a.agency.name for a in task.agencies if a.role == "lead"] == ["Ủy ban nhân dân cấp xã"]
        assert not [a for a in task.agencies if a.role == "report_to"]
        assert task.deadlines == []  # "Trong thời gian 02 ngày làm việc" counts from an event: no deadline


def test_the_steps_of_an_administrative_procedure_are_not_tasks():
    doc = _parse("CÔNG BỐ THỦ TỤC HÀNH CHÍNH NỘI BỘ TRONG LĨNH VỰC ĐO ĐẠC VÀ BẢN ĐỒ", PROCEDURE_STEPS)
    assert not [t for t in doc.tasks if "thẩm định" in t.text]


COMMUNE = Agency(id="uy-ban-nhan-dan-cap-xa", name="Ủy ban nhân dân cấp xã", kind="people_committee", level="commune",
                 collective=True)  # fmt: skip
CITY = Agency(id="uy-ban-nhan-dan-thanh-pho", name="Ủy ban nhân dân thành phố", kind="people_committee",
              level="province")  # fmt: skip


def _mentions(text: str, *found: tuple[str, Agency]) -> list[AgencyMention]:
    out, pos = [], 0
    for surface, agency in found:
        start = text.index(surface, pos)
        out.append(AgencyMention(agency=agency, surface=surface, span_start=start, span_end=start + len(surface)))
        pos = start + len(surface)
    return out


def test_a_step_naming_the_committee_short_means_the_one_named_before():
    # Huế 125, Điều 6: "Bước 1. ..., Ủy ban nhân dân cấp xã tiếp nhận ..." ... "Bước 5. ... thì Ủy ban nhân dân
    # trả kết quả" (the reference data read the short name as the issuer, the city's committee)
    text = (
        "Bước 1. Trong thời gian 02 (hai) ngày làm việc, Ủy ban nhân dân cấp xã tiếp nhận, xem xét, kiểm tra tổng hợp "
        "hồ sơ.\nBước 5. Sau thời gian niêm yết công khai, nếu không có khiếu nại, phản ánh thì Ủy ban nhân dân trả "
        "kết quả đến cá nhân, hộ gia đình."
    )
    index = MentionIndex(text, _mentions(text, ("Ủy ban nhân dân cấp xã", COMMUNE), ("Ủy ban nhân dân", CITY)))
    step = text.index("Sau thời gian")
    doer = step_doer(index, step, len(text))
    assert doer is not None and doer.mentions[0].agency == CITY
    assert short_named_doer(index, doer, 0).mentions[0].agency == COMMUNE
    # a doer named in full stays itself
    first = step_doer(index, text.index("Trong thời gian"), step)
    assert short_named_doer(index, first, 0).mentions[0].agency == COMMUNE
