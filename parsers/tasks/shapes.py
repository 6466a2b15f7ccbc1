"""Shapes of task-bearing text: headings, lead-ins, field blocks and task-table headers.

Named patterns shared by the task finder (``parsers.tasks.driver``), each with a real example.
"""

from __future__ import annotations

import re

from parsers.lexicon.document_types import names
from parsers.lexicon.markers import CLOSING_OPENERS
from parsers.lexicon.vietnamese import UPPER
from parsers.text.structure import BULLET_STYLES, Paragraph

# Fields of a task block (extraction guide §3, "Task blocks"):
#   "a) Nhiệm vụ: ...", "- Nội dung thực hiện: ...", "- Cơ quan chủ trì: Sở Nội vụ.", "+ Thời hạn ban hành: ...",
#   "- Đơn vị phối hợp: Các Sở, ban, ngành.", "c) Thời gian thực hiện: Hoàn thành trong năm 2025."
FIELD = re.compile(
    r"""(?P<field>
        (?:Nội\s+dung(?:\s+(?:công\s+việc|thực\s+hiện|nhiệm\s+vụ))?|Nhiệm\s+vụ(?:\s+cụ\s+thể)?|Công\s+việc)
      | (?:Cơ\s+quan|Đơn\s+vị)\s+(?:thực\s+hiện|chủ\s+trì|phối\s+hợp|chịu\s+trách\s+nhiệm|tham\s+mưu)
      | Chủ\s+trì|Phối\s+hợp|Trách\s+nhiệm\s+thực\s+hiện|Phân\s+công\s+thực\s+hiện
      | Thời\s+(?:gian|hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành|triển\s+khai|ban\s+hành|báo\s+cáo|trình))?
      | Tiến\s+độ(?:\s+thực\s+hiện)?|Lộ\s+trình
      | Sản\s+phẩm(?:\s+(?:đầu\s+ra|dự\s+kiến))?|Kết\s+quả(?:\s+dự\s+kiến)?|Kinh\s+phí(?:\s+thực\s+hiện)?
    )\s*:\s*""",
    re.X | re.I,
)
FIELD_ROLE = [
    # a bare "Nội dung:" describes the work its heading names ("4. Rà soát văn bản quy phạm pháp luật" /
    # "- Nội dung: rà soát các văn bản ..."): the heading is the task, as in a block without "Nhiệm vụ"
    ("task", re.compile(r"^(?:nội\s+dung\s+\w|nhiệm\s+vụ|công\s+việc)", re.I)),
    ("deadline", re.compile(r"^(?:thời|tiến\s+độ|lộ\s+trình)", re.I)),
    ("coordinate", re.compile(r"phối\s+hợp", re.I)),
    ("lead", re.compile(r"chủ\s+trì|thực\s+hiện$|chịu\s+trách|tham\s+mưu|^trách\s+nhiệm|^phân\s+công", re.I)),
]
# A time field on a line of its own, the deadline of the item above it:
#   "- Tham mưu triển khai thực hiện kế hoạch kiểm kê ..." / "Thời gian hoàn thành: Tháng 11 - 12/2025."
TIME_FIELD_LINE = re.compile(r"^\W*(?:Thời\s+(?:gian|hạn|điểm)|Tiến\s+độ|Lộ\s+trình)(?:\s+[^\W\d]+){0,3}\s*:", re.I)
# Columns of a task table, by header text:
#   "TT | Nội dung thực hiện | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm dự kiến"
COLUMN_ROLES = [
    ("ordinal", re.compile(r"^(?:s?tt|số\s+tt|số\s+thứ\s+tự)$", re.I)),
    ("coordinate", re.compile(r"phối\s+hợp", re.I)),
    ("lead", re.compile(r"chủ\s+trì|thực\s+hiện\s+chính|chịu\s+trách\s+nhiệm|(?:cơ\s+quan|đơn\s+vị)\s+thực\s+hiện|"
                        r"phân\s+công|^cơ\s+quan$|^đơn\s+vị$|trách\s+nhiệm", re.I)),
    ("deadline", re.compile(r"thời\s+gian|thời\s+hạn|tiến\s+độ|hoàn\s+thành|lộ\s+trình|năm\s+thực\s+hiện", re.I)),
    ("product", re.compile(r"sản\s+phẩm|kết\s+quả|hình\s+thức|ghi\s+chú", re.I)),
    ("task", re.compile(r"nội\s+dung|nhiệm\s+vụ|công\s+việc|hoạt\s+động|chỉ\s+tiêu|giải\s+pháp|tên\s+|đề\s+án|dự\s+án",
                        re.I)),
]  # fmt: skip
# A lead-in announcing a list: "... thực hiện các nhiệm vụ sau:", "cụ thể như sau:", "gồm:"
LIST_INTRO = re.compile(r"(?:sau|như\s+sau|cụ\s+thể|gồm|bao\s+gồm|sau\s+đây|dưới\s+đây|chủ\s+yếu)\s*:\s*$", re.I)
# The issuer issuing the document, a preamble that introduces the whole plan, not doers of its items:
#   "UBND tỉnh ban hành Kế hoạch phát động phong trào thi đua ..., cụ thể như sau:"
ISSUING = re.compile(r"^[\s,*]*(?:ban\s+hành|xây\s+dựng\s+(?:và\s+ban\s+hành\s+)?Kế\s+hoạch)\b", re.I)
# "... các nền tảng ... như:": the items below are the objects of the work before the colon, not tasks
OBJECT_LIST = re.compile(r"\bnhư\s*:\s*$", re.I)
# "(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)": items that only summarise an appendix table
# A letter's address line names who it is for, it assigns nothing: "Kính gửi: Bộ Kế hoạch và Đầu tư."
ADDRESS_LINE = re.compile(r"^\W*Kính\s+gửi\b", re.I)
APPENDIX_POINTER = re.compile(r"(?:chi\s+tiết|danh\s+mục|cụ\s+thể|phân\s+công).{0,80}phụ\s+lục", re.I)
# A closing paragraph that still assigns something: reporting, reflecting difficulties, proposing
CLOSING_ASSIGNMENT = re.compile(r"\b(?:báo\s+cáo|phản\s+ánh|gửi|đề\s+xuất|kiến\s+nghị)\b", re.I)
# The usual last assignment of a plan, a task of its own: "Trong quá trình tổ chức thực hiện, nếu ..."
CLOSING_SENTENCE = re.compile(
    r"(?<=[.;]\s)(?:Trong\s+quá\s+trình|Quá\s+trình\s+thực\s+hiện|Trường\s+hợp\s+có\s+khó\s+khăn)"
)
# The closing formula of decisions, not a task (guide §3):
#   "Chánh Văn phòng UBND tỉnh, Giám đốc các Sở ... chịu trách nhiệm thi hành Quyết định này./.",
#   "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, ... căn cứ Quyết định thi hành./." (Bắc Ninh 456, 471)
EXECUTION_FORMULA = re.compile(
    r"chịu\s+trách\s+nhiệm\s+thi\s+hành|có\s+hiệu\s+lực\s+(?:thi\s+hành\s+)?(?:kể\s+)?từ\s+ngày"
    r"|căn\s+cứ\s+Quyết\s+định\s+(?:này\s+)?thi\s+hành",
    re.I,
)
# Where a sentence ends and the next begins: ". Các cơ quan ..."
SENTENCE_BREAK = re.compile(r"[.;]\s+(?=[\"“(]?[" + UPPER + "])")
SUMMARY_SENTENCE = re.compile(r"^\W*Trên\s+đây\s+là\b[^.]*\.\s*")
# A label that names a topic: "1. Về kiến nghị hoàn thiện đồng bộ hệ thống pháp luật, ...; ban hành mới ...:"
TOPIC_OPENER = re.compile(r"^\W*(?:Về|Đối\s+với)\s", re.I)
# A notice's last line, no task: "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Phú Thọ và các Bộ,
# cơ quan liên quan biết, thực hiện./.", "Văn phòng Chính phủ trân trọng thông báo./."
NOTICE_CLOSING = re.compile(
    r"^\W*[^.;:]{0,60}?\b(?:trân\s+trọng\s+)?thông\s+báo\s*(?:để\b[^.;]{0,200}\bbiết\b|\W*$)", re.I
)
# Zones: which section kinds hold tasks. Strong: every item is a task; medium: items that
# open with an action or name a doer; weak: items that name a doer.
STRONG_KINDS = {"tasks", "implementation", "appendix"}
MEDIUM_KINDS = {"activities", "other"}
WEAK_KINDS = {"funding", "procedure", "working"}
# Criteria and award forms ("Tiêu chí thi đua", "Hình thức khen thưởng"): an item is a task only where its own
# words name its doer ("Các cơ quan, đơn vị căn cứ thành tích ... để bình xét khen thưởng ..."); a heading's
# "Đối với Ủy ban Mặt trận Tổ quốc tỉnh" names whom the criteria judge, not who must act.
NAMED_KINDS = {"criteria"}
# An item that only describes something, "Label: value": "Số lượng: 5.000 cuốn.", "Xã Tân Tiến: Lấy mẫu ..."
LABELLED_DETAIL = re.compile(r"[^:;,.]{2,40}:\s")  # used with .match(): anchored at the item's start
# Document types that state rules rather than plan work: their items are tasks only with a named doer.
NORMATIVE_TYPES = {name.casefold() for name in names("normative")}
# Decisions that issue rules, or publish procedures, rather than plan work:
#   "Ban hành Quy định về quản lý chất thải rắn", "Quy định chức năng, nhiệm vụ, quyền hạn của Sở ...",
#   "Về việc công bố danh mục thủ tục hành chính ...", "Phân quyền, cắt giảm, đơn giản hóa thủ tục hành chính";
#   a card or form, its articles describing it: "Ban hành mẫu thẻ bảo hiểm y tế", "Về việc ban hành thẻ bảo
#   hiểm y tế cấp cho quân nhân ..." ("Điều 2. Phôi thẻ BHYT có kích thước ...: - Tiếp dưới in dòng chữ ...")
NORMATIVE_TITLE = re.compile(
    r"ban\s+hành\s+(?:bản\s+)?(?:quy\s+định|quy\s+chế|điều\s+lệ|nội\s+quy)|quy\s+định\s+chức\s+năng|"
    r"ban\s+hành\s+(?:(?:các\s+)?(?:biểu\s+)?mẫu|thẻ|phôi)\b|"
    r"(?:công\s+bố|cắt\s+giảm|đơn\s+giản\s+hóa|phân\s+quyền|phân\s+cấp)[^.;]{0,60}thủ\s+tục\s+hành\s+chính|"
    r"phê\s+duyệt\s+quy\s+trình\s+nội\s+bộ",
    re.I,
)
# A heading that names whose duties follow: "Trách nhiệm của Bộ Tài chính", "Nhiệm vụ, quyền hạn của Sở Y tế"
#   "Nội dung do Sở Tài chính chủ trì", "Nhiệm vụ giao Sở Y tế"
HEADING_OWNER = re.compile(
    r"(?:Trách\s+nhiệm|Nhiệm\s+vụ)(?:,?\s+(?:và\s+)?quyền\s+hạn)?\s+(?:của|cho)\s+(?!\d|năm\b|giai\s+đoạn|quý\b|tháng\b)"
    r"|(?:Các\s+)?(?:Nội\s+dung|Nhiệm\s+vụ|Công\s+việc)\s+(?:do|giao(?:\s+cho)?)\s+(?=\w)",
    re.I,
)
# The same heading without "của", where an agency must follow at once (a topic may not):
#   "Điều 16. Trách nhiệm Sở Công Thương", "Điều 2. Trách nhiệm Sở Nội vụ; UBND các xã, phường",
#   "Điều 6. Trách nhiệm Văn phòng UBND tỉnh" (never "Trách nhiệm thực hiện", which names no body)
HEADING_OWNER_BARE = re.compile(r"(?:Trách\s+nhiệm|Nhiệm\s+vụ)(?:,?\s+(?:và\s+)?quyền\s+hạn)?\s+(?=\w)", re.I)
# The part of a decision publishing administrative procedures that describes each one (steps, dossier, time limit,
# fees) for the people who use it; it assigns no work: "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG THỦ TỤC HÀNH CHÍNH
# NỘI BỘ", "II. NỘI DUNG THỦ TỤC HÀNH CHÍNH NỘI BỘ", "Nội dung thủ tục hành chính được công bố tại Quyết định này."
PROCEDURE_CARDS = re.compile(
    r"^\W*nội\s+dung\s+(?:cụ\s+thể\s+)?(?:của\s+)?(?:từng\s+|các\s+)?thủ\s+tục\s+hành\s+chính", re.I
)
# "Điều 1. Ban hành kèm theo Quyết định này ...": the decision enacting its content, not a task
ENACTING = re.compile(
    r"^\W*(?:Điều\s+\d+\s*[.:]\s*)?Ban\s+hành\s+kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Thông\s+tư)\s+này",
    re.I,
)
# The first article of a decision enacts its content, it assigns no work:
#   "Điều 1. Ban hành mẫu thẻ bảo hiểm y tế (BHYT) ...", "Điều 1. Sửa đổi, bổ sung tạm thời các Bảng chỉ tiêu ...",
#   "Điều 1. Công bố kèm theo Quyết định này ...", "Điều 1. Phê duyệt Kế hoạch ...", "Điều 1. Bãi bỏ ..."
ENACTING_VERB = re.compile(
    r"^\W*(?:Ban\s+hành|Sửa\s+đổi|Bổ\s+sung|Phê\s+duyệt|Công\s+bố|Bãi\s+bỏ|Hủy\s+bỏ|Thay\s+thế|Thông\s+qua|Công\s+nhận)\b",
    re.I,
)
ENACTING_ARTICLE = "Điều 1"
# The content of the administrative procedures a decision announces or whose internal workflow it
# approves: steps, dossiers and who handles them are the procedure's rules, not work the decision
# assigns. "PHẦN II. NỘI DUNG QUY TRÌNH NỘI BỘ THỦ TỤC HÀNH CHÍNH", "PHẦN II. NỘI DUNG CỤ THỂ CỦA TỪNG
# THỦ TỤC HÀNH CHÍNH NỘI BỘ", "Quy trình nội bộ giải quyết TTHC: ..." (an article of a regulation,
# "Điều 3. Trình tự thực hiện", states rules whose named doers still have tasks)
FORMALITIES_HEADING = re.compile(
    r"^\W*(?:(?:nội\s+dung|danh\s+mục)(?:\s+(?:cụ\s+thể|của|các|từng|quy\s+trình|nội\s+bộ))*\s+(?:thủ\s+tục\s+hành\s+chính|tthc)"
    r"|quy\s+trình\s+(?:nội\s+bộ|xử\s+lý|điện\s+tử|giải\s+quyết))",
    re.I,
)
# The articles of a regulation of a unit's functions (its title names the unit, ``functions_unit``): the
# duties article, "Điều 2. Nhiệm vụ và quyền hạn", "Điều 2. Nhiệm vụ, quyền hạn", each duty the unit's task;
# and the articles that describe the unit, holding none: "Điều 1. Vị trí và chức năng", "Điều 3. Cơ cấu tổ
# chức", "Cơ cấu tổ chức và biên chế"
UNIT_DUTIES_HEADING = re.compile(r"^\W*nhiệm\s+vụ\s*(?:,|và)\s*quyền\s+hạn\W*$", re.I)
UNIT_FRAME_HEADING = re.compile(
    r"^\W*(?:vị\s+trí\s*(?:,|và)\s*chức\s+năng|cơ\s+cấu\s+tổ\s+chức(?:\s*(?:,|và)\s*biên\s+chế)?)\W*$", re.I
)
# "Nơi nhận:" and the signature close the document body (an appendix may follow).
CLOSING_ZONE_START = CLOSING_OPENERS


