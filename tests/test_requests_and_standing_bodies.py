"""Two constructions whose doer is not the first body named.

A lead-in whose subject asks others ("Sở X đề nghị UBND các xã, phường ... Cụ thể:") gives its items
to the bodies it asks, not to itself (guide §3: the issuer never leads what it assigns). Quoted from
Hà Nội 5095/SGDĐT-CTTTHSSV, Đắk Lắk 010/CT-UBND, Lào Cai 3686/UBND-XD and Lào Cai 5141/SNNMT-KS.

A council's standing body (Thường trực Hội đồng nhân dân) is a body of its own that leads the
monitoring in a resolution's implementation article ("Giao Thường trực Hội đồng nhân dân, các Ban
..., các Tổ đại biểu và đại biểu ... giám sát"); in a distribution list it stands for the council.
Quoted from Hà Nội 51, 55 and 80/2025/NQ-HĐND, Huế 33/2025/NQ-HĐND, Vĩnh Long 21/2025/NQ-HĐND and the
"Nơi nhận" of Cao Bằng 53/2025/QĐ-UBND.
"""

from __future__ import annotations

import pytest

from parsers import parse_document
from parsers.agencies.find import find_agencies
from parsers.agencies.recipients import find_recipients
from parsers.models import SourceText
from parsers.tasks.roles import MentionIndex, doer_of, subject

# (lead-in, province, its subject, who does its items: names, [] when it asks nobody it names)
LEAD_INS = [
    (
        "Nhằm đảm bảo sức khỏe cho học sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, "
        "Sở Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc thực hiện nghiêm "
        "túc theo văn bản chỉ đạo của UBND Thành phố, chủ động điều chỉnh lịch học tập và sinh hoạt ngoài trời. Cụ thể:",
        "Hà Nội",
        "Sở Giáo dục và Đào tạo",
        ["Ủy ban nhân dân cấp xã"],
    ),
    (
        "Để nâng cao hiệu lực, hiệu quả trong công tác quản lý nhà nước về đầu tư; bảo đảm môi trường đầu tư thông "
        "thoáng, minh bạch, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, phường "
        "nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:",
        "Đắk Lắk",
        "Ủy ban nhân dân tỉnh",
        ["Các sở, ban, ngành"],
    ),
    (
        "Để tháo gỡ vướng mắc cho các doanh nghiệp, đồng thời để đảm bảo mục tiêu tăng trưởng hai con số theo chỉ đạo "
        "của Trung ương, Uỷ ban nhân dân tỉnh Lào Cai báo cáo và đề nghị Bộ Xây dựng nội dung như sau:",
        "Lào Cai",
        "Ủy ban nhân dân tỉnh",
        ["Bộ Xây dựng"],
    ),
    (
        "Nhằm chấn chỉnh, nâng cao trách nhiệm của các tổ chức, cá nhân được cấp phép khai thác khoáng sản, yêu cầu "
        "các đơn vị nghiêm túc thực hiện. Sở Nông nghiệp và Môi trường đề nghị một số nội dung cụ thể như sau:",
        "Lào Cai",
        "Sở Nông nghiệp và Môi trường",
        [],
    ),
]


@pytest.mark.parametrize(("text", "province", "asker", "doers"), LEAD_INS)
def test_a_lead_in_that_asks_gives_its_items_to_the_bodies_asked(text, province, asker, doers):
    index = MentionIndex(text, find_agencies(text, province=province))
    chain = next(c for c in index.chains(0, len(text)) if c.mentions[0].agency.name == asker)
    doer = doer_of(index, chain, len(text))
    assert ([m.agency.name for m in doer.leads()] if doer else []) == doers


def test_a_subject_that_does_the_work_itself_stays_the_doer():
    text = "Căn cứ Kế hoạch này, Sở Y tế chủ trì, phối hợp với các đơn vị triển khai các nội dung sau:"
    index = MentionIndex(text, find_agencies(text, province="Nghệ An"))
    chain = subject(index, 0, len(text))
    assert doer_of(index, chain, len(text)) is chain