def after_formula(text: str, start: int, end: int) -> int | None:
    """Where the sentences after a closing formula begin, when any remain; None when the
    formula ends the span: "Quyết định này có hiệu lực kể từ ngày ký, ban hành. Các cơ quan,
    đơn vị có liên quan bảo đảm triển khai ..." -> the offset of "Các cơ quan"."""
    formulas = list(EXECUTION_FORMULA.finditer(text, start, end))
    if not formulas:
        return start
    cut = SENTENCE_BREAK.search(text, formulas[-1].end(), end)
    if cut is None or len(text[cut.end() : end].split()) < 5:
        return None
    return cut.end()


def is_heading_like(p: Paragraph) -> bool:
    """A title, not a sentence: "1. Sở Kế hoạch và Đầu tư:", "III. TỔ CHỨC THỰC HIỆN"; a note in
    parentheses does not count: "1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: ...)"."""
    body = re.sub(r"\s*\([^()]*\)", "", p.body).strip()
    if not body:
        return True
    if len(body) > 160:
        return False
    if re.search(r"[;!?]$|[.;!?]\s+\S", body):
        return False  # a sentence, or a list item closed by ";"
    return not (body.endswith(".") and len(body) > 90)


# A letter's closing courtesy, which asks for attention, not for work (the requests are above it):
#   "Ủy ban nhân dân tỉnh Lào Cai trân trọng đề nghị Bộ Xây dựng quan tâm, sớm xem xét, chỉ đạo giải quyết./."
#   "... đề nghị UBND các xã, phường trên địa bàn tỉnh quan tâm, phối hợp thực hiện./."
COURTESY_CLOSING = re.compile(
    r"[^.;:]{0,80}?\bđề\s+nghị\s+[^.;:]{2,120}?\s+quan\s+tâm(?:[\s,]+(?:và\s+)?(?:sớm\s+)?"
    r"(?:xem\s+xét|chỉ\s+đạo|giải\s+quyết|phối\s+hợp|thực\s+hiện|hỗ\s+trợ|tạo\s+điều\s+kiện|cho\s+ý\s+kiến))*"
    r"\s*[./]*\s*$",
    re.I,
)
# A label line that names a topic, not work: "2.3. Đối với công tác quản lý, thống kê, kê khai ... khai
# thác, thu hồi khoáng sản" (a PDF letter's sub-heading, over two or three lines, no full stop)
TOPIC_HEADING = re.compile(r"^\W*(?:Đối\s+với|Về)\s", re.I)