LETTER = (
    "UBND THÀNH PHỐ HÀ NỘI\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    "Số: 5095/SGDĐT-CTTTHSSV\nV/v tăng cường các biện pháp cấp bách về kiểm soát ô nhiễm môi trường không khí\n"
    "Hà Nội, ngày 03 tháng 12 năm 2025\n"
    "Kính gửi: UBND các xã, phường; các đơn vị, cơ sở giáo dục trực thuộc.\n\n"
    "Nhằm đảm bảo sức khỏe cho học sinh, sinh viên và cán bộ, giáo viên, nhân viên của các đơn vị, trường học, Sở\n"
    "Giáo dục và Đào tạo đề nghị UBND các xã, phường; các đơn vị, cơ sở giáo dục\n"
    "trực thuộc thực hiện nghiêm túc theo văn bản chỉ đạo của UBND Thành phố, chủ\n"
    "động điều chỉnh lịch học tập và sinh hoạt ngoài trời. Cụ thể:\n"
    "- Thường xuyên cập nhật thông\ntin về chất lượng không khí, theo dõi chỉ số VN_AQI.\n"
    "- Hạn\nchế các hoạt động ngoài trời cho học sinh trong các khung giờ và ngày có chất\n"
    "lượng không khí ở mức “Xấu” trở lên.\n"
    "-\nTrường hợp chất lượng môi trường không khí bị ô nhiễm nghiêm trọng (VN_AQI ≥\n"
    "301), các đơn vị, trường học chủ động tạm dừng hoặc điều chỉnh thời gian làm việc, học tập cho phù hợp.\n"
    "Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.\n"
)


def test_a_letters_bullets_after_a_request_are_led_by_the_bodies_asked():
    doc = parse_document(SourceText(source="x.txt", site="text", text=LETTER, hints={"layout": "wrapped"}), "0" * 64)
    assert [t.text[:25] for t in doc.tasks] == [
        "Thường xuyên cập nhật thô",
        "Hạn chế các hoạt động ngo",
        "Trường hợp chất lượng môi",
    ]
    for task in doc.tasks:
        leads = [a.agency for a in task.agencies if a.role == "lead"]
        assert leads and all(a.collective for a in leads), task.text


# (implementation clause of a council resolution, province, the standing body's canonical name)
STANDING_BODY = [
    (
        "2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng "
        "nhân dân Thành phố giám sát việc thực hiện Nghị quyết.",
        "Hà Nội",
        "Thường trực Hội đồng nhân dân thành phố",
    ),
    (
        "2. Giao Thường trực Hội đồng nhân dân Thành phố, các Ban Hội đồng nhân dân Thành phố, các Tổ đại biểu và "
        "các đại biểu Hội đồng nhân dân Thành phố giám sát thực hiện Nghị quyết.",
        "Hà Nội",
        "Thường trực Hội đồng nhân dân thành phố",
    ),
    (
        "2. Giao Thường trực Hội đồng nhân dân, các Ban Hội đồng nhân dân, Tổ đại biểu Hội đồng nhân dân và đại biểu "
        "Hội đồng nhân dân thành phố trong phạm vi, nhiệm vụ, quyền hạn giám sát việc triển khai thực hiện Nghị quyết.",
        "Huế",
        "Thường trực Hội đồng nhân dân thành phố",
    ),
    (
        "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, Tổ đại biểu Hội đồng nhân "
        "dân tỉnh và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
        "Vĩnh Long",
        "Thường trực Hội đồng nhân dân tỉnh",
    ),
]


@pytest.mark.parametrize(("text", "province", "name"), STANDING_BODY)
def test_a_councils_standing_body_is_a_body_of_its_own(text, province, name):
    mentions = find_agencies(text, province=province)
    assert mentions[0].agency.name == name
    assert mentions[0].surface.startswith("Thường trực Hội đồng")


@pytest.mark.parametrize(("text", "province", "name"), STANDING_BODY)
def test_the_standing_body_leads_the_monitoring(text, province, name):
    head = (
        f"HỘI ĐỒNG NHÂN DÂN {'TỈNH' if 'tỉnh' in name else 'THÀNH PHỐ'} {province.upper()}\n"
        "Số: 80/2025/NQ-HĐND\nNGHỊ QUYẾT\nQuy định nội dung, mức chi hỗ trợ\n"
        "Điều 4. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết.\n"
    )
    doc = parse_document(SourceText(source="x.txt", site="text", text=head + text + "\n", hints={}), "0" * 64)
    task = next(t for t in doc.tasks if "giám sát" in t.text)
    assert [a.agency.name for a in task.agencies if a.role == "lead"] == [name]


@pytest.mark.parametrize(
    ("block", "province", "names"),
    [
        ("Nơi nhận:\n- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n- Lưu: VT.", "Cao Bằng",
         ["Tỉnh ủy", "Hội đồng nhân dân tỉnh"]),
        ("Nơi nhận:\n- Thường trực Thành ủy;\n- Thường trực HĐND, UBND, UBMTTQ TP;\n- Lưu: VT.", "Hà Nội",
         ["Thành ủy", "Hội đồng nhân dân thành phố", "Ủy ban nhân dân thành phố",
          "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]),
    ],
)  # fmt: skip
def test_in_a_distribution_list_the_standing_body_stands_for_its_council(block, province, names):
    assert [m.agency.name for m in find_recipients(block, province=province)] == names