def is_topic_heading(p: Paragraph) -> bool:
    """A topic line without a sentence in it ("Đối với ...", "Về ..."), however long."""
    body = p.body.strip()
    return bool(TOPIC_HEADING.match(body)) and not re.search(r"[.;:!?]$|[.;!?]\s+\S", body)


# A heading that names the bodies its items are for, the groups separated by ";" and no verb of its
# own: "1. Giao người đứng đầu các cơ quan chuyên môn, ... trực thuộc Ủy ban nhân dân Thành phố; Chủ
# tịch Ủy ban nhân dân các xã, phường và đặc khu" / "- Tiếp tục triển khai ...".
ADDRESSING = re.compile(r"^\W*(?:Giao|Đề\s+nghị|Yêu\s+cầu)\s", re.I)
ADDRESSEE_GROUP_MAX = 160


def is_addressee_heading(p: Paragraph) -> bool:
    """A heading naming its addressees in groups separated by ";" (is_heading_like reads a ";" as
    a sentence's end), not an item that closes with ".", ";" or ":"."""
    body = re.sub(r"\s*\([^()]*\)", "", p.body).strip()
    if not ADDRESSING.match(body) or body.endswith((".", ";", ":")):
        return False
    groups = body.split(";")
    return len(groups) <= 3 and all(len(g) <= ADDRESSEE_GROUP_MAX and not re.search(r"[.!?]\s+\S", g) for g in groups)


def ends_with_colon(p: Paragraph) -> bool:
    return p.text.rstrip().endswith(":")


def bullet_depth(styles_seen: list[str], style: str) -> int:
    """Depth of a bullet style by first appearance within its section ("-" then "+")."""
    if style not in styles_seen:
        styles_seen.append(style)
    return styles_seen.index(style)


def is_bullet(p: Paragraph) -> bool:
    return p.style in BULLET_STYLES
